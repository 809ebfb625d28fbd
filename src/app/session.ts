/**
 * The add-in's workbook session: every operation the task pane offers, over a WorkbookPort. The pane's
 * components get these operations and never touch Office.js: inside Excel the port is the Office
 * adapter (the only code that calls Excel.run); outside Office, in the browser preview, an in-memory
 * workbook holding the demo reports.
 *
 * One session per page: the shared runtime runs the task pane and the custom functions in one
 * JavaScript context, and one webpack runtime (webpack.config.js, dependOn) gives them one instance of
 * every module, engine included.
 */
import { DEFAULT_SETTINGS, OUTPUT_SHEETS, REGISTRY_SHEET, SETTING_FIELDS, documentFiles, flatten, importSources, isRegistryGrid, parseSetting, plainSheet, planMapping, planNames, readRegistry, readSettingsObject, readSettingsSheet, registrySheet, settingsSheet, sourcesSheet, toReporting, withAssignment, type CellValue, type CompareRow, type CompareStatus, type Comparison, type Currency, type DocumentKind, type FlatSettings, type ImportIssue, type RawCell, type RawGrid, type SettingField, type Settings, type SourceAssignment, type Stage } from '../engine';
import { demoInputSpecs } from '../demo/sample-workbook';
import { MemoryWorkbook } from '../workbook/memory/memory-workbook';
import { ExcelHostError, isAbort } from '../workbook/office/excel-errors';
import { OfficeWorkbook, type SyncRecord } from '../workbook/office/office-workbook';
import type { WorkbookPort, WriteProgress } from '../workbook/port';
import { analyzeWorkbook, inProcessEngine, NothingToAnalyzeError, readWorkbookState, type Engine, type WorkbookState } from './analyze-workbook';
import { localResults, ResultIndex, snapshotPositions, summarize, type AnalysisSummary, type Results, type SheetLink } from './explorer';
import { readDocumentSheet } from './documents';
import { compareInWorkbook, historyDates, saveSnapshot, SnapshotNotFoundError } from './history';
import { scanReports, type ReportsFound, type ScanInput } from './reports-scan';

/** How long each step took, for the pane's debug view. */
export interface Timing {
  readonly step: string;
  readonly ms: number;
}

/** Round trips to Excel since the last report (Office adapter only). */
export interface SyncSummary {
  readonly syncs: number;
  readonly byPhase: Readonly<Record<string, number>>;
  readonly largestRequestBytes: number;
}

/** The Reports panel's scan of the workbook (reports-scan.ts), when Analyze last ran, and how long it took. */
export interface ReportsScan extends ReportsFound {
  readonly lastRun: string | null;
  readonly timings: readonly Timing[];
  readonly syncs: SyncSummary | null;
}

export type AnalyzeStep = 'read' | Stage | 'write';

export interface AnalyzeProgress {
  readonly step: AnalyzeStep;
  /** 0 … 1 over the whole run. */
  readonly fraction: number;
  /** The sheet being written (write step). */
  readonly sheet?: string;
}

/** What Analyze reports: the analysis' summary (explorer.ts), the sheets written, when, and how long each step took. */
export interface AnalyzeResult extends AnalysisSummary {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly at: Date;
  readonly timings: readonly Timing[];
  readonly syncs: SyncSummary | null;
}

/** What Save snapshot did. */
export interface SnapshotSaved {
  readonly date: string;
  /** Positions in the snapshot. */
  readonly positions: number;
  /** True when it replaced a snapshot saved earlier on the same date. */
  readonly replaced: boolean;
  /** Saved snapshot dates after the save, newest first. */
  readonly dates: readonly string[];
}

/** The saved snapshots of the workbook. */
export interface SnapshotList {
  /** Newest first. */
  readonly dates: readonly string[];
  /** History rows that could not be read (left out). */
  readonly problems: number;
}

export interface FromTo {
  readonly from: number;
  readonly to: number;
}

