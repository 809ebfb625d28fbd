/**
 * The Lumive Events sheet (issue "GCC events in the forecast"): a hidden sheet listing the events the
 * forecasts use, with their dates, and what the seller said about them. Analyze writes it on every run
 * and reads it back first, so:
 * - **Switching an event off**: On = No on its row. That occurrence moves no forecast, and its days in
 *   the history are not treated as event days. An event whose every listed row is off stays off in the
 *   years the next runs add (a seller who says "White Friday does nothing for me" says it once).
 * - **Moving a built-in event**: a built-in row's Start and End may be changed (a Ramadan begun a day
 *   later where the seller sells than Umm al-Qura says); the row is matched to the computed occurrence
 *   of that event starting within MATCH_DAYS of it.
 * - **The seller's own events** (a launch, a deal, Prime Day): any row whose Source is not "Built-in".
 *   Event and Start are needed; End defaults to Start, Country to both, On to Yes. Uplift is the extra
 *   share of sales on its days used for a SKU whose history does not show the event (blank: 0); rows of
 *   the same name are one event, learned from the history like the built-in ones.
 * Every row read is used or listed in Data Issues with its row and column, never dropped in silence.
 */
import { DAY_MS, dayMs, isoDay } from '../calendar';
import { builtInEvents, EVENT_NAMES, type EventId, type EventWindow } from '../forecast/events';
import { NO_CHOICES, type BuiltInChoice, type EventChoices, type ListedEvent, type SellerEvent } from '../forecast/event-choices';
import { parseDate } from '../ingest/values/dates';
import { parseNumber } from '../ingest/values/numbers';
import { parseText } from '../ingest/values/text';
import { issueAt, isValueProblem, type ImportIssue, type RawCell, type RawGrid, type ValueProblem } from '../ingest/types';
import { problemOf, type Problem } from '../problems';
import type { Country } from '../model';
import { TABLE_NAMES } from './names';
import type { SheetSpec } from './spec';
import { FORMAT, tableSheet } from './table';
import { UPLIFT_SETTING } from '../analysis/position-events';

/** A built-in row matches the computed occurrence of its event that starts within this many days of it. */
export const MATCH_DAYS = 10;
/** The longest event of the seller's own (a year: longer is a typing slip, not an event). */
const MAX_EVENT_DAYS = 366;
/** Uplifts above this (1000%) are a percent typed as a number ("50" for 50%). */
const MAX_UPLIFT = 10;

export const BUILT_IN = 'Built-in';
export const YOURS = 'Yours';

const HEADER = ['Event', 'Country', 'Start', 'End', 'Days', 'On', 'Uplift', 'Source', 'Note'] as const;
const COUNTRY_TEXT = { KSA: 'KSA', UAE: 'UAE', both: 'Both' } as const;
const BY_NAME = new Map((Object.keys(EVENT_NAMES) as EventId[]).map((id) => [EVENT_NAMES[id].toLowerCase(), id]));

const YES = new Set(['yes', 'y', 'on', 'true', '1', 'نعم']);
const NO = new Set(['no', 'n', 'off', 'false', '0', 'لا']);

/** A cell of the sheet that could not be read, and why. */
interface Unread {
  readonly problem: Problem;
}

const unread = (problem: Problem): Unread => ({ problem });

const isUnread = (x: unknown): x is Unread => typeof x === 'object' && x !== null && 'problem' in x;

/** What a value reader (values/) found wrong in a cell: its problem, as the reader gave it. */
const fromReader = (v: ValueProblem): Unread => unread(v.problem);

function parseOn(cell: RawCell): boolean | null | Unread {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : unread(problemOf('events.not-yes-no', { value: cell }));
  const text = String(cell).trim().toLowerCase();
  if (text === '') return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return unread(problemOf('events.not-yes-no', { value: String(cell).trim() }));
}

