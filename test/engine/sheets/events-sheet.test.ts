/**
 * The Lumive Events sheet (issue 22): written with the computed calendar, read back with what the seller
 * changed. Dates of the built-in events: events.test.ts (Umm al-Qura: 1 Ramadan 1448 = 8 February 2027,
 * 29 days to 8 March; White Friday 2026 = 23–30 November, 2027 = 22–29 November).
 */
import { countryEvents, settingPriors } from '../../../src/engine/analysis/position-events';
import { listEvents, NO_CHOICES } from '../../../src/engine/forecast/event-choices';
import { eventCalendar } from '../../../src/engine/forecast/events';
import type { RawCell, RawGrid } from '../../../src/engine/ingest/types';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { eventsSheet, readEventsSheet } from '../../../src/engine/sheets/events-sheet';

const NAME = 'Lumive Events';
/** The sheet as Analyze writes it for 2026–2027, as a grid a workbook gives back. */
const written = (): RawCell[][] => eventsSheet(NAME, listEvents(eventCalendar(2026, 2027))).rows.map((r) => [...r] as RawCell[]);
const HEADER_ROW = 1;
const col = (grid: RawGrid, header: string) => grid[HEADER_ROW].indexOf(header);
/** The index of the row of `name` starting in `year`. */
function rowOf(grid: RawCell[][], name: string, year: string): number {
  const r = grid.findIndex((row, i) => i > HEADER_ROW && row[0] === name && String(row[col(grid, 'Start')]).startsWith(year));
  if (r < 0) throw new Error(`no ${name} ${year}`);
  return r;
}
const read = (grid: RawGrid) => readEventsSheet(grid, NAME);
const starts = (windows: readonly { name: string; start: string }[], name: string) => windows.filter((w) => w.name === name).map((w) => w.start);

