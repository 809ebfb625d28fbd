/**
 * Writing one sheet's contents for the Office adapter (office-workbook.ts): values in row blocks of at
 * most ~4 MB a request, then number formats, styles, the table, conditional formats, the Status
 * drop-down, freeze panes, column widths, charts, print settings and page breaks, packed into as few
 * requests as the limit allows. swap.ts builds new sheets with these on hidden work sheets, and adds
 * rows below those a sheet holds with them.
 *
 * Text safety (excel-values.ts): every string is written with a leading apostrophe, so Excel keeps it
 * as the literal text, whatever the engine passed; table columns holding only text get the text
 * format `@` (textColumns), so what people type there later stays text as well.
 */
import { type CellRange, type ChartSpec, type ConditionalFormat, type NumberFormat, type SheetSpec, type StyledRange } from '../../engine';
import { cellAddress, isEmptyRange, shiftRange } from '../grid';
import { FILLS, HEADER_FILL, NOTE_COLOUR, TABLE_STYLE, textEqualsFormula, widthPoints } from '../styles';
import { pageBreakRows } from '../spec-checks';
import { OPERATION_BYTES, type Batch } from './batch';
import { excelRow, jsonBytes } from './excel-values';
import type { XlRange, XlTable, XlWorksheet } from './office-api';

const CHART_TYPES: Record<ChartSpec['type'], string> = { pie: 'Pie', column: 'ColumnClustered', bar: 'BarClustered' };
const OPERATORS = { lessThan: 'LessThan', greaterThan: 'GreaterThan', equal: 'EqualTo', between: 'Between' } as const;

/** Values from `landing`, in row blocks that keep each request under the limit. */
export async function writeRows(b: Batch, sheet: XlWorksheet, rows: SheetSpec['rows'], landing: number): Promise<void> {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  if (width === 0) return;
  let block: (string | number | boolean)[][] = [];
  let start = 0;
  let bytes = 0;
  const flush = () => {
    if (block.length === 0) return;
    sheet.getRangeByIndexes(landing + start, 0, block.length, width).values = block;
    b.add(bytes);
    start += block.length;
    block = [];
    bytes = 0;
  };
  for (const row of rows) {
    const values = excelRow(row, width);
    const size = jsonBytes(values) + 1;
    if (block.length > 0 && bytes + size + OPERATION_BYTES > b.room) {
      flush();
      await b.sync('values', true);
    } else if (block.length === 0 && b.queued > 0 && size + OPERATION_BYTES > b.room) {
      await b.sync('values', true);
    }
    block.push(values);
    bytes += size;
  }
  flush();
}

/** Queues everything but values for one spec, shifted down by `landing`. */
export async function writeFormats(b: Batch, sheet: XlWorksheet, spec: SheetSpec, landing: number, onTable: (table: XlTable, name: string) => void): Promise<void> {
  const range = (r: CellRange) => sheet.getRangeByIndexes(r.row + landing, r.column, r.rows, r.columns);
  const op = async (bytes: number, queue: () => void) => {
    await b.reserve(bytes, 'formats');
    queue();
    b.add(bytes);
  };
  for (const f of [...spec.numberFormats, ...textColumns(spec)]) {
    if (isEmptyRange(f.range)) continue;
    await op(f.format.length, () => {
      range(f.range).numberFormat = [[f.format]];
    });
  }
  for (const s of spec.styles) {
    if (isEmptyRange(s.range)) continue;
    await op(0, () => style(range(s.range), s.style));
  }
  for (const [i, t] of spec.tables.entries()) {
    const shifted = shiftRange(t, landing).range;
    // Excel needs a data row under the header.
    const source = { ...shifted, rows: Math.max(2, shifted.rows) };
    await op(0, () => {
      const table = sheet.tables.add(sheet.getRangeByIndexes(source.row, source.column, source.rows, source.columns), true);
      const temp = `${t.name}_lumive${Date.now().toString(36).slice(-4)}${i}`;
      table.name = landing === 0 && spec.mode === 'replace' ? temp : t.name;
      table.style = TABLE_STYLE;
      onTable(table, t.name);
    });
  }
  for (const f of spec.conditionalFormats) {
    if (isEmptyRange(f.range)) continue;
    await op(0, () => conditionalFormat(range(f.range), shiftRange(f, landing)));
  }
  for (const v of spec.validations) {
    if (isEmptyRange(v.range)) continue;
    const source = v.list.join(',');
    await op(source.length, () => {
      const validation = range(v.range).dataValidation;
      validation.rule = { list: { inCellDropDown: true, source } };
      validation.errorAlert = { showAlert: true, style: 'Stop', title: 'Not in the list', message: `Choose one of: ${v.list.join(', ')}` };
    });
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    const { rows, columns } = spec.freeze;
    await op(0, () => {
      if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) sheet.freezePanes.freezeRows(rows);
      else sheet.freezePanes.freezeColumns(columns);
    });
  }
  for (const [c, width] of spec.columnWidths.entries()) {
    if (width === null) continue;
    await op(0, () => {
      sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = widthPoints(width);
    });
  }
  for (const chart of spec.charts) await op(chart.title.length, () => addChart(sheet, chart, landing));
  if (spec.print) {
    const { landscape, repeatRows } = spec.print;
    await op(0, () => {
      sheet.pageLayout.orientation = landscape ? 'Landscape' : 'Portrait';
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (repeatRows > 0) sheet.pageLayout.setPrintTitleRows(`$1:$${repeatRows}`);
    });
    // A replaced sheet is a new one, with no breaks to remove; an appended one keeps those above
    // its new rows (earlier rows are never changed).
    for (const r of pageBreakRows(spec.print)) {
      await op(0, () => sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(landing + r, 0, 1, 1)));
    }
  }
}

