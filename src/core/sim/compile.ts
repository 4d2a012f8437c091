/**
 * Compiles a topology into the kernel's struct-of-arrays network: stations (a users node, a DNS
 * name, a load balancer, or a machine; an auto scaling group gets one machine slot per possible
 * instance), what each machine does with a request arriving at each stage (web → app → db) and
 * class (read/write), the routes it sends the rest of the work along (CSR: routes → entries), a
 * topological order (back edges of call cycles are marked and carry last step's values), and
 * the diagnostics of everything that cannot work.
 *
 * The routing semantics match the reference engine (des/compile.ts): a machine runs the roles it
 * has from the arriving stage on, in order; stages before its first role are skipped (an app
 * server straight behind a load balancer); the next stage is asked of a callee (app: a linked
 * server/ASG running app, or a load balancer in front of such; db: per shard, reads to caches,
 * else the shard's replicas, else its primary; writes to the primary, else through caches).
 * A server that holds the database itself answers its own queries (its linked database gets
 * none), except that reads divert to linked replicas or caches.
 * Contract: pure; reads the topology and the model's catalogues; no DOM, no clock, no run state.
 */
import type { Link, Topology } from '../model/schema';
import {
  APPLY_BIT,
  CLASS_READ,
  CLASS_WRITE,
  DB_CACHE,
  DB_NONE,
  DB_PRIMARY,
  DB_REPLICA,
  ERR_CANNOT_SERVE,
  ERR_NONE,
  ERR_READ_ONLY,
  INTERNET_RTT_MS,
  K_DNS,
  K_LB,
  K_MACHINE,
  K_USERS,
  M_CACHE,
  M_NONE,
  M_PRIMARY,
  M_REPLICA,
  M_SERVER,
  NEXT_CACHE,
  POL_COHORT,
  POL_FANOUT,
  POL_LEAST,
  POL_P2C,
  POL_RANDOM,
  POL_RR,
  POL_WEIGHTED,
  PORTS,
  ROLE_APP,
  ROLE_WEB,
  RS_APPLY,
  RS_SAME,
  R_APP,
  R_DB_READ,
  R_DB_WRITE,
  R_FORWARD,
  R_REPL,
  STAGE_APP,
  STAGE_DB,
  STAGE_DONE,
  STAGE_WEB,
  azIndex,
  holdsDb,
  instanceOf,
  linkRttMs,
  pathBlocked,
  planPort,
  rolesOf,
  shardShares,
  targetMisconfig,
} from './semantics';
import { markBackEdges, topoOrder } from './graph';

import { diag } from './diagnostics';
import type { Diagnostic } from './types';

export * from './semantics';

export interface LbInfo {
  node: number;
  station: number;
  route: number;
  id: string;
}
export interface DnsInfo {
  node: number;
  station: number;
  route: number;
  id: string;
  /** Entries of users → this DNS (their flows give each users node's share). */
  inEntries: number[];
  /** Users stations behind `inEntries`, same order. */
  inUsers: number[];
}
export interface AsgInfo {
  node: number;
  id: string;
  slotStart: number;
  slotCount: number;
  /** LB forward routes that list this group's slots. */
  lbRoutes: number[];
}
export interface UsersInfo {
  node: number;
  station: number;
  route: number;
  id: string;
}
/** A caller with several primaries: shares of its traffic per shard (index = shard). */
export interface ShardGroup {
  station: number;
  first: number;
  count: number;
  /** Per users node (index into `users`), the share of each shard; the rest has no shard. */
  sharesByUsers: Float64Array[];
}

