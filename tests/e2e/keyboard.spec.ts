import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The whole loop with the keyboard alone (no mouse, no clicks): add users, a web server, an app
 * server and a database primary from the palette, give the servers their roles, link them, play
 * with Space and watch utilization move. Focus stays visible on the way; reduced motion removes
 * the moving request dots.
 */

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max`. */
async function tabTo(page: Page, selector: string, { back = false, max = 250 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${selector} after ${max} presses`);
}

/** The focused element shows a visible focus ring (a non-zero outline under :focus-visible). */
async function expectFocusVisible(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      what: el.outerHTML.slice(0, 160),
      outlineStyle: `${style.outlineStyle} ${style.outlineWidth}`,
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(ring, 'something has focus').not.toBeNull();
  expect(ring?.focusVisible, ring?.what).toBe(true);
  expect(ring?.outline || ring?.shadow, `a visible focus indicator on ${ring?.what}`).toBe(true);
}

const nodeIds = (page: Page) =>
  page.$$eval('.react-flow__node', (els) => els.map((el) => el.getAttribute('data-id') ?? ''));

/** Adds a node of `kind` with Enter on its palette item; returns the new node's id. */
async function addFromPalette(page: Page, kind: string): Promise<string> {
  const before = await nodeIds(page);
  await tabTo(page, `[data-testid="palette-${kind}"]`);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
  const added = (await nodeIds(page)).find((id) => !before.includes(id));
  if (!added) throw new Error(`no ${kind} node was added`);
  await expect(page.getByTestId(`inspect-${added}`)).toBeVisible();
  return added;
}

/** Selects a node on the canvas: Tab to its card and press Enter. */
async function selectNode(page: Page, id: string) {
  await tabTo(page, `.react-flow__node[data-id="${id}"]`);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`inspect-${id}`)).toBeVisible();
}

/** Leaves exactly `keep` ticked among the server's role checkboxes, with Space. */
async function setRoles(page: Page, keep: 'web' | 'app') {
  for (const role of ['web', 'app', 'db'] as const) {
    const box = page.getByTestId(`param-roles-${role}`);
    // Tick the kept role first, so the server never has none.
    if (role !== keep) continue;
    if (!(await box.isChecked())) {
      await tabTo(page, `[data-testid="param-roles-${role}"]`);
      await page.keyboard.press('Space');
    }
  }
  for (const role of ['web', 'app', 'db'] as const) {
    if (role === keep) continue;
    const box = page.getByTestId(`param-roles-${role}`);
    if (await box.isChecked()) {
      await tabTo(page, `[data-testid="param-roles-${role}"]`);
      await page.keyboard.press('Space');
      await expect(box).not.toBeChecked();
    }
  }
  await expect(page.getByTestId(`param-roles-${keep}`)).toBeChecked();
}

/** Links the selected node to `to` with the inspector's "Connect to…" select and "Add link". */
async function connectTo(page: Page, from: string, to: string) {
  await selectNode(page, from);
  await tabTo(page, '[data-testid="connect-target"]');
  await expectFocusVisible(page);
  const select = page.getByTestId('connect-target');
  for (let i = 0; i < 20 && (await select.inputValue()) !== to; i++)
    await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(to);
  await tabTo(page, '[data-testid="connect-add"]');
  await page.keyboard.press('Enter');
  await expect(page.locator(`.react-flow__edge[data-id]`)).not.toHaveCount(0);
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

async function buildThreeTier(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('app')).toBeVisible();
  const users = await addFromPalette(page, 'users');
  const web = await addFromPalette(page, 'server');
  await setRoles(page, 'web');
  const app = await addFromPalette(page, 'server');
  await setRoles(page, 'app');
  const db = await addFromPalette(page, 'dbPrimary');
  await connectTo(page, users, web);
  await connectTo(page, web, app);
  await connectTo(page, app, db);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  return { users, web, app, db };
}

async function playWithSpace(page: Page) {
  await tabTo(page, '[data-testid="play"]', { back: true });
  await expectFocusVisible(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pause')).toBeVisible();
}

test('builds and runs a three-tier system with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  const { web, app, db } = await buildThreeTier(page);
  const before = await Promise.all([web, app, db].map((id) => text(page, `util-${id}`)));
  await playWithSpace(page);
  await expect
    .poll(() => Promise.all([web, app, db].map((id) => text(page, `util-${id}`))), {
      timeout: 30_000,
    })
    .not.toEqual(before);
  for (const id of [web, app, db])
    await expect(page.getByTestId(`util-${id}`)).toHaveText(/^(\d+|<1) %$/);
  // The request dots move along the links while it plays.
  await expect(page.locator('.flow-dot').first()).toBeAttached({ timeout: 15_000 });
});

test('reduced motion: no moving request dots while it plays', async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await buildThreeTier(page);
  await playWithSpace(page);
  // Traffic is drawn (the band under each link), but nothing moves.
  await expect(page.locator('[data-testid^="flow-link"]').first()).toBeAttached({
    timeout: 30_000,
  });
  await expect(page.locator('.flow-dot')).toHaveCount(0);
  await expect(page.locator('animateMotion')).toHaveCount(0);
});
