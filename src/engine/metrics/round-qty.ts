/**
 * Rounding an order quantity to what a supplier will ship (docs/FORMULAS.md, "Policies", "Rounding (both
 * policies): a positive qty is raised to MOQ and rounded up to a multiple of case pack").
 *
 *   q ≤ 0:  0
 *   q > 0:  c × ⌈max(⌈q⌉, MOQ) / c⌉
 *
 * Symbols: q = unrounded quantity (units), MOQ = minimum order quantity (moq), c = case pack (units per
 * case, a whole number ≥ 1).
 *
 * Conventions:
 * - Order is ceil to a whole unit, then MOQ, then case pack, so the result is a whole number of cases
 *   and never below MOQ: (11, moq 10, case 6) → 12; when MOQ is not itself a multiple of the case
 *   pack the result rounds past it: (7, moq 10, case 6) → 12.
 * - A q within 1e-9 of a whole number counts as that number, so floating-point noise from upstream
 *   arithmetic (0.1 × 3 × 40 = 12.000000000000002) does not order one more unit, or one more case.
 * - q ≤ 0 (nothing needed, including a negative shortfall) is 0, not an error; NaN and ±Infinity are.
 */
import { CalcError, messages, valueError } from '../errors';
import { finite, nonNegative, positive } from '../check';
import type { Units } from '../model';

/** Largest excess over a whole number still treated as floating-point noise. */
const WHOLE_UNIT_TOLERANCE = 1e-9;

/** A case pack rounding can use: a whole number ≥ 1; null for none, a fraction or below 1 (orders then round to units). */
export const wholeCasePack = (casePack: number | null): number | null => (casePack !== null && casePack >= 1 && Number.isInteger(casePack) ? casePack : null);

/** 0 for qty ≤ 0; otherwise ⌈qty⌉ raised to moq, rounded up to a multiple of casePack. */
export function roundOrderQty(qty: Units, moq: Units = 0, casePack: Units = 1): Units | CalcError {
  const bad = finite(qty, 'qty') ?? nonNegative(moq, 'moq') ?? positive(casePack, 'casePack');
  if (bad) return bad;
  if (!Number.isInteger(casePack)) return valueError(messages.notInteger('casePack'));
  if (qty <= 0) return 0;
  const units = Math.max(Math.ceil(qty - WHOLE_UNIT_TOLERANCE), moq);
  return Math.ceil(units / casePack) * casePack;
}
