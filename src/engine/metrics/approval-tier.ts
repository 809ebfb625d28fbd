/**
 * Purchase-order approval tier from the order value (docs/FORMULAS.md, "Policies": approval tier from order
 * value = qty × unitCost in the reporting currency; "Settings and defaults": approvalTiers).
 *
 *   tier = the first rule, in order, with below = null or orderValue < below
 *
 * Defaults (DEFAULT_APPROVAL_TIERS): Auto < 5,000 ≤ Manager < 50,000 ≤ Director < 100,000 ≤ Executive.
 *
 * Conventions: each limit is exclusive (a 5,000 order needs a Manager), and the order value is compared
 * with it by the threshold rule (metrics/compare.ts): a value within 1e-9 of a limit is the limit, so a
 * 5,000 order computed as 4,999.999999999999 (a currency conversion) needs a Manager too. The rules must
 * be strictly ascending and end with an open-ended rule (below = null), so every value has exactly one
 * tier; a table that breaks this is a settings error (#VALUE!), not silently patched. No allocation per
 * call.
 */
import { CalcError, messages, valueError } from '../errors';
import { nonNegative } from '../check';
import { below as under } from './compare';
import { DEFAULT_APPROVAL_TIERS } from '../model';
import type { ApprovalTierRule, Money } from '../model';

/** The approval tier for an order of value orderValue ≥ 0 under `tiers` (default DEFAULT_APPROVAL_TIERS). */
export function approvalTier(
  orderValue: Money,
  tiers: readonly ApprovalTierRule[] = DEFAULT_APPROVAL_TIERS,
): string | CalcError {
  const bad = nonNegative(orderValue, 'orderValue');
  if (bad) return bad;
  const last = tiers.length - 1;
  if (last < 0) return valueError(messages.missing('tiers'));
  let previous = -Infinity;
  for (let i = 0; i < last; i++) {
    const below = tiers[i].below;
    if (below === null || !(below > previous)) return valueError(messages.ascending('tiers'));
    previous = below;
  }
  if (tiers[last].below !== null) return valueError(messages.ascending('tiers'));
  for (let i = 0; i < last; i++) {
    if (under(orderValue, tiers[i].below as number)) return tiers[i].tier;
  }
  return tiers[last].tier;
}
