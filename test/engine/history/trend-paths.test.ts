/**
 * A trend row is worked out along several paths (trends.ts): over a view not yet built its rows are read
 * from the view's row codes, over any other table from the columns; its points, `last` and `previous`
 * are built when read; soldPerMonth reads its units from the scratch, through a span's places when both
 * are in ascending order. Over random histories — rows in any order, sales months, blank and zero stock,
 * two snapshots in a month, dates out of order, a position saved again on the analysis' date — every path
 * must give what the plain rules give: the trend row made from the points positionPoints builds.
 */
import { HistoryTable, historyKey, historyView, type HistoryRow } from '../../../src/engine/history/history';
import { channelPeriods } from '../../../src/engine/history/channel-periods';
import { groupByPosition, positionRows } from '../../../src/engine/history/position-rows';
import { soldPerMonth } from '../../../src/engine/history/sold-per-month';
import { daysOutOfStock } from '../../../src/engine/history/trend-rules';
import { periodCount, positionPoints, positionTrend, type TrendRow } from '../../../src/engine/history/trends';
import { isCalcError } from '../../../src/engine/errors';
import { lostRevenue } from '../../../src/engine/metrics/lost-revenue';
import { hrow, salesRow, table } from './history-rows';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATE = '2026-12-31';
const CHANNELS = ['Amazon KSA', 'Amazon UAE'];

function history(seed: number): { saved: HistoryRow[]; current: HistoryRow[] } {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const figure = (scale: number): number | null => (r() < 0.15 ? null : r() < 0.2 ? 0 : Math.round(r() * scale * 100) / 100);
  const skus = ['A', 'B', 'C', 'D', 'E'];
  const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  const saved: HistoryRow[] = [];
  for (const [m, period] of months.entries()) {
    const date = `${period}-${r() < 0.5 ? '28' : '30'}`;
    for (const sku of skus) {
      for (const channel of CHANNELS) {
        if (r() < 0.15) continue;
        saved.push(hrow({ date, period, masterSku: sku, channel, available: figure(40), inbound: figure(10), sold: figure(30), revenue: figure(300), velocity: figure(2), doi: figure(60), stockValue: figure(500), price: figure(20) }));
        // A second snapshot in the month, dated before the first, after it, or on the same day.
        if (r() < 0.15) saved.push(hrow({ date: r() < 0.3 ? date : `${period}-${r() < 0.5 ? '05' : '29'}`, period, masterSku: sku, channel, available: figure(40), sold: figure(30), velocity: figure(2), price: figure(20) }));
        if (r() < 0.2) saved.push(salesRow({ date: `2026-${String(m + 7).padStart(2, '0')}-02`, period, masterSku: sku, channel, sold: figure(30), revenue: figure(300), velocity: figure(2) }));
      }
    }
  }
  // Rows out of table order now and then; a snapshot already saved on the analysis' date.
  for (let k = 0; k < 4; k++) {
    const i = Math.floor(r() * saved.length);
    const j = Math.floor(r() * saved.length);
    [saved[i], saved[j]] = [saved[j], saved[i]];
  }
  if (r() < 0.5) saved.push(hrow({ date: DATE, period: '2026-12', masterSku: pick(skus), channel: pick(CHANNELS), available: 3, sold: 4, velocity: 0.1 }));
  const current = skus.flatMap((sku) => CHANNELS.map((channel) => hrow({ date: DATE, period: '2026-12', masterSku: sku, channel, available: figure(40), sold: figure(30), revenue: figure(300), velocity: figure(2), price: figure(20) })));
  return { saved, current };
}

/** The trend row of the plain rules: positionTrend over a table built row by row, with the points positionPoints builds. */
function plainTrend(t: HistoryTable, idx: number[], periods: readonly string[], sales: ReadonlySet<string> | undefined): TrendRow {
  return positionTrend(t, idx, periods, sales, 0.2, positionPoints(t, idx, periods, sales));
}

/** The outage fields by the file comment's rules, row by row: consecutive snapshots with stock, by date. */
function plainOutages(t: HistoryTable, idx: number[]): Pick<TrendRow, 'snapshots' | 'daysOutOfStock' | 'lostRevenue' | 'daysOutOfStockTotal' | 'lostRevenueTotal'> {
  const snaps = idx.map((i) => t.row(i)).filter((r) => r.source === 'Snapshot' && r.available !== null);
  snaps.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  if (snaps.length < 2) return { snapshots: snaps.length, daysOutOfStock: null, lostRevenue: null, daysOutOfStockTotal: null, lostRevenueTotal: null };
  let total = 0;
  let totalLost: number | null = 0;
  let d = 0;
  let lost: number | null = 0;
  for (let j = 1; j < snaps.length; j++) {
    const [x, y] = [snaps[j - 1], snaps[j]];
    const v = x.velocity !== null && x.velocity > 0 ? x.velocity : (y.velocity ?? 0);
    d = daysOutOfStock(Math.round((Date.parse(y.date) - Date.parse(x.date)) / 86_400_000), x.available!, y.available!, v);
    const price = x.price ?? y.price;
    const r = d > 0 && price !== null ? lostRevenue(d, v, price) : d > 0 ? null : 0;
    lost = r === null || isCalcError(r) ? null : r;
    total += d;
    totalLost = totalLost === null || lost === null ? null : totalLost + lost;
  }
  return { snapshots: snaps.length, daysOutOfStock: d, lostRevenue: lost, daysOutOfStockTotal: total, lostRevenueTotal: totalLost };
}

