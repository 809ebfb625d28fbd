/**
 * Order-up-to level of a periodic-review policy (docs/FORMULAS.md, "Policies", statistical policy).
 *
 *   S = d × (L + R) + SS
 *
 * Symbols: d = mean daily demand (units/day), L = lead time (days), R = review period (reviewDays),
 * SS = safety stock (units). An order placed now must cover demand until the order after next can
 * arrive, i.e. over the protection interval L + R. Source: docs/FORMULAS.md; the periodic-review (R, S) /
 * fixed-period model of any operations text (e.g. Silver, Pyke & Peterson, "Inventory and Production
 * Management in Supply Chains", (R, S) system).
 *
 * Conventions: reviewDays = 0 is continuous review and gives S = reorder point. The safety stock is
 * taken as given and only has to be finite (it is negative for service levels below 50%). docs/FORMULAS.md
 * sizes it over the lead time L; the textbook (R, S) buffer is sized over L + R — that choice belongs
 * to the caller, not to this sum.
 */
import type { CalcError } from '../errors';
import { finite, nonNegative } from '../check';
import type { Days, Units, Velocity } from '../model';

/** S = dailyDemand × (leadTimeDays + reviewDays) + safetyStock. Demand and days ≥ 0; safetyStock finite. */
export function orderUpTo(
  dailyDemand: Velocity,
  leadTimeDays: Days,
  reviewDays: Days,
  safetyStock: Units,
): Units | CalcError {
  const bad =
    nonNegative(dailyDemand, 'dailyDemand') ??
    nonNegative(leadTimeDays, 'leadTimeDays') ??
    nonNegative(reviewDays, 'reviewDays') ??
    finite(safetyStock, 'safetyStock');
  if (bad) return bad;
  return dailyDemand * (leadTimeDays + reviewDays) + safetyStock;
}
