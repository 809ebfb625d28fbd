/**
 * The analysis pipeline (docs/ARCHITECTURE.md): cells → positions → metrics under the chosen policy →
 * classes (ABC, movement, aging) → recommendations → sheet specs. Pure: the caller reads the workbook
 * and writes the specs (app/analyze-workbook.ts), so the CLI, the tests and the add-in run the same code.
 *
 * Money: the mapping's Cost Price and Selling Price are in the reporting currency; each position's
 * are converted to its channel's currency (a report's own price already is), so per-row money is in
 * the channel's currency and totals are converted back.
 *
 * Order of the recommendations, so no unit is counted twice: transfers first (they use excess that
 * would otherwise be liquidated and cover need that would otherwise be bought), then own-warehouse
 * stock, then purchases; liquidation works on the excess left after transfers.
 */
import { abcClasses } from './metrics/abc';
import { isCalcError } from './errors';
import { importReports, readSource, type ImportResult, type SourceAssignment, type SourceSummary } from './ingest/import';
import { repriced } from './ingest/join';
import type { ParsedReport } from './ingest/read-report';
import { RecordTable } from './ingest/records';
import { issueAt, type ImportIssue, type RawGrid, type SourceGrid } from './ingest/types';
import { problemOf } from './problems';
import { DEFAULT_SETTINGS, type AbcClass, type Position, type Settings } from './model';
import { kpis as computeKpis, type Kpis } from './analysis/kpis';
import { positionMetrics, positionVelocity, resolveLeadTime, type PlanningInputs, type PositionMetrics } from './analysis/position-metrics';
import { channelMonths, FORECAST_MONTHS, forecastWindows, historyOf, MIN_HISTORY, monthsAfter, positionForecast } from './analysis/position-forecast';
import { eventCalendar, type EventWindow } from './forecast/events';
import { listEvents, NO_CHOICES, type EventChoices } from './forecast/event-choices';
import { eventsSheet, readEventsSheet } from './sheets/events-sheet';
import { ChannelUplifts, countryEvents, eventAhead, eventDemand, settingPriors, type CountryEvents } from './analysis/position-events';
import { dailyCalendar, dailyHistory, learnUplifts, monthFactor, occurrenceCounts, type DailyCalendar, type LearnedUplifts } from './forecast/event-uplift';
import { supplierLeadTimes, type SupplierLeadTime } from './metrics/lead-time';
import { forecastSheet, type ForecastRow } from './sheets/forecast-sheet';
import { fromReporting, toReporting } from './analysis/money';
import { mergeApprovals, readApprovalLog, readPreviousApprovals, type ApprovalKey, type ApprovalRequest, type ApprovalState, type LogRow, type SeenRow } from './recommend/approvals';
import { liquidationLines, type LiquidationLine } from './recommend/liquidation-lines';
import { openOrders, type OnOrder } from './recommend/on-order';
import { purchaseOrders, type PurchaseOrder } from './recommend/purchase-orders';
import { shipments as shipmentLists, type Shipment } from './recommend/shipments';
import { purchaseOrdersSheet, shipmentsSheet } from './sheets/document-sheets';
import { planTransfers, type Rebalance, type TransferLine } from './recommend/rebalance-lines';
import { reorderLines, type ReorderLine } from './recommend/reorder-lines';
import { strandedLines, type StrandedLine } from './recommend/stranded-lines';
import { urgentActions, type UrgentAction } from './recommend/urgent-actions';
import { approvalLogSheet } from './sheets/approval-log-sheet';
import { crossChannelSheet } from './sheets/cross-channel-sheet';
import { dataIssuesSheet } from './sheets/data-issues-sheet';
import { healthSheet } from './sheets/health-sheet';
import { OUTPUT_SHEETS } from './sheets/names';
import { liquidationSheet, rebalanceSheet, reorderSheet, strandedSheet, urgentSheet } from './sheets/recommendation-sheets';
import { settingsSheet } from './sheets/settings-sheet';
import type { SheetSpec } from './sheets/spec';
import { summarySheet } from './sheets/summary-sheet';
import { HistoryTable, historyView, isoDate, snapshotDates } from './history/history';
import { snapshotRows } from './history/snapshot';
import { channelPeriods } from './history/channel-periods';
import { positionRows } from './history/position-rows';
import { soldPerMonth } from './history/sold-per-month';
import { positionTrend, type TrendRow } from './history/trends';
import { trendsSheet, type TrendSheetRow } from './sheets/trends-sheet';

