import { describe, expect, it } from 'vitest';
import { addNode, emptyTopology, setParam, type ParseResult, type Topology } from '../model';
import { decodeTopologyJsonWith, encodeTopologyJson } from './json';
import { MIGRATIONS, checkMigrations, runMigrations, type Migration } from './migrations';
import {
  SHARE_CODEC,
  SHARE_VERSION,
  V1_FORMAT,
  decodeShareWith,
  packLink,
  type CodecSpec,
  type LinkFormat,
} from './share';
import type { ShareDoc } from './types';

describe('the real migration list', () => {
  it('has one named step per older version, in order', () => {
    expect(checkMigrations(MIGRATIONS, SHARE_VERSION)).toEqual([]);
    expect(SHARE_CODEC.formats.map((f) => f.version)).toEqual(
      Array.from({ length: SHARE_VERSION }, (_, i) => i + 1),
    );
  });
});

describe('checkMigrations', () => {
  const step = (from: number, name = `step-${from}`): Migration => ({
    from,
    name,
    migrate: (r) => r,
  });

  it('accepts a contiguous, ordered, uniquely named list', () => {
    expect(checkMigrations([step(1), step(2)], 3)).toEqual([]);
  });

  it('names what is wrong with a broken list', () => {
    expect(checkMigrations([step(2)], 3)).toEqual([
      'step 0 ("step-2") reads v2, expected v1',
      '1 step(s) for versions 1..3: expected 2',
    ]);
    expect(checkMigrations([step(1, 'x'), step(2, 'x')], 3)).toEqual([
      'step name "x" is used twice',
    ]);
    expect(checkMigrations([step(1, ' ')], 2)).toEqual(['step 0 has no name']);
  });
});

describe('runMigrations', () => {
  const log: string[] = [];
  const chain: Migration[] = [
    {
      from: 1,
      name: 'a',
      migrate: (r) => (log.push('a'), { ...(r as object), a: true, version: 2 }),
    },
    {
      from: 2,
      name: 'b',
      migrate: (r) => (log.push('b'), { ...(r as object), b: true, version: 3 }),
    },
  ];

  it('runs every step from the document version up, oldest first', () => {
    log.length = 0;
    expect(runMigrations({ version: 1 }, 1, 3, chain)).toEqual({
      ok: true,
      value: { version: 3, a: true, b: true },
    });
    expect(log).toEqual(['a', 'b']);
  });

  it('runs only the steps a newer document still needs, and none for a current one', () => {
    log.length = 0;
    expect(runMigrations({ version: 2 }, 2, 3, chain)).toEqual({
      ok: true,
      value: { version: 3, b: true },
    });
    const doc = { version: 3 };
    expect(runMigrations(doc, 3, 3, chain)).toEqual({ ok: true, value: doc });
    expect(log).toEqual(['b']);
  });

  it('refuses, without throwing, when a step is missing', () => {
    const r = runMigrations({}, 1, 3, [chain[1]!]);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) expect(r.error.message.en).toContain('no migration from version 1');
  });

  it('turns a step that throws into a typed error naming the step', () => {
    const broken: Migration = {
      from: 1,
      name: 'split-roles',
      migrate: () => {
        throw new Error('roles is not a list');
      },
    };
    const r = runMigrations({}, 1, 2, [broken]);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) {
      expect(r.error.message.en).toBe(
        'Upgrading from version 1 failed at step "split-roles": roles is not a list.',
      );
      expect(r.error.message.ko).toContain('"split-roles"');
    }
  });
});

/*
 * The whole mechanism, as the app will run it once format v2 exists. Pretend v2 renamed the users
 * parameter `rate` to `baseRate`: v2 links carry the full document, and a v2 validator checks the
 * renamed field. A v1 link and a v1 file must come out as v2 documents.
 */
