/**
 * Analyze a workbook through any WorkbookPort (docs/ARCHITECTURE.md: the CLI and the add-in differ only in
 * the port they pass). One batch read of every sheet; the registry says which sheets Lumive created
 * (they are not inputs, and only they are rewritten); the Lumive Settings sheet is read back (invalid
 * values become Data Issues, defaults used); the previous approval sheets and the log feed the merge
 * (read again just before writing, for co-authoring); then the registry and every output sheet are written.
 */
import { DEFAULT_SETTINGS, OUTPUT_SHEETS, REGISTRY_SHEET, SOURCES_SHEET, historyPart, isRegistryGrid, isSourcesGrid, planNames, readRegistry, readSettingsObject, readSettingsSheet, readSources, registryIssues, registrySheet, trustRegistry, type Analysis, type HistoryRead, type ImportIssue, type OutputId, type Policy, type Progress, type RawCell, type RawGrid, type Settings, type SheetSpec, type SourceAssignment, type SourceGrid } from '../engine';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../workbook/port';
import { runJob, type AnalysisJob } from './engine-job';
import { historySheetNames, snapshotPlan } from './history';

export interface AnalyzeWorkbookOptions {
  /** Report sources given directly (CLI with files); when absent, the workbook's own sheets are the inputs. */
  readonly inputs?: readonly SourceGrid[];
  /** Settings on top of the sheet's (e.g. `--settings file.json`), with the name used in messages. */
  readonly settingsOverride?: { readonly source: string; readonly values: Readonly<Record<string, unknown>> };
  readonly policy?: Policy;
  readonly assignments?: Readonly<Record<string, SourceAssignment>>;
  readonly decimalComma?: boolean;
  readonly now?: Date;
  readonly onProgress?: Progress;
  readonly onWrite?: (p: WriteProgress) => void;
  /** The workbook as already read (the task pane reads it once for the Reports panel and Analyze). */
  readonly state?: WorkbookState;
  /** Also save the analysis as a snapshot in the history sheets (`lumive analyze --snapshot`). */
  readonly snapshot?: boolean;
  /** Cancels the run: honored between reading, analyzing and each sheet written, never mid-swap. */
  readonly signal?: AbortSignal;
}

export interface WorkbookAnalysis<R = Analysis> {
  /** The analysis (in-process), or what the engine that ran it returns for it. */
  readonly analysis: R;
  /** Sheet id → the name it was written under. */
  readonly names: ReadonlyMap<string, string>;
  /** Rows written per output sheet (data rows of its table, or all rows for the Summary). */
  readonly written: readonly { readonly name: string; readonly rows: number }[];
  /** What `snapshot` saved; absent when it was not asked for. */
  readonly snapshot?: { readonly date: string; readonly added: number; readonly replaced: number; readonly skipped: number; readonly sheets: readonly string[] };
}

export class NothingToAnalyzeError extends Error {}

/** The sheets approvals are merged from: the three approval sheets and the log. */
const APPROVAL_STATE: readonly OutputId[] = ['reorder', 'rebalance', 'liquidation', 'approvalLog'];

/** Result sheets whose content no run reads back: only their names matter (the registry's). */
const UNREAD_IDS = (Object.keys(OUTPUT_SHEETS) as OutputId[]).filter((id) => !['settings', 'events', ...APPROVAL_STATE].includes(id));
const UNREAD_OUTPUTS = UNREAD_IDS.map((id) => OUTPUT_SHEETS[id].toLowerCase());

/**
 * The sheets Analyze rewrites and never reads back, as the workbook's registry lists them (given the
 * grids of its registry sheets, "Lumive Registry" and "Lumive Registry (Lumive)", and every sheet
 * name): a port may open the workbook without their content. A sheet whose content turns out to be
 * needed after all (the registry not trusted) is asked for, and the port then opens the whole file.
 */
export function resultSheetsNotReadBack(registryGrids: ReadonlyMap<string, SheetValues>, sheetNames: readonly string[]): string[] {
  const registryName = isRegistryGrid(registryGrids.get(REGISTRY_SHEET) as RawGrid | undefined) ? REGISTRY_SHEET : `${REGISTRY_SHEET} (Lumive)`;
  const listed = readRegistry(registryGrids.get(registryName) as RawGrid | undefined);
  const present = new Set(sheetNames.map((n) => n.toLowerCase()));
  return UNREAD_IDS.map((id) => listed.get(id)).filter((n): n is string => n !== undefined && present.has(n.toLowerCase()));
}