export type Stage = 'import' | 'metrics' | 'classes' | 'recommendations' | 'sheets';
export const STAGES: readonly Stage[] = ['import', 'metrics', 'classes', 'recommendations', 'sheets'];
export type Progress = (stage: Stage, done: number, total: number) => void;

export type OutputId = keyof typeof OUTPUT_SHEETS;

/** Approval sheets as the previous run left them (what users typed), and the log. */
export interface PreviousState {
  readonly sheets?: Partial<Record<'reorder' | 'rebalance' | 'liquidation', { readonly name: string; readonly grid: RawGrid }>>;
  readonly log?: RawGrid;
}

export interface AnalyzeOptions {
  readonly settings?: Settings;
  readonly assignments?: Readonly<Record<string, SourceAssignment>>;
  readonly decimalComma?: boolean;
  readonly previous?: PreviousState;
  /** Sheet names to write under (registry plan); defaults to OUTPUT_SHEETS. */
  readonly names?: Readonly<Partial<Record<OutputId, string>>>;
  /** Issues found before the analysis (settings sheet, registry), listed first in Data Issues. */
  readonly issues?: readonly ImportIssue[];
  /** The saved snapshot history (history/history.ts, readHistory); none when absent. */
  readonly history?: HistoryTable;
  /** This analysis will be saved as a snapshot (its date counts among the saved ones on the Trends sheet). */
  readonly savingSnapshot?: boolean;
  /** The Lumive Events sheet as the last run wrote it and the seller edited it (sheets/events-sheet.ts). */
  readonly events?: { readonly name: string; readonly grid: RawGrid };
  /** When the analysis runs (ISO text in the log and on the Summary). */
  readonly now?: Date;
  readonly onProgress?: Progress;
}

export interface Analysis {
  readonly settings: Settings;
  readonly sources: readonly SourceSummary[];
  readonly metrics: readonly PositionMetrics[];
  readonly reorder: readonly ReorderLine[];
  readonly rebalance: Rebalance;
  readonly liquidation: readonly LiquidationLine[];
  readonly stranded: readonly StrandedLine[];
  readonly urgent: readonly UrgentAction[];
  /** The approved and auto-approved Reorder lines as POs, and the approved moves of stock by route. */
  readonly purchaseOrders: readonly PurchaseOrder[];
  readonly shipments: readonly Shipment[];
  /** Positions of channels with a sales report, with their forecast (Forecast sheet). */
  readonly forecasts: readonly ForecastRow[];
  /** Lead times measured from the supplier PO history sheet. */
  readonly suppliers: readonly SupplierLeadTime[];
  /** Per position its trend from the history (Trends sheet); null without any history row. */
  readonly trends: readonly TrendSheetRow[];
  /** What Save snapshot writes (history/snapshot.ts), dated `snapshotDate`. */
  readonly snapshot: HistoryTable;
  readonly snapshotDate: string;
  /** Saved snapshot dates (oldest first; this analysis' date included when it is being saved) and saved history rows, as given. */
  readonly history: { readonly snapshotDates: readonly string[]; readonly savedRows: number };
  readonly approvals: { readonly reorder: ApprovalState[]; readonly rebalance: ApprovalState[]; readonly liquidation: ApprovalState[] };
  readonly logRows: readonly LogRow[];
  readonly kpis: Kpis;
  readonly issues: readonly ImportIssue[];
  readonly specs: readonly SheetSpec[];
}

/**
 * ABC over Master SKUs by revenue (reporting currency) or units, per the settings: each position's
 * Master SKU's class, in the positions' order (one lookup by Master SKU per position).
 */
function abcByMaster(positions: readonly Position[], s: Settings): AbcClass[] {
  const masterOf = new Map<string, number>();
  const totals: number[] = [];
  const master = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    const v = s.abcBasis === 'units' ? p.sold : toReporting(Math.max(0, p.revenue), p.channel.currency, s);
    let k = masterOf.get(p.masterSku);
    if (k === undefined) {
      k = totals.length;
      masterOf.set(p.masterSku, k);
      totals.push(0);
    }
    totals[k] += Math.max(0, v);
    master[i] = k;
  }
  const classes = abcClasses(totals, s.abcCuts);
  const byMaster: AbcClass[] = classes.map((c) => (c === null || isCalcError(c) ? 'C' : c));
  const out: AbcClass[] = new Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[i] = byMaster[master[i]];
  return out;
}

