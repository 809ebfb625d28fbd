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
import { checkSeasonLength, checkSeries, type Fitted, type ForecastMethod } from './types';

class SeasonalNaiveModel implements Fitted {
  readonly method = 'seasonal-naive' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'normal' as const;
  readonly sigma: number;
  private values: (number | null)[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly m: number,
  ) {
    this.params = { m };
    // rmse(series, fitted) with fitted_t = y_{t−m}, without building it.
    let sum = 0;
    for (let t = m; t < series.length; t++) {
      const e = series[t] - series[t - m];
      sum += e * e;
    }
    this.sigma = series.length > m ? Math.sqrt(sum / (series.length - m)) : 0;
  }

  get fitted(): readonly (number | null)[] {
    const { series, m } = this;
    return (this.values ??= series.map((_, t) => (t < m ? null : series[t - m])));
  }

  forecast(h: number): number[] {
    const { series, m } = this;
    const n = series.length;
    const out = new Array<number>(Math.max(0, h));
    for (let i = 0; i < h; i++) out[i] = Math.max(0, series[n - m + (i % m)]);
    return out;
  }

  sd(h: number): number {
    return this.sigma * Math.sqrt(Math.floor((h - 1) / this.m) + 1);
  }
}

/** Fits a series already checked (finite values ≥ 0, at least minLength periods; m ≥ 1). */
export function fitSeasonalNaive(series: readonly number[], m: number): Fitted {
  return new SeasonalNaiveModel(series, m);
}

export const seasonalNaive: ForecastMethod = {
  id: 'seasonal-naive',
  label: 'Seasonal naive',
  minLength: (m) => Math.max(1, m),
  fit(series, { seasonLength: m }): Fitted | CalcError {
    return checkSeasonLength(m) ?? checkSeries(series, Math.max(1, m)) ?? fitSeasonalNaive(series, m);
  },
};
