/**
 * Invariants of every step on random small topologies (fast-check, fixed seed): flow
 * conservation per node, 0 ≤ utilization ≤ 1, finite and sane numbers, and determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LB_ALGORITHMS } from '../model/kinds/lb';
import type { Role } from '../model/params';
import type { Topology } from '../model/schema';
import { createSim } from './kernel';
import { run, TopologyBuilder } from './testing';
import { CF, CLASS_FIELD_COUNT, F, G, NODE_FIELD_COUNT, type SimFrame } from './types';

const ROLE_SETS: Role[][] = [
  ['web', 'app', 'db'],
  ['web', 'app'],
  ['web'],
  ['app'],
  ['app', 'db'],
  ['db'],
  ['web', 'db'],
];

const arbSpec = fc.record({
  servers: fc.integer({ min: 1, max: 4 }),
  roles: fc.array(fc.constantFrom(...ROLE_SETS), { minLength: 4, maxLength: 4 }),
  front: fc.constantFrom('direct', 'lb', 'dns', 'dnsLb', 'asg'),
  db: fc.constantFrom('none', 'primary', 'replicas', 'shards', 'cache'),
  rate: fc.double({ min: 1, max: 500, noNaN: true }),
  type: fc.constantFrom('t3.micro', 'm5.large', 'm5.xlarge', 'c5.large', 'r5.large'),
  queueLimit: fc.integer({ min: 1, max: 2000 }),
  cv: fc.double({ min: 0, max: 3, noNaN: true }),
  algorithm: fc.constantFrom(...LB_ALGORITHMS),
  timeoutMs: fc.constantFrom(0, 300, 5000),
  retries: fc.integer({ min: 0, max: 3 }),
  budget: fc.boolean(),
  readRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  crossLinks: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 3 }),
  kill: fc.option(fc.nat(3), { nil: undefined }),
  dt: fc.constantFrom(1 / 60, 0.25, 5),
});
type Spec = typeof arbSpec extends fc.Arbitrary<infer T> ? T : never;

/** A topology from a spec: users → (LB | DNS | DNS → LB | ASG) → servers → databases. */
function build(spec: Spec): Topology {
  const b = new TopologyBuilder();
  b.node('users', 'u', {
    rate: spec.rate,
    readRatio: spec.readRatio,
    timeoutMs: spec.timeoutMs,
    retries: spec.retries,
    retryBudget: spec.budget,
    cohorts: 7,
  });
  const servers = Array.from({ length: spec.servers }, (_, i) => `s${i}`);
  const common = {
    instanceType: spec.type,
    queueLimit: spec.queueLimit,
    demandCv: spec.cv,
  } as const;
  servers.forEach((id, i) =>
    b.node('server', id, { ...common, roles: spec.roles[i]!, az: i % 2 ? 'b' : 'a' }),
  );
  if (spec.front === 'asg') {
    b.node('lb', 'lb', { algorithm: spec.algorithm }).node('asg', 'g', {
      ...common,
      roles: ['web'],
      minSize: 1,
      desired: 2,
      maxSize: 3,
    });
    b.link('u', 'lb').link('lb', 'g');
    servers.forEach((s) => b.link('g', s));
  } else if (spec.front === 'direct') servers.forEach((s) => b.link('u', s));
  else {
    if (spec.front !== 'lb') b.node('dns', 'dns', { ttlSec: 30 }).link('u', 'dns');
    if (spec.front !== 'dns') {
      b.node('lb', 'lb', { algorithm: spec.algorithm });
      b.link(spec.front === 'lb' ? 'u' : 'dns', 'lb');
      servers.forEach((s) => b.link('lb', s));
    } else servers.forEach((s) => b.link('dns', s));
  }
  const seen = new Set<string>();
  for (const [a, c] of spec.crossLinks) {
    const from = servers[a % servers.length]!;
    const to = servers[c % servers.length]!;
    if (from !== to && !seen.has(`${from}>${to}`)) {
      seen.add(`${from}>${to}`);
      b.link(from, to);
    }
  }
  if (spec.db !== 'none') {
    b.node('dbPrimary', 'p0', { instanceType: 'r5.large', queueLimit: spec.queueLimit });
    servers.forEach((s) => b.link(s, 'p0'));
  }
  if (spec.db === 'replicas') {
    b.node('dbReplica', 'r0')
      .node('dbReplica', 'r1', { az: 'b' })
      .link('p0', 'r0')
      .link('p0', 'r1');
    servers.forEach((s) => b.link(s, 'r0').link(s, 'r1'));
  }
  if (spec.db === 'shards') {
    b.node('dbPrimary', 'p1', { shardStrategy: 'hash' });
    servers.forEach((s) => b.link(s, 'p1'));
  }
  if (spec.db === 'cache') {
    b.node('cache', 'c0', { hitRatio: 0.7 }).link('c0', 'p0');
    servers.forEach((s) => b.link(s, 'c0'));
  }
  if (spec.kill !== undefined)
    b.event({ type: 'kill', atSec: 2, node: servers[spec.kill % servers.length]! });
  return b.build(42);
}

const nodeAt = (f: SimFrame, i: number, field: number) => f.nodes[i * NODE_FIELD_COUNT + field]!;

