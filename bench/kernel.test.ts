import { describe, expect, it } from 'vitest';
import { benchMemory, benchStep, quantile } from './kernel';
import { layeredTopology } from './topologies';

describe('quantile', () => {
  it('interpolates between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5, 12);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('kernel benchmarks', () => {
  const small = layeredTopology(20);
  const tiny = { warmupMs: 0, measureMs: 60_000, minSteps: 30, maxSteps: 30 };

  it('times the requested number of steps and reports the topology size', () => {
    const r = benchStep('kernel-step-20', small, tiny);
    expect(r).toMatchObject({ name: 'kernel-step-20', nodes: 20, links: small.links.length });
    expect(r.steps).toBe(30);
    expect(r.frames).toBeGreaterThanOrEqual(1);
    expect(r.cpuMsPerStepMean).toBeGreaterThanOrEqual(0);
    expect(r.msPerStepP95).toBeGreaterThanOrEqual(r.msPerStepMedian);
    // No target is set for 20 nodes.
    expect(r.status).toBe('n/a');
  });

  it('measures the heap before and after a run', () => {
    const r = benchMemory('kernel-memory-20', small, 5, undefined);
    expect(r.simSeconds).toBe(5);
    expect(r.gcForced).toBe(false);
    expect(r.heapPeakMB).toBeGreaterThanOrEqual(r.heapAfterMB);
    expect(r.heapGrowthMB).toBeCloseTo(r.heapAfterMB - r.heapBeforeMB, 1);
    expect(r.complete).toBe(true);
  });

  it('records the heap at every checkpoint of the run', () => {
    const r = benchMemory('kernel-memory-20', small, 4, undefined, Infinity, 2);
    expect(r.heapCheckpointsMB).toHaveLength(2);
    for (const h of r.heapCheckpointsMB) expect(h).toBeLessThanOrEqual(r.heapPeakMB);
  });

  it('stops at a whole second when the wall-clock budget is spent, and says so', () => {
    const r = benchMemory('kernel-memory-20', small, 3600, undefined, 0);
    expect(r).toMatchObject({ simSeconds: 1, simSecondsTarget: 3600, complete: false });
  });
});
