import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeTopologyJson, encodeShare } from '../src/core/codec';
import { PRECISION, REPORT_FORMAT, REPORT_VERSION, type Report } from './report';
import { LESSONS } from '../src/core/scenarios';
import { runSimCli, SIM_FLAGS, type CliIo } from './sim';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = ['all-in-one', 'three-tier', 'lb-replicas'].map((n) => `docs/examples/${n}.json`);
const example = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** An in-memory file system and captured output. */
function memoryIo(files: Record<string, string | { code: string }> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readFile: (path) => {
      const f = files[path] ?? (EXAMPLES.includes(path) ? example(path) : undefined);
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (typeof f !== 'string') throw Object.assign(new Error(f.code), f);
      return f;
    },
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  };
  return { io, out };
}

async function run(argv: string[], files?: Record<string, string | { code: string }>) {
  const { io, out } = memoryIo(files);
  const status = await runSimCli(argv, io);
  return { status, ...out };
}

const allInOne = JSON.parse(example('docs/examples/all-in-one.json')) as {
  nodes: { params: Record<string, unknown> }[];
};
const withBadBoot = JSON.stringify({
  ...allInOne,
  nodes: allInOne.nodes.map((n, i) =>
    i === 1 ? { ...n, params: { ...n.params, bootSec: 1 } } : n,
  ),
});

