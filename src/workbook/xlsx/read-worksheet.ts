/**
 * Reads an exceljs worksheet as the values Excel shows, from A1 to the used range: rich text as plain
 * text, formulas as their cached result, dates as Date, hyperlinks as their text, errors as their code
 * (`#N/A`), blanks as "". Cells a merge covers (other than its top-left) read as blank.
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../../engine/ingest/types';
import { trimmedGrid } from '../grid';

export function readWorksheet(ws: ExcelJS.Worksheet): RawCell[][] {
  const grid: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value as unknown);
      if (value === null) return;
      const r = (grid[rowNumber - 1] ??= []);
      r[colNumber - 1] = value;
    });
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return trimmedGrid(grid);
}

/** An exceljs cell value as the plain value Excel shows (null for blank). */
export function plainValue(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  if (typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
  if (Array.isArray(o.richText)) return o.richText.map((run: unknown) => textOf(run)).join('');
  if ('error' in o) return String(o.error);
  if ('hyperlink' in o || 'text' in o) {
    const text = typeof o.text === 'object' && o.text !== null ? plainValue(o.text) : (o.text as unknown);
    if (typeof text === 'string' || typeof text === 'number') return text;
    return typeof o.hyperlink === 'string' ? o.hyperlink : null;
  }
  return null;
}

function textOf(run: unknown): string {
  return typeof run === 'object' && run !== null && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '';
}
