/**
 * Real marketplace downloads (headers typed from the shared reference reports in
 * test/fixtures/marketplace-reports.ts and other-report-headers.ts, rows of our own): noon's FBN
 * inventory export by inventory type, noon's Product views & sales, Amazon's Inventory Ledger and fee
 * reports, and reports that are neither sales nor stock. Expected figures are worked out by hand from
 * the rows shown beside them.
 */
import { importSources } from '../../../src/engine/ingest/import';
import { detectKind } from '../../../src/engine/ingest/detect';
import { noonStockUse } from '../../../src/engine/ingest/join';
import type { Position } from '../../../src/engine/model';
import { parseDate } from '../../../src/engine/ingest/values/dates';
import type { SourceGrid } from '../../../src/engine/ingest/types';
import * as M from '../../fixtures/marketplace-reports';
import * as O from '../../fixtures/other-report-headers';

const MAPPING = [
  ['Master SKU', 'noon KSA SKU', 'noon UAE SKU', 'Amazon KSA SKU', 'ASIN', 'Cost Price', 'Selling Price'],
  ['CARDS-1', 'LMV-CARDS-1', 'LMV-CARDS-1', '', '', '10', '25'],
  ['PEN-2', 'LMV-PEN-2', '', '', '', '4', '12'],
  ['MUG-3', '', '', 'AMZ-MUG-3', 'B0MUG00003', '20', '59'],
];
const run = (sources: SourceGrid[]) => importSources([{ source: 'Mapping', grid: MAPPING }, ...sources]);
const find = (positions: readonly Position[], master: string, channel: string): Position => {
  const p = positions.find((x) => x.masterSku === master && x.channel.id === channel);
  if (!p) throw new Error(`no position ${master} on ${channel}`);
  return p;
};

