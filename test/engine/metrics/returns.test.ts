import { CalcError } from '../../../src/engine/errors';
import { netDemand, RETURN_ALERT_RATE, returnAlert, returnRate } from '../../../src/engine/metrics/returns';

const valueErr = (message: string) => new CalcError('#VALUE!', message);
const text = (s: string) => s as unknown as number;

// docs/FORMULAS.md, "Forecasting and accuracy": return rate = returns / sales, alert above 15%;
// net demand = sales forecast − returns forecast.
describe('returnRate = returned / sold', () => {
  test('hand-computed: 12 returned of 80 sold → 0.15; 3 of 120 → 0.025', () => {
    expect(returnRate(80, 12)).toBeCloseTo(0.15, 12);
    expect(returnRate(120, 3)).toBeCloseTo(0.025, 12);
  });

  test('zero returns → 0', () => {
    expect(returnRate(50, 0)).toBe(0);
  });

  test('zero sales → null (no rate), with or without returns', () => {
    expect(returnRate(0, 0)).toBeNull();
    expect(returnRate(0, 4)).toBeNull();
  });

  test('returns above sales (returns of earlier sales) → a rate above 1, not capped', () => {
    expect(returnRate(10, 15)).toBe(1.5);
  });

  test('negative, NaN, infinite and text are #VALUE!', () => {
    expect(returnRate(-1, 0)).toStrictEqual(valueErr('sold must not be negative'));
    expect(returnRate(10, -2)).toStrictEqual(valueErr('returned must not be negative'));
    expect(returnRate(Number.NaN, 1)).toStrictEqual(valueErr('sold must be a number'));
    expect(returnRate(10, Number.NaN)).toStrictEqual(valueErr('returned must be a number'));
    expect(returnRate(Infinity, 1)).toStrictEqual(valueErr('sold must be a finite number'));
    expect(returnRate(text('10'), 1)).toStrictEqual(valueErr('sold must be a number'));
    expect(returnRate(10, text('x'))).toStrictEqual(valueErr('returned must be a number'));
  });
});

describe('returnAlert: rate strictly above 15%', () => {
  test('the threshold is 0.15', () => {
    expect(RETURN_ALERT_RATE).toBe(0.15);
  });

  test('above 15% alerts; exactly 15% and below do not', () => {
    expect(returnAlert(0.16)).toBe(true);
    expect(returnAlert(0.150001)).toBe(true);
    expect(returnAlert(1.5)).toBe(true);
    expect(returnAlert(0.15)).toBe(false);
    expect(returnAlert(0.1)).toBe(false);
    expect(returnAlert(0)).toBe(false);
  });

  test('from returnRate: 13 of 80 (16.25%) alerts, 12 of 80 (15%) does not', () => {
    expect(returnAlert(returnRate(80, 13) as number)).toBe(true);
    expect(returnAlert(returnRate(80, 12) as number)).toBe(false);
  });

  test('no rate (nothing sold) and NaN do not alert', () => {
    expect(returnAlert(null)).toBe(false);
    expect(returnAlert(Number.NaN)).toBe(false);
  });
});

describe('netDemand = max(0, sales − returns)', () => {
  test('hand-computed: 120 − 18 = 102; fractional forecasts 45.5 − 3.25 = 42.25', () => {
    expect(netDemand(120, 18)).toBe(102);
    expect(netDemand(45.5, 3.25)).toBe(42.25);
  });

  test('zero returns → sales; zero sales and zero returns → 0', () => {
    expect(netDemand(30, 0)).toBe(30);
    expect(netDemand(0, 0)).toBe(0);
  });

  test('returns above sales → 0, never negative (a quantity to plan for)', () => {
    expect(netDemand(10, 15)).toBe(0);
    expect(netDemand(0, 4)).toBe(0);
    expect(netDemand(10, 10)).toBe(0);
  });

  test('negative, NaN, infinite and text are #VALUE!', () => {
    expect(netDemand(-5, 0)).toStrictEqual(valueErr('sales must not be negative'));
    expect(netDemand(5, -1)).toStrictEqual(valueErr('returns must not be negative'));
    expect(netDemand(Number.NaN, 0)).toStrictEqual(valueErr('sales must be a number'));
    expect(netDemand(5, Infinity)).toStrictEqual(valueErr('returns must be a finite number'));
    expect(netDemand(text('5'), 1)).toStrictEqual(valueErr('sales must be a number'));
  });
});
