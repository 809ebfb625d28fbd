/**
 * Reads a report file the user picked (CSV, TSV, Amazon .txt flat file, .xlsx workbook) into grids of
 * raw cells for the importer (docs/REPORTS.md). Bytes in, grids out: no file system, so the same code runs
 * in the task pane (File API bytes) and in Node (the CLI and tests read the bytes themselves).
 *
 * It never throws for a bad file: what could not be read, and what was noticed and repaired, is listed
 * in `problems`, and a file that cannot be read at all gives one sheet with an empty grid.
 */
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { LineGrid, plainQuotes, problemOf, type BinaryContent, type Problem, type RawCell, type SourceGrid } from '../engine';
import { cellAddress } from '../workbook/grid';
import { excel } from '../workbook/xlsx/lazy';
import { checkPackage, farValuesText, plainValue, sheetCells, tableBounds, workbookDamage, XLSX_LIMITS, type XlsxLimits } from '../workbook/xlsx/read-worksheet';

export interface FileSheet extends SourceGrid {
  readonly format: 'csv' | 'tsv' | 'txt' | 'xlsx';
  /** The field delimiter of a delimited text file (tab, comma, semicolon or pipe). */
  readonly delimiter?: string;
  /**
   * How a text file was decoded. A file that is not UTF-8 (nor UTF-16) is read as Windows-1252 (Western
   * European: Amazon's fee preview, reimbursements, restock) or Windows-1256 (a CSV saved by Arabic
   * Excel), whichever its bytes read as, and `problems` says so (file.single-byte).
   */
  readonly encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1256';
  /**
   * Anything the reader noticed and repaired, or could not read: problems of the table (problems/files.ts),
   * said after the file's name with `sayFileNote`, and capitalised in Data Issues.
   */
  readonly problems: readonly Problem[];
}

type Format = FileSheet['format'];
type Encoding = NonNullable<FileSheet['encoding']>;
type SingleByteEncoding = Extract<Encoding, 'windows-1252' | 'windows-1256'>;
type UnicodeEncoding = Exclude<Encoding, SingleByteEncoding>;

const DELIMITERS_TO_GUESS = ['\t', ',', ';', '|'];
/** How much of a file the sniffers look at. */
const SNIFF_BYTES = 64 * 1024;
/** How many row numbers a problem lists before "…". */
const LIST_ROWS = 10;

export interface ReadOptions {
  /** How large an .xlsx may be, unpacked, and how far a sheet's grid may reach (tests lower them). */
  readonly xlsxLimits?: XlsxLimits;
}

export async function readReportFile(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<FileSheet[]> {
  const limits = options.xlsxLimits ?? XLSX_LIMITS;
  const extension = extensionOf(fileName);
  const named = formatFromExtension(extension);
  try {
    if (bytes.length === 0) return [unreadable(fileName, named ?? 'txt', problemOf('file.empty', {}))];
    if (isZip(bytes)) {
      const notes = named === 'xlsx' ? [] : [problemOf('file.xlsx-misnamed', { extension })];
      return await readWorkbook(fileName, bytes, notes, limits);
    }
    if (isOleCompound(bytes)) return [unreadable(fileName, 'xlsx', problemOf('file.xls-or-encrypted', {}))];
    if (extension === 'xls') return [unreadable(fileName, 'xlsx', problemOf('file.xls', {}))];
    if (named === 'xlsx') {
      const looksLikeText = !isBinary(decodeText(bytes.subarray(0, SNIFF_BYTES)).text);
      const damage = problemOf('file.xlsx-damaged', { name: baseName(fileName), why: 'not-zip', content: looksLikeText ? 'text' : whatBinaryIs(bytes) });
      return [unreadable(fileName, 'xlsx', problemOf('file.xlsx-invalid', { damage }))];
    }
    const notes = named ? [] : [problemOf('file.unknown-type', { extension })];
    return [readDelimitedText(fileName, named ?? 'txt', bytes, notes)];
  } catch (error) {
    // Defensive: every known failure is handled above; anything else still must not escape.
    return [unreadable(fileName, named ?? 'txt', problemOf('file.read-failed', { error: messageOf(error) }))];
  }
}

// ---------------------------------------------------------------------------------------------
// Format sniffing

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '');
}

function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).trim().toLowerCase() : '';
}

