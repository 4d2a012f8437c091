/**
 * Users nodes: the share of requests that time out comes from the same end-to-end model as the
 * reported percentiles (fixed round trips plus a gamma fit of the rest), and a users node never
 * shows a latency above its own timeout.
 */
import { describe, expect, it } from 'vitest';
import { gammaQuantileWH } from './gamma';
import { gammaSurvival } from './fluid';
import { createSim } from './kernel';
import { mmc, mmcSojournVariance } from './queueing';
import { nodeField, run, TopologyBuilder } from './testing';
import { F } from './types';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Users → one M/M/2 server (m5.large, `S` s of work per request), over a 20 ms internet hop. */
function usersOnServer(rate: number, S: number, timeoutMs: number) {
  return new TopologyBuilder()
    .node('users', 'u', { rate, timeoutMs, retries: 0 })
    .node('server', 's', {
      instanceType: 'm5.large',
      roles: ['web', 'app', 'db'],
      webDemandMs: S * 1000,
      appDemandMs: 0,
      dbReadDemandMs: 0,
      dbWriteDemandMs: 0,
      queueLimit: 1000000,
    })
    .link('u', 's')
    .build();
}

/**
 * The end-to-end model of users → server at λ/s on two cores of S s: the 20 ms round trip plus
 * the M/M/2 sojourn (exact first two moments), and a timeout at its p-quantile in whole ms.
 */
function model(rate: number, S: number, p: number) {
  const fixed = 0.02;
  const mean = mmc(rate, S, 2).W + fixed;
  const v = mmcSojournVariance(rate, S, 2);
  const timeoutMs = Math.round((fixed + gammaQuantileWH(mean - fixed, v, p)) * 1000);
  const tau = timeoutMs / 1000;
  const quantile = (q: number) => fixed + gammaQuantileWH(mean - fixed, v, q);
  /** P(T > τ) with T = the round trip + a gamma of the sojourn's mean and variance. */
  const timedOut = gammaSurvival(mean - fixed, v, tau - fixed);
  return { mean, v, timeoutMs, tau, quantile, timedOut };
}

function settled(rate: number, S: number, timeoutMs: number) {
  const sim = createSim(usersOnServer(rate, S, timeoutMs));
  run(sim, 120, 1 / 60);
  return sim.frame();
}

describe('users timeouts', () => {
  it('counts as timed out the share of the shifted end-to-end model beyond the timeout', () => {
    // ρ = 0.375 and a timeout at the model's p99: about 1 % time out.
    const rate = 150;
    const m = model(rate, 0.005, 0.99);
    // The unshifted gamma fit of the whole time (the former rule) puts several times fewer
    // requests past this timeout, so this test tells the two apart.
    expect(gammaSurvival(m.mean, m.v, m.tau)).toBeLessThan(m.timedOut / 4);
    const f = settled(rate, 0.005, m.timeoutMs);
    expect(rel(nodeField(f, 'u', F.timeoutRate), rate * m.timedOut)).toBeLessThan(1e-2);
    expect(rel(nodeField(f, 'u', F.throughput), rate * (1 - m.timedOut))).toBeLessThan(1e-3);
  });

  it('never shows a percentile past the timeout while counting those requests as served', () => {
    // ρ = 0.75 and a timeout at the model's p90: its p95 and p99 lie beyond the timeout.
    const rate = 150;
    const m = model(rate, 0.01, 0.9);
    expect(m.quantile(0.95)).toBeGreaterThan(m.tau);
    const f = settled(rate, 0.01, m.timeoutMs);
    // The card shows the timeout, and more than 5 % of the requests are timeouts.
    expect(nodeField(f, 'u', F.latencyP95)).toBeCloseTo(m.timeoutMs, 9);
    expect(nodeField(f, 'u', F.latencyP99)).toBeCloseTo(m.timeoutMs, 9);
    expect(nodeField(f, 'u', F.timeoutRate) / rate).toBeGreaterThan(0.05);
    // Below the timeout the figures are the model's own.
    expect(rel(nodeField(f, 'u', F.latencyP50), m.quantile(0.5) * 1000)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 'u', F.latencyMean), m.mean * 1000)).toBeLessThan(1e-3);
  });
});
