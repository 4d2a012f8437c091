import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { moveNodes, setParam, type Topology } from '../core/model';
import { topo } from '../core/scenarios';
import type { WorkerLike } from '../worker/client';
import { PROTOCOL_VERSION, type ToWorker } from '../worker/protocol';
import {
  simRelevantChange,
  startSimSession,
  TOPOLOGY_THROTTLE_MS,
  type TopologySource,
} from './simSession';
import { resetSimStore, simControls, useSimStore } from './simStore';

const base = (): Topology =>
  topo(
    'pair',
    [
      ['users-1', 'users', 'Users', 0, 0, { rate: 100 }],
      ['web', 'server', 'web', 200, 0],
    ],
    [['users-1', 'web']],
  );

class Source implements TopologySource {
  private listeners = new Set<(t: Topology) => void>();
  constructor(public current: Topology) {}
  get = () => this.current;
  subscribe = (l: (t: Topology) => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  set(next: Topology) {
    this.current = next;
    for (const l of this.listeners) l(next);
  }
}

class Recorder implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  sent: ToWorker[] = [];
  postMessage(m: ToWorker) {
    this.sent.push(m);
  }
  terminate() {}
}

function session(testHooks = false) {
  const source = new Source(base());
  const worker = new Recorder();
  const s = startSimSession({
    source,
    client: { createWorker: () => worker, now: () => Date.now() },
    testHooks,
  });
  worker.onmessage?.({ data: { type: 'ready', version: PROTOCOL_VERSION, time: 0 } });
  return { source, worker, s, types: () => worker.sent.map((m) => m.type) };
}

beforeEach(() => {
  vi.useFakeTimers();
  resetSimStore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('simRelevantChange', () => {
  it('ignores moves and the document name, not parameters or links', () => {
    const a = base();
    expect(simRelevantChange(a, a)).toBe(false);
    expect(simRelevantChange(a, moveNodes(a, new Map([['web', { x: 5, y: 9 }]])))).toBe(false);
    expect(simRelevantChange(a, { ...a, name: 'renamed' })).toBe(false);
    const r = setParam(a, 'web', 'instanceType', 'c5.xlarge');
    expect(r.ok && simRelevantChange(a, r.topology)).toBe(true);
    expect(simRelevantChange(a, { ...a, links: [] })).toBe(true);
    expect(simRelevantChange(a, { ...a, nodes: a.nodes.slice(1) })).toBe(true);
  });
});

describe('startSimSession', () => {
  it('starts paused at t = 0 with the current topology', () => {
    const { worker, source, s } = session();
    expect(worker.sent[0]).toMatchObject({
      type: 'init',
      topology: source.current,
      time: 0,
      playing: false,
    });
    expect(useSimStore.getState()).toMatchObject({ playing: false, status: 'worker' });
    s.dispose();
  });

  it('sends edits to the running simulation (throttled), but not moves', () => {
    const { source, types, worker, s } = session();
    simControls.play();
    const moved = moveNodes(source.current, new Map([['web', { x: 50, y: 50 }]]));
    source.set(moved);
    vi.advanceTimersByTime(TOPOLOGY_THROTTLE_MS);
    expect(types()).toEqual(['init', 'play']);
    for (const rate of [200, 300, 400]) {
      const r = setParam(source.current, 'users-1', 'rate', rate);
      if (r.ok) source.set(r.topology);
    }
    vi.advanceTimersByTime(TOPOLOGY_THROTTLE_MS);
    expect(types()).toEqual(['init', 'play', 'setTopology']);
    expect(worker.sent.at(-1)).toEqual({ type: 'setTopology', topology: source.current });
    s.dispose();
  });

  it('drives the client from the playback controls and mirrors them in the store', () => {
    const { types, s } = session();
    simControls.play();
    expect(useSimStore.getState().playing).toBe(true);
    simControls.setSpeed(10);
    expect(useSimStore.getState().speed).toBe(10);
    simControls.step(1);
    simControls.pause();
    expect(useSimStore.getState().playing).toBe(false);
    simControls.reset();
    simControls.inject({ type: 'kill', atSec: 0, node: 'web' });
    expect(types()).toEqual(['init', 'play', 'setSpeed', 'step', 'pause', 'reset', 'inject']);
    s.dispose();
    simControls.play();
    expect(types()).toHaveLength(7);
  });

  it('installs window.__scaleOutLab only when test hooks are on', () => {
    const g = globalThis as { __scaleOutLab?: { crashWorker(): void; hangWorker(): void } };
    const off = session(false);
    expect(g.__scaleOutLab).toBeUndefined();
    off.s.dispose();
    const on = session(true);
    g.__scaleOutLab?.hangWorker();
    g.__scaleOutLab?.crashWorker();
    expect(on.types().slice(-2)).toEqual(['hang', 'crash']);
    on.s.dispose();
    expect(g.__scaleOutLab).toBeUndefined();
  });

  it('shows a notice and keeps the topology when the worker crashes', () => {
    const { worker, source, s } = session();
    worker.onerror?.({ message: 'boom' });
    expect(useSimStore.getState().notice).toMatchObject({ kind: 'crashed', time: 0 });
    // The replacement (the same recorder here) got the current topology.
    expect(worker.sent.at(-1)).toMatchObject({ type: 'init', topology: source.current });
    s.dispose();
  });
});
