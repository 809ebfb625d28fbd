import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { orderUpTo } from '../../../src/engine/metrics/order-up-to';
import { reorderPoint } from '../../../src/engine/metrics/reorder-point';

describe('orderUpTo', () => {
  it('is d × (L + R) + SS (docs/FORMULAS.md "Policies")', () => {
    // 2 units/day, 30-day lead time, 7-day review, 20 units of safety stock: 2 × 37 + 20 = 94.
    expect(orderUpTo(2, 30, 7, 20)).toBeCloseTo(94, 12);
    // 3 units/day, defaults L = 30, R = 7, SS = 38.1466929 (safety-stock test): 111 + 38.1466929 = 149.1466929.
    expect(orderUpTo(3, 30, 7, 38.14669294752669)).toBeCloseTo(149.14669294752669, 9);
  });

  it('is the safety stock alone for zero demand', () => {
    expect(orderUpTo(0, 30, 7, 15)).toBe(15);
  });

  it('equals the reorder point under continuous review (reviewDays = 0)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 365, noNaN: true }),
        fc.double({ min: -1000, max: 100_000, noNaN: true }),
        (d, L, ss) => {
          expect(orderUpTo(d, L, 0, ss)).toBe(reorderPoint(d, L, ss));
        },
      ),
    );
  });

  it('is at least the reorder point for any review period', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 365, noNaN: true }),
        fc.double({ min: 0, max: 90, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (d, L, R, ss) => {
          expect(orderUpTo(d, L, R, ss) as number).toBeGreaterThanOrEqual(reorderPoint(d, L, ss) as number);
        },
      ),
    );
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(orderUpTo(-1, 30, 7, 0)).toStrictEqual(valueError('dailyDemand must not be negative'));
    expect(orderUpTo(1, -30, 7, 0)).toStrictEqual(valueError('leadTimeDays must not be negative'));
    expect(orderUpTo(1, 30, -7, 0)).toStrictEqual(valueError('reviewDays must not be negative'));
    expect(orderUpTo(1, 30, NaN, 0)).toStrictEqual(valueError('reviewDays must be a number'));
    expect(orderUpTo(1, 30, 7, Infinity)).toStrictEqual(valueError('safetyStock must be a finite number'));
  });
});
