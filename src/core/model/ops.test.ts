import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initHistory, record, redo, undo, type History } from './history';
import { KIND_IDS, type KindId } from './kinds';
import {
  addNode,
  connect,
  connectRefusal,
  deleteItems,
  disconnect,
  duplicate,
  extractFragment,
  moveNodes,
  nextId,
  pasteFragment,
  setLabel,
  setLinkField,
  setParam,
} from './ops';
import { emptyTopology, parseTopology, type Topology } from './schema';

/** users -> server -> dbPrimary, built through the ops themselves. */
function threeTier() {
  let t = emptyTopology();
  const u = addNode(t, 'users', 0, 0);
  const s = addNode(u.topology, 'server', 200, 0);
  const d = addNode(s.topology, 'dbPrimary', 400, 0);
  t = d.topology;
  const c1 = connect(t, u.id, s.id);
  if (!c1.ok) throw new Error('link 1');
  const c2 = connect(c1.topology.topology, s.id, d.id);
  if (!c2.ok) throw new Error('link 2');
  return { topology: c2.topology.topology, users: u.id, server: s.id, db: d.id };
}

describe('edit operations', () => {
  it('adds nodes with short deterministic ids and default params', () => {
    const { topology, users, server, db } = threeTier();
    expect([users, server, db]).toEqual(['users-1', 'server-1', 'db-1']);
    expect(topology.links.map((l) => `${l.from}>${l.to}`)).toEqual([
      'users-1>server-1',
      'server-1>db-1',
    ]);
    expect(parseTopology(topology).ok).toBe(true);
  });

  it('reuses the smallest free id', () => {
    expect(nextId(new Set(['web-1', 'web-3']), 'web')).toBe('web-2');
  });

  it('refuses links that make no sense, with a reason in both languages', () => {
    const { topology, users, db } = threeTier();
    const r = connect(topology, db, users);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.en).toMatch(/DB primary → Users is not allowed/);
      expect(r.reason.ko).not.toBe('');
    }
    expect(connectRefusal(topology, users, users)?.en).toMatch(/itself/);
    expect(connectRefusal(topology, users, 'server-1')?.en).toMatch(/already connected/);
  });

  it('moves, relabels and sets params without touching the input', () => {
    const { topology, server } = threeTier();
    const frozen = JSON.stringify(topology);
    const moved = moveNodes(topology, new Map([[server, { x: 10.4, y: 20.6 }]]));
    expect(moved.nodes.find((n) => n.id === server)).toMatchObject({ x: 10, y: 21 });
    const r = setParam(topology, server, 'instanceType', 'm5.xlarge');
    expect(r.ok && r.topology.nodes.find((n) => n.id === server)?.params).toMatchObject({
      instanceType: 'm5.xlarge',
    });
    expect(setLabel(topology, server, 'web').ok).toBe(true);
    expect(JSON.stringify(topology)).toBe(frozen);
  });

  it('refuses invalid params and keeps the model unchanged', () => {
    const { topology, server } = threeTier();
    const r = setParam(topology, server, 'bootSec', 0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toBe('Must be at least 5');
    expect(setParam(topology, server, 'roles', []).ok).toBe(false);
    expect(setParam(topology, server, 'nope', 1).ok).toBe(false);
    expect(setParam(topology, server, '__proto__', 1).ok).toBe(false);
    expect(setParam(topology, server, 'instanceType', 'x1.huge').ok).toBe(false);
    expect(setLabel(topology, server, 'x'.repeat(61)).ok).toBe(false);
    expect(setLinkField(topology, 'link-1', 'weight', -1).ok).toBe(false);
    expect(setLinkField(topology, 'link-1', 'latencyMs', Number.NaN).ok).toBe(false);
  });

  it('deletes a node with its links and the events naming it', () => {
    const { topology, server } = threeTier();
    const withEvent: Topology = {
      ...topology,
      scenario: { seed: 1, events: [{ type: 'kill', atSec: 10, node: server }] },
    };
    const t = deleteItems(withEvent, [server]);
    expect(t.nodes.map((n) => n.id)).toEqual(['users-1', 'db-1']);
    expect(t.links).toEqual([]);
    expect(t.scenario.events).toEqual([]);
    expect(parseTopology(t).ok).toBe(true);
  });

  it('disconnects links and drops their events', () => {
    const { topology } = threeTier();
    const withEvent: Topology = {
      ...topology,
      scenario: { seed: 1, events: [{ type: 'cutLink', atSec: 10, link: 'link-1' }] },
    };
    const t = disconnect(withEvent, ['link-1']);
    expect(t.links.map((l) => l.id)).toEqual(['link-2']);
    expect(t.scenario.events).toEqual([]);
  });

  it('duplicates nodes with the links among them and fresh ids', () => {
    const { topology, server, db } = threeTier();
    const r = duplicate(topology, [server, db]);
    expect(r.nodeIds).toEqual(['server-2', 'db-2']);
    expect(r.topology.links.at(-1)).toMatchObject({ from: 'server-2', to: 'db-2' });
    expect(r.topology.nodes.find((n) => n.id === 'server-2')).toMatchObject({ x: 240, y: 40 });
    expect(parseTopology(r.topology).ok).toBe(true);
  });

  it('pastes a copied fragment into another workspace', () => {
    const { topology, server, db } = threeTier();
    const frag = extractFragment(topology, [server, db]);
    const r = pasteFragment(emptyTopology(), frag, 0, 0);
    expect(r.nodeIds).toEqual(['server-1', 'db-1']);
    expect(r.topology.links).toHaveLength(1);
  });
});

