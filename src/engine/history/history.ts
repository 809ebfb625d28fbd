/**
 * Snapshot history kept in the workbook (docs/PRODUCT.md, workflow step 7; issue "History and trends"): each
 * Save snapshot appends every position's key figures to a hidden state sheet, so the history travels
 * with the workbook and is shared with it.
 *
 * One row per position and saved date:
 *   Date | Period | Source | Master SKU | Channel | Available | Inbound | Sold | Revenue | Currency |
 *   Velocity | DOI | Stock Value | Price
 * - Date: the day the row was saved ("YYYY-MM-DD", UTC). Period: the month ("YYYY-MM") its sales describe.
 * - Source "Snapshot": the position as analyzed (stock on the date, units sold over the sales report's
 *   window, velocity as the analysis computed it). Its period is the last month of the channel's dated
 *   sales, else the month of the middle of the sales window before the date (a 30-day report downloaded
 *   on 1 November is October's; one downloaded on 21 November is November's).
 * - Source "Sales report": one complete calendar month of a channel's dated sales (several months
 *   imported at once become history); no stock figures. Velocity = units ÷ days of the month.
 * - Money is in the channel's currency (the Currency column), as on the other sheets.
 *
 * Rules of a save (planSave): a snapshot on a date that already has one replaces it; a sales month
 * already saved for a channel is kept (the first complete record stays); every other row is kept, and
 * new rows are appended. Excel holds 1,048,576 rows a sheet, so the history continues on further
 * sheets ("Lumive History 2" …) of at most HISTORY_PART_ROWS rows.
 *
 * Stored column by column (HistoryTable): 100,000 positions × 24 periods is 2.4 million rows.
 */
import type { ImportIssue, RawCell, RawGrid, ValueProblem } from '../ingest/types';
import { isValueProblem, issueAt } from '../ingest/types';
import { problemOf, type Problem } from '../problems';
import { parseDate } from '../ingest/values/dates';
import { parseNumber } from '../ingest/values/numbers';
import { parseText } from '../ingest/values/text';
import { CHANNELS, positionKey } from '../model';
import type { CellValue, SheetSpec } from '../sheets/spec';
import { sheetSpec } from '../sheets/table';
import { DAY_MS, dayMs as dayOfIso, isoDay } from '../calendar';

export const HISTORY_SHEET = 'Lumive History';
export const HISTORY_HEADER = ['Date', 'Period', 'Source', 'Master SKU', 'Channel', 'Available', 'Inbound', 'Sold', 'Revenue', 'Currency', 'Velocity', 'DOI', 'Stock Value', 'Price'] as const;
/** Data rows per history sheet (Excel's limit is 1,048,576 rows including the header). */
export const HISTORY_PART_ROWS = 1_000_000;

export type HistorySource = 'Snapshot' | 'Sales report';
export const SNAPSHOT = 0;
export const SALES = 1;
const SOURCE_NAMES: readonly HistorySource[] = ['Snapshot', 'Sales report'];

/** Registry id of history sheet `part` (0-based): "history", "history-2", … */
export const historyId = (part: number): string => (part === 0 ? 'history' : `history-${part + 1}`);
/** Default name of history sheet `part`. */
export const historyName = (part: number): string => (part === 0 ? HISTORY_SHEET : `${HISTORY_SHEET} ${part + 1}`);
/** The part index of a registry id, or null when the id is not a history sheet's. */
export function historyPart(id: string): number | null {
  if (id === 'history') return 0;
  const m = /^history-(\d+)$/.exec(id);
  return m && Number(m[1]) >= 2 ? Number(m[1]) - 1 : null;
}

const NUMERIC = ['available', 'inbound', 'sold', 'revenue', 'velocity', 'doi', 'stockValue', 'price'] as const;
export type HistoryNumber = (typeof NUMERIC)[number];

/** One history row as plain values (blank numbers are null). */
export interface HistoryRow {
  readonly date: string;
  readonly period: string;
  readonly source: HistorySource;
  readonly masterSku: string;
  readonly channel: string;
  readonly currency: string;
  readonly available: number | null;
  readonly inbound: number | null;
  readonly sold: number | null;
  readonly revenue: number | null;
  readonly velocity: number | null;
  readonly doi: number | null;
  readonly stockValue: number | null;
  readonly price: number | null;
}

