/**
 * The task pane's session (src/app/session.ts) end to end over real ports: the demo workbook in memory
 * (the browser preview) and, where Excel's own behaviour matters (formulas, hidden work sheets, very
 * hidden state sheets, round trips), the Office adapter over the recording fake of Excel.
 *
 * Figures are never typed in from a run: counts come from the demo's own grids (sample-workbook.ts),
 * and every KPI is compared with analyzeWorkbook (the CLI's path) on a fresh copy of the demo.
 */
import ExcelJS from 'exceljs';
import { analyzeWorkbook, type WorkbookAnalysis } from '../../src/app/analyze-workbook';
import { isCancel, sessionOver, type AnalyzeProgress, type AnalyzeResult, type ReportsScan, type Session } from '../../src/app/session';
import { demoInputSpecs, demoWorkbook, DEMO_SHEETS } from '../../src/demo/sample-workbook';
import { sayFileNote } from '../../src/engine';
import type { RawCell } from '../../src/engine/ingest/types';
import { DEFAULT_SETTINGS } from '../../src/engine/model';
import { say } from '../../src/engine/problems';
import { SETTING_FIELDS } from '../../src/engine/sheets/settings-sheet';
import { SOURCES_SHEET, SOURCES_SIGNATURE } from '../../src/engine/sheets/sources-sheet';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM, AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM_HEADER, csvText, NOON_SALES_EXPORT } from '../fixtures/real-headers';
import { FakeExcel } from '../helpers/fake-excel';
import { HOSTILE_TITLE, SMALL_SHEETS } from './small-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');
/** The sheets Analyze writes besides the inputs (names.ts and registry.ts). */
const RESULT_SHEETS = ['Lumive Registry', 'Urgent Actions', 'Summary', 'Health', 'Reorder', 'Rebalance', 'Liquidation', 'Cross-Channel', 'Stranded', 'Data Issues', 'Lumive Settings', 'Lumive Approval Log'];
/** The Lumive state sheets the Reports panel must never list as reports. */
const LUMIVE_STATE = ['Lumive Registry', 'Lumive Settings', 'Lumive Approval Log', SOURCES_SHEET];

async function demoMemory(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.writeSheets(demoInputSpecs());
  return wb;
}

const smallMemory = () => new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })));

const smallExcel = () => new FakeExcel(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));

const officeSession = (excel: FakeExcel): Session => sessionOver(() => new OfficeWorkbook({ run: excel.run }), true);

/** Every sheet of the fake Excel: name, visibility, values. */
const excelSnapshot = (excel: FakeExcel) => excel.sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.values() }));

const report = (scan: ReportsScan, source: string) => {
  const found = scan.reports.find((r) => r.source === source);
  if (!found) throw new Error(`no report "${source}" in the scan (${scan.reports.map((r) => r.source).join(', ')})`);
  return found;
};

