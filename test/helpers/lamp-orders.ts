/**
 * LAMP-01 on Amazon KSA: All Orders with the report's real header (ALL_ORDERS_HEADER,
 * test/fixtures/marketplace-reports.ts), one order row a day at 10:00 UTC from `from` to `to`
 * (inclusive, "YYYY-MM-DD"), `units(day)` units each; a mapping with the lead time given and a Manage FBA
 * Inventory row with nothing on hand. Used by the event tests (issue 22).
 */
import type { RawCell } from '../../src/engine/ingest/types';
import { ALL_ORDERS_HEADER } from '../fixtures/marketplace-reports';

const DAY = 86_400_000;

export function lampOrders(from: string, to: string, units: (day: string) => number = () => 3): RawCell[][] {
  const rows: RawCell[][] = [[...ALL_ORDERS_HEADER]];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const qty = units(day);
    const cells: Readonly<Record<string, string>> = {
      'amazon-order-id': `403-${day}`, 'purchase-date': `${day}T10:00:00+00:00`, 'last-updated-date': day, 'order-status': 'Shipped',
      'fulfillment-channel': 'Amazon', 'sales-channel': 'Amazon.sa', 'ship-service-level': 'Standard', 'product-name': 'Desk lamp',
      sku: 'AMZ-LAMP', asin: 'B0LAMP0001', 'item-status': 'Shipped', quantity: String(qty), currency: 'SAR', 'item-price': String(qty * 100),
      'item-tax': '0', 'shipping-price': '0', 'shipping-tax': '0', 'ship-country': 'SA',
    };
    rows.push(ALL_ORDERS_HEADER.map((h) => cells[h] ?? ''));
  }
  return rows;
}

export const lampMapping = (leadTimeDays: number): RawCell[][] => [
  ['Master SKU', 'Amazon KSA SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price', 'Lead Time Days'],
  ['LAMP-01', 'AMZ-LAMP', 'B0LAMP0001', 'Desk lamp', '40', '100', String(leadTimeDays)],
];

export const LAMP_INVENTORY: RawCell[][] = [
  ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'],
  ['AMZ-LAMP', 'X0LAMP', 'B0LAMP0001', 'Desk lamp', 'New', '100', '0', '0', '0', '0', '0', '0', '0', '0'],
];
