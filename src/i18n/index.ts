/** The app's i18n: a typed catalogue per language, `useT()` for components, `msg()` for state. */
import { useMemo } from 'react';
import type { Lang, Text } from '../core/model';
import type { MessageKey } from './en';
import { formatNumber, formatUsd, message, type MessageVars } from './format';
import { useLangStore } from './langStore';

export type { MessageKey } from './en';
export { msg, formatNumber, formatUsd, type MessageVars } from './format';
export { useLangStore, LANG_NAMES, LANG_STORAGE_KEY, syncDocumentLang } from './langStore';

/** A translator bound to the current language. */
export interface Translate {
  (key: MessageKey, vars?: MessageVars): string;
  lang: Lang;
  /** Picks a core `Text` (kind labels, parameter help, refusal reasons) in this language. */
  text: (value: Text) => string;
  num: (value: number, options?: Intl.NumberFormatOptions) => string;
  usd: (value: number) => string;
}

export function makeTranslate(lang: Lang): Translate {
  const t = ((key: MessageKey, vars?: MessageVars) => message(lang, key, vars)) as Translate;
  t.lang = lang;
  t.text = (value) => value[lang];
  t.num = (value, options) => formatNumber(lang, value, options);
  t.usd = (value) => formatUsd(lang, value);
  return t;
}

/**
 * The translator for the current language; components re-render when the language changes.
 * @example const t = useT(); t('palette.add', { kind: t.text(KINDS.lb.label) })
 */
export function useT(): Translate {
  const lang = useLangStore((s) => s.lang);
  return useMemo(() => makeTranslate(lang), [lang]);
}
