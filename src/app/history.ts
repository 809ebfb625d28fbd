/**
 * Snapshot history in a workbook, through any WorkbookPort: which sheets hold it (the registry lists
 * them: "history", "history-2" …), reading it, saving the last analysis as a snapshot, and comparing
 * two saved snapshots. The rules are the engine's (engine/history/).
 */
import { HISTORY_PART_ROWS, REGISTRY_SHEET, compareSnapshots, historyId, historyName, historyPart, historySheets, isRegistryGrid, planNames, planSave, readHistory, readRegistry, registrySheet, resolveSnapshotDate, snapshotDates, trustRegistry, type Analysis, type Comparison, type HistoryRead, type RawGrid, type Settings, type SheetSpec } from '../engine';
import type { SheetValues, WorkbookPort, WriteProgress } from '../workbook/port';

/** The registered history sheets, in part order. */
export function historySheetNames(registry: ReadonlyMap<string, string>): string[] {
  return [...registry.entries()]
    .map(([id, name]) => ({ part: historyPart(id), name }))
    .filter((x): x is { part: number; name: string } => x.part !== null)
    .sort((a, b) => a.part - b.part)
    .map((x) => x.name);
}

/** Reads the history from grids already read (analyze-workbook.ts reads every sheet in one batch). */
export function historyFromGrids(registry: ReadonlyMap<string, string>, grids: ReadonlyMap<string, SheetValues>): HistoryRead {
  return readHistory(historySheetNames(registry).map((name) => ({ name, grid: (grids.get(name) ?? []) as RawGrid })));
}

/**
 * The history sheets (and the registry entries naming them) that saving `analysis` adds to a history:
 * `registry` is extended with the parts the save needs, planned so no user's sheet is overwritten.
 */
export function snapshotPlan(
  analysis: Pick<Analysis, 'snapshot' | 'snapshotDate'>,
  saved: HistoryRead,
  registry: ReadonlyMap<string, string>,
  existing: readonly string[],
  partRows = HISTORY_PART_ROWS,
): { specs: SheetSpec[]; names: Map<string, string>; added: number; replaced: number; skipped: number; date: string } {
  const plan = planSave(saved.table, analysis.snapshot, analysis.snapshotDate);
  // Enough part names for any outcome; those not written (and not registered already) are dropped below.
  const parts = Math.max(1, saved.parts.length) + Math.ceil((plan.append ? plan.append.length : plan.merged.length) / partRows);
  const wanted = new Map<string, string>(registry);
  for (let i = 0; i < parts; i++) if (!wanted.has(historyId(i))) wanted.set(historyId(i), historyName(i));
  const names = planNames(wanted, registry, existing);
  const specs = historySheets(
    plan,
    saved.parts.map((p) => p.rows),
    (i) => names.get(historyId(i)) ?? historyName(i),
    partRows,
  );
  // Register only the parts written or already there.
  const used = new Set(specs.map((s) => s.name));
  for (let i = 0; i < parts; i++) {
    const id = historyId(i);
    if (!registry.has(id) && !used.has(names.get(id)!)) names.delete(id);
  }
  return { specs, names, added: plan.added, replaced: plan.replaced, skipped: plan.skipped, date: plan.date };
}

export interface SavedSnapshot {
  readonly date: string;
  /** Rows written, snapshot rows replaced (a snapshot on the same date), sales months already saved. */
  readonly added: number;
  readonly replaced: number;
  readonly skipped: number;
  /** Snapshot dates after the save, oldest first. */
  readonly dates: readonly string[];
  /** The history sheets written. */
  readonly sheets: readonly string[];
}

async function readHistoryState(port: WorkbookPort) {
  const sheets = await port.listSheets();
  const existing = sheets.map((s) => s.name);
  const first = await port.readSheets([REGISTRY_SHEET]);
  const registryName = isRegistryGrid(first.get(REGISTRY_SHEET) as RawGrid | undefined) ? REGISTRY_SHEET : `${REGISTRY_SHEET} (Lumive)`;
  const registryGrid = registryName === REGISTRY_SHEET ? first.get(REGISTRY_SHEET) : (await port.readSheets([registryName])).get(registryName);
  const listed = readRegistry(registryGrid as RawGrid | undefined);
  const grids = await port.readSheets(historySheetNames(listed));
  // A history entry whose sheet does not hold Lumive's history (a stale or forged registry) is dropped,
  // so a save never appends into a user's sheet: the history then goes to a sheet of its own.
  const history = new Map([...listed].filter(([id]) => historyPart(id) !== null));
  const { registry: trusted } = trustRegistry(history, grids as ReadonlyMap<string, RawGrid>, existing, false);
  const registry = new Map([...listed].filter(([id]) => historyPart(id) === null || trusted.has(id)));
  const lastRun = registry.size > 0 ? String(registryGrid?.[2]?.[2] ?? '') || null : null;
  return { existing, registryName, registry, history: historyFromGrids(registry, grids), lastRun };
}

/**
 * Save snapshot (task pane): the last analysis' rows join the workbook's history. The history sheets
 * are read just before writing, so a colleague's snapshot saved meanwhile is kept.
 */
export async function saveSnapshot(
  port: WorkbookPort,
  analysis: Pick<Analysis, 'snapshot' | 'snapshotDate'>,
  options: { readonly onWrite?: (p: WriteProgress) => void; readonly signal?: AbortSignal; readonly now?: Date } = {},
): Promise<SavedSnapshot> {
  const state = await readHistoryState(port);
  options.signal?.throwIfAborted();
  const plan = snapshotPlan(analysis, state.history, state.registry, state.existing);
  const writtenAt = state.lastRun ?? (options.now ?? new Date()).toISOString();
  await port.writeSheets([registrySheet(plan.names, writtenAt, state.registryName), ...plan.specs], options.onWrite, options.signal);
  const dates = new Set(snapshotDates(state.history.table));
  dates.add(plan.date);
  return { date: plan.date, added: plan.added, replaced: plan.replaced, skipped: plan.skipped, dates: [...dates].sort(), sheets: plan.specs.map((s) => s.name) };
}

/** The saved snapshot dates of a workbook, oldest first, and the history's read problems. */
export async function historyDates(port: WorkbookPort): Promise<{ dates: string[]; rows: number; problems: number }> {
  const state = await readHistoryState(port);
  return { dates: snapshotDates(state.history.table), rows: state.history.table.length, problems: state.history.issues.length };
}

export class SnapshotNotFoundError extends Error {}

/** Compares two saved snapshots; `from` and `to` are dates ("2026-10-31") or months ("2026-10": its latest). */
export function compareHistory(history: HistoryRead, from: string, to: string, settings: Settings): Comparison {
  const dates = snapshotDates(history.table);
  if (dates.length === 0) throw new SnapshotNotFoundError('This workbook has no saved snapshot yet: Save snapshot after Analyze (or run lumive analyze --snapshot), once a month.');
  const pick = (text: string, which: string) => {
    const d = resolveSnapshotDate(dates, text);
    if (d === null) throw new SnapshotNotFoundError(`No snapshot on ${text} (${which}). Saved snapshots: ${dates.join(', ')}.`);
    return d;
  };
  const a = pick(from, 'from');
  const b = pick(to, 'to');
  return compareSnapshots(history.table, a, b, settings);
}

/** Compares two snapshots of a workbook through its port. */
export async function compareInWorkbook(port: WorkbookPort, from: string, to: string, settings: Settings): Promise<Comparison> {
  const state = await readHistoryState(port);
  return compareHistory(state.history, from, to, settings);
}
