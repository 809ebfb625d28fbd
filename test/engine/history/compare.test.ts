/**
 * Comparing two saved snapshots (src/engine/history/compare.ts): per position the figures on both dates
 * and the change, positions new or gone, totals in the reporting currency (DEFAULT_SETTINGS: SAR, AED→SAR
 * 1.0211, analysis/money.ts toReporting), and days out of stock / lost revenue between the dates as
 * trends.ts counts them (docs/FORMULAS.md, "Money": lost revenue = daysOutOfStock × v × price).
 */
import { compareSnapshots, resolveSnapshotDate } from '../../../src/engine/history/compare';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { hrow, salesRow, table } from './history-rows';

const FROM = '2026-09-30';
const TO = '2026-10-31'; // Δ = 31 days
const RATE = DEFAULT_SETTINGS.aedToSar; // 1.0211 SAR per AED

describe('compareSnapshots', () => {
  const rows = [
    // A on Amazon UAE (AED), in both: sold out by TO.
    hrow({ date: FROM, period: '2026-09', masterSku: 'A', channel: 'Amazon UAE', currency: 'AED', available: 40, sold: 60, revenue: 3000, velocity: 2, stockValue: 400, price: 50 }),
    hrow({ date: TO, period: '2026-10', masterSku: 'A', channel: 'Amazon UAE', currency: 'AED', available: 0, sold: 62, revenue: 3100, velocity: 2, stockValue: 0, price: 50 }),
    // B on Amazon KSA (SAR), in both, in stock on both dates.
    hrow({ date: FROM, period: '2026-09', masterSku: 'B', available: 10, sold: 30, revenue: 1500, velocity: 1, stockValue: 100, price: 50 }),
    hrow({ date: TO, period: '2026-10', masterSku: 'B', available: 25, sold: 45, revenue: 2250, velocity: 1.5, stockValue: 250, price: 50 }),
    // C on noon KSA (SAR): new at TO.
    hrow({ date: TO, period: '2026-10', masterSku: 'C', channel: 'noon KSA', available: 5, sold: 3, revenue: 90, velocity: 0.1, stockValue: 50, price: 30 }),
    // D on noon UAE (AED): gone at TO.
    hrow({ date: FROM, period: '2026-09', masterSku: 'D', channel: 'noon UAE', currency: 'AED', available: 8, sold: 2, revenue: 40, velocity: 0.1, stockValue: 80, price: 20 }),
    // Not compared: a Sales report row on TO, and a snapshot on another date.
    salesRow({ date: TO, period: '2026-10', masterSku: 'B', sold: 999, revenue: 99_999 }),
    hrow({ date: '2026-10-15', period: '2026-10', masterSku: 'B', available: 777, sold: 777, stockValue: 7770 }),
  ];
  const c = compareSnapshots(table(rows), FROM, TO, DEFAULT_SETTINGS);

  test('one row per position, sorted by Master SKU, with its status', () => {
    expect(c.from).toBe(FROM);
    expect(c.to).toBe(TO);
    expect(c.rows.map((r) => [r.masterSku, r.channel, r.currency, r.status])).toEqual([
      ['A', 'Amazon UAE', 'AED', 'Both'],
      ['B', 'Amazon KSA', 'SAR', 'Both'],
      ['C', 'noon KSA', 'SAR', 'New'],
      ['D', 'noon UAE', 'AED', 'Gone'],
    ]);
  });

  test('a position sold out between the dates: changes, days out of stock and lost revenue (channel currency)', () => {
    const a = c.rows[0];
    expect(a.from?.available).toBe(40);
    expect(a.to?.available).toBe(0);
    expect(a.availableChange).toBe(-40); // 0 − 40
    expect(a.soldChange).toBe(2); // 62 − 60
    expect(a.velocityChange).toBe(0); // (2 − 2) / 2
    expect(a.stockValueChange).toBe(-400); // 0 − 400 (AED)
    // Δ = 31, A₁ = 40, A₂ = 0, v = 2 → DOI₁ = 20 → 31 − 20 = 11 days
    expect(a.daysOutOfStock).toBe(11);
    // 11 × 2 × 50 = 1100 AED
    expect(a.lostRevenue).toBe(1100);
  });

  test('a position in stock on both dates: no stockout seen, nothing lost', () => {
    const b = c.rows[1];
    expect(b.availableChange).toBe(15); // 25 − 10
    expect(b.soldChange).toBe(15); // 45 − 30
    expect(b.velocityChange).toBe(0.5); // (1.5 − 1) / 1
    expect(b.stockValueChange).toBe(150); // 250 − 100
    expect(b.daysOutOfStock).toBe(0); // A₁ > 0 and A₂ > 0
    expect(b.lostRevenue).toBe(0);
    // the 2026-10-15 snapshot and the Sales report row are not either side of the comparison
    expect(b.from?.available).toBe(10);
    expect(b.to?.sold).toBe(45);
  });

  test('new and gone positions: one side only, changes and stockout unknown', () => {
    const [, , cNew, dGone] = c.rows;
    expect(cNew.from).toBeNull();
    expect(cNew.to?.available).toBe(5);
    expect(dGone.from?.available).toBe(8);
    expect(dGone.to).toBeNull();
    for (const r of [cNew, dGone]) {
      expect(r.availableChange).toBeNull();
      expect(r.soldChange).toBeNull();
      expect(r.velocityChange).toBeNull();
      expect(r.stockValueChange).toBeNull();
      expect(r.daysOutOfStock).toBeNull();
      expect(r.lostRevenue).toBeNull();
    }
  });

  test('totals: counts, units, and money in the reporting currency (AED × 1.0211)', () => {
    const t = c.totals;
    expect(RATE).toBe(1.0211);
    expect(t.daysBetween).toBe(31); // 2026-09-30 → 2026-10-31
    // from: A, B, D; to: A, B, C; new: C; gone: D
    expect(t.positions).toEqual({ from: 3, to: 3, new: 1, gone: 1 });
    expect(t.available).toEqual({ from: 58, to: 30 }); // 40 + 10 + 8; 0 + 25 + 5
    expect(t.sold).toEqual({ from: 92, to: 110 }); // 60 + 30 + 2; 62 + 45 + 3
    // stock value from: A 400 AED × 1.0211 = 408.44 + B 100 + D 80 AED × 1.0211 = 81.688 → 590.128 SAR
    expect(t.stockValue.from).toBeCloseTo(590.128, 9);
    // stock value to: A 0 + B 250 + C 50 → 300 SAR
    expect(t.stockValue.to).toBeCloseTo(300, 9);
    // revenue from: A 3000 × 1.0211 = 3063.3 + B 1500 + D 40 × 1.0211 = 40.844 → 4604.144 SAR
    expect(t.revenue.from).toBeCloseTo(4604.144, 9);
    // revenue to: A 3100 × 1.0211 = 3165.41 + B 2250 + C 90 → 5505.41 SAR
    expect(t.revenue.to).toBeCloseTo(5505.41, 9);
    // lost: A 1100 AED × 1.0211 = 1123.21 SAR + B 0
    expect(t.lostRevenue).toBeCloseTo(1123.21, 9);
  });

  test('with AED as the reporting currency, SAR amounts are divided by the rate', () => {
    const aed = compareSnapshots(table(rows), FROM, TO, { ...DEFAULT_SETTINGS, reportingCurrency: 'AED' });
    // stock value to: A 0 AED + B 250 SAR / 1.0211 + C 50 SAR / 1.0211 = 300 / 1.0211 AED
    expect(aed.totals.stockValue.to).toBeCloseTo(300 / 1.0211, 9);
    // lost: 1100 AED stays 1100
    expect(aed.totals.lostRevenue).toBeCloseTo(1100, 9);
  });
});

