/**
 * The control plane: exact events on a priority queue — scenario and injected failures, load
 * balancer health checks (AWS ALB semantics), DNS cache expiry per client cohort, and the auto
 * scaling group's lifecycle and target-tracking policy.
 *
 * Health checks: each (LB, target) pair is checked every interval from a seeded phase. A check
 * against a dead target (or one whose security group drops the LB's packets, or over a cut link)
 * gets no answer and fails when the timeout expires; a wrong port is refused and a path the
 * target does not answer returns 404, both failing at once; a target whose mean response time
 * exceeds the timeout fails too. `unhealthyThreshold` consecutive failures mark a healthy target
 * unhealthy, `healthyThreshold` consecutive passes mark an initial or unhealthy target healthy.
 * With the defaults (30 s, 5 s, 2, 5) a killed target is taken out 35–65 s after it dies and a
 * restored one is back 120–150 s after it recovers.
 *
 * Auto scaling (EC2 target tracking): the metric (average CPU % of in-service instances, or
 * requests per second per in-service instance) is averaged per one-minute period. Three
 * consecutive periods above the target scale out to ceil(n × metric / target); fifteen
 * consecutive periods below 0.9 × target (the lower alarm AWS puts under the target, so the
 * group does not flap) scale in the same way; capacity stays within [min, max], and no action
 * follows another within the cooldown. A launched instance is pending for
 * PENDING_SEC, boots for bootSec, registers with every LB linked to the group (it must pass
 * healthyThreshold checks), then warms up for warmupSec — its capacity ramps from half to full
 * and its metrics are left out of the policy — and is in service. An instance found dead for a
 * whole minute (EC2 status checks) is terminated and replaced. Instances spread over zones a,
 * b, c starting at the group's zone, skipping lost zones. An ASG not behind a load balancer is
 * reached directly: its booted instances are DNS records or round-robin targets of its callers.
 * Contract: pure state transitions over the runtime; randomness only from seeded streams.
 */
import { AZS } from '../model/kinds/instance';
import type { ScenarioEvent } from '../model/schema';
import { POL_WEIGHTED } from './compile';
import { diag } from './diagnostics';
import { isUp } from './flow';
import { type Rng, streamFor } from './rng';
import {
  IS_BOOTING,
  IS_EMPTY,
  IS_IN_SERVICE,
  IS_PENDING,
  IS_REGISTERING,
  IS_TERMINATING,
  IS_WARMING,
  TARGET_REASONS,
  TR_DEREGISTERING,
  TR_FAILED,
  TR_LINK_CUT,
  TR_OK,
  TR_REGISTERING,
  TR_SG,
  TS_DRAINING,
  TS_HEALTHY,
  TS_INITIAL,
  TS_UNHEALTHY,
  TS_UNUSED,
  type Runtime,
} from './runtime';
import type { SimEvent } from './types';

export const CE_SCENARIO = 1;
export const CE_HC = 2;
export const CE_HC_RESULT = 3;
export const CE_DNS = 4;
export const CE_ASG_TICK = 5;
export const CE_INST = 6;

/** Seconds an instance spends pending (API call to a running machine) before it boots. */
export const PENDING_SEC = 10;
/** Capacity of an instance at the start of its warm-up (it ramps linearly to 1). */
export const WARM_START = 0.5;
/** Scale-in lower bound, as a share of the target value. */
export const SCALE_IN_RATIO = 0.9;
export const SCALE_OUT_PERIODS = 3;
export const SCALE_IN_PERIODS = 15;
/** A dead instance is replaced after this long (EC2 status checks fail for a minute). */
export const REPLACE_AFTER_SEC = 60;

/** The kernel's hooks the control plane needs. */
export interface ControlHost {
  rt: Runtime;
  seed: number;
  scenario: ScenarioEvent[];
  emit(e: SimEvent): void;
}

