/**
 * The CSV files of `lumive po` and `lumive shipments` opened by LibreOffice Calc: each file is converted
 * headless to .xlsx with LibreOffice's CSV import and read back with exceljs. The import is told only
 * the separator, the quote and the character set ("44,34,76": comma, double quote, UTF-8; LibreOffice
 * headless does not take the BOM for UTF-8 on its own) and left to LibreOffice's defaults for the rest,
 * which are the most eager to convert: "Format quoted field as text" off, special numbers (dates, times,
 * percentages, currency) detected, formulas evaluated. It runs again with special numbers off.
 *
 * What arrives (LibreOffice 7.4), as documented in src/engine/sheets/documents.ts:
 *  - the formula-injection title arrives as text, not a formula, with the guard's quote showing:
 *    "'=HYPERLINK(…)"; the SKU "00123" as the text "'00123" (not the number 123). LibreOffice keeps a
 *    leading quote in a CSV field as part of the text;
 *  - every other text cell as the same text (Arabic intact: compared as text, since LibreOffice may
 *    save a string mixing scripts as rich text runs);
 *  - quantities, costs and totals as numbers (negative ones too); Order Date and Expected Arrival as
 *    dates of the same day.
 * A control CSV written without the guard shows why it is there: the same fields arrive as a formula
 * (quoted or not) and as the number 123.
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
import { main } from '../../src/cli/main';
import { BOM, csvRecord } from '../../src/engine/sheets/documents';
import { analyzedWorkbook, ARABIC, MALICIOUS, PO_HEADER, PO_LINES, SHIP_HEADER, SHIP_LINES } from '../helpers/documents-workbook';
import { SOFFICE, skipped, withLibreOffice } from '../helpers/libreoffice';


/** LibreOffice's CSV import: comma (44), double quote (34), UTF-8 (76); nothing else said. */
const DEFAULTS = 'Text - txt - csv (StarCalc):44,34,76';
/** The same with "Format quoted field as text" and "Detect special numbers" both off (tokens 7 and 8). */
const NO_SPECIAL_NUMBERS = 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,false';

const DATE_HEADERS = new Set(['Order Date', 'Expected Arrival']);

/** A cell's value with rich text as its text. */
function plain(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return (value.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
  }
  return value;
}

/** What a sheet cell should arrive as: a number, a date of that day, the text (with the guard's quote), or blank. */
function expected(header: string, value: unknown): { type: 'number'; value: number } | { type: 'date'; day: string } | { type: 'text'; text: string } | { type: 'blank' } {
  if (value === null || value === undefined || value === '') return { type: 'blank' };
  if (typeof value === 'number') return { type: 'number', value };
  const text = String(value);
  if (DATE_HEADERS.has(header)) return { type: 'date', day: text };
  return { type: 'text', text: text === MALICIOUS || text === '00123' ? `'${text}` : text };
}

function convert(profile: string, filter: string, files: readonly string[], outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', `--infilter=${filter}`, '--convert-to', 'xlsx', '--outdir', outdir, ...files], {
    timeout: 180_000,
    stdio: 'pipe',
  });
}

async function firstSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/**
 * What is wrong with the cells LibreOffice made of one CSV file, against the sheet's lines: `header` in
 * the sheet's order, `order` the file's column order (the sheet headers, as the file has them).
 */
function differences(ws: ExcelJS.Worksheet, header: readonly string[], order: readonly string[], lines: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  order.forEach((h, c) => {
    const cell = ws.getRow(1).getCell(c + 1);
    if (plain(cell.value) !== h) out.push(`header ${c + 1}: ${JSON.stringify(cell.value)}`);
  });
  lines.forEach((line, i) => {
    order.forEach((h, c) => {
      const cell = ws.getRow(i + 2).getCell(c + 1);
      const v = plain(cell.value);
      const want = expected(h, line[header.indexOf(h)]);
      const where = `row ${i + 2} ${h}`;
      if (cell.type === ExcelJS.ValueType.Formula || (typeof v === 'object' && v !== null && !(v instanceof Date))) out.push(`${where}: not a plain value ${JSON.stringify(cell.value)}`);
      else if (want.type === 'blank' && v !== null && v !== undefined && v !== '') out.push(`${where}: ${JSON.stringify(v)} for a blank`);
      else if (want.type === 'number' && v !== want.value) out.push(`${where}: ${JSON.stringify(v)} for the number ${want.value}`);
      else if (want.type === 'date' && !(v instanceof Date && v.toISOString().slice(0, 10) === want.day)) out.push(`${where}: ${JSON.stringify(v)} for the date ${want.day}`);
      else if (want.type === 'text' && v !== want.text) out.push(`${where}: ${JSON.stringify(v)} for the text ${JSON.stringify(want.text)}`);
    });
  });
  const extra = ws.getRow(lines.length + 2).values as unknown[];
  if (extra.some((v) => v !== null && v !== undefined && v !== '')) out.push(`row ${lines.length + 2}: more rows than lines`);
  return out;
}

