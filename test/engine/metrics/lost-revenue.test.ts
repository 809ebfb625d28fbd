import { CalcError } from '../../../src/engine/errors';
import { lostRevenue, projectedLostRevenue } from '../../../src/engine/metrics/lost-revenue';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('lostRevenue = daysOutOfStock × v × price (docs/FORMULAS.md, Money)', () => {
  test('hand-computed: 5 days × 2/day × 50 = 500', () => {
    expect(lostRevenue(5, 2, 50)).toBe(500);
  });

  test('zero velocity or no days out of stock lose nothing', () => {
    expect(lostRevenue(5, 0, 50)).toBe(0);
    expect(lostRevenue(0, 2, 50)).toBe(0);
  });

  test('negative and non-finite inputs are #VALUE!', () => {
    expect(lostRevenue(-5, 2, 50)).toStrictEqual(valueErr('daysOutOfStock must not be negative'));
    expect(lostRevenue(5, -2, 50)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(lostRevenue(5, 2, -50)).toStrictEqual(valueErr('price must not be negative'));
    expect(lostRevenue(5, Number.NaN, 50)).toStrictEqual(valueErr('velocity must be a number'));
    expect(lostRevenue(Infinity, 2, 50)).toStrictEqual(valueErr('daysOutOfStock must be a finite number'));
  });
});

describe('projectedLostRevenue = max(0, L − DOI incl. inbound) × v × price (docs/FORMULAS.md, Money)', () => {
  test('hand-computed: lead time 30, 12 days of stock incl. inbound, 2/day at 50 → 18 × 2 × 50 = 1800', () => {
    expect(projectedLostRevenue(30, 12, 2, 50)).toBe(1800);
  });

  test('stock that outlasts the lead time loses nothing', () => {
    expect(projectedLostRevenue(30, 30, 2, 50)).toBe(0);
    expect(projectedLostRevenue(30, 45, 2, 50)).toBe(0);
  });

  test('empty stock (DOI 0) loses the whole lead time: 30 × 2 × 50 = 3000', () => {
    expect(projectedLostRevenue(30, 0, 2, 50)).toBe(3000);
  });

  test('DOI +∞ (stock with no sales) gives 0', () => {
    expect(projectedLostRevenue(30, Infinity, 0, 50)).toBe(0);
    expect(projectedLostRevenue(30, Infinity, 2, 50)).toBe(0);
  });

  test('zero velocity gives 0', () => {
    expect(projectedLostRevenue(30, 0, 0, 50)).toBe(0);
  });

  test('negative and non-finite inputs are #VALUE! (only +∞ is a valid DOI)', () => {
    expect(projectedLostRevenue(-30, 12, 2, 50)).toStrictEqual(valueErr('leadTimeDays must not be negative'));
    expect(projectedLostRevenue(30, -1, 2, 50)).toStrictEqual(valueErr('doiInclInbound must not be negative'));
    expect(projectedLostRevenue(30, -Infinity, 2, 50)).toStrictEqual(valueErr('doiInclInbound must be a finite number'));
    expect(projectedLostRevenue(30, Number.NaN, 2, 50)).toStrictEqual(valueErr('doiInclInbound must be a number'));
    expect(projectedLostRevenue(30, 12, -2, 50)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(projectedLostRevenue(30, 12, 2, Infinity)).toStrictEqual(valueErr('price must be a finite number'));
    expect(projectedLostRevenue(Infinity, 12, 2, 50)).toStrictEqual(valueErr('leadTimeDays must be a finite number'));
  });
});
