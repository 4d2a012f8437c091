/**
 * Test doubles for the worker layer: a kernel stand-in whose steps cost fake milliseconds, a fake
 * clock, and a recorder of posted messages. Used by unit tests only (nothing in the app imports it).
 */
import type { ScenarioEvent, Topology } from '../core/model';
import {
  CLASS_FIELD_COUNT,
  GLOBAL_FIELD_COUNT,
  NODE_FIELD_COUNT,
  type Sim,
  type SimFrame,
  type SimOptions,
} from '../core/sim';
import type { FromWorker } from './protocol';

export class FakeClock {
  t = 0;
  now = (): number => this.t;
}

/** A Sim that records its calls; each step costs `stepCostMs` on the fake clock. */
export class FakeSim implements Sim {
  time = 0;
  steps: number[] = [];
  injected: Array<{ at: number; event: ScenarioEvent }> = [];
  topologies: Topology[] = [];
  failOnStep = false;

  constructor(
    public topology: Topology,
    readonly opts: SimOptions,
    private readonly clock: FakeClock,
    private readonly stepCostMs: () => number,
    private readonly frameCostMs: () => number = () => 0,
  ) {}

  step(dt: number): void {
    if (this.failOnStep) throw new Error('kernel exploded');
    this.clock.t += this.stepCostMs();
    this.steps.push(dt);
    this.time += dt;
  }

  setTopology(topology: Topology): void {
    this.topology = topology;
    this.topologies.push(topology);
  }

  inject(event: ScenarioEvent): void {
    this.injected.push({ at: this.time, event });
  }

  frame(): SimFrame {
    this.clock.t += this.frameCostMs();
    const ids = this.topology.nodes.map((n) => n.id);
    return {
      time: this.time,
      nodeIds: ids,
      nodes: new Float64Array(ids.length * NODE_FIELD_COUNT),
      // Like the kernel's frames: per-class metrics are always set.
      classes: new Float64Array(ids.length * 2 * CLASS_FIELD_COUNT),
      linkIds: this.topology.links.map((l) => l.id),
      linkRates: new Float64Array(this.topology.links.length),
      global: new Float64Array(GLOBAL_FIELD_COUNT),
      events: [],
      diagnostics: [],
      targets: [],
      cohorts: [],
      instances: [],
    };
  }
}

/** Collects what a host posts. */
export class Outbox {
  messages: FromWorker[] = [];
  transfers: ArrayBuffer[][] = [];
  post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => {
    this.messages.push(message);
    this.transfers.push(transfer);
  };
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[] {
    return this.messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  }
  clear(): void {
    this.messages = [];
    this.transfers = [];
  }
}
