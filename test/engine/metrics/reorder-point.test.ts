import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { reorderPoint } from '../../../src/engine/metrics/reorder-point';
import { serviceSafetyStock } from '../../../src/engine/metrics/safety-stock';

describe('reorderPoint', () => {
  it('is d × L + SS (docs/FORMULAS.md "Policies")', () => {
    // 3 units/day, 30-day lead time, 90 units of safety stock: 3 × 30 + 90 = 180.
    expect(reorderPoint(3, 30, 90)).toBeCloseTo(180, 12);
  });

  it('reproduces Taylor\'s I-75 Carpet Discount Store reorder point', () => {
    // B. W. Taylor, Introduction to Management Science, ch. 16: d = 30 yd/day, L = 10 days, σd = 5, 95%:
    // R = 30 × 10 + 1.65 × 5 × √10 = 300 + 26.1 = 326.1 yd with the book's z = 1.65;
    // with z = Φ⁻¹(0.95) exactly: 300 + 26.0074194 = 326.0074194.
    const ss = serviceSafetyStock(0.95, 30, 5, 10, 0) as number;
    const rop = reorderPoint(30, 10, ss) as number;
    expect(rop).toBeCloseTo(326.00741939377787, 9);
    expect(Math.abs(rop - 326.1)).toBeLessThan(0.1);
  });

  it('is the safety stock alone for zero demand or zero lead time', () => {
    expect(reorderPoint(0, 30, 12)).toBe(12);
    expect(reorderPoint(5, 0, 12)).toBe(12);
    expect(reorderPoint(0, 0, 0)).toBe(0);
  });

  it('accepts a negative safety stock (service level below 50%)', () => {
    // 10 × 5 + (−3) = 47.
    expect(reorderPoint(10, 5, -3)).toBeCloseTo(47, 12);
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(reorderPoint(-1, 30, 0)).toStrictEqual(valueError('dailyDemand must not be negative'));
    expect(reorderPoint(1, -30, 0)).toStrictEqual(valueError('leadTimeDays must not be negative'));
    expect(reorderPoint(1, 30, NaN)).toStrictEqual(valueError('safetyStock must be a number'));
    expect(reorderPoint(1, Infinity, 0)).toStrictEqual(valueError('leadTimeDays must be a finite number'));
    expect(reorderPoint(1, 30, -Infinity)).toStrictEqual(valueError('safetyStock must be a finite number'));
  });

  it('is never below the safety stock', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 365, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (d, L, ss) => {
          expect(reorderPoint(d, L, ss) as number).toBeGreaterThanOrEqual(ss);
        },
      ),
    );
  });
});
