/**
 * How each route splits its stream over its entries (the shares), and how much each split
 * smooths or roughens the stream it hands on (the squared coefficient of variation ca² of the
 * arrivals a target sees).
 *
 * - Round robin over k live entries: equal shares; every k-th request goes to a target, so its
 *   inter-arrival times are sums of k gaps: ca²_out = ca²/k (Erlang-k for Poisson input).
 * - Random / weighted random / DNS cohorts: each request (or cohort) lands on a target
 *   independently with probability p: a Bernoulli thinning, ca²_out = p·ca² + 1 − p.
 * - Least outstanding requests: the allocation that makes every target's backlog after the step
 *   equal (water filling on the implicit-Euler backlog), i.e. λ_i = (L − x_i)/dt + μ_i·G_ci(L)
 *   for the common level L. Dispatching to the shortest queue is at least as smooth as round
 *   robin, so ca²/k is used.
 * - Power of two choices: a request goes to the less busy of two targets picked at random. With
 *   equal targets that is an even split; with unequal ones it shifts traffic to the faster ones,
 *   but less than least outstanding does, since half the time the pair does not contain the best
 *   target. Its allocation is modelled as the even blend of the random and least-outstanding
 *   allocations, and its smoothing halfway between random and round robin.
 * Contract: pure functions over the runtime arrays; no allocation.
 */
import { K_LB, POL_COHORT, POL_FANOUT, POL_LEAST, POL_P2C, POL_RR, POL_WEIGHTED } from './compile';
import { loadAtBacklog, loadAtBacklogSlope } from './fluid';
import { gcAndDerivative, type GcResult } from './queueing';
import { TS_HEALTHY, TS_INITIAL, TS_UNHEALTHY, type Runtime } from './runtime';

const gcOut: GcResult = { g: 0, dgdx: 0 };

/** ca² of the stream a target of a route receives, given the stream entering the route. */
export function splitCa2(policy: number, ca2: number, share: number, live: number): number {
  switch (policy) {
    case POL_RR:
    case POL_LEAST:
      return live > 0 ? ca2 / live : ca2;
    case POL_P2C:
      return 0.5 * (live > 0 ? ca2 / live : ca2) + 0.5 * (share * ca2 + 1 - share);
    case POL_FANOUT:
      return ca2;
    default:
      return share * ca2 + 1 - share;
  }
}

/** Whether an entry's target can take requests from a caller that does no health checks. */
const presentTarget = (rt: Runtime, e: number): boolean => rt.present[rt.net.eTarget[e]!] === 1;

/**
 * Recomputes the shares of every route whose split does not depend on the current load:
 * round robin and weighted routes of machines and users, fan-out, and load balancers with
 * static algorithms. DNS routes are recomputed each step from their users' flows; least
 * outstanding and p2c load balancers each step from their targets' backlogs.
 */
export function computeStaticShares(rt: Runtime, now: number): void {
  const net = rt.net;
  for (let r = 0; r < net.nRoutes; r++) {
    const owner = net.rOwner[r]!;
    if (net.stKind[owner] === K_LB) {
      lbCandidates(rt, r, now);
      continue;
    }
    const pol = net.rPolicy[r]!;
    if (pol === POL_COHORT) continue;
    let total = 0;
    for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
      const w =
        pol === POL_FANOUT
          ? 1
          : presentTarget(rt, e)
            ? pol === POL_WEIGHTED
              ? net.eWeight[e]!
              : 1
            : 0;
      rt.eShare[e] = w;
      total += w;
    }
    finishShares(rt, r, pol === POL_FANOUT ? 1 : total);
  }
}

/** Normalizes a route's shares to sum 1 (fan-out keeps 1 each) and records its live count. */
function finishShares(rt: Runtime, r: number, total: number): void {
  const net = rt.net;
  let live = 0;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
    if (total > 0 && rt.eShare[e]! > 0) {
      if (net.rPolicy[r] !== POL_FANOUT) rt.eShare[e]! /= total;
      live++;
    } else rt.eShare[e] = 0;
  }
  rt.rLive[r] = live;
}

