/**
 * Values as they go into `Range.values`, made safe at the edge (docs/ARCHITECTURE.md, "Untrusted text is a
 * formula risk"). Excel parses what is written to `values` as if it were typed: `=…`, `+…`, `-…` and
 * `@…` become formulas, and "00123", "1/2", "TRUE" or "5%" become numbers, dates or booleans. A leading
 * apostrophe makes Excel keep the rest as literal text and is not part of the value read back, so every
 * non-empty string gets one, whatever it starts with and whatever the engine passed. Blank cells are "".
 *
 * The byte estimate is the JSON size office-js sends for the values, which is what the 5 MB request
 * limit of Excel on the web counts.
 */
import { type CellValue } from '../../engine';

/** What goes into Range.values for one spec value. */
export function excelValue(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}

/** A spec row as a Range.values row of `width` cells (ragged rows padded with blanks). */
export function excelRow(row: readonly CellValue[] | undefined, width: number): (string | number | boolean)[] {
  const out = new Array<string | number | boolean>(width);
  for (let c = 0; c < width; c++) out[c] = excelValue(row?.[c]);
  return out;
}

/** JSON size in bytes (UTF-8) of a value as office-js serializes it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
