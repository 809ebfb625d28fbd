/**
 * Trends from the snapshot history (src/engine/history/trends.ts; docs/FORMULAS.md, "Money": lost revenue =
 * daysOutOfStock × v × price). Every expected value is worked out by hand from the rules in the file
 * comment of trends.ts, named beside each case.
 */
import { historyKey, type HistoryRow } from '../../../src/engine/history/history';
import { sparkline } from '../../../src/engine/history/sparkline';
import { channelPeriods } from '../../../src/engine/history/channel-periods';
import { groupByPosition } from '../../../src/engine/history/position-rows';
import { coveredDays, monthVelocity } from '../../../src/engine/history/sales-months';
import { classify, daysOutOfStock } from '../../../src/engine/history/trend-rules';
import { positionPoints, positionTrend, SPARK_PERIODS, trendsOf } from '../../../src/engine/history/trends';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { hrow, salesRow, table } from './history-rows';

const T = DEFAULT_SETTINGS.trendThreshold; // 0.2

/** The trend of position `sku` on `channel` in a table of rows, as trendsOf computes it. */
function trendOf(rows: readonly HistoryRow[], sku = 'A', channel = 'Amazon KSA', threshold = T) {
  const t = table(rows);
  const r = trendsOf(t, [{ masterSku: sku, channel }], threshold).get(historyKey(sku, channel));
  if (!r) throw new Error(`no trend for ${sku} on ${channel}`);
  return r;
}

describe('channelPeriods and positionPoints', () => {
  // Amazon KSA history. Dated sales ("Sales report" rows) exist for 2026-09 (A's) and 2026-10 (B's only).
  // 2026-11 has no row of the channel at all; 2026-12 has only C's snapshot.
  const rows: HistoryRow[] = [
    /* 0 */ hrow({ date: '2026-08-31', period: '2026-08', available: 50, inbound: 5, sold: 60, revenue: 3000, velocity: 2, doi: 25, stockValue: 500 }),
    /* 1 */ hrow({ date: '2026-08-15', period: '2026-08', available: 70, inbound: 0, sold: 30, revenue: 1500, velocity: 2, doi: 35, stockValue: 700 }),
    /* 2 */ salesRow({ date: '2026-10-02', period: '2026-09', sold: 45, revenue: 2250, velocity: 1.5 }),
    /* 3 */ hrow({ date: '2026-09-30', period: '2026-09', available: 20, inbound: 0, sold: 90, revenue: 4500, velocity: 3, doi: 20 / 3, stockValue: 200 }),
    /* 4 */ salesRow({ date: '2026-11-02', period: '2026-10', masterSku: 'B', sold: 31, revenue: 620, velocity: 1 }),
    /* 5 */ hrow({ date: '2026-10-31', period: '2026-10', available: 40, inbound: 10, sold: 62, revenue: 3100, velocity: 2, doi: 20, stockValue: 400 }),
    /* 6 */ salesRow({ date: '2026-11-02', period: '2026-09', sold: 99, revenue: 9999, velocity: 3.3 }), // a second September row of A: the first wins
    /* 7 */ hrow({ date: '2026-12-31', period: '2026-12', masterSku: 'C', available: 1 }),
    /* 8 */ salesRow({ date: '2026-10-02', period: '2026-09', masterSku: 'D', sold: 9, revenue: 90, velocity: 0.3 }),
    /* 9 */ hrow({ date: '2026-10-31', period: '2026-10', masterSku: 'A', channel: 'Amazon UAE', currency: 'AED', available: 1 }),
  ];
  const t = table(rows);
  const cp = channelPeriods(t);
  const groups = groupByPosition(t);

  test('channelPeriods: every period of a channel (sorted) and the periods with dated sales', () => {
    expect(cp.all.get('Amazon KSA')).toEqual(['2026-08', '2026-09', '2026-10', '2026-12']);
    expect([...(cp.sales.get('Amazon KSA') ?? [])].sort()).toEqual(['2026-09', '2026-10']);
    expect(cp.all.get('Amazon UAE')).toEqual(['2026-10']);
    expect(cp.sales.get('Amazon UAE')).toBeUndefined();
  });

  test('groupByPosition: rows of each Master SKU and channel, in table order', () => {
    expect(groups.get(historyKey('A', 'Amazon KSA'))).toEqual([0, 1, 2, 3, 5, 6]);
    expect(groups.get(historyKey('A', 'Amazon UAE'))).toEqual([9]);
    expect(groups.get(historyKey('D', 'Amazon KSA'))).toEqual([8]);
  });

  test('sales rows win for sales figures, the latest snapshot of a month for stock', () => {
    const pts = positionPoints(t, groups.get(historyKey('A', 'Amazon KSA'))!, cp.all.get('Amazon KSA')!, cp.sales.get('Amazon KSA'));
    expect(pts).toEqual([
      // 2026-08: no dated sales in the month → sales and stock from the latest snapshot of the month,
      // row 0 (31 Aug) over row 1 (15 Aug) though row 1 comes later in the table.
      { period: '2026-08', sold: 60, revenue: 3000, velocity: 2, available: 50, inbound: 5, doi: 25, stockValue: 500 },
      // 2026-09: dated → sales from A's first Sales report row (row 2, not row 6 nor the snapshot's 90);
      // stock from the snapshot (row 3).
      { period: '2026-09', sold: 45, revenue: 2250, velocity: 1.5, available: 20, inbound: 0, doi: 20 / 3, stockValue: 200 },
      // 2026-10: dated (B's row) but A has no Sales report row → A sold nothing that month (0, not the
      // snapshot's window of 62); stock from row 5.
      { period: '2026-10', sold: 0, revenue: 0, velocity: 0, available: 40, inbound: 10, doi: 20, stockValue: 400 },
      // 2026-11: no row of the channel → absent. 2026-12: only C's snapshot, not dated, no row of A → absent.
    ]);
  });

  test('a dated month without any row of the position: sold 0, stock unknown (null)', () => {
    const pts = positionPoints(t, groups.get(historyKey('D', 'Amazon KSA'))!, cp.all.get('Amazon KSA')!, cp.sales.get('Amazon KSA'));
    // D: only a September Sales report row. 2026-08 and 2026-12 are not dated and D has no row → absent;
    // 2026-10 is dated (B sold) → D sold 0; no snapshot → stock null.
    expect(pts).toEqual([
      { period: '2026-09', sold: 9, revenue: 90, velocity: 0.3, available: null, inbound: null, doi: null, stockValue: null },
      { period: '2026-10', sold: 0, revenue: 0, velocity: 0, available: null, inbound: null, doi: null, stockValue: null },
    ]);
  });

  test('two snapshots on the same date in one month: the later row wins (historyView puts the analysis last)', () => {
    const tt = table([hrow({ available: 1, sold: 1 }), hrow({ available: 2, sold: 2 })]);
    const pts = positionPoints(tt, [0, 1], ['2026-10'], undefined);
    expect(pts.map((p) => [p.available, p.sold])).toEqual([[2, 2]]);
  });

  test('a snapshot of a channel without a sales report: blank sales figures stay null', () => {
    const tt = table([hrow({ available: 4 })]);
    expect(positionPoints(tt, [0], ['2026-10'], undefined)).toEqual([{ period: '2026-10', sold: null, revenue: null, velocity: null, available: 4, inbound: null, doi: null, stockValue: null }]);
  });
});

