/**
 * The deliberate situations of the demo workbook. Their products are fixed (the same Master SKUs,
 * titles, costs, sales and stock for every seed and size) so the demo always shows each one and tests
 * can check them. Sales are units sold in the 30 days before the as-of date; DOI = available / (sold / 30).
 *
 * - stockout       ELC-0001 on Amazon KSA: 126 sold, 11 available → DOI 2.6 (CRITICAL)
 *                  BEA-0002 on noon KSA: 45 sold, 6 available → DOI 4 (CRITICAL)
 * - lowStock       KIT-0003 on Amazon UAE: 60 sold, 21 available → DOI 10.5 (LOW)
 * - healthy        HOM-0004 (Arabic title) on Amazon KSA: 90 sold, 135 available → DOI 45
 * - excess         TOY-0005 on Amazon KSA: 30 sold, 210 available → DOI 210
 * - severeExcess   FSH-0006 on Amazon KSA: 4 sold, 420 available → DOI 3,150 (HIGH)
 * - dead           HOM-0007: stock on all four channels, nothing sold (MEDIUM)
 * - stranded       BEA-0008 on Amazon KSA: listing closed, 48 fulfillable + 3 unfulfillable stranded
 * - transfer       KIT-0009 (cost 65 SAR): Amazon KSA 600 available at 60 sold (DOI 300, excess
 *                  600 − 2 × 90 = 420) while noon KSA has 4 at 54 sold (DOI 2.2, need 1.8 × 30 − 4 = 50):
 *                  a same-country transfer of 50 units, 5 SAR a unit < 65 SAR cost
 * - duplicate      ELC-0010's Amazon KSA SKU is on two rows of Amazon KSA Inventory (40 + 25 available)
 * - hostileTitles  ELC-0011 is titled `=HYPERLINK(...)` and BEA-0012 starts with `+`, in the mapping and
 *                  in every report that carries titles
 * - unmapped       three channel SKUs in the reports but not in the mapping (one shares a title with
 *                  KIT-0003, so its suggestion is that Master SKU)
 * Every scenario product is on all four channels; SAR prices on KSA channels, AED on UAE channels.
 */
import { Category, channelPrice, DemoChannel, isAmazon, listingId, Listing, Product, STRANDINGS } from './catalog';
import { Random } from './random';

export const DEMO_SCENARIOS = {
  stockout: [
    { masterSku: 'ELC-0001', channel: 'amazon-ksa' },
    { masterSku: 'BEA-0002', channel: 'noon-ksa' },
  ],
  lowStock: [{ masterSku: 'KIT-0003', channel: 'amazon-uae' }],
  healthy: [{ masterSku: 'HOM-0004', channel: 'amazon-ksa' }],
  excess: [{ masterSku: 'TOY-0005', channel: 'amazon-ksa' }],
  severeExcess: [{ masterSku: 'FSH-0006', channel: 'amazon-ksa' }],
  dead: [
    { masterSku: 'HOM-0007', channel: 'amazon-ksa' },
    { masterSku: 'HOM-0007', channel: 'amazon-uae' },
    { masterSku: 'HOM-0007', channel: 'noon-ksa' },
    { masterSku: 'HOM-0007', channel: 'noon-uae' },
  ],
  stranded: [{ masterSku: 'BEA-0008', channel: 'amazon-ksa' }],
  transfer: { masterSku: 'KIT-0009', from: 'amazon-ksa', to: 'noon-ksa', cost: 65 },
  duplicate: { masterSku: 'ELC-0010', channel: 'amazon-ksa', sku: 'AMZ-ELC-0010', source: 'Amazon KSA Inventory' },
  hostileTitles: [
    { masterSku: 'ELC-0011', title: '=HYPERLINK("http://example.com","Click me")' },
    { masterSku: 'BEA-0012', title: '+20% Extra Free Hand Cream 75ml' },
  ],
  unmapped: [
    { sku: 'AMZ-KIT0003-OLD', channel: 'amazon-ksa' },
    { sku: 'NN-RMDN-BNDL-01', channel: 'noon-ksa' },
    { sku: 'AMZ-SAMPLE-TEST', channel: 'amazon-uae' },
  ],
  arabicTitles: ['BEA-0002', 'HOM-0004', 'HOM-0007', 'KIT-0009'],
  englishTitles: ['ELC-0001', 'KIT-0003', 'TOY-0005', 'FSH-0006'],
} as const satisfies Record<string, unknown>;

