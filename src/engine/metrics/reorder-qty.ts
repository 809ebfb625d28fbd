/**
 * Reorder quantity for both replenishment policies (docs/FORMULAS.md, "Policies").
 *
 *   cover:    reorderQty = max(0, SS − available − inbound),           SS = v × safetyDays
 *   service:  reorderQty = max(0, S − available − inbound)  if available + inbound ≤ ROP, else 0
 *
 * One formula serves both: with target T and reorder point s,
 *
 *   reorderQty(T, available, inbound, s) = 0                                  if IP > s
 *                                        = max(0, T − IP)                     otherwise,
 *   IP = available + inbound (the inventory position; backorders are not tracked).
 *
 * The cover policy passes T = SS and no reorder point; s then defaults to T, and the rule reduces to
 * max(0, T − IP) exactly (IP > T means T − IP < 0, which the max turns into 0 anyway). The service
 * policy passes T = S (order-up-to) and s = reorder point, the textbook (s, S) rule: order up to S once
 * the position falls to s (Scarf 1960; Silver, Pyke & Peterson, (s, S) system).
 *
 * Conventions: available and inbound must be ≥ 0 — Amazon can report a negative fulfillable quantity,
 * which is a data issue to repair upstream, so it gives #VALUE! here. The target and reorder point only
 * have to be finite (a negative service safety stock can make them negative; the result is then 0).
 * IP is compared with the reorder point by the threshold rule (metrics/compare.ts): an IP within 1e-9 of
 * the reorder point has fallen to it.
 */
import type { CalcError } from '../errors';
import { finite, nonNegative } from '../check';
import type { Units } from '../model';
import { above } from './compare';

/** Units to order: max(0, target − available − inbound) when available + inbound ≤ reorderPoint (default target), else 0. */
export function reorderQty(target: Units, available: Units, inbound: Units, reorderPoint?: Units): Units | CalcError {
  const bad =
    finite(target, 'target') ??
    nonNegative(available, 'available') ??
    nonNegative(inbound, 'inbound') ??
    (reorderPoint === undefined ? undefined : finite(reorderPoint, 'reorderPoint'));
  if (bad) return bad;
  const position = available + inbound;
  if (above(position, reorderPoint ?? target)) return 0;
  return Math.max(0, target - position);
}
