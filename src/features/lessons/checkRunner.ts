/**
 * "Check my design": runs `checkGoal`'s grading run without freezing the page. In a Web Worker
 * when the browser has them; otherwise (or if the worker fails to start) on the main thread in
 * slices of a few milliseconds, yielding between slices so input and painting go on.
 */
import type { Topology } from '../../core/model';
// Types only: the kernel and the judge reach the page in the check worker, or through
// `runCheckLater` when there is no worker, never in the first download.
import type { Goal, GoalResult } from '../../core/scenarios/goal';

export type CheckMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; result: GoalResult }
  | { type: 'error'; message: string };

export interface CheckRequest {
  goal: Goal;
  topology: Topology;
}

/**
 * `runCheck` (runCheck.ts) loaded on demand, for the main thread when no worker can run the check.
 * A kernel that cannot be loaded (offline before the first full visit) is an error message.
 */
function runCheckLater(request: CheckRequest, onMessage: (m: CheckMessage) => void): () => void {
  let cancel: (() => void) | null = null;
  let cancelled = false;
  import('./runCheck').then(
    ({ runCheck }) => {
      if (!cancelled) cancel = runCheck(request, onMessage);
    },
    (e: unknown) => {
      if (!cancelled)
        onMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    },
  );
  return () => {
    cancelled = true;
    cancel?.();
  };
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
  if (!worker) return runCheckLater(request, onMessage);

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
    fallback = runCheckLater(request, onMessage);
  };
  w.postMessage(request);
  return () => {
    if (!finished) stop();
    fallback?.();
  };
}
