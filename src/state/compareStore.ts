/**
 * Pinned runs for "compare runs": copies of the end-to-end series of earlier runs, kept in
 * memory (at most MAX_PINNED), and which one the current run is compared with.
 */
import { create } from 'zustand';
import { MAX_PINNED, snapshotSeries, type PinnedRun } from './compare';
import { getSimHistory } from './simStore';

export interface CompareState {
  pinned: PinnedRun[];
  /** Id of the pinned run the current one is compared with. */
  baseline: number | null;
}

const initial = (): CompareState => ({ pinned: [], baseline: null });

export const useCompareStore = create<CompareState>()(initial);

let nextId = 1;

/**
 * Pins a copy of the recorded run; it becomes the baseline. Returns null when nothing has been
 * recorded yet.
 */
export function pinCurrentRun(name: string): PinnedRun | null {
  const series = snapshotSeries(getSimHistory());
  const end = series.t[series.t.length - 1];
  if (end === undefined) return null;
  const run: PinnedRun = { ...series, id: nextId++, name, end };
  useCompareStore.setState((s) => ({
    pinned: [...s.pinned, run].slice(-MAX_PINNED),
    baseline: run.id,
  }));
  return run;
}

export function unpinRun(id: number): void {
  useCompareStore.setState((s) => {
    const pinned = s.pinned.filter((r) => r.id !== id);
    const baseline = s.baseline === id ? (pinned[pinned.length - 1]?.id ?? null) : s.baseline;
    return { pinned, baseline };
  });
}

export function selectBaseline(id: number): void {
  useCompareStore.setState((s) => (s.pinned.some((r) => r.id === id) ? { baseline: id } : s));
}

export function resetCompareStore(): void {
  useCompareStore.setState(initial(), true);
}

/** The pinned run the current run is compared with, or null. */
export function useBaseline(): PinnedRun | null {
  return useCompareStore((s) => s.pinned.find((r) => r.id === s.baseline) ?? null);
}
