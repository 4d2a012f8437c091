import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  KIND_IDS,
  KINDS,
  LIMITS,
  ROLES,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  canLink,
  parseTopology,
  type Link,
  type ParamSpec,
  type ScenarioEvent,
  type Topology,
  type TopologyNode,
} from '../model';
import { AZS } from '../model/kinds/instance';
import { toBase64Url } from './base64url';
import {
  DECODE_ERROR_CODES,
  decodeShare,
  decodeTopologyJson,
  encodeShare,
  encodeTopologyJson,
  type DecodeResult,
  type ShareDoc,
} from './index';
import { packV1 } from './v1/format';

const SEED = 42;
/** Generous: the fuzz runs take a few seconds alone, longer on a loaded two-core machine. */
const SLOW = 60_000;
const zero = (v: number) => v + 0; // -0 has no JSON form; +0 is what any JSON round trip gives

// ---------------------------------------------------------------------------------------------
// arbitraries: valid share documents generated from the kind registry

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const prefixes = ['server', 'web', 'app', 'db', 'replica', 'link', 'lb', 'users', 'cache', 'a-b'];

/** Ids in the shapes the app makes (`prefix-N`) and arbitrary valid ones. */
const idArb = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...prefixes), fc.integer({ min: 1, max: 12 })) },
  { weight: 1, arbitrary: fc.stringMatching(ID) },
);
const idText = (v: [string, number] | string) => (typeof v === 'string' ? v : `${v[0]}-${v[1]}`);

const textArb = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => s.length <= max),
    fc.constantFrom('웹 서버 1', '프라이머리', 'Seoul 서울', '🚀 launch', ''),
  );

const numberArb = (min: number, max: number, integer: boolean | undefined) =>
  integer
    ? fc.integer({ min, max })
    : fc.oneof(
        fc.constantFrom(min, max),
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true }).map(zero),
      );

function valueArb(spec: ParamSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'number':
      return numberArb(spec.min, spec.max, spec.integer);
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return (spec.pattern ? fc.stringMatching(spec.pattern) : fc.string()).filter(
        (s) => s.length <= spec.maxLength,
      );
    case 'roles':
      return fc.shuffledSubarray([...ROLES], { minLength: 1 });
  }
}

/** Each parameter at its default about half the time, as on a real canvas. */
const paramsArb = (kind: (typeof KIND_IDS)[number]) => {
  const specs = KINDS[kind].params as Record<string, ParamSpec>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const def = spec.type === 'roles' ? [...spec.default] : spec.default;
    shape[key] = fc.oneof(fc.constant(def), valueArb(spec));
  }
  return fc.record(shape);
};

const coordArb = fc.integer({ min: -LIMITS.coordinate / 10, max: LIMITS.coordinate / 10 });

const rawNodeArb = fc.oneof(
  ...KIND_IDS.map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      id: fc.oneof(fc.constant(null), idArb),
      label: fc.oneof(fc.constant(null), textArb(LIMITS.label)),
      x: coordArb,
      y: coordArb,
      params: paramsArb(kind),
    }),
  ),
);

const rawLinkArb = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  id: fc.oneof(fc.constant(null), idArb),
  latencyMs: fc.oneof(fc.constant(null), numberArb(0, 10000, false)),
  weight: fc.oneof(fc.constant(1), numberArb(0, 1000, false)),
  cut: fc.boolean(),
});

const rawEventArb = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  atSec: numberArb(0, 864000, false),
  ref: fc.nat(),
  factor: numberArb(1, 1000, false),
  rate: numberArb(0, 1e6, false),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const nextFree = (used: Set<string>, prefix: string) => {
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
};