function formatFromExtension(extension: string): Format | undefined {
  switch (extension) {
    case 'csv':
      return 'csv';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'txt':
      return 'txt';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    default:
      return undefined;
  }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** A zip local file header, the start of every .xlsx. */
function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** An OLE2 compound document: .xls, or an .xlsx encrypted with a password. */
function isOleCompound(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** Files that are not reports but are sometimes picked for one, by their first bytes (their "magic numbers"). */
const KNOWN_BINARY: readonly { readonly signature: readonly number[]; readonly what: BinaryContent }[] = [
  { signature: [0x1f, 0x8b], what: 'gzip' },
  { signature: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'pdf' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7z' },
  { signature: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'rar' },
  { signature: [0x89, 0x50, 0x4e, 0x47], what: 'png' },
  { signature: [0xff, 0xd8, 0xff], what: 'jpeg' },
];

/** What binary bytes are, when their first bytes say so; else just "binary". */
function whatBinaryIs(bytes: Uint8Array): BinaryContent {
  return KNOWN_BINARY.find((k) => startsWith(bytes, k.signature))?.what ?? 'binary';
}

// ---------------------------------------------------------------------------------------------
// Text decoding

interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly problems: readonly Problem[];
}

function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be');
  const utf8 = decodeAs(bytes, 'utf-8');
  // UTF-16 without a byte-order mark: ASCII characters give a zero byte in every other position,
  // which decodes as UTF-8 to NULs (and other bytes to U+FFFD).
  if (utf8.text.includes('\uFFFD') || utf8.text.includes('\u0000')) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return decodeAs(bytes, utf16);
  }
  const invalid = countReplacements(utf8.text, bytes, 'utf-8');
  // Valid UTF-8 (pure ASCII included) is UTF-8; binary data is left to the binary check, as UTF-8.
  if (invalid === 0 || isBinary(utf8.text)) return utf8;
  // A file with more well-formed multi-byte UTF-8 characters than broken ones is UTF-8 with a few bad
  // bytes (a cut-off last character, a pasted-in stray byte), not a legacy code page: Windows-1252 and
  // Windows-1256 text almost never has a lead byte followed by the right number of continuation bytes.
  if (countMultiByte(utf8.text) > invalid) return utf8;
  return decodeSingleByte(bytes, chooseSingleByte(bytes));
}

function decodeAs(bytes: Uint8Array, encoding: UnicodeEncoding): Decoded {
  let text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const replaced = countReplacements(text, bytes, encoding);
  return { text, encoding, problems: replaced > 0 ? [problemOf('file.undecodable', { n: replaced, encoding })] : [] };
}

