/**
 * Checks a batch of SheetSpecs before any adapter changes anything, so that `writeSheets` is atomic at
 * the workbook level: either every spec is valid for the workbook as it stands, or an Error naming the
 * sheet is thrown and nothing is written. Both adapters (in-memory and xlsx) run the same checks, so a
 * spec the preview accepts is one the file writer accepts.
 *
 * What is rejected: names Excel refuses (sheets, tables), values a file cannot hold (NaN, over-long
 * text), ranges outside the sheet, table headers that are not unique non-empty text, tables or charts
 * in append mode (their ranges would depend on where the rows land), list validations Excel cannot
 * store, page breaks that are not whole rows inside the sheet or more than Excel keeps, and a batch
 * that would leave no visible sheet.
 */
import { type CellRange, type CellValue, type ChartSpec, type ConditionalRule, type SheetSpec, type TableSpec, type Visibility } from '../engine';
import { MAX_COLUMNS, MAX_ROWS, cellAddress, isEmptyRange } from './grid';
import { nextTask, rowBlocks } from './next-task';

/** A sheet already in the workbook, as the checks need to know it. */
export interface ExistingSheet {
  readonly name: string;
  readonly visibility: Visibility;
  /** Names of the tables on it. */
  readonly tables: readonly string[];
  /** Rows up to the last non-blank one (where an append lands). */
  readonly usedRows: number;
}

const MAX_TEXT = 32_767;
/** Manual row page breaks Excel keeps on one sheet ([MS-XLSB] 2.4.196, BrtBeginRwBrk: at most 1,023). */
export const MAX_ROW_BREAKS = 1_023;
const MAX_LIST_FORMULA = 255;
const STYLES = new Set(['title', 'subtitle', 'header', 'note', 'bold']);
const FILLS = new Set(['red', 'orange', 'amber', 'green', 'grey']);
const VISIBILITIES = new Set(['visible', 'hidden', 'veryHidden']);

/** Throws an Error naming the first problem found; returns normally when every spec can be written. */
export function checkSpecs(specs: readonly SheetSpec[], existing: readonly ExistingSheet[]): void {
  const plan = checkPlan(specs, existing);
  for (const { spec, landing } of plan.sheets) {
    checkSheetHead(spec, landing);
    checkCells(spec, landing, 0, spec.rows.length);
    checkSheetRest(spec, landing, plan.tableNames);
  }
  plan.finish();
}

/**
 * checkSpecs on the pane's thread: the same checks in the same order, the cells a block of rows per
 * task (CELLS_PER_TASK), so checking the sheets of 100,000 positions never holds the thread for long.
 */
export async function checkSpecsPaced(specs: readonly SheetSpec[], existing: readonly ExistingSheet[]): Promise<void> {
  const plan = checkPlan(specs, existing);
  for (const { spec, landing } of plan.sheets) {
    checkSheetHead(spec, landing);
    for (const [start, end] of rowBlocks(spec.rows)) {
      if (start > 0) await nextTask();
      checkCells(spec, landing, start, end);
    }
    checkSheetRest(spec, landing, plan.tableNames);
  }
  plan.finish();
}

