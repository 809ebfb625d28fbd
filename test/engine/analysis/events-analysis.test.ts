/**
 * GCC events through the whole analysis (issue 22), by hand: a position whose history holds two
 * Ramadans 11 days apart on the Gregorian calendar.
 *
 * LAMP-01 on Amazon KSA, All Orders from 1 January 2025 to 30 November 2026 (one order row a day):
 * 3 units a day, 6 on each day of Ramadan (1–29 March 2025; 18 February – 19 March 2026, Umm al-Qura
 * dates, events.test.ts). The analysis runs on 1 December 2026 with the default settings (cover policy,
 * 30 safety days) and the mapping's lead time of 60 days. Nothing on hand.
 *
 * Learned uplift: All Orders are daily sales, so the uplifts are learned day by day over the span of
 * the orders, 1 January 2025 – 30 November 2026 (event-uplift.ts, "Daily sales"; the months learning is
 * event-uplift.test.ts). The prior is the channel's average; this SKU alone on its channel is not its
 * own prior, so the prior is the setting, 0 (1/τ² = 4). Every event-free day sells 3 = its baseline, so
 * φ = 1. The occurrences, each with a baseline of 3 a day (the event-free days within 28 days either
 * side inside the span, at least 14 for every occurrence: 27 + 25 for Ramadan 2025, 28 + 25 for Ramadan
 * 2026, 28 + 6 for Founding Day 2025, whose days after it run into Ramadan):
 *   Ramadan 2025 (1–29 March, 29 days): y = 174, x = 174 − 87 = 87, z_R = 87, σ² = 87;
 *   Ramadan 2026 (18 February – 19 March, 30 days) holds Founding Day 2026 (22 February), one
 *     occurrence: y = 180, x = 90, z_R = 90, z_FD = 3, σ² = 90;
 *   Founding Day 2025: x = 0, z_FD = 3, σ² = 3; every other event (Eid al-Fitr, Eid al-Adha, back to
 *     school, National Day, 11.11, White Friday; days apart from Ramadan's) sells at its baseline: x = 0.
 * Ramadan and Founding Day are solved jointly:
 *   [87 + 90 + 4, 3; 3, 3 + 0.1 + 4] u = [177; 3]: det = 181 × 7.1 − 9 = 1276.1,
 *   u_R = (177 × 7.1 − 3 × 3) ÷ 1276.1 = 1247.7 ÷ 1276.1 = 0.977745, u_FD = (181 × 3 − 3 × 177) ÷ 1276.1 = 0.009404;
 * the other events 0.
 * Forecast months: December 2026, January and February 2027. Ramadan 1448 runs 8 February – 8 March
 * 2027: 21 of its days fall in February, whose forecast is the event-free forecast × (28 + 21 u) ÷ 28
 * (= 1.733309); December and January have no day of an event with an uplift of note.
 * Reorder (cover policy): v = units sold ÷ the sales period = (699 × 3 + 59 × 3) ÷ 698 days = 3.25788; lead time + cover = 60 + 30 = 90 days from
 * 1 December 2026 reach 28 February 2027, so the 21 Ramadan days of February are inside:
 * event demand = 21 u v (+ the Founding Day at 0.0094) = 66.8929 + 0.0306, need = v × 30 + 66.92 − 0 on hand = 164.66:
 * 165 units are bought (98 without the event).
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { forecast } from '../../../src/engine/forecast/forecast';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { isCalcError } from '../../../src/engine/errors';
import { exposure } from '../../../src/engine/forecast/event-uplift';
import { eventsText } from '../../../src/engine/sheets/forecast-sheet';
import { builtInEvents } from '../../../src/engine/forecast/events';
import { LAMP_INVENTORY, lampMapping, lampOrders } from '../../helpers/lamp-orders';

/** The KSA events' days per month over the history (events.ts, the calendar the analysis uses). */
const EVENT_DAYS = exposure([2025, 2026, 2027].flatMap((y) => builtInEvents(y)).filter((e) => e.country !== 'UAE'));

const RAMADAN = [
  ['2025-03-01', '2025-03-29'],
  ['2026-02-18', '2026-03-19'],
];
const inRamadan = (iso: string) => RAMADAN.some(([a, b]) => iso >= a && iso <= b);
const orders = () => lampOrders('2025-01-01', '2026-11-30', (day) => (inRamadan(day) ? 6 : 3));
const MAPPING = lampMapping(60);
const INVENTORY = LAMP_INVENTORY;

let a: Analysis;
beforeAll(() => {
  a = analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA orders', grid: orders() },
    ],
    { settings: DEFAULT_SETTINGS, now: new Date('2026-12-01T06:00:00Z') },
  );
});

const row = () => a.forecasts.find((r) => r.m.position.masterSku === 'LAMP-01')!;

