/**
 * Event uplifts from daily sales (src/engine/forecast/event-uplift.ts, "Daily sales"), computed by hand.
 *
 * Dates of the events are the Umm al-Qura calendar's (events.test.ts): Ramadan 1445 11 March – 9 April
 * 2024 (21 days in March, 9 in April), Ramadan 1446 1–29 March 2025, Ramadan 1447 18 February – 19 March
 * 2026 (30 days), Saudi Founding Day every 22 February. Only the events named in each test are given,
 * so only their days are event days. Prior p, τ = 0.5 (1/τ² = 4).
 *
 * The rule: per occurrence inside the span, y = units on its days, B = mean units a day over the
 * event-free days within 28 days either side inside the span (at least 14 days and 10 units), x = y − B d,
 * z_e = B d_e, σ² = φ B d with φ the overdispersion of the event-free days (here every event-free day sells
 * exactly its baseline, so φ = max(1, 0) = 1); months with a day in the span are not monthly observations.
 */
import { DAY_MS, dayMs, monthDays } from '../../../src/engine/calendar';
import { eventCalendar, type EventWindow } from '../../../src/engine/forecast/events';
import { dailyCalendar, dailyHistory, exposure, learnUplifts } from '../../../src/engine/forecast/event-uplift';
import { monthRange } from '../../../src/engine/analysis/position-forecast';

const KSA = eventCalendar(2024, 2026).filter((e) => e.country !== 'UAE');
const only = (...ids: string[]): EventWindow[] => KSA.filter((e) => ids.includes(e.id));
const RAMADANS = only('ramadan');
const day = (iso: string): number => dayMs(iso) / DAY_MS;
const inWindow = (windows: readonly EventWindow[], id: string, iso: string) => windows.some((e) => e.id === id && iso >= e.start && iso <= e.end);

/** Pairs [day, units, …] (Position.dailySales) from `from` to `to`, `units(iso)` a day; days selling 0 are left out, as the join leaves them. */
function pairs(from: string, to: string, units: (iso: string) => number): number[] {
  const out: number[] = [];
  for (let t = dayMs(from); t <= dayMs(to); t += DAY_MS) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const u = units(iso);
    if (u !== 0) out.push(t / DAY_MS, u);
  }
  return out;
}
/** The span's first and last moments for dailyCalendar: a sale at 10:00 UTC on the first and last day. */
const span = (from: string, to: string): [number, number] => [dayMs(from) + 36_000_000, dayMs(to) + 36_000_000];

/** 5 a day, 10 on each day of Ramadan (a true uplift of 1). */
const fiveTen = (iso: string) => (inWindow(RAMADANS, 'ramadan', iso) ? 10 : 5);

describe('one Ramadan in daily sales, 1 February – 30 April 2025: 5 a day, 10 a day in Ramadan', () => {
  // The occurrence 1–29 March 2025: d = 29, y = 290. Baseline: 1–28 February (28 days) and 30 March –
  // 26 April (28 days), all event-free: 56 days, 280 units (≥ 14 days, ≥ 10 units): B = 5.
  // x = 290 − 5 × 29 = 145, z = 5 × 29 = 145, σ² = 1 × 5 × 29 = 145: I = 145² ÷ 145 = 145, u_own = x ÷ z = 1.
  // Prior 0.3: u = (I × 1 + 4 × 0.3) ÷ (I + 4) = 146.2 ÷ 149 = 0.981208.
  const cal = dailyCalendar(RAMADANS, ...span('2025-02-01', '2025-04-30'));
  const daily = dailyHistory(pairs('2025-02-01', '2025-04-30', fiveTen), cal);
  const months = ['2025-02', '2025-03', '2025-04'];
  const monthly = months.map((m) => 5 * monthDays(m) + 5 * (m === '2025-03' ? 29 : 0));
  const days = exposure(RAMADANS);

  test('the calendar: 89 days, one occurrence', () => {
    expect(cal.first).toBe(day('2025-02-01'));
    expect(cal.length).toBe(28 + 31 + 30);
    expect(cal.occurrences).toEqual([{ start: 28, end: 56, lo: 28, hi: 56, days: new Map([['ramadan', 29]]) }]);
    expect([cal.fromMonth, cal.toMonth]).toEqual(['2025-02', '2025-04']);
    expect(daily.units.reduce((a, b) => a + b, 0)).toBe(60 * 5 + 29 * 10);
  });

  test('I = 145, u = (I + 4 × 0.3) ÷ (I + 4) = 0.981208', () => {
    const learned = learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]]), undefined, daily);
    expect(learned.information.get('ramadan')).toBeCloseTo(145, 12);
    expect(learned.uplift.get('ramadan')).toBeCloseTo(146.2 / 149, 12);
    expect(learned.uplift.get('ramadan')).toBeCloseTo(0.981208, 6);
    // A prior held loosely (τ = 100): the days' own uplift, 1.
    expect(learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]]), 100, daily).uplift.get('ramadan')).toBeCloseTo(1, 3);
  });

  test('without the daily sales the same months give March 2025 as one month: another figure', () => {
    // March: B = 5 from February and April, x = 145, z = 145, σ² = 5 × 31 = 155: I = 145² ÷ 155 = 135.645161.
    const learned = learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]]));
    expect(learned.information.get('ramadan')).toBeCloseTo(145 ** 2 / 155, 10);
  });

  test('a day of the span without a sale is a 0: a Ramadan whose last 9 days sold nothing', () => {
    // The days 21–29 March have no pair: y = 20 × 10 = 200 (1–20 March), x = 200 − 145 = 55, z = 145, σ² = 145:
    // I = 145 (the exposure does not depend on y), u_own = 55 ÷ 145; u = (55 + 1.2) ÷ 149 = 0.377181.
    const gap = dailyHistory(pairs('2025-02-01', '2025-04-30', (iso) => (iso >= '2025-03-21' && iso <= '2025-03-29' ? 0 : fiveTen(iso))), cal);
    const learned = learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]]), undefined, gap);
    expect(learned.information.get('ramadan')).toBeCloseTo(145, 12);
    expect(learned.uplift.get('ramadan')).toBeCloseTo(56.2 / 149, 12);
  });
});

