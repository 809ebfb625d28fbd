import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { annualDemand, eoq, holdingCostPerUnitYear } from '../../../src/engine/metrics/eoq';

describe('eoq', () => {
  it('is √(2·D·S/H) (docs/FORMULAS.md "Policies", EOQ)', () => {
    // D = 1200, S = 50, H = 2: √(2 × 1200 × 50 / 2) = √60,000 = 244.9489743.
    expect(eoq(1200, 50, 2)).toBeCloseTo(244.94897427831782, 10);
  });

  it('reproduces Snyder & Shen Example 3.1 (K = 8, h = 0.225, λ = 1300)', () => {
    // Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed. (2019), Example 3.1, eq. 3.4;
    // stockpyl economic_order_quantity(8, 0.225, 1300) = 304.0467800264368.
    // By hand: 2 × 8 × 1300 / 0.225 = 20,800 / 0.225 = 92,444.444; √92,444.444 = 304.0468.
    expect(eoq(1300, 8, 0.225)).toBeCloseTo(304.0467800264368, 10);
  });

  it('reproduces Heizer & Render\'s Sharp, Inc. example (Harris EOQ)', () => {
    // Heizer & Render, Operations Management, ch. 12 "Inventory Management", Example 3 (Sharp, Inc.):
    // D = 1,000 units/year, S = $10/order, H = $0.50/unit/year: Q* = √(2 × 1000 × 10 / 0.5) = √40,000 = 200.
    expect(eoq(1000, 10, 0.5)).toBeCloseTo(200, 10);
    // Its learning exercise: D = 1,200 gives Q* = √48,000 = 219.09 ("219 units").
    expect(eoq(1200, 10, 0.5)).toBeCloseTo(219.08902300206645, 10);
  });

  it('chains with annualDemand and holdingCostPerUnitYear on the default settings', () => {
    // v = 2/day: D = 2 × 365 = 730; unit cost 40 × holdingRate 0.25 = H = 10; orderCost 200:
    // √(2 × 730 × 200 / 10) = √29,200 = 170.8800749.
    const D = annualDemand(2) as number;
    const H = holdingCostPerUnitYear(40, 0.25) as number;
    expect(eoq(D, 200, H)).toBeCloseTo(170.88007490635061, 10);
  });

  it('is 0 with no demand (zero velocity) or free ordering', () => {
    expect(eoq(0, 200, 10)).toBe(0);
    expect(eoq(730, 0, 10)).toBe(0);
  });

  it('rejects H = 0: free holding has no finite optimum', () => {
    expect(eoq(730, 200, 0)).toStrictEqual(valueError('holdingCostPerUnitYear must be greater than 0'));
    // A missing unit cost gives H = 0 and so the same error.
    expect(eoq(730, 200, holdingCostPerUnitYear(0, 0.25) as number)).toStrictEqual(
      valueError('holdingCostPerUnitYear must be greater than 0'),
    );
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(eoq(-1, 200, 10)).toStrictEqual(valueError('annualDemand must not be negative'));
    expect(eoq(730, -200, 10)).toStrictEqual(valueError('orderCost must not be negative'));
    expect(eoq(730, 200, -10)).toStrictEqual(valueError('holdingCostPerUnitYear must be greater than 0'));
    expect(eoq(730, NaN, 10)).toStrictEqual(valueError('orderCost must be a number'));
    expect(eoq(Infinity, 200, 10)).toStrictEqual(valueError('annualDemand must be a finite number'));
  });

  it('grows with the square root of demand', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (D, S, H) => {
          expect(eoq(4 * D, S, H)).toBeCloseTo(2 * (eoq(D, S, H) as number), 6);
        },
      ),
    );
  });
});

describe('annualDemand', () => {
  it('is velocity × 365 by default (docs/FORMULAS.md: D = v × 365)', () => {
    expect(annualDemand(2)).toBeCloseTo(730, 12);
    expect(annualDemand(0.4)).toBeCloseTo(146, 12);
  });

  it('takes another year length', () => {
    expect(annualDemand(2, 360)).toBeCloseTo(720, 12);
  });

  it('is 0 for zero velocity', () => {
    expect(annualDemand(0)).toBe(0);
  });

  it('rejects negative, zero-length, NaN and infinite inputs', () => {
    expect(annualDemand(-1)).toStrictEqual(valueError('velocity must not be negative'));
    expect(annualDemand(1, 0)).toStrictEqual(valueError('daysPerYear must be greater than 0'));
    expect(annualDemand(NaN)).toStrictEqual(valueError('velocity must be a number'));
    expect(annualDemand(1, Infinity)).toStrictEqual(valueError('daysPerYear must be a finite number'));
  });
});

describe('holdingCostPerUnitYear', () => {
  it('is holdingRate × unitCost (docs/FORMULAS.md: H = holdingRate × unitCost)', () => {
    // 40 × 0.25 = 10 per unit per year.
    expect(holdingCostPerUnitYear(40, 0.25)).toBeCloseTo(10, 12);
  });

  it('is 0 for a free item or a zero rate', () => {
    expect(holdingCostPerUnitYear(0, 0.25)).toBe(0);
    expect(holdingCostPerUnitYear(40, 0)).toBe(0);
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(holdingCostPerUnitYear(-40, 0.25)).toStrictEqual(valueError('unitCost must not be negative'));
    expect(holdingCostPerUnitYear(40, -0.25)).toStrictEqual(valueError('holdingRate must not be negative'));
    expect(holdingCostPerUnitYear(NaN, 0.25)).toStrictEqual(valueError('unitCost must be a number'));
    expect(holdingCostPerUnitYear(40, Infinity)).toStrictEqual(valueError('holdingRate must be a finite number'));
  });
});
