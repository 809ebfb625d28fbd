/**
 * The importer on the project's own fixtures (test/fixtures/reports.ts): recognition, row accounting,
 * channel inference and the join into positions. Expected figures are computed by hand from the
 * fixture rows (shown beside each expectation).
 */
import { importSources } from '../../../src/engine/ingest/import';
import { readReport } from '../../../src/engine/ingest/read-report';
import { repriced } from '../../../src/engine/ingest/join';
import type { Position } from '../../../src/engine/model';
import * as F from '../../fixtures/reports';

const SOURCES = [
  { source: 'Mapping', grid: F.MAPPING },
  { source: 'Amazon KSA inventory', grid: F.MYI_KSA },
  { source: 'Business Report KSA', grid: F.BUSINESS_KSA },
  { source: 'noon sales', grid: F.NOON_SALES_KSA },
  { source: 'noon KSA stock', grid: F.NOON_STOCK },
  { source: 'Inventory age', grid: F.INVENTORY_AGE },
  { source: 'Restock', grid: F.RESTOCK },
  { source: 'Stranded KSA', grid: F.STRANDED },
  { source: 'Reserved KSA', grid: F.RESERVED },
  { source: 'All Orders', grid: F.ORDERS_UAE },
  { source: 'PO history', grid: F.PO_HISTORY },
  { source: 'Warehouse', grid: F.WAREHOUSE },
];

const result = importSources(SOURCES);
const summary = (source: string) => result.sources.find((s) => s.source === source)!;
const position = (master: string, channel: string): Position => {
  const p = result.positions.find((x) => x.masterSku === master && x.channel.id === channel);
  if (!p) throw new Error(`no position ${master} on ${channel}`);
  return p;
};

