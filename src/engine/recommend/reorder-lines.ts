/**
 * Reorder recommendations (docs/PRODUCT.md, Reorder sheet; docs/FORMULAS.md, "Policies").
 *
 * For every position whose policy asks for stock (PositionMetrics.reorderNeed > 0), lowest DOI first:
 * 1. units on open POs that deliver to the position's channel are taken off the need, like inbound
 *    (on-order.ts), then units already coming by a recommended transfer;
 * 2. own-warehouse stock of the Master SKU is sent next (whole units, never more than the warehouse
 *    holds), then units on open POs that deliver upstream (to the own warehouse, or that do not say);
 * 3. the rest is bought: raised to MOQ and rounded up to a multiple of the case pack.
 * A need covered by what is on order and coming gives no line.
 * Order value = buy qty × unit cost (channel currency) and its tier from the value in the reporting
 * currency; both null when the cost is missing.
 */
import { isCalcError } from '../errors';
import type { Settings } from '../model';
import { approvalTier } from '../metrics/approval-tier';
import { roundOrderQty, wholeCasePack } from '../metrics/round-qty';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import type { OnOrderUnits } from './on-order';

export interface ReorderLine {
  readonly metrics: PositionMetrics;
  /**
   * Units the position's policy asks for (its PositionMetrics.reorderNeed), before what is on order,
   * transfers, warehouse stock and rounding: the Reorder sheet's Need column. Not
   * PositionMetrics.needQty, the shortfall against the safety cover that transfers fill.
   */
  readonly reorderNeed: number;
  /** Units on open POs counted against the need (on-order.ts), and those of them on late POs. */
  readonly onOrder: number;
  readonly onOrderLate: number;
  readonly transferIn: number;
  readonly fromWarehouse: number;
  /** Units to buy, MOQ / case-pack rounded. */
  readonly buyQty: number;
  readonly orderValue: number | null;
  readonly orderValueReporting: number | null;
  readonly tier: string | null;
}

export function reorderLines(
  metrics: readonly PositionMetrics[],
  warehouseStock: ReadonlyMap<string, number>,
  transferIn: ReadonlyMap<string, number>,
  s: Settings,
  onOrder: ReadonlyMap<string, OnOrderUnits> = new Map(),
): ReorderLine[] {
  const wanting = metrics.filter((m) => m.reorderNeed > 0);
  wanting.sort((a, b) => (a.doi === b.doi ? 0 : a.doi - b.doi) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const warehouseLeft = new Map(warehouseStock);
  // What is left on order per Master SKU: by destination channel, and upstream.
  const orderedLeft = new Map([...onOrder].map(([sku, u]) => [sku, { byChannel: new Map(u.byChannel), upstream: u.upstream, late: u.late }]));
  const lines: ReorderLine[] = [];
  for (const m of wanting) {
    const sku = m.position.masterSku;
    const ordered = orderedLeft.get(sku);
    const toChannel = ordered?.byChannel.get(m.position.channel.id) ?? 0;
    const direct = Math.min(toChannel, m.reorderNeed);
    if (ordered && direct > 0) ordered.byChannel.set(m.position.channel.id, toChannel - direct);
    const incoming = transferIn.get(m.id) ?? 0;
    let remaining = Math.max(0, m.reorderNeed - direct - incoming);
    const inWarehouse = Math.max(0, Math.floor(warehouseLeft.get(sku) ?? 0));
    const fromWarehouse = Math.min(inWarehouse, Math.ceil(remaining - 1e-9));
    if (fromWarehouse > 0) warehouseLeft.set(sku, inWarehouse - fromWarehouse);
    remaining = Math.max(0, remaining - fromWarehouse);
    const upstream = ordered ? Math.min(ordered.upstream, remaining) : 0;
    if (ordered && upstream > 0) ordered.upstream -= upstream;
    remaining -= upstream;
    const onOrderHere = direct + upstream;
    if (remaining <= 1e-9 && fromWarehouse === 0) continue;
    // Late units are counted first: a late PO is the likeliest to be what covers the need now.
    const late = ordered ? Math.min(ordered.late, onOrderHere) : 0;
    if (ordered) ordered.late -= late;
    const p = m.position;
    const rounded = remaining <= 1e-9 ? 0 : roundOrderQty(remaining, p.moq ?? 0, wholeCasePack(p.casePack) ?? 1);
    const buyQty = isCalcError(rounded) ? Math.ceil(remaining) : rounded;
    const cost = p.cost;
    const orderValue = cost === null || cost < 0 ? null : buyQty * cost;
    const orderValueReporting = orderValue === null ? null : toReporting(orderValue, p.channel.currency, s);
    const tier = orderValueReporting === null ? null : approvalTier(orderValueReporting, s.approvalTiers);
    lines.push({
      metrics: m,
      reorderNeed: m.reorderNeed,
      onOrder: onOrderHere,
      onOrderLate: late,
      transferIn: incoming,
      fromWarehouse,
      buyQty,
      orderValue,
      orderValueReporting,
      tier: tier === null || isCalcError(tier) ? null : tier,
    });
  }
  return lines;
}
