import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { F, G, GLOBAL_FIELD_COUNT, NODE_FIELD_COUNT, type SimFrame } from '../core/sim';
import {
  FLUSH_INTERVAL_MS,
  MAX_EVENTS,
  flushSimFrames,
  getSimHistory,
  ingestSimFrame,
  readNodeField,
  resetSimStore,
  setSimController,
  setSimPlayback,
  showSimNotice,
  simControls,
  useSimStore,
} from './simStore';

function frame(time: number, ids = ['web'], util = 0.5, events: SimFrame['events'] = []): SimFrame {
  const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
  ids.forEach((_, i) => (nodes[i * NODE_FIELD_COUNT + F.utilization] = util + i));
  const global = new Float64Array(GLOBAL_FIELD_COUNT);
  global[G.latencyP95] = 42;
  return {
    time,
    nodeIds: ids,
    nodes,
    linkIds: [],
    linkRates: new Float64Array(0),
    global,
    events,
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  resetSimStore();
});
afterEach(() => {
  vi.useRealTimers();
  setSimController(null);
});

describe('sim store', () => {
  it('shows a frame at once while paused', () => {
    ingestSimFrame(frame(1));
    const s = useSimStore.getState();
    expect(s.time).toBe(1);
    expect(readNodeField(s, 'web', 'utilization')).toBe(0.5);
    expect(readNodeField(s, 'nope', 'utilization')).toBeNaN();
  });

  it(`while playing, flushes at most every ${FLUSH_INTERVAL_MS} ms, keeping every frame's events`, () => {
    setSimPlayback(true);
    const renders = vi.fn();
    const unsub = useSimStore.subscribe(renders);
    for (let i = 1; i <= 20; i++)
      ingestSimFrame(frame(i / 10, ['web'], 0.5, [{ time: i / 10, type: 'scaleOut' }]));
    expect(renders).not.toHaveBeenCalled();
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS);
    expect(renders).toHaveBeenCalledTimes(1);
    const s = useSimStore.getState();
    expect(s.time).toBe(2);
    expect(s.events).toHaveLength(20);
    expect(getSimHistory().length).toBe(20);
    unsub();
  });

  it(`keeps at most ${MAX_EVENTS} events`, () => {
    for (let i = 0; i < MAX_EVENTS + 50; i++)
      ingestSimFrame(frame(i, ['web'], 0.5, [{ time: i, type: 'killed', node: 'web' }]));
    const events = useSimStore.getState().events;
    expect(events).toHaveLength(MAX_EVENTS);
    expect(events.at(-1)?.time).toBe(MAX_EVENTS + 49);
  });

  it('a frame earlier than the last (a reset) clears the history and events', () => {
    ingestSimFrame(frame(5, ['web'], 0.5, [{ time: 5, type: 'killed' }]));
    ingestSimFrame(frame(6));
    ingestSimFrame(frame(0));
    const s = useSimStore.getState();
    expect(s.time).toBe(0);
    expect(s.events).toEqual([]);
    expect(getSimHistory().timeAxis()).toEqual([0]);
  });

  it('rebuilds the node index only when the node list changes', () => {
    ingestSimFrame(frame(1, ['a', 'b']));
    const index = useSimStore.getState().nodeIndex;
    ingestSimFrame(frame(2, ['a', 'b']));
    expect(useSimStore.getState().nodeIndex).toBe(index);
    ingestSimFrame(frame(3, ['b', 'a']));
    expect(useSimStore.getState().nodeIndex.get('b')).toBe(0);
    expect(readNodeField(useSimStore.getState(), 'a', 'utilization')).toBe(1.5);
  });

  it('a node metric selector stays equal while its value does (no re-render)', () => {
    const select = (s: ReturnType<typeof useSimStore.getState>) =>
      readNodeField(s, 'web', 'utilization');
    const seen: number[] = [];
    const unsub = useSimStore.subscribe((s, prev) => {
      if (!Object.is(select(s), select(prev))) seen.push(select(s));
    });
    ingestSimFrame(frame(1, ['web'], 0.5));
    ingestSimFrame(frame(2, ['web'], 0.5));
    ingestSimFrame(frame(3, ['web'], 0.7));
    expect(seen).toEqual([0.5, 0.7]);
    unsub();
  });

  it('controls go through the registered controller, and do nothing without one', () => {
    expect(() => simControls.play()).not.toThrow();
    const calls: string[] = [];
    setSimController({
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      step: (s) => calls.push(`step ${s}`),
      reset: () => calls.push('reset'),
      setSpeed: (v) => calls.push(`speed ${v}`),
      inject: (e) => calls.push(`inject ${e.type}`),
    });
    simControls.play();
    simControls.step(1);
    simControls.setSpeed(5);
    simControls.pause();
    simControls.reset();
    simControls.inject({ type: 'kill', atSec: 0, node: 'web' });
    expect(calls).toEqual(['play', 'step 1', 'speed 5', 'pause', 'reset', 'inject kill']);
  });

  it('groups the diagnostics of a frame by node', () => {
    const f = frame(1, ['web', 'db']);
    const message = { en: 'no database', ko: '데이터베이스 없음' };
    f.diagnostics = [
      { node: 'web', severity: 'error', code: 'noDb', message },
      { node: 'db', severity: 'warning', code: 'idle', message },
      { node: 'web', severity: 'warning', code: 'hot', message },
    ];
    ingestSimFrame(f);
    const by = useSimStore.getState().diagnosticsByNode;
    expect(by.get('web')?.map((d) => d.code)).toEqual(['noDb', 'hot']);
    expect(by.get('db')?.map((d) => d.code)).toEqual(['idle']);
    ingestSimFrame(frame(2, ['web', 'db']));
    expect(useSimStore.getState().diagnosticsByNode.size).toBe(0);
  });

  it('numbers each notice so the same kind shows again', () => {
    showSimNotice('crashed', 10);
    const first = useSimStore.getState().notice;
    showSimNotice('crashed', 20);
    expect(useSimStore.getState().notice).toMatchObject({ kind: 'crashed', time: 20 });
    expect(useSimStore.getState().notice?.id).not.toBe(first?.id);
  });

  it('resets to the initial state', () => {
    setSimPlayback(true, 5);
    ingestSimFrame(frame(3));
    flushSimFrames();
    resetSimStore();
    const s = useSimStore.getState();
    expect(s).toMatchObject({ playing: false, speed: 1, time: 0, frame: null, events: [] });
    expect(getSimHistory().length).toBe(0);
  });
});
