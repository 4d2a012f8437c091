/**
 * Compiles a topology into the reference engine's network: places (traffic sources, DNS, load
 * balancers, and stations = FCFS queues with c cores), and the routes each place uses to pick the
 * next hop for a request at a given stage (web -> app -> db).
 * Contract: pure; reads the topology, the model's catalogues and the kernel's network constants and
 * target checks (so both engines agree on them); no DOM, no clock, no engine state.
 */
import { INSTANCE_TYPES } from '../../model/instanceTypes';
import type { KindId } from '../../model/kinds';
import { PATTERNS } from '../../model/kinds/users';
import { CROSS_AZ_RTT_MS, INTERNET_RTT_MS, SAME_AZ_RTT_MS, targetMisconfig } from '../compile';
import type { Link, Topology, TopologyNode } from '../../model/schema';

// Network constants are the kernel's own, so both engines always charge the same round trips.
export { CROSS_AZ_RTT_MS, INTERNET_RTT_MS, SAME_AZ_RTT_MS };

/** Request stages in the order every request needs them. */
export const STAGE_WEB = 0;
export const STAGE_APP = 1;
export const STAGE_DB = 2;
export const STAGE_DONE = 3;

export const CLASS_READ = 0;
export const CLASS_WRITE = 1;

export const PLACE_USERS = 0;
export const PLACE_DNS = 1;
export const PLACE_LB = 2;
export const PLACE_STATION = 3;

export const ST_SERVER = 0;
export const ST_PRIMARY = 1;
export const ST_REPLICA = 2;
export const ST_CACHE = 3;

export const POLICY_RR = 0;
export const POLICY_RANDOM = 1;
export const POLICY_LEAST = 2;
export const POLICY_P2C = 3;
export const POLICY_WEIGHTED = 4;
/** DNS round robin: a client cohort keeps the record it was handed until its cache expires. */
export const POLICY_COHORT = 5;

/** Why a request failed at a node (the diagnostic codes of the report). */
export const ERROR_CODES = [
  'none',
  'missingApp', // needs an application tier but no linked callee runs the app role
  'missingDb', // needs the database but no database is reachable
  'noPrimary', // a write with no primary to take it
  'readOnly', // a write reached a read replica
  'cannotServe', // the node runs no role the request still needs
  'noTargets', // a users node, DNS or load balancer with nowhere to send
  'noShard', // no primary's key range covers the user
  'routingLoop', // the request crossed more hops than any sane path has
  'linkCut', // sent over a cut link
  'listenerBlocked', // the load balancer's security group does not admit its listener port
  'wrongPort', // forwarded to a port the target does not listen on (every target failing checks)
  'securityGroup', // the target's security group does not admit the load balancer
] as const;
export type DesErrorCode = (typeof ERROR_CODES)[number];
export const ERR_NONE = 0;
export const ERR_MISSING_APP = 1;
export const ERR_MISSING_DB = 2;
export const ERR_NO_PRIMARY = 3;
export const ERR_READ_ONLY = 4;
export const ERR_CANNOT_SERVE = 5;
export const ERR_NO_TARGETS = 6;
export const ERR_NO_SHARD = 7;
export const ERR_ROUTING_LOOP = 8;
export const ERR_LINK_CUT = 9;
export const ERR_LISTENER = 10;
export const ERR_WRONG_PORT = 11;
export const ERR_SECURITY_GROUP = 12;

/** One possible next hop of a route. */
export interface RouteTarget {
  place: number;
  rttMs: number;
  weight: number;
  /** Error a request sent there fails with (a cut link, a refused port), 0 if none. */
  fail?: number;
  /** Place that counts that error. */
  failAt?: number;
}

/** Next-stage marker of a cache: hit or miss is drawn after its lookup. */
export const NEXT_CACHE = -1;

const ROLE_BIT = { web: 1, app: 2, db: 4 } as const;

/** A set of next hops and the rule that picks one. */
export class Route {
  readonly targets: Int32Array;
  /** One-way network delay to each target, seconds (half the link's round trip). */
  readonly halfRtt: Float64Array;
  /** Cumulative link weights (weighted policies). */
  readonly cumWeight: Float64Array;
  /** Requests sent to each target and not yet answered (least outstanding, p2c). */
  readonly outstanding: Int32Array;
  /** Error of sending to each target (0: none) and the place that counts it. */
  readonly fail: Int8Array;
  readonly failAt: Int32Array;
  /** Rotation pointer of round robin. */
  next = 0;
  /** Index in the engine's route table (set by the engine). */
  id = -1;

