/**
 * Reads one sheet or file into typed records (docs/REPORTS.md): finds the header, recognizes the kind,
 * maps columns by name and parses every value. Nothing throws on bad input and nothing disappears:
 * every unusable cell or row becomes an ImportIssue with source, row number, column, raw value and
 * reason, and for every source rows read = rows used + rows reported (blank rows aside).
 */
import { columnLetters } from '../sheets/columns';
import { ColumnMatch, detectKind, Detection, findHeaderRow, HEADER_SEARCH_ROWS, normalizeHeader } from './detect';
import type { ReportKind } from './kinds';
import { LineGrid } from './line-grid';
import { ownCopy, RecordTable } from './records';
import { asDropped, gridRows, ImportIssue, isValueProblem, issueAt, RawCell, RowSource, SourceGrid, ValueProblem } from './types';
import { decideDateOrder, isoFastAt, parseDate } from './values/dates';
import { parseNumber, plainNumberAt } from './values/numbers';
import { parseText } from './values/text';
import type { DateOrder } from './types';
import { DAY_MS, isoDay } from '../calendar';
import { problemOf, type Problem } from '../problems';

export type { ReportRecord } from './records';

export interface ParsedReport {
  readonly source: string;
  readonly kind: ReportKind | null;
  readonly variant: string | null;
  readonly label: string | null;
  readonly detection: Detection | null;
  /** 1-based row number of the header, or null when none was found. */
  readonly headerRow: number | null;
  readonly columns: readonly ColumnMatch[];
  readonly patternColumns: readonly ColumnMatch[];
  /** Header names no field of the kind uses (normal: Amazon adds columns). */
  readonly unknownColumns: readonly string[];
  /** The usable rows, column by column (records.ts). */
  readonly records: RecordTable;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsReported: number;
  readonly issues: readonly ImportIssue[];
}

export interface ReadOptions {
  /** The user's choice of kind; always wins over detection. */
  readonly kind?: ReportKind;
  /** Numbers written with a decimal comma ("1.234,50"): only when the user's settings say so. */
  readonly decimalComma?: boolean;
  /**
   * The day of the analysis (ms UTC; default now): a date more than FUTURE_DAYS after it, in a field
   * that holds past events, is reported and not used.
   */
  readonly asOf?: number;
}

/** Excel's limit on the characters of a cell: longer text is cut there, and said so. */
export const MAX_CELL_TEXT = 32_767;
/** No quantity, price or fee in a seller's report comes near this; larger figures are reported, not used. */
export const MAX_FIGURE = 1e12;
/** Dates before this are not dates of a marketplace report (a sale dated 1900-01-01 is a typo or a blank Excel date). */
export const MIN_DATE = Date.UTC(2000, 0, 1);
/** Past events (sales, returns, receipts) may be dated this many days after the analysis day (time zones, late downloads), not more. */
export const FUTURE_DAYS = 7;

