/**
 * The headless runner: `npm run sim -- <topology.json | share link> [flags]` runs the same kernel
 * as the browser and prints a report averaged over the end of the run (docs/runner.md).
 * Exit status: 0 report printed, 1 unexpected failure, 2 bad input (one line on stderr).
 */
import { readFile as fsReadFile, realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Topology } from '../src/core/model';
import { checkGoal, LESSONS, lessonById, listLessons } from '../src/core/scenarios';
import { choiceFlag, flagHelp, integerFlag, parseArgs, parseNumber, type FlagSpec } from './args';
import { loadTopology, type ReadFile } from './input';
import { buildReport, formatJson, formatTable } from './report';
import { runDesEngine } from './des';
import { ENGINES, runFluid, type Engine, type RunResult, type RunSettings } from './simulate';

export interface CliIo {
  readFile: ReadFile;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export const MAX_SECONDS = 864000;
export const DEFAULT_SECONDS = 300;
export const DEFAULT_DT = 0.1;
export const MIN_DT = 0.001;

export interface SimCliOptions {
  seconds: number;
  /** Undefined: the topology's scenario seed. */
  seed: number | undefined;
  engine: Engine;
  format: 'json' | 'table';
  /** Undefined: DEFAULT_DT for the fluid engine (the des engine has no step). */
  dt: number | undefined;
  lang: 'en' | 'ko';
  help: boolean;
  /** With `check`: grade the topology against this lesson's goal instead of printing a report. */
  lesson: string | undefined;
  check: boolean;
  listLessons: boolean;
  json: boolean;
  /** Base URL for the links `--list-lessons` prints. */
  base: string;
}

const defaults = (): SimCliOptions => ({
  seconds: DEFAULT_SECONDS,
  seed: undefined,
  engine: 'fluid',
  format: 'json',
  dt: undefined,
  lang: 'en',
  help: false,
  lesson: undefined,
  check: false,
  listLessons: false,
  json: false,
  base: '',
});

/** The runner's flags, one row each (add a row to add a flag). */
export const SIM_FLAGS: FlagSpec<SimCliOptions>[] = [
  {
    name: 'seconds',
    value: 'N',
    help: `simulated seconds to run, whole (default ${DEFAULT_SECONDS}, at most ${MAX_SECONDS})`,
    apply: (o, raw) =>
      integerFlag(1, MAX_SECONDS, 'a duration in seconds', (v) => (o.seconds = v))(raw),
  },
  {
    name: 'seed',
    value: 'S',
    help: "random seed (default: the topology's scenario seed)",
    apply: (o, raw) => integerFlag(0, 4294967295, 'a seed', (v) => (o.seed = v))(raw),
  },
  {
    name: 'engine',
    value: ENGINES.join('|'),
    help: 'fluid: the browser kernel (default); des: the reference per-request engine (slower)',
    apply: (o, raw) => choiceFlag(ENGINES, (v) => (o.engine = v))(raw),
  },
  {
    name: 'format',
    value: 'json|table',
    help: 'json: the versioned report (default); table: aligned text for people',
    apply: (o, raw) => choiceFlag(['json', 'table'] as const, (v) => (o.format = v))(raw),
  },
  {
    name: 'dt',
    value: 'D',
    help: `fluid step in simulated seconds, ${MIN_DT}..1, a decimal or a fraction like 1/60 (default ${DEFAULT_DT})`,
    apply: (o, raw) => {
      const v = parseNumber(raw, true);
      if (v === undefined || !(v >= MIN_DT && v <= 1))
        return `must be a step in seconds from ${MIN_DT} to 1 (e.g. 0.1 or 1/60), got ${JSON.stringify(raw)}`;
      o.dt = v;
      return undefined;
    },
  },
  {
    name: 'lang',
    value: 'en|ko',
    help: 'language of error messages and of diagnostics in the table (default en)',
    apply: (o, raw) => choiceFlag(['en', 'ko'] as const, (v) => (o.lang = v))(raw),
  },
  {
    name: 'lesson',
    value: 'ID',
    help: "with --check: grade the topology against this lesson's goal (ids: --list-lessons)",
    apply: (o, raw) => {
      if (!lessonById(raw))
        return `must be a lesson id (${LESSONS.map((l) => l.id).join(', ')}), got ${JSON.stringify(raw)}`;
      o.lesson = raw;
      return undefined;
    },
  },
  {
    name: 'check',
    help: 'with --lesson: print {"passed": bool, "reasons": [...]} instead of a report',
    apply: (o) => {
      o.check = true;
      return undefined;
    },
  },
  {
    name: 'list-lessons',
    help: "list every lesson's id, teaching points, start link and solution link (no topology)",
    apply: (o) => {
      o.listLessons = true;
      return undefined;
    },
  },
  {
    name: 'json',
    help: 'with --list-lessons: print JSON instead of a table',
    apply: (o) => {
      o.json = true;
      return undefined;
    },
  },
  {
    name: 'base',
    value: 'URL',
    help: 'with --list-lessons: the address the app is served at, put in front of each link',
    apply: (o, raw) => {
      if (!/^https?:\/\/\S+$/.test(raw))
        return `must be an http(s) URL, got ${JSON.stringify(raw)}`;
      o.base = raw;
      return undefined;
    },
  },
  {
    name: 'help',
    help: 'print this help and exit',
    apply: (o) => {
      o.help = true;
      return undefined;
    },
  },
];

export const USAGE = `Usage: npm run sim -- <topology.json | share link> [flags]

Runs a topology through the simulation kernel and prints a report averaged over the end of the
run (see docs/runner.md).

Flags:
${flagHelp(SIM_FLAGS)}

Exit status: 0 report printed, 1 unexpected failure, 2 bad input.
`;

/**
 * The runner's whole behaviour, testable in-process: parses `argv`, loads the topology, runs it and
 * writes the report to `io.stdout`. Bad input writes one line to `io.stderr` and returns 2.
 * @example await runSimCli(['docs/examples/all-in-one.json', '--seconds', '60'], io) // 0
 */
export async function runSimCli(argv: readonly string[], io: CliIo): Promise<number> {
  const opts = defaults();
  const fail = (message: string): number => {
    io.stderr(`sim: ${message}\n`);
    return EXIT.badInput;
  };
  const parsed = parseArgs(argv, SIM_FLAGS, opts);
  if (!parsed.ok) return fail(parsed.error);
  if (opts.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (opts.listLessons) {
    if (parsed.positionals.length > 0)
      return fail('--list-lessons takes no topology: give either a topology or --list-lessons');
    const lessons = listLessons(opts.base);
    if (opts.json) io.stdout(`${JSON.stringify(lessons, null, 2)}\n`);
    else
      io.stdout(
        lessons
          .map((l) => `${l.id.padEnd(18)} points ${l.points.join(',').padEnd(6)} ${l.title}`)
          .join('\n') + '\n',
      );
    return EXIT.ok;
  }
  if (opts.json)
    return fail('--json applies to --list-lessons; the report format is set with --format');
  if (opts.base) return fail('--base applies to --list-lessons only');
  if (opts.check !== (opts.lesson !== undefined))
    return fail('--lesson and --check go together: --lesson <id> --check');
  if (opts.engine !== 'fluid' && opts.dt !== undefined)
    return fail(`--dt applies to the fluid engine only; the ${opts.engine} engine has no step`);
  if (parsed.positionals.length === 0)
    return fail('missing topology: give a topology JSON file or a share link (see --help)');
  if (parsed.positionals.length > 1)
    return fail(
      `expected one topology, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}`,
    );
  const loaded = await loadTopology(parsed.positionals[0] ?? '', io.readFile, opts.lang);
  if (!loaded.ok) return fail(loaded.error);
  const { topology, source } = loaded;
  const lesson = opts.lesson === undefined ? undefined : lessonById(opts.lesson);
  if (lesson) {
    // Grading runs the lesson's own traffic, failures and duration, whatever the link carries.
    const result = checkGoal(topology, lesson.goal);
    io.stdout(
      `${JSON.stringify({ passed: result.passed, reasons: result.reasons.map((r) => r[opts.lang]) }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const seed = opts.seed ?? topology.scenario.seed;
  const dt = opts.engine === 'fluid' ? (opts.dt ?? DEFAULT_DT) : null;
  try {
    const run = ENGINE_RUNNERS[opts.engine](topology, { seconds: opts.seconds, seed, dt: dt ?? 0 });
    const report = buildReport(
      topology,
      { source, engine: opts.engine, seconds: opts.seconds, seed, dt },
      run,
    );
    io.stdout(opts.format === 'json' ? formatJson(report) : formatTable(report, opts.lang));
    return EXIT.ok;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    io.stderr(`sim: the simulation failed: ${detail.split('\n')[0]}\n`);
    return EXIT.failure;
  }
}

const ENGINE_RUNNERS: Record<Engine, (t: Topology, s: RunSettings) => RunResult> = {
  fluid: runFluid,
  des: runDesEngine,
};

/** Node's file system and streams. */
export const nodeIo: CliIo = {
  readFile: (path) => fsReadFile(path, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

async function isMain(): Promise<boolean> {
  const script = process.argv[1];
  if (!script) return false;
  try {
    const [self, invoked] = await Promise.all([
      realpath(fileURLToPath(import.meta.url)),
      realpath(script),
    ]);
    return self === invoked;
  } catch {
    return false;
  }
}

if (await isMain()) {
  // `npm run sim -- x.json | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await runSimCli(process.argv.slice(2), nodeIo);
}
