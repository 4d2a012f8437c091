/**
 * Undo/redo over immutable snapshots. Edits push the previous present onto `past`; a new edit
 * clears `future`. Bounded so a long session cannot exhaust memory.
 * Contract: pure; no DOM, no React.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export const HISTORY_LIMIT = 200;

export const initHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** Records a new present. A no-op edit (same object) records nothing. */
export function record<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
  };
}

/** Steps back one edit, or returns `h` unchanged when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  const present = h.past[h.past.length - 1] as T;
  return { past: h.past.slice(0, -1), present, future: [h.present, ...h.future] };
}

/** Re-applies one undone edit, or returns `h` unchanged. */
export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  const present = h.future[0] as T;
  return { past: [...h.past, h.present], present, future: h.future.slice(1) };
}
