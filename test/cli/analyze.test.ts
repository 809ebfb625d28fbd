/**
 * `lumive analyze` and `lumive demo`, run in-process through main(): a workbook and the same reports as
 * separate CSV/TSV files (test/app/small-workbook.ts, expected figures from test/app/analyze-small.test.ts),
 * --settings and --policy, nothing to analyze, usage errors, and the demo. Each test works in its own
 * temporary folder.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { run } from '../helpers/cli';
import type { RawCell } from '../../src/engine/ingest/types';
import type { CellValue } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import type { SheetValues } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { HOSTILE_TITLE, SMALL_SHEETS } from '../app/small-workbook';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-analyze-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const cells = (rows: readonly (readonly RawCell[])[]): CellValue[][] => rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : (c ?? null))));

/** The small workbook as an .xlsx file. */
async function writeSmallWorkbook(file: string): Promise<void> {
  const wb = XlsxWorkbook.empty();
  await wb.writeSheets(SMALL_SHEETS.map((s) => plainSheet(s.name, cells(s.rows))));
  fs.writeFileSync(file, await wb.toBuffer());
}

/** RFC 4180: a field with the delimiter, a quote or a line break is quoted, its quotes doubled. */
function delimited(rows: readonly (readonly RawCell[])[], delimiter: string): string {
  const field = (c: RawCell) => {
    const s = c === null || c === undefined ? '' : String(c);
    return s.includes(delimiter) || s.includes('"') || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
}

/** The small workbook's sheets as report files: the inventory as TSV, the others as CSV. */
function writeReportFiles(): string[] {
  return SMALL_SHEETS.map((s) => {
    const tsv = s.name === 'Amazon KSA Inventory';
    const file = at(`${s.name}.${tsv ? 'tsv' : 'csv'}`);
    fs.writeFileSync(file, delimited(s.rows, tsv ? '\t' : ','), 'utf8');
    return file;
  });
}

async function readBack(file: string): Promise<Map<string, SheetValues>> {
  const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)));
  return wb.readSheets((await wb.listSheets()).map((s) => s.name));
}

