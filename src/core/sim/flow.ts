/**
 * The data plane of one fluid step: arrivals pushed through the stations in topological order
 * (routers split, machines queue), then a reverse sweep accumulating, per port, the probability
 * of success, the first two moments of the time to exit and its fixed part (link round trips),
 * from which end-to-end percentiles come (the fixed part plus a gamma fit of the rest; per-node
 * percentiles are never summed).
 *
 * Per machine: one queue for all the roles it runs (c = vCPU cores). Its arrivals mix ports
 * (stage × class) with different work; the queue's mean service time is the arrival-weighted mean
 * of the ports' work (divided by the core speed, multiplied by a slow factor, divided by the
 * warm-up capacity), its cs² that of the mixture. Its queue is scaled by f = r + (cs² − 1)/2, with
 * r = Wq(GI/M/c)/Wq(M/M/c) for gamma interarrivals of the arrival ca² (gimc.ts; Allen–Cunneen's
 * (1 + ca²)/2 overstates the wait behind a round-robin split), the ca² merged from every stream the
 * node receives (rate-weighted), and its departures
 * have cd² = 1 + (1 − ρ²)(ca² − 1) + ρ²(cs² − 1)/√c (Whitt's QNA for c servers).
 * Contract: pure computation over the runtime arrays; allocation-free.
 */
import {
  CLASS_READ,
  ERR_NONE,
  K_LB,
  K_MACHINE,
  K_USERS,
  M_REPLICA,
  NEXT_CACHE,
  POL_LEAST,
  POL_P2C,
  POL_RR,
  PORTS,
  RS_APPLY,
  RS_SAME,
  SAME_AZ_RTT_MS,
  CROSS_AZ_RTT_MS,
  STAGE_APP,
  STAGE_DB,
  STAGE_DONE,
  STAGE_WEB,
} from './compile';
import {
  SI_C,
  SI_DT,
  SI_F,
  SI_GUESS,
  SI_K,
  SI_LAMBDA,
  SI_S,
  SI_X0,
  STEP_IN,
  stationStepIn,
  WAIT_IN,
  waitMomentsIn,
  WI_BUSY,
  WI_C,
  WI_SCALE,
  WI_SERVED,
  WI_X,
} from './fluid';
import { gimcPWaitRatio, gimcSigma, gimcWaitRatio } from './gimc';
import { dnsShares, dynamicLbShares, splitCa2 } from './routing';
import type { Runtime } from './runtime';

/**
 * The fixed part (link round trips, s) of the mean time to exit of users u's class-`cls` requests,
 * from the last reverse sweep.
 */
export function entryFixed(rt: Runtime, u: number, cls: number): number {
  return rt.tD[rt.net.users[u]!.station * PORTS + STAGE_WEB * 2 + cls]!;
}

/** Whether a station is running now (up, its zone not lost, and for a slot: an instance in it). */
export function isUp(rt: Runtime, s: number): boolean {
  if (rt.up[s] === 0 || rt.present[s] === 0) return false;
  const az = rt.net.stAz[s]!;
  return az < 0 || rt.azLost[az] === 0;
}

// Doubles in module-level `let`s are boxed on every write; a typed array holds them in place.
const sc = new Float64Array(18);
const CUR_CD2 = 0;
const CUR_D = 1;
const MS = 2;
const M1 = 3;
const M2 = 4;
const AS = 5;
const A1 = 6;
const A2 = 7;
const RATE = 8;
const CA2 = 9;
const PORT_RATE = 10;
const SHARD_RATE = 11;
const MD = 12;
const AD = 13;
const GI_CA2 = 14;
const GI_LOAD = 15;
const RATE_W = 16;
const PORT_RATE_W = 17;

function err(rt: Runtime, s: number, cls: number, rate: number): void {
  rt.errC[s * 2 + cls]! += rate;
  rt.thrC[s * 2 + cls]! -= rate;
}

/**
 * Pushes sc[RATE] req/s of class `cls` at `stage`, with arrival ca² sc[CA2], into route r of
 * station s. (Doubles travel through the scratch array: passing them as arguments to a call
 * that is not inlined would box each one.)
 */
