/**
 * Every real report header and sample in ../shared/data/reports is recognized as its kind with its
 * header mapped. The files are read with papaparse here (the file readers have their own tests).
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { detectKind, findHeaderRow } from '../../../src/engine/ingest/detect';
import { readReport } from '../../../src/engine/ingest/read-report';

const DATA = path.join(__dirname, '../../../../shared/data/reports');

const EXPECTED: Record<string, { kind: string; fields: string[] }> = {
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

  it.each(Object.entries(EXPECTED))('%s is recognized with its header mapped', (file, { kind, fields }) => {
    const g = grid(file);
    expect(findHeaderRow(g)).toBe(0);
    const d = detectKind(g[0], path.basename(file));
    expect(d.kind).toBe(kind);
    expect(d.unsure).toBe(false);
    expect(d.confidence).toBe(1);
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
    expect(br.records[0].values).toMatchObject({ sku: '5K-SC4U-PO06', sessions: 12131, unitsOrdered: 683, revenue: 12905.25 });
    const noon = readReport({ source: 'noon', grid: grid('noon/sales-export.sample.csv') });
    expect([noon.rowsRead, noon.rowsUsed, noon.rowsReported]).toEqual([2, 2, 0]);
    expect(noon.records[0].values.orderTimestamp).toBe(Date.UTC(2026, 4, 19, 23, 29, 16));
    // The planning report's inv-age-* columns are found by pattern.
    const planning = detectKind(grid('amazon/fba-inventory-planning.header.tsv')[0]);
    expect(planning.match!.patternColumns.map((c) => c.header)).toEqual([
      'inv-age-0-to-90-days', 'inv-age-91-to-180-days', 'inv-age-181-to-270-days', 'inv-age-271-to-365-days', 'inv-age-365-plus-days',
      'inv-age-0-to-30-days', 'inv-age-31-to-60-days', 'inv-age-61-to-90-days', 'inv-age-181-to-330-days', 'inv-age-331-to-365-days',
    ]);
  });
});
