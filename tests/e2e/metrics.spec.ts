import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { MetricsPanelPage } from './pages/MetricsPanel';

/**
 * Live monitoring: the all-in-one box under rising load crosses 90 % CPU; the charts draw the
 * 90 % line, shade the time above it and count it; a sustained breach raises an alert on screen
 * and in the assertive live region; a scenario kill puts a marker on the time axis; the table
 * repeats the cards' numbers; a pinned run is overlaid on the next; CSV export downloads the
 * series. The example is seeded through the autosave envelope.
 */
const EXAMPLES = path.resolve(import.meta.dirname, '../../docs/examples');
type Example = {
  nodes: Array<{ id: string; kind: string; label: string; params: Record<string, unknown> }>;
  scenario: { seed: number; events: unknown[] };
};
const example = (name: string) =>
  JSON.parse(readFileSync(path.join(EXAMPLES, `${name}.json`), 'utf8')) as Example;

const SERVER = 'server-1';
const KILL_AT = 330;

/** All-in-one with users ramping 80 → 160 req/s over 4 minutes: ρ = λ·15.4 ms/2 passes 0.9 at ~117 req/s. */
function risingLoad(): Example {
  const topo = example('all-in-one');
  return {
    ...topo,
    nodes: topo.nodes.map((n) =>
      n.kind === 'users'
        ? {
            ...n,
            params: {
              ...n.params,
              rate: 80,
              pattern: 'ramp',
              peakRate: 160,
              startSec: 0,
              durationSec: 240,
            },
          }
        : n,
    ),
    scenario: { seed: 1, events: [{ type: 'kill', atSec: KILL_AT, node: SERVER }] },
  };
}

async function seed(page: Page, topology: unknown): Promise<void> {
  await page.addInitScript(
    (envelope) => {
      // Only on the first load: a reload keeps what the test changed.
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('scale-out-lab/workspace', JSON.stringify(envelope));
    },
    { v: 1, savedAt: new Date().toISOString(), topology },
  );
}

async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

async function play(page: Page, speed: string): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('pause')).toBeVisible();
}

async function runUntil(page: Page, seconds: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => simSeconds(page), { timeout }).toBeGreaterThanOrEqual(seconds);
}

async function pause(page: Page): Promise<void> {
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
}

test('rising load: 90 % line, shaded breach, time above it, a spoken alert, and a kill marker', async ({
  page,
}) => {
  await seed(page, risingLoad());
  await page.goto('./');
  const metrics = new MetricsPanelPage(page);
  await expect(metrics.panel).toBeVisible();
  await expect(metrics.tab('charts')).toHaveAttribute('aria-selected', 'true');
  await expect(metrics.liveRegion).toHaveAttribute('aria-live', 'assertive');

  await play(page, '50');
  // Traffic is drawn on the link: a band by throughput and moving request dots.
  await expect(page.getByTestId('flow-link-1')).toBeVisible();
  await expect(page.locator('.flow-dot').first()).toBeAttached();

  // The alert: a minute above 90 % after the crossing at ~2 min.
  await expect(metrics.liveRegion).toContainText('web + app + db', { timeout: 30_000 });
  await expect(metrics.liveRegion).toContainText('above 90 % CPU for 1 min');
  const banner = page.getByTestId(`alert-${SERVER}`);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('web + app + db');

  const util = metrics.chart('utilization');
  await metrics.expectDrawn('utilization');
  await expect(util.locator('.threshold-line')).toHaveCount(1);
  await expect(util.locator('.breach-span').first()).toBeAttached();
  await expect(util.getByTestId('time-above')).toHaveText(/^Above 90 %: \d\d:\d\d$/);
  await expect(util.getByTestId('time-above')).not.toHaveText('Above 90 %: 00:00');
  await screenshot(page, 'metrics-alert');

  // The scenario kills the box: a marker on the time axis of every chart, and in the log.
  await expect(util.locator('.event-marker-killed')).toHaveCount(1, { timeout: 30_000 });
  await pause(page);
  expect(await simSeconds(page)).toBeGreaterThanOrEqual(KILL_AT);
  await expect(metrics.chart('latency').locator('.event-marker-killed')).toHaveCount(1);
  await expect(metrics.panel.getByText('Killed').first()).toBeVisible();
  // A dead box is below the line again: the alert clears, and that is spoken too.
  await expect(banner).toHaveCount(0);
  await expect(metrics.liveRegion).toContainText('back below 90 % CPU');
  await screenshot(page, 'metrics-charts');
});