function pushRoute(rt: Runtime, s: number, r: number, stage: number, cls: number): void {
  const rate = sc[RATE]!;
  const live = r < 0 ? 0 : rt.rLive[r]!;
  if (!(live > 0)) {
    err(rt, s, cls, rate);
    return;
  }
  const net = rt.net;
  const ca2 = sc[CA2]!;
  const st = net.rStage[r]!;
  const deliver = st === RS_SAME ? stage : st;
  if (deliver === RS_APPLY) return;
  const pol = net.rPolicy[r]!;
  const end = net.rEnd[r]!;
  const eShare = rt.eShare;
  const eFlow = rt.eFlow;
  const eOk = rt.eOk;
  const eTarget = net.eTarget;
  const eLag = net.eLag;
  // Round robin and least outstanding hand every target the same ca²: computed once per route.
  const even = pol === POL_RR || pol === POL_LEAST;
  const evenCa2 = ca2 / live;
  let sum = 0;
  for (let e = net.rStart[r]!; e < end; e++) {
    const sh = eShare[e]!;
    if (!(sh > 0)) continue;
    sum += sh;
    const f = rate * sh;
    eFlow[e]! += f;
    if (eOk[e] === 0) {
      err(rt, s, cls, f);
      continue;
    }
    const t = eTarget[e]!;
    const c2 = even ? evenCa2 : splitCa2(pol, ca2, sh, live);
    const idx = t * PORTS + deliver * 2 + cls;
    if (eLag[e] === 1) {
      rt.lagArr[idx]! += f;
      rt.lagCa2[t]! += f * c2;
    } else {
      rt.arr[idx]! += f;
      rt.arrCa2[t]! += f * c2;
    }
  }
  // Shares that point nowhere (a DNS cohort without an answer) fail at the router.
  if (sum < 1 - 1e-9) err(rt, s, cls, rate * (1 - sum));
}

/**
 * {@link pushRoute} of both classes at once, sc[RATE] reads and sc[RATE_W] writes with the same
 * ca² sc[CA2], in one pass over the route's entries: a web server's reads and writes go to the
 * same app servers. Every sum receives the same terms in the same order as two single pushes
 * (reads first): the classes have their own arrivals and errors, and per entry and per target
 * the read term still comes before the write term.
 */
function pushRoutePair(rt: Runtime, s: number, r: number, stage: number): void {
  const rateR = sc[RATE]!;
  const rateW = sc[RATE_W]!;
  const live = r < 0 ? 0 : rt.rLive[r]!;
  if (!(live > 0)) {
    err(rt, s, 0, rateR);
    err(rt, s, 1, rateW);
    return;
  }
  const net = rt.net;
  const ca2 = sc[CA2]!;
  const st = net.rStage[r]!;
  const deliver = st === RS_SAME ? stage : st;
  if (deliver === RS_APPLY) return;
  const pol = net.rPolicy[r]!;
  const end = net.rEnd[r]!;
  const eShare = rt.eShare;
  const eFlow = rt.eFlow;
  const eOk = rt.eOk;
  const eTarget = net.eTarget;
  const eLag = net.eLag;
  const even = pol === POL_RR || pol === POL_LEAST;
  const evenCa2 = ca2 / live;
  let sum = 0;
  for (let e = net.rStart[r]!; e < end; e++) {
    const sh = eShare[e]!;
    if (!(sh > 0)) continue;
    sum += sh;
    const fR = rateR * sh;
    const fW = rateW * sh;
    eFlow[e]! += fR;
    eFlow[e]! += fW;
    if (eOk[e] === 0) {
      err(rt, s, 0, fR);
      err(rt, s, 1, fW);
      continue;
    }
    const t = eTarget[e]!;
    const c2 = even ? evenCa2 : splitCa2(pol, ca2, sh, live);
    const idx = t * PORTS + deliver * 2;
    if (eLag[e] === 1) {
      rt.lagArr[idx]! += fR;
      rt.lagArr[idx + 1]! += fW;
      rt.lagCa2[t]! += fR * c2;
      rt.lagCa2[t]! += fW * c2;
    } else {
      rt.arr[idx]! += fR;
      rt.arr[idx + 1]! += fW;
      rt.arrCa2[t]! += fR * c2;
      rt.arrCa2[t]! += fW * c2;
    }
  }
  if (sum < 1 - 1e-9) {
    err(rt, s, 0, rateR * (1 - sum));
    err(rt, s, 1, rateW * (1 - sum));
  }
}

/**
 * Replication copies each committed write (sc[RATE] per second) to every replica's apply queue.
 * It is not part of the request's path: a replica that cannot be reached does not fail it.
 */
