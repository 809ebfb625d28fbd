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
import { checkSeries, flat, rmse, type Fitted, type ForecastMethod } from './types';

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

export const movingAverage: ForecastMethod = {
  id: 'moving-average',
  label: 'Moving average',
  minLength: () => 2,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 2);
    if (bad) return bad;
    const n = series.length;
    const maxK = Math.min(MAX_WINDOW, n - 1);
    // Compare windows on the same periods: those the widest window can forecast.
    let bestK = 1;
    let bestSse = Infinity;
    for (let k = 1; k <= maxK; k++) {
      const f = fittedFor(series, k);
      let sse = 0;
      for (let t = maxK; t < n; t++) sse += (series[t] - (f[t] as number)) ** 2;
      if (sse < bestSse - 1e-12) {
        bestSse = sse;
        bestK = k;
      }
    }
    const fitted = fittedFor(series, bestK);
    const sigma = rmse(series, fitted);
    let last = 0;
    for (let t = n - bestK; t < n; t++) last += series[t];
    return {
      method: 'moving-average',
      params: { k: bestK },
      fitted,
      sigma,
      interval: 'normal',
      forecast: (h) => flat(last / bestK, h),
      sd: () => sigma,
    };
  },
};
