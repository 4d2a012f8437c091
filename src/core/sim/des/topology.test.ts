/**
 * The reference engine on real topologies: the request-flow semantics (roles sharing a machine,
 * tiers, replicas, caches, shards, load balancers, DNS, misconfigurations) checked against rates,
 * utilizations and latencies worked out by hand from the parameters.
 */
import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, parseTopology, type Topology } from '../../model';
import { mmc, mmcK } from '../queueing';
import { runDes, type DesNodeReport, type DesReport } from './engine';

type NodeSpec = { id: string; kind: string; params?: Record<string, unknown> };
type LinkSpec = [from: string, to: string, extra?: Record<string, unknown>];

/** A validated topology from a compact description (defaults fill every other parameter). */
function topo(nodes: NodeSpec[], links: LinkSpec[], events: unknown[] = []): Topology {
  const r = parseTopology({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: nodes.map((n) => ({ label: n.id, x: 0, y: 0, params: {}, ...n })),
    links: links.map(([from, to, extra], i) => ({ id: `l${i}`, from, to, ...extra })),
    scenario: { seed: 1, events },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const node = (r: DesReport, id: string): DesNodeReport => {
  const n = r.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

/** |observed − expected| within z standard errors of a Poisson count over the window. */
function expectRate(observed: number, expected: number, windowSec: number, what: string, z = 4) {
  const se = Math.sqrt(Math.max(expected, 1e-9) / windowSec);
  expect(Math.abs(observed - expected), `${what}: ${observed} vs ${expected}`).toBeLessThan(
    z * se + 1e-12,
  );
}

const users = (rate: number, extra: Record<string, unknown> = {}): NodeSpec => ({
  id: 'users',
  kind: 'users',
  params: { rate, ...extra },
});

/** A box whose only work is 100 ms of app per request (web and db cost nothing). */
const appOnly = { appDemandMs: 100, webDemandMs: 0, dbReadDemandMs: 0, dbWriteDemandMs: 0 };

describe('one machine and its roles', { timeout: 60_000 }, () => {
  it('the all-in-one box: one queue whose work per request is web + app + db of its class', () => {
    const t = topo(
      [users(50, { readRatio: 0.9 }), { id: 'box', kind: 'server' }],
      [['users', 'box']],
    );
    const r = runDes(t, { seed: 1, seconds: 2_000, warmupSeconds: 50 });
    const box = node(r, 'box');
    const w = 1_950;
    // Defaults: web 1 ms, app 10 ms, db read 4 ms / write 8 ms; m5.large: 2 cores of speed 1.
    const meanDemand = 0.9 * (1 + 10 + 4) + 0.1 * (1 + 10 + 8);
    expectRate(box.arrivalRate, 50, w, 'arrivals');
    expectRate(box.readRate, 45, w, 'reads');
    expectRate(box.writeRate, 5, w, 'writes');
    expect(box.utilization).toBeCloseTo((50 * meanDemand) / 1000 / 2, 2);
    // Little's law on the box, and the 20 ms internet round trip on top of its sojourn.
    expect(box.meanBacklog).toBeCloseTo((box.throughput * box.sojourn.mean) / 1000, 2);
    // (Both means are over slightly different sets: requests born vs visits begun in the window.)
    expect(r.endToEnd.latency.mean).toBeCloseTo(box.sojourn.mean + 20, 2);
    expect(r.endToEnd.errorRatio).toBe(0);
    // The users row is about its own requests: sent, answered in time, end-to-end latency.
    const u = node(r, 'users');
    expect(u.arrivalRate).toBe(r.endToEnd.offered);
    expect(u.throughput).toBe(r.endToEnd.goodput);
    expect(u.sojourn).toEqual(r.endToEnd.latency);
  });

  it('M/M/c through a topology: 4 vCPUs of speed 1.15 (c5.xlarge) with exponential app work', () => {
    const S = 0.1 / INSTANCE_TYPES['c5.xlarge'].speed;
    const t = topo(
      [
        users(35, { readRatio: 1 }),
        {
          id: 'app',
          kind: 'server',
          params: { ...appOnly, instanceType: 'c5.xlarge', queueLimit: 1_000_000 },
        },
      ],
      [['users', 'app']],
    );
    const reps = [1, 2, 3, 4].map((seed) =>
      node(runDes(t, { seed, seconds: 10_000, warmupSeconds: 200 }), 'app'),
    );
    const W = reps.reduce((s, n) => s + n.sojourn.mean, 0) / reps.length;
    const util = reps.reduce((s, n) => s + n.utilization, 0) / reps.length;
    expect(util).toBeCloseTo((35 * S) / 4, 2);
    expect(Math.abs(W / (mmc(35, S, 4).W * 1000) - 1)).toBeLessThan(0.02);
  });

  it('M/M/c/K through a topology: the queue limit drops arrivals at the Erlang loss rate', () => {
    const t = topo(
      [
        users(25, { readRatio: 1 }),
        { id: 'app', kind: 'server', params: { ...appOnly, queueLimit: 4 } },
      ],
      [['users', 'app']],
    );
    const r = runDes(t, { seed: 2, seconds: 20_000, warmupSeconds: 50 });
    const app = node(r, 'app');
    const exact = mmcK(25, 0.1, 2, 4);
    expect(Math.abs(app.dropRate / app.arrivalRate - exact.pBlock)).toBeLessThan(0.01);
    expect(Math.abs(r.endToEnd.errorRatio - exact.pBlock)).toBeLessThan(0.01);
    expect(r.endToEnd.dropped).toBeGreaterThan(0);
    expect(Math.abs(app.sojourn.mean / 1000 / exact.W - 1)).toBeLessThan(0.02);
  });
});

describe('tiers, replicas, caches and shards', () => {
  it('split tiers: each machine sees every request, latency adds sojourns and link round trips', () => {
    const t = topo(
      [
        users(40, { readRatio: 0.75 }),
        { id: 'web', kind: 'server', params: { roles: ['web'], az: 'a' } },
        { id: 'app', kind: 'server', params: { roles: ['app'], az: 'a' } },
        { id: 'db', kind: 'dbPrimary', params: { az: 'b' } },
      ],
      [
        ['users', 'web'],
        ['web', 'app'],
        ['app', 'db'],
      ],
    );
    const r = runDes(t, { seed: 3, seconds: 1_000, warmupSeconds: 20 });
    const w = 980;
    for (const id of ['web', 'app', 'db']) expectRate(node(r, id).arrivalRate, 40, w, id);
    expect(node(r, 'web').utilization).toBeCloseTo((40 * 0.001) / 2, 2);
    expect(node(r, 'app').utilization).toBeCloseTo((40 * 0.01) / 2, 2);
    expect(node(r, 'db').utilization).toBeCloseTo((40 * (0.75 * 0.004 + 0.25 * 0.008)) / 2, 2);
    const sojourns = ['web', 'app', 'db'].reduce((s, id) => s + node(r, id).sojourn.mean, 0);
    // Internet 20 ms, web → app same zone 0.25 ms, app → db across zones 1 ms.
    expect(r.endToEnd.latency.mean).toBeCloseTo(sojourns + 21.25, 1);
  });

  it('a primary with two replicas: reads alternate over the replicas, every write is applied on each', () => {
    const t = topo(
      [
        users(100, { readRatio: 0.8 }),
        { id: 'app', kind: 'server', params: { roles: ['web', 'app'] } },
        { id: 'primary', kind: 'dbPrimary' },
        { id: 'r1', kind: 'dbReplica' },
        { id: 'r2', kind: 'dbReplica' },
      ],
      [
        ['users', 'app'],
        ['app', 'primary'],
        ['app', 'r1'],
        ['app', 'r2'],
        ['primary', 'r1'],
        ['primary', 'r2'],
      ],
    );
    const r = runDes(t, { seed: 4, seconds: 1_000, warmupSeconds: 20 });
    const w = 980;
    const p = node(r, 'primary');
    expectRate(p.writeRate, 20, w, 'primary writes');
    expect(p.readRate).toBe(0);
    for (const id of ['r1', 'r2']) {
      const rep = node(r, id);
      // Round robin: exactly every other read, so the two counts differ by at most one.
      expect(
        Math.abs(rep.readRate - node(r, id === 'r1' ? 'r2' : 'r1').readRate) * w,
      ).toBeLessThanOrEqual(1);
      // Its writes are the replicated ones only (the kernel counts them as arrivals too).
      expect(rep.writeRate).toBe(rep.applyRate);
      expectRate(rep.applyRate, 20, w, `${id} applies`);
      // 40 reads of 4 ms and 20 applies of 2 ms per second on 2 cores.
      expect(rep.utilization).toBeCloseTo((rep.readRate * 0.004 + rep.applyRate * 0.002) / 2, 2);
      expect(rep.replicationLag.count).toBeGreaterThan(0);
      // Lag = the apply job's sojourn: at least its 2 ms mean work.
      expect(rep.replicationLag.mean).toBeGreaterThan(2);
    }
  });

  it('a read-through cache answers hits; misses and writes go on to the primary', () => {
    const t = topo(
      [
        users(100, { readRatio: 0.9 }),
        { id: 'app', kind: 'server', params: { roles: ['web', 'app'] } },
        { id: 'cache', kind: 'cache', params: { hitRatio: 0.8 } },
        { id: 'db', kind: 'dbPrimary' },
      ],
      [
        ['users', 'app'],
        ['app', 'cache'],
        ['cache', 'db'],
      ],
    );
    const r = runDes(t, { seed: 5, seconds: 2_000, warmupSeconds: 20 });
    const w = 1_980;
    expectRate(node(r, 'cache').arrivalRate, 100, w, 'cache lookups');
    expectRate(node(r, 'db').readRate, 100 * 0.9 * 0.2, w, 'db reads (misses)');
    expectRate(node(r, 'db').writeRate, 10, w, 'db writes');
  });

  it('hash shards split users u mod n; the hot user (user 0) makes shard 0 hotter', () => {
    const N = 1001;
    const t = topo(
      [
        users(200, { readRatio: 0.5, distinctUsers: N, hotUserShare: 0.3 }),
        {
          id: 'app',
          kind: 'server',
          params: { roles: ['web', 'app'], instanceType: 'm5.2xlarge' },
        },
        { id: 's0', kind: 'dbPrimary' },
        { id: 's1', kind: 'dbPrimary' },
      ],
      [
        ['users', 'app'],
        ['app', 's0'],
        ['app', 's1'],
      ],
    );
    const r = runDes(t, { seed: 6, seconds: 1_000, warmupSeconds: 10 });
    // Users 1..1000 split evenly (500 each); user 0 sends 30 % of all traffic to shard 0.
    const share0 = 0.3 + 0.7 * (500 / 1000);
    expectRate(node(r, 's0').arrivalRate, 200 * share0, 990, 'shard 0');
    expectRate(node(r, 's1').arrivalRate, 200 * (1 - share0), 990, 'shard 1');
  });

  it('range shards: users outside every range fail with noShard', () => {
    const t = topo(
      [
        users(100, { distinctUsers: 1000 }),
        { id: 'app', kind: 'server', params: { roles: ['web', 'app'] } },
        {
          id: 'a',
          kind: 'dbPrimary',
          params: { shardStrategy: 'range', shardFromPct: 0, shardToPct: 50 },
        },
        {
          id: 'b',
          kind: 'dbPrimary',
          params: { shardStrategy: 'range', shardFromPct: 60, shardToPct: 100 },
        },
      ],
      [
        ['users', 'app'],
        ['app', 'a'],
        ['app', 'b'],
      ],
    );
    const r = runDes(t, { seed: 7, seconds: 1_000, warmupSeconds: 10 });
    // Users 1..999 (user 0 is the hot user, here silent) sit at u/10 %: 1..499 in a, 500..599 in
    // no range, 600..999 in b.
    const inA = 499 / 999;
    const gap = 100 / 999;
    expectRate(node(r, 'a').arrivalRate, 100 * inA, 990, 'shard a');
    expectRate(node(r, 'app').errorRate, 100 * gap, 990, 'no shard');
    expect(node(r, 'app').errors.noShard).toBeGreaterThan(0);
  });
});

describe('load balancers and DNS', () => {
  const farm = (
    algorithm: string,
    extraLinks: LinkSpec[] = [],
    lbParams: Record<string, unknown> = {},
  ) =>
    topo(
      [
        users(90, { readRatio: 1 }),
        { id: 'lb', kind: 'lb', params: { algorithm, ...lbParams } },
        ...[1, 2, 3].map((i) => ({ id: `s${i}`, kind: 'server' })),
      ],
      [['users', 'lb'], ['lb', 's1'], ['lb', 's2'], ['lb', 's3'], ...extraLinks],
    );

  it('round robin gives each target exactly a third', () => {
    const r = runDes(farm('round_robin'), { seed: 8, seconds: 500, warmupSeconds: 10 });
    const counts = ['s1', 's2', 's3'].map((id) => node(r, id).arrivalRate * 490);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expectRate(counts.reduce((a, b) => a + b, 0) / 490, 90, 490, 'total');
  });

  it('weighted random follows the link weights', () => {
    const t = topo(
      [
        users(100, { readRatio: 1 }),
        { id: 'lb', kind: 'lb', params: { algorithm: 'weighted' } },
        { id: 's1', kind: 'server' },
        { id: 's2', kind: 'server' },
      ],
      [
        ['users', 'lb'],
        ['lb', 's1', { weight: 3 }],
        ['lb', 's2', { weight: 1 }],
      ],
    );
    const r = runDes(t, { seed: 9, seconds: 500, warmupSeconds: 10 });
    expectRate(node(r, 's1').arrivalRate, 75, 490, 's1');
    expectRate(node(r, 's2').arrivalRate, 25, 490, 's2');
  });

  it('a cut target link is routed around once health checks settle; a cut call fails', () => {
    const t = topo(
      [
        users(90, { readRatio: 1 }),
        { id: 'lb', kind: 'lb' },
        { id: 's1', kind: 'server' },
        { id: 's2', kind: 'server' },
      ],
      [
        ['users', 'lb'],
        ['lb', 's1', { cut: true }],
        ['lb', 's2'],
      ],
    );
    const r = runDes(t, { seed: 10, seconds: 200, warmupSeconds: 10 });
    expect(node(r, 's1').arrivalRate).toBe(0);
    expectRate(node(r, 's2').arrivalRate, 90, 190, 's2');
    const cutDb = topo(
      [
        users(10),
        { id: 'app', kind: 'server', params: { roles: ['web', 'app'] } },
        { id: 'db', kind: 'dbPrimary' },
      ],
      [
        ['users', 'app'],
        ['app', 'db', { cut: true }],
      ],
    );
    const r2 = runDes(cutDb, { seed: 10, seconds: 200, warmupSeconds: 10 });
    expect(r2.endToEnd.errorRatio).toBe(1);
    expect(node(r2, 'app').errors.linkCut).toBeGreaterThan(0);
  });

  it('targets on the wrong port: the LB fails open and every request fails', () => {
    const r = runDes(farm('round_robin', [], { targetPort: 8080 }), {
      seed: 11,
      seconds: 100,
      warmupSeconds: 10,
    });
    expect(r.endToEnd.errorRatio).toBe(1);
    expect(node(r, 's1').errors.wrongPort).toBeGreaterThan(0);
    expect(node(r, 's1').utilization).toBe(0);
  });

  it('a listener its own security group blocks fails everything at the LB', () => {
    const r = runDes(farm('round_robin', [], { sgPort: 443 }), {
      seed: 12,
      seconds: 100,
      warmupSeconds: 10,
    });
    expect(r.endToEnd.errorRatio).toBe(1);
    expect(node(r, 'lb').errors.listenerBlocked).toBeGreaterThan(0);
  });

  it('DNS round robin hands cohorts records in rotation and they stick for the TTL', () => {
    const t = topo(
      [
        users(60, { readRatio: 1, cohorts: 4 }),
        { id: 'dns', kind: 'dns', params: { ttlSec: 86_400, jitterPct: 0 } },
        { id: 'w1', kind: 'server' },
        { id: 'w2', kind: 'server' },
      ],
      [
        ['users', 'dns'],
        ['dns', 'w1'],
        ['dns', 'w2'],
      ],
    );
    const r = runDes(t, { seed: 13, seconds: 500, warmupSeconds: 10 });
    // Four cohorts of ~equal size, two per record; users → DNS costs nothing, DNS → web 20 ms.
    expectRate(node(r, 'w1').arrivalRate, 30, 490, 'w1', 6);
    expectRate(node(r, 'w2').arrivalRate, 30, 490, 'w2', 6);
    expect(r.endToEnd.latency.mean).toBeCloseTo(node(r, 'w1').sojourn.mean + 20, 0);
  });
});

describe('diagnosable failures and notes', () => {
  it('a web server with no app server to call fails every request (missingApp)', () => {
    const t = topo(
      [users(10), { id: 'web', kind: 'server', params: { roles: ['web'] } }],
      [['users', 'web']],
    );
    const r = runDes(t, { seed: 14, seconds: 100, warmupSeconds: 10 });
    expect(r.endToEnd.errorRatio).toBe(1);
    expect(node(r, 'web').errors.missingApp).toBeGreaterThan(0);
    // It did its own web work before finding no callee.
    expect(node(r, 'web').utilization).toBeGreaterThan(0);
  });

  it('an app server whose database moved away but was never re-pointed fails (missingDb)', () => {
    const t = topo(
      [
        users(10),
        { id: 'box', kind: 'server', params: { roles: ['web', 'app'] } },
        { id: 'db', kind: 'dbPrimary' },
      ],
      [['users', 'box']],
    );
    const r = runDes(t, { seed: 15, seconds: 100, warmupSeconds: 10 });
    expect(r.endToEnd.errorRatio).toBe(1);
    expect(node(r, 'box').errors.missingDb).toBeGreaterThan(0);
    expect(node(r, 'db').arrivalRate).toBe(0);
  });

  it('writes sent to a replica fail (readOnly); reads succeed', () => {
    const t = topo(
      [users(50, { readRatio: 0.6 }), { id: 'lb', kind: 'lb' }, { id: 'rep', kind: 'dbReplica' }],
      [
        ['users', 'lb'],
        ['lb', 'rep'],
      ],
    );
    const r = runDes(t, { seed: 16, seconds: 400, warmupSeconds: 10 });
    expect(Math.abs(r.endToEnd.errorRatio - 0.4)).toBeLessThan(
      4 * Math.sqrt((0.4 * 0.6) / (50 * 390)),
    );
    expect(node(r, 'rep').errors.readOnly).toBeGreaterThan(0);
  });

  it('lists what it does not simulate', () => {
    const t = topo(
      [
        users(30, { retries: 2 }),
        { id: 'lb', kind: 'lb' },
        { id: 'asg', kind: 'asg', params: { roles: ['web', 'app', 'db'], desired: 3 } },
      ],
      [
        ['users', 'lb'],
        ['lb', 'asg'],
      ],
      [{ type: 'kill', atSec: 10, node: 'asg' }],
    );
    const r = runDes(t, { seed: 17, seconds: 50, warmupSeconds: 5 });
    expect(r.notes.join('\n')).toMatch(/retries/);
    expect(r.notes.join('\n')).toMatch(/asg.*3 instance/);
    expect(r.notes.join('\n')).toMatch(/scenario events/);
    expect(r.endToEnd.errorRatio).toBe(0);
    // The group's instances share the load balancer's round robin: a third of the traffic each.
    expectRate(node(r, 'asg').arrivalRate, 30, 45, 'asg');
    expect(node(r, 'asg').utilization).toBeCloseTo(((30 / 3) * 0.0154) / 2, 2);
  });

  it('an auto scaling group starts its instances across zones; cross-zone calls cost 1 ms', () => {
    const constant = { demandCv: 0, az: 'a' };
    const t = topo(
      [
        users(3, { readRatio: 1 }),
        { id: 'lb', kind: 'lb' },
        { id: 'asg', kind: 'asg', params: { roles: ['web', 'app'], desired: 3, ...constant } },
        { id: 'db', kind: 'dbPrimary', params: constant },
      ],
      [
        ['users', 'lb'],
        ['lb', 'asg'],
        ['asg', 'db'],
      ],
    );
    const r = runDes(t, { seed: 18, seconds: 300, warmupSeconds: 10 });
    // Instances in zones a, b, c (round robin over them); constant work of 11 + 4 ms, nobody waits
    // at 3 req/s: 20 + 0.25 + 11 + 4 + (0.25 | 1 | 1) ms.
    expect(r.endToEnd.latency.p50).toBeCloseTo(36.25, 9);
    expect(r.endToEnd.latency.mean).toBeCloseTo(36, 2);
  });

  it('the same topology and seed give the same report', () => {
    const t = topo(
      [
        users(30, { readRatio: 0.7 }),
        { id: 'lb', kind: 'lb', params: { algorithm: 'p2c' } },
        { id: 'a', kind: 'server' },
        { id: 'b', kind: 'server' },
      ],
      [
        ['users', 'lb'],
        ['lb', 'a'],
        ['lb', 'b'],
      ],
    );
    const opts = { seed: 99, seconds: 300, warmupSeconds: 10 };
    expect(runDes(t, opts)).toEqual(runDes(t, opts));
  });
});
