/** Animation length that honours the user's reduced-motion setting (0 when reduced). */
export function motionMs(ms: number): number {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
