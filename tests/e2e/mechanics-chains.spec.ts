import { expect, screenshot, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { doc, LONG, MechanicsPage, n } from './pages/MechanicsPage';

/**
 * Scale-out chains 5, 7 and 8 by hand: failover behind DNS round robin, an auto scaling group
 * following a load step both ways, and a clone that serves only after its first healthy check.
 * Each seeds a topology, then works through the canvas, the inspector and the playback bar only.
 */
test.describe.configure({ timeout: 150_000 });

test('kill one of two servers behind DNS round robin: failures last until the cached answers expire', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  const ttl = 20;
  await m.seed(
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 100, cohorts: 10 }),
        n('dns-1', 'dns', 240, 140, { ttlSec: ttl, jitterPct: 10 }),
        n('server-1', 'server', 500, 40, { roles: ['web', 'app', 'db'], az: 'a' }),
        n('server-2', 'server', 500, 260, { roles: ['web', 'app', 'db'], az: 'b' }),
      ],
      [
        ['users-1', 'dns-1'],
        ['dns-1', 'server-1'],
        ['dns-1', 'server-2'],
      ],
    ),
  );
  await m.play('10');
  await m.select('dns-1');
  const cohorts = page.locator('[data-testid^="mech-cohort-"]');
  const dead = page.locator('[data-testid^="mech-cohort-"][data-dead="true"]');
  await expect(cohorts).toHaveCount(10, LONG);
  await expect(page.getByTestId('mech-dns')).toContainText(`TTL ${ttl} s · 2 records`);
  expect(await m.errorPct()).toBeLessThan(1);

  await m.select('server-1');
  await page.getByTestId('mech-kill').click();
  await expect(page.getByTestId('health-server-1')).toBeVisible(LONG);
  await m.select('dns-1');
  // The record stays, so the cohorts that cached it fail and, on expiry, some get it again: the
  // failures do not stop by themselves (no health checks in DNS). The error share the playback bar
  // shows is the share of cohorts that hold the dead address (each cohort sends the same rate).
  await expect(dead.first()).toBeVisible(LONG);
  await expect(dead.first()).toContainText('✕ dead');
  const killedAt = await m.simSeconds();
  await expect.poll(() => m.simSeconds(), LONG).toBeGreaterThan(killedAt + 2 * ttl);
  await m.pause();
  const deadShare = ((await dead.count()) / 10) * 100;
  expect(deadShare).toBeGreaterThanOrEqual(20);
  expect(deadShare).toBeLessThanOrEqual(80);
  expect(Math.abs((await m.errorPct()) - deadShare)).toBeLessThanOrEqual(0.5);
  await page.getByTestId('mech-dns').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-dns-dead-cached');

  // Remove the dead server's record: cohorts still holding it keep failing until their caches
  // expire (TTL plus up to 10 % jitter), then everyone resolves to server-2.
  const editor = new EditorPage(page);
  await editor.selectLink('link-2');
  await page.getByTestId('delete-link').click();
  await m.select('dns-1');
  await expect(page.getByTestId('mech-dns')).toContainText(`TTL ${ttl} s · 1 record`);
  const removedAt = await m.simSeconds();
  await m.play('2');
  expect(await m.errorPct()).toBeGreaterThan(10);
  await expect(dead).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(() => m.errorPct(), LONG).toBeLessThan(0.1);
  const stoppedAfter = (await m.simSeconds()) - removedAt;
  // Failures outlived the record change, and stopped within the TTL plus jitter (+ poll lag).
  expect(stoppedAfter).toBeGreaterThan(1);
  expect(stoppedAfter).toBeLessThanOrEqual(ttl * 1.1 + 4);
  for (let i = 0; i < 10; i++)
    await expect(page.getByTestId(`mech-cohort-${i}`)).toContainText('→ server-2');
  await screenshot(page, 'mech-dns-recovered');
});

