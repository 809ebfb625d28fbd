/**
 * Cell value readers for the report importer (docs/REPORTS.md, "Values"). Every reader takes one `RawCell`
 * as Excel's `Range.values` or a file reader gives it and returns the value, `null` for a blank cell
 * (null, undefined, "" or only whitespace), or a `ValueProblem` whose reason a seller can act on.
 * They never throw on bad input: an unreadable cell becomes a Data Issue upstream, not an exception.
 *
 * Conventions (where readers of seller files differ, we name the choice):
 * - Numbers: comma thousands and dot decimals ("12,131", "1,234.50"); a decimal comma ("1.234,50") is
 *   read ONLY when `decimalComma` is set, and is otherwise a problem, never silently 1.2345. Arabic-Indic
 *   (٠-٩) and Persian (۰-۹) digits, the Arabic separators ٫ (decimal) and ٬ (thousands), currency codes or
 *   symbols on either side, percentages (÷ 100), "(5)" / "5-" / "−5" negatives are all read.
 * - Dates are epoch milliseconds UTC of the date-time as written (no time-zone conversion unless the
 *   text carries an offset or a named zone). Slash/dot/dash dates are day first (DMY) unless the column
 *   says otherwise (`decideDateOrder`); two-digit years are refused, never guessed. Excel serials use
 *   the 1900 date system with Lotus's 1900-02-29 bug, as Excel does.
 * - Text (SKUs, titles) stays as written: "00123" and "1E5" are never turned into numbers.
 *
 * Speed: the importer runs these over up to 1,000,000 rows, so a JS number, a plain "123" / "12.5" and
 * a "YYYY-MM-DD HH:mm:ss" string each take a short path with no regex and no allocation but the result.
 */
import { ValueProblem, type DateOrder, type RawCell } from './types';

/** The two currencies of the KSA and UAE marketplaces. */
export type CurrencyCode = 'SAR' | 'AED';

/** How to read numbers written as text. */
export interface NumberOptions {
  /** "1.234,50" means 1234.5 (dot thousands, comma decimals). Off by default: "1,234" is 1234. */
  readonly decimalComma?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------

const MAX_QUOTED = 40;

/** The raw text in quotes for a reason, cut to about 40 characters so a huge cell cannot flood a report. */
function quote(text: string): string {
  if (text.length <= MAX_QUOTED) return `"${text}"`;
  let cut = MAX_QUOTED;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
  return `"${text.slice(0, cut)}…"`;
}

function problem(reason: string): ValueProblem {
  return new ValueProblem(reason);
}

/** Spaces that may pad a value: ASCII white space, no-break, thin, figure, ideographic. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Spaces that may separate thousands inside a number (never the ASCII space: "12 5" is two numbers). */
function isGroupSpace(c: number): boolean {
  return c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x2008;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Invisible marks that Arabic text and exports carry: bidi controls, zero-width characters, BOM, soft hyphen. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0xad;
}

/**
 * Maps non-ASCII forms to ASCII: Arabic-Indic and Persian digits → 0-9, the minus sign and dashes used as
 * minus → "-", the Arabic and full-width percent signs → "%", and drops invisible marks. The Arabic
 * decimal (٫) and thousands (٬) separators are kept: the number scanner knows them. Returns the input
 * itself when it is plain ASCII.
 */
function normalize(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  let arabic = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 48);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 48);
    else if (c === 0x2212 || c === 0x2013 || c === 0xfe63 || c === 0xff0d) out += '-';
    else if (c === 0x066a || c === 0xfe6a || c === 0xff05) out += '%';
    else if (!isInvisible(c)) {
      if (c >= 0x0600 && c <= 0x06ff) arabic = true;
      out += s[i];
    }
  }
  // "د.إ" may arrive decomposed (alef + hamza below); compose so the currency tokens match.
  return arabic ? out.normalize('NFC') : out;
}

function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !isInvisible(c)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Currencies
// ---------------------------------------------------------------------------------------------------

interface CurrencyToken {
  /** Latin tokens in upper case; matched case-insensitively and only as a whole word. */
  readonly text: string;
  readonly code: CurrencyCode | null;
  readonly latin: boolean;
}

