/**
 * The rows of a delimited text, made one at a time (RowSource). A sales export of 50 MB is about
 * 300,000 rows of 18 cells: parsed whole into arrays, its five million strings outlive the young
 * generation and the garbage collector copies every one of them before the importer has read a row.
 * Here the text stays one string with the start of each line beside it, and a row is split when the
 * importer asks for it, read, and dropped.
 *
 * For a text without quotes, a row is its line split at the delimiter, which is exactly what papaparse
 * gives for such text. A text with quotes qualifies only when its quotes are plain (plainQuotes): each
 * opens a field, is doubled inside it, or closes it right before a delimiter or the end of the line,
 * and no quoted field holds a line break. A quoted cell is then its text between the quotes with each
 * doubled quote read as one, as papaparse reads it. Any other text with quotes (a quoted field may run
 * over several lines, a stray quote is reported) is parsed whole.
 */
import type { RawCell, RowSource } from './types';

const QUOTE = 34;

export class LineGrid implements RowSource {
  readonly length: number;
  /** Where each line starts in the text; line r ends where line r + 1 starts, less the line break. */
  private readonly starts: Int32Array;
  /** Cut places of one row, for the methods that split a row of a quoted text. */
  private scratch = new Int32Array(64);

  /**
   * @param text the whole text (byte order marks at its start are not part of the first cell)
   * @param newline the line break between rows (only this one splits rows, as for papaparse)
   * @param quoted the text holds quotes, and they are plain (plainQuotes, which the caller checked)
   */
  constructor(
    readonly text: string,
    readonly delimiter: string,
    private readonly newline: string,
    readonly quoted = false,
  ) {
    let lines = 1;
    for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + newline.length)) lines++;
    const starts = new Int32Array(lines);
    // A byte order mark starts no cell: papaparse drops one at the start of the text (a text of only
    // that has no row) and the reader one more at the start of the first cell.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    starts[0] = bom + (text.charCodeAt(bom) === 0xfeff ? 1 : 0);
    let line = 1;
    for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + newline.length)) starts[line++] = i + newline.length;
    this.starts = starts;
    // The line break that ends the last line does not start another (blank) row; an empty text has no row.
    this.length = bom === text.length ? 0 : lines > 1 && starts[lines - 1] === text.length ? lines - 1 : lines;
  }

  private end(r: number): number {
    return r + 1 < this.starts.length ? this.starts[r + 1] - this.newline.length : this.text.length;
  }

  row(r: number): readonly string[] {
    if (r < 0 || r >= this.length) return [];
    const start = this.starts[r];
    const end = this.end(r);
    if (!this.quoted || !hasQuote(this.text, start, end)) return this.text.slice(start, end).split(this.delimiter);
    const n = this.cutInto(r);
    const cuts = this.scratch;
    const cells = new Array<string>(n);
    for (let k = 0; k < n; k++) cells[k] = this.cellOf(cuts[k], cuts[k + 1] - this.delimiter.length);
    return cells;
  }

  cell(r: number, c: number): RawCell {
    if (r < 0 || r >= this.length) return undefined;
    if (this.quoted) {
      const n = this.cutInto(r);
      return c < n ? this.cellOf(this.scratch[c], this.scratch[c + 1] - this.delimiter.length) : undefined;
    }
    const end = this.end(r);
    const d = this.delimiter;
    let from = this.starts[r];
    for (let k = 0; k < c; k++) {
      const at = this.text.indexOf(d, from);
      if (at === -1 || at >= end) return undefined;
      from = at + d.length;
    }
    const at = this.text.indexOf(d, from);
    return this.text.slice(from, at === -1 || at > end ? end : at);
  }

  /**
   * The cell text[start, end) as a row gives it: in a quoted text, a cell that starts with a quote is
   * its text between the quotes, a doubled quote read as one.
   */
  cellOf(start: number, end: number): string {
    if (!this.quoted || this.text.charCodeAt(start) !== QUOTE) return this.text.slice(start, end);
    const inner = this.text.slice(start + 1, end - 1);
    return inner.indexOf('"') === -1 ? inner : inner.split('""').join('"');
  }

  /**
   * Where the cells of row r (within the rows) stand in `text`, without making them: cell k is
   * text[cuts[k], cuts[k + 1] − delimiter length) (cellOf reads it), and the row's end is cuts[n] −
   * delimiter length for n cells. Returns n, or −(n + 1) when `cuts` has no room for n + 1 places
   * (then nothing is known).
   */
  cut(r: number, cuts: Int32Array): number {
    const end = this.end(r);
    const d = this.delimiter;
    const dl = d.length;
    const text = this.text;
    const room = cuts.length;
    let n = 0;
    let from = this.starts[r];
    for (;;) {
      if (n < room) cuts[n] = from;
      n++;
      let searchFrom = from;
      if (this.quoted && text.charCodeAt(from) === QUOTE) {
        // A quoted field: its delimiter is the first one after its closing quote (a quote not doubled).
        let q = from + 1;
        for (;;) {
          q = text.indexOf('"', q);
          if (q === -1 || text.charCodeAt(q + 1) !== QUOTE) break;
          q += 2;
        }
        searchFrom = q === -1 ? end : q + 1;
      }
      const at = text.indexOf(d, searchFrom);
      if (at === -1 || at >= end) break;
      from = at + dl;
    }
    if (n >= room) return -(n + 1);
    cuts[n] = end + dl;
    return n;
  }

  /** cut(r) into the scratch places; returns n. */
  private cutInto(r: number): number {
    let n = this.cut(r, this.scratch);
    if (n < 0) {
      this.scratch = new Int32Array(-n);
      n = this.cut(r, this.scratch);
    }
    return n;
  }

  /**
   * Row r holds a character that is neither white space nor the delimiter (nor a quote), within ASCII:
   * it is not blank. False says only that the row must be looked at cell by cell.
   */
  surelyNotBlank(r: number): boolean {
    const end = this.end(r);
    const d = this.delimiter.length === 1 ? this.delimiter.charCodeAt(0) : -1;
    for (let i = this.starts[r]; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c > 32 && c < 127 && c !== d && c !== QUOTE) return true;
    }
    return false;
  }

  /** Cells in row r, counted without making them. */
  fields(r: number): number {
    if (this.quoted) return this.cutInto(r);
    const end = this.end(r);
    const d = this.delimiter;
    let n = 1;
    for (let at = this.text.indexOf(d, this.starts[r]); at !== -1 && at < end; at = this.text.indexOf(d, at + d.length)) n++;
    return n;
  }

  /** Row r is one empty cell, as papaparse reads it: an empty line (or, quoted, a line of only `""`). */
  isEmptyLine(r: number): boolean {
    const start = this.starts[r];
    const end = this.end(r);
    return start === end || (this.quoted && end - start === 2 && this.text.charCodeAt(start) === QUOTE && this.text.charCodeAt(start + 1) === QUOTE);
  }

  /** Every row as an array, for a caller that wants the whole grid. */
  toGrid(): string[][] {
    const grid: string[][] = new Array<string[]>(this.length);
    for (let r = 0; r < this.length; r++) grid[r] = this.row(r) as string[];
    return grid;
  }
}

