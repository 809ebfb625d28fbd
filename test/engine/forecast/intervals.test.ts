/**
 * Count quantiles (Poisson, negative binomial, normal approximation) and prediction intervals
 * (intervals.ts). Quantile convention: the smallest x with P(X ≤ x) ≥ q (R's qpois / qnbinom).
 */
import { CalcError, isCalcError } from '../../../src/engine/errors';
import { croston } from '../../../src/engine/forecast/croston';
import { countQuantile, predictionInterval } from '../../../src/engine/forecast/intervals';
import { naive } from '../../../src/engine/forecast/naive';
import { ses } from '../../../src/engine/forecast/ses';
import type { Fitted, ForecastMethod } from '../../../src/engine/forecast/types';

function fit(method: ForecastMethod, series: readonly number[]): Fitted {
  const r = method.fit(series, { seasonLength: 1 });
  if (isCalcError(r)) throw new Error(r.toString());
  return r;
}

/** ln k! by summing logarithms (independent of the recurrence countQuantile uses). */
function lnFactorial(k: number): number {
  let s = 0;
  for (let j = 2; j <= k; j++) s += Math.log(j);
  return s;
}

/** Poisson quantile from the pmf e^(k ln μ − μ − ln k!) term by term. */
function poissonQuantile(mu: number, q: number): number {
  let cdf = 0;
  for (let k = 0; ; k++) {
    cdf += Math.exp(k * Math.log(mu) - mu - lnFactorial(k));
    if (cdf >= q - 1e-12) return k;
  }
}

/** z = Φ⁻¹(0.975) (R: qnorm(0.975)). */
const Z975 = 1.959963984540054;

describe('countQuantile: Poisson (variance = mean)', () => {
  // Poisson(2), hand computation: P(X ≤ 0) = e⁻² = 0.1353, P(X ≤ 1) = 3e⁻² = 0.4060, P(X ≤ 2) = 5e⁻² = 0.6767,
  // P(X ≤ 3) = (19/3)e⁻² = 0.8571, P(X ≤ 4) = 7e⁻² = 0.9473, P(X ≤ 5) = (7 + 4/15)e⁻² = 0.9834.
  test.each([
    [0.025, 0],
    [0.1353, 0],
    [0.2, 1],
    [0.5, 2],
    [0.9, 4],
    [0.95, 5],
    [0.975, 5],
    [0.99, 6],
  ])('Poisson(2): the %p quantile is %i', (q, x) => {
    expect(countQuantile(2, 2, q)).toBe(x);
  });

  test('Poisson(10): the 0.975 quantile is 17 and the 0.025 quantile is 4 (R: qpois(c(0.025, 0.975), 10))', () => {
    expect(countQuantile(10, 10, 0.975)).toBe(17);
    expect(countQuantile(10, 10, 0.025)).toBe(4);
    expect(poissonQuantile(10, 0.975)).toBe(17);
    expect(poissonQuantile(10, 0.025)).toBe(4);
  });

  test('agrees with the pmf summed term by term for means 0.05 … 300 and several levels', () => {
    for (const mu of [0.05, 0.3, 1, 2.5, 7, 19.5, 60, 300]) {
      for (const q of [0.025, 0.1, 0.5, 0.9, 0.975, 0.995]) expect(countQuantile(mu, mu, q)).toBe(poissonQuantile(mu, q));
    }
  });

  test('a variance below the mean is read as Poisson (V = max(μ, σ²))', () => {
    expect(countQuantile(10, 1, 0.975)).toBe(17);
  });

  test('mean 0 (or below) → 0 at every level', () => {
    expect(countQuantile(0, 0, 0.975)).toBe(0);
    expect(countQuantile(0, 25, 0.999)).toBe(0);
    expect(countQuantile(-1, 1, 0.5)).toBe(0);
  });

  test('a small mean: Poisson(0.02) has P(X = 0) = e^−0.02 = 0.9802, so even the 0.975 quantile is 0', () => {
    expect(countQuantile(0.02, 0.02, 0.975)).toBe(0);
    expect(countQuantile(0.02, 0.02, 0.99)).toBe(1);
  });
});

