import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addNode, connect, emptyTopology, setParam, type Topology } from '../model';
import { toBase64Url } from './base64url';
import { inflateRawCapped } from './deflate';
import { describeError, type DecodeResult } from './errors';
import { LINK_LIMITS, SHARE_VERSION, decodeShare, encodeShare, packLink, V1_FORMAT } from './share';
import type { ShareDoc } from './types';

/** A v1 link around any compact payload, packed exactly as the encoder packs. */
const linkOf = (payload: unknown) =>
  `v1.${toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }))}`;
/** A v1 link around raw JSON text (for values JSON.stringify cannot write, like 1e400). */
const linkOfText = (json: string) => `v1.${toBase64Url(deflateSync(strToU8(json)))}`;

const errorOf = <T>(r: DecodeResult<T>) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

function smallTopology(): Topology {
  let t = emptyTopology('demo');
  t = addNode(t, 'users', 0, 100).topology;
  t = addNode(t, 'server', 200, 100).topology;
  const c = connect(t, 'users-1', 'server-1');
  if (!c.ok) throw new Error(c.reason.en);
  return c.topology.topology;
}

describe('where the link comes from', () => {
  const doc: ShareDoc = { topology: smallTopology(), view: { x: 10, y: -20, zoom: 1.5 } };
  const link = encodeShare(doc);

  it('starts with the version prefix', () => {
    expect(link.startsWith(`v${SHARE_VERSION}.`)).toBe(true);
    expect(SHARE_VERSION).toBe(1);
    expect(link).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['a bare fragment', link],
    ['a fragment with #', `#${link}`],
    ['a whole URL', `https://lab.example/lab/sub/?lang=ko#${link}`],
    ['a pasted link with whitespace around it', `  https://lab.example/#${link}\n`],
  ])('accepts %s', (_, input) => {
    expect(decodeShare(input)).toEqual({ ok: true, value: doc });
  });

  it.each([
    ['nothing', ''],
    ['only whitespace', ' \n\t'],
    ['only #', '#'],
    ['a URL without a fragment', 'https://lab.example/lab/'],
    ['a URL with an empty fragment', 'https://lab.example/lab/#'],
  ])('refuses %s as empty', (_, input) => {
    const e = errorOf(decodeShare(input));
    expect(e.code).toBe('empty');
    expect(e.message.en).toContain('nothing follows "#"');
    expect(e.message.ko).toContain('#');
  });

  it('treats a non-string input from untyped callers as empty instead of throwing', () => {
    expect(errorOf(decodeShare(undefined as unknown as string)).code).toBe('empty');
    expect(errorOf(decodeShare({} as unknown as string)).code).toBe('empty');
  });
});

describe('size caps', () => {
  it('refuses a 200,000-character link before reading it', () => {
    const e = errorOf(decodeShare(`v1.${'A'.repeat(200_000)}`));
    expect(e.code).toBe('tooLong');
    expect(e.message.en).toContain('200,003 characters');
    expect(e.message.en).toContain('100,000');
  });

  it('refuses a fragment over the cap even inside a short-enough URL', () => {
    const url = `https://lab.example/#v1.${'A'.repeat(LINK_LIMITS.chars)}`;
    expect(url.length).toBeLessThan(LINK_LIMITS.chars + LINK_LIMITS.urlChars);
    expect(errorOf(decodeShare(url)).code).toBe('tooLong');
  });

  it('stops a deflate bomb (50 MB of zeros) with tooLarge after unpacking only the cap', () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const bomb = deflateSync(zeros, { level: 9 });
    const link = `v1.${toBase64Url(bomb)}`;
    expect(link.length).toBeLessThan(LINK_LIMITS.chars); // passes the length cap: only the inflate cap can stop it
    const e = errorOf(decodeShare(link));
    expect(e.code).toBe('tooLarge');
    expect(e.message.en).toContain('2,097,152 bytes');

    const r = inflateRawCapped(bomb, LINK_LIMITS.inflatedBytes);
    if (r.ok || r.reason !== 'tooLarge') throw new Error('expected tooLarge');
    expect(r.consumed).toBeLessThan(bomb.length / 10);
    expect(r.produced).toBeLessThan(LINK_LIMITS.inflatedBytes + 1100 * 1024);
  }, 30_000);

  it('refuses a million nodes that compress well: the unpacked size cap', () => {
    const json = `["",[${new Array(1_000_000).fill('[3,0,0]').join(',')}]]`;
    const link = linkOfText(json);
    expect(link.length).toBeLessThan(LINK_LIMITS.chars);
    expect(errorOf(decodeShare(link)).code).toBe('tooLarge');
  }, 30_000);

  it('refuses a payload claiming a million nodes within the size cap: the node count cap', () => {
    const json = `["",[${new Array(1_000_000).fill('0').join(',')}]]`;
    expect(json.length).toBeLessThan(LINK_LIMITS.inflatedBytes);
    const e = errorOf(decodeShare(linkOfText(json)));
    expect(e.code).toBe('invalid');
    expect(e.issues).toEqual([
      {
        path: 'nodes',
        message: { en: 'has more than 20000 items', ko: '항목이 20000개를 넘습니다' },
      },
    ]);
  }, 30_000);
});

