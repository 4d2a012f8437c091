/**
 * The averaging window of a headless run and the accumulator that averages kernel frames over it.
 * Streaming sums only, so memory does not grow with the run's length.
 * Contract: pure; imports only kernel types.
 */
import {
  CF,
  CLASS_FIELD_COUNT,
  F,
  G,
  GLOBAL_FIELD_COUNT,
  NODE_FIELD_COUNT,
  type ClassField,
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

/** Node fields averaged as plain time averages (one value per sample, equal weights). */
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
/** Per-class fields averaged as plain time averages. */
const CLASS_PLAIN = [
  'utilization',
  'arrivalRate',
  'throughput',
  'dropRate',
  'errorRate',
  'timeoutRate',
  'backlog',
] as const;
/** Latency fields: weighted by the requests completed in each sample (see the accumulator). */
const LATENCY = ['latencyMean', 'latencyP50', 'latencyP95', 'latencyP99'] as const;
type Latency = (typeof LATENCY)[number];

/**
 * Averages of one node over the window: rates in req/s, latencies in ms, `shareAbove90` the share
 * of samples with utilization ≥ 0.9.
 */
export type NodeAverages = Record<(typeof NODE_PLAIN)[number] | Latency | 'shareAbove90', number>;
/** Averages of one request class (reads or writes) at one node. */
export type ClassAverages = Record<(typeof CLASS_PLAIN)[number] | Latency, number>;
/** End-to-end averages over the window. */
export type GlobalAverages = Record<
  | 'offered'
  | 'attempts'
  | 'throughput'
  | 'goodput'
  | 'errorRate'
  | 'errorRatio'
  | 'costPerHour'
  | Latency,
  number
>;

/**
 * Streaming sums of a group of fields for many items (nodes, or node × class): per item, the plain
 * sum of each field, the plain and throughput-weighted sums of each latency, the weight, and the
 * number of hot samples.
 */
class Sums<P extends string> {
  private readonly sums: Float64Array;
  private readonly stride: number;
  private readonly reported: Uint8Array;

  constructor(
    private readonly plain: readonly P[],
    items: number,
  ) {
    this.stride = plain.length + 2 * LATENCY.length + 2;
    this.sums = new Float64Array(items * this.stride);
    this.reported = new Uint8Array(items);
  }

  add(item: number, read: (f: P | Latency) => number, weight: number, hot: boolean): void {
    const s = this.sums;
    const b = item * this.stride;
    this.reported[item] = 1;
    this.plain.forEach((f, j) => (s[b + j] = (s[b + j] ?? 0) + read(f)));
    const l = b + this.plain.length;
    LATENCY.forEach((f, j) => {
      const v = read(f);
      s[l + 2 * j] = (s[l + 2 * j] ?? 0) + v;
      s[l + 2 * j + 1] = (s[l + 2 * j + 1] ?? 0) + weight * v;
    });
    const w = l + 2 * LATENCY.length;
    s[w] = (s[w] ?? 0) + weight;
    if (hot) s[w + 1] = (s[w + 1] ?? 0) + 1;
  }

  /** Averages over n samples, or null when the item was never reported. */
  average(item: number, n: number): { values: Record<P | Latency, number>; hot: number } | null {
    if (!this.reported[item]) return null;
    const s = this.sums;
    const b = item * this.stride;
    const out: Record<string, number> = {};
    this.plain.forEach((f, j) => (out[f] = (s[b + j] ?? 0) / n));
    const l = b + this.plain.length;
    const weight = s[l + 2 * LATENCY.length] ?? 0;
    LATENCY.forEach((f, j) => {
      const plain = s[l + 2 * j] ?? 0;
      const weighted = s[l + 2 * j + 1] ?? 0;
      out[f] = weight > 0 ? weighted / weight : plain / n;
    });
    // Every key of P and Latency was just set.
    return {
      values: out as Record<P | Latency, number>,
      hot: (s[l + 2 * LATENCY.length + 1] ?? 0) / n,
    };
  }
}

/**
 * Accumulates frames over the window and returns the averages.
 *
 * Rates, utilization, backlog, lag, instances and cost are time averages (every sample counts
 * equally), so a rate average is the window's total count divided by its length. Latencies are
 * weighted by the throughput of each sample: the mean is then the mean over the requests completed
 * in the window (each second represented by its sample), and a percentile is the
 * throughput-weighted average of the per-second percentiles (equal to the window's percentile at
 * steady state). The error ratio is the window's errors over its attempts, not an average of
 * ratios. Samples where nothing completed fall back to equal weights so an idle node still reports
 * its latency. Per-class figures (reads, writes) are averaged the same way, weighted by the class's
 * own throughput.
 */
export class WindowAccumulator {
  private readonly nodeSums: Sums<(typeof NODE_PLAIN)[number]>;
  private readonly classSums: Sums<(typeof CLASS_PLAIN)[number]>;
  private readonly globalSums = new Float64Array(GLOBAL_FIELD_COUNT * 2);
  private samples = 0;

  constructor(private readonly nodeIds: readonly string[]) {
    this.nodeSums = new Sums(NODE_PLAIN, nodeIds.length);
    this.classSums = new Sums(CLASS_PLAIN, nodeIds.length * 2);
  }

  add(frame: SimFrame): void {
    // Mapped on every sample (once per simulated second): the kernel may reorder or add nodes.
    const at = new Map(frame.nodeIds.map((id, k) => [id, k]));
    const classes = frame.classes;
    this.nodeIds.forEach((id, i) => {
      const k = at.get(id);
      if (k === undefined) return;
      const o = k * NODE_FIELD_COUNT;
      const field = (f: NodeField) => frame.nodes[o + F[f]] ?? 0;
      this.nodeSums.add(i, field, field('throughput'), field('utilization') >= HOT_UTILIZATION);
      if (!classes) return;
      for (let c = 0; c < 2; c++) {
        const co = (k * 2 + c) * CLASS_FIELD_COUNT;
        const cf = (f: ClassField) => classes[co + CF[f]] ?? 0;
        this.classSums.add(i * 2 + c, cf, cf('throughput'), false);
      }
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

  /**
   * Averages per topology node (null where the kernel never reported it), per node and class
   * (`[reads, writes]`, null where the kernel reports no classes) and end to end.
   */
  result(): {
    nodes: (NodeAverages | null)[];
    classes: ([ClassAverages, ClassAverages] | null)[];
    global: GlobalAverages;
  } {
    const n = Math.max(1, this.samples);
    const nodes = this.nodeIds.map((_, i): NodeAverages | null => {
      const a = this.nodeSums.average(i, n);
      return a ? { ...a.values, shareAbove90: a.hot } : null;
    });
    const classes = this.nodeIds.map((_, i): [ClassAverages, ClassAverages] | null => {
      const read = this.classSums.average(i * 2, n);
      const write = this.classSums.average(i * 2 + 1, n);
      return read && write ? [read.values, write.values] : null;
    });
    const g = this.globalSums;
    const plain = (f: GlobalField) => (g[G[f]] ?? 0) / n;
    const wg = g[G.throughput] ?? 0;
    const lat = (f: GlobalField) =>
      wg > 0 ? (g[GLOBAL_FIELD_COUNT + G[f]] ?? 0) / wg : (g[G[f]] ?? 0) / n;
    const attempts = g[G.attempts] ?? 0;
    return {
      nodes,
      classes,
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
