import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/core/codec';
import { LESSONS, lessonById } from '../../src/core/scenarios';
import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';

/**
 * The classroom: the lesson panel walks a learner through the first lessons with the controls a
 * learner would use, the goal turns to passed from the live run, "Check my design" grades the
 * design, and presenter mode works from the keyboard alone.
 */

const panel = (page: Page) => page.getByTestId('lesson-panel');
const goal = (page: Page) => page.getByTestId('goal-status');

async function openLessons(page: Page): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId('lessons-toggle').click();
  await expect(panel(page)).toBeVisible();
  return editor;
}

async function startLesson(page: Page, id: string) {
  await page.getByTestId(`lesson-item-${id}`).click();
  await expect(panel(page).getByTestId(`lesson-${id}`)).toBeVisible();
  await expect(goal(page)).toHaveAttribute('data-phase', /idle|failed/);
}

/** Folds the monitoring panel so a 1280×720 canvas has room, as a learner would, and fits. */
async function roomToBuild(page: Page, editor: EditorPage) {
  await page.getByTestId('metrics-toggle').click();
  await editor.fitView();
}

/** Plays at the fastest speed until the live goal is decided. */
async function playUntilDecided(page: Page) {
  await page.getByTestId('speed').selectOption('100');
  await page.getByTestId('play').click();
  await expect(goal(page)).toHaveAttribute('data-phase', /passed|failed/, { timeout: 45_000 });
  await page.getByTestId('pause').click();
}

