/** The topology model: kinds, parameters, schema, edit operations and history. Contract: pure. */
export * from './text';
export * from './params';
export * from './instanceTypes';
export * from './kinds';
export * from './schema';
export * from './ops';
export * from './history';
export { AZS, SG_SOURCES, type Az } from './kinds/instance';
