/** Number formatting for the playback bar and the node cards. */

/**
 * Simulated seconds as m:ss, or h:mm:ss from one hour. Time advances in sums of steps (ten 0.1 s
 * steps make 0.9999999999999999 s), so a value a hair under a whole second counts as that second.
 */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor((Number.isFinite(seconds) ? seconds : 0) + 1e-6));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** A rate or a latency with a sensible number of digits: 0.42, 4.2, 42, 420, 4.2k, 42k. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  if (a >= 100 || a === 0) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** A 0..1 ratio as a whole percentage (never rounds a small non-zero value to 0 %). */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const p = ratio * 100;
  if (p > 0 && p < 1) return '<1';
  return p.toFixed(0);
}

/** Dollars with cents below $100. */
export function formatDollars(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 100 ? v.toFixed(0) : v.toFixed(2);
}
