/**
 * One CSV file per purchase order or shipment route (src/engine/sheets/documents.ts): the header row
 * found below the title, rows grouped by PO Number or Route in the order first seen, rows without the
 * key reported with their sheet row, safe and unique file names, RFC 4180 CSV with a BOM, and text that
 * a spreadsheet would open as a formula or a value written with a quote in front.
 */
import Papa from 'papaparse';
import { BOM, csvField, csvRecord, documentFiles, looksLikeValue, needsGuard, plainNumber, safeStem, startsFormula, UniqueNames } from '../../../src/engine/sheets/documents';

const PO_HEADER = ['PO Number', 'Supplier', 'Order Date', 'Expected Arrival', 'Destination', 'Master SKU', 'Title', 'Quantity', 'Case Pack', 'Cartons', 'Unit Cost', 'Currency', 'Line Total', 'PO Total', 'PO Total (SAR)', 'Changed Since Approval'];
const SHIP_HEADER = ['Route', 'From', 'To', 'Master SKU', 'Destination SKU', 'Title', 'Quantity', 'Case Pack', 'Cartons', 'Unit Volume (cu ft)', 'Volume (cu ft)', 'Source', 'Changed Since Approval'];

const po = (n: string, supplier: string, sku: string, title: string, qty: number, total: number) => [n, supplier, '2026-01-05', '2026-02-20', 'Amazon KSA', sku, title, qty, 12, qty / 12, 4.25, 'SAR', qty * 4.25, total, total, ''];

/** A Purchase Orders sheet as analyze lays it out: title, a preamble line and a blank row, the header (row 4), the lines. */
function poGrid(): unknown[][] {
  return [
    ['Purchase orders from approved Reorder lines'],
    ['Approved on 2026-01-05'],
    [],
    PO_HEADER,
    po('PO-1001', 'Acme Trading', 'BAG-01', 'Travel bag 50 L', 24, 204),
    po('PO-1002', 'شركة النور', 'MUG-02', 'كوب قهوة', 12, 51),
    po('PO-1001', 'Acme Trading', 'CUP-03', 'Cup, "large"', 24, 204),
    [],
    [null, '  ', null],
    po('', 'Acme Trading', 'LOST-01', 'No PO number', 12, 0),
    po('PO-1003', 'Beta', '00123', '=HYPERLINK("http://x","y")', 12, 51),
  ];
}

/** Records of a CSV (BOM removed), parsed by Papa Parse as a spreadsheet would split them. */
function records(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  // Every record ends with CRLF: the last "record" is the empty line after it.
  expect(parsed.data[parsed.data.length - 1]).toEqual(['']);
  return parsed.data.slice(0, -1);
}

