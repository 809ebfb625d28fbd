/**
 * Amazon reports of the demo seller, with Amazon's exact headers (../shared/data/reports/amazon) and
 * values written as text the way Seller Central exports them: Manage FBA Inventory, Business Report by
 * child item, Restock Inventory, FBA Inventory (age and planning) and Stranded inventory.
 */
import type { RawCell } from '../engine';
import { Category, DemoChannel, isUae, Listing, Product, round2 } from './catalog';
import { apportion, DAY_MS, grouped, isoDate, isoWithOffset, money, percent, rowOf, withCurrency } from './format';
import type { Random } from './random';

type Grid = RawCell[][];

const MYI_HEADER = 'sku fnsku asin product-name condition your-price mfn-listing-exists mfn-fulfillable-quantity afn-listing-exists afn-warehouse-quantity afn-fulfillable-quantity afn-unsellable-quantity afn-reserved-quantity afn-total-quantity per-unit-volume afn-inbound-working-quantity afn-inbound-shipped-quantity afn-inbound-receiving-quantity afn-researching-quantity afn-reserved-future-supply afn-future-supply-buyable'.split(' ');
const BUSINESS_HEADER = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B'.split(',');
const RESTOCK_HEADER = 'Country,Product Name,FNSKU,Merchant SKU,ASIN,Condition,Supplier,Supplier part no.,Currency code,Price,Sales last 30 days,Units Sold Last 30 Days,Total Units,Inbound,Available,FC transfer,FC Processing,Customer Order,Unfulfillable,Working,Shipped,Receiving,Fulfilled by,Total Days of Supply (including units from open shipments),Days of Supply at Amazon Fulfillment Network,Alert,Recommended replenishment qty,Recommended ship date,Recommended action,Unit storage size'.split(',');
const PLANNING_HEADER = 'snapshot-date sku fnsku asin product-name condition available pending-removal-quantity inv-age-0-to-90-days inv-age-91-to-180-days inv-age-181-to-270-days inv-age-271-to-365-days inv-age-365-plus-days currency qty-to-be-charged-ltsf-11-mo projected-ltsf-11-mo qty-to-be-charged-ltsf-12-mo estimated-ltsf-next-charge units-shipped-t7 units-shipped-t30 units-shipped-t60 units-shipped-t90 alert your-price sales-price lowest-price-new-plus-shipping lowest-price-used recommended-action healthy-inventory-level recommended-sales-price recommended-sale-duration-days recommended-removal-quantity estimated-cost-savings-of-recommended-actions sell-through item-volume volume-unit-measurement storage-type storage-volume marketplace product-group sales-rank days-of-supply estimated-excess-quantity weeks-of-cover-t30 weeks-of-cover-t90 featuredoffer-price sales-shipped-last-7-days sales-shipped-last-30-days sales-shipped-last-60-days sales-shipped-last-90-days inv-age-0-to-30-days inv-age-31-to-60-days inv-age-61-to-90-days inv-age-181-to-330-days inv-age-331-to-365-days estimated-storage-cost-next-month inbound-quantity inbound-working inbound-shipped inbound-received no-sale-last-6-months reserved-quantity unfulfillable-quantity'.split(' ');
const STRANDED_HEADER = 'primary-action date-stranded Date-to-take-auto-removal status-primary status-secondary error-message stranded-reason asin sku fnsku product-name condition fulfilled-by fulfillable-qty your-price unfulfillable-qty reserved-quantity inbound-shipped-qty'.split(' ');

/** Cubic feet per unit by category, and Amazon's product group names. */
const VOLUME: Readonly<Record<Category, number>> = { home: 0.35, electronics: 0.03, beauty: 0.02, toys: 0.25, kitchen: 0.12, fashion: 0.08 };
const PRODUCT_GROUP: Readonly<Record<Category, string>> = { home: 'Home', electronics: 'Wireless', beauty: 'Beauty', toys: 'Toy', kitchen: 'Kitchen', fashion: 'Apparel' };

const inboundOf = (l: Listing) => l.inboundWorking + l.inboundShipped + l.inboundReceiving;
const velocity = (l: Listing) => l.sold / 30;
const on = (products: readonly Product[], channel: DemoChannel) =>
  products.flatMap((product) => (product.listings[channel] ? [{ product, listing: product.listings[channel] as Listing }] : []));