/** Builds a valid topology from raw draws: unique ids, links only where `canLink`, live refs. */
function buildTopology(raw: {
  name: string;
  seed: number;
  nodes: ValueOf<typeof rawNodeArb>[];
  links: ValueOf<typeof rawLinkArb>[];
  events: ValueOf<typeof rawEventArb>[];
}): Topology {
  const used = new Set<string>();
  const nodes: TopologyNode[] = [];
  for (const n of raw.nodes) {
    const id = n.id === null ? nextFree(used, KINDS[n.kind].idPrefix) : idText(n.id);
    if (used.has(id)) continue;
    used.add(id);
    nodes.push({
      id,
      kind: n.kind,
      label: n.label ?? id,
      x: n.x * 10,
      y: n.y * 10,
      params: n.params,
    } as TopologyNode);
  }
  const linkIds = new Set<string>();
  const pairs = new Set<string>();
  const links: Link[] = [];
  if (nodes.length > 0)
    for (const l of raw.links) {
      const a = nodes[l.from % nodes.length]!;
      const b = nodes[l.to % nodes.length]!;
      const id = l.id === null ? nextFree(linkIds, 'link') : idText(l.id);
      if (a === b || !canLink(a.kind, b.kind) || pairs.has(`${a.id} ${b.id}`) || linkIds.has(id))
        continue;
      pairs.add(`${a.id} ${b.id}`);
      linkIds.add(id);
      links.push({
        id,
        from: a.id,
        to: b.id,
        latencyMs: l.latencyMs,
        weight: l.weight,
        cut: l.cut,
      });
    }
  const events: ScenarioEvent[] = [];
  for (const e of raw.events) {
    const node = nodes.length ? nodes[e.ref % nodes.length]!.id : null;
    const link = links.length ? links[e.ref % links.length]!.id : null;
    const az = AZS[e.ref % AZS.length]!;
    const at = e.atSec;
    switch (e.type) {
      case 'kill':
      case 'restore':
        if (node) events.push({ type: e.type, atSec: at, node });
        break;
      case 'slow':
        if (node) events.push({ type: e.type, atSec: at, node, factor: e.factor });
        break;
      case 'setRate':
        if (node) events.push({ type: e.type, atSec: at, node, rate: e.rate });
        break;
      case 'cutLink':
      case 'restoreLink':
        if (link) events.push({ type: e.type, atSec: at, link });
        break;
      case 'loseAz':
      case 'restoreAz':
        events.push({ type: e.type, atSec: at, az });
        break;
    }
  }
  return {
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    name: raw.name,
    nodes,
    links,
    scenario: { seed: raw.seed, events },
  };
}

const topologyArb = (maxNodes: number) =>
  fc
    .record({
      name: textArb(LIMITS.name),
      seed: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4294967295 })),
      nodes: fc.array(rawNodeArb, { maxLength: maxNodes }),
      links: fc.array(rawLinkArb, { maxLength: maxNodes * 2 }),
      events: fc.array(rawEventArb, { maxLength: 6 }),
    })
    .map(buildTopology);

const viewArb = fc.record({
  x: fc.double({ min: -1e8, max: 1e8, noNaN: true }).map(zero),
  y: fc.double({ min: -1e8, max: 1e8, noNaN: true }).map(zero),
  zoom: fc.double({ min: 0.01, max: 100, noNaN: true }),
});
const lessonArb = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/),
  step: fc.integer({ min: 0, max: 10000 }),
});

const docArb = (maxNodes: number) =>
  fc
    .record({
      topology: topologyArb(maxNodes),
      view: fc.option(viewArb, { nil: undefined }),
      lesson: fc.option(lessonArb, { nil: undefined }),
    })
    .map(({ topology, view, lesson }): ShareDoc => {
      const doc: ShareDoc = { topology };
      if (view) doc.view = view;
      if (lesson) doc.lesson = lesson;
      return doc;
    });

// ---------------------------------------------------------------------------------------------