test('an auto scaling group grows after a load step and shrinks after it ends', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const m = new MechanicsPage(page);
  await m.seed(
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 100 }),
        n('lb-1', 'lb', 240, 140, { deregistrationDelaySec: 30 }),
        n('asg-1', 'asg', 500, 140, {
          roles: ['web', 'app'],
          minSize: 2,
          desired: 2,
          maxSize: 8,
          targetValue: 50,
          cooldownSec: 60,
        }),
        n('db-1', 'dbPrimary', 780, 140, { instanceType: 'r5.xlarge' }),
      ],
      [
        ['users-1', 'lb-1'],
        ['lb-1', 'asg-1'],
        ['asg-1', 'db-1'],
      ],
    ),
  );
  const instances = page.locator('[data-testid^="mech-instance-asg-1#"]');
  const inService = instances.and(page.locator('[data-state="inService"]'));
  const launching = instances.and(page.locator(':not([data-state="inService"])'));
  await m.play('25');
  await m.select('asg-1');
  await expect(inService).toHaveCount(2, LONG);
  const calmCpu = await m.numberIn('util-asg-1');
  // The same instances are drawn on the group's card, one chip each, with their state in words.
  const chips = page.locator('[data-testid^="asg-chip-asg-1#"]');
  const chipsInService = chips.and(page.locator('[data-state="inService"]'));
  await expect(chips).toHaveCount(2);
  await expect(chipsInService).toHaveCount(2);
  await expect(page.getByTestId('asg-counts-asg-1')).toHaveText('2 in service');

  // The load step, by the live slider: 100 → 300 req/s.
  await m.select('users-1');
  await page.getByTestId('mech-rate').fill('300');
  const stepAt = await m.simSeconds();
  await expect.poll(() => m.numberIn('mech-rate-measured'), LONG).toBeGreaterThan(280);
  // Two instances of 11 ms a request at 300 req/s: about 3 × the calm CPU, over the 50 % target.
  await expect.poll(() => m.numberIn('util-asg-1'), LONG).toBeGreaterThan(70);
  const hotCpu = await m.numberIn('util-asg-1');
  expect(hotCpu).toBeGreaterThan(2.5 * calmCpu);

  await m.select('asg-1');
  // New instances appear as they launch (booting, registering, warming) before they serve.
  await expect(launching.first()).toBeVisible({ timeout: 60_000 });
  const launchedAfter = (await m.simSeconds()) - stepAt;
  // Target tracking waits for 3 breaching one-minute periods before it scales out.
  expect(launchedAfter).toBeGreaterThanOrEqual(150);
  await expect.poll(() => chips.count()).toBeGreaterThan(2);
  await expect(page.getByTestId('asg-counts-asg-1')).toHaveText(
    /^(\d (pending|booting|registering|warming up) · )+2 in service$/,
  );
  await screenshot(page, 'mech-asg-launching');
  await m.cardShot('asg-1', 'mech-asg-card-launching');
  await expect(inService).toHaveCount(4, { timeout: 60_000 });
  const grownAt = await m.simSeconds();
  await expect(instances).toHaveCount(4);
  await expect(chipsInService).toHaveCount(4, LONG);
  await expect(page.getByTestId('asg-chips-asg-1')).toHaveAttribute('data-count', '4');
  await expect.poll(() => m.numberIn('util-asg-1'), LONG).toBeLessThan(50);
  await page.getByTestId('mech-asg').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-asg-grown');
  await m.cardShot('asg-1', 'mech-asg-card-grown');

  // The step ends: back to 100 req/s. The group scales in to its minimum after 15 one-minute
  // periods below the target, counted from when the new instances took their share (they were at
  // ~41 % already, under the 50 % target), so not before ~13 minutes after they came in service
  // (their warm-up and the minute boundaries take up to two of the 15).
  await m.select('users-1');
  // The slider opens at the load offered now, not at the saved rate.
  await expect(page.getByTestId('mech-rate')).toHaveValue('300');
  await page.getByTestId('mech-rate').fill('100');
  const endAt = await m.simSeconds();
  await m.speed('100');
  await m.select('asg-1');
  await expect(inService).toHaveCount(2, { timeout: 90_000 });
  const shrunkAt = await m.simSeconds();
  expect(shrunkAt).toBeGreaterThan(endAt);
  expect(shrunkAt - grownAt).toBeGreaterThanOrEqual(13 * 60);
  await expect(instances).toHaveCount(2, LONG);
  await m.pause();
  await expect(chips).toHaveCount(2);
  await expect(page.getByTestId('asg-counts-asg-1')).toHaveText('2 in service');
  await m.cardShot('asg-1', 'mech-asg-card-shrunk');
  // A chip is a button with a name: from the keyboard it opens the group in the inspector.
  await m.select('users-1');
  const chip = chips.first();
  await expect(chip).toHaveAccessibleName(/^asg-1#\d+: in service, AZ [abc]\. Show the group/);
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspect-asg-1')).toBeVisible();
  await expect.poll(() => m.numberIn('util-asg-1'), LONG).toBeGreaterThan(calmCpu * 0.8);
  expect(await m.numberIn('util-asg-1')).toBeLessThan(calmCpu * 1.25);
  await page.getByTestId('mech-asg').scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-asg-shrunk');
});

