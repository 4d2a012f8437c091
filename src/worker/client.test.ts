import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from '../core/model';
import { topo } from '../core/scenarios';
import {
  HEARTBEAT_TIMEOUT_MS,
  MAX_RESTARTS,
  READY_TIMEOUT_MS,
  MainThreadWorker,
  SimClient,
  type ClientNotice,
  type ClientStatus,
  type WorkerLike,
} from './client';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol';
import { FakeSim, FakeClock } from './testing';

const topology = (rate = 100): Topology =>
  topo(
    'pair',
    [
      ['users-1', 'users', 'Users', 0, 0, { rate }],
      ['web', 'server', 'web', 200, 0],
    ],
    [['users-1', 'web']],
  );

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  sent: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message });
  }
  frameAt(time: number): void {
    const frame = new FakeSim(topology(), {}, new FakeClock(), () => 0).frame();
    this.reply({ type: 'frame', frame: { ...frame, time }, playing: true, speed: 1 });
  }
  crash(message = 'boom'): void {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

// The fallback's kernel, loaded before the fake clock starts (a real import takes real time).
let inline: typeof import('./inline');
beforeAll(async () => {
  inline = await import('./inline');
});

function setup(opts: { createWorker?: () => WorkerLike | undefined; hidden?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const statuses: ClientStatus[] = [];
  const notices: Array<[ClientNotice, number, string | undefined]> = [];
  const frames: number[] = [];
  let hidden = opts.hidden ?? false;
  const client = new SimClient({
    createWorker:
      opts.createWorker ??
      (() => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      }),
    now: () => Date.now(),
    loadInline: () => Promise.resolve(inline),
    isHidden: () => hidden,
    onFrame: (f) => frames.push(f.time),
    onStatus: (s) => statuses.push(s),
    onNotice: (k, t, d) => notices.push([k, t, d]),
  });
  const current = () => workers[workers.length - 1] as FakeWorker;
  const setHidden = (h: boolean) => {
    hidden = h;
  };
  return { client, workers, statuses, notices, frames, current, setHidden };
}

const readyMsg: FromWorker = { type: 'ready', version: PROTOCOL_VERSION, time: 0 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SimClient', () => {
  it('starts the worker paused at t = 0 with the topology and the speed', () => {
    const s = setup();
    const t = topology();
    s.client.start(t, { speed: 5 });
    expect(s.current().sent[0]).toEqual({
      type: 'init',
      version: PROTOCOL_VERSION,
      topology: t,
      speed: 5,
      time: 0,
      injected: [],
      playing: false,
    });
    expect(s.statuses).toEqual(['starting']);
    s.current().reply(readyMsg);
    expect(s.statuses).toEqual(['starting', 'worker']);
    s.client.dispose();
  });

  it('forwards commands and frames', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    s.client.setSpeed(250);
    s.client.step(1);
    s.client.step(0);
    s.client.pause();
    s.client.reset();
    expect(
      s
        .current()
        .sent.slice(1)
        .map((m) => m.type),
    ).toEqual(['play', 'setSpeed', 'step', 'pause', 'reset']);
    expect(s.current().sent[2]).toEqual({ type: 'setSpeed', speed: 100 });
    s.current().frameAt(3.5);
    expect(s.frames).toEqual([3.5]);
    expect(s.client.simTime).toBe(3.5);
    s.client.dispose();
  });

  it('restarts a crashed worker with the latest topology, the last time and the injected events', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    s.current().frameAt(10);
    s.client.inject({ type: 'kill', atSec: 0, node: 'web' });
    const edited = topology(300);
    s.client.setTopology(edited);
    s.current().frameAt(12.5);
    const first = s.current();
    first.crash('out of memory');
    expect(first.terminated).toBe(true);
    expect(s.workers).toHaveLength(2);
    expect(s.notices).toEqual([['crashed', 12.5, 'out of memory']]);
    expect(s.statuses.at(-1)).toBe('restarting');
    expect(s.current().sent[0]).toEqual({
      type: 'init',
      version: PROTOCOL_VERSION,
      topology: edited,
      speed: 1,
      time: 12.5,
      injected: [{ atSec: 10, event: { type: 'kill', atSec: 0, node: 'web' } }],
      playing: true,
    });
    s.current().reply({ ...readyMsg, time: 12.5 });
    expect(s.statuses.at(-1)).toBe('worker');
    // Messages from the dead worker are ignored.
    first.frameAt(99);
    expect(s.client.simTime).toBe(12.5);
    s.client.dispose();
  });

  it('treats a fatal error message like a crash, and a non-fatal one as a pause with a notice', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    s.current().reply({ type: 'error', message: 'bad step', fatal: false });
    expect(s.client.isPlaying).toBe(false);
    expect(s.workers).toHaveLength(1);
    s.current().reply({ type: 'error', message: 'no sim', fatal: true });
    expect(s.workers).toHaveLength(2);
    expect(s.notices.map((n) => n[0])).toEqual(['error', 'crashed']);
    s.client.dispose();
  });

  it('restarts a worker that stops answering while playing', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(1000);
      s.current().reply({
        type: 'heartbeat',
        time: i + 1,
        playing: true,
        achievedSpeed: 1,
        busyMs: 5,
      });
    }
    expect(s.workers).toHaveLength(1);
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS + 600);
    expect(s.workers).toHaveLength(2);
    expect(s.workers[0]?.terminated).toBe(true);
    expect(s.notices).toEqual([['hung', 5, undefined]]);
    expect(s.current().sent[0]).toMatchObject({ type: 'init', time: 5, playing: true });
    s.client.dispose();
  });

  it('waits longer for a worker that reported long kernel calls (a huge topology)', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    s.current().reply({
      type: 'heartbeat',
      time: 1,
      playing: true,
      achievedSpeed: 1,
      busyMs: 4000,
    });
    expect(s.client.hangTimeout()).toBe(9000);
    vi.advanceTimersByTime(8000);
    expect(s.workers).toHaveLength(1);
    vi.advanceTimersByTime(1600);
    expect(s.workers).toHaveLength(2);
    expect(s.notices[0]?.[0]).toBe('hung');
    s.client.dispose();
  });

  it('does not call a paused or hidden worker hung', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS * 3);
    expect(s.workers).toHaveLength(1);
    s.client.play();
    s.setHidden(true);
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS * 3);
    expect(s.workers).toHaveLength(1);
    s.setHidden(false);
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS - 600);
    expect(s.workers).toHaveLength(1);
    s.client.dispose();
  });

  it('restarts a worker that never becomes ready', () => {
    const s = setup();
    s.client.start(topology());
    vi.advanceTimersByTime(READY_TIMEOUT_MS + 600);
    expect(s.workers).toHaveLength(2);
    expect(s.notices[0]?.[0]).toBe('hung');
    s.client.dispose();
  });

  it(`gives up after ${MAX_RESTARTS} restarts in a minute`, () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      s.current().reply(readyMsg);
      s.current().crash();
    }
    expect(s.workers).toHaveLength(MAX_RESTARTS + 1);
    expect(s.statuses.at(-1)).toBe('failed');
    expect(s.notices.at(-1)?.[0]).toBe('failed');
    expect(s.current().terminated).toBe(true);
    s.client.play();
    expect(s.current().sent.map((m) => m.type)).not.toContain('play');
    // Reset tries again from t = 0.
    s.client.reset();
    expect(s.workers).toHaveLength(MAX_RESTARTS + 2);
    expect(s.current().sent[0]).toMatchObject({ type: 'init', time: 0, playing: false });
    s.current().reply(readyMsg);
    expect(s.statuses.at(-1)).toBe('worker');
    s.client.dispose();
  });

  it('refuses a worker speaking another protocol version', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply({ type: 'ready', version: PROTOCOL_VERSION + 1, time: 0 });
    expect(s.statuses.at(-1)).toBe('failed');
    expect(s.notices[0]?.[2]).toMatch(/protocol/);
    s.client.dispose();
  });

  it('reset forgets the injected events and the time', () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.current().frameAt(7);
    s.client.inject({ type: 'kill', atSec: 0, node: 'web' });
    s.client.reset();
    s.current().crash();
    expect(s.current().sent[0]).toMatchObject({ time: 0, injected: [], playing: false });
    s.client.dispose();
  });

  it('falls back to the main thread when there is no Worker, and still simulates', async () => {
    const s = setup({ createWorker: () => undefined });
    s.client.start(topology());
    expect(s.client.currentMode).toBe('mainThread');
    await vi.advanceTimersByTimeAsync(50);
    expect(s.statuses).toEqual(['starting', 'mainThread']);
    expect(s.frames).toEqual([0]);
    s.client.step(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(s.frames.at(-1)).toBeCloseTo(2, 9);
    s.client.play();
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.client.simTime).toBeGreaterThan(3);
    s.client.dispose();
  });

  it('falls back with a notice when creating the worker throws', async () => {
    const s = setup({
      createWorker: () => {
        throw new Error('module workers are not supported');
      },
    });
    s.client.start(topology());
    expect(s.notices).toEqual([['fallback', 0, 'module workers are not supported']]);
    await vi.advanceTimersByTimeAsync(50);
    expect(s.statuses.at(-1)).toBe('mainThread');
    s.client.dispose();
  });

  it('falls back when the worker fails before it is ready (script blocked)', async () => {
    const s = setup();
    let fallback = false;
    s.client.start(topology());
    s.current().crash('Failed to load the worker script');
    fallback = s.client.currentMode === 'mainThread';
    expect(fallback).toBe(true);
    expect(s.notices[0]?.[0]).toBe('fallback');
    await vi.advanceTimersByTimeAsync(50);
    expect(s.statuses.at(-1)).toBe('mainThread');
    s.client.dispose();
  });

  it('falls back when a restarted worker cannot load (the site was updated meanwhile)', async () => {
    const s = setup();
    s.client.start(topology());
    s.current().reply(readyMsg);
    s.client.play();
    s.current().frameAt(20);
    s.current().crash();
    expect(s.notices.map((n) => n[0])).toEqual(['crashed']);
    s.current().onerror?.({});
    expect(s.notices.at(-1)).toEqual([
      'fallback',
      20,
      'the simulation worker script could not be loaded',
    ]);
    expect(s.client.currentMode).toBe('mainThread');
    await vi.advanceTimersByTimeAsync(1500);
    expect(s.statuses.at(-1)).toBe('mainThread');
    expect(s.client.simTime).toBeGreaterThan(20);
    s.client.dispose();
  });

  it('the main-thread fallback recovers from a simulated hang', async () => {
    const s = setup({ createWorker: () => undefined });
    s.client.start(topology());
    await vi.advanceTimersByTimeAsync(50);
    s.client.play();
    await vi.advanceTimersByTimeAsync(2000);
    s.client.hangWorker();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_TIMEOUT_MS + 1500);
    expect(s.notices.map((n) => n[0])).toEqual(['hung']);
    const before = s.client.simTime;
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.client.simTime).toBeGreaterThan(before);
    s.client.dispose();
  });
});

describe('MainThreadWorker', () => {
  it('holds messages until the kernel is loaded, then answers them in order', async () => {
    let load!: (m: typeof import('./inline')) => void;
    const kernel = new Promise<typeof import('./inline')>((resolve) => (load = resolve));
    const worker = new MainThreadWorker(
      () => 0,
      () => kernel,
    );
    const replies: unknown[] = [];
    worker.onmessage = (e) => replies.push((e.data as FromWorker).type);
    worker.postMessage({
      type: 'init',
      version: PROTOCOL_VERSION,
      topology: topology(),
      speed: 1,
      time: 0,
      injected: [],
      playing: false,
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(replies).toEqual([]);
    load(await import('./inline'));
    await vi.advanceTimersByTimeAsync(10);
    expect(replies[0]).toBe('ready');
    worker.terminate();
  });

  it('reports a kernel that cannot be loaded as an error, with the reason', async () => {
    const worker = new MainThreadWorker(
      () => 0,
      () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    const errors: (string | undefined)[] = [];
    worker.onerror = (e) => errors.push(e.message);
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual(['Failed to fetch dynamically imported module']);
    worker.terminate();
  });
});