describe('noon FBN inventory export', () => {
  // CARDS-1 in Riyadh: 7 saleable, 2 graded customer returns, 3 inbound; in Jeddah: 4 saleable, 1 damaged.
  const FBN = [
    M.NOON_FBN_INVENTORY_HEADER,
    M.fbnRow('RUH01S', 7, 'saleable', 'LMV-CARDS-1', 'N001'),
    M.fbnRow('RUH01S', 2, 'graded_returns_cir', 'LMV-CARDS-1', 'N001', 'customer_return'),
    M.fbnRow('RUH01S', 3, 'inbound_ps', 'LMV-CARDS-1', 'N001', 'rr_damaged_packing'),
    M.fbnRow('JED01S', 4, 'saleable', 'LMV-CARDS-1', 'N001'),
    M.fbnRow('JED01S', 1, 'damaged', 'LMV-CARDS-1', 'N001', 'warehouse_damaged'),
    M.fbnRow('RUH01S', 5, 'expired', 'LMV-PEN-2', 'N002', '', '2026-06-17, 09:40:00 UTC'),
    M.fbnRow('RUH01S', 6, 'lost', 'LMV-PEN-2', 'N002'),
    M.fbnRow('RUH01S', 9, 'saleable', 'LMV-PEN-2', 'N002'),
    M.fbnRow('RUH01S', 2, 'mystery_bucket', 'LMV-PEN-2', 'N002'),
  ];
  const result = run([{ source: 'fbn-inventory-export.csv', grid: FBN }]);
  const src = result.sources.find((s) => s.source === 'fbn-inventory-export.csv')!;

  it('is recognized as noon FBN inventory on noon KSA (country_code SA), every row used', () => {
    expect(src.kind).toBe('noon-stock');
    expect(src.channel?.id).toBe('noon-ksa');
    expect([src.rowsRead, src.rowsUsed, src.rowsReported]).toEqual([9, 9, 0]);
  });

  it('counts only saleable rows as available, inbound_* as inbound, the rest as not available', () => {
    const cards = find(result.positions, 'CARDS-1', 'noon-ksa');
    // available 7 + 4 (saleable), inbound 3 (inbound_ps), unfulfillable 2 + 1 (graded returns, damaged)
    expect({ available: cards.available, inbound: cards.inbound, unfulfillable: cards.unfulfillable }).toEqual({ available: 11, inbound: 3, unfulfillable: 3 });
    const pen = find(result.positions, 'PEN-2', 'noon-ksa');
    // available 9; expired 5 + lost 6 + the unknown type 2 are not available
    expect({ available: pen.available, inbound: pen.inbound, unfulfillable: pen.unfulfillable }).toEqual({ available: 9, inbound: 0, unfulfillable: 13 });
  });

  it('keeps the per-warehouse split with the report own inventory types', () => {
    const cards = find(result.positions, 'CARDS-1', 'noon-ksa');
    expect(cards.warehouses).toEqual([
      { warehouse: 'RUH01S', available: 7, inbound: 3, unfulfillable: 2, byType: { saleable: 7, graded_returns_cir: 2, inbound_ps: 3 } },
      { warehouse: 'JED01S', available: 4, inbound: 0, unfulfillable: 1, byType: { saleable: 4, damaged: 1 } },
    ]);
  });

  it('takes inventory_snapshot_at (comma inside, optional UTC) as the date of the stock', () => {
    expect(find(result.positions, 'CARDS-1', 'noon-ksa').stockAsOf).toBe(Date.UTC(2026, 5, 17, 9, 37, 8));
    // The latest of its rows: 09:40:00 UTC.
    expect(find(result.positions, 'PEN-2', 'noon-ksa').stockAsOf).toBe(Date.UTC(2026, 5, 17, 9, 40, 0));
    expect(parseDate('2026-06-17, 09:37:08')).toBe(Date.UTC(2026, 5, 17, 9, 37, 8));
    expect(parseDate('2026-06-17, 09:37:08 UTC')).toBe(Date.UTC(2026, 5, 17, 9, 37, 8));
  });

  it('says so when an inventory type is not one noon documents, once, with its units', () => {
    const notes = result.issues.filter((i) => i.column === 'inventory_type');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ source: 'fbn-inventory-export.csv', row: 10, value: 'mystery_bucket', dropped: false });
    expect(notes[0].reason).toMatch(/not one noon documents: its 2 units are counted as not available/);
  });

  it('country_code AE makes it noon UAE', () => {
    const uae = run([{ source: 'fbn.csv', grid: [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('DXB01S', 8, 'saleable', 'LMV-CARDS-1', 'N001', '', '2026-06-17, 09:37:08', 'AE')] }]);
    expect(uae.sources[1].channel?.id).toBe('noon-uae');
    expect(find(uae.positions, 'CARDS-1', 'noon-uae').available).toBe(8);
  });

  it('sorts inventory types', () => {
    expect(['saleable', 'Saleable', 'inbound_ps', 'inbound', 'graded_returns_cir', 'customer_return', 'damaged', 'expired', 'lost', 'Non-saleable', 'odd'].map(noonStockUse)).toEqual([
      'available', 'available', 'inbound', 'inbound', 'unfulfillable', 'unfulfillable', 'unfulfillable', 'unfulfillable', 'unfulfillable', 'unfulfillable', 'unknown',
    ]);
    expect(noonStockUse(null)).toBe('available');
  });
});

