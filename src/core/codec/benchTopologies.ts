/**
 * Realistic tiered web systems, built with the editor's own operations (so ids, labels and
 * defaults are what a learner's canvas produces): the inputs of the share-link size benchmark
 * (bench/codec.ts) and of the unit test that holds the link-size targets.
 * Contract: pure; imports only the model.
 */
import {
  addNode,
  connect,
  emptyTopology,
  setLabel,
  setParam,
  type KindId,
  type Topology,
} from '../model';
import type { ShareDoc } from './types';

export interface TieredSpec {
  name: string;
  webServers: number;
  appServers: number;
  shards: number;
  replicasPerShard: number;
  caches: number;
  /** Auto scaling groups behind the web load balancer. */
  webAsgs: number;
  /** Whether the app tier has its own internal load balancer. */
  appLb: boolean;
  userGroups: number;
}

/** Accumulates edits; every step must succeed, or the benchmark input is wrong. */
class Builder {
  topo: Topology;
  constructor(name: string) {
    this.topo = { ...emptyTopology(name), scenario: { seed: 42, events: [] } };
  }
  node(kind: KindId, x: number, y: number, label?: string, params: Record<string, unknown> = {}) {
    const r = addNode(this.topo, kind, x, y);
    this.topo = r.topology;
    if (label) this.apply(setLabel(this.topo, r.id, label));
    for (const [k, v] of Object.entries(params)) this.apply(setParam(this.topo, r.id, k, v));
    return r.id;
  }
  link(from: string, to: string) {
    const r = connect(this.topo, from, to);
    if (!r.ok) throw new Error(`${from} -> ${to}: ${r.reason.en}`);
    this.topo = r.topology.topology;
    return r.topology.id;
  }
  private apply(r: { ok: true; topology: Topology } | { ok: false; reason: { en: string } }) {
    if (!r.ok) throw new Error(r.reason.en);
    this.topo = r.topology;
  }
}

const AZ = ['a', 'b', 'c'] as const;
const COL = 220;
const ROW = 120;

/**
 * A tiered web system laid out in columns: users -> DNS -> web LB -> web servers (+ ASGs) ->
 * app LB -> app servers -> caches -> sharded primaries -> replicas, with some non-default
 * parameters (instance types, AZs, health check paths, shard ranges) and a short failure scenario.
 * @example tieredSystem(SIZE_20).nodes.length // 20
 */
export function tieredSystem(spec: TieredSpec): Topology {
  const b = new Builder(spec.name);
  const column = (n: number) => (i: number) => Math.round((i - (n - 1) / 2) * ROW) + 400;
  const dns = b.node('dns', COL, 400, undefined, { ttlSec: 300 });
  for (let i = 0; i < spec.userGroups; i++) {
    const u = b.node('users', 0, column(spec.userGroups)(i), i === 0 ? 'Seoul' : 'Busan', {
      rate: 400 + 200 * i,
      pattern: 'diurnal',
      peakRate: 1200 + 300 * i,
      durationSec: 3600,
      retries: 2,
    });
    b.link(u, dns);
  }
  const webLb = b.node('lb', 2 * COL, 400, 'web LB', {
    algorithm: 'least_outstanding',
    hcPath: '/health',
    hcIntervalSec: 10,
  });
  b.link(dns, webLb);
  const webCol = column(spec.webServers + spec.webAsgs);
  const appLb = spec.appLb
    ? b.node('lb', 4 * COL, 400, 'app LB', { listenerPort: 8080, targetPort: 8080, sgPort: 8080 })
    : null;
  const apps: string[] = [];
  const appCol = column(spec.appServers);
  for (let i = 0; i < spec.appServers; i++) {
    const a = b.node('server', 5 * COL, appCol(i), undefined, {
      roles: ['app'],
      instanceType: 'c5.xlarge',
      az: AZ[i % 2],
      listenPort: 8080,
      sgPort: 8080,
      sgSource: 'lb',
      answersPaths: '/ /health',
    });
    apps.push(a);
    if (appLb) b.link(appLb, a);
  }
  const webs: string[] = [];
  for (let i = 0; i < spec.webServers; i++) {
    const w = b.node('server', 3 * COL, webCol(i), undefined, {
      roles: ['web'],
      instanceType: 't3.medium',
      az: AZ[i % 2],
      answersPaths: '/ /health',
      sgSource: 'lb',
    });
    webs.push(w);
    b.link(webLb, w);
  }
  for (let i = 0; i < spec.webAsgs; i++) {
    const g = b.node('asg', 3 * COL, webCol(spec.webServers + i), undefined, {
      roles: ['web'],
      minSize: 2,
      desired: 2,
      maxSize: 12,
      instanceType: 't3.medium',
      answersPaths: '/ /health',
    });
    b.link(webLb, g);
    webs.push(g);
  }
  for (const [i, w] of webs.entries()) {
    if (appLb) b.link(w, appLb);
    else b.link(w, apps[i % apps.length]!);
  }
  const caches: string[] = [];
  for (let i = 0; i < spec.caches; i++)
    caches.push(b.node('cache', 6 * COL, column(spec.caches)(i), undefined, { hitRatio: 0.9 }));
  const dbCol = column(spec.shards);
  const repCol = column(spec.shards * spec.replicasPerShard);
  const primaries: string[] = [];
  for (let s = 0; s < spec.shards; s++) {
    const width = 100 / spec.shards;
    const p = b.node(
      'dbPrimary',
      7 * COL,
      dbCol(s),
      spec.shards > 1 ? `shard ${s + 1}` : 'primary',
      {
        instanceType: 'r5.xlarge',
        shardStrategy: 'range',
        shardFromPct: Math.round(s * width),
        shardToPct: Math.round((s + 1) * width),
      },
    );
    primaries.push(p);
    for (let r = 0; r < spec.replicasPerShard; r++) {
      const rep = b.node('dbReplica', 8 * COL, repCol(s * spec.replicasPerShard + r), undefined, {
        az: AZ[(r + 1) % 3],
      });
      b.link(p, rep);
    }
  }
  for (const [i, a] of apps.entries()) {
    if (caches.length > 0) b.link(a, caches[i % caches.length]!);
    for (const p of primaries) b.link(a, p);
  }
  for (const c of caches) for (const p of primaries) b.link(c, p);
  const t = b.topo;
  t.scenario.events = [
    { type: 'kill', atSec: 120, node: webs[0]! },
    { type: 'slow', atSec: 300, node: apps[0]!, factor: 3 },
    { type: 'restore', atSec: 600, node: webs[0]! },
  ];
  return t;
}

export const SIZE_20: TieredSpec = {
  name: 'Shop, 20 nodes',
  webServers: 5,
  appServers: 5,
  shards: 1,
  replicasPerShard: 2,
  caches: 1,
  webAsgs: 1,
  appLb: true,
  userGroups: 2,
};

export const SIZE_50: TieredSpec = {
  name: 'Shop, 50 nodes',
  webServers: 11,
  appServers: 13,
  shards: 4,
  replicasPerShard: 3,
  caches: 3,
  webAsgs: 2,
  appLb: true,
  userGroups: 2,
};

export const CODEC_CASES = [
  { spec: SIZE_20, limit: 1000 },
  { spec: SIZE_50, limit: 2500 },
] as const;

/** The share document the app would put in the address bar: the topology and a panned view. */
export const benchShareDoc = (topology: Topology): ShareDoc => ({
  topology,
  view: { x: -212.5, y: 48.25, zoom: 0.75 },
});