/**
 * The text format `@` for every table column that holds only text and has no number format of its own,
 * so what a user later types there (a note, a name) stays text too. Values are safe without it
 * (excel-values.ts); this guards the cells people edit.
 */
export function textColumns(spec: SheetSpec): NumberFormat[] {
  const out: NumberFormat[] = [];
  for (const { range } of spec.tables) {
    const data = { row: range.row + 1, rows: range.rows - 1 };
    if (data.rows <= 0) continue;
    for (let c = range.column; c < range.column + range.columns; c++) {
      const formatted = spec.numberFormats.some((f) => f.range.column <= c && c < f.range.column + f.range.columns && f.range.row < data.row + data.rows && data.row < f.range.row + f.range.rows);
      if (formatted) continue;
      let text = false;
      let other = false;
      for (let r = data.row; r < data.row + data.rows && !other; r++) {
        const v = spec.rows[r]?.[c];
        if (typeof v === 'string') text = true;
        else if (v !== null && v !== undefined) other = true;
      }
      if (text && !other) out.push({ range: { row: data.row, column: c, rows: data.rows, columns: 1 }, format: '@' });
    }
  }
  return out;
}

function style(range: XlRange, kind: StyledRange['style']): void {
  const { font } = range.format;
  switch (kind) {
    case 'title':
      font.bold = true;
      font.size = 14;
      break;
    case 'subtitle':
      font.bold = true;
      font.size = 12;
      break;
    case 'header':
      font.bold = true;
      range.format.fill.color = `#${HEADER_FILL}`;
      break;
    case 'note':
      font.italic = true;
      font.color = `#${NOTE_COLOUR}`;
      break;
    case 'bold':
      font.bold = true;
      break;
  }
}

function conditionalFormat(range: XlRange, { range: at, rule }: ConditionalFormat): void {
  const colours = FILLS[rule.fill];
  if (rule.type === 'textEquals') {
    const format = range.conditionalFormats.add('Custom').custom;
    format.rule.formula = `=${textEqualsFormula(rule, cellAddress(at.row, at.column))}`;
    format.format.fill.color = `#${colours.fill}`;
    format.format.font.color = `#${colours.font}`;
    return;
  }
  const format = range.conditionalFormats.add('CellValue').cellValue;
  format.rule =
    rule.type === 'between'
      ? { operator: 'Between', formula1: String(Math.min(rule.from, rule.to)), formula2: String(Math.max(rule.from, rule.to)) }
      : { operator: OPERATORS[rule.type], formula1: String(rule.value) };
  format.format.fill.color = `#${colours.fill}`;
  format.format.font.color = `#${colours.font}`;
}

function addChart(sheet: XlWorksheet, spec: ChartSpec, landing: number): void {
  const at = (r: CellRange) => sheet.getRangeByIndexes(r.row + landing, r.column, r.rows, r.columns);
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add(CHART_TYPES[spec.type], at(first.values), 'Columns');
  chart.title.text = spec.title;
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(at(spec.categories));
  for (const s of rest) {
    const added = chart.series.add(s.name);
    added.setValues(at(s.values));
    added.setXAxisValues(at(spec.categories));
  }
  const top = spec.anchor.row + landing;
  chart.setPosition(
    sheet.getRangeByIndexes(top, spec.anchor.column, 1, 1),
    sheet.getRangeByIndexes(top + Math.max(1, spec.size.rows) - 1, spec.anchor.column + Math.max(1, spec.size.columns) - 1, 1, 1),
  );
}