/** History rows column by column; a blank number is NaN. */
export class HistoryTable {
  date: string[] = [];
  period: string[] = [];
  source: number[] = [];
  masterSku: string[] = [];
  channel: string[] = [];
  currency: string[] = [];
  available: number[] = [];
  inbound: number[] = [];
  sold: number[] = [];
  revenue: number[] = [];
  velocity: number[] = [];
  doi: number[] = [];
  stockValue: number[] = [];
  price: number[] = [];

  get length(): number {
    return this.date.length;
  }

  push(r: HistoryRow): void {
    this.date.push(r.date);
    this.period.push(r.period);
    this.source.push(r.source === 'Snapshot' ? SNAPSHOT : SALES);
    this.masterSku.push(r.masterSku);
    this.channel.push(r.channel);
    this.currency.push(r.currency);
    // Column by column, not a loop over NUMERIC: a history holds millions of rows.
    this.available.push(r.available ?? NaN);
    this.inbound.push(r.inbound ?? NaN);
    this.sold.push(r.sold ?? NaN);
    this.revenue.push(r.revenue ?? NaN);
    this.velocity.push(r.velocity ?? NaN);
    this.doi.push(r.doi ?? NaN);
    this.stockValue.push(r.stockValue ?? NaN);
    this.price.push(r.price ?? NaN);
  }

  /** Appends row `i` of another table. */
  copyRow(from: HistoryTable, i: number): void {
    this.date.push(from.date[i]);
    this.period.push(from.period[i]);
    this.source.push(from.source[i]);
    this.masterSku.push(from.masterSku[i]);
    this.channel.push(from.channel[i]);
    this.currency.push(from.currency[i]);
    this.available.push(from.available[i]);
    this.inbound.push(from.inbound[i]);
    this.sold.push(from.sold[i]);
    this.revenue.push(from.revenue[i]);
    this.velocity.push(from.velocity[i]);
    this.doi.push(from.doi[i]);
    this.stockValue.push(from.stockValue[i]);
    this.price.push(from.price[i]);
  }

  /**
   * Rows `from` … `to − 1` of another table appended in one step per column (a block copy, where
   * copyRow row by row would take seconds over millions of rows).
   */
  appendRange(src: HistoryTable, from: number, to: number): void {
    if (to <= from) return;
    const whole = from === 0 && to === src.length;
    const add = <T>(target: T[], source: readonly T[]): T[] => {
      if (target.length === 0) return whole ? source.slice() : source.slice(from, to);
      for (let i = from; i < to; i++) target.push(source[i]);
      return target;
    };
    this.date = add(this.date, src.date);
    this.period = add(this.period, src.period);
    this.source = add(this.source, src.source);
    this.masterSku = add(this.masterSku, src.masterSku);
    this.channel = add(this.channel, src.channel);
    this.currency = add(this.currency, src.currency);
    this.available = add(this.available, src.available);
    this.inbound = add(this.inbound, src.inbound);
    this.sold = add(this.sold, src.sold);
    this.revenue = add(this.revenue, src.revenue);
    this.velocity = add(this.velocity, src.velocity);
    this.doi = add(this.doi, src.doi);
    this.stockValue = add(this.stockValue, src.stockValue);
    this.price = add(this.price, src.price);
  }

  row(i: number): HistoryRow {
    const n = (k: HistoryNumber) => (Number.isNaN(this[k][i]) ? null : this[k][i]);
    return {
      date: this.date[i],
      period: this.period[i],
      source: SOURCE_NAMES[this.source[i]],
      masterSku: this.masterSku[i],
      channel: this.channel[i],
      currency: this.currency[i],
      available: n('available'),
      inbound: n('inbound'),
      sold: n('sold'),
      revenue: n('revenue'),
      velocity: n('velocity'),
      doi: n('doi'),
      stockValue: n('stockValue'),
      price: n('price'),
    };
  }

  /** Row `i` as sheet cells, in HISTORY_HEADER order. */
  cells(i: number): CellValue[] {
    const n = (k: HistoryNumber) => (Number.isNaN(this[k][i]) ? null : this[k][i]);
    return [
      this.date[i],
      this.period[i],
      SOURCE_NAMES[this.source[i]],
      this.masterSku[i],
      this.channel[i],
      n('available'),
      n('inbound'),
      n('sold'),
      n('revenue'),
      this.currency[i],
      n('velocity'),
      n('doi'),
      n('stockValue'),
      n('price'),
    ];
  }