  constructor(
    targets: readonly RouteTarget[],
    readonly policy: number,
  ) {
    const n = targets.length;
    this.targets = Int32Array.from(targets, (t) => t.place);
    this.halfRtt = Float64Array.from(targets, (t) => t.rttMs / 2000);
    this.cumWeight = new Float64Array(n);
    let w = 0;
    targets.forEach((t, i) => {
      w += t.weight;
      this.cumWeight[i] = w;
    });
    this.outstanding = new Int32Array(n);
    this.fail = Int8Array.from(targets, (t) => t.fail ?? 0);
    this.failAt = Int32Array.from(targets, (t) => t.failAt ?? t.place);
  }

  get size(): number {
    return this.targets.length;
  }
}

/** How a caller with several primaries splits users over them (sharding). */
export interface ShardMap {
  strategy: 'hash' | 'range';
  /** Range sharding: [from, to) of the user-id range in percent, per shard. */
  from: Float64Array;
  to: Float64Array;
}

/** One place a request can be: a source, a DNS name, a load balancer or a station (a machine). */
export interface Place {
  /** Index of the topology node it belongs to (an ASG's instances share their group's node). */
  node: number;
  /** Availability zone (0..2) of a machine, -1 for users, DNS and load balancers. */
  zone: number;
  kind: number;
  /** Station kind (ST_*) for stations, -1 otherwise. */
  station: number;
  /** Cores (FCFS servers) and queue limit (in service + waiting) of a station. */
  cores: number;
  limit: number;
  /** Coefficient of variation of the service time. */
  cv: number;
  /**
   * Mean service time (s), next stage and error per arrival (stage × 2 + class): what the machine
   * does with a request arriving at that stage.
   */
  demand: Float64Array;
  nextStage: Int8Array;
  error: Int8Array;
  /** Whether the service sends the write on to the replicas (index as `demand`). */
  fanout: Uint8Array;
  /** Error every request arriving here fails with (a blocked listener), 0 if none. */
  arrivalError: number;
  /** Mean apply time of one replicated write (s), replicas only. */
  applyDemand: number;
  hitRatio: number;
  /** Users, DNS and load balancers: where requests go; caches: where misses go before the db stage. */
  forward: Route | null;
  /** Servers: callees that run the app role. */
  app: Route | null;
  /** Database routes per shard (index = shard). */
  dbRead: Route[];
  dbWrite: Route[];
  /** A db-holding server linked to replicas or a cache sends its own reads there. */
  readsDivert: boolean;
  shard: ShardMap | null;
  /** Database holders: the replicas each committed write is sent to. */
  replicateTo: Route | null;
  source: SourceSpec | null;
  /** DNS: how long a cohort keeps its answer (s) and the extra random share of it (0..1). */
  dns: { ttl: number; jitter: number } | null;
}

/** What a users node sends. */
export interface SourceSpec {
  rate: number;
  peakRate: number;
  pattern: (typeof PATTERNS)[number];
  startSec: number;
  durationSec: number;
  readRatio: number;
  distinctUsers: number;
  cohorts: number;
  hotUserShare: number;
  /** Client timeout in seconds (0 = none). */
  timeout: number;
}

export interface Network {
  /** The topology nodes the report is about, in topology order. */
  nodes: { id: string; kind: KindId }[];
  places: Place[];
  /** Places standing for each topology node (one, or an ASG's instances; none for dropped kinds). */
  placesOf: number[][];
  /** Things in the topology the reference engine does not model, in plain words. */
  notes: string[];
}

const rolesBits = (roles: readonly string[]): number =>
  roles.reduce((m, r) => m | (ROLE_BIT[r as keyof typeof ROLE_BIT] ?? 0), 0);

function instanceOf(n: TopologyNode): (typeof INSTANCE_TYPES)[keyof typeof INSTANCE_TYPES] | null {
  return 'instanceType' in n.params ? INSTANCE_TYPES[n.params.instanceType] : null;
}