/** A sheet named as one of those, or as its conflict-free variant ("Health (Lumive)", "Health (Lumive 2)"). */
function isUnreadOutput(name: string): boolean {
  const key = name.toLowerCase().replace(/ \(lumive(?: \d+)?\)$/, '');
  return UNREAD_OUTPUTS.includes(key);
}

function sameGrid(a: SheetValues | undefined, b: SheetValues | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((row, r) => row.length === b[r].length && row.every((v, c) => sameCell(v, b[r][c])));
}

const sameCell = (a: RawCell, b: RawCell): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** The workbook as Analyze and the task pane see it: its sheets, which are Lumive's, the inputs, settings and choices. */
export interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly grids: ReadonlyMap<string, SheetValues>;
  readonly registryName: string;
  /** Sheet id → name: the registry's entries whose sheets are Lumive's by their content too (trustRegistry). */
  readonly registry: ReadonlyMap<string, string>;
  /** Lower-cased names of the sheets Lumive created (never inputs). */
  readonly ours: ReadonlySet<string>;
  /** The report, mapping and warehouse sheets: every sheet that is not Lumive's. */
  readonly inputs: readonly SourceGrid[];
  readonly settings: Settings;
  /** Problems found in the settings sheet and the report choices (they go to Data Issues). */
  readonly issues: readonly ImportIssue[];
  /** The user's report kind and channel choices (the Lumive Sources sheet). */
  readonly assignments: Readonly<Record<string, SourceAssignment>>;
  readonly sourcesName: string;
  /** When Analyze last wrote its sheets (the registry's time), or null. */
  readonly lastRun: string | null;
}

/**
 * Reads the workbook in one batch: every sheet except Lumive's result sheets that nothing reads back
 * (in Excel they can be tens of megabytes, each 4 MB a round trip). A skipped sheet the registry turns
 * out not to list is a user's own, and is read after all.
 *
 * The registry is trusted only where the sheets' content agrees (registry.ts, trustRegistry): a listed
 * sheet that does not begin as Lumive writes it is the user's, read as an input, never written, and
 * reported in Data Issues. Skipped result sheets are trusted by their name (each listed under its own
 * id, "Health" as health) until some listed sheet turns out not to be Lumive's; then every listed sheet
 * is read and judged by its content.
 */
export async function readWorkbookState(port: WorkbookPort): Promise<WorkbookState> {
  const sheets = await port.listSheets();
  const existing = sheets.map((s) => s.name);
  const skipped = existing.filter(isUnreadOutput);
  const grids = new Map(await port.readSheets(existing.filter((n) => !isUnreadOutput(n))));

  // The registry: ours only when it carries the signature; otherwise a user's sheet of that name.
  const registryName = isRegistryGrid(grids.get(REGISTRY_SHEET)) ? REGISTRY_SHEET : `${REGISTRY_SHEET} (Lumive)`;
  const listed = readRegistry(grids.get(registryName));
  let trust = trustRegistry(listed, grids, existing);
  if (trust.unread.length > 0 || trust.rejected.length > 0) {
    const names = new Set([...listed.values()].map((n) => n.toLowerCase()));
    const more = existing.filter((n) => names.has(n.toLowerCase()) && !grids.has(n));
    if (more.length > 0) for (const [name, values] of await port.readSheets(more)) grids.set(name, values);
    trust = trustRegistry(listed, grids, existing, false);
  }
  const registry = trust.registry;
  const sourcesName = isSourcesGrid(grids.get(SOURCES_SHEET)) ? SOURCES_SHEET : `${SOURCES_SHEET} (Lumive)`;
  const own = new Set([registryName, sourcesName].map((n) => n.toLowerCase()));
  const ours = new Set([...own, ...[...registry.values()].map((n) => n.toLowerCase())]);
  const users = skipped.filter((n) => !ours.has(n.toLowerCase()) && !grids.has(n));
  if (users.length > 0) for (const [name, values] of await port.readSheets(users)) grids.set(name, values);

  const issues: ImportIssue[] = registryIssues(trust.rejected, registry, own);
  let settings: Settings = DEFAULT_SETTINGS;
  const settingsName = registry.get('settings');
  const settingsGrid = settingsName ? grids.get(settingsName) : undefined;
  if (settingsName && settingsGrid) {
    const read = readSettingsSheet(settingsGrid, settingsName);
    settings = read.settings;
    issues.push(...read.issues);
  }
  const sources = readSources(grids.get(sourcesName) as RawGrid | undefined, sourcesName);
  issues.push(...sources.issues);
  const inputs = sheets.filter((s) => !ours.has(s.name.toLowerCase())).map((s) => ({ source: s.name, grid: (grids.get(s.name) ?? []) as RawGrid }));
  const lastRun = registry.size > 0 ? String(grids.get(registryName)?.[2]?.[2] ?? '') || null : null;
  return { sheets, grids, registryName, registry, ours, inputs, settings, issues, assignments: sources.assignments, sourcesName, lastRun };
}

