/**
 * Days and months, in UTC: the one place for the length of a day, a day written "YYYY-MM-DD" and the
 * length of a month. Every date the engine keeps is a UTC day, so no time zone moves one.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The months' English names, January first (as reports write them, and as messages say them). */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "YYYY-MM-DD" of a moment (ms since 1970, UTC); a year outside 0–9999 as ISO 8601's ±YYYYYY. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The first moment (ms, UTC midnight) of the day "YYYY-MM-DD". */
export const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Days in month `m` (1–12) of year `y`, Gregorian. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days in the month "YYYY-MM" (28 to 31). */
export const monthDays = (month: string): number => daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