/** Characters of a UTF-8 decoding that came from well-formed multi-byte sequences (not U+FFFD). */
function countMultiByte(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A character beyond U+FFFF is two code units: count the high surrogate only.
    if (c >= 0x80 && c !== 0xfffd && !(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Windows-1252 and Windows-1256

/**
 * Windows-1252 bytes 0x80-0x9F (WHATWG index-windows-1252; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not
 * assigned and stay the C1 control of the same number). Node's TextDecoder('windows-1252') decodes
 * 0x80-0x9F as Latin-1 controls (nodejs/node#56542: 0x80 gives U+0080, not "€"), so its output is
 * corrected with this table; in a browser, which decodes them right, the correction changes nothing.
 */
const WINDOWS_1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): Decoded {
  let text = new TextDecoder(encoding).decode(bytes);
  if (encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
  return { text, encoding, problems: [problemOf('file.single-byte', { encoding })] };
}

// How each byte reads in a single-byte encoding, for chooseSingleByte.
const NOT_LETTER = 0;
const ASCII_LETTER = 1;
/** A Latin letter outside ASCII (é, ß, Œ…). */
const LATIN_LETTER = 2;
/** An Arabic-script letter or mark (harakat, tatweel, the zero-width (non-)joiner of Persian). */
const ARABIC_LETTER = 3;

const byteClasses = new Map<SingleByteEncoding, Uint8Array>();

function classesOf(encoding: SingleByteEncoding): Uint8Array {
  let classes = byteClasses.get(encoding);
  if (!classes) {
    classes = new Uint8Array(256);
    const chars = decodeSingleByte(Uint8Array.from({ length: 256 }, (_, b) => b), encoding).text;
    for (let b = 0; b < 256; b++) {
      const c = chars.charAt(b);
      if (/[A-Za-z]/.test(c)) classes[b] = ASCII_LETTER;
      else if (/[\u200c\u200d]/.test(c) || (/\p{scx=Arabic}/u.test(c) && /[\p{L}\p{M}]/u.test(c))) classes[b] = ARABIC_LETTER;
      else if (/\p{scx=Latin}/u.test(c) && /\p{L}/u.test(c)) classes[b] = LATIN_LETTER;
      else classes[b] = NOT_LETTER;
    }
    byteClasses.set(encoding, classes);
  }
  return classes;
}

/**
 * Windows-1252 or Windows-1256, from the bytes of a file that is not UTF-8. The two agree on ASCII,
 * on most punctuation (€ – ’ ® ™ ×) and on the French letters à â ç è é ê ë î ï ô ù û ü; elsewhere
 * a byte is an accented Latin letter in one and an Arabic letter in the other (0xC3 is "Ã" or "أ").
 *
 * The file is cut into words: runs of bytes that are a letter in either encoding. Each word that has a
 * byte above 0x7F is checked as each encoding would read it:
 * - in Windows-1256, every byte is a letter, and the word is either all Arabic (letters and marks) or
 *   a plausible Latin word; Latin text read as 1256 gives mixed words ("Größe" reads "Grِكe");
 * - in Windows-1252, every byte is a letter, and it is a plausible Latin word: ASCII letters with
 *   accented ones among them, never three accented letters in a row, or a lone accented letter ("à").
 *   Arabic read as 1252 gives words of accented letters only ("أحمر" reads "ÃÍãÑ"), and the Persian
 *   letters of 1256 (پ چ گ…) are bytes 1252 leaves unassigned.
 * A word that fits one encoding only is a vote for it; words that fit both (Café, à) or neither do not
 * count. The encoding with more votes wins, and a tie is Windows-1252 (Amazon's reports, and the two
 * then read the same for all but a few bytes). One pass over the bytes.
 */
function chooseSingleByte(bytes: Uint8Array): SingleByteEncoding {
  const as1252 = new WordReading(classesOf('windows-1252'));
  const as1256 = new WordReading(classesOf('windows-1256'));
  let votes1252 = 0;
  let votes1256 = 0;
  let inWord = false;
  let high = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : 0x20;
    if (as1252.isLetter(b) || as1256.isLetter(b)) {
      inWord = true;
      if (b >= 0x80) high = true;
      as1252.add(b);
      as1256.add(b);
      continue;
    }
    if (!inWord) continue;
    if (high) {
      const fits1252 = as1252.plausibleLatin();
      const fits1256 = as1256.allArabic() || as1256.plausibleLatin();
      if (fits1252 && !fits1256) votes1252++;
      if (fits1256 && !fits1252) votes1256++;
    }
    inWord = false;
    high = false;
    as1252.reset();
    as1256.reset();
  }
  return votes1256 > votes1252 ? 'windows-1256' : 'windows-1252';
}

/** One word of a file as one single-byte encoding reads it, byte by byte (for chooseSingleByte). */
class WordReading {
  private ascii = 0;
  private accented = 0;
  private arabic = 0;
  private notLetter = false;
  /** Accented letters in a row, and whether three ever were. */
  private run = 0;
  private longRun = false;

  constructor(private readonly classes: Uint8Array) {}

  isLetter(b: number): boolean {
    return this.classes[b] !== NOT_LETTER;
  }

  add(b: number): void {
    const k = this.classes[b];
    if (k === LATIN_LETTER) {
      this.accented++;
      if (++this.run >= 3) this.longRun = true;
    } else {
      this.run = 0;
      if (k === ASCII_LETTER) this.ascii++;
      else if (k === ARABIC_LETTER) this.arabic++;
      else this.notLetter = true;
    }
  }

  /** Arabic letters and marks only. */
  allArabic(): boolean {
    return !this.notLetter && this.ascii + this.accented === 0;
  }

  /** Latin letters only: ASCII ones with accented ones among them (never three in a row), or one accented letter. */
  plausibleLatin(): boolean {
    return !this.notLetter && this.arabic === 0 && !this.longRun && (this.ascii > 0 || this.accented === 1);
  }

  reset(): void {
    this.ascii = 0;
    this.accented = 0;
    this.arabic = 0;
    this.notLetter = false;
    this.run = 0;
    this.longRun = false;
  }
}

/** U+FFFD the decoder put in (a U+FFFD written in a UTF-8 file as EF BF BD is not counted). */
function countReplacements(text: string, bytes: Uint8Array, encoding: UnicodeEncoding): number {
  let inText = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) inText++;
  if (inText === 0) return 0;
  let written = 0;
  if (encoding === 'utf-8') {
    for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
      if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
    }
  } else {
    const [hi, lo] = encoding === 'utf-16be' ? [0, 1] : [1, 0];
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i + hi] === 0xff && bytes[i + lo] === 0xfd) written++;
  }
  return Math.max(0, inText - written);
}

