/**
 * XlsxWorkbook: specs written to .xlsx bytes and read back (through the class, exceljs and the raw
 * package XML): values and text safety, formats, styles, tables, conditional formats, validations,
 * views, widths, visibility, append mode, kept user sheets, and the all-or-nothing checks.
 *
 * A workbook of specs alone is streamed into its package (stream-writer.ts); once anything reads it,
 * the specs are rendered through exceljs instead. The values, formats, tables and sheets tests run
 * both ways (`render`: workbooks made or opened with `stream: false`).
 */
import ExcelJS from 'exceljs';
import { range, sheetSpec as spec } from '../../src/engine/sheets/table';
import JSZip from 'jszip';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

/** The two ways a workbook of specs is saved: [name, whether the specs are rendered through exceljs first]. */
const WRITERS: readonly (readonly [string, boolean])[] = [
  ['streamed', false],
  ['rendered through exceljs', true],
];
/** Set by each `describe.each(WRITERS)` block for its tests. */
let render = false;

const empty = () => XlsxWorkbook.empty({ stream: !render });
/** A saved workbook opened to be written to again, the same way as `empty`. */
const loaded = (bytes: Uint8Array) => XlsxWorkbook.fromBuffer(bytes, 'the workbook', { stream: !render });

async function written(specs: SheetSpec[], book = empty()): Promise<Uint8Array> {
  await book.writeSheets(specs);
  return book.toBuffer();
}

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The XML of a sheet's part, found by name through the workbook and its rels. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return zip.file(`xl/${target}`)!.async('string');
}

describe.each(WRITERS)('XlsxWorkbook values (%s)', (_, rendered) => {
  beforeEach(() => {
    render = rendered;
  });
  test('numbers, booleans, text and blanks read back from A1 to the used range', async () => {
    const bytes = await written([spec('Data', [['SKU', 'Qty', 'Live'], ['00123', 5, true], [null, 2.5, false], [null, null, null]])]);
    const book = await XlsxWorkbook.fromBuffer(bytes);
    expect(await book.listSheets()).toEqual([{ name: 'Data', visibility: 'visible' }]);
    expect((await book.readSheets(['Data', 'Missing'])).get('Data')).toEqual([
      ['SKU', 'Qty', 'Live'],
      ['00123', 5, true],
      ['', 2.5, false],
    ]);
    expect((await book.readSheets(['Missing'])).size).toBe(0);
  });

  test('strings that look like formulas are written and read back as text, never formulas', async () => {
    const texts = ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+2', '@A1', '=1+1', '_x0041_ stays'];
    const bytes = await written([spec('T', [texts])]);
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['T'])).get('T')).toEqual([texts]);
    const ws = (await exceljs(bytes)).getWorksheet('T')!;
    texts.forEach((text, c) => {
      expect(ws.getCell(1, c + 1).type).toBe(ExcelJS.ValueType.String);
    });
    const xml = await sheetXml(bytes, 'T');
    expect(xml).not.toContain('<f>');
    const cells = [...xml.matchAll(/<c [^>]*>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(texts.length);
    for (const cell of cells) expect(cell).toMatch(/t="(s|inlineStr)"/);
  });

  test('reads what users put in workbooks: rich text, formula results, dates, links, errors, merges', async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet('Report');
    ws.getCell('A1').value = { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'plain' }] };
    ws.getCell('B1').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('C1').value = new Date(Date.UTC(2025, 4, 6));
    ws.getCell('D1').value = { text: 'site', hyperlink: 'https://example.com' };
    ws.getCell('E1').value = { error: '#N/A' };
    ws.getCell('A2').value = 'merged';
    ws.mergeCells('A2:B2');
    ws.getCell('C2').value = { formula: 'NA()', result: { error: '#N/A' } };
    const bytes = new Uint8Array(await user.xlsx.writeBuffer());
    const values = (await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Report'])).get('Report');
    expect(values).toEqual([
      ['Bold plain', 3, new Date(Date.UTC(2025, 4, 6)), 'site', '#N/A'],
      ['merged', '', '#N/A', '', ''],
    ]);
  });
  test('spaces at the ends, line breaks, Arabic and characters XML cannot hold', async () => {
    const texts = ['  padded  ', 'two\nlines', 'مخزون SKU-1', 'bell\u0007 and nul\u0000 dropped'];
    const bytes = await written([spec('T', [texts])]);
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['T'])).get('T')).toEqual([['  padded  ', 'two\nlines', 'مخزون SKU-1', 'bell and nul dropped']]);
  });
});

