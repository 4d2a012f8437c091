import { expect, type Locator, type Page } from '@playwright/test';

export const WORKSPACE_KEY = 'scale-out-lab/workspace';

export interface SavedWorkspace {
  v: number;
  topology: {
    nodes: {
      id: string;
      kind: string;
      label: string;
      x: number;
      y: number;
      params: Record<string, unknown>;
    }[];
    links: { id: string; from: string; to: string; latencyMs: number | null; cut: boolean }[];
  };
}

/** The editor as a user sees it: palette, canvas, inspector, toolbar. */
export class EditorPage {
  readonly app: Locator;
  readonly pane: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly inspector: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.app = page.getByTestId('app');
    this.pane = page.locator('.react-flow__pane');
    this.nodes = page.locator('.react-flow__node');
    this.edges = page.locator('.react-flow__edge');
    this.inspector = page.getByTestId('inspector');
    this.toasts = page.getByTestId('toast');
  }

  async open() {
    await this.page.goto('./');
    await expect(this.app).toBeVisible();
    await expect(this.pane).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette-${kind}`);
  }

  param(key: string): Locator {
    return this.inspector.getByTestId(`param-${key}`);
  }

  /** The canvas zoom, read from React Flow's viewport transform. */
  async zoom(): Promise<number> {
    const transform = await this.page
      .locator('.react-flow__viewport')
      .evaluate((el) => (el as HTMLElement).style.transform);
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
  }

  /** Zooms out with the canvas controls until the zoom is at most `max`. */
  async zoomOutTo(max: number) {
    for (let i = 0; i < 20 && (await this.zoom()) > max; i++) {
      const before = await this.zoom();
      await this.page.getByRole('button', { name: 'Zoom out' }).click();
      await expect.poll(() => this.zoom()).toBeLessThan(before);
    }
  }

  /** Waits until the viewport stops moving (after a fit or a pan animation). */
  async settle() {
    const viewport = this.page.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(async () => {
        const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
        const settled = now === last;
        last = now;
        return settled;
      })
      .toBe(true);
  }

  /** Fits the view with the toolbar button and waits for the animation to settle. */
  async fitView() {
    await this.page.getByTestId('fit-view').click();
    await this.settle();
  }

  /** Adds a node by clicking its palette item; the view may pan to show it. */
  async add(kind: string) {
    const count = await this.nodes.count();
    await this.paletteItem(kind).click();
    await expect(this.nodes).toHaveCount(count + 1);
    await this.settle();
  }

  /** Drags a palette item onto the canvas (HTML5 drag and drop) and drops it at (x, y) of the pane. */
  async dragFromPalette(kind: string, x: number, y: number) {
    await this.paletteItem(kind).dragTo(this.pane, { targetPosition: { x, y } });
  }

  /**
   * Drags from `from`'s outgoing handle to `to`'s incoming handle (or onto its card when it has
   * none). React Flow ignores the first small move as a click, so the pointer travels in steps.
   */
  async connect(from: string, to: string) {
    const source = this.page.getByTestId(`handle-out-${from}`);
    const inHandle = this.page.getByTestId(`handle-in-${to}`);
    const target = (await inHandle.count()) > 0 ? inHandle : this.node(to);
    // A new card grows when its first numbers arrive, moving its handles: aim once both settle.
    const a = await settledBox(source);
    const b = await settledBox(target);
    if (!a || !b) throw new Error(`cannot see both ends of ${from} -> ${to}`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 4, { steps: 3 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Drags a node card by (dx, dy) screen pixels, in steps as a hand would. */
  async moveNode(id: string, dx: number, dy: number) {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    const x = box.x + 40;
    const y = box.y + 20;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Clicks the middle of a link's path to select it. */
  async selectLink(id: string) {
    const path = this.page.locator(
      `.react-flow__edge[data-id="${id}"] .react-flow__edge-interaction`,
    );
    const point = await path.evaluate((el) => {
      const p = el as SVGPathElement;
      const mid = p.getPointAtLength(p.getTotalLength() / 2);
      const m = p.getScreenCTM();
      return m ? { x: mid.x * m.a + m.e, y: mid.y * m.d + m.f } : null;
    });
    if (!point) throw new Error(`link ${id} is not drawn`);
    await this.page.mouse.click(point.x, point.y);
    await expect(this.inspector.getByTestId(`inspect-${id}`)).toBeVisible();
  }

  /** Selects a node by clicking its title. */
  async select(id: string) {
    await this.node(id).locator('.truncate').first().click();
    await expect(this.inspector.getByTestId(`inspect-${id}`)).toBeVisible();
  }

  async clearSelection() {
    await this.pane.click({ position: { x: 10, y: 10 } });
    await expect(this.inspector.getByTestId('inspect-topology')).toBeVisible();
  }

  async nodeIds(): Promise<string[]> {
    return this.nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  }

  /** Waits for autosave to have written a workspace matching `check`, and returns it. */
  async savedWorkspace(
    check: (w: SavedWorkspace) => boolean = () => true,
  ): Promise<SavedWorkspace> {
    let saved: SavedWorkspace | null = null;
    await expect
      .poll(async () => {
        const raw = await this.page.evaluate((k) => localStorage.getItem(k), WORKSPACE_KEY);
        saved = raw ? (JSON.parse(raw) as SavedWorkspace) : null;
        return saved !== null && check(saved);
      })
      .toBe(true);
    return saved as unknown as SavedWorkspace;
  }

  async setLanguage(lang: 'en' | 'ko') {
    await this.page.getByTestId('language').selectOption(lang);
  }
}

/** A locator's bounding box once it stops moving (the same in two reads 100 ms apart). */
async function settledBox(locator: Locator): Promise<Box | null> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 30; i++) {
    await locator.page().waitForTimeout(100);
    const now = await locator.boundingBox();
    if (
      now &&
      last &&
      now.x === last.x &&
      now.y === last.y &&
      now.width === last.width &&
      now.height === last.height
    )
      return now;
    last = now;
  }
  return last;
}

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;
