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
import type { Position } from '../model';
import { DAY_MS, monthDays } from '../calendar';
import { HistoryTable, SALES, SNAPSHOT } from './history';
import { coveredDays, monthVelocity } from './sales-months';

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
  /**
   * The rows of input position `i` in `view` are `positionRows[i]` … `positionRows[i + 1] − 1` (its
   * snapshot row, then its sales months). For positions one per Master SKU and channel, as the join
   * makes them, they are all of its history key's rows (history.ts, historyKey), so a caller can take
   * them instead of grouping the view (trends.ts, groupByPosition); null when channel labels could
   * make two positions one key.
   */
  readonly positionRows: Int32Array | null;
}

/** The month of the middle of a sales window of `days` days ending the day before `date`. */
function midMonth(date: string, days: number): string {
  const end = Date.parse(`${date}T00:00:00Z`);
  return new Date(end - ((days > 0 ? days : 30) / 2) * DAY_MS).toISOString().slice(0, 7);
}

/** A sales month of a channel: the days its dated sales cover and whether that is the whole month. */
interface Coverage {
  readonly days: number;
  readonly complete: boolean;
}

/**
 * The tables are written column by column into arrays of their final length (counted first): 100,000
 * positions make hundreds of thousands of rows, and a row object and fourteen growing arrays per row
 * cost more than the figures themselves. Per-channel and per-month facts (coverage, the snapshot
 * period) are worked out once, not per position.
 */
export function snapshotRows(input: SnapshotInput): SnapshotRows {
  const { date, positions } = input;
  const n = positions.length;
  // Channel id → month → its coverage, computed on first use (a channel has a handful of months).
  const coverage = new Map<string, Map<string, Coverage>>();
  const coverageOf = (channelId: string, month: string): Coverage => {
    let byMonth = coverage.get(channelId);
    if (!byMonth) coverage.set(channelId, (byMonth = new Map()));
    let c = byMonth.get(month);
    if (!c) {
      const days = coveredDays(month, input.spans.get(channelId));
      byMonth.set(month, (c = { days, complete: days === monthDays(month) }));
    }
    return c;
  };
  // First pass: each position's months in order, and the rows each table gets.
  const monthsOf: (readonly string[])[] = new Array(n);
  let viewRows = n;
  let saveRows = n;
  for (let i = 0; i < n; i++) {
    const p = positions[i].p;
    const months = Object.keys(p.salesByMonth);
    if (months.length > 1) months.sort();
    monthsOf[i] = months;
    viewRows += months.length;
    for (const month of months) if (coverageOf(p.channel.id, month).complete) saveRows++;
  }
  const view = sizedTable(viewRows);
  const save = sizedTable(saveRows);
  const positionRows = new Int32Array(n + 1);
  // The period of a snapshot without dated sales depends only on the window's days (the date is fixed).
  const midMonths = new Map<number, string>();
  // Positions are one per Master SKU and channel id (ingest/join.ts). They have distinct history keys
  // when no two channels share a label and no label holds "|" (historyKey joins with it); else the rows
  // are not vouched for.
  const labels = new Map<string, string>();
  let lastChannel: Position['channel'] | null = null;
  let distinct = true;
  let v = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const { p, velocity } = positions[i];
    const ch = p.channel;
    positionRows[i] = v;
    if (ch !== lastChannel) {
      const id = labels.get(ch.label);
      if (id === undefined) labels.set(ch.label, ch.id);
      if ((id !== undefined && id !== ch.id) || ch.label.includes('|')) distinct = false;
      lastChannel = ch;
    }
    const hasSales = input.withSales.has(ch.id);
    const channelMonths = input.months.get(ch.id);
    let period = channelMonths && channelMonths.length > 0 ? channelMonths[channelMonths.length - 1] : undefined;
    if (period === undefined) {
      period = midMonths.get(p.periodDays);
      if (period === undefined) midMonths.set(p.periodDays, (period = midMonth(date, p.periodDays)));
    }
    const available = Math.max(0, p.available);
    // As position-metrics.ts computes them: DOI = available / v (blank when v = 0), value = available × cost.
    const doi = velocity > 0 ? available / velocity : available > 0 ? NaN : 0;
    const snapshot: SnapshotFigures = {
      period,
      masterSku: p.masterSku,
      channel: ch.label,
      currency: ch.currency,
      available,
      inbound: Math.max(0, p.inbound),
      sold: hasSales ? Math.max(0, p.sold) : NaN,
      revenue: hasSales ? p.revenue : NaN,
      velocity: hasSales ? velocity : NaN,
      doi: hasSales ? doi : NaN,
      stockValue: p.cost !== null && p.cost >= 0 ? available * p.cost : NaN,
      price: p.price !== null && p.price >= 0 ? p.price : NaN,
    };
    putSnapshot(view, v++, date, snapshot);
    putSnapshot(save, w++, date, snapshot);
    for (const month of monthsOf[i]) {
      const s = p.salesByMonth[month];
      const c = coverageOf(ch.id, month);
      const monthly = monthVelocity(s.units, c.days);
      putSales(view, v++, date, month, p.masterSku, ch.label, ch.currency, s.units, s.revenue, monthly);
      if (c.complete) putSales(save, w++, date, month, p.masterSku, ch.label, ch.currency, s.units, s.revenue, monthly);
    }
  }
  positionRows[n] = v;
  return { view, save, positionRows: distinct ? positionRows : null };
}

