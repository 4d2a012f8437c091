/**
 * The simulation kernel: compiles a topology into typed arrays and steps it by dt. Each step runs
 * the control-plane events due (splitting the fluid step at scenario events so failures take
 * effect at their exact time), then one fluid step: users' arrivals, the forward pass through the
 * stations in topological order, the reverse sweep of time-to-exit moments, the users' outcomes
 * (timeouts, retries), costs and the auto scaling metric. `setTopology` recompiles and carries
 * over the state of everything whose id stays.
 * Contract: pure and deterministic for a given topology, scenario and seed; no DOM, no clock,
 * no Math.random.
 */
import type { ScenarioEvent, Topology } from '../model/schema';
import { compile, K_LB, targetMisconfig, type Compiled } from './compile';
import {
  accumulateAsgMetrics,
  updateWarmUp,
  applyCheckResult,
  applyScenarioEvent,
  asgTick,
  CE_ASG_TICK,
  CE_DNS,
  CE_HC,
  CE_HC_RESULT,
  CE_INST,
  CE_SCENARIO,
  expireCohort,
  instanceDue,
  reconcile,
  registered,
  resolve,
  runCheck,
  scheduleFirstCheck,
  startInService,
  stationId,
  type ControlHost,
} from './control';
import { beginStep, entryFixed, forwardPass, reverseSweep } from './flow';
import { billed, buildFrame } from './frame';
import { computeStaticShares } from './routing';
import { streamFor } from './rng';
import {
  IS_EMPTY,
  Runtime,
  TR_LINK_CUT,
  TR_OK,
  TR_PATH,
  TR_REGISTERING,
  TR_SG,
  TR_WRONG_PORT,
  TS_DRAINING,
  TS_HEALTHY,
  TS_INITIAL,
  TS_UNHEALTHY,
  TS_UNUSED,
} from './runtime';
import type { Sim, SimEvent, SimFrame, SimOptions } from './types';
import { createUsersRuntime, scheduleRetries, usersArrivals, usersLatency } from './users';
import { PORTS } from './compile';

/** The step used to recompute rates right after a topology change (time does not advance). */
const REFRESH_DT = 1e-9;

/** Most events kept between two frames (older ones are dropped first). */
const EVENT_BUFFER = 5000;

const MISCONF_CODE = {
  ok: TR_OK,
  wrongPort: TR_WRONG_PORT,
  pathNotAnswered: TR_PATH,
  securityGroup: TR_SG,
} as const;

/**
 * Creates a simulation of a topology (already validated by `parseTopology`).
 * @example
 * const sim = createSim(topology, { seed: 7 });
 * for (let i = 0; i < 600; i++) sim.step(1 / 60);
 * const f = sim.frame(); // f.global[G.latencyP99], f.nodes[i * NODE_FIELD_COUNT + F.utilization]
 */
