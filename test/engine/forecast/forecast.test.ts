/**
 * forecast(): a named method or the automatic choice by demand class and held-out error (forecast.ts).
 */
import fc from 'fast-check';
import { CalcError, isCalcError } from '../../../src/engine/errors';
import { candidatesFor, forecast, holdOutLength, type ForecastOptions, type ForecastResult } from '../../../src/engine/forecast/forecast';
import type { MethodId } from '../../../src/engine/forecast/types';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

function run(history: readonly number[], options: ForecastOptions): ForecastResult {
  const r = forecast(history, options);
  if (isCalcError(r)) throw new Error(r.toString());
  return r;
}

const SMOOTH: MethodId[] = ['ses', 'holt-damped', 'holt-winters', 'seasonal-naive', 'moving-average'];
const INTERMITTENT_FAMILY: MethodId[] = ['sba', 'croston', 'tsb', 'adida', 'ses'];

/** 48 months of smooth seasonal demand with a mild trend and deterministic noise. */
const SEASONAL_48 = Array.from({ length: 48 }, (_, t) => Math.round(80 + 0.4 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 13) % 7) - 3));
/** Demand about one month in three, sizes 3–5: ADI ≈ 2.9, CV² small → intermittent. */
const INTERMITTENT = [0, 3, 0, 0, 4, 0, 0, 0, 3, 0, 0, 5, 0, 0, 4, 0, 0, 0, 3, 0, 4, 0, 0, 5, 0, 0, 0, 4, 0, 3];

function expectOrdered(r: ForecastResult) {
  for (let i = 0; i < r.forecast.length; i++) {
    expect(r.lower[i]).toBeLessThanOrEqual(r.forecast[i]);
    expect(r.forecast[i]).toBeLessThanOrEqual(r.upper[i]);
  }
}

describe('forecast(): input checks', () => {
  test.each([0, -1, 1.5, Number.NaN, Infinity, '3' as unknown as number])('horizon %p is #VALUE!', (horizon) => {
    expect(forecast([1, 2, 3], { horizon })).toStrictEqual(valueErr('horizon must be a whole number of at least 1'));
  });

  test('a season length that is not a whole number ≥ 1 is #VALUE!', () => {
    expect(forecast([1, 2, 3], { horizon: 1, seasonLength: 0 })).toStrictEqual(valueErr('seasonLength must be a whole number of at least 1'));
    expect(forecast([1, 2, 3], { horizon: 1, seasonLength: 2.5 })).toStrictEqual(valueErr('seasonLength must be a whole number of at least 1'));
  });

  test('an empty history, and bad values named by their 1-based period', () => {
    expect(forecast([], { horizon: 3 })).toStrictEqual(valueErr('history requires at least 1 period'));
    expect(forecast([1, -2, 3], { horizon: 3 })).toStrictEqual(valueErr('history[2] must not be negative'));
    expect(forecast([1, 2, Number.NaN], { horizon: 3 })).toStrictEqual(valueErr('history[3] must be a number'));
    expect(forecast(['abc' as unknown as number], { horizon: 3 })).toStrictEqual(valueErr('history[1] must be a number'));
  });

  test('a level outside (0, 1) is #VALUE!', () => {
    expect(forecast([1, 2, 3], { horizon: 2, level: 1 })).toStrictEqual(valueErr('level must be between 0 and 1, exclusive'));
  });

  test('too short a history for a named method is #VALUE! naming the periods it needs', () => {
    expect(forecast(SEASONAL_48.slice(0, 20), { horizon: 6, method: 'holt-winters', seasonLength: 12 })).toStrictEqual(
      valueErr('Holt-Winters additive history requires at least 24 periods'),
    );
    expect(forecast([4, 5], { horizon: 1, method: 'holt-damped' })).toStrictEqual(valueErr('Holt damped trend history requires at least 3 periods'));
    expect(forecast(SEASONAL_48.slice(0, 11), { horizon: 1, method: 'seasonal-naive', seasonLength: 12 })).toStrictEqual(
      valueErr('Seasonal naive history requires at least 12 periods'),
    );
  });

  test('does not mutate the history', () => {
    const history = Object.freeze([...INTERMITTENT]);
    run(history, { horizon: 6 });
    expect(history).toEqual(INTERMITTENT);
  });
});

