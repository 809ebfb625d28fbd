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
import { above, below } from '../metrics/compare';
import { lostRevenue } from '../metrics/lost-revenue';
import { DAY_MS, monthDays } from '../calendar';
import { dayMs, daysBetween, HistoryTable, historyKey, isViewParts, SALES, SNAPSHOT, viewParts, type TableParts } from './history';
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

/**
 * The rows of each position, by historyKey, in table order (positionRows finds them by Master SKU and
 * channel label instead).
 */
export function groupByPosition(t: HistoryTable): Map<string, number[]> {
  return byKey(groupRows(t));
}

function byKey(grouped: GroupedRows): Map<string, number[]> {
  const { skuOf, channelOf } = grouped;
  const groups = new Map<string, number[]>();
  for (let g = 0; g < skuOf.length; g++) {
    const key = historyKey(skuOf[g], channelOf[g]);
    const r = rowsAt(grouped, g);
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
  const { byChannel, skuOf, channelOf } = grouped;
  const bar = (x: string) => x.includes('|');
  if (skuOf.some(bar) || channelOf.some(bar)) {
    const groups = byKey(grouped);
    return { rows: (masterSku, channel) => groups.get(historyKey(masterSku, channel)) };
  }
  return {
    rows(masterSku, channel) {
      if (bar(masterSku) || bar(channel)) return undefined; // no label of the history holds "|": no key is the same
      const g = byChannel.get(channel)?.get(masterSku);
      return g === undefined ? undefined : rowsAt(grouped, g);
    },
  };
}

/** Every (channel, Master SKU) of a history in order of first row, with its rows in table order. */
interface GroupedRows {
  /** Channel → Master SKU → its place in the lists below. */
  readonly byChannel: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly channelOf: readonly string[];
  readonly skuOf: readonly string[];
  /**
   * The rows of place g are rows[start[g]] … rows[start[g + 1] − 1], in table order: two typed arrays
   * for all, not an array per place grown row by row (100,000s of arrays to allocate, regrow and collect).
   */
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** The rows of place `g`, as a new array. */
function rowsAt({ start, rows }: GroupedRows, g: number): number[] {
  const from = start[g];
  const out = new Array<number>(start[g + 1] - from);
  for (let k = 0; k < out.length; k++) out[k] = rows[from + k];
  return out;
}

/**
 * The GroupedRows of a history.
 *
 * A history holds millions of rows: no key text is built per row, and most rows are placed without a
 * lookup at all. It is saved snapshot after snapshot, each listing the positions in about the same
 * order, so a row's position is most often the one that followed, last time, the position of the row
 * before it: that guess is checked (Master SKU and channel), and only a wrong guess looks the position
 * up. A first pass places the rows and counts them per place; a second lists them place by place.
 */
function groupRows(t: HistoryTable): GroupedRows {
  const byChannel = new Map<string, Map<string, number>>();
  const channelOf: string[] = [];
  const skuOf: string[] = [];
  const count: number[] = [];
  // Per place: the place of the row that followed its latest row (−1: none yet).
  const next: number[] = [];
  let previous = -1;
  let stride = 1;
  const lookUp = (channel: string, sku: string): number => {
    let skus = byChannel.get(channel);
    if (!skus) byChannel.set(channel, (skus = new Map()));
    let g = skus.get(sku);
    if (g === undefined) {
      g = count.length;
      skus.set(sku, g);
      channelOf.push(channel);
      skuOf.push(sku);
      count.push(0);
      next.push(-1);
    }
    return g;
  };
  const { head, rows: n0, tail } = viewParts(t);
  const total = n0 + tail.length;
  const placeOf = new Int32Array(total);
  const scan = (part: HistoryTable, to: number, offset: number) => {
    const channels = part.channel;
    const masters = part.masterSku;
    for (let i = 0; i < to; i++) {
      const sku = masters[i];
      const channel = channels[i];
      let g = previous < 0 ? -1 : next[previous];
      if (g < 0 || skuOf[g] !== sku || channelOf[g] !== channel) {
        // Else the place as far from the previous row's as that one was from the row's before it (rows
        // listed in another order, e.g. channel by channel where the history interleaves them).
        g = previous + stride;
        if (previous < 0 || g < 0 || g >= count.length || skuOf[g] !== sku || channelOf[g] !== channel) g = lookUp(channel, sku);
      }
      placeOf[i + offset] = g;
      count[g]++;
      if (previous >= 0) {
        next[previous] = g;
        stride = g - previous;
      }
      previous = g;
    }
  };
  scan(head, n0, 0);
  scan(tail, tail.length, n0);
  const places = count.length;
  const start = new Int32Array(places + 1);
  for (let g = 0; g < places; g++) start[g + 1] = start[g] + count[g];
  const at = start.slice(0, places);
  const rows = new Int32Array(total);
  for (let i = 0; i < total; i++) rows[at[placeOf[i]]++] = i;
  return { byChannel, channelOf, skuOf, start, rows };
}

/** Per channel label, the periods with dated sales ("Sales report" rows) and all its periods. */
export interface ChannelPeriods {
  readonly sales: ReadonlyMap<string, ReadonlySet<string>>;
  readonly all: ReadonlyMap<string, readonly string[]>;
}

export function channelPeriods(t: HistoryTable): ChannelPeriods {
  const sales = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  // Rows come month after month, the channels of a month interleaved: a row with the period and source of
  // its channel's latest distinct row adds nothing (the same texts are most often the same strings,
  // compared at once), so most rows need no lookup. A slot per channel (a few), reused beyond SLOTS.
  const SLOTS = 16;
  const slotChannel: string[] = [];
  const slotPeriod: string[] = [];
  const slotSource: number[] = [];
  let reused = 0;
  const scan = (part: HistoryTable, from: number, to: number) => {
    const channels = part.channel;
    const periods = part.period;
    const sources = part.source;
    for (let i = from; i < to; i++) {
      const ch = channels[i];
      const p = periods[i];
      const source = sources[i];
      let slot = 0;
      while (slot < slotChannel.length && slotChannel[slot] !== ch) slot++;
      if (slot < slotChannel.length && slotPeriod[slot] === p && slotSource[slot] === source) continue;
      if (slot === slotChannel.length && slot === SLOTS) slot = reused++ % SLOTS;
      slotChannel[slot] = ch;
      slotPeriod[slot] = p;
      slotSource[slot] = source;
      let a = all.get(ch);
      if (!a) all.set(ch, (a = new Set()));
      a.add(p);
      if (source === SALES) {
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
let pointPlace = new Int32Array(64);
let pointSales = new Int32Array(64);
let pointStock = new Int32Array(64);
/** Per point, units sold as the spark and soldPerMonth count them (blank as 0); filled by soldOfPoints. Reused. */
let pointSold = new Float64Array(64);
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
 * A view's rows as numbers (RowCodes), one per row: bits 0–12 its period's ordinal, 13–25 its date's,
 * 26–27 its source (CODE_SNAPSHOT, CODE_SALES, or another value), 28–29 its available stock (CODE_BLANK,
 * CODE_OUT: ≤ 0, CODE_IN_STOCK). selectCoded reads a position's rows from them: one number of 4 bytes a
 * row, where the columns are 4 values of 8 bytes far apart (most of the time of a position's trend was
 * waiting for memory).
 */
const ORDINALS = 1 << 13;
const ORDINAL = ORDINALS - 1;
const CODE_SNAPSHOT = 0;
const CODE_SALES = 1;
const CODE_OTHER = 2;
const CODE_BLANK = 0;
const CODE_OUT = 1;
const CODE_IN_STOCK = 2;

interface RowCodes {
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
function codesOf(t: HistoryTable, parts: TableParts): RowCodes | null {
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

const lazyOf = (t: TrendRow): LazyPoints | undefined => (t as Partial<RowWithLazyPoints>)[LAZY_POINTS];

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

/**
 * Units sold in each month of `span` from a position's history points (0 where it has none, and
 * without a trend row); both are short and in month order. The forecast's demand history.
 */
export function soldPerMonth(span: readonly string[], t: TrendRow | null): number[] {
  const out = new Array<number>(span.length).fill(0);
  if (!t) return out;
  const lazy = lazyOf(t);
  if (lazy) {
    // The scratch holds the points (and their units) already when positionTrend made the row just before.
    lazy.selectSold();
    const n = lazy.length;
    const at = spanPlaces(span, lazy.periods());
    if (at) {
      for (let k = 0; k < n; k++) {
        const j = at[pointPlace[k]];
        if (j >= 0) out[j] = pointSold[k];
      }
      return out;
    }
    let k = 0;
    for (let j = 0; j < span.length && k < n; j++) {
      while (k < n && lazy.period(k) < span[j]) k++;
      if (k < n && lazy.period(k) === span[j]) out[j] = pointSold[k];
    }
    return out;
  }
  const points = t.points;
  const n = points.length;
  let k = 0;
  for (let j = 0; j < span.length && k < n; j++) {
    while (k < n && points[k].period < span[j]) k++;
    if (k < n && points[k].period === span[j]) out[j] = points[k].sold ?? 0;
  }
  return out;
}

/** A span of months (soldPerMonth) as places: a copy, the periods it is for, and per place of those its month's place in the span (null: see spanPlaces). */
interface SpanPlaces {
  readonly copy: readonly string[];
  readonly periods: PeriodIndex;
  readonly at: Int32Array | null;
}

/**
 * Per place of `periods`, the place of its month in `span` (−1: none): soldPerMonth's merge of the points
 * into the span, when both are in strictly ascending order (then a point goes to the month equal to its
 * period), without comparing texts per position. Built once per span array (the analysis passes one per
 * channel) and kept with a copy; null when either is not ascending (the merge then runs as written).
 */
const spanPlacesOf = new WeakMap<readonly string[], SpanPlaces>();
function spanPlaces(span: readonly string[], periods: PeriodIndex): Int32Array | null {
  const known = spanPlacesOf.get(span);
  if (known && known.periods === periods && known.copy.length === span.length) {
    let same = true;
    for (let j = 0; j < span.length && same; j++) same = known.copy[j] === span[j];
    if (same) return known.at;
  }
  const ascending = (x: readonly string[]) => x.every((v, j) => typeof v === 'string' && (j === 0 || x[j - 1] < v));
  let at: Int32Array | null = null;
  if (ascending(span) && ascending(periods.copy)) {
    const place = new Map(span.map((m, j) => [m, j]));
    at = Int32Array.from(periods.copy, (p) => place.get(p) ?? -1);
  }
  spanPlacesOf.set(span, { copy: [...span], periods, at });
  return at;
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

/** Velocity of a sales month: units ÷ the days of the month the sales cover. */
export function monthVelocity(units: number, coveredDays: number): number {
  return coveredDays > 0 ? units / coveredDays : 0;
}

/** Days of month `period` inside [from, to] (epoch ms, whole UTC days); the whole month without a span. */
export function coveredDays(period: string, span: { readonly from: number; readonly to: number } | undefined): number {
  const total = monthDays(period);
  if (!span) return total;
  const [y, m] = period.split('-').map(Number);
  const day = DAY_MS;
  const start = Date.UTC(y, m - 1, 1) / day;
  const end = start + total - 1;
  const from = Math.max(start, Math.floor(span.from / day));
  const to = Math.min(end, Math.floor(span.to / day));
  return Math.max(0, to - from + 1);
}
