/**
 * Writing Lumive's sheets atomically for the Office adapter (office-workbook.ts): one sync to look at
 * the workbook as it is now (sheets, protection, tables), then each replaced sheet is built on a new
 * hidden sheet (write.ts). Rows for append-only sheets that exist (the approval log) land below the rows
 * they hold at that moment. A last request swaps the new sheets in: old output deleted, new one renamed
 * to its name and tab position, made visible or hidden, tables renamed. Screen updating and calculation
 * are suspended for every write sync.
 *
 * Atomicity: a failure before the swap deletes the hidden work sheets and reports that nothing was
 * changed; input sheets are never written. A failure in the swap itself (one request, applied in
 * order) is reported as such: the outputs may be part old, part new, and Analyze should run again.
 *
 * Co-authoring: only ranges are written (never TableRowCollection.add), and nothing is read from a
 * previous call: the prepare sync reads the workbook fresh, and appends land below the rows the log
 * has at the swap.
 */
import { type SheetSpec, type Visibility } from '../../engine';
import type { WriteProgress } from '../port';
import { checkSpecsPaced, type ExistingSheet } from '../spec-checks';
import { OPERATION_BYTES, unwrap, type Batch } from './batch';
import { ExcelHostError, errorCode, isAbort, reason } from './excel-errors';
import type { XlRange, XlTable, XlVisibility, XlWorksheet } from './office-api';
import { writeFormats, writeRows } from './write';

const VISIBILITY: Record<Visibility, XlVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
export const FROM_VISIBILITY: Record<string, Visibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

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

/** Writes `specs`: checks and builds the new sheets hidden, then swaps them in with one last request. */
export async function writeAndSwap(b: Batch, specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void> {
  const existing = await prepare(b, specs);
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
      await writeRows(b, sheet, p.spec.rows, 0);
      signal?.throwIfAborted();
      onProgress?.({ sheet: p.spec.name, done: i + 1, total: plan.length });
    }
    for (const p of plan) {
      if (!p.sheet) continue;
      current = p.spec.name;
      await writeFormats(b, p.sheet, p.spec, 0, (table, name) => p.tables.push({ table, name }));
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
      await append(b, p);
    }
    current = '';
    const swapBytes = plan.reduce((n, p) => n + (p.sheet ? (5 + p.tables.length) * OPERATION_BYTES : 0), 0);
    if (b.queued > 0 && b.queued + swapBytes > b.limits.maxRequestBytes) await b.sync('values', true);
    // The last moment a cancel is honored: after it the old sheets are replaced.
    if (!appending) signal?.throwIfAborted();
  } catch (error) {
    const cleaned = await cleanup(b, created);
    if (isAbort(error) && !appending) throw error;
    const where = current ? ` while writing "${current}"` : '';
    const left = cleaned ? '' : ` Hidden work sheets named "~lumive …" may be left in the workbook; delete them.`;
    const log = appending ? ` "${current || 'the log'}" may have some of this run's rows added (it only ever grows).` : '';
    throw new ExcelHostError(`Lumive could not write its sheets${where}; your sheets and the previous results are unchanged.${log} ${reason(unwrap(error), current || undefined)}${left}`, errorCode(unwrap(error)), 'unchanged', error);
  }

  try {
    for (const [i, p] of plan.entries()) {
      current = p.spec.name;
      if (p.sheet) swap(b, p);
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
async function prepare(b: Batch, specs: readonly SheetSpec[]): Promise<ExistingOffice[]> {
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

/** The new sheet takes the old one's place, name, visibility and table names. */
function swap(b: Batch, p: Planned): void {
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
async function append(b: Batch, p: Planned): Promise<void> {
  const sheet = b.context.workbook.worksheets.getItem((p.old as ExistingOffice).name);
  const landing = p.used && !p.used.isNullObject ? p.used.rowIndex + p.used.rowCount : 0;
  b.add(0);
  await writeRows(b, sheet, p.spec.rows, landing);
  await writeFormats(b, sheet, p.spec, landing, () => undefined);
}

/** Deletes the hidden work sheets of a failed write. False when that failed too. */
async function cleanup(b: Batch, created: readonly string[]): Promise<boolean> {
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