/** Manage FBA Inventory: one row per SKU (two for a duplicated SKU, the second at the end, as a re-export glitch leaves it). */
export function manageInventory(products: readonly Product[], channel: DemoChannel): Grid {
  const rows: Grid = [MYI_HEADER];
  const extra: Grid = [];
  for (const { product, listing: l } of on(products, channel)) {
    const write = (available: number, reserved: number, unsellable: number, working: number, shipped: number, receiving: number) => {
      const warehouse = available + unsellable + reserved;
      return rowOf(MYI_HEADER, {
        sku: l.sku,
        fnsku: l.channelId,
        asin: product.asin,
        'product-name': product.title,
        condition: 'New',
        'your-price': l.price.toFixed(2),
        'mfn-listing-exists': 'No',
        'afn-listing-exists': l.stranded ? 'No' : 'Yes',
        'afn-warehouse-quantity': String(warehouse),
        'afn-fulfillable-quantity': String(available),
        'afn-unsellable-quantity': String(unsellable),
        'afn-reserved-quantity': String(reserved),
        'afn-total-quantity': String(warehouse + working + shipped + receiving),
        'per-unit-volume': VOLUME[product.category].toFixed(2),
        'afn-inbound-working-quantity': String(working),
        'afn-inbound-shipped-quantity': String(shipped),
        'afn-inbound-receiving-quantity': String(receiving),
        'afn-researching-quantity': '0',
        'afn-reserved-future-supply': '0',
        'afn-future-supply-buyable': '0',
      });
    };
    rows.push(write(l.available - l.duplicateSplit, l.reserved, l.unsellable, l.inboundWorking, l.inboundShipped, l.inboundReceiving));
    if (l.duplicateSplit > 0) extra.push(write(l.duplicateSplit, 0, 0, 0, 0, 0));
  }
  return [...rows, ...extra];
}

/** Business Report (Detail Page Sales and Traffic by child item) for the 30 days before the as-of date. */
export function businessReport(products: readonly Product[], channel: DemoChannel, rng: Random): Grid {
  const currency = isUae(channel) ? 'AED' : 'SAR';
  const items = on(products, channel).map(({ product, listing: l }) => {
    const sessions = l.sold > 0 ? Math.max(l.sold, Math.round(l.sold / rng.uniform(0.05, 0.18))) : rng.int(8, 90);
    const unitsB2b = l.sold > 10 && rng.chance(0.2) ? rng.int(1, 2) : 0;
    return {
      product,
      l,
      sessions,
      sessionsB2b: Math.max(unitsB2b * 4, Math.round(sessions * rng.uniform(0, 0.04))),
      views: Math.round(sessions * rng.uniform(1.15, 1.6)),
      buyBox: l.stranded ? 0 : rng.chance(0.6) ? 1 : rng.uniform(0.85, 1),
      unitsB2b,
      sales: round2(l.sold * l.price * rng.uniform(0.93, 1)),
      orderItems: l.sold - Math.floor(l.sold * rng.uniform(0, 0.08)),
    };
  });
  const totalSessions = items.reduce((a, x) => a + x.sessions, 0) || 1;
  const totalB2b = items.reduce((a, x) => a + x.sessionsB2b, 0) || 1;
  const totalViews = items.reduce((a, x) => a + x.views, 0) || 1;
  items.sort((a, b) => b.sessions - a.sessions);
  const rows: Grid = [BUSINESS_HEADER];
  for (const x of items) {
    rows.push(
      rowOf(BUSINESS_HEADER, {
        '(Parent) ASIN': x.product.parentAsin,
        '(Child) ASIN': x.product.asin,
        Title: x.product.title,
        SKU: x.l.sku,
        'Sessions - Total': grouped(x.sessions),
        'Sessions - Total - B2B': grouped(x.sessionsB2b),
        'Session Percentage - Total': percent(x.sessions / totalSessions),
        'Session Percentage - Total - B2B': percent(x.sessionsB2b / totalB2b),
        'Page Views - Total': grouped(x.views),
        'Page Views - Total - B2B': grouped(Math.round(x.sessionsB2b * 1.3)),
        'Page Views Percentage - Total': percent(x.views / totalViews),
        'Page Views Percentage - Total - B2B': percent(x.sessionsB2b / totalB2b),
        'Featured Offer (Buy Box) Percentage': percent(x.buyBox),
        'Featured Offer (Buy Box) Percentage - B2B': percent(x.buyBox),
        'Units Ordered': grouped(x.l.sold),
        'Units Ordered - B2B': grouped(x.unitsB2b),
        'Unit Session Percentage': percent(x.l.sold / x.sessions),
        'Unit Session Percentage - B2B': percent(x.sessionsB2b > 0 ? x.unitsB2b / x.sessionsB2b : 0),
        'Ordered Product Sales': withCurrency(currency, x.sales),
        'Ordered Product Sales - B2B': withCurrency(currency, x.unitsB2b * x.l.price),
        'Total Order Items': grouped(x.orderItems),
        'Total Order Items - B2B': grouped(x.unitsB2b),
      }),
    );
  }
  return rows;
}