const ZONES = ['a', 'b', 'c'] as const;
const zoneOf = (n: TopologyNode): number => ('az' in n.params ? ZONES.indexOf(n.params.az) : -1);

/**
 * Round trip of a link in ms between two places: the link's own latency, else the internet from
 * the users (a DNS answer is the users' own connection: users → DNS costs nothing, DNS → record
 * the internet round trip), else the zone default between the two machines. A load balancer
 * spans every zone and has a node in the target's zone, so its hops count as same-zone.
 */
export function linkRttMs(
  link: Link,
  from: TopologyNode,
  to: TopologyNode,
  fromZone: number,
  toZone: number,
): number {
  if (link.latencyMs !== null) return link.latencyMs;
  if (from.kind === 'users') return to.kind === 'dns' ? 0 : INTERNET_RTT_MS;
  if (from.kind === 'dns') return INTERNET_RTT_MS;
  return fromZone >= 0 && toZone >= 0 && fromZone !== toZone ? CROSS_AZ_RTT_MS : SAME_AZ_RTT_MS;
}

const DB_NONE = 0;
const DB_REPLICA = 1;
const DB_CACHE = 2;
const DB_PRIMARY = 3;

/**
 * Builds the engine's network from a topology (already validated by `parseTopology`).
 * @example const net = compileNetwork(topology); net.places.length
 */
