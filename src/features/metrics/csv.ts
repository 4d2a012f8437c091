/**
 * CSV export of the recorded series: one row per time point, the end-to-end fields, then every
 * recorded field of every node. Node labels are user text, so they are quoted per RFC 4180 and
 * defused against spreadsheet formulas.
 * Contract: pure functions; no React, no DOM, no store.
 */
import { GLOBAL_FIELDS, type GlobalField } from '../../core/sim/types';
import { NODE_SERIES, type NodeSeriesField, type Series } from '../../state/simHistory';

export interface CsvColumn {
  header: string;
  values: ArrayLike<number>;
}

/** What the export reads from the history (SimHistory has this shape). */
export interface RecordedSeries {
  timeAxis(): number[];
  global(index: number): Series;
  node(id: string, field: NodeSeriesField): Series;
}

export const GLOBAL_HEADERS: Record<GlobalField, string> = {
  offered: 'offered (req/s)',
  attempts: 'attempts incl. retries (req/s)',
  throughput: 'throughput (req/s)',
  goodput: 'goodput (req/s)',
  errorRate: 'errors (req/s)',
  errorRatio: 'error ratio (0-1)',
  latencyMean: 'latency mean (ms)',
  latencyP50: 'latency p50 (ms)',
  latencyP95: 'latency p95 (ms)',
  latencyP99: 'latency p99 (ms)',
  costPerHour: 'cost ($/h)',
  costTotal: 'cost so far ($)',
};

export const NODE_HEADERS: Record<NodeSeriesField, string> = {
  utilization: 'utilization (0-1)',
  arrivalRate: 'arrivals (req/s)',
  throughput: 'throughput (req/s)',
  errorRate: 'errors (req/s)',
  dropRate: 'drops (req/s)',
  timeoutRate: 'timeouts (req/s)',
  latencyMean: 'latency mean (ms)',
  latencyP50: 'latency p50 (ms)',
  latencyP95: 'latency p95 (ms)',
  latencyP99: 'latency p99 (ms)',
  backlog: 'backlog (requests)',
  replicationLagMs: 'replication lag (ms)',
  instances: 'instances',
  costPerHour: 'cost ($/h)',
  cores: 'effective cores',
};

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes doubled), and
 * prefixed with ' when a spreadsheet would read it as a formula (=, +, -, @, tab, CR).
 * @example csvField('web, "main"') === '"web, ""main"""'
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with up to 7 significant digits; empty for a missing value. */
export function csvNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(7)));
}

/**
 * A CSV document (CRLF line ends, UTF-8 byte order mark so spreadsheets read Korean labels).
 * @example toCsv([0, 1], [{ header: 'x', values: [1, 2] }]) === '\uFEFFtime (s),x\r\n0,1\r\n1,2\r\n'
 */
export function toCsv(time: ArrayLike<number>, columns: readonly CsvColumn[]): string {
  const lines = [['time (s)', ...columns.map((c) => c.header)].map(csvField).join(',')];
  for (let i = 0; i < time.length; i++) {
    const row = [csvNumber(time[i])];
    for (const c of columns) row.push(csvNumber(c.values[i]));
    lines.push(row.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The columns of a history: every end-to-end field, then each node's fields headed
 * `<label> [<id>] <field>`. Nodes without a recorded series are left out.
 */
export function historyColumns(
  history: RecordedSeries,
  nodes: readonly { id: string; label: string }[],
): CsvColumn[] {
  const cols: CsvColumn[] = GLOBAL_FIELDS.map((f, g) => ({
    header: GLOBAL_HEADERS[f],
    values: history.global(g).v,
  }));
  for (const n of nodes) {
    const name = n.label.trim() ? `${n.label.trim()} [${n.id}]` : `[${n.id}]`;
    for (const f of NODE_SERIES) {
      const s = history.node(n.id, f);
      if (s.v.length === 0) break;
      cols.push({ header: `${name} ${NODE_HEADERS[f]}`, values: s.v });
    }
  }
  return cols;
}

/**
 * The download name, from the local wall-clock time.
 * @example csvFileName(new Date(2025, 4, 1, 14, 30, 5)) === 'scale-out-lab-20250501-143005.csv'
 */
export function csvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
  const time = `${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `scale-out-lab-${date}-${time}.csv`;
}
