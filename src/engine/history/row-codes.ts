/** A history view's rows coded as numbers, which history/trends.ts reads a position's rows from. */
import { dayMs, HistoryTable, isViewParts, SALES, SNAPSHOT, type TableParts } from './history';

/**
 * A view's rows as numbers (RowCodes), one per row: bits 0–12 its period's ordinal, 13–25 its date's,
 * 26–27 its source (CODE_SNAPSHOT, CODE_SALES, or another value), 28–29 its available stock (CODE_BLANK,
 * CODE_OUT: ≤ 0, CODE_IN_STOCK). selectCoded reads a position's rows from them: one number of 4 bytes a
 * row, where the columns are 4 values of 8 bytes far apart (most of the time of a position's trend was
 * waiting for memory).
 */
const ORDINALS = 1 << 13;
export const ORDINAL = ORDINALS - 1;
export const CODE_SNAPSHOT = 0;
export const CODE_SALES = 1;
const CODE_OTHER = 2;
export const CODE_BLANK = 0;
export const CODE_OUT = 1;
const CODE_IN_STOCK = 2;

export interface RowCodes {
  readonly code: Uint32Array;
  /** Per period ordinal, its text. */
  readonly periods: readonly string[];
  /** Per date ordinal: its place among the view's dates sorted as texts, and its day (dayMs). */
  readonly dateRank: Int32Array;
  readonly dateMs: Float64Array;
}

/**
 * The RowCodes of a view not yet built (historyView: its parts do not change, so the codes are kept
 * with them), built on first use in one pass; null for any other table (it may change between calls),
 * or when the view holds more than ORDINALS periods or dates, or a period or date that is not a text.
 */
const rowCodes = new WeakMap<TableParts, RowCodes | null>();
export function codesOf(t: HistoryTable, parts: TableParts): RowCodes | null {
  if (!isViewParts(t, parts)) return null;
  let codes = rowCodes.get(parts);
  if (codes === undefined) rowCodes.set(parts, (codes = buildCodes(parts)));
  return codes;
}

function buildCodes({ head, rows: n0, tail }: TableParts): RowCodes | null {
  const code = new Uint32Array(n0 + tail.length);
  const periodOrdinals = new Map<string, number>();
  const periods: string[] = [];
  const dateOrdinals = new Map<string, number>();
  const dates: string[] = [];
  // A row's period and date are most often the row before's (the same strings, compared at once): looked up only when not.
  let period: unknown = undefined;
  let periodOrdinal = -1;
  let date: unknown = undefined;
  let dateOrdinal = -1;
  const scan = (part: HistoryTable, to: number, offset: number): boolean => {
    const ps = part.period;
    const ds = part.date;
    const ss = part.source;
    const as = part.available;
    for (let i = 0; i < to; i++) {
      const p = ps[i];
      if (p !== period) {
        let o = periodOrdinals.get(p);
        if (o === undefined) {
          if (typeof p !== 'string' || periods.length === ORDINALS) return false;
          periodOrdinals.set(p, (o = periods.length));
          periods.push(p);
        }
        period = p;
        periodOrdinal = o;
      }
      const d = ds[i];
      if (d !== date) {
        let o = dateOrdinals.get(d);
        if (o === undefined) {
          if (typeof d !== 'string' || dates.length === ORDINALS) return false;
          dateOrdinals.set(d, (o = dates.length));
          dates.push(d);
        }
        date = d;
        dateOrdinal = o;
      }
      const s = ss[i];
      const a = as[i];
      const source = s === SNAPSHOT ? CODE_SNAPSHOT : s === SALES ? CODE_SALES : CODE_OTHER;
      // As selectPoints reads a row: a blank (NaN) is no stock figure, and ≤ 0 is out of stock.
      const stock = Number.isNaN(a) ? CODE_BLANK : a <= 0 ? CODE_OUT : CODE_IN_STOCK;
      code[offset + i] = periodOrdinal | (dateOrdinal << 13) | (source << 26) | (stock << 28);
    }
    return true;
  };
  if (!scan(head, n0, 0) || !scan(tail, tail.length, n0)) return null;
  const dateRank = new Int32Array(dates.length);
  const sorted = dates.map((d, o) => ({ d, o })).sort((x, y) => (x.d < y.d ? -1 : x.d > y.d ? 1 : 0));
  sorted.forEach(({ o }, r) => (dateRank[o] = r));
  return { code, periods, dateRank, dateMs: Float64Array.from(dates, dayMs) };
}