function pushReplication(rt: Runtime, r: number): void {
  const net = rt.net;
  const rate = sc[RATE]!;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
    rt.eFlow[e]! += rate;
    if (rt.eOk[e] === 0) continue;
    const t = net.eTarget[e]!;
    if (net.eLag[e] === 1) rt.lagApply[t]! += rate;
    else rt.arrApply[t]! += rate;
  }
}

/** Sets sc[CA2] to the ca² of the part of a machine's departures entering route r (a thinning). */
function setRouteCa2(rt: Runtime, r: number): void {
  if (r < 0 || !(sc[CUR_D]! > 0)) {
    sc[CA2] = 1;
    return;
  }
  const p = Math.min(1, rt.rIn[r]! / sc[CUR_D]!);
  sc[CA2] = p * sc[CUR_CD2]! + 1 - p;
}

/** Sends sc[PORT_RATE] departures of a machine's port on to the next stage (or out). */
function routePort(rt: Runtime, s: number, stage: number, cls: number): void {
  const net = rt.net;
  const rate = sc[PORT_RATE]!;
  const k = s * PORTS + stage * 2 + cls;
  if (net.pFan[k] === 1 && net.stRepl[s]! >= 0) {
    sc[RATE] = rate;
    pushReplication(rt, net.stRepl[s]!);
  }
  const next = net.pNext[k]!;
  if (next === STAGE_DONE) {
    rt.exitC[s * 2 + cls]! += rate;
    return;
  }
  if (next === STAGE_APP) {
    const r = net.stApp[s]!;
    sc[RATE] = rate;
    setRouteCa2(rt, r);
    pushRoute(rt, s, r, STAGE_APP, cls);
    return;
  }
  let rest = rate;
  if (next === NEXT_CACHE) {
    if (cls === CLASS_READ) {
      const hit = rate * net.stHit[s]!;
      rt.exitC[s * 2 + cls]! += hit;
      rest = rate - hit;
    }
    if (stage !== STAGE_DB) {
      const r = net.stForward[s]!;
      sc[RATE] = rest;
      setRouteCa2(rt, r);
      pushRoute(rt, s, r, stage, cls);
      return;
    }
  }
  sc[SHARD_RATE] = rest;
  pushShards(rt, s, cls);
}

/** Splits sc[SHARD_RATE] of a class over the caller's shards (its users' key shares). */
function pushShards(rt: Runtime, s: number, cls: number): void {
  const net = rt.net;
  const rate = sc[SHARD_RATE]!;
  const n = net.stShardCount[s]!;
  if (n === 0) {
    err(rt, s, cls, rate);
    return;
  }
  const g = net.stShardGroup[s]!;
  const first = net.stShardFirst[s]!;
  let assigned = 0;
  for (let j = 0; j < n; j++) {
    const share = g < 0 ? 1 : rt.shardShare[g]![j]!;
    if (!(share > 0)) continue;
    assigned += share;
    const r = cls === CLASS_READ ? net.shardRead[first + j]! : net.shardWrite[first + j]!;
    sc[RATE] = rate * share;
    setRouteCa2(rt, r);
    pushRoute(rt, s, r, STAGE_DB, cls);
  }
  if (assigned < 1 - 1e-12) err(rt, s, cls, rate * (1 - assigned));
}

/** One router (users, DNS, load balancer): no queue, its inflow goes straight on. */
function routerStep(rt: Runtime, s: number, dt: number): void {
  const net = rt.net;
  const base = s * PORTS;
  let total = 0;
  for (let k = 0; k < PORTS; k++) total += rt.arr[base + k]!;
  for (let cls = 0; cls < 2; cls++) {
    let a = 0;
    for (let st = 0; st < 3; st++) a += rt.arr[base + st * 2 + cls]!;
    rt.arrC[s * 2 + cls] = a;
    rt.thrC[s * 2 + cls] = a;
  }
  if (!(total > 0)) return;
  const ca2 = rt.arrCa2[s]! / total;
  const r = net.stForward[s]!;
  const kind = net.stKind[s]!;
  if ((kind === K_LB && net.pErr[base] !== ERR_NONE) || rt.up[s] === 0) {
    // Killed, or the listener blocked by the LB's own security group: nobody gets through.
    for (let cls = 0; cls < 2; cls++) {
      rt.errC[s * 2 + cls]! += rt.thrC[s * 2 + cls]!;
      rt.thrC[s * 2 + cls] = 0;
    }
    return;
  }
  if (kind === K_LB) {
    const pol = net.rPolicy[r]!;
    if (pol === POL_LEAST || pol === POL_P2C) dynamicLbShares(rt, r, total, dt);
  } else if (kind !== K_USERS) {
    const d = rt.dnsOf[s]!;
    if (d >= 0) dnsShares(rt, d, rt.dnsTtl[d]!);
  }
  for (let st = 0; st < 3; st++)
    for (let cls = 0; cls < 2; cls++) {
      const rate = rt.arr[base + st * 2 + cls]!;
      if (!(rate > 0)) continue;
      sc[RATE] = rate;
      sc[CA2] = ca2;
      pushRoute(rt, s, r, st, cls);
    }
}

