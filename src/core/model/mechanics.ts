/**
 * Scale-out mechanics as pure topology operations: move a role to its own machine, add a read
 * replica, split a primary into shards, capture a server as an image and launch copies of it, and
 * the scale-up prediction. Each edit returns a new topology (the editor records it as one undo
 * step) or a refusal with a bilingual reason.
 * Contract: pure; no DOM, no React, no stores, no clock.
 */
import { INSTANCE_TYPES, type InstanceTypeName } from './instanceTypes';
import { KINDS, canLink, type KindId } from './kinds';
import { defaultParams } from './params';
import {
  LIMITS,
  defaultImageName,
  type Link,
  type MachineImage,
  type Topology,
  type TopologyNode,
} from './schema';
import { nextId, type EditResult } from './ops';
import { fill, t, type Text } from './text';

export type Role = 'web' | 'app' | 'db';
const ROLE_ORDER: readonly Role[] = ['web', 'app', 'db'];
const ROLE_NAMES: Record<Role, Text> = {
  web: t('web', '웹'),
  app: t('app', '앱'),
  db: t('database', '데이터베이스'),
};

/** Where a new machine lands relative to the one it came from (px). */
export const SPLIT_OFFSET = { x: 300, y: 0 } as const;
/** Vertical distance between stacked machines: a node card with its live numbers is ~130 px tall. */
const STACK_GAP = 160;

/** A mechanics edit: the new topology and the ids of the nodes it created (to select them). */
export type MechanicsResult = EditResult<{ topology: Topology; created: string[] }>;

const refuse = (reason: Text): MechanicsResult => ({ ok: false, reason });
const noNode = (id: string) =>
  refuse(fill(t('No node "{id}".', '노드 "{id}"가 없습니다.'), { id }));

const findNode = (topo: Topology, id: string) => topo.nodes.find((n) => n.id === id);

/** Adds links (skipping any that exist or the kinds forbid) with fresh ids. */
function addLinks(topo: Topology, pairs: readonly (readonly [string, string])[]): Topology {
  const kinds = new Map(topo.nodes.map((n) => [n.id, n.kind]));
  const ids = new Set(topo.links.map((l) => l.id));
  const existing = new Set(topo.links.map((l) => `${l.from}\u0000${l.to}`));
  const links: Link[] = [...topo.links];
  for (const [from, to] of pairs) {
    const a = kinds.get(from);
    const b = kinds.get(to);
    const key = `${from}\u0000${to}`;
    if (!a || !b || from === to || !canLink(a, b) || existing.has(key)) continue;
    if (links.length >= LIMITS.links) break;
    const id = nextId(ids, 'link');
    ids.add(id);
    existing.add(key);
    links.push({ id, from, to, latencyMs: null, weight: 1, cut: false });
  }
  return { ...topo, links };
}

/** Inserts a node of `kind` with the given params at (x, y); the id comes from the kind's prefix. */
function insertNode(
  topo: Topology,
  kind: KindId,
  params: Record<string, unknown>,
  x: number,
  y: number,
  label?: (id: string) => string,
): { topology: Topology; id: string } {
  const id = nextId(new Set(topo.nodes.map((n) => n.id)), KINDS[kind].idPrefix);
  const node = {
    id,
    kind,
    label: label ? label(id).slice(0, LIMITS.label) : id,
    x: Math.round(x),
    y: Math.round(y),
    params: { ...defaultParams(KINDS[kind].params), ...params },
  } as TopologyNode; // params start from the kind's defaults; overrides are copied from the same kind
  return { topology: { ...topo, nodes: [...topo.nodes, node] }, id };
}

const full = (topo: Topology, extra = 1) => topo.nodes.length + extra > LIMITS.nodes;
const tooMany = () =>
  refuse(fill(t('At most {n} nodes.', '노드는 최대 {n}개입니다.'), { n: LIMITS.nodes }));

const callersOf = (topo: Topology, id: string) =>
  topo.links.filter((l) => l.to === id).map((l) => l.from);
const calleesOf = (topo: Topology, id: string) =>
  topo.links.filter((l) => l.from === id).map((l) => l.to);

