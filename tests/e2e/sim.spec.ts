import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/**
 * The simulation in the browser: playback controls, live numbers on the node cards, and the
 * watchdog that restarts a crashed or hung worker. The three-tier example is seeded through the
 * autosave envelope; its users ramp from 120 to 700 req/s over two simulated minutes so the
 * numbers keep moving while it plays.
 */
const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/three-tier.json'), 'utf8'),
) as { nodes: Array<{ id: string; params: Record<string, unknown> }> };
const topology = {
  ...example,
  nodes: example.nodes.map((n) =>
    n.id === 'users-1'
      ? {
          ...n,
          params: {
            ...n.params,
            rate: 120,
            pattern: 'ramp',
            peakRate: 700,
            startSec: 0,
            durationSec: 120,
          },
        }
      : n,
  ),
};
const NODE_IDS = example.nodes.map((n) => n.id);
const WEB = 'server-1';

async function seed(page: Page): Promise<void> {
  await page.addInitScript(
    (envelope) => {
      localStorage.setItem('scale-out-lab/workspace', JSON.stringify(envelope));
    },
    { v: 1, savedAt: new Date().toISOString(), topology },
  );
}

/** The simulated clock in seconds (m:ss or h:mm:ss). */
async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

async function expectNodesPresent(page: Page): Promise<void> {
  for (const id of NODE_IDS) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
}

async function play(page: Page, speed: string): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('pause')).toBeVisible();
}

test('plays the three-tier example: the numbers move; pause, step, reset and Space work', async ({
  page,
}) => {
  await seed(page);
  await page.goto('./');
  await expectNodesPresent(page);
  await expect(page.getByTestId('sim-time')).toHaveText('00:00');
  await expect(page.getByTestId(`util-${WEB}`)).toHaveText(/^(\d+|<1) %$/);
  const util0 = await text(page, `util-${WEB}`);
  const p95Start = await text(page, 'global-p95');

  await play(page, '10');
  await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
  await expect.poll(() => text(page, `util-${WEB}`)).not.toBe(util0);
  await expect.poll(() => text(page, 'global-p95')).not.toBe(p95Start);
  await expect(page.getByTestId('global-p95')).toHaveText(/p95 [\d.,k]+ ms/);
  await expect(page.getByTestId('global-errors')).toHaveText(/\d/);
  for (const id of ['server-1', 'server-2', 'db-1'])
    await expect(page.getByTestId(`metrics-${id}`)).toContainText('req/s');
  await screenshot(page, 'sim-playing');

  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
  // Frames already on their way when the pause was clicked may still land; then it holds still.
  await page.waitForTimeout(300);
  const paused = await simSeconds(page);
  await page.waitForTimeout(1000);
  expect(await simSeconds(page)).toBe(paused);

  await page.getByTestId('step').click();
  await expect.poll(() => simSeconds(page)).toBe(paused + 1);
  await page.getByTestId('step').click();
  await expect.poll(() => simSeconds(page)).toBe(paused + 2);

  await page.getByTestId('reset').click();
  await expect(page.getByTestId('sim-time')).toHaveText('00:00');
  await expect(page.getByTestId('play')).toBeVisible();

  // Space plays and pauses when focus is not in a control.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toBeVisible();
  await screenshot(page, 'sim-paused');
});

/** Errors the crash hook provokes on purpose; anything else still fails the test. */
function dropExpectedCrashErrors(errors: string[]): void {
  const unexpected = errors.filter((e) => !/crashed on request \(test hook\)/.test(e));
  errors.splice(0, errors.length, ...unexpected);
}

for (const failure of ['crash', 'hang'] as const) {
  test(`a worker ${failure} is recovered without losing the topology or the time`, async ({
    page,
    pageErrors,
  }) => {
    await seed(page);
    await page.goto('./?testHooks=1');
    await expectNodesPresent(page);
    await play(page, '5');
    await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);

    const before = await simSeconds(page);
    await page.evaluate((kind) => {
      const hooks = (window as { __scaleOutLab?: { crashWorker(): void; hangWorker(): void } })
        .__scaleOutLab;
      if (!hooks) throw new Error('test hooks missing');
      if (kind === 'crash') hooks.crashWorker();
      else hooks.hangWorker();
    }, failure);

    const notice = page.getByTestId('sim-notice');
    await expect(notice).toBeVisible({ timeout: 10_000 });
    await expect(notice).toHaveAttribute('data-kind', failure === 'crash' ? 'crashed' : 'hung');
    await expect(page.getByRole('status').filter({ has: notice })).toBeVisible();
    await screenshot(page, `sim-${failure}-notice`);

    // The run resumes from where it was, with the same nodes, and keeps moving.
    await expectNodesPresent(page);
    const resumed = await simSeconds(page);
    expect(resumed).toBeGreaterThanOrEqual(before - 1);
    await expect.poll(() => simSeconds(page), { timeout: 15_000 }).toBeGreaterThan(resumed + 5);
    const util = await text(page, `util-${WEB}`);
    await expect.poll(() => text(page, `util-${WEB}`), { timeout: 15_000 }).not.toBe(util);
    await expect(page.getByTestId('pause')).toBeVisible();
    await screenshot(page, `sim-${failure}-recovered`);
    dropExpectedCrashErrors(pageErrors);
  });
}

test('the test hooks are absent without ?testHooks=1', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('play')).toBeVisible();
  expect(await page.evaluate(() => '__scaleOutLab' in window)).toBe(false);
});
