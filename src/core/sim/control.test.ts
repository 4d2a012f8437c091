/**
 * The control plane and the run's state: health-check misconfigurations, failure events, zone
 * loss with auto scaling replacement, topology changes that carry state over, costs, warm-up,
 * and the diagnostics of topologies that cannot work.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from './kernel';
import { mmc } from './queueing';
import { nodeField, run, TopologyBuilder } from './testing';
import { F, G, HEALTH, type SimEvent, type SimFrame } from './types';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const lbPair = (
  lb: Record<string, unknown> = {},
  server: Record<string, unknown> = {},
  good: Record<string, unknown> = {},
) =>
  new TopologyBuilder()
    .node('users', 'u', { rate: 100 })
    .node('lb', 'lb', lb)
    .node('server', 'a', { roles: ['web', 'app', 'db'], ...good })
    .node('server', 'b', { roles: ['web', 'app', 'db'], ...server })
    .link('u', 'lb')
    .link('lb', 'a')
    .link('lb', 'b')
    .build();

function frameAfter(topo: ReturnType<typeof lbPair>, seconds: number, dt = 0.5): SimFrame {
  const sim = createSim(topo);
  run(sim, seconds, dt);
  return sim.frame();
}

describe('health checks and misconfiguration', () => {
  it.each([
    ['a wrong target port', {}, { listenPort: 8080, sgPort: 8080 }, {}, 'wrongPort'],
    [
      'a check path the server does not answer',
      { hcPath: '/health' },
      {},
      { answersPaths: '/ /health' },
      'pathNotAnswered',
    ],
    ['a security group on another port', {}, { sgPort: 443 }, {}, 'securityGroup'],
    ['a security group that only admits my IP', {}, { sgSource: 'my-ip' }, {}, 'securityGroup'],
  ] as const)(
    '%s marks the target unhealthy with its reason, and it gets no traffic',
    (_, lb, server, good, reason) => {
      const f = frameAfter(lbPair(lb, server, good), 10);
      const t = f.targets.find((x) => x.target === 'b')!;
      expect(t.state).toBe('unhealthy');
      expect(t.reason).toBe(reason);
      expect(t.share).toBe(0);
      expect(nodeField(f, 'b', F.arrivalRate)).toBe(0);
      expect(nodeField(f, 'a', F.arrivalRate)).toBeCloseTo(100, 9);
      expect(nodeField(f, 'b', F.health)).toBe(HEALTH.unhealthy);
      expect(f.diagnostics.some((d) => d.node === 'b' && d.code === reason)).toBe(true);
      expect(f.global[G.errorRate]).toBeLessThan(1e-9);
    },
  );

  it('a TCP check ignores the path', () => {
    const f = frameAfter(lbPair({ hcProtocol: 'TCP', hcPath: '/health' }), 10);
    expect(f.targets.every((t) => t.state === 'healthy')).toBe(true);
  });

  it('when every target is unhealthy the load balancer fails open (and their requests fail)', () => {
    const f = frameAfter(lbPair({ targetPort: 8080 }), 10);
    expect(f.targets.every((t) => t.state === 'unhealthy' && t.share === 0.5)).toBe(true);
    expect(f.global[G.errorRatio]).toBeCloseTo(1, 9); // connection refused on 8080
    expect(f.diagnostics.some((d) => d.node === 'lb' && d.code === 'failOpen')).toBe(true);
  });

  it("the LB's own security group must admit its listener port", () => {
    const f = frameAfter(lbPair({ sgPort: 443 }), 5);
    expect(f.global[G.errorRatio]).toBeCloseTo(1, 9);
    expect(nodeField(f, 'lb', F.errorRate)).toBeCloseTo(100, 9);
    expect(f.diagnostics.find((d) => d.code === 'listenerBlocked')?.node).toBe('lb');
  });

  it('an overloaded target fails its checks (the check waits in the same queue)', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 400, timeoutMs: 0 })
      .node('lb', 'lb')
      .node('server', 'a', { roles: ['web', 'app', 'db'] })
      .link('u', 'lb')
      .link('lb', 'a')
      .build();
    const events: SimEvent[] = [];
    const sim = createSim(topo);
    while (sim.time < 300) {
      sim.step(0.5);
      events.push(...sim.frame().events);
    }
    expect(events.some((e) => e.type === 'targetUnhealthy' && e.detail === 'a: failedChecks')).toBe(
      true,
    );
  });

  it('a target added to a running LB serves only after healthyThreshold passing checks', () => {
    const one = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('lb', 'lb')
      .node('server', 'a', { roles: ['web', 'app', 'db'] })
      .node('server', 'b', { roles: ['web', 'app', 'db'] })
      .link('u', 'lb')
      .link('lb', 'a')
      .build();
    const sim = createSim(one);
    run(sim, 50, 0.5);
    sim.setTopology(lbPair());
    const added = sim.time;
    let healthyAt = -1;
    let servedBefore = 0;
    while (sim.time < 400) {
      sim.step(0.5);
      const f = sim.frame();
      const e = f.events.find((x) => x.type === 'targetHealthy' && x.detail === 'b');
      if (e) healthyAt = e.time;
      if (healthyAt < 0) servedBefore = Math.max(servedBefore, nodeField(f, 'b', F.arrivalRate));
      else if (f.time > healthyAt + 1) expect(nodeField(f, 'b', F.arrivalRate)).toBeCloseTo(50, 6);
    }
    expect(servedBefore).toBe(0);
    // Five passes 30 s apart, the first within one interval of registration.
    expect(healthyAt - added).toBeGreaterThanOrEqual(120);
    expect(healthyAt - added).toBeLessThanOrEqual(150);
  });

  it('removing a target drains it (deregistration delay) and stops its traffic at once', () => {
    const sim = createSim(lbPair({ deregistrationDelaySec: 60 }));
    run(sim, 30, 0.5);
    const one = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('lb', 'lb', { deregistrationDelaySec: 60 })
      .node('server', 'a', { roles: ['web', 'app', 'db'] })
      .node('server', 'b', { roles: ['web', 'app', 'db'] })
      .link('u', 'lb')
      .link('lb', 'a')
      .build();
    sim.setTopology(one);
    sim.step(0.5);
    let f = sim.frame();
    expect(f.targets.find((t) => t.target === 'b')).toMatchObject({
      state: 'draining',
      reason: 'deregistering',
      share: 0,
    });
    expect(nodeField(f, 'b', F.arrivalRate)).toBe(0);
    run(sim, 61, 0.5);
    f = sim.frame();
    expect(f.targets.find((t) => t.target === 'b')).toBeUndefined();
  });
});

describe('failure events', () => {
  it('cutting a link fails what goes over it until it is restored', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('server', 's', { roles: ['web', 'app'] })
      .node('dbPrimary', 'p')
      .link('u', 's')
      .link('s', 'p', { id: 'app-db' })
      .event({ type: 'cutLink', atSec: 10, link: 'app-db' })
      .event({ type: 'restoreLink', atSec: 20, link: 'app-db' })
      .build();
    const sim = createSim(topo);
    run(sim, 15, 0.5);
    let f = sim.frame();
    expect(f.global[G.errorRatio]).toBeCloseTo(1, 9);
    expect(nodeField(f, 's', F.errorRate)).toBeCloseTo(100, 6);
    expect(f.diagnostics.some((d) => d.code === 'linkCut' && d.node === 's')).toBe(true);
    run(sim, 10, 0.5);
    f = sim.frame();
    expect(f.global[G.errorRatio]).toBe(0);
    expect(f.diagnostics.some((d) => d.code === 'linkCut')).toBe(false);
  });

  it('an event inside a long step takes effect at its own time (rates are averaged over the step)', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('server', 's', { roles: ['web', 'app', 'db'] })
      .link('u', 's')
      .event({ type: 'kill', atSec: 2.5, node: 's' })
      .build();
    const sim = createSim(topo);
    sim.step(10);
    const f = sim.frame();
    // Up for 2.5 s of the 10 s step: 75 % of the requests failed, plus those in flight at 2.5 s
    // (the M/M/2 mean number in system by then).
    const inFlight = mmc(100, (1 + 10 + 0.9 * 4 + 0.1 * 8) / 1000, 2).L;
    expect(rel(f.global[G.errorRate]!, (750 + inFlight) / 10)).toBeLessThan(1e-3);
    expect(f.events.map((e) => e.type)).toEqual(['killed']);
  });

  it('setRate (injected) changes the offered load; slow multiplies the work', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('server', 's', { roles: ['web', 'app', 'db'] })
      .link('u', 's')
      .build();
    const sim = createSim(topo);
    run(sim, 5, 0.5);
    sim.inject({ type: 'setRate', atSec: 0, node: 'u', rate: 50 });
    sim.inject({ type: 'slow', atSec: 0, node: 's', factor: 2 });
    sim.step(0.5);
    const f = sim.frame();
    expect(f.global[G.offered]).toBe(50);
    const S = (1 + 10 + 0.9 * 4 + 0.1 * 8) / 1000;
    expect(rel(nodeField(f, 's', F.utilization), (50 * S * 2) / 2)).toBeLessThan(1e-6);
    expect(nodeField(f, 's', F.cores)).toBe(1);
    expect(f.events.map((e) => e.type)).toEqual(['rateChanged', 'slowed']);
  });

  it('an event naming an unknown node is ignored with a diagnostic, not an exception', () => {
    const sim = createSim(lbPair());
    sim.inject({ type: 'kill', atSec: 0, node: 'nope' });
    sim.step(0.1);
    expect(sim.frame().diagnostics.find((d) => d.code === 'unknownNode')?.node).toBe('nope');
  });

  it('losing a zone takes its machines down; the ASG replaces its instances in other zones', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 100 })
      .node('lb', 'lb')
      .node('asg', 'g', {
        roles: ['web', 'app', 'db'],
        minSize: 3,
        desired: 3,
        maxSize: 6,
        az: 'a',
      })
      .link('u', 'lb')
      .link('lb', 'g')
      .event({ type: 'loseAz', atSec: 30, az: 'b' })
      .build();
    const sim = createSim(topo);
    run(sim, 10, 0.5);
    const before = sim.frame().instances;
    expect(before.map((i) => i.az).sort()).toEqual(['a', 'b', 'c']);
    const events: SimEvent[] = [];
    while (sim.time < 600) {
      sim.step(0.5);
      events.push(...sim.frame().events);
    }
    const f = sim.frame();
    expect(events.some((e) => e.type === 'azLost')).toBe(true);
    expect(events.some((e) => e.type === 'instanceTerminated' && e.detail === 'g#2')).toBe(true);
    const live = f.instances.filter((i) => i.state === 'inService');
    expect(live).toHaveLength(3);
    expect(live.every((i) => i.az !== 'b')).toBe(true);
    expect(f.global[G.errorRatio]).toBeLessThan(1e-9);
  });

  it('an ASG instance can be killed by id and is replaced', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 50 })
      .node('lb', 'lb')
      .node('asg', 'g', { roles: ['web', 'app', 'db'], minSize: 2, desired: 2, maxSize: 4 })
      .link('u', 'lb')
      .link('lb', 'g')
      .build();
    const sim = createSim(topo);
    run(sim, 5, 0.5);
    sim.inject({ type: 'kill', atSec: 0, node: 'g#1' });
    const events: SimEvent[] = [];
    while (sim.time < 500) {
      sim.step(0.5);
      events.push(...sim.frame().events);
    }
    expect(events.find((e) => e.type === 'killed')?.node).toBe('g#1');
    expect(events.some((e) => e.type === 'instanceTerminated' && e.detail === 'g#1')).toBe(true);
    expect(events.some((e) => e.type === 'instanceLaunched' && e.detail === 'g#3')).toBe(true);
    expect(nodeField(sim.frame(), 'g', F.instances)).toBe(2);
  });
});

describe('topology changes carry state over', () => {
  it('backlog, instances and DNS answers survive an unrelated edit', () => {
    const build = (extra: boolean) => {
      const b = new TopologyBuilder()
        .node('users', 'u', { rate: 300, timeoutMs: 0, cohorts: 9 })
        .node('dns', 'd')
        .node('lb', 'lb')
        .node('asg', 'g', { roles: ['web', 'app', 'db'], minSize: 2, desired: 2, maxSize: 4 })
        .node('server', 'slow', { roles: ['web', 'app', 'db'] })
        .link('u', 'd')
        .link('d', 'lb')
        .link('d', 'slow')
        .link('lb', 'g');
      if (extra) b.node('server', 'spare');
      return b.build();
    };
    const sim = createSim(build(false));
    run(sim, 20, 0.25);
    const before = sim.frame();
    sim.setTopology(build(true));
    const after = sim.frame();
    // The rates are refreshed by an infinitesimal step, which moves the backlog by ~1e-9 s of flow.
    expect(
      rel(nodeField(after, 'slow', F.backlog), nodeField(before, 'slow', F.backlog)),
    ).toBeLessThan(1e-6);
    const ids = (f: SimFrame) => f.instances.map((i) => `${i.id}:${i.state}:${i.az}:${i.since}`);
    expect(ids(after)).toEqual(ids(before));
    expect(after.cohorts).toEqual(before.cohorts);
    expect(after.targets).toEqual(before.targets);
    expect(nodeField(after, 'slow', F.arrivalRate)).toBeCloseTo(
      nodeField(before, 'slow', F.arrivalRate),
      6,
    );
    expect(after.time).toBe(before.time);
    expect(after.nodeIds).toContain('spare');
  });
});

describe('costs', () => {
  it('cost per hour is the running machines; the total is billed per second', () => {
    const topo = new TopologyBuilder()
      .node('users', 'u', { rate: 10 })
      .node('server', 's', { roles: ['web', 'app'] })
      .node('dbPrimary', 'p')
      .link('u', 's')
      .link('s', 'p')
      .build();
    const sim = createSim(topo);
    run(sim, 1800, 5);
    const f = sim.frame();
    expect(f.global[G.costPerHour]).toBeCloseTo(0.096 + 0.126, 12);
    expect(rel(f.global[G.costTotal]!, (0.096 + 0.126) / 2)).toBeLessThan(1e-9);
  });

  it('an auto scaling instance is billed from boot and warms up to full capacity', () => {
    const group = (size: number) =>
      new TopologyBuilder()
        .node('users', 'u', { rate: 10 })
        .node('dns', 'd')
        .node('asg', 'g', {
          roles: ['web', 'app', 'db'],
          minSize: size,
          desired: size,
          maxSize: 2,
          warmupSec: 100,
        })
        .link('u', 'd')
        .link('d', 'g')
        .build();
    const sim = createSim(group(0));
    sim.step(1);
    sim.setTopology(group(1)); // launched at t = 1
    const seen: { t: number; state: string; cores: number; cost: number }[] = [];
    while (sim.time < 300) {
      sim.step(1);
      const f = sim.frame();
      seen.push({
        t: f.time,
        state: f.instances[0]?.state ?? '',
        cores: nodeField(f, 'g', F.cores),
        cost: nodeField(f, 'g', F.costPerHour),
      });
    }
    const at = (t: number) => seen.find((x) => Math.abs(x.t - t) < 1e-9)!;
    expect(at(6)).toMatchObject({ state: 'pending', cost: 0 }); // pending 10 s
    expect(at(21)).toMatchObject({ state: 'booting', cost: 0.096 }); // boot 45 s
    // No load balancer: a DNS record at once, then 100 s of warm-up from half capacity.
    expect(at(57).state).toBe('warming');
    expect(at(57).cores).toBeGreaterThan(1);
    expect(at(57).cores).toBeLessThan(1.1);
    expect(at(106).cores).toBeCloseTo(1 + (50 / 100) * 1, 1);
    expect(at(200)).toMatchObject({ state: 'inService', cores: 2 });
  });

  it('a topology set before the run starts begins in its steady state', () => {
    const sim = createSim(new TopologyBuilder().node('users', 'u').build());
    sim.setTopology(
      new TopologyBuilder()
        .node('users', 'u', { rate: 10 })
        .node('lb', 'lb')
        .node('asg', 'g', { roles: ['web', 'app', 'db'], minSize: 2, desired: 2 })
        .link('u', 'lb')
        .link('lb', 'g')
        .build(),
    );
    sim.step(1);
    const f = sim.frame();
    expect(f.instances.map((i) => i.state)).toEqual(['inService', 'inService']);
    expect(f.targets.every((t) => t.state === 'healthy')).toBe(true);
  });
});

describe('diagnostics of topologies that cannot work', () => {
  const diagFor = (b: TopologyBuilder) => {
    const sim = createSim(b.build());
    run(sim, 30, 0.5);
    return sim.frame();
  };

  it('a web-only server with nothing to run the app fails its requests', () => {
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 10 })
        .node('server', 's', { roles: ['web'] })
        .node('dbPrimary', 'p')
        .link('u', 's')
        .link('s', 'p'),
    );
    const d = f.diagnostics.find((x) => x.node === 's' && x.code === 'missingDownstream')!;
    expect(d.message.en).toContain('No application server reachable');
    expect(d.message.ko.length).toBeGreaterThan(0);
    expect(f.global[G.errorRatio]).toBeCloseTo(1, 9);
  });

  it('an app with no database fails with "No database reachable"', () => {
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 10 })
        .node('server', 's', { roles: ['web', 'app'] })
        .link('u', 's'),
    );
    const d = f.diagnostics.find((x) => x.code === 'missingDownstream')!;
    expect(d.node).toBe('s');
    expect(d.message.en).toBe('No database reachable: point the app at the database server');
    expect(nodeField(f, 's', F.errorRate)).toBeCloseTo(10, 9);
  });

  it('replicas alone serve reads; writes fail with "noPrimary"', () => {
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 100 })
        .node('server', 's', { roles: ['web', 'app'] })
        .node('dbReplica', 'r')
        .link('u', 's')
        .link('s', 'r'),
    );
    expect(f.diagnostics.some((d) => d.code === 'noPrimary' && d.node === 's')).toBe(true);
    expect(f.diagnostics.some((d) => d.code === 'replicaNoPrimary' && d.node === 'r')).toBe(true);
    expect(f.global[G.errorRatio]).toBeCloseTo(0.1, 9);
  });

  it('servers calling each other in a cycle are diagnosed and still simulated', () => {
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 50 })
        .node('server', 'a', { roles: ['web', 'db'] })
        .node('server', 'b', { roles: ['app'] })
        .link('u', 'a')
        .link('a', 'b')
        .link('b', 'a'),
    );
    expect(f.diagnostics.some((d) => d.code === 'cycle')).toBe(true);
    for (const v of f.nodes) expect(Number.isFinite(v)).toBe(true);
    expect(nodeField(f, 'b', F.arrivalRate)).toBeCloseTo(50, 6);
  });

  it('a request loop through a cache and a load balancer is cut and diagnosed', () => {
    // The cache's misses go to the LB, which sends them back to the cache: a loop at the db stage.
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 50 })
        .node('server', 's', { roles: ['web', 'app'] })
        .node('cache', 'c', { hitRatio: 0.5 })
        .node('lb', 'lb')
        .link('u', 's')
        .link('s', 'c')
        .link('c', 'lb')
        .link('lb', 'c'),
    );
    expect(f.diagnostics.some((d) => d.code === 'routingLoop')).toBe(true);
    expect(f.global[G.attempts]).toBe(50);
    expect(nodeField(f, 'c', F.arrivalRate)).toBeLessThan(50 * 1.01);
    for (const v of f.nodes) expect(Number.isFinite(v)).toBe(true);
  });

  it('a server reached from the internet must admit it in its security group', () => {
    const f = diagFor(
      new TopologyBuilder()
        .node('users', 'u', { rate: 10 })
        .node('server', 's', { roles: ['web', 'app', 'db'], sgSource: 'lb' })
        .link('u', 's'),
    );
    expect(f.diagnostics.find((d) => d.code === 'securityGroup')?.node).toBe('s');
    expect(f.global[G.errorRatio]).toBeCloseTo(1, 9);
  });

  it('an empty topology and a users node alone simulate without trouble', () => {
    const sim = createSim(new TopologyBuilder().build());
    sim.step(1);
    expect(sim.frame().nodeIds).toEqual([]);
    const f = diagFor(new TopologyBuilder().node('users', 'u', { rate: 5 }));
    expect(f.diagnostics.find((d) => d.code === 'noTargets')?.node).toBe('u');
  });
});
