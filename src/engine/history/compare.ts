/**
 * Compare two saved snapshots (`lumive compare --from DATE --to DATE`, the task pane's History tab):
 * per position its figures on both dates and the change, positions new or gone, and totals in the
 * reporting currency (converted with the current settings' rate). Days out of stock and lost revenue
 * between the two dates follow trends.ts (daysOutOfStock).
 */
import { isCalcError } from '../errors';
import { lostRevenue } from '../metrics/lost-revenue';
import type { Currency, Settings } from '../model';
import { toReporting } from '../analysis/money';
import { daysBetween, HistoryTable, historyKey, SNAPSHOT, snapshotDates, type HistoryRow } from './history';
import { daysOutOfStock } from './trend-rules';

export type CompareStatus = 'Both' | 'New' | 'Gone';

export interface CompareRow {
  readonly masterSku: string;
  readonly channel: string;
  readonly currency: string;
  readonly status: CompareStatus;
  readonly from: HistoryRow | null;
  readonly to: HistoryRow | null;
  readonly availableChange: number | null;
  readonly soldChange: number | null;
  /** (v_to − v_from) / v_from; null when v_from is 0 or unknown. */
  readonly velocityChange: number | null;
  readonly stockValueChange: number | null;
  readonly daysOutOfStock: number | null;
  readonly lostRevenue: number | null;
}

export interface CompareTotals {
  readonly positions: { readonly from: number; readonly to: number; readonly new: number; readonly gone: number };
  readonly available: { readonly from: number; readonly to: number };
  readonly sold: { readonly from: number; readonly to: number };
  /** Reporting currency. */
  readonly stockValue: { readonly from: number; readonly to: number };
  readonly revenue: { readonly from: number; readonly to: number };
  readonly lostRevenue: number;
  readonly daysBetween: number;
}

export interface Comparison {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly CompareRow[];
  readonly totals: CompareTotals;
}

/**
 * The snapshot date a user means: an exact saved date ("2026-10-31"), or a month ("2026-10": its latest
 * snapshot). Null when there is none.
 */
export function resolveSnapshotDate(dates: readonly string[], text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return dates.includes(t) ? t : null;
  if (/^\d{4}-\d{2}$/.test(t)) return [...dates].filter((d) => d.startsWith(t)).sort().at(-1) ?? null;
  return null;
}

const change = (a: number | null | undefined, b: number | null | undefined): number | null => (a === null || a === undefined || b === null || b === undefined ? null : b - a);

export function compareSnapshots(t: HistoryTable, from: string, to: string, s: Settings): Comparison {
  const at = new Map<string, { from?: number; to?: number }>();
  for (let i = 0; i < t.length; i++) {
    if (t.source[i] !== SNAPSHOT || (t.date[i] !== from && t.date[i] !== to)) continue;
    const key = historyKey(t.masterSku[i], t.channel[i]);
    const e = at.get(key) ?? {};
    if (t.date[i] === from) e.from = i;
    if (t.date[i] === to) e.to = i;
    at.set(key, e);
  }
  const days = daysBetween(from, to);
  const rows: CompareRow[] = [];
  const totals = { positions: { from: 0, to: 0, new: 0, gone: 0 }, available: { from: 0, to: 0 }, sold: { from: 0, to: 0 }, stockValue: { from: 0, to: 0 }, revenue: { from: 0, to: 0 }, lostRevenue: 0, daysBetween: days };
  const rep = (x: number | null, currency: string) => (x === null ? 0 : toReporting(x, currency as Currency, s));
  for (const e of at.values()) {
    const a = e.from === undefined ? null : t.row(e.from);
    const b = e.to === undefined ? null : t.row(e.to);
    const any = (a ?? b)!;
    const status: CompareStatus = a && b ? 'Both' : b ? 'New' : 'Gone';
    let oos: number | null = null;
    let lost: number | null = null;
    if (a && b && a.available !== null && b.available !== null && days > 0) {
      const v = a.velocity !== null && a.velocity > 0 ? a.velocity : (b.velocity ?? 0);
      oos = daysOutOfStock(days, a.available, b.available, v);
      const price = a.price ?? b.price;
      if (oos === 0) lost = 0;
      else if (price !== null) {
        const x = lostRevenue(oos, v, price);
        lost = isCalcError(x) ? null : x;
      }
    }
    rows.push({
      masterSku: any.masterSku,
      channel: any.channel,
      currency: any.currency,
      status,
      from: a,
      to: b,
      availableChange: change(a?.available, b?.available),
      soldChange: change(a?.sold, b?.sold),
      velocityChange: a?.velocity && b?.velocity !== null && b?.velocity !== undefined ? (b.velocity - a.velocity) / a.velocity : null,
      stockValueChange: change(a?.stockValue, b?.stockValue),
      daysOutOfStock: oos,
      lostRevenue: lost,
    });
    if (a) {
      totals.positions.from++;
      totals.available.from += a.available ?? 0;
      totals.sold.from += a.sold ?? 0;
      totals.stockValue.from += rep(a.stockValue, a.currency);
      totals.revenue.from += rep(a.revenue, a.currency);
    }
    if (b) {
      totals.positions.to++;
      totals.available.to += b.available ?? 0;
      totals.sold.to += b.sold ?? 0;
      totals.stockValue.to += rep(b.stockValue, b.currency);
      totals.revenue.to += rep(b.revenue, b.currency);
    }
    if (status === 'New') totals.positions.new++;
    if (status === 'Gone') totals.positions.gone++;
    totals.lostRevenue += rep(lost, any.currency);
  }
  rows.sort((x, y) => x.masterSku.localeCompare(y.masterSku) || x.channel.localeCompare(y.channel));
  return { from, to, rows, totals };
}

export { snapshotDates };
