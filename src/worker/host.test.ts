import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from '../core/model';
import { topo } from '../core/scenarios';
import { createSim, F, NODE_FIELD_COUNT } from '../core/sim';
import {
  BASE_DT,
  BUDGET_MS,
  FRAME_INTERVAL_MS,
  HEARTBEAT_INTERVAL_MS,
  IDLE_TICK_MS,
  CATCH_UP_BUDGET_MS,
  MAX_DT,
  MAX_FRAME_SHARE,
  MAX_SPEED_DT,
  STEP_COMMAND_BUDGET_MS,
  SimHost,
  TICK_MS,
} from './host';
import { PROTOCOL_VERSION, type ToWorker } from './protocol';
import { FakeClock, FakeSim, Outbox } from './testing';

const threeTier = (): Topology =>
  topo(
    'three tiers',
    [
      ['users-1', 'users', 'Users', 0, 0, { rate: 120 }],
      ['web', 'server', 'web', 200, 0, { roles: ['web'] }],
      ['app', 'server', 'app', 400, 0, { roles: ['app'] }],
      ['db', 'dbPrimary', 'db', 600, 0],
    ],
    [
      ['users-1', 'web'],
      ['web', 'app'],
      ['app', 'db'],
    ],
  );

const init = (over: Partial<Extract<ToWorker, { type: 'init' }>> = {}): ToWorker => ({
  type: 'init',
  version: PROTOCOL_VERSION,
  topology: threeTier(),
  speed: 1,
  ...over,
});

/** A host over FakeSims, each step costing `cost()` fake ms and each frame `frameCost()`. */
function fakeHost(cost: () => number = () => 0, frameCost: () => number = () => 0) {
  const clock = new FakeClock();
  const out = new Outbox();
  const sims: FakeSim[] = [];
  const host = new SimHost({
    createSim: (t, o = {}) => {
      const s = new FakeSim(t, o, clock, cost, frameCost);
      sims.push(s);
      return s;
    },
    post: out.post,
    now: clock.now,
  });
  const sim = () => sims[sims.length - 1] as FakeSim;
  /** Advances the fake wall clock by `ms` and ticks the host, like the worker loop. */
  const tick = (ms: number) => {
    clock.t += ms;
    return host.advance(ms);
  };
  return { clock, out, sims, host, sim, tick };
}

describe('SimHost lifecycle', () => {
  it('answers init with ready (protocol version) and a first frame, paused at t = 0', () => {
    const { host, out } = fakeHost();
    host.handle(init());
    expect(out.messages[0]).toEqual({ type: 'ready', version: PROTOCOL_VERSION, time: 0 });
    const frames = out.of('frame');
    expect(frames).toHaveLength(1);
    expect(frames[0]?.frame.time).toBe(0);
    expect(frames[0]?.playing).toBe(false);
    expect(host.isPlaying).toBe(false);
  });

  it('transfers the typed arrays of every frame', () => {
    const { host, out } = fakeHost();
    host.handle(init());
    const i = out.messages.findIndex((m) => m.type === 'frame');
    const frame = out.of('frame')[0]!.frame;
    expect(frame.classes).toBeInstanceOf(Float64Array);
    expect(out.transfers[i]).toEqual([
      frame.nodes.buffer,
      frame.classes!.buffer,
      frame.linkRates.buffer,
      frame.global.buffer,
    ]);
  });

  it('passes the seed override to the kernel', () => {
    const { host, sim } = fakeHost();
    host.handle(init({ seed: 7 }));
    expect(sim().opts).toEqual({ seed: 7 });
  });

  it('rejects bad messages with an error naming the field, and keeps running', () => {
    const { host, out } = fakeHost();
    host.handle({ type: 'warp' });
    host.handle(init({ version: 99 }));
    host.handle({ type: 'step', seconds: -1 });
    expect(out.of('error').map((e) => e.message)).toEqual([
      'message.type: unknown type "warp"',
      `init.version: expected ${PROTOCOL_VERSION}, got 99`,
      'step.seconds: must be a number > 0',
    ]);
  });

  it('does nothing but idle before init', () => {
    const { out, tick } = fakeHost();
    expect(tick(16)).toBe(IDLE_TICK_MS);
    expect(out.messages).toEqual([]);
  });
});