const token = (text: string, code: CurrencyCode | null): CurrencyToken => ({ text, code, latin: /^[A-Z]/.test(text) });

/** Longest first, so "DHS" wins over "DH" and "ر.س." over "ر.س". */
const CURRENCY_TOKENS: readonly CurrencyToken[] = [
  token('ر.س.', 'SAR'),
  token('ر.س', 'SAR'),
  token('ريال', 'SAR'),
  token('SAR', 'SAR'),
  token('SR', 'SAR'),
  token('﷼', 'SAR'),
  token('د.إ.', 'AED'),
  token('د.إ', 'AED'),
  token('درهم', 'AED'),
  token('AED', 'AED'),
  token('DHS', 'AED'),
  token('DH', 'AED'),
  token('US$', null),
  token('USD', null),
  token('EUR', null),
  token('GBP', null),
  token('$', null),
  token('€', null),
  token('£', null),
].sort((a, b) => b.text.length - a.text.length);

function tokenAt(s: string, at: number, t: CurrencyToken): boolean {
  for (let k = 0; k < t.text.length; k++) {
    let c = s.charCodeAt(at + k);
    if (t.latin && c >= 97 && c <= 122) c -= 32;
    if (c !== t.text.charCodeAt(k)) return false;
  }
  return true;
}

/** The currency token that starts at `start` (and ends as a word), if any. */
function currencyPrefix(s: string, start: number, end: number): CurrencyToken | undefined {
  const first = s.charCodeAt(start);
  if (isDigit(first) || first === 46 || first === 45 || first === 43 || first === 40) return undefined;
  for (const t of CURRENCY_TOKENS) {
    const after = start + t.text.length;
    if (after > end || !tokenAt(s, start, t)) continue;
    if (t.latin && after < end && isLatinLetter(s.charCodeAt(after))) continue;
    return t;
  }
  return undefined;
}

/** The currency token that ends at `end` (and starts as a word), if any. */
function currencySuffix(s: string, start: number, end: number): CurrencyToken | undefined {
  const last = s.charCodeAt(end - 1);
  if (isDigit(last) || last === 41 || last === 45 || last === 37) return undefined;
  for (const t of CURRENCY_TOKENS) {
    const at = end - t.text.length;
    if (at < start || !tokenAt(s, at, t)) continue;
    if (t.latin && at > start && isLatinLetter(s.charCodeAt(at - 1))) continue;
    return t;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------

/**
 * A plain "123", "-12.5" or ".5" (ASCII digits, at most one dot) read with `+s`; undefined for anything
 * else, which then takes the full reader. With a decimal comma the dot is a thousands separator, so only
 * digits qualify.
 */
function plainNumber(s: string, decimalComma: boolean): number | undefined {
  return plainNumberAt(s, 0, s.length, decimalComma);
}

/** 10^k for k = 0 … 22: each exactly a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * plainNumber of s[start, end) without cutting it out: the same number. Up to 15 digits, the digits as
 * a whole number M (exact) over 10^k (k digits after the dot, exact) is one correctly rounded division,
 * which is the double nearest the decimal, as `+text` gives it (Clinger's fast path); longer texts are
 * cut out and read with `+`.
 */
export function plainNumberAt(s: string, start: number, end: number, decimalComma: boolean): number | undefined {
  const negative = s.charCodeAt(start) === 45;
  let i = negative ? start + 1 : start;
  if (i === end) return undefined;
  let dot = -1;
  let digits = 0;
  let m = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      m = m * 10 + (c - 48);
    } else if (c === 46 && !decimalComma && dot < 0) dot = i;
    else return undefined;
  }
  if (digits === 0) return undefined;
  let x: number;
  if (digits <= 15) {
    x = dot < 0 ? m : m / POWERS_OF_TEN[end - dot - 1];
    if (negative) x = -x;
  } else x = +s.slice(start, end);
  return x === 0 ? 0 : x; // "-0" reads as 0
}

/**
 * Scans the number body s[start, end): digits in valid thousands groups (1-3 digits, then groups of
 * exactly 3 with one separator kind), an optional decimal part, an optional exponent. Returns the body as
 * ASCII text `Number` reads ("-" not included), or undefined when it is not a number.
 */
