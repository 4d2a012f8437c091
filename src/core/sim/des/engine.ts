/**
 * The reference discrete-event engine: every request is simulated one by one, seeded, so the fluid
 * kernel can be checked against it. Slow next to the kernel, exact in distribution.
 *
 * Model (the steady-state subset of the kernel's semantics):
 * - Users send a Poisson stream (thinned for rate patterns); each request is a read with
 *   probability `readRatio`, else a write, and belongs to one user (shard key, DNS cohort).
 * - A machine is ONE FCFS queue with c = vCPU cores and room for `queueLimit` requests (in service
 *   and waiting; beyond it arrivals are dropped: M/M/c/K). The roles a request uses on one visit
 *   (web, app, db) are served as one job of demand = sum of their demands / core speed, with the
 *   node's work variability (exponential at cv 1, constant at cv 0, gamma otherwise).
 * - Calls are synchronous, and a caller does its CPU work before calling the next tier: waiting
 *   for a callee holds no core. A request's end-to-end latency is the sum of its sojourns and the
 *   round trips of the links it crossed.
 * - A write committed on a primary is sent to each of its replicas, where it is applied by a single
 *   thread sharing the replica's cores: the replica's FCFS queue holds reads and apply jobs, and at
 *   most one apply job is in service at a time. Apply jobs are never dropped (the replica's relay
 *   log holds them); replication lag is an apply job's sojourn on the replica.
 * Node figures follow the kernel's frame: a replica's arrivals, writes, throughput and sojourn
 * include its apply jobs; a users node's row is about its own requests (sent, answered in time,
 * failed, timed out, end-to-end latency).
 * - A load balancer sends to the targets that pass its health checks once they have settled
 *   (link up, right port, admitted by the security group, path answered); with none it fails open.
 *   DNS hands each client cohort the next record in rotation, cached for TTL (+ jitter).
 * Not modelled: health-check timing (targets are in their settled state from the start), auto
 * scaling (an ASG runs its desired size), retries, scenario events. The report's `notes` list those
 * a topology uses.
 * Contract: pure; no DOM, no clock, no global state.
 */
import type { KindId } from '../../model/kinds';
import type { Topology } from '../../model/schema';
import {
  CLASS_READ,
  CLASS_WRITE,
  compileNetwork,
  ERR_MISSING_APP,
  ERR_MISSING_DB,
  ERR_NO_PRIMARY,
  ERR_NO_SHARD,
  ERR_NO_TARGETS,
  ERR_NONE,
  ERR_ROUTING_LOOP,
  ERROR_CODES,
  NEXT_CACHE,
  PLACE_STATION,
  PLACE_USERS,
  POLICY_COHORT,
  POLICY_LEAST,
  POLICY_P2C,
  POLICY_RANDOM,
  POLICY_RR,
  STAGE_APP,
  STAGE_DB,
  STAGE_DONE,
  type DesErrorCode,
  type Network,
  type Place,
  type Route,
  type SourceSpec,
} from './compile';
import { EventHeap } from './heap';
import { Rng } from './rng';
import { Samples, summarize, type Summary } from './samples';

export interface DesOptions {
  /** Seed of every random draw: the same topology, options and seed give the same report. */
  seed: number;
  /** Simulated seconds; statistics cover [warmupSeconds, seconds). */
  seconds: number;
  warmupSeconds: number;
  /** Safety cap on processed events (default 5e8); the report says when it was hit. */
  maxEvents?: number;
}

/**
 * Per-node results. Rates are per simulated second over the window; latencies in ms.
 * Users nodes: arrivals are the requests they send, throughput those answered successfully in
 * time, errors those that failed anywhere (drops included), and the sojourn is end to end.
 */
export interface DesNodeReport {
  id: string;
  kind: KindId;
  /** Busy cores / cores, time-averaged (machines; 0 for users, DNS, LB). */
  utilization: number;
  /** Requests arriving (reads + writes; a replica's replicated writes count as writes). */
  arrivalRate: number;
  readRate: number;
  writeRate: number;
  /** Jobs completed (machines), forwarded (DNS, LB), or answered in time (users). */
  throughput: number;
  /** Time-averaged number in the node (in service + waiting, apply jobs included). */
  meanBacklog: number;
  dropRate: number;
  errorRate: number;
  /** Users nodes: requests answered after the client timeout. */
  timeoutRate: number;
  /** Sojourn (wait + service) at this node, all jobs; by class below. */
  sojourn: Summary;
  sojournRead: Summary;
  sojournWrite: Summary;
  /** Mean wait for a core (ms) of requests at this node. */
  meanWaitMs: number;
  /** Replicas: writes applied per second, and the apply jobs' sojourn (replication lag). */
  applyRate: number;
  replicationLag: Summary;
  /** Error counts by cause. */
  errors: Partial<Record<DesErrorCode, number>>;
}

