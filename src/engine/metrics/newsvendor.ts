/**
 * Newsvendor order-up-to level from unit costs (docs/FORMULAS.md, "Policies", "Newsvendor / (s,S) from unit
 * costs").
 *
 *   criticalRatio  α = p / (p + h)
 *   S* = μLT + z_α × σLT,   z_α = Φ⁻¹(α)
 *
 * Symbols (Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., Wiley 2019, §4.3, eq. 4.24):
 * p = stockout (underage) cost per unit, h = holding (overage) cost per unit per period,
 * μLT, σLT = mean and standard deviation of demand over the lead time (normal demand).
 * Worked example (their Example 4.3, also stockpyl `newsvendor_normal`): h = 0.18, p = 0.70,
 * D ~ N(50, 8²) gives S* = 56.6040.
 *
 * Conventions: the critical ratio uses the cost form p/(p + h) (some texts write cu/(cu + co), the same
 * thing). α = 0 (p = 0) or α = 1 (h = 0) has no finite optimum: #VALUE! saying why. p = h = 0 leaves α undefined:
 * #VALUE! too (Excel shows a custom function's message only with #VALUE! and #N/A, and these need one).
 */
import { CalcError, messages, valueError } from '../errors';
import { nonNegative } from '../check';
import { inverseNormal } from './inverse-normal';
import type { Money, Units } from '../model';

/** α = stockoutCost / (stockoutCost + holdingCost). Both ≥ 0, not both 0. */
export function criticalRatio(stockoutCost: Money, holdingCost: Money): number | CalcError {
  const bad = nonNegative(stockoutCost, 'stockoutCost') ?? nonNegative(holdingCost, 'holdingCost');
  if (bad) return bad;
  if (stockoutCost + holdingCost === 0) {
    return valueError(messages.notBothZero('stockoutCost', 'holdingCost'));
  }
  return stockoutCost / (stockoutCost + holdingCost);
}

/** S* = μLT + Φ⁻¹(p/(p + h)) × σLT. μLT, σLT ≥ 0; the critical ratio must be strictly between 0 and 1. */
export function newsvendorOrderUpTo(
  meanLeadTimeDemand: Units,
  sdLeadTimeDemand: Units,
  stockoutCost: Money,
  holdingCost: Money,
): Units | CalcError {
  const bad = nonNegative(meanLeadTimeDemand, 'meanLeadTimeDemand') ?? nonNegative(sdLeadTimeDemand, 'sdLeadTimeDemand');
  if (bad) return bad;
  const alpha = criticalRatio(stockoutCost, holdingCost);
  if (typeof alpha !== 'number') return alpha;
  if (alpha === 0) return valueError(messages.because(messages.openUnit('criticalRatio'), 'stockoutCost is 0, so any stock is too much'));
  if (alpha === 1) return valueError(messages.because(messages.openUnit('criticalRatio'), 'holdingCost is 0, so no stock is enough'));
  const z = inverseNormal(alpha);
  if (typeof z !== 'number') return z;
  return meanLeadTimeDemand + z * sdLeadTimeDemand;
}
