import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { KIND_IDS, KINDS, emptyTopology, type KindId, type Topology } from '../core/model';
import { useNoticeStore } from './noticeStore';
import { PASTE_OFFSET, resetTopologyStore, useTopologyStore } from './topologyStore';

const store = () => useTopologyStore.getState();
const topo = () => store().doc.present;

beforeEach(() => {
  resetTopologyStore();
  useNoticeStore.setState({ toasts: [], storageProblem: null });
});

describe('topology store actions', () => {
  it('adds a node, selects it and records one undo step', () => {
    const id = store().addNode('server', 100, 80);
    expect(id).toBe('server-1');
    expect(topo().nodes).toHaveLength(1);
    expect(store().selection).toEqual({ nodes: ['server-1'], links: [] });
    expect(store().doc.past).toHaveLength(1);
  });

  it('connects allowed kinds and refuses others with a reason and a notice', () => {
    const u = store().addNode('users', 0, 0);
    const s = store().addNode('server', 200, 0);
    const db = store().addNode('dbPrimary', 400, 0);
    expect(store().connect(u, s)).toBeNull();
    expect(topo().links).toEqual([
      { id: 'link-1', from: u, to: s, latencyMs: null, weight: 1, cut: false },
    ]);
    const before = topo();
    const reason = store().connect(db, u);
    expect(reason?.en).toContain('is not allowed');
    expect(topo()).toBe(before);
    expect(store().lastRefusal).toEqual(reason);
    expect(useNoticeStore.getState().toasts.map((t) => t.text)).toEqual([reason]);
  });

  it('setParam refuses an invalid value and leaves the model untouched', () => {
    const s = store().addNode('server', 0, 0);
    const before = topo();
    const pastBefore = store().doc.past.length;
    const reason = store().setParam(s, 'bootSec', 0);
    expect(reason?.en).toBe('Must be at least 5');
    expect(topo()).toBe(before);
    expect(store().doc.past).toHaveLength(pastBefore);
    expect(store().setParam(s, 'bootSec', 90)).toBeNull();
    expect(topo().nodes[0]?.params).toMatchObject({ bootSec: 90 });
    expect(store().lastRefusal).toBeNull();
  });

  it('merges edits that share a merge key into one undo step', () => {
    const s = store().addNode('server', 0, 0);
    store().setParam(s, 'bootSec', 9, 'edit-1');
    store().setParam(s, 'bootSec', 90, 'edit-1');
    store().setParam(s, 'bootSec', 900 - 300, 'edit-1');
    expect(store().doc.past).toHaveLength(2);
    store().undo();
    expect(topo().nodes[0]?.params).toMatchObject({ bootSec: 45 });
    // After undo the run is over: the same key starts a new step.
    store().setParam(s, 'bootSec', 60, 'edit-1');
    store().setParam(s, 'bootSec', 70, 'edit-2');
    expect(store().doc.past).toHaveLength(3);
  });

  it('a drag records one step, and a drag that ends where it started records none', () => {
    const a = store().addNode('server', 0, 0);
    const b = store().addNode('server', 200, 0);
    const steps = store().doc.past.length;
    store().moveNodes(new Map([[a, { x: 0, y: 0 }]]));
    expect(store().doc.past).toHaveLength(steps);
    store().moveNodes(
      new Map([
        [a, { x: 10, y: 20 }],
        [b, { x: 210.4, y: 20 }],
      ]),
    );
    expect(store().doc.past).toHaveLength(steps + 1);
    expect(topo().nodes.map((n) => [n.x, n.y])).toEqual([
      [10, 20],
      [210, 20],
    ]);
  });

  it('deletes the selection with its links, and undo brings both back', () => {
    const u = store().addNode('users', 0, 0);
    const s = store().addNode('server', 200, 0);
    store().connect(u, s);
    store().setSelection({ nodes: [s], links: [] });
    store().deleteSelection();
    expect(topo().nodes.map((n) => n.id)).toEqual([u]);
    expect(topo().links).toEqual([]);
    expect(store().selection).toEqual({ nodes: [], links: [] });
    store().undo();
    expect(topo().nodes).toHaveLength(2);
    expect(topo().links).toHaveLength(1);
  });

  it('copy and paste give fresh ids, keep internal links and offset each paste', () => {
    const u = store().addNode('users', 0, 0);
    const s = store().addNode('server', 200, 0);
    store().connect(u, s);
    store().setSelection({ nodes: [u, s], links: [] });
    expect(store().copy()).toBe(true);
    const first = store().paste();
    const second = store().paste();
    expect(first).toEqual(['users-2', 'server-2']);
    expect(second).toEqual(['users-3', 'server-3']);
    expect(store().selection.nodes).toEqual(second);
    const pasted = topo().nodes.find((n) => n.id === 'server-3');
    expect(pasted).toMatchObject({ x: 200 + 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET });
    expect(topo().links.map((l) => [l.from, l.to])).toEqual([
      [u, s],
      ['users-2', 'server-2'],
      ['users-3', 'server-3'],
    ]);
  });

  it('paste with an empty clipboard and duplicate with no selection do nothing', () => {
    store().addNode('server', 0, 0);
    store().setSelection({ nodes: [], links: [] });
    const before = store().doc;
    expect(store().copy()).toBe(false);
    expect(store().paste()).toEqual([]);
    expect(store().duplicate()).toEqual([]);
    expect(store().doc).toBe(before);
  });

  it('edits a link, deletes it, and drops it from the selection', () => {
    const u = store().addNode('users', 0, 0);
    const s = store().addNode('server', 200, 0);
    store().connect(u, s);
    expect(store().setLinkField('link-1', 'latencyMs', 5)).toBeNull();
    expect(store().setLinkField('link-1', 'weight', -1)?.en).toContain('between 0 and 1000');
    store().setLinkField('link-1', 'cut', true);
    expect(topo().links[0]).toMatchObject({ latencyMs: 5, weight: 1, cut: true });
    store().setSelection({ nodes: [], links: ['link-1'] });
    store().deleteSelection();
    expect(topo().links).toEqual([]);
    expect(store().selection.links).toEqual([]);
  });

  it('renames the topology within the length limit', () => {
    expect(store().setName('Shop')).toBeNull();
    expect(topo().name).toBe('Shop');
    expect(store().setName('x'.repeat(81))?.en).toContain('At most 80');
    expect(topo().name).toBe('Shop');
  });

  it('selection ignores unknown ids and a repeated selection keeps the same object', () => {
    const s = store().addNode('server', 0, 0);
    store().setSelection({ nodes: [s, 'ghost'], links: ['nope'] });
    const sel = store().selection;
    expect(sel).toEqual({ nodes: [s], links: [] });
    store().setSelection({ nodes: [s], links: [] });
    expect(store().selection).toBe(sel);
  });

  it('replaceTopology is undoable, or starts a fresh history when asked', () => {
    store().addNode('server', 0, 0);
    const loaded: Topology = { ...emptyTopology('Loaded') };
    store().replaceTopology(loaded);
    expect(topo()).toBe(loaded);
    store().undo();
    expect(topo().nodes).toHaveLength(1);
    store().replaceTopology(loaded, { resetHistory: true });
    expect(store().doc).toEqual({ past: [], present: loaded, future: [] });
  });
});

