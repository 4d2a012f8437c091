/**
 * The reference discrete-event engine: per request, seeded, for validating the fluid kernel.
 * Contract: pure; no DOM, no clock.
 */
export {
  runDes,
  runNetwork,
  sourceRate,
  type DesEndToEnd,
  type DesNodeReport,
  type DesOptions,
  type DesReport,
} from './engine';
export {
  compileNetwork,
  CROSS_AZ_RTT_MS,
  ERROR_CODES,
  INTERNET_RTT_MS,
  SAME_AZ_RTT_MS,
  type DesErrorCode,
  type Network,
} from './compile';
export { NetworkBuilder, type BuildPolicy, type StationSpec } from './build';
export { quantileSorted, type Summary } from './samples';
export { Rng } from './rng';
