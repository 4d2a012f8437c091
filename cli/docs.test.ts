import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRECISION } from './report';
import { runSimCli, SIM_FLAGS } from './sim';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const doc = readFileSync(`${ROOT}docs/runner.md`, 'utf8');

/** The fenced block of `lang` that follows `marker` in the doc. */
function block(marker: string, lang: string): string {
  const at = doc.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const start = doc.indexOf(`\`\`\`${lang}\n`, at) + lang.length + 4;
  return doc.slice(start, doc.indexOf('\n```', start));
}

/** Every key path of a JSON value (array items merged), to compare shapes, not numbers. */
function shape(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => shape(x, `${path}[]`)))];
  if (typeof v === 'object' && v !== null)
    return Object.entries(v).flatMap(([k, x]) => [`${path}.${k}`, ...shape(x, `${path}.${k}`)]);
  return [];
}

async function live(argv: string[]): Promise<string> {
  let out = '';
  const status = await runSimCli(argv, {
    readFile: (p) => readFileSync(`${ROOT}${p}`, 'utf8'),
    stdout: (t) => void (out += t),
    stderr: (t) => void (out += t),
  });
  expect(status).toBe(0);
  return out;
}

describe('docs/runner.md', () => {
  it('documents every flag', () => {
    for (const f of SIM_FLAGS) expect(doc).toContain(`| \`--${f.name}`);
  });

  it('shows a JSON example with the shape the runner prints', async () => {
    const example: unknown = JSON.parse(
      block('docs/examples/all-in-one.json --seconds 60` prints:', 'json'),
    );
    const actual: unknown = JSON.parse(
      await live(['docs/examples/all-in-one.json', '--seconds', '60']),
    );
    expect(shape(example)).toEqual(shape(actual));
  });

  it('shows a table example with the sections the runner prints', async () => {
    const example = block('docs/examples/lb-replicas.json --format table` prints:', 'text');
    const actual = await live(['docs/examples/lb-replicas.json', '--format', 'table']);
    const heads = (t: string) =>
      t
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => l.replace(/\(\d+.*\)$/, ''));
    expect(heads(example)).toEqual(heads(actual.trimEnd()));
  });

  it('describes every report field it prints', async () => {
    const report = JSON.parse(
      await live(['docs/examples/lb-replicas.json', '--seconds', '20']),
    ) as Record<string, unknown>;
    const fields = shape(report)
      .map((p) => p.replace(/^\./, '').replace(/\[\]/g, '[]'))
      .filter(
        (p) => !/latencyMs\.|window\.|message\.|\]\./.test(p) || /^nodes\[\]\.[a-zA-Z]+$/.test(p),
      );
    for (const f of fields) {
      const name = f.replace(/\[\]$/, '');
      expect(doc, name).toMatch(new RegExp(`\`${name.replace(/[[\].]/g, (c) => `\\${c}`)}`));
    }
    expect(doc).toContain(`| utilization, shareAbove90 | ${PRECISION.ratio} |`);
    expect(doc).toContain(`| errorRatio | ${PRECISION.errorRatio} |`);
  });
});
