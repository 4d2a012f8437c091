/**
 * Text for the differences between two runs: signed, with the relative change.
 * Contract: pure; no React, no DOM.
 */
import type { Delta } from '../../state/compare';
import { formatDollars, formatNumber } from '../playback/format';

const MINUS = '\u2212';

/** "+12.0" / "−3.40" / "0" with the formatter's digits. */
export function signed(v: number, format: (x: number) => string): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return format(0);
  return `${v > 0 ? '+' : MINUS}${format(Math.abs(v))}`;
}

/** "(+25 %)", or "" when there is no base to compare with. */
export function signedRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '';
  return `(${signed(ratio * 100, (x) => x.toFixed(x >= 10 ? 0 : 1))} %)`;
}

export type DeltaKind = 'p95' | 'errorRate' | 'cost';

const FORMAT: Record<DeltaKind, { value: (v: number) => string; diff: (v: number) => string }> = {
  p95: { value: (v) => `${formatNumber(v)} ms`, diff: (v) => `${formatNumber(v)} ms` },
  errorRate: {
    value: (v) => `${(v * 100).toFixed(2)} %`,
    diff: (v) => `${(v * 100).toFixed(2)} pp`,
  },
  cost: { value: (v) => `$${formatDollars(v)}`, diff: (v) => `$${formatDollars(v)}` },
};

/**
 * The parts of one difference line.
 * @example formatDelta('p95', { current: 60, pinned: 80, diff: -20, ratio: -0.25 })
 * // { current: '60.0 ms', pinned: '80.0 ms', diff: '−20.0 ms', ratio: '(−25 %)' }
 */
export function formatDelta(kind: DeltaKind, d: Delta) {
  const f = FORMAT[kind];
  return {
    current: f.value(d.current),
    pinned: f.value(d.pinned),
    diff: signed(d.diff, f.diff),
    ratio: signedRatio(d.ratio),
  };
}
