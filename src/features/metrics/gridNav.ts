/**
 * Keyboard movement in a data grid (WAI-ARIA grid pattern): arrow keys move one cell, Home/End
 * to the row's ends, Ctrl+Home/End to the grid's corners, PageUp/PageDown ten rows.
 * Contract: pure; no React, no DOM.
 */

export interface Cell {
  row: number;
  col: number;
}

/** Rows a PageUp/PageDown moves. */
export const PAGE_ROWS = 10;

/**
 * The cell a key moves to in a grid of `rows` × `cols`, or null when the key does not move.
 * @example moveCell({ row: 0, col: 0 }, 'ArrowDown', false, 5, 3) // { row: 1, col: 0 }
 */
export function moveCell(
  at: Cell,
  key: string,
  ctrl: boolean,
  rows: number,
  cols: number,
): Cell | null {
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (row: number, col: number): Cell => ({
    row: Math.min(rows - 1, Math.max(0, row)),
    col: Math.min(cols - 1, Math.max(0, col)),
  });
  switch (key) {
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return ctrl ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    case 'PageDown':
      return clamp(at.row + PAGE_ROWS, at.col);
    case 'PageUp':
      return clamp(at.row - PAGE_ROWS, at.col);
    default:
      return null;
  }
}
