/**
 * Builds a SimFrame from the runtime: per-node and per-class metrics aggregated over a node's
 * stations (an auto scaling group sums its instances), end-to-end figures, and the control
 * plane's lists. Every number is sanitized: nothing that is not finite leaves the kernel.
 * Contract: pure; allocates (called at frame rate, not per step).
 */
import { CLASS_READ, K_MACHINE, M_REPLICA, PORTS } from './compile';
import { stationId } from './control';
import { entryFixed, isUp } from './flow';
import { shiftedGammaQuantile, SojournMix } from './fluid';
import { gammaQuantileWH } from './gamma';
import {
  INSTANCE_STATES,
  IS_EMPTY,
  IS_IN_SERVICE,
  IS_PENDING,
  IS_WARMING,
  TARGET_REASONS,
  TARGET_STATES,
  TS_HEALTHY,
  TS_INITIAL,
  TS_UNHEALTHY,
  TS_UNUSED,
  type Runtime,
} from './runtime';
import { registered } from './control';
import {
  CLASS_FIELD_COUNT,
  CF,
  F,
  G,
  GLOBAL_FIELD_COUNT,
  HEALTH,
  NODE_FIELD_COUNT,
  type AsgInstanceStatus,
  type CohortStatus,
  type Diagnostic,
  type SimEvent,
  type SimFrame,
  type TargetStatus,
} from './types';
import { t } from '../model/text';
import { diag } from './diagnostics';

const fin = (v: number): number => (Number.isFinite(v) ? v : 0);
const P = [0.5, 0.95, 0.99] as const;

/** Whether a station is billed now (a machine; an instance from boot until terminated). */
export function billed(rt: Runtime, s: number): boolean {
  const net = rt.net;
  if (net.stKind[s] !== K_MACHINE) return false;
  if (net.stSlot[s]! < 0) return true;
  const st = rt.iState[s]!;
  return st !== IS_EMPTY && st !== IS_PENDING;
}

/** Per-node working arrays of a frame, kept between frames of the same compiled network. */
interface FrameScratch {
  utilSum: Float64Array;
  utilN: Float64Array;
  latDep: Float64Array;
  latM1: Float64Array;
  latM2: Float64Array;
  latShaped: Uint8Array;
  busyCls: Float64Array;
  upAny: Uint8Array;
  /** Users index of each node (−1 for others). */
  usersOf: Int32Array;
  marks: Uint8Array;
}

const scratchOf = new WeakMap<Runtime, FrameScratch>();

function frameScratch(rt: Runtime): FrameScratch {
  let sc = scratchOf.get(rt);
  if (!sc) {
    const n = rt.net.nodeIds.length;
    const usersOf = new Int32Array(n).fill(-1);
    // The first users entry of a node wins, as `findIndex` did.
    for (let u = rt.net.users.length - 1; u >= 0; u--) usersOf[rt.net.users[u]!.node] = u;
    sc = {
      utilSum: new Float64Array(n),
      utilN: new Float64Array(n),
      latDep: new Float64Array(n * 3),
      latM1: new Float64Array(n * 3),
      latM2: new Float64Array(n * 3),
      latShaped: new Uint8Array(n * 3),
      busyCls: new Float64Array(n * 2),
      upAny: new Uint8Array(n),
      usersOf,
      marks: new Uint8Array(n),
    };
    scratchOf.set(rt, sc);
  } else {
    sc.utilSum.fill(0);
    sc.utilN.fill(0);
    sc.latDep.fill(0);
    sc.latM1.fill(0);
    sc.latM2.fill(0);
    sc.busyCls.fill(0);
    sc.upAny.fill(0);
  }
  sc.latShaped.fill(1);
  return sc;
}

/**
 * The frame of the current state. Its typed arrays are new on every call (a worker transfers
 * them away); the working arrays behind them are reused.
 * @example const f = buildFrame(rt, events); f.nodes[i * NODE_FIELD_COUNT + F.utilization]
 */
