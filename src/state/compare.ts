/**
 * Compare runs: a pinned copy of a run's end-to-end series, and the differences between the
 * current run and a pinned one over the span both have recorded (p95 latency, error rate, cost).
 * Contract: pure functions over plain arrays; no React, no DOM, no store.
 */
import { G, GLOBAL_FIELD_COUNT } from '../core/sim/types';

/** A run's end-to-end series: `global[g][i]` is field g (see G) at `t[i]`. */
export interface RunSeries {
  t: number[];
  global: number[][];
}

export interface PinnedRun extends RunSeries {
  id: number;
  /** Topology name when pinned (may be empty). */
  name: string;
  /** Simulated second the run had reached. */
  end: number;
}

/** Pinned runs kept in memory; pinning another drops the oldest. */
export const MAX_PINNED = 3;

/** A copy of the end-to-end series of a history. */
export function snapshotSeries(h: {
  timeAxis(): number[];
  global(index: number): { v: number[] };
}): RunSeries {
  const global: number[][] = [];
  for (let g = 0; g < GLOBAL_FIELD_COUNT; g++) global.push(h.global(g).v.slice());
  return { t: h.timeAxis(), global };
}

/** Linear interpolation of v at time x (clamped to the ends; NaN for an empty series). */
export function valueAt(t: ArrayLike<number>, v: ArrayLike<number>, x: number): number {
  const n = Math.min(t.length, v.length);
  if (n === 0) return NaN;
  if (x <= t[0]!) return v[0]!;
  if (x >= t[n - 1]!) return v[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const t0 = t[lo]!;
  const t1 = t[hi]!;
  return t1 > t0 ? v[lo]! + ((v[hi]! - v[lo]!) * (x - t0)) / (t1 - t0) : v[hi]!;
}

/**
 * ∫ v dt from t[0] to `end` by the trapezoid rule (non-finite values count as 0).
 * @example integrate([0, 10], [1, 3], 10) === 20
 */
export function integrate(t: ArrayLike<number>, v: ArrayLike<number>, end: number): number {
  const n = Math.min(t.length, v.length);
  const val = (i: number) => (Number.isFinite(v[i]!) ? v[i]! : 0);
  let sum = 0;
  for (let i = 1; i < n; i++) {
    const t0 = t[i - 1]!;
    if (t0 >= end) break;
    const t1 = Math.min(t[i]!, end);
    const v1 = t[i]! > end ? valueAt([t0, t[i]!], [val(i - 1), val(i)], end) : val(i);
    sum += ((val(i - 1) + v1) / 2) * (t1 - t0);
  }
  return sum;
}

export interface Delta {
  current: number;
  pinned: number;
  /** current − pinned. */
  diff: number;
  /** diff / |pinned| (NaN when pinned is 0). */
  ratio: number;
}

export interface RunComparison {
  /** Both runs are compared over [0, span] simulated seconds. */
  span: number;
  /** Time-weighted mean of the end-to-end p95, ms. */
  p95: Delta;
  /** Errors over attempts across the span (0..1). */
  errorRate: Delta;
  /** Dollars spent by the end of the span. */
  cost: Delta;
}

const delta = (current: number, pinned: number): Delta => ({
  current,
  pinned,
  diff: current - pinned,
  ratio: pinned !== 0 && Number.isFinite(pinned) ? (current - pinned) / Math.abs(pinned) : NaN,
});

function summarize(run: RunSeries, span: number) {
  const t = run.t;
  const g = (i: number) => run.global[i] ?? [];
  const start = t[0] ?? 0;
  const length = span - start;
  const p95 =
    length > 0 ? integrate(t, g(G.latencyP95), span) / length : (g(G.latencyP95)[0] ?? NaN);
  const attempts = integrate(t, g(G.attempts), span);
  const errors = integrate(t, g(G.errorRate), span);
  return {
    p95,
    errorRate: attempts > 0 ? errors / attempts : 0,
    cost: valueAt(t, g(G.costTotal), span),
  };
}

/**
 * The current run against a pinned one, over the time both have recorded. Null until both have
 * at least one point.
 * @example compareRuns(current, pinned)?.p95.diff // ms slower (+) or faster (−) than the pinned run
 */
export function compareRuns(current: RunSeries, pinned: RunSeries): RunComparison | null {
  const endA = current.t[current.t.length - 1];
  const endB = pinned.t[pinned.t.length - 1];
  if (endA === undefined || endB === undefined) return null;
  const span = Math.min(endA, endB);
  const a = summarize(current, span);
  const b = summarize(pinned, span);
  return {
    span,
    p95: delta(a.p95, b.p95),
    errorRate: delta(a.errorRate, b.errorRate),
    cost: delta(a.cost, b.cost),
  };
}
