/**
 * The columns of the metrics table: what each reads from a node's frame fields, how it formats
 * (the same functions the node cards and the playback bar use, so the numbers are identical),
 * and how it sorts.
 * Contract: pure data and functions; no React, no DOM, no store.
 */
import type { KindId } from '../../core/model';
import type { NodeField } from '../../core/sim/types';
import { HEALTH } from '../../core/sim/types';
import { formatClock, formatDollars, formatNumber, formatPercent } from '../playback/format';

/** Frame fields the table reads for every node. */
export const TABLE_FIELDS = [
  'utilization',
  'arrivalRate',
  'throughput',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'latencyMean',
  'errorRate',
  'dropRate',
  'timeoutRate',
  'backlog',
  'instances',
  'replicationLagMs',
  'costPerHour',
  'health',
  'up',
  'cores',
] as const satisfies readonly NodeField[];
export type TableField = (typeof TABLE_FIELDS)[number];

export interface TableRow {
  id: string;
  label: string;
  kind: KindId;
  /** Frame values (NaN before the node appears in a frame). */
  m: Record<TableField, number>;
  /** Seconds at or above 90 % so far. */
  timeAbove: number;
}

export type ColumnKey =
  | 'name'
  | 'health'
  | 'utilization'
  | 'timeAbove'
  | 'arrivalRate'
  | 'throughput'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99'
  | 'latencyMean'
  | 'errors'
  | 'dropRate'
  | 'backlog'
  | 'instances'
  | 'replicationLagMs'
  | 'costPerHour';

/** The unit shown in a column header. */
export type ColumnUnit = '%' | 'req/s' | 'ms' | 'err/s' | '$/h' | 'm:ss' | '';

export interface Column {
  key: ColumnKey;
  unit: ColumnUnit;
  /** The value sorted by (NaN sorts last either way). */
  value: (r: TableRow) => number;
  /** The text shown; '–' when the value does not apply to the node. */
  format: (r: TableRow) => string;
  /** Frame field an "explain" popover should highlight, when the cell has one. */
  explains?: NodeField;
}

const CPU_KINDS = new Set<KindId>(['server', 'asg', 'dbPrimary', 'dbReplica', 'cache']);
const hasCpu = (r: TableRow) => CPU_KINDS.has(r.kind);
const failures = (r: TableRow) => r.m.errorRate + r.m.dropRate + r.m.timeoutRate;
const num = (field: TableField, applies: (r: TableRow) => boolean = () => true) => ({
  value: (r: TableRow) => (applies(r) ? r.m[field] : NaN),
  format: (r: TableRow) => (applies(r) ? formatNumber(r.m[field]) : '–'),
});

/** Health as the cards show it: down, unhealthy, starting, hot (≥ 90 %) or ok. */
export type HealthWord = 'ok' | 'hot' | 'unhealthy' | 'down' | 'starting';
export function healthWord(r: TableRow): HealthWord {
  if (r.m.up === 0 || r.m.health === HEALTH.down) return 'down';
  if (r.m.health === HEALTH.unhealthy) return 'unhealthy';
  if (r.m.health === HEALTH.starting) return 'starting';
  if (r.m.health === HEALTH.hot) return 'hot';
  return 'ok';
}
const HEALTH_ORDER: Record<HealthWord, number> = {
  ok: 0,
  starting: 1,
  hot: 2,
  unhealthy: 3,
  down: 4,
};

export const COLUMNS: readonly Column[] = [
  { key: 'name', unit: '', value: () => NaN, format: (r) => r.label || r.id },
  {
    key: 'health',
    unit: '',
    value: (r) => HEALTH_ORDER[healthWord(r)],
    format: (r) => healthWord(r),
  },
  {
    key: 'utilization',
    unit: '%',
    value: (r) => (hasCpu(r) ? r.m.utilization : NaN),
    format: (r) => (hasCpu(r) ? formatPercent(r.m.utilization) : '–'),
    explains: 'utilization',
  },
  {
    key: 'timeAbove',
    unit: 'm:ss',
    value: (r) => (hasCpu(r) ? r.timeAbove : NaN),
    format: (r) => (hasCpu(r) ? formatClock(r.timeAbove) : '–'),
    explains: 'utilization',
  },
  { key: 'arrivalRate', unit: 'req/s', ...num('arrivalRate'), explains: 'arrivalRate' },
  { key: 'throughput', unit: 'req/s', ...num('throughput'), explains: 'throughput' },
  { key: 'latencyP50', unit: 'ms', ...num('latencyP50'), explains: 'latencyP50' },
  { key: 'latencyP95', unit: 'ms', ...num('latencyP95'), explains: 'latencyP95' },
  { key: 'latencyP99', unit: 'ms', ...num('latencyP99'), explains: 'latencyP99' },
  { key: 'latencyMean', unit: 'ms', ...num('latencyMean'), explains: 'latencyMean' },
  {
    key: 'errors',
    unit: 'err/s',
    value: failures,
    format: (r) => formatNumber(failures(r)),
  },
  { key: 'dropRate', unit: 'req/s', ...num('dropRate') },
  { key: 'backlog', unit: '', ...num('backlog', hasCpu), explains: 'backlog' },
  { key: 'instances', unit: '', ...num('instances', hasCpu) },
  {
    key: 'replicationLagMs',
    unit: 'ms',
    ...num('replicationLagMs', (r) => r.kind === 'dbReplica'),
  },
  {
    key: 'costPerHour',
    unit: '$/h',
    value: (r) => r.m.costPerHour,
    format: (r) => (r.m.costPerHour > 0 ? `$${formatDollars(r.m.costPerHour)}` : '–'),
  },
];

export type SortDir = 'ascending' | 'descending';
export interface SortState {
  key: ColumnKey;
  dir: SortDir;
}

/**
 * Rows in the order of a sort: by label for the name column, otherwise numerically with missing
 * values last in both directions; ties keep the topology order.
 * @example sortRows(rows, { key: 'utilization', dir: 'descending' })[0] // the hottest node
 */
export function sortRows(rows: readonly TableRow[], sort: SortState): TableRow[] {
  const col = COLUMNS.find((c) => c.key === sort.key);
  if (!col) return [...rows];
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    if (sort.key === 'name') {
      const d = col.format(a.r).localeCompare(col.format(b.r), undefined, { numeric: true });
      return d !== 0 ? sign * d : a.i - b.i;
    }
    const va = col.value(a.r);
    const vb = col.value(b.r);
    const na = !Number.isFinite(va);
    const nb = !Number.isFinite(vb);
    if (na || nb) return na === nb ? a.i - b.i : na ? 1 : -1;
    return va !== vb ? sign * (va - vb) : a.i - b.i;
  });
  return indexed.map((x) => x.r);
}
