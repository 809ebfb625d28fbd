/**
 * Whole files, fuzzed: random bytes, and valid report files (CSV, TSV, Amazon .txt, .xlsx, built here
 * from real header lines with rows of our own) cut short at random places or with random bytes
 * changed. Whatever the bytes:
 * - readReportFile returns (it never throws), one or more sheets;
 * - a sheet with nothing in its grid says why (bad input never disappears silently);
 * - the engine's `analyze`, given those sheets, returns (it never throws), and every source's rows
 *   read = rows used + rows reported.
 *
 * The run counts are kept small for the suite (two shared cores); LUMIVE_FUZZ_RUNS=<n> runs each
 * property n times instead, e.g. `LUMIVE_FUZZ_RUNS=5000 npx jest test/io/file-fuzz.test.ts`.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { isProblemCode, say, sayFileNote } from '../../src/engine';
import { analyze } from '../../src/engine/analyze';
import { readReportFile, type FileSheet } from '../../src/io/read-report-file';
import { XLSX_LIMITS } from '../../src/workbook/xlsx/read-worksheet';
import { fbnRow, MANAGE_FBA_INVENTORY_HEADER, NOON_FBN_INVENTORY_HEADER } from '../fixtures/marketplace-reports';

const RUNS = Number(process.env.LUMIVE_FUZZ_RUNS) || 0;
const runs = (n: number) => RUNS || n;
/** A generous bound so a reader that hangs fails the test rather than the run; nothing here is timed. */
jest.setTimeout(RUNS ? 3_600_000 : 120_000);

/** When the analysis runs: fixed, so dates in the rows are never "in the future" by chance. */
const NOW = new Date(Date.UTC(2026, 5, 17, 12));

/**
 * The property every file must satisfy. Returns nothing; fails (throws) on a broken rule. `fileName`
 * decides the format the reader expects.
 */