type Edit =
  | { op: 'add'; kind: KindId; x: number; y: number }
  | { op: 'connect'; a: number; b: number }
  | { op: 'move'; a: number; x: number; y: number }
  | { op: 'param'; a: number; value: number }
  | { op: 'delete'; a: number }
  | { op: 'duplicate'; a: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    kind: fc.constantFrom(...KIND_IDS),
    x: fc.integer({ min: -500, max: 500 }),
    y: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({ op: fc.constant('connect' as const), a: fc.nat(20), b: fc.nat(20) }),
  fc.record({
    op: fc.constant('move' as const),
    a: fc.nat(20),
    x: fc.integer({ min: -500, max: 500 }),
    y: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({
    op: fc.constant('param' as const),
    a: fc.nat(20),
    value: fc.integer({ min: -5, max: 700 }),
  }),
  fc.record({ op: fc.constant('delete' as const), a: fc.nat(20) }),
  fc.record({ op: fc.constant('duplicate' as const), a: fc.nat(20) }),
);

/** Applies one edit the way the editor does: refused edits leave the document unchanged. */
function apply(t: Topology, e: Edit): Topology {
  const pick = (i: number) => t.nodes[i % Math.max(1, t.nodes.length)]?.id;
  switch (e.op) {
    case 'add':
      return addNode(t, e.kind, e.x, e.y).topology;
    case 'connect': {
      const a = pick(e.a);
      const b = pick(e.b);
      if (!a || !b) return t;
      const r = connect(t, a, b);
      return r.ok ? r.topology.topology : t;
    }
    case 'move': {
      const a = pick(e.a);
      return a ? moveNodes(t, new Map([[a, { x: e.x, y: e.y }]])) : t;
    }
    case 'param': {
      const a = pick(e.a);
      if (!a) return t;
      const r = setParam(t, a, 'bootSec', e.value);
      return r.ok ? r.topology : t;
    }
    case 'delete': {
      const a = pick(e.a);
      return a ? deleteItems(t, [a]) : t;
    }
    case 'duplicate': {
      const a = pick(e.a);
      return a ? duplicate(t, [a]).topology : t;
    }
  }
}

describe('undo/redo over edit sequences', () => {
  it('undoes every edit back to the start and redoes to the end', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 40 }), (edits) => {
        const start = threeTier().topology;
        let h: History<Topology> = initHistory(start);
        for (const e of edits) h = record(h, apply(h.present, e));
        const end = h.present;
        expect(parseTopology(end).ok).toBe(true);
        const steps = h.past.length;
        for (let i = 0; i < steps; i++) h = undo(h);
        expect(h.present).toEqual(start);
        expect(undo(h)).toBe(h);
        for (let i = 0; i < steps; i++) h = redo(h);
        expect(h.present).toEqual(end);
        expect(redo(h)).toBe(h);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('a new edit after undo discards the redo branch', () => {
    let h = initHistory(1);
    h = record(h, 2);
    h = record(h, 3);
    h = undo(h);
    h = record(h, 4);
    expect(h).toEqual({ past: [1, 2], present: 4, future: [] });
  });

  it('keeps at most the history limit', () => {
    let h = initHistory(0);
    for (let i = 1; i <= 10; i++) h = record(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });
});
