/**
 * The analysis pipeline (ARCHITECTURE.md): cells → positions → metrics under the chosen policy →
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
import { importSources, type ImportResult, type SourceAssignment, type SourceSummary } from './ingest/import';
import type { ImportIssue, RawGrid, SourceGrid } from './ingest/types';
import { DEFAULT_SETTINGS, type AbcClass, type Settings } from './model';
import { kpis as computeKpis, type Kpis } from './analysis/kpis';
import { positionMetrics, positionVelocity, resolveLeadTime, type PlanningInputs, type PositionMetrics } from './analysis/position-metrics';
import { channelMonths, positionForecast } from './analysis/position-forecast';
import { supplierLeadTimes, type SupplierLeadTime } from './metrics/lead-time';
import { forecastSheet, type ForecastRow } from './sheets/forecast-sheet';
import { fromReporting, toReporting } from './analysis/money';
import { mergeApprovals, readApprovalLog, readPreviousApprovals, type ApprovalKey, type ApprovalRequest, type ApprovalState, type LogRow, type SeenRow } from './recommend/approvals';
import { liquidationLines, type LiquidationLine } from './recommend/liquidation-lines';
import { rebalance as planTransfers, type Rebalance, type TransferLine } from './recommend/rebalance-lines';
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
import { HistoryTable, historyKey, historyView, isoDate, snapshotDates } from './history/history';
import { snapshotRows } from './history/snapshot';
import { channelPeriods, groupByPosition, positionPoints, positionTrend, type TrendRow } from './history/trends';
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

/** ABC over Master SKUs by revenue (reporting currency) or units, per the settings. */
function abcByMaster(result: ImportResult, s: Settings): Map<string, AbcClass> {
  const totals = new Map<string, number>();
  for (const p of result.positions) {
    const v = s.abcBasis === 'units' ? p.sold : toReporting(Math.max(0, p.revenue), p.channel.currency, s);
    totals.set(p.masterSku, (totals.get(p.masterSku) ?? 0) + Math.max(0, v));
  }
  const keys = [...totals.keys()];
  const classes = abcClasses(keys.map((k) => totals.get(k) as number), s.abcCuts);
  const out = new Map<string, AbcClass>();
  keys.forEach((k, i) => {
    const c = classes[i];
    out.set(k, c === null || isCalcError(c) ? 'C' : c);
  });
  return out;
}

/** Notes the analysis adds to Data Issues: channels without a sales report, positions without cost. */
function analysisNotes(metrics: readonly PositionMetrics[], result: ImportResult): ImportIssue[] {
  const notes: ImportIssue[] = [];
  const noSales = new Map<string, number>();
  for (const m of metrics) if (m.velocityMethod === 'no sales report') noSales.set(m.position.channel.label, (noSales.get(m.position.channel.label) ?? 0) + 1);
  for (const [label, n] of noSales) {
    notes.push({
      source: label,
      row: null,
      column: null,
      value: null,
      reason: `No sales report for ${label}: its ${n} positions have no velocity, so no reorder, excess or dead-stock advice. Add its Business Report or All Orders (Amazon), or its sales export or Product views & sales (noon).`,
      dropped: false,
    });
  }
  const mappingSource = result.sources.find((s) => s.kind === 'mapping')?.source ?? 'Mapping';
  const missingCost = new Set<string>();
  for (const m of metrics) if (m.position.cost === null && !m.position.provisional) missingCost.add(m.position.masterSku);
  for (const sku of missingCost) {
    notes.push({ source: mappingSource, row: null, column: 'Cost Price', value: sku, reason: `Cost Price missing for ${sku}: stock value, GMROI, order value and approval tier left blank`, dropped: false });
  }
  return notes;
}

function approvalRequests<T>(lines: readonly T[], sheet: string, key: (l: T) => Omit<ApprovalKey, 'sheet'>, qty: (l: T) => number, tier: (l: T) => string | null): ApprovalRequest[] {
  return lines.map((l) => ({ key: { sheet, ...key(l) }, recommendedQty: qty(l), tier: tier(l) }));
}

