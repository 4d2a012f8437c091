/**
 * The scenarios the lessons are built on, with numbers: scale up, a tier split, a read replica,
 * failover behind a load balancer and behind DNS round robin, auto scaling after a load step,
 * and a retry storm with and without a retry budget. Expected values come from the model's
 * formulas (utilization = λ·S/c, M/M/c sojourns) and AWS's documented timings.
 */
import { describe, expect, it } from 'vitest';
import type { InstanceTypeName } from '../model/instanceTypes';
import { createSim } from './kernel';
import { mmc } from './queueing';
import { nodeField, run, TopologyBuilder } from './testing';
import { F, G, type Sim, type SimEvent, type SimFrame } from './types';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Steps to `until`, calling `see` with every frame. */
function watch(sim: Sim, until: number, dt: number, see: (f: SimFrame) => void): void {
  while (sim.time < until - 1e-9) {
    sim.step(Math.min(dt, until - sim.time));
    see(sim.frame());
  }
}

const allInOne = (type: InstanceTypeName, rate = 120) =>
  new TopologyBuilder()
    .node('users', 'users-1', { rate })
    .node('server', 'server-1', { instanceType: type, roles: ['web', 'app', 'db'] })
    .link('users-1', 'server-1')
    .build();

// Default work per request: web 1 ms + app 10 ms + db (90 % reads × 4 ms + 10 % writes × 8 ms).
const DEFAULT_DEMAND_S = (1 + 10 + 0.9 * 4 + 0.1 * 8) / 1000;

describe('scale up', () => {
  it('the all-in-one m5.large crosses 90 % CPU at 120 req/s; an m5.xlarge brings it under', () => {
    const sim = createSim(allInOne('m5.large'));
    run(sim, 60, 1 / 60);
    const before = nodeField(sim.frame(), 'server-1', F.utilization);
    expect(rel(before, (120 * DEFAULT_DEMAND_S) / 2)).toBeLessThan(1e-9);
    expect(before).toBeGreaterThan(0.9);
    // Scale up in place: the running queue carries over, and the bigger box drains it.
    sim.setTopology(allInOne('m5.xlarge'));
    run(sim, 60, 1 / 60);
    const f = sim.frame();
    const after = nodeField(f, 'server-1', F.utilization);
    expect(rel(after, (120 * DEFAULT_DEMAND_S) / 4)).toBeLessThan(1e-9);
    expect(after).toBeLessThan(0.9);
    expect(nodeField(f, 'server-1', F.costPerHour)).toBe(0.192);
    expect(nodeField(f, 'server-1', F.cores)).toBe(4);
    expect(f.events.some((e) => e.type === 'topologyChanged')).toBe(true);
  });
});

describe('tier split', () => {
  const split = (dbAz: 'a' | 'b') =>
    new TopologyBuilder()
      .node('users', 'u', { rate: 100, readRatio: 1 })
      .node('server', 'web', { roles: ['web', 'app'] })
      .node('server', 'db', { roles: ['db'], az: dbAz })
      .link('u', 'web')
      .link('web', 'db')
      .build();

  it('moving the database to its own server adds the link round trip to every request', () => {
    const latency = (topo: ReturnType<typeof split>) => {
      const sim = createSim(topo);
      run(sim, 60, 1 / 60);
      return sim.frame().global[G.latencyMean]!;
    };
    const same = latency(split('a'));
    const cross = latency(split('b'));
    // Each machine is an M/M/2: web+app 11 ms, db 4 ms (all reads); plus the users' 20 ms.
    const queues = mmc(100, 0.011, 2).W + mmc(100, 0.004, 2).W + 0.02;
    expect(rel(same, (queues + 0.00025) * 1000)).toBeLessThan(1e-3);
    expect(rel(cross, (queues + 0.001) * 1000)).toBeLessThan(1e-3);
    expect(cross - same).toBeCloseTo(0.75, 3); // 1 ms across zones vs 0.25 ms within one
  });

  it('a server that still runs the db role keeps its own queries and says so', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 50 })
      .node('server', 's', { roles: ['web', 'app', 'db'] })
      .node('dbPrimary', 'p')
      .link('u', 's')
      .link('s', 'p')
      .build();
    const sim = createSim(topo);
    run(sim, 10, 0.5);
    const f = sim.frame();
    expect(nodeField(f, 'p', F.arrivalRate)).toBe(0);
    expect(f.diagnostics.find((d) => d.code === 'unusedDbRole')?.node).toBe('s');
  });
});