/** Restock Inventory (KSA): Amazon's own recommendation, about 60 days of cover. */
export function restockReport(products: readonly Product[], asOf: number, rng: Random): Grid {
  const rows: Grid = [RESTOCK_HEADER];
  for (const { product, listing: l } of on(products, 'amazon-ksa')) {
    const v = velocity(l);
    const inbound = inboundOf(l);
    const recommended = Math.max(0, Math.ceil(v * 60) - l.available - inbound);
    const fcTransfer = Math.round(l.reserved * 0.4);
    const fcProcessing = Math.round(l.reserved * 0.2);
    rows.push(
      rowOf(RESTOCK_HEADER, {
        Country: 'SA',
        'Product Name': product.title,
        FNSKU: l.channelId,
        'Merchant SKU': l.sku,
        ASIN: product.asin,
        Condition: 'New',
        Supplier: product.supplier,
        'Currency code': 'SAR',
        Price: l.price.toFixed(2),
        'Sales last 30 days': money(l.sold * l.price),
        'Units Sold Last 30 Days': String(l.sold),
        'Total Units': String(l.available + l.reserved + l.unsellable + inbound),
        Inbound: String(inbound),
        Available: String(l.available),
        'FC transfer': String(fcTransfer),
        'FC Processing': String(fcProcessing),
        'Customer Order': String(l.reserved - fcTransfer - fcProcessing),
        Unfulfillable: String(l.unsellable),
        Working: String(l.inboundWorking),
        Shipped: String(l.inboundShipped),
        Receiving: String(l.inboundReceiving),
        'Fulfilled by': 'Amazon',
        'Total Days of Supply (including units from open shipments)': v > 0 ? String(Math.round((l.available + inbound) / v)) : '',
        'Days of Supply at Amazon Fulfillment Network': v > 0 ? String(Math.round(l.available / v)) : '',
        Alert: l.available === 0 && l.sold > 0 ? 'out_of_stock' : recommended > 0 ? 'reorder_now' : '',
        'Recommended replenishment qty': String(recommended),
        'Recommended ship date': recommended > 0 ? isoDate(asOf + rng.int(0, 7) * DAY_MS) : '',
        'Recommended action': recommended > 0 ? 'Restock' : 'No action required',
        'Unit storage size': 'Standard-size',
      }),
    );
  }
  return rows;
}

/** Shares of the on-hand units by age bucket (0-30, 31-60, 61-90, 91-180, 181-330, 331-365, 365+) for a days-of-cover. */
function ageShares(doi: number): readonly number[] {
  if (doi <= 30) return [1, 0, 0, 0, 0, 0, 0];
  if (doi <= 60) return [0.6, 0.4, 0, 0, 0, 0, 0];
  if (doi <= 90) return [0.4, 0.35, 0.25, 0, 0, 0, 0];
  if (doi <= 180) return [0.25, 0.2, 0.2, 0.35, 0, 0, 0];
  if (doi <= 365) return [0.1, 0.1, 0.1, 0.3, 0.3, 0.1, 0];
  return [0.03, 0.04, 0.05, 0.15, 0.25, 0.1, 0.38];
}

/**
 * FBA Inventory (age and planning), KSA, for SKUs with units on hand. The current age split is filled
 * (0-30 … 331-365, 365-plus); the legacy columns (0-to-90, 181-to-270, 271-to-365) are left blank.
 */