/** Notes the analysis adds to Data Issues: channels without a sales report, positions without cost. */
function analysisNotes(metrics: readonly PositionMetrics[], result: ImportResult): ImportIssue[] {
  const notes: ImportIssue[] = [];
  const noSales = new Map<string, number>();
  for (const m of metrics) if (m.velocityMethod === 'no sales report') noSales.set(m.position.channel.label, (noSales.get(m.position.channel.label) ?? 0) + 1);
  for (const [label, n] of noSales) notes.push(issueAt({ source: label, row: null, column: null, value: null }, problemOf('analysis.no-sales-report', { channel: label, n }), false));
  const mappingSource = result.sources.find((s) => s.kind === 'mapping')?.source ?? 'Mapping';
  const missingCost = new Set<string>();
  for (const m of metrics) if (m.position.cost === null && !m.position.provisional) missingCost.add(m.position.masterSku);
  for (const sku of missingCost) {
    notes.push(issueAt({ source: mappingSource, row: null, column: 'Cost Price', value: sku }, problemOf('analysis.cost-missing', { sku }), false));
  }
  return notes;
}

/** `key` gives the whole row key (sheet included): a key per line, not a key and a spread copy of it. */
function approvalRequests<T>(lines: readonly T[], key: (l: T) => ApprovalKey, qty: (l: T) => number, tier: (l: T) => string | null): ApprovalRequest[] {
  return lines.map((l) => ({ key: key(l), recommendedQty: qty(l), tier: tier(l) }));
}

/**
 * Reads every sheet or file into typed records (the import's first step), each on its own: a caller
 * that reads files one at a time can let each file's grid go before reading the next.
 */
export function readSources(sources: readonly SourceGrid[], options: Pick<AnalyzeOptions, 'assignments' | 'decimalComma' | 'now'> = {}): ParsedReport[] {
  const asOf = (options.now ?? new Date()).getTime();
  return sources.map((input) => readSource(input, { assignments: options.assignments, decimalComma: options.decimalComma, asOf }));
}

/**
 * The whole analysis from sheets or files as grids of cells: readSources, then analyzeParsedReports.
 * Pure, in memory; the engine's public entry. Reading a workbook and writing the sheets back is the
 * app layer's analyzeWorkbook (src/app/analyze-workbook.ts), and `lumive analyze` is analyzeCommand
 * (src/cli/analyze.ts).
 */
export function analyze(sources: readonly SourceGrid[], options: AnalyzeOptions = {}): Analysis {
  const now = options.now ?? new Date();
  options.onProgress?.('import', 0, 1);
  return analyzeParsedReports(readSources(sources, { ...options, now }), { ...options, now });
}

/** What every stage needs: the settings, the moment of the analysis and the progress callback. */
interface Context {
  readonly s: Settings;
  readonly now: Date;
  /** The moment as the log and the Summary write it. */
  readonly at: string;
  readonly progress: Progress;
  readonly options: AnalyzeOptions;
  /** The Lumive Events sheet as read (the seller's choices and the problems found). */
  readonly events: { readonly choices: EventChoices; readonly issues: readonly ImportIssue[] };
}

/**
 * The analysis from reports already read (readSources), as a short sequence of pure stages, each
 * returning new values: import (channels, repeats, join), money (each position's mapping prices in its
 * channel's currency), planning (history, lead times, forecasts, metrics), recommendations (with the
 * approvals carried forward) and sheets.
 */
export function analyzeParsedReports(reports: readonly ParsedReport[], options: AnalyzeOptions = {}): Analysis {
  const now = options.now ?? new Date();
  const ctx: Context = {
    s: options.settings ?? DEFAULT_SETTINGS,
    now,
    at: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    progress: options.onProgress ?? (() => undefined),
    options,
    events: options.events ? readEventsSheet(options.events.grid, options.events.name) : { choices: NO_CHOICES, issues: [] },
  };
  const imported = priced(importStage(reports, ctx), ctx.s);
  const planned = planningStage(imported, imported.positions, ctx);
  const recommended = recommendationStage(planned, imported, ctx);
  const issues: ImportIssue[] = [
    ...(options.issues ?? []),
    ...ctx.events.issues,
    ...recommended.issues,
    ...imported.sources.flatMap((src) => src.issues),
    ...imported.issues,
    ...planned.leadIssues,
    ...analysisNotes(planned.metrics, imported),
  ];
  const kpis = computeKpis(planned.metrics, recommended.urgent.reduce((a, u) => a + (u.moneyAtStake ?? 0), 0), ctx.s);
  const sheets = sheetStage(imported, planned, recommended, issues, kpis, ctx);
  return {
    settings: ctx.s,
    sources: imported.sources,
    metrics: planned.metrics,
    forecasts: planned.forecastRows,
    suppliers: planned.suppliers,
    trends: planned.trendRows,
    snapshot: planned.snapshot,
    snapshotDate: planned.date,
    history: { snapshotDates: sheets.savedDates, savedRows: planned.saved.length },
    reorder: recommended.reorder,
    rebalance: recommended.transfers,
    liquidation: recommended.liquidation,
    stranded: recommended.stranded,
    urgent: recommended.urgent,
    purchaseOrders: recommended.purchaseOrders,
    shipments: recommended.shipments,
    approvals: recommended.approvals,
    logRows: recommended.logRows,
    kpis,
    issues,
    specs: sheets.specs,
  };
}

