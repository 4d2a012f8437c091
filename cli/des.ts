/**
 * `--engine des`: runs the reference discrete-event engine over the same window the fluid report
 * averages, and maps its exact per-request statistics onto the runner's result. What the reference
 * engine does not model (health, per-node timeouts, link rates, events) is reported as null or
 * empty, never invented; its notes say which features of the topology it left out.
 * Contract: pure apart from the engine it drives; no file system, no clock.
 */
import { INSTANCE_TYPES, type Topology, type TopologyNode } from '../src/core/model';
import { runDes, type DesNodeReport } from '../src/core/sim/des';
import type { RunResult, RunSettings } from './simulate';
import { reportWindow, type NodeAverages } from './window';

/** Machines the reference engine runs for a node: an ASG runs its desired size, clamped. */
function machines(n: TopologyNode): number {
  if (n.kind === 'asg')
    return Math.min(n.params.maxSize, Math.max(n.params.minSize, n.params.desired));
  return 'instanceType' in n.params ? 1 : 0;
}

const pricePerHour = (n: TopologyNode): number =>
  'instanceType' in n.params ? machines(n) * INSTANCE_TYPES[n.params.instanceType].pricePerHour : 0;

function nodeValues(n: TopologyNode, d: DesNodeReport): Partial<NodeAverages> {
  const values: Partial<NodeAverages> = {
    utilization: d.utilization,
    arrivalRate: d.arrivalRate,
    throughput: d.throughput,
    dropRate: d.dropRate,
    errorRate: d.errorRate,
    backlog: d.meanBacklog,
    latencyMean: d.sojourn.mean,
    latencyP50: d.sojourn.p50,
    latencyP95: d.sojourn.p95,
    latencyP99: d.sojourn.p99,
    costPerHour: pricePerHour(n),
  };
  if (n.kind === 'dbReplica') values.replicationLagMs = d.replicationLag.mean;
  if (n.kind === 'asg') values.instances = machines(n);
  return values;
}

/**
 * Runs the reference engine for `seconds`, collecting statistics over the report window.
 * @example runDesEngine(topology, { seconds: 300, seed: 1, dt: 0.1 }).global.latencyP99
 */
export function runDesEngine(topology: Topology, settings: RunSettings): RunResult {
  const window = reportWindow(settings.seconds);
  const r = runDes(topology, {
    seed: settings.seed,
    seconds: settings.seconds,
    warmupSeconds: window.from,
  });
  const byId = new Map(r.nodes.map((d) => [d.id, d]));
  const e = r.endToEnd;
  const length = window.to - window.from;
  const costPerHour = topology.nodes.reduce((sum, n) => sum + pricePerHour(n), 0);
  return {
    window,
    nodes: topology.nodes.map((n) => {
      const d = byId.get(n.id);
      return d ? nodeValues(n, d) : null;
    }),
    // The reference engine counts arrivals per class (at a replica, writes are the applied ones).
    classes: topology.nodes.map((n) => {
      const d = byId.get(n.id);
      return d ? [{ arrivalRate: d.readRate }, { arrivalRate: d.writeRate }] : null;
    }),
    finalHealth: topology.nodes.map(() => null),
    global: {
      offered: e.offered,
      // The reference engine sends no retries: every attempt is a first attempt.
      attempts: e.offered,
      throughput: e.throughput,
      goodput: e.goodput,
      errorRate: (e.failed + e.dropped + e.timedOut) / length,
      errorRatio: e.errorRatio,
      latencyMean: e.latency.mean,
      latencyP50: e.latency.p50,
      latencyP95: e.latency.p95,
      latencyP99: e.latency.p99,
      costPerHour,
    },
    costTotal: (costPerHour * settings.seconds) / 3600,
    linkRates: topology.links.map(() => null),
    events: [],
    eventsOmitted: 0,
    diagnostics: [],
    notes: r.notes,
  };
}