/**
 * Load-balancer shares for static algorithms; for least outstanding and p2c this marks the
 * candidates (share = weight) and `dynamicLbShares` finishes them each step.
 * Candidates are the healthy registered targets; if none is healthy the LB fails open and
 * routes to every registered target that is not draining.
 */
function lbCandidates(rt: Runtime, r: number, now: number): void {
  const net = rt.net;
  const pol = net.rPolicy[r]!;
  let healthy = 0;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) if (rt.tState[e] === TS_HEALTHY) healthy++;
  let total = 0;
  const slowStart = rt.rSlowStart[r]!;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
    const st = rt.tState[e]!;
    const ok = healthy > 0 ? st === TS_HEALTHY : st === TS_INITIAL || st === TS_UNHEALTHY;
    let w = ok ? (pol === POL_WEIGHTED ? net.eWeight[e]! : 1) : 0;
    if (w > 0 && slowStart > 0 && st === TS_HEALTHY && rt.tSince[e]! > 0) {
      // ALB slow start: a newly healthy target's share ramps linearly over the window.
      const ramp = (now - rt.tSince[e]!) / slowStart;
      if (ramp < 1) w *= Math.max(0.01, ramp);
    }
    rt.eShare[e] = w;
    total += w;
  }
  finishShares(rt, r, total);
}

/**
 * Least outstanding / p2c shares for this step, given the LB's inflow λ and the targets'
 * backlogs, service rates and variability from the last step. Candidates were marked by
 * `lbCandidates` (share > 0).
 */
export function dynamicLbShares(rt: Runtime, r: number, lambda: number, dt: number): void {
  const net = rt.net;
  const pol = net.rPolicy[r]!;
  const start = net.rStart[r]!;
  const end = net.rEnd[r]!;
  let k = 0;
  for (let e = start; e < end; e++) if (rt.eShare[e]! > 0) k++;
  if (k <= 1 || !(lambda > 0)) return;
  leastOutstandingShares(rt, r, lambda, dt);
  if (pol === POL_P2C)
    for (let e = start; e < end; e++)
      if (rt.eShare[e]! > 0) rt.eShare[e] = 0.5 * rt.eShare[e]! + 0.5 / k;
}

/** The Allen–Cunneen factor a target ran with last step (1 before it was ever loaded). */
const factorOf = (rt: Runtime, t: number): number => (rt.lastF[t]! > 0 ? rt.lastF[t]! : 1);

/**
 * Busy servers of entry e's target at backlog L, and d(busy)/dL in `gcOut.dgdx`. The root is
 * sought from the load found for this entry at the level tried before (successive levels are
 * close); `leastOutstandingShares` seeds that with the target's own load.
 */
function loadAt(rt: Runtime, e: number, t: number, L: number): number {
  const c = rt.net.stCores[t]!;
  const f = factorOf(rt, t);
  if (f === 1) {
    gcAndDerivative(c, L, gcOut);
    return gcOut.g;
  }
  const a = loadAtBacklog(c, L, f, rt.eLoad[e]!);
  rt.eLoad[e] = a;
  gcOut.dgdx = loadAtBacklogSlope();
  return a;
}

/**
 * The level L at which Σ max(0, (L − x_i)/dt + μ_i·G_i(L)) = λ, by safeguarded Newton. It
 * starts from the candidates' mean backlog (near the root: at rest every backlog equals L).
 * Every start and seed is a function of this step's state only, never of an earlier solve, so a
 * run at rest reaches a fixed point exactly and the rest caches downstream can hold.
 */
