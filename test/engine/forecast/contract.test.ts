/**
 * One contract test over every forecasting method (docs/STYLE.md 7, as statsforecast's tests/test_models.py
 * checks the same invariants on every model). Each method in METHODS is fitted to the same demand
 * series, with seasonLength 12 and 1, and must keep the `ForecastMethod` / `Fitted` contract of
 * src/engine/forecast/types.ts.
 */
import { CalcError, isCalcError } from '../../../src/engine/errors';
import { METHODS } from '../../../src/engine/forecast/methods';
import type { Fitted, ForecastMethod } from '../../../src/engine/forecast/types';

/** Monthly demand series the contract is checked on (oldest first). */
const SERIES: Record<string, readonly number[]> = {
  'constant 5 × 30': new Array(30).fill(5),
  'all zeros × 30': new Array(30).fill(0),
  'a single period [3]': [3],
  'short intermittent (8)': [0, 2, 0, 0, 3, 0, 1, 0],
  'smooth seasonal (36 months)': Array.from({ length: 36 }, (_, t) => Math.round(50 + 20 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5) - 2)),
  'lumpy (30)': [0, 0, 12, 0, 0, 0, 1, 0, 25, 0, 0, 3, 0, 0, 0, 0, 40, 0, 2, 0, 0, 0, 0, 15, 0, 0, 1, 0, 0, 30],
  'rising trend 10 + 3t (30)': Array.from({ length: 30 }, (_, t) => 10 + 3 * t),
  'falling trend 60 − 3t (20)': Array.from({ length: 20 }, (_, t) => 60 - 3 * t),
};

const SEASON_LENGTHS = [12, 1] as const;
const HORIZONS = [1, 12, 24] as const;

/** A CalcError is allowed only when the method cannot fit: too short a series, or Holt-Winters without a season. */
function mustFail(method: ForecastMethod, series: readonly number[], m: number): boolean {
  return series.length < method.minLength(m) || (method.id === 'holt-winters' && m < 2);
}

function fitOk(method: ForecastMethod, series: readonly number[], m: number): Fitted {
  const fit = method.fit(series, { seasonLength: m });
  if (isCalcError(fit)) throw new Error(`${method.id} failed on a series it must fit: ${fit.toString()}`);
  return fit;
}

/**
 * The flat forecast a method gives a constant series c: c for every method except SBA, whose forecast is
 * Croston's times the Syntetos–Boylan factor (1 − α/2), with α the fitted smoothing constant.
 */
function constantForecast(model: Fitted, c: number): number {
  return model.method === 'sba' ? c * (1 - model.params.alpha / 2) : c;
}

const cases = Object.entries(SERIES).flatMap(([name, series]) => SEASON_LENGTHS.map((m) => [name, m, series] as const));
const methods = METHODS.map((method) => [method.id, method] as const);