export function compileNetwork(topo: Topology): Network {
  const nodes = topo.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const notes: string[] = [];
  const places: Place[] = [];
  const placesOf: number[][] = nodes.map(() => []);

  const blank = blankPlace;

  nodes.forEach((n, i) => {
    const add = (p: Place) => {
      placesOf[i]!.push(places.length);
      places.push(p);
    };
    switch (n.kind) {
      case 'users': {
        const p = blank(i, PLACE_USERS);
        const q = n.params;
        p.source = {
          rate: q.rate,
          peakRate: q.peakRate,
          pattern: PATTERNS.find((x) => x === q.pattern) ?? 'constant',
          startSec: q.startSec,
          durationSec: q.durationSec,
          readRatio: q.readRatio,
          distinctUsers: q.distinctUsers,
          cohorts: q.cohorts,
          hotUserShare: q.hotUserShare,
          timeout: q.timeoutMs / 1000,
        };
        if (q.retries > 0)
          notes.push(
            `${n.id}: retries are not simulated by the reference engine (failures count once)`,
          );
        add(p);
        break;
      }
      case 'dns': {
        const p = blank(i, PLACE_DNS);
        p.dns = { ttl: n.params.ttlSec, jitter: n.params.jitterPct / 100 };
        add(p);
        break;
      }
      case 'lb':
        add(blank(i, PLACE_LB));
        break;
      case 'asg': {
        const size = Math.min(n.params.maxSize, Math.max(n.params.minSize, n.params.desired));
        notes.push(`${n.id}: auto scaling is not simulated; the group runs ${size} instance(s)`);
        // Instances spread over the zones from the group's own, as the kernel starts them.
        for (let k = 0; k < size; k++) {
          const p = station(blank(i, PLACE_STATION), n);
          p.zone = (zoneOf(n) + k) % ZONES.length;
          add(p);
        }
        break;
      }
      default:
        add(station(blank(i, PLACE_STATION), n));
    }
  });
  if (topo.scenario.events.length > 0)
    notes.push('scenario events are not simulated by the reference engine');

  // Outgoing links per node, in topology order (the order of records, targets and shards).
  const out: { link: Link; to: number }[][] = nodes.map(() => []);
  const inPrimaries: number[][] = nodes.map(() => []);
  for (const l of topo.links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined) continue;
    // Cut links stay in the routes: what is sent over them fails (as in the kernel).
    out[a]!.push({ link: l, to: b });
    if (holdsDb(nodes[a]!) && nodes[b]!.kind === 'dbReplica') inPrimaries[b]!.push(a);
  }

  const targetsOfOwned = (
    from: number,
    e: { link: Link; to: number },
    owner: number,
  ): RouteTarget[] =>
    placesOf[e.to]!.map((place) => ({
      place,
      rttMs: linkRttMs(
        e.link,
        nodes[from]!,
        nodes[e.to]!,
        places[owner]!.zone,
        places[place]!.zone,
      ),
      weight: e.link.weight,
      fail: e.link.cut ? ERR_LINK_CUT : 0,
      failAt: owner,
    }));

  /**
   * A load balancer's targets once its health checks have settled: those that pass (link up,
   * right port, admitted by the security group, check path answered). If none passes it fails
   * open and sends to all; a cut link or a refused port then fails what it gets.
   */
  const lbTargets = (lb: TopologyNode, i: number, owner: number): RouteTarget[] => {
    if (lb.kind !== 'lb') return [];
    const all = out[i]!.map((e) => ({
      e,
      why: e.link.cut ? 'cut' : targetMisconfig(lb, nodes[e.to]!),
    }));
    const healthy = all.filter((x) => x.why === 'ok');
    const use = healthy.length > 0 ? healthy : all;
    return use.flatMap(({ e, why }) =>
      targetsOfOwned(i, e, owner).map((t) =>
        why === 'wrongPort'
          ? { ...t, fail: ERR_WRONG_PORT, failAt: t.place }
          : why === 'securityGroup'
            ? { ...t, fail: ERR_SECURITY_GROUP, failAt: t.place }
            : t,
      ),
    );
  };

  // What a node can do as a callee, looking through load balancers (memoized, cycle-safe).
  const appMemo = new Map<number, boolean>();
  const canApp = (i: number, seen = new Set<number>()): boolean => {
    const hit = appMemo.get(i);
    if (hit !== undefined) return hit;
    const n = nodes[i]!;
    let r = false;
    if (n.kind === 'server' || n.kind === 'asg') r = n.params.roles.includes('app');
    else if (n.kind === 'lb' && !seen.has(i)) {
      seen.add(i);
      r = out[i]!.some((e) => canApp(e.to, seen));
    }
    appMemo.set(i, r);
    return r;
  };
  const dbMemo = new Map<number, number>();
  const dbClass = (i: number, seen = new Set<number>()): number => {
    const hit = dbMemo.get(i);
    if (hit !== undefined) return hit;
    const n = nodes[i]!;
    let r = DB_NONE;
    if (holdsDb(n)) r = DB_PRIMARY;
    else if (n.kind === 'dbReplica') r = DB_REPLICA;
    else if (n.kind === 'cache') r = DB_CACHE;
    else if (n.kind === 'lb' && !seen.has(i)) {
      seen.add(i);
      for (const e of out[i]!) r = Math.max(r, dbClass(e.to, seen));
    }
    dbMemo.set(i, r);
    return r;
  };
  // The primaries whose writes reach a replica-class callee (direct, or behind a load balancer).
  const primariesBehind = (i: number, seen = new Set<number>()): number[] => {
    const n = nodes[i]!;
    if (n.kind === 'dbReplica') return inPrimaries[i]!;
    if (n.kind === 'lb' && !seen.has(i)) {
      seen.add(i);
      return out[i]!.flatMap((e) => primariesBehind(e.to, seen));
    }
    return [];
  };

  nodes.forEach((n, i) => {
    const own = placesOf[i]!;
    const links = out[i]!;
    const lbPolicy = n.kind === 'lb' ? lbPolicyOf(n.params.algorithm) : POLICY_RR;
    for (const pi of own) {
      const p = places[pi]!;
      const targetsOf = (from: number, e: { link: Link; to: number }) =>
        targetsOfOwned(from, e, pi);
      if (n.kind === 'users')
        p.forward = new Route(
          links.flatMap((e) => targetsOf(i, e)),
          POLICY_WEIGHTED,
        );
      else if (n.kind === 'dns')
        p.forward = new Route(
          links.flatMap((e) => targetsOf(i, e)),
          n.params.policy === 'weighted' ? POLICY_WEIGHTED : POLICY_COHORT,
        );
      else if (n.kind === 'lb') {
        p.forward = new Route(lbTargets(n, i, pi), lbPolicy);
        if (n.params.sgPort !== n.params.listenerPort) p.arrivalError = ERR_LISTENER;
      } else if (n.kind === 'cache')
        p.forward = new Route(
          links.filter((e) => dbClass(e.to) === DB_NONE).flatMap((e) => targetsOf(i, e)),
          POLICY_RR,
        );
      if (n.kind === 'server' || n.kind === 'asg')
        p.app = new Route(
          links.filter((e) => canApp(e.to)).flatMap((e) => targetsOf(i, e)),
          POLICY_RR,
        );
      if (n.kind === 'server' || n.kind === 'asg' || n.kind === 'cache') buildDbRoutes(p, i, pi);
      // A cut replication link delivers nothing: that replica stops applying.
      if (holdsDb(n))
        p.replicateTo = new Route(
          links
            .filter((e) => nodes[e.to]!.kind === 'dbReplica' && !e.link.cut)
            .flatMap((e) => targetsOf(i, e)),
          POLICY_RR,
        );
    }
    finishDemand(n, own);
  });

  function buildDbRoutes(p: Place, i: number, pi: number) {
    const links = out[i]!;
    const targetsOf = (from: number, e: { link: Link; to: number }) => targetsOfOwned(from, e, pi);
    const primaries = links.filter((e) => dbClass(e.to) === DB_PRIMARY);
    const replicas = links.filter((e) => dbClass(e.to) === DB_REPLICA);
    const caches = links.filter((e) => dbClass(e.to) === DB_CACHE);
    const shards = Math.max(1, primaries.length);
    p.readsDivert = replicas.length > 0 || caches.length > 0;
    if (primaries.length >= 2) {
      const specs = primaries.map((e) => nodes[e.to]!);
      const allRange = specs.every(
        (s) => s.kind === 'dbPrimary' && s.params.shardStrategy === 'range',
      );
      p.shard = {
        strategy: allRange ? 'range' : 'hash',
        from: Float64Array.from(specs, (s) => (s.kind === 'dbPrimary' ? s.params.shardFromPct : 0)),
        to: Float64Array.from(specs, (s) => (s.kind === 'dbPrimary' ? s.params.shardToPct : 100)),
      };
    }
    for (let s = 0; s < shards; s++) {
      const primary = primaries.length > 0 ? [primaries[s]!] : [];
      // With shards, a read goes to a replica of the user's shard (or one fed by no primary).
      const reps =
        primaries.length >= 2
          ? replicas.filter((e) => {
              const ps = primariesBehind(e.to);
              return ps.length === 0 || ps.includes(primaries[s]!.to);
            })
          : replicas;
      const read = caches.length > 0 ? caches : reps.length > 0 ? reps : primary;
      const write = primary.length > 0 ? primary : caches;
      p.dbRead.push(
        new Route(
          read.flatMap((e) => targetsOf(i, e)),
          POLICY_RR,
        ),
      );
      p.dbWrite.push(
        new Route(
          write.flatMap((e) => targetsOf(i, e)),
          POLICY_RR,
        ),
      );
    }
  }

  /** Fills each station's per-arrival table (demand, next stage, error, fan-out). */
  function finishDemand(n: TopologyNode, own: number[]) {
    for (const pi of own) {
      const p = places[pi]!;
      if (p.kind !== PLACE_STATION) continue;
      const speed = instanceOf(n)?.speed ?? 1;
      for (let stage = STAGE_WEB; stage <= STAGE_DB; stage++)
        for (let cls = CLASS_READ; cls <= CLASS_WRITE; cls++) {
          const k = stage * 2 + cls;
          const r = arrivalPlan(n, p, stage, cls);
          p.demand[k] = r.demandMs / 1000 / speed;
          p.nextStage[k] = r.next;
          p.error[k] = r.error;
          p.fanout[k] = r.fanout ? 1 : 0;
        }
    }
  }

  return { nodes: nodes.map((n) => ({ id: n.id, kind: n.kind })), places, placesOf, notes };
}

