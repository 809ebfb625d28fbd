/**
 * XlsxWorkbook: a WorkbookPort over an .xlsx file held in memory (exceljs), for the CLI. The caller
 * does the file-system work: `fromBuffer` / `empty`, `writeSheets`, then `toBuffer` for the bytes.
 *
 * Writes are all-or-nothing: every spec is checked (spec-checks.ts) before the workbook is touched.
 * `replace` swaps the sheet for a fresh one at the same tab position; `append` writes below the last
 * non-blank row and leaves earlier rows as they were. Sheets no spec names are kept.
 *
 * Caveat: exceljs rewrites the whole package from its own model, so parts of a foreign workbook it does
 * not model are dropped on save, kept sheets included (for example pivot tables, slicers, sparklines
 * and other extensions, form controls, macros). That includes charts: charts.ts adds the charts of sheets written in this session after exceljs has
 * written the package, but a kept sheet's charts (ours from an earlier save, or the user's) are lost on
 * the next save. `chartsDroppedOnSave()` names those sheets, so the caller can warn or rewrite them.
 *
 * A workbook made only of specs (written into an empty workbook, as `lumive analyze` of report files and
 * `lumive demo` do) is not built as an exceljs model at all: the specs wait, reads are answered from
 * them, and `toBuffer` streams them into the package row by row (stream-writer.ts). An append onto a
 * waiting sheet first renders them all through exceljs, as every write did before. A batch written
 * into a loaded workbook waits too: saved next, every sheet it leaves is turned into a spec
 * (kept-sheet.ts) and the whole package streamed, unless one cannot be (a formula, a merge, a table,
 * other formatting), and then the batch is rendered through exceljs; anything else done to the
 * workbook in between renders it first. `empty({ stream: false })` and `fromBuffer(…, { stream: false })`
 * always render.
 *
 * `fromBuffer` can leave sheets out (`skip`: Analyze's result sheets, which it rewrites and never reads
 * back): they keep their place and name, and reading one throws SkippedSheetError.
 */
import { shareStyles } from './style-cache';
import type ExcelJS from 'exceljs';
import { excel } from './lazy';
import { type ChartSpec, type RawCell, type SheetSpec } from '../../engine';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../port';
import { checkSpecs, type ExistingSheet } from '../spec-checks';
import { trimmedGrid, usedRowCount } from '../grid';
import { checkPackage, loadWorkbook, readWorksheet, WorkbookReadError } from './read-worksheet';
import { packageSheetNames, withSheetsEmptied } from './skipped-sheets';
import { renderSheet } from './render-sheet';
import { compactValidations } from './validations';
import { injectCharts, sheetsWithCharts, type SheetCharts } from './charts';
import { writeXlsx } from './stream-writer';
import { appendedSpec, keptSheetSpec } from './kept-sheet';
import { PassThrough } from 'node:stream';

/** exceljs keeps the tab position in an untyped `orderNo`. */
interface Ordered {
  orderNo: number;
}

export class XlsxWorkbook implements WorkbookPort {
  /** Charts to add when the package is written, by worksheet (a replaced sheet drops its entry). */
  private readonly charts = new Map<ExcelJS.Worksheet, readonly ChartSpec[]>();
  /** Specs written into the empty workbook and not rendered yet (see the class comment). */
  private pending: readonly SheetSpec[] = [];
  /** Lower-cased names of the sheets opened without their content (`fromBuffer`'s `skip`). */
  private skipped = new Set<string>();
  /**
   * A batch written into a loaded workbook and not rendered yet: saved right after (as Analyze does),
   * it is streamed with the kept sheets as specs (kept-sheet.ts) when they can be; anything else done
   * to the workbook first renders it.
   */
  private deferred: readonly SheetSpec[] | null = null;
  /** Whether written specs wait to be streamed when saved (see `empty` and `fromBuffer`). */
  private stream = false;

  private constructor(
    /** The exceljs model; made when first needed (a workbook of waiting specs never needs one). */
    private model: ExcelJS.Workbook | null,
    /** Worksheets that had charts in the file they were loaded from. */
    private readonly loadedWithCharts: ReadonlySet<ExcelJS.Worksheet> = new Set(),
  ) {}

