/**
 * Holt's linear method with a damped trend, the ETS(A,Ad,N) model.
 *
 *   ℓ_t = α·y_t + (1 − α)(ℓ_{t−1} + φ·b_{t−1})
 *   b_t = β*(ℓ_t − ℓ_{t−1}) + (1 − β*)·φ·b_{t−1}
 *   ŷ(T+h | T) = ℓ_T + (φ + φ² + … + φ^h)·b_T            (floored at 0: demand is never negative)
 *   h-step error sd, with β = α·β* (error-correction form) and φ_h = φ + … + φ^h:
 *   σ_h² = σ²[1 + α²(h − 1) + βφh/(1 − φ)² · (2α(1 − φ) + βφ)
 *             − βφ(1 − φ^h)/((1 − φ)²(1 − φ²)) · (2α(1 − φ²) + βφ(1 + 2φ − φ^h))]
 *
 * References: Gardner, E. S. & McKenzie, E. (1985), "Forecasting trends in time series", Management
 * Science 31(10), 1237–1246 (the damped trend); equations and variance as in Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., §8.2 and Table 8.8 (class 1 models, Hyndman et al.
 * 2008 Table 6.1).
 * Parameters: α, β* ∈ [0.0001, 0.9999], φ ∈ [0.8, 0.98] (the range fpp3 recommends), fitted by the
 * smallest in-sample SSE. Initial ℓ₀, b₀: least-squares line through the first min(n, 10) periods
 * (Hyndman et al. 2008, §2.6.1 heuristic). Needs 3 periods.
 */
import type { CalcError } from '../errors';
import { minimize } from './optimize';
import { checkSeries, type Fitted, type ForecastMethod } from './types';

/** Least-squares intercept (value just before period 1) and slope through the first `count` periods. */
export function initialTrend(series: readonly number[], count: number): { level: number; trend: number } {
  const n = Math.min(series.length, count);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const x = i + 1;
    sx += x;
    sy += series[i];
    sxx += x * x;
    sxy += x * series[i];
  }
  const den = n * sxx - sx * sx;
  const trend = den === 0 ? 0 : (n * sxy - sx * sy) / den;
  return { level: (sy - trend * sx) / n, trend };
}

function run(series: readonly number[], alpha: number, beta: number, phi: number, level0: number, trend0: number) {
  const fitted = new Array<number>(series.length);
  let level = level0;
  let trend = trend0;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const f = level + phi * trend;
    fitted[t] = f;
    const e = series[t] - f;
    sse += e * e;
    const next = alpha * series[t] + (1 - alpha) * f;
    trend = beta * (next - level) + (1 - beta) * phi * trend;
    level = next;
  }
  return { fitted, level, trend, sse };
}

export const holtDamped: ForecastMethod = {
  id: 'holt-damped',
  label: 'Holt damped trend',
  minLength: () => 3,
  fit(series): Fitted | CalcError {
    const bad = checkSeries(series, 3);
    if (bad) return bad;
    const init = initialTrend(series, 10);
    const best = minimize((x) => run(series, x[0], x[1], x[2], init.level, init.trend).sse, { lower: [0.0001, 0.0001, 0.8], upper: [0.9999, 0.9999, 0.98] }, [0.2, 0.1, 0.9]);
    const [alpha, betaStar, phi] = best.x;
    const r = run(series, alpha, betaStar, phi, init.level, init.trend);
    const sigma = Math.sqrt(r.sse / series.length);
    const beta = alpha * betaStar;
    return {
      method: 'holt-damped',
      params: { alpha, beta: betaStar, phi },
      fitted: r.fitted.map((f) => Math.max(0, f)),
      sigma,
      interval: 'normal',
      forecast(h) {
        const out: number[] = [];
        let damp = 0;
        for (let i = 1; i <= h; i++) {
          damp += phi ** i;
          out.push(Math.max(0, r.level + damp * r.trend));
        }
        return out;
      },
      sd(h) {
        const q = 1 - phi;
        const v =
          1 +
          alpha * alpha * (h - 1) +
          ((beta * phi * h) / (q * q)) * (2 * alpha * q + beta * phi) -
          ((beta * phi * (1 - phi ** h)) / (q * q * (1 - phi * phi))) * (2 * alpha * (1 - phi * phi) + beta * phi * (1 + 2 * phi - phi ** h));
        return sigma * Math.sqrt(Math.max(1, v));
      },
    };
  },
};
