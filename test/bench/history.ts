/**
 * History benchmark (issue "History and trends": `npm run bench` adds snapshot append and trends over
 * 100,000 positions × 24 periods). docs/ARCHITECTURE.md has no history budget; run.ts prints the figures and,
 * for reference, the nearest budget: the engine's full analysis of 100,000 positions in ≤ 1 s.
 *
 * Input: a deterministic synthetic history (below, hashed from the position and the month, so the same
 * on every run): 25,000 Master SKUs ("LM-0000000" …, as analysis.ts names them) on Amazon KSA, Amazon
 * UAE, noon KSA and noon UAE = 100,000 positions, one "Snapshot" row each on the last day of every month
 * from 2024-11 to 2026-10 (24 snapshots, 2,400,000 rows). Each position has a base velocity (10% sell
 * nothing), seasonality, a growth or decline, monthly noise, stock of 5–90 days of cover with about one
 * month in eight out of stock (so days out of stock and lost revenue are not trivial), some inbound, the
 * channel's price and a cost. Rows are ordered snapshot by snapshot, as successive saves append them.
 *
 * `read` gives the history as the sheets a workbook read returns (history.ts historySheets' layout: a
 * header, then rows of cells; dates and periods as text; blank numbers as ''), split into parts of
 * HISTORY_PART_ROWS rows (2,400,000 rows → 3 sheets). Repeated strings (dates, channels, a position's
 * Master SKU) are shared in the generated grids, where a read from Excel gives each cell its own string.
 * The other scenarios build the HistoryTable directly (what readHistory gives), untimed.
 *
 * Each scenario runs in its own process (`node --expose-gc --import tsx history.ts <scenario>`) and
 * prints its figures as JSON; run.ts prints them as one table.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { snapshotPlan } from '../../src/app/history';
import type { PositionMetrics } from '../../src/engine/analysis/position-metrics';
import { positionMetrics } from '../../src/engine/analysis/position-metrics';
import { positionForecast } from '../../src/engine/analysis/position-forecast';
import { analyze, type Analysis, type Stage } from '../../src/engine/analyze';
import { HISTORY_HEADER, HISTORY_PART_ROWS, HistoryTable, historyId, historyKey, historyName, historySheets, historyView, isoDate, planSave, readHistory, snapshotDates, SNAPSHOT, type HistoryRead } from '../../src/engine/history/history';
import { channelPeriods } from '../../src/engine/history/channel-periods';
import { groupByPosition, positionRows } from '../../src/engine/history/position-rows';
import { positionTrend, type TrendRow } from '../../src/engine/history/trends';
import type { RawCell } from '../../src/engine/ingest/types';
import { CHANNELS, DEFAULT_SETTINGS } from '../../src/engine/model';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { trendsSheet, type TrendSheetRow } from '../../src/engine/sheets/trends-sheet';
import { position, type ChannelId } from '../helpers/position';
import { syntheticWorkbook } from './analysis';

// ---------------------------------------------------------------------------------------------
// Synthetic history
// ---------------------------------------------------------------------------------------------

export const HISTORY_POSITIONS = 100_000;
export const HISTORY_PERIODS = 24;
/** Positions of the full analysis with history (scenario `analyze`). */
export const ANALYZE_POSITIONS = 10_000;
/** Positions of the full-size analysis with history (scenario `analyze-100k`). */
export const SCALE_POSITIONS = 100_000;
const SEED = 20261130;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const masterOf = (k: number) => `LM-${pad(k >> 2, 7)}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Snapshot `m` (0 = 2024-11): its date, the last day of the month, and its period "YYYY-MM". */
function snapshotMonth(m: number): { date: string; period: string } {
  const y = 2024 + Math.floor((10 + m) / 12);
  const month = ((10 + m) % 12) + 1;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const period = `${y}-${pad(month, 2)}`;
  return { date: `${period}-${pad(last, 2)}`, period };
}

/** Uniform in [0, 1), a hash of (a, b, salt): the same for a position and month in any order of generation. */
function hash01(a: number, b: number, salt: number): number {
  let t = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b) ^ Math.imul(salt + SEED, 0xc2b2ae35)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The columns of one history row (the HistoryTable's numbers: NaN is blank). */
interface Values {
  available: number;
  inbound: number;
  sold: number;
  revenue: number;
  velocity: number;
  doi: number;
  stockValue: number;
  price: number;
}

/** Position `k` (Master SKU k ÷ 4 on channel k mod 4) in month `m`. */
function values(k: number, m: number, out: Values): void {
  const master = k >> 2;
  const uae = (k & 1) === 1;
  const priceSar = 15 + Math.floor(hash01(master, 0, 1) * 28_500) / 100;
  const price = uae ? round2(priceSar / 1.0211) : priceSar;
  const cost = round2(price * (0.35 + 0.25 * hash01(master, 0, 2)));
  const dead = hash01(k, 0, 3) < 0.1;
  const base = dead ? 0 : -Math.log(1 - hash01(k, 0, 4)) * (k & 2 ? 0.6 : 1.2); // units per day; noon sells less
  const growth = -0.03 + 0.07 * hash01(k, 0, 5); // per month
  const season = 1 + 0.3 * Math.sin((2 * Math.PI * (m + 10 + 12 * hash01(k, 0, 6))) / 12);
  const noise = 0.6 + 0.8 * hash01(k, m, 7);
  const sold = Math.round(base * season * Math.pow(1 + growth, m) * noise * 30);
  const velocity = round2(sold / 30);
  let available: number;
  if (dead) available = Math.max(0, 300 - 10 * m - Math.floor(40 * hash01(k, 0, 8)));
  else if (hash01(k, m, 9) < 0.125) available = 0;
  else available = Math.round(velocity * (5 + 85 * hash01(k, m, 10)));
  out.available = available;
  out.inbound = hash01(k, m, 11) < 0.2 ? 10 + Math.floor(190 * hash01(k, m, 12)) : 0;
  out.sold = sold;
  out.revenue = round2(sold * price);
  out.velocity = velocity;
  // As the analysis writes it: DOI blank (NaN) when nothing sells but stock is there, 0 when both are 0.
  out.doi = velocity > 0 ? round2(available / velocity) : available > 0 ? NaN : 0;
  out.stockValue = round2(available * cost);
  out.price = price;
}

const CHANNEL_OF = [0, 1, 2, 3].map((i) => CHANNELS[i]);
/** Channel k mod 4 in CHANNELS order: Amazon KSA, Amazon UAE, noon KSA, noon UAE (so k & 1 is UAE). */
if (CHANNEL_OF.map((c) => c.label).join() !== 'Amazon KSA,Amazon UAE,noon KSA,noon UAE') throw new Error('CHANNELS order changed: fix the generator');

/** Snapshots `from` … `to − 1` of `positions` positions as a HistoryTable (what readHistory gives). */
export function historyTable(positions: number, from: number, to: number, t = new HistoryTable()): HistoryTable {
  const v = {} as Values;
  const masters = Array.from({ length: Math.ceil(positions / 4) }, (_, i) => masterOf(i * 4));
  for (let m = from; m < to; m++) {
    const { date, period } = snapshotMonth(m);
    for (let k = 0; k < positions; k++) {
      values(k, m, v);
      const ch = CHANNEL_OF[k & 3];
      t.date.push(date);
      t.period.push(period);
      t.source.push(SNAPSHOT);
      t.masterSku.push(masters[k >> 2]);
      t.channel.push(ch.label);
      t.currency.push(ch.currency);
      t.available.push(v.available);
      t.inbound.push(v.inbound);
      t.sold.push(v.sold);
      t.revenue.push(v.revenue);
      t.velocity.push(v.velocity);
      t.doi.push(v.doi);
      t.stockValue.push(v.stockValue);
      t.price.push(v.price);
    }
  }
  return t;
}

/**
 * The same history as the sheets a workbook read returns: parts of `partRows` data rows under
 * HISTORY_HEADER, cells as historySheets writes them (blank numbers read back as '').
 */
export function historyGrids(positions: number, periods: number, partRows = HISTORY_PART_ROWS): { name: string; grid: RawCell[][] }[] {
  const parts: { name: string; grid: RawCell[][] }[] = [];
  let grid: RawCell[][] = [];
  const v = {} as Values;
  const masters = Array.from({ length: Math.ceil(positions / 4) }, (_, i) => masterOf(i * 4));
  const n = (x: number): RawCell => (Number.isNaN(x) ? '' : x);
  for (let m = 0; m < periods; m++) {
    const { date, period } = snapshotMonth(m);
    for (let k = 0; k < positions; k++) {
      if (parts.length === 0 || grid.length > partRows) {
        grid = [[...HISTORY_HEADER]];
        parts.push({ name: historyName(parts.length), grid });
      }
      values(k, m, v);
      const ch = CHANNEL_OF[k & 3];
      grid.push([date, period, 'Snapshot', masters[k >> 2], ch.label, v.available, v.inbound, v.sold, v.revenue, ch.currency, v.velocity, n(v.doi), v.stockValue, v.price]);
    }
  }
  return parts;
}

/** Data rows per part of a history of `rows` rows. */
const partCounts = (rows: number, partRows = HISTORY_PART_ROWS) => Array.from({ length: Math.ceil(rows / partRows) }, (_, i) => Math.min(partRows, rows - i * partRows));

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
/** The middle value; of an even count, the mean of the two middle ones. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}
const count = (n: number) => n.toLocaleString('en');
const heapUsed = () => process.memoryUsage().heapUsed;

export interface HistoryRow {
  name: string;
  ms: number;
  note?: string;
}

export interface HistoryFigures {
  scenario: HistoryScenario;
  rows: HistoryRow[];
  /** What the scenario generated before timing (not timed), and the heap it holds. */
  input: string;
  generateMs: number;
  inputHeapMb: number;
  /** Largest heap used seen right after a timed call (before its garbage is collected). */
  peakHeapMb: number;
  peakRssMb: number;
  heapLimitMb: number;
  execArgv: string[];
}

class Probe {
  peakHeap = 0;
  sample(): void {
    const h = heapUsed();
    if (h > this.peakHeap) this.peakHeap = h;
  }

  /**
   * `warmups` untimed calls, then `runs` timed ones (GC between calls, outside the timing); the median,
   * every run, and the last call's result.
   */
  time<T>(warmups: number, runs: number, f: () => T): { ms: number; runs: number[]; result: T } {
    let result: T | undefined;
    for (let i = 0; i < warmups; i++) {
      f();
      this.sample();
      gc();
    }
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      result = undefined;
      gc();
      const t0 = performance.now();
      result = f();
      samples.push(performance.now() - t0);
      this.sample();
    }
    return { ms: median(samples), runs: samples, result: result as T };
  }
}

function runsNote(runs: readonly number[], warmups: number): string {
  const after = warmups === 0 ? 'no warm-up' : `after ${warmups} warm-up${warmups === 1 ? '' : 's'}`;
  return runs.length > 1 ? `median of ${runs.length}, ${after}: ${runs.map((r) => r.toFixed(0)).join(' / ')} ms` : `1 run, ${after}`;
}

function figures(scenario: HistoryScenario, rows: HistoryRow[], input: string, generateMs: number, inputHeap: number, probe: Probe): HistoryFigures {
  return {
    scenario,
    rows,
    input,
    generateMs,
    inputHeapMb: inputHeap / MB,
    peakHeapMb: probe.peakHeap / MB,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapLimitMb: getHeapStatistics().heap_size_limit / MB,
    execArgv: process.execArgv.filter((a) => a.startsWith('--max-old-space-size')),
  };
}

/** Heap taken by what `make` returns (measured with GC before and after); the value is kept. */
function measured<T>(make: () => T): { value: T; ms: number; heap: number } {
  gc();
  const h0 = heapUsed();
  const t0 = performance.now();
  const value = make();
  const ms = performance.now() - t0;
  gc();
  return { value, ms, heap: heapUsed() - h0 };
}

const specRows = (s: SheetSpec) => (s.mode === 'append' ? s.rows.length : s.rows.length - 1);
const describeSpecs = (specs: readonly SheetSpec[]) => specs.map((s) => `"${s.name}" ${s.mode} ${count(specRows(s))}`).join(', ');

// ---- Scenario: readHistory -------------------------------------------------------------------

function readScenario(): HistoryFigures {
  const probe = new Probe();
  const rows = HISTORY_POSITIONS * HISTORY_PERIODS;
  gc();
  const base = heapUsed();
  const input = measured(() => historyGrids(HISTORY_POSITIONS, HISTORY_PERIODS));
  const parts = input.value;
  const t = probe.time(1, 2, () => readHistory(parts));
  const read = t.result;
  if (read.table.length !== rows || read.issues.length > 0) throw new Error(`readHistory read ${read.table.length} rows with ${read.issues.length} issues (${read.issues[0]?.reason}); expected ${rows} and none`);
  // The table alone: the grids let go.
  parts.length = 0;
  gc();
  const tableHeap = heapUsed() - base;
  const out: HistoryRow[] = [
    {
      name: `readHistory, ${count(rows)} rows in ${partCounts(rows).length} sheets`,
      ms: t.ms,
      note: `${count(Math.round(rows / (t.ms / 1000)))} rows/s; ${runsNote(t.runs, 1)}; the HistoryTable it returns holds ${(tableHeap / MB).toFixed(0)} MB of heap (${Math.round(tableHeap / rows)} bytes a row), the grids read ${(input.heap / MB).toFixed(0)} MB (repeated strings shared)`,
    },
  ];
  return figures('read', out, `${count(rows)} rows of cells in ${partCounts(rows).length} sheets (${partCounts(rows).map(count).join(' + ')} rows)`, input.ms, input.heap, probe);
}

// ---- Scenario: save (append and same-date replace) ---------------------------------------------

function saveScenario(): HistoryFigures {
  const probe = new Probe();
  const n = HISTORY_POSITIONS;
  const savedRows = n * HISTORY_PERIODS;
  const input = measured(() => ({ saved: historyTable(n, 0, HISTORY_PERIODS), current: historyTable(n, HISTORY_PERIODS, HISTORY_PERIODS + 1) }));
  let saved: HistoryTable | null = input.value.saved;
  const current = input.value.current;
  const date = current.date[0];
  const existing = partCounts(savedRows);
  const out: HistoryRow[] = [];

  // Append: a 25th snapshot on a new date.
  const plan = probe.time(1, 3, () => planSave(saved!, current, date));
  const p = plan.result;
  if (!p.append || p.added !== n || p.replaced !== 0) throw new Error(`append plan: added ${p.added}, replaced ${p.replaced}`);
  out.push({ name: `planSave, append ${count(n)} rows to ${count(savedRows)}`, ms: plan.ms, note: `${runsNote(plan.runs, 1)}; the merged history (${count(p.merged.length)} rows) is built only when a replace needs it` });
  const sheets = probe.time(2, 5, () => historySheets(p, existing, historyName));
  out.push({
    name: `historySheets, append case`,
    ms: sheets.ms,
    note: `${sheets.result.length} spec${sheets.result.length === 1 ? '' : 's'}: ${describeSpecs(sheets.result)} (parts held ${existing.map(count).join(' + ')}); ${runsNote(sheets.runs, 2)}`,
  });
  // The same, near Excel's row limit: the last part fills up and the rest starts a new part.
  const fuller = [HISTORY_PART_ROWS, HISTORY_PART_ROWS, HISTORY_PART_ROWS - n / 2];
  const overflow = probe.time(2, 5, () => historySheets(p, fuller, historyName));
  out.push({ name: `historySheets, append with overflow`, ms: overflow.ms, note: `parts held ${fuller.map(count).join(' + ')}: ${describeSpecs(overflow.result)}; ${runsNote(overflow.runs, 2)}` });
  // The app's path (app/history.ts): planSave + sheet names + historySheets.
  const registry = new Map(existing.map((_, i) => [historyId(i), historyName(i)] as [string, string]));
  const read: HistoryRead = { table: saved, issues: [], parts: existing.map((rows, i) => ({ name: historyName(i), rows })), rowsRead: savedRows };
  const app = probe.time(1, 3, () => snapshotPlan({ snapshot: current, snapshotDate: date }, read, registry, [...registry.values(), 'Sheet1']));
  out.push({ name: `snapshotPlan (app: planSave + names + historySheets), append`, ms: app.ms, note: `${count(app.result.added)} rows added, specs: ${describeSpecs(app.result.specs)}; ${runsNote(app.runs, 1)}` });

  // Same-date replace: the history holds the 25th snapshot already; saving again on its date rewrites every part.
  (read as { table: HistoryTable | null }).table = null;
  plan.result = null as never;
  sheets.result = null as never;
  overflow.result = null as never;
  app.result = null as never;
  saved = historyTable(n, HISTORY_PERIODS, HISTORY_PERIODS + 1, saved); // 24 + the 25th = 2,500,000 rows
  const replacedRows = saved.length;
  const replaceExisting = partCounts(replacedRows);
  gc();
  const rPlan = probe.time(0, 2, () => planSave(saved!, current, date));
  const rp = rPlan.result;
  if (rp.append || rp.replaced !== n) throw new Error(`replace plan: replaced ${rp.replaced}, append ${rp.append !== null}`);
  out.push({ name: `planSave, same date again: replace ${count(n)} of ${count(replacedRows)}`, ms: rPlan.ms, note: `merged ${count(rp.merged.length)} rows; ${runsNote(rPlan.runs, 0)}` });
  const rSheets = probe.time(0, 2, () => historySheets(rp, replaceExisting, historyName));
  const rowsWritten = rSheets.result.reduce((a, s) => a + specRows(s), 0);
  out.push({
    name: `historySheets, same-date replace (full rewrite)`,
    ms: rSheets.ms,
    note: `${rSheets.result.length} specs: ${describeSpecs(rSheets.result)} = ${count(rowsWritten)} rows of cells; ${runsNote(rSheets.runs, 0)}`,
  });
  return figures('save', out, `saved history ${count(savedRows)} rows (HistoryTable, ${existing.length} parts) + a 25th snapshot of ${count(n)} rows on ${date}`, input.ms, input.heap, probe);
}

// ---- Scenario: trends --------------------------------------------------------------------------

/** Minimal PositionMetrics for the Trends sheet (built with positionMetrics from a Position; not timed). */
function metricsOf(n: number): PositionMetrics[] {
  const v = {} as Values;
  const out: PositionMetrics[] = new Array(n);
  for (let k = 0; k < n; k++) {
    values(k, HISTORY_PERIODS, v);
    const ch = CHANNEL_OF[k & 3];
    const p = position({ masterSku: masterOf(k), channel: ch.id as ChannelId, title: `Product ${k >> 2}`, available: v.available, inbound: v.inbound, sold: v.sold, revenue: v.revenue, price: v.price });
    out[k] = positionMetrics(p, 'C', DEFAULT_SETTINGS, true);
  }
  return out;
}

function trendsScenario(): HistoryFigures {
  const probe = new Probe();
  const n = HISTORY_POSITIONS;
  const input = measured(() => ({ saved: historyTable(n, 0, HISTORY_PERIODS), current: historyTable(n, HISTORY_PERIODS, HISTORY_PERIODS + 1), metrics: metricsOf(n) }));
  const { saved, current, metrics } = input.value;
  const date = current.date[0];
  const s = DEFAULT_SETTINGS;
  type Step = 'historyView' | 'groupByPosition' | 'channelPeriods' | 'positionTrend' | 'trendsSheet';
  const steps: Record<Step, number[]> = { historyView: [], groupByPosition: [], channelPeriods: [], positionTrend: [], trendsSheet: [] };
  let last: { spec: SheetSpec; rows: TrendSheetRow[]; view: number } | null = null;
  // As analyze() does it (analyze.ts): the view, groups and periods, each position's trend, the sheet.
  const pipeline = (record: boolean) => {
    let t = performance.now();
    const lap = (k: Step) => {
      const now = performance.now();
      if (record) steps[k].push(now - t);
      t = now;
    };
    const view = historyView(saved, current, date);
    lap('historyView');
    const groups = groupByPosition(view);
    lap('groupByPosition');
    const periods = channelPeriods(view);
    lap('channelPeriods');
    const rows: TrendSheetRow[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const ch = metrics[i].position.channel.label;
      const idx = groups.get(historyKey(metrics[i].position.masterSku, ch));
      const trend: TrendRow | null = idx ? positionTrend(view, idx, periods.all.get(ch) ?? [], periods.sales.get(ch), s.trendThreshold) : null;
      rows[i] = { m: metrics[i], t: trend };
    }
    lap('positionTrend');
    const savedDates = snapshotDates(saved);
    const allPeriods = [...periods.all.values()].flat().sort();
    const spec = trendsSheet('Trends', rows, { snapshotDates: savedDates, savedRows: saved.length, firstPeriod: allPeriods[0] ?? null, lastPeriod: allPeriods.at(-1) ?? null }, s);
    lap('trendsSheet');
    probe.sample();
    last = { spec, rows, view: view.length };
  };
  const warmups = 1;
  const runs = 3;
  for (let i = 0; i < warmups; i++) {
    pipeline(false);
    last = null;
    gc();
  }
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = null;
    gc();
    const t0 = performance.now();
    pipeline(true);
    totals.push(performance.now() - t0);
  }
  const r = last as unknown as { spec: SheetSpec; rows: TrendSheetRow[]; view: number };
  const withTrend = r.rows.filter((x) => x.t !== null);
  const lost = withTrend.filter((x) => (x.t?.lostRevenue ?? 0) > 0).length;
  const lostAll = withTrend.filter((x) => (x.t?.lostRevenueTotal ?? 0) > 0).length;
  const trends = new Map<string, number>();
  for (const x of withTrend) trends.set(x.t!.trend, (trends.get(x.t!.trend) ?? 0) + 1);
  const periods = withTrend[0]?.t?.points.length ?? 0;
  const per = (k: Step) => median(steps[k]);
  const out: HistoryRow[] = [
    { name: `historyView (${count(saved.length)} saved + ${count(current.length)} current rows)`, ms: per('historyView'), note: `${count(r.view)} rows copied` },
    { name: `groupByPosition`, ms: per('groupByPosition'), note: `${count(n)} positions` },
    { name: `channelPeriods`, ms: per('channelPeriods') },
    { name: `positionTrend × ${count(n)} positions`, ms: per('positionTrend'), note: `${((per('positionTrend') * 1000) / n).toFixed(1)} µs per position, ${periods} periods each (${HISTORY_PERIODS} saved + this run's)` },
    { name: `trendsSheet (${count(n)} rows, snapshotDates included)`, ms: per('trendsSheet'), note: `${count(r.spec.rows.length)} sheet rows` },
    {
      name: `trends in all (view → sheet), ${count(n)} positions`,
      ms: median(totals),
      note:
        `${runsNote(totals, warmups)}; trends ${[...trends].map(([k, v]) => `${k} ${count(v)}`).join(', ')}; lost revenue since the last snapshot on ${count(lost)} positions, over the whole history on ${count(lostAll)}; ` +
        `no history budget in docs/ARCHITECTURE.md; nearest: the engine's whole analysis of 100,000 positions ≤ 1 s (this part alone is ×${(median(totals) / 1000).toFixed(1)} of it)`,
    },
  ];
  return figures('trends', out, `saved history ${count(saved.length)} rows (HistoryTable) + this run's ${count(current.length)} snapshot rows on ${date}; ${count(n)} PositionMetrics`, input.ms, input.heap, probe);
}

