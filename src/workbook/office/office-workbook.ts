/**
 * OfficeWorkbook: the WorkbookPort inside Excel, and the only code in the project that calls
 * `Excel.run` / `context.sync` (docs/ARCHITECTURE.md). In Excel on the web every sync is a network round
 * trip and a request or response over 5 MB fails, so syncs and payload size are this adapter's
 * performance:
 *
 * - `listSheets`: one sync.
 * - `readSheets`: one sync loading every sheet's used range (values only). When Excel rejects the
 *   response as too large, or a range is too big to come back (over 5,000,000 cells), it loads the
 *   used-range sizes and reads in row blocks of at most ~4 MB and 5,000,000 cells, several sheets per
 *   sync. The adapter remembers each sheet's size, so the next read goes straight to blocks when it
 *   would not fit in one response, and stays one sync when it would.
 * - `writeSheets`: one sync to look at the workbook as it is now (sheets, protection, tables), then
 *   each replaced sheet is built on a new hidden sheet: values in row blocks of at most ~4 MB a
 *   request, then number formats, styles, the table, conditional formats, the Status drop-down, freeze
 *   panes, column widths, charts, print settings and page breaks, packed into as few requests as the
 *   limit allows. Rows for append-only sheets that exist (the approval log) land below the rows they
 *   hold at that moment. A last request swaps the new sheets in: old output deleted, new one renamed
 *   to its name and tab position, made visible or hidden, tables renamed. Screen updating and
 *   calculation are suspended for every write sync.
 *
 * Atomicity: a failure before the swap deletes the hidden work sheets and reports that nothing was
 * changed; input sheets are never written. A failure in the swap itself (one request, applied in
 * order) is reported as such: the outputs may be part old, part new, and Analyze should run again.
 *
 * Text safety (excel-values.ts): every string is written with a leading apostrophe, so Excel keeps it
 * as the literal text, whatever the engine passed; table columns holding only text get the text
 * format `@` (textColumns), so what people type there later stays text as well.
 *
 * Co-authoring: only ranges are written (never TableRowCollection.add), and nothing is read from a
 * previous call: the prepare sync reads the workbook fresh, and appends land below the rows the log
 * has at the swap.
 */
import { type CellRange, type ChartSpec, type ConditionalFormat, type NumberFormat, type RawCell, type SheetSpec, type StyledRange, type Visibility } from '../../engine';
import { cellAddress, isEmptyRange, shiftRange, trimmedGrid, trimmedGridPaced } from '../grid';
import { FILLS, HEADER_FILL, NOTE_COLOUR, TABLE_STYLE, textEqualsFormula, widthPoints } from '../styles';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../port';
import { checkSpecsPaced, pageBreakRows, type ExistingSheet } from '../spec-checks';
import { ExcelHostError, errorCode, isAbort, isPayloadError, reason } from './excel-errors';
import { excelRow, jsonBytes } from './excel-values';
import type { ExcelRun, XlContext, XlRange, XlTable, XlVisibility, XlWorksheet } from './office-api';

export interface OfficeLimits {
  /** Largest request or response the adapter plans (Excel on the web rejects over 5 MB). */
  readonly maxRequestBytes: number;
  /** Most cells read in one request (Excel can return null above 5,000,000). */
  readonly maxCells: number;
}

export const OFFICE_LIMITS: OfficeLimits = { maxRequestBytes: 4_000_000, maxCells: 5_000_000 };

export type SyncPhase = 'list' | 'read' | 'size' | 'prepare' | 'values' | 'formats' | 'swap' | 'cleanup' | 'select';

export interface SyncRecord {
  readonly phase: SyncPhase;
  /** The adapter's estimate of the request's size in bytes (values and operations). */
  readonly requestBytes: number;
  readonly ok: boolean;
}

export interface OfficeWorkbookOptions {
  /** `Excel.run`, or a stand-in (tests, benchmarks). Default: the global Excel.run. */
  readonly run?: ExcelRun;
  readonly limits?: Partial<OfficeLimits>;
}

