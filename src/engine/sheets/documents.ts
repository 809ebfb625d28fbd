/**
 * Documents from Analyze's output sheets: one CSV file per purchase order ("Purchase Orders" sheet,
 * `lumive po`) or per route ("Shipments" sheet, `lumive shipments`), to send to a supplier or a 3PL.
 * Pure: a sheet's grid in, file names and CSV text out (the CLI reads the workbook and writes the files).
 *
 * The sheets are laid out like every table sheet (table.ts): a title in A1, maybe preamble rows, then
 * the header row (found as the first of the first 10 rows holding both key headers), then one row per
 * line. Rows are grouped by PO Number or Route, in the order first seen. A blank row is skipped; a row
 * without the key is named in `issues` with its sheet row number and left out, so rows read = rows
 * used + rows reported.
 *
 * File names: "PO <PO Number> <Supplier>.csv" (without the first "PO" when the number starts with "PO-") and "Shipment <From> to <To>.csv", from untrusted text.
 * Characters a file name cannot hold on Windows, macOS or Linux (\ / : * ? " < > |), control
 * characters and the invisible marks that reorder text (bidi overrides, isolates, LRM/RLM) become "-";
 * runs of white space become one space; Arabic and other letters stay. A name is at most 120 characters
 * and 200 bytes of UTF-8, ".csv" included (Linux and macOS allow 255 bytes, Windows 255 characters; the
 * CLI's temporary ".<name>.<pid>.tmp" needs a few more), and unique in the batch without regard to case
 * or Unicode normalization (" (2)", " (3)" … before ".csv"). A name has no path separator, so "../x"
 * stays in the folder; every name starts with "PO" or "Shipment ", so none is hidden (".x"), looks like
 * an option ("-x") or is a Windows device name (CON).
 *
 * CSV (RFC 4180): comma-separated, CRLF after every record, UTF-8 with a byte-order mark first (Excel
 * reads a file without one in the PC's code page, and Arabic becomes mojibake). A field is quoted when
 * it holds a comma, a double quote (doubled inside), CR or LF, starts or ends with white space, or is
 * guarded text (below). Numbers are written as JavaScript writes them ("1234.5", "-3": a "." decimal,
 * no grouping) but never in exponent notation ("0.0000001", not "1e-7"), and never altered otherwise;
 * NaN and ±Infinity, blanks, null and undefined are empty fields; a Date is its day YYYY-MM-DD (UTC, as
 * exceljs reads a date cell); booleans TRUE / FALSE.
 *
 * Guarded text. A spreadsheet that opens a CSV types every field as if typed into a cell, quoted or not
 * (LibreOffice's "Format quoted field as text" is off by default; opening a CSV in Excel asks nothing).
 *  - Formula injection (OWASP, "CSV Injection"): text whose first character, or first after leading
 *    white space (a spreadsheet set to trim spaces would see it first), is = + - @ (and, to be safe,
 *    their full-width forms ＝ ＋ － ＠), or that starts with a tab or a carriage return, is written
 *    with a single quote in front and quoted: `"'=HYPERLINK(""http://x"",""y"")"`.
 *  - Text a spreadsheet would read as a value (`looksLikeValue`): a number in any common notation
 *    ("00123", "1e5", "1,234", "1.234,5", "12%", "(5)", "$5", "5-"), a date or time ("1/2", "3-4-5",
 *    "05.01.2026", "12:30", "Jan 5", "MAR-01"), TRUE/FALSE, an error literal ("#N/A"), gets the same
 *    quote in front, so "00123" is not opened as the number 123 and "1e5" not as 100000.
 *  - A date column's (Order Date, Expected Arrival) YYYY-MM-DD is written as it is: it opens as a date.
 * What LibreOffice 7.4 does with this, checked by test/app/libreoffice-csv.test.ts (import options
 * "44,34,76": comma, double quote, UTF-8, and LibreOffice's defaults for the rest, which detect special
 * numbers and evaluate formulas; and again with special numbers off): the guarded text arrives as text
 * *with the quote showing* ("'=HYPERLINK(…)", "'00123"): in a CSV field LibreOffice keeps a leading
 * quote as part of the text, it is not the hidden text prefix it is when typed into a cell. Without the
 * quote the same fields arrive as a formula (quoted or not) and as the number 123. No way was found to
 * make "00123" arrive as the text "00123" under the default import without the visible quote:
 * `="00123"` is a formula (and shows as typed, `="00123"`, when formulas are not evaluated), an
 * invisible character in front changes the value itself, and a no-break space in front is trimmed and
 * the number read anyway. Arabic arrives intact; numbers as numbers; dates as dates. (Excel was not
 * available to check: whether it shows or hides the quote when it opens the file is not verified here.)
 */

