/**
 * Renders one checked SheetSpec onto an exceljs worksheet: values (strings always as text cells),
 * number formats, styles, tables, conditional formats, list validations, freeze panes, column widths,
 * print settings and page breaks, and visibility. Charts are not here: exceljs cannot write them,
 * charts.ts adds them to the package.
 *
 * `landing` is the 0-based row the spec's row 0 goes to (0 for `replace`, below the used rows for
 * `append`); every spec range is shifted by it.
 */
import type ExcelJS from 'exceljs';
import { type CellValue, type ConditionalRule, type SheetSpec, type StyledRange, type TableSpec } from '../../engine';
import { cellAddress, cellsOf, isEmptyRange, rangeAddress, shiftRange } from '../grid';
import { FILLS, HEADER_BORDER, HEADER_FILL, NOTE_COLOUR, TABLE_STYLE, textEqualsFormula } from '../styles';
import { listFormula, pageBreakRows } from '../spec-checks';
import { StyleCache } from './style-cache';
import { addValidation } from './validations';

const argb = (rgb: string): string => `FF${rgb}`;

export function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, landing: number, styles = new StyleCache()): void {
  writeValues(ws, spec, landing);
  for (const f of spec.numberFormats) {
    const key = `numFmt:${f.format}`;
    const change = (previous: Partial<ExcelJS.Style>) => ({ ...previous, numFmt: f.format });
    for (const at of cellsOf(shiftRange(f, landing).range)) styles.restyle(ws.getCell(at.row + 1, at.column + 1), key, change);
  }
  for (const s of spec.styles) applyStyle(ws, shiftRange(s, landing), styles);
  for (const t of spec.tables) addTable(ws, t, spec);
  addConditionalFormats(ws, spec, landing);
  for (const v of spec.validations) {
    const { range } = shiftRange(v, landing);
    if (isEmptyRange(range)) continue;
    addValidation(ws, rangeAddress(range), {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(v.list)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Not in the list',
      error: `Choose one of: ${v.list.join(', ')}`,
    });
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }];
  } else if (spec.freeze || spec.mode === 'replace') {
    ws.views = [];
  }
  spec.columnWidths.forEach((width, c) => {
    if (width !== null) ws.getColumn(c + 1).width = width;
  });
  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: spec.print.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(spec.print.repeatRows > 0 ? { printTitlesRow: `1:${spec.print.repeatRows}` } : {}),
    };
    // exceljs breaks below the 1-based row it is given: below row landing + r is above 0-based row
    // landing + r. Columns 1 to 16384 give max="16383", the whole row, as Excel writes it (exceljs's
    // own default is 16838). exceljs does not read breaks from a file: a loaded sheet saved through it
    // keeps only the breaks written in this session.
    for (const r of pageBreakRows(spec.print)) ws.getRow(landing + r).addPageBreak(1, 16_384);
  }
  ws.state = spec.visibility;
}

function writeValues(ws: ExcelJS.Worksheet, spec: SheetSpec, landing: number): void {
  spec.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) ws.getCell(landing + r + 1, c + 1).value = cellValue(value);
    });
  });
}

/**
 * The exceljs value for a spec value. exceljs writes a JS string as a shared-string cell (never a
 * formula, whatever it starts with). OOXML reads `_xHHHH_` in cell text as an escaped character, so a
 * literal `_x` before four hex digits is itself escaped (`_x005F_`) to come back as written.
 */
export function cellValue(value: Exclude<CellValue, null>): string | number | boolean {
  // Most text has no "_x" at all: the regular expression only runs where it could match.
  return typeof value === 'string' && value.includes('_x') ? value.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : value;
}

function styled(previous: Partial<ExcelJS.Style>, style: StyledRange['style']): Partial<ExcelJS.Style> {
  const next = { ...previous };
  const font = { ...previous.font };
  switch (style) {
    case 'title':
      Object.assign(font, { bold: true, size: 14 });
      break;
    case 'subtitle':
      Object.assign(font, { bold: true, size: 12 });
      break;
    case 'header':
      font.bold = true;
      next.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) }, bgColor: { argb: argb(HEADER_FILL) } };
      next.border = { ...previous.border, bottom: { style: 'thin', color: { argb: argb(HEADER_BORDER) } } };
      break;
    case 'note':
      Object.assign(font, { italic: true, color: { argb: argb(NOTE_COLOUR) } });
      break;
    case 'bold':
      font.bold = true;
      break;
  }
  next.font = font;
  return next;
}

function applyStyle(ws: ExcelJS.Worksheet, { range, style }: StyledRange, styles: StyleCache): void {
  const change = (previous: Partial<ExcelJS.Style>) => styled(previous, style);
  for (const at of cellsOf(range)) styles.restyle(ws.getCell(at.row + 1, at.column + 1), `style:${style}`, change);
}

/**
 * An Excel table over cells already written. Excel needs a data row, so a table of headers only
 * gets one empty row. Header names come from the spec (checked unique, non-empty text).
 */
function addTable(ws: ExcelJS.Worksheet, table: TableSpec, spec: SheetSpec): void {
  const { range } = table;
  const columns = Array.from({ length: range.columns }, (_, c) => ({ name: cellValue(String(spec.rows[range.row][range.column + c])) as string, filterButton: true }));
  const dataRows = Math.max(1, range.rows - 1);
  const rows = Array.from({ length: dataRows }, (_, r) =>
    Array.from({ length: range.columns }, (_, c) => {
      const value = spec.rows[range.row + 1 + r]?.[range.column + c] ?? null;
      return value === null ? null : cellValue(value);
    }),
  );
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: cellAddress(range.row, range.column),
    headerRow: true,
    totalsRow: false,
    columns,
    rows,
    style: { theme: TABLE_STYLE, showRowStripes: true },
  });
}

function addConditionalFormats(ws: ExcelJS.Worksheet, spec: SheetSpec, landing: number): void {
  const existing = (ws as unknown as { conditionalFormattings?: { rules?: { priority?: number }[] }[] }).conditionalFormattings ?? [];
  let priority = existing.reduce((p, cf) => Math.max(p, ...(cf.rules ?? []).map((r) => r.priority ?? 0)), 0);
  for (const f of spec.conditionalFormats) {
    const { range } = shiftRange(f, landing);
    if (isEmptyRange(range)) continue;
    const colours = FILLS[f.rule.fill];
    const style = {
      fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: argb(colours.fill) }, bgColor: { argb: argb(colours.fill) } },
      font: { color: { argb: argb(colours.font) } },
    };
    priority += 1;
    ws.addConditionalFormatting({ ref: rangeAddress(range), rules: [{ ...conditionalRule(f.rule, cellAddress(range.row, range.column)), priority, style }] });
  }
}

type RuleCore = { type: 'expression'; formulae: string[] } | { type: 'cellIs'; operator: 'lessThan' | 'greaterThan' | 'equal' | 'between'; formulae: number[] };

/** textEquals is an expression rule (styles.ts), which Excel and LibreOffice both read. */
export function conditionalRule(rule: ConditionalRule, topLeft: string): RuleCore {
  switch (rule.type) {
    case 'textEquals':
      return { type: 'expression', formulae: [textEqualsFormula(rule, topLeft)] };
    case 'lessThan':
    case 'greaterThan':
    case 'equal':
      return { type: 'cellIs', operator: rule.type, formulae: [rule.value] };
    case 'between':
      return { type: 'cellIs', operator: 'between', formulae: [Math.min(rule.from, rule.to), Math.max(rule.from, rule.to)] };
  }
}
