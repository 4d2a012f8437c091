/**
 * `npm run bench [-- --json] [-- --quick]`: the kernel step benchmark on generated layered
 * topologies of 100, 1,000 and 10,000 nodes, the headless runner's speed on the example topologies,
 * heap use over a simulated hour, and the share-link codec benchmark when `bench/codec.ts` exists.
 * Human-readable rows by default; `--json` prints one JSON object per line. Targets are printed
 * beside the figures with PASS/MISS; a miss does not fail the process (wall times are noisy).
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { flagHelp, parseArgs, type FlagSpec } from '../cli/args';
import { runSimCli } from '../cli/sim';
import { benchMemory, benchStep, DEFAULT_BUDGET, quantile, type StepBudget } from './kernel';
import { layeredTopology } from './topologies';

interface BenchOptions {
  json: boolean;
  quick: boolean;
  full: boolean;
  help: boolean;
}

/** Wall-clock budget of the memory benchmark, s, so the whole bench stays near two minutes. */
const MEMORY_BUDGET_S = 60;

const FLAGS: FlagSpec<BenchOptions>[] = [
  { name: 'json', help: 'one JSON object per line', apply: (o) => void (o.json = true) },
  {
    name: 'quick',
    help: 'a smoke run: 100 and 1,000 nodes only, short budgets, 10 simulated minutes of memory',
    apply: (o) => void (o.quick = true),
  },
  {
    name: 'full',
    help: `simulate the whole hour of the memory benchmark even past its ${MEMORY_BUDGET_S} s wall-clock budget`,
    apply: (o) => void (o.full = true),
  },
  { name: 'help', help: 'print this help', apply: (o) => void (o.help = true) },
];

type Row = Record<string, unknown> & { name: string };

const EXAMPLES_DIR = fileURLToPath(new URL('../docs/examples/', import.meta.url));
const RUNNER_SECONDS = 300;
/** Runs per example; the median is reported. */
const RUNNER_REPEATS = 5;

/** Forces a full collection when possible, so heap figures are live data only. */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Simulated seconds per wall second of the runner (read, validate, simulate, report) on each
 * example, from the median of several runs.
 */
async function benchRunner(): Promise<Row> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.json')).sort();
  let output = 0;
  const io = {
    readFile: (p: string) => readFile(p, 'utf8'),
    stdout: (text: string) => void (output += text.length),
    stderr: (text: string) => {
      throw new Error(text.trim());
    },
  };
  const argv = (f: string) => [`${EXAMPLES_DIR}${f}`, '--seconds', String(RUNNER_SECONDS)];
  // Warm-up: the first run pays for JIT compilation.
  for (const f of files) await runSimCli(argv(f), io);
  const examples = [];
  let wall = 0;
  for (const f of files) {
    const times: number[] = [];
    for (let k = 0; k < RUNNER_REPEATS; k++) {
      const t0 = performance.now();
      const status = await runSimCli(argv(f), io);
      times.push(performance.now() - t0);
      if (status !== 0) throw new Error(`runner failed on ${f} (status ${status})`);
    }
    const ms = quantile(
      times.sort((a, b) => a - b),
      0.5,
    );
    wall += ms;
    examples.push({
      file: f,
      wallMs: Number(ms.toFixed(1)),
      simSecondsPerWallSecond: Math.round((RUNNER_SECONDS * 1000) / ms),
    });
  }
  return {
    name: 'runner-speed',
    seconds: RUNNER_SECONDS,
    dt: 0.1,
    examples,
    simSecondsPerWallSecond: Math.round((RUNNER_SECONDS * files.length * 1000) / wall),
    reportBytes: output,
  };
}

/** `bench/codec.ts` (optional) exports `benchCodec(): Row[] | Promise<Row[]>`. */
async function benchCodecRows(): Promise<Row[]> {
  // A variable specifier keeps the import optional for the type checker as well.
  const specifier = './codec.ts';
  let mod: unknown;
  try {
    mod = await import(specifier);
  } catch (err) {
    const missing =
      err instanceof Error &&
      /Cannot find module|ERR_MODULE_NOT_FOUND/.test(
        `${err.message} ${String((err as { code?: unknown }).code)}`,
      );
    if (missing) return [{ name: 'codec', skipped: 'bench/codec.ts is not there yet' }];
    throw err;
  }
  const fn =
    typeof mod === 'object' && mod !== null
      ? (mod as Record<string, unknown>)['benchCodec']
      : undefined;
  if (typeof fn !== 'function')
    return [{ name: 'codec', skipped: 'bench/codec.ts does not export benchCodec()' }];
  const result: unknown = await (fn as () => unknown)();
  const rows = Array.isArray(result) ? result : [result];
  return rows.map((r, i) =>
    typeof r === 'object' && r !== null && typeof (r as Row).name === 'string'
      ? (r as Row)
      : { name: `codec-${i + 1}`, value: r },
  );
}

