/**
 * In-stock days of a sales window, from Amazon's Inventory Ledger (docs/FORMULAS.md, "Demand": the
 * stockout-adjusted velocity v = sold / inStockDays divides by these days).
 *
 *   a day is in stock   ⇔  start + receipts > 0
 *   daysOutOfStock      = days of the window that are not in stock
 *
 * Symbols: start = the day's starting sellable balance (the ledger summary's `Starting Warehouse
 * Balance`), receipts = sellable units received that day (`Receipts`).
 *
 * Conventions:
 * - A day with no ledger row after the ledger's first day had no events: its starting balance is the
 *   last known ending balance (a day without a row but with stock is in stock; one after a day that
 *   ended at 0 is out).
 * - Days before the ledger's first row, and days after a row without balances (the detail view has
 *   none), are not known: they are counted apart (`unknown`) and never as out of stock, so a ledger
 *   that covers part of the window adjusts only that part.
 * - The window is whole UTC days, `from` and `to` included (YYYY-MM-DD).
 */
import { messages, valueError, type CalcError } from '../errors';
import type { Days } from '../model';
import { DAY_MS } from '../calendar';

/** One ledger day, sellable units only (model.ts LedgerDay): balances are null when the ledger does not give them. */
export interface LedgerBalanceDay {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly receipts: number;
}

export interface StockDays {
  readonly inStock: Days;
  readonly outOfStock: Days;
  /** Days the ledger says nothing about (before its first row, or without balances). */
  readonly unknown: Days;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date; null when it is not one. */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  // 2025-02-30 is not a date (Date.UTC would roll it over to March).
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

/** The first day of the window of `length` whole days that ends on `to` (YYYY-MM-DD); null when `to` is not a date. */
export function windowStart(to: string, length: Days): string | null {
  const last = dayNumber(to);
  return last === null ? null : new Date((last - Math.max(1, Math.round(length)) + 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * In-stock, out-of-stock and unknown days of the window [from, to] (inclusive), from `days` (any order;
 * one entry per date). #VALUE! when a date is not YYYY-MM-DD or `to` is before `from`.
 */
export function stockDays(days: readonly LedgerBalanceDay[], from: string, to: string): StockDays | CalcError {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === null) return valueError(messages.notIsoDate('from', from));
  if (last === null) return valueError(messages.notIsoDate('to', to));
  if (last < first) return valueError(messages.before('to', to, 'from', from));
  const byDay = new Map<number, LedgerBalanceDay>();
  for (const d of days) {
    const n = dayNumber(d.date);
    if (n === null) return valueError(messages.notIsoDate('a ledger date', String(d.date)));
    byDay.set(n, d);
  }
  const known = [...byDay.keys()].sort((a, b) => a - b);
  // The balance carried into the window: the last ending balance before it (null when none is known).
  let carried: number | null = null;
  for (const n of known) {
    if (n >= first) break;
    carried = byDay.get(n)!.end;
  }
  const ledgerStarts = known.length > 0 ? known[0] : Infinity;
  let inStock = 0;
  let outOfStock = 0;
  let unknown = 0;
  for (let n = first; n <= last; n++) {
    const row = byDay.get(n);
    const start = row ? row.start : n > ledgerStarts ? carried : null;
    if (start === null) unknown++;
    else if (start + (row ? row.receipts : 0) > 0) inStock++;
    else outOfStock++;
    if (row) carried = row.end;
  }
  return { inStock, outOfStock, unknown };
}