/** One position of a comparison, as the History tab shows it. */
export interface ChangeRow {
  readonly masterSku: string;
  readonly channel: string;
  readonly status: CompareStatus;
  /** Units available and units sold on each date (null: not in that snapshot, or blank). */
  readonly available: { readonly from: number | null; readonly to: number | null };
  readonly sold: { readonly from: number | null; readonly to: number | null };
  /** Stock value change in the reporting currency (a new position: its value; a gone one: minus its value). */
  readonly stockValueChange: number;
}

/** Two snapshots compared, for the History tab: money in the reporting currency. */
export interface SnapshotComparison {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly daysBetween: number;
  readonly totals: {
    readonly positions: FromTo;
    readonly available: FromTo;
    readonly stockValue: FromTo;
    readonly sold: FromTo;
    readonly revenue: FromTo;
    readonly lostRevenue: number;
    readonly newPositions: number;
    readonly gonePositions: number;
  };
  /** The largest stock value changes (at most CHANGES_SHOWN), largest first; unchanged positions are left out. */
  readonly changes: readonly ChangeRow[];
  /** Positions whose stock value changed (or that are new or gone). */
  readonly changed: number;
}

/** Rows of the History tab's table of largest changes. */
export const CHANGES_SHOWN = 20;

export interface ImportedFile {
  readonly file: string;
  /** Sheets written (a workbook file may give several), and whether each replaced a sheet of that name. */
  readonly sheets: readonly { readonly name: string; readonly rows: number; readonly replaced: boolean }[];
  /** What the file reader noticed or could not read (plain sentences). */
  readonly problems: readonly string[];
}

export interface MappingResult {
  readonly sheet: string;
  readonly created: boolean;
  readonly added: number;
  readonly suggested: number;
  readonly scan: ReportsScan;
}

/** The Settings form: every field with its current value as text, and what the sheet held that was not valid. */
export interface SettingsForm {
  readonly fields: readonly SettingField[];
  readonly values: Readonly<Record<string, string>>;
  readonly defaults: Readonly<Record<string, string>>;
  readonly sheet: string | null;
  readonly issues: readonly ImportIssue[];
}

export type SaveSettingsResult =
  | { readonly ok: true; readonly sheet: string; readonly settings: Settings }
  | { readonly ok: false; readonly fieldErrors: Readonly<Record<string, string>>; readonly formErrors: readonly string[] };

export interface Session {
  /** True inside Excel; false in the browser preview. */
  readonly connected: boolean;
  scan(): Promise<ReportsScan>;
  /** Sets (or clears, with an empty value) a sheet's kind and channel; kept in the workbook. */
  assign(source: string, said: SourceAssignment): Promise<ReportsScan>;
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], onProgress?: (file: string, done: number, total: number) => void): Promise<{ files: ImportedFile[]; scan: ReportsScan }>;
  updateMapping(): Promise<MappingResult>;
  analyze(options?: { onProgress?: (p: AnalyzeProgress) => void; signal?: AbortSignal }): Promise<AnalyzeResult>;
  readSettings(): Promise<SettingsForm>;
  saveSettings(values: Readonly<Record<string, string>>): Promise<SaveSettingsResult>;
  /** The last analysis of this session, for the SKU explorer, What-if and Save snapshot (null before the first). */
  view(): Results | null;
  /** The last analysis itself when it ran in this thread (the tests' engine); null when it is in the worker. */
  results(): ResultIndex | null;
  /** Shows a result row in the workbook. */
  select(link: SheetLink): Promise<void>;
  /** Saves the last analysis of this session as a snapshot in the workbook's history; a snapshot on the same date is replaced. */
  saveSnapshot(options?: { readonly onWrite?: (p: WriteProgress) => void; readonly signal?: AbortSignal }): Promise<SnapshotSaved>;
  /** The snapshot dates saved in the workbook. */
  snapshots(): Promise<SnapshotList>;
  /** Compares two saved snapshots (dates as listed by snapshots()). */
  compare(from: string, to: string): Promise<SnapshotComparison>;
  /**
   * The Purchase Orders or Shipments sheet as the last Analyze wrote it, one CSV per PO or route
   * (engine/sheets/documents.ts), in a .zip to download; none when the sheet has no lines.
   */
  documents(kind: DocumentKind): Promise<DocumentsDownload>;
}