describe('noon Product views & sales', () => {
  const VIEWS = [
    M.NOON_VIEWS_SALES_HEADER,
    // day, sku, visitors, gross, shipped, cancelled, revenue
    M.viewsRow('2026-04-30', 'LMV-CARDS-1', '', '1', '1', '', '19.8'),
    M.viewsRow('2026-05-04', 'LMV-CARDS-1', '10', '1', '1', '', '19.8'),
    M.viewsRow('2026-05-04', 'LMV-PEN-2', '10', '3', '2', '1', '56.4'),
    // shipped blank: gross 5 − cancelled 1 = 4 units
    M.viewsRow('2026-05-06', 'LMV-PEN-2', '20', '5', '', '1', '48'),
  ];

  it('is a noon sales source: units shipped (gross − cancelled where blank), revenue shipped, days as the window', () => {
    const r = run([{ source: 'views.csv', grid: VIEWS }]);
    expect(r.sources[1]).toMatchObject({ kind: 'noon-views-sales', rowsRead: 4, rowsUsed: 4, rowsReported: 0 });
    expect(r.sources[1].channel?.id).toBe('noon-ksa');
    const cards = find(r.positions, 'CARDS-1', 'noon-ksa');
    const pen = find(r.positions, 'PEN-2', 'noon-ksa');
    expect({ sold: cards.sold, revenue: cards.revenue, salesFrom: cards.salesFrom }).toEqual({ sold: 2, revenue: 39.6, salesFrom: 'noon-views-sales' });
    expect(pen.sold).toBe(2 + 4);
    expect(pen.revenue).toBeCloseTo(104.4, 10);
    // 30 April to 6 May inclusive: 7 days, for every position of the channel.
    expect(cards.periodDays).toBe(7);
    expect(pen.periodDays).toBe(7);
    expect(cards.salesByMonth).toEqual({ '2026-04': { units: 1, revenue: 19.8 }, '2026-05': { units: 1, revenue: 19.8 } });
    // Visitors for the explorer: 0 + 10 for the cards; 10 + 20 for the pens, 3 + 5 gross units.
    expect(cards.views).toEqual({ visitors: 10, grossUnits: 2, days: 2 });
    expect(pen.views).toEqual({ visitors: 30, grossUnits: 8, days: 2 });
    expect(r.salesSpans.get('noon-ksa')).toEqual({ from: Date.UTC(2026, 3, 30), to: Date.UTC(2026, 4, 7) - 1 });
  });

  it('with the sales export on the same days, each unit counts once and the note says which report was used', () => {
    const EXPORT = [
      ['id_partner', 'src_country', 'country_code', 'dest_country', 'bayan_nr', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'brand_code', 'family', 'fulfillment_model', 'order_timestamp', 'shipment_timestamp', 'delivered_timestamp'],
      ['300112', 'SA', 'SA', 'SA', '', 'NSA9-1', 'LMV-PEN-2', 'ZPEN-1', 'Delivered', '28.2', '28.2', 'SAR', 'l', 'stationery', 'FBN', '2026-05-04 10:00:00', '', ''],
      ['300112', 'SA', 'SA', 'SA', '', 'NSA9-2', 'LMV-PEN-2', 'ZPEN-1', 'Delivered', '28.2', '28.2', 'SAR', 'l', 'stationery', 'FBN', '2026-05-06 18:00:00', '', ''],
      ['300112', 'SA', 'SA', 'SA', '', 'NSA9-3', 'LMV-PEN-2', 'ZPEN-1', 'Cancelled', '28.2', '28.2', 'SAR', 'l', 'stationery', 'FBN', '2026-05-06 19:00:00', '', ''],
    ];
    const r = run([
      { source: 'views.csv', grid: VIEWS },
      { source: 'sales-export.csv', grid: EXPORT },
    ]);
    const pen = find(r.positions, 'PEN-2', 'noon-ksa');
    const cards = find(r.positions, 'CARDS-1', 'noon-ksa');
    // The export covers 4–6 May: its 2 units for the pens; views rows of 4 and 6 May are not counted
    // again. Views still give the 30 April card unit; its 4 May row is inside the export's days.
    expect(pen.sold).toBe(2);
    expect(pen.revenue).toBeCloseTo(56.4, 10);
    expect(pen.salesFrom).toBe('noon-sales');
    expect(cards.sold).toBe(1);
    expect(cards.salesFrom).toBe('noon-views-sales');
    // 30 April 00:00 to 6 May 18:00: 7 days (rounded up).
    expect(pen.periodDays).toBe(7);
    const note = r.issues.find((i) => i.source === 'views.csv' && i.row === null)!;
    expect(note.reason).toBe(
      'noon KSA units from 2026-05-04 to 2026-05-06 are counted from the noon sales export; the 3 rows of Product views & sales for those days are not counted again (their visitors are kept), its 1 rows of other days are',
    );
    // Visitors are kept from every views row.
    expect(pen.views?.visitors).toBe(30);
  });
});

