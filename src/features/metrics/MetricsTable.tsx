import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useAlertsStore } from '../../state/alertsStore';
import { readNodeField, useSimStore } from '../../state/simStore';
import { useTopology } from '../../state/topologyStore';
import { moveCell, type Cell } from './gridNav';
import { TableCell, TableHeader } from './TableCells';
import { COLUMNS, TABLE_FIELDS, sortRows, type SortState, type TableRow } from './tableColumns';

/**
 * Every node's numbers in one sortable grid: the accessible alternative to the charts. Tab
 * enters the grid, arrow keys (and Home/End, PageUp/PageDown) move between cells, Enter on a
 * header sorts by it, Enter on a number opens its explanation.
 */
export function MetricsTable() {
  const t = useT();
  const topology = useTopology();
  const frame = useSimStore((s) => s.frame);
  const nodeIndex = useSimStore((s) => s.nodeIndex);
  const watch = useAlertsStore((s) => s.watch);
  const [sort, setSort] = useState<SortState>({ key: 'utilization', dir: 'descending' });
  const [at, setAt] = useState<Cell>({ row: 0, col: 0 });
  const gridRef = useRef<HTMLTableElement>(null);

  const rows = useMemo(() => {
    const list: TableRow[] = topology.nodes.map((n) => {
      const m = {} as TableRow['m'];
      for (const f of TABLE_FIELDS) m[f] = readNodeField({ frame, nodeIndex }, n.id, f);
      const timeAbove = watch.entries.get(n.id)?.timeAbove ?? 0;
      return { id: n.id, label: n.label.trim(), kind: n.kind, m, timeAbove };
    });
    return sortRows(list, sort);
  }, [topology, frame, nodeIndex, watch, sort]);

  const rowCount = rows.length + 1;
  const cur = { row: Math.min(at.row, rowCount - 1), col: Math.min(at.col, COLUMNS.length - 1) };

  const toggleSort = (key: SortState['key']) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: key === 'name' ? 'ascending' : 'descending' },
    );

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const next = moveCell(cur, e.key, e.ctrlKey || e.metaKey, rowCount, COLUMNS.length);
    if (!next) return;
    e.preventDefault();
    setAt(next);
    gridRef.current
      ?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.col}"]`)
      ?.focus({ preventScroll: false });
  };

  if (topology.nodes.length === 0)
    return <p className="p-4 text-sm text-muted">{t('monitor.table.empty')}</p>;

  return (
    <div className="h-full overflow-auto">
      <table
        ref={gridRef}
        role="grid"
        aria-label={t('monitor.table.label')}
        aria-rowcount={rowCount}
        aria-colcount={COLUMNS.length}
        data-testid="metrics-table"
        onKeyDown={onKeyDown}
        className="w-max min-w-full border-collapse text-sm tabular-nums"
      >
        <thead className="sticky top-0 z-10 bg-surface-2">
          <tr aria-rowindex={1}>
            {COLUMNS.map((c, ci) => (
              <TableHeader
                key={c.key}
                column={c}
                col={ci}
                sort={sort}
                focused={cur.row === 0 && cur.col === ci}
                onSort={() => toggleSort(c.key)}
                onFocusCell={() => setAt({ row: 0, col: ci })}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr
              key={r.id}
              aria-rowindex={ri + 2}
              data-testid={`row-${r.id}`}
              className="border-t border-border hover:bg-surface-2"
            >
              {COLUMNS.map((c, ci) => (
                <TableCell
                  key={c.key}
                  row={r}
                  column={c}
                  cell={{ row: ri + 1, col: ci }}
                  focused={cur.row === ri + 1 && cur.col === ci}
                  onFocusCell={() => setAt({ row: ri + 1, col: ci })}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
