/**
 * Text for the differences between two runs: signed, with the relative change.
 * Contract: pure; no React, no DOM.
 */
import type { Delta } from '../../state/compare';
import { formatDollars, formatNumber } from '../playback/format';

const MINUS = '\u2212';

/**
 * "+12.0" / "−3.40" / "0.0" with the formatter's digits; a difference too small to show at those
 * digits is written as zero, without a sign.
 */
export function signed(v: number, format: (x: number) => string): string {
  if (!Number.isFinite(v)) return '–';
  const zero = format(0);
  const abs = format(Math.abs(v));
  if (abs === zero) return zero;
  return `${v > 0 ? '+' : MINUS}${abs}`;
}

/** "(+25 %)", or "" when there is no base to compare with. */
export function signedRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '';
  return `(${signed(ratio * 100, (x) => x.toFixed(x >= 10 ? 0 : 1))} %)`;
}

/** Dollars with cents, or four decimals below $1 (a short run of a small machine costs $0.0042). */
export const cost = (v: number): string =>
  Math.abs(v) < 1 ? `$${v.toFixed(4)}` : `$${formatDollars(v)}`;

export type DeltaKind = 'p95' | 'errorRate' | 'cost';

const FORMAT: Record<DeltaKind, { value: (v: number) => string; diff: (v: number) => string }> = {
  p95: { value: (v) => `${formatNumber(v)} ms`, diff: (v) => `${formatNumber(v)} ms` },
  errorRate: {
    value: (v) => `${(v * 100).toFixed(2)} %`,
    diff: (v) => `${(v * 100).toFixed(2)} pp`,
  },
  cost: { value: (v) => cost(v), diff: (v) => cost(v) },
};

/**
 * The parts of one difference line.
 * @example formatDelta('p95', { current: 60, pinned: 80, diff: -20, ratio: -0.25 })
 * // { current: '60.0 ms', pinned: '80.0 ms', diff: '−20.0 ms', ratio: '(−25 %)' }
 */
export function formatDelta(kind: DeltaKind, d: Delta) {
  const f = FORMAT[kind];
  const diff = signed(d.diff, f.diff);
  // A difference that shows as zero has no meaningful relative change either.
  const shown = diff !== f.diff(0) ? Math.sign(d.diff) : 0;
  return {
    current: f.value(d.current),
    pinned: f.value(d.pinned),
    diff,
    ratio: shown === 0 ? '' : signedRatio(d.ratio),
    /** −1 better (lower), 0 no visible change, +1 worse (higher). */
    direction: shown,
  };
}
