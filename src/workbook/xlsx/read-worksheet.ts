/**
 * Reading .xlsx files safely, for both readers of them: the report-file reader (src/io/read-report-file.ts,
 * a file the user picked) and the XlsxWorkbook port (xlsx-workbook.ts, the CLI's workbook).
 *
 * - `checkPackage` looks at the zip before exceljs inflates it. exceljs reads every part of the package
 *   into memory as one string and parses it into a model several times larger, so a small file can ask
 *   for gigabytes (a 308 KB file holding one 300 MB shared string took 2.25 GB), and a part longer than
 *   a JavaScript string can be (V8: 2^29 - 24 characters) makes jszip throw where nothing can catch it.
 *   The sizes the zip declares are checked first, then every part is inflated as a stream, counting, so
 *   a zip whose sizes lie is stopped at the size it declared; merged ranges and data validations, which
 *   exceljs expands into one object per cell they cover, are counted on the way. See XLSX_LIMITS.
 * - `sheetCells` and `tableBounds` build a sheet's grid from the cells that exist, never from the used
 *   range (`<dimension>`), and bound what the grid may hold: a value far outside the table (one value
 *   at XFD1048576 would otherwise make a grid of 17 billion cells) is left out and named, and a sheet
 *   whose values are scattered over a vast area is refused.
 * - `readWorksheet` gives a sheet as the values Excel shows, from A1 to the last value: rich text as
 *   plain text, formulas as their cached result, dates as Date, hyperlinks as their text, errors as
 *   their code (`#N/A`), blanks as "". Cells a merge covers (other than its top-left) read as blank.
 */
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { excel, jszip } from './lazy';
import { problemOf, sayFileNote, type Problem, type RawCell } from '../../engine';
import { cellAddress, MAX_COLUMNS, MAX_ROWS, trimmedGrid } from '../grid';

const MiB = 1024 * 1024;

export interface XlsxLimits {
  /** Most bytes the parts of a workbook may expand to, together. */
  readonly maxExpandedBytes: number;
  /** Most bytes one part may expand to: exceljs reads each part as one string, and V8 strings stop at 2^29 - 24 characters. */
  readonly maxPartBytes: number;
  /** A part expanding to more than `ratioFreeBytes` may not expand more than this many times its compressed size. */
  readonly maxExpansionRatio: number;
  readonly ratioFreeBytes: number;
  /** Cells the merged ranges of a workbook may cover together (exceljs makes one cell object for each). */
  readonly maxMergedCells: number;
  /** Cells the data validations of a workbook may cover together (exceljs makes one model entry for each). */
  readonly maxValidatedCells: number;
  /** A sheet's grid may always hold this many cells (rows × columns, blanks included)… */
  readonly minGridCells: number;
  /** …and more only up to this many cells for each value the sheet holds. */
  readonly gridCellsPerValue: number;
  /** Most values left out of a sheet as far outside its table; a sheet that would lose more is refused. */
  readonly maxFarValues: number;
}