/**
 * The arrival part of node s's variability factor: Wq(GI/M/c)/Wq(M/M/c) at ca² and load a
 * (gimc.ts, with its P(wait) ratio for the wait's law), cached while c holds and ca² and a stay
 * within 0.1 % (Takács' solve is the costliest thing in a
 * step). The service part is Allen–Cunneen's (cs² − 1)/2 added to it, so with Poisson arrivals
 * the factor is exactly Allen–Cunneen's, and with exponential work exactly GI/M/c.
 */
function waitFactor(rt: Runtime, s: number, c: number): void {
  // ca² and a come in sc[GI_CA2] and sc[GI_LOAD]; the factor is left in rt.giRatio[s].
  const ca2 = sc[GI_CA2]!;
  const a = sc[GI_LOAD]!;
  const dc = ca2 - rt.giCa2[s]!;
  const da = a - rt.giLoad[s]!;
  if (rt.giRatio[s]! > 0 && c === rt.giCores[s] && dc * dc <= 1e-6 && da * da <= 1e-6 * a * a)
    return;
  // Takács' σ moves little between solves of one node: the last one warm-starts the next.
  rt.giRatio[s] = gimcWaitRatio(ca2, a, c, rt.giSigma[s]!);
  rt.giPWait[s] = gimcPWaitRatio();
  const sigma = gimcSigma();
  if (sigma > 0) rt.giSigma[s] = sigma;
  rt.giCa2[s] = ca2;
  rt.giLoad[s] = a;
  rt.giCores[s] = c;
}

