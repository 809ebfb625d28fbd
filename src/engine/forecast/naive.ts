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
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

/** The fitted naive model (a class: its methods are shared, not made per fit). */
class NaiveModel implements Fitted {
  readonly method = 'naive' as const;
  readonly params: Readonly<Record<string, number>> = {};
  readonly interval = 'normal' as const;
  readonly sigma: number;
  private values: (number | null)[] | null = null;

  constructor(private readonly series: readonly number[]) {
    // rmse(series, fitted) with fitted = [null, y₁, …, y_{n−1}], without building it.
    let sum = 0;
    for (let t = 1; t < series.length; t++) {
      const e = series[t] - series[t - 1];
      sum += e * e;
    }
    this.sigma = series.length > 1 ? Math.sqrt(sum / (series.length - 1)) : 0;
  }

  get fitted(): readonly (number | null)[] {
    return (this.values ??= this.series.map((_, t) => (t === 0 ? null : this.series[t - 1])));
  }

  forecast(h: number): number[] {
    return flat(this.series[this.series.length - 1], h);
  }

  sd(h: number): number {
    return this.sigma * Math.sqrt(h);
  }
}

/** Fits a series already checked (finite values ≥ 0, at least minLength periods). */
export function fitNaive(series: readonly number[]): Fitted {
  return new NaiveModel(series);
}

export const naive: ForecastMethod = {
  id: 'naive',
  label: 'Naive',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 1) ?? fitNaive(series);
  },
};
