/**
 * Recognising a file's bytes and decoding its text, for the report-file reader (read-report-file.ts):
 * the signatures of a zip (.xlsx), an OLE2 compound document (.xls, or an encrypted .xlsx) and of files
 * that are not reports at all (PDF, images, archives); text as UTF-8 with or without a byte-order mark,
 * UTF-16 with or without one, or else Windows-1252 or Windows-1256, whichever its bytes read as; and
 * whether decoded text is binary data after all.
 *
 * Never throws: bytes that do not decode cleanly are said in `problems`.
 */
import { problemOf, type BinaryContent, type Problem } from '../engine';
import type { FileSheet } from './file-sheet';

type Encoding = NonNullable<FileSheet['encoding']>;
type SingleByteEncoding = Extract<Encoding, 'windows-1252' | 'windows-1256'>;
type UnicodeEncoding = Exclude<Encoding, SingleByteEncoding>;

/** How much of a file the sniffers look at. */
export const SNIFF_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// File signatures

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** A zip local file header, the start of every .xlsx. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** An OLE2 compound document: .xls, or an .xlsx encrypted with a password. */
export function isOleCompound(bytes: Uint8Array): boolean {
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
export function whatBinaryIs(bytes: Uint8Array): BinaryContent {
  return KNOWN_BINARY.find((k) => startsWith(bytes, k.signature))?.what ?? 'binary';
}

// ---------------------------------------------------------------------------------------------
// Text decoding

interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly problems: readonly Problem[];
}

export function decodeText(bytes: Uint8Array): Decoded {
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
export function isBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed, carriage return and Ctrl-Z (old DOS end of file) are text.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) controls++;
  }
  return controls > n * 0.01;
}
