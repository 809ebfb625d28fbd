/**
 * Stock value (docs/FORMULAS.md, "Money").
 *
 *   stockValue = available × unitCost
 *
 * Symbols: available = saleable units on hand, unitCost = cost of one unit (channel currency).
 * A missing unitCost (null) is #N/A "unitCost is missing", not 0: a zero value would hide the gap.
 */
import { nonNegative } from '../check';
import { type CalcError, messages, naError } from '../errors';
import type { Money, Units } from '../model';

export function stockValue(available: Units, unitCost: Money | null): Money | CalcError {
  const bad = nonNegative(available, 'available');
  if (bad) return bad;
  if (unitCost == null) return naError(messages.missing('unitCost'));
  const badCost = nonNegative(unitCost, 'unitCost');
  if (badCost) return badCost;
  return available * unitCost;
}