describe('round trip (property)', () => {
  it(
    'the generator makes valid topologies',
    () => {
      fc.assert(
        fc.property(topologyArb(12), (t) => {
          const r = parseTopology(t);
          expect(r.ok ? [] : r.issues).toEqual([]);
        }),
        { seed: SEED, numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'decodeShare(encodeShare(doc)) gives back the same document',
    () => {
      fc.assert(
        fc.property(docArb(12), (doc) => {
          expect(decodeShare(encodeShare(doc))).toEqual({ ok: true, value: doc });
        }),
        { seed: SEED, numRuns: 400 },
      );
    },
    SLOW,
  );

  it(
    'the link of a decoded link is the same link (one canonical form)',
    () => {
      fc.assert(
        fc.property(docArb(8), (doc) => {
          const link = encodeShare(doc);
          const back = decodeShare(link);
          expect(back.ok && encodeShare(back.value)).toBe(link);
        }),
        { seed: SEED, numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'positions off the 10 px grid come back rounded to it, everything else exact',
    () => {
      fc.assert(
        fc.property(topologyArb(6), fc.array(fc.integer({ min: -1e6, max: 1e6 })), (t, offsets) => {
          const moved = {
            ...t,
            nodes: t.nodes.map((n, i) => {
              const d = offsets[i % Math.max(1, offsets.length)] ?? 0;
              const x = Math.max(-1e6, Math.min(1e6, n.x + (d % 10)));
              return { ...n, x, y: n.y };
            }),
          };
          const r = decodeShare(encodeShare({ topology: moved }));
          const expected = {
            ...moved,
            nodes: moved.nodes.map((n) => ({ ...n, x: zero(Math.round(n.x / 10) * 10) })),
          };
          expect(r).toEqual({ ok: true, value: { topology: expected } });
        }),
        { seed: SEED, numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'decodeTopologyJson(encodeTopologyJson(t)) gives back the same topology',
    () => {
      fc.assert(
        fc.property(topologyArb(12), (t) => {
          expect(decodeTopologyJson(encodeTopologyJson(t))).toEqual({ ok: true, value: t });
        }),
        { seed: SEED, numRuns: 200 },
      );
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------
// fuzzing: nothing a link can contain makes the decoder throw

const codes = new Set<string>(DECODE_ERROR_CODES);

/** Every decode result is either a valid document or a typed error with text in both languages. */
function outcome(r: DecodeResult<ShareDoc>): string {
  if (r.ok) {
    const check = parseTopology(r.value.topology);
    if (!check.ok) throw new Error(`decoded an invalid topology: ${JSON.stringify(check.issues)}`);
    return 'ok';
  }
  const e = r.error;
  if (!codes.has(e.code) || !e.message.en || !e.message.ko)
    throw new Error(`untyped error: ${JSON.stringify(e)}`);
  if (e.code === 'invalid' && !(e.issues && e.issues.length > 0) && !/upgrad/i.test(e.message.en))
    throw new Error(`invalid without issues: ${JSON.stringify(e)}`);
  return e.code;
}

const tally = (seen: Map<string, number>, code: string) =>
  seen.set(code, (seen.get(code) ?? 0) + 1);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const b64Arb = fc.string({ unit: fc.constantFrom(...B64), maxLength: 300 });

describe('fuzz: the decoder never throws', () => {
  it(
    '10,000 random strings each give a typed error or a valid topology',
    () => {
      const seen = new Map<string, number>();
      const input = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        b64Arb.map((s) => `v1.${s}`),
        b64Arb.map((s) => `https://lab.example/sub/#v1.${s}`),
        fc.tuple(fc.nat({ max: 20 }), b64Arb).map(([v, s]) => `#v${v}.${s}`),
        fc.constantFrom('', '#', 'v1', 'v1.', '#v1.', 'v1..', 'v01.AA', 'v1.====', ' \n'),
      );
      fc.assert(
        fc.property(input, (s) => {
          tally(seen, outcome(decodeShare(s)));
        }),
        { seed: SEED, numRuns: 10_000 },
      );
      // The inputs reach every early stage of the decoder.
      for (const code of ['empty', 'badPrefix', 'tooNew', 'badEncoding', 'badCompression'])
        expect(seen.get(code), code).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    '10,000 mutations of valid links each give a typed error or a valid topology',
    () => {
      const links = fc.sample(docArb(10), { seed: SEED, numRuns: 40 }).map(encodeShare);
      const seen = new Map<string, number>();
      const mutation = fc.record({
        link: fc.constantFrom(...links),
        edits: fc.array(
          fc.record({
            op: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'swap'),
            at: fc.nat(),
            char: fc.oneof(fc.constantFrom(...B64), fc.string({ minLength: 1, maxLength: 1 })),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      });
      fc.assert(
        fc.property(mutation, ({ link, edits }) => {
          let s = link;
          for (const { op, at, char } of edits) {
            const i = s.length ? at % s.length : 0;
            if (op === 'flip') s = s.slice(0, i) + char + s.slice(i + 1);
            else if (op === 'insert') s = s.slice(0, i) + char + s.slice(i);
            else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
            else if (op === 'truncate') s = s.slice(0, i);
            else s = s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
          }
          tally(seen, outcome(decodeShare(s)));
        }),
        { seed: SEED, numRuns: 10_000 },
      );
      // Mutations reach past the compression into the JSON, the compact form and the schema.
      for (const code of ['ok', 'badEncoding', 'badCompression', 'badJson', 'invalid'])
        expect(seen.get(code), code).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    '2,000 mutations of the compact form inside a well-packed link reach the schema safely',
    () => {
      const payloads = fc
        .sample(docArb(8), { seed: SEED, numRuns: 40 })
        .map((d) => packV1(d) as unknown);
      const seen = new Map<string, number>();
      const replace = (v: unknown, path: number[], by: unknown): unknown => {
        if (path.length === 0 || !Array.isArray(v) || v.length === 0) return by;
        const i = path[0]! % v.length;
        const copy = [...(v as unknown[])];
        copy[i] = replace(copy[i], path.slice(1), by);
        return copy;
      };
      const arb = fc.record({
        payload: fc.constantFrom(...payloads),
        path: fc.array(fc.nat(), { maxLength: 5 }),
        by: fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom('__proto__', 'constructor', { __proto__: { polluted: 1 } }, 1e308, -1),
        ),
      });
      fc.assert(
        fc.property(arb, ({ payload, path, by }) => {
          const mutated = replace(payload, path, by);
          const link = `v1.${toBase64Url(deflateSync(strToU8(JSON.stringify(mutated))))}`;
          tally(seen, outcome(decodeShare(link)));
        }),
        { seed: SEED, numRuns: 2_000 },
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      for (const code of ['ok', 'invalid']) expect(seen.get(code), code).toBeGreaterThan(0);
    },
    SLOW,
  );
});