function parseCountry(cell: RawCell): Country | null | undefined | Unread {
  const text = parseText(cell)?.trim().toUpperCase() ?? '';
  if (text === '' || text === 'BOTH' || text === 'ALL' || text === 'KSA, UAE' || text === 'KSA,UAE') return text === '' ? undefined : null;
  if (text === 'KSA' || text === 'SA' || text === 'SAUDI ARABIA') return 'KSA';
  if (text === 'UAE' || text === 'AE' || text === 'UNITED ARAB EMIRATES') return 'UAE';
  return unread(problemOf('events.not-a-country', { value: String(cell).trim() }));
}

/** A cell as Data Issues shows it: a date as its day ("2027-05-01"), not the host's long date text. */
const shown = (cell: RawCell): string | null => (cell === null || cell === undefined ? null : cell instanceof Date && !Number.isNaN(cell.getTime()) ? isoDay(cell.getTime()) : String(cell));

/** The day of a date cell, "YYYY-MM-DD" (any time of day dropped). */
function parseDay(cell: RawCell): string | null | Unread {
  const ms = parseDate(cell);
  if (ms === null) return null;
  if (isValueProblem(ms)) return fromReader(ms);
  return isoDay(Math.floor(ms / DAY_MS) * DAY_MS);
}

/** An uplift cell: a share, null for blank. */
function parseUplift(cell: RawCell): number | null | Unread {
  const x = parseNumber(cell);
  return isValueProblem(x) ? fromReader(x) : x;
}

/** The computed occurrence of `id` starting nearest to `start` (within MATCH_DAYS), or null. */
function nearestOccurrence(id: EventId, start: string): EventWindow | null {
  const year = Number(start.slice(0, 4));
  const t = dayMs(start);
  let best: EventWindow | null = null;
  for (let y = year - 1; y <= year + 1; y++) {
    for (const w of builtInEvents(y)) {
      if (w.id !== id) continue;
      const gap = Math.abs(dayMs(w.start) - t) / DAY_MS;
      if (gap <= MATCH_DAYS && (!best || gap < Math.abs(dayMs(best.start) - t) / DAY_MS)) best = w;
    }
  }
  return best;
}

/**
 * Reads the sheet: the header row (the first with Event and Start), then one row per event. Empty
 * rows are skipped; every other row is used or reported.
 */