export type DocumentKind = 'po' | 'shipments';

export const PURCHASE_ORDERS_SHEET = 'Purchase Orders';
export const SHIPMENTS_SHEET = 'Shipments';

export interface DocumentFile {
  /** The file name ("PO 1001 Acme.csv"), safe on Windows, macOS and Linux and unique in the batch. */
  readonly name: string;
  /** The group's PO Number or Route, as the sheet has it. */
  readonly key: string;
  /** The file's text: a byte-order mark, the header record, one record per line, CRLF after each. */
  readonly csv: string;
  /** Lines in the file (records after the header). */
  readonly rows: number;
}

export interface DocumentFiles {
  readonly files: DocumentFile[];
  /** What was left out or could not be read, in sentences naming the sheet (and row). */
  readonly issues: string[];
  /** The header row's number in the sheet (1-based), or null when there is none. */
  readonly headerRow: number | null;
  /** Non-blank rows below the header: used (in a file) + reported (in `issues`). */
  readonly rowsRead: number;
  readonly rowsReported: number;
}

interface KindSpec {
  /** The key that groups rows into files; the header row is the first with both it and `also`. */
  readonly key: string;
  readonly also: string;
  /** Columns put first in each file, in this order (when the sheet has them); the rest follow in sheet order. */
  readonly first: readonly string[];
  /** The file name of a group, without ".csv", from the group's first row (`get` reads a column). */
  readonly name: (get: (header: string) => string) => string;
}

const KINDS: Readonly<Record<DocumentKind, KindSpec>> = {
  po: {
    key: 'PO Number',
    also: 'Master SKU',
    first: [],
    // Lumive's PO numbers start with "PO-": the prefix is not written twice.
    name: (get) => [/^PO-/i.test(get('PO Number')) ? '' : 'PO', get('PO Number'), get('Supplier')].filter((p) => p !== '').join(' '),
  },
  shipments: {
    key: 'Route',
    also: 'Master SKU',
    // The issue asks for "SKU of the destination channel, quantity, and the columns above".
    first: ['Destination SKU', 'Quantity'],
    name: (get) => {
      const from = get('From');
      const to = get('To');
      return from !== '' && to !== '' ? `Shipment ${from} to ${to}` : `Shipment ${get('Route')}`;
    },
  },
};

/** Columns whose YYYY-MM-DD text is written as it is, to open as a date. */
const DATE_COLUMNS = new Set(['order date', 'expected arrival']);

/** How many rows from the top the header row is looked for in. */
const HEADER_ROWS = 10;

const headerKey = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** A cell as the text of a key or a file name ("" for blank); numbers as JavaScript writes them. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Date) return isoDay(value);
  return String(value).trim();
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * One CSV file per PO (kind 'po', the "Purchase Orders" sheet) or per route (kind 'shipments', the
 * "Shipments" sheet) of a sheet's grid, as the sheet reads from A1. Never throws: a sheet without its
 * header row gives no files and an issue naming the sheet.
 */
