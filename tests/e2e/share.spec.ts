import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, screenshot, test } from './fixtures';

/**
 * Sharing: a copied link opens the same run in a fresh browser (same nodes, same numbers after
 * the same simulated time), broken links change nothing, the QR code, JSON export and import,
 * PNG and SVG pictures, templates, restoring the workspace a link replaced, and no
 * Content-Security-Policy violation anywhere.
 */
const WORKSPACE_KEY = 'scale-out-lab/workspace';
const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/three-tier.json'), 'utf8'),
) as { name: string; nodes: Array<{ id: string; label: string; params: Record<string, unknown> }> };
// Users ramp up so the numbers after a few steps depend on every step having been the same.
const topology = {
  ...example,
  nodes: example.nodes.map((n) =>
    n.id === 'users-1'
      ? {
          ...n,
          params: { ...n.params, rate: 150, pattern: 'ramp', peakRate: 900, durationSec: 30 },
        }
      : n,
  ),
};
const NODE_IDS = example.nodes.map((n) => n.id);
const WEB = 'server-1';
const STEPS = 6;

/** Seeds the saved workspace (before the app starts), and records CSP violations. */
async function prepare(page: Page, seed = true): Promise<void> {
  await page.addInitScript(
    ({ key, envelope, seed }) => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      // Only the first load of the page: later reloads must see what the app saved.
      if (seed && !sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, JSON.stringify(envelope));
      }
    },
    { key: WORKSPACE_KEY, envelope: { v: 1, savedAt: new Date().toISOString(), topology }, seed },
  );
}

async function expectNoCspViolations(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** The canvas's nodes as "id: label", in id order. */
async function canvasNodes(page: Page): Promise<string[]> {
  const ids = await page
    .locator('.react-flow__node [data-testid^="node-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node-'.length)));
  const out: string[] = [];
  for (const id of ids.sort()) {
    const label = await page.getByTestId(`node-${id}`).locator('.truncate').first().textContent();
    out.push(`${id}: ${label ?? ''}`);
  }
  return out;
}

async function expectNodes(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(ids.length);
}

/** The simulated clock in seconds (m:ss). */
async function simSeconds(page: Page): Promise<number> {
  return (await text(page, 'sim-time')).split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
}

/**
 * Steps the paused run `n` times from t = 0 and reads the numbers once the last step has landed.
 * (The clock shows whole seconds of a time summed from small kernel steps, so a step can show as
 * the same second; the check is that both pages get the same time and numbers.)
 */
async function stepAndRead(page: Page, n: number) {
  await expect(page.getByTestId('sim-time')).toHaveText('00:00');
  for (let i = 0; i < n; i++) await page.getByTestId('step').click();
  await expect.poll(() => simSeconds(page)).toBeGreaterThanOrEqual(n - 1);
  await page.waitForTimeout(500); // Frames already on their way land; then nothing moves.
  return {
    time: await text(page, 'sim-time'),
    p95: await text(page, 'global-p95'),
    throughput: await text(page, 'global-throughput'),
    util: await text(page, `util-${WEB}`),
    rate: await text(page, `rate-${WEB}`),
  };
}

async function openSharePanel(page: Page) {
  await page.getByTestId('share-button').click();
  const panel = page.getByTestId('share-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('a copied link opens the same topology and the same run in a fresh browser', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL!).origin,
  });
  await prepare(page);
  await page.goto('./');
  await expectNodes(page, NODE_IDS);
  const nodesA = await canvasNodes(page);

  const panel = await openSharePanel(page);
  await expect(panel.getByTestId('share-copy')).toBeFocused();
  const link = await panel.getByTestId('share-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(lab\/sub\/)?#v1\.[A-Za-z0-9_-]+$/);
  await panel.getByTestId('share-copy').click();
  await expect(panel.getByTestId('share-copy-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const qr = panel.getByTestId('share-qr');
  await expect(qr).toBeVisible();
  const size = await qr.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.width]);
  expect(size[0]).toBeGreaterThan(20);
  expect(size[1]).toBeGreaterThanOrEqual(200);
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect(panel.getByTestId('share-warnings')).toHaveCount(0);
  await screenshot(page, 'share-panel');

  // Esc closes the panel and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('share-button')).toBeFocused();

  const numbersA = await stepAndRead(page, STEPS);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  other.on('pageerror', (e) => errors.push(e.message));
  await prepare(other, false);
  await other.goto(link);
  await expectNodes(other, NODE_IDS);
  expect(await canvasNodes(other)).toEqual(nodesA);
  await expect(other.getByTestId('link-error')).toHaveCount(0);
  // Nothing was saved in the fresh browser, so there is nothing to restore.
  await expect(other.getByTestId('link-restore')).toHaveCount(0);
  const numbersB = await stepAndRead(other, STEPS);
  expect(numbersB).toEqual(numbersA);
  expect(numbersA.p95).toMatch(/\d/);
  await screenshot(other, 'share-opened-link');

  // A reload keeps the link in the address and reproduces the same start.
  await other.reload();
  await expectNodes(other, NODE_IDS);
  expect(new URL(other.url()).hash).toBe(new URL(link).hash);
  await expectNoCspViolations(other);
  expect(errors).toEqual([]);
  await fresh.close();
  await expectNoCspViolations(page);
});