const lbParams = (rt: Runtime, route: number) => {
  const lb = rt.net.lbs.find((l) => l.route === route);
  const n = lb ? rt.net.topo.nodes[lb.node] : undefined;
  return n && n.kind === 'lb' ? n.params : null;
};
const lbOfRoute = (rt: Runtime, route: number) => rt.net.lbs.find((l) => l.route === route);
const asgParams = (rt: Runtime, a: number) => {
  const n = rt.net.topo.nodes[rt.net.asgs[a]!.node]!;
  return n.kind === 'asg' ? n.params : null;
};

/** The id a station is known by in frames: its node id, or `asgId#n` for an instance. */
export function stationId(rt: Runtime, s: number): string {
  const net = rt.net;
  const id = net.nodeIds[net.stNode[s]!]!;
  return net.stSlot[s]! >= 0 ? `${id}#${rt.iNum[s]}` : id;
}

// --- scenario events -------------------------------------------------------------------------

/** Stations standing for a node id (or `asgId#n`). */
function stationsFor(rt: Runtime, id: string): number[] {
  const net = rt.net;
  const hash = id.lastIndexOf('#');
  if (hash > 0) {
    const node = net.nodeIndex.get(id.slice(0, hash));
    const num = Number(id.slice(hash + 1));
    if (node === undefined) return [];
    const out: number[] = [];
    for (let s = 0; s < net.nSt; s++)
      if (net.stNode[s] === node && rt.iNum[s] === num && rt.iState[s] !== IS_EMPTY) out.push(s);
    return out;
  }
  const node = net.nodeIndex.get(id);
  if (node === undefined) return [];
  const out: number[] = [];
  for (let s = 0; s < net.nSt; s++) if (net.stNode[s] === node) out.push(s);
  return out;
}

/** Applies a scenario or injected event at time `now`. */
export function applyScenarioEvent(h: ControlHost, ev: ScenarioEvent, now: number): void {
  const rt = h.rt;
  switch (ev.type) {
    case 'kill':
    case 'restore': {
      const st = stationsFor(rt, ev.node);
      if (st.length === 0) return unknown(h, ev.node);
      for (const s of st) rt.up[s] = ev.type === 'kill' ? 0 : 1;
      rt.nodeDown.set(ev.node, ev.type === 'kill');
      rt.dirty = true;
      h.emit({ time: now, type: ev.type === 'kill' ? 'killed' : 'restored', node: ev.node });
      return;
    }
    case 'slow': {
      const st = stationsFor(rt, ev.node);
      if (st.length === 0) return unknown(h, ev.node);
      for (const s of st) rt.slow[s] = ev.factor;
      rt.nodeSlow.set(ev.node, ev.factor);
      h.emit({ time: now, type: 'slowed', node: ev.node, detail: `x${ev.factor}` });
      return;
    }
    case 'cutLink':
    case 'restoreLink': {
      const li = rt.net.linkIndex.get(ev.link);
      if (li === undefined) return unknown(h, ev.link);
      rt.linkCut[li] = ev.type === 'cutLink' ? 1 : 0;
      rt.linkOverride.set(ev.link, ev.type === 'cutLink');
      rt.dirty = true;
      h.emit({
        time: now,
        type: ev.type === 'cutLink' ? 'linkCut' : 'linkRestored',
        detail: ev.link,
      });
      return;
    }
    case 'loseAz':
    case 'restoreAz': {
      rt.azLost[AZS.indexOf(ev.az)] = ev.type === 'loseAz' ? 1 : 0;
      rt.dirty = true;
      h.emit({ time: now, type: ev.type === 'loseAz' ? 'azLost' : 'azRestored', detail: ev.az });
      return;
    }
    case 'setRate': {
      const node = rt.net.nodeIndex.get(ev.node);
      const u = rt.net.users.findIndex((x) => x.node === node);
      if (u < 0) return unknown(h, ev.node);
      rt.usersRt[u]!.base = ev.rate;
      h.emit({ time: now, type: 'rateChanged', node: ev.node, detail: String(ev.rate) });
      return;
    }
  }
}