describe.each(WRITERS)('XlsxWorkbook formats (%s)', (_, rendered) => {
  beforeEach(() => {
    render = rendered;
  });
  const out = spec(
    'Out',
    [
      ['Report title'],
      ['Status', 'Qty', 'Share', 'Note'],
      ['CRITICAL', 3, 0.25, 'see below'],
      ['ok', 12, 0.75, null],
    ],
    {
      numberFormats: [
        { range: range(2, 1, 2, 1), format: '#,##0' },
        { range: range(2, 2, 2, 1), format: '0.0%' },
      ],
      styles: [
        { range: range(0, 0), style: 'title' },
        { range: range(1, 0, 1, 4), style: 'header' },
        { range: range(2, 3), style: 'note' },
        { range: range(3, 0), style: 'bold' },
      ],
      conditionalFormats: [
        { range: range(2, 0, 2, 1), rule: { type: 'textEquals', text: 'Critical', fill: 'red' } },
        { range: range(2, 1, 2, 1), rule: { type: 'lessThan', value: 5, fill: 'amber' } },
        { range: range(2, 1, 2, 1), rule: { type: 'between', from: 10, to: 5, fill: 'green' } },
      ],
      validations: [{ range: range(2, 0, 20, 1), list: ['Pending', 'Approved', 'Rejected', 'Auto-approved'] }],
      freeze: { rows: 2, columns: 1 },
      columnWidths: [18, null, 9.5],
    },
  );

  test('number formats and styles', async () => {
    const ws = (await exceljs(await written([out]))).getWorksheet('Out')!;
    expect(ws.getCell('B3').numFmt).toBe('#,##0');
    expect(ws.getCell('C4').numFmt).toBe('0.0%');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B2').font).toMatchObject({ bold: true });
    expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell('B2').border.bottom).toMatchObject({ style: 'thin' });
    expect(ws.getCell('D3').font).toMatchObject({ italic: true });
    expect(ws.getCell('A4').font).toMatchObject({ bold: true });
  });

  test('conditional formats: text equality as an expression, numbers as cellIs', async () => {
    const xml = await sheetXml(await written([out]), 'Out');
    expect(xml).toContain('<conditionalFormatting sqref="A3:A4"><cfRule type="expression" dxfId="0" priority="1"><formula>EXACT(UPPER(A3),&quot;CRITICAL&quot;)</formula>');
    expect(xml).toMatch(/<conditionalFormatting sqref="B3:B4"><cfRule type="cellIs" dxfId="\d+" priority="2" operator="lessThan"><formula>5<\/formula>/);
    expect(xml).toMatch(/operator="between"><formula>5<\/formula><formula>10<\/formula>/);
    const ws = (await exceljs(await written([out]))).getWorksheet('Out')!;
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; style?: { fill?: unknown } }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, r.rules[0].type])).toEqual([
      ['A3:A4', 'expression'],
      ['B3:B4', 'cellIs'],
      ['B3:B4', 'cellIs'],
    ]);
    expect(rules[0].rules[0].style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
  });

  test('list validation on the whole range', async () => {
    const xml = await sheetXml(await written([out]), 'Out');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="A3:A22"><formula1>&quot;Pending,Approved,Rejected,Auto-approved&quot;<\/formula1>/);
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
  });

  test('freeze panes and column widths', async () => {
    const ws = (await exceljs(await written([out]))).getWorksheet('Out')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.getColumn(1).width).toBe(18);
    expect(ws.getColumn(3).width).toBe(9.5);
  });

  test('validations stay one range after a round trip (exceljs #2820)', async () => {
    const first = await written([out]);
    const book = await loaded(first);
    const again = await written([spec('Other', [['x']])], book);
    const xml = await sheetXml(again, 'Out');
    expect([...xml.matchAll(/sqref="([^"]+)"><formula1>/g)].map((m) => m[1])).toEqual(['A3:A22']);
  });
});

