import { CalcError } from '../../../src/engine/errors';
import { movement } from '../../../src/engine/metrics/movement';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

// Defaults from docs/FORMULAS.md settings: safetyDays 30, excessDays 90.
describe('movement: Dead / Fast (DOI ≤ safetyDays) / Moving (DOI ≤ excessDays) / Slow (docs/FORMULAS.md, Classes)', () => {
  test('hand-computed: velocity 10/day, DOI 20 ≤ 30 → Fast', () => {
    expect(movement(10, 20, 30, 90)).toBe('Fast');
  });

  test('boundaries are inclusive: DOI 30 → Fast, 30.5 → Moving, 90 → Moving, 90.01 → Slow', () => {
    expect(movement(10, 30, 30, 90)).toBe('Fast');
    expect(movement(10, 30.5, 30, 90)).toBe('Moving');
    expect(movement(10, 90, 30, 90)).toBe('Moving');
    expect(movement(10, 90.01, 30, 90)).toBe('Slow');
  });

  test('DOI +∞ is Slow when the velocity is above 0', () => {
    expect(movement(10, Infinity, 30, 90)).toBe('Slow');
  });

  test('velocity 0 (nothing sold) is Dead whatever the DOI (stock with no sales, or empty stock)', () => {
    expect(movement(0, Infinity, 30, 90)).toBe('Dead');
    expect(movement(0, 0, 30, 90)).toBe('Dead');
  });

  test('empty stock that sells (DOI 0) is Fast', () => {
    expect(movement(10, 0, 30, 90)).toBe('Fast');
  });

  test('negative, NaN and −∞ inputs are #VALUE!', () => {
    expect(movement(-1, 20, 30, 90)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(movement(1, -20, 30, 90)).toStrictEqual(valueErr('doi must not be negative'));
    expect(movement(1, Number.NaN, 30, 90)).toStrictEqual(valueErr('doi must be a number'));
    expect(movement(1, -Infinity, 30, 90)).toStrictEqual(valueErr('doi must be a finite number'));
    expect(movement(1, 20, -30, 90)).toStrictEqual(valueErr('safetyDays must not be negative'));
    expect(movement(1, 20, 30, Infinity)).toStrictEqual(valueErr('excessDays must be a finite number'));
  });
});
