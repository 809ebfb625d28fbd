/**
 * The demo seller's catalog: products (Master SKUs) in six categories with English or Arabic titles,
 * cost and price, case pack, MOQ, supplier and lead time, and what each product holds and sells on
 * each of the four channels. Random products come from the seeded generator; the scenario products of
 * scenarios.ts are fixed. The report writers (reports.ts) turn these into report grids.
 */
import type { Random } from './random';

export type DemoChannel = 'amazon-ksa' | 'amazon-uae' | 'noon-ksa' | 'noon-uae';
const DEMO_CHANNELS: readonly DemoChannel[] = ['amazon-ksa', 'amazon-uae', 'noon-ksa', 'noon-uae'];
export const isUae = (c: DemoChannel) => c === 'amazon-uae' || c === 'noon-uae';
export const isAmazon = (c: DemoChannel) => c === 'amazon-ksa' || c === 'amazon-uae';

export type Category = 'home' | 'electronics' | 'beauty' | 'toys' | 'kitchen' | 'fashion';

/** Why a listing is stranded, in Amazon's wording. */
export interface Stranding {
  readonly reason: string;
  readonly action: string;
  readonly statusSecondary: string;
  readonly error: string;
  readonly daysAgo: number;
}

/** One channel SKU of a product: its price (channel currency), 30-day sales and stock. */
export interface Listing {
  sku: string;
  /** Amazon FNSKU, or noon's own SKU ("Z…Z-1"). */
  channelId: string;
  price: number;
  /** Units sold (not cancelled) in the 30 days before the as-of date. */
  sold: number;
  available: number;
  reserved: number;
  unsellable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  stranded: Stranding | null;
  /** Written as two rows of the inventory report, the second holding this many available units. */
  duplicateSplit: number;
}

export interface Product {
  readonly masterSku: string;
  readonly title: string;
  readonly category: Category;
  readonly brand: string;
  readonly asin: string;
  readonly parentAsin: string;
  readonly cost: number;
  /** Selling price in SAR (the mapping's reporting currency). */
  readonly price: number;
  readonly casePack: number;
  readonly moq: number | null;
  readonly leadTimeDays: number;
  readonly supplier: string;
  /** False for channel SKUs the seller never mapped: they appear in reports only. */
  readonly inMapping: boolean;
  readonly listings: Partial<Record<DemoChannel, Listing>>;
}

const CATEGORY_PREFIX: Readonly<Record<Category, string>> = { home: 'HOM', electronics: 'ELC', beauty: 'BEA', toys: 'TOY', kitchen: 'KIT', fashion: 'FSH' };
/** Reporting-currency (SAR) units per AED. */
const AED_TO_SAR = 1.0211;

type Variant = readonly [en: string, ar: string];
const COLORS: readonly Variant[] = [['Black', 'أسود'], ['White', 'أبيض'], ['Navy Blue', 'كحلي'], ['Grey', 'رمادي'], ['Rose Gold', 'وردي ذهبي'], ['Green', 'أخضر']];
const SIZES: readonly Variant[] = [['Small', 'صغير'], ['Medium', 'وسط'], ['Large', 'كبير'], ['XL', 'كبير جداً']];
const SCENTS: readonly Variant[] = [['Oud', 'عود'], ['Rose', 'ورد'], ['Amber', 'عنبر'], ['White Musk', 'مسك أبيض'], ['Sandalwood', 'صندل']];
const VOLUMES: readonly Variant[] = [['500ml', '500 مل'], ['750ml', '750 مل'], ['1L', '1 لتر']];
const PHONES: readonly Variant[] = [['iPhone 15', 'آيفون 15'], ['iPhone 15 Pro', 'آيفون 15 برو'], ['Galaxy S24', 'جالكسي S24'], ['Galaxy A55', 'جالكسي A55']];