describe('prefix and version', () => {
  it.each(['hello', 'v1', 'V1.AAAA', 'v0.AAAA', 'v01.AAAA', 'v-1.AAAA', 'v1,AAAA', '1.AAAA'])(
    'refuses %j as not a share link',
    (input) => {
      const e = errorOf(decodeShare(input));
      expect(e.code).toBe('badPrefix');
      expect(e.message.en).toContain('"v1."');
    },
  );

  it.each(['v9.AAAA', 'v2.AAAA', '#v123456789.x'])(
    'refuses %j from a newer app with a clear message',
    (input) => {
      const e = errorOf(decodeShare(input));
      expect(e.code).toBe('tooNew');
      expect(e.message.en).toMatch(
        /newer Scale-Out Lab \(link format v\d+\); this page reads formats up to v1/,
      );
      expect(e.message.en).toContain('Reload the page');
      expect(e.message.ko).toContain('새로 고쳐');
    },
  );
});

describe('damaged links', () => {
  const good = encodeShare({ topology: smallTopology() });

  it('names the first character that does not belong, counting from the start of the fragment', () => {
    const bad = `${good.slice(0, 8)}$${good.slice(9)}`;
    const e = errorOf(decodeShare(bad));
    expect(e.code).toBe('badEncoding');
    expect(e.message.en).toContain('"$" at position 9');
  });

  it('refuses padding, spaces and standard base64 characters', () => {
    for (const bad of [`${good}=`, `${good.slice(0, 6)} ${good.slice(6)}`, `${good}+`, `${good}/`])
      expect(errorOf(decodeShare(bad)).code).toBe('badEncoding');
  });

  it('refuses a length no bytes encode to', () => {
    const e = errorOf(decodeShare('v1.AAAAA'));
    expect(e.code).toBe('badEncoding');
    expect(e.message.en).toContain('length is impossible');
  });

  it('refuses a link cut off in the middle as badCompression', () => {
    // Cut where the base64url text still has a possible length, so the damage shows in the data.
    const cuts = [good.length - 4, Math.floor(good.length / 2), 7, 3].map((n) =>
      (n - 3) % 4 === 1 ? n - 1 : n,
    );
    for (const n of cuts)
      expect(errorOf(decodeShare(good.slice(0, n))).code, `${n}`).toBe('badCompression');
  });

  it('refuses a payload that unpacks to something that is not JSON', () => {
    const e = errorOf(decodeShare(linkOfText('{not json')));
    expect(e.code).toBe('badJson');
    expect(e.message.en).toContain('not readable data');
  });
});

describe('invalid content, named by path', () => {
  it('names a parameter out of its bounds', () => {
    const e = errorOf(decodeShare(linkOf(['', [[3, 0, 0, 0, [4, 70000]]]])));
    expect(e.code).toBe('invalid');
    expect(describeError(e)).toBe(
      'The topology in the link has 1 problem(s): nodes[0].params.listenPort: must be ≤ 65535',
    );
  });

  it('refuses 1e400 (Infinity once parsed) with the path of the value', () => {
    const e = errorOf(decodeShare(linkOfText('["",[[0,0,0,0,[0,1e400]],[3,1e400,0]]]')));
    expect(e.code).toBe('invalid');
    expect(e.issues?.map((i) => i.path)).toEqual(['nodes[0].params.rate', 'nodes[1].x']);
  });

  it('refuses a NaN that reached the encoder with the path of the value', () => {
    const t = smallTopology();
    const nan = {
      ...t,
      nodes: t.nodes.map((n, i) =>
        i === 1 ? { ...n, y: NaN, params: { ...n.params, bootSec: NaN } } : n,
      ),
    } as Topology;
    const e = errorOf(decodeShare(encodeShare({ topology: nan })));
    expect(e.code).toBe('invalid');
    expect(e.issues?.map((i) => i.path).sort()).toEqual(['nodes[1].params.bootSec', 'nodes[1].y']);
  });

  it('names damaged compact structure by the field it would have become', () => {
    const cases: [unknown, string][] = [
      [{ nodes: [] }, ''],
      [['', [[99, 0, 0]]], 'nodes[0].kind'],
      [['', [[3, 0, 0, true]]], 'nodes[0].id'],
      [['', [[3, 0, 0, 0, [99, 1]]]], 'nodes[0].params'],
      [['', [[3, 0, 0, 0, [1, 99]]]], 'nodes[0].params.instanceType'],
      [['', [[3, 0, 0, 0, [0, 14]]]], 'nodes[0].params.roles'],
      [['', [[0, 0, 0, 0, [12, 2]]]], 'nodes[0].params.retryBudget'],
      [
        [
          '',
          [
            [0, 0, 0],
            [3, 0, 0],
          ],
          [[0, 7]],
        ],
        'links[0].to',
      ],
      [
        [
          '',
          [
            [0, 0, 0],
            [3, 0, 0],
          ],
          [[0, 1, 0, null, 1, 2]],
        ],
        'links[0].cut',
      ],
      [['', [], [], 1, [[42, 0, 0]]], 'scenario.events[0].type'],
      [['', [], [], 1, [[5, 0, 3]]], 'scenario.events[0].az'],
      [['', [], [], 1, [], [1, 2]], 'view'],
      [['', [], [], 1, [], 0, 'intro'], 'lesson'],
      [['', 'nodes'], 'nodes'],
    ];
    for (const [payload, path] of cases) {
      const e = errorOf(decodeShare(linkOf(payload)));
      expect(e.code, path).toBe('invalid');
      expect(e.issues?.[0]?.path, JSON.stringify(payload)).toBe(path);
      expect(e.issues?.[0]?.message.en).toMatch(/damaged/);
    }
  });

  it('reports schema problems after unpacking: references, kinds, view and lesson bounds', () => {
    const e = errorOf(
      decodeShare(
        linkOf([
          '',
          [
            [4, 0, 0],
            [2, 10, 0],
          ],
          [[0, 1]],
          1,
          [[0, 0, 'ghost']],
          [0, 0, 0],
          ['intro', -1],
        ]),
      ),
    );
    expect(e.code).toBe('invalid');
    expect(e.issues?.map((i) => `${i.path}: ${i.message.en}`)).toEqual([
      'links[0].to: DB primary → Load balancer is not allowed. DB primary can call: Read replica.',
      'scenario.events[0].node: no node "ghost"',
      'view.zoom: must be ≥ 0.01',
      'lesson.step: must be ≥ 0',
    ]);
  });

  it('lists at most 50 issues and says how many more', () => {
    const nodes = Array.from({ length: 80 }, () => [3, 0, 0, 0, [4, 0]]);
    const e = errorOf(decodeShare(linkOf(['', nodes])));
    expect(e.issues).toHaveLength(51);
    expect(e.issues?.[50]?.message.en).toBe('…and 30 more problem(s)');
  });
});

