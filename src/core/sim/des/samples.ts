/**
 * Growable sample buffers and exact empirical statistics (mean, quantiles) for the reference engine.
 * Contract: pure; no DOM, no clock.
 */

/** A growable list of numbers in a Float64Array. */
export class Samples {
  private buf: Float64Array;
  private n = 0;

  constructor(capacity = 256) {
    this.buf = new Float64Array(Math.max(16, capacity | 0));
  }

  get count(): number {
    return this.n;
  }

  push(x: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = x;
  }

  /** The stored values (a view; valid until the next push). */
  view(): Float64Array {
    return this.buf.subarray(0, this.n);
  }
}

/** Mean and quantiles of a sample, in the sample's unit. Zeros for an empty sample. */
export interface Summary {
  count: number;
  mean: number;
  /** Standard deviation (population, 1/n). */
  sd: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Quantile of sorted data with linear interpolation between order statistics (Hyndman–Fan
 * type 7, the default of R and NumPy).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value it would have if sorted, everything before
 * it is ≤ and everything after is ≥ (quickselect, median-of-three pivots). O(n) on average.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to the middle, guarding against sorted and reversed runs.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Type-7 quantiles at increasing probabilities, by successive selections (no full sort). The
 * array is reordered.
 */
export function quantilesInPlace(a: Float64Array, ps: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return ps.map(() => 0);
  let from = 0;
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
    const h = (n - 1) * p;
    const k = Math.floor(h);
    if (k < from) throw new RangeError('quantilesInPlace: probabilities must increase');
    selectInPlace(a, k, from, n - 1);
    // The next order statistic is the smallest value after k.
    let next = a[k]!;
    if (k + 1 < n) {
      next = a[k + 1]!;
      for (let i = k + 2; i < n; i++) if (a[i]! < next) next = a[i]!;
    }
    from = k;
    return a[k]! + (h - k) * (next - a[k]!);
  });
}

/**
 * Summarizes samples from several buffers (selecting in a merged copy; the buffers are untouched).
 * @example summarize([s]).p99
 */
export function summarize(parts: readonly Samples[]): Summary {
  let n = 0;
  for (const p of parts) n += p.count;
  if (n === 0) return { count: 0, mean: 0, sd: 0, p50: 0, p95: 0, p99: 0 };
  const all = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    const v = p.view();
    all.set(v, o);
    o += v.length;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += all[i]!;
  const mean = sum / n;
  // Two-pass variance: no cancellation when the spread is small next to the mean.
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (all[i]! - mean) ** 2;
  const [p50, p95, p99] = quantilesInPlace(all, [0.5, 0.95, 0.99]);
  return { count: n, mean, sd: Math.sqrt(ss / n), p50: p50!, p95: p95!, p99: p99! };
}
