/**
 * Dates in report cells (docs/REPORTS.md, "Values"; shared.ts says what every reader returns): epoch
 * milliseconds UTC of the date-time as written (no time-zone conversion unless the text carries an
 * offset or a named zone). Slash/dot/dash dates are day first (DMY) unless the column says otherwise
 * (`decideDateOrder`); two-digit years are refused, never guessed. Excel serials use the 1900 date
 * system with Lotus's 1900-02-29 bug, as Excel does.
 */
import { type DateOrder, type RawCell, type ValueProblem } from '../types';
import { isBlankText, isDigit, normalize, problem, quote } from './shared';
import { DAY_MS, daysInMonth, MONTH_NAMES } from '../../calendar';

/** Largest Excel date serial: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;
/** 1899-12-30 in days since 1970-01-01: Excel serial 0 for serials ≥ 61 (after the fictional 1900-02-29). */
const EXCEL_EPOCH_DAYS = -25_569;


/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil"); exact for any year. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}


/** Checks the calendar and the clock, then gives epoch ms UTC; `offset` (minutes east of UTC) is subtracted. */
function dateValue(raw: string, y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offset: number, readAs: DateOrder | null): number | ValueProblem {
  if (mo < 1 || mo > 12) return problem('date.no-month', { text: quote(raw), n: mo, order: readAs });
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > 31) return problem('date.no-day', { text: quote(raw), n: d, order: readAs });
  if (d > dim) return problem('date.month-days', { text: quote(raw), month: mo, year: y, days: dim, order: readAs });
  if (h > 23) return problem('date.no-hour', { text: quote(raw), n: h });
  if (mi > 59) return problem('date.no-minute', { text: quote(raw), n: mi });
  if (sec > 59) return problem('date.no-second', { text: quote(raw), n: sec });
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms - offset * 60_000;
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** "YYYY-MM-DD", "YYYY-MM-DD HH:mm" and "YYYY-MM-DD HH:mm:ss" (space or T) without regex; undefined otherwise. */
function isoFast(s: string): number | ValueProblem | undefined {
  return isoFastAt(s, 0, s.length);
}

/** isoFast of s[start, end) without cutting it out (only a date that is not one is cut out, for its message). */
export function isoFastAt(s: string, start: number, end: number): number | ValueProblem | undefined {
  const n = end - start;
  const a = start;
  if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return undefined;
  const y1 = twoDigits(s, a);
  const y2 = twoDigits(s, a + 2);
  const mo = twoDigits(s, a + 5);
  const d = twoDigits(s, a + 8);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0) return undefined;
  const y = y1 * 100 + y2;
  let h = 0;
  let mi = 0;
  let sec = 0;
  if (n > 10) {
    const t = s.charCodeAt(a + 10);
    if ((t !== 32 && t !== 84) || s.charCodeAt(a + 13) !== 58) return undefined;
    h = twoDigits(s, a + 11);
    mi = twoDigits(s, a + 14);
    if (h < 0 || mi < 0) return undefined;
    if (n === 19) {
      sec = s.charCodeAt(a + 16) === 58 ? twoDigits(s, a + 17) : -1;
      if (sec < 0) return undefined;
    }
  }
  // The text is cut out only for a date that is not one (its message names it).
  const whole = start === 0 && end === s.length;
  const v = dateValue(whole ? s : '', y, mo, d, h, mi, sec, 0, 0, null);
  return whole || typeof v === 'number' ? v : dateValue(s.slice(start, end), y, mo, d, h, mi, sec, 0, 0, null);
}

/**
 * An Excel date serial (1900 date system) as epoch ms: serial 1 = 1900-01-01; Excel, copying Lotus 1-2-3,
 * counts a 1900-02-29 that never was (serial 60), so serials ≥ 61 are one day behind the plain count.
 * The fraction is the time of day, rounded to the millisecond.
 */
function fromSerial(serial: number, shown: string): number | ValueProblem {
  if (!(serial >= 1 && serial < EXCEL_MAX_SERIAL + 1)) {
    return problem('date.serial-range', { text: shown, max: EXCEL_MAX_SERIAL });
  }
  const day = Math.floor(serial);
  if (day === 60) return problem('date.serial-60', { text: shown });
  const days = day < 60 ? EXCEL_EPOCH_DAYS + 1 + day : EXCEL_EPOCH_DAYS + day;
  return days * DAY_MS + Math.round((serial - day) * DAY_MS);
}