export interface DesEndToEnd {
  /** First attempts per second sent by all users in the window. */
  offered: number;
  /** Requests answered (successfully or with an error) per second. */
  throughput: number;
  /** Requests answered successfully within the client timeout per second. */
  goodput: number;
  /** (errors + drops + timeouts) / offered. */
  errorRatio: number;
  /** Over requests answered successfully in time, exact empirical quantiles. */
  latency: Summary;
  requests: number;
  succeeded: number;
  failed: number;
  dropped: number;
  timedOut: number;
}

export interface DesReport {
  seed: number;
  seconds: number;
  warmupSeconds: number;
  /** Simulated time at the end (past `seconds` while requests of the window finish). */
  endTime: number;
  events: number;
  truncated: boolean;
  nodes: DesNodeReport[];
  endToEnd: DesEndToEnd;
  notes: string[];
}

const EV_GEN = 0;
const EV_ARRIVE = 1;
const EV_DONE = 2;

const JOB_REQUEST = 0;
const JOB_APPLY = 1;

const F_TAGGED = 1; // born in the window: counts end to end
const F_VISIT = 2; // arrived at its current station in the window: counts in the node's sojourn
const F_FANOUT = 4; // this visit commits a write that goes on to the replicas

const MAX_HOPS = 64;
const LB_STACK = 8;
const DEFAULT_MAX_EVENTS = 5e8;

function checkOptions(o: DesOptions): Required<DesOptions> {
  const bad = (name: string, why: string, v: unknown) => {
    throw new RangeError(`runDes: ${name} ${why} (got ${String(v)})`);
  };
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 4294967295)
    bad('seed', 'must be an integer from 0 to 4294967295', o.seed);
  if (!Number.isFinite(o.seconds) || o.seconds <= 0)
    bad('seconds', 'must be a positive number', o.seconds);
  if (!Number.isFinite(o.warmupSeconds) || o.warmupSeconds < 0 || o.warmupSeconds >= o.seconds)
    bad('warmupSeconds', 'must be ≥ 0 and less than seconds', o.warmupSeconds);
  const maxEvents = o.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Number.isInteger(maxEvents) || maxEvents < 1)
    bad('maxEvents', 'must be a positive integer', maxEvents);
  return { seed: o.seed, seconds: o.seconds, warmupSeconds: o.warmupSeconds, maxEvents };
}

/** Offered rate of a users node at time t (req/s), following its pattern. */
export function sourceRate(s: SourceSpec, t: number): number {
  const { rate, peakRate: peak, startSec: start, durationSec: dur } = s;
  if (t < start) return rate;
  const x = t - start;
  switch (s.pattern) {
    case 'constant':
      return rate;
    case 'ramp':
      return x >= dur ? peak : rate + ((peak - rate) * x) / dur;
    case 'step':
      return peak;
    case 'spike':
      return x < dur ? peak : rate;
    case 'diurnal':
      return rate + ((peak - rate) * (1 - Math.cos((2 * Math.PI * x) / dur))) / 2;
  }
}

/**
 * Runs the reference discrete-event simulation of a topology.
 * @example
 * const r = runDes(topology, { seed: 1, seconds: 600, warmupSeconds: 60 });
 * r.endToEnd.latency.p99 // ms, exact empirical quantile over the window's requests
 */
export function runDes(topology: Topology, options: DesOptions): DesReport {
  return runNetwork(compileNetwork(topology), options);
}

/**
 * Runs the engine on an already compiled network (tests build small queueing networks by hand).
 * @example runNetwork(compileNetwork(topology), { seed: 1, seconds: 100, warmupSeconds: 10 })
 */
export function runNetwork(net: Network, options: DesOptions): DesReport {
  const opts = checkOptions(options);
  return new Engine(net, opts).run();
}

class Engine {
  private readonly places: Place[];
  private readonly placesOf: number[][];
  private readonly notes: string[];
  private readonly rng: Rng;
  private readonly heap = new EventHeap(4096);
  private readonly warm: number;
  private readonly end: number;