/** What the pane offers to download from the Purchase Orders or Shipments sheet. */
export interface DocumentsDownload {
  /** The sheet read (its name in this workbook). */
  readonly sheet: string;
  /** The CSV files, one per PO or route, with their lines. */
  readonly files: readonly { readonly name: string; readonly rows: number }[];
  /** The .zip holding them: its file name and bytes; null when there is no file. */
  readonly zip: { readonly name: string; readonly bytes: Uint8Array } | null;
  /** Rows that could not be put in a file, and why (sheet and row named). */
  readonly issues: readonly string[];
  /** The sheet is missing, or is not Lumive's (Analyze has not written it yet). */
  readonly missing: boolean;
}

/** Save snapshot before any Analyze of this session. */
export class NoAnalysisError extends Error {}

/** Where each step's progress falls in the whole run (fractions of 1). */
const STEP_SPAN: Record<AnalyzeStep, readonly [number, number]> = {
  read: [0, 0.1],
  import: [0.1, 0.35],
  classes: [0.35, 0.4],
  metrics: [0.4, 0.6],
  recommendations: [0.6, 0.7],
  sheets: [0.7, 0.75],
  write: [0.75, 1],
};


/** Excel's limit on sheet names, and the characters it forbids in them. */
const MAX_SHEET_NAME = 31;

/**
 * A sheet name from a file name: no extension, Excel's forbidden characters replaced, at most `max`
 * characters. A long name keeps its start and its end (where the country or the month usually is)
 * and loses its middle; Excel's reserved name "History" and edge apostrophes are avoided.
 */
export function sheetNameFor(source: string, max = MAX_SHEET_NAME): string {
  const base = source.replace(/\.(txt|tsv|csv|xlsx|xlsm)(?= › |$)/i, '').replace(' › ', ' ');
  let clean = base.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length > max) {
    const head = Math.ceil((max - 1) / 2);
    clean = `${clean.slice(0, head).trim()}…${clean.slice(clean.length - (max - 1 - head)).trim()}`;
  }
  clean = clean.replace(/^['\s]+|['\s]+$/g, '');
  if (!clean) return 'Report';
  return clean.toLowerCase() === 'history' ? 'History report' : clean;
}

