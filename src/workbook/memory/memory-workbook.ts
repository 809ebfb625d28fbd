/**
 * MemoryWorkbook: a WorkbookPort held in memory, for tests and the browser preview. It keeps each
 * sheet's values and visibility, plus what the last writes rendered on it (number formats, styles,
 * tables, conditional formats, validations, freeze panes, column widths, charts, page breaks) so
 * tests can assert on them through `sheet(name)`. Helpers (`addSheet`, `setValue`, `removeSheet`)
 * simulate a user editing the workbook between writes.
 *
 * Semantics follow a real workbook: strings are stored literally (a string is always text); `replace`
 * clears the sheet first; `append` lands below the last non-blank row and shifts the spec's ranges by
 * that many rows, leaving earlier rows and their formatting alone. Sheet names match case-insensitively,
 * as in Excel. Writes are checked first (spec-checks.ts) and are all-or-nothing.
 *
 * Browser-safe: no Node modules.
 */
import { type CellValue, type ChartSpec, type ConditionalFormat, type ListValidation, type NumberFormat, type RawCell, type SheetSpec, type StyledRange, type TableSpec, type Visibility } from '../../engine';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../port';
import { checkSheetName, checkSpecsPaced, pageBreakRows } from '../spec-checks';
import { shiftRange, trimmedGrid, trimmedGridPaced, usedRowCount } from '../grid';
import { nextTask, rowBlocks } from '../next-task';

/** A sheet to start with. */
export interface InitialSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
  readonly visibility?: Visibility;
}

/** What a sheet holds, as tests read it. Ranges are in sheet coordinates (append offsets applied). */
export interface MemorySheet {
  readonly name: string;
  readonly visibility: Visibility;
  /** Values from A1 to the used range (the same as `readSheets` gives). */
  readonly values: SheetValues;
  readonly numberFormats: readonly NumberFormat[];
  readonly styles: readonly StyledRange[];
  readonly tables: readonly TableSpec[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly validations: readonly ListValidation[];
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  /** Column widths by column index; null where the host default applies. */
  readonly columnWidths: readonly (number | null)[];
  readonly charts: readonly ChartSpec[];
  /** Manual page breaks (`print.rowBreaks`): the 0-based sheet rows they are above, in order. */
  readonly rowBreaks: readonly number[];
}

/** A snapshot for equality tests: names, visibility and values in tab order. */
export interface MemorySnapshot {
  readonly sheets: readonly { readonly name: string; readonly visibility: Visibility; readonly values: SheetValues }[];
}

interface Sheet {
  name: string;
  visibility: Visibility;
  cells: RawCell[][];
  numberFormats: NumberFormat[];
  styles: StyledRange[];
  tables: TableSpec[];
  conditionalFormats: ConditionalFormat[];
  validations: ListValidation[];
  freeze: { rows: number; columns: number } | null;
  columnWidths: (number | null)[];
  charts: ChartSpec[];
  rowBreaks: number[];
}

function emptySheet(name: string, visibility: Visibility): Sheet {
  return {
    name,
    visibility,
    cells: [],
    numberFormats: [],
    styles: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    freeze: null,
    columnWidths: [],
    charts: [],
    rowBreaks: [],
  };
}

export class MemoryWorkbook implements WorkbookPort {
  /** Sheets in tab order. */
  private sheets: Sheet[] = [];

