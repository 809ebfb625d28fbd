/**
 * The analyzed small workbook (test/app/small-workbook.ts) as a real .xlsx file, read back the way a
 * user's spreadsheet program would: with exceljs directly and by inspecting the package XML (jszip).
 * The expected figures are the hand-computed ones of test/app/analyze-small.test.ts. Then a user edits
 * an approval in the file and Analyze runs again on it: approvals survive a save / load round trip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import type { RawCell } from '../../src/engine/ingest/types';
import type { CellValue } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { HOSTILE_TITLE, PLUS_TITLE, SMALL_SHEETS } from './small-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');

const OUTPUT_SHEETS = ['Urgent Actions', 'Summary', 'Health', 'Reorder', 'Rebalance', 'Liquidation', 'Purchase Orders', 'Shipments', 'Cross-Channel', 'Stranded', 'Forecast', 'Trends', 'Data Issues', 'Lumive Settings'];
const TABLE_SHEETS = OUTPUT_SHEETS.filter((n) => n !== 'Summary');
const APPROVAL_SHEETS = ['Reorder', 'Rebalance', 'Liquidation'];
const INPUT_SHEETS = SMALL_SHEETS.map((s) => s.name);

const cells = (rows: readonly (readonly RawCell[])[]): CellValue[][] => rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : (c ?? null))));

async function smallPort(): Promise<XlsxWorkbook> {
  const port = XlsxWorkbook.empty();
  await port.writeSheets(SMALL_SHEETS.map((s) => plainSheet(s.name, cells(s.rows))));
  return port;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The table header of an output sheet: its 1-based row and column numbers by header. */
function header(ws: ExcelJS.Worksheet, first = 'Master SKU'): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values.includes(first)) {
      const col = new Map<string, number>();
      values.forEach((v, i) => {
        if (typeof v === 'string') col.set(v, i + 1);
      });
      return { row: r, col };
    }
  }
  throw new Error(`no header "${first}" on ${ws.name}`);
}

/** The data rows of a sheet's table as cells by header (rows until the first without a first column). */
function rows(ws: ExcelJS.Worksheet, first = 'Master SKU'): { row: number; cell: (name: string) => ExcelJS.Cell }[] {
  const h = header(ws, first);
  const out: { row: number; cell: (name: string) => ExcelJS.Cell }[] = [];
  for (let r = h.row + 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, h.col.get(first)!).value === null) break;
    out.push({
      row: r,
      cell: (name: string) => {
        const c = h.col.get(name);
        if (c === undefined) throw new Error(`no column "${name}" on ${ws.name}`);
        return ws.getCell(r, c);
      },
    });
  }
  return out;
}

const text = (zip: JSZip, name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
};

