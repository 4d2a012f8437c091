/**
 * A bounded, decimating history of simulation frames for charts: one time axis, a few per-node
 * series and every end-to-end field. At most `capacity` points per series; when full, every other
 * point is dropped and only every `stride`-th later frame is kept, so a long run stays evenly
 * sampled from t = 0 instead of forgetting its beginning.
 * Contract: plain data; no React, no DOM, no store.
 */
import {
  F,
  GLOBAL_FIELD_COUNT,
  NODE_FIELD_COUNT,
  type NodeField,
  type SimFrame,
} from '../core/sim/types';

/**
 * Per-node fields kept in the history (charts, sparklines, the table view, CSV export).
 * Float32 storage keeps 600 points of all of them for 256 nodes under 15 MB.
 */
export const NODE_SERIES = [
  'utilization',
  'latencyP95',
  'throughput',
  'errorRate',
  'arrivalRate',
  'latencyMean',
  'latencyP50',
  'latencyP99',
  'backlog',
  'dropRate',
  'timeoutRate',
  'replicationLagMs',
  'instances',
  'costPerHour',
  'cores',
] as const;
export type NodeSeriesField = (typeof NODE_SERIES)[number] & NodeField;

export const HISTORY_CAPACITY = 600;
/** Per-node series are kept for this many distinct node ids; later ones have global series only. */
export const MAX_NODE_SERIES = 256;

export interface Series {
  t: number[];
  v: number[];
}

export class SimHistory {
  readonly capacity: number;
  /** Keep one of every `stride` incoming frames (doubles at each decimation). */
  stride = 1;
  length = 0;
  /** Frames offered since the last recorded point. */
  private sinceLast = 0;
  private readonly times: Float64Array;
  private readonly globals: Float64Array[];
  private readonly nodes = new Map<string, Float32Array[]>();
  /** `timeAxis()` until the next change: every series read shares it instead of copying it. */
  private axis: number[] | null = null;

  constructor(capacity = HISTORY_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2)
      throw new RangeError(`history capacity must be an integer ≥ 2, got ${capacity}`);
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.globals = Array.from({ length: GLOBAL_FIELD_COUNT }, () => new Float64Array(capacity));
  }

  /** Records a frame (or skips it, past the first decimation). Returns true if a point was added. */
  push(frame: SimFrame): boolean {
    if (this.length > 0 && frame.time < (this.times[this.length - 1] ?? 0)) this.clear();
    this.sinceLast++;
    if (this.length > 0 && this.sinceLast < this.stride) return false;
    if (this.length === this.capacity) {
      this.decimate();
      if (this.sinceLast < this.stride) return false;
    }
    this.sinceLast = 0;
    this.axis = null;
    const i = this.length;
    this.times[i] = frame.time;
    for (let g = 0; g < GLOBAL_FIELD_COUNT; g++) this.globals[g]![i] = frame.global[g] ?? NaN;
    for (const arrays of this.nodes.values()) for (const a of arrays) a[i] = NaN;
    frame.nodeIds.forEach((id, n) => {
      let arrays = this.nodes.get(id);
      if (!arrays) {
        if (this.nodes.size >= MAX_NODE_SERIES) return;
        arrays = NODE_SERIES.map(() => new Float32Array(this.capacity).fill(NaN));
        this.nodes.set(id, arrays);
      }
      NODE_SERIES.forEach((field, s) => {
        arrays[s]![i] = frame.nodes[n * NODE_FIELD_COUNT + F[field]] ?? NaN;
      });
    });
    this.length++;
    return true;
  }

  /** Forgets everything (after a reset). */
  clear(): void {
    this.axis = null;
    this.length = 0;
    this.stride = 1;
    this.sinceLast = 0;
    this.nodes.clear();
  }

  private decimate(): void {
    // Keep points 0, 2, 4, ...: the first point (t = 0) survives every decimation. With an even
    // length the last point goes too, so the gap to the next kept frame grows by one stride.
    const half = Math.ceil(this.length / 2);
    if (this.length % 2 === 0) this.sinceLast += this.stride;
    const squeeze = (a: Float64Array | Float32Array) => {
      for (let k = 0; k < half; k++) a[k] = a[2 * k] ?? NaN;
    };
    squeeze(this.times);
    this.globals.forEach(squeeze);
    for (const arrays of this.nodes.values()) arrays.forEach(squeeze);
    this.axis = null;
    this.length = half;
    this.stride *= 2;
  }

  /** Simulated seconds of each point (shared until the history changes: do not modify it). */
  timeAxis(): number[] {
    this.axis ??= Array.from(this.times.subarray(0, this.length));
    return this.axis;
  }

  /** One end-to-end field over time (`G.latencyP95`). */
  global(index: number): Series {
    const a = this.globals[index];
    return { t: this.timeAxis(), v: a ? Array.from(a.subarray(0, this.length)) : [] };
  }

  /** One node field over time; NaN where the node did not exist. Empty if never recorded. */
  node(id: string, field: NodeSeriesField): Series {
    const a = this.nodes.get(id)?.[NODE_SERIES.indexOf(field)];
    if (!a) return { t: [], v: [] };
    return { t: this.timeAxis(), v: Array.from(a.subarray(0, this.length)) };
  }

  /** Ids with a recorded per-node series. */
  nodeIds(): string[] {
    return [...this.nodes.keys()];
  }
}