/** One machine: its queue for this step, then its departures sent on. */
function machineStep(rt: Runtime, s: number, dt: number): void {
  const net = rt.net;
  const arr = rt.arr;
  const mix = rt.mix;
  const pDemand = net.pDemand;
  const pErr = net.pErr;
  const errC = rt.errC;
  const arrC = rt.arrC;
  const thrC = rt.thrC;
  const base = s * PORTS;
  const s2 = s * 2;
  const act = net.stActive[s]! & 63;
  const c = net.stCores[s]!;
  const up = isUp(rt, s);
  const replica = net.stMach[s] === M_REPLICA;
  let total = 0;
  let adm = 0;
  arrC[s2] = 0;
  arrC[s2 + 1] = 0;
  thrC[s2] = 0;
  thrC[s2 + 1] = 0;
  if (!up && rt.X[s]! > 0) {
    rt.lost[s]! += rt.X[s]!;
    rt.X[s] = 0;
  }
  if (rt.lost[s]! > 0 && !rt.refreshing) {
    // Requests in flight when it died: they fail now.
    errC[s2]! += rt.lost[s]! / dt;
    rt.lost[s] = 0;
  }
  for (let m = act; m !== 0; m &= m - 1) {
    const k = 31 - Math.clz32(m & -m);
    const a = arr[base + k]!;
    if (!(a > 0)) continue;
    const cls = k & 1;
    total += a;
    arrC[s2 + cls]! += a;
    if (!up || pErr[base + k] !== ERR_NONE) errC[s2 + cls]! += a;
    else adm += a;
  }
  // Replicated writes (their own single-threaded apply queue on a replica).
  const lamA = rt.arrApply[s]!;
  arrC[s2 + 1]! += lamA;
  if (replica) applyStep(rt, s, lamA, dt, up);
  if (!up) {
    rt.busy[s] = 0;
    rt.served[s] = 0;
    rt.block[s] = 0;
    rt.util[s] = 0;
    rt.rest[s] = 0;
    for (let k = 0; k < PORTS; k++) rt.dep[base + k] = 0;
    return;
  }
  // Mix of work this step (the arrivals; when idle, the last mix keeps draining the backlog).
  if (adm > 0)
    for (let m = act; m !== 0; m &= m - 1) {
      const k = 31 - Math.clz32(m & -m);
      const a = arr[base + k]!;
      mix[base + k] = pErr[base + k] === ERR_NONE && a > 0 ? a / adm : 0;
    }
  let kap = rt.warm[s]! / rt.slow[s]!;
  if (replica && c > 0) kap *= Math.max(0.05, 1 - rt.busyA[s]! / c);
  const cs2 = net.stCs2[s]!;
  let sBar = 0;
  let sSq = 0;
  for (let m = act; m !== 0; m &= m - 1) {
    const k = 31 - Math.clz32(m & -m);
    const w = mix[base + k]!;
    if (!(w > 0)) continue;
    const S = pDemand[base + k]! / kap;
    sBar += w * S;
    sSq += w * (1 + cs2) * S * S;
  }
  const cs2mix = sBar > 0 ? Math.max(0, sSq / (sBar * sBar) - 1) : 1;
  const ca2 = total > 0 ? rt.arrCa2[s]! / total : 1;
  let D: number;
  let busy = 0;
  let block = 0;
  sc[GI_CA2] = ca2;
  sc[GI_LOAD] = adm * sBar;
  waitFactor(rt, s, c);
  const f = rt.giRatio[s]! + 0.5 * (cs2mix - 1);
  if (!(sBar > 0)) {
    D = adm + rt.X[s]! / dt;
    rt.X[s] = 0;
    rt.wqMean[s] = 0;
    rt.wqSecond[s] = 0;
    rt.pWait[s] = 0;
  } else if (
    rt.rest[s] === 1 &&
    adm === rt.lastLam[s] &&
    sBar === rt.lastS[s] &&
    f === rt.lastF[s] &&
    dt === rt.lastDt[s]
  ) {
    // At rest with the same inputs: the implicit step would return the same state.
    busy = rt.busy[s]!;
    block = rt.block[s]!;
    D = rt.served[s]!;
  } else {
    const X0 = rt.X[s]!;
    STEP_IN[SI_X0] = X0;
    STEP_IN[SI_LAMBDA] = adm;
    STEP_IN[SI_S] = sBar;
    STEP_IN[SI_C] = c;
    STEP_IN[SI_K] = net.stLimit[s]!;
    STEP_IN[SI_F] = f;
    STEP_IN[SI_DT] = dt;
    STEP_IN[SI_GUESS] = rt.aGuess[s]!;
    const out = stationStepIn(rt.stepOut);
    rt.X[s] = out.X;
    rt.aGuess[s] = out.a;
    busy = out.busy;
    block = out.block;
    D = busy / sBar;
    rt.rest[s] = Math.abs(out.X - X0) <= 1e-13 * (1 + X0) ? 1 : 0;
    rt.lastLam[s] = adm;
    rt.lastS[s] = sBar;
    rt.lastF[s] = f;
    rt.lastDt[s] = dt;
    WAIT_IN[WI_X] = out.X;
    WAIT_IN[WI_BUSY] = busy;
    WAIT_IN[WI_SERVED] = D;
    WAIT_IN[WI_C] = c;
    WAIT_IN[WI_SCALE] = rt.giPWait[s]!;
    const wm = waitMomentsIn(rt.waitOut);
    rt.wqMean[s] = wm.mean;
    rt.wqSecond[s] = wm.second;
    rt.pWait[s] = wm.pWait;
  }
  rt.sBar[s] = sBar;
  rt.busy[s] = busy;
  rt.served[s] = D;
  rt.block[s] = block;
  const rho = c > 0 ? Math.min(1, busy / c) : 0;
  rt.util[s] =
    replica && c > 0 ? Math.min(1, (busy * (1 - rt.busyA[s]! / c) + rt.busyA[s]!) / c) : rho;
  const cd2 = Math.max(
    0,
    1 + (1 - rho * rho) * (ca2 - 1) + (rho * rho * (cs2mix - 1)) / Math.sqrt(Math.max(1, c)),
  );
  rt.cd2[s] = cd2;
  // Local sojourn moments per port, departures, drops; and the departures entering each route
  // (for the thinning ca² of the split), summed before any flow is pushed.
  const wq = rt.wqMean[s]!;
  const wq2 = rt.wqSecond[s]!;
  const moving = D > 0;
  if (moving) clearRouteInflows(rt, s);
  for (let m = act; m !== 0; m &= m - 1) {
    const k = 31 - Math.clz32(m & -m);
    const S = pDemand[base + k]! / kap;
    rt.w1[base + k] = wq + S;
    rt.w2[base + k] = wq2 + 2 * wq * S + (1 + cs2) * S * S;
    const dep = D * mix[base + k]!;
    rt.dep[base + k] = dep;
    const cls = k & 1;
    if (adm > 0 && pErr[base + k] === ERR_NONE) rt.dropC[s2 + cls]! += block * arr[base + k]!;
    thrC[s2 + cls]! += dep;
    if (moving && dep > 0) {
      sc[PORT_RATE] = dep;
      addRouteInflow(rt, s, k);
    }
  }
  sc[CUR_CD2] = cd2;
  sc[CUR_D] = D;
  if (!moving) return;
  const pNext = net.pNext;
  for (let m = act; m !== 0; m &= m - 1) {
    const k = 31 - Math.clz32(m & -m);
    const dep = rt.dep[base + k]!;
    if (!(dep > 0)) continue;
    sc[PORT_RATE] = dep;
    if (
      (k & 1) === 0 &&
      (m & (2 << k)) !== 0 &&
      rt.dep[base + k + 1]! > 0 &&
      pNext[base + k] === STAGE_APP &&
      pNext[base + k + 1] === STAGE_APP
    ) {
      // Reads and writes of this stage both go on to the app servers: one pass over the route.
      sc[PORT_RATE_W] = rt.dep[base + k + 1]!;
      routeAppPair(rt, s, k);
      m &= ~(2 << k);
      continue;
    }
    routePort(rt, s, k >> 1, k & 1);
  }
}