/** Channels, repeats and the join. The summaries keep no records: nothing after the join reads them. */
function importStage(reports: readonly ParsedReport[], ctx: Context): ImportResult {
  ctx.progress('import', 0, 1);
  const imported = importReports(reports, { assignments: ctx.options.assignments, periodDays: ctx.s.periodDays });
  ctx.progress('import', 1, 1);
  return { ...imported, sources: imported.sources.map((src) => ({ ...src, report: { ...src.report, records: RecordTable.EMPTY } })) };
}

/** The import with its positions priced (moneyStage) in place of the joined ones, which nothing after reads. */
function priced(imported: ImportResult, s: Settings): ImportResult {
  return { ...imported, positions: moneyStage(imported.positions, s) };
}

/** Each position's mapping cost and price (reporting currency) in its channel's currency; a report's own price already is. */
function moneyStage(positions: readonly Position[], s: Settings): Position[] {
  return positions.map((p) => {
    const currency = p.channel.currency;
    if (currency === s.reportingCurrency) return p;
    return repriced(p, p.cost === null ? null : fromReporting(p.cost, currency, s), p.price !== null && p.priceFromMapping ? fromReporting(p.price, currency, s) : p.price);
  });
}

interface Planned {
  readonly metrics: PositionMetrics[];
  readonly forecastRows: ForecastRow[];
  readonly trendRows: TrendSheetRow[];
  readonly suppliers: readonly SupplierLeadTime[];
  readonly leadIssues: ImportIssue[];
  /** Units on open POs per Master SKU (recommend/on-order.ts). */
  readonly onOrder: OnOrder;
  /** Supplier of each Master SKU's latest PO in the PO history. */
  readonly lastPoSupplier: ReadonlyMap<string, string>;
  readonly snapshot: HistoryTable;
  readonly saved: HistoryTable;
  readonly date: string;
  readonly periods: ReturnType<typeof channelPeriods>;
  /** The years the Lumive Events sheet lists. */
  readonly eventYears: { readonly from: number; readonly to: number };
}

/** A channel's events for the analysis: its country's calendar, the settings' priors, occurrences in its history. */
interface ChannelCalendar extends CountryEvents {
  /** The years whose built-in events it holds. */
  readonly from: number;
  readonly to: number;
  readonly settings: ReadonlyMap<string, number>;
  readonly occurrences: ReadonlyMap<string, number>;
  /** The events with a day in the channel's forecast months. */
  readonly horizonWindows: readonly EventWindow[];
  /** The channel's forecast months ("YYYY-MM"). */
  readonly horizon: readonly string[];
  /** The priors of its positions without evidence of their own, and the forecast months' factors at them (made once). */
  shared?: { readonly prior: ReadonlyMap<string, number>; readonly factors: readonly number[] };
}

/**
 * Per channel with sales, the events of its country from the first month of its history to a year past
 * the later of its last month and today (the forecast's months and the next event ahead).
 */
function eventCalendars(positions: readonly Position[], withSales: ReadonlySet<string>, seriesMonths: ReadonlyMap<string, string[]>, now: Date, s: Settings, choices: EventChoices): Map<string, ChannelCalendar> {
  const out = new Map<string, ChannelCalendar>();
  for (const p of positions) {
    const ch = p.channel;
    if (out.has(ch.id) || !withSales.has(ch.id)) continue;
    const span = seriesMonths.get(ch.id) ?? [];
    const first = span.length > 0 ? Number(span[0].slice(0, 4)) : now.getUTCFullYear();
    const last = Math.max(span.length > 0 ? Number(span[span.length - 1].slice(0, 4)) : 0, now.getUTCFullYear()) + 1;
    const cal = countryEvents(ch.country, first, last, choices);
    out.set(ch.id, {
      ...cal,
      from: first,
      to: last,
      settings: settingPriors(cal.windows, s, choices),
      occurrences: occurrenceCounts(cal.windows, span),
      horizonWindows: forecastWindows(cal.windows, span),
      horizon: span.length > 0 ? monthsAfter(span[span.length - 1], FORECAST_MONTHS) : [],
    });
  }
  return out;
}

