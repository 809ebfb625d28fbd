/**
 * Croston's method for intermittent demand: smooth the non-zero demand sizes and the intervals between
 * them separately; the forecast per period is their ratio.
 *
 *   after a period with demand y_t > 0, q periods after the previous demand:
 *     z_t = z_{t−1} + α(y_t − z_{t−1})      (size)
 *     p_t = p_{t−1} + α(q − p_{t−1})        (interval)
 *   after a period without demand: z, p unchanged
 *   ŷ(T+h | T) = c · z_T / p_T,   c = 1 (Croston) or 1 − α/2 (SBA, sba.ts)
 *
 * Reference: Croston, J. D. (1972), "Forecasting and stock control for intermittent demands",
 * Operational Research Quarterly 23(3), 289–303. Variant: one smoothing constant for size and interval
 * (as Croston and tsintermittent's `crost`), forecasts updated only after a demand ("classic").
 * Initial values: z₀ = the first non-zero demand, p₀ = its 1-based period (the interval counted from the
 * start of the series, tsintermittent's "naive" initialisation); the recursion starts after it, and
 * periods up to the first demand have no one-step forecast.
 * Parameter α ∈ [0.01, 0.5] fitted by the smallest in-sample SSE of the one-step forecasts. A series
 * without demand forecasts 0. Needs 1 period. Intervals are count-based (intervals.ts).
 */
import type { CalcError } from '../errors';
import { minimize } from './optimize';
import { checkSeries, flat, rmse, type Fitted, type ForecastMethod, type MethodId } from './types';

export const INTERMITTENT_BOUNDS = [0.01, 0.5] as const;

/** Runs Croston's recursion with the forecast multiplied by `factor(α)`. */
export function crostonRun(series: readonly number[], alpha: number, factor: number) {
  const fitted: (number | null)[] = new Array(series.length).fill(null);
  const first = series.findIndex((y) => y > 0);
  if (first < 0) return { fitted: series.map(() => 0), forecast: 0, sse: 0 };
  let z = series[first];
  let p = first + 1;
  let q = 1;
  let sse = 0;
  for (let t = first + 1; t < series.length; t++) {
    const f = (factor * z) / p;
    fitted[t] = f;
    sse += (series[t] - f) ** 2;
    if (series[t] > 0) {
      z += alpha * (series[t] - z);
      p += alpha * (q - p);
      q = 1;
    } else q++;
  }
  return { fitted, forecast: (factor * z) / p, sse };
}

/** Croston-type method: `factor(α)` is 1 for Croston, 1 − α/2 for SBA. */
export function crostonMethod(id: MethodId, label: string, factor: (alpha: number) => number): ForecastMethod {
  return {
    id,
    label,
    minLength: () => 1,
    fit(series): Fitted | CalcError {
      const bad = checkSeries(series, 1);
      if (bad) return bad;
      const best = minimize((x) => crostonRun(series, x[0], factor(x[0])).sse, { lower: [INTERMITTENT_BOUNDS[0]], upper: [INTERMITTENT_BOUNDS[1]] }, [0.1]);
      const alpha = best.x[0];
      const r = crostonRun(series, alpha, factor(alpha));
      const sigma = rmse(series, r.fitted);
      return { method: id, params: { alpha }, fitted: r.fitted, sigma, interval: 'count', forecast: (h) => flat(r.forecast, h), sd: () => sigma };
    },
  };
}

export const croston: ForecastMethod = crostonMethod('croston', 'Croston', () => 1);