export function buildFrame(rt: Runtime, events: SimEvent[]): SimFrame {
  const net = rt.net;
  const nNodes = net.nodeIds.length;
  const nodes = new Float64Array(nNodes * NODE_FIELD_COUNT);
  const classes = new Float64Array(nNodes * 2 * CLASS_FIELD_COUNT);
  const global = new Float64Array(GLOBAL_FIELD_COUNT);
  const scratch = frameScratch(rt);

  // Timeouts are attributed to where the timed-out requests wait: in proportion to backlog.
  let backlogTotal = 0;
  for (let s = 0; s < net.nSt; s++) if (net.stKind[s] === K_MACHINE) backlogTotal += rt.X[s]!;
  const timeoutPerBacklog = backlogTotal > 0 ? rt.timeouts / backlogTotal : 0;

  const { utilSum, utilN, busyCls, upAny } = scratch;
  // Sojourn per node and group (read, write, all): departure-weighted moments, and whether every
  // component has exponential work (then the M/M/c-shaped mixture gives the percentiles, else
  // the gamma fit of the moments). The mixture is only rebuilt when the moments changed.
  const { latDep, latM1, latM2, latShaped } = scratch;

  for (let s = 0; s < net.nSt; s++) {
    const i = net.stNode[s]!;
    const o = i * NODE_FIELD_COUNT;
    const kind = net.stKind[s]!;
    const slot = net.stSlot[s]! >= 0;
    // Flows of an empty slot still count (requests in flight when its instance went away).
    for (let c = 0; c < 2; c++) {
      const co = (i * 2 + c) * CLASS_FIELD_COUNT;
      classes[co + CF.arrivalRate]! += rt.arrC[s * 2 + c]!;
      classes[co + CF.throughput]! += rt.thrC[s * 2 + c]!;
      classes[co + CF.dropRate]! += rt.dropC[s * 2 + c]!;
      classes[co + CF.errorRate]! += rt.errC[s * 2 + c]!;
    }
    if (slot && rt.iState[s] === IS_EMPTY) continue;
    const up = kind === K_MACHINE ? isUp(rt, s) : rt.up[s] === 1;
    if (up) upAny[i] = 1;
    if (kind !== K_MACHINE) continue;
    if (billed(rt, s)) nodes[o + F.costPerHour]! += net.stPrice[s]!;
    nodes[o + F.cores]! += up ? (net.stCores[s]! * net.stSpeed[s]! * rt.warm[s]!) / rt.slow[s]! : 0;
    // A group's utilization is that of the instances serving traffic (not those still booting).
    if (up && (!slot || rt.iState[s]! >= IS_WARMING)) {
      utilSum[i]! += rt.util[s]!;
      utilN[i]!++;
    }
    // Split the queue's backlog and busy cores by class (Little: in proportion to λ·W per port).
    const base = s * PORTS;
    let lw = 0;
    let lw0 = 0;
    let lw1 = 0;
    let bc0 = 0;
    let bc1 = 0;
    for (let k = 0; k < PORTS; k++) {
      const d = rt.dep[base + k]!;
      lw += d * rt.w1[base + k]!;
      if ((k & 1) === 0) {
        lw0 += d * rt.w1[base + k]!;
        bc0 += d * net.pDemand[base + k]!;
      } else {
        lw1 += d * rt.w1[base + k]!;
        bc1 += d * net.pDemand[base + k]!;
      }
    }
    const bsum = bc0 + bc1;
    for (let c = 0; c < 2; c++) {
      const co = (i * 2 + c) * CLASS_FIELD_COUNT;
      const lwc = c === 0 ? lw0 : lw1;
      const xc = lw > 0 ? (rt.X[s]! * lwc) / lw : c === CLASS_READ ? rt.X[s]! : 0;
      classes[co + CF.backlog]! += xc + (c === 1 ? rt.XA[s]! : 0);
      classes[co + CF.timeoutRate]! += xc * timeoutPerBacklog;
      const cores = net.stCores[s]!;
      const share = bsum > 0 ? (c === 0 ? bc0 : bc1) / bsum : 0;
      const u = cores > 0 ? (rt.busy[s]! * share) / cores : 0;
      busyCls[i * 2 + c]! +=
        c === 1 && net.stMach[s] === M_REPLICA ? u + rt.busyA[s]! / Math.max(1, cores) : u;
    }
    nodes[o + F.backlog]! += rt.X[s]! + rt.XA[s]!;
    // Sojourn per class and overall (weighted by departures).
    const expWork = Math.abs(net.stCs2[s]! - 1) < 1e-9;
    for (let k = 0; k < PORTS; k++) {
      const d = rt.dep[base + k]!;
      if (!(d > 0)) continue;
      for (let g = k & 1; g <= 2; g += 2 - (k & 1)) {
        const at = i * 3 + g;
        latDep[at]! += d;
        latM1[at]! += d * rt.w1[base + k]!;
        latM2[at]! += d * rt.w2[base + k]!;
        if (!expWork) latShaped[at] = 0;
      }
    }
    if (net.stMach[s] === M_REPLICA && rt.servedA[s]! > 0) {
      // The apply thread is an M/M/1: its sojourn is exponential with mean XA / served.
      const w = rt.XA[s]! / rt.servedA[s]!;
      for (let g = 1; g <= 2; g++) {
        const at = i * 3 + g;
        latDep[at]! += rt.servedA[s]!;
        latM1[at]! += rt.servedA[s]! * w;
        latM2[at]! += rt.servedA[s]! * 2 * w * w;
      }
    }
  }

  const marks = lbMarks(rt, scratch.marks);
  for (let i = 0; i < nNodes; i++) {
    const o = i * NODE_FIELD_COUNT;
    const node = net.topo.nodes[i]!;
    for (let c = 0; c < 2; c++) {
      const co = (i * 2 + c) * CLASS_FIELD_COUNT;
      nodes[o + F.arrivalRate]! += classes[co + CF.arrivalRate]!;
      nodes[o + F.throughput]! += classes[co + CF.throughput]!;
      nodes[o + F.dropRate]! += classes[co + CF.dropRate]!;
      nodes[o + F.errorRate]! += classes[co + CF.errorRate]!;
      nodes[o + F.timeoutRate]! += classes[co + CF.timeoutRate]!;
      const n = utilN[i]!;
      classes[co + CF.utilization] = n > 0 ? Math.min(1, busyCls[i * 2 + c]! / n) : 0;
      writeLatency(
        rt,
        i,
        c,
        classes,
        co + CF.latencyMean,
        CF.latencyP50 - CF.latencyMean,
        latDep,
        latM1,
        latM2,
        latShaped,
      );
    }
    nodes[o + F.readRate] = classes[i * 2 * CLASS_FIELD_COUNT + CF.arrivalRate]!;
    nodes[o + F.writeRate] = classes[(i * 2 + 1) * CLASS_FIELD_COUNT + CF.arrivalRate]!;
    nodes[o + F.utilization] = utilN[i]! > 0 ? Math.min(1, utilSum[i]! / utilN[i]!) : 0;
    writeLatency(
      rt,
      i,
      2,
      nodes,
      o + F.latencyMean,
      F.latencyP50 - F.latencyMean,
      latDep,
      latM1,
      latM2,
      latShaped,
    );
    nodes[o + F.up] = upAny[i]!;
    if (scratch.usersOf[i]! >= 0) usersFields(rt, scratch.usersOf[i]!, nodes, o);
    nodes[o + F.instances] = node.kind === 'asg' ? asgInService(rt, i) : upAny[i]!;
    nodes[o + F.health] = healthOf(rt, i, upAny[i] === 1, nodes[o + F.utilization]!, marks);
    if (node.kind === 'dbReplica') nodes[o + F.replicationLagMs] = lagMs(rt, i);
  }

  // End to end.
  global[G.offered] = rt.offered;
  global[G.attempts] = rt.attempts;
  global[G.throughput] = rt.exits + rt.failures;
  global[G.goodput] = rt.goodput;
  global[G.errorRate] = rt.failures + rt.timeouts;
  global[G.errorRatio] =
    rt.attempts > 0 ? Math.min(1, (rt.failures + rt.timeouts) / rt.attempts) : 0;
  const m = rt.e2eMean;
  const v = Math.max(0, rt.e2eSecond - m * m);
  const cap = rt.timeoutCap > 0 ? rt.timeoutCap : Infinity;
  global[G.latencyMean] = Math.min(m, cap) * 1000;
  const d = rt.e2eFixed;
  global[G.latencyP50] = Math.min(shiftedGammaQuantile(m, v, d, P[0]), cap) * 1000;
  global[G.latencyP95] = Math.min(shiftedGammaQuantile(m, v, d, P[1]), cap) * 1000;
  global[G.latencyP99] = Math.min(shiftedGammaQuantile(m, v, d, P[2]), cap) * 1000;
  global[G.costPerHour] = rt.costPerHour;
  global[G.costTotal] = rt.costTotal;

  for (let k = 0; k < nodes.length; k++) nodes[k] = fin(nodes[k]!);
  for (let k = 0; k < classes.length; k++) classes[k] = fin(classes[k]!);
  for (let k = 0; k < global.length; k++) global[k] = fin(global[k]!);
  const linkRates = new Float64Array(net.linkIds.length);
  for (let e = 0; e < net.nEnt; e++) {
    const li = net.eLink[e]!;
    if (li >= 0) linkRates[li]! += fin(rt.eFlow[e]!);
  }
  return {
    time: rt.time,
    nodeIds: net.nodeIds.slice(),
    nodes,
    classes,
    linkIds: net.linkIds.slice(),
    linkRates,
    global,
    events,
    diagnostics: diagnostics(rt),
    targets: targets(rt),
    cohorts: cohorts(rt),
    instances: instances(rt),
  };
}

