import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_IDS } from './kinds';
import { describeIssue, emptyTopology, LIMITS, parseTopology, type Topology } from './schema';

const examplesDir = new URL('../../../docs/examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

/** Parses and returns the issues as `path: message` lines (English). */
function issuesOf(data: unknown): string[] {
  const r = parseTopology(data);
  return r.ok ? [] : r.issues.map((i) => describeIssue(i));
}

const base = () => ({
  format: 'scale-out-lab/topology',
  version: 1,
  nodes: [
    { id: 'users-1', kind: 'users', label: '', x: 0, y: 0 },
    { id: 'server-1', kind: 'server', label: '', x: 100, y: 0 },
  ],
  links: [{ id: 'link-1', from: 'users-1', to: 'server-1' }],
});

describe('topology schema', () => {
  it('ships at least the three documented examples', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['all-in-one.json', 'three-tier.json', 'lb-replicas.json']),
    );
  });

  it.each(examples)('accepts docs/examples/%s', (file) => {
    const data: unknown = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
    expect(issuesOf(data)).toEqual([]);
  });

  it('fills every parameter default of every kind', () => {
    const r = parseTopology({
      ...base(),
      nodes: KIND_IDS.map((kind, i) => ({ id: `n${i}`, kind, label: '', x: 0, y: 0 })),
      links: [],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const node of r.value.nodes) {
      const specs = KINDS[node.kind].params;
      expect(Object.keys(node.params).sort()).toEqual(Object.keys(specs).sort());
      for (const [key, spec] of Object.entries(specs))
        expect((node.params as Record<string, unknown>)[key]).toEqual(spec.default);
    }
  });

  it('has bounds and help in both languages for every parameter', () => {
    for (const kind of KIND_IDS) {
      for (const [key, spec] of Object.entries(KINDS[kind].params)) {
        expect(spec.label.en, `${kind}.${key}`).not.toBe('');
        expect(spec.label.ko, `${kind}.${key}`).not.toBe('');
        expect(spec.help.en, `${kind}.${key}`).not.toBe('');
        expect(spec.help.ko, `${kind}.${key}`).not.toBe('');
        if (spec.type === 'number') {
          expect(spec.min).toBeLessThanOrEqual(spec.default);
          expect(spec.default).toBeLessThanOrEqual(spec.max);
        }
        if (spec.type === 'enum') expect(spec.options).toContain(spec.default);
      }
    }
  });

  const cases: Array<[string, (d: ReturnType<typeof base>) => unknown, string]> = [
    [
      'a parameter below its bound',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], params: { bootSec: 1 } }] }),
      'nodes[1].params.bootSec: must be ≥ 5',
    ],
    [
      'a parameter above its bound',
      (d) => ({ ...d, nodes: [{ ...d.nodes[0], params: { rate: 2e6 } }, d.nodes[1]] }),
      'nodes[0].params.rate: must be ≤ 1000000',
    ],
    [
      'a non-integer port',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], params: { listenPort: 80.5 } }] }),
      'nodes[1].params.listenPort',
    ],
    [
      'an unknown instance type',
      (d) => ({
        ...d,
        nodes: [d.nodes[0], { ...d.nodes[1], params: { instanceType: 'x9.huge' } }],
      }),
      'nodes[1].params.instanceType: must be one of',
    ],
    [
      'an empty role list',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], params: { roles: [] } }] }),
      'nodes[1].params.roles: needs at least 1 items',
    ],
    [
      'an unknown parameter',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], params: { cores: 4 } }] }),
      'nodes[1].params: unknown field(s): cores',
    ],
    [
      'an unknown kind',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], kind: 'mainframe' }] }),
      'nodes[1].kind: must be one of',
    ],
    [
      'a NaN coordinate',
      (d) => ({ ...d, nodes: [{ ...d.nodes[0], x: Number.NaN }, d.nodes[1]] }),
      'nodes[0].x',
    ],
    [
      'an infinite number',
      (d) => ({ ...d, nodes: [{ ...d.nodes[0], params: { rate: Infinity } }, d.nodes[1]] }),
      'nodes[0].params.rate',
    ],
    [
      'a long label',
      (d) => ({ ...d, nodes: [{ ...d.nodes[0], label: 'x'.repeat(61) }, d.nodes[1]] }),
      'nodes[0].label: is longer than 60',
    ],
    [
      'a duplicate node id',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], id: 'users-1' }], links: [] }),
      'nodes[1].id: duplicate node id "users-1"',
    ],
    [
      'a bad id',
      (d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], id: 'a b' }], links: [] }),
      'nodes[1].id',
    ],
    [
      'a link to a missing node',
      (d) => ({ ...d, links: [{ id: 'link-1', from: 'users-1', to: 'ghost' }] }),
      'links[0].to: no node "ghost"',
    ],
    [
      'a link no kind allows',
      (d) => ({ ...d, links: [{ id: 'link-1', from: 'server-1', to: 'users-1' }] }),
      'links[0].to: Server → Users is not allowed',
    ],
    [
      'a self link',
      (d) => ({ ...d, links: [{ id: 'link-1', from: 'server-1', to: 'server-1' }] }),
      'links[0].to: a node cannot call itself',
    ],
    [
      'a duplicate link',
      (d) => ({ ...d, links: [d.links[0], { ...d.links[0], id: 'link-2' }] }),
      'links[1]: duplicate link users-1 -> server-1',
    ],
    [
      'a negative latency',
      (d) => ({ ...d, links: [{ ...d.links[0], latencyMs: -1 }] }),
      'links[0].latencyMs: must be ≥ 0',
    ],
    [
      'an event naming a missing node',
      (d) => ({ ...d, scenario: { seed: 1, events: [{ type: 'kill', atSec: 5, node: 'ghost' }] } }),
      'scenario.events[0].node: no node "ghost"',
    ],
    [
      'an unknown event type',
      (d) => ({ ...d, scenario: { seed: 1, events: [{ type: 'explode', atSec: 5 }] } }),
      'scenario.events[0].type: must be one of',
    ],
    ['a newer version', (d) => ({ ...d, version: 2 }), 'version: must be one of: 1'],
    [
      'a wrong format',
      (d) => ({ ...d, format: 'other' }),
      'format: must be one of: "scale-out-lab/topology"',
    ],
    [
      'too many nodes',
      (d) => ({
        ...d,
        nodes: Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({
          id: `n${i}`,
          kind: 'dns',
          label: '',
          x: 0,
          y: 0,
        })),
        links: [],
      }),
      `nodes: has more than ${LIMITS.nodes} items`,
    ],
    [
      'a __proto__ key',
      (d) =>
        JSON.parse(JSON.stringify(d).replace('"format"', '"__proto__":{"polluted":1},"format"')),
      'unknown field(s): __proto__',
    ],
  ];

  it.each(cases)('rejects %s, naming the path', (_name, mutate, expected) => {
    const issues = issuesOf(mutate(base()));
    expect(
      issues.some((i) => i.startsWith(expected)),
      issues.join('\n'),
    ).toBe(true);
  });

  it('never pollutes Object.prototype', () => {
    parseTopology(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('gives every issue in Korean too', () => {
    const r = parseTopology({
      ...base(),
      links: [{ id: 'link-1', from: 'server-1', to: 'users-1' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeIssue(r.issues[0]!, 'ko')).toMatch(/연결할 수 없습니다/);
  });

  it('round-trips its own output', () => {
    const r = parseTopology(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parseTopology(JSON.parse(JSON.stringify(r.value)) as unknown);
    expect(again).toEqual(r);
  });

  it('accepts an empty workspace', () => {
    const t: Topology = emptyTopology('x');
    expect(parseTopology(t).ok).toBe(true);
  });
});
