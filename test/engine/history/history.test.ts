/**
 * The snapshot history sheets (src/engine/history/history.ts): reading them back (readHistory), what a
 * save writes (planSave, historySheets), what an analysis looks at (historyView) and the date helpers.
 * Expected values are worked out by hand from the rules in the file comment of history.ts; the rule
 * used is named beside each case.
 */
import { monthDays } from '../../../src/engine/calendar';
import {
  daysBetween,
  HISTORY_HEADER,
  HISTORY_SHEET,
  historyId,
  historyName,
  historyPart,
  historySheets,
  historyView,
  isoDate,
  planSave,
  readHistory,
  snapshotDates,
} from '../../../src/engine/history/history';
import type { RawCell, RawGrid } from '../../../src/engine/ingest/types';
import { hrow, rowsOf, salesRow, table } from './history-rows';

const H: RawCell[] = [...HISTORY_HEADER];
const SHEET = HISTORY_SHEET;

/** One sheet part named SHEET. */
const one = (grid: RawGrid) => [{ name: SHEET, grid }];

// A good data row in HISTORY_HEADER order:
// Date | Period | Source | Master SKU | Channel | Available | Inbound | Sold | Revenue | Currency | Velocity | DOI | Stock Value | Price
const GOOD: RawCell[] = ['2026-10-31', '2026-10', 'Snapshot', 'A', 'Amazon KSA', 30, 10, 45, 2250, 'SAR', 1.5, 20, 600, 50];

describe('readHistory: a good sheet', () => {
  test('every column round-trips into the HistoryTable', () => {
    const read = readHistory(
      one([
        H,
        GOOD,
        ['2026-10-31', '2026-09', 'Sales report', 'A', 'Amazon KSA', null, null, 20, 1000, 'SAR', 0.5, null, null, null],
        // Currency blank: the channel's currency (noon UAE is AED, model.ts CHANNELS); blank numbers are null.
        ['2026-10-31', '2026-10', 'Snapshot', 'B', 'noon UAE', 12, 0, '', null, '', null, null, 60, null],
      ]),
    );
    expect(read.issues).toEqual([]);
    expect(read.table.length).toBe(3);
    expect(read.table.row(0)).toEqual(hrow({ available: 30, inbound: 10, sold: 45, revenue: 2250, velocity: 1.5, doi: 20, stockValue: 600, price: 50 }));
    expect(read.table.row(1)).toEqual(salesRow({ period: '2026-09', sold: 20, revenue: 1000, velocity: 0.5 }));
    expect(read.table.row(2)).toEqual(hrow({ masterSku: 'B', channel: 'noon UAE', currency: 'AED', available: 12, inbound: 0, stockValue: 60 }));
    expect(read.parts).toEqual([{ name: SHEET, rows: 3 }]);
    expect(read.rowsRead).toBe(3);
  });

  test('cells() gives a row back in HISTORY_HEADER order (what historySheets writes)', () => {
    const read = readHistory(one([H, GOOD]));
    expect(read.table.cells(0)).toEqual(GOOD);
  });

  test('a negative Revenue is kept (only Revenue may be negative: refunds)', () => {
    const read = readHistory(one([H, ['2026-10-31', '2026-10', 'Sales report', 'A', 'Amazon KSA', null, null, 2, -100, 'SAR', null, null, null, null]]));
    expect(read.issues).toEqual([]);
    expect(read.table.row(0).revenue).toBe(-100);
  });

  test('Source and Channel are matched without regard to case', () => {
    const read = readHistory(one([H, ['2026-10-31', '2026-10', 'sales REPORT', 'A', 'amazon ksa', null, null, 5]]));
    expect(read.issues).toEqual([]);
    expect(read.table.row(0).source).toBe('Sales report');
    expect(read.table.row(0).channel).toBe('Amazon KSA');
  });
});

