/**
 * The analysis as history rows (src/engine/history/snapshot.ts): one "Snapshot" row per position, one
 * "Sales report" row per position and month of dated sales; `save` keeps only complete months. Expected
 * rows are worked out by hand from the rules in the file comment of snapshot.ts (and docs/FORMULAS.md,
 * "Money": stockValue = available × unitCost); the rule is named beside each case.
 */
import type { HistoryRow } from '../../../src/engine/history/history';
import { snapshotRows, type SnapshotInput } from '../../../src/engine/history/snapshot';
import type { Position } from '../../../src/engine/model';
import { position } from '../../helpers/position';
import { hrow, rowsOf, salesRow } from './history-rows';

const DATE = '2026-11-02'; // a report downloaded on 2 November about September and October

// P1 on Amazon KSA: dated sales in September (20 units) and October (25 units); the channel's dated
// sales run from 1 September 09:30 to 20 October 18:00 → September complete, October partial (1 … 20).
const P1 = position({
  masterSku: 'P1',
  channel: 'amazon-ksa',
  available: 30,
  inbound: 10,
  sold: 45,
  revenue: 2250,
  cost: 20,
  price: 50,
  salesByMonth: { '2026-10': { units: 25, revenue: 1250 }, '2026-09': { units: 20, revenue: 1000 } }, // keys not in order
});
// P2 on noon UAE: stock only (noon UAE has no sales report).
const P2 = position({ masterSku: 'P2', channel: 'noon-uae', available: 12, cost: 5 });
// P3 on Amazon KSA: stock without sales; cost and price negative (unusable).
const P3 = position({ masterSku: 'P3', channel: 'amazon-ksa', available: 8, cost: -1, price: -5 });
// P4 on Amazon KSA: negative stock figures (read as 0), no sales.
const P4 = position({ masterSku: 'P4', channel: 'amazon-ksa', available: -3, inbound: -2, cost: 4, price: 9 });
// P5 on Amazon UAE: October from an undated monthly report (no span): the whole month.
const P5 = position({ masterSku: 'P5', channel: 'amazon-uae', available: 62, sold: 31, revenue: 620, cost: 7, price: 20, salesByMonth: { '2026-10': { units: 31, revenue: 620 } } });

const input = (positions: { p: Position; velocity: number }[]): SnapshotInput => ({
  positions,
  date: DATE,
  withSales: new Set(['amazon-ksa', 'amazon-uae']),
  months: new Map([
    ['amazon-ksa', ['2026-09', '2026-10']],
    ['amazon-uae', ['2026-10']],
  ]),
  spans: new Map([['amazon-ksa', { from: Date.UTC(2026, 8, 1, 9, 30), to: Date.UTC(2026, 9, 20, 18, 0) }]]),
});

const { view, save } = snapshotRows(
  input([
    { p: P1, velocity: 1.5 },
    { p: P2, velocity: 0 },
    { p: P3, velocity: 0 },
    { p: P4, velocity: 0 },
    { p: P5, velocity: 1 },
  ]),
);

