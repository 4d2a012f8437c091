/**
 * Where a sampled series is at or above a threshold: the spans to shade on a chart and the time
 * they add up to. Crossings are placed by linear interpolation between samples, so the shading
 * does not jump by a whole sample interval.
 * Contract: pure functions over plain arrays; no React, no DOM, no store.
 */
import { crossing } from '../../state/alerts';

export { crossing, secondsAbove } from '../../state/alerts';

/** A closed interval of simulated seconds. */
export interface Span {
  x1: number;
  x2: number;
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/**
 * The spans where `v` is at or above `threshold`. A gap (NaN: the node did not exist) ends a span.
 * A span of a single sample has zero width; it is kept so an instant above the line still shows.
 * @example aboveSpans([0, 10, 20, 30], [0.8, 1, 1, 0.8], 0.9) // [{ x1: 5, x2: 25 }]
 */
export function aboveSpans(t: ArrayLike<number>, v: ArrayLike<number>, threshold: number): Span[] {
  const spans: Span[] = [];
  const n = Math.min(t.length, v.length);
  let start: number | null = null;
  for (let i = 0; i < n; i++) {
    const ti = t[i]!;
    const vi = v[i];
    const above = finite(vi) && vi >= threshold;
    const prevT = i > 0 ? t[i - 1]! : ti;
    const prevV = i > 0 ? v[i - 1] : undefined;
    if (above && start === null) {
      start = finite(prevV) ? crossing(prevT, prevV, ti, vi, threshold) : ti;
    } else if (!above && start !== null) {
      const end = finite(vi) && finite(prevV) ? crossing(prevT, prevV, ti, vi, threshold) : prevT;
      spans.push({ x1: start, x2: end });
      start = null;
    }
  }
  if (start !== null && n > 0) spans.push({ x1: start, x2: t[n - 1]! });
  return spans;
}

/** Total length of the spans in seconds. */
export const spansDuration = (spans: readonly Span[]): number =>
  spans.reduce((sum, s) => sum + (s.x2 - s.x1), 0);
