/**
 * The GCC event calendar (issue "GCC events in the forecast"): computed for any Gregorian year, never
 * typed in.
 *
 * Hijri events, on the Umm al-Qura calendar (Saudi Arabia's civil calendar), from
 * `Intl.DateTimeFormat` with the `islamic-umalqura` calendar (ECMA-402; Node and every current
 * browser carry the table):
 * - Ramadan: 1 Ramadan (month 9) to the day before 1 Shawwal (29 or 30 days);
 * - Eid al-Fitr: 1–3 Shawwal (month 10);
 * - Eid al-Adha: 10–13 Dhu al-Hijjah (month 12: the Eid and the three days of Tashreeq).
 * Gregorian events, by rule:
 * - White Friday (Amazon's and noon's November sale): the Monday before Black Friday (the Friday after
 *   the fourth Thursday of November) to Cyber Monday, 8 days;
 * - 11.11: 11 November;
 * - back to school: 15 August to 7 September (the KSA and UAE school years start in the last two
 *   weeks of August);
 * - Saudi Founding Day 22 February and Saudi National Day 23 September (KSA only); UAE National Day
 *   (Eid Al Etihad) 2–3 December (UAE only).
 * The seller adds their own events (a launch, a deal) and switches any off on the Lumive Events sheet.
 *
 * Dates are days, "YYYY-MM-DD", inclusive at both ends; computed in UTC so no time zone moves a day.
 */
import { DAY_MS, dayMs, isoDay } from '../calendar';
import type { Country } from '../model';

export type EventId = 'ramadan' | 'eid-al-fitr' | 'eid-al-adha' | 'white-friday' | 'singles-day' | 'back-to-school' | 'saudi-founding-day' | 'saudi-national-day' | 'uae-national-day';

export interface EventWindow {
  /** A built-in event's id, or "user" for the seller's own. */
  readonly id: EventId | 'user';
  readonly name: string;
  /** First and last day, inclusive. */
  readonly start: string;
  readonly end: string;
  /** The country whose sales it moves; null for both. */
  readonly country: Country | null;
}

export const EVENT_NAMES: Readonly<Record<EventId, string>> = {
  ramadan: 'Ramadan',
  'eid-al-fitr': 'Eid al-Fitr',
  'eid-al-adha': 'Eid al-Adha',
  'white-friday': 'White Friday',
  'singles-day': '11.11',
  'back-to-school': 'Back to school',
  'saudi-founding-day': 'Saudi Founding Day',
  'saudi-national-day': 'Saudi National Day',
  'uae-national-day': 'UAE National Day',
};


export interface HijriDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

let formatter: Intl.DateTimeFormat | null = null;

/** The Umm al-Qura date of a UTC day. */
export function hijri(ms: number): HijriDate {
  formatter ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter.formatToParts(ms)) {
    if (part.type === 'year') year = parseInt(part.value, 10);
    else if (part.type === 'month') month = parseInt(part.value, 10);
    else if (part.type === 'day') day = parseInt(part.value, 10);
  }
  return { year, month, day };
}

/** Mean days of a Hijri month and year (tabular averages; only for a first guess, then checked day by day). */
const MONTH_DAYS = 29.530588;
const YEAR_DAYS = 354.36707;

/**
 * Days of `year` on which the Hijri date is `day` of `month` (one, sometimes two, a year). Each Hijri
 * year the Gregorian year touches is guessed from 1 January's Hijri date with mean month lengths, then
 * the guess is checked with Intl for a few days either side (about a dozen conversions an event, not
 * one per day of the year).
 */
function hijriStarts(year: number, month: number, day: number): number[] {
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31);
  const jan1 = hijri(first);
  const out: number[] = [];
  for (let h = jan1.year; h <= jan1.year + 1; h++) {
    const offset = (h - jan1.year) * YEAR_DAYS + (month - jan1.month) * MONTH_DAYS + (day - jan1.day);
    const guess = first + Math.round(offset) * DAY_MS;
    for (let k = -4; k <= 4; k++) {
      const t = guess + k * DAY_MS;
      if (t < first || t > last) continue;
      const d = hijri(t);
      if (d.year === h && d.month === month && d.day === day) {
        out.push(t);
        break;
      }
    }
  }
  return out;
}

/** The last day of the Hijri month that `ms` falls in. */
function hijriMonthEnd(ms: number): number {
  const { month } = hijri(ms);
  let t = ms;
  while (hijri(t + DAY_MS).month === month) t += DAY_MS;
  return t;
}

const window = (id: EventId, start: number, end: number, country: Country | null = null): EventWindow => ({ id, name: EVENT_NAMES[id], start: isoDay(start), end: isoDay(end), country });

/** The Friday after the fourth Thursday of November (Black Friday). */
function blackFriday(year: number): number {
  const nov1 = Date.UTC(year, 10, 1);
  const weekday = new Date(nov1).getUTCDay(); // 0 Sunday … 4 Thursday
  const firstThursday = 1 + ((4 - weekday + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 21 + 1);
}

/** Every built-in event that starts in the Gregorian `year`, in date order. */
export function builtInEvents(year: number): EventWindow[] {
  const out: EventWindow[] = [];
  for (const start of hijriStarts(year, 9, 1)) out.push(window('ramadan', start, hijriMonthEnd(start)));
  for (const start of hijriStarts(year, 10, 1)) out.push(window('eid-al-fitr', start, start + 2 * DAY_MS));
  for (const start of hijriStarts(year, 12, 10)) out.push(window('eid-al-adha', start, start + 3 * DAY_MS));
  const friday = blackFriday(year);
  out.push(
    window('saudi-founding-day', Date.UTC(year, 1, 22), Date.UTC(year, 1, 22), 'KSA'),
    window('back-to-school', Date.UTC(year, 7, 15), Date.UTC(year, 8, 7)),
    window('saudi-national-day', Date.UTC(year, 8, 23), Date.UTC(year, 8, 23), 'KSA'),
    window('singles-day', Date.UTC(year, 10, 11), Date.UTC(year, 10, 11)),
    window('white-friday', friday - 4 * DAY_MS, friday + 3 * DAY_MS),
    window('uae-national-day', Date.UTC(year, 11, 2), Date.UTC(year, 11, 3), 'UAE'),
  );
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The built-in events starting in the years `from` … `to` (inclusive). */
export function eventCalendar(from: number, to: number): EventWindow[] {
  const out: EventWindow[] = [];
  for (let y = from; y <= to; y++) out.push(...builtInEvents(y));
  return out;
}

/** Days of the event in each calendar month "YYYY-MM" it touches (an event across a month end counts in both). */
export function daysByMonth(e: Pick<EventWindow, 'start' | 'end'>): Map<string, number> {
  const out = new Map<string, number>();
  const last = dayMs(e.end);
  for (let t = dayMs(e.start); t <= last; t += DAY_MS) {
    const month = isoDay(t).slice(0, 7);
    out.set(month, (out.get(month) ?? 0) + 1);
  }
  return out;
}

/** Whether an event moves sales in a country (an event of both countries moves both). */
export const appliesTo = (e: Pick<EventWindow, 'country'>, country: Country): boolean => e.country === null || e.country === country;
