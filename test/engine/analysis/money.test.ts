import fc from 'fast-check';
import { fromReporting, toReporting } from '../../../src/engine/analysis/money';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';

// docs/FORMULAS.md, "Units": money stays in the channel's currency (SAR for KSA, AED for UAE) and is converted
// to the reporting currency only for totals; default reporting currency SAR, AED→SAR 1.0211.
const sarReporting = DEFAULT_SETTINGS;
const aedReporting = { reportingCurrency: 'AED', aedToSar: 1.0211 } as const;

describe('toReporting / fromReporting with the default reporting currency SAR', () => {
  test('AED 1,000 is SAR 1,021.10 (1,000 × 1.0211)', () => {
    expect(toReporting(1000, 'AED', sarReporting)).toBeCloseTo(1021.1, 10);
  });

  test('SAR stays SAR', () => {
    expect(toReporting(1000, 'SAR', sarReporting)).toBe(1000);
    expect(fromReporting(1000, 'SAR', sarReporting)).toBe(1000);
  });

  test('SAR 1,021.10 back to AED is 1,000 (1,021.10 / 1.0211)', () => {
    expect(fromReporting(1021.1, 'AED', sarReporting)).toBeCloseTo(1000, 10);
  });

  test('the rate comes from the settings: AED 200 at 1.02 → SAR 204', () => {
    expect(toReporting(200, 'AED', { reportingCurrency: 'SAR', aedToSar: 1.02 })).toBeCloseTo(204, 10);
  });
});

describe('toReporting / fromReporting with reporting currency AED', () => {
  test('SAR 1,021.10 is AED 1,000 (1,021.10 / 1.0211)', () => {
    expect(toReporting(1021.1, 'SAR', aedReporting)).toBeCloseTo(1000, 10);
  });

  test('AED stays AED', () => {
    expect(toReporting(1000, 'AED', aedReporting)).toBe(1000);
    expect(fromReporting(1000, 'AED', aedReporting)).toBe(1000);
  });

  test('AED 1,000 expressed in SAR is 1,021.10 (1,000 × 1.0211)', () => {
    expect(fromReporting(1000, 'SAR', aedReporting)).toBeCloseTo(1021.1, 10);
  });
});

describe('fromReporting is the inverse of toReporting', () => {
  test('property: any amount, either currency, either reporting currency, any positive rate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom('SAR' as const, 'AED' as const),
        fc.constantFrom('SAR' as const, 'AED' as const),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (amount, currency, reportingCurrency, aedToSar) => {
          const s = { reportingCurrency, aedToSar };
          const back = fromReporting(toReporting(amount, currency, s), currency, s);
          return Math.abs(back - amount) <= 1e-9 * Math.max(1, Math.abs(amount));
        },
      ),
    );
  });
});