/** Sold and available on one channel, and anything else the scenario sets. */
type Plan = readonly [sold: number, available: number, extra?: Partial<Listing>];
interface Fixed {
  readonly masterSku: string;
  readonly title: string;
  readonly category: Category;
  readonly cost: number;
  readonly price: number;
  readonly casePack: number;
  readonly moq: number | null;
  readonly leadTimeDays: number;
  readonly supplier: string;
  readonly plans: Partial<Record<DemoChannel, Plan>>;
}

const all = (a: Plan, b: Plan, c: Plan, d: Plan) => ({ 'amazon-ksa': a, 'amazon-uae': b, 'noon-ksa': c, 'noon-uae': d });
const SHENZHEN = 'Shenzhen Lianfa Electronics Ltd.';
const FRAGRANCE = 'Dubai Fragrance Trading LLC';
const closed = { ...STRANDINGS[0], daysAgo: 23 };

const FIXED: readonly Fixed[] = [
  { masterSku: 'ELC-0001', title: 'USB-C Fast Charger 20W - White', category: 'electronics', cost: 18.5, price: 49.95, casePack: 24, moq: 480, leadTimeDays: 45, supplier: SHENZHEN, plans: all([126, 11], [45, 70], [60, 80], [20, 35]) },
  { masterSku: 'BEA-0002', title: 'عطر عود فاخر 100 مل - عود', category: 'beauty', cost: 145, price: 329, casePack: 6, moq: null, leadTimeDays: 10, supplier: FRAGRANCE, plans: all([40, 60], [25, 40], [45, 6], [12, 20]) },
  { masterSku: 'KIT-0003', title: 'Stainless Steel Water Bottle 750ml', category: 'kitchen', cost: 22, price: 59.95, casePack: 24, moq: 240, leadTimeDays: 50, supplier: 'Ningbo Kitchenware Co.', plans: all([75, 110], [60, 21], [30, 45], [15, 25]) },
  { masterSku: 'HOM-0004', title: 'وسادة طبية من الفوم - وسط', category: 'home', cost: 48, price: 119, casePack: 6, moq: null, leadTimeDays: 14, supplier: 'مصنع الرياض للمفروشات', plans: all([90, 135], [36, 50], [45, 70], [18, 30]) },
  { masterSku: 'TOY-0005', title: 'Kids Building Blocks 500pcs', category: 'toys', cost: 55, price: 139, casePack: 12, moq: 120, leadTimeDays: 55, supplier: 'Shantou Toys Industrial Co.', plans: all([30, 210], [12, 20], [18, 30], [6, 10]) },
  { masterSku: 'FSH-0006', title: 'Polarized Sunglasses - Tortoise', category: 'fashion', cost: 38, price: 99, casePack: 12, moq: null, leadTimeDays: 30, supplier: 'Istanbul Textile Export', plans: all([4, 420], [2, 60], [3, 30], [1, 10]) },
  { masterSku: 'HOM-0007', title: 'ساعة حائط خشبية - كبير', category: 'home', cost: 42, price: 99, casePack: 6, moq: null, leadTimeDays: 50, supplier: 'Yiwu Homeware Trading Co.', plans: all([0, 85], [0, 40], [0, 30], [0, 12]) },
  { masterSku: 'BEA-0008', title: 'Makeup Brush Set 12pcs - Rose Gold', category: 'beauty', cost: 26, price: 69.95, casePack: 12, moq: null, leadTimeDays: 60, supplier: 'Guangzhou Beauty Cosmetics Co.', plans: all([0, 48, { unsellable: 3, stranded: closed }], [24, 36], [15, 25], [8, 14]) },
  { masterSku: 'KIT-0009', title: 'دلة قهوة عربية ستانلس ستيل', category: 'kitchen', cost: 65, price: 159, casePack: 6, moq: 60, leadTimeDays: 12, supplier: 'مؤسسة جدة التجارية', plans: all([60, 600], [20, 35], [54, 4], [10, 18]) },
  { masterSku: 'ELC-0010', title: 'Magnetic Car Phone Holder - Black', category: 'electronics', cost: 14, price: 39.95, casePack: 24, moq: null, leadTimeDays: 45, supplier: SHENZHEN, plans: all([48, 65, { duplicateSplit: 25 }], [20, 30], [25, 40], [10, 15]) },
  { masterSku: 'ELC-0011', title: DEMO_SCENARIOS.hostileTitles[0].title, category: 'electronics', cost: 9.5, price: 24.95, casePack: 24, moq: null, leadTimeDays: 45, supplier: SHENZHEN, plans: all([15, 30], [6, 12], [8, 14], [3, 6]) },
  { masterSku: 'BEA-0012', title: DEMO_SCENARIOS.hostileTitles[1].title, category: 'beauty', cost: 11, price: 29.95, casePack: 24, moq: null, leadTimeDays: 10, supplier: FRAGRANCE, plans: all([20, 40], [8, 15], [10, 20], [4, 9]) },
  // Not in the mapping: the Master SKU is the channel SKU itself, as the importer will analyze it.
  { masterSku: 'AMZ-KIT0003-OLD', title: 'Stainless Steel Water Bottle 750ml', category: 'kitchen', cost: 22, price: 59.95, casePack: 24, moq: null, leadTimeDays: 50, supplier: '', plans: { 'amazon-ksa': [6, 14] } },
  { masterSku: 'NN-RMDN-BNDL-01', title: 'طقم ضيافة رمضان - دلة وفناجين', category: 'kitchen', cost: 90, price: 219, casePack: 1, moq: null, leadTimeDays: 12, supplier: '', plans: { 'noon-ksa': [9, 20] } },
  { masterSku: 'AMZ-SAMPLE-TEST', title: 'Sample listing - do not ship', category: 'home', cost: 5, price: 10, casePack: 1, moq: null, leadTimeDays: 10, supplier: '', plans: { 'amazon-uae': [2, 3] } },
];

