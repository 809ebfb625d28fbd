/**
 * OfficeWorkbook: the WorkbookPort inside Excel, and the only code in the project that calls
 * `Excel.run` / `context.sync` (docs/ARCHITECTURE.md). In Excel on the web every sync is a network round
 * trip and a request or response over 5 MB fails, so syncs and payload size are this adapter's
 * performance (batch.ts plans and records them):
 *
 * - `listSheets`: one sync.
 * - `readSheets` (read.ts): one sync loading every sheet's used range, or row blocks of at most ~4 MB
 *   and 5,000,000 cells when that would not fit.
 * - `writeSheets` (swap.ts): one sync to look at the workbook as it is now, then each replaced sheet
 *   is built on a new hidden sheet (values and formats: write.ts) and a last request swaps the new
 *   sheets in. A failure before the swap deletes the hidden work sheets and reports that nothing was
 *   changed; input sheets are never written.
 */
import { type SheetSpec } from '../../engine';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../port';
import { Batch, unwrap, type OfficeLimits, type SyncRecord } from './batch';
import { ExcelHostError, errorCode, isAbort, reason } from './excel-errors';
import type { ExcelRun } from './office-api';
import { SheetReader } from './read';
import { FROM_VISIBILITY, writeAndSwap } from './swap';

export type { OfficeLimits, SyncPhase, SyncRecord } from './batch';

export const OFFICE_LIMITS: OfficeLimits = { maxRequestBytes: 4_000_000, maxCells: 5_000_000 };

export interface OfficeWorkbookOptions {
  /** `Excel.run`, or a stand-in (tests, benchmarks). Default: the global Excel.run. */
  readonly run?: ExcelRun;
  readonly limits?: Partial<OfficeLimits>;
}

function defaultRun(): ExcelRun {
  const excel = (globalThis as unknown as { Excel?: { run: ExcelRun } }).Excel;
  if (!excel || typeof excel.run !== 'function') throw new ExcelHostError('Excel is not available: open Lumive from Excel to work on a workbook.', undefined, undefined);
  return (batch) => excel.run(batch);
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly limits: OfficeLimits;
  private readonly reader: SheetReader;
  private readonly log: SyncRecord[] = [];

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => defaultRun()(batch));
    this.limits = { ...OFFICE_LIMITS, ...options.limits };
    this.reader = new SheetReader(this.limits);
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
      return await this.batch((b) => this.reader.read(b, names), 'read');
    } catch (error) {
      if (errorCode(unwrap(error)) !== 'ItemNotFound') throw error;
      // A sheet went away since it was listed (a colleague deleted or renamed it): read those left.
      const present = new Set((await this.listSheets()).map((s) => s.name.toLowerCase()));
      return this.batch((b) => this.reader.read(b, names.filter((n) => present.has(n.toLowerCase()))), 'read');
    }
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void> {
    if (specs.length === 0) return;
    signal?.throwIfAborted();
    await this.batch((b) => writeAndSwap(b, specs, onProgress, signal), 'write');
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
}