test('a broken link says what is wrong and leaves the workspace alone', async ({ page }) => {
  await prepare(page);
  await page.goto('./');
  await expectNodes(page, NODE_IDS);
  const saved = await page.evaluate((k) => localStorage.getItem(k), WORKSPACE_KEY);

  // Arrives while the page is open.
  await page.goto('./#v1.garbage');
  const error = page.getByTestId('link-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('damaged or cut off');
  await expectNodes(page, NODE_IDS);
  await screenshot(page, 'share-broken-link');

  // In the user's language.
  await page.getByTestId('language').selectOption('ko');
  await expect(error).toContainText('링크');
  await page.getByTestId('language').selectOption('en');

  // Opened from scratch: the saved workspace is shown and not overwritten.
  await page.goto('./#v9.AAAA');
  await page.reload();
  await expect(error).toContainText('newer Scale-Out Lab');
  await expectNodes(page, NODE_IDS);
  await page.waitForTimeout(800); // Longer than the autosave delay.
  expect(await page.evaluate((k) => localStorage.getItem(k), WORKSPACE_KEY)).toBe(saved);

  await page.goto('./');
  await expectNodes(page, NODE_IDS);
  await expect(error).toHaveCount(0);
  await expectNoCspViolations(page);
});

test('JSON export and import round-trip; PNG and SVG pictures download; bad files change nothing', async ({
  page,
}) => {
  await prepare(page);
  await page.goto('./');
  await expectNodes(page, NODE_IDS);
  const nodesBefore = await canvasNodes(page);
  let panel = await openSharePanel(page);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('export-json').click(),
  ]);
  expect(json.suggestedFilename()).toBe('three-tiers-web-app-database.json');
  const jsonPath = await json.path();
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as { nodes: { id: string }[] };
  expect(exported.nodes.map((n) => n.id)).toEqual(NODE_IDS);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('export-png').click(),
  ]);
  expect(png.suggestedFilename()).toBe('three-tiers-web-app-database.png');
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(5000);
  // Kept beside the screenshots, to look at.
  await png.saveAs(path.join(SCREENSHOT_DIR, `${test.info().project.name}-share-export.png`));

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('export-svg').click(),
  ]);
  expect(svg.suggestedFilename()).toBe('three-tiers-web-app-database.svg');
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg[\s>]/);
  expect(svgText).toContain('MySQL primary');
  expect(svgText).not.toMatch(/<script/i);
  expect(svgText).not.toMatch(/\son[a-z]+\s*=/i);

  // Replace the workspace with a template, then import the exported file back.
  await page.keyboard.press('Escape');
  await page.getByTestId('templates-button').click();
  const gallery = page.getByTestId('templates');
  await expect(gallery).toBeVisible();
  await screenshot(page, 'share-templates');
  await gallery.locator('[data-template="example:all-in-one"]').click();
  await expect(gallery).toBeHidden();
  await expectNodes(page, ['users-1', 'server-1']);

  panel = await openSharePanel(page);
  await panel.getByTestId('import-json-input').setInputFiles(jsonPath);
  await expect(panel).toBeHidden();
  await expectNodes(page, NODE_IDS);
  expect(await canvasNodes(page)).toEqual(nodesBefore);

  // A file with problems lists them with their paths and changes nothing.
  panel = await openSharePanel(page);
  const bad = { ...topology, nodes: [{ ...topology.nodes[0], kind: 'mainframe' }] };
  await panel.getByTestId('import-json-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const fileError = panel.getByTestId('file-error');
  await expect(fileError).toContainText('bad.json was not opened');
  await expect(panel.getByTestId('file-error-issues')).toContainText('nodes[0].kind');
  await screenshot(page, 'share-import-error');
  await panel.getByTestId('share-panel-close').click();
  await expectNodes(page, NODE_IDS);
  await expectNoCspViolations(page);
});

