/**
 * A file read a row at a time (LineGrid) has its plain cells read where they stand in the file's text
 * (read-report.ts, fastCell; values/numbers.ts, plainNumberAt; values/dates.ts, isoFastAt; records.ts, TextColumn.setRange).
 * Whatever the cells, the report must be the one the same rows give as a grid of strings: same records,
 * same issues, same counts. Expected values here come from the general readers (`+text`, parseDate,
 * TextColumn.set), which the rest of the suite checks against hand-computed cases.
 */
import fc from 'fast-check';
import { LineGrid, plainQuotes } from '../../../src/engine/ingest/line-grid';
import { readReport } from '../../../src/engine/ingest/read-report';
import { hashRange, TextColumn } from '../../../src/engine/ingest/records';
import { isoFastAt, parseDate } from '../../../src/engine/ingest/values/dates';
import { parseNumber, plainNumberAt } from '../../../src/engine/ingest/values/numbers';

const AS_OF = Date.UTC(2025, 9, 31, 6);

/** Cells that are plain values, and cells next to them that are not (spaces, invisible marks, odd numbers and dates). */
const CELLS = [
  '', ' ', '--', 'N/A', '0', '-0', '00', '.5', '5.', '-.5', '-', '.', '1e3', '12,5', '1.234,50', '1,234.50', '9999999999999',
  '1000000000000', '1000000000001', '123456789012345', '1234567890123456', '12345678901234567890', '0.1', '0.30000000000000004', '-3', '-12.75', '3.14159265358979',
  '2025-10-30 23:59:51', '2025-10-30', '2025-10-30T10:00', '2025-02-29', '2024-02-29', '2025-13-01', '2025-10-30 24:00:00', '2031-01-01',
  '1999-12-31', '2025-11-07', '2025-11-08', '30/10/2025', '2025/10/30', 'NOONSA-1', 'NOONSA-2', ' NOONSA-1', 'NOONSA-1 ', 'A\u200bB', '\u200b',
  'سعر', 'Delivered', 'Cancelled', 'Processing', 'SAR', 'AED', 'x'.repeat(40), '\u00a0', 'é', 'a b', '\u0001',
];
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CELLS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', ' ', 'A', 'b', ':', '\u00a0'), maxLength: 20 }) },
);

const NOON_SALES = ['id_partner', 'country_code', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'order_timestamp', 'brand_code'];
const STORAGE_FEES = ['asin', 'fnsku', 'sku', 'month_of_charge', 'average_quantity_on_hand', 'estimated_monthly_storage_fee', 'base_rate', 'currency'];
const INVENTORY_AGE = ['snapshot-date', 'sku', 'asin', 'available', 'pending-removal-quantity', 'inv-age-0-to-90-days', 'inv-age-91-to-180-days', 'currency'];

/** The report of `text` read a row at a time, and from the same rows as a grid of strings. */
function bothWays(text: string, delimiter: string, decimalComma: boolean) {
  const quoted = text.includes('"');
  expect(quoted ? plainQuotes(text, delimiter) : true).toBe(true);
  const lines = new LineGrid(text, delimiter, '\n', quoted);
  const grid = lines.toGrid();
  const options = { asOf: AS_OF, decimalComma };
  const inPlace = readReport({ source: 'report.csv', grid, rows: lines }, options);
  const asGrid = readReport({ source: 'report.csv', grid }, options);
  return { inPlace, asGrid };
}

const summary = (r: ReturnType<typeof readReport>) => ({
  kind: r.kind,
  rowsRead: r.rowsRead,
  rowsUsed: r.rowsUsed,
  rowsReported: r.rowsReported,
  issues: r.issues,
  records: r.records.toArray(),
});

