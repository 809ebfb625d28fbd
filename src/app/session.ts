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
import { demoInputSpecs } from '../demo/sample-workbook';
import { MemoryWorkbook } from '../workbook/memory/memory-workbook';
import { isAbort } from '../workbook/office/excel-errors';
import { OfficeWorkbook } from '../workbook/office/office-workbook';
import type { WorkbookPort } from '../workbook/port';
import type { ResultIndex, Results, SheetLink } from './explorer';
import { analyzeOperations, type AnalyzeOperations } from './session-analyze';
import { inProcessPaneEngine, type PaneEngine, type SessionCore } from './session-core';
import { historyOperations, type HistoryOperations } from './session-history';
import { reportsOperations, type ReportsOperations } from './session-reports';
import { settingsOperations, type SettingsOperations } from './session-settings';

/** Every operation the task pane offers: each panel's (session-reports.ts, session-analyze.ts, session-settings.ts, session-history.ts) and the explorer's. */
export interface Session extends ReportsOperations, AnalyzeOperations, SettingsOperations, HistoryOperations {
  /** True inside Excel; false in the browser preview. */
  readonly connected: boolean;
  /** The last analysis of this session, for the SKU explorer, What-if and Save snapshot (null before the first). */
  view(): Results | null;
  /** The last analysis itself when it ran in this thread (the tests' engine); null when it is in the worker. */
  results(): ResultIndex | null;
  /** Shows a result row in the workbook. */
  select(link: SheetLink): Promise<void>;
}

/**
 * A session over any port (tests pass the Office adapter over a fake of Excel) and an engine: in this
 * thread by default, the Web Worker in the task pane (taskpane/index.ts).
 */
export function sessionOver(port: () => Promise<WorkbookPort> | WorkbookPort, connected: boolean, engine: PaneEngine = inProcessPaneEngine): Session {
  let opened: Promise<WorkbookPort> | undefined;
  const workbook = () => (opened ??= Promise.resolve(port()));
  const core: SessionCore = { workbook, engine, last: null };

  return {
    connected,
    ...reportsOperations(core),
    ...analyzeOperations(core),
    ...settingsOperations(core),

    view: () => core.last?.results ?? null,
    results: () => core.last?.index ?? null,

    async select(link) {
      const wb = await workbook();
      if (!wb.select) throw new Error('This workbook cannot show rows.');
      await wb.select(link.sheet, link.row, link.columns);
    },

    ...historyOperations(core),
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

export { comparisonView, CHANGES_SHOWN, NoAnalysisError } from './session-history';
export type { ChangeRow, FromTo, SnapshotComparison, SnapshotList, SnapshotSaved } from './session-history';
export type { AnalyzeProgress, AnalyzeResult, AnalyzeStep, DocumentsDownload } from './session-analyze';
export { failureText, inProcessPaneEngine } from './session-core';
export type { PaneAnalysis, PaneEngine, SyncSummary, Timing } from './session-core';
export { sheetNameFor } from './session-reports';
export type { ImportedFile, MappingResult, ReportsScan } from './session-reports';
export type { SaveSettingsResult, SettingsForm } from './session-settings';
export { CHANNEL_LABEL, KIND_LABEL } from './reports-scan';
export type { ReportInfo } from './reports-scan';