describe('SimHost clock and budget', () => {
  it('does not advance while paused, but still sends heartbeats', () => {
    const { host, out, sim, tick } = fakeHost();
    host.handle(init());
    out.clear();
    for (let i = 0; i < 40; i++) expect(tick(IDLE_TICK_MS)).toBe(IDLE_TICK_MS);
    expect(sim().time).toBe(0);
    expect(out.of('frame')).toEqual([]);
    expect(out.of('heartbeat').length).toBe(2); // 2 s of wall time
  });

  it('at 1x advances simulated time with wall time, in 1/60 s steps', () => {
    const { host, sim, tick } = fakeHost();
    host.handle(init());
    host.handle({ type: 'play' });
    for (let i = 0; i < 60; i++) expect(tick(TICK_MS)).toBe(TICK_MS);
    // 960 ms of wall time; up to one step may still be owed.
    expect(sim().time).toBeGreaterThan(0.96 - BASE_DT - 1e-9);
    expect(sim().time).toBeLessThanOrEqual(0.96 + 1e-9);
    expect(new Set(sim().steps)).toEqual(new Set([BASE_DT]));
  });

  it('scales simulated time with the speed and the step with it, up to the cap', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.25, 0.5, 1, 2, 5, 10, 25, 50, 100), (speed) => {
        const { host, sim, tick } = fakeHost();
        host.handle(init({ speed }));
        host.handle({ type: 'play' });
        for (let i = 0; i < 125; i++) tick(TICK_MS); // 2 s of wall time
        const dt = Math.min(MAX_SPEED_DT, BASE_DT * speed);
        expect(host.stepDt()).toBeCloseTo(dt, 12);
        expect(sim().time).toBeGreaterThan(2 * speed - dt - 1e-9);
        expect(sim().time).toBeLessThanOrEqual(2 * speed + 1e-9);
      }),
      { seed: 42 },
    );
  });

  it('never spends much more than the budget in one tick', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 20, noNaN: true }), (cost) => {
        const { host, clock, tick } = fakeHost(() => cost);
        host.handle(init({ speed: 100 }));
        host.handle({ type: 'play' });
        for (let i = 0; i < 30; i++) {
          const before = clock.t + TICK_MS;
          tick(TICK_MS);
          // The loop checks the budget after each step: at most one step past it.
          expect(clock.t - before).toBeLessThan(BUDGET_MS + cost + 1e-9);
        }
      }),
      { seed: 42 },
    );
  });

  it('takes bigger steps when the budget cannot keep up, and smaller ones again when it can', () => {
    let cost = 10; // ms per step: one step per tick, while 100x asks for ~1.6
    const { host, tick } = fakeHost(() => cost);
    host.handle(init({ speed: 100 }));
    host.handle({ type: 'play' });
    const base = host.stepDt();
    expect(base).toBe(MAX_SPEED_DT);
    for (let i = 0; i < 20; i++) tick(TICK_MS);
    expect(host.stepDt()).toBeGreaterThan(base);
    expect(host.stepDt()).toBeLessThanOrEqual(MAX_DT);
    cost = 0;
    for (let i = 0; i < 40; i++) tick(TICK_MS);
    expect(host.stepDt()).toBeCloseTo(base, 12);
  });

  it('keeps up at 100x with a slow kernel by growing the step, not by falling behind', () => {
    const { host, sim, tick } = fakeHost(() => 1);
    host.handle(init({ speed: 100 }));
    host.handle({ type: 'play' });
    for (let i = 0; i < 250; i++) tick(TICK_MS); // 4 s wall
    expect(sim().time).toBeGreaterThan(0.9 * 400);
  });

  it('drops time it can never catch up rather than piling it up', () => {
    const { host, sim, tick } = fakeHost(() => 100); // one step per tick at most
    host.handle(init({ speed: 1 }));
    host.handle({ type: 'play' });
    tick(10_000); // the tab slept for 10 s
    tick(TICK_MS);
    expect(sim().time).toBeLessThan(1);
  });

  it('posts frames at ~10 Hz while playing, not every step', () => {
    const { host, out, tick } = fakeHost();
    host.handle(init());
    host.handle({ type: 'play' });
    out.clear();
    for (let i = 0; i < 125; i++) tick(TICK_MS); // 2 s
    const frames = out.of('frame').length;
    expect(frames).toBeGreaterThanOrEqual((2000 / FRAME_INTERVAL_MS) * 0.8);
    expect(frames).toBeLessThanOrEqual(2000 / FRAME_INTERVAL_MS + 1);
    expect(out.of('heartbeat').length).toBe(2000 / HEARTBEAT_INTERVAL_MS);
    expect(out.of('frame').every((m) => m.playing)).toBe(true);
  });

  it('sends frames less often when building them is slow, keeping their share of time bounded', () => {
    const { host, out, clock, tick } = fakeHost(
      () => 0,
      () => 80,
    );
    host.handle(init());
    host.handle({ type: 'play' });
    out.clear();
    const start = clock.t;
    for (let i = 0; i < 200; i++) tick(TICK_MS);
    const wall = clock.t - start;
    const frames = out.of('frame').length;
    expect(host.frameInterval()).toBe(80 / MAX_FRAME_SHARE);
    expect((frames * 80) / wall).toBeLessThanOrEqual(MAX_FRAME_SHARE + 0.05);
    expect(frames).toBeGreaterThan(0);
  });

  it('reports its longest kernel call in the heartbeat', () => {
    const { host, out, tick } = fakeHost(
      () => 30,
      () => 0,
    );
    host.handle(init());
    host.handle({ type: 'play' });
    for (let i = 0; i < 80; i++) tick(TICK_MS);
    expect(out.of('heartbeat').at(-1)?.busyMs).toBe(30);
  });

  it('reports the speed it achieved in heartbeats', () => {
    const { host, out, tick } = fakeHost();
    host.handle(init({ speed: 5 }));
    host.handle({ type: 'play' });
    for (let i = 0; i < 200; i++) tick(TICK_MS);
    const beats = out.of('heartbeat');
    expect(beats.at(-1)?.achievedSpeed).toBeCloseTo(5, 0);
  });
});

