/**
 * Manual page breaks (`print.rowBreaks`, spec.ts) in every adapter: the streamed .xlsx writer and the
 * exceljs render path (the package's <rowBreaks>, where CT_Worksheet wants it, and a file exceljs
 * still opens), the Office adapter through the recording fake (a break above A6 and A13 for [5, 12],
 * with the print titles), the in-memory workbook, appends (breaks shifted to where the rows land) and
 * the spec checks. Rows ≤ 0 and repeats are ignored; the rest are written in order.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, SheetSpec } from '../../src/engine/sheets/spec';
import { range, sheetSpec } from '../../src/engine/sheets/table';
import { MAX_ROWS } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { checkSpecs, MAX_ROW_BREAKS, pageBreakRows } from '../../src/workbook/spec-checks';
import { appendedSpec } from '../../src/workbook/xlsx/kept-sheet';
import { writeXlsx } from '../../src/workbook/xlsx/stream-writer';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { FakeExcel, FakeExcelError } from '../helpers/fake-excel';

/** A header row and 19 order lines, in an Excel table, with a chart (so the sheet has a drawing too). */
function orders(print: SheetSpec['print'], extra: Partial<SheetSpec> = {}): SheetSpec {
  const rows: CellValue[][] = [['PO', 'SKU', 'Qty'], ...Array.from({ length: 19 }, (_, i) => [`PO-${Math.floor(i / 6) + 1}`, `SKU-${i + 1}`, i + 1])];
  return sheetSpec('Purchase Orders', rows, {
    tables: [{ name: 'LumivePOs', range: range(0, 0, 20, 3) }],
    charts: [{ type: 'column', title: 'Qty', categories: range(1, 1, 3, 1), series: [{ name: 'Qty', values: range(1, 2, 3, 1) }], anchor: { row: 0, column: 5 }, size: { columns: 4, rows: 8 } }],
    print,
    ...extra,
  });
}

const BREAKS_5_12 = '<rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="12" max="16383" man="1"/></rowBreaks>';

/** The package's parts, unpacked: name → bytes. */
async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

