/**
 * What the task pane shows from an analysis: the KPI cards, the top urgent actions with the row each
 * is on in the Urgent Actions sheet, and the SKU explorer (search, per-channel figures, monthly sales
 * history, the rows of a Master SKU in every result sheet). Pure: works on the Analysis and the specs
 * just written, so a link points at the row Analyze wrote.
 */
import { SNAPSHOT, type Analysis, type PositionMetrics, type Settings, type SheetSpec, type VelocityMethod } from '../engine';

export interface KpiCards {
  readonly currency: string;
  readonly stockValue: number;
  readonly atRiskValue: number;
  readonly lostRevenue: number;
  readonly gmroi: number | null;
  readonly sellThrough: number | null;
  readonly positions: number;
  readonly masterSkus: number;
  readonly atRisk: number;
}

export function kpiCards(analysis: Analysis): KpiCards {
  const k = analysis.kpis;
  return {
    currency: analysis.settings.reportingCurrency,
    stockValue: k.stockValue,
    atRiskValue: k.atRiskValue,
    lostRevenue: k.projectedLostRevenue,
    gmroi: k.gmroi,
    sellThrough: k.sellThrough,
    positions: k.positions,
    masterSkus: k.masterSkus,
    atRisk: k.atRisk,
  };
}

/** A row of a result sheet: its name and the row number as Excel shows it. */
export interface SheetLink {
  readonly sheet: string;
  readonly row: number;
  /** Columns to select (the table's width). */
  readonly columns: number;
  /** The row's channel (or "from → to" on Rebalance), to tell links apart. */
  readonly label: string;
}

export interface UrgentItem {
  readonly priority: string;
  readonly masterSku: string;
  readonly channel: string;
  readonly title: string | null;
  readonly issue: string;
  readonly action: string;
  readonly moneyAtStake: number | null;
  readonly link: SheetLink | null;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Row numbers of every data row of the spec's first table, by Master SKU (case-insensitive). */
function tableRows(spec: SheetSpec): Map<string, SheetLink[]> {
  const out = new Map<string, SheetLink[]>();
  const table = spec.tables[0];
  if (!table) return out;
  const header = spec.rows[table.range.row] ?? [];
  const col = (name: string) => header.findIndex((h) => text(h) === name);
  const sku = col('Master SKU');
  if (sku < 0) return out;
  const channel = col('Channel');
  const from = col('From');
  const to = col('To');
  const last = table.range.row + table.range.rows;
  for (let r = table.range.row + 1; r < last; r++) {
    const row = spec.rows[r] ?? [];
    const key = text(row[sku]).toLowerCase();
    if (!key) continue;
    const label = channel >= 0 ? text(row[channel]) : from >= 0 ? `${text(row[from])} → ${text(row[to])}` : '';
    const list = out.get(key) ?? [];
    list.push({ sheet: spec.name, row: r + 1, columns: table.range.columns, label });
    out.set(key, list);
  }
  return out;
}

/** Positions per trend of an analysis (the Trends sheet's counts). */
export interface TrendCounts {
  readonly growth: number;
  readonly stable: number;
  readonly decline: number;
  readonly newDemand: number;
  readonly noSales: number;
  /** Positions without enough history for a trend. */
  readonly none: number;
}

export function trendCounts(analysis: Pick<Analysis, 'trends'>): TrendCounts {
  const c = { growth: 0, stable: 0, decline: 0, newDemand: 0, noSales: 0, none: 0 };
  for (const r of analysis.trends) {
    const trend = r.t?.trend ?? '—';
    if (trend === 'Growth') c.growth++;
    else if (trend === 'Stable') c.stable++;
    else if (trend === 'Decline') c.decline++;
    else if (trend === 'New demand') c.newDemand++;
    else if (trend === 'No sales') c.noSales++;
    else c.none++;
  }
  return c;
}

/** Positions in a snapshot to save (its other rows are complete sales months). */
export function snapshotPositions(analysis: Pick<Analysis, 'snapshot'>): number {
  let n = 0;
  for (const source of analysis.snapshot.source) if (source === SNAPSHOT) n++;
  return n;
}

/** What the pane shows of an analysis at once: small, whichever thread the analysis ran in. */
export interface AnalysisSummary {
  readonly positions: number;
  readonly issues: number;
  readonly kpis: KpiCards;
  readonly urgent: readonly UrgentItem[];
  readonly urgentTotal: number;
  readonly trends: TrendCounts;
  /** Snapshots saved in the workbook when the analysis read it. */
  readonly snapshots: number;
  /** The date Save snapshot gives this analysis ("2026-11-21", UTC). */
  readonly snapshotDate: string;
}

/** Urgent actions the pane lists after an Analyze. */
export const URGENT_SHOWN = 5;

export function summarize(index: ResultIndex): AnalysisSummary {
  const a = index.analysis;
  return {
    positions: a.metrics.length,
    issues: a.issues.length,
    kpis: kpiCards(a),
    urgent: index.topUrgent(URGENT_SHOWN),
    urgentTotal: a.urgent.length,
    trends: trendCounts(a),
    snapshots: a.history.snapshotDates.length,
    snapshotDate: a.snapshotDate,
  };
}

/**
 * The last analysis as the SKU explorer, the What-if tab and Save snapshot ask for it: the same
 * questions whether the analysis is in this thread (ResultIndex) or in the engine's worker.
 */
export interface Results {
  readonly settings: Settings;
  /** Master SKUs matching a query (ResultIndex.search). */
  search(query: string, limit?: number): Promise<string[]>;
  detail(masterSku: string): Promise<SkuDetail | null>;
  /** The positions of a Master SKU, one per channel, ordered by channel. */
  positions(masterSku: string): Promise<PositionMetrics[]>;
  /** What Save snapshot writes. */
  snapshot(): Promise<Pick<Analysis, 'snapshot' | 'snapshotDate'>>;
}

/** Results of an analysis in this thread. */
export function localResults(index: ResultIndex): Results {
  return {
    settings: index.analysis.settings,
    search: async (query, limit) => index.search(query, limit),
    detail: async (masterSku) => index.detail(masterSku),
    positions: async (masterSku) => index.positions(masterSku),
    snapshot: async () => index.analysis,
  };
}

/** Indexes the result sheets once per analysis. */
export class ResultIndex {
  private readonly rows = new Map<string, Map<string, SheetLink[]>>();
  private readonly masters: readonly string[];
  private readonly byMaster = new Map<string, PositionMetrics[]>();

