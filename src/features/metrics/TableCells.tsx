import { useT } from '../../i18n';
import { COLUMN_LABEL, HEALTH_LABEL } from './labels';
import { ExplainButton } from './ExplainButton';
import { healthWord, type Column, type SortState, type TableRow } from './tableColumns';

const cellClass = 'px-2 py-1 whitespace-nowrap';

interface HeaderProps {
  column: Column;
  col: number;
  sort: SortState;
  focused: boolean;
  onSort: () => void;
  onFocusCell: () => void;
}

/** A sortable column header: click or Enter/Space sorts, and aria-sort says how. */
export function TableHeader({ column, col, sort, focused, onSort, onFocusCell }: HeaderProps) {
  const t = useT();
  const active = sort.key === column.key;
  const unit = column.unit ? ` (${column.unit})` : '';
  return (
    <th
      scope="col"
      aria-sort={active ? sort.dir : 'none'}
      aria-colindex={col + 1}
      tabIndex={focused ? 0 : -1}
      data-cell={`0:${col}`}
      data-testid={`col-${column.key}`}
      onFocus={onFocusCell}
      onClick={onSort}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSort();
        }
      }}
      className={`${cellClass} cursor-pointer select-none font-semibold ${column.key === 'name' || column.key === 'health' ? 'text-left' : 'text-right'}`}
    >
      {t(COLUMN_LABEL[column.key])}
      <span className="font-normal text-muted">{unit}</span>
      <span aria-hidden="true" className="ml-1 inline-block w-3 text-accent">
        {active ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
      </span>
    </th>
  );
}

interface CellProps {
  row: TableRow;
  column: Column;
  cell: { row: number; col: number };
  focused: boolean;
  onFocusCell: () => void;
}

/** One cell: a number that opens its explanation, the node's name, or its health. */
export function TableCell({ row, column, cell, focused, onFocusCell }: CellProps) {
  const t = useT();
  const key = `${cell.row}:${cell.col}`;
  const text = column.format(row);
  const common = { tabIndex: focused ? 0 : -1, 'data-cell': key, onFocus: onFocusCell };
  const testId = `cell-${row.id}-${column.key}`;
  if (column.key === 'name')
    return (
      <th
        scope="row"
        {...common}
        data-testid={testId}
        className={`${cellClass} text-left font-medium`}
      >
        {text}
        {row.label && row.label !== row.id && (
          <span className="ml-1 text-xs text-muted">{row.id}</span>
        )}
      </th>
    );
  if (column.key === 'health')
    return (
      <td {...common} data-testid={testId} className={`${cellClass} text-left`}>
        {Number.isNaN(row.m.up) ? '–' : t(HEALTH_LABEL[healthWord(row)])}
      </td>
    );
  if (text === '–')
    return (
      <td {...common} data-testid={testId} className={`${cellClass} text-right`}>
        {text}
      </td>
    );
  return (
    <td className={`${cellClass} text-right`}>
      <ExplainButton
        nodeId={row.id}
        focus={column.explains}
        {...common}
        data-testid={testId}
        aria-label={t('monitor.table.explain', {
          value: text,
          metric: t(COLUMN_LABEL[column.key]),
          node: row.label || row.id,
        })}
        className="rounded px-1 underline decoration-dotted underline-offset-2 hover:bg-accent-soft"
      >
        {text}
      </ExplainButton>
    </td>
  );
}