/** The checks of the batch as a whole: names once each, the table names kept; `finish` checks visibility. */
function checkPlan(specs: readonly SheetSpec[], existing: readonly ExistingSheet[]) {
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const seen = new Set<string>();
  for (const spec of specs) {
    checkSheetName(spec.name);
    const key = spec.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Sheet "${spec.name}": appears more than once in one write`);
    seen.add(key);
  }
  // Tables on sheets this write keeps (not in a spec, or appended to) still own their names.
  const tableNames = new Set<string>();
  for (const sheet of existing) {
    const spec = specs.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (!spec || spec.mode === 'append') for (const t of sheet.tables) tableNames.add(t.toLowerCase());
  }
  return {
    sheets: specs.map((spec) => ({ spec, landing: spec.mode === 'append' ? (byName.get(spec.name.toLowerCase())?.usedRows ?? 0) : 0 })),
    tableNames,
    finish() {
      const visible = existing.some((s) => !seen.has(s.name.toLowerCase()) && s.visibility === 'visible') || specs.some((s) => s.visibility === 'visible');
      if (!visible) throw new Error('The workbook would have no visible sheet: at least one sheet must stay visible');
    },
  };
}

/** Excel's rules for sheet names. */
export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('A sheet name must not be empty');
  if (name.length > 31) throw new Error(`Sheet "${name}": a sheet name has at most 31 characters`);
  if (/[:\\/?*[\]]/.test(name)) throw new Error(`Sheet "${name}": a sheet name cannot contain : \\ / ? * [ or ]`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`Sheet "${name}": a sheet name cannot start or end with an apostrophe`);
  if (name.toLowerCase() === 'history') throw new Error(`Sheet "${name}": Excel reserves the name History`);
}

const failOn =
  (spec: SheetSpec) =>
  (what: string): never => {
    throw new Error(`Sheet "${spec.name}": ${what}`);
  };

function checkSheetHead(spec: SheetSpec, landing: number): void {
  const fail = failOn(spec);
  if (!VISIBILITIES.has(spec.visibility)) fail(`unknown visibility "${String(spec.visibility)}"`);
  if (spec.mode !== 'replace' && spec.mode !== 'append') fail(`unknown mode "${String(spec.mode)}"`);
  if (landing + spec.rows.length > MAX_ROWS) fail(`the rows would go past Excel's last row (${MAX_ROWS})`);
}

/** Rows [from, to) of a spec: at most MAX_COLUMNS cells, every value one a sheet can hold. */
function checkCells(spec: SheetSpec, landing: number, from: number, to: number): void {
  for (let r = from; r < to; r++) {
    const row = spec.rows[r];
    if (row.length > MAX_COLUMNS) failOn(spec)(`row ${landing + r + 1} has more than ${MAX_COLUMNS} cells`);
    for (let c = 0; c < row.length; c++) {
      const problem = valueProblem(row[c]);
      if (problem) failOn(spec)(`cell ${cellAddress(landing + r, c)} ${problem}`);
    }
  }
}

function checkSheetRest(spec: SheetSpec, landing: number, tableNames: Set<string>): void {
  const fail = failOn(spec);

  const range = (r: CellRange, what: string, offset = landing): void => {
    const problem = rangeProblem(r, offset);
    if (problem) fail(`${what}: ${problem}`);
  };
  for (const f of spec.numberFormats) {
    range(f.range, 'number format');
    if (typeof f.format !== 'string' || f.format === '') fail('a number format is empty');
  }
  for (const s of spec.styles) {
    range(s.range, 'style');
    if (!STYLES.has(s.style)) fail(`unknown style "${String(s.style)}"`);
  }
  for (const f of spec.conditionalFormats) {
    range(f.range, 'conditional format');
    const problem = ruleProblem(f.rule);
    if (problem) fail(`conditional format: ${problem}`);
  }
  for (const v of spec.validations) {
    range(v.range, 'validation');
    const problem = listProblem(v.list);
    if (problem) fail(`validation: ${problem}`);
  }
  if (spec.mode === 'append' && spec.tables.length > 0) fail('tables are not supported in append mode');
  if (spec.mode === 'append' && spec.charts.length > 0) fail('charts are not supported in append mode');
  const placed: CellRange[] = [];
  for (const t of spec.tables) {
    range(t.range, `table "${t.name}"`);
    const problem = tableProblem(t, spec, tableNames) ?? (placed.some((p) => overlaps(p, t.range)) ? 'overlaps another table' : undefined);
    if (problem) fail(`table "${t.name}": ${problem}`);
    placed.push(t.range);
    tableNames.add(t.name.toLowerCase());
  }
  for (const chart of spec.charts) {
    const problem = chartProblem(chart);
    if (problem) fail(`chart "${chart.title}": ${problem}`);
  }
  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (!isIndex(rows) || !isIndex(columns) || rows >= MAX_ROWS || columns >= MAX_COLUMNS) fail('freeze panes need whole numbers of rows and columns inside the sheet');
  }
  const breaks = spec.print?.rowBreaks;
  if (breaks !== undefined) {
    if (!Array.isArray(breaks) || breaks.some((r) => !Number.isInteger(r))) fail('page breaks must be whole row numbers');
    if (breaks.some((r) => r > 0 && landing + r >= MAX_ROWS)) fail(`a page break is past Excel's last row (${MAX_ROWS})`);
    const n = pageBreakRows(spec.print).length;
    if (n > MAX_ROW_BREAKS) fail(`${n} page breaks, more than the ${MAX_ROW_BREAKS} Excel keeps on a sheet`);
  }
  if (spec.columnWidths.length > MAX_COLUMNS) fail(`more than ${MAX_COLUMNS} column widths`);
  spec.columnWidths.forEach((w, c) => {
    if (w !== null && (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 255)) fail(`column ${c + 1} width must be between 0 and 255 characters`);
  });
}