/** A file's cell as a sheet value: dates as ISO text (the importer reads them back), blanks as null. */
function cellValue(cell: RawCell): CellValue {
  if (cell === undefined || cell === null) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return cell;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Text the Settings form shows for a value: shares as percentages, like the sheet. */
function formText(field: SettingField, value: number | string): string {
  if (typeof value === 'string') return value;
  if (field.format?.includes('%')) return `${Number((value * 100).toFixed(4))}%`;
  return String(value);
}

function syncSummary(port: WorkbookPort): SyncSummary | null {
  if (!(port instanceof OfficeWorkbook)) return null;
  const log: SyncRecord[] = port.takeSyncLog();
  const byPhase: Record<string, number> = {};
  for (const r of log) byPhase[r.phase] = (byPhase[r.phase] ?? 0) + 1;
  return { syncs: log.length, byPhase, largestRequestBytes: Math.max(0, ...log.map((r) => r.requestBytes)) };
}

/** The workbook's settings, reading only the registry and the settings sheet (compare converts money with them). */
async function readSettingsOnly(wb: WorkbookPort): Promise<Settings> {
  const first = await wb.readSheets([REGISTRY_SHEET]);
  const ownName = isRegistryGrid(first.get(REGISTRY_SHEET) as RawGrid | undefined);
  const registryGrid = ownName ? first.get(REGISTRY_SHEET) : (await wb.readSheets([`${REGISTRY_SHEET} (Lumive)`])).get(`${REGISTRY_SHEET} (Lumive)`);
  const name = readRegistry(registryGrid as RawGrid | undefined).get('settings');
  if (!name) return DEFAULT_SETTINGS;
  const grid = (await wb.readSheets([name])).get(name);
  return grid ? readSettingsSheet(grid, name).settings : DEFAULT_SETTINGS;
}

/** A comparison as the History tab shows it: totals, and the largest stock value changes in the reporting currency. */
export function comparisonView(c: Comparison, settings: Settings, shown = CHANGES_SHOWN): SnapshotComparison {
  const rep = (x: number | null | undefined, currency: string) => (x === null || x === undefined ? 0 : toReporting(x, currency as Currency, settings));
  const valueChange = (r: CompareRow) => rep(r.to?.stockValue, r.currency) - rep(r.from?.stockValue, r.currency);
  const moved: { row: CompareRow; change: number }[] = [];
  for (const row of c.rows) {
    const change = valueChange(row);
    if (row.status !== 'Both' || change !== 0) moved.push({ row, change });
  }
  moved.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.row.masterSku.localeCompare(b.row.masterSku) || a.row.channel.localeCompare(b.row.channel));
  const t = c.totals;
  return {
    from: c.from,
    to: c.to,
    currency: settings.reportingCurrency,
    daysBetween: t.daysBetween,
    totals: {
      positions: { from: t.positions.from, to: t.positions.to },
      available: { ...t.available },
      stockValue: { ...t.stockValue },
      sold: { ...t.sold },
      revenue: { ...t.revenue },
      lostRevenue: t.lostRevenue,
      newPositions: t.positions.new,
      gonePositions: t.positions.gone,
    },
    changes: moved.slice(0, shown).map(({ row, change }) => ({
      masterSku: row.masterSku,
      channel: row.channel,
      status: row.status,
      available: { from: row.from?.available ?? null, to: row.to?.available ?? null },
      sold: { from: row.from?.sold ?? null, to: row.to?.sold ?? null },
      stockValueChange: change,
    })),
    changed: moved.length,
  };
}

/** The engine as the session uses it: analyses, and the Reports panel's scan (in this thread when it has none). */
export interface PaneEngine extends Engine<PaneAnalysis> {
  scan?(input: ScanInput): Promise<ReportsFound>;
}

/** An analysis as the session keeps it: what the pane shows at once, and the rest on request. */
export interface PaneAnalysis {
  readonly summary: AnalysisSummary;
  readonly results: Results;
  /** The analysis itself, when it ran in this thread. */
  readonly index?: ResultIndex;
}

/** The engine in this thread, for the session (the tests, and a host where a worker cannot start). */
export const inProcessPaneEngine: Engine<PaneAnalysis> = {
  async run(job, onProgress, signal) {
    const out = await inProcessEngine.run(job, onProgress, signal);
    const index = new ResultIndex(out.result, job.names.urgent ?? OUTPUT_SHEETS.urgent);
    return { ...out, result: { summary: summarize(index), results: localResults(index), index } };
  },
};

/**
 * A session over any port (tests pass the Office adapter over a fake of Excel) and an engine: in this
 * thread by default, the Web Worker in the task pane (taskpane/index.ts).
 */
