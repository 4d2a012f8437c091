/** The reference engine's building blocks: random streams, the event heap, exact quantiles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap';
import { Rng } from './rng';
import { quantileSorted, quantilesInPlace, Samples, selectInPlace, summarize } from './samples';

const FC = { seed: 42, numRuns: 200 };

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const c = new Rng(6);
    const xs = Array.from({ length: 50 }, () => a.nextU32());
    expect(Array.from({ length: 50 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('keeps seeds above 2^32 apart from their low 32 bits', () => {
    expect(new Rng(2 ** 32 + 3).nextU32()).not.toBe(new Rng(3).nextU32());
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(1);
    const n = 400_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    // Standard error of the mean: sqrt(1/12 / n) ≈ 4.6e-4.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.001);
  });

  it.each([
    [1, 0.004],
    [0.5, 2],
    [2, 0.3],
    [0.2, 10],
    [1.5, 1],
  ])(
    'withCv(mean, cv = %f) has the mean and coefficient of variation asked for (mean %f)',
    (cv, mean) => {
      const r = new Rng(99);
      const n = 300_000;
      let s = 0;
      let s2 = 0;
      let negative = 0;
      for (let i = 0; i < n; i++) {
        const x = r.withCv(mean, cv);
        if (x < 0) negative++;
        s += x;
        s2 += x * x;
      }
      expect(negative).toBe(0);
      const m = s / n;
      const sd = Math.sqrt(s2 / n - m * m);
      // The sample mean's standard error is cv·mean/sqrt(n); the CV estimate is looser for heavy tails.
      expect(Math.abs(m - mean) / mean).toBeLessThan((5 * cv) / Math.sqrt(n));
      expect(Math.abs(sd / m - cv) / cv).toBeLessThan(cv > 1 ? 0.03 : 0.01);
    },
  );

  it('withCv at cv 0 is the mean itself', () => {
    expect(new Rng(1).withCv(3.25, 0)).toBe(3.25);
  });

  it('rejects a non-finite seed', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/seed/);
  });
});

describe('EventHeap', () => {
  it('pops in time order, equal times in insertion order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }),
        (ops) => {
          const h = new EventHeap(16);
          const ref: { t: number; d: number }[] = [];
          let next = 0;
          const out: number[] = [];
          const expected: number[] = [];
          for (const [t, pop] of ops) {
            if (pop && ref.length > 0) {
              // Reference: earliest time, then lowest insertion number.
              let best = 0;
              for (let i = 1; i < ref.length; i++)
                if (
                  ref[i]!.t < ref[best]!.t ||
                  (ref[i]!.t === ref[best]!.t && ref[i]!.d < ref[best]!.d)
                )
                  best = i;
              expected.push(ref.splice(best, 1)[0]!.d);
              out.push(h.pop());
            } else {
              h.push(t / 4, next);
              ref.push({ t: t / 4, d: next });
              next++;
            }
          }
          expect(out).toEqual(expected);
          expect(h.size).toBe(ref.length);
        },
      ),
      FC,
    );
  });

  it('reports the popped time, grows past its capacity, and returns -1 when empty', () => {
    const h = new EventHeap(16);
    for (let i = 100; i > 0; i--) h.push(i, i);
    expect(h.peekTime()).toBe(1);
    for (let i = 1; i <= 100; i++) {
      expect(h.pop()).toBe(i);
      expect(h.lastTime).toBe(i);
    }
    expect(h.pop()).toBe(-1);
    expect(h.peekTime()).toBe(Infinity);
  });
});

describe('exact quantiles', () => {
  const sortedCopy = (xs: number[]) => Float64Array.from(xs).sort();

  it('quantileSorted is type 7 (linear between order statistics)', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSorted(Float64Array.of(10), 0.99)).toBe(10);
    expect(quantileSorted(Float64Array.of(0, 100), 0.95)).toBeCloseTo(95, 12);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBe(0);
    expect(() => quantileSorted(Float64Array.of(1), 1.5)).toThrow(/p must be/);
  });

  it('selection gives the same quantiles as sorting (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        (xs) => {
          const sorted = sortedCopy(xs);
          const ps = [0.5, 0.95, 0.99];
          const got = quantilesInPlace(Float64Array.from(xs), ps);
          ps.forEach((p, i) => expect(got[i]).toBe(quantileSorted(sorted, p)));
        },
      ),
      FC,
    );
  });

  it('selectInPlace puts the k-th smallest at k with smaller values before it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (xs, kk) => {
          const a = Float64Array.from(xs);
          const k = kk % xs.length;
          selectInPlace(a, k);
          const sorted = sortedCopy(xs);
          expect(a[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(a[k]!);
          for (let i = k + 1; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[k]!);
        },
      ),
      FC,
    );
  });

  it('summarize merges buffers without changing them', () => {
    const a = new Samples(16);
    const b = new Samples(16);
    for (let i = 1; i <= 60; i++) a.push(i);
    for (let i = 61; i <= 100; i++) b.push(i);
    const s = summarize([b, a]);
    expect(s.count).toBe(100);
    expect(s.mean).toBe(50.5);
    expect(s.sd).toBeCloseTo(Math.sqrt((100 * 100 - 1) / 12), 12);
    expect(s.p50).toBe(50.5);
    expect(s.p95).toBeCloseTo(95.05, 12);
    expect(s.p99).toBeCloseTo(99.01, 12);
    expect(Array.from(a.view()).slice(0, 3)).toEqual([1, 2, 3]);
    expect(summarize([])).toEqual({ count: 0, mean: 0, sd: 0, p50: 0, p95: 0, p99: 0 });
  });
});
