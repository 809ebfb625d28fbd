/**
 * Simple exponential smoothing (SES), the ETS(A,N,N) model.
 *
 *   ℓ_t = α·y_t + (1 − α)·ℓ_{t−1}           ŷ(T+h | T) = ℓ_T,   one-step fitted value ŷ_t = ℓ_{t−1}
 *   h-step error sd  σ_h = σ √(1 + α²(h − 1))
 *
 * Reference: R. G. Brown (1959), "Statistical Forecasting for Inventory Control"; the state-space form
 * and the variance are Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing",
 * Springer, Table 6.1 (class 1), also "Forecasting: Principles and Practice", 3rd ed., §8.1 and §8.7.
 * Parameters α ∈ [0.0001, 0.9999] (the bounds of R's forecast::ets) and the initial level ℓ₀ ∈
 * [min y, max y], fitted together by the smallest in-sample SSE, as ets() does. Needs 1 period.
 */
import type { CalcError } from '../errors';
import { minimize } from './optimize';
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

export const ALPHA_BOUNDS = [0.0001, 0.9999] as const;

/** Runs the SES recursion; returns the one-step fitted values, the final level and the SSE. */
export function sesFilter(series: readonly number[], alpha: number, level0: number): { fitted: number[]; level: number; sse: number } {
  const fitted = new Array<number>(series.length);
  let level = level0;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    fitted[t] = level;
    const e = series[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return { fitted, level, sse };
}

/** α and ℓ₀ by the smallest in-sample SSE. */
export function fitSes(series: readonly number[]): { alpha: number; level0: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of series) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (hi - lo === 0) return { alpha: ALPHA_BOUNDS[0], level0: lo };
  const head = series.slice(0, Math.min(series.length, 12));
  const start = [0.2, head.reduce((a, b) => a + b, 0) / head.length];
  const best = minimize((x) => sesFilter(series, x[0], x[1]).sse, { lower: [ALPHA_BOUNDS[0], lo], upper: [ALPHA_BOUNDS[1], hi] }, start);
  return { alpha: best.x[0], level0: best.x[1] };
}

export const ses: ForecastMethod = {
  id: 'ses',
  label: 'Simple exponential smoothing',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 1);
    if (bad) return bad;
    const { alpha, level0 } = fitSes(series);
    const run = sesFilter(series, alpha, level0);
    const sigma = Math.sqrt(run.sse / series.length);
    return {
      method: 'ses',
      params: { alpha, level0 },
      fitted: run.fitted,
      sigma,
      interval: 'normal',
      forecast: (h) => flat(run.level, h),
      sd: (h) => sigma * Math.sqrt(1 + alpha * alpha * (h - 1)),
    };
  },
};