export function sessionOver(port: () => Promise<WorkbookPort> | WorkbookPort, connected: boolean, engine: PaneEngine = inProcessPaneEngine): Session {
  let opened: Promise<WorkbookPort> | undefined;
  const workbook = () => (opened ??= Promise.resolve(port()));
  // The last analysis: the explorer, What-if and Save snapshot ask it.
  let last: PaneAnalysis | null = null;

  const timed = async <T>(timings: Timing[], step: string, work: () => Promise<T> | T): Promise<T> => {
    const start = now();
    try {
      return await work();
    } finally {
      timings.push({ step, ms: Math.round(now() - start) });
    }
  };

  const scanState = async (state: WorkbookState, timings: Timing[], wb: WorkbookPort): Promise<ReportsScan> => {
    const start = now();
    const found = await (engine.scan ?? scanReports)({ inputs: state.inputs, assignments: state.assignments, periodDays: state.settings.periodDays });
    timings.push({ step: 'detect and join', ms: Math.round(now() - start) });
    return { ...found, lastRun: state.lastRun, timings, syncs: syncSummary(wb) };
  };

  const scan = async (): Promise<ReportsScan> => {
    const wb = await workbook();
    const timings: Timing[] = [];
    const state = await timed(timings, 'read workbook', () => readWorkbookState(wb));
    return await scanState(state, timings, wb);
  };

  return {
    connected,
    scan,

    async assign(source, said) {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const next = withAssignment(state.assignments, source, said);
      await wb.writeSheets([sourcesSheet(next, state.sourcesName)]);
      // Only the choices changed: no need to read the workbook again.
      return await scanState({ ...state, assignments: next }, [], wb);
    },

    async importFiles(files, onProgress) {
      const wb = await workbook();
      // The file readers (exceljs for .xlsx, papaparse) are loaded on first use: they are most of the
      // weight of the pane and only this needs them.
      const { readReportFile } = await import(/* webpackChunkName: "report-reader" */ '../io/read-report-file');
      const state = await readWorkbookState(wb);
      const taken = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s.name]));
      const imported: ImportedFile[] = [];
      // Names given in this import: two files never end up in one sheet.
      const thisImport = new Set<string>();
      for (const [i, file] of files.entries()) {
        onProgress?.(file.name, i, files.length);
        const read = await readReportFile(file.name, file.bytes);
        const written: { name: string; rows: number; replaced: boolean }[] = [];
        const specs = [];
        // A workbook with one sheet of data is named after the file alone; with several, file and sheet.
        const single = read.filter((s) => s.grid.length > 0).length === 1;
        for (const sheet of read) {
          if (sheet.grid.length === 0) continue;
          const source = single ? file.name : sheet.source;
          let name = sheetNameFor(source);
          // A sheet of the same name that is the user's (an earlier import of this report) is replaced;
          // Lumive's own sheets and sheets written by this import are not.
          const clash = (n: string) => state.ours.has(n.toLowerCase()) || thisImport.has(n.toLowerCase());
          for (let n = 2; clash(name); n++) name = `${sheetNameFor(source, MAX_SHEET_NAME - 4)} (${n})`;
          const replaced = taken.has(name.toLowerCase());
          if (replaced) name = taken.get(name.toLowerCase()) as string;
          specs.push(plainSheet(name, sheet.grid.map((row) => row.map(cellValue))));
          written.push({ name, rows: sheet.grid.length, replaced });
          thisImport.add(name.toLowerCase());
        }
        const problems = read.flatMap((s) => s.problems);
        try {
          if (specs.length > 0) await wb.writeSheets(specs);
          for (const w of written) taken.set(w.name.toLowerCase(), w.name);
          imported.push({ file: file.name, sheets: written, problems });
        } catch (error) {
          // One file Excel refused does not lose the others: it is reported with its reason.
          for (const w of written) thisImport.delete(w.name.toLowerCase());
          imported.push({ file: file.name, sheets: [], problems: [...problems, `It could not be written into the workbook: ${failureText(error)}`] });
        }
        onProgress?.(file.name, i + 1, files.length);
      }
      return { files: imported, scan: await scan() };
    },

    async updateMapping() {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const result = importSources(state.inputs, { assignments: state.assignments, periodDays: state.settings.periodDays });
      const source = result.sources.find((s) => s.kind === 'mapping')?.source;
      const existing = source ? { name: source, grid: (state.grids.get(source) ?? []) as RawGrid } : null;
      const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
      let name = 'Mapping';
      for (let n = 2; !existing && taken.has(name.toLowerCase()); n++) name = `Mapping ${n}`;
      const plan = planMapping(result, existing, name);
      if (plan.spec) await wb.writeSheets([plan.spec]);
      return { sheet: plan.sheet, created: plan.created, added: plan.added, suggested: plan.suggested, scan: await scan() };
    },

    async analyze(options = {}) {
      const { onProgress, signal } = options;
      const wb = await workbook();
      const timings: Timing[] = [];
      const report = (step: AnalyzeStep, done: number, total: number, sheet?: string) => {
        const [from, to] = STEP_SPAN[step];
        onProgress?.({ step, fraction: from + (to - from) * (total > 0 ? Math.min(1, done / total) : 0), sheet });
      };
      report('read', 0, 1);
      const state = await timed(timings, 'read workbook', () => readWorkbookState(wb));
      signal?.throwIfAborted();
      report('read', 1, 1);
      // Let the pane paint the progress before the engine takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      let stage: Stage | null = null;
      let stageStart = now();
      let writeStart = 0;
      const result = await analyzeWorkbook(wb, {
        state,
        signal,
        engine,
        onProgress: (s, done, total) => {
          if (s !== stage) {
            if (stage) timings.push({ step: stage, ms: Math.round(now() - stageStart) });
            stage = s;
            stageStart = now();
          }
          report(s, done, total);
        },
        onWrite: (p) => {
          if (!writeStart) {
            if (stage) timings.push({ step: stage, ms: Math.round(now() - stageStart) });
            stage = null;
            writeStart = now();
          }
          report('write', p.done, p.total, p.sheet);
        },
      });
      if (stage) timings.push({ step: stage, ms: Math.round(now() - stageStart) });
      if (writeStart) timings.push({ step: 'write sheets', ms: Math.round(now() - writeStart) });
      if (last && last !== result.analysis) engine.discard?.(last);
      last = result.analysis;
      return {
        ...last.summary,
        sheets: result.written,
        at: new Date(),
        timings,
        syncs: syncSummary(wb),
      };
    },

    async readSettings() {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const flat = flatten(state.settings);
      const defaults = flatten(DEFAULT_SETTINGS);
      const text = (f: FlatSettings) => Object.fromEntries(SETTING_FIELDS.map((field) => [field.key, formText(field, f[field.key])]));
      const sheet = state.registry.get('settings') ?? null;
      return { fields: SETTING_FIELDS, values: text(flat), defaults: text(defaults), sheet: sheet && state.grids.has(sheet) ? sheet : null, issues: state.issues.filter((i) => i.source === sheet) };
    },

    async saveSettings(values) {
      const fieldErrors: Record<string, string> = {};
      for (const field of SETTING_FIELDS) {
        const typed = values[field.key];
        if (typed === undefined) continue;
        const parsed = parseSetting(field, typed.trim());
        if ('reason' in parsed) fieldErrors[field.key] = parsed.reason;
      }
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formErrors: [] };
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      // Fields the form did not send keep the workbook's values.
      const read = readSettingsObject(values, 'Settings', state.settings);
      if (read.issues.length > 0) return { ok: false, fieldErrors, formErrors: read.issues.map((i) => i.reason.replace(/: defaults? .* used$/, '')) };
      const names = planNames(new Map(Object.entries(OUTPUT_SHEETS)), state.registry, state.sheets.map((s) => s.name));
      const name = names.get('settings') as string;
      const specs = [settingsSheet(name, read.settings)];
      // First save before any Analyze: the registry must list the settings sheet, or it would be read as a report.
      if (!state.registry.has('settings')) specs.unshift(registrySheet(names, state.lastRun ?? '', state.registryName));
      await wb.writeSheets(specs);
      return { ok: true, sheet: name, settings: read.settings };
    },

    view: () => last?.results ?? null,
    results: () => last?.index ?? null,

    async select(link) {
      const wb = await workbook();
      if (!wb.select) throw new Error('This workbook cannot show rows.');
      await wb.select(link.sheet, link.row, link.columns);
    },

    async saveSnapshot(options = {}) {
      if (!last) throw new NoAnalysisError('Analyze first: Save snapshot keeps the figures of the last analysis, and this session has none yet.');
      const analysis = await last.results.snapshot();
      const wb = await workbook();
      const saved = await saveSnapshot(wb, analysis, { onWrite: options.onWrite, signal: options.signal });
      return { date: saved.date, positions: snapshotPositions(analysis), replaced: saved.replaced > 0, dates: [...saved.dates].reverse() };
    },

    async snapshots() {
      const wb = await workbook();
      const read = await historyDates(wb);
      return { dates: [...read.dates].reverse(), problems: read.problems };
    },

    async compare(from, to) {
      const wb = await workbook();
      const settings = await readSettingsOnly(wb);
      return comparisonView(await compareInWorkbook(wb, from, to, settings), settings);
    },

    async documents(kind) {
      const wb = await workbook();
      const { sheet, grid } = await readDocumentSheet(wb, kind);
      if (!grid) return { sheet, files: [], zip: null, issues: [], missing: true };
      const out = documentFiles(kind, grid, sheet);
      if (out.files.length === 0) return { sheet, files: [], zip: null, issues: out.issues, missing: false };
      // JSZip rides in the report reader's chunk (exceljs brings it there too): one copy.
      const { default: JSZip } = await import(/* webpackChunkName: "report-reader" */ 'jszip');
      const zip = new JSZip();
      // Fixed dates in the archive: the same sheet gives the same bytes.
      for (const f of out.files) zip.file(f.name, f.csv, { date: new Date(Date.UTC(2000, 0, 1)) });
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const day = new Date().toISOString().slice(0, 10);
      return {
        sheet,
        files: out.files.map((f) => ({ name: f.name, rows: f.rows })),
        zip: { name: `Lumive ${kind === 'po' ? 'purchase orders' : 'shipments'} ${day}.zip`, bytes },
        issues: out.issues,
        missing: false,
      };
    },
  };
}

