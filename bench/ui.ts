/**
 * `npm run bench:ui [-- --json] [-- --seconds N]`: the browser benchmark of live monitoring. Serves
 * the built site (`dist/`, built first when missing) with `scripts/serve.mjs` on a free port, drives
 * Debian's chromium through Playwright, and measures:
 * - time to first render of the default workspace (navigation start → the canvas is visible);
 * - frame times while a generated layered system of 50 and then 300 nodes plays at 1x: median, p95
 *   and long frames (> 50 ms) from a requestAnimationFrame loop, plus long tasks where the browser
 *   reports them.
 * Targets are printed beside the figures with PASS/MISS; a miss does not fail the process (wall
 * times are noisy). The server and the browser are stopped on every exit path.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { flagHelp, parseArgs, type FlagSpec } from '../cli/args';
import type { Topology } from '../src/core/model';
import { layeredTopology } from './topologies';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Debian's chromium, as in playwright.config.ts; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** Mirrors `WORKSPACE_KEY` and `ENVELOPE_VERSION` in src/state/autosave.ts (a DOM-side module). */
const WORKSPACE_KEY = 'scale-out-lab/workspace';
const ENVELOPE_VERSION = 1;
/** A laptop screen, the size the layout is designed around for editing. */
const VIEWPORT = { width: 1280, height: 800 };
/**
 * Links per node of the generated systems: the size of a system a learner draws by hand (the 50-node
 * shop of docs/share-links.md has 131 links), not the kernel's dense design point.
 */
const UI_LINKS_PER_NODE = 3;
/** Frame-time targets (p95, ms) of the live-monitoring issue: 60 fps at 50 nodes, 30 fps at 300. */
const SIZES = [
  { nodes: 50, targetP95Ms: 17 },
  { nodes: 300, targetP95Ms: 34 },
] as const;
const FIRST_RENDER_TARGET_MS = 1000;
/** A frame longer than this is a visible hitch (and the threshold of the Long Tasks API). */
const LONG_FRAME_MS = 50;
/** Play time discarded before measuring: the worker's start and the first layout of the charts. */
const SETTLE_MS = 1000;
const FIRST_RENDER_LOADS = 3;
const SERVER_START_TIMEOUT_MS = 15_000;
/** How long a seeded workspace may take to put all its cards on the canvas on a loaded machine. */
const CARDS_TIMEOUT_MS = 60_000;

interface UiOptions {
  json: boolean;
  seconds: number;
  help: boolean;
}

const FLAGS: FlagSpec<UiOptions>[] = [
  { name: 'json', help: 'one JSON object per line', apply: (o) => void (o.json = true) },
  {
    name: 'seconds',
    value: 'N',
    help: 'wall seconds of frames measured per topology (1 to 60, default 10)',
    apply: (o, raw) => {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < 1 || n > 60)
        return `must be a number of seconds from 1 to 60, got "${raw}"`;
      o.seconds = n;
      return undefined;
    },
  },
  { name: 'help', help: 'print this help', apply: (o) => void (o.help = true) },
];

type Row = Record<string, unknown> & { name: string };

/** The value at quantile `q` of an ascending array (linear interpolation). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

const round = (v: number, digits = 1): number => Number(v.toFixed(digits));

/** Builds the site when `dist/index.html` is missing; the benchmark measures what ships. */
function ensureBuilt(log: (line: string) => void): void {
  if (existsSync(path.join(REPO, 'dist', 'index.html'))) return;
  log('dist/index.html is missing: running `npm run build` first');
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 2, 2] });
  if (r.status !== 0)
    throw new Error(`npm run build failed (exit ${String(r.status ?? r.signal)}); see above`);
}

/** A port the OS says is free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port was offered'))));
    });
  });
}

/** Starts scripts/serve.mjs and resolves once it says it is listening. */
function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'serve.mjs'), String(port)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the static server did not start within ${SERVER_START_TIMEOUT_MS} ms`));
    }, SERVER_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Serving ')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server exited (code ${String(code)}): ${output.trim()}`));
    });
  });
}