function checkFrame(f: SimFrame): void {
  for (const arr of [f.nodes, f.global, f.linkRates, f.classes!])
    for (const v of arr) expect(Number.isFinite(v)).toBe(true);
  for (let i = 0; i < f.nodeIds.length; i++) {
    const u = nodeAt(f, i, F.utilization);
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThanOrEqual(1);
    for (const field of [
      F.arrivalRate,
      F.backlog,
      F.dropRate,
      F.errorRate,
      F.timeoutRate,
      F.latencyMean,
      F.cores,
      F.costPerHour,
    ])
      expect(nodeAt(f, i, field)).toBeGreaterThanOrEqual(-1e-9);
    expect(nodeAt(f, i, F.latencyP50)).toBeLessThanOrEqual(
      nodeAt(f, i, F.latencyP95) * (1 + 1e-9) + 1e-9,
    );
    expect(nodeAt(f, i, F.latencyP95)).toBeLessThanOrEqual(
      nodeAt(f, i, F.latencyP99) * (1 + 1e-9) + 1e-9,
    );
    for (let c = 0; c < 2; c++) {
      const cu = f.classes![(i * 2 + c) * CLASS_FIELD_COUNT + CF.utilization]!;
      expect(cu).toBeGreaterThanOrEqual(0);
      expect(cu).toBeLessThanOrEqual(1 + 1e-9);
    }
  }
  expect(f.global[G.errorRatio]).toBeLessThanOrEqual(1);
  expect(f.global[G.goodput]).toBeLessThanOrEqual(f.global[G.throughput]! + 1e-6);
  for (const t of f.targets) expect(t.share).toBeGreaterThanOrEqual(0);
}

/** in = out + drops + errors + Δbacklog/dt, per node (users are sources and excluded). */
function checkConservation(prev: SimFrame, next: SimFrame, dt: number, kinds: string[]): void {
  for (let i = 0; i < next.nodeIds.length; i++) {
    if (kinds[i] === 'users') continue;
    const a = nodeAt(next, i, F.arrivalRate);
    const out =
      nodeAt(next, i, F.throughput) + nodeAt(next, i, F.dropRate) + nodeAt(next, i, F.errorRate);
    const dx = (nodeAt(next, i, F.backlog) - nodeAt(prev, i, F.backlog)) / dt;
    const scale = 1 + a + Math.abs(dx) + nodeAt(next, i, F.backlog) / dt;
    expect(Math.abs(a - out - dx) / scale).toBeLessThan(1e-6);
  }
}

describe('invariants on random topologies', () => {
  it('every step conserves flow and yields finite, bounded numbers', () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const topo = build(spec);
        const kinds = topo.nodes.map((n) => n.kind);
        const sim = createSim(topo);
        let prev = sim.frame();
        checkFrame(prev);
        const steps = Math.min(240, Math.ceil(8 / spec.dt));
        for (let k = 0; k < steps; k++) {
          sim.step(spec.dt);
          const next = sim.frame();
          checkFrame(next);
          checkConservation(prev, next, spec.dt, kinds);
          prev = next;
        }
      }),
      { seed: 42, numRuns: 40 },
    );
  }, 300_000);

  it('the same topology and seed give identical frames; another seed may differ', () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const topo = build({ ...spec, front: 'dns' });
        const a = createSim(topo);
        const b = createSim(topo);
        for (let k = 0; k < 40; k++) {
          a.step(0.5);
          b.step(0.5);
          expect(b.frame()).toEqual(a.frame());
        }
      }),
      { seed: 42, numRuns: 15 },
    );
    const topo = build({ ...fc.sample(arbSpec, { seed: 42, numRuns: 1 })[0]!, front: 'dns' });
    const cohorts = (seed: number) => {
      const sim = createSim(topo, { seed });
      sim.step(1);
      return sim.frame().cohorts.map((c) => c.expiresAt);
    };
    expect(cohorts(1)).toEqual(cohorts(1));
    expect(cohorts(1)).not.toEqual(cohorts(2));
  }, 300_000);
});

describe("Little's law per node at steady state", () => {
  it('backlog = (arrivals − drops − errors) × sojourn on every machine', () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const topo = build({
          ...spec,
          kill: undefined,
          retries: 0,
          timeoutMs: 0,
          rate: Math.min(spec.rate, 60),
          front: spec.front === 'asg' ? 'lb' : spec.front,
        });
        const sim = createSim(topo);
        run(sim, 300, 0.5);
        const f = sim.frame();
        topo.nodes.forEach((n, i) => {
          if (!('instanceType' in n.params)) return;
          const accepted =
            nodeAt(f, i, F.arrivalRate) - nodeAt(f, i, F.dropRate) - nodeAt(f, i, F.errorRate);
          const x = nodeAt(f, i, F.backlog);
          if (accepted < 1e-6 || x > 1e5) return; // idle, or overloaded (no steady state)
          expect(
            Math.abs(x - (accepted * nodeAt(f, i, F.latencyMean)) / 1000) / (1 + x),
          ).toBeLessThan(1e-3);
        });
      }),
      { seed: 42, numRuns: 30 },
    );
  }, 300_000);
});
