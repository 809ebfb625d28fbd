/**
 * Saving a loaded workbook: the sheets a batch does not rewrite become specs (kept-sheet.ts) when a spec
 * can hold them, and the whole file is streamed; otherwise exceljs saves it as before. Sheets opened
 * without their content (`skip`) are never read, appended to or saved empty.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { range, sheetSpec as spec } from '../../src/engine/sheets/table';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { appendedSpec, keptSheetSpec } from '../../src/workbook/xlsx/kept-sheet';
import { SkippedSheetError, XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A hidden log as Lumive writes it: a header row (style, freeze, widths), text, numbers, a date format. */
const LOG = spec(
  'Log',
  [
    ['When', 'SKU', 'Qty', 'Note'],
    ['2026-10-01', 'A-1', 3, 'first'],
    ['2026-10-02', 'B-2', 1.5, null],
  ],
  {
    role: 'state',
    visibility: 'hidden',
    mode: 'append',
    styles: [
      { range: range(0, 0, 1, 4), style: 'header' },
      { range: range(1, 3), style: 'note' },
    ],
    numberFormats: [{ range: range(1, 2, 2, 1), format: '#,##0.00' }],
    freeze: { rows: 1, columns: 0 },
    columnWidths: [20, 12, null, 30],
  },
);

async function savedWith(specs: SheetSpec[]): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(specs);
  return book.toBuffer();
}

describe('keptSheetSpec', () => {
  test('a sheet Lumive wrote comes back as the spec that wrote it: values, looks, formats, freeze, widths, visibility', async () => {
    const ws = (await load(await savedWith([LOG, spec('Out', [['x']])]))).getWorksheet('Log')!;
    const kept = keptSheetSpec(ws)!;
    expect(kept).not.toBeNull();
    // Rows may be ragged: a blank at the end of a row is no cell at all.
    expect(kept.rows).toEqual([...LOG.rows.slice(0, 2), ['2026-10-02', 'B-2', 1.5]]);
    expect(kept.visibility).toBe('hidden');
    expect(kept.freeze).toEqual({ rows: 1, columns: 0 });
    expect(kept.columnWidths).toEqual([20, 12, null, 30]);
    expect(kept.numberFormats).toEqual([{ range: range(1, 2, 2, 1), format: '#,##0.00' }]);
    // Styles gathered column by column: the header cells and the note.
    expect([...kept.styles].sort((a, b) => a.range.column - b.range.column || a.range.row - b.range.row)).toEqual([
      { range: range(0, 0), style: 'header' },
      { range: range(0, 1), style: 'header' },
      { range: range(0, 2), style: 'header' },
      { range: range(0, 3), style: 'header' },
      { range: range(1, 3), style: 'note' },
    ]);
  });

  test('a date becomes its serial number under its format', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('D');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 0, 2));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const kept = keptSheetSpec((await load(new Uint8Array(await book.xlsx.writeBuffer()))).getWorksheet('D')!)!;
    // 2026-01-02 is day 46,024 of Excel's 1900 date system (DATE(2026,1,2) in Excel).
    expect(kept.rows).toEqual([[46024]]);
    expect(kept.numberFormats).toEqual([{ range: range(0, 0), format: 'yyyy-mm-dd' }]);
  });

  test.each([
    ['a formula', (ws: ExcelJS.Worksheet) => (ws.getCell('B1').value = { formula: '1+1', result: 2 })],
    ['rich text', (ws: ExcelJS.Worksheet) => (ws.getCell('B1').value = { richText: [{ text: 'a' }, { text: 'b', font: { bold: true } }] })],
    ['a link', (ws: ExcelJS.Worksheet) => (ws.getCell('B1').value = { text: 'site', hyperlink: 'https://example.com' })],
    ['a merge', (ws: ExcelJS.Worksheet) => ws.mergeCells('A2:B2')],
    ['another fill', (ws: ExcelJS.Worksheet) => (ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } })],
    ['a red font', (ws: ExcelJS.Worksheet) => (ws.getCell('A1').font = { color: { argb: 'FFFF0000' } })],
    ['an alignment', (ws: ExcelJS.Worksheet) => (ws.getCell('A1').alignment = { horizontal: 'center' })],
    ['a validation', (ws: ExcelJS.Worksheet) => (ws.getCell('A1').dataValidation = { type: 'list', allowBlank: true, formulae: ['"a,b"'] })],
    ['a hidden column', (ws: ExcelJS.Worksheet) => (ws.getColumn(2).hidden = true)],
    ['right to left', (ws: ExcelJS.Worksheet) => (ws.views = [{ rightToLeft: true }])],
  ])('%s makes the sheet one a spec cannot hold', async (_, change) => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.getCell('A1').value = 'kept';
    change(ws);
    expect(keptSheetSpec((await load(new Uint8Array(await book.xlsx.writeBuffer()))).getWorksheet('S')!)).toBeNull();
  });

  test('appendedSpec lands the new rows below the last non-blank row, ranges shifted, blanks leaving what was there', () => {
    const kept = spec('Log', [['When', 'SKU'], ['d1', 'A'], [null, null]], { freeze: { rows: 1, columns: 0 }, columnWidths: [20, null] });
    const add = spec('Log', [['d2', null]], { mode: 'append', numberFormats: [{ range: range(0, 0), format: '@' }], columnWidths: [null, 15] });
    const merged = appendedSpec(kept, add)!;
    expect(merged.rows).toEqual([['When', 'SKU'], ['d1', 'A'], ['d2', null]]);
    expect(merged.numberFormats).toEqual([{ range: range(2, 0), format: '@' }]);
    expect(merged.freeze).toEqual({ rows: 1, columns: 0 });
    expect(merged.columnWidths).toEqual([20, 15]);
  });
});