describe('the sheet as written', () => {
  const grid = written();
  test('a hidden sheet, title then the header, one row per built-in event of 2026–2027 in date order', () => {
    const spec = eventsSheet(NAME, listEvents(eventCalendar(2026, 2027)));
    expect(spec.visibility).toBe('hidden');
    expect(grid[0][0]).toMatch(/^Lumive events: 18 events 2026–2027 \(0 switched off, 0 of yours\)/);
    expect(grid[HEADER_ROW]).toEqual(['Event', 'Country', 'Start', 'End', 'Days', 'On', 'Uplift', 'Source', 'Note']);
    // 9 built-in events a year (Ramadan, the two Eids, Founding Day, back to school, both national days, 11.11, White Friday).
    expect(grid.length - 2).toBe(18);
    expect(grid[rowOf(grid, 'Ramadan', '2027')]).toEqual(['Ramadan', 'Both', '2027-02-08', '2027-03-08', 29, 'Yes', null, 'Built-in', expect.stringContaining('Umm al-Qura calendar')]);
    expect(grid[rowOf(grid, 'Saudi National Day', '2026')].slice(0, 2)).toEqual(['Saudi National Day', 'KSA']);
    const dates = grid.slice(2).map((r) => String(r[2]));
    expect(dates).toEqual([...dates].sort());
  });

  test('read back unchanged, it changes nothing: every row used, no issue', () => {
    const { choices, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(choices.own).toEqual([]);
    expect(choices.offAlways).toEqual([]);
    expect(choices.builtIn).toHaveLength(18);
    expect(listEvents(eventCalendar(2026, 2027), choices)).toEqual(listEvents(eventCalendar(2026, 2027), NO_CHOICES));
  });
});

describe('switching events off', () => {
  test('Ramadan 2027 off: gone from the KSA calendar, Ramadan 2026 kept, the row written back as No', () => {
    const grid = written();
    grid[rowOf(grid, 'Ramadan', '2027')][col(grid, 'On')] = 'No';
    const { choices, issues } = read(grid);
    expect(issues).toEqual([]);
    const cal = countryEvents('KSA', 2026, 2027, choices);
    expect(starts(cal.windows, 'Ramadan')).toEqual(['2026-02-18']);
    // Its days are no event days any more: February 2027 has only Founding Day (22 February).
    expect([...(cal.days.get('2027-02') ?? new Map())]).toEqual([['saudi-founding-day', 1]]);
    const again = eventsSheet(NAME, listEvents(eventCalendar(2026, 2027), choices)).rows;
    expect(again[0][0]).toMatch(/\(1 switched off, 0 of yours\)/);
    expect(again[rowOf(again as RawCell[][], 'Ramadan', '2027')][5]).toBe('No');
  });

  test('every White Friday row off: White Friday is off in the years later runs add too', () => {
    const grid = written();
    for (const year of ['2026', '2027']) grid[rowOf(grid, 'White Friday', year)][col(grid, 'On')] = 'no';
    const { choices } = read(grid);
    expect(choices.offAlways).toEqual(['white-friday']);
    expect(starts(countryEvents('UAE', 2026, 2029, choices).windows, 'White Friday')).toEqual([]);
    // One row of two off: only that year.
    const one = written();
    one[rowOf(one, 'White Friday', '2026')][col(one, 'On')] = 'No';
    expect(starts(countryEvents('UAE', 2026, 2028, read(one).choices).windows, 'White Friday')).toEqual(['2027-11-22', '2028-11-20']);
  });

  test('On read as Yes/No, TRUE/FALSE, 1/0 and نعم/لا; anything else is reported and the event kept on', () => {
    const grid = written();
    const r = rowOf(grid, 'Eid al-Adha', '2026');
    for (const [cell, on] of [[false, false], [0, false], ['لا', false], ['FALSE', false], [true, true], ['نعم', true], [null, true]] as const) {
      grid[r][col(grid, 'On')] = cell;
      expect(read(grid).choices.builtIn.find((c) => c.id === 'eid-al-adha' && c.start.startsWith('2026'))?.on).toBe(on);
    }
    grid[r][col(grid, 'On')] = 'maybe';
    const { choices, issues } = read(grid);
    expect(choices.builtIn.find((c) => c.id === 'eid-al-adha' && c.start.startsWith('2026'))?.on).toBe(true);
    expect(issues).toEqual([
      {
        source: NAME,
        row: r + 1,
        column: 'On',
        value: 'maybe',
        code: 'events.kept-on',
        args: { problem: { code: 'events.not-yes-no', args: { value: 'maybe' } }, name: 'Eid al-Adha' },
        severity: 'warning',
        reason: '"maybe" is not Yes or No: "Eid al-Adha" kept on',
        dropped: false,
      },
    ]);
  });
});

describe('moving a built-in event', () => {
  test('Ramadan 2027 a day later where the seller sells: used at the seller’s dates, noted as moved', () => {
    const grid = written();
    const r = rowOf(grid, 'Ramadan', '2027');
    grid[r][col(grid, 'Start')] = '2027-02-09';
    grid[r][col(grid, 'End')] = '2027-03-09';
    const { choices, issues } = read(grid);
    expect(issues).toEqual([]);
    const cal = countryEvents('KSA', 2026, 2027, choices);
    expect(cal.windows.find((w) => w.name === 'Ramadan' && w.start >= '2027')).toMatchObject({ start: '2027-02-09', end: '2027-03-09' });
    // 20 Ramadan days in February (9–28), 9 in March (1–9).
    expect(cal.days.get('2027-02')?.get('ramadan')).toBe(20);
    expect(cal.days.get('2027-03')?.get('ramadan')).toBe(9);
    const again = eventsSheet(NAME, listEvents(eventCalendar(2026, 2027), choices)).rows as RawCell[][];
    expect(again[rowOf(again, 'Ramadan', '2027')][8]).toMatch(/moved from 2027-02-08/);
    // Read again, the moved row still matches its occurrence (its computed start stays the key).
    expect(read(again).choices.builtIn.find((c) => c.id === 'ramadan' && c.start.startsWith('2027'))).toMatchObject({ computedStart: '2027-02-08', start: '2027-02-09' });
  });

  test('a date no occurrence of the event starts near is reported, the row not used', () => {
    const grid = written();
    const r = rowOf(grid, 'Ramadan', '2027');
    grid[r][col(grid, 'Start')] = '2027-06-01';
    grid[r][col(grid, 'End')] = '2027-06-20';
    const { choices, issues } = read(grid);
    expect(choices.builtIn).toHaveLength(17);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ source: NAME, row: r + 1, column: 'Start', value: '2027-06-01', dropped: true });
    expect(issues[0].code).toBe('events.built-in-not-matched');
    expect(issues[0].reason).toMatch(/^Ramadan does not start within 10 days of 2027-06-01/);
    // Not listed as chosen: the computed Ramadan 2027 is back, on, at its own dates.
    expect(starts(countryEvents('KSA', 2027, 2027, choices).windows, 'Ramadan')).toEqual(['2027-02-08']);
  });
});

