import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  KIND_IDS,
  KINDS,
  ROLES,
  TOPOLOGY_FORMAT,
  addNode,
  connect,
  emptyTopology,
  setLabel,
  setLinkField,
  setParam,
  type ParamSpec,
  type Topology,
} from '../../model';
import { AZS } from '../../model/kinds/instance';
import { SHARE_VERSION } from '../share';
import { packV1, unpackV1 } from './format';
import {
  V1_AZS,
  V1_DEFAULT_SEED,
  V1_EVENT_TYPES,
  V1_FORMAT_NAME,
  V1_KINDS,
  V1_ROLES,
  type ParamEntry,
} from './tables';

const FROZEN_HINT =
  'the registry no longer matches share-link format v1: once v1 links are released, add format ' +
  'v2 (new tables + a migration from v1) instead of editing v1';

/** The registry as v1 tables would describe it. */
const entryOf = (key: string, spec: ParamSpec): ParamEntry =>
  spec.type === 'enum'
    ? [key, 'enum', spec.default, [...spec.options]]
    : spec.type === 'roles'
      ? [key, 'roles', [...spec.default]]
      : ([key, spec.type, spec.default] as ParamEntry);

describe('the v1 tables describe the current registry (the encoder writes v1)', () => {
  it('covers every kind, parameter, default and option, in order', () => {
    expect(SHARE_VERSION, FROZEN_HINT).toBe(1);
    expect(V1_KINDS.map((k) => k.kind).sort(), FROZEN_HINT).toEqual([...KIND_IDS].sort());
    for (const k of V1_KINDS) {
      const def = KINDS[k.kind as keyof typeof KINDS];
      const registry = Object.entries(def.params as Record<string, ParamSpec>).map(([key, s]) =>
        entryOf(key, s),
      );
      expect(k.params, `${k.kind}: ${FROZEN_HINT}`).toEqual(registry);
      expect(k.prefix, `${k.kind}: ${FROZEN_HINT}`).toBe(def.idPrefix);
    }
  });

  it('matches roles, AZs, event types, the format name and the default seed', () => {
    expect([...V1_ROLES], FROZEN_HINT).toEqual([...ROLES]);
    expect([...V1_AZS], FROZEN_HINT).toEqual([...AZS]);
    expect([...V1_EVENT_TYPES], FROZEN_HINT).toEqual([...EVENT_TYPES]);
    expect(V1_FORMAT_NAME, FROZEN_HINT).toBe(TOPOLOGY_FORMAT);
    expect(V1_DEFAULT_SEED, FROZEN_HINT).toBe(emptyTopology().scenario.seed);
  });

  it('is deeply frozen', () => {
    const frozen = (v: unknown): boolean =>
      typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(frozen));
    expect(frozen(V1_KINDS)).toBe(true);
    expect(frozen(V1_EVENT_TYPES)).toBe(true);
    expect(() => (V1_KINDS[0]!.params as ParamEntry[]).push(['x', 'number', 0])).toThrow();
  });
});

function edit(r: { ok: true; topology: Topology } | { ok: false; reason: { en: string } }) {
  if (!r.ok) throw new Error(r.reason.en);
  return r.topology;
}