export function createSim(topology: Topology, opts: SimOptions = {}): Sim {
  const seed = (opts.seed ?? topology.scenario.seed) >>> 0;
  let rt = initRuntime(topology, seed);
  const host: ControlHost = {
    get rt() {
      return rt;
    },
    seed,
    scenario: [...topology.scenario.events],
    emit(e: SimEvent) {
      rt.events.push(e);
      if (rt.events.length > EVENT_BUFFER) rt.events.splice(0, rt.events.length - EVENT_BUFFER);
    },
  };
  scheduleScenario(rt, host.scenario, -1);

  // When scenario events split a step, the rates a frame shows are averaged over the whole step.
  let subSteps = 0;
  let avg: StepAverager | null = null;
  const fluid = (h: number) => {
    if (!(h > 0)) return;
    if (subSteps === 1) {
      avg ??= new StepAverager();
      avg.begin(rt);
      avg.add(rt, lastH);
    }
    fluidStep(rt, rt.time, h);
    rt.time += h;
    subSteps++;
    if (subSteps >= 2) avg!.add(rt, h);
    else lastH = h;
  };
  let lastH = 0;

  const handle = (type: number, a: number, b: number, c: number, at: number) => {
    switch (type) {
      case CE_SCENARIO: {
        const ev = host.scenario[a];
        if (ev) applyScenarioEvent(host, ev, at);
        return;
      }
      case CE_HC:
        runCheck(host, a, at);
        return;
      case CE_HC_RESULT:
        applyCheckResult(host, a, b === 1, c, at);
        return;
      case CE_DNS:
        expireCohort(host, a, b, c, at);
        return;
      case CE_ASG_TICK:
        asgTick(host, a, at);
        return;
      case CE_INST:
        instanceDue(host, a, b, at);
        return;
    }
  };

  const sim: Sim = {
    get time() {
      return rt.time;
    },
    step(dt: number) {
      if (!(dt > 0) || !Number.isFinite(dt)) return;
      const end = rt.time + dt;
      subSteps = 0;
      while (rt.queue.peekTime() <= end) {
        const ev = rt.queue.pop()!;
        // Failures and rate changes take effect at their own time within the step.
        if (ev.type === CE_SCENARIO && ev.time > rt.time + 1e-6) fluid(ev.time - rt.time);
        handle(ev.type, ev.a, ev.b, ev.c, Math.max(ev.time, 0));
      }
      fluid(end - rt.time);
      rt.time = end;
      if (subSteps >= 2) avg!.finish(rt, dt);
    },
    setTopology(next: Topology) {
      const old = rt;
      rt = carryOver(old, next, seed, host);
      host.scenario = [...next.scenario.events];
      scheduleScenario(rt, host.scenario, rt.time);
      host.emit({ time: rt.time, type: 'topologyChanged' });
      // Refresh the rates for the new network without moving time (an infinitesimal step).
      rt.refreshing = true;
      fluidStep(rt, rt.time, REFRESH_DT);
      rt.refreshing = false;
    },
    inject(event: ScenarioEvent) {
      host.scenario.push(event);
      rt.queue.push(rt.time, CE_SCENARIO, host.scenario.length - 1);
    },
    frame(): SimFrame {
      if (rt.sweepStale) {
        reverseSweep(rt);
        usersLatency(rt);
        latencyTotals(rt);
        rt.sweepStale = false;
      }
      const events = rt.events;
      rt.events = [];
      return buildFrame(rt, events);
    },
  };
  return sim;
}

/**
 * Time-averages the per-step rates over the sub-steps of one `step` call (the first sub-step's
 * rates are captured when the second begins, so a step that is not split costs nothing).
 */
class StepAverager {
  private arrays: Float64Array[] = [];
  private sums: Float64Array[] = [];
  private scalars = new Float64Array(7);

  private targets(rt: Runtime): Float64Array[] {
    const out = [rt.arrC, rt.thrC, rt.dropC, rt.errC, rt.exitC, rt.eFlow];
    for (const ur of rt.usersRt) out.push(ur.first, ur.retry, ur.budgetDropped, ur.givenUp);
    return out;
  }

  begin(rt: Runtime): void {
    this.arrays = this.targets(rt);
    this.sums = this.arrays.map((a) => new Float64Array(a.length));
    this.scalars.fill(0);
  }

  private scalarsOf(rt: Runtime): number[] {
    return [
      rt.offered,
      rt.attempts,
      rt.exits,
      rt.failures,
      rt.timeouts,
      rt.goodput,
      rt.costPerHour,
    ];
  }

  add(rt: Runtime, h: number): void {
    this.arrays.forEach((a, i) => {
      const sum = this.sums[i]!;
      for (let k = 0; k < a.length; k++) sum[k]! += a[k]! * h;
    });
    this.scalarsOf(rt).forEach((v, i) => (this.scalars[i]! += v * h));
  }

  finish(rt: Runtime, total: number): void {
    this.arrays.forEach((a, i) => {
      const sum = this.sums[i]!;
      for (let k = 0; k < a.length; k++) a[k] = sum[k]! / total;
    });
    const v = this.scalars;
    rt.offered = v[0]! / total;
    rt.attempts = v[1]! / total;
    rt.exits = v[2]! / total;
    rt.failures = v[3]! / total;
    rt.timeouts = v[4]! / total;
    rt.goodput = v[5]! / total;
    rt.costPerHour = v[6]! / total;
  }
}

