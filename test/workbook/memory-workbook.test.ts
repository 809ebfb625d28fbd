/** MemoryWorkbook: reads, replace and append writes, the user-edit helpers and the all-or-nothing checks. */
import type { CellValue, SheetSpec } from '../../src/engine/sheets/spec';
import { range, sheetSpec as spec } from '../../src/engine/sheets/table';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

describe('MemoryWorkbook reads', () => {
  test('lists sheets in tab order with their visibility', async () => {
    const book = new MemoryWorkbook([
      { name: 'Data', rows: [['a']] },
      { name: 'State', rows: [], visibility: 'veryHidden' },
    ]);
    expect(await book.listSheets()).toEqual([
      { name: 'Data', visibility: 'visible' },
      { name: 'State', visibility: 'veryHidden' },
    ]);
  });

  test('reads from A1 to the used range: rectangular, blanks as "", trailing blanks trimmed', async () => {
    const book = new MemoryWorkbook([{ name: 'S', rows: [['', 'b', '', null], [1, null], [], ['', '', '']] }]);
    const values = await book.readSheets(['S', 'Missing']);
    expect(values.get('S')).toEqual([
      ['', 'b'],
      [1, ''],
    ]);
    expect(values.has('Missing')).toBe(false);
  });

  test('reads copies, dates included', async () => {
    const date = new Date(Date.UTC(2025, 0, 31));
    const book = new MemoryWorkbook([{ name: 'S', rows: [[date, 'x']] }]);
    const first = (await book.readSheets(['S'])).get('S') as unknown as unknown[][];
    (first[0][0] as Date).setUTCFullYear(1999);
    first[0][1] = 'changed';
    const again = (await book.readSheets(['S'])).get('S');
    expect(again).toEqual([[date, 'x']]);
  });

  test('sheet names match case-insensitively, as in Excel', async () => {
    const book = new MemoryWorkbook([{ name: 'Summary', rows: [['x']] }]);
    expect((await book.readSheets(['summary'])).get('summary')).toEqual([['x']]);
  });
});

describe('MemoryWorkbook replace', () => {
  test('creates a missing sheet at the end of the tab order', async () => {
    const book = new MemoryWorkbook([{ name: 'Data', rows: [['a']] }]);
    await book.writeSheets([spec('Summary', [['Title'], [null, 2]])]);
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['Data', 'Summary']);
    expect((await book.readSheets(['Summary'])).get('Summary')).toEqual([
      ['Title', ''],
      ['', 2],
    ]);
  });

  test('replaces an existing sheet in place: old values and formats are gone', async () => {
    const book = new MemoryWorkbook([
      { name: 'A', rows: [] },
      { name: 'Out', rows: [['old', 'old'], ['old']] },
      { name: 'Z', rows: [] },
    ]);
    await book.writeSheets([spec('Out', [['x'], [1]], { numberFormats: [{ range: range(1, 0), format: '0.0' }], freeze: { rows: 1, columns: 0 } })]);
    await book.writeSheets([spec('Out', [['new']])]);
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['A', 'Out', 'Z']);
    const out = book.sheet('Out');
    expect(out?.values).toEqual([['new']]);
    expect(out?.numberFormats).toEqual([]);
    expect(out?.freeze).toBeNull();
  });

  test('stores strings literally, formulas-looking text included', async () => {
    const texts = ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+2', '@A1', "'quoted", '00123'];
    const book = new MemoryWorkbook();
    await book.writeSheets([spec('T', [texts])]);
    expect((await book.readSheets(['T'])).get('T')).toEqual([texts]);
  });

  test('keeps what the spec rendered for tests to read', async () => {
    const book = new MemoryWorkbook();
    const rendered = spec('Out', [['Status', 'Qty'], ['Pending', 3]], {
      visibility: 'hidden',
      numberFormats: [{ range: range(1, 1), format: '#,##0' }],
      styles: [{ range: range(0, 0, 1, 2), style: 'header' }],
      tables: [{ name: 'Out_Table', range: range(0, 0, 2, 2) }],
      conditionalFormats: [{ range: range(1, 1), rule: { type: 'lessThan', value: 5, fill: 'red' } }],
      validations: [{ range: range(1, 0), list: ['Pending', 'Approved'] }],
      freeze: { rows: 1, columns: 1 },
      columnWidths: [12, null, 30],
      charts: [{ type: 'pie', title: 'Qty', categories: range(1, 0), series: [{ name: 'Qty', values: range(1, 1) }], anchor: { row: 0, column: 4 }, size: { rows: 10, columns: 5 } }],
    });
    await book.writeSheets([spec('Visible', [['v']]), rendered]);
    const out = book.sheet('Out');
    expect(out).toMatchObject({
      name: 'Out',
      visibility: 'hidden',
      numberFormats: rendered.numberFormats,
      styles: rendered.styles,
      tables: rendered.tables,
      conditionalFormats: rendered.conditionalFormats,
      validations: rendered.validations,
      freeze: { rows: 1, columns: 1 },
      columnWidths: [12, null, 30],
      charts: rendered.charts,
    });
    expect(book.sheet('nope')).toBeUndefined();
  });

  test('reports progress per sheet', async () => {
    const book = new MemoryWorkbook();
    const progress: unknown[] = [];
    await book.writeSheets([spec('A', [['a']]), spec('B', [['b']])], (p) => progress.push(p));
    expect(progress).toEqual([
      { sheet: 'A', done: 1, total: 2 },
      { sheet: 'B', done: 2, total: 2 },
    ]);
  });
});

