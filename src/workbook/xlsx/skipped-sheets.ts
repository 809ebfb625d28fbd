/**
 * A package with some sheets emptied before exceljs parses it: their names, tab places and visibility
 * stay, their cells, tables and drawings go. Analyze rewrites its large result sheets (Health,
 * Forecast, Trends …) on every run and never reads them back, yet exceljs would otherwise parse all of
 * them (tens of megabytes of XML and gigabytes of cell objects at 100,000 positions) just to open the
 * previous output a scheduled run carries its approvals from.
 */
import type JSZip from 'jszip';
import { relsPathOf, sheetPaths } from './charts';
import { jszip } from './lazy';

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** The sheet names of a package, in tab order (nothing parsed but the workbook part and its rels). */
export async function packageSheetNames(bytes: Uint8Array): Promise<string[]> {
  return [...(await sheetPaths(await jszip().loadAsync(bytes))).keys()];
}

/**
 * The package with the named sheets (matched without regard to case) emptied. Parts left unchanged
 * keep their compressed bytes (JSZip reuses them), so this costs little beyond reading the directory.
 */
export async function withSheetsEmptied(bytes: Uint8Array, names: readonly string[]): Promise<Uint8Array> {
  const zip: JSZip = await jszip().loadAsync(bytes);
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const [name, part] of await sheetPaths(zip)) {
    if (!wanted.has(name.toLowerCase())) continue;
    zip.file(part, EMPTY_SHEET);
    zip.remove(relsPathOf(part));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
