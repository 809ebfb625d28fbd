/**
 * The analysis as history rows (history.ts): one "Snapshot" row per position on the analysis date, and
 * one "Sales report" row per position and month of its channel's dated sales.
 *
 * - `view`: every sales month, partial ones included, for this run's Trends and forecasts;
 * - `save`: what Save snapshot writes: the snapshot rows and the complete months only (a month the
 *   sales cover from its first to its last day, or a month named by an undated report such as a monthly
 *   Business Report). A partial month is left to a later import that covers it.
 * Velocity of a sales month = units ÷ days of the month the sales cover (trends.ts, monthVelocity).
 */
import type { Position } from '../ingest/join';
import { daysInMonth, HistoryTable, type HistoryRow } from './history';
import { coveredDays, monthVelocity } from './trends';

export interface SnapshotInput {
  /** Each position with its velocity (analysis/position-metrics.ts, positionVelocity). */
  readonly positions: readonly { readonly p: Position; readonly velocity: number }[];
  /** The analysis date, "YYYY-MM-DD". */
  readonly date: string;
  /** Channel ids with a sales report. */
  readonly withSales: ReadonlySet<string>;
  /** Channel id → its months with dated sales, oldest first (analysis/position-forecast.ts, channelMonths). */
  readonly months: ReadonlyMap<string, readonly string[]>;
  /** Channel id → span of its dated sales (ingest/join.ts). */
  readonly spans: ReadonlyMap<string, { readonly from: number; readonly to: number }>;
}

export interface SnapshotRows {
  readonly view: HistoryTable;
  readonly save: HistoryTable;
}

/** The month of the middle of a sales window of `days` days ending the day before `date`. */
function midMonth(date: string, days: number): string {
  const end = Date.parse(`${date}T00:00:00Z`);
  return new Date(end - ((days > 0 ? days : 30) / 2) * 86_400_000).toISOString().slice(0, 7);
}

export function snapshotRows(input: SnapshotInput): SnapshotRows {
  const view = new HistoryTable();
  const save = new HistoryTable();
  const { date } = input;
  const complete = new Map<string, boolean>();
  const covered = (channelId: string, month: string): number => {
    const days = coveredDays(month, input.spans.get(channelId));
    const key = `${channelId}|${month}`;
    if (!complete.has(key)) complete.set(key, days === daysInMonth(month));
    return days;
  };
  for (const { p, velocity } of input.positions) {
    const ch = p.channel;
    const hasSales = input.withSales.has(ch.id);
    const months = input.months.get(ch.id) ?? [];
    const available = Math.max(0, p.available);
    // As position-metrics.ts computes them: DOI = available / v (blank when v = 0), value = available × cost.
    const doi = velocity > 0 ? available / velocity : available > 0 ? null : 0;
    const snapshot: HistoryRow = {
      date,
      period: months.at(-1) ?? midMonth(date, p.periodDays),
      source: 'Snapshot',
      masterSku: p.masterSku,
      channel: ch.label,
      currency: ch.currency,
      available,
      inbound: Math.max(0, p.inbound),
      sold: hasSales ? Math.max(0, p.sold) : null,
      revenue: hasSales ? p.revenue : null,
      velocity: hasSales ? velocity : null,
      doi: hasSales ? doi : null,
      stockValue: p.cost !== null && p.cost >= 0 ? available * p.cost : null,
      price: p.price !== null && p.price >= 0 ? p.price : null,
    };
    view.push(snapshot);
    save.push(snapshot);
    for (const month of Object.keys(p.salesByMonth).sort()) {
      const s = p.salesByMonth[month];
      const days = covered(ch.id, month);
      const row: HistoryRow = {
        date,
        period: month,
        source: 'Sales report',
        masterSku: p.masterSku,
        channel: ch.label,
        currency: ch.currency,
        available: null,
        inbound: null,
        sold: s.units,
        revenue: s.revenue,
        velocity: monthVelocity(s.units, days),
        doi: null,
        stockValue: null,
        price: null,
      };
      view.push(row);
      if (complete.get(`${ch.id}|${month}`)) save.push(row);
    }
  }
  return { view, save };
}
