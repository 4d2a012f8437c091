/**
 * The interface language: chosen by the user (remembered in localStorage under its own key),
 * otherwise the browser's preferred language, otherwise English.
 */
import { create } from 'zustand';
import { LANGS, type Lang } from '../core/model';

export const LANG_STORAGE_KEY = 'scale-out-lab/lang';

/** Language names are written in their own language, so they never go through the catalogue. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

const isLang = (v: unknown): v is Lang => typeof v === 'string' && LANGS.includes(v as Lang);

/** Picks the first supported language from a browser preference list (`ko-KR` → `ko`). */
export function detectLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

function readStored(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage blocked: fall back to the browser language
  }
}

function initialLang(): Lang {
  const stored = readStored();
  if (stored) return stored;
  const nav = globalThis.navigator;
  return detectLang(nav ? [...(nav.languages ?? []), nav.language ?? ''] : []);
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const useLangStore = create<LangState>()((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    set({ lang });
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not remembered across reloads; the choice still applies to this tab.
    }
  },
}));

/** Keeps `<html lang>` in step with the chosen language; returns the unsubscribe function. */
export function syncDocumentLang(doc: Document = document): () => void {
  doc.documentElement.lang = useLangStore.getState().lang;
  return useLangStore.subscribe((s) => {
    doc.documentElement.lang = s.lang;
  });
}
