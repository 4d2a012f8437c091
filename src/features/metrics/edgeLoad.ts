/**
 * How a link shows its load on the canvas: a band whose width grows with the logarithm of the
 * requests per second it carries, and moving dots whose number grows with it (capped).
 * Contract: pure; no React, no DOM, no store.
 */
import type { SimFrame } from '../../core/sim';

/** Widest band, px (a link at ~100k req/s). */
export const MAX_BAND_WIDTH = 14;
/** Most dots on one link. */
export const MAX_DOTS = 6;
/** Requests per second one dot stands for. */
export const RATE_PER_DOT = 30;
/** Seconds a dot takes from caller to callee (wall clock; the dots are a picture, not data). */
export const DOT_TRAVEL_SEC = 2;

/**
 * Band width for a rate: 0 for an idle link, then 2 px + 2.2 px per decade.
 * @example bandWidth(0) === 0; bandWidth(99) ≈ 6.4
 */
export function bandWidth(rate: number): number {
  if (!(rate > 0)) return 0;
  return Math.min(MAX_BAND_WIDTH, 2 + 2.2 * Math.log10(1 + rate));
}

/**
 * Moving dots on the whole canvas, at most. Each one is an animation the browser runs on the main
 * thread every frame; past a few hundred they cost more than the picture is worth, so a large
 * system shares this budget across its links (and from 1 link per dot on, shows bands only).
 */
export const MAX_CANVAS_DOTS = 240;
/** Below this zoom a dot is a pixel or two: not drawn. */
export const MIN_DOT_ZOOM = 0.4;

/**
 * Dots for a rate: one per RATE_PER_DOT req/s (at least one on a busy link), at most MAX_DOTS, and
 * at most this link's share of MAX_CANVAS_DOTS among `links`.
 * @example dotCount(120) === 4; dotCount(120, 200) === 1; dotCount(120, 300) === 0
 */
export function dotCount(rate: number, links = 1): number {
  if (!(rate > 0)) return 0;
  const share = Math.floor(MAX_CANVAS_DOTS / Math.max(1, links));
  return Math.min(MAX_DOTS, share, Math.max(1, Math.ceil(rate / RATE_PER_DOT)));
}

const indexCache = new WeakMap<readonly string[], Map<string, number>>();

/**
 * The rate a link carries in a frame, NaN when it is not in it. The id → index map is built once
 * per frame and shared by every edge that asks.
 */
export function linkRate(
  frame: Pick<SimFrame, 'linkIds' | 'linkRates'> | null,
  id: string,
): number {
  if (!frame) return NaN;
  let index = indexCache.get(frame.linkIds);
  if (!index) {
    index = new Map(frame.linkIds.map((l, i) => [l, i]));
    indexCache.set(frame.linkIds, index);
  }
  const i = index.get(id);
  return i === undefined ? NaN : (frame.linkRates[i] ?? NaN);
}
