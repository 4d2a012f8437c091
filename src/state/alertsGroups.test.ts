import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../core/model';
import { F, NODE_FIELD_COUNT } from '../core/sim';
import {
  ANY_KEY,
  groupKey,
  nodeGroups,
  utilizationSamples,
  weightedUtilization,
} from './alertsGroups';

function topo(nodes: { id: string; kind: string; params?: Record<string, unknown> }[]): Topology {
  const r = parseTopology({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: nodes.map((n) => ({ label: n.id, x: 0, y: 0, params: {}, ...n })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const t = topo([
  { id: 'users-1', kind: 'users' },
  { id: 'web-1', kind: 'server', params: { roles: ['web'] } },
  { id: 'web-2', kind: 'server', params: { roles: ['web', 'app'] } },
  { id: 'db-1', kind: 'dbPrimary' },
  { id: 'lb-1', kind: 'lb' },
]);

describe('nodeGroups', () => {
  it('groups machines by role and keeps only groups of two or more', () => {
    expect(nodeGroups(t)).toEqual([{ id: 'web', members: ['web-1', 'web-2'] }]);
  });

  it('puts an all-in-one box in every role group it runs', () => {
    const g = nodeGroups(
      topo([
        { id: 'a', kind: 'server' },
        { id: 'b', kind: 'server' },
      ]),
    );
    expect(g.map((x) => x.id)).toEqual(['web', 'app', 'db']);
  });
});

describe('weightedUtilization', () => {
  it('is busy cores over cores in service, ignoring dead members', () => {
    expect(weightedUtilization([0.5, 1], [2, 2])).toBe(0.75);
    expect(weightedUtilization([0.5, 1], [2, 6])).toBe(0.875);
    expect(weightedUtilization([0.5, 0], [2, 0])).toBe(0.5);
    expect(weightedUtilization([0, 0], [0, 0])).toBeNaN();
  });
});

describe('utilizationSamples', () => {
  it('samples CPU nodes, their groups and the hottest node', () => {
    const ids = ['users-1', 'web-1', 'web-2', 'db-1', 'lb-1'];
    const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
    const set = (i: number, u: number, c: number) => {
      nodes[i * NODE_FIELD_COUNT + F.utilization] = u;
      nodes[i * NODE_FIELD_COUNT + F.cores] = c;
    };
    set(1, 0.95, 2);
    set(2, 0.55, 2);
    set(3, 0.4, 2);
    const s = utilizationSamples({ nodeIds: ids, nodes }, t);
    expect([...s.keys()].sort()).toEqual(['any', 'db-1', 'group:web', 'web-1', 'web-2']);
    expect(s.get(groupKey('web'))).toBeCloseTo(0.75);
    expect(s.get(ANY_KEY)).toBe(0.95);
  });
});
