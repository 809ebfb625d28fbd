/**
 * Trends from the snapshot history (PRODUCT.md, Trends sheet; FORMULAS.md, "Money": lost revenue).
 *
 * A position's history is a series of periods (months). Each period's figures:
 * - sales (units, revenue, velocity): the position's "Sales report" row of that month when the channel
 *   has dated sales in it (a position without a row sold nothing that month), else the latest snapshot
 *   of the month (its units sold over the report window);
 * - stock (available, inbound, DOI, stock value): the latest snapshot of the month; blank without one.
 * Periods without any row of the channel are skipped, not counted as zero: a month nobody saved is
 * unknown.
 *
 * Month over month: the last period against the one before it (named in the sheet, since a skipped
 * month makes it older than the calendar month before).
 *   change = (x_last − x_prev) / x_prev   (blank when x_prev = 0)
 * Trend, on velocity (units per day, so months of 28 and 31 days and a partial month compare fairly):
 *   Growth if change > +t, Decline if change < −t, Stable otherwise (t = trendThreshold, 20%: "beyond
 *   ± t", so exactly ±20% is Stable); compared by the threshold rule of metrics/compare.ts (a change
 *   within 1e-9 of ±t is ±t), so 5 → 6 units, +20% on paper and 0.20000000000000012 as computed, is
 *   Stable, and stays Stable after a spreadsheet saves the figures with 15 significant digits;
 *   "New demand" when the previous period sold nothing and the last did; "No sales" when neither did;
 *   "—" with fewer than two periods.
 *
 * Days out of stock between consecutive snapshots (dates d₁ < d₂, Δ = d₂ − d₁ days, A = available,
 * v = velocity at d₁, else at d₂; DOI₁ = A₁ / v):
 *   A₂ = 0:            out from the day the stock of d₁ ran out: clamp(Δ − DOI₁, 0, Δ)  (Δ when A₁ = 0)
 *   A₁ = 0 < A₂:       out at d₁ and restocked at an unknown day before d₂: Δ / 2 (the interval's midpoint)
 *   A₁ > 0 and A₂ > 0: 0 (a stockout that began and ended between two snapshots is not visible)
 *   v = 0:             0 (nothing was lost)
 *   lost revenue = daysOutOfStock × v × price (metrics/lost-revenue.ts), price at d₁, else at d₂.
 */
import { isCalcError } from '../errors';
import { above, below } from '../metrics/compare';
import { lostRevenue } from '../metrics/lost-revenue';
import { daysBetween, daysInMonth, HistoryTable, historyKey, SALES, SNAPSHOT, viewParts } from './history';
import { sparkline } from './sparkline';

export type Trend = 'Growth' | 'Stable' | 'Decline' | 'New demand' | 'No sales' | '—';

export const SPARK_PERIODS = 6;

export interface PeriodPoint {
  readonly period: string;
  readonly sold: number | null;
  readonly revenue: number | null;
  readonly velocity: number | null;
  readonly available: number | null;
  readonly inbound: number | null;
  readonly doi: number | null;
  readonly stockValue: number | null;
}

export interface TrendRow {
  readonly masterSku: string;
  readonly channel: string;
  readonly currency: string;
  /** Every period of the position, oldest first. */
  readonly points: readonly PeriodPoint[];
  readonly last: PeriodPoint | null;
  readonly previous: PeriodPoint | null;
  readonly salesChange: number | null;
  readonly velocityChange: number | null;
  /** Units of available stock gained (+) or lost (−) since the previous period. */
  readonly stockChange: number | null;
  readonly trend: Trend;
  /** Units sold over the last SPARK_PERIODS periods, and their sparkline. */
  readonly spark: readonly number[];
  readonly sparkline: string;
  /** Snapshots of the position (dates), oldest first. */
  readonly snapshots: number;
  /** Between the last two snapshots: days out of stock and the revenue lost (channel currency). */
  readonly daysOutOfStock: number | null;
  readonly lostRevenue: number | null;
  /** Over every pair of consecutive snapshots. */
  readonly daysOutOfStockTotal: number | null;
  readonly lostRevenueTotal: number | null;
}

