/**
 * Delimited text (CSV, TSV, Amazon .txt flat files) read into a grid for the report-file reader
 * (read-report-file.ts): the text decoded (decode-text.ts), its line break and delimiter sniffed, and its
 * rows split, a row at a time when the file's quotes allow it. What the quotes did to the rows (a quote
 * left open takes the lines after it into one cell), blank files, a missing delimiter and ragged rows are
 * said in `problems`; nothing throws.
 */
import Papa from 'papaparse';
import { LineGrid, plainQuotes, problemOf, type Problem } from '../engine';
import { decodeText, isBinary, SNIFF_BYTES, whatBinaryIs } from './decode-text';
import type { FileSheet, Format } from './file-sheet';

const DELIMITERS_TO_GUESS = ['\t', ',', ';', '|'];
/** How many row numbers a problem lists before "…". */
const LIST_ROWS = 10;

export function readDelimitedText(fileName: string, format: Format, bytes: Uint8Array, notes: readonly Problem[]): FileSheet {
  const decoded = decodeText(bytes);
  const problems = [...notes, ...decoded.problems];
  const base = { source: fileName, format, encoding: decoded.encoding };
  if (isBinary(decoded.text)) {
    return { ...base, grid: [], problems: [...notes, problemOf('file.not-text', { content: whatBinaryIs(bytes) })] };
  }
  const text = decoded.text;
  if (text.length === 0) return { ...base, grid: [], problems: [...problems, problemOf('file.empty', {})] };

  // Amazon flat files (.txt) and .tsv files are tab-delimited: when tabs split the first lines into
  // fields, do not let product names full of commas or stray quotes sway the guess.
  // papaparse guesses the line break from the first megabyte on every parse: guessed once here instead
  // (the same guess, which does not depend on the delimiter) for the five parses below.
  const newline = lineBreakOf(text);
  const guessed = guessDelimiter(text, newline, format === 'tsv' || format === 'txt' ? '\t' : undefined);
  const delimiterFound = guessed !== undefined;
  const delimiter = guessed ?? (format === 'csv' ? ',' : '\t');
  // Rows a line each (every line break is the one between rows), and quotes, if any, that are plain: read a row at a time.
  if (countLineBreaks(text) === countOf(text, newline)) {
    if (text.indexOf('"') === -1) return readLines(base, new LineGrid(text, delimiter, newline), delimiterFound, problems);
    if (plainQuotes(text, delimiter)) return readLines(base, new LineGrid(text, delimiter, newline, true), delimiterFound, problems);
  }
  let result = parseDelimited(text, delimiter, newline);

  let quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0 && delimiter === '\t') {
    // Tab-delimited reports (Amazon flat files) do not quote fields, but product names may start with
    // a quote ("Classic" backpack). Read the quotes as ordinary characters instead of merging lines.
    result = parseDelimited(text, '\t', undefined, '\u0000');
    problems.push(problemOf('file.tab-quotes', { n: quoteErrors.length, row: rowOf(quoteErrors[0]) }));
    quoteErrors = [];
  }

  const grid = result.data;
  // The newline that ends the last line does not start another (blank) line.
  const last = grid[grid.length - 1];
  if (grid.length > 1 && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) grid.pop();
  if (grid.length > 0 && grid[0].length > 0 && grid[0][0].charCodeAt(0) === 0xfeff) grid[0][0] = grid[0][0].slice(1);

  const shape: Shape = { rows: grid.length, fields: (r) => grid[r].length, blank: (r) => grid[r].length === 1 && grid[r][0] === '', row: (r) => grid[r] };
  problems.push(...quoteProblems(text, grid, delimiter, quoteErrors, usualFields(shape)));
  problems.push(...shapeProblems(shape, delimiterFound));
  return { ...base, grid, delimiter, problems };
}

/** What the checks of a file's rows need: how many, and each one's fields. */
interface Shape {
  readonly rows: number;
  fields(r: number): number;
  /** An empty line (one empty field). */
  blank(r: number): boolean;
  row(r: number): readonly string[];
}

/** Blank files, a missing delimiter and rows of another width than most. */
function shapeProblems(shape: Shape, delimiterFound: boolean): Problem[] {
  let nonBlank = 0;
  for (let r = 0; r < shape.rows; r++) if (!shape.blank(r)) nonBlank++;
  if (nonBlank === 0) return [problemOf('file.blank-lines', {})];
  let anyValue = false;
  for (let r = 0; r < shape.rows && !anyValue; r++) anyValue = shape.row(r).some((cell) => cell.trim() !== '');
  // What the importer would call an empty sheet: say what the file holds instead.
  if (!anyValue) return [problemOf('file.no-values', {})];
  const problems: Problem[] = [];
  if (!delimiterFound && shape.rows > 1) problems.push(problemOf('file.no-delimiter', {}));
  const ragged = raggedRows(shape);
  if (ragged) problems.push(ragged);
  return problems;
}

/**
 * A text without quotes, or with plain ones, read a row at a time (LineGrid): the same rows, problems and grid as the
 * whole parse gives, without every cell of the file existing at once. The grid is made only for a
 * caller that asks for it (a preview); the importer reads `rows`.
 */
