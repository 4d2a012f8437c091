import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { doc, LONG, MechanicsPage, n } from './pages/MechanicsPage';

/**
 * The failure and traffic controls by hand: cut and restore a link, lose and restore an AZ,
 * schedule a spike and a day-night pattern, and a timeline (and images) saved with the topology.
 * Each checks the numbers the cards, the playback bar and the inspector show.
 */
test.describe.configure({ timeout: 150_000 });

const box = (rate = 100) =>
  doc(
    [
      n('users-1', 'users', 0, 140, { rate }),
      // 8 vCPU: 300 req/s of 15 ms each is 56 %, so a spike to 300 is served, not dropped.
      n('server-1', 'server', 300, 140, {
        roles: ['web', 'app', 'db'],
        instanceType: 'm5.2xlarge',
      }),
    ],
    [['users-1', 'server-1']],
  );

test('cut a link: every request fails and the server idles; restore it: requests flow again', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(box());
  await m.play('10');
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(95);
  expect(await m.errorPct()).toBeLessThan(0.1);

  await new EditorPage(page).selectLink('link-1');
  await page.getByTestId('mech-cut').click();
  await expect.poll(() => m.errorPct(), LONG).toBeGreaterThan(99);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBe(0);
  expect(await m.numberIn('util-server-1')).toBe(0);
  await screenshot(page, 'controls-link-cut');

  await page.getByTestId('mech-restore-link').click();
  await expect.poll(() => m.errorPct(), LONG).toBeLessThan(0.1);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(95);
  await screenshot(page, 'controls-link-restored');
});

test('lose an AZ: its server goes down, the LB routes around it; restore: it serves again', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 100 }),
        n('lb-1', 'lb', 240, 140),
        n('server-1', 'server', 500, 40, { roles: ['web', 'app', 'db'], az: 'a' }),
        n('server-2', 'server', 500, 260, { roles: ['web', 'app', 'db'], az: 'b' }),
      ],
      [
        ['users-1', 'lb-1'],
        ['lb-1', 'server-1'],
        ['lb-1', 'server-2'],
      ],
    ),
  );
  await m.play('10');
  await m.select('lb-1');
  await expect(m.target('server-1')).toHaveAttribute('data-state', 'healthy', LONG);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(40);

  await m.select('server-2');
  await page.getByTestId('mech-lose-az-a').click();
  await expect(page.getByTestId('health-server-1')).toHaveText('down', LONG);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBe(0);
  // Until the health checks notice, half the requests still go to the dead zone and fail.
  await m.select('lb-1');
  await expect(m.target('server-1')).toHaveAttribute('data-state', 'unhealthy', LONG);
  await expect.poll(() => m.errorPct(), LONG).toBeLessThan(0.1);
  await expect.poll(() => m.numberIn('rate-server-2'), LONG).toBeGreaterThan(95);
  expect(await m.numberIn('mech-target-share-server-2')).toBe(100);
  await screenshot(page, 'controls-az-lost');

  await m.select('server-2');
  await page.getByTestId('mech-restore-az-a').click();
  await m.speed('25');
  await m.select('lb-1');
  await expect(m.target('server-1')).toHaveAttribute('data-state', 'healthy', LONG);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(40);
  await expect(page.getByTestId('health-server-1')).toHaveCount(0);
  await screenshot(page, 'controls-az-restored');
});

test('a scheduled spike raises the offered load for its length, then it falls back', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(box());
  await m.play('5');
  await m.select('users-1');
  await expect.poll(() => m.numberIn('mech-rate-measured'), LONG).toBeGreaterThan(95);
  await page.getByTestId('mech-peak').fill('300');
  await page.getByTestId('mech-spike-in').fill('20');
  await page.getByTestId('mech-spike-len').fill('60');
  await page.getByTestId('mech-spike').click();
  const scheduledAt = await m.simSeconds();
  await expect(page.getByTestId('param-pattern')).toHaveValue('spike');
  await expect(page.getByTestId('param-peakRate')).toHaveValue('300');

  await expect.poll(() => m.numberIn('mech-rate-measured'), LONG).toBeGreaterThan(290);
  // Not before it was due (20 s after it was scheduled), give or take the clock's whole seconds.
  expect((await m.simSeconds()) - scheduledAt).toBeGreaterThanOrEqual(19);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(290);
  await screenshot(page, 'controls-spike');
  await expect.poll(() => m.numberIn('mech-rate-measured'), LONG).toBeLessThan(105);
  expect((await m.simSeconds()) - scheduledAt).toBeGreaterThanOrEqual(20 + 59);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeLessThan(105);
});

