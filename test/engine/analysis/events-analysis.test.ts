/**
 * GCC events through the whole analysis (issue 22), by hand: a position whose history holds two
 * Ramadans 11 days apart on the Gregorian calendar.
 *
 * LAMP-01 on Amazon KSA, All Orders from 1 January 2025 to 30 November 2026 (one order row a day):
 * 3 units a day, 6 on each day of Ramadan (1–29 March 2025; 18 February – 19 March 2026, Umm al-Qura
 * dates, events.test.ts). The analysis runs on 1 December 2026 with the default settings (cover policy,
 * 30 safety days) and the mapping's lead time of 60 days. Nothing on hand.
 *
 * Learned uplift: the history says 1 for Ramadan (each Ramadan day sells twice an ordinary day) and 0
 * for every other event of the KSA calendar in it (Founding Day, Eid al-Fitr, Eid al-Adha, back to
 * school, National Day, 11.11, White Friday). Its information about Ramadan is I = 129.29
 * (event-uplift.test.ts: the same three Ramadan months); the prior is the channel's average, here this
 * SKU alone on its channel is not its own prior, so the prior is the setting, 0: for Ramadan alone
 * u = I ÷ (I + 4) = 0.970. Eid al-Fitr shares Ramadan's months and takes a little of it (0.076, within
 * ±0.1 of 0): u = 0.9636 (checked within 0.95–0.97); the other events within ±0.05 of 0.
 * Forecast months: December 2026, January and February 2027. Ramadan 1448 runs 8 February – 8 March
 * 2027: 21 of its days fall in February, whose forecast is the event-free forecast × (28 + 21 u) ÷ 28
 * (≈ 1.723); December and January have no day of an event with an uplift of note.
 * Reorder (cover policy): v = units sold ÷ the sales period = (699 × 3 + 59 × 3) ÷ 698 days = 3.25788; lead time + cover = 60 + 30 = 90 days from
 * 1 December 2026 reach 28 February 2027, so the 21 Ramadan days of February are inside:
 * event demand = 21 u v (+ the Founding Day at 0.01) = 65.96, need = v × 30 + 65.96 − 0 on hand = 163.69:
 * 164 units are bought (98 without the event).
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { forecast } from '../../../src/engine/forecast/forecast';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import { isCalcError } from '../../../src/engine/errors';
import { exposure } from '../../../src/engine/forecast/event-uplift';
import { eventsText } from '../../../src/engine/sheets/forecast-sheet';
import { builtInEvents } from '../../../src/engine/forecast/events';

/** The KSA events' days per month over the history (events.ts, the calendar the analysis uses). */
const EVENT_DAYS = exposure([2025, 2026, 2027].flatMap((y) => builtInEvents(y)).filter((e) => e.country !== 'UAE'));

const DAY = 86_400_000;
const RAMADAN = [
  ['2025-03-01', '2025-03-29'],
  ['2026-02-18', '2026-03-19'],
];
const inRamadan = (iso: string) => RAMADAN.some(([a, b]) => iso >= a && iso <= b);
const HEADER = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'ship-country'];
function orders(): RawCell[][] {
  const rows: RawCell[][] = [HEADER];
  for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 10, 30); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const qty = inRamadan(day) ? 6 : 3;
    rows.push([`403-${day}`, '', `${day}T10:00:00+00:00`, day, 'Shipped', 'Amazon', 'Amazon.sa', '', '', 'Standard', 'Desk lamp', 'AMZ-LAMP', 'B0LAMP0001', 'Shipped', String(qty), 'SAR', String(qty * 100), '0', '0', '0', 'SA']);
  }
  return rows;
}
const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price', 'Lead Time Days'],
  ['LAMP-01', 'AMZ-LAMP', 'B0LAMP0001', 'Desk lamp', '40', '100', '60'],
];
const INVENTORY: RawCell[][] = [
  ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'],
  ['AMZ-LAMP', 'X0LAMP', 'B0LAMP0001', 'Desk lamp', 'New', '100', '0', '0', '0', '0', '0', '0', '0', '0'],
];

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

