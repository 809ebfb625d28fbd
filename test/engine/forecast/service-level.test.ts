/**
 * Order-up-to level for a target service from bootstrapped protection-interval demand
 * (src/engine/forecast/service-level.ts). Expected values are hand computations from the formulas in its
 * doc comment. The jittered size of a history value x is 1 + ⌊x + z√x⌋ with z ~ N(0, 1), so for x = 1 it is
 * 1 when z < 0 (z < −1 falls back to x = 1), 2 when 0 ≤ z < 1, 3 when 1 ≤ z < 2, 4 when 2 ≤ z < 3 and 5
 * when 3 ≤ z < 4; with Φ from a normal table:
 *   P(x* = 1) = Φ(0) = 0.5, P(2) = Φ(1) − Φ(0) = 0.3413, P(3) = Φ(2) − Φ(1) = 0.1359,
 *   P(4) = Φ(3) − Φ(2) = 0.0214, P(5) = Φ(4) − Φ(3) = 0.0013.
 * Levels that come from draws are checked where the hand-computed probability is far from the target
 * (several standard errors of the draws), so the seeded result is the hand-computed one.
 */
import fc from 'fast-check';
import {
  bootstrapInterval,
  fillLevel,
  jitter,
  occurrence,
  sampleQuantile,
  seededRandom,
  serviceLevelStock,
} from '../../../src/engine/forecast/service-level';

test('seededRandom is mulberry32: the reference algorithm, step by step, gives 0.6270739405881613 then 0.002735721180215478 for seed 1', () => {
  const next = seededRandom(1);
  expect(next()).toBe(0.6270739405881613);
  expect(next()).toBe(0.002735721180215478);
  // Another seed, another stream (seed 42: 0.6011037519201636 by the same steps).
  expect(seededRandom(42)()).toBe(0.6011037519201636);
});

describe('occurrence', () => {
  test('transition probabilities from consecutive pairs', () => {
    // [0, 3, 3, 0, 0, 2]: pairs 0→3, 3→3, 3→0, 0→0, 0→2, so n₀₁ = 2, n₀₀ = 1, n₁₁ = 1, n₁₀ = 1:
    // P(1|0) = 2/3, P(1|1) = 1/2; 3 of 6 periods have demand.
    expect(occurrence([0, 3, 3, 0, 0, 2])).toEqual({ p01: 2 / 3, p11: 1 / 2, share: 1 / 2 });
  });

  test('all-zero history: no demand ever follows', () => {
    // n₀₀ = 3, n₀₁ = 0 → P(1|0) = 0; state 1 never seen → the share, 0.
    expect(occurrence([0, 0, 0, 0])).toEqual({ p01: 0, p11: 0, share: 0 });
  });

  test('one non-zero month, the last: state 1 is never left, so it uses the share', () => {
    // [0, 0, 5]: n₀₀ = 1, n₀₁ = 1 → P(1|0) = 1/2; P(1|1) = share = 1/3.
    expect(occurrence([0, 0, 5])).toEqual({ p01: 1 / 2, p11: 1 / 3, share: 1 / 3 });
  });

  test('one period: both transitions use that period’s state', () => {
    expect(occurrence([4])).toEqual({ p01: 1, p11: 1, share: 1 });
    expect(occurrence([])).toEqual({ p01: 0, p11: 0, share: 0 });
  });
});

test('jitter: 1 + ⌊x + z√x⌋, or x when that is not positive', () => {
  expect(jitter(4, 0.5)).toBe(6); // 1 + ⌊4 + 0.5 × 2⌋ = 1 + 5
  expect(jitter(9, -1)).toBe(7); // 1 + ⌊9 − 3⌋ = 7
  expect(jitter(1, -0.5)).toBe(1); // 1 + ⌊0.5⌋ = 1
  expect(jitter(1, -3)).toBe(1); // 1 + ⌊1 − 3⌋ = −1 ≤ 0 → x
  expect(jitter(2.5, 0)).toBe(3); // 1 + ⌊2.5⌋ = 3
});

describe('sampleQuantile: the smallest whole S with a share ≥ p of the draws at or below it', () => {
  const draws = Float64Array.from([5, 1, 3, 2, 4]);
  test.each([
    [0.2, 1], // 1 of 5 draws ≤ 1: share 0.2 ≥ 0.2
    [0.5, 3], // ≤ 2 is 0.4 < 0.5, ≤ 3 is 0.6
    [0.999, 5], // only all 5 draws reach 0.999
  ])('p = %p → %p', (p, S) => expect(sampleQuantile(draws, p)).toBe(S));

  test('fractional draws round up to a whole unit; the input is not reordered', () => {
    expect(sampleQuantile(Float64Array.from([2.3, 0.5]), 0.9)).toBe(3);
    expect(Array.from(draws)).toEqual([5, 1, 3, 2, 4]);
  });
});

