/**
 * Lost revenue from stockouts (docs/FORMULAS.md, "Money").
 *
 *   lostRevenue          = daysOutOfStock × v × price                     (with history)
 *   projectedLostRevenue = max(0, L − DOIinb) × v × price                 (forward-looking)
 *
 * Symbols: daysOutOfStock = days with zero stock counted from snapshots, v = velocity (units/day),
 * price = selling price per unit, L = leadTimeDays (supplier lead time), DOIinb = days of inventory
 * including inbound = (available + inbound) / v. DOIinb is +∞ for a position with stock and no sales;
 * the projection is then 0 (nothing is lost when nothing sells).
 */
import { nonNegative, nonNegativeOrInfinite } from '../check';
import type { CalcError } from '../errors';
import type { Days, Money, Velocity } from '../model';

export function lostRevenue(daysOutOfStock: Days, velocity: Velocity, price: Money): Money | CalcError {
  const bad = nonNegative(daysOutOfStock, 'daysOutOfStock') ?? nonNegative(velocity, 'velocity') ?? nonNegative(price, 'price');
  if (bad) return bad;
  return daysOutOfStock * velocity * price;
}

/** Revenue lost before a purchase ordered today arrives, when stock incl. inbound runs out first. */
export function projectedLostRevenue(
  leadTimeDays: Days,
  doiInclInbound: Days,
  velocity: Velocity,
  price: Money,
): Money | CalcError {
  const bad =
    nonNegative(leadTimeDays, 'leadTimeDays') ??
    nonNegativeOrInfinite(doiInclInbound, 'doiInclInbound') ??
    nonNegative(velocity, 'velocity') ??
    nonNegative(price, 'price');
  if (bad) return bad;
  const uncoveredDays = Math.max(0, leadTimeDays - doiInclInbound);
  return uncoveredDays * velocity * price;
}