  static of(rows: readonly HistoryRow[]): HistoryTable {
    const t = new HistoryTable();
    for (const r of rows) t.push(r);
    return t;
  }
}

/** Position key of a history row: Master SKU and channel label (model.ts, positionKey). */
export const historyKey = (masterSku: string, channelLabel: string): string => positionKey(masterSku, channelLabel);

/** "YYYY-MM-DD" of a moment, in UTC (the day the analysis stamps). */
export const isoDate = (d: Date): string => isoDay(d.getTime());

/** Days between two "YYYY-MM-DD" dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

/** Date.parse of a "YYYY-MM-DD" at 00:00 UTC; a history holds few distinct dates, each parsed once. */
const parsedDays = new Map<string, number>();
export function dayMs(date: string): number {
  let ms = parsedDays.get(date);
  if (ms === undefined) {
    ms = dayOfIso(date);
    if (parsedDays.size >= 10_000) parsedDays.clear(); // bounded: dates of a long-lived session
    parsedDays.set(date, ms);
  }
  return ms;
}


const CHANNEL_LABELS = new Map<string, string>(CHANNELS.flatMap((c) => [[c.label.toLowerCase(), c.label], [c.id, c.label]] as [string, string][]));

export interface HistoryRead {
  readonly table: HistoryTable;
  readonly issues: ImportIssue[];
  /** Data rows per sheet read (blank rows are not counted). */
  readonly parts: readonly { readonly name: string; readonly rows: number }[];
  /** Non-blank data rows read; rowsRead = table.length + rows reported in issues (dropped). */
  readonly rowsRead: number;
}

