/**
 * `lumive po <analyzed.xlsx> -o DIR` and `lumive shipments <analyzed.xlsx> -o DIR`: one CSV file per
 * purchase order (the "Purchase Orders" sheet) or per route (the "Shipments" sheet) of a workbook
 * `lumive analyze` wrote, into DIR (created when missing). The files, their names and the CSV are made
 * by engine/sheets/documents.ts (formula-safe text, UTF-8 with a BOM).
 *
 * Only the one sheet is read (the others are opened empty: an analyzed workbook's result sheets can be
 * tens of megabytes). Prints one line per file written and the total; the rows left out (a line without
 * its PO Number or Route) on standard error. Exits 0 when the files are written, or when the sheet has
 * no lines; 1 when the workbook has no such sheet (it was not analyzed), the sheet has no header row or
 * a file cannot be written; 2 on a usage error, a workbook that cannot be read or an output that is a file.
 * A file of the same name in DIR is replaced (each file is written to a temporary file, then renamed).
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { documentSheetName, readDocumentSheet, REGISTRY_NAMES } from '../app/documents';
import { PURCHASE_ORDERS_SHEET, SHIPMENTS_SHEET, documentFiles, type DocumentKind, type RawGrid } from '../engine';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { writeAtomically } from './analyze';
import { isSystemError, systemReason, visible, type Out } from './terminal';

interface CommandSpec {
  readonly kind: DocumentKind;
  readonly sheet: string;
  /** What one file is, singular and plural. */
  readonly one: string;
  readonly many: string;
  /** What the sheet holds lines from, when it holds none. */
  readonly none: string;
}

const COMMANDS: Readonly<Record<'po' | 'shipments', CommandSpec>> = {
  po: { kind: 'po', sheet: PURCHASE_ORDERS_SHEET, one: 'purchase order', many: 'purchase orders', none: 'No purchase orders: no approved Reorder lines' },
  shipments: { kind: 'shipments', sheet: SHIPMENTS_SHEET, one: 'shipment', many: 'shipments', none: 'No shipments: no approved transfer or send from the own warehouse' },
};

/** How many of the rows left out are listed before "… and N more". */
const LISTED_ISSUES = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export async function documentsCommand(command: 'po' | 'shipments', args: readonly string[], out: Out, err: Out): Promise<number> {
  const spec = COMMANDS[command];
  const usage = `usage: lumive ${command} <analyzed.xlsx> -o FOLDER`;
  const files: string[] = [];
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) {
        err.write(`lumive ${command}: ${a} needs a folder\n${usage}\n`);
        return 2;
      }
      output = value;
    } else if (a.startsWith('-')) {
      err.write(`lumive ${command}: unknown option ${visible(a)}\n${usage}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || output === null) {
    err.write(`lumive ${command}: give one analyzed workbook and the folder for the files\n${usage}\n`);
    return 2;
  }
  const [file] = files;

  // The output is checked before the workbook is read.
  const found = await stat(output).catch((e: unknown) => (isSystemError(e) ? e : Promise.reject(e)));
  if (!isSystemError(found) && !found.isDirectory()) {
    err.write(`lumive ${command}: ${visible(output)} is a file, not a folder: give a folder for the ${spec.many} (it is created when missing)\n`);
    return 2;
  }
  if (isSystemError(found) && found.code !== 'ENOENT') {
    err.write(`lumive ${command}: cannot use ${visible(output)} as the folder for the files: ${systemReason(found)}\n`);
    return 2;
  }

  let read: { readonly sheet: string; readonly grid: RawGrid | null };
  try {
    const bytes = new Uint8Array(await readFile(file));
    // Only the registry and the document sheet are read; every other sheet is opened empty
    // (xlsx-workbook.ts, `skip`).
    const book = await XlsxWorkbook.fromBuffer(bytes, path.basename(file), {
      skip: async (names, peek) => {
        const sheet = documentSheetName(spec.kind, await peek(REGISTRY_NAMES.filter((n) => names.includes(n)))).toLowerCase();
        return names.filter((n) => n.toLowerCase() !== sheet && !REGISTRY_NAMES.includes(n));
      },
    });
    read = await readDocumentSheet(book, spec.kind);
  } catch (e) {
    err.write(`lumive ${command}: cannot read ${visible(file)}: ${visible(systemReason(e))}\n`);
    return 2;
  }
  const { sheet, grid } = read;
  if (grid === null) {
    err.write(`lumive ${command}: ${visible(file)} has no "${visible(sheet)}" sheet written by Lumive. Run lumive analyze first, approve the lines, and give the workbook it wrote\n`);
    return 1;
  }

  const result = documentFiles(spec.kind, grid, sheet);
  for (const issue of result.issues.slice(0, LISTED_ISSUES)) err.write(`lumive ${command}: ${visible(issue)}\n`);
  if (result.issues.length > LISTED_ISSUES) err.write(`lumive ${command}: … and ${result.issues.length - LISTED_ISSUES} more\n`);
  if (result.headerRow === null) return 1;
  if (result.files.length === 0) {
    out.write(`${spec.none}${result.rowsReported > 0 ? ` (${plural(result.rowsReported, 'row')} left out)` : ''}\n`);
    return 0;
  }

  const lines: string[] = [];
  const width = Math.max(...result.files.map((f) => visible(f.name).length));
  for (const f of result.files) {
    // The engine's names hold no path separator; checked again here, where a path is made.
    if (path.basename(f.name) !== f.name || f.name === '.' || f.name === '..') throw new Error(`not a file name: ${f.name}`);
    const target = path.join(output, f.name);
    try {
      await writeAtomically(target, new TextEncoder().encode(f.csv));
    } catch (e) {
      if (!isSystemError(e)) throw e;
      const written = lines.length === 0 ? 'no file was written' : `${plural(lines.length, 'file')} of ${result.files.length} written before it`;
      err.write(`lumive ${command}: cannot write ${visible(target)}: ${systemReason(e)}; ${written}\n`);
      return 1;
    }
    lines.push(`  ${visible(f.name).padEnd(width)}  ${plural(f.rows, 'line')}\n`);
  }
  const used = result.rowsRead - result.rowsReported;
  out.write(
    `Wrote ${plural(result.files.length, spec.one, spec.many)} from "${visible(sheet)}" to ${visible(output)}:\n${lines.join('')}` +
      `${plural(result.files.length, 'file')}, ${plural(used, 'line')}${result.rowsReported > 0 ? ` (${plural(result.rowsReported, 'row')} left out)` : ''}\n`,
  );
  return 0;
}
