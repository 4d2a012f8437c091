/**
 * The simulation session: one worker client for the app, fed by the topology store and feeding
 * the sim store. Starts paused at t = 0 with the current topology; topology edits are sent to the
 * running simulation without a reset (the kernel carries the state of unchanged nodes over).
 *
 * Test hooks: with `?testHooks=1` in the page URL, `window.__scaleOutLab` offers
 * `crashWorker()` and `hangWorker()` so end-to-end tests can exercise the watchdog.
 */
import type { ScenarioEvent, Topology } from '../core/model';
import { SimClient, type SimClientOptions } from '../worker/client';
import {
  ingestSimFrame,
  setAchievedSpeed,
  setSimController,
  setSimPlayback,
  setSimStatus,
  showSimNotice,
  useSimStore,
} from './simStore';
import { useTopologyStore } from './topologyStore';

/** Topology edits reach the simulation at most this often (a slider drag is many edits). */
export const TOPOLOGY_THROTTLE_MS = 100;

export interface TopologySource {
  get(): Topology;
  subscribe(listener: (topology: Topology) => void): () => void;
}

/** The editor's document. */
export const topologyStoreSource: TopologySource = {
  get: () => useTopologyStore.getState().doc.present,
  subscribe: (listener) =>
    useTopologyStore.subscribe((s, prev) => {
      if (s.doc.present !== prev.doc.present) listener(s.doc.present);
    }),
};

/**
 * Whether two documents differ in anything the kernel reads: node positions and the document
 * name do not count, so dragging a node around does not disturb the run.
 */
export function simRelevantChange(a: Topology, b: Topology): boolean {
  if (a === b) return false;
  if (a.links !== b.links || a.scenario !== b.scenario || a.nodes.length !== b.nodes.length)
    return true;
  return a.nodes.some((n, i) => {
    const m = b.nodes[i];
    return (
      m === undefined ||
      (n !== m &&
        (n.id !== m.id || n.kind !== m.kind || n.label !== m.label || n.params !== m.params))
    );
  });
}

export interface SessionOptions {
  source?: TopologySource;
  client?: Partial<Pick<SimClientOptions, 'createWorker' | 'now' | 'isHidden'>>;
  /** Install `window.__scaleOutLab`; by default when the URL has `testHooks=1`. */
  testHooks?: boolean;
}

export interface SimSession {
  client: SimClient;
  inject(event: ScenarioEvent): void;
  dispose(): void;
}

interface TestHooks {
  crashWorker(): void;
  hangWorker(): void;
}

function wantsTestHooks(): boolean {
  const search = globalThis.location?.search ?? '';
  return new URLSearchParams(search).get('testHooks') === '1';
}

const pageHidden = () => globalThis.document?.visibilityState === 'hidden';

/** Starts a session: the worker, the store wiring and the playback controls. */
export function startSimSession(options: SessionOptions = {}): SimSession {
  const source = options.source ?? topologyStoreSource;
  const client = new SimClient({
    isHidden: pageHidden,
    ...options.client,
    onFrame: (frame) => ingestSimFrame(frame),
    onHeartbeat: (_time, achieved) => setAchievedSpeed(achieved),
    onStatus: (status) => {
      setSimStatus(status);
      if (status === 'failed') setSimPlayback(false);
    },
    onNotice: (kind, time, detail) => {
      showSimNotice(kind, time, detail);
      if (kind === 'error' || kind === 'failed') setSimPlayback(false);
    },
  });

  let sent = source.get();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentAt = -Infinity;
  const sendTopology = () => {
    timer = null;
    lastSentAt = Date.now();
    const next = source.get();
    if (!simRelevantChange(sent, next)) return;
    sent = next;
    client.setTopology(next);
  };
  const unsubscribe = source.subscribe(() => {
    if (timer !== null) return;
    const wait = Math.max(0, lastSentAt + TOPOLOGY_THROTTLE_MS - Date.now());
    timer = setTimeout(sendTopology, wait);
  });

  setSimPlayback(false, useSimStore.getState().speed);
  client.start(sent, { speed: useSimStore.getState().speed });
  setSimController({
    play: () => {
      client.play();
      setSimPlayback(true);
    },
    pause: () => {
      client.pause();
      setSimPlayback(false);
    },
    step: (seconds) => client.step(seconds),
    reset: () => {
      client.reset();
      setSimPlayback(false);
    },
    setSpeed: (speed) => {
      client.setSpeed(speed);
      setSimPlayback(useSimStore.getState().playing, speed);
    },
    inject: (event) => client.inject(event),
  });

  const hooks: TestHooks | null =
    (options.testHooks ?? wantsTestHooks())
      ? { crashWorker: () => client.crashWorker(), hangWorker: () => client.hangWorker() }
      : null;
  const w = globalThis as { __scaleOutLab?: TestHooks };
  if (hooks) w.__scaleOutLab = hooks;

  return {
    client,
    inject: (event) => client.inject(event),
    dispose: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      setSimController(null);
      client.dispose();
      if (hooks && w.__scaleOutLab === hooks) delete w.__scaleOutLab;
    },
  };
}

let shared: SimSession | null = null;
let users = 0;
let teardown: ReturnType<typeof setTimeout> | null = null;

/**
 * Joins the app's shared session (started on first use). Returns the function to leave it; the
 * session stops a moment after the last user leaves, so React's StrictMode remount (leave, join)
 * keeps the same worker.
 */
export function acquireSimSession(): () => void {
  users++;
  if (teardown !== null) clearTimeout(teardown);
  teardown = null;
  shared ??= startSimSession();
  return () => {
    users--;
    if (users > 0) return;
    teardown = setTimeout(() => {
      teardown = null;
      if (users > 0) return;
      shared?.dispose();
      shared = null;
    }, 0);
  };
}

/** The shared session, if one is running (for failure-injection buttons). */
export const getSimSession = (): SimSession | null => shared;
