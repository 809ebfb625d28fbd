import type { ConditionalRule } from '../../../src/engine/sheets/spec';
import { finiteOr, FORMAT, range, round, sheetSpec, tableSheet, type Column } from '../../../src/engine/sheets/table';

// The layout of every output sheet (src/engine/sheets/table.ts, docs/PRODUCT.md "The sheets Analyze writes"):
// a title in A1, an optional preamble and a blank row, then an Excel table whose header row is frozen.
// Coordinates are 0-based (row 0 / column 0 = A1), as in spec.ts.
interface Row {
  readonly sku: string;
  readonly doi: number;
  readonly status: string;
}

const red: ConditionalRule = { type: 'lessThan', value: 7, fill: 'red' };
const columns: readonly Column<Row>[] = [
  { header: 'Master SKU', value: (r) => r.sku, format: FORMAT.text, width: 18 },
  { header: 'DOI', value: (r) => r.doi, format: FORMAT.days, rules: [red] },
  { header: 'Status', value: (r) => r.status, list: ['Pending', 'Approved'] },
];
const rows: Row[] = [
  { sku: 'M1', doi: 5, status: 'Pending' },
  { sku: 'M2', doi: 20, status: 'Approved' },
  { sku: 'M3', doi: 400, status: 'Pending' },
];

describe('tableSheet without a preamble', () => {
  const spec = tableSheet({ name: 'Health', tableName: 'LumiveHealth', title: 'Stock health', columns, rows, freezeColumns: 1 });

  test('title in A1, header in row 2 (index 1), one row per item below', () => {
    expect(spec.rows).toEqual([
      ['Stock health'],
      ['Master SKU', 'DOI', 'Status'],
      ['M1', 5, 'Pending'],
      ['M2', 20, 'Approved'],
      ['M3', 400, 'Pending'],
    ]);
  });

  test('the table covers the header and the 3 rows: A2:C5', () => {
    expect(spec.tables).toEqual([{ name: 'LumiveHealth', range: range(1, 0, 4, 3) }]);
  });

  test('number formats, rules and drop-downs on each column’s body (rows 3–5) only', () => {
    expect(spec.numberFormats).toEqual([
      { range: range(2, 0, 3, 1), format: '@' },
      { range: range(2, 1, 3, 1), format: '#,##0.0' },
    ]);
    expect(spec.conditionalFormats).toEqual([{ range: range(2, 1, 3, 1), rule: red }]);
    expect(spec.validations).toEqual([{ range: range(2, 2, 3, 1), list: ['Pending', 'Approved'] }]);
  });

  test('styles: title on A1, header on the header row', () => {
    expect(spec.styles).toEqual([
      { range: range(0, 0), style: 'title' },
      { range: range(1, 0, 1, 3), style: 'header' },
    ]);
  });

  test('freeze rows = header row + 1 = 2, and the identifying columns', () => {
    expect(spec.freeze).toEqual({ rows: 2, columns: 1 });
  });

  test('column widths: given, else header length + 2 within 10..40', () => {
    // 'DOI' → max(10, 5) = 10; 'Status' → max(10, 8) = 10.
    expect(spec.columnWidths).toEqual([18, 10, 10]);
  });

  test('an output sheet, visible, replaced on every run, no charts', () => {
    expect(spec).toMatchObject({ name: 'Health', role: 'output', visibility: 'visible', mode: 'replace', charts: [] });
  });
});