/**
 * {@link routePort} of a stage's read port (sc[PORT_RATE]) and write port (sc[PORT_RATE_W]) when
 * both go on to the app stage.
 */
function routeAppPair(rt: Runtime, s: number, kRead: number): void {
  const net = rt.net;
  const base = s * PORTS;
  const repl = net.stRepl[s]!;
  // Replication touches other entries and the apply queues only, so it may come first.
  if (repl >= 0 && net.pFan[base + kRead] === 1) {
    sc[RATE] = sc[PORT_RATE]!;
    pushReplication(rt, repl);
  }
  if (repl >= 0 && net.pFan[base + kRead + 1] === 1) {
    sc[RATE] = sc[PORT_RATE_W]!;
    pushReplication(rt, repl);
  }
  const r = net.stApp[s]!;
  setRouteCa2(rt, r);
  sc[RATE] = sc[PORT_RATE]!;
  sc[RATE_W] = sc[PORT_RATE_W]!;
  pushRoutePair(rt, s, r, STAGE_APP);
}

/**
 * Adds sc[PORT_RATE] departures of a port of machine s to the inflow (rIn) of the route they
 * take next, splitting them exactly as `routePort` and `pushShards` will.
 */
function addRouteInflow(rt: Runtime, s: number, port: number): void {
  const net = rt.net;
  const rate = sc[PORT_RATE]!;
  const next = net.pNext[s * PORTS + port]!;
  if (next === STAGE_DONE) return;
  const cls = port & 1;
  if (next === STAGE_APP) {
    const r = net.stApp[s]!;
    if (r >= 0) rt.rIn[r]! += rate;
    return;
  }
  let rest = rate;
  if (next === NEXT_CACHE) {
    if (cls === CLASS_READ) rest = rate - rate * net.stHit[s]!;
    if (port >> 1 !== STAGE_DB) {
      const r = net.stForward[s]!;
      if (r >= 0) rt.rIn[r]! += rest;
      return;
    }
  }
  const n = net.stShardCount[s]!;
  const g = net.stShardGroup[s]!;
  const first = net.stShardFirst[s]!;
  for (let j = 0; j < n; j++) {
    const share = g < 0 ? 1 : rt.shardShare[g]![j]!;
    if (!(share > 0)) continue;
    const r = cls === CLASS_READ ? net.shardRead[first + j]! : net.shardWrite[first + j]!;
    if (r >= 0) rt.rIn[r]! += rest * share;
  }
}

