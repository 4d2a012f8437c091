/**
 * Generated topologies for benchmarks and tests: realistic layered web systems of any size —
 * users → DNS → load balancers → web servers (and auto scaling groups) → app servers → caches and
 * sharded database primaries with two read replicas each.
 * Contract: pure and deterministic; no clock, no randomness, no file system.
 */
import {
  describeIssue,
  LIMITS,
  parseTopology,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
} from '../src/core/model';

/** Links per node at the design point of the kernel (1,000 nodes, ~17k links). */
export const DESIGN_LINKS_PER_NODE = 17;
export const MIN_GENERATED_NODES = 20;

export interface LayeredOptions {
  /** Links per node to aim for; capped by the format's link limit (100,000). Default 17. */
  linksPerNode?: number;
}

/** How many nodes of each tier a layered topology of `n` nodes has. */
export interface TierCounts {
  users: number;
  dns: number;
  lbs: number;
  asgs: number;
  web: number;
  app: number;
  caches: number;
  shards: number;
  replicasPerShard: number;
}

const REPLICAS_PER_SHARD = 2;

/**
 * The tier sizes for `n` nodes: roughly 1 users group per 400 nodes, 1 DNS per 1,000, 1 LB per 60,
 * 1 shard (primary + 2 replicas) per 40, 1 cache per 25, one ASG (two from 500 nodes), and the rest
 * split evenly between web and app servers.
 * @example tierCounts(1000).web // 431
 */
export function tierCounts(n: number): TierCounts {
  if (!Number.isInteger(n) || n < MIN_GENERATED_NODES || n > LIMITS.nodes)
    throw new RangeError(
      `node count must be a whole number from ${MIN_GENERATED_NODES} to ${LIMITS.nodes}`,
    );
  const users = Math.max(1, Math.round(n / 400));
  const dns = Math.max(1, Math.round(n / 1000));
  const lbs = Math.max(1, Math.round(n / 60));
  const asgs = n >= 500 ? 2 : 1;
  const shards = Math.max(1, Math.round(n / 40));
  const caches = Math.max(1, Math.round(n / 25));
  const rest = n - users - dns - lbs - asgs - shards * (1 + REPLICAS_PER_SHARD) - caches;
  const web = Math.ceil(rest / 2);
  return {
    users,
    dns,
    lbs,
    asgs,
    web,
    app: rest - web,
    caches,
    shards,
    replicasPerShard: REPLICAS_PER_SHARD,
  };
}

const AZ = ['a', 'b', 'c'] as const;
/** App-server capacity at the default 10 ms of app work on a c5.xlarge (4 cores × 1.15 speed). */
const APP_CAPACITY = (4 * 1.15) / 0.01;
/** Offered load as a share of the app tier's capacity: busy but not overloaded. */
const LOAD_SHARE = 0.5;

/** Spreads `total` over `count` items as evenly as whole numbers allow (Bresenham). */
const share = (total: number, count: number, i: number): number =>
  Math.floor(((i + 1) * total) / count) - Math.floor((i * total) / count);

/**
 * A valid layered topology of exactly `n` nodes with about `linksPerNode × n` links. Web servers
 * call a window of app servers; app servers and ASG instances call a window of data nodes
 * (caches, shard primaries, replicas interleaved); the window sizes are what tunes the link count.
 * @example layeredTopology(1000).links.length // ≈ 17,000
 */