export function readEventsSheet(grid: RawGrid, sheetName: string): { choices: EventChoices; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let headerRow = -1;
  let col: Record<(typeof HEADER)[number], number> | null = null;
  for (let r = 0; r < Math.min(10, grid.length) && headerRow < 0; r++) {
    const names = (grid[r] ?? []).map((c) => String(c ?? '').trim().toLowerCase());
    if (names.includes('event') && names.includes('start')) {
      headerRow = r;
      col = Object.fromEntries(HEADER.map((h) => [h, names.indexOf(h.toLowerCase())])) as Record<(typeof HEADER)[number], number>;
    }
  }
  if (headerRow < 0 || !col) {
    issues.push(issueAt({ source: sheetName, row: null, column: null, value: null }, problemOf('events.no-header', {}), true));
    return { choices: NO_CHOICES, issues };
  }
  const c = col;
  const at = (row: readonly RawCell[], name: (typeof HEADER)[number]): RawCell => (c[name] >= 0 ? row[c[name]] ?? null : null);
  const builtIn = new Map<string, BuiltInChoice & { row: number }>();
  const own: SellerEvent[] = [];
  const ownKeys = new Map<string, number>();
  const ownUplift = new Map<string, { uplift: number; row: number }>();
  const ownNames = new Map<string, string>();
  const rowsById = new Map<EventId, { on: number; off: number }>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const rowNo = r + 1;
    const name = parseText(at(row, 'Event'))?.trim() ?? '';
    const startCell = at(row, 'Start');
    const blank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    if (name === '' && blank(startCell) && blank(at(row, 'End')) && blank(at(row, 'Uplift'))) continue;
    const report = (column: string | null, value: RawCell, problem: Problem, dropped = true) => issues.push(issueAt({ source: sheetName, row: rowNo, column, value: shown(value) }, problem, dropped));
    if (name === '') {
      report('Event', null, problemOf('events.no-name', {}));
      continue;
    }
    const start = parseDay(startCell);
    if (start === null || isUnread(start)) {
      report('Start', startCell, start === null ? problemOf('events.no-start', { name }) : problemOf('events.row-ignored', { problem: start.problem, name }));
      continue;
    }
    const endCell = at(row, 'End');
    const endRead = parseDay(endCell);
    if (isUnread(endRead)) {
      report('End', endCell, problemOf('events.row-ignored', { problem: endRead.problem, name }));
      continue;
    }
    const end = endRead ?? start;
    if (end < start) {
      report('End', endCell, problemOf('events.ends-before-start', { name, start, end }));
      continue;
    }
    if ((dayMs(end) - dayMs(start)) / DAY_MS + 1 > MAX_EVENT_DAYS) {
      report('End', endCell, problemOf('events.too-long', { name, days: (dayMs(end) - dayMs(start)) / DAY_MS + 1 }));
      continue;
    }
    const onCell = at(row, 'On');
    let on = parseOn(onCell);
    if (isUnread(on)) {
      report('On', onCell, problemOf('events.kept-on', { problem: on.problem, name }), false);
      on = true;
    }
    const source = parseText(at(row, 'Source'))?.trim().toLowerCase() ?? '';
    const id = BY_NAME.get(name.toLowerCase());
    if (source === BUILT_IN.toLowerCase() && id) {
      const upliftCell = at(row, 'Uplift');
      if (!blank(upliftCell)) report('Uplift', upliftCell, problemOf('events.built-in-uplift', { name }), false);
      const occurrence = nearestOccurrence(id, start);
      if (!occurrence) {
        report('Start', startCell, problemOf('events.built-in-not-matched', { name, days: MATCH_DAYS, start, yours: YOURS }));
        continue;
      }
      const key = `${id}\u0000${occurrence.start}`;
      const first = builtIn.get(key);
      if (first) {
        report('Start', startCell, problemOf('events.built-in-duplicate', { name, year: occurrence.start.slice(0, 4), row: first.row }));
        continue;
      }
      const choice = { id, computedStart: occurrence.start, start, end, on: on ?? true, row: rowNo };
      builtIn.set(key, choice);
      const count = rowsById.get(id) ?? { on: 0, off: 0 };
      if (choice.on) count.on++;
      else count.off++;
      rowsById.set(id, count);
      continue;
    }
    if (source === BUILT_IN.toLowerCase()) {
      report('Source', at(row, 'Source'), problemOf('events.not-built-in', { name }), false);
    }
    const countryCell = at(row, 'Country');
    let country = parseCountry(countryCell);
    if (isUnread(country)) {
      report('Country', countryCell, problemOf('events.row-ignored', { problem: country.problem, name }));
      continue;
    }
    country = country ?? null;
    const upliftCell = at(row, 'Uplift');
    const parsed = blank(upliftCell) ? null : parseUplift(upliftCell);
    let uplift: number | null = null;
    if (isUnread(parsed)) report('Uplift', upliftCell, problemOf('events.uplift-unreadable', { problem: parsed.problem, name }), false);
    else if (parsed !== null && (parsed < 0 || parsed > MAX_UPLIFT)) {
      report('Uplift', upliftCell, problemOf('events.uplift-out-of-range', { name, uplift: parsed, max: MAX_UPLIFT }), false);
    } else uplift = parsed;
    const sameKey = `${name.toLowerCase()}\u0000${start}`;
    const dup = ownKeys.get(sameKey);
    if (dup !== undefined) {
      report('Start', startCell, problemOf('events.duplicate', { name, start, row: dup }));
      continue;
    }
    ownKeys.set(sameKey, rowNo);
    // Rows of one name are one event: one uplift (the first given).
    if (uplift !== null) {
      const known = ownUplift.get(name.toLowerCase());
      if (known && known.uplift !== uplift) {
        report('Uplift', upliftCell, problemOf('events.uplift-conflict', { name, uplift: known.uplift, row: known.row }), false);
        uplift = known.uplift;
      } else if (!known) ownUplift.set(name.toLowerCase(), { uplift, row: rowNo });
    }
    // One spelling per event: the first row's ("prime day" on a later row is the same event).
    const spelled = ownNames.get(name.toLowerCase()) ?? name;
    ownNames.set(name.toLowerCase(), spelled);
    own.push({ name: spelled, country, start, end, on: on ?? true, uplift });
  }
  // Rows of one name without an uplift take the one given on another row.
  const withUplift = own.map((e) => (e.uplift === null && ownUplift.has(e.name.toLowerCase()) ? { ...e, uplift: ownUplift.get(e.name.toLowerCase())!.uplift } : e));
  const offAlways = [...rowsById].filter(([, n]) => n.on === 0 && n.off > 0).map(([id]) => id);
  return { choices: { builtIn: [...builtIn.values()].map(({ row: _row, ...c }) => c), own: withUplift, offAlways }, issues };
}

