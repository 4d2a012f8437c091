import { describe, expect, it } from 'vitest';
import { resolveTheme } from './themeStore';

describe('resolveTheme', () => {
  it('follows the system unless a theme is chosen', () => {
    expect(resolveTheme({ theme: 'system', systemDark: true })).toBe('dark');
    expect(resolveTheme({ theme: 'system', systemDark: false })).toBe('light');
    expect(resolveTheme({ theme: 'light', systemDark: true })).toBe('light');
    expect(resolveTheme({ theme: 'dark', systemDark: false })).toBe('dark');
  });
});
