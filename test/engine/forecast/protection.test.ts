/**
 * Demand over a protection interval (src/engine/forecast/protection.ts). Expected values are hand
 * computations from the formulas in its doc comment, on a model stub whose forecasts, spreads and
 * one-step errors are chosen to make the arithmetic visible.
 */
import { protectionDemand, protectionLevel } from '../../../src/engine/forecast/protection';
import { countQuantile } from '../../../src/engine/forecast/intervals';
import type { Fitted } from '../../../src/engine/forecast/types';
import { inverseNormal } from '../../../src/engine/metrics/inverse-normal';

function stub(interval: Fitted['interval'], sigma: number, fitted: (number | null)[]): Fitted {
  return { method: 'ses', params: {}, fitted, sigma, interval, forecast: (h) => new Array(h).fill(2), sd: (h) => sigma * Math.sqrt(h) };
}

test('mean = sum of the forecasts; variance = Σ σ_h² when the errors are uncorrelated', () => {
  // One-step errors y − ŷ: +1, −1, +1, −1 (alternating): 2-period sums are 0, so the empirical term is 0
  // and the analytic one wins: σ² (1 + 2) = 3 with σ = 1 and σ_h = √h.
  const series = [3, 1, 3, 1];
  const model = stub('normal', 1, [2, 2, 2, 2]);
  const d = protectionDemand(model, series, [2, 2, 2], 2);
  expect(d.mean).toBe(4);
  expect(d.variance).toBeCloseTo(3, 12);
  expect(d.periods).toBe(2);
  // Normal family: 4 + z(0.95) × √3.
  expect(protectionLevel(d, 0.95)).toBeCloseTo(4 + 1.6448536269514722 * Math.sqrt(3), 12);
});

test('correlated errors: the empirical mean square of 2-period error sums wins', () => {
  // Errors +2, +2, −2, −2, +2, +2 (ŷ = 2): 2-period sums 4, 0, −4, 0, 4 → mean square 48 / 5 = 9.6,
  // larger than the analytic σ² (1 + 2) with σ = 1.
  const series = [4, 4, 0, 0, 4, 4];
  const model = stub('normal', 1, [2, 2, 2, 2, 2, 2]);
  expect(protectionDemand(model, series, [2, 2], 2).variance).toBeCloseTo(9.6, 12);
});

test('periods without a one-step forecast are skipped; too few errors leave only the analytic term', () => {
  const model = stub('normal', 1, [null, null, 2]);
  expect(protectionDemand(model, [0, 5, 3], [2, 2], 2).variance).toBeCloseTo(3, 12);
});

test('count family: the stock level is the count quantile of the interval demand', () => {
  const series = [0, 3, 0, 0, 3, 0];
  const model = stub('count', 1.5, [1, 1, 1, 1, 1, 1]);
  const d = protectionDemand(model, series, [1, 1], 2);
  expect(d.family).toBe('count');
  expect(protectionLevel(d, 0.95)).toBe(countQuantile(d.mean, d.variance, 0.95));
});

test('the horizon is capped by the forecasts given; service level outside (0, 1) is #VALUE!', () => {
  const model = stub('normal', 1, [2, 2]);
  expect(protectionDemand(model, [2, 2], [2], 3).periods).toBe(1);
  const d = protectionDemand(model, [2, 2], [2, 2], 2);
  expect(protectionLevel(d, 1)).toMatchObject({ code: '#VALUE!' });
  expect(protectionLevel(d, 0)).toMatchObject({ code: '#VALUE!' });
  expect(inverseNormal(0.5)).toBe(0);
  // A level of 0.5 stocks exactly the mean (normal family).
  expect(protectionLevel(d, 0.5)).toBeCloseTo(d.mean, 12);
});
