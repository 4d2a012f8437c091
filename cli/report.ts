/**
 * The headless runner's report: a versioned JSON document (`format: "scale-out-lab/report"`,
 * `reportVersion: 1`) and an aligned text table of the same numbers. The JSON shape is a public
 * contract (docs/runner.md): fields are only ever added; a breaking change bumps reportVersion.
 * Contract: pure; no file system, no clock.
 */
import type { KindId, Text, Topology } from '../src/core/model';
import { HEALTH, type Diagnostic, type SimEvent } from '../src/core/sim';
import type { Engine, RunResult } from './simulate';
import type { ClassAverages, NodeAverages } from './window';
import { HOT_UTILIZATION, WINDOW_MIN_SECONDS, WINDOW_SHARE } from './window';

export const REPORT_FORMAT = 'scale-out-lab/report';
export const REPORT_VERSION = 1;

/** Decimal places of each kind of number in the report (docs/runner.md, "Precision"). */
export const PRECISION = {
  ratio: 4, // utilization, shareAbove90
  errorRatio: 6,
  rate: 3, // req/s
  ms: 3, // latencies, replication lag
  count: 3, // backlog (requests, a time average)
  instances: 2,
  dollars: 4, // $/h and $
  time: 3, // event times, s
} as const;

export type HealthName = keyof typeof HEALTH;

export interface LatencyMs {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** One request class (reads or writes) at a node. */
export interface ClassReport {
  utilization: number | null;
  arrivalRate: number | null;
  throughput: number | null;
  dropRate: number | null;
  errorRate: number | null;
  timeoutRate: number | null;
  backlog: number | null;
  latencyMs: LatencyMs;
}

export interface NodeReport {
  id: string;
  kind: KindId;
  label: string;
  /** At the end of the run; null when the engine reported nothing for the node. */
  health: HealthName | null;
  utilization: number | null;
  shareAbove90: number | null;
  arrivalRate: number | null;
  throughput: number | null;
  dropRate: number | null;
  errorRate: number | null;
  timeoutRate: number | null;
  backlog: number | null;
  latencyMs: LatencyMs;
  costPerHour: number | null;
  reads: ClassReport;
  /** At a read replica: the primary's writes it applies. */
  writes: ClassReport;
  /** Read replicas only. */
  replicationLagMs?: number | null;
  /** Auto scaling groups only: instances in service, averaged over the window. */
  instances?: number | null;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  reportVersion: typeof REPORT_VERSION;
  input: {
    source: 'file' | 'link';
    /** The file as given on the command line (files only). */
    path?: string;
    topology: string;
    nodes: number;
    links: number;
    engine: Engine;
    seconds: number;
    seed: number;
    /** Fluid step, s; null for the des engine, which has no step. */
    dt: number | null;
    window: { from: number; to: number; samples: number; rule: string };
  };
  endToEnd: {
    offered: number | null;
    attempts: number | null;
    throughput: number | null;
    goodput: number | null;
    errorRate: number | null;
    errorRatio: number | null;
    latencyMs: LatencyMs;
    costPerHour: number | null;
    costTotal: number | null;
  };
  nodes: NodeReport[];
  links: { id: string; from: string; to: string; rate: number | null }[];
  diagnostics: { node: string; severity: Diagnostic['severity']; code: string; message: Text }[];
  events: { time: number | null; type: SimEvent['type']; node?: string; detail?: string }[];
  eventsOmitted: number;
  /** What the engine left out of the run (e.g. the des engine's unmodelled features). */
  notes: string[];
}

export interface ReportInputs {
  source: { type: 'file'; path: string } | { type: 'link' };
  engine: Engine;
  seconds: number;
  seed: number;
  dt: number | null;
}

/**
 * Rounds to `digits` decimals; non-finite numbers (which a correct engine never produces) become
 * null rather than a made-up value, and -0 becomes 0 so output is byte-stable.
 * @example round(2 / 3, 3) // 0.667
 */
export function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const p = 10 ** digits;
  const v = Math.round(x * p) / p;
  return v === 0 ? 0 : v;
}

const HEALTH_NAMES = Object.fromEntries(
  Object.entries(HEALTH).map(([name, code]) => [code, name as HealthName]),
) as Record<number, HealthName>;

const WINDOW_SPAN = `last ${WINDOW_SHARE * 100}% of the run, at least the last ${WINDOW_MIN_SECONDS} s (the whole run if shorter)`;
/** How each engine's figures are taken over the window (echoed in the report). */
export const WINDOW_RULES: Record<Engine, string> = {
  fluid: `${WINDOW_SPAN}, one sample per simulated second`,
  des: `${WINDOW_SPAN}, every request that starts in it`,
};

/**
 * Builds the report of a run, rounding every number once so JSON and table agree.
 * @example buildReport(topology, { source: { type: 'link' }, engine: 'fluid', seconds: 60, seed: 1, dt: 0.1 }, run)
 */