// The expected rows, by hand.
const P1_SNAPSHOT: HistoryRow = hrow({
  date: DATE,
  period: '2026-10', // last month of the channel's dated sales, not the month of the date (November)
  masterSku: 'P1',
  channel: 'Amazon KSA',
  currency: 'SAR',
  available: 30,
  inbound: 10,
  sold: 45,
  revenue: 2250,
  velocity: 1.5,
  doi: 20, // available / v = 30 / 1.5
  stockValue: 600, // available × cost = 30 × 20
  price: 50,
});
const P1_SEP: HistoryRow = salesRow({
  date: DATE,
  period: '2026-09',
  masterSku: 'P1',
  sold: 20,
  revenue: 1000,
  velocity: 20 / 30, // units ÷ covered days: the span covers all 30 days of September
});
const P1_OCT: HistoryRow = salesRow({
  date: DATE,
  period: '2026-10',
  masterSku: 'P1',
  sold: 25,
  revenue: 1250,
  velocity: 1.25, // 25 units ÷ 20 covered days (1 … 20 October)
});
const P2_SNAPSHOT: HistoryRow = hrow({
  date: DATE,
  // No dated sales on noon UAE: the month of the middle of the sales window before the date (history.ts
  // header): periodDays 30 (the helper's default), 2 Nov 00:00 − 15 days = 18 Oct → October.
  period: '2026-10',
  masterSku: 'P2',
  channel: 'noon UAE',
  currency: 'AED',
  available: 12,
  inbound: 0,
  sold: null, // a channel without a sales report: sales figures and DOI blank
  revenue: null,
  velocity: null,
  doi: null,
  stockValue: 60, // 12 × 5
  price: null,
});
const P3_SNAPSHOT: HistoryRow = hrow({
  date: DATE,
  period: '2026-10',
  masterSku: 'P3',
  available: 8,
  inbound: 0,
  sold: 0,
  revenue: 0,
  velocity: 0,
  doi: null, // stock without sales: DOI unbounded, blank
  stockValue: null, // negative cost is no cost
  price: null, // negative price is no price
});
const P4_SNAPSHOT: HistoryRow = hrow({
  date: DATE,
  period: '2026-10',
  masterSku: 'P4',
  available: 0, // max(0, −3)
  inbound: 0, // max(0, −2)
  sold: 0,
  revenue: 0,
  velocity: 0,
  doi: 0, // nothing in stock and nothing sold: 0
  stockValue: 0, // 0 × 4
  price: 9,
});
const P5_SNAPSHOT: HistoryRow = hrow({
  date: DATE,
  period: '2026-10',
  masterSku: 'P5',
  channel: 'Amazon UAE',
  currency: 'AED',
  available: 62,
  inbound: 0,
  sold: 31,
  revenue: 620,
  velocity: 1,
  doi: 62, // 62 / 1
  stockValue: 434, // 62 × 7
  price: 20,
});
const P5_OCT: HistoryRow = salesRow({
  date: DATE,
  period: '2026-10',
  masterSku: 'P5',
  channel: 'Amazon UAE',
  currency: 'AED',
  sold: 31,
  revenue: 620,
  velocity: 1, // 31 units ÷ 31 days (no span: the whole month)
});

describe('snapshotRows', () => {
  test('view: a snapshot row per position, then its sales months oldest first (partial months included)', () => {
    const got = rowsOf(view);
    expect(got.map((r) => [r.masterSku, r.source, r.period])).toEqual([
      ['P1', 'Snapshot', '2026-10'],
      ['P1', 'Sales report', '2026-09'],
      ['P1', 'Sales report', '2026-10'],
      ['P2', 'Snapshot', '2026-10'],
      ['P3', 'Snapshot', '2026-10'],
      ['P4', 'Snapshot', '2026-10'],
      ['P5', 'Snapshot', '2026-10'],
      ['P5', 'Sales report', '2026-10'],
    ]);
  });

  test('snapshot row fields', () => {
    const got = rowsOf(view);
    expect(got[0]).toEqual(P1_SNAPSHOT);
    expect(got[3]).toEqual(P2_SNAPSHOT);
    expect(got[4]).toEqual(P3_SNAPSHOT);
    expect(got[5]).toEqual(P4_SNAPSHOT);
    expect(got[6]).toEqual(P5_SNAPSHOT);
  });

  test('sales rows: velocity = units ÷ the days of the month the sales cover', () => {
    const got = rowsOf(view);
    expect(got[1]).toEqual(P1_SEP);
    expect(got[2]).toEqual(P1_OCT);
    expect(got[7]).toEqual(P5_OCT);
  });

  test('save: snapshot rows and complete months only (October on Amazon KSA is partial: view only)', () => {
    const got = rowsOf(save);
    expect(got.map((r) => [r.masterSku, r.source, r.period])).toEqual([
      ['P1', 'Snapshot', '2026-10'],
      ['P1', 'Sales report', '2026-09'], // 1 … 30 September covered: complete
      ['P2', 'Snapshot', '2026-10'],
      ['P3', 'Snapshot', '2026-10'],
      ['P4', 'Snapshot', '2026-10'],
      ['P5', 'Snapshot', '2026-10'],
      ['P5', 'Sales report', '2026-10'], // no span: a month named by an undated report is complete
    ]);
    expect(got[0]).toEqual(P1_SNAPSHOT);
    expect(got[6]).toEqual(P5_OCT);
  });

  test('a month complete for one channel can be partial for another (completeness is per channel)', () => {
    // Q on Amazon KSA (span ends 20 October) and R on Amazon UAE (no span), both with October sales.
    const Q = position({ masterSku: 'Q', channel: 'amazon-ksa', salesByMonth: { '2026-10': { units: 10, revenue: 100 } } });
    const R = position({ masterSku: 'R', channel: 'amazon-uae', salesByMonth: { '2026-10': { units: 62, revenue: 100 } } });
    const out = snapshotRows(
      input([
        { p: Q, velocity: 0.5 },
        { p: R, velocity: 2 },
      ]),
    );
    const sales = (t: typeof out.save) => rowsOf(t).filter((r) => r.source === 'Sales report').map((r) => [r.masterSku, r.period, r.velocity]);
    // Q: 10 ÷ 20 days = 0.5 (partial); R: 62 ÷ 31 days = 2 (complete)
    expect(sales(out.view)).toEqual([
      ['Q', '2026-10', 0.5],
      ['R', '2026-10', 2],
    ]);
    expect(sales(out.save)).toEqual([['R', '2026-10', 2]]);
  });

  test('a span starting mid-month makes its first month partial', () => {
    // Dated sales from 15 October to 10 November: October covers 17 days, November 10 → both partial.
    const S = position({ masterSku: 'S', channel: 'noon-ksa', salesByMonth: { '2026-10': { units: 34, revenue: 340 }, '2026-11': { units: 5, revenue: 50 } } });
    const out = snapshotRows({
      positions: [{ p: S, velocity: 1 }],
      date: '2026-11-11',
      withSales: new Set(['noon-ksa']),
      months: new Map([['noon-ksa', ['2026-10', '2026-11']]]),
      spans: new Map([['noon-ksa', { from: Date.UTC(2026, 9, 15), to: Date.UTC(2026, 10, 10) }]]),
    });
    expect(rowsOf(out.view).map((r) => [r.source, r.period, r.velocity])).toEqual([
      ['Snapshot', '2026-11', 1],
      ['Sales report', '2026-10', 2], // 34 ÷ 17
      ['Sales report', '2026-11', 0.5], // 5 ÷ 10
    ]);
    expect(rowsOf(out.save).map((r) => r.source)).toEqual(['Snapshot']);
  });

  test('no positions: no rows', () => {
    const out = snapshotRows(input([]));
    expect(out.view.length).toBe(0);
    expect(out.save.length).toBe(0);
  });
});

