/**
 * The demo workbook (`lumive demo`) opened by another spreadsheet program: LibreOffice, headless, prints
 * it to PDF and saves it again as .xlsx. What LibreOffice saved is read back with exceljs: every sheet
 * is still there under its name, no cell holds an error value or a formula, the values and number
 * formats of the output sheets are the ones we wrote, the tables and the Summary's charts survive.
 *
 * Text is compared as text: where a string mixes scripts (Arabic titles with Latin digits and
 * punctuation) and a font for each is installed (Noto), LibreOffice saves it as rich text, one run
 * per font, which exceljs reads as {richText: [...]}; its text is the runs' text joined.
 *
 * Skipped when LibreOffice is not installed at /usr/bin/soffice, unless LUMIVE_REQUIRE_LIBREOFFICE is set (.ci/run). Each run uses a private LibreOffice
 * profile, so parallel runs do not clash.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { DEMO_SCENARIOS } from '../../src/demo/scenarios';
import { SOFFICE, skipped, withLibreOffice } from '../helpers/libreoffice';


const OUTPUT_SHEETS = ['Urgent Actions', 'Summary', 'Health', 'Reorder', 'Rebalance', 'Liquidation', 'Cross-Channel', 'Stranded', 'Data Issues', 'Lumive Settings'];
const TABLE_SHEETS = OUTPUT_SHEETS.filter((n) => n !== 'Summary');
const ERROR_TEXT = /^(#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A|#GETTING_DATA|Err:\d+)/;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell value with rich text (runs of text, each with its font) as its text, the runs' text joined; any other value as it is. */
function plain(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return (value.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
  }
  return value;
}

/** What is wrong with a cell LibreOffice saved: a formula, an error value, or error text. */
function problem(cell: ExcelJS.Cell): string | null {
  const v = plain(cell.value);
  if (cell.type === ExcelJS.ValueType.Formula) return `formula ${cell.formula}`;
  if (cell.type === ExcelJS.ValueType.Error) return `error ${JSON.stringify(v)}`;
  if (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v || 'error' in v)) return `value ${JSON.stringify(v)}`;
  if (typeof v === 'string' && ERROR_TEXT.test(v)) return `error text ${v}`;
  return null;
}

/** Cells with a value ("" is blank: LibreOffice does not keep empty strings), by address. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== '' && cell.value !== null) out.set(cell.address, cell);
    }),
  );
  return out;
}

/** Same value: numbers within rounding, anything else (rich text as its text) exactly. */
const sameValue = (x: unknown, y: unknown) => {
  const [a, b] = [plain(x), plain(y)];
  return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : JSON.stringify(a) === JSON.stringify(b);
};

describe('LibreOffice', () => {
  withLibreOffice(
    `opens the demo workbook, prints it to PDF and saves it again as .xlsx with every sheet, value and format intact${skipped}`,
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-lo-'));
      const profile = path.join(os.tmpdir(), `lumive-lo-profile-${process.pid}`);
      try {
        const file = path.join(dir, 'demo.xlsx');
        let err = '';
        const code = await main(['demo', '-o', file], { write: () => undefined }, { write: (t: string) => (err += t) });
        expect([code, err]).toEqual([0, '']);

        const convert = (format: string, outdir: string): string =>
          execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outdir, file], {
            timeout: 180_000,
            stdio: 'pipe',
            encoding: 'utf8',
          });
        convert('pdf', dir);
        const pdf = path.join(dir, 'demo.pdf');
        expect(fs.existsSync(pdf)).toBe(true);
        expect(fs.statSync(pdf).size).toBeGreaterThan(10 * 1024);
        expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

        const resaved = path.join(dir, 'libreoffice');
        fs.mkdirSync(resaved);
        convert('xlsx:Calc MS Excel 2007 XML', resaved);
        const theirs = await load(path.join(resaved, 'demo.xlsx'));
        const ours = await load(file);

        // Every sheet, by name and in order; the hidden ones stay hidden (LibreOffice 7.4 saves the
        // very hidden registry as merely hidden).
        expect(theirs.worksheets.map((ws) => ws.name)).toEqual(ours.worksheets.map((ws) => ws.name));
        for (const n of OUTPUT_SHEETS) expect(theirs.worksheets.map((ws) => ws.name)).toContain(n);
        for (const ws of theirs.worksheets) {
          const visible = (ours.getWorksheet(ws.name)!.state ?? 'visible') === 'visible';
          expect([ws.name, (ws.state ?? 'visible') === 'visible']).toEqual([ws.name, visible]);
        }

        // No formula and no error anywhere LibreOffice recalculated.
        const problems: string[] = [];
        for (const ws of theirs.worksheets) {
          for (const [address, cell] of cellsOf(ws)) {
            const p = problem(cell);
            if (p) problems.push(`${ws.name}!${address}: ${p}`);
          }
        }
        expect(problems).toEqual([]);

        // The output sheets hold the same values and number formats, and keep their tables.
        for (const name of [...OUTPUT_SHEETS, 'Lumive Approval Log']) {
          const a = cellsOf(ours.getWorksheet(name)!);
          const b = cellsOf(theirs.getWorksheet(name)!);
          expect([name, [...b.keys()].sort()]).toEqual([name, [...a.keys()].sort()]);
          const differences: string[] = [];
          for (const [address, cell] of a) {
            const other = b.get(address)!;
            if (!sameValue(cell.value, other.value)) differences.push(`${address}: ${JSON.stringify(cell.value)} → ${JSON.stringify(other.value)}`);
            if (cell.numFmt && cell.numFmt !== other.numFmt) differences.push(`${address}: format ${cell.numFmt} → ${other.numFmt}`);
          }
          expect([name, differences.slice(0, 10)]).toEqual([name, []]);
          expect([name, theirs.getWorksheet(name)!.getTables().length]).toEqual([name, TABLE_SHEETS.includes(name) ? 1 : 0]);
        }

        // The hostile titles are still text.
        const titles = new Set<unknown>();
        theirs.getWorksheet('Health')!.eachRow((row) => row.eachCell((cell) => titles.add(plain(cell.value))));
        for (const { title } of DEMO_SCENARIOS.hostileTitles) expect(titles.has(title)).toBe(true);

        // LibreOffice understood and kept the Summary's two charts.
        const zip = await JSZip.loadAsync(fs.readFileSync(path.join(resaved, 'demo.xlsx')));
        expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
