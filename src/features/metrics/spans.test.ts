import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aboveSpans, crossing, secondsAbove, spansDuration } from './spans';

describe('aboveSpans', () => {
  it('places both crossings by interpolation', () => {
    expect(aboveSpans([0, 10, 20, 30], [0.8, 1, 1, 0.8], 0.9)).toEqual([{ x1: 5, x2: 25 }]);
  });

  it('finds several spans and keeps one still open at the end', () => {
    const t = [0, 1, 2, 3, 4, 5, 6];
    const v = [0.95, 0.95, 0.5, 0.5, 0.9, 1, 1];
    expect(aboveSpans(t, v, 0.9)).toEqual([
      { x1: 0, x2: crossing(1, 0.95, 2, 0.5, 0.9) },
      { x1: 4, x2: 6 },
    ]);
  });

  it('ends a span at a gap where the node did not exist', () => {
    expect(aboveSpans([0, 1, 2, 3], [0.95, 0.95, NaN, 0.95], 0.9)).toEqual([
      { x1: 0, x2: 1 },
      { x1: 3, x2: 3 },
    ]);
  });

  it('is empty for a series that never reaches the threshold', () => {
    expect(aboveSpans([0, 1, 2], [0.1, 0.89, 0.2], 0.9)).toEqual([]);
    expect(aboveSpans([], [], 0.9)).toEqual([]);
  });

  it('adds up to the same time as integrating segment by segment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 2, maxLength: 60 }),
        (v) => {
          const t = v.map((_, i) => i * 2);
          let total = 0;
          for (let i = 1; i < v.length; i++)
            total += secondsAbove(t[i - 1]!, v[i - 1]!, t[i]!, v[i]!, 0.9);
          const spans = aboveSpans(t, v, 0.9);
          expect(spansDuration(spans)).toBeCloseTo(total, 9);
          for (const s of spans) expect(s.x2).toBeGreaterThanOrEqual(s.x1);
        },
      ),
      { seed: 42 },
    );
  });
});

describe('secondsAbove', () => {
  it('counts the part of a rising or falling segment above the line', () => {
    expect(secondsAbove(0, 0.8, 10, 1, 0.9)).toBeCloseTo(5);
    expect(secondsAbove(0, 1, 10, 0.8, 0.9)).toBeCloseTo(5);
    expect(secondsAbove(0, 0.95, 10, 0.99, 0.9)).toBe(10);
    expect(secondsAbove(0, 0.5, 10, 0.6, 0.9)).toBe(0);
    expect(secondsAbove(0, NaN, 10, 1, 0.9)).toBe(0);
  });
});
