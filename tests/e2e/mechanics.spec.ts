import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { doc, LONG, MechanicsPage, n } from './pages/MechanicsPage';

/**
 * Scale-out mechanics by hand: each chain seeds a topology through the autosave envelope, then
 * works only through the canvas and the inspector's mechanics panels while the simulation plays.
 * Simulated effects are awaited by polling with generous timeouts (the machine may be loaded).
 */
// Each chain plays several simulated minutes; on a loaded machine that can take a minute of wall time.
test.describe.configure({ timeout: 150_000 });

type Json = Record<string, unknown>;
const allInOne = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/all-in-one.json'), 'utf8'),
) as Json;

const seed = (page: Page, topology: unknown) => new MechanicsPage(page).seed(topology);
const play = (page: Page, speed = '100') => new MechanicsPage(page).play(speed);
const simSeconds = (page: Page) => new MechanicsPage(page).simSeconds();
const numberIn = (page: Page, testId: string) => new MechanicsPage(page).numberIn(testId);
const select = (page: Page, id: string) => new MechanicsPage(page).select(id);

test('scale up: the all-in-one box over 90 % gets a larger type and falls under 90 %', async ({
  page,
}) => {
  await seed(page, allInOne);
  await play(page);
  await expect.poll(() => numberIn(page, 'util-server-1'), LONG).toBeGreaterThan(90);
  await select(page, 'server-1');
  const panel = page.getByTestId('mech-scaleup');
  await expect(panel).toBeVisible();
  await panel.getByTestId('mech-type-m5.xlarge').click();
  await expect(panel.getByTestId('mech-scaleup-delta')).toContainText('m5.xlarge');
  await expect(panel.getByTestId('mech-scaleup-delta')).toContainText('+2');
  await screenshot(page, 'mech-scaleup-before');
  await panel.getByTestId('mech-scaleup-apply').click();
  await expect(page.getByTestId('param-instanceType')).toHaveValue('m5.xlarge');
  await expect.poll(() => numberIn(page, 'util-server-1'), LONG).toBeLessThan(90);
  await screenshot(page, 'mech-scaleup-after');
});

test('split the database off without re-pointing: errors with the reason; re-point: errors stop', async ({
  page,
}) => {
  await seed(page, allInOne);
  await play(page, '25');
  await select(page, 'server-1');
  await page.getByTestId('mech-split-db').click();
  await expect(page.getByTestId('mech-split-dialog')).toBeVisible();
  await page.getByTestId('mech-split-repoint').uncheck();
  await page.getByTestId('mech-split-confirm').click();
  await expect(page.getByTestId('node-db-1')).toBeVisible();
  await select(page, 'server-1');
  await expect(page.getByTestId('diag-server-1')).toBeVisible(LONG);
  await expect(page.getByTestId('mech-missing-reason')).toContainText('No database reachable');
  await expect.poll(() => numberIn(page, 'global-errors'), LONG).toBeGreaterThan(50);
  await screenshot(page, 'mech-split-unpointed');
  await page.getByTestId('mech-link-to-db-1').click();
  await expect(page.getByTestId('diag-server-1')).toBeHidden(LONG);
  await expect.poll(() => numberIn(page, 'global-errors'), LONG).toBeLessThan(1);
  await screenshot(page, 'mech-split-repointed');
});

test('two read replicas take the reads off the primary', async ({ page }) => {
  await seed(
    page,
    doc(
      [
        n('users-1', 'users', 0, 100, { rate: 300, readRatio: 0.9 }),
        n('server-1', 'server', 260, 80, { roles: ['web', 'app'], instanceType: 'm5.4xlarge' }),
        n('db-1', 'dbPrimary', 560, 80),
      ],
      [
        ['users-1', 'server-1'],
        ['server-1', 'db-1'],
      ],
    ),
  );
  await play(page);
  await expect.poll(() => numberIn(page, 'util-db-1'), LONG).toBeGreaterThan(40);
  const before = await numberIn(page, 'util-db-1');
  await select(page, 'db-1');
  await page.getByTestId('mech-add-replica').click();
  await expect(page.getByTestId('node-replica-1')).toBeVisible();
  await select(page, 'db-1');
  await page.getByTestId('mech-add-replica').click();
  await expect(page.getByTestId('node-replica-2')).toBeVisible();
  await expect.poll(() => numberIn(page, 'util-db-1'), LONG).toBeLessThan(before / 2);
  await expect.poll(() => numberIn(page, 'util-replica-2'), LONG).toBeGreaterThan(5);
  await select(page, 'db-1');
  await expect(page.getByTestId('mech-data')).toContainText('2');
  await page.getByTestId('mech-keymap').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-replicas');
});

const lbPair = (targetPort = 80) =>
  doc(
    [
      n('users-1', 'users', 0, 140, { rate: 100 }),
      n('lb-1', 'lb', 240, 140, { targetPort }),
      n('server-1', 'server', 500, 40, { az: 'a' }),
      n('server-2', 'server', 500, 260, { az: 'b' }),
    ],
    [
      ['users-1', 'lb-1'],
      ['lb-1', 'server-1'],
      ['lb-1', 'server-2'],
    ],
  );