describe.each(WRITERS)('XlsxWorkbook tables (%s)', (_, rendered) => {
  beforeEach(() => {
    render = rendered;
  });
  test('a table over the written cells, readable by exceljs and in the package', async () => {
    const bytes = await written([
      spec('Lines', [['Title'], [], ['SKU', 'Qty'], ['a', 1], ['=b', 2]], { tables: [{ name: 'Lines_Table', range: range(2, 0, 3, 2) }] }),
    ]);
    const ws = (await exceljs(bytes)).getWorksheet('Lines')!;
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef?: string } }[];
    expect(tables.map((t) => t.table.name)).toEqual(['Lines_Table']);
    const zip = await JSZip.loadAsync(bytes);
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toContain('name="Lines_Table"');
    expect(table).toContain('ref="A3:B5"');
    expect(table).toContain('<tableColumn id="1" name="SKU"');
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Lines'])).get('Lines')).toEqual([
      ['Title', ''],
      ['', ''],
      ['SKU', 'Qty'],
      ['a', 1],
      ['=b', 2],
    ]);
  });

  test('a table with no data rows gets one empty row', async () => {
    const bytes = await written([spec('Empty', [['SKU', 'Qty']], { tables: [{ name: 'Empty_Table', range: range(0, 0, 1, 2) }] })]);
    const table = await (await JSZip.loadAsync(bytes)).file('xl/tables/table1.xml')!.async('string');
    expect(table).toContain('ref="A1:B2"');
  });

  test('a table whose headers are not unique text is refused, naming the sheet', async () => {
    const book = empty();
    await expect(book.writeSheets([spec('Bad', [['SKU', null]], { tables: [{ name: 'T', range: range(0, 0, 1, 2) }] })])).rejects.toThrow(/Sheet "Bad": table "T": header cell B1/);
    expect(await book.listSheets()).toEqual([]);
  });
});

describe.each(WRITERS)('XlsxWorkbook sheets (%s)', (_, rendered) => {
  beforeEach(() => {
    render = rendered;
  });
  test('hidden and very hidden sheets; the active tab is a visible one', async () => {
    const bytes = await written([spec('State', [['s']], { visibility: 'veryHidden', role: 'state' }), spec('Settings', [['k']], { visibility: 'hidden' }), spec('Out', [['o']])]);
    const book = await XlsxWorkbook.fromBuffer(bytes);
    expect(await book.listSheets()).toEqual([
      { name: 'State', visibility: 'veryHidden' },
      { name: 'Settings', visibility: 'hidden' },
      { name: 'Out', visibility: 'visible' },
    ]);
    const workbook = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/activeTab="2"/);
  });

  test('replace keeps the tab position and drops the old content', async () => {
    const first = await written([spec('A', [['a']]), spec('Out', [['h1', 'h2'], ['old']], { tables: [{ name: 'OldT', range: range(0, 0, 2, 2) }] }), spec('Z', [['z']])]);
    const book = await loaded(first);
    const bytes = await written([spec('Out', [['new']], { tables: [{ name: 'OldT', range: range(0, 0, 1, 1) }] })], book);
    const again = await XlsxWorkbook.fromBuffer(bytes);
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['A', 'Out', 'Z']);
    expect((await again.readSheets(['Out'])).get('Out')).toEqual([['new']]);
  });

  test('append adds below the last non-blank row and never alters old rows', async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet('Log');
    ws.addRow(['When', 'SKU', 'Status']);
    ws.addRow([new Date(Date.UTC(2025, 0, 2)), 'A-1', 'Approved']);
    ws.getCell('B2').font = { color: { argb: 'FFFF0000' } };
    ws.getRow(3).getCell(1).value = '';
    ws.getRow(4).values = ['by hand', { formula: '1+1', result: 2 }, 'Rejected'];
    ws.getRow(6).getCell(3).value = null;
    const book = await loaded(new Uint8Array(await user.xlsx.writeBuffer()));
    const before = (await book.readSheets(['Log'])).get('Log')!;
    const appended = spec('Log', [['2025-02-01', 'B-2', 'Pending']], {
      mode: 'append',
      role: 'state',
      validations: [{ range: range(0, 2), list: ['Pending', 'Approved'] }],
    });
    const bytes = await written([appended], book);
    const after = (await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Log'])).get('Log')!;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([['2025-02-01', 'B-2', 'Pending']]);
    const reread = (await exceljs(bytes)).getWorksheet('Log')!;
    expect(reread.getCell('B4').value).toEqual({ formula: '1+1', result: 2 });
    expect(reread.getCell('B2').font).toMatchObject({ color: { argb: 'FFFF0000' } });
    expect(await sheetXml(bytes, 'Log')).toMatch(/sqref="C5"/);
  });

  test('append creates a missing sheet', async () => {
    const bytes = await written([spec('Log', [['When'], ['d1']], { mode: 'append' })]);
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Log'])).get('Log')).toEqual([['When'], ['d1']]);
  });

  test('a user sheet is kept as it was when other sheets are written', async () => {
    const user = new ExcelJS.Workbook();
    const mine = user.addWorksheet('My numbers');
    mine.getCell('A1').value = 'Cost';
    mine.getCell('A1').font = { bold: true, color: { argb: 'FF0000FF' } };
    mine.getCell('B1').value = 12.5;
    mine.getCell('B1').numFmt = '0.00';
    mine.getCell('B2').value = { formula: 'B1*2', result: 25 };
    mine.getCell('C1').value = new Date(Date.UTC(2024, 11, 31));
    mine.mergeCells('A3:B3');
    mine.getCell('A3').value = 'merged';
    mine.getColumn(1).width = 22;
    const original = new Uint8Array(await user.xlsx.writeBuffer());

    const book = await loaded(original);
    const bytes = await written([spec('Out', [['x']])], book);
    const ws = (await exceljs(bytes)).getWorksheet('My numbers')!;
    const was = (await exceljs(original)).getWorksheet('My numbers')!;
    for (const address of ['A1', 'B1', 'B2', 'C1', 'A3']) {
      expect(ws.getCell(address).value).toEqual(was.getCell(address).value);
      expect(ws.getCell(address).style).toEqual(was.getCell(address).style);
    }
    expect(ws.model.merges).toEqual(['A3:B3']);
    expect(ws.getColumn(1).width).toBe(22);
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['My numbers', 'Out']);
  });
});

