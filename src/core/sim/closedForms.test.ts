/**
 * The fluid kernel against closed forms at steady state (and two transients): every expected
 * value comes from queueing formulas or published tables, computed here independently of the
 * kernel where practical, never from the kernel's own output.
 */
import { describe, expect, it } from 'vitest';
import { gammaQuantileWH } from './gamma';
import { createSim } from './kernel';
import { createStationStep, createWaitMoments, stationStep, waitMoments } from './fluid';
import { ekM1Wait, erlangB, mmc, mmcK, mmcSojournVariance } from './queueing';
import { splitCa2 } from './routing';
import { POL_RR, POL_RANDOM } from './compile';
import { classField, nodeField, run, TopologyBuilder } from './testing';
import { CF, F, G, type SimFrame } from './types';
import type { InstanceTypeName } from '../model/instanceTypes';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Users → one server whose only work is `demandMs` per request (so reads and writes are alike). */
function single(opts: {
  rate: number;
  demandMs: number;
  type?: InstanceTypeName;
  queueLimit?: number;
  timeoutMs?: number;
}) {
  return new TopologyBuilder()
    .node('users', 'u', { rate: opts.rate, timeoutMs: opts.timeoutMs ?? 0 })
    .node('server', 's', {
      instanceType: opts.type ?? 'm5.large',
      roles: ['web', 'app', 'db'],
      webDemandMs: opts.demandMs,
      appDemandMs: 0,
      dbReadDemandMs: 0,
      dbWriteDemandMs: 0,
      queueLimit: opts.queueLimit ?? 1000000,
    })
    .link('u', 's')
    .build();
}

function settle(topo: ReturnType<typeof single>, seconds: number, dt: number): SimFrame {
  const sim = createSim(topo);
  run(sim, seconds, dt);
  return sim.frame();
}

