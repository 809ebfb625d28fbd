/**
 * Columns a kind marks unread (kinds.ts): matched by their header, so they tell the kind and are not
 * unknown columns, but their cells are never read. A bad value there changes nothing and says nothing,
 * and code that asks the records for such a field fails at once instead of reading nothing.
 */
import { KINDS } from '../../../src/engine/ingest/kinds';
import { readReport } from '../../../src/engine/ingest/read-report';
import * as F from '../../fixtures/reports';

const NOW = Date.UTC(2026, 10, 1);
const HEADER = F.NOON_SALES_KSA[0];
// gmv_lcy (column 10) and fulfillment_model (column 14) are unread in noon's sales export; offer_price (9) is read.
const row = (gmv: string, price: string) => ['1', 'SA', 'SA', 'SA', '', 'N1-1', 'NOON-BAG-01', 'ZBAG-1', 'Delivered', price, gmv, 'SAR', 'b', 'bags', 'FBN', '2026-10-03 10:00:00', '', ''];

describe('unread columns', () => {
  it('the noon sales export reads neither gmv_lcy nor id_partner, bayan_nr and fulfillment_model, and knows them all', () => {
    const spec = KINDS.find((k) => k.kind === 'noon-sales')!;
    expect(spec.fields.filter((f) => f.unread).map((f) => f.field)).toEqual(['partnerId', 'bayanNr', 'gmv', 'fulfillmentModel']);
    const r = readReport({ source: 'noon', grid: [HEADER, row('95', '95')] }, { asOf: NOW });
    expect(r.kind).toBe('noon-sales');
    expect(r.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['gmv_lcy', 'id_partner', 'bayan_nr', 'fulfillment_model']));
    expect(r.unknownColumns).not.toContain('gmv_lcy');
    expect(r.records.fields).not.toContain('gmv');
    expect(r.records.fields).toContain('offerPrice');
  });

  it('a value that cannot be read in an unread column is not reported; the same value in a read one is', () => {
    const r = readReport({ source: 'noon', grid: [HEADER, row('n/a?', '95'), row('95', 'n/a?')] }, { asOf: NOW });
    // Row 2: gmv_lcy unreadable, nothing to say. Row 3: offer_price unreadable, reported (the row is still used: the price is not required).
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[3, 'offer_price']]);
    expect([r.rowsRead, r.rowsUsed, r.rowsReported]).toEqual([2, 2, 0]);
  });

  it('asking the records for an unread field throws, by column and by row', () => {
    const r = readReport({ source: 'noon', grid: [HEADER, row('95', '95')] }, { asOf: NOW });
    expect(() => r.records.numberColumn('gmv')).toThrow(/gmv is not read/);
    expect(() => r.records.textColumn('fulfillmentModel')).toThrow(/fulfillmentModel is not read/);
    const [rec] = r.records;
    expect(() => rec.values.gmv).toThrow(/gmv is not read/);
    expect(rec.values.offerPrice).toBe(95);
    // A filtered copy keeps the rule.
    expect(() => r.records.filter(() => true).numberColumn('gmv')).toThrow(/gmv is not read/);
  });
});