describe('Amazon Inventory Ledger', () => {
  const SUMMARY = [
    M.LEDGER_SUMMARY_HEADER,
    // 05/06/2026 alone could be either order: the ledger's dates are month first (6 May).
    M.ledgerSummaryRow('05/06/2026', 'X0MUG3', 'AMZ-MUG-3', 'SELLABLE', 10, 0, -3, 0, 0, 7),
    M.ledgerSummaryRow('05/07/2026', 'X0MUG3', 'AMZ-MUG-3', 'SELLABLE', 7, 20, -2, 1, -1, 25),
    M.ledgerSummaryRow('05/07/2026', 'X0MUG3', 'AMZ-MUG-3', 'CUSTOMER_DAMAGED', 0, 0, 0, 1, 0, 1),
    M.ledgerSummaryRow('05/07/2026', 'X0OTHER', 'AMZ-OTHER', 'SELLABLE', 1, 0, 0, 0, 0, 1),
  ];
  const INVENTORY = [
    M.MANAGE_FBA_INVENTORY_HEADER,
    ['AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '59', 'No', '0', 'Yes', '30', '25', '0', '5', '30', '0.1', '0', '0', '0', '0', '0', '0'],
  ];

  it('summary: the sellable balance and events per day, month-first dates, other dispositions and SKUs accounted for', () => {
    const r = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'Amazon KSA ledger summary.txt', grid: SUMMARY },
    ]);
    const src = r.sources.find((s) => s.source === 'Amazon KSA ledger summary.txt')!;
    expect(src).toMatchObject({ kind: 'amazon-ledger-summary', rowsRead: 4, rowsUsed: 4, rowsReported: 0 });
    expect(src.channel?.id).toBe('amazon-ksa');
    const mug = find(r.positions, 'MUG-3', 'amazon-ksa');
    expect(mug.ledger).toEqual([
      { date: '2026-05-06', start: 10, end: 7, events: { receipts: 0, customerShipments: -3, customerReturns: 0, vendorReturns: 0, warehouseTransfers: 0, found: 0, lost: 0, damaged: 0, disposed: 0, otherEvents: 0, unknownEvents: 0, inTransit: 0 } },
      { date: '2026-05-07', start: 7, end: 25, events: { receipts: 20, customerShipments: -2, customerReturns: 1, vendorReturns: 0, warehouseTransfers: 0, found: 0, lost: -1, damaged: 0, disposed: 0, otherEvents: 0, unknownEvents: 0, inTransit: 0 } },
    ]);
    // The ledger is neither stock nor sales.
    expect({ available: mug.available, sold: mug.sold, salesFrom: mug.salesFrom }).toEqual({ available: 25, sold: 0, salesFrom: null });
    expect(r.positions.some((p) => p.masterSku === 'AMZ-OTHER')).toBe(false);
    const reasons = r.issues.filter((i) => i.source === 'Amazon KSA ledger summary.txt').map((i) => i.reason);
    expect(reasons).toEqual([
      '1 rows of units that are not sellable (damaged, defective …) are not part of the sellable balance',
      '1 rows for 1 SKUs with no stock or sales row on Amazon KSA are kept out of the analysis: AMZ-OTHER',
    ]);
  });

  it('detail: events per day by event type; the older 14-column shape too; set aside when the summary is there', () => {
    const row = (date: string, type: string, qty: string, disposition = 'SELLABLE') => [date, 'X0MUG3', 'B0MUG00003', 'AMZ-MUG-3', 'Mug', type, 'REF', qty, 'RUH1', disposition, '', 'SA', '0', qty];
    const DETAIL_14 = [M.LEDGER_DETAIL_HEADER_14, row('05/06/2026', 'Shipments', '-1'), row('05/06/2026', 'Shipments', '-2'), row('05/07/2026', 'Receipts', '20')];
    expect(detectKind(M.LEDGER_DETAIL_HEADER_14).kind).toBe('amazon-ledger-detail');
    expect(detectKind(M.LEDGER_DETAIL_HEADER).kind).toBe('amazon-ledger-detail');
    const r = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'ledger detail KSA.txt', grid: DETAIL_14 },
    ]);
    expect(find(r.positions, 'MUG-3', 'amazon-ksa').ledger).toEqual([
      { date: '2026-05-06', start: null, end: null, events: { Shipments: -3 } },
      { date: '2026-05-07', start: null, end: null, events: { Receipts: 20 } },
    ]);
    const both = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'Amazon KSA ledger summary.txt', grid: SUMMARY },
      { source: 'ledger detail KSA.txt', grid: DETAIL_14 },
    ]);
    expect(find(both.positions, 'MUG-3', 'amazon-ksa').ledger?.[0].start).toBe(10);
    expect(both.issues.find((i) => i.source === 'ledger detail KSA.txt')?.reason).toBe('Not used: the Inventory Ledger summary of Amazon KSA gives the same days with their balances');
  });
});