/** The roles a server runs, in pipeline order. */
export const rolesOf = (node: TopologyNode): Role[] =>
  node.kind === 'server' || node.kind === 'asg'
    ? ROLE_ORDER.filter((r) => (node.params.roles as readonly string[]).includes(r))
    : [];

/**
 * Why `role` cannot be moved off `serverId`, or null when it can. A request runs a server's roles
 * in order (web → app → db), so only the first or the last role can leave: a middle one would
 * need the request to go out and come back.
 * @example splitRoleRefusal(topo, 'server-1', 'db') // null for a web+app+db box
 */
export function splitRoleRefusal(topo: Topology, serverId: string, role: Role): Text | null {
  const node = findNode(topo, serverId);
  if (!node) return fill(t('No node "{id}".', '노드 "{id}"가 없습니다.'), { id: serverId });
  if (node.kind !== 'server')
    return t(
      'Only a server can hand a role to a new machine.',
      '역할은 서버에서만 옮길 수 있습니다.',
    );
  const roles = rolesOf(node);
  const name = ROLE_NAMES[role];
  if (!roles.includes(role))
    return fill(
      t('This server does not run the {r} role.', '이 서버는 {rk} 역할을 하지 않습니다.'),
      {
        r: name.en,
        rk: name.ko,
      },
    );
  if (roles.length < 2)
    return t(
      'This is the only role on the server: there is nothing left to split off.',
      '이 서버의 유일한 역할이라 떼어 낼 것이 없습니다.',
    );
  if (roles[0] !== role && roles[roles.length - 1] !== role)
    return t(
      'The app role sits between web and database here: move the database (or web) off first.',
      '여기서는 앱 역할이 웹과 데이터베이스 사이에 있습니다. 데이터베이스(또는 웹)를 먼저 옮기세요.',
    );
  if (full(topo))
    return fill(t('At most {n} nodes.', '노드는 최대 {n}개입니다.'), { n: LIMITS.nodes });
  return null;
}

/**
 * Moves one role of a server to a new machine beside it: a database goes to a new DB primary, web
 * or app to a new server of the same instance type. With `repoint`, links follow the work: the
 * last role leaving means the server calls the new machine (and an app that leaves takes the
 * server's database links with it); the first role leaving means the server's callers call the new
 * machine instead, and it calls the server. Without `repoint` nothing is linked, so the kernel
 * reports the missing downstream on the server.
 * @example splitRole(topo, 'server-1', 'db', { repoint: true }) // server-1 → db-1
 */
export function splitRole(
  topo: Topology,
  serverId: string,
  role: Role,
  options: { repoint: boolean },
): MechanicsResult {
  const reason = splitRoleRefusal(topo, serverId, role);
  if (reason) return refuse(reason);
  const node = findNode(topo, serverId) as TopologyNode & { kind: 'server' };
  const p = node.params;
  const roles = rolesOf(node);
  const remaining = roles.filter((r) => r !== role);
  const x = node.x + SPLIT_OFFSET.x;
  const y = node.y + SPLIT_OFFSET.y;
  const name = (id: string) => `${ROLE_NAMES[role].en} ${id}`;
  const machine = {
    instanceType: p.instanceType,
    az: p.az,
    bootSec: p.bootSec,
    listenPort: p.listenPort,
    answersPaths: p.answersPaths,
    sgPort: p.sgPort,
    sgSource: p.sgSource,
    demandCv: p.demandCv,
    queueLimit: p.queueLimit,
  };
  const added =
    role === 'db'
      ? insertNode(
          topo,
          'dbPrimary',
          {
            ...machine,
            instanceType: 'r5.large',
            readDemandMs: p.dbReadDemandMs,
            writeDemandMs: p.dbWriteDemandMs,
          },
          x,
          y,
          name,
        )
      : insertNode(topo, 'server', { ...p, roles: [role] }, x, y, name);
  let next: Topology = {
    ...added.topology,
    nodes: added.topology.nodes.map((n) =>
      n.id === serverId ? ({ ...n, params: { ...n.params, roles: remaining } } as TopologyNode) : n,
    ),
  };
  if (options.repoint) {
    const newId = added.id;
    if (roles[roles.length - 1] === role) {
      const carry = role === 'app' ? calleesOf(next, serverId).map((c) => [newId, c] as const) : [];
      next = addLinks(next, [[serverId, newId], ...carry]);
    } else {
      const callers = callersOf(next, serverId);
      const moved = new Set(
        next.links.filter((l) => l.to === serverId && callers.includes(l.from)).map((l) => l.id),
      );
      next = { ...next, links: next.links.filter((l) => !moved.has(l.id)) };
      next = addLinks(next, [...callers.map((c) => [c, newId] as const), [newId, serverId]]);
    }
  }
  return { ok: true, topology: { topology: next, created: [added.id] } };
}

