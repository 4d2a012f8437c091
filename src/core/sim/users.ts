/**
 * Users: what each users node sends this step, and what becomes of it.
 *
 * Timeouts and retries use an age-structured record of failed attempts instead of per-request
 * state: each users node keeps a ring of time buckets per retry level (and class) holding the
 * requests that will be retried in that bucket. Every step:
 * - first attempts follow the traffic pattern (read/write split by readRatio);
 * - the buckets that have come due are drained as retry arrivals (a back edge: they were
 *   scheduled by earlier steps); with a retry budget, retries above retryBudgetPct % of the
 *   first attempts are dropped (given up);
 * - after the reverse sweep, an attempt fails with probability 1 − σ (an error or drop on its
 *   path) and times out with probability σ·P(T > timeout), T its time to exit as the reported
 *   percentiles model it: the fixed round trips plus a gamma fit of the rest;
 *   failures of level j are due again after backoff·2^j (plus the timeout for timed-out ones)
 *   as level j + 1, until `retries` levels are used, then they are given up.
 * Servers do not cancel requests their clients gave up on, so work on timed-out requests is
 * still done (throughput) but is not goodput. Without a budget, a short capacity dip that
 * pushes latency past the timeout multiplies the load by up to (1 + retries) and can keep it
 * there after the dip (a metastable retry storm); the budget caps that multiplication.
 * Contract: pure computation over the runtime; allocation-free per step.
 */
import { PORTS, STAGE_WEB } from './compile';
import { shiftedGammaSurvival } from './fluid';
import type { Runtime, UsersRuntime } from './runtime';
import { offeredRate, type UsersParams } from './traffic';

/** Buckets per retry ring. */
const BUCKETS = 1024;

const paramsOf = (rt: Runtime, u: number): UsersParams | null => {
  const n = rt.net.topo.nodes[rt.net.users[u]!.node]!;
  return n.kind === 'users' ? n.params : null;
};

/** A fresh runtime for a users node (or `prev` when it can carry over). */
export function createUsersRuntime(p: UsersParams, prev?: UsersRuntime): UsersRuntime {
  const levels = p.retries;
  const horizon = p.timeoutMs / 1000 + (p.backoffMs / 1000) * 2 ** Math.max(0, levels - 1) + 1;
  const width = Math.max(horizon / (BUCKETS - 2), 1 / 240);
  if (prev && prev.levels === levels && Math.abs(prev.width - width) < 1e-12) {
    return prev;
  }
  return {
    base: prev?.base ?? p.rate,
    width,
    buckets: BUCKETS,
    levels,
    ring: new Float64Array(Math.max(1, levels) * BUCKETS * 2),
    cursor: -1,
    first: new Float64Array(2),
    retry: new Float64Array(2),
    budgetDropped: new Float64Array(2),
    givenUp: new Float64Array(2),
    levelRate: new Float64Array(Math.max(1, levels) * 2),
    sigma: new Float64Array([1, 1]),
    t1: new Float64Array(2),
    t2: new Float64Array(2),
    timeoutFrac: new Float64Array(2),
  };
}

/** Sets each users station's arrivals for the step [t, t + dt]. */
export function usersArrivals(rt: Runtime, t: number, dt: number): void {
  const net = rt.net;
  rt.offered = 0;
  rt.attempts = 0;
  for (let u = 0; u < net.users.length; u++) {
    const p = paramsOf(rt, u);
    const ur = rt.usersRt[u]!;
    const s = net.users[u]!.station;
    ur.givenUp[0] = 0;
    ur.givenUp[1] = 0;
    ur.budgetDropped[0] = 0;
    ur.budgetDropped[1] = 0;
    ur.retry[0] = 0;
    ur.retry[1] = 0;
    if (!p || rt.up[s] === 0) {
      ur.first[0] = 0;
      ur.first[1] = 0;
      continue;
    }
    const rate = Math.max(0, offeredRate(p, ur.base, t + dt));
    ur.first[0] = rate * p.readRatio;
    ur.first[1] = rate * (1 - p.readRatio);
    if (!rt.refreshing) drainRing(ur, t + dt, dt);
    else ur.levelRate.fill(0);
    if (p.retryBudget) {
      const cap = (p.retryBudgetPct / 100) * rate;
      const total = ur.retry[0]! + ur.retry[1]!;
      if (total > cap) {
        const keep = cap / total;
        for (let c = 0; c < 2; c++) {
          ur.budgetDropped[c]! += ur.retry[c]! * (1 - keep);
          ur.retry[c]! *= keep;
        }
        for (let i = 0; i < ur.levelRate.length; i++) ur.levelRate[i]! *= keep;
      }
    }
    for (let c = 0; c < 2; c++) {
      const a = ur.first[c]! + ur.retry[c]!;
      rt.arr[s * PORTS + STAGE_WEB * 2 + c] = a;
      rt.arrCa2[s]! += a; // Poisson: ca² = 1
      rt.offered += ur.first[c]!;
      rt.attempts += a;
    }
  }
}

