import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../sim/compile';
import { INSTANCE_TYPE_NAMES } from './instanceTypes';
import {
  addImage,
  addReplica,
  createImage,
  equalRanges,
  launchFromImage,
  offeredWork,
  predictScaleUp,
  shardPrimary,
  splitRole,
  splitRoleRefusal,
} from './mechanics';
import { LIMITS, parseTopology, type Topology, type TopologyNode } from './schema';

function load(data: unknown): Topology {
  const r = parseTopology(data);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const allInOne = () =>
  load({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: [
      { id: 'users-1', kind: 'users', label: 'Users', x: 0, y: 0, params: { rate: 120 } },
      { id: 'server-1', kind: 'server', label: 'box', x: 300, y: 0, params: {} },
    ],
    links: [{ id: 'link-1', from: 'users-1', to: 'server-1' }],
  });

const twoTier = () =>
  load({
    format: 'scale-out-lab/topology',
    version: 1,
    nodes: [
      { id: 'users-1', kind: 'users', label: 'Users', x: 0, y: 0, params: {} },
      { id: 'lb-1', kind: 'lb', label: 'LB', x: 100, y: 0, params: {} },
      {
        id: 'server-1',
        kind: 'server',
        label: 'a',
        x: 300,
        y: 0,
        params: { roles: ['web', 'app'] },
      },
      {
        id: 'server-2',
        kind: 'server',
        label: 'b',
        x: 300,
        y: 100,
        params: { roles: ['web', 'app'] },
      },
      { id: 'db-1', kind: 'dbPrimary', label: 'db', x: 600, y: 0, params: {} },
    ],
    links: [
      { id: 'link-1', from: 'users-1', to: 'lb-1' },
      { id: 'link-2', from: 'lb-1', to: 'server-1' },
      { id: 'link-3', from: 'lb-1', to: 'server-2' },
      { id: 'link-4', from: 'server-1', to: 'db-1' },
      { id: 'link-5', from: 'server-2', to: 'db-1' },
    ],
  });

function ok<T>(r: { ok: true; topology: T } | { ok: false; reason: { en: string } }): T {
  if (!r.ok) throw new Error(r.reason.en);
  return r.topology;
}

const node = (topo: Topology, id: string) => topo.nodes.find((n) => n.id === id) as TopologyNode;
const has = (topo: Topology, from: string, to: string) =>
  topo.links.some((l) => l.from === from && l.to === to);
const missing = (topo: Topology) =>
  compile(topo).diagnostics.filter((d) => d.code === 'missingDownstream');

describe('splitRole', () => {
  it('moves the database to a new primary and links the box to it', () => {
    const { topology, created } = ok(splitRole(allInOne(), 'server-1', 'db', { repoint: true }));
    const db = node(topology, created[0] as string);
    expect(db.kind).toBe('dbPrimary');
    expect(node(topology, 'server-1').params).toMatchObject({ roles: ['web', 'app'] });
    expect(has(topology, 'server-1', db.id)).toBe(true);
    expect(missing(topology)).toEqual([]);
    expect(parseTopology(topology).ok).toBe(true);
  });

  it('without re-pointing, the app has no database and the kernel says so on the box', () => {
    const { topology } = ok(splitRole(allInOne(), 'server-1', 'db', { repoint: false }));
    expect(topology.links).toHaveLength(1);
    expect(missing(topology).map((d) => d.node)).toContain('server-1');
  });

  it('moves the web role in front: callers call the new server, which calls the box', () => {
    const { topology, created } = ok(splitRole(allInOne(), 'server-1', 'web', { repoint: true }));
    const web = created[0] as string;
    expect(has(topology, 'users-1', web)).toBe(true);
    expect(has(topology, 'users-1', 'server-1')).toBe(false);
    expect(has(topology, web, 'server-1')).toBe(true);
    expect(missing(topology)).toEqual([]);
  });

  it('an app leaving a web+app server takes the database links along', () => {
    const { topology, created } = ok(splitRole(twoTier(), 'server-1', 'app', { repoint: true }));
    const app = created[0] as string;
    expect(has(topology, 'server-1', app)).toBe(true);
    expect(has(topology, app, 'db-1')).toBe(true);
  });

  it('refuses a middle role, a missing role and the only role, in both languages', () => {
    const box = allInOne();
    expect(splitRoleRefusal(box, 'server-1', 'app')?.en).toMatch(/between web and database/);
    const single = ok(splitRole(box, 'server-1', 'db', { repoint: true })).topology;
    const refusal = splitRole(single, 'server-1', 'db', { repoint: true });
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.reason.ko).toMatch(/데이터베이스/);
    expect(splitRoleRefusal(twoTier(), 'db-1', 'db')?.en).toMatch(/Only a server/);
    expect(splitRoleRefusal(twoTier(), 'nope', 'db')?.en).toMatch(/No node/);
  });

  it('never mutates its input and always yields a valid topology (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('web' as const, 'app' as const, 'db' as const),
        fc.boolean(),
        fc.subarray(['web', 'app', 'db'] as const, { minLength: 1 }),
        (role, repoint, roles) => {
          const base = allInOne();
          const topo: Topology = {
            ...base,
            nodes: base.nodes.map((n) =>
              n.id === 'server-1' ? ({ ...n, params: { ...n.params, roles } } as TopologyNode) : n,
            ),
          };
          const before = JSON.stringify(topo);
          const r = splitRole(topo, 'server-1', role, { repoint });
          expect(JSON.stringify(topo)).toBe(before);
          if (r.ok) {
            expect(parseTopology(r.topology.topology).ok).toBe(true);
            expect(r.topology.topology.nodes).toHaveLength(topo.nodes.length + 1);
            if (repoint && missing(topo).length === 0)
              expect(missing(r.topology.topology)).toEqual([]);
          } else expect(r.reason.en.length).toBeGreaterThan(0);
        },
      ),
      { seed: 42 },
    );
  });
});