test('the history: 23 months, two Ramadans in it', () => {
  const f = row().f;
  expect(f.months[0]).toBe('2025-01');
  expect(f.months.at(-1)).toBe('2026-11');
  const at = (m: string) => f.history[f.months.indexOf(m)];
  // 31 × 3 + 29 × 3 = 180; 28 × 3 + 11 × 3 = 117; 31 × 3 + 19 × 3 = 150.
  expect([at('2025-03'), at('2026-02'), at('2026-03'), at('2025-04')]).toEqual([180, 117, 150, 90]);
});

const uRamadan = () => row().f.uplift!.get('ramadan')!;

test('the learned uplift, day by day: Ramadan 0.977745, Founding Day 0.009404 (inside Ramadan 2026), the other events 0', () => {
  const u = row().f.uplift!;
  expect(uRamadan()).toBeCloseTo(1247.7 / 1276.1, 12);
  expect(uRamadan()).toBeCloseTo(0.977745, 6);
  expect(u.get('saudi-founding-day')).toBeCloseTo(12 / 1276.1, 12);
  // Eid al-Fitr's days are apart from Ramadan's in a daily history (a month joins them): it sells its baseline.
  for (const k of ['eid-al-fitr', 'eid-al-adha', 'saudi-national-day', 'back-to-school', 'singles-day', 'white-friday']) expect(u.get(k)).toBe(0);
});

test('the forecast months it lands in: February 2027 is the event-free forecast × (28 + 21 u) ÷ 28; the Events column names it', () => {
  const f = row().f;
  const u = f.uplift!;
  expect(f.horizon).toEqual(['2026-12', '2027-01', '2027-02']);
  // The event-free history: each month's units ÷ its factor (n + Σ u d) ÷ n.
  const factor = (m: string) => {
    const n = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
    const extra = [...(EVENT_DAYS.get(m) ?? [])].reduce((x, [k, d]) => x + (u.get(k) ?? 0) * d, 0);
    return (n + extra) / n;
  };
  const base = f.history.map((y, i) => y / factor(f.months[i]));
  const r = forecast(base, { horizon: 3, seasonLength: 12 });
  if (isCalcError(r)) throw new Error('no forecast');
  expect(f.next[2]).toBeCloseTo(r.forecast[2] * ((28 + 21 * uRamadan() + (u.get('saudi-founding-day') ?? 0)) / 28), 6);
  expect((28 + 21 * uRamadan()) / 28).toBeCloseTo(1.733309, 6);
  const ramadan = f.events.find((e) => e.name === 'Ramadan')!;
  expect(ramadan).toEqual({ name: 'Ramadan', start: '2027-02-08', end: '2027-03-08', uplift: uRamadan(), learned: true });
  const spec = a.specs.find((s) => s.name === 'Forecast')!;
  const h = spec.rows.findIndex((x) => x[0] === 'Master SKU');
  const events = spec.rows[h + 1][spec.rows[h].indexOf('Events')];
  expect(events).toContain('Ramadan from 2027-02-08 +98% (learned)');
});

test('the reorder quantity covers it: need = 30 v + 21 u v (the Ramadan days inside lead time + cover)', () => {
  const m = a.metrics.find((x) => x.position.masterSku === 'LAMP-01')!;
  // 699 days × 3 + 59 Ramadan days × 3 = 2,274 units over the 698 days from the first order to the last.
  const v = 2274 / 698;
  expect(m.velocity).toBeCloseTo(v, 12);
  // The Ramadan days inside the 90 days, and the Founding Day (22 February) at its own (near 0) uplift.
  const u = row().f.uplift!;
  const events = 21 * uRamadan() * v + (u.get('saudi-founding-day') ?? 0) * v;
  expect(m.eventDemand).toBeCloseTo(events, 9);
  expect(m.reorderNeed).toBeCloseTo(30 * v + events, 9);
  expect(m.reorderNeed).toBeCloseTo(164.66, 2);
  const line = a.reorder.find((l) => l.metrics === m)!;
  // 164.66 → 165 units (no MOQ or case pack); 30 v = 97.7 without the event.
  expect(line.buyQty).toBe(165);
  const spec = a.specs.find((s) => s.name === 'Reorder')!;
  const h = spec.rows.findIndex((x) => x[0] === 'Master SKU');
  expect(spec.rows[h + 1][spec.rows[h].indexOf('Event Demand')]).toBeCloseTo(events, 1);
});