describe.each(Array.from({ length: 40 }, (_, k) => k + 1))('random history %i', (seed) => {
  const { saved, current } = history(seed);
  const eager = (): HistoryTable => {
    const view = historyView(table(saved), table(current), DATE);
    return table(Array.from({ length: view.length }, (_, i) => view.row(i)));
  };

  test('a view read through its row codes gives the trends of the table built row by row, and of the plain rules', () => {
    const view = historyView(table(saved), table(current), DATE);
    const built = eager();
    const groups = groupByPosition(built);
    expect(groupByPosition(view)).toEqual(groups);
    const periods = channelPeriods(built);
    expect(channelPeriods(view)).toEqual(periods);
    // As the rules read them, row by row.
    const all = new Map<string, Set<string>>();
    const sales = new Map<string, Set<string>>();
    for (let i = 0; i < built.length; i++) {
      const r = built.row(i);
      all.set(r.channel, (all.get(r.channel) ?? new Set()).add(r.period));
      if (r.source === 'Sales report') sales.set(r.channel, (sales.get(r.channel) ?? new Set()).add(r.period));
    }
    expect(periods.sales).toEqual(sales);
    expect(periods.all).toEqual(new Map([...all].map(([ch, ps]) => [ch, [...ps].sort()])));
    const rows = positionRows(view);
    for (const [key, idx] of groups) {
      const [sku, channel] = key.split('|');
      expect(rows.rows(sku, channel)).toEqual(idx);
      const all = periods.all.get(channel)!;
      const sales = periods.sales.get(channel);
      const plain = plainTrend(built, idx, all, sales);
      const coded = positionTrend(view, idx, all, sales, 0.2);
      const columns = positionTrend(built, idx, all, sales, 0.2);
      expect(plain).toMatchObject(plainOutages(built, idx));
      for (const t of [coded, columns]) {
        expect(periodCount(t)).toBe(plain.points.length);
        expect(t.last).toEqual(plain.last);
        expect(t.previous).toEqual(plain.previous);
        expect(JSON.stringify(t)).toBe(JSON.stringify(plain));
        expect({ ...t }).toEqual({ ...plain });
      }
    }
  });

  test('soldPerMonth of a row whose points are built on read is that of the plain row, for any span', () => {
    const view = historyView(table(saved), table(current), DATE);
    const built = eager();
    const periods = channelPeriods(built);
    const spans = (all: readonly string[]): string[][] => [[...all], ['2026-05', ...all, '2027-01'], all.filter((_, j) => j % 2 === 0), [...all].reverse(), [all[0], all[0], ...all]];
    for (const [key, idx] of groupByPosition(built)) {
      const channel = key.split('|')[1];
      const all = periods.all.get(channel)!;
      const sales = periods.sales.get(channel);
      const plain = plainTrend(built, idx, all, sales);
      for (const span of spans(all)) {
        // Right after the row is made (the scratch holds its points), and after another row's.
        const lazy = positionTrend(view, idx, all, sales, 0.2);
        expect(soldPerMonth(span, lazy)).toEqual(soldPerMonth(span, plain));
        positionTrend(view, groupByPosition(view).values().next().value!, all, sales, 0.2);
        expect(soldPerMonth(span, lazy)).toEqual(soldPerMonth(span, plain));
      }
    }
  });
});

describe('points, last and previous built on read', () => {
  const { saved, current } = history(7);
  const view = historyView(table(saved), table(current), DATE);
  const periods = channelPeriods(view);
  const idx = groupByPosition(view).get(historyKey('A', 'Amazon KSA'))!;
  const t = positionTrend(view, idx, periods.all.get('Amazon KSA')!, periods.sales.get('Amazon KSA'), 0.2);

  test('are enumerable own properties in TrendRow order, the LazyPoints not among them', () => {
    expect(Object.keys(t).slice(0, 6)).toEqual(['masterSku', 'channel', 'currency', 'points', 'last', 'previous']);
    expect(Object.getOwnPropertySymbols(t).every((s) => !Object.getOwnPropertyDescriptor(t, s)!.enumerable)).toBe(true);
  });

  test('once the points are built, last and previous are their last two', () => {
    const before = t.last;
    const points = t.points;
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(before).toEqual(points.at(-1));
    expect(t.last).toBe(points.at(-1));
    expect(t.previous).toBe(points.at(-2));
    expect(t.points).toBe(points);
  });
});
