/**
 * The ids of the lessons, in the tutorial's order: the table of contents the page needs before the
 * lessons themselves (their texts and topologies) are downloaded. lessons.test.ts holds it equal
 * to `LESSONS`.
 * Contract: pure data; no DOM, no React.
 */
export const LESSON_IDS = [
  'one-box',
  'scale-up',
  'split-db',
  'split-app',
  'replicas',
  'shards',
  'app-pool',
  'dns-round-robin',
  'lb-failover',
  'lb-config',
  'images',
  'auto-scaling',
] as const;