describe('Urgent Actions: an event that starts within the lead time', () => {
  /**
   * The same history with a lead time of 90 days and 150 on hand: Ramadan 1448 starts on 8 February
   * 2027, 69 days after 1 December 2026, inside the 90 days. DOI = 150 ÷ v = 46 days: no priority of
   * its own. Lead time + cover = 120 days reach 30 March 2027: all 29 Ramadan days are inside (with the
   * Founding Day at its small uplift and the first 3 days of Eid al-Fitr at 0): event demand = (29 × 0.977745
   * + 0.009404 + 3 × 0) v = 92.4065 (computed from the learned uplifts below); need = 30 v + 92.4065 − 150
   * = 40.14 → 41 bought. The line is LOW, "Ramadan starts in 69 days: order now", with the event demand at the
   * price (100 SAR) at stake.
   */
  const run = (lead: string, onHand: string) =>
    analyze(
      [
        { source: 'Mapping', grid: [MAPPING[0], [...MAPPING[1].slice(0, 6), lead]] },
        { source: 'Amazon KSA inventory', grid: [INVENTORY[0], ['AMZ-LAMP', 'X0LAMP', 'B0LAMP0001', 'Desk lamp', 'New', '100', onHand, onHand, '0', '0', onHand, '0', '0', '0']] },
        { source: 'Amazon KSA orders', grid: orders() },
      ],
      { settings: DEFAULT_SETTINGS, now: new Date('2026-12-01T06:00:00Z') },
    );
  const v = 2274 / 698;

  test('150 on hand, lead time 90: a LOW line "Ramadan starts in 69 days: order now", 41 ordered', () => {
    const b = run('90', '150');
    const m = b.metrics[0];
    const u = b.forecasts[0].f.uplift!;
    expect(m.eventAhead).toEqual({ name: 'Ramadan', start: '2027-02-08', inDays: 69, uplift: u.get('ramadan') });
    // All 29 Ramadan days and the Founding Day are inside the 120 days; Eid al-Fitr (9 March) is too.
    const events = (29 * u.get('ramadan')! + u.get('saudi-founding-day')! + 3 * u.get('eid-al-fitr')!) * v;
    expect(m.eventDemand).toBeCloseTo(events, 9);
    const buy = Math.ceil(30 * v + events - 150);
    expect(events).toBeCloseTo(92.4065, 4);
    expect(buy).toBe(41);
    expect(b.reorder[0].buyQty).toBe(buy);
    expect(b.urgent).toEqual([expect.objectContaining({ priority: 'LOW', issue: 'Ramadan starts in 69 days: order now', action: 'Order 41' })]);
    expect(b.urgent[0].moneyAtStake).toBeCloseTo(events * 100, 6);
  });

  test('out of stock: the CRITICAL line says it after its own issue', () => {
    expect(run('90', '0').urgent.map((u) => [u.priority, u.issue])).toEqual([['CRITICAL', 'Out of stock while selling; Ramadan starts in 69 days: order now']]);
  });

  test('lead time 60: Ramadan starts after an order placed today arrives, nothing is said', () => {
    expect(a.metrics[0].eventAhead).toBeNull();
    expect(a.urgent.every((u) => !u.issue.includes('Ramadan'))).toBe(true);
  });
});

test('without the event in the history the setting is the uplift: Ramadan at 50% on two months of sales', () => {
  // October and November 2026 only: 61 days × 3 = 183 units over 60 days, v = 3.05; under 3 months the
  // forecast is v × 30 = 91.5 a month, February 2027 × (28 + 0.5 × 21) ÷ 28 = × 1.375 = 125.8125.
  // Lead time 90: all 29 Ramadan days inside the 120 days: event demand 0.5 × 3.05 × 29 = 44.225;
  // need = 30 × 3.05 + 44.225 = 135.725 → 136.
  const recent = orders().filter((r, i) => i === 0 || String(r[2]) >= '2026-10-01');
  const b = analyze(
    [
      { source: 'Mapping', grid: [MAPPING[0], [...MAPPING[1].slice(0, 6), '90']] },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA orders', grid: recent },
    ],
    { settings: { ...DEFAULT_SETTINGS, upliftRamadan: 0.5 }, now: new Date('2026-12-01T06:00:00Z') },
  );
  const m = b.metrics[0];
  expect(m.velocity).toBeCloseTo(3.05, 12);
  const f = b.forecasts[0].f;
  expect(f.result).toBeNull();
  expect(f.next.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([91.5, 91.5, 125.8125]);
  expect(f.events.find((e) => e.name === 'Ramadan')).toMatchObject({ uplift: 0.5, learned: false });
  expect(m.eventDemand).toBeCloseTo(44.225, 9);
  expect(b.reorder[0].buyQty).toBe(136);
  // With the default (0) nothing is added.
  const none = analyze(
    [
      { source: 'Mapping', grid: [MAPPING[0], [...MAPPING[1].slice(0, 6), '90']] },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA orders', grid: recent },
    ],
    { settings: DEFAULT_SETTINGS, now: new Date('2026-12-01T06:00:00Z') },
  );
  expect(none.metrics[0].eventDemand).toBe(0);
  expect(none.reorder[0].buyQty).toBe(92);
});

test('the Events column lists only events given an uplift', () => {
  const e = (name: string, uplift: number, learned = false) => ({ name, start: '2026-11-23', end: '2026-11-30', uplift, learned });
  expect(eventsText([e('White Friday', 0), e('11.11', 0.004)])).toBeNull();
  expect(eventsText([e('White Friday', 0.5), e('11.11', 0), e('Ramadan', 0.963, true)])).toBe('White Friday from 2026-11-23 +50%; Ramadan from 2026-11-23 +96% (learned)');
});
