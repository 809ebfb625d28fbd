/**
 * Demand over a protection interval — the periods an order must cover (lead time + review) — from a
 * fitted forecast: its mean, its spread and the quantile a service-level policy stocks up to
 * (docs/FORMULAS.md, "Policies": the `service` policy uses forecast demand and its spread).
 *
 *   mean      μ_H = ŷ_1 + … + ŷ_H
 *   variance  V_H = max( Σ_h σ_h² ,  mean_t (e_t + … + e_{t+H−1})² )
 *   level     normal family: μ_H + z·√V_H,  z = Φ⁻¹(p)
 *             intermittent family: the p-quantile of a count with mean μ_H and variance V_H
 *             (Poisson or negative binomial, intervals.ts)
 *
 * Symbols: H = periods in the protection interval, ŷ_h = point forecast h periods ahead, σ_h = the
 * method's h-step error sd, e_t = one-step in-sample errors (y_t − ŷ_t).
 * Conventions: Σ σ_h² treats the h-step errors as independent, which understates the spread of a sum
 * when errors are correlated (they are, for smoothing methods and lumpy demand); the second term is the
 * empirical mean square of the sums of H consecutive one-step errors, and the larger of the two is used.
 * The empirical term needs at least H + 1 one-step errors; otherwise only the first is used.
 */
import { openUnit } from '../check';
import type { CalcError } from '../errors';
import { inverseNormal } from '../metrics/inverse-normal';
import { countQuantile } from './intervals';
import type { Fitted } from './types';

export interface ProtectionDemand {
  readonly periods: number;
  readonly mean: number;
  readonly variance: number;
  readonly family: Fitted['interval'];
}

/** protectionDemand's one-step errors, in a buffer reused by every call (it runs for each position of an analysis; no call keeps it). */
let errorBuffer = new Float64Array(64);

function errorScratch(n: number): Float64Array {
  if (errorBuffer.length < n) errorBuffer = new Float64Array(Math.max(n, 2 * errorBuffer.length));
  return errorBuffer;
}

export function protectionDemand(model: Fitted, series: readonly number[], points: readonly number[], periods: number): ProtectionDemand {
  const H = Math.max(1, Math.min(periods, points.length));
  let mean = 0;
  let analytic = 0;
  for (let h = 1; h <= H; h++) {
    mean += points[h - 1];
    analytic += model.sd(h) ** 2;
  }
  const fitted = model.fitted;
  const errors = errorScratch(series.length);
  let n = 0;
  for (let t = 0; t < series.length; t++) {
    const f = fitted[t];
    if (f !== null && f !== undefined) errors[n++] = series[t] - f;
  }
  let empirical = 0;
  if (n > H) {
    let window = 0;
    let sum = 0;
    let count = 0;
    for (let t = 0; t < n; t++) {
      window += errors[t];
      if (t >= H) window -= errors[t - H];
      if (t >= H - 1) {
        sum += window * window;
        count++;
      }
    }
    empirical = sum / count;
  }
  return { periods: H, mean, variance: Math.max(analytic, empirical), family: model.interval };
}

/** The stock that covers the protection interval's demand with probability p (0 < p < 1). */
export function protectionLevel(demand: ProtectionDemand, p: number): number | CalcError {
  const bad = openUnit(p, 'serviceLevel');
  if (bad) return bad;
  if (demand.family === 'count') return countQuantile(demand.mean, demand.variance, p);
  return Math.max(0, demand.mean + (inverseNormal(p) as number) * Math.sqrt(demand.variance));
}