/** Mapped scenario products (Master SKUs ELC-0001 … BEA-0012): the numbering of random products follows. */
export const SCENARIO_MASTER_COUNT = 12;

/** The scenario products, the same for every seed (their identifiers come from a fixed generator). */
export function scenarioProducts(): Product[] {
  const rng = new Random(0x5ce7a210);
  return FIXED.map((f, i): Product => {
    const inMapping = i < SCENARIO_MASTER_COUNT;
    const listings: Partial<Record<DemoChannel, Listing>> = {};
    for (const [channel, [sold, available, extra]] of Object.entries(f.plans) as [DemoChannel, Plan][]) {
      listings[channel] = {
        sku: inMapping ? `${isAmazon(channel) ? 'AMZ' : 'NN'}-${f.masterSku}` : f.masterSku,
        channelId: listingId(rng, channel),
        price: channelPrice(rng, f.price, channel),
        sold,
        available,
        reserved: 0,
        unsellable: 0,
        inboundWorking: 0,
        inboundShipped: 0,
        inboundReceiving: 0,
        stranded: null,
        duplicateSplit: 0,
        ...extra,
      };
    }
    return {
      masterSku: f.masterSku,
      title: f.title,
      category: f.category,
      brand: 'Lumora',
      asin: `B0${rng.code(8)}`,
      parentAsin: `B0${rng.code(8)}`,
      cost: f.cost,
      price: f.price,
      casePack: f.casePack,
      moq: f.moq,
      leadTimeDays: f.leadTimeDays,
      supplier: f.supplier,
      inMapping,
      listings,
    };
  });
}