export interface Compiled {
  topo: Topology;
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  linkIds: string[];
  linkIndex: Map<string, number>;
  nSt: number;
  /** Stations of node i are nodeFirst[i] .. nodeFirst[i + 1] − 1 (they are contiguous). */
  nodeFirst: Int32Array;
  stNode: Int32Array;
  stKind: Uint8Array;
  stMach: Int8Array;
  /** Slot number inside its auto scaling group, or −1. */
  stSlot: Int32Array;
  stAsg: Int32Array;
  stCores: Float64Array;
  stSpeed: Float64Array;
  stPrice: Float64Array;
  stLimit: Float64Array;
  stCs2: Float64Array;
  /** Seconds of one replicated write's apply on this replica (at its core speed). */
  stApplyS: Float64Array;
  stHit: Float64Array;
  /** 0..2 for a machine's zone, −1 for network nodes (ASG slots get theirs at launch). */
  stAz: Int8Array;
  /** Bit (stage * 2 + class) set when that port can receive requests; APPLY_BIT for replicated writes. */
  stActive: Uint8Array;
  /** Per port: service seconds at nominal speed, next stage, arrival error, replicate flag. */
  pDemand: Float64Array;
  pNext: Int8Array;
  pErr: Int8Array;
  pFan: Uint8Array;
  nRoutes: number;
  rOwner: Int32Array;
  rPolicy: Uint8Array;
  rStage: Int8Array;
  rRole: Uint8Array;
  rStart: Int32Array;
  rEnd: Int32Array;
  nEnt: number;
  eRoute: Int32Array;
  eTarget: Int32Array;
  eLink: Int32Array;
  /** Fixed round trip in ms, or −1 to take it from the two stations' zones. */
  eRtt: Float64Array;
  eWeight: Float64Array;
  /** Back edge of a call cycle: carries last step's flow. */
  eLag: Uint8Array;
  /** Part of a routing loop: ignored, its share fails. */
  eLoop: Uint8Array;
  stForward: Int32Array;
  stApp: Int32Array;
  stRepl: Int32Array;
  /** Db routes per shard: stShardFirst..+stShardCount index shardRead/shardWrite. */
  stShardFirst: Int32Array;
  stShardCount: Int32Array;
  shardRead: Int32Array;
  shardWrite: Int32Array;
  /** Shard group per station (or −1) when it has two or more primaries. */
  stShardGroup: Int32Array;
  shardGroups: ShardGroup[];
  order: Int32Array;
  /** Position of each station in `order`. */
  rank: Int32Array;
  lbs: LbInfo[];
  dnses: DnsInfo[];
  asgs: AsgInfo[];
  users: UsersInfo[];
  /** Static diagnostics (dynamic ones are added by the kernel). */
  diagnostics: Diagnostic[];
}

/** Extra DNS entries carried over a topology change: addresses cohorts still have cached. */
export interface CompileExtras {
  ghostRecords?: ReadonlyMap<string, readonly string[]>;
}

/** Slots preallocated for an auto scaling group: its maximum, plus room for instances draining. */
export const asgSlots = (maxSize: number): number => Math.max(2, 2 * maxSize + 2);

/**
 * Builds the kernel network of a topology (already validated by `parseTopology`).
 * @example const net = compile(topology); net.order // stations in topological order
 */