describe('documentFiles: purchase orders', () => {
  const result = documentFiles('po', poGrid(), 'Purchase Orders');

  test('finds the header below the title and preamble', () => {
    expect(result.headerRow).toBe(4);
  });

  test('one file per PO Number, in the order first seen, each with all of its rows', () => {
    expect(result.files.map((f) => [f.key, f.rows])).toEqual([
      ['PO-1001', 2],
      ['PO-1002', 1],
      ['PO-1003', 1],
    ]);
    const [first] = result.files;
    expect(records(first.csv)).toEqual([
      PO_HEADER,
      ['PO-1001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Amazon KSA', 'BAG-01', 'Travel bag 50 L', '24', '12', '2', '4.25', 'SAR', '102', '204', '204', ''],
      ['PO-1001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Amazon KSA', 'CUP-03', 'Cup, "large"', '24', '12', '2', '4.25', 'SAR', '102', '204', '204', ''],
    ]);
  });

  test('names the files "<PO-number> <supplier>.csv", Arabic kept; a number without the PO- prefix gets "PO "', () => {
    expect(result.files.map((f) => f.name)).toEqual(['PO-1001 Acme Trading.csv', 'PO-1002 شركة النور.csv', 'PO-1003 Beta.csv']);
    const plain = documentFiles('po', [PO_HEADER, ['1001', 'Acme'], ['po-7', 'Beta']], 'Purchase Orders');
    expect(plain.files.map((f) => f.name)).toEqual(['PO 1001 Acme.csv', 'po-7 Beta.csv']);
  });

  test('a row without a PO Number is reported with its sheet row and left out; blank rows are skipped', () => {
    expect(result.issues).toEqual(['sheet "Purchase Orders" row 10 has no PO Number: the row was left out']);
    expect(result.rowsReported).toBe(1);
    // Rows read = rows used + rows reported (the two blank rows are not read).
    expect(result.rowsRead).toBe(5);
    expect(result.files.reduce((n, f) => n + f.rows, 0) + result.rowsReported).toBe(result.rowsRead);
    expect(result.files.some((f) => f.csv.includes('LOST-01'))).toBe(false);
  });

  test('every file starts with one BOM and ends each record with CRLF', () => {
    for (const f of result.files) {
      expect(f.csv.charCodeAt(0)).toBe(0xfeff);
      expect(f.csv.charCodeAt(1)).not.toBe(0xfeff);
      expect(f.csv.endsWith('\r\n')).toBe(true);
      expect(f.csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(f.csv.split('\r\n')).toHaveLength(f.rows + 2);
    }
  });

  test('the malicious title and the SKU "00123" are written with a quote in front, quoted; numbers as they are', () => {
    const third = result.files[2].csv;
    expect(third).toContain(`,"'00123","'=HYPERLINK(""http://x"",""y"")",12,`);
    expect(records(third)[1].slice(5, 8)).toEqual(["'00123", `'=HYPERLINK("http://x","y")`, '12']);
  });

  test('a PO Number that is a number groups and names as its digits', () => {
    const grid = [PO_HEADER, [1001, 'Acme', null, null, null, 'A', 'a', 1], [1001, 'Acme', null, null, null, 'B', 'b', 2]];
    const r = documentFiles('po', grid, 'Purchase Orders');
    expect(r.files.map((f) => [f.name, f.key, f.rows])).toEqual([['PO 1001 Acme.csv', '1001', 2]]);
    expect(records(r.files[0].csv)[1][0]).toBe('1001');
  });
});

describe('documentFiles: shipments', () => {
  const grid = [
    ['Shipments from approved transfers'],
    SHIP_HEADER,
    ['Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'BAG-01', 'NOON-BAG-01', 'Travel bag', 10, 5, 2, 0.5, 5, 'Rebalance', ''],
    ['Own warehouse → Amazon UAE', 'Own warehouse', 'Amazon UAE', 'MUG-02', 'AMZ-MUG-02', 'حقيبة', 24, 12, 2, 0.1, 2.4, 'Reorder', 'Yes'],
    ['Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'CUP-03', '00123', 'Cup', 6, 6, 1, 0.2, 1.2, 'Rebalance', ''],
    [null, 'Amazon KSA', 'noon KSA', 'X', 'Y', 'no route', 1],
  ];
  const result = documentFiles('shipments', grid, 'Shipments');

  test('one file per route, named "Shipment <from> to <to>.csv"', () => {
    expect(result.headerRow).toBe(2);
    expect(result.files.map((f) => [f.name, f.rows])).toEqual([
      ['Shipment Amazon KSA to noon KSA.csv', 2],
      ['Shipment Own warehouse to Amazon UAE.csv', 1],
    ]);
    expect(result.issues).toEqual(['sheet "Shipments" row 6 has no Route: the row was left out']);
    expect(result.rowsRead).toBe(4);
  });

  test('Destination SKU and Quantity come first, then the other columns in sheet order', () => {
    const [header, first, second] = records(result.files[0].csv);
    expect(header).toEqual(['Destination SKU', 'Quantity', 'Route', 'From', 'To', 'Master SKU', 'Title', 'Case Pack', 'Cartons', 'Unit Volume (cu ft)', 'Volume (cu ft)', 'Source', 'Changed Since Approval']);
    expect(first).toEqual(['NOON-BAG-01', '10', 'Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'BAG-01', 'Travel bag', '5', '2', '0.5', '5', 'Rebalance', '']);
    expect(second.slice(0, 2)).toEqual(["'00123", '6']);
  });

  test('a route without From or To is named by the route', () => {
    const r = documentFiles('shipments', [SHIP_HEADER, ['Amazon KSA → noon UAE', '', '', 'A', 'B', 't', 1]], 'Shipments');
    expect(r.files[0].name).toBe('Shipment Amazon KSA → noon UAE.csv');
  });
});

describe('documentFiles: the header row', () => {
  test('a sheet without the header in its first 10 rows gives no files and an issue naming it', () => {
    const late = [...Array.from({ length: 10 }, () => ['note']), PO_HEADER, po('PO-1', 'A', 'S', 'T', 1, 1)];
    for (const grid of [late, [], [['Purchase orders']], [['PO Number', 'Supplier']]]) {
      const r = documentFiles('po', grid, 'Purchase Orders');
      expect(r).toEqual({
        files: [],
        issues: ['sheet "Purchase Orders" has no header row with "PO Number" and "Master SKU" in its first 10 rows'],
        headerRow: null,
        rowsRead: 0,
        rowsReported: 0,
      });
    }
    expect(documentFiles('po', late.slice(1), 'Purchase Orders').headerRow).toBe(10);
  });

  test('the first row with both key headers is the header; a shipments sheet is not a PO sheet', () => {
    const grid = [['PO Number'], ['Master SKU'], ['x', 'PO Number', 'Master SKU'], ['y', 'PO-9', 'M']];
    const r = documentFiles('po', grid, 'Purchase Orders');
    expect([r.headerRow, r.files.map((f) => f.key)]).toEqual([3, ['PO-9']]);
    expect(documentFiles('shipments', poGrid(), 'Shipments').headerRow).toBeNull();
  });

  test('a header row with no lines below gives no files and no issue', () => {
    expect(documentFiles('po', [['Purchase orders'], PO_HEADER], 'Purchase Orders')).toEqual({ files: [], issues: [], headerRow: 2, rowsRead: 0, rowsReported: 0 });
  });
});

describe('file names', () => {
  test('characters no file system takes become "-", white space one space, Arabic stays', () => {
    expect(safeStem('PO ../../etc/passwd')).toBe('PO ..-..-etc-passwd');
    expect(safeStem('a\\b/c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeStem('a\u0000b\u001bc\u007fd\u009be\tf\r\ng')).toBe('a-b-c-d-e-f--g');
    expect(safeStem('  many   spaces\u00a0and\u3000more  ')).toBe('many spaces and more');
    expect(safeStem('شركة النور للتجارة')).toBe('شركة النور للتجارة');
    // A right-to-left override would show "evil\u202Evsc.exe" as "evilexe.csv".
    expect(safeStem('evil\u202evsc.exe\u2066x\u200fy')).toBe('evil-vsc.exe-x-y');
  });

  test('a path in the PO Number or supplier stays one name in the folder', () => {
    const grid = [PO_HEADER, ['../../x', '..\\..\\Windows\\system32', null, null, null, 'S', 't', 1], ['/etc/passwd', '.', null, null, null, 'S', 't', 1]];
    const names = documentFiles('po', grid, 'Purchase Orders').files.map((f) => f.name);
    expect(names).toEqual(['PO ..-..-x ..-..-Windows-system32.csv', 'PO -etc-passwd.csv']);
    for (const n of names) expect(n).not.toMatch(/[\\/]/);
  });

  test('names are unique without regard to case or Unicode normalization', () => {
    const names = new UniqueNames();
    expect(['PO 1 Acme', 'PO 1 ACME', 'po 1 acme', 'PO 1 Café', 'PO 1 Cafe\u0301', 'PO 1 Acme (2)'].map((n) => names.take(n))).toEqual([
      'PO 1 Acme.csv',
      'PO 1 ACME (2).csv',
      'po 1 acme (3).csv',
      'PO 1 Café.csv',
      'PO 1 Café (2).csv',
      // Already taken by the second name, without regard to case.
      'PO 1 Acme (2) (2).csv',
    ]);
  });

  test('long names are cut to 120 characters and 200 bytes of UTF-8, ".csv" and the number included', () => {
    const names = new UniqueNames();
    const latin = names.take(`PO 1 ${'A'.repeat(300)}`);
    const again = names.take(`PO 1 ${'a'.repeat(300)}`);
    expect([latin.length, again.length]).toEqual([120, 120]);
    expect(latin.endsWith('AAA.csv')).toBe(true);
    expect(again.endsWith('aaa (2).csv')).toBe(true);
    const arabic = names.take(`PO 1 ${'ن'.repeat(300)}`);
    expect(Array.from(arabic).length).toBeLessThanOrEqual(120);
    expect(new TextEncoder().encode(arabic).length).toBeLessThanOrEqual(200);
    expect(new TextEncoder().encode(arabic).length).toBeGreaterThan(190);
    const emoji = names.take(`PO 1 ${'📦'.repeat(200)}`);
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(200);
    // Never cut inside a character (a lone surrogate would not encode).
    expect(emoji).toMatch(/^PO 1 (📦)+\.csv$/u);
    // A cut does not leave a space or a dot before the extension.
    expect(names.take(`PO 1 ${'x'.repeat(110)} y`)).toBe(`PO 1 ${'x'.repeat(110)}.csv`);
  });

  test('a name made only of unsafe characters still has its prefix', () => {
    expect(documentFiles('po', [PO_HEADER, ['///', '', null, null, null, 'S', 't', 1]], 'Purchase Orders').files[0].name).toBe('PO ---.csv');
  });
});

describe('CSV fields', () => {
  test('RFC 4180 quoting: comma, double quote (doubled), CR, LF, leading or trailing space', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('trail ')).toBe('"trail "');
    expect(csvField('حقيبة سفر')).toBe('حقيبة سفر');
    expect(csvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  test.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['=1+1', `"'=1+1"`],
    ['+971 50 123 4567', `"'+971 50 123 4567"`],
    ['-5% off', `"'-5% off"`],
    ['-BAG', `"'-BAG"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\rcmd', `"'\rcmd"`],
    [' =1+1', `"' =1+1"`],
    ['\n=1+1', `"'\n=1+1"`],
    ['＝1+1', `"'＝1+1"`],
    ['=cmd|\' /C calc\'!A0', `"'=cmd|' /C calc'!A0"`],
  ])('formula injection: %j is written %s', (text, written) => {
    expect(startsFormula(text)).toBe(true);
    expect(csvField(text)).toBe(written);
    // Read back, it is the text with a quote in front.
    expect(records(`${BOM}${csvRecord([text])}`)).toEqual([[`'${text}`]]);
  });

  test('numbers are never altered: negative numbers stay numbers, no exponent, no grouping', () => {
    expect([-5, -0.5, 0, -0, 1234567.891, 0.1 + 0.2, 1e-7, -2.5e21].map((n) => csvField(n))).toEqual([
      '-5',
      '-0.5',
      '0',
      '0',
      '1234567.891',
      '0.30000000000000004',
      '0.0000001',
      '-2500000000000000000000',
    ]);
    for (const n of [1e-7, 5e-324, 1.7976931348623157e308, -2.5e21, 123.456]) expect(Number(plainNumber(n))).toBe(n);
    expect([NaN, Infinity, -Infinity, null, undefined].map((v) => csvField(v))).toEqual(['', '', '', '', '']);
  });

  test('dates as YYYY-MM-DD, booleans TRUE / FALSE', () => {
    expect(csvField(new Date('2026-01-05T00:00:00Z'))).toBe('2026-01-05');
    expect(csvField(new Date(NaN))).toBe('');
    expect([csvField(true), csvField(false)]).toEqual(['TRUE', 'FALSE']);
  });

  test.each(['00123', '1e5', '1E+05', '123', '1.50', '1,234', '1.234,5', '1 234', "1'234", '12%', '50 %', '(5)', '$1,234.50', '€5', '5-', '.5', '0123456789012345678', '1/2', '1/2/2026', '3-4-5', '05.01.2026', '2026-01-05', '2026-01-05T10:00', '12:30', '1:', '12:30 pm', 'Jan 5', '5 Jan', 'MAR-01', 'Sept 1, 2026', 'TRUE', 'false', '#N/A', '#DIV/0!', ' 42 '])(
    'text a spreadsheet would read as a value, %j, gets a quote in front',
    (text) => {
      expect(looksLikeValue(text)).toBe(true);
      expect(csvField(text)).toBe(`"'${text}"`);
    },
  );

  test.each(['BAG-01', 'SKU 12', '12 pcs', 'A1', 'R1C1', '0x1F', 'Jan', 'January', 'DECK-01', 'SEPT1X', '١٢٣', 'حقيبة 50 لتر', 'Amazon KSA → noon KSA', 'PO-1001', 'Yes', ''])(
    'ordinary text, %j, is written as it is',
    (text) => {
      expect(needsGuard(text)).toBe(false);
      expect(csvField(text)).toBe(text);
    },
  );

  test('a date column keeps its YYYY-MM-DD as it is (it opens as a date); other text there is guarded as anywhere', () => {
    expect(csvRecord(['2026-01-05', '2026-01-05', '2026-02-30', '=1'], [true, false, true, true])).toBe(`2026-01-05,"'2026-01-05","'2026-02-30","'=1"\r\n`);
  });
});
