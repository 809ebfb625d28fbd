/**
 * Every real report header and sample in ../shared/data/reports is recognized as its kind with its
 * header mapped. The files are read with papaparse here (the file readers have their own tests).
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { detectKind, findHeaderRow } from '../../src/engine/ingest/detect';
import { readReport } from '../../src/engine/ingest/read-report';
import { REPORTS as DATA } from './reports-dir';

const EXPECTED: Record<string, { kind: string; fields: string[]; minConfidence?: number }> = {
  'amazon/afn-inventory.header.tsv': { kind: 'amazon-inventory', fields: ['sku', 'fnsku', 'asin', 'warehouseCondition', 'quantity'] },
  'amazon/all-orders.header.tsv': { kind: 'amazon-orders', fields: ['orderId', 'purchaseDate', 'orderStatus', 'sku', 'asin', 'quantity', 'itemPrice', 'salesChannel'] },
  'amazon/business-report-by-child-item.header.csv': { kind: 'amazon-business-report', fields: ['parentAsin', 'asin', 'title', 'sku', 'sessions', 'unitsOrdered', 'revenue'] },
  'amazon/business-report-by-child-item.sample.csv': { kind: 'amazon-business-report', fields: ['parentAsin', 'asin', 'title', 'sku', 'sessions', 'unitsOrdered', 'revenue'] },
  'amazon/fba-inventory-planning.header.tsv': { kind: 'amazon-inventory-age', fields: ['snapshotDate', 'sku', 'asin', 'available', 'unitsShippedT30', 'recommendedAction', 'reserved', 'unfulfillable'] },
  'amazon/manage-fba-inventory.header.tsv': { kind: 'amazon-inventory', fields: ['sku', 'fnsku', 'asin', 'title', 'price', 'available', 'reserved', 'unfulfillable', 'inboundWorking', 'inboundShipped', 'inboundReceiving'] },
  'amazon/reserved-inventory.header.tsv': { kind: 'amazon-reserved', fields: ['sku', 'reserved', 'reservedCustomerOrders', 'reservedFcTransfers', 'reservedFcProcessing'] },
  'amazon/restock-inventory.header.csv': { kind: 'amazon-restock', fields: ['country', 'sku', 'asin', 'unitsSold30', 'available', 'inbound', 'recommendedQty', 'price'] },
  'amazon/stranded-inventory.header.tsv': { kind: 'amazon-stranded', fields: ['strandedReason', 'sku', 'asin', 'fulfillable', 'unfulfillable', 'primaryAction'] },
  'noon/sales-export.sample.csv': { kind: 'noon-sales', fields: ['itemNr', 'sku', 'status', 'offerPrice', 'orderTimestamp', 'country'] },
  // `qty` is a name many sheets use, so it counts half: 6.5 of 7 distinctive columns → 96%.
  'noon/fbn-inventory-export.sample.csv': { kind: 'noon-stock', fields: ['sku', 'noonSku', 'quantity', 'warehouseCode', 'inventoryType', 'reasonCode', 'snapshotAt', 'country'], minConfidence: 0.96 },
  'noon/product-views-and-sales.sample.csv': { kind: 'noon-views-sales', fields: ['visitDate', 'sku', 'noonSku', 'country', 'currency', 'visitors', 'grossUnits', 'shippedUnits', 'cancelledUnits', 'revenue'] },
  'amazon/inventory-ledger-summary.sample.tsv': { kind: 'amazon-ledger-summary', fields: ['date', 'fnsku', 'asin', 'sku', 'disposition', 'startingBalance', 'receipts', 'customerShipments', 'customerReturns', 'lost', 'endingBalance', 'country', 'marketplace'] },
  'amazon/inventory-ledger-detail.sample.tsv': { kind: 'amazon-ledger-detail', fields: ['date', 'fnsku', 'sku', 'eventType', 'quantity', 'fulfillmentCenter', 'disposition', 'country', 'dateTime', 'marketplace'] },
  'amazon/monthly-storage-fees.sample.csv': { kind: 'amazon-storage-fees', fields: ['asin', 'fnsku', 'fulfillmentCenter', 'averageQtyOnHand', 'monthOfCharge', 'baseRate', 'surchargeRate', 'fee', 'currency'] },
  'amazon/aged-inventory-surcharge.sample.tsv': { kind: 'amazon-aged-surcharge', fields: ['snapshotDate', 'sku', 'qtyCharged', 'amountCharged', 'ageTier', 'currency'] },
  'amazon/fee-preview.sample.tsv': { kind: 'amazon-fee-preview', fields: ['sku', 'asin', 'currency', 'feeTotal', 'referralFee', 'pickPackFee', 'fulfillmentFee'] },
};

function grid(file: string): string[][] {
  const text = fs.readFileSync(path.join(DATA, file), 'utf8');
  return Papa.parse<string[]>(text.replace(/\n$/, ''), { delimitersToGuess: ['\t', ','] }).data;
}

describe('reports in ../shared/data/reports', () => {
  it('covers every file there', () => {
    const files = ['amazon', 'noon'].flatMap((d) => fs.readdirSync(path.join(DATA, d)).map((f) => `${d}/${f}`));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is recognized with its header mapped', (file, { kind, fields, minConfidence }) => {
    const g = grid(file);
    expect(findHeaderRow(g)).toBe(0);
    const d = detectKind(g[0], path.basename(file));
    expect(d.kind).toBe(kind);
    expect(d.unsure).toBe(false);
    if (minConfidence === undefined) expect(d.confidence).toBe(1);
    else expect(d.confidence).toBeGreaterThanOrEqual(minConfidence);
    // The runner-up is far behind: no near tie.
    expect(d.candidates[1].confidence).toBeLessThan(0.7);
    const mapped = new Map(d.match!.columns.map((c) => [c.field, c.header]));
    for (const f of fields) expect([f, mapped.has(f)]).toEqual([f, true]);
    // No required column missing.
    expect(d.match!.missingRequired).toEqual([]);
  });

  it('reads the sample rows: business report values and noon timestamps', () => {
    const br = readReport({ source: 'Business Report', grid: grid('amazon/business-report-by-child-item.sample.csv') });
    expect([br.rowsRead, br.rowsUsed, br.rowsReported]).toEqual([1, 1, 0]);
    expect(br.records.at(0).values).toMatchObject({ sku: '5K-SC4U-PO06', sessions: 12131, unitsOrdered: 683, revenue: 12905.25 });
    const noon = readReport({ source: 'noon', grid: grid('noon/sales-export.sample.csv') });
    expect([noon.rowsRead, noon.rowsUsed, noon.rowsReported]).toEqual([2, 2, 0]);
    expect(noon.records.at(0).values.orderTimestamp).toBe(Date.UTC(2026, 4, 19, 23, 29, 16));
    // The planning report's inv-age-* columns are found by pattern.
    const planning = detectKind(grid('amazon/fba-inventory-planning.header.tsv')[0]);
    expect(planning.match!.patternColumns.map((c) => c.header)).toEqual([
      'inv-age-0-to-90-days', 'inv-age-91-to-180-days', 'inv-age-181-to-270-days', 'inv-age-271-to-365-days', 'inv-age-365-plus-days',
      'inv-age-0-to-30-days', 'inv-age-31-to-60-days', 'inv-age-61-to-90-days', 'inv-age-181-to-330-days', 'inv-age-331-to-365-days',
    ]);
  });

  it('reads the new samples: noon FBN rows by type with their snapshot time, views & sales units, ledger MM/DD/YYYY, fee values', () => {
    const fbn = readReport({ source: 'fbn', grid: grid('noon/fbn-inventory-export.sample.csv') });
    expect([fbn.rowsRead, fbn.rowsUsed, fbn.rowsReported]).toEqual([3, 3, 0]);
    expect(fbn.records.toArray().map((r) => [r.values.inventoryType, r.values.quantity])).toEqual([
      ['saleable', 7],
      ['graded_returns_cir', 2],
      ['inbound_ps', 3],
    ]);
    // "2026-06-17, 09:37:08": a comma between the date and the time.
    expect(fbn.records.at(0).values.snapshotAt).toBe(Date.UTC(2026, 5, 17, 9, 37, 8));
    const views = readReport({ source: 'views', grid: grid('noon/product-views-and-sales.sample.csv') });
    expect([views.rowsRead, views.rowsUsed, views.rowsReported]).toEqual([3, 3, 0]);
    expect(views.records.at(2).values).toMatchObject({ visitDate: Date.UTC(2026, 4, 4), grossUnits: 3, shippedUnits: 2, cancelledUnits: 1 });
    const ledger = readReport({ source: 'ledger', grid: grid('amazon/inventory-ledger-summary.sample.tsv') });
    expect(ledger.records.at(0).values).toMatchObject({ date: Date.UTC(2026, 4, 13), startingBalance: 10, endingBalance: 11, sku: 'SKU1' });
    const detail = readReport({ source: 'ledger detail', grid: grid('amazon/inventory-ledger-detail.sample.tsv') });
    expect(detail.records.at(0).values).toMatchObject({ date: Date.UTC(2026, 4, 13), dateTime: Date.UTC(2026, 4, 13, 9), eventType: 'Shipments', quantity: -1 });
    const aged = readReport({ source: 'aged', grid: grid('amazon/aged-inventory-surcharge.sample.tsv') });
    // The second sample row has no qty-charged: no per-unit surcharge can come from it, and it is reported.
    expect([aged.rowsRead, aged.rowsUsed, aged.rowsReported]).toEqual([2, 1, 1]);
    const storage = readReport({ source: 'storage', grid: grid('amazon/monthly-storage-fees.sample.csv') });
    expect([storage.rowsRead, storage.rowsUsed, storage.rowsReported]).toEqual([3, 3, 0]);
    expect(storage.records.at(1).values).toMatchObject({ averageQtyOnHand: 18.5, fee: 0.94, monthOfCharge: '2026-06' });
  });
});
