/**
 * The simulation session store: playback state, the latest frame, a bounded history and the
 * recent events, plus the worker's status and the notice shown after a restart.
 * Frames arrive from the worker (~10 Hz) but are buffered and flushed into the store at most every
 * FLUSH_INTERVAL_MS, because re-rendering every node card on every message makes drags stutter.
 * The controls (play, pause, ...) go through the controller the session registers.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioEvent } from '../core/model';
import {
  F,
  NODE_FIELD_COUNT,
  type Diagnostic,
  type NodeField,
  type SimEvent,
  type SimFrame,
} from '../core/sim/types';
import { SimHistory } from './simHistory';

export const FLUSH_INTERVAL_MS = 100;
/** Recent events kept for the log and the chart markers. */
export const MAX_EVENTS = 200;

export type WorkerStatus =
  /** Not started yet. */
  | 'idle'
  | 'starting'
  /** Running in a Web Worker. */
  | 'worker'
  /** Web Workers unavailable: the same host runs on the main thread. */
  | 'mainThread'
  | 'restarting'
  /** Gave up after repeated failures. */
  | 'failed';

export type NoticeKind = 'crashed' | 'hung' | 'fallback' | 'failed' | 'error';

export interface SimNotice {
  /** Increments with each notice, so the same kind can be shown again. */
  id: number;
  kind: NoticeKind;
  /** Simulated second the run resumed at (restarts). */
  time: number;
  detail?: string;
}

/** What the playback controls call; registered by the session that owns the worker client. */
export interface SimController {
  play(): void;
  pause(): void;
  step(seconds: number): void;
  reset(): void;
  setSpeed(speed: number): void;
  /** A failure or traffic event now (kill, restore, slow, cut link, lose AZ, set rate). */
  inject(event: ScenarioEvent): void;
}

export interface SimState {
  playing: boolean;
  speed: number;
  /** Simulated seconds. */
  time: number;
  frame: SimFrame | null;
  /** Node id → stride index in `frame.nodes`. */
  nodeIndex: ReadonlyMap<string, number>;
  /** The latest frame's diagnostics grouped by node, in frame order. */
  diagnosticsByNode: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Increments when the history gains points (read it with getSimHistory()). */
  historyVersion: number;
  /** Most recent last, at most MAX_EVENTS. */
  events: readonly SimEvent[];
  status: WorkerStatus;
  notice: SimNotice | null;
  /** Simulated seconds per wall second actually achieved while playing (NaN: not measured). */
  achievedSpeed: number;
}

const initialState = (): SimState => ({
  playing: false,
  speed: 1,
  time: 0,
  frame: null,
  nodeIndex: new Map(),
  diagnosticsByNode: new Map(),
  historyVersion: 0,
  events: [],
  status: 'idle',
  notice: null,
  achievedSpeed: NaN,
});

export const useSimStore = create<SimState>()(initialState);

let history = new SimHistory();
let controller: SimController | null = null;
let pending: { frame: SimFrame | null; events: SimEvent[]; added: boolean } = {
  frame: null,
  events: [],
  added: false,
};
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let lastFlush = -Infinity;
let noticeId = 0;
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const EMPTY_DIAGNOSTICS: ReadonlyMap<string, readonly Diagnostic[]> = new Map();

/** Groups diagnostics by node; returns `prev` when both are empty (the common case). */
function groupDiagnostics(
  list: readonly Diagnostic[],
  prev: ReadonlyMap<string, readonly Diagnostic[]>,
): ReadonlyMap<string, readonly Diagnostic[]> {
  if (list.length === 0) return prev.size === 0 ? prev : EMPTY_DIAGNOSTICS;
  const out = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const bucket = out.get(d.node);
    if (bucket) bucket.push(d);
    else out.set(d.node, [d]);
  }
  return out;
}

/** The history ring behind `historyVersion`. */
export const getSimHistory = (): SimHistory => history;

export function setSimController(next: SimController | null): void {
  controller = next;
}

/** The playback controls; they do nothing until a session has registered its controller. */
export const simControls: SimController = {
  play: () => controller?.play(),
  pause: () => controller?.pause(),
  step: (seconds) => controller?.step(seconds),
  reset: () => controller?.reset(),
  setSpeed: (speed) => controller?.setSpeed(speed),
  inject: (event) => controller?.inject(event),
};

