/**
 * The request semantics the kernel and its compiler share: station kinds, stages and classes,
 * routing policies, what a machine does with a request arriving at a stage, network round trips,
 * the configurations that make an LB's health checks or a direct call fail, and shard shares.
 * Contract: pure functions of topology nodes; no run state, no DOM.
 */
import { INSTANCE_TYPES } from '../model/instanceTypes';
import type { Link, TopologyNode } from '../model/schema';
import { diag } from './diagnostics';
import type { Diagnostic } from './types';

/** Internet round trip between the users and the first node they reach (ms). */
export const INTERNET_RTT_MS = 20;
/** Round trip inside one availability zone, and across zones (ms). */
export const SAME_AZ_RTT_MS = 0.25;
export const CROSS_AZ_RTT_MS = 1;

export const K_USERS = 0;
export const K_DNS = 1;
export const K_LB = 2;
export const K_MACHINE = 3;

export const M_NONE = -1;
export const M_SERVER = 0;
export const M_PRIMARY = 1;
export const M_REPLICA = 2;
export const M_CACHE = 3;

export const STAGE_WEB = 0;
export const STAGE_APP = 1;
export const STAGE_DB = 2;
export const STAGE_DONE = 3;
/** A cache decides after its lookup: hits are answered, misses go on. */
export const NEXT_CACHE = -1;

export const CLASS_READ = 0;
export const CLASS_WRITE = 1;
/** Ports per station: stage (3) × class (2), index stage * 2 + class. */
export const PORTS = 6;

/** stActive bit of a replica that receives replicated writes. */
export const APPLY_BIT = 64;

/** Failures at arrival (the request does no work here). */
export const ERR_NONE = 0;
export const ERR_CANNOT_SERVE = 1;
export const ERR_READ_ONLY = 2;
export const ERR_LISTENER = 3;

export const POL_RR = 0;
export const POL_RANDOM = 1;
export const POL_LEAST = 2;
export const POL_P2C = 3;
export const POL_WEIGHTED = 4;
/** DNS round robin per client cohort. */
export const POL_COHORT = 5;
/** Every entry receives the whole stream (a primary replicating writes). */
export const POL_FANOUT = 6;

/** What a route delivers: the arriving stage (routers), or a fixed one. */
export const RS_SAME = -1;
export const RS_APPLY = 9;

/** Route roles, for readability of the kernel. */
export const R_FORWARD = 0;
export const R_APP = 1;
export const R_DB_READ = 2;
export const R_DB_WRITE = 3;
export const R_REPL = 4;

export const ROLE_WEB = 1;
export const ROLE_APP = 2;
export const ROLE_DB = 4;
export const ROLE_BITS = [ROLE_WEB, ROLE_APP, ROLE_DB] as const;

export const instanceOf = (n: TopologyNode) =>
  'instanceType' in n.params ? INSTANCE_TYPES[n.params.instanceType] : null;
export const azIndex = (n: TopologyNode): number =>
  'az' in n.params ? (n.params.az === 'a' ? 0 : n.params.az === 'b' ? 1 : 2) : -1;
export const rolesOf = (n: TopologyNode): number =>
  n.kind === 'server' || n.kind === 'asg'
    ? n.params.roles.reduce(
        (m, r) => m | (r === 'web' ? ROLE_WEB : r === 'app' ? ROLE_APP : ROLE_DB),
        0,
      )
    : 0;
/** A machine that holds the database: a primary, or a server/ASG running the db role. */
export const holdsDb = (n: TopologyNode): boolean =>
  n.kind === 'dbPrimary' || (rolesOf(n) & ROLE_DB) !== 0;

export const DB_NONE = 0;
export const DB_REPLICA = 1;
export const DB_CACHE = 2;
export const DB_PRIMARY = 3;

/**
 * Round trip of a link in ms, or −1 when it follows the two machines' zones: the link's own
 * latency, else the internet from the users (a DNS answer is the users' own connection, so the
 * users → DNS hop costs nothing and DNS → record costs the internet round trip), else the zone
 * default. A load balancer spans every zone and has a node in the target's zone, so its hops
 * count as same-zone.
 */
export function linkRttMs(link: Link, from: TopologyNode, to: TopologyNode): number {
  if (link.latencyMs !== null) return link.latencyMs;
  if (from.kind === 'users') return to.kind === 'dns' ? 0 : INTERNET_RTT_MS;
  if (from.kind === 'dns') return INTERNET_RTT_MS;
  if (from.kind === 'lb' || to.kind === 'lb') return SAME_AZ_RTT_MS;
  return -1;
}

/**
 * Why an LB's health checks fail against a target because of configuration (not load or death):
 * HTTP checks need the path among the target's answered paths; the target must listen on the
 * target port (the check port is the traffic port unless hcPort is set); its security group must
 * admit the LB on that port.
 */
export function targetMisconfig(
  lb: TopologyNode & { kind: 'lb' },
  t: TopologyNode,
): 'ok' | 'wrongPort' | 'pathNotAnswered' | 'securityGroup' {
  if (!('listenPort' in t.params)) return 'ok';
  const p = lb.params;
  const tp = t.params;
  if (p.targetPort !== tp.listenPort) return 'wrongPort';
  const checkPort = p.hcPort === 0 ? p.targetPort : p.hcPort;
  if (checkPort !== tp.listenPort) return 'wrongPort';
  if (tp.sgPort !== p.targetPort || tp.sgSource === 'my-ip') return 'securityGroup';
  if (p.hcProtocol === 'HTTP' && !tp.answersPaths.split(/\s+/).includes(p.hcPath))
    return 'pathNotAnswered';
  return 'ok';
}

