import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_POINTS, pickPoints, toRows } from './chartData';

describe('pickPoints', () => {
  it('keeps every point of a short series', () => {
    expect(pickPoints(4, [[1, 5, 2, 0]])).toEqual([0, 1, 2, 3]);
    expect(pickPoints(0, [])).toEqual([]);
  });

  it('thins a long series to the budget, in order, keeping both ends and every peak', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_DRAWN_POINTS + 1, max: 1200 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (length, lines, seed) => {
          let x = seed;
          const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
          const series = Array.from({ length: lines }, () =>
            Array.from({ length }, () => (rand() < 0.05 ? NaN : rand())),
          );
          const picked = pickPoints(length, series);
          expect(picked.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 2);
          expect(picked[0]).toBe(0);
          expect(picked.at(-1)).toBe(length - 1);
          for (let i = 1; i < picked.length; i++)
            expect(picked[i]!).toBeGreaterThan(picked[i - 1]!);
          // The highest value of all lines, e.g. the worst moment above 90 %, is drawn.
          let top = -1;
          let at = -1;
          series.forEach((s) =>
            s.forEach((v, i) => {
              if (Number.isFinite(v) && v > top) [top, at] = [v, i];
            }),
          );
          expect(picked).toContain(at);
        },
      ),
      { seed: 42 },
    );
  });
});

describe('toRows', () => {
  it('turns NaN into gaps and applies the scale', () => {
    expect(toRows([0, 1], { a: [0.5, NaN] }, { a: 100 })).toEqual([
      { t: 0, a: 50 },
      { t: 1, a: null },
    ]);
  });

  it('draws at most the point budget of a full history', () => {
    const t = Array.from({ length: 600 }, (_, i) => i);
    const rows = toRows(t, { a: t.map((i) => Math.sin(i / 10)) });
    expect(rows.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS + 2);
    expect(rows[0]!.t).toBe(0);
    expect(rows.at(-1)!.t).toBe(599);
  });
});
