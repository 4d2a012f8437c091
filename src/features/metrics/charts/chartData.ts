/**
 * What the charts draw for a subject (the whole system, a group, one node), built from the
 * bounded history: rows of {t, series...} for recharts, the lines with their colours and dashes,
 * and the spans above 90 % to shade.
 * Contract: pure functions; no React, no DOM, no store (the history is passed in).
 */
import type { Topology, TopologyNode } from '../../../core/model';
import { G } from '../../../core/sim/types';
import { ALERT_THRESHOLD } from '../../../state/alerts';
import {
  ANY_KEY,
  groupKey,
  hasCpu,
  weightedUtilization,
  type NodeGroup,
} from '../../../state/alertsGroups';
import type { NodeSeriesField, Series } from '../../../state/simHistory';
import type { MessageKey } from '../../../i18n';
import { formatNumber } from '../../playback/format';
import { aboveSpans, type Span } from '../spans';

export interface HistoryLike {
  timeAxis(): number[];
  global(index: number): Series;
  node(id: string, field: NodeSeriesField): Series;
}

export type Row = { t: number } & Record<string, number | null>;

export interface LineSpec {
  key: string;
  /** A catalogue key, or a node's label as is. */
  name: { key: MessageKey } | { text: string };
  color: string;
  dash?: string;
  width?: number;
  axis?: 'left' | 'right';
}

export type ChartId =
  'utilization' | 'latency' | 'throughput' | 'backlog' | 'replicationLag' | 'instances' | 'cost';

export interface ChartSpec {
  id: ChartId;
  /** Overrides the title the id implies (group charts draw one line per member). */
  titleKey?: MessageKey;
  rows: Row[];
  lines: LineSpec[];
  /** Utilization charts: values in %, the 90 % line, and the spans above it to shade. */
  threshold?: { value: number; spans: Span[]; watchKey: string };
  /** Unit of the right axis (cost accumulated). */
  rightUnit?: string;
}

/** Okabe–Ito colours for per-node lines; dashes repeat in a longer cycle as a second cue. */
export const NODE_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#999999',
  '#F0E442',
];
const NODE_DASHES = ['', '6 3', '2 2', '8 3 2 3'];
/** Per-node lines drawn at most on one chart (the hottest); the table lists every node. */
export const MAX_LINES = 8;

const lineStyle = (i: number) => ({
  color: NODE_COLORS[i % NODE_COLORS.length]!,
  dash: NODE_DASHES[Math.floor(i / NODE_COLORS.length) % NODE_DASHES.length]!,
});

/**
 * Axis and tooltip numbers with enough digits for small values (a t3.micro costs $0.0104/h).
 * @example axisTick(0.0052) === '0.0052'; axisTick(1234) === '1.2k'
 */
export function axisTick(v: number): string {
  const a = Math.abs(v);
  if (a === 0 || a >= 1) return formatNumber(v);
  if (a < 0.01) return v.toPrecision(2);
  return v.toFixed(a < 0.1 ? 3 : 2);
}

/** Most points drawn per line: about one per two pixels of a chart's width. */
export const MAX_DRAWN_POINTS = 200;

/**
 * Which points of a long series to draw: all of them up to `max`, else in each of max / 2 buckets
 * the point where any line is highest and the one where any line is lowest (in time order), plus
 * the first and last points. Peaks, and so every crossing of the 90 % line, stay visible.
 * @example pickPoints(4, [[1, 5, 2, 0]], 200) // [0, 1, 2, 3]
 */
