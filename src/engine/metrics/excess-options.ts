/**
 * What each way of dealing with excess stock brings over a horizon, in money (docs/FORMULAS.md,
 * "Liquidation"; issue 20: fee-aware excess decisions). For the `units` a position holds beyond what it
 * needs, every option's net cash over `horizonDays`, in the channel's currency:
 *
 *   holding cost of a unit held t days   c(t) = k·t + (g / 30)·max(0, t − T₀)
 *       k = s / 30 + cost × holdingRate / 365      T₀ = max(0, agedFromDays − ageDays)
 *   exit at the horizon's end            x = max(price × liquidationRecovery, resale − removalFee, −disposalFee)
 *
 *   Keep      the excess sells at v after the rest of the stock: from a = (available − units) / v,
 *             n = min(units, v × (H − a)) units by the horizon, sold over [a, a + n/v]:
 *             n × (price − sellFee) − n × mean c(t) over [a, a + n/v] − (units − n) × (c(H) − x)
 *   Discount  the same at the discounted price p' = price × (1 − d) and velocity v', plus what the
 *             discount does to the rest of the stock (it sells at p', sooner):
 *             − rest × price × d + rest × (mean c over [0, min(H, rest/v)] − mean c over [0, min(H, rest/v')])
 *   Outlet    units × (sellThrough × (price × (1 − outletDiscount) − sellFee) + (1 − sellThrough) × (resale − removalFee))
 *   Liquidate units × price × liquidationRecovery          (Amazon's program pays a share of the price, net of its fees)
 *             Outlet deals and liquidation are Amazon programs: off Amazon (noon) they are not options, and x
 *             leaves liquidation out.
 *   Remove    units × (resale − removalFee)
 *   Dispose   units × (−disposalFee)
 *
 * Symbols: H = horizonDays, v = velocity (units/day), available = units on hand, rest = available − units,
 * sellFee = fees per unit sold (referral + fulfillment), s = storage fee per unit-month, g = aged-inventory
 * surcharge per unit-month once a unit is agedFromDays old, ageDays = how old the excess units are now
 * (FIFO: they are the youngest), cost = unit cost (0 when unknown: no capital charge), d and v' = the
 * discount plan (metrics/liquidation.ts), resale = what a removed unit is worth to the seller.
 *
 * Conventions:
 * - Months are 30 days; a year is 365. Sales are spread evenly over their days (the mean of c(t) over
 *   an interval is exact for the piecewise-linear c).
 * - Units left at the horizon's end take the best exit then (x), after c(H) of holding.
 * - Outlet deals, liquidation, removal and disposal act at once: no further holding cost.
 * - A transfer to another channel of the same country is not among the options: Rebalance plans those
 *   first, and `units` is what is left after them.
 * - The best option is the one with the highest net; ties (within a relative 1e-9) go to the first in
 *   EXCESS_OPTIONS order (Keep, then Discount …), so the seller is never told to act for nothing.
 */
import { closedUnit, nonNegative, positive } from '../check';
import type { CalcError } from '../errors';
import type { Days, Money, Units, Velocity } from '../model';

export type ExcessOption = 'Keep' | 'Discount' | 'Outlet deal' | 'Liquidate' | 'Remove' | 'Dispose';

/** In tie-break order. */
export const EXCESS_OPTIONS: readonly ExcessOption[] = ['Keep', 'Discount', 'Outlet deal', 'Liquidate', 'Remove', 'Dispose'];

export interface ExcessCase {
  readonly units: Units;
  readonly available: Units;
  readonly velocity: Velocity;
  readonly price: Money;
  /** null: unknown (no capital charge). */
  readonly unitCost: Money | null;
  readonly horizonDays: Days;
  readonly sellFeePerUnit: Money;
  readonly storagePerUnitMonth: Money;
  readonly agedSurchargePerUnitMonth: Money;
  readonly agedFromDays: Days;
  readonly ageDays: Days;
  readonly holdingRate: number;
  /** Amazon's Outlet deals and FBA Liquidations exist for the channel (Amazon); noon has neither. */
  readonly amazonPrograms: boolean;
  /** The discount plan (discount and the velocity it brings); null when there is none (no sales, no price). */
  readonly discount: { readonly discount: number; readonly expectedVelocity: Velocity } | null;
  readonly outletDiscount: number;
  readonly outletSellThrough: number;
  readonly liquidationRecovery: number;
  readonly removalFeePerUnit: Money;
  readonly resalePerUnit: Money;
  readonly disposalFeePerUnit: Money;
}

export interface ExcessComparison {
  readonly best: ExcessOption;
  /** Net money of every option over the horizon; null for Discount without a plan, and for Outlet deal and Liquidate off Amazon. */
  readonly net: Readonly<Record<ExcessOption, Money | null>>;
  /** Units the Keep option sells by the horizon, and the day the excess is sold out at today's price (+∞ without sales). */
  readonly keepSold: Units;
  readonly sellOutDays: Days;
}

const TIE = 1e-9;
const beats = (a: number, b: number) => a - b > TIE * Math.max(1, Math.abs(a), Math.abs(b));

