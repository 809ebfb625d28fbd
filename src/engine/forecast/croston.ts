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
import { minimize1d } from './brent';
import { seriesCopy } from './scratch';
import { checkSeries, flat, type Fitted, type ForecastMethod, type MethodId } from './types';

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

/** The SSE of crostonRun alone (a series with demand, `first` its first demand's index): the objective of the fit. */
function crostonSse(y: Float64Array, first: number, alpha: number, factor: number): number {
  let z = y[first];
  let p = first + 1;
  let q = 1;
  let sse = 0;
  for (let t = first + 1; t < y.length; t++) {
    const f = (factor * z) / p;
    sse += (y[t] - f) ** 2;
    if (y[t] > 0) {
      z += alpha * (y[t] - z);
      p += alpha * (q - p);
      q = 1;
    } else q++;
  }
  return sse;
}

class CrostonModel implements Fitted {
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'count' as const;
  readonly sigma: number;
  private readonly point: number;
  private values: (number | null)[] | null = null;

  constructor(
    readonly method: MethodId,
    private readonly series: readonly number[],
    private readonly alpha: number,
    private readonly factor: number,
  ) {
    this.params = { alpha };
    // crostonRun and rmse of its fitted values, without building them.
    const first = series.findIndex((y) => y > 0);
    if (first < 0) {
      this.point = 0;
      this.sigma = 0;
      return;
    }
    let z = series[first];
    let p = first + 1;
    let q = 1;
    let sum = 0;
    for (let t = first + 1; t < series.length; t++) {
      const e = series[t] - (factor * z) / p;
      sum += e * e;
      if (series[t] > 0) {
        z += alpha * (series[t] - z);
        p += alpha * (q - p);
        q = 1;
      } else q++;
    }
    const count = series.length - first - 1;
    this.point = (factor * z) / p;
    this.sigma = count > 0 ? Math.sqrt(sum / count) : 0;
  }

  get fitted(): readonly (number | null)[] {
    return (this.values ??= crostonRun(this.series, this.alpha, this.factor).fitted);
  }

  forecast(h: number): number[] {
    return flat(this.point, h);
  }

  sd(): number {
    return this.sigma;
  }
}

/** Fits a Croston-type model to a series already checked (finite values ≥ 0, at least 1 period). */
export function fitCroston(id: MethodId, series: readonly number[], factor: (alpha: number) => number): Fitted {
  const first = series.findIndex((v) => v > 0);
  // Without demand every α gives SSE 0 and the forecast is 0 (crostonRun): α is left at 0.1, where the
  // Nelder–Mead search this replaced stayed.
  let alpha = 0.1;
  if (first >= 0) {
    const y = seriesCopy(series);
    alpha = minimize1d((a) => crostonSse(y, first, a, factor(a)), INTERMITTENT_BOUNDS[0], INTERMITTENT_BOUNDS[1]).x;
  }
  return new CrostonModel(id, series, alpha, factor(alpha));
}

/** Croston-type method: `factor(α)` is 1 for Croston, 1 − α/2 for SBA. */
export function crostonMethod(id: MethodId, label: string, factor: (alpha: number) => number): ForecastMethod {
  return {
    id,
    label,
    minLength: () => 1,
    fit(series): Fitted | CalcError {
      return checkSeries(series, 1) ?? fitCroston(id, series, factor);
    },
  };
}

/** SBA's factor (sba.ts). */
export const sbaFactor = (alpha: number): number => 1 - alpha / 2;
export const crostonFactor = (): number => 1;

export const croston: ForecastMethod = crostonMethod('croston', 'Croston', crostonFactor);
