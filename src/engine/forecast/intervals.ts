/**
 * Prediction intervals for each future period (docs/FORMULAS.md: "Point forecast + interval").
 *
 * Normal (smoothing family: naive, seasonal naive, moving average, SES, Holt, Holt-Winters):
 *   ŷ_h ± z·σ_h,  z = Φ⁻¹(1 − (1 − level)/2), σ_h from the method's h-step variance; the lower bound is
 *   floored at 0 (demand is never negative). Hyndman & Athanasopoulos, "Forecasting: Principles and
 *   Practice", 3rd ed., §5.5.
 *
 * Count-based (intermittent family: Croston, SBA, TSB, ADIDA): each period's demand is a count with
 *   mean μ = ŷ_h and variance V = max(μ, σ²) (σ = root mean squared one-step error). V = μ: Poisson(μ);
 *   V > μ: negative binomial with size r = μ²/(V − μ) and success probability r/(r + μ), the usual
 *   over-dispersed count model for intermittent demand (Syntetos, Babai & Gardner 2015, "Forecasting
 *   intermittent inventory demands: simple parametric methods vs. bootstrapping", Journal of Business
 *   Research 68(8)). Bounds are the (1 − level)/2 and 1 − (1 − level)/2 quantiles: whole units, the
 *   lower one often 0. Means above 1,000 use the normal approximation.
 *
 * Conventions: intervals are for one period's demand (not cumulative over the horizon); the quantile
 * of a count distribution is the smallest x with P(X ≤ x) ≥ q. A count interval always contains the
 * point forecast: its bounds are widened to ⌊ŷ⌋ and ⌈ŷ⌉ when needed (when P(X = 0) ≥ 1 − (1 − level)/2,
 * e.g. Poisson(0.02) at 95%, both quantiles are 0 and [0, 0] would leave out a forecast of 0.02).
 */
import { openUnit } from '../check';
import type { CalcError } from '../errors';
import { inverseNormal } from '../metrics/inverse-normal';
import type { Fitted } from './types';

export interface Interval {
  readonly lower: number[];
  readonly upper: number[];
}

/** Smallest x ≥ 0 with P(X ≤ x) ≥ q for a Poisson (V = μ) or negative binomial (V > μ) count. */
export function countQuantile(mean: number, variance: number, q: number): number {
  if (mean <= 0) return 0;
  const v = Math.max(mean, variance);
  if (mean > 1000) {
    const z = inverseNormal(q) as number;
    return Math.max(0, Math.ceil(mean + z * Math.sqrt(v) - 0.5));
  }
  // P(k + 1) / P(k): mean / (k + 1) for the Poisson, ((k + r) / (k + 1))·(1 − p) for the negative binomial.
  const poisson = v <= mean * (1 + 1e-9);
  let logP0: number;
  let r = 0;
  let p = 0;
  if (poisson) logP0 = -mean;
  else {
    r = (mean * mean) / (v - mean);
    p = r / (r + mean);
    logP0 = r * Math.log(p);
  }
  if (logP0 < -700) {
    const z = inverseNormal(q) as number;
    return Math.max(0, Math.ceil(mean + z * Math.sqrt(v) - 0.5));
  }
  let pk = Math.exp(logP0);
  let cdf = pk;
  let k = 0;
  const cap = Math.ceil(mean + 60 * Math.sqrt(v) + 100);
  while (cdf < q - 1e-12 && k < cap) {
    pk *= poisson ? mean / (k + 1) : ((k + r) / (k + 1)) * (1 - p);
    k++;
    cdf += pk;
  }
  return k;
}

export function predictionInterval(model: Fitted, forecast: readonly number[], level: number): Interval | CalcError {
  const bad = openUnit(level, 'level');
  if (bad) return bad;
  const tail = (1 - level) / 2;
  const lower = new Array<number>(forecast.length);
  const upper = new Array<number>(forecast.length);
  if (model.interval === 'count') {
    const variance = model.sigma * model.sigma;
    for (let i = 0; i < forecast.length; i++) {
      const f = forecast[i];
      lower[i] = Math.min(countQuantile(f, variance, tail), Math.floor(f));
      upper[i] = Math.max(countQuantile(f, variance, 1 - tail), Math.ceil(f));
    }
  } else {
    const z = inverseNormal(1 - tail) as number;
    for (let i = 0; i < forecast.length; i++) {
      const f = forecast[i];
      const w = z * model.sd(i + 1);
      lower[i] = Math.max(0, f - w);
      upper[i] = f + w;
    }
  }
  return { lower, upper };
}