/**
 * Adds a read replica of a primary below it: the primary streams writes to it, and every caller of
 * the primary also calls the replica, so reads spread over the replicas.
 * @example addReplica(topo, 'db-1') // db-1 → replica-1, server-1 → replica-1
 */
export function addReplica(topo: Topology, primaryId: string): MechanicsResult {
  const primary = findNode(topo, primaryId);
  if (!primary) return noNode(primaryId);
  if (primary.kind !== 'dbPrimary')
    return refuse(
      t(
        'Replicas copy a DB primary: select one.',
        '복제본은 DB 프라이머리를 복사합니다. 프라이머리를 고르세요.',
      ),
    );
  if (full(topo)) return tooMany();
  const count = calleesOf(topo, primaryId).filter(
    (id) => findNode(topo, id)?.kind === 'dbReplica',
  ).length;
  const p = primary.params;
  const added = insertNode(
    topo,
    'dbReplica',
    {
      instanceType: p.instanceType,
      az: p.az,
      readDemandMs: p.readDemandMs,
      demandCv: p.demandCv,
      queueLimit: p.queueLimit,
    },
    primary.x + SPLIT_OFFSET.x,
    primary.y + STACK_GAP * count,
  );
  const callers = callersOf(topo, primaryId);
  const next = addLinks(added.topology, [
    [primaryId, added.id],
    ...callers.map((c) => [c, added.id] as const),
  ]);
  return { ok: true, topology: { topology: next, created: [added.id] } };
}

export type ShardStrategy = 'hash' | 'range';
export const MAX_SHARDS = 16;

/** Equal key ranges [from, to) in % covering [lo, hi), rounded to 0.01 %. */
export function equalRanges(n: number, lo = 0, hi = 100): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = i === 0 ? lo : Math.round((lo + ((hi - lo) * i) / n) * 100) / 100;
    const b = i === n - 1 ? hi : Math.round((lo + ((hi - lo) * (i + 1)) / n) * 100) / 100;
    out.push([a, b]);
  }
  return out;
}

/**
 * Splits a primary into `n` shards: the primary keeps the first part of the key space and n − 1 new
 * primaries take the rest; every caller of the primary calls all of them. Range: equal slices of
 * the primary's range. Hash: each user id goes to shard (id mod n) in link order.
 * @example shardPrimary(topo, 'db-1', 2, 'range') // db-1 [0, 50), db-2 [50, 100)
 */