/** A product family: English and Arabic names, cost range in SAR, its variants. */
type Base = readonly [category: Category, en: string, ar: string, costLo: number, costHi: number, variants: readonly Variant[]];
const BASES: readonly Base[] = [
  ['home', 'Memory Foam Pillow', 'وسادة طبية من الفوم', 35, 90, SIZES],
  ['home', 'Blackout Curtains 2 Panels', 'ستائر معتمة قطعتين', 45, 160, COLORS],
  ['home', 'Padded Prayer Rug', 'سجادة صلاة مبطنة', 25, 80, COLORS],
  ['home', 'Electric Incense Burner', 'مبخرة كهربائية', 30, 140, COLORS],
  ['home', 'Drawer Organizer Set', 'منظم أدراج', 12, 40, SIZES],
  ['home', 'Wooden Wall Clock', 'ساعة حائط خشبية', 28, 110, SIZES],
  ['home', 'Cotton Bath Towel Set', 'طقم مناشف قطنية', 40, 150, COLORS],
  ['electronics', 'USB-C Fast Charger 20W', 'شاحن سريع تايب سي 20 واط', 12, 45, COLORS],
  ['electronics', 'Braided USB-C Cable 2m', 'كابل شحن تايب سي مضفر 2 متر', 6, 22, COLORS],
  ['electronics', 'Wireless Earbuds with Charging Case', 'سماعات أذن لاسلكية مع علبة شحن', 45, 220, COLORS],
  ['electronics', 'Magnetic Car Phone Holder', 'حامل جوال مغناطيسي للسيارة', 10, 45, COLORS],
  ['electronics', 'Power Bank 10000mAh', 'باور بانك 10000 مللي أمبير', 35, 120, COLORS],
  ['electronics', 'Tempered Glass Screen Protector', 'واقي شاشة زجاجي', 5, 18, PHONES],
  ['electronics', 'Silicone Phone Case', 'غطاء جوال سيليكون', 6, 25, PHONES],
  ['beauty', 'Argan Oil Hair Serum 100ml', 'سيروم زيت الأرغان للشعر 100 مل', 15, 55, SCENTS],
  ['beauty', 'Luxury Oud Perfume 100ml', 'عطر عود فاخر 100 مل', 60, 400, SCENTS],
  ['beauty', 'Moisturizing Face Cream 50ml', 'كريم مرطب للوجه 50 مل', 18, 70, SCENTS],
  ['beauty', 'Makeup Brush Set 12pcs', 'طقم فرش مكياج 12 قطعة', 20, 75, COLORS],
  ['beauty', 'Ionic Hair Dryer 2000W', 'مجفف شعر أيوني 2000 واط', 60, 220, COLORS],
  ['beauty', 'Bakhoor Incense Box', 'علبة بخور معطر', 25, 150, SCENTS],
  ['toys', 'Kids Building Blocks 500pcs', 'مكعبات بناء للأطفال 500 قطعة', 35, 120, SIZES],
  ['toys', 'Remote Control Car 1:16', 'سيارة تحكم عن بعد', 55, 200, COLORS],
  ['toys', 'Plush Camel Toy', 'دمية جمل قطنية', 15, 50, SIZES],
  ['toys', 'Jigsaw Puzzle 1000 Pieces', 'لعبة ألغاز 1000 قطعة', 20, 60, SIZES],
  ['toys', 'Water Gun Blaster', 'مسدس ماء للأطفال', 10, 40, COLORS],
  ['toys', 'Magnetic Drawing Board', 'لوح رسم مغناطيسي', 12, 45, COLORS],
  ['kitchen', 'Stainless Steel Water Bottle', 'زجاجة ماء ستانلس ستيل', 15, 45, VOLUMES],
  ['kitchen', 'Arabic Coffee Dallah', 'دلة قهوة عربية', 40, 180, COLORS],
  ['kitchen', 'Vacuum Tea Flask', 'ترمس شاي حافظ للحرارة', 30, 110, VOLUMES],
  ['kitchen', 'Non-Stick Frying Pan', 'مقلاة غير لاصقة', 35, 130, SIZES],
  ['kitchen', 'Bamboo Cutting Board', 'لوح تقطيع من خشب البامبو', 12, 45, SIZES],
  ['kitchen', 'Finjan Coffee Cups Set of 12', 'طقم فناجين قهوة 12 قطعة', 20, 90, COLORS],
  ['kitchen', 'Silicone Kitchen Utensil Set 12pcs', 'طقم أدوات مطبخ سيليكون 12 قطعة', 25, 80, COLORS],
  ['fashion', 'Travel Backpack 40L', 'حقيبة ظهر للسفر 40 لتر', 45, 180, COLORS],
  ['fashion', 'Cotton Shemagh', 'شماغ قطني', 25, 120, SIZES],
  ["fashion", "Men's Leather Wallet", 'محفظة جلدية رجالية', 20, 90, COLORS],
  ['fashion', 'Polarized Sunglasses', 'نظارة شمسية مستقطبة', 18, 150, COLORS],
  ['fashion', 'Sports Socks 6 Pairs', 'جوارب رياضية 6 أزواج', 8, 30, SIZES],
  ['fashion', 'Classic Black Abaya', 'عباية سوداء كلاسيكية', 60, 300, SIZES],
];

