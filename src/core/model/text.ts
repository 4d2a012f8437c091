/**
 * Bilingual text carried by the core (kind labels, parameter help, diagnostics).
 * Contract: pure data and functions; no DOM, no React.
 */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** A string in every language the app speaks. */
export interface Text {
  en: string;
  ko: string;
}

/** Builds a Text; reads better than object literals in long tables. */
export const t = (en: string, ko: string): Text => ({ en, ko });

/**
 * Fills `{name}` placeholders in both languages.
 * @example fill(t('{n} nodes', '노드 {n}개'), { n: 3 }).en === '3 nodes'
 */
export function fill(text: Text, vars: Record<string, string | number>): Text {
  const sub = (s: string) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  return { en: sub(text.en), ko: sub(text.ko) };
}