describe('read replicas', () => {
  it('a replica takes the reads off the primary: its CPU falls to the writes alone', () => {
    const build = (replica: boolean) => {
      const b = new TopologyBuilder()
        .node('users', 'u', { rate: 300 })
        .node('server', 'app', { roles: ['web', 'app'], instanceType: 'm5.2xlarge' })
        .node('dbPrimary', 'p')
        .link('u', 'app')
        .link('app', 'p');
      if (replica) b.node('dbReplica', 'r').link('p', 'r').link('app', 'r');
      return b.build();
    };
    const cpu = (replica: boolean) => {
      const sim = createSim(build(replica));
      run(sim, 60, 1 / 60);
      const f = sim.frame();
      return { primary: nodeField(f, 'p', F.utilization), f };
    };
    const before = cpu(false).primary;
    const { primary: after, f } = cpu(true);
    expect(rel(before, (300 * (0.9 * 0.004 + 0.1 * 0.008)) / 2)).toBeLessThan(1e-9);
    expect(rel(after, (300 * 0.1 * 0.008) / 2)).toBeLessThan(1e-9);
    expect(after).toBeLessThan(before / 5);
    // The replica reads 270/s and applies the 30 writes/s; its lag is its apply sojourn.
    expect(rel(nodeField(f, 'r', F.readRate), 270)).toBeLessThan(1e-9);
    expect(rel(nodeField(f, 'r', F.writeRate), 30)).toBeLessThan(1e-9);
    expect(rel(nodeField(f, 'r', F.replicationLagMs), mmc(30, 0.002, 1).W * 1000)).toBeLessThan(
      1e-3,
    );
  });
});

describe('failover', () => {
  const pair = (front: 'lb' | 'dns', seed: number, withRecord = true) => {
    const b = new TopologyBuilder().node('users', 'u', { rate: 100 });
    b.node(front, 'front', front === 'dns' ? { ttlSec: 60, jitterPct: 10 } : {});
    b.node('server', 'a', { roles: ['web', 'app', 'db'] }).node('server', 'b', {
      roles: ['web', 'app', 'db'],
    });
    b.link('u', 'front').link('front', 'b');
    if (withRecord) b.link('front', 'a');
    return b
      .event({ type: 'kill', atSec: 100, node: 'a' })
      .event({ type: 'restore', atSec: 300, node: 'a' })
      .build(seed);
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'behind a load balancer a dead server fails its share for 30–65 s, then nothing (seed %s)',
    (seed) => {
      const sim = createSim(pair('lb', seed));
      let lastError = -1;
      let shareWhileFailing = 0;
      const events: SimEvent[] = [];
      watch(sim, 600, 0.1, (f) => {
        events.push(...f.events);
        if (f.global[G.errorRate]! > 1e-9) {
          lastError = f.time;
          shareWhileFailing = f.global[G.errorRatio]!;
        }
      });
      const down = events.find((e) => e.type === 'targetUnhealthy')!;
      const up = events.find((e) => e.type === 'targetHealthy')!;
      expect(lastError - 100).toBeGreaterThanOrEqual(30);
      expect(lastError - 100).toBeLessThanOrEqual(65);
      expect(down.time - 100).toBeGreaterThanOrEqual(30);
      expect(down.time - 100).toBeLessThanOrEqual(65);
      expect(shareWhileFailing).toBeCloseTo(0.5, 6); // round robin: half the requests hit it
      expect(up.time - 300).toBeGreaterThanOrEqual(120);
      expect(up.time - 300).toBeLessThanOrEqual(150);
    },
  );

  it('behind DNS round robin the dead server keeps failing its cohorts; after the record goes, until caches expire', () => {
    const sim = createSim(pair('dns', 3));
    const ratioAt: number[] = [];
    watch(sim, 130, 0.5, (f) => ratioAt.push(f.global[G.errorRatio]!));
    // No health checks: the record stays, and half of the 20 cohorts sit on it.
    expect(ratioAt[ratioAt.length - 1]).toBeCloseTo(0.5, 6);
    sim.setTopology(pair('dns', 3, false)); // the record changes at t = 130 ...
    let last = -1;
    let earlyFailures = 0;
    watch(sim, 400, 0.5, (f) => {
      if (f.global[G.errorRate]! > 1e-9) last = f.time;
      if (f.time <= 150) earlyFailures = Math.max(earlyFailures, f.global[G.errorRatio]!);
    });
    // ... but cached answers live up to TTL + 10 % jitter = 66 s more.
    expect(earlyFailures).toBeGreaterThan(0.1);
    expect(last).toBeGreaterThan(150);
    expect(last).toBeLessThanOrEqual(130 + 66);
    expect(sim.frame().cohorts.every((c) => c.address === 'b')).toBe(true);
  });
});