const mixScratch = new SojournMix();

/** Rebuilds the M/M/c-shaped mixture of node i's group g (0 read, 1 write, 2 all). */
function buildMix(rt: Runtime, i: number, g: number): SojournMix {
  const net = rt.net;
  const mix = mixScratch;
  mix.clear();
  for (let s = net.nodeFirst[i]!; s < net.nodeFirst[i + 1]!; s++) {
    if (net.stKind[s] !== K_MACHINE) continue;
    const base = s * PORTS;
    const wq = rt.wqMean[s]!;
    const pw = rt.pWait[s]!;
    const mc = pw > 0 ? wq / pw : 0;
    for (let k = 0; k < PORTS; k++) {
      const d = rt.dep[base + k]!;
      if (d > 0 && (g === 2 || (k & 1) === g)) mix.add(d, rt.w1[base + k]! - wq, pw, mc);
    }
    if (g !== 0 && net.stMach[s] === M_REPLICA && rt.servedA[s]! > 0)
      mix.add(rt.servedA[s]!, rt.XA[s]! / rt.servedA[s]!, 0, 0);
  }
  return mix;
}

/**
 * Writes mean, p50, p95, p99 (ms) of node i's group g at `at` (quantiles `qOff` further). The
 * quantiles of a group whose moments are exactly those of the last frame are reused from the
 * runtime's cache: at rest, nothing is solved again.
 */
