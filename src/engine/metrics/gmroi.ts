/**
 * GMROI, gross margin return on inventory investment (docs/FORMULAS.md, "Money").
 *
 *   GMROI = (price − cost) × sold / (cost × available)
 *
 * Symbols: price = selling price per unit, cost = unitCost per unit, sold = units sold in the period,
 * available = saleable units on hand. The ratio is per period (not annualised).
 * Blank (null) when available = 0, cost = 0 or cost missing (null): the denominator is zero or unknown.
 * A price below cost gives a negative GMROI (a loss), which is returned as is.
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Money, Units } from '../model';

export function gmroi(price: Money, unitCost: Money | null, sold: Units, available: Units): number | null | CalcError {
  const bad =
    nonNegative(price, 'price') ??
    (unitCost == null ? undefined : nonNegative(unitCost, 'unitCost')) ??
    nonNegative(sold, 'sold') ??
    nonNegative(available, 'available');
  if (bad) return bad;
  if (unitCost == null || unitCost === 0 || available === 0) return null;
  return ((price - unitCost) * sold) / (unitCost * available);
}