function unknown(h: ControlHost, id: string): void {
  const d = diag.unknownNode(id);
  if (!h.rt.dynDiagnostics.some((x) => x.node === id && x.code === d.code))
    h.rt.dynDiagnostics.push(d);
}

// --- health checks ---------------------------------------------------------------------------

/** Whether an LB entry's target is registered (a plain node always; a slot once booted). */
export function registered(rt: Runtime, e: number): boolean {
  const t = rt.net.eTarget[e]!;
  if (rt.net.stSlot[t]! < 0) return true;
  const st = rt.iState[t]!;
  return st >= IS_REGISTERING && st <= IS_TERMINATING;
}

/** Starts health checks of an entry at a seeded phase within the interval. */
export function scheduleFirstCheck(h: ControlHost, e: number, now: number): void {
  const rt = h.rt;
  const p = lbParams(rt, rt.net.eRoute[e]!);
  if (!p) return;
  const rng = streamFor(
    h.seed,
    `hc:${rt.net.nodeIds[rt.net.stNode[rt.net.rOwner[rt.net.eRoute[e]!]!]!]}:${stationId(rt, rt.net.eTarget[e]!)}:${now}`,
  );
  rt.tNext[e] = now + rng.next() * p.hcIntervalSec;
  rt.queue.push(rt.tNext[e]!, CE_HC, e);
}

/** One health check of entry e at time `now`. */
export function runCheck(h: ControlHost, e: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  if (rt.tState[e] === TS_UNUSED || rt.tState[e] === TS_DRAINING || !registered(rt, e)) return;
  if (Math.abs(rt.tNext[e]! - now) > 1e-9) return; // superseded
  const p = lbParams(rt, net.eRoute[e]!);
  if (!p) return;
  const t = net.eTarget[e]!;
  let pass = true;
  let reason = TR_OK;
  let delay = 0;
  const li = net.eLink[e]!;
  if (li >= 0 && rt.linkCut[li] === 1) {
    pass = false;
    reason = TR_LINK_CUT;
    delay = p.hcTimeoutSec;
  } else if (rt.eMisconf[e] !== TR_OK) {
    pass = false;
    reason = rt.eMisconf[e]!;
    delay = reason === TR_SG ? p.hcTimeoutSec : 0;
  } else if (!isUp(rt, t)) {
    pass = false;
    reason = TR_FAILED;
    delay = p.hcTimeoutSec;
  } else if (rt.served[t]! > 0 && rt.X[t]! / rt.served[t]! > p.hcTimeoutSec) {
    // Overloaded: the check waits in the same queue as requests and times out.
    pass = false;
    reason = TR_FAILED;
    delay = p.hcTimeoutSec;
  }
  rt.tNext[e] = now + p.hcIntervalSec;
  rt.queue.push(rt.tNext[e]!, CE_HC, e);
  if (delay > 0) rt.queue.push(now + delay, CE_HC_RESULT, e, pass ? 1 : 0, reason);
  else applyCheckResult(h, e, pass, reason, now);
}

/** Counts a check result and moves the target between states. */
export function applyCheckResult(
  h: ControlHost,
  e: number,
  pass: boolean,
  reason: number,
  now: number,
): void {
  const rt = h.rt;
  const st = rt.tState[e]!;
  if (st === TS_UNUSED || st === TS_DRAINING || !registered(rt, e)) return;
  const p = lbParams(rt, rt.net.eRoute[e]!);
  if (!p) return;
  const lb = lbOfRoute(rt, rt.net.eRoute[e]!)!;
  const target = stationId(rt, rt.net.eTarget[e]!);
  if (pass) {
    rt.tPass[e]!++;
    rt.tFail[e] = 0;
    if (st !== TS_HEALTHY && rt.tPass[e]! >= p.healthyThreshold) {
      rt.tState[e] = TS_HEALTHY;
      rt.tReason[e] = TR_OK;
      rt.tSince[e] = now;
      rt.dirty = true;
      h.emit({ time: now, type: 'targetHealthy', node: lb.id, detail: target });
      onTargetHealthy(h, rt.net.eTarget[e]!, now);
    }
  } else {
    rt.tFail[e]!++;
    rt.tPass[e] = 0;
    if (st !== TS_HEALTHY)
      rt.tReason[e] = st === TS_INITIAL && reason === TR_FAILED ? TR_REGISTERING : reason;
    if (st !== TS_UNHEALTHY && rt.tFail[e]! >= p.unhealthyThreshold) {
      rt.tState[e] = TS_UNHEALTHY;
      rt.tReason[e] = reason;
      rt.tSince[e] = now;
      rt.dirty = true;
      h.emit({
        time: now,
        type: 'targetUnhealthy',
        node: lb.id,
        detail: `${target}: ${TARGET_REASONS[reason]}`,
      });
    }
  }
}

