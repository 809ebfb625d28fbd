/**
 * The SKU explorer (src/app/explorer.ts): the text sparkline, and the ResultIndex a session builds
 * after Analyze — monthly sales history summed over a Master SKU's channels, its per-channel figures,
 * its links into the result sheets, and the search box.
 *
 * The workbook below is small enough to work out by hand. noon sales exports (the real header, as
 * typed in test/fixtures/real-headers.ts) have one row per unit sold: join.ts counts every row
 * whose status is not Cancelled as 1 unit and files it under the UTC calendar month ("YYYY-MM") of
 * its order_timestamp.
 */
import { sparkline } from '../../src/app/explorer';
import { sessionOver, type Session } from '../../src/app/session';
import type { RawCell } from '../../src/engine/ingest/types';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

type Grid = RawCell[][];

describe('sparkline', () => {
  // Bars by index: 0 ▁, 1 ▂, 2 ▃, 3 ▄, 4 ▅, 5 ▆, 6 ▇, 7 █.
  it('scales 0..max onto ▁..█, index = round(v / max × 7)', () => {
    // max 14: 0 → 0 (▁); 7 / 14 × 7 = 3.5 → Math.round 4 (▅, not ▄); 14 → 7 (█).
    expect(sparkline([0, 7, 14])).toBe('▁▅█');
    // max 10: 1 → 0.7 → 1 (▂); 5 → 3.5 → 4 (▅); 9 → 6.3 → 6 (▇); 10 → 7 (█).
    expect(sparkline([1, 5, 9, 10])).toBe('▂▅▇█');
    // max 7: 3 → 3 (▄) exactly.
    expect(sparkline([3, 7])).toBe('▄█');
  });

  it('draws all zeros as the lowest bar', () => {
    // max 0: every value is ▁ (no division by zero).
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
  });

  it('draws a negative or NaN value as ▁ in its place', () => {
    // Finite values [−3, 4, 8] → max 8; −3 is clamped to 0 → ▁; 4 → 3.5 → 4 (▅); 8 → █.
    expect(sparkline([-3, 4, 8])).toBe('▁▅█');
    // NaN is left out of the max (8) and drawn as ▁; 2 → 1.75 → 2 (▃).
    expect(sparkline([8, Number.NaN, 2])).toBe('█▁▃');
    // Infinity is not finite either: max of the rest (4) → 4 is █.
    expect(sparkline([Number.POSITIVE_INFINITY, 4])).toBe('▁█');
  });

  it('gives nothing for no values and █ for one positive value', () => {
    expect(sparkline([])).toBe('');
    // One value v > 0: v / v × 7 = 7 → █.
    expect(sparkline([3])).toBe('█');
    expect(sparkline([0.25])).toBe('█');
    expect(sparkline([0])).toBe('▁');
  });
});

/*
 * The workbook: noon KSA and noon UAE, four Master SKUs.
 *
 *   LAMP-01       KSA stock 20, UAE stock 6. KSA sales: Aug 2, Sep 5, Oct 3 (+1 Cancelled in Oct, not
 *                 counted); UAE sales: Oct 4. History summed over channels: 2026-08 2, 2026-09 5,
 *                 2026-10 3 + 4 = 7.
 *   LAMPSHADE-02  KSA stock 10, UAE stock 5; KSA sales Oct 3 only → history [2026-10: 3].
 *   DESK-LAMP-03  KSA stock 4; no sales → history [].
 *   XYZ-9         KSA stock 8 under channel SKU NOON-FLR-77; title "Floor Lamp Stand"; no sales.
 */
