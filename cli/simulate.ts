/**
 * Runs a topology headless through an engine and reduces the run to window averages, the final
 * state, events and diagnostics: the engine-independent result the report is built from.
 * Contract: pure apart from the kernel it drives; no file system, no clock.
 */
import type { Topology } from '../src/core/model';
import {
  createSim,
  F,
  G,
  NODE_FIELD_COUNT,
  type Diagnostic,
  type SimEvent,
  type SimFrame,
} from '../src/core/sim';
import {
  reportWindow,
  WindowAccumulator,
  type ClassAverages,
  type GlobalAverages,
  type NodeAverages,
  type Window,
} from './window';

/** fluid: the browser's kernel; des: the reference discrete-event engine (per request). */
export const ENGINES = ['fluid', 'des'] as const;
export type Engine = (typeof ENGINES)[number];

/** Events kept in a report; a run with more lists the first ones and counts the rest. */
export const MAX_EVENTS = 10000;

export interface RunSettings {
  /** Whole simulated seconds to run. */
  seconds: number;
  seed: number;
  /** Fluid step in simulated seconds, 0 < dt ≤ 1. */
  dt: number;
}

/** What a run leaves: everything the report needs, in topology order. */
export interface RunResult {
  window: Window;
  /**
   * Per topology node: window averages, or null when the engine reported nothing for it; a field
   * the engine does not measure is absent.
   */
  nodes: (Partial<NodeAverages> | null)[];
  /** Per topology node, `[reads, writes]` (at a replica, writes are the writes it applies). */
  classes: ([Partial<ClassAverages>, Partial<ClassAverages>] | null)[];
  /** Health code and up flag of each topology node at the end of the run (null: not reported). */
  finalHealth: (number | null)[];
  global: GlobalAverages;
  /** Accumulated cost at the end of the run, $. */
  costTotal: number;
  /** Average req/s carried by each topology link over the window (null: not reported). */
  linkRates: (number | null)[];
  events: SimEvent[];
  eventsOmitted: number;
  /** Diagnostics of the final state. */
  diagnostics: Diagnostic[];
  /** What the engine left out of this run (the reference engine's unmodelled features). */
  notes: string[];
}

/**
 * Steps the fluid kernel for `seconds`, sampling a frame at every whole simulated second.
 * Steps are `dt` long; when dt does not divide one second the last step of each second is cut
 * short so samples land exactly on whole seconds.
 * @example runFluid(topology, { seconds: 60, seed: 1, dt: 0.1 }).global.throughput
 */
export function runFluid(topology: Topology, settings: RunSettings): RunResult {
  const { seconds, seed, dt } = settings;
  const sim = createSim(topology, { seed });
  const window = reportWindow(seconds);
  const acc = new WindowAccumulator(topology.nodes.map((n) => n.id));
  const links = new LinkAccumulator(topology.links.map((l) => l.id));
  const events: SimEvent[] = [];
  let eventsOmitted = 0;
  const fullSteps = Math.floor(1 / dt + 1e-9);
  const rest = 1 - fullSteps * dt;
  let frame: SimFrame | undefined;
  for (let second = 1; second <= seconds; second++) {
    for (let k = 0; k < fullSteps; k++) sim.step(dt);
    if (rest > 1e-9) sim.step(rest);
    frame = sim.frame();
    for (const e of frame.events) {
      if (events.length < MAX_EVENTS) events.push(e);
      else eventsOmitted++;
    }
    if (second > window.from) {
      acc.add(frame);
      links.add(frame);
    }
  }
  const averages = acc.result();
  return {
    window,
    nodes: averages.nodes,
    classes: averages.classes,
    finalHealth: finalHealth(topology, frame),
    global: averages.global,
    costTotal: frame?.global[G.costTotal] ?? 0,
    linkRates: links.result(),
    events,
    eventsOmitted,
    diagnostics: frame?.diagnostics ?? [],
    notes: [],
  };
}

function finalHealth(topology: Topology, frame: SimFrame | undefined): (number | null)[] {
  if (!frame) return topology.nodes.map(() => null);
  const at = new Map(frame.nodeIds.map((id, k) => [id, k]));
  return topology.nodes.map((n) => {
    const k = at.get(n.id);
    return k === undefined ? null : (frame.nodes[k * NODE_FIELD_COUNT + F.health] ?? null);
  });
}

/** Time-averaged link rates over the window, in topology link order. */
class LinkAccumulator {
  private readonly sums: Float64Array;
  private readonly reported: Uint8Array;
  private samples = 0;

  constructor(private readonly linkIds: readonly string[]) {
    this.sums = new Float64Array(linkIds.length);
    this.reported = new Uint8Array(linkIds.length);
  }

  add(frame: SimFrame): void {
    const at = new Map(frame.linkIds.map((id, k) => [id, k]));
    this.linkIds.forEach((id, i) => {
      const k = at.get(id);
      if (k === undefined) return;
      this.reported[i] = 1;
      this.sums[i] = (this.sums[i] ?? 0) + (frame.linkRates[k] ?? 0);
    });
    this.samples++;
  }

  result(): (number | null)[] {
    const n = Math.max(1, this.samples);
    return this.linkIds.map((_, i) => (this.reported[i] ? (this.sums[i] ?? 0) / n : null));
  }
}
