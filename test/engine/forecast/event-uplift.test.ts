/**
 * Event uplifts from a monthly history (src/engine/forecast/event-uplift.ts), computed by hand.
 *
 * The position: 3 units a day on ordinary days, 6 on each day of Ramadan (a true uplift of 1), over
 * January 2025 – May 2026, which holds two Ramadans 11 days apart on the Gregorian calendar (Umm al-Qura,
 * events.test.ts): 1–29 March 2025 (29 days in March) and 18 February – 19 March 2026 (11 days in
 * February, 19 in March).
 *   2025-03: 31 × 3 + 29 × 3 = 180;  2026-02: 28 × 3 + 11 × 3 = 117;  2026-03: 31 × 3 + 19 × 3 = 150; other months 3 × days.
 * Baselines: the event-free months within two months all sell 3 a day, so B = 3; the event-free months
 * sell exactly their baseline, so the overdispersion φ = 1 and σ² = 3 × days.
 *   X (excess) = z (Ramadan days × B) = 87, 33, 57;  σ² = 93, 84, 93;
 *   I = 87²/93 + 33²/84 + 57²/93 = 81.38710 + 12.96429 + 34.93548 = 129.28687.
 * With the prior p = 0.3 and τ = 0.5 (1/τ² = 4):  u = (I × 1 + 4 × 0.3) ÷ (I + 4) = 130.48687 ÷ 133.28687 = 0.978993.
 * The next Ramadan, 8 February – 8 March 2027 (21 days in February, 8 in March), gives the factors
 *   February 2027: (28 + u × 21) ÷ 28;  March 2027: (31 + u × 8) ÷ 31.
 */
import { eventCalendar, type EventWindow } from '../../../src/engine/forecast/events';
import { monthDays } from '../../../src/engine/calendar';
import { exposure, learnUplifts, monthFactor, occurrenceCounts } from '../../../src/engine/forecast/event-uplift';
import { monthRange } from '../../../src/engine/analysis/position-forecast';

const MONTHS = monthRange('2025-01', '2026-05');
const RAMADANS: EventWindow[] = eventCalendar(2025, 2027).filter((e) => e.id === 'ramadan');
const ramadanDays = exposure(RAMADANS);
const UNITS = MONTHS.map((m) => 3 * monthDays(m) + 3 * (ramadanDays.get(m)?.get('ramadan') ?? 0));
const I = 87 ** 2 / 93 + 33 ** 2 / 84 + 57 ** 2 / 93;

test('the history as computed by hand', () => {
  const at = (m: string) => UNITS[MONTHS.indexOf(m)];
  expect([at('2025-03'), at('2026-02'), at('2026-03'), at('2025-04')]).toEqual([180, 117, 150, 90]);
  expect(occurrenceCounts(RAMADANS, MONTHS)).toEqual(new Map([['ramadan', 2]]));
  expect(I).toBeCloseTo(129.28687, 5);
});

test('two Ramadans 11 days apart: the history says 1, its information 129.29 against the prior 0.3 at τ = 0.5: 0.978993', () => {
  const learned = learnUplifts(MONTHS, UNITS, ramadanDays, new Map([['ramadan', 0.3]]));
  expect(learned.uplift.get('ramadan')).toBeCloseTo((I + 1.2) / (I + 4), 12);
  expect(learned.uplift.get('ramadan')).toBeCloseTo(0.978993, 6);
  expect(learned.information.get('ramadan')).toBeCloseTo(I, 10);
  // A prior held loosely (τ = 100): the history's own uplift.
  expect(learnUplifts(MONTHS, UNITS, ramadanDays, new Map([['ramadan', 0.3]]), 100).uplift.get('ramadan')).toBeCloseTo(1, 4);
});

