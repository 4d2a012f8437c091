/** Lessons and goals as data, graded through the kernel. Contract: pure; no DOM, no React. */
export * from './goal';
export * from './grade';
export * from './lessons';
export * from './live';
export { topo, type NodeTuple } from './build';