/** Schedules the scenario's events after `after` (all of them, at the start). */
function scheduleScenario(rt: Runtime, events: readonly ScenarioEvent[], after: number): void {
  rt.queue.removeWhere((e) => e.type === CE_SCENARIO);
  events.forEach((e, i) => {
    if (e.atSec > after) rt.queue.push(e.atSec, CE_SCENARIO, i);
  });
}

/** One fluid step of length h from time t. */
function fluidStep(rt: Runtime, t: number, h: number): void {
  const net = rt.net;
  if (rt.dirty || rt.slowStartActive) {
    refreshEntries(rt);
    computeStaticShares(rt, t);
    rt.dirty = false;
  }
  updateShardShares(rt);
  if (net.asgs.length > 0) updateWarmUp(rt, t + h);
  beginStep(rt);
  usersArrivals(rt, t, h);
  forwardPass(rt, h);
  // Time-to-exit moments are needed every step only when failures feed retries back; otherwise
  // they are computed when a frame asks for them.
  if (rt.retriesActive) {
    reverseSweep(rt);
    usersLatency(rt);
    scheduleRetries(rt, t, h);
    rt.sweepStale = false;
  } else rt.sweepStale = true;
  // Totals of the step.
  let exits = 0;
  let failures = 0;
  let cost = 0;
  for (let s = 0; s < net.nSt; s++) {
    exits += rt.exitC[s * 2]! + rt.exitC[s * 2 + 1]!;
    failures += rt.errC[s * 2]! + rt.errC[s * 2 + 1]! + rt.dropC[s * 2]! + rt.dropC[s * 2 + 1]!;
    if (billed(rt, s)) cost += net.stPrice[s]!;
  }
  rt.exits = exits;
  // Retries dropped by a budget are not failures of their own: their attempt already failed.
  rt.failures = failures;
  if (!rt.sweepStale) latencyTotals(rt);
  rt.costPerHour = cost;
  rt.costTotal += (cost * h) / 3600;
  accumulateAsgMetrics(rt, h);
}

/**
 * End-to-end figures from the sweep: timeouts (completions whose time to exit exceeded the
 * client timeout), goodput, and the latency moments mixed over users and classes.
 */
export function latencyTotals(rt: Runtime): void {
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  let md = 0;
  let pto = 0;
  for (let u = 0; u < rt.net.users.length; u++) {
    const ur = rt.usersRt[u]!;
    for (let c = 0; c < 2; c++) {
      const ws = (ur.first[c]! + ur.retry[c]!) * ur.sigma[c]!;
      w += ws;
      m1 += ws * ur.t1[c]!;
      m2 += ws * ur.t2[c]!;
      md += ws * entryFixed(rt, u, c);
      pto += ws * ur.timeoutFrac[c]!;
    }
  }
  rt.timeouts = w > 0 ? (rt.exits * pto) / w : 0;
  rt.goodput = Math.max(0, rt.exits - rt.timeouts);
  if (w > 0) {
    rt.e2eMean = m1 / w;
    rt.e2eSecond = m2 / w;
    rt.e2eFixed = md / w;
  }
}

/**
 * Shard shares of each caller with several primaries: its users' shares, mixed by rate. They
 * depend only on the users' first-attempt rates, so they are mixed again only when one changed.
 */
function updateShardShares(rt: Runtime): void {
  const net = rt.net;
  if (net.shardGroups.length === 0) return;
  const key = rt.shardKey;
  let same = true;
  let total = 0;
  for (let u = 0; u < net.users.length; u++) {
    const rate = rt.usersRt[u]!.first[0]! + rt.usersRt[u]!.first[1]!;
    if (rate !== key[u]) same = false;
    key[u] = rate;
    total += rate;
  }
  if (same) return;
  const groups = net.shardGroups;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const out = rt.shardShare[gi]!;
    out.fill(0);
    for (let u = 0; u < g.sharesByUsers.length; u++) {
      const w = total > 0 ? key[u]! / total : 1 / g.sharesByUsers.length;
      const sh = g.sharesByUsers[u]!;
      for (let j = 0; j < g.count; j++) out[j]! += w * sh[j]!;
    }
  }
}

/** Whether each entry carries traffic: its link is not cut, it is no routing loop, and a load
 * balancer's target is configured to take it. */
