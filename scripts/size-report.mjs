// Prints the gzip size of every built asset and of the JavaScript the first page load needs
// (the entry script and what it preloads), and fails when that exceeds the budget.
// Sizes are deterministic for a given build, so unlike times they can gate CI.
// Usage: node scripts/size-report.mjs [--json]  (after `npm run build`)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET = 200 * 1024;
const dist = new URL('../dist/', import.meta.url);

const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let html;
try {
  html = readFileSync(new URL('index.html', dist), 'utf8');
} catch {
  console.error('size-report: dist/index.html not found: run `npm run build` first');
  process.exit(2);
}

// The entry module and every chunk it preloads are fetched before the app can render.
const initial = new Set();
for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="\.?\/?([^"]+)"/g))
  initial.add(m[1]);
for (const m of html.matchAll(
  /<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="\.?\/?([^"]+)"/g,
))
  initial.add(m[1]);

const assets = readdirSync(new URL('assets/', dist))
  .map((f) => `assets/${f}`)
  .map((f) => ({
    file: f,
    bytes: readFileSync(new URL(f, dist)).length,
    gzip: gz(f),
    initial: initial.has(f),
  }))
  .sort((a, b) => b.gzip - a.gzip);
const initialJs = assets
  .filter((a) => a.initial && a.file.endsWith('.js'))
  .reduce((s, a) => s + a.gzip, 0);
const ok = initialJs <= INITIAL_JS_BUDGET;

if (process.argv.includes('--json')) {
  for (const a of assets) console.log(JSON.stringify({ name: 'asset', ...a }));
  console.log(
    JSON.stringify({ name: 'initialJsGzip', bytes: initialJs, budget: INITIAL_JS_BUDGET, ok }),
  );
} else {
  console.log('asset                                      raw        gzip   loaded');
  for (const a of assets)
    console.log(
      `${a.file.padEnd(40)} ${kb(a.bytes).padStart(10)} ${kb(a.gzip).padStart(10)}   ${a.initial ? 'first load' : 'on demand'}`,
    );
  console.log(
    `\ninitial JavaScript (gzip): ${kb(initialJs)} of a ${kb(INITIAL_JS_BUDGET)} budget: ${ok ? 'within' : 'OVER'}`,
  );
}
process.exit(ok ? 0 : 1);
