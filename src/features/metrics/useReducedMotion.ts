import { useSyncExternalStore } from 'react';

const REDUCED = '(prefers-reduced-motion: reduce)';
// One query for every edge; undefined where matchMedia does not exist.
let query: MediaQueryList | undefined;
const mq = () => (query ??= globalThis.matchMedia?.(REDUCED));

const subscribe = (cb: () => void) => {
  const q = mq();
  q?.addEventListener('change', cb);
  return () => q?.removeEventListener('change', cb);
};
const snapshot = () => mq()?.matches ?? false;

/** Whether the user asked the system for less motion (follows changes live). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
