/**
 * Building blocks for sheet specs: a titled Excel table from typed rows and column definitions, and
 * small helpers for ranges and formats. Every output sheet is a title line, then an Excel table with
 * filters and a frozen header (docs/PRODUCT.md, "The sheets Analyze writes").
 */
import type { CellRange, CellValue, ConditionalFormat, ConditionalRule, ListValidation, NumberFormat, SheetSpec, StyledRange } from './spec';

export const FORMAT = {
  units: '#,##0',
  money: '#,##0.00',
  days: '#,##0.0',
  velocity: '#,##0.00',
  percent: '0.0%',
  ratio: '0.00',
  text: '@',
  date: 'yyyy-mm-dd hh:mm',
} as const;

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => CellValue;
  readonly format?: string;
  /** Width in characters. */
  readonly width?: number;
  /** Traffic-light rules on this column's data cells. */
  readonly rules?: readonly ConditionalRule[];
  /** Drop-down list on this column's data cells. */
  readonly list?: readonly string[];
}

export const range = (row: number, column: number, rows = 1, columns = 1): CellRange => ({ row, column, rows, columns });

export interface TableSheetOptions<T> {
  readonly name: string;
  readonly tableName: string;
  readonly title: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  /** Frozen columns left of the scrolling area (the identifying columns). */
  readonly freezeColumns?: number;
  /** Content above the table (title excluded): rows, styles, formats placed from row 1. */
  readonly preamble?: Preamble;
  readonly visibility?: SheetSpec['visibility'];
  readonly role?: SheetSpec['role'];
}

export interface Preamble {
  readonly rows: readonly (readonly CellValue[])[];
  readonly styles?: readonly StyledRange[];
  readonly numberFormats?: readonly NumberFormat[];
  readonly charts?: SheetSpec['charts'];
}

/** A sheet: title in A1, optional preamble, then the table with its header row frozen. */
export function tableSheet<T>(o: TableSheetOptions<T>): SheetSpec {
  const pre = o.preamble?.rows ?? [];
  const top = 1 + pre.length + (pre.length > 0 ? 1 : 0);
  const n = o.rows.length;
  const cols = o.columns;
  const out: CellValue[][] = [[o.title], ...pre.map((r) => [...r])];
  if (pre.length > 0) out.push([]);
  out.push(cols.map((c) => c.header));
  // The value functions in an array of their own: columns differ in shape (format, rules, list …), so
  // reading `.value` off each column per cell is a slow lookup over 100,000s of rows.
  const values = cols.map((c) => c.value);
  const width = values.length;
  for (const row of o.rows) {
    const cells = new Array<CellValue>(width);
    for (let j = 0; j < width; j++) cells[j] = values[j](row);
    out.push(cells);
  }
  // An Excel table needs at least one data row.
  const bodyRows = Math.max(1, n);
  const numberFormats: NumberFormat[] = [...(o.preamble?.numberFormats ?? [])];
  const conditionalFormats: ConditionalFormat[] = [];
  const validations: ListValidation[] = [];
  cols.forEach((c, j) => {
    const body = range(top + 1, j, bodyRows, 1);
    if (c.format) numberFormats.push({ range: body, format: c.format });
    for (const rule of c.rules ?? []) conditionalFormats.push({ range: body, rule });
    if (c.list) validations.push({ range: body, list: c.list });
  });
  return {
    name: o.name,
    role: o.role ?? 'output',
    visibility: o.visibility ?? 'visible',
    mode: 'replace',
    rows: out,
    numberFormats,
    styles: [{ range: range(0, 0), style: 'title' }, ...(o.preamble?.styles ?? []), { range: range(top, 0, 1, cols.length), style: 'header' }],
    tables: [{ name: o.tableName, range: range(top, 0, bodyRows + 1, cols.length) }],
    conditionalFormats,
    validations,
    freeze: { rows: top + 1, columns: o.freezeColumns ?? 0 },
    columnWidths: cols.map((c) => c.width ?? Math.min(40, Math.max(10, c.header.length + 2))),
    charts: o.preamble?.charts ?? [],
    print: { landscape: true, repeatRows: top + 1 },
  };
}

/** Finite numbers pass; ±∞ and NaN become the given text (e.g. DOI "No sales"). */
export const finiteOr = (x: number | null, otherwise: string | null): CellValue => (x === null ? null : Number.isFinite(x) ? x : otherwise);

/** Rounds for display-stable output (tests compare written values). */
export const round = (x: number | null, digits = 2): number | null => {
  if (x === null || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** A spec with nothing but its name and rows; `extra` sets any other field (an output sheet by default). */
export function sheetSpec(name: string, rows: readonly (readonly CellValue[])[], extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    role: 'output',
    visibility: 'visible',
    mode: 'replace',
    rows,
    numberFormats: [],
    styles: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    freeze: null,
    columnWidths: [],
    charts: [],
    ...extra,
  };
}

/** A sheet of plain values (an imported report or the demo's inputs). */
export const plainSheet = (name: string, rows: readonly (readonly CellValue[])[]): SheetSpec => sheetSpec(name, rows, { role: 'input' });