describe('readHistory: dates and periods', () => {
  // Excel's 1900 date system: serial 0 is 1899-12-30 for serials ≥ 61 (values/dates.ts, fromSerial), so
  // 2026-10-31 = 1899-12-30 + 46326 days.
  const SERIAL_2026_10_31 = 46326;

  test('the serial used below is 2026-10-31 (days from 1899-12-30, computed)', () => {
    expect((Date.UTC(2026, 9, 31) - Date.UTC(1899, 11, 30)) / 86_400_000).toBe(SERIAL_2026_10_31);
  });

  test.each<[string, RawCell]>([
    ['ISO text', '2026-10-31'],
    ['ISO text with a time of day', '2026-10-31 18:30'],
    ['day-first text (DMY, as readHistory reads it)', '31/10/2026'],
    ['a JS Date (UTC midnight)', new Date(Date.UTC(2026, 9, 31))],
    ['an Excel serial number', SERIAL_2026_10_31],
    ['an Excel serial number with a time fraction', SERIAL_2026_10_31 + 0.75],
  ])('Date as %s reads as "2026-10-31"', (_what, cell) => {
    const read = readHistory(one([H, ['x', '2026-10', 'Snapshot', 'A', 'Amazon KSA'].map((c, i) => (i === 0 ? cell : c))]));
    expect(read.issues).toEqual([]);
    expect(read.table.date).toEqual(['2026-10-31']);
  });

  test.each<[RawCell, string]>([
    ['2026-1', '2026-01'], // one-digit month padded to "YYYY-MM"
    ['2026-10', '2026-10'],
    ['2026-10-15', '2026-10'], // a full date names its month
    [new Date(Date.UTC(2026, 9, 1)), '2026-10'], // a Date cell: its month
  ])('Period %p reads as %p', (cell, period) => {
    const read = readHistory(one([H, ['2026-10-31', cell, 'Snapshot', 'A', 'Amazon KSA']]));
    expect(read.issues).toEqual([]);
    expect(read.table.period).toEqual([period]);
  });
});

describe('readHistory: columns are found by their header names', () => {
  test('a column the user inserted does not shift the others', () => {
    const header = ['Date', 'Period', 'Note', 'Source', 'Master SKU', 'Channel', 'Available', 'Inbound', 'Sold', 'Revenue', 'Currency', 'Velocity', 'DOI', 'Stock Value', 'Price'];
    const row = ['2026-10-31', '2026-10', 'checked by Sara', 'Snapshot', 'A', 'Amazon KSA', 30, 10, 45, 2250, 'SAR', 1.5, 20, 600, 50];
    const read = readHistory(one([header, row]));
    expect(read.issues).toEqual([]);
    expect(read.table.row(0)).toEqual(hrow({ available: 30, inbound: 10, sold: 45, revenue: 2250, velocity: 1.5, doi: 20, stockValue: 600, price: 50 }));
  });

  test('reordered columns, header case and padding ignored; optional columns left out read as blank', () => {
    const header = [' channel ', 'SOLD', 'Master SKU', 'Source', 'Period', 'date', 'Available'];
    const row = ['noon KSA', 7, 'Z-1', 'Snapshot', '2026-10', '2026-10-31', 3];
    const read = readHistory(one([header, row]));
    expect(read.issues).toEqual([]);
    // Currency absent: noon KSA's own (SAR); Inbound, Revenue, Velocity, DOI, Stock Value, Price absent: null.
    expect(read.table.row(0)).toEqual(hrow({ masterSku: 'Z-1', channel: 'noon KSA', currency: 'SAR', sold: 7, available: 3 }));
  });
});

describe('readHistory: blank rows', () => {
  test('blank rows are skipped and not counted; row numbers stay the Excel rows', () => {
    const read = readHistory(
      one([
        H,
        GOOD, // Excel row 2
        [], // row 3
        [null, '', '   ', undefined], // row 4
        ['2026-10-31', 'Oct', 'Snapshot', 'A', 'Amazon KSA'], // row 5: bad period
      ]),
    );
    expect(read.table.length).toBe(1);
    expect(read.issues.map((i) => i.row)).toEqual([5]);
    expect(read.rowsRead).toBe(2);
    expect(read.parts).toEqual([{ name: SHEET, rows: 2 }]);
  });

  test('an empty sheet or a header alone reads as no rows and no issues', () => {
    const read = readHistory([
      { name: 'Empty', grid: [] },
      { name: 'Header only', grid: [H] },
    ]);
    expect(read.table.length).toBe(0);
    expect(read.issues).toEqual([]);
    expect(read.parts).toEqual([
      { name: 'Empty', rows: 0 },
      { name: 'Header only', rows: 0 },
    ]);
    expect(read.rowsRead).toBe(0);
  });
});