describe.each(methods)('%s keeps the forecasting contract (types.ts)', (_id, method) => {
  it.each(cases)('%s, seasonLength %i: a CalcError only when it cannot fit, otherwise a model that keeps the contract', (_name, m, series) => {
    const fit = method.fit(series, { seasonLength: m });
    if (mustFail(method, series, m)) {
      expect(fit).toBeInstanceOf(CalcError);
      expect((fit as CalcError).code).toBe('#VALUE!');
      return;
    }
    expect(isCalcError(fit)).toBe(false);
    const model = fit as Fitted;
    expect(model.method).toBe(method.id);
    expect(['normal', 'count']).toContain(model.interval);
    for (const h of HORIZONS) {
      const f = model.forecast(h);
      expect(f).toHaveLength(h);
      for (const v of f) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      const sd = model.sd(h);
      expect(Number.isFinite(sd)).toBe(true);
      expect(sd).toBeGreaterThanOrEqual(0);
    }
    expect(model.fitted).toHaveLength(series.length);
    for (const v of model.fitted) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(model.sigma)).toBe(true);
    expect(model.sigma).toBeGreaterThanOrEqual(0);
    for (const p of Object.values(model.params)) expect(Number.isFinite(p)).toBe(true);
  });

  it('minLength is a whole number ≥ 1 for seasonLength 1 and 12', () => {
    for (const m of SEASON_LENGTHS) {
      expect(Number.isInteger(method.minLength(m))).toBe(true);
      expect(method.minLength(m)).toBeGreaterThanOrEqual(1);
    }
  });

  // SBA's forecast of a constant c is c·(1 − α/2), the Syntetos–Boylan correction, not c (constantForecast).
  it.each([
    [5, 30],
    [0.5, 26],
    [3, 1],
  ])('a constant series %d × %i forecasts the constant (SBA: c·(1 − α/2)) for every horizon', (c, n) => {
    const series = new Array<number>(n).fill(c);
    for (const m of SEASON_LENGTHS) {
      if (mustFail(method, series, m)) continue;
      const model = fitOk(method, series, m);
      const expected = constantForecast(model, c);
      for (const v of model.forecast(24)) expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-6 * c);
    }
  });

  it('an all-zero series forecasts 0 for every horizon', () => {
    for (const m of SEASON_LENGTHS) {
      const series = new Array<number>(30).fill(0);
      if (mustFail(method, series, m)) continue;
      const model = fitOk(method, series, m);
      expect(model.forecast(24)).toEqual(new Array(24).fill(0));
    }
  });

  it('does not mutate its input (the series is frozen)', () => {
    for (const [, series] of Object.entries(SERIES)) {
      const copy = [...series];
      const frozen = Object.freeze([...series]);
      for (const m of SEASON_LENGTHS) {
        const fit = method.fit(frozen, { seasonLength: m });
        if (!isCalcError(fit)) fit.forecast(12);
      }
      expect(frozen).toEqual(copy);
    }
  });

  // Positions are 1-based, as a user counts periods in the sheet: the 8th value is history[8].
  it.each([
    [-1, 'history[8] must not be negative'],
    [Number.NaN, 'history[8] must be a number'],
    [Infinity, 'history[8] must be a finite number'],
    [-Infinity, 'history[8] must be a finite number'],
    ['abc', 'history[8] must be a number'],
  ])('a bad value (%p) in period 8 is #VALUE! "%s"', (bad, message) => {
    const series: number[] = new Array(30).fill(4);
    series[7] = bad as number;
    const fit = method.fit(series, { seasonLength: 12 });
    expect(fit).toStrictEqual(new CalcError('#VALUE!', message));
  });

  it('an empty series is a #VALUE! CalcError for seasonLength 1 and 12', () => {
    for (const m of SEASON_LENGTHS) {
      const fit = method.fit([], { seasonLength: m });
      expect(fit).toBeInstanceOf(CalcError);
      expect((fit as CalcError).code).toBe('#VALUE!');
    }
  });
});

describe('the METHODS registry', () => {
  it('holds the ten methods of docs/FORMULAS.md, each once', () => {
    expect(METHODS.map((m) => m.id).sort()).toEqual(['adida', 'croston', 'holt-damped', 'holt-winters', 'moving-average', 'naive', 'sba', 'seasonal-naive', 'ses', 'tsb']);
  });

  it('smoothing methods use normal intervals, intermittent methods count intervals', () => {
    const series = SERIES['smooth seasonal (36 months)'];
    const kinds = Object.fromEntries(METHODS.map((m) => [m.id, fitOk(m, series, 12).interval]));
    expect(kinds).toEqual({
      'naive': 'normal',
      'seasonal-naive': 'normal',
      'moving-average': 'normal',
      'ses': 'normal',
      'holt-damped': 'normal',
      'holt-winters': 'normal',
      'croston': 'count',
      'sba': 'count',
      'tsb': 'count',
      'adida': 'count',
    });
  });
});
