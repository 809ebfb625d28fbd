/**
 * Need: units a position is short of its safety cover (docs/FORMULAS.md, "Excess, need, transfers").
 *
 *   needQty = max(0, v × safetyDays − available − inbound)
 *
 * Symbols: v = velocity (units/day), safetyDays = days of cover kept as buffer (setting, default 30),
 * available = saleable units on hand, inbound = working + shipped + receiving units.
 * Convention: inbound is subtracted (the original dashboard left it out; counting it stops transfers that
 * stock already on its way makes unnecessary).
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Days, Units, Velocity } from '../model';

export function needQty(velocity: Velocity, safetyDays: Days, available: Units, inbound: Units): Units | CalcError {
  const bad =
    nonNegative(velocity, 'velocity') ??
    nonNegative(safetyDays, 'safetyDays') ??
    nonNegative(available, 'available') ??
    nonNegative(inbound, 'inbound');
  if (bad) return bad;
  return Math.max(0, velocity * safetyDays - available - inbound);
}