export function analyze(sources: readonly SourceGrid[], options: AnalyzeOptions = {}): Analysis {
  const s = options.settings ?? DEFAULT_SETTINGS;
  const progress = options.onProgress ?? (() => undefined);
  const now = options.now ?? new Date();
  const at = now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const name = (id: OutputId) => options.names?.[id] ?? OUTPUT_SHEETS[id];

  progress('import', 0, 1);
  const imported = importSources(sources, { assignments: options.assignments, decimalComma: options.decimalComma, periodDays: s.periodDays, asOf: now.getTime() });
  // Nothing after the join reads the parsed rows: let them go (at 1,000,000 positions they are ~740 MB).
  for (const src of imported.sources) (src.report as unknown as { records: unknown[] }).records = [];
  progress('import', 1, 1);

  progress('classes', 0, 1);
  const abc = abcByMaster(imported, s);
  progress('classes', 1, 1);

  const positions = imported.positions;
  for (const p of positions) {
    const currency = p.channel.currency;
    if (currency === s.reportingCurrency) continue;
    if (p.cost !== null) p.cost = fromReporting(p.cost, currency, s);
    if (p.price !== null && p.priceFromMapping) p.price = fromReporting(p.price, currency, s);
  }
  const withSales = new Set(positions.filter((p) => p.salesFrom !== null).map((p) => p.channel.id));
  // Supplier lead times from PO history; a position's supplier is the mapping's, else its latest PO's.
  const leadTimes = supplierLeadTimes(imported.poRecords);
  const bySupplier = new Map<string, SupplierLeadTime>(leadTimes.suppliers.map((x) => [x.supplier, x]));
  const measuredLead = (p: (typeof positions)[number]): PlanningInputs['leadTime'] => {
    const supplier = p.supplier ?? leadTimes.perMaster.get(p.masterSku) ?? null;
    const st = supplier === null ? undefined : bySupplier.get(supplier);
    return st ? { meanDays: st.meanDays, sdDays: st.sdDays, supplier: st.supplier } : null;
  };
  const months = channelMonths(positions);
  // History: the saved snapshots joined with this run's rows (history/trends.ts). It gives the Trends
  // sheet and, from 3 periods on, each position's monthly demand for XYZ, demand class and forecasts.
  const date = isoDate(now);
  const velocities = positions.map((p) => positionVelocity(p, withSales.has(p.channel.id)).v);
  const current = snapshotRows({ positions: positions.map((p, i) => ({ p, velocity: velocities[i] })), date, withSales, months, spans: imported.salesSpans });
  const saved = options.history ?? new HistoryTable();
  const view = historyView(saved, current.view, date);
  const groups = groupByPosition(view);
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
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    const hasSales = withSales.has(p.channel.id);
    const leadTime = measuredLead(p);
    const idx = groups.get(historyKey(p.masterSku, p.channel.label));
    const salesPeriods = periods.sales.get(p.channel.label);
    // The channel's periods; the forecast's span adds only months without any row, which give no point.
    const points = idx ? positionPoints(view, idx, periods.all.get(p.channel.label) ?? [], salesPeriods) : [];
    const trend: TrendRow | null = idx ? positionTrend(view, idx, periods.all.get(p.channel.label) ?? [], salesPeriods, s.trendThreshold, points) : null;
    let f = null;
    if (hasSales) {
      const span = seriesMonths.get(p.channel.id) ?? [];
      const sold = new Map(points.map((pt) => [pt.period, pt.sold ?? 0]));
      f = positionForecast(p, span, velocities[i], resolveLeadTime(p, leadTime, s).days + s.reviewDays, withReturns.has(p.channel.id), span.map((m) => sold.get(m) ?? 0), s.xyzCuts);
    }
    metrics[i] = positionMetrics(p, abc.get(p.masterSku) ?? 'C', s, hasSales, { leadTime, forecast: f?.daily ? { ...f.daily, label: f.label } : null });
    if (f) forecastRows.push({ m: metrics[i], f });
    trendRows[i] = { m: metrics[i], t: trend };
    if (i % step === 0) progress('metrics', i, positions.length);
  }
  progress('metrics', positions.length, positions.length);

  progress('recommendations', 0, 5);
  const transfers = planTransfers(metrics, s);
  const reorder = reorderLines(metrics, imported.warehouseStock, transfers.received, s);
  progress('recommendations', 2, 5);
  const liquidation = liquidationLines(metrics, transfers.sent, s);
  const stranded = strandedLines(metrics, s);
  const byId = <T>(lines: readonly T[], id: (l: T) => string) => new Map(lines.map((l) => [id(l), l]));
  const group = (lines: readonly TransferLine[], id: (l: TransferLine) => string) => {
    const map = new Map<string, TransferLine[]>();
    for (const l of lines) map.set(id(l), [...(map.get(id(l)) ?? []), l]);
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

  // Approvals: what users typed on the previous sheets, merged by row key, and the log.
  const issues: ImportIssue[] = [...(options.issues ?? [])];
  const prev = options.previous ?? {};
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
    ...approvalRequests(reorder, OUTPUT_SHEETS.reorder, (l) => ({ masterSku: l.metrics.position.masterSku, channel: l.metrics.position.channel.label, destination: '' }), (l) => l.buyQty, (l) => l.tier),
    ...approvalRequests(transfers.lines, OUTPUT_SHEETS.rebalance, (l) => ({ masterSku: l.from.position.masterSku, channel: l.from.position.channel.label, destination: l.to.position.channel.label }), (l) => l.transfer.qty, (l) => l.tier),
    ...approvalRequests(liquidation, OUTPUT_SHEETS.liquidation, (l) => ({ masterSku: l.metrics.position.masterSku, channel: l.metrics.position.channel.label, destination: '' }), (l) => l.units, (l) => l.tier),
  ];
  const merged = mergeApprovals(requests, seen, log, autoTier, at);
  const approvals = {
    reorder: merged.states.slice(0, reorder.length),
    rebalance: merged.states.slice(reorder.length, reorder.length + transfers.lines.length),
    liquidation: merged.states.slice(reorder.length + transfers.lines.length),
  };
  progress('recommendations', 5, 5);

  const poSource = imported.sources.find((src) => src.kind === 'po-history')?.source ?? 'Supplier PO history';
  const leadIssues: ImportIssue[] = leadTimes.issues.map((x) => ({ source: poSource, row: x.row, column: x.column, value: x.value === null || x.value === undefined ? null : String(x.value), reason: `${x.reason}: not used for lead times`, dropped: false }));
  issues.push(...imported.sources.flatMap((src) => src.issues), ...imported.issues, ...leadIssues, ...analysisNotes(metrics, imported));
  const atRiskValue = urgent.reduce((a, u) => a + (u.moneyAtStake ?? 0), 0);
  const kpis = computeKpis(metrics, atRiskValue, s);

  progress('sheets', 0, 10);
  const channelLabel = (src: SourceSummary) => src.channel?.label ?? (src.kind === null ? '—' : src.channelDecision?.channel === null && src.channelDecision?.reason !== 'not a channel report' ? 'unknown' : '—');
  const specs: SheetSpec[] = [
    urgentSheet(name('urgent'), urgent, s),
    summarySheet(
      name('summary'),
      kpis,
      {
        analyzedAt: at,
        reorderValue: reorder.reduce((a, l) => a + (l.orderValueReporting ?? 0), 0),
        reorderLines: reorder.length,
        transfers: transfers.lines.length,
        capitalSaved: transfers.lines.reduce((a, l) => a + l.capitalSavedReporting, 0),
        liquidationLines: liquidation.length,
        strandedUnits: stranded.reduce((a, l) => a + l.stranded + l.unfulfillable, 0),
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
  specs.push(healthSheet(name('health'), metrics, s, trendRows));
  progress('sheets', 4, 10);
  specs.push(
    reorderSheet(name('reorder'), reorder, approvals.reorder, s),
    rebalanceSheet(name('rebalance'), transfers.lines, approvals.rebalance, s),
    liquidationSheet(name('liquidation'), liquidation, approvals.liquidation, s),
  );
  progress('sheets', 6, 10);
  specs.push(crossChannelSheet(name('crossChannel'), metrics, s), strandedSheet(name('stranded'), stranded, s), forecastSheet(name('forecast'), forecastRows, leadTimes.suppliers));
  const savedDates = [...new Set([...snapshotDates(saved), ...(options.savingSnapshot ? [date] : [])])].sort();
  const allPeriods = [...periods.all.values()].flat().sort();
  specs.push(trendsSheet(name('trends'), trendRows, { snapshotDates: savedDates, savedRows: saved.length, firstPeriod: allPeriods[0] ?? null, lastPeriod: allPeriods.at(-1) ?? null }, s));
  progress('sheets', 8, 10);
  specs.push(dataIssuesSheet(name('dataIssues'), issues), settingsSheet(name('settings'), s));
  if (merged.logRows.length > 0 || !prev.log) specs.push(approvalLogSheet(name('approvalLog'), merged.logRows, prev.log !== undefined));
  progress('sheets', 10, 10);

  return {
    settings: s,
    sources: imported.sources,
    metrics,
    forecasts: forecastRows,
    suppliers: leadTimes.suppliers,
    trends: trendRows,
    snapshot: current.save,
    snapshotDate: date,
    history: { snapshotDates: savedDates, savedRows: saved.length },
    reorder,
    rebalance: transfers,
    liquidation,
    stranded,
    urgent,
    approvals,
    logRows: merged.logRows,
    kpis,
    issues,
    specs,
  };
}
