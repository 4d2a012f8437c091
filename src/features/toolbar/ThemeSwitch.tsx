import { useT, type MessageKey } from '../../i18n';
import { THEMES, useThemeStore, type ThemeChoice } from '../../state/themeStore';
import { IconButton } from '../../ui/IconButton';

const LABELS: Record<ThemeChoice, MessageKey> = {
  system: 'theme.system',
  light: 'theme.light',
  dark: 'theme.dark',
};

/**
 * System / light / dark: a three-way toggle, or on a phone one button that cycles through them.
 */
export function ThemeSwitch() {
  const t = useT();
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';
  return (
    <>
      <IconButton
        icon={theme}
        label={`${t('theme.label')}: ${t(LABELS[theme])}`}
        data-testid="theme-cycle"
        className="sm:hidden"
        onClick={() => setTheme(next)}
      />
      <div
        role="group"
        aria-label={t('theme.label')}
        className="hidden items-center rounded-lg border border-border p-0.5 sm:flex"
      >
        {THEMES.map((th) => (
          <IconButton
            key={th}
            icon={th}
            label={t(LABELS[th])}
            title={`${t('theme.label')}: ${t(LABELS[th])}`}
            data-testid={`theme-${th}`}
            aria-pressed={theme === th}
            className="h-7 min-w-7 px-1"
            onClick={() => setTheme(th)}
          />
        ))}
      </div>
    </>
  );
}