describe('tableSheet with a preamble', () => {
  // Title (row 0), 2 preamble rows (1–2), a blank row (3), header (4), data from row 5.
  const spec = tableSheet({
    name: 'Reorder',
    tableName: 'LumiveReorder',
    title: 'Reorder',
    columns,
    rows: rows.slice(0, 2),
    role: 'output',
    preamble: {
      rows: [
        ['Order value', 1250],
        ['Lines', 2],
      ],
      styles: [{ range: range(1, 0, 2, 1), style: 'bold' }],
      numberFormats: [{ range: range(1, 1), format: FORMAT.money }],
    },
  });

  test('the header row comes after the preamble and one blank row', () => {
    expect(spec.rows).toEqual([['Reorder'], ['Order value', 1250], ['Lines', 2], [], ['Master SKU', 'DOI', 'Status'], ['M1', 5, 'Pending'], ['M2', 20, 'Approved']]);
  });

  test('the table starts at the header row: A5:C7', () => {
    expect(spec.tables[0].range).toEqual(range(4, 0, 3, 3));
  });

  test('preamble formats first, then the column formats on the body from row 6', () => {
    expect(spec.numberFormats).toEqual([
      { range: range(1, 1), format: '#,##0.00' },
      { range: range(5, 0, 2, 1), format: '@' },
      { range: range(5, 1, 2, 1), format: '#,##0.0' },
    ]);
  });

  test('styles: title, preamble styles, then the header', () => {
    expect(spec.styles).toEqual([
      { range: range(0, 0), style: 'title' },
      { range: range(1, 0, 2, 1), style: 'bold' },
      { range: range(4, 0, 1, 3), style: 'header' },
    ]);
  });

  test('freeze rows = header row + 1 = 5; no frozen columns by default', () => {
    expect(spec.freeze).toEqual({ rows: 5, columns: 0 });
  });
});

describe('tableSheet with no rows', () => {
  const spec = tableSheet({ name: 'Stranded', tableName: 'LumiveStranded', title: 'Nothing stranded', columns, rows: [] });

  test('title and header only', () => {
    expect(spec.rows).toEqual([['Nothing stranded'], ['Master SKU', 'DOI', 'Status']]);
  });

  test('the table still has one (empty) data row, as Excel requires: A2:C3', () => {
    expect(spec.tables[0].range).toEqual(range(1, 0, 2, 3));
  });

  test('formats and rules cover that one body row', () => {
    expect(spec.numberFormats.map((f) => f.range)).toEqual([range(2, 0, 1, 1), range(2, 1, 1, 1)]);
    expect(spec.conditionalFormats[0].range).toEqual(range(2, 1, 1, 1));
  });
});

describe('tableSheet options', () => {
  test('visibility and role are passed through', () => {
    const spec = tableSheet({ name: 'x', tableName: 'X', title: 't', columns, rows, visibility: 'hidden', role: 'settings' });
    expect(spec.visibility).toBe('hidden');
    expect(spec.role).toBe('settings');
  });

  test('a long header gets at most 40 characters of width', () => {
    const wide: Column<Row>[] = [{ header: 'A'.repeat(50), value: () => null }];
    expect(tableSheet({ name: 'x', tableName: 'X', title: 't', columns: wide, rows }).columnWidths).toEqual([40]);
  });

  test('each cell is the column’s value for that row, nulls kept', () => {
    const cols: Column<Row>[] = [{ header: 'Maybe', value: (r) => (r.doi > 10 ? null : r.doi) }];
    expect(tableSheet({ name: 'x', tableName: 'X', title: 't', columns: cols, rows }).rows.slice(2)).toEqual([[5], [null], [null]]);
  });
});

describe('helpers', () => {
  test('range defaults to one cell', () => {
    expect(range(3, 4)).toEqual({ row: 3, column: 4, rows: 1, columns: 1 });
  });

  test('finiteOr: finite numbers pass; ±∞ and NaN become the text; null stays null', () => {
    expect(finiteOr(12.5, 'No sales')).toBe(12.5);
    expect(finiteOr(Infinity, 'No sales')).toBe('No sales');
    expect(finiteOr(NaN, null)).toBeNull();
    expect(finiteOr(null, 'No sales')).toBeNull();
  });

  test('round: 2 digits by default; non-finite and null pass through', () => {
    expect(round(1234.5678)).toBe(1234.57);
    expect(round(2.3456)).toBe(2.35);
    expect(round(2.3456, 1)).toBe(2.3);
    expect(round(Infinity)).toBe(Infinity);
    expect(round(null)).toBeNull();
  });

  test('sheetSpec: an empty output sheet with the given rows; extra fields override', () => {
    const spec = sheetSpec('Log', [['a']], { mode: 'append', role: 'state' });
    expect(spec).toMatchObject({ name: 'Log', rows: [['a']], mode: 'append', role: 'state', visibility: 'visible', tables: [], freeze: null });
  });
});
