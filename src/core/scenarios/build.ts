/**
 * A compact way to write lesson topologies: nodes as tuples, links as pairs, every parameter not
 * given takes its default. The result goes through the same schema as user input.
 * Contract: pure; no DOM, no React.
 */
import type { KindId } from '../model/kinds';
import {
  describeIssue,
  parseTopology,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
} from '../model/schema';

export type NodeTuple = [
  id: string,
  kind: KindId,
  label: string,
  x: number,
  y: number,
  params?: Record<string, unknown>,
];

/**
 * Builds a validated topology; throws on a mistake in the lesson data (a programming error that
 * the lesson tests catch), never on user input.
 * @example topo('Box', [['users-1', 'users', 'Users', 0, 0]], [])
 */
export function topo(
  name: string,
  nodes: NodeTuple[],
  links: Array<[from: string, to: string]>,
  events: unknown[] = [],
): Topology {
  const r = parseTopology({
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    name,
    nodes: nodes.map(([id, kind, label, x, y, params]) => ({
      id,
      kind,
      label,
      x,
      y,
      params: params ?? {},
    })),
    links: links.map(([from, to], i) => ({ id: `link-${i + 1}`, from, to })),
    scenario: { seed: 1, events },
  });
  if (!r.ok)
    throw new Error(
      `lesson topology "${name}": ${r.issues.map((i) => describeIssue(i)).join('; ')}`,
    );
  return r.value;
}
