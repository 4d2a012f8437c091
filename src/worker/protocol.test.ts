import { describe, expect, expectTypeOf, it } from 'vitest';
import { topo } from '../core/scenarios';
import { GLOBAL_FIELD_COUNT } from '../core/sim';
import {
  assertNever,
  checkToWorker,
  clampSpeed,
  FROM_WORKER_TYPES,
  frameTransferables,
  MAX_SPEED,
  MIN_SPEED,
  PROTOCOL_VERSION,
  SPEEDS,
  TO_WORKER_TYPES,
  type FromWorker,
  type FromWorkerType,
  type ToWorker,
  type ToWorkerType,
} from './protocol';

const topology = topo('one', [['users-1', 'users', 'Users', 0, 0]], []);

/** One valid example of every main → worker message, keyed by type (the compiler checks keys). */
const EXAMPLES: { [K in ToWorkerType]: Extract<ToWorker, { type: K }> } = {
  init: { type: 'init', version: PROTOCOL_VERSION, topology, speed: 1 },
  setTopology: { type: 'setTopology', topology },
  play: { type: 'play' },
  pause: { type: 'pause' },
  step: { type: 'step', seconds: 1 },
  reset: { type: 'reset' },
  setSpeed: { type: 'setSpeed', speed: 2 },
  inject: { type: 'inject', event: { type: 'kill', atSec: 0, node: 'users-1' } },
  crash: { type: 'crash' },
  hang: { type: 'hang' },
};

describe('protocol', () => {
  it('lists every message type exactly once, both ways', () => {
    expectTypeOf<(typeof TO_WORKER_TYPES)[number]>().toEqualTypeOf<ToWorkerType>();
    expectTypeOf<(typeof FROM_WORKER_TYPES)[number]>().toEqualTypeOf<FromWorkerType>();
    expect(new Set(TO_WORKER_TYPES).size).toBe(TO_WORKER_TYPES.length);
    expect(new Set(FROM_WORKER_TYPES).size).toBe(FROM_WORKER_TYPES.length);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...TO_WORKER_TYPES].sort());
  });

  it('accepts a valid message of every type', () => {
    for (const m of Object.values(EXAMPLES)) expect(checkToWorker(m), m.type).toBeNull();
  });

  it('names what is wrong with a bad message', () => {
    expect(checkToWorker(null)).toBe('message: must be an object');
    expect(checkToWorker({ type: 'fly' })).toBe('message.type: unknown type "fly"');
    expect(checkToWorker({ ...EXAMPLES.init, version: 0 })).toBe(
      `init.version: expected ${PROTOCOL_VERSION}, got 0`,
    );
    expect(checkToWorker({ ...EXAMPLES.init, topology: {} })).toBe(
      'init.topology: must be a topology document',
    );
    expect(checkToWorker({ ...EXAMPLES.init, time: -1 })).toBe('init.time: must be a number ≥ 0');
    expect(checkToWorker({ ...EXAMPLES.init, injected: 3 })).toBe('init.injected: must be a list');
    expect(checkToWorker({ type: 'setTopology' })).toBe(
      'setTopology.topology: must be a topology document',
    );
    expect(checkToWorker({ type: 'step', seconds: 0 })).toBe('step.seconds: must be a number > 0');
    expect(checkToWorker({ type: 'step', seconds: Infinity })).toBe(
      'step.seconds: must be a number > 0',
    );
    expect(checkToWorker({ type: 'setSpeed', speed: 'fast' })).toBe(
      'setSpeed.speed: must be a number',
    );
    expect(checkToWorker({ type: 'inject', event: 'boom' })).toBe(
      'inject.event: must be a scenario event',
    );
  });

  it('a switch over worker messages is exhaustive', () => {
    const describe = (m: FromWorker): string => {
      switch (m.type) {
        case 'ready':
          return `ready v${m.version}`;
        case 'frame':
          return `frame ${m.frame.time}`;
        case 'heartbeat':
          return `beat ${m.time}`;
        case 'error':
          return `error ${m.message}`;
        default:
          return assertNever(m);
      }
    };
    expect(
      describe({ type: 'heartbeat', time: 3, playing: true, achievedSpeed: 1, busyMs: 2 }),
    ).toBe('beat 3');
    expect(() => assertNever({ type: 'odd' } as never)).toThrow('unknown message: {"type":"odd"}');
  });

  it('clamps speeds into the offered range', () => {
    expect(SPEEDS[0]).toBe(MIN_SPEED);
    expect(SPEEDS.at(-1)).toBe(MAX_SPEED);
    expect(clampSpeed(500)).toBe(MAX_SPEED);
    expect(clampSpeed(0)).toBe(MIN_SPEED);
    expect(clampSpeed(NaN)).toBe(1);
    for (const s of SPEEDS) expect(clampSpeed(s)).toBe(s);
  });

  it('transfers each distinct buffer of a frame once', () => {
    const shared = new ArrayBuffer(8 * (2 + GLOBAL_FIELD_COUNT));
    const frame = {
      time: 0,
      nodeIds: [],
      nodes: new Float64Array(shared, 0, 1),
      linkIds: [],
      linkRates: new Float64Array(shared, 8, 1),
      global: new Float64Array(GLOBAL_FIELD_COUNT),
      events: [],
      diagnostics: [],
      targets: [],
      cohorts: [],
      instances: [],
    };
    expect(frameTransferables(frame)).toEqual([shared, frame.global.buffer]);
  });

  it('transfers the per-class metrics with the other buffers', () => {
    const frame = {
      time: 0,
      nodeIds: ['a'],
      nodes: new Float64Array(4),
      classes: new Float64Array(6),
      linkIds: [],
      linkRates: new Float64Array(0),
      global: new Float64Array(GLOBAL_FIELD_COUNT),
      events: [],
      diagnostics: [],
      targets: [],
      cohorts: [],
      instances: [],
    };
    expect(frameTransferables(frame)).toEqual([
      frame.nodes.buffer,
      frame.classes.buffer,
      frame.linkRates.buffer,
      frame.global.buffer,
    ]);
  });
});