// ---- Scenario: analyze() with history ---------------------------------------------------------

/** The analysis date of analysis.ts' synthetic workbook (its AS_OF): noon sales run to 2026-10-31. */
const ANALYSIS_NOW = new Date(Date.UTC(2026, 10, 1));

function analyzeScenario(): HistoryFigures {
  const probe = new Probe();
  const n = ANALYZE_POSITIONS;
  const input = measured(() => ({ wb: syntheticWorkbook(n), history: historyTable(n, 0, HISTORY_PERIODS) }));
  const { wb, history } = input.value;
  // Time between two progress reports counts for the stage of the first (as analysis.ts does); per call.
  const stagesOf: Partial<Record<Stage, number>>[] = [];
  const run = (h: HistoryTable | undefined) => {
    const stages: Partial<Record<Stage, number>> = {};
    const at: { stage: Stage | null; since: number } = { stage: null, since: performance.now() };
    const onProgress = (stage: Stage) => {
      const t = performance.now();
      if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + t - at.since;
      at.stage = stage;
      at.since = t;
    };
    const a = analyze(wb.sources, { settings: DEFAULT_SETTINGS, now: ANALYSIS_NOW, history: h, onProgress });
    if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + performance.now() - at.since;
    stagesOf.push(stages);
    return a;
  };
  /** Stages of the median one of the last `runs` calls. */
  const medianStages = (t: { ms: number; runs: number[] }) => {
    const last = stagesOf.slice(-t.runs.length);
    const i = t.runs.indexOf(median(t.runs));
    return Object.entries(last[i < 0 ? 0 : i]).map(([k, v]) => `${k} ${(v as number).toFixed(0)}`).join(', ');
  };
  const without = probe.time(1, 3, () => run(undefined));
  const positions = without.result.metrics.length;
  const stagesWithout = medianStages(without);
  const fcWithout = without.result.forecasts.length;
  without.result = null as never;
  const withH = probe.time(1, 3, () => run(history));
  const a = withH.result;
  const stagesWith = medianStages(withH);
  const fcWith = a.forecasts.length;
  const methods = new Map<string, number>();
  for (const f of a.forecasts) methods.set(f.f.label, (methods.get(f.f.label) ?? 0) + 1);
  const topMethods = [...methods].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} ${count(v)}`).join(', ');
  const perPos = (ms: number) => `${((ms * 1000) / positions).toFixed(0)} µs per position`;
  const extra = withH.ms - without.ms;
  const out: HistoryRow[] = [
    { name: `analyze(), ${count(positions)} positions, no history`, ms: without.ms, note: `${perPos(without.ms)}; stages (ms) ${stagesWithout}; ${count(fcWithout)} forecasts; ${runsNote(without.runs, 1)}` },
    {
      name: `analyze(), ${count(positions)} positions, ${HISTORY_PERIODS} periods of history`,
      ms: withH.ms,
      note: `${perPos(withH.ms)}; +${extra.toFixed(0)} ms (${((extra * 1000) / positions).toFixed(0)} µs per position) for the history (trends, and forecasts fitted on ${HISTORY_PERIODS}+ months: the metrics stage); stages (ms) ${stagesWith}; ${count(fcWith)} forecasts (${topMethods}); ${runsNote(withH.runs, 1)}; at this rate 100,000 positions would take ~${((withH.ms * 100_000) / positions / 1000).toFixed(1)} s against the engine's 1 s budget`,
    },
  ];
  return figures('analyze', out, `analysis.ts synthetic workbook of ${count(positions)} positions (${count(wb.rows)} rows) + a history of ${count(history.length)} rows (${HISTORY_PERIODS} snapshots)`, input.ms, input.heap, probe);
}

