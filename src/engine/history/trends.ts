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
import { daysBetween, daysInMonth, HistoryTable, historyKey, SALES, SNAPSHOT, viewParts, type TableParts } from './history';
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
  /** Every period of the position, oldest first (positionTrend's are built when first read; periodCount counts them without). */
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

/**
 * The rows of each position, by historyKey, in table order (positionRows finds them by Master SKU and
 * channel label instead).
 */
export function groupByPosition(t: HistoryTable): Map<string, number[]> {
  return byKey(groupRows(t));
}

function byKey({ skuOf, channelOf, rowsOf }: GroupedRows): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let g = 0; g < rowsOf.length; g++) {
    const key = historyKey(skuOf[g], channelOf[g]);
    const r = rowsOf[g];
    const known = groups.get(key);
    // Two labels can make the same key ("A|B" + "C" and "A" + "B|C"): their rows join, in table order.
    if (known) {
      for (const i of r) known.push(i);
      known.sort((x, y) => x - y);
    } else groups.set(key, r);
  }
  return groups;
}

/** The rows of each position as groupByPosition gives them, found by Master SKU and channel label. */
export interface PositionRows {
  rows(masterSku: string, channel: string): number[] | undefined;
}

/**
 * groupByPosition for an analysis, which looks up 100,000s of positions: by channel, then Master SKU,
 * without a key text per lookup. Two positions share a historyKey only if a label holds its separator
 * "|": then (rarely) the lookups go through groupByPosition's keys, so they give the same rows.
 */
export function positionRows(t: HistoryTable): PositionRows {
  const grouped = groupRows(t);
  const { byChannel, skuOf, channelOf, rowsOf } = grouped;
  const bar = (x: string) => x.includes('|');
  if (skuOf.some(bar) || channelOf.some(bar)) {
    const groups = byKey(grouped);
    return { rows: (masterSku, channel) => groups.get(historyKey(masterSku, channel)) };
  }
  return {
    rows(masterSku, channel) {
      if (bar(masterSku) || bar(channel)) return undefined; // no label of the history holds "|": no key is the same
      const g = byChannel.get(channel)?.get(masterSku);
      return g === undefined ? undefined : rowsOf[g];
    },
  };
}

/** Every (channel, Master SKU) of a history in order of first row, with its rows in table order. */
interface GroupedRows {
  /** Channel → Master SKU → its place in the lists below. */
  readonly byChannel: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly channelOf: readonly string[];
  readonly skuOf: readonly string[];
  readonly rowsOf: readonly number[][];
}

/**
 * The GroupedRows of a history.
 *
 * A history holds millions of rows: no key text is built per row, and most rows are placed without a
 * lookup at all. It is saved snapshot after snapshot, each listing the positions in about the same
 * order, so a row's position is most often the one that followed, last time, the position of the row
 * before it: that guess is checked (Master SKU and channel), and only a wrong guess looks the position
 * up.
 */
function groupRows(t: HistoryTable): GroupedRows {
  const byChannel = new Map<string, Map<string, number>>();
  const channelOf: string[] = [];
  const skuOf: string[] = [];
  const rowsOf: number[][] = [];
  // Per place: the place of the row that followed its latest row (−1: none yet).
  const next: number[] = [];
  let previous = -1;
  const lookUp = (channel: string, sku: string): number => {
    let skus = byChannel.get(channel);
    if (!skus) byChannel.set(channel, (skus = new Map()));
    let g = skus.get(sku);
    if (g === undefined) {
      g = rowsOf.length;
      skus.set(sku, g);
      channelOf.push(channel);
      skuOf.push(sku);
      rowsOf.push([]);
      next.push(-1);
    }
    return g;
  };
  const scan = (part: HistoryTable, to: number, offset: number) => {
    const channels = part.channel;
    const masters = part.masterSku;
    for (let i = 0; i < to; i++) {
      const sku = masters[i];
      const channel = channels[i];
      let g = previous < 0 ? -1 : next[previous];
      if (g < 0 || skuOf[g] !== sku || channelOf[g] !== channel) g = lookUp(channel, sku);
      rowsOf[g].push(i + offset);
      if (previous >= 0) next[previous] = g;
      previous = g;
    }
  };
  const { head, rows, tail } = viewParts(t);
  scan(head, rows, 0);
  scan(tail, tail.length, rows);
  return { byChannel, channelOf, skuOf, rowsOf };
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
  const parts = viewParts(t);
  const index = periodIndex(periods);
  const n = selectPoints(parts, idx, index, salesPeriods);
  const points: PeriodPoint[] = new Array(n);
  for (let j = 0; j < n; j++) points[j] = pointOf(parts, index.copy[pointPlace[j]], pointSales[j], pointStock[j]);
  return points;
}