/** Stops the server and waits for it to go, so no process outlives the benchmark. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(timer);
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(...)`
 * calls; the functions sent to the page carry those calls, so the page needs the helper too.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

/** A fresh context: no cache, storage or service worker carried over from another load. */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    serviceWorkers: 'block',
    locale: 'en-US',
  });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
}

/**
 * Time from navigation start to the canvas being visible, for one cold load of the default
 * workspace: a MutationObserver installed before any page script records `performance.now()` (whose
 * origin is navigation start) when `.react-flow` first has a size.
 */
async function firstRenderMs(browser: Browser, baseUrl: string): Promise<number> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __canvasShownAt?: number };
      const check = (): boolean => {
        if (w.__canvasShownAt !== undefined) return true;
        const el = document.querySelector('.react-flow');
        if (!el) return false;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        w.__canvasShownAt = performance.now();
        return true;
      };
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      // A layout change without a mutation (a stylesheet arriving) is caught on the next frame.
      const poll = () => {
        if (!check()) requestAnimationFrame(poll);
        else observer.disconnect();
      };
      requestAnimationFrame(poll);
    });
    await page.goto(baseUrl);
    await page.locator('.react-flow').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(
      () => (window as unknown as { __canvasShownAt?: number }).__canvasShownAt !== undefined,
    );
    return page.evaluate(
      () => (window as unknown as { __canvasShownAt?: number }).__canvasShownAt ?? NaN,
    );
  } finally {
    await context.close();
  }
}

interface FrameSample {
  deltas: number[];
  longTasks: number | null;
  longTaskMs: number | null;
}

/** Collects the gaps between requestAnimationFrame callbacks for `ms`, and long tasks meanwhile. */
function sampleFrames(page: Page, ms: number): Promise<FrameSample> {
  return page.evaluate(
    ({ ms }) =>
      new Promise<FrameSample>((resolve) => {
        const deltas: number[] = [];
        let longTasks: number | null = null;
        let longTaskMs: number | null = null;
        let observer: PerformanceObserver | null = null;
        if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
          longTasks = 0;
          longTaskMs = 0;
          observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              longTasks = (longTasks ?? 0) + 1;
              longTaskMs = (longTaskMs ?? 0) + e.duration;
            }
          });
          observer.observe({ type: 'longtask' });
        }
        let last: number | null = null;
        let end = Infinity;
        const frame = (t: number) => {
          if (last !== null) deltas.push(t - last);
          else end = t + ms;
          last = t;
          if (t < end) {
            requestAnimationFrame(frame);
            return;
          }
          if (observer) {
            for (const e of observer.takeRecords()) {
              longTasks = (longTasks ?? 0) + 1;
              longTaskMs = (longTaskMs ?? 0) + e.duration;
            }
            observer.disconnect();
          }
          resolve({ deltas, longTasks, longTaskMs });
        };
        requestAnimationFrame(frame);
      }),
    { ms },
  );
}

interface MainThreadMetrics {
  /** CPU time the renderer's main thread ran, s: what the page cost, whatever else the machine does. */
  threadTime: number;
  script: number;
  styleLayout: number;
}

/** The renderer's cumulative main-thread counters (Chrome DevTools Protocol `Performance` domain). */
async function mainThreadMetrics(cdp: CDPSession): Promise<MainThreadMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => {
    const m = metrics.find((x) => x.name === name);
    if (!m) throw new Error(`chromium does not report the ${name} metric`);
    return m.value;
  };
  return {
    threadTime: get('ThreadTime'),
    script: get('ScriptDuration'),
    styleLayout: get('LayoutDuration') + get('RecalcStyleDuration'),
  };
}

/** Reads the playback clock (`m:ss` or `h:mm:ss`) in simulated seconds. */
async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