describe('XlsxWorkbook writes are all-or-nothing', () => {
  test('an invalid spec anywhere in the batch leaves the workbook unchanged', async () => {
    const book = await XlsxWorkbook.fromBuffer(await written([spec('Keep', [['k']])]));
    const bad = spec('Bad', [[Number.POSITIVE_INFINITY]]);
    await expect(book.writeSheets([spec('Keep', [['changed']]), spec('New', [['n']]), bad])).rejects.toThrow(/Sheet "Bad": cell A1 holds Infinity/);
    expect(await book.listSheets()).toEqual([{ name: 'Keep', visibility: 'visible' }]);
    expect((await book.readSheets(['Keep'])).get('Keep')).toEqual([['k']]);
  });

  test('a table name already used on a kept sheet is refused', async () => {
    const book = await XlsxWorkbook.fromBuffer(await written([spec('A', [['H'], [1]], { tables: [{ name: 'Orders', range: range(0, 0, 2, 1) }] })]));
    await expect(book.writeSheets([spec('B', [['H']], { tables: [{ name: 'ORDERS', range: range(0, 0, 1, 1) }] })])).rejects.toThrow(/Sheet "B": table "ORDERS": another table/);
  });

  test('progress is reported per sheet', async () => {
    const seen: string[] = [];
    await XlsxWorkbook.empty().writeSheets([spec('A', []), spec('B', [])], (p) => seen.push(`${p.sheet} ${p.done}/${p.total}`));
    expect(seen).toEqual(['A 1/2', 'B 2/2']);
  });

  test('bytes that are not a workbook, and an empty workbook, are refused', async () => {
    await expect(XlsxWorkbook.fromBuffer(new TextEncoder().encode('not a zip'))).rejects.toThrow();
    await expect(XlsxWorkbook.empty().toBuffer()).rejects.toThrow(/at least one sheet/);
  });
});