const BRANDS = ['Lumora', 'Bayt', 'Sahra', 'Najm', 'Qamar', 'Rawda', 'Dana', 'Falak'];
/** Suppliers per category with their usual lead time in days. */
const SUPPLIERS: Readonly<Record<Category, readonly (readonly [string, number])[]>> = {
  home: [['Yiwu Homeware Trading Co.', 50], ['مصنع الرياض للمفروشات', 14]],
  electronics: [['Shenzhen Lianfa Electronics Ltd.', 45], ['Dubai Gadgets Trading LLC', 12]],
  beauty: [['Dubai Fragrance Trading LLC', 10], ['Guangzhou Beauty Cosmetics Co.', 60]],
  toys: [['Shantou Toys Industrial Co.', 55]],
  kitchen: [['Ningbo Kitchenware Co.', 50], ['مؤسسة جدة التجارية', 12]],
  fashion: [['Istanbul Textile Export', 30], ['Dhaka Garments Ltd.', 70]],
};

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A shelf price near `x`: 48.95 rather than 48.73, within ±1 of x (cheap items keep cents). */
function shelfPrice(x: number): number {
  if (x < 20) return round2(Math.round(x * 4) / 4);
  const p = Math.floor(x) + 0.95;
  return round2(p - x > 0.5 ? p - 1 : p);
}

/** Supplier terms of a product costing `cost` SAR: case pack by size/price, an MOQ for some. */
function supplierTerms(rng: Random, category: Category, cost: number) {
  const [supplier, lead] = rng.pick(SUPPLIERS[category]);
  const casePack = cost < 20 ? rng.pick([12, 24]) : cost < 80 ? rng.pick([6, 12]) : rng.pick([1, 6]);
  const moq = rng.chance(0.4) ? casePack * rng.pick([10, 20, 50]) : null;
  return { supplier, casePack, moq, leadTimeDays: Math.max(5, lead + rng.int(-5, 5)) };
}

/** Selling price (SAR) = cost × 1.6–3.0, rounded so the ratio stays within. */
function sellingPrice(rng: Random, cost: number): number {
  const target = cost * rng.uniform(1.65, 2.95);
  const nice = shelfPrice(target);
  return nice >= cost * 1.6 && nice <= cost * 3 ? nice : round2(target);
}

/** Channel SKUs of a product on a channel: Amazon SKUs are shared by both marketplaces for most products. */
function channelSku(rng: Random, masterSku: string, channel: DemoChannel): string {
  switch (channel) {
    case 'amazon-ksa':
      return `AMZ-${masterSku}`;
    case 'amazon-uae':
      return rng.chance(0.8) ? `AMZ-${masterSku}` : `AMZ-${masterSku}-AE`;
    case 'noon-ksa':
      return `NN-${masterSku}`;
    case 'noon-uae':
      return rng.chance(0.7) ? `NN-${masterSku}` : `NN-${masterSku}-UAE`;
  }
}

/** Amazon FNSKU or noon's own SKU for a listing. */
export function listingId(rng: Random, channel: DemoChannel): string {
  return isAmazon(channel) ? `X00${rng.code(7)}` : `Z${rng.code(20)}Z-1`;
}

/** A product's price on a channel, in that channel's currency. */
export function channelPrice(rng: Random, priceSar: number, channel: DemoChannel): number {
  const local = isUae(channel) ? priceSar / AED_TO_SAR : priceSar;
  if (channel === 'amazon-ksa') return priceSar;
  return shelfPrice(local * (channel.startsWith('noon') ? rng.uniform(0.92, 1.0) : rng.uniform(0.97, 1.05)));
}

/** Share of a product's Amazon KSA demand that each channel sees. */
const CHANNEL_SHARE: Readonly<Record<DemoChannel, number>> = { 'amazon-ksa': 1, 'amazon-uae': 0.45, 'noon-ksa': 0.55, 'noon-uae': 0.25 };

/** Channel sets of the products not on all four channels (same-country pairs kept for transfers). */
const PARTIAL: readonly (readonly DemoChannel[])[] = [
  ['amazon-ksa', 'amazon-uae', 'noon-ksa'],
  ['amazon-ksa', 'noon-ksa', 'noon-uae'],
  ['amazon-ksa', 'noon-ksa'],
  ['amazon-ksa', 'amazon-uae'],
  ['amazon-uae', 'noon-uae', 'noon-ksa'],
];
/** Share of random products that are on only 2 or 3 channels. */
const PARTIAL_SHARE = 0.06;

/**
 * A random listing: velocity from the product's base demand and the channel's share, stock from a
 * days-of-cover mix (a few stockouts and low-stock, mostly healthy, some excess and severe excess,
 * a few dead positions).
 */
