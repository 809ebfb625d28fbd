/**
 * Hand-computed cases for each forecasting method. Every expected number below is worked out in the
 * comment beside it ("hand computation") from the equations in the method's doc comment; none is read
 * back from the code under test.
 */
import { CalcError, isCalcError } from '../../../src/engine/errors';
import { adida } from '../../../src/engine/forecast/adida';
import { croston, crostonRun, INTERMITTENT_BOUNDS } from '../../../src/engine/forecast/croston';
import { holtDamped, initialTrend } from '../../../src/engine/forecast/holt-damped';
import { holtWinters } from '../../../src/engine/forecast/holt-winters';
import { methodById, parseMethod } from '../../../src/engine/forecast/methods';
import { movingAverage } from '../../../src/engine/forecast/moving-average';
import { naive } from '../../../src/engine/forecast/naive';
import { sba } from '../../../src/engine/forecast/sba';
import { seasonalNaive } from '../../../src/engine/forecast/seasonal-naive';
import { ALPHA_BOUNDS, fitSes, ses, sesFilter } from '../../../src/engine/forecast/ses';
import { tsb } from '../../../src/engine/forecast/tsb';
import type { Fitted, ForecastMethod } from '../../../src/engine/forecast/types';

function fit(method: ForecastMethod, series: readonly number[], seasonLength = 1): Fitted {
  const r = method.fit(series, { seasonLength });
  if (isCalcError(r)) throw new Error(`${method.id}: ${r.toString()}`);
  return r;
}

/** SSE of one-step fitted values against the series, null forecasts skipped. */
function sse(series: readonly number[], fitted: readonly (number | null)[]): number {
  let s = 0;
  for (let t = 0; t < series.length; t++) if (fitted[t] !== null) s += (series[t] - (fitted[t] as number)) ** 2;
  return s;
}

/** A noisy random walk (hand-made): SES's SSE surface in (α, ℓ₀) has its minimum off the ℓ₀ = min y bound. */
const RANDOM_WALK = [10, 14, 9, 20, 25, 18, 30, 41, 35, 50, 44, 60, 55, 70, 66, 80];
/** Noise around a level: SES's SSE has two valleys in α, near 0 (the global one) and near 0.7. */
const NOISY_LEVEL = [16, 13, 17, 20, 18, 23, 21, 17, 16, 17, 17, 16, 16];
/** Smooth seasonal demand with trend and noise (deterministic), 48 months. */
const SEASONAL_48 = Array.from({ length: 48 }, (_, t) => Math.round(60 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 12) + ((t * 13) % 7) - 3));
const LUMPY = [0, 0, 12, 0, 0, 0, 1, 0, 25, 0, 0, 3, 0, 0, 0, 0, 40, 0, 2, 0, 0, 0, 0, 15, 0, 0, 1, 0, 0, 30];
const INTERMITTENT = [0, 3, 0, 0, 4, 0, 3, 0, 0, 0, 5, 0, 4, 0, 0, 3, 0, 4, 0, 0, 0, 3, 0, 5];

describe('naive (Hyndman & Athanasopoulos, FPP 3rd ed., §5.2, Table 5.2)', () => {
  test('hand computation: [4, 7, 5] forecasts 5; fitted [null, 4, 7]; errors 3, −2 → σ = √(13/2); σ_h = σ√h', () => {
    const m = fit(naive, [4, 7, 5]);
    expect(m.forecast(3)).toEqual([5, 5, 5]);
    expect(m.fitted).toEqual([null, 4, 7]);
    expect(m.sigma).toBeCloseTo(Math.sqrt(13 / 2), 12);
    expect(m.sd(1)).toBeCloseTo(Math.sqrt(13 / 2), 12);
    expect(m.sd(4)).toBeCloseTo(Math.sqrt(13 / 2) * 2, 12);
    expect(m.sd(9)).toBeCloseTo(Math.sqrt(13 / 2) * 3, 12);
    expect(m.params).toEqual({});
  });
});