/** A part's target, resolved against the folder of the part whose rels name it. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function relationships(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const rels = zip.file(relsOf(part));
  if (!rels) return [];
  return [...(await rels.async('string')).matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => {
    const attr = (n: string) => unescape(new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? '');
    return { id: attr('Id'), type: attr('Type').replace(/^.*\//, ''), target: resolve(part, attr('Target')) };
  });
}

/** Sheet name → its worksheet part, through xl/workbook.xml and its rels (never by file order). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = new Map((await relationships(zip, 'xl/workbook.xml')).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(m[1])![1]);
    const id = /\br:id="([^"]*)"/.exec(m[1])![1];
    out.set(name, rels.get(id)!);
  }
  return out;
}

describe('the analyzed small workbook as an .xlsx file', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  let parts: Map<string, string>;

  beforeAll(async () => {
    const port = await smallPort();
    await analyzeWorkbook(port, { now: NOW });
    bytes = await port.toBuffer();
    wb = await load(bytes);
    zip = await JSZip.loadAsync(bytes);
    parts = await sheetParts(zip);
  });

  test('holds the output sheets, the inputs, a hidden approval log and events sheet, and a very hidden registry', () => {
    const names = wb.worksheets.map((ws) => ws.name);
    expect([...names].sort()).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS, 'Lumive Approval Log', 'Lumive Events', 'Lumive Registry'].sort());
    // The inputs keep their place in front; the outputs follow in their order.
    expect(names.slice(0, INPUT_SHEETS.length)).toEqual(INPUT_SHEETS);
    expect(names.filter((n) => OUTPUT_SHEETS.includes(n))).toEqual(OUTPUT_SHEETS);
    for (const n of [...INPUT_SHEETS, ...OUTPUT_SHEETS]) expect([n, sheet(wb, n).state]).toEqual([n, 'visible']);
    expect(sheet(wb, 'Lumive Approval Log').state).toBe('hidden');
    expect(sheet(wb, 'Lumive Events').state).toBe('hidden');
    expect(sheet(wb, 'Lumive Registry').state).toBe('veryHidden');
    // The package agrees: the sheet states are in xl/workbook.xml.
    expect([...parts.keys()]).toEqual(names);
  });

  test('has the hand-computed figures (test/app/analyze-small.test.ts)', () => {
    // D4: 1/3 × 30 − 2 = 8 → MOQ 24 → 2 cases of 12 = 24; order value 24 × 15 = 360 SAR (Auto).
    const reorder = rows(sheet(wb, 'Reorder'));
    expect(reorder).toHaveLength(1);
    expect(reorder[0].cell('Master SKU').value).toBe('D4');
    expect(reorder[0].cell('Recommended Qty').value).toBe(24);
    expect(reorder[0].cell('Order Value').value).toBe(360);
    expect(reorder[0].cell('Status').value).toBe('Auto-approved');
    // A1 Amazon KSA → noon KSA, 25 units: saved 25 × 40 − 25 × 5 = 875.
    const rebalance = rows(sheet(wb, 'Rebalance'));
    expect(rebalance).toHaveLength(1);
    expect(rebalance[0].cell('Capital Saved').value).toBe(875);
    expect(rebalance[0].cell('Recommended Qty').value).toBe(25);
    // Liquidation by value at cost: A1 (395 units kept: 13,773.97 over 180 days, analyze-small.test.ts), C3, B2.
    const liquidation = rows(sheet(wb, 'Liquidation'));
    expect(liquidation.map((r) => r.cell('Master SKU').value)).toEqual(['A1', 'C3', 'B2']);
    expect(liquidation[0].cell('Recovery').value).toBe(13773.97);
    expect(liquidation[0].cell('Recommendation').value).toBe('Keep');
    expect(liquidation.map((r) => r.cell('Status').value)).toEqual(['Pending', 'Pending', 'Auto-approved']);
    // CRITICAL A1 noon KSA: (30 − 5) × 1 × 100 = 2,500 at stake, first.
    const urgent = rows(sheet(wb, 'Urgent Actions'));
    expect(urgent.map((r) => [r.cell('Priority').value, r.cell('Master SKU').value, r.cell('Channel').value, r.cell('Value at Stake (SAR)').value])).toEqual([
      ['CRITICAL', 'A1', 'noon KSA', 2500],
      ['CRITICAL', 'D4', 'noon KSA', 320],
      ['HIGH', 'C3', 'Amazon KSA', 7100],
      ['MEDIUM', 'B2', 'Amazon KSA', 500],
    ]);
    // Stock value 32,730 SAR on the Summary.
    const summary = sheet(wb, 'Summary');
    let stock: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Stock value at cost (SAR)') stock = row.getCell(2).value;
    });
    expect(stock).toBe(32730);
  });

  test('numbers carry their formats, text cells the text format', () => {
    const [d4] = rows(sheet(wb, 'Reorder'));
    expect(d4.cell('Order Value').numFmt).toBe('#,##0.00');
    expect(d4.cell('Recommended Qty').numFmt).toBe('#,##0');
    expect(d4.cell('Title').numFmt).toBe('@');
    expect(d4.cell('Master SKU').numFmt).toBe('@');
    const health = rows(sheet(wb, 'Health'));
    expect(health).toHaveLength(5);
    for (const r of health) {
      expect(r.cell('Sell-Through').numFmt).toBe('0.0%');
      expect(r.cell('Title').numFmt).toBe('@');
      expect(r.cell('DOI').numFmt).toBe('#,##0.0');
    }
    const a1 = rows(sheet(wb, 'Liquidation'))[0];
    expect(a1.cell('Discount').value).toBe(0.5);
    expect(a1.cell('Discount').numFmt).toBe('0.0%');
    for (const r of rows(sheet(wb, 'Urgent Actions'))) expect(r.cell('Value at Stake (SAR)').numFmt).toBe('#,##0.00');
  });

  test('each output sheet but the Summary is one Excel table over its header, with the header frozen', async () => {
    for (const name of [...INPUT_SHEETS, ...OUTPUT_SHEETS, 'Lumive Approval Log', 'Lumive Registry']) {
      const ws = sheet(wb, name);
      const tables = (await relationships(zip, parts.get(name)!)).filter((r) => r.type === 'table');
      const expected = TABLE_SHEETS.includes(name) ? 1 : 0;
      expect([name, tables.length, ws.getTables().length]).toEqual([name, expected, expected]);
      if (expected === 0) continue;
      const h = header(ws, name === 'Lumive Settings' ? 'Key' : name === 'Data Issues' ? 'Sheet' : 'Master SKU');
      const xml = await text(zip, tables[0].target);
      const ref = /<table [^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(xml);
      expect(ref).not.toBeNull();
      const [, c1, r1, , r2] = ref!;
      expect([name, c1, Number(r1)]).toEqual([name, 'A', h.row]);
      // The body: every data row (at least one, as Excel requires).
      const body = rows(ws, [...h.col.keys()][0]).length;
      expect([name, Number(r2)]).toEqual([name, h.row + Math.max(1, body)]);
      // Column names in the table part are the header cells.
      const columns = [...xml.matchAll(/<tableColumn [^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]));
      expect(columns).toEqual([...h.col.keys()]);
      const view = ws.views[0] as ExcelJS.WorksheetView & { state?: string; ySplit?: number };
      expect([name, view?.state, view?.ySplit]).toEqual([name, 'frozen', h.row]);
    }
    // The Summary freezes its title row.
    const summaryView = sheet(wb, 'Summary').views[0] as { state?: string; ySplit?: number };
    expect(summaryView).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('Status on the approval sheets is a drop-down of the four statuses', async () => {
    for (const name of APPROVAL_SHEETS) {
      const ws = sheet(wb, name);
      const data = rows(ws);
      expect(data.length).toBeGreaterThan(0);
      for (const r of data) {
        expect(r.cell('Status').dataValidation).toMatchObject({ type: 'list', formulae: ['"Pending,Approved,Rejected,Auto-approved"'] });
        expect(r.cell('Approved By').dataValidation).toBeUndefined();
      }
      // In the package: one validation over the whole Status column of the table body.
      const xml = await text(zip, parts.get(name)!);
      const validations = [...xml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)];
      expect(validations).toHaveLength(1);
      const status = data[0].cell('Status');
      const column = status.address.replace(/\d+$/, '');
      const sqref = /\bsqref="([^"]*)"/.exec(validations[0][1])![1];
      expect(sqref).toBe(data.length === 1 ? `${column}${data[0].row}` : `${column}${data[0].row}:${column}${data[data.length - 1].row}`);
      expect(unescape(validations[0][2])).toBe('"Pending,Approved,Rejected,Auto-approved"');
    }
  });

  test('the Priority column of Urgent Actions is colour-coded', () => {
    const ws = sheet(wb, 'Urgent Actions');
    const data = rows(ws);
    const priority = data[0].cell('Priority').address.replace(/\d+$/, '');
    const ref = `${priority}${data[0].row}:${priority}${data[data.length - 1].row}`;
    type Rule = { type: string; formulae?: string[]; style?: { fill?: { fgColor?: { argb?: string } } } };
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    const rules = formats.filter((f) => f.ref === ref).flatMap((f) => f.rules);
    const byText = Object.fromEntries(rules.map((r) => [/"([A-Z]+)"/.exec(r.formulae?.[0] ?? '')?.[1], r.style?.fill?.fgColor?.argb]));
    expect(byText).toEqual({ CRITICAL: 'FFFFC7CE', HIGH: 'FFFCD5B4', MEDIUM: 'FFFFEB9C', LOW: 'FFC6EFCE' });
    for (const r of rules) {
      expect(r.type).toBe('expression');
      expect(r.formulae?.[0]).toMatch(new RegExp(`^EXACT\\(UPPER\\(${priority}${data[0].row}\\),"[A-Z]+"\\)$`));
    }
  });

  test('hostile titles are text, never formulas', async () => {
    for (const name of ['Urgent Actions', 'Health']) {
      const titles = rows(sheet(wb, name)).map((r) => r.cell('Title'));
      for (const t of [HOSTILE_TITLE, PLUS_TITLE]) {
        const cell = titles.find((c) => c.value === t);
        expect([name, t, cell?.type]).toEqual([name, t, ExcelJS.ValueType.String]);
      }
    }
    for (const name of [...OUTPUT_SHEETS, 'Lumive Approval Log', 'Lumive Registry']) {
      const xml = await text(zip, parts.get(name)!);
      expect([name, /<f[\s>/]/.test(xml)]).toEqual([name, false]);
    }
    // The shared strings hold them escaped, as text.
    const shared = await text(zip, 'xl/sharedStrings.xml');
    expect(shared).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });

  test('the Summary has its two charts in the package, over its own cells', async () => {
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const drawings = (await relationships(zip, parts.get('Summary')!)).filter((r) => r.type === 'drawing');
    expect(drawings).toHaveLength(1);
    const linked = (await relationships(zip, drawings[0].target)).filter((r) => r.type === 'chart').map((r) => r.target);
    expect(linked.sort()).toEqual(charts.sort());
    const kinds: string[] = [];
    for (const c of charts) {
      const xml = await text(zip, c);
      const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescape(m[1]));
      expect(refs.length).toBeGreaterThanOrEqual(2);
      for (const ref of refs) expect(ref).toMatch(/^'Summary'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
      kinds.push(/<c:(pieChart|barChart)>/.exec(xml)?.[1] ?? 'none');
    }
    expect(kinds.sort()).toEqual(['barChart', 'pieChart']);
    // No other sheet has a drawing.
    for (const name of parts.keys()) {
      if (name === 'Summary') continue;
      expect([name, (await relationships(zip, parts.get(name)!)).filter((r) => r.type === 'drawing')]).toEqual([name, []]);
    }
  });
});

describe('approvals survive a save and load through a real file', () => {
  test('a user approves a liquidation in the file; the next run keeps it and logs it', async () => {
    const port = await smallPort();
    await analyzeWorkbook(port, { now: NOW });
    const first = await port.toBuffer();
    const logBefore = sheet(await load(first), 'Lumive Approval Log').rowCount;
    expect(logBefore).toBe(4); // header + 3 auto-approvals (D4 reorder, A1 transfer, B2 liquidation)

    // The user opens the file in a spreadsheet program, approves A1's liquidation and saves.
    const edited = await load(first);
    const a1 = rows(sheet(edited, 'Liquidation')).find((r) => r.cell('Master SKU').value === 'A1')!;
    expect(a1.cell('Status').value).toBe('Pending');
    a1.cell('Status').value = 'Approved';
    a1.cell('Approved By').value = 'Sara';
    const saved = new Uint8Array(await edited.xlsx.writeBuffer());

    const reopened = await XlsxWorkbook.fromBuffer(saved);
    const second = await analyzeWorkbook(reopened, { now: new Date('2026-11-28T08:00:00Z') });
    // Nothing about the edited sheet; the one issue is the small mapping's missing supplier (D4's order on the "No supplier" PO).
    expect(second.analysis.issues.map((i) => i.column)).toEqual(['Supplier']);
    const out = await load(await reopened.toBuffer());

    const liquidation = rows(sheet(out, 'Liquidation'));
    expect(liquidation.map((r) => [r.cell('Master SKU').value, r.cell('Status').value, r.cell('Approved By').value])).toEqual([
      ['A1', 'Approved', 'Sara'],
      ['C3', 'Pending', null],
      ['B2', 'Auto-approved', 'Lumive'],
    ]);
    // The other approval sheets are as before (auto-approvals are not logged twice).
    expect(rows(sheet(out, 'Reorder')).map((r) => r.cell('Status').value)).toEqual(['Auto-approved']);
    expect(rows(sheet(out, 'Rebalance')).map((r) => r.cell('Status').value)).toEqual(['Auto-approved']);

    const log = sheet(out, 'Lumive Approval Log');
    expect(log.state).toBe('hidden');
    expect(sheet(out, 'Lumive Registry').state).toBe('veryHidden');
    expect(log.rowCount).toBe(logBefore + 1);
    const added = (log.getRow(logBefore + 1).values as unknown[]).slice(1);
    // Logged At, Sheet, Master SKU, Channel, Destination, Status, Recommended Qty, Approved Qty, Approved By.
    expect(added.slice(1, 3)).toEqual(['Liquidation', 'A1']);
    expect(added[3]).toBe('Amazon KSA');
    expect(added[5]).toBe('Approved');
    expect(added[6]).toBe(395);
    expect(added[8]).toBe('Sara');
    expect(String(added[0])).toMatch(/^2026-11-28 08:00 UTC$/);

    // The Summary's charts, which exceljs dropped when the user saved, are written again.
    const zip = await JSZip.loadAsync(await reopened.toBuffer());
    expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
    expect(reopened.chartsDroppedOnSave()).toEqual([]);
  });
});
