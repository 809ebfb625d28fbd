/**
 * The order-up-to level S that gives a target service level, from the distribution of demand over the
 * protection interval (lead time + review, H periods) bootstrapped from the demand history
 * (Willemain, Smart & Schwarz 2004, "A new approach to forecasting intermittent demand for service
 * parts inventories", International Journal of Forecasting 20(3), 375–387).
 *
 * Bootstrap of one protection interval:
 *   occurrence   a two-state Markov chain on "the period has demand" (y_t > 0), transition
 *                probabilities estimated from the history's consecutive pairs:
 *                P(1 | 0) = n₀₁ / (n₀₀ + n₀₁),  P(1 | 1) = n₁₁ / (n₁₀ + n₁₁);
 *                the first period's state is drawn from the chain's stationary share
 *                π = P(1|0) / (P(1|0) + 1 − P(1|1))
 *   size         a period with demand draws one of the history's non-zero values x, jittered:
 *                x* = 1 + ⌊x + z·√x⌋ with z ~ N(0, 1), kept when x* > 0 (otherwise x* = x)
 *   sum          D_H = y*₁ + … + y*_H, and D_{H−R} = y*₁ + … + y*_{H−R} (the interval without its
 *                last R periods)
 *
 * Order-up-to level for a target p:
 *   cycle  (type 1, α: share of replenishment cycles without a stockout)
 *          S = the smallest whole unit with P(D_H ≤ S) ≥ p over the draws
 *   fill   (type 2, β: share of demand met from stock). The demand short in the last R periods of an
 *          interval is (D_H − S)⁺ − (D_{H−R} − S)⁺, so S = the smallest whole unit with
 *          Σ [(D_H − S)⁺ − (D_{H−R} − S)⁺] ≤ (1 − p)·Σ (D_H − D_{H−R}) over the draws.
 *
 * Symbols: H = periods in the protection interval, R = review periods (the last R of the interval),
 * p = the target service level, 0 < p < 1.
 * Conventions: the draws use a seeded generator (mulberry32), so the same history, target and seed give
 * the same S. Willemain et al. start the chain from the last observed period; here an order-up-to level
 * is held over many cycles, so the chain starts from its stationary share. A state never left in the
 * history (a history of one period, or demand only in the last period) uses the share of periods with
 * demand for its transition. A history without demand gives S = 0; a history shorter than H still
 * gives a distribution (its pairs set the chain, its non-zero values the sizes).
 * Why the jitter: sizes resampled without it never exceed the largest in the history; on the
 * car-parts replay (`npm run bench:forecast`) the same bootstrap without jitter achieved 86.1%, 91.3%
 * and 94.1% of cycles without a stockout for targets of 90%, 95% and 98%.
 */
import { nonNegative, openUnit, positive } from '../check';
import { CalcError, messages, valueError } from '../errors';

export type ServiceTarget = 'cycle' | 'fill';

export const SERVICE_TARGETS: readonly ServiceTarget[] = ['cycle', 'fill'];

export interface ServiceLevelOptions {
  /** Periods in the protection interval (lead time + review), a whole number ≥ 1. */
  readonly periods: number;
  /** Periods between reviews (the last ones of the interval), 1 ≤ review ≤ periods; default 1. */
  readonly review?: number;
  /** Default 'cycle'. */
  readonly target?: ServiceTarget;
  /** Bootstrap draws; default 200. */
  readonly draws?: number;
  /** Seed of the generator; default 1. */
  readonly seed?: number;
}

