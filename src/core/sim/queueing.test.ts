import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  allenCunneenWq,
  createLossQueueMetrics,
  createQueueMetrics,
  ekM1Wait,
  erlangB,
  erlangC,
  gc,
  gcAndDerivative,
  implicitEulerBacklogStep,
  meanNumberInSystem,
  mg1,
  mmc,
  mmcK,
  mmcSojournQuantile,
  mmcSojournVariance,
  servedFraction,
  UNBOUNDED,
  type BacklogStepResult,
  type GcResult,
} from './queueing';

const relErr = (got: number, want: number): number =>
  Math.abs(got - want) / Math.max(Math.abs(want), Number.MIN_VALUE);

/**
 * Erlang C from the textbook sum formula (independent of the module's recurrence):
 * C = (a^c/c!)·c/(c − a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c − a)). Only for small c.
 */
function erlangCBySum(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a); // term = a^c/c!
  return top / (sum + top);
}

/** Composite Simpson's rule on [lo, hi] with n (even) panels. */
function simpson(f: (t: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let s = f(lo) + f(hi);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (s * h) / 3;
}

/**
 * P(T > t) for the FCFS M/M/c sojourn time by numerical convolution, written directly from the
 * model: T = X + Wq, X ~ Exp(μ), Wq = 0 w.p. 1 − C, else Exp(θ), θ = cμ − λ.
 *   P(T > t) = (1 − C)e^{−μt} + C·[e^{−θt} + ∫₀ᵗ θe^{−θs}·e^{−μ(t−s)} ds]
 */
function sojournSurvivalByIntegration(mu: number, theta: number, C: number, t: number): number {
  const conv = simpson((s) => theta * Math.exp(-theta * s) * Math.exp(-mu * (t - s)), 0, t, 4000);
  return (1 - C) * Math.exp(-mu * t) + C * (Math.exp(-theta * t) + conv);
}

/** Offered load a at which erlangB(c, a) = target (B is increasing in a): bisection. */
function loadAtBlocking(c: number, target: number): number {
  let lo = 0;
  let hi = 10 * c + 10;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (erlangB(c, mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

describe('erlangB / erlangC', () => {
  it('matches Erlang B traffic tables at 1 % blocking', () => {
    // Standard Erlang B table: 15 lines carry 8.108 E, 10 lines carry 4.461 E at B = 0.01.
    expect(Math.abs(loadAtBlocking(15, 0.01) - 8.108)).toBeLessThan(1e-3);
    expect(Math.abs(loadAtBlocking(10, 0.01) - 4.46)).toBeLessThan(5e-3);
  });

  it('has the closed forms B(1, a) = a/(1 + a) and B(2, a) = a²/(2 + 2a + a²)', () => {
    for (const a of [0.01, 0.5, 1, 3.7, 100]) {
      expect(relErr(erlangB(1, a), a / (1 + a))).toBeLessThan(1e-14);
      expect(relErr(erlangB(2, a), (a * a) / (2 + 2 * a + a * a))).toBeLessThan(1e-14);
    }
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('works for non-integer loads and agrees with the sum formula for Erlang C', () => {
    for (const [c, a] of [
      [1, 0.75],
      [2, 1],
      [3, 2.4],
      [4, 3.5],
      [10, 7.25],
      [20, 19.9],
    ] as const) {
      expect(relErr(erlangC(c, a), erlangCBySum(c, a))).toBeLessThan(1e-12);
    }
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 4)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });

  it('is stable for c = 1000 near saturation', () => {
    const b = erlangB(1000, 999.9);
    const cw = erlangC(1000, 999.9);
    expect(b > 0 && b < 1 && cw > b && cw < 1).toBe(true);
  });
});

describe('mmc', () => {
  it('M/M/1 with λ = 3, μ = 4: L = 3, W = 1, Lq = 2.25, Wq = 0.75', () => {
    const r = mmc(3, 0.25, 1);
    expect(r.stable).toBe(true);
    expect(Math.abs(r.rho - 0.75)).toBeLessThan(1e-9);
    expect(Math.abs(r.L - 3)).toBeLessThan(1e-9);
    expect(Math.abs(r.W - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.Lq - 2.25)).toBeLessThan(1e-9);
    expect(Math.abs(r.Wq - 0.75)).toBeLessThan(1e-9);
    expect(Math.abs(r.pWait - 0.75)).toBeLessThan(1e-9);
  });

  it('PDQ bank model M/M/4, λ = 0.35/min, S = 10 min', () => {
    const r = mmc(0.35, 10, 4);
    expect(r.L).toBeCloseTo(8.665, 4);
    expect(r.W).toBeCloseTo(24.7572, 4);
    expect(r.Wq).toBeCloseTo(14.7572, 4);
  });

  it('HP-12C bank example M/M/3, λ = 1.2/min, S = 2 min', () => {
    const r = mmc(1.2, 2, 3);
    expect(r.Lq).toBeCloseTo(2.59, 2);
    expect(r.W).toBeCloseTo(4.16, 2);
  });

  it("satisfies Little's law and writes into a reusable output object", () => {
    const out = createQueueMetrics();
    for (const [lam, s, c] of [
      [0.9, 1, 1],
      [7, 0.1, 1],
      [30, 0.5, 16],
      [950, 1, 1000],
    ] as const) {
      expect(mmc(lam, s, c, out)).toBe(out);
      expect(relErr(out.L, lam * out.W)).toBeLessThan(1e-12);
      expect(relErr(out.Lq, lam * out.Wq)).toBeLessThan(1e-12);
      expect(relErr(out.L, meanNumberInSystem(c, lam * s))).toBeLessThan(1e-14);
    }
  });

  it('flags ρ ≥ 1 as unstable with finite placeholders', () => {
    for (const [lam, s, c] of [
      [4, 0.25, 1],
      [5, 1, 4],
      [1, 1, 0],
    ] as const) {
      const r = mmc(lam, s, c);
      expect(r.stable).toBe(false);
      expect(r.pWait).toBe(1);
      expect([r.Lq, r.L, r.Wq, r.W]).toEqual([UNBOUNDED, UNBOUNDED, UNBOUNDED, UNBOUNDED]);
      expect(Number.isFinite(r.rho)).toBe(true);
    }
    expect(mmc(5, 1, 4).rho).toBeCloseTo(1.25, 15);
    expect(meanNumberInSystem(2, 2)).toBe(UNBOUNDED);
  });

  it('empty system at λ = 0 has W = S', () => {
    const r = mmc(0, 2, 3);
    expect(r.stable).toBe(true);
    expect([r.L, r.Lq, r.Wq, r.W]).toEqual([0, 0, 0, 2]);
  });
});

describe('M/G/1 (Pollaczek–Khinchine) and Allen–Cunneen', () => {
  it('M/D/1 and M/M/1 at ρ = 0.5, S = 1', () => {
    // Wq = ρS(1 + cs²)/(2(1 − ρ)): M/D/1 0.5·1·1/(2·0.5) = 0.5; M/M/1 0.5·2/1 = 1.
    expect(mg1(0.5, 1, 0).Wq).toBeCloseTo(0.5, 14);
    expect(mg1(0.5, 1, 1).Wq).toBeCloseTo(1, 14);
    const r = mg1(0.5, 1, 0);
    expect(r.W).toBeCloseTo(1.5, 14);
    expect(r.Lq).toBeCloseTo(0.25, 14); // λ·Wq
    expect(r.L).toBeCloseTo(0.75, 14);
  });

  it('M/G/1 with cs² = 2 at ρ = 0.8, S = 1: Wq = 0.8·3/(2·0.2) = 6', () => {
    expect(mg1(0.8, 1, 2).Wq).toBeCloseTo(6, 12);
    // Same queue with S = 0.1 s (λ = 8/s): Wq = 0.6 s.
    expect(mg1(8, 0.1, 2).Wq).toBeCloseTo(0.6, 12);
  });

  it('M/G/1 with cs² = 1 equals M/M/1', () => {
    const a = mg1(3, 0.25, 1);
    const b = mmc(3, 0.25, 1);
    expect(relErr(a.L, b.L)).toBeLessThan(1e-14);
    expect(relErr(a.W, b.W)).toBeLessThan(1e-14);
  });

  it('is unstable at ρ ≥ 1', () => {
    const r = mg1(1, 1, 0.5, createQueueMetrics());
    expect(r.stable).toBe(false);
    expect(r.Wq).toBe(UNBOUNDED);
  });

  it('Allen–Cunneen scales Wq(M/M/c) by (ca² + cs²)/2', () => {
    const wq = mmc(30, 0.5, 16).Wq;
    expect(relErr(allenCunneenWq(30, 0.5, 16, 1, 1), wq)).toBeLessThan(1e-14);
    expect(relErr(allenCunneenWq(30, 0.5, 16, 0.5, 0), 0.25 * wq)).toBeLessThan(1e-14);
    // M/G/1: reduces to Pollaczek–Khinchine.
    expect(relErr(allenCunneenWq(0.8, 1, 1, 1, 2), 6)).toBeLessThan(1e-12);
    expect(allenCunneenWq(2, 1, 2, 1, 1)).toBe(UNBOUNDED);
  });
});

describe('mmcK', () => {
  it('one line, no waiting room: Erlang loss B = a/(1 + a)', () => {
    for (const a of [0.1, 1, 2.5, 40]) {
      const r = mmcK(a, 1, 1, 1);
      expect(relErr(r.pBlock, a / (1 + a))).toBeLessThan(1e-14);
      expect(relErr(r.throughput, a / (1 + a))).toBeLessThan(1e-14);
      expect(r.W).toBeCloseTo(1, 14); // accepted customers only see service
    }
  });

  it('M/M/1/K matches the closed forms for P_K and L', () => {
    // P_K = (1 − ρ)ρ^K/(1 − ρ^{K+1}),  L = ρ/(1 − ρ) − (K + 1)ρ^{K+1}/(1 − ρ^{K+1}),
    // W = L/(λ(1 − P_K)) by Little's law on accepted traffic.
    for (const rho of [0.3, 0.8, 0.95, 1.25, 3]) {
      for (const K of [1, 2, 10, 50]) {
        const pK = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
        const L = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
        const r = mmcK(rho, 1, 1, K);
        expect(relErr(r.pBlock, pK)).toBeLessThan(1e-10);
        expect(relErr(r.L, L)).toBeLessThan(1e-10);
        expect(relErr(r.W, L / (rho * (1 - pK)))).toBeLessThan(1e-10);
      }
    }
    // ρ = 1: uniform over 0..K.
    const u = mmcK(1, 1, 1, 10);
    expect(u.pBlock).toBeCloseTo(1 / 11, 14);
    expect(u.L).toBeCloseTo(5, 12);
  });

  it('hand-computed M/M/2/4 with a = 1', () => {
    // Weights 1, 1, 1/2, 1/4, 1/8 (sum 23/8): P_4 = 1/23, L = (1 + 1 + 3/4 + 1/2)/(23/8) = 26/23,
    // throughput = 22/23, W = L/throughput = 26/22.
    const r = mmcK(1, 1, 2, 4);
    expect(r.pBlock).toBeCloseTo(1 / 23, 14);
    expect(r.L).toBeCloseTo(26 / 23, 14);
    expect(r.throughput).toBeCloseTo(22 / 23, 14);
    expect(r.W).toBeCloseTo(26 / 22, 14);
    expect(r.Wq).toBeCloseTo(26 / 22 - 1, 14);
  });

  it('K = c is Erlang B and large K is M/M/c', () => {
    for (const [c, a] of [
      [5, 3],
      [15, 8.108],
      [100, 95],
    ] as const) {
      expect(relErr(mmcK(a, 1, c, c).pBlock, erlangB(c, a))).toBeLessThan(1e-12);
    }
    const big = mmcK(0.35, 10, 4, 100_000);
    expect(big.pBlock).toBeLessThan(1e-300);
    expect(big.L).toBeCloseTo(8.665, 4);
    expect(relErr(big.L, mmc(0.35, 10, 4).L)).toBeLessThan(1e-12);
    expect(relErr(big.W, mmc(0.35, 10, 4).W)).toBeLessThan(1e-12);
  });

  it('is stable for K = 100,000 with ρ = 1, ρ > 1 and many servers', () => {
    const flat = mmcK(1, 1, 1, 100_000);
    expect(relErr(flat.pBlock, 1 / 100_001)).toBeLessThan(1e-10);
    expect(relErr(flat.L, 50_000)).toBeLessThan(1e-10);

    const over = mmcK(1.1, 1, 1, 100_000);
    // M/M/1/K with ρ > 1 and huge K: P_K → 1 − 1/ρ, throughput → μ.
    expect(relErr(over.pBlock, 1 - 1 / 1.1)).toBeLessThan(1e-12);
    expect(relErr(over.throughput, 1)).toBeLessThan(1e-12);
    expect(over.utilization).toBeLessThanOrEqual(1);

    const wide = mmcK(2000, 1, 1000, 100_000, createLossQueueMetrics());
    expect(relErr(wide.pBlock, 0.5)).toBeLessThan(1e-9);
    expect(relErr(wide.throughput, 1000)).toBeLessThan(1e-9);
    for (const v of Object.values(wide)) expect(Number.isFinite(v)).toBe(true);

    const light = mmcK(500, 1, 1000, 100_000);
    expect(light.pBlock).toBe(0);
    expect(relErr(light.L, 500)).toBeLessThan(1e-12);
  });
});

describe('mmcSojournQuantile / mmcSojournVariance', () => {
  it('M/M/1 sojourn is Exp(μ − λ): p99 = ln(100)/(μ − λ)', () => {
    for (const [lam, mu] of [
      [3, 4],
      [0.5, 1],
      [99, 100],
      [1e-6, 1],
    ] as const) {
      const q99 = mmcSojournQuantile(lam, 1 / mu, 1, 0.99);
      expect(relErr(q99, Math.log(100) / (mu - lam))).toBeLessThan(1e-6);
      const q50 = mmcSojournQuantile(lam, 1 / mu, 1, 0.5);
      expect(relErr(q50, Math.LN2 / (mu - lam))).toBeLessThan(1e-6);
    }
  });

  it('M/M/2 with λ = μ = 1 (the equal-rate case cμ − λ = μ) against a hand derivation', () => {
    // a = 1, c = 2: B = 0.2, C = 0.2/(1 − 0.5·0.8) = 1/3, θ = 2 − 1 = 1 = μ, so the
    // hypoexponential part is Erlang-2 and P(T > t) = (2/3)e^{−t} + (1/3)(1 + t)e^{−t}
    // = e^{−t}(1 + t/3). Solve e^{−t}(1 + t/3) = 1 − p by bisection.
    for (const p of [0.5, 0.9, 0.99, 0.999]) {
      let lo = 0;
      let hi = 100;
      for (let i = 0; i < 200; i++) {
        const mid = 0.5 * (lo + hi);
        if (Math.exp(-mid) * (1 + mid / 3) > 1 - p) lo = mid;
        else hi = mid;
      }
      expect(relErr(mmcSojournQuantile(1, 1, 2, p), 0.5 * (lo + hi))).toBeLessThan(1e-9);
    }
  });

  it('M/M/c percentiles agree with the numerically integrated sojourn CDF', () => {
    for (const [lam, s, c] of [
      [1.2, 2, 3], // θ = 0.3 < μ = 0.5
      [0.35, 10, 4], // θ = 0.05 < μ = 0.1
      [1, 1, 4], // θ = 3 > μ = 1
      [15, 1, 16], // θ = 1 = μ
    ] as const) {
      const mu = 1 / s;
      const theta = c * mu - lam;
      const C = erlangCBySum(c, lam * s);
      for (const p of [0.5, 0.9, 0.99]) {
        const t = mmcSojournQuantile(lam, s, c, p);
        const surv = sojournSurvivalByIntegration(mu, theta, C, t);
        expect(Math.abs(1 - surv - p)).toBeLessThan(1e-9);
      }
    }
  });

  it('variance: M/M/1 gives 1/(μ − λ)²; M/M/c matches 2∫t·P(T>t)dt − W²', () => {
    expect(relErr(mmcSojournVariance(3, 0.25, 1), 1)).toBeLessThan(1e-12);
    expect(relErr(mmcSojournVariance(0.9, 1, 1), 100)).toBeLessThan(1e-12);
    const [lam, s, c] = [1.2, 2, 3];
    const mu = 1 / s;
    const theta = c * mu - lam;
    const C = erlangCBySum(c, lam * s);
    const W = s + C / theta;
    const m2 = 2 * simpson((t) => t * sojournSurvivalByIntegration(mu, theta, C, t), 0, 200, 2000);
    expect(relErr(mmcSojournVariance(lam, s, c), m2 - W * W)).toBeLessThan(1e-6);
    expect(mmcSojournVariance(0, 2, 3)).toBe(4);
  });

  it('returns documented fallbacks', () => {
    expect(mmcSojournQuantile(4, 0.25, 1, 0.99)).toBe(UNBOUNDED);
    expect(mmcSojournVariance(4, 0.25, 1)).toBe(UNBOUNDED);
    expect(mmcSojournQuantile(3, 0.25, 1, 0)).toBe(0);
    const top = mmcSojournQuantile(3, 0.25, 1, 1);
    expect(Number.isFinite(top) && top > 30).toBe(true); // −ln(2^-53) ≈ 36.7
  });
});

describe('ekM1Wait (E_k/M/1, strict round robin)', () => {
  it('k = 1 is M/M/1', () => {
    for (const rho of [0.1, 0.5, 0.8, 0.9, 0.99]) {
      expect(relErr(ekM1Wait(1, rho, 1), rho / (1 - rho))).toBeLessThan(1e-12);
      expect(relErr(ekM1Wait(1, rho / 3, 3), (3 * rho) / (1 - rho))).toBeLessThan(1e-12);
    }
  });

  it('k = 2, ρ = 0.9 against a hand-solved σ', () => {
    // σ = (2λ/(2λ + μ(1 − σ)))². With τ = 1 − σ and y = 1 + τ/(2ρ): σ = y⁻², and
    // τ = 2ρ(y − 1) = 1 − y⁻² = (y − 1)(y + 1)/y²  ⇒  2ρy² − y − 1 = 0  ⇒
    // y = (1 + √(1 + 8ρ))/(4ρ). For ρ = 0.9: √8.2 = 2.8635642126552705, y = 1.0732122812931306,
    // τ = 0.13178210632763526, σ = 0.8682178936723647, Wq = σ/(μτ) = 6.58828... (μ = 1).
    const rho = 0.9;
    const y = (1 + Math.sqrt(1 + 8 * rho)) / (4 * rho);
    const tau = 2 * rho * (y - 1);
    const sigma = 1 - tau;
    expect(sigma).toBeCloseTo(0.8682178936723647, 12);
    expect(relErr(ekM1Wait(2, rho, 1), sigma / tau)).toBeLessThan(1e-12);
    expect(ekM1Wait(2, rho, 1)).toBeCloseTo(6.5883, 4);
    // Same at ρ = 0.8: y = (1 + √7.4)/3.2, Wq = 2.84398 vs M/M/1 4.
    const y8 = (1 + Math.sqrt(7.4)) / 3.2;
    const tau8 = 1.6 * (y8 - 1);
    expect(relErr(ekM1Wait(2, 0.8, 1), (1 - tau8) / tau8)).toBeLessThan(1e-12);
  });

  it('round robin smooths arrivals: k = 2 waits 23–32 % less than M/M/1 at ρ 0.8–0.9', () => {
    for (const rho of [0.8, 0.85, 0.9]) {
      const mm1 = rho / (1 - rho);
      const reduction = 1 - ekM1Wait(2, rho, 1) / mm1;
      expect(reduction).toBeGreaterThanOrEqual(0.23);
      expect(reduction).toBeLessThanOrEqual(0.32);
    }
  });

  it('more backends (larger k) reduce the wait further, towards D/M/1', () => {
    for (const rho of [0.8, 0.9]) {
      const mm1 = rho / (1 - rho);
      let prev = mm1;
      for (const k of [2, 3, 4, 8, 16]) {
        const w = ekM1Wait(k, rho, 1);
        expect(w).toBeLessThan(prev);
        expect(1 - w / mm1).toBeGreaterThanOrEqual(0.23);
        prev = w;
      }
      // D/M/1: σ = e^{−(1−σ)/ρ}; solve τ = 1 − e^{−τ/ρ} on (0, 1) by bisection.
      let lo = 1e-9;
      let hi = 1;
      for (let i = 0; i < 200; i++) {
        const mid = 0.5 * (lo + hi);
        if (1 - Math.exp(-mid / rho) > mid) lo = mid;
        else hi = mid;
      }
      const tau = 0.5 * (lo + hi);
      expect(relErr(ekM1Wait(1e6, rho, 1), (1 - tau) / tau)).toBeLessThan(1e-5);
      expect(prev).toBeGreaterThan((1 - tau) / tau);
    }
  });

  it('matches the heavy-traffic (Kingman) limit (1/k + 1)/2 of the M/M/1 wait as ρ → 1', () => {
    for (const k of [2, 4]) {
      const rho = 0.9999;
      const ratio = ekM1Wait(k, rho, 1) / (rho / (1 - rho));
      expect(Math.abs(ratio - (1 / k + 1) / 2)).toBeLessThan(1e-3);
    }
  });

  it('returns documented fallbacks', () => {
    expect(ekM1Wait(2, 1, 1)).toBe(UNBOUNDED);
    expect(ekM1Wait(2, 0, 1)).toBe(0);
    expect(relErr(ekM1Wait(0, 0.5, 1), 1)).toBeLessThan(1e-12); // k < 1 → 1
  });
});

describe('G_c: inverse of the M/M/c mean number in system', () => {
  it('c = 1 is x/(1 + x) with derivative 1/(1 + x)²', () => {
    for (const x of [0.001, 0.5, 3, 99, 1e9]) {
      const r = gcAndDerivative(1, x, { g: 0, dgdx: 0 });
      expect(relErr(r.g, x / (1 + x))).toBeLessThan(1e-15);
      expect(relErr(r.dgdx, 1 / (1 + x) ** 2)).toBeLessThan(1e-14);
    }
    expect(gc(1, 3)).toBeCloseTo(0.75, 15);
    expect(servedFraction(4, meanNumberInSystem(4, 3.5))).toBeCloseTo(0.875, 12);
  });

  it('round-trips: G_c(L_mmc(a)) = a to 1e-9 relative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (c, f) => {
          const a = f * c;
          const g = gc(c, meanNumberInSystem(c, a));
          expect(Math.abs(g - a)).toBeLessThanOrEqual(1e-9 * a + 1e-300);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('is monotone increasing in x and bounded by min(x, c)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (c, x1, x2) => {
          const lo = Math.min(x1, x2);
          const hi = Math.max(x1, x2);
          const gLo = gc(c, lo);
          const gHi = gc(c, hi);
          expect(gLo).toBeLessThanOrEqual(gHi);
          expect(gHi).toBeLessThanOrEqual(Math.min(hi, c));
          expect(gLo).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('dG/dx matches central finite differences', () => {
    const out: GcResult = { g: 0, dgdx: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (c, f) => {
          const x = meanNumberInSystem(c, f * c);
          const h = 1e-5 * x;
          const fd = (gc(c, x + h) - gc(c, x - h)) / (2 * h);
          gcAndDerivative(c, x, out);
          expect(relErr(out.dgdx, fd)).toBeLessThan(1e-5);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('approaches c for large backlogs and handles the edges', () => {
    expect(relErr(gc(64, 1e9), 64)).toBeLessThan(1e-7);
    expect(gc(64, 1e9)).toBeLessThan(64);
    expect(gc(8, 0)).toBe(0);
    expect(gc(8, -5)).toBe(0);
    expect(gcAndDerivative(8, 0).dgdx).toBe(1);
    expect(gc(0, 10)).toBe(0);
    // Uses a module-level scratch object by default.
    expect(gcAndDerivative(2, 1)).toBe(gcAndDerivative(3, 1));
  });
});

describe('implicitEulerBacklogStep', () => {
  /** Run constant-rate steps and check monotone convergence to L_mmc. */
  function converge(lam: number, mu: number, c: number, dt: number, steps: number): void {
    const target = meanNumberInSystem(c, lam / mu);
    let x = 0;
    let prev = 0;
    let decreases = 0; // steps where x went down (oscillation)
    let overshoots = 0; // steps where x went above the fixed point
    for (let i = 0; i < steps; i++) {
      x = implicitEulerBacklogStep(x, lam, mu, c, dt);
      if (x < prev) decreases++;
      if (x > target * (1 + 1e-12)) overshoots++;
      prev = x;
    }
    expect(decreases).toBe(0);
    expect(overshoots).toBe(0);
    expect(relErr(x, target)).toBeLessThan(1e-6);
  }

  it('converges monotonically to L_mmc with dt = 1/60', () => {
    converge(3, 4, 1, 1 / 60, 12_000); // M/M/1: L = 3, relaxation time L'(a)/μ = 4 s
    converge(6, 1, 8, 1 / 60, 12_000); // M/M/8 at ρ = 0.75
    converge(0.35, 0.1, 4, 1 / 60, 300_000); // PDQ bank, slow dynamics (minutes)
  });

  it('converges monotonically to L_mmc with dt = 100 s (unconditionally stable)', () => {
    converge(3, 4, 1, 100, 50);
    converge(6, 1, 8, 100, 50);
    converge(950, 1, 1000, 100, 200);
    converge(0.35, 0.1, 4, 100, 200);
  });

  it('decays monotonically from a large backlog without undershoot', () => {
    for (const dt of [1 / 60, 1, 100]) {
      const target = meanNumberInSystem(8, 6);
      let x = 500;
      let bad = 0;
      for (let i = 0; i < 60_000 && relErr(x, target) > 1e-9; i++) {
        const next = implicitEulerBacklogStep(x, 6, 1, 8, dt);
        if (next > x || next < target * (1 - 1e-12)) bad++;
        x = next;
      }
      expect(bad).toBe(0);
      expect(relErr(x, target)).toBeLessThan(1e-6);
    }
  });

  it('x = L_mmc is a fixed point and work is conserved', () => {
    const L = meanNumberInSystem(8, 6);
    const out: BacklogStepResult = { x: 0, g: 0 };
    const x1 = implicitEulerBacklogStep(L, 6, 1, 8, 0.5, out);
    expect(relErr(x1, L)).toBeLessThan(1e-12);
    expect(relErr(out.g, 6)).toBeLessThan(1e-12);
    const x2 = implicitEulerBacklogStep(3, 10, 2, 4, 0.25, out);
    expect(relErr(x2, 3 + 0.25 * (10 - 2 * out.g))).toBeLessThan(1e-14);
    expect(relErr(out.g, gc(4, x2))).toBeLessThan(1e-12);
  });

  it('under overload (λ > cμ) the backlog grows at rate ≈ λ − cμ', () => {
    for (const dt of [1 / 60, 1, 100]) {
      let x = 0;
      const T = 5000;
      const n = Math.round(T / dt);
      for (let i = 0; i < n; i++) x = implicitEulerBacklogStep(x, 3, 1, 2, dt);
      const x0 = x;
      for (let i = 0; i < n; i++) x = implicitEulerBacklogStep(x, 3, 1, 2, dt);
      expect(Math.abs((x - x0) / T - 1)).toBeLessThan(1e-3);
    }
  });

  it('handles degenerate inputs', () => {
    expect(implicitEulerBacklogStep(5, 2, 1, 4, 0)).toBe(5);
    expect(implicitEulerBacklogStep(5, 2, 0, 4, 1)).toBe(7); // no service
    expect(implicitEulerBacklogStep(5, 2, 1, 0, 1)).toBe(7); // no servers
    expect(implicitEulerBacklogStep(0, 0, 1, 4, 1)).toBe(0);
  });
});

describe('finite outputs for finite inputs', () => {
  const allFinite = (...vs: number[]): boolean => vs.every((v) => Number.isFinite(v));

  it('realistic ranges: c ≤ 1000, ρ ≤ 0.9999, x ≤ 1e9', () => {
    const q = createQueueMetrics();
    const lk = createLossQueueMetrics();
    const g: GcResult = { g: 0, dgdx: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 100, noNaN: true }),
        (c, rho, S, x, p, dt) => {
          const lam = (rho * Math.max(c, 1)) / S;
          mmc(lam, S, c, q);
          expect(allFinite(q.rho, q.pWait, q.Lq, q.L, q.Wq, q.W)).toBe(true);
          mg1(rho / S, S, rho * 3, q);
          expect(allFinite(q.rho, q.pWait, q.Lq, q.L, q.Wq, q.W)).toBe(true);
          mmcK(lam, S, c, c + Math.floor(x % 1e5), lk);
          expect(allFinite(...Object.values(lk))).toBe(true);
          gcAndDerivative(c, x, g);
          expect(allFinite(g.g, g.dgdx)).toBe(true);
          expect(
            allFinite(
              erlangB(c, rho * c),
              erlangC(c, rho * c),
              meanNumberInSystem(c, rho * c),
              allenCunneenWq(lam, S, c, rho, 2),
              mmcSojournQuantile(lam, S, c, p),
              mmcSojournVariance(lam, S, c),
              ekM1Wait(c, rho / S, S),
              implicitEulerBacklogStep(x, lam * 1.5, 1 / S, c, dt),
            ),
          ).toBe(true);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('arbitrary finite doubles (negative, tiny, huge)', () => {
    const d = fc.double({ noNaN: true, noDefaultInfinity: true });
    const q = createQueueMetrics();
    const lk = createLossQueueMetrics();
    const g: GcResult = { g: 0, dgdx: 0 };
    const st: BacklogStepResult = { x: 0, g: 0 };
    fc.assert(
      fc.property(d, d, d, d, d, (u, v, w, x, y) => {
        // Keep counts moderate so the O(c) and O(K) loops stay fast; rates/times are unbounded.
        const c = Math.abs(w) % 2000;
        mmc(u, v, c, q);
        expect(allFinite(q.rho, q.pWait, q.Lq, q.L, q.Wq, q.W)).toBe(true);
        mg1(u, v, y, q);
        expect(allFinite(q.rho, q.pWait, q.Lq, q.L, q.Wq, q.W)).toBe(true);
        mmcK(u, v, c, Math.abs(x) % 200_000, lk);
        expect(allFinite(...Object.values(lk))).toBe(true);
        gcAndDerivative(c, x, g);
        expect(allFinite(g.g, g.dgdx)).toBe(true);
        implicitEulerBacklogStep(x, u, v, c, y, st);
        expect(allFinite(st.x, st.g)).toBe(true);
        expect(
          allFinite(
            erlangB(c, u),
            erlangC(c, u),
            meanNumberInSystem(c, u),
            allenCunneenWq(u, v, c, x, y),
            mmcSojournQuantile(u, v, c, y),
            mmcSojournVariance(u, v, c),
            ekM1Wait(w, u, v),
          ),
        ).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