export function shardPrimary(
  topo: Topology,
  primaryId: string,
  n: number,
  strategy: ShardStrategy,
): MechanicsResult {
  const primary = findNode(topo, primaryId);
  if (!primary) return noNode(primaryId);
  if (primary.kind !== 'dbPrimary')
    return refuse(
      t('Only a DB primary can be split into shards.', 'DB 프라이머리만 샤드로 나눌 수 있습니다.'),
    );
  if (!Number.isInteger(n) || n < 2 || n > MAX_SHARDS)
    return refuse(
      fill(
        t(
          'Shards must be a whole number from 2 to {m}.',
          '샤드 수는 2에서 {m} 사이의 정수여야 합니다.',
        ),
        {
          m: MAX_SHARDS,
        },
      ),
    );
  if (full(topo, n - 1)) return tooMany();
  const p = primary.params;
  const callerIds = new Set(callersOf(topo, primaryId));
  const mixed = topo.nodes.some(
    (x) =>
      x.kind === 'dbPrimary' &&
      x.id !== primaryId &&
      x.params.shardStrategy !== strategy &&
      topo.links.some((l) => l.to === x.id && callerIds.has(l.from)),
  );
  // Shards a caller sees must agree on how keys map to them, or some keys would have two homes.
  if (mixed)
    return refuse(
      t(
        'Its sibling shards use the other strategy: split with the same one.',
        '같은 호출자를 둔 다른 샤드가 다른 기준을 씁니다. 같은 기준으로 나누세요.',
      ),
    );
  const ranges =
    strategy === 'range'
      ? equalRanges(n, p.shardFromPct, Math.max(p.shardFromPct, p.shardToPct))
      : equalRanges(n, 0, 100).map(() => [0, 100] as [number, number]);
  const first = ranges[0] as [number, number];
  let next: Topology = {
    ...topo,
    nodes: topo.nodes.map((x) =>
      x.id === primaryId
        ? ({
            ...x,
            params: {
              ...x.params,
              shardStrategy: strategy,
              shardFromPct: first[0],
              shardToPct: first[1],
            },
          } as TopologyNode)
        : x,
    ),
  };
  const created: string[] = [];
  const callers = callersOf(topo, primaryId);
  for (let i = 1; i < n; i++) {
    const [from, to] = ranges[i] as [number, number];
    const added = insertNode(
      next,
      'dbPrimary',
      { ...p, shardStrategy: strategy, shardFromPct: from, shardToPct: to },
      primary.x,
      primary.y + STACK_GAP * i,
    );
    next = addLinks(
      added.topology,
      callers.map((c) => [c, added.id] as const),
    );
    created.push(added.id);
  }
  return { ok: true, topology: { topology: next, created } };
}

/** An image before it is named and kept in the document (what `createImage` returns). */
export type ImageDraft = Omit<MachineImage, 'name'>;

/**
 * Captures a server as an image: its parameters (roles, instance type, ports, work per request)
 * but not its id, label or position.
 * @example createImage(topo, 'server-1') // { ok: true, topology: image }
 */
export function createImage(topo: Topology, nodeId: string): EditResult<ImageDraft> {
  const node = findNode(topo, nodeId);
  if (!node)
    return {
      ok: false,
      reason: fill(t('No node "{id}".', '노드 "{id}"가 없습니다.'), { id: nodeId }),
    };
  if (node.kind !== 'server')
    return { ok: false, reason: t('Images are taken of servers.', '이미지는 서버에서 만듭니다.') };
  return {
    ok: true,
    topology: {
      source: node.id,
      kind: 'server',
      label: node.label,
      params: { ...node.params, roles: [...node.params.roles] },
      callees: calleesOf(topo, node.id),
    },
  };
}

/**
 * Keeps an image in the document under the next free `ami-NNN (label)` name (undoable, saved and
 * shared with the topology); refused past `LIMITS.images`.
 * @example addImage(topo, draft) // { ok: true, topology: { topology, name: 'ami-001 (web)' } }
 */
export function addImage(
  topo: Topology,
  draft: ImageDraft,
): EditResult<{ topology: Topology; name: string }> {
  const images = topo.images ?? [];
  if (images.length >= LIMITS.images)
    return {
      ok: false,
      reason: fill(t('At most {n} images.', '이미지는 최대 {n}개입니다.'), { n: LIMITS.images }),
    };
  const taken = new Set(images.map((im) => im.name));
  let i = images.length;
  while (taken.has(defaultImageName(i, draft.label, draft.source))) i++;
  const name = defaultImageName(i, draft.label, draft.source);
  const image: MachineImage = {
    name,
    source: draft.source,
    kind: 'server',
    label: draft.label,
    params: { ...draft.params, roles: [...draft.params.roles] },
    callees: [...draft.callees],
  };
  return { ok: true, topology: { topology: { ...topo, images: [...images, image] }, name } };
}

