/**
 * The alternative to discounting: outlet deal, liquidation or removal, whichever loses least given the
 * fee schedule (FORMULAS.md, "Liquidation"). Used when even maxDiscount cannot reach targetDoi, or when
 * v = 0 (dead stock: no elasticity to use).
 *
 * Net recovery per unit, in the channel's currency:
 *   Outlet deal  r₁ = price × (1 − outletDiscount) × outletSellThrough − removalFeePerUnit × (1 − outletSellThrough)
 *   Liquidate    r₂ = price × liquidationRecovery
 *   Remove       r₃ = − removalFeePerUnit
 *   alternative  = the option with the highest r (ties: Outlet deal, then Liquidate, then Remove;
 *                  recoveries within a relative 1e-9 of each other tie, so rounding does not pick)
 *   totalRecovery = units × r;  lossVsCost = units × unitCost − totalRecovery (null when unitCost is missing)
 *
 * Symbols: price = current selling price per unit, units = units to clear, unitCost = cost of buying one
 * unit (for the loss against cost only), outletDiscount = price cut of an outlet / clearance deal,
 * outletSellThrough = share of the units the outlet deal sells (the unsold rest is removed),
 * liquidationRecovery = share of the price a liquidation pays back per unit after its fees,
 * removalFeePerUnit = fee to remove (return or dispose of) one unit.
 * The fee schedule comes from editable settings (defaults outletDiscount 0.5, outletSellThrough 0.6,
 * liquidationRecovery 0.1, removalFeePerUnit 2). They are planning defaults, not Amazon's or noon's
 * published fees: set them from the seller's own fee pages and past results.
 * Conventions: removal is valued at its fee only (removed units are credited with no resale value) and
 * liquidation has no fee beyond liquidationRecovery, so r₂ = price × liquidationRecovery ≥ 0 ≥ r₃ and a
 * tie goes to Liquidate: under this schedule Remove never wins and the chosen recovery is never below 0
 * (beyond the tie tolerance).
 * Remove is kept in `options` so the sheet can show what removal would cost. Positive lossVsCost is money
 * lost against cost; negative means a gain.
 * Cost: O(1).
 * @example
 * liquidationAlternative(100, 40, 60, { outletDiscount: 0.5, outletSellThrough: 0.6, liquidationRecovery: 0.1, removalFeePerUnit: 2 })
 * // { alternative: 'Outlet deal', recoveryPerUnit: 29.2, totalRecovery: 1168, lossVsCost: 1232,
 * //   options: { 'Outlet deal': 29.2, Liquidate: 10, Remove: -2 } }
 */
import { closedUnit, nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Money, Units } from '../model';

export type Alternative = 'Outlet deal' | 'Liquidate' | 'Remove';

/** In tie-break order. */
export const ALTERNATIVES: readonly Alternative[] = ['Outlet deal', 'Liquidate', 'Remove'];

export interface FeeSchedule {
  readonly outletDiscount: number;
  readonly outletSellThrough: number;
  readonly liquidationRecovery: number;
  readonly removalFeePerUnit: Money;
}

export interface LiquidationAlternative {
  readonly alternative: Alternative;
  /** Net recovery per unit of the chosen alternative (negative when it costs money). */
  readonly recoveryPerUnit: Money;
  readonly totalRecovery: Money;
  /** units × unitCost − totalRecovery; null when unitCost is missing. */
  readonly lossVsCost: Money | null;
  /** Net recovery per unit of every alternative. */
  readonly options: Readonly<Record<Alternative, Money>>;
}

/** Relative tolerance below which two recoveries tie (price × 0.3 − 0.8 and price × 0.1 at price 4). */
const TIE_TOLERANCE = 1e-9;

function beats(a: Money, b: Money): boolean {
  return a - b > TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkInputs(price: Money, units: Units, unitCost: Money | null, schedule: FeeSchedule): CalcError | undefined {
  return (
    nonNegative(price, 'price') ??
    nonNegative(units, 'units') ??
    (unitCost === null ? undefined : nonNegative(unitCost, 'unitCost')) ??
    closedUnit(schedule.outletDiscount, 'outletDiscount') ??
    closedUnit(schedule.outletSellThrough, 'outletSellThrough') ??
    closedUnit(schedule.liquidationRecovery, 'liquidationRecovery') ??
    nonNegative(schedule.removalFeePerUnit, 'removalFeePerUnit')
  );
}

export function liquidationAlternative(
  price: Money,
  units: Units,
  unitCost: Money | null,
  schedule: FeeSchedule,
): LiquidationAlternative | CalcError {
  const bad = checkInputs(price, units, unitCost, schedule);
  if (bad) return bad;
  const { outletDiscount, outletSellThrough, liquidationRecovery, removalFeePerUnit } = schedule;
  const options: Record<Alternative, Money> = {
    'Outlet deal': price * (1 - outletDiscount) * outletSellThrough - removalFeePerUnit * (1 - outletSellThrough),
    Liquidate: price * liquidationRecovery,
    Remove: 0 - removalFeePerUnit, // +0 rather than −0 when the fee is 0
  };
  let alternative: Alternative = ALTERNATIVES[0];
  for (const option of ALTERNATIVES) if (beats(options[option], options[alternative])) alternative = option;
  const recoveryPerUnit = options[alternative];
  const totalRecovery = units * recoveryPerUnit;
  return {
    alternative,
    recoveryPerUnit,
    totalRecovery,
    lossVsCost: unitCost === null ? null : units * unitCost - totalRecovery,
    options,
  };
}