function refreshEntries(rt: Runtime): void {
  const net = rt.net;
  for (let e = 0; e < net.nEnt; e++) {
    const li = net.eLink[e]!;
    const cut = li >= 0 && rt.linkCut[li] === 1;
    const lbOwner = net.stKind[net.rOwner[net.eRoute[e]!]!] === K_LB;
    rt.eOk[e] =
      !cut && net.eLoop[e] === 0 && rt.eBlocked[e] === 0 && (!lbOwner || rt.eMisconf[e] === TR_OK)
        ? 1
        : 0;
  }
}

/** Misconfiguration reasons of every LB entry (static for a compiled network). */
function computeMisconf(rt: Runtime): void {
  const net = rt.net;
  for (const lb of net.lbs) {
    const lbNode = net.topo.nodes[lb.node]!;
    if (lbNode.kind !== 'lb') continue;
    for (let e = net.rStart[lb.route]!; e < net.rEnd[lb.route]!; e++) {
      const t = net.topo.nodes[net.stNode[net.eTarget[e]!]!]!;
      rt.eMisconf[e] = MISCONF_CODE[targetMisconfig(lbNode, t)];
    }
  }
}

/** A fresh run of a topology at time 0: the system starts in its configured steady state. */
function initRuntime(topo: Topology, seed: number): Runtime {
  const net = compile(topo);
  const rt = new Runtime(net);
  const host = detachedHost(rt, seed);
  baseInit(rt, seed);
  topo.links.forEach((l, i) => (rt.linkCut[i] = l.cut ? 1 : 0));
  // Auto scaling groups start at their desired size, in service.
  net.asgs.forEach((a, ai) => {
    const n = topo.nodes[a.node]!;
    if (n.kind !== 'asg') return;
    const ar = rt.asgRt[ai]!;
    ar.desired = Math.max(n.params.minSize, Math.min(n.params.maxSize, n.params.desired));
    for (let k = 0; k < ar.desired && k < a.slotCount; k++) {
      const s = a.slotStart + k;
      net.stAz[s] = (['a', 'b', 'c'].indexOf(n.params.az) + k) % 3;
      startInService(rt, ai, s);
    }
  });
  // Targets that were registered long ago: healthy if their checks can pass.
  for (const lb of net.lbs)
    for (let e = net.rStart[lb.route]!; e < net.rEnd[lb.route]!; e++) {
      if (!registered(rt, e)) continue;
      const li = net.eLink[e]!;
      const reason = li >= 0 && rt.linkCut[li] === 1 ? TR_LINK_CUT : rt.eMisconf[e]!;
      rt.tState[e] = reason === TR_OK ? TS_HEALTHY : TS_UNHEALTHY;
      rt.tReason[e] = reason;
      rt.tPass[e] = reason === TR_OK ? 1000 : 0;
      rt.tFail[e] = reason === TR_OK ? 0 : 1000;
      scheduleFirstCheck(host, e, 0);
    }
  // DNS: cohort k starts on record k mod n; caches have random ages (uniform phase in the TTL).
  net.dnses.forEach((_, di) => initDns(rt, di, 0, null));
  return rt;
}

/** Runtime pieces every (re)compiled network needs: misconfigurations, users, DNS, ASG clocks. */
function baseInit(rt: Runtime, seed: number): void {
  const net = rt.net;
  computeMisconf(rt);
  net.users.forEach((u) => {
    const n = net.topo.nodes[u.node]!;
    if (n.kind === 'users') rt.usersRt.push(createUsersRuntime(n.params));
  });
  net.dnses.forEach((d) => {
    rt.dnsRng.push(streamFor(seed, `dns:${d.id}`));
    rt.dnsRt.push({ address: [], expires: [], rotation: 0 });
  });
  net.asgs.forEach(() =>
    rt.asgRt.push({
      desired: 0,
      nextNumber: 1,
      lastAction: -Infinity,
      highCount: 0,
      lowCount: 0,
      metricSum: 0,
      metricTime: 0,
    }),
  );
  rt.timeoutCap = 0;
  net.users.forEach((u) => {
    const n = net.topo.nodes[u.node]!;
    if (n.kind === 'users' && n.params.timeoutMs > 0)
      rt.timeoutCap = Math.max(rt.timeoutCap, n.params.timeoutMs / 1000);
  });
  for (const lb of net.lbs) if (rt.rSlowStart[lb.route]! > 0) rt.slowStartActive = true;
  rt.retriesActive = net.users.some((u) => {
    const n = net.topo.nodes[u.node]!;
    return n.kind === 'users' && n.params.retries > 0;
  });
  const nextMinute = Math.floor(rt.time / 60) * 60 + 60;
  net.asgs.forEach((_, ai) => rt.queue.push(nextMinute, CE_ASG_TICK, ai));
}