describe('forecast(): automatic choice', () => {
  test('an all-zero history: no demand class, the naive method, zeros with a [0, 0] interval', () => {
    const r = run(new Array(24).fill(0), { horizon: 6 });
    expect(r.demandClass).toBeNull();
    expect(r.method).toBe('naive');
    expect(r.forecast).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.lower).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.upper).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.candidates).toEqual([{ method: 'naive', heldOutMse: 0 }]);
  });

  test('a clearly intermittent history: demand class intermittent or lumpy, an intermittent-family method', () => {
    const r = run(INTERMITTENT, { horizon: 6 });
    expect(['intermittent', 'lumpy']).toContain(r.demandClass);
    expect(INTERMITTENT_FAMILY).toContain(r.method);
    expect(r.candidates.map((c) => c.method)).toEqual(candidatesFor(r.demandClass, 1));
    expectOrdered(r);
    if (r.method !== 'ses') {
      // The intermittent methods give count intervals: whole units.
      for (const v of [...r.lower, ...r.upper]) expect(Number.isInteger(v)).toBe(true);
    }
  });

  test('a smooth seasonal 48-month history with m = 12: a smooth candidate, finite held-out MASE over 12 months', () => {
    const r = run(SEASONAL_48, { horizon: 12, seasonLength: 12 });
    expect(r.demandClass).toBe('smooth');
    expect(SMOOTH).toContain(r.method);
    expect(r.heldOut).not.toBeNull();
    expect(r.heldOut?.periods).toBe(12); // min(max(12, 12), ⌊48/3⌋ = 16)
    expect(Number.isFinite(r.heldOut?.mase as number)).toBe(true);
    expect(Number.isFinite(r.heldOut?.rmsse as number)).toBe(true);
    expectOrdered(r);
  });

  test('every candidate of the class has a held-out MSE, and the chosen one has the smallest', () => {
    const r = run(SEASONAL_48, { horizon: 12, seasonLength: 12 });
    expect(r.candidates.map((c) => c.method)).toEqual(SMOOTH);
    for (const c of r.candidates) {
      expect(typeof c.heldOutMse).toBe('number');
      expect(c.heldOutMse as number).toBeGreaterThanOrEqual(0);
    }
    const best = Math.min(...r.candidates.map((c) => c.heldOutMse as number));
    expect(r.candidates.find((c) => c.method === r.method)?.heldOutMse).toBe(best);
  });

  test('without a season (m = 1) Holt-Winters and seasonal naive are not candidates', () => {
    const r = run(SEASONAL_48, { horizon: 6 });
    expect(r.candidates.map((c) => c.method)).toEqual(['ses', 'holt-damped', 'moving-average']);
  });

  test('candidates that need more periods than the training part sit out with a null MSE', () => {
    // 30 periods, m = 12: hold out min(max(6, 12), 10) = 10, train on 20 < 24 that Holt-Winters needs.
    const history = SEASONAL_48.slice(0, 30);
    expect(holdOutLength(30, 6, 12)).toBe(10);
    const r = run(history, { horizon: 6, seasonLength: 12 });
    expect(r.candidates.find((c) => c.method === 'holt-winters')?.heldOutMse).toBeNull();
    expect(r.method).not.toBe('holt-winters');
  });

  test('a single period: no hold-out, the class’s first candidate, no held-out accuracy', () => {
    const r = run([4], { horizon: 3 });
    expect(r.demandClass).toBe('smooth');
    expect(r.method).toBe('ses');
    expect(r.heldOut).toBeNull();
    expect(r.forecast).toEqual([4, 4, 4]);
    expect(r.candidates.every((c) => c.heldOutMse === null)).toBe(true);
  });
});

describe('forecast(): a named method', () => {
  test('is honored even when another class would be chosen, with no candidates listed', () => {
    const r = run(SEASONAL_48, { horizon: 4, method: 'croston' });
    expect(r.method).toBe('croston');
    expect(r.candidates).toEqual([]);
    expect(r.demandClass).toBe('smooth');
  });

  test('naive on [4, 7, 5]: forecast 5, sd σ√h, interval 5 ± 1.96·σ√h floored at 0, level 0.95', () => {
    const r = run([4, 7, 5], { horizon: 2, method: 'naive' });
    const sigma = Math.sqrt(6.5);
    expect(r.forecast).toEqual([5, 5]);
    expect(r.sigma).toBeCloseTo(sigma, 12);
    expect(r.sd[0]).toBeCloseTo(sigma, 12);
    expect(r.sd[1]).toBeCloseTo(sigma * Math.SQRT2, 12);
    expect(r.level).toBe(0.95);
    expect(r.upper[1]).toBeCloseTo(5 + 1.959963984540054 * sigma * Math.SQRT2, 9);
    expect(r.lower[1]).toBe(0);
  });

  test('the result has the horizon’s length everywhere', () => {
    const r = run(INTERMITTENT, { horizon: 9, method: 'tsb' });
    for (const a of [r.forecast, r.lower, r.upper, r.sd]) expect(a).toHaveLength(9);
  });
});

describe('forecast(): property over random demand histories', () => {
  // Non-negative whole-number histories of 1–60 periods, values 0–20 with many zeros; horizons 1–18;
  // season length 1, 4 or 12; any method or 'auto'.
  const value = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }) });
  const methods: (MethodId | 'auto')[] = ['auto', 'auto', 'auto', 'naive', 'seasonal-naive', 'moving-average', 'ses', 'holt-damped', 'holt-winters', 'croston', 'sba', 'tsb', 'adida'];

  test('never throws; finite non-negative arrays of the horizon’s length; lower ≤ forecast ≤ upper', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 18 }),
        fc.constantFrom(1, 4, 12),
        fc.constantFrom(...methods),
        (history, horizon, seasonLength, method) => {
          const r = forecast(history, { horizon, seasonLength, method });
          if (isCalcError(r)) {
            // Only a named method may refuse: too short a history, or Holt-Winters without a season.
            expect(method).not.toBe('auto');
            expect(r.code).toBe('#VALUE!');
            return;
          }
          for (const a of [r.forecast, r.lower, r.upper, r.sd]) {
            expect(a).toHaveLength(horizon);
            for (const v of a) {
              expect(Number.isFinite(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          expectOrdered(r);
          expect(Number.isFinite(r.sigma)).toBe(true);
          if (r.heldOut) {
            if (r.heldOut.mase !== null) expect(Number.isFinite(r.heldOut.mase)).toBe(true);
            expect(Number.isFinite(r.heldOut.bias)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
