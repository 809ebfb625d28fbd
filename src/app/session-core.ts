/**
 * What the session's panels share (session.ts assembles them): the workbook and the engine the session
 * runs over, the last analysis, the pane's debug figures (timings, syncs to Excel) and how a failure is
 * told to the user.
 */
import { OUTPUT_SHEETS } from '../engine';
import { ExcelHostError } from '../workbook/office/excel-errors';
import { OfficeWorkbook, type SyncRecord } from '../workbook/office/office-workbook';
import type { WorkbookPort } from '../workbook/port';
import { inProcessEngine, NothingToAnalyzeError, type Engine } from './analyze-workbook';
import { localResults, ResultIndex, summarize, type AnalysisSummary, type Results } from './explorer';
import { SnapshotNotFoundError } from './history';
import type { ReportsFound, ScanInput } from './reports-scan';
import { NoAnalysisError } from './session-history';

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

export const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs `work`, adding how long it took to `timings` as `step`. */
export const timed = async <T>(timings: Timing[], step: string, work: () => Promise<T> | T): Promise<T> => {
  const start = now();
  try {
    return await work();
  } finally {
    timings.push({ step, ms: Math.round(now() - start) });
  }
};

export function syncSummary(port: WorkbookPort): SyncSummary | null {
  if (!(port instanceof OfficeWorkbook)) return null;
  const log: SyncRecord[] = port.takeSyncLog();
  const byPhase: Record<string, number> = {};
  for (const r of log) byPhase[r.phase] = (byPhase[r.phase] ?? 0) + 1;
  return { syncs: log.length, byPhase, largestRequestBytes: Math.max(0, ...log.map((r) => r.requestBytes)) };
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

/** What each panel's operations work on: one per session. */
export interface SessionCore {
  readonly workbook: () => Promise<WorkbookPort>;
  readonly engine: PaneEngine;
  /** The last analysis: the explorer, What-if and Save snapshot ask it. */
  last: PaneAnalysis | null;
}

/** What to tell the user when an operation fails: Excel's and Lumive's own errors are already plain words. */
export function failureText(error: unknown): string {
  if (error instanceof ExcelHostError || error instanceof NothingToAnalyzeError || error instanceof SnapshotNotFoundError || error instanceof NoAnalysisError) return error.message;
  return `Lumive stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}. Your sheets are unchanged; please try again, and report it if it happens again.`;
}