export function pickPoints(
  length: number,
  series: readonly ArrayLike<number>[],
  max = MAX_DRAWN_POINTS,
): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(max / 2));
  const size = length / buckets;
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(length, Math.floor((b + 1) * size));
    let hi = from;
    let lo = from;
    let hiV = -Infinity;
    let loV = Infinity;
    for (let i = from; i < to; i++)
      for (const s of series) {
        const v = s[i];
        if (v === undefined || !Number.isFinite(v)) continue;
        if (v > hiV) [hiV, hi] = [v, i];
        if (v < loV) [loV, lo] = [v, i];
      }
    if (lo < hi) picked.push(lo, hi);
    else if (hi < lo) picked.push(hi, lo);
    else picked.push(hi);
  }
  if (picked[0] !== 0) picked.unshift(0);
  if (picked[picked.length - 1] !== length - 1) picked.push(length - 1);
  return picked;
}

/**
 * Rows for recharts from a time axis and named value arrays; NaN becomes null (a gap). Long
 * series are thinned to MAX_DRAWN_POINTS by `pickPoints`.
 * @example toRows([0, 1], { a: [1, NaN] }) // [{ t: 0, a: 1 }, { t: 1, a: null }]
 */
export function toRows(
  t: readonly number[],
  cols: Record<string, ArrayLike<number>>,
  scale: Record<string, number> = {},
): Row[] {
  const keys = Object.keys(cols);
  return pickPoints(t.length, Object.values(cols)).map((i) => {
    const time = t[i]!;
    const row: Row = { t: time };
    for (const k of keys) {
      const v = cols[k]![i];
      row[k] = v !== undefined && Number.isFinite(v) ? v * (scale[k] ?? 1) : null;
    }
    return row;
  });
}

const nodeLine = (n: TopologyNode, i: number, extra: Partial<LineSpec> = {}): LineSpec => ({
  key: n.id,
  name: { text: n.label.trim() || n.id },
  ...lineStyle(i),
  ...extra,
});

/** The CPU nodes to draw, hottest (latest utilization) first, at most MAX_LINES. */
export function hottest(
  h: HistoryLike,
  nodes: readonly TopologyNode[],
  max = MAX_LINES,
): TopologyNode[] {
  const last = (id: string) => {
    const v = h.node(id, 'utilization').v;
    for (let i = v.length - 1; i >= 0; i--) if (Number.isFinite(v[i]!)) return v[i]!;
    return -1;
  };
  return nodes
    .filter(hasCpu)
    .map((n, i) => ({ n, i, u: last(n.id) }))
    .sort((a, b) => b.u - a.u || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.n);
}

function perNode(
  id: ChartId,
  h: HistoryLike,
  t: number[],
  nodes: readonly TopologyNode[],
  field: NodeSeriesField,
  scale = 1,
): ChartSpec {
  const cols: Record<string, number[]> = {};
  for (const n of nodes) cols[n.id] = h.node(n.id, field).v;
  const s = Object.fromEntries(nodes.map((n) => [n.id, scale]));
  return { id, rows: toRows(t, cols, s), lines: nodes.map((n, i) => nodeLine(n, i)) };
}

function utilization(
  t: number[],
  cols: Record<string, number[]>,
  lines: LineSpec[],
  shadeBy: number[],
  watchKey: string,
): ChartSpec {
  const scale = Object.fromEntries(Object.keys(cols).map((k) => [k, 100]));
  return {
    id: 'utilization',
    rows: toRows(t, cols, scale),
    lines,
    threshold: {
      value: ALERT_THRESHOLD * 100,
      spans: aboveSpans(t, shadeBy, ALERT_THRESHOLD),
      watchKey,
    },
  };
}

const latencyLines = (prefix = ''): LineSpec[] => [
  { key: `${prefix}p50`, name: { key: 'monitor.line.p50' }, color: '#009E73' },
  { key: `${prefix}p95`, name: { key: 'monitor.line.p95' }, color: '#D55E00', width: 2.5 },
  { key: `${prefix}p99`, name: { key: 'monitor.line.p99' }, color: '#CC79A7', dash: '6 3' },
  { key: `${prefix}mean`, name: { key: 'monitor.line.mean' }, color: '#0072B2', dash: '2 2' },
];

