import { beforeEach, describe, expect, it } from 'vitest';
import { GLOBAL_FIELD_COUNT, NODE_FIELD_COUNT, type SimFrame } from '../core/sim';
import { MAX_PINNED } from './compare';
import {
  pinCurrentRun,
  resetCompareStore,
  selectBaseline,
  unpinRun,
  useCompareStore,
} from './compareStore';
import { ingestSimFrame, resetSimStore } from './simStore';

const frame = (time: number): SimFrame => ({
  time,
  nodeIds: ['n'],
  nodes: new Float64Array(NODE_FIELD_COUNT),
  linkIds: [],
  linkRates: new Float64Array(0),
  global: new Float64Array(GLOBAL_FIELD_COUNT).fill(time),
  events: [],
  diagnostics: [],
  targets: [],
  cohorts: [],
  instances: [],
});

beforeEach(() => {
  resetCompareStore();
  resetSimStore();
});

describe('pinned runs', () => {
  it('pins nothing before anything is recorded', () => {
    expect(pinCurrentRun('x')).toBeNull();
    expect(useCompareStore.getState().pinned).toEqual([]);
  });

  it('pins a copy that later frames do not change, and makes it the baseline', () => {
    for (let t = 0; t <= 5; t++) ingestSimFrame(frame(t));
    const run = pinCurrentRun('first')!;
    expect(run).toMatchObject({ name: 'first', end: 5 });
    ingestSimFrame(frame(6));
    expect(run.t).toEqual([0, 1, 2, 3, 4, 5]);
    expect(useCompareStore.getState().baseline).toBe(run.id);
  });

  it(`keeps at most ${MAX_PINNED} runs and moves the baseline when it is unpinned`, () => {
    ingestSimFrame(frame(0));
    const ids = Array.from({ length: MAX_PINNED + 1 }, (_, i) => pinCurrentRun(`run ${i}`)!.id);
    const s = useCompareStore.getState();
    expect(s.pinned.map((r) => r.id)).toEqual(ids.slice(1));
    selectBaseline(ids[1]!);
    unpinRun(ids[1]!);
    expect(useCompareStore.getState().baseline).toBe(ids.at(-1));
    selectBaseline(ids[0]!); // no longer pinned: ignored
    expect(useCompareStore.getState().baseline).toBe(ids.at(-1));
  });
});
