/**
 * Economic order quantity (docs/FORMULAS.md, "Policies", EOQ).
 *
 *   EOQ  Q* = √(2 × D × S / H)
 *   D = v × 365 (annual demand),  H = holdingRate × unitCost (holding cost per unit per year)
 *
 * Symbols: D = annual demand (units/year), S = fixed cost per order (orderCost), H = holding cost per
 * unit per year. Snyder & Shen ("Fundamentals of Supply Chain Theory", 2nd ed., Wiley 2019, eq. 3.4)
 * write the same formula as Q* = √(2Kλ/h) with K = S, λ = D, h = H. Source: Harris (1913), "How Many
 * Parts to Make at Once", Factory, The Magazine of Management 10(2), 135-136, 152.
 *
 * Conventions: D and H must use the same time unit (a year here; 365 days unless daysPerYear says
 * otherwise). D = 0 gives Q* = 0 (nothing to order). H must be > 0: with free holding the optimum is
 * unbounded (#VALUE!, so a missing unit cost or holding rate shows up as an input error).
 */
import type { CalcError } from '../errors';
import { nonNegative, positive } from '../check';
import type { Days, Money, Units, Velocity } from '../model';

/** Q* = √(2 × annualDemand × orderCost / holdingCostPerUnitYear). D, S ≥ 0; H > 0. */
export function eoq(annualDemand: Units, orderCost: Money, holdingCostPerUnitYear: Money): Units | CalcError {
  const bad =
    nonNegative(annualDemand, 'annualDemand') ??
    nonNegative(orderCost, 'orderCost') ??
    positive(holdingCostPerUnitYear, 'holdingCostPerUnitYear');
  if (bad) return bad;
  return Math.sqrt((2 * annualDemand * orderCost) / holdingCostPerUnitYear);
}

/** D = velocity × daysPerYear (units per year). velocity ≥ 0, daysPerYear > 0 (default 365). */
export function annualDemand(velocity: Velocity, daysPerYear: Days = 365): Units | CalcError {
  const bad = nonNegative(velocity, 'velocity') ?? positive(daysPerYear, 'daysPerYear');
  if (bad) return bad;
  return velocity * daysPerYear;
}

/** H = holdingRate × unitCost (money per unit per year). Both ≥ 0. */
export function holdingCostPerUnitYear(unitCost: Money, holdingRate: number): Money | CalcError {
  const bad = nonNegative(unitCost, 'unitCost') ?? nonNegative(holdingRate, 'holdingRate');
  if (bad) return bad;
  return holdingRate * unitCost;
}
