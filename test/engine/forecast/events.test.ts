/**
 * The GCC event calendar (src/engine/forecast/events.ts).
 *
 * Expected Hijri dates: the published Umm al-Qura month lengths as OpenJDK ships them
 * (src/java.base/share/classes/java/time/chrono/hijrah-config-Hijrah-umalqura_islamic-umalqura.properties,
 * "type=islamic-umalqura"), counted by hand from 1 Muharram 1445 = 19 July 2023:
 *   1445 = 29 30 30 30 29 30 29 29 | 30 | 29 29 30   months 1–8: 236 days → 1 Ramadan 2024-03-11; Ramadan 30 → 1 Shawwal 2024-04-10; year 354
 *   1446 = 29 30 30 30 29 30 30 29 | 29 | 30 29 29   1 Muharram 2024-07-07; +237 → 1 Ramadan 2025-03-01; +29 → 1 Shawwal 2025-03-30; year 354
 *   1447 = 30 29 30 30 30 29 30 29 | 30 | 29 30 29   1 Muharram 2025-06-26; +237 → 2026-02-18; +30 → 2026-03-20; year 355
 *   1448 = 29 30 29 30 30 29 30 30 | 29 | 30 29 30   1 Muharram 2026-06-16; +237 → 2027-02-08; +29 → 2027-03-09; year 355
 *   1449 = 29 29 30 29 30 29 30 30 | 29 | 30 30 29   1 Muharram 2027-06-06; +236 → 2028-01-28; +29 → 2028-02-26
 * Eid al-Adha (10 Dhu al-Hijjah) = 1 Muharram + months 1–11 + 9: 2024-06-16, 2025-06-06, 2026-05-27, 2027-05-16, 2028-05-05.
 * (The 2024 and 2025 dates are also the days Saudi Arabia observed.)
 * Black Friday: the day after the US Thanksgiving (fourth Thursday of November): 2024-11-29, 2025-11-28, 2026-11-27.
 */
import { appliesTo, builtInEvents, daysByMonth, eventCalendar, hijri } from '../../../src/engine/forecast/events';

const RAMADAN: readonly [number, string, string][] = [
  [2024, '2024-03-11', '2024-04-10'],
  [2025, '2025-03-01', '2025-03-30'],
  [2026, '2026-02-18', '2026-03-20'],
  [2027, '2027-02-08', '2027-03-09'],
  [2028, '2028-01-28', '2028-02-26'],
];
const ADHA: readonly [number, string][] = [
  [2024, '2024-06-16'],
  [2025, '2025-06-06'],
  [2026, '2026-05-27'],
  [2027, '2027-05-16'],
  [2028, '2028-05-05'],
];
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const of = (year: number, id: string) => builtInEvents(year).filter((e) => e.id === id);

describe('Ramadan, Eid al-Fitr and Eid al-Adha on the Umm al-Qura calendar', () => {
  test.each(RAMADAN)('%i: Ramadan from 1 Ramadan %s to the day before 1 Shawwal %s; Eid al-Fitr its first 3 days', (year, ramadan, shawwal) => {
    expect(of(year, 'ramadan')).toEqual([{ id: 'ramadan', name: 'Ramadan', start: ramadan, end: dayBefore(shawwal), country: null }]);
    const eid = of(year, 'eid-al-fitr');
    expect(eid.map((e) => e.start)).toEqual([shawwal]);
    expect([...daysByMonth(eid[0]).values()].reduce((a, b) => a + b, 0)).toBe(3);
  });

  test.each(ADHA)('%i: Eid al-Adha from 10 Dhu al-Hijjah %s, four days', (year, day) => {
    const [adha] = of(year, 'eid-al-adha');
    expect(adha.start).toBe(day);
    expect(hijri(Date.parse(`${day}T00:00:00Z`))).toMatchObject({ month: 12, day: 10 });
    expect([...daysByMonth(adha).values()].reduce((a, b) => a + b, 0)).toBe(4);
  });

  test('Ramadan moves about 11 days earlier each Gregorian year (354 or 355 days apart)', () => {
    const starts = RAMADAN.map(([, d]) => Date.parse(d));
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) / 86_400_000));
    expect(gaps).toEqual([355, 354, 355, 354]);
  });

  test('a Gregorian year with two Ramadans (2030 has 1 Ramadan 1451 in January and 1452 in December) lists both', () => {
    const starts = of(2030, 'ramadan').map((e) => e.start);
    expect(starts).toHaveLength(2);
    expect(starts[0].slice(0, 7)).toBe('2030-01');
    expect(starts[1].slice(0, 7)).toBe('2030-12');
  });
});

