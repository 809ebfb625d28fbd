/**
 * Headline figures of the Summary sheet and the task pane's KPI cards, in the reporting currency
 * (docs/FORMULAS.md, "Money"). Aggregate GMROI = Σ(price − cost) × sold / Σ cost × available over positions
 * with both cost and price; aggregate sell-through = Σ sold / (Σ available + Σ sold).
 */
import { CHANNELS, type AbcClass, type Settings } from '../model';
import type { PositionMetrics } from './position-metrics';
import { toReporting } from './money';

export interface ChannelKpis {
  readonly channel: string;
  readonly positions: number;
  readonly available: number;
  readonly inbound: number;
  readonly sold: number;
  readonly revenue: number;
  readonly stockValue: number;
  /** Σ available / Σ velocity: the channel's days of inventory (null without sales). */
  readonly doi: number | null;
  readonly atRisk: number;
}

export interface Kpis {
  readonly masterSkus: number;
  readonly positions: number;
  readonly stockValue: number;
  readonly positionsMissingCost: number;
  readonly healthy: number;
  readonly atRisk: number;
  readonly atRiskValue: number;
  readonly projectedLostRevenue: number;
  readonly revenue: number;
  readonly gmroi: number | null;
  readonly sellThrough: number | null;
  readonly abcMix: readonly { readonly abc: AbcClass; readonly masterSkus: number; readonly revenue: number }[];
  readonly channels: readonly ChannelKpis[];
}

export function kpis(metrics: readonly PositionMetrics[], atRiskValue: number, s: Settings): Kpis {
  const masters = new Map<string, AbcClass>();
  let stockValue = 0;
  let missingCost = 0;
  let healthy = 0;
  let atRisk = 0;
  let lost = 0;
  let revenue = 0;
  let margin = 0;
  let invested = 0;
  let sold = 0;
  let available = 0;
  const abcRevenue: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  const channels = new Map<string, { positions: number; available: number; inbound: number; sold: number; revenue: number; stockValue: number; velocity: number; atRisk: number }>();
  for (const m of metrics) {
    const p = m.position;
    masters.set(p.masterSku, m.abc);
    abcRevenue[m.abc] += m.revenueReporting;
    if (m.stockValueReporting === null) missingCost++;
    else stockValue += m.stockValueReporting;
    if (m.urgency === null) healthy++;
    else atRisk++;
    lost += m.projectedLostReporting ?? 0;
    revenue += m.revenueReporting;
    sold += p.sold;
    available += Math.max(0, p.available);
    if (p.cost !== null && p.cost > 0 && p.price !== null) {
      margin += toReporting((p.price - p.cost) * p.sold, p.channel.currency, s);
      invested += toReporting(p.cost * Math.max(0, p.available), p.channel.currency, s);
    }
    const c = channels.get(p.channel.id) ?? { positions: 0, available: 0, inbound: 0, sold: 0, revenue: 0, stockValue: 0, velocity: 0, atRisk: 0 };
    c.positions++;
    c.available += Math.max(0, p.available);
    c.inbound += Math.max(0, p.inbound);
    c.sold += p.sold;
    c.revenue += m.revenueReporting;
    c.stockValue += m.stockValueReporting ?? 0;
    c.velocity += m.velocity;
    if (m.urgency !== null) c.atRisk++;
    channels.set(p.channel.id, c);
  }
  const abcCount: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  for (const abc of masters.values()) abcCount[abc]++;
  const channelOrder = [...CHANNELS.map((c) => c.id), ...[...channels.keys()].filter((id) => !CHANNELS.some((c) => c.id === id))];
  return {
    masterSkus: masters.size,
    positions: metrics.length,
    stockValue,
    positionsMissingCost: missingCost,
    healthy,
    atRisk,
    atRiskValue,
    projectedLostRevenue: lost,
    revenue,
    gmroi: invested > 0 ? margin / invested : null,
    sellThrough: available + sold > 0 ? sold / (available + sold) : null,
    abcMix: (['A', 'B', 'C'] as const).map((abc) => ({ abc, masterSkus: abcCount[abc], revenue: abcRevenue[abc] })),
    channels: channelOrder
      .filter((id) => channels.has(id))
      .map((id) => {
        const c = channels.get(id)!;
        const label = CHANNELS.find((ch) => ch.id === id)?.label ?? id;
        return { channel: label, positions: c.positions, available: c.available, inbound: c.inbound, sold: c.sold, revenue: c.revenue, stockValue: c.stockValue, doi: c.velocity > 0 ? c.available / c.velocity : null, atRisk: c.atRisk };
      }),
  };
}
