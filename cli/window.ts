/**
 * The averaging window of a headless run and the accumulator that averages kernel frames over it.
 * Streaming sums only, so memory does not grow with the run's length.
 * Contract: pure; imports only kernel types.
 */
import {
  F,
  G,
  GLOBAL_FIELD_COUNT,
  NODE_FIELD_COUNT,
  type GlobalField,
  type NodeField,
  type SimFrame,
} from '../src/core/sim';

/** Share of the run the report averages over, and its floor in seconds. */
export const WINDOW_SHARE = 0.2;
export const WINDOW_MIN_SECONDS = 10;
/** Utilization at and above which a machine counts as "hot" (the 90 % line of the charts). */
export const HOT_UTILIZATION = 0.9;

export interface Window {
  /** Simulated second the window starts (exclusive: the first sample is at from + 1). */
  from: number;
  /** Simulated second the window ends: the end of the run. */
  to: number;
  /** Samples averaged: one per simulated second, at from + 1, ..., to. */
  samples: number;
}

/**
 * The last 20 % of the run, at least the last 10 s (the whole run when it is shorter), in whole
 * seconds.
 * @example reportWindow(300) // { from: 240, to: 300, samples: 60 }
 */
export function reportWindow(seconds: number): Window {
  const length = Math.min(seconds, Math.max(WINDOW_MIN_SECONDS, Math.ceil(WINDOW_SHARE * seconds)));
  return { from: seconds - length, to: seconds, samples: length };
}

/** Fields averaged as plain time averages (one value per sample, equal weights). */
const NODE_PLAIN = [
  'utilization',
  'arrivalRate',
  'throughput',
  'dropRate',
  'errorRate',
  'timeoutRate',
  'backlog',
  'replicationLagMs',
  'instances',
  'costPerHour',
] as const;
/** Latency fields: weighted by the requests completed in each sample (see weightedMean). */
const LATENCY = ['latencyMean', 'latencyP50', 'latencyP95', 'latencyP99'] as const;

/**
 * Averages of one node over the window: rates in req/s, latencies in ms, `shareAbove90` the share
 * of samples with utilization ≥ 0.9.
 */
export type NodeAverages = Record<
  (typeof NODE_PLAIN)[number] | (typeof LATENCY)[number] | 'shareAbove90',
  number
>;
/** End-to-end averages over the window. */
export type GlobalAverages = Record<
  | 'offered'
  | 'attempts'
  | 'throughput'
  | 'goodput'
  | 'errorRate'
  | 'errorRatio'
  | 'costPerHour'
  | (typeof LATENCY)[number],
  number
>;

// Per node, per field: plain sum, weighted sum (latencies), plus the weight and hot-sample count.
const PLAIN_SLOTS = NODE_PLAIN.length;
const SLOTS = PLAIN_SLOTS + LATENCY.length * 2 + 2;
const W_SLOT = PLAIN_SLOTS + LATENCY.length * 2;
const HOT_SLOT = W_SLOT + 1;

/**
 * Accumulates frames over the window and returns the averages.
 *
 * Rates, utilization, backlog, lag, instances and cost are time averages (every sample counts
 * equally), so a rate average is the window's total count divided by its length. Latencies are
 * weighted by the throughput of each sample: the mean is then exactly the mean over the requests
 * completed in the window, and a percentile is the throughput-weighted average of the per-second
 * percentiles (equal to the window's percentile at steady state). The error ratio is the window's
 * errors over its attempts, not an average of ratios. Samples where nothing completed fall back to
 * equal weights so an idle node still reports its latency.
 */
export class WindowAccumulator {
  private readonly nodeSums: Float64Array;
  private readonly globalSums = new Float64Array(GLOBAL_FIELD_COUNT * 2);
  private samples = 0;
  /** Whether the kernel reported each topology node in at least one sample. */
  private readonly reported: Uint8Array;

  constructor(private readonly nodeIds: readonly string[]) {
    this.nodeSums = new Float64Array(nodeIds.length * SLOTS);
    this.reported = new Uint8Array(nodeIds.length);
  }