describe('the Gregorian events by rule', () => {
  test.each([
    [2024, '2024-11-25', '2024-12-02'],
    [2025, '2025-11-24', '2025-12-01'],
    [2026, '2026-11-23', '2026-11-30'],
  ])('%i: White Friday from the Monday before Black Friday to Cyber Monday (%s – %s)', (year, start, end) => {
    expect(of(year, 'white-friday')).toEqual([{ id: 'white-friday', name: 'White Friday', start, end, country: null }]);
  });

  test('11.11, back to school and the national days, each in its country', () => {
    const y = builtInEvents(2026);
    const pick = (id: string) => y.find((e) => e.id === id)!;
    expect(pick('singles-day')).toMatchObject({ start: '2026-11-11', end: '2026-11-11', country: null });
    expect(pick('back-to-school')).toMatchObject({ start: '2026-08-15', end: '2026-09-07', country: null });
    expect(pick('saudi-national-day')).toMatchObject({ start: '2026-09-23', country: 'KSA' });
    expect(pick('saudi-founding-day')).toMatchObject({ start: '2026-02-22', country: 'KSA' });
    expect(pick('uae-national-day')).toMatchObject({ start: '2026-12-02', end: '2026-12-03', country: 'UAE' });
    expect(appliesTo(pick('saudi-national-day'), 'UAE')).toBe(false);
    expect(appliesTo(pick('saudi-national-day'), 'KSA')).toBe(true);
    expect(appliesTo(pick('ramadan'), 'UAE')).toBe(true);
  });

  test('the calendar of several years is in date order, every year once', () => {
    const all = eventCalendar(2024, 2028);
    expect(all.filter((e) => e.id === 'ramadan').map((e) => e.start)).toEqual(RAMADAN.map(([, d]) => d));
    const starts = all.map((e) => e.start);
    for (let y = 2024; y <= 2028; y++) expect(starts.filter((s) => s.startsWith(`${y}-`)).length).toBe(builtInEvents(y).length);
    expect(builtInEvents(2026).map((e) => e.start)).toEqual([...builtInEvents(2026).map((e) => e.start)].sort());
  });
});

describe('event windows across month boundaries', () => {
  test('Ramadan 2026 (18 Feb – 19 Mar): 11 days in February, 19 in March', () => {
    expect([...daysByMonth(of(2026, 'ramadan')[0])]).toEqual([
      ['2026-02', 11],
      ['2026-03', 19],
    ]);
  });

  test('White Friday 2024 (25 Nov – 2 Dec): 6 days in November, 2 in December; across a year end too', () => {
    expect([...daysByMonth(of(2024, 'white-friday')[0])]).toEqual([
      ['2024-11', 6],
      ['2024-12', 2],
    ]);
    expect([...daysByMonth({ start: '2026-12-30', end: '2027-01-02' })]).toEqual([
      ['2026-12', 2],
      ['2027-01', 2],
    ]);
  });

  test('a one-day event is one day of its month', () => {
    expect([...daysByMonth({ start: '2026-09-23', end: '2026-09-23' })]).toEqual([['2026-09', 1]]);
  });
});

test('for every year 2000–2050 the Ramadan, Eid al-Fitr and Eid al-Adha starts are exactly the days Intl dates 1/9, 1/10 and 10/12 (checked day by day)', () => {
  for (let year = 2000; year <= 2050; year++) {
    const want: Record<string, string[]> = { ramadan: [], 'eid-al-fitr': [], 'eid-al-adha': [] };
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const h = hijri(t);
      const day = new Date(t).toISOString().slice(0, 10);
      if (h.month === 9 && h.day === 1) want.ramadan.push(day);
      if (h.month === 10 && h.day === 1) want['eid-al-fitr'].push(day);
      if (h.month === 12 && h.day === 10) want['eid-al-adha'].push(day);
    }
    for (const id of Object.keys(want)) expect([year, id, of(year, id).map((e) => e.start)]).toEqual([year, id, want[id]]);
  }
});