describe('countQuantile: negative binomial (variance > mean)', () => {
  // μ = 4, V = 20: size r = μ²/(V − μ) = 1, p = r/(r + μ) = 0.2 — the geometric distribution,
  // P(X ≤ x) = 1 − 0.8^(x+1). 0.8^13 = 0.0550, 0.8^14 = 0.0440: P(X ≤ 12) = 0.945, P(X ≤ 13) = 0.956.
  test('μ = 4, V = 20 is geometric(0.2): the 0.95 quantile is 13, the 0.025 quantile 0', () => {
    expect(countQuantile(4, 20, 0.95)).toBe(13);
    expect(countQuantile(4, 20, 0.025)).toBe(0);
    // P(X ≤ 2) = 1 − 0.8³ = 0.488, P(X ≤ 3) = 1 − 0.8⁴ = 0.5904 → median 3
    expect(countQuantile(4, 20, 0.5)).toBe(3);
  });

  test('wider than the Poisson of the same mean: μ = 4, Poisson 0.95 quantile 8 (P(X ≤ 7) = 0.9489) vs 13', () => {
    expect(countQuantile(4, 4, 0.95)).toBe(8);
    expect(countQuantile(4, 20, 0.95)).toBeGreaterThan(countQuantile(4, 4, 0.95));
    for (const mu of [0.5, 2, 10, 50]) expect(countQuantile(mu, 3 * mu + 5, 0.975)).toBeGreaterThanOrEqual(countQuantile(mu, mu, 0.975));
  });

  test('agrees with the negative binomial pmf Γ(k + r)/(k! Γ(r)) p^r (1 − p)^k built as a product', () => {
    // C(k + r − 1, k) = Π_{j=1..k} (r + j − 1)/j, computed afresh for every k.
    const quantile = (mu: number, v: number, q: number) => {
      const r = (mu * mu) / (v - mu);
      const p = r / (r + mu);
      let cdf = 0;
      for (let k = 0; ; k++) {
        let c = 1;
        for (let j = 1; j <= k; j++) c *= (r + j - 1) / j;
        cdf += c * p ** r * (1 - p) ** k;
        if (cdf >= q - 1e-12) return k;
      }
    };
    for (const [mu, v] of [
      [0.8, 3],
      [3, 7.5],
      [12, 60],
      [40, 90],
    ])
      for (const q of [0.025, 0.5, 0.95, 0.975]) expect(countQuantile(mu, v, q)).toBe(quantile(mu, v, q));
  });
});

describe('countQuantile: normal approximation for large means', () => {
  test('mean 2000 (> 1000): ⌈μ ± zσ − 0.5⌉ = 2088 and 1912 (continuity correction)', () => {
    // 1.959964 × √2000 = 87.652: 2000 + 87.652 − 0.5 = 2087.15 → 2088; 2000 − 87.652 − 0.5 = 1911.85 → 1912
    expect(countQuantile(2000, 2000, 0.975)).toBe(Math.ceil(2000 + Z975 * Math.sqrt(2000) - 0.5));
    expect(countQuantile(2000, 2000, 0.975)).toBe(2088);
    expect(countQuantile(2000, 2000, 0.025)).toBe(1912);
  });

  test('close to the exact Poisson quantile (within 2 units) at means 800 and 2000', () => {
    for (const mu of [800, 2000]) {
      for (const q of [0.025, 0.5, 0.975]) expect(Math.abs(countQuantile(mu, mu, q) - poissonQuantile(mu, q))).toBeLessThanOrEqual(2);
    }
  });

  test('the variance counts: mean 5000, sd 500 → ⌈5000 + 1.96·500 − 0.5⌉ = 5980', () => {
    expect(countQuantile(5000, 250000, 0.975)).toBe(5980);
  });
});

