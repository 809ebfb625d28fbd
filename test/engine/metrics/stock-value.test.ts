import { CalcError } from '../../../src/engine/errors';
import { stockValue } from '../../../src/engine/metrics/stock-value';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('stockValue = available × unitCost (docs/FORMULAS.md, Money)', () => {
  test('hand-computed: 120 units × 12.5 = 1500', () => {
    expect(stockValue(120, 12.5)).toBe(1500);
  });

  test('empty stock is worth 0', () => {
    expect(stockValue(0, 12.5)).toBe(0);
  });

  test('missing cost is #N/A "unitCost is missing", not 0', () => {
    expect(stockValue(120, null)).toStrictEqual(new CalcError('#N/A', 'unitCost is missing'));
  });

  test('a free item (cost 0) is worth 0', () => {
    expect(stockValue(120, 0)).toBe(0);
  });

  test('negative inputs are #VALUE!', () => {
    expect(stockValue(-1, 12.5)).toStrictEqual(valueErr('available must not be negative'));
    expect(stockValue(1, -12.5)).toStrictEqual(valueErr('unitCost must not be negative'));
  });

  test('NaN and Infinity are #VALUE!', () => {
    expect(stockValue(Number.NaN, 12.5)).toStrictEqual(valueErr('available must be a number'));
    expect(stockValue(1, Infinity)).toStrictEqual(valueErr('unitCost must be a finite number'));
  });

  test('a bad available is reported before a missing cost', () => {
    expect(stockValue(-1, null)).toStrictEqual(valueErr('available must not be negative'));
  });
});
