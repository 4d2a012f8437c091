/**
 * Message formatting: `{name}` interpolation and cached `Intl.NumberFormat`s.
 * A full i18n library would add plural rules, ICU syntax and lazy loading; two languages with
 * short UI strings need none of that, so this stays a few dozen lines.
 */
import type { Lang, Text } from '../core/model';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, ko };

/** A placeholder value; a `Text` is resolved in the language being rendered. */
export type MessageVar = string | number | Text;
export type MessageVars = Record<string, MessageVar>;

const isText = (v: MessageVar): v is Text => typeof v === 'object';

/**
 * Replaces `{name}` placeholders; unknown names are left visible so a mistake shows on screen.
 * @example interpolate('Add {kind}', { kind: 'Server' }, 'en') === 'Add Server'
 */
export function interpolate(template: string, vars: MessageVars | undefined, lang: Lang): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return isText(v) ? v[lang] : String(v);
  });
}

/** The message in one language. */
export const message = (lang: Lang, key: MessageKey, vars?: MessageVars): string =>
  interpolate(CATALOGUES[lang][key], vars, lang);

/**
 * A message in every language, for state that outlives a language switch (notices).
 * @example msg('palette.add', { kind: KINDS.lb.label }).ko === '로드 밸런서 추가'
 */
export const msg = (key: MessageKey, vars?: MessageVars): Text => ({
  en: message('en', key, vars),
  ko: message('ko', key, vars),
});

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number for the language, caching the formatter per language and options.
 * @example formatNumber('en', 1234.5) === '1,234.5'
 */
export function formatNumber(
  lang: Lang,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  const key = `${lang}|${options ? JSON.stringify(options) : ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    formats.set(key, f);
  }
  return f.format(value);
}

/** US dollars as the cloud price lists write them ($0.096), whatever the language. */
export function formatUsd(lang: Lang, value: number): string {
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 4 : value < 10 ? 3 : 2;
  return `$${formatNumber(lang, value, { minimumFractionDigits: 2, maximumFractionDigits: digits })}`;
}