function writeLatency(
  rt: Runtime,
  i: number,
  g: number,
  out: Float64Array,
  at: number,
  qOff: number,
  dep: Float64Array,
  m1: Float64Array,
  m2: Float64Array,
  shaped: Uint8Array,
): void {
  const slot = i * 3 + g;
  if (!(dep[slot]! > 0)) return;
  const mean = m1[slot]! / dep[slot]!;
  const second = m2[slot]! / dep[slot]!;
  out[at] = mean * 1000;
  const key = rt.qKey;
  const val = rt.qVal;
  if (key[slot * 2] === mean && key[slot * 2 + 1] === second && val[slot * 3 + 2]! > 0) {
    for (let j = 0; j < 3; j++) out[at + qOff + j] = val[slot * 3 + j]!;
    return;
  }
  const v = Math.max(0, second - mean * mean);
  const mix = shaped[slot] === 1 ? buildMix(rt, i, g) : null;
  for (let j = 0; j < 3; j++) {
    // The mixture's quantile is sought from last frame's (moments drift slowly between frames).
    const q =
      (mix && mix.size > 0
        ? mix.quantile(P[j]!, val[slot * 3 + j]! / 1000)
        : gammaQuantileWH(mean, v, P[j]!)) * 1000;
    out[at + qOff + j] = q;
    val[slot * 3 + j] = q;
  }
  key[slot * 2] = mean;
  key[slot * 2 + 1] = second;
}