async function checkFile(fileName: string, bytes: Uint8Array): Promise<void> {
  let sheets: FileSheet[];
  try {
    sheets = await readReportFile(fileName, bytes);
  } catch (error) {
    throw new Error(`readReportFile threw for ${fileName} (${bytes.length} bytes): ${String(error)}`);
  }
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    expect(typeof sheet.source).toBe('string');
    expect(sheet.source.startsWith(fileName)).toBe(true);
    expect(Array.isArray(sheet.grid)).toBe(true);
    for (const row of sheet.grid) expect(Array.isArray(row)).toBe(true);
    // Each problem is a code of the table, said in English and in Arabic.
    for (const p of sheet.problems) {
      expect(isProblemCode(p.code)).toBe(true);
      expect(sayFileNote(p)).not.toBe('');
      expect(say(p, 'ar')).not.toBe('');
    }
    // Nothing read, and nothing said, would be a file that disappeared.
    if (sheet.grid.length === 0) expect(sheet.problems.length).toBeGreaterThan(0);
  }
  for (const sheet of sheets) {
    if (sheet.format !== 'xlsx') continue;
    // A workbook's grid is built from its values and bounded (XLSX_LIMITS): never rows × columns of
    // whatever addresses the file names.
    const cells = sheet.grid.length * Math.max(0, ...sheet.grid.map((r) => r.length));
    const values = sheet.grid.reduce((n, r) => n + r.filter((v) => v !== null && v !== undefined).length, 0);
    expect(cells).toBeLessThanOrEqual(Math.max(XLSX_LIMITS.minGridCells, XLSX_LIMITS.gridCellsPerValue * values));
  }
  const analysis = analyze(sheets, { now: NOW });
  expect(analysis.sources).toHaveLength(sheets.length);
  for (const s of analysis.sources) {
    if (s.rowsRead !== s.rowsUsed + s.rowsReported) {
      throw new Error(`${s.source}: rows read ${s.rowsRead} ≠ used ${s.rowsUsed} + reported ${s.rowsReported}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Valid files, from real header lines with rows of our own

const sku = fc.stringMatching(/^[A-Z]{2,4}-\d{1,4}$/);
const title = fc.constantFrom('Backpack 30L, black', 'Travel mug 350 ml', 'حقيبة ظهر', 'Tote "Classic"', 'Bottle\n1L', 'Box; 3 pack', 'Mug | blue', '');
const qty = fc.oneof(fc.integer({ min: 0, max: 500 }).map(String), fc.constantFrom('', '-3', '1,200', '12.5', 'n/a'));

/** Amazon Manage FBA Inventory rows (21 columns). */
const fbaRow = fc.tuple(sku, title, qty, qty, qty).map(([s, t, a, b, c]) => [s, `X00${s}`, `B0${s}`, t, 'New', '149.00', 'No', '0', 'Yes', a, b, '0', c, a, '0.5', '0', '0', '0', '0', '0', '0']);
/** noon FBN inventory rows (21 columns). */
const noonRow = fc
  .tuple(sku, qty, fc.constantFrom('RUH01', 'JED02', 'DXB01'), fc.constantFrom('saleable', 'inbound_ASN', 'damaged'), fc.constantFrom('SA', 'AE'))
  .map(([s, q, w, type, country]) => fbnRow(w, q, type, s, `N${s}A`, type === 'damaged' ? 'damaged_in_transit' : '', '2026-06-17, 09:37:08', country));

const textFile = fc.oneof(
  // noon's FBN inventory export: CSV, fields quoted where needed (its snapshot time holds a comma).
  fc.record({
    name: fc.constantFrom('noon KSA FBN inventory.csv', 'fbn-inventory.csv'),
    rows: fc.array(noonRow, { minLength: 1, maxLength: 6 }),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  }).map(({ name, rows, newline, bom }) => ({ name, text: `${bom ? '\uFEFF' : ''}${Papa.unparse([NOON_FBN_INVENTORY_HEADER, ...rows], { newline })}${newline}` })),
  // Amazon's Manage FBA Inventory flat file: tab-delimited, nothing quoted, as .txt or .tsv.
  fc.record({
    name: fc.constantFrom('Inventory+Report KSA.txt', 'manage-fba-inventory UAE.tsv'),
    rows: fc.array(fbaRow, { minLength: 1, maxLength: 6 }),
  }).map(({ name, rows }) => ({ name, text: [MANAGE_FBA_INVENTORY_HEADER, ...rows].map((r) => r.join('\t').replace(/\n/g, ' ')).join('\n') + '\n' })),
);

/** The bytes of a text file, in UTF-8 or UTF-16LE (Excel's "Unicode Text"). */
const textBytes = fc.tuple(textFile, fc.constantFrom('utf-8', 'utf-16le')).map(([file, encoding]) => {
  if (encoding === 'utf-8') return { name: file.name, bytes: new TextEncoder().encode(file.text) };
  const units = `\uFEFF${file.text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    bytes[2 * i] = units.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = units.charCodeAt(i) >> 8;
  }
  return { name: file.name, bytes };
});

/** A few workbooks, written once by exceljs: fuzzing changes their bytes, not their making. */
async function workbooks(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const fba = new ExcelJS.Workbook();
  const inventory = fba.addWorksheet('Inventory');
  inventory.addRow([...MANAGE_FBA_INVENTORY_HEADER]);
  for (let i = 0; i < 8; i++) inventory.addRow([`BAG-${i}`, `X00BAG${i}`, `B0BAG${i}`, `Backpack ${i}`, 'New', 149 + i, 'No', 0, 'Yes', i * 3, i * 2, 0, i, i * 3, 0.5, 0, 0, 0, 0, 0, 0]);

  const noon = new ExcelJS.Workbook();
  const stock = noon.addWorksheet('FBN inventory');
  stock.getCell('A1').value = 'noon FBN inventory, 17 June 2026';
  stock.mergeCells('A1:D1');
  stock.addRow([]);
  stock.addRow([...NOON_FBN_INVENTORY_HEADER]);
  for (let i = 0; i < 8; i++) stock.addRow(fbnRow(i % 2 ? 'RUH01' : 'JED02', i * 5, i % 3 ? 'saleable' : 'inbound_ASN', `NOON-BAG-${i}`, `N4000${i}A`).map((v, c) => (c === 3 ? Number(v) : v)));
  const notes = noon.addWorksheet('Notes');
  notes.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
  notes.getCell('C3').value = new Date(Date.UTC(2026, 5, 1));
  notes.getCell('D4').value = { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] };

  const out = [];
  for (const [name, book] of [
    ['Inventory+Report KSA.xlsx', fba],
    ['noon UAE FBN inventory.xlsx', noon],
  ] as const) {
    out.push({ name, bytes: new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer) });
  }
  return out;
}

/** Random changes to a file's bytes: `count` bytes set to random values at random places. */
const mutations = fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });

function mutate(bytes: Uint8Array, changes: readonly (readonly [number, number])[]): Uint8Array {
  const out = bytes.slice();
  for (const [at, value] of changes) out[Math.floor(at * out.length)] = value;
  return out;
}

const cutAt = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const cut = (bytes: Uint8Array, at: number) => bytes.subarray(0, Math.floor(at * bytes.length));

/**
 * A workbook with one of its XML parts changed inside the zip (characters replaced, or the part cut
 * short), zipped again: bytes changed in the compressed file mostly make it fail to unpack, which is
 * caught before exceljs; these reach exceljs's XML parsing.
 */