function readLines(base: Pick<FileSheet, 'source' | 'format' | 'encoding'>, lines: LineGrid, delimiterFound: boolean, problems: Problem[]): FileSheet {
  const shape: Shape = { rows: lines.length, fields: (r) => lines.fields(r), blank: (r) => lines.isEmptyLine(r), row: (r) => lines.row(r) };
  problems.push(...shapeProblems(shape, delimiterFound));
  let grid: string[][] | undefined;
  return {
    ...base,
    delimiter: lines.delimiter,
    problems,
    rows: lines,
    get grid() {
      return (grid ??= lines.toGrid());
    },
  };
}

/** Occurrences of a line break in a text. */
function countOf(text: string, newline: string): number {
  let n = 0;
  for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + newline.length)) n++;
  return n;
}

/**
 * The delimiter of the first lines, as papaparse guesses it (the most consistent number of fields per
 * row, then the most fields) with two changes: blank lines are left out of the count (with them, a
 * blank line between a title and the header looks inconsistent for every delimiter), and a delimiter
 * under which the quotes are well formed beats one under which they are not ("","<tab>" is two fields
 * separated by a comma, not a tab with a broken quote). A `preferred` delimiter wins whenever it splits
 * the lines into fields at all.
 */
function guessDelimiter(text: string, newline: Newline, preferred?: string): string | undefined {
  const head = text.slice(0, SNIFF_BYTES * 4);
  let best: { delimiter: string; quoteErrors: number; delta: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS_TO_GUESS) {
    const preview = Papa.parse<string[]>(head, { delimiter, newline, quoteChar: '"', skipEmptyLines: true, preview: 10 });
    const rows = preview.data;
    if (rows.length === 0) continue;
    let delta = 0;
    for (let i = 1; i < rows.length; i++) delta += Math.abs(rows[i].length - rows[i - 1].length);
    const fields = rows.reduce((n, row) => n + row.length, 0) / rows.length;
    const quoteErrors = preview.errors.filter((e) => e.type === 'Quotes').length;
    if (fields <= 1.99) continue;
    if (delimiter === preferred) return delimiter;
    const better =
      !best ||
      quoteErrors < best.quoteErrors ||
      (quoteErrors === best.quoteErrors && (delta < best.delta || (delta === best.delta && fields > best.fields)));
    if (better) best = { delimiter, quoteErrors, delta, fields };
  }
  return best?.delimiter;
}

type Newline = '\r' | '\n' | '\r\n';

/** The line break papaparse would guess for the text with '"' as its quote (from its first megabyte, quoted text aside). */
function lineBreakOf(text: string): Newline {
  return Papa.parse<string[]>(text.slice(0, 1 << 20), { delimiter: ',', quoteChar: '"', preview: 1 }).meta.linebreak as Newline;
}

/** `newline` undefined: papaparse guesses it (for another quote character than '"'). */
function parseDelimited(text: string, delimiter: string, newline?: Newline, quoteChar = '"'): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
}

function rowOf(error: Papa.ParseError): number {
  return (error.row ?? 0) + 1;
}

const LINE_BREAK = /\r\n|\r|\n/;
/** A value over this many lines of the file, and `FAR_LONGER` times the file's other multi-line values, is suspect. */
const MANY_LINES = 10;
const FAR_LONGER = 4;
/** Fields whose lines are described one by one; the rest are counted. */
const LIST_FIELDS = 3;

/** A value that runs over several lines of the file (a quoted field holding line breaks). */
interface MultiLine {
  /** 0-based row of the grid and column. */
  readonly row: number;
  readonly column: number;
  /** Line of the file where the value starts (1-based), and how many lines it runs over. */
  readonly line: number;
  readonly lines: number;
  /** One of its lines, not the first nor the last, has as many fields as a row of the file. */
  readonly rowLike: boolean;
  /** Its last line is empty (the value ends with a line break). */
  readonly endsEmpty: boolean;
}

/** Line breaks (CR LF, LF or CR) in a text, counted without copying it. */
function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) n++;
  return n;
}

/**
 * What the quotes of a delimited file did to its rows. A quote that opens a field and is not closed
 * where the field ends makes the parser read on, across line breaks, until it finds one: the lines in
 * between become part of one cell instead of rows of their own. Each such field is named with the row
 * and the line of the file where its quote opened, and how many lines it took in, so that every line
 * of the file is accounted for:
 * - a field papaparse reports a quote error for (MissingQuotes: never closed; InvalidQuotes: closed
 *   but not followed by a delimiter) and that holds line breaks took those lines in;
 * - a field without an error but with whole lines inside that look like rows (as many delimiters as a
 *   row has), or with far more lines than the file's other multi-line values, probably did (a quote
 *   missing at one place and another stray quote further on close each other).
 * Quote errors that took no line in are counted by row, as before.
 */
