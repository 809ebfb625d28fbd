/**
 * LAMP-01 on Amazon KSA, typed with the real All Orders header (../shared/data/reports/amazon/
 * all-orders.header.tsv, the columns the tests need): one order row a day at 10:00 UTC from `from` to
 * `to` (inclusive, "YYYY-MM-DD"), `units(day)` units each; a mapping with the lead time given and a
 * Manage FBA Inventory row with nothing on hand. Used by the event tests (issue 22).
 */
import type { RawCell } from '../../src/engine/ingest/types';

const DAY = 86_400_000;
export const ORDERS_HEADER = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'ship-country'];

export function lampOrders(from: string, to: string, units: (day: string) => number = () => 3): RawCell[][] {
  const rows: RawCell[][] = [ORDERS_HEADER];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const qty = units(day);
    rows.push([`403-${day}`, '', `${day}T10:00:00+00:00`, day, 'Shipped', 'Amazon', 'Amazon.sa', '', '', 'Standard', 'Desk lamp', 'AMZ-LAMP', 'B0LAMP0001', 'Shipped', String(qty), 'SAR', String(qty * 100), '0', '0', '0', 'SA']);
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