function sum(
  h: HistoryLike,
  ids: readonly string[],
  field: NodeSeriesField,
  length: number,
): number[] {
  const out = new Array<number>(length).fill(0);
  for (const id of ids)
    h.node(id, field).v.forEach((v, i) => (out[i]! += Number.isFinite(v) ? v : 0));
  return out;
}

/** Charts of the whole system: every CPU node's utilization, end-to-end latency, rates, cost. */
export function systemCharts(h: HistoryLike, topo: Pick<Topology, 'nodes'>): ChartSpec[] {
  const t = h.timeAxis();
  const cpu = topo.nodes.filter(hasCpu);
  const shown = hottest(h, cpu);
  const cols: Record<string, number[]> = {};
  for (const n of shown) cols[n.id] = h.node(n.id, 'utilization').v;
  // Each node's series read once: reading it per point made a rebuild quadratic in history length.
  const series = cpu.map((n) => h.node(n.id, 'utilization').v);
  const max = t.map((_, i) => {
    let m = NaN;
    for (const s of series) {
      const v = s[i];
      if (v !== undefined && Number.isFinite(v) && !(v <= m)) m = v;
    }
    return m;
  });
  const g = (f: number) => h.global(f).v;
  const ids = topo.nodes.map((n) => n.id);
  const charts: ChartSpec[] = [
    utilization(
      t,
      cols,
      shown.map((n, i) => nodeLine(n, i)),
      max,
      ANY_KEY,
    ),
    {
      id: 'latency',
      rows: toRows(t, {
        p50: g(G.latencyP50),
        p95: g(G.latencyP95),
        p99: g(G.latencyP99),
        mean: g(G.latencyMean),
      }),
      lines: latencyLines(),
    },
    {
      id: 'throughput',
      rows: toRows(t, {
        offered: g(G.offered),
        throughput: g(G.throughput),
        goodput: g(G.goodput),
        errors: g(G.errorRate),
        drops: sum(h, ids, 'dropRate', t.length),
      }),
      lines: [
        { key: 'offered', name: { key: 'monitor.line.offered' }, color: '#999999', dash: '6 3' },
        { key: 'throughput', name: { key: 'monitor.line.throughput' }, color: '#0072B2', width: 2 },
        { key: 'goodput', name: { key: 'monitor.line.goodput' }, color: '#009E73', dash: '2 2' },
        { key: 'errors', name: { key: 'monitor.line.errors' }, color: '#D55E00' },
        { key: 'drops', name: { key: 'monitor.line.drops' }, color: '#E69F00', dash: '8 3 2 3' },
      ],
    },
    perNode('backlog', h, t, shown, 'backlog'),
  ];
  const replicas = topo.nodes.filter((n) => n.kind === 'dbReplica').slice(0, MAX_LINES);
  if (replicas.length > 0)
    charts.push(perNode('replicationLag', h, t, replicas, 'replicationLagMs'));
  const asgs = topo.nodes.filter((n) => n.kind === 'asg').slice(0, MAX_LINES);
  if (asgs.length > 0) charts.push(perNode('instances', h, t, asgs, 'instances'));
  charts.push(costChart(t, g(G.costPerHour), g(G.costTotal)));
  return charts;
}

function costChart(t: number[], perHour: number[], total: number[]): ChartSpec {
  return {
    id: 'cost',
    rows: toRows(t, { perHour, total }),
    lines: [
      { key: 'perHour', name: { key: 'monitor.line.costPerHour' }, color: '#0072B2', width: 2 },
      {
        key: 'total',
        name: { key: 'monitor.line.costTotal' },
        color: '#E69F00',
        dash: '6 3',
        axis: 'right',
      },
    ],
    rightUnit: '$',
  };
}

