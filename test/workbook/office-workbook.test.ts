/**
 * The Office adapter against the recording fake of the Excel API (test/helpers/fake-excel.ts), which
 * fails where Excel fails: unloaded properties, requests or responses over 5 MB, formulas from text.
 * First a few checks that the fake itself would catch a faulty adapter; then reads, writes, text
 * safety, errors and atomicity of the adapter.
 */
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { sheetSpec } from '../../src/engine/sheets/table';
import { ExcelHostError } from '../../src/workbook/office/excel-errors';
import type { XlContext } from '../../src/workbook/office/office-api';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { FakeExcel, FakeExcelError, FIVE_MB } from '../helpers/fake-excel';

const HOSTILE = ['=HYPERLINK("http://example.com","Click me")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '=1+1', '00123', 'TRUE', '1/2', "'quoted"];

function port(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run });
}

function snapshot(excel: FakeExcel) {
  return excel.sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.values(), tables: excel.tables.filter((t) => t.sheet === s).map((t) => t.name) }));
}

const output = (name: string, rows: SheetSpec['rows'], extra: Partial<SheetSpec> = {}) => sheetSpec(name, rows, extra);

describe('the fake enforces what Excel does', () => {
  it('reading a property before load and sync fails, after them it works', async () => {
    const excel = new FakeExcel([{ name: 'Sheet1', rows: [['a', 1]] }]);
    await excel.run(async (ctx: XlContext) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject(true);
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values).toEqual([['a', 1]]);
    });
  });

  it('a request over 5 MB fails and changes nothing', async () => {
    const excel = new FakeExcel();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    await expect(
      excel.run(async (ctx: XlContext) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, big.length, 1).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.sheet('Sheet1')?.values()).toEqual([]);
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(FIVE_MB);
  });

  it('strings written to values are parsed like typed input: =, +, - and @ become formulas', async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, HOSTILE.length).values = [HOSTILE];
      await ctx.sync();
    });
    expect(excel.formulas()).toHaveLength(5);
    expect(excel.sheet('Sheet1')?.values()[0].slice(5)).toEqual([123, true, '1/2', 'quoted']);
    expect(excel.syncCount).toBe(1);
  });

  it('operations left without a sync are an error', async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (ctx: XlContext) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 1).values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
  });
});

describe('OfficeWorkbook reads', () => {
  it('lists sheets in one sync and reads every used range from A1 in one more', async () => {
    const excel = new FakeExcel([
      { name: 'Business Report', rows: [['SKU', 'Units'], ['A-1', 5]] },
      { name: 'Offset', rows: [[], [null, null, 'x', 2]] },
      { name: 'Empty' },
      { name: 'State', rows: [['k']], visibility: 'VeryHidden' },
    ]);
    const p = port(excel);
    const sheets = await p.listSheets();
    expect(sheets).toEqual([
      { name: 'Business Report', visibility: 'visible' },
      { name: 'Offset', visibility: 'visible' },
      { name: 'Empty', visibility: 'visible' },
      { name: 'State', visibility: 'veryHidden' },
    ]);
    const values = await p.readSheets(sheets.map((s) => s.name));
    expect(excel.syncCount).toBe(2);
    expect(values.get('Business Report')).toEqual([['SKU', 'Units'], ['A-1', 5]]);
    expect(values.get('Offset')).toEqual([['', '', '', ''], ['', '', 'x', 2]]);
    expect(values.get('Empty')).toEqual([]);
    expect(values.get('State')).toEqual([['k']]);
  });

  it('a workbook too large for one response is read in blocks, every response under 5 MB, and the next read goes straight to blocks', async () => {
    const rows = (tag: string, n: number) => [['SKU', 'Title', 'Units'], ...Array.from({ length: n }, (_, i) => [`${tag}-${i}`, `Title ${i} ${'y'.repeat(60)}`, i])];
    const excel = new FakeExcel([
      { name: 'A', rows: rows('A', 40_000) },
      { name: 'B', rows: rows('B', 30_000) },
      { name: 'C', rows: [['small']] },
    ]);
    const p = port(excel);
    const first = await p.readSheets(['A', 'B', 'C']);
    expect(first.get('A')).toHaveLength(40_001);
    expect(first.get('A')?.[40_000]).toEqual(['A-39999', `Title 39999 ${'y'.repeat(60)}`, 39_999]);
    expect(first.get('B')).toHaveLength(30_001);
    expect(first.get('C')).toEqual([['small']]);
    const failed = excel.syncs.filter((s) => !s.ok);
    expect(failed).toHaveLength(1);
    expect(excel.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 4.5 * 1024 * 1024)).toBe(true);

    excel.resetStats();
    const again = await p.readSheets(['A', 'B', 'C']);
    expect(again).toEqual(first);
    expect(excel.syncs.every((s) => s.ok)).toBe(true);
    const total = excel.syncs.reduce((n, s) => n + s.responseBytes, 0);
    // One sync for the sizes, then about one per 4 MB.
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(total / (4 * 1024 * 1024)));

    // A small sheet whose size is known is still read in one sync.
    excel.resetStats();
    expect((await p.readSheets(['C'])).get('C')).toEqual([['small']]);
    expect(excel.syncCount).toBe(1);
  });
});

