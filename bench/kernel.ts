/**
 * Kernel benchmarks: wall time of one fluid step (and of building a frame) on generated
 * topologies, and heap use over a long run. Times come from performance.now() around each single
 * step after a warm-up, so the median and p95 describe the distribution of steps, not a mean of
 * batches.
 */
import type { Topology } from '../src/core/model';
import { createSim } from '../src/core/sim';

/** Median step-time targets per node count, ms (docs: 1,000 nodes ≤ 0.5 ms, 10,000 ≤ 5 ms). */
export const STEP_TARGETS_MS: Readonly<Record<number, number>> = { 1000: 0.5, 10000: 5 };
/** The worker steps once per animation frame. */
export const FRAME_DT = 1 / 60;
/** Frames timed per topology at most (each after a tenth of a simulated second of steps). */
const MAX_TIMED_FRAMES = 30;
/** Heap growth over the long run still called "flat", MB. */
export const FLAT_HEAP_MB = 2;

export type Status = 'PASS' | 'MISS' | 'n/a';

export interface StepBench {
  name: string;
  topology: string;
  nodes: number;
  links: number;
  dt: number;
  warmupSteps: number;
  steps: number;
  frames: number;
  msPerStepMedian: number;
  msPerStepP95: number;
  msPerStepMean: number;
  /**
   * CPU time of the process per step (all its threads, garbage collection included): less
   * sensitive than wall time to other programs competing for the machine.
   */
  cpuMsPerStepMean: number;
  /** frame() is timed at 10 Hz of simulated time (as the worker posts metrics), within budget. */
  msPerFrameMedian: number;
  targetMsPerStepMedian: number | null;
  status: Status;
}

export interface StepBudget {
  /** Wall-clock ms of warm-up (at least minSteps steps). */
  warmupMs: number;
  /** Wall-clock ms of measured steps (at least minSteps, at most maxSteps). */
  measureMs: number;
  minSteps: number;
  maxSteps: number;
}

export const DEFAULT_BUDGET: StepBudget = {
  warmupMs: 500,
  measureMs: 2000,
  minSteps: 50,
  maxSteps: 5000,
};

/**
 * The q-quantile (0..1) of sorted values, by linear interpolation between closest ranks.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN;
  return a + (b - a) * (pos - lo);
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * Times single kernel steps on a topology after a warm-up.
 * @example benchStep('kernel-step-1k', layeredTopology(1000)).msPerStepMedian
 */