/**
 * The limits, and how they were chosen (measured with exceljs 4.4 on Node 20):
 * - The biggest real report is about a million rows: a 1,048,575-row noon FBN inventory export (21
 *   columns, shared strings) is a 125 MB .xlsx that expands to 896 MiB (sheet 761 MiB, shared strings
 *   135 MiB); the Amazon Manage FBA Inventory report of that size, 108 MB expanding to 774 MiB. So 1 GiB
 *   in all is more than any real report. Such a sheet part is already longer than a string can be, and
 *   exceljs cannot read it at all (jszip throws "Invalid string length"): about 700,000 rows of 21
 *   columns is the most an .xlsx can hold here, and bigger reports are read as CSV or text. (Memory
 *   runs out before that on most machines: exceljs took 12 s and 1.3 GB for 100,000 rows, 72 MiB
 *   unpacked; these limits stop what is not a report, they do not make a huge one fit.)
 * - Real parts compress 7 to 10 times (the reports above), and the most repetitive sheet there can be
 *   (200,000 identical rows, all zeros, or blank styled cells) 9 to 17 times, held back by the row and
 *   cell numbers; a run of one character compresses about 1,000 times. 100 is Apache POI's limit too
 *   (ZipSecureFile's minimum inflate ratio of 0.01); parts under 10 MiB are not held to it.
 * - exceljs spends about 0.7 KB and 11 µs per merged cell (a merge of A1:A1048576: 12 s, 0.7 GB) and
 *   0.2 KB and 3 µs per validated cell (a drop-down on the whole of column A: 3.4 s, 0.25 GB). A
 *   report's merges are a title across a few columns; four whole columns of drop-downs are allowed.
 * - Grids: up to 2^20 cells (8 MB of slots) whatever the sheet holds, else 32 cells per value. A report
 *   has a value in most of its cells, and at least its SKU in every row (1 in 21 for the 21-column
 *   reports above).
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxExpandedBytes: 1024 * MiB,
  maxPartBytes: 2 ** 29 - 24,
  maxExpansionRatio: 100,
  ratioFreeBytes: 10 * MiB,
  maxMergedCells: MAX_ROWS,
  maxValidatedCells: 4 * MAX_ROWS,
  minGridCells: 2 ** 20,
  gridCellsPerValue: 32,
  maxFarValues: 1000,
};

// ---------------------------------------------------------------------------------------------
// The package

/** Why a file is not read: a problem of the table, and its sentence, which starts with the file's name. */
export interface PackageProblem {
  /** The zip could not be read, or its parts are not what it says: a damaged or cut-short file. */
  readonly damaged: boolean;
  readonly problem: Problem;
  readonly message: string;
}

function refused(problem: Problem, damaged = false): PackageProblem {
  return { damaged, problem, message: sayFileNote(problem) };
}

/** A workbook that cannot be read, with a message for the user (the file or sheet named, no stack). */
export class WorkbookReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookReadError';
  }
}

/** jszip's private record of an entry's sizes, from the zip's central directory. */
interface EntrySizes {
  readonly compressedSize?: unknown;
  readonly uncompressedSize?: unknown;
}

/**
 * Whether exceljs may be given these bytes: null when it may, else why not. `name` is the file's name
 * as the user knows it. Never throws.
 */
export async function checkPackage(bytes: Uint8Array, name: string, limits: XlsxLimits = XLSX_LIMITS): Promise<PackageProblem | null> {
  const damaged = (why: 'cut-short' | 'empty-zip' | 'zip-not-workbook'): PackageProblem => refused(problemOf('file.xlsx-damaged', { name, why }), true);
  const damagedPart = (why: 'part-unpackable' | 'part-overlong' | 'part-short', part: string): PackageProblem =>
    refused(problemOf('file.xlsx-damaged', { name, why, part }), true);
  let zip: JSZip;
  try {
    zip = await jszip().loadAsync(bytes);
  } catch {
    return damaged('cut-short');
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length === 0) return damaged('empty-zip');
  // exceljs reads the workbook from this part only (an .ods or a zip of other files has none).
  if (!zip.file('xl/workbook.xml') && !zip.file('/xl/workbook.xml')) return damaged('zip-not-workbook');

  // What the zip says, before anything is inflated.
  const declared = new Map<JSZip.JSZipObject, number>();
  let total = 0;
  for (const entry of entries) {
    const sizes = (entry as unknown as { _data?: EntrySizes })._data;
    const size = sizes?.uncompressedSize;
    const packed = sizes?.compressedSize;
    if (typeof size !== 'number' || typeof packed !== 'number') continue;
    declared.set(entry, size);
    total += size;
    const tooBig = partTooBig(name, entry.name, size, packed, limits);
    if (tooBig) return refused(tooBig);
  }
  if (total > limits.maxExpandedBytes) return refused(expandsTooMuch(name, total, limits));

  // What the zip holds: each part inflated as a stream and counted, never kept.
  total = 0;
  const ranges = new RangeCounter();
  for (const entry of entries) {
    const size = declared.get(entry);
    const cap = Math.min(size ?? Infinity, limits.maxPartBytes, limits.maxExpandedBytes - total);
    const scan = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? ranges : undefined;
    let counted: number | 'over';
    try {
      counted = await inflatedSize(entry, cap, scan);
    } catch {
      return damagedPart('part-unpackable', entry.name);
    }
    if (counted === 'over') {
      // Declared sizes passed the limits above, so a part that runs past its size lies about it.
      if (size !== undefined) return damagedPart('part-overlong', entry.name);
      if (cap === limits.maxPartBytes) return refused(partTooBig(name, entry.name, cap + 1, undefined, limits) as Problem);
      return refused(expandsTooMuch(name, total + cap + 1, limits));
    }
    if (size !== undefined && counted !== size) return damagedPart('part-short', entry.name);
    total += counted;
    const tooBig = partTooBig(name, entry.name, counted, (entry as unknown as { _data?: EntrySizes })._data?.compressedSize, limits);
    if (tooBig) return refused(tooBig);
    if (ranges.merged > limits.maxMergedCells) {
      return refused(problemOf('file.xlsx-merged', { name, cells: ranges.merged, largest: ranges.largestMerge, limit: limits.maxMergedCells }));
    }
    if (ranges.validated > limits.maxValidatedCells) {
      return refused(problemOf('file.xlsx-validations', { name, cells: ranges.validated, limit: limits.maxValidatedCells }));
    }
  }
  return null;
}