  /**
   * Opens an .xlsx file's bytes. Throws a WorkbookReadError, whose message names the file (`name`, as
   * the user knows it) and says why, when they are not a workbook that can be read: damaged or cut
   * short, or unpacking to more than a report could (read-worksheet.ts, checkPackage).
   */
  static async fromBuffer(bytes: Uint8Array, name = 'the workbook', options: { readonly skip?: SkipSheets; readonly stream?: boolean } = {}): Promise<XlsxWorkbook> {
    let skip: readonly string[] = [];
    if (options.skip) {
      // The whole file passes the package checks once, before anything of it is read.
      const problem = await checkPackage(bytes, name);
      if (problem) throw new WorkbookReadError(problem.message);
      const whole = bytes;
      const names = await packageSheetNames(whole);
      const peek = async (sheets: readonly string[]): Promise<Map<string, SheetValues>> => {
        const wanted = new Set(sheets.map((n) => n.toLowerCase()));
        const few = await XlsxWorkbook.open(await withSheetsEmptied(whole, names.filter((n) => !wanted.has(n.toLowerCase()))), name);
        return few.readSheets(sheets);
      };
      skip = typeof options.skip === 'function' ? await options.skip(names, peek) : options.skip;
      if (skip.length > 0) bytes = await withSheetsEmptied(whole, skip);
    }
    const opened = await XlsxWorkbook.open(bytes, name);
    opened.skipped = new Set(skip.map((n) => n.toLowerCase()));
    opened.stream = options.stream ?? true;
    return opened;
  }

  private static async open(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
    const book = await loadWorkbook(bytes, name);
    for (const ws of book.worksheets) compactValidations(ws);
    const charted = new Set(await sheetsWithCharts(bytes));
    return new XlsxWorkbook(book, new Set(book.worksheets.filter((ws) => charted.has(ws.name))));
  }

