/**
 * The reference engine against closed forms of queueing theory. Every expected value comes from a
 * formula (src/core/sim/queueing.ts or written out here), never from the engine.
 *
 * Tolerances: each check runs R independent replications (fixed seeds, so the test is
 * deterministic) and compares the mean of the replications with the exact value within
 * Z standard errors, the standard error being estimated from the spread of the replications.
 * Independent replications make the error estimate valid despite the strong autocorrelation of
 * waiting times inside one run. Each check also asserts that the standard error is small, so a
 * check cannot pass merely because the estimate is noisy.
 */
import { describe, expect, it } from 'vitest';
import { ekM1Wait, mg1, mmc, mmcK, mmcSojournQuantile } from '../queueing';
import { NetworkBuilder, type BuildPolicy } from './build';
import { runNetwork, type DesReport } from './engine';

/** Standard errors allowed between a replication mean and the exact value. */
const Z = 4;

interface Estimate {
  mean: number;
  se: number;
}

/** Runs `reps` replications with seeds 1..reps and estimates each metric's mean and standard error. */
function replicate(reps: number, run: (seed: number) => number[]): Estimate[] {
  const rows = Array.from({ length: reps }, (_, i) => run(i + 1));
  return rows[0]!.map((_, j) => {
    const xs = rows.map((r) => r[j]!);
    const mean = xs.reduce((a, b) => a + b, 0) / reps;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1);
    return { mean, se: Math.sqrt(variance / reps) };
  });
}

/** Asserts the estimate is within Z standard errors of `exact` and precise to `maxRelSe`. */
function expectClose(est: Estimate, exact: number, maxRelSe: number, what: string): void {
  expect(est.se / exact, `${what}: relative standard error`).toBeLessThan(maxRelSe);
  expect(
    Math.abs(est.mean - exact),
    `${what}: ${est.mean} vs exact ${exact} (se ${est.se})`,
  ).toBeLessThan(Z * est.se);
}

function singleQueue(lambda: number, meanS: number, cores: number, cv = 1, limit = Infinity) {
  const b = new NetworkBuilder();
  const u = b.source(lambda);
  const s = b.station('q', { cores, meanS, cv, limit });
  b.connect(u, [s]);
  return b.build();
}

const node = (r: DesReport, id: string) => r.nodes.find((n) => n.id === id)!;

