/**
 * Reads a report file the user picked (CSV, TSV, Amazon .txt flat file, .xlsx workbook) into grids of
 * raw cells for the importer (docs/REPORTS.md). Bytes in, grids out: no file system, so the same code runs
 * in the task pane (File API bytes) and in Node (the CLI and tests read the bytes themselves).
 *
 * It never throws for a bad file: what could not be read, and what was noticed and repaired, is listed
 * in `problems`, and a file that cannot be read at all gives one sheet with an empty grid.
 *
 * This file picks the reading from the name and the first bytes and reads workbooks; the bytes are
 * recognised and text decoded by decode-text.ts, delimited text is read by read-delimited.ts, and the
 * sheet a file gives is file-sheet.ts.
 */
import type ExcelJS from 'exceljs';
import { problemOf, type Problem, type RawCell } from '../engine';
import { cellAddress } from '../workbook/grid';
import { excel } from '../workbook/xlsx/lazy';
import { checkPackage, farValuesText, plainValue, sheetCells, tableBounds, workbookDamage, XLSX_LIMITS, type XlsxLimits } from '../workbook/xlsx/read-worksheet';
import { decodeText, isBinary, isOleCompound, isZip, SNIFF_BYTES, whatBinaryIs } from './decode-text';
import type { FileSheet, Format } from './file-sheet';
import { readDelimitedText } from './read-delimited';

export type { FileSheet } from './file-sheet';

export interface ReadOptions {
  /** How large an .xlsx may be, unpacked, and how far a sheet's grid may reach (tests lower them). */
  readonly xlsxLimits?: XlsxLimits;
}

export async function readReportFile(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<FileSheet[]> {
  const limits = options.xlsxLimits ?? XLSX_LIMITS;
  const extension = extensionOf(fileName);
  const named = formatFromExtension(extension);
  try {
    if (bytes.length === 0) return [unreadable(fileName, named ?? 'txt', problemOf('file.empty', {}))];
    if (isZip(bytes)) {
      const notes = named === 'xlsx' ? [] : [problemOf('file.xlsx-misnamed', { extension })];
      return await readWorkbook(fileName, bytes, notes, limits);
    }
    if (isOleCompound(bytes)) return [unreadable(fileName, 'xlsx', problemOf('file.xls-or-encrypted', {}))];
    if (extension === 'xls') return [unreadable(fileName, 'xlsx', problemOf('file.xls', {}))];
    if (named === 'xlsx') {
      const looksLikeText = !isBinary(decodeText(bytes.subarray(0, SNIFF_BYTES)).text);
      const damage = problemOf('file.xlsx-damaged', { name: baseName(fileName), why: 'not-zip', content: looksLikeText ? 'text' : whatBinaryIs(bytes) });
      return [unreadable(fileName, 'xlsx', problemOf('file.xlsx-invalid', { damage }))];
    }
    const notes = named ? [] : [problemOf('file.unknown-type', { extension })];
    return [readDelimitedText(fileName, named ?? 'txt', bytes, notes)];
  } catch (error) {
    // Defensive: every known failure is handled above; anything else still must not escape.
    return [unreadable(fileName, named ?? 'txt', problemOf('file.read-failed', { error: messageOf(error) }))];
  }
}

// ---------------------------------------------------------------------------------------------
// Format sniffing

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '');
}

function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).trim().toLowerCase() : '';
}

function formatFromExtension(extension: string): Format | undefined {
  switch (extension) {
    case 'csv':
      return 'csv';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'txt':
      return 'txt';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbooks

async function readWorkbook(fileName: string, bytes: Uint8Array, notes: readonly Problem[], limits: XlsxLimits): Promise<FileSheet[]> {
  const name = baseName(fileName);
  // The package is looked at before exceljs inflates it: a small file may unpack to gigabytes, or be cut short.
  const problem = await checkPackage(bytes, name, limits);
  if (problem) return [unreadable(fileName, 'xlsx', problem.damaged ? problemOf('file.xlsx-invalid', { damage: problem.problem }) : problem.problem, notes)];
  const workbook = new (excel().Workbook)();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; JSZip underneath accepts a Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return [unreadable(fileName, 'xlsx', problemOf('file.xlsx-invalid', { damage: workbookDamage(name, error) }), notes)];
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) return [unreadable(fileName, 'xlsx', problemOf('file.no-worksheets', {}), notes)];
  return worksheets.map((worksheet, i) => readWorksheet(fileName, worksheet, i === 0 ? notes : [], limits));
}

/**
 * A worksheet's grid, built from the cells that hold a value (never from the used range the file
 * declares, which a stray cell or a lying <dimension> can make 17 billion cells). Values far outside
 * the table are left out and named (see tableBounds for why they are not refused); a sheet whose values
 * are strewn over a vast area is not read, and says so.
 */
function readWorksheet(fileName: string, worksheet: ExcelJS.Worksheet, notes: readonly Problem[], limits: XlsxLimits): FileSheet {
  const source = `${fileName} › ${worksheet.name}`;
  const problems = [...notes];
  let noResult = 0;
  const cells = sheetCells(worksheet, (raw) => {
    if (isFormula(raw) && raw.result === undefined) noResult++;
    return plainValue(raw);
  });
  if (noResult > 0) problems.push(problemOf('file.formula-no-result', { n: noResult }));
  if (cells.values.length === 0) return { source, format: 'xlsx', grid: [], problems: [...problems, problemOf('file.sheet-empty', {})] };
  const bounds = tableBounds(cells, limits);
  const sheet = worksheet.name;
  const grid = { range: `A1:${cellAddress(bounds.rows - 1, bounds.columns - 1)}`, rows: bounds.rows, columns: bounds.columns };
  if (bounds.kind === 'scattered') {
    problems.push(problemOf('file.sheet-scattered', { sheet, values: bounds.values, ...grid }));
    return { source, format: 'xlsx', grid: [], problems };
  }
  const far = new Set(bounds.far);
  if (far.size > 0) problems.push(problemOf('file.far-values', { sheet, n: far.size, values: farValuesText(cells, bounds.far), ...grid }));
  const values: RawCell[][] = Array.from({ length: bounds.rows }, () => new Array<RawCell>(bounds.columns).fill(null));
  for (let i = 0; i < cells.values.length; i++) if (far.size === 0 || !far.has(i)) values[cells.rows[i]][cells.columns[i]] = cells.values[i];
  return { source, format: 'xlsx', grid: values, problems };
}

function isFormula(value: unknown): value is { result?: unknown } {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function unreadable(source: string, format: Format, problem: Problem, notes: readonly Problem[] = []): FileSheet {
  return { source, format, grid: [], problems: [...notes, problem] };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || 'unknown error';
}
