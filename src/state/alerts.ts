/**
 * The utilization watch behind the 90 % alerts: for every watched series (a node, a group, "any
 * node") it accumulates the time spent at or above the threshold and raises an alert once the
 * value has stayed there for a sustained stretch of simulated time; the alert clears when the
 * value falls below. Fed with the latest frame at the store's flush rate (≤ 10 Hz).
 * Contract: pure functions over plain data; no React, no DOM, no store, no clock.
 */
const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * Time at which the segment from (t0, v0) to (t1, v1) crosses `threshold`.
 * @example crossing(0, 0.8, 10, 1.0, 0.9) === 5
 */
export function crossing(
  t0: number,
  v0: number,
  t1: number,
  v1: number,
  threshold: number,
): number {
  if (v1 === v0) return t1;
  const f = (threshold - v0) / (v1 - v0);
  return t0 + Math.min(1, Math.max(0, f)) * (t1 - t0);
}

/**
 * Seconds of the segment from (t0, v0) to (t1, v1) spent at or above `threshold`, with the value
 * taken as linear between the two samples.
 * @example secondsAbove(0, 0.8, 10, 1.0, 0.9) === 5
 */
export function secondsAbove(
  t0: number,
  v0: number,
  t1: number,
  v1: number,
  threshold: number,
): number {
  const dt = t1 - t0;
  if (!(dt > 0) || !finite(v0) || !finite(v1)) return 0;
  const a0 = v0 >= threshold;
  const a1 = v1 >= threshold;
  if (a0 && a1) return dt;
  if (!a0 && !a1) return 0;
  const tc = crossing(t0, v0, t1, v1, threshold);
  return a1 ? t1 - tc : tc - t0;
}

/**
 * Utilization from which a machine counts as saturated: the "regularly above 90 %" trigger of the
 * scale-out story, the same line the node cards colour at.
 */
export const ALERT_THRESHOLD = 0.9;
/**
 * Simulated seconds a value must stay at or above the threshold before an alert is raised: one
 * minute, the period of a CloudWatch alarm data point, so a short spike does not cry wolf.
 */
export const ALERT_SUSTAIN_SEC = 60;

export interface WatchOptions {
  threshold: number;
  sustainSec: number;
}

export const DEFAULT_WATCH: WatchOptions = {
  threshold: ALERT_THRESHOLD,
  sustainSec: ALERT_SUSTAIN_SEC,
};

export interface WatchEntry {
  /** Last observed value (NaN when missing). */
  value: number;
  /** Simulated second of the last observation. */
  time: number;
  /** When the value last went to or above the threshold, or null while below. */
  aboveSince: number | null;
  /** Seconds at or above the threshold since the run began. */
  timeAbove: number;
  /** An alert is standing for this series. */
  alerted: boolean;
}

export interface WatchState {
  /** Simulated second of the last observation (−Infinity before the first). */
  time: number;
  entries: ReadonlyMap<string, WatchEntry>;
}

export interface AlertChange {
  type: 'raised' | 'cleared';
  key: string;
  /** Simulated second the change was noticed. */
  time: number;
  /** When the breach began. */
  since: number;
  /** The value when the change was noticed (NaN when the series disappeared). */
  value: number;
}

export const emptyWatch = (): WatchState => ({ time: -Infinity, entries: new Map() });

function firstEntry(time: number, value: number, threshold: number): WatchEntry {
  const above = Number.isFinite(value) && value >= threshold;
  return { value, time, aboveSince: above ? time : null, timeAbove: 0, alerted: false };
}

/**
 * Advances the watch to `time` with one value per watched key. A time earlier than the last one
 * (a reset) starts over. Keys missing from `samples` are forgotten (their alerts clear).
 * @example
 * let w = emptyWatch();
 * for (let t = 0; t <= 60; t++) w = observe(w, t, new Map([['server-1', 0.95]])).state;
 * // the call at t = 60 returned a 'raised' change for 'server-1'
 */
export function observe(
  prev: WatchState,
  time: number,
  samples: ReadonlyMap<string, number>,
  opts: WatchOptions = DEFAULT_WATCH,
): { state: WatchState; changes: AlertChange[] } {
  const { threshold, sustainSec } = opts;
  const restart = time < prev.time;
  const old = restart ? new Map<string, WatchEntry>() : prev.entries;
  const entries = new Map<string, WatchEntry>();
  const changes: AlertChange[] = [];
  if (restart)
    for (const [key, e] of prev.entries)
      if (e.alerted)
        changes.push({ type: 'cleared', key, time, since: e.aboveSince ?? e.time, value: NaN });

  for (const [key, value] of samples) {
    const p = old.get(key);
    let e: WatchEntry;
    if (!p || !(time > p.time)) {
      e = p ? { ...p, value } : firstEntry(time, value, threshold);
    } else {
      const above = Number.isFinite(value) && value >= threshold;
      const wasAbove = p.aboveSince !== null;
      let aboveSince = p.aboveSince;
      if (above && !wasAbove)
        aboveSince = Number.isFinite(p.value)
          ? crossing(p.time, p.value, time, value, threshold)
          : time;
      if (!above) aboveSince = null;
      e = {
        value,
        time,
        aboveSince,
        timeAbove: p.timeAbove + secondsAbove(p.time, p.value, time, value, threshold),
        alerted: p.alerted,
      };
    }
    if (e.aboveSince !== null && !e.alerted && time - e.aboveSince >= sustainSec) {
      e.alerted = true;
      changes.push({ type: 'raised', key, time, since: e.aboveSince, value });
    } else if (e.aboveSince === null && e.alerted) {
      e.alerted = false;
      changes.push({ type: 'cleared', key, time, since: p?.aboveSince ?? time, value });
    }
    entries.set(key, e);
  }
  for (const [key, e] of old)
    if (!entries.has(key) && e.alerted)
      changes.push({ type: 'cleared', key, time, since: e.aboveSince ?? e.time, value: NaN });
  return { state: { time, entries }, changes };
}

/** Seconds the series has been at or above the threshold so far (0 for an unknown key). */
export const timeAbove = (state: WatchState, key: string): number =>
  state.entries.get(key)?.timeAbove ?? 0;
