/**
 * Colour theme: follow the system (default), or force light or dark. The choice is remembered in
 * localStorage; the resolved theme is written to `<html data-theme>` for the CSS variables.
 */
import { create } from 'zustand';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
export type ResolvedTheme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'scale-out-lab/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function readStored(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return THEMES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

const systemPrefersDark = () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false;

interface ThemeState {
  theme: ThemeChoice;
  systemDark: boolean;
  setTheme: (theme: ThemeChoice) => void;
}

export const useThemeStore = create<ThemeState>()((set) => ({
  theme: readStored(),
  systemDark: systemPrefersDark(),
  setTheme: (theme) => {
    set({ theme });
    try {
      globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Not remembered across reloads; it still applies now.
    }
  },
}));

export const resolveTheme = (s: Pick<ThemeState, 'theme' | 'systemDark'>): ResolvedTheme =>
  s.theme === 'system' ? (s.systemDark ? 'dark' : 'light') : s.theme;

export const useResolvedTheme = () => useThemeStore(resolveTheme);

/** Applies the theme to the document and follows system changes; returns a cleanup function. */
export function syncTheme(doc: Document = document): () => void {
  const apply = () => {
    const resolved = resolveTheme(useThemeStore.getState());
    doc.documentElement.dataset['theme'] = resolved;
    doc.documentElement.style.colorScheme = resolved;
  };
  apply();
  const unsubscribe = useThemeStore.subscribe(apply);
  const media = globalThis.matchMedia?.(DARK_QUERY);
  const onChange = (e: MediaQueryListEvent) => useThemeStore.setState({ systemDark: e.matches });
  media?.addEventListener('change', onChange);
  return () => {
    unsubscribe();
    media?.removeEventListener('change', onChange);
  };
}