// Long runs by design: the precision of each check is the point; CI machines may be slow.
describe('single queues', { timeout: 60_000 }, () => {
  it('M/M/1 with λ = 3, μ = 4: W = 1, Wq = 0.75, L = 3, ρ = 0.75, exact sojourn quantiles', () => {
    const net = singleQueue(3, 0.25, 1);
    const [W, Wq, L, rho, p95, p99] = replicate(8, (seed) => {
      const q = node(runNetwork(net, { seed, seconds: 150_000, warmupSeconds: 500 }), 'q');
      return [
        q.sojourn.mean / 1000,
        q.meanWaitMs / 1000,
        q.meanBacklog,
        q.utilization,
        q.sojourn.p95 / 1000,
        q.sojourn.p99 / 1000,
      ];
    });
    const exact = mmc(3, 0.25, 1);
    expect(exact.W).toBeCloseTo(1, 12);
    expect(exact.Wq).toBeCloseTo(0.75, 12);
    expectClose(W!, exact.W, 0.01, 'W');
    expectClose(Wq!, exact.Wq, 0.012, 'Wq');
    expectClose(L!, exact.L, 0.01, 'L');
    expectClose(rho!, exact.rho, 0.003, 'utilization');
    expectClose(p95!, Math.log(20), 0.01, 'p95');
    expectClose(p99!, mmcSojournQuantile(3, 0.25, 1, 0.99), 0.012, 'p99');
  });

  it('M/M/4 (the PDQ bank, scaled to ms): W = 24.7572 S/10, Wq by Erlang C, ρ = 0.875', () => {
    // λ = 0.35/min, S = 10 min in the original; here λ = 35/s and S = 100 ms, the same queue.
    const net = singleQueue(35, 0.1, 4);
    const [W, Wq, L, rho] = replicate(8, (seed) => {
      const q = node(runNetwork(net, { seed, seconds: 15_000, warmupSeconds: 200 }), 'q');
      return [q.sojourn.mean, q.meanWaitMs, q.meanBacklog, q.utilization];
    });
    expectClose(W!, 247.572, 0.01, 'W');
    expectClose(Wq!, mmc(35, 0.1, 4).Wq * 1000, 0.015, 'Wq');
    expectClose(L!, 8.665, 0.012, 'L');
    expectClose(rho!, 0.875, 0.003, 'utilization');
  });

  it('M/M/2/5 at an offered ρ of 1: blocking, throughput and sojourn of M/M/c/K', () => {
    const net = singleQueue(20, 0.1, 2, 1, 5);
    const exact = mmcK(20, 0.1, 2, 5);
    const [block, thr, W, L] = replicate(8, (seed) => {
      const q = node(runNetwork(net, { seed, seconds: 4_000, warmupSeconds: 20 }), 'q');
      return [q.dropRate / q.arrivalRate, q.throughput, q.sojourn.mean / 1000, q.meanBacklog];
    });
    expectClose(block!, exact.pBlock, 0.02, 'blocking');
    expectClose(thr!, exact.throughput, 0.005, 'throughput');
    expectClose(W!, exact.W, 0.01, 'W');
    expectClose(L!, exact.L, 0.01, 'L');
  });

  it('M/D/1 at ρ = 0.8: Pollaczek–Khinchine Wq = ρS/(2(1 − ρ))', () => {
    const net = singleQueue(0.8, 1, 1, 0);
    const [Wq, W] = replicate(8, (seed) => {
      const q = node(runNetwork(net, { seed, seconds: 200_000, warmupSeconds: 500 }), 'q');
      return [q.meanWaitMs / 1000, q.sojourn.mean / 1000];
    });
    expectClose(Wq!, mg1(0.8, 1, 0).Wq, 0.015, 'Wq');
    expectClose(W!, mg1(0.8, 1, 0).W, 0.01, 'W');
    expect(mg1(0.8, 1, 0).Wq).toBeCloseTo(2, 12);
  });

  it('M/G/1 with gamma service of CV 2 at ρ = 0.5: Pollaczek–Khinchine with cs² = 4', () => {
    const net = singleQueue(0.5, 1, 1, 2);
    const [Wq] = replicate(8, (seed) => {
      const q = node(runNetwork(net, { seed, seconds: 300_000, warmupSeconds: 500 }), 'q');
      return [q.meanWaitMs / 1000];
    });
    expectClose(Wq!, mg1(0.5, 1, 4).Wq, 0.025, 'Wq');
  });
});