function scanBody(s: string, start: number, end: number, decimal: number, group: number): string | undefined {
  let i = start;
  let text = '';
  let run = 0;
  let intDigits = 0;
  let sep = -1;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      run++;
      intDigits++;
      continue;
    }
    const isGroup = c === group || c === 0x066c || isGroupSpace(c);
    if (!isGroup) break;
    if (sep === -1) {
      if (run < 1 || run > 3) return undefined;
      sep = c;
    } else if (c !== sep || run !== 3) return undefined;
    text += s.slice(i - run, i);
    run = 0;
  }
  if (sep !== -1 && run !== 3) return undefined;
  text += s.slice(i - run, i);
  let fracDigits = 0;
  if (i < end) {
    const c = s.charCodeAt(i);
    if (c === decimal || c === 0x066b) {
      i++;
      const from = i;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
      fracDigits = i - from;
      if (fracDigits > 0) text += '.' + s.slice(from, i);
    }
  }
  if (intDigits + fracDigits === 0) return undefined;
  if (i < end && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i++;
    const from = i;
    if (i < end && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    const digitsFrom = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (i === digitsFrom) return undefined;
    text += 'e' + s.slice(from, i);
  }
  return i === end ? text : undefined;
}

/** Reads number text with its decorations: currency, sign, parentheses, percent. */
function numberFromText(raw: string, decimalComma: boolean): number | null | ValueProblem {
  const s = normalize(raw);
  let start = 0;
  let end = s.length;
  let negative = false;
  let signed = false; // a "+" / "-" / "(…)" was taken: only one
  let currency = false;
  let percent = false;
  for (;;) {
    while (start < end && isSpace(s.charCodeAt(start))) start++;
    while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
    if (start === end) break;
    const first = s.charCodeAt(start);
    const last = s.charCodeAt(end - 1);
    if (!signed && first === 40 && last === 41) {
      signed = negative = true;
      start++;
      end--;
      continue;
    }
    if (!signed && (first === 45 || first === 43)) {
      signed = true;
      negative = first === 45;
      start++;
      continue;
    }
    if (!signed && last === 45) {
      signed = negative = true;
      end--;
      continue;
    }
    if (!percent && !currency && last === 37) {
      percent = true;
      end--;
      continue;
    }
    if (!currency && !percent) {
      const before = currencyPrefix(s, start, end);
      if (before) {
        currency = true;
        start += before.text.length;
        continue;
      }
      const after = currencySuffix(s, start, end);
      if (after) {
        currency = true;
        end -= after.text.length;
        continue;
      }
    }
    break;
  }
  const decimal = decimalComma ? 44 : 46;
  const group = decimalComma ? 46 : 44;
  const body = start < end ? scanBody(s, start, end, decimal, group) : undefined;
  if (body === undefined) {
    const trimmed = raw.trim();
    if (!decimalComma && start < end && scanBody(s, start, end, 44, 46) !== undefined) {
      return problem(`${quote(trimmed)} is not a number (it looks like a decimal comma, which is read only when the decimal comma option is on)`);
    }
    return problem(`${quote(trimmed)} is not a number`);
  }
  // "12.02%" → Number("12.02e-2") = 0.1202 exactly, where 12.02 / 100 would round to 0.12019999999999999.
  let x = percent && !body.includes('e') ? Number(body + 'e-2') : Number(body);
  if (percent && body.includes('e')) x /= 100;
  if (!Number.isFinite(x)) return problem(`${quote(raw.trim())} is too large a number`);
  if (negative) x = -x;
  return x === 0 ? 0 : x;
}

/**
 * Reads a number from a cell. JS numbers pass through (NaN and ±Infinity are problems); text is read as
 * docs/REPORTS.md "Values" describes: "12,131" → 12131, "SAR 1,234.50" → 1234.5, "$94.50" → 94.5,
 * "12.02%" → 0.1202, "١٢٬١٣١٫٥" → 12131.5, "(5)" / "5-" / "−5" → -5, "1e5" → 100000.
 * With `decimalComma` the roles of "," and "." swap: "1.234,50" → 1234.5.
 *
 * @example parseNumber('SAR 1,234.50') // 1234.5
 * @example parseNumber('12 units')     // ValueProblem('"12 units" is not a number')
 */