describe('saving a loaded workbook', () => {
  test('rewritten sheets and kept ones stream into the same workbook exceljs would save', async () => {
    const first = await savedWith([spec('Out', [['old']]), LOG]);
    const batch = [spec('Out', [['SKU', 'Qty'], ['new', 2]], { tables: [{ name: 'OutT', range: range(0, 0, 2, 2) }] }), spec('Log', [['2026-11-01', 'C-3', 7, 'third']], { mode: 'append', role: 'state', visibility: 'hidden' })];
    const saved: Record<string, ExcelJS.Workbook> = {};
    for (const stream of [true, false]) {
      const book = await XlsxWorkbook.fromBuffer(first, 'first', { stream });
      await book.writeSheets(batch);
      const bytes = await book.toBuffer();
      saved[String(stream)] = await load(bytes);
      // Streamed, the package has no exceljs fingerprints (docProps), only its own parts.
      const zip = await JSZip.loadAsync(bytes);
      expect(zip.file('docProps/app.xml') === null).toBe(stream);
    }
    for (const name of ['Out', 'Log']) {
      const [a, b] = [saved.true.getWorksheet(name)!, saved.false.getWorksheet(name)!];
      expect(a.state).toBe(b.state);
      expect(a.getSheetValues()).toEqual(b.getSheetValues());
      a.eachRow((row, r) => row.eachCell((cell, c) => expect([name, r, c, cell.numFmt, cell.font?.bold, cell.font?.italic]).toEqual([name, r, c, b.getCell(r, c).numFmt, b.getCell(r, c).font?.bold, b.getCell(r, c).font?.italic])));
    }
    expect(saved.true.getWorksheet('Log')!.getSheetValues()[4]).toEqual([undefined, '2026-11-01', 'C-3', 7, 'third']);
  });

  test('a kept sheet a spec cannot hold sends the whole workbook through exceljs, keeping it', async () => {
    const user = new ExcelJS.Workbook();
    user.addWorksheet('Mine').getCell('A1').value = { formula: '1+1', result: 2 };
    const book = await XlsxWorkbook.fromBuffer(new Uint8Array(await user.xlsx.writeBuffer()));
    await book.writeSheets([spec('Out', [['x']])]);
    const again = await load(await book.toBuffer());
    expect(again.getWorksheet('Mine')!.getCell('A1').value).toEqual({ formula: '1+1', result: 2 });
  });

  test('sheets opened without their content keep their place, are never read or appended to, and must be rewritten', async () => {
    const bytes = await savedWith([spec('A', [['a']]), spec('Big', [['b1'], ['b2']]), spec('C', [['c']])]);
    const open = () => XlsxWorkbook.fromBuffer(bytes, 'book', { skip: ['big'] });

    const reading = await open();
    expect((await reading.listSheets()).map((s) => s.name)).toEqual(['A', 'Big', 'C']);
    expect((await reading.readSheets(['A'])).get('A')).toEqual([['a']]);
    await expect(reading.readSheets(['Big'])).rejects.toBeInstanceOf(SkippedSheetError);
    await expect(reading.writeSheets([spec('Big', [['more']], { mode: 'append' })])).rejects.toBeInstanceOf(SkippedSheetError);

    const untouched = await open();
    await untouched.writeSheets([spec('A', [['a2']])]);
    await expect(untouched.toBuffer()).rejects.toBeInstanceOf(SkippedSheetError);

    const rewritten = await open();
    await rewritten.writeSheets([spec('Big', [['new']])]);
    const again = await XlsxWorkbook.fromBuffer(await rewritten.toBuffer());
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['A', 'Big', 'C']);
    expect(await again.readSheets(['A', 'Big', 'C'])).toEqual(
      new Map([
        ['A', [['a']]],
        ['Big', [['new']]],
        ['C', [['c']]],
      ]),
    );
  });
});