test('a day-night pattern swings the offered load between the base and the peak', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(box());
  await m.play('5');
  await m.select('users-1');
  await page.getByTestId('mech-peak').fill('300');
  await page.getByTestId('mech-spike-len').fill('120');
  await page.getByTestId('mech-diurnal').click();
  await expect(page.getByTestId('param-pattern')).toHaveValue('diurnal');
  await expect(page.getByTestId('param-durationSec')).toHaveValue('120');
  // Base at the start of each period, peak half a period (60 s) later: two whole swings, each
  // polled on the value shown now (the extremes are kept apart to check the range).
  let lowest = Infinity;
  let highest = 0;
  const measured = async () => {
    const v = await m.numberIn('mech-rate-measured');
    lowest = Math.min(lowest, v);
    highest = Math.max(highest, v);
    return v;
  };
  const startedAt = await m.simSeconds();
  for (let swing = 0; swing < 2; swing++) {
    await expect.poll(measured, LONG).toBeGreaterThan(270);
    await expect.poll(measured, LONG).toBeLessThan(130);
  }
  // Two periods of 120 s, less the half period before the first peak.
  expect((await m.simSeconds()) - startedAt).toBeGreaterThanOrEqual(180);
  expect(highest).toBeLessThanOrEqual(301);
  expect(lowest).toBeGreaterThanOrEqual(99);
  await m.pause();
  await m.select('server-1');
  await page.getByTestId('metrics-tab-charts').click();
  await screenshot(page, 'controls-diurnal');
});

test('the timeline and the images are saved with the topology: a reload keeps and replays them', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(box());
  await m.play('10');
  await expect.poll(() => m.simSeconds(), LONG).toBeGreaterThan(20);
  await m.pause();
  const at = Math.floor(await m.simSeconds());
  await m.select('server-1');
  await page.getByTestId('mech-kill-timeline').click();
  await page.getByTestId('mech-lose-az-b-timeline').click();
  await page.getByTestId('mech-create-image').click();
  await expect(page.getByTestId('mech-image-pick')).toHaveValue('0');
  await expect(page.getByTestId('mech-image-pick').locator('option')).toHaveText([
    'ami-001 (server-1)',
  ]);
  await m.select('users-1');
  await page.getByTestId('mech-rate').fill('200');
  await page.getByTestId('mech-set-rate-timeline').click();
  const events = page.locator('[data-testid^="mech-event-"]:not([data-testid*="delete"])');
  const timeline = ['kill server-1', 'lose AZ b', 'users-1: 200 req/s'].map(
    (what) => new RegExp(`^${at} s\\s*${what}`),
  );
  await expect(events).toHaveText(timeline);

  await new EditorPage(page).savedWorkspace(
    (w) => JSON.stringify(w).includes('ami-001') && JSON.stringify(w).includes('"setRate"'),
  );
  await page.reload();
  await m.select('server-1');
  await expect(events).toHaveText(timeline);
  await expect(page.getByTestId('mech-image-pick').locator('option')).toHaveText([
    'ami-001 (server-1)',
  ]);
  await page.getByTestId('mech-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'controls-timeline-reloaded');

  // Replayed from 0:00: the server serves until the kill is due, then it is down.
  await m.play('5');
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeGreaterThan(95);
  await expect(page.getByTestId('health-server-1')).toHaveText('down', LONG);
  expect(await m.simSeconds()).toBeGreaterThanOrEqual(at);
  await expect.poll(() => m.errorPct(), LONG).toBeGreaterThan(99);
  // The clone launched from the reloaded image is the same machine.
  await page.getByTestId('mech-launch').click();
  await expect(m.node('server-2')).toBeVisible();
  await expect(page.getByTestId('param-instanceType')).toHaveValue('m5.2xlarge');
});