/** A history table of `rows` rows, every column at its final length (filled by putSnapshot / putSales). */
function sizedTable(rows: number): HistoryTable {
  const t = new HistoryTable();
  t.date = new Array<string>(rows);
  t.period = new Array<string>(rows);
  t.source = new Array<number>(rows);
  t.masterSku = new Array<string>(rows);
  t.channel = new Array<string>(rows);
  t.currency = new Array<string>(rows);
  t.available = new Array<number>(rows);
  t.inbound = new Array<number>(rows);
  t.sold = new Array<number>(rows);
  t.revenue = new Array<number>(rows);
  t.velocity = new Array<number>(rows);
  t.doi = new Array<number>(rows);
  t.stockValue = new Array<number>(rows);
  t.price = new Array<number>(rows);
  return t;
}

/** A snapshot row's figures as the table stores them (a blank number is NaN). */
interface SnapshotFigures {
  readonly period: string;
  readonly masterSku: string;
  readonly channel: string;
  readonly currency: string;
  readonly available: number;
  readonly inbound: number;
  readonly sold: number;
  readonly revenue: number;
  readonly velocity: number;
  readonly doi: number;
  readonly stockValue: number;
  readonly price: number;
}

function putSnapshot(t: HistoryTable, i: number, date: string, f: SnapshotFigures): void {
  t.date[i] = date;
  t.period[i] = f.period;
  t.source[i] = SNAPSHOT;
  t.masterSku[i] = f.masterSku;
  t.channel[i] = f.channel;
  t.currency[i] = f.currency;
  t.available[i] = f.available;
  t.inbound[i] = f.inbound;
  t.sold[i] = f.sold;
  t.revenue[i] = f.revenue;
  t.velocity[i] = f.velocity;
  t.doi[i] = f.doi;
  t.stockValue[i] = f.stockValue;
  t.price[i] = f.price;
}

/** A "Sales report" row: no stock figures. */
function putSales(t: HistoryTable, i: number, date: string, period: string, masterSku: string, channel: string, currency: string, sold: number, revenue: number, velocity: number): void {
  t.date[i] = date;
  t.period[i] = period;
  t.source[i] = SALES;
  t.masterSku[i] = masterSku;
  t.channel[i] = channel;
  t.currency[i] = currency;
  t.available[i] = NaN;
  t.inbound[i] = NaN;
  t.sold[i] = sold;
  t.revenue[i] = revenue;
  t.velocity[i] = velocity;
  t.doi[i] = NaN;
  t.stockValue[i] = NaN;
  t.price[i] = NaN;
}