async function withPartChanged(bytes: Uint8Array, pick: number, changes: readonly (readonly [number, number])[], cutTo: number | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files)
    .filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
    .sort();
  const part = parts[Math.floor(pick * parts.length)];
  let xml = await zip.file(part)!.async('string');
  const chars = [...'<>/"=& \n\u0000abcrstv0123456789:Aé'];
  for (const [at, value] of changes) {
    const i = Math.floor(at * xml.length);
    xml = xml.slice(0, i) + chars[value % chars.length] + xml.slice(i + 1);
  }
  if (cutTo !== null) xml = xml.slice(0, Math.floor(cutTo * xml.length));
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A1 address of 0-based coordinates. */
function address(row: number, column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** A cell anywhere on a sheet (Excel's last is XFD1048576), most often far out. */
const anyCell = fc.tuple(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }));
/**
 * A range: a few cells near A1, or one covering millions of cells, more than XLSX_LIMITS allows a
 * merge or a validation (ranges in between are read, and exceljs takes seconds to expand each).
 */
const anyRange = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([r, c, h, w]) => `${address(r, c)}:${address(r + h - 1, c + w - 1)}`),
  fc.tuple(fc.integer({ min: 1_000_000, max: 1_048_576 }), fc.integer({ min: 9, max: 16_384 })).map(([rows, columns]) => `A1:${address(rows - 1, columns - 1)}`),
);

/** What hostile workbooks hold, added to a valid one's first sheet. */
const hostility = fc.record({
  farCells: fc.array(anyCell, { maxLength: 3 }),
  merge: fc.option(anyRange),
  validation: fc.option(anyRange),
  dimension: fc.boolean(),
});

/**
 * The workbook with values at far cells, a merge, a data validation and a used range (<dimension>)
 * as large as a sheet can be, written into its first sheet's XML.
 */
async function withHostility(bytes: Uint8Array, h: { farCells: [number, number][]; merge: string | null; validation: string | null; dimension: boolean }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  // Rows in order, after the sheet's own (exceljs reads them in any order; Excel wants them sorted).
  const rows = [...new Map(h.farCells.map(([r, c]) => [r, c])).entries()]
    .filter(([r]) => r > 100)
    .sort((a, b) => a[0] - b[0])
    .map(([r, c]) => `<row r="${r + 1}"><c r="${address(r, c)}" t="inlineStr"><is><t>far</t></is></c></row>`)
    .join('');
  xml = xml.replace('</sheetData>', `${rows}</sheetData>`);
  if (h.merge) xml = xml.replace(/<mergeCells[^]*?<\/mergeCells>|(?=<pageMargins)/, `<mergeCells count="1"><mergeCell ref="${h.merge}"/></mergeCells>`);
  if (h.validation) xml = xml.replace(/(?=<pageMargins)/, `<dataValidations count="1"><dataValidation type="list" sqref="${h.validation}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`);
  if (h.dimension) xml = xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------------

describe('whole files, fuzzed: the reader never throws, and the engine accounts for every row it is given', () => {
  let books: { name: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    books = await workbooks();
  });

  it('the valid files themselves', async () => {
    // The property's baseline: unchanged, each file is read in full and its rows are used or reported.
    for (const book of books) await checkFile(book.name, book.bytes);
    await fc.assert(
      fc.asyncProperty(textBytes, async ({ name, bytes }) => checkFile(name, bytes)),
      { numRuns: runs(60) },
    );
  });

  it('random bytes, under any name', async () => {
    const name = fc.constantFrom('report.csv', 'report.tsv', 'report.txt', 'report.xlsx', 'report.xls', 'report.dat', 'report');
    // Half of them start like a zip, so that the workbook reader gets its share.
    const bytes = fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 2048 })).map(([zip, b]) => (zip ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]) : b));
    await fc.assert(
      fc.asyncProperty(name, bytes, async (n, b) => checkFile(n, b)),
      { numRuns: runs(300) },
    );
  });

  it('text reports cut short at a random place', async () => {
    await fc.assert(
      fc.asyncProperty(textBytes, cutAt, async ({ name, bytes }, at) => checkFile(name, cut(bytes, at))),
      { numRuns: runs(200) },
    );
  });

  it('text reports with random bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(textBytes, mutations, async ({ name, bytes }, changes) => checkFile(name, mutate(bytes, changes))),
      { numRuns: runs(200) },
    );
  });

  it('workbooks cut short at a random place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: books.length - 1 }), cutAt, async (i, at) => checkFile(books[i].name, cut(books[i].bytes, at))),
      { numRuns: runs(100) },
    );
  });

  it('workbooks with an XML part changed or cut short inside the zip', async () => {
    const pick = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1 }), pick, mutations, fc.option(cutAt), async (i, part, changes, cutTo) =>
        checkFile(books[i].name, await withPartChanged(books[i].bytes, part, changes, cutTo)),
      ),
      { numRuns: runs(150) },
    );
  });

  it('workbooks with far cells, whole-sheet merges and validations, and a used range of the whole sheet', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: books.length - 1 }), hostility, async (i, h) => checkFile(books[i].name, await withHostility(books[i].bytes, h))),
      { numRuns: runs(60) },
    );
  });

  it('workbooks with random bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: books.length - 1 }), mutations, async (i, changes) => checkFile(books[i].name, mutate(books[i].bytes, changes))),
      { numRuns: runs(200) },
    );
  });
});
