/**
 * The Lumive Events sheet in a real .xlsx (issue 22): written hidden by Analyze, edited by the seller
 * in the file (an event switched off, one of their own added with an Excel date), read back by the
 * next Analyze. Figures: test/engine/analysis/events-sheet-analysis.test.ts (136 bought as computed;
 * 92 with Ramadan 2027 off; a 10-day KSA launch at 100% adds 10 × 3.05 = 30.5 units).
 */
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import type { RawCell } from '../../src/engine/ingest/types';
import { plainSheet } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { LAMP_INVENTORY, lampMapping, lampOrders } from '../helpers/lamp-orders';

const NOW = new Date('2026-12-01T06:00:00Z');
const SETTINGS = { source: 'settings.json', values: { upliftRamadan: 0.5 } };
const cells = (rows: readonly (readonly RawCell[])[]) => rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : (c ?? null))));

async function analyzed(bytes?: Uint8Array): Promise<Uint8Array> {
  let port: XlsxWorkbook;
  if (bytes) port = await XlsxWorkbook.fromBuffer(bytes);
  else {
    port = XlsxWorkbook.empty();
    await port.writeSheets([
      plainSheet('Mapping', cells(lampMapping(90))),
      plainSheet('Amazon KSA inventory', cells(LAMP_INVENTORY)),
      plainSheet('Amazon KSA orders', cells(lampOrders('2026-10-01', '2026-11-30'))),
    ]);
  }
  await analyzeWorkbook(port, { now: NOW, settingsOverride: SETTINGS });
  return port.toBuffer();
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const recommended = (wb: ExcelJS.Workbook): unknown => {
  const ws = wb.getWorksheet('Reorder')!;
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(1).value === 'Master SKU') header = r;
  });
  const col = (ws.getRow(header).values as unknown[]).indexOf('Recommended Qty');
  return ws.getRow(header + 1).getCell(col).value;
};

function rowOf(ws: ExcelJS.Worksheet, name: string, year: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === name && String(row.getCell(3).value).startsWith(year)) found = r;
  });
  if (!found) throw new Error(`no ${name} ${year}`);
  return found;
}

test('switched off and added in the file, read back by the next Analyze, kept on the sheet', async () => {
  const first = await open(await analyzed());
  const events = first.getWorksheet('Lumive Events')!;
  expect(events.state).toBe('hidden');
  expect(recommended(first)).toBe(136);

  // The seller unhides the sheet, switches Ramadan 2027 off and adds a launch with dates typed as dates.
  events.getRow(rowOf(events, 'Ramadan', '2027')).getCell(6).value = 'No';
  const added = events.addRow(['Launch promo', 'KSA', new Date(Date.UTC(2027, 0, 10)), new Date(Date.UTC(2027, 0, 19)), null, 'Yes', 1, 'Yours']);
  const edited = new Uint8Array(await first.xlsx.writeBuffer());

  const second = await open(await analyzed(edited));
  // 92 without Ramadan 2027, + 30.5 for the launch: ⌈91.5 + 30.5⌉ = 122.
  expect(recommended(second)).toBe(122);
  const kept = second.getWorksheet('Lumive Events')!;
  expect(kept.state).toBe('hidden');
  expect(kept.getRow(rowOf(kept, 'Ramadan', '2027')).getCell(6).value).toBe('No');
  const launch = kept.getRow(rowOf(kept, 'Launch promo', '2027'));
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => launch.getCell(c).value)).toEqual(['Launch promo', 'KSA', '2027-01-10', '2027-01-19', 10, 'Yes', 1, 'Yours']);
  expect(added.number).toBeGreaterThan(2);
  // Nothing on the sheet was a problem.
  const issues = second.getWorksheet('Data Issues')!;
  const sheetsNamed: unknown[] = [];
  issues.eachRow((row) => sheetsNamed.push(row.getCell(1).value));
  expect(sheetsNamed).not.toContain('Lumive Events');
});
