/**
 * Groups of nodes that play the same part (all web servers, all databases, ...), for the group
 * charts, and the utilization samples the alert watch is fed with.
 * Contract: pure functions over the topology and a frame; no React, no DOM, no store.
 */
import type { Topology, TopologyNode } from '../core/model';
import { F, NODE_FIELD_COUNT, type SimFrame } from '../core/sim/types';

export const GROUP_IDS = ['web', 'app', 'db', 'replica', 'cache'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

/** Key of a group's series in the watch (node ids cannot contain ':'). */
export const groupKey = (id: GroupId): string => `group:${id}`;
/** Key of the hottest-node series in the watch. */
export const ANY_KEY = 'any';

const hasRole = (n: TopologyNode, role: 'web' | 'app' | 'db'): boolean =>
  (n.kind === 'server' || n.kind === 'asg') && n.params.roles.includes(role);

const MEMBER: Record<GroupId, (n: TopologyNode) => boolean> = {
  web: (n) => hasRole(n, 'web'),
  app: (n) => hasRole(n, 'app'),
  db: (n) => n.kind === 'dbPrimary' || hasRole(n, 'db'),
  replica: (n) => n.kind === 'dbReplica',
  cache: (n) => n.kind === 'cache',
};

export interface NodeGroup {
  id: GroupId;
  members: string[];
}

/**
 * The groups with at least two members (a group of one is the node itself). A machine with
 * several roles belongs to several groups, as the all-in-one box does.
 * @example nodeGroups(topo) // [{ id: 'web', members: ['web-1', 'web-2'] }]
 */
export function nodeGroups(topology: Pick<Topology, 'nodes'>): NodeGroup[] {
  return GROUP_IDS.map((id) => ({
    id,
    members: topology.nodes.filter(MEMBER[id]).map((n) => n.id),
  })).filter((g) => g.members.length >= 2);
}

/** Kinds whose utilization means busy CPU cores. */
export const hasCpu = (n: Pick<TopologyNode, 'kind'>): boolean =>
  n.kind === 'server' ||
  n.kind === 'asg' ||
  n.kind === 'dbPrimary' ||
  n.kind === 'dbReplica' ||
  n.kind === 'cache';

/**
 * Utilization of a group: busy cores over cores in service (Σ ρᵢ·cᵢ / Σ cᵢ), so a dead member
 * (0 cores) does not pull the average down. NaN when no member has cores.
 * @example weightedUtilization([0.5, 1], [2, 2]) === 0.75
 */
export function weightedUtilization(util: ArrayLike<number>, cores: ArrayLike<number>): number {
  let busy = 0;
  let total = 0;
  for (let i = 0; i < util.length; i++) {
    const u = util[i]!;
    const c = cores[i]!;
    if (!Number.isFinite(u) || !(c > 0)) continue;
    busy += u * c;
    total += c;
  }
  return total > 0 ? busy / total : NaN;
}

/**
 * Values the alert watch observes in a frame: every CPU node's utilization, each group's
 * weighted utilization, and the hottest node under ANY_KEY.
 */
export function utilizationSamples(
  frame: Pick<SimFrame, 'nodeIds' | 'nodes'>,
  topology: Pick<Topology, 'nodes'>,
  groups: readonly NodeGroup[] = nodeGroups(topology),
): Map<string, number> {
  const index = new Map(frame.nodeIds.map((id, i) => [id, i]));
  const read = (id: string, field: number) => {
    const i = index.get(id);
    return i === undefined ? NaN : (frame.nodes[i * NODE_FIELD_COUNT + field] ?? NaN);
  };
  const out = new Map<string, number>();
  let max = NaN;
  for (const n of topology.nodes) {
    if (!hasCpu(n) || !index.has(n.id)) continue;
    const u = read(n.id, F.utilization);
    out.set(n.id, u);
    if (Number.isFinite(u) && !(u <= max)) max = u;
  }
  for (const g of groups) {
    const util = g.members.map((id) => read(id, F.utilization));
    const cores = g.members.map((id) => read(id, F.cores));
    out.set(groupKey(g.id), weightedUtilization(util, cores));
  }
  if (out.size > 0) out.set(ANY_KEY, max);
  return out;
}