test('months before the daily span are still observations, those in it are not', () => {
  // Monthly history January 2024 – April 2025, 5 a day and 10 on Ramadan days; daily sales from 1 February 2025.
  // Monthly rows (baseline: the event-free months within two months, all 5 a day; φ = 1):
  //   2024-03: B = 5 (January, February, May), x = 21 × 5 = 105, z = 105, σ² = 5 × 31 = 155: 105² ÷ 155 = 71.129032;
  //   2024-04: B = 5 (February, May, June), x = 9 × 5 = 45, z = 45, σ² = 5 × 30 = 150: 45² ÷ 150 = 13.5;
  //   2025-03 is in the daily span: not a month row; its occurrence gives 145 (above).
  // I = 71.129032 + 13.5 + 145 = 229.629032, every row's x ÷ z = 1: u = (I + 1.2) ÷ (I + 4) = 0.988015.
  const months = monthRange('2024-01', '2025-04');
  const days = exposure(RAMADANS);
  const monthly = months.map((m) => 5 * monthDays(m) + 5 * (days.get(m)?.get('ramadan') ?? 0));
  const daily = dailyHistory(pairs('2025-02-01', '2025-04-30', fiveTen), dailyCalendar(RAMADANS, ...span('2025-02-01', '2025-04-30')));
  const I = 105 ** 2 / 155 + 13.5 + 145;
  expect(I).toBeCloseTo(229.629032, 6);
  const learned = learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]]), undefined, daily);
  expect(learned.information.get('ramadan')).toBeCloseTo(I, 10);
  expect(learned.uplift.get('ramadan')).toBeCloseTo((I + 1.2) / (I + 4), 12);
  expect(learned.uplift.get('ramadan')).toBeCloseTo(0.988015, 6);
  // Monthly only: March 2025 a month row instead (145² ÷ 155 = 135.645161): I = 220.274194.
  expect(learnUplifts(months, monthly, days, new Map([['ramadan', 0.3]])).information.get('ramadan')).toBeCloseTo(105 ** 2 / 155 + 13.5 + 145 ** 2 / 155, 10);
});

describe('occurrences that tell nothing', () => {
  const months = ['2025-02', '2025-03', '2025-04'];
  const days = exposure(RAMADANS);
  const monthly = months.map((m) => 5 * monthDays(m) + 5 * (m === '2025-03' ? 29 : 0));
  const prior = new Map([['ramadan', 0.3]]);

  test('too few baseline days: 25 February – 5 April holds 4 days before Ramadan and 7 after (Eid is not given here), 11 < 14', () => {
    const cal = dailyCalendar(RAMADANS, ...span('2025-02-25', '2025-04-05'));
    const learned = learnUplifts(months, monthly, days, prior, undefined, dailyHistory(pairs('2025-02-25', '2025-04-05', fiveTen), cal));
    // The months are in the daily span, so no month row either: the prior as it is.
    expect(learned.information.size).toBe(0);
    expect(learned.uplift.get('ramadan')).toBe(0.3);
  });

  test('too few baseline units: one unit every 7th event-free day is 8 units on the 56 baseline days, < 10', () => {
    // Days 0, 7, 14 … of the span (1 February = day 0) sell 1 outside Ramadan; each Ramadan day sells 2.
    // 1–28 February: days 0, 7, 14, 21 (4 units); 30 March – 26 April = days 57–84: 63, 70, 77, 84 (4 units).
    const first = day('2025-02-01');
    const sparse = (iso: string) => (inWindow(RAMADANS, 'ramadan', iso) ? 2 : (day(iso) - first) % 7 === 0 ? 1 : 0);
    const cal = dailyCalendar(RAMADANS, ...span('2025-02-01', '2025-04-30'));
    const learned = learnUplifts(months, monthly, days, prior, undefined, dailyHistory(pairs('2025-02-01', '2025-04-30', sparse), cal));
    expect(learned.information.size).toBe(0);
    expect(learned.uplift.get('ramadan')).toBe(0.3);
  });
});

