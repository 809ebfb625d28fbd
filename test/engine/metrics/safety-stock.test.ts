import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { inverseNormal } from '../../../src/engine/metrics/inverse-normal';
import { coverSafetyStock, dailySdFromMonthly, serviceSafetyStock } from '../../../src/engine/metrics/safety-stock';

describe('coverSafetyStock', () => {
  it('is velocity × safetyDays (docs/FORMULAS.md "Policies", cover)', () => {
    // 3 units/day with the default 30 safety days: 3 × 30 = 90 units.
    expect(coverSafetyStock(3, 30)).toBeCloseTo(90, 12);
    expect(coverSafetyStock(0.4, 45)).toBeCloseTo(18, 12);
  });

  it('is 0 for zero velocity or zero safety days', () => {
    expect(coverSafetyStock(0, 30)).toBe(0);
    expect(coverSafetyStock(5, 0)).toBe(0);
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(coverSafetyStock(-1, 30)).toStrictEqual(valueError('velocity must not be negative'));
    expect(coverSafetyStock(1, -30)).toStrictEqual(valueError('safetyDays must not be negative'));
    expect(coverSafetyStock(NaN, 30)).toStrictEqual(valueError('velocity must be a number'));
    expect(coverSafetyStock(1, Infinity)).toStrictEqual(valueError('safetyDays must be a finite number'));
  });
});

describe('serviceSafetyStock', () => {
  it('reproduces Taylor\'s I-75 Carpet Discount Store example (constant lead time)', () => {
    // B. W. Taylor, Introduction to Management Science, ch. 16 "Inventory Management", reorder point with
    // variable demand: d = 30 yd/day, σd = 5 yd, L = 10 days, 95% service; the book uses z = 1.65 from
    // its table: SS = 1.65 × 5 × √10 = 26.09 ≈ 26.1 yd.
    // With z = Φ⁻¹(0.95) = 1.6448536 exactly: SS = 1.6448536 × 5 × 3.1622777 = 26.0074194.
    const ss = serviceSafetyStock(0.95, 30, 5, 10, 0) as number;
    expect(ss).toBeCloseTo(26.00741939377787, 9);
    expect(Math.abs(ss - 26.1)).toBeLessThan(0.1); // the book's answer, up to its z-table rounding
  });

  it('combines demand and lead-time variability (hand-computed)', () => {
    // d = 2500/day, σd = 500, L = 7 days, σL = 7 days, 90% service:
    // L·σd² + d²·σL² = 7·250,000 + 6,250,000·49 = 1,750,000 + 306,250,000 = 308,000,000;
    // √308,000,000 = 17,549.9288; z = Φ⁻¹(0.90) = 1.2815516; SS = 1.2815516 × 17,549.9288 = 22,491.1387.
    expect(serviceSafetyStock(0.9, 2500, 500, 7, 7)).toBeCloseTo(22491.138696520975, 6);
    // A typical A item: d = 3/day, σd = 2, L = 30, σL = 5, 98% service:
    // 30·4 + 9·25 = 120 + 225 = 345; √345 = 18.5741756; z = 2.0537489; SS = 38.1466929.
    expect(serviceSafetyStock(0.98, 3, 2, 30, 5)).toBeCloseTo(38.14669294752669, 9);
  });

  it('reduces to z × σd × √L when σL = 0 (docs/FORMULAS.md)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 365, noNaN: true }),
        (sl, d, sd, L) => {
          const expected = (inverseNormal(sl) as number) * sd * Math.sqrt(L);
          expect(serviceSafetyStock(sl, d, sd, L, 0)).toBeCloseTo(expected, 6);
        },
      ),
    );
  });

  it('is 0 with no variability, zero demand and lead time, or a 50% service level', () => {
    expect(serviceSafetyStock(0.95, 10, 0, 30, 0)).toBe(0);
    expect(serviceSafetyStock(0.95, 0, 0, 30, 5)).toBe(0); // zero velocity, no demand variability
    expect(serviceSafetyStock(0.95, 10, 3, 0, 0)).toBe(0); // zero lead time, no lead-time variability
    expect(serviceSafetyStock(0.5, 10, 3, 30, 5)).toBe(0);
  });

  it('is negative below a 50% service level, as the textbook formula is', () => {
    // z = Φ⁻¹(0.3) = −0.5244005; σd = 4, L = 25: SS = −0.5244005 × 4 × 5 = −10.48801.
    expect(serviceSafetyStock(0.3, 10, 4, 25, 0)).toBeCloseTo(-10.488010254160818, 9);
  });

  it('rejects a service level outside (0, 1)', () => {
    const outside = valueError('serviceLevel must be between 0 and 1, exclusive');
    expect(serviceSafetyStock(1, 10, 3, 30, 0)).toStrictEqual(outside);
    expect(serviceSafetyStock(0, 10, 3, 30, 0)).toStrictEqual(outside);
    expect(serviceSafetyStock(NaN, 10, 3, 30, 0)).toStrictEqual(valueError('serviceLevel must be a number'));
  });

  it('rejects negative, NaN and infinite inputs', () => {
    expect(serviceSafetyStock(0.95, -1, 3, 30, 0)).toStrictEqual(valueError('dailyDemand must not be negative'));
    expect(serviceSafetyStock(0.95, 10, -3, 30, 0)).toStrictEqual(valueError('demandSd must not be negative'));
    expect(serviceSafetyStock(0.95, 10, 3, -30, 0)).toStrictEqual(valueError('leadTimeDays must not be negative'));
    expect(serviceSafetyStock(0.95, 10, 3, 30, -1)).toStrictEqual(valueError('leadTimeSd must not be negative'));
    expect(serviceSafetyStock(0.95, 10, 3, 30, NaN)).toStrictEqual(valueError('leadTimeSd must be a number'));
    expect(serviceSafetyStock(0.95, Infinity, 3, 30, 0)).toStrictEqual(valueError('dailyDemand must be a finite number'));
  });

  it('grows with the service level', () => {
    expect(serviceSafetyStock(0.99, 3, 2, 30, 5) as number).toBeGreaterThan(serviceSafetyStock(0.95, 3, 2, 30, 5) as number);
  });
});

describe('dailySdFromMonthly', () => {
  it('is σmonth / √30 by default (docs/FORMULAS.md "Policies")', () => {
    // 60 / √30 = 60 / 5.4772256 = 10.9544512.
    expect(dailySdFromMonthly(60)).toBeCloseTo(10.954451150103322, 12);
    // Variance scales with days: (σd)² × 30 = σmonth².
    expect((dailySdFromMonthly(60) as number) ** 2 * 30).toBeCloseTo(3600, 9);
  });

  it('takes another month length', () => {
    // 60 / √31 = 10.7763181.
    expect(dailySdFromMonthly(60, 31)).toBeCloseTo(10.776318121606495, 12);
  });

  it('is 0 for a steady seller', () => {
    expect(dailySdFromMonthly(0)).toBe(0);
  });

  it('rejects negative, zero-length, NaN and infinite inputs', () => {
    expect(dailySdFromMonthly(-1)).toStrictEqual(valueError('monthlySd must not be negative'));
    expect(dailySdFromMonthly(10, 0)).toStrictEqual(valueError('daysPerMonth must be greater than 0'));
    expect(dailySdFromMonthly(NaN)).toStrictEqual(valueError('monthlySd must be a number'));
    expect(dailySdFromMonthly(10, Infinity)).toStrictEqual(valueError('daysPerMonth must be a finite number'));
  });
});