describe('classify (trend on velocity, t = trendThreshold = 0.2)', () => {
  test.each<[number | null, number | null, string]>([
    [12, 10, 'Stable'], // (12 − 10) / 10 = +0.2 exactly: not > t → Stable
    [12.01, 10, 'Growth'], // +0.201 > 0.2
    [8, 10, 'Stable'], // (8 − 10) / 10 = −0.2 exactly: not < −t → Stable
    [7.99, 10, 'Decline'], // −0.201 < −0.2
    [10, 10, 'Stable'], // 0
    [30, 10, 'Growth'], // +2
    [0, 10, 'Decline'], // −1
    [5, 0, 'New demand'], // previous period sold nothing, the last did
    [0, 0, 'No sales'], // neither did
    [null, 10, '—'], // unknown velocity
    [10, null, '—'],
    [null, null, '—'],
  ])('last %p, previous %p → %s', (last, prev, trend) => {
    expect(classify(last, prev, T)).toBe(trend);
  });

  test('the threshold is the given one, not a constant', () => {
    // +0.15: Stable at t = 0.2, Growth at t = 0.1; −0.15: Decline at t = 0.1
    expect(classify(11.5, 10, 0.2)).toBe('Stable');
    expect(classify(11.5, 10, 0.1)).toBe('Growth');
    expect(classify(8.5, 10, 0.1)).toBe('Decline');
  });
});