export function benchStep(
  name: string,
  topology: Topology,
  budget: StepBudget = DEFAULT_BUDGET,
): StepBench {
  const sim = createSim(topology);
  const framesEvery = Math.round(0.1 / FRAME_DT);
  let warmupSteps = 0;
  const warmStart = performance.now();
  while (warmupSteps < budget.minSteps || performance.now() - warmStart < budget.warmupMs) {
    sim.step(FRAME_DT);
    if (++warmupSteps % framesEvery === 0 && warmupSteps <= 2 * framesEvery) sim.frame();
  }
  const steps: number[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (
    steps.length < budget.maxSteps &&
    (steps.length < budget.minSteps || performance.now() - start < budget.measureMs)
  ) {
    const t0 = performance.now();
    sim.step(FRAME_DT);
    steps.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuStart);
  // Frames as the worker builds them (10 Hz of simulated time), within a quarter of the budget so
  // a slow frame() cannot eat it; the steps between them are not timed.
  const frames: number[] = [];
  let frameTotal = 0;
  do {
    for (let k = 0; k < framesEvery; k++) sim.step(FRAME_DT);
    const t0 = performance.now();
    sim.frame();
    const ms = performance.now() - t0;
    frames.push(ms);
    frameTotal += ms;
  } while (frameTotal < budget.measureMs / 4 && frames.length < MAX_TIMED_FRAMES);
  const sorted = [...steps].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const target = STEP_TARGETS_MS[topology.nodes.length] ?? null;
  return {
    name,
    topology: topology.name,
    nodes: topology.nodes.length,
    links: topology.links.length,
    dt: round(FRAME_DT, 6),
    warmupSteps,
    steps: steps.length,
    frames: frames.length,
    msPerStepMedian: round(median, 4),
    msPerStepP95: round(quantile(sorted, 0.95), 4),
    msPerStepMean: round(steps.reduce((a, b) => a + b, 0) / steps.length, 4),
    cpuMsPerStepMean: round((cpu.user + cpu.system) / 1000 / steps.length, 4),
    msPerFrameMedian: round(
      quantile(
        [...frames].sort((a, b) => a - b),
        0.5,
      ),
      4,
    ),
    targetMsPerStepMedian: target,
    status: target === null ? 'n/a' : median <= target ? 'PASS' : 'MISS',
  };
}

export interface MemoryBench {
  name: string;
  topology: string;
  nodes: number;
  links: number;
  dt: number;
  /** Simulated seconds run; less than simSecondsTarget when the wall-clock budget ran out. */
  simSeconds: number;
  simSecondsTarget: number;
  complete: boolean;
  /** Heap used after a full collection, MB, before and after the run and at its highest checkpoint. */
  heapBeforeMB: number;
  heapAfterMB: number;
  heapPeakMB: number;
  /** Heap after a collection at every checkpoint (simulated minute), MB: flat means level. */
  heapCheckpointsMB: number[];
  heapGrowthMB: number;
  /** Whether collections were forced (otherwise figures include uncollected garbage). */
  gcForced: boolean;
  wallSeconds: number;
  flatLimitMB: number;
  status: Status;
}

/**
 * Simulates `simSeconds` at dt 1/60 s (a frame every simulated second, as the runner samples), or
 * as many whole seconds as fit in `maxWallMs`, and compares the heap,
 * after a forced collection, before and after: a kernel that keeps history per step grows here.
 * @example benchMemory('kernel-memory-1k', layeredTopology(1000), 3600, gc).status // 'PASS'
 */
export function benchMemory(
  name: string,
  topology: Topology,
  simSeconds: number,
  gc: (() => void) | undefined,
  maxWallMs = Infinity,
  checkpointEverySec = 60,
): MemoryBench {
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const sim = createSim(topology);
  const stepsPerSecond = Math.round(1 / FRAME_DT);
  // One simulated second first, so lazily built kernel structures count as "before".
  for (let k = 0; k < stepsPerSecond; k++) sim.step(FRAME_DT);
  sim.frame();
  const before = heap();
  let peak = before;
  const checkpoints: number[] = [];
  const start = performance.now();
  const totalSteps = simSeconds * stepsPerSecond;
  const every = checkpointEverySec * stepsPerSecond;
  let done = 0;
  for (let k = 1; k <= totalSteps; k++) {
    sim.step(FRAME_DT);
    if (k % every === 0) {
      const h = heap();
      checkpoints.push(round(h, 2));
      peak = Math.max(peak, h);
    }
    if (k % stepsPerSecond === 0) {
      sim.frame();
      done = k / stepsPerSecond;
      // A slow kernel stops at a whole second once the budget is spent, and says so.
      if (performance.now() - start > maxWallMs) break;
    }
  }
  const wallSeconds = (performance.now() - start) / 1000;
  const after = heap();
  const growth = after - before;
  return {
    name,
    topology: topology.name,
    nodes: topology.nodes.length,
    links: topology.links.length,
    dt: round(FRAME_DT, 6),
    simSeconds: done,
    simSecondsTarget: simSeconds,
    complete: done === simSeconds,
    heapBeforeMB: round(before, 2),
    heapAfterMB: round(after, 2),
    heapPeakMB: round(Math.max(peak, after), 2),
    heapCheckpointsMB: checkpoints,
    heapGrowthMB: round(growth, 2),
    gcForced: gc !== undefined,
    wallSeconds: round(wallSeconds, 2),
    flatLimitMB: FLAT_HEAP_MB,
    status: growth <= FLAT_HEAP_MB ? 'PASS' : 'MISS',
  };
}