/** Seeds `topology` as the saved workspace, plays it at 1x and measures frame times. */
async function benchFrames(
  browser: Browser,
  baseUrl: string,
  topology: Topology,
  targetP95Ms: number,
  measureMs: number,
): Promise<Row> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(({ key, envelope }) => localStorage.setItem(key, envelope), {
      key: WORKSPACE_KEY,
      envelope: JSON.stringify({
        v: ENVELOPE_VERSION,
        savedAt: new Date().toISOString(),
        topology,
      }),
    });
    await page.goto(baseUrl);
    const expected = topology.nodes.length;
    let cardsShownMs: number;
    try {
      // performance.now() counts from navigation start, so this is the load-to-all-cards time.
      const handle = await page.waitForFunction(
        (n) => (document.querySelectorAll('.react-flow__node').length >= n ? performance.now() : 0),
        expected,
        { timeout: CARDS_TIMEOUT_MS },
      );
      cardsShownMs = (await handle.jsonValue()) as number;
    } catch (err) {
      const shown = await page.locator('.react-flow__node').count();
      const notice = await page
        .getByRole('alert')
        .allTextContents()
        .catch(() => []);
      throw new Error(
        `${shown} of ${expected} cards were on the canvas after ${CARDS_TIMEOUT_MS / 1000} s${notice.length ? ` (notice: ${notice.join(' | ')})` : ''}${pageErrors.length ? ` (page errors: ${pageErrors.slice(0, 3).join('; ')})` : ''}`,
        { cause: err },
      );
    }
    const rendered = await page.locator('.react-flow__node').count();
    const speed = page.getByTestId('speed');
    if ((await speed.inputValue()) !== '1') await speed.selectOption('1');
    await page.getByTestId('play').click({ timeout: 15_000 });
    await page.getByTestId('pause').waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const simBefore = await simSeconds(page);
    const before = await mainThreadMetrics(cdp);
    const sample = await sampleFrames(page, measureMs);
    const after = await mainThreadMetrics(cdp);
    const simAfter = await simSeconds(page);
    const spent = (k: keyof MainThreadMetrics) => Math.round((after[k] - before[k]) * 1000);
    if (pageErrors.length > 0)
      throw new Error(`the page threw while playing: ${pageErrors.slice(0, 3).join('; ')}`);
    const sorted = [...sample.deltas].sort((a, b) => a - b);
    const p95 = quantile(sorted, 0.95);
    const wallMs = sample.deltas.reduce((a, b) => a + b, 0);
    return {
      name: `ui-frames-${topology.nodes.length}`,
      nodes: topology.nodes.length,
      links: topology.links.length,
      renderedNodes: rendered,
      cardsShownMs: Math.round(cardsShownMs),
      frames: sample.deltas.length,
      wallSeconds: round(wallMs / 1000, 2),
      fps: round((sample.deltas.length * 1000) / wallMs),
      frameMsMedian: round(quantile(sorted, 0.5)),
      frameMsP95: round(p95),
      frameMsMax: round(sorted[sorted.length - 1] ?? NaN),
      longFrames: sample.deltas.filter((d) => d > LONG_FRAME_MS).length,
      longTasks: sample.longTasks,
      longTaskMs: sample.longTaskMs === null ? null : Math.round(sample.longTaskMs),
      mainThreadCpuMs: spent('threadTime'),
      mainThreadCpuMsPerFrame: round(spent('threadTime') / Math.max(1, sample.deltas.length)),
      mainThreadBusy: round(spent('threadTime') / Math.max(1, wallMs), 2),
      scriptMs: spent('script'),
      styleLayoutMs: spent('styleLayout'),
      simSecondsAdvanced: simAfter - simBefore,
      target: { frameMsP95: targetP95Ms },
      pass: p95 <= targetP95Ms,
    };
  } finally {
    await context.close();
  }
}

const fmt = (v: unknown): string =>
  typeof v === 'number'
    ? v.toLocaleString('en-US', { maximumFractionDigits: 2 })
    : v === null
      ? 'n/a'
      : String(v);

