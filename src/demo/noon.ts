/**
 * noon reports of the demo seller: the FBN inventory export, with a row per warehouse × SKU ×
 * inventory_type in the columns of ../shared/data/reports/noon/fbn-inventory-export.sample.csv, and
 * the sales export with ONE ROW PER UNIT (item_nr suffix -1, -2 … within an order), in the columns of
 * ../shared/data/reports/noon/sales-export.sample.csv.
 */
import type { RawCell } from '../engine';
import { DemoChannel, Listing, Product } from './catalog';
import { apportion, arabicDigits, DAY_MS, timestamp } from './format';
import type { Random } from './random';

type Grid = RawCell[][];

const STOCK_HEADER = 'box_barcode,warehouse_code,barcode,qty,id_partner,inventory_type,pbarcode,sku,partner_sku,weight,volumetric_weight,shortest_side,median_side,longest_side,title,brand,family,reason_code,inventory_snapshot_at,country_code,classification_code'.split(',');
const SALES_HEADER = 'id_partner,src_country,country_code,dest_country,bayan_nr,item_nr,partner_sku,sku,status,offer_price,gmv_lcy,currency_code,brand_code,family,fulfillment_model,order_timestamp,shipment_timestamp,delivered_timestamp'.split(',');
const HOUR_MS = 3_600_000;
const PARTNER_ID = '108065';

const country = (channel: DemoChannel) => (channel === 'noon-uae' ? 'AE' : 'SA');
const on = (products: readonly Product[], channel: DemoChannel) =>
  products.flatMap((product) => (product.listings[channel] ? [{ product, listing: product.listings[channel] as Listing }] : []));

/**
 * noon FBN inventory export as of `asOf`: saleable units split over the country's warehouses, units
 * that are not available as a customer-return or damaged row. Quantities of `arabicDigitSkus` (and
 * about 2% of the others) are written in Arabic-Indic digits.
 */
export function noonStock(products: readonly Product[], channel: DemoChannel, asOf: number, rng: Random, arabicDigitSkus: ReadonlySet<string>): Grid {
  const warehouses = channel === 'noon-uae' ? ['DXB01S', 'DXB02S'] : ['RUH01S', 'JED01S'];
  const code = country(channel);
  // noon writes the snapshot time as "2026-06-17, 09:37:08".
  const at = timestamp(asOf - 3 * HOUR_MS).replace(' ', ', ');
  const rows: Grid = [STOCK_HEADER];
  for (const { product, listing: l } of on(products, channel)) {
    const arabic = arabicDigitSkus.has(product.masterSku) || rng.chance(0.02);
    const qty = (n: number) => (arabic ? arabicDigits(String(n)) : String(n));
    const row = (warehouse: string, units: number, type: string, reason: string) =>
      ['', warehouse, '', qty(units), PARTNER_ID, type, l.sku, l.channelId, l.sku, '', '', '', '', '', product.title, product.brand, product.category, reason, at, code, 'standard_parcel'];
    const split = l.available >= 10 && rng.chance(0.5);
    const parts = split ? apportion(l.available, [rng.uniform(0.5, 0.8), 0.3]) : [l.available];
    parts.forEach((units, i) => rows.push(row(warehouses[i], units, 'saleable', '')));
    // Odd counts as graded customer returns, even ones as damaged: both are not available.
    if (l.unsellable > 0) rows.push(l.unsellable % 2 === 1 ? row(warehouses[0], l.unsellable, 'graded_returns_cir', 'customer_return') : row(warehouses[0], l.unsellable, 'damaged', 'warehouse_damaged'));
  }
  return rows;
}

interface Order {
  readonly listing: Listing;
  readonly product: Product;
  readonly at: number;
  readonly units: number;
  readonly cancelled: boolean;
}

/**
 * noon sales export for the 30 days before `asOf`: each listing's sold units as orders of 1–3 units
 * (one row per unit), a few extra cancelled orders, newest first. The best seller's first and last
 * orders sit at the two ends of the window, so the export spans the whole 30 days.
 */
export function noonSales(products: readonly Product[], channel: DemoChannel, asOf: number, rng: Random): Grid {
  const start = asOf - 30 * DAY_MS;
  const items = on(products, channel);
  const best = items.reduce<Listing | null>((b, x) => (b === null || x.listing.sold > b.sold ? x.listing : b), null);
  const orders: Order[] = [];
  for (const { product, listing } of items) {
    let left = listing.sold;
    let first = true;
    while (left > 0) {
      const r = rng.next();
      const units = Math.min(left, r < 0.82 ? 1 : r < 0.96 ? 2 : 3);
      let at = start + Math.floor(rng.next() * 30 * 86_400) * 1000;
      if (listing === best && first) at = start + rng.int(60, 3600) * 1000;
      else if (listing === best && left === units) at = asOf - rng.int(300, 3600) * 1000;
      orders.push({ listing, product, at, units, cancelled: false });
      left -= units;
      first = false;
    }
    const cancelled = rng.poisson(listing.sold * 0.05 + (listing.sold > 0 ? 0.2 : 0));
    for (let i = 0; i < cancelled; i++) orders.push({ listing, product, at: start + Math.floor(rng.next() * 30 * 86_400) * 1000, units: 1, cancelled: true });
  }
  orders.sort((a, b) => b.at - a.at);
  const code = country(channel);
  const rows: Grid = [SALES_HEADER];
  for (const o of orders) {
    const orderNr = `N${code}I${rng.int(50_000, 59_999)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const age = (asOf - o.at) / DAY_MS;
    const shippedAt = o.at + rng.uniform(3, 20) * HOUR_MS;
    const deliveredAt = shippedAt + rng.uniform(12, 60) * HOUR_MS;
    const status = o.cancelled ? 'Cancelled' : age < 1.5 || shippedAt >= asOf ? 'Processing' : deliveredAt >= asOf || age < 4 || rng.chance(0.04) ? 'Shipped' : 'Delivered';
    const price = rng.chance(0.15) ? Math.round(o.listing.price * 90) / 100 : o.listing.price;
    for (let k = 1; k <= o.units; k++) {
      rows.push([
        PARTNER_ID,
        code,
        code,
        code,
        '',
        `${orderNr}-${k}`,
        o.listing.sku,
        o.listing.channelId,
        status,
        String(price),
        String(price),
        code === 'AE' ? 'AED' : 'SAR',
        o.product.brand.toLowerCase(),
        o.product.category,
        'Fulfilled by Noon (FBN)',
        timestamp(o.at),
        status === 'Shipped' || status === 'Delivered' ? timestamp(Math.floor(shippedAt / 1000) * 1000) : '',
        status === 'Delivered' ? timestamp(Math.floor(deliveredAt / 1000) * 1000) : '',
      ]);
    }
  }
  return rows;
}