function usersFields(rt: Runtime, u: number, nodes: Float64Array, o: number): void {
  const ur = rt.usersRt[u];
  if (!ur) return;
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  let md = 0;
  let fails = 0;
  let tos = 0;
  for (let c = 0; c < 2; c++) {
    const a = ur.first[c]! + ur.retry[c]!;
    fails += a * (1 - ur.sigma[c]!);
    tos += a * ur.sigma[c]! * ur.timeoutFrac[c]!;
    const ws = a * ur.sigma[c]!;
    w += ws;
    m1 += ws * ur.t1[c]!;
    m2 += ws * ur.t2[c]!;
    md += ws * entryFixed(rt, u, c);
  }
  nodes[o + F.errorRate] = fails;
  nodes[o + F.timeoutRate] = tos;
  nodes[o + F.throughput] = Math.max(0, nodes[o + F.arrivalRate]! - fails - tos);
  if (w > 0) {
    const mean = m1 / w;
    const v = Math.max(0, m2 / w - mean * mean);
    // As for the global figures: no client waits past its timeout (the requests that would are
    // the timeouts, counted from the same model in usersLatency).
    const node = rt.net.topo.nodes[rt.net.users[u]!.node]!;
    const cap =
      node.kind === 'users' && node.params.timeoutMs > 0 ? node.params.timeoutMs / 1000 : Infinity;
    nodes[o + F.latencyMean] = Math.min(mean, cap) * 1000;
    const d = md / w;
    nodes[o + F.latencyP50] = Math.min(shiftedGammaQuantile(mean, v, d, P[0]), cap) * 1000;
    nodes[o + F.latencyP95] = Math.min(shiftedGammaQuantile(mean, v, d, P[1]), cap) * 1000;
    nodes[o + F.latencyP99] = Math.min(shiftedGammaQuantile(mean, v, d, P[2]), cap) * 1000;
  }
}

function asgInService(rt: Runtime, i: number): number {
  const net = rt.net;
  let n = 0;
  for (let s = net.nodeFirst[i]!; s < net.nodeFirst[i + 1]!; s++)
    if (rt.iState[s] === IS_IN_SERVICE && isUp(rt, s)) n++;
  return n;
}

/** Per node: whether some LB marks it unhealthy (bit 1) or still registering (bit 2). */
function lbMarks(rt: Runtime, out: Uint8Array): Uint8Array {
  const net = rt.net;
  out.fill(0);
  for (const lb of net.lbs)
    for (let e = net.rStart[lb.route]!; e < net.rEnd[lb.route]!; e++) {
      const t = net.eTarget[e]!;
      if (net.stSlot[t]! >= 0) continue;
      if (rt.tState[e] === TS_UNHEALTHY) out[net.stNode[t]!]! |= 1;
      if (rt.tState[e] === TS_INITIAL) out[net.stNode[t]!]! |= 2;
    }
  return out;
}

function healthOf(rt: Runtime, i: number, up: boolean, util: number, marks: Uint8Array): number {
  const node = rt.net.topo.nodes[i]!;
  if (!up) return node.kind === 'asg' && anyStarting(rt, i) ? HEALTH.starting : HEALTH.down;
  if (marks[i]! & 1) return HEALTH.unhealthy;
  if (marks[i]! & 2 || (node.kind === 'asg' && anyStarting(rt, i) && asgInService(rt, i) === 0))
    return HEALTH.starting;
  return util >= 0.9 ? HEALTH.hot : HEALTH.ok;
}

function anyStarting(rt: Runtime, i: number): boolean {
  const net = rt.net;
  for (let s = net.nodeFirst[i]!; s < net.nodeFirst[i + 1]!; s++)
    if (rt.iState[s] !== IS_EMPTY && rt.iState[s]! < IS_IN_SERVICE) return true;
  return false;
}