/** Erlang C by its textbook sum, independent of queueing.ts. */
function erlangCSum(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

/** Exact p-quantile of the M/M/c FCFS sojourn, by bisection on its survival function. */
function mmcQuantile(lambda: number, S: number, c: number, p: number): number {
  const mu = 1 / S;
  const th = c * mu - lambda;
  const C = erlangCSum(c, lambda * S);
  const surv = (t: number) =>
    (1 - C) * Math.exp(-mu * t) +
    (C * (th * Math.exp(-mu * t) - mu * Math.exp(-th * t))) / (th - mu);
  let lo = 0;
  let hi = 1000 * S;
  for (let i = 0; i < 200; i++) {
    const m = 0.5 * (lo + hi);
    if (surv(m) > 1 - p) lo = m;
    else hi = m;
  }
  return lo;
}

describe('M/M/c at steady state', () => {
  // PDQ's bank model, M/M/4 with λ = 0.35/min and S = 10 min: L = 8.6650, W = 24.7572 min.
  // Minutes become seconds (dt = 100 s is a large step) and, for dt = 1/60, hundredths of a second.
  it.each([
    [0.35, 10000, 100, 20000, 1],
    [35, 100, 1 / 60, 240, 0.01],
  ])('PDQ bank: λ=%s/s, S=%s ms, dt=%s', (rate, demandMs, dt, seconds, unit) => {
    const f = settle(single({ rate, demandMs, type: 'm5.xlarge' }), seconds, dt);
    expect(rel(nodeField(f, 's', F.backlog), 8.665)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 's', F.latencyMean), 24.7572 * 1000 * unit)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 's', F.utilization), 0.875)).toBeLessThan(1e-9);
    // Little's law at the node.
    expect(
      rel(nodeField(f, 's', F.backlog), (rate * nodeField(f, 's', F.latencyMean)) / 1000),
    ).toBeLessThan(1e-6);
  });

  it('M/M/2: mean and exact single-node percentiles', () => {
    const rate = 150;
    const S = 0.012;
    const f = settle(single({ rate, demandMs: S * 1000 }), 120, 1 / 60);
    const m = mmc(rate, S, 2);
    expect(rel(nodeField(f, 's', F.latencyMean), m.W * 1000)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 's', F.backlog), m.L)).toBeLessThan(1e-3);
    for (const [field, p] of [
      [F.latencyP50, 0.5],
      [F.latencyP95, 0.95],
      [F.latencyP99, 0.99],
    ] as const)
      expect(rel(nodeField(f, 's', field), mmcQuantile(rate, S, 2, p) * 1000)).toBeLessThan(0.02);
  });

  it('M/M/1 (λ = 3, μ = 4): a replica applying writes on one thread has L = 3, W = 1 s', () => {
    // The only single-server queue in a topology is a replica's apply thread (c = 1).
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 3, readRatio: 0, timeoutMs: 0 })
      .node('server', 's', { roles: ['web', 'app'] })
      .node('dbPrimary', 'p')
      .node('dbReplica', 'r', { applyDemandMs: 250 })
      .link('u', 's')
      .link('s', 'p')
      .link('p', 'r')
      .build();
    for (const dt of [1 / 60, 50]) {
      const sim = createSim(topo);
      run(sim, 400, dt);
      const f = sim.frame();
      expect(rel(nodeField(f, 'r', F.replicationLagMs), 1000)).toBeLessThan(1e-3);
      expect(rel(classField(f, 'r', 1, CF.backlog), 3)).toBeLessThan(1e-3);
      expect(rel(classField(f, 'r', 1, CF.latencyMean), 1000)).toBeLessThan(1e-3);
      // The M/M/1 sojourn is exponential with rate μ − λ = 1/s.
      expect(rel(classField(f, 'r', 1, CF.latencyP99), Math.log(100) * 1000)).toBeLessThan(0.02);
      expect(rel(classField(f, 'r', 1, CF.latencyP50), Math.log(2) * 1000)).toBeLessThan(0.02);
    }
  });

  it('M/M/1 as one fluid station: L = 3, Lq = 2.25, W = 1, Wq = 0.75', () => {
    const r = createStationStep();
    let X = 0;
    for (let i = 0; i < 20000; i++) X = stationStep(X, 3, 0.25, 1, Infinity, 1, 1 / 60, r, r.a).X;
    const served = r.busy / 0.25;
    const w = waitMoments(X, r.busy, served, 1, createWaitMoments());
    expect(rel(X, 3)).toBeLessThan(1e-9);
    expect(rel(X - r.busy, 2.25)).toBeLessThan(1e-9);
    expect(rel(w.mean, 0.75)).toBeLessThan(1e-9);
    expect(rel(w.mean + 0.25, 1)).toBeLessThan(1e-9);
  });
});

describe('finite buffers: M/M/c/K', () => {
  it('c = 2, K = 5, λ = 3, S = 1 s: blocking, throughput and L as mmcK', () => {
    const f = settle(single({ rate: 3, demandMs: 1000, queueLimit: 5 }), 600, 1 / 60);
    const m = mmcK(3, 1, 2, 5);
    expect(rel(nodeField(f, 's', F.dropRate), 3 * m.pBlock)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 's', F.throughput), m.throughput)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 's', F.backlog), m.L)).toBeLessThan(1e-3);
    // The closed form, for the record: P_K = (a^K / (c! c^(K−c))) / Σ.
    const a = 3;
    const w = [1, a, a ** 2 / 2, a ** 3 / 4, a ** 4 / 8, a ** 5 / 16];
    const pK = w[5]! / w.reduce((x, y) => x + y, 0);
    expect(rel(m.pBlock, pK)).toBeLessThan(1e-12);
  });

  it('Erlang B: 16 lines offered 8.875 Erlangs block 1 % (published table)', () => {
    const f = settle(
      single({ rate: 8.875, demandMs: 1000, type: 'm5.4xlarge', queueLimit: 16 }),
      300,
      1 / 10,
    );
    const ratio = nodeField(f, 's', F.dropRate) / 8.875;
    expect(Math.abs(ratio - 0.01)).toBeLessThan(0.0002);
    expect(rel(ratio, erlangB(16, 8.875))).toBeLessThan(1e-3);
  });
});

