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
 * smallest in-sample SSE (quasi-newton.ts, with the SSE's gradient from holtObjective). Initial ℓ₀, b₀: least-squares line through the first min(n, 10) periods
 * (Hyndman et al. 2008, §2.6.1 heuristic). Needs 3 periods.
 */
import type { CalcError } from '../errors';
import { minimizeWithGradient, type ValueAndGradient, type Values } from './quasi-newton';
import { seriesCopy } from './scratch';
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

/**
 * The objective of the fit: the in-sample SSE at x = (α, β*, φ) and, when `g` is given, its gradient
 * there (quasi-newton.ts ValueAndGradient).
 *
 * The recursion of run() in its linear form (substituting ℓ_t into b_t):
 *   ŷ_t = ℓ + φb,   e_t = y_t − ŷ_t
 *   ℓ' = (1 − α)·ŷ_t + α·y_t
 *   b' = αβ*·(y_t − ℓ) + φ(1 − αβ*)·b
 * and the derivatives of the states carried along it (forward mode), θ ∈ {α, β*, φ}:
 *   ∂ŷ = ∂ℓ + φ∂b (+ b for φ)
 *   ∂ℓ' = (1 − α)∂ŷ (+ e_t for α)
 *   ∂b' = φ(1 − αβ*)∂b − αβ*∂ℓ (+ β*·e_t for α, α·e_t for β*, (1 − αβ*)·b for φ)
 *   ∂SSE = −2 Σ e_t·∂ŷ_t
 * (equal to run()'s SSE up to rounding).
 * Without `g` it is holtValue: the sum stops once it exceeds `bound`.
 *
 * The parameters are read from x inside the objective rather than handed on to a function of
 * (α, β*, φ): numbers passed to a call the compiler does not inline are each boxed on the heap, and at
 * about 20 calls a fit for 100,000 positions that was a third of the garbage of the analysis's forecasts.
 */
export function holtObjective(y: Float64Array, level0: number, trend0: number): ValueAndGradient {
  return (x, g, bound = Infinity) => {
    const alpha = x[0];
    const beta = x[1];
    const phi = x[2];
    if (g === null) return holtValue(y, alpha, beta, phi, level0, trend0, bound);
    const A = 1 - alpha;
    const AB = alpha * beta;
    const D = 1 - AB;
    const C = phi * D;
    let l = level0;
    let b = trend0;
    let sse = 0;
    let la = 0;
    let lb = 0;
    let lp = 0;
    let ba = 0;
    let bb = 0;
    let bp = 0;
    let ga = 0;
    let gb = 0;
    let gp = 0;
    for (let t = 0; t < y.length; t++) {
      const yt = y[t];
      const f = l + phi * b;
      const e = yt - f;
      const fa = la + phi * ba;
      const fb = lb + phi * bb;
      const fp = lp + phi * bp + b;
      sse += e * e;
      ga -= e * fa;
      gb -= e * fb;
      gp -= e * fp;
      const nba = C * ba - AB * la + beta * e;
      const nbb = C * bb - AB * lb + alpha * e;
      const nbp = C * bp - AB * lp + D * b;
      la = A * fa + e;
      lb = A * fb;
      lp = A * fp;
      ba = nba;
      bb = nbb;
      bp = nbp;
      b = AB * (yt - l) + C * b;
      l = A * f + alpha * yt;
    }
    g[0] = 2 * ga;
    g[1] = 2 * gb;
    g[2] = 2 * gp;
    return sse;
  };
}

/**
 * holtObjective's value alone: the SSE at (α, β*, φ). It stops once the sum exceeds `bound` and returns
 * what it has (the search's lattice only wants its lowest value: quasi-newton.ts ValueAndGradient).
 */
function holtValue(y: Float64Array, alpha: number, beta: number, phi: number, level0: number, trend0: number, bound: number): number {
  const A = 1 - alpha;
  const AB = alpha * beta;
  const C = phi * (1 - AB);
  let l = level0;
  let b = trend0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const yt = y[t];
    const f = l + phi * b;
    const e = yt - f;
    sse += e * e;
    if (sse > bound) return sse; // no longer wanted (see holtObjective)
    b = AB * (yt - l) + C * b;
    l = A * f + alpha * yt;
  }
  return sse;
}

/**
 * The SSE at each of `points` ((α, β*, φ) one after another) into `out`, for the search's 27 lattice
 * points in one call (quasi-newton.ts Values), where only the lowest point counts (the first of equal
 * values). The points go three at a time through one pass over the series (three independent
 * recursions side by side run in about the time of one), each with the same operations as holtValue;
 * a group stops once all three of its sums exceed the lowest value of the groups before it (or `bound`,
 * when lower), and records those partial sums (above that value, so never the lowest: the lowest point
 * is still summed in full).
 */
export function holtLattice(y: Float64Array, level0: number, trend0: number): Values {
  return (points, out, bound = Infinity) => {
    let lowest = bound;
    const count = out.length;
    let k = 0;
    for (; k + 3 <= count; k += 3) {
      holtValues3(y, points, 3 * k, level0, trend0, lowest, out, k);
      for (let j = k; j < k + 3; j++) if (out[j] < lowest) lowest = out[j];
    }
    for (; k < count; k++) {
      const v = holtValue(y, points[3 * k], points[3 * k + 1], points[3 * k + 2], level0, trend0, lowest);
      out[k] = v;
      if (v < lowest) lowest = v;
    }
  };
}