describe('seasonal naive (FPP 3rd ed., §5.2, Table 5.2)', () => {
  // m = 4: the last season is [5, 6, 7, 8]. Fitted ŷ_t = y_{t−4}: errors 5−1, 6−2, 7−3, 8−4 = 4 each → σ = 4.
  const series = [1, 2, 3, 4, 5, 6, 7, 8];
  test('hand computation: m = 4 repeats the last season [5, 6, 7, 8]; σ = 4; σ_h = σ√(⌊(h − 1)/m⌋ + 1)', () => {
    const m = fit(seasonalNaive, series, 4);
    expect(m.forecast(10)).toEqual([5, 6, 7, 8, 5, 6, 7, 8, 5, 6]);
    expect(m.fitted).toEqual([null, null, null, null, 1, 2, 3, 4]);
    expect(m.sigma).toBeCloseTo(4, 12);
    expect(m.sd(1)).toBeCloseTo(4, 12); // k = 0
    expect(m.sd(4)).toBeCloseTo(4, 12); // k = 0
    expect(m.sd(5)).toBeCloseTo(4 * Math.SQRT2, 12); // k = 1
    expect(m.sd(9)).toBeCloseTo(4 * Math.sqrt(3), 12); // k = 2
  });

  test('with m = 1 it is the naive method', () => {
    const a = fit(seasonalNaive, [4, 7, 5], 1);
    const b = fit(naive, [4, 7, 5]);
    expect(a.forecast(5)).toEqual(b.forecast(5));
    expect(a.sigma).toBeCloseTo(b.sigma, 12);
    expect(a.sd(5)).toBeCloseTo(b.sd(5), 12);
  });

  test('needs one full season: 7 periods with m = 8 is #VALUE!', () => {
    expect(seasonalNaive.fit([1, 2, 3, 4, 5, 6, 7], { seasonLength: 8 })).toStrictEqual(new CalcError('#VALUE!', 'history requires at least 8 periods'));
  });

  test('a season length that is not a whole number ≥ 1 is #VALUE!', () => {
    for (const m of [0, -1, 2.5, Number.NaN]) expect(seasonalNaive.fit([1, 2, 3], { seasonLength: m })).toBeInstanceOf(CalcError);
  });
});

describe('moving average (Brown 1959, ch. 4)', () => {
  test('a straight line 10, 12, 14, … : window 1 is best (error 2 vs (k + 1) for window k), forecast = last value', () => {
    const series = Array.from({ length: 20 }, (_, t) => 10 + 2 * t);
    const m = fit(movingAverage, series);
    expect(m.params).toEqual({ k: 1 });
    expect(m.forecast(3)).toEqual([48, 48, 48]);
    expect(m.sd(7)).toBeCloseTo(m.sigma, 12); // σ_h = σ
    expect(m.sigma).toBeCloseTo(2, 12);
  });

  test('a period-3 pattern 3, 9, 6, … : window 3 is best, forecast = mean 6', () => {
    // Hand computation per cycle of errors: window 3 forecasts 6 → errors −3, 3, 0: SSE 18;
    // window 1 → errors −6, 3, 3... (9−3, 6−9, 3−6): SSE 54; window 2 → 3 vs 7.5, 9 vs 4.5, 6 vs 6: SSE 40.5.
    // Windows 6, 9, 12 tie with 3; the smallest wins.
    const series = Array.from({ length: 18 }, (_, t) => [3, 9, 6][t % 3]);
    const m = fit(movingAverage, series);
    expect(m.params).toEqual({ k: 3 });
    expect(m.forecast(2)).toEqual([6, 6]);
    expect(m.fitted.slice(0, 4)).toEqual([null, null, null, 6]);
    expect(m.sigma).toBeCloseTo(Math.sqrt(6), 12); // 18 per 3 periods
  });

  test('two periods: window 1, forecast the last value', () => {
    const m = fit(movingAverage, [3, 5]);
    expect(m.params).toEqual({ k: 1 });
    expect(m.forecast(1)).toEqual([5]);
  });
});

