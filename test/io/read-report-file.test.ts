import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { sayFileNote } from '../../src/engine';
import { readReportFile, type FileSheet } from '../../src/io/read-report-file';
import { AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM, csvText, NOON_SALES_EXPORT } from '../fixtures/real-headers';

/** The reader's problems as it words them after the file's name (Data Issues capitalises them). */
const notes = (sheet: FileSheet): string[] => sheet.problems.map((p) => sayFileNote(p));

// The real report files are read by test/reference/read-report-file.test.ts
// (`npm run test:reference`); here, their real headers with rows of our own (test/fixtures/real-headers.ts).

const ARABIC_TITLE = 'حقيبة ظهر';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body;
}

/** UTF-16 code units, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === 'le' ? lo : hi;
    bytes[2 * i + 1] = order === 'le' ? hi : lo;
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function readOne(fileName: string, bytes: Uint8Array): Promise<FileSheet> {
  const sheets = await readReportFile(fileName, bytes);
  expect(sheets).toHaveLength(1);
  return sheets[0];
}

describe('reports in their real columns, rows of our own', () => {
  it('reads the quoted, formatted values of a Business Report (by child item)', async () => {
    const sheet = await readOne('business-report.csv', utf8(csvText(AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM)));
    expect(sheet.delimiter).toBe(',');
    expect(sheet.grid).toEqual(AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM);
    const [header, row] = sheet.grid;
    const value = (name: string) => row[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(value('Title')).toBe('Lumive Travel Mug, Steel, 350 ml, Leak-Proof Lid');
    expect(value('Sessions - Total')).toBe('3,482');
    expect(value('Ordered Product Sales')).toBe('$5,346.86');
    expect(value('Session Percentage - Total')).toBe('8.40%');
    expect(sheet.problems).toEqual([]);
  });

  it('reads the noon sales export with its empty trailing fields', async () => {
    const sheet = await readOne('noon.csv', utf8(csvText(NOON_SALES_EXPORT)));
    expect(sheet.grid).toHaveLength(3);
    for (const row of sheet.grid) expect(row).toHaveLength(sheet.grid[0].length);
    expect(sheet.grid[1][sheet.grid[0].indexOf('item_nr')]).toBe('NSAI70000000417-1');
    expect(sheet.grid[1][sheet.grid[0].indexOf('delivered_timestamp')]).toBe('');
    expect(sheet.grid[2][sheet.grid[0].indexOf('delivered_timestamp')]).toBe('2026-05-20 09:10:00');
    expect(sheet.problems).toEqual([]);
  });
});

describe('text encodings', () => {
  const csv = `sku,title,qty\r\nA-1,${ARABIC_TITLE},${ARABIC_DIGITS}\r\n`;
  const expected = [
    ['sku', 'title', 'qty'],
    ['A-1', ARABIC_TITLE, ARABIC_DIGITS],
  ];

  it('decodes UTF-8 without a BOM', async () => {
    const sheet = await readOne('plain.csv', utf8(csv));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.grid).toEqual(expected);
  });

  it('strips a UTF-8 BOM', async () => {
    const sheet = await readOne('bom.csv', utf8(csv, true));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.grid).toEqual(expected);
    expect(sheet.grid[0][0]).toBe('sku');
    expect(sheet.problems).toEqual([]);
  });

  it('strips a BOM left twice at the start of the first cell', async () => {
    const sheet = await readOne('double-bom.csv', utf8(`\uFEFF${csv}`, true));
    expect(sheet.grid[0][0]).toBe('sku');
  });

  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('decodes UTF-16%s with a BOM, Arabic text and Arabic-Indic digits exactly', async (order, encoding) => {
    const sheet = await readOne(`unicode-${order}.csv`, utf16(csv, order));
    expect(sheet.encoding).toBe(encoding);
    expect(sheet.grid).toEqual(expected);
    expect(sheet.problems).toEqual([]);
  });

  it.each([
    ['le', 'utf-16le'],
    ['be', 'utf-16be'],
  ] as const)('recognizes UTF-16%s without a BOM', async (order, encoding) => {
    const sheet = await readOne(`nobom-${order}.txt`, utf16(csv.replace(/,/g, '\t'), order, false));
    expect(sheet.encoding).toBe(encoding);
    expect(sheet.delimiter).toBe('\t');
    expect(sheet.grid).toEqual(expected);
  });

  it('reads an Excel "Unicode Text" export: UTF-16LE, tab-delimited, quoted where needed', async () => {
    const text = `SKU\tTitle\tQty\r\n00123\t"15"" laptop bag, ${ARABIC_TITLE}"\t${ARABIC_DIGITS}\r\n`;
    const sheet = await readOne('export.txt', utf16(text, 'le'));
    expect(sheet.grid).toEqual([
      ['SKU', 'Title', 'Qty'],
      ['00123', `15" laptop bag, ${ARABIC_TITLE}`, ARABIC_DIGITS],
    ]);
  });

  it('reads Excel\'s plain "CSV" from an Arabic Windows as Windows-1256 and says so', async () => {
    // "sku,title\nA1,<Windows-1256 bytes>": CD E3 C7 E1 are ح م ا ل in the Windows-1256 code chart.
    const bytes = concat(utf8('sku,title\nA1,'), new Uint8Array([0xcd, 0xe3, 0xc7, 0xe1]), utf8('\n'));
    const sheet = await readOne('ansi.csv', bytes);
    expect(sheet.encoding).toBe('windows-1256');
    expect(sheet.grid).toEqual([
      ['sku', 'title'],
      ['A1', 'حمال'],
    ]);
    expect(notes(sheet)).toHaveLength(1);
    expect(notes(sheet)[0]).toMatch(/^decoded as Windows-1256 \(Arabic\)/);
  });

  it('does not count a real U+FFFD in the file as a decoding problem', async () => {
    const sheet = await readOne('fffd.csv', utf8('a,b\n\uFFFD,1\n'));
    expect(sheet.grid).toEqual([
      ['a', 'b'],
      ['\uFFFD', '1'],
    ]);
    expect(sheet.problems).toEqual([]);
  });
});

describe('delimited text', () => {
  it('reads an Amazon-style tab-delimited .txt report whose product names hold commas and quotes', async () => {
    const text = [
      'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tafn-fulfillable-quantity',
      'BAG-001\tX001ABCDEF\tB0CKPQNSHN\tBackpack, 30L, black, fits 15.6" laptop\tNew\t149.00\t12',
      'BAG-002\tX001ABCDEG\tB096MCMDPL\tTravel bag, grey\tNew\t99.50\t0',
      `00123\tX001ABCDEH\tB0000ARAB1\t${ARABIC_TITLE}\tNew\t${ARABIC_DIGITS}\t3`,
      '',
    ].join('\n');
    const sheet = await readOne('Inventory+Report+06-01-2024.txt', utf8(text));
    expect(sheet.format).toBe('txt');
    expect(sheet.delimiter).toBe('\t');
    expect(sheet.grid).toHaveLength(4);
    expect(sheet.grid[1][3]).toBe('Backpack, 30L, black, fits 15.6" laptop');
    expect(sheet.grid[3]).toEqual(['00123', 'X001ABCDEH', 'B0000ARAB1', ARABIC_TITLE, 'New', ARABIC_DIGITS, '3']);
    expect(sheet.problems).toEqual([]);
  });

  it('reads quotes as ordinary characters in a tab report whose field starts with an unclosed quote', async () => {
    const text = 'sku\tproduct-name\tqty\nA1\t"Classic" backpack\t5\nA2\tTote\t3\n';
    const sheet = await readOne('report.txt', utf8(text));
    expect(sheet.grid).toEqual([
      ['sku', 'product-name', 'qty'],
      ['A1', '"Classic" backpack', '5'],
      ['A2', 'Tote', '3'],
    ]);
    expect(notes(sheet).join(' ')).toMatch(/quote/);
  });

  it.each([
    [';', 'semicolon.csv'],
    ['|', 'pipe.csv'],
    ['\t', 'tabs.csv'],
    [',', 'comma.txt'],
  ])('finds the %j delimiter', async (delimiter, name) => {
    const rows = [
      ['Merchant SKU', 'Available', 'Price'],
      ['A1', '5', '1.5'],
      ['A2', '7', '2.25'],
    ];
    const sheet = await readOne(name, utf8(rows.map((r) => r.join(delimiter)).join('\r\n')));
    expect(sheet.delimiter).toBe(delimiter);
    expect(sheet.grid).toEqual(rows);
  });

  it('reads a comma-delimited .txt with a stray tab in a value as comma-delimited', async () => {
    const text = 'sku,title,qty\nA1,Bag\twith tab,1\nA2,Tote,2\nA3,Box,3\n';
    const sheet = await readOne('export.txt', utf8(text));
    expect(sheet.delimiter).toBe(',');
    expect(sheet.grid[1]).toEqual(['A1', 'Bag\twith tab', '1']);
  });

  it('finds the delimiter below a title and blank lines', async () => {
    const text = 'Report generated on 2024-06-01\n\n\nsku;qty;price\n00123;5;"1,5"\n1E5;3;2\n';
    const sheet = await readOne('report.csv', utf8(text));
    expect(sheet.delimiter).toBe(';');
    expect(sheet.grid).toEqual([['Report generated on 2024-06-01'], [''], [''], ['sku', 'qty', 'price'], ['00123', '5', '1,5'], ['1E5', '3', '2']]);
  });

  it('reads quoted fields holding delimiters, quotes and newlines', async () => {
    const text = 'sku,title,note\r\n"A,1","He said ""hi""","line one\r\nline two"\r\nB2,"a\nb",""\r\n';
    const sheet = await readOne('quoted.csv', utf8(text));
    expect(sheet.grid).toEqual([
      ['sku', 'title', 'note'],
      ['A,1', 'He said "hi"', 'line one\r\nline two'],
      ['B2', 'a\nb', ''],
    ]);
    expect(sheet.problems).toEqual([]);
  });

  it('keeps every value as the text written: SKUs, numbers, dates, formulas', async () => {
    const text = 'sku,qty,price,date\n00123,007,1.50,2024-01-05\n1E5,1e3,"1,234.50",05/01/2024\n=A1,-0,TRUE,\n';
    const sheet = await readOne('values.csv', utf8(text));
    expect(sheet.grid).toEqual([
      ['sku', 'qty', 'price', 'date'],
      ['00123', '007', '1.50', '2024-01-05'],
      ['1E5', '1e3', '1,234.50', '05/01/2024'],
      ['=A1', '-0', 'TRUE', ''],
    ]);
    for (const row of sheet.grid) for (const cell of row) expect(typeof cell).toBe('string');
  });

  it('keeps blank lines as rows so row numbers match the file', async () => {
    const text = 'sku,qty\n\nA1,1\n\n\nA2,2\n';
    const sheet = await readOne('blank.csv', utf8(text));
    expect(sheet.grid).toEqual([['sku', 'qty'], [''], ['A1', '1'], [''], [''], ['A2', '2']]);
    expect(sheet.problems).toEqual([]);
  });

  it('keeps a blank last line but not the newline that ends the file', async () => {
    expect((await readOne('a.csv', utf8('a,b\n1,2'))).grid).toEqual([['a', 'b'], ['1', '2']]);
    expect((await readOne('b.csv', utf8('a,b\n1,2\n'))).grid).toEqual([['a', 'b'], ['1', '2']]);
    expect((await readOne('c.csv', utf8('a,b\r\n1,2\r\n\r\n'))).grid).toEqual([['a', 'b'], ['1', '2'], ['']]);
  });

  it.each([
    ['\n', 'lf'],
    ['\r\n', 'crlf'],
    ['\r', 'cr'],
  ])('reads %j line endings', async (newline) => {
    const sheet = await readOne('endings.csv', utf8(['a,b', '1,2', '3,4'].join(newline) + newline));
    expect(sheet.grid).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps ragged rows as they are and counts them', async () => {
    const text = 'sku,qty,price\nA1,1,2\nA2,1\nA3,1,2,extra\nA4,1,2\n';
    const sheet = await readOne('ragged.csv', utf8(text));
    expect(sheet.grid).toEqual([['sku', 'qty', 'price'], ['A1', '1', '2'], ['A2', '1'], ['A3', '1', '2', 'extra'], ['A4', '1', '2']]);
    expect(notes(sheet)).toEqual(['2 rows have a different number of fields than most rows (3): rows 3, 4']);
    expect(sheet.problems).toEqual([{ code: 'file.ragged-rows', args: { n: 2, usual: 3, rows: [3, 4], more: false } }]);
  });

  it('reports an unclosed quote', async () => {
    const sheet = await readOne('broken.csv', utf8('sku,title\nA1,"open\nA2,x\n'));
    expect(notes(sheet).some((p) => /quoted field.*malformed/.test(p))).toBe(true);
  });

  it('reads a one-column file and says no delimiter was found', async () => {
    const sheet = await readOne('skus.csv', utf8('sku\n00123\n1E5\n'));
    expect(sheet.grid).toEqual([['sku'], ['00123'], ['1E5']]);
    expect(notes(sheet)).toEqual(['no delimiter (tab, comma, semicolon or pipe) was found: each line was read as one column']);
    expect(sheet.problems).toMatchObject([{ code: 'file.no-delimiter' }]);
  });

  it('reads a file with an unknown extension as text and says so', async () => {
    const sheet = await readOne('export.dat', utf8('a,b\n1,2\n'));
    expect(sheet.format).toBe('txt');
    expect(sheet.grid).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(notes(sheet)).toEqual(['unknown file type ".dat": read as delimited text']);
    expect(sheet.problems).toEqual([{ code: 'file.unknown-type', args: { extension: 'dat' } }]);
  });
});

describe('files that cannot be read', () => {
  it('an empty file', async () => {
    const sheet = await readOne('empty.csv', new Uint8Array(0));
    expect(sheet).toMatchObject({ source: 'empty.csv', format: 'csv', grid: [], problems: [{ code: 'file.empty', args: {} }] });
    expect(notes(sheet)).toEqual(['the file is empty']);
  });

  it('a file holding only a BOM', async () => {
    const sheet = await readOne('bom-only.csv', new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)).toEqual(['the file is empty']);
  });

  it('an empty .xlsx', async () => {
    const sheet = await readOne('empty.xlsx', new Uint8Array(0));
    expect(sheet).toMatchObject({ format: 'xlsx', grid: [], problems: [{ code: 'file.empty', args: {} }] });
    expect(notes(sheet)).toEqual(['the file is empty']);
  });

  it('a file with only blank lines', async () => {
    const sheet = await readOne('blank.csv', utf8('\n\n'));
    expect(sheet.grid).toEqual([[''], ['']]);
    expect(notes(sheet)).toEqual(['the file has only blank lines']);
    expect(sheet.problems).toMatchObject([{ code: 'file.blank-lines' }]);
  });

  it('garbage bytes named .xlsx', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const sheet = await readOne('report.xlsx', garbage);
    expect(sheet).toMatchObject({ source: 'report.xlsx', format: 'xlsx', grid: [] });
    expect(notes(sheet)).toHaveLength(1);
    expect(notes(sheet)[0]).toMatch(/^not a valid \.xlsx file/);
  });

  it('a zip that is not a workbook, named .xlsx', async () => {
    const truncated = concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(200).fill(0x41));
    const sheet = await readOne('report.xlsx', truncated);
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)).toHaveLength(1);
    expect(notes(sheet)[0]).toMatch(/^not a valid \.xlsx file/);
  });

  it('a CSV renamed to .xlsx', async () => {
    const sheet = await readOne('report.xlsx', utf8('sku,qty\nA1,1\n'));
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)[0]).toMatch(/not a valid \.xlsx file.*looks like text/);
  });

  it('binary bytes named .csv', async () => {
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256);
    const sheet = await readOne('report.csv', binary);
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)).toEqual(['the file is not text (binary content)']);
  });

  it('an .xls name', async () => {
    const sheet = await readOne('Inventory.xls', utf8('anything'));
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)).toHaveLength(1);
    expect(notes(sheet)[0]).toMatch(/save it as \.xlsx or \.csv/);
  });

  it('an old-format (OLE) workbook, whatever its name', async () => {
    const ole = concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504));
    for (const name of ['book.xls', 'book.xlsx', 'book.csv']) {
      const sheet = await readOne(name, ole);
      expect(sheet.grid).toEqual([]);
      expect(notes(sheet)[0]).toMatch(/save it as \.xlsx.* or \.csv/);
    }
  });
});

describe('xlsx workbooks', () => {
  const date = new Date(Date.UTC(2024, 0, 15));
  const link = 'https://www.amazon.sa/dp/B0CKPQNSHN';

  async function buildWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();

    const inventory = workbook.addWorksheet('Inventory');
    inventory.getCell('A1').value = `تقرير المخزون - ${ARABIC_TITLE}`;
    inventory.mergeCells('A1:D1');
    inventory.getRow(2).values = ['SKU', 'Title', 'Qty', 'Received', 'Double', 'Link', 'Active'];
    inventory.getRow(3).values = [
      '00123',
      { richText: [{ text: 'حقيبة ' }, { font: { bold: true }, text: 'ظهر' }, { text: ' 30L' }] },
      5,
      date,
      { formula: 'C3*2', result: 10 },
      { text: 'Amazon.sa', hyperlink: link },
      true,
    ];
    inventory.getRow(4).values = ['1E5', 'Plain', 2.5, null, { formula: 'C4*2', result: 5 }, { error: '#N/A' }, false];
    inventory.getCell('C5').value = { formula: 'SUM(C3:C4)', result: 7.5 };
    inventory.getCell('A6').value = ARABIC_DIGITS;

    const sales = workbook.addWorksheet('Sales');
    sales.addRow(['sku', 'units', 'double']);
    sales.addRow(['A1', 1, { formula: 'B2*2' }]);
    sales.addRow(['A2', 2, { formula: 'B3*2', result: { error: '#DIV/0!' } }]);

    workbook.addWorksheet('Empty');
    const formatted = workbook.addWorksheet('Formatted only');
    formatted.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  let sheets: FileSheet[];
  beforeAll(async () => {
    sheets = await readReportFile('Stock.xlsx', await buildWorkbook());
  });

  it('gives one FileSheet per worksheet, in order, named after the file and sheet', () => {
    expect(sheets.map((s) => s.source)).toEqual(['Stock.xlsx › Inventory', 'Stock.xlsx › Sales', 'Stock.xlsx › Empty', 'Stock.xlsx › Formatted only']);
    for (const s of sheets) {
      expect(s.format).toBe('xlsx');
      expect(s.delimiter).toBeUndefined();
      expect(s.encoding).toBeUndefined();
    }
  });

  it('reads a sheet with a merged title above the header cell by cell', () => {
    const { grid } = sheets[0];
    expect(sheets[0].problems).toEqual([]);
    expect(grid).toHaveLength(6);
    for (const row of grid) expect(row).toHaveLength(7);
    expect(grid[0]).toEqual([`تقرير المخزون - ${ARABIC_TITLE}`, null, null, null, null, null, null]);
    expect(grid[1]).toEqual(['SKU', 'Title', 'Qty', 'Received', 'Double', 'Link', 'Active']);
    expect(grid[2]).toEqual(['00123', 'حقيبة ظهر 30L', 5, date, 10, 'Amazon.sa', true]);
    expect(grid[2][3]).toBeInstanceOf(Date);
    expect((grid[2][3] as Date).getTime()).toBe(date.getTime());
    expect(grid[3]).toEqual(['1E5', 'Plain', 2.5, null, 5, '#N/A', false]);
    expect(grid[4]).toEqual([null, null, 7.5, null, null, null, null]);
    expect(grid[5]).toEqual([ARABIC_DIGITS, null, null, null, null, null, null]);
  });

  it('reads formulas as their saved results and notes those without one', () => {
    const { grid } = sheets[1];
    expect(grid).toEqual([
      ['sku', 'units', 'double'],
      ['A1', 1, null],
      ['A2', 2, '#DIV/0!'],
    ]);
    expect(notes(sheets[1])).toEqual(['1 formula cell has no saved result and was read as empty: open the file in Excel and save it again']);
    expect(sheets[1].problems).toEqual([{ code: 'file.formula-no-result', args: { n: 1 } }]);
  });

  it('returns empty worksheets with an empty grid and a problem', () => {
    expect(sheets[2].grid).toEqual([]);
    expect(notes(sheets[2])).toEqual(['the sheet is empty']);
    expect(sheets[2].problems).toMatchObject([{ code: 'file.sheet-empty' }]);
    expect(sheets[3].grid).toEqual([]);
    expect(notes(sheets[3])).toEqual(['the sheet is empty']);
  });

  it('reads a workbook misnamed .csv or .txt as xlsx and says so', async () => {
    const bytes = await buildWorkbook();
    for (const name of ['Stock.csv', 'Stock.txt']) {
      const misnamed = await readReportFile(name, bytes);
      expect(misnamed).toHaveLength(4);
      expect(misnamed[0].format).toBe('xlsx');
      expect(misnamed[0].source).toBe(`${name} › Inventory`);
      expect(misnamed[0].grid).toEqual(sheets[0].grid);
      expect(notes(misnamed[0])[0]).toMatch(/is an Excel workbook/);
    }
  });

  it('reads a workbook named .xls that is really an .xlsx', async () => {
    const misnamed = await readReportFile('Stock.xls', await buildWorkbook());
    expect(misnamed[0].grid).toEqual(sheets[0].grid);
  });
});

describe('CSV round trip (property)', () => {
  const unit = fc.constantFrom('a', 'Z', '0', '9', ' ', '-', '.', ',', ';', '|', '\t', '"', "'", '\n', '\r', '\r\n', 'ح', 'ق', 'ي', 'ب', 'ة', '٠', '٣', '٫', 'é', '€', '😀');
  const cell = fc.string({ unit, maxLength: 12 });
  const grid = (minColumns: number) =>
    fc
      .integer({ min: minColumns, max: 5 })
      .chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }));

  it('any grid of strings written with every field quoted reads back the same', async () => {
    await fc.assert(
      fc.asyncProperty(grid(1), async (rows) => {
        const sheet = await readOne('roundtrip.csv', utf8(Papa.unparse(rows, { quotes: true })));
        expect(sheet.grid).toEqual(rows);
        expect(sheet.delimiter).toBe(',');
      }),
      // A tab inside a quoted field once made the tab look like the delimiter.
      { numRuns: 300, examples: [[[['', '\t']]], [[['a;b', 'c;d']]]] },
    );
  });

  it('any grid written with minimal quoting reads back the same (no rival delimiter in the values)', async () => {
    const plainUnit = fc.constantFrom('a', 'Z', '0', ' ', '.', ',', '"', '\n', '\r', '\r\n', 'ح', 'ظ', '٣', '😀');
    const plainCell = fc.string({ unit: plainUnit, maxLength: 12 });
    const plainGrid = fc
      .integer({ min: 2, max: 5 })
      .chain((columns) => fc.array(fc.array(plainCell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(plainGrid, async (rows) => {
        const sheet = await readOne('roundtrip.csv', utf8(Papa.unparse(rows), true));
        expect(sheet.grid).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('any grid written as TSV reads back the same', async () => {
    await fc.assert(
      fc.asyncProperty(grid(2), async (rows) => {
        const sheet = await readOne('roundtrip.tsv', utf8(Papa.unparse(rows, { delimiter: '\t' })));
        expect(sheet.grid).toEqual(rows);
        expect(sheet.delimiter).toBe('\t');
      }),
      { numRuns: 300 },
    );
  });
});