function partTooBig(name: string, part: string, size: number, packed: unknown, limits: XlsxLimits): Problem | null {
  if (size > limits.maxPartBytes) return problemOf('file.xlsx-part-too-big', { name, part, size, limit: limits.maxPartBytes });
  if (typeof packed === 'number' && size > limits.ratioFreeBytes && size > packed * limits.maxExpansionRatio) {
    return problemOf('file.xlsx-part-ratio', { name, part, size, packed });
  }
  return null;
}

function expandsTooMuch(name: string, size: number, limits: XlsxLimits): Problem {
  return problemOf('file.xlsx-too-large', { name, size, limit: limits.maxExpandedBytes });
}

/**
 * How many bytes a zip entry inflates to, or 'over' as soon as that passes `cap`. `scan` sees the
 * entry's text as it goes by. Rejects when jszip cannot inflate it.
 */
function inflatedSize(entry: JSZip.JSZipObject, cap: number, scan?: RangeCounter): Promise<number | 'over'> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let done = false;
    const decoder = scan ? new TextDecoder('utf-8') : undefined;
    // ZipObject#internalStream is in jszip's documentation but not in its typings.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        n += chunk.length;
        if (n > cap) {
          done = true;
          stream.pause();
          resolve('over');
          return;
        }
        if (scan && decoder) scan.add(decoder.decode(chunk, { stream: true }));
      })
      .on('error', (error: Error) => {
        if (done) return;
        done = true;
        reject(error);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        resolve(n);
      })
      .resume();
  });
}

/** Counts the cells that `<mergeCell ref>` and `<dataValidation sqref>` cover in the text of worksheets. */
class RangeCounter {
  merged = 0;
  validated = 0;
  largestMerge = '';
  private largest = 0;
  /** An element cut in two by the end of the previous chunk. */
  private tail = '';