export function buildReport(topology: Topology, inputs: ReportInputs, run: RunResult): Report {
  type Latencies = Partial<
    Pick<NodeAverages, 'latencyMean' | 'latencyP50' | 'latencyP95' | 'latencyP99'>
  >;
  const latency = (a: Latencies | null): LatencyMs => ({
    mean: round(a?.latencyMean, PRECISION.ms),
    p50: round(a?.latencyP50, PRECISION.ms),
    p95: round(a?.latencyP95, PRECISION.ms),
    p99: round(a?.latencyP99, PRECISION.ms),
  });
  const classReport = (a: Partial<ClassAverages> | undefined): ClassReport => ({
    utilization: round(a?.utilization, PRECISION.ratio),
    arrivalRate: round(a?.arrivalRate, PRECISION.rate),
    throughput: round(a?.throughput, PRECISION.rate),
    dropRate: round(a?.dropRate, PRECISION.rate),
    errorRate: round(a?.errorRate, PRECISION.rate),
    timeoutRate: round(a?.timeoutRate, PRECISION.rate),
    backlog: round(a?.backlog, PRECISION.count),
    latencyMs: latency(a ?? null),
  });
  const nodes = topology.nodes.map((n, i): NodeReport => {
    const a = run.nodes[i] ?? null;
    const code = run.finalHealth[i];
    const node: NodeReport = {
      id: n.id,
      kind: n.kind,
      label: n.label,
      health: code === null || code === undefined ? null : (HEALTH_NAMES[code] ?? null),
      utilization: round(a?.utilization, PRECISION.ratio),
      shareAbove90: round(a?.shareAbove90, PRECISION.ratio),
      arrivalRate: round(a?.arrivalRate, PRECISION.rate),
      throughput: round(a?.throughput, PRECISION.rate),
      dropRate: round(a?.dropRate, PRECISION.rate),
      errorRate: round(a?.errorRate, PRECISION.rate),
      timeoutRate: round(a?.timeoutRate, PRECISION.rate),
      backlog: round(a?.backlog, PRECISION.count),
      latencyMs: latency(a),
      costPerHour: round(a?.costPerHour, PRECISION.dollars),
      reads: classReport(run.classes[i]?.[0]),
      writes: classReport(run.classes[i]?.[1]),
    };
    if (n.kind === 'dbReplica') node.replicationLagMs = round(a?.replicationLagMs, PRECISION.ms);
    if (n.kind === 'asg') node.instances = round(a?.instances, PRECISION.instances);
    return node;
  });
  const g = run.global;
  return {
    format: REPORT_FORMAT,
    reportVersion: REPORT_VERSION,
    input: {
      source: inputs.source.type,
      ...(inputs.source.type === 'file' ? { path: inputs.source.path } : {}),
      topology: topology.name,
      nodes: topology.nodes.length,
      links: topology.links.length,
      engine: inputs.engine,
      seconds: inputs.seconds,
      seed: inputs.seed,
      dt: inputs.dt,
      window: { ...run.window, rule: WINDOW_RULES[inputs.engine] },
    },
    endToEnd: {
      offered: round(g.offered, PRECISION.rate),
      attempts: round(g.attempts, PRECISION.rate),
      throughput: round(g.throughput, PRECISION.rate),
      goodput: round(g.goodput, PRECISION.rate),
      errorRate: round(g.errorRate, PRECISION.rate),
      errorRatio: round(g.errorRatio, PRECISION.errorRatio),
      latencyMs: latency(g),
      costPerHour: round(g.costPerHour, PRECISION.dollars),
      costTotal: round(run.costTotal, PRECISION.dollars),
    },
    nodes,
    links: topology.links.map((l, i) => ({
      id: l.id,
      from: l.from,
      to: l.to,
      rate: round(run.linkRates[i], PRECISION.rate),
    })),
    diagnostics: run.diagnostics.map((d) => ({
      node: d.node,
      severity: d.severity,
      code: d.code,
      message: { en: d.message.en, ko: d.message.ko },
    })),
    events: run.events.map((e) => ({
      time: round(e.time, PRECISION.time),
      type: e.type,
      ...(e.node !== undefined ? { node: e.node } : {}),
      ...(e.detail !== undefined ? { detail: e.detail } : {}),
    })),
    eventsOmitted: run.eventsOmitted,
    notes: [...run.notes],
  };
}

/** The JSON report: two-space indented, keys in a fixed order, ending with a newline. */
export const formatJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

