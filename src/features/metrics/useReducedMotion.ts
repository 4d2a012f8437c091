import { useSyncExternalStore } from 'react';

const REDUCED = '(prefers-reduced-motion: reduce)';
const subscribeMotion = (cb: () => void) => {
  const mq = window.matchMedia?.(REDUCED);
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
};
const reducedMotion = () => window.matchMedia?.(REDUCED).matches ?? false;

/** Whether the user asked the system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, reducedMotion, () => false);
}