describe('addReplica and shardPrimary', () => {
  it('links the primary and every caller to a new replica', () => {
    const { topology, created } = ok(addReplica(twoTier(), 'db-1'));
    const r = created[0] as string;
    expect(node(topology, r).kind).toBe('dbReplica');
    expect(has(topology, 'db-1', r)).toBe(true);
    expect(has(topology, 'server-1', r)).toBe(true);
    expect(has(topology, 'server-2', r)).toBe(true);
    const again = ok(addReplica(topology, 'db-1'));
    expect(again.created[0]).not.toBe(r);
    expect(addReplica(topology, 'server-1').ok).toBe(false);
  });

  it('range shards split the key space into equal, contiguous ranges', () => {
    const { topology, created } = ok(shardPrimary(twoTier(), 'db-1', 4, 'range'));
    expect(created).toHaveLength(3);
    const ids = ['db-1', ...created];
    const ranges = ids.map((id) => {
      const p = node(topology, id).params as { shardFromPct: number; shardToPct: number };
      return [p.shardFromPct, p.shardToPct];
    });
    expect(ranges).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    for (const id of ids) expect(has(topology, 'server-1', id)).toBe(true);
    expect(parseTopology(topology).ok).toBe(true);
  });

  it('hash shards all cover the whole range with the hash strategy', () => {
    const { topology, created } = ok(shardPrimary(twoTier(), 'db-1', 3, 'hash'));
    for (const id of ['db-1', ...created])
      expect(node(topology, id).params).toMatchObject({
        shardStrategy: 'hash',
        shardFromPct: 0,
        shardToPct: 100,
      });
  });

  it('refuses to mix strategies among the shards one caller sees', () => {
    const { topology } = ok(shardPrimary(twoTier(), 'db-1', 2, 'range'));
    const r = shardPrimary(topology, 'db-1', 2, 'hash');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toMatch(/same one/);
    const again = ok(shardPrimary(topology, 'db-2', 2, 'range')).topology;
    const p = (id: string) =>
      node(again, id).params as { shardFromPct: number; shardToPct: number };
    expect([p('db-2').shardFromPct, p('db-2').shardToPct]).toEqual([50, 75]);
    expect([p('db-3').shardFromPct, p('db-3').shardToPct]).toEqual([75, 100]);
  });

  it('refuses fewer than 2 or more than 16 shards', () => {
    expect(shardPrimary(twoTier(), 'db-1', 1, 'hash').ok).toBe(false);
    expect(shardPrimary(twoTier(), 'db-1', 17, 'hash').ok).toBe(false);
    expect(shardPrimary(twoTier(), 'db-1', 2.5, 'hash').ok).toBe(false);
  });

  it('equal ranges tile [lo, hi) without gaps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 99 }), (n, lo) => {
        const r = equalRanges(n, lo, 100);
        expect(r[0]?.[0]).toBe(lo);
        expect(r[r.length - 1]?.[1]).toBe(100);
        for (let i = 1; i < r.length; i++) expect(r[i]?.[0]).toBe(r[i - 1]?.[1]);
        for (const [a, b] of r) expect(b).toBeGreaterThanOrEqual(a);
      }),
      { seed: 42 },
    );
  });
});

