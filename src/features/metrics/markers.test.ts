import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../core/sim';
import { CATEGORY_STYLE, EVENT_STYLE, markersFor } from './markers';

describe('markersFor', () => {
  const events: SimEvent[] = [
    { time: 10, type: 'killed', node: 'web-1' },
    { time: 50, type: 'instanceLaunched', node: 'asg-1#1' },
    { time: 51, type: 'instanceLaunched', node: 'asg-1#2' },
    { time: 52, type: 'instanceLaunched', node: 'asg-1#2' },
    { time: 90, type: 'instanceLaunched', node: 'asg-1#3' },
    { time: 700, type: 'restored', node: 'web-1' },
  ];

  it('merges a burst of the same type and keeps the nodes involved', () => {
    expect(markersFor(events, 0, 600, 5)).toEqual([
      { time: 10, type: 'killed', count: 1, nodes: ['web-1'] },
      { time: 50, type: 'instanceLaunched', count: 3, nodes: ['asg-1#1', 'asg-1#2'] },
      { time: 90, type: 'instanceLaunched', count: 1, nodes: ['asg-1#3'] },
    ]);
  });

  it('keeps only the latest markers past the cap', () => {
    expect(markersFor(events, 0, 1000, 0, 2).map((m) => m.time)).toEqual([90, 700]);
  });

  it('gives every event type a glyph, and no two categories the same colour or dash', () => {
    for (const style of Object.values(EVENT_STYLE)) expect(style.glyph.length).toBeGreaterThan(0);
    const colors = Object.values(CATEGORY_STYLE).map((s) => s.color);
    const dashes = Object.values(CATEGORY_STYLE).map((s) => s.dash);
    expect(new Set(colors).size).toBe(colors.length);
    expect(new Set(dashes).size).toBe(dashes.length);
  });
});
