/**
 * Reads one sheet or file into typed records (REPORTS.md): finds the header, recognizes the kind,
 * maps columns by name and parses every value. Nothing throws on bad input and nothing disappears:
 * every unusable cell or row becomes an ImportIssue with source, row number, column, raw value and
 * reason, and for every source rows read = rows used + rows reported (blank rows aside).
 */
import { ColumnMatch, detectKind, Detection, findHeaderRow } from './detect';
import type { ReportKind } from './kinds';
import { ImportIssue, isValueProblem, RawCell, RawGrid, SourceGrid } from './types';
import { decideDateOrder, parseDate, parseNumber, parseText } from './values';
import type { DateOrder } from './types';

/** One usable row: the 1-based row number in the source and the values of the kind's fields. */
export interface ReportRecord {
  readonly row: number;
  readonly values: Readonly<Record<string, string | number | null>>;
  /** Pattern columns (inv-age-*): header as written → value. */
  readonly extra?: Readonly<Record<string, number>>;
}

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
  readonly records: readonly ReportRecord[];
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
  return String(cell);
}

/** Reads every row after the header of a source whose kind is known or detected. */
export function readReport(input: SourceGrid, options: ReadOptions = {}): ParsedReport {
  const { source, grid } = input;
  const issues: ImportIssue[] = [];
  const whole = (reason: string): ImportIssue => ({ source, row: null, column: null, value: null, reason, dropped: true });
  const dataRowsFrom = (start: number) => countNonBlank(grid, start);

  const header = findHeaderRow(grid);
  if (header === null) {
    const rowsRead = dataRowsFrom(0);
    const reason =
      rowsRead === 0
        ? 'The sheet is empty'
        : 'No header row found in the first 20 rows: none has two or more column names of a known report';
    issues.push(whole(reason));
    return empty(source, null, null, rowsRead, issues);
  }
  const headers = grid[header] ?? [];
  const detection = detectKind(headers, source, options.kind);
  const match = detection.match;
  if (!detection.kind || !match) {
    const rowsRead = dataRowsFrom(header + 1);
    issues.push(whole(`Report kind not recognized: ${detection.reasons.join('; ')}. Choose the kind of this sheet.`));
    return empty(source, detection, header + 1, rowsRead, issues);
  }
  const spec = match.spec;
  if (match.missingRequired.length > 0) {
    for (const f of match.missingRequired) {
      issues.push(whole(`Required column "${f.aliases[0]}" is missing from this ${spec.label} (names tried: ${f.aliases.join(', ')})`));
    }
    const rowsRead = dataRowsFrom(header + 1);
    return { ...empty(source, detection, header + 1, rowsRead, issues), kind: detection.kind, variant: spec.variant ?? null, label: spec.label, columns: match.columns };
  }

  const used = new Set([...match.columns, ...match.patternColumns].map((c) => c.index));
  const unknownColumns = headers.filter((h, i) => !used.has(i) && !isBlank(h)).map((h) => String(h));
  const dateOrders = new Map<number, DateOrder>();
  for (const c of match.columns) {
    if (c.type !== 'date') continue;
    const column: RawCell[] = [];
    for (let r = header + 1; r < grid.length; r++) column.push(grid[r]?.[c.index]);
    dateOrders.set(c.index, decideDateOrder(column) ?? c.dateOrder ?? 'DMY');
  }

  const notApplicable = spec.notApplicable ? new Set(spec.notApplicable) : null;
  const records: ReportRecord[] = [];
  let rowsRead = 0;
  let rowsReported = 0;
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    rowsRead++;
    const rowNumber = r + 1;
    const values: Record<string, string | number | null> = {};
    let dropped = false;
    let rowIssues: ImportIssue[] | undefined; // allocated only for a row with a problem
    for (const c of match.columns) {
      const cell = notApplicable && typeof row[c.index] === 'string' && notApplicable.has((row[c.index] as string).trim()) ? null : row[c.index];
      const value =
        c.type === 'text' ? parseText(cell) : c.type === 'number' ? parseNumber(cell, { decimalComma: options.decimalComma }) : parseDate(cell, dateOrders.get(c.index));
      // A field with a value for blank cannot guess an unreadable one either: the row is not used.
      const needed = c.required || c.blankAs !== undefined;
      if (isValueProblem(value)) {
        (rowIssues ??= []).push({ source, row: rowNumber, column: c.header, value: rawText(cell), reason: value.reason, dropped: needed });
        if (needed) dropped = true;
        values[c.field] = null;
      } else if (value === null && c.blankAs !== undefined) {
        values[c.field] = c.blankAs;
      } else if (value === null && c.required) {
        (rowIssues ??= []).push({ source, row: rowNumber, column: c.header, value: null, reason: `${c.header} is blank`, dropped: true });
        dropped = true;
        values[c.field] = null;
      } else values[c.field] = value;
    }
    let extra: Record<string, number> | undefined;
    for (const c of match.patternColumns) {
      const value = parseNumber(row[c.index], { decimalComma: options.decimalComma });
      if (isValueProblem(value)) (rowIssues ??= []).push({ source, row: rowNumber, column: c.header, value: rawText(row[c.index]), reason: value.reason, dropped: false });
      else if (value !== null) (extra ??= {})[c.header] = value;
    }
    if (dropped) {
      // One issue says the row was not used; the cell issues say why.
      rowsReported++;
      for (const issue of rowIssues ?? []) issues.push(issue.dropped ? issue : { ...issue, dropped: true });
      continue;
    }
    if (rowIssues) issues.push(...rowIssues);
    records.push(extra ? { row: rowNumber, values, extra } : { row: rowNumber, values });
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

function countNonBlank(grid: RawGrid, start: number): number {
  let n = 0;
  for (let r = start; r < grid.length; r++) if (!isBlankRow(grid[r])) n++;
  return n;
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
    records: [],
    rowsRead,
    rowsUsed: 0,
    rowsReported: rowsRead,
    issues,
  };
}
