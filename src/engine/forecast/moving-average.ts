/**
 * Moving average: the mean of the last k periods, for every future period.
 *
 *   ŷ(T+h | T) = (y_T + … + y_{T−k+1}) / k          one-step fitted value ŷ_t = mean(y_{t−k} … y_{t−1})
 *   h-step error sd  σ_h = σ                          (demand iid around a constant mean: every future
 *                                                    period's error is a one-step error)
 *
 * Reference: R. G. Brown (1959), "Statistical Forecasting for Inventory Control", McGraw-Hill, ch. 4.
 * Parameter k (the window) fitted over 1 … 12 (at most n − 1) by the smallest in-sample SSE, every
 * window compared on the same periods (those the widest window can forecast). Needs 2 periods.
 */
import type { CalcError } from '../errors';
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

const MAX_WINDOW = 12;

function fittedFor(series: readonly number[], k: number): (number | null)[] {
  const out: (number | null)[] = new Array(series.length).fill(null);
  let sum = 0;
  for (let t = 0; t < series.length; t++) {
    if (t >= k) out[t] = sum / k;
    sum += series[t];
    if (t >= k) sum -= series[t - k];
  }
  return out;
}

/**
 * The SSE of window k's one-step forecasts (fittedFor's, the same running sum) over periods from..n−1;
 * `squareRoot`: the root mean square instead (rmse over the periods it forecasts, from = k).
 */
function windowError(series: readonly number[], k: number, from: number, squareRoot: boolean): number {
  let sum = 0;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    if (t >= k && t >= from) {
      const e = series[t] - sum / k;
      sse += e * e;
    }
    sum += series[t];
    if (t >= k) sum -= series[t - k];
  }
  if (!squareRoot) return sse;
  const count = series.length - Math.max(k, from);
  return count > 0 ? Math.sqrt(sse / count) : 0;
}

class MovingAverageModel implements Fitted {
  readonly method = 'moving-average' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'normal' as const;
  readonly sigma: number;
  private readonly mean: number;
  private values: (number | null)[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly k: number,
  ) {
    this.params = { k };
    this.sigma = windowError(series, k, k, true);
    let last = 0;
    for (let t = series.length - k; t < series.length; t++) last += series[t];
    this.mean = last / k;
  }

  get fitted(): readonly (number | null)[] {
    return (this.values ??= fittedFor(this.series, this.k));
  }

  forecast(h: number): number[] {
    return flat(this.mean, h);
  }

  sd(): number {
    return this.sigma;
  }
}

/** Fits a series already checked (finite values ≥ 0, at least 2 periods). */
export function fitMovingAverage(series: readonly number[]): Fitted {
  const n = series.length;
  const maxK = Math.min(MAX_WINDOW, n - 1);
  // Compare windows on the same periods: those the widest window can forecast.
  let bestK = 1;
  let bestSse = Infinity;
  for (let k = 1; k <= maxK; k++) {
    const sse = windowError(series, k, maxK, false);
    if (sse < bestSse - 1e-12) {
      bestSse = sse;
      bestK = k;
    }
  }
  return new MovingAverageModel(series, bestK);
}

export const movingAverage: ForecastMethod = {
  id: 'moving-average',
  label: 'Moving average',
  minLength: () => 2,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 2) ?? fitMovingAverage(series);
  },
};