describe('simple exponential smoothing (Brown 1959; Hyndman et al. 2008, Table 6.1)', () => {
  test('sesFilter, hand computation: α = 0.5, ℓ₀ = 10 over [12, 8, 10] → fitted [10, 11, 9.5], level 9.75, SSE 4 + 9 + 0.25', () => {
    // ℓ₁ = 10 + 0.5(12 − 10) = 11; ℓ₂ = 11 + 0.5(8 − 11) = 9.5; ℓ₃ = 9.5 + 0.5(10 − 9.5) = 9.75
    const r = sesFilter([12, 8, 10], 0.5, 10);
    expect(r.fitted).toEqual([10, 11, 9.5]);
    expect(r.level).toBe(9.75);
    expect(r.sse).toBe(13.25);
  });

  test('σ_h = σ√(1 + α²(h − 1)) and the forecast is the last level', () => {
    const m = fit(ses, RANDOM_WALK);
    const { alpha, level0 } = m.params;
    const run = sesFilter(RANDOM_WALK, alpha, level0);
    expect(m.forecast(3)).toEqual([run.level, run.level, run.level]);
    expect(m.sigma).toBeCloseTo(Math.sqrt(run.sse / RANDOM_WALK.length), 12);
    expect(m.sd(5)).toBeCloseTo(m.sigma * Math.sqrt(1 + alpha * alpha * 4), 12);
  });

  // The fit is the joint minimum of the SSE over α ∈ [0.0001, 0.9999] and ℓ₀ ∈ [min y, max y]: it must be
  // no worse than the best point of a fine grid (α step 0.001, 401 levels), up to rounding.
  test.each([
    ['a noisy random walk', RANDOM_WALK],
    ['noise around a level (two valleys in α)', NOISY_LEVEL],
    ['smooth seasonal 48 months', SEASONAL_48],
  ])('fitSes on %s is at least as good as a fine (α, ℓ₀) grid', (_name, series) => {
    const lo = Math.min(...series);
    const hi = Math.max(...series);
    let gridMin = Infinity;
    for (let i = 0; i <= 999; i++) {
      const alpha = ALPHA_BOUNDS[0] + i * 0.001;
      for (let j = 0; j <= 400; j++) gridMin = Math.min(gridMin, sesFilter(series, alpha, lo + ((hi - lo) * j) / 400).sse);
    }
    const { alpha, level0 } = fitSes(series);
    expect(alpha).toBeGreaterThanOrEqual(ALPHA_BOUNDS[0]);
    expect(alpha).toBeLessThanOrEqual(ALPHA_BOUNDS[1]);
    expect(level0).toBeGreaterThanOrEqual(lo);
    expect(level0).toBeLessThanOrEqual(hi);
    expect(sesFilter(series, alpha, level0).sse).toBeLessThanOrEqual(gridMin * (1 + 1e-9));
  });

  test('noise around a level: the fit takes the α → 0 valley (forecast ≈ the mean), not the α ≈ 0.7 one', () => {
    const { alpha } = fitSes(NOISY_LEVEL);
    expect(alpha).toBeLessThan(0.01);
  });

  test('a constant series: α at its lower bound and ℓ₀ = the constant', () => {
    expect(fitSes([4, 4, 4])).toEqual({ alpha: ALPHA_BOUNDS[0], level0: 4 });
  });
});