/** The header row (the first holding `cell`) and a column finder. */
function header(values: readonly (readonly RawCell[])[], cell = 'Master SKU') {
  const at = values.findIndex((r) => r.includes(cell));
  if (at < 0) throw new Error(`no header row with "${cell}"`);
  const names = values[at].map((c) => String(c ?? ''));
  const col = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no column "${name}" in ${names.join(', ')}`);
    return i;
  };
  return { at, names, col };
}

/**
 * The CLI's analysis of a fresh demo workbook: the reference every session figure is compared with. As
 * of today, as the session analyzes: what the GCC events ask for depends on the day (an event starting
 * within a lead time, the event days inside lead time + cover).
 */
let referenceRun: Promise<{ wb: MemoryWorkbook; result: WorkbookAnalysis }> | undefined;
const reference = () =>
  (referenceRun ??= (async () => {
    const wb = await demoMemory();
    return { wb, result: await analyzeWorkbook(wb, { now: new Date() }) };
  })());

const csvBytes = (rows: readonly (readonly string[])[]) => new TextEncoder().encode(csvText(rows));

/** noon's sales export (its real header and two rows of our own, test/fixtures/real-headers.ts) plus `extra` rows. */
function noonSalesCsv(extra: readonly (readonly string[])[] = []): { rows: string[][]; bytes: Uint8Array } {
  const rows = [...NOON_SALES_EXPORT, ...extra].map((r) => [...r]);
  return { rows, bytes: csvBytes(rows) };
}

/** A noon sales row in the export's columns: a hostile text in `family`. */
function noonRow(item: string, partnerSku: string, family: string): string[] {
  return ['108065', 'SA', 'SA', 'SA', '', item, partnerSku, `Z-${item}`, 'Delivered', '25', '25', 'SAR', 'brand', family, 'Fulfilled by Noon (FBN)', '2026-05-18 10:00:00', '', ''];
}

/** An .xlsx whose sheets each hold the Amazon business report (by child item) header and two rows; `empty` sheets hold nothing. */
async function businessReportXlsx(sheetNames: readonly string[], empty: readonly string[] = []): Promise<Uint8Array> {
  const headerRow = [...AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM_HEADER];
  const workbook = new ExcelJS.Workbook();
  const row = (values: Record<string, string | number>) => headerRow.map((h) => values[h] ?? '');
  for (const name of sheetNames) {
    const sheet = workbook.addWorksheet(name);
    if (empty.includes(name)) continue;
    sheet.addRow(headerRow);
    sheet.addRow(row({ '(Parent) ASIN': 'B0PARENT01', '(Child) ASIN': 'B0CHILD001', Title: 'Ceramic Mug 350ml', SKU: 'AMZ-MUG-1', 'Units Ordered': 12, 'Ordered Product Sales': 'AED 348.00', 'Total Order Items': 11 }));
    sheet.addRow(row({ '(Parent) ASIN': 'B0PARENT01', '(Child) ASIN': 'B0CHILD002', Title: 'Gel Pen Set', SKU: 'AMZ-PEN-2', 'Units Ordered': 3, 'Ordered Product Sales': 'AED 45.00', 'Total Order Items': 3 }));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------

describe('the demo workbook: scan, Analyze, results', () => {
  let wb: MemoryWorkbook;
  let session: Session;
  let before: ReportsScan;
  let after: ReportsScan;
  let resultsBefore: unknown;
  let progress: AnalyzeProgress[];
  let result: AnalyzeResult;
  let ref: WorkbookAnalysis;

  beforeAll(async () => {
    wb = await demoMemory();
    session = sessionOver(() => wb, false);
    before = await session.scan();
    resultsBefore = session.results();
    progress = [];
    result = await session.analyze({ onProgress: (p) => progress.push(p) });
    after = await session.scan();
    ref = (await reference()).result;
  }, 120_000);

  describe('scan', () => {
    it('lists the 13 demo sheets, each accounting for every row it read', () => {
      expect(session.connected).toBe(false);
      const demo = demoWorkbook();
      expect(before.reports.map((r) => r.source)).toEqual(demo.map((s) => s.source));
      expect(before.reports).toHaveLength(13);
      for (const r of before.reports) {
        expect({ source: r.source, read: r.rowsRead }).toEqual({ source: r.source, read: r.rowsUsed + r.rowsReported });
        // Each demo sheet is a header and its rows, no blank lines: every row below the header is read.
        expect({ source: r.source, read: r.rowsRead }).toEqual({ source: r.source, read: (demo.find((s) => s.source === r.source)?.grid.length ?? 0) - 1 });
        expect(r.kind).not.toBeNull();
        expect(r.assigned).toBeNull();
      }
      expect(before.syncs).toBeNull();
    });

    it('recognizes the Mapping (no channel needed) and gives every channel report a channel', () => {
      const mapping = report(before, DEMO_SHEETS.mapping);
      expect(mapping).toMatchObject({ kind: 'mapping', needsChannel: false, channel: null });
      expect(before.mappingSheet).toBe(DEMO_SHEETS.mapping);
      expect(report(before, DEMO_SHEETS.warehouse)).toMatchObject({ kind: 'warehouse-stock', needsChannel: false, channel: null });
      const channelReports = before.reports.filter((r) => r.needsChannel);
      expect(channelReports).toHaveLength(11);
      for (const r of channelReports) {
        expect(r.channel).toMatch(/^(amazon|noon)-(ksa|uae)$/);
        expect(r.channelLabel).not.toBeNull();
        expect(r.channelReason).toBeTruthy();
        expect(r.rowsUsed).toBe(r.rowsRead);
      }
      // The channel in the sheet's name, or in its country column.
      expect(report(before, DEMO_SHEETS.noonUaeStock)).toMatchObject({ channel: 'noon-uae', channelLabel: 'noon UAE' });
      expect(report(before, DEMO_SHEETS.noonKsaSales).channelReason).toMatch(/column says KSA/);
    });

    it('counts the 3 unmapped SKUs; no last run before Analyze, one after it', () => {
      expect(before.unmapped).toBe(3);
      expect(before.lastRun).toBeNull();
      expect(after.lastRun).not.toBeNull();
      const at = Date.parse(after.lastRun as string);
      expect(Number.isNaN(at)).toBe(false);
      expect(Math.abs(at - result.at.getTime())).toBeLessThan(60_000);
    });

    it('after Analyze lists the same 13 sheets: none of Lumive’s own is read as a report', () => {
      expect(after.reports.map((r) => r.source)).toEqual(before.reports.map((r) => r.source));
      for (const name of [...RESULT_SHEETS, ...LUMIVE_STATE]) expect(after.reports.map((r) => r.source)).not.toContain(name);
      expect(after.unmapped).toBe(before.unmapped);
    });
  });

  describe('analyze', () => {
    it('reports progress from 0 to 1, never backwards, through read → engine stages → write', () => {
      const fractions = progress.map((p) => p.fraction);
      expect(fractions[0]).toBe(0);
      fractions.forEach((f, i) => {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        if (i > 0) expect(f).toBeGreaterThanOrEqual(fractions[i - 1]);
      });
      expect(fractions[fractions.length - 1]).toBeGreaterThanOrEqual(0.99);
      const steps = progress.map((p) => p.step).filter((s, i, all) => i === 0 || s !== all[i - 1]);
      expect(steps).toEqual(['read', 'import', 'classes', 'metrics', 'recommendations', 'sheets', 'write']);
      // The write step names each sheet it writes; every result sheet is among them.
      const written = progress.filter((p) => p.step === 'write').map((p) => p.sheet);
      expect(written.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
      for (const s of result.sheets) expect(written).toContain(s.name);
    });

    it('gives the positions, sheets, issues and KPIs of the CLI’s analysis of the same workbook', () => {
      expect(result.positions).toBe(1259);
      expect(result.positions).toBe(ref.analysis.metrics.length);
      expect(result.sheets).toEqual(ref.written);
      expect(result.issues).toBe(ref.analysis.issues.length);
      expect(result.urgentTotal).toBe(ref.analysis.urgent.length);
      const k = ref.analysis.kpis;
      expect(result.kpis.currency).toBe(ref.analysis.settings.reportingCurrency);
      expect(result.kpis.positions).toBe(k.positions);
      expect(result.kpis.masterSkus).toBe(323);
      expect(result.kpis.masterSkus).toBe(k.masterSkus);
      expect(result.kpis.atRisk).toBe(k.atRisk);
      expect(result.kpis.stockValue).toBeCloseTo(k.stockValue, 6);
      expect(result.kpis.atRiskValue).toBeCloseTo(k.atRiskValue, 6);
      expect(result.kpis.lostRevenue).toBeCloseTo(k.projectedLostRevenue, 6);
      expect(result.kpis.gmroi).toBeCloseTo(k.gmroi as number, 9);
      expect(result.kpis.sellThrough).toBeCloseTo(k.sellThrough as number, 9);
      expect(result.timings.map((t) => t.step)).toEqual(expect.arrayContaining(['read workbook', 'write sheets']));
      expect(result.syncs).toBeNull();
    });

    it('gives the same KPIs as the Summary sheet it wrote', () => {
      const summary = wb.sheet('Summary')?.values ?? [];
      const value = (label: string) => {
        const row = summary.find((r) => String(r[0]) === label);
        if (!row) throw new Error(`no Summary row "${label}"`);
        return row[1] as number;
      };
      const cur = result.kpis.currency;
      expect(value('Master SKUs')).toBe(result.kpis.masterSkus);
      expect(value('Positions (SKU × channel)')).toBe(result.kpis.positions);
      expect(value('At-risk positions (Urgent Actions)')).toBe(result.kpis.atRisk);
      // The Summary rounds amounts to cents.
      expect(value(`Stock value at cost (${cur})`)).toBeCloseTo(result.kpis.stockValue, 2);
      expect(value(`Value at stake (${cur})`)).toBeCloseTo(result.kpis.atRiskValue, 2);
      expect(value(`Projected lost revenue (${cur})`)).toBeCloseTo(result.kpis.lostRevenue, 2);
      expect(value('Sell-through')).toBeCloseTo(result.kpis.sellThrough as number, 9);
    });

    it('lists the top 5 urgent actions, each linked to its row of the Urgent Actions sheet', () => {
      expect(result.urgent).toHaveLength(5);
      expect(result.urgent.map((u) => [u.masterSku, u.channel])).toEqual(ref.analysis.urgent.slice(0, 5).map((u) => [u.metrics.position.masterSku, u.metrics.position.channel.label]));
      const values = wb.sheet('Urgent Actions')?.values ?? [];
      const h = header(values);
      const seen = new Set<number>();
      for (const u of result.urgent) {
        expect(u.link).not.toBeNull();
        const link = u.link as NonNullable<typeof u.link>;
        expect(link.sheet).toBe('Urgent Actions');
        expect(link.row).toBeGreaterThan(h.at + 1);
        const row = values[link.row - 1];
        expect([row[h.col('Master SKU')], row[h.col('Channel')], row[h.col('Priority')]]).toEqual([u.masterSku, u.channel, u.priority]);
        expect(link.columns).toBe(h.names.filter((n) => n !== '').length);
        seen.add(link.row);
      }
      expect(seen.size).toBe(5);
    });

    it('select shows a linked row in the workbook', async () => {
      const link = result.urgent[2].link;
      if (!link) throw new Error('no link');
      expect(wb.selection).toBeNull();
      await session.select(link);
      expect(wb.selection).toEqual({ sheet: 'Urgent Actions', row: link.row, columns: link.columns });
    });
  });

  describe('explorer', () => {
    it('has no results before the first Analyze', () => {
      expect(resultsBefore).toBeNull();
      expect(sessionOver(() => new MemoryWorkbook(), false).results()).toBeNull();
    });

    it('search finds the KIT- Master SKUs first, then those matching elsewhere', () => {
      const index = session.results();
      if (!index) throw new Error('no results');
      const masters = [...new Set(ref.analysis.metrics.map((m) => m.position.masterSku))];
      const kits = masters.filter((m) => m.toLowerCase().startsWith('kit'));
      expect(kits.length).toBeGreaterThan(0);
      const top = index.search('kit');
      expect(top).toHaveLength(Math.min(20, kits.length));
      expect(top.every((m) => m.startsWith('KIT-'))).toBe(true);
      expect(top).toEqual([...top].sort((a, b) => a.localeCompare(b)));
      // With room for all: every KIT- Master SKU, then the others (a kitchen title, a channel SKU …).
      const all = index.search('KIT', masters.length);
      expect(all.slice(0, kits.length).sort()).toEqual([...kits].sort());
      expect(all.slice(kits.length).every((m) => !m.toLowerCase().startsWith('kit'))).toBe(true);
      expect(index.search('no-such-sku-anywhere')).toEqual([]);
    });

    it('details a Master SKU sold on several channels: one column per channel, links into several sheets', () => {
      const index = session.results();
      if (!index) throw new Error('no results');
      const byMaster = new Map<string, Set<string>>();
      for (const m of ref.analysis.metrics) byMaster.set(m.position.masterSku, (byMaster.get(m.position.masterSku) ?? new Set()).add(m.position.channel.label));
      // The first multi-channel Master SKU of the Urgent Actions (so it has rows in several sheets).
      const master = ref.analysis.urgent.map((u) => u.metrics.position.masterSku).find((m) => (byMaster.get(m)?.size ?? 0) >= 3);
      if (!master) throw new Error('no urgent Master SKU on 3 channels');
      const detail = index.detail(master.toLowerCase());
      if (!detail) throw new Error(`no detail for ${master}`);
      expect(detail.masterSku).toBe(master);
      expect(detail.channels.map((c) => c.channel).sort()).toEqual([...(byMaster.get(master) as Set<string>)].sort());
      expect(new Set(detail.channels.map((c) => c.channel)).size).toBe(detail.channels.length);
      const sheets = new Set(detail.links.map((l) => l.sheet));
      expect(sheets.size).toBeGreaterThanOrEqual(3);
      expect([...sheets]).toEqual(expect.arrayContaining(['Urgent Actions', 'Health']));
      for (const link of detail.links) {
        const values = wb.sheet(link.sheet)?.values ?? [];
        const h = header(values);
        expect({ sheet: link.sheet, row: link.row, sku: values[link.row - 1]?.[h.col('Master SKU')] }).toEqual({ sheet: link.sheet, row: link.row, sku: master });
        if (link.label && h.names.includes('Channel')) expect(values[link.row - 1][h.col('Channel')]).toBe(link.label);
      }
      // Health has one row per position: one link per channel.
      expect(detail.links.filter((l) => l.sheet === 'Health')).toHaveLength(detail.channels.length);
      expect(index.detail('NO-SUCH-SKU')).toBeNull();
    });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('assign', () => {
  /**
   * The demo with "noon KSA Stock" renamed to a name without a country and without its country_code
   * column (as a seller's trimmed copy of the export would be): its channel is unknown.
   */
  async function renamedDemo(): Promise<MemoryWorkbook> {
    const wb = await demoMemory();
    const stock = wb.sheet(DEMO_SHEETS.noonKsaStock)?.values ?? [];
    const country = stock[0].indexOf('country_code');
    expect(country).toBeGreaterThan(0);
    wb.removeSheet(DEMO_SHEETS.noonKsaStock);
    wb.addSheet('Stock export', stock.map((row) => row.filter((_, i) => i !== country)));
    return wb;
  }

  it('keeps the choice in the very hidden Lumive Sources sheet, shows it in the scan, clears it', async () => {
    const wb = await renamedDemo();
    const session = sessionOver(() => wb, false);
    const before = report(await session.scan(), 'Stock export');
    expect(before).toMatchObject({ kind: 'noon-stock', channel: null, needsChannel: true, assigned: null, rowsUsed: 0 });
    expect(before.rowsReported).toBe(before.rowsRead);
    expect(before.channelReason).toMatch(/choose the channel/);
    expect(before.issues[0].reason).toMatch(/^Channel unknown/);
    expect(wb.sheet(SOURCES_SHEET)).toBeUndefined();

    const scan = await session.assign('Stock export', { channel: 'noon-ksa' });
    const sources = wb.sheet(SOURCES_SHEET);
    expect(sources?.visibility).toBe('veryHidden');
    expect(sources?.values).toEqual([[SOURCES_SIGNATURE, '', ''], ['Sheet', 'Kind', 'Channel'], ['Stock export', '', 'noon-ksa']]);
    expect(report(scan, 'Stock export')).toMatchObject({ assigned: { channel: 'noon-ksa' }, channel: 'noon-ksa', channelLabel: 'noon KSA', channelReason: 'assigned by the user', rowsUsed: before.rowsRead, rowsReported: 0 });
    expect(scan.reports.map((r) => r.source)).not.toContain(SOURCES_SHEET);
    expect(scan.reports).toHaveLength(13);

    // A kind too, then both cleared.
    const both = await session.assign('Stock export', { kind: 'noon-stock' });
    expect(report(both, 'Stock export')).toMatchObject({ assigned: { kind: 'noon-stock', channel: 'noon-ksa' }, kind: 'noon-stock', channel: 'noon-ksa' });
    expect(wb.sheet(SOURCES_SHEET)?.values[2]).toEqual(['Stock export', 'noon-stock', 'noon-ksa']);
    const cleared = await session.assign('Stock export', { kind: undefined, channel: undefined });
    expect(report(cleared, 'Stock export')).toMatchObject({ assigned: null, channel: null, rowsUsed: 0 });
    expect(wb.sheet(SOURCES_SHEET)?.values).toEqual([[SOURCES_SIGNATURE, '', ''], ['Sheet', 'Kind', 'Channel']]);
    expect(cleared.reports.map((r) => r.source)).not.toContain(SOURCES_SHEET);
  });

  it('is honored by analyzeWorkbook without a session (the CLI path)', async () => {
    const wb = await renamedDemo();
    const unknown = await analyzeWorkbook(wb, { now: NOW });
    const src = (a: WorkbookAnalysis) => a.analysis.sources.find((s) => s.source === 'Stock export');
    expect(src(unknown)).toMatchObject({ rowsUsed: 0, channel: null });
    expect(unknown.analysis.issues.some((i) => i.source === 'Stock export' && /^Channel unknown/.test(i.reason))).toBe(true);
    expect((wb.sheet('Data Issues')?.values ?? []).some((r) => r.includes('Stock export'))).toBe(true);

    await sessionOver(() => wb, false).assign('Stock export', { channel: 'noon-ksa' });
    const known = await analyzeWorkbook(wb, { now: NOW });
    const s = src(known);
    expect(s?.channel?.id).toBe('noon-ksa');
    expect(s?.rowsUsed).toBe(s?.rowsRead);
    expect(known.analysis.issues.some((i) => i.source === 'Stock export' && /^Channel unknown/.test(i.reason))).toBe(false);
    expect(known.analysis.sources.map((x) => x.source)).not.toContain(SOURCES_SHEET);
    // The renamed, assigned sheet gives what "noon KSA Stock" gave: the same positions and stock value.
    const { result: ref } = await reference();
    expect(known.analysis.metrics).toHaveLength(ref.analysis.metrics.length);
    expect(known.analysis.kpis.stockValue).toBeCloseTo(ref.analysis.kpis.stockValue, 4);
    expect(unknown.analysis.kpis.stockValue).toBeLessThan(ref.analysis.kpis.stockValue);
  }, 60_000);

  it('leaves a user’s own sheet named "Lumive Sources" alone and reads it as a sheet of theirs', async () => {
    const wb = smallMemory();
    wb.addSheet(SOURCES_SHEET, [['my notes'], ['ask Omar about the noon stock']]);
    const session = sessionOver(() => wb, false);
    const scan = await session.assign('noon KSA Stock', { channel: 'noon-uae' });
    expect(wb.sheet(SOURCES_SHEET)?.values).toEqual([['my notes'], ['ask Omar about the noon stock']]);
    expect(wb.sheet(`${SOURCES_SHEET} (Lumive)`)?.visibility).toBe('veryHidden');
    expect(report(scan, 'noon KSA Stock')).toMatchObject({ channel: 'noon-uae', assigned: { channel: 'noon-uae' } });
    expect(scan.reports.map((r) => r.source)).toContain(SOURCES_SHEET);
    expect(scan.reports.map((r) => r.source)).not.toContain(`${SOURCES_SHEET} (Lumive)`);
  });

  it('through the Office adapter writes the choice to a very hidden sheet', async () => {
    const excel = smallExcel();
    const session = officeSession(excel);
    const scan = await session.assign('noon KSA Stock', { channel: 'noon-uae' });
    expect(excel.sheet(SOURCES_SHEET)?.visibility).toBe('VeryHidden');
    expect(report(scan, 'noon KSA Stock')).toMatchObject({ channel: 'noon-uae', channelReason: 'assigned by the user' });
    expect(scan.syncs?.syncs).toBeGreaterThan(0);
    expect(excel.formulas().filter((f) => f.startsWith(SOURCES_SHEET))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('importFiles', () => {
  const HOSTILE = HOSTILE_TITLE; // =HYPERLINK("http://x","y")

  it('writes a CSV and an .xlsx as sheets named after the files, and the scan recognizes them', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const csv = noonSalesCsv([noonRow('NSAI-T-1', '00123', HOSTILE)]);
    const xlsx = await businessReportXlsx(['Detail']);
    const calls: [string, number, number][] = [];
    const out = await session.importFiles(
      [
        { name: 'noon KSA: sales/export [May]?.csv', bytes: csv.bytes },
        { name: 'Amazon UAE Business Report May.xlsx', bytes: xlsx },
      ],
      (file, done, total) => calls.push([file, done, total]),
    );
    expect(calls).toEqual([
      ['noon KSA: sales/export [May]?.csv', 0, 2],
      ['noon KSA: sales/export [May]?.csv', 1, 2],
      ['Amazon UAE Business Report May.xlsx', 1, 2],
      ['Amazon UAE Business Report May.xlsx', 2, 2],
    ]);
    // ":", "/", "[", "]" and "?" are forbidden in sheet names: replaced, spaces collapsed, no extension.
    expect(out.files[0]).toEqual({ file: 'noon KSA: sales/export [May]?.csv', sheets: [{ name: 'noon KSA sales export May', rows: csv.rows.length, replaced: false }], problems: [] });
    const xlsxSheet = out.files[1].sheets;
    expect(xlsxSheet).toHaveLength(1);
    expect(xlsxSheet[0]).toMatchObject({ rows: 3, replaced: false });
    const xlsxName = xlsxSheet[0].name;
    expect(xlsxName.length).toBeLessThanOrEqual(31);
    expect(xlsxName.startsWith('Amazon UAE B')).toBe(true);
    expect(xlsxName).not.toMatch(/[\\/?*[\]:]|\.xlsx/i);
    expect(out.files[1].problems).toEqual([]);

    // The cells as read: the hostile text and the leading-zero SKU are literal strings.
    const written = wb.sheet('noon KSA sales export May')?.values ?? [];
    expect(written).toEqual(csv.rows);
    expect(written.flat()).toContain(HOSTILE);
    expect(wb.sheet(xlsxName)?.values[1]).toEqual(expect.arrayContaining(['B0CHILD001', 'AMZ-MUG-1', 12]));

    const names = out.scan.reports.map((r) => r.source);
    expect(names).toHaveLength(15);
    expect(report(out.scan, 'noon KSA sales export May')).toMatchObject({ kind: 'noon-sales', channel: 'noon-ksa', rowsRead: csv.rows.length - 1, rowsUsed: csv.rows.length - 1 });
    expect(report(out.scan, xlsxName)).toMatchObject({ kind: 'amazon-business-report', channel: 'amazon-uae', rowsRead: 2, rowsUsed: 2 });
  });

  it('replaces the sheet of a re-imported file and writes nothing for an empty one', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const first = noonSalesCsv([noonRow('NSAI-T-1', 'SKU-1', 'home'), noonRow('NSAI-T-2', 'SKU-2', 'home')]);
    await session.importFiles([{ name: 'noon-sales.csv', bytes: first.bytes }]);
    const count = wb.toJSON().sheets.length;
    const again = noonSalesCsv();
    const out = await session.importFiles([
      { name: 'noon-sales.csv', bytes: again.bytes },
      { name: 'empty.csv', bytes: new Uint8Array(0) },
    ]);
    expect(out.files[0].sheets).toEqual([{ name: 'noon-sales', rows: again.rows.length, replaced: true }]);
    expect(wb.toJSON().sheets.length).toBe(count);
    expect(wb.toJSON().sheets.filter((s) => s.name.toLowerCase().startsWith('noon-sales'))).toHaveLength(1);
    expect(wb.sheet('noon-sales')?.values).toEqual(again.rows);
    expect(out.files[1].sheets).toEqual([]);
    expect(out.files[1].problems).toEqual([{ code: 'file.empty', args: {} }]);
    expect(wb.sheet('empty')).toBeUndefined();
    expect(out.scan.reports.map((r) => r.source).filter((n) => n.startsWith('empty'))).toEqual([]);
  });

  it('a workbook with several sheets gives a sheet each (distinct names, ≤ 31 characters), empty sheets none', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    // "… Detail" and "… Details" both shorten to the same 31 characters.
    const bytes = await businessReportXlsx(['Detail', 'Notes', 'Details'], ['Notes']);
    const out = await session.importFiles([{ name: 'Amazon UAE Business Report.xlsx', bytes }]);
    const sheets = out.files[0].sheets;
    expect(sheets.map((s) => [s.rows, s.replaced])).toEqual([
      [3, false],
      [3, false],
    ]);
    const [a, b] = sheets.map((s) => s.name);
    expect(a).not.toBe(b);
    for (const name of [a, b]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name.startsWith('Amazon UAE B')).toBe(true);
      expect(report(out.scan, name)).toMatchObject({ kind: 'amazon-business-report', channel: 'amazon-uae' });
    }
    // The two sheets hold the same rows: the second repeats the first and is not counted again.
    expect(report(out.scan, a)).toMatchObject({ rowsUsed: 2, rowsReported: 0 });
    expect(report(out.scan, b)).toMatchObject({ rowsUsed: 0, rowsReported: 2 });
    expect(report(out.scan, b).issues[0].reason).toBe(`Same content as ${a}: not counted again`);
    expect(out.files[0].problems).toEqual([{ code: 'file.sheet-empty', args: {} }]);
    expect(out.scan.reports).toHaveLength(SMALL_SHEETS.length + 2);
  });

  it('a file the workbook refuses is listed with its reason, a problem the pane can say in Arabic, and the others are written', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const write = wb.writeSheets.bind(wb);
    jest.spyOn(wb, 'writeSheets').mockImplementation(async (specs) => {
      if (specs.some((s) => s.name === 'refused')) throw new Error('the sheet is protected');
      return write(specs);
    });
    const csv = noonSalesCsv();
    const out = await session.importFiles([
      { name: 'refused.csv', bytes: csv.bytes },
      { name: 'noon-sales.csv', bytes: csv.bytes },
    ]);
    const failure = 'Lumive stopped on an unexpected error: the sheet is protected. Your sheets are unchanged; please try again, and report it if it happens again.';
    expect(out.files[0]).toEqual({ file: 'refused.csv', sheets: [], problems: [{ code: 'file.not-written', args: { failure } }] });
    expect(sayFileNote(out.files[0].problems[0])).toBe(`It could not be written into the workbook: ${failure}`);
    expect(sayFileNote(out.files[0].problems[0], 'ar')).toBe(`تعذّرت كتابة الملف في المصنف: ${failure}`);
    expect(out.files[1].sheets).toEqual([{ name: 'noon-sales', rows: csv.rows.length, replaced: false }]);
    expect(wb.sheet('refused')).toBeUndefined();
  });

  it('never overwrites a Lumive sheet: "Urgent Actions.csv" after Analyze goes beside it', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    await session.analyze();
    const urgent = wb.sheet('Urgent Actions')?.values;
    expect(urgent?.length).toBeGreaterThan(2);
    const csv = noonSalesCsv();
    const out = await session.importFiles([{ name: 'Urgent Actions.csv', bytes: csv.bytes }]);
    expect(out.files[0].sheets).toEqual([{ name: 'Urgent Actions (2)', rows: csv.rows.length, replaced: false }]);
    expect(wb.sheet('Urgent Actions')?.values).toEqual(urgent);
    expect(wb.sheet('Urgent Actions (2)')?.values).toEqual(csv.rows);
    expect(report(out.scan, 'Urgent Actions (2)').kind).toBe('noon-sales');
    expect(out.scan.reports.map((r) => r.source)).not.toContain('Urgent Actions');
    // Importing it again replaces the user's copy, still not Lumive's sheet.
    const again = await session.importFiles([{ name: 'urgent actions.csv', bytes: csv.bytes }]);
    expect(again.files[0].sheets).toEqual([{ name: 'Urgent Actions (2)', rows: csv.rows.length, replaced: true }]);
    expect(wb.sheet('Urgent Actions')?.values).toEqual(urgent);
    // The state sheets too, even before they exist.
    const state = await session.importFiles([{ name: `${SOURCES_SHEET}.csv`, bytes: csv.bytes }]);
    expect(state.files[0].sheets[0].name).toBe(`${SOURCES_SHEET} (2)`);
    expect(wb.sheet(SOURCES_SHEET)).toBeUndefined();
  }, 30_000);

  it('through the Office adapter writes hostile cells as text: no formula reaches Excel', async () => {
    const excel = new FakeExcel();
    const session = officeSession(excel);
    const csv = noonSalesCsv([noonRow('NSAI-T-1', '00123', HOSTILE), noonRow('NSAI-T-2', '+SUM(1)', '@cmd')]);
    const xlsx = await businessReportXlsx(['Detail']);
    const out = await session.importFiles([
      { name: 'noon KSA sales.csv', bytes: csv.bytes },
      { name: 'Amazon UAE Business Report.xlsx', bytes: xlsx },
    ]);
    expect(excel.formulas()).toEqual([]);
    const values = excel.sheet('noon KSA sales')?.values() ?? [];
    expect(values).toEqual(csv.rows);
    expect(values.flat()).toEqual(expect.arrayContaining([HOSTILE, '00123', '+SUM(1)', '@cmd']));
    expect(report(out.scan, 'noon KSA sales')).toMatchObject({ kind: 'noon-sales', channel: 'noon-ksa', rowsUsed: csv.rows.length - 1 });
    expect(report(out.scan, out.files[1].sheets[0].name)).toMatchObject({ kind: 'amazon-business-report', channel: 'amazon-uae', rowsUsed: 2 });
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith('~lumive'))).toEqual([]);
    expect(out.scan.syncs?.syncs).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('updateMapping', () => {
  it('appends the 3 unmapped SKUs to the demo’s Mapping sheet, one with the suggested KIT-0003', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const original = wb.sheet('Mapping')?.values ?? [];
    const out = await session.updateMapping();
    expect(out).toMatchObject({ sheet: 'Mapping', created: false, added: 3, suggested: 1 });
    const values = wb.sheet('Mapping')?.values ?? [];
    expect(values.length).toBe(original.length + 3);
    expect(values.slice(0, original.length)).toEqual(original);
    const h = header(values);
    const added = values.slice(original.length);
    const channelSkus = (r: readonly RawCell[]) => ['Amazon KSA SKU', 'Amazon UAE SKU', 'noon KSA SKU', 'noon UAE SKU'].map((c) => String(r[h.col(c)] ?? '')).filter((s) => s !== '');
    const listed = new Set(original.slice(1).flatMap(channelSkus));
    const kit = added.filter((r) => r[h.col('Master SKU')] === 'KIT-0003');
    expect(kit).toHaveLength(1);
    // The suggestion maps a channel SKU the mapping did not list to the existing KIT-0003.
    expect(original.some((r) => r[h.col('Master SKU')] === 'KIT-0003')).toBe(true);
    expect(channelSkus(kit[0]).length).toBeGreaterThan(0);
    for (const sku of channelSkus(kit[0])) expect(listed.has(sku)).toBe(false);
    // The other two are new SKUs: their own SKU as Master SKU.
    for (const r of added.filter((x) => x !== kit[0])) expect(channelSkus(r)).toContain(r[h.col('Master SKU')]);
    // Every unmapped SKU now has a row (KIT-0003's by the suggestion, the others as their own Master SKU): none left.
    expect(out.scan.unmapped).toBe(0);
    expect((await session.scan()).unmapped).toBe(0);
    // Nothing more to add the second time.
    const again = await session.updateMapping();
    expect(again).toMatchObject({ sheet: 'Mapping', created: false, added: 0 });
    expect(wb.sheet('Mapping')?.values).toEqual(values);
  });

  it('without a mapping sheet creates "Mapping" with every SKU of the reports', async () => {
    const wb = await demoMemory();
    wb.removeSheet('Mapping');
    const session = sessionOver(() => wb, false);
    const before = await session.scan();
    expect(before.mappingSheet).toBeNull();
    expect(before.unmapped).toBeGreaterThan(3);
    const out = await session.updateMapping();
    expect(out).toMatchObject({ sheet: 'Mapping', created: true, added: before.unmapped });
    const values = wb.sheet('Mapping')?.values ?? [];
    expect(values).toHaveLength(1 + before.unmapped);
    expect(values[0]).toEqual(expect.arrayContaining(['Master SKU', 'Amazon KSA SKU', 'noon UAE SKU', 'Suggested by Lumive']));
    expect(out.scan.mappingSheet).toBe('Mapping');
    expect(report(out.scan, 'Mapping').kind).toBe('mapping');
    expect(out.scan.unmapped).toBe(0);
  });

  it('does not take over a user’s sheet named "Mapping" that is not a mapping', async () => {
    const wb = smallMemory();
    wb.removeSheet('Mapping');
    wb.addSheet('Mapping', [['my notes about mapping']]);
    const session = sessionOver(() => wb, false);
    const out = await session.updateMapping();
    expect(out).toMatchObject({ sheet: 'Mapping 2', created: true });
    expect(out.added).toBeGreaterThan(0);
    expect(wb.sheet('Mapping')?.values).toEqual([['my notes about mapping']]);
    expect(out.scan.mappingSheet).toBe('Mapping 2');
  });
});

// ---------------------------------------------------------------------------------------------------

describe('cancel', () => {
  it('aborted just before writing: rejects as a cancel and the workbook is exactly as before', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const snapshot = wb.toJSON();
    const controller = new AbortController();
    const steps: string[] = [];
    const run = session.analyze({
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.step);
        if (p.step === 'sheets') controller.abort();
      },
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect((error as Error).name).toBe('AbortError');
    expect(isCancel(error)).toBe(true);
    expect(steps).not.toContain('write');
    expect(wb.toJSON()).toEqual(snapshot);
    expect(session.results()).toBeNull();
  }, 60_000);

  it('aborted at once: rejects before the engine runs', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    const snapshot = wb.toJSON();
    const controller = new AbortController();
    controller.abort();
    await expect(session.analyze({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(wb.toJSON()).toEqual(snapshot);
  });

  it('in Excel, aborted while writing: no work sheet and no result sheet is left; the next run works', async () => {
    const excel = smallExcel();
    const session = officeSession(excel);
    const snapshot = excelSnapshot(excel);
    const controller = new AbortController();
    const seen: AnalyzeProgress[] = [];
    const error = await session
      .analyze({
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.step === 'write') controller.abort();
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(seen.some((p) => p.step === 'write')).toBe(true);
    expect(isCancel(error)).toBe(true);
    const names = excel.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('~lumive'))).toEqual([]);
    for (const name of RESULT_SHEETS) expect(names).not.toContain(name);
    expect(excelSnapshot(excel)).toEqual(snapshot);
    expect(excel.formulas().filter((f) => !SMALL_SHEETS.some((s) => f.startsWith(`${s.name}!`)))).toEqual([]);

    const done = await session.analyze();
    expect(done.positions).toBe(5);
    expect(excel.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(RESULT_SHEETS));
    expect(done.syncs?.syncs).toBeGreaterThan(0);
  }, 60_000);

  it('in Excel, a cancelled re-run leaves the previous results as they were', async () => {
    const excel = smallExcel();
    const session = officeSession(excel);
    await session.analyze();
    const snapshot = excelSnapshot(excel);
    const controller = new AbortController();
    await expect(
      session.analyze({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step === 'write') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(excelSnapshot(excel)).toEqual(snapshot);
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith('~lumive'))).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------

describe('settings', () => {
  it('reads the defaults on a fresh workbook, shares as percentages', async () => {
    const wb = await demoMemory();
    const form = await sessionOver(() => wb, false).readSettings();
    expect(form.fields).toBe(SETTING_FIELDS);
    expect(Object.keys(form.values).sort()).toEqual(SETTING_FIELDS.map((f) => f.key).sort());
    expect(form.values).toEqual(form.defaults);
    expect(form.sheet).toBeNull();
    expect(form.issues).toEqual([]);
    expect(form.values.serviceLevelB).toBe(`${DEFAULT_SETTINGS.serviceLevel.B * 100}%`);
    expect(form.values.serviceLevelB).toBe('95%');
    expect(form.values.abcCutA).toBe(`${DEFAULT_SETTINGS.abcCuts[0] * 100}%`);
    expect(form.values.safetyDays).toBe(String(DEFAULT_SETTINGS.safetyDays));
    expect(form.values.policy).toBe(DEFAULT_SETTINGS.policy);
    expect(form.values.aedToSar).toBe(String(DEFAULT_SETTINGS.aedToSar));
  });

  it('saving the form as read gives back the defaults', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    const form = await session.readSettings();
    const out = await session.saveSettings(form.values);
    expect(out).toEqual({ ok: true, sheet: 'Lumive Settings', settings: DEFAULT_SETTINGS });
  });

  it('refuses invalid values field by field, and a cross-field violation for the form; writes nothing', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const form = await session.readSettings();
    const snapshot = wb.toJSON();

    const invalid = await session.saveSettings({ ...form.values, safetyDays: '-3', policy: 'fast' });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) throw new Error('saved');
    expect(Object.keys(invalid.fieldErrors).sort()).toEqual(['policy', 'safetyDays']);
    // Problems, for the pane to say in its language; no default named (nothing is saved).
    expect(invalid.fieldErrors.safetyDays).toEqual({ code: 'setting.too-small', args: { label: 'Safety days', min: 0, open: false } });
    expect(say(invalid.fieldErrors.safetyDays)).toBe('Safety days must be at least 0');
    expect(invalid.fieldErrors.policy).toMatchObject({ code: 'setting.not-an-option' });
    expect(say(invalid.fieldErrors.policy)).toBe('Policy must be one of cover, service');
    expect(invalid.formErrors).toEqual([]);
    expect(wb.toJSON()).toEqual(snapshot);

    const crossed = await session.saveSettings({ ...form.values, criticalDays: String(DEFAULT_SETTINGS.stockoutDays + 6) });
    expect(crossed.ok).toBe(false);
    if (crossed.ok) throw new Error('saved');
    expect(crossed.fieldErrors).toEqual({});
    expect(crossed.formErrors).toEqual([{ code: 'setting.critical-above-stockout', args: {} }]);
    expect(crossed.formErrors.map((p) => say(p))).toEqual(['Critical below must not exceed Stockout risk below']);
    expect(crossed.formErrors.map((p) => say(p, 'ar'))).toEqual(['يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below']);
    expect(wb.toJSON()).toEqual(snapshot);
  });

  it('saves a valid change to Lumive Settings and the registry, and the next Analyze uses it', async () => {
    const wb = await demoMemory();
    const session = sessionOver(() => wb, false);
    const form = await session.readSettings();
    const out = await session.saveSettings({ ...form.values, safetyDays: '10', policy: 'service' });
    expect(out).toMatchObject({ ok: true, sheet: 'Lumive Settings', settings: { safetyDays: 10, policy: 'service' } });

    const settingValue = (key: string) => {
      const values = wb.sheet('Lumive Settings')?.values ?? [];
      const h = header(values, 'Key');
      return values.find((r) => r[h.col('Key')] === key)?.[h.col('Value')];
    };
    expect(settingValue('safetyDays')).toBe(10);
    expect(settingValue('policy')).toBe('service');
    const registry = wb.sheet('Lumive Registry');
    expect(registry?.visibility).toBe('veryHidden');
    expect(registry?.values.some((r) => r[0] === 'settings' && r[1] === 'Lumive Settings')).toBe(true);

    // The settings sheet is Lumive's, not a report; no Analyze has run yet.
    const scan = await session.scan();
    expect(scan.reports).toHaveLength(13);
    for (const name of LUMIVE_STATE) expect(scan.reports.map((r) => r.source)).not.toContain(name);
    expect(scan.lastRun).toBeNull();
    const read = await session.readSettings();
    expect(read).toMatchObject({ sheet: 'Lumive Settings', issues: [] });
    expect(read.values).toMatchObject({ safetyDays: '10', policy: 'service' });

    await session.analyze();
    const analysis = session.results()?.analysis;
    expect(analysis?.settings).toMatchObject({ safetyDays: 10, policy: 'service' });
    expect(settingValue('safetyDays')).toBe(10);
    expect(settingValue('policy')).toBe('service');
    expect(wb.toJSON().sheets.filter((s) => s.name.startsWith('Lumive Settings'))).toHaveLength(1);
    // The service policy with 10 safety days orders other quantities than the defaults did.
    const { wb: defaults } = await reference();
    const ordered = (book: MemoryWorkbook) => {
      const values = book.sheet('Reorder')?.values ?? [];
      const h = header(values);
      return values.slice(h.at + 1).reduce((n, r) => n + (typeof r[h.col('Recommended Qty')] === 'number' ? (r[h.col('Recommended Qty')] as number) : 0), 0);
    };
    expect(ordered(wb)).toBeGreaterThan(0);
    expect(ordered(wb)).not.toBe(ordered(defaults));
  }, 60_000);

  it('lists an invalid value typed in the sheet as an issue and shows the default in the form', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    const form = await session.readSettings();
    await session.saveSettings(form.values);
    const values = wb.sheet('Lumive Settings')?.values ?? [];
    const h = header(values, 'Key');
    const row = values.findIndex((r) => r[h.col('Key')] === 'safetyDays');
    wb.setValue('Lumive Settings', row, h.col('Value'), 'lots');
    const read = await session.readSettings();
    expect(read.values.safetyDays).toBe(String(DEFAULT_SETTINGS.safetyDays));
    expect(read.issues).toEqual([expect.objectContaining({ source: 'Lumive Settings', row: row + 1, value: 'lots', code: 'setting.default-used' })]);
  });
});

// ---------------------------------------------------------------------------------------------------

/** Sheet names of imported files: long names, names shared by two files, names Excel refuses. */
describe('sheet names of imported files', () => {
  /** A Business Report (by child item) CSV: the real header, a row of our own with no country in it. */
  const sample = () => new TextEncoder().encode(csvText(AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM));

  it('two files of one import that shorten to the same sheet name both keep their sheet', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    const out = await session.importFiles([
      { name: 'Amazon Business Report by Child Item KSA.csv', bytes: sample() },
      { name: 'Amazon Business Report by Child Item UAE.csv', bytes: sample() },
    ]);
    // Today both become "Amazon Business Report by Child": the UAE file replaces the KSA one (replaced: true).
    const names = out.files.flatMap((f) => f.sheets.map((s) => s.name));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
    expect(out.files.flatMap((f) => f.sheets.map((s) => s.replaced))).toEqual([false, false]);
  });

  it('a long file name keeps the country that gives the report its channel', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    const out = await session.importFiles([{ name: 'Amazon Business Report by Child Item UAE.csv', bytes: sample() }]);
    // Today the name is cut to "Amazon Business Report by Child" and the channel is unknown.
    expect(report(out.scan, out.files[0].sheets[0].name).channel).toBe('amazon-uae');
  });

  it('a file named History.csv is imported (Excel reserves the sheet name History)', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    // Today the whole import rejects: 'Sheet "History": Excel reserves the name History'.
    const out = await session.importFiles([{ name: 'History.csv', bytes: noonSalesCsv().bytes }]);
    expect(out.files[0].sheets).toHaveLength(1);
    expect(out.files[0].sheets[0].name.toLowerCase()).not.toBe('history');
  });

  it('a long file name cut just after an apostrophe is imported', async () => {
    const wb = smallMemory();
    const session = sessionOver(() => wb, false);
    // Cut at 31 characters the name ends with "'", which Excel refuses: today the whole import rejects.
    const out = await session.importFiles([{ name: "noon KSA sales report for Omar's team.csv", bytes: noonSalesCsv().bytes }]);
    expect(out.files[0].sheets).toHaveLength(1);
  });
});