/** Quantile of a hypoexponential distribution (independent exponentials with distinct rates). */
function hypoexponentialQuantile(rates: readonly number[], p: number): number {
  const coef = rates.map((ri, i) =>
    rates.reduce((c, rj, j) => (j === i ? c : (c * rj) / (rj - ri)), 1),
  );
  const survival = (t: number) => rates.reduce((s, r, i) => s + coef[i]! * Math.exp(-r * t), 0);
  let lo = 0;
  let hi = 1;
  while (survival(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('networks', { timeout: 60_000 }, () => {
  it('tandem of three M/M/1 (Jackson): end-to-end mean and exact hypoexponential p95/p99', () => {
    // λ = 3 through μ = 5, 4, 6: sojourns are independent Exp(μ − λ) (Reich), rates 2, 1, 3.
    const b = new NetworkBuilder();
    const u = b.source(3);
    const s1 = b.station('s1', { cores: 1, meanS: 1 / 5 });
    const s2 = b.station('s2', { cores: 1, meanS: 1 / 4 });
    const s3 = b.station('s3', { cores: 1, meanS: 1 / 6 });
    b.connect(u, [s1]);
    b.connect(s1, [s2]);
    b.connect(s2, [s3]);
    const net = b.build();
    const [mean, p50, p95, p99] = replicate(8, (seed) => {
      const e = runNetwork(net, { seed, seconds: 80_000, warmupSeconds: 500 }).endToEnd.latency;
      return [e.mean / 1000, e.p50 / 1000, e.p95 / 1000, e.p99 / 1000];
    });
    const rates = [2, 1, 3];
    expectClose(mean!, 1 / 2 + 1 + 1 / 3, 0.01, 'mean');
    expectClose(p50!, hypoexponentialQuantile(rates, 0.5), 0.01, 'p50');
    expectClose(p95!, hypoexponentialQuantile(rates, 0.95), 0.01, 'p95');
    expectClose(p99!, hypoexponentialQuantile(rates, 0.99), 0.015, 'p99');
  });

  it('link round trips add to the end-to-end latency and not to any sojourn', () => {
    const b = new NetworkBuilder();
    const u = b.source(1);
    const s1 = b.station('s1', { cores: 2, meanS: 0.01, cv: 0 });
    const s2 = b.station('s2', { cores: 2, meanS: 0.02, cv: 0 });
    b.connect(u, [s1], { rttMs: 20 });
    b.connect(s1, [s2], { rttMs: 1 });
    const r = runNetwork(b.build(), { seed: 3, seconds: 200, warmupSeconds: 10 });
    // Arrivals 1/s against 2 cores and constant service: nobody ever waits in this run.
    expect(r.endToEnd.latency.p99).toBeCloseTo(20 + 10 + 1 + 20, 9);
    expect(r.endToEnd.latency.p50).toBeCloseTo(51, 9);
    expect(node(r, 's2').sojourn.mean).toBeCloseTo(20, 9);
  });

  const splitWait = (policy: BuildPolicy, seed: number) => {
    const b = new NetworkBuilder();
    const u = b.source(3 * 0.8);
    const lb = b.lb('lb', policy);
    const backends = [0, 1, 2].map((i) => b.station(`s${i}`, { cores: 1, meanS: 1 }));
    b.connect(u, [lb]);
    b.connect(lb, backends);
    const r = runNetwork(b.build(), { seed, seconds: 60_000, warmupSeconds: 500 });
    return backends.reduce((w, _, i) => w + node(r, `s${i}`).meanWaitMs / 1000, 0) / 3;
  };

  it('strict round robin over 3 servers at ρ = 0.8 waits as E3/M/1, less than a random split (M/M/1)', () => {
    const [rr] = replicate(8, (seed) => [splitWait('round_robin', seed)]);
    const [random] = replicate(8, (seed) => [splitWait('random', seed)]);
    expectClose(rr!, ekM1Wait(3, 0.8, 1), 0.015, 'round robin Wq');
    expectClose(random!, mmc(0.8, 1, 1).Wq, 0.015, 'random split Wq');
    expect(rr!.mean / random!.mean).toBeLessThan(0.75);
  });

  it('least outstanding requests (join the shortest queue) waits less than round robin', () => {
    const [least] = replicate(4, (seed) => [splitWait('least_outstanding', seed)]);
    const [p2c] = replicate(4, (seed) => [splitWait('p2c', seed)]);
    const rr = ekM1Wait(3, 0.8, 1);
    expect(least!.mean).toBeLessThan(0.8 * rr);
    expect(p2c!.mean).toBeLessThan(mmc(0.8, 1, 1).Wq);
  });
});

describe('reproducibility', () => {
  const net = () => {
    const b = new NetworkBuilder();
    const u = b.source(5, 0.7);
    const lb = b.lb('lb', 'p2c');
    const s = [0, 1].map((i) => b.station(`s${i}`, { cores: 2, meanS: 0.3, cv: 0.5, limit: 8 }));
    b.connect(u, [lb]);
    b.connect(lb, s);
    return b.build();
  };

  it('the same seed gives an identical report; another seed a different one', () => {
    const opts = { seconds: 2_000, warmupSeconds: 100 };
    const a = runNetwork(net(), { seed: 7, ...opts });
    const b = runNetwork(net(), { seed: 7, ...opts });
    const c = runNetwork(net(), { seed: 8, ...opts });
    expect(b).toEqual(a);
    expect(c.endToEnd.latency.p99).not.toBe(a.endToEnd.latency.p99);
  });

  it('running one network object twice gives the same report (route state is reset per run)', () => {
    const n = net();
    const opts = { seed: 11, seconds: 1_000, warmupSeconds: 50 };
    expect(runNetwork(n, opts)).toEqual(runNetwork(n, opts));
  });

  it('stops at maxEvents and says so', () => {
    const r = runNetwork(net(), { seed: 1, seconds: 1_000, warmupSeconds: 0, maxEvents: 500 });
    expect(r.truncated).toBe(true);
    expect(r.events).toBe(500);
    expect(r.notes.join(' ')).toMatch(/maxEvents/);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => runNetwork(net(), { seed: -1, seconds: 10, warmupSeconds: 0 })).toThrow(/seed/);
    expect(() => runNetwork(net(), { seed: 1, seconds: 0, warmupSeconds: 0 })).toThrow(/seconds/);
    expect(() => runNetwork(net(), { seed: 1, seconds: 10, warmupSeconds: 10 })).toThrow(
      /warmupSeconds/,
    );
    expect(() =>
      runNetwork(net(), { seed: 1, seconds: 10, warmupSeconds: 0, maxEvents: 0 }),
    ).toThrow(/maxEvents/);
  });
});