  constructor(initial: readonly InitialSheet[] = []) {
    for (const s of initial) this.addSheet(s.name, s.rows, s.visibility);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  /** Copies of the sheets' values; a large sheet is copied a block of rows per task, as Excel answers in round trips. */
  async readSheets(names: readonly string[]): Promise<Map<string, SheetValues>> {
    const out = new Map<string, SheetValues>();
    for (const name of names) {
      const sheet = this.find(name);
      if (sheet) out.set(name, await trimmedGridPaced(sheet.cells));
    }
    return out;
  }

  /**
   * All or nothing, like the Office adapter: every sheet a spec replaces is built aside first (a
   * large one a block of rows per task, as Excel takes it in round trips), and only then are they all
   * put in place at once. A Cancel before that leaves the workbook as it was.
   */
  async writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    await checkSpecsPaced(
      specs,
      this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, tables: s.tables.map((t) => t.name), usedRows: usedRowCount(s.cells) })),
    );
    const built = new Map<SheetSpec, Sheet>();
    for (const [i, spec] of specs.entries()) {
      if (spec.mode === 'replace' || !this.find(spec.name)) {
        const sheet = emptySheet(spec.name, spec.visibility);
        await fillRows(sheet.cells, spec.rows, signal);
        built.set(spec, sheet);
      }
      onProgress?.({ sheet: spec.name, done: i + 1, total: specs.length });
    }
    signal?.throwIfAborted();
    for (const spec of specs) this.render(spec, built.get(spec));
  }

  /** The row last shown with `select` (1-based row, as Excel numbers it), or null. */
  selection: { readonly sheet: string; readonly row: number; readonly columns: number } | null = null;

  async select(sheet: string, row: number, columns = 1): Promise<void> {
    const found = this.find(sheet);
    if (!found) throw new Error(`There is no sheet named "${sheet}"`);
    if (found.visibility !== 'visible') throw new Error(`"${found.name}" is hidden: unhide it to see its rows`);
    this.selection = { sheet: found.name, row, columns };
  }

  /** What a sheet holds (copies), or undefined when there is no such sheet. */
  sheet(name: string): MemorySheet | undefined {
    const s = this.find(name);
    if (!s) return undefined;
    return {
      name: s.name,
      visibility: s.visibility,
      values: trimmedGrid(s.cells),
      numberFormats: [...s.numberFormats],
      styles: [...s.styles],
      tables: [...s.tables],
      conditionalFormats: [...s.conditionalFormats],
      validations: [...s.validations],
      freeze: s.freeze ? { ...s.freeze } : null,
      columnWidths: [...s.columnWidths],
      charts: [...s.charts],
      rowBreaks: [...s.rowBreaks],
    };
  }

  /** Adds a sheet at the end of the tab order, as a user would. Throws if the name is taken or invalid. */
  addSheet(name: string, rows: readonly (readonly RawCell[])[] = [], visibility: Visibility = 'visible'): void {
    checkSheetName(name);
    if (this.find(name)) throw new Error(`Sheet "${name}" already exists`);
    const sheet = emptySheet(name, visibility);
    sheet.cells = rows.map((row) => row.map(copyCell));
    this.sheets.push(sheet);
  }

  /** Sets one cell (0-based), as a user typing; the sheet grows as needed. Throws if there is no such sheet. */
  setValue(sheetName: string, row: number, column: number, value: RawCell): void {
    const sheet = this.require(sheetName);
    setCell(sheet.cells, row, column, copyCell(value));
  }

  /** Deletes a sheet, as a user would. */
  removeSheet(name: string): void {
    const sheet = this.require(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  /** Hides or shows a sheet, as a user would. */
  setVisibility(name: string, visibility: Visibility): void {
    this.require(name).visibility = visibility;
  }

  /** Names, visibility and values of every sheet in tab order. */
  toJSON(): MemorySnapshot {
    return { sheets: this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: trimmedGrid(s.cells) })) };
  }

  private find(name: string): Sheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  private require(name: string): Sheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  /** Puts a spec in place: `built` is its sheet built aside (a replaced or new sheet), else it is appended. */
  private render(spec: SheetSpec, built: Sheet | undefined): void {
    let sheet = this.find(spec.name);
    let landing = 0;
    if (built) {
      if (sheet) this.sheets[this.sheets.indexOf(sheet)] = built;
      else this.sheets.push(built);
      sheet = built;
    } else {
      sheet = sheet as Sheet;
      landing = usedRowCount(sheet.cells);
      spec.rows.forEach((row, r) => row.forEach((value, c) => setCell(sheet!.cells, landing + r, c, storedValue(value))));
    }
    sheet.visibility = spec.visibility;
    sheet.numberFormats.push(...spec.numberFormats.map((f) => shiftRange(f, landing)));
    sheet.styles.push(...spec.styles.map((s) => shiftRange(s, landing)));
    sheet.conditionalFormats.push(...spec.conditionalFormats.map((f) => shiftRange(f, landing)));
    sheet.validations.push(...spec.validations.map((v) => shiftRange(v, landing)));
    sheet.tables.push(...spec.tables);
    sheet.charts.push(...spec.charts);
    const breaks = pageBreakRows(spec.print).map((r) => landing + r);
    if (breaks.length > 0) sheet.rowBreaks = [...new Set([...sheet.rowBreaks, ...breaks])].sort((a, b) => a - b);
    if (spec.freeze || spec.mode === 'replace') sheet.freeze = spec.freeze ? { ...spec.freeze } : null;
    spec.columnWidths.forEach((w, c) => {
      if (w !== null) sheet.columnWidths[c] = w;
    });
    for (let c = 0; c < sheet.columnWidths.length; c++) sheet.columnWidths[c] ??= null;
  }
}

/** A spec's rows as stored cells, a block per task when there is more than one block. */
async function fillRows(cells: RawCell[][], rows: SheetSpec['rows'], signal: AbortSignal | undefined): Promise<void> {
  for (const [start, end] of rowBlocks(rows)) {
    if (start > 0) {
      await nextTask();
      signal?.throwIfAborted();
    }
    for (let r = start; r < end; r++) cells.push(rows[r].map(storedValue));
  }
}

function storedValue(value: CellValue): RawCell {
  return value === null ? '' : value;
}

function copyCell(value: RawCell): RawCell {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function setCell(cells: RawCell[][], row: number, column: number, value: RawCell): void {
  while (cells.length <= row) cells.push([]);
  const r = cells[row];
  while (r.length < column) r.push('');
  r[column] = value;
}
