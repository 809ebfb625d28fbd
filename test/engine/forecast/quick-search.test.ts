/**
 * The shortcuts of the searches: minimize1d's valley at a bound (brent.ts), minimizeWithGradient's quick
 * mode (quasi-newton.ts) and the automatic choice's candidate fits through FIT_SCORED (methods.ts).
 */
import { isCalcError } from '../../../src/engine/errors';
import { minimize1d } from '../../../src/engine/forecast/brent';
import { forecast } from '../../../src/engine/forecast/forecast';
import { fitHoltDamped } from '../../../src/engine/forecast/holt-damped';
import { FIT_CHECKED, FIT_SCORED, METHOD_IDS } from '../../../src/engine/forecast/methods';
import { minimizeWithGradient } from '../../../src/engine/forecast/quasi-newton';
import { withGradient } from '../../helpers/gradient';


describe('minimize1d: a valley at a bound', () => {
  test('rising from the bound: the bound itself, from the grid and one evaluation next to it', () => {
    const r = minimize1d((x) => (x + 5) ** 2, 0.01, 0.5);
    expect(r.x).toBe(0.01);
    expect(r.value).toBe(5.01 ** 2);
    // 11 grid points and the one next to the bound (Brent's method would take about 20 more).
    expect(r.evaluations).toBe(12);
  });

  test('falling from the bound into its cell: Brent refines the cell as before', () => {
    // Grid points 0.0001 and 0.005099: the lower bound is the lowest, but the minimum is at 0.002.
    const r = minimize1d((x) => (x - 0.002) ** 2, 0.0001, 0.5);
    expect(r.x).toBeCloseTo(0.002, 8);
  });

  test('flat next to the bound (a rise within rounding): Brent runs', () => {
    const r = minimize1d(() => 1, 0, 1);
    expect(r.x).toBe(0);
    expect(r.value).toBe(1);
    expect(r.evaluations).toBeGreaterThan(12);
  });
});

describe('minimizeWithGradient: quick mode', () => {
  // In x: a local minimum 0.05 at 0.8 and the global one 0 at the bound 0; y is a plain bowl.
  const f = ([x, y]: readonly number[]) => Math.min(0.05 + (x - 0.8) ** 2, 2 * x) + (y - 0.5) ** 2;
  const grad = ([x, y]: readonly number[]) => [0.05 + (x - 0.8) ** 2 < 2 * x ? 2 * (x - 0.8) : 2, 2 * (y - 0.5)];
  const box = { lower: [0, 0], upper: [1, 1] };

  test('a lattice point below the end of the first descent is still descended from: the same result', () => {
    const full = minimizeWithGradient(withGradient(f, grad), box, [0.75, 0.5]);
    const quick = minimizeWithGradient(withGradient(f, grad), box, [0.75, 0.5], undefined, false, true);
    expect(quick).toEqual(full);
    expect(quick.x[0]).toBe(0);
  });

  test('a bowl off the lattice: the lattice, above the end of the first descent, is not descended from', () => {
    const bowl = ([x, y]: readonly number[]) => (x - 0.1) ** 2 + (y - 0.3) ** 2;
    const bowlGrad = ([x, y]: readonly number[]) => [2 * (x - 0.1), 2 * (y - 0.3)];
    const full = minimizeWithGradient(withGradient(bowl, bowlGrad), box, [0.6, 0.6]);
    const quick = minimizeWithGradient(withGradient(bowl, bowlGrad), box, [0.6, 0.6], undefined, false, true);
    expect(quick.x).toEqual(full.x);
    expect(quick.value).toBe(full.value);
    expect(quick.evaluations).toBeLessThan(full.evaluations);
  });
});

describe('FIT_SCORED: the fits that score the automatic choice', () => {
  const SERIES = [
    Array.from({ length: 16 }, (_, t) => 10 + 3 * t + (t % 3)),
    [10, 14, 9, 20, 25, 18, 30, 41, 35, 50, 44, 60, 55, 70, 66, 80],
    Array.from({ length: 24 }, (_, t) => Math.round(50 + 20 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5) - 2)),
  ];

  test('every method but Holt damped fits as FIT_CHECKED', () => {
    for (const id of METHOD_IDS) if (id !== 'holt-damped') expect(FIT_SCORED[id]).toBe(FIT_CHECKED[id]);
  });

  test.each(SERIES.map((s, i) => [i, s] as const))('Holt damped, series %i: the quick fit is never closer in-sample than the full one', (_i, y) => {
    const quick = fitHoltDamped(y, true);
    const full = fitHoltDamped(y);
    // The full search keeps the lower end of two descents; the quick one skips the second when it starts higher.
    expect(quick.sigma).toBeGreaterThanOrEqual(full.sigma * (1 - 1e-12));
    expect(Object.keys(quick.params)).toEqual(['alpha', 'beta', 'phi']);
  });

  test('the winner is refitted in full: a Holt damped forecast is the full fit on the whole history', () => {
    // A steady trend: Holt damped wins the hold-out by far (held-out MSE about 8 against 449 for SES).
    const history = Array.from({ length: 24 }, (_, t) => 20 + 4 * t + ((t * 5) % 3));
    const r = forecast(history, { horizon: 3, seasonLength: 12 });
    if (isCalcError(r)) throw new Error(r.message);
    expect(r.method).toBe('holt-damped');
    const full = fitHoltDamped(history);
    expect(r.params).toEqual(full.params);
    expect(r.forecast).toEqual(full.forecast(3));
  });
});