/** mulberry32: a 32-bit seeded generator of uniforms in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from two uniforms of `next`. */
function normalDraw(next: () => number): number {
  const u = 1 - next(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

export interface Occurrence {
  /** P(demand | no demand in the period before). */
  readonly p01: number;
  /** P(demand | demand in the period before). */
  readonly p11: number;
  /** Share of periods with demand. */
  readonly share: number;
}

/** The two-state chain of demand occurrence estimated from the history's consecutive pairs. */
export function occurrence(series: readonly number[]): Occurrence {
  let n00 = 0;
  let n01 = 0;
  let n10 = 0;
  let n11 = 0;
  let nonZero = 0;
  for (let t = 0; t < series.length; t++) {
    if (series[t] > 0) nonZero++;
    if (t === 0) continue;
    const from = series[t - 1] > 0;
    const to = series[t] > 0;
    if (from) {
      if (to) n11++;
      else n10++;
    } else if (to) n01++;
    else n00++;
  }
  const share = series.length > 0 ? nonZero / series.length : 0;
  return {
    p01: n00 + n01 > 0 ? n01 / (n00 + n01) : share,
    p11: n10 + n11 > 0 ? n11 / (n10 + n11) : share,
    share,
  };
}

/** Willemain's jitter of a non-zero size x: 1 + ⌊x + z√x⌋ when positive, otherwise x. */
export function jitter(x: number, z: number): number {
  const j = 1 + Math.floor(x + z * Math.sqrt(x));
  return j > 0 ? j : x;
}

export interface IntervalDraws {
  /** Demand over the whole interval, one per draw. */
  readonly total: Float64Array;
  /** Demand over the last R periods of the interval, one per draw. */
  readonly last: Float64Array;
}

/** Bootstrapped demand over H periods and over their last R periods (`draws` intervals). Needs a history with demand. */
export function bootstrapInterval(series: readonly number[], periods: number, review: number, draws: number, seed: number): IntervalDraws {
  const sizes = series.filter((x) => x > 0);
  const { p01, p11 } = occurrence(series);
  const next = seededRandom(seed);
  const total = new Float64Array(draws);
  const last = new Float64Array(draws);
  const stationary = p01 + 1 - p11 > 0 ? p01 / (p01 + 1 - p11) : 1;
  for (let d = 0; d < draws; d++) {
    let sum = 0;
    let lastSum = 0;
    let on = next() < stationary;
    for (let h = 0; h < periods; h++) {
      if (h > 0) on = next() < (on ? p11 : p01);
      if (!on) continue;
      const x = jitter(sizes[Math.floor(next() * sizes.length)], normalDraw(next));
      sum += x;
      if (h >= periods - review) lastSum += x;
    }
    total[d] = sum;
    last[d] = lastSum;
  }
  return { total, last };
}

/** Smallest whole S ≥ 0 with a share ≥ p of the draws at or below S. */
export function sampleQuantile(draws: Float64Array, p: number): number {
  const sorted = Float64Array.from(draws).sort();
  const k = Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1);
  return Math.max(0, Math.ceil(sorted[k]));
}

/** Smallest whole S ≥ 0 whose expected short demand over the last R periods is ≤ (1 − p) of their demand. */
export function fillLevel(draws: IntervalDraws, p: number): number {
  const { total, last } = draws;
  let demand = 0;
  let max = 0;
  for (let i = 0; i < total.length; i++) {
    demand += last[i];
    if (total[i] > max) max = total[i];
  }
  if (demand <= 0) return 0;
  const allowed = (1 - p) * demand;
  const short = (S: number) => {
    let s = 0;
    for (let i = 0; i < total.length; i++) s += Math.max(0, total[i] - S) - Math.max(0, total[i] - last[i] - S);
    return s;
  };
  // short(S) is non-increasing in S and 0 at S = max: bisection on whole units.
  let lo = 0;
  let hi = Math.ceil(max);
  if (short(lo) <= allowed) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (short(mid) <= allowed) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The order-up-to level S for a target service level p, from the bootstrapped protection-interval demand. */
export function serviceLevelStock(series: readonly number[], p: number, options: ServiceLevelOptions): number | CalcError {
  const { periods, review = 1, target = 'cycle', draws = 200, seed = 1 } = options;
  const bad =
    openUnit(p, 'serviceLevel') ??
    positive(periods, 'periods') ??
    (Number.isInteger(periods) ? undefined : valueError(messages.notInteger('periods'))) ??
    positive(review, 'review') ??
    (Number.isInteger(review) && review <= periods ? undefined : valueError(messages.wholePeriodsAtMost('review', 'periods'))) ??
    positive(draws, 'draws') ??
    (Number.isInteger(draws) ? undefined : valueError(messages.notInteger('draws'))) ??
    (SERVICE_TARGETS.includes(target) ? undefined : valueError(messages.oneOf('target', SERVICE_TARGETS)));
  if (bad) return bad;
  for (let i = 0; i < series.length; i++) {
    const wrong = nonNegative(series[i], `series[${i + 1}]`);
    if (wrong) return wrong;
  }
  if (!series.some((x) => x > 0)) return 0;
  const sample = bootstrapInterval(series, periods, review, draws, seed);
  return target === 'cycle' ? sampleQuantile(sample.total, p) : fillLevel(sample, p);
}