describe('Holt damped trend (Gardner & McKenzie 1985; FPP 3rd ed., §8.2)', () => {
  test('initialTrend on a straight line y_t = 5 + 2t gives ℓ₀ = 5 (the value just before period 1) and b₀ = 2', () => {
    const line = Array.from({ length: 12 }, (_, i) => 5 + 2 * (i + 1));
    expect(initialTrend(line, 10)).toEqual({ level: 5, trend: 2 });
  });

  test('initialTrend, hand computation on [1, 4, 5]: x̄ = 2, ȳ = 10/3, Sxy = 4, Sxx = 2 → b = 2, a = 10/3 − 4 = −2/3', () => {
    const r = initialTrend([1, 4, 5], 10);
    expect(r.trend).toBeCloseTo(2, 12);
    expect(r.level).toBeCloseTo(-2 / 3, 12);
  });

  test('initialTrend of one period: no slope, level = the value', () => {
    expect(initialTrend([7], 10)).toEqual({ level: 7, trend: 0 });
  });

  test('parameters lie within α, β* ∈ [0.0001, 0.9999], φ ∈ [0.8, 0.98]', () => {
    for (const series of [RANDOM_WALK, SEASONAL_48, LUMPY, NOISY_LEVEL]) {
      const { alpha, beta, phi } = fit(holtDamped, series).params;
      expect(alpha).toBeGreaterThanOrEqual(0.0001);
      expect(alpha).toBeLessThanOrEqual(0.9999);
      expect(beta).toBeGreaterThanOrEqual(0.0001);
      expect(beta).toBeLessThanOrEqual(0.9999);
      expect(phi).toBeGreaterThanOrEqual(0.8);
      expect(phi).toBeLessThanOrEqual(0.98);
    }
  });

  test('the forecast follows ℓ_T + (φ + … + φ^h)·b_T: its steps shrink by φ', () => {
    const m = fit(holtDamped, RANDOM_WALK);
    const f = m.forecast(4);
    const { phi } = m.params;
    expect(f[2] - f[1]).toBeCloseTo((f[1] - f[0]) * phi, 9);
    expect(f[3] - f[2]).toBeCloseTo((f[2] - f[1]) * phi, 9);
  });

  test('σ_1 = σ and σ_h grows with h', () => {
    const m = fit(holtDamped, RANDOM_WALK);
    expect(m.sd(1)).toBeCloseTo(m.sigma, 12);
    for (let h = 2; h <= 12; h++) expect(m.sd(h)).toBeGreaterThan(m.sd(h - 1));
  });

  test('a falling trend is floored at 0, never negative', () => {
    const m = fit(holtDamped, [40, 30, 20, 10, 5]);
    for (const v of m.forecast(24)) expect(v).toBeGreaterThanOrEqual(0);
    expect(m.forecast(24)[23]).toBe(0);
  });

  test('needs 3 periods', () => {
    expect(holtDamped.fit([1, 2], { seasonLength: 1 })).toStrictEqual(new CalcError('#VALUE!', 'history requires at least 3 periods'));
  });
});

describe('Holt-Winters additive (Winters 1960; FPP 3rd ed., §8.3)', () => {
  test('recovers a pure seasonal pattern: 4 seasons of [10, 20, …, 120] with m = 12 forecast the pattern', () => {
    const pattern = Array.from({ length: 12 }, (_, i) => 10 * (i + 1));
    const series = [...pattern, ...pattern, ...pattern, ...pattern];
    const m = fit(holtWinters, series, 12);
    const f = m.forecast(24);
    f.forEach((v, i) => expect(Math.abs(v - pattern[i % 12])).toBeLessThan(1e-9));
    expect(m.sigma).toBeLessThan(1e-9);
  });

  test('recovers a seasonal pattern on a trend: y_t = 100 + 2t + season', () => {
    const season = [5, -3, 8, -10, 0, 4, -6, 2, 7, -5, 1, -3];
    const series = Array.from({ length: 48 }, (_, t) => 100 + 2 * t + season[t % 12]);
    const m = fit(holtWinters, series, 12);
    m.forecast(12).forEach((v, i) => expect(v).toBeCloseTo(100 + 2 * (48 + i) + season[(48 + i) % 12], 6));
  });

  test('seasonLength 1 is a #VALUE! CalcError', () => {
    const r = holtWinters.fit(SEASONAL_48, { seasonLength: 1 });
    expect(r).toBeInstanceOf(CalcError);
    expect((r as CalcError).code).toBe('#VALUE!');
  });

  test('needs two full seasons: 23 periods with m = 12 is #VALUE!', () => {
    expect(holtWinters.fit(SEASONAL_48.slice(0, 23), { seasonLength: 12 })).toStrictEqual(new CalcError('#VALUE!', 'history requires at least 24 periods'));
    expect(isCalcError(holtWinters.fit(SEASONAL_48.slice(0, 24), { seasonLength: 12 }))).toBe(false);
  });

  test('parameters lie within α, β* ∈ [0.0001, 0.9999] and γ ∈ [0.0001, 0.9999(1 − α)]', () => {
    const flatNoisy = Array.from({ length: 36 }, (_, t) => 50 + ((t * 17) % 11) - 5);
    // A trend plus a fixed season, rounded: the best γ is at its lower bound 0.0001.
    const roundedSeasonal = Array.from({ length: 48 }, (_, t) => Math.round(50 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 12)));
    for (const series of [SEASONAL_48, flatNoisy, roundedSeasonal, RANDOM_WALK.concat(RANDOM_WALK), LUMPY.slice(0, 24)]) {
      const { alpha, beta, gamma, m } = fit(holtWinters, series, 12).params;
      expect(m).toBe(12);
      expect(alpha).toBeGreaterThanOrEqual(0.0001);
      expect(alpha).toBeLessThanOrEqual(0.9999);
      expect(beta).toBeGreaterThanOrEqual(0.0001);
      expect(beta).toBeLessThanOrEqual(0.9999);
      expect(gamma).toBeGreaterThanOrEqual(0.0001);
      expect(gamma).toBeLessThanOrEqual(Math.max(0.0001, 0.9999 * (1 - alpha)) + 1e-15);
    }
  });

  test('σ_h: σ₁ = σ, and over a season it is σ√(1 + (h − 1)(α² + αβh + β²h(2h − 1)/6)) (k = 0)', () => {
    const m = fit(holtWinters, SEASONAL_48, 12);
    const { alpha, beta: betaStar } = m.params;
    const beta = alpha * betaStar;
    expect(m.sd(1)).toBeCloseTo(m.sigma, 12);
    const h = 5;
    expect(m.sd(h)).toBeCloseTo(m.sigma * Math.sqrt(1 + (h - 1) * (alpha * alpha + alpha * beta * h + (beta * beta * h * (2 * h - 1)) / 6)), 10);
  });
});