describe('networks', () => {
  it('tandem M/M/2: end-to-end mean is the sum of the sojourns and link round trips', () => {
    const rate = 120;
    const [S1, S2] = [0.011, 0.013];
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate, timeoutMs: 0 })
      .node('server', 'a', { roles: ['web'], webDemandMs: S1 * 1000 })
      .node('server', 'b', {
        roles: ['app', 'db'],
        appDemandMs: S2 * 1000,
        dbReadDemandMs: 0,
        dbWriteDemandMs: 0,
      })
      .link('u', 'a')
      .link('a', 'b')
      .build();
    const f = settle(topo as ReturnType<typeof single>, 120, 1 / 60);
    const fixed = 0.02 + 0.00025;
    const mean = mmc(rate, S1, 2).W + mmc(rate, S2, 2).W + fixed;
    expect(rel(f.global[G.latencyMean]!, mean * 1000)).toBeLessThan(1e-3);
    // Percentiles: the round trips plus the gamma fit of the sojourns' exact first two moments
    // (sojourns are independent; the round trips add no variance).
    const v = mmcSojournVariance(rate, S1, 2) + mmcSojournVariance(rate, S2, 2);
    for (const [field, p] of [
      [G.latencyP50, 0.5],
      [G.latencyP95, 0.95],
      [G.latencyP99, 0.99],
    ] as const)
      expect(
        rel(f.global[field]!, (fixed + gammaQuantileWH(mean - fixed, v, p)) * 1000),
      ).toBeLessThan(1e-3);
  });

  it('tandem M/M/1 stations: the gamma fit is within 2 % of the exact hypoexponential', () => {
    // Two single-core stations, λ = 3, μ = 4 and μ = 5: sojourns Exp(1) and Exp(2).
    const lam = 3;
    const moments = [0.25, 0.2].map((S) => {
      const r = createStationStep();
      let X = 0;
      for (let i = 0; i < 20000; i++) X = stationStep(X, lam, S, 1, Infinity, 1, 1 / 60, r, r.a).X;
      const w = waitMoments(X, r.busy, r.busy / S, 1, createWaitMoments());
      return { m1: w.mean + S, m2: w.second + 2 * w.mean * S + 2 * S * S };
    });
    const mean = moments[0]!.m1 + moments[1]!.m1;
    expect(rel(mean, 1 + 0.5)).toBeLessThan(1e-9);
    const v = moments.reduce((acc, m) => acc + m.m2 - m.m1 * m.m1, 0);
    expect(rel(v, 1 + 0.25)).toBeLessThan(1e-9);
    // Exact: P(T > t) = 2e^{-t} − e^{-2t}.
    for (const p of [0.5, 0.95, 0.99]) {
      let lo = 0;
      let hi = 100;
      for (let i = 0; i < 200; i++) {
        const m = 0.5 * (lo + hi);
        if (2 * Math.exp(-m) - Math.exp(-2 * m) > 1 - p) lo = m;
        else hi = m;
      }
      expect(rel(gammaQuantileWH(mean, v, p), lo)).toBeLessThan(0.02);
    }
  });

  it('open Jackson network with random routing: mean end-to-end latency is exact', () => {
    const rate = 200;
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate, timeoutMs: 0 })
      .node('lb', 'lb', { algorithm: 'weighted' })
      .node('server', 'a', { roles: ['web', 'app'], webDemandMs: 4, appDemandMs: 6 })
      .node('server', 'b', { roles: ['web', 'app'], webDemandMs: 4, appDemandMs: 6, az: 'b' })
      .node('server', 'c', {
        roles: ['db'],
        instanceType: 'm5.xlarge',
        dbReadDemandMs: 12,
        dbWriteDemandMs: 12,
      })
      .link('u', 'lb')
      .link('lb', 'a', { weight: 3 })
      .link('lb', 'b', { weight: 1 })
      .link('a', 'c')
      .link('b', 'c')
      .build();
    const f = settle(topo as ReturnType<typeof single>, 120, 1 / 60);
    const wa = mmc(rate * 0.75, 0.01, 2).W;
    const wb = mmc(rate * 0.25, 0.01, 2).W;
    const wc = mmc(rate, 0.012, 4).W;
    // users → lb 20 ms, lb → servers 0.25 ms, a → c same zone 0.25 ms, b → c across zones 1 ms.
    const mean = 0.02 + 0.00025 + 0.75 * (wa + 0.00025) + 0.25 * (wb + 0.001) + wc;
    expect(rel(f.global[G.latencyMean]!, mean * 1000)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 'a', F.latencyMean), wa * 1000)).toBeLessThan(1e-3);
    expect(rel(nodeField(f, 'c', F.latencyMean), wc * 1000)).toBeLessThan(1e-3);
  });
});

