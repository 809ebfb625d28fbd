/**
 * A loaded worksheet as a SheetSpec, when a spec can say everything it holds: so that a workbook whose
 * other sheets are all rewritten (a scheduled `lumive analyze` over its previous output: the approval
 * log, the history) can be streamed (stream-writer.ts) instead of rebuilt through exceljs.
 *
 * It holds when the sheet has only text, numbers, booleans and dates (a date becomes its serial number
 * under its own format, as Excel stores it), number formats, the looks specs give (title, subtitle,
 * header, note, bold: styles.ts), frozen panes, column widths and a visibility. Anything else (a formula,
 * rich text, a link, an error, a merge, a table, a conditional format, a validation, a picture, a
 * filter, another font, fill, border or alignment, a hidden row or column, right-to-left, a split
 * view) gives null, and the workbook is saved through exceljs as before.
 */
import type ExcelJS from 'exceljs';
import { DAY_MS, sheetSpec, type CellRange, type CellStyle, type CellValue, type NumberFormat, type SheetSpec, type StyledRange } from '../../engine';
import { shiftRange, usedRowCount } from '../grid';
import { HEADER_BORDER, HEADER_FILL, NOTE_COLOUR } from '../styles';
import { pageBreakRows } from '../spec-checks';

/** Days from Excel's day 0 (1899-12-30, the 1900 date system) to 1970-01-01. */
const EPOCH_1970 = 25_569;

/** The spec of a loaded sheet, or null when a spec cannot hold all of it (see the top of the file). */
export function keptSheetSpec(ws: ExcelJS.Worksheet): SheetSpec | null {
  if (!onlySpecFeatures(ws)) return null;
  const rows: CellValue[][] = [];
  const formats = new Runs<string>();
  const looks = new Runs<CellStyle>();
  let representable = true;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (!representable) return;
    if (row.hidden) {
      representable = false;
      return;
    }
    const r = rowNumber - 1;
    const cells: CellValue[] = (rows[r] = []);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (!representable) return;
      const c = colNumber - 1;
      const value = cellValueOf(cell.value);
      const style = styleOf(cell);
      if (value === undefined || style === undefined) {
        representable = false;
        return;
      }
      cells[c] = value;
      if (cell.numFmt && cell.numFmt !== 'General') formats.add(r, c, cell.numFmt);
      if (style !== null) looks.add(r, c, style);
    });
  });
  if (!representable) return null;
  fillBlanks(rows);
  const widths = columnWidths(ws);
  if (widths === null) return null;
  const view = ws.views?.[0] as (Partial<ExcelJS.WorksheetView> & { xSplit?: number; ySplit?: number }) | undefined;
  if (view && (view.rightToLeft || (view.state !== undefined && view.state !== 'normal' && view.state !== 'frozen'))) return null;
  const frozen = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null;
  return sheetSpec(ws.name, rows, {
    role: 'state',
    visibility: (ws.state ?? 'visible') as SheetSpec['visibility'],
    numberFormats: formats.ranges().map(([range, format]): NumberFormat => ({ range, format })),
    styles: looks.ranges().map(([range, style]): StyledRange => ({ range, style })),
    freeze: frozen,
    columnWidths: widths,
    print: printOf(ws),
  });
}

/**
 * The kept sheet with an `append` spec written into it, as XlsxWorkbook's render does it: the new rows
 * below the last non-blank row (their blanks leave what was there), the spec's ranges shifted there,
 * its freeze, widths and print settings over the sheet's own where it sets them, its page breaks
 * shifted there too and added to the sheet's. Null when the append adds charts (render keeps those
 * apart).
 */
export function appendedSpec(kept: SheetSpec, add: SheetSpec): SheetSpec | null {
  if (add.charts.length > 0) return null;
  const landing = usedRowCount(kept.rows);
  const rows = kept.rows.map((row) => [...row]);
  add.rows.forEach((row, r) => {
    const target = (rows[landing + r] ??= []);
    row.forEach((value, c) => {
      if (value !== null) target[c] = value;
    });
  });
  fillBlanks(rows);
  const shift = <T extends { readonly range: CellRange }>(items: readonly T[]) => items.map((item) => shiftRange(item, landing));
  const widths = [...kept.columnWidths];
  add.columnWidths.forEach((w, c) => {
    if (w !== null) widths[c] = w;
  });
  for (let c = 0; c < widths.length; c++) if (widths[c] === undefined) widths[c] = null;
  return {
    ...kept,
    rows,
    visibility: add.visibility,
    numberFormats: [...kept.numberFormats, ...shift(add.numberFormats)],
    styles: [...kept.styles, ...shift(add.styles)],
    tables: shift(add.tables),
    conditionalFormats: shift(add.conditionalFormats),
    validations: shift(add.validations),
    freeze: add.freeze ? (add.freeze.rows > 0 || add.freeze.columns > 0 ? add.freeze : null) : kept.freeze,
    columnWidths: widths,
    print: appendedPrint(kept.print, add.print, landing),
  };
}

/**
 * The append's print settings where it has them, else the kept sheet's (as renderSheet sets them),
 * with the page breaks of both: the kept ones where they are, the append's shifted to `landing`.
 */
