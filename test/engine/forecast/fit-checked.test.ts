/**
 * forecast() fits its candidates through FIT_CHECKED (methods.ts): each method's fit without the input
 * checks, for a history checked once. It must give what `fit` gives; and the fits the searches of
 * brent.ts and quasi-newton.ts find must be the SSE minimum the methods document.
 */
import { isCalcError } from '../../../src/engine/errors';
import { holtDamped, initialTrend } from '../../../src/engine/forecast/holt-damped';
import { FIT_CHECKED, METHODS } from '../../../src/engine/forecast/methods';
import type { Fitted } from '../../../src/engine/forecast/types';

const SERIES: Record<string, readonly number[]> = {
  'smooth seasonal (30)': Array.from({ length: 30 }, (_, t) => Math.round(50 + 20 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5) - 2)),
  'lumpy (30)': [0, 0, 12, 0, 0, 0, 1, 0, 25, 0, 0, 3, 0, 0, 0, 0, 40, 0, 2, 0, 0, 0, 0, 15, 0, 0, 1, 0, 0, 30],
  'all zeros (24)': new Array(24).fill(0),
  'rising (16)': Array.from({ length: 16 }, (_, t) => 10 + 3 * t + (t % 3)),
  'a single period': [7],
};

function summary(m: Fitted, n: number) {
  return { method: m.method, params: m.params, sigma: m.sigma, interval: m.interval, fitted: [...m.fitted], forecast: m.forecast(5), sd: [1, 2, 5].map((h) => m.sd(h)), n };
}

describe.each(Object.entries(SERIES))('FIT_CHECKED on %s gives the same model as fit', (_name, series) => {
  test.each(METHODS.map((m) => [m.id, m] as const))('%s', (id, method) => {
    for (const m of [1, 12]) {
      const viaFit = method.fit(series, { seasonLength: m });
      if (isCalcError(viaFit)) continue; // too short for the method: forecast() never asks FIT_CHECKED then
      const checked = FIT_CHECKED[id](series, m);
      if (isCalcError(checked)) throw new Error(`${id}: ${checked.message}`);
      expect(summary(checked, series.length)).toEqual(summary(viaFit, series.length));
    }
  });
});

describe('Holt damped: the quasi-Newton fit is the SSE minimum', () => {
  /** SSE of the damped-trend recursion (holt-damped.ts run) from the initial level and trend. */
  function sse(y: readonly number[], a: number, b: number, p: number): number {
    const init = initialTrend(y, 10);
    let level = init.level;
    let trend = init.trend;
    let s = 0;
    for (const v of y) {
      const f = level + p * trend;
      s += (v - f) ** 2;
      const next = a * v + (1 - a) * f;
      trend = b * (next - level) + (1 - b) * p * trend;
      level = next;
    }
    return s;
  }

  test.each([
    ['a noisy random walk', [10, 14, 9, 20, 25, 18, 30, 41, 35, 50, 44, 60, 55, 70, 66, 80]],
    ['smooth seasonal', SERIES['smooth seasonal (30)']],
    ['rising', SERIES['rising (16)']],
  ])('%s: no worse than a grid of 40 × 40 × 10 points over α, β* ∈ [0.0001, 0.9999], φ ∈ [0.8, 0.98]', (_name, y) => {
    const m = holtDamped.fit(y, { seasonLength: 1 });
    if (isCalcError(m)) throw new Error(m.message);
    let gridMin = Infinity;
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++)
        for (let k = 0; k < 10; k++) gridMin = Math.min(gridMin, sse(y, 0.0001 + (0.9998 * i) / 39, 0.0001 + (0.9998 * j) / 39, 0.8 + (0.18 * k) / 9));
    const { alpha, beta, phi } = m.params;
    expect(sse(y, alpha, beta, phi)).toBeLessThanOrEqual(gridMin * (1 + 1e-9));
    expect(m.sigma).toBeCloseTo(Math.sqrt(sse(y, alpha, beta, phi) / y.length), 9);
  });
});
