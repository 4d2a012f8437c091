import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyNode } from '../../core/model';
import { demandParts, explainNode, isSettling, readShare, type NodeReadings } from './explain';

function topo(nodes: unknown[]): Topology {
  const r = parseTopology({ format: 'scale-out-lab/topology', version: 1, nodes });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const node = (kind: string, params: Record<string, unknown>, id = 'n1') => ({
  id,
  kind,
  label: id,
  x: 0,
  y: 0,
  params,
});

const readings = (over: Partial<NodeReadings>): NodeReadings => ({
  utilization: 0,
  arrivalRate: 0,
  readRate: 0,
  writeRate: 0,
  throughput: 0,
  backlog: 0,
  latencyMean: 0,
  latencyP95: 0,
  cores: 2,
  instances: 1,
  up: 1,
  ...over,
});

const only = (t: Topology): TopologyNode => t.nodes[0]!;

describe('ρ = λS/c from the frame and the topology', () => {
  it('matches a hand-computed web + app server on m5.large', () => {
    // S = 1 + 10 ms, c = 2 cores: ρ = 100 req/s × 0.011 s / 2 = 0.55.
    const t = topo([node('server', { roles: ['web', 'app'], instanceType: 'm5.large' })]);
    const e = explainNode(only(t), readings({ arrivalRate: 100, cores: 2 }), t);
    expect(e.kind).toBe('queue');
    if (e.kind !== 'queue') return;
    expect(e.serviceMs).toBeCloseTo(11);
    expect(e.cores).toBe(2);
    expect(e.rho).toBeCloseTo(0.55, 12);
  });

  it('divides the work by the per-core speed and the kernel cores by it too', () => {
    // c5.large: 2 vCPU at 1.15× → S = 11/1.15 ms, kernel cores 2.3 → c = 2.
    const t = topo([node('server', { roles: ['web', 'app'], instanceType: 'c5.large' })]);
    const e = explainNode(only(t), readings({ arrivalRate: 100, cores: 2.3 }), t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.serviceMs).toBeCloseTo(11 / 1.15, 12);
    expect(e.cores).toBeCloseTo(2, 12);
    expect(e.rho).toBeCloseTo((100 * 0.011) / 1.15 / 2, 12);
    expect(e.reasons).not.toContain('warming');
  });

  it('weights the database work by the read share the node sees', () => {
    const t = topo([node('server', { roles: ['web', 'app', 'db'] })]);
    const parts = demandParts(only(t), readShare(readings({ readRate: 75, writeRate: 25 }), t));
    expect(parts).toEqual([
      { part: 'web', ms: 1, share: 1 },
      { part: 'app', ms: 10, share: 1 },
      { part: 'dbRead', ms: 4, share: 0.75 },
      { part: 'dbWrite', ms: 8, share: 0.25 },
    ]);
  });

  it("falls back to the users' rate-weighted read ratio before the node sees traffic", () => {
    const t = topo([
      node('users', { rate: 100, readRatio: 0.5 }, 'u1'),
      node('users', { rate: 300, readRatio: 1 }, 'u2'),
    ]);
    expect(readShare(readings({}), t)).toBeCloseTo(0.875);
    expect(readShare(readings({}), topo([]))).toBe(0.9);
  });
});

describe('Erlang C, Wq and Little’s law against published values', () => {
  it('M/M/1, λ = 3, μ = 4: P(wait) = 0.75, Wq = 0.75 s, W = 1 s, L = 3', () => {
    // One core in service (the kernel reports 1 effective core), S = 250 ms.
    const t = topo([node('server', { roles: ['web'], webDemandMs: 250 })]);
    const r = readings({ arrivalRate: 3, throughput: 3, cores: 1, utilization: 0.75 });
    const e = explainNode(only(t), r, t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.rho).toBeCloseTo(0.75, 12);
    expect(e.pWait).toBeCloseTo(0.75, 12);
    expect(e.wqMs).toBeCloseTo(750, 9);
    expect(e.wMs).toBeCloseTo(1000, 9);
    expect(e.littleL).toBeCloseTo(3, 9);
    // The M/M/1 sojourn is Exp(μ − λ): p95 = ln 20 s exactly; the gamma fit is exact for k = 1.
    expect(e.p95ExactMs).toBeCloseTo(Math.log(20) * 1000, 6);
    expect(e.p95Ms).toBeCloseTo(Math.log(20) * 1000, 3);
    // Two of the m5.large's cores are missing, and the popover says so.
    expect(e.reasons).toContain('warming');
  });

  it("PDQ's bank, M/M/4 with a = 3.5: W = 24.7572 and L = 8.6650 (time unit: 1 s)", () => {
    const t = topo([
      node('server', { roles: ['web'], webDemandMs: 10000, instanceType: 'm5.xlarge' }),
    ]);
    const e = explainNode(only(t), readings({ arrivalRate: 0.35, cores: 4 }), t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.wMs / 1000).toBeCloseTo(24.7572, 3);
    expect(e.littleL).toBeCloseTo(8.665, 3);
  });
});

describe('agreement with the kernel', () => {
  const t = topo([node('server', { roles: ['web', 'app'] })]);
  const steady = () => {
    const e = explainNode(only(t), readings({ arrivalRate: 100, cores: 2 }), t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    return e;
  };

  it('agrees when the kernel reports the steady state', () => {
    const f = steady();
    const r = readings({
      arrivalRate: 100,
      throughput: 100,
      cores: 2,
      utilization: f.rho,
      latencyMean: f.wMs,
      latencyP95: f.p95Ms,
      backlog: f.littleL,
    });
    const e = explainNode(only(t), r, t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.agrees).toEqual({ rho: true, w: true, l: true, p95: true });
    expect(e.reasons).toEqual([]);
  });

  it('names a transient when the queue is still filling', () => {
    const f = steady();
    const r = readings({
      arrivalRate: 100,
      cores: 2,
      utilization: f.rho,
      backlog: f.littleL / 3,
      latencyMean: f.wMs / 2,
    });
    const e = explainNode(only(t), r, t, { settling: true });
    expect(e.kind === 'queue' && e.reasons).toEqual(['transient']);
  });

  it('has no steady state in overload, and says so', () => {
    const e = explainNode(only(t), readings({ arrivalRate: 300, cores: 2, utilization: 1 }), t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.rho).toBeCloseTo(1.65);
    expect(e.stable).toBe(false);
    expect(e.wMs).toBe(Infinity);
    expect(e.reasons).toEqual(['overload']);
  });

  it('reports a dead node as down', () => {
    const e = explainNode(only(t), readings({ arrivalRate: 100, cores: 0, up: 0 }), t);
    expect(e.kind === 'queue' && e.reasons).toEqual(['down']);
  });

  it('names a disagreement it cannot attribute as the model', () => {
    const f = steady();
    const r = readings({
      arrivalRate: 100,
      cores: 2,
      utilization: f.rho * 1.2,
      latencyMean: f.wMs,
      backlog: f.littleL,
      latencyP95: f.p95Ms,
    });
    expect(explainNode(only(t), r, t)).toMatchObject({ reasons: ['model'] });
  });
});

describe('nodes without cores', () => {
  it('explain a load balancer with Little’s law only', () => {
    const t = topo([node('lb', {})]);
    const e = explainNode(only(t), readings({ arrivalRate: 200, latencyMean: 5 }), t);
    expect(e).toMatchObject({ kind: 'pass', lambda: 200, wMs: 5, littleL: 1 });
  });
});

describe('isSettling', () => {
  it('sees a backlog that is still moving and one that has settled', () => {
    expect(isSettling([0, 5, 10, 15, 20], [0, 4, 8, 12, 16])).toBe(true);
    expect(isSettling([0, 5, 10, 15, 20], [8, 8, 8, 8.01, 8])).toBe(false);
    expect(isSettling([0], [1])).toBe(false);
  });
});

describe('an idle node', () => {
  it('compares nothing when no requests arrive', () => {
    const t = topo([node('server', { roles: ['web', 'app'] })]);
    const e = explainNode(only(t), readings({ arrivalRate: 0, cores: 2 }), t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.idle).toBe(true);
    expect(e.wMs).toBeCloseTo(11);
    expect(e.reasons).toEqual([]);
  });
});

describe('a read replica', () => {
  it('counts the replayed writes on its cores: ρ = (135 × 4 + 30 × 2) ms / 2 cores = 0.30', () => {
    const t = topo([node('dbReplica', {})]);
    const r = readings({ arrivalRate: 165, readRate: 135, writeRate: 30, cores: 2 });
    const e = explainNode(only(t), r, t);
    if (e.kind !== 'queue') throw new Error('expected a queue');
    expect(e.parts.map((p) => p.part)).toEqual(['read', 'apply']);
    expect(e.rho).toBeCloseTo(0.3, 12);
  });
});