  add(text: string): void {
    const t = this.tail + text;
    this.tail = '';
    let consumed = 0;
    if (/mergeCell|dataValidation/.test(t)) {
      // Attribute values may hold ">" (prompt=">"): quoted values are skipped whole.
      const element = /<(?:[\w.-]+:)?(mergeCell|dataValidation)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
      for (let m = element.exec(t); m; m = element.exec(t)) {
        consumed = m.index + m[0].length;
        const merge = m[1] === 'mergeCell';
        const attribute = (merge ? /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/ : /\ssqref\s*=\s*(?:"([^"]*)"|'([^']*)')/).exec(m[0]);
        if (!attribute) continue;
        for (const ref of unescapeXml(attribute[1] ?? attribute[2]).trim().split(/\s+/)) this.cover(merge, ref, rangeCells(ref));
      }
    }
    // An element whose ">" has not come yet continues in the next chunk. Real ones are short; one of
    // ours that runs past a mebibyte is made to be missed, and counts as covering everything.
    const open = t.lastIndexOf('<');
    if (open >= consumed && !COMPLETE_TAG.test(t.slice(open, open + MiB + 1))) {
      if (t.length - open <= MiB) this.tail = t.slice(open);
      else if (/^<(?:[\w.-]+:)?(?:mergeCell|dataValidation)\b/.test(t.slice(open, open + 64))) this.cover(t.startsWith('<mergeCell', open), 'a range too long to read', Infinity);
    }
  }

  private cover(merge: boolean, ref: string, cells: number): void {
    if (!merge) {
      this.validated += cells;
      return;
    }
    this.merged += cells;
    if (cells > this.largest) [this.largest, this.largestMerge] = [cells, ref];
  }
}

/** A tag that is complete: its ">" has come (a ">" inside a quoted attribute value does not end it). */
const COMPLETE_TAG = /^<(?:[^>"']|"[^"]*"|'[^']*')*>/;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as an XML parser reads it (`&#49;` is "1"). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const CELL_REF = /^\$?([A-Z]{1,3})?\$?(\d{1,7})?$/i;

/** Cells of an A1 range (`A1:C4`, `B2`, whole columns `A:C`, whole rows `2:5`); 0 for anything else. */
function rangeCells(ref: string): number {
  const [a, b = a] = ref.split(':');
  const p = CELL_REF.exec(a);
  const q = CELL_REF.exec(b);
  if (!p || !q || (!p[1] && !p[2]) || (!q[1] && !q[2])) return 0;
  const rows = p[2] && q[2] ? Math.abs(Number(q[2]) - Number(p[2])) + 1 : MAX_ROWS;
  const columns = p[1] && q[1] ? Math.abs(columnNumber(q[1]) - columnNumber(p[1])) + 1 : MAX_COLUMNS;
  return rows * columns;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * An exceljs workbook of the bytes, after `checkPackage`. Throws a WorkbookReadError saying why (the
 * file named) when they cannot be read.
 */
export async function loadWorkbook(bytes: Uint8Array, name: string, limits: XlsxLimits = XLSX_LIMITS): Promise<ExcelJS.Workbook> {
  const problem = await checkPackage(bytes, name, limits);
  if (problem) throw new WorkbookReadError(problem.message);
  const book = new (excel().Workbook)();
  try {
    // exceljs types its input as a Node Buffer; JSZip underneath accepts a Uint8Array.
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError(sayFileNote(workbookDamage(name, error)), { cause: error });
  }
  return book;
}

/** What exceljs's failure on a zip that unpacked means: the workbook `name` is damaged, and how. */
export function workbookDamage(name: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  // A zip that is not a workbook (no xl/workbook.xml) makes exceljs read properties of undefined.
  if (error instanceof TypeError) return problemOf('file.xlsx-damaged', { name, why: 'parts-missing' });
  return problemOf('file.xlsx-damaged', { name, why: 'parts-damaged', detail: message.split('\n')[0].trim().slice(0, 200) });
}

// ---------------------------------------------------------------------------------------------
// Sheets

/** A sheet's cells that hold something, in row order, as parallel arrays (0-based). */
export interface SheetCells {
  readonly rows: number[];
  readonly columns: number[];
  readonly values: RawCell[];
}

/**
 * The cells of a worksheet that hold a value (`value` gives the value, null for none), in row order
 * and left to right in a row, as exceljs keeps them. Cells a merge covers, other than its top-left,
 * are left out (exceljs echoes the merge's value in them).
 */
export function sheetCells(ws: ExcelJS.Worksheet, value: (raw: unknown) => RawCell): SheetCells {
  const cells: SheetCells = { rows: [], columns: [], values: [] };
  const merge = excel().ValueType.Merge;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === merge) return;
      const v = value(cell.value as unknown);
      if (v === null || v === undefined) return;
      cells.rows.push(rowNumber - 1);
      cells.columns.push(colNumber - 1);
      cells.values.push(v);
    });
  });
  return cells;
}