/**
 * Whether a direct call (not through a load balancer, whose checks handle it) is dropped by the
 * callee's security group: it must admit the caller's source on the port it listens on. Callers
 * on the internet (users, a DNS answer) need "anywhere"; machines in the VPC need "anywhere" or
 * "vpc"; "lb" admits only load balancers and "my-ip" only the administrator.
 */
export function pathBlocked(from: TopologyNode, to: TopologyNode): 'internet' | 'vpc' | null {
  if (from.kind === 'lb' || !('sgSource' in to.params)) return null;
  const p = to.params;
  const internet = from.kind === 'users' || from.kind === 'dns';
  const sourceOk = p.sgSource === 'anywhere' || (!internet && p.sgSource === 'vpc');
  if (sourceOk && p.sgPort === p.listenPort) return null;
  return internet ? 'internet' : 'vpc';
}

/** What a machine does with a request arriving at a stage (mirrors the reference engine). */
export function planPort(
  n: TopologyNode,
  stage: number,
  cls: number,
  divert: boolean,
  speed: number,
  k: number,
  pDemand: Float64Array,
  pNext: Int8Array,
  pErr: Int8Array,
  pFan: Uint8Array,
): void {
  const done = (ms: number, fan = false) => {
    pDemand[k] = ms / 1000 / speed;
    pNext[k] = STAGE_DONE;
    pFan[k] = fan ? 1 : 0;
  };
  switch (n.kind) {
    case 'dbPrimary':
      if (cls === CLASS_READ) done(n.params.readDemandMs);
      else done(n.params.writeDemandMs, true);
      return;
    case 'dbReplica':
      if (cls === CLASS_READ) done(n.params.readDemandMs);
      else pErr[k] = ERR_READ_ONLY;
      return;
    case 'cache':
      pDemand[k] = n.params.hitDemandMs / 1000 / speed;
      pNext[k] = NEXT_CACHE;
      return;
    case 'server':
    case 'asg': {
      const q = n.params;
      const roles = rolesOf(n);
      let s = stage;
      while (s <= STAGE_DB && (roles & ROLE_BITS[s]!) === 0) s++;
      if (s > STAGE_DB) {
        pErr[k] = ERR_CANNOT_SERVE;
        return;
      }
      let ms = 0;
      let fan = false;
      const first = s;
      while (s <= STAGE_DB && (roles & ROLE_BITS[s]!) !== 0) {
        if (s === STAGE_DB) {
          if (cls === CLASS_READ && divert && first < STAGE_DB) break;
          ms += cls === CLASS_READ ? q.dbReadDemandMs : q.dbWriteDemandMs;
          fan = cls === CLASS_WRITE;
        } else ms += s === STAGE_WEB ? q.webDemandMs : q.appDemandMs;
        s++;
      }
      pDemand[k] = ms / 1000 / speed;
      pNext[k] = s;
      pFan[k] = fan ? 1 : 0;
      return;
    }
    case 'lb':
      if (n.params.sgPort !== n.params.listenerPort) pErr[k] = ERR_LISTENER;
      return;
    default:
      return;
  }
}

/**
 * Shares of a users node's traffic per shard (index = shard in link order); what is left has no
 * shard. Hash sharding: user u belongs to shard u mod n. Range sharding: user u (of N) sits at
 * 100·u/N % of the id range and belongs to the first shard whose [from, to) holds it.
 * Every user sends an equal part of (1 − hotUserShare) of the traffic; the hot user, user 0, sends
 * hotUserShare of all traffic on top, so its shard is hotter by that much.
 */
export function shardShares(
  specs: readonly TopologyNode[],
  usersNode: TopologyNode,
  diagnostics: Diagnostic[] | null,
  caller: string,
): Float64Array {
  const n = specs.length;
  const out = new Float64Array(n);
  if (usersNode.kind !== 'users') return out;
  const N = usersNode.params.distinctUsers;
  const hot = Math.min(1, Math.max(0, usersNode.params.hotUserShare));
  const allRange = specs.every((s) => s.kind === 'dbPrimary' && s.params.shardStrategy === 'range');
  const counts = new Float64Array(n);
  let owner0 = -1;
  if (!allRange) {
    for (let k = 0; k < n; k++) counts[k] = k < N ? Math.floor((N - 1 - k) / n) + 1 : 0;
    owner0 = 0;
  } else {
    const lo = specs.map((s) =>
      s.kind === 'dbPrimary' ? Math.ceil((s.params.shardFromPct * N) / 100) : 0,
    );
    const hi = specs.map((s) =>
      s.kind === 'dbPrimary' ? Math.ceil((s.params.shardToPct * N) / 100) : 0,
    );
    const cuts = [...new Set([0, N, ...lo, ...hi].filter((x) => x >= 0 && x <= N))].sort(
      (a, b) => a - b,
    );
    for (let j = 0; j + 1 < cuts.length; j++) {
      const a = cuts[j]!;
      const b = cuts[j + 1]!;
      const k = lo.findIndex((l, i) => l <= a && hi[i]! >= b && hi[i]! > l);
      if (k >= 0) {
        counts[k]! += b - a;
        if (a === 0) owner0 = k;
      } else if (diagnostics) diagnostics.push(diag.noShard(caller, (100 * a) / N, (100 * b) / N));
    }
    if (diagnostics)
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (Math.max(lo[i]!, lo[j]!) < Math.min(hi[i]!, hi[j]!))
            diagnostics.push(diag.shardOverlap(caller, specs[i]!.id, specs[j]!.id));
  }
  for (let k = 0; k < n; k++) out[k] = ((1 - hot) * counts[k]!) / N + (k === owner0 ? hot : 0);
  return out;
}
