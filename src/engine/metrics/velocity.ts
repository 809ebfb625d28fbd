/**
 * Sales velocity: units sold per day (docs/FORMULAS.md, "Demand").
 *
 *   velocity                    v = sold / periodDays
 *   stockout-adjusted velocity  v = sold / inStockDays
 *   weighted velocity           v = 0.5·t30/30 + 0.3·t60/60 + 0.2·t90/90
 *
 * Symbols: sold = units actually sold in the period (Amazon `Units Ordered` or shipped units; noon rows
 * not Cancelled), periodDays = length of the sales period, inStockDays = days of the period with stock
 * on hand, tN = Amazon FBA inventory report `units-shipped-tN` (units shipped in the last N days).
 *
 * Conventions where definitions differ:
 * - The stockout-adjusted rate divides by in-stock days only, so days with nothing to sell do not pull
 *   the rate down (the usual "lost-sales" correction; with no stockouts it equals `velocity`).
 * - The weighted rate uses the t30/t60/t90 windows as Amazon reports them: cumulative (t60 includes t30),
 *   so recent sales count in every window and weigh the most. t7 is deliberately not used (too noisy).
 *   The weights sum to 1, so a perfectly steady seller gets the same v from every method.
 */
import { CalcError, messages, valueError } from '../errors';
import { nonNegative, positive } from '../check';
import type { Days, Units, Velocity } from '../model';

/** v = sold / periodDays (units per day). sold ≥ 0, periodDays > 0. */
export function velocity(sold: Units, periodDays: Days): Velocity | CalcError {
  const bad = nonNegative(sold, 'sold') ?? positive(periodDays, 'periodDays');
  if (bad) return bad;
  return sold / periodDays;
}

/**
 * v = sold / inStockDays (units per in-stock day). With inStockDays = 0 the item was never sellable:
 * sold = 0 gives 0; sold > 0 is inconsistent data and gives #VALUE!.
 */
export function stockoutAdjustedVelocity(sold: Units, inStockDays: Days): Velocity | CalcError {
  const bad = nonNegative(sold, 'sold') ?? nonNegative(inStockDays, 'inStockDays');
  if (bad) return bad;
  if (inStockDays === 0) {
    return sold === 0 ? 0 : valueError(messages.when(messages.notPositive('inStockDays'), 'sold is greater than 0'));
  }
  return sold / inStockDays;
}

/** v = 0.5·t30/30 + 0.3·t60/60 + 0.2·t90/90 (units per day). All windows ≥ 0. */
export function weightedVelocity(t30: Units, t60: Units, t90: Units): Velocity | CalcError {
  const bad = nonNegative(t30, 't30') ?? nonNegative(t60, 't60') ?? nonNegative(t90, 't90');
  if (bad) return bad;
  return (0.5 * t30) / 30 + (0.3 * t60) / 60 + (0.2 * t90) / 90;
}