describe('readHistory: bad rows are reported and left out, never thrown', () => {
  /** GOOD with the cell under header `column` replaced. */
  const withCell = (column: (typeof HISTORY_HEADER)[number], value: RawCell): RawCell[] => GOOD.map((c, i) => (HISTORY_HEADER[i] === column ? value : c));

  // One case per check of readHistory, in the order it checks; value = String(cell) (null for a blank cell).
  const CASES: { what: string; column: (typeof HISTORY_HEADER)[number]; cell: RawCell; value: string | null; code: string; reason: string }[] = [
    { what: 'a date that is no date', column: 'Date', cell: '2026-13-01', value: '2026-13-01', code: 'history.bad-date', reason: 'not a date' },
    { what: 'a blank date', column: 'Date', cell: null, value: null, code: 'history.date-blank', reason: 'Date is blank' },
    { what: 'a month name as period', column: 'Period', cell: 'Oct', value: 'Oct', code: 'history.bad-period', reason: 'Period must be a month such as 2026-10' },
    { what: 'month 13 as period', column: 'Period', cell: '2026-13', value: '2026-13', code: 'history.bad-period', reason: 'Period must be a month such as 2026-10' },
    { what: 'an unknown source', column: 'Source', cell: 'Manual', value: 'Manual', code: 'history.bad-source', reason: 'Source must be Snapshot or Sales report' },
    { what: 'a blank Master SKU', column: 'Master SKU', cell: '  ', value: '  ', code: 'history.sku-blank', reason: 'Master SKU is blank' },
    { what: 'an unknown channel', column: 'Channel', cell: 'Amazon US', value: 'Amazon US', code: 'history.bad-channel', reason: 'Channel must be one of Amazon KSA, Amazon UAE, noon KSA, noon UAE' },
    { what: 'text in Sold', column: 'Sold', cell: 'abc', value: 'abc', code: 'history.not-a-number', reason: 'Sold is not a number' },
    { what: 'a negative Available', column: 'Available', cell: -5, value: '-5', code: 'history.negative', reason: 'Available is negative' },
    { what: 'a negative Stock Value', column: 'Stock Value', cell: -1, value: '-1', code: 'history.negative', reason: 'Stock Value is negative' },
  ];

  test.each(CASES)('$what → one dropped issue at its sheet, Excel row and column', ({ column, cell, value, code, reason }) => {
    // Excel row 3: header (1), a good row (2), the bad row (3).
    const read = readHistory([{ name: 'My History', grid: [H, GOOD, withCell(column, cell)] }]);
    expect(read.issues).toEqual([{ source: 'My History', row: 3, column, value, code, args: expect.any(Object), severity: 'error', reason: expect.stringContaining(reason), dropped: true }]);
    expect(read.issues[0].reason).toMatch(/history row left out$/);
    expect(read.table.length).toBe(1);
    expect(read.table.masterSku).toEqual(['A']);
  });

  test('all bad rows in one sheet: the counts add up (rowsRead = rows kept + rows reported)', () => {
    const grid: RawCell[][] = [H, GOOD, ...CASES.map((c) => withCell(c.column, c.cell)), GOOD];
    const read = readHistory([{ name: 'My History', grid }]);
    expect(read.table.length).toBe(2);
    expect(read.issues).toHaveLength(CASES.length);
    // Excel rows: header 1, good 2, bad rows 3 … 2 + CASES.length, good last.
    expect(read.issues.map((i) => i.row)).toEqual(CASES.map((_, k) => k + 3));
    expect(read.issues.map((i) => i.column)).toEqual(CASES.map((c) => c.column));
    expect(read.rowsRead).toBe(2 + CASES.length);
    expect(read.rowsRead).toBe(read.table.length + read.issues.length);
  });

  test('a sheet without a Date column: one issue naming the sheet and the column; none of its rows used, all counted', () => {
    const noDate = HISTORY_HEADER.filter((h) => h !== 'Date');
    const row = GOOD.slice(1);
    const read = readHistory([
      { name: SHEET, grid: [H, GOOD] },
      { name: 'Lumive History 2', grid: [noDate, row, [], row] }, // 2 data rows and a blank one
    ]);
    expect(read.table.length).toBe(1); // only the first sheet's row
    expect(read.issues).toEqual([
      { source: 'Lumive History 2', row: 1, column: 'Date', value: null, code: 'history.missing-columns', args: { columns: ['Date'], rows: 2 }, severity: 'error', reason: expect.stringContaining('no Date column'), dropped: true },
    ]);
    expect(read.issues[0].reason).toContain('its 2 rows were not read');
    expect(read.parts).toEqual([
      { name: SHEET, rows: 1 },
      { name: 'Lumive History 2', rows: 2 },
    ]);
    expect(read.rowsRead).toBe(3);
  });

  test('several required columns missing are named together', () => {
    const header = HISTORY_HEADER.filter((h) => h !== 'Date' && h !== 'Channel');
    const read = readHistory([{ name: 'Old', grid: [header, GOOD.slice(1)] }]);
    expect(read.issues).toEqual([
      { source: 'Old', row: 1, column: 'Date, Channel', value: null, code: 'history.missing-columns', args: { columns: ['Date', 'Channel'], rows: 1 }, severity: 'error', reason: expect.stringContaining('no Date, Channel column'), dropped: true },
    ]);
    expect(read.table.length).toBe(0);
    expect(read.rowsRead).toBe(1);
  });
});