describe("Croston's method (Croston 1972), classic variant, tsintermittent's naive initialisation", () => {
  test('crostonRun on [0, 3, 0, 0, 6] with α = 0.5, factor 1: hand computation', () => {
    // First demand in period 2: z = 3, p = 2 (its 1-based period). Periods 3, 4, 5 are forecast z/p = 1.5.
    // Period 5 has demand 6, 3 periods after the last: z = 3 + 0.5(6 − 3) = 4.5, p = 2 + 0.5(3 − 2) = 2.5.
    // Forecast 4.5/2.5 = 1.8. SSE = 1.5² + 1.5² + 4.5² = 24.75.
    const r = crostonRun([0, 3, 0, 0, 6], 0.5, 1);
    expect(r.fitted).toEqual([null, null, 1.5, 1.5, 1.5]);
    expect(r.forecast).toBeCloseTo(1.8, 12);
    expect(r.sse).toBeCloseTo(24.75, 12);
  });

  test('crostonRun continued: [0, 3, 0, 0, 6, 2] adds z = 4.5 + 0.5(2 − 4.5) = 3.25, p = 2.5 + 0.5(1 − 2.5) = 1.75', () => {
    const r = crostonRun([0, 3, 0, 0, 6, 2], 0.5, 1);
    expect(r.fitted[5]).toBeCloseTo(1.8, 12);
    expect(r.forecast).toBeCloseTo(3.25 / 1.75, 12);
  });

  test('crostonRun with the SBA factor 1 − α/2 = 0.75: every forecast × 0.75', () => {
    const r = crostonRun([0, 3, 0, 0, 6], 0.5, 0.75);
    expect(r.fitted).toEqual([null, null, 1.125, 1.125, 1.125]);
    expect(r.forecast).toBeCloseTo(1.35, 12);
  });

  test('no demand: every fitted value and the forecast are 0', () => {
    expect(crostonRun([0, 0, 0], 0.3, 1)).toEqual({ fitted: [0, 0, 0], forecast: 0, sse: 0 });
  });

  test('the fitted α minimizes the SSE over [0.01, 0.5]: no worse than a grid of step 0.0005', () => {
    for (const series of [INTERMITTENT, LUMPY]) {
      const { alpha } = fit(croston, series).params;
      expect(alpha).toBeGreaterThanOrEqual(INTERMITTENT_BOUNDS[0]);
      expect(alpha).toBeLessThanOrEqual(INTERMITTENT_BOUNDS[1]);
      let gridMin = Infinity;
      for (let a = 0.01; a <= 0.5 + 1e-12; a += 0.0005) gridMin = Math.min(gridMin, crostonRun(series, a, 1).sse);
      expect(crostonRun(series, alpha, 1).sse).toBeLessThanOrEqual(gridMin * (1 + 1e-9));
    }
  });

  test('forecast h periods ahead is flat and sd(h) = σ', () => {
    const m = fit(croston, INTERMITTENT);
    const r = crostonRun(INTERMITTENT, m.params.alpha, 1);
    expect(m.forecast(3)).toEqual([r.forecast, r.forecast, r.forecast]);
    expect(m.sd(5)).toBe(m.sigma);
    expect(m.interval).toBe('count');
  });
});