function lagMs(rt: Runtime, i: number): number {
  const s = rt.net.nodeFirst[i]!;
  const served = rt.servedA[s]!;
  if (served > 0) return (rt.XA[s]! / served) * 1000;
  return rt.XA[s]! * rt.net.stApplyS[s]! * 1000;
}

function diagnostics(rt: Runtime): Diagnostic[] {
  const net = rt.net;
  const out = [...net.diagnostics, ...rt.dynDiagnostics];
  // Cut links (in the topology or by an event) fail what their caller sends over them.
  const cutSeen = new Set<number>();
  for (let e = 0; e < net.nEnt; e++) {
    const li = net.eLink[e]!;
    if (li < 0 || rt.linkCut[li] !== 1 || cutSeen.has(li)) continue;
    cutSeen.add(li);
    const link = net.topo.links[li]!;
    out.push(diag.linkCut(link.from, link.to));
  }
  for (const lb of net.lbs) {
    const r = lb.route;
    let healthy = 0;
    let others = 0;
    for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
      if (!registered(rt, e)) continue;
      if (rt.tState[e] === TS_HEALTHY) healthy++;
      else if (rt.tState[e] === TS_INITIAL || rt.tState[e] === TS_UNHEALTHY) others++;
    }
    if (healthy === 0 && others > 0 && rt.arrC[lb.station * 2]! + rt.arrC[lb.station * 2 + 1]! > 0)
      out.push({
        node: lb.id,
        severity: 'warning',
        code: 'failOpen',
        message: t(
          'No target is healthy, so the load balancer fails open: it sends requests to all of them.',
          '건강한 대상이 없어 로드 밸런서가 모든 대상에 요청을 보냅니다(fail open).',
        ),
      });
  }
  return out;
}

function targets(rt: Runtime): TargetStatus[] {
  const net = rt.net;
  const out: TargetStatus[] = [];
  for (const lb of net.lbs) {
    const r = lb.route;
    for (let e = net.rStart[r]!; e < net.rEnd[r]!; e++) {
      const st = rt.tState[e]!;
      if (st === TS_UNUSED || !registered(rt, e)) continue;
      out.push({
        lb: lb.id,
        target: stationId(rt, net.eTarget[e]!),
        state: TARGET_STATES[st]!,
        reason: TARGET_REASONS[rt.tReason[e]!]!,
        share: fin(rt.eShare[e]!),
      });
    }
  }
  for (const d of rt.draining)
    if (d.until > rt.time)
      out.push({
        lb: d.lb,
        target: d.target,
        state: 'draining',
        reason: 'deregistering',
        share: 0,
      });
  return out;
}

function cohorts(rt: Runtime): CohortStatus[] {
  const net = rt.net;
  const out: CohortStatus[] = [];
  net.dnses.forEach((d, di) => {
    const dr = rt.dnsRt[di];
    if (!dr) return;
    d.inUsers.forEach((us, j) => {
      const addr = dr.address[j]!;
      const exp = dr.expires[j]!;
      for (let c = 0; c < addr.length; c++) {
        const e = addr[c]!;
        out.push({
          dns: d.id,
          cohort: c,
          address: e >= 0 ? stationId(rt, net.eTarget[e]!) : '',
          expiresAt: fin(exp[c]!),
          users: net.nodeIds[net.stNode[us]!]!,
        });
      }
    });
  });
  return out;
}

function instances(rt: Runtime): AsgInstanceStatus[] {
  const net = rt.net;
  const out: AsgInstanceStatus[] = [];
  for (const a of net.asgs)
    for (let s = a.slotStart; s < a.slotStart + a.slotCount; s++) {
      const st = rt.iState[s]!;
      if (st === IS_EMPTY) continue;
      out.push({
        asg: a.id,
        id: stationId(rt, s),
        state: INSTANCE_STATES[st]!,
        az: ['a', 'b', 'c'][net.stAz[s]!] ?? 'a',
        utilization: fin(rt.util[s]!),
        since: rt.iSince[s]!,
      });
    }
  return out;
}
