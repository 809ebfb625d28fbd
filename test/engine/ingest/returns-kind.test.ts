/**
 * The Amazon FBA customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA): recognized by its
 * header, read row by row, and joined into positions as units returned (in total and per calendar
 * month of the return date). Expected figures are computed by hand from the rows shown.
 */
import { detectKind } from '../../../src/engine/ingest/detect';
import { importSources } from '../../../src/engine/ingest/import';
import type { Position } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import * as F from '../../fixtures/reports';

/** Tab-separated text as Amazon delivers it, split into a grid of text cells. */
const tsv = (text: string): RawCell[][] => text.split('\n').map((line) => line.split('\t'));

const HEADER =
  'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments';

// Rows 2–8. SKUs of the project's mapping fixture: AMZ-BAG-01 → BAG-01, AMZ-MUG-02 → MUG-02 (ASIN B0MUG00002).
const RETURNS = tsv(
  [
    HEADER,
    '2026-09-14T10:21:07+00:00\t403-1111111-1111111\tAMZ-BAG-01\tB0BAG00001\tX001BAG001\tحقيبة ظهر للسفر\t1\tRUH1\tSELLABLE\tNOT_AS_DESCRIBED\tUnit returned to inventory\tLPNRR123456789\tSmaller than expected',
    '2026-09-28T08:00:00+00:00\t403-2222222-2222222\tAMZ-BAG-01\tB0BAG00001\tX001BAG001\tحقيبة ظهر للسفر\t2\tRUH1\tCUSTOMER_DAMAGED\tDAMAGED_BY_CUSTOMER\tUnit returned to inventory\tLPNRR223456789\t',
    '2026-10-03T16:45:12+00:00\t403-3333333-3333333\tAMZ-BAG-01\tB0BAG00001\tX001BAG001\tحقيبة ظهر للسفر\t\tJED2\tSELLABLE\tUNWANTED_ITEM\tReimbursed\tLPNRR323456789\t',
    '2026-10-05T09:10:00+00:00\t403-4444444-4444444\tAMZ-MUG-RED\tB0MUG00002\tX001MUG002\tCeramic Mug 350ml red\t3\tRUH1\tDEFECTIVE\tDEFECTIVE\tUnit returned to inventory\tLPNRR423456789\tChipped',
    '2026-10-06T11:00:00+00:00\t403-5555555-5555555\tAMZ-MUG-02\tB0MUG00002\tX001MUG002\tCeramic Mug 350ml\ttwo\tRUH1\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPNRR523456789\t',
    '2026-10-07T11:00:00+00:00\t403-6666666-6666666\tAMZ-NEW-99\tB0NEW00099\tX001NEW099\tNew product\t1\tRUH1\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPNRR623456789\t',
    '\t403-7777777-7777777\tAMZ-MUG-02\tB0MUG00002\tX001MUG002\tCeramic Mug 350ml\t1\tRUH1\tSELLABLE\tUNWANTED_ITEM\tUnit returned to inventory\tLPNRR723456789\t',
  ].join('\n'),
);

const result = importSources([
  { source: 'Mapping', grid: F.MAPPING },
  { source: 'Amazon KSA inventory', grid: F.MYI_KSA },
  { source: 'Business Report KSA', grid: F.BUSINESS_KSA },
  { source: 'Amazon KSA returns', grid: RETURNS },
]);
const summary = result.sources.find((s) => s.source === 'Amazon KSA returns')!;
const position = (master: string, channel: string): Position => {
  const p = result.positions.find((x) => x.masterSku === master && x.channel.id === channel);
  if (!p) throw new Error(`no position ${master} on ${channel}`);
  return p;
};

describe('detection', () => {
  it('the real header is an Amazon FBA customer returns report, without doubt', () => {
    const d = detectKind(RETURNS[0], 'Sheet1');
    expect(d.kind).toBe('amazon-returns');
    expect(d.unsure).toBe(false);
    expect(d.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d.reasons[0]).toMatch(/^columns typical of the Amazon FBA customer returns: return-date, order-id, fulfillment-center-id, detailed-disposition, reason, license-plate-number/);
  });

  it('is not confused with All Orders (which shares order id, sku, asin, quantity, product-name)', () => {
    // All Orders finds 3 of its 10 distinctive or required columns (order id, sku, quantity): 1 × (½ + ½ × 0.3) = 0.65.
    const d = detectKind(RETURNS[0], 'Sheet1');
    expect(d.candidates.slice(0, 2)).toEqual([
      { kind: 'amazon-returns', confidence: 1 },
      { kind: 'amazon-orders', confidence: expect.closeTo(0.65, 12) },
    ]);
    // An "amazon" in the name lifts both alike.
    expect(detectKind(RETURNS[0], 'amazon returns').kind).toBe('amazon-returns');
  });

  it('All Orders and the other kinds are still recognized as before', () => {
    const allOrders = 'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price'.split('\t');
    expect(detectKind(allOrders).kind).toBe('amazon-orders');
    const stranded = ['primary-action', 'date-stranded', 'status-primary', 'stranded-reason', 'asin', 'sku', 'fnsku', 'product-name', 'fulfillable-qty', 'unfulfillable-qty'];
    expect(detectKind(stranded).kind).toBe('amazon-stranded');
  });

  it('a trimmed returns sheet (date, order, SKU, quantity, disposition, reason) is still recognized', () => {
    expect(detectKind(['return-date', 'order-id', 'sku', 'quantity', 'detailed-disposition', 'reason']).kind).toBe('amazon-returns');
  });

  it('the channel comes from the sheet name (the report has no country column)', () => {
    expect(summary.channel?.id).toBe('amazon-ksa');
    expect(summary.channelDecision?.decidedBy).toBe('name');
  });
});

