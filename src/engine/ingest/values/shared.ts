/**
 * What the cell value readers share (docs/REPORTS.md, "Values"): numbers.ts, text.ts and dates.ts each
 * take one `RawCell` as Excel's `Range.values` or a file reader gives it and return the value, `null`
 * for a blank cell (null, undefined, "" or only whitespace), or a `ValueProblem` whose reason a seller
 * can act on. They never throw on bad input: an unreadable cell becomes a Data Issue upstream, not an
 * exception.
 *
 * Speed: the importer runs these over up to 1,000,000 rows, so a JS number, a plain "123" / "12.5" and
 * a "YYYY-MM-DD HH:mm:ss" string each take a short path with no regex and no allocation but the result.
 */
import { problemOf, type ArgsOf, type ProblemCode } from '../../problems';
import { ValueProblem } from '../types';

const MAX_QUOTED = 40;

/** The raw text in quotes for a reason, cut to about 40 characters so a huge cell cannot flood a report. */
export function quote(text: string): string {
  if (text.length <= MAX_QUOTED) return `"${text}"`;
  let cut = MAX_QUOTED;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
  return `"${text.slice(0, cut)}…"`;
}

/** A value that cannot be read, as a code of the problem table (problems/values.ts) and its values. */
export function problem<C extends ProblemCode>(code: C, args: ArgsOf<C>): ValueProblem {
  return new ValueProblem(problemOf(code, args));
}

/** Spaces that may pad a value: ASCII white space, no-break, thin, figure, ideographic. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Spaces that may separate thousands inside a number (never the ASCII space: "12 5" is two numbers). */
export function isGroupSpace(c: number): boolean {
  return c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x2008;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLatinLetter(c: number): boolean {
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
export function normalize(s: string): string {
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

export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !isInvisible(c)) return false;
  }
  return true;
}
