/**
 * One rule for one bad value in every stock report (issue 23): a negative stock quantity is reported
 * with its sheet, row, column and value, and counted as 0, whichever report carries it. Headers typed
 * from the real reports' headers (test/fixtures/marketplace-reports.ts names each file).
 */
import { importSources } from '../../../src/engine/ingest/import';
import type { ImportIssue, RawCell } from '../../../src/engine/ingest/types';
import { MANAGE_FBA_INVENTORY_HEADER, NOON_FBN_INVENTORY_HEADER, PLANNING_HEADER, RESERVED_HEADER, RESTOCK_HEADER, fbnRow } from '../../fixtures/marketplace-reports';

const MAPPING = { source: 'Mapping', grid: [['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU'], ['LAMP-01', 'AMZ-LAMP', 'NOON-LAMP']] };
/** Data row `values` (by header) of a report whose other cells are blank. */
const row = (header: readonly string[], values: Readonly<Record<string, RawCell>>): RawCell[] => header.map((h) => values[h] ?? '');
/** The stranded inventory report's header, as the data set's amazon/stranded-inventory.header.tsv writes it. */
const STRANDED_HEADER = ['primary-action', 'date-stranded', 'Date-to-take-auto-removal', 'status-primary', 'status-secondary', 'error-message', 'stranded-reason', 'asin', 'sku', 'fnsku', 'product-name', 'condition', 'fulfilled-by', 'fulfillable-qty', 'your-price', 'unfulfillable-qty', 'reserved-quantity', 'inbound-shipped-qty'];

function run(source: string, grid: RawCell[][]) {
  const result = importSources([MAPPING, { source, grid }], { asOf: Date.UTC(2026, 11, 1) });
  const issues = result.issues.filter((i) => i.source === source && i.code === 'stock.negative');
  return { result, issues, position: result.positions.find((p) => p.masterSku === 'LAMP-01') };
}
const at = (issues: readonly ImportIssue[]) => issues.map((i) => [i.row, i.column, i.value, i.reason]);

test('Manage FBA Inventory: each negative quantity column reported, 0 counted', () => {
  const h = MANAGE_FBA_INVENTORY_HEADER;
  const { issues, position } = run('Amazon KSA inventory', [[...h], row(h, { sku: 'AMZ-LAMP', condition: 'New', 'afn-fulfillable-quantity': '-4', 'afn-reserved-quantity': '2', 'afn-unsellable-quantity': '-1', 'afn-inbound-shipped-quantity': '5' })]);
  expect(at(issues)).toEqual([
    [2, 'afn-fulfillable-quantity', '-4', 'Negative stock quantity -4 counted as 0'],
    [2, 'afn-unsellable-quantity', '-1', 'Negative stock quantity -1 counted as 0'],
  ]);
  expect(position).toMatchObject({ available: 0, reserved: 2, unfulfillable: 0, inbound: 5 });
});

test('FBA Inventory (planning): the same rule, where negatives were summed before', () => {
  const h = PLANNING_HEADER;
  const { issues, position } = run('Amazon KSA planning', [[...h], row(h, { 'snapshot-date': '2026-11-30', sku: 'AMZ-LAMP', condition: 'New', available: '-7', 'reserved-quantity': '3', 'inbound-working': '-2', 'inbound-shipped': '6', marketplace: 'SA' })]);
  expect(at(issues)).toEqual([
    [2, 'available', '-7', 'Negative stock quantity -7 counted as 0'],
    [2, 'inbound-working', '-2', 'Negative stock quantity -2 counted as 0'],
  ]);
  expect(position).toMatchObject({ available: 0, reserved: 3, inbound: 6 });
});

test('Restock Inventory: the same rule', () => {
  const h = RESTOCK_HEADER;
  const { issues, position } = run('Amazon KSA restock', [[...h], row(h, { Country: 'SA', 'Merchant SKU': 'AMZ-LAMP', Condition: 'New', 'Units Sold Last 30 Days': '0', 'Sales last 30 days': '0', Available: '-3', Inbound: '4', Unfulfillable: '1' })]);
  expect(at(issues)).toEqual([[2, 'Available', '-3', 'Negative stock quantity -3 counted as 0']]);
  expect(position).toMatchObject({ available: 0, inbound: 4, unfulfillable: 1 });
});

test('Reserved Inventory and Stranded Inventory: the same rule', () => {
  const reserved = run('Amazon KSA reserved', [[...RESERVED_HEADER], row(RESERVED_HEADER, { sku: 'AMZ-LAMP', reserved_qty: '-2' })]);
  expect(at(reserved.issues)).toEqual([[2, 'reserved_qty', '-2', 'Negative stock quantity -2 counted as 0']]);
  const stranded = run('Amazon KSA stranded', [STRANDED_HEADER, row(STRANDED_HEADER, { sku: 'AMZ-LAMP', 'stranded-reason': 'No listing', 'fulfillable-qty': '-5', 'unfulfillable-qty': '2' })]);
  expect(at(stranded.issues)).toEqual([[2, 'fulfillable-qty', '-5', 'Negative stock quantity -5 counted as 0']]);
});

test('noon stock export and the own warehouse: the same rule', () => {
  const noon = run('noon KSA stock', [[...NOON_FBN_INVENTORY_HEADER], fbnRow('RUH-1', -3, 'saleable', 'NOON-LAMP', 'N123')]);
  expect(at(noon.issues)).toEqual([[2, expect.any(String), '-3', 'Negative stock quantity -3 counted as 0']]);
  const own = run('Warehouse', [['Master SKU', 'On Hand', 'Warehouse'], ['LAMP-01', '-6', 'Riyadh'], ['LAMP-01', '10', 'Jeddah']]);
  expect(at(own.issues)).toEqual([[2, 'On Hand', '-6', 'Negative stock quantity -6 counted as 0']]);
  expect(own.result.warehouseStock.get('LAMP-01')).toBe(10);
});
