/**
 * Text in report cells (docs/REPORTS.md, "Values"): SKUs and titles stay as written, so "00123" and "1E5"
 * are never turned into numbers.
 */
import { type RawCell } from '../types';
import { isoDay } from '../../calendar';

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
  return Number.isNaN(cell.getTime()) ? null : isoDay(cell.getTime());
}