/**
 * The rows a spec's print settings break pages above (`print.rowBreaks`, spec.ts): whole numbers
 * above 0, each once, in order. Empty without print settings or breaks.
 */
export function pageBreakRows(print: SheetSpec['print']): number[] {
  const breaks = print?.rowBreaks;
  if (!breaks || breaks.length === 0) return [];
  return [...new Set(breaks.filter((r) => Number.isInteger(r) && r > 0))].sort((a, b) => a - b);
}

function valueProblem(value: CellValue): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `holds ${value}, which a workbook cannot store`;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `has more than ${MAX_TEXT} characters` : undefined;
  return `holds a ${typeof value}, not text, a number, a boolean or null`;
}

function isIndex(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function rangeProblem(range: CellRange, offset: number): string | undefined {
  const { row, column, rows, columns } = range;
  if (![row, column, rows, columns].every(isIndex)) return 'coordinates must be whole numbers of at least 0';
  if (offset + row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) return 'goes past the edge of the sheet';
  return undefined;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

function ruleProblem(rule: ConditionalRule): string | undefined {
  if (!FILLS.has(rule.fill)) return `unknown fill "${String(rule.fill)}"`;
  switch (rule.type) {
    case 'textEquals':
      return typeof rule.text === 'string' && rule.text.length <= 255 ? undefined : 'the text must be a string of at most 255 characters';
    case 'lessThan':
    case 'greaterThan':
    case 'equal':
      return Number.isFinite(rule.value) ? undefined : 'the value must be a finite number';
    case 'between':
      return Number.isFinite(rule.from) && Number.isFinite(rule.to) ? undefined : 'the bounds must be finite numbers';
    default:
      return `unknown rule "${String((rule as { type: unknown }).type)}"`;
  }
}

/** Excel keeps a list validation as one quoted, comma-separated formula of at most 255 characters. */
export function listFormula(list: readonly string[]): string {
  return `"${list.map((item) => item.replace(/"/g, '""')).join(',')}"`;
}

function listProblem(list: readonly string[]): string | undefined {
  if (list.length === 0) return 'the list is empty';
  if (list.some((item) => typeof item !== 'string' || item === '')) return 'list items must be non-empty text';
  if (list.some((item) => item.includes(','))) return 'list items cannot contain commas';
  if (listFormula(list).length > MAX_LIST_FORMULA) return `the list is longer than Excel's ${MAX_LIST_FORMULA} characters`;
  return undefined;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc]?[0-9]*|[Cc][0-9]*)$/;

function tableProblem(table: TableSpec, spec: SheetSpec, names: ReadonlySet<string>): string | undefined {
  const { name, range } = table;
  if (typeof name !== 'string' || !TABLE_NAME.test(name) || name.length > 255) return 'a table name has letters, digits and underscores and starts with a letter or underscore';
  if (CELL_LIKE.test(name)) return 'a table name cannot look like a cell reference';
  if (names.has(name.toLowerCase())) return 'another table in the workbook has this name';
  if (isEmptyRange(range)) return 'a table needs at least a header row and one column';
  const headers = new Set<string>();
  for (let c = range.column; c < range.column + range.columns; c++) {
    const value = spec.rows[range.row]?.[c];
    const at = cellAddress(range.row, c);
    if (typeof value !== 'string' || value.trim() === '') return `header cell ${at} must be non-empty text`;
    if (headers.has(value.toLowerCase())) return `header "${value}" (${at}) is not unique`;
    headers.add(value.toLowerCase());
  }
  return undefined;
}

function chartProblem(chart: ChartSpec): string | undefined {
  if (chart.type !== 'pie' && chart.type !== 'column' && chart.type !== 'bar') return `unknown chart type "${String(chart.type)}"`;
  if (chart.series.length === 0) return 'a chart needs at least one series';
  if (chart.type === 'pie' && chart.series.length > 1) return 'a pie chart has one series';
  const ranges = [chart.categories, ...chart.series.map((s) => s.values)];
  for (const r of ranges) {
    const problem = rangeProblem(r, 0) ?? (isEmptyRange(r) ? 'a chart range is empty' : undefined);
    if (problem) return problem;
  }
  const { anchor, size } = chart;
  if (!isIndex(anchor.row) || !isIndex(anchor.column) || !isIndex(size.rows) || !isIndex(size.columns) || size.rows < 1 || size.columns < 1) {
    return 'the anchor and size must be whole numbers (size at least 1 × 1)';
  }
  if (anchor.row + size.rows > MAX_ROWS || anchor.column + size.columns > MAX_COLUMNS) return 'the chart goes past the edge of the sheet';
  return undefined;
}