/**
 * ABC, supplier lead times, the history (saved snapshots joined with this run's rows: the Trends sheet
 * and, from 3 periods on, each position's monthly demand for XYZ, demand class and forecasts), the
 * forecasts and every position's metrics under the policy.
 */
function planningStage(imported: ImportResult, positions: readonly Position[], ctx: Context): Planned {
  const { s, progress } = ctx;
  progress('classes', 0, 1);
  const abc = abcByMaster(positions, s);
  progress('classes', 1, 1);

  const withSales = new Set<string>();
  for (const p of positions) if (p.salesFrom !== null) withSales.add(p.channel.id);
  // Supplier lead times from PO history; a position's supplier is the mapping's, else its latest PO's.
  const leadTimes = supplierLeadTimes(imported.poRecords);
  const bySupplier = new Map<string, SupplierLeadTime>(leadTimes.suppliers.map((x) => [x.supplier, x]));
  const measuredLead = (p: Position): PlanningInputs['leadTime'] => {
    if (bySupplier.size === 0) return null;
    const supplier = p.supplier ?? leadTimes.perMaster.get(p.masterSku) ?? null;
    const st = supplier === null ? undefined : bySupplier.get(supplier);
    return st ? { meanDays: st.meanDays, sdDays: st.sdDays, supplier: st.supplier } : null;
  };
  const months = channelMonths(positions);
  const date = isoDate(ctx.now);
  const velocities = positions.map((p) => positionVelocity(p, withSales.has(p.channel.id)).v);
  const current = snapshotRows({ positions: positions.map((p, i) => ({ p, velocity: velocities[i] })), date, withSales, months, spans: imported.salesSpans });
  const saved = ctx.options.history ?? new HistoryTable();
  const view = historyView(saved, current.view, date);
  // Without a saved history the view is this run's rows, and each position's rows are its own
  // (snapshotRows says where): no need to group 100,000s of rows by a key text built per position.
  const own = saved.length === 0 && view === current.view ? current.positionRows : null;
  const groups = own ? null : positionRows(view);
  const rowsOf = (p: Position, i: number): number[] | undefined => {
    if (!own) return groups!.rows(p.masterSku, p.channel.label);
    const idx = new Array<number>(own[i + 1] - own[i]);
    for (let k = 0; k < idx.length; k++) idx[k] = own[i] + k;
    return idx;
  };
  const periods = channelPeriods(view);
  const seriesMonths = new Map<string, string[]>();
  for (const p of positions) {
    if (seriesMonths.has(p.channel.id)) continue;
    seriesMonths.set(p.channel.id, [...new Set([...(periods.all.get(p.channel.label) ?? []), ...(months.get(p.channel.id) ?? [])])].sort());
  }
  const withReturns = new Set(imported.sources.filter((src) => src.kind === 'amazon-returns' && src.channel).map((src) => src.channel!.id));
  const metrics: PositionMetrics[] = new Array(positions.length);
  const forecastRows: ForecastRow[] = [];
  const trendRows: TrendSheetRow[] = new Array(positions.length);
  const step = Math.max(1, Math.floor(positions.length / 20));
  // Each position's trend, and the months' units its forecast reads.
  const trends: (TrendRow | null)[] = new Array(positions.length);
  const unitsOf: (number[] | undefined)[] = new Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    const idx = rowsOf(p, i);
    // The channel's periods; the forecast's span adds only months without any row, which give no point.
    trends[i] = idx ? positionTrend(view, idx, periods.all.get(p.channel.label) ?? [], periods.sales.get(p.channel.label), s.trendThreshold) : null;
    if (withSales.has(p.channel.id)) unitsOf[i] = soldPerMonth(seriesMonths.get(p.channel.id) ?? [], trends[i]);
  }
  const calendars = eventCalendars(positions, withSales, seriesMonths, ctx.now, s, ctx.events.choices);
  // The Lumive Events sheet lists the years any channel's calendar holds (this year and next without sales).
  const thisYear = ctx.now.getUTCFullYear();
  const eventYears = { from: Math.min(thisYear, ...[...calendars.values()].map((c) => c.from)), to: Math.max(thisYear + 1, ...[...calendars.values()].map((c) => c.to)) };
  // The channels' average uplifts, from the positions whose own history shows an event.
  const channelUplifts = new ChannelUplifts();
  const ownPass: (LearnedUplifts | undefined)[] = new Array(positions.length);
  // Each channel's daily calendar over its span of dated sales (made once): positions with daily sales learn from their days.
  const dailyCalendars = new Map<string, DailyCalendar | undefined>();
  const dailyOf = (p: Position, windows: readonly EventWindow[]): DailyCalendar | undefined => {
    if (!p.dailySales) return undefined;
    if (!dailyCalendars.has(p.channel.id)) {
      const sales = imported.salesSpans.get(p.channel.id);
      dailyCalendars.set(p.channel.id, sales ? dailyCalendar(windows, sales.from, sales.to) : undefined);
    }
    return dailyCalendars.get(p.channel.id);
  };
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    const cal = calendars.get(p.channel.id);
    const span = seriesMonths.get(p.channel.id) ?? [];
    if (!cal || cal.occurrences.size === 0 || span.length < MIN_HISTORY) continue;
    const daily = dailyOf(p, cal.windows);
    const learned = learnUplifts(span, historyOf(p, span, unitsOf[i]), cal.days, cal.settings, undefined, daily && dailyHistory(p.dailySales!, daily));
    if (learned.information.size === 0) continue;
    ownPass[i] = learned;
    channelUplifts.add(p.channel.id, learned);
  }
  const today = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate());
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    const hasSales = withSales.has(p.channel.id);
    const leadTime = measuredLead(p);
    const trend = trends[i];
    let f = null;
    let extra = 0;
    let ahead = null;
    if (hasSales) {
      const span = seriesMonths.get(p.channel.id) ?? [];
      const cal = calendars.get(p.channel.id);
      const lead = resolveLeadTime(p, leadTime, s).days;
      let events;
      if (cal) {
        const own = ownPass[i];
        if (!own && !cal.shared) {
          const prior = channelUplifts.priors(p.channel.id, cal.settings);
          cal.shared = { prior, factors: cal.horizon.map((m) => monthFactor(m, cal.days, prior)) };
        }
        const prior = own ? channelUplifts.priors(p.channel.id, cal.settings, own) : cal.shared!.prior;
        events = { days: cal.days, prior, occurrences: cal.occurrences, horizonWindows: cal.horizonWindows, priorFactors: own ? undefined : cal.shared!.factors, learn: own !== undefined, daily: own ? dailyOf(p, cal.windows) : undefined };
      }
      f = positionForecast(p, span, velocities[i], lead + s.reviewDays, withReturns.has(p.channel.id), unitsOf[i], s.xyzCuts, events);
      // The cover policy's extra units for the event days inside lead time + cover.
      if (cal && f.uplift) {
        extra = eventDemand(cal.windows, f.uplift, today, lead + s.safetyDays, velocities[i]);
        ahead = eventAhead(cal.windows, f.uplift, today, lead);
      }
    }
    metrics[i] = positionMetrics(p, abc[i], s, hasSales, { leadTime, forecast: f?.daily ? { demand: f.daily.demand, sd: f.daily.sd, label: f.label } : null, eventDemand: extra, eventAhead: ahead });
    if (f) forecastRows.push({ m: metrics[i], f });
    trendRows[i] = { m: metrics[i], t: trend };
    if (i % step === 0) progress('metrics', i, positions.length);
  }
  progress('metrics', positions.length, positions.length);
  const poSource = imported.sources.find((src) => src.kind === 'po-history')?.source ?? 'Supplier PO history';
  const leadIssues: ImportIssue[] = leadTimes.issues.map((x) => issueAt({ source: poSource, row: x.row, column: x.column, value: x.value === null || x.value === undefined ? null : String(x.value) }, x.problem, false));
  const onOrder = openOrders(imported.poRecords, leadTimes.suppliers, s, ctx.now);
  for (const x of onOrder.issues) leadIssues.push(issueAt({ source: poSource, row: x.row, column: x.column, value: x.value }, x.problem, false));
  for (const po of onOrder.open) {
    if (po.daysLate === 0) continue;
    const late = problemOf('onorder.late', {
      po: po.poNumber,
      supplier: po.supplier,
      quantity: po.quantity,
      master: po.masterSku,
      expected: po.expected,
      poDate: po.poDate,
      lead: po.leadTimeSource,
      days: po.daysLate,
    });
    leadIssues.push(issueAt({ source: poSource, row: po.row, column: 'Received Date', value: null }, late, false));
  }
  return { metrics, forecastRows, trendRows, suppliers: leadTimes.suppliers, leadIssues, onOrder, lastPoSupplier: leadTimes.perMaster, snapshot: current.save, saved, date, periods, eventYears };
}

