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
 * forecasts (quasi-newton.ts, with the SSE's gradient from tsbObjective). A series without demand forecasts 0. Needs 1 period. Count-based intervals.
 */
import type { CalcError } from '../errors';
import { INTERMITTENT_BOUNDS } from './croston';
import { minimizeWithGradient, type ValueAndGradient } from './quasi-newton';
import { seriesCopy } from './scratch';
import { checkSeries, flat, type Fitted, type ForecastMethod } from './types';

/**
 * The objective of the fit: the in-sample SSE of run() at x = (α, β) and, when `g` is given, its
 * gradient there (quasi-newton.ts ValueAndGradient). The probability d does not depend on α, the size z
 * not on β, so (forward mode)
 *   ∂ŷ/∂α = d·∂z/∂α,   ∂z'/∂α = (1 − α)·∂z/∂α + (y − z) after a demand, unchanged after none
 *   ∂ŷ/∂β = z·∂d/∂β,   ∂d'/∂β = (1 − β)·∂d/∂β + (1 − d) after a demand, (1 − β)·∂d/∂β − d after none
 *   ∂SSE = −2 Σ e_t·∂ŷ_t
 * Without `g`, the sum stops once it exceeds `bound` and returns what it has (the search's lattice only
 * wants the lowest value). The parameters are read from x inside, as holt-damped.ts holtObjective does
 * (numbers passed to a call that is not inlined are boxed on the heap).
 */
export function tsbObjective(y: Float64Array, d0: number, z0: number): ValueAndGradient {
  return (x, g, bound = Infinity) => {
    const alpha = x[0];
    const beta = x[1];
    let d = d0;
    let z = z0;
    let sum = 0;
    let za = 0;
    let db = 0;
    let ga = 0;
    let gb = 0;
    for (let t = 0; t < y.length; t++) {
      const yt = y[t];
      const f = d * z;
      const e = yt - f;
      sum += e ** 2;
      if (sum > bound) return sum; // bound is Infinity whenever g is given
      if (g !== null) {
        ga -= e * d * za;
        gb -= e * z * db;
        if (yt > 0) {
          za = (1 - alpha) * za + (yt - z);
          db = (1 - beta) * db + (1 - d);
        } else db = (1 - beta) * db - d;
      }
      if (yt > 0) {
        d += beta * (1 - d);
        z += alpha * (yt - z);
      } else d *= 1 - beta;
    }
    if (g !== null) {
      g[0] = 2 * ga;
      g[1] = 2 * gb;
    }
    return sum;
  };
}

/** The objective at (α, β) from d₀, z₀ (tsbObjective), with its gradient written to `g` when given. */
export function tsbSse(y: Float64Array, alpha: number, beta: number, d0: number, z0: number, g: Float64Array | null): number {
  return tsbObjective(y, d0, z0)(Float64Array.of(alpha, beta), g);
}

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

class TsbModel implements Fitted {
  readonly method = 'tsb' as const;
  readonly params: Readonly<Record<string, number>>;
  readonly interval = 'count' as const;
  readonly sigma: number;
  private readonly point: number;
  private values: number[] | null = null;

  constructor(
    private readonly series: readonly number[],
    private readonly alpha: number,
    private readonly beta: number,
    private readonly d0: number,
    private readonly z0: number,
  ) {
    this.params = { alpha, beta };
    // run() without its fitted values.
    let d = d0;
    let z = z0;
    let sse = 0;
    for (let t = 0; t < series.length; t++) {
      sse += (series[t] - d * z) ** 2;
      if (series[t] > 0) {
        d += beta * (1 - d);
        z += alpha * (series[t] - z);
      } else d *= 1 - beta;
    }
    this.point = d * z;
    this.sigma = Math.sqrt(sse / series.length);
  }

  get fitted(): readonly number[] {
    return (this.values ??= run(this.series, this.alpha, this.beta, this.d0, this.z0).fitted);
  }

  forecast(h: number): number[] {
    return flat(this.point, h);
  }

  sd(): number {
    return this.sigma;
  }
}

/** Bounds of (α, β) and the start of the search, shared by every fit. */
const BOUNDS = { lower: [INTERMITTENT_BOUNDS[0], INTERMITTENT_BOUNDS[0]], upper: [INTERMITTENT_BOUNDS[1], INTERMITTENT_BOUNDS[1]] } as const;
const START = [0.1, 0.1] as const;

/** Fits a series already checked (finite values ≥ 0, at least 1 period). */
export function fitTsb(series: readonly number[]): Fitted {
  let count = 0;
  let total = 0;
  for (const y of series) {
    if (y > 0) {
      count++;
      total += y;
    }
  }
  const d0 = count / series.length;
  const z0 = count === 0 ? 0 : total / count;
  const y = seriesCopy(series);
  const best = minimizeWithGradient(tsbObjective(y, d0, z0), BOUNDS, START);
  return new TsbModel(series, best.x[0], best.x[1], d0, z0);
}

export const tsb: ForecastMethod = {
  id: 'tsb',
  label: 'Teunter–Syntetos–Babai (TSB)',
  minLength: () => 1,
  fit(series): Fitted | CalcError {
    return checkSeries(series, 1) ?? fitTsb(series);
  },
};
