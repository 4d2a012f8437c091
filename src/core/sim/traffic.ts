/**
 * Offered load of a users node over time: the five traffic patterns of the users kind.
 * Contract: pure functions; no DOM, no state.
 */
import type { ParamsOf } from '../model/kinds';

export type UsersParams = ParamsOf<'users'>;

/**
 * Request rate (req/s) a users node offers at simulated second `t`, given its current base rate
 * (`setRate` events change the base; the peak stays).
 * - constant: the base rate.
 * - ramp: base until startSec, then linearly to peakRate over durationSec, then peakRate.
 * - step: base until startSec, then peakRate.
 * - spike: peakRate during [startSec, startSec + durationSec), base otherwise.
 * - diurnal: a sinusoid between base (at startSec) and peakRate (half a period later), period
 *   durationSec.
 * @example offeredRate({ ...p, pattern: 'step', rate: 100, peakRate: 200, startSec: 60 }, 100, 61) // 200
 */
export function offeredRate(p: UsersParams, base: number, t: number): number {
  const start = p.startSec;
  const dur = p.durationSec > 0 ? p.durationSec : 1;
  const peak = p.peakRate;
  switch (p.pattern) {
    case 'constant':
      return base;
    case 'ramp':
      if (t < start) return base;
      if (t >= start + dur) return peak;
      return base + ((peak - base) * (t - start)) / dur;
    case 'step':
      return t < start ? base : peak;
    case 'spike':
      return t >= start && t < start + dur ? peak : base;
    case 'diurnal':
      return base + ((peak - base) * (1 - Math.cos((2 * Math.PI * (t - start)) / dur))) / 2;
    default:
      return base;
  }
}