/** The rows of each position, by historyKey, in table order. */
export function groupByPosition(t: HistoryTable): Map<string, number[]> {
  // By channel, then Master SKU: no key text is built per row (a history holds millions of rows, a
  // channel a handful of labels); one historyKey per position at the end, in order of first row.
  const byChannel = new Map<string, Map<string, number[]>>();
  const order: { channel: string; sku: string; rows: number[] }[] = [];
  let lastChannel: string | null = null;
  let skus: Map<string, number[]> | undefined;
  const scan = (part: HistoryTable, from: number, to: number, offset: number) => {
    const channels = part.channel;
    const masters = part.masterSku;
    for (let i = from; i < to; i++) {
      const channel = channels[i];
      if (channel !== lastChannel) {
        skus = byChannel.get(channel);
        if (!skus) byChannel.set(channel, (skus = new Map()));
        lastChannel = channel;
      }
      const sku = masters[i];
      const g = skus!.get(sku);
      if (g) g.push(i + offset);
      else {
        const rows = [i + offset];
        skus!.set(sku, rows);
        order.push({ channel, sku, rows });
      }
    }
  };
  const { head, rows, tail } = viewParts(t);
  scan(head, 0, rows, 0);
  scan(tail, 0, tail.length, rows);
  const groups = new Map<string, number[]>();
  for (const { channel, sku, rows: r } of order) {
    const key = historyKey(sku, channel);
    const g = groups.get(key);
    // Two labels can make the same key ("A|B" + "C" and "A" + "B|C"): their rows join, in table order.
    if (g) {
      for (const i of r) g.push(i);
      g.sort((a, b) => a - b);
    } else groups.set(key, r);
  }
  return groups;
}

/** Per channel label, the periods with dated sales ("Sales report" rows) and all its periods. */
export interface ChannelPeriods {
  readonly sales: ReadonlyMap<string, ReadonlySet<string>>;
  readonly all: ReadonlyMap<string, readonly string[]>;
}

export function channelPeriods(t: HistoryTable): ChannelPeriods {
  const sales = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  const scan = (part: HistoryTable, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ch = part.channel[i];
      const p = part.period[i];
      let a = all.get(ch);
      if (!a) all.set(ch, (a = new Set()));
      a.add(p);
      if (part.source[i] === SALES) {
        let s = sales.get(ch);
        if (!s) sales.set(ch, (s = new Set()));
        s.add(p);
      }
    }
  };
  const { head, rows, tail } = viewParts(t);
  scan(head, 0, rows);
  scan(tail, 0, tail.length);
  return { sales, all: new Map([...all].map(([ch, s]) => [ch, [...s].sort()])) };
}

