import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { excessQty, isDead } from '../../../src/engine/metrics/excess';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('excessQty = max(0, available − v × excessDays) (docs/FORMULAS.md, Excess)', () => {
  test('hand-computed: 500 units at 2/day with 90 days of cover → 500 − 2·90 = 320', () => {
    expect(excessQty(500, 2, 90)).toBe(320);
  });

  test('stock within the cover is not excess: 100 − 2·90 = −80 → 0', () => {
    expect(excessQty(100, 2, 90)).toBe(0);
  });

  test('exactly at the cover: 180 − 2·90 = 0', () => {
    expect(excessQty(180, 2, 90)).toBe(0);
  });

  test('zero velocity: every available unit is excess', () => {
    expect(excessQty(50, 0, 90)).toBe(50);
  });

  test('empty stock has no excess', () => {
    expect(excessQty(0, 3, 90)).toBe(0);
    expect(excessQty(0, 0, 90)).toBe(0);
  });

  test('negative inputs are #VALUE!', () => {
    expect(excessQty(-1, 2, 90)).toStrictEqual(valueErr('available must not be negative'));
    expect(excessQty(10, -2, 90)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(excessQty(10, 2, -90)).toStrictEqual(valueErr('excessDays must not be negative'));
  });

  test('NaN and Infinity are #VALUE!', () => {
    expect(excessQty(10, Number.NaN, 90)).toStrictEqual(valueErr('velocity must be a number'));
    expect(excessQty(Infinity, 2, 90)).toStrictEqual(valueErr('available must be a finite number'));
    expect(excessQty(10, 2, Infinity)).toStrictEqual(valueErr('excessDays must be a finite number'));
  });

  test('property: 0 ≤ excessQty ≤ available', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (available, v, days) => {
          const q = excessQty(available, v, days) as number;
          return q >= 0 && q <= available;
        },
      ),
    );
  });
});

describe('isDead: sold = 0 and available > 0 (docs/FORMULAS.md, Excess)', () => {
  test('nothing sold with stock on hand is dead', () => {
    expect(isDead(0, 5)).toBe(true);
  });

  test('no stock is not dead, whatever was sold', () => {
    expect(isDead(0, 0)).toBe(false);
  });

  test('any sale means not dead', () => {
    expect(isDead(1, 500)).toBe(false);
  });

  test('NaN is not dead', () => {
    expect(isDead(Number.NaN, 5)).toBe(false);
    expect(isDead(0, Number.NaN)).toBe(false);
  });
});