describe('compareSnapshots: stockout details', () => {
  test('out at FROM and restocked by TO: Δ / 2 days at the FROM velocity and price', () => {
    const t = table([hrow({ date: FROM, period: '2026-09', available: 0, velocity: 3, price: 10 }), hrow({ date: TO, available: 20, velocity: 1, price: 12 })]);
    const [r] = compareSnapshots(t, FROM, TO, DEFAULT_SETTINGS).rows;
    // Δ = 31 → 15.5 days; lost = 15.5 × 3 × 10 = 465 (v and price at d₁)
    expect(r.daysOutOfStock).toBe(15.5);
    expect(r.lostRevenue).toBe(465);
  });

  test('no price on either date: days counted, lost revenue unknown and left out of the total', () => {
    const t = table([hrow({ date: FROM, period: '2026-09', available: 0, velocity: 2 }), hrow({ date: TO, available: 0, velocity: 2 })]);
    const cmp = compareSnapshots(t, FROM, TO, DEFAULT_SETTINGS);
    // A₁ = A₂ = 0 → out the whole interval: 31 days
    expect(cmp.rows[0].daysOutOfStock).toBe(31);
    expect(cmp.rows[0].lostRevenue).toBeNull();
    expect(cmp.totals.lostRevenue).toBe(0);
  });

  test('velocity 0 at FROM: the TO velocity is used; a FROM velocity of 0 leaves velocityChange blank', () => {
    const t = table([hrow({ date: FROM, period: '2026-09', available: 11, velocity: 0, price: 4 }), hrow({ date: TO, available: 0, velocity: 1, price: 4 })]);
    const [r] = compareSnapshots(t, FROM, TO, DEFAULT_SETTINGS).rows;
    // v = 1 → DOI₁ = 11 → 31 − 11 = 20 days; lost = 20 × 1 × 4 = 80
    expect(r.daysOutOfStock).toBe(20);
    expect(r.lostRevenue).toBe(80);
    expect(r.velocityChange).toBeNull(); // (v_to − v_from) / v_from with v_from = 0
  });

  test('dates given in reverse (TO before FROM): no days out of stock are counted', () => {
    const t = table([hrow({ date: FROM, period: '2026-09', available: 0, velocity: 2, price: 1 }), hrow({ date: TO, available: 0, velocity: 2, price: 1 })]);
    const cmp = compareSnapshots(t, TO, FROM, DEFAULT_SETTINGS);
    expect(cmp.totals.daysBetween).toBe(-31);
    expect(cmp.rows[0].daysOutOfStock).toBeNull();
    expect(cmp.rows[0].lostRevenue).toBeNull();
  });
});

describe('resolveSnapshotDate', () => {
  const dates = ['2026-10-15', '2026-09-30', '2026-10-31', '2026-11-30']; // not in order

  test.each<[string, string | null]>([
    ['2026-10-15', '2026-10-15'], // an exact saved date
    ['  2026-10-15 ', '2026-10-15'], // padding ignored
    ['2026-10', '2026-10-31'], // a month: its latest snapshot (15 Oct and 31 Oct saved)
    ['2026-09', '2026-09-30'],
    ['2026-10-16', null], // a date not saved
    ['2026-12', null], // a month without a snapshot
    ['garbage', null],
    ['', null],
    ['2026-1', null], // a month must have two digits
    ['31/10/2026', null],
    ['2026-10-31T00:00', null],
  ])('%p → %p', (text, expected) => {
    expect(resolveSnapshotDate(dates, text)).toBe(expected);
  });
});