/** The point of `period` from its sales row `s` and snapshot row `k` in a view's two parts (−1: none; see selectPoints). */
function pointOf({ head: h, rows: n0, tail: b }: TableParts, period: string, s: number, k: number): PeriodPoint {
  return {
    period,
    sold: s < 0 ? 0 : num(s < n0 ? h.sold[s] : b.sold[s - n0]),
    revenue: s < 0 ? 0 : num(s < n0 ? h.revenue[s] : b.revenue[s - n0]),
    velocity: s < 0 ? 0 : num(s < n0 ? h.velocity[s] : b.velocity[s - n0]),
    available: k < 0 ? null : num(k < n0 ? h.available[k] : b.available[k - n0]),
    inbound: k < 0 ? null : num(k < n0 ? h.inbound[k] : b.inbound[k - n0]),
    doi: k < 0 ? null : num(k < n0 ? h.doi[k] : b.doi[k - n0]),
    stockValue: k < 0 ? null : num(k < n0 ? h.stockValue[k] : b.stockValue[k - n0]),
  };
}

/** Row i of a column of a view in two parts (viewParts), blank (NaN) as null. */
const numAt = (head: readonly number[], tail: readonly number[], n0: number, i: number): number | null => num(i < n0 ? head[i] : tail[i - n0]);

/** Per period of the position selectPoints works on: its first sales row and its latest snapshot row (−1: none). Reused. */
let salesRow = new Int32Array(64);
let snapRow = new Int32Array(64);
/**
 * Per point selectPoints found, oldest first: its place in the periods, the row of its sales figures
 * (−1: the position sold nothing that dated month, figures 0) and the row of its stock (−1: blank). Reused.
 */
let pointPlace = new Int32Array(64);
let pointSales = new Int32Array(64);
let pointStock = new Int32Array(64);
/** The LazyPoints whose points the scratch holds (null: positionPoints', or none). */
let selectedBy: LazyPoints | null = null;

/**
 * The points of one position (the file comment's rules) as rows of the view, into pointPlace, pointSales
 * and pointStock; returns how many. Rows only, no figures: positionPoints makes objects of them, and a
 * trend row reads the few it needs (LazyPoints: `by`, the one they are for).
 */
function selectPoints(
  { head: h, rows: n0, tail: b }: TableParts,
  idx: readonly number[],
  { copy: periods, index: at, first }: PeriodIndex,
  salesPeriods: ReadonlySet<string> | undefined,
  by: LazyPoints | null = null,
): number {
  const P = periods.length;
  if (salesRow.length < P) {
    const size = Math.max(P, 2 * salesRow.length);
    salesRow = new Int32Array(size);
    snapRow = new Int32Array(size);
    pointPlace = new Int32Array(size);
    pointSales = new Int32Array(size);
    pointStock = new Int32Array(size);
  }
  salesRow.fill(-1, 0, P);
  snapRow.fill(-1, 0, P);
  // Each row's period as its place in `periods` (no map per position). Rows are saved month after
  // month, so the place after the previous row's is tried first: a lookup only when it is not that one.
  let k = -1;
  for (const i of idx) {
    const period = i < n0 ? h.period[i] : b.period[i - n0];
    k = k + 1 < P && first[k + 1] === k + 1 && periods[k + 1] === period ? k + 1 : (at.get(period) ?? -1);
    if (k < 0) continue;
    if ((i < n0 ? h.source[i] : b.source[i - n0]) === SALES) {
      if (salesRow[k] < 0) salesRow[k] = i;
    } else {
      const j = snapRow[k];
      if (j < 0 || (i < n0 ? h.date[i] : b.date[i - n0]) >= (j < n0 ? h.date[j] : b.date[j - n0])) snapRow[k] = i;
    }
  }
  let n = 0;
  for (let q = 0; q < P; q++) {
    const r = first[q]; // q, or the first place of a period listed twice
    const s = salesRow[r];
    const k = snapRow[r];
    // Whether the channel has dated sales that month matters only without a sales row of the position.
    const dated = s < 0 && (salesPeriods?.has(periods[q]) ?? false);
    if (s < 0 && k < 0 && !dated) continue;
    pointPlace[n] = q;
    pointSales[n] = s >= 0 ? s : dated ? -1 : k;
    pointStock[n] = k;
    n++;
  }
  selectedBy = by;
  return n;
}