/** Rows of a sheet's table as objects keyed by header (the header is the first row holding `headerCell`). */
function tableRows(sheets: Map<string, SheetValues>, sheet: string, headerCell: string): Record<string, unknown>[] {
  const values = sheets.get(sheet);
  if (!values) throw new Error(`no sheet ${sheet}`);
  const h = values.findIndex((r) => r.includes(headerCell));
  const header = values[h] as string[];
  return values
    .slice(h + 1)
    .filter((r) => r.some((c) => c !== '' && c !== null))
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

const setting = (sheets: Map<string, SheetValues>, key: string) => tableRows(sheets, 'Lumive Settings', 'Key').find((r) => r.Key === key)?.Value;

interface Summary {
  positions: number;
  masterSkus: number;
  policy: string;
  kpis: { channels: { channel: string }[] };
  sheets: Record<string, number>;
  issues: number;
  sources: { source: string; kind: string | null; rowsRead: number; rowsUsed: number; rowsReported: number }[];
}

describe('lumive analyze', () => {
  test('analyzes a workbook into a new file, leaving the input as it was', async () => {
    await writeSmallWorkbook(at('in.xlsx'));
    const before = sha256(at('in.xlsx'));
    // A fixed day: what the GCC events add depends on it.
    const { code, out, err } = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--json', '--date', '2026-12-05');
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Summary;
    // One issue: the small mapping names no supplier, so D4's auto-approved order is on the "No supplier" PO.
    expect(summary).toMatchObject({ positions: 5, masterSkus: 4, policy: 'cover', issues: 1 });
    expect(summary.sheets).toMatchObject({ 'Urgent Actions': 4, Reorder: 1, Rebalance: 1, Liquidation: 3 });
    expect(typeof summary.issues).toBe('number');
    expect(summary.sources.map((s) => s.source)).toEqual(SMALL_SHEETS.map((s) => s.name));
    for (const s of summary.sources) expect(s.rowsRead).toBe(s.rowsUsed + s.rowsReported);
    expect(sha256(at('in.xlsx'))).toBe(before);
    // out.xlsx was renamed into place: no temporary file is left beside it.
    expect(fs.readdirSync(dir).sort()).toEqual(['in.xlsx', 'out.xlsx']);
    const sheets = await readBack(at('out.xlsx'));
    expect(tableRows(sheets, 'Reorder', 'Master SKU')).toEqual([expect.objectContaining({ 'Master SKU': 'D4', 'Recommended Qty': 24 })]);
  });

  test('analyzes report files (CSV and TSV, quoted fields) into a new workbook', async () => {
    const files = writeReportFiles();
    // The business report's hostile title and "SAR 6,000.00" are quoted fields.
    expect(fs.readFileSync(at('Amazon KSA Business Report.csv'), 'utf8')).toContain('"=HYPERLINK(""http://x"",""y"")"');
    const { code, out, err } = await run('analyze', ...files, '-o', at('out.xlsx'));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Analyzed 5 positions \(4 Master SKUs on 2 channels\), policy: days of cover$/m);
    expect(out).toMatch(/^Sheets written:$/m);
    for (const [name, rows] of [['Urgent Actions', 4], ['Reorder', 1], ['Rebalance', 1], ['Liquidation', 3], ['Summary', null], ['Data Issues', null], ['Lumive Settings', null]] as const) {
      expect(out).toMatch(new RegExp(`^ {2}${name} +${rows ?? '\\d+'} rows$`, 'm'));
    }
    expect(out).toContain(`Wrote ${at('out.xlsx')}`);

    const sheets = await readBack(at('out.xlsx'));
    // The report files are inputs, not sheets of the new workbook.
    expect([...sheets.keys()].filter((n) => n.includes('KSA'))).toEqual([]);
    expect(tableRows(sheets, 'Reorder', 'Master SKU')).toEqual([
      expect.objectContaining({ 'Master SKU': 'D4', Channel: 'noon KSA', 'Recommended Qty': 24, 'Order Value': 360, Status: 'Auto-approved' }),
    ]);
    expect(tableRows(sheets, 'Urgent Actions', 'Master SKU').map((r) => r.Title)).toContain(HOSTILE_TITLE);
    // The sources are the files, by name.
    const sources = tableRows(sheets, 'Summary', 'Rows Read');
    expect(sources.map((r) => r.Report)).toEqual(files.map((f) => path.basename(f)));
    for (const r of sources) expect(r['Rows Read']).toBe((r['Rows Used'] as number) + (r['Rows Reported'] as number));
  });

  test('--settings: a valid value is honored, an invalid one is listed in Data Issues with the file name', async () => {
    await writeSmallWorkbook(at('in.xlsx'));
    fs.writeFileSync(at('s.json'), JSON.stringify({ safetyDays: 45, maxDiscount: 'lots' }));
    const { code, out } = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--settings', at('s.json'), '--json', '--date', '2026-12-05');
    expect(code).toBe(0);
    // The invalid setting, and D4's order on the "No supplier" PO (the small mapping names no supplier).
    expect((JSON.parse(out) as Summary).issues).toBe(2);
    const sheets = await readBack(at('out.xlsx'));
    expect(setting(sheets, 'safetyDays')).toBe(45);
    expect(setting(sheets, 'maxDiscount')).toBe(0.5);
    const issues = tableRows(sheets, 'Data Issues', 'Sheet');
    expect(issues).toEqual([expect.objectContaining({ Sheet: 's.json', Column: 'value', Value: 'lots' }), expect.objectContaining({ Sheet: 'Mapping', Column: 'Supplier', Value: 'D4' })]);
    expect(issues[0].Issue).toMatch(/Maximum discount must be a number: default 0.5 used/);
  });

  test('--settings that is not JSON, or not an object, is a usage error', async () => {
    await writeSmallWorkbook(at('in.xlsx'));
    fs.writeFileSync(at('s.json'), 'safetyDays: 45\n');
    const bad = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--settings', at('s.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`lumive: cannot read settings ${at('s.json')}: `);
    expect(bad.out).toBe('');
    fs.writeFileSync(at('list.json'), '[1, 2]');
    const list = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--settings', at('list.json'));
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/must hold a JSON object of settings/);
    const missing = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--settings', at('none.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(at('none.json'));
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  test('--policy service is written to Lumive Settings; another policy is a usage error', async () => {
    await writeSmallWorkbook(at('in.xlsx'));
    const { code, out } = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--policy', 'service', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as Summary).policy).toBe('service');
    const sheets = await readBack(at('out.xlsx'));
    expect(setting(sheets, 'policy')).toBe('service');
    expect(String(sheets.get('Summary')![0][0])).toMatch(/policy service level/);

    const foo = await run('analyze', at('in.xlsx'), '-o', at('foo.xlsx'), '--policy', 'foo');
    expect(foo.code).toBe(2);
    expect(foo.err).toBe('lumive analyze: --policy must be cover or service\n');
    expect(fs.existsSync(at('foo.xlsx'))).toBe(false);
  });

  test('nothing to analyze: exit 1, a clear message and no output file', async () => {
    fs.writeFileSync(at('data.csv'), 'a,b\n1,2\n');
    const { code, out, err } = await run('analyze', at('data.csv'), '-o', at('out.xlsx'));
    expect(code).toBe(1);
    expect(err.startsWith('lumive: Nothing to analyze')).toBe(true);
    expect(err).toMatch(/lumive inspect/);
    expect(out).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['data.csv']);
  });

  test('report files analyzed again into the same output keep the approvals typed in it', async () => {
    const files = writeReportFiles();
    expect((await run('analyze', ...files, '-o', at('out.xlsx'))).code).toBe(0);
    // A colleague approves the A1 liquidation in out.xlsx (through exceljs, as a saved edit would).
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(at('out.xlsx'))));
    const liq = (await wb.readSheets(['Liquidation'])).get('Liquidation')!;
    const h = liq.findIndex((r) => r.includes('Master SKU'));
    const col = (name: string) => (liq[h] as string[]).indexOf(name);
    const row = liq.findIndex((r) => r[col('Master SKU')] === 'A1');
    const edited = liq.map((r, i) => r.map((c, j) => (i === row && j === col('Status') ? 'Approved' : i === row && j === col('Approved By') ? 'Sara' : c)));
    await wb.writeSheets([plainSheet('Liquidation', cells(edited))]);
    fs.writeFileSync(at('out.xlsx'), await wb.toBuffer());

    const again = await run('analyze', ...files, '-o', at('out.xlsx'), '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).approvalLogRows).toBe(1);
    const sheets = await readBack(at('out.xlsx'));
    expect(tableRows(sheets, 'Liquidation', 'Master SKU').find((r) => r['Master SKU'] === 'A1')).toMatchObject({ Status: 'Approved', 'Approved By': 'Sara' });
    // The earlier output was a Lumive workbook, not a report: no sheet of it became an input.
    expect(tableRows(sheets, 'Data Issues', 'Sheet').filter((r) => String(r.Issue).includes('not recognized'))).toEqual([]);
  });

  test('an earlier output whose registry lists a sheet the user has since made their own: the whole file is read, that sheet kept', async () => {
    const files = writeReportFiles();
    expect((await run('analyze', ...files, '-o', at('out.xlsx'))).code).toBe(0);
    // The user types their own notes over the Liquidation sheet; the registry still lists it as Lumive's.
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(at('out.xlsx'))));
    await wb.writeSheets([plainSheet('Liquidation', [['My notes'], ['clear before Ramadan']])]);
    fs.writeFileSync(at('out.xlsx'), await wb.toBuffer());

    // The next run opens the earlier output without its result sheets, finds a listed sheet that is
    // not Lumive's, so judges every listed sheet by its content: it opens the whole file (a second
    // time) rather than judge the ones it left out.
    const opened = jest.spyOn(XlsxWorkbook, 'fromBuffer');
    const again = await run('analyze', ...files, '-o', at('out.xlsx'));
    expect(opened.mock.calls.map((c) => c[2]?.skip !== undefined)).toEqual([true, false]);
    opened.mockRestore();
    expect(again.code).toBe(0);
    const sheets = await readBack(at('out.xlsx'));
    expect(sheets.get('Liquidation')).toEqual([['My notes'], ['clear before Ramadan']]);
    expect(String(sheets.get('Liquidation (Lumive)')?.[0]?.[0] ?? '')).toMatch(/^Liquidation:/);
    expect(String(sheets.get('Health')?.[0]?.[0] ?? '')).toMatch(/^Health:/);
  });

  test('an earlier output that is not a workbook, or unpacks to far more than a report could, is left as it is', async () => {
    const files = writeReportFiles();
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    bomb.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    // 64 MiB of one character packs about 1,000 times: over the 100 times a real part packs.
    bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(64 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    for (const [name, bytes] of [['garbage.xlsx', new TextEncoder().encode('not a zip at all')], ['bomb.xlsx', bombBytes]] as const) {
      fs.writeFileSync(at(name), bytes);
      const before = sha256(at(name));
      const r = await run('analyze', ...files, '-o', at(name));
      expect([name, r.code, r.err]).toEqual([name, 2, `lumive analyze: ${at(name)} exists and is not a readable .xlsx workbook; choose another output\n`]);
      expect(sha256(at(name))).toBe(before);
    }
  });

  test('usage errors exit 2: no -o, no inputs, a missing input, the output among the inputs, an unknown option', async () => {
    await writeSmallWorkbook(at('in.xlsx'));
    const before = sha256(at('in.xlsx'));

    const noOutput = await run('analyze', at('in.xlsx'));
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toMatch(/-o out\.xlsx/);
    expect((await run('analyze', at('in.xlsx'), '-o')).code).toBe(2);
    // A flag is not a file name: -o --json and a trailing --settings are usage errors.
    const flagAsValue = await run('analyze', at('in.xlsx'), '-o', '--json');
    expect(flagAsValue.code).toBe(2);
    expect(flagAsValue.err).toMatch(/-o needs a file name/);
    expect((await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--settings')).code).toBe(2);

    const noInputs = await run('analyze', '-o', at('out.xlsx'));
    expect(noInputs.code).toBe(2);
    expect(noInputs.err).toMatch(/give a workbook/);

    for (const missing of [at('missing.xlsx'), at('missing.csv')]) {
      const r = await run('analyze', missing, '-o', at('out.xlsx'));
      expect(r.code).toBe(2);
      expect(r.err).toContain(missing);
    }

    for (const output of [at('in.xlsx'), path.join(dir, '.', 'sub', '..', 'in.xlsx')]) {
      const same = await run('analyze', at('in.xlsx'), '-o', output);
      expect(same.code).toBe(2);
      expect(same.err).toMatch(/must not be one of the inputs/);
    }

    const unknown = await run('analyze', at('in.xlsx'), '-o', at('out.xlsx'), '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --frobnicate/);

    expect(sha256(at('in.xlsx'))).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['in.xlsx']);
  });
});

describe('lumive demo', () => {
  test('generates, analyzes and writes the sample workbook', async () => {
    const { code, out, err } = await run('demo', '-o', at('d.xlsx'), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    // With --json, standard output is the JSON summary alone.
    const summary = JSON.parse(out) as Summary;
    expect(summary.positions).toBeGreaterThanOrEqual(1200);
    expect(summary.masterSkus).toBeGreaterThanOrEqual(300);
    expect(summary.kpis.channels.map((c) => c.channel).sort()).toEqual(['Amazon KSA', 'Amazon UAE', 'noon KSA', 'noon UAE']);
    for (const s of summary.sources) expect(s.rowsRead).toBe(s.rowsUsed + s.rowsReported);
    expect(fs.readdirSync(dir)).toEqual(['d.xlsx']);
    expect(fs.statSync(at('d.xlsx')).size).toBeGreaterThan(100_000);
  }, 60_000);
});
