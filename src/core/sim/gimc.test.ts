import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftedGammaQuantile } from './fluid';
import { gammaQuantileWH } from './gamma';
import { gimcPWaitRatio, gimcSigma, gimcWait, gimcWaitRatio } from './gimc';
import { ekM1Wait, erlangC } from './queueing';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('gimcWait', () => {
  it('gives the exact E3/M/2 wait of a round-robin split over three 2-core servers', () => {
    // Poisson 380 req/s dealt round robin over 3 servers, 11 ms of work, 2 cores: Takács' value.
    expect(rel(gimcWait(1 / 3, (0.38 / 3) * 11, 2) * 11, 5.684163952449867)).toBeLessThan(1e-12);
  });

  it('is the M/M/c wait C(c, a)/(c − a) for Poisson arrivals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.double({ min: 0.05, max: 0.97 }),
        (c, rho) => {
          const a = rho * c;
          const w = gimcWait(1, a, c);
          // Light load on many servers: the alternating sum is refused rather than trusted.
          if (Number.isNaN(w)) expect(erlangC(c, a)).toBeLessThan(1e-3);
          else expect(rel(w, erlangC(c, a) / (c - a))).toBeLessThan(1e-6);
        },
      ),
      { seed: 42 },
    );
  });

  it('refuses a sum that lost its digits instead of returning noise', () => {
    expect(gimcWait(1, 1, 20)).toBeNaN();
    expect(Number.isFinite(gimcWait(1 / 3, 14, 20))).toBe(true);
  });

  it('is the E_k/M/1 wait with one server', () => {
    for (const k of [2, 3, 5])
      for (const rho of [0.3, 0.7, 0.95])
        expect(rel(gimcWait(1 / k, rho, 1), ekM1Wait(k, rho, 1))).toBeLessThan(1e-9);
  });
});

describe('gimcWaitRatio', () => {
  it('is exactly 1 for Poisson arrivals, with P(wait) unchanged', () => {
    expect(gimcWaitRatio(1, 1.4, 2)).toBe(1);
    expect(gimcPWaitRatio()).toBe(1);
  });

  it('lies below Allen–Cunneen for smooth arrivals, and fewer requests wait', () => {
    // E3/M/2 at ρ 0.70: exact 5.68 ms, Allen–Cunneen's (1 + 1/3)/2 of M/M/2 would give 6.9 ms.
    const r = gimcWaitRatio(1 / 3, 1.4, 2);
    expect(r).toBeLessThan(0.6);
    expect(r).toBeGreaterThan(0.5);
    expect(gimcPWaitRatio()).toBeLessThan(1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.double({ min: 0.05, max: 0.99 }),
        fc.double({ min: 0.01, max: 0.99 }),
        (c, rho, ca2) => {
          const g = gimcWaitRatio(ca2, rho * c, c);
          expect(g).toBeGreaterThan(0);
          expect(g).toBeLessThanOrEqual(0.5 * (1 + ca2) + 1e-6);
          expect(gimcPWaitRatio()).toBeGreaterThan(0);
          expect(gimcPWaitRatio()).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
      { seed: 42 },
    );
  });

  it('falls back to Allen–Cunneen for bursty arrivals, near saturation and with many servers', () => {
    expect(gimcWaitRatio(3, 1, 2)).toBe(2);
    expect(gimcPWaitRatio()).toBe(1);
    expect(gimcWaitRatio(0.5, 1.995, 2)).toBe(0.75);
    expect(gimcWaitRatio(0.5, 32, 64)).toBe(0.75);
    expect(gimcWaitRatio(0.5, 0, 2)).toBe(1);
  });
});

describe('gimcWaitRatio warm start', () => {
  it('reaches the cold root from any start, below or above it, within the solve tolerance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.99, noNaN: true }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        fc.integer({ min: 1, max: 32 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (ca2, rho, c, guess) => {
          const cold = gimcWaitRatio(ca2, rho * c, c);
          const sigma = gimcSigma();
          const coldPWait = gimcPWaitRatio();
          const warm = gimcWaitRatio(ca2, rho * c, c, guess);
          if (Number.isNaN(sigma)) return;
          expect(gimcSigma()).toBeGreaterThan(0);
          expect(Math.abs(gimcSigma() - sigma)).toBeLessThanOrEqual(1e-12);
          expect(rel(warm, cold)).toBeLessThan(1e-9);
          expect(rel(gimcPWaitRatio(), coldPWait)).toBeLessThan(1e-9);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('shiftedGammaQuantile', () => {
  it('adds the fixed delay to the gamma quantile of the variable part', () => {
    expect(
      rel(shiftedGammaQuantile(0.03, 1e-4, 0.02, 0.99), 0.02 + 0.01 * Math.log(100)),
    ).toBeLessThan(1e-6);
    expect(shiftedGammaQuantile(0.03, 2e-4, 0, 0.95)).toBe(gammaQuantileWH(0.03, 2e-4, 0.95));
  });

  it('never goes below the fixed delay, and clamps a delay above the mean', () => {
    expect(shiftedGammaQuantile(0.03, 1e-4, 0.05, 0.5)).toBeGreaterThanOrEqual(0.03);
    expect(shiftedGammaQuantile(0.03, 1e-4, 0.02, 0.001)).toBeGreaterThanOrEqual(0.02);
  });
});
