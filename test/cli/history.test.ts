/**
 * `lumive analyze --snapshot [--date]` and `lumive compare`, in-process through main(), on a small noon
 * KSA workbook (the mapping fixture, a stock sheet and no sales report, so the snapshot figures are the
 * stock sheet's). Expected totals are hand-computed from the stock sheets below and the mapping's Cost
 * Price (BAG-01 45 SAR, MUG-02 8.50 SAR).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../helpers/cli';
import type { CellValue } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { MAPPING } from '../fixtures/reports';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-history-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

const stock = (bag: number, mug: number): CellValue[][] => [
  ['partner_sku', 'اسم المنتج', 'qty', 'warehouse_code', 'inventory type'],
  ['NOON-BAG-01', 'حقيبة ظهر للسفر', bag, 'RUH01', 'Saleable'],
  ['NOON-MUG-02', 'Ceramic Mug 350ml', mug, 'RUH01', 'Saleable'],
];

/** Writes `file` as the workbook `from` (or a new one) with the mapping and this stock. */
async function withStock(file: string, bag: number, mug: number, from?: string): Promise<void> {
  const wb = from ? await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(from))) : XlsxWorkbook.empty();
  await wb.writeSheets([plainSheet('Mapping', MAPPING as CellValue[][]), plainSheet('noon KSA stock', stock(bag, mug))]);
  fs.writeFileSync(file, await wb.toBuffer());
}

async function twoSnapshots(): Promise<string> {
  await withStock(at('in.xlsx'), 50, 10);
  expect((await run('analyze', at('in.xlsx'), '-o', at('sep.xlsx'), '--snapshot', '--date', '2026-09-30')).code).toBe(0);
  await withStock(at('in2.xlsx'), 20, 14, at('sep.xlsx'));
  const r = await run('analyze', at('in2.xlsx'), '-o', at('oct.xlsx'), '--snapshot', '--date', '2026-10-31');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Snapshot saved        2026-10-31: 2 rows (2 snapshots in the workbook)');
  return at('oct.xlsx');
}

// Each test runs lumive analyze several times in process: seconds on a busy shared machine.
jest.setTimeout(60_000);

test('analyze --snapshot --date saves one snapshot a date, and the same date again replaces it', async () => {
  const file = await twoSnapshots();
  await withStock(at('in3.xlsx'), 21, 14, file);
  const again = await run('analyze', at('in3.xlsx'), '-o', at('oct2.xlsx'), '--snapshot', '--date', '2026-10-31', '--json');
  expect(again.code).toBe(0);
  const json = JSON.parse(again.out);
  expect(json.snapshot).toMatchObject({ date: '2026-10-31', added: 2, replaced: 2, skipped: 0 });
  expect(json.history.snapshotDates).toEqual(['2026-09-30', '2026-10-31']);
  const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(at('oct2.xlsx'))));
  const grid = (await wb.readSheets(['Lumive History'])).get('Lumive History')!;
  // Header + 2 positions × 2 dates: the second save on 2026-10-31 did not add rows.
  expect(grid).toHaveLength(5);
  expect(grid.filter((r) => r[0] === '2026-10-31' && r[3] === 'BAG-01').map((r) => r[5])).toEqual([21]);
});

test('compare prints both snapshots with totals and the changes', async () => {
  const file = await twoSnapshots();
  const r = await run('compare', file, '--from', '2026-09', '--to', '2026-10-31');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Snapshots 2026-09-30 → 2026-10-31 (31 days apart)');
  // Units 50 + 10 = 60 → 20 + 14 = 34; stock value 50 × 45 + 10 × 8.5 = 2,335 → 20 × 45 + 14 × 8.5 = 1,019.
  expect(r.out).toMatch(/Units available\s+60\s+34\s+-26 \(-43\.3%\)/);
  expect(r.out).toMatch(/Stock value \(SAR\)\s+2,335\s+1,019\s+-1,316 \(-56\.4%\)/);
  expect(r.out).toContain('BAG-01');
  const j = await run('compare', file, '--from', '2026-09-30', '--to', '2026-10', '--json');
  const c = JSON.parse(j.out);
  expect(c.totals.stockValue).toEqual({ from: 2335, to: 1019 });
  expect(c.snapshots).toEqual(['2026-09-30', '2026-10-31']);
  expect(c.rows.find((x: { masterSku: string }) => x.masterSku === 'MUG-02').availableChange).toBe(4);
});

test('compare: a date without a snapshot exits 1 naming the saved ones; usage errors exit 2', async () => {
  const file = await twoSnapshots();
  const missing = await run('compare', file, '--from', '2026-08-31', '--to', '2026-10-31');
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('No snapshot on 2026-08-31 (from). Saved snapshots: 2026-09-30, 2026-10-31.');
  expect((await run('compare', file, '--from', '2026-09-30')).code).toBe(2);
  expect((await run('compare', at('nope.xlsx'), '--from', '2026-09', '--to', '2026-10')).code).toBe(2);
  const badDate = await run('analyze', file, '-o', at('x.xlsx'), '--snapshot', '--date', '2026-02-30');
  expect(badDate.code).toBe(2);
  expect(badDate.err).toContain('--date must be a day such as 2026-10-31');
});

test('compare on a workbook without history explains how to build one', async () => {
  await withStock(at('in.xlsx'), 50, 10);
  expect((await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'))).code).toBe(0);
  const r = await run('compare', at('out.xlsx'), '--from', '2026-09', '--to', '2026-10');
  expect(r.code).toBe(1);
  expect(r.err).toContain('no saved snapshot yet');
});