interface Column {
  head: string;
  /** Right-aligned (numbers) or left-aligned (words). */
  right: boolean;
  cell(n: NodeReport): string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const num = (v: number | null | undefined, digits: number): string =>
  v === null || v === undefined ? '-' : v.toFixed(digits);
const pct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '-' : `${(v * 100).toFixed(1)}%`;

const NODE_COLUMNS: Column[] = [
  { head: 'node', right: false, cell: (n) => n.id },
  { head: 'kind', right: false, cell: (n) => n.kind },
  { head: 'health', right: false, cell: (n) => n.health ?? '-' },
  { head: 'util', right: true, cell: (n) => pct(n.utilization) },
  { head: `>${HOT_UTILIZATION * 100}%`, right: true, cell: (n) => pct(n.shareAbove90) },
  { head: 'in req/s', right: true, cell: (n) => num(n.arrivalRate, 1) },
  { head: 'out req/s', right: true, cell: (n) => num(n.throughput, 1) },
  { head: 'mean ms', right: true, cell: (n) => num(n.latencyMs.mean, 2) },
  { head: 'p50', right: true, cell: (n) => num(n.latencyMs.p50, 2) },
  { head: 'p95', right: true, cell: (n) => num(n.latencyMs.p95, 2) },
  { head: 'p99', right: true, cell: (n) => num(n.latencyMs.p99, 2) },
  { head: 'backlog', right: true, cell: (n) => num(n.backlog, 1) },
  { head: 'drop/s', right: true, cell: (n) => num(n.dropRate, 1) },
  { head: 'err/s', right: true, cell: (n) => num(n.errorRate, 1) },
  { head: 'tmo/s', right: true, cell: (n) => num(n.timeoutRate, 1) },
  {
    head: 'lag ms',
    right: true,
    cell: (n) => (n.kind === 'dbReplica' ? num(n.replicationLagMs, 1) : ''),
  },
  { head: 'inst', right: true, cell: (n) => (n.kind === 'asg' ? num(n.instances, 2) : '') },
  { head: '$/h', right: true, cell: (n) => num(n.costPerHour, 4) },
];

/** Lays out rows of cells in aligned columns, two spaces apart, without trailing spaces. */
export function alignRows(rows: string[][], right: boolean[]): string[] {
  const widths = right.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The human-readable report: inputs, end-to-end figures, one aligned row per node, diagnostics
 * and events. Diagnostics are shown in `lang`.
 */
export function formatTable(report: Report, lang: 'en' | 'ko' = 'en'): string {
  const i = report.input;
  const e = report.endToEnd;
  const out: string[] = [];
  out.push(`Scale-Out Lab report v${report.reportVersion}: ${i.topology || '(unnamed topology)'}`);
  out.push(
    `${i.source === 'file' ? i.path : 'share link'} · ${plural(i.nodes, 'node')}, ${plural(i.links, 'link')} · engine ${i.engine} · ${i.seconds} s simulated · seed ${i.seed}${i.dt === null ? '' : ` · dt ${i.dt} s`}`,
  );
  out.push(`Figures over ${i.window.from}-${i.window.to} s: ${i.window.rule}`);
  out.push('', 'End to end');
  const lat = e.latencyMs;
  const summary: string[][] = [
    ['offered', num(e.offered, 3), 'req/s', 'attempts', num(e.attempts, 3), 'req/s'],
    ['throughput', num(e.throughput, 3), 'req/s', 'goodput', num(e.goodput, 3), 'req/s'],
    ['errors', num(e.errorRate, 3), 'req/s', 'error ratio', pct(e.errorRatio), ''],
    ['latency mean', num(lat.mean, 3), 'ms', 'p50', num(lat.p50, 3), 'ms'],
    ['latency p95', num(lat.p95, 3), 'ms', 'p99', num(lat.p99, 3), 'ms'],
    ['cost', num(e.costPerHour, 4), '$/h', 'accumulated', num(e.costTotal, 4), '$'],
  ];
  out.push(
    ...alignRows(summary, [false, true, false, false, true, false]).map((l) => `  ${l}`),
    '',
    'Nodes',
  );
  const rows = [
    NODE_COLUMNS.map((c) => c.head),
    ...report.nodes.map((n) => NODE_COLUMNS.map((c) => c.cell(n))),
  ];
  out.push(
    ...alignRows(
      rows,
      NODE_COLUMNS.map((c) => c.right),
    ).map((l) => `  ${l}`),
  );
  out.push('', `Diagnostics (${report.diagnostics.length})`);
  for (const d of report.diagnostics)
    out.push(`  ${d.severity.padEnd(7)}  ${d.node}  ${d.message[lang]}`);
  const omitted = report.eventsOmitted > 0 ? `, ${report.eventsOmitted} more not listed` : '';
  out.push('', `Events (${report.events.length}${omitted})`);
  const events = report.events.map((ev) => [
    `${num(ev.time, 3)} s`,
    ev.type,
    ev.node ?? '',
    ev.detail ?? '',
  ]);
  out.push(...alignRows(events, [true, false, false, false]).map((l) => `  ${l}`));
  if (report.notes.length > 0) out.push('', 'Notes', ...report.notes.map((n) => `  ${n}`));
  return `${out.join('\n')}\n`;
}
