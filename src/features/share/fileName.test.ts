import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BASE_NAME, fileBaseName } from './fileName';

describe('fileBaseName', () => {
  it('folds punctuation and spaces into dashes', () => {
    expect(fileBaseName('Three tiers: web, app, database')).toBe('three-tiers-web-app-database');
    expect(fileBaseName('  ../../etc/passwd  ')).toBe('etc-passwd');
    expect(fileBaseName('쇼핑몰 v2')).toBe('쇼핑몰-v2');
  });

  it('falls back when nothing usable is left, and avoids device names', () => {
    expect(fileBaseName('')).toBe('topology');
    expect(fileBaseName('***')).toBe('topology');
    expect(fileBaseName('CON')).toBe('con-1');
  });

  it('always gives a short name without path or reserved characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const base = fileBaseName(name);
        expect(base.length).toBeGreaterThan(0);
        expect(base.length).toBeLessThanOrEqual(MAX_BASE_NAME + 2);
        expect(base).not.toMatch(/[\\/:*?"<>|\s.]|^-|-$/);
      }),
      { seed: 42 },
    );
  });
});