let excel: Session | undefined;
let preview: Session | undefined;

let previewed: MemoryWorkbook | undefined;

/** The browser preview's workbook: the demo reports in memory, as a seller would have pasted them. */
async function previewWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheets(demoInputSpecs());
  previewed = workbook;
  return workbook;
}

/** The browser preview's workbook once the preview opened it (the page's debug view shows it: taskpane/index.ts). */
export function previewBook(): MemoryWorkbook | undefined {
  return previewed;
}

/**
 * The page's session: inside Excel when `host` is "Excel", else the browser preview on the demo data;
 * the engine in its Web Worker when the page gives one.
 * The pane may show the preview before Office answers, so each kind is kept on its own.
 */
export function session(host: string | null | undefined, engine?: PaneEngine): Session {
  if (host === 'Excel') return (excel ??= sessionOver(() => new OfficeWorkbook(), true, engine));
  return (preview ??= sessionOver(previewWorkbook, false, engine));
}

/** Is this the user's Cancel (AbortController.abort)? */
export const isCancel = isAbort;

/** What to tell the user when an operation fails: Excel's and Lumive's own errors are already plain words. */
export function failureText(error: unknown): string {
  if (error instanceof ExcelHostError || error instanceof NothingToAnalyzeError || error instanceof SnapshotNotFoundError || error instanceof NoAnalysisError) return error.message;
  return `Lumive stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}. Your sheets are unchanged; please try again, and report it if it happens again.`;
}

export { CHANNEL_LABEL, KIND_LABEL } from './reports-scan';
export type { ReportInfo } from './reports-scan';
