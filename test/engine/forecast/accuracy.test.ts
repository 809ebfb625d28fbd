/**
 * MASE (Hyndman & Koehler 2006), RMSSE (M5, Makridakis et al. 2022) and bias, hand-computed.
 * Convention (accuracy.ts): the scale is the in-sample mean |seasonal difference| of lag m, falling back
 * to lag 1 when the in-sample series has m or fewer periods; bias = mean(forecast − actual).
 */
import { CalcError } from '../../../src/engine/errors';
import { bias, mase, rmsse, seasonalScale } from '../../../src/engine/forecast/accuracy';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('MASE, RMSSE and bias: hand computation on insample [1, 2, 4, 7], actual [8, 9], forecast [7, 7]', () => {
  const insample = [1, 2, 4, 7];
  const actual = [8, 9];
  const forecast = [7, 7];

  test('scale: mean(|2 − 1|, |4 − 2|, |7 − 4|) = (1 + 2 + 3)/3 = 2; squared: (1 + 4 + 9)/3', () => {
    expect(seasonalScale(insample, 1, 1)).toBe(2);
    expect(seasonalScale(insample, 1, 2)).toBeCloseTo(14 / 3, 12);
  });

  test('MASE = mean(|8 − 7|, |9 − 7|) / 2 = 1.5 / 2 = 0.75', () => {
    expect(mase(actual, forecast, insample)).toBeCloseTo(0.75, 12);
  });

  test('RMSSE = √(((1 + 4)/2) / ((1 + 4 + 9)/3)) = √(2.5 / 4.6667)', () => {
    expect(rmsse(actual, forecast, insample)).toBeCloseTo(Math.sqrt(2.5 / (14 / 3)), 12);
  });

  test('bias = ((7 − 8) + (7 − 9))/2 = −1.5 (under-forecast)', () => {
    expect(bias(actual, forecast)).toBe(-1.5);
  });
});

describe('seasonal scale (lag m)', () => {
  // 24 months: year 1 = 10, 20, …, 120; year 2 = year 1 + 6 except month 12 = 120 + 18.
  // Lag-12 differences: eleven 6s and one 18 → mean |d| = (66 + 18)/12 = 7; mean d² = (11·36 + 324)/12 = 60.
  const year1 = Array.from({ length: 12 }, (_, i) => 10 * (i + 1));
  const year2 = year1.map((v, i) => v + (i === 11 ? 18 : 6));
  const insample = [...year1, ...year2];

  test('m = 12 on a 24-period insample: the lag-12 differences, hand computation', () => {
    expect(seasonalScale(insample, 12, 1)).toBeCloseTo(7, 12);
    expect(seasonalScale(insample, 12, 2)).toBeCloseTo(60, 12);
    // MASE of a forecast 14 units off in each of 2 periods: 14 / 7 = 2; RMSSE √(196/60).
    expect(mase([100, 100], [114, 86], insample, 12)).toBeCloseTo(2, 12);
    expect(rmsse([100, 100], [114, 86], insample, 12)).toBeCloseTo(Math.sqrt(196 / 60), 12);
  });

  test('lag 1 differs from lag 12 on the same series', () => {
    // Lag-1 differences, hand count: within year 1 eleven 10s (110); the join 120 → 16: 104; within year 2
    // ten 10s (16 → … → 116: 100) and 116 → 138: 22. Mean = (110 + 104 + 100 + 22)/23.
    expect(seasonalScale(insample, 1, 1)).toBeCloseTo((110 + 104 + 100 + 22) / 23, 12);
  });

  test('falls back to lag 1 when the insample has m or fewer periods', () => {
    // [1, 2, 4, 7] with m = 12 (and m = 4: exactly m periods) → the lag-1 scale 2.
    expect(seasonalScale([1, 2, 4, 7], 12, 1)).toBe(2);
    expect(seasonalScale([1, 2, 4, 7], 4, 1)).toBe(2);
    expect(mase([8, 9], [7, 7], [1, 2, 4, 7], 12)).toBeCloseTo(0.75, 12);
    // With 5 periods and m = 4 there is one lag-4 difference: |9 − 1| = 8.
    expect(seasonalScale([1, 2, 4, 7, 9], 4, 1)).toBe(8);
  });

  test('a zero scale (the insample never changes at lag m) is #DIV/0!', () => {
    const r = mase([1], [2], [5, 5, 5]);
    expect(r).toBeInstanceOf(CalcError);
    expect((r as CalcError).code).toBe('#DIV/0!');
    expect((rmsse([1], [2], [5, 5, 5]) as CalcError).code).toBe('#DIV/0!');
    // Periodic with period 2, m = 2: every lag-2 difference is 0.
    expect((mase([1], [2], [3, 7, 3, 7, 3], 2) as CalcError).code).toBe('#DIV/0!');
  });

  test('the season length must be a whole number ≥ 1; the insample needs 2 periods', () => {
    expect(seasonalScale([1, 2, 3], 0, 1)).toStrictEqual(valueErr('seasonLength must be a whole number of at least 1'));
    expect(seasonalScale([1, 2, 3], 1.5, 1)).toStrictEqual(valueErr('seasonLength must be a whole number of at least 1'));
    expect(mase([1], [1], [3])).toStrictEqual(valueErr('insample requires at least 2 periods'));
    expect(mase([1], [1], [])).toStrictEqual(valueErr('insample requires at least 2 periods'));
  });
});

