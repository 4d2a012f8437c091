import { describe, expect, it } from 'vitest';
import { HEALTH } from '../../core/sim';
import { moveCell } from './gridNav';
import { COLUMNS, TABLE_FIELDS, healthWord, sortRows, type TableRow } from './tableColumns';

const row = (id: string, kind: TableRow['kind'], m: Partial<TableRow['m']>): TableRow => {
  const base = Object.fromEntries(TABLE_FIELDS.map((f) => [f, 0])) as TableRow['m'];
  return { id, label: id, kind, m: { ...base, up: 1, ...m }, timeAbove: 0 };
};

const rows = [
  row('web-10', 'server', { utilization: 0.5, latencyP95: 20 }),
  row('users-1', 'users', {}),
  row('web-2', 'server', { utilization: 0.93, latencyP95: NaN }),
  row('db-1', 'dbPrimary', { utilization: 0.2, latencyP95: 5 }),
];

describe('sortRows', () => {
  it('sorts numerically both ways with nodes it does not apply to last', () => {
    const down = sortRows(rows, { key: 'utilization', dir: 'descending' }).map((r) => r.id);
    expect(down).toEqual(['web-2', 'web-10', 'db-1', 'users-1']);
    const up = sortRows(rows, { key: 'utilization', dir: 'ascending' }).map((r) => r.id);
    expect(up).toEqual(['db-1', 'web-10', 'web-2', 'users-1']);
  });

  it('puts missing numbers last and keeps ties in topology order', () => {
    const p95 = sortRows(rows, { key: 'latencyP95', dir: 'ascending' }).map((r) => r.id);
    expect(p95).toEqual(['users-1', 'db-1', 'web-10', 'web-2']);
  });

  it('sorts names naturally (web-2 before web-10)', () => {
    const names = sortRows(rows, { key: 'name', dir: 'ascending' }).map((r) => r.id);
    expect(names).toEqual(['db-1', 'users-1', 'web-2', 'web-10']);
  });
});

describe('columns', () => {
  it('format like the node cards and show – where a number does not apply', () => {
    const col = (k: string) => COLUMNS.find((c) => c.key === k)!;
    expect(col('utilization').format(rows[2]!)).toBe('93');
    expect(col('utilization').format(rows[1]!)).toBe('–');
    expect(col('latencyP95').format(rows[0]!)).toBe('20.0');
    expect(col('replicationLagMs').format(rows[3]!)).toBe('–');
    expect(
      col('errors').format(row('x', 'server', { errorRate: 1, dropRate: 2, timeoutRate: 3 })),
    ).toBe('6.00');
  });

  it('name health the way the cards do', () => {
    expect(healthWord(row('a', 'server', { up: 0 }))).toBe('down');
    expect(healthWord(row('a', 'server', { health: HEALTH.unhealthy }))).toBe('unhealthy');
    expect(healthWord(row('a', 'server', { health: HEALTH.hot }))).toBe('hot');
    expect(healthWord(row('a', 'server', {}))).toBe('ok');
  });
});

describe('moveCell', () => {
  it('moves with arrows, Home/End and pages, staying inside the grid', () => {
    const at = { row: 2, col: 1 };
    expect(moveCell(at, 'ArrowUp', false, 5, 4)).toEqual({ row: 1, col: 1 });
    expect(moveCell(at, 'ArrowRight', false, 5, 4)).toEqual({ row: 2, col: 2 });
    expect(moveCell({ row: 4, col: 3 }, 'ArrowDown', false, 5, 4)).toEqual({ row: 4, col: 3 });
    expect(moveCell(at, 'Home', false, 5, 4)).toEqual({ row: 2, col: 0 });
    expect(moveCell(at, 'End', true, 5, 4)).toEqual({ row: 4, col: 3 });
    expect(moveCell(at, 'PageDown', false, 50, 4)).toEqual({ row: 12, col: 1 });
    expect(moveCell(at, 'Enter', false, 5, 4)).toBeNull();
  });
});