describe('images', () => {
  it('launches an identical server linked to the same callees and registered with the LB', () => {
    const topo = twoTier();
    const image = ok(createImage(topo, 'server-1'));
    expect(image.params.roles).toEqual(['web', 'app']);
    const { topology, created } = ok(
      launchFromImage(topo, image, { registerWith: 'lb-1', near: { x: 300, y: 200 } }),
    );
    const id = created[0] as string;
    expect(node(topology, id).params).toEqual(node(topo, 'server-1').params);
    expect(has(topology, id, 'db-1')).toBe(true);
    expect(has(topology, 'lb-1', id)).toBe(true);
    const unregistered = ok(launchFromImage(topo, image, { near: { x: 0, y: 0 } })).topology;
    expect(unregistered.links.filter((l) => l.to === 'server-3')).toEqual([]);
    expect(launchFromImage(topo, image, { registerWith: 'db-1', near: { x: 0, y: 0 } }).ok).toBe(
      false,
    );
    expect(createImage(topo, 'db-1').ok).toBe(false);
  });

  it('keeps images in the document under unique names, valid for the schema, up to the cap', () => {
    const topo = twoTier();
    const draft = ok(createImage(topo, 'server-1'));
    const first = ok(addImage(topo, draft));
    expect(first.name).toBe(`ami-001 (${node(topo, 'server-1').label || 'server-1'})`);
    expect(topo.images).toBeUndefined(); // the input is not touched
    const second = ok(addImage(first.topology, draft));
    expect(second.name).toMatch(/^ami-002 /);
    expect(second.topology.images?.map((im) => im.name)).toEqual([first.name, second.name]);
    expect(parseTopology(second.topology)).toEqual({ ok: true, value: second.topology });
    // A launch from the saved image is the same as from the draft.
    const saved = second.topology.images![0]!;
    const near = { x: 0, y: 0 };
    expect(launchFromImage(topo, saved, { near })).toEqual(launchFromImage(topo, draft, { near }));
    let full = second.topology;
    while ((full.images?.length ?? 0) < LIMITS.images) full = ok(addImage(full, draft)).topology;
    expect(new Set(full.images!.map((im) => im.name)).size).toBe(LIMITS.images);
    const refused = addImage(full, draft);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason.en).toBe(`At most ${LIMITS.images} images.`);
  });

  it('refuses a document whose images share a name, naming the path', () => {
    const topo = twoTier();
    const one = ok(addImage(topo, ok(createImage(topo, 'server-1')))).topology;
    const twice = { ...one, images: [...one.images!, ...one.images!] };
    const r = parseTopology(twice);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['images[1].name']);
  });
});

describe('scale-up prediction', () => {
  it('counts the work of every role the box runs', () => {
    const box = node(allInOne(), 'server-1');
    expect(offeredWork(box, 90, 30)).toBeCloseTo((90 * 15 + 30 * 19) / 1000);
  });

  it('spreads the same work over the new capacity', () => {
    const p = predictScaleUp('m5.large', 'm5.xlarge', 1.9);
    expect(p.utilization).toBeCloseTo(0.475);
    expect(p.capacityDelta).toBe(2);
    expect(p.costDelta).toBeCloseTo(0.096);
    expect(predictScaleUp('m5.large', 'm5.large', NaN).utilization).toBeNaN();
  });

  it('a larger capacity never predicts a higher utilization (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INSTANCE_TYPE_NAMES),
        fc.constantFrom(...INSTANCE_TYPE_NAMES),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b, work) => {
          const pa = predictScaleUp('m5.large', a, work);
          const pb = predictScaleUp('m5.large', b, work);
          if (pa.capacityDelta <= pb.capacityDelta)
            expect(pb.utilization).toBeLessThanOrEqual(pa.utilization + 1e-12);
        },
      ),
      { seed: 42 },
    );
  });
});
