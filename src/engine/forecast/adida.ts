/**
 * ADIDA (aggregate–disaggregate intermittent demand approach): sum the series into non-overlapping
 * buckets of k periods, forecast the bucket totals with SES, and spread the forecast evenly.
 *
 *   Y_j = y_{(j−1)k+1} + … + y_{jk}          (buckets end at the last period; the oldest n mod k
 *                                            periods are left out)
 *   L_j = SES level of Y after bucket j      ŷ(T+h | T) = L_J / k
 *   k = round(ADI), at least 1 (ADI = mean inter-demand interval, demand-class.ts)
 *
 * Reference: Nikolopoulos, K., Syntetos, A. A., Boylan, J. E., Petropoulos, F. & Assimakopoulos, V.
 * (2011), "An aggregate–disaggregate intermittent demand approach (ADIDA) to forecasting: an empirical
 * proposition and analysis", Journal of the Operational Research Society 62(3), 544–554. Aggregation
 * level = the rounded ADI, as statsforecast's ADIDA. SES parameters (α, initial level) fitted on the
 * bucket totals by the smallest SSE (ses.ts). One-step fitted value of a period: its bucket's SES
 * forecast / k. A series without demand forecasts 0. Needs 1 period. Count-based intervals.
 */
import { isCalcError, type CalcError } from '../errors';
import { demandClassification } from '../metrics/demand-class';
import { fitSes, sesFilter } from './ses';
import { checkSeries, flat, rmse, type Fitted, type ForecastMethod } from './types';

export const adida: ForecastMethod = {
  id: 'adida',
  label: 'ADIDA',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 1);
    if (bad) return bad;
    const n = series.length;
    const cls = demandClassification(series);
    if (cls === null || isCalcError(cls)) {
      return { method: 'adida', params: { k: 1 }, fitted: series.map(() => 0), sigma: rmse(series, series.map(() => 0)), interval: 'count', forecast: (h) => flat(0, h), sd: () => 0 };
    }
    const k = Math.max(1, Math.min(n, Math.round(cls.adi)));
    const start = n % k;
    const totals: number[] = [];
    for (let i = start; i < n; i += k) {
      let sum = 0;
      for (let j = i; j < i + k; j++) sum += series[j];
      totals.push(sum);
    }
    const { alpha, level0 } = fitSes(totals);
    const run = sesFilter(totals, alpha, level0);
    const fitted: (number | null)[] = series.map((_, t) => (t < start ? null : run.fitted[Math.floor((t - start) / k)] / k));
    const sigma = rmse(series, fitted);
    return { method: 'adida', params: { k, alpha }, fitted, sigma, interval: 'count', forecast: (h) => flat(run.level / k, h), sd: () => sigma };
  },
};