// ---- Scenario: analyze() of 100,000 positions with 24 months of history ---------------------------

/**
 * The whole analysis at full size: analysis.ts' synthetic workbook of 100,000 positions and 24 monthly
 * snapshots of them (2,400,000 history rows), forecasts included. Median of LUMIVE_BENCH_RUNS timed calls
 * (default 3) after LUMIVE_BENCH_WARMUPS untimed ones (default 1).
 *
 * Stage split: analyze() reports its own stages (the history view is built between its `classes` and
 * `metrics` reports, the per-position trends and forecasts inside `metrics`); the bench then times, on
 * their own and over the same inputs, (1) the history view and trends as analyze() builds them
 * (historyView of the saved history and this run's snapshot rows, groupByPosition, channelPeriods, then
 * positionPoints + positionTrend per position) and (2) positionForecast of every forecast row on the
 * months and units analyze() forecast. "Rest" is the median analyze() time less those two medians:
 * import, metrics, recommendations and sheets.
 */
function analyzeScaleScenario(): HistoryFigures {
  const probe = new Probe();
  const n = SCALE_POSITIONS;
  const warmups = Number(process.env.LUMIVE_BENCH_WARMUPS ?? 1);
  const runs = Number(process.env.LUMIVE_BENCH_RUNS ?? 3);
  const input = measured(() => ({ wb: syntheticWorkbook(n), history: historyTable(n, 0, HISTORY_PERIODS) }));
  const { wb, history } = input.value;
  const s = DEFAULT_SETTINGS;
  const stagesOf: Partial<Record<Stage, number>>[] = [];
  const run = (): Analysis => {
    const stages: Partial<Record<Stage, number>> = {};
    const at: { stage: Stage | null; since: number } = { stage: null, since: performance.now() };
    const onProgress = (stage: Stage) => {
      const t = performance.now();
      if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + t - at.since;
      at.stage = stage;
      at.since = t;
    };
    const a = analyze(wb.sources, { settings: s, now: ANALYSIS_NOW, history, onProgress });
    if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + performance.now() - at.since;
    stagesOf.push(stages);
    probe.sample();
    return a;
  };
  const whole = probe.time(warmups, runs, run);
  const a = whole.result;
  const stageText = (() => {
    const last = stagesOf.slice(-whole.runs.length);
    const i = whole.runs.indexOf(median(whole.runs));
    return Object.entries(last[i < 0 ? 0 : i]).map(([k, v]) => `${k} ${(v as number).toFixed(0)}`).join(', ');
  })();

  // (1) History view and trends, as analyze() builds them, over the same saved history and this run's rows.
  const date = isoDate(ANALYSIS_NOW);
  const trendsPart = probe.time(Math.min(1, warmups), runs, () => {
    const view = historyView(history, a.snapshot, date);
    const groups = positionRows(view);
    const periods = channelPeriods(view);
    let withTrend = 0;
    for (const m of a.metrics) {
      const label = m.position.channel.label;
      const idx = groups.rows(m.position.masterSku, label);
      if (!idx) continue;
      // As analyze() does: the trend without its points (built only when read).
      positionTrend(view, idx, periods.all.get(label) ?? [], periods.sales.get(label), s.trendThreshold);
      withTrend++;
    }
    return withTrend;
  });

  // (2) The forecasts, on the months and units analyze() forecast.
  const rows = a.forecasts;
  const fcPart = probe.time(Math.min(1, warmups), runs, () => {
    let fitted = 0;
    for (const { m, f } of rows) {
      const r = positionForecast(m.position, f.months, m.velocity, m.leadTimeDays + s.reviewDays, false, f.history, s.xyzCuts);
      if (r.result) fitted++;
    }
    return fitted;
  });
  const methods = new Map<string, number>();
  let months = 0;
  for (const { f } of rows) {
    methods.set(f.label, (methods.get(f.label) ?? 0) + 1);
    months = Math.max(months, f.history.length);
  }
  const mix = [...methods].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${count(v)}`).join(', ');
  const rest = whole.ms - trendsPart.ms - fcPart.ms;
  const perPos = (ms: number, of: number) => `${((ms * 1000) / Math.max(1, of)).toFixed(1)} µs per position`;
  const out: HistoryRow[] = [
    {
      name: `analyze(), ${count(a.metrics.length)} positions, ${HISTORY_PERIODS} months of history`,
      ms: whole.ms,
      note: `forecasts included; ${runsNote(whole.runs, warmups)}; analyze()'s own stages (ms) ${stageText}; split below: history view/trends ${trendsPart.ms.toFixed(0)} + forecasts ${fcPart.ms.toFixed(0)} + rest ${rest.toFixed(0)} ms`,
    },
    {
      name: `  of which history view and trends (${count(history.length)} saved rows)`,
      ms: trendsPart.ms,
      note: `historyView + positionRows + channelPeriods + positionTrend of ${count(trendsPart.result)} positions (as analyze() runs them), timed on their own; ${runsNote(trendsPart.runs, Math.min(1, warmups))}`,
    },
    {
      name: `  of which forecasts (${count(rows.length)} positions, ${months} months each)`,
      ms: fcPart.ms,
      note: `positionForecast timed on its own on the months and units analyze() forecast: ${perPos(fcPart.ms, rows.length)}; ${count(fcPart.result)} fitted; methods ${mix}; ${runsNote(fcPart.runs, Math.min(1, warmups))}`,
    },
    { name: `  of which the rest (import, metrics, recommendations, sheets)`, ms: rest, note: `the median analyze() time less the two parts above` },
  ];
  return figures('analyze-100k', out, `analysis.ts synthetic workbook of ${count(n)} positions (${count(wb.rows)} rows) + a history of ${count(history.length)} rows (${HISTORY_PERIODS} snapshots)`, input.ms, input.heap, probe);
}

export const SCENARIOS = {
  read: readScenario,
  save: saveScenario,
  trends: trendsScenario,
  analyze: analyzeScenario,
  'analyze-100k': analyzeScaleScenario,
} as const;
export type HistoryScenario = keyof typeof SCENARIOS;
export const HISTORY_SCENARIOS = Object.keys(SCENARIOS) as HistoryScenario[];

if (require.main === module) {
  const name = process.argv[2] as HistoryScenario;
  const scenario: (() => HistoryFigures) | undefined = SCENARIOS[name];
  if (!scenario) {
    process.stderr.write(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}\n`);
    process.exitCode = 2;
  } else {
    try {
      process.stdout.write(JSON.stringify(scenario()));
    } catch (e) {
      process.stderr.write(String((e as Error)?.stack ?? e));
      process.exitCode = 1;
    }
  }
}
