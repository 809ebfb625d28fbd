import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { sellThrough } from '../../../src/engine/metrics/sell-through';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('sell-through STR = sold / (available + sold) (docs/FORMULAS.md, Money)', () => {
  test('hand-computed: 30 sold, 70 left → 30 / 100 = 0.3', () => {
    expect(sellThrough(30, 70)).toBeCloseTo(0.3, 12);
  });

  test('blank when both are 0', () => {
    expect(sellThrough(0, 0)).toBeNull();
  });

  test('nothing sold → 0; everything sold (empty stock) → 1', () => {
    expect(sellThrough(0, 10)).toBe(0);
    expect(sellThrough(5, 0)).toBe(1);
  });

  test('negative inputs are #VALUE!', () => {
    expect(sellThrough(-1, 10)).toStrictEqual(valueErr('sold must not be negative'));
    expect(sellThrough(1, -10)).toStrictEqual(valueErr('available must not be negative'));
  });

  test('NaN and Infinity are #VALUE!', () => {
    expect(sellThrough(Number.NaN, 10)).toStrictEqual(valueErr('sold must be a number'));
    expect(sellThrough(1, Infinity)).toStrictEqual(valueErr('available must be a finite number'));
  });

  test('property: STR is in [0, 1] unless blank', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (s, a) => {
        const r = sellThrough(s, a);
        return s + a === 0 ? r === null : typeof r === 'number' && r >= 0 && r <= 1;
      }),
    );
  });
});
