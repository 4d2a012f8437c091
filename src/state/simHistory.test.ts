import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F, G, GLOBAL_FIELD_COUNT, NODE_FIELD_COUNT, type SimFrame } from '../core/sim';
import { MAX_NODE_SERIES, SimHistory } from './simHistory';

/** A frame where every node's utilization and the global p95 equal the time (easy to check). */
function frameAt(time: number, ids: string[] = ['a', 'b']): SimFrame {
  const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
  ids.forEach((_, i) => {
    nodes[i * NODE_FIELD_COUNT + F.utilization] = time;
    nodes[i * NODE_FIELD_COUNT + F.latencyP95] = 2 * time;
  });
  const global = new Float64Array(GLOBAL_FIELD_COUNT);
  global[G.latencyP95] = time;
  return {
    time,
    nodeIds: ids,
    nodes,
    linkIds: [],
    linkRates: new Float64Array(0),
    global,
    events: [],
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

describe('SimHistory', () => {
  it('records time, global and per-node series', () => {
    const h = new SimHistory(10);
    for (let t = 0; t < 3; t++) h.push(frameAt(t));
    expect(h.timeAxis()).toEqual([0, 1, 2]);
    expect(h.global(G.latencyP95).v).toEqual([0, 1, 2]);
    expect(h.node('a', 'latencyP95')).toEqual({ t: [0, 1, 2], v: [0, 2, 4] });
    expect(h.node('zzz', 'utilization')).toEqual({ t: [], v: [] });
  });

  it('never holds more than its capacity, keeps t = 0 and stays evenly spaced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 0, max: 2000 }), (cap, n) => {
        const h = new SimHistory(cap);
        for (let t = 0; t < n; t++) h.push(frameAt(t));
        const axis = h.timeAxis();
        expect(axis.length).toBeLessThanOrEqual(cap);
        expect(axis.length).toBe(h.length);
        if (n === 0) return;
        expect(axis[0]).toBe(0);
        const gaps = new Set(axis.slice(1).map((t, i) => t - (axis[i] ?? 0)));
        expect(gaps.size).toBeLessThanOrEqual(1);
        // Decimation keeps the run covered: the last point is within one stride of the end.
        expect(n - 1 - (axis.at(-1) ?? 0)).toBeLessThan(h.stride);
        expect(h.node('a', 'utilization').v).toEqual(axis);
      }),
      { seed: 42 },
    );
  });

  it('halves and doubles its stride when full', () => {
    const h = new SimHistory(600);
    for (let t = 0; t < 601; t++) h.push(frameAt(t));
    expect(h.length).toBe(301);
    expect(h.stride).toBe(2);
    expect(h.timeAxis().slice(0, 3)).toEqual([0, 2, 4]);
  });

  it('marks missing nodes with NaN, before they appear and after they go', () => {
    const h = new SimHistory(10);
    h.push(frameAt(0, ['a']));
    h.push(frameAt(1, ['a', 'b']));
    h.push(frameAt(2, ['b']));
    expect(h.node('a', 'utilization').v).toEqual([0, 1, NaN]);
    expect(h.node('b', 'utilization').v).toEqual([NaN, 1, 2]);
  });

  it(`keeps per-node series for at most ${MAX_NODE_SERIES} nodes`, () => {
    const ids = Array.from({ length: MAX_NODE_SERIES + 5 }, (_, i) => `n${i}`);
    const h = new SimHistory(4);
    h.push(frameAt(0, ids));
    expect(h.nodeIds()).toHaveLength(MAX_NODE_SERIES);
    expect(h.global(G.latencyP95).v).toEqual([0]);
  });

  it('starts over when time goes backwards (a reset)', () => {
    const h = new SimHistory(10);
    for (let t = 0; t < 5; t++) h.push(frameAt(t));
    h.push(frameAt(0));
    expect(h.timeAxis()).toEqual([0]);
  });

  it('rejects a capacity below 2', () => {
    expect(() => new SimHistory(1)).toThrow('history capacity must be an integer ≥ 2, got 1');
  });
});