test('the table lists every node with the numbers of the cards, sorts and moves by keyboard', async ({
  page,
}) => {
  const topo = example('lb-replicas');
  await seed(page, topo);
  await page.goto('./');
  const metrics = new MetricsPanelPage(page);
  await play(page, '10');
  await runUntil(page, 30);
  await pause(page);
  await metrics.open('table');

  const rows = metrics.table.locator('tbody tr');
  await expect(rows).toHaveCount(topo.nodes.length);
  for (const n of topo.nodes) {
    await expect(page.getByTestId(`row-${n.id}`)).toBeVisible();
    const card = page.getByTestId(`util-${n.id}`);
    if ((await card.count()) > 0) {
      const cardText = ((await card.textContent()) ?? '').replace(/\s*%$/, '').trim();
      await expect(metrics.cell(n.id, 'utilization')).toHaveText(cardText);
    }
    const p95 = page.getByTestId(`p95-${n.id}`);
    if ((await p95.count()) > 0) {
      const value = ((await p95.textContent()) ?? '').match(/p95 (\S+) ms/)?.[1];
      expect(value, `p95 of ${n.id} on its card`).toBeTruthy();
      await expect(metrics.cell(n.id, 'latencyP95')).toHaveText(value!);
    }
  }

  // Keyboard: Tab reaches the grid's first cell; Enter on a header sorts it.
  const utilHeader = page.getByTestId('col-utilization');
  await expect(utilHeader).toHaveAttribute('aria-sort', 'descending');
  const nameHeader = page.getByTestId('col-name');
  await page.getByTestId('export-csv').focus();
  await page.keyboard.press('Tab');
  await expect(nameHeader).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(utilHeader).toHaveAttribute('aria-sort', 'none');
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(utilHeader).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(utilHeader).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('ArrowDown');
  // The hottest node is first; its CPU cell opens the formulas behind it.
  const first = rows.first().locator('[data-cell="1:2"]');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('explain-dialog');
  await expect(dialog).toBeVisible();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog.getByTestId('explain-rho')).toContainText('ρ = λ · S / c');
  await expect(dialog.getByTestId('explain-rho')).toContainText('Simulation:');
  await expect(dialog.getByTestId('explain-erlang')).toContainText('C(');
  await expect(dialog.getByTestId('explain-little')).toContainText('L = λ · W');
  await screenshot(page, 'metrics-explain');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(first).toBeFocused();
  await screenshot(page, 'metrics-table');
});

test('a pinned run is overlaid on the next one, with the differences as numbers', async ({
  page,
}) => {
  const topo = example('all-in-one');
  await seed(page, topo);
  const editor = new EditorPage(page);
  await editor.open();
  const metrics = new MetricsPanelPage(page);
  await play(page, '25');
  await runUntil(page, 120);
  await pause(page);
  await page.getByTestId('pin-run').click();
  await expect(metrics.tab('compare')).toHaveAttribute('aria-selected', 'true');

  // Scale up: four cores instead of two, at twice the price, then run again from 0:00. The
  // panel folds away while editing, as on a small screen.
  const toggle = page.getByTestId('metrics-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await editor.select(SERVER);
  await editor.param('instanceType').selectOption('m5.xlarge');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('sim-time')).toHaveText('00:00');
  await play(page, '25');
  await runUntil(page, 90);
  await pause(page);

  await expect(metrics.tab('compare')).toHaveAttribute('aria-selected', 'true');
  const p95 = page.getByTestId('compare-p95');
  await expect(p95.locator('.pinned-line .recharts-line-curve')).toBeVisible();
  await expect(p95.locator('.current-line .recharts-line-curve')).toBeVisible();
  await expect(p95.locator('.pinned-line .recharts-line-curve')).toHaveAttribute(
    'stroke-dasharray',
    /\d/,
  );
  // Bigger machine: lower p95 (−), higher cost (+), both with the relative change.
  await expect(page.getByTestId('delta-p95')).toContainText(/\u2212[\d.]+ ms \(\u2212[\d.]+ %\)/);
  await expect(page.getByTestId('delta-cost')).toContainText(/\+\$[\d.]+ \(\+[\d.]+ %\)/);
  await expect(page.getByTestId('delta-errorRate')).toBeVisible();
  await screenshot(page, 'metrics-compare');
});

test('CSV export downloads every recorded point with a header row', async ({ page }) => {
  await seed(page, example('all-in-one'));
  await page.goto('./');
  await play(page, '10');
  await runUntil(page, 20);
  await pause(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^scale-out-lab-\d{8}-\d{6}\.csv$/);
  const file = await download.path();
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header[0]).toBe('time (s)');
  expect(header).toContain('latency p95 (ms)');
  expect(header).toContain('web + app + db [server-1] utilization (0-1)');
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(header.length);
  const times = lines.slice(1).map((l) => Number(l.split(',')[0]));
  expect(times[0]).toBe(0);
  expect(times.at(-1)!).toBeGreaterThanOrEqual(20);
  await screenshot(page, 'metrics-csv');
});

test('under reduced motion the links show load without moving dots', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await seed(page, example('all-in-one'));
  await page.goto('./');
  await play(page, '10');
  await runUntil(page, 5);
  await expect(page.getByTestId('flow-link-1')).toBeVisible();
  await expect(page.locator('.flow-dot')).toHaveCount(0);
});