  add(frame: SimFrame): void {
    // Mapped on every sample (once per simulated second): the kernel may reorder or add nodes.
    const at = new Map(frame.nodeIds.map((id, k) => [id, k]));
    const s = this.nodeSums;
    this.nodeIds.forEach((id, i) => {
      const k = at.get(id);
      if (k === undefined) return;
      this.reported[i] = 1;
      const o = k * NODE_FIELD_COUNT;
      const b = i * SLOTS;
      const field = (f: NodeField) => frame.nodes[o + F[f]] ?? 0;
      NODE_PLAIN.forEach((f, j) => (s[b + j] = (s[b + j] ?? 0) + field(f)));
      const w = field('throughput');
      LATENCY.forEach((f, j) => {
        const p = b + PLAIN_SLOTS + 2 * j;
        s[p] = (s[p] ?? 0) + field(f);
        s[p + 1] = (s[p + 1] ?? 0) + w * field(f);
      });
      s[b + W_SLOT] = (s[b + W_SLOT] ?? 0) + w;
      if (field('utilization') >= HOT_UTILIZATION) s[b + HOT_SLOT] = (s[b + HOT_SLOT] ?? 0) + 1;
    });
    const g = this.globalSums;
    const w = frame.global[G.throughput] ?? 0;
    for (let f = 0; f < GLOBAL_FIELD_COUNT; f++) {
      const v = frame.global[f] ?? 0;
      g[f] = (g[f] ?? 0) + v;
      g[GLOBAL_FIELD_COUNT + f] = (g[GLOBAL_FIELD_COUNT + f] ?? 0) + w * v;
    }
    this.samples++;
  }

  get sampleCount(): number {
    return this.samples;
  }

  /** Averages per topology node (null where the kernel never reported it) and end to end. */
  result(): { nodes: (NodeAverages | null)[]; global: GlobalAverages } {
    const n = Math.max(1, this.samples);
    const s = this.nodeSums;
    const nodes = this.nodeIds.map((_, i): NodeAverages | null => {
      if (!this.reported[i]) return null;
      const b = i * SLOTS;
      const plain = (f: (typeof NODE_PLAIN)[number]) => (s[b + NODE_PLAIN.indexOf(f)] ?? 0) / n;
      const w = s[b + W_SLOT] ?? 0;
      const lat = (f: (typeof LATENCY)[number]) => {
        const p = b + PLAIN_SLOTS + 2 * LATENCY.indexOf(f);
        return weightedMean(s[p] ?? 0, s[p + 1] ?? 0, w, n);
      };
      return {
        utilization: plain('utilization'),
        arrivalRate: plain('arrivalRate'),
        throughput: plain('throughput'),
        dropRate: plain('dropRate'),
        errorRate: plain('errorRate'),
        timeoutRate: plain('timeoutRate'),
        backlog: plain('backlog'),
        replicationLagMs: plain('replicationLagMs'),
        instances: plain('instances'),
        costPerHour: plain('costPerHour'),
        latencyMean: lat('latencyMean'),
        latencyP50: lat('latencyP50'),
        latencyP95: lat('latencyP95'),
        latencyP99: lat('latencyP99'),
        shareAbove90: (s[b + HOT_SLOT] ?? 0) / n,
      };
    });
    const g = this.globalSums;
    const plain = (f: GlobalField) => (g[G[f]] ?? 0) / n;
    const wg = g[G.throughput] ?? 0;
    const lat = (f: GlobalField) =>
      weightedMean(g[G[f]] ?? 0, g[GLOBAL_FIELD_COUNT + G[f]] ?? 0, wg, n);
    const attempts = g[G.attempts] ?? 0;
    return {
      nodes,
      global: {
        offered: plain('offered'),
        attempts: plain('attempts'),
        throughput: plain('throughput'),
        goodput: plain('goodput'),
        errorRate: plain('errorRate'),
        costPerHour: plain('costPerHour'),
        errorRatio: attempts > 0 ? (g[G.errorRate] ?? 0) / attempts : 0,
        latencyMean: lat('latencyMean'),
        latencyP50: lat('latencyP50'),
        latencyP95: lat('latencyP95'),
        latencyP99: lat('latencyP99'),
      },
    };
  }
}

function weightedMean(plain: number, weighted: number, weight: number, n: number): number {
  return weight > 0 ? weighted / weight : plain / n;
}