  // Jobs (requests and apply jobs), struct of arrays, recycled through a free list.
  private cap = 0;
  private freeTop = 0;
  private free = new Int32Array(0);
  private jKind = new Uint8Array(0);
  private jCls = new Uint8Array(0);
  private jStage = new Int8Array(0);
  private jNext = new Int8Array(0);
  private jFlags = new Uint8Array(0);
  private jHops = new Uint8Array(0);
  private jLbN = new Uint8Array(0);
  private jPlace = new Int32Array(0);
  private jSrc = new Int32Array(0);
  private jUser = new Int32Array(0);
  private jCohort = new Int32Array(0);
  private jBirth = new Float64Array(0);
  private jRet = new Float64Array(0);
  private jArr = new Float64Array(0);
  private jDemand = new Float64Array(0);
  private jFrac = new Float64Array(0);
  private jLbRoute = new Int32Array(0);
  private jLbTarget = new Int32Array(0);

  // Stations, per place.
  private readonly busy: Int32Array;
  private readonly nsys: Int32Array;
  private readonly applyBusy: Uint8Array;
  private readonly last: Float64Array;
  private readonly areaBusy: Float64Array;
  private readonly areaSys: Float64Array;
  private readonly fifo: Fifo[];
  private readonly applyFifo: Fifo[];

  // Window counters, per place.
  private readonly cArrive: Float64Array;
  private readonly cRead: Float64Array;
  private readonly cWrite: Float64Array;
  private readonly cDone: Float64Array;
  private readonly cDrop: Float64Array;
  private readonly cErr: Float64Array;
  private readonly cApply: Float64Array;
  private readonly cErrCode: Float64Array;
  private readonly cLost: Float64Array;
  private readonly cTimeout: Float64Array;
  /** Sojourns by class (users: end-to-end latency of their requests). */
  private readonly sojRead: Samples[];
  private readonly sojWrite: Samples[];
  private readonly lag: Samples[];
  private readonly waitSum: Float64Array;
  private readonly waitCount: Float64Array;

  private readonly routes: Route[] = [];
  /** Cached DNS answers per (DNS place, users place): record per cohort and its expiry. */
  private readonly dnsCache = new Map<number, { record: Int32Array; expires: Float64Array }>();

  private born = 0;
  private succeeded = 0;
  private failed = 0;
  private dropped = 0;
  private timedOut = 0;
  private openTagged = 0;
  private openVisits = 0;
  private events = 0;

  constructor(
    private readonly net: Network,
    private readonly opts: Required<DesOptions>,
  ) {
    this.places = net.places;
    this.placesOf = net.placesOf;
    this.notes = net.notes;
    this.rng = new Rng(opts.seed);
    this.warm = opts.warmupSeconds;
    this.end = opts.seconds;
    const n = this.places.length;
    this.busy = new Int32Array(n);
    this.nsys = new Int32Array(n);
    this.applyBusy = new Uint8Array(n);
    this.last = new Float64Array(n);
    this.areaBusy = new Float64Array(n);
    this.areaSys = new Float64Array(n);
    this.fifo = this.places.map(() => new Fifo());
    this.applyFifo = this.places.map(() => new Fifo());
    this.cArrive = new Float64Array(n);
    this.cRead = new Float64Array(n);
    this.cWrite = new Float64Array(n);
    this.cDone = new Float64Array(n);
    this.cDrop = new Float64Array(n);
    this.cErr = new Float64Array(n);
    this.cApply = new Float64Array(n);
    this.cErrCode = new Float64Array(n * ERROR_CODES.length);
    this.cLost = new Float64Array(n);
    this.cTimeout = new Float64Array(n);
    const big = (p: Place) => p.kind === PLACE_STATION || p.kind === PLACE_USERS;
    this.sojRead = this.places.map((p) => new Samples(big(p) ? 1024 : 16));
    this.sojWrite = this.places.map((p) => new Samples(big(p) ? 1024 : 16));
    this.lag = this.places.map(() => new Samples(16));
    this.waitSum = new Float64Array(n);
    this.waitCount = new Float64Array(n);
    for (const p of this.places)
      for (const r of [p.forward, p.app, p.replicateTo, ...p.dbRead, ...p.dbWrite])
        if (r) {
          // Routes get fresh state per run: a network may be run more than once.
          r.id = this.routes.length;
          r.next = 0;
          r.outstanding.fill(0);
          this.routes.push(r);
        }
    this.grow(1024);
  }