  /**
   * A workbook with no sheets (write at least one before `toBuffer`). `stream: false` renders every
   * write through exceljs at once instead of streaming the specs when saved.
   */
  static empty(options: { readonly stream?: boolean } = {}): XlsxWorkbook {
    const book = new XlsxWorkbook(null);
    book.stream = options.stream ?? true;
    return book;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.renderDeferred();
    if (this.pending.length > 0) return this.pending.map((spec) => ({ name: spec.name, visibility: spec.visibility }));
    return (this.model?.worksheets ?? []).map((ws) => ({ name: ws.name, visibility: ws.state ?? 'visible' }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, SheetValues>> {
    this.renderDeferred();
    const unread = names.find((n) => this.skipped.has(n.toLowerCase()) && this.find(n));
    if (unread !== undefined) throw new SkippedSheetError(unread);
    const out = new Map<string, SheetValues>();
    for (const name of names) {
      if (this.pending.length > 0) {
        const spec = this.findPending(name);
        if (spec) out.set(name, pendingValues(spec));
        continue;
      }
      const ws = this.find(name);
      if (ws) out.set(name, readWorksheet(ws));
    }
    return out;
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void): Promise<void> {
    this.renderDeferred();
    // An append needs the rows it lands below.
    const blind = specs.find((spec) => spec.mode === 'append' && this.skipped.has(spec.name.toLowerCase()));
    if (blind) throw new SkippedSheetError(blind.name);
    checkSpecs(specs, this.existing(specs));
    if (this.stream && this.bookIsEmpty && specs.every((spec) => spec.mode === 'replace' || !this.findPending(spec.name))) {
      // Still only specs: each replaces a waiting spec of its name in its tab position, or comes last.
      const next = [...this.pending];
      for (const spec of specs) {
        const at = next.findIndex((p) => p.name.toLowerCase() === spec.name.toLowerCase());
        if (at >= 0) next[at] = spec;
        else next.push(spec);
      }
      this.pending = next;
      specs.forEach((spec, i) => onProgress?.({ sheet: spec.name, done: i + 1, total: specs.length }));
      return;
    }
    this.materialize();
    if (this.stream && this.model !== null) {
      this.deferred = specs;
      specs.forEach((spec, i) => onProgress?.({ sheet: spec.name, done: i + 1, total: specs.length }));
      return;
    }
    specs.forEach((spec, i) => {
      this.render(spec);
      onProgress?.({ sheet: spec.name, done: i + 1, total: specs.length });
    });
    this.showVisibleTab();
  }

  /** The .xlsx bytes: the sheets streamed (see streamedSheets), or exceljs writes the package and charts.ts adds the charts. */
  async toBuffer(): Promise<Uint8Array> {
    const streamed = this.streamedSheets();
    if (streamed) {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c: Buffer) => chunks.push(c));
      await writeXlsx(streamed.specs, sink, streamed.active);
      return new Uint8Array(Buffer.concat(chunks));
    }
    this.checkNothingSkipped();
    if (this.book.worksheets.length === 0) throw new Error('A workbook needs at least one sheet before it can be saved');
    const restore = shareStyles(this.book);
    let written: Uint8Array;
    try {
      written = new Uint8Array(await this.book.xlsx.writeBuffer());
    } finally {
      restore();
    }
    const sheets: SheetCharts[] = [];
    for (const ws of this.book.worksheets) {
      const charts = this.charts.get(ws);
      if (charts && charts.length > 0) sheets.push({ sheet: ws.name, charts, values: readWorksheet(ws) });
    }
    return sheets.length === 0 ? written : injectCharts(written, sheets);
  }

  /** Sheets whose charts (from the loaded file) the next `toBuffer` will not keep: kept sheets, not rewritten. */
  chartsDroppedOnSave(): string[] {
    this.renderDeferred();
    return (this.model?.worksheets ?? []).filter((ws) => this.loadedWithCharts.has(ws)).map((ws) => ws.name);
  }

  /**
   * The sheets to stream, in tab order, with the tab to open on: the waiting specs of an empty workbook;
   * or a loaded workbook's last batch with every other sheet as a spec (an append onto one merged in).
   * Null when the workbook is to be saved through exceljs: nothing deferred, or a kept sheet a spec
   * cannot hold (the batch is rendered then). A sheet opened without its content and not rewritten
   * throws SkippedSheetError.
   */
  private streamedSheets(): { specs: readonly SheetSpec[]; active?: string } | null {
    if (this.pending.length > 0) return { specs: this.pending };
    const batch = this.deferred;
    if (batch === null || this.model === null) return null;
    const byName = new Map<string, SheetSpec>();
    for (const spec of batch) {
      // One spec a sheet: a batch that writes a sheet twice is rendered in order instead.
      if (byName.has(spec.name.toLowerCase())) return this.renderDeferred();
      byName.set(spec.name.toLowerCase(), spec);
    }
    const out: SheetSpec[] = [];
    for (const ws of this.model.worksheets) {
      const key = ws.name.toLowerCase();
      const spec = byName.get(key);
      byName.delete(key);
      if (spec?.mode === 'replace') {
        out.push(spec);
        continue;
      }
      if (this.skipped.has(key)) throw new SkippedSheetError(ws.name);
      const kept = this.loadedWithCharts.has(ws) ? null : keptSheetSpec(ws);
      const merged = kept && spec ? appendedSpec(kept, spec) : kept;
      if (!merged) return this.renderDeferred();
      out.push(merged);
    }
    // New sheets come last, in the batch's order (as render adds them).
    for (const spec of batch) if (byName.has(spec.name.toLowerCase())) out.push(spec);
    const views = this.model.views?.[0];
    const was = views?.activeTab !== undefined ? this.model.worksheets[views.activeTab]?.name : undefined;
    return { specs: out, active: was };
  }

  /** Renders a deferred batch into the model (before anything else touches the workbook); null. */
  private renderDeferred(): null {
    const batch = this.deferred;
    this.deferred = null;
    if (batch !== null) this.renderAll(batch);
    return null;
  }

  /** A sheet opened without its content and not written since would be saved empty: refused. */
  private checkNothingSkipped(): void {
    const left = (this.model?.worksheets ?? []).find((ws) => this.skipped.has(ws.name.toLowerCase()));
    if (left) throw new SkippedSheetError(left.name);
  }

  /** Renders the waiting specs into the exceljs model (before anything reads or changes it). */
  private materialize(): void {
    const specs = this.pending;
    this.pending = [];
    if (specs.length > 0) this.renderAll(specs);
  }

  private renderAll(specs: readonly SheetSpec[]): void {
    for (const spec of specs) this.render(spec);
    this.showVisibleTab();
  }

  private get book(): ExcelJS.Workbook {
    return (this.model ??= new (excel().Workbook)());
  }

  /** No sheet at all, without making the model to find out. */
  private get bookIsEmpty(): boolean {
    return this.model === null || this.model.worksheets.length === 0;
  }

  private findPending(name: string): SheetSpec | undefined {
    const key = name.toLowerCase();
    return this.pending.find((spec) => spec.name.toLowerCase() === key);
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    const key = name.toLowerCase();
    return this.model?.worksheets.find((ws) => ws.name.toLowerCase() === key);
  }

  /** The sheets as the checks see them; only sheets an append targets are read (user sheets can be large). */
  private existing(specs: readonly SheetSpec[]): ExistingSheet[] {
    const appended = new Set(specs.filter((s) => s.mode === 'append').map((s) => s.name.toLowerCase()));
    if (this.pending.length > 0) {
      return this.pending.map((spec) => ({
        name: spec.name,
        visibility: spec.visibility,
        tables: spec.tables.map((t) => t.name),
        usedRows: appended.has(spec.name.toLowerCase()) ? usedRowCount(spec.rows) : 0,
      }));
    }
    return (this.model?.worksheets ?? []).map((ws) => ({
      name: ws.name,
      visibility: ws.state ?? 'visible',
      tables: ws.getTables().map((t) => tableName(t)),
      usedRows: appended.has(ws.name.toLowerCase()) ? usedRowCount(readWorksheet(ws)) : 0,
    }));
  }

  private render(spec: SheetSpec): void {
    const old = this.find(spec.name);
    let ws: ExcelJS.Worksheet;
    let landing = 0;
    if (old && spec.mode === 'append') {
      ws = old;
      landing = usedRowCount(readWorksheet(old));
    } else {
      const position = old ? (old as unknown as Ordered).orderNo : undefined;
      if (old) {
        this.charts.delete(old);
        this.book.removeWorksheet(old.id);
      }
      ws = this.book.addWorksheet(spec.name);
      if (position !== undefined) (ws as unknown as Ordered).orderNo = position;
    }
    renderSheet(ws, spec, landing);
    this.skipped.delete(spec.name.toLowerCase());
    if (spec.charts.length > 0) this.charts.set(ws, spec.charts);
  }

  /** Excel opens on the active tab; it must be a visible sheet. */
  private showVisibleTab(): void {
    const sheets = this.book.worksheets;
    const view = this.book.views?.[0];
    const active = view?.activeTab ?? 0;
    if (sheets[active]?.state === 'visible' || sheets[active]?.state === undefined) return;
    const first = sheets.findIndex((ws) => ws.state === 'visible' || ws.state === undefined);
    if (first < 0) return;
    this.book.views = [view ? { ...view, activeTab: first, firstSheet: first } : { x: 0, y: 0, width: 12000, height: 24000, visibility: 'visible', activeTab: first, firstSheet: first }];
    sheets.forEach((ws, i) => {
      const sheetView = ws.views?.[0] as { tabSelected?: boolean } | undefined;
      if (sheetView) sheetView.tabSelected = i === first;
    });
  }
}

/**
 * The sheets `fromBuffer` leaves out: names, or a choice made from the file's sheet names and a peek
 * at a few of its sheets (read on their own).
 */
export type SkipSheets =
  | readonly string[]
  | ((names: readonly string[], peek: (sheets: readonly string[]) => Promise<Map<string, SheetValues>>) => Promise<readonly string[]>);

/** A sheet opened without its content was asked for: the caller opens the whole file instead. */
export class SkippedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" was opened without its content`);
    this.name = 'SkippedSheetError';
  }
}

/** A waiting spec's values as readSheets gives a rendered sheet's: from A1 to the used range, blanks as "". */
function pendingValues(spec: SheetSpec): RawCell[][] {
  return trimmedGrid(spec.rows);
}

/** exceljs's getTables() gives Table objects (its typings say tuples). */
function tableName(table: unknown): string {
  const t = table as { name?: string; table?: { name?: string } };
  return t.table?.name ?? t.name ?? '';
}
