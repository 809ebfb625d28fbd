/**
 * Analyze inside Excel: the demo workbook analyzed through the Office adapter over the recording fake of
 * the Excel API gives the same cells as through the xlsx adapter (the CLI's), sheet by sheet, with the
 * same sheet order and visibility; no formula reaches Excel; and the syncs stay within the budget of
 * docs/ARCHITECTURE.md. Then a second run, as a colleague approves a row between our read and our write:
 * neither their approval nor ours is lost.
 */
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import type { RawCell } from '../../src/engine/ingest/types';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { FakeExcel } from '../helpers/fake-excel';
import { SMALL_SHEETS } from './small-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');
const FOUR_MB = 4 * 1024 * 1024;

/** Cells as both adapters give them: blanks as "". */
const plain = (rows: readonly (readonly RawCell[])[] | undefined) => (rows ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : c)));

async function demoInFake(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await new OfficeWorkbook({ run: excel.run }).writeSheets(demoInputSpecs());
  // The new workbook's Sheet1 goes, so the tabs are the demo's alone (as in the xlsx written from empty).
  excel.sheets.shift();
  excel.resetStats();
  return excel;
}

describe('Analyze of the demo workbook through the Office adapter', () => {
  let excel: FakeExcel;
  let xlsx: XlsxWorkbook;
  let office: OfficeWorkbook;

  beforeAll(async () => {
    excel = await demoInFake();
    office = new OfficeWorkbook({ run: excel.run });
    await analyzeWorkbook(office, { now: NOW });
    xlsx = XlsxWorkbook.empty();
    await xlsx.writeSheets(demoInputSpecs());
    await analyzeWorkbook(xlsx, { now: NOW });
  }, 120_000);

  it('gives the same sheets, in the same order and visibility, with the same cells as the xlsx adapter', async () => {
    const sheets = await xlsx.listSheets();
    expect(excel.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(excel.sheets.map((s) => s.visibility)).toEqual(sheets.map((s) => ({ visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' })[s.visibility]));
    const values = await xlsx.readSheets(sheets.map((s) => s.name));
    for (const sheet of excel.sheets) {
      expect({ sheet: sheet.name, cells: sheet.values() }).toEqual({ sheet: sheet.name, cells: plain(values.get(sheet.name)) });
    }
    expect(excel.sheets.length).toBeGreaterThan(20);
  });

  it('writes no formula, and the hostile demo title lands as text', () => {
    expect(excel.formulas()).toEqual([]);
    const hostile = excel.sheets.flatMap((s) => s.values().flat()).filter((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(hostile.length).toBeGreaterThan(0);
  });

  it('builds the tables, the Status drop-downs and the Summary charts in Excel', () => {
    const tables = excel.tables.map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['LumiveReorder', 'LumiveUrgentActions']));
    expect(new Set(tables).size).toBe(tables.length);
    expect(excel.sheet('Reorder')?.validations.length).toBeGreaterThan(0);
    expect(excel.sheet('Summary')?.charts.map((c) => c.type)).toEqual(['Pie', 'ColumnClustered']);
  });

  it('keeps within the sync budget: reads in 2 syncs, no request over 4 MB, total ≤ 2 + output/4 MB + a constant', async () => {
    excel.resetStats();
    office.takeSyncLog();
    await analyzeWorkbook(office, { now: NOW });
    const log = office.takeSyncLog();
    const reads = log.filter((s) => s.phase === 'list' || s.phase === 'read' || s.phase === 'size');
    const written = log.filter((s) => !['list', 'read', 'size'].includes(s.phase)).reduce((n, s) => n + s.requestBytes, 0);
    expect(reads.length).toBeLessThanOrEqual(3);
    expect(excel.largestRequest).toBeLessThanOrEqual(FOUR_MB + 4096);
    expect(excel.syncs.every((s) => s.ok)).toBe(true);
    expect(excel.syncCount).toBe(log.length);
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(written / FOUR_MB) + 4);
  });
});

describe('co-authoring: a colleague approves while Analyze runs', () => {
  /** The Office port, with a colleague's edit landing right after Analyze's first read. */
  function withColleague(excel: FakeExcel, edit: () => void): WorkbookPort {
    const office = new OfficeWorkbook({ run: excel.run });
    let reads = 0;
    return {
      listSheets: () => office.listSheets(),
      readSheets: async (names) => {
        const values = await office.readSheets(names);
        if (++reads === 1) edit();
        return values;
      },
      writeSheets: (specs, onProgress) => office.writeSheets(specs, onProgress),
    };
  }

  it("keeps our approval made before the run and the colleague's made during it, in the sheet and in the log", async () => {
    const excel = await demoInFake();
    await analyzeWorkbook(new OfficeWorkbook({ run: excel.run }), { now: NOW });
    const reorder = excel.sheet('Reorder');
    if (!reorder) throw new Error('no Reorder sheet');
    const grid = reorder.values();
    const headerAt = grid.findIndex((r) => r.includes('Master SKU') && r.includes('Status'));
    const col = (name: string) => grid[headerAt].indexOf(name);
    const pending = grid.map((r, i) => ({ r, i })).filter(({ r, i }) => i > headerAt && r[col('Status')] === 'Pending');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [ours, theirs] = pending;
    const keyOf = (r: readonly unknown[]) => `${String(r[col('Master SKU')])}|${String(r[col('Channel')])}`;

    reorder.write(ours.i, col('Status'), 'Approved');
    reorder.write(ours.i, col('Approved By'), 'Sara');
    const port = withColleague(excel, () => {
      excel.sheet('Reorder')?.write(theirs.i, col('Status'), 'Rejected');
      excel.sheet('Reorder')?.write(theirs.i, col('Approved By'), 'Omar');
    });
    await analyzeWorkbook(port, { now: new Date('2026-11-22T08:00:00Z') });

    const after = excel.sheet('Reorder')?.values() ?? [];
    const row = (key: string) => after.find((r) => keyOf(r) === key) ?? [];
    expect([row(keyOf(ours.r))[col('Status')], row(keyOf(ours.r))[col('Approved By')]]).toEqual(['Approved', 'Sara']);
    expect([row(keyOf(theirs.r))[col('Status')], row(keyOf(theirs.r))[col('Approved By')]]).toEqual(['Rejected', 'Omar']);
    const log = excel.sheets.find((s) => s.visibility === 'Hidden' && s.values()[0]?.includes('Status'))?.values().flat() ?? [];
    expect(log).toEqual(expect.arrayContaining(['Sara', 'Omar']));
  }, 60_000);
});

describe('what Analyze reads', () => {
  /** The Office port, recording the names each readSheets asks for. */
  function recording(excel: FakeExcel, reads: string[][]): WorkbookPort {
    const office = new OfficeWorkbook({ run: excel.run });
    return {
      listSheets: () => office.listSheets(),
      readSheets: (names) => {
        reads.push([...names]);
        return office.readSheets(names);
      },
      writeSheets: (specs, onProgress) => office.writeSheets(specs, onProgress),
    };
  }

  const small = (rename: Record<string, string> = {}) =>
    new FakeExcel(SMALL_SHEETS.map((s) => ({ name: rename[s.name] ?? s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));

  it('a re-run does not read back result sheets nothing uses (Health, Urgent Actions, …)', async () => {
    const excel = small();
    await analyzeWorkbook(new OfficeWorkbook({ run: excel.run }), { now: NOW });
    const reads: string[][] = [];
    await analyzeWorkbook(recording(excel, reads), { now: NOW });
    const read = reads.flat();
    for (const name of ['Urgent Actions', 'Summary', 'Health', 'Cross-Channel', 'Stranded', 'Data Issues']) expect(read).not.toContain(name);
    for (const name of ['Lumive Registry', 'Lumive Settings', 'Reorder', 'Mapping', 'noon KSA Sales']) expect(read).toContain(name);
  });

  it("a user's own sheet named like a result sheet is still read as an input, and the result goes beside it", async () => {
    const excel = small({ Mapping: 'Health' });
    const reads: string[][] = [];
    const result = await analyzeWorkbook(recording(excel, reads), { now: NOW });
    expect(reads.flat()).toContain('Health');
    // small-workbook.ts: 5 positions, all mapped through the mapping sheet now named Health.
    expect(result.analysis.metrics).toHaveLength(5);
    expect(result.analysis.metrics.every((m) => m.position.cost !== null)).toBe(true);
    expect(result.names.get('health')).toBe('Health (Lumive)');
    expect(excel.sheet('Health')?.values()[0]).toEqual(SMALL_SHEETS.find((s) => s.name === 'Mapping')?.rows[0]);
  });
});