const blank = (c: RawCell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Reads the history sheets (in part order). Columns are found by their header names, so a column a
 * user inserted does not shift the others. A row with a bad value is reported (sheet, row, column,
 * reason) and left out; the counts always add up.
 */
export function readHistory(parts: readonly { readonly name: string; readonly grid: RawGrid }[]): HistoryRead {
  const table = new HistoryTable();
  const issues: ImportIssue[] = [];
  const counts: { name: string; rows: number }[] = [];
  let rowsRead = 0;
  // A history holds few distinct dates and periods: each text is parsed once.
  const dates = new Map<string, string | ValueProblem | null>();
  const periods = new Map<string, string | null>();
  for (const { name, grid } of parts) {
    let rows = 0;
    if (grid.length === 0) {
      counts.push({ name, rows });
      continue;
    }
    const header = (grid[0] ?? []).map((c) => String(c ?? '').trim().toLowerCase());
    const col = new Map<string, number>(HISTORY_HEADER.map((h) => [h, header.indexOf(h.toLowerCase())]));
    const missing = (['Date', 'Period', 'Source', 'Master SKU', 'Channel'] as const).filter((h) => col.get(h)! < 0);
    if (missing.length > 0) {
      const dataRows = grid.slice(1).filter((r) => r && !r.every(blank)).length;
      rowsRead += dataRows;
      issues.push(issueAt({ source: name, row: 1, column: missing.join(', '), value: null }, problemOf('history.missing-columns', { columns: missing, rows: dataRows }), true));
      counts.push({ name, rows: dataRows });
      continue;
    }
    const at = (r: readonly RawCell[], h: (typeof HISTORY_HEADER)[number]) => {
      const c = col.get(h)!;
      return c < 0 ? null : r[c];
    };
    for (let i = 1; i < grid.length; i++) {
      const r = grid[i];
      if (!r || r.every(blank)) continue;
      rows++;
      rowsRead++;
      // The row is left out (the history.* codes say so).
      const bad = (column: string, value: RawCell, problem: Problem) => {
        issues.push(issueAt({ source: name, row: i + 1, column, value: value === null || value === undefined ? null : String(value) }, problem, true));
      };
      const dateCell = at(r, 'Date');
      const date = typeof dateCell === 'string' ? (dates.get(dateCell) ?? remember(dates, dateCell, readDate(dateCell))) : readDate(dateCell);
      if (typeof date !== 'string') {
        bad('Date', dateCell, date === null ? problemOf('history.date-blank', {}) : problemOf('history.bad-date', { problem: date.problem }));
        continue;
      }
      const periodCell = at(r, 'Period');
      const period = typeof periodCell === 'string' ? (periods.get(periodCell) ?? remember(periods, periodCell, readPeriod(periodCell))) : readPeriod(periodCell);
      if (period === null) {
        bad('Period', periodCell, problemOf('history.bad-period', {}));
        continue;
      }
      const sourceText = parseText(at(r, 'Source') ?? null);
      const source = SOURCE_NAMES.find((s) => s.toLowerCase() === sourceText?.toLowerCase());
      if (!source) {
        bad('Source', at(r, 'Source'), problemOf('history.bad-source', {}));
        continue;
      }
      const sku = parseText(at(r, 'Master SKU') ?? null);
      if (!sku) {
        bad('Master SKU', at(r, 'Master SKU'), problemOf('history.sku-blank', {}));
        continue;
      }
      const channelText = parseText(at(r, 'Channel') ?? null);
      const channel = channelText ? CHANNEL_LABELS.get(channelText.toLowerCase()) : undefined;
      if (!channel) {
        bad('Channel', at(r, 'Channel'), problemOf('history.bad-channel', { channels: CHANNELS.map((c) => c.label) }));
        continue;
      }
      const nums: Partial<Record<HistoryNumber, number | null>> = {};
      let failed = false;
      for (const [h, k] of [['Available', 'available'], ['Inbound', 'inbound'], ['Sold', 'sold'], ['Revenue', 'revenue'], ['Velocity', 'velocity'], ['DOI', 'doi'], ['Stock Value', 'stockValue'], ['Price', 'price']] as const) {
        const cell = at(r, h);
        const v = parseNumber(cell ?? null);
        if (isValueProblem(v)) {
          bad(h, cell, problemOf('history.not-a-number', { column: h, problem: v.problem }));
          failed = true;
          break;
        }
        if (v !== null && v < 0 && k !== 'revenue') {
          bad(h, cell, problemOf('history.negative', { column: h }));
          failed = true;
          break;
        }
        nums[k] = v;
      }
      if (failed) continue;
      // Money is in the channel's currency; a cell with another code is reported and the channel's used.
      const channelCurrency = CHANNELS.find((c) => c.label === channel)!.currency;
      const currencyText = parseText(at(r, 'Currency') ?? null)?.toUpperCase() ?? channelCurrency;
      if (currencyText !== channelCurrency) {
        issues.push(issueAt({ source: name, row: i + 1, column: 'Currency', value: currencyText }, problemOf('history.other-currency', { currency: currencyText, channel, expected: channelCurrency }), false));
      }
      table.push({
        date,
        period,
        source,
        masterSku: sku,
        channel,
        currency: channelCurrency,
        available: nums.available ?? null,
        inbound: nums.inbound ?? null,
        sold: nums.sold ?? null,
        revenue: nums.revenue ?? null,
        velocity: nums.velocity ?? null,
        doi: nums.doi ?? null,
        stockValue: nums.stockValue ?? null,
        price: nums.price ?? null,
      });
    }
    counts.push({ name, rows });
  }
  return { table, issues, parts: counts, rowsRead };
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  cache.set(key, value);
  return value;
}

/** "YYYY-MM-DD" of a Date cell (ISO text, a date, an Excel serial), a problem, or null when blank. */
function readDate(cell: RawCell | undefined): string | ValueProblem | null {
  const ms = parseDate(cell ?? null, 'DMY');
  return ms === null || isValueProblem(ms) ? ms : isoDay(ms);
}

function readPeriod(cell: RawCell | undefined): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 7);
  if (typeof cell === 'number') {
    // A month Excel turned into a date serial (a user typed 2026-10 into the cell).
    const ms = parseDate(cell, 'DMY');
    return ms === null || isValueProblem(ms) ? null : new Date(ms).toISOString().slice(0, 7);
  }
  const text = parseText(cell ?? null);
  if (text === null) return null;
  const m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}`;
}

/**
 * What a save writes, given the saved history and the analysis' rows (`current`: its snapshot rows,
 * all on one date, and its complete sales months):
 * - saved snapshot rows on the current date are replaced;
 * - a current sales month already saved for that channel is not written again;
 * - `merged` is the history after the save (built on first use); `append` the rows new to it, when
 *   nothing was replaced.
 */
export interface SavePlan {
  readonly date: string;
  readonly replaced: number;
  readonly added: number;
  readonly skipped: number;
  readonly merged: HistoryTable;
  /** The rows to append when nothing saved is replaced; null when the sheets must be rewritten. */
  readonly append: HistoryTable | null;
}

export function planSave(saved: HistoryTable, current: HistoryTable, date: string): SavePlan {
  const savedSales = new Set<string>();
  let replaced = 0;
  for (let i = 0; i < saved.length; i++) {
    if (saved.source[i] === SALES) savedSales.add(`${saved.channel[i]}|${saved.period[i]}`);
    else if (saved.date[i] === date) replaced++;
  }
  const fresh = new HistoryTable();
  let skipped = 0;
  for (let i = 0; i < current.length; i++) {
    if (current.source[i] === SALES && savedSales.has(`${current.channel[i]}|${current.period[i]}`)) skipped++;
    else fresh.copyRow(current, i);
  }
  // Built when asked for: an append writes only the new rows (2.4 million saved rows need not be copied).
  let merged: HistoryTable | null = null;
  const build = (): HistoryTable => {
    const t = new HistoryTable();
    for (let i = 0; i < saved.length; i++) if (!(saved.source[i] === SNAPSHOT && saved.date[i] === date)) t.copyRow(saved, i);
    for (let i = 0; i < fresh.length; i++) t.copyRow(fresh, i);
    return t;
  };
  return {
    date,
    replaced,
    added: fresh.length,
    skipped,
    append: replaced === 0 ? fresh : null,
    get merged() {
      return (merged ??= build());
    },
  };
}

/**
 * The history sheets a save writes. `existing`: the data rows each saved part holds (in order). When
 * rows are only added, the last part grows in `append` mode and overflow starts new parts; when a
 * snapshot is replaced, every part is rewritten from the merged history (parts left empty keep their header).
 */
export function historySheets(plan: SavePlan, existing: readonly number[], name: (part: number) => string, partRows = HISTORY_PART_ROWS): SheetSpec[] {
  const specs: SheetSpec[] = [];
  const part = (index: number, table: HistoryTable, from: number, to: number, mode: 'replace' | 'append') => {
    const rows: CellValue[][] = mode === 'replace' ? [[...HISTORY_HEADER]] : [];
    for (let i = from; i < to; i++) rows.push(table.cells(i));
    specs.push(historySpec(name(index), rows, mode));
  };
  if (plan.append) {
    const t = plan.append;
    let next = 0;
    let index = Math.max(0, existing.length - 1);
    if (existing.length > 0 && t.length > 0) {
      const room = Math.max(0, partRows - existing[index]);
      const n = Math.min(room, t.length);
      if (n > 0) part(index, t, 0, n, 'append');
      next = n;
      index++;
    } else if (existing.length === 0) {
      part(0, t, 0, Math.min(partRows, t.length), 'replace');
      next = Math.min(partRows, t.length);
      index = 1;
    }
    for (; next < t.length; index++) {
      const to = Math.min(t.length, next + partRows);
      part(index, t, next, to, 'replace');
      next = to;
    }
    return specs;
  }
  const t = plan.merged;
  const parts = Math.max(existing.length, Math.ceil(t.length / partRows), 1);
  for (let index = 0; index < parts; index++) {
    const from = Math.min(t.length, index * partRows);
    part(index, t, from, Math.min(t.length, from + partRows), 'replace');
  }
  return specs;
}

function historySpec(name: string, rows: CellValue[][], mode: 'replace' | 'append'): SheetSpec {
  const created = mode === 'replace';
  return sheetSpec(name, rows, {
    role: 'state',
    visibility: 'hidden',
    mode,
    styles: created ? [{ range: { row: 0, column: 0, rows: 1, columns: HISTORY_HEADER.length }, style: 'header' }] : [],
    freeze: created ? { rows: 1, columns: 0 } : null,
    columnWidths: created ? [11, 8, 12, 16, 12, 10, 10, 10, 12, 8, 10, 8, 12, 10] : [],
  });
}

/** The snapshot dates in a history, oldest first. */
export function snapshotDates(t: HistoryTable): string[] {
  const dates = new Set<string>();
  for (let i = 0; i < t.length; i++) if (t.source[i] === SNAPSHOT) dates.add(t.date[i]);
  return [...dates].sort();
}

/**
 * The history an analysis looks at: the saved rows (a saved snapshot on `date` gives way to the
 * analysis' own) followed by the analysis' rows, less its sales months already saved for the channel
 * (the saved month stands, as a save would keep it), so the Trends of a run and of the reopened
 * workbook after saving it agree.
 *
 * The saved rows are not copied (2,400,000 rows × 14 columns take seconds to copy): the view reads the
 * saved table's rows before the first one it leaves out, and holds copies of only the rows after it
 * (usually none, or the last save's) and of the analysis' rows it keeps; when there are none after it
 * and it keeps them all, it reads `current` in place too. Its columns are built the first time one is
 * read or written; the trend functions (trends.ts) read the two parts without building them
 * (viewParts). The saved table must not change while the view is in use; nor must `current`, which
 * is read in place, or is the view itself when nothing is saved.
 */
export function historyView(saved: HistoryTable, current: HistoryTable, date: string): HistoryTable {
  // Without a saved history the view is the analysis' rows as they are (not a copy of 100,000s of rows).
  if (saved.length === 0) return current;
  const savedSales = new Set<string>();
  let first = saved.length;
  const sources = saved.source;
  const dates = saved.date;
  // A snapshot's rows share their date, most often as one string: a row dated as the row before (the same
  // string, compared at once) is not compared with `date` again.
  let checked: string | null = null;
  for (let i = 0; i < saved.length; i++) {
    if (sources[i] === SALES) savedSales.add(`${saved.channel[i]}|${saved.period[i]}`);
    else if (first === saved.length) {
      const d = dates[i];
      if (d === checked) continue;
      if (d === date) first = i;
      else checked = d;
    }
  }
  // As planSave: a channel's month already saved is the saved one, whole (not topped up by this import).
  const kept = (i: number) => !(current.source[i] === SALES && savedSales.has(`${current.channel[i]}|${current.period[i]}`));
  let all = true;
  for (let i = 0; i < current.length && all; i++) all = kept(i);
  // Usually nothing saved follows the rows left out and every row of the analysis is kept: its table is the tail as it is.
  if (first === saved.length && all) return lazyTable(saved, first, current);
  const rest = new HistoryTable();
  for (let i = first; i < saved.length; i++) if (!(saved.source[i] === SNAPSHOT && saved.date[i] === date)) rest.copyRow(saved, i);
  // Runs of kept rows are copied a block at a time.
  for (let i = 0; i < current.length; ) {
    if (!kept(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < current.length && kept(j)) j++;
    rest.appendRange(current, i, j);
    i = j;
  }
  return lazyTable(saved, first, rest);
}

/** A history seen as rows 0 … `rows` − 1 of `head` followed by every row of `tail` (viewParts). */
export interface TableParts {
  readonly head: HistoryTable;
  readonly rows: number;
  readonly tail: HistoryTable;
}

const EMPTY = new HistoryTable();
const lazyParts = new WeakMap<HistoryTable, TableParts>();

/** The parts of a view not yet built (historyView); any other table is its own head, with no tail. */
export function viewParts(t: HistoryTable): TableParts {
  return lazyParts.get(t) ?? { head: t, rows: t.length, tail: EMPTY };
}

/**
 * Whether `parts` are those of a view not yet built (historyView), the same object for every call of
 * viewParts until it is: neither part may change meanwhile, so what is read from them may be kept with them.
 */
export function isViewParts(t: HistoryTable, parts: TableParts): boolean {
  return lazyParts.get(t) === parts;
}

const COLUMNS = ['date', 'period', 'source', 'masterSku', 'channel', 'currency', ...NUMERIC] as const;

/** A table of `head`'s first `rows` rows and `tail`'s rows, its columns built on first use. */
function lazyTable(head: HistoryTable, rows: number, tail: HistoryTable): HistoryTable {
  if (rows === 0) return tail;
  const t = new HistoryTable();
  const parts: TableParts = { head, rows, tail };
  lazyParts.set(t, parts);
  const build = () => {
    if (lazyParts.get(t) !== parts) return;
    lazyParts.delete(t);
    const built = new HistoryTable();
    built.appendRange(head, 0, rows);
    built.appendRange(tail, 0, tail.length);
    delete (t as unknown as { length?: number }).length;
    for (const k of COLUMNS) Object.defineProperty(t, k, { value: built[k], writable: true, enumerable: true, configurable: true });
  };
  for (const k of COLUMNS) {
    Object.defineProperty(t, k, {
      configurable: true,
      enumerable: true,
      get: () => {
        build();
        return t[k];
      },
      set: (v: unknown) => {
        build();
        (t as unknown as Record<string, unknown>)[k] = v;
      },
    });
  }
  Object.defineProperty(t, 'length', { configurable: true, get: () => rows + tail.length });
  return t;
}
