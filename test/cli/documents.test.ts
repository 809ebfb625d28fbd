/**
 * `lumive po` and `lumive shipments` (src/cli/documents.ts), run in-process on a small workbook laid out
 * as Analyze writes its "Purchase Orders" and "Shipments" sheets (a title, a header, one row per line):
 * the files written, their names and content, what is printed, and the errors (no such sheet, an
 * output that is a file, a sheet with no lines, rows left out, a workbook that cannot be read).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Papa from 'papaparse';
import { REGISTRY_SIGNATURE } from '../../src/engine/sheets/registry';
import { run } from '../helpers/cli';
import { analyzedWorkbook, ARABIC, MALICIOUS, PO_HEADER, PO_LINES } from '../helpers/documents-workbook';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-documents-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (...parts: string[]) => path.join(dir, ...parts);

/** A CSV file's records, after checking it starts with the UTF-8 BOM and ends with CRLF. */
function csvRecords(file: string): string[][] {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('lumive po', () => {
  test('writes one CSV file per purchase order, prints each with its lines and the total', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'));
    const out = at('out', 'po');
    const r = await run('po', book, '-o', out);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.readdirSync(out).sort()).toEqual(['PO-2026-001 Acme Trading.csv', 'PO-2026-002 مصنع النور.csv']);
    expect(r.out).toBe(
      [
        `Wrote 2 purchase orders from "Purchase Orders" to ${out}:`,
        '  PO-2026-001 Acme Trading.csv  2 lines',
        '  PO-2026-002 مصنع النور.csv    1 line',
        '2 files, 3 lines',
        '',
      ].join('\n'),
    );

    const first = csvRecords(path.join(out, 'PO-2026-001 Acme Trading.csv'));
    expect(first).toEqual([
      PO_HEADER,
      ['PO-2026-001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Own warehouse', 'BAG-01', 'Travel bag', '48', '12', '4', '42.5', 'SAR', '2040', '2380', '2380', ''],
      ['PO-2026-001', 'Acme Trading', '2026-01-05', '2026-02-20', 'Own warehouse', "'00123", `'${MALICIOUS}`, '40', '20', '2', '8.5', 'SAR', '340', '2380', '2380', 'Yes'],
    ]);
    const raw = fs.readFileSync(path.join(out, 'PO-2026-001 Acme Trading.csv'), 'utf8');
    expect(raw).toContain(`,"'00123","'=HYPERLINK(""http://x"",""y"")",40,`);
    expect(csvRecords(path.join(out, 'PO-2026-002 مصنع النور.csv'))[1]).toEqual(['PO-2026-002', 'مصنع النور', '2026-01-06', '2026-03-01', 'Amazon UAE', 'MUG-02', ARABIC, '24', '12', '2', '12.25', 'AED', '294', '294', '300.15', '']);
  });

  test('the money header names the reporting currency, whatever it is', async () => {
    const header = PO_HEADER.map((h) => (h === 'PO Total (SAR)' ? 'PO Total (AED)' : h));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Purchase Orders');
    ws.addRows([['Purchase orders: 1 POs to 1 suppliers, AED 2,380.00 (approved and auto-approved Reorder lines)'], header, PO_LINES[0]]);
    await wb.xlsx.writeFile(at('aed.xlsx'));
    const r = await run('po', at('aed.xlsx'), '-o', at('out'));
    expect(r.code).toBe(0);
    expect(csvRecords(at('out', 'PO-2026-001 Acme Trading.csv'))[0]).toEqual(header);
  });

  test('a file of the same name is replaced; other files in the folder are left alone', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'));
    fs.mkdirSync(at('out'));
    fs.writeFileSync(at('out', 'PO-2026-001 Acme Trading.csv'), 'old');
    fs.writeFileSync(at('out', 'notes.txt'), 'mine');
    expect((await run('po', book, '-o', at('out'))).code).toBe(0);
    expect(fs.readFileSync(at('out', 'PO-2026-001 Acme Trading.csv'), 'utf8')).toMatch(/^\uFEFFPO Number,/);
    expect(fs.readFileSync(at('out', 'notes.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(at('out'))).toHaveLength(3);
  });

  test('a row without a PO Number is reported on standard error with its sheet row, and left out', async () => {
    const lines = [...PO_LINES, ['', 'Acme Trading', '2026-01-05', '2026-02-20', 'Own warehouse', 'LOST-01', 'Lost', 1]];
    const book = await analyzedWorkbook(at('analyzed.xlsx'), { po: lines });
    const r = await run('po', book, '-o', at('out'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('lumive po: sheet "Purchase Orders" row 7 has no PO Number: the row was left out\n');
    expect(r.out).toMatch(/^2 files, 3 lines \(1 row left out\)$/m);
  });

  test('a sheet with a header and no lines: "No purchase orders", exit 0, nothing written', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'), { po: [] });
    const r = await run('po', book, '-o', at('out'));
    expect([r.code, r.out, r.err]).toEqual([0, 'No purchase orders: no approved Reorder lines\n', '']);
    expect(fs.existsSync(at('out'))).toBe(false);
  });

  test('a workbook without the sheet: run lumive analyze first, exit 1', async () => {
    const book = await analyzedWorkbook(at('plain.xlsx'), { po: null, shipments: null });
    const r = await run('po', book, '-o', at('out'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`lumive po: ${book} has no "Purchase Orders" sheet written by Lumive. Run lumive analyze first, approve the lines, and give the workbook it wrote\n`);
    expect(fs.existsSync(at('out'))).toBe(false);
  });

  test('a sheet of that name that Lumive did not write (no such title and header): not read, exit 1', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Purchase Orders').addRows([['Purchase orders'], ['PO', 'SKU'], ['PO-1', 'A']]);
    await wb.xlsx.writeFile(at('odd.xlsx'));
    const r = await run('po', at('odd.xlsx'), '-o', at('out'));
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toBe(`lumive po: ${at('odd.xlsx')} has no "Purchase Orders" sheet written by Lumive. Run lumive analyze first, approve the lines, and give the workbook it wrote\n`);
  });

  test('the sheet under the name the registry gives it, when a user\'s sheet holds the plain name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Purchase Orders').addRows([['My own PO notes'], ['PO Number', 'Supplier'], ['X-1', 'Someone']]);
    const ours = wb.addWorksheet('Purchase Orders (Lumive)');
    ours.addRows([['Purchase orders: 1 POs to 1 suppliers, SAR 2,380.00 (approved and auto-approved Reorder lines)'], PO_HEADER, PO_LINES[0]]);
    wb.addWorksheet('Lumive Registry').addRows([[REGISTRY_SIGNATURE], ['Sheet Id', 'Sheet Name', 'Written At'], ['purchaseOrders', 'Purchase Orders (Lumive)', '2026-01-05 08:00 UTC']]);
    await wb.xlsx.writeFile(at('renamed.xlsx'));
    const r = await run('po', at('renamed.xlsx'), '-o', at('out'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('from "Purchase Orders (Lumive)"');
    expect(fs.readdirSync(at('out'))).toEqual(['PO-2026-001 Acme Trading.csv']);
  });

  test('an output that is a file is refused before anything is read; usage errors exit 2', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'));
    fs.writeFileSync(at('taken'), 'x');
    const r = await run('po', book, '-o', at('taken'));
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`lumive po: ${at('taken')} is a file, not a folder: give a folder for the purchase orders (it is created when missing)\n`);
    expect(fs.readFileSync(at('taken'), 'utf8')).toBe('x');
    // Checked first: even when the workbook does not exist.
    expect((await run('po', at('missing.xlsx'), '-o', at('taken'))).err).toMatch(/is a file, not a folder/);
    expect((await run('po', book)).code).toBe(2);
    expect((await run('po', '-o', at('out'))).code).toBe(2);
    expect((await run('po', book, '-o')).err).toMatch(/-o needs a folder/);
    expect((await run('po', book, '-o', at('out'), '--json')).err).toMatch(/unknown option --json/);
  });

  test('a workbook that cannot be read: exit 2 with the reason', async () => {
    fs.writeFileSync(at('broken.xlsx'), 'not a workbook');
    const r = await run('po', at('broken.xlsx'), '-o', at('out'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lumive po: cannot read .*broken\.xlsx: .*not a readable Excel workbook/);
    const missing = await run('po', at('missing.xlsx'), '-o', at('out'));
    expect([missing.code, missing.err]).toEqual([2, `lumive po: cannot read ${at('missing.xlsx')}: no such file or folder (ENOENT)\n`]);
  });

  test('a full disk while writing: the file named, what was written before it, exit 1, no temporary file left', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'));
    const real = fs.promises.writeFile;
    let calls = 0;
    // The second file's write fills the disk part way through.
    const spy = jest.spyOn(fs.promises, 'writeFile').mockImplementation((async (file: fs.PathLike, data: Uint8Array) => {
      if (++calls === 1) return real(file, data);
      await real(file, data.subarray(0, 10));
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), { code: 'ENOSPC', errno: -28, syscall: 'open' });
    }) as typeof real);
    try {
      const r = await run('po', book, '-o', at('out'));
      expect([r.code, r.out]).toEqual([1, '']);
      expect(r.err).toBe(`lumive po: cannot write ${at('out', 'PO-2026-002 مصنع النور.csv')}: the disk is full (ENOSPC); 1 file of 2 written before it\n`);
      expect(fs.readdirSync(at('out'))).toEqual(['PO-2026-001 Acme Trading.csv']);
    } finally {
      spy.mockRestore();
    }
  });

  test('control characters in a supplier name reach neither the terminal nor the file name', async () => {
    // Excel keeps a control character in a cell as an _xHHHH_ escape, which exceljs reads back as the character.
    const hostile = 'Evil\u001b]0;pwned\u0007 Co\u202e';
    const stored = 'Evil_x001B_]0;pwned_x0007_ Co\u202e';
    const book = await analyzedWorkbook(at('analyzed.xlsx'), { po: [['PO-9', stored, '2026-01-05', '2026-02-20', '', 'A', 'a', 1]] });
    const r = await run('po', book, '-o', at('out'));
    expect(r.code).toBe(0);
    expect(fs.readdirSync(at('out'))).toEqual(['PO-9 Evil-]0;pwned- Co-.csv']);
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The file keeps the supplier's text as it is (not guarded: it starts with a letter).
    expect(csvRecords(at('out', 'PO-9 Evil-]0;pwned- Co-.csv'))[1][1]).toBe(hostile);
  });

  test('a workbook path holding a terminal sequence is printed escaped', async () => {
    const book = await analyzedWorkbook(at('evil\u001b]0;pwned\u0007.xlsx'), { po: null });
    const r = await run('po', book, '-o', at('out'));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.err).toContain('evil\\u001b]0;pwned\\u0007.xlsx has no "Purchase Orders" sheet');
  });
});