/**
 * Launches an identical server from an image near (near.x, near.y): same parameters, linked to the
 * same callees as the source; with `registerWith` the load balancer also sends it traffic.
 * @example launchFromImage(topo, image, { registerWith: 'lb-1', near: { x: 300, y: 200 } })
 */
export function launchFromImage(
  topo: Topology,
  image: ImageDraft,
  options: { registerWith?: string; near: { x: number; y: number } },
): MechanicsResult {
  if (full(topo)) return tooMany();
  if (options.registerWith !== undefined) {
    const lb = findNode(topo, options.registerWith);
    if (!lb) return noNode(options.registerWith);
    if (lb.kind !== 'lb')
      return refuse(t('Register with a load balancer.', '로드 밸런서에 등록하세요.'));
  }
  const added = insertNode(
    topo,
    'server',
    { ...image.params, roles: [...image.params.roles] },
    options.near.x,
    options.near.y,
  );
  const callees = findNode(topo, image.source) ? calleesOf(topo, image.source) : image.callees;
  const pairs: (readonly [string, string])[] = callees.map((c) => [added.id, c] as const);
  if (options.registerWith) pairs.push([options.registerWith, added.id]);
  return {
    ok: true,
    topology: { topology: addLinks(added.topology, pairs), created: [added.id] },
  };
}

/** Sum over the instance type's cores of their speed: the capacity a type brings. */
export const capacityOf = (type: InstanceTypeName) =>
  INSTANCE_TYPES[type].vcpu * INSTANCE_TYPES[type].speed;

/**
 * The work λS a machine is asked for, in busy m5 cores (core-seconds per second), from the read and
 * write rates arriving at it and its work per request: the numerator of ρ = λS/c. Unlike the
 * measured utilization it keeps growing past 100 %, so it also predicts an overloaded machine.
 * @example offeredWork(allInOneBox, 90, 30) // 90·(1+10+4)/1000 + 30·(1+10+8)/1000 = 1.92
 */
export function offeredWork(node: TopologyNode, readRate: number, writeRate: number): number {
  const r = Number.isFinite(readRate) ? readRate : 0;
  const w = Number.isFinite(writeRate) ? writeRate : 0;
  switch (node.kind) {
    case 'server':
    case 'asg': {
      const p = node.params;
      const roles = rolesOf(node);
      const has = (x: Role) => roles.includes(x);
      const front = (has('web') ? p.webDemandMs : 0) + (has('app') ? p.appDemandMs : 0);
      const db = has('db');
      return (
        (r * (front + (db ? p.dbReadDemandMs : 0)) + w * (front + (db ? p.dbWriteDemandMs : 0))) /
        1000
      );
    }
    case 'dbPrimary':
      return (r * node.params.readDemandMs + w * node.params.writeDemandMs) / 1000;
    case 'dbReplica':
      return (r * node.params.readDemandMs + w * node.params.applyDemandMs) / 1000;
    case 'cache':
      return ((r + w) * node.params.hitDemandMs) / 1000;
    default:
      return 0;
  }
}

/** What changing a machine's instance type would do, predicted from its current load. */
export interface ScaleUpPrediction {
  costDelta: number;
  capacityDelta: number;
  /** ρ = λS/c on the new type; above 1 the machine cannot keep up. NaN without a measurement. */
  utilization: number;
}

/**
 * Predicts a scale-up: cost and capacity (vCPU × speed) against the current type, and the
 * utilization the same work λS (in m5 cores, see `offeredWork`) would give on the new type.
 * @example predictScaleUp('m5.large', 'm5.xlarge', 1.9).utilization // 0.475
 */
export function predictScaleUp(
  from: InstanceTypeName,
  to: InstanceTypeName,
  work: number,
): ScaleUpPrediction {
  return {
    costDelta: INSTANCE_TYPES[to].pricePerHour - INSTANCE_TYPES[from].pricePerHour,
    capacityDelta: capacityOf(to) - capacityOf(from),
    utilization: Number.isFinite(work) ? work / capacityOf(to) : NaN,
  };
}
