/**
 * Event uplifts from a monthly history (src/engine/forecast/event-uplift.ts), computed by hand.
 *
 * The position: 3 units a day on ordinary days, 6 on each day of Ramadan (a true uplift of 1), over
 * January 2025 – May 2026, which holds two Ramadans 11 days apart on the Gregorian calendar (Umm al-Qura,
 * events.test.ts): 1–29 March 2025 (29 days in March) and 18 February – 19 March 2026 (11 days in
 * February, 19 in March).
 *   2025-03: 31 × 3 + 29 × 3 = 180;  2026-02: 28 × 3 + 11 × 3 = 117;  2026-03: 31 × 3 + 19 × 3 = 150; other months 3 × days.
 * Baselines: the event-free months within two months all sell 3 a day, so B = 3 and
 *   X (excess) = 87, 33, 57 and z (Ramadan days × B) = 87, 33, 57: on its own the history says u = 1.
 * With the prior p = 0.3 weighted as one occurrence (κ = 1) against the history's two:
 *   u = (2 × 1 + 1 × 0.3) ÷ 3 = 0.76667.
 * The next Ramadan, 8 February – 8 March 2027 (21 days in February, 8 in March), gives the factors
 *   February 2027: (28 + 0.76667 × 21) ÷ 28 = 1.575;  March 2027: (31 + 0.76667 × 8) ÷ 31 = 1.19785.
 */
import { eventCalendar, type EventWindow } from '../../../src/engine/forecast/events';
import { exposure, learnUplifts, monthDays, monthFactor, occurrenceCounts } from '../../../src/engine/forecast/event-uplift';
import { monthRange } from '../../../src/engine/analysis/position-forecast';

const MONTHS = monthRange('2025-01', '2026-05');
const RAMADANS: EventWindow[] = eventCalendar(2025, 2027).filter((e) => e.id === 'ramadan');
const ramadanDays = exposure(RAMADANS);
const UNITS = MONTHS.map((m) => 3 * monthDays(m) + 3 * (ramadanDays.get(m)?.get('ramadan') ?? 0));

test('the history as computed by hand', () => {
  const at = (m: string) => UNITS[MONTHS.indexOf(m)];
  expect([at('2025-03'), at('2026-02'), at('2026-03'), at('2025-04')]).toEqual([180, 117, 150, 90]);
  expect(occurrenceCounts(RAMADANS, MONTHS)).toEqual(new Map([['ramadan', 2]]));
});

test('two Ramadans 11 days apart: the learned uplift 1, shrunk toward the prior 0.3 as one occurrence against two: 0.76667', () => {
  const counts = occurrenceCounts(RAMADANS, MONTHS);
  const learned = learnUplifts(MONTHS, UNITS, ramadanDays, new Map([['ramadan', 0.3]]), (k) => counts.get(k) ?? 0);
  expect(learned.uplift.get('ramadan')).toBeCloseTo(2.3 / 3, 10);
  expect(learned.occurrences.get('ramadan')).toBe(2);
  // κ = 0 (no shrinkage): the history's own uplift.
  expect(learnUplifts(MONTHS, UNITS, ramadanDays, new Map([['ramadan', 0.3]]), () => 2, 0).uplift.get('ramadan')).toBeCloseTo(1, 10);
});

test('the forecast months the next Ramadan lands in, weighted by its days there', () => {
  const uplift = new Map([['ramadan', 2.3 / 3]]);
  expect(monthFactor('2027-02', ramadanDays, uplift)).toBeCloseTo((28 + (2.3 / 3) * 21) / 28, 10);
  expect(monthFactor('2027-02', ramadanDays, uplift)).toBeCloseTo(1.575, 10);
  expect(monthFactor('2027-03', ramadanDays, uplift)).toBeCloseTo(1.197849, 5);
  expect(monthFactor('2027-04', ramadanDays, uplift)).toBe(1);
});

test('an event with no day in the history keeps its prior; a history without sales learns nothing', () => {
  const adha = eventCalendar(2027, 2027).filter((e) => e.id === 'eid-al-adha');
  const days = exposure([...RAMADANS, ...adha]);
  const counts = occurrenceCounts([...RAMADANS, ...adha], MONTHS);
  const prior = new Map([['ramadan', 0.3], ['eid-al-adha', 0.4]]);
  // Eid al-Adha 2025 and 2026 are not in the event list given: no day of it in the history.
  const learned = learnUplifts(MONTHS, UNITS, days, prior, (k) => counts.get(k) ?? 0);
  expect(learned.uplift.get('eid-al-adha')).toBe(0.4);
  expect(learned.occurrences.has('eid-al-adha')).toBe(false);
  const none = learnUplifts(MONTHS, MONTHS.map(() => 0), days, prior, (k) => counts.get(k) ?? 0);
  expect(none.uplift).toEqual(prior);
});

test('a history that sells less during the event learns a negative uplift, floored at −0.9', () => {
  const low = MONTHS.map((m) => 3 * monthDays(m) - 3 * (ramadanDays.get(m)?.get('ramadan') ?? 0)); // nothing on Ramadan days: u = −1
  const u = learnUplifts(MONTHS, low, ramadanDays, new Map([['ramadan', 0]]), () => 2, 0).uplift.get('ramadan');
  expect(u).toBe(-0.9);
});

test('Ramadan and Eid al-Fitr share months: with both true uplifts known the fit recovers them as far as the months allow', () => {
  const events = eventCalendar(2025, 2026).filter((e) => e.id === 'ramadan' || e.id === 'eid-al-fitr');
  const days = exposure(events);
  // Ramadan days sell 6 (u 1), Eid days 9 (u 2).
  const units = MONTHS.map((m) => 3 * monthDays(m) + 3 * (days.get(m)?.get('ramadan') ?? 0) + 6 * (days.get(m)?.get('eid-al-fitr') ?? 0));
  const counts = occurrenceCounts(events, MONTHS);
  const exact = learnUplifts(MONTHS, units, days, new Map([['ramadan', 0], ['eid-al-fitr', 0]]), (k) => counts.get(k) ?? 0, 0);
  expect(exact.uplift.get('ramadan')).toBeCloseTo(1, 8);
  expect(exact.uplift.get('eid-al-fitr')).toBeCloseTo(2, 8);
});