/** Fields that identify a product: invisible and control characters in them are removed and reported. */
const IDENTIFIER = /^(sku|masterSku|asin|fnsku|psku|noonSku|amazon\w*Sku|noon\w*Sku)$/;
/** Control characters (C0, DEL, C1) and invisible format characters (zero-width, bidi marks, BOM, soft hyphen). */
const INVISIBLE_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS);
const codePoints = (s: string) => [...new Set(s.match(INVISIBLE) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');

/** A value read but not usable as it is: `problem` (not used, like an unreadable cell) or a replacement with a `note`. */
type Checked = { readonly problem: Problem } | { readonly value: string | number | null; readonly note: Problem } | null;

const day = isoDay;

/** Checks a parsed value against what the field can hold (docs/REPORTS.md, "Values"); null when it is fine. */
function plausible(c: ColumnMatch, value: string | number, raw: RawCell, asOf: number, identifier: boolean): Checked {
  if (typeof value === 'string') {
    if (identifier && typeof raw === 'string' && HAS_INVISIBLE.test(raw.trim())) {
      const clean = raw.replace(INVISIBLE, '').trim();
      const codes = codePoints(raw.trim());
      return clean === '' ? { problem: problemOf('cell.only-invisible', { column: c.header, codes }) } : { value: clean, note: problemOf('cell.invisible', { column: c.header, codes, clean }) };
    }
    if (value.length > MAX_CELL_TEXT) return { value: value.slice(0, MAX_CELL_TEXT), note: problemOf('cell.too-long', { column: c.header, length: value.length }) };
    return null;
  }
  if (c.type === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) return { problem: problemOf('cell.figure-too-large', { column: c.header, value }) };
    if (value < 0 && c.nonNegative === 'zero') return { value: 0, note: problemOf('cell.negative-zero', { column: c.header, value }) };
    if (value < 0 && c.nonNegative === 'ignore') return { value: null, note: problemOf('cell.negative-ignored', { column: c.header, value }) };
    return null;
  }
  if (c.type === 'date') {
    if (value < MIN_DATE) return { problem: problemOf('cell.date-before-2000', { day: day(value) }) };
    if (!c.future && value > asOf + FUTURE_DAYS * DAY_MS) return { problem: problemOf('cell.date-future', { day: day(value), asOf: day(asOf) }) };
  }
  return null;
}

function isBlank(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlankRow(row: readonly RawCell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

function rawText(cell: RawCell): string | null {
  if (isBlank(cell)) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString();
  return ownCopy(String(cell));
}

/** Reads every row after the header of a source whose kind is known or detected. */
export function readReport(input: SourceGrid, options: ReadOptions = {}): ParsedReport {
  const { source } = input;
  // A file read a row at a time gives `rows`; a sheet gives its grid.
  const rows = input.rows ?? gridRows(input.grid);
  const issues: ImportIssue[] = [];
  const whole = (problem: Problem): ImportIssue => issueAt({ source, row: null, column: null, value: null }, problem, true);
  const dataRowsFrom = (start: number) => countNonBlank(rows, start);

  const header = findHeaderRow(input.rows ? headRows(input.rows) : input.grid);
  if (header === null) {
    const rowsRead = dataRowsFrom(0);
    issues.push(whole(rowsRead === 0 ? problemOf('sheet.empty', {}) : problemOf('sheet.no-header', {})));
    return empty(source, null, null, rowsRead, issues);
  }
  // Own copies of the names: what the report keeps of them (columns, reasons) must not hold on to the
  // file's whole text, of which a cell is a slice.
  const headers = rows.row(header).map((h) => (typeof h === 'string' ? ownCopy(h) : h));
  const detection = detectKind(headers, source, options.kind);
  const match = detection.match;
  if (!detection.kind || !match) {
    const rowsRead = dataRowsFrom(header + 1);
    issues.push(whole(problemOf('report.unknown-kind', { why: detection.why })));
    return empty(source, detection, header + 1, rowsRead, issues);
  }
  const spec = match.spec;
  if (match.missingRequired.length > 0) {
    for (const f of match.missingRequired) {
      issues.push(whole(problemOf('report.missing-column', { column: f.aliases[0], report: spec.label, tried: f.aliases })));
    }
    const rowsRead = dataRowsFrom(header + 1);
    return { ...empty(source, detection, header + 1, rowsRead, issues), kind: detection.kind, variant: spec.variant ?? null, label: spec.label, columns: match.columns };
  }

  const used = new Set([...match.columns, ...match.patternColumns].map((c) => c.index));
  const unknownColumns = headers.filter((h, i) => !used.has(i) && !isBlank(h)).map((h) => String(h));
  // A date column's day/month order, decided from all its values (decideDateOrder) when a cell first
  // needs it: a column of ISO dates ("2025-10-30 23:59:51", a sales export's every row) never does, and
  // is not read twice for it.
  const dateOrders = new Map<number, DateOrder>();
  const dateOrderOf = (c: ColumnMatch): DateOrder => {
    let order = dateOrders.get(c.index);
    if (order === undefined) dateOrders.set(c.index, (order = decideDateOrder(cellsOf(rows, c.index, header + 1)) ?? c.dateOrder ?? 'DMY'));
    return order;
  };

  const notApplicable = spec.notApplicable ? new Set(spec.notApplicable) : null;
  const asOf = options.asOf ?? Date.now();
  // Identifier cells with spaces around them, per column: read without them, and said once.
  const spaced = new Map<string, { count: number; row: number; raw: string }>();
  issues.push(...duplicateHeaders(source, header + 1, headers, match.columns));
  // What each column needs, worked out once instead of for every cell.
  const decimalComma = { decimalComma: options.decimalComma };
  // Columns the kind marks unread (kinds.ts): matched by their header, their cells never looked at.
  const unread = new Set(spec.fields.filter((f) => f.unread).map((f) => f.field));
  const plan = match.columns.filter((c) => !unread.has(c.field)).map((c) => {
    const order = () => dateOrderOf(c);
    const parse: (cell: RawCell) => string | number | null | ValueProblem =
      c.type === 'text' ? parseText : c.type === 'number' ? (cell) => parseNumber(cell, decimalComma) : (cell) => parseDate(cell, order);
    const identifier = IDENTIFIER.test(c.field);
    return { c, parse, identifier, needed: c.required || c.blankAs !== undefined };
  });
  const records = new RecordTable(
    plan.map((p) => p.c.field),
    plan.map((p) => p.c.type !== 'text'),
    Math.max(0, rows.length - header - 1),
    match.columns.filter((c) => unread.has(c.field)).map((c) => c.field),
  );
  // A file read a row at a time (LineGrid): a cell whose text is plainly a value (fastCell) is read
  // where it stands in the file's text; any other cell is cut out and read as a sheet's cell is.
  const lines = input.rows instanceof LineGrid ? input.rows : null;
  const text = lines ? lines.text : '';
  const delimiterLength = lines ? lines.delimiter.length : 0;
  let cuts = new Int32Array(64);
  let cellCount = 0;
  /**
   * Reads the cell text[start, end) (not empty) of plan column k into the row begun, when its text is
   * plainly a value the reader would read as it is, without an issue; false for any other cell.
   */
  const fastCell = (k: number, start: number, end: number): boolean => {
    const { c } = plan[k];
    if (notApplicable) for (const na of notApplicable) if (na.length === end - start && text.startsWith(na, start)) return false;
    if (c.type === 'text') {
      // Printable ASCII, not starting or ending with a space: no trimming, no invisible character, short;
      // not quoted (a quoted cell is its text between the quotes: LineGrid.cellOf).
      const first = text.charCodeAt(start);
      if (end - start > MAX_CELL_TEXT || first === 32 || first === 34 || text.charCodeAt(end - 1) === 32) return false;
      for (let i = start; i < end; i++) {
        const ch = text.charCodeAt(i);
        if (ch < 32 || ch > 126) return false;
      }
      records.putRange(k, text, start, end);
      return true;
    }
    // A number or a date the checks take as it is (plausible reads the cell's text only for identifiers).
    const x = c.type === 'number' ? plainNumberAt(text, start, end, options.decimalComma === true) : isoFastAt(text, start, end);
    if (typeof x !== 'number' || plausible(c, x, null, asOf, false) !== null) return false;
    records.put(k, x);
    return true;
  };
  let rowsRead = 0;
  let rowsReported = 0;
  for (let r = header + 1; r < rows.length; r++) {
    let row: readonly RawCell[] | null = null;
    if (lines) {
      cellCount = lines.cut(r, cuts);
      if (cellCount < 0) {
        cuts = new Int32Array(-cellCount);
        cellCount = lines.cut(r, cuts);
      }
      if (!lines.surelyNotBlank(r) && isBlankRow((row = rows.row(r)))) continue;
    } else {
      row = rows.row(r);
      if (isBlankRow(row)) continue;
    }
    rowsRead++;
    const rowNumber = r + 1;
    let dropped = false;
    let rowIssues: ImportIssue[] | undefined; // allocated only for a row with a problem
    records.begin();
    for (let k = 0; k < plan.length; k++) {
      const { c, parse, identifier, needed } = plan[k];
      if (lines && c.index < cellCount) {
        const start = cuts[c.index];
        const end = cuts[c.index + 1] - delimiterLength;
        if (end > start && fastCell(k, start, end)) continue;
      }
      const raw = row ? row[c.index] : cutCell(lines as LineGrid, cuts, cellCount, c.index);
      const cell = notApplicable && typeof raw === 'string' && notApplicable.has(raw.trim()) ? null : raw;
      let value: string | number | null | ValueProblem = parse(cell);
      if (value !== null && !isValueProblem(value)) {
        if (identifier && typeof cell === 'string' && cell !== cell.trim()) {
          const seen = spaced.get(c.header);
          if (seen) seen.count++;
          else spaced.set(c.header, { count: 1, row: rowNumber, raw: ownCopy(cell) });
        }
        const checked = plausible(c, value, cell, asOf, identifier);
        if (checked && 'problem' in checked) value = new ValueProblem(checked.problem);
        else if (checked) {
          value = checked.value;
          (rowIssues ??= []).push(issueAt({ source, row: rowNumber, column: c.header, value: rawText(cell) }, checked.note, false));
        }
      }
      // A field with a value for blank cannot guess an unreadable one either: the row is not used (`needed`).
      if (isValueProblem(value)) {
        (rowIssues ??= []).push(issueAt({ source, row: rowNumber, column: c.header, value: rawText(cell) }, value.problem, needed));
        if (needed) dropped = true;
        records.put(k, null);
      } else if (value === null && c.blankAs !== undefined) {
        records.put(k, c.blankAs);
      } else if (value === null && c.required) {
        (rowIssues ??= []).push(issueAt({ source, row: rowNumber, column: c.header, value: null }, problemOf('cell.blank', { column: c.header }), true));
        dropped = true;
        records.put(k, null);
      } else records.put(k, value); // the table keeps a copy of its own of each distinct text (records.ts, TextColumn)
    }
    let extra: Record<string, number> | undefined;
    for (const c of match.patternColumns) {
      const cell = row ? row[c.index] : cutCell(lines as LineGrid, cuts, cellCount, c.index);
      const value = parseNumber(cell, { decimalComma: options.decimalComma });
      if (isValueProblem(value)) (rowIssues ??= []).push(issueAt({ source, row: rowNumber, column: c.header, value: rawText(cell) }, value.problem, false));
      else if (value !== null) (extra ??= {})[c.header] = value;
    }
    if (dropped) {
      // One issue says the row was not used; the cell issues say why. The row begun is not added.
      rowsReported++;
      for (const issue of rowIssues ?? []) issues.push(asDropped(issue));
      continue;
    }
    if (rowIssues) issues.push(...rowIssues);
    records.end(rowNumber, extra);
  }
  records.finish();
  for (const [column, t] of spaced) {
    issues.push(issueAt({ source, row: t.row, column, value: t.raw }, problemOf('cell.spaces-around', { column, count: t.count, raw: t.raw, row: t.row }), false));
  }
  return {
    source,
    kind: detection.kind,
    variant: spec.variant ?? null,
    label: spec.label,
    detection,
    headerRow: header + 1,
    columns: match.columns,
    patternColumns: match.patternColumns,
    unknownColumns,
    records,
    rowsRead,
    rowsUsed: records.length,
    rowsReported,
    issues,
  };
}

/** Cell `index` of a row cut into `cuts` (LineGrid.cut, `count` cells), as the row's array has it. */
function cutCell(lines: LineGrid, cuts: Int32Array, count: number, index: number): RawCell {
  return index < count ? lines.cellOf(cuts[index], cuts[index + 1] - lines.delimiter.length) : undefined;
}

function countNonBlank(rows: RowSource, start: number): number {
  let n = 0;
  for (let r = start; r < rows.length; r++) if (!isBlankRow(rows.row(r))) n++;
  return n;
}

/** The rows the header is looked for in. */
function headRows(rows: RowSource): (readonly RawCell[])[] {
  const head: (readonly RawCell[])[] = [];
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) head.push(rows.row(r));
  return head;
}

/** The cells of one column from a row on, one at a time. */
function* cellsOf(rows: RowSource, column: number, from: number): Iterable<RawCell> {
  for (let r = from; r < rows.length; r++) yield rows.cell(r, column);
}

/**
 * A source whose rows cannot be read (no header, unknown kind, missing required column): every row
 * is reported by the one issue about the whole source, so the invariant still holds.
 */
function empty(source: string, detection: Detection | null, headerRow: number | null, rowsRead: number, issues: ImportIssue[]): ParsedReport {
  return {
    source,
    kind: null,
    variant: null,
    label: null,
    detection,
    headerRow,
    columns: [],
    patternColumns: [],
    unknownColumns: [],
    records: RecordTable.EMPTY,
    rowsRead,
    rowsUsed: 0,
    rowsReported: rowsRead,
    issues,
  };
}

/**
 * A column name the header holds twice (after normalizing) where a field reads it: the first is used,
 * and the user is told which one (a report that repeats a column is usually one pasted into another).
 */
function duplicateHeaders(source: string, headerRow: number, headers: readonly RawCell[], columns: readonly ColumnMatch[]): ImportIssue[] {
  const out: ImportIssue[] = [];
  const used = new Set(columns.map((c) => c.index));
  for (const c of columns) {
    const name = normalizeHeader(headers[c.index]);
    // Another copy of the name that no field reads (a copy another field reads is that field's column).
    const again = headers.map((h, i) => (!used.has(i) && normalizeHeader(h) === name ? i : -1)).filter((i) => i >= 0);
    if (again.length === 0) continue;
    const letters = again.map(columnLetters).join(', ');
    const problem = problemOf('report.duplicate-column', { column: c.header, times: again.length + 1, also: letters, used: columnLetters(c.index), others: again.length });
    out.push(issueAt({ source, row: headerRow, column: c.header, value: null }, problem, false));
  }
  return out;
}