describe('MemoryWorkbook append', () => {
  const log = (rows: CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec => spec('Log', rows, { role: 'state', mode: 'append', ...extra });

  test('creates a missing sheet with the rows', async () => {
    const book = new MemoryWorkbook();
    await book.writeSheets([log([['When', 'What'], ['d1', 'approved']])]);
    expect((await book.readSheets(['Log'])).get('Log')).toEqual([
      ['When', 'What'],
      ['d1', 'approved'],
    ]);
  });

  test('adds rows after the last non-blank row and never changes earlier rows', async () => {
    const book = new MemoryWorkbook([{ name: 'Log', rows: [['When', 'What'], ['d1', 'a'], ['', ''], ['d3', 'c'], ['', '']] }]);
    const before = (await book.readSheets(['Log'])).get('Log');
    await book.writeSheets([log([['d4', 'd']], { validations: [{ range: range(0, 1), list: ['a', 'd'] }] })]);
    const after = (await book.readSheets(['Log'])).get('Log') ?? [];
    expect(after.slice(0, 4)).toEqual(before);
    expect(after[4]).toEqual(['d4', 'd']);
    // Ranges are relative to the appended block.
    expect(book.sheet('Log')?.validations).toEqual([{ range: range(4, 1), list: ['a', 'd'] }]);
  });

  test('lands below a row the user typed between writes, and keeps earlier formats', async () => {
    const book = new MemoryWorkbook();
    await book.writeSheets([log([['When']], { styles: [{ range: range(0, 0), style: 'header' }] })]);
    book.setValue('Log', 3, 2, 'user note');
    await book.writeSheets([log([['d2']], { styles: [{ range: range(0, 0), style: 'bold' }] })]);
    expect(book.sheet('Log')?.values).toEqual([
      ['When', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', 'user note'],
      ['d2', '', ''],
    ]);
    expect(book.sheet('Log')?.styles).toEqual([
      { range: range(0, 0), style: 'header' },
      { range: range(4, 0), style: 'bold' },
    ]);
  });
});

describe('MemoryWorkbook user edits', () => {
  test('addSheet, setValue, setVisibility, removeSheet and a snapshot', async () => {
    const book = new MemoryWorkbook();
    book.addSheet('Mine', [['a']]);
    book.setValue('Mine', 1, 1, 5);
    book.addSheet('Other');
    book.setVisibility('Other', 'hidden');
    expect(book.toJSON()).toEqual({
      sheets: [
        {
          name: 'Mine',
          visibility: 'visible',
          values: [
            ['a', ''],
            ['', 5],
          ],
        },
        { name: 'Other', visibility: 'hidden', values: [] },
      ],
    });
    book.removeSheet('Other');
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['Mine']);
    expect(() => book.addSheet('mine')).toThrow(/already exists/);
    expect(() => book.setValue('Nope', 0, 0, 1)).toThrow(/No sheet/);
    expect(() => book.addSheet('a/b')).toThrow(/cannot contain/);
  });
});

describe('MemoryWorkbook checks specs before writing anything', () => {
  const user = () => new MemoryWorkbook([{ name: 'Mine', rows: [['keep']] }]);

  async function rejects(specs: SheetSpec[], message: RegExp, book = user()): Promise<void> {
    const before = book.toJSON();
    await expect(book.writeSheets(specs)).rejects.toThrow(message);
    expect(book.toJSON()).toEqual(before);
  }

  test('a bad spec after a good one: nothing is written', async () => {
    const bad = spec('Bad', [['Name', 'Name'], [1, 2]], { tables: [{ name: 'T', range: range(0, 0, 2, 2) }] });
    await rejects([spec('Good', [['fine']]), bad], /Sheet "Bad": table "T": header "Name" \(B1\) is not unique/);
  });

  test('table headers must be non-empty text', async () => {
    await rejects([spec('S', [['Name', 3]], { tables: [{ name: 'T', range: range(0, 0, 1, 2) }] })], /header cell B1 must be non-empty text/);
    await rejects([spec('S', [['Name', ' ']], { tables: [{ name: 'T', range: range(0, 0, 1, 2) }] })], /header cell B1/);
  });

  test('table names: valid, not cell-like, unique in the workbook', async () => {
    const table = (name: string) => spec('S', [['H']], { tables: [{ name, range: range(0, 0, 1, 1) }] });
    await rejects([table('has space')], /table name has letters/);
    await rejects([table('AB12')], /look like a cell reference/);
    const book = user();
    await book.writeSheets([table('Orders')]);
    await rejects([spec('S2', [['H']], { tables: [{ name: 'orders', range: range(0, 0, 1, 1) }] })], /another table in the workbook has this name/, book);
    // Replacing the sheet that owns the name frees it.
    await book.writeSheets([table('Orders')]);
  });

  test('values, ranges, modes and visibility', async () => {
    await rejects([spec('S', [[Number.NaN]])], /cell A1 holds NaN/);
    await rejects([spec('S', [['x'.repeat(32_768)]])], /more than 32767 characters/);
    await rejects([spec('S', [], { numberFormats: [{ range: range(-1, 0), format: '0' }] })], /number format: coordinates/);
    await rejects([spec('S', [['H']], { mode: 'append', tables: [{ name: 'T', range: range(0, 0) }] })], /tables are not supported in append mode/);
    await rejects([spec('S', [], { validations: [{ range: range(0, 0), list: ['a,b'] }] })], /cannot contain commas/);
    await rejects([spec('History', [])], /reserves/);
    await rejects([spec('S', []), spec('s', [])], /more than once/);
    await rejects([spec('Mine', [['x']], { visibility: 'hidden' })], /no visible sheet/);
  });

  test('empty ranges are accepted and skipped', async () => {
    const book = user();
    await book.writeSheets([spec('S', [['H']], { validations: [{ range: range(1, 0, 0, 1), list: ['a'] }] })]);
    expect(book.sheet('S')?.values).toEqual([['H']]);
  });
});