/** Estimated bytes of one queued operation besides its values (office-js sends ids, names, arguments). */
const OPERATION_BYTES = 200;
/** First guess of a read cell's JSON size, before any block of its sheet has come back (report cells run 8–12). */
const FIRST_BYTES_PER_CELL = 14;
/** Margin on a sheet's bytes per cell when sizing its next read block (Excel's limit is 5 MB, blocks aim at 4). */
const READ_MARGIN = 1.05;
/** Rows of a sheet of unknown size read first to measure it. */
const PROBE_ROWS = 500;

const VISIBILITY: Record<Visibility, XlVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const FROM_VISIBILITY: Record<string, Visibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };
const CHART_TYPES: Record<ChartSpec['type'], string> = { pie: 'Pie', column: 'ColumnClustered', bar: 'BarClustered' };
const OPERATORS = { lessThan: 'LessThan', greaterThan: 'GreaterThan', equal: 'EqualTo', between: 'Between' } as const;

function defaultRun(): ExcelRun {
  const excel = (globalThis as unknown as { Excel?: { run: ExcelRun } }).Excel;
  if (!excel || typeof excel.run !== 'function') throw new ExcelHostError('Excel is not available: open Lumive from Excel to work on a workbook.', undefined, undefined);
  return (batch) => excel.run(batch);
}

/** Request accounting: operations are queued with their estimated size and synced before the limit. */
class Batch {
  private bytes = 0;

  constructor(
    readonly context: XlContext,
    readonly limits: OfficeLimits,
    private readonly record: (r: SyncRecord) => void,
  ) {}

  get queued(): number {
    return this.bytes;
  }

  /** Room left in this request. */
  get room(): number {
    return this.limits.maxRequestBytes - this.bytes;
  }

  add(bytes: number): void {
    this.bytes += bytes + OPERATION_BYTES;
  }

  /** Syncs first when `bytes` more would not fit in this request. */
  async reserve(bytes: number, phase: SyncPhase): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes + OPERATION_BYTES > this.limits.maxRequestBytes) await this.sync(phase, true);
  }

  async sync(phase: SyncPhase, suspend = false): Promise<void> {
    if (suspend) {
      this.context.application.suspendScreenUpdatingUntilNextSync();
      this.context.application.suspendApiCalculationUntilNextSync();
    }
    const requestBytes = this.bytes;
    this.bytes = 0;
    try {
      await this.context.sync();
    } catch (error) {
      this.record({ phase, requestBytes, ok: false });
      throw error;
    }
    this.record({ phase, requestBytes, ok: true });
  }
}

interface Extent {
  readonly name: string;
  readonly sheet: XlWorksheet;
  /** 0-based index of the first and one past the last used row; columns from A to one past the last used. */
  readonly firstRow: number;
  readonly endRow: number;
  readonly columns: number;
}

interface Planned {
  readonly spec: SheetSpec;
  readonly old: ExistingOffice | undefined;
  /** Hidden work sheet a `replace` spec is built on, renamed at the swap. */
  readonly temp: string | undefined;
  sheet?: XlWorksheet;
  tables: { table: XlTable; name: string }[];
  used?: XlRange;
}

