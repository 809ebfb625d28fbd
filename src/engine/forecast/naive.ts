/**
 * Naive forecast: every future period repeats the last observation.
 *
 *   ŷ(T+h | T) = y_T                 one-step fitted value ŷ_t = y_{t−1}
 *   h-step error sd  σ_h = σ √h      (random walk; Hyndman & Athanasopoulos, "Forecasting: Principles
 *                                     and Practice", 3rd ed., §5.5, Table 5.2)
 *
 * Reference: the benchmark every accuracy study starts from (Hyndman, R. J. & Koehler, A. B. 2006,
 * "Another look at measures of forecast accuracy", IJF 22(4), 679–688: MASE scales by its errors).
 * No parameters. Needs 1 period.
 */
import type { CalcError } from '../errors';
import { checkSeries, flat, rmse, type Fitted, type ForecastMethod } from './types';

export const naive: ForecastMethod = {
  id: 'naive',
  label: 'Naive',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 1);
    if (bad) return bad;
    const fitted = series.map((_, t) => (t === 0 ? null : series[t - 1]));
    const sigma = rmse(series, fitted);
    const last = series[series.length - 1];
    return {
      method: 'naive',
      params: {},
      fitted,
      sigma,
      interval: 'normal',
      forecast: (h) => flat(last, h),
      sd: (h) => sigma * Math.sqrt(h),
    };
  },
};
