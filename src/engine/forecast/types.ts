/**
 * The contract every forecasting method keeps (docs/STYLE.md 7: models named after the literature, one
 * contract test over all of them, as statsforecast's `fit / forecast`). A method fits a demand series
 * (one value per period, oldest first, each a finite number ≥ 0) and returns a `Fitted` model that
 * forecasts any horizon and states the spread of its errors.
 *
 * Conventions shared by every method:
 * - Parameters are fitted by minimizing the in-sample sum of squared one-step-ahead errors (SSE)
 *   within the bounds each method states (optimize.ts).
 * - Forecasts of demand are never negative: a smoothing method whose trend or season would go below 0
 *   is floored at 0 (the interval is floored too).
 * - `sigma` is the root mean squared one-step in-sample error over the periods the method forecast.
 */
import { messages, valueError, type CalcError } from '../errors';
import { nonNegative } from '../check';

export type MethodId =
  | 'naive'
  | 'seasonal-naive'
  | 'moving-average'
  | 'ses'
  | 'holt-damped'
  | 'holt-winters'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'adida';

/** How a method's prediction interval is built (intervals.ts). */
export type IntervalKind = 'normal' | 'count';

export interface FitOptions {
  /** Periods in a season (12 for months in a year); 1 when there is no season. */
  readonly seasonLength: number;
}

export interface Fitted {
  readonly method: MethodId;
  /** Fitted parameters by their textbook symbol (α, β, φ, γ, window, k). */
  readonly params: Readonly<Record<string, number>>;
  /** One-step-ahead in-sample forecasts; null for periods the method cannot forecast yet. */
  readonly fitted: readonly (number | null)[];
  /** Root mean squared one-step in-sample error. */
  readonly sigma: number;
  readonly interval: IntervalKind;
  /** Point forecasts for periods 1 … h after the series, each ≥ 0. */
  forecast(h: number): number[];
  /** Standard deviation of the h-step-ahead forecast error (h ≥ 1). */
  sd(h: number): number;
}

export interface ForecastMethod {
  readonly id: MethodId;
  /** Name shown in sheets and returned by FORECASTMETHOD. */
  readonly label: string;
  /** Shortest series the method fits. */
  minLength(seasonLength: number): number;
  fit(series: readonly number[], options: FitOptions): Fitted | CalcError;
}

/** Checks a series for a method: finite values ≥ 0, at least `min` periods. */
export function checkSeries(series: readonly number[], min: number, name = 'history'): CalcError | undefined {
  if (!Array.isArray(series)) return valueError(messages.atLeastPeriods(name, min));
  for (let i = 0; i < series.length; i++) {
    const x = series[i];
    // The common case inline (a finite number ≥ 0); nonNegative words the error.
    if (typeof x === 'number' && x >= 0 && x < Infinity) continue;
    const bad = nonNegative(x, `${name}[${i + 1}]`);
    if (bad) return bad;
  }
  if (series.length < min) return valueError(messages.atLeastPeriods(name, min));
  return undefined;
}

/** Checks a season length: a whole number ≥ 1. */
export function checkSeasonLength(m: number): CalcError | undefined {
  if (typeof m !== 'number' || !Number.isInteger(m) || m < 1) return valueError(messages.wholeAtLeast('seasonLength', 1));
  return undefined;
}

/** Root mean squared error of one-step forecasts against the series (null forecasts skipped). */
export function rmse(series: readonly number[], fitted: readonly (number | null)[]): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < series.length; i++) {
    const f = fitted[i];
    if (f === null || f === undefined) continue;
    const e = series[i] - f;
    sum += e * e;
    n++;
  }
  return n === 0 ? 0 : Math.sqrt(sum / n);
}

/** h copies of a flat forecast, floored at 0. */
export function flat(value: number, h: number): number[] {
  return new Array<number>(Math.max(0, h)).fill(Math.max(0, value));
}