describe('fillLevel: the smallest S whose short demand in the last R periods is ≤ (1 − p) of it', () => {
  // Four intervals: D_H = [4, 0, 2, 6], last R periods [2, 0, 1, 3], so D_{H−R} = [2, 0, 1, 3] and the
  // review-period demand is 6. Short(S) = Σ (D_H − S)⁺ − Σ (D_{H−R} − S)⁺:
  //   S = 3: (1 + 0 + 0 + 3) − 0 = 4;  S = 4: 2 − 0 = 2;  S = 5: 1;  S = 6: 0.
  const draws = { total: Float64Array.from([4, 0, 2, 6]), last: Float64Array.from([2, 0, 1, 3]) };
  test('p = 0.5 allows 3 units short: S = 4 (S = 3 leaves 4 short)', () => expect(fillLevel(draws, 0.5)).toBe(4));
  test('p = 0.9 allows 0.6: S = 6 (S = 5 leaves 1 short)', () => expect(fillLevel(draws, 0.9)).toBe(6));
  test('p = 0.999 allows 0.006: S = 6', () => expect(fillLevel(draws, 0.999)).toBe(6));
  test('no demand in the review periods: S = 0', () => expect(fillLevel({ total: Float64Array.from([0, 0]), last: Float64Array.from([0, 0]) }, 0.9)).toBe(0));
});

