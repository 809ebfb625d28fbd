/**
 * A small seller workbook whose every expected output is computed by hand in
 * test/app/analyze-small.test.ts: Amazon KSA and noon KSA, four Master SKUs.
 *
 *   A1  Amazon KSA 600 available, 60 sold in 30 days (v 2, DOI 300: excess, not severe)
 *       noon KSA 5 available, 30 sold over 30 days (v 1, DOI 5: CRITICAL)
 *   B2  Amazon KSA 50 available, absent from the Business Report (sold 0: dead stock, MEDIUM)
 *   C3  Amazon KSA 400 available, 15 sold (v 0.5, DOI 800: severe excess, HIGH); hostile titles
 *   D4  noon KSA 2 available, 10 sold over 30 days (v 1/3, DOI 6: CRITICAL), case pack 12, MOQ 24
 */
import type { RawCell } from '../../src/engine/ingest/types';

type Grid = RawCell[][];

export const HOSTILE_TITLE = '=HYPERLINK("http://x","y")';
export const PLUS_TITLE = '+SUM(1)';

export const SMALL_MAPPING: Grid = [
  ['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU', 'Title', 'Cost Price', 'Selling Price', 'Case Pack', 'MOQ'],
  ['A1', 'A1-AMZ', 'A1-NOON', 'حقيبة ظهر للسفر', 40, 100, 10, ''],
  ['B2', 'B2-AMZ', '', 'Gel Pen Set', 10, 30, '', ''],
  ['C3', 'C3-AMZ', '', HOSTILE_TITLE, 20, 50, '', ''],
  ['D4', '', 'D4-NOON', PLUS_TITLE, 15, 40, 12, 24],
];

const MYI_HEADER = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'];

export const SMALL_MYI: Grid = [
  MYI_HEADER,
  ['A1-AMZ', 'X0A1', 'B0A1', 'حقيبة ظهر للسفر', 'New', '100', '600', '600', '0', '0', '600', '0', '0', '0'],
  ['B2-AMZ', 'X0B2', 'B0B2', 'Gel Pen Set', 'New', '30', '50', '50', '0', '0', '50', '0', '0', '0'],
  ['C3-AMZ', 'X0C3', 'B0C3', HOSTILE_TITLE, 'New', '50', '400', '400', '0', '0', '400', '0', '0', '0'],
];

export const SMALL_BUSINESS: Grid = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions – Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0A1P', 'B0A1', 'حقيبة ظهر للسفر', 'A1-AMZ', '900', '60', 'SAR 6,000.00', '60'],
  ['B0C3P', 'B0C3', HOSTILE_TITLE, 'C3-AMZ', '300', '15', 'SAR 750.00', '15'],
];

export const SMALL_NOON_STOCK: Grid = [
  ['partner_sku', 'qty', 'warehouse_code', 'inventory type'],
  ['A1-NOON', '5', 'RUH01', 'Saleable'],
  ['D4-NOON', '2', 'RUH01', 'Saleable'],
];

const NOON_SALES_HEADER = ['item_nr', 'partner_sku', 'status', 'offer_price', 'currency_code', 'country_code', 'order_timestamp'];

/** One row per unit: A1 30 units (days 1..31 of October, first and last exactly 30 days apart), D4 10. */
function noonSales(): Grid {
  const rows: Grid = [NOON_SALES_HEADER];
  for (let i = 0; i < 30; i++) {
    const day = i === 29 ? 31 : i + 1;
    rows.push([`NA1-${i}`, 'A1-NOON', 'Delivered', '100', 'SAR', 'SA', `2026-10-${String(day).padStart(2, '0')} 00:00:00`]);
  }
  for (let i = 0; i < 10; i++) rows.push([`ND4-${i}`, 'D4-NOON', 'Shipped', '40', 'SAR', 'SA', `2026-10-${String(i * 3 + 1).padStart(2, '0')} 00:00:00`]);
  rows.push(['NA1-X', 'A1-NOON', 'Cancelled', '100', 'SAR', 'SA', '2026-10-15 00:00:00']);
  return rows;
}

export const SMALL_NOON_SALES: Grid = noonSales();

export const SMALL_SHEETS: readonly { name: string; rows: Grid }[] = [
  { name: 'Mapping', rows: SMALL_MAPPING },
  { name: 'Amazon KSA Inventory', rows: SMALL_MYI },
  { name: 'Amazon KSA Business Report', rows: SMALL_BUSINESS },
  { name: 'noon KSA Stock', rows: SMALL_NOON_STOCK },
  { name: 'noon KSA Sales', rows: SMALL_NOON_SALES },
];