const SERIAL_RE = /^\d+(?:\.\d+)?$/;
// A comma may stand between the date and the time (noon's "2026-06-17, 09:37:08").
const YEAR_FIRST_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|,?\s+)(.+))?$/i;
const DAY_OR_MONTH_FIRST_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)(?:(?:T|,?\s+)(.+))?$/i;
const MONTH_NAME_FIRST_RE = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)(?:,?\s+(.+))?$/i;
const DAY_FIRST_NAME_RE = /^(\d{1,2})(?:st|nd|rd|th)?([\s-])([a-z]{3,9})\.?,?\2(\d+)(?:,?\s+(.+))?$/i;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?m\.?)?\s*(.*)$/i;
const OFFSET_RE = /^(?:(?:utc|gmt)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Named zones Amazon reports use; any other name is refused rather than guessed. Minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = { Z: 0, UTC: 0, GMT: 0, PST: -480, PDT: -420 };

/** 1-12 for an English month name or its abbreviation ("Sep" and "Sept"), else 0. */
function monthNumber(name: string): number {
  const n = name.toLowerCase();
  if (n === 'sept') return 9;
  for (let i = 0; i < 12; i++) {
    const full = MONTH_NAMES[i].toLowerCase();
    if (n === full || n === full.slice(0, 3)) return i + 1;
  }
  return 0;
}

/**
 * Reads the time-and-zone part after a date ("23:29:16", "10:00:00 AM PST", "23:29:16+03:00") and
 * builds the value.
 */
function withTime(raw: string, y: number, mo: number, d: number, rest: string | undefined, readAs: DateOrder | null): number | ValueProblem {
  if (rest === undefined) return dateValue(raw, y, mo, d, 0, 0, 0, 0, 0, readAs);
  const t = TIME_RE.exec(rest);
  if (!t) return problem('date.invalid', { text: quote(raw) });
  let h = Number(t[1]);
  const mi = Number(t[2]);
  const sec = t[3] === undefined ? 0 : Number(t[3]);
  const ms = t[4] === undefined ? 0 : Math.round(Number('0.' + t[4]) * 1000);
  if (t[5] !== undefined) {
    if (h < 1 || h > 12) return problem('date.no-hour-12', { text: quote(raw), n: h, half: `${t[5].toUpperCase()}M` });
    const pm = t[5].toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  }
  const zone = t[6].trim();
  let offset = 0;
  if (zone !== '') {
    const o = OFFSET_RE.exec(zone);
    if (o) {
      const oh = Number(o[2]);
      const om = o[3] === undefined ? 0 : Number(o[3]);
      if (oh > 14 || om > 59) return problem('date.bad-offset', { text: quote(raw), zone });
      offset = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    } else if (/^[a-z]{1,5}$/i.test(zone)) {
      const known = ZONES[zone.toUpperCase()];
      if (known === undefined) return problem('date.unknown-zone', { text: quote(raw), zone });
      offset = known;
    } else return problem('date.invalid', { text: quote(raw) });
  }
  return dateValue(raw, y, mo, d, h, mi, sec, ms, offset, readAs);
}

function twoDigitYear(raw: string): ValueProblem {
  return problem('date.two-digit-year', { text: quote(raw) });
}

/** Reads date text that did not take the fast path. */
function dateFromText(raw: string, order: DateOrder): number | ValueProblem {
  const s = normalize(raw);
  if (SERIAL_RE.test(s)) return fromSerial(Number(s), quote(raw));
  let m = YEAR_FIRST_RE.exec(s);
  if (m) return withTime(raw, Number(m[1]), Number(m[3]), Number(m[4]), m[5], null);
  m = DAY_OR_MONTH_FIRST_RE.exec(s);
  if (m) {
    if (m[4].length === 2) return twoDigitYear(raw);
    if (m[4].length !== 4) return problem('date.invalid', { text: quote(raw) });
    const a = Number(m[1]);
    const b = Number(m[3]);
    return order === 'DMY' ? withTime(raw, Number(m[4]), b, a, m[5], order) : withTime(raw, Number(m[4]), a, b, m[5], order);
  }
  let month = 0;
  let day = 0;
  let year = '';
  let rest: string | undefined;
  m = MONTH_NAME_FIRST_RE.exec(s);
  if (m) {
    month = monthNumber(m[1]);
    day = Number(m[2]);
    year = m[3];
    rest = m[4];
  } else {
    m = DAY_FIRST_NAME_RE.exec(s);
    if (m) {
      month = monthNumber(m[3]);
      day = Number(m[1]);
      year = m[4];
      rest = m[5];
    }
  }
  if (month === 0) return problem('date.invalid', { text: quote(raw) });
  if (year.length === 2) return twoDigitYear(raw);
  if (year.length !== 4) return problem('date.invalid', { text: quote(raw) });
  return withTime(raw, Number(year), month, day, rest, null);
}

/**
 * Reads a date (and time) as epoch milliseconds UTC of the date-time as written; a written offset
 * ("+03:00", "-07:00") or zone (UTC, GMT, PST, PDT) is applied, nothing else is converted.
 * Read forms: ISO ("2026-05-19", "2026-05-19T23:29:16Z", "2026-05-19 23:29:16", noon's "2026-06-17, 09:37:08 UTC"), "19/05/2026" and its
 * "." / "-" variants in the column's `order` (default DMY, as noon and KSA/UAE write dates), English
 * month names ("May 19, 2026", "19 May 2026", "19-May-2026", "Jan 15, 2024 10:00:00 AM PST"), Excel
 * serial numbers (as numbers or numeric text; 45000 = 2023-03-15), JS Dates, Arabic-Indic digits.
 * Impossible dates ("31/02/2026") and two-digit years are problems, never guessed.
 * `order` may be a function giving it, called only for a value written with day and month (the reader
 * decides a column's order from all its values, and only once a cell needs it).
 *
 * @example parseDate('2026-05-19 23:29:16') // Date.UTC(2026, 4, 19, 23, 29, 16)
 * @example parseDate('05/19/2026', 'MDY')   // Date.UTC(2026, 4, 19)
 */
export function parseDate(cell: RawCell, order: DateOrder | (() => DateOrder) = 'DMY'): number | null | ValueProblem {
  if (typeof cell === 'string') {
    const s = cell.length === 10 || cell.length === 16 || cell.length === 19 ? cell : cell.trim();
    const fast = isoFast(s);
    if (fast !== undefined) return fast;
    if (isBlankText(s)) return null;
    return dateFromText(s.trim(), typeof order === 'function' ? order() : order);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return problem('date.infinite', { got: String(cell) });
    return fromSerial(cell, String(cell));
  }
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return problem('date.boolean', { got: cell ? 'TRUE' : 'FALSE' });
  const t = cell.getTime();
  return Number.isNaN(t) ? problem('date.invalid-date', {}) : t;
}

// ---------------------------------------------------------------------------------------------------
// Day/month order of a column
// ---------------------------------------------------------------------------------------------------

/** How many values of a column can only be day-first, and how many only month-first. */
export interface DateOrderEvidence {
  readonly dayFirst: number;
  readonly monthFirst: number;
}

const A_B_YEAR_RE = /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}(?:$|[\sT])/;