describe('OfficeWorkbook writes', () => {
  it('writes every string as text, whatever it starts with: no formula reaches Excel', async () => {
    const excel = new FakeExcel();
    await port(excel).writeSheets([output('Out', [['Title', 'Qty'], ...HOSTILE.map((t, i) => [t, i])])]);
    expect(excel.formulas()).toEqual([]);
    expect(excel.sheet('Out')?.values()).toEqual([['Title', 'Qty'], ...HOSTILE.map((t, i) => [t, i])]);
  });

  it('builds a sheet with its formats, table, rules, drop-down, freeze panes, widths, chart and print settings', async () => {
    const excel = new FakeExcel();
    const spec = output('Reorder', [['Reorder'], [], ['SKU', 'Qty', 'Status'], ['A', 5, 'Pending'], ['B', 0, 'Approved']], {
      numberFormats: [{ range: { row: 3, column: 1, rows: 2, columns: 1 }, format: '#,##0' }, { range: { row: 3, column: 0, rows: 2, columns: 1 }, format: '@' }],
      styles: [{ range: { row: 0, column: 0, rows: 1, columns: 1 }, style: 'title' }],
      tables: [{ name: 'LumiveReorder', range: { row: 2, column: 0, rows: 3, columns: 3 } }],
      conditionalFormats: [
        { range: { row: 3, column: 1, rows: 2, columns: 1 }, rule: { type: 'lessThan', value: 1, fill: 'red' } },
        { range: { row: 3, column: 2, rows: 2, columns: 1 }, rule: { type: 'textEquals', text: 'Pending', fill: 'amber' } },
      ],
      validations: [{ range: { row: 3, column: 2, rows: 2, columns: 1 }, list: ['Pending', 'Approved', 'Rejected'] }],
      freeze: { rows: 3, columns: 1 },
      columnWidths: [12, null, 14],
      charts: [{ type: 'column', title: 'Qty', categories: { row: 3, column: 0, rows: 2, columns: 1 }, series: [{ name: 'Qty', values: { row: 3, column: 1, rows: 2, columns: 1 } }], anchor: { row: 6, column: 0 }, size: { columns: 4, rows: 10 } }],
      print: { landscape: true, repeatRows: 3 },
    });
    await port(excel).writeSheets([spec]);
    const sheet = excel.sheet('Reorder');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.formatAt(3, 1)).toBe('#,##0');
    expect(sheet.formatAt(4, 0)).toBe('@');
    // Status holds only text and has no format of its own: it gets `@`, so a typed "=…" stays text.
    expect(sheet.formatAt(3, 2)).toBe('@');
    sheet.write(3, 2, '=1+1');
    expect(sheet.values()[3][2]).toBe('=1+1');
    expect(excel.formulas()).toEqual([]);
    expect(sheet.styles).toContainEqual({ range: { row: 0, column: 0, rows: 1, columns: 1 }, property: 'font.size', value: 14 });
    expect(excel.tables.map((t) => [t.name, t.sheet.name, t.range, t.style])).toEqual([['LumiveReorder', 'Reorder', { row: 2, column: 0, rows: 3, columns: 3 }, 'TableStyleMedium2']]);
    expect(sheet.conditionalFormats.map((c) => [c.type, c.rule, c.fill])).toEqual([
      ['CellValue', { operator: 'LessThan', formula1: '1' }, '#FFC7CE'],
      ['Custom', { formula: '=EXACT(UPPER(C4),"PENDING")' }, '#FFEB9C'],
    ]);
    expect(sheet.validations[0].rule).toEqual({ list: { inCellDropDown: true, source: 'Pending,Approved,Rejected' } });
    expect(sheet.freeze).toEqual({ rows: 3, columns: 1 });
    // 12 characters → (12 × 7 + 5) × 0.75 = 66.75 points; 14 → (98 + 5) × 0.75 = 77.25.
    expect([...sheet.columnWidths]).toEqual([[0, 66.75], [2, 77.25]]);
    expect(sheet.charts[0]).toMatchObject({ type: 'ColumnClustered', title: 'Qty', series: [{ name: 'Qty', values: { row: 3, column: 1, rows: 2, columns: 1 }, categories: { row: 3, column: 0, rows: 2, columns: 1 } }] });
    expect(sheet.page).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: '$1:$3' });
    expect(sheet.visibility).toBe('Visible');
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Reorder']);
    // prepare, values + formats, swap.
    expect(excel.syncCount).toBe(3);
  });

  it('replaces an output in place: same tab position, table name kept, state sheets hidden, no work sheets left', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Reorder', rows: [['old']] }, { name: 'Mine', rows: [['y']] }]);
    const p = port(excel);
    const table = { name: 'LumiveReorder', range: { row: 0, column: 0, rows: 2, columns: 1 } };
    await p.writeSheets([output('Reorder', [['SKU'], ['A']], { tables: [table] })]);
    await p.writeSheets([
      output('Reorder', [['SKU'], ['B']], { tables: [table] }),
      output('Lumive Registry', [['id', 'name']], { role: 'state', visibility: 'veryHidden' }),
      output('Log', [['when']], { role: 'state', visibility: 'hidden', mode: 'append' }),
    ]);
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Inputs', 'Visible'],
      ['Reorder', 'Visible'],
      ['Mine', 'Visible'],
      ['Lumive Registry', 'VeryHidden'],
      ['Log', 'Hidden'],
    ]);
    expect(excel.sheet('Reorder')?.values()).toEqual([['SKU'], ['B']]);
    expect(excel.tables.map((t) => t.name)).toEqual(['LumiveReorder']);
    expect(excel.sheet('Inputs')?.values()).toEqual([['x']]);
    // A very hidden sheet is replaced too.
    await p.writeSheets([output('Lumive Registry', [['id', 'name'], ['reorder', 'Reorder']], { role: 'state', visibility: 'veryHidden' })]);
    expect(excel.sheet('Lumive Registry')?.values()).toEqual([['id', 'name'], ['reorder', 'Reorder']]);
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith('~'))).toEqual([]);
  });

  it('appends below the rows the sheet has when it writes, including rows a colleague added after the read', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Log', rows: [['when'], ['mon']], visibility: 'Hidden' }]);
    const p = port(excel);
    const read = await p.readSheets(['Log']);
    expect(read.get('Log')).toHaveLength(2);
    excel.sheet('Log')?.write(2, 0, 'colleague');
    await p.writeSheets([output('Log', [['tue'], ['=evil()']], { role: 'state', visibility: 'hidden', mode: 'append', numberFormats: [{ range: { row: 0, column: 0, rows: 2, columns: 1 }, format: '@' }] })]);
    expect(excel.sheet('Log')?.values()).toEqual([['when'], ['mon'], ['colleague'], ['tue'], ['=evil()']]);
    expect(excel.sheet('Log')?.formatAt(3, 0)).toBe('@');
    expect(excel.formulas()).toEqual([]);
  });

  it('a large append is split into requests under 4 MB, the last one carrying the whole swap', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Summary', rows: [['old']] }, { name: 'Log', rows: [['when']], visibility: 'Hidden' }]);
    const rows = Array.from({ length: 60_000 }, (_, i) => [`2026-11-21T08:00:${i}`, `Reorder line ${i} ${'n'.repeat(40)}`]);
    await port(excel).writeSheets([output('Summary', [['new']]), output('Log', rows, { role: 'state', visibility: 'hidden', mode: 'append' })]);
    expect(excel.sheet('Log')?.values()).toHaveLength(60_001);
    expect(excel.sheet('Summary')?.values()).toEqual([['new']]);
    expect(excel.largestRequest).toBeLessThanOrEqual(4_100_000);
    // prepare; Summary's values and formats; log rows up to 4 MB; the rest of the rows with the swap.
    expect(excel.syncCount).toBe(4);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Inputs', 'Summary', 'Log']);
  });

  it('splits large sheets into requests under 4 MB', async () => {
    const excel = new FakeExcel();
    const rows = [['SKU', 'Title', 'Qty'], ...Array.from({ length: 80_000 }, (_, i) => [`SKU-${i}`, `Product title number ${i} ${'z'.repeat(40)}`, i])];
    await port(excel).writeSheets([output('Big', rows, { tables: [{ name: 'Big', range: { row: 0, column: 0, rows: rows.length, columns: 3 } }] })]);
    expect(excel.sheet('Big')?.values()).toHaveLength(rows.length);
    expect(excel.largestRequest).toBeLessThanOrEqual(4_100_000);
    const total = excel.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(4_000_000);
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(total / 4_000_000) + 1);
    expect(excel.syncs.filter((s) => s.operations > 1).every((s) => s.suspended || s.responseBytes > 0)).toBe(true);
  });

  it('a protected output sheet stops the write before anything changes, naming the sheet', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Reorder', rows: [['old']] }]);
    const reorder = excel.sheet('Reorder');
    if (reorder) reorder.protected = true;
    const before = snapshot(excel);
    const error = await port(excel).writeSheets([output('Summary', [['new']]), output('Reorder', [['new']])]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).outcome).toBe('unchanged');
    expect((error as Error).message).toMatch(/"Reorder" is protected.*Unprotect Sheet.*Nothing was changed/);
    expect(snapshot(excel)).toEqual(before);
  });

  it('a protected workbook structure is reported before anything changes', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }]);
    excel.workbookProtected = true;
    await expect(port(excel).writeSheets([output('Summary', [['new']])])).rejects.toThrow(/workbook structure is protected.*Nothing was changed/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Inputs']);
  });

  it('a failure while writing values leaves the previous outputs intact and removes the work sheets', async () => {
    let failed = false;
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Summary', rows: [['old summary']] }, { name: 'Reorder', rows: [['old reorder']] }], {
      failWhen: ({ operation }) => {
        if (failed || operation !== 'range.values') return undefined;
        failed = true;
        return new FakeExcelError('GeneralException', 'An internal error has occurred.');
      },
    });
    const before = snapshot(excel);
    const error = (await port(excel).writeSheets([output('Summary', [['new']]), output('Reorder', [['new']])]).catch((e: unknown) => e)) as ExcelHostError;
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(error.outcome).toBe('unchanged');
    expect(error.code).toBe('GeneralException');
    expect(error.message).toMatch(/previous results are unchanged.*GeneralException/);
    expect(snapshot(excel)).toEqual(before);
  });

  it('a request rejected as too large is reported in plain words', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }], {
      failWhen: ({ sync, operation }) => (sync === 2 && operation === undefined ? new FakeExcelError('RequestPayloadSizeLimitExceeded', 'too big') : undefined),
    });
    await expect(port(excel).writeSheets([output('Summary', [['new']])])).rejects.toThrow(/too large \(Excel on the web accepts at most 5 MB/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Inputs']);
  });

  it('a failure in the final swap says the results may be part old, part new', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }, { name: 'Summary', rows: [['old']] }], {
      failWhen: ({ operation }) => (operation === 'worksheet.delete' ? new FakeExcelError('InsertDeleteConflict', 'conflict') : undefined),
    });
    const error = (await port(excel).writeSheets([output('Summary', [['new']])]).catch((e: unknown) => e)) as ExcelHostError;
    expect(error.outcome).toBe('partial');
    expect(error.message).toMatch(/some results may be from this run.*Run Analyze again.*colleague/);
  });

  it('rejects an invalid spec before touching the workbook', async () => {
    const excel = new FakeExcel([{ name: 'Inputs', rows: [['x']] }]);
    await expect(port(excel).writeSheets([output('Bad:name', [['x']])])).rejects.toThrow(/cannot contain.*Nothing was changed/);
    expect(excel.syncCount).toBe(1);
  });

  it('without Excel (no host, no run given) says so plainly', async () => {
    await expect(new OfficeWorkbook().listSheets()).rejects.toThrow(/Excel is not available/);
  });
});
