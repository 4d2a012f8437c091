import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';

/**
 * WCAG 2.1 AA on every view (editor, inspector, monitoring charts and table, share, templates,
 * lessons, presenter) in both themes and both languages. A serious or critical violation fails
 * the test, after every view has been checked, so one run lists them all.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/lb-replicas.json'), 'utf8'),
) as unknown;

interface Finding {
  view: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function scan(page: Page, view: string, findings: Finding[]): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const v of results.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    console.log(
      `[${view}] ${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    findings.push({
      view,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    });
  }
}

function report(findings: Finding[]): void {
  expect(
    findings.map((f) => `${f.view}: ${f.id} (${f.targets.length})`),
    'serious or critical WCAG 2.1 AA violations',
  ).toEqual([]);
}

async function setup(page: Page, theme: 'light' | 'dark', lang: 'en' | 'ko', seeded: boolean) {
  await page.emulateMedia({ colorScheme: theme });
  if (seeded)
    await page.addInitScript(
      (envelope) => localStorage.setItem('scale-out-lab/workspace', JSON.stringify(envelope)),
      { v: 1, savedAt: new Date().toISOString(), topology: example },
    );
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId(`theme-${theme}`).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await editor.setLanguage(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return editor;
}

for (const theme of ['light', 'dark'] as const)
  for (const lang of ['en', 'ko'] as const)
    test.describe(`${theme} theme, ${lang}`, () => {
      test('empty editor', async ({ page }) => {
        const findings: Finding[] = [];
        await setup(page, theme, lang, false);
        await scan(page, 'empty editor', findings);
        report(findings);
      });

      test('every view of a loaded workspace', async ({ page }) => {
        test.setTimeout(240_000);
        const findings: Finding[] = [];
        const editor = await setup(page, theme, lang, true);
        await expect(editor.node('lb-1')).toBeVisible();
        await editor.settle();
        await scan(page, 'editor', findings);

        await editor.node('server-1').click();
        await expect(editor.inspector).toBeVisible();
        await scan(page, 'inspector', findings);

        await page.getByTestId('play').click();
        await expect.poll(() => page.getByTestId('sim-time').textContent()).not.toBe('00:00');
        await page.getByTestId('pause').click();
        await page.getByTestId('metrics-tab-charts').click();
        await expect(page.locator('.recharts-line-curve').first()).toBeVisible();
        await scan(page, 'metrics charts', findings);
        await page.getByTestId('metrics-tab-table').click();
        await expect(page.getByTestId('metrics-table')).toBeVisible();
        await scan(page, 'metrics table', findings);

        await page.getByTestId('share-button').click();
        await expect(page.getByTestId('share-panel')).toBeVisible();
        await scan(page, 'share panel', findings);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('share-panel')).toBeHidden();

        await page.getByTestId('templates-button').click();
        await expect(page.getByTestId('templates')).toBeVisible();
        await scan(page, 'templates', findings);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('templates')).toBeHidden();

        await page.getByTestId('lessons-toggle').click();
        await expect(page.getByTestId('lesson-panel')).toBeVisible();
        await scan(page, 'lesson list', findings);
        await page.getByTestId('lesson-item-replicas').click();
        await expect(page.getByTestId('lesson-replicas')).toBeVisible();
        await scan(page, 'lesson', findings);

        await page.getByTestId('presenter-toggle').click();
        await expect(page.getByTestId('presenter')).toBeVisible();
        await scan(page, 'presenter', findings);
        report(findings);
      });
    });
