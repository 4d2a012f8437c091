/** The simulation kernel's entry point. Contract: pure; no DOM, no React. */
export { createSim } from './kernel';
export * from './types';
