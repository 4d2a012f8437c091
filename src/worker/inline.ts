/**
 * What the main-thread fallback runs in place of the worker script: the same host and kernel.
 * Loaded on demand by `MainThreadWorker`, so pages with workers never download it twice.
 */
export { createSim } from '../core/sim/kernel';
export { SimHost } from './host';