test('launch from image: the clone gets no traffic until its first healthy check, then serves', async ({
  page,
}) => {
  const m = new MechanicsPage(page);
  await m.seed(
    doc(
      [
        n('users-1', 'users', 0, 140, { rate: 100 }),
        n('lb-1', 'lb', 240, 140),
        n('server-1', 'server', 500, 140, { roles: ['web', 'app', 'db'] }),
      ],
      [
        ['users-1', 'lb-1'],
        ['lb-1', 'server-1'],
      ],
    ),
  );
  await m.play('10');
  await m.select('lb-1');
  await expect(m.target('server-1')).toHaveAttribute('data-state', 'healthy', LONG);
  await m.select('server-1');
  await page.getByTestId('mech-create-image').click();
  await expect(page.getByTestId('mech-image-lb')).toHaveValue('lb-1');
  // Slow the clock so the clone's boot and first checks last long enough to read.
  await m.speed('5');
  await page.getByTestId('mech-launch').click();
  await expect(m.node('server-2')).toBeVisible();
  await m.select('lb-1');
  const clone = m.target('server-2');
  await expect(clone).toHaveAttribute('data-state', 'initial', LONG);
  const launchedAt = await m.simSeconds();

  // While initial: no share of the LB's traffic and nothing through the clone's card; the
  // original serves everything.
  let samples = 0;
  while ((await clone.getAttribute('data-state')) === 'initial' && samples < 20) {
    expect(await m.numberIn('mech-target-share-server-2')).toBe(0);
    const cloneRate = page.getByTestId('rate-server-2');
    if ((await cloneRate.count()) > 0) expect(await m.numberOf(cloneRate)).toBe(0);
    expect(await m.numberIn('mech-target-share-server-1')).toBe(100);
    if (samples === 0) {
      await clone.scrollIntoViewIfNeeded();
      await screenshot(page, 'mech-clone-initial');
    }
    samples++;
    await page.waitForTimeout(500);
  }
  expect(samples).toBeGreaterThanOrEqual(3);

  await expect(clone).toHaveAttribute('data-state', 'healthy', { timeout: 90_000 });
  // It passed its checks after booting (45 s) and the healthy threshold of checks.
  expect((await m.simSeconds()) - launchedAt).toBeGreaterThan(30);
  await m.speed('10');
  await expect.poll(() => m.numberIn('rate-server-2'), LONG).toBeGreaterThan(40);
  await expect.poll(() => m.numberIn('mech-target-share-server-2'), LONG).toBe(50);
  expect(await m.numberIn('mech-target-share-server-1')).toBe(50);
  await expect.poll(() => m.numberIn('rate-server-1'), LONG).toBeLessThan(60);
  expect(await m.errorPct()).toBeLessThan(0.1);
  await clone.scrollIntoViewIfNeeded();
  await screenshot(page, 'mech-clone-serving');
});
