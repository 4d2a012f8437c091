/** The "Check my design" worker: one grading run per message, progress posted as it goes. */
import type { CheckMessage, CheckRequest } from './checkRunner';
import { runCheck } from './runCheck';

// The app's tsconfig types `self` as a Window; this file runs in a DedicatedWorkerGlobalScope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckMessage): void;
};

// In a worker, nothing else waits for the thread: larger slices, fewer progress messages.
scope.onmessage = (e) =>
  runCheck(
    e.data,
    (m) => scope.postMessage(m),
    { now: () => performance.now(), defer: (fn) => setTimeout(fn, 0) },
    50,
  );
