import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, type MachineImage, type Topology } from '../model';
import { addImage, createImage } from '../model/mechanics';
import { decodeShare, decodeTopologyJson, encodeShare, encodeTopologyJson } from './index';
import { fromBase64Url } from './base64url';
import { inflateRawCapped } from './deflate';
import { packV1, unpackV1 } from './v1/format';

/** Machine images in files and share links: optional, compact, and old links unchanged. */

function load(data: unknown): Topology {
  const r = parseTopology(data);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const base = () =>
  load({
    format: 'scale-out-lab/topology',
    version: 1,
    name: 'images',
    nodes: [
      { id: 'users-1', kind: 'users', label: 'users-1', x: 0, y: 100, params: {} },
      { id: 'lb-1', kind: 'lb', label: 'lb-1', x: 200, y: 100, params: {} },
      { id: 'server-1', kind: 'server', label: 'web', x: 400, y: 100, params: { roles: ['web'] } },
      { id: 'db-1', kind: 'dbPrimary', label: 'db-1', x: 600, y: 100, params: {} },
    ],
    links: [
      { id: 'link-1', from: 'users-1', to: 'lb-1' },
      { id: 'link-2', from: 'lb-1', to: 'server-1' },
      { id: 'link-3', from: 'server-1', to: 'db-1' },
    ],
  });

const ok = <T>(r: { ok: true; topology: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('refused');
  return r.topology;
};

/** The base topology with one image of server-1 and one of a server deleted since. */
function withImages(): Topology {
  const topo = base();
  const one = ok(addImage(topo, ok(createImage(topo, 'server-1')))).topology;
  const gone: MachineImage = {
    name: 'golden image',
    source: 'server-9',
    kind: 'server',
    label: 'old app box',
    params: { ...one.images![0]!.params, roles: ['app', 'db'], instanceType: 'c5.xlarge' },
    callees: ['db-1', 'cache-7'],
  };
  return { ...one, images: [...one.images!, gone] };
}

/** The compact v1 array inside a link (for checking what was written). */
function payload(link: string): unknown[] {
  const bytes = fromBase64Url(link.slice('v1.'.length));
  if (!bytes.ok) throw new Error('not base64url');
  const text = inflateRawCapped(bytes.bytes, 1 << 21);
  if (!text.ok) throw new Error('not deflate');
  return JSON.parse(new TextDecoder().decode(text.bytes)) as unknown[];
}

describe('images in share links', () => {
  it('round-trip exactly, with a deleted source and callees kept as ids', () => {
    const topology = withImages();
    expect(decodeShare(encodeShare({ topology }))).toEqual({ ok: true, value: { topology } });
  });

  it('pack compactly: node positions, default label and name left out', () => {
    const packed = packV1({ topology: withImages() });
    expect(packed).toHaveLength(8);
    const [first, second] = packed[7] as unknown[][];
    // server-1 is node 2; its label "web" differs from its id; the name is the default one.
    expect(first).toEqual([2, [0, 1], [3], 'web']);
    expect(second![0]).toBe('server-9');
    expect(second![2]).toEqual([3, 'cache-7']);
    expect(second!.slice(3)).toEqual(['old app box', 'golden image']);
  });

  it('leave a document without images exactly as before: 7 fields at most, no images field', () => {
    const topology = base();
    const link = encodeShare({ topology });
    expect(payload(link).length).toBeLessThanOrEqual(7);
    const back = decodeShare(link);
    expect(back.ok && Object.hasOwn(back.value.topology, 'images')).toBe(false);
    expect(back).toEqual({ ok: true, value: { topology } });
  });

  it('report a damaged image with the path of its field', () => {
    const packed = packV1({ topology: withImages() });
    const damaged = [...packed];
    damaged[7] = [[2, 0, [99.5]], [true]];
    const r = unpackV1(damaged);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual(['images[0].callees[0]', 'images[1].source']);
    damaged[7] = 5;
    const r2 = unpackV1(damaged);
    expect(!r2.ok && r2.issues.map((i) => i.path)).toEqual(['images']);
  });

  it('round-trip for any set of image labels, names and callees (property)', () => {
    const topo = base();
    const draft = ok(createImage(topo, 'server-1'));
    const ids = ['users-1', 'lb-1', 'server-1', 'db-1', 'server-42', 'x.y_z'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            label: fc.string({ maxLength: 60 }),
            source: fc.constantFrom(...ids),
            callees: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }),
            rename: fc.option(fc.string({ minLength: 1, maxLength: 80 })),
          }),
          { maxLength: 6 },
        ),
        (specs) => {
          let t = topo;
          for (const s of specs) {
            const next = addImage(t, { ...draft, ...s });
            if (!next.ok) throw new Error('refused');
            t = next.topology.topology;
            const last = t.images!.length - 1;
            const im = t.images![last]!;
            if (s.rename !== null && !t.images!.some((x) => x.name === s.rename))
              t = {
                ...t,
                images: t.images!.map((x, i) => (i === last ? { ...im, name: s.rename! } : x)),
              };
          }
          const parsed = parseTopology(t);
          // addImage skips taken names, so a rename never collides with a later default name.
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const expected =
            parsed.value.images?.length === 0
              ? { ...parsed.value, images: undefined }
              : parsed.value;
          const back = decodeShare(encodeShare({ topology: parsed.value }));
          expect(back).toEqual({ ok: true, value: { topology: expected } });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('images in topology files', () => {
  it('round-trip through the JSON file codec', () => {
    const topology = withImages();
    expect(decodeTopologyJson(encodeTopologyJson(topology))).toEqual({
      ok: true,
      value: topology,
    });
  });

  it('a file without images stays valid and gains no field', () => {
    const r = decodeTopologyJson(encodeTopologyJson(base()));
    expect(r.ok && Object.hasOwn(r.value, 'images')).toBe(false);
  });

  it('a file with too many images is refused before the schema walks them', () => {
    const topology = withImages();
    const many = { ...topology, images: Array.from({ length: 101 }, () => topology.images![0]) };
    const r = decodeTopologyJson(JSON.stringify(many));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.path)).toEqual(['images']);
  });
});