interface Recommended {
  readonly transfers: Rebalance;
  readonly reorder: ReorderLine[];
  readonly liquidation: LiquidationLine[];
  readonly stranded: StrandedLine[];
  readonly urgent: UrgentAction[];
  readonly purchaseOrders: PurchaseOrder[];
  readonly shipments: Shipment[];
  readonly approvals: Analysis['approvals'];
  readonly logRows: readonly LogRow[];
  /** Problems found reading the previous approval sheets. */
  readonly issues: ImportIssue[];
}

/**
 * Transfers, reorders, liquidation, stranded units and urgent actions, and the approvals: what users
 * typed on the previous sheets, merged by row key, and the log.
 */
function recommendationStage(planned: Planned, imported: ImportResult, ctx: Context): Recommended {
  const { s, progress } = ctx;
  const { metrics, onOrder } = planned;
  progress('recommendations', 0, 5);
  const transfers = planTransfers(metrics, s);
  const reorder = reorderLines(metrics, imported.warehouseStock, transfers.received, s, onOrder.byMaster);
  progress('recommendations', 2, 5);
  const liquidation = liquidationLines(metrics, transfers.sent, s);
  const stranded = strandedLines(metrics, s);
  const byId = <T>(lines: readonly T[], id: (l: T) => string) => {
    const map = new Map<string, T>();
    for (const l of lines) map.set(id(l), l);
    return map;
  };
  const group = (lines: readonly TransferLine[], id: (l: TransferLine) => string) => {
    const map = new Map<string, TransferLine[]>();
    for (const l of lines) {
      const list = map.get(id(l));
      if (list) list.push(l);
      else map.set(id(l), [l]);
    }
    return map;
  };
  const urgent = urgentActions(
    metrics,
    {
      reorder: byId(reorder, (l) => l.metrics.id),
      transfersIn: group(transfers.lines, (l) => l.to.id),
      transfersOut: group(transfers.lines, (l) => l.from.id),
      liquidation: byId(liquidation, (l) => l.metrics.id),
      stranded: byId(stranded, (l) => l.metrics.id),
    },
    s,
  );
  progress('recommendations', 4, 5);

  const issues: ImportIssue[] = [];
  const prev = ctx.options.previous ?? {};
  const seen = new Map<string, SeenRow>();
  const headers = { reorder: ['Channel', null], rebalance: ['From', 'To'], liquidation: ['Channel', null] } as const;
  for (const id of ['reorder', 'rebalance', 'liquidation'] as const) {
    const sheet = prev.sheets?.[id];
    if (!sheet) continue;
    const read = readPreviousApprovals({ sheet: OUTPUT_SHEETS[id], sheetName: sheet.name, channelHeader: headers[id][0], destinationHeader: headers[id][1], grid: sheet.grid }, issues);
    for (const [k, v] of read) seen.set(k, v);
  }
  const log = readApprovalLog(prev.log ?? []);
  const autoTier = s.approvalTiers[0]?.tier ?? 'Auto';
  const requests = [
    ...approvalRequests(reorder, (l) => ({ sheet: OUTPUT_SHEETS.reorder, masterSku: l.metrics.position.masterSku, channel: l.metrics.position.channel.label, destination: '' }), (l) => l.buyQty, (l) => l.tier),
    ...approvalRequests(transfers.lines, (l) => ({ sheet: OUTPUT_SHEETS.rebalance, masterSku: l.from.position.masterSku, channel: l.from.position.channel.label, destination: l.to.position.channel.label }), (l) => l.transfer.qty, (l) => l.tier),
    ...approvalRequests(liquidation, (l) => ({ sheet: OUTPUT_SHEETS.liquidation, masterSku: l.metrics.position.masterSku, channel: l.metrics.position.channel.label, destination: '' }), (l) => l.units, (l) => l.tier),
  ];
  const merged = mergeApprovals(requests, seen, log, autoTier, ctx.at);
  const approvals = {
    reorder: merged.states.slice(0, reorder.length),
    rebalance: merged.states.slice(reorder.length, reorder.length + transfers.lines.length),
    liquidation: merged.states.slice(reorder.length + transfers.lines.length),
  };
  // The documents: what was approved, as POs by supplier and shipments by route.
  const mappingSource = imported.sources.find((src) => src.kind === 'mapping')?.source ?? 'Mapping';
  const pos = purchaseOrders(
    { reorder, approvals: approvals.reorder, lastPoSupplier: planned.lastPoSupplier, ownWarehouse: imported.warehouseStock.size > 0, orderDate: planned.date, mappingSource },
    s,
  );
  const moves = shipmentLists({ metrics, transfers: transfers.lines, transferApprovals: approvals.rebalance, reorder, reorderApprovals: approvals.reorder });
  issues.push(...pos.issues);
  progress('recommendations', 5, 5);
  return { transfers, reorder, liquidation, stranded, urgent, purchaseOrders: pos.orders, shipments: moves, approvals, logRows: merged.logRows, issues };
}