test.describe('lessons', () => {
  test('lesson 1: give the box the db role, play, and the goal is met', async ({ page }) => {
    const editor = await openLessons(page);
    await expect(panel(page).getByTestId('lesson-list').locator('li')).toHaveCount(12);
    await startLesson(page, 'one-box');
    await expect(editor.node('server-1')).toBeVisible();
    await roomToBuild(page, editor);

    // Hints come one at a time.
    await page.getByTestId('hint-next').click();
    await expect(page.getByTestId('lesson-hints').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('hint-next')).toHaveCount(0);

    await editor.select('server-1');
    await editor.param('roles-db').check();
    await playUntilDecided(page);
    await expect(goal(page)).toHaveAttribute('data-phase', 'passed');
    await expect(page.getByTestId('lesson-passed-one-box')).toBeAttached();
    await screenshot(page, 'lesson-1-passed');
  });

  test('lesson 1 start fails live: every request fails without a database', async ({ page }) => {
    await openLessons(page);
    await startLesson(page, 'one-box');
    await playUntilDecided(page);
    await expect(goal(page)).toHaveAttribute('data-phase', 'failed');
    await expect(goal(page)).toContainText('of requests failed');
  });

  test('lesson 2: a larger instance type keeps the CPU under 90 %', async ({ page }) => {
    const editor = await openLessons(page);
    await startLesson(page, 'scale-up');
    await roomToBuild(page, editor);
    await editor.select('server-1');
    await editor.param('instanceType').selectOption('m5.xlarge');
    await playUntilDecided(page);
    await expect(goal(page)).toHaveAttribute('data-phase', 'passed');

    // The headless check agrees, and a change after it marks it stale.
    await page.getByTestId('check-design').click();
    await expect(page.getByTestId('check-result')).toHaveAttribute('data-passed', 'true', {
      timeout: 30_000,
    });
    await editor.param('instanceType').selectOption('m5.large');
    await expect(page.getByTestId('check-result')).toContainText('changed since this check');
    await page.getByTestId('check-design').click();
    await expect(page.getByTestId('check-result')).toHaveAttribute('data-passed', 'false', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('check-result')).toContainText('CPU (goal: under 90.0 %)');
  });

  test('lesson 3: add a DB primary, untick db, connect the server to it', async ({ page }) => {
    const editor = await openLessons(page);
    await startLesson(page, 'split-db');
    const before = await editor.nodeIds();
    await roomToBuild(page, editor);
    await editor.add('dbPrimary');
    const db = (await editor.nodeIds()).find((id) => !before.includes(id))!;
    await editor.select('server-1');
    await editor.param('roles-db').uncheck();
    await editor.connect('server-1', db);
    await expect(editor.edges).toHaveCount(2);
    await playUntilDecided(page);
    await expect(goal(page)).toHaveAttribute('data-phase', 'passed');
  });

  test('show solution asks first, then loads the solution; reset brings the start back', async ({
    page,
  }) => {
    const editor = await openLessons(page);
    await startLesson(page, 'split-app');
    await expect(goal(page)).toContainText('still runs both web and app');
    await page.getByTestId('lesson-solution').click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor.node('server-2')).toHaveCount(0);
    await page.getByTestId('lesson-solution').click();
    await page.getByTestId('solution-confirm').click();
    await expect(editor.node('server-2')).toBeVisible();
    await expect(goal(page)).toHaveAttribute('data-phase', 'idle');
    await page.getByTestId('lesson-reset').click();
    await expect(editor.node('server-2')).toHaveCount(0);
    await page.getByTestId('undo').click();
    await expect(editor.node('server-2')).toBeVisible();
  });

  test('a lesson link opens that lesson step with the linked design', async ({ page }) => {
    const lesson = lessonById('replicas')!;
    const design = { ...lesson.start, name: 'Shared in class' };
    const link = encodeShare({ topology: design, lesson: { id: 'replicas', step: 1 } });
    await page.goto(`./#${link}`);
    await expect(panel(page).getByTestId('lesson-replicas')).toBeVisible();
    await expect(page.getByTestId('node-db-1')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'task');
  });

  test('presenter mode shows a QR code of the current step', async ({ page }) => {
    await openLessons(page);
    await startLesson(page, 'replicas');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('q');
    await expect(page.getByTestId('presenter-qr-image')).toBeVisible();
    const src = await page.getByTestId('presenter-qr-image').getAttribute('src');
    expect(src).toMatch(/^data:image\/svg\+xml/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('app')).toBeVisible();
  });

  test('presenter mode from the keyboard alone', async ({ page }) => {
    const editor = await openLessons(page);
    await startLesson(page, 'scale-up');
    await editor.pane.click({ position: { x: 5, y: 5 } });

    await page.keyboard.press('p');
    const presenter = page.getByTestId('presenter');
    await expect(presenter).toBeVisible();
    await expect(page.getByTestId('app')).toHaveCount(0);
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'intro');
    // Projector type: the step text is at least 24 px.
    const size = await page
      .getByTestId('presenter-step')
      .locator('p')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);

    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'task');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'goal');
    await screenshot(page, 'presenter-goal');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'notice');

    const clock = page.getByTestId('presenter-time');
    await expect(clock).toHaveText('00:00');
    await page.keyboard.press('Space');
    await expect(clock).not.toHaveText('00:00');
    await page.keyboard.press('Space');
    const paused = await clock.textContent();
    await page.waitForTimeout(1500);
    await expect(clock).toHaveText(paused!);

    // Past the last step of a lesson comes the next lesson.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-title')).toContainText('Give the database');
    await expect(page.getByTestId('presenter-step')).toHaveAttribute('data-step', 'intro');

    await page.keyboard.press('Escape');
    await expect(presenter).toHaveCount(0);
    await expect(page.getByTestId('app')).toBeVisible();
    await expect(panel(page).getByTestId('lesson-split-db')).toBeVisible();
  });
});

test.describe('screenshots', () => {
  for (const lang of ['en', 'ko'] as const)
    test(`every lesson in ${lang}`, async ({ page }) => {
      test.setTimeout(120_000);
      const editor = await openLessons(page);
      await editor.setLanguage(lang);
      await screenshot(page, `lesson-list-${lang}`);
      await page.getByTestId('lesson-item-one-box').click();
      for (const [i, lesson] of LESSONS.entries()) {
        if (i > 0) await page.getByTestId('lesson-next').click();
        await expect(panel(page).getByTestId(`lesson-${lesson.id}`)).toBeVisible();
        await page.getByTestId('hint-next').click();
        await editor.settle();
        await screenshot(page, `lesson-${i + 1}-${lang}`);
      }
      await page.keyboard.press('p');
      await page.keyboard.press('ArrowRight');
      await screenshot(page, `lesson-presenter-${lang}`);
    });
});