export function compile(topo: Topology, extras: CompileExtras = {}): Compiled {
  const nodes = topo.nodes;
  const nodeIds = nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const linkIds = topo.links.map((l) => l.id);
  const linkIndex = new Map(linkIds.map((id, i) => [id, i]));
  const diagnostics: Diagnostic[] = [];

  // --- stations -------------------------------------------------------------------------------
  const stationsOf: number[][] = nodes.map(() => []);
  const stNodeL: number[] = [];
  const stSlotL: number[] = [];
  nodes.forEach((n, i) => {
    const count = n.kind === 'asg' ? asgSlots(n.params.maxSize) : 1;
    for (let k = 0; k < count; k++) {
      stationsOf[i]!.push(stNodeL.length);
      stNodeL.push(i);
      stSlotL.push(n.kind === 'asg' ? k : -1);
    }
  });
  const nSt = stNodeL.length;
  const stNode = Int32Array.from(stNodeL);
  const nodeFirst = new Int32Array(nodes.length + 1);
  nodes.forEach((_, i) => (nodeFirst[i] = stationsOf[i]![0]!));
  nodeFirst[nodes.length] = nSt;
  const stSlot = Int32Array.from(stSlotL);
  const stAsg = new Int32Array(nSt).fill(-1);
  const stKind = new Uint8Array(nSt);
  const stMach = new Int8Array(nSt).fill(M_NONE);
  const stCores = new Float64Array(nSt);
  const stSpeed = new Float64Array(nSt).fill(1);
  const stPrice = new Float64Array(nSt);
  const stLimit = new Float64Array(nSt).fill(Infinity);
  const stCs2 = new Float64Array(nSt).fill(1);
  const stApplyS = new Float64Array(nSt);
  const stHit = new Float64Array(nSt);
  const stAz = new Int8Array(nSt).fill(-1);
  for (let s = 0; s < nSt; s++) {
    const n = nodes[stNode[s]!]!;
    switch (n.kind) {
      case 'users':
        stKind[s] = K_USERS;
        break;
      case 'dns':
        stKind[s] = K_DNS;
        break;
      case 'lb':
        stKind[s] = K_LB;
        break;
      default: {
        stKind[s] = K_MACHINE;
        stMach[s] =
          n.kind === 'dbPrimary'
            ? M_PRIMARY
            : n.kind === 'dbReplica'
              ? M_REPLICA
              : n.kind === 'cache'
                ? M_CACHE
                : M_SERVER;
        const it = instanceOf(n)!;
        stCores[s] = it.vcpu;
        stSpeed[s] = it.speed;
        stPrice[s] = it.pricePerHour;
        stAz[s] = n.kind === 'asg' ? -1 : azIndex(n);
        if ('queueLimit' in n.params) {
          stLimit[s] = n.params.queueLimit;
          stCs2[s] = n.params.demandCv * n.params.demandCv;
        }
        if (n.kind === 'dbReplica') stApplyS[s] = n.params.applyDemandMs / 1000 / it.speed;
        if (n.kind === 'cache') stHit[s] = n.params.hitRatio;
      }
    }
  }

  // --- links per node ------------------------------------------------------------------------
  const out: { link: Link; li: number; to: number }[][] = nodes.map(() => []);
  const inPrimaries: number[][] = nodes.map(() => []);
  topo.links.forEach((l, li) => {
    const a = nodeIndex.get(l.from);
    const b = nodeIndex.get(l.to);
    if (a === undefined || b === undefined || a === b) return;
    out[a]!.push({ link: l, li, to: b });
    if (holdsDb(nodes[a]!) && nodes[b]!.kind === 'dbReplica') inPrimaries[b]!.push(a);
  });

  const appMemo = new Map<number, boolean>();
  const canApp = (i: number, seen = new Set<number>()): boolean => {
    const hit = appMemo.get(i);
    if (hit !== undefined) return hit;
    const n = nodes[i]!;
    let r = false;
    if (n.kind === 'server' || n.kind === 'asg') r = (rolesOf(n) & ROLE_APP) !== 0;
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
  const primariesBehind = (i: number, seen = new Set<number>()): number[] => {
    const n = nodes[i]!;
    if (n.kind === 'dbReplica') return inPrimaries[i]!;
    if (n.kind === 'lb' && !seen.has(i)) {
      seen.add(i);
      return out[i]!.flatMap((e) => primariesBehind(e.to, seen));
    }
    return [];
  };

  // --- routes --------------------------------------------------------------------------------
  const rOwnerL: number[] = [];
  const rPolicyL: number[] = [];
  const rStageL: number[] = [];
  const rRoleL: number[] = [];
  const rStartL: number[] = [];
  const rEndL: number[] = [];
  const eRouteL: number[] = [];
  const eTargetL: number[] = [];
  const eLinkL: number[] = [];
  const eRttL: number[] = [];
  const eWeightL: number[] = [];
  type Hop = { link: Link | null; li: number; to: number };
  const addRoute = (
    owner: number,
    policy: number,
    stage: number,
    role: number,
    hops: readonly Hop[],
  ): number => {
    const r = rOwnerL.length;
    rOwnerL.push(owner);
    rPolicyL.push(policy);
    rStageL.push(stage);
    rRoleL.push(role);
    rStartL.push(eTargetL.length);
    const from = nodes[stNode[owner]!]!;
    for (const h of hops) {
      const to = nodes[h.to]!;
      const rtt = h.link ? linkRttMs(h.link, from, to) : from.kind === 'dns' ? INTERNET_RTT_MS : -1;
      for (const t of stationsOf[h.to]!) {
        eRouteL.push(r);
        eTargetL.push(t);
        eLinkL.push(h.li);
        eRttL.push(rtt);
        eWeightL.push(h.link ? h.link.weight : 1);
      }
    }
    rEndL.push(eTargetL.length);
    return r;
  };

  const stForward = new Int32Array(nSt).fill(-1);
  const stApp = new Int32Array(nSt).fill(-1);
  const stRepl = new Int32Array(nSt).fill(-1);
  const stShardFirst = new Int32Array(nSt);
  const stShardCount = new Int32Array(nSt);
  const stShardGroup = new Int32Array(nSt).fill(-1);
  const shardReadL: number[] = [];
  const shardWriteL: number[] = [];
  const shardGroups: ShardGroup[] = [];
  const readsDivert = new Uint8Array(nSt);
  const lbs: LbInfo[] = [];
  const dnses: DnsInfo[] = [];
  const users: UsersInfo[] = [];
  const asgs: AsgInfo[] = [];
  const usersNodes = nodes.flatMap((n, i) => (n.kind === 'users' ? [i] : []));

  nodes.forEach((n, i) => {
    const links = out[i]!;
    const hops: Hop[] = links.map((e) => ({ link: e.link, li: e.li, to: e.to }));
    if (n.kind === 'asg') {
      const first = stationsOf[i]![0]!;
      asgs.push({
        node: i,
        id: n.id,
        slotStart: first,
        slotCount: stationsOf[i]!.length,
        lbRoutes: [],
      });
      for (const s of stationsOf[i]!) stAsg[s] = asgs.length - 1;
    }
    for (const s of stationsOf[i]!) {
      switch (n.kind) {
        case 'users':
          stForward[s] = addRoute(s, POL_WEIGHTED, RS_SAME, R_FORWARD, hops);
          users.push({ node: i, station: s, route: stForward[s]!, id: n.id });
          break;
        case 'dns': {
          const ghosts = (extras.ghostRecords?.get(n.id) ?? [])
            .map((id) => nodeIndex.get(id))
            .filter((x): x is number => x !== undefined && !links.some((e) => e.to === x));
          const all: Hop[] = [...hops, ...ghosts.map((to) => ({ link: null, li: -1, to }))];
          stForward[s] = addRoute(
            s,
            n.params.policy === 'weighted' ? POL_WEIGHTED : POL_COHORT,
            RS_SAME,
            R_FORWARD,
            all,
          );
          dnses.push({
            node: i,
            station: s,
            route: stForward[s]!,
            id: n.id,
            inEntries: [],
            inUsers: [],
          });
          break;
        }
        case 'lb': {
          const pol =
            n.params.algorithm === 'random'
              ? POL_RANDOM
              : n.params.algorithm === 'least_outstanding'
                ? POL_LEAST
                : n.params.algorithm === 'p2c'
                  ? POL_P2C
                  : n.params.algorithm === 'weighted'
                    ? POL_WEIGHTED
                    : POL_RR;
          stForward[s] = addRoute(s, pol, RS_SAME, R_FORWARD, hops);
          lbs.push({ node: i, station: s, route: stForward[s]!, id: n.id });
          break;
        }
        case 'cache':
          stForward[s] = addRoute(
            s,
            POL_RR,
            RS_SAME,
            R_FORWARD,
            hops.filter((h) => dbClass(h.to) === DB_NONE),
          );
          buildDb(s, i, hops);
          break;
        case 'server':
        case 'asg':
          stApp[s] = addRoute(
            s,
            POL_RR,
            STAGE_APP,
            R_APP,
            hops.filter((h) => canApp(h.to)),
          );
          buildDb(s, i, hops);
          break;
        default:
          break;
      }
      if (holdsDb(n)) {
        const reps = hops.filter((h) => nodes[h.to]!.kind === 'dbReplica');
        if (reps.length > 0) stRepl[s] = addRoute(s, POL_FANOUT, RS_APPLY, R_REPL, reps);
      }
    }
  });

  function buildDb(s: number, i: number, hops: Hop[]) {
    const primaries = hops.filter((h) => dbClass(h.to) === DB_PRIMARY);
    const replicas = hops.filter((h) => dbClass(h.to) === DB_REPLICA);
    const caches = hops.filter((h) => dbClass(h.to) === DB_CACHE);
    readsDivert[s] = replicas.length > 0 || caches.length > 0 ? 1 : 0;
    const shards = Math.max(1, primaries.length);
    stShardFirst[s] = shardReadL.length;
    stShardCount[s] = primaries.length + replicas.length + caches.length > 0 ? shards : 0;
    if (stShardCount[s] === 0) return;
    for (let k = 0; k < shards; k++) {
      const primary = primaries.length > 0 ? [primaries[k]!] : [];
      const reps =
        primaries.length >= 2
          ? replicas.filter((h) => {
              const ps = primariesBehind(h.to);
              return ps.length === 0 || ps.includes(primaries[k]!.to);
            })
          : replicas;
      const read = caches.length > 0 ? caches : reps.length > 0 ? reps : primary;
      const write = primary.length > 0 ? primary : caches;
      shardReadL.push(addRoute(s, POL_RR, STAGE_DB, R_DB_READ, read));
      shardWriteL.push(addRoute(s, POL_RR, STAGE_DB, R_DB_WRITE, write));
    }
    if (primaries.length >= 2) {
      const specs = primaries.map((h) => nodes[h.to]!);
      stShardGroup[s] = shardGroups.length;
      shardGroups.push({
        station: s,
        first: stShardFirst[s]!,
        count: shards,
        sharesByUsers: usersNodes.map((u) =>
          shardShares(specs, nodes[u]!, s === stationsOf[i]![0] ? diagnostics : null, nodes[i]!.id),
        ),
      });
    }
  }

  const nRoutes = rOwnerL.length;
  const nEnt = eTargetL.length;
  const eRoute = Int32Array.from(eRouteL);
  const eTarget = Int32Array.from(eTargetL);
  const rOwner = Int32Array.from(rOwnerL);
  const rStart = Int32Array.from(rStartL);
  const rEnd = Int32Array.from(rEndL);
  const rStage = Int8Array.from(rStageL);
  const rRole = Uint8Array.from(rRoleL);
  for (const a of asgs)
    for (const lb of lbs)
      for (let e = rStart[lb.route]!; e < rEnd[lb.route]!; e++)
        if (stAsg[eTarget[e]!] === asgs.indexOf(a) && !a.lbRoutes.includes(lb.route))
          a.lbRoutes.push(lb.route);
  for (const d of dnses)
    for (const u of users)
      for (let e = rStart[u.route]!; e < rEnd[u.route]!; e++)
        if (eTarget[e] === d.station) {
          d.inEntries.push(e);
          d.inUsers.push(u.station);
        }

  // --- per-port plans -------------------------------------------------------------------------
  const pDemand = new Float64Array(nSt * PORTS);
  const pNext = new Int8Array(nSt * PORTS).fill(STAGE_DONE);
  const pErr = new Int8Array(nSt * PORTS);
  const pFan = new Uint8Array(nSt * PORTS);
  for (let s = 0; s < nSt; s++) {
    const n = nodes[stNode[s]!]!;
    for (let stage = STAGE_WEB; stage <= STAGE_DB; stage++)
      for (let cls = CLASS_READ; cls <= CLASS_WRITE; cls++) {
        const k = s * PORTS + stage * 2 + cls;
        planPort(n, stage, cls, readsDivert[s] === 1, stSpeed[s]!, k, pDemand, pNext, pErr, pFan);
      }
  }

  // --- order, cycles and loops ----------------------------------------------------------------
  const eLag = new Uint8Array(nEnt);
  const eLoop = new Uint8Array(nEnt);
  const outEnt: number[][] = Array.from({ length: nSt }, () => []);
  for (let e = 0; e < nEnt; e++) outEnt[rOwner[eRoute[e]!]!]!.push(e);
  // A request only gets closer to an answer when a machine does work for a later stage; routers
  // and caches hand the same stage on, so a cycle of such hops is a routing loop.
  const sameStage = (e: number) =>
    rStage[eRoute[e]!] === RS_SAME || stMach[rOwner[eRoute[e]!]!] === M_CACHE;
  markBackEdges(nSt, outEnt, eTarget, (e) => sameStage(e), eLoop);
  markBackEdges(nSt, outEnt, eTarget, (e) => eLoop[e] === 0, eLag);
  const order = topoOrder(nSt, outEnt, eTarget, (e) => eLoop[e] === 0 && eLag[e] === 0);
  const rank = new Int32Array(nSt);
  order.forEach((s, i) => (rank[s] = i));

  // --- reachability of ports -------------------------------------------------------------------
  const stActive = new Uint8Array(nSt);
  const queue: number[] = [];
  const mark = (s: number, bit: number) => {
    if ((stActive[s]! & bit) === 0) {
      stActive[s]! |= bit;
      queue.push(s, bit);
    }
  };
  for (const u of users) {
    mark(u.station, 1 << (STAGE_WEB * 2 + CLASS_READ));
    mark(u.station, 1 << (STAGE_WEB * 2 + CLASS_WRITE));
  }
  const pushRoute = (r: number, stage: number, cls: number) => {
    if (r < 0) return;
    const st = rStage[r]!;
    const bit = st === RS_APPLY ? APPLY_BIT : 1 << ((st === RS_SAME ? stage : st) * 2 + cls);
    for (let e = rStart[r]!; e < rEnd[r]!; e++) if (eLoop[e] === 0) mark(eTarget[e]!, bit);
  };
  while (queue.length > 0) {
    const bit = queue.pop()!;
    const s = queue.pop()!;
    if (bit === APPLY_BIT) continue;
    const port = Math.log2(bit);
    const stage = port >> 1;
    const cls = port & 1;
    if (stKind[s] !== K_MACHINE) {
      pushRoute(stForward[s]!, stage, cls);
      continue;
    }
    const k = s * PORTS + port;
    if (pErr[k] !== ERR_NONE) continue;
    const next = pNext[k]!;
    if (pFan[k]) pushRoute(stRepl[s]!, stage, cls);
    if (next === STAGE_APP) pushRoute(stApp[s]!, stage, cls);
    else if (next === STAGE_DB || (next === NEXT_CACHE && stage === STAGE_DB)) {
      for (let j = 0; j < stShardCount[s]!; j++)
        pushRoute(
          (cls === CLASS_READ ? shardReadL : shardWriteL)[stShardFirst[s]! + j]!,
          stage,
          cls,
        );
    } else if (next === NEXT_CACHE) pushRoute(stForward[s]!, stage, cls);
  }

  // --- static diagnostics ---------------------------------------------------------------------
  const seen = new Set<string>();
  const add = (dg: Diagnostic) => {
    const key = `${dg.node}\u0000${dg.code}\u0000${dg.message.en}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(dg);
    }
  };
  for (let s = 0; s < nSt; s++) {
    const n = nodes[stNode[s]!]!;
    if (stSlot[s]! > 0) continue; // one report per group
    const act = stActive[s]! | (stSlot[s] === 0 ? activeOfGroup(s) : 0);
    if (act === 0) continue;
    if (stKind[s] !== K_MACHINE) {
      if (stForward[s]! >= 0 && rEnd[stForward[s]!]! === rStart[stForward[s]!]!)
        add(diag.noTargets(n.id));
      continue;
    }
    for (let stage = 0; stage < 3; stage++) {
      for (let cls = 0; cls < 2; cls++) {
        if ((act & (1 << (stage * 2 + cls))) === 0) continue;
        const k = s * PORTS + stage * 2 + cls;
        if (pErr[k] === ERR_CANNOT_SERVE) add(diag.cannotServe(n.id, stage));
        else if (pErr[k] === ERR_READ_ONLY) add(diag.readOnly(n.id));
        const next = pNext[k]!;
        if (next === STAGE_APP && (stApp[s]! < 0 || rEnd[stApp[s]!] === rStart[stApp[s]!]))
          add(diag.missingApp(n.id));
        if (next === STAGE_DB || (next === NEXT_CACHE && stage === STAGE_DB)) {
          if (stShardCount[s] === 0) add(diag.missingDb(n.id));
          else if (cls === CLASS_WRITE) {
            for (let j = 0; j < stShardCount[s]!; j++) {
              const r = shardWriteL[stShardFirst[s]! + j]!;
              if (rEnd[r] === rStart[r]) add(diag.noPrimary(n.id));
            }
          }
        }
        if (
          next === NEXT_CACHE &&
          stage !== STAGE_DB &&
          rEnd[stForward[s]!] === rStart[stForward[s]!]
        )
          add(diag.noTargets(n.id));
      }
    }
  }
  function activeOfGroup(s0: number): number {
    let m = 0;
    const a = stAsg[s0]!;
    for (let s = s0; s < nSt && stAsg[s] === a; s++) m |= stActive[s]!;
    return m;
  }
  nodes.forEach((n, i) => {
    if (n.kind === 'lb' && n.params.sgPort !== n.params.listenerPort)
      add(diag.listenerBlocked(n.id, n.params.sgPort, n.params.listenerPort));
    if (
      n.kind === 'dbReplica' &&
      inPrimaries[i]!.length === 0 &&
      stActive[stationsOf[i]![0]!]! !== 0
    )
      add(diag.replicaNoPrimary(n.id));
    if ((n.kind === 'server' || n.kind === 'asg') && holdsDb(n)) {
      const ext = out[i]!.find(
        (e) =>
          nodes[e.to]!.kind === 'dbPrimary' ||
          (nodes[e.to]!.kind === 'server' && holdsDb(nodes[e.to]!)),
      );
      if (ext && (rolesOf(n) & (ROLE_WEB | ROLE_APP)) !== 0)
        add(diag.unusedDbRole(n.id, nodes[ext.to]!.id));
    }
    for (const e of out[i]!) {
      const reason = pathBlocked(n, nodes[e.to]!);
      if (reason) add(diag.blockedBySecurityGroup(nodes[e.to]!.id, n.id, reason === 'internet'));
    }
  });
  for (let e = 0; e < nEnt; e++) {
    const from = nodes[stNode[rOwner[eRoute[e]!]!]!]!.id;
    const to = nodes[stNode[eTarget[e]!]!]!.id;
    if (eLoop[e]) add(diag.routingLoop(from, to));
    else if (eLag[e]) add(diag.cycle(from, to));
  }

  for (const lb of lbs) {
    const n = nodes[lb.node]!;
    if (n.kind !== 'lb') continue;
    for (const e of out[lb.node]!) {
      const t = nodes[e.to]!;
      const reason = targetMisconfig(n, t);
      if (reason === 'wrongPort' && 'listenPort' in t.params)
        add(diag.wrongPort(t.id, n.id, n.params.targetPort, t.params.listenPort));
      else if (reason === 'pathNotAnswered') add(diag.pathNotAnswered(t.id, n.id, n.params.hcPath));
      else if (reason === 'securityGroup') add(diag.securityGroup(t.id, n.id, n.params.targetPort));
    }
  }

  return {
    topo,
    nodeIds,
    nodeIndex,
    linkIds,
    linkIndex,
    nSt,
    nodeFirst,
    stNode,
    stKind,
    stMach,
    stSlot,
    stAsg,
    stCores,
    stSpeed,
    stPrice,
    stLimit,
    stCs2,
    stApplyS,
    stHit,
    stAz,
    stActive,
    pDemand,
    pNext,
    pErr,
    pFan,
    nRoutes,
    rOwner,
    rPolicy: Uint8Array.from(rPolicyL),
    rStage,
    rRole,
    rStart,
    rEnd,
    nEnt,
    eRoute,
    eTarget,
    eLink: Int32Array.from(eLinkL),
    eRtt: Float64Array.from(eRttL),
    eWeight: Float64Array.from(eWeightL),
    eLag,
    eLoop,
    stForward,
    stApp,
    stRepl,
    stShardFirst,
    stShardCount,
    shardRead: Int32Array.from(shardReadL),
    shardWrite: Int32Array.from(shardWriteL),
    stShardGroup,
    shardGroups,
    order,
    rank,
    lbs,
    dnses,
    asgs,
    users,
    diagnostics,
  };
}

/** Per entry: 1 when the callee's security group drops the caller's requests. */
export function blockedEntries(net: Compiled): Uint8Array {
  const out = new Uint8Array(net.nEnt);
  const nodes = net.topo.nodes;
  for (let e = 0; e < net.nEnt; e++) {
    const from = nodes[net.stNode[net.rOwner[net.eRoute[e]!]!]!]!;
    const to = nodes[net.stNode[net.eTarget[e]!]!]!;
    if (net.rStage[net.eRoute[e]!] !== RS_APPLY && pathBlocked(from, to)) out[e] = 1;
  }
  return out;
}