describe('input checks (#VALUE!)', () => {
  test('actual and forecast of different lengths', () => {
    expect(mase([1, 2], [1], [1, 2, 4])).toStrictEqual(valueErr('forecast must have as many periods as actual (2), not 1'));
    expect(rmsse([1], [1, 2], [1, 2, 4])).toStrictEqual(valueErr('forecast must have as many periods as actual (1), not 2'));
    expect(bias([1, 2, 3], [])).toStrictEqual(valueErr('forecast must have as many periods as actual (3), not 0'));
  });

  test('no periods', () => {
    expect(mase([], [], [1, 2, 4])).toStrictEqual(valueErr('actual requires at least 1 period'));
    expect(bias([], [])).toStrictEqual(valueErr('actual requires at least 1 period'));
  });

  test('NaN, Infinity and text, named by their 1-based position', () => {
    expect(bias([1, Number.NaN], [1, 1])).toStrictEqual(valueErr('actual[2] must be a number'));
    expect(bias([1, 1], [1, Infinity])).toStrictEqual(valueErr('forecast[2] must be a finite number'));
    expect(mase(['abc' as unknown as number], [1], [1, 2])).toStrictEqual(valueErr('actual[1] must be a number'));
    expect(mase([1], [1], [1, 'abc' as unknown as number])).toStrictEqual(valueErr('insample[2] must be a number'));
    expect(rmsse([1], [1], [Number.NaN, 2])).toStrictEqual(valueErr('insample[1] must be a number'));
  });
});

describe('bias sign (forecast − actual)', () => {
  test('an all-zero forecast of positive demand has a negative bias: −mean demand', () => {
    expect(bias([3, 0, 5, 4], [0, 0, 0, 0])).toBe(-3);
  });

  test('an over-forecast has a positive bias', () => {
    expect(bias([3, 5], [4, 8])).toBe(2);
  });

  test('a perfect forecast: bias 0, MASE 0, RMSSE 0', () => {
    expect(bias([3, 5], [3, 5])).toBe(0);
    expect(mase([3, 5], [3, 5], [1, 2, 4])).toBe(0);
    expect(rmsse([3, 5], [3, 5], [1, 2, 4])).toBe(0);
  });

  test('the naive forecast scores MASE 1 on its own in-sample errors (Hyndman & Koehler 2006)', () => {
    // In-sample [1, 2, 4, 7]; "actual" = the values 2, 4, 7, "forecast" = the previous ones 1, 2, 4.
    expect(mase([2, 4, 7], [1, 2, 4], [1, 2, 4, 7])).toBe(1);
    expect(rmsse([2, 4, 7], [1, 2, 4], [1, 2, 4, 7])).toBeCloseTo(1, 12);
  });
});