function clearRouteInflows(rt: Runtime, s: number): void {
  const net = rt.net;
  if (net.stApp[s]! >= 0) rt.rIn[net.stApp[s]!] = 0;
  if (net.stForward[s]! >= 0) rt.rIn[net.stForward[s]!] = 0;
  if (net.stRepl[s]! >= 0) rt.rIn[net.stRepl[s]!] = 0;
  const first = net.stShardFirst[s]!;
  for (let j = 0; j < net.stShardCount[s]!; j++) {
    rt.rIn[net.shardRead[first + j]!] = 0;
    rt.rIn[net.shardWrite[first + j]!] = 0;
  }
}

/**
 * A replica's apply queue: one thread (c = 1) replaying the primary's writes. While the replica
 * is down the writes wait (replication resumes where it stopped), so the lag keeps growing.
 */
function applyStep(rt: Runtime, s: number, lam: number, dt: number, up: boolean): void {
  const net = rt.net;
  if (!up) {
    rt.XA[s]! += lam * dt;
    rt.busyA[s] = 0;
    rt.servedA[s] = 0;
    return;
  }
  const S = (net.stApplyS[s]! * rt.slow[s]!) / rt.warm[s]!;
  if (!(S > 0)) {
    rt.servedA[s] = lam + rt.XA[s]! / dt;
    rt.XA[s] = 0;
    rt.busyA[s] = 0;
  } else {
    STEP_IN[SI_X0] = rt.XA[s]!;
    STEP_IN[SI_LAMBDA] = lam;
    STEP_IN[SI_S] = S;
    STEP_IN[SI_C] = 1;
    STEP_IN[SI_K] = Infinity;
    STEP_IN[SI_F] = 1;
    STEP_IN[SI_DT] = dt;
    STEP_IN[SI_GUESS] = rt.aGuessA[s]!;
    const out = stationStepIn(rt.stepOut);
    rt.XA[s] = out.X;
    rt.aGuessA[s] = out.a;
    rt.busyA[s] = out.busy;
    rt.servedA[s] = out.busy / S;
  }
  rt.thrC[s * 2 + 1]! += rt.servedA[s]!;
}

/**
 * Starts a step: this step's arrivals begin with the flows that back edges of call cycles carried
 * last step; per-step totals are cleared.
 */
export function beginStep(rt: Runtime): void {
  if (rt.lagging) {
    rt.arr.set(rt.lagArr);
    rt.arrCa2.set(rt.lagCa2);
    rt.arrApply.set(rt.lagApply);
    rt.lagArr.fill(0);
    rt.lagCa2.fill(0);
    rt.lagApply.fill(0);
  } else {
    // No back edges: nothing was carried over, and the lag arrays need no clearing.
    rt.arr.fill(0);
    rt.arrCa2.fill(0);
    rt.arrApply.fill(0);
  }
  rt.errC.fill(0);
  rt.dropC.fill(0);
  rt.exitC.fill(0);
  rt.eFlow.fill(0);
}

/** Runs the forward pass over every station in topological order. */
export function forwardPass(rt: Runtime, dt: number): void {
  const net = rt.net;
  const order = net.order;
  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    if (net.stKind[s] === K_MACHINE) machineStep(rt, s, dt);
    else routerStep(rt, s, dt);
  }
}

// --- reverse sweep ---------------------------------------------------------------------------

/** Success probability and exit-time moments of a request entering route r at `stage`. */
function routeMix(rt: Runtime, r: number, stage: number, cls: number): void {
  sc[MS] = 0;
  sc[M1] = 0;
  sc[M2] = 0;
  sc[MD] = 0;
  if (r < 0 || !(rt.rLive[r]! > 0)) return;
  const net = rt.net;
  const st = net.rStage[r]!;
  const deliver = st === RS_SAME ? stage : st;
  const owner = net.rOwner[r]!;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
    const sh = rt.eShare[e]!;
    if (!(sh > 0) || rt.eOk[e] === 0) continue;
    const t = net.eTarget[e]!;
    const idx = t * PORTS + deliver * 2 + cls;
    const sg = rt.sig[idx]!;
    if (!(sg > 0)) continue;
    const fixed = net.eRtt[e]!;
    const rtt =
      (fixed >= 0
        ? fixed
        : net.stAz[owner]! >= 0 && net.stAz[t]! >= 0 && net.stAz[owner] !== net.stAz[t]
          ? CROSS_AZ_RTT_MS
          : SAME_AZ_RTT_MS) / 1000;
    const w = sh * sg;
    const x1 = rt.t1[idx]!;
    a += w;
    b += w * (rtt + x1);
    c += w * (rt.t2[idx]! + 2 * rtt * x1 + rtt * rtt);
    d += w * (rtt + rt.tD[idx]!);
  }
  if (a > 0) {
    sc[MS] = a < 1 ? a : 1;
    sc[M1] = b / a;
    sc[M2] = c / a;
    sc[MD] = d / a;
  }
}