/** Many zero bytes at odd positions and almost none at even ones means UTF-16LE (and the reverse BE). */
function sniffUtf16(bytes: Uint8Array): UnicodeEncoding | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const many = Math.max(1, pairs * 0.1);
  if (oddZeros >= many && evenZeros * 10 <= oddZeros) return 'utf-16le';
  if (evenZeros >= many && oddZeros * 10 <= evenZeros) return 'utf-16be';
  return undefined;
}

/** Text has few control characters; binary data (or bytes decoded with the wrong encoding) has many. */
function isBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed, carriage return and Ctrl-Z (old DOS end of file) are text.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) controls++;
  }
  return controls > n * 0.01;
}

// ---------------------------------------------------------------------------------------------
// Delimited text

function readDelimitedText(fileName: string, format: Format, bytes: Uint8Array, notes: readonly Problem[]): FileSheet {
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
// Workbooks

async function readWorkbook(fileName: string, bytes: Uint8Array, notes: readonly Problem[], limits: XlsxLimits): Promise<FileSheet[]> {
  const name = baseName(fileName);
  // The package is looked at before exceljs inflates it: a small file may unpack to gigabytes, or be cut short.
  const problem = await checkPackage(bytes, name, limits);
  if (problem) return [unreadable(fileName, 'xlsx', problem.damaged ? problemOf('file.xlsx-invalid', { damage: problem.problem }) : problem.problem, notes)];
  const workbook = new (excel().Workbook)();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; JSZip underneath accepts a Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return [unreadable(fileName, 'xlsx', problemOf('file.xlsx-invalid', { damage: workbookDamage(name, error) }), notes)];
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) return [unreadable(fileName, 'xlsx', problemOf('file.no-worksheets', {}), notes)];
  return worksheets.map((worksheet, i) => readWorksheet(fileName, worksheet, i === 0 ? notes : [], limits));
}

/**
 * A worksheet's grid, built from the cells that hold a value (never from the used range the file
 * declares, which a stray cell or a lying <dimension> can make 17 billion cells). Values far outside
 * the table are left out and named (see tableBounds for why they are not refused); a sheet whose values
 * are strewn over a vast area is not read, and says so.
 */
function readWorksheet(fileName: string, worksheet: ExcelJS.Worksheet, notes: readonly Problem[], limits: XlsxLimits): FileSheet {
  const source = `${fileName} › ${worksheet.name}`;
  const problems = [...notes];
  let noResult = 0;
  const cells = sheetCells(worksheet, (raw) => {
    if (isFormula(raw) && raw.result === undefined) noResult++;
    return plainValue(raw);
  });
  if (noResult > 0) problems.push(problemOf('file.formula-no-result', { n: noResult }));
  if (cells.values.length === 0) return { source, format: 'xlsx', grid: [], problems: [...problems, problemOf('file.sheet-empty', {})] };
  const bounds = tableBounds(cells, limits);
  const sheet = worksheet.name;
  const grid = { range: `A1:${cellAddress(bounds.rows - 1, bounds.columns - 1)}`, rows: bounds.rows, columns: bounds.columns };
  if (bounds.kind === 'scattered') {
    problems.push(problemOf('file.sheet-scattered', { sheet, values: bounds.values, ...grid }));
    return { source, format: 'xlsx', grid: [], problems };
  }
  const far = new Set(bounds.far);
  if (far.size > 0) problems.push(problemOf('file.far-values', { sheet, n: far.size, values: farValuesText(cells, bounds.far), ...grid }));
  const values: RawCell[][] = Array.from({ length: bounds.rows }, () => new Array<RawCell>(bounds.columns).fill(null));
  for (let i = 0; i < cells.values.length; i++) if (far.size === 0 || !far.has(i)) values[cells.rows[i]][cells.columns[i]] = cells.values[i];
  return { source, format: 'xlsx', grid: values, problems };
}

function isFormula(value: unknown): value is { result?: unknown } {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function unreadable(source: string, format: Format, problem: Problem, notes: readonly Problem[] = []): FileSheet {
  return { source, format, grid: [], problems: [...notes, problem] };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || 'unknown error';
}

/** The first row numbers of a list, for a problem to name, and whether there are more. */
function listRows(rows: readonly number[]): { rows: number[]; more: boolean } {
  return { rows: rows.slice(0, LIST_ROWS), more: rows.length > LIST_ROWS };
}