/** What analyzeWorkbook needs from the engine's run, wherever the engine ran. */
export interface EngineOutcome<R> {
  /** The run as the caller keeps it: the Analysis itself in-process, a handle on it from a worker. */
  readonly result: R;
  readonly positions: number;
  readonly sources: readonly { readonly source: string; readonly kind: string | null; readonly label: string | null }[];
  readonly specs: readonly SheetSpec[];
  /** What a snapshot save needs (the in-process engine); absent when the engine cannot save one. */
  readonly saving?: { readonly analysis: Pick<Analysis, 'snapshot' | 'snapshotDate'>; readonly history: HistoryRead };
}

/** Where the analysis runs: in this thread (the command, the tests) or in a Web Worker (the task pane). */
export interface Engine<R> {
  run(job: AnalysisJob, onProgress: Progress | undefined, signal: AbortSignal | undefined): Promise<EngineOutcome<R>>;
  /** Lets go of a run that will not be returned (re-run for co-authoring, or the write failed). */
  discard?(result: R): void;
}

/** The engine in this thread. */
export const inProcessEngine: Engine<Analysis> = {
  async run(job, onProgress) {
    const { analysis, history } = runJob(job, onProgress);
    return { result: analysis, positions: analysis.metrics.length, sources: analysis.sources, specs: analysis.specs, saving: { analysis, history } };
  },
};

/**
 * Analyze over a workbook: reads its state through the port, runs the engine's analyze on its input
 * sheets (in this thread or a worker) and writes the output sheets back. The task pane's Analyze and
 * `lumive analyze` / `lumive demo` both run it.
 */