/** Cohorts of every users node of DNS d: carried answers where possible, else fresh ones. */
function initDns(
  rt: Runtime,
  d: number,
  now: number,
  carried: Map<string, { address: string[]; expires: number[] }> | null,
): void {
  const net = rt.net;
  const info = net.dnses[d]!;
  const dn = net.topo.nodes[info.node]!;
  if (dn.kind !== 'dns') return;
  const dr = rt.dnsRt[d]!;
  const rng = rt.dnsRng[d]!;
  const ttl = dn.params.ttlSec;
  info.inUsers.forEach((us, j) => {
    const un = net.topo.nodes[net.stNode[us]!]!;
    const count = un.kind === 'users' ? un.params.cohorts : 1;
    const address = new Int32Array(count).fill(-1);
    const expires = new Float64Array(count);
    const prev = carried?.get(un.id);
    for (let c = 0; c < count; c++) {
      const keep =
        prev && c < prev.address.length ? findEntry(rt, info.route, prev.address[c]!) : -1;
      if (keep >= 0 && prev!.expires[c]! > now) {
        address[c] = keep;
        expires[c] = prev!.expires[c]!;
      } else {
        address[c] = resolve(rt, d, rng);
        expires[c] =
          ttl > 0
            ? now +
              ttl * (now === 0 && !prev ? rng.next() : 1 + (dn.params.jitterPct / 100) * rng.next())
            : Infinity;
      }
      if (ttl > 0 && Number.isFinite(expires[c]!)) rt.queue.push(expires[c]!, CE_DNS, d, j, c);
    }
    dr.address.push(address);
    dr.expires.push(expires);
  });
}

/** The entry of route r whose target is known as `id`, or −1. */
function findEntry(rt: Runtime, r: number, id: string): number {
  const net = rt.net;
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
    if (stationId(rt, net.eTarget[e]!) === id) return e;
  return -1;
}

/** A control host bound to one runtime (for initialization, before the kernel's host exists). */
function detachedHost(rt: Runtime, seed: number): ControlHost {
  return { rt, seed, scenario: [], emit: (e) => rt.events.push(e) };
}