describe('LibreOffice opens the CSV files', () => {
  let dir: string;
  let profile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-lo-csv-'));
    profile = path.join(os.tmpdir(), `lumive-lo-csv-profile-${process.pid}`);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  withLibreOffice(
    `with its default CSV import: text as text (the formula and "00123" with the guard's quote), numbers as numbers, dates as dates${skipped}`,
    async () => {
      const book = await analyzedWorkbook(path.join(dir, 'analyzed.xlsx'));
      const quiet = { write: () => undefined };
      let err = '';
      const po = await main(['po', book, '-o', path.join(dir, 'po')], quiet, { write: (t: string) => (err += t) });
      const ship = await main(['shipments', book, '-o', path.join(dir, 'ship')], quiet, { write: (t: string) => (err += t) });
      expect([po, ship, err]).toEqual([0, 0, '']);

      const poFiles = { 'PO-2026-001 Acme Trading': PO_LINES.slice(0, 2), 'PO-2026-002 مصنع النور': PO_LINES.slice(2) };
      const routes = (route: string) => SHIP_LINES.filter((l) => l[0] === route);
      const shipFiles = { 'Shipment Amazon KSA to noon KSA': routes('Amazon KSA → noon KSA'), 'Shipment Own warehouse to Amazon UAE': routes('Own warehouse → Amazon UAE') };
      const shipOrder = ['Destination SKU', 'Quantity', ...SHIP_HEADER.filter((h) => h !== 'Destination SKU' && h !== 'Quantity')];

      for (const [label, filter] of [['defaults', DEFAULTS], ['no special numbers', NO_SPECIAL_NUMBERS]] as const) {
        const outdir = path.join(dir, `lo-${label.replace(/ /g, '-')}`);
        const csvs = [...Object.keys(poFiles).map((n) => path.join(dir, 'po', `${n}.csv`)), ...Object.keys(shipFiles).map((n) => path.join(dir, 'ship', `${n}.csv`))];
        convert(profile, filter, csvs, outdir);
        const problems: string[] = [];
        for (const [name, lines] of Object.entries(poFiles)) {
          const ws = await firstSheet(path.join(outdir, `${name}.xlsx`));
          problems.push(...differences(ws, PO_HEADER, PO_HEADER, lines).map((d) => `${label} ${name}: ${d}`));
        }
        for (const [name, lines] of Object.entries(shipFiles)) {
          const ws = await firstSheet(path.join(outdir, `${name}.xlsx`));
          problems.push(...differences(ws, SHIP_HEADER, shipOrder, lines).map((d) => `${label} ${name}: ${d}`));
        }
        expect(problems).toEqual([]);

        // The cases the issue names, spelled out.
        const acme = await firstSheet(path.join(outdir, 'PO-2026-001 Acme Trading.xlsx'));
        expect(acme.getCell('G3').type).not.toBe(ExcelJS.ValueType.Formula);
        expect(acme.getCell('G3').value).toBe(`'${MALICIOUS}`);
        expect(acme.getCell('F3').value).toBe("'00123");
        expect(acme.getCell('N2').value).toBe(2380);
        const nour = await firstSheet(path.join(outdir, 'PO-2026-002 مصنع النور.xlsx'));
        expect(plain(nour.getCell('G2').value)).toBe(ARABIC);
        expect(plain(nour.getCell('B2').value)).toBe('مصنع النور');
        expect(nour.getCell('O2').value).toBe(300.15);
        const ksa = await firstSheet(path.join(outdir, 'Shipment Amazon KSA to noon KSA.xlsx'));
        expect(ksa.getCell('B3').value).toBe(-3);
      }
    },
    240_000,
  );

  withLibreOffice(
    `every guarded kind of text arrives as text with the quote in front; numbers, negative and tiny, as numbers${skipped}`,
    async () => {
      const texts = ['=1+1', '+1+1', '-1+1', '@SUM(1)', '\t=1+1', '\r=1+1', ' =1+1', '00123', '1e5', '1,234', '(5)', '12%', '$5', '1/2', '12:30', 'Jan 5', 'TRUE', '#N/A', '0123456789012345678'];
      const numbers = [-5, -0.6, 0.0000001, 1234.5, 2.5e21];
      const csv = path.join(dir, 'kinds.csv');
      fs.writeFileSync(csv, BOM + csvRecord(texts.map((_, i) => `t${i}`)) + csvRecord(texts) + csvRecord(numbers));
      for (const filter of [DEFAULTS, NO_SPECIAL_NUMBERS]) {
        const outdir = path.join(dir, `lo-kinds-${filter === DEFAULTS ? 'defaults' : 'plain'}`);
        convert(profile, filter, [csv], outdir);
        const ws = await firstSheet(path.join(outdir, 'kinds.xlsx'));
        const arrived = texts.map((_, c) => ws.getRow(2).getCell(c + 1));
        // A carriage return inside a quoted field arrives as a line break (LF), as LibreOffice keeps line breaks in a cell.
        expect(arrived.map((cell) => [cell.type === ExcelJS.ValueType.Formula, plain(cell.value)])).toEqual(texts.map((t) => [false, `'${t.replace(/\r/g, '\n')}`]));
        expect(numbers.map((_, c) => ws.getRow(3).getCell(c + 1).value)).toEqual(numbers);
      }
    },
    240_000,
  );

  withLibreOffice(
    `without the guard, the same fields arrive as a formula and as the number 123 (why the quote is there)${skipped}`,
    async () => {
      const csv = path.join(dir, 'unguarded.csv');
      fs.writeFileSync(csv, `\uFEFFMaster SKU,Title,Plain\r\n"00123","=HYPERLINK(""http://x"",""y"")",=1+1\r\n`);
      const outdir = path.join(dir, 'lo-unguarded');
      convert(profile, DEFAULTS, [csv], outdir);
      const ws = await firstSheet(path.join(outdir, 'unguarded.xlsx'));
      expect(ws.getCell('A2').value).toBe(123);
      expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Formula);
      expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.Formula);
    },
    240_000,
  );
});
