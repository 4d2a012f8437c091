import { useT, type MessageKey } from '../../i18n';
import { THEMES, useThemeStore, type ThemeChoice } from '../../state/themeStore';
import { IconButton } from '../../ui/IconButton';

const LABELS: Record<ThemeChoice, MessageKey> = {
  system: 'theme.system',
  light: 'theme.light',
  dark: 'theme.dark',
};

/** System / light / dark, as a three-way toggle. */
export function ThemeSwitch() {
  const t = useT();
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  return (
    <div
      role="group"
      aria-label={t('theme.label')}
      className="flex items-center rounded-lg border border-border p-0.5"
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
  );
}
