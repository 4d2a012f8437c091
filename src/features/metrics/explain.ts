/**
 * "Explain this number": the queueing formulas behind a node's utilization and latency, with the
 * inputs read from the live frame and the topology, next to what the kernel reports. The two
 * agree at steady state; when they differ the reasons say why (overload, a transient, warm-up,
 * work variability, routing the closed form does not model).
 * Contract: pure functions; no React, no DOM, no store.
 */
import { INSTANCE_TYPES, type Topology, type TopologyNode } from '../../core/model';
import { gammaQuantileWH } from '../../core/sim/gamma';
import { UNBOUNDED, mmc, mmcSojournQuantile, mmcSojournVariance } from '../../core/sim/queueing';

/** The frame fields an explanation reads (NaN when missing). */
export interface NodeReadings {
  utilization: number;
  arrivalRate: number;
  readRate: number;
  writeRate: number;
  throughput: number;
  backlog: number;
  latencyMean: number;
  latencyP95: number;
  cores: number;
  instances: number;
  up: number;
}

export const READING_FIELDS = [
  'utilization',
  'arrivalRate',
  'readRate',
  'writeRate',
  'throughput',
  'backlog',
  'latencyMean',
  'latencyP95',
  'cores',
  'instances',
  'up',
] as const satisfies readonly (keyof NodeReadings)[];

/** One contribution to the mean work per request, in ms of one m5 core. */
export interface DemandPart {
  part: 'web' | 'app' | 'dbRead' | 'dbWrite' | 'read' | 'write' | 'apply' | 'lookup';
  ms: number;
  /** Share of requests that need it (1 for every request). */
  share: number;
}

/** Why the closed forms and the kernel may disagree. */
export type Reason = 'down' | 'overload' | 'warming' | 'variability' | 'transient' | 'model';

/** Relative difference under which a formula and the kernel count as agreeing. */
export const AGREE_TOLERANCE = 0.02;
/** A queue whose backlog moved by more than this (relative) over the last window is still settling. */
export const TRANSIENT_TOLERANCE = 0.1;

export interface QueueExplanation {
  kind: 'queue';
  /** λ, req/s arriving at the node. */
  lambda: number;
  parts: DemandPart[];
  /** Per-core speed relative to m5. */
  speed: number;
  /** S, ms of work per request on this machine's cores (Σ parts / speed). */
  serviceMs: number;
  /** c, cores in service across all instances (kernel's effective cores / speed). */
  cores: number;
  /** vCPUs of one instance when up and warm. */
  vcpu: number;
  /** Instances sharing λ (1 except auto scaling groups). */
  instances: number;
  /** The queue one instance sees: λ/n and c/n (M/M/c needs a whole number of cores). */
  perInstance: { lambda: number; cores: number };
  /** ρ = λS/c. */
  rho: number;
  /** a = λS per instance, in Erlangs. */
  erlangs: number;
  /** Erlang C(c, a): probability an arrival waits. */
  pWait: number;
  stable: boolean;
  /** Wq = C/(cμ − λ), ms (Infinity when unstable). */
  wqMs: number;
  /** W = Wq + S, ms. */
  wMs: number;
  /** L = λW, requests in the node. */
  littleL: number;
  /** p95 of the sojourn from a gamma fit of its mean and variance (as the kernel estimates it). */
  p95Ms: number;
  /** The exact M/M/c sojourn p95, for reference. */
  p95ExactMs: number;
  /** Work variability (coefficient of variation) from the node's parameters. */
  demandCv: number;
  /** No requests arrive: the simulation has no latency to report, so nothing is compared. */
  idle: boolean;
  kernel: { utilization: number; latencyMean: number; latencyP95: number; backlog: number };
  agrees: { rho: boolean; w: boolean; l: boolean; p95: boolean };
  reasons: Reason[];
}

export interface PassExplanation {
  kind: 'pass';
  /** λ, req/s through the node. */
  lambda: number;
  /** W as the kernel reports it, ms. */
  wMs: number;
  /** L = λW. */
  littleL: number;
  kernel: { backlog: number; latencyMean: number; latencyP95: number };
}

export type Explanation = QueueExplanation | PassExplanation;

const toMs = (seconds: number) => (seconds >= UNBOUNDED ? Infinity : seconds * 1000);

/** Relative agreement of two numbers (both non-finite counts as agreeing). */
export function agree(a: number, b: number, tol = AGREE_TOLERANCE): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return !Number.isFinite(a) && !Number.isFinite(b);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-9 || Math.abs(a - b) <= tol * scale;
}

/**
 * Share of requests that read, from the frame when the node saw any, else the users' read ratio
 * weighted by their rate (0.9, the kind default, when there are no users).
 */
export function readShare(
  r: Pick<NodeReadings, 'readRate' | 'writeRate'>,
  topo: Pick<Topology, 'nodes'>,
): number {
  const rw = r.readRate + r.writeRate;
  if (rw > 0) return r.readRate / rw;
  let rate = 0;
  let reads = 0;
  for (const n of topo.nodes) {
    if (n.kind !== 'users') continue;
    rate += n.params.rate;
    reads += n.params.rate * n.params.readRatio;
  }
  return rate > 0 ? reads / rate : 0.9;
}

/**
 * What one request costs the node in CPU time, part by part (ms of one m5 core). Empty for
 * kinds without cores (users, DNS, load balancers).
 * @example demandParts(allInOneServer, 0.9) // web 1, app 10, dbRead 4 × 0.9, dbWrite 8 × 0.1
 */