/** Writes the buffered frame, events and history into the store now. */
export function flushSimFrames(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  lastFlush = clock();
  const { frame, events, added } = pending;
  pending = { frame: null, events: [], added: false };
  if (!frame && events.length === 0 && !added) return;
  useSimStore.setState((s) => {
    const next: Partial<SimState> = {};
    if (frame) {
      next.frame = frame;
      next.time = frame.time;
      const sameIds =
        s.frame !== null &&
        s.frame.nodeIds.length === frame.nodeIds.length &&
        s.frame.nodeIds.every((id, i) => id === frame.nodeIds[i]);
      if (!sameIds) next.nodeIndex = new Map(frame.nodeIds.map((id, i) => [id, i]));
      next.diagnosticsByNode = groupDiagnostics(frame.diagnostics, s.diagnosticsByNode);
    }
    if (events.length > 0) next.events = [...s.events, ...events].slice(-MAX_EVENTS);
    if (added) next.historyVersion = s.historyVersion + 1;
    return next;
  });
}

/**
 * Buffers a frame from the worker; the store sees it at the next flush (≤ 10 Hz while playing,
 * at once while paused so a single step shows immediately). A frame earlier than the last one
 * (a reset) clears the history and the event list.
 */
export function ingestSimFrame(frame: SimFrame): void {
  const last = pending.frame ?? useSimStore.getState().frame;
  if (last && frame.time < last.time) {
    history.clear();
    pending = { frame: null, events: [], added: false };
    useSimStore.setState((s) => ({ events: [], historyVersion: s.historyVersion + 1 }));
  }
  pending.frame = frame;
  if (frame.events.length > 0) pending.events.push(...frame.events);
  if (history.push(frame)) pending.added = true;
  if (!useSimStore.getState().playing) return flushSimFrames();
  if (flushTimer !== null) return;
  const wait = Math.max(0, lastFlush + FLUSH_INTERVAL_MS - clock());
  flushTimer = setTimeout(flushSimFrames, wait);
}

/** Playback state as the user set it (the client is the source of truth, not late frames). */
export function setSimPlayback(playing: boolean, speed?: number): void {
  const s = useSimStore.getState();
  if (s.playing === playing && (speed === undefined || speed === s.speed)) return;
  // A new speed or a restart of playback starts a new measurement.
  useSimStore.setState(
    speed === undefined ? { playing, achievedSpeed: NaN } : { playing, speed, achievedSpeed: NaN },
  );
}

export function setAchievedSpeed(achievedSpeed: number): void {
  useSimStore.setState({ achievedSpeed });
}

export function setSimStatus(status: WorkerStatus): void {
  useSimStore.setState({ status });
}

export function showSimNotice(kind: NoticeKind, time: number, detail?: string): void {
  noticeId++;
  useSimStore.setState({
    notice:
      detail === undefined ? { id: noticeId, kind, time } : { id: noticeId, kind, time, detail },
  });
}

export function dismissSimNotice(): void {
  useSimStore.setState({ notice: null });
}

/** Back to the initial state (tests, and a fresh session). */
export function resetSimStore(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  lastFlush = -Infinity;
  pending = { frame: null, events: [], added: false };
  history = new SimHistory();
  useSimStore.setState(initialState(), true);
}

/** One field of one node from a frame, or NaN if the node is not in it. */
export function readNodeField(
  s: Pick<SimState, 'frame' | 'nodeIndex'>,
  id: string,
  field: NodeField,
): number {
  const i = s.nodeIndex.get(id);
  if (i === undefined || !s.frame) return NaN;
  return s.frame.nodes[i * NODE_FIELD_COUNT + F[field]] ?? NaN;
}

/** One field of one node (NaN until the node appears in a frame). Re-renders only when it changes. */
export function useNodeMetric(id: string, field: NodeField): number {
  return useSimStore((s) => readNodeField(s, id, field));
}

/** Several fields of one node at once, as a record; re-renders when any of them changes. */
export function useNodeFields<K extends NodeField>(
  id: string,
  fields: readonly K[],
): Record<K, number> {
  return useSimStore(
    useShallow((s) => {
      const out = {} as Record<K, number>;
      for (const f of fields) out[f] = readNodeField(s, id, f);
      return out;
    }),
  );
}

/** How many diagnostics a node has, and the first one (primitives, so equal frames don't re-render). */
export function useNodeDiagnostics(id: string): {
  count: number;
  severity: Diagnostic['severity'] | null;
  en: string;
  ko: string;
} {
  return useSimStore(
    useShallow((s) => {
      const list = s.diagnosticsByNode.get(id);
      const first = list?.[0];
      return {
        count: list?.length ?? 0,
        severity: first?.severity ?? null,
        en: first?.message.en ?? '',
        ko: first?.message.ko ?? '',
      };
    }),
  );
}

/** One end-to-end field (`G.latencyP95`), NaN before the first frame. */
export function useGlobalMetric(index: number): number {
  return useSimStore((s) => (s.frame ? (s.frame.global[index] ?? NaN) : NaN));
}
