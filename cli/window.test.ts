import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CF,
  CLASS_FIELD_COUNT,
  F,
  G,
  GLOBAL_FIELD_COUNT,
  NODE_FIELD_COUNT,
  type NodeField,
  type SimFrame,
} from '../src/core/sim';
import { reportWindow, WindowAccumulator } from './window';

type NodeValues = Partial<Record<NodeField, number>>;

/** A synthetic kernel frame with the given per-node fields and end-to-end fields. */
function frame(
  nodes: Record<string, NodeValues>,
  global: Partial<Record<keyof typeof G, number>> = {},
): SimFrame {
  const ids = Object.keys(nodes);
  const data = new Float64Array(ids.length * NODE_FIELD_COUNT);
  ids.forEach((id, k) => {
    for (const [f, v] of Object.entries(nodes[id] ?? {}))
      data[k * NODE_FIELD_COUNT + F[f as NodeField]] = v;
  });
  const g = new Float64Array(GLOBAL_FIELD_COUNT);
  for (const [f, v] of Object.entries(global)) g[G[f as keyof typeof G]] = v;
  return {
    time: 0,
    nodeIds: ids,
    nodes: data,
    linkIds: [],
    linkRates: new Float64Array(0),
    global: g,
    events: [],
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

describe('reportWindow', () => {
  it('is the last 20 % of the run, at least 10 s, at most the whole run', () => {
    expect(reportWindow(300)).toEqual({ from: 240, to: 300, samples: 60 });
    expect(reportWindow(60)).toEqual({ from: 48, to: 60, samples: 12 });
    expect(reportWindow(30)).toEqual({ from: 20, to: 30, samples: 10 });
    expect(reportWindow(5)).toEqual({ from: 0, to: 5, samples: 5 });
    expect(reportWindow(51)).toEqual({ from: 40, to: 51, samples: 11 });
  });

  it('always ends at the end of the run with one sample per second inside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 864000 }), (s) => {
        const w = reportWindow(s);
        expect(w.to).toBe(s);
        expect(w.samples).toBe(w.to - w.from);
        expect(w.from).toBeGreaterThanOrEqual(0);
        expect(w.samples).toBeGreaterThanOrEqual(Math.min(s, 10));
        expect(w.samples).toBeGreaterThanOrEqual(0.2 * s);
        expect(w.samples).toBeLessThan(0.2 * s + 1 + (s < 50 ? 10 : 0));
      }),
      { seed: 42 },
    );
  });
});

describe('WindowAccumulator', () => {
  it('averages reads and writes separately, each weighted by its own throughput', () => {
    const f1 = frame({ a: { throughput: 10 } });
    const f2 = frame({ a: { throughput: 10 } });
    const classes = (readMs: number, readThr: number, writeMs: number, writeThr: number) => {
      const c = new Float64Array(2 * CLASS_FIELD_COUNT);
      c[CF.latencyMean] = readMs;
      c[CF.throughput] = readThr;
      c[CLASS_FIELD_COUNT + CF.latencyMean] = writeMs;
      c[CLASS_FIELD_COUNT + CF.throughput] = writeThr;
      return c;
    };
    const acc = new WindowAccumulator(['a']);
    acc.add({ ...f1, classes: classes(2, 300, 10, 0) });
    acc.add({ ...f2, classes: classes(4, 100, 20, 50) });
    const [pair] = acc.result().classes;
    expect(pair?.[0].latencyMean).toBeCloseTo(2.5, 12);
    expect(pair?.[0].throughput).toBe(200);
    expect(pair?.[1].latencyMean).toBe(20);
  });

  it('reports no classes when the kernel gives none', () => {
    const acc = new WindowAccumulator(['a']);
    acc.add(frame({ a: { throughput: 1 } }));
    expect(acc.result().classes).toEqual([null]);
  });

  it('time-averages rates and utilization and weights latency by throughput', () => {
    const acc = new WindowAccumulator(['a']);
    acc.add(frame({ a: { utilization: 0.5, throughput: 100, latencyMean: 10, latencyP99: 40 } }));
    acc.add(frame({ a: { utilization: 0.95, throughput: 300, latencyMean: 20, latencyP99: 80 } }));
    const [a] = acc.result().nodes;
    expect(a?.utilization).toBeCloseTo(0.725, 12);
    expect(a?.throughput).toBe(200);
    // 100 requests at 10 ms and 300 at 20 ms: the mean over requests is 17.5 ms, not 15.
    expect(a?.latencyMean).toBeCloseTo(17.5, 12);
    expect(a?.latencyP99).toBeCloseTo(70, 12);
    expect(a?.shareAbove90).toBe(0.5);
  });

  it('falls back to equal weights when nothing completed', () => {
    const acc = new WindowAccumulator(['a']);
    acc.add(frame({ a: { latencyMean: 4 } }));
    acc.add(frame({ a: { latencyMean: 6 } }));
    expect(acc.result().nodes[0]?.latencyMean).toBe(5);
  });

  it('reports nodes in topology order, whatever the frame order, and null for unknown nodes', () => {
    const acc = new WindowAccumulator(['b', 'missing', 'a']);
    acc.add(frame({ a: { throughput: 1 }, b: { throughput: 2 } }));
    const nodes = acc.result().nodes;
    expect(nodes.map((n) => n?.throughput ?? null)).toEqual([2, null, 1]);
  });

  it('computes the error ratio over the window, not as an average of ratios', () => {
    const acc = new WindowAccumulator([]);
    acc.add(frame({}, { attempts: 100, errorRate: 50, throughput: 50 }));
    acc.add(frame({}, { attempts: 900, errorRate: 0, throughput: 900 }));
    const g = acc.result().global;
    expect(g.errorRatio).toBeCloseTo(0.05, 12);
    expect(g.attempts).toBe(500);
  });

  it('keeps utilization averages within [0, 1] for any samples within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1000)), {
          minLength: 1,
          maxLength: 50,
        }),
        (samples) => {
          const acc = new WindowAccumulator(['n']);
          for (const [u, thr] of samples)
            acc.add(frame({ n: { utilization: u, throughput: thr, latencyMean: u * 100 } }));
          const n = acc.result().nodes[0];
          expect(n?.utilization).toBeGreaterThanOrEqual(0);
          expect(n?.utilization).toBeLessThanOrEqual(1 + 1e-12);
          expect(n?.latencyMean).toBeGreaterThanOrEqual(-1e-9);
          expect(n?.latencyMean).toBeLessThanOrEqual(100 + 1e-9);
          expect(acc.sampleCount).toBe(samples.length);
        },
      ),
      { seed: 42 },
    );
  });
});