/** What the streamed writer writes for `specs`. */
async function streamed(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(specs, sink);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The XML of the first worksheet part. */
async function firstSheet(bytes: Uint8Array): Promise<string> {
  return (await parts(bytes)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
}

/** Where each element opens in the sheet XML (-1: missing). */
const at = (xml: string, tag: string) => xml.search(new RegExp(`<${tag}[ >/]`));

async function opened(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('the streamed writer', () => {
  test('writes the breaks above rows 5 and 12 (ids 5 and 12, in order, once each) after pageSetup and before drawing and tableParts', async () => {
    const bytes = await streamed([orders({ landscape: true, repeatRows: 1, rowBreaks: [12, 5, 0, -2, 5] })]);
    const xml = await firstSheet(bytes);
    expect(xml).toContain(BREAKS_5_12);
    expect(xml.match(/<brk /g)).toHaveLength(2);
    const order = ['sheetData', 'pageMargins', 'pageSetup', 'rowBreaks', 'drawing', 'tableParts'].map((tag) => [tag, at(xml, tag)] as const);
    for (const [tag, i] of order) expect([tag, i >= 0]).toEqual([tag, true]);
    expect([...order].sort((a, b) => a[1] - b[1]).map(([tag]) => tag)).toEqual(order.map(([tag]) => tag));
    expect(xml.endsWith('</tableParts></worksheet>')).toBe(true);

    // exceljs (which does not read breaks back) still opens it, values, table and print titles intact.
    const ws = (await opened(bytes)).getWorksheet('Purchase Orders')!;
    expect(ws.getCell('A1').value).toBe('PO');
    expect(ws.getCell('C20').value).toBe(19);
    expect(ws.getTables()).toHaveLength(1);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });

  test('a sheet without breaks is written byte for byte as without the field (empty or ignored breaks too)', async () => {
    const plain = await parts(await streamed([orders({ landscape: true, repeatRows: 1 }), sheetSpec('Other', [['x']])]));
    expect((plain.get('xl/worksheets/sheet1.xml') as Buffer).toString()).not.toContain('rowBreaks');
    for (const rowBreaks of [[], [0, -1]]) {
      const same = await parts(await streamed([orders({ landscape: true, repeatRows: 1, rowBreaks }), sheetSpec('Other', [['x']])]));
      expect([...same.keys()]).toEqual([...plain.keys()]);
      for (const [name, part] of plain) expect([name, Buffer.compare(same.get(name) as Buffer, part)]).toEqual([name, 0]);
    }
    // With breaks, only the sheet that has them changes.
    const broken = await parts(await streamed([orders({ landscape: true, repeatRows: 1, rowBreaks: [5] }), sheetSpec('Other', [['x']])]));
    const changed = [...plain].filter(([name, part]) => !part.equals(broken.get(name) as Buffer)).map(([name]) => name);
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
  });
});

describe.each([
  ['streamed', true],
  ['rendered through exceljs', false],
])('XlsxWorkbook (%s)', (_, stream) => {
  test('writes the breaks and the file opens again', async () => {
    const book = XlsxWorkbook.empty({ stream });
    await book.writeSheets([orders({ landscape: false, repeatRows: 1, rowBreaks: [5, 12] })]);
    const bytes = await book.toBuffer();
    const xml = await firstSheet(bytes);
    expect(xml).toContain(BREAKS_5_12);
    const i = at(xml, 'rowBreaks');
    expect(at(xml, 'pageSetup')).toBeGreaterThan(0);
    expect(at(xml, 'pageSetup')).toBeLessThan(i);
    expect(i).toBeLessThan(at(xml, 'drawing'));
    expect(at(xml, 'drawing')).toBeLessThan(at(xml, 'tableParts'));
    const again = await XlsxWorkbook.fromBuffer(bytes);
    expect((await again.readSheets(['Purchase Orders'])).get('Purchase Orders')?.[12]).toEqual(['PO-2', 'SKU-12', 12]);
    expect((await opened(bytes)).getWorksheet('Purchase Orders')!.getCell('B13').value).toBe('SKU-12');
  });

  test('no breaks without rowBreaks', async () => {
    const book = XlsxWorkbook.empty({ stream });
    await book.writeSheets([orders({ landscape: false, repeatRows: 1 })]);
    expect(await firstSheet(await book.toBuffer())).not.toContain('rowBreaks');
  });

  test('an append lands its breaks below the rows already there', async () => {
    const first = XlsxWorkbook.empty({ stream });
    await first.writeSheets([sheetSpec('Log', [['When'], ['d1'], ['d2']]), sheetSpec('Other', [['x']])]);
    const book = await XlsxWorkbook.fromBuffer(await first.toBuffer(), 'the workbook', { stream });
    await book.writeSheets([sheetSpec('Log', [['d3'], ['d4'], ['d5']], { mode: 'append', print: { landscape: false, repeatRows: 1, rowBreaks: [0, 2] } })]);
    const bytes = await book.toBuffer();
    // Row 2 of the append is row 5 of the sheet: the break is below 1-based row 5.
    expect(await firstSheet(bytes)).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>');
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Log'])).get('Log')).toEqual([['When'], ['d1'], ['d2'], ['d3'], ['d4'], ['d5']]);
  });
});

describe('the Office adapter', () => {
  test('adds the breaks above A6 and A13, with the print titles', async () => {
    const excel = new FakeExcel();
    await new OfficeWorkbook({ run: excel.run }).writeSheets([orders({ landscape: true, repeatRows: 1, rowBreaks: [12, 5, 0, 5] })]);
    const sheet = excel.mustSheet('Purchase Orders');
    expect(sheet.rowBreaks).toEqual([5, 12]);
    expect(sheet.page).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: '$1:$1' });
  });

  test('adds none without rowBreaks, or without print settings', async () => {
    const excel = new FakeExcel();
    await new OfficeWorkbook({ run: excel.run }).writeSheets([orders({ landscape: true, repeatRows: 1 }), sheetSpec('Plain', [['x'], ['y']])]);
    expect(excel.mustSheet('Purchase Orders').rowBreaks).toEqual([]);
    expect(excel.mustSheet('Plain').rowBreaks).toEqual([]);
  });

  test('adding a break is an operation of the write: when Excel refuses it, nothing is changed', async () => {
    const excel = new FakeExcel([{ name: 'Sheet1', rows: [['keep']] }], {
      failWhen: ({ operation }) => (operation === 'worksheet.horizontalPageBreaks.add' ? new FakeExcelError('InvalidArgument', 'refused') : undefined),
    });
    await expect(new OfficeWorkbook({ run: excel.run }).writeSheets([orders({ landscape: true, repeatRows: 1, rowBreaks: [5] })])).rejects.toThrow(/unchanged/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('an append keeps the sheet breaks and adds its own below the rows already there', async () => {
    const excel = new FakeExcel([{ name: 'Sheet1' }, { name: 'Log', rows: [['When'], ['d1'], ['d2']] }]);
    excel.mustSheet('Log').rowBreaks.push(2);
    await new OfficeWorkbook({ run: excel.run }).writeSheets([sheetSpec('Log', [['d3'], ['d4'], ['d5']], { mode: 'append', print: { landscape: false, repeatRows: 1, rowBreaks: [2, 0] } })]);
    expect(excel.mustSheet('Log').rowBreaks).toEqual([2, 5]);
  });
});

describe('the in-memory workbook', () => {
  test('keeps the breaks of a replace, and adds an append’s shifted below the rows', async () => {
    const book = new MemoryWorkbook();
    await book.writeSheets([orders({ landscape: true, repeatRows: 1, rowBreaks: [12, 5, 5, 0] })]);
    expect(book.sheet('Purchase Orders')?.rowBreaks).toEqual([5, 12]);
    await book.writeSheets([sheetSpec('Purchase Orders', [['more'], ['lines']], { mode: 'append', print: { landscape: true, repeatRows: 1, rowBreaks: [1] } })]);
    expect(book.sheet('Purchase Orders')?.rowBreaks).toEqual([5, 12, 21]);
    await book.writeSheets([orders({ landscape: true, repeatRows: 1 })]);
    expect(book.sheet('Purchase Orders')?.rowBreaks).toEqual([]);
  });
});

describe('a kept sheet with an append', () => {
  const kept = sheetSpec('Log', [['When'], ['d1'], ['d2']], { print: { landscape: false, repeatRows: 1, rowBreaks: [2] } });

  test('has the breaks of both, the append’s shifted below its rows', () => {
    const add = sheetSpec('Log', [['d3'], ['d4']], { mode: 'append', print: { landscape: true, repeatRows: 1, rowBreaks: [1, 0] } });
    expect(appendedSpec(kept, add)?.print).toEqual({ landscape: true, repeatRows: 1, rowBreaks: [2, 4] });
  });

  test('keeps its own when the append has no breaks or no print settings', () => {
    expect(appendedSpec(kept, sheetSpec('Log', [['d3']], { mode: 'append', print: { landscape: true, repeatRows: 2 } }))?.print).toEqual({ landscape: true, repeatRows: 2, rowBreaks: [2] });
    expect(appendedSpec(kept, sheetSpec('Log', [['d3']], { mode: 'append' }))?.print).toEqual(kept.print);
    const none = sheetSpec('Log', [['When']], { print: { landscape: false, repeatRows: 1 } });
    const add = sheetSpec('Log', [['d3']], { mode: 'append', print: { landscape: true, repeatRows: 1 } });
    expect(appendedSpec(none, add)?.print).toBe(add.print);
  });
});

describe('the spec checks', () => {
  const check = (rowBreaks: readonly number[], landing = 0) => () =>
    checkSpecs([sheetSpec('PO', [['a']], { mode: landing > 0 ? 'append' : 'replace', print: { landscape: false, repeatRows: 0, rowBreaks } })], [{ name: 'PO', visibility: 'visible', tables: [], usedRows: landing }]);

  test('take whole rows inside the sheet, ignoring rows ≤ 0 and repeats', () => {
    expect(check([0, -3, 5, 5, MAX_ROWS - 1])).not.toThrow();
    expect(pageBreakRows({ landscape: false, repeatRows: 0, rowBreaks: [9, 0, -3, 5, 9, 1] })).toEqual([1, 5, 9]);
    expect(pageBreakRows(null)).toEqual([]);
    expect(pageBreakRows({ landscape: false, repeatRows: 0 })).toEqual([]);
  });

  test('refuse fractions, rows past the last one and more breaks than Excel keeps', () => {
    expect(check([2.5])).toThrow(/Sheet "PO": page breaks must be whole row numbers/);
    expect(check([Number.NaN])).toThrow(/whole row numbers/);
    expect(check([MAX_ROWS])).toThrow(/past Excel's last row/);
    expect(check([MAX_ROWS - 10], 10)).toThrow(/past Excel's last row/);
    const many = Array.from({ length: MAX_ROW_BREAKS + 1 }, (_, i) => i + 1);
    expect(check(many)).toThrow(/1024 page breaks, more than the 1023/);
    expect(check(many.slice(1))).not.toThrow();
  });
});
