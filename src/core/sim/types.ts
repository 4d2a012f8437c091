/**
 * The kernel's public surface: what the worker, the UI, the headless runner and tests may rely on.
 * Metric frames are typed arrays with a fixed field order so the worker can transfer them.
 * Contract: pure types and constants; no DOM, no React.
 */
import type { Text } from '../model/text';
import type { Topology } from '../model/schema';

/** Per-node numeric fields, in frame order. Rates are per simulated second; latencies in ms. */
export const NODE_FIELDS = [
  'utilization', // 0..1, busy cores / cores (for LB/DNS/users: 0)
  'arrivalRate', // req/s offered to the node (reads + writes)
  'readRate', // req/s of reads arriving
  'writeRate', // req/s of writes arriving
  'throughput', // req/s completed
  'backlog', // requests in the node (in service + waiting)
  'dropRate', // req/s rejected (queue limit, connection limit)
  'errorRate', // req/s failed (dead node, missing downstream, blocked port, ...)
  'timeoutRate', // req/s that timed out at the client while here
  'latencyMean', // ms, sojourn at this node
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'up', // 1 running, 0 dead/stopped
  'health', // HealthCode
  'instances', // ASG: instances in service; others: 1 if up
  'replicationLagMs', // replicas: apply backlog / apply rate
  'costPerHour', // $/h of the machines this node stands for
  'cores', // effective cores (vCPU × speed × up × warm-up)
] as const;
export type NodeField = (typeof NODE_FIELDS)[number];
export const NODE_FIELD_COUNT = NODE_FIELDS.length;
/** Index of a field in a node's stride: `frame.nodes[i * NODE_FIELD_COUNT + F.utilization]`. */
export const F = Object.fromEntries(NODE_FIELDS.map((f, i) => [f, i])) as Record<NodeField, number>;

/** End-to-end fields, in frame order. */
export const GLOBAL_FIELDS = [
  'offered', // req/s sent by users (first attempts)
  'attempts', // req/s including retries
  'throughput', // req/s answered (successfully or not)
  'goodput', // req/s answered successfully within the client timeout
  'errorRate', // req/s failed (errors + drops + timeouts seen by users)
  'errorRatio', // errorRate / attempts
  'latencyMean', // ms, end to end
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'costPerHour', // $/h
  'costTotal', // $ accumulated since the start
] as const;
export type GlobalField = (typeof GLOBAL_FIELDS)[number];
export const GLOBAL_FIELD_COUNT = GLOBAL_FIELDS.length;
export const G = Object.fromEntries(GLOBAL_FIELDS.map((f, i) => [f, i])) as Record<
  GlobalField,
  number
>;

/**
 * Per-node fields split by request class (cls 0 = read, 1 = write; at a replica, writes are the
 * replicated writes it applies), in frame order:
 * `frame.classes[(i * 2 + cls) * CLASS_FIELD_COUNT + CF.latencyP99]`.
 */
export const CLASS_FIELDS = [
  'arrivalRate', // req/s of this class arriving
  'utilization', // share of the cores busy with this class (0..1)
  'backlog', // requests of this class in the node
  'throughput', // req/s of this class completed
  'dropRate',
  'errorRate',
  'timeoutRate',
  'latencyMean', // ms, sojourn of this class at the node
  'latencyP50',
  'latencyP95',
  'latencyP99',
] as const;
export type ClassField = (typeof CLASS_FIELDS)[number];
export const CLASS_FIELD_COUNT = CLASS_FIELDS.length;
export const CF = Object.fromEntries(CLASS_FIELDS.map((f, i) => [f, i])) as Record<
  ClassField,
  number
>;

export const HEALTH = { ok: 0, hot: 1, unhealthy: 2, down: 3, starting: 4 } as const;
export type HealthCode = (typeof HEALTH)[keyof typeof HEALTH];

/** Target states of a load balancer (AWS target group). */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';
export type TargetReason =
  | 'ok'
  | 'registering' // waiting for the first passing checks
  | 'failedChecks' // target dead or not answering in time
  | 'wrongPort' // target port ≠ the port the instance listens on
  | 'pathNotAnswered' // HTTP check path not answered with 200
  | 'securityGroup' // security group does not admit the LB
  | 'linkCut'
  | 'deregistering';

export interface TargetStatus {
  lb: string;
  /** Node id, or an ASG instance id `asgId#n`. */
  target: string;
  state: TargetState;
  reason: TargetReason;
  /** Share of the LB's traffic it receives now (0..1). */
  share: number;
}

export interface CohortStatus {
  dns: string;
  cohort: number;
  /** Node id the cohort's cached answer points at. */
  address: string;
  /** Simulated second the cached answer expires. */
  expiresAt: number;
  /** The users node the cohort belongs to (cohorts are numbered per users node). */
  users?: string;
}

export type InstanceLifecycle =
  'pending' | 'booting' | 'registering' | 'warming' | 'inService' | 'terminating';

export interface AsgInstanceStatus {
  asg: string;
  id: string; // `asgId#n`
  state: InstanceLifecycle;
  az: string;
  utilization: number;
  since: number;
}

/** A discrete happening, for markers on the time axis and aria-live alerts. */
export interface SimEvent {
  time: number;
  type:
    | 'killed'
    | 'restored'
    | 'slowed'
    | 'linkCut'
    | 'linkRestored'
    | 'azLost'
    | 'azRestored'
    | 'rateChanged'
    | 'targetUnhealthy'
    | 'targetHealthy'
    | 'scaleOut'
    | 'scaleIn'
    | 'instanceLaunched'
    | 'instanceInService'
    | 'instanceTerminated'
    | 'dnsRecordChanged'
    | 'topologyChanged';
  node?: string;
  detail?: string;
}

export interface Diagnostic {
  node: string;
  severity: 'error' | 'warning';
  code: string;
  message: Text;
}

/** One snapshot of the simulation, posted by the worker (typed arrays are transferred). */
export interface SimFrame {
  time: number;
  /** Node ids in the order of `nodes` strides. */
  nodeIds: string[];
  /** nodeIds.length × NODE_FIELD_COUNT numbers. */
  nodes: Float64Array;
  /** nodeIds.length × 2 × CLASS_FIELD_COUNT numbers (per request class); always set by the kernel. */
  classes?: Float64Array;
  /** Link ids in the order of `linkRates`. */
  linkIds: string[];
  /** req/s carried by each link now. */
  linkRates: Float64Array;
  global: Float64Array;
  /** Events since the previous frame. */
  events: SimEvent[];
  diagnostics: Diagnostic[];
  targets: TargetStatus[];
  cohorts: CohortStatus[];
  instances: AsgInstanceStatus[];
}

export interface SimOptions {
  /** Overrides topology.scenario.seed. */
  seed?: number;
}

/** A running simulation of one topology. Deterministic for a given topology, scenario and seed. */
export interface Sim {
  readonly time: number;
  /** Advances simulated time by dt seconds (any dt > 0: the integration is implicit). */
  step(dt: number): void;
  /** Replaces the topology without a reset: state of nodes that keep their id carries over. */
  setTopology(topology: Topology): void;
  /** Schedules a failure/traffic event now (UI buttons): same effect as a scenario event. */
  inject(event: import('../model/schema').ScenarioEvent): void;
  /** The current metrics. Allocates: call at frame rate, not per step. */
  frame(): SimFrame;
}
