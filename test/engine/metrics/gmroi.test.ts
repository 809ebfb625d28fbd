import { CalcError } from '../../../src/engine/errors';
import { gmroi } from '../../../src/engine/metrics/gmroi';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('GMROI = (price − cost) × sold / (cost × available) (docs/FORMULAS.md, Money)', () => {
  test('hand-computed: (100 − 60) × 30 / (60 × 50) = 1200 / 3000 = 0.4', () => {
    expect(gmroi(100, 60, 30, 50)).toBeCloseTo(0.4, 12);
  });

  test('selling below cost gives a negative GMROI: (50 − 60) × 10 / (60 × 10) = −1/6', () => {
    expect(gmroi(50, 60, 10, 10)).toBeCloseTo(-1 / 6, 12);
  });

  test('nothing sold gives 0', () => {
    expect(gmroi(100, 60, 0, 50)).toBe(0);
  });

  test('blank when available = 0 (empty stock)', () => {
    expect(gmroi(100, 60, 30, 0)).toBeNull();
  });

  test('blank when cost = 0', () => {
    expect(gmroi(100, 0, 30, 50)).toBeNull();
  });

  test('blank when cost is missing', () => {
    expect(gmroi(100, null, 30, 50)).toBeNull();
  });

  test('negative inputs are #VALUE!', () => {
    expect(gmroi(-1, 60, 30, 50)).toStrictEqual(valueErr('price must not be negative'));
    expect(gmroi(100, -60, 30, 50)).toStrictEqual(valueErr('unitCost must not be negative'));
    expect(gmroi(100, 60, -30, 50)).toStrictEqual(valueErr('sold must not be negative'));
    expect(gmroi(100, 60, 30, -50)).toStrictEqual(valueErr('available must not be negative'));
  });

  test('NaN and Infinity are #VALUE!, even where the result would be blank', () => {
    expect(gmroi(100, 60, Number.NaN, 50)).toStrictEqual(valueErr('sold must be a number'));
    expect(gmroi(Infinity, 60, 30, 50)).toStrictEqual(valueErr('price must be a finite number'));
    expect(gmroi(Number.NaN, null, 30, 0)).toStrictEqual(valueErr('price must be a number'));
  });
});