// --- DNS cohorts -----------------------------------------------------------------------------

/** The record entries a DNS name hands out now (linked and, for instances, booted). */
function records(rt: Runtime, d: number): number[] {
  const net = rt.net;
  const r = net.dnses[d]!.route;
  const out: number[] = [];
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
    if (net.eLink[e]! >= 0 && rt.present[net.eTarget[e]!] === 1) out.push(e);
  return out;
}

const dnsParams = (rt: Runtime, d: number) => {
  const n = rt.net.topo.nodes[rt.net.dnses[d]!.node]!;
  return n.kind === 'dns' ? n.params : null;
};

/** The answer one resolution gets: the next record in rotation, or a weighted pick. */
export function resolve(rt: Runtime, d: number, rng: Rng): number {
  const recs = records(rt, d);
  if (recs.length === 0) return -1;
  const net = rt.net;
  if (net.rPolicy[net.dnses[d]!.route] === POL_WEIGHTED) {
    let total = 0;
    for (const e of recs) total += net.eWeight[e]!;
    let x = rng.next() * total;
    for (const e of recs) {
      x -= net.eWeight[e]!;
      if (x < 0) return e;
    }
    return recs[recs.length - 1]!;
  }
  const dr = rt.dnsRt[d]!;
  return recs[dr.rotation++ % recs.length]!;
}

/** A cohort's cached answer expired: resolve again and cache for TTL plus jitter. */
export function expireCohort(h: ControlHost, d: number, j: number, c: number, now: number): void {
  const rt = h.rt;
  const p = dnsParams(rt, d);
  const dr = rt.dnsRt[d];
  if (!p || !dr || !dr.address[j] || Math.abs(dr.expires[j]![c]! - now) > 1e-9) return;
  const rng = rt.dnsRng[d]!;
  dr.address[j]![c] = resolve(rt, d, rng);
  if (p.ttlSec <= 0) return;
  dr.expires[j]![c] = now + p.ttlSec * (1 + (p.jitterPct / 100) * rng.next());
  rt.queue.push(dr.expires[j]![c]!, CE_DNS, d, j, c);
}

// --- auto scaling ----------------------------------------------------------------------------

const activeSlot = (rt: Runtime, s: number) =>
  rt.iState[s] !== IS_EMPTY && rt.iState[s] !== IS_TERMINATING;

/** Zone for a new instance: the usable zone with the fewest instances, from the group's zone. */
function pickAz(rt: Runtime, a: number): number {
  const net = rt.net;
  const info = net.asgs[a]!;
  const p = asgParams(rt, a);
  const home = p ? AZS.indexOf(p.az) : 0;
  const count = [0, 0, 0];
  for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++)
    if (activeSlot(rt, s)) count[net.stAz[s]!]!++;
  let best = -1;
  for (let i = 0; i < 3; i++) {
    const z = (home + i) % 3;
    if (rt.azLost[z] === 1) continue;
    if (best < 0 || count[z]! < count[best]!) best = z;
  }
  return best;
}