describe('SBA (Syntetos & Boylan 2005): Croston × (1 − α/2)', () => {
  test('the forecast is Croston’s recursion at the fitted α times 1 − α/2', () => {
    for (const series of [INTERMITTENT, LUMPY]) {
      const m = fit(sba, series);
      const { alpha } = m.params;
      expect(alpha).toBeGreaterThanOrEqual(0.01);
      expect(alpha).toBeLessThanOrEqual(0.5);
      expect(m.forecast(1)[0]).toBeCloseTo(crostonRun(series, alpha, 1).forecast * (1 - alpha / 2), 12);
    }
  });

  test('a constant series c forecasts c·(1 − α/2), below c', () => {
    const m = fit(sba, new Array(12).fill(8));
    expect(m.forecast(1)[0]).toBeCloseTo(8 * (1 - m.params.alpha / 2), 12);
    expect(m.forecast(1)[0]).toBeLessThan(8);
  });
});

describe('TSB (Teunter, Syntetos & Babai 2011)', () => {
  test('the first fitted value is d₀·z₀: d₀ = share of periods with demand, z₀ = mean non-zero demand', () => {
    // [0, 4, 0, 0, 2, 0, 0, 6]: 3 demands in 8 periods → d₀ = 3/8; z₀ = (4 + 2 + 6)/3 = 4 → ŷ₁ = 1.5
    const m = fit(tsb, [0, 4, 0, 0, 2, 0, 0, 6]);
    expect(m.fitted[0]).toBeCloseTo(1.5, 12);
  });

  test('one and two steps by hand with the fitted α, β: d, z after a zero and after a demand', () => {
    // Period 1 has no demand: d₁ = (1 − β)·d₀, z₁ = z₀ → ŷ₂ = (1 − β)·1.5.
    // Period 2 has demand 4: d₂ = d₁ + β(1 − d₁), z₂ = z₀ + α(4 − z₀) = 4 → ŷ₃ = d₂·4.
    const m = fit(tsb, [0, 4, 0, 0, 2, 0, 0, 6]);
    const { alpha, beta } = m.params;
    const d1 = (1 - beta) * (3 / 8);
    expect(m.fitted[1]).toBeCloseTo(d1 * 4, 12);
    const d2 = d1 + beta * (1 - d1);
    const z2 = 4 + alpha * (4 - 4);
    expect(m.fitted[2]).toBeCloseTo(d2 * z2, 12);
  });

  test('the probability decays during a run of zeros, unlike Croston (obsolescence)', () => {
    const series = [5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const t = fit(tsb, series);
    const c = fit(croston, series);
    expect(t.forecast(1)[0]).toBeLessThan(c.forecast(1)[0]);
    for (let i = 5; i < series.length; i++) expect(t.fitted[i] as number).toBeLessThan(t.fitted[i - 1] as number);
  });

  test('α, β ∈ [0.01, 0.5], and the fit is no worse than a 2-D grid of step 0.005', () => {
    const series = INTERMITTENT;
    const m = fit(tsb, series);
    const { alpha, beta } = m.params;
    for (const p of [alpha, beta]) {
      expect(p).toBeGreaterThanOrEqual(0.01);
      expect(p).toBeLessThanOrEqual(0.5);
    }
    const sizes = series.filter((y) => y > 0);
    const d0 = sizes.length / series.length;
    const z0 = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const tsbSse = (a: number, b: number) => {
      let d = d0;
      let z = z0;
      let s = 0;
      for (const y of series) {
        s += (y - d * z) ** 2;
        if (y > 0) {
          d += b * (1 - d);
          z += a * (y - z);
        } else d *= 1 - b;
      }
      return s;
    };
    let gridMin = Infinity;
    for (let a = 0.01; a <= 0.5 + 1e-12; a += 0.005) for (let b = 0.01; b <= 0.5 + 1e-12; b += 0.005) gridMin = Math.min(gridMin, tsbSse(a, b));
    expect(sse(series, m.fitted)).toBeLessThanOrEqual(gridMin * (1 + 1e-9));
    expect(sse(series, m.fitted)).toBeCloseTo(tsbSse(alpha, beta), 9);
  });
});

describe('ADIDA (Nikolopoulos et al. 2011): aggregation level k = round(ADI), buckets end at the last period', () => {
  // [9, 0, 4, 0, 2, 0, 6]: demands at periods 1, 3, 5, 7 → ADI = 7/4 = 1.75 → k = 2.
  // 7 mod 2 = 1: the oldest period (9) is left out; buckets (0+4), (0+2), (0+6) = [4, 2, 6].
  const series = [9, 0, 4, 0, 2, 0, 6];

  test('k = 2; the bucket totals [4, 2, 6] are smoothed by SES and the forecast is the SES level / k', () => {
    const m = fit(adida, series);
    expect(m.params.k).toBe(2);
    const { alpha, level0 } = fitSes([4, 2, 6]);
    expect(m.params.alpha).toBeCloseTo(alpha, 12);
    const run = sesFilter([4, 2, 6], alpha, level0);
    expect(m.forecast(3)).toEqual([run.level / 2, run.level / 2, run.level / 2]);
    // One-step fitted value of a period: its bucket's SES forecast / k; the dropped period has none.
    expect(m.fitted).toEqual([null, run.fitted[0] / 2, run.fitted[0] / 2, run.fitted[1] / 2, run.fitted[1] / 2, run.fitted[2] / 2, run.fitted[2] / 2]);
  });

  test('the dropped oldest period does not change the forecast (100 instead of 9: same ADI, same buckets)', () => {
    const a = fit(adida, series);
    const b = fit(adida, [100, ...series.slice(1)]);
    expect(b.params.k).toBe(2);
    expect(b.forecast(1)).toEqual(a.forecast(1));
  });

  test('k = round(ADI): demand every 3rd period → k = 3; smooth demand → k = 1 (ADIDA = SES)', () => {
    const every3 = Array.from({ length: 12 }, (_, t) => (t % 3 === 2 ? 6 : 0)); // ADI 12/4 = 3
    expect(fit(adida, every3).params.k).toBe(3);
    // Buckets [0+0+6] × 4 = [6, 6, 6, 6] → a constant level 6 → 2 per period.
    expect(fit(adida, every3).forecast(1)[0]).toBeCloseTo(2, 9);
    const smooth = [5, 7, 6, 8, 7, 6];
    const a = fit(adida, smooth);
    expect(a.params.k).toBe(1);
    expect(a.forecast(1)[0]).toBeCloseTo(fit(ses, smooth).forecast(1)[0], 12);
  });

  test('no demand: forecast 0, k = 1', () => {
    const m = fit(adida, [0, 0, 0, 0]);
    expect(m.forecast(2)).toEqual([0, 0]);
    expect(m.params.k).toBe(1);
  });
});

describe('methodById and parseMethod (methods.ts)', () => {
  test('methodById returns the method; an unknown id is API misuse and throws', () => {
    expect(methodById('tsb')).toBe(tsb);
    expect(() => methodById('nope' as never)).toThrow();
  });

  test.each([
    ['SES', 'ses'],
    ['holt winters', 'holt-winters'],
    ['Holt-Winters', 'holt-winters'],
    ['sba', 'sba'],
    ['  Croston ', 'croston'],
    ['Moving average', 'moving-average'],
    ['ma', 'moving-average'],
    ['snaive', 'seasonal-naive'],
    ['auto', 'auto'],
    ['', 'auto'],
    ['arima', null],
  ])('parseMethod(%p) → %p', (text, id) => {
    expect(parseMethod(text)).toBe(id);
  });
});