describe('prototype pollution', () => {
  it('never turns link content into object keys', () => {
    const payloads = [
      { __proto__: { polluted: true } },
      ['', [[3, 0, 0, 0, { __proto__: { polluted: true } }]]],
      ['', [[3, 0, 0, 0, ['__proto__', { polluted: true }]]]],
      ['', [[3, 0, 0, 0, ['constructor', 1]]]],
      JSON.parse('["",[[3,0,0,"__proto__",0,{"__proto__":{"polluted":true}}]]]'),
    ];
    for (const p of payloads) {
      const link = typeof p === 'string' ? p : linkOfText(JSON.stringify(p));
      expect(decodeShare(link).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps ids, labels and names like "constructor" and "__proto__" as plain text', () => {
    let t = emptyTopology('__proto__');
    t = { ...t, nodes: addNode(t, 'server', 0, 0).topology.nodes };
    t = {
      ...t,
      nodes: t.nodes.map((n) => ({ ...n, id: 'constructor', label: '__proto__' })),
    };
    const r = decodeShare(encodeShare({ topology: t }));
    expect(r).toEqual({ ok: true, value: { topology: t } });
    if (r.ok) expect(Object.getPrototypeOf(r.value.topology.nodes[0])).toBe(Object.prototype);
  });
});

describe('what a link keeps', () => {
  it('rounds positions to the 10 px grid and keeps everything else exactly', () => {
    let t = emptyTopology();
    t = addNode(t, 'lb', 123, -47).topology;
    const p = setParam(t, 'lb-1', 'hcPath', '/healthz?full=1');
    if (!p.ok) throw new Error(p.reason.en);
    const r = decodeShare(
      encodeShare({ topology: p.topology, lesson: { id: 'dns-vs-lb', step: 2 } }),
    );
    if (!r.ok) throw new Error(describeError(r.error));
    expect(r.value.topology.nodes[0]).toMatchObject({ x: 120, y: -50 });
    expect(r.value.topology.nodes[0]?.params).toEqual(p.topology.nodes[0]?.params);
    expect(r.value.lesson).toEqual({ id: 'dns-vs-lb', step: 2 });
    expect(r.value.view).toBeUndefined();
  });

  it('writes one link per document: the same document gives the same characters', () => {
    const doc = { topology: smallTopology() };
    expect(encodeShare(doc)).toBe(encodeShare(structuredClone(doc)));
    expect(encodeShare(doc)).toBe(packLink(doc, V1_FORMAT));
  });

  it('says which v1 code is missing when asked to encode a value v1 cannot name', () => {
    const t = smallTopology();
    const odd = {
      ...t,
      nodes: t.nodes.map((n) => ({ ...n, params: { ...n.params, instanceType: 'z9.huge' } })),
    } as Topology;
    expect(() => encodeShare({ topology: odd })).toThrow(
      'nodes[1].params.instanceType: "z9.huge" is not a v1 option',
    );
  });
});
