/**
 * How traffic is split: load-balancer algorithms, DNS answers, shards, replicas and caches.
 * Expected shares come from the algorithms' definitions and the M/M/c formulas.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from './kernel';
import { meanNumberInSystem } from './queueing';
import { classField, nodeField, run, TopologyBuilder } from './testing';
import { CF, F, G, type SimFrame } from './types';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const share = (f: SimFrame, target: string) => f.targets.find((t) => t.target === target)!.share;

const behindLb = (
  algorithm: 'round_robin' | 'random' | 'least_outstanding' | 'p2c' | 'weighted',
  rate = 300,
) =>
  new TopologyBuilder()
    .node('users', 'u', { rate, timeoutMs: 0 })
    .node('lb', 'lb', { algorithm })
    .node('server', 'small', { roles: ['web', 'app', 'db'], instanceType: 'm5.large' })
    .node('server', 'big', { roles: ['web', 'app', 'db'], instanceType: 'm5.xlarge' })
    .link('u', 'lb')
    .link('lb', 'small', { weight: 1 })
    .link('lb', 'big', { weight: 3 })
    .build();

function settled(topo: ReturnType<typeof behindLb>, seconds = 120, dt = 0.05): SimFrame {
  const sim = createSim(topo);
  run(sim, seconds, dt);
  return sim.frame();
}

describe('load balancer algorithms', () => {
  it('round robin and random split evenly whatever the capacity', () => {
    for (const alg of ['round_robin', 'random'] as const) {
      const f = settled(behindLb(alg), 5);
      expect(share(f, 'small')).toBeCloseTo(0.5, 12);
      expect(rel(nodeField(f, 'small', F.arrivalRate), 150)).toBeLessThan(1e-9);
    }
  });

  it('weighted splits in proportion to link weights', () => {
    const f = settled(behindLb('weighted'), 5);
    expect(share(f, 'big')).toBeCloseTo(0.75, 12);
    expect(rel(nodeField(f, 'big', F.arrivalRate), 225)).toBeLessThan(1e-9);
  });

  it('least outstanding allocates so that both backlogs are equal', () => {
    const f = settled(behindLb('least_outstanding'));
    const xs = nodeField(f, 'small', F.backlog);
    const xb = nodeField(f, 'big', F.backlog);
    expect(rel(xs, xb)).toBeLessThan(1e-3);
    // Independently: the λ split at which the two mean numbers are equal. Dispatch to the
    // shortest queue is as smooth as round robin over 2 (ca² = 1/2), so each queue's waiting
    // part is the M/M/c one times (ca² + cs²)/2 = 3/4.
    const S = (1 + 10 + 0.9 * 4 + 0.1 * 8) / 1000;
    const L = (c: number, a: number) => a + 0.75 * (meanNumberInSystem(c, a) - a);
    let lo = 0;
    let hi = 300;
    for (let i = 0; i < 200; i++) {
      const m = 0.5 * (lo + hi);
      if (L(2, m * S) > L(4, (300 - m) * S)) hi = m;
      else lo = m;
    }
    expect(rel(nodeField(f, 'small', F.arrivalRate), lo)).toBeLessThan(1e-3);
    expect(nodeField(f, 'big', F.arrivalRate)).toBeGreaterThan(150);
  });

  it('power of two choices lies between random and least outstanding', () => {
    const p2c = nodeField(settled(behindLb('p2c')), 'big', F.arrivalRate);
    const lor = nodeField(settled(behindLb('least_outstanding')), 'big', F.arrivalRate);
    expect(p2c).toBeGreaterThan(150);
    expect(p2c).toBeLessThan(lor);
  });

  it('p2c with equal backends and equal backlogs splits evenly', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 200 })
      .node('lb', 'lb', { algorithm: 'p2c' })
      .node('server', 'a', { roles: ['web', 'app', 'db'] })
      .node('server', 'b', { roles: ['web', 'app', 'db'] })
      .node('server', 'c', { roles: ['web', 'app', 'db'] })
      .link('u', 'lb')
      .link('lb', 'a')
      .link('lb', 'b')
      .link('lb', 'c')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 30);
    for (const id of ['a', 'b', 'c']) expect(share(f, id)).toBeCloseTo(1 / 3, 9);
  });

  it('the load balancer adds no queue: users see their link plus the backend', () => {
    const f = settled(behindLb('round_robin', 200), 60);
    const mean =
      0.5 * nodeField(f, 'small', F.latencyMean) +
      0.5 * nodeField(f, 'big', F.latencyMean) +
      20 +
      0.25;
    expect(rel(f.global[G.latencyMean]!, mean)).toBeLessThan(1e-9);
  });
});

describe('DNS', () => {
  const dns = (ttlSec: number, policy: 'round_robin' | 'weighted', cohorts = 20) =>
    new TopologyBuilder()
      .node('users', 'u', { rate: 100, cohorts })
      .node('dns', 'd', { ttlSec, policy })
      .node('server', 'a', { roles: ['web', 'app', 'db'] })
      .node('server', 'b', { roles: ['web', 'app', 'db'] })
      .link('u', 'd')
      .link('d', 'a', { weight: 1 })
      .link('d', 'b', { weight: 4 })
      .build();

  it('round robin hands cohort k the k-th record: 20 cohorts split 10/10', () => {
    const f = settled(dns(60, 'round_robin') as ReturnType<typeof behindLb>, 1);
    expect(f.cohorts).toHaveLength(20);
    expect(f.cohorts.filter((c) => c.address === 'a')).toHaveLength(10);
    expect(
      f.cohorts.every(
        (c) => c.users === 'u' && c.dns === 'd' && c.expiresAt > 0 && c.expiresAt <= 60,
      ),
    ).toBe(true);
    expect(nodeField(f, 'a', F.arrivalRate)).toBeCloseTo(50, 9);
  });

  it('cohorts stick to their answer until it expires, then resolve again (TTL + jitter)', () => {
    const sim = createSim(dns(60, 'round_robin', 7));
    sim.step(1);
    const first = sim.frame().cohorts;
    run(sim, 40, 1);
    const later = sim.frame().cohorts;
    for (const c of first) {
      const now = later.find((x) => x.cohort === c.cohort)!;
      if (c.expiresAt > 41) expect(now).toEqual(c);
      else {
        expect(now.expiresAt).toBeGreaterThanOrEqual(c.expiresAt + 60);
        expect(now.expiresAt).toBeLessThanOrEqual(c.expiresAt + 66);
      }
    }
  });

  it('weighted answers follow link weights over many cohorts', () => {
    const f = settled(dns(60, 'weighted', 1000) as ReturnType<typeof behindLb>, 1);
    const onB = f.cohorts.filter((c) => c.address === 'b').length / 1000;
    expect(Math.abs(onB - 0.8)).toBeLessThan(0.05);
  });

  it('a TTL of 0 means no caching: every request resolves, records share evenly', () => {
    const f = settled(dns(0, 'round_robin') as ReturnType<typeof behindLb>, 1);
    expect(nodeField(f, 'a', F.arrivalRate)).toBeCloseTo(50, 9);
  });
});

describe('databases', () => {
  const app = (b: TopologyBuilder) =>
    b
      .node('users', 'u', { rate: 200, distinctUsers: 10000 })
      .node('server', 's', { roles: ['web', 'app'], instanceType: 'm5.2xlarge' })
      .link('u', 's');

  it('hash sharding gives each shard an equal share of the users', () => {
    const topo = app(new TopologyBuilder())
      .node('dbPrimary', 'p0')
      .node('dbPrimary', 'p1')
      .link('s', 'p0')
      .link('s', 'p1')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 5);
    expect(nodeField(f, 'p0', F.arrivalRate)).toBeCloseTo(100, 9);
    expect(nodeField(f, 'p1', F.arrivalRate)).toBeCloseTo(100, 9);
  });

  it('a hot user makes its shard (the one owning user 0) hotter', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 200, distinctUsers: 10000, hotUserShare: 0.3 })
      .node('server', 's', { roles: ['web', 'app'], instanceType: 'm5.2xlarge' })
      .node('dbPrimary', 'p0')
      .node('dbPrimary', 'p1')
      .link('u', 's')
      .link('s', 'p0')
      .link('s', 'p1')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 5);
    // User 0 sends 30 % on top of an even spread of the other 70 % over all 10 000 users.
    expect(rel(nodeField(f, 'p0', F.arrivalRate), 200 * (0.3 + 0.7 * 0.5))).toBeLessThan(1e-12);
    expect(rel(nodeField(f, 'p1', F.arrivalRate), 200 * 0.7 * 0.5)).toBeLessThan(1e-12);
  });

  it('range sharding follows the ranges; users in no range fail with a diagnostic', () => {
    const topo = app(new TopologyBuilder())
      .node('dbPrimary', 'p0', { shardStrategy: 'range', shardFromPct: 0, shardToPct: 30 })
      .node('dbPrimary', 'p1', { shardStrategy: 'range', shardFromPct: 40, shardToPct: 100 })
      .link('s', 'p0')
      .link('s', 'p1')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 5);
    expect(nodeField(f, 'p0', F.arrivalRate)).toBeCloseTo(60, 6);
    expect(nodeField(f, 'p1', F.arrivalRate)).toBeCloseTo(120, 6);
    expect(nodeField(f, 's', F.errorRate)).toBeCloseTo(20, 6);
    const d = f.diagnostics.find((x) => x.code === 'noShard')!;
    expect(d.node).toBe('s');
    expect(d.message.en).toContain('30 % to 40 %');
  });

  it("each shard's reads go to that shard's replicas", () => {
    const topo = app(new TopologyBuilder())
      .node('dbPrimary', 'p0')
      .node('dbPrimary', 'p1')
      .node('dbReplica', 'r0')
      .node('dbReplica', 'r1')
      .link('s', 'p0')
      .link('s', 'p1')
      .link('p0', 'r0')
      .link('p1', 'r1')
      .link('s', 'r0')
      .link('s', 'r1')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 5);
    expect(nodeField(f, 'r0', F.readRate)).toBeCloseTo(90, 9); // half of the 180 reads
    expect(nodeField(f, 'r0', F.writeRate)).toBeCloseTo(10, 9); // shard 0's writes, replicated
    expect(nodeField(f, 'p0', F.readRate)).toBe(0);
    expect(nodeField(f, 'p0', F.writeRate)).toBeCloseTo(10, 9);
  });

  it('a cache answers its hit ratio of reads; misses and writes go on to the database', () => {
    const topo = app(new TopologyBuilder())
      .node('cache', 'c', { hitRatio: 0.8 })
      .node('dbPrimary', 'p')
      .link('s', 'c')
      .link('c', 'p')
      .build();
    const f = settled(topo as ReturnType<typeof behindLb>, 60);
    expect(nodeField(f, 'c', F.arrivalRate)).toBeCloseTo(200, 9);
    expect(nodeField(f, 'p', F.readRate)).toBeCloseTo(180 * 0.2, 9);
    expect(nodeField(f, 'p', F.writeRate)).toBeCloseTo(20, 9);
    // Work per lookup 0.2 ms on r5.large (2 cores): 200 × 0.0002 / 2.
    expect(rel(nodeField(f, 'c', F.utilization), 0.02)).toBeLessThan(1e-9);
    expect(classField(f, 'c', 0, CF.throughput)).toBeCloseTo(180, 9);
  });

  it('replication lag grows linearly once writes outrun the apply thread', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 300, readRatio: 0 })
      .node('server', 's', { roles: ['web', 'app'], instanceType: 'm5.4xlarge' })
      .node('dbPrimary', 'p', { instanceType: 'r5.xlarge', writeDemandMs: 1 })
      .node('dbReplica', 'r', { applyDemandMs: 4 }) // 250 writes/s at most
      .link('u', 's')
      .link('s', 'p')
      .link('p', 'r')
      .build();
    const sim = createSim(topo);
    run(sim, 60, 0.1);
    const a = nodeField(sim.frame(), 'r', F.replicationLagMs);
    run(sim, 60, 0.1);
    const b = nodeField(sim.frame(), 'r', F.replicationLagMs);
    // Backlog grows at 300 − 250 = 50/s; lag = backlog / 250 per second: +12 s per minute.
    expect(rel(b - a, 12000)).toBeLessThan(0.01);
  });
});