const MAPPING: Grid = [
  ['Master SKU', 'noon KSA SKU', 'noon UAE SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['LAMP-01', 'LAMP-01-KSA', 'LAMP-01-UAE', 'Desk Lamp', 30, 80],
  ['LAMPSHADE-02', 'SHADE-KSA', 'SHADE-UAE', 'Linen Shade', 10, 25],
  ['DESK-LAMP-03', 'DL3-KSA', '', 'Clamp Light', 20, 45],
  ['XYZ-9', 'NOON-FLR-77', '', 'Floor Lamp Stand', 50, 120],
];

const STOCK_HEADER = ['partner_sku', 'qty', 'warehouse_code', 'inventory type'];
const KSA_STOCK: Grid = [STOCK_HEADER, ['LAMP-01-KSA', '20', 'RUH01', 'Saleable'], ['SHADE-KSA', '10', 'RUH01', 'Saleable'], ['DL3-KSA', '4', 'RUH01', 'Saleable'], ['NOON-FLR-77', '8', 'RUH01', 'Saleable']];
const UAE_STOCK: Grid = [STOCK_HEADER, ['LAMP-01-UAE', '6', 'DXB01', 'Saleable'], ['SHADE-UAE', '5', 'DXB01', 'Saleable']];

/** The noon sales export's header, as in sales-export.sample.csv. */
const SALES_HEADER = ['id_partner', 'src_country', 'country_code', 'dest_country', 'bayan_nr', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'brand_code', 'family', 'fulfillment_model', 'order_timestamp', 'shipment_timestamp', 'delivered_timestamp'];

let item = 0;
/** One order line (one unit) of a noon sales export. Timestamps are mid-month, far from any month edge. */
function sale(country: 'SA' | 'AE', partnerSku: string, status: string, price: number, timestamp: string): RawCell[] {
  item++;
  const currency = country === 'SA' ? 'SAR' : 'AED';
  return ['108065', country, country, country, '', `N${country}I${1000 + item}-1`, partnerSku, `Z${item}-1`, status, price, price, currency, 'lumo', 'lighting', 'Fulfilled by Noon (FBN)', timestamp, '', ''];
}

const KSA_SALES: Grid = [
  SALES_HEADER,
  // LAMP-01 on KSA: August 2 units.
  sale('SA', 'LAMP-01-KSA', 'Delivered', 80, '2026-08-10 12:00:00'),
  sale('SA', 'LAMP-01-KSA', 'Delivered', 80, '2026-08-20 09:30:00'),
  // September 5 units.
  ...[3, 8, 12, 18, 25].map((d) => sale('SA', 'LAMP-01-KSA', 'Shipped', 80, `2026-09-${String(d).padStart(2, '0')} 14:00:00`)),
  // October 3 units, plus a cancelled line that is not a sale.
  ...[5, 15, 22].map((d) => sale('SA', 'LAMP-01-KSA', 'Delivered', 80, `2026-10-${d} 10:00:00`)),
  sale('SA', 'LAMP-01-KSA', 'Cancelled', 80, '2026-10-16 10:00:00'),
  // LAMPSHADE-02: October only, 3 units.
  ...[7, 14, 21].map((d) => sale('SA', 'SHADE-KSA', 'Delivered', 25, `2026-10-${String(d).padStart(2, '0')} 11:00:00`)),
];

const UAE_SALES: Grid = [
  SALES_HEADER,
  // LAMP-01 on UAE: October 4 units.
  ...[4, 11, 18, 25].map((d) => sale('AE', 'LAMP-01-UAE', 'Delivered', 80, `2026-10-${String(d).padStart(2, '0')} 16:00:00`)),
];

const SHEETS: readonly { name: string; rows: Grid }[] = [
  { name: 'Mapping', rows: MAPPING },
  { name: 'noon KSA Stock', rows: KSA_STOCK },
  { name: 'noon UAE Stock', rows: UAE_STOCK },
  { name: 'noon KSA Sales', rows: KSA_SALES },
  { name: 'noon UAE Sales', rows: UAE_SALES },
];

describe('ResultIndex after Analyze', () => {
  let wb: MemoryWorkbook;
  let session: Session;

  beforeAll(async () => {
    wb = new MemoryWorkbook(SHEETS.map((s) => ({ name: s.name, rows: s.rows })));
    session = sessionOver(() => wb, false);
    await session.analyze();
  });

  const index = () => {
    const r = session.results();
    if (!r) throw new Error('no results after Analyze');
    return r;
  };

  it('reads every sheet as the report it is', async () => {
    const scan = await session.scan();
    const kinds = Object.fromEntries(scan.reports.map((r) => [r.source, [r.kind, r.channel]]));
    expect(kinds).toMatchObject({
      Mapping: ['mapping', null],
      'noon KSA Stock': ['noon-stock', 'noon-ksa'],
      'noon UAE Stock': ['noon-stock', 'noon-uae'],
      'noon KSA Sales': ['noon-sales', 'noon-ksa'],
      'noon UAE Sales': ['noon-sales', 'noon-uae'],
    });
  });

  it('sums monthly units over the channels: Aug 2, Sep 5, Oct 3 + 4 = 7', () => {
    const d = index().detail('LAMP-01');
    expect(d).not.toBeNull();
    expect(d!.masterSku).toBe('LAMP-01');
    expect(d!.title).toBe('Desk Lamp');
    expect(d!.provisional).toBe(false);
    // One unit per non-cancelled row, under the month of order_timestamp, oldest first.
    expect(d!.history).toEqual([
      { month: '2026-08', units: 2 },
      { month: '2026-09', units: 5 },
      { month: '2026-10', units: 7 },
    ]);
    // max 7: 2 → 2 (▃), 5 → 5 (▆), 7 → █.
    expect(sparkline(d!.history.map((h) => h.units))).toBe('▃▆█');
  });

  it('is case-insensitive on the Master SKU', () => {
    expect(index().detail('lamp-01')?.masterSku).toBe('LAMP-01');
    expect(index().detail('NO-SUCH-SKU')).toBeNull();
  });

  it('gives one entry per channel with its own stock and sales', () => {
    const d = index().detail('LAMP-01')!;
    expect(d.channels).toHaveLength(2);
    const byLabel = Object.fromEntries(d.channels.map((c) => [c.channel, c]));
    expect(Object.keys(byLabel).sort()).toEqual(['noon KSA', 'noon UAE']);
    // KSA: 20 on hand, 2 + 5 + 3 = 10 sold (the cancelled line is not); UAE: 6 on hand, 4 sold.
    expect(byLabel['noon KSA']).toMatchObject({ currency: 'SAR', available: 20, inbound: 0, sold: 10 });
    expect(byLabel['noon UAE']).toMatchObject({ currency: 'AED', available: 6, inbound: 0, sold: 4 });
  });

  it('links to rows of the result sheets that hold the Master SKU', () => {
    const d = index().detail('LAMP-01')!;
    expect(d.links.length).toBeGreaterThan(0);
    const sheets = new Set(d.links.map((l) => l.sheet));
    // Every position has a Health row: one per channel.
    expect(sheets.has('Health')).toBe(true);
    expect(d.links.filter((l) => l.sheet === 'Health').map((l) => l.label).sort()).toEqual(['noon KSA', 'noon UAE']);
    for (const link of d.links) {
      const values = wb.sheet(link.sheet)?.values;
      expect(values).toBeDefined();
      // Excel's row number is 1-based: the row holds the Master SKU (and its channel, where it has one).
      const row = values![link.row - 1];
      expect(row).toContain('LAMP-01');
      if (link.label && !link.label.includes('→')) expect(row).toContain(link.label);
      expect(link.columns).toBeGreaterThan(0);
    }
  });

  it('gives a history of one month for sales in one month only, none without dated sales', () => {
    // LAMPSHADE-02: 3 KSA units in October, nothing on UAE → one month (the pane draws no sparkline).
    const shade = index().detail('LAMPSHADE-02')!;
    expect(shade.channels).toHaveLength(2);
    expect(shade.history).toEqual([{ month: '2026-10', units: 3 }]);
    expect(index().detail('DESK-LAMP-03')!.history).toEqual([]);
  });

  describe('search', () => {
    // Master SKUs sorted: DESK-LAMP-03, LAMP-01, LAMPSHADE-02, XYZ-9 ("-" sorts before letters).
    it('returns the first `limit` Master SKUs, sorted, for an empty query', () => {
      expect(index().search('')).toEqual(['DESK-LAMP-03', 'LAMP-01', 'LAMPSHADE-02', 'XYZ-9']);
      expect(index().search('', 2)).toEqual(['DESK-LAMP-03', 'LAMP-01']);
      expect(index().search('   ', 3)).toEqual(['DESK-LAMP-03', 'LAMP-01', 'LAMPSHADE-02']);
    });

    it('puts prefix matches before substring matches, case-insensitively', () => {
      // Starts with "lamp": LAMP-01, LAMPSHADE-02. Contains it: DESK-LAMP-03 (Master SKU), XYZ-9 (title "Floor Lamp Stand").
      const expected = ['LAMP-01', 'LAMPSHADE-02', 'DESK-LAMP-03', 'XYZ-9'];
      expect(index().search('lamp')).toEqual(expected);
      expect(index().search('LAMP')).toEqual(expected);
      expect(index().search('  LaMp ')).toEqual(expected);
      expect(index().search('lamp', 3)).toEqual(expected.slice(0, 3));
    });

    it('matches channel SKUs and titles', () => {
      // Channel SKU NOON-FLR-77 (not in any Master SKU or title).
      expect(index().search('flr-7')).toEqual(['XYZ-9']);
      // Channel SKU SHADE-UAE → LAMPSHADE-02 (its Master SKU lacks "shade-u").
      expect(index().search('shade-u')).toEqual(['LAMPSHADE-02']);
      // Title "Clamp Light" of DESK-LAMP-03.
      expect(index().search('clamp LIGHT')).toEqual(['DESK-LAMP-03']);
      // Title "Linen Shade" of LAMPSHADE-02.
      expect(index().search('linen')).toEqual(['LAMPSHADE-02']);
      expect(index().search('no such thing')).toEqual([]);
    });
  });
});
