import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { reorderQty } from '../../../src/engine/metrics/reorder-qty';

describe('reorderQty, days-of-cover policy (no reorder point)', () => {
  it('is max(0, SS − available − inbound) (docs/FORMULAS.md "Policies", cover)', () => {
    // v = 3/day, safetyDays = 30: SS = 90; 40 available + 20 inbound: 90 − 40 − 20 = 30.
    expect(reorderQty(90, 40, 20)).toBeCloseTo(30, 12);
  });

  it('is 0 when stock and inbound already cover the target', () => {
    expect(reorderQty(90, 100, 0)).toBe(0);
    expect(reorderQty(90, 60, 30)).toBe(0); // exactly covered
  });

  it('orders the whole target with empty stock', () => {
    expect(reorderQty(90, 0, 0)).toBe(90);
  });

  it('orders nothing for an item without sales (target 0)', () => {
    expect(reorderQty(0, 0, 0)).toBe(0);
    expect(reorderQty(0, 25, 5)).toBe(0);
  });

  it('treats a missing reorder point as the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (target, available, inbound) => {
          expect(reorderQty(target, available, inbound)).toBe(reorderQty(target, available, inbound, target));
        },
      ),
    );
  });
});

describe('reorderQty, service policy (order-up-to S, reorder point s)', () => {
  // S = 94, s = 80 (d = 2, L = 30, R = 7, SS = 20: s = 2·30 + 20 = 80, S = 2·37 + 20 = 94).
  it('orders up to S once the position is at or below s (docs/FORMULAS.md "Policies", service)', () => {
    // Position 50 + 20 = 70 ≤ 80: order 94 − 70 = 24.
    expect(reorderQty(94, 50, 20, 80)).toBeCloseTo(24, 12);
    // Position exactly 80: still orders, 94 − 80 = 14.
    expect(reorderQty(94, 80, 0, 80)).toBeCloseTo(14, 12);
  });

  it('orders nothing while the position is above s, even if below S', () => {
    // Position 85 > 80: 0, although 94 − 85 = 9 would be positive under the cover rule.
    expect(reorderQty(94, 85, 0, 80)).toBe(0);
    expect(reorderQty(94, 85, 0)).toBeCloseTo(9, 12);
  });

  it('orders S with empty stock', () => {
    expect(reorderQty(94, 0, 0, 80)).toBe(94);
  });

  it('gives 0 for a negative target (negative safety stock)', () => {
    expect(reorderQty(-5, 0, 0, -10)).toBe(0);
  });
});

describe('reorderQty validation', () => {
  it('rejects negative available (Amazon can report it) and inbound', () => {
    expect(reorderQty(90, -4, 0)).toStrictEqual(valueError('available must not be negative'));
    expect(reorderQty(90, 4, -1)).toStrictEqual(valueError('inbound must not be negative'));
  });

  it('rejects NaN and infinite inputs, including an explicit NaN reorder point', () => {
    expect(reorderQty(NaN, 0, 0)).toStrictEqual(valueError('target must be a number'));
    expect(reorderQty(Infinity, 0, 0)).toStrictEqual(valueError('target must be a finite number'));
    expect(reorderQty(90, NaN, 0)).toStrictEqual(valueError('available must be a number'));
    expect(reorderQty(90, 0, Infinity)).toStrictEqual(valueError('inbound must be a finite number'));
    expect(reorderQty(90, 0, 0, NaN)).toStrictEqual(valueError('reorderPoint must be a number'));
  });
});

describe('reorderQty properties', () => {
  const qtyArgs = [
    fc.double({ min: -1000, max: 100_000, noNaN: true }),
    fc.double({ min: 0, max: 100_000, noNaN: true }),
    fc.double({ min: 0, max: 100_000, noNaN: true }),
    fc.option(fc.double({ min: -1000, max: 100_000, noNaN: true }), { nil: undefined }),
  ] as const;

  it('is never negative', () => {
    fc.assert(
      fc.property(...qtyArgs, (target, available, inbound, rop) => {
        expect(reorderQty(target, available, inbound, rop) as number).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never orders past the target, and reaches it when it orders', () => {
    fc.assert(
      fc.property(...qtyArgs, (target, available, inbound, rop) => {
        const qty = reorderQty(target, available, inbound, rop) as number;
        if (qty > 0) expect(available + inbound + qty).toBeCloseTo(target, 6);
      }),
    );
  });
});
