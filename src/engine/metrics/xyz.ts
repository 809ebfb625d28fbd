/**
 * XYZ classification by variability of monthly demand (docs/FORMULAS.md, "Classes": XYZ; Settings: xyzCuts
 * 0.5 / 1.0).
 *
 *   CV = s / x̄,  s = √( Σ (xᵢ − x̄)² / (n − 1) )
 *   X if CV ≤ cuts[0], Y if CV ≤ cuts[1], Z otherwise
 *
 * Symbols: xᵢ = demand of month i, n = number of months, x̄ = mean, s = sample standard deviation.
 * Convention: the sample standard deviation (n − 1 divisor, as R's sd() and the tsintermittent package);
 * the population one (n) would give a CV smaller by √((n − 1) / n).
 * Fewer than 3 periods, or all-zero demand (mean 0), gives null (shown "—"): no class.
 * CV is compared with the cuts by the threshold rule (metrics/compare.ts): a CV within 1e-9 of a cut is
 * the cut (so X).
 */
import { mean } from 'simple-statistics';
import { nonNegative } from '../check';
import { type CalcError, messages, valueError } from '../errors';
import { atMost } from './compare';

export type XyzClass = 'X' | 'Y' | 'Z';

/** XYZ needs at least this many periods. */
export const XYZ_MIN_PERIODS = 3;

/**
 * Sample standard deviation / mean; null when there are fewer than 2 values or the mean is 0.
 * Inputs are not validated here (xyzClass does): a NaN gives NaN.
 */
export function coefficientOfVariation(series: readonly number[]): number | null {
  if (series.length < 2) return null;
  const m = mean(series as number[]);
  if (m === 0) return null;
  // simple-statistics' sampleStandardDeviation, √(Σ (xᵢ − x̄)² / (n − 1)), with the same operations in
  // the same order, on the mean already computed (it would compute it again).
  let ss = 0;
  for (let i = 0; i < series.length; i++) {
    const d = series[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (series.length - 1)) / m;
}

function checkCuts(cuts: readonly [number, number]): CalcError | undefined {
  const [x, y] = cuts;
  const bad = nonNegative(x, 'cuts') ?? nonNegative(y, 'cuts');
  if (bad) return bad;
  // No shared template for an ordered pair yet (reported to the lead).
  if (!(x < y)) return valueError(messages.mustSatisfy('cuts', 'cuts[0] < cuts[1]'));
  return undefined;
}

export function xyzClass(
  monthlyDemand: readonly number[],
  cuts: readonly [number, number] = [0.5, 1.0],
): XyzClass | null | CalcError {
  return xyzClassOf(monthlyDemand, monthlyDemand.length < XYZ_MIN_PERIODS ? null : coefficientOfVariation(monthlyDemand), cuts);
}

/**
 * xyzClass for a caller that has computed the coefficient of variation already: `cv` is
 * coefficientOfVariation(monthlyDemand) (read only from XYZ_MIN_PERIODS periods on).
 */
export function xyzClassOf(monthlyDemand: readonly number[], cv: number | null, cuts: readonly [number, number]): XyzClass | null | CalcError {
  for (let i = 0; i < monthlyDemand.length; i++) {
    const bad = nonNegative(monthlyDemand[i], 'monthlyDemand');
    if (bad) return bad;
  }
  const badCuts = checkCuts(cuts);
  if (badCuts) return badCuts;
  if (monthlyDemand.length < XYZ_MIN_PERIODS || cv === null) return null;
  return atMost(cv, cuts[0]) ? 'X' : atMost(cv, cuts[1]) ? 'Y' : 'Z';
}
