/** The hidden, append-only approval log (recommend/approvals.ts): the header on creation, then rows. */
import { LOG_HEADER, type LogRow } from '../recommend/approvals';
import type { SheetSpec } from './spec';
import { sheetSpec } from './table';

/** `exists`: the log sheet is already there, so only the new rows are appended. */
export function approvalLogSheet(name: string, rows: readonly LogRow[], exists: boolean): SheetSpec {
  return sheetSpec(name, exists ? rows : [[...LOG_HEADER], ...rows], {
    role: 'state',
    visibility: 'hidden',
    mode: 'append',
    styles: exists ? [] : [{ range: { row: 0, column: 0, rows: 1, columns: LOG_HEADER.length }, style: 'header' }],
    freeze: exists ? null : { rows: 1, columns: 0 },
    columnWidths: exists ? [] : [20, 12, 18, 13, 13, 14, 16, 13, 16, 30],
  });
}