  constructor(
    readonly analysis: Analysis,
    private readonly urgentSheet: string,
  ) {
    for (const spec of analysis.specs) if (spec.role === 'output' && spec.tables.length > 0) this.rows.set(spec.name, tableRows(spec));
    for (const m of analysis.metrics) {
      const key = m.position.masterSku.toLowerCase();
      const list = this.byMaster.get(key) ?? [];
      list.push(m);
      this.byMaster.set(key, list);
    }
    this.masters = [...new Set(analysis.metrics.map((m) => m.position.masterSku))].sort((a, b) => a.localeCompare(b));
  }

  /** The `count` most urgent actions, each with its row in the Urgent Actions sheet. */
  topUrgent(count: number): UrgentItem[] {
    return this.analysis.urgent.slice(0, count).map((u) => {
      const p = u.metrics.position;
      const link = (this.rows.get(this.urgentSheet)?.get(p.masterSku.toLowerCase()) ?? []).find((l) => l.label === p.channel.label) ?? null;
      return { priority: u.priority, masterSku: p.masterSku, channel: p.channel.label, title: p.title, issue: u.issue, action: u.action, moneyAtStake: u.moneyAtStake, link };
    });
  }

  /** Master SKUs containing `query` (case-insensitive; also matches channel SKUs, ASINs and titles), those starting with it first. */
  search(query: string, limit = 20): string[] {
    const q = query.trim().toLowerCase();
    if (!q) return this.masters.slice(0, limit);
    const starts: string[] = [];
    const contains: string[] = [];
    for (const master of this.masters) {
      const key = master.toLowerCase();
      if (key.startsWith(q)) starts.push(master);
      else if (key.includes(q)) contains.push(master);
      else {
        const ms = this.byMaster.get(key) ?? [];
        const other = ms.some((m) => m.position.channelSkus.some((s) => s.toLowerCase().includes(q)) || (m.position.asin ?? '').toLowerCase() === q || (m.position.title ?? '').toLowerCase().includes(q));
        if (other) contains.push(master);
      }
      if (starts.length >= limit) break;
    }
    return [...starts, ...contains].slice(0, limit);
  }