export function layeredTopology(n: number, opts: LayeredOptions = {}): Topology {
  const c = tierCounts(n);
  const targetLinks = Math.min(
    LIMITS.links,
    Math.round((opts.linksPerNode ?? DESIGN_LINKS_PER_NODE) * n),
  );
  const nodes: Record<string, unknown>[] = [];
  const links: { id: string; from: string; to: string }[] = [];
  const node = (id: string, kind: string, col: number, row: number, params: object = {}) => {
    nodes.push({ id, kind, label: id, x: col * 260, y: row * 60, params });
    return id;
  };
  const link = (from: string, to: string) => links.push({ id: `l${links.length + 1}`, from, to });
  const range = (count: number) => Array.from({ length: count }, (_, i) => i);
  const totalRate = LOAD_SHARE * APP_CAPACITY * c.app;

  const users = range(c.users).map((i) =>
    node(`users-${i + 1}`, 'users', 0, i, {
      rate: Math.round(share(totalRate, c.users, i)),
      cohorts: 50,
      timeoutMs: 5000,
    }),
  );
  const dns = range(c.dns).map((i) => node(`dns-${i + 1}`, 'dns', 1, i));
  const lbs = range(c.lbs).map((i) =>
    node(`lb-${i + 1}`, 'lb', 2, i, {
      algorithm: i % 4 === 3 ? 'least_outstanding' : 'round_robin',
    }),
  );
  const asgs = range(c.asgs).map((i) =>
    node(`asg-${i + 1}`, 'asg', 3, i, { az: AZ[i % 3], minSize: 2, desired: 2, maxSize: 10 }),
  );
  const web = range(c.web).map((i) =>
    node(`web-${i + 1}`, 'server', 3, c.asgs + i, { roles: ['web'], az: AZ[i % 3] }),
  );
  const app = range(c.app).map((i) =>
    node(`app-${i + 1}`, 'server', 4, i, {
      roles: ['app'],
      instanceType: 'c5.xlarge',
      az: AZ[i % 3],
    }),
  );
  // Data nodes interleaved (cache, primary, replicas, ...) so every window mixes them.
  const data: string[] = [];
  const primaries: string[] = [];
  const replicas: string[][] = [];
  range(c.shards).forEach((s) => {
    const p = node(`db-${s + 1}`, 'dbPrimary', 6, s * 3, {
      instanceType: 'r5.xlarge',
      az: AZ[s % 3],
      shardStrategy: 'hash',
    });
    const rs = range(c.replicasPerShard).map((r) =>
      node(`replica-${s + 1}-${r + 1}`, 'dbReplica', 7, s * 3 + r, {
        instanceType: 'r5.xlarge',
        az: AZ[(s + r + 1) % 3],
      }),
    );
    primaries.push(p);
    replicas.push(rs);
  });
  const caches = range(c.caches).map((i) =>
    node(`cache-${i + 1}`, 'cache', 5, i, { az: AZ[i % 3] }),
  );
  const perGroup = Math.max(c.shards, c.caches);
  range(perGroup).forEach((i) => {
    if (i < c.caches) data.push(caches[i] ?? '');
    if (i < c.shards) data.push(primaries[i] ?? '', ...(replicas[i] ?? []));
  });

  users.forEach((u) => dns.forEach((d) => link(u, d)));
  dns.forEach((d) => lbs.forEach((l) => link(d, l)));
  web.forEach((w, i) => link(lbs[i % c.lbs] ?? '', w));
  asgs.forEach((a, i) => link(lbs[(c.lbs - 1 - i + c.lbs) % c.lbs] ?? '', a));
  primaries.forEach((p, s) => replicas[s]?.forEach((r) => link(p, r)));
  caches.forEach((cache, i) => {
    const s = i % c.shards;
    link(cache, primaries[s] ?? '');
    replicas[s]?.forEach((r) => link(cache, r));
  });

  // The fan-out windows take whatever links remain to reach the target.
  const callers = c.web + c.app + c.asgs;
  const remaining = Math.max(0, targetLinks - links.length);
  const dataFanout = Math.min(data.length, remaining / callers);
  const dataLinks = Math.round(dataFanout * (c.app + c.asgs));
  const webFanout = Math.min(c.app, (remaining - dataLinks) / c.web);
  const webLinks = Math.round(webFanout * c.web);
  web.forEach((w, i) => {
    const k = Math.max(1, share(webLinks, c.web, i));
    for (let j = 0; j < k; j++) link(w, app[(i * k + j) % c.app] ?? '');
  });
  [...app, ...asgs].forEach((a, i) => {
    const k = Math.max(1, share(dataLinks, c.app + c.asgs, i));
    for (let j = 0; j < k; j++) link(a, data[(i * k + j) % data.length] ?? '');
  });

  const doc = {
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    name: `Layered system, ${n.toLocaleString('en-US')} nodes`,
    nodes,
    links,
    scenario: { seed: 1, events: [] },
  };
  const parsed = parseTopology(doc);
  if (!parsed.ok)
    throw new Error(
      `generated topology is invalid: ${parsed.issues
        .slice(0, 3)
        .map((i) => describeIssue(i))
        .join('; ')}`,
    );
  return parsed.value;
}
