/**
 * Reorder point: order when the inventory position falls to this level (docs/FORMULAS.md, "Policies",
 * statistical policy).
 *
 *   ROP = d × L + SS
 *
 * Symbols: d = mean daily demand (units/day), L = lead time (days), SS = safety stock (units), so d × L
 * is the mean demand during the lead time. Source: docs/FORMULAS.md; the continuous-review (s, Q) reorder
 * level of any operations text (e.g. B. W. Taylor, Introduction to Management Science, ch. 16).
 *
 * Convention: the safety stock only has to be finite. `serviceSafetyStock` is negative for service
 * levels below 50% (z < 0), and the textbook reorder point then sits below mean lead-time demand.
 */
import type { CalcError } from '../errors';
import { finite, nonNegative } from '../check';
import type { Days, Units, Velocity } from '../model';

/** ROP = dailyDemand × leadTimeDays + safetyStock. dailyDemand, leadTimeDays ≥ 0; safetyStock finite. */
export function reorderPoint(dailyDemand: Velocity, leadTimeDays: Days, safetyStock: Units): Units | CalcError {
  const bad =
    nonNegative(dailyDemand, 'dailyDemand') ?? nonNegative(leadTimeDays, 'leadTimeDays') ?? finite(safetyStock, 'safetyStock');
  if (bad) return bad;
  return dailyDemand * leadTimeDays + safetyStock;
}
