import { describe, expect, it } from 'vitest';
import { addNode, connect, emptyTopology, setParam, type Topology } from '../../core/model';
import { EdgeMapper, NodeMapper, snap } from './flowMapping';
import { KIND_HANDLES } from './handles';

function sample(): Topology {
  let t = addNode(emptyTopology(), 'users', 0, 0).topology;
  t = addNode(t, 'server', 300, 0).topology;
  t = addNode(t, 'server', 300, 200).topology;
  const c = connect(t, 'users-1', 'server-1');
  if (!c.ok) throw new Error('connect failed');
  return c.topology.topology;
}

const none = new Set<string>();
const noMap = new Map();

describe('NodeMapper', () => {
  it('maps nodes to cards with positions, selection and data', () => {
    const t = sample();
    const nodes = new NodeMapper().map(t.nodes, new Set(['server-1']), noMap, noMap);
    expect(nodes.map((n) => [n.id, n.type, n.position, n.selected])).toEqual([
      ['users-1', 'card', { x: 0, y: 0 }, false],
      ['server-1', 'card', { x: 300, y: 0 }, true],
      ['server-2', 'card', { x: 300, y: 200 }, false],
    ]);
    expect(nodes[1]?.data.node).toBe(t.nodes[1]);
  });

  it('returns the same objects for unchanged nodes and new ones for changed nodes', () => {
    const mapper = new NodeMapper();
    const t = sample();
    const first = mapper.map(t.nodes, none, noMap, noMap);
    const r = setParam(t, 'server-1', 'bootSec', 60);
    if (!r.ok) throw new Error('setParam failed');
    const second = mapper.map(r.topology.nodes, none, noMap, noMap);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    const dragged = mapper.map(
      r.topology.nodes,
      none,
      new Map([['users-1', { x: 5, y: 6 }]]),
      noMap,
    );
    expect(dragged[0]?.position).toEqual({ x: 5, y: 6 });
    expect(dragged[1]).toBe(second[1]);
  });

  it('keeps measured sizes on the nodes', () => {
    const t = sample();
    const size = { width: 230, height: 120 };
    const nodes = new NodeMapper().map(t.nodes, none, noMap, new Map([['server-2', size]]));
    expect(nodes[2]?.measured).toBe(size);
    expect(nodes[0]?.measured).toBeUndefined();
  });
});

describe('EdgeMapper', () => {
  it('maps links to directed edges, reusing unchanged ones', () => {
    const mapper = new EdgeMapper();
    const t = sample();
    const first = mapper.map(t.links, none);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: 'link-1', source: 'users-1', target: 'server-1' });
    expect(first[0]?.markerEnd).toMatchObject({ type: 'arrowclosed' });
    expect(mapper.map(t.links, none)[0]).toBe(first[0]);
    expect(mapper.map(t.links, new Set(['link-1']))[0]?.selected).toBe(true);
  });
});

describe('handles', () => {
  it('come from the registry: users only call, replicas are only called', () => {
    expect(KIND_HANDLES.users).toEqual({ source: true, target: false });
    expect(KIND_HANDLES.dbReplica).toEqual({ source: false, target: true });
    expect(KIND_HANDLES.server).toEqual({ source: true, target: true });
    expect(KIND_HANDLES.dbPrimary).toEqual({ source: true, target: true });
  });
});

describe('snap', () => {
  it('rounds to the 10 px grid', () => {
    expect(snap({ x: 14, y: -16 })).toEqual({ x: 10, y: -20 });
  });
});