export function parseNumber(cell: RawCell, options?: NumberOptions): number | null | ValueProblem {
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return cell;
    return problem(Number.isNaN(cell) ? 'expected a number, got NaN' : `expected a finite number, got ${cell}`);
  }
  if (typeof cell === 'string') {
    const decimalComma = options?.decimalComma === true;
    if (cell.length > 0) {
      const fast = plainNumber(cell, decimalComma);
      if (fast !== undefined) return fast;
    }
    if (isBlankText(cell)) return null;
    return numberFromText(cell, decimalComma);
  }
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return problem(`expected a number, got ${cell ? 'TRUE' : 'FALSE'}`);
  return problem('expected a number, got a date');
}

/**
 * Reads a whole number (a quantity): like `parseNumber`, and a fractional value is a problem.
 *
 * @example parseInteger('1,200') // 1200
 * @example parseInteger('2.5')   // ValueProblem('expected a whole number, got 2.5')
 */
export function parseInteger(cell: RawCell, options?: NumberOptions): number | null | ValueProblem {
  const x = parseNumber(cell, options);
  if (typeof x === 'number' && !Number.isInteger(x)) return problem(`expected a whole number, got ${x}`);
  return x;
}

// ---------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------

/** "1.5e-7" → "0.00000015": JS writes numbers below 1e-6 with an exponent; a cell shows them in full. */
function expandExponent(text: string): string {
  const e = text.indexOf('e');
  if (e < 0) return text;
  const exp = Number(text.slice(e + 1));
  let mantissa = text.slice(0, e);
  let sign = '';
  if (mantissa[0] === '-') {
    sign = '-';
    mantissa = mantissa.slice(1);
  }
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exp; // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A Date as "YYYY-MM-DD" in UTC (years beyond 0000–9999 as "+010000"). */
export function isoDay(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * Reads text (SKU, ASIN, title) exactly as written: strings only lose surrounding white space and a
 * leading BOM, so "00123" stays "00123" and "1E5" stays "1E5". Numbers become their plain decimal
 * text (100000 → "100000", 1e-7 → "0.0000001"; from 1e21 JS's own "1e+21"), booleans "TRUE" /
 * "FALSE", Dates "YYYY-MM-DD" (UTC). Blank, and an invalid Date, → null.
 */
export function parseText(cell: RawCell): string | null {
  if (typeof cell === 'string') {
    const t = cell.trim(); // String#trim also removes U+FEFF (BOM) and no-break spaces
    return t === '' ? null : t;
  }
  if (typeof cell === 'number') {
    const t = String(cell);
    return Math.abs(cell) < 1e21 ? expandExponent(t) : t;
  }
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? null : isoDay(cell);
}

// ---------------------------------------------------------------------------------------------------
// Currency code
// ---------------------------------------------------------------------------------------------------

/**
 * The marketplace currency named in a cell, alone or beside a number: "SAR", "sar", "ر.س", "﷼", "SR",
 * "ريال" → 'SAR'; "AED", "د.إ", "Dhs", "DH", "درهم" → 'AED'. Anything else (other currencies, text where
 * the rest is not a number, such as a SKU "SR-12 blue") → null.
 *
 * @example parseCurrencyCode('SAR 12') // 'SAR'
 */
export function parseCurrencyCode(cell: RawCell): CurrencyCode | null {
  if (typeof cell !== 'string') return null;
  const s = normalize(cell).trim();
  if (s === '') return null;
  let t = currencyPrefix(s, 0, s.length);
  let rest: string;
  if (t) rest = s.slice(t.text.length);
  else {
    t = currencySuffix(s, 0, s.length);
    if (!t) return null;
    rest = s.slice(0, s.length - t.text.length);
  }
  if (t.code === null) return null;
  if (isBlankText(rest)) return t.code;
  return typeof parseNumber(rest) === 'number' ? t.code : null;
}

// ---------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
/** Largest Excel date serial: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;
/** 1899-12-30 in days since 1970-01-01: Excel serial 0 for serials ≥ 61 (after the fictional 1900-02-29). */
const EXCEL_EPOCH_DAYS = -25_569;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil"); exact for any year. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function notADate(raw: string, why: string): ValueProblem {
  return problem(`${quote(raw)} is not a date: ${why}`);
}

/** Checks the calendar and the clock, then gives epoch ms UTC; `offset` (minutes east of UTC) is subtracted. */
function dateValue(raw: string, y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offset: number, readAs: string): number | ValueProblem {
  if (mo < 1 || mo > 12) return notADate(raw, `there is no month ${mo}${readAs}`);
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > 31) return notADate(raw, `there is no day ${d}${readAs}`);
  if (d > dim) return notADate(raw, `${MONTHS[mo - 1]} ${y} has ${dim} days${readAs}`);
  if (h > 23) return notADate(raw, `there is no hour ${h}`);
  if (mi > 59) return notADate(raw, `there is no minute ${mi}`);
  if (sec > 59) return notADate(raw, `there is no second ${sec}`);
  return daysFromCivil(y, mo, d) * MS_PER_DAY + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms - offset * 60_000;
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** "YYYY-MM-DD", "YYYY-MM-DD HH:mm" and "YYYY-MM-DD HH:mm:ss" (space or T) without regex; undefined otherwise. */
function isoFast(s: string): number | ValueProblem | undefined {
  return isoFastAt(s, 0, s.length);
}

/** isoFast of s[start, end) without cutting it out (only a date that is not one is cut out, for its message). */
export function isoFastAt(s: string, start: number, end: number): number | ValueProblem | undefined {
  const n = end - start;
  const a = start;
  if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return undefined;
  const y1 = twoDigits(s, a);
  const y2 = twoDigits(s, a + 2);
  const mo = twoDigits(s, a + 5);
  const d = twoDigits(s, a + 8);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0) return undefined;
  const y = y1 * 100 + y2;
  let h = 0;
  let mi = 0;
  let sec = 0;
  if (n > 10) {
    const t = s.charCodeAt(a + 10);
    if ((t !== 32 && t !== 84) || s.charCodeAt(a + 13) !== 58) return undefined;
    h = twoDigits(s, a + 11);
    mi = twoDigits(s, a + 14);
    if (h < 0 || mi < 0) return undefined;
    if (n === 19) {
      sec = s.charCodeAt(a + 16) === 58 ? twoDigits(s, a + 17) : -1;
      if (sec < 0) return undefined;
    }
  }
  // The text is cut out only for a date that is not one (its message names it).
  const whole = start === 0 && end === s.length;
  const v = dateValue(whole ? s : '', y, mo, d, h, mi, sec, 0, 0, '');
  return whole || typeof v === 'number' ? v : dateValue(s.slice(start, end), y, mo, d, h, mi, sec, 0, 0, '');
}

/**
 * An Excel date serial (1900 date system) as epoch ms: serial 1 = 1900-01-01; Excel, copying Lotus 1-2-3,
 * counts a 1900-02-29 that never was (serial 60), so serials ≥ 61 are one day behind the plain count.
 * The fraction is the time of day, rounded to the millisecond.
 */
function fromSerial(serial: number, shown: string): number | ValueProblem {
  if (!(serial >= 1 && serial < EXCEL_MAX_SERIAL + 1)) {
    return problem(`${shown} is not a date (Excel date numbers run from 1 to ${EXCEL_MAX_SERIAL})`);
  }
  const day = Math.floor(serial);
  if (day === 60) return problem(`${shown} is not a date: Excel's date 60 is 29 February 1900, a day that did not exist`);
  const days = day < 60 ? EXCEL_EPOCH_DAYS + 1 + day : EXCEL_EPOCH_DAYS + day;
  return days * MS_PER_DAY + Math.round((serial - day) * MS_PER_DAY);
}

const SERIAL_RE = /^\d+(?:\.\d+)?$/;
// A comma may stand between the date and the time (noon's "2026-06-17, 09:37:08").
const YEAR_FIRST_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|,?\s+)(.+))?$/i;
const DAY_OR_MONTH_FIRST_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)(?:(?:T|,?\s+)(.+))?$/i;
const MONTH_NAME_FIRST_RE = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)(?:,?\s+(.+))?$/i;
const DAY_FIRST_NAME_RE = /^(\d{1,2})(?:st|nd|rd|th)?([\s-])([a-z]{3,9})\.?,?\2(\d+)(?:,?\s+(.+))?$/i;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?\s*(.*)$/i;
const OFFSET_RE = /^(?:(?:utc|gmt)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Named zones Amazon reports use; any other name is refused rather than guessed. Minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = { Z: 0, UTC: 0, GMT: 0, PST: -480, PDT: -420 };

/** 1-12 for an English month name or its abbreviation ("Sep" and "Sept"), else 0. */
function monthNumber(name: string): number {
  const n = name.toLowerCase();
  if (n === 'sept') return 9;
  for (let i = 0; i < 12; i++) {
    const full = MONTHS[i].toLowerCase();
    if (n === full || n === full.slice(0, 3)) return i + 1;
  }
  return 0;
}

/**
 * Reads the time-and-zone part after a date ("23:29:16", "10:00:00 AM PST", "23:29:16+03:00") and
 * builds the value.
 */
function withTime(raw: string, y: number, mo: number, d: number, rest: string | undefined, readAs: string): number | ValueProblem {
  if (rest === undefined) return dateValue(raw, y, mo, d, 0, 0, 0, 0, 0, readAs);
  const t = TIME_RE.exec(rest);
  if (!t) return problem(`${quote(raw)} is not a date`);
  let h = Number(t[1]);
  const mi = Number(t[2]);
  const sec = t[3] === undefined ? 0 : Number(t[3]);
  const ms = t[4] === undefined ? 0 : Math.round(Number('0.' + t[4]) * 1000);
  if (t[5] !== undefined) {
    if (h < 1 || h > 12) return problem(`${quote(raw)} is not a date: there is no hour ${h} ${t[5].toUpperCase()}M`);
    const pm = t[5].toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  }
  const zone = t[6].trim();
  let offset = 0;
  if (zone !== '') {
    const o = OFFSET_RE.exec(zone);
    if (o) {
      const oh = Number(o[2]);
      const om = o[3] === undefined ? 0 : Number(o[3]);
      if (oh > 14 || om > 59) return problem(`${quote(raw)} is not a date: ${zone} is not a time-zone offset`);
      offset = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    } else if (/^[a-z]{1,5}$/i.test(zone)) {
      const known = ZONES[zone.toUpperCase()];
      if (known === undefined) return problem(`unknown time zone "${zone}" in ${quote(raw)} (UTC, GMT, PST, PDT or an offset like +03:00 are read)`);
      offset = known;
    } else return problem(`${quote(raw)} is not a date`);
  }
  return dateValue(raw, y, mo, d, h, mi, sec, ms, offset, readAs);
}

function twoDigitYear(raw: string): ValueProblem {
  return problem(`two-digit year in ${quote(raw)}; write the year with four digits`);
}

/** Reads date text that did not take the fast path. */
function dateFromText(raw: string, order: DateOrder): number | ValueProblem {
  const s = normalize(raw);
  if (SERIAL_RE.test(s)) return fromSerial(Number(s), quote(raw));
  let m = YEAR_FIRST_RE.exec(s);
  if (m) return withTime(raw, Number(m[1]), Number(m[3]), Number(m[4]), m[5], '');
  m = DAY_OR_MONTH_FIRST_RE.exec(s);
  if (m) {
    if (m[4].length === 2) return twoDigitYear(raw);
    if (m[4].length !== 4) return problem(`${quote(raw)} is not a date`);
    const a = Number(m[1]);
    const b = Number(m[3]);
    const readAs = order === 'DMY' ? ' (read as day/month/year)' : ' (read as month/day/year)';
    return order === 'DMY' ? withTime(raw, Number(m[4]), b, a, m[5], readAs) : withTime(raw, Number(m[4]), a, b, m[5], readAs);
  }
  let month = 0;
  let day = 0;
  let year = '';
  let rest: string | undefined;
  m = MONTH_NAME_FIRST_RE.exec(s);
  if (m) {
    month = monthNumber(m[1]);
    day = Number(m[2]);
    year = m[3];
    rest = m[4];
  } else {
    m = DAY_FIRST_NAME_RE.exec(s);
    if (m) {
      month = monthNumber(m[3]);
      day = Number(m[1]);
      year = m[4];
      rest = m[5];
    }
  }
  if (month === 0) return problem(`${quote(raw)} is not a date`);
  if (year.length === 2) return twoDigitYear(raw);
  if (year.length !== 4) return problem(`${quote(raw)} is not a date`);
  return withTime(raw, Number(year), month, day, rest, '');
}

/**
 * Reads a date (and time) as epoch milliseconds UTC of the date-time as written; a written offset
 * ("+03:00", "-07:00") or zone (UTC, GMT, PST, PDT) is applied, nothing else is converted.
 * Read forms: ISO ("2026-05-19", "2026-05-19T23:29:16Z", "2026-05-19 23:29:16", noon's "2026-06-17, 09:37:08 UTC"), "19/05/2026" and its
 * "." / "-" variants in the column's `order` (default DMY, as noon and KSA/UAE write dates), English
 * month names ("May 19, 2026", "19 May 2026", "19-May-2026", "Jan 15, 2024 10:00:00 AM PST"), Excel
 * serial numbers (as numbers or numeric text; 45000 = 2023-03-15), JS Dates, Arabic-Indic digits.
 * Impossible dates ("31/02/2026") and two-digit years are problems, never guessed.
 * `order` may be a function giving it, called only for a value written with day and month (the reader
 * decides a column's order from all its values, and only once a cell needs it).
 *
 * @example parseDate('2026-05-19 23:29:16') // Date.UTC(2026, 4, 19, 23, 29, 16)
 * @example parseDate('05/19/2026', 'MDY')   // Date.UTC(2026, 4, 19)
 */
export function parseDate(cell: RawCell, order: DateOrder | (() => DateOrder) = 'DMY'): number | null | ValueProblem {
  if (typeof cell === 'string') {
    const s = cell.length === 10 || cell.length === 16 || cell.length === 19 ? cell : cell.trim();
    const fast = isoFast(s);
    if (fast !== undefined) return fast;
    if (isBlankText(s)) return null;
    return dateFromText(s.trim(), typeof order === 'function' ? order() : order);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return problem(`expected a date, got ${cell}`);
    return fromSerial(cell, String(cell));
  }
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return problem(`expected a date, got ${cell ? 'TRUE' : 'FALSE'}`);
  const t = cell.getTime();
  return Number.isNaN(t) ? problem('expected a date, got an invalid date') : t;
}

// ---------------------------------------------------------------------------------------------------
// Day/month order of a column
// ---------------------------------------------------------------------------------------------------

/** How many values of a column can only be day-first, and how many only month-first. */
export interface DateOrderEvidence {
  readonly dayFirst: number;
  readonly monthFirst: number;
}

const A_B_YEAR_RE = /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}(?:$|[\sT])/;