const fmt = (v: unknown): string => {
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 4 });
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

/** One human-readable line per row. */
function human(row: Row): string {
  switch (row.name.split('-').slice(0, 2).join('-')) {
    case 'kernel-step': {
      const target =
        row['targetMsPerStepMedian'] === null
          ? 'no target'
          : `target ≤ ${fmt(row['targetMsPerStepMedian'])} ms  ${fmt(row['status'])}`;
      return `${row.name.padEnd(16)} ${fmt(row['nodes']).padStart(6)} nodes ${fmt(row['links']).padStart(8)} links  step median ${fmt(row['msPerStepMedian'])} ms, p95 ${fmt(row['msPerStepP95'])} ms, cpu ${fmt(row['cpuMsPerStepMean'])} ms (${fmt(row['steps'])} steps)  frame ${fmt(row['msPerFrameMedian'])} ms  ${target}`;
    }
    case 'kernel-memory': {
      const marks = row['heapCheckpointsMB'] as number[];
      const range =
        marks.length > 0
          ? `, ${marks.length} checkpoints ${fmt(Math.min(...marks))}–${fmt(Math.max(...marks))} MB`
          : '';
      return `${row.name.padEnd(16)} ${fmt(row['nodes']).padStart(6)} nodes, ${fmt(row['simSeconds'])}${row['complete'] ? '' : ` of ${fmt(row['simSecondsTarget'])} (wall budget spent; --full runs all)`} simulated s at dt 1/60: heap start ${fmt(row['heapBeforeMB'])} MB, end ${fmt(row['heapAfterMB'])} MB, peak ${fmt(row['heapPeakMB'])} MB${range} (growth ${fmt(row['heapGrowthMB'])} MB, flat ≤ ${fmt(row['flatLimitMB'])} MB${row['gcForced'] ? '' : ', gc not forced'})  ${fmt(row['status'])}  [${fmt(row['wallSeconds'])} s wall]`;
    }
    case 'runner-speed': {
      const ex = (row['examples'] as { file: string; simSecondsPerWallSecond: number }[])
        .map((e) => `${e.file} ${fmt(e.simSecondsPerWallSecond)}`)
        .join(', ');
      return `${row.name.padEnd(16)} ${fmt(row['simSecondsPerWallSecond'])} simulated s per wall s over the examples (${ex}; ${fmt(row['seconds'])} s at dt ${fmt(row['dt'])})`;
    }
    default:
      return `${row.name.padEnd(16)} ${Object.entries(row)
        .filter(([k]) => k !== 'name')
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const opts: BenchOptions = { json: false, quick: false, full: false, help: false };
  const parsed = parseArgs(argv, FLAGS, opts);
  if (!parsed.ok || parsed.positionals.length > 0) {
    process.stderr.write(
      `bench: ${parsed.ok ? `unexpected argument ${parsed.positionals[0] ?? ''}` : parsed.error}\n`,
    );
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`Usage: npm run bench [-- flags]\n\n${flagHelp(FLAGS)}\n`);
    return 0;
  }
  const print = (row: Row) =>
    process.stdout.write(`${opts.json ? JSON.stringify(row) : human(row)}\n`);
  const started = performance.now();
  print({
    name: 'environment',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  });
  const budget: StepBudget = opts.quick
    ? { warmupMs: 100, measureMs: 300, minSteps: 50, maxSteps: 1000 }
    : DEFAULT_BUDGET;
  const sizes: [string, number][] = [
    ['100', 100],
    ['1k', 1000],
    ['10k', 10000],
  ];
  for (const [label, n] of opts.quick ? sizes.slice(0, 2) : sizes)
    print({ ...benchStep(`kernel-step-${label}`, layeredTopology(n), budget) });
  print(await benchRunner());
  const memoryBudgetMs = opts.full ? Infinity : (opts.quick ? 10 : MEMORY_BUDGET_S) * 1000;
  const memoryTopology = layeredTopology(1000);
  const gc = exposeGc();
  const memorySeconds = opts.quick ? 600 : 3600;
  print({ ...benchMemory('kernel-memory-1k', memoryTopology, memorySeconds, gc, memoryBudgetMs) });
  for (const row of await benchCodecRows()) print(row);
  print({ name: 'total', wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