/** holtValue at the three points from points[at] into out[k], out[k + 1], out[k + 2], until all three exceed `bound`. */
function holtValues3(y: Float64Array, points: Float64Array, at: number, level0: number, trend0: number, bound: number, out: Float64Array, k: number): void {
  const alpha0 = points[at];
  const phi0 = points[at + 2];
  const A0 = 1 - alpha0;
  const AB0 = alpha0 * points[at + 1];
  const C0 = phi0 * (1 - AB0);
  const alpha1 = points[at + 3];
  const phi1 = points[at + 5];
  const A1 = 1 - alpha1;
  const AB1 = alpha1 * points[at + 4];
  const C1 = phi1 * (1 - AB1);
  const alpha2 = points[at + 6];
  const phi2 = points[at + 8];
  const A2 = 1 - alpha2;
  const AB2 = alpha2 * points[at + 7];
  const C2 = phi2 * (1 - AB2);
  let l0 = level0;
  let b0 = trend0;
  let l1 = level0;
  let b1 = trend0;
  let l2 = level0;
  let b2 = trend0;
  let sse0 = 0;
  let sse1 = 0;
  let sse2 = 0;
  for (let t = 0; t < y.length; t++) {
    const yt = y[t];
    const f0 = l0 + phi0 * b0;
    const f1 = l1 + phi1 * b1;
    const f2 = l2 + phi2 * b2;
    const e0 = yt - f0;
    const e1 = yt - f1;
    const e2 = yt - f2;
    sse0 += e0 * e0;
    sse1 += e1 * e1;
    sse2 += e2 * e2;
    if (sse0 > bound && sse1 > bound && sse2 > bound) break; // none of them can be the lowest
    b0 = AB0 * (yt - l0) + C0 * b0;
    l0 = A0 * f0 + alpha0 * yt;
    b1 = AB1 * (yt - l1) + C1 * b1;
    l1 = A1 * f1 + alpha1 * yt;
    b2 = AB2 * (yt - l2) + C2 * b2;
    l2 = A2 * f2 + alpha2 * yt;
  }
  out[k] = sse0;
  out[k + 1] = sse1;
  out[k + 2] = sse2;
}

/** The objective at (α, β*, φ) from ℓ₀, b₀ (holtObjective), with its gradient written to `g` when given. */
export function holtSse(y: Float64Array, alpha: number, beta: number, phi: number, level0: number, trend0: number, g: Float64Array | null): number {
  return holtObjective(y, level0, trend0)(Float64Array.of(alpha, beta, phi), g);
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

class HoltModel implements Fitted {
  readonly method = 'holt-damped' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'normal' as const;
  readonly sigma: number;
  private readonly level: number;
  private readonly trend: number;
  private values: number[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly alpha: number,
    private readonly betaStar: number,
    private readonly phi: number,
    private readonly level0: number,
    private readonly trend0: number,
  ) {
    this.params = { alpha, beta: betaStar, phi };
    // run() without its fitted values.
    let level = level0;
    let trend = trend0;
    let sse = 0;
    for (let t = 0; t < series.length; t++) {
      const f = level + phi * trend;
      const e = series[t] - f;
      sse += e * e;
      const next = alpha * series[t] + (1 - alpha) * f;
      trend = betaStar * (next - level) + (1 - betaStar) * phi * trend;
      level = next;
    }
    this.level = level;
    this.trend = trend;
    this.sigma = Math.sqrt(sse / series.length);
  }

  get fitted(): readonly number[] {
    if (this.values === null) {
      const values = run(this.series, this.alpha, this.betaStar, this.phi, this.level0, this.trend0).fitted;
      for (let t = 0; t < values.length; t++) values[t] = Math.max(0, values[t]);
      this.values = values;
    }
    return this.values;
  }

  forecast(h: number): number[] {
    const { phi } = this;
    const out = new Array<number>(Math.max(0, h));
    let damp = 0;
    for (let i = 1; i <= h; i++) {
      damp += phi ** i;
      out[i - 1] = Math.max(0, this.level + damp * this.trend);
    }
    return out;
  }

  sd(h: number): number {
    const { alpha, phi, sigma } = this;
    const beta = alpha * this.betaStar;
    const q = 1 - phi;
    const v =
      1 +
      alpha * alpha * (h - 1) +
      ((beta * phi * h) / (q * q)) * (2 * alpha * q + beta * phi) -
      ((beta * phi * (1 - phi ** h)) / (q * q * (1 - phi * phi))) * (2 * alpha * (1 - phi * phi) + beta * phi * (1 + 2 * phi - phi ** h));
    return sigma * Math.sqrt(Math.max(1, v));
  }
}

/** Bounds of (α, β*, φ) and the start of the search, shared by every fit. */
const BOUNDS = { lower: [0.0001, 0.0001, 0.8], upper: [0.9999, 0.9999, 0.98] } as const;
const START = [0.2, 0.1, 0.9] as const;

/**
 * Fits a series already checked (finite values ≥ 0, at least 3 periods). `quick`: the search's quick
 * mode (quasi-newton.ts), for scoring a candidate of the automatic choice (methods.ts FIT_SCORED).
 */
export function fitHoltDamped(series: readonly number[], quick = false): Fitted {
  const init = initialTrend(series, 10);
  const y = seriesCopy(series);
  const best = minimizeWithGradient(holtObjective(y, init.level, init.trend), BOUNDS, START, holtLattice(y, init.level, init.trend), false, quick);
  const [alpha, betaStar, phi] = best.x;
  return new HoltModel(series, alpha, betaStar, phi, init.level, init.trend);
}

export const holtDamped: ForecastMethod = {
  id: 'holt-damped',
  label: 'Holt damped trend',
  minLength: () => 3,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 3) ?? fitHoltDamped(series);
  },
};