describe('predictionInterval', () => {
  test('normal family (SES): ŷ ± z·σ_h, the lower bound floored at 0, widening with h', () => {
    const model = fit(ses, [20, 24, 18, 30, 26, 22, 35, 28]);
    const f = model.forecast(6);
    const r = predictionInterval(model, f, 0.95);
    if (isCalcError(r)) throw new Error(r.toString());
    for (let h = 1; h <= 6; h++) {
      const w = Z975 * model.sd(h);
      expect(r.upper[h - 1]).toBeCloseTo(f[h - 1] + w, 9);
      expect(r.lower[h - 1]).toBeCloseTo(Math.max(0, f[h - 1] - w), 9);
      if (h > 1) expect(r.upper[h - 1] - r.lower[h - 1]).toBeGreaterThan(r.upper[h - 2] - r.lower[h - 2]);
    }
  });

  test('normal family (naive): σ√h, hand computation on [4, 7, 5] (σ = √6.5): upper at h = 4 is 5 + 1.96·2σ, lower floored at 0', () => {
    const model = fit(naive, [4, 7, 5]);
    const r = predictionInterval(model, model.forecast(4), 0.95);
    if (isCalcError(r)) throw new Error(r.toString());
    expect(r.upper[3]).toBeCloseTo(5 + Z975 * 2 * Math.sqrt(6.5), 9);
    // h = 1: 5 − 1.959964·2.549510 = 5 − 4.996947 = 0.003053; h ≥ 2: 5 − 1.96·√6.5·√h < 0 → floored at 0.
    expect(r.lower[0]).toBeCloseTo(0.003053, 6);
    expect(r.lower.slice(1)).toEqual([0, 0, 0]);
  });

  test('normal family: the lower bound is never negative', () => {
    const model = fit(naive, [0, 10, 0, 10, 1]);
    const r = predictionInterval(model, model.forecast(3), 0.9);
    if (isCalcError(r)) throw new Error(r.toString());
    expect(r.lower).toEqual([0, 0, 0]);
    for (const u of r.upper) expect(u).toBeGreaterThan(1);
  });

  test('count family (Croston): whole numbers, lower ≤ forecast ≤ upper', () => {
    const model = fit(croston, [0, 3, 0, 0, 4, 0, 3, 0, 0, 0, 5, 0, 4, 0, 0, 3]);
    const f = model.forecast(4);
    const r = predictionInterval(model, f, 0.95);
    if (isCalcError(r)) throw new Error(r.toString());
    for (let i = 0; i < 4; i++) {
      expect(Number.isInteger(r.lower[i])).toBe(true);
      expect(Number.isInteger(r.upper[i])).toBe(true);
      expect(r.lower[i]).toBeLessThanOrEqual(f[i]);
      expect(r.upper[i]).toBeGreaterThanOrEqual(f[i]);
    }
    // Mean μ = f, variance max(μ, σ²): the bounds are those count quantiles.
    const v = model.sigma ** 2;
    expect(r.upper[0]).toBe(Math.max(countQuantile(f[0], v, 0.975), Math.ceil(f[0])));
  });

  test('count family: the interval always contains the point forecast (a forecast of 0.02 gets [0, 1], not [0, 0])', () => {
    // Poisson(0.02): both the 0.025 and the 0.975 quantile are 0; the upper bound is raised to ⌈0.02⌉ = 1.
    const model: Fitted = { method: 'tsb', params: {}, fitted: [], sigma: 0.1, interval: 'count', forecast: (h) => new Array(h).fill(0.02), sd: () => 0.1 };
    const r = predictionInterval(model, [0.02, 0], 0.95);
    expect(r).toEqual({ lower: [0, 0], upper: [1, 0] });
  });

  test('a higher level gives a wider (or equal) interval', () => {
    for (const model of [fit(ses, [20, 24, 18, 30, 26, 22, 35, 28]), fit(croston, [0, 3, 0, 0, 4, 0, 3, 0, 0, 0, 5, 0])]) {
      const f = model.forecast(3);
      const a = predictionInterval(model, f, 0.8);
      const b = predictionInterval(model, f, 0.99);
      if (isCalcError(a) || isCalcError(b)) throw new Error('interval');
      for (let i = 0; i < 3; i++) {
        expect(b.upper[i]).toBeGreaterThanOrEqual(a.upper[i]);
        expect(b.lower[i]).toBeLessThanOrEqual(a.lower[i]);
      }
    }
  });

  test.each([0, 1, -0.5, 1.5, Number.NaN])('level %p outside (0, 1) is #VALUE!', (level) => {
    const model = fit(naive, [4, 7, 5]);
    const r = predictionInterval(model, model.forecast(2), level);
    expect(r).toBeInstanceOf(CalcError);
    expect((r as CalcError).code).toBe('#VALUE!');
  });

  test('the message names "level"', () => {
    const model = fit(naive, [4, 7, 5]);
    expect(predictionInterval(model, [5], 2)).toStrictEqual(new CalcError('#VALUE!', 'level must be between 0 and 1, exclusive'));
  });
});
