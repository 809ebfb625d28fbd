/**
 * Numbers and currencies in report cells (docs/REPORTS.md, "Values"; shared.ts says what every reader
 * returns). Comma thousands and dot decimals ("12,131", "1,234.50"); a decimal comma ("1.234,50") is
 * read ONLY when `decimalComma` is set, and is otherwise a problem, never silently 1.2345. Arabic-Indic
 * (٠-٩) and Persian (۰-۹) digits, the Arabic separators ٫ (decimal) and ٬ (thousands), currency codes or
 * symbols on either side, percentages (÷ 100), "(5)" / "5-" / "−5" negatives are all read.
 */
import { type ValueProblem, type RawCell } from '../types';
import { isBlankText, isDigit, isGroupSpace, isLatinLetter, isSpace, normalize, problem, quote } from './shared';

/** The two currencies of the KSA and UAE marketplaces. */
export type CurrencyCode = 'SAR' | 'AED';

/** How to read numbers written as text. */
export interface NumberOptions {
  /** "1.234,50" means 1234.5 (dot thousands, comma decimals). Off by default: "1,234" is 1234. */
  readonly decimalComma?: boolean;
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
      return problem('number.decimal-comma', { text: quote(trimmed) });
    }
    return problem('number.invalid', { text: quote(trimmed) });
  }
  // "12.02%" → Number("12.02e-2") = 0.1202 exactly, where 12.02 / 100 would round to 0.12019999999999999.
  let x = percent && !body.includes('e') ? Number(body + 'e-2') : Number(body);
  if (percent && body.includes('e')) x /= 100;
  if (!Number.isFinite(x)) return problem('number.too-large', { text: quote(raw.trim()) });
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
    return Number.isNaN(cell) ? problem('number.nan', {}) : problem('number.infinite', { got: String(cell) });
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
  if (typeof cell === 'boolean') return problem('number.boolean', { got: cell ? 'TRUE' : 'FALSE' });
  return problem('number.date', {});
}

/**
 * Reads a whole number (a quantity): like `parseNumber`, and a fractional value is a problem.
 *
 * @example parseInteger('1,200') // 1200
 * @example parseInteger('2.5')   // ValueProblem('expected a whole number, got 2.5')
 */
export function parseInteger(cell: RawCell, options?: NumberOptions): number | null | ValueProblem {
  const x = parseNumber(cell, options);
  if (typeof x === 'number' && !Number.isInteger(x)) return problem('number.not-whole', { x });
  return x;
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
