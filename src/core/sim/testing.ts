/**
 * Building topologies in code, for tests, benchmarks and the headless runner: name nodes and
 * links, give only the parameters that matter, and get a validated Topology with every other
 * parameter at its default.
 * Contract: pure; no DOM. Throws on invalid input (with every issue listed), since it is meant
 * for code written by developers, not for untrusted data.
 */
import type { KindId, ParamsOf } from '../model/kinds';
import { describeIssue, parseTopology, type ScenarioEvent, type Topology } from '../model/schema';
import { CLASS_FIELD_COUNT, NODE_FIELD_COUNT, type Sim, type SimFrame } from './types';

interface NodeSpec {
  id: string;
  kind: KindId;
  params: Record<string, unknown>;
}

/**
 * A small fluent builder of topologies.
 * @example
 * const topo = new TopologyBuilder()
 *   .node('users', 'u', { rate: 100 })
 *   .node('server', 's', { instanceType: 'm5.xlarge' })
 *   .link('u', 's')
 *   .build();
 */
export class TopologyBuilder {
  private nodes: NodeSpec[] = [];
  private links: {
    id: string;
    from: string;
    to: string;
    latencyMs?: number | null;
    weight?: number;
    cut?: boolean;
  }[] = [];
  private events: ScenarioEvent[] = [];

  node<K extends KindId>(kind: K, id: string, params: Partial<ParamsOf<K>> = {}): this {
    this.nodes.push({ id, kind, params: params as Record<string, unknown> });
    return this;
  }

  link(
    from: string,
    to: string,
    extra: { id?: string; latencyMs?: number | null; weight?: number; cut?: boolean } = {},
  ): this {
    this.links.push({ id: extra.id ?? `${from}--${to}`, from, to, ...extra });
    return this;
  }

  event(e: ScenarioEvent): this {
    this.events.push(e);
    return this;
  }

  build(seed = 1): Topology {
    const data = {
      format: 'scale-out-lab/topology',
      version: 1,
      name: 'test',
      nodes: this.nodes.map((n, i) => ({
        id: n.id,
        kind: n.kind,
        label: n.id,
        x: (i % 100) * 100,
        y: Math.floor(i / 100) * 100,
        params: n.params,
      })),
      links: this.links,
      scenario: { seed, events: this.events },
    };
    const r = parseTopology(data);
    if (!r.ok) throw new Error(r.issues.map((i) => describeIssue(i)).join('\n'));
    return r.value;
  }
}

/**
 * A node's field in a frame.
 * @example nodeField(sim.frame(), 'server-1', F.utilization)
 */
export function nodeField(frame: SimFrame, id: string, field: number): number {
  const i = frame.nodeIds.indexOf(id);
  if (i < 0) throw new Error(`no node "${id}" in the frame`);
  return frame.nodes[i * NODE_FIELD_COUNT + field]!;
}

/**
 * A node's per-class field in a frame (cls 0 = read, 1 = write).
 * @example classField(sim.frame(), 'replica-1', 1, CF.backlog)
 */
export function classField(frame: SimFrame, id: string, cls: number, field: number): number {
  const i = frame.nodeIds.indexOf(id);
  if (i < 0 || !frame.classes) throw new Error(`no node "${id}" in the frame`);
  return frame.classes[(i * 2 + cls) * CLASS_FIELD_COUNT + field]!;
}

/** Steps a simulation for `seconds` in steps of `dt` (the last step is shortened to land exactly). */
export function run(sim: Sim, seconds: number, dt: number): void {
  const end = sim.time + seconds;
  while (sim.time < end - 1e-9) sim.step(Math.min(dt, end - sim.time));
}