type Command =
  | { op: 'add'; kind: KindId; x: number; y: number }
  | { op: 'connect'; a: number; b: number }
  | { op: 'move'; a: number; dx: number; dy: number }
  | { op: 'param'; a: number; value: number }
  | { op: 'delete'; a: number }
  | { op: 'duplicate'; a: number }
  | { op: 'paste'; a: number }
  | { op: 'link'; a: number; cut: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      kind: fc.constantFrom(...KIND_IDS),
      x: fc.integer({ min: -500, max: 500 }),
      y: fc.integer({ min: -500, max: 500 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('connect' as const), a: fc.nat(), b: fc.nat() }),
  },
  fc.record({
    op: fc.constant('move' as const),
    a: fc.nat(),
    dx: fc.integer({ min: -50, max: 50 }),
    dy: fc.integer({ min: -50, max: 50 }),
  }),
  // Boot time is 5–600 s on every machine: values outside are refused and must change nothing.
  fc.record({
    op: fc.constant('param' as const),
    a: fc.nat(),
    value: fc.integer({ min: -5, max: 700 }),
  }),
  fc.record({ op: fc.constant('delete' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('paste' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('link' as const), a: fc.nat(), cut: fc.boolean() }),
);

function run(c: Command) {
  const s = store();
  const nodes = s.doc.present.nodes;
  const links = s.doc.present.links;
  const node = (i: number) => (nodes.length ? nodes[i % nodes.length] : undefined);
  switch (c.op) {
    case 'add':
      s.addNode(c.kind, c.x, c.y);
      return;
    case 'connect': {
      const a = node(c.a);
      const b = node(c.b);
      if (a && b) s.connect(a.id, b.id);
      return;
    }
    case 'move': {
      const a = node(c.a);
      if (a) s.moveNodes(new Map([[a.id, { x: a.x + c.dx, y: a.y + c.dy }]]));
      return;
    }
    case 'param': {
      const a = node(c.a);
      if (a && KINDS[a.kind].isInstance) s.setParam(a.id, 'bootSec', c.value);
      return;
    }
    case 'delete': {
      const a = node(c.a);
      if (a) s.deleteItems([a.id]);
      return;
    }
    case 'duplicate':
    case 'paste': {
      const a = node(c.a);
      if (!a) return;
      s.setSelection({ nodes: [a.id], links: [] });
      if (c.op === 'duplicate') s.duplicate();
      else if (s.copy()) store().paste();
      return;
    }
    case 'link': {
      const l = links.length ? links[c.a % links.length] : undefined;
      if (l) s.setLinkField(l.id, 'cut', c.cut);
      return;
    }
  }
}

describe('undo/redo over random edit sequences', () => {
  it('undo all returns to the start; redo all returns to the end', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 60, size: 'max' }), (commands) => {
        resetTopologyStore();
        const start = topo();
        for (const c of commands) run(c);
        const end = topo();
        const steps = store().doc.past.length;
        for (let i = 0; i < steps; i++) store().undo();
        expect(topo()).toEqual(start);
        expect(store().doc.past).toHaveLength(0);
        for (let i = 0; i < steps; i++) store().redo();
        expect(topo()).toEqual(end);
        expect(store().doc.future).toHaveLength(0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('refused edits never change the document', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40, size: 'max' }), (commands) => {
        resetTopologyStore();
        for (const c of commands) {
          useTopologyStore.setState({ lastRefusal: null });
          const before = store().doc;
          run(c);
          if (store().lastRefusal) expect(store().doc).toBe(before);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
