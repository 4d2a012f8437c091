import { describe, expect, it } from 'vitest';
import { addNode, connect, emptyTopology, type Topology } from '../model';
import { describeError, type DecodeResult } from './errors';
import { JSON_LIMITS, decodeTopologyJson, encodeTopologyJson } from './json';

const errorOf = <T>(r: DecodeResult<T>) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

function sample(): Topology {
  let t = emptyTopology('file demo');
  t = addNode(t, 'users', 0, 0).topology;
  t = addNode(t, 'server', 200, 0).topology;
  const c = connect(t, 'users-1', 'server-1');
  if (!c.ok) throw new Error(c.reason.en);
  return c.topology.topology;
}

/** The file text of a topology with one field replaced by raw JSON text. */
const withRaw = (t: Topology, needle: string, replacement: string) => {
  const text = encodeTopologyJson(t);
  if (!text.includes(needle)) throw new Error(`no ${needle}`);
  return text.replace(needle, replacement);
};

describe('topology files', () => {
  it('are pretty JSON with a trailing newline, read back exactly', () => {
    const t = sample();
    const text = encodeTopologyJson(t);
    expect(text.startsWith('{\n  "format": "scale-out-lab/topology",\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(decodeTopologyJson(text)).toEqual({ ok: true, value: t });
  });

  it('fill missing parameters and optional fields with their defaults', () => {
    const text = JSON.stringify({
      format: 'scale-out-lab/topology',
      version: 1,
      nodes: [{ id: 'web-1', kind: 'server', label: 'web', x: 0, y: 0 }],
    });
    const r = decodeTopologyJson(text);
    if (!r.ok) throw new Error(describeError(r.error));
    expect(r.value.nodes[0]?.params).toMatchObject({ instanceType: 'm5.large', bootSec: 45 });
    expect(r.value.scenario).toEqual({ seed: 1, events: [] });
  });

  it('refuse an empty file', () => {
    for (const text of ['', '  \n']) expect(errorOf(decodeTopologyJson(text)).code).toBe('empty');
  });

  it('refuse a file over the size cap before parsing it', () => {
    const e = errorOf(decodeTopologyJson(' '.repeat(JSON_LIMITS.chars) + '{}'));
    expect(e.code).toBe('tooLarge');
    expect(e.message.en).toContain('33,554,434 characters');
  });

  it('refuse text that is not JSON, quoting the parser', () => {
    const e = errorOf(decodeTopologyJson('{"format": '));
    expect(e.code).toBe('badJson');
    expect(e.message.en).toMatch(/^The file is not valid JSON: .+\.$/);
  });

  it('refuse a newer version with a clear message', () => {
    const e = errorOf(decodeTopologyJson(withRaw(sample(), '"version": 1', '"version": 9')));
    expect(e.code).toBe('tooNew');
    expect(e.message.en).toContain('topology version 9');
    expect(e.message.en).toContain('up to 1');
  });

  it('name every invalid field by its path', () => {
    const text = withRaw(sample(), '"x": 200', '"x": "far"').replace(
      '"version": 1',
      '"version": "1"',
    );
    const e = errorOf(decodeTopologyJson(text));
    expect(e.code).toBe('invalid');
    expect(e.issues?.map((i) => `${i.path}: ${i.message.en}`)).toEqual([
      'version: must be one of: 1',
      'nodes[1].x: must be number',
    ]);
  });

  it('refuse 1e400 (Infinity once parsed) with its path', () => {
    const e = errorOf(decodeTopologyJson(withRaw(sample(), '"rate": 100', '"rate": 1e400')));
    expect(e.code).toBe('invalid');
    expect(e.issues?.map((i) => i.path)).toEqual(['nodes[0].params.rate']);
  });

  it('refuse a million nodes up front, without validating them one by one', () => {
    const nodes = new Array(1_000_000).fill('{}').join(',');
    const text = `{"format":"scale-out-lab/topology","version":1,"nodes":[${nodes}]}`;
    const e = errorOf(decodeTopologyJson(text));
    expect(e.code).toBe('invalid');
    expect(e.issues).toEqual([
      {
        path: 'nodes',
        message: { en: 'has more than 20000 items', ko: '항목이 20000개를 넘습니다' },
      },
    ]);
  }, 30_000);

  it('refuse __proto__ and constructor keys and pollute nothing', () => {
    const top = withRaw(
      sample(),
      '"name": "file demo"',
      '"__proto__": {"polluted": true}, "name": "x"',
    );
    const e = errorOf(decodeTopologyJson(top));
    expect(e.code).toBe('invalid');
    expect(describeError(e)).toContain('unknown field(s): __proto__');

    const inParams = withRaw(
      sample(),
      '"rate": 100',
      '"constructor": {"prototype": {"polluted": true}}, "rate": 100',
    );
    expect(errorOf(decodeTopologyJson(inParams)).issues?.[0]?.path).toBe('nodes[0].params');

    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
