import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * `test` with automatic error collection: every console error and uncaught page error during a
 * test fails it at teardown. Import `test` and `expect` from here, not from '@playwright/test'.
 * A test that provokes an error on purpose can inspect and empty `pageErrors` itself.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors or page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Saves a full-page screenshot as test-results/screenshots/<project>-<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${test.info().project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
