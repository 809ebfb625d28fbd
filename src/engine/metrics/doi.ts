/**
 * Days of inventory: how many days the stock lasts at the current sales rate (docs/FORMULAS.md, "Stock").
 *
 *   DOI                 = available / v
 *   DOI incl. inbound   = (available + inbound) / v
 *
 * Symbols: available = sellable units (Amazon `afn-fulfillable-quantity`, noon saleable qty),
 * inbound = working + shipped + receiving units, v = velocity in units per day.
 *
 * Convention at v = 0 (docs/FORMULAS.md): DOI = +Infinity when there is stock (callers show "No sales"),
 * and 0 when there is none (nothing to last). Negative stock or velocity is outside the domain (#VALUE!);
 * Amazon can report negative fulfillable quantities, and those must be repaired upstream, not divided.
 */
import type { CalcError } from '../errors';
import { nonNegative } from '../check';
import type { Days, Units, Velocity } from '../model';

/** DOI = available / velocity; +Infinity for stock without sales, 0 for no stock and no sales. */
export function doi(available: Units, velocity: Velocity): Days | CalcError {
  const bad = nonNegative(available, 'available') ?? nonNegative(velocity, 'velocity');
  if (bad) return bad;
  if (velocity === 0) return available > 0 ? Infinity : 0;
  return available / velocity;
}

/** DOI incl. inbound = (available + inbound) / velocity, with the same zero-velocity rule as `doi`. */
export function doiInclInbound(available: Units, inbound: Units, velocity: Velocity): Days | CalcError {
  const bad =
    nonNegative(available, 'available') ?? nonNegative(inbound, 'inbound') ?? nonNegative(velocity, 'velocity');
  if (bad) return bad;
  const stock = available + inbound;
  if (velocity === 0) return stock > 0 ? Infinity : 0;
  return stock / velocity;
}