describe('Reading cells in place: the same report as from a grid of strings', () => {
  it('a hand-made business report with quoted cells: each is its text between the quotes', () => {
    const header = ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales'];
    const text = [header.join(','), 'B0PARENT01,B0CHILD001,"Marina Backpack, 2-Pack, Beige",AMZSA-1,"12,903",4,"SAR 1,234.50"', 'B0PARENT01,B0CHILD002,"The ""Classic"" Bag","AMZSA-2",7,"3",19.5'].join('\n');
    const { inPlace, asGrid } = bothWays(text, ',', false);
    expect(summary(inPlace)).toEqual(summary(asGrid));
    expect(inPlace.records.toArray().map((r) => [r.values.title, r.values.sku, r.values.sessions, r.values.unitsOrdered, r.values.revenue])).toEqual([
      ['Marina Backpack, 2-Pack, Beige', 'AMZSA-1', 12903, 4, 1234.5],
      ['The "Classic" Bag', 'AMZSA-2', 7, 3, 19.5],
    ]);
  });

  it('a hand-made noon sales export: plain cells read in place, the others as before (issues and all)', () => {
    const text = [
      NOON_SALES.join(','),
      '690702,SA,NSAI1-1,NOONSA-1,Z1-1,Processing,85.94,85.94,SAR,2025-10-30 23:59:51,qamar',
      '690702,SA,NSAI2-1, NOONSA-1,Z1-1,Delivered,-3,1.5,SAR,2025-10-30,qamar',
      '690702,SA,NSAI3-1,NOONSA-2,Z2-1,Cancelled,12345678901234567890,0.1,SAR,2025-02-30 10:00:00,x',
      ',,,,,,,,,,',
      '690702,SA,NSAI4-1,NOON\u200bSA-3,Z3-1,Delivered,7,,SAR,2031-01-01 00:00:00',
      '690702,SA,NSAI5-1,NOONSA-2,Z2-1,Delivered,.5,5.,SAR,2025-10-29T08:00,qamar,extra',
    ].join('\n');
    const { inPlace, asGrid } = bothWays(text, ',', false);
    expect(summary(inPlace)).toEqual(summary(asGrid));
    // What the rows give, as the general readers read them (row 2 is the header's next line).
    expect(inPlace.rowsRead).toBe(5); // the blank row is not read
    expect(inPlace.records.toArray().map((r) => [r.row, r.values.sku, r.values.offerPrice, r.values.orderTimestamp])).toEqual([
      [2, 'NOONSA-1', 85.94, Date.UTC(2025, 9, 30, 23, 59, 51)],
      [3, 'NOONSA-1', null, Date.UTC(2025, 9, 30)], // -3 is not a price: the cell is not used, the row is
      [7, 'NOONSA-2', 0.5, Date.UTC(2025, 9, 29, 8)],
    ]);
    expect(inPlace.rowsReported).toBe(2); // 30 February; a date in 2031
  });

  it('any rows of three report kinds, with a comma or a tab, with and without a decimal comma (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(NOON_SALES, STORAGE_FEES, INVENTORY_AGE),
        fc.constantFrom(',', '\t'),
        fc.boolean(),
        fc.array(fc.array(fc.tuple(cell, fc.integer({ min: 0, max: 5 })), { minLength: 0, maxLength: 12 }), { minLength: 1, maxLength: 25 }),
        (header, delimiter, decimalComma, rows) => {
          // One cell in three quoted, some holding the delimiter and a doubled quote; the others plain.
          const write = ([c, q]: [string, number]) => (q === 0 ? `"${c}"` : q === 1 ? `"${c}${delimiter}""x"` : c.split(delimiter).join(' '));
          const lines = rows.map((r) => r.map((c) => write([c[0].split('\n').join(' '), c[1]])).join(delimiter));
          const { inPlace, asGrid } = bothWays([header.join(delimiter), ...lines].join('\n'), delimiter, decimalComma);
          expect(inPlace.kind).not.toBeNull(); // the rows are read, not set aside with the whole file
          expect(summary(inPlace)).toEqual(summary(asGrid));
          expect(inPlace.rowsRead).toBe(inPlace.rowsUsed + inPlace.rowsReported);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('plainNumberAt and isoFastAt: the general readers\' values, read where the text stands', () => {
  it('a plain number is the double `+text` gives (Clinger: up to 15 digits, M / 10^k is one correctly rounded division)', () => {
    // 0.1 + 0.2 is not 0.3, but "0.3" read is the double nearest 0.3, as Number("0.3").
    expect(plainNumberAt('x0.3y', 1, 4, false)).toBe(0.3);
    expect(plainNumberAt('85.94', 0, 5, false)).toBe(85.94);
    expect(plainNumberAt('-12.75', 0, 6, false)).toBe(-12.75);
    expect(Object.is(plainNumberAt('-0', 0, 2, false), 0)).toBe(true); // "-0" reads as 0
    expect(plainNumberAt('12345678901234567890', 0, 20, false)).toBe(12345678901234567000);
    expect(plainNumberAt('1.5', 0, 3, true)).toBeUndefined(); // with a decimal comma the dot is a thousands separator
    expect(plainNumberAt('-', 0, 1, false)).toBeUndefined();
    expect(plainNumberAt('1e3', 0, 3, false)).toBeUndefined();
  });

  it('agrees with parseNumber on any text of digits, dots and minus signs it accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '7', '9', '.', '-'), minLength: 1, maxLength: 24 }), fc.string({ maxLength: 3 }), (s, pad) => {
        const x = plainNumberAt(pad + s + pad, pad.length, pad.length + s.length, false);
        if (x === undefined) return;
        expect(Object.is(x, parseNumber(s))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('an ISO date is parseDate\'s; a date that is not one is its problem (property)', () => {
    expect(isoFastAt('x2025-10-30 23:59:51', 1, 20)).toBe(Date.UTC(2025, 9, 30, 23, 59, 51));
    expect(isoFastAt('2024-02-29', 0, 10)).toBe(Date.UTC(2024, 1, 29));
    expect(isoFastAt('2025-02-29', 0, 10)).toEqual(parseDate('2025-02-29'));
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2040 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(10, 16, 19),
        (y, mo, d, h, mi, length) => {
          const two = (n: number) => String(n).padStart(2, '0');
          const s = `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(mi)}`.slice(0, length);
          expect(isoFastAt(`..${s}..`, 2, 2 + s.length)).toEqual(parseDate(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('TextColumn.setRange: a cell read where it stands is the text set() gives', () => {
  it('reads back each row, past the point where the column is judged nearly unique, and shares repeated texts', () => {
    const n = 25_000;
    const line = Array.from({ length: n }, (_, i) => `ITEM-${i % 24_000}`).join(',');
    const c = new TextColumn(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const end = line.indexOf(',', at) < 0 ? line.length : line.indexOf(',', at);
      c.setRange(i, line, at, end);
      at = end + 1;
    }
    c.finish();
    expect([c.at(0), c.at(19_999), c.at(23_999), c.at(24_000), c.at(n - 1)]).toEqual(['ITEM-0', 'ITEM-19999', 'ITEM-23999', 'ITEM-0', 'ITEM-999']);
  });

  it('gives what set() gives, for any texts and any mix of the two (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom('SA', 'AE', 'SKU-1', 'SKU-10'), fc.string({ minLength: 1, maxLength: 12 })), fc.boolean()), { maxLength: 300 }), (cells) => {
        const text = cells.map(([t]) => t).join('');
        const byRange = new TextColumn(cells.length);
        const bySet = new TextColumn(cells.length);
        let at = 0;
        cells.forEach(([t, inPlace], i) => {
          if (inPlace) byRange.setRange(i, text, at, at + t.length);
          else byRange.set(i, t);
          bySet.set(i, t);
          at += t.length;
        });
        byRange.finish();
        const rows = cells.map((_, i) => i);
        expect(rows.map((i) => byRange.at(i))).toEqual(rows.map((i) => bySet.at(i)));
        expect(rows.map((i) => byRange.at(i))).toEqual(cells.map(([t]) => t));
      }),
    );
  });

  it('hashRange hashes the characters of the range only', () => {
    expect(hashRange('xxSKU-1yy', 2, 7)).toBe(hashRange('SKU-1', 0, 5));
    expect(hashRange('SKU-1', 0, 5)).not.toBe(hashRange('SKU-2', 0, 5));
  });
});