/** Mixture accumulators for the "after local work" part of a port. */
function addMix(p: number): void {
  const w = p * sc[MS]!;
  sc[AS]! += w;
  sc[A1]! += w * sc[M1]!;
  sc[A2]! += w * sc[M2]!;
  sc[AD]! += w * sc[MD]!;
}

function shardsMix(rt: Runtime, s: number, cls: number, p: number): void {
  const net = rt.net;
  const n = net.stShardCount[s]!;
  const g = net.stShardGroup[s]!;
  const first = net.stShardFirst[s]!;
  for (let j = 0; j < n; j++) {
    const share = g < 0 ? 1 : rt.shardShare[g]![j]!;
    if (!(share > 0)) continue;
    routeMix(
      rt,
      cls === CLASS_READ ? net.shardRead[first + j]! : net.shardWrite[first + j]!,
      STAGE_DB,
      cls,
    );
    addMix(p * share);
  }
}

/** Runs the reverse sweep: per active port, P(success) and the time-to-exit moments. */
export function reverseSweep(rt: Runtime): void {
  const net = rt.net;
  const order = net.order;
  for (let i = order.length - 1; i >= 0; i--) {
    const s = order[i]!;
    const act = net.stActive[s]!;
    const kind = net.stKind[s]!;
    const up = kind === K_MACHINE && isUp(rt, s);
    for (let m = act & 63; m !== 0; m &= m - 1) {
      const port = 31 - Math.clz32(m & -m);
      {
        const stage = port >> 1;
        const cls = port & 1;
        const k = s * PORTS + port;
        if (kind !== K_MACHINE) {
          if ((kind === K_LB && net.pErr[k] !== ERR_NONE) || rt.up[s] === 0) {
            rt.sig[k] = 0;
            continue;
          }
          routeMix(rt, net.stForward[s]!, stage, cls);
          rt.sig[k] = sc[MS]!;
          rt.t1[k] = sc[M1]!;
          rt.t2[k] = sc[M2]!;
          rt.tD[k] = sc[MD]!;
          continue;
        }
        if (!up || net.pErr[k] !== ERR_NONE) {
          rt.sig[k] = 0;
          rt.t1[k] = 0;
          rt.t2[k] = 0;
          rt.tD[k] = 0;
          continue;
        }
        sc[AS] = 0;
        sc[A1] = 0;
        sc[A2] = 0;
        sc[AD] = 0;
        const next = net.pNext[k]!;
        if (next === STAGE_DONE) {
          sc[AS] = 1;
        } else if (next === STAGE_APP) {
          routeMix(rt, net.stApp[s]!, STAGE_APP, cls);
          addMix(1);
        } else if (next === STAGE_DB) {
          shardsMix(rt, s, cls, 1);
        } else {
          let p = 1;
          if (cls === CLASS_READ) {
            const hit = net.stHit[s]!;
            sc[AS]! += hit;
            p = 1 - hit;
          }
          if (stage === STAGE_DB) shardsMix(rt, s, cls, p);
          else {
            routeMix(rt, net.stForward[s]!, stage, cls);
            addMix(p);
          }
        }
        const x1 = sc[AS]! > 0 ? sc[A1]! / sc[AS]! : 0;
        const x2 = sc[AS]! > 0 ? sc[A2]! / sc[AS]! : 0;
        const xD = sc[AS]! > 0 ? sc[AD]! / sc[AS]! : 0;
        const w1 = rt.w1[k]!;
        rt.sig[k] = (1 - rt.block[s]!) * sc[AS]!;
        rt.t1[k] = w1 + x1;
        rt.t2[k] = rt.w2[k]! + 2 * w1 * x1 + x2;
        rt.tD[k] = xD;
      }
    }
  }
}
