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
 * [min y, max y], fitted together by the smallest in-sample SSE, as ets() does (ℓ₀ solved exactly for
 * each α, α searched). Needs 1 period.
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

/**
 * The best initial level for a given α: the fitted values are linear in ℓ₀ (ŷ_t = (1 − α)^(t−1)·ℓ₀ + c_t,
 * c_t the forecasts from ℓ₀ = 0), so the SSE is a parabola in ℓ₀, minimized by least squares and clamped
 * into [lo, hi].
 */
function bestLevel0(series: readonly number[], alpha: number, lo: number, hi: number): number {
  let c = 0;
  let w = 1;
  let num = 0;
  let den = 0;
  for (const y of series) {
    num += w * (y - c);
    den += w * w;
    c += alpha * (y - c);
    w *= 1 - alpha;
  }
  return Math.min(hi, Math.max(lo, num / den));
}

/**
 * α and ℓ₀ by the smallest in-sample SSE: α searched by `minimize`, ℓ₀ solved exactly for each α
 * (bestLevel0), which is the joint minimum and leaves no valley in ℓ₀ for the search to stall in.
 */
export function fitSes(series: readonly number[]): { alpha: number; level0: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of series) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (hi - lo === 0) return { alpha: ALPHA_BOUNDS[0], level0: lo };
  const best = minimize((x) => sesFilter(series, x[0], bestLevel0(series, x[0], lo, hi)).sse, { lower: [ALPHA_BOUNDS[0]], upper: [ALPHA_BOUNDS[1]] }, [0.2]);
  const alpha = best.x[0];
  return { alpha, level0: bestLevel0(series, alpha, lo, hi) };
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