describe('SimHost commands', () => {
  let h: ReturnType<typeof fakeHost>;
  beforeEach(() => {
    h = fakeHost();
    h.host.handle(init());
    h.out.clear();
  });

  it('step advances exactly the requested seconds and posts a frame at once, paused', () => {
    h.host.handle({ type: 'step', seconds: 1 });
    expect(h.sim().time).toBeCloseTo(1, 12);
    expect(h.sim().steps.length).toBe(60);
    expect(h.out.of('frame').map((m) => m.frame.time)).toEqual([h.sim().time]);
    h.tick(1000);
    expect(h.sim().time).toBeCloseTo(1, 12);
  });

  it('a step command on a slow kernel uses fewer, larger steps within its budget', () => {
    const slow = fakeHost(() => 50);
    slow.host.handle(init());
    slow.host.handle({ type: 'step', seconds: 0.5 }); // measures the cost: 30 steps
    const before = slow.sim().steps.length;
    slow.host.handle({ type: 'step', seconds: 1 });
    const n = slow.sim().steps.length - before;
    expect(n).toBe(STEP_COMMAND_BUDGET_MS / 50);
    expect(slow.sim().time).toBeCloseTo(1.5, 9);
  });

  it('step uses the step size of the current speed', () => {
    h.host.handle({ type: 'setSpeed', speed: 100 });
    h.host.handle({ type: 'step', seconds: 30 });
    expect(h.sim().steps.length).toBe(30);
    expect(h.sim().time).toBeCloseTo(30, 9);
  });

  it('pause stops the clock; play resumes without a burst for the paused time', () => {
    h.host.handle({ type: 'play' });
    for (let i = 0; i < 30; i++) h.tick(TICK_MS);
    h.out.clear();
    h.host.handle({ type: 'pause' });
    const at = h.sim().time;
    expect(h.out.of('frame').map((m) => [m.frame.time, m.playing])).toEqual([[at, false]]);
    for (let i = 0; i < 30; i++) h.tick(IDLE_TICK_MS);
    expect(h.sim().time).toBe(at);
    h.host.handle({ type: 'play' });
    h.tick(TICK_MS);
    expect(h.sim().time - at).toBeLessThanOrEqual(TICK_MS / 1000 + 1e-9);
  });

  it('reset starts a fresh kernel at t = 0, paused, and posts its frame', () => {
    h.host.handle({ type: 'play' });
    for (let i = 0; i < 30; i++) h.tick(TICK_MS);
    h.host.handle({ type: 'reset' });
    expect(h.sims).toHaveLength(2);
    expect(h.host.isPlaying).toBe(false);
    expect(h.host.time).toBe(0);
    expect(h.out.of('frame').at(-1)?.frame.time).toBe(0);
  });

  it('setTopology goes to the running kernel without a reset, and a frame follows', () => {
    const next = { ...threeTier(), name: 'changed' };
    h.host.handle({ type: 'step', seconds: 2 });
    h.out.clear();
    h.host.handle({ type: 'setTopology', topology: next });
    expect(h.sims).toHaveLength(1);
    expect(h.sim().topologies).toEqual([next]);
    expect(h.sim().time).toBeCloseTo(2, 12);
    h.tick(FRAME_INTERVAL_MS);
    expect(h.out.of('frame')).toHaveLength(1);
  });

  it('reset after setTopology uses the new topology', () => {
    const next = { ...threeTier(), name: 'changed' };
    h.host.handle({ type: 'setTopology', topology: next });
    h.host.handle({ type: 'reset' });
    expect(h.sim().topology).toBe(next);
  });

  it('inject reaches the kernel', () => {
    h.host.handle({ type: 'inject', event: { type: 'kill', atSec: 0, node: 'web' } });
    expect(h.sim().injected).toHaveLength(1);
  });

  it('clamps the speed to 0.25x..100x', () => {
    h.host.handle({ type: 'setSpeed', speed: 1000 });
    expect(h.host.currentSpeed).toBe(100);
    h.host.handle({ type: 'setSpeed', speed: 0.01 });
    expect(h.host.currentSpeed).toBe(0.25);
  });

  it('a kernel error pauses the run and is reported, not thrown', () => {
    h.host.handle({ type: 'play' });
    h.sim().failOnStep = true;
    expect(() => h.tick(2 * TICK_MS)).not.toThrow();
    expect(h.out.of('error')).toEqual([
      { type: 'error', message: 'kernel exploded', fatal: false },
    ]);
    expect(h.host.isPlaying).toBe(false);
  });

  it('the crash hook throws out of handle(); the hang hook stops all answers', () => {
    expect(() => h.host.handle({ type: 'crash' })).toThrow(/crashed on request/);
    h.host.handle({ type: 'play' });
    h.host.handle({ type: 'hang' });
    h.out.clear();
    for (let i = 0; i < 300; i++) h.tick(TICK_MS);
    h.host.handle({ type: 'step', seconds: 1 });
    expect(h.out.messages).toEqual([]);
  });
});