describe('daysOutOfStock(Δ, A1, A2, v)', () => {
  test.each<[string, number, number, number, number, number]>([
    // A₂ = 0, A₁ > 0: out from the day the stock ran out: clamp(Δ − DOI₁, 0, Δ), DOI₁ = A₁ / v
    ['A2 = 0: DOI₁ = 20 / 2 = 10 → 30 − 10 = 20', 30, 20, 0, 2, 20],
    ['A2 = 0: DOI₁ = 40 / 2 = 20 → 31 − 20 = 11', 31, 40, 0, 2, 11],
    ['A2 = 0: DOI₁ = 30 / 2 = 15 → 30 − 15 = 15 (fractional v)', 30, 30, 0, 2, 15],
    ['A2 = 0: DOI₁ = 5 / 0.5 = 10 → 30 − 10 = 20', 30, 5, 0, 0.5, 20],
    ['A2 = 0: DOI₁ = 60 / 2 = 30 = Δ → 0', 30, 60, 0, 2, 0],
    ['A2 = 0: DOI₁ = 100 / 2 = 50 ≥ Δ → clamped to 0', 30, 100, 0, 2, 0],
    // A₁ = 0 and A₂ = 0: out for the whole interval
    ['A1 = A2 = 0 → Δ', 30, 0, 0, 2, 30],
    // A₁ = 0 < A₂: restocked at an unknown day: the midpoint
    ['A1 = 0 < A2 → Δ / 2', 30, 0, 15, 2, 15],
    ['A1 = 0 < A2 → Δ / 2 (odd Δ)', 31, 0, 15, 2, 15.5],
    // both > 0: a stockout between snapshots is not visible
    ['A1 > 0 and A2 > 0 → 0', 30, 20, 5, 2, 0],
    // v = 0: nothing was lost
    ['v = 0 → 0', 30, 0, 0, 0, 0],
    ['v = 0, A2 = 0 → 0', 30, 20, 0, 0, 0],
    // no interval
    ['Δ = 0 → 0', 0, 0, 0, 2, 0],
  ])('%s', (_what, days, a1, a2, v, expected) => {
    expect(daysOutOfStock(days, a1, a2, v)).toBe(expected);
  });
});