/** A channel's periods: a copy (the caller's array may change), each period's first place, and per place the first place of its period. */
interface PeriodIndex {
  readonly copy: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly first: Int32Array;
}

/**
 * Period → its first place in a channel's periods, built once per array (the analysis passes the same
 * array for every position of a channel) and kept with a copy of the array, so one changed since is
 * indexed again.
 */
const periodIndexes = new WeakMap<readonly string[], PeriodIndex>();
function periodIndex(periods: readonly string[]): PeriodIndex {
  const known = periodIndexes.get(periods);
  if (known && known.copy.length === periods.length) {
    let same = true;
    for (let q = 0; q < periods.length && same; q++) same = known.copy[q] === periods[q];
    if (same) return known;
  }
  const index = new Map<string, number>();
  const first = new Int32Array(periods.length);
  for (let q = 0; q < periods.length; q++) {
    if (!index.has(periods[q])) index.set(periods[q], q);
    first[q] = index.get(periods[q])!;
  }
  const made = { copy: [...periods], index, first };
  periodIndexes.set(periods, made);
  return made;
}

/**
 * The points of one position, built only when read: an analysis of 100,000 positions × 24 periods has
 * 2.4 million points, whose objects (or any copy of their figures) cost seconds of allocation and garbage
 * collection, while the analysis itself reads only the last two points, the last six units sold and the
 * units per month (positionTrend, soldPerMonth). What it keeps is what positionPoints needs: the view's
 * parts, the position's rows and its channel's periods (as indexed: a copy). So neither the history nor
 * the periods with dated sales given may change while the points may still be read (the analysis
 * changes neither).
 */
class LazyPoints {
  /** The points once built (toArray). */
  private built: PeriodPoint[] | null = null;

  /** How many points: selectPoints finds them at once, and leaves them in its scratch. */
  readonly length: number;

  constructor(
    private readonly parts: TableParts,
    private readonly idx: readonly number[],
    private readonly index: PeriodIndex,
    private readonly salesPeriods: ReadonlySet<string> | undefined,
  ) {
    this.length = selectPoints(parts, idx, index, salesPeriods, this);
  }

  /** Fills selectPoints' scratch with these points, unless it holds them already (positionTrend's call just before). */
  select(): void {
    if (selectedBy !== this) selectPoints(this.parts, this.idx, this.index, this.salesPeriods, this);
  }

  /** Point j (< length) of the scratch, after select(). */
  period(j: number): string {
    return this.index.copy[pointPlace[j]];
  }

  sold(j: number): number | null {
    const s = pointSales[j];
    const { head: h, rows: n0, tail: b } = this.parts;
    return s < 0 ? 0 : num(s < n0 ? h.sold[s] : b.sold[s - n0]);
  }

  point(j: number): PeriodPoint {
    return pointOf(this.parts, this.index.copy[pointPlace[j]], pointSales[j], pointStock[j]);
  }

  /** Every point, oldest first, built once; the last two are `previous` and `last` themselves (positionTrend's objects). */
  toArray(previous: PeriodPoint | null, last: PeriodPoint | null): PeriodPoint[] {
    if (this.built) return this.built;
    this.select();
    const n = this.length;
    const out: PeriodPoint[] = new Array(n);
    for (let j = 0; j < n - 2; j++) out[j] = this.point(j);
    if (n >= 2) out[n - 2] = previous!;
    if (n >= 1) out[n - 1] = last!;
    return (this.built = out);
  }
}

/** Where a trend row keeps its LazyPoints: a symbol, not enumerable, so neither JSON nor a deep comparison sees it. */
const LAZY_POINTS = Symbol('lazy points');

interface RowWithLazyPoints {
  readonly [LAZY_POINTS]: LazyPoints;
  readonly last: PeriodPoint | null;
  readonly previous: PeriodPoint | null;
}

