import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { doi, doiInclInbound } from '../../../src/engine/metrics/doi';

describe('doi', () => {
  it('is available / velocity (docs/FORMULAS.md "Stock")', () => {
    // 300 units at 10/day last 300 / 10 = 30 days.
    expect(doi(300, 10)).toBeCloseTo(30, 12);
    // 7 units at 0.4/day: 7 / 0.4 = 17.5 days.
    expect(doi(7, 0.4)).toBeCloseTo(17.5, 12);
  });

  it('is +Infinity for stock without sales (shown "No sales")', () => {
    expect(doi(300, 0)).toBe(Infinity);
  });

  it('is 0 with no stock, with or without sales', () => {
    expect(doi(0, 0)).toBe(0);
    expect(doi(0, 5)).toBe(0);
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(doi(-3, 10)).toStrictEqual(valueError('available must not be negative'));
    expect(doi(30, -1)).toStrictEqual(valueError('velocity must not be negative'));
    expect(doi(30, NaN)).toStrictEqual(valueError('velocity must be a number'));
    expect(doi(Infinity, 1)).toStrictEqual(valueError('available must be a finite number'));
  });

  it('does not decrease as available grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (a, b, v) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(doi(high, v) as number).toBeGreaterThanOrEqual(doi(low, v) as number);
        },
      ),
    );
  });
});

describe('doiInclInbound', () => {
  it('is (available + inbound) / velocity (docs/FORMULAS.md "Stock")', () => {
    // (300 + 150) / 10 = 45 days, against 30 days without the inbound.
    expect(doiInclInbound(300, 150, 10)).toBeCloseTo(45, 12);
  });

  it('equals doi when nothing is inbound', () => {
    expect(doiInclInbound(120, 0, 4)).toBeCloseTo(doi(120, 4) as number, 12);
  });

  it('follows the zero-velocity rule on available + inbound', () => {
    // Stock only on its way, no sales: unbounded.
    expect(doiInclInbound(0, 100, 0)).toBe(Infinity);
    expect(doiInclInbound(0, 0, 0)).toBe(0);
    expect(doiInclInbound(0, 0, 3)).toBe(0);
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(doiInclInbound(-1, 0, 1)).toStrictEqual(valueError('available must not be negative'));
    expect(doiInclInbound(1, -1, 1)).toStrictEqual(valueError('inbound must not be negative'));
    expect(doiInclInbound(1, 1, -1)).toStrictEqual(valueError('velocity must not be negative'));
    expect(doiInclInbound(1, NaN, 1)).toStrictEqual(valueError('inbound must be a number'));
    expect(doiInclInbound(1, 1, Infinity)).toStrictEqual(valueError('velocity must be a finite number'));
  });

  it('is never below doi', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (available, inbound, v) => {
          expect(doiInclInbound(available, inbound, v) as number).toBeGreaterThanOrEqual(doi(available, v) as number);
        },
      ),
    );
  });
});