/** Launches one instance into a free slot. */
export function launch(h: ControlHost, a: number, now: number): boolean {
  const rt = h.rt;
  const net = rt.net;
  const info = net.asgs[a]!;
  const p = asgParams(rt, a);
  if (!p) return false;
  const az = pickAz(rt, a);
  if (az < 0) return false;
  for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++) {
    if (rt.iState[s] !== IS_EMPTY) continue;
    const ar = rt.asgRt[a]!;
    rt.iState[s] = IS_PENDING;
    rt.iNum[s] = ar.nextNumber++;
    rt.iSince[s] = now;
    rt.iDue[s] = now + PENDING_SEC;
    rt.iDownSince[s] = -1;
    net.stAz[s] = az;
    rt.up[s] = 1;
    rt.present[s] = 0;
    rt.warm[s] = WARM_START;
    rt.slow[s] = rt.nodeSlow.get(info.id) ?? 1;
    rt.X[s] = 0;
    rt.XA[s] = 0;
    rt.queue.push(rt.iDue[s]!, CE_INST, s, rt.iNum[s]!);
    h.emit({ time: now, type: 'instanceLaunched', node: info.id, detail: stationId(rt, s) });
    return true;
  }
  return false;
}

/** Puts an instance in service at once (the run starts with the group at its desired size). */
export function startInService(rt: Runtime, a: number, s: number): void {
  const ar = rt.asgRt[a]!;
  rt.iState[s] = IS_IN_SERVICE;
  rt.iNum[s] = ar.nextNumber++;
  rt.iSince[s] = 0;
  rt.iDue[s] = Infinity;
  rt.present[s] = 1;
  rt.warm[s] = 1;
  rt.up[s] = 1;
}

/** An instance lifecycle timer fired. */
export function instanceDue(h: ControlHost, s: number, num: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  if (rt.iNum[s] !== num || Math.abs(rt.iDue[s]! - now) > 1e-9) return;
  const a = net.stAsg[s]!;
  const p = asgParams(rt, a);
  if (!p) return;
  const info = net.asgs[a]!;
  switch (rt.iState[s]) {
    case IS_PENDING:
      rt.iState[s] = IS_BOOTING;
      rt.iSince[s] = now;
      rt.iDue[s] = now + p.bootSec;
      rt.queue.push(rt.iDue[s]!, CE_INST, s, num);
      return;
    case IS_BOOTING: {
      rt.iState[s] = IS_REGISTERING;
      rt.iSince[s] = now;
      rt.iDue[s] = Infinity;
      rt.present[s] = 1;
      rt.dirty = true;
      recordsChanged(h, s, now);
      let lbs = 0;
      for (const r of info.lbRoutes)
        for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
          if (net.eTarget[e] === s) {
            rt.tState[e] = TS_INITIAL;
            rt.tReason[e] = TR_REGISTERING;
            rt.tPass[e] = 0;
            rt.tFail[e] = 0;
            rt.tSince[e] = now;
            scheduleFirstCheck(h, e, now);
            lbs++;
          }
      if (lbs === 0) startWarming(h, s, now);
      return;
    }
    case IS_WARMING:
      rt.iState[s] = IS_IN_SERVICE;
      rt.iSince[s] = now;
      rt.iDue[s] = Infinity;
      rt.warm[s] = 1;
      h.emit({ time: now, type: 'instanceInService', node: info.id, detail: stationId(rt, s) });
      return;
    case IS_TERMINATING:
      freeSlot(h, s, now);
      return;
    default:
      return;
  }
}

function startWarming(h: ControlHost, s: number, now: number): void {
  const rt = h.rt;
  const p = asgParams(rt, rt.net.stAsg[s]!);
  rt.iState[s] = IS_WARMING;
  rt.iSince[s] = now;
  rt.warm[s] = WARM_START;
  rt.iDue[s] = now + (p ? p.warmupSec : 0);
  rt.queue.push(rt.iDue[s]!, CE_INST, s, rt.iNum[s]!);
}