/** Charts of one node: utilization with its 90 % line, latency percentiles, rates, queue, cost. */
export function nodeCharts(h: HistoryLike, node: TopologyNode): ChartSpec[] {
  const t = h.timeAxis();
  const s = (f: NodeSeriesField) => h.node(node.id, f).v;
  const charts: ChartSpec[] = [];
  if (hasCpu(node)) {
    const u = s('utilization');
    charts.push(utilization(t, { [node.id]: u }, [nodeLine(node, 0, { width: 2 })], u, node.id));
  }
  charts.push({
    id: 'latency',
    rows: toRows(t, {
      p50: s('latencyP50'),
      p95: s('latencyP95'),
      p99: s('latencyP99'),
      mean: s('latencyMean'),
    }),
    lines: latencyLines(),
  });
  charts.push({
    id: 'throughput',
    rows: toRows(t, {
      arrivals: s('arrivalRate'),
      throughput: s('throughput'),
      errors: s('errorRate'),
      drops: s('dropRate'),
      timeouts: s('timeoutRate'),
    }),
    lines: [
      { key: 'arrivals', name: { key: 'monitor.line.arrivals' }, color: '#999999', dash: '6 3' },
      { key: 'throughput', name: { key: 'monitor.line.throughput' }, color: '#0072B2', width: 2 },
      { key: 'errors', name: { key: 'monitor.line.errors' }, color: '#D55E00' },
      { key: 'drops', name: { key: 'monitor.line.drops' }, color: '#E69F00', dash: '8 3 2 3' },
      { key: 'timeouts', name: { key: 'monitor.line.timeouts' }, color: '#CC79A7', dash: '2 2' },
    ],
  });
  if (hasCpu(node)) charts.push(perNode('backlog', h, t, [node], 'backlog'));
  if (node.kind === 'dbReplica')
    charts.push(perNode('replicationLag', h, t, [node], 'replicationLagMs'));
  if (node.kind === 'asg') charts.push(perNode('instances', h, t, [node], 'instances'));
  if (hasCpu(node)) {
    const perHour = s('costPerHour');
    let acc = 0;
    const total = perHour.map((v, i) => {
      const dt = i > 0 ? t[i]! - t[i - 1]! : 0;
      const prev = i > 0 ? perHour[i - 1]! : v;
      if (Number.isFinite(v) && Number.isFinite(prev)) acc += ((v + prev) / 2) * (dt / 3600);
      return acc;
    });
    charts.push(costChart(t, perHour, total));
  }
  return charts;
}

/** Charts of a group: members' utilization with the group's (busy cores / cores) on top. */
export function groupCharts(
  h: HistoryLike,
  topo: Pick<Topology, 'nodes'>,
  group: NodeGroup,
): ChartSpec[] {
  const t = h.timeAxis();
  const members = group.members
    .map((id) => topo.nodes.find((n) => n.id === id))
    .filter((n): n is TopologyNode => n !== undefined);
  const shown = members.slice(0, MAX_LINES);
  const util = members.map((n) => h.node(n.id, 'utilization').v);
  const cores = members.map((n) => h.node(n.id, 'cores').v);
  const combined = t.map((_, i) =>
    weightedUtilization(
      util.map((u) => u[i] ?? NaN),
      cores.map((c) => c[i] ?? NaN),
    ),
  );
  const cols: Record<string, number[]> = { group: combined };
  shown.forEach((n) => (cols[n.id] = h.node(n.id, 'utilization').v));
  const lines: LineSpec[] = [
    { key: 'group', name: { key: 'monitor.line.groupAverage' }, color: 'currentColor', width: 3 },
    ...shown.map((n, i) => nodeLine(n, i, { width: 1 })),
  ];
  return [
    utilization(t, cols, lines, combined, groupKey(group.id)),
    { ...perNode('latency', h, t, shown, 'latencyP95'), titleKey: 'monitor.chart.p95Members' },
    {
      ...perNode('throughput', h, t, shown, 'throughput'),
      titleKey: 'monitor.chart.throughputMembers',
    },
    perNode('backlog', h, t, shown, 'backlog'),
  ];
}
