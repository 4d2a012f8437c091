import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/**
 * Faults a classroom meets: a worker that crashes or hangs, a full or blocked localStorage, a
 * lost network after the first visit. None of them may lose the learner's work, and none may
 * trip the Content-Security-Policy.
 */
const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/three-tier.json'), 'utf8'),
) as { nodes: Array<{ id: string }> };
const NODE_IDS = example.nodes.map((n) => n.id);

async function seed(page: Page): Promise<void> {
  await page.addInitScript(
    (envelope) => {
      // Only on the first load of the page: later reloads keep what the app saved.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('scale-out-lab/workspace', JSON.stringify(envelope));
        sessionStorage.setItem('seeded', '1');
      }
    },
    { v: 1, savedAt: new Date().toISOString(), topology: example },
  );
}

/** Collects CSP violations reported in the page; the test asserts the list stays empty. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCsp', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

async function expectNodesPresent(page: Page): Promise<void> {
  for (const id of NODE_IDS) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
}

const simSeconds = async (page: Page) =>
  ((await page.getByTestId('sim-time').textContent()) ?? '')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);

for (const failure of ['crash', 'hang'] as const) {
  test(`a worker ${failure} restarts the run and keeps the workspace`, async ({
    page,
    pageErrors,
  }) => {
    const csp = await watchCsp(page);
    await seed(page);
    await page.goto('./?testHooks=1');
    await expectNodesPresent(page);
    await page.getByTestId('speed').selectOption('5');
    await page.getByTestId('play').click();
    await expect.poll(() => simSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);

    await page.evaluate((kind) => {
      const hooks = (window as { __scaleOutLab?: { crashWorker(): void; hangWorker(): void } })
        .__scaleOutLab;
      if (!hooks) throw new Error('test hooks missing');
      if (kind === 'crash') hooks.crashWorker();
      else hooks.hangWorker();
    }, failure);

    const notice = page.getByTestId('sim-notice');
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toHaveAttribute('data-kind', failure === 'crash' ? 'crashed' : 'hung');
    await expectNodesPresent(page);
    const resumed = await simSeconds(page);
    await expect.poll(() => simSeconds(page), { timeout: 20_000 }).toBeGreaterThan(resumed + 2);
    // Every panel is still there: no error boundary had to catch anything.
    await expect(page.getByRole('alert').filter({ hasText: /stopped working/i })).toHaveCount(0);
    // The crash hook's own error is expected; anything else still fails the test.
    const unexpected = pageErrors.filter((e) => !/crashed on request \(test hook\)/.test(e));
    pageErrors.splice(0, pageErrors.length, ...unexpected);
    expect(csp).toEqual([]);
  });
}

test('a full localStorage never loses the work in memory, and saving resumes', async ({ page }) => {
  const csp = await watchCsp(page);
  await seed(page);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === 'scale-out-lab/workspace' && sessionStorage.getItem('storageFull') === '1')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await page.goto('./');
  await expectNodesPresent(page);
  await page.evaluate(() => sessionStorage.setItem('storageFull', '1'));

  // An edit: add a cache from the palette (its button adds at the centre of the view).
  await page.getByTestId('palette-cache').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(NODE_IDS.length + 1);
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText(/full|quota|space/i);
  await expectNodesPresent(page);
  await screenshot(page, 'faults-storage-full');
  const saved = await page.evaluate(() => localStorage.getItem('scale-out-lab/workspace') ?? '');
  expect(saved).not.toContain('"kind":"cache"');

  // The fault lifts; the next change is saved and the banner goes.
  await page.evaluate(() => sessionStorage.removeItem('storageFull'));
  await page.getByTestId('palette-dns').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(NODE_IDS.length + 2);
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('scale-out-lab/workspace') ?? ''))
    .toMatch(/"kind":"cache"/);
  expect(csp).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit the app opens without a network, lessons and sharing included', async ({
    page,
    context,
  }) => {
    const csp = await watchCsp(page);
    await seed(page);
    await page.goto('./');
    await expectNodesPresent(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load happened before the worker controlled the page: reload once so every
    // asset passes through it and lands in the cache.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await expectNodesPresent(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('app')).toBeVisible();
    await expectNodesPresent(page);
    await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);
    // Parts loaded on first use were never opened online: they come from the install-time cache.
    await page.getByTestId('lessons-toggle').click();
    await expect(page.getByTestId('lesson-item-one-box')).toBeVisible();
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-panel')).toBeVisible();
    await screenshot(page, 'faults-offline');
    await context.setOffline(false);
    expect(csp).toEqual([]);
  });
});

test.describe('a panel that fails to load', () => {
  // Requests must reach page.route, not a service worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('is contained by its error boundary; the rest of the app keeps working', async ({
    page,
    pageErrors,
  }) => {
    const csp = await watchCsp(page);
    await seed(page);
    // The charts' code is split into its own file; a dropped connection loses it.
    await page.route(/\/assets\/ChartsView-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto('./');
    await expectNodesPresent(page);
    const alert = page.getByRole('alert').filter({ hasText: /stopped working/i });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert.getByRole('button', { name: /try again/i })).toBeVisible();
    // It says what happened: a download, not a bug; the design is safe.
    await expect(alert).toContainText(/could not be downloaded/i);
    await expect(alert).toContainText(/topology is safe/i);
    await screenshot(page, 'faults-panel-error');

    // Everything else still answers: the table tab, the palette, the playback.
    await page.getByTestId('palette-cache').click();
    await expect(page.locator('.react-flow__node')).toHaveCount(NODE_IDS.length + 1);
    await page.getByTestId('play').click();
    await expect.poll(() => simSeconds(page), { timeout: 20_000 }).toBeGreaterThan(0);
    // The connection is back: Try again downloads the charts for real (a plain React.lazy would
    // replay the first failure forever).
    await page.unroute(/\/assets\/ChartsView-[\w-]+\.js$/);
    await alert.getByRole('button', { name: /try again/i }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByTestId('time-above')).toBeVisible({ timeout: 15_000 });
    await screenshot(page, 'faults-panel-recovered');
    // The failed load is reported on the console on purpose; nothing else may be.
    const unexpected = pageErrors.filter(
      (e) => !/ChartsView|Failed to load resource|dynamically imported module/.test(e),
    );
    pageErrors.splice(0, pageErrors.length, ...unexpected);
    expect(csp).toEqual([]);
  });
});
