/** Lessons and goals as data, graded through the kernel. Contract: pure; no DOM, no React. */
export * from './goal';
export * from './lessons';
export { topo, type NodeTuple } from './build';
