/**
 * Forecast accuracy on held-out periods (docs/FORMULAS.md, "Forecasting and accuracy").
 *
 *   MASE  = mean|y_t − ŷ_t| / Q,    Q = mean_{t=m+1…n} |x_t − x_{t−m}|   (in-sample x₁ … x_n)
 *   RMSSE = √( mean (y_t − ŷ_t)² / mean_{t=m+1…n} (x_t − x_{t−m})² )
 *   bias  = mean (ŷ_t − y_t)                                              (units per period)
 *
 * References: MASE — Hyndman, R. J. & Koehler, A. B. (2006), "Another look at measures of forecast
 * accuracy", IJF 22(4), 679–688 (seasonal form as in the M4 competition and the Monash forecasting
 * archive); RMSSE — Makridakis, Spiliotis & Assimakopoulos (2022), "M5 accuracy competition", IJF 38(4).
 * Conventions:
 * - The scale uses the in-sample seasonal difference of lag m (m = 1: the naive one-step difference).
 *   M5 scales RMSSE by lag 1; here both use the same m so they compare (the CLI and functions take m).
 * - When the in-sample series has m or fewer periods, the lag falls back to 1, so a short history still
 *   has a scale.
 * - A zero scale (the in-sample series never changes) gives #DIV/0!: the ratio is undefined.
 * - bias is forecast minus actual: positive = over-forecast, negative = under-forecast (an all-zero
 *   forecast of positive demand has a negative bias).
 */
import { CalcError, messages, valueError } from '../errors';
import { finite } from '../check';

const isFiniteNumber = (x: unknown): boolean => typeof x === 'number' && x - x === 0;

function checkPairs(actual: readonly number[], forecast: readonly number[]): CalcError | undefined {
  if (actual.length === 0) return valueError(messages.atLeastPeriods('actual', 1));
  if (forecast.length !== actual.length) return valueError(messages.sameLength('forecast', 'actual', actual.length, forecast.length));
  for (let i = 0; i < actual.length; i++) {
    // The common case inline (two finite numbers); finite words the error.
    if (isFiniteNumber(actual[i]) && isFiniteNumber(forecast[i])) continue;
    const bad = finite(actual[i], `actual[${i + 1}]`) ?? finite(forecast[i], `forecast[${i + 1}]`);
    if (bad) return bad;
  }
  return undefined;
}

/** Mean of |x_t − x_{t−lag}|^power over the in-sample series, with the lag falling back to 1. */
export function seasonalScale(insample: readonly number[], seasonLength: number, power: 1 | 2): number | CalcError {
  if (!Number.isInteger(seasonLength) || seasonLength < 1) return valueError(messages.wholeAtLeast('seasonLength', 1));
  if (insample.length < 2) return valueError(messages.atLeastPeriods('insample', 2));
  for (let i = 0; i < insample.length; i++) {
    if (isFiniteNumber(insample[i])) continue;
    const bad = finite(insample[i], `insample[${i + 1}]`);
    if (bad) return bad;
  }
  const lag = insample.length > seasonLength ? seasonLength : 1;
  let sum = 0;
  for (let t = lag; t < insample.length; t++) sum += Math.abs(insample[t] - insample[t - lag]) ** power;
  const scale = sum / (insample.length - lag);
  if (scale === 0) return new CalcError('#DIV/0!', messages.constant('insample', 'scale'));
  return scale;
}

export function mase(actual: readonly number[], forecast: readonly number[], insample: readonly number[], seasonLength = 1): number | CalcError {
  const bad = checkPairs(actual, forecast);
  if (bad) return bad;
  const q = seasonalScale(insample, seasonLength, 1);
  if (typeof q !== 'number') return q;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length / q;
}

export function rmsse(actual: readonly number[], forecast: readonly number[], insample: readonly number[], seasonLength = 1): number | CalcError {
  const bad = checkPairs(actual, forecast);
  if (bad) return bad;
  const q = seasonalScale(insample, seasonLength, 2);
  if (typeof q !== 'number') return q;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - forecast[i]) ** 2;
  return Math.sqrt(sum / actual.length / q);
}

export function bias(actual: readonly number[], forecast: readonly number[]): number | CalcError {
  const bad = checkPairs(actual, forecast);
  if (bad) return bad;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += forecast[i] - actual[i];
  return sum / actual.length;
}
