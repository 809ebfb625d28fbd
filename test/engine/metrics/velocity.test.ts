import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { stockoutAdjustedVelocity, velocity, weightedVelocity } from '../../../src/engine/metrics/velocity';

describe('velocity', () => {
  it('is sold / periodDays (docs/FORMULAS.md "Demand")', () => {
    // 90 units in the default 30-day period: 90 / 30 = 3 units/day.
    expect(velocity(90, 30)).toBeCloseTo(3, 12);
    // noon export spanning 45 days with 20 non-cancelled rows: 20 / 45 = 0.4444…
    expect(velocity(20, 45)).toBeCloseTo(0.444444444444, 12);
  });

  it('is 0 when nothing sold', () => {
    expect(velocity(0, 30)).toBe(0);
  });

  it('rejects negative, zero-length, NaN and infinite inputs', () => {
    expect(velocity(-1, 30)).toStrictEqual(valueError('sold must not be negative'));
    expect(velocity(10, 0)).toStrictEqual(valueError('periodDays must be greater than 0'));
    expect(velocity(10, -30)).toStrictEqual(valueError('periodDays must be greater than 0'));
    expect(velocity(NaN, 30)).toStrictEqual(valueError('sold must be a number'));
    expect(velocity(10, Infinity)).toStrictEqual(valueError('periodDays must be a finite number'));
  });

  it('times periodDays gives back sold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 3650 }), (sold, days) => {
        const v = velocity(sold, days) as number;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v * days).toBeCloseTo(sold, 6);
      }),
    );
  });
});

describe('stockoutAdjustedVelocity', () => {
  it('is sold / inStockDays (docs/FORMULAS.md "Demand")', () => {
    // 60 units sold in a 30-day period with 10 stockout days: 60 / 20 = 3 units/day, against 60 / 30 = 2 unadjusted.
    expect(stockoutAdjustedVelocity(60, 20)).toBeCloseTo(3, 12);
    expect(velocity(60, 30)).toBeCloseTo(2, 12);
  });

  it('equals velocity when the item was in stock the whole period', () => {
    expect(stockoutAdjustedVelocity(45, 30)).toBeCloseTo(velocity(45, 30) as number, 12);
  });

  it('is 0 with no sales and no in-stock days', () => {
    expect(stockoutAdjustedVelocity(0, 0)).toBe(0);
  });

  it('rejects sales without any in-stock day as inconsistent', () => {
    expect(stockoutAdjustedVelocity(5, 0)).toStrictEqual(
      valueError('inStockDays must be greater than 0 when sold is greater than 0'),
    );
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(stockoutAdjustedVelocity(-5, 10)).toStrictEqual(valueError('sold must not be negative'));
    expect(stockoutAdjustedVelocity(5, -1)).toStrictEqual(valueError('inStockDays must not be negative'));
    expect(stockoutAdjustedVelocity(5, NaN)).toStrictEqual(valueError('inStockDays must be a number'));
    expect(stockoutAdjustedVelocity(-Infinity, 10)).toStrictEqual(valueError('sold must be a finite number'));
  });
});

describe('weightedVelocity', () => {
  it('is 0.5·t30/30 + 0.3·t60/60 + 0.2·t90/90 (docs/FORMULAS.md "Demand")', () => {
    // t30 = 60, t60 = 150, t90 = 180: 0.5·2 + 0.3·2.5 + 0.2·2 = 1 + 0.75 + 0.4 = 2.15 units/day.
    expect(weightedVelocity(60, 150, 180)).toBeCloseTo(2.15, 12);
  });

  it('weighs the last 30 days most', () => {
    // Accelerating seller: 90 in the last 30 days, 120 in 60, 150 in 90.
    // 0.5·3 + 0.3·2 + 0.2·(150/90) = 1.5 + 0.6 + 0.33333 = 2.43333, above the 90-day mean 1.6667.
    expect(weightedVelocity(90, 120, 150)).toBeCloseTo(2.433333333333, 12);
  });

  it('is 0 with no sales', () => {
    expect(weightedVelocity(0, 0, 0)).toBe(0);
  });

  it('gives a steady seller its rate (the weights sum to 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (rate) => {
        expect(weightedVelocity(30 * rate, 60 * rate, 90 * rate)).toBeCloseTo(rate, 9);
      }),
    );
  });

  it('rejects negative, NaN and infinite windows', () => {
    expect(weightedVelocity(-1, 60, 90)).toStrictEqual(valueError('t30 must not be negative'));
    expect(weightedVelocity(30, -1, 90)).toStrictEqual(valueError('t60 must not be negative'));
    expect(weightedVelocity(30, 60, NaN)).toStrictEqual(valueError('t90 must be a number'));
    expect(weightedVelocity(30, Infinity, 90)).toStrictEqual(valueError('t60 must be a finite number'));
  });
});