describe('serviceLevelStock, cycle target', () => {
  test('all-zero history: S = 0 at any p', () => {
    expect(serviceLevelStock([0, 0, 0, 0], 0.5, { periods: 2 })).toBe(0);
    expect(serviceLevelStock([0, 0, 0, 0], 0.999, { periods: 2 })).toBe(0);
    expect(serviceLevelStock([], 0.95, { periods: 2 })).toBe(0);
  });

  test('demand of 1 every month, H = 1: the quantiles of x*', () => {
    // P(1|1) = 1 and P(1|0) = share = 1 (state 0 never seen): every period has demand, D = x*.
    // P(D ≤ 1) = 0.5, P(D ≤ 2) = 0.8413, P(D ≤ 3) = 0.9772.
    const ones = [1, 1, 1, 1, 1, 1];
    expect(serviceLevelStock(ones, 0.3, { periods: 1, draws: 2000 })).toBe(1);
    expect(serviceLevelStock(ones, 0.7, { periods: 1, draws: 2000 })).toBe(2);
    expect(serviceLevelStock(ones, 0.95, { periods: 1, draws: 2000 })).toBe(3);
    // p = 0.999: P(D ≤ 3) = 0.9772 < 0.999 and P(D ≤ 5) = Φ(4) = 0.99997, so S is 4 or 5
    // (P(D ≤ 4) = Φ(3) = 0.99865 is within the draws' error of 0.999).
    const high = serviceLevelStock(ones, 0.999, { periods: 1, draws: 2000 }) as number;
    expect(high).toBeGreaterThanOrEqual(4);
    expect(high).toBeLessThanOrEqual(5);
  });

  test('demand of 1 every month, H = 2, p = 0.5: the median of x*₁ + x*₂ is 3', () => {
    // P(D = 2) = 0.5² = 0.25; P(D = 3) = 2 × 0.5 × 0.3413 = 0.3413 → P(D ≤ 3) = 0.5913 ≥ 0.5 > 0.25.
    expect(serviceLevelStock([1, 1, 1, 1, 1, 1], 0.5, { periods: 2, draws: 2000 })).toBe(3);
  });

  test('alternating demand, H = 2: every interval has exactly one period with demand', () => {
    // [1, 0, 1, 0, 1, 0]: n₁₀ = 3, n₀₁ = 2, n₀₀ = n₁₁ = 0 → P(1|0) = 1, P(1|1) = 0, π = 1 / (1 + 1) = 0.5.
    // Either period 1 has demand and period 2 none, or the reverse: D = one x*, so
    // P(D ≤ 1) = 0.5, P(D ≤ 2) = 0.8413, P(D ≤ 3) = 0.9772. (Transitions swapped, D would be 0 or
    // x*₁ + x*₂, half each: P(D ≤ 2) = 0.5 + 0.5 × 0.25 = 0.625, and p = 0.7 would give 3.)
    const alternating = [1, 0, 1, 0, 1, 0];
    expect(serviceLevelStock(alternating, 0.7, { periods: 2, draws: 2000 })).toBe(2);
    expect(serviceLevelStock(alternating, 0.95, { periods: 2, draws: 2000 })).toBe(3);
  });

  test('a history shorter than the interval still gives a distribution', () => {
    // [1]: one period with demand, P(1|0) = P(1|1) = share = 1 — the same chain as the all-ones history,
    // so H = 2 at p = 0.5 is again 3.
    expect(serviceLevelStock([1], 0.5, { periods: 2, draws: 2000 })).toBe(3);
  });

  test('one non-zero month in six: most intervals have no demand', () => {
    // [0, 0, 0, 0, 0, 1]: n₀₀ = 4, n₀₁ = 1 → P(1|0) = 0.2; P(1|1) = share = 1/6;
    // stationary π = 0.2 / (0.2 + 1 − 1/6) = 0.19355. H = 1: P(D = 0) = 0.80645,
    // P(D ≤ 1) = 0.80645 + 0.19355 × 0.5 = 0.90323, P(D ≤ 2) = 0.80645 + 0.19355 × 0.8413 = 0.96929.
    const one = [0, 0, 0, 0, 0, 1];
    expect(serviceLevelStock(one, 0.5, { periods: 1, draws: 2000 })).toBe(0);
    expect(serviceLevelStock(one, 0.85, { periods: 1, draws: 2000 })).toBe(1);
    expect(serviceLevelStock(one, 0.95, { periods: 1, draws: 2000 })).toBe(2);
  });

  test('the same history and seed give the same S; the draws depend on the seed', () => {
    const series = [0, 3, 0, 7, 1, 0, 0, 12, 2, 0];
    expect(serviceLevelStock(series, 0.95, { periods: 2, seed: 7 })).toBe(serviceLevelStock(series, 0.95, { periods: 2, seed: 7 }));
    const a = bootstrapInterval(series, 2, 1, 50, 1).total;
    const b = bootstrapInterval(series, 2, 1, 50, 2).total;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('serviceLevelStock, fill target', () => {
  // Demand of 1 every month, H = 2, R = 1: D_H = x*₁ + x*₂, the last period x*₂, E[x*] = 0.5 + 2 × 0.3413
  // + 3 × 0.1359 + 4 × 0.0214 + 5 × 0.0013 = 1.682. Distribution of D_H: P(2) = 0.25, P(3) = 0.3413,
  // P(4) = 0.1359 + 0.3413² = 0.2524, P(5) = 0.0214 + 2 × 0.3413 × 0.1359 = 0.1142,
  // P(6) = 0.0013 + 2 × 0.3413 × 0.0214 + 0.1359² = 0.0344, P(7) = 0.0067, P(8) = 0.0008.
  // Short per interval E[(D_H − S)⁺] − E[(x*₁ − S)⁺]:
  //   S = 3: 0.6147 − 0.0240 = 0.5907 → 35.1% of 1.682 short (fill 64.9%)
  //   S = 4: 0.2063 − 0.0013 = 0.2050 → 12.2% short (fill 87.8%)
  //   S = 5: 0.0502 − 0     = 0.0502 →  3.0% short (fill 97.0%)
  const ones = [1, 1, 1, 1, 1, 1];
  test('p = 0.8 → S = 4; p = 0.9 → S = 5', () => {
    expect(serviceLevelStock(ones, 0.8, { periods: 2, target: 'fill', draws: 20000 })).toBe(4);
    expect(serviceLevelStock(ones, 0.9, { periods: 2, target: 'fill', draws: 20000 })).toBe(5);
  });

  test('p = 0.5: fill 64.9% at S = 3 ≥ 50%; S = 2 leaves E[(D_H − 2)⁺] − E[(x*₁ − 2)⁺] = 1.364 − 0.182 = 1.182 short (70%)', () => {
    expect(serviceLevelStock(ones, 0.5, { periods: 2, target: 'fill', draws: 20000 })).toBe(3);
  });

  test('all-zero history: S = 0', () => expect(serviceLevelStock([0, 0, 0], 0.9, { periods: 2, target: 'fill' })).toBe(0));
});

describe('invalid input → #VALUE! (the CalcError convention of src/engine/check.ts)', () => {
  const series = [1, 0, 2];
  test.each([0, 1, -0.1, 1.5, NaN, Infinity])('service level %p', (p) => {
    expect(serviceLevelStock(series, p, { periods: 2 })).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('serviceLevel') });
  });
  test('periods, review, draws and target', () => {
    expect(serviceLevelStock(series, 0.9, { periods: 0 })).toMatchObject({ code: '#VALUE!' });
    expect(serviceLevelStock(series, 0.9, { periods: 1.5 })).toMatchObject({ code: '#VALUE!' });
    expect(serviceLevelStock(series, 0.9, { periods: 2, review: 3 })).toMatchObject({ code: '#VALUE!' });
    expect(serviceLevelStock(series, 0.9, { periods: 2, draws: 0 })).toMatchObject({ code: '#VALUE!' });
    expect(serviceLevelStock(series, 0.9, { periods: 2, target: 'both' as never })).toMatchObject({ code: '#VALUE!', message: 'target must be one of cycle, fill' });
  });
  test('negative or non-finite history values', () => {
    expect(serviceLevelStock([1, -2], 0.9, { periods: 2 })).toMatchObject({ code: '#VALUE!', message: 'series[2] must not be negative' });
    expect(serviceLevelStock([1, NaN], 0.9, { periods: 2 })).toMatchObject({ code: '#VALUE!', message: 'series[2] must be a number' });
    expect(serviceLevelStock([Infinity], 0.9, { periods: 2 })).toMatchObject({ code: '#VALUE!', message: 'series[1] must be a finite number' });
  });
});

test('property: S is non-decreasing in p, for both targets (same history, same seed)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom('cycle' as const, 'fill' as const),
      (series, a, b, periods, target) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const options = { periods, target, draws: 100, seed: 3 };
        expect(serviceLevelStock(series, lo, options) as number).toBeLessThanOrEqual(serviceLevelStock(series, hi, options) as number);
      },
    ),
  );
});