describe('readHistory: channels', () => {
  test.each(['noon KSA', 'noon-ksa', 'NOON ksa', '  noon ksa  '])('Channel %p is stored as the label "noon KSA"', (cell) => {
    const read = readHistory(one([H, ['2026-10-31', '2026-10', 'Snapshot', 'A', cell]]));
    expect(read.issues).toEqual([]);
    expect(read.table.channel).toEqual(['noon KSA']);
    expect(read.table.currency).toEqual(['SAR']); // noon KSA's currency when the Currency cell is absent
  });
});

describe('planSave', () => {
  // Saved history: snapshots on 2026-09-30 and 2026-10-31, and Amazon KSA's September sales.
  const S1 = hrow({ date: '2026-09-30', period: '2026-09', masterSku: 'A', available: 5 });
  const S2 = hrow({ date: '2026-10-31', masterSku: 'A', available: 10 });
  const S3 = hrow({ date: '2026-10-31', masterSku: 'B', available: 20 });
  const S4 = salesRow({ period: '2026-09', masterSku: 'A', sold: 30 });
  const saved = table([S1, S2, S3, S4]);

  test('a snapshot on a saved date replaces it; sales months saved for the channel are skipped', () => {
    const C1 = hrow({ masterSku: 'A', available: 12 });
    const C2 = hrow({ masterSku: 'B', available: 22 });
    const C3 = salesRow({ period: '2026-09', masterSku: 'A', sold: 31 }); // Amazon KSA 2026-09 is saved: skipped
    const C4 = salesRow({ period: '2026-09', masterSku: 'B', sold: 4 }); // same channel and month, another SKU: skipped too
    const C5 = salesRow({ period: '2026-09', masterSku: 'A', channel: 'Amazon UAE', currency: 'AED', sold: 8 }); // another channel: kept
    const C6 = salesRow({ period: '2026-10', masterSku: 'A', sold: 33 }); // a month not saved: kept
    const plan = planSave(saved, table([C1, C2, C3, C4, C5, C6]), '2026-10-31');
    // replaced: saved snapshot rows dated 2026-10-31 = S2, S3 → 2. skipped: C3, C4 → 2. added: C1, C2, C5, C6 → 4.
    expect(plan.date).toBe('2026-10-31');
    expect(plan.replaced).toBe(2);
    expect(plan.skipped).toBe(2);
    expect(plan.added).toBe(4);
    expect(plan.append).toBeNull(); // something was replaced: the sheets are rewritten
    // merged: the saved rows not replaced, in order, then the new rows.
    expect(rowsOf(plan.merged)).toEqual([S1, S4, C1, C2, C5, C6]);
    // no position has two snapshots on one date
    const keys = rowsOf(plan.merged)
      .filter((r) => r.source === 'Snapshot')
      .map((r) => `${r.masterSku}|${r.channel}|${r.date}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('a snapshot on a new date is appended, and append holds only the new rows', () => {
    const N1 = hrow({ date: '2026-11-30', period: '2026-11', masterSku: 'A', available: 7 });
    const N2 = hrow({ date: '2026-11-30', period: '2026-11', masterSku: 'B', available: 9 });
    const N3 = salesRow({ date: '2026-11-30', period: '2026-10', masterSku: 'A', sold: 33 }); // October not saved yet: kept
    const plan = planSave(saved, table([N1, N2, N3]), '2026-11-30');
    expect(plan.replaced).toBe(0);
    expect(plan.skipped).toBe(0);
    expect(plan.added).toBe(3);
    expect(plan.append).not.toBeNull();
    expect(rowsOf(plan.append!)).toEqual([N1, N2, N3]);
    expect(rowsOf(plan.merged)).toEqual([S1, S2, S3, S4, N1, N2, N3]);
  });

  test('a skipped sales month on a new date: appended rows leave it out', () => {
    const N1 = hrow({ date: '2026-11-30', period: '2026-11', masterSku: 'A' });
    const N2 = salesRow({ date: '2026-11-30', period: '2026-09', masterSku: 'A', sold: 99 }); // Amazon KSA 2026-09 saved (S4)
    const plan = planSave(saved, table([N1, N2]), '2026-11-30');
    expect(plan.skipped).toBe(1);
    expect(plan.added).toBe(1);
    expect(rowsOf(plan.append!)).toEqual([N1]);
  });

  test('saved Sales report rows dated on the save date are not "replaced" (only snapshots are)', () => {
    // S4 is a Sales report row dated 2026-10-31: it stays in merged and is not counted as replaced.
    const plan = planSave(saved, table([hrow({ masterSku: 'A' })]), '2026-10-31');
    expect(plan.replaced).toBe(2);
    expect(rowsOf(plan.merged)).toContainEqual(S4);
  });
});

describe('historySheets (partRows = 3)', () => {
  const P = 3;
  const name = (i: number) => `Part ${i}`;
  /** n snapshot rows of SKUs S0, S1, … on `date`. */
  const rows = (n: number, date: string, from = 0) => Array.from({ length: n }, (_, k) => hrow({ date, period: date.slice(0, 7), masterSku: `S${from + k}`, available: from + k }));

  test('append: the last part with room grows in append mode (no header); overflow starts a new part with the header', () => {
    // Saved: 4 rows in parts [3, 1]. New: 4 rows → part 1 has room 3 − 1 = 2 → 2 rows appended;
    // the other 2 start part 2 (replace, header first).
    const saved = table(rows(4, '2026-09-30'));
    const plan = planSave(saved, table(rows(4, '2026-10-31', 10)), '2026-10-31');
    const specs = historySheets(plan, [3, 1], name, P);
    const t = plan.append!;
    expect(specs.map((s) => [s.name, s.mode])).toEqual([
      ['Part 1', 'append'],
      ['Part 2', 'replace'],
    ]);
    expect(specs[0].rows).toEqual([t.cells(0), t.cells(1)]);
    expect(specs[1].rows).toEqual([[...HISTORY_HEADER], t.cells(2), t.cells(3)]);
    expect(specs[0].rows[0][3]).toBe('S10'); // the first new row, not a saved one
    for (const s of specs) {
      expect(s.visibility).toBe('hidden');
      expect(s.role).toBe('state');
    }
    // A created part gets the header style and frozen header; an appended part keeps its formatting.
    expect(specs[1].styles).toEqual([{ range: { row: 0, column: 0, rows: 1, columns: HISTORY_HEADER.length }, style: 'header' }]);
    expect(specs[1].freeze).toEqual({ rows: 1, columns: 0 });
    expect(specs[0].styles).toEqual([]);
    expect(specs[0].freeze).toBeNull();
  });

  test('append: a full last part gets nothing; the new rows start the next part', () => {
    // Parts [3, 3] are full (room 0): 2 new rows → part 2 (replace) with header + 2 rows.
    const plan = planSave(table(rows(6, '2026-09-30')), table(rows(2, '2026-10-31', 10)), '2026-10-31');
    const specs = historySheets(plan, [3, 3], name, P);
    expect(specs.map((s) => [s.name, s.mode, s.rows.length])).toEqual([['Part 2', 'replace', 3]]);
    expect(specs[0].rows[0]).toEqual([...HISTORY_HEADER]);
  });

  test('append: overflow beyond one new part starts as many parts as needed', () => {
    // Part [2] has room 1: 1 row appended; 7 more → parts 1 (3 rows), 2 (3 rows), 3 (1 row).
    const plan = planSave(table(rows(2, '2026-09-30')), table(rows(8, '2026-10-31', 10)), '2026-10-31');
    const specs = historySheets(plan, [2], name, P);
    expect(specs.map((s) => [s.name, s.mode, s.rows.length])).toEqual([
      ['Part 0', 'append', 1],
      ['Part 1', 'replace', 4],
      ['Part 2', 'replace', 4],
      ['Part 3', 'replace', 2],
    ]);
    // every new row written once, in order
    const written = specs.flatMap((s) => s.rows.filter((r) => r[0] !== 'Date').map((r) => r[3]));
    expect(written).toEqual(['S10', 'S11', 'S12', 'S13', 'S14', 'S15', 'S16', 'S17']);
  });

  test('no part yet: part 0 is created with the header, overflow in part 1', () => {
    // 5 rows, 3 per part → part 0: header + 3, part 1: header + 2.
    const plan = planSave(table([]), table(rows(5, '2026-10-31')), '2026-10-31');
    const specs = historySheets(plan, [], name, P);
    expect(specs.map((s) => [s.name, s.mode, s.rows.length])).toEqual([
      ['Part 0', 'replace', 4],
      ['Part 1', 'replace', 3],
    ]);
    expect(specs[0].rows[0]).toEqual([...HISTORY_HEADER]);
    expect(specs[1].rows[0]).toEqual([...HISTORY_HEADER]);
  });

  test('no part and nothing to save: part 0 with its header only', () => {
    const plan = planSave(table([]), table([]), '2026-10-31');
    const specs = historySheets(plan, [], name, P);
    expect(specs.map((s) => [s.name, s.mode])).toEqual([['Part 0', 'replace']]);
    expect(specs[0].rows).toEqual([[...HISTORY_HEADER]]);
  });

  test('replace: every part is rewritten from the merged history; an emptied part keeps only its header', () => {
    // Saved: 5 rows on 2026-09-30 and 2 on 2026-10-31 in parts [3, 3, 1]. Saving 2026-10-31 again with
    // 1 row: merged = 5 + 1 = 6 rows → ceil(6 / 3) = 2 parts of data, but 3 parts exist → part 2 is
    // rewritten empty (header only), so no stale row survives in it.
    const saved = table([...rows(5, '2026-09-30'), ...rows(2, '2026-10-31', 5)]);
    const plan = planSave(saved, table(rows(1, '2026-10-31', 20)), '2026-10-31');
    expect(plan.replaced).toBe(2);
    expect(plan.merged.length).toBe(6);
    const specs = historySheets(plan, [3, 3, 1], name, P);
    expect(specs.map((s) => [s.name, s.mode])).toEqual([
      ['Part 0', 'replace'],
      ['Part 1', 'replace'],
      ['Part 2', 'replace'],
    ]);
    const m = plan.merged;
    expect(specs[0].rows).toEqual([[...HISTORY_HEADER], m.cells(0), m.cells(1), m.cells(2)]);
    expect(specs[1].rows).toEqual([[...HISTORY_HEADER], m.cells(3), m.cells(4), m.cells(5)]);
    expect(specs[2].rows).toEqual([[...HISTORY_HEADER]]);
    expect(specs[1].rows[3][3]).toBe('S20'); // the new snapshot row is the last one
    for (const s of specs) expect([s.visibility, s.role]).toEqual(['hidden', 'state']);
  });

  test('the name callback decides every sheet name (registry-planned names)', () => {
    const plan = planSave(table([]), table(rows(4, '2026-10-31')), '2026-10-31');
    const specs = historySheets(plan, [], historyName, P);
    expect(specs.map((s) => s.name)).toEqual(['Lumive History', 'Lumive History 2']);
  });
});

describe('historyView', () => {
  test("saved snapshot rows on the analysis date give way to the analysis' own; saved rows come first", () => {
    const S1 = hrow({ date: '2026-09-30', period: '2026-09', available: 5 });
    const S2 = hrow({ date: '2026-10-31', available: 10 }); // same date as the analysis: dropped
    const S3 = salesRow({ date: '2026-10-31', period: '2026-09', sold: 30 }); // a sales row: kept
    const C1 = hrow({ date: '2026-10-31', available: 12 });
    const C2 = salesRow({ date: '2026-10-31', period: '2026-09', sold: 31 }); // Sep already saved for the channel: left out, as planSave skips it
    const C3 = salesRow({ date: '2026-10-31', period: '2026-10', sold: 12 }); // a month not saved yet: kept
    const C4 = salesRow({ date: '2026-10-31', period: '2026-09', sold: 7, channel: 'noon KSA' }); // Sep saved for another channel only: kept
    const view = historyView(table([S1, S2, S3]), table([C1, C2, C3, C4]), '2026-10-31');
    expect(rowsOf(view)).toEqual([S1, S3, C1, C3, C4]);
  });
});

describe('snapshotDates', () => {
  test('distinct snapshot dates, oldest first; Sales report rows do not make a snapshot date', () => {
    const t = table([hrow({ date: '2026-10-31' }), hrow({ date: '2026-09-30', masterSku: 'B' }), hrow({ date: '2026-10-31', masterSku: 'B' }), salesRow({ date: '2026-12-01' })]);
    expect(snapshotDates(t)).toEqual(['2026-09-30', '2026-10-31']);
  });
});

describe('date helpers', () => {
  test.each([
    ['2026-10-31', '2026-11-30', 30], // 30 days of November
    ['2026-10-01', '2026-10-31', 30],
    ['2024-02-28', '2024-03-01', 2], // 2024 is a leap year: 28 Feb → 29 Feb → 1 Mar
    ['2026-02-28', '2026-03-01', 1],
    ['2026-11-30', '2026-10-31', -30], // b − a
    ['2026-10-31', '2026-10-31', 0],
  ])('daysBetween(%s, %s) = %d', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  test.each([
    ['2024-02', 29], // leap year: divisible by 4, not by 100
    ['2026-02', 28],
    ['2000-02', 29], // divisible by 400
    ['2100-02', 28], // divisible by 100, not by 400
    ['2026-04', 30],
    ['2026-10', 31],
    ['2026-12', 31],
  ])('monthDays(%s) = %d (calendar.ts)', (period, days) => {
    expect(monthDays(period)).toBe(days);
  });

  test('isoDate is the UTC day', () => {
    expect(isoDate(new Date(Date.UTC(2026, 9, 31, 23, 59)))).toBe('2026-10-31');
  });
});

describe('history sheet ids and names', () => {
  test.each([
    [0, 'history', 'Lumive History'],
    [1, 'history-2', 'Lumive History 2'],
    [2, 'history-3', 'Lumive History 3'],
    [9, 'history-10', 'Lumive History 10'],
  ])('part %d ↔ id %s, name %s', (part, id, name) => {
    expect(historyId(part)).toBe(id);
    expect(historyName(part)).toBe(name);
    expect(historyPart(id)).toBe(part);
  });

  test.each(['history-1', 'history-0', 'History', 'history-x', 'history-2b', 'settings', ''])('%p is not a history part', (id) => {
    expect(historyPart(id)).toBeNull();
  });
});

describe('readHistory: currency and period cells a user edited', () => {
  const withCell = (column: (typeof HISTORY_HEADER)[number], value: RawCell): RawCell[] => GOOD.map((c, i) => (HISTORY_HEADER[i] === column ? value : c));

  test('a lower-case currency is the channel currency; another code is reported (row kept, channel currency used)', () => {
    const read = readHistory(one([H, withCell('Currency', 'sar'), withCell('Currency', 'USD')]));
    expect(rowsOf(read.table).map((r) => r.currency)).toEqual(['SAR', 'SAR']);
    expect(read.issues).toEqual([
      {
        source: SHEET,
        row: 3,
        column: 'Currency',
        value: 'USD',
        code: 'history.other-currency',
        args: { currency: 'USD', channel: 'Amazon KSA', expected: 'SAR' },
        severity: 'warning',
        reason: "Currency USD is not Amazon KSA's (SAR): read as SAR",
        dropped: false,
      },
    ]);
  });

  test('a Period Excel turned into a date serial reads as its month (46296 = 2026-10-01: 46296 − 25569 = 20727 days after 1970-01-01)', () => {
    const read = readHistory(one([H, withCell('Period', 46296)]));
    expect(read.issues).toEqual([]);
    expect(read.table.period).toEqual(['2026-10']);
  });
});
