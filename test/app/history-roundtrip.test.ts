/**
 * Six monthly snapshots of a small noon KSA workbook (stock and a month of dated sales each month),
 * saved with Analyze's snapshot option into an .xlsx workbook; the file is written to disk, read back,
 * and analyzed again: the Trends are the same. A second snapshot on an existing date replaces it.
 *
 * Expected values are hand-computed from the data below with the rules of src/engine/history/trends.ts
 * (file comment) and docs/FORMULAS.md ("Money": lost revenue = days out of stock × v × price; "Classes": XYZ).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkbook, readWorkbookState, type WorkbookAnalysis } from '../../src/app/analyze-workbook';
import { historyFromGrids } from '../../src/app/history';
import { HISTORY_HEADER } from '../../src/engine/history/history';
import type { CellValue } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { MAPPING } from '../fixtures/reports';

const NOON_HEADER = ['id_partner', 'src_country', 'country_code', 'dest_country', 'bayan_nr', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'brand_code', 'family', 'fulfillment_model', 'order_timestamp', 'shipment_timestamp', 'delivered_timestamp'];
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const DAYS = [31, 30, 31, 31, 30, 31];
/** Snapshot dates: the first day after each month (the seller downloads the month's reports). */
const DATES = ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];
/** BAG-01 on noon KSA: units sold in each month, and stock on each snapshot date. */
const BAG_UNITS = [10, 12, 15, 9, 9, 20];
const BAG_STOCK = [50, 30, 12, 0, 0, 40];
/** MUG-02: at least 2 units a month, one on the first and one on the last day, so each month's sales cover it whole. */
const MUG_UNITS = [2, 2, 2, 2, 4, 3];
const MUG_STOCK = [20, 18, 16, 14, 10, 7];

const dd = (d: number) => String(d).padStart(2, '0');

function salesGrid(i: number): CellValue[][] {
  const rows: CellValue[][] = [NOON_HEADER];
  let n = 0;
  const order = (sku: string, day: number, price: string) => {
    n++;
    rows.push(['1', 'SA', 'SA', 'SA', '', `NSA${i}-${n}`, sku, `Z${sku}`, 'Delivered', price, price, 'SAR', 'b', 'x', 'FBN', `${MONTHS[i]}-${dd(day)} 00:00:00`, '', '']);
  };
  for (let k = 0; k < BAG_UNITS[i]; k++) order('NOON-BAG-01', 2 + (k % 20), '99');
  for (let k = 0; k < MUG_UNITS[i]; k++) order('NOON-MUG-02', k === 0 ? 1 : k === 1 ? DAYS[i] : 15, '29');
  return rows;
}

const stockGrid = (i: number, bag = BAG_STOCK[i]): CellValue[][] => [
  ['partner_sku', 'اسم المنتج', 'qty', 'warehouse_code', 'inventory type'],
  ['NOON-BAG-01', 'حقيبة ظهر للسفر', bag, 'RUH01', 'Saleable'],
  ['NOON-MUG-02', 'Ceramic Mug 350ml', MUG_STOCK[i], 'RUH01', 'Saleable'],
];

async function month(port: XlsxWorkbook, i: number, snapshot: boolean, bag?: number): Promise<WorkbookAnalysis> {
  await port.writeSheets([plainSheet('Mapping', MAPPING as CellValue[][]), plainSheet('noon KSA sales', salesGrid(i)), plainSheet('noon KSA stock', stockGrid(i, bag))]);
  return analyzeWorkbook(port, { snapshot, now: new Date(`${DATES[i]}T06:00:00Z`) });
}

const trendOf = (r: WorkbookAnalysis, id: string) => r.analysis.trends.find((x) => x.m.id === id)?.t ?? null;

async function historyOf(port: XlsxWorkbook) {
  const state = await readWorkbookState(port);
  return historyFromGrids(state.registry, state.grids);
}

