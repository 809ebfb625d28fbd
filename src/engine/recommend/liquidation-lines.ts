/**
 * Liquidation recommendations (FORMULAS.md, "Liquidation"): excess stock left after transfers, and dead
 * stock. A position that sells gets the discount plan (constant-elasticity by default, the linear model
 * when the setting says so, capped at maxDiscount); when even the capped discount cannot reach the
 * target DOI, or the stock does not sell at all, the alternative that loses least (outlet deal,
 * liquidation or removal) by the fee schedule in the settings.
 */
import { isCalcError } from '../errors';
import type { Settings } from '../model';
import { liquidationPlan, type LiquidationPlan } from '../metrics/liquidation';
import { approvalTier } from '../metrics/approval-tier';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import { liquidationAlternative, type Alternative } from './liquidation-alternative';

/** 'Review': no selling price is known, so neither a discount nor an alternative can be priced. */
export type LiquidationAction = 'Discount' | Alternative | 'Review';

export interface LiquidationLine {
  readonly metrics: PositionMetrics;
  /** Excess units to clear (after units sent by transfers); all of the stock when dead. */
  readonly units: number;
  readonly plan: LiquidationPlan | null;
  readonly action: LiquidationAction;
  /** Net recovery of the alternative (channel currency), null for a discount. */
  readonly recovery: number | null;
  /** Units × cost in the reporting currency: the capital tied up; null without cost. */
  readonly valueReporting: number | null;
  readonly tier: string | null;
}

export function liquidationLines(metrics: readonly PositionMetrics[], sent: ReadonlyMap<string, number>, s: Settings): LiquidationLine[] {
  const lines: LiquidationLine[] = [];
  const rules = { targetDoi: s.targetDoi, elasticity: s.elasticity, maxDiscount: s.maxDiscount, model: s.liquidationModel };
  for (const m of metrics) {
    const p = m.position;
    // Without excess there is nothing to clear whatever transfers sent (they only take units away):
    // no lookup by id for the many positions without excess.
    if (!m.dead && Math.floor(m.excessQty) <= 0) continue;
    const units = m.dead ? Math.max(0, p.available) : Math.max(0, Math.floor(m.excessQty) - (sent.get(m.id) ?? 0));
    if (units <= 0) continue;
    const price = p.price !== null && p.price >= 0 ? p.price : null;
    let plan: LiquidationPlan | null = null;
    if (!m.dead && price !== null) {
      const result = liquidationPlan(price, m.velocity, Math.max(0, p.available), rules);
      plan = isCalcError(result) ? null : result;
    }
    let action: LiquidationAction = 'Discount';
    let recovery: number | null = null;
    if (plan === null || !plan.reachesTarget) {
      const alt = price === null ? null : liquidationAlternative(price, units, p.cost, s);
      if (alt !== null && !isCalcError(alt)) {
        action = alt.alternative;
        recovery = alt.totalRecovery;
      } else if (plan === null) {
        action = 'Review';
      }
    }
    const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
    const valueReporting = cost === null ? null : toReporting(units * cost, p.channel.currency, s);
    const tier = valueReporting === null ? null : approvalTier(valueReporting, s.approvalTiers);
    lines.push({ metrics: m, units, plan, action, recovery, valueReporting, tier: tier === null || isCalcError(tier) ? null : tier });
  }
  lines.sort((a, b) => (b.valueReporting ?? 0) - (a.valueReporting ?? 0) || (a.metrics.id < b.metrics.id ? -1 : 1));
  return lines;
}
