/**
 * Stockout-aware demand through the whole analysis (issue 20): a mapping, Manage FBA Inventory, a
 * Business Report and an Inventory Ledger summary, with the reports' real headers (typed from
 * data/reports/amazon of the shared data). Every expected figure is computed by hand below.
 *
 * LAMP-01 on Amazon KSA sold 30 units in the Business Report's 30 days (September 2026), but the
 * ledger shows it in stock only from 1 to 10 September (30 units selling 3 a day down to 0) and out
 * of stock from the 11th to the 30th (starting balance 0, nothing received). Nothing on hand or inbound
 * now; selling price 100 SAR, cost 40 SAR (the mapping's); defaults otherwise (cover policy, 30 days of
 * safety stock, no case pack or MOQ).
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import type { SheetSpec } from '../../../src/engine/sheets/spec';
import { LEDGER_SUMMARY_HEADER, ledgerSummaryRow, MANAGE_FBA_INVENTORY_HEADER } from '../../fixtures/marketplace-reports';

const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['LAMP-01', 'AMZ-LAMP-01', 'Desk lamp', '40', '100'],
  ['MUG-02', 'AMZ-MUG-02', 'Mug', '5', '20'],
];
/** Manage FBA Inventory: LAMP-01 with nothing left; MUG-02 with 50 fulfillable. */
const inventoryRow = (sku: string, fnsku: string, fulfillable: number) => [sku, fnsku, `B0${fnsku}`, sku, 'New', '100', 'No', '0', 'Yes', String(fulfillable), String(fulfillable), '0', '0', String(fulfillable), '0.1', '0', '0', '0', '0', '0', '0'];
const INVENTORY: RawCell[][] = [[...MANAGE_FBA_INVENTORY_HEADER], inventoryRow('AMZ-LAMP-01', 'X0LAMP1', 0), inventoryRow('AMZ-MUG-02', 'X0MUG2', 50)];
const BUSINESS: RawCell[][] = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0P1', 'B0X0LAMP1', 'Desk lamp', 'AMZ-LAMP-01', '900', '30', 'SAR 3,000.00', '30'],
  ['B0P2', 'B0X0MUG2', 'Mug', 'AMZ-MUG-02', '300', '30', 'SAR 600.00', '30'],
];
/** The ledger, month-first dates as Amazon writes them: LAMP-01 out from the 11th; MUG-02 in stock all month. */
const LEDGER: RawCell[][] = [[...LEDGER_SUMMARY_HEADER]];
for (let d = 1; d <= 30; d++) {
  const date = `09/${String(d).padStart(2, '0')}/2026`;
  LEDGER.push(d <= 10 ? ledgerSummaryRow(date, 'X0LAMP1', 'AMZ-LAMP-01', 'SELLABLE', 33 - 3 * d, 0, -3, 0, 0, 30 - 3 * d) : ledgerSummaryRow(date, 'X0LAMP1', 'AMZ-LAMP-01', 'SELLABLE', 0, 0, 0, 0, 0, 0));
  LEDGER.push(ledgerSummaryRow(date, 'X0MUG2', 'AMZ-MUG-02', 'SELLABLE', 81 - d, 0, -1, 0, 0, 80 - d));
}

let a: Analysis;
beforeAll(() => {
  a = analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
      { source: 'Amazon KSA ledger summary', grid: LEDGER },
    ],
    { settings: DEFAULT_SETTINGS, now: new Date('2026-10-01T06:00:00Z') },
  );
});

/** A sheet's data row for `master` as header → value (the table's header row is the first whose first cell is "Master SKU"). */
function rowOf(sheet: string, master: string): Record<string, unknown> {
  const spec = a.specs.find((s: SheetSpec) => s.name === sheet)!;
  const header = spec.rows.findIndex((r) => r[0] === 'Master SKU');
  const row = spec.rows.slice(header + 1).find((r) => r[0] === master)!;
  return Object.fromEntries(spec.rows[header].map((h, i) => [String(h), row[i]]));
}

test('the ledger is read: 60 rows used, none reported', () => {
  expect(a.sources.find((s) => s.source === 'Amazon KSA ledger summary')).toMatchObject({ kind: 'amazon-ledger-summary', rowsRead: 60, rowsUsed: 60, rowsReported: 0 });
});

test('velocity 30 units ÷ 10 in-stock days = 3 a day, with 20 days out of stock, and the Health sheet says so', () => {
  const m = a.metrics.find((x) => x.id === 'LAMP-01|amazon-ksa')!;
  expect(m.velocity).toBe(3);
  expect(m.velocityMethod).toBe('sales / in-stock days (ledger)');
  expect(m.daysOutOfStock).toBe(20);
  const health = rowOf('Health', 'LAMP-01');
  expect(health['Velocity/day']).toBe(3);
  expect(health['Velocity Method']).toBe('sales / in-stock days (ledger)');
  expect(health['Days Out of Stock']).toBe(20);
  // Lost revenue = 20 days × 3 a day × 100 SAR = 6,000 SAR.
  expect(health['Lost Revenue']).toBe(6000);
});

test('the reorder quantity is planned at 3 a day: 3 × 30 days of cover − 0 on hand − 0 inbound = 90 (it was 30 at 1 a day)', () => {
  const line = a.reorder.find((l) => l.metrics.id === 'LAMP-01|amazon-ksa')!;
  expect(line.buyQty).toBe(90);
  const reorder = rowOf('Reorder', 'LAMP-01');
  expect(reorder['Velocity Method']).toBe('sales / in-stock days (ledger)');
  expect(reorder['Velocity/day']).toBe(3);
});

test('a SKU in stock every day of the window keeps sold ÷ period: 30 ÷ 30 = 1, 0 days out, nothing lost', () => {
  const m = a.metrics.find((x) => x.id === 'MUG-02|amazon-ksa')!;
  expect(m.velocity).toBe(1);
  expect(m.velocityMethod).toBe('sales / in-stock days (ledger)');
  expect(m.daysOutOfStock).toBe(0);
  expect(m.lostRevenue).toBe(0);
});

test('without the ledger the same reports give 1 a day, labelled as not stockout-adjusted', () => {
  const plain = analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
    ],
    { settings: DEFAULT_SETTINGS, now: new Date('2026-10-01T06:00:00Z') },
  );
  const m = plain.metrics.find((x) => x.id === 'LAMP-01|amazon-ksa')!;
  expect(m.velocity).toBe(1);
  expect(m.velocityMethod).toBe('sales / period (no ledger)');
  expect(plain.reorder.find((l) => l.metrics.id === 'LAMP-01|amazon-ksa')!.buyQty).toBe(30);
});