describe('recognition', () => {
  it.each([
    ['Mapping', 'mapping'],
    ['Amazon KSA inventory', 'amazon-inventory'],
    ['Business Report KSA', 'amazon-business-report'],
    ['noon sales', 'noon-sales'],
    ['noon KSA stock', 'noon-stock'],
    ['Inventory age', 'amazon-inventory-age'],
    ['Restock', 'amazon-restock'],
    ['Stranded KSA', 'amazon-stranded'],
    ['Reserved KSA', 'amazon-reserved'],
    ['All Orders', 'amazon-orders'],
    ['PO history', 'po-history'],
    ['Warehouse', 'warehouse-stock'],
  ])('%s is a %s report, without doubt', (source, kind) => {
    const s = summary(source);
    expect(s.kind).toBe(kind);
    expect(s.unsure).toBe(false);
    expect(s.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('finds the header under a title row and a blank row, with a BOM on its first name', () => {
    const s = summary('Amazon KSA inventory');
    expect(s.headerRow).toBe(3);
    expect(s.report.columns.find((c) => c.field === 'sku')?.index).toBe(0);
    expect(s.report.unknownColumns).toEqual(['brand-new-column']);
  });

  it('reads shuffled columns by name, and formatted values', () => {
    const [bag] = summary('Business Report KSA').report.records.toArray();
    expect(bag.values).toMatchObject({ sku: 'AMZ-BAG-01', unitsOrdered: 300, revenue: 29700, sessions: 12131, unitSessionPct: 0.0247 });
  });

  it('keeps SKUs as text exactly as written', () => {
    expect(summary('Amazon KSA inventory').report.records.toArray().map((r) => r.values.sku)).toContain('00123');
  });

  it('a user-chosen kind wins over detection', () => {
    const r = readReport({ source: 'x', grid: F.WAREHOUSE }, { kind: 'noon-stock' });
    expect(r.kind).toBe('noon-stock');
    expect(r.detection?.reasons[0]).toMatch(/chosen by the user/);
  });

  it('a header it cannot tell apart is unsure, never guessed', () => {
    const r = readReport({ source: 'Sheet1', grid: [['sku', 'qty', 'note'], ['A', 1, '']] });
    expect(r.kind).toBeNull();
    expect(r.detection?.unsure).toBe(true);
    expect(r.issues[0].reason).toMatch(/Report kind not recognized: .*unsure/);
    expect([r.rowsRead, r.rowsUsed, r.rowsReported]).toEqual([1, 0, 1]);
  });

  it('a missing required column is one issue naming the column and the names tried', () => {
    const grid = F.MYI_KSA.map((row) => row.filter((_, i) => i !== 7)); // drop afn-fulfillable-quantity
    const r = readReport({ source: 'MYI', grid });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].reason).toBe(
      'Required column "afn-fulfillable-quantity" is missing from this Amazon Manage FBA Inventory (names tried: afn-fulfillable-quantity, fulfillable quantity, الكمية القابلة للتنفيذ)',
    );
    expect([r.rowsRead, r.rowsUsed, r.rowsReported]).toEqual([8, 0, 8]);
  });
});

describe('row accounting: rows read = rows used + rows reported', () => {
  it.each(SOURCES.map((s) => [s.source]))('%s', (source) => {
    const s = summary(source);
    expect(s.rowsRead).toBe(s.rowsUsed + s.rowsReported);
    expect(s.rowsRead).toBeGreaterThan(0);
  });

  it('an unreadable required value drops the row with an issue naming sheet, row, column, value and reason', () => {
    const s = summary('Amazon KSA inventory');
    expect([s.rowsRead, s.rowsUsed, s.rowsReported]).toEqual([8, 7, 1]);
    const issue = s.issues.find((i) => i.column === 'afn-fulfillable-quantity');
    expect(issue).toMatchObject({ source: 'Amazon KSA inventory', row: 10, value: 'lots', dropped: true });
    expect(issue?.reason).toMatch(/not a number/);
  });

  it('noon: a row with an unreadable order date is reported, not lost', () => {
    const s = summary('noon sales');
    expect([s.rowsRead, s.rowsUsed, s.rowsReported]).toEqual([6, 5, 1]);
    expect(s.issues.find((i) => i.value === 'yesterday')).toMatchObject({ row: 7, column: 'order_timestamp', dropped: true });
  });

  it('an open PO (no received date yet) is used', () => {
    expect(summary('PO history').rowsUsed).toBe(2);
  });
});

describe('channel', () => {
  it.each([
    ['Amazon KSA inventory', 'amazon-ksa', 'name'],
    ['noon sales', 'noon-ksa', 'column'],
    ['noon KSA stock', 'noon-ksa', 'name'],
    ['Restock', 'amazon-ksa', 'column'],
    ['Inventory age', 'amazon-ksa', 'column'],
    ['All Orders', 'amazon-uae', 'column'],
  ])('%s → %s, decided by its %s', (source, channel, by) => {
    const s = summary(source);
    expect(s.channel?.id).toBe(channel);
    expect(s.channelDecision?.decidedBy).toBe(by);
  });

  it('the user assignment wins', () => {
    const r = importSources([{ source: 'Amazon KSA inventory', grid: F.MYI_KSA }], { assignments: { 'Amazon KSA inventory': { channel: 'amazon-uae' } } });
    expect(r.sources[0].channel?.id).toBe('amazon-uae');
    expect(r.sources[0].channelDecision?.decidedBy).toBe('user');
  });

  it('without any clue the rows wait for the user and are reported, not lost', () => {
    const r = importSources([{ source: 'Sheet3', grid: F.MYI_KSA }]);
    const s = r.sources[0];
    expect(s.channel).toBeNull();
    expect([s.rowsRead, s.rowsUsed, s.rowsReported]).toEqual([8, 0, 8]);
    expect(s.issues[0].reason).toMatch(/^Channel unknown: .*choose the channel/);
    expect(r.positions).toHaveLength(0);
  });
});

describe('join into positions', () => {
  it('Amazon KSA stock from Manage FBA Inventory, duplicates summed and reported', () => {
    // AMZ-BAG-01 rows 4 and 11: available 100 + 3, reserved 20 + 0, unsellable 5, inbound 10 + 20 + 10
    expect(position('BAG-01', 'amazon-ksa')).toMatchObject({ available: 103, reserved: 20, unfulfillable: 5, inbound: 40, stockFrom: 'amazon-inventory' });
    expect(summary('Amazon KSA inventory').issues.some((i) => /Duplicate SKU AMZ-BAG-01 \(first at row 4\)/.test(i.reason))).toBe(false);
    expect(result.issues.some((i) => i.row === 11 && /Duplicate SKU AMZ-BAG-01 \(first at row 4\): quantities summed/.test(i.reason))).toBe(true);
  });

  it('never adds afn-warehouse-quantity or afn-total-quantity to their parts; joins by ASIN when the SKU is not mapped', () => {
    // MUG-02: fulfillable 1,200 (warehouse and total 1,240 are not added) + AMZ-MUG-RED's 12, same ASIN B0MUG00002
    const mug = position('MUG-02', 'amazon-ksa');
    expect(mug.available).toBe(1212);
    expect(mug.channelSkus).toEqual(['AMZ-MUG-02', 'AMZ-MUG-RED']);
  });

  it('sales from the Business Report, cost and price from the mapping', () => {
    expect(position('BAG-01', 'amazon-ksa')).toMatchObject({ sold: 300, revenue: 29700, periodDays: 30, salesFrom: 'amazon-business-report', cost: 45, price: 99 });
    expect(position('MUG-02', 'amazon-ksa')).toMatchObject({ sold: 60, revenue: 1740, cost: 8.5 });
    expect(position('PEN-03', 'amazon-ksa')).toMatchObject({ sold: 0, available: 0 });
  });

  it('restock and planning reports add Amazon\'s recommendation, aging and t-windows without double-counting stock or sales', () => {
    const bag = position('BAG-01', 'amazon-ksa');
    expect(bag.amazonRecommendedQty).toBe(250);
    // 181-330 (6) + 331-365 (4) → 181-365
    expect(bag.aging).toEqual({ '0-30': 40, '31-60': 30, '61-90': 10, '91-180': 10, '181-365': 10, '365+': 0 });
    expect(bag.unitsShipped).toEqual({ t7: 70, t30: 300, t60: 610, t90: 900 });
  });

  it('stranded units and reasons', () => {
    expect(position('MUG-02', 'amazon-ksa')).toMatchObject({ stranded: 8, strandedReasons: ['No listing'] });
  });

  it('noon sales: one row one unit, Cancelled not counted, span from the timestamps, months', () => {
    // BAG: 2 Delivered (95 + 95) + 1 Processing (٩٠ = 90); the Cancelled row is not sold.
    const bag = position('BAG-01', 'noon-ksa');
    expect(bag).toMatchObject({ sold: 3, revenue: 280, salesFrom: 'noon-sales' });
    // 2026-09-03 10:00 → 2026-10-02 12:00 is 29 days 2 hours: 30 whole days
    expect(bag.periodDays).toBe(30);
    expect(bag.salesByMonth).toEqual({ '2026-09': { units: 2, revenue: 190 }, '2026-10': { units: 1, revenue: 90 } });
  });

  it('noon stock summed over warehouses, non-saleable apart, a negative quantity reported and counted as 0', () => {
    // BAG: ٤٠ (40) + 10 saleable, 2 non-saleable
    expect(position('BAG-01', 'noon-ksa')).toMatchObject({ available: 50, unfulfillable: 2, stockFrom: 'noon-stock' });
    expect(position('MUG-02', 'noon-ksa').available).toBe(0);
    expect(result.issues.some((i) => i.source === 'noon KSA stock' && /Negative stock quantity -3 counted as 0/.test(i.reason))).toBe(true);
    expect(result.issues.some((i) => i.source === 'noon KSA stock' && /Duplicate/.test(i.reason))).toBe(false);
  });

  it('All Orders: cancelled orders skipped, months and span from purchase dates (Amazon UAE)', () => {
    const bag = position('BAG-01', 'amazon-uae');
    expect(bag).toMatchObject({ sold: 3, revenue: 297, salesFrom: 'amazon-orders' });
    expect(bag.salesByMonth).toEqual({ '2026-09': { units: 2, revenue: 198 }, '2026-10': { units: 1, revenue: 99 } });
    // 2026-09-30 22:00 → 2026-10-20 08:00: 19 days 10 hours → 20
    expect(bag.periodDays).toBe(20);
  });

  it('an unmapped SKU becomes a provisional position, reported with the best suggestion', () => {
    expect(position('AMZ-NEW-9', 'amazon-ksa')).toMatchObject({ provisional: true, available: 4 });
    expect(result.issues.find((i) => i.value === 'AMZ-NEW-9')?.reason).toBe('SKU AMZ-NEW-9 is not in the mapping: analyzed on its own; perhaps MUG-02 (same title)');
    expect(position('AMZ-BAG-1', 'amazon-ksa')).toMatchObject({ provisional: true, available: 6 });
    expect(result.issues.find((i) => i.value === 'AMZ-BAG-1')?.reason).toBe(
      'SKU AMZ-BAG-1 is not in the mapping: analyzed on its own; perhaps BAG-01 (similar SKU AMZ-BAG-01)',
    );
  });

  it('a SKU joined by its ASIN in one report joins the same Master SKU in reports without an ASIN', () => {
    const r = importSources([
      { source: 'Mapping', grid: [['Master SKU', 'ASIN', 'Cost Price', 'Selling Price'], ['MUG-02', 'B0MUG00002', 8, 29]] },
      { source: 'Business Report KSA', grid: [['SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales'], ['ZZZ-1', '40', '5', '100']] },
      { source: 'Amazon KSA stock', grid: [['sku', 'asin', 'afn-fulfillable-quantity'], ['ZZZ-1', 'B0MUG00002', '7']] },
    ]);
    expect(r.positions).toHaveLength(1);
    expect(r.positions[0]).toMatchObject({ masterSku: 'MUG-02', available: 7, sold: 5, revenue: 100, provisional: false });
    expect(r.issues.filter((i) => /not in the mapping/.test(i.reason))).toEqual([]);
  });

  it('own-warehouse stock by Master SKU', () => {
    expect(result.warehouseStock.get('BAG-01')).toBe(400);
  });
});

describe('one shape for every position', () => {
  it('every position has the same fields in the same order, whatever reports made it (the optional ones present, undefined)', () => {
    const keys = Object.keys(result.positions[0]);
    // noon positions have warehouses and a snapshot time; Amazon ones neither; the unmapped ones a suggestion.
    expect(result.positions.some((p) => p.warehouses !== undefined) && result.positions.some((p) => p.warehouses === undefined)).toBe(true);
    for (const p of result.positions) expect(Object.keys(p)).toEqual(keys);
    expect(keys).toEqual(expect.arrayContaining(['suggestion', 'stockAsOf', 'warehouses', 'views', 'ledger', 'fees']));
  });

  it('a repriced copy has the fields in the same order, its own cost and price, the rest the same', () => {
    const bag = position('BAG-01', 'amazon-ksa');
    const copy = repriced(bag, 12.5, 30);
    expect(Object.keys(copy)).toEqual(Object.keys(bag));
    expect(copy).toEqual({ ...bag, cost: 12.5, price: 30 });
    expect(copy).not.toBe(bag);
  });
});

describe('found by the property tests', () => {
  it('an invalid Date cell in a required column is reported, not thrown', () => {
    const header = F.MYI_KSA[2];
    const row = header.map(() => null as unknown) as (Date | null)[];
    row[0] = null;
    row[7] = new Date(Number.NaN);
    const r = readReport({ source: 'Amazon KSA', grid: [header, ['SKU-1', ...row.slice(1)]] });
    expect([r.rowsRead, r.rowsUsed, r.rowsReported]).toEqual([1, 0, 1]);
    expect(r.issues[0]).toMatchObject({ row: 2, column: 'afn-fulfillable-quantity', value: 'Invalid Date', dropped: true });
  });
});

describe('several sales reports for different periods', () => {
  it('two monthly Business Reports cover two periods and give sales per month', () => {
    const br = (units: string) => [F.BUSINESS_KSA[0], ['300', 'AMZ-BAG-01', 'B0BAG00001', 'B0BAGP', 't', '1', `SAR ${units}`, '1', '1%'].map((c, i) => (i === 0 ? units : c))];
    const r = importSources([
      { source: 'Mapping', grid: F.MAPPING },
      { source: 'Business Report KSA 2026-09', grid: br('120') },
      { source: 'Business Report KSA Oct 2026', grid: br('180') },
    ]);
    const bag = r.positions.find((p) => p.masterSku === 'BAG-01')!;
    // 120 + 180 units over two 30-day periods: 5 a day, not 10
    expect(bag).toMatchObject({ sold: 300, periodDays: 60 });
    expect(bag.salesByMonth).toEqual({ '2026-09': { units: 120, revenue: 120 }, '2026-10': { units: 180, revenue: 180 } });
  });

  it.each([
    ['Business Report 2026-10', '2026-10'],
    ['BusinessReport_10-2026.csv', '2026-10'],
    ['Business Report October 2026', '2026-10'],
    ['br 202603.csv', '2026-03'],
    ['Business Report KSA', null],
  ])('the month of "%s" is %s', async (name, month) => {
    const { monthFromName } = await import('../../../src/engine/ingest/join');
    expect(monthFromName(name)).toBe(month);
  });
});
