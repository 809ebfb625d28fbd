/**
 * The Data Issues sheet (src/engine/sheets/data-issues-sheet.ts; docs/REPORTS.md, "Values"): one row per
 * issue with its place, English message, effect and code (docs/ARCHITECTURE.md, "Problems").
 */
import { issueAt, problemOf } from '../../../src/engine';
import { dataIssuesSheet } from '../../../src/engine/sheets/data-issues-sheet';

describe('dataIssuesSheet', () => {
  const blank = issueAt({ source: 'FBA', row: 5, column: 'sku', value: null }, problemOf('cell.blank', { column: 'sku' }), true);
  const negative = issueAt({ source: 'FBA', row: 7, column: 'afn-fulfillable-quantity', value: '-2' }, problemOf('stock.negative', { what: 'stock', n: -2 }), false);
  const empty = issueAt({ source: 'Notes', row: null, column: null, value: null }, problemOf('sheet.empty', {}), true);

  it('lists each issue with its place, message, effect and code', () => {
    const spec = dataIssuesSheet('Data Issues', [blank, negative, empty]);
    expect(spec.rows).toEqual([
      ['Data issues: 3'],
      ['Sheet', 'Row', 'Column', 'Value', 'Issue', 'Effect', 'Code'],
      ['FBA', 5, 'sku', null, 'sku is blank', 'Row not used', 'cell.blank'],
      ['FBA', 7, 'afn-fulfillable-quantity', '-2', 'Negative stock quantity -2 counted as 0', 'Row used', 'stock.negative'],
      ['Notes', null, null, null, 'The sheet is empty', 'Sheet not used', 'sheet.empty'],
    ]);
  });

  it('says so when there is none, and how many more past the limit', () => {
    expect(dataIssuesSheet('Data Issues', []).rows[0]).toEqual(['Data issues: none, every row of every report was used']);
    expect(dataIssuesSheet('Data Issues', [blank, negative, empty], 2).rows[0]).toEqual(['Data issues: 3 (first 2 listed; 1 more)']);
    expect(dataIssuesSheet('Data Issues', [blank, negative, empty], 2).rows).toHaveLength(4);
  });
});
