/**
 * A grading run started for a check request, advanced in slices (checkRunner.ts starts it). Its own module
 * because it brings the kernel: the check worker imports it, the page only loads it on demand.
 */
import { startGoalRun, type GoalRun } from '../../core/scenarios/goal';
import type { CheckMessage, CheckRequest } from './checkRunner';

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

/**
 * Starts a grading run for a request; a failure to start is an error message, not a throw.
 * @example const cancel = runCheck({ goal, topology }, (m) => console.log(m));
 */
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
