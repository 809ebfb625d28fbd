/**
 * Works around exceljs 4.4 data-validation round-trips (exceljs issue #2820): loading a workbook
 * expands each validation range into one model entry per cell, and on save exceljs re-merges them by
 * sorting addresses as strings (B10 before B2), which writes overlapping ranges that Excel and
 * LibreOffice read only in part. After loading, we regroup the per-cell entries into one range per
 * column run, keyed as ranges, which exceljs writes back unchanged.
 */
import type ExcelJS from 'exceljs';

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

/** exceljs has worksheet data validations but leaves them out of its typings. */
interface WithValidations {
  dataValidations: { model: ValidationModel; add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Adds a validation for a cell or range address (`B2` or `B2:B9`). */
export function addValidation(ws: ExcelJS.Worksheet, address: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as WithValidations).dataValidations.add(address, validation);
}

const CELL = /^\$?([A-Z]{1,3})\$?([0-9]+)$/;

export function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as WithValidations).dataValidations;
  const model = holder.model;
  const out: ValidationModel = {};
  // One group per validation object (a loaded <dataValidation> element is one shared object).
  const groups = new Map<ExcelJS.DataValidation, Map<string, number[]>>();
  for (const [address, validation] of Object.entries(model)) {
    if (!validation) continue;
    const m = CELL.exec(address);
    if (!m) {
      out[address] = validation;
      continue;
    }
    const columns = groups.get(validation) ?? new Map<string, number[]>();
    groups.set(validation, columns);
    const rows = columns.get(m[1]) ?? [];
    columns.set(m[1], rows);
    rows.push(Number(m[2]));
  }
  for (const [validation, columns] of groups) {
    for (const [column, rows] of columns) {
      rows.sort((a, b) => a - b);
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const first = rows[start];
        const last = rows[i - 1];
        out[first === last ? `${column}${first}` : `${column}${first}:${column}${last}`] = validation;
        start = i;
      }
    }
  }
  holder.model = out;
}
