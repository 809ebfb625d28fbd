/**
 * Sell-through rate (docs/FORMULAS.md, "Money").
 *
 *   STR = sold / (available + sold)
 *
 * Symbols: sold = units sold in the period, available = saleable units on hand at its end.
 * Blank (null) when both are 0 (nothing to sell and nothing sold).
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Units } from '../model';

export function sellThrough(sold: Units, available: Units): number | null | CalcError {
  const bad = nonNegative(sold, 'sold') ?? nonNegative(available, 'available');
  if (bad) return bad;
  const total = available + sold;
  if (total === 0) return null;
  return sold / total;
}
