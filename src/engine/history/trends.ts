/**
 * Trends from the snapshot history (docs/PRODUCT.md, Trends sheet; docs/FORMULAS.md, "Money": lost revenue).
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
import { lostRevenue } from '../metrics/lost-revenue';
import { DAY_MS } from '../calendar';
import { channelPeriods, periodIndex, type PeriodIndex } from './channel-periods';
import { daysBetween, HistoryTable, historyKey, SALES, SNAPSHOT, viewParts, type TableParts } from './history';
import { groupByPosition } from './position-rows';
import { CODE_BLANK, CODE_OUT, CODE_SALES, CODE_SNAPSHOT, codesOf, ORDINAL, type RowCodes } from './row-codes';
import { sparkline } from './sparkline';
import { change, classify, daysOutOfStock } from './trend-rules';

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
  /** Every period of the position, oldest first (positionTrend's, as its last and previous, are built when read; periodCount counts them without). */
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

const num = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Rows of a position in the scratch selectPoints reads (positionPoints': the caller's array may be any). Reused. */
let idxRows = new Int32Array(64);

/**
 * The period figures of one position (rows `idx` of `t`) over `periods` (its channel's, oldest first):
 * a period in which neither the position nor the rule above gives figures is absent.
 */
export function positionPoints(t: HistoryTable, idx: readonly number[], periods: readonly string[], salesPeriods: ReadonlySet<string> | undefined): PeriodPoint[] {
  const parts = viewParts(t);
  const index = periodIndex(periods);
  if (idxRows.length < idx.length) idxRows = new Int32Array(Math.max(idx.length, 2 * idxRows.length));
  for (let k = 0; k < idx.length; k++) idxRows[k] = idx[k];
  const n = selectPoints(parts, idxRows, 0, idx.length, index, salesPeriods, null, false);
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
export let pointPlace = new Int32Array(64);
let pointSales = new Int32Array(64);
let pointStock = new Int32Array(64);
/** Per point, units sold as the spark and soldPerMonth count them (blank as 0); filled by soldOfPoints. Reused. */
export let pointSold = new Float64Array(64);
/** The LazyPoints whose points the scratch holds (null: positionPoints', or none), and whether pointSold holds theirs. */
let selectedBy: LazyPoints | null = null;
let soldFilled = false;
/**
 * The snapshot rows with stock of the position selectPoints worked on (when asked for them: outages),
 * in table order, each with 1 when it is out of stock (available ≤ 0), else 0; whether their dates are in
 * order. Reused.
 */
let snapshotRows = new Int32Array(64);
let snapshotOut = new Uint8Array(64);
let snapshotCount = 0;
let snapshotsSorted = true;

/**
 * The points of one position (the file comment's rules) as rows of the view, into pointPlace, pointSales
 * and pointStock; returns how many. Rows only, no figures: positionPoints makes objects of them, and a
 * trend row reads the few it needs (LazyPoints: `by`, the one they are for). With `stock`, it also lists
 * the position's snapshot rows with stock for outages, in the same pass over the rows (each row's
 * figures are far apart in memory: a history holds millions of rows).
 */
function selectPoints(
  { head: h, rows: n0, tail: b }: TableParts,
  idx: Int32Array,
  from: number,
  to: number,
  { copy: periods, index: at, first }: PeriodIndex,
  salesPeriods: ReadonlySet<string> | undefined,
  by: LazyPoints | null,
  stock: boolean,
): number {
  const P = periods.length;
  fitScratch(P, stock ? to - from : 0);
  const hPeriod = h.period;
  const bPeriod = b.period;
  const hSource = h.source;
  const bSource = b.source;
  const hDate = h.date;
  const bDate = b.date;
  const hAvailable = h.available;
  const bAvailable = b.available;
  let m = 0;
  let sorted = true;
  let lastDate = '';
  // Each row's period as its place in `periods` (no map per position). Rows are saved month after
  // month, so the place after the previous row's is tried first: a lookup only when it is not that one.
  let k = -1;
  for (let r = from; r < to; r++) {
    const i = idx[r];
    const inHead = i < n0;
    const period = inHead ? hPeriod[i] : bPeriod[i - n0];
    k = k + 1 < P && first[k + 1] === k + 1 && periods[k + 1] === period ? k + 1 : (at.get(period) ?? -1);
    const source = inHead ? hSource[i] : bSource[i - n0];
    if (source === SALES) {
      if (k >= 0 && salesRow[k] < 0) salesRow[k] = i;
      continue;
    }
    let date: string | null = null;
    if (k >= 0) {
      const j = snapRow[k];
      if (j < 0) snapRow[k] = i;
      else if ((date = inHead ? hDate[i] : bDate[i - n0]) >= (j < n0 ? hDate[j] : bDate[j - n0])) snapRow[k] = i;
    }
    if (stock && source === SNAPSHOT) {
      const a = inHead ? hAvailable[i] : bAvailable[i - n0];
      if (Number.isNaN(a)) continue;
      date ??= inHead ? hDate[i] : bDate[i - n0];
      if (m > 0 && date < lastDate) sorted = false;
      lastDate = date;
      snapshotRows[m] = i;
      snapshotOut[m] = a <= 0 ? 1 : 0;
      m++;
    }
  }
  if (stock) {
    snapshotCount = m;
    snapshotsSorted = sorted;
  }
  return collectPoints(periods, first, salesPeriods, by);
}

/** Sizes the scratch for `periods` periods and `rows` rows listed for outages. */
function fitScratch(periods: number, rows: number): void {
  if (salesRow.length < periods) {
    const size = Math.max(periods, 2 * salesRow.length);
    salesRow = new Int32Array(size);
    snapRow = new Int32Array(size);
    pointPlace = new Int32Array(size);
    pointSales = new Int32Array(size);
    pointStock = new Int32Array(size);
    pointSold = new Float64Array(size);
  }
  if (snapshotRows.length < rows) {
    const size = Math.max(rows, 2 * snapshotRows.length);
    snapshotRows = new Int32Array(size);
    snapshotOut = new Uint8Array(size);
  }
  salesRow.fill(-1, 0, periods);
  snapRow.fill(-1, 0, periods);
}

/** The points, from salesRow and snapRow as a selection filled them, into pointPlace, pointSales and pointStock; how many. */
function collectPoints(periods: readonly string[], first: Int32Array, salesPeriods: ReadonlySet<string> | undefined, by: LazyPoints | null): number {
  let n = 0;
  for (let q = 0; q < periods.length; q++) {
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
  soldFilled = false;
  return n;
}

/**
 * selectPoints (with `stock`) over a view's RowCodes: the same points and snapshot rows, dates compared
 * by their ranks. `placeOf`: per period ordinal, its first place in the channel's periods (−1: none).
 */
function selectCoded({ code, dateRank }: RowCodes, placeOf: Int32Array, idx: Int32Array, from: number, to: number, { copy: periods, first }: PeriodIndex, salesPeriods: ReadonlySet<string> | undefined, by: LazyPoints | null): number {
  fitScratch(periods.length, to - from);
  let m = 0;
  let sorted = true;
  let lastRank = -1;
  for (let r = from; r < to; r++) {
    const i = idx[r];
    const c = code[i];
    const k = placeOf[c & ORDINAL];
    const source = (c >>> 26) & 3;
    if (source === CODE_SALES) {
      if (k >= 0 && salesRow[k] < 0) salesRow[k] = i;
      continue;
    }
    const rank = dateRank[(c >>> 13) & ORDINAL];
    if (k >= 0) {
      const j = snapRow[k];
      if (j < 0 || rank >= dateRank[(code[j] >>> 13) & ORDINAL]) snapRow[k] = i;
    }
    const stock = c >>> 28;
    if (source === CODE_SNAPSHOT && stock !== CODE_BLANK) {
      if (m > 0 && rank < lastRank) sorted = false;
      lastRank = rank;
      snapshotRows[m] = i;
      snapshotOut[m] = stock === CODE_OUT ? 1 : 0;
      m++;
    }
  }
  snapshotCount = m;
  snapshotsSorted = sorted;
  return collectPoints(periods, first, salesPeriods, by);
}

/** Fills pointSold for the `n` points in the scratch. */
function soldOfPoints({ head: h, rows: n0, tail: b }: TableParts, n: number): void {
  const hSold = h.sold;
  const bSold = b.sold;
  for (let j = 0; j < n; j++) {
    const s = pointSales[j];
    const x = s < 0 ? 0 : s < n0 ? hSold[s] : bSold[s - n0];
    pointSold[j] = Number.isNaN(x) ? 0 : x;
  }
  soldFilled = true;
}

/** What the points of the positions of one channel of one view are read from (LazyPoints): shared by those positions. */
interface PointSource {
  readonly parts: TableParts;
  readonly index: PeriodIndex;
  readonly salesPeriods: ReadonlySet<string> | undefined;
  /** The view's RowCodes (null: none), and per period ordinal of them its first place in the channel's periods. */
  readonly codes: RowCodes | null;
  readonly placeOf: Int32Array | null;
}

/**
 * The latest PointSources, of one view, at most RECENT_SOURCES (an analysis asks position by position, of a
 * few channels); those of another view are let go, so no more than the latest view is held here.
 */
const RECENT_SOURCES = 8;
const recentSources: PointSource[] = [];
const sameParts = (a: TableParts, b: TableParts): boolean => a.head === b.head && a.rows === b.rows && a.tail === b.tail;

/** The PointSource of these, a recent one when it is the same. */
function pointSource(t: HistoryTable, parts: TableParts, index: PeriodIndex, salesPeriods: ReadonlySet<string> | undefined): PointSource {
  for (const s of recentSources) if (s.index === index && s.salesPeriods === salesPeriods && sameParts(s.parts, parts)) return s;
  if (recentSources.length > 0 && !sameParts(recentSources[0].parts, parts)) recentSources.length = 0;
  const codes = codesOf(t, parts);
  const placeOf = codes ? Int32Array.from(codes.periods, (p) => index.index.get(p) ?? -1) : null;
  const made = { parts, index, salesPeriods, codes, placeOf };
  if (recentSources.unshift(made) > RECENT_SOURCES) recentSources.pop();
  return made;
}

/** The points of rows `from` … `to` − 1 of `idx` (selectPoints), from the view's RowCodes when it has them. */
function selectFrom(source: PointSource, idx: Int32Array, from: number, to: number, by: LazyPoints | null, stock: boolean): number {
  const { parts, index, salesPeriods, codes, placeOf } = source;
  return codes ? selectCoded(codes, placeOf!, idx, from, to, index, salesPeriods, by) : selectPoints(parts, idx, from, to, index, salesPeriods, by, stock);
}

/**
 * Where LazyPoints keep what they read: the rows of their positions, each followed by the rows of its
 * last two points (LAST_ROWS), copied into blocks of ROW_BLOCK numbers shared by consecutive positions
 * (an array per position would be 100,000s of arrays for the garbage collector to trace and move, and
 * hold a caller's array that may change).
 */
const ROW_BLOCK = 1 << 16;
/** Per last point (the previous one, then the last): its place in the periods (−1: none), sales row and stock row. */
const LAST_ROWS = 6;
let rowBlock = new Int32Array(ROW_BLOCK);
let rowBlockUsed = 0;

/**
 * The points of one position, built only when read: an analysis of 100,000 positions × 24 periods has
 * 2.4 million points, whose objects (or any copy of their figures) cost seconds of allocation and garbage
 * collection, while the analysis itself reads only the figures of the last two points, the last six units
 * sold and the units per month (positionTrend, soldPerMonth). `last` and `previous` too are built when read
 * (only the Trends sheet reads them, row by row; an object each, with boxed numbers, is 100s of bytes a
 * row kept): lastPoint keeps the latest row's, and once `points` is built they are its last two.
 *
 * What it keeps is what positionPoints needs: the view's parts and its channel's periods (as indexed: a
 * copy), shared by the positions of the channel, and a copy of the position's rows in a block. So neither
 * the history nor the periods with dated sales given may change while the points may still be read (the
 * analysis changes neither).
 */
class LazyPoints {
  /** The points once built (toArray). */
  private built: PeriodPoint[] | null = null;

  /**
   * `rows[from … to − 1]` are the position's rows, `rows[to … to + LAST_ROWS − 1]` those of its last two
   * points; `length` points, which selectPoints has just found (positionTrend), and left in its scratch.
   */
  constructor(
    private readonly source: PointSource,
    private readonly rows: Int32Array,
    private readonly from: number,
    private readonly to: number,
    readonly length: number,
  ) {
    for (let j = 0; j < 2; j++) {
      const p = length - 2 + j;
      const at = to + 3 * j;
      rows[at] = p < 0 ? -1 : pointPlace[p];
      rows[at + 1] = p < 0 ? -1 : pointSales[p];
      rows[at + 2] = p < 0 ? -1 : pointStock[p];
    }
  }

  /** Fills selectPoints' scratch with these points, unless it holds them already (positionTrend's call just before). */
  select(): void {
    if (selectedBy !== this) selectFrom(this.source, this.rows, this.from, this.to, this, false);
  }

  /** select(), and the units sold of every point in pointSold. */
  selectSold(): void {
    this.select();
    if (!soldFilled) soldOfPoints(this.source.parts, this.length);
  }

  /** The channel's periods the points are of. */
  periods(): PeriodIndex {
    return this.source.index;
  }

  /** Period of point j (< length) of the scratch, after select(). */
  period(j: number): string {
    return this.source.index.copy[pointPlace[j]];
  }

  /**
   * The last point (back = 1) or the one before it (back = 2), or null: `points`' once built, else built,
   * and kept until the other row's is asked for (the Trends sheet reads four figures of each, row by row).
   */
  lastPoint(back: 1 | 2): PeriodPoint | null {
    if (this.length < back) return null;
    if (this.built) return this.built[this.length - back];
    if (shownBy[back - 1] === this) return shown[back - 1];
    const at = this.to + 3 * (2 - back);
    const rows = this.rows;
    const point = pointOf(this.source.parts, this.source.index.copy[rows[at]], rows[at + 1], rows[at + 2]);
    shownBy[back - 1] = this;
    shown[back - 1] = point;
    return point;
  }

  /** Every point, oldest first, built once. */
  toArray(): PeriodPoint[] {
    if (this.built) return this.built;
    const n = this.length;
    const out: PeriodPoint[] = new Array(n);
    if (n > 0) {
      this.select();
      const { parts, index } = this.source;
      for (let j = 0; j < n; j++) out[j] = pointOf(parts, index.copy[pointPlace[j]], pointSales[j], pointStock[j]);
    }
    return (this.built = out);
  }
}

/** The last point and the one before it last built by LazyPoints.lastPoint, and for which. */
const shownBy: (LazyPoints | null)[] = [null, null];
const shown: (PeriodPoint | null)[] = [null, null];

/** Where a trend row keeps its LazyPoints: a symbol, not enumerable, so neither JSON nor a deep comparison sees it. */
const LAZY_POINTS = Symbol('lazy points');

interface RowWithLazyPoints {
  readonly [LAZY_POINTS]: LazyPoints;
}

export const lazyOf = (t: TrendRow): LazyPoints | undefined => (t as Partial<RowWithLazyPoints>)[LAZY_POINTS];

/**
 * `points`, `last` and `previous` of a trend row with LazyPoints: enumerable getters (JSON, a spread and a
 * deep comparison read them as from a plain row), the same for every such row so they all share one shape.
 * (Defined one by one: Object.defineProperties with the three took half as long again.)
 */
const lazyGetter = <T>(get: (this: RowWithLazyPoints) => T): PropertyDescriptor => ({ enumerable: true, configurable: true, get });
const POINTS_PROPERTY = lazyGetter(function () {
  return this[LAZY_POINTS].toArray();
});
const LAST_PROPERTY = lazyGetter(function () {
  return this[LAZY_POINTS].lastPoint(1);
});
const PREVIOUS_PROPERTY = lazyGetter(function () {
  return this[LAZY_POINTS].lastPoint(2);
});

/** How many periods a trend row has (its points), without building the points it has not built yet. */
export function periodCount(t: TrendRow): number {
  return lazyOf(t)?.length ?? t.points.length;
}

/** What outages found: between the last two snapshots, over all of them, and how many. Reused. */
let outLast: number | null = null;
let outLastLost: number | null = null;
let outTotal: number | null = null;
let outTotalLost: number | null = null;

/**
 * The outages of the position whose snapshot rows selectPoints listed last (snapshotRows), into outLast …
 * outTotalLost; days between dates from `codes` when they were listed from them.
 */
function outages({ head: h, rows: n0, tail: b }: TableParts, codes: RowCodes | null): void {
  const m = snapshotCount;
  if (m < 2) {
    outLast = outLastLost = outTotal = outTotalLost = null;
    return;
  }
  const snaps = snapshotRows;
  const out = snapshotOut;
  // Rows are saved date after date, so they are usually in order already (the sort is stable either way).
  if (!snapshotsSorted) {
    const dateOf = (i: number) => (i < n0 ? h.date[i] : b.date[i - n0]);
    const sorted = Array.from(snaps.subarray(0, m)).sort((x, y) => (dateOf(x) < dateOf(y) ? -1 : dateOf(x) > dateOf(y) ? 1 : 0));
    for (let j = 0; j < m; j++) {
      const i = sorted[j];
      snaps[j] = i;
      out[j] = (i < n0 ? h.available[i] : b.available[i - n0]) <= 0 ? 1 : 0;
    }
  }
  // Columns read here in plain loads, not through closures: this runs per position.
  const hVelocity = h.velocity;
  const bVelocity = b.velocity;
  const hPrice = h.price;
  const bPrice = b.price;
  // Sums kept as plain numbers with a flag for "unknown" (a number-or-null sum is a new boxed number per pair).
  let total = 0;
  let totalLost = 0;
  let totalLostKnown = true;
  let last = 0;
  let lastLost = 0;
  let lastLostKnown = true;
  for (let j = 1; j < m; j++) {
    // With stock at both snapshots nothing shows as lost (daysOutOfStock is 0): stock, velocity, dates and
    // price are read only for the few pairs with a stockout.
    let d = 0;
    let lost = 0;
    let lostKnown = true;
    if (out[j - 1] !== 0 || out[j] !== 0) {
      const x = snaps[j - 1];
      const y = snaps[j];
      // The velocity at x when above 0, else at y (blank as 0).
      const v1 = x < n0 ? hVelocity[x] : bVelocity[x - n0];
      const v2 = v1 > 0 ? v1 : y < n0 ? hVelocity[y] : bVelocity[y - n0];
      const v = v1 > 0 ? v1 : Number.isNaN(v2) ? 0 : v2;
      const days = codes
        ? Math.round((codes.dateMs[(codes.code[y] >>> 13) & ORDINAL] - codes.dateMs[(codes.code[x] >>> 13) & ORDINAL]) / DAY_MS)
        : daysBetween(x < n0 ? h.date[x] : b.date[x - n0], y < n0 ? h.date[y] : b.date[y - n0]);
      // Whether a snapshot was out of stock is known (snapshotOut); a figure is read only where
      // daysOutOfStock uses it: the stock before a stockout (0 stands for any stock ≤ 0, 1 for any above).
      const a2 = out[j] !== 0 ? 0 : 1;
      const a1 = out[j - 1] !== 0 ? 0 : a2 === 0 ? (x < n0 ? h.available[x] : b.available[x - n0]) : 1;
      d = daysOutOfStock(days, a1, a2, v);
      if (d > 0) {
        const price = numAt(hPrice, bPrice, n0, x) ?? numAt(hPrice, bPrice, n0, y);
        const r = price === null ? null : lostRevenue(d, v, price);
        if (r === null || isCalcError(r)) lostKnown = false;
        else lost = r;
      }
    }
    total += d;
    if (!lostKnown) totalLostKnown = false;
    else if (totalLostKnown) totalLost += lost;
    last = d;
    lastLost = lost;
    lastLostKnown = lostKnown;
  }
  outLast = last;
  outLastLost = lastLostKnown ? lastLost : null;
  outTotal = total;
  outTotalLost = totalLostKnown ? totalLost : null;
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
  const index = periodIndex(periods);
  // The position's rows, where selectPoints reads them: a LazyPoints' block (with room for the rows of its last two points), or the scratch.
  const n = idx.length;
  let rows: Int32Array;
  let from = 0;
  if (points) {
    if (idxRows.length < n) idxRows = new Int32Array(Math.max(n, 2 * idxRows.length));
    rows = idxRows;
  } else {
    if (rowBlockUsed + n + LAST_ROWS > rowBlock.length) {
      rowBlock = new Int32Array(Math.max(ROW_BLOCK, n + LAST_ROWS));
      rowBlockUsed = 0;
    }
    rows = rowBlock;
    from = rowBlockUsed;
    rowBlockUsed += n + LAST_ROWS;
  }
  for (let k = 0; k < n; k++) rows[from + k] = idx[k];
  // The points (given, or found as rows) and the snapshot rows with stock for outages, in one pass over the rows.
  const source = pointSource(t, parts, index, salesPeriods);
  const count = selectFrom(source, rows, from, from + n, null, true);
  outages(parts, source.codes);
  let last: PeriodPoint | null = null;
  let previous: PeriodPoint | null = null;
  let lastSold: number | null;
  let lastVelocity: number | null;
  let lastAvailable: number | null;
  let previousSold: number | null;
  let previousVelocity: number | null;
  let previousAvailable: number | null;
  let spark: number[];
  let lazy: LazyPoints | null = null;
  if (points) {
    last = points.at(-1) ?? null;
    previous = points.length >= 2 ? points[points.length - 2] : null;
    lastSold = last?.sold ?? null;
    lastVelocity = last?.velocity ?? null;
    lastAvailable = last?.available ?? null;
    previousSold = previous?.sold ?? null;
    previousVelocity = previous?.velocity ?? null;
    previousAvailable = previous?.available ?? null;
    spark = points.slice(-SPARK_PERIODS).map((p) => p.sold ?? 0);
  } else {
    lazy = new LazyPoints(source, rows, from, from + n, count);
    selectedBy = lazy; // the scratch holds its points
    // The figures of the last two points the row's own fields need, read as pointOf reads them, without building the points.
    const l = count - 1;
    const p = count - 2;
    lastSold = l < 0 ? null : soldAt(parts, pointSales[l]);
    lastVelocity = l < 0 ? null : pointSales[l] < 0 ? 0 : numAt(h.velocity, b.velocity, n0, pointSales[l]);
    lastAvailable = l < 0 || pointStock[l] < 0 ? null : numAt(h.available, b.available, n0, pointStock[l]);
    previousSold = p < 0 ? null : soldAt(parts, pointSales[p]);
    previousVelocity = p < 0 ? null : pointSales[p] < 0 ? 0 : numAt(h.velocity, b.velocity, n0, pointSales[p]);
    previousAvailable = p < 0 || pointStock[p] < 0 ? null : numAt(h.available, b.available, n0, pointStock[p]);
    // Every point's units (soldPerMonth, called next by an analysis, reads them too); the spark, the last few.
    soldOfPoints(parts, count);
    const s = Math.max(0, count - SPARK_PERIODS);
    spark = new Array<number>(count - s);
    for (let j = s; j < count; j++) spark[j - s] = pointSold[j];
  }
  const hasPrevious = (points ? points.length : count) >= 2;
  return new PositionTrendRow(
    first.masterSku[r0],
    first.channel[r0],
    first.currency[r0],
    lazy ?? points!,
    last,
    previous,
    change(lastSold, previousSold),
    change(lastVelocity, previousVelocity),
    lastAvailable !== null && previousAvailable !== null ? lastAvailable - previousAvailable : null,
    hasPrevious ? classify(lastVelocity, previousVelocity, threshold) : '—',
    spark,
  );
}

/** Units sold of sales row `s` (−1: none, 0), blank as null, as pointOf reads them. */
const soldAt = ({ head: h, rows: n0, tail: b }: TableParts, s: number): number | null => (s < 0 ? 0 : numAt(h.sold, b.sold, n0, s));

/**
 * positionTrend's row. A class, so that every row has one shape with every field in the object itself
 * (an object literal given the lazy getters first would then grow its property store field by field:
 * 100,000s of rows). Its fields are set in TrendRow's order, `points`, `last` and `previous` among them as
 * enumerable getters when the points are built on read, so JSON, a spread or a deep comparison see a plain
 * trend row. Its outage fields are outages' last results.
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

  constructor(
    masterSku: string,
    channel: string,
    currency: string,
    points: readonly PeriodPoint[] | LazyPoints,
    last: PeriodPoint | null,
    previous: PeriodPoint | null,
    salesChange: number | null,
    velocityChange: number | null,
    stockChange: number | null,
    trend: Trend,
    spark: number[],
  ) {
    this.masterSku = masterSku;
    this.channel = channel;
    this.currency = currency;
    if (points instanceof LazyPoints) {
      Object.defineProperty(this, 'points', POINTS_PROPERTY);
      Object.defineProperty(this, 'last', LAST_PROPERTY);
      Object.defineProperty(this, 'previous', PREVIOUS_PROPERTY);
      Object.defineProperty(this, LAZY_POINTS, { value: points });
    } else {
      this.points = points;
      this.last = last;
      this.previous = previous;
    }
    this.salesChange = salesChange;
    this.velocityChange = velocityChange;
    this.stockChange = stockChange;
    this.trend = trend;
    this.spark = spark;
    this.sparkline = spark.length > 0 ? sparkline(spark) : '';
    this.snapshots = snapshotCount;
    this.daysOutOfStock = outLast;
    this.lostRevenue = outLastLost;
    this.daysOutOfStockTotal = outTotal;
    this.lostRevenueTotal = outTotalLost;
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