function leastOutstandingShares(rt: Runtime, r: number, lambda: number, dt: number): void {
  const net = rt.net;
  const start = net.rStart[r]!;
  const end = net.rEnd[r]!;
  const h = dt > 1e-9 ? dt : 1e-9;
  let lo = 0;
  let hi = 0;
  let sumX = 0;
  let k = 0;
  for (let e = start; e < end; e++)
    if (rt.eShare[e]! > 0) {
      const x = rt.X[net.eTarget[e]!]!;
      hi = Math.max(hi, x);
      sumX += x;
      k++;
      rt.eLoad[e] = rt.aGuess[net.eTarget[e]!]!;
    }
  hi += lambda * h + 1;
  const meanX = k > 0 ? sumX / k : 0;
  let L = meanX > lo && meanX < hi ? meanX : 0.5 * (lo + hi);
  for (let it = 0; it < 60; it++) {
    let F = -lambda;
    let dF = 0;
    for (let e = start; e < end; e++) {
      if (rt.eShare[e]! <= 0) continue;
      const t = net.eTarget[e]!;
      const mu = serviceRate(rt, t);
      const g = loadAt(rt, e, t, L);
      const v = (L - rt.X[t]!) / h + mu * g;
      if (v > 0) {
        F += v;
        dF += 1 / h + mu * gcOut.dgdx;
      }
    }
    if (F > 0) hi = L;
    else lo = L;
    let next = dF > 0 ? L - F / dF : NaN;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - L) <= 1e-10 * (1 + L) || hi - lo <= 1e-12 * (1 + hi)) {
      L = next;
      break;
    }
    L = next;
  }
  let total = 0;
  for (let e = start; e < end; e++) {
    if (rt.eShare[e]! <= 0) continue;
    const t = net.eTarget[e]!;
    const v = Math.max(0, (L - rt.X[t]!) / h + serviceRate(rt, t) * loadAt(rt, e, t, L));
    rt.eShare[e] = v > 0 ? v : 1e-12;
    total += rt.eShare[e]!;
  }
  for (let e = start; e < end; e++) if (rt.eShare[e]! > 0) rt.eShare[e]! /= total;
}

/** Requests per second one core of a target completes (its mean service time's inverse). */
function serviceRate(rt: Runtime, t: number): number {
  const s = rt.sBar[t]!;
  if (s > 0) return rt.up[t] ? 1 / s : 0;
  // Never loaded yet: use its work per request at the web stage (or any stage it has).
  const net = rt.net;
  for (let k = t * 6; k < t * 6 + 6; k++) if (net.pDemand[k]! > 0) return 1 / net.pDemand[k]!;
  return 1e6;
}

/**
 * DNS shares for this step: each users node's flow into the DNS name splits over the records
 * its cohorts have cached (TTL 0: no caching, every request resolves, so records share evenly).
 */
export function dnsShares(rt: Runtime, d: number, ttl: number): void {
  const net = rt.net;
  const info = net.dnses[d]!;
  const r = info.route;
  const start = net.rStart[r]!;
  const end = net.rEnd[r]!;
  for (let e = start; e < end; e++) rt.eShare[e] = 0;
  if (ttl <= 0) {
    let n = 0;
    for (let e = start; e < end; e++) if (net.eLink[e]! >= 0 && presentTarget(rt, e)) n++;
    for (let e = start; e < end; e++)
      if (net.eLink[e]! >= 0 && presentTarget(rt, e)) rt.eShare[e] = 1 / n;
    rt.rLive[r] = n;
    return;
  }
  let total = 0;
  for (let j = 0; j < info.inEntries.length; j++) total += rt.eFlow[info.inEntries[j]!]!;
  const dr = rt.dnsRt[d]!;
  for (let j = 0; j < info.inEntries.length; j++) {
    const w = total > 0 ? rt.eFlow[info.inEntries[j]!]! / total : 1 / info.inEntries.length;
    const addr = dr.address[j]!;
    const per = w / addr.length;
    for (let c = 0; c < addr.length; c++) {
      const e = addr[c]!;
      if (e >= start && e < end) rt.eShare[e]! += per;
    }
  }
  let live = 0;
  for (let e = start; e < end; e++) if (rt.eShare[e]! > 0) live++;
  rt.rLive[r] = live;
}
