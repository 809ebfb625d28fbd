/**
 * Reorder recommendations (PRODUCT.md, Reorder sheet; FORMULAS.md, "Policies").
 *
 * For every position whose policy asks for stock (PositionMetrics.reorderNeed > 0):
 * 1. units already coming by a recommended transfer are taken off the need;
 * 2. own-warehouse stock of the Master SKU is sent next, to the channel with the lowest DOI first
 *    (whole units, never more than the warehouse holds);
 * 3. the rest is bought: raised to MOQ and rounded up to a multiple of the case pack.
 * Order value = buy qty × unit cost (channel currency) and its tier from the value in the reporting
 * currency; both null when the cost is missing.
 */
import { isCalcError } from '../errors';
import type { Settings } from '../model';
import { approvalTier } from '../metrics/approval-tier';
import { roundOrderQty } from '../metrics/round-qty';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';

export interface ReorderLine {
  readonly metrics: PositionMetrics;
  /** What the policy asks for, before transfers, warehouse stock and rounding. */
  readonly need: number;
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
): ReorderLine[] {
  const wanting = metrics.filter((m) => m.reorderNeed > 0);
  wanting.sort((a, b) => (a.doi === b.doi ? 0 : a.doi - b.doi) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const warehouseLeft = new Map(warehouseStock);
  const lines: ReorderLine[] = [];
  for (const m of wanting) {
    const incoming = transferIn.get(m.id) ?? 0;
    const remaining = Math.max(0, m.reorderNeed - incoming);
    if (remaining === 0) continue;
    const sku = m.position.masterSku;
    const inWarehouse = Math.max(0, Math.floor(warehouseLeft.get(sku) ?? 0));
    const fromWarehouse = Math.min(inWarehouse, Math.ceil(remaining - 1e-9));
    if (fromWarehouse > 0) warehouseLeft.set(sku, inWarehouse - fromWarehouse);
    const p = m.position;
    const rounded = roundOrderQty(remaining - fromWarehouse, p.moq ?? 0, p.casePack !== null && p.casePack >= 1 && Number.isInteger(p.casePack) ? p.casePack : 1);
    const buyQty = isCalcError(rounded) ? Math.ceil(remaining - fromWarehouse) : rounded;
    const cost = p.cost;
    const orderValue = cost === null || cost < 0 ? null : buyQty * cost;
    const orderValueReporting = orderValue === null ? null : toReporting(orderValue, p.channel.currency, s);
    const tier = orderValueReporting === null ? null : approvalTier(orderValueReporting, s.approvalTiers);
    lines.push({
      metrics: m,
      need: m.reorderNeed,
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