/** A place with nothing set: the start of every place the compiler (or a test) builds. */
export function blankPlace(node: number, kind: number): Place {
  return {
    node,
    zone: -1,
    kind,
    station: -1,
    cores: 0,
    limit: 0,
    cv: 1,
    demand: new Float64Array(6),
    nextStage: new Int8Array(6).fill(STAGE_DONE),
    error: new Int8Array(6),
    fanout: new Uint8Array(6),
    arrivalError: 0,
    applyDemand: 0,
    hitRatio: 0,
    forward: null,
    app: null,
    dbRead: [],
    dbWrite: [],
    readsDivert: false,
    shard: null,
    replicateTo: null,
    source: null,
    dns: null,
  };
}

/** A machine that holds the database: a primary, or a server running the db role. */
function holdsDb(n: TopologyNode): boolean {
  return (
    n.kind === 'dbPrimary' ||
    ((n.kind === 'server' || n.kind === 'asg') && n.params.roles.includes('db'))
  );
}

function lbPolicyOf(algorithm: string): number {
  switch (algorithm) {
    case 'random':
      return POLICY_RANDOM;
    case 'least_outstanding':
      return POLICY_LEAST;
    case 'p2c':
      return POLICY_P2C;
    case 'weighted':
      return POLICY_WEIGHTED;
    default:
      return POLICY_RR;
  }
}