/** Exact mean wait of an E_k/M/c queue: its CTMC (number in system × arrival phase) solved. */
function ekMcWait(k: number, c: number, lambda: number, S: number): number {
  const N = 300;
  const n = (N + 1) * k;
  const A = Array.from({ length: n }, () => new Float64Array(n + 1));
  const idx = (m: number, j: number) => m * k + j;
  // Balance equations πQ = 0, transposed: row = destination state.
  const add = (from: number, to: number, rate: number) => {
    A[to]![from]! += rate;
    A[from]![from]! -= rate;
  };
  const mu = 1 / S;
  for (let m = 0; m <= N; m++)
    for (let j = 0; j < k; j++) {
      if (j < k - 1) add(idx(m, j), idx(m, j + 1), k * lambda);
      else if (m < N) add(idx(m, j), idx(m + 1, 0), k * lambda);
      if (m > 0) add(idx(m, j), idx(m - 1, j), Math.min(m, c) * mu);
    }
  for (let i = 0; i < n; i++) A[n - 1]![i] = 1;
  A[n - 1]![n] = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[piv]![col]!)) piv = r;
    [A[col], A[piv]] = [A[piv]!, A[col]!];
    const rowC = A[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = A[r]!;
      const fct = row[col]! / rowC[col]!;
      if (fct === 0) continue;
      for (let q = col; q <= n; q++) row[q]! -= fct * rowC[q]!;
    }
  }
  let lq = 0;
  for (let m = c + 1; m <= N; m++)
    for (let j = 0; j < k; j++) lq += (m - c) * (A[idx(m, j)]![n]! / A[idx(m, j)]![idx(m, j)]!);
  return lq / lambda;
}

describe('round robin smooths arrivals (two-moment correction)', () => {
  const topoFor = (algorithm: 'round_robin' | 'random', rate: number, S: number) =>
    new TopologyBuilder()
      .node('users', 'u', { rate, timeoutMs: 0 })
      .node('lb', 'lb', { algorithm })
      .node('server', 'a', {
        roles: ['web', 'app', 'db'],
        webDemandMs: S * 1000,
        appDemandMs: 0,
        dbReadDemandMs: 0,
        dbWriteDemandMs: 0,
      })
      .node('server', 'b', {
        roles: ['web', 'app', 'db'],
        webDemandMs: S * 1000,
        appDemandMs: 0,
        dbReadDemandMs: 0,
        dbWriteDemandMs: 0,
      })
      .link('u', 'lb')
      .link('lb', 'a')
      .link('lb', 'b')
      .build();

  it.each([0.8, 0.9])(
    'behind round robin over 2 backends (ρ = %s): wait within 10 percent of exact E_2/M/2',
    (rho) => {
      const S = 0.01;
      const perBackend = (rho * 2) / S;
      const f = settle(
        topoFor('round_robin', 2 * perBackend, S) as ReturnType<typeof single>,
        120,
        1 / 60,
      );
      const wq = nodeField(f, 'a', F.latencyMean) / 1000 - S;
      expect(rel(wq, ekMcWait(2, 2, perBackend, S))).toBeLessThan(0.1);
    },
  );

  it.each([0.8, 0.9])(
    'a backend waits 23 to 32 percent less behind round robin than random at ρ = %s',
    (rho) => {
      const S = 0.01;
      const perBackend = (rho * 2) / S;
      const wait = (alg: 'round_robin' | 'random') =>
        nodeField(
          settle(topoFor(alg, 2 * perBackend, S) as ReturnType<typeof single>, 120, 1 / 60),
          'a',
          F.latencyMean,
        ) /
          1000 -
        S;
      const rr = wait('round_robin');
      const rnd = wait('random');
      expect(rel(rnd, mmc(perBackend, S, 2).Wq)).toBeLessThan(1e-3); // random split of Poisson: M/M/2
      const less = 1 - rr / rnd;
      expect(less).toBeGreaterThanOrEqual(0.23);
      expect(less).toBeLessThanOrEqual(0.32);
    },
  );

  it.each([
    [2, 0.8],
    [2, 0.9],
    [3, 0.8],
    [3, 0.9],
    [4, 0.85],
  ])(
    'a single-core station behind round robin over %s: wait within 10 percent of E_k/M/1 at ρ = %s',
    (k, rho) => {
      const S = 0.01;
      const lam = rho / S;
      const ca2 = splitCa2(POL_RR, 1, 1 / k, k);
      const r = createStationStep();
      let X = 0;
      for (let i = 0; i < 50000; i++)
        X = stationStep(X, lam, S, 1, Infinity, (ca2 + 1) / 2, 1 / 60, r, r.a).X;
      const w = waitMoments(X, r.busy, r.busy / S, 1, createWaitMoments());
      expect(rel(w.mean, ekM1Wait(k, lam, S))).toBeLessThan(0.1);
      expect(splitCa2(POL_RANDOM, 1, 1 / k, k)).toBe(1); // a random split of Poisson stays Poisson
    },
  );
});