/**
 * Counts the "a/b/yyyy" values (also "." or "-" separated, Arabic-Indic digits allowed) that decide the
 * order: a > 12 (and b ≤ 12) can only be day first, b > 12 (and a ≤ 12) only month first. A value
 * with both parts > 12 is no date in either order and counts for neither (parseDate reports it).
 */
export function dateOrderEvidence(cells: Iterable<RawCell>): DateOrderEvidence {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    // Four ASCII digits first (a year first: "2025-10-30 23:59:51") can never be "a/b/yyyy": no need to normalize.
    if (isDigit(cell.charCodeAt(0)) && isDigit(cell.charCodeAt(1)) && isDigit(cell.charCodeAt(2)) && isDigit(cell.charCodeAt(3))) continue;
    const m = A_B_YEAR_RE.exec(normalize(cell.trim()));
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a <= 12) monthFirst++;
  }
  return { dayFirst, monthFirst };
}

/**
 * Decides the day/month order of a column from all its values, never per cell (docs/REPORTS.md "Values"):
 * 'DMY' when some value has a first part > 12, 'MDY' when some value has a second part > 12.
 * null when the column has both (inconsistent: use `dateOrderEvidence` to tell) or neither (ambiguous).
 * On null, callers read the column day first ('DMY'), which is what noon and KSA/UAE sellers write.
 */
export function decideDateOrder(cells: Iterable<RawCell>): DateOrder | null {
  const { dayFirst, monthFirst } = dateOrderEvidence(cells);
  if (dayFirst > 0 && monthFirst === 0) return 'DMY';
  if (monthFirst > 0 && dayFirst === 0) return 'MDY';
  return null;
}
