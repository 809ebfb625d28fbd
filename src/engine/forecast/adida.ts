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
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

class AdidaModel implements Fitted {
  readonly method = 'adida' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'count' as const;
  readonly sigma: number;
  private values: (number | null)[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly k: number,
    alpha: number,
    /** SES forecasts of the bucket totals (one a bucket) and after the last one; null without demand. */
    private readonly buckets: readonly number[] | null,
    private readonly level: number,
  ) {
    this.params = buckets === null ? { k } : { k, alpha };
    // rmse(series, fitted) without building the fitted values.
    const start = series.length % k;
    let sum = 0;
    let count = 0;
    for (let t = buckets === null ? 0 : start; t < series.length; t++) {
      const e = series[t] - (buckets === null ? 0 : buckets[Math.floor((t - start) / k)] / k);
      sum += e * e;
      count++;
    }
    this.sigma = count === 0 ? 0 : Math.sqrt(sum / count);
  }

  get fitted(): readonly (number | null)[] {
    const { series, k, buckets } = this;
    const start = series.length % k;
    return (this.values ??= series.map((_, t) => (buckets === null ? 0 : t < start ? null : buckets[Math.floor((t - start) / k)] / k)));
  }

  forecast(h: number): number[] {
    return flat(this.buckets === null ? 0 : this.level / this.k, h);
  }

  sd(): number {
    return this.buckets === null ? 0 : this.sigma;
  }
}

/** Fits a series already checked (finite values ≥ 0, at least 1 period). */
export function fitAdida(series: readonly number[]): Fitted {
  const n = series.length;
  const cls = demandClassification(series);
  if (cls === null || isCalcError(cls)) return new AdidaModel(series, 1, 0, null, 0);
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
  return new AdidaModel(series, k, alpha, run.fitted, run.level);
}

export const adida: ForecastMethod = {
  id: 'adida',
  label: 'ADIDA',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 1) ?? fitAdida(series);
  },
};
