/**
 * Excess stock and dead stock (docs/FORMULAS.md, "Excess, need, transfers").
 *
 *   excessQty = max(0, available − v × excessDays)
 *   dead      = sold = 0 and available > 0   (then all of `available` is excess)
 *
 * Symbols: available = saleable units on hand, v = velocity (units/day), excessDays = days of cover
 * above which stock counts as excess (setting, default 90), sold = units sold in the period.
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Days, Units, Velocity } from '../model';

/** Units above `excessDays` of cover; with v = 0 every available unit is excess. */
export function excessQty(available: Units, velocity: Velocity, excessDays: Days): Units | CalcError {
  const bad =
    nonNegative(available, 'available') ?? nonNegative(velocity, 'velocity') ?? nonNegative(excessDays, 'excessDays');
  if (bad) return bad;
  return Math.max(0, available - velocity * excessDays);
}

/** Dead stock: nothing sold in the period while units are on hand. Non-numbers give false. */
export function isDead(sold: Units, available: Units): boolean {
  return sold === 0 && available > 0;
}
