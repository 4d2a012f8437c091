import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { encodeShare } from '../../src/core/codec';
import { parseTopology } from '../../src/core/model';
import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';

/**
 * Phones and projectors: a shared link opens readable on a 390×844 touch phone, the lesson player
 * and the charts fit, and the canvas works by touch (tap to add, drag a handle to connect, pinch
 * to zoom). At 1280×720 presenter mode is legible from the back of a classroom.
 */
const raw = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/three-tier.json'), 'utf8'),
) as unknown;
const parsed = parseTopology(raw);
if (!parsed.ok) throw new Error('docs/examples/three-tier.json does not parse');
const SHARE = encodeShare({ topology: parsed.value });

async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, 'page wider than the screen').toBeLessThanOrEqual(inner);
}

/** The element lies within the viewport horizontally. */
async function expectFitsWidth(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, `${testId} is laid out`).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(-0.5);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
}

type Point = { x: number; y: number };

/** Real touch input through the browser (touch and pointer events, as a finger makes them). */
async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: Point[],
) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
  });
}

async function centre(page: Page, testId: string): Promise<Point> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not laid out`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a shared link opens readable; lessons and charts fit', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`./#${SHARE}`);
    const editor = new EditorPage(page);
    for (const id of ['users-1', 'server-1', 'server-2', 'db-1'])
      await expect(editor.node(id)).toBeVisible();
    await expect(editor.edges).toHaveCount(3);
    await editor.settle();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'phone-shared');

    await page.getByTestId('play').tap();
    await expect.poll(() => page.getByTestId('sim-time').textContent()).not.toBe('00:00');
    await page.getByTestId('pause').tap();
    await page.getByTestId('metrics-tab-charts').tap();
    await expect(page.locator('.recharts-line-curve').first()).toBeVisible();
    await expectFitsWidth(page, 'metrics-panel');
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'phone-charts');

    await page.getByTestId('lessons-toggle').tap();
    await expect(page.getByTestId('lesson-panel')).toBeVisible();
    await page.getByTestId('lesson-item-replicas').tap();
    await expect(page.getByTestId('lesson-replicas')).toBeVisible();
    await expectFitsWidth(page, 'lesson-panel');
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'phone-lesson');
  });

  test('the canvas works by touch: tap to add, drag a handle to connect, pinch to zoom', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`./#${SHARE}`);
    const editor = new EditorPage(page);
    await expect(editor.node('db-1')).toBeVisible();
    await editor.settle();
    const cdp = await page.context().newCDPSession(page);

    // Tap a palette item (in its drawer) to add a node at the centre of the view.
    await page.getByTestId('toggle-palette').tap();
    await expect(page.getByTestId('palette-panel')).toBeVisible();
    await page.getByTestId('palette-cache').tap();
    await expect(editor.nodes).toHaveCount(5);
    await expect(page.getByTestId('palette')).toBeHidden();
    await editor.fitView();

    // Drag with a finger from the web server's outgoing handle to the database.
    const from = await centre(page, 'handle-out-server-1');
    const to = await centre(page, 'handle-in-db-1');
    await touch(cdp, 'touchStart', [from]);
    for (let i = 1; i <= 12; i++)
      await touch(cdp, 'touchMove', [
        { x: from.x + ((to.x - from.x) * i) / 12, y: from.y + ((to.y - from.y) * i) / 12 },
      ]);
    await touch(cdp, 'touchEnd', []);
    await expect(editor.edges).toHaveCount(4);
    await screenshot(page, 'phone-touch-connected');

    // Pinch out with two fingers on an empty part of the canvas: the view zooms in.
    await editor.settle();
    const before = await editor.zoom();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('canvas not laid out');
    const c = { x: pane.x + pane.width / 2, y: pane.y + 24 };
    await touch(cdp, 'touchStart', [
      { x: c.x - 20, y: c.y },
      { x: c.x + 20, y: c.y },
    ]);
    for (let i = 1; i <= 10; i++)
      await touch(cdp, 'touchMove', [
        { x: c.x - 20 - i * 8, y: c.y },
        { x: c.x + 20 + i * 8, y: c.y },
      ]);
    await touch(cdp, 'touchEnd', []);
    await expect.poll(() => editor.zoom()).toBeGreaterThan(before * 1.2);

    // The zoom buttons answer a tap too.
    const pinched = await editor.zoom();
    await page.getByRole('button', { name: 'Zoom out' }).tap();
    await expect.poll(() => editor.zoom()).toBeLessThan(pinched);
    await expectNoHorizontalOverflow(page);
  });
});

test.describe('projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('presenter mode is legible at 1280×720', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`./#${SHARE}`);
    await expect(page.getByTestId('node-db-1')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'projector-editor');

    await page.getByTestId('lessons-toggle').click();
    await page.getByTestId('lesson-item-replicas').click();
    await expect(page.getByTestId('lesson-replicas')).toBeVisible();
    await page.getByTestId('presenter-toggle').click();
    const presenter = page.getByTestId('presenter');
    await expect(presenter).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // Every paragraph and list item of the step text is at least 24 px.
    const sizes = await page
      .getByTestId('presenter-step')
      .locator('p, li')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
    await screenshot(page, 'projector-presenter');

    // Contrast (and the rest of WCAG 2.1 AA) in both themes, on the projector view.
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const bad = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      for (const v of bad)
        console.log(`${theme} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target).join('\n  ')}`);
      expect(bad.map((v) => v.id)).toEqual([]);
      await screenshot(page, `projector-presenter-${theme}`);
    }
  });
});
