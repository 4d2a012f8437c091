/**
 * The simulation kernel's entry point: `createSim` and the public surface (types.ts), plus the
 * model constants documentation and reports quote, and small helpers to build topologies in code.
 * Contract: pure; no DOM, no React.
 */
export { createSim } from './kernel';
export * from './types';
export { CROSS_AZ_RTT_MS, INTERNET_RTT_MS, SAME_AZ_RTT_MS } from './compile';
export {
  PENDING_SEC,
  REPLACE_AFTER_SEC,
  SCALE_IN_PERIODS,
  SCALE_IN_RATIO,
  SCALE_OUT_PERIODS,
  WARM_START,
} from './control';
export { classField, nodeField, run, TopologyBuilder } from './testing';