function quoteProblems(text: string, grid: readonly (readonly string[])[], delimiter: string, errors: readonly Papa.ParseError[], usual: number): Problem[] {
  const problems: Problem[] = [];
  const errorCodes = new Map<number, string>();
  for (const e of errors) if (e.row !== undefined && errorCodes.get(e.row) !== 'MissingQuotes') errorCodes.set(e.row, e.code);

  // Cells holding a line break exist only when the file has more line breaks than lie between its rows
  // (and after the last one, when the file ends with a line break: its empty line is not a row).
  const multiLine: MultiLine[] = [];
  const between = grid.length - 1 + (/[\r\n]$/.test(text) ? 1 : 0);
  if (countLineBreaks(text) > between) {
    const rowLike = (segment: string) => usual >= 2 && segment.split(delimiter).length >= usual;
    let line = 1;
    grid.forEach((row, r) => {
      let breaks = 0;
      row.forEach((cell, column) => {
        if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return;
        const segments = cell.split(LINE_BREAK);
        const last = segments.length - 1;
        multiLine.push({ row: r, column, line: line + breaks, lines: segments.length, rowLike: segments.some((x, i) => i > 0 && i < last && rowLike(x)), endsEmpty: segments[last] === '' });
        breaks += last;
      });
      line += breaks + 1;
    });
  }

  // The usual number of lines of a multi-line value, for "far longer than usual".
  const sortedLines = multiLine.map((m) => m.lines).sort((a, b) => a - b);
  const median = sortedLines.length > 1 ? sortedLines[Math.floor(sortedLines.length / 2)] : 1;

  const described: Problem[] = [];
  const suspect = new Set<number>();
  let swallowed = 0;
  // The field of a row with a quote error that took lines in: the one with the most lines.
  const errorField = new Map<number, MultiLine>();
  for (const m of multiLine) {
    if (errorCodes.has(m.row) && m.lines > (errorField.get(m.row)?.lines ?? 0)) errorField.set(m.row, m);
  }
  for (const m of multiLine) {
    const code = errorCodes.get(m.row);
    // Lines taken in: those after the first, but not the empty one after the newline that ends the file.
    const taken = m.lines - 1 - (m.row === grid.length - 1 && m.endsEmpty ? 1 : 0);
    if (taken <= 0) continue;
    if (code !== undefined && errorField.get(m.row) === m) {
      swallowed += taken;
      suspect.add(m.row);
      described.push(problemOf('file.quote-unclosed', { row: m.row + 1, line: m.line, column: m.column + 1, neverClosed: code === 'MissingQuotes', taken }));
      continue;
    }
    const looksLikeRows = m.rowLike;
    const farLonger = m.lines >= MANY_LINES && m.lines >= FAR_LONGER * median;
    if (!looksLikeRows && !farLonger) continue;
    swallowed += taken;
    suspect.add(m.row);
    described.push(problemOf('file.quote-runs-long', { row: m.row + 1, column: m.column + 1, line: m.line, lines: m.lines, taken, rowLike: looksLikeRows }));
  }
  problems.push(...described.slice(0, LIST_FIELDS));
  if (described.length > LIST_FIELDS) {
    const rows = [...suspect].sort((a, b) => a - b).map((r) => r + 1);
    problems.push(problemOf('file.quotes-took-lines', { n: described.length, lines: swallowed, ...listRows(rows) }));
  }

  // Quote errors that took in no line: counted by row, as before.
  // papaparse may report one field twice (InvalidQuotes, then MissingQuotes): a field is a row and a place.
  const other = [...new Map(errors.filter((e) => e.row === undefined || !suspect.has(e.row)).map((e) => [`${e.row}:${e.index}`, e])).values()];
  if (other.length > 0) {
    const rows = [...new Set(other.map(rowOf))];
    problems.push(problemOf('file.quotes-malformed', { n: other.length, ...listRows(rows) }));
  }
  return problems;
}

/** Each row's number of fields, −1 for a blank row (counted once: a large file has 100,000s of rows). */
function fieldCounts(shape: Shape): Int32Array {
  const out = new Int32Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) out[r] = shape.blank(r) ? -1 : shape.fields(r);
  return out;
}

/** The most common number of fields of a row (blank rows aside); 0 for none. */
function usualFields(shape: Shape, counted: Int32Array = fieldCounts(shape)): number {
  const counts = new Map<number, number>();
  for (const fields of counted) if (fields >= 0) counts.set(fields, (counts.get(fields) ?? 0) + 1);
  let usual = 0;
  let most = -1;
  for (const [fields, n] of counts) {
    if (n > most || (n === most && fields > usual)) [usual, most] = [fields, n];
  }
  return usual;
}

/** Rows whose number of fields differs from the most common one (blank rows aside). */
function raggedRows(shape: Shape): Problem | undefined {
  const counted = fieldCounts(shape);
  const usual = usualFields(shape, counted);
  const rows: number[] = [];
  for (let r = 0; r < shape.rows; r++) if (counted[r] >= 0 && counted[r] !== usual) rows.push(r + 1);
  if (rows.length === 0) return undefined;
  return problemOf('file.ragged-rows', { n: rows.length, usual, ...listRows(rows) });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The first row numbers of a list, for a problem to name, and whether there are more. */
function listRows(rows: readonly number[]): { rows: number[]; more: boolean } {
  return { rows: rows.slice(0, LIST_ROWS), more: rows.length > LIST_ROWS };
}
