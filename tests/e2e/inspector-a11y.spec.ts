import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { doc, LONG, MechanicsPage, n } from './pages/MechanicsPage';

/**
 * Audit of the inspector with the keyboard: for a server, a load balancer, a DNS name, an auto
 * scaling group and a users node, a database primary and a link, Tab walks through every control of the inspector (the
 * generated parameter fields and the mechanics panels), in English and in Korean. Every control
 * on the way must have a name and a help text in the language shown (no English left in Korean
 * beyond ids, units and acronyms), and every enabled control must be reached by Tab.
 */
test.describe.configure({ timeout: 240_000 });

interface Control {
  key: string;
  name: string;
  description: string;
}

/**
 * The focused control inside the inspector (null when focus is elsewhere): its accessible name as
 * the browser's accessibility tree has it, and its description (aria-describedby, else a title
 * that is not the name: the accname rules for descriptions).
 */
async function focused(page: Page): Promise<Control | null> {
  const c = await described(page);
  if (!c) return null;
  // First line of the snapshot: `- role "name" [attrs]: text`, YAML-quoted when it holds a colon.
  let line = (await page.locator(':focus').ariaSnapshot()).split('\n')[0]!.replace(/^- /, '');
  const quoted = /^'(.*)'(:.*)?$/.exec(line);
  if (quoted) line = quoted[1]!.replace(/''/g, "'");
  const name = /^[\w-]+ "((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? '';
  return { ...c, name: name.replace(/\\"/g, '"').trim() };
}

const described = (page: Page) =>
  page.evaluate((): Control | null => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || !el.closest('[data-testid="inspector"]')) return null;
    const text = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
    const own = el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';
    const name =
      text(el.getAttribute('aria-labelledby')) ||
      el.getAttribute('aria-label')?.trim() ||
      labels
        .map((l) => l.textContent ?? '')
        .join(' ')
        .trim() ||
      (own ? (el.textContent ?? '').trim() : '') ||
      el.getAttribute('title')?.trim() ||
      '';
    const title = el.getAttribute('title')?.trim() ?? '';
    const description =
      text(el.getAttribute('aria-describedby')) || (title && title !== name ? title : '');
    const key =
      el.getAttribute('data-testid') ??
      `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}]`;
    return { key, name: name.replace(/\s+/g, ' '), description: description.replace(/\s+/g, ' ') };
  });

/** Every enabled, visible control inside the inspector (what Tab must reach). */
const allControls = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="inspector"] :is(button, input, select, textarea, a[href], [tabindex]):not([disabled])',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 && el.tabIndex >= 0)
      .map(
        (el) =>
          el.getAttribute('data-testid') ??
          `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}]`,
      ),
  );

/** Latin words a Korean name may keep: ids, units, acronyms, instance types, product names. */
const KEEP =
  /^(TTL|AZ|LB|DNS|CPU|vCPU|HTTP|TCP|ASG|ELB|AWS|ID|SG|DB|req|ms|KB|MB|GB|ami|users|server|lb|dns|asg|db|replica|cache|link|hash|range|round|robin|p\d+|[a-z]\d[a-z]?\.\w+|x?large|micro|medium|Enter|Tab)$/i;

const untranslated = (name: string) =>
  (name.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEEP.test(w) && !/[가-힣]/.test(name));

/** Tabs from the inspector's first control to its last; returns the controls on the way. */
async function walk(page: Page): Promise<Control[]> {
  await page.getByTestId('inspector').locator('h2, h3').first().click();
  const seen: Control[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const c = await focused(page);
    if (!c) {
      if (seen.length > 0) break;
      continue;
    }
    if (seen.some((s) => s.key === c.key && s.name === c.name)) break;
    seen.push(c);
  }
  return seen;
}

const topology = doc(
  [
    n('users-1', 'users', 0, 160, { rate: 60, cohorts: 3 }),
    n('dns-1', 'dns', 280, 160),
    n('lb-1', 'lb', 560, 160),
    n('server-1', 'server', 840, 40),
    n('asg-1', 'asg', 840, 300, { roles: ['web', 'app', 'db'], desired: 1 }),
    n('db-1', 'dbPrimary', 1120, 40),
  ],
  [
    ['users-1', 'dns-1'],
    ['dns-1', 'lb-1'],
    ['lb-1', 'server-1'],
    ['lb-1', 'asg-1'],
    ['server-1', 'db-1'],
  ],
);

for (const lang of ['en', 'ko'] as const) {
  test(`every inspector control is reached by Tab and has a name and help (${lang})`, async ({
    page,
  }) => {
    const m = new MechanicsPage(page);
    await m.seed(topology);
    await page.getByTestId('language').selectOption(lang);
    await m.play('25');
    await m.select('asg-1');
    await expect(page.locator('[data-testid^="mech-instance-asg-1#"]').first()).toBeVisible(LONG);
    await m.pause();

    const problems: string[] = [];
    const audit: Record<string, Control[]> = {};
    let total = 0;
    for (const id of ['server-1', 'lb-1', 'dns-1', 'asg-1', 'users-1', 'db-1', 'link-3']) {
      if (id.startsWith('link-')) await new EditorPage(page).selectLink(id);
      else await m.select(id);
      if (id === 'server-1') {
        // Bring out the controls that appear on demand: the image picker and the split dialog.
        await page.getByTestId('mech-create-image').click();
        await page.getByTestId('mech-split-db').click();
        await expect(page.getByTestId('mech-split-dialog')).toBeVisible();
      }
      const reached = await walk(page);
      audit[id] = reached;
      total += reached.length;
      const keys = new Set(reached.map((c) => c.key));
      for (const key of await allControls(page))
        if (!keys.has(key)) problems.push(`${id}: ${key} is not reached by Tab`);
      for (const c of reached) {
        if (!c.name) problems.push(`${id}: ${c.key} has no name`);
        if (!c.description) problems.push(`${id}: ${c.key} "${c.name}" has no help text`);
        if (lang === 'ko') {
          const words = untranslated(`${c.name}`);
          if (words.length) problems.push(`${id}: ${c.key} "${c.name}" is not in Korean`);
          const help = untranslated(c.description);
          if (help.length)
            problems.push(`${id}: ${c.key} help "${c.description}" is not in Korean`);
        }
      }
      if (id === 'server-1') await screenshot(page, `a11y-inspector-server-${lang}`);
    }
    await test.info().attach(`controls-${lang}.json`, {
      body: JSON.stringify(audit, null, 2),
      contentType: 'application/json',
    });
    // Each of the seven inspectors has its parameters and its mechanics: dozens of controls.
    expect(total).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
}
