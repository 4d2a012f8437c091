import { LANGS } from '../../core/model';
import { LANG_NAMES, useLangStore, useT } from '../../i18n';
import { Icon } from '../../ui/Icon';

/** English / 한국어. Each language is named in itself, so anyone can find their own. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLangStore((s) => s.lang);
  const setLang = useLangStore((s) => s.setLang);
  return (
    <label className="flex items-center gap-1 rounded-lg border border-border py-0.5 pr-1 pl-2 text-sm">
      <Icon name="language" size={18} />
      <span className="sr-only">{t('lang.label')}</span>
      <select
        data-testid="language"
        value={lang}
        onChange={(e) => {
          const next = LANGS.find((l) => l === e.target.value);
          if (next) setLang(next);
        }}
        className="h-7 cursor-pointer rounded bg-transparent pr-1 text-sm font-medium text-fg outline-none"
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