/** The part of a sheet read as its grid: rows × columns from A1, and the values left out. */
export type TableBounds =
  | { readonly kind: 'table'; readonly rows: number; readonly columns: number; readonly far: readonly number[] }
  | { readonly kind: 'scattered'; readonly rows: number; readonly columns: number; readonly values: number };

/**
 * How much of a sheet to read, from the cells it holds (their indexes in `far`). The grid runs from A1
 * to the last row and column that hold a value, unless that grid would be much larger than the values
 * ask for (more than `minGridCells`, and more than `gridCellsPerValue` cells per value): then the
 * farthest rows and columns are left out, each time the one that shrinks the grid most for the fewest
 * values, until it is not. A sheet that would lose more than `maxFarValues` that way is 'scattered'.
 *
 * Why leave the far values out rather than refuse the sheet: a value far outside a report's table is
 * nearly always a stray keystroke or a leftover (Excel's Ctrl+End goes there; the seller may never have
 * seen it). Refusing the report for it would stop the seller's whole import over a cell that is not
 * data; reading the table and naming the cell left out (its address and value) loses nothing they
 * cannot check. Only a sheet with many values strewn about is not a table, and is refused.
 */
export function tableBounds(cells: SheetCells, limits: XlsxLimits = XLSX_LIMITS): TableBounds {
  const n = cells.values.length;
  let lastRow = -1;
  let lastColumn = -1;
  for (let i = 0; i < n; i++) {
    if (cells.rows[i] > lastRow) lastRow = cells.rows[i];
    if (cells.columns[i] > lastColumn) lastColumn = cells.columns[i];
  }
  const allowed = Math.max(limits.minGridCells, limits.gridCellsPerValue * n);
  if ((lastRow + 1) * (lastColumn + 1) <= allowed) return { kind: 'table', rows: lastRow + 1, columns: lastColumn + 1, far: [] };

  // Cells grouped by row and by column (counting sorts), and how many are still in each.
  const byRow = groupBy(cells.rows, lastRow + 1);
  const byColumn = groupBy(cells.columns, lastColumn + 1);
  const inRow = countsOf(byRow.start);
  const inColumn = countsOf(byColumn.start);
  const gone = new Uint8Array(n);
  const far: number[] = [];
  const previous = (counts: Int32Array, from: number) => {
    let i = from - 1;
    while (i >= 0 && counts[i] === 0) i--;
    return i;
  };
  let r = lastRow;
  let c = lastColumn;
  while (r >= 0 && c >= 0 && (r + 1) * (c + 1) > allowed) {
    const r2 = previous(inRow, r);
    const c2 = previous(inColumn, c);
    // Grid cells saved for each value left out, dropping the last row or the last column.
    const rowGain = ((r - r2) * (c + 1)) / inRow[r];
    const columnGain = ((c - c2) * (r + 1)) / inColumn[c];
    const dropRow = rowGain >= columnGain;
    const group = dropRow ? byRow : byColumn;
    const at = dropRow ? r : c;
    for (let k = group.start[at]; k < group.start[at + 1]; k++) {
      const i = group.order[k];
      if (gone[i]) continue;
      gone[i] = 1;
      far.push(i);
      inRow[cells.rows[i]]--;
      inColumn[cells.columns[i]]--;
    }
    if (far.length > limits.maxFarValues) return { kind: 'scattered', rows: lastRow + 1, columns: lastColumn + 1, values: n };
    if (inRow[r] === 0) r = previous(inRow, r);
    if (inColumn[c] === 0) c = previous(inColumn, c);
  }
  // Nothing left near A1: the values are not a table that could be read from there.
  if (r < 0 || c < 0) return { kind: 'scattered', rows: lastRow + 1, columns: lastColumn + 1, values: n };
  far.sort((a, b) => a - b);
  return { kind: 'table', rows: r + 1, columns: c + 1, far };
}