test('the learned uplift: Ramadan near 1, the other events near 0', () => {
  const u = row().f.uplift!;
  expect(uRamadan()).toBeGreaterThan(0.95);
  expect(uRamadan()).toBeLessThan(0.97);
  // Eid al-Fitr shares Ramadan's months: the priors hold it near 0 but it takes a little.
  expect(Math.abs(u.get('eid-al-fitr')!)).toBeLessThan(0.1);
  for (const k of ['eid-al-adha', 'saudi-founding-day', 'saudi-national-day', 'back-to-school', 'singles-day', 'white-friday']) expect(Math.abs(u.get(k)!)).toBeLessThan(0.05);
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
  expect((28 + 21 * uRamadan()) / 28).toBeCloseTo(1.7227, 3);
  const ramadan = f.events.find((e) => e.name === 'Ramadan')!;
  expect(ramadan).toEqual({ name: 'Ramadan', start: '2027-02-08', end: '2027-03-08', uplift: uRamadan(), learned: true });
  const spec = a.specs.find((s) => s.name === 'Forecast')!;
  const h = spec.rows.findIndex((x) => x[0] === 'Master SKU');
  const events = spec.rows[h + 1][spec.rows[h].indexOf('Events')];
  expect(events).toContain('Ramadan from 2027-02-08 +96% (learned)');
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
  expect(m.reorderNeed).toBeCloseTo(163.69, 2);
  const line = a.reorder.find((l) => l.metrics === m)!;
  // 163.69 → 164 units (no MOQ or case pack); 30 v = 97.7 without the event.
  expect(line.buyQty).toBe(164);
  const spec = a.specs.find((s) => s.name === 'Reorder')!;
  const h = spec.rows.findIndex((x) => x[0] === 'Master SKU');
  expect(spec.rows[h + 1][spec.rows[h].indexOf('Event Demand')]).toBeCloseTo(events, 1);
});

describe('Urgent Actions: an event that starts within the lead time', () => {
  /**
   * The same history with a lead time of 90 days and 150 on hand: Ramadan 1448 starts on 8 February
   * 2027, 69 days after 1 December 2026, inside the 90 days. DOI = 150 ÷ v = 46 days: no priority of
   * its own. Lead time + cover = 120 days reach 30 March 2027: all 29 Ramadan days are inside (with the
   * Founding Day and the first 3 days of Eid al-Fitr at their small uplifts): event demand = (29 × 0.9636
   * + 0.0102 + 3 × 0.0756) v = 91.81 (computed from the learned uplifts below); need = 30 v + 91.81 − 150
   * = 39.55 → 40 bought. The line is LOW, "Ramadan starts in 69 days: order now", with the event demand at the
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

  test('150 on hand, lead time 90: a LOW line "Ramadan starts in 69 days: order now", 40 ordered', () => {
    const b = run('90', '150');
    const m = b.metrics[0];
    const u = b.forecasts[0].f.uplift!;
    expect(m.eventAhead).toEqual({ name: 'Ramadan', start: '2027-02-08', inDays: 69, uplift: u.get('ramadan') });
    // All 29 Ramadan days and the Founding Day are inside the 120 days; Eid al-Fitr (9 March) is too.
    const events = (29 * u.get('ramadan')! + u.get('saudi-founding-day')! + 3 * u.get('eid-al-fitr')!) * v;
    expect(m.eventDemand).toBeCloseTo(events, 9);
    const buy = Math.ceil(30 * v + events - 150);
    expect(buy).toBe(40);
    expect(b.reorder[0].buyQty).toBe(buy);
    expect(b.urgent).toEqual([expect.objectContaining({ priority: 'LOW', issue: 'Ramadan starts in 69 days: order now', action: 'Order 40' })]);
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
