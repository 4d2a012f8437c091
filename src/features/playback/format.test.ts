import { describe, expect, it } from 'vitest';
import { formatClock, formatDollars, formatNumber, formatPercent } from './format';

describe('playback formatting', () => {
  it('shows simulated time as mm:ss, and h:mm:ss from an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59.99)).toBe('00:59');
    // Ten 0.1 s steps: 0.9999999999999999, which is one second on the clock.
    let t = 0;
    for (let i = 0; i < 10; i++) t += 0.1;
    expect(t).toBeLessThan(1);
    expect(formatClock(t)).toBe('00:01');
    expect(formatClock(61)).toBe('01:01');
    expect(formatClock(3599)).toBe('59:59');
    expect(formatClock(3600)).toBe('1:00:00');
    expect(formatClock(90061)).toBe('25:01:01');
    expect(formatClock(-5)).toBe('00:00');
    expect(formatClock(NaN)).toBe('00:00');
  });

  it('gives rates and latencies a sensible number of digits', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.4242)).toBe('0.42');
    expect(formatNumber(4.242)).toBe('4.24');
    expect(formatNumber(42.42)).toBe('42.4');
    expect(formatNumber(424.2)).toBe('424');
    expect(formatNumber(4242)).toBe('4.2k');
    expect(formatNumber(42420)).toBe('42k');
    expect(formatNumber(4_242_000)).toBe('4.2M');
    expect(formatNumber(42_420_000)).toBe('42M');
    expect(formatNumber(NaN)).toBe('–');
  });

  it('never rounds a small non-zero utilization down to 0 %', () => {
    expect(formatPercent(0)).toBe('0');
    expect(formatPercent(0.004)).toBe('<1');
    expect(formatPercent(0.9)).toBe('90');
    expect(formatPercent(1.37)).toBe('137');
    expect(formatPercent(Infinity)).toBe('–');
  });

  it('shows dollars with cents below $100', () => {
    expect(formatDollars(0.318)).toBe('0.32');
    expect(formatDollars(123.4)).toBe('123');
    expect(formatDollars(NaN)).toBe('–');
  });
});
