/**
 * The mutable state of a run over one compiled network: every per-station, per-port and
 * per-entry number the step reads and writes, preallocated as typed arrays so the hot path does
 * not allocate. Control-plane state (targets, cohorts, instances) lives here too, indexed by the
 * compiled network; `kernel.ts` carries it over by id when the topology changes.
 * Contract: pure data; no DOM, no clock.
 */
import { EventQueue } from './eventQueue';
import type { Rng } from './rng';
import { blockedEntries, PORTS, type Compiled } from './compile';
import { createStationStep, createWaitMoments } from './fluid';
import type { Diagnostic, SimEvent } from './types';

/** Target states (TargetState in types.ts, as small integers). */
export const TS_HEALTHY = 0;
export const TS_INITIAL = 1;
export const TS_UNHEALTHY = 2;
export const TS_DRAINING = 3;
export const TS_UNUSED = 4;
export const TARGET_STATES = ['healthy', 'initial', 'unhealthy', 'draining', 'unused'] as const;

export const TR_OK = 0;
export const TR_REGISTERING = 1;
export const TR_FAILED = 2;
export const TR_WRONG_PORT = 3;
export const TR_PATH = 4;
export const TR_SG = 5;
export const TR_LINK_CUT = 6;
export const TR_DEREGISTERING = 7;
export const TARGET_REASONS = [
  'ok',
  'registering',
  'failedChecks',
  'wrongPort',
  'pathNotAnswered',
  'securityGroup',
  'linkCut',
  'deregistering',
] as const;

/** Instance lifecycle of an ASG slot (InstanceLifecycle in types.ts, plus "empty"). */
export const IS_EMPTY = 0;
export const IS_PENDING = 1;
export const IS_BOOTING = 2;
export const IS_REGISTERING = 3;
export const IS_WARMING = 4;
export const IS_IN_SERVICE = 5;
export const IS_TERMINATING = 6;
export const INSTANCE_STATES = [
  'pending',
  'pending',
  'booting',
  'registering',
  'warming',
  'inService',
  'terminating',
] as const;

/** Per users node: the retry ring (requests due per bucket, per retry level and class). */
export interface UsersRuntime {
  base: number;
  /** Bucket width in seconds and count. */
  width: number;
  buckets: number;
  levels: number;
  /** levels × buckets × 2 requests due. */
  ring: Float64Array;
  /** Index of the next bucket to drain (absolute bucket number). */
  cursor: number;
  /** Rates of this step per class: first attempts, retries, retries dropped by the budget, and
   * failed attempts given up (no retry left; already counted where they failed). */
  first: Float64Array;
  retry: Float64Array;
  budgetDropped: Float64Array;
  givenUp: Float64Array;
  /** Retry rate per level (levels), this step. */
  levelRate: Float64Array;
  /** Success probability and time-to-exit moments (s) per class from the last sweep. */
  sigma: Float64Array;
  t1: Float64Array;
  t2: Float64Array;
  timeoutFrac: Float64Array;
}

export interface DnsRuntime {
  /** Per users station in `inUsers` order: cohort → entry index (absolute), expiry time. */
  address: Int32Array[];
  expires: Float64Array[];
  /** Round-robin rotation counter. */
  rotation: number;
}

export interface AsgRuntime {
  desired: number;
  nextNumber: number;
  lastAction: number;
  highCount: number;
  lowCount: number;
  metricSum: number;
  metricTime: number;
}

/** A target no longer linked (removed from the LB) that is shown draining until `until`. */
export interface DrainingTarget {
  lb: string;
  target: string;
  until: number;
}