describe('Amazon fee reports', () => {
  const INVENTORY = [
    M.MANAGE_FBA_INVENTORY_HEADER,
    ['AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '59', 'No', '0', 'Yes', '30', '25', '0', '5', '30', '0.1', '0', '0', '0', '0', '0', '0'],
  ];

  it('monthly storage fees: fee per unit-month over the centers of the latest month, joined by ASIN', () => {
    const FEES = [
      M.STORAGE_FEES_HEADER,
      M.storageRow('B0MUG00003', 'X0MUG3', 'RUH1', 18.5, '2026-05', 4.0),
      M.storageRow('B0MUG00003', 'X0MUG3', 'RUH1', 18.5, '2026-06', 2.16),
      M.storageRow('B0MUG00003', 'X0MUG3', 'JED2', 18.5, '2026-06', 0.94),
    ];
    const r = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'storage fees.csv', grid: FEES },
    ]);
    const src = r.sources.find((s) => s.source === 'storage fees.csv')!;
    expect(src).toMatchObject({ kind: 'amazon-storage-fees', rowsRead: 3, rowsUsed: 3, rowsReported: 0 });
    expect(src.channel?.id).toBe('amazon-ksa');
    const fees = find(r.positions, 'MUG-3', 'amazon-ksa').fees!;
    // June: (2.16 + 0.94) SAR ÷ (18.5 + 18.5) units = 3.10 / 37
    expect(fees.storageMonth).toBe('2026-06');
    expect(fees.storagePerUnitMonth).toBeCloseTo(3.1 / 37, 12);
    expect(fees.currency).toBe('SAR');
  });

  it('the older 27-column storage-fee shape (storage_rate, no utilization surcharge) is the same kind', () => {
    const surcharge = ['storage_utilization_ratio', 'storage_utilization_ratio_units', 'base_rate', 'utilization_surcharge_rate', 'avg_qty_for_sus', 'est_vol_for_sus', 'est_base_msf', 'est_sus'];
    const older = M.STORAGE_FEES_HEADER.filter((c) => !surcharge.includes(c));
    older.splice(older.indexOf('currency'), 0, 'storage_rate');
    expect(older).toHaveLength(27);
    const d = detectKind(older);
    expect(d.kind).toBe('amazon-storage-fees');
    expect(d.match!.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['asin', 'averageQtyOnHand', 'monthOfCharge', 'baseRate', 'fee']));
    // The 15-column ledger detail (Date and Time, no Store) is the detail view too.
    expect(detectKind(M.LEDGER_DETAIL_HEADER.slice(0, 15)).kind).toBe('amazon-ledger-detail');
    // The summary without Store.
    expect(detectKind(M.LEDGER_SUMMARY_HEADER.slice(0, 21)).kind).toBe('amazon-ledger-summary');
  });

  it('aged inventory surcharge: per unit by age tier of the latest snapshot; a blank qty-charged is reported', () => {
    const AGED = [
      M.AGED_SURCHARGE_HEADER,
      ['2026-07-15', 'AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '0.1', 'SAR', 'cubic feet', 'SA', '4', '2', '271-365', '0.5'],
      ['2026-08-15', 'AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '0.1', 'SAR', 'cubic feet', 'SA', '3', '1.5', '181-270', '0.5'],
      ['2026-08-15', 'AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '0.1', 'SAR', 'cubic feet', 'SA', '2', '7', '365+', '3.5'],
      ['2026-08-15', 'AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '0.1', 'SAR', 'cubic feet', 'SA', '', '2', '365+', '3.5'],
    ];
    const r = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'aged surcharge.txt', grid: AGED },
    ]);
    const src = r.sources.find((s) => s.source === 'aged surcharge.txt')!;
    expect(src).toMatchObject({ kind: 'amazon-aged-surcharge', rowsRead: 4, rowsUsed: 3, rowsReported: 1 });
    expect(src.issues).toMatchObject([{ code: 'cell.blank', severity: 'error', source: 'aged surcharge.txt', row: 5, column: 'qty-charged', value: null, reason: 'qty-charged is blank', dropped: true }]);
    // 15 August: 1.5 / 3 = 0.5 a unit at 181-270 days, 7 / 2 = 3.5 a unit at 365+.
    expect(find(r.positions, 'MUG-3', 'amazon-ksa').fees?.agedSurchargePerUnit).toEqual({ '181-270': 0.5, '365+': 3.5 });
  });

  it('FBA fee preview: fulfillment, referral and total fee per unit; "--" is not applicable, not an error', () => {
    const preview = (sku: string, pickPack: string, expected: string) => [
      sku, 'X0MUG3', 'B0MUG00003', 'SA', 'Mug', 'Kitchen', 'Lumive', 'Amazon', '59.00', '59.00', '20', '12', '8', '60', 'centimeters', '0.4', 'kilograms', 'Standard', 'SAR', '17.30', '8.85', '--', '--', pickPack, '--', expected, '--', '--', '--', '--', '--',
    ];
    const r = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'fee preview.txt', grid: [M.FEE_PREVIEW_HEADER, preview('AMZ-MUG-3', '8.45', '8.45')] },
    ]);
    const src = r.sources.find((s) => s.source === 'fee preview.txt')!;
    expect(src).toMatchObject({ kind: 'amazon-fee-preview', rowsRead: 1, rowsUsed: 1, rowsReported: 0, issues: [] });
    expect(src.channel?.id).toBe('amazon-ksa');
    expect(find(r.positions, 'MUG-3', 'amazon-ksa').fees).toMatchObject({ currency: 'SAR', fulfillmentPerUnit: 8.45, referralPerUnit: 8.85, feeTotalPerUnit: 17.3 });
    // Without expected-fulfillment-fee-per-unit the pick & pack fee stands for it.
    const r2 = run([
      { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
      { source: 'fee preview.txt', grid: [M.FEE_PREVIEW_HEADER, preview('AMZ-MUG-3', '7.10', '--')] },
    ]);
    expect(find(r2.positions, 'MUG-3', 'amazon-ksa').fees?.fulfillmentPerUnit).toBe(7.1);
  });
});