/**
 * Counts the "a/b/yyyy" values (also "." or "-" separated, Arabic-Indic digits allowed) that decide the
 * order: a > 12 (and b ≤ 12) can only be day first, b > 12 (and a ≤ 12) only month first. A value
 * with both parts > 12 is no date in either order and counts for neither (parseDate reports it).
 */
export function dateOrderEvidence(cells: Iterable<RawCell>): DateOrderEvidence {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    // Four ASCII digits first (a year first: "2025-10-30 23:59:51") can never be "a/b/yyyy": no need to normalize.
    if (isDigit(cell.charCodeAt(0)) && isDigit(cell.charCodeAt(1)) && isDigit(cell.charCodeAt(2)) && isDigit(cell.charCodeAt(3))) continue;
    const m = A_B_YEAR_RE.exec(normalize(cell.trim()));
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a <= 12) monthFirst++;
  }
  return { dayFirst, monthFirst };
}

/**
 * Decides the day/month order of a column from all its values, never per cell (docs/REPORTS.md "Values"):
 * 'DMY' when some value has a first part > 12, 'MDY' when some value has a second part > 12.
 * null when the column has both (inconsistent: use `dateOrderEvidence` to tell) or neither (ambiguous).
 * On null, callers read the column day first ('DMY'), which is what noon and KSA/UAE sellers write.
 */
export function decideDateOrder(cells: Iterable<RawCell>): DateOrder | null {
  const { dayFirst, monthFirst } = dateOrderEvidence(cells);
  if (dayFirst > 0 && monthFirst === 0) return 'DMY';
  if (monthFirst > 0 && dayFirst === 0) return 'MDY';
  return null;
}
