/**
 * Cell addresses and value grids shared by the workbook adapters (in-memory and xlsx): A1 addresses
 * from 0-based coordinates, the used-range trimming every `readSheets` applies, and range helpers.
 * Pure: no host, no Node APIs (the in-memory workbook runs in the browser).
 */
import { columnLetters, type CellRange, type RawCell } from '../engine';
import { CELLS_PER_TASK, nextTask } from './next-task';

export { columnLetters };

/** Excel's sheet size limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A1 address of a 0-based cell, optionally absolute (`$A$1`). */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** A1 address of a non-empty range: `A1` for one cell, else `A1:C4`. */
export function rangeAddress(range: CellRange, absolute = false): string {
  const first = cellAddress(range.row, range.column, absolute);
  if (range.rows === 1 && range.columns === 1) return first;
  return `${first}:${cellAddress(range.row + range.rows - 1, range.column + range.columns - 1, absolute)}`;
}

/** True when the range covers no cell (a list of zero items, say); adapters skip such ranges. */
export function isEmptyRange(range: CellRange): boolean {
  return range.rows <= 0 || range.columns <= 0;
}

/** The range moved down by `rows` (append mode: spec ranges are relative to the appended block). */
export function shiftRange<T extends { readonly range: CellRange }>(item: T, rows: number): T {
  return rows === 0 ? item : { ...item, range: { ...item.range, row: item.range.row + rows } };
}

/** Each cell of a range, row by row. */
export function* cellsOf(range: CellRange): Generator<{ row: number; column: number }> {
  for (let r = 0; r < range.rows; r++) {
    for (let c = 0; c < range.columns; c++) yield { row: range.row + r, column: range.column + c };
  }
}

/** Blank as a used range sees it: no value or the empty string. */
export function isBlank(value: RawCell): boolean {
  return value === null || value === undefined || value === '';
}

/** Rows up to and including the last row with a non-blank cell (where `append` lands). */
export function usedRowCount(grid: readonly (readonly RawCell[])[]): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    if (grid[r].some((v) => !isBlank(v))) return r + 1;
  }
  return 0;
}

/**
 * A copy of a grid from A1 to its used range: rectangular, trailing blank rows and columns removed,
 * blanks as "" and dates copied (callers may mutate what they get).
 */
export function trimmedGrid(grid: readonly (readonly RawCell[])[]): RawCell[][] {
  const { rows, columns } = usedRange(grid);
  return copyRows(grid, 0, rows, columns);
}

/**
 * trimmedGrid on the pane's thread: the same copy, CELLS_PER_TASK cells per task, so copying the
 * sheets of a 100,000-position workbook never holds the thread (and Excel's custom functions) for long.
 */
export async function trimmedGridPaced(grid: readonly (readonly RawCell[])[]): Promise<RawCell[][]> {
  const { rows, columns } = usedRange(grid);
  const step = Math.max(1, Math.floor(CELLS_PER_TASK / Math.max(1, columns)));
  if (rows <= step) return copyRows(grid, 0, rows, columns);
  const out: RawCell[][] = [];
  for (let start = 0; start < rows; start += step) {
    for (const row of copyRows(grid, start, Math.min(rows, start + step), columns)) out.push(row);
    await nextTask();
  }
  return out;
}

/** Rows and columns from A1 to the last non-blank cell. */
function usedRange(grid: readonly (readonly RawCell[])[]): { rows: number; columns: number } {
  const rows = usedRowCount(grid);
  let columns = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = grid[r].length - 1; c >= columns; c--) {
      if (!isBlank(grid[r][c])) {
        columns = c + 1;
        break;
      }
    }
  }
  return { rows, columns };
}

/** Rows [from, to) of a grid as `columns` cells each: blanks as "", dates copied. */
function copyRows(grid: readonly (readonly RawCell[])[], from: number, to: number, columns: number): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = from; r < to; r++) {
    const row: RawCell[] = new Array<RawCell>(columns);
    for (let c = 0; c < columns; c++) {
      const v = grid[r][c];
      row[c] = isBlank(v) ? '' : v instanceof Date ? new Date(v.getTime()) : v;
    }
    out.push(row);
  }
  return out;
}