/** text[start, end) holds a quote. */
function hasQuote(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === QUOTE) return true;
  return false;
}

/**
 * The quotes of a text are plain (the file comment): each quote opens a field (at the start of the
 * text, of a line or after the one-character delimiter), is doubled inside the field, or closes it
 * right before the delimiter, a line break or the end of the text; no quoted field holds a line break.
 * A text starting with a byte order mark does not qualify (its first field would start after it).
 */
export function plainQuotes(text: string, delimiter: string): boolean {
  if (delimiter.length !== 1 || text.charCodeAt(0) === 0xfeff) return false;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  // One pass over the characters (no indexOf: mixed with charCodeAt in one optimized loop over a two-byte
  // text, V8 was seen to take seconds on a 4 MB file).
  let fieldStart = true; // the next character starts a field
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== QUOTE) {
      fieldStart = c === d || c === 10 || c === 13;
      continue;
    }
    if (!fieldStart) return false;
    // A quoted field: up to its closing quote (a quote not doubled), without a line break.
    for (i++; ; i++) {
      if (i >= n) return false;
      const k = text.charCodeAt(i);
      if (k === 10 || k === 13) return false;
      if (k !== QUOTE) continue;
      if (text.charCodeAt(i + 1) !== QUOTE) break;
      i++;
    }
    const after = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (after !== -1 && after !== d && after !== 10 && after !== 13) return false;
    fieldStart = false;
  }
  return true;
}