test('a one-day event with a big effect in a quiet month stays near the prior: its evidence is thin', () => {
  // 11.11 of 2025 sells 12 (u = 3) in a month of 3 a day: x = 9, z = 3, σ² = 90: I = 9/90 = 0.1.
  // u = (0.1 × 3 + 4 × 0) ÷ (0.1 + 4) = 0.07317.
  const singles = eventCalendar(2025, 2025).filter((e) => e.id === 'singles-day');
  const days = exposure(singles);
  const units = MONTHS.map((m) => 3 * monthDays(m) + (m === '2025-11' ? 9 : 0));
  const learned = learnUplifts(MONTHS, units, days, new Map([['singles-day', 0]]));
  expect(learned.information.get('singles-day')).toBeCloseTo(0.1, 12);
  expect(learned.uplift.get('singles-day')).toBeCloseTo(0.3 / 4.1, 12);
});

test('the forecast months the next Ramadan lands in, weighted by its days there', () => {
  const u = (I + 1.2) / (I + 4);
  const uplift = new Map([['ramadan', u]]);
  expect(monthFactor('2027-02', ramadanDays, uplift)).toBeCloseTo((28 + u * 21) / 28, 12);
  expect(monthFactor('2027-03', ramadanDays, uplift)).toBeCloseTo((31 + u * 8) / 31, 12);
  expect(monthFactor('2027-04', ramadanDays, uplift)).toBe(1);
});

test('an event with no day in the history keeps its prior; a history without sales learns nothing', () => {
  const adha = eventCalendar(2027, 2027).filter((e) => e.id === 'eid-al-adha');
  const days = exposure([...RAMADANS, ...adha]);
  const prior = new Map([
    ['ramadan', 0.3],
    ['eid-al-adha', 0.4],
  ]);
  // Eid al-Adha 2025 and 2026 are not in the event list given: no day of it in the history.
  const learned = learnUplifts(MONTHS, UNITS, days, prior);
  expect(learned.uplift.get('eid-al-adha')).toBe(0.4);
  expect(learned.information.has('eid-al-adha')).toBe(false);
  const none = learnUplifts(
    MONTHS,
    MONTHS.map(() => 0),
    days,
    prior,
  );
  expect(none.uplift).toEqual(prior);
});

test('a history that sells less during the event learns no uplift: events are planned as peaks, a dip is set to 0', () => {
  const low = MONTHS.map((m) => 3 * monthDays(m) - 3 * (ramadanDays.get(m)?.get('ramadan') ?? 0)); // the history says −1
  expect(learnUplifts(MONTHS, low, ramadanDays, new Map([['ramadan', 0]]), 100).uplift.get('ramadan')).toBe(0);
});

test('overdispersion: noisy event-free months make the history count for less', () => {
  // The same Ramadans on a history whose event-free months swing ±30 around 3 a day: φ > 1, I smaller, u nearer the prior.
  const noisy = UNITS.map((y, i) => ((ramadanDays.get(MONTHS[i])?.size ?? 0) > 0 ? y : y + (i % 2 === 0 ? 30 : -30)));
  const calm = learnUplifts(MONTHS, UNITS, ramadanDays, new Map([['ramadan', 0]]));
  const rough = learnUplifts(MONTHS, noisy, ramadanDays, new Map([['ramadan', 0]]));
  expect(rough.information.get('ramadan')!).toBeLessThan(calm.information.get('ramadan')! / 2);
  expect(Math.abs(rough.uplift.get('ramadan')!)).toBeLessThan(calm.uplift.get('ramadan')!);
});

test('Ramadan and Eid al-Fitr share months: held loosely, the fit recovers both true uplifts', () => {
  const events = eventCalendar(2025, 2026).filter((e) => e.id === 'ramadan' || e.id === 'eid-al-fitr');
  const days = exposure(events);
  // Ramadan days sell 6 (u 1), Eid days 9 (u 2).
  const units = MONTHS.map((m) => 3 * monthDays(m) + 3 * (days.get(m)?.get('ramadan') ?? 0) + 6 * (days.get(m)?.get('eid-al-fitr') ?? 0));
  const exact = learnUplifts(
    MONTHS,
    units,
    days,
    new Map([
      ['ramadan', 0],
      ['eid-al-fitr', 0],
    ]),
    1e6,
  );
  expect(exact.uplift.get('ramadan')).toBeCloseTo(1, 6);
  expect(exact.uplift.get('eid-al-fitr')).toBeCloseTo(2, 6);
});