/** The output sheets as specs, in the order the workbook shows them. */
function sheetStage(imported: ImportResult, planned: Planned, r: Recommended, issues: readonly ImportIssue[], kpis: Kpis, ctx: Context): { specs: SheetSpec[]; savedDates: string[] } {
  const { s, progress, options } = ctx;
  const name = (id: OutputId) => options.names?.[id] ?? OUTPUT_SHEETS[id];
  const prev = options.previous ?? {};
  progress('sheets', 0, 10);
  const channelLabel = (src: SourceSummary) => src.channel?.label ?? (src.kind === null ? '—' : src.channelDecision?.channel === null && src.channelDecision.channelReport ? 'unknown' : '—');
  const specs: SheetSpec[] = [
    urgentSheet(name('urgent'), r.urgent, s),
    summarySheet(
      name('summary'),
      kpis,
      {
        analyzedAt: ctx.at,
        reorderValue: r.reorder.reduce((a, l) => a + (l.orderValueReporting ?? 0), 0),
        reorderLines: r.reorder.length,
        transfers: r.transfers.lines.length,
        capitalSaved: r.transfers.lines.reduce((a, l) => a + l.capitalSavedReporting, 0),
        liquidationLines: r.liquidation.length,
        strandedUnits: r.stranded.reduce((a, l) => a + l.stranded + l.unfulfillable, 0),
        dataIssues: issues.length,
        sources: imported.sources.map((src) => ({
          sheet: src.source,
          kind: src.label ?? 'not recognized',
          channel: channelLabel(src),
          rowsRead: src.rowsRead,
          rowsUsed: src.rowsUsed,
          rowsReported: src.rowsReported,
        })),
      },
      s,
    ),
  ];
  progress('sheets', 2, 10);
  specs.push(healthSheet(name('health'), planned.metrics, s, planned.trendRows));
  progress('sheets', 4, 10);
  specs.push(
    reorderSheet(name('reorder'), r.reorder, r.approvals.reorder, s),
    rebalanceSheet(name('rebalance'), r.transfers.lines, r.approvals.rebalance, s),
    liquidationSheet(name('liquidation'), r.liquidation, r.approvals.liquidation, s),
    purchaseOrdersSheet(name('purchaseOrders'), r.purchaseOrders, s),
    shipmentsSheet(name('shipments'), r.shipments),
  );
  progress('sheets', 6, 10);
  specs.push(crossChannelSheet(name('crossChannel'), planned.metrics, s), strandedSheet(name('stranded'), r.stranded, s), forecastSheet(name('forecast'), planned.forecastRows, planned.suppliers));
  const savedDates = [...new Set([...snapshotDates(planned.saved), ...(options.savingSnapshot ? [planned.date] : [])])].sort();
  const allPeriods = [...planned.periods.all.values()].flat().sort();
  specs.push(trendsSheet(name('trends'), planned.trendRows, { snapshotDates: savedDates, savedRows: planned.saved.length, firstPeriod: allPeriods[0] ?? null, lastPeriod: allPeriods.at(-1) ?? null }, s));
  progress('sheets', 8, 10);
  specs.push(
    dataIssuesSheet(name('dataIssues'), issues),
    settingsSheet(name('settings'), s),
    eventsSheet(name('events'), listEvents(eventCalendar(planned.eventYears.from, planned.eventYears.to), ctx.events.choices)),
  );
  if (r.logRows.length > 0 || !prev.log) specs.push(approvalLogSheet(name('approvalLog'), r.logRows, prev.log !== undefined));
  progress('sheets', 10, 10);
  return { specs, savedDates };
}