export class Runtime {
  // --- data plane per station
  readonly up: Uint8Array;
  readonly present: Uint8Array;
  readonly slow: Float64Array;
  readonly warm: Float64Array;
  readonly X: Float64Array;
  readonly aGuess: Float64Array;
  readonly XA: Float64Array;
  readonly aGuessA: Float64Array;
  /** In-flight requests lost when the station died, reported as errors in the next step. */
  readonly lost: Float64Array;
  readonly arr: Float64Array;
  readonly arrCa2: Float64Array;
  readonly arrApply: Float64Array;
  readonly lagArr: Float64Array;
  readonly lagCa2: Float64Array;
  readonly lagApply: Float64Array;
  /** Some entry is a back edge of a call cycle (otherwise the lag arrays stay all zero). */
  readonly lagging: boolean;
  readonly mix: Float64Array;
  readonly busy: Float64Array;
  readonly busyA: Float64Array;
  readonly served: Float64Array;
  readonly servedA: Float64Array;
  readonly block: Float64Array;
  readonly util: Float64Array;
  readonly sBar: Float64Array;
  /** Rest detection: the inputs of the last solve and whether it left the state unchanged. */
  readonly rest: Uint8Array;
  readonly lastLam: Float64Array;
  readonly lastS: Float64Array;
  readonly lastF: Float64Array;
  /** Per station: the GI/M/c wait ratio (gimc.ts) and the ca² and load it was computed at. */
  readonly giRatio: Float64Array;
  readonly giPWait: Float64Array;
  readonly giCa2: Float64Array;
  readonly giLoad: Float64Array;
  readonly giCores: Float64Array;
  /** Takács' σ of the node's last GI/M/c solve (its warm start; 0 before any). */
  readonly giSigma: Float64Array;
  readonly lastDt: Float64Array;
  /** Wait moments at the last solved state (s, s²). */
  readonly wqMean: Float64Array;
  readonly wqSecond: Float64Array;
  readonly pWait: Float64Array;
  readonly cd2: Float64Array;
  /** Per station × class: arrivals, completions passed on or answered, drops, errors. */
  readonly arrC: Float64Array;
  readonly thrC: Float64Array;
  readonly dropC: Float64Array;
  readonly errC: Float64Array;
  readonly exitC: Float64Array;
  readonly timeout: Float64Array;
  /** Per port: local sojourn mean and second moment (s, s²), departures. */
  readonly w1: Float64Array;
  readonly w2: Float64Array;
  readonly dep: Float64Array;
  /** Per port: success probability and conditional time-to-exit moments (s, s²). */
  readonly sig: Float64Array;
  readonly t1: Float64Array;
  readonly t2: Float64Array;
  /** Per port: the deterministic part of t1 (link round trips, s), mixed over paths like t1. */
  readonly tD: Float64Array;
  /** Frame cache of sojourn quantiles per node and group (read, write, all): moments → p50/95/99. */
  readonly qKey: Float64Array;
  readonly qVal: Float64Array;
  // --- routes and entries
  readonly eShare: Float64Array;
  readonly eFlow: Float64Array;
  readonly eOk: Uint8Array;
  /** Per entry: misconfiguration reason (TR_*) when the owner is a load balancer. */
  readonly eMisconf: Uint8Array;
  /** Per entry: the callee's security group drops this caller's requests. */
  readonly eBlocked: Uint8Array;
  readonly rIn: Float64Array;
  readonly rLive: Float64Array;
  /** Least outstanding: the load of an entry's target at the last level tried (warm start). */
  readonly eLoad: Float64Array;
  /** Slow-start window (s) of a load balancer's route, 0 when off. */
  readonly rSlowStart: Float64Array;
  // --- load balancer targets, per entry
  readonly tState: Uint8Array;
  readonly tReason: Uint8Array;
  readonly tPass: Int32Array;
  readonly tFail: Int32Array;
  readonly tSince: Float64Array;
  readonly tNext: Float64Array;
  readonly tDrainUntil: Float64Array;
  // --- instances, per station (slots)
  readonly iState: Uint8Array;
  readonly iSince: Float64Array;
  readonly iDue: Float64Array;
  readonly iNum: Int32Array;
  readonly iDownSince: Float64Array;
  /** Zones lost by a loseAz event (index 0..2). */
  readonly azLost = new Uint8Array(3);
  /** Effective cut state per link (topology value, overridden by cutLink/restoreLink). */
  readonly linkCut: Uint8Array;
  // --- other control-plane state
  readonly usersRt: UsersRuntime[];
  readonly dnsRt: DnsRuntime[];
  readonly asgRt: AsgRuntime[];
  readonly shardShare: Float64Array[];
  /**
   * Per users node: the first-attempt rate the shard shares were last mixed with (NaN before
   * the first mix), so they are only mixed again when some users node's rate changed.
   */
  readonly shardKey: Float64Array;
  /** DNS index of a station (−1 for others) and each DNS name's TTL in seconds. */
  readonly dnsOf: Int32Array;
  readonly dnsTtl: Float64Array;
  draining: DrainingTarget[] = [];
  /** Run state keyed by id, so it survives topology changes. */
  nodeDown = new Map<string, boolean>();
  nodeSlow = new Map<string, number>();
  linkOverride = new Map<string, boolean>();
  /** One seeded stream per DNS name (cache jitter, weighted answers). */
  dnsRng: Rng[] = [];
  /** Simulated time of the fluid state (s). */
  time = 0;
  readonly queue = new EventQueue();
  events: SimEvent[] = [];
  dynDiagnostics: Diagnostic[] = [];
  /** Shares must be recomputed (health, cohorts, instances, cut links changed). */
  dirty = true;
  /** Some users node retries: the sweep must run every step. */
  retriesActive = false;
  /** The sweep has not run since the last step (it runs when a frame is built). */
  sweepStale = true;
  /** An infinitesimal step that only refreshes rates: retries and lost requests wait. */
  refreshing = false;
  /** Some load balancer has slow start: its shares change with time. */
  slowStartActive = false;
  readonly stepOut = createStationStep();
  readonly waitOut = createWaitMoments();
  // --- totals of the last step
  offered = 0;
  attempts = 0;
  exits = 0;
  failures = 0;
  timeouts = 0;
  goodput = 0;
  costPerHour = 0;
  costTotal = 0;
  e2eMean = 0;
  /** Client timeout (s) capping reported end-to-end latency (0: none). */
  timeoutCap = 0;
  e2eSecond = 0;
  /** The fixed part of e2eMean: link round trips (s), weighted like the moments. */
  e2eFixed = 0;