const days = (w: EventWindow): number => (dayMs(w.end) - dayMs(w.start)) / DAY_MS + 1;

function note(e: ListedEvent): string {
  if (e.window.id === 'user') return 'Uplift: learned from each SKU’s history when it shows the event, else this row’s Uplift';
  const where = e.window.id === 'ramadan' || e.window.id === 'eid-al-fitr' || e.window.id === 'eid-al-adha' ? 'Umm al-Qura calendar' : 'Date rule';
  const moved = e.movedFrom ? `; moved from ${e.movedFrom}` : '';
  return `${where}${moved}; uplift learned from each SKU’s history, else ${UPLIFT_SETTING[e.window.id]} on Lumive Settings`;
}

/** The sheet: the events listed (built-in and the seller's), a hidden sheet the seller may unhide and edit. */
export function eventsSheet(name: string, events: readonly ListedEvent[]): SheetSpec {
  const off = events.filter((e) => !e.on).length;
  const yours = events.filter((e) => e.window.id === 'user').length;
  const years = events.length > 0 ? `${events[0].window.start.slice(0, 4)}–${events[events.length - 1].window.start.slice(0, 4)}` : '';
  return tableSheet<ListedEvent>({
    name,
    tableName: TABLE_NAMES.events,
    title: `Lumive events: ${events.length} events ${years} (${off} switched off, ${yours} of yours). Set On to No to leave one out; add your own below with Source ${YOURS}; Analyze reads this sheet on every run`,
    role: 'settings',
    visibility: 'hidden',
    freezeColumns: 1,
    rows: events,
    columns: [
      { header: HEADER[0], value: (e) => e.window.name, width: 24 },
      { header: HEADER[1], value: (e) => (e.window.country === null ? COUNTRY_TEXT.both : COUNTRY_TEXT[e.window.country]), width: 9, list: ['Both', 'KSA', 'UAE'] },
      { header: HEADER[2], value: (e) => e.window.start, width: 12, format: FORMAT.text },
      { header: HEADER[3], value: (e) => e.window.end, width: 12, format: FORMAT.text },
      { header: HEADER[4], value: (e) => days(e.window), width: 6 },
      { header: HEADER[5], value: (e) => (e.on ? 'Yes' : 'No'), width: 6, list: ['Yes', 'No'] },
      { header: HEADER[6], value: (e) => e.uplift, width: 8, format: '0%' },
      { header: HEADER[7], value: (e) => (e.window.id === 'user' ? YOURS : BUILT_IN), width: 10, list: [BUILT_IN, YOURS] },
      { header: HEADER[8], value: note, width: 70 },
    ],
  });
}
