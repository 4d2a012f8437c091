/**
 * "Check my design": runs `checkGoal`'s grading run without freezing the page. In a Web Worker
 * when the browser has them; otherwise (or if the worker fails to start) on the main thread in
 * slices of a few milliseconds, yielding between slices so input and painting go on.
 */
import type { Topology } from '../../core/model';
// The goal file directly, not the scenarios index: the worker needs the kernel and the judge,
// not the lesson texts, the schema or the codec.
import { startGoalRun, type Goal, type GoalResult, type GoalRun } from '../../core/scenarios/goal';

export type CheckMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; result: GoalResult }
  | { type: 'error'; message: string };

export interface CheckRequest {
  goal: Goal;
  topology: Topology;
}

/** Kernel steps per slice before looking at the clock. */
const STEPS_PER_PROBE = 50;
/** Wall time per slice on the main thread, well under a 60 Hz frame. */
export const SLICE_MS = 8;

export interface SliceDeps {
  now: () => number;
  /** Runs `fn` later (setTimeout in the browser). */
  defer: (fn: () => void) => void;
}

const browserDeps: SliceDeps = {
  now: () => performance.now(),
  defer: (fn) => setTimeout(fn, 0),
};

/**
 * Advances a grading run in time-boxed slices, reporting progress after each; `cancel` stops it.
 * @example runInSlices(startGoalRun(t, goal), (m) => console.log(m))
 */
export function runInSlices(
  run: GoalRun,
  onMessage: (m: CheckMessage) => void,
  deps: SliceDeps = browserDeps,
  sliceMs = SLICE_MS,
): () => void {
  let cancelled = false;
  const slice = () => {
    if (cancelled) return;
    try {
      const until = deps.now() + sliceMs;
      let done = false;
      do done = run.advance(STEPS_PER_PROBE);
      while (!done && deps.now() < until);
      if (done) return onMessage({ type: 'done', result: run.result() });
      onMessage({ type: 'progress', progress: run.time / run.endSec });
      deps.defer(slice);
    } catch (e) {
      onMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  deps.defer(slice);
  return () => {
    cancelled = true;
  };
}

/** Starts a grading run for a request; a failure to start is an error message, not a throw. */
export function runCheck(
  request: CheckRequest,
  onMessage: (m: CheckMessage) => void,
  deps?: SliceDeps,
  sliceMs?: number,
): () => void {
  let run: GoalRun;
  try {
    run = startGoalRun(request.topology, request.goal);
  } catch (e) {
    onMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    return () => {};
  }
  return runInSlices(run, onMessage, deps, sliceMs);
}

/**
 * Checks a design off the main thread where possible. Returns the function that cancels it.
 * @example const cancel = checkDesign({ goal: lesson.goal, topology }, (m) => setCheck(m))
 */
export function checkDesign(
  request: CheckRequest,
  onMessage: (m: CheckMessage) => void,
): () => void {
  let worker: Worker | null = null;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./check.worker.ts', import.meta.url), {
            type: 'module',
            name: 'scale-out-lab-check',
          });
  } catch {
    worker = null; // blocked by policy: fall back below
  }
  if (!worker) return runCheck(request, onMessage);

  let fallback: (() => void) | null = null;
  let finished = false;
  const w = worker;
  const stop = () => {
    finished = true;
    w.terminate();
  };
  w.onmessage = (e: MessageEvent<CheckMessage>) => {
    if (finished) return;
    if (e.data.type !== 'progress') stop();
    onMessage(e.data);
  };
  w.onerror = (e) => {
    // A worker that cannot load (a strict CSP, a broken chunk): do the same work here.
    e.preventDefault();
    if (finished) return;
    stop();
    fallback = runCheck(request, onMessage);
  };
  w.postMessage(request);
  return () => {
    if (!finished) stop();
    fallback?.();
  };
}