/** Indexes of `keys` sorted by key (a counting sort): `order[start[k]]` to `order[start[k + 1] - 1]` have key k. */
function groupBy(keys: readonly number[], size: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(size + 1);
  for (const k of keys) start[k + 1]++;
  for (let k = 0; k < size; k++) start[k + 1] += start[k];
  const next = start.slice(0, size);
  const order = new Int32Array(keys.length);
  keys.forEach((k, i) => {
    order[next[k]++] = i;
  });
  return { start, order };
}

function countsOf(start: Int32Array): Int32Array {
  const counts = new Int32Array(start.length - 1);
  for (let k = 0; k < counts.length; k++) counts[k] = start[k + 1] - start[k];
  return counts;
}

/** `XFD1048576 "x"` for the first few values left out, then "…". */
export function farValuesText(cells: SheetCells, far: readonly number[], shown = 5): string {
  const listed = far.slice(0, shown).map((i) => `${cellAddress(cells.rows[i], cells.columns[i])} ${quoted(cells.values[i])}`);
  return `${listed.join(', ')}${far.length > shown ? ', …' : ''}`;
}

function quoted(value: RawCell): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '(a date)' : value.toISOString().slice(0, 10);
  const text = String(value);
  return `"${text.length > 30 ? `${text.slice(0, 29)}…` : text}"`;
}

/** Why a 'scattered' sheet is not read. */
function scatteredText(bounds: Extract<TableBounds, { kind: 'scattered' }>): string {
  const grid = gridText(bounds.rows, bounds.columns);
  return bounds.values === 1
    ? `its one value is too far from A1 to be read (a grid of ${grid})`
    : `its ${count(bounds.values)} values are too scattered to be read as a table (a grid of ${grid})`;
}

/** `A1:U5`, and the size of a grid in words. */
function gridText(rows: number, columns: number): string {
  return `A1:${cellAddress(rows - 1, columns - 1)} (${count(rows)} ${rows === 1 ? 'row' : 'rows'} × ${count(columns)} ${columns === 1 ? 'column' : 'columns'})`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A worksheet's values from A1 to its last value (see the top of this file). The workbook port has no
 * place for a note, so a sheet with values far outside its table is not cut silently: it throws a
 * WorkbookReadError naming the sheet and the values.
 */
export function readWorksheet(ws: ExcelJS.Worksheet, limits: XlsxLimits = XLSX_LIMITS): RawCell[][] {
  // Blank text reads as blank ("") whatever its place: it is not a value that could be lost.
  const cells = sheetCells(ws, (raw) => {
    const v = plainValue(raw);
    return v === '' ? null : v;
  });
  const bounds = tableBounds(cells, limits);
  if (bounds.kind === 'scattered') {
    throw new WorkbookReadError(
      `sheet "${ws.name}" cannot be read: ${scatteredText(bounds)}; copy its table to a new sheet`,
    );
  }
  if (bounds.far.length > 0) {
    throw new WorkbookReadError(
      `sheet "${ws.name}" has ${bounds.far.length === 1 ? 'a value' : `${count(bounds.far.length)} values`} far outside its table (${gridText(bounds.rows, bounds.columns)}): ${farValuesText(cells, bounds.far)}; delete ${bounds.far.length === 1 ? 'it' : 'them'}, or move ${bounds.far.length === 1 ? 'it' : 'them'} next to the table, and run again`,
    );
  }
  const grid: RawCell[][] = Array.from({ length: bounds.rows }, () => []);
  for (let i = 0; i < cells.values.length; i++) grid[cells.rows[i]][cells.columns[i]] = cells.values[i];
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