describe('transients', () => {
  it('M/M/2 from empty: mean number in system within 20 % of the Kolmogorov solution mid-way', () => {
    const lam = 160;
    const S = 0.01;
    const mu = 1 / S;
    // Birth–death forward equations, RK4.
    const N = 400;
    let p = new Float64Array(N + 1);
    p[0] = 1;
    const deriv = (q: Float64Array) => {
      const d = new Float64Array(N + 1);
      for (let n = 0; n <= N; n++) {
        const out = (n < N ? lam : 0) + Math.min(n, 2) * mu;
        d[n]! -= out * q[n]!;
        if (n < N) d[n + 1]! += lam * q[n]!;
        if (n > 0) d[n - 1]! += Math.min(n, 2) * mu * q[n]!;
      }
      return d;
    };
    const h = 1e-4;
    const meanAt: number[] = [];
    const checkpoints = [0.05, 0.1, 0.2, 0.4];
    let t = 0;
    for (const cp of checkpoints) {
      while (t < cp - 1e-12) {
        const k1 = deriv(p);
        const k2 = deriv(p.map((x, i) => x + (h / 2) * k1[i]!));
        const k3 = deriv(p.map((x, i) => x + (h / 2) * k2[i]!));
        const k4 = deriv(p.map((x, i) => x + h * k3[i]!));
        p = p.map((x, i) => x + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
        t += h;
      }
      meanAt.push(p.reduce((acc, x, n) => acc + n * x, 0));
    }
    const L = mmc(lam, S, 2).L;
    const sim = createSim(single({ rate: lam, demandMs: S * 1000 }));
    const dt = 1 / 600;
    checkpoints.forEach((cp, i) => {
      run(sim, cp - sim.time, dt);
      const x = nodeField(sim.frame(), 's', F.backlog);
      // Mid-way the exact mean is between 30 % and 80 % of its limit.
      if (meanAt[i]! > 0.3 * L && meanAt[i]! < 0.8 * L)
        expect(rel(x, meanAt[i]!)).toBeLessThan(0.2);
    });
    expect(meanAt.some((m) => m > 0.3 * L && m < 0.8 * L)).toBe(true);
    run(sim, 20, 1 / 60);
    expect(rel(nodeField(sim.frame(), 's', F.backlog), L)).toBeLessThan(1e-3);
  });

  it('overload: the backlog grows at λ − cμ', () => {
    const lam = 300;
    const S = 0.01; // cμ = 200/s
    const sim = createSim(single({ rate: lam, demandMs: S * 1000 }));
    run(sim, 30, 1 / 60);
    const x0 = nodeField(sim.frame(), 's', F.backlog);
    run(sim, 30, 1 / 60);
    const x1 = nodeField(sim.frame(), 's', F.backlog);
    expect(rel((x1 - x0) / 30, lam - 2 / S)).toBeLessThan(0.01);
    expect(nodeField(sim.frame(), 's', F.utilization)).toBeGreaterThan(0.99);
    expect(nodeField(sim.frame(), 's', F.utilization)).toBeLessThanOrEqual(1);
  });
});