describe('a later app version reading v1 links and files', () => {
  interface V2Doc {
    version: 2;
    nodes: { kind: string; params: Record<string, unknown> }[];
  }
  let ran = 0;
  const renameRate: Migration = {
    from: 1,
    name: 'users-rate-to-baseRate',
    migrate(raw) {
      ran++;
      const doc = raw as { nodes: { kind: string; params: Record<string, unknown> }[] };
      return {
        ...doc,
        version: 2,
        nodes: doc.nodes.map((n) => {
          if (n.kind !== 'users') return n;
          const { rate, ...params } = n.params;
          return { ...n, params: { ...params, baseRate: rate } };
        }),
      };
    },
  };
  const v2Format: LinkFormat = {
    version: 2,
    pack: (doc) => doc.topology,
    unpack: (payload) => ({ ok: true, value: { topology: payload as Record<string, unknown> } }),
  };
  const validateV2 = (raw: unknown): ParseResult<Topology> => {
    const d = raw as V2Doc;
    const users = d.nodes.filter((n) => n.kind === 'users');
    if (d.version !== 2 || users.some((n) => 'rate' in n.params || !('baseRate' in n.params)))
      return { ok: false, issues: [{ path: 'version', message: { en: 'not v2', ko: 'v2 아님' } }] };
    return { ok: true, value: raw as Topology };
  };
  const v2App: CodecSpec = {
    current: 2,
    formats: [V1_FORMAT, v2Format],
    migrations: [renameRate],
    validate: validateV2,
  };

  let t = emptyTopology('v1 document');
  t = addNode(t, 'users', 0, 0).topology;
  const set = setParam(t, 'users-1', 'rate', 150);
  if (!set.ok) throw new Error(set.reason.en);
  const v1Doc: ShareDoc = { topology: set.topology, lesson: { id: 'first-box', step: 1 } };

  it('migrates a v1 link to v2 and keeps the view and lesson', () => {
    ran = 0;
    const r = decodeShareWith(packLink(v1Doc, V1_FORMAT), v2App);
    if (!r.ok) throw new Error(r.error.message.en);
    const users = r.value.topology.nodes[0]!.params as Record<string, unknown>;
    expect(r.value.topology.version).toBe(2);
    expect(users['baseRate']).toBe(150);
    expect(users).not.toHaveProperty('rate');
    expect(r.value.lesson).toEqual({ id: 'first-box', step: 1 });
    expect(ran).toBe(1);
  });

  it('reads a v2 link without migrating it', () => {
    ran = 0;
    const v2Topology = renameRate.migrate(v1Doc.topology) as Topology;
    const r = decodeShareWith(packLink({ topology: v2Topology }, v2Format), v2App);
    expect(r).toEqual({ ok: true, value: { topology: v2Topology } });
    expect(ran).toBe(1); // the call above, not the decoder
  });

  it('refuses a v3 link as too new, naming both versions', () => {
    const r = decodeShareWith('v3.AAAA', v2App);
    expect(r).toMatchObject({ ok: false, error: { code: 'tooNew' } });
    if (!r.ok)
      expect(r.error.message.en).toContain('(link format v3); this page reads formats up to v2');
  });

  it('migrates a v1 file the same way', () => {
    ran = 0;
    const r = decodeTopologyJsonWith(encodeTopologyJson(v1Doc.topology), v2App);
    if (!r.ok) throw new Error(r.error.message.en);
    expect((r.value.nodes[0]!.params as Record<string, unknown>)['baseRate']).toBe(150);
    expect(ran).toBe(1);
  });

  it('gives a typed error when a step cannot read a damaged document', () => {
    const strict: CodecSpec = {
      ...v2App,
      migrations: [
        {
          from: 1,
          name: 'needs-nodes',
          migrate: (raw) => (raw as { nodes: unknown[] }).nodes.map((n) => n),
        },
      ],
    };
    const r = decodeTopologyJsonWith('{"version": 1}', strict);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok)
      expect(r.error.message.en).toMatch(/^Upgrading from version 1 failed at step "needs-nodes"/);
  });
});
