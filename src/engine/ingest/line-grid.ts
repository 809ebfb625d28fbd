/**
 * The rows of a delimited text without quotes, made one at a time (RowSource). A sales export of
 * 50 MB is about 300,000 rows of 18 cells: parsed whole into arrays, its five million strings outlive
 * the young generation and the garbage collector copies every one of them before the importer has
 * read a row. Here the text stays one string with the start of each line beside it, and a row is split
 * when the importer asks for it, read, and dropped.
 *
 * Only for text that holds no quote character: there a row is its line split at the delimiter, which is
 * exactly what papaparse gives for such text, so the rows are the same as the reader's grid would be.
 * A text with quotes (a quoted field may hold delimiters or run over several lines) is parsed whole.
 */
import type { RawCell, RowSource } from './types';

export class LineGrid implements RowSource {
  readonly length: number;
  /** Where each line starts in the text; line r ends where line r + 1 starts, less the line break. */
  private readonly starts: Int32Array;

  /**
   * @param text the whole text (byte order marks at its start are not part of the first cell)
   * @param newline the line break between rows (only this one splits rows, as for papaparse)
   */
  constructor(
    readonly text: string,
    readonly delimiter: string,
    private readonly newline: string,
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
    return this.text.slice(this.starts[r], this.end(r)).split(this.delimiter);
  }

  cell(r: number, c: number): RawCell {
    if (r < 0 || r >= this.length) return undefined;
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
   * Where the cells of row r (within the rows) stand in `text`, without making them: cell k is
   * text[cuts[k], cuts[k + 1] − delimiter length), and the row's end is cuts[n] − delimiter length for n
   * cells. Returns n, or −(n + 1) when `cuts` has no room for n + 1 places (then nothing is known).
   */
  cut(r: number, cuts: Int32Array): number {
    const end = this.end(r);
    const d = this.delimiter;
    const dl = d.length;
    let n = 0;
    let from = this.starts[r];
    for (;;) {
      if (n + 1 >= cuts.length) return -(this.fields(r) + 1);
      cuts[n++] = from;
      const at = this.text.indexOf(d, from);
      if (at === -1 || at >= end) break;
      from = at + dl;
    }
    cuts[n] = end + dl;
    return n;
  }

  /**
   * Row r holds a character that is neither white space nor the delimiter, within ASCII: it is not
   * blank. False says only that the row must be looked at cell by cell.
   */
  surelyNotBlank(r: number): boolean {
    const end = this.end(r);
    const d = this.delimiter.length === 1 ? this.delimiter.charCodeAt(0) : -1;
    for (let i = this.starts[r]; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c > 32 && c < 127 && c !== d) return true;
    }
    return false;
  }

  /** Cells in row r, counted without making them. */
  fields(r: number): number {
    const end = this.end(r);
    const d = this.delimiter;
    let n = 1;
    for (let at = this.text.indexOf(d, this.starts[r]); at !== -1 && at < end; at = this.text.indexOf(d, at + d.length)) n++;
    return n;
  }

  /** Row r is an empty line (one empty cell, as papaparse reads it). */
  isEmptyLine(r: number): boolean {
    return this.starts[r] === this.end(r);
  }

  /** Every row as an array, for a caller that wants the whole grid. */
  toGrid(): string[][] {
    const grid: string[][] = new Array<string[]>(this.length);
    for (let r = 0; r < this.length; r++) grid[r] = this.row(r) as string[];
    return grid;
  }
}
