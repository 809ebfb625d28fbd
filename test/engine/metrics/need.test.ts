import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { needQty } from '../../../src/engine/metrics/need';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('needQty = max(0, v × safetyDays − available − inbound) (docs/FORMULAS.md, need)', () => {
  test('hand-computed: 3/day × 30 days = 90, minus 40 available and 20 inbound → 30', () => {
    expect(needQty(3, 30, 40, 20)).toBe(30);
  });

  test('inbound is counted (the original dashboard would have said 90 − 40 = 50)', () => {
    expect(needQty(3, 30, 40, 0)).toBe(50);
    expect(needQty(3, 30, 40, 50)).toBe(0);
  });

  test('covered positions need nothing: 2·30 − 100 − 0 < 0 → 0', () => {
    expect(needQty(2, 30, 100, 0)).toBe(0);
  });

  test('zero velocity needs nothing', () => {
    expect(needQty(0, 30, 0, 0)).toBe(0);
  });

  test('empty stock needs the whole cover: 1·30 = 30', () => {
    expect(needQty(1, 30, 0, 0)).toBe(30);
  });

  test('negative inputs are #VALUE!', () => {
    expect(needQty(-1, 30, 0, 0)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(needQty(1, -30, 0, 0)).toStrictEqual(valueErr('safetyDays must not be negative'));
    expect(needQty(1, 30, -1, 0)).toStrictEqual(valueErr('available must not be negative'));
    expect(needQty(1, 30, 0, -1)).toStrictEqual(valueErr('inbound must not be negative'));
  });

  test('NaN and Infinity are #VALUE!', () => {
    expect(needQty(Number.NaN, 30, 0, 0)).toStrictEqual(valueErr('velocity must be a number'));
    expect(needQty(1, 30, 0, Infinity)).toStrictEqual(valueErr('inbound must be a finite number'));
  });

  test('property: 0 ≤ needQty ≤ v × safetyDays', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 365, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (v, days, available, inbound) => {
          const q = needQty(v, days, available, inbound) as number;
          return q >= 0 && q <= v * days;
        },
      ),
    );
  });
});
