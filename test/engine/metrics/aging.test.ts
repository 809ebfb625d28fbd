import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { AGING_BUCKETS, agingBucket, mapAgingColumns } from '../../../src/engine/metrics/aging';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('agingBucket (docs/FORMULAS.md, Classes: aging buckets)', () => {
  test('the six buckets in order', () => {
    expect(AGING_BUCKETS).toEqual(['0-30', '31-60', '61-90', '91-180', '181-365', '365+']);
  });

  test.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, '365+'],
    [1000, '365+'],
  ])('whole days: %d → %s', (age, bucket) => {
    expect(agingBucket(age)).toBe(bucket);
  });

  test('fractional days round up (upper bounds inclusive): 0.5 → 0-30, 30.2 → 31-60, 365.5 → 365+', () => {
    expect(agingBucket(0.5)).toBe('0-30');
    expect(agingBucket(30.2)).toBe('31-60');
    expect(agingBucket(90.0001)).toBe('91-180');
    expect(agingBucket(365.5)).toBe('365+');
  });

  test('negative, NaN and infinite ages are #VALUE!', () => {
    expect(agingBucket(-1)).toStrictEqual(valueErr('ageDays must not be negative'));
    expect(agingBucket(Number.NaN)).toStrictEqual(valueErr('ageDays must be a number'));
    expect(agingBucket(Infinity)).toStrictEqual(valueErr('ageDays must be a finite number'));
  });
});

describe('mapAgingColumns (docs/FORMULAS.md, Classes: aging buckets)', () => {
  test('current split: 0-30, 31-60, 61-90, 91-180, 181-330 + 331-365 → 181-365, 366-455 + 456-plus → 365+', () => {
    const { buckets, unmapped } = mapAgingColumns({
      'inv-age-0-to-30-days': 5,
      'inv-age-31-to-60-days': 4,
      'inv-age-61-to-90-days': 3,
      'inv-age-91-to-180-days': 2,
      'inv-age-181-to-330-days': 7,
      'inv-age-331-to-365-days': 1,
      'inv-age-366-to-455-days': 6,
      'inv-age-456-plus-days': 2,
    });
    expect(buckets).toEqual({ '0-30': 5, '31-60': 4, '61-90': 3, '91-180': 2, '181-365': 8, '365+': 8 });
    expect(Object.keys(buckets)).toEqual([...AGING_BUCKETS]);
    expect(unmapped).toEqual([]);
  });

  test('older split: legacy 0-90 stays its own bucket; 181-270 + 271-365 → 181-365; 365-plus → 365+', () => {
    const { buckets, unmapped } = mapAgingColumns({
      'inv-age-365-plus-days': 9,
      'inv-age-0-to-90-days': 10,
      'inv-age-91-to-180-days': 2,
      'inv-age-181-to-270-days': 3,
      'inv-age-271-to-365-days': 4,
    });
    expect(buckets).toEqual({ '0-90': 10, '91-180': 2, '181-365': 7, '365+': 9 });
    expect(Object.keys(buckets)).toEqual(['0-90', '91-180', '181-365', '365+']);
    expect(unmapped).toEqual([]);
  });

  test('the FBA inventory planning header (both generations of columns; the unused ones blank)', () => {
    // inv-age-* columns of data/reports/amazon/fba-inventory-planning.header.tsv, in header order.
    const { buckets, unmapped } = mapAgingColumns({
      'inv-age-0-to-90-days': Number.NaN,
      'inv-age-91-to-180-days': 2,
      'inv-age-181-to-270-days': Number.NaN,
      'inv-age-271-to-365-days': Number.NaN,
      'inv-age-365-plus-days': 1,
      'inv-age-0-to-30-days': 5,
      'inv-age-31-to-60-days': 4,
      'inv-age-61-to-90-days': 3,
      'inv-age-181-to-330-days': 6,
      'inv-age-331-to-365-days': 1,
    });
    expect(buckets).toEqual({ '0-30': 5, '0-90': 0, '31-60': 4, '61-90': 3, '91-180': 2, '181-365': 7, '365+': 1 });
    expect(unmapped).toEqual([]);
  });

  test('unknown and malformed names are unmapped', () => {
    const { buckets, unmapped } = mapAgingColumns({
      sku: 1,
      'inv-age-foo-days': 1,
      'inv-age-90-to-30-days': 1,
      'inv-age-0-to-30': 1,
      'inv-age-0-to-30-days': 5,
    });
    expect(buckets).toEqual({ '0-30': 5 });
    expect(unmapped).toEqual(['sku', 'inv-age-foo-days', 'inv-age-90-to-30-days', 'inv-age-0-to-30']);
  });

  test('names match case-insensitively after trimming', () => {
    expect(mapAgingColumns({ ' INV-AGE-0-TO-30-DAYS ': 5 }).buckets).toEqual({ '0-30': 5 });
  });

  test('other straddling ranges stay their own buckets: 0-60 → "0-60", 90-plus → "90+"', () => {
    expect(mapAgingColumns({ 'inv-age-0-to-60-days': 3, 'inv-age-90-plus-days': 4 }).buckets).toEqual({
      '0-60': 3,
      '90+': 4,
    });
  });

  test('an empty report maps to nothing', () => {
    expect(mapAgingColumns({})).toEqual({ buckets: {}, unmapped: [] });
  });

  test('property: the bucket totals add up to the mapped finite values', () => {
    const names = [
      'inv-age-0-to-30-days',
      'inv-age-31-to-60-days',
      'inv-age-61-to-90-days',
      'inv-age-0-to-90-days',
      'inv-age-91-to-180-days',
      'inv-age-181-to-270-days',
      'inv-age-271-to-365-days',
      'inv-age-181-to-330-days',
      'inv-age-331-to-365-days',
      'inv-age-365-plus-days',
      'inv-age-366-to-455-days',
      'inv-age-456-plus-days',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.integer({ min: 0, max: 1e6 })), (columns) => {
        const { buckets, unmapped } = mapAgingColumns(columns);
        const total = Object.values(columns).reduce((s, x) => s + x, 0);
        return unmapped.length === 0 && Object.values(buckets).reduce((s, x) => s + x, 0) === total;
      }),
    );
  });
});
