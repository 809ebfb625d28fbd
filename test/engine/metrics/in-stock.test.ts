import fc from 'fast-check';
import { isCalcError } from '../../../src/engine/errors';
import { stockDays, windowStart, type LedgerBalanceDay } from '../../../src/engine/metrics/in-stock';
import { stockoutAdjustedVelocity } from '../../../src/engine/metrics/velocity';

const day = (date: string, start: number | null, end: number | null, receipts = 0): LedgerBalanceDay => ({ date, start, end, receipts });
/** The 30 days of September 2026 as dates. */
const september = Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`);

describe('stockDays', () => {
  it('the issue case: in stock 10 days of 30 gives 20 days out, and 30 sold is 3 a day (issue 20, by hand)', () => {
    // 1–10 September: 3 units a day from 30 down to 0; 11–30 September: 0 at the start, nothing received.
    const days = september.map((date, i) => (i < 10 ? day(date, 30 - 3 * i, 27 - 3 * i) : day(date, 0, 0)));
    const got = stockDays(days, '2026-09-01', '2026-09-30');
    expect(got).toEqual({ inStock: 10, outOfStock: 20, unknown: 0 });
    // v = sold / inStockDays = 30 / 10 = 3 a day (docs/FORMULAS.md "Demand"), not 30 / 30 = 1.
    expect(stockoutAdjustedVelocity(30, 10)).toBe(3);
  });

  it('a day that starts at 0 and receives units is in stock (start + receipts > 0)', () => {
    const days = [day('2026-09-01', 0, 0), day('2026-09-02', 0, 4, 5), day('2026-09-03', 4, 0)];
    expect(stockDays(days, '2026-09-01', '2026-09-03')).toEqual({ inStock: 2, outOfStock: 1, unknown: 0 });
  });

  it('a negative starting balance (units owed) with fewer receipts is out of stock', () => {
    expect(stockDays([day('2026-09-01', -3, 0, 2)], '2026-09-01', '2026-09-01')).toEqual({ inStock: 0, outOfStock: 1, unknown: 0 });
  });

  it('days without a row after the first carry the last ending balance', () => {
    // Rows on the 1st (ends with 5) and the 4th (starts 0, ends 0): the 2nd and 3rd start with 5; the 5th and 6th with 0.
    const days = [day('2026-09-01', 8, 5), day('2026-09-04', 0, 0)];
    expect(stockDays(days, '2026-09-01', '2026-09-06')).toEqual({ inStock: 3, outOfStock: 3, unknown: 0 });
  });

  it('the balance before the window carries into it; days before the ledger starts are unknown, never out', () => {
    // Ended at 0 on 31 August, no rows in the window: every day of the window is out of stock.
    expect(stockDays([day('2026-08-31', 2, 0)], '2026-09-01', '2026-09-03')).toEqual({ inStock: 0, outOfStock: 3, unknown: 0 });
    // A ledger that starts on the 3rd: the 1st and 2nd are unknown.
    expect(stockDays([day('2026-09-03', 0, 0)], '2026-09-01', '2026-09-04')).toEqual({ inStock: 0, outOfStock: 2, unknown: 2 });
  });

  it('rows without balances (the detail view) make their days unknown, and the days after them', () => {
    const days = [day('2026-09-01', 4, 4), day('2026-09-02', null, null, 3)];
    expect(stockDays(days, '2026-09-01', '2026-09-04')).toEqual({ inStock: 1, outOfStock: 0, unknown: 3 });
  });

  it('an empty ledger knows nothing; a one-day window counts that day; the order of rows does not matter', () => {
    expect(stockDays([], '2026-09-01', '2026-09-30')).toEqual({ inStock: 0, outOfStock: 0, unknown: 30 });
    expect(stockDays([day('2026-09-02', 1, 0), day('2026-09-01', 0, 1, 1)], '2026-09-01', '2026-09-02')).toEqual({ inStock: 2, outOfStock: 0, unknown: 0 });
    // A window across a month and a year end: 30 Dec – 2 Jan is 4 days.
    expect(stockDays([day('2025-12-29', 1, 1)], '2025-12-30', '2026-01-02')).toEqual({ inStock: 4, outOfStock: 0, unknown: 0 });
  });

  it('rejects dates that are not YYYY-MM-DD, impossible dates and a window that ends before it starts', () => {
    expect(isCalcError(stockDays([], '2026-9-1', '2026-09-30'))).toBe(true);
    expect(isCalcError(stockDays([], '2026-02-01', '2026-02-30'))).toBe(true);
    expect(isCalcError(stockDays([], '2026-09-30', '2026-09-01'))).toBe(true);
    expect(isCalcError(stockDays([day('30/09/2026', 1, 1)], '2026-09-01', '2026-09-30'))).toBe(true);
  });

  it('every day of the window is counted once: in stock + out + unknown = the window length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 40 }), start: fc.option(fc.integer({ min: -5, max: 20 })), end: fc.option(fc.integer({ min: -5, max: 20 })), receipts: fc.integer({ min: 0, max: 5 }) })),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (rows, a, length) => {
          const date = (n: number) => new Date(Date.UTC(2026, 7, 20 + n)).toISOString().slice(0, 10);
          const days = [...new Map(rows.map((r) => [r.d, day(date(r.d), r.start, r.end, r.receipts)])).values()];
          const got = stockDays(days, date(a), date(a + length));
          if (isCalcError(got)) throw new Error(got.message);
          expect(got.inStock + got.outOfStock + got.unknown).toBe(length + 1);
        },
      ),
    );
  });
});

describe('windowStart', () => {
  it('is the first of the `length` days ending on `to`, across month and year ends', () => {
    expect(windowStart('2026-09-30', 30)).toBe('2026-09-01');
    expect(windowStart('2026-03-01', 2)).toBe('2026-02-28');
    expect(windowStart('2026-01-02', 4)).toBe('2025-12-30');
    expect(windowStart('2026-09-30', 1)).toBe('2026-09-30');
  });
  it('is null for a date that is not YYYY-MM-DD', () => {
    expect(windowStart('30/09/2026', 30)).toBeNull();
  });
});