describe('positionTrend over monthly snapshots (noon KSA, no sales report rows)', () => {
  // Snapshots of A at each month end; sales figures come from the snapshot (no dated sales).
  const snaps: HistoryRow[] = [
    hrow({ date: '2026-08-31', period: '2026-08', channel: 'noon KSA', available: 40, sold: 60, revenue: 3000, velocity: 2, price: 50 }),
    hrow({ date: '2026-09-30', period: '2026-09', channel: 'noon KSA', available: 0, sold: 75, revenue: 3750, velocity: 2.5, price: 50 }),
    hrow({ date: '2026-10-31', period: '2026-10', channel: 'noon KSA', available: 30, sold: 90, revenue: 4500, velocity: 3, price: 50 }),
    hrow({ date: '2026-11-30', period: '2026-11', channel: 'noon KSA', available: 0, sold: 45, revenue: 2475, velocity: 1.5, price: 55 }),
  ];

  test('month over month: last period (2026-11) against the one before (2026-10)', () => {
    const r = trendOf(snaps, 'A', 'noon KSA');
    expect(r.masterSku).toBe('A');
    expect(r.channel).toBe('noon KSA');
    expect(r.currency).toBe('SAR');
    expect(r.points.map((p) => p.period)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(r.last?.period).toBe('2026-11');
    expect(r.previous?.period).toBe('2026-10');
    // salesChange = (45 − 90) / 90 = −0.5
    expect(r.salesChange).toBe(-0.5);
    // velocityChange = (1.5 − 3) / 3 = −0.5
    expect(r.velocityChange).toBe(-0.5);
    // stockChange = A_last − A_prev = 0 − 30 = −30 units
    expect(r.stockChange).toBe(-30);
    // trend on velocity: −0.5 < −0.2 → Decline
    expect(r.trend).toBe('Decline');
  });

  test('positionTrend called directly with its rows and channel periods gives the same row as trendsOf', () => {
    const t = table(snaps);
    const cp = channelPeriods(t);
    const direct = positionTrend(t, [0, 1, 2, 3], cp.all.get('noon KSA')!, cp.sales.get('noon KSA'), T);
    expect(direct).toEqual(trendOf(snaps, 'A', 'noon KSA'));
    expect(direct.trend).toBe('Decline');
  });

  test('spark and sparkline: units of the last ≤ 6 periods, scaled 0..max to ▁..█', () => {
    const r = trendOf(snaps, 'A', 'noon KSA');
    expect(r.spark).toEqual([60, 75, 90, 45]);
    // bar index = round(v / max × 7), max = 90 (BARS = ▁▂▃▄▅▆▇█, index 0..7):
    //   60/90 × 7 = 4.67 → 5 ▆;  75/90 × 7 = 5.83 → 6 ▇;  90 → 7 █;  45/90 × 7 = 3.5 → 4 ▅
    expect(r.sparkline).toBe('▆▇█▅');
  });

  test('days out of stock and lost revenue: last interval and totals', () => {
    const r = trendOf(snaps, 'A', 'noon KSA');
    expect(r.snapshots).toBe(4);
    // 08-31 → 09-30: Δ = 30, A₁ = 40, A₂ = 0, v = 2 → DOI₁ = 20 → 10 days; lost = 10 × 2 × 50 = 1000
    // 09-30 → 10-31: Δ = 31, A₁ = 0 < A₂ = 30 → Δ/2 = 15.5 days; v = 2.5 (at d₁); lost = 15.5 × 2.5 × 50 = 1937.5
    // 10-31 → 11-30: Δ = 30, A₁ = 30, A₂ = 0, v = 3 → DOI₁ = 10 → 20 days; price at d₁ = 50 → 20 × 3 × 50 = 3000
    expect(r.daysOutOfStock).toBe(20);
    expect(r.lostRevenue).toBe(3000);
    // totals: 10 + 15.5 + 20 = 45.5 days; 1000 + 1937.5 + 3000 = 5937.5
    expect(r.daysOutOfStockTotal).toBe(45.5);
    expect(r.lostRevenueTotal).toBe(5937.5);
  });

  test('snapshots given out of date order are put in date order before pairing', () => {
    const r = trendOf([snaps[3], snaps[1], snaps[0], snaps[2]], 'A', 'noon KSA');
    expect(r.daysOutOfStock).toBe(20);
    expect(r.daysOutOfStockTotal).toBe(45.5);
    expect(r.lostRevenueTotal).toBe(5937.5);
  });

  test('price missing: lost revenue unknown (null), days still counted', () => {
    const r = trendOf(
      snaps.map((s) => ({ ...s, price: null })),
      'A',
      'noon KSA',
    );
    expect(r.daysOutOfStock).toBe(20);
    expect(r.daysOutOfStockTotal).toBe(45.5);
    expect(r.lostRevenue).toBeNull();
    expect(r.lostRevenueTotal).toBeNull();
  });

  test('price missing at d₁ only: the price at d₂ is used', () => {
    // last interval: 20 days × v 3 × price at d₂ 55 = 3300
    const rows = snaps.map((s, i) => (i === 2 ? { ...s, price: null } : s));
    const r = trendOf(rows, 'A', 'noon KSA');
    expect(r.lostRevenue).toBe(3300);
    // the 09-30 → 10-31 interval keeps d₁'s price 50: 1000 + 1937.5 + 3300 = 6237.5
    expect(r.lostRevenueTotal).toBe(6237.5);
  });

  test('price missing in one earlier interval only: that interval is unknown, so the total is unknown', () => {
    // 08-31 → 09-30 has 10 days out and no price on either date; the last interval is priced.
    const rows = snaps.map((s, i) => (i <= 1 ? { ...s, price: null } : s));
    const r = trendOf(rows, 'A', 'noon KSA');
    expect(r.lostRevenue).toBe(3000);
    expect(r.lostRevenueTotal).toBeNull();
    expect(r.daysOutOfStockTotal).toBe(45.5);
  });

  test('no stockout in an interval: lost revenue 0 even without a price', () => {
    const rows = [
      hrow({ date: '2026-09-30', period: '2026-09', available: 10, velocity: 1 }),
      hrow({ date: '2026-10-31', period: '2026-10', available: 5, velocity: 1 }),
    ];
    const r = trendOf(rows);
    // both > 0 → 0 days; 0 days lose nothing
    expect(r.daysOutOfStock).toBe(0);
    expect(r.lostRevenue).toBe(0);
    expect(r.lostRevenueTotal).toBe(0);
  });

  test('velocity 0 at d₁: the velocity at d₂ is used', () => {
    // Δ = 30, A₁ = 10, A₂ = 0, v = v₂ = 1 → DOI₁ = 10 → 20 days; lost = 20 × 1 × 5 = 100
    const rows = [
      hrow({ date: '2026-09-30', period: '2026-09', available: 10, velocity: 0, price: 5 }),
      hrow({ date: '2026-10-30', period: '2026-10', available: 0, velocity: 1, price: 5 }),
    ];
    const r = trendOf(rows);
    expect(r.daysOutOfStock).toBe(20);
    expect(r.lostRevenue).toBe(100);
  });

  test('fewer than two snapshots with stock figures: no days out of stock', () => {
    const rows = [
      hrow({ date: '2026-09-30', period: '2026-09', available: 10, velocity: 1, price: 5 }),
      hrow({ date: '2026-10-31', period: '2026-10', available: null, velocity: 1, price: 5 }), // blank Available: not counted
    ];
    const r = trendOf(rows);
    expect(r.snapshots).toBe(1);
    expect(r.daysOutOfStock).toBeNull();
    expect(r.lostRevenue).toBeNull();
    expect(r.daysOutOfStockTotal).toBeNull();
    expect(r.lostRevenueTotal).toBeNull();
  });
});

describe('positionTrend with dated sales', () => {
  test('Sales report months give sales and velocity; snapshots give stock; the trend compares velocities', () => {
    // Amazon KSA sales months 2026-09 (30 days) and 2026-10 (31 days); velocity = units ÷ days.
    const rows = [
      salesRow({ date: '2026-11-02', period: '2026-09', sold: 30, revenue: 1500, velocity: 1 }), // 30 / 30
      salesRow({ date: '2026-11-02', period: '2026-10', sold: 62, revenue: 3100, velocity: 2 }), // 62 / 31
      hrow({ date: '2026-09-30', period: '2026-09', available: 50, sold: 100, velocity: 1.1 }),
      hrow({ date: '2026-11-02', period: '2026-10', available: 20, sold: 120, velocity: 1.9 }),
    ];
    const r = trendOf(rows);
    expect(r.points.map((p) => [p.period, p.sold, p.velocity, p.available])).toEqual([
      ['2026-09', 30, 1, 50],
      ['2026-10', 62, 2, 20],
    ]);
    // salesChange = (62 − 30) / 30 = 32/30; velocityChange = (2 − 1) / 1 = 1 → Growth; stockChange = 20 − 50 = −30
    expect(r.salesChange).toBeCloseTo(32 / 30, 12);
    expect(r.velocityChange).toBe(1);
    expect(r.trend).toBe('Growth');
    expect(r.stockChange).toBe(-30);
  });

  test('the previous period sold nothing and the last did → New demand; change blank (previous = 0)', () => {
    const rows = [
      salesRow({ period: '2026-09', masterSku: 'B', sold: 5, velocity: 5 / 30 }), // makes September dated; A sold 0
      salesRow({ period: '2026-10', sold: 31, velocity: 1 }),
    ];
    const r = trendOf(rows);
    expect(r.points.map((p) => [p.period, p.sold])).toEqual([
      ['2026-09', 0],
      ['2026-10', 31],
    ]);
    expect(r.trend).toBe('New demand');
    expect(r.salesChange).toBeNull();
    expect(r.velocityChange).toBeNull();
    expect(r.stockChange).toBeNull(); // no snapshot: stock unknown
    expect(r.sparkline).toBe('▁█'); // [0, 31]: 0 → ▁, max → █
  });

  test('a single period: no previous, trend "—", changes blank', () => {
    const r = trendOf([hrow({ available: 5, sold: 10, velocity: 1 })]);
    expect(r.points).toHaveLength(1);
    expect(r.previous).toBeNull();
    expect(r.trend).toBe('—');
    expect(r.salesChange).toBeNull();
    expect(r.velocityChange).toBeNull();
    expect(r.stockChange).toBeNull();
    expect(r.spark).toEqual([10]);
    expect(r.sparkline).toBe('█');
  });
});

describe('trendsOf', () => {
  // Eight monthly snapshots (2026-03 … 2026-10) of A on Amazon KSA; sold 70, 70, 2, 3, 4, 5, 6, 7.
  const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
  const sold = [70, 70, 2, 3, 4, 5, 6, 7];
  const rows = months.map((m, i) => hrow({ date: `${m}-28`, period: m, available: 10, sold: sold[i], velocity: i === 7 ? 12 : 10 }));

  test('positions without any history row are absent; each position once', () => {
    const t = table(rows);
    const out = trendsOf(
      t,
      [
        { masterSku: 'A', channel: 'Amazon KSA' },
        { masterSku: 'A', channel: 'Amazon KSA' },
        { masterSku: 'Z', channel: 'Amazon KSA' }, // no row
        { masterSku: 'A', channel: 'noon KSA' }, // A has no row on noon KSA
      ],
      T,
    );
    expect([...out.keys()]).toEqual([historyKey('A', 'Amazon KSA')]);
  });

  test(`the sparkline uses only the last ${SPARK_PERIODS} periods`, () => {
    const r = trendOf(rows);
    expect(r.points).toHaveLength(8);
    // last 6: [2, 3, 4, 5, 6, 7], max 7 → bar index = value: ▃▄▅▆▇█ (with the two 70s the max would be 70).
    expect(r.spark).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.sparkline).toBe('▃▄▅▆▇█');
  });

  test('the threshold is passed on: +20% velocity is Stable at 0.2 and Growth at 0.1', () => {
    // velocity 10 → 12: (12 − 10) / 10 = 0.2
    expect(trendOf(rows, 'A', 'Amazon KSA', 0.2).trend).toBe('Stable');
    expect(trendOf(rows, 'A', 'Amazon KSA', 0.1).trend).toBe('Growth');
  });

  test("a position's periods are its channel's: a month another channel saved does not appear", () => {
    const t = table([
      hrow({ date: '2026-09-30', period: '2026-09', sold: 1 }),
      hrow({ date: '2026-10-31', period: '2026-10', sold: 2 }),
      hrow({ date: '2026-11-30', period: '2026-11', channel: 'noon KSA', sold: 3 }),
    ]);
    const r = trendsOf(t, [{ masterSku: 'A', channel: 'Amazon KSA' }], T).get(historyKey('A', 'Amazon KSA'))!;
    expect(r.points.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
  });
});

describe('coveredDays and monthVelocity', () => {
  const span = { from: Date.UTC(2026, 9, 15), to: Date.UTC(2026, 10, 10) }; // 2026-10-15 … 2026-11-10

  test('a span from 2026-10-15 to 2026-11-10 covers 17 days of October and 10 of November', () => {
    expect(coveredDays('2026-10', span)).toBe(17); // 15 … 31 inclusive: 31 − 15 + 1
    expect(coveredDays('2026-11', span)).toBe(10); // 1 … 10
    expect(coveredDays('2026-09', span)).toBe(0); // before the span
    expect(coveredDays('2026-12', span)).toBe(0); // after it
  });

  test('times of day inside the span do not change the whole days counted', () => {
    const timed = { from: Date.UTC(2026, 9, 15, 22, 30), to: Date.UTC(2026, 10, 10, 0, 5) };
    expect(coveredDays('2026-10', timed)).toBe(17);
    expect(coveredDays('2026-11', timed)).toBe(10);
  });

  test('a span covering the whole month counts every day; no span is the whole month', () => {
    expect(coveredDays('2026-10', { from: Date.UTC(2026, 8, 20), to: Date.UTC(2026, 10, 3) })).toBe(31);
    expect(coveredDays('2026-10', undefined)).toBe(31);
    expect(coveredDays('2024-02', undefined)).toBe(29);
    expect(coveredDays('2026-02', undefined)).toBe(28);
  });

  test('monthVelocity = units ÷ covered days; 0 with no covered day', () => {
    expect(monthVelocity(34, 17)).toBe(2); // 34 units over 17 days of October
    expect(monthVelocity(62, 31)).toBe(2);
    expect(monthVelocity(5, 0)).toBe(0);
  });
});

describe('sparkline', () => {
  test.each<[string, number[], string]>([
    ['all zeros draw as ▁', [0, 0, 0], '▁▁▁'],
    ['0 and the max', [0, 7], '▁█'],
    ['each step of 0..7 (max 7: index = value)', [0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    ['a flat series reads full height', [5, 5, 5], '███'],
    ['negative and NaN draw as ▁', [-3, NaN, 7], '▁▁█'],
    ['Infinity draws as ▁ and does not set the max', [Infinity, 3.5, 7], '▁▅█'], // 3.5/7 × 7 = 3.5 → round 4 → ▅
    ['only negatives: max 0 → all ▁', [-1, -2], '▁▁'],
    ['rounding: 1/3 of the max × 7 = 2.33 → 2 ▃', [1, 3], '▃█'],
  ])('%s', (_what, values, expected) => {
    expect(sparkline(values)).toBe(expected);
  });

  test('empty input gives an empty string', () => {
    expect(sparkline([])).toBe('');
  });
});