export function documentFiles(kind: DocumentKind, grid: readonly (readonly unknown[])[], sheetName: string): DocumentFiles {
  const spec = KINDS[kind];
  const header = findHeader(grid, spec);
  if (header === null) {
    return {
      files: [],
      issues: [`sheet "${sheetName}" has no header row with "${spec.key}" and "${spec.also}" in its first ${HEADER_ROWS} rows`],
      headerRow: null,
      rowsRead: 0,
      rowsReported: 0,
    };
  }
  const headerCells = grid[header];
  // Every column the header names, the kind's `first` ones first.
  const named: number[] = [];
  headerCells.forEach((h, c) => {
    if (headerKey(h) !== '') named.push(c);
  });
  const indexOf = (name: string) => named.find((c) => headerKey(headerCells[c]) === name.toLowerCase()) ?? -1;
  const firstColumns = spec.first.map(indexOf).filter((c) => c >= 0);
  const columns = [...firstColumns, ...named.filter((c) => !firstColumns.includes(c))];
  const keyColumn = indexOf(spec.key);
  const dateColumn = columns.map((c) => DATE_COLUMNS.has(headerKey(headerCells[c])));

  const groups = new Map<string, (readonly unknown[])[]>();
  const issues: string[] = [];
  let rowsRead = 0;
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (named.every((c) => isBlank(row[c]))) continue;
    rowsRead++;
    const key = cellText(row[keyColumn]);
    if (key === '') {
      issues.push(`sheet "${sheetName}" row ${r + 1} has no ${spec.key}: the row was left out`);
      continue;
    }
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }

  const names = new UniqueNames();
  const files: DocumentFile[] = [];
  const headerRecord = csvRecord(columns.map((c) => headerCells[c]));
  for (const [key, rows] of groups) {
    const get = (h: string) => {
      const c = indexOf(h);
      return c >= 0 ? cellText(rows[0][c]) : '';
    };
    const records = rows.map((row) => csvRecord(columns.map((c) => row[c]), dateColumn));
    files.push({ name: names.take(spec.name(get)), key, csv: `${BOM}${headerRecord}${records.join('')}`, rows: rows.length });
  }
  return { files, issues, headerRow: header + 1, rowsRead, rowsReported: issues.length };
}