describe('XlsxWorkbook before its specs are rendered', () => {
  const out = (rows: (string | number | null)[][]) => spec('Out', rows, { tables: [{ name: 'OutT', range: range(0, 0, rows.length, 2) }] });

  test('reads, lists and checks answer from the waiting specs as from rendered ones', async () => {
    const specs = [spec('State', [['s', null], [], [null, 'x\u0001']], { visibility: 'hidden' }), out([['SKU', 'Qty'], ['a', 1]])];
    const streamed = XlsxWorkbook.empty();
    const rendered = XlsxWorkbook.empty({ stream: false });
    for (const book of [streamed, rendered]) await book.writeSheets(specs);
    expect(await streamed.listSheets()).toEqual(await rendered.listSheets());
    expect(await streamed.readSheets(['State', 'Out', 'Missing'])).toEqual(await rendered.readSheets(['State', 'Out', 'Missing']));
    for (const book of [streamed, rendered]) {
      await expect(book.writeSheets([spec('Other', [['h']], { tables: [{ name: 'OutT', range: range(0, 0, 1, 1) }] })])).rejects.toThrow(/OutT/);
    }
  });

  test('a later write replaces a waiting sheet in its tab position or adds one at the end; the file has them all', async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets([spec('A', [['a']]), out([['SKU', 'Qty'], ['old', 1]]), spec('Z', [['z']])]);
    await book.writeSheets([out([['SKU', 'Qty'], ['new', 2]]), spec('Log', [['When'], ['d1']], { mode: 'append' })]);
    expect((await book.listSheets()).map((x) => x.name)).toEqual(['A', 'Out', 'Z', 'Log']);
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect((await again.listSheets()).map((x) => x.name)).toEqual(['A', 'Out', 'Z', 'Log']);
    expect((await again.readSheets(['Out'])).get('Out')).toEqual([
      ['SKU', 'Qty'],
      ['new', 2],
    ]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    expect(Object.keys(zip.files).filter((n) => n.startsWith('xl/tables/'))).toEqual(['xl/tables/table1.xml']);
  });

  test('an append onto a waiting sheet renders them through exceljs and lands below its rows', async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets([spec('Log', [['When'], ['d1']], { mode: 'append' }), spec('B', [['b']])]);
    await book.writeSheets([spec('Log', [['d2']], { mode: 'append' })]);
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect((await again.readSheets(['Log'])).get('Log')).toEqual([['When'], ['d1'], ['d2']]);
    expect((await again.listSheets()).map((x) => x.name)).toEqual(['Log', 'B']);
  });
});

describe('XlsxWorkbook streamed cells (the sheet XML is written as bytes)', () => {
  // Expected values: each number as JavaScript prints it (`${n}`, ECMA-262 Number::toString), which is
  // what the sheet XML held when it was built from strings, and what Excel reads back as the same double.
  const numbers = [0, -0, 7, -7, 10, 99, 100, 1_000_000, -2_147_483_649, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e21, 2.5, -0.125, 1e-7, 123456.789, 0.1 + 0.2];

  test('numbers are written as JavaScript prints them, whole or not, and read back equal', async () => {
    const bytes = await written([spec('Numbers', numbers.map((n) => [n]))]);
    const xml = await sheetXml(bytes, 'Numbers');
    numbers.forEach((n, i) => expect(xml).toContain(`<c r="A${i + 1}"><v>${n}</v></c>`));
    const values = (await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Numbers'])).get('Numbers')!;
    expect(values.map((row) => row[0])).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
  });

  test('a row longer than a chunk, and rows across many chunks, arrive whole and in order', async () => {
    // One row of 16,000 cells (about 400 KB of XML, several times a chunk), then 20,000 rows of three.
    const wide = Array.from({ length: 16_000 }, (_, c) => (c % 2 === 0 ? c : `t${c % 7}`));
    const rows = Array.from({ length: 20_000 }, (_, r) => [`SKU-${r}`, r * 3, r % 2 === 0]);
    const bytes = await written([spec('Wide', [wide]), spec('Long', rows)]);
    const read = await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(['Wide', 'Long']);
    expect(read.get('Wide')).toEqual([wide]);
    const values = [[], ...read.get('Long')!];
    expect(values.length).toBe(20_001);
    expect(values[1]).toEqual(['SKU-0', 0, true]);
    expect(values[20_000]).toEqual(['SKU-19999', 59_997, false]);
    expect(values.slice(1).every((row, r) => row[0] === `SKU-${r}` && row[1] === r * 3 && row[2] === (r % 2 === 0))).toBe(true);
  });
});