test('kill one of two servers behind an LB: it turns unhealthy and errors stop', async ({
  page,
}) => {
  await seed(page, lbPair());
  await play(page, '10');
  await select(page, 'lb-1');
  const target = (id: string) => page.getByTestId(`mech-target-${id}`);
  await expect(target('server-1')).toHaveAttribute('data-state', 'healthy', LONG);
  await expect(target('server-2')).toHaveAttribute('data-state', 'healthy', LONG);
  await select(page, 'server-1');
  // Slow the clock for the timed part: at 10x, the lag between the simulation and what a poll reads
  // on a busy machine is worth many simulated seconds; at 2x it stays within a few.
  await page.getByTestId('speed').selectOption('2');
  await page.getByTestId('mech-kill').click();
  const killedAt = await simSeconds(page);
  await expect(page.getByTestId('health-server-1')).toBeVisible(LONG);
  await select(page, 'lb-1');
  await expect(target('server-1')).toHaveAttribute('data-state', 'unhealthy', { timeout: 120_000 });
  // Default checks: 30 s interval × 2 failures, so about a minute (plus the poll's lag).
  expect((await simSeconds(page)) - killedAt).toBeLessThanOrEqual(95);
  await expect(target('server-1')).toContainText('failed health checks');
  await page.getByTestId('speed').selectOption('10');
  await expect.poll(() => numberIn(page, 'global-errors'), LONG).toBeLessThan(1);
  await target('server-1').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-lb-killed');
});

test('LB target port wrong: the target list says "wrong port"; fixing it makes targets healthy', async ({
  page,
}) => {
  await seed(page, lbPair(8080));
  await play(page, '25');
  await select(page, 'lb-1');
  const target = page.getByTestId('mech-target-server-1');
  await expect(target).toHaveAttribute('data-reason', 'wrongPort', LONG);
  await expect(target).toContainText('wrong port: targets listen on 80, the LB forwards to 8080');
  await target.scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-lb-wrong-port');
  const port = page.getByTestId('param-targetPort');
  await port.fill('80');
  await port.press('Enter');
  await expect(target).toHaveAttribute('data-state', 'healthy', LONG);
  await expect(page.getByTestId('mech-target-server-2')).toHaveAttribute(
    'data-state',
    'healthy',
    LONG,
  );
  await screenshot(page, 'mech-lb-fixed');
});

test('images, shards, the timeline and DNS cohorts, by hand', async ({ page }) => {
  test.setTimeout(180_000);
  await seed(
    page,
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 80, cohorts: 4 }),
        n('dns-1', 'dns', 220, 140, { ttlSec: 60 }),
        n('lb-1', 'lb', 440, 140),
        n('server-1', 'server', 680, 140, { roles: ['web', 'app'] }),
        n('db-1', 'dbPrimary', 960, 140),
      ],
      [
        ['users-1', 'dns-1'],
        ['dns-1', 'lb-1'],
        ['lb-1', 'server-1'],
        ['server-1', 'db-1'],
      ],
    ),
  );
  await play(page, '25');

  await select(page, 'server-1');
  await page.getByTestId('mech-create-image').click();
  await expect(page.getByTestId('mech-image')).toContainText('ami-001');
  await expect(page.getByTestId('mech-image-lb')).toHaveValue('lb-1');
  await page.getByTestId('mech-launch').click();
  await expect(page.getByTestId('node-server-2')).toBeVisible();
  await select(page, 'lb-1');
  await expect(page.getByTestId('mech-target-server-2')).toBeVisible(LONG);
  await expect(page.getByTestId('mech-target-server-2')).toHaveAttribute(
    'data-state',
    'healthy',
    LONG,
  );

  await select(page, 'db-1');
  await page.getByTestId('mech-shard-n').fill('3');
  await page.getByTestId('mech-shard-strategy').selectOption('range');
  await page.getByTestId('mech-shard').click();
  await expect(page.getByTestId('node-db-3')).toBeVisible();
  await select(page, 'db-1');
  for (const id of ['db-1', 'db-2', 'db-3'])
    await expect(page.getByTestId(`mech-keymap-${id}`)).toBeVisible();
  await page.getByTestId('mech-keymap').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-shards');

  await select(page, 'server-1');
  await page.getByTestId('mech-kill-timeline').click();
  await expect(page.getByTestId('mech-event-0')).toContainText('kill server-1');
  await page.getByTestId('mech-event-0').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-timeline');
  await page.getByTestId('mech-event-delete-0').click();
  await expect(page.getByTestId('mech-event-0')).toHaveCount(0);

  await select(page, 'dns-1');
  await expect(page.getByTestId('mech-cohort-0')).toContainText('expires in', LONG);
  await expect(page.getByTestId('mech-dns')).toContainText('TTL 60 s');
  await page.getByTestId('mech-dns').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-dns');
});

test('an ASG lists its instances by lifecycle; the load slider changes the offered load live', async ({
  page,
}) => {
  await seed(
    page,
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 50 }),
        n('lb-1', 'lb', 240, 140),
        n('asg-1', 'asg', 500, 140, { roles: ['web', 'app', 'db'], desired: 2 }),
      ],
      [
        ['users-1', 'lb-1'],
        ['lb-1', 'asg-1'],
      ],
    ),
  );
  await play(page, '25');
  await select(page, 'asg-1');
  const instances = page.locator('[data-testid^="mech-instance-asg-1#"]');
  await expect.poll(() => instances.count(), LONG).toBeGreaterThanOrEqual(2);
  await expect(instances.and(page.locator('[data-state="inService"]'))).toHaveCount(2, LONG);
  await page.getByTestId('mech-asg').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-asg');

  await select(page, 'users-1');
  await page.getByTestId('mech-rate').fill('150');
  await expect(page.getByTestId('mech-traffic')).toContainText('150 req/s');
  await expect.poll(() => numberIn(page, 'mech-rate-measured'), LONG).toBeGreaterThan(140);
  await expect.poll(() => numberIn(page, 'rate-users-1'), LONG).toBeGreaterThan(100);
});