function findHeader(grid: readonly (readonly unknown[])[], spec: KindSpec): number | null {
  const key = spec.key.toLowerCase();
  const also = spec.also.toLowerCase();
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.length); r++) {
    const cells = (grid[r] ?? []).map(headerKey);
    if (cells.includes(key) && cells.includes(also)) return r;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// CSV

export const BOM = '\uFEFF';

/** One CSV record with its CRLF; `asDate[i]` marks a date column (its YYYY-MM-DD text opens as a date). */
export function csvRecord(values: readonly unknown[], asDate: readonly boolean[] = []): string {
  return `${values.map((v, i) => csvField(v, asDate[i] === true)).join(',')}\r\n`;
}

/** One field of a record (see the top of this file). */
export function csvField(value: unknown, dateColumn = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  const text = String(value);
  if (dateColumn && isIsoDay(text)) return text;
  const guarded = needsGuard(text);
  const written = guarded ? `'${text}` : text;
  return guarded || /[",\r\n]/.test(written) || /^\s|\s$/.test(written) ? `"${written.replace(/"/g, '""')}"` : written;
}

/**
 * A number as JavaScript writes it, but never in exponent notation (1e-7 is "0.0000001", 1e21
 * "1000000000000000000000": a spreadsheet told not to detect scientific notation would read "1e-7" as
 * text); -0 is "0". The digits are JavaScript's shortest round-trip ones, so nothing is rounded.
 */
export function plainNumber(n: number): string {
  const s = String(n === 0 ? 0 : n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, fraction = '', power] = m;
  const e = Number(power);
  // String() uses exponents below 1e-6 and from 1e21 up: at most 17 significant digits, so e > fraction.length.
  return e < 0 ? `${sign}0.${'0'.repeat(-e - 1)}${lead}${fraction}` : `${sign}${lead}${fraction}${'0'.repeat(e - fraction.length)}`;
}

/** Whether text is written with a quote in front: a formula trigger first, or a value a spreadsheet would read. */
export function needsGuard(text: string): boolean {
  return startsFormula(text) || looksLikeValue(text);
}

/**
 * Text a spreadsheet could take for a formula: = + - @ first (OWASP's list; also the full-width
 * ＝ ＋ － ＠, to be safe), also after leading white space, or a tab or carriage return first.
 */
export function startsFormula(text: string): boolean {
  return /^[\t\r]/.test(text) || /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text);
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Digits with signs, grouping and decimal marks of any locale, currency, percent, parentheses, date and time separators, AM/PM. */
const NUMERIC = /^[\d\s.,:/'’()%+\-$€£¥]+(?:\s*[ap]\.?\s?m\.?)?$/i;
const SCIENTIFIC = /^[-+]?(?:\d[\d.,]*|[.,]\d+)\s*e\s*[-+]?\d+\s*%?$/i;
const ISO_DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}[t\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?$/i;
const MONTH_DATE = new RegExp(`^(?:\\d{1,4}[\\s\\-/.,]*)?${MONTH}\\.?(?:[\\s\\-/.,]*\\d{1,4}){0,2}$`, 'i');
const BOOLEAN = /^(?:true|false)$/i;
const ERROR_LITERAL = /^#(?:null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|field!|blocked!|connect!|busy!|unknown!|external!)$/i;

/**
 * Whether a spreadsheet opening the CSV (Excel or LibreOffice, in some locale) could read the text as
 * a number, date, time, boolean or error rather than as text. Errs on the side of yes: a false yes
 * costs a visible quote in front, a false no turns "00123" into 123.
 */
export function looksLikeValue(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (BOOLEAN.test(t) || ERROR_LITERAL.test(t)) return true;
  if (!/\d/.test(t)) return false;
  return NUMERIC.test(t) || SCIENTIFIC.test(t) || ISO_DATE_TIME.test(t) || MONTH_DATE.test(t);
}

function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

// ---------------------------------------------------------------------------------------------
// File names

const MAX_NAME_CHARS = 120;
const MAX_NAME_BYTES = 200;
const EXTENSION = '.csv';
/**
 * Not in a file name: what Windows forbids (\ / : * ? " < > |), control characters (C0, DEL, C1), the
 * line and paragraph separators, and the invisible marks that reorder how a name is shown (LRM, RLM,
 * ALM, bidi embeddings, overrides and isolates: "‮vsc.exe" shows as "exe.csv"), and the BOM.
 */
const NOT_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A file name's stem from untrusted text: characters no file system takes become "-", white space one space. */
export function safeStem(text: string): string {
  return text.normalize('NFC').replace(NOT_IN_NAMES, '-').replace(/\s+/g, ' ').trim();
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** `stem` cut to fit with `tail` in the length limits (never inside a character), without trailing dots or spaces. */
function fitted(stem: string, tail: string): string {
  const room = MAX_NAME_CHARS - Array.from(tail).length;
  const chars = Array.from(stem).slice(0, room);
  while (chars.length > 0 && utf8Length(chars.join('') + tail) > MAX_NAME_BYTES) chars.pop();
  return `${chars.join('').replace(/[\s.]+$/, '')}${tail}`;
}

/** File names made safe and unique without regard to case (Windows and macOS) or normalization (macOS). */
export class UniqueNames {
  private readonly taken = new Set<string>();

  take(text: string): string {
    const stem = safeStem(text) || 'file';
    for (let n = 1; ; n++) {
      const name = fitted(stem, `${n === 1 ? '' : ` (${n})`}${EXTENSION}`);
      const key = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}