describe('lumive shipments', () => {
  test('writes one CSV file per route: destination SKU and quantity first', async () => {
    const book = await analyzedWorkbook(at('analyzed.xlsx'));
    const r = await run('shipments', book, '-o', at('ship'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(
      [
        `Wrote 2 shipments from "Shipments" to ${at('ship')}:`,
        '  Shipment Amazon KSA to noon KSA.csv       2 lines',
        '  Shipment Own warehouse to Amazon UAE.csv  1 line',
        '2 files, 3 lines',
        '',
      ].join('\n'),
    );
    expect(csvRecords(at('ship', 'Shipment Amazon KSA to noon KSA.csv'))).toEqual([
      ['Destination SKU', 'Quantity', 'Route', 'From', 'To', 'Master SKU', 'Title', 'Case Pack', 'Cartons', 'Unit Volume (cu ft)', 'Volume (cu ft)', 'Source', 'Changed Since Approval'],
      ['NOON-BAG-01', '10', 'Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'BAG-01', `'${MALICIOUS}`, '5', '2', '0.75', '7.5', 'Rebalance', ''],
      ['NOON-CUP-03', '-3', 'Amazon KSA → noon KSA', 'Amazon KSA', 'noon KSA', 'CUP-03', 'Cup', '1', '-3', '0.2', '-0.6', 'Rebalance', 'Yes'],
    ]);
    expect(csvRecords(at('ship', 'Shipment Own warehouse to Amazon UAE.csv'))[1].slice(0, 7)).toEqual(["'00123", '24', 'Own warehouse → Amazon UAE', 'Own warehouse', 'Amazon UAE', 'MUG-02', ARABIC]);
  });

  test('no Shipments sheet, or one without lines', async () => {
    const none = await analyzedWorkbook(at('a.xlsx'), { shipments: null });
    const r = await run('shipments', none, '-o', at('ship'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has no "Shipments" sheet written by Lumive\. Run lumive analyze first/);
    const empty = await analyzedWorkbook(at('b.xlsx'), { shipments: [] });
    expect(await run('shipments', empty, '-o', at('ship'))).toEqual({ code: 0, out: 'No shipments: no approved transfer or send from the own warehouse\n', err: '' });
  });
});

test('lumive help lists po and shipments', async () => {
  const { out } = await run('help');
  expect(out).toMatch(/^ {2}po <analyzed\.xlsx> -o FOLDER/m);
  expect(out).toMatch(/^ {2}shipments <analyzed\.xlsx> -o FOLDER/m);
});