let port: XlsxWorkbook;
let last: WorkbookAnalysis;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lumive-history-'));
  port = XlsxWorkbook.empty();
  for (let i = 0; i < MONTHS.length; i++) last = await month(port, i, true);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('six monthly snapshots', () => {
  test('each save added one date; the history holds every position each month and the complete sales months', async () => {
    expect(last.snapshot?.date).toBe('2026-11-01');
    const h = await historyOf(port);
    expect(h.issues).toEqual([]);
    const rows = Array.from({ length: h.table.length }, (_, i) => h.table.row(i));
    expect([...new Set(rows.filter((r) => r.source === 'Snapshot').map((r) => r.date))]).toEqual(DATES);
    const positions = last.analysis.metrics.length;
    expect(rows.filter((r) => r.source === 'Snapshot')).toHaveLength(positions * 6);
    // BAG and MUG sold every month, each month covered from its first to its last day: 2 × 6 sales rows.
    const sales = rows.filter((r) => r.source === 'Sales report');
    expect(sales.map((r) => `${r.masterSku} ${r.period} ${r.sold}`).sort()).toEqual(
      [...MONTHS.map((m, i) => `BAG-01 ${m} ${BAG_UNITS[i]}`), ...MONTHS.map((m, i) => `MUG-02 ${m} ${MUG_UNITS[i]}`)].sort(),
    );
    // Snapshots belong to the month their sales describe (the last month of the channel's dated sales).
    expect(rows.filter((r) => r.source === 'Snapshot' && r.masterSku === 'BAG-01').map((r) => `${r.date} ${r.period} ${r.available}`)).toEqual(DATES.map((d, i) => `${d} ${MONTHS[i]} ${BAG_STOCK[i]}`));
    // The sheet is hidden, headed by the history columns.
    const sheets = await port.listSheets();
    expect(sheets.find((s) => s.name === 'Lumive History')?.visibility).toBe('hidden');
    const grid = (await port.readSheets(['Lumive History'])).get('Lumive History')!;
    expect(grid[0]).toEqual([...HISTORY_HEADER]);
  });

  test('the Trends of BAG-01 on noon KSA, by hand', () => {
    const t = trendOf(last, 'BAG-01|noon-ksa')!;
    expect(t.points.map((p) => p.period)).toEqual(MONTHS);
    expect(t.points.map((p) => p.sold)).toEqual(BAG_UNITS);
    // Velocity of a sales month = units ÷ days: October 20 / 31, September 9 / 30.
    expect(t.last?.velocity).toBeCloseTo(20 / 31, 12);
    expect(t.previous?.velocity).toBeCloseTo(9 / 30, 12);
    // (20/31 − 0.3) / 0.3 = 1.1505… > +20%: Growth. Sales (20 − 9) / 9 = 1.2222…
    expect(t.velocityChange).toBeCloseTo((20 / 31 - 0.3) / 0.3, 12);
    expect(t.salesChange).toBeCloseTo(11 / 9, 12);
    expect(t.trend).toBe('Growth');
    // Stock 0 on 2026-10-01 (September), 40 on 2026-11-01 (October).
    expect(t.stockChange).toBe(40);
    // Sparkline of [10, 12, 15, 9, 9, 20] scaled 0…20 to 8 bars: round(x / 20 × 7) = 4, 4, 5, 3, 3, 7.
    expect(t.sparkline).toBe('▅▅▆▄▄█');
    // Days out of stock. The snapshot's velocity is sold ÷ the sales span in days (orders from day 2
    // at 00:00 to the month's last day at 00:00 … MUG's first order is on day 1: span = days − 1).
    //   07-01 → 08-01 (Δ 31): 30 → 12, both > 0: 0
    //   08-01 → 09-01 (Δ 31): 12 → 0, v = 15 / 30 (July), DOI 24: 31 − 24 = 7 days
    //   09-01 → 10-01 (Δ 30): 0 → 0: 30 days, v = 9 / 30 (August)
    //   10-01 → 11-01 (Δ 31): 0 → 40: restocked at an unknown day: 31 / 2 = 15.5 days, v = 9 / 29 (September)
    expect(t.daysOutOfStock).toBeCloseTo(15.5, 12);
    expect(t.daysOutOfStockTotal).toBeCloseTo(7 + 30 + 15.5, 12);
    // Lost revenue = days × v × price (mapping's Selling Price 99 SAR).
    expect(t.lostRevenue).toBeCloseTo(15.5 * (9 / 29) * 99, 9);
    expect(t.lostRevenueTotal).toBeCloseTo((7 * (15 / 30) + 30 * (9 / 30) + 15.5 * (9 / 29)) * 99, 9);
  });

  test('the history feeds the forecast: six months of BAG-01, a fitted method and an XYZ class', () => {
    const f = last.analysis.forecasts.find((r) => r.m.id === 'BAG-01|noon-ksa')!.f;
    expect(f.months).toEqual(MONTHS);
    expect(f.history).toEqual(BAG_UNITS);
    expect(f.result).not.toBeNull();
    // CV of [10, 12, 15, 9, 9, 20]: mean 12.5, sample sd √(93.5 / 5) = 4.3243 → 0.3459 ≤ 0.5: X.
    expect(f.cv).toBeCloseTo(Math.sqrt(93.5 / 5) / 12.5, 12);
    expect(f.xyz).toBe('X');
  });

  test('the workbook written to disk and read back gives the same Trends', async () => {
    const file = path.join(dir, 'history.xlsx');
    await writeFile(file, await port.toBuffer());
    const reopened = await XlsxWorkbook.fromBuffer(new Uint8Array(await readFile(file)));
    const again = await analyzeWorkbook(reopened, { now: new Date(`${DATES[5]}T06:00:00Z`) });
    expect(again.analysis.history.snapshotDates).toEqual(DATES);
    expect(again.analysis.trends.map((r) => r.t)).toEqual(last.analysis.trends.map((r) => r.t));
    const before = (await port.readSheets(['Trends'])).get('Trends');
    const after = (await reopened.readSheets(['Trends'])).get('Trends');
    expect(after).toEqual(before);
    expect(after!.length).toBeGreaterThan(9);
  });

  test('a snapshot on an existing date replaces it, never duplicates', async () => {
    const before = await historyOf(port);
    const r = await month(port, 5, true, 41);
    expect(r.snapshot).toMatchObject({ date: '2026-11-01', replaced: last.analysis.metrics.length, skipped: 2 });
    const h = await historyOf(port);
    expect(h.table.length).toBe(before.table.length);
    const bag = Array.from({ length: h.table.length }, (_, i) => h.table.row(i)).filter((x) => x.source === 'Snapshot' && x.masterSku === 'BAG-01' && x.date === '2026-11-01');
    expect(bag.map((x) => x.available)).toEqual([41]);
    expect(r.analysis.trends.find((x) => x.m.id === 'BAG-01|noon-ksa')?.t?.stockChange).toBe(41);
  });
});