describe('the seller’s own events', () => {
  const withRows = (...rows: RawCell[][]): RawCell[][] => [...written(), ...rows];

  test('a launch in KSA: in the KSA calendar (not the UAE’s) with its uplift as the prior', () => {
    const grid = withRows(['Launch promo', 'KSA', '2027-01-10', '2027-01-19', null, 'Yes', 1, 'Yours']);
    const { choices, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(choices.own).toEqual([{ name: 'Launch promo', country: 'KSA', start: '2027-01-10', end: '2027-01-19', on: true, uplift: 1 }]);
    const ksa = countryEvents('KSA', 2026, 2027, choices);
    expect(ksa.windows.find((w) => w.id === 'user')).toEqual({ id: 'user', name: 'Launch promo', start: '2027-01-10', end: '2027-01-19', country: 'KSA' });
    expect(ksa.days.get('2027-01')?.get('user:Launch promo')).toBe(10);
    expect(settingPriors(ksa.windows, DEFAULT_SETTINGS, choices).get('user:Launch promo')).toBe(1);
    expect(countryEvents('UAE', 2026, 2027, choices).windows.some((w) => w.id === 'user')).toBe(false);
    const again = eventsSheet(NAME, listEvents(eventCalendar(2026, 2027), choices)).rows as RawCell[][];
    expect(again[0][0]).toMatch(/19 events 2026–2027 \(0 switched off, 1 of yours\)/);
    expect(again[rowOf(again, 'Launch promo', '2027')].slice(0, 8)).toEqual(['Launch promo', 'KSA', '2027-01-10', '2027-01-19', 10, 'Yes', 1, 'Yours']);
  });

  test('defaults: no End is one day, no Country both, no On on, no Source yours, "50%" as text is 0.5; dates as Excel serials and day-first text', () => {
    const grid = withRows(['Summer deal', null, 46935, null, null, null, '50%', null], ['Eid gifts', '', '12/03/2027', '14/03/2027', null, 'No', null, '']);
    const { choices, issues } = read(grid);
    expect(issues).toEqual([]);
    // Serial 46935 = 2028-07-01: 45000 = 2023-03-15 (values.test.ts), + 1,935 days = 1,827 to 2028-03-15 (5 × 365 + 2 leap days) + 108 to 1 July.
    expect(choices.own).toEqual([
      { name: 'Summer deal', country: null, start: '2028-07-01', end: '2028-07-01', on: true, uplift: 0.5 },
      { name: 'Eid gifts', country: null, start: '2027-03-12', end: '2027-03-14', on: false, uplift: null },
    ]);
    // Switched off: in no calendar; blank uplift: a prior of 0.
    expect(countryEvents('KSA', 2027, 2028, choices).windows.filter((w) => w.id === 'user').map((w) => w.name)).toEqual(['Summer deal']);
  });

  test('rows of one name are one event: one spelling, one uplift (the first), each year its own dates', () => {
    const grid = withRows(['Prime Day', 'Both', '2026-07-08', '2026-07-09', null, 'Yes', 0.4, 'Yours'], ['prime day', 'Both', '2027-07-07', '2027-07-08', null, 'Yes', 0.6, 'Yours'], ['Prime Day', 'Both', '2027-07-07', '2027-07-08', null, 'Yes', null, 'Yours']);
    const { choices, issues } = read(grid);
    const n = grid.length;
    expect(choices.own.map((e) => [e.name, e.start, e.uplift])).toEqual([
      ['Prime Day', '2026-07-08', 0.4],
      ['Prime Day', '2027-07-07', 0.4],
    ]);
    expect(issues.map((i) => [i.row, i.column, i.dropped])).toEqual([
      [n - 1, 'Uplift', false],
      [n, 'Start', true],
    ]);
    expect(issues.map((i) => i.code)).toEqual(['events.uplift-conflict', 'events.duplicate']);
    expect(issues[0].reason).toBe('"prime day" already has the uplift 40% on row ' + (n - 2) + ': that one is used');
    expect(issues[1].reason).toBe(`"Prime Day" starting 2027-07-07 is already on row ${n - 1}: row ignored`);
  });

  test('bad rows are reported with their row and column, and every row is accounted for', () => {
    const grid = withRows(
      [null, 'KSA', '2027-01-01', null, null, 'Yes', null, 'Yours'], // no name
      ['No start', 'KSA', null, null, null, 'Yes', null, 'Yours'],
      ['Backwards', 'KSA', '2027-05-10', '2027-05-01', null, 'Yes', null, 'Yours'],
      ['Bad date', 'KSA', '31/02/2027', null, null, 'Yes', null, 'Yours'],
      ['Too long', 'KSA', '2027-01-01', '2028-06-01', null, 'Yes', null, 'Yours'],
      ['Qatar sale', 'Qatar', '2027-01-01', null, null, 'Yes', null, 'Yours'],
      ['Fifty', 'UAE', '2027-04-01', null, null, 'Yes', 50, 'Yours'], // 50 meant 50%: used with no uplift
      ['White Friday', 'Both', '2027-12-20', null, null, 'Yes', null, 'Yours'], // a seller's event of a built-in's name
      ['My launch', 'Both', '2027-02-01', null, null, 'Yes', null, 'Built-in'], // not a built-in name: the seller's
      [null, null, null, null, null, null, null, null],
    );
    const first = grid.length - 10;
    const { choices, issues } = read(grid);
    const at = (k: number) => first + k + 1;
    expect(issues.map((i) => [i.row, i.column, i.dropped])).toEqual([
      [at(0), 'Event', true],
      [at(1), 'Start', true],
      [at(2), 'End', true],
      [at(3), 'Start', true],
      [at(4), 'End', true],
      [at(5), 'Country', true],
      [at(6), 'Uplift', false],
      [at(8), 'Source', false],
    ]);
    expect(issues.map((i) => i.code)).toEqual([
      'events.no-name',
      'events.no-start',
      'events.ends-before-start',
      'events.row-ignored',
      'events.too-long',
      'events.row-ignored',
      'events.uplift-out-of-range',
      'events.not-built-in',
    ]);
    expect(issues[3].args?.problem).toMatchObject({ code: 'date.month-days' });
    expect(issues[5].args?.problem).toEqual({ code: 'events.not-a-country', args: { value: 'Qatar' } });
    expect(issues.map((i) => i.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'warning', 'warning']);
    expect(issues[0].reason).toBe('An event needs a name: row ignored');
    expect(issues[1].reason).toBe('"No start" has no start date: row ignored');
    expect(issues[2].reason).toBe('"Backwards" ends (2027-05-01) before it starts (2027-05-10): row ignored');
    expect(issues[3].reason).toMatch(/31\/02\/2027.*"Bad date" ignored/);
    expect(issues[4].reason).toBe('"Too long" runs 518 days, longer than a year: row ignored');
    expect(issues[5].reason).toBe('"Qatar" is not KSA, UAE or Both: "Qatar sale" ignored');
    expect(issues[6].reason).toBe('An uplift must be between 0% and 1000% (for 50%, type 50%): no uplift assumed for "Fifty" without history');
    // Rows read (non-empty) = rows used + rows reported as dropped.
    const nonEmpty = grid.slice(HEADER_ROW + 1).filter((r) => r.some((c) => c !== null && c !== ''));
    const used = choices.builtIn.length + choices.own.length;
    expect(used + issues.filter((i) => i.dropped).length).toBe(nonEmpty.length);
    expect(choices.own.map((e) => e.name)).toEqual(['Fifty', 'White Friday', 'My launch']);
  });

  test('a date cell in a message is its day, not the long date text', () => {
    const grid = withRows(['Clearance', 'KSA', new Date(Date.UTC(2027, 4, 10)), new Date(Date.UTC(2027, 4, 1)), null, 'Yes', null, 'Yours']);
    expect(read(grid).issues).toEqual([
      {
        source: NAME,
        row: grid.length,
        column: 'End',
        value: '2027-05-01',
        code: 'events.ends-before-start',
        args: { name: 'Clearance', start: '2027-05-10', end: '2027-05-01' },
        severity: 'error',
        reason: '"Clearance" ends (2027-05-01) before it starts (2027-05-10): row ignored',
        dropped: true,
      },
    ]);
  });

  test('a sheet without the header is reported once and nothing is chosen', () => {
    const { choices, issues } = read([['Lumive events: …'], ['Name', 'Date']]);
    expect(choices).toEqual(NO_CHOICES);
    expect(issues).toEqual([
      { source: NAME, row: null, column: null, value: null, code: 'events.no-header', args: {}, severity: 'error', reason: 'No header row with Event and Start: the built-in events are used, none switched off', dropped: true },
    ]);
  });
});
