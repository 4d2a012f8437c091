import { expect, screenshot, test } from './fixtures';
import { EditorPage, WORKSPACE_KEY } from './pages/EditorPage';

test.describe('editor', () => {
  // A laptop-sized window: room for the palette, the canvas, the inspector and the monitoring.
  test.use({ viewport: { width: 1440, height: 900 } });

  test('builds a three-tier system by dragging and connecting, and refuses a wrong link', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await expect(page.getByTestId('canvas-hint')).toBeVisible();

    // Four cards in a row fit the canvas (about 850 px wide at this viewport) when zoomed out.
    await editor.zoomOutTo(0.72);
    await editor.dragFromPalette('users', 120, 250);
    await editor.dragFromPalette('server', 330, 250);
    await editor.dragFromPalette('server', 540, 250);
    await editor.dragFromPalette('dbPrimary', 750, 250);
    await expect(editor.nodes).toHaveCount(4);
    expect(await editor.nodeIds()).toEqual(['users-1', 'server-1', 'server-2', 'db-1']);
    await expect(page.getByTestId('canvas-hint')).toHaveCount(0);

    // The web tier: web role only, named by its job.
    await editor.select('server-1');
    await editor.param('label').fill('web');
    await editor.param('roles-app').uncheck();
    await editor.param('roles-db').uncheck();
    await expect(editor.node('server-1')).toContainText('web');
    await expect(editor.node('server-1').getByTestId('role-server-1-web')).toBeVisible();
    await expect(editor.node('server-1').getByTestId('role-server-1-app')).toHaveCount(0);

    await editor.select('server-2');
    await editor.param('label').fill('app');
    await editor.param('roles-web').uncheck();
    await editor.param('roles-db').uncheck();
    await expect(editor.node('server-2').getByTestId('role-server-2-app')).toBeVisible();
    await expect(editor.node('server-2').getByTestId('role-server-2-web')).toHaveCount(0);

    await editor.connect('users-1', 'server-1');
    await editor.connect('server-1', 'server-2');
    await editor.connect('server-2', 'db-1');
    await expect(editor.edges).toHaveCount(3);
    const saved = await editor.savedWorkspace((w) => w.topology.links.length === 3);
    expect(saved.topology.links.map((l) => [l.from, l.to])).toEqual([
      ['users-1', 'server-1'],
      ['server-1', 'server-2'],
      ['server-2', 'db-1'],
    ]);
    expect(saved.topology.nodes.find((n) => n.id === 'server-1')?.params['roles']).toEqual(['web']);
    await editor.clearSelection();
    await editor.fitView();
    await screenshot(page, 'three-tier');

    // A database never calls the users: the link is refused and the reason is on screen.
    await editor.connect('db-1', 'users-1');
    await expect(editor.edges).toHaveCount(3);
    const toast = editor.toasts.filter({ hasText: 'is not allowed' });
    await expect(toast).toContainText('DB primary → Users is not allowed');
    await expect(toast).toContainText('Read replica');
    await expect(page.getByRole('status').filter({ has: toast })).toBeVisible();
    await screenshot(page, 'refused-link');
    // The notice goes away on its own.
    await expect(toast).toHaveCount(0, { timeout: 8000 });
  });

  test('refuses a link into a load balancer from a database, naming what is allowed', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.add('dbPrimary');
    await editor.add('lb');
    await editor.connect('db-1', 'lb-1');
    await expect(editor.edges).toHaveCount(0);
    await expect(editor.toasts).toContainText('DB primary → Load balancer is not allowed');
  });

  test('an invalid parameter shows its error inline and never reaches the model', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.add('server');
    await editor.select('server-1');
    const boot = editor.param('bootSec');
    await expect(boot).toHaveValue('45');

    await boot.fill('0');
    const error = editor.inspector.getByRole('alert');
    await expect(error).toHaveText('Must be at least 5');
    await expect(boot).toHaveAttribute('aria-invalid', 'true');
    await expect(boot).toHaveAttribute('aria-describedby', /error/);
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 'invalid-param');
    const saved = await editor.savedWorkspace((w) => w.topology.nodes.length === 1);
    expect(saved.topology.nodes[0]?.params['bootSec']).toBe(45);

    // Leaving the node drops the invalid draft; the model still says 45.
    await editor.clearSelection();
    await editor.select('server-1');
    await expect(editor.param('bootSec')).toHaveValue('45');
    await expect(editor.inspector.getByRole('alert')).toHaveCount(0);

    // A valid value goes through, and is one undo step however it was typed.
    await editor.param('bootSec').fill('90');
    await expect(editor.inspector.getByRole('alert')).toHaveCount(0);
    await editor.savedWorkspace((w) => w.topology.nodes[0]?.params['bootSec'] === 90);
    await page.getByTestId('undo').click();
    await expect(editor.param('bootSec')).toHaveValue('45');
  });

  test('undo and redo round-trip, from the toolbar and the keyboard', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    const undo = page.getByTestId('undo');
    const redo = page.getByTestId('redo');
    await expect(undo).toBeDisabled();
    for (const kind of ['users', 'lb', 'server']) await editor.add(kind);
    await expect(editor.nodes).toHaveCount(3);

    await undo.click();
    await expect(editor.nodes).toHaveCount(2);
    await undo.click();
    await expect(editor.nodes).toHaveCount(1);
    await redo.click();
    await expect(editor.nodes).toHaveCount(2);
    await redo.click();
    await expect(editor.nodes).toHaveCount(3);
    await expect(redo).toBeDisabled();

    await editor.pane.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+z');
    await expect(editor.nodes).toHaveCount(2);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(editor.nodes).toHaveCount(3);

    // Duplicate and delete the selection, then undo both.
    await editor.select('lb-1');
    await page.keyboard.press('ControlOrMeta+d');
    await expect(editor.nodes).toHaveCount(4);
    await expect(editor.node('lb-2')).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(editor.nodes).toHaveCount(3);
    await expect(editor.node('lb-2')).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(editor.nodes).toHaveCount(3);
    expect(await editor.nodeIds()).toEqual(['users-1', 'lb-1', 'server-1']);
  });

  test('a drag moves a node on the grid and is one undo step', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.add('server');
    const first = await editor.savedWorkspace((w) => w.topology.nodes.length === 1);
    const before = first.topology.nodes[0]!;
    await editor.moveNode('server-1', 93, 57);
    const after = await editor.savedWorkspace((w) => w.topology.nodes[0]?.x !== before.x);
    const moved = after.topology.nodes[0]!;
    // The first few pixels of a drag are a click threshold: assert a range, not exact pixels.
    expect(moved.x - before.x).toBeGreaterThanOrEqual(70);
    expect(moved.x - before.x).toBeLessThanOrEqual(110);
    expect(moved.y - before.y).toBeGreaterThanOrEqual(40);
    expect(moved.y - before.y).toBeLessThanOrEqual(70);
    expect(moved.x % 10).toBe(0);
    expect(moved.y % 10).toBe(0);
    await page.getByTestId('undo').click();
    await editor.savedWorkspace(
      (w) => w.topology.nodes[0]?.x === before.x && w.topology.nodes[0]?.y === before.y,
    );
    await expect(page.getByTestId('undo')).toBeEnabled(); // adding the node is still undoable
  });

  test('a link can be selected, edited, cut and deleted', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    for (const kind of ['users', 'server']) await editor.add(kind);
    await editor.connect('users-1', 'server-1');
    await expect(editor.edges).toHaveCount(1);
    await editor.selectLink('link-1');
    await expect(editor.inspector).toContainText('users-1 → server-1');

    const latency = editor.param('latencyMs');
    await expect(latency).toHaveValue('');
    await latency.fill('-3');
    await expect(editor.inspector.getByRole('alert')).toContainText('between 0 and 10000 ms');
    await latency.fill('12.5');
    await expect(editor.inspector.getByRole('alert')).toHaveCount(0);
    await editor.param('cut').check();
    const path = page.locator('.react-flow__edge[data-id="link-1"] .react-flow__edge-path');
    await expect(path).toHaveCSS('stroke-dasharray', /7/);
    const saved = await editor.savedWorkspace((w) => w.topology.links[0]?.cut === true);
    expect(saved.topology.links[0]).toMatchObject({ latencyMs: 12.5, cut: true });

    // Backspace in a field edits the field; on the canvas it deletes the selection.
    await latency.press('Backspace');
    await expect(editor.edges).toHaveCount(1);
    await editor.pane.click({ position: { x: 5, y: 5 } });
    await editor.selectLink('link-1');
    await page.keyboard.press('Delete');
    await expect(editor.edges).toHaveCount(0);
    await expect(editor.nodes).toHaveCount(2);
  });

  test('the palette works from the keyboard, and copy/paste keeps links', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.paletteItem('users').focus();
    await page.keyboard.press('Enter');
    await editor.paletteItem('server').focus();
    await page.keyboard.press('Enter');
    await expect(editor.nodes).toHaveCount(2);
    await editor.connect('users-1', 'server-1');
    await expect(editor.edges).toHaveCount(1);

    // Shift-click adds to the selection; copy and paste bring both nodes and their link.
    await editor.select('users-1');
    await editor
      .node('server-1')
      .locator('.truncate')
      .first()
      .click({ modifiers: ['Shift'] });
    await expect(editor.inspector.getByTestId('inspect-multi')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    await expect(editor.nodes).toHaveCount(4);
    await expect(editor.edges).toHaveCount(2);
    expect(await editor.nodeIds()).toEqual(['users-1', 'server-1', 'users-2', 'server-2']);
  });

  test('reload restores the workspace', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    for (const kind of ['users', 'server']) await editor.add(kind);
    await editor.connect('users-1', 'server-1');
    await expect(editor.edges).toHaveCount(1);
    await editor.select('server-1');
    await editor.param('instanceType').selectOption('m5.xlarge');
    await expect(editor.node('server-1')).toContainText('4 vCPU');
    await editor.savedWorkspace((w) => w.topology.links.length === 1);

    await page.reload();
    await expect(editor.nodes).toHaveCount(2);
    await expect(editor.edges).toHaveCount(1);
    await expect(editor.node('server-1')).toContainText('m5.xlarge');
    await expect(page.getByTestId('undo')).toBeDisabled();
    await screenshot(page, 'restored');
  });

  test('an unreadable save is kept aside and the workspace starts empty', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await page.evaluate(
      (k) => localStorage.setItem(k, '{"v":1,"topology":{"nodes":7}}'),
      WORKSPACE_KEY,
    );
    await page.reload();
    await expect(editor.toasts).toContainText('The saved workspace could not be opened');
    await expect(editor.toasts).toContainText(`${WORKSPACE_KEY}/corrupt-`);
    await expect(editor.nodes).toHaveCount(0);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.includes('/corrupt-')),
    );
    expect(backups).toHaveLength(1);
    await screenshot(page, 'corrupt-save');
  });

  test('a failing storage shows a banner and loses nothing in the page', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const editor = new EditorPage(page);
    await editor.open();
    await editor.add('server');
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toContainText(
      'Changes are not being saved in this browser: the storage is full',
    );
    await editor.add('users');
    await expect(editor.nodes).toHaveCount(2);
    await screenshot(page, 'storage-banner');
  });

  test('switching to Korean changes the interface and is remembered', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    await editor.add('server');
    await editor.setLanguage('ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(editor.paletteItem('users')).toHaveText('사용자');
    await expect(editor.paletteItem('lb')).toHaveText('로드 밸런서');
    await expect(page.getByTestId('palette-panel')).toContainText('구성 요소');
    await expect(page.getByTestId('undo')).toHaveAccessibleName('실행 취소');
    await expect(editor.node('server-1')).toContainText('서버');
    await expect(editor.node('server-1')).toContainText('vCPU 2개');
    await expect(editor.inspector).toContainText('부팅 시간');
    await expect(editor.inspector).toContainText('인스턴스 유형');
    await editor.param('bootSec').fill('1');
    await expect(editor.inspector.getByRole('alert')).toHaveText('5 이상이어야 합니다');
    await editor.inspector.getByRole('alert').scrollIntoViewIfNeeded();
    await screenshot(page, 'korean');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(editor.paletteItem('server')).toHaveText('서버');
  });

  test.describe('in a Korean browser', () => {
    test.use({ locale: 'ko-KR' });

    test('the interface starts in Korean', async ({ page }) => {
      const editor = new EditorPage(page);
      await editor.open();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(editor.paletteItem('dbPrimary')).toHaveText('DB 프라이머리');
      await expect(page.getByTestId('canvas-hint')).toContainText('상자 하나로 시작해 보세요');
    });
  });

  test('dark theme', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.open();
    for (const kind of ['users', 'lb', 'server', 'dbPrimary']) await editor.add(kind);
    await editor.fitView();
    await editor.connect('users-1', 'lb-1');
    await editor.connect('lb-1', 'server-1');
    await editor.connect('server-1', 'db-1');
    await expect(editor.edges).toHaveCount(3);
    // "System" (the default) follows the operating system, live.
    const html = page.locator('html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'light');
    // A chosen theme wins over the system.
    await page.getByTestId('theme-dark').click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await editor.select('lb-1');
    await editor.fitView();
    await screenshot(page, 'dark');
  });

  test('on a phone the panels are drawers', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const editor = new EditorPage(page);
    await editor.open();
    await expect(page.getByTestId('palette-panel')).toBeHidden();
    await expect(page.getByTestId('inspector-panel')).toBeHidden();
    await screenshot(page, 'phone');

    await page.getByTestId('toggle-palette').click();
    await expect(page.getByTestId('palette-panel')).toBeVisible();
    await screenshot(page, 'phone-palette');
    await editor.add('server');
    await expect(page.getByTestId('palette-panel')).toBeHidden();
    await expect(editor.nodes).toHaveCount(1);

    await page.getByTestId('toggle-inspector').click();
    await expect(page.getByTestId('inspector-panel')).toBeVisible();
    await expect(editor.param('instanceType')).toBeVisible();
    await screenshot(page, 'phone-inspector');
    await page.getByTestId('inspector-panel').getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('inspector-panel')).toBeHidden();
  });
});
