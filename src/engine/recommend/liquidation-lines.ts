/**
 * Liquidation recommendations (docs/FORMULAS.md, "Liquidation"): excess stock left after transfers, and dead
 * stock. Every way of dealing with it is priced over the horizon (metrics/excess-options.ts): keep at
 * today's price, the discount plan (constant elasticity by default, the linear model when the setting
 * says so, capped at maxDiscount), an outlet deal, Amazon's liquidation program, removal and disposal,
 * with the position's own fees where the fee reports give them (storage per unit-month, the aged
 * surcharge, the fee preview's fees per unit sold), else the settings. The option that brings the most
 * is recommended; the discount plan is kept beside it even when it is not.
 */
import { isCalcError } from '../errors';
import type { Settings } from '../model';
import { liquidationPlan, type LiquidationPlan } from '../metrics/liquidation';
import { approvalTier } from '../metrics/approval-tier';
import { compareExcessOptions, EXCESS_OPTIONS, type ExcessOption } from '../metrics/excess-options';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';

/** 'Review': no selling price is known, so no option can be priced. */
export type LiquidationAction = ExcessOption | 'Review';

/** Amazon's aged-inventory surcharge starts at this age (its 181–270 days tier). */
export const AGED_FROM_DAYS = 181;

export interface LiquidationLine {
  readonly metrics: PositionMetrics;
  /** Excess units to clear (after units sent by transfers); all of the stock when dead. */
  readonly units: number;
  readonly plan: LiquidationPlan | null;
  readonly action: LiquidationAction;
  /** Net money of the recommended option over the horizon (channel currency); null for Review. */
  readonly recovery: number | null;
  /** Net money of every option over the horizon (channel currency); null for Review. */
  readonly options: Readonly<Record<ExcessOption, number | null>> | null;
  /** Why the recommendation, in a sentence. */
  readonly reason: string;
  /** Units × cost in the reporting currency: the capital tied up; null without cost. */
  readonly valueReporting: number | null;
  readonly tier: string | null;
}

/** The first day of an age range named "181-270", "365+" or "0-30" (null when the name has no number first). */
const rangeStart = (name: string) => {
  const start = Number(/^(\d+)/.exec(name)?.[1]);
  return Number.isFinite(start) ? start : null;
};

/**
 * How old the excess units are now. FIFO sells the oldest first, so the excess is the youngest stock:
 * the youngest age bucket's first day (inventory age report). Units the aged-inventory surcharge report
 * charges are at least as old as its youngest tier. 0 without either.
 */
function excessAgeDays(aging: Readonly<Record<string, number>> | null, surchargeTiers: readonly string[]): number {
  let youngest = Infinity;
  if (aging) {
    for (const bucket in aging) {
      const start = aging[bucket] > 0 ? rangeStart(bucket) : null;
      if (start !== null) youngest = Math.min(youngest, start);
    }
  }
  const charged = surchargeTiers.map(rangeStart).filter((x): x is number => x !== null);
  const fromAging = Number.isFinite(youngest) ? youngest : 0;
  return charged.length > 0 ? Math.max(fromAging, Math.min(...charged)) : fromAging;
}

/** A whole amount with comma thousands ("13,774", "-1,695"), as en-US writes it (without Intl, which is slow per line). */
const money = (x: number) => String(Math.round(x) + 0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function reasonFor(action: LiquidationAction, options: Readonly<Record<ExcessOption, number | null>> | null, horizon: number, sellOutDays: number): string {
  if (action === 'Review' || options === null) return 'No selling price: set one (mapping or report) to price the options';
  const best = options[action] as number;
  // The runner-up: the option worth most after the recommendation.
  let next: ExcessOption | null = null;
  for (const o of EXCESS_OPTIONS) {
    const x = options[o];
    if (o !== action && x !== null && (next === null || x > (options[next] as number))) next = o;
  }
  const versus = next === null ? '' : `, ${money(best - (options[next] as number))} more than ${next.toLowerCase()} (${money(options[next] as number)})`;
  const head = `${action} brings the most over ${horizon} days: ${money(best)}${versus}`;
  if (action === 'Keep' && Number.isFinite(sellOutDays) && sellOutDays <= horizon) return `${head}; it sells out at today's price in ${Math.ceil(sellOutDays)} days`;
  return head;
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
    const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
    let plan: LiquidationPlan | null = null;
    if (!m.dead && price !== null) {
      const result = liquidationPlan(price, m.velocity, Math.max(0, p.available), rules);
      plan = isCalcError(result) ? null : result;
    }
    let action: LiquidationAction = 'Review';
    let options: Readonly<Record<ExcessOption, number | null>> | null = null;
    let sellOutDays = Infinity;
    if (price !== null) {
      // Fees in another currency than the channel's (a report of another marketplace) are not used.
      const fees = p.fees && (p.fees.currency === null || p.fees.currency === p.channel.currency) ? p.fees : undefined;
      const sellFee = fees?.feeTotalPerUnit ?? (fees?.referralPerUnit ?? price * s.referralFeeShare) + (fees?.fulfillmentPerUnit ?? s.fulfillmentFeePerUnit);
      const surcharges = fees?.agedSurchargePerUnit ? Object.values(fees.agedSurchargePerUnit) : [];
      const compared = compareExcessOptions({
        units,
        // Units a transfer sends away are no longer here to sell.
        available: Math.max(0, p.available - (m.dead ? 0 : (sent.get(m.id) ?? 0))),
        velocity: m.velocity,
        price,
        unitCost: cost,
        horizonDays: s.excessHorizonDays,
        sellFeePerUnit: Math.max(0, sellFee),
        storagePerUnitMonth: Math.max(0, fees?.storagePerUnitMonth ?? s.storageFeePerUnitMonth),
        agedSurchargePerUnitMonth: Math.max(0, surcharges.length > 0 ? Math.max(...surcharges) : s.agedSurchargePerUnitMonth),
        agedFromDays: AGED_FROM_DAYS,
        ageDays: excessAgeDays(p.aging, fees?.agedSurchargePerUnit ? Object.keys(fees.agedSurchargePerUnit) : []),
        holdingRate: s.holdingRate,
        discount: plan && plan.discount > 0 ? { discount: plan.discount, expectedVelocity: plan.expectedVelocity } : null,
        outletDiscount: s.outletDiscount,
        outletSellThrough: s.outletSellThrough,
        liquidationRecovery: s.liquidationRecovery,
        removalFeePerUnit: s.removalFeePerUnit,
        resalePerUnit: s.resalePerUnit,
        disposalFeePerUnit: s.disposalFeePerUnit,
        amazonPrograms: p.channel.marketplace === 'amazon',
      });
      if (!isCalcError(compared)) {
        action = compared.best;
        options = compared.net;
        sellOutDays = compared.sellOutDays;
      }
    }
    const valueReporting = cost === null ? null : toReporting(units * cost, p.channel.currency, s);
    const tier = valueReporting === null ? null : approvalTier(valueReporting, s.approvalTiers);
    lines.push({
      metrics: m,
      units,
      plan,
      action,
      recovery: options === null || action === 'Review' ? null : options[action],
      options,
      reason: reasonFor(action, options, s.excessHorizonDays, sellOutDays),
      valueReporting,
      tier: tier === null || isCalcError(tier) ? null : tier,
    });
  }
  lines.sort((a, b) => (b.valueReporting ?? 0) - (a.valueReporting ?? 0) || (a.metrics.id < b.metrics.id ? -1 : 1));
  return lines;
}
