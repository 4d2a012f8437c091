import { describe, expect, it } from 'vitest';
import { formatDelta, signed, signedRatio } from './compareFormat';

describe('compare formatting', () => {
  it('signs differences with + and a true minus', () => {
    expect(signed(12, (x) => x.toFixed(1))).toBe('+12.0');
    expect(signed(-3.4, (x) => x.toFixed(2))).toBe('\u22123.40');
    expect(signed(0, (x) => x.toFixed(1))).toBe('0.0');
    expect(signed(NaN, String)).toBe('–');
  });

  it('writes a difference too small to show as an unsigned zero, with no relative change', () => {
    expect(signed(0.0004, (x) => x.toFixed(2))).toBe('0.00');
    const tiny = formatDelta('errorRate', {
      current: 1e-7,
      pinned: 2e-6,
      diff: -1.9e-6,
      ratio: -0.95,
    });
    expect(tiny).toMatchObject({ diff: '0.00 pp', ratio: '', direction: 0 });
  });

  it('shows small costs to four decimals', () => {
    expect(
      formatDelta('cost', { current: 0.0042, pinned: 0.0021, diff: 0.0021, ratio: 1 }),
    ).toMatchObject({
      current: '$0.0042',
      diff: '+$0.0021',
    });
  });

  it('gives the relative change in %, or nothing without a base', () => {
    expect(signedRatio(0.25)).toBe('(+25 %)');
    expect(signedRatio(-0.034)).toBe('(\u22123.4 %)');
    expect(signedRatio(NaN)).toBe('');
  });

  it('formats p95, error rate (percentage points) and cost', () => {
    expect(formatDelta('p95', { current: 60, pinned: 80, diff: -20, ratio: -0.25 })).toEqual({
      current: '60.0 ms',
      pinned: '80.0 ms',
      diff: '\u221220.0 ms',
      ratio: '(\u221225 %)',
      direction: -1,
    });
    expect(
      formatDelta('errorRate', { current: 0.03, pinned: 0.01, diff: 0.02, ratio: 2 }).diff,
    ).toBe('+2.00 pp');
    expect(formatDelta('cost', { current: 0.5, pinned: 0.25, diff: 0.25, ratio: 1 }).ratio).toBe(
      '(+100 %)',
    );
  });
});