  run(): DesReport {
    const heap = this.heap;
    this.places.forEach((p, i) => {
      if (p.kind !== PLACE_USERS || !p.source) return;
      const max = this.maxRate(p.source);
      if (max > 0) heap.push(this.rng.exponential(1 / max), i * 4 + EV_GEN);
    });
    const maxEvents = this.opts.maxEvents;
    const end = this.end;
    let truncated = false;
    while (heap.size > 0) {
      if (heap.peekTime() >= end && this.openTagged === 0 && this.openVisits === 0) break;
      if (this.events >= maxEvents) {
        truncated = true;
        break;
      }
      const d = heap.pop();
      const t = heap.lastTime;
      this.events++;
      const type = d & 3;
      const id = d >> 2;
      if (type === EV_DONE) this.done(id, t);
      else if (type === EV_ARRIVE) this.arrive(id, t);
      else this.generate(id, t);
    }
    return this.report(truncated);
  }

  private maxRate(s: SourceSpec): number {
    return s.pattern === 'constant' ? s.rate : Math.max(s.rate, s.peakRate);
  }

  private inWindow(t: number): boolean {
    return t >= this.warm && t < this.end;
  }

  // ---- jobs ----

  private grow(cap: number): void {
    const old = this.cap;
    const copy = <T extends Uint8Array | Int8Array | Int32Array | Float64Array>(
      a: T,
      make: (n: number) => T,
      stride = 1,
    ): T => {
      const b = make(cap * stride);
      b.set(a);
      return b;
    };
    this.jKind = copy(this.jKind, (n) => new Uint8Array(n));
    this.jCls = copy(this.jCls, (n) => new Uint8Array(n));
    this.jStage = copy(this.jStage, (n) => new Int8Array(n));
    this.jNext = copy(this.jNext, (n) => new Int8Array(n));
    this.jFlags = copy(this.jFlags, (n) => new Uint8Array(n));
    this.jHops = copy(this.jHops, (n) => new Uint8Array(n));
    this.jLbN = copy(this.jLbN, (n) => new Uint8Array(n));
    this.jPlace = copy(this.jPlace, (n) => new Int32Array(n));
    this.jSrc = copy(this.jSrc, (n) => new Int32Array(n));
    this.jUser = copy(this.jUser, (n) => new Int32Array(n));
    this.jCohort = copy(this.jCohort, (n) => new Int32Array(n));
    this.jBirth = copy(this.jBirth, (n) => new Float64Array(n));
    this.jRet = copy(this.jRet, (n) => new Float64Array(n));
    this.jArr = copy(this.jArr, (n) => new Float64Array(n));
    this.jDemand = copy(this.jDemand, (n) => new Float64Array(n));
    this.jFrac = copy(this.jFrac, (n) => new Float64Array(n));
    this.jLbRoute = copy(this.jLbRoute, (n) => new Int32Array(n), LB_STACK);
    this.jLbTarget = copy(this.jLbTarget, (n) => new Int32Array(n), LB_STACK);
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeTop));
    // New ids go on the stack so that the lowest pops first.
    let top = this.freeTop;
    for (let i = cap - 1; i >= old; i--) free[top++] = i;
    this.free = free;
    this.freeTop = top;
    this.cap = cap;
  }

  private alloc(kind: number, place: number, t: number): number {
    if (this.freeTop === 0) this.grow(this.cap * 2);
    const id = this.free[--this.freeTop]!;
    this.jKind[id] = kind;
    this.jPlace[id] = place;
    this.jBirth[id] = t;
    this.jRet[id] = 0;
    this.jHops[id] = 0;
    this.jLbN[id] = 0;
    this.jFlags[id] = 0;
    this.jStage[id] = 0;
    return id;
  }

  private release(id: number): void {
    const n = this.jLbN[id]!;
    for (let k = 0; k < n; k++) {
      const r = this.routes[this.jLbRoute[id * LB_STACK + k]!]!;
      r.outstanding[this.jLbTarget[id * LB_STACK + k]!]!--;
    }
    this.free[this.freeTop++] = id;
  }

  // ---- events ----

  private generate(src: number, t: number): void {
    const p = this.places[src]!;
    const s = p.source!;
    const rng = this.rng;
    const max = this.maxRate(s);
    this.heap.push(t + rng.exponential(1 / max), src * 4 + EV_GEN);
    // Thinning: a candidate point is kept with probability rate(t) / max rate.
    if (s.pattern !== 'constant' && rng.uniform() * max >= sourceRate(s, t)) return;
    const id = this.alloc(JOB_REQUEST, src, t);
    this.jSrc[id] = src;
    this.jCls[id] = rng.uniform() < s.readRatio ? CLASS_READ : CLASS_WRITE;
    // User 0 is the hot user; the other N − 1 share the rest of the traffic equally.
    const n = s.distinctUsers;
    const user =
      n <= 1 || (s.hotUserShare > 0 && rng.uniform() < s.hotUserShare) ? 0 : 1 + rng.int(n - 1);
    this.jUser[id] = user;
    this.jFrac[id] = user / n;
    this.jCohort[id] = user % s.cohorts;
    if (this.inWindow(t)) {
      this.jFlags[id] = F_TAGGED;
      this.born++;
      this.openTagged++;
      this.cArrive[src]!++;
      if (this.jCls[id] === CLASS_READ) this.cRead[src]!++;
      else this.cWrite[src]!++;
    }
    const route = p.forward!;
    if (route.size === 0) return this.fail(id, src, ERR_NO_TARGETS, t);
    this.dispatch(id, route, t);
  }

  /** Picks a target on `route` and sends the job there over the link. */
  private dispatch(id: number, route: Route, t: number): void {
    this.send(id, route, this.pick(id, route), t);
  }

  private send(id: number, route: Route, k: number, t: number): void {
    const fail = route.fail[k]!;
    if (fail !== ERR_NONE) return this.fail(id, route.failAt[k]!, fail, t);
    const half = route.halfRtt[k]!;
    this.jPlace[id] = route.targets[k]!;
    this.jRet[id] = this.jRet[id]! + half;
    if (half > 0) this.heap.push(t + half, id * 4 + EV_ARRIVE);
    else this.arrive(id, t);
  }

  private pick(id: number, route: Route): number {
    const n = route.targets.length;
    switch (route.policy) {
      case POLICY_RR: {
        const k = route.next;
        route.next = k + 1 === n ? 0 : k + 1;
        return k;
      }
      case POLICY_RANDOM:
        return this.rng.int(n);
      case POLICY_LEAST: {
        // Fewest outstanding; ties go to the next in rotation so equal targets share evenly.
        const out = route.outstanding;
        let best = route.next;
        for (let j = 1; j < n; j++) {
          const k = (route.next + j) % n;
          if (out[k]! < out[best]!) best = k;
        }
        route.next = best + 1 === n ? 0 : best + 1;
        this.track(id, route, best);
        return best;
      }
      case POLICY_P2C: {
        if (n === 1) {
          this.track(id, route, 0);
          return 0;
        }
        const a = this.rng.int(n);
        let b = this.rng.int(n - 1);
        if (b >= a) b++;
        const k = route.outstanding[b]! < route.outstanding[a]! ? b : a;
        this.track(id, route, k);
        return k;
      }
      default: {
        const cw = route.cumWeight;
        const total = cw[n - 1]!;
        if (!(total > 0)) return this.rng.int(n);
        const u = this.rng.uniform() * total;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cw[mid]! > u) hi = mid;
          else lo = mid + 1;
        }
        return lo;
      }
    }
  }

  /**
   * DNS round robin per client cohort: a cohort whose cached answer has expired (or that never
   * asked) gets the next record in rotation and keeps it for TTL plus a random share of jitter;
   * with TTL 0 every request resolves.
   */
  private resolve(pi: number, p: Place, route: Route, id: number, t: number): number {
    const src = this.jSrc[id]!;
    const key = pi * this.places.length + src;
    let cache = this.dnsCache.get(key);
    if (!cache) {
      const cohorts = this.places[src]!.source!.cohorts;
      cache = { record: new Int32Array(cohorts).fill(-1), expires: new Float64Array(cohorts) };
      this.dnsCache.set(key, cache);
    }
    const c = this.jCohort[id]!;
    const n = route.targets.length;
    if (cache.record[c]! < 0 || cache.record[c]! >= n || t >= cache.expires[c]!) {
      cache.record[c] = route.next;
      route.next = route.next + 1 === n ? 0 : route.next + 1;
      const { ttl, jitter } = p.dns!;
      cache.expires[c] = ttl > 0 ? t + ttl * (1 + jitter * this.rng.uniform()) : t;
    }
    return cache.record[c]!;
  }

  /** Counts a request as outstanding on a load balancer's target until it is answered. */
  private track(id: number, route: Route, k: number): void {
    route.outstanding[k]!++;
    const n = this.jLbN[id]!;
    if (n === LB_STACK) return; // deeper paths are cut by MAX_HOPS long before this matters
    this.jLbRoute[id * LB_STACK + n] = route.id;
    this.jLbTarget[id * LB_STACK + n] = k;
    this.jLbN[id] = n + 1;
  }

  private arrive(id: number, t: number): void {
    const pi = this.jPlace[id]!;
    const p = this.places[pi]!;
    const win = t >= this.warm && t < this.end;
    if (this.jKind[id] === JOB_APPLY) {
      if (win) {
        this.cApply[pi]!++;
        this.cArrive[pi]!++;
        this.cWrite[pi]!++;
      }
      this.jDemand[id] = p.applyDemand;
      this.enqueue(id, pi, p, t, win);
      return;
    }
    const hops = this.jHops[id]! + 1;
    this.jHops[id] = hops;
    if (win) {
      this.cArrive[pi]!++;
      if (this.jCls[id] === CLASS_READ) this.cRead[pi]!++;
      else this.cWrite[pi]!++;
    }
    if (hops > MAX_HOPS) return this.fail(id, pi, ERR_ROUTING_LOOP, t);
    if (p.kind !== PLACE_STATION) {
      if (p.arrivalError !== ERR_NONE) return this.fail(id, pi, p.arrivalError, t);
      const route = p.forward!;
      if (route.size === 0) return this.fail(id, pi, ERR_NO_TARGETS, t);
      if (win) this.cDone[pi]!++;
      if (route.policy === POLICY_COHORT)
        this.send(id, route, this.resolve(pi, p, route, id, t), t);
      else this.dispatch(id, route, t);
      return;
    }
    const stage = this.jStage[id]!;
    const k = (stage < STAGE_DB ? stage : STAGE_DB) * 2 + this.jCls[id]!;
    const err = p.error[k]!;
    if (err !== ERR_NONE) return this.fail(id, pi, err, t);
    if (this.nsys[pi]! >= p.limit) {
      if (win) this.cDrop[pi]!++;
      if (this.jFlags[id]! & F_TAGGED) {
        this.dropped++;
        this.openTagged--;
        this.cLost[this.jSrc[id]!]!++;
      }
      this.release(id);
      return;
    }
    this.jDemand[id] = p.demand[k]!;
    this.jNext[id] = p.nextStage[k]!;
    this.jFlags[id] = p.fanout[k] ? this.jFlags[id]! | F_FANOUT : this.jFlags[id]! & ~F_FANOUT;
    this.enqueue(id, pi, p, t, win);
  }

  private enqueue(id: number, pi: number, p: Place, t: number, win: boolean): void {
    this.touch(pi, t);
    this.nsys[pi]!++;
    this.jArr[id] = t;
    if (win) {
      this.jFlags[id]! |= F_VISIT;
      this.openVisits++;
    } else this.jFlags[id]! &= ~F_VISIT;
    if (this.jKind[id] === JOB_APPLY) {
      if (this.applyBusy[pi] === 0 && this.busy[pi]! < p.cores) this.start(id, pi, p, t);
      else this.applyFifo[pi]!.push(id);
    } else if (this.busy[pi]! < p.cores) this.start(id, pi, p, t);
    else this.fifo[pi]!.push(id);
  }

  private start(id: number, pi: number, p: Place, t: number): void {
    this.busy[pi]!++;
    if (this.jKind[id] === JOB_APPLY) this.applyBusy[pi] = 1;
    else if (this.jFlags[id]! & F_VISIT) {
      this.waitSum[pi]! += t - this.jArr[id]!;
      this.waitCount[pi]!++;
    }
    const mean = this.jDemand[id]!;
    const svc = p.cv === 1 ? this.rng.exponential(mean) : this.rng.withCv(mean, p.cv);
    this.heap.push(t + svc, id * 4 + EV_DONE);
  }

  private touch(pi: number, t: number): void {
    const a = this.last[pi]! > this.warm ? this.last[pi]! : this.warm;
    const b = t < this.end ? t : this.end;
    if (b > a) {
      this.areaBusy[pi]! += this.busy[pi]! * (b - a);
      this.areaSys[pi]! += this.nsys[pi]! * (b - a);
    }
    this.last[pi] = t;
  }

  private done(id: number, t: number): void {
    const pi = this.jPlace[id]!;
    const p = this.places[pi]!;
    this.touch(pi, t);
    this.busy[pi]!--;
    this.nsys[pi]!--;
    const apply = this.jKind[id] === JOB_APPLY;
    if (apply) this.applyBusy[pi] = 0;
    const flags = this.jFlags[id]!;
    if (flags & F_VISIT) {
      this.openVisits--;
      const ms = (t - this.jArr[id]!) * 1000;
      if (apply) this.lag[pi]!.push(ms);
      else if (this.jCls[id] === CLASS_READ) this.sojRead[pi]!.push(ms);
      else this.sojWrite[pi]!.push(ms);
    }
    if (t >= this.warm && t < this.end) this.cDone[pi]!++;
    this.startWaiting(pi, p, t);
    if (apply) {
      this.release(id);
      return;
    }
    if (flags & F_FANOUT) this.replicate(p, t);
    const next = this.jNext[id]!;
    if (next === STAGE_DONE) return this.complete(id, t);
    let stage = next;
    if (next === NEXT_CACHE) {
      if (this.jCls[id] === CLASS_READ && this.rng.uniform() < p.hitRatio)
        return this.complete(id, t);
      // A miss (or a write, which always goes through) continues at the same stage; a cache in
      // front of the data goes on at the db stage.
      stage = this.jStage[id]!;
      if (stage < STAGE_DB && p.forward!.size > 0) return this.dispatch(id, p.forward!, t);
      stage = STAGE_DB;
    }
    this.jStage[id] = stage;
    if (stage === STAGE_APP) {
      const r = p.app;
      if (!r || r.size === 0) return this.fail(id, pi, ERR_MISSING_APP, t);
      return this.dispatch(id, r, t);
    }
    let shard = 0;
    if (p.shard) {
      const m = p.shard.from.length;
      // Hash sharding: user u belongs to shard u mod n; range: user u of N sits at 100·u/N %.
      if (p.shard.strategy === 'hash') shard = this.jUser[id]! % m;
      else {
        const pct = this.jFrac[id]! * 100;
        shard = -1;
        for (let s = 0; s < m; s++)
          if (pct >= p.shard.from[s]! && pct < p.shard.to[s]!) {
            shard = s;
            break;
          }
        if (shard < 0) return this.fail(id, pi, ERR_NO_SHARD, t);
      }
    }
    const write = this.jCls[id] === CLASS_WRITE;
    const r = write ? p.dbWrite[shard] : p.dbRead[shard];
    if (!r || r.size === 0) return this.fail(id, pi, write ? ERR_NO_PRIMARY : ERR_MISSING_DB, t);
    this.dispatch(id, r, t);
  }

  /** Starts waiting jobs on free cores in arrival order (an apply job only if no apply runs). */
  private startWaiting(pi: number, p: Place, t: number): void {
    const q = this.fifo[pi]!;
    const a = this.applyFifo[pi]!;
    while (this.busy[pi]! < p.cores) {
      const canApply = this.applyBusy[pi] === 0 && a.length > 0;
      if (q.length === 0 && !canApply) return;
      let id: number;
      if (canApply && (q.length === 0 || this.jArr[a.peek()]! < this.jArr[q.peek()]!))
        id = a.shift();
      else id = q.shift();
      this.start(id, pi, p, t);
    }
  }

  private replicate(p: Place, t: number): void {
    const r = p.replicateTo;
    if (!r) return;
    for (let k = 0; k < r.targets.length; k++) {
      const id = this.alloc(JOB_APPLY, r.targets[k]!, t);
      const half = r.halfRtt[k]!;
      if (half > 0) this.heap.push(t + half, id * 4 + EV_ARRIVE);
      else this.arrive(id, t);
    }
  }

  private complete(id: number, t: number): void {
    if (this.jFlags[id]! & F_TAGGED) {
      this.openTagged--;
      const ms = (t - this.jBirth[id]! + this.jRet[id]!) * 1000;
      const src = this.jSrc[id]!;
      const timeout = this.places[src]!.source!.timeout;
      if (timeout > 0 && ms > timeout * 1000) {
        this.timedOut++;
        this.cTimeout[src]!++;
      } else {
        this.succeeded++;
        this.cDone[src]!++;
        (this.jCls[id] === CLASS_READ ? this.sojRead : this.sojWrite)[src]!.push(ms);
      }
    }
    this.release(id);
  }

  private fail(id: number, pi: number, code: number, t: number): void {
    if (t >= this.warm && t < this.end) {
      this.cErr[pi]!++;
      this.cErrCode[pi * ERROR_CODES.length + code]!++;
    }
    if (this.jFlags[id]! & F_TAGGED) {
      this.failed++;
      this.openTagged--;
      this.cLost[this.jSrc[id]!]!++;
    }
    this.release(id);
  }

  // ---- report ----

  private report(truncated: boolean): DesReport {
    const w = this.end - this.warm;
    const now = this.heap.lastTime;
    for (let i = 0; i < this.places.length; i++) this.touch(i, Math.max(now, this.last[i]!));
    const nodes = this.net.nodes.map((n, i): DesNodeReport => {
      const own = this.placesOf[i]!;
      let cores = 0;
      let busy = 0;
      let sys = 0;
      const sum = (a: Float64Array) => own.reduce((s, pi) => s + a[pi]!, 0);
      const errors: Partial<Record<DesErrorCode, number>> = {};
      const isUsers = n.kind === 'users';
      const reads = own.map((pi) => this.sojRead[pi]!);
      const writes = own.map((pi) => this.sojWrite[pi]!);
      const applies = own.map((pi) => this.lag[pi]!);
      for (const pi of own) {
        const p = this.places[pi]!;
        if (p.kind === PLACE_STATION) cores += p.cores;
        busy += this.areaBusy[pi]!;
        sys += this.areaSys[pi]!;
        ERROR_CODES.forEach((code, c) => {
          const v = this.cErrCode[pi * ERROR_CODES.length + c]!;
          if (v > 0) errors[code] = (errors[code] ?? 0) + v;
        });
      }
      return {
        id: n.id,
        kind: n.kind,
        utilization: cores > 0 ? busy / (cores * w) : 0,
        arrivalRate: sum(this.cArrive) / w,
        readRate: sum(this.cRead) / w,
        writeRate: sum(this.cWrite) / w,
        throughput: sum(this.cDone) / w,
        meanBacklog: sys / w,
        dropRate: sum(this.cDrop) / w,
        errorRate: (isUsers ? sum(this.cLost) : sum(this.cErr)) / w,
        timeoutRate: sum(this.cTimeout) / w,
        sojourn: summarize([...reads, ...writes, ...applies]),
        sojournRead: summarize(reads),
        sojournWrite: summarize([...writes, ...applies]),
        meanWaitMs: sum(this.waitCount) > 0 ? (sum(this.waitSum) / sum(this.waitCount)) * 1000 : 0,
        applyRate: sum(this.cApply) / w,
        replicationLag: summarize(applies),
        errors,
      };
    });
    const answered = this.succeeded + this.failed + this.dropped;
    return {
      seed: this.opts.seed,
      seconds: this.end,
      warmupSeconds: this.warm,
      endTime: now,
      events: this.events,
      truncated,
      nodes,
      endToEnd: {
        offered: this.born / w,
        throughput: answered / w,
        goodput: this.succeeded / w,
        errorRatio: this.born > 0 ? (this.failed + this.dropped + this.timedOut) / this.born : 0,
        latency: summarize(
          this.places.flatMap((p, pi) =>
            p.kind === PLACE_USERS ? [this.sojRead[pi]!, this.sojWrite[pi]!] : [],
          ),
        ),
        requests: this.born,
        succeeded: this.succeeded,
        failed: this.failed,
        dropped: this.dropped,
        timedOut: this.timedOut,
      },
      notes: truncated
        ? [
            ...this.notes,
            `stopped at maxEvents (${this.opts.maxEvents}): the window's last requests are missing`,
          ]
        : this.notes,
    };
  }
}

/** A growable FIFO ring of job ids. */
class Fifo {
  private buf = new Int32Array(16);
  private head = 0;
  length = 0;

  push(id: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.length; i++)
        next[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = id;
    this.length++;
  }

  peek(): number {
    return this.buf[this.head]!;
  }

  shift(): number {
    const id = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return id;
  }
}
