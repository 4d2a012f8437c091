import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G, GLOBAL_FIELD_COUNT } from '../core/sim';
import { compareRuns, integrate, valueAt, type RunSeries } from './compare';

/** A run with constant p95, error and attempt rates, and cost accruing at `perHour`. */
function run(
  end: number,
  p95: number,
  errors: number,
  attempts: number,
  perHour: number,
): RunSeries {
  const t: number[] = [];
  for (let x = 0; x <= end; x += 10) t.push(x);
  const global = Array.from({ length: GLOBAL_FIELD_COUNT }, () => t.map(() => 0));
  global[G.latencyP95] = t.map(() => p95);
  global[G.errorRate] = t.map(() => errors);
  global[G.attempts] = t.map(() => attempts);
  global[G.costTotal] = t.map((x) => (perHour * x) / 3600);
  return { t, global };
}

describe('compareRuns', () => {
  it('gives current − pinned with the relative change, over the common span', () => {
    const pinned = run(600, 80, 2, 100, 0.096);
    const current = run(300, 60, 1, 100, 0.192);
    const c = compareRuns(current, pinned)!;
    expect(c.span).toBe(300);
    expect(c.p95).toMatchObject({ current: 60, pinned: 80, diff: -20, ratio: -0.25 });
    expect(c.errorRate.current).toBeCloseTo(0.01);
    expect(c.errorRate.pinned).toBeCloseTo(0.02);
    expect(c.errorRate.diff).toBeCloseTo(-0.01);
    expect(c.errorRate.ratio).toBeCloseTo(-0.5);
    expect(c.cost.current).toBeCloseTo(0.016);
    expect(c.cost.pinned).toBeCloseTo(0.008);
    expect(c.cost.ratio).toBeCloseTo(1);
  });

  it('has no ratio against a zero, and no comparison without data', () => {
    const c = compareRuns(run(100, 10, 1, 10, 0), run(100, 10, 0, 10, 0))!;
    expect(c.errorRate.diff).toBeCloseTo(0.1);
    expect(c.errorRate.ratio).toBeNaN();
    expect(compareRuns({ t: [], global: [] }, run(10, 1, 0, 1, 0))).toBeNull();
  });

  it('is antisymmetric: swapping the runs negates every difference', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        ([a, b], p1, p2) => {
          const x = run(a * 10, p1, 1, 50, 0.1);
          const y = run(b * 10, p2, 2, 50, 0.3);
          const xy = compareRuns(x, y)!;
          const yx = compareRuns(y, x)!;
          expect(xy.p95.diff).toBeCloseTo(-yx.p95.diff, 6);
          expect(xy.cost.diff).toBeCloseTo(-yx.cost.diff, 9);
        },
      ),
      { seed: 42 },
    );
  });
});

describe('integrate and valueAt', () => {
  it('integrate by trapezoids up to an end inside a segment', () => {
    expect(integrate([0, 10], [1, 3], 10)).toBe(20);
    expect(integrate([0, 10], [0, 10], 5)).toBeCloseTo(12.5);
    expect(integrate([0, 10, 20], [1, NaN, 1], 20)).toBe(10);
  });

  it('interpolate and clamp', () => {
    expect(valueAt([0, 10], [0, 10], 2.5)).toBe(2.5);
    expect(valueAt([0, 10], [0, 10], -1)).toBe(0);
    expect(valueAt([0, 10], [0, 10], 99)).toBe(10);
    expect(valueAt([], [], 1)).toBeNaN();
  });
});