interface ExistingOffice extends ExistingSheet {
  readonly position: number;
  readonly protected: boolean;
  readonly officeVisibility: XlVisibility;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly limits: OfficeLimits;
  /** Set once a whole-workbook read was too large: reads of sheets of unknown size go to sized blocks. */
  private large = false;
  /** JSON size and cells of each sheet's values at its last read (lower-case name), to plan the next read. */
  private readonly sheetSizes = new Map<string, { readonly bytes: number; readonly cells: number }>();
  private readonly log: SyncRecord[] = [];

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => defaultRun()(batch));
    this.limits = { ...OFFICE_LIMITS, ...options.limits };
  }

  /** Every sync since the last call, oldest first (the task pane's debug view and the benchmark). */
  takeSyncLog(): SyncRecord[] {
    return this.log.splice(0, this.log.length);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.batch(async (b) => {
      const sheets = b.context.workbook.worksheets.load('items/name,items/visibility');
      await b.sync('list');
      return sheets.items.map((s) => ({ name: s.name, visibility: FROM_VISIBILITY[s.visibility] ?? 'visible' }));
    }, 'read');
  }

  async readSheets(names: readonly string[]): Promise<Map<string, SheetValues>> {
    if (names.length === 0) return new Map();
    try {
      return await this.batch((b) => this.read(b, names), 'read');
    } catch (error) {
      if (errorCode(unwrap(error)) !== 'ItemNotFound') throw error;
      // A sheet went away since it was listed (a colleague deleted or renamed it): read those left.
      const present = new Set((await this.listSheets()).map((s) => s.name.toLowerCase()));
      return this.batch((b) => this.read(b, names.filter((n) => present.has(n.toLowerCase()))), 'read');
    }
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void> {
    if (specs.length === 0) return;
    signal?.throwIfAborted();
    await this.batch((b) => this.write(b, specs, onProgress, signal), 'write');
  }

  /** Activates the sheet and selects row `row` (1-based), columns A to `columns`: one sync. */
  async select(sheet: string, row: number, columns = 1): Promise<void> {
    await this.batch(async (b) => {
      b.context.workbook.worksheets.getItem(sheet).getRangeByIndexes(Math.max(0, row - 1), 0, 1, Math.max(1, columns)).select();
      await b.sync('select');
    }, 'select');
  }

  private async batch<T>(work: (b: Batch) => Promise<T>, what: 'read' | 'write' | 'select'): Promise<T> {
    try {
      return await this.run((context) => work(new Batch(context, this.limits, (r) => this.log.push(r))));
    } catch (error) {
      if (error instanceof ExcelHostError || isAbort(error)) throw error;
      const prefix = { read: 'Lumive could not read the workbook. ', write: 'Lumive could not write its sheets; nothing was changed. ', select: 'Lumive could not show that row. ' }[what];
      throw new ExcelHostError(prefix + reason(error), errorCode(error), what === 'write' ? 'unchanged' : undefined, error);
    }
  }

  // ---- reading ---------------------------------------------------------------------------------

  private async read(b: Batch, names: readonly string[]): Promise<Map<string, SheetValues>> {
    const out = new Map<string, SheetValues>();
    const sheets = names.map((name) => ({ name, sheet: b.context.workbook.worksheets.getItem(name) }));
    let extents: Extent[] | undefined;
    // One sync for everything, unless the sizes known from earlier reads say it would not fit.
    const unknown = this.large ? Infinity : 0;
    const expected = names.reduce((n, name) => n + (this.sheetSizes.get(name.toLowerCase())?.bytes ?? unknown), 0);
    if (expected <= this.limits.maxRequestBytes) {
      const used = sheets.map((s) => s.sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex,rowCount,columnCount'));
      try {
        await b.sync('read');
        extents = [];
        sheets.forEach((s, i) => {
          const range = used[i];
          if (range.isNullObject) out.set(s.name, []);
          else if (isComplete(range)) {
            this.sheetSizes.set(s.name.toLowerCase(), { bytes: jsonBytes(range.values), cells: range.rowCount * range.columnCount });
            out.set(s.name, fromA1(range.values, range.rowIndex, range.columnIndex));
          } else extents?.push(extentOf(s.name, s.sheet, range));
        });
        if (extents.length === 0) return out;
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        extents = undefined;
      }
      this.large = true;
    }
    if (!extents) {
      const used = sheets.map((s) => s.sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
      await b.sync('size');
      extents = [];
      sheets.forEach((s, i) => {
        if (used[i].isNullObject) out.set(s.name, []);
        else extents?.push(extentOf(s.name, s.sheet, used[i]));
      });
    }
    for (const [name, values] of await this.readBlocks(b, extents)) out.set(name, values);
    return out;
  }

  /**
   * Reads sheets in row blocks, several sheets per sync, each sized from its own bytes per cell: those
   * seen so far in this read, else at its last read. Sheets never measured are probed first: up to
   * PROBE_ROWS rows of each in one request planned at 40% of the limit on a first guess per cell, so
   * cells up to about three times the guess still fit under Excel's 5 MB. A rejected request is
   * planned again with the estimates doubled.
   */
  private async readBlocks(b: Batch, extents: readonly Extent[]): Promise<Map<string, SheetValues>> {
    const rows = new Map<string, RawCell[][]>(extents.map((e) => [e.name, Array.from({ length: e.firstRow }, () => [])]));
    const next = new Map(extents.map((e) => [e.name, e.firstRow]));
    const read = new Map(extents.map((e) => [e.name, { bytes: 0, cells: 0, peak: 0 }]));
    const known = (e: Extent) => this.sheetSizes.get(e.name.toLowerCase());
    let scale = 1;
    let failures = 0;
    const perCell = (e: Extent): { bytes: number; guess: boolean } => {
      const seen = read.get(e.name);
      if (seen && seen.cells > 0) return { bytes: Math.max(seen.peak, seen.bytes / seen.cells) * READ_MARGIN * scale, guess: false };
      const last = known(e);
      if (last && last.cells > 0) return { bytes: (last.bytes / last.cells) * READ_MARGIN * scale, guess: false };
      return { bytes: FIRST_BYTES_PER_CELL * scale, guess: true };
    };
    for (;;) {
      const pieces: { extent: Extent; row: number; count: number; range: XlRange }[] = [];
      let planned = 0;
      let cells = 0;
      // Sheets whose size is only a guess are probed first, a few hundred rows each, all in one request.
      const probing = extents.some((e) => (next.get(e.name) ?? e.endRow) < e.endRow && perCell(e).guess);
      const budget = probing ? this.limits.maxRequestBytes * 0.4 : this.limits.maxRequestBytes;
      for (const extent of extents) {
        let row = next.get(extent.name) ?? extent.endRow;
        const estimate = perCell(extent);
        if (probing && !estimate.guess) continue;
        const end = probing ? Math.min(extent.endRow, row + PROBE_ROWS) : extent.endRow;
        while (row < end) {
          const byBytes = Math.floor((budget - planned) / (extent.columns * estimate.bytes));
          const byCells = Math.floor((this.limits.maxCells - cells) / extent.columns);
          let count = Math.min(end - row, byBytes, byCells);
          if (count < 1) {
            if (pieces.length > 0) break;
            count = 1;
          }
          const range = extent.sheet.getRangeByIndexes(row, 0, count, extent.columns).load('values');
          pieces.push({ extent, row, count, range });
          planned += count * extent.columns * estimate.bytes;
          cells += count * extent.columns;
          row += count;
        }
        if (row < end) break;
      }
      if (pieces.length === 0) break;
      try {
        await b.sync('read');
      } catch (error) {
        if (!isPayloadError(error) || ++failures > 8) throw error;
        scale *= 2;
        continue;
      }
      scale = 1;
      for (const piece of pieces) {
        const values = piece.range.values as RawCell[][];
        rows.get(piece.extent.name)?.push(...values);
        next.set(piece.extent.name, piece.row + piece.count);
        const size = jsonBytes(values);
        const seen = read.get(piece.extent.name);
        if (seen) {
          const pieceCells = piece.count * piece.extent.columns;
          seen.bytes += size;
          seen.cells += pieceCells;
          seen.peak = Math.max(seen.peak, size / pieceCells);
        }
      }
    }
    for (const [name, size] of read) this.sheetSizes.set(name.toLowerCase(), { bytes: size.bytes, cells: size.cells });
    const out = new Map<string, SheetValues>();
    for (const [name, grid] of rows) out.set(name, await trimmedGridPaced(grid));
    return out;
  }

  // ---- writing ---------------------------------------------------------------------------------

  private async write(b: Batch, specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void> {
    const existing = await this.prepare(b, specs);
    const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
    const taken = new Set(existing.map((s) => s.name.toLowerCase()));
    const stamp = Date.now().toString(36).slice(-5);
    const plan: Planned[] = specs.map((spec, i) => {
      let temp: string | undefined;
      const old = byName.get(spec.name.toLowerCase());
      // A new sheet, append-only or not, is built hidden and swapped in like a replaced one.
      if (spec.mode === 'replace' || !old) {
        for (let n = 0; temp === undefined || taken.has(temp.toLowerCase()); n++) temp = `~lumive ${stamp} ${i + 1}${n ? `.${n}` : ''}`;
        taken.add(temp.toLowerCase());
      }
      return { spec, old, temp, tables: [] };
    });

    const worksheets = b.context.workbook.worksheets;
    const created: string[] = [];
    let current = '';
    let appending = false;
    try {
      for (const [i, p] of plan.entries()) {
        if (!p.temp) continue;
        current = p.spec.name;
        const sheet = worksheets.add(p.temp);
        sheet.visibility = 'Hidden';
        b.add(0);
        created.push(p.temp);
        p.sheet = sheet;
        await this.writeRows(b, sheet, p.spec.rows, 0);
        signal?.throwIfAborted();
        onProgress?.({ sheet: p.spec.name, done: i + 1, total: plan.length });
      }
      for (const p of plan) {
        if (!p.sheet) continue;
        current = p.spec.name;
        await this.format(b, p.sheet, p.spec, 0, (table, name) => p.tables.push({ table, name }));
      }
      for (const p of plan) {
        if (!p.sheet && p.old) {
          p.used = worksheets.getItem(p.old.name).getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
          b.add(0);
        }
      }
      current = '';
      signal?.throwIfAborted();
      await b.sync('formats', true);
      // Rows appended to sheets that stay (the approval log) go with the swap when they fit in its
      // request, else just before it: they only add rows.
      for (const p of plan) {
        if (p.sheet) continue;
        current = p.spec.name;
        appending = true;
        await this.append(b, p);
      }
      current = '';
      const swapBytes = plan.reduce((n, p) => n + (p.sheet ? (5 + p.tables.length) * OPERATION_BYTES : 0), 0);
      if (b.queued > 0 && b.queued + swapBytes > this.limits.maxRequestBytes) await b.sync('values', true);
      // The last moment a cancel is honored: after it the old sheets are replaced.
      if (!appending) signal?.throwIfAborted();
    } catch (error) {
      const cleaned = await this.cleanup(b, created);
      if (isAbort(error) && !appending) throw error;
      const where = current ? ` while writing "${current}"` : '';
      const left = cleaned ? '' : ` Hidden work sheets named "~lumive …" may be left in the workbook; delete them.`;
      const log = appending ? ` "${current || 'the log'}" may have some of this run's rows added (it only ever grows).` : '';
      throw new ExcelHostError(`Lumive could not write its sheets${where}; your sheets and the previous results are unchanged.${log} ${reason(unwrap(error), current || undefined)}${left}`, errorCode(unwrap(error)), 'unchanged', error);
    }

    try {
      for (const [i, p] of plan.entries()) {
        current = p.spec.name;
        if (p.sheet) this.swap(b, p);
        else onProgress?.({ sheet: p.spec.name, done: i + 1, total: plan.length });
      }
      current = '';
      await b.sync('swap', true);
    } catch (error) {
      throw new ExcelHostError(
        `Lumive could not finish replacing its sheets${current ? ` (at "${current}")` : ''}: some results may be from this run and some from the previous one. Run Analyze again. ${reason(unwrap(error), current || undefined)}`,
        errorCode(unwrap(error)),
        'partial',
        error,
      );
    }
  }

  /** One sync: the workbook as it is now. Checks every spec and protection before anything is written. */
  private async prepare(b: Batch, specs: readonly SheetSpec[]): Promise<ExistingOffice[]> {
    const { workbook } = b.context;
    const sheets = workbook.worksheets.load('items/name,items/visibility,items/position,items/protection/protected');
    workbook.protection.load('protected');
    const tables = workbook.tables.load('items/name,items/worksheet/name');
    await b.sync('prepare');
    const tablesOn = new Map<string, string[]>();
    for (const t of tables.items) {
      const key = t.worksheet.name.toLowerCase();
      tablesOn.set(key, [...(tablesOn.get(key) ?? []), t.name]);
    }
    const existing: ExistingOffice[] = sheets.items.map((s) => ({
      name: s.name,
      visibility: FROM_VISIBILITY[s.visibility] ?? 'visible',
      officeVisibility: s.visibility,
      tables: tablesOn.get(s.name.toLowerCase()) ?? [],
      usedRows: 0,
      position: s.position,
      protected: s.protection.protected,
    }));
    const unchanged = (message: string) => new ExcelHostError(`${message} Nothing was changed.`, undefined, 'unchanged');
    try {
      await checkSpecsPaced(specs, existing);
    } catch (error) {
      throw unchanged(`Lumive's results cannot be written: ${(error as Error).message}.`);
    }
    if (workbook.protection.protected) {
      throw unchanged('The workbook structure is protected, so Lumive cannot add or replace its sheets. Turn it off (Review › Protect Workbook), then run Analyze again.');
    }
    const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
    for (const spec of specs) {
      const old = byName.get(spec.name.toLowerCase());
      if (old?.protected) {
        throw unchanged(`The sheet "${old.name}" is protected, so Lumive cannot ${spec.mode === 'append' ? 'add to' : 'replace'} it. Unprotect it (Review › Unprotect Sheet), then run Analyze again.`);
      }
    }
    return existing;
  }

  /** Values from `landing`, in row blocks that keep each request under the limit. */
  private async writeRows(b: Batch, sheet: XlWorksheet, rows: SheetSpec['rows'], landing: number): Promise<void> {
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
  private async format(b: Batch, sheet: XlWorksheet, spec: SheetSpec, landing: number, onTable: (table: XlTable, name: string) => void): Promise<void> {
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

  /** The new sheet takes the old one's place, name, visibility and table names. */
  private swap(b: Batch, p: Planned): void {
    const sheet = p.sheet as XlWorksheet;
    sheet.visibility = VISIBILITY[p.spec.visibility];
    b.add(0);
    if (p.old) {
      const old = b.context.workbook.worksheets.getItem(p.old.name);
      // A very hidden sheet is made hidden first, so deleting it is an ordinary delete.
      if (p.old.officeVisibility === 'VeryHidden') old.visibility = 'Hidden';
      old.delete();
      b.add(0);
      b.add(0);
    }
    sheet.name = p.spec.name;
    b.add(0);
    if (p.old) {
      sheet.position = p.old.position;
      b.add(0);
    }
    for (const t of p.tables) {
      t.table.name = t.name;
      b.add(t.name.length);
    }
  }

  /** Rows appended below an existing sheet's last used row as of the last sync. */
  private async append(b: Batch, p: Planned): Promise<void> {
    const sheet = b.context.workbook.worksheets.getItem((p.old as ExistingOffice).name);
    const landing = p.used && !p.used.isNullObject ? p.used.rowIndex + p.used.rowCount : 0;
    b.add(0);
    await this.writeRows(b, sheet, p.spec.rows, landing);
    await this.format(b, sheet, p.spec, landing, () => undefined);
  }

  /** Deletes the hidden work sheets of a failed write. False when that failed too. */
  private async cleanup(b: Batch, created: readonly string[]): Promise<boolean> {
    if (created.length === 0) return true;
    try {
      const sheets = created.map((name) => b.context.workbook.worksheets.getItemOrNullObject(name).load('name'));
      await b.sync('cleanup');
      for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
      await b.sync('cleanup');
      return true;
    } catch {
      return false;
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

/** The error office-js raised, from inside our wrapper if it was wrapped. */
function unwrap(error: unknown): unknown {
  return error instanceof ExcelHostError && error.cause !== undefined ? error.cause : error;
}

/** A loaded used range whose values came back whole (Excel can return null for very large ranges). */
function isComplete(range: XlRange): boolean {
  const values = range.values as unknown;
  return Array.isArray(values) && values.length === range.rowCount && (values.length === 0 || (Array.isArray(values[0]) && values[0].length === range.columnCount));
}

function extentOf(name: string, sheet: XlWorksheet, used: XlRange): Extent {
  return { name, sheet, firstRow: used.rowIndex, endRow: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
}

/** A used range's values placed from A1 (blank rows and columns before it), trimmed as every adapter reads. */
function fromA1(values: readonly (readonly RawCell[])[], rowIndex: number, columnIndex: number): SheetValues {
  const pad = new Array<RawCell>(columnIndex).fill('');
  const grid: RawCell[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) grid.push(columnIndex > 0 ? [...pad, ...row] : [...row]);
  return trimmedGrid(grid);
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