export function demandParts(node: TopologyNode, reads: number): DemandPart[] {
  const writes = 1 - reads;
  switch (node.kind) {
    case 'server':
    case 'asg': {
      const p = node.params;
      const parts: DemandPart[] = [];
      if (p.roles.includes('web')) parts.push({ part: 'web', ms: p.webDemandMs, share: 1 });
      if (p.roles.includes('app')) parts.push({ part: 'app', ms: p.appDemandMs, share: 1 });
      if (p.roles.includes('db')) {
        parts.push({ part: 'dbRead', ms: p.dbReadDemandMs, share: reads });
        parts.push({ part: 'dbWrite', ms: p.dbWriteDemandMs, share: writes });
      }
      return parts;
    }
    case 'dbPrimary':
      return [
        { part: 'read', ms: node.params.readDemandMs, share: reads },
        { part: 'write', ms: node.params.writeDemandMs, share: writes },
      ];
    case 'dbReplica':
      // The primary's writes arrive here too, to be replayed on the same cores.
      return [
        { part: 'read', ms: node.params.readDemandMs, share: reads },
        { part: 'apply', ms: node.params.applyDemandMs, share: writes },
      ];
    case 'cache':
      return [{ part: 'lookup', ms: node.params.hitDemandMs, share: 1 }];
    case 'users':
    case 'dns':
    case 'lb':
      return [];
  }
}

/**
 * Whether a series is still moving: its last value differs from the value `windowSec` earlier by
 * more than `tol` (relative). A queue that is filling or draining is not at the steady state the
 * closed forms describe.
 * @example isSettling([0, 5, 10], [0, 4, 8], 10) === true
 */
export function isSettling(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  windowSec = 10,
  tol = TRANSIENT_TOLERANCE,
): boolean {
  const n = Math.min(t.length, v.length);
  if (n < 2) return false;
  const last = v[n - 1]!;
  const tEnd = t[n - 1]!;
  let i = n - 1;
  while (i > 0 && tEnd - t[i]! < windowSec) i--;
  const before = v[i]!;
  if (!Number.isFinite(last) || !Number.isFinite(before)) return false;
  return !agree(last, before, tol) && Math.abs(last - before) > 0.05;
}

/**
 * The formulas for one node with their live inputs.
 * @example
 * const e = explainNode(server, readings, topology);
 * if (e.kind === 'queue') e.rho // λS/c, next to e.kernel.utilization
 */
export function explainNode(
  node: TopologyNode,
  r: NodeReadings,
  topo: Pick<Topology, 'nodes'>,
  opts: { settling?: boolean } = {},
): Explanation {
  const lambda = Number.isFinite(r.arrivalRate) ? r.arrivalRate : 0;
  const parts = demandParts(node, readShare(r, topo));
  if (parts.length === 0 || !('instanceType' in node.params)) {
    const w = Number.isFinite(r.latencyMean) ? r.latencyMean : 0;
    return {
      kind: 'pass',
      lambda,
      wMs: w,
      littleL: (lambda * w) / 1000,
      kernel: { backlog: r.backlog, latencyMean: r.latencyMean, latencyP95: r.latencyP95 },
    };
  }
  const type = INSTANCE_TYPES[node.params.instanceType];
  const speed = type.speed;
  const serviceMs = parts.reduce((s, p) => s + p.ms * p.share, 0) / speed;
  const S = serviceMs / 1000;
  const cores = Number.isFinite(r.cores) ? r.cores / speed : 0;
  const instances = Math.max(1, Number.isFinite(r.instances) ? Math.round(r.instances) : 1);
  const per = { lambda: lambda / instances, cores: cores / instances };
  const q = mmc(per.lambda, S, per.cores);
  const rho = cores > 0 ? (lambda * S) / cores : lambda > 0 ? Infinity : 0;
  const stable = q.stable && rho < 1;
  const wMs = stable ? toMs(q.W) : Infinity;
  const variance = stable ? mmcSojournVariance(per.lambda, S, per.cores) : UNBOUNDED;
  const p95Ms = stable ? toMs(gammaQuantileWH(q.W, variance, 0.95)) : Infinity;
  const p95ExactMs = stable ? toMs(mmcSojournQuantile(per.lambda, S, per.cores, 0.95)) : Infinity;
  const littleL = stable ? (lambda * wMs) / 1000 : Infinity;
  const kernel = {
    utilization: r.utilization,
    latencyMean: r.latencyMean,
    latencyP95: r.latencyP95,
    backlog: r.backlog,
  };
  const agrees = {
    rho: agree(rho, r.utilization),
    w: agree(wMs, r.latencyMean),
    l: agree(littleL, r.backlog),
    p95: agree(p95Ms, r.latencyP95),
  };
  const demandCv = 'demandCv' in node.params ? node.params.demandCv : 1;
  const idle = !(lambda > 0);
  if (idle) {
    agrees.w = true;
    agrees.p95 = true;
  }
  const allAgree = agrees.rho && agrees.w && agrees.l && agrees.p95;
  const reasons: Reason[] = [];
  if (r.up === 0 || cores === 0) reasons.push('down');
  else {
    if (!stable) reasons.push('overload');
    if (cores < type.vcpu * instances - 1e-9) reasons.push('warming');
    if (opts.settling && !allAgree) reasons.push('transient');
    if (stable && demandCv !== 1 && !agrees.w) reasons.push('variability');
    if (reasons.length === 0 && !allAgree) reasons.push('model');
  }
  return {
    kind: 'queue',
    lambda,
    parts,
    speed,
    serviceMs,
    cores,
    vcpu: type.vcpu,
    instances,
    perInstance: per,
    rho,
    erlangs: per.lambda * S,
    pWait: q.pWait,
    stable,
    wqMs: stable ? toMs(q.Wq) : Infinity,
    wMs,
    littleL,
    p95Ms,
    p95ExactMs,
    demandCv,
    idle,
    kernel,
    agrees,
    reasons,
  };
}