  /** The positions of a Master SKU (one per channel), ordered by channel. */
  positions(masterSku: string): PositionMetrics[] {
    return [...(this.byMaster.get(masterSku.toLowerCase()) ?? [])].sort((a, b) => a.position.channel.label.localeCompare(b.position.channel.label));
  }

  /** One Master SKU: its positions (one per channel), monthly sales summed over channels, and its rows. */
  detail(masterSku: string): SkuDetail | null {
    const positions = this.byMaster.get(masterSku.toLowerCase());
    if (!positions || positions.length === 0) return null;
    const months = new Map<string, number>();
    for (const m of positions) for (const [month, s] of Object.entries(m.position.salesByMonth)) months.set(month, (months.get(month) ?? 0) + s.units);
    const history = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, units]) => ({ month, units }));
    const links: SheetLink[] = [];
    for (const rows of this.rows.values()) links.push(...(rows.get(masterSku.toLowerCase()) ?? []));
    const first = positions[0].position;
    return {
      masterSku: first.masterSku,
      title: positions.find((m) => m.position.title)?.position.title ?? null,
      provisional: positions.some((m) => m.position.provisional),
      channels: positions.map((m) => ({
        channel: m.position.channel.label,
        currency: m.position.channel.currency,
        available: m.position.available,
        inbound: m.position.inbound,
        unfulfillable: m.position.unfulfillable,
        sold: m.position.sold,
        velocity: m.velocity,
        velocityMethod: m.velocityMethod,
        daysOutOfStock: m.daysOutOfStock,
        lostRevenue: m.lostRevenue,
        doi: Number.isFinite(m.doi) ? m.doi : null,
        stockValue: m.stockValue,
        urgency: m.urgency,
        movement: m.movement,
        abc: m.abc,
        visitors: m.position.views ? m.position.views.visitors : null,
        conversion: m.position.views && m.position.views.visitors > 0 ? m.position.views.grossUnits / m.position.views.visitors : null,
        warehouses: (m.position.warehouses ?? []).map((w) => ({ warehouse: w.warehouse, available: w.available, inbound: w.inbound, unfulfillable: w.unfulfillable })),
        stockAsOf: m.position.stockAsOf ?? null,
      })),
      history,
      links,
    };
  }
}

export interface ChannelFigures {
  readonly channel: string;
  readonly currency: string;
  readonly available: number;
  readonly inbound: number;
  /** Units not available for sale: unsellable, returned, damaged, expired, lost. */
  readonly unfulfillable: number;
  readonly sold: number;
  readonly velocity: number;
  /** How the velocity was found (position-metrics.ts): with the Inventory Ledger, sales over the in-stock days. */
  readonly velocityMethod: VelocityMethod;
  /** Days of the sales window the Inventory Ledger shows out of stock, and the revenue lost in them (channel currency); null without a ledger-based velocity. */
  readonly daysOutOfStock: number | null;
  readonly lostRevenue: number | null;
  readonly doi: number | null;
  readonly stockValue: number | null;
  readonly urgency: string | null;
  readonly movement: string | null;
  readonly abc: string;
  /** Visitors over the sales window and conversion (gross units ÷ visitors), from noon's Product views & sales; null without it. */
  readonly visitors: number | null;
  readonly conversion: number | null;
  /** Stock per warehouse where the stock report gives it (noon FBN inventory); empty otherwise. */
  readonly warehouses: readonly { readonly warehouse: string; readonly available: number; readonly inbound: number; readonly unfulfillable: number }[];
  /** When the stock report says the stock was counted (ms UTC); null when it does not. */
  readonly stockAsOf: number | null;
}

export interface SkuDetail {
  readonly masterSku: string;
  readonly title: string | null;
  readonly provisional: boolean;
  readonly channels: readonly ChannelFigures[];
  /** Units sold per calendar month, oldest first (from dated sales; empty without them). */
  readonly history: readonly { readonly month: string; readonly units: number }[];
  readonly links: readonly SheetLink[];
}

export { sparkline } from '../engine';