describe('snapshot period without dated sales: the month of the middle of the sales window before the date', () => {
  // history.ts header: "a 30-day report downloaded on 1 November is October's; one downloaded on 21
  // November is November's". Middle = date 00:00 UTC − periodDays / 2 days (30 when periodDays is not > 0).
  const periodOf = (date: string, periodDays: number, months: string[] = []) =>
    snapshotRows({
      positions: [{ p: position({ channel: 'noon-ksa', periodDays, available: 1 }), velocity: 0 }],
      date,
      withSales: new Set(['noon-ksa']),
      months: new Map([['noon-ksa', months]]),
      spans: new Map(),
    }).view.row(0).period;

  test.each<[string, number, string]>([
    ['2026-11-01', 30, '2026-10'], // 1 Nov − 15 days = 17 Oct
    ['2026-11-21', 30, '2026-11'], // 21 Nov − 15 days = 6 Nov
    ['2026-11-16', 30, '2026-11'], // 16 Nov − 15 days = 1 Nov (first day of November)
    ['2026-11-15', 30, '2026-10'], // 15 Nov − 15 days = 31 Oct
    ['2026-11-02', 7, '2026-10'], // 2 Nov − 3.5 days = 29 Oct 12:00
    ['2026-11-02', 2, '2026-11'], // 2 Nov − 1 day = 1 Nov
    ['2026-11-21', 0, '2026-11'], // periodDays 0 → 30: 21 Nov − 15 days = 6 Nov
    ['2026-11-10', 0, '2026-10'], // periodDays 0 → 30: 10 Nov − 15 days = 26 Oct
    ['2026-01-10', 60, '2025-12'], // 10 Jan − 30 days = 11 Dec 2025
  ])('date %s, a %d-day window → %s', (date, days, period) => {
    expect(periodOf(date, days)).toBe(period);
  });

  test('with dated sales the last month of the channel wins over the window', () => {
    // 21 Nov would give November by the window; the channel's dated sales end in September.
    expect(periodOf('2026-11-21', 30, ['2026-08', '2026-09'])).toBe('2026-09');
  });
});