/** A target turned healthy: a registering instance healthy at every LB starts warming up. */
function onTargetHealthy(h: ControlHost, s: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  if (net.stSlot[s]! < 0 || rt.iState[s] !== IS_REGISTERING) return;
  const info = net.asgs[net.stAsg[s]!]!;
  for (const r of info.lbRoutes)
    for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
      if (net.eTarget[e] === s && rt.tState[e] !== TS_HEALTHY) return;
  startWarming(h, s, now);
}

/** Starts terminating an instance: it drains at its load balancers, then its slot is freed. */
export function terminate(h: ControlHost, s: number, now: number, drain: boolean): void {
  const rt = h.rt;
  const net = rt.net;
  const info = net.asgs[net.stAsg[s]!]!;
  let until = now;
  if (drain && rt.iState[s]! >= IS_REGISTERING)
    for (const r of info.lbRoutes) {
      const p = lbParams(rt, r);
      for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
        if (net.eTarget[e] === s && rt.tState[e] !== TS_UNUSED) {
          rt.tState[e] = TS_DRAINING;
          rt.tReason[e] = TR_DEREGISTERING;
          rt.tSince[e] = now;
          rt.tDrainUntil[e] = now + (p ? p.deregistrationDelaySec : 0);
          until = Math.max(until, rt.tDrainUntil[e]!);
        }
    }
  rt.iState[s] = IS_TERMINATING;
  rt.iSince[s] = now;
  rt.dirty = true;
  if (until > now) {
    rt.iDue[s] = until;
    rt.queue.push(until, CE_INST, s, rt.iNum[s]!);
  } else freeSlot(h, s, now);
}

function freeSlot(h: ControlHost, s: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  const info = net.asgs[net.stAsg[s]!]!;
  h.emit({ time: now, type: 'instanceTerminated', node: info.id, detail: stationId(rt, s) });
  for (const r of info.lbRoutes)
    for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
      if (net.eTarget[e] === s) {
        rt.tState[e] = TS_UNUSED;
        rt.tNext[e] = Infinity;
      }
  rt.iState[s] = IS_EMPTY;
  rt.iDue[s] = Infinity;
  rt.present[s] = 0;
  rt.dirty = true;
  recordsChanged(h, s, now);
}

/** An instance of a group that DNS names directly came or went: its record set changed. */
function recordsChanged(h: ControlHost, s: number, now: number): void {
  const net = h.rt.net;
  for (const d of net.dnses)
    for (let e = net.rStart[d.route]!; e < net.rEnd[d.route]!; e++)
      if (net.eTarget[e] === s && net.eLink[e]! >= 0) {
        h.emit({ time: now, type: 'dnsRecordChanged', node: d.id, detail: stationId(h.rt, s) });
        break;
      }
}

/** Sets the capacity of warming instances for a step ending at `t` (a linear ramp). */
export function updateWarmUp(rt: Runtime, t: number): void {
  const net = rt.net;
  for (let a = 0; a < net.asgs.length; a++) {
    const info = net.asgs[a]!;
    const p = asgParams(rt, a);
    if (!p) continue;
    for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++) {
      if (rt.iState[s] !== IS_WARMING) continue;
      const w = p.warmupSec > 0 ? (t - rt.iSince[s]!) / p.warmupSec : 1;
      rt.warm[s] = Math.min(1, WARM_START + (1 - WARM_START) * Math.max(0, w));
    }
  }
}

/** Accumulates the policy metric of each group over a step of length dt. */
export function accumulateAsgMetrics(rt: Runtime, dt: number): void {
  const net = rt.net;
  for (let a = 0; a < net.asgs.length; a++) {
    const info = net.asgs[a]!;
    const p = asgParams(rt, a);
    if (!p) continue;
    let n = 0;
    let sum = 0;
    for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++) {
      const st = rt.iState[s]!;
      if (st !== IS_IN_SERVICE || !isUp(rt, s)) continue;
      n++;
      sum += p.metric === 'cpu' ? 100 * rt.util[s]! : rt.arrC[s * 2]! + rt.arrC[s * 2 + 1]!;
    }
    if (n > 0) {
      const ar = rt.asgRt[a]!;
      ar.metricSum += (sum / n) * dt;
      ar.metricTime += dt;
    }
  }
}