function randomListing(rng: Random, masterSku: string, channel: DemoChannel, baseVelocity: number, priceSar: number): Listing {
  const dead = rng.chance(0.03);
  const v = dead ? 0 : baseVelocity * CHANNEL_SHARE[channel] * Math.exp(0.35 * rng.normal());
  const sold = rng.poisson(v * 30);
  const r = rng.next();
  const cover = r < 0.06 ? rng.uniform(0, 6.5) : r < 0.15 ? rng.uniform(7.5, 13.5) : r < 0.7 ? rng.uniform(20, 80) : r < 0.9 ? rng.uniform(95, 300) : rng.uniform(380, 900);
  const available = dead ? rng.int(5, 60) : Math.round(Math.max(v, 0.03) * cover);
  const amazon = isAmazon(channel);
  const wantsInbound = amazon && rng.chance(cover < 20 ? 0.5 : 0.12);
  const inbound = wantsInbound ? Math.max(1, Math.round(v * rng.uniform(20, 50))) : 0;
  const working = wantsInbound ? Math.round(inbound * rng.uniform(0, 0.5)) : 0;
  const shipped = wantsInbound ? Math.round((inbound - working) * rng.uniform(0.3, 1)) : 0;
  return {
    sku: channelSku(rng, masterSku, channel),
    channelId: listingId(rng, channel),
    price: channelPrice(rng, priceSar, channel),
    sold,
    available,
    reserved: amazon ? Math.round(available * rng.uniform(0, 0.08)) : 0,
    unsellable: rng.chance(amazon ? 0.12 : 0.08) ? rng.int(1, 6) : 0,
    inboundWorking: working,
    inboundShipped: shipped,
    inboundReceiving: inbound - working - shipped,
    stranded: null,
    duplicateSplit: 0,
  };
}

/**
 * `count` random products, numbered from `firstNumber` (Master SKUs "KIT-0042"); titles are distinct
 * (family × variant × pack size, about a third in Arabic) and differ from the `taken` ones. A fixed
 * share is on only 2 or 3 channels.
 */
export function randomProducts(rng: Random, count: number, firstNumber: number, taken: ReadonlySet<string>): Product[] {
  const families = BASES.map((base) => ({ base, parentAsin: `B0${rng.code(8)}`, brand: rng.pick(BRANDS) }));
  const combos = rng.shuffle(families.flatMap((family) => family.base[5].flatMap((variant) => [1, 2].map((pack) => ({ family, variant, pack })))));
  const partial = new Set(rng.shuffle(Array.from({ length: count }, (_, i) => i)).slice(0, Math.floor(count * PARTIAL_SHARE)));
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const { family, variant, pack } = combos[i % combos.length];
    const [category, en, ar, lo, hi] = family.base;
    const model = i >= combos.length ? ` ${Math.floor(i / combos.length) + 1}` : '';
    const titles = [`${ar} - ${variant[1]}${pack > 1 ? ' (عبوة 2)' : ''}${model}`, `${en} - ${variant[0]}${pack > 1 ? ' (Pack of 2)' : ''}${model}`];
    // About a third in Arabic; never the title of another product (a scenario product's, say).
    const title = titles[rng.chance(0.35) && !taken.has(titles[0]) ? 0 : taken.has(titles[1]) ? 0 : 1];
    const cost = round2(Math.min(400, Math.max(5, rng.uniform(lo, hi) * (pack > 1 ? 1.8 : 1))));
    const price = sellingPrice(rng, cost);
    const masterSku = `${CATEGORY_PREFIX[category]}-${String(firstNumber + i).padStart(4, '0')}`;
    const baseVelocity = Math.min(25, 0.8 * Math.exp(rng.normal()) * (price < 60 ? 1.3 : price > 250 ? 0.5 : 1));
    const channels = partial.has(i) ? rng.pick(PARTIAL) : DEMO_CHANNELS;
    const listings: Partial<Record<DemoChannel, Listing>> = {};
    for (const c of channels) listings[c] = randomListing(rng, masterSku, c, baseVelocity, price);
    products.push({
      masterSku,
      title,
      category,
      brand: family.brand,
      asin: `B0${rng.code(8)}`,
      parentAsin: family.parentAsin,
      cost,
      price,
      ...supplierTerms(rng, category, cost),
      inMapping: true,
      listings,
    });
  }
  return products;
}

/** Amazon's stranded-inventory reasons and the primary action it proposes, as the report words them. */
export const STRANDINGS: readonly Omit<Stranding, 'daysAgo'>[] = [
  { reason: 'Listing closed', action: 'Relist', statusSecondary: 'Closed', error: 'The listing for this ASIN was closed by the seller' },
  { reason: 'No listing exists', action: 'Create listing', statusSecondary: 'Missing offer', error: 'There is no active offer for this SKU' },
  { reason: 'Pricing error', action: 'Edit price', statusSecondary: 'Inactive', error: 'The price is outside the range allowed for this product' },
  { reason: 'Listing suppressed', action: 'Edit listing', statusSecondary: 'Suppressed', error: 'Main image is missing or does not meet image requirements' },
  { reason: 'ASIN/FNSKU mismatch', action: 'Contact Seller Support', statusSecondary: 'Inactive', error: 'The FNSKU does not match the ASIN of the offer' },
  { reason: 'Listing removed for policy review', action: 'Create removal order', statusSecondary: 'Removed', error: 'The listing is under review for a dangerous goods classification' },
];
