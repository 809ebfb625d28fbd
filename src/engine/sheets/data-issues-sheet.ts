/**
 * Data Issues sheet: every input row or cell the importer and the analysis could not use, with the
 * sheet, row, column, raw value, the reason and its code (docs/REPORTS.md, "Values": nothing disappears silently).
 * At most `limit` rows are listed (an Excel sheet holds 1,048,576); the title then says how many more.
 */
import type { ImportIssue } from '../ingest/types';
import type { SheetSpec } from './spec';
import { TABLE_NAMES } from './names';
import { FORMAT, tableSheet } from './table';

export const DATA_ISSUES_LIMIT = 100_000;

/** What happened to the data: a whole sheet or row left out, or the row used with the issue noted. */
export function effectOf(i: ImportIssue): string {
  if (i.row === null) return i.dropped ? 'Sheet not used' : 'Note';
  return i.dropped ? 'Row not used' : 'Row used';
}

export function dataIssuesSheet(name: string, issues: readonly ImportIssue[], limit = DATA_ISSUES_LIMIT): SheetSpec {
  const shown = issues.length > limit ? issues.slice(0, limit) : issues;
  const more = issues.length - shown.length;
  return tableSheet<ImportIssue>({
    name,
    tableName: TABLE_NAMES.dataIssues,
    title:
      issues.length === 0
        ? 'Data issues: none, every row of every report was used'
        : `Data issues: ${issues.length.toLocaleString('en-US')}${more > 0 ? ` (first ${limit.toLocaleString('en-US')} listed; ${more.toLocaleString('en-US')} more)` : ''}`,
    freezeColumns: 2,
    rows: shown,
    columns: [
      { header: 'Sheet', value: (i) => i.source, format: FORMAT.text, width: 28 },
      { header: 'Row', value: (i) => i.row, format: FORMAT.units, width: 8 },
      { header: 'Column', value: (i) => i.column, format: FORMAT.text, width: 22 },
      { header: 'Value', value: (i) => i.value, format: FORMAT.text, width: 24 },
      { header: 'Issue', value: (i) => i.reason, format: FORMAT.text, width: 70 },
      {
        header: 'Effect',
        value: effectOf,
        width: 18,
        rules: [
          { type: 'textEquals', text: 'Row not used', fill: 'red' },
          { type: 'textEquals', text: 'Sheet not used', fill: 'red' },
        ],
      },
      // The problem's code (docs/ARCHITECTURE.md, "Problems"): one per kind of problem, to filter on.
      { header: 'Code', value: (i) => i.code ?? null, format: FORMAT.text, width: 22 },
    ],
  });
}