/** Drains the ring buckets due by `until` into retry rates for this step. */
function drainRing(ur: UsersRuntime, until: number, dt: number): void {
  ur.levelRate.fill(0);
  if (ur.levels === 0) return;
  const last = Math.floor(until / ur.width);
  if (ur.cursor < 0) ur.cursor = last;
  let n = 0;
  while (ur.cursor <= last && n < ur.buckets) {
    const b = ur.cursor % ur.buckets;
    for (let l = 0; l < ur.levels; l++)
      for (let c = 0; c < 2; c++) {
        const i = (l * ur.buckets + b) * 2 + c;
        const v = ur.ring[i]!;
        if (v > 0) {
          ur.levelRate[l * 2 + c]! += v / dt;
          ur.retry[c]! += v / dt;
          ur.ring[i] = 0;
        }
      }
    ur.cursor++;
    n++;
  }
  if (ur.cursor <= last) ur.cursor = last + 1;
}

function deposit(ur: UsersRuntime, level: number, cls: number, at: number, count: number): void {
  if (!(count > 0) || level >= ur.levels) return;
  let b = Math.floor(at / ur.width);
  if (b < ur.cursor) b = ur.cursor;
  if (b - ur.cursor >= ur.buckets) b = ur.cursor + ur.buckets - 1;
  ur.ring[(level * ur.buckets + (b % ur.buckets)) * 2 + cls]! += count;
}

/**
 * After the sweep: each users node's success probability, latency moments and timeout share
 * per class (from its entry port).
 */
export function usersLatency(rt: Runtime): void {
  const net = rt.net;
  for (let u = 0; u < net.users.length; u++) {
    const p = paramsOf(rt, u);
    const ur = rt.usersRt[u]!;
    const s = net.users[u]!.station;
    if (!p) continue;
    const tau = p.timeoutMs / 1000;
    for (let c = 0; c < 2; c++) {
      const k = s * PORTS + STAGE_WEB * 2 + c;
      const sg = rt.sig[k]!;
      const x1 = rt.t1[k]!;
      const x2 = rt.t2[k]!;
      ur.sigma[c] = sg;
      ur.t1[c] = x1;
      ur.t2[c] = x2;
      // The end-to-end model of the reported percentiles (fixed round trips plus a gamma fit of
      // the rest): a users node whose p95 passes its timeout times out more than 5 % of requests.
      ur.timeoutFrac[c] =
        tau > 0 && sg > 0 ? shiftedGammaSurvival(x1, Math.max(0, x2 - x1 * x1), rt.tD[k]!, tau) : 0;
    }
  }
}

/** The retries this step's failed and timed-out attempts schedule (after `usersLatency`). */
export function scheduleRetries(rt: Runtime, t: number, dt: number): void {
  const net = rt.net;
  const end = t + dt;
  for (let u = 0; u < net.users.length; u++) {
    const p = paramsOf(rt, u);
    const ur = rt.usersRt[u]!;
    if (!p) continue;
    const tau = p.timeoutMs / 1000;
    const backoff = p.backoffMs / 1000;
    for (let c = 0; c < 2; c++) {
      const sg = ur.sigma[c]!;
      const pErr = 1 - sg;
      const pTo = sg * ur.timeoutFrac[c]!;
      // Level 0 = first attempts, level l ≥ 1 = the l-th retry.
      for (let l = 0; l <= ur.levels; l++) {
        const rate = l === 0 ? ur.first[c]! : ur.levelRate[(l - 1) * 2 + c]!;
        if (!(rate > 0)) continue;
        if (l === ur.levels) {
          ur.givenUp[c]! += rate * (pErr + pTo);
          continue;
        }
        const wait = backoff * 2 ** l;
        deposit(ur, l, c, end + wait, rate * pErr * dt);
        deposit(ur, l, c, end + tau + wait, rate * pTo * dt);
      }
    }
  }
}