const lazyOf = (t: TrendRow): LazyPoints | undefined => (t as Partial<RowWithLazyPoints>)[LAZY_POINTS];

/**
 * `points` of a trend row with LazyPoints: an enumerable getter (JSON, a spread and a deep comparison
 * read the points as from a plain row), one for every such row so they all share one shape.
 */
const LAZY_POINTS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RowWithLazyPoints): PeriodPoint[] {
    return this[LAZY_POINTS].toArray(this.previous, this.last);
  },
};

/** How many periods a trend row has (its points), without building the points it has not built yet. */
export function periodCount(t: TrendRow): number {
  return lazyOf(t)?.length ?? t.points.length;
}

/**
 * Units sold in each month of `span` from a position's history points (0 where it has none, and
 * without a trend row); both are short and in month order. The forecast's demand history.
 */
export function soldPerMonth(span: readonly string[], t: TrendRow | null): number[] {
  const out = new Array<number>(span.length).fill(0);
  if (!t) return out;
  const lazy = lazyOf(t);
  lazy?.select();
  const n = lazy ? lazy.length : t.points.length;
  const period = lazy ? (k: number) => lazy.period(k) : (k: number) => t.points[k].period;
  const sold = lazy ? (k: number) => lazy.sold(k) : (k: number) => t.points[k].sold;
  let k = 0;
  for (let j = 0; j < span.length && k < n; j++) {
    while (k < n && period(k) < span[j]) k++;
    if (k < n && period(k) === span[j]) out[j] = sold(k) ?? 0;
  }
  return out;
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

/** The snapshot rows (with stock) of the position outages works on. Reused. */
let snapshotRows = new Int32Array(64);

function outages(t: HistoryTable, idx: readonly number[]): Outage {
  const { head: h, rows: n0, tail: b } = viewParts(t);
  const dateOf = (i: number) => (i < n0 ? h.date[i] : b.date[i - n0]);
  if (snapshotRows.length < idx.length) snapshotRows = new Int32Array(Math.max(idx.length, 2 * snapshotRows.length));
  let m = 0;
  let sorted = true;
  let lastDate = '';
  for (const i of idx) {
    if ((i < n0 ? h.source[i] : b.source[i - n0]) !== SNAPSHOT || Number.isNaN(i < n0 ? h.available[i] : b.available[i - n0])) continue;
    const date = dateOf(i);
    if (m > 0 && date < lastDate) sorted = false;
    lastDate = date;
    snapshotRows[m++] = i;
  }
  if (m < 2) return { last: null, lastLost: null, total: null, totalLost: null, snapshots: m };
  // Rows are saved date after date, so they are usually in order already (the sort is stable either way).
  const snaps: ArrayLike<number> = sorted ? snapshotRows : Array.from(snapshotRows.subarray(0, m)).sort((x, y) => (dateOf(x) < dateOf(y) ? -1 : dateOf(x) > dateOf(y) ? 1 : 0));
  let total = 0;
  let totalLost: number | null = 0;
  let last = 0;
  let lastLost: number | null = 0;
  for (let j = 1; j < m; j++) {
    const x = snaps[j - 1];
    const y = snaps[j];
    const a1 = x < n0 ? h.available[x] : b.available[x - n0];
    const a2 = y < n0 ? h.available[y] : b.available[y - n0];
    // With stock at both snapshots nothing shows as lost (daysOutOfStock is 0): velocity, dates and
    // price are read only for the few pairs with a stockout.
    let d = 0;
    let lost: number | null = 0;
    if (a1 <= 0 || a2 <= 0) {
      const v1 = numAt(h.velocity, b.velocity, n0, x);
      const v = v1 !== null && v1 > 0 ? v1 : (numAt(h.velocity, b.velocity, n0, y) ?? 0);
      d = daysOutOfStock(daysBetween(dateOf(x), dateOf(y)), a1, a2, v);
      if (d > 0) {
        const price = numAt(h.price, b.price, n0, x) ?? numAt(h.price, b.price, n0, y);
        const r = price === null ? null : lostRevenue(d, v, price);
        lost = r === null || isCalcError(r) ? null : r;
      }
    }
    total += d;
    totalLost = totalLost === null || lost === null ? null : totalLost + lost;
    last = d;
    lastLost = lost;
  }
  return { last, lastLost, total, totalLost, snapshots: m };
}

/**
 * The trend of one position: `idx` are its rows in `t`, `periods` its channel's periods (channelPeriods);
 * `points` when the caller already has them (positionPoints over the same rows). Without them the row's
 * points are built when first read (LazyPoints): periodCount and soldPerMonth read it without building them.
 */
export function positionTrend(t: HistoryTable, idx: readonly number[], periods: readonly string[], salesPeriods: ReadonlySet<string> | undefined, threshold: number, points?: readonly PeriodPoint[]): TrendRow {
  const parts = viewParts(t);
  const { head: h, rows: n0, tail: b } = parts;
  const i0 = idx[0];
  const first = i0 < n0 ? h : b;
  const r0 = i0 < n0 ? i0 : i0 - n0;
  let lazy: LazyPoints | null = null;
  let last: PeriodPoint | null;
  let previous: PeriodPoint | null;
  let spark: number[];
  if (points) {
    last = points.at(-1) ?? null;
    previous = points.length >= 2 ? points[points.length - 2] : null;
    spark = points.slice(-SPARK_PERIODS).map((p) => p.sold ?? 0);
  } else {
    const s = (lazy = new LazyPoints(parts, idx, periodIndex(periods), salesPeriods));
    const n = s.length;
    last = n >= 1 ? s.point(n - 1) : null;
    previous = n >= 2 ? s.point(n - 2) : null;
    spark = [];
    for (let j = Math.max(0, n - SPARK_PERIODS); j < n; j++) spark.push(s.sold(j) ?? 0);
  }
  return new PositionTrendRow(first.masterSku[r0], first.channel[r0], first.currency[r0], lazy ?? points!, last, previous, spark, outages(t, idx), threshold);
}

/**
 * positionTrend's row. A class, so that every row has one shape with every field in the object itself
 * (an object literal given the lazy `points` getter first would then grow its property store field by
 * field: 100,000s of rows). Its fields are set in TrendRow's order, `points` among them as an enumerable
 * getter when the points are built on first read, so JSON, a spread or a deep comparison see a plain
 * trend row.
 */
class PositionTrendRow implements TrendRow {
  declare readonly masterSku: string;
  declare readonly channel: string;
  declare readonly currency: string;
  declare readonly points: readonly PeriodPoint[];
  declare readonly last: PeriodPoint | null;
  declare readonly previous: PeriodPoint | null;
  declare readonly salesChange: number | null;
  declare readonly velocityChange: number | null;
  declare readonly stockChange: number | null;
  declare readonly trend: Trend;
  declare readonly spark: readonly number[];
  declare readonly sparkline: string;
  declare readonly snapshots: number;
  declare readonly daysOutOfStock: number | null;
  declare readonly lostRevenue: number | null;
  declare readonly daysOutOfStockTotal: number | null;
  declare readonly lostRevenueTotal: number | null;

  constructor(masterSku: string, channel: string, currency: string, points: readonly PeriodPoint[] | LazyPoints, last: PeriodPoint | null, previous: PeriodPoint | null, spark: number[], out: Outage, threshold: number) {
    this.masterSku = masterSku;
    this.channel = channel;
    this.currency = currency;
    if (points instanceof LazyPoints) {
      Object.defineProperty(this, 'points', LAZY_POINTS_PROPERTY);
      Object.defineProperty(this, LAZY_POINTS, { value: points });
    } else this.points = points;
    this.last = last;
    this.previous = previous;
    this.salesChange = change(last?.sold ?? null, previous?.sold ?? null);
    this.velocityChange = change(last?.velocity ?? null, previous?.velocity ?? null);
    this.stockChange = last?.available !== null && last?.available !== undefined && previous?.available !== null && previous?.available !== undefined ? last.available - previous.available : null;
    this.trend = previous ? classify(last?.velocity ?? null, previous.velocity, threshold) : '—';
    this.spark = spark;
    this.sparkline = spark.length > 0 ? sparkline(spark) : '';
    this.snapshots = out.snapshots;
    this.daysOutOfStock = out.last;
    this.lostRevenue = out.lastLost;
    this.daysOutOfStockTotal = out.total;
    this.lostRevenueTotal = out.totalLost;
  }
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
