/**
 * Teunter–Syntetos–Babai (TSB): smooth the probability of a demand every period (so it decays while no
 * demand comes, unlike Croston) and the size after each demand.
 *
 *   y_t > 0:  d_t = d_{t−1} + β(1 − d_{t−1}),   z_t = z_{t−1} + α(y_t − z_{t−1})
 *   y_t = 0:  d_t = (1 − β)·d_{t−1},             z_t = z_{t−1}
 *   ŷ(T+h | T) = d_T · z_T
 *
 * Reference: Teunter, R. H., Syntetos, A. A. & Babai, M. Z. (2011), "Intermittent demand: linking
 * forecasting to inventory obsolescence", European Journal of Operational Research 214(3), 606–615.
 * Initial values: d₀ = share of periods with demand, z₀ = mean non-zero demand (over the whole series).
 * Parameters α, β ∈ [0.01, 0.5] fitted together by the smallest in-sample SSE of the one-step
 * forecasts. A series without demand forecasts 0. Needs 1 period. Count-based intervals.
 */
import type { CalcError } from '../errors';
import { INTERMITTENT_BOUNDS } from './croston';
import { minimize } from './optimize';
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

function run(series: readonly number[], alpha: number, beta: number, d0: number, z0: number) {
  const fitted = new Array<number>(series.length);
  let d = d0;
  let z = z0;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const f = d * z;
    fitted[t] = f;
    sse += (series[t] - f) ** 2;
    if (series[t] > 0) {
      d += beta * (1 - d);
      z += alpha * (series[t] - z);
    } else d *= 1 - beta;
  }
  return { fitted, forecast: d * z, sse };
}

export const tsb: ForecastMethod = {
  id: 'tsb',
  label: 'Teunter–Syntetos–Babai (TSB)',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 1);
    if (bad) return bad;
    const sizes = series.filter((y) => y > 0);
    const d0 = sizes.length / series.length;
    const z0 = sizes.length === 0 ? 0 : sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const [lo, hi] = INTERMITTENT_BOUNDS;
    const best = minimize((x) => run(series, x[0], x[1], d0, z0).sse, { lower: [lo, lo], upper: [hi, hi] }, [0.1, 0.1]);
    const [alpha, beta] = best.x;
    const r = run(series, alpha, beta, d0, z0);
    const sigma = Math.sqrt(r.sse / series.length);
    return { method: 'tsb', params: { alpha, beta }, fitted: r.fitted, sigma, interval: 'count', forecast: (h) => flat(r.forecast, h), sd: () => sigma };
  },
};
