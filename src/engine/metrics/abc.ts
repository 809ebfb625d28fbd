/**
 * ABC classification by cumulative share (docs/FORMULAS.md, "Classes": ABC; Settings: abcCuts 0.80 / 0.95).
 *
 *   sort values descending; with S = Σ values and Cᵢ = sum of the values ranked before item i,
 *   class(i) = A if Cᵢ / S < cuts[0], B if Cᵢ / S < cuts[1], else C; an item of value 0 is always C.
 *
 * Symbols: values = revenue (or units) per Master SKU, cuts = [a, b] cumulative share limits of A and B.
 * Cut rule: the share *before* the item decides (so the item that crosses 80% is still A, and the top
 * item is always A). Tie rule: the sort is stable, so equal values keep their input order and, where a
 * run of ties straddles a cut, the earlier ones get the better class (a higher value never gets a worse
 * class; an equal value may). When S = 0 every valid item is C.
 * Shares are compared with the cuts by the threshold rule (metrics/compare.ts): a share within 1e-9 of a
 * cut is the cut, so the item after 80 of 100 is B whether the sum before it comes to 0.8 or 0.7999….
 * Blank entries (null) give null and are left out of S; negative or non-finite entries give a CalcError in
 * their slot and are left out too. Invalid cuts (not 0 < a < b ≤ 1) give the same CalcError in every slot.
 * The result is in input order. Cost O(n log n) for the sort, O(n) otherwise.
 */
import { finite, nonNegative } from '../check';
import { type CalcError, messages, valueError } from '../errors';
import type { AbcClass } from '../model';
import { below } from './compare';

function checkCuts(cuts: readonly [number, number]): CalcError | undefined {
  const [a, b] = cuts;
  const bad = finite(a, 'cuts') ?? finite(b, 'cuts');
  if (bad) return bad;
  // No shared template for an ordered pair yet (reported to the lead).
  if (!(a > 0 && a < b && b <= 1)) return valueError(messages.mustSatisfy('cuts', '0 < cuts[0] < cuts[1] ≤ 1'));
  return undefined;
}

export function abcClasses(
  values: readonly (number | null)[],
  cuts: readonly [number, number] = [0.8, 0.95],
): (AbcClass | CalcError | null)[] {
  const n = values.length;
  const result: (AbcClass | CalcError | null)[] = new Array(n);
  const badCuts = checkCuts(cuts);
  if (badCuts) return result.fill(badCuts);

  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      result[i] = null;
      continue;
    }
    const bad = nonNegative(value, 'values');
    if (bad) {
      result[i] = bad;
      continue;
    }
    order.push(i);
    total += value;
  }
  if (total === 0) {
    for (const i of order) result[i] = 'C';
    return result;
  }

  const v = values as readonly number[];
  order.sort((i, j) => v[j] - v[i] || i - j);
  const [a, b] = cuts;
  let before = 0;
  for (const i of order) {
    const value = v[i];
    const share = before / total;
    result[i] = value === 0 ? 'C' : below(share, a) ? 'A' : below(share, b) ? 'B' : 'C';
    before += value;
  }
  return result;
}