describe('SimHost restart (init with a time)', () => {
  it('resumes at the given time with the given topology', () => {
    const { host, out, sim } = fakeHost();
    const topology = threeTier();
    host.handle(init({ topology, time: 125.5, playing: true }));
    expect(sim().topology).toBe(topology);
    expect(sim().time).toBeCloseTo(125.5, 9);
    expect(host.isPlaying).toBe(true);
    expect(out.of('ready')[0]?.time).toBeCloseTo(125.5, 9);
    expect(out.of('frame')[0]?.frame.time).toBeCloseTo(125.5, 9);
  });

  it('catches up within its wall budget on a slow kernel', () => {
    const { host, sim, clock } = fakeHost(() => 100);
    host.handle(init({ time: 3600 }));
    expect(sim().time).toBeCloseTo(3600, 6);
    expect(clock.t).toBeLessThanOrEqual(CATCH_UP_BUDGET_MS + 2 * 100);
  });

  it('replays injected events at their times on the way', () => {
    const { host, sim } = fakeHost();
    host.handle(
      init({
        time: 100,
        injected: [
          { atSec: 60, event: { type: 'restore', atSec: 0, node: 'web' } },
          { atSec: 30.25, event: { type: 'kill', atSec: 0, node: 'web' } },
          { atSec: 150, event: { type: 'kill', atSec: 0, node: 'app' } },
        ],
      }),
    );
    expect(sim().injected.map((e) => [e.at, e.event.type])).toEqual([
      [expect.closeTo(30.25, 9), 'kill'],
      [expect.closeTo(60, 9), 'restore'],
    ]);
  });
});

describe('SimHost with the real kernel', () => {
  it('plays the three-tier example: time advances and the web server gets busy', () => {
    const clock = new FakeClock();
    const out = new Outbox();
    const host = new SimHost({ createSim, post: out.post, now: clock.now });
    host.handle(init());
    host.handle({ type: 'play' });
    for (let i = 0; i < 125; i++) {
      clock.t += TICK_MS;
      host.advance(TICK_MS);
    }
    const last = out.of('frame').at(-1)!.frame;
    expect(last.time).toBeGreaterThan(1.8);
    const web = last.nodeIds.indexOf('web');
    expect(last.nodes[web * NODE_FIELD_COUNT + F.utilization]).toBeGreaterThan(0);
    expect(last.nodes[web * NODE_FIELD_COUNT + F.throughput]).toBeGreaterThan(0);
  });

  it('a restarted kernel keeps the topology and the time', () => {
    const clock = new FakeClock();
    const out = new Outbox();
    const host = new SimHost({ createSim, post: out.post, now: clock.now });
    const topology = threeTier();
    host.handle(init({ topology, time: 42 }));
    const frame = out.of('frame')[0]!.frame;
    expect(frame.time).toBeCloseTo(42, 6);
    expect(frame.nodeIds).toEqual(topology.nodes.map((n) => n.id));
  });
});