/** Recompiles for a new topology and carries over the state of everything whose id stays. */
function carryOver(old: Runtime, topo: Topology, seed: number, host: ControlHost): Runtime {
  if (old.time === 0) {
    // Nothing has run yet: the new topology starts in its configured steady state.
    const fresh = initRuntime(topo, seed);
    fresh.events = old.events;
    fresh.dynDiagnostics = old.dynDiagnostics;
    return fresh;
  }
  const on = old.net;
  // Answers cohorts still cache for records that were unlinked stay usable until they expire.
  const ghostRecords = new Map<string, string[]>();
  on.dnses.forEach((d, di) => {
    const set = new Set<string>();
    for (const addr of old.dnsRt[di]?.address ?? [])
      for (const e of addr) if (e >= 0) set.add(on.nodeIds[on.stNode[on.eTarget[e]!]!]!);
    ghostRecords.set(d.id, [...set]);
  });
  const net: Compiled = compile(topo, { ghostRecords });
  const rt = new Runtime(net);
  rt.time = old.time;
  rt.costTotal = old.costTotal;
  rt.events = old.events;
  rt.nodeDown = old.nodeDown;
  rt.nodeSlow = old.nodeSlow;
  rt.azLost.set(old.azLost);
  rt.dynDiagnostics = old.dynDiagnostics;
  const now = rt.time;
  // Link cuts: runtime overrides stay unless the topology itself changed that link's cut flag.
  topo.links.forEach((l, i) => {
    const oi = on.linkIndex.get(l.id);
    const oldLink = oi !== undefined ? on.topo.links[oi] : undefined;
    const ov = old.linkOverride.get(l.id);
    if (ov !== undefined && (!oldLink || oldLink.cut === l.cut)) {
      rt.linkOverride.set(l.id, ov);
      rt.linkCut[i] = ov ? 1 : 0;
    } else rt.linkCut[i] = l.cut ? 1 : 0;
  });
  // Events go to the kernel's buffer (the new runtime shares the old one's event list).
  const h: ControlHost = { rt, seed, scenario: host.scenario, emit: (e) => host.emit(e) };
  // baseInit pushes per-index runtimes; carried ones replace them below.
  baseInit(rt, seed);

  // Plain stations by node id.
  const oldStation = new Map<string, number>();
  for (let s = 0; s < on.nSt; s++)
    if (on.stSlot[s]! < 0) oldStation.set(on.nodeIds[on.stNode[s]!]!, s);
  for (let s = 0; s < net.nSt; s++) {
    const id = net.nodeIds[net.stNode[s]!]!;
    if (net.stSlot[s]! >= 0) continue;
    const o = oldStation.get(id);
    if (
      o !== undefined &&
      on.topo.nodes[on.stNode[o]!]!.kind === net.topo.nodes[net.stNode[s]!]!.kind
    )
      copyStation(old, o, rt, s);
    if (old.nodeDown.get(id)) rt.up[s] = 0;
    rt.slow[s] = old.nodeSlow.get(id) ?? 1;
  }
  // Auto scaling groups by id: their runtime and their instances by number.
  net.asgs.forEach((a, ai) => {
    const oi = on.asgs.findIndex((x) => x.id === a.id);
    const n = topo.nodes[a.node]!;
    if (n.kind !== 'asg') return;
    if (oi < 0) {
      const ar = rt.asgRt[ai]!;
      ar.desired = Math.max(n.params.minSize, Math.min(n.params.maxSize, n.params.desired));
      reconcile(h, ai, now);
      return;
    }
    Object.assign(rt.asgRt[ai]!, old.asgRt[oi]!);
    const oa = on.asgs[oi]!;
    let k = a.slotStart;
    for (
      let s = oa.slotStart;
      s < oa.slotStart + oa.slotCount && k < a.slotStart + a.slotCount;
      s++
    ) {
      if (old.iState[s] === IS_EMPTY) continue;
      copyStation(old, s, rt, k);
      net.stAz[k] = on.stAz[s]!;
      rt.iState[k] = old.iState[s]!;
      rt.iSince[k] = old.iSince[s]!;
      rt.iDue[k] = old.iDue[s]!;
      rt.iNum[k] = old.iNum[s]!;
      rt.iDownSince[k] = old.iDownSince[s]!;
      rt.present[k] = old.present[s]!;
      rt.warm[k] = old.warm[s]!;
      rt.up[k] = old.up[s]!;
      rt.slow[k] = old.slow[s]!;
      if (Number.isFinite(rt.iDue[k]!)) rt.queue.push(rt.iDue[k]!, CE_INST, k, rt.iNum[k]!);
      k++;
    }
    reconcile(h, ai, now);
  });
  // Users by id.
  net.users.forEach((u, ui) => {
    const oi = on.users.findIndex((x) => x.id === u.id);
    const n = topo.nodes[u.node]!;
    if (oi >= 0 && n.kind === 'users')
      rt.usersRt[ui] = createUsersRuntime(n.params, old.usersRt[oi]);
  });
  // Load balancer targets by (LB, target id).
  const oldTargets = new Map<string, number>();
  for (const lb of on.lbs)
    for (let e = on.rStart[lb.route]!; e < on.rEnd[lb.route]!; e++)
      if (old.tState[e] !== TS_UNUSED)
        oldTargets.set(`${lb.id}\u0000${stationId(old, on.eTarget[e]!)}`, e);
  const kept = new Set<string>();
  for (const lb of net.lbs)
    for (let e = net.rStart[lb.route]!; e < net.rEnd[lb.route]!; e++) {
      if (!registered(rt, e)) continue;
      const key = `${lb.id}\u0000${stationId(rt, net.eTarget[e]!)}`;
      const oe = oldTargets.get(key);
      if (oe !== undefined) {
        kept.add(key);
        rt.tState[e] = old.tState[oe]!;
        rt.tReason[e] = old.tReason[oe]!;
        rt.tPass[e] = old.tPass[oe]!;
        rt.tFail[e] = old.tFail[oe]!;
        rt.tSince[e] = old.tSince[oe]!;
        rt.tDrainUntil[e] = old.tDrainUntil[oe]!;
        rt.tNext[e] = old.tNext[oe]!;
        if (Number.isFinite(rt.tNext[e]!) && rt.tState[e] !== TS_DRAINING)
          rt.queue.push(Math.max(now, rt.tNext[e]!), CE_HC, e);
        if (rt.tNext[e]! < now) rt.tNext[e] = now;
      } else {
        // A new target serves only after passing healthyThreshold checks.
        rt.tState[e] = TS_INITIAL;
        rt.tReason[e] = TR_REGISTERING;
        rt.tSince[e] = now;
        scheduleFirstCheck(h, e, now);
      }
    }
  rt.draining = old.draining.filter((d) => d.until > now);
  for (const [key, oe] of oldTargets) {
    if (kept.has(key) || old.tState[oe] === TS_DRAINING) continue;
    const [lb, target] = key.split('\u0000') as [string, string];
    const lbNode = on.topo.nodes[on.stNode[on.rOwner[on.eRoute[oe]!]!]!]!;
    const delay = lbNode.kind === 'lb' ? lbNode.params.deregistrationDelaySec : 0;
    if (on.stSlot[on.eTarget[oe]!]! < 0) rt.draining.push({ lb, target, until: now + delay });
  }
  // DNS cohorts by (DNS, users) with their answers by target id.
  net.dnses.forEach((d, di) => {
    const oi = on.dnses.findIndex((x) => x.id === d.id);
    if (oi >= 0) {
      rt.dnsRng[di] = old.dnsRng[oi]!;
      rt.dnsRt[di]!.rotation = old.dnsRt[oi]!.rotation;
    }
    let carried: Map<string, { address: string[]; expires: number[] }> | null = null;
    if (oi >= 0) {
      carried = new Map();
      const od = on.dnses[oi]!;
      od.inUsers.forEach((us, j) => {
        const addr = old.dnsRt[oi]!.address[j]!;
        carried!.set(on.nodeIds[on.stNode[us]!]!, {
          address: Array.from(addr, (e) => (e >= 0 ? stationId(old, on.eTarget[e]!) : '')),
          expires: Array.from(old.dnsRt[oi]!.expires[j]!),
        });
      });
      const before = recordIds(old, oi);
      const after = recordIds(rt, di);
      if (before !== after)
        h.emit({ time: now, type: 'dnsRecordChanged', node: d.id, detail: after });
    }
    initDns(rt, di, now, carried ?? new Map());
  });
  return rt;
}

function recordIds(rt: Runtime, d: number): string {
  const net = rt.net;
  const r = net.dnses[d]!.route;
  const ids: string[] = [];
  for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++)
    if (net.eLink[e]! >= 0) ids.push(net.nodeIds[net.stNode[net.eTarget[e]!]!]!);
  return [...new Set(ids)].sort().join(' ');
}

/** Copies the queue state of one station to another runtime. */
function copyStation(from: Runtime, s: number, to: Runtime, t: number): void {
  to.X[t] = from.X[s]!;
  to.XA[t] = from.XA[s]!;
  to.aGuess[t] = from.aGuess[s]!;
  to.aGuessA[t] = from.aGuessA[s]!;
  to.lost[t] = from.lost[s]!;
  to.busyA[t] = from.busyA[s]!;
  to.sBar[t] = from.sBar[s]!;
  to.served[t] = from.served[s]!;
  to.util[t] = from.util[s]!;
  for (let k = 0; k < PORTS; k++) to.mix[t * PORTS + k] = from.mix[s * PORTS + k]!;
}