describe('rows', () => {
  it('rows read = rows used + rows reported: the unreadable quantity and the blank return date are reported', () => {
    expect(summary.kind).toBe('amazon-returns');
    expect([summary.rowsRead, summary.rowsUsed, summary.rowsReported]).toEqual([7, 5, 2]);
    expect(summary.issues).toEqual([
      expect.objectContaining({ row: 6, column: 'quantity', value: 'two', dropped: true }),
      expect.objectContaining({ row: 8, column: 'return-date', value: null, reason: 'return-date is blank', dropped: true }),
    ]);
    expect(summary.issues[0].reason).toMatch(/not a number/);
  });

  it('reads the return date as a date-time and a blank quantity as 1', () => {
    const [first, , third] = summary.report.records.toArray();
    expect(first.values).toMatchObject({ returnDate: Date.UTC(2026, 8, 14, 10, 21, 7), sku: 'AMZ-BAG-01', quantity: 1, detailedDisposition: 'SELLABLE', licensePlateNumber: 'LPNRR123456789' });
    expect(third.values.quantity).toBe(1);
  });
});

describe('join', () => {
  it('returned units join the mapped position; by month of the return date', () => {
    // BAG-01: 1 (14 Sep) + 2 (28 Sep) + 1 (3 Oct, quantity blank)
    const bag = position('BAG-01', 'amazon-ksa');
    expect(bag.returned).toBe(4);
    expect(bag.returnsByMonth).toEqual({ '2026-09': 3, '2026-10': 1 });
  });

  it('a SKU not in the mapping joins by its ASIN; the row with the bad quantity is not counted', () => {
    // AMZ-MUG-RED carries ASIN B0MUG00002 → MUG-02: 3 units; row 6 (quantity "two") is reported instead.
    const mug = position('MUG-02', 'amazon-ksa');
    expect(mug.returned).toBe(3);
    expect(mug.returnsByMonth).toEqual({ '2026-10': 3 });
  });

  it('returns do not change stock or sales', () => {
    const bag = position('BAG-01', 'amazon-ksa');
    expect(bag).toMatchObject({ available: 103, sold: 300, salesFrom: 'amazon-business-report', stockFrom: 'amazon-inventory' });
  });

  it('an unmapped SKU is a provisional position and reported, as in the stranded and reserved reports', () => {
    expect(position('AMZ-NEW-99', 'amazon-ksa')).toMatchObject({ provisional: true, returned: 1, returnsByMonth: { '2026-10': 1 }, sold: 0, available: 0 });
    expect(result.issues.some((i) => i.source === 'Amazon KSA returns' && i.row === 7 && /AMZ-NEW-99 is not in the mapping/.test(i.reason))).toBe(true);
  });

  it('a SKU returned several times is not a duplicate (one row per return)', () => {
    expect(result.issues.some((i) => i.source === 'Amazon KSA returns' && /Duplicate/.test(i.reason))).toBe(false);
  });

  it('positions without a returns report have nothing returned', () => {
    const r = importSources([
      { source: 'Mapping', grid: F.MAPPING },
      { source: 'Amazon KSA inventory', grid: F.MYI_KSA },
    ]);
    for (const p of r.positions) expect([p.returned, p.returnsByMonth]).toEqual([0, {}]);
  });

  it('a negative quantity is reported and counted as 0; without a quantity column each row is one unit', () => {
    const negative = importSources([{ source: 'Amazon KSA returns', grid: tsv(`return-date\torder-id\tsku\tquantity\tdetailed-disposition\treason\n2026-10-01\t1\tA-1\t-2\tSELLABLE\tUNWANTED_ITEM`) }]);
    expect(negative.positions[0]).toMatchObject({ returned: 0 });
    expect(negative.issues.some((i) => i.row === 2 && /Negative returned quantity -2 counted as 0/.test(i.reason))).toBe(true);

    const noQty = importSources([{ source: 'Amazon KSA returns', grid: tsv(`return-date\torder-id\tsku\tdetailed-disposition\treason\n2026-10-01\t1\tA-1\tSELLABLE\tUNWANTED_ITEM\n2026-11-02\t2\tA-1\tSELLABLE\tUNWANTED_ITEM`) }]);
    expect(noQty.sources[0].kind).toBe('amazon-returns');
    expect(noQty.positions[0]).toMatchObject({ returned: 2, returnsByMonth: { '2026-10': 1, '2026-11': 1 } });
  });
});
