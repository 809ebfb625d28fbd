/**
 * Liquidation planner: the discount that brings an excess position down to a target DOI
 * (docs/FORMULAS.md, "Liquidation"; Settings: targetDoi 45, elasticity 1.5, maxDiscount 0.5).
 *
 *   vReq = available / targetDoi                                   (required velocity)
 *   constant elasticity (default): v' = v × (1 − d)^(−e)  ⇒  d = 1 − (v / vReq)^(1/e)
 *   linear (the original dashboard's): d = (vReq / v − 1) / e
 *   discount = min(maxDiscount, max(0, d))        (no discount when v ≥ vReq)
 *   newPrice = price × (1 − discount); expectedVelocity = v × (1 − discount)^(−e);
 *   daysToClear = available / expectedVelocity
 *
 * Symbols: v = current velocity (units/day), available = saleable units, targetDoi = DOI wanted after the
 * discount, e = price elasticity of demand (positive: a 1% price cut lifts volume by e%), d = discount as a
 * fraction of price, maxDiscount = largest discount proposed (0 ≤ maxDiscount < 1; 1 would give the stock
 * away). The linear model exceeds 100% for large excess, which is why it is not the default.
 * Conventions: expectedVelocity uses the constant-elasticity response for both models (docs/FORMULAS.md), so
 * under the linear model the plan's daysToClear need not equal targetDoi even uncapped.
 * v = 0 with stock is #N/A "No sales": there is no elasticity to use (dead stock goes to outlet,
 * liquidation or removal). available = 0 needs no discount (0) whatever v is.
 * Decisions compare by the threshold rule (metrics/compare.ts, 1e-9): no discount when v is at least
 * vReq, capped when the discount is more than maxDiscount, reachesTarget when daysToClear is at most
 * targetDoi (the uncapped constant-elasticity discount lands on targetDoi exactly, up to rounding).
 */
import { finite, nonNegative, positive } from '../check';
import { type CalcError, messages, naError, valueError } from '../errors';
import { DEFAULT_SETTINGS, type Days, type LiquidationModel, type Money, type Units, type Velocity } from '../model';
import { above, atLeast, atMost } from './compare';

export const LIQUIDATION_MODELS: readonly LiquidationModel[] = ['elasticity', 'linear'];

export interface LiquidationOptions {
  targetDoi?: Days;
  elasticity?: number;
  maxDiscount?: number;
  model?: LiquidationModel;
}

export interface LiquidationPlan {
  discount: number;
  uncappedDiscount: number;
  capped: boolean;
  newPrice: Money;
  expectedVelocity: Velocity;
  daysToClear: Days;
  reachesTarget: boolean;
}

/** Local until a shared check exists: 0 ≤ d < 1 (a discount that does not give the product away). */
function discountFraction(d: number, name: string): CalcError | undefined {
  return finite(d, name) ?? (d < 0 || d >= 1 ? valueError(messages.atLeastZeroBelowOne(name)) : undefined);
}

function knownModel(model: LiquidationModel): CalcError | undefined {
  return LIQUIDATION_MODELS.includes(model) ? undefined : valueError(messages.oneOf('model', LIQUIDATION_MODELS));
}

export function requiredVelocity(available: Units, targetDoi: Days): Velocity | CalcError {
  const bad = nonNegative(available, 'available') ?? positive(targetDoi, 'targetDoi');
  if (bad) return bad;
  return available / targetDoi;
}

/** Discount before the cap, for validated inputs with v > 0. */
function rawDiscount(velocity: Velocity, vReq: Velocity, elasticity: number, model: LiquidationModel): number {
  if (atLeast(velocity, vReq)) return 0;
  return model === 'linear' ? (vReq / velocity - 1) / elasticity : 1 - Math.pow(velocity / vReq, 1 / elasticity);
}

function checkInputs(
  velocity: Velocity,
  available: Units,
  targetDoi: Days,
  elasticity: number,
  maxDiscount: number,
  model: LiquidationModel,
): CalcError | undefined {
  return (
    nonNegative(velocity, 'velocity') ??
    nonNegative(available, 'available') ??
    positive(targetDoi, 'targetDoi') ??
    positive(elasticity, 'elasticity') ??
    discountFraction(maxDiscount, 'maxDiscount') ??
    knownModel(model)
  );
}

export function liquidationDiscount(
  velocity: Velocity,
  available: Units,
  targetDoi: Days = DEFAULT_SETTINGS.targetDoi,
  elasticity = DEFAULT_SETTINGS.elasticity,
  maxDiscount = DEFAULT_SETTINGS.maxDiscount,
  model: LiquidationModel = DEFAULT_SETTINGS.liquidationModel,
): number | CalcError {
  const bad = checkInputs(velocity, available, targetDoi, elasticity, maxDiscount, model);
  if (bad) return bad;
  if (available === 0) return 0;
  if (velocity === 0) return naError(messages.noSales());
  return Math.min(maxDiscount, rawDiscount(velocity, available / targetDoi, elasticity, model));
}

/** v' = v × (1 − d)^(−e): the constant-elasticity response to a discount d. */
export function expectedVelocity(velocity: Velocity, discount: number, elasticity: number): Velocity | CalcError {
  const bad =
    nonNegative(velocity, 'velocity') ?? discountFraction(discount, 'discount') ?? positive(elasticity, 'elasticity');
  if (bad) return bad;
  return velocity * Math.pow(1 - discount, -elasticity);
}

/** available / v', 0 when nothing is left; #N/A "No sales" when stock does not sell. */
export function daysToClear(available: Units, velocity: Velocity, discount = 0, elasticity = DEFAULT_SETTINGS.elasticity): Days | CalcError {
  const bad =
    nonNegative(available, 'available') ??
    nonNegative(velocity, 'velocity') ??
    discountFraction(discount, 'discount') ??
    positive(elasticity, 'elasticity');
  if (bad) return bad;
  if (available === 0) return 0;
  if (velocity === 0) return naError(messages.noSales());
  return available / (velocity * Math.pow(1 - discount, -elasticity));
}

export function liquidationPlan(
  price: Money,
  velocity: Velocity,
  available: Units,
  opts: LiquidationOptions = {},
): LiquidationPlan | CalcError {
  const {
    targetDoi = DEFAULT_SETTINGS.targetDoi,
    elasticity = DEFAULT_SETTINGS.elasticity,
    maxDiscount = DEFAULT_SETTINGS.maxDiscount,
    model = DEFAULT_SETTINGS.liquidationModel,
  } = opts;
  const bad = nonNegative(price, 'price') ?? checkInputs(velocity, available, targetDoi, elasticity, maxDiscount, model);
  if (bad) return bad;
  if (available > 0 && velocity === 0) return naError(messages.noSales());
  const uncappedDiscount = available === 0 ? 0 : rawDiscount(velocity, available / targetDoi, elasticity, model);
  const capped = above(uncappedDiscount, maxDiscount);
  const discount = capped ? maxDiscount : Math.min(maxDiscount, uncappedDiscount);
  const newVelocity = velocity * Math.pow(1 - discount, -elasticity);
  const days = available === 0 ? 0 : available / newVelocity;
  return {
    discount,
    uncappedDiscount,
    capped,
    newPrice: price * (1 - discount),
    expectedVelocity: newVelocity,
    daysToClear: days,
    reachesTarget: atMost(days, targetDoi),
  };
}