test('a link opened over a saved workspace offers to restore it', async ({
  page,
  browser,
  baseURL,
}) => {
  // A link to the all-in-one template, made in another browser.
  const maker = await (await browser.newContext({ baseURL })).newPage();
  await prepare(maker, false);
  await maker.goto('./');
  await maker.getByTestId('templates-button').click();
  await maker.locator('[data-template="example:all-in-one"]').click();
  await expectNodes(maker, ['users-1', 'server-1']);
  await maker.getByTestId('share-button').click();
  const link = await maker.getByTestId('share-link').inputValue();
  await maker.context().close();

  await prepare(page);
  await page.goto('./');
  await expectNodes(page, NODE_IDS);
  await page.goto(link.slice(link.indexOf('#')));
  await expectNodes(page, ['users-1', 'server-1']);
  const offer = page.getByTestId('link-restore');
  await expect(offer).toBeVisible();
  await screenshot(page, 'share-restore-offer');

  // Reloading the link keeps the offer (and the backup) rather than backing up the link itself.
  await page.reload();
  await expectNodes(page, ['users-1', 'server-1']);
  await expect(offer).toBeVisible();

  await page.getByTestId('link-restore-button').click();
  await expectNodes(page, NODE_IDS);
  await expect(offer).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expectNodes(page, NODE_IDS);
  await expectNoCspViolations(page);
});

test('on a phone (in Korean) the share panel fits the screen and keeps the QR code whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await prepare(page);
  // In Korean, whose longer words are the harder fit.
  await page.addInitScript(() => localStorage.setItem('scale-out-lab/lang', 'ko'));
  await page.goto('./');
  await page.getByTestId('share-button').click();
  const panel = page.getByTestId('share-panel');
  await expect(panel.getByTestId('share-qr')).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await screenshot(page, 'share-phone');
  await panel.getByTestId('share-panel-close').click();
  await expect(panel).toBeHidden();
  await expectNoCspViolations(page);
});

/** A saved workspace of `n` servers with distinct labels (they barely compress). */
function bigTopology(n: number) {
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647);
  const label = () =>
    Array.from({ length: 12 }, () => 'abcdefghjkmnpqrstuvwxyz'[rand() % 23]).join('');
  return {
    format: 'scale-out-lab/topology',
    version: 1,
    name: 'Big',
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `server-${i + 1}`,
      kind: 'server',
      label: label(),
      x: (i % 16) * 300,
      y: Math.floor(i / 16) * 200,
      params: {},
    })),
    links: [],
    scenario: { seed: 1, events: [] },
  };
}

for (const { n, expectQr } of [
  { n: 160, expectQr: true },
  { n: 220, expectQr: false },
]) {
  test(`a long link (${n} servers) says what it is too long for and is still shown`, async ({
    page,
  }) => {
    await page.addInitScript(
      ({ key, envelope }) => localStorage.setItem(key, JSON.stringify(envelope)),
      {
        key: WORKSPACE_KEY,
        envelope: { v: 1, savedAt: new Date().toISOString(), topology: bigTopology(n) },
      },
    );
    await page.goto('./');
    await expect(page.getByTestId(`node-server-${n}`)).toBeAttached({ timeout: 15_000 });
    const panel = await openSharePanel(page);
    const link = await panel.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#v1\./);
    await expect(panel.getByTestId('share-warning-chatTooLong')).toBeVisible();
    if (expectQr) {
      // Between the level-M and level-L capacities: a dense code, with a warning.
      expect(link.length).toBeGreaterThan(2331);
      expect(link.length).toBeLessThanOrEqual(2953);
      await expect(panel.getByTestId('share-warning-qrDense')).toBeVisible();
      await expect(panel.getByTestId('share-qr')).toBeVisible();
    } else {
      expect(link.length).toBeGreaterThan(2953);
      await expect(panel.getByTestId('share-warning-qrTooLong')).toContainText(
        'more than a QR code',
      );
      await expect(panel.getByTestId('share-qr')).toHaveCount(0);
    }
    await screenshot(page, `share-long-link-${n}`);
  });
}