  constructor(readonly net: Compiled) {
    const n = net.nSt;
    const p = n * PORTS;
    const f64 = (k: number) => new Float64Array(k);
    this.up = new Uint8Array(n).fill(1);
    this.present = new Uint8Array(n).fill(1);
    this.slow = f64(n).fill(1);
    this.warm = f64(n).fill(1);
    this.X = f64(n);
    this.aGuess = f64(n);
    this.XA = f64(n);
    this.aGuessA = f64(n);
    this.lost = f64(n);
    this.arr = f64(p);
    this.arrCa2 = f64(n);
    this.arrApply = f64(n);
    this.lagArr = f64(p);
    this.lagCa2 = f64(n);
    this.lagApply = f64(n);
    this.mix = f64(p);
    this.busy = f64(n);
    this.busyA = f64(n);
    this.served = f64(n);
    this.servedA = f64(n);
    this.block = f64(n);
    this.util = f64(n);
    this.sBar = f64(n);
    this.rest = new Uint8Array(n);
    this.lastLam = f64(n);
    this.lastS = f64(n);
    this.lastF = f64(n);
    this.giRatio = f64(n);
    this.giPWait = f64(n).fill(1);
    this.giCa2 = f64(n);
    this.giLoad = f64(n);
    this.giCores = f64(n);
    this.giSigma = f64(n);
    this.lastDt = f64(n);
    this.wqMean = f64(n);
    this.wqSecond = f64(n);
    this.pWait = f64(n);
    this.cd2 = f64(n).fill(1);
    this.arrC = f64(n * 2);
    this.thrC = f64(n * 2);
    this.dropC = f64(n * 2);
    this.errC = f64(n * 2);
    this.exitC = f64(n * 2);
    this.timeout = f64(n * 2);
    this.w1 = f64(p);
    this.w2 = f64(p);
    this.dep = f64(p);
    this.sig = f64(p);
    this.t1 = f64(p);
    this.t2 = f64(p);
    this.tD = f64(p);
    this.qKey = f64(net.nodeIds.length * 3 * 2);
    this.qVal = f64(net.nodeIds.length * 3 * 3);
    const ne = net.nEnt;
    this.eShare = f64(ne);
    this.eFlow = f64(ne);
    this.eOk = new Uint8Array(ne).fill(1);
    this.eMisconf = new Uint8Array(ne);
    this.eBlocked = blockedEntries(net);
    this.lagging = net.eLag.includes(1);
    this.rIn = f64(net.nRoutes);
    this.rLive = f64(net.nRoutes);
    this.eLoad = f64(ne);
    this.rSlowStart = f64(net.nRoutes);
    for (const lb of net.lbs) {
      const node = net.topo.nodes[lb.node]!;
      if (node.kind === 'lb') this.rSlowStart[lb.route] = node.params.slowStartSec;
    }
    this.tState = new Uint8Array(ne).fill(TS_UNUSED);
    this.tReason = new Uint8Array(ne);
    this.tPass = new Int32Array(ne);
    this.tFail = new Int32Array(ne);
    this.tSince = f64(ne);
    this.tNext = f64(ne).fill(Infinity);
    this.tDrainUntil = f64(ne);
    this.iState = new Uint8Array(n);
    this.iSince = f64(n);
    this.iDue = f64(n).fill(Infinity);
    this.iNum = new Int32Array(n).fill(-1);
    this.iDownSince = f64(n).fill(-1);
    for (let s = 0; s < n; s++) if (net.stSlot[s]! >= 0) this.present[s] = 0;
    this.linkCut = new Uint8Array(net.linkIds.length);
    this.usersRt = [];
    this.dnsRt = [];
    this.asgRt = [];
    this.shardShare = net.shardGroups.map((g) => f64(g.count));
    this.shardKey = f64(net.users.length).fill(NaN);
    this.dnsOf = new Int32Array(n).fill(-1);
    this.dnsTtl = f64(net.dnses.length);
    net.dnses.forEach((d, i) => {
      this.dnsOf[d.station] = i;
      const node = net.topo.nodes[d.node]!;
      if (node.kind === 'dns') this.dnsTtl[i] = node.params.ttlSec;
    });
  }
}