export function analyzeWorkbook<R>(port: WorkbookPort, options: AnalyzeWorkbookOptions & { readonly engine: Engine<R> }): Promise<WorkbookAnalysis<R>>;
export function analyzeWorkbook(port: WorkbookPort, options?: AnalyzeWorkbookOptions): Promise<WorkbookAnalysis>;
export async function analyzeWorkbook<R>(port: WorkbookPort, options: AnalyzeWorkbookOptions & { readonly engine?: Engine<R> } = {}): Promise<WorkbookAnalysis<R>> {
  const engine = (options.engine ?? inProcessEngine) as Engine<R>;
  // One clock for the run, this thread's: an engine in a worker has its own.
  const now = options.now ?? new Date();
  const state = options.state ?? (await readWorkbookState(port));
  options.signal?.throwIfAborted();
  const { sheets, registryName, registry } = state;
  const grids = new Map(state.grids);
  const existing = sheets.map((s) => s.name);

  // Settings: the registered settings sheet, then the override, then the policy flag.
  const issues: ImportIssue[] = [...state.issues];
  let settings: Settings = state.settings;
  if (options.settingsOverride) {
    const read = readSettingsObject(options.settingsOverride.values, options.settingsOverride.source, settings);
    settings = read.settings;
    issues.push(...read.issues);
  }
  if (options.policy) settings = { ...settings, policy: options.policy };

  const inputs: SourceGrid[] = options.inputs ? [...options.inputs] : [...state.inputs];
  const assignments = { ...state.assignments, ...options.assignments };

  // The saved snapshot history (hidden sheets the registry lists): the engine reads it, its problems go to Data Issues.
  const history = historySheetNames(registry).map((name) => ({ name, grid: (grids.get(name) ?? []) as RawGrid }));
  const wanted = new Map<string, string>(Object.entries(OUTPUT_SHEETS));
  for (const [id, n] of registry) if (historyPart(id) !== null) wanted.set(id, n);
  const names = planNames(wanted, registry, existing);
  const run = (source: ReadonlyMap<string, SheetValues>) => {
    const prevGrid = (id: OutputId) => {
      const n = registry.get(id);
      const grid = n ? source.get(n) : undefined;
      return n && grid ? { name: n, grid: grid as RawGrid } : undefined;
    };
    const job: AnalysisJob = {
      inputs,
      settings,
      assignments,
      decimalComma: options.decimalComma,
      names: Object.fromEntries(names) as Partial<Record<OutputId, string>>,
      previous: { reorder: prevGrid('reorder'), rebalance: prevGrid('rebalance'), liquidation: prevGrid('liquidation'), log: prevGrid('approvalLog')?.grid },
      issues,
      history,
      events: prevGrid('events'),
      savingSnapshot: options.snapshot,
      now,
    };
    return engine.run(job, options.onProgress, options.signal);
  };
  let outcome = await run(grids);
  try {
    // Co-authoring: a colleague may approve or reject rows (or run Analyze, growing the log) between our
    // read and our write. The approval sheets and the log are read again just before writing; when they
    // changed, the merge runs again on what they hold now, so neither person's approvals are lost.
    options.signal?.throwIfAborted();
    const approvalSheets = APPROVAL_STATE.map((id) => registry.get(id)).filter((n): n is string => n !== undefined && grids.has(n));
    if (approvalSheets.length > 0 && outcome.positions > 0) {
      const fresh = await port.readSheets(approvalSheets);
      if (approvalSheets.some((n) => !sameGrid(fresh.get(n), grids.get(n)))) {
        engine.discard?.(outcome.result);
        outcome = await run(new Map([...grids, ...fresh]));
      }
    }
    options.signal?.throwIfAborted();
    return await write(outcome);
  } catch (error) {
    engine.discard?.(outcome.result);
    throw error;
  }

  async function write(outcome: EngineOutcome<R>): Promise<WorkbookAnalysis<R>> {
    if (outcome.positions === 0) {
      const recognized = outcome.sources.filter((s) => s.kind !== null).map((s) => `${s.source} (${s.label})`);
      throw new NothingToAnalyzeError(
        recognized.length === 0
          ? `Nothing to analyze: no sheet was recognized as an Amazon or noon report (${inputs.length} read). Run \`lumive inspect\` on the files to see why.`
          : `Nothing to analyze: the recognized reports (${recognized.join(', ')}) gave no positions. Check that the Mapping sheet maps their SKUs to Master SKUs; \`lumive inspect\` on the files shows what was read.`,
      );
    }
    const at = now.toISOString();
    let saved: WorkbookAnalysis['snapshot'];
    let historySpecs: SheetSpec[] = [];
    let registryNames = names;
    if (options.snapshot) {
      if (!outcome.saving) throw new Error('This engine cannot save a snapshot during Analyze: use Save snapshot after it.');
      const plan = snapshotPlan(outcome.saving.analysis, outcome.saving.history, names, existing);
      historySpecs = plan.specs;
      registryNames = plan.names;
      saved = { date: plan.date, added: plan.added, replaced: plan.replaced, skipped: plan.skipped, sheets: plan.specs.map((x) => x.name) };
    }
    await port.writeSheets([registrySheet(registryNames, at, registryName), ...outcome.specs, ...historySpecs], options.onWrite, options.signal);
    const written = outcome.specs.map((spec) => {
      const table = spec.tables[0];
      return { name: spec.name, rows: table ? (spec.rows.length - table.range.row - 1) : spec.rows.length };
    });
    return { analysis: outcome.result, names: registryNames, written, ...(saved ? { snapshot: saved } : {}) };
  }
}
