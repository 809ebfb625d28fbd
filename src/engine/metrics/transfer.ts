/**
 * Transfer quantity for one source → destination pair, and the capital it saves
 * (docs/FORMULAS.md, "Excess, need, transfers").
 *
 *   transferQty  = min(sourceExcess, destinationNeed), recommended only when
 *                  transferQty ≥ minTransferQty and transferCostPerUnit < unitCost; otherwise 0
 *   capitalSaved = transferQty × unitCost − transferQty × transferCostPerUnit
 *
 * Symbols: sourceExcess = excessQty of the source position, destinationNeed = needQty of the destination,
 * minTransferQty = smallest transfer worth recommending (setting, default 10), transferCostPerUnit =
 * removal + shipping + inbound cost of moving one unit (setting, default 5 per route), unitCost = cost of
 * buying one unit.
 * Convention: when unitCost is missing (undefined or null) the cost rule is not checked, only the minimum
 * quantity. The greedy matching across positions lives elsewhere. Both rules compare by the threshold
 * rule (metrics/compare.ts): a quantity within 1e-9 of minTransferQty is minTransferQty (recommended).
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Money, Units } from '../model';
import { below } from './compare';

export function transferQty(
  sourceExcess: Units,
  destinationNeed: Units,
  minTransferQty: Units = 10,
  transferCostPerUnit: Money = 5,
  unitCost?: Money | null,
): Units | CalcError {
  const bad =
    nonNegative(sourceExcess, 'sourceExcess') ??
    nonNegative(destinationNeed, 'destinationNeed') ??
    nonNegative(minTransferQty, 'minTransferQty') ??
    nonNegative(transferCostPerUnit, 'transferCostPerUnit') ??
    (unitCost == null ? undefined : nonNegative(unitCost, 'unitCost'));
  if (bad) return bad;
  const qty = Math.min(sourceExcess, destinationNeed);
  if (below(qty, minTransferQty)) return 0;
  if (unitCost != null && !below(transferCostPerUnit, unitCost)) return 0;
  return qty;
}

/** Buying cost avoided minus the cost of moving; negative when moving costs more than buying. */
export function capitalSaved(qty: Units, unitCost: Money, transferCostPerUnit: Money): Money | CalcError {
  const bad =
    nonNegative(qty, 'qty') ?? nonNegative(unitCost, 'unitCost') ?? nonNegative(transferCostPerUnit, 'transferCostPerUnit');
  if (bad) return bad;
  return qty * unitCost - qty * transferCostPerUnit;
}
