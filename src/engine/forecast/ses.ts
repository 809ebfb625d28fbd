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
import { minimize1d } from './brent';
import { seriesCopy } from './scratch';
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

/** The SSE of the SES recursion alone (sesFilter's, without its fitted values): the objective of the fit. */
function sesSse(y: Float64Array, alpha: number, level0: number): number {
  let level = level0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return sse;
}

/**
 * The best initial level for a given α: the fitted values are linear in ℓ₀ (ŷ_t = (1 − α)^(t−1)·ℓ₀ + c_t,
 * c_t the forecasts from ℓ₀ = 0), so the SSE is a parabola in ℓ₀, minimized by least squares and clamped
 * into [lo, hi].
 */
function bestLevel0(series: ArrayLike<number>, alpha: number, lo: number, hi: number): number {
  let c = 0;
  let w = 1;
  let num = 0;
  let den = 0;
  for (let t = 0; t < series.length; t++) {
    const y = series[t];
    num += w * (y - c);
    den += w * w;
    c += alpha * (y - c);
    w *= 1 - alpha;
  }
  return Math.min(hi, Math.max(lo, num / den));
}

/**
 * The SSE at the best ℓ₀ for α (bestLevel0's) in one pass: with r_t = y_t − c_t and w_t = (1 − α)^(t−1),
 * SSE(ℓ₀) = Σr² − 2ℓ₀·Σwr + ℓ₀²·Σw². When the fit leaves under 1/1000 of Σr² the subtraction would lose
 * digits, and the SSE is recomputed from the recursion (sesSse).
 */
function profileSse(y: Float64Array, alpha: number, lo: number, hi: number): number {
  let c = 0;
  let w = 1;
  let swr = 0;
  let sww = 0;
  let srr = 0;
  for (let t = 0; t < y.length; t++) {
    const r = y[t] - c;
    swr += w * r;
    sww += w * w;
    srr += r * r;
    c += alpha * r;
    w *= 1 - alpha;
  }
  const level0 = Math.min(hi, Math.max(lo, swr / sww));
  const sse = srr - 2 * level0 * swr + level0 * level0 * sww;
  return sse > 1e-3 * srr ? sse : sesSse(y, alpha, level0);
}

/**
 * α and ℓ₀ by the smallest in-sample SSE: α searched by `minimize1d` (brent.ts), ℓ₀ solved exactly for
 * each α (bestLevel0), which is the joint minimum and leaves no valley in ℓ₀ for the search to stall in.
 */
export function fitSes(series: readonly number[]): { alpha: number; level0: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of series) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (hi - lo === 0) return { alpha: ALPHA_BOUNDS[0], level0: lo };
  const y = seriesCopy(series);
  const alpha = minimize1d((a) => profileSse(y, a, lo, hi), ALPHA_BOUNDS[0], ALPHA_BOUNDS[1]).x;
  return { alpha, level0: bestLevel0(y, alpha, lo, hi) };
}

class SesModel implements Fitted {
  readonly method = 'ses' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'normal' as const;
  readonly sigma: number;
  private readonly level: number;
  private values: number[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly alpha: number,
    private readonly level0: number,
  ) {
    this.params = { alpha, level0 };
    // sesFilter without its fitted values.
    let level = level0;
    let sse = 0;
    for (let t = 0; t < series.length; t++) {
      const e = series[t] - level;
      sse += e * e;
      level += alpha * e;
    }
    this.level = level;
    this.sigma = Math.sqrt(sse / series.length);
  }

  get fitted(): readonly number[] {
    return (this.values ??= sesFilter(this.series, this.alpha, this.level0).fitted);
  }

  forecast(h: number): number[] {
    return flat(this.level, h);
  }

  sd(h: number): number {
    return this.sigma * Math.sqrt(1 + this.alpha * this.alpha * (h - 1));
  }
}

/** Fits a series already checked (finite values ≥ 0, at least 1 period). */
export function fitSesModel(series: readonly number[]): Fitted {
  const { alpha, level0 } = fitSes(series);
  return new SesModel(series, alpha, level0);
}

export const ses: ForecastMethod = {
  id: 'ses',
  label: 'Simple exponential smoothing',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 1) ?? fitSesModel(series);
  },
};