/** The one-minute evaluation of a group: alarms, scaling, replacement, reconciliation. */
export function asgTick(h: ControlHost, a: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  const info = net.asgs[a]!;
  const p = asgParams(rt, a);
  const ar = rt.asgRt[a]!;
  rt.queue.push(now + 60, CE_ASG_TICK, a);
  if (!p) return;
  const target = p.targetValue;
  let counted = 0;
  for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++) {
    const st = rt.iState[s]!;
    if (st === IS_IN_SERVICE && isUp(rt, s)) counted++;
    // Replace instances dead for a whole period (status checks), keeping the desired size.
    if (st !== IS_EMPTY && st !== IS_TERMINATING && st >= IS_REGISTERING) {
      if (isUp(rt, s)) rt.iDownSince[s] = -1;
      else if (rt.iDownSince[s]! < 0) rt.iDownSince[s] = now;
      else if (now - rt.iDownSince[s]! >= REPLACE_AFTER_SEC) terminate(h, s, now, false);
    }
  }
  if (ar.metricTime > 0) {
    const metric = ar.metricSum / ar.metricTime;
    ar.highCount = metric > target ? ar.highCount + 1 : 0;
    ar.lowCount = metric < SCALE_IN_RATIO * target ? ar.lowCount + 1 : 0;
    const cool = now - ar.lastAction >= p.cooldownSec;
    if (ar.highCount >= SCALE_OUT_PERIODS && cool && counted > 0) {
      const want = Math.min(p.maxSize, Math.ceil((counted * metric) / target));
      if (want > ar.desired) {
        h.emit({ time: now, type: 'scaleOut', node: info.id, detail: `${ar.desired} -> ${want}` });
        ar.desired = want;
        ar.lastAction = now;
        ar.highCount = 0;
      }
    } else if (ar.lowCount >= SCALE_IN_PERIODS && cool && counted > 0) {
      const want = Math.max(p.minSize, Math.ceil((counted * metric) / target));
      if (want < ar.desired) {
        h.emit({ time: now, type: 'scaleIn', node: info.id, detail: `${ar.desired} -> ${want}` });
        ar.desired = want;
        ar.lastAction = now;
        ar.lowCount = 0;
      }
    }
  }
  ar.metricSum = 0;
  ar.metricTime = 0;
  reconcile(h, a, now);
}

/** Launches or terminates instances until the group has its desired count. */
export function reconcile(h: ControlHost, a: number, now: number): void {
  const rt = h.rt;
  const net = rt.net;
  const info = net.asgs[a]!;
  const p = asgParams(rt, a);
  if (!p) return;
  const ar = rt.asgRt[a]!;
  ar.desired = Math.max(p.minSize, Math.min(p.maxSize, ar.desired));
  let active = 0;
  for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++)
    if (activeSlot(rt, s)) active++;
  while (active < ar.desired && launch(h, a, now)) active++;
  while (active > ar.desired) {
    // Default termination policy: the zone with the most instances, then the least ready, newest.
    const perAz = [0, 0, 0];
    for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++)
      if (activeSlot(rt, s)) perAz[net.stAz[s]!]!++;
    let pick = -1;
    for (let s = info.slotStart; s < info.slotStart + info.slotCount; s++) {
      if (!activeSlot(rt, s)) continue;
      if (pick < 0) {
        pick = s;
        continue;
      }
      const za = perAz[net.stAz[s]!]!;
      const zb = perAz[net.stAz[pick]!]!;
      if (
        za > zb ||
        (za === zb &&
          (rt.iState[s]! < rt.iState[pick]! ||
            (rt.iState[s] === rt.iState[pick] && rt.iNum[s]! > rt.iNum[pick]!)))
      )
        pick = s;
    }
    if (pick < 0) break;
    terminate(h, pick, now, true);
    active--;
  }
}