describe('reports that are not sales or stock', () => {
  // A noon KSA stock and sales pair whose totals must not move when the other reports join them.
  const BASE: SourceGrid[] = [
    { source: 'fbn.csv', grid: [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 7, 'saleable', 'LMV-CARDS-1', 'N001')] },
    { source: 'views.csv', grid: [M.NOON_VIEWS_SALES_HEADER, M.viewsRow('2026-05-04', 'LMV-CARDS-1', '10', '2', '2', '', '39.6')] },
    { source: 'Amazon KSA inventory.txt', grid: [M.MANAGE_FBA_INVENTORY_HEADER, ['AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '59', 'No', '0', 'Yes', '30', '25', '0', '5', '30', '0.1', '0', '0', '0', '0', '0', '0']] },
  ];
  const tabled = (h: { header: readonly string[] }, rows: string[][]) => [[...h.header], ...rows];
  const fill = (h: { header: readonly string[] }, values: Record<string, string>) => h.header.map((c) => values[c] ?? '');
  // Rows of our own in the published columns; each names our SKUs with quantities and dates.
  const OTHERS: SourceGrid[] = [
    {
      source: 'Amazon KSA removal order detail.txt',
      grid: tabled(O.REMOVAL_ORDER_DETAIL, [fill(O.REMOVAL_ORDER_DETAIL, { 'request-date': '2026-05-02T10:00:00+00:00', 'order-id': 'RMV1', 'order-type': 'Return', 'order-status': 'Completed', sku: 'AMZ-MUG-3', fnsku: 'X0MUG3', disposition: 'Sellable', 'requested-quantity': '12', 'shipped-quantity': '12', 'cancelled-quantity': '0', 'disposed-quantity': '0', 'in-process-quantity': '0', 'removal-fee': '6', currency: 'SAR' })]),
    },
    {
      source: 'Amazon KSA removal shipments.txt',
      grid: tabled(O.REMOVAL_SHIPMENT_DETAIL, [fill(O.REMOVAL_SHIPMENT_DETAIL, { 'request-date': '2026-05-02', 'order-id': 'RMV1', 'shipment-date': '2026-05-05', sku: 'AMZ-MUG-3', fnsku: 'X0MUG3', disposition: 'Sellable', 'shipped-quantity': '12', carrier: 'SMSA', 'tracking-number': 'T1', 'removal-order-type': 'Return' })]),
    },
    {
      source: 'Amazon KSA reimbursements.txt',
      grid: tabled(O.REIMBURSEMENTS, [fill(O.REIMBURSEMENTS, { 'approval-date': '2026-05-03', 'reimbursement-id': 'R1', 'amazon-order-id': '171-0000000-0000001', reason: 'Lost_Warehouse', sku: 'AMZ-MUG-3', fnsku: 'X0MUG3', asin: 'B0MUG00003', 'currency-unit': 'SAR', 'amount-per-unit': '20', 'amount-total': '40', 'quantity-reimbursed-cash': '2', 'quantity-reimbursed-total': '2' })]),
    },
    {
      source: 'Amazon KSA received inventory.txt',
      grid: tabled(O.RECEIVED_INVENTORY, [fill(O.RECEIVED_INVENTORY, { 'received-date': '2026-05-01', fnsku: 'X0MUG3', sku: 'AMZ-MUG-3', 'product-name': 'Mug', quantity: '200', 'fba-shipment-id': 'FBA15', 'fulfillment-center-id': 'RUH1' })]),
    },
    {
      // No public header of noon's goods received note was found: these are the names GRN exports use.
      source: 'noon KSA GRN.csv',
      grid: [
        ['GRN Number', 'ASN Number', 'GRN Date', 'partner_sku', 'Title', 'Expected Qty', 'Received Qty', 'Damaged Qty'],
        ['GRN-77', 'ASN-12', '2026-05-01', 'LMV-CARDS-1', 'Cards', '50', '48', '2'],
      ],
    },
    {
      source: 'Amazon KSA all listings.txt',
      grid: tabled(O.ALL_LISTINGS, [fill(O.ALL_LISTINGS, { 'item-name': 'Mug', 'listing-id': 'L1', 'seller-sku': 'AMZ-MUG-3', price: '59', quantity: '500', 'open-date': '2025-01-01 10:00:00 PST', 'asin1': 'B0MUG00003', 'fulfillment-channel': 'AMAZON_SA', status: 'Active' })]),
    },
    {
      source: 'Amazon KSA settlement.txt',
      grid: tabled(O.SETTLEMENT_FLAT_FILE_V2, [fill(O.SETTLEMENT_FLAT_FILE_V2, { 'settlement-id': 'S1', 'transaction-type': 'Order', 'order-id': '171-0000000-0000002', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '59', 'posted-date': '2026-05-04', sku: 'AMZ-MUG-3', 'quantity-purchased': '3', currency: 'SAR' })]),
    },
    {
      source: 'Amazon KSA transactions.csv',
      grid: tabled(O.DATE_RANGE_TRANSACTIONS, [fill(O.DATE_RANGE_TRANSACTIONS, { 'date/time': 'May 4, 2026 10:00:00 AM PST', 'settlement id': 'S1', type: 'Order', 'order id': '171-0000000-0000002', sku: 'AMZ-MUG-3', quantity: '3', marketplace: 'amazon.sa', 'product sales': '177', total: '150' })]),
    },
    {
      source: 'Amazon KSA advertised products.csv',
      grid: tabled(O.SP_ADVERTISED_PRODUCT, [fill(O.SP_ADVERTISED_PRODUCT, { Date: 'May 04, 2026', Currency: 'SAR', 'Campaign Name': 'Mugs', 'Ad Group Name': 'All', 'Advertised SKU': 'AMZ-MUG-3', 'Advertised ASIN': 'B0MUG00003', Impressions: '1000', Clicks: '20', Spend: '15', '7 Day Total Sales': '177', '7 Day Total Units (#)': '3' })]),
    },
  ];

  const base = run(BASE);
  const all = run([...BASE, ...OTHERS]);
  const totals = (positions: readonly Position[]) => ({
    positions: positions.length,
    sold: positions.reduce((n, p) => n + p.sold, 0),
    revenue: positions.reduce((n, p) => n + p.revenue, 0),
    available: positions.reduce((n, p) => n + p.available, 0),
    inbound: positions.reduce((n, p) => n + p.inbound, 0),
    unfulfillable: positions.reduce((n, p) => n + p.unfulfillable, 0),
    reserved: positions.reduce((n, p) => n + p.reserved, 0),
  });

  it('add not a single unit of sales or stock, nor a position', () => {
    expect(totals(base.positions)).toEqual({ positions: 2, sold: 2, revenue: 39.6, available: 32, inbound: 0, unfulfillable: 0, reserved: 5 });
    expect(totals(all.positions)).toEqual(totals(base.positions));
  });

  it.each([
    ['Amazon KSA removal order detail.txt', 'amazon-removal-orders'],
    ['Amazon KSA removal shipments.txt', 'amazon-removal-shipments'],
    ['Amazon KSA reimbursements.txt', 'amazon-reimbursements'],
    ['Amazon KSA received inventory.txt', 'received'],
    ['noon KSA GRN.csv', 'received'],
    ['Amazon KSA all listings.txt', 'catalog'],
    ['Amazon KSA settlement.txt', 'amazon-finance'],
    ['Amazon KSA transactions.csv', 'amazon-finance'],
    ['Amazon KSA advertised products.csv', 'amazon-advertising'],
  ])('%s is recognized as %s and set aside with one line that accounts for its rows', (source, kind) => {
    const s = all.sources.find((x) => x.source === source)!;
    expect(s.kind).toBe(kind);
    expect([s.rowsRead, s.rowsUsed, s.rowsReported]).toEqual([1, 0, 1]);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0]).toMatchObject({ source, row: null, dropped: true });
    expect(s.issues[0].reason).toMatch(/: not used by the analysis \(.+\); its 1 rows count as neither sales nor stock$/);
  });

  it('All Orders needs an order id and a purchase date: sku, quantity and status alone are not an orders report', () => {
    const d = detectKind(['sku', 'quantity', 'status', 'fulfillment-channel', 'price']);
    expect(d.kind).not.toBe('amazon-orders');
    // The noon price export shares noon's id_partner, partner_sku and country_code but no sale column.
    expect(detectKind(O.NOON_PRICE_EXPORT_APPROX.header).kind).not.toBe('noon-sales');
  });
});

describe('columns Amazon adds from other reports', () => {
  it('a planning report that also carries the reserved and restock columns, Store, program and cpf is the planning report', () => {
    const added = [...M.PLANNING_HEADER, ...M.RESERVED_HEADER.slice(4), 'Recommended replenishment qty', 'Recommended ship date', 'Total Days of Supply (including units from open shipments)', 'Supplier', 'FC transfer', 'FC Processing', 'Store', 'program', 'cpf'];
    const d = detectKind(added);
    expect(d.kind).toBe('amazon-inventory-age');
    expect(d.unsure).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/also has columns of the Amazon Reserved Inventory/);
  });

  it('Manage FBA Inventory with the reserved columns is still Manage FBA Inventory', () => {
    expect(detectKind([...M.MANAGE_FBA_INVENTORY_HEADER, 'Store', ...M.RESERVED_HEADER.slice(4)]).kind).toBe('amazon-inventory');
  });

  it('the reserved report itself stays the reserved report', () => {
    expect(detectKind(M.RESERVED_HEADER).kind).toBe('amazon-reserved');
  });
});