export function inventoryAge(products: readonly Product[], asOf: number, rng: Random): Grid {
  const rows: Grid = [PLANNING_HEADER];
  for (const { product, listing: l } of on(products, 'amazon-ksa')) {
    if (l.available <= 0) continue;
    const v = velocity(l);
    const doi = v > 0 ? l.available / v : Infinity;
    const [a30, a60, a90, a180, a330, a365, aPlus] = apportion(l.available, ageShares(doi));
    const t7 = Math.min(l.sold, Math.round(l.sold * rng.uniform(0.15, 0.3)));
    const t60 = l.sold + Math.round(l.sold * rng.uniform(0.7, 1.3));
    const t90 = t60 + Math.round(l.sold * rng.uniform(0.7, 1.3));
    const excess = Math.max(0, Math.round(l.available - v * 90));
    const action = v === 0 || doi > 365 ? 'Create removal order' : doi > 90 ? 'Create a sale' : doi < 14 ? 'Restock' : 'No action required';
    const inbound = inboundOf(l);
    const volume = VOLUME[product.category];
    rows.push(
      rowOf(PLANNING_HEADER, {
        'snapshot-date': isoDate(asOf),
        sku: l.sku,
        fnsku: l.channelId,
        asin: product.asin,
        'product-name': product.title,
        condition: 'New',
        available: String(l.available),
        'pending-removal-quantity': '0',
        'inv-age-91-to-180-days': String(a180),
        'inv-age-365-plus-days': String(aPlus),
        currency: 'SAR',
        'qty-to-be-charged-ltsf-11-mo': '0',
        'projected-ltsf-11-mo': '0.00',
        'qty-to-be-charged-ltsf-12-mo': String(aPlus),
        'estimated-ltsf-next-charge': money(aPlus * volume * 6.9),
        'units-shipped-t7': String(t7),
        'units-shipped-t30': String(l.sold),
        'units-shipped-t60': String(t60),
        'units-shipped-t90': String(t90),
        alert: doi < 14 ? 'Low inventory' : doi > 90 ? 'Excess inventory' : '',
        'your-price': l.price.toFixed(2),
        'sales-price': l.price.toFixed(2),
        'lowest-price-new-plus-shipping': (l.price * rng.uniform(0.95, 1.05)).toFixed(2),
        'recommended-action': action,
        'healthy-inventory-level': String(Math.round(v * 60)),
        'recommended-sales-price': action === 'Create a sale' ? (l.price * 0.8).toFixed(2) : '',
        'recommended-sale-duration-days': action === 'Create a sale' ? '28' : '',
        'recommended-removal-quantity': String(action === 'Create removal order' ? excess : 0),
        'estimated-cost-savings-of-recommended-actions': money(excess * volume * 4.2),
        'sell-through': (t90 / Math.max(1, l.available)).toFixed(2),
        'item-volume': volume.toFixed(2),
        'volume-unit-measurement': 'cubic feet',
        'storage-type': 'Standard',
        'storage-volume': (volume * l.available).toFixed(2),
        marketplace: 'SA',
        'product-group': PRODUCT_GROUP[product.category],
        'sales-rank': String(v > 0 ? Math.round(4000 / (v + 0.05)) : rng.int(150_000, 900_000)),
        'days-of-supply': v > 0 ? String(Math.round(doi)) : '',
        'estimated-excess-quantity': String(excess),
        'weeks-of-cover-t30': v > 0 ? (doi / 7).toFixed(1) : '',
        'weeks-of-cover-t90': t90 > 0 ? (l.available / (t90 / 90) / 7).toFixed(1) : '',
        'featuredoffer-price': l.price.toFixed(2),
        'sales-shipped-last-7-days': money(t7 * l.price),
        'sales-shipped-last-30-days': money(l.sold * l.price),
        'sales-shipped-last-60-days': money(t60 * l.price),
        'sales-shipped-last-90-days': money(t90 * l.price),
        'inv-age-0-to-30-days': String(a30),
        'inv-age-31-to-60-days': String(a60),
        'inv-age-61-to-90-days': String(a90),
        'inv-age-181-to-330-days': String(a330),
        'inv-age-331-to-365-days': String(a365),
        'estimated-storage-cost-next-month': money(l.available * volume * 2.1),
        'inbound-quantity': String(inbound),
        'inbound-working': String(l.inboundWorking),
        'inbound-shipped': String(l.inboundShipped),
        'inbound-received': String(l.inboundReceiving),
        'no-sale-last-6-months': String(l.sold === 0 ? l.available : 0),
        'reserved-quantity': String(l.reserved),
        'unfulfillable-quantity': String(l.unsellable),
      }),
    );
  }
  return rows;
}

/** Stranded inventory (KSA): the stranded listings with Amazon's reason and primary action. */
export function strandedReport(products: readonly Product[], asOf: number): Grid {
  const rows: Grid = [STRANDED_HEADER];
  for (const { product, listing: l } of on(products, 'amazon-ksa')) {
    const s = l.stranded;
    if (!s) continue;
    const since = asOf - s.daysAgo * DAY_MS + 9.5 * 3_600_000;
    rows.push(
      rowOf(STRANDED_HEADER, {
        'primary-action': s.action,
        'date-stranded': isoWithOffset(since),
        'Date-to-take-auto-removal': isoWithOffset(since + 60 * DAY_MS),
        'status-primary': 'Stranded',
        'status-secondary': s.statusSecondary,
        'error-message': s.error,
        'stranded-reason': s.reason,
        asin: product.asin,
        sku: l.sku,
        fnsku: l.channelId,
        'product-name': product.title,
        condition: 'New',
        'fulfilled-by': 'Amazon',
        'fulfillable-qty': String(l.available),
        'your-price': l.price.toFixed(2),
        'unfulfillable-qty': String(l.unsellable),
        'reserved-quantity': String(l.reserved),
        'inbound-shipped-qty': String(l.inboundShipped),
      }),
    );
  }
  return rows;
}