function check(c: ExcessCase): CalcError | undefined {
  return (
    nonNegative(c.units, 'units') ??
    nonNegative(c.available, 'available') ??
    nonNegative(c.velocity, 'velocity') ??
    nonNegative(c.price, 'price') ??
    (c.unitCost === null ? undefined : nonNegative(c.unitCost, 'unitCost')) ??
    positive(c.horizonDays, 'horizonDays') ??
    nonNegative(c.sellFeePerUnit, 'sellFeePerUnit') ??
    nonNegative(c.storagePerUnitMonth, 'storagePerUnitMonth') ??
    nonNegative(c.agedSurchargePerUnitMonth, 'agedSurchargePerUnitMonth') ??
    nonNegative(c.agedFromDays, 'agedFromDays') ??
    nonNegative(c.ageDays, 'ageDays') ??
    nonNegative(c.holdingRate, 'holdingRate') ??
    (c.discount === null ? undefined : closedUnit(c.discount.discount, 'discount') ?? nonNegative(c.discount.expectedVelocity, 'expectedVelocity')) ??
    closedUnit(c.outletDiscount, 'outletDiscount') ??
    closedUnit(c.outletSellThrough, 'outletSellThrough') ??
    closedUnit(c.liquidationRecovery, 'liquidationRecovery') ??
    nonNegative(c.removalFeePerUnit, 'removalFeePerUnit') ??
    nonNegative(c.resalePerUnit, 'resalePerUnit') ??
    nonNegative(c.disposalFeePerUnit, 'disposalFeePerUnit')
  );
}

/** Holding cost per unit: k a day, plus g a day once the unit is past day T0 (see c(t) above). */
interface Holding {
  readonly k: number;
  readonly g: number;
  readonly T0: number;
}

/** Mean of max(0, t − T0) for t spread evenly over [a, b]. */
function meanAged(a: number, b: number, T0: number): number {
  if (b <= T0) return 0;
  if (a >= T0 || b - a <= 0) return Math.max(0, (a + b) / 2 - T0);
  return ((b - T0) * (b - T0)) / (2 * (b - a));
}

/** Mean holding cost of units sold evenly over [a, b] days from now. */
const meanCost = (h: Holding, a: number, b: number): number => (h.k * (a + b)) / 2 + h.g * meanAged(a, b, h.T0);

/** Holding cost of a unit held t days, c(t). */
const heldFor = (h: Holding, t: number): number => h.k * t + h.g * Math.max(0, t - h.T0);

/**
 * The excess sold at `unitPrice` and velocity `v` after the `rest` of the stock, over `H` days; what is
 * left then goes at `exit`. Returns the net and the units sold.
 */
function sellingNet(c: ExcessCase, h: Holding, rest: number, exit: number, unitPrice: number, v: number): { net: number; sold: number } {
  const H = c.horizonDays;
  if (v <= 0) return { net: -c.units * (heldFor(h, H) - exit), sold: 0 };
  const a = rest / v;
  const sold = Math.min(c.units, Math.max(0, v * (H - a)));
  const held = sold > 0 ? sold * meanCost(h, a, a + sold / v) : 0;
  return { net: sold * (unitPrice - c.sellFeePerUnit) - held - (c.units - sold) * (heldFor(h, H) - exit), sold };
}

/** Compares keeping, discounting, an outlet deal, liquidation, removal and disposal for the excess of one position. */
export function compareExcessOptions(c: ExcessCase): ExcessComparison | CalcError {
  const bad = check(c);
  if (bad) return bad;
  const H = c.horizonDays;
  const h: Holding = {
    k: c.storagePerUnitMonth / 30 + ((c.unitCost ?? 0) * c.holdingRate) / 365,
    g: c.agedSurchargePerUnitMonth / 30,
    T0: Math.max(0, c.agedFromDays - c.ageDays),
  };
  const resaleAfterRemoval = c.resalePerUnit - c.removalFeePerUnit;
  const liquidation = c.amazonPrograms ? c.price * c.liquidationRecovery : null;
  const exitAtEnd = Math.max(liquidation ?? -Infinity, resaleAfterRemoval, -c.disposalFeePerUnit);
  const rest = Math.max(0, c.available - c.units);

  const keep = sellingNet(c, h, rest, exitAtEnd, c.price, c.velocity);
  let discount: number | null = null;
  if (c.discount !== null && c.velocity > 0 && c.discount.expectedVelocity > 0) {
    const d = c.discount.discount;
    const v2 = c.discount.expectedVelocity;
    const excess = sellingNet(c, h, rest, exitAtEnd, c.price * (1 - d), v2);
    const restHeld = rest > 0 ? rest * (meanCost(h, 0, Math.min(H, rest / c.velocity)) - meanCost(h, 0, Math.min(H, rest / v2))) : 0;
    discount = excess.net - rest * c.price * d + restHeld;
  }
  // `+ 0` turns −0 (nothing to clear) into 0.
  const net: Record<ExcessOption, number | null> = {
    Keep: keep.net + 0,
    Discount: discount === null ? null : discount + 0,
    'Outlet deal': c.amazonPrograms ? c.units * (c.outletSellThrough * (c.price * (1 - c.outletDiscount) - c.sellFeePerUnit) + (1 - c.outletSellThrough) * resaleAfterRemoval) + 0 : null,
    Liquidate: liquidation === null ? null : c.units * liquidation + 0,
    Remove: c.units * resaleAfterRemoval + 0,
    Dispose: 0 - c.units * c.disposalFeePerUnit,
  };
  let best: ExcessOption = 'Keep';
  for (const option of EXCESS_OPTIONS) {
    const x = net[option];
    if (x !== null && beats(x, net[best] as number)) best = option;
  }
  return { best, net, keepSold: keep.sold, sellOutDays: c.velocity > 0 ? c.available / c.velocity : Infinity };
}