function station(p: Place, n: TopologyNode): Place {
  const it = instanceOf(n);
  p.station =
    n.kind === 'dbPrimary'
      ? ST_PRIMARY
      : n.kind === 'dbReplica'
        ? ST_REPLICA
        : n.kind === 'cache'
          ? ST_CACHE
          : ST_SERVER;
  p.cores = it?.vcpu ?? 1;
  p.zone = zoneOf(n);
  if ('queueLimit' in n.params) {
    p.limit = n.params.queueLimit;
    p.cv = n.params.demandCv;
  }
  if (n.kind === 'dbReplica') p.applyDemand = n.params.applyDemandMs / 1000 / (it?.speed ?? 1);
  if (n.kind === 'cache') p.hitRatio = n.params.hitRatio;
  return p;
}

interface Plan {
  demandMs: number;
  next: number;
  error: number;
  fanout: boolean;
}

/**
 * What a station does with a request arriving at `stage`: the roles it runs from that stage on, in
 * order, until one it does not run (that stage is then asked of a callee). Stages before the first
 * role it runs are skipped: the path simply has no such tier (an app server straight behind the
 * load balancer). A server holding the database but linked to a replica or cache sends its own
 * reads there; a read that arrives at the db stage is served locally (it was sent here as the db).
 */
function arrivalPlan(n: TopologyNode, p: Place, stage: number, cls: number): Plan {
  const done = (demandMs: number, fanout = false): Plan => ({
    demandMs,
    next: STAGE_DONE,
    error: ERR_NONE,
    fanout,
  });
  switch (n.kind) {
    case 'dbPrimary':
      return cls === CLASS_READ ? done(n.params.readDemandMs) : done(n.params.writeDemandMs, true);
    case 'dbReplica':
      return cls === CLASS_READ
        ? done(n.params.readDemandMs)
        : { demandMs: 0, next: STAGE_DONE, error: ERR_READ_ONLY, fanout: false };
    case 'cache':
      return { demandMs: n.params.hitDemandMs, next: NEXT_CACHE, error: ERR_NONE, fanout: false };
    case 'server':
    case 'asg': {
      const q = n.params;
      const roles = rolesBits(q.roles);
      const bit = [ROLE_BIT.web, ROLE_BIT.app, ROLE_BIT.db];
      let s = stage;
      while (s <= STAGE_DB && (roles & bit[s]!) === 0) s++;
      if (s > STAGE_DB)
        return { demandMs: 0, next: STAGE_DONE, error: ERR_CANNOT_SERVE, fanout: false };
      let demand = 0;
      let fanout = false;
      const first = s;
      while (s <= STAGE_DB && (roles & bit[s]!) !== 0) {
        if (s === STAGE_DB) {
          if (cls === CLASS_READ && p.readsDivert && first < STAGE_DB) break;
          demand += cls === CLASS_READ ? q.dbReadDemandMs : q.dbWriteDemandMs;
          fanout = cls === CLASS_WRITE;
        } else demand += s === STAGE_WEB ? q.webDemandMs : q.appDemandMs;
        s++;
      }
      return { demandMs: demand, next: s, error: ERR_NONE, fanout };
    }
    default:
      return { demandMs: 0, next: STAGE_DONE, error: ERR_CANNOT_SERVE, fanout: false };
  }
}