const num = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * The period figures of one position (rows `idx` of `t`) over `periods` (its channel's, oldest first):
 * a period in which neither the position nor the rule above gives figures is absent.
 */
export function positionPoints(t: HistoryTable, idx: readonly number[], periods: readonly string[], salesPeriods: ReadonlySet<string> | undefined): PeriodPoint[] {
  const { head: h, rows: n0, tail: b } = viewParts(t);
  // Each row's period as its place in `periods` (one lookup per row, no map per position).
  const at = periodIndex(periods);
  const P = periods.length;
  if (salesRow.length < P) {
    salesRow = new Int32Array(Math.max(P, 2 * salesRow.length));
    snapRow = new Int32Array(salesRow.length);
  }
  salesRow.fill(-1, 0, P);
  snapRow.fill(-1, 0, P);
  for (const i of idx) {
    const k = at.get(i < n0 ? h.period[i] : b.period[i - n0]);
    if (k === undefined) continue;
    if ((i < n0 ? h.source[i] : b.source[i - n0]) === SALES) {
      if (salesRow[k] < 0) salesRow[k] = i;
    } else {
      const j = snapRow[k];
      if (j < 0 || (i < n0 ? h.date[i] : b.date[i - n0]) >= (j < n0 ? h.date[j] : b.date[j - n0])) snapRow[k] = i;
    }
  }
  const points: PeriodPoint[] = [];
  for (let q = 0; q < P; q++) {
    const p = periods[q];
    const r = at.get(p) as number; // q, or the first place of a period listed twice
    const s = salesRow[r] < 0 ? undefined : salesRow[r];
    const k = snapRow[r] < 0 ? undefined : snapRow[r];
    const dated = salesPeriods?.has(p) ?? false;
    if (s === undefined && k === undefined && !dated) continue;
    const salesFrom = s ?? (dated ? undefined : k);
    points.push({
      period: p,
      sold: salesFrom === undefined ? 0 : numAt(h.sold, b.sold, n0, salesFrom),
      revenue: salesFrom === undefined ? 0 : numAt(h.revenue, b.revenue, n0, salesFrom),
      velocity: salesFrom === undefined ? 0 : numAt(h.velocity, b.velocity, n0, salesFrom),
      available: k === undefined ? null : numAt(h.available, b.available, n0, k),
      inbound: k === undefined ? null : numAt(h.inbound, b.inbound, n0, k),
      doi: k === undefined ? null : numAt(h.doi, b.doi, n0, k),
      stockValue: k === undefined ? null : numAt(h.stockValue, b.stockValue, n0, k),
    });
  }
  return points;
}

/** Row i of a column of a view in two parts (viewParts), blank (NaN) as null. */
const numAt = (head: readonly number[], tail: readonly number[], n0: number, i: number): number | null => num(i < n0 ? head[i] : tail[i - n0]);

/** Per position of positionPoints: the first sales row and the latest snapshot row of each period (−1: none). Reused. */
let salesRow = new Int32Array(64);
let snapRow = new Int32Array(64);

/**
 * Period → its first place in a channel's periods, built once per array (the analysis passes the same
 * array for every position of a channel) and kept with a copy of the array, so one changed since is
 * indexed again.
 */
const periodIndexes = new WeakMap<readonly string[], { readonly copy: readonly string[]; readonly index: Map<string, number> }>();
function periodIndex(periods: readonly string[]): Map<string, number> {
  const known = periodIndexes.get(periods);
  if (known && known.copy.length === periods.length) {
    let same = true;
    for (let q = 0; q < periods.length && same; q++) same = known.copy[q] === periods[q];
    if (same) return known.index;
  }
  const index = new Map<string, number>();
  for (let q = 0; q < periods.length; q++) if (!index.has(periods[q])) index.set(periods[q], q);
  periodIndexes.set(periods, { copy: [...periods], index });
  return index;
}

const change = (last: number | null, prev: number | null): number | null => (last === null || prev === null || prev === 0 ? null : (last - prev) / prev);

export function classify(last: number | null, prev: number | null, threshold: number): Trend {
  if (last === null || prev === null) return '—';
  if (prev === 0) return last > 0 ? 'New demand' : 'No sales';
  const c = (last - prev) / prev;
  return above(c, threshold) ? 'Growth' : below(c, -threshold) ? 'Decline' : 'Stable';
}

/** Days out of stock between two snapshots (see the file comment); 0 when nothing sells. */
export function daysOutOfStock(days: number, a1: number, a2: number, v: number): number {
  if (!(days > 0) || !(v > 0)) return 0;
  if (a2 <= 0) return a1 <= 0 ? days : Math.min(days, Math.max(0, days - a1 / v));
  if (a1 <= 0) return days / 2;
  return 0;
}

interface Outage {
  readonly last: number | null;
  readonly lastLost: number | null;
  readonly total: number | null;
  readonly totalLost: number | null;
  readonly snapshots: number;
}

function outages(t: HistoryTable, idx: readonly number[]): Outage {
  const { head: h, rows: n0, tail: b } = viewParts(t);
  const dateOf = (i: number) => (i < n0 ? h.date[i] : b.date[i - n0]);
  const snaps: number[] = [];
  let sorted = true;
  for (const i of idx) {
    if ((i < n0 ? h.source[i] : b.source[i - n0]) !== SNAPSHOT || Number.isNaN(i < n0 ? h.available[i] : b.available[i - n0])) continue;
    if (snaps.length > 0 && dateOf(i) < dateOf(snaps[snaps.length - 1])) sorted = false;
    snaps.push(i);
  }
  // Rows are saved date after date, so they are usually in order already (the sort is stable either way).
  if (!sorted) snaps.sort((x, y) => (dateOf(x) < dateOf(y) ? -1 : dateOf(x) > dateOf(y) ? 1 : 0));
  if (snaps.length < 2) return { last: null, lastLost: null, total: null, totalLost: null, snapshots: snaps.length };
  let total = 0;
  let totalLost: number | null = 0;
  let last = 0;
  let lastLost: number | null = 0;
  for (let j = 1; j < snaps.length; j++) {
    const x = snaps[j - 1];
    const y = snaps[j];
    const v1 = numAt(h.velocity, b.velocity, n0, x);
    const v = v1 !== null && v1 > 0 ? v1 : (numAt(h.velocity, b.velocity, n0, y) ?? 0);
    const a1 = x < n0 ? h.available[x] : b.available[x - n0];
    const a2 = y < n0 ? h.available[y] : b.available[y - n0];
    const d = daysOutOfStock(daysBetween(dateOf(x), dateOf(y)), a1, a2, v);
    const price = numAt(h.price, b.price, n0, x) ?? numAt(h.price, b.price, n0, y);
    let lost: number | null = d === 0 ? 0 : null;
    if (d > 0 && price !== null) {
      const r = lostRevenue(d, v, price);
      lost = isCalcError(r) ? null : r;
    }
    total += d;
    totalLost = totalLost === null || lost === null ? null : totalLost + lost;
    last = d;
    lastLost = lost;
  }
  return { last, lastLost, total, totalLost, snapshots: snaps.length };
}

/**
 * The trend of one position: `idx` are its rows in `t`, `periods` its channel's periods (channelPeriods);
 * `points` when the caller already has them (positionPoints over the same rows).
 */
export function positionTrend(
  t: HistoryTable,
  idx: readonly number[],
  periods: readonly string[],
  salesPeriods: ReadonlySet<string> | undefined,
  threshold: number,
  points: readonly PeriodPoint[] = positionPoints(t, idx, periods, salesPeriods),
): TrendRow {
  const { head: h, rows: n0, tail: b } = viewParts(t);
  const i0 = idx[0];
  const first = i0 < n0 ? h : b;
  const r0 = i0 < n0 ? i0 : i0 - n0;
  const last = points.at(-1) ?? null;
  const previous = points.length >= 2 ? points[points.length - 2] : null;
  const spark = points.slice(-SPARK_PERIODS).map((p) => p.sold ?? 0);
  const out = outages(t, idx);
  return {
    masterSku: first.masterSku[r0],
    channel: first.channel[r0],
    currency: first.currency[r0],
    points,
    last,
    previous,
    salesChange: change(last?.sold ?? null, previous?.sold ?? null),
    velocityChange: change(last?.velocity ?? null, previous?.velocity ?? null),
    stockChange: last?.available !== null && last?.available !== undefined && previous?.available !== null && previous?.available !== undefined ? last.available - previous.available : null,
    trend: previous ? classify(last?.velocity ?? null, previous.velocity, threshold) : '—',
    spark,
    sparkline: spark.length > 0 ? sparkline(spark) : '',
    snapshots: out.snapshots,
    daysOutOfStock: out.last,
    lostRevenue: out.lastLost,
    daysOutOfStockTotal: out.total,
    lostRevenueTotal: out.totalLost,
  };
}

/**
 * Trends of the given positions (Master SKU and channel label) over a history; a position without any
 * history row gets none (absent from the map).
 */
export function trendsOf(t: HistoryTable, positions: readonly { readonly masterSku: string; readonly channel: string }[], threshold: number): Map<string, TrendRow> {
  const groups = groupByPosition(t);
  const periods = channelPeriods(t);
  const out = new Map<string, TrendRow>();
  for (const p of positions) {
    const key = historyKey(p.masterSku, p.channel);
    const idx = groups.get(key);
    if (!idx || out.has(key)) continue;
    out.set(key, positionTrend(t, idx, periods.all.get(p.channel) ?? [], periods.sales.get(p.channel), threshold));
  }
  return out;
}

/** Velocity of a sales month: units ÷ the days of the month the sales cover. */
export function monthVelocity(units: number, coveredDays: number): number {
  return coveredDays > 0 ? units / coveredDays : 0;
}

/** Days of month `period` inside [from, to] (epoch ms, whole UTC days); the whole month without a span. */
export function coveredDays(period: string, span: { readonly from: number; readonly to: number } | undefined): number {
  const total = daysInMonth(period);
  if (!span) return total;
  const [y, m] = period.split('-').map(Number);
  const day = 86_400_000;
  const start = Date.UTC(y, m - 1, 1) / day;
  const end = start + total - 1;
  const from = Math.max(start, Math.floor(span.from / day));
  const to = Math.min(end, Math.floor(span.to / day));
  return Math.max(0, to - from + 1);
}
