/**
 * The messages between the main thread and the simulation worker, both ways, with a version.
 * Bump PROTOCOL_VERSION on any incompatible change: a stale cached worker then answers with a
 * version the client refuses instead of misreading messages.
 * Contract: types, constants and pure guards; no DOM, no `self`, no React.
 */
import type { ScenarioEvent, Topology } from '../core/model';
import type { SimFrame } from '../core/sim';

export const PROTOCOL_VERSION = 1;

/** Playback speeds offered by the UI (simulated seconds per wall-clock second). */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 100;

/** An event injected from the UI, with the simulated second it was injected at (for replay). */
export interface InjectedEvent {
  atSec: number;
  event: ScenarioEvent;
}

/** Main thread → worker. */
export type ToWorker =
  | {
      type: 'init';
      version: number;
      topology: Topology;
      /** Overrides the topology's scenario seed. */
      seed?: number;
      speed: number;
      /**
       * Resume at this simulated second (after a restart). The kernel starts fresh and is run
       * forward to it, replaying the scenario and `injected` events on the way.
       */
      time?: number;
      injected?: InjectedEvent[];
      playing?: boolean;
    }
  | { type: 'setTopology'; topology: Topology }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; seconds: number }
  | { type: 'reset' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'inject'; event: ScenarioEvent }
  /** Test hooks: make the worker throw, or spin forever without answering. */
  | { type: 'crash' }
  | { type: 'hang' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; version: number; time: number }
  | {
      type: 'frame';
      frame: SimFrame;
      playing: boolean;
      speed: number;
    }
  | {
      type: 'heartbeat';
      time: number;
      playing: boolean;
      /** Simulated seconds per wall second actually achieved since the last heartbeat. */
      achievedSpeed: number;
      /**
       * Longest single kernel call (a step or building a frame) since the last heartbeat, in ms:
       * a huge topology legitimately blocks the worker that long, so the watchdog waits longer.
       */
      busyMs: number;
    }
  | { type: 'error'; message: string; fatal: boolean };

export type ToWorkerType = ToWorker['type'];
export type FromWorkerType = FromWorker['type'];

/** Every message type, for guards and exhaustiveness tests. */
export const TO_WORKER_TYPES = [
  'init',
  'setTopology',
  'play',
  'pause',
  'step',
  'reset',
  'setSpeed',
  'inject',
  'crash',
  'hang',
] as const satisfies readonly ToWorkerType[];
export const FROM_WORKER_TYPES = [
  'ready',
  'frame',
  'heartbeat',
  'error',
] as const satisfies readonly FromWorkerType[];

/** For the default branch of an exhaustive switch: fails to compile if a case is missing. */
export function assertNever(value: never, what = 'message'): never {
  throw new Error(`unknown ${what}: ${JSON.stringify(value)}`);
}

/** Clamps a speed into the supported range; NaN becomes 1x. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Checks the envelope of an incoming message: a known `type` and the fields that type needs.
 * Returns a message naming what is wrong, or null. Topologies are validated by their producer
 * (the topology store only holds parsed documents), so they are only checked for shape here.
 * @example checkToWorker({ type: 'step', seconds: -1 }) // 'step.seconds: must be a number > 0'
 */
export function checkToWorker(data: unknown): string | null {
  if (!isRecord(data)) return 'message: must be an object';
  const type = data['type'];
  if (typeof type !== 'string' || !(TO_WORKER_TYPES as readonly string[]).includes(type))
    return `message.type: unknown type ${JSON.stringify(type)}`;
  const t = type as ToWorkerType;
  const topo = (v: unknown) =>
    isRecord(v) && Array.isArray(v['nodes']) && Array.isArray(v['links']);
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  switch (t) {
    case 'init':
      if (data['version'] !== PROTOCOL_VERSION)
        return `init.version: expected ${PROTOCOL_VERSION}, got ${JSON.stringify(data['version'])}`;
      if (!topo(data['topology'])) return 'init.topology: must be a topology document';
      if (!num(data['speed'])) return 'init.speed: must be a number';
      if (data['time'] !== undefined && !(num(data['time']) && (data['time'] as number) >= 0))
        return 'init.time: must be a number ≥ 0';
      if (data['injected'] !== undefined && !Array.isArray(data['injected']))
        return 'init.injected: must be a list';
      return null;
    case 'setTopology':
      return topo(data['topology']) ? null : 'setTopology.topology: must be a topology document';
    case 'step':
      return num(data['seconds']) && (data['seconds'] as number) > 0
        ? null
        : 'step.seconds: must be a number > 0';
    case 'setSpeed':
      return num(data['speed']) ? null : 'setSpeed.speed: must be a number';
    case 'inject':
      return isRecord(data['event']) && typeof data['event']['type'] === 'string'
        ? null
        : 'inject.event: must be a scenario event';
    case 'play':
    case 'pause':
    case 'reset':
    case 'crash':
    case 'hang':
      return null;
    default:
      return assertNever(t, 'message type');
  }
}

/** The buffers of a frame (nodes, per-class metrics, links, global), to transfer instead of copying. */
export function frameTransferables(frame: SimFrame): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of [frame.nodes, frame.classes, frame.linkRates, frame.global])
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  return out;
}