describe('runSimCli: bad input exits 2 with one line on stderr', () => {
  const cases: [string, string[], string][] = [
    ['no topology', [], 'missing topology'],
    ['two topologies', ['a.json', 'b.json'], 'expected one topology, got 2'],
    ['an unknown flag', ['x.json', '--bogus'], 'unknown flag --bogus'],
    ['a short flag', ['x.json', '-s', '5'], 'unknown flag -s'],
    [
      'non-numeric seconds',
      ['x.json', '--seconds', 'abc'],
      '--seconds must be a duration in seconds',
    ],
    ['fractional seconds', ['x.json', '--seconds', '1.5'], '--seconds must be'],
    ['zero seconds', ['x.json', '--seconds', '0'], '--seconds must be'],
    ['too many seconds', ['x.json', '--seconds', '864001'], 'from 1 to 864000'],
    ['seconds without value', ['x.json', '--seconds'], '--seconds needs a value'],
    ['seconds twice', ['x.json', '--seconds', '5', '--seconds', '6'], 'more than once'],
    ['a negative seed', ['x.json', '--seed', '-1'], '--seed must be a seed'],
    ['an unknown engine', ['x.json', '--engine', 'warp'], '--engine must be one of'],
    ['an unknown format', ['x.json', '--format', 'xml'], '--format must be one of json, table'],
    ['a zero dt', ['x.json', '--dt', '0'], '--dt must be a step in seconds'],
    ['a dt above 1 s', ['x.json', '--dt', '2'], '--dt must be'],
    ['a dt dividing by zero', ['x.json', '--dt', '1/0'], '--dt must be'],
    ['an unknown language', ['x.json', '--lang', 'fr'], '--lang must be one of en, ko'],
    [
      'a step for the des engine',
      ['x.json', '--engine', 'des', '--dt', '0.1'],
      '--dt applies to the fluid engine only',
    ],
    ['a missing file', ['nope.json'], 'cannot read nope.json: no such file'],
    ['a directory', ['dir'], 'cannot read dir: is a directory'],
    ['unreadable JSON', ['bad.json'], 'bad.json: The file is not valid JSON: Unexpected token'],
    ['an invalid topology', ['boot.json'], 'boot.json: nodes[1].params.bootSec: must be ≥ 5'],
    ['a topology of the wrong shape', ['arr.json'], 'arr.json:'],
    ['an empty file', ['empty.json'], 'empty.json: The file is empty.'],
    [
      'a newer topology version',
      ['new.json'],
      'new.json: This file was saved by a newer Scale-Out Lab',
    ],
    ['a damaged link', ['#v1.ab$d'], 'share link: The link is damaged'],
    ['a link of another site', ['#hello'], 'share link: This is not a Scale-Out Lab share link'],
    [
      'a URL without a fragment',
      ['https://example.org/lab/'],
      'share link: The link has no topology in it',
    ],
    [
      'a link from a newer version',
      ['#v99.abc'],
      'share link: This link was made by a newer Scale-Out Lab',
    ],
  ];
  const files = {
    dir: { code: 'EISDIR' },
    'bad.json': '{\n  "format": }\n',
    'boot.json': withBadBoot,
    'arr.json': '[1, 2]',
    'empty.json': '',
    'new.json': JSON.stringify({ ...allInOne, version: 99 }),
  };
  it.each(cases)('%s', async (_, argv, message) => {
    const r = await run(argv, files);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names the first problem and counts the others', async () => {
    const doc = JSON.parse(withBadBoot) as { nodes: { x: unknown }[] };
    (doc.nodes[0] as { x: unknown }).x = 'left';
    const r = await run(['two.json'], { 'two.json': JSON.stringify(doc) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^sim: two\.json: nodes\[0\]\.x: must be number \(and 1 more problem\)\n$/,
    );
  });

  it('speaks Korean when asked', async () => {
    const r = await run(['boot.json', '--lang', 'ko'], files);
    expect(r.stderr).toContain('nodes[1].params.bootSec: 5 이상이어야 합니다');
  });
});

describe('runSimCli: report', () => {
  it('prints help with every flag and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    for (const f of SIM_FLAGS) expect(r.stdout).toContain(`--${f.name}`);
  });

  it('echoes the inputs and the window', async () => {
    const r = await run([
      'docs/examples/all-in-one.json',
      '--seconds',
      '30',
      '--seed',
      '7',
      '--dt',
      '1/60',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.reportVersion).toBe(REPORT_VERSION);
    expect(report.input).toMatchObject({
      source: 'file',
      path: 'docs/examples/all-in-one.json',
      topology: 'All-in-one box',
      nodes: 2,
      links: 1,
      engine: 'fluid',
      seconds: 30,
      seed: 7,
      dt: 1 / 60,
      window: { from: 20, to: 30, samples: 10 },
    });
  });

  it("defaults to 300 s, the scenario's seed, the fluid engine and dt 0.1", async () => {
    const report = JSON.parse((await run(['docs/examples/three-tier.json'])).stdout) as Report;
    expect(report.input).toMatchObject({ seconds: 300, seed: 1, engine: 'fluid', dt: 0.1 });
    expect(report.input.window).toMatchObject({ from: 240, to: 300, samples: 60 });
  });

  it.each(EXAMPLES)('has a stable shape for %s', async (path) => {
    const r = await run([path, '--seconds', '20']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const topology = JSON.parse(example(path)) as {
      nodes: { id: string; kind: string }[];
      links: { id: string }[];
    };
    expect(Object.keys(report)).toEqual([
      'format',
      'reportVersion',
      'input',
      'endToEnd',
      'nodes',
      'links',
      'diagnostics',
      'events',
      'eventsOmitted',
      'notes',
    ]);
    expect(Object.keys(report.endToEnd)).toEqual([
      'offered',
      'attempts',
      'throughput',
      'goodput',
      'errorRate',
      'errorRatio',
      'latencyMs',
      'costPerHour',
      'costTotal',
    ]);
    expect(report.nodes.map((n) => n.id)).toEqual(topology.nodes.map((n) => n.id));
    expect(report.links.map((l) => l.id)).toEqual(topology.links.map((l) => l.id));
    for (const n of report.nodes) {
      const extra =
        n.kind === 'dbReplica' ? ['replicationLagMs'] : n.kind === 'asg' ? ['instances'] : [];
      expect(Object.keys(n)).toEqual([
        'id',
        'kind',
        'label',
        'health',
        'utilization',
        'shareAbove90',
        'arrivalRate',
        'throughput',
        'dropRate',
        'errorRate',
        'timeoutRate',
        'backlog',
        'latencyMs',
        'costPerHour',
        'reads',
        'writes',
        ...extra,
      ]);
      expect(Object.keys(n.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99']);
      for (const c of [n.reads, n.writes])
        expect(Object.keys(c)).toEqual([
          'utilization',
          'arrivalRate',
          'throughput',
          'dropRate',
          'errorRate',
          'timeoutRate',
          'backlog',
          'latencyMs',
        ]);
      // Reads and writes make up what arrives at the node.
      if (n.arrivalRate !== null && n.reads.arrivalRate !== null && n.writes.arrivalRate !== null)
        expect(n.reads.arrivalRate + n.writes.arrivalRate).toBeCloseTo(n.arrivalRate, 2);
      expect(['ok', 'hot', 'unhealthy', 'down', 'starting', null]).toContain(n.health);
      if (n.utilization !== null) {
        expect(n.utilization).toBeGreaterThanOrEqual(0);
        expect(n.utilization).toBeLessThanOrEqual(1);
      }
    }
    for (const e of report.events) expect(typeof e.type).toBe('string');
  });

  it('rounds every number to the documented precision', async () => {
    const { stdout } = await run(['docs/examples/lb-replicas.json', '--seconds', '20']);
    const maxDecimals = Math.max(...Object.values(PRECISION));
    for (const m of stdout.matchAll(/: (-?\d+(?:\.(\d+))?(?:e[+-]?\d+)?)[,\n]/g))
      expect((m[2] ?? '').length, m[1]).toBeLessThanOrEqual(maxDecimals);
    const report = JSON.parse(stdout) as Report;
    for (const n of report.nodes)
      for (const v of [n.utilization, n.shareAbove90])
        if (v !== null)
          expect(Math.round(v * 10 ** PRECISION.ratio)).toBeCloseTo(v * 10 ** PRECISION.ratio, 6);
  });

  it.each(EXAMPLES)('gives byte-identical output for the same inputs (%s)', async (path) => {
    for (const format of ['json', 'table']) {
      const argv = [path, '--seconds', '40', '--seed', '3', '--format', format];
      const a = await run(argv);
      const b = await run([...argv]);
      expect(a.status).toBe(0);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('lists the events of the whole run and the final health', async () => {
    const doc = JSON.parse(example('docs/examples/lb-replicas.json')) as Record<string, unknown>;
    doc['scenario'] = { seed: 1, events: [{ type: 'kill', atSec: 30, node: 'server-1' }] };
    const r = await run(['kill.json', '--seconds', '60'], { 'kill.json': JSON.stringify(doc) });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.events).toContainEqual({ time: 30, type: 'killed', node: 'server-1' });
    const times = report.events.map((e) => e.time ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(report.nodes.find((n) => n.id === 'server-1')?.health).toBe('down');
    expect(report.eventsOmitted).toBe(0);
  });

  it('prints an aligned table', async () => {
    const r = await run(['docs/examples/lb-replicas.json', '--seconds', '20', '--format', 'table']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Scale-Out Lab report v1: Load-balanced web tier, a primary and two replicas',
    );
    expect(lines).toContain('End to end');
    const head = lines.findIndex((l) => l.trimStart().startsWith('node '));
    expect(head).toBeGreaterThan(0);
    const rows = lines.slice(head, head + 9);
    expect(rows.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'users-1',
      'dns-1',
      'lb-1',
      'server-1',
      'server-2',
      'db-1',
      'replica-1',
      'replica-2',
    ]);
    // The last column ($/h) is right-aligned and never empty, so aligned rows have equal lengths.
    expect(new Set(rows.map((l) => l.length)).size).toBe(1);
    // Each header ends where its right-aligned column ends.
    const header = rows[0] ?? '';
    const utilEnd = header.indexOf('util') + 'util'.length;
    for (const row of rows.slice(1)) expect(row[utilEnd - 1]).toBe('%');
  });
});

describe('runSimCli: share links', () => {
  const path = 'docs/examples/lb-replicas.json';
  const parsed = decodeTopologyJson(example(path));
  if (!parsed.ok) throw new Error('example does not decode');
  const fragment = encodeShare({ topology: parsed.value });
  const withoutSource = (stdout: string) => {
    const r = JSON.parse(stdout) as Report;
    const { source, path: p, ...input } = r.input;
    return { source, path: p, rest: { ...r, input } };
  };

  it.each([
    ['a fragment', `#${fragment}`],
    ['a whole URL', `https://example.org/lab/sub/#${fragment}`],
    ['a fragment without #', fragment],
  ])('runs %s exactly like the file it was made from', async (_, link) => {
    const fromFile = await run([path, '--seconds', '20']);
    const fromLink = await run([link, '--seconds', '20']);
    expect(fromLink.status).toBe(0);
    const a = withoutSource(fromFile.stdout);
    const b = withoutSource(fromLink.stdout);
    expect(b.source).toBe('link');
    expect(b.path).toBeUndefined();
    expect(b.rest).toEqual(a.rest);
  });

  it('names the first invalid field of a link', async () => {
    const doc = JSON.parse(JSON.stringify(parsed.value)) as {
      nodes: { params: Record<string, unknown> }[];
    };
    (doc.nodes[3] as { params: Record<string, unknown> }).params['bootSec'] = 1;
    // A link can only carry what the encoder writes, so build it from an out-of-range value.
    const link = encodeShare({ topology: doc as unknown as typeof parsed.value });
    const r = await run([`#${link}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: share link: nodes\[3\]\.params\.bootSec: must be ≥ 5/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('runSimCli: the reference engine', () => {
  const des = (path: string, seed: string) =>
    run([path, '--engine', 'des', '--seconds', '30', '--seed', seed]);

  it('reports exact per-request figures over the same window, and null for what it does not model', async () => {
    const r = await des('docs/examples/lb-replicas.json', '1');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.input).toMatchObject({ engine: 'des', dt: null, seconds: 30, seed: 1 });
    expect(report.input.window).toMatchObject({ from: 20, to: 30, samples: 10 });
    expect(report.input.window.rule).toContain('every request');
    expect(report.endToEnd.offered).toBeGreaterThan(0);
    expect(report.endToEnd.latencyMs.p99).toBeGreaterThanOrEqual(
      report.endToEnd.latencyMs.p50 ?? Infinity,
    );
    for (const n of report.nodes) {
      expect(n.health).toBeNull();
      expect(n.timeoutRate).toBeNull();
      expect(n.shareAbove90).toBeNull();
    }
    const replica = report.nodes.find((n) => n.id === 'replica-1');
    expect(replica?.replicationLagMs).toBeGreaterThanOrEqual(0);
    // Per class, the reference engine counts arrivals only.
    expect(replica?.reads.arrivalRate).toBeGreaterThan(0);
    expect(replica?.writes.arrivalRate).toBeGreaterThan(0);
    expect(replica?.reads.latencyMs.mean).toBeNull();
    expect(report.links.every((l) => l.rate === null)).toBe(true);
    expect(Array.isArray(report.notes)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await des('docs/examples/three-tier.json', '5');
    const b = await des('docs/examples/three-tier.json', '5');
    const c = await des('docs/examples/three-tier.json', '6');
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });
});

describe('the sim command', () => {
  const exec = promisify(execFile);

  it('runs for real through npx tsx', async () => {
    const { stdout } = await exec(
      'npx',
      ['tsx', 'cli/sim.ts', 'docs/examples/all-in-one.json', '--seconds', '60'],
      {
        cwd: ROOT,
      },
    );
    const report = JSON.parse(stdout) as Report;
    expect(report.reportVersion).toBe(1);
    expect(report.input.seconds).toBe(60);
    expect(report.nodes.map((n) => n.id)).toEqual(['users-1', 'server-1']);
  }, 60_000);

  it('exits with status 2 and one line on bad input', async () => {
    const tsx = `${ROOT}node_modules/.bin/tsx`;
    const err = await exec(tsx, ['cli/sim.ts', 'missing.json'], { cwd: ROOT }).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string; stdout: string },
    );
    expect(err?.code).toBe(2);
    expect(err?.stdout).toBe('');
    expect(err?.stderr).toBe('sim: cannot read missing.json: no such file\n');
  }, 60_000);
});

describe('lessons', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const status = await runSimCli(argv, {
      readFile: (p) => readFileSync(p, 'utf8'),
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
    });
    return { status, out, err };
  };

  it('lists every lesson with its points and links', async () => {
    const r = await run(['--list-lessons', '--json', '--base', 'https://example.org/lab/']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.out) as Array<{
      id: string;
      points: number[];
      startLink: string;
      solutionLink: string;
    }>;
    expect(list.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    expect(new Set(list.flatMap((l) => l.points))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
    );
    for (const l of list) {
      expect(l.startLink).toMatch(/^https:\/\/example\.org\/lab\/#v1\./);
      expect(l.solutionLink).toMatch(/^https:\/\/example\.org\/lab\/#v1\./);
    }
  });

  it("grades a lesson's start as failed and its solution as passed, from links", async () => {
    const list = JSON.parse((await run(['--list-lessons', '--json'])).out) as Array<{
      id: string;
      startLink: string;
      solutionLink: string;
    }>;
    const scaleUp = list.find((l) => l.id === 'scale-up');
    expect(scaleUp).toBeDefined();
    const start = await run([scaleUp?.startLink ?? '', '--lesson', 'scale-up', '--check']);
    expect(start.status).toBe(0);
    const failed = JSON.parse(start.out) as { passed: boolean; reasons: string[] };
    expect(failed.passed).toBe(false);
    expect(failed.reasons.join(' ')).toMatch(/CPU/);
    const solution = await run([scaleUp?.solutionLink ?? '', '--lesson', 'scale-up', '--check']);
    expect(JSON.parse(solution.out)).toEqual({ passed: true, reasons: [] });
  });

  it('refuses an unknown lesson and half of the pair with status 2 and one line', async () => {
    for (const argv of [
      ['docs/examples/all-in-one.json', '--lesson', 'nope', '--check'],
      ['docs/examples/all-in-one.json', '--check'],
      ['docs/examples/all-in-one.json', '--lesson', 'scale-up'],
      ['docs/examples/all-in-one.json', '--list-lessons'],
    ]) {
      const r = await run(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
