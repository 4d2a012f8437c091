/**
 * File names for exports, from the topology's name. Pure; no DOM.
 */

/** Longest base name written (file systems allow 255 bytes; Korean takes 3 bytes a character). */
export const MAX_BASE_NAME = 60;

/**
 * A safe file base name: letters (any script) and digits kept, everything else folded into single
 * dashes, lower-cased, at most MAX_BASE_NAME characters; 'topology' when nothing is left.
 * @example fileBaseName('Three tiers: web, app, database') === 'three-tiers-web-app-database'
 * @example fileBaseName('쇼핑몰 v2') === '쇼핑몰-v2'
 */
export function fileBaseName(name: string): string {
  const base = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_BASE_NAME)
    .replace(/^-+|-+$/g, '');
  // Names Windows reserves for devices (CON, NUL, COM1…) cannot be files there.
  return !base ? 'topology' : /^(con|prn|aux|nul|com\d|lpt\d)$/.test(base) ? `${base}-1` : base;
}
