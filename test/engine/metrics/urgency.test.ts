import { CalcError } from '../../../src/engine/errors';
import { urgency } from '../../../src/engine/metrics/urgency';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

// Default thresholds (docs/FORMULAS.md settings): criticalDays 7, stockoutDays 14, severeExcessDays 365.
describe('urgency (docs/FORMULAS.md, Urgency)', () => {
  test('CRITICAL: selling with DOI 5 < 7', () => {
    expect(urgency(2, 5, 10, 0)).toBe('CRITICAL');
  });

  test('CRITICAL: selling but stocked out (v = 2, available 0 → DOI 0 < 7)', () => {
    expect(urgency(2, 0, 0, 0)).toBe('CRITICAL');
  });

  test('LOW: 7 ≤ DOI < 14 (DOI 7 and 13.9); DOI 14 is not LOW', () => {
    expect(urgency(2, 7, 14, 0)).toBe('LOW');
    expect(urgency(2, 13.9, 27.8, 0)).toBe('LOW');
    expect(urgency(2, 14, 28, 0)).toBeNull();
  });

  test('healthy cover gets none: DOI 100, DOI 365', () => {
    expect(urgency(2, 100, 200, 0)).toBeNull();
    expect(urgency(2, 365, 730, 0)).toBeNull();
  });

  test('HIGH: selling with DOI 365.5 > 365', () => {
    expect(urgency(2, 365.5, 731, 0)).toBe('HIGH');
  });

  test('HIGH: stranded units on an otherwise healthy position', () => {
    expect(urgency(2, 100, 200, 3)).toBe('HIGH');
  });

  test('the highest priority wins: stranded units on a critical position stay CRITICAL', () => {
    expect(urgency(2, 3, 6, 3)).toBe('CRITICAL');
  });

  test('MEDIUM: dead stock (v = 0, available > 0) although its DOI is +∞', () => {
    expect(urgency(0, Infinity, 50, 0)).toBe('MEDIUM');
  });

  test('dead stock with stranded units is HIGH', () => {
    expect(urgency(0, Infinity, 50, 3)).toBe('HIGH');
  });

  test('neither stock nor sales: none; with stranded units only: HIGH', () => {
    expect(urgency(0, 0, 0, 0)).toBeNull();
    expect(urgency(0, 0, 0, 2)).toBe('HIGH');
  });

  test('custom thresholds: critical 3, stockout 10, severe 120', () => {
    const t = { criticalDays: 3, stockoutDays: 10, severeExcessDays: 120 };
    expect(urgency(1, 5, 5, 0, t)).toBe('LOW');
    expect(urgency(1, 2, 2, 0, t)).toBe('CRITICAL');
    expect(urgency(1, 121, 121, 0, t)).toBe('HIGH');
  });

  test('negative, NaN and −∞ inputs are #VALUE!', () => {
    expect(urgency(-1, 5, 10, 0)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(urgency(1, Number.NaN, 10, 0)).toStrictEqual(valueErr('doi must be a number'));
    expect(urgency(1, -Infinity, 10, 0)).toStrictEqual(valueErr('doi must be a finite number'));
    expect(urgency(1, 5, -10, 0)).toStrictEqual(valueErr('available must not be negative'));
    expect(urgency(1, 5, 10, -1)).toStrictEqual(valueErr('strandedUnits must not be negative'));
    expect(urgency(1, 5, 10, 0, { criticalDays: -7, stockoutDays: 14, severeExcessDays: 365 })).toStrictEqual(
      valueErr('criticalDays must not be negative'),
    );
  });
});
