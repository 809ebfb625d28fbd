/**
 * Holt-Winters additive method, the ETS(A,A,A) model (the "AAA" model of Excel's FORECAST.ETS).
 *
 *   ℓ_t = α(y_t − s_{t−m}) + (1 − α)(ℓ_{t−1} + b_{t−1})
 *   b_t = β*(ℓ_t − ℓ_{t−1}) + (1 − β*)·b_{t−1}
 *   s_t = γ(y_t − ℓ_{t−1} − b_{t−1}) + (1 − γ)·s_{t−m}
 *   ŷ(T+h | T) = ℓ_T + h·b_T + s_{T+h−m(k+1)},  k = ⌊(h − 1)/m⌋      (floored at 0)
 *   h-step error sd, with β = α·β*:
 *   σ_h² = σ²[1 + (h − 1)(α² + αβh + β²h(2h − 1)/6) + γk(2α + γ + βm(k + 1))]
 *
 * References: Winters, P. R. (1960), "Forecasting sales by exponentially weighted moving averages",
 * Management Science 6(3), 324–342; equations, constraints and variance as in Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., §8.3 and Table 8.8 (Hyndman et al. 2008 Table 6.1).
 * Parameters: α, β* ∈ [0.0001, 0.9999], γ ∈ [0.0001, max(0.0001, 0.9999·(1 − α))] (fpp3's restriction
 * γ ≤ 1 − α), fitted by the smallest in-sample SSE. Initial states from the first two seasons:
 * b₀ = (mean of season 2 − mean of season 1) / m, ℓ₀ = mean of season 1 − b₀(m + 1)/2,
 * s_i = y_i − (ℓ₀ + i·b₀) centred to sum 0 (Hyndman et al. 2008, §2.6.1, simplified). Needs two full
 * seasons (2m periods) and m ≥ 2.
 */
import { messages, valueError, type CalcError } from '../errors';
import { search } from './optimize';
import { checkSeasonLength, checkSeries, type Fitted, type ForecastMethod } from './types';

const GAMMA_MIN = 0.0001;

interface State {
  level: number;
  trend: number;
  season: number[];
}

function initialState(series: readonly number[], m: number): State {
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += series[i] / m;
    second += series[m + i] / m;
  }
  const trend = (second - first) / m;
  const level = first - (trend * (m + 1)) / 2;
  const season = Array.from({ length: m }, (_, i) => series[i] - (level + (i + 1) * trend));
  const mean = season.reduce((a, b) => a + b, 0) / m;
  return { level, trend, season: season.map((s) => s - mean) };
}

/** The SSE of run() alone, with `season` as scratch space (m values): the objective of the fit. */
function sse(y: Float64Array, m: number, alpha: number, beta: number, gamma: number, init: State, season: Float64Array): number {
  for (let i = 0; i < m; i++) season[i] = init.season[i];
  let level = init.level;
  let trend = init.trend;
  let sum = 0;
  for (let t = 0; t < y.length; t++) {
    const s = season[t % m];
    const f = level + trend + s;
    const e = y[t] - f;
    sum += e * e;
    const next = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
    season[t % m] = gamma * (y[t] - level - trend) + (1 - gamma) * s;
    trend = beta * (next - level) + (1 - beta) * trend;
    level = next;
  }
  return sum;
}

function run(series: readonly number[], m: number, alpha: number, beta: number, gamma: number, init: State) {
  const season = [...init.season]; // season[t mod m] holds s_{t−m} when period t is processed
  let level = init.level;
  let trend = init.trend;
  const fitted = new Array<number>(series.length);
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const s = season[t % m];
    const f = level + trend + s;
    fitted[t] = f;
    const e = series[t] - f;
    sse += e * e;
    const next = alpha * (series[t] - s) + (1 - alpha) * (level + trend);
    season[t % m] = gamma * (series[t] - level - trend) + (1 - gamma) * s;
    trend = beta * (next - level) + (1 - beta) * trend;
    level = next;
  }
  return { fitted, level, trend, season, sse };
}

/** Fits a series already checked (finite values ≥ 0); the season length and length are checked here. */
export function fitHoltWinters(series: readonly number[], m: number): Fitted | CalcError {
  const bad = checkSeasonLength(m) ?? (m < 2 ? valueError(messages.needsAtLeast('Holt-Winters', 'seasonLength', 2)) : undefined) ?? (series.length < 2 * m ? valueError(messages.atLeastPeriods('history', 2 * m)) : undefined);
  if (bad) return bad;
  const init = initialState(series, m);
  // γ = 0.0001 + x₂·(γmax − 0.0001), x₂ ∈ [0, 1], γmax = 0.9999(1 − α): inside [0.0001, γmax] for every α
  // (γmax is below 0.0001 only when α > 0.9998; γ is 0.0001 there).
  const gammaOf = (x: ArrayLike<number>) => GAMMA_MIN + x[2] * Math.max(0, 0.9999 * (1 - x[0]) - GAMMA_MIN);
  const y = new Float64Array(series);
  const scratch = new Float64Array(m);
  const best = search(
    (x) => sse(y, m, x[0], x[1], gammaOf(x), init, scratch),
    { lower: [0.0001, 0.0001, 0], upper: [0.9999, 0.9999, 1] },
    [0.2, 0.05, 0.1],
  );
  const [alpha, betaStar, gamma] = [best.x[0], best.x[1], gammaOf(best.x)];
  const r = run(series, m, alpha, betaStar, gamma, init);
  const n = series.length;
  const sigma = Math.sqrt(r.sse / n);
  const beta = alpha * betaStar;
  return {
    method: 'holt-winters',
    params: { alpha, beta: betaStar, gamma, m },
    fitted: r.fitted.map((f) => Math.max(0, f)),
    sigma,
    interval: 'normal',
    forecast: (h) => Array.from({ length: Math.max(0, h) }, (_, i) => Math.max(0, r.level + (i + 1) * r.trend + r.season[(n + i) % m])),
    sd(h) {
      const k = Math.floor((h - 1) / m);
      const v = 1 + (h - 1) * (alpha * alpha + alpha * beta * h + (beta * beta * h * (2 * h - 1)) / 6) + gamma * k * (2 * alpha + gamma + beta * m * (k + 1));
      return sigma * Math.sqrt(v);
    },
  };
}

export const holtWinters: ForecastMethod = {
  id: 'holt-winters',
  label: 'Holt-Winters additive',
  minLength: (m) => 2 * Math.max(2, m),
  fit(series, { seasonLength: m }): Fitted | CalcError {
    return checkSeasonLength(m) ?? (m < 2 ? valueError(messages.needsAtLeast('Holt-Winters', 'seasonLength', 2)) : undefined) ?? checkSeries(series, 2 * m) ?? fitHoltWinters(series, m);
  },
};