describe('the compact layout', () => {
  it('writes nothing for an empty topology and only what differs from the defaults', () => {
    expect(packV1({ topology: emptyTopology() })).toEqual([]);
    expect(packV1({ topology: emptyTopology('demo') })).toEqual(['demo']);
    const one = addNode(emptyTopology(), 'server', 100, 80).topology;
    expect(packV1({ topology: one })).toEqual(['', [[3, 10, 8]]]);
  });

  it('numbers ids in sequence per kind and follows renamed prefixes', () => {
    let t = emptyTopology();
    for (let i = 0; i < 3; i++) t = addNode(t, 'server', 0, 0).topology; // server-1..3
    t = addNode(t, 'dbPrimary', 0, 0).topology; // db-1
    const ids = ['server-1', 'server-2', 'web-1', 'db-1'];
    const extra = ['web-2', 'web-7', 'primary', 'web-8'];
    t = {
      ...t,
      nodes: [
        ...t.nodes.map((n, i) => ({ ...n, id: ids[i]!, label: ids[i]! })),
        ...extra.map((id) => ({ ...t.nodes[0]!, id, label: id })),
      ],
    };
    const nodes = packV1({ topology: t })[1] as unknown[][];
    expect(nodes.map((n) => n[3] ?? 0)).toEqual([0, 0, 'web-1', 0, 0, 7, 'primary', 0]);
  });

  it('packs parameters as [index, value] pairs: enums by position, roles as digits, booleans 1/0', () => {
    let t = addNode(emptyTopology(), 'server', 0, 0).topology;
    t = edit(setParam(t, 'server-1', 'roles', ['app', 'web']));
    t = edit(setParam(t, 'server-1', 'instanceType', 'c5.xlarge'));
    t = edit(setParam(t, 'server-1', 'answersPaths', '/health'));
    t = addNode(t, 'users', 0, 0).topology;
    t = edit(setParam(t, 'users-1', 'retryBudget', true));
    t = edit(setParam(t, 'users-1', 'readRatio', 0.75));
    t = edit(setLabel(t, 'users-1', '학생들'));
    expect(packV1({ topology: t })[1]).toEqual([
      [3, 0, 0, 0, [0, 21, 1, 8, 5, '/health']],
      [0, 0, 0, 0, [5, 0.75, 12, 1], '학생들'],
    ]);
  });

  it('packs links by node position, with ids in sequence and defaults left out', () => {
    let t = emptyTopology();
    t = addNode(t, 'users', 0, 0).topology;
    t = addNode(t, 'lb', 0, 0).topology;
    t = addNode(t, 'server', 0, 0).topology;
    for (const [a, b] of [
      ['users-1', 'lb-1'],
      ['lb-1', 'server-1'],
    ] as const) {
      const c = connect(t, a, b);
      if (!c.ok) throw new Error(c.reason.en);
      t = c.topology.topology;
    }
    t = edit(setLinkField(t, 'link-2', 'latencyMs', 2.5));
    t = edit(setLinkField(t, 'link-2', 'cut', true));
    t = {
      ...t,
      links: [...t.links, { ...t.links[0]!, id: 'link-9', from: 'users-1', to: 'server-1' }],
    };
    expect(packV1({ topology: t })[2]).toEqual([
      [0, 1],
      [1, 2, 0, 2.5, 1, 1],
      [0, 2, 9],
    ]);
  });

  it('packs events, seed, view and lesson', () => {
    let t = addNode(emptyTopology(), 'server', 0, 0).topology;
    t = addNode(t, 'users', 0, 0).topology;
    const c = connect(t, 'users-1', 'server-1');
    if (!c.ok) throw new Error(c.reason.en);
    t = c.topology.topology;
    t = {
      ...t,
      scenario: {
        seed: 7,
        events: [
          { type: 'kill', atSec: 60, node: 'server-1' },
          { type: 'slow', atSec: 90, node: 'server-1', factor: 4 },
          { type: 'cutLink', atSec: 120, link: 'link-1' },
          { type: 'loseAz', atSec: 150, az: 'b' },
          { type: 'setRate', atSec: 180, node: 'users-1', rate: 900 },
        ],
      },
    };
    const packed = packV1({
      topology: t,
      view: { x: -40.5, y: 12, zoom: 0.8 },
      lesson: { id: 'dns-vs-lb', step: 3 },
    });
    expect(packed.slice(3)).toEqual([
      7,
      [
        [0, 60, 0],
        [2, 90, 0, 4],
        [3, 120, 0],
        [5, 150, 1],
        [7, 180, 1, 900],
      ],
      [-40.5, 12, 0.8],
      ['dns-vs-lb', 3],
    ]);
    const back = unpackV1(JSON.parse(JSON.stringify(packed)));
    expect(back.ok && back.value.topology['scenario']).toEqual(t.scenario);
  });

  it('unpacks every parameter, filling the v1 defaults', () => {
    const r = unpackV1(['', [[1, 2, 3, 'resolver', [0, 300]]]]);
    expect(r).toEqual({
      ok: true,
      value: {
        topology: {
          format: TOPOLOGY_FORMAT,
          version: 1,
          name: '',
          nodes: [
            {
              id: 'resolver',
              kind: 'dns',
              label: 'resolver',
              x: 20,
              y: 30,
              params: { ttlSec: 300, policy: 'round_robin', jitterPct: 10 },
            },
          ],
          links: [],
          scenario: { seed: 1, events: [] },
        },
      },
    });
  });
});