/** One human-readable line per row. */
function human(row: Row): string {
  const verdict = row['pass'] ? 'PASS' : 'MISS';
  if (row.name.startsWith('ui-frames-')) {
    const target = row['target'] as { frameMsP95: number };
    return `${row.name.padEnd(16)} ${fmt(row['nodes']).padStart(4)} nodes ${fmt(row['links']).padStart(5)} links  frame median ${fmt(row['frameMsMedian'])} ms, p95 ${fmt(row['frameMsP95'])} ms (target ≤ ${target.frameMsP95} ms  ${verdict}), max ${fmt(row['frameMsMax'])} ms, ${fmt(row['fps'])} fps, long frames (> ${LONG_FRAME_MS} ms) ${fmt(row['longFrames'])}, long tasks ${fmt(row['longTasks'])} (${fmt(row['longTaskMs'])} ms); main-thread CPU ${fmt(row['mainThreadCpuMsPerFrame'])} ms/frame, busy ${fmt(Math.round(Number(row['mainThreadBusy']) * 100))} % of wall time (script ${fmt(row['scriptMs'])} ms, style+layout ${fmt(row['styleLayoutMs'])} ms in all)  [${fmt(row['frames'])} frames over ${fmt(row['wallSeconds'])} s; ${fmt(row['simSecondsAdvanced'])} simulated s; all cards shown ${fmt(row['cardsShownMs'])} ms after navigation]`;
  }
  if (row.name === 'ui-first-render') {
    const target = row['target'] as { msMedian: number };
    return `${row.name.padEnd(16)} default workspace, navigation start → canvas visible: median ${fmt(row['msMedian'])} ms of ${fmt(row['loads'])} cold loads (${(row['ms'] as number[]).map(fmt).join(', ')} ms)  target ≤ ${target.msMedian} ms  ${verdict}`;
  }
  return `${row.name.padEnd(16)} ${Object.entries(row)
    .filter(([k]) => k !== 'name')
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ')}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const opts: UiOptions = { json: false, seconds: 10, help: false };
  const parsed = parseArgs(argv, FLAGS, opts);
  if (!parsed.ok || parsed.positionals.length > 0) {
    process.stderr.write(
      `bench:ui: ${parsed.ok ? `unexpected argument ${parsed.positionals[0] ?? ''}` : parsed.error}\n`,
    );
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`Usage: npm run bench:ui [-- flags]\n\n${flagHelp(FLAGS)}\n`);
    return 0;
  }
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench:ui: chromium was not found at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
    return 1;
  }
  const print = (row: Row) =>
    process.stdout.write(`${opts.json ? JSON.stringify(row) : human(row)}\n`);
  const log = (line: string) => process.stderr.write(`bench:ui: ${line}\n`);
  const started = performance.now();
  ensureBuilt(log);

  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    if (server) await stopServer(server);
    server = null;
  };
  // Ctrl+C must not leave the server behind either.
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const port = await freePort();
    server = await startServer(port);
    const baseUrl = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    print({
      name: 'environment',
      browser: `chromium ${browser.version()}`,
      cpus: os.cpus().length,
      load1: round(os.loadavg()[0] ?? NaN, 2),
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
    });

    const loads: number[] = [];
    for (let i = 0; i < FIRST_RENDER_LOADS; i++) loads.push(await firstRenderMs(browser, baseUrl));
    const firstRender = quantile(
      [...loads].sort((a, b) => a - b),
      0.5,
    );
    print({
      name: 'ui-first-render',
      loads: loads.length,
      ms: loads.map((v) => Math.round(v)),
      msMedian: Math.round(firstRender),
      target: { msMedian: FIRST_RENDER_TARGET_MS },
      pass: firstRender <= FIRST_RENDER_TARGET_MS,
    });

    for (const { nodes, targetP95Ms } of SIZES) {
      const topology = layeredTopology(nodes, { linksPerNode: UI_LINKS_PER_NODE });
      print(await benchFrames(browser, baseUrl, topology, targetP95Ms, opts.seconds * 1000));
    }
    print({
      name: 'total',
      wallSeconds: round((performance.now() - started) / 1000),
      load1: round(os.loadavg()[0] ?? NaN, 2),
    });
    return 0;
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`bench:ui: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
