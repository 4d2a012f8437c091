import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCREENSHOT_DIR } from '../fixtures';

type Json = Record<string, unknown>;

/** A topology document for a seed: nodes and `[from, to]` links named link-1, link-2, … */
export const doc = (nodes: Json[], links: [string, string][], events: Json[] = []) => ({
  format: 'scale-out-lab/topology',
  version: 1,
  name: 'mechanics',
  nodes,
  links: links.map(([from, to], i) => ({ id: `link-${i + 1}`, from, to })),
  scenario: { seed: 1, events },
});

/** A node of a seed topology, labelled with its id. */
export const n = (id: string, kind: string, x: number, y: number, params: Json = {}) => ({
  id,
  kind,
  label: id,
  x,
  y,
  params,
});

/** Generous polling for simulated effects (the machine may be loaded). */
export const LONG = { timeout: 45_000, intervals: [250, 500, 1000] };

/**
 * The app as a learner drives the scale-out mechanics: a seeded workspace, the playback bar, the
 * numbers on cards and in the inspector's mechanics panels.
 */
export class MechanicsPage {
  constructor(readonly page: Page) {}

  /** Opens the app with `topology` as the autosaved workspace (a reload keeps what it saved). */
  async seed(topology: unknown): Promise<void> {
    await this.page.addInitScript(
      (envelope) => {
        if (sessionStorage.getItem('e2e-seeded')) return;
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.setItem('scale-out-lab/workspace', JSON.stringify(envelope));
      },
      { v: 1, savedAt: new Date().toISOString(), topology },
    );
    await this.page.goto('./');
  }

  async speed(speed: string): Promise<void> {
    await this.page.getByTestId('speed').selectOption(speed);
  }

  async play(speed = '100'): Promise<void> {
    await this.speed(speed);
    await this.page.getByTestId('play').click();
    await expect(this.page.getByTestId('pause')).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.page.getByTestId('pause').click();
    await expect(this.page.getByTestId('play')).toBeVisible();
  }

  /** The simulated clock the playback bar shows, in seconds. */
  async simSeconds(): Promise<number> {
    const text = (await this.page.getByTestId('sim-time').textContent()) ?? '';
    return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  }

  /** The first number in an element's text ("95 %" → 95, "<1 %" → 0, "1,200" → 1200). */
  async numberOf(locator: Locator): Promise<number> {
    const text = ((await locator.textContent()) ?? '').replace(/,/g, '');
    if (text.includes('<1')) return 0;
    const m = /-?\d+(\.\d+)?/.exec(text);
    return m ? Number(m[0]) : NaN;
  }

  /** The first number shown in a test id's text. */
  numberIn(testId: string): Promise<number> {
    return this.numberOf(this.page.getByTestId(testId));
  }

  /** The end-to-end error share the playback bar shows, in percent. */
  errorPct(): Promise<number> {
    return this.numberIn('global-errors');
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** Selects a node by clicking its card's title area; the inspector shows it. */
  async select(id: string): Promise<void> {
    await this.node(id).click({ position: { x: 20, y: 12 } });
    await expect(this.page.getByTestId(`inspect-${id}`)).toBeVisible();
  }

  /** Saves one node card, enlarged, as test-results/screenshots/<project>-<name>.png. */
  async cardShot(id: string, name: string): Promise<void> {
    const file = path.join(SCREENSHOT_DIR, `${test.info().project.name}-${name}.png`);
    await this.node(id).screenshot({ path: file, scale: 'device' });
  }

  /** A row of a load balancer's live target list. */
  target(id: string): Locator {
    return this.page.getByTestId(`mech-target-${id}`);
  }
}
