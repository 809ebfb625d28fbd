import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { abcClasses } from '../../../src/engine/metrics/abc';

const valueErr = (message: string) => new CalcError('#VALUE!', message);
const rank = { A: 0, B: 1, C: 2 } as const;

describe('abcClasses: share before the item < 80% → A, < 95% → B, else C (docs/FORMULAS.md, Classes: ABC)', () => {
  test('hand-computed: 500, 300, 120, 50, 30 (total 1000) → shares before 0, .5, .8, .92, .97 → A A B B C', () => {
    expect(abcClasses([500, 300, 120, 50, 30])).toEqual(['A', 'A', 'B', 'B', 'C']);
  });

  test('the result is in input order', () => {
    expect(abcClasses([50, 500, 30, 300, 120])).toEqual(['B', 'A', 'C', 'A', 'B']);
  });

  test('the item crossing 80% is still A (share before it 0.7)', () => {
    // 70, 20, 10: before 0 → A, before 0.7 → A, before 0.9 → B
    expect(abcClasses([70, 20, 10])).toEqual(['A', 'A', 'B']);
  });

  test('ties keep input order: 70, 10, 10, 10 → shares before .7, .8, .9 → the first 10 is A, the others B', () => {
    expect(abcClasses([70, 10, 10, 10])).toEqual(['A', 'A', 'B', 'B']);
    expect(abcClasses([10, 10, 70, 10])).toEqual(['A', 'B', 'A', 'B']);
  });

  test('zero-value items are C, also with cuts[1] = 1', () => {
    expect(abcClasses([100, 0])).toEqual(['A', 'C']);
    // 90, 10, 0 with cuts 0.5 / 1: before 0 → A, before 0.9 → B, zero → C
    expect(abcClasses([90, 10, 0], [0.5, 1])).toEqual(['A', 'B', 'C']);
  });

  test('all-zero values: every item is C', () => {
    expect(abcClasses([0, 0, 0])).toEqual(['C', 'C', 'C']);
  });

  test('empty input gives an empty result', () => {
    expect(abcClasses([])).toEqual([]);
  });

  test('blank (null) entries give null and are left out of the total', () => {
    // total 100 without the blanks: 60 → A (before 0), 40 → A (before .6)
    expect(abcClasses([null, 60, null, 40])).toEqual([null, 'A', null, 'A']);
  });

  test('negative and non-finite entries give a CalcError in their slot and are left out of the total', () => {
    expect(abcClasses([-5, 60, Number.NaN, 40, Infinity])).toStrictEqual([
      valueErr('values must not be negative'),
      'A',
      valueErr('values must be a number'),
      'A',
      valueErr('values must be a finite number'),
    ]);
  });

  test('custom cuts 0.7 / 0.9: 500, 300, 120, 50, 30 → before .5 A, .8 B, .92 C', () => {
    expect(abcClasses([500, 300, 120, 50, 30], [0.7, 0.9])).toEqual(['A', 'A', 'B', 'C', 'C']);
  });

  test('invalid cuts put the same CalcError in every slot', () => {
    const err = valueErr('cuts must satisfy 0 < cuts[0] < cuts[1] ≤ 1');
    expect(abcClasses([1, 2], [0.95, 0.8])).toStrictEqual([err, err]);
    expect(abcClasses([1, 2], [0, 0.5])).toStrictEqual([err, err]);
    expect(abcClasses([1, 2], [0.5, 1.2])).toStrictEqual([err, err]);
    expect(abcClasses([1, 2], [0.5, 0.5])).toStrictEqual([err, err]);
    expect(abcClasses([1], [Number.NaN, 0.5])).toStrictEqual([valueErr('cuts must be a number')]);
  });

  test('does not mutate its input', () => {
    const values = [1, 3, 2];
    abcClasses(values);
    expect(values).toEqual([1, 3, 2]);
  });

  test('property: output length = input length, and a higher value never gets a worse class', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 1000 }), { nil: null }), { maxLength: 60 }), (values) => {
        const classes = abcClasses(values);
        if (classes.length !== values.length) return false;
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            const vi = values[i];
            const vj = values[j];
            if (vi === null || vj === null) continue;
            const ci = classes[i] as 'A' | 'B' | 'C';
            const cj = classes[j] as 'A' | 'B' | 'C';
            if (vi > vj && rank[ci] > rank[cj]) return false;
          }
        }
        return true;
      }),
    );
  });

  test('property: the largest positive item is A', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const max = Math.max(...values);
        fc.pre(max > 0);
        return abcClasses(values)[values.indexOf(max)] === 'A';
      }),
    );
  });

  // Timing is measured by `npm run bench` (ABC over 100,000 items), never asserted in tests.
  test('100,000 items: the class shares follow the cuts', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 100_003) + 1);
    const classes = abcClasses(values);
    const total = values.reduce((s, x) => s + x, 0);
    const revenueA = values.reduce((s, x, i) => (classes[i] === 'A' ? s + x : s), 0);
    // A holds at least 80% of the total, and no more than 80% plus its last item.
    expect(revenueA / total).toBeGreaterThanOrEqual(0.8);
    expect(revenueA / total).toBeLessThan(0.8 + 100_003 / total);
  });
});
