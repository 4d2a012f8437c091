import { expect, type Locator, type Page } from '@playwright/test';

/** The monitoring panel below the canvas: tabs, charts, table, compare, alerts. */
export class MetricsPanelPage {
  readonly panel: Locator;
  readonly liveRegion: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('metrics-panel');
    this.liveRegion = page.getByTestId('live-region');
    this.table = page.getByTestId('metrics-table');
  }

  tab(name: 'charts' | 'table' | 'compare'): Locator {
    return this.page.getByTestId(`metrics-tab-${name}`);
  }

  chart(id: string): Locator {
    return this.page.getByTestId(`chart-${id}`);
  }

  cell(node: string, column: string): Locator {
    return this.page.getByTestId(`cell-${node}-${column}`);
  }

  async open(name: 'charts' | 'table' | 'compare') {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The recharts surface of a chart has drawn its lines. */
  async expectDrawn(id: string) {
    await expect(this.chart(id).locator('.recharts-line-curve').first()).toBeVisible();
  }
}