test('a day outside the span is unknown, not a 0: the span ends on 14 March, halfway through Ramadan', () => {
  // Span 15 January – 14 March 2025: 14 of Ramadan's 29 days are inside. y = 14 × 10 = 140, d = 14.
  // Baseline: 1–28 February (28 days, 140 units; the days after Ramadan are outside the span): B = 5.
  // x = 140 − 70 = 70, z = 70, σ² = 70: I = 70, u = (70 + 1.2) ÷ 74 = 0.962162.
  // (Were the 15 days after the span zeros, y = 140 on 29 days: x = 140 − 145 = −5 and u would be floored at 0.)
  const cal = dailyCalendar(RAMADANS, ...span('2025-01-15', '2025-03-14'));
  expect(cal.occurrences).toEqual([{ start: 45, end: 73, lo: 45, hi: 58, days: new Map([['ramadan', 14]]) }]);
  // A stray pair past the span (a sale of another channel's country) is not read.
  const daily = dailyHistory([...pairs('2025-01-15', '2025-03-14', fiveTen), day('2025-03-20'), 1000], cal);
  const months = ['2025-01', '2025-02', '2025-03'];
  const learned = learnUplifts(months, [155, 140, 140], exposure(RAMADANS), new Map([['ramadan', 0.3]]), undefined, daily);
  expect(learned.information.get('ramadan')).toBeCloseTo(70, 12);
  expect(learned.uplift.get('ramadan')).toBeCloseTo(71.2 / 74, 12);
});

test('two overlapping events share an observation: Saudi Founding Day 2026 inside Ramadan 2026', () => {
  // Span 1 January 2025 – 30 April 2026; Ramadan and Founding Day given (prior 0 each). 5 a day; Ramadan
  // days 10 (u_R = 1); Founding Day 2025 (alone, 22 February) 15 (u_FD = 2); Founding Day 2026 (in
  // Ramadan) 20 = 5 × (1 + 1 + 2). Every baseline is 5 a day (φ = 1):
  //   Ramadan 2025: d = 29, y = 290: x = 145, z = (145, 0), σ² = 145 (baseline: 1–28 February but the
  //     22nd, 27 days, and 30 March – 26 April, 28);
  //   Founding Day 2025: d = 1, y = 15: x = 10, z = (0, 5), σ² = 5 (baseline 25 January – 21 February, 28,
  //     and 23–28 February, 6: Ramadan begins 1 March);
  //   Ramadan 2026 with Founding Day 2026, one observation: d = 30, y = 29 × 10 + 20 = 310: x = 310 − 150
  //     = 160, z = (150, 5), σ² = 150 (baseline 21 January – 17 February and 20 March – 16 April, 56 days).
  // Normal equations (Σ w z zᵀ + 4 I) u = Σ w z x:
  //   A = [145 + 150 + 4, 5; 5, 5 + 25/150 + 4] = [299, 5; 5, 55/6],  b = [145 + 160, 10 + 16/3] = [305, 46/3];
  //   det = 299 × 55/6 − 25 = 16295/6;
  //   u_R = (305 × 55/6 − 5 × 46/3) ÷ det = 16315 ÷ 16295 = 1.001227;
  //   u_FD = (299 × 46/3 − 5 × 305) ÷ det = 18358 ÷ 16295 = 1.126603 (one day of its own: the prior holds it back).
  // Information: Ramadan 145 + 150 = 295, Founding Day 5 + 1/6.
  const windows = only('ramadan', 'saudi-founding-day');
  const units = (iso: string) => {
    const r = inWindow(windows, 'ramadan', iso);
    const f = inWindow(windows, 'saudi-founding-day', iso);
    return r && f ? 20 : r ? 10 : f ? 15 : 5;
  };
  const cal = dailyCalendar(windows, ...span('2025-01-01', '2026-04-30'));
  const shared = cal.occurrences.find((o) => o.days.size === 2)!;
  expect(shared.days).toEqual(new Map([['ramadan', 30], ['saudi-founding-day', 1]]));
  expect([shared.start, shared.end]).toEqual([day('2026-02-18') - cal.first, day('2026-03-19') - cal.first]);
  expect(cal.occurrences).toHaveLength(3);
  const months = monthRange('2025-01', '2026-04');
  const days = exposure(windows);
  const monthly = months.map(() => 0); // every month is in the daily span: not read as observations
  const learned = learnUplifts(months, monthly, days, new Map([['ramadan', 0], ['saudi-founding-day', 0]]), undefined, dailyHistory(pairs('2025-01-01', '2026-04-30', units), cal));
  expect(learned.uplift.get('ramadan')).toBeCloseTo(16315 / 16295, 12);
  expect(learned.uplift.get('saudi-founding-day')).toBeCloseTo(18358 / 16295, 12);
  expect(learned.information.get('ramadan')).toBeCloseTo(295, 12);
  expect(learned.information.get('saudi-founding-day')).toBeCloseTo(5 + 1 / 6, 12);
});