function appendedPrint(kept: SheetSpec['print'], add: SheetSpec['print'], landing: number): SheetSpec['print'] {
  const print = add ?? kept;
  const breaks = [...new Set([...pageBreakRows(kept), ...pageBreakRows(add).map((r) => landing + r)])].sort((a, b) => a - b);
  return print && breaks.length > 0 ? { ...print, rowBreaks: breaks } : print;
}

/** Rows and cells never written (holes in the arrays) become blanks. */
function fillBlanks(rows: CellValue[][]): void {
  for (let r = 0; r < rows.length; r++) {
    const row = (rows[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
}

/** No merge, table, conditional format, validation, picture, filter or tab colour. */
function onlySpecFeatures(ws: ExcelJS.Worksheet): boolean {
  const w = ws as unknown as {
    _merges?: Record<string, unknown>;
    conditionalFormattings?: unknown[];
    dataValidations?: { model?: Record<string, unknown> };
    autoFilter?: unknown;
  };
  return (
    Object.keys(w._merges ?? {}).length === 0 &&
    ws.getTables().length === 0 &&
    (w.conditionalFormattings ?? []).length === 0 &&
    Object.keys(w.dataValidations?.model ?? {}).length === 0 &&
    ws.getImages().length === 0 &&
    !w.autoFilter &&
    !ws.properties?.tabColor
  );
}

/** A cell's value as a spec holds it; undefined when a spec cannot (formula, rich text, link, error). */
function cellValueOf(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / DAY_MS + EPOCH_1970;
  return undefined;
}

const argbOf = (colour: unknown): string | null => {
  const argb = (colour as { argb?: unknown } | undefined)?.argb;
  return typeof argb === 'string' ? argb.toUpperCase().replace(/^FF/, '') : null;
};

/**
 * The look of a cell: a spec style, null for none, undefined when it is none of them. Font names and
 * theme colours are ignored (every look is Calibri 11 in the theme's text colour unless it says so).
 */
function styleOf(cell: ExcelJS.Cell): CellStyle | null | undefined {
  const font = (cell.font ?? {}) as Partial<ExcelJS.Font>;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: unknown } | undefined;
  const border = (cell.border ?? {}) as Partial<ExcelJS.Borders>;
  const alignment = cell.alignment as Record<string, unknown> | undefined;
  if (alignment && Object.values(alignment).some((v) => v !== undefined && v !== false)) return undefined;
  if (font.underline || font.strike || font.vertAlign || font.outline) return undefined;
  const size = font.size ?? 11;
  const colour = argbOf(font.color);
  const filled = fill !== undefined && fill.type === 'pattern' && fill.pattern !== 'none';
  const headerFill = filled && fill.pattern === 'solid' && argbOf(fill.fgColor) === HEADER_FILL;
  const sides = (['left', 'right', 'top', 'diagonal'] as const).some((side) => (border as Record<string, { style?: string } | undefined>)[side]?.style);
  const bottom = border.bottom?.style ? border.bottom : null;
  const headerBorder = bottom !== null && bottom.style === 'thin' && argbOf(bottom.color) === HEADER_BORDER;
  if (sides || (filled && !headerFill) || (bottom !== null && !headerBorder)) return undefined;
  const bold = !!font.bold;
  const italic = !!font.italic;
  if (headerFill || headerBorder) return headerFill && headerBorder && bold && !italic && size === 11 && colour === null ? 'header' : undefined;
  if (italic) return !bold && size === 11 && colour === NOTE_COLOUR ? 'note' : undefined;
  if (colour !== null) return undefined;
  if (!bold) return size === 11 ? null : undefined;
  return size === 14 ? 'title' : size === 12 ? 'subtitle' : size === 11 ? 'bold' : undefined;
}

/** Widths of the columns that set one; null when a column is hidden or outlined. */
function columnWidths(ws: ExcelJS.Worksheet): (number | null)[] | null {
  const widths: (number | null)[] = [];
  for (const [i, column] of (ws.columns ?? []).entries()) {
    if (column.hidden || (column.outlineLevel ?? 0) > 0) return null;
    widths[i] = typeof column.width === 'number' ? column.width : null;
  }
  return widths;
}

/** The print settings specs give (landscape, fit to width, repeated rows), when the sheet has them. */
function printOf(ws: ExcelJS.Worksheet): SheetSpec['print'] {
  const setup = ws.pageSetup ?? {};
  const repeat = /^\$?1:\$?(\d+)$/.exec(String(setup.printTitlesRow ?? ''));
  if (setup.orientation !== 'landscape' && !repeat) return undefined;
  return { landscape: setup.orientation === 'landscape', repeatRows: repeat ? Number(repeat[1]) : 0 };
}

/** Same values down each column gathered into ranges of consecutive rows. */
class Runs<T> {
  private readonly open = new Map<number, { value: T; row: number; rows: number }>();
  private readonly done: [CellRange, T][] = [];

  add(row: number, column: number, value: T): void {
    const run = this.open.get(column);
    if (run && run.value === value && run.row + run.rows === row) {
      run.rows++;
      return;
    }
    if (run) this.done.push([{ row: run.row, column, rows: run.rows, columns: 1 }, run.value]);
    this.open.set(column, { value, row, rows: 1 });
  }

  ranges(): [CellRange, T][] {
    for (const [column, run] of this.open) this.done.push([{ row: run.row, column, rows: run.rows, columns: 1 }, run.value]);
    this.open.clear();
    return this.done;
  }
}
