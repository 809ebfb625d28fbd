/**
 * SheetSpec: one output sheet as pure data (docs/ARCHITECTURE.md, "sheets/"). The engine builds specs; a
 * WorkbookPort adapter (in-memory, xlsx file, Office) renders them. Nothing here knows a host.
 *
 * Coordinates are 0-based (row 0 / column 0 = cell A1). `rows` is the sheet's content from A1; rows may
 * be ragged (missing cells are blank).
 *
 * Text safety: a string in `rows` is always literal text. Adapters must write it so that no host reads
 * it as a formula (a title `=HYPERLINK(...)` or `+SUM(1)` lands as that text), whatever it starts with.
 */

export type CellValue = string | number | boolean | null;

export interface CellRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Traffic-light fills for conditional formats. */
export type Fill = 'red' | 'orange' | 'amber' | 'green' | 'grey';

export type ConditionalRule =
  /** The cell's text equals `text` (case-insensitive, as Excel compares). */
  | { readonly type: 'textEquals'; readonly text: string; readonly fill: Fill }
  /** A number compared with one value, or between two (inclusive). */
  | { readonly type: 'lessThan' | 'greaterThan' | 'equal'; readonly value: number; readonly fill: Fill }
  | { readonly type: 'between'; readonly from: number; readonly to: number; readonly fill: Fill };

export interface ConditionalFormat {
  readonly range: CellRange;
  readonly rule: ConditionalRule;
}

/** A drop-down list on a range (data validation). */
export interface ListValidation {
  readonly range: CellRange;
  readonly list: readonly string[];
}

export interface NumberFormat {
  readonly range: CellRange;
  /** Excel number format code, e.g. `#,##0`, `0.0%`, `@` (text). */
  readonly format: string;
}

export type CellStyle = 'title' | 'subtitle' | 'header' | 'note' | 'bold';

export interface StyledRange {
  readonly range: CellRange;
  readonly style: CellStyle;
}

export interface TableSpec {
  /** Excel table name: letters, digits and underscores, unique in the workbook. */
  readonly name: string;
  /** The header row is the first row of the range. */
  readonly range: CellRange;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: CellRange;
}

export interface ChartSpec {
  readonly type: 'pie' | 'column' | 'bar';
  readonly title: string;
  readonly categories: CellRange;
  readonly series: readonly ChartSeries[];
  /** Top-left cell the chart is placed over, and its size in columns × rows. */
  readonly anchor: { readonly row: number; readonly column: number };
  readonly size: { readonly columns: number; readonly rows: number };
}

/** `input`: a report or mapping sheet written by the CLI or the demo (never by Analyze over a user's sheet). */
export type SheetRole = 'input' | 'output' | 'settings' | 'state';
export type Visibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSpec {
  readonly name: string;
  readonly role: SheetRole;
  readonly visibility: Visibility;
  /**
   * `replace`: the sheet's whole content becomes `rows`.
   * `append`: `rows` are added below the sheet's existing rows (created with them when missing);
   * earlier rows are never changed (the append-only approval log).
   */
  readonly mode: 'replace' | 'append';
  readonly rows: readonly (readonly CellValue[])[];
  readonly numberFormats: readonly NumberFormat[];
  readonly styles: readonly StyledRange[];
  readonly tables: readonly TableSpec[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly validations: readonly ListValidation[];
  /** Frozen rows above and columns left of the scrolling area. */
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  /** Column widths in characters, by column index (missing = host default). */
  readonly columnWidths: readonly (number | null)[];
  readonly charts: readonly ChartSpec[];
  /**
   * Printing: landscape, fitted to one page wide, the first `repeatRows` rows on every page.
   *
   * `rowBreaks`: manual page breaks, as 0-based indices into `rows` (shifted with them in `append`
   * mode): each listed row starts a new printed page (the break is above it), so a sheet can print
   * one block of rows (a purchase order) per page or pages, under the repeated rows. Rows ≤ 0 and
   * repeats are ignored; adapters write the rest sorted. Whole numbers only, at most 1,023 of them
   * (Excel's limit), checked by spec-checks.ts.
   */
  readonly print?: { readonly landscape: boolean; readonly repeatRows: number; readonly rowBreaks?: readonly number[] } | null;
}
