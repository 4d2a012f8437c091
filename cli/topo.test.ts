import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, encodeTopologyJson } from '../src/core/codec';
import { addNode, connect, emptyTopology, type Topology } from '../src/core/model';
import { EXIT, USAGE, runTopoCli, type TopoIo } from './topo';

function topology(): Topology {
  let t = emptyTopology('cli demo');
  t = addNode(t, 'users', 0, 100).topology;
  t = addNode(t, 'server', 200, 100).topology;
  const c = connect(t, 'users-1', 'server-1');
  if (!c.ok) throw new Error(c.reason.en);
  return c.topology.topology;
}

/** Runs the CLI against in-memory files; returns the status and everything it wrote. */
function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: TopoIo = {
    readFile: (path) => {
      if (!Object.hasOwn(files, path))
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path]!;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const status = runTopoCli(argv, io);
  return { status, stdout, stderr };
}

/** A refusal: status 2 and exactly one line on stderr, nothing on stdout. */
function expectOneLineError(r: ReturnType<typeof run>, includes: string) {
  expect(r.status).toBe(EXIT.badInput);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^topo: [^\n]+\n$/);
  expect(r.stderr).toContain(includes);
}

const file = { 'demo.json': encodeTopologyJson(topology()) };

describe('topo encode', () => {
  it('prints "#" and the link, and nothing else', () => {
    const r = run(['encode', 'demo.json'], file);
    expect(r).toEqual({
      status: 0,
      stdout: `#${encodeShare({ topology: topology() })}\n`,
      stderr: '',
    });
  });

  it('puts the link after --base, replacing any old fragment', () => {
    const link = encodeShare({ topology: topology() });
    for (const base of ['https://example.org/lab/', 'https://example.org/lab/#old']) {
      expect(run(['encode', 'demo.json', '--base', base], file).stdout).toBe(
        `https://example.org/lab/#${link}\n`,
      );
    }
    expect(run(['encode', '--base=https://x.org/', 'demo.json'], file).stdout).toBe(
      `https://x.org/#${link}\n`,
    );
  });

  it('adds a lesson step with --lesson', () => {
    const r = run(['encode', 'demo.json', '--lesson', 'split-tiers:3'], file);
    expect(r.status).toBe(0);
    const back = decodeShare(r.stdout.trim());
    expect(back.ok && back.value.lesson).toEqual({ id: 'split-tiers', step: 3 });
  });

  it('notes on stderr when positions are rounded to the grid, and still succeeds', () => {
    const t = topology();
    t.nodes[1]!.x = 203;
    const r = run(['encode', 'odd.json'], { 'odd.json': encodeTopologyJson(t) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^#v1\.[\w-]+\n$/);
    expect(r.stderr).toBe(
      'topo: note: 1 node position(s) rounded to the 10 px grid (first: server-1)\n',
    );
  });

  it('refuses a missing file, bad JSON and an invalid topology in one line each', () => {
    expectOneLineError(run(['encode', 'nope.json']), 'cannot read nope.json: no such file');
    expectOneLineError(
      run(['encode', 'bad.json'], { 'bad.json': '{"format":\n\n' }),
      'The file is not valid JSON',
    );
    const invalid = file['demo.json']
      .replace('"x": 200', '"x": "far"')
      .replace('"rate": 100', '"rate": -1');
    expectOneLineError(
      run(['encode', 'bad.json'], { 'bad.json': invalid }),
      'The topology in the file has 2 problem(s): nodes[0].params.rate: must be ≥ 0; nodes[1].x: must be number',
    );
  });

  it('refuses bad flag values in one line', () => {
    expectOneLineError(
      run(['encode', 'demo.json', '--base', 'not a url'], file),
      '--base "not a url" is not a URL',
    );
    expectOneLineError(
      run(['encode', 'demo.json', '--base', 'javascript:alert(1)'], file),
      'http(s) or file URL',
    );
    expectOneLineError(
      run(['encode', 'demo.json', '--lesson', 'intro'], file),
      '--lesson must be <id>:<step>',
    );
    expectOneLineError(
      run(['encode', 'demo.json', '--lesson', 'a b:1'], file),
      'lesson.id: use letters, digits',
    );
  });
});

describe('topo decode', () => {
  const link = encodeShare({ topology: topology(), view: { x: 1, y: 2, zoom: 1 } });

  it('prints the topology as pretty JSON, from a fragment, "#fragment" or a URL', () => {
    for (const input of [link, `#${link}`, `https://example.org/lab/#${link}`]) {
      expect(run(['decode', input])).toEqual({ status: 0, stdout: file['demo.json'], stderr: '' });
    }
  });

  it('round-trips with encode', () => {
    const encoded = run(['encode', 'demo.json'], file).stdout.trim();
    expect(run(['decode', encoded]).stdout).toBe(file['demo.json']);
  });

  it.each([
    ['an empty link', '#', 'nothing follows "#"'],
    ['a 200,000-character link', `v1.${'A'.repeat(200_000)}`, 'links longer than 100,000'],
    ['another prefix', 'hello', 'should start with "v1."'],
    ['a newer version', 'v9.AAAA', 'newer Scale-Out Lab (link format v9)'],
    ['a bad character', 'v1.AB$C', '"$" at position 6'],
    ['a cut-off link', link.slice(0, 12), 'damaged or cut off'],
  ])('refuses %s with status 2 and one line', (_, input, message) => {
    expectOneLineError(run(['decode', input]), message);
  });

  it('joins path-named issues with "; " on the one line', () => {
    const t = topology();
    const bad = {
      ...t,
      nodes: t.nodes.map((n) => ({ ...n, x: NaN })),
    } as Topology;
    expectOneLineError(
      run(['decode', encodeShare({ topology: bad })]),
      'The topology in the link has 2 problem(s): nodes[0].x: must be number; nodes[1].x: must be number',
    );
  });

  it('speaks Korean with --lang ko', () => {
    expectOneLineError(run(['decode', 'v9.AAAA', '--lang', 'ko']), '더 새로운 Scale-Out Lab');
  });
});

describe('usage', () => {
  it.each([
    [[], 'no command'],
    [['frob'], 'unknown command "frob"'],
    [['encode'], 'encode needs a topology file'],
    [['decode'], 'decode needs a link'],
    [['decode', 'x', 'y'], 'unexpected argument "y"'],
    [['decode', 'x', '--verbose'], 'unknown option --verbose'],
    [['encode', 'demo.json', '--base'], '--base needs a value'],
    [['decode', 'x', '--lang', 'fr'], '--lang must be en or ko, not "fr"'],
    [['decode', 'x', '--base', 'https://x.org/'], 'decode takes no --base or --lesson'],
  ])('%j exits 2 with the problem and the usage on stderr', (argv, problem) => {
    const r = run(argv, file);
    expect(r.status).toBe(EXIT.badInput);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`topo: ${problem}\n\n${USAGE}`);
  });

  it('prints the usage on stdout for help and --help', () => {
    for (const argv of [['help'], ['--help'], ['-h']])
      expect(run(argv)).toEqual({ status: 0, stdout: USAGE, stderr: '' });
  });
});

describe('the real command', () => {
  it('runs under npx tsx: decodes a link to stdout, and refuses a bad one with status 2', async () => {
    const exec = promisify(execFile);
    const link = encodeShare({ topology: topology() });
    const ok = await exec('npx', ['tsx', 'cli/topo.ts', 'decode', `#${link}`]);
    expect(ok.stdout).toBe(file['demo.json']);
    const bad = await exec('npx', ['tsx', 'cli/topo.ts', 'decode', 'v9.AAAA']).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect('code' in bad && bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter((l) => l.startsWith('topo:'))).toHaveLength(1);
  }, 60_000);
});
