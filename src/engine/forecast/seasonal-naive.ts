/**
 * Seasonal naive forecast: every future period repeats the same period of the last season.
 *
 *   ŷ(T+h | T) = y_{T+h−m(k+1)},  k = ⌊(h − 1)/m⌋      one-step fitted value ŷ_t = y_{t−m}
 *   h-step error sd  σ_h = σ √(k + 1)
 *
 * Reference: Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.2 and
 * Table 5.2. m = season length (12 for months). No parameters. Needs one full season (m periods); with
 * m = 1 it is the naive method.
 */
import type { CalcError } from '../errors';
import { checkSeasonLength, checkSeries, rmse, type Fitted, type ForecastMethod } from './types';

export const seasonalNaive: ForecastMethod = {
  id: 'seasonal-naive',
  label: 'Seasonal naive',
  minLength: (m) => Math.max(1, m),
  fit(series, { seasonLength: m }): Fitted | CalcError {
    const bad = checkSeasonLength(m) ?? checkSeries(series, Math.max(1, m));
    if (bad) return bad;
    const n = series.length;
    const fitted = series.map((_, t) => (t < m ? null : series[t - m]));
    const sigma = rmse(series, fitted);
    return {
      method: 'seasonal-naive',
      params: { m },
      fitted,
      sigma,
      interval: 'normal',
      forecast: (h) => Array.from({ length: Math.max(0, h) }, (_, i) => Math.max(0, series[n - m + (i % m)])),
      sd: (h) => sigma * Math.sqrt(Math.floor((h - 1) / m) + 1),
    };
  },
};