describe('auto scaling', () => {
  it('a load step brings new capacity 4–8 minutes later, and the frames show it coming', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 100, pattern: 'step', peakRate: 300, startSec: 120 })
      .node('lb', 'lb')
      .node('asg', 'g', {
        roles: ['web', 'app'],
        minSize: 2,
        desired: 2,
        maxSize: 8,
        targetValue: 50,
      })
      .node('dbPrimary', 'p', { instanceType: 'r5.xlarge' })
      .link('u', 'lb')
      .link('lb', 'g')
      .link('g', 'p')
      .build();
    const sim = createSim(topo);
    const events: SimEvent[] = [];
    const states = new Set<string>();
    let inServiceBefore = 0;
    watch(sim, 900, 0.5, (f) => {
      events.push(...f.events);
      for (const i of f.instances) states.add(`${i.id}:${i.state}`);
      if (f.time < 120) inServiceBefore = nodeField(f, 'g', F.instances);
    });
    const f = sim.frame();
    expect(inServiceBefore).toBe(2);
    // 300 req/s over 2 instances of 11 ms each = 82.5 % CPU: 3 breaching minutes, then 2 → 4.
    const out = events.find((e) => e.type === 'scaleOut')!;
    expect(out.detail).toBe('2 -> 4');
    expect(out.time - 120).toBeGreaterThanOrEqual(180);
    expect(out.time - 120).toBeLessThanOrEqual(240);
    const healthy = events.filter((e) => e.type === 'targetHealthy' && e.detail?.startsWith('g#'));
    const inService = events.filter((e) => e.type === 'instanceInService');
    expect(inService).toHaveLength(2);
    for (const e of [...healthy, ...inService]) {
      expect(e.time - 120).toBeGreaterThanOrEqual(240);
      expect(e.time - 120).toBeLessThanOrEqual(480);
    }
    expect(events.filter((e) => e.type === 'instanceLaunched')).toHaveLength(2);
    for (const st of ['g#3:booting', 'g#3:registering', 'g#3:warming', 'g#3:inService'])
      expect(states.has(st)).toBe(true);
    expect(nodeField(f, 'g', F.instances)).toBe(4);
    expect(rel(nodeField(f, 'g', F.utilization), (300 * 0.011) / 4 / 2)).toBeLessThan(1e-6);
    expect(nodeField(f, 'g', F.costPerHour)).toBeCloseTo(4 * 0.096, 9);
  });

  it('after the load falls, 15 quiet minutes scale the group back in', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', {
        rate: 100,
        pattern: 'spike',
        peakRate: 360,
        startSec: 60,
        durationSec: 600,
      })
      .node('lb', 'lb', { deregistrationDelaySec: 30 })
      .node('asg', 'g', {
        roles: ['web', 'app'],
        minSize: 2,
        desired: 2,
        maxSize: 8,
        targetValue: 50,
      })
      .node('dbPrimary', 'p', { instanceType: 'r5.xlarge' })
      .link('u', 'lb')
      .link('lb', 'g')
      .link('g', 'p')
      .build();
    const sim = createSim(topo);
    const events: SimEvent[] = [];
    watch(sim, 2400, 1, (f) => events.push(...f.events));
    const inn = events.find((e) => e.type === 'scaleIn')!;
    expect(inn.detail).toBe('4 -> 2');
    // During the spike 4 instances run at 49.5 % CPU (between 0.9 × 50 and 50: no action). The load
    // is back at 100 req/s from t = 660: 13.75 % CPU, below 0.9 × 50 for 15 periods, then 4 → 2.
    expect(inn.time - 660).toBeGreaterThanOrEqual(15 * 60);
    expect(inn.time - 660).toBeLessThanOrEqual(17 * 60);
    expect(events.some((e) => e.type === 'instanceTerminated')).toBe(true);
    expect(nodeField(sim.frame(), 'g', F.instances)).toBe(2);
  });
});

describe('retry storm', () => {
  const storm = (budget: boolean) =>
    new TopologyBuilder()
      .node('users', 'u', {
        rate: 100,
        timeoutMs: 1000,
        retries: 3,
        backoffMs: 100,
        retryBudget: budget,
        retryBudgetPct: 10,
      })
      .node('server', 's', {
        roles: ['web', 'app', 'db'],
        webDemandMs: 1,
        appDemandMs: 10,
        dbReadDemandMs: 0,
        dbWriteDemandMs: 0,
      })
      .link('u', 's')
      // A 30 s capacity dip: the server runs 3× slower (60 req/s against 100 offered).
      .event({ type: 'slow', atSec: 60, node: 's', factor: 3 })
      .event({ type: 'slow', atSec: 90, node: 's', factor: 1 })
      .build();

  it('without a budget, a short dip tips the system into overload it never leaves', () => {
    const sim = createSim(storm(false));
    run(sim, 55, 0.1);
    const healthy = sim.frame();
    expect(rel(healthy.global[G.goodput]!, 100)).toBeLessThan(1e-3);
    run(sim, 600 - sim.time, 0.1);
    const f = sim.frame();
    // Capacity is back to 2 / 11 ms = 182 req/s, yet retries keep the offered work above it.
    expect(f.global[G.attempts]!).toBeGreaterThan(2 / 0.011);
    expect(f.global[G.goodput]!).toBeLessThan(50);
    expect(f.global[G.errorRatio]!).toBeGreaterThan(0.5);
    expect(nodeField(f, 's', F.utilization)).toBeGreaterThan(0.99);
  });

  it('the same run with a 10 % retry budget recovers once the dip ends', () => {
    const sim = createSim(storm(true));
    run(sim, 600, 0.1);
    const f = sim.frame();
    expect(rel(f.global[G.goodput]!, 100)).toBeLessThan(1e-3);
    expect(f.global[G.errorRatio]!).toBeLessThan(1e-6);
    expect(rel(nodeField(f, 's', F.utilization), (100 * 0.011) / 2)).toBeLessThan(1e-6);
  });
});
