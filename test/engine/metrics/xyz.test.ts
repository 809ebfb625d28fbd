import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { coefficientOfVariation, xyzClass } from '../../../src/engine/metrics/xyz';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('coefficientOfVariation = sample sd / mean', () => {
  test('hand-computed: 1, 2, 3 → mean 2, sample sd √(2/2) = 1 → 0.5 (population sd would give 0.408)', () => {
    expect(coefficientOfVariation([1, 2, 3])).toBeCloseTo(0.5, 12);
  });

  test('fewer than 2 values or mean 0 → null', () => {
    expect(coefficientOfVariation([])).toBeNull();
    expect(coefficientOfVariation([5])).toBeNull();
    expect(coefficientOfVariation([0, 0])).toBeNull();
  });

  test('constant series → 0', () => {
    expect(coefficientOfVariation([4, 4, 4])).toBe(0);
  });
});

describe('xyzClass: X ≤ 0.5 < Y ≤ 1.0 < Z (docs/FORMULAS.md, Classes: XYZ)', () => {
  test('hand-computed X: 10, 12, 8, 10 → mean 10, SS 8, sd √(8/3) = 1.633 → CV 0.163', () => {
    expect(coefficientOfVariation([10, 12, 8, 10])).toBeCloseTo(Math.sqrt(8 / 3) / 10, 12);
    expect(xyzClass([10, 12, 8, 10])).toBe('X');
  });

  test('hand-computed Y: 10, 20, 0, 30 → mean 15, SS 500, sd √(500/3) = 12.91 → CV 0.861', () => {
    expect(coefficientOfVariation([10, 20, 0, 30])).toBeCloseTo(Math.sqrt(500 / 3) / 15, 12);
    expect(xyzClass([10, 20, 0, 30])).toBe('Y');
  });

  test('hand-computed Z: 0, 0, 30 → mean 10, SS 600, sd √300 = 17.32 → CV 1.732', () => {
    expect(xyzClass([0, 0, 30])).toBe('Z');
  });

  test('boundaries are inclusive: CV 0.5 (1, 2, 3) → X; CV 1 (0, 1, 2) → Y', () => {
    expect(xyzClass([1, 2, 3])).toBe('X');
    expect(xyzClass([0, 1, 2])).toBe('Y');
  });

  test('fewer than 3 periods → null (shown "—")', () => {
    expect(xyzClass([])).toBeNull();
    expect(xyzClass([5, 10])).toBeNull();
  });

  test('all-zero demand → null', () => {
    expect(xyzClass([0, 0, 0, 0])).toBeNull();
  });

  test('custom cuts 0.2 / 0.6: CV 0.5 → Y, CV 0.861 → Z', () => {
    expect(xyzClass([1, 2, 3], [0.2, 0.6])).toBe('Y');
    expect(xyzClass([10, 20, 0, 30], [0.2, 0.6])).toBe('Z');
  });

  test('negative and non-finite demand are #VALUE!, even with fewer than 3 periods', () => {
    expect(xyzClass([1, -2, 3])).toStrictEqual(valueErr('monthlyDemand must not be negative'));
    expect(xyzClass([1, Number.NaN, 3])).toStrictEqual(valueErr('monthlyDemand must be a number'));
    expect(xyzClass([1, Infinity, 3])).toStrictEqual(valueErr('monthlyDemand must be a finite number'));
    expect(xyzClass([-1])).toStrictEqual(valueErr('monthlyDemand must not be negative'));
  });

  test('invalid cuts are #VALUE!', () => {
    expect(xyzClass([1, 2, 3], [1, 0.5])).toStrictEqual(valueErr('cuts must satisfy cuts[0] < cuts[1]'));
    expect(xyzClass([1, 2, 3], [-0.1, 0.5])).toStrictEqual(valueErr('cuts must not be negative'));
  });

  test('property: scaling demand does not change the class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 24 }),
        fc.integer({ min: 2, max: 50 }),
        (series, k) => {
          const a = coefficientOfVariation(series);
          const b = coefficientOfVariation(series.map((x) => x * k));
          return a === null ? b === null : b !== null && Math.abs(a - b) < 1e-9;
        },
      ),
    );
  });
});
