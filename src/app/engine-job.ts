/**
 * One analysis as plain data: everything the engine needs from a workbook, read by the port on the
 * main thread, and run by the engine wherever it lives (in the same thread for the command and the
 * tests, in a Web Worker for the task pane: engine-worker.ts). Nothing here holds a class instance or a
 * function, so a job crosses to a worker by structured clone, in blocks (engine-wire.ts).
 */
import { analyze, readHistory, type Analysis, type HistoryRead, type ImportIssue, type OutputId, type Progress, type RawGrid, type Settings, type SourceAssignment, type SourceGrid } from '../engine';

export interface NamedGrid {
  readonly name: string;
  readonly grid: RawGrid;
}

export interface AnalysisJob {
  readonly inputs: readonly SourceGrid[];
  readonly settings: Settings;
  readonly assignments: Readonly<Record<string, SourceAssignment>>;
  readonly decimalComma?: boolean;
  /** Sheet id → the name it is written under (the registry's plan). */
  readonly names: Readonly<Partial<Record<OutputId, string>>>;
  /** The previous approval sheets and the log (approvals carried forward). */
  readonly previous: {
    readonly reorder?: NamedGrid;
    readonly rebalance?: NamedGrid;
    readonly liquidation?: NamedGrid;
    readonly log?: RawGrid;
  };
  /** Problems found before the analysis (settings sheet, registry, report choices). */
  readonly issues: readonly ImportIssue[];
  /** The registered history sheets, in part order. */
  readonly history: readonly NamedGrid[];
  /** The Lumive Events sheet as the last run left it (and the seller edited it); none before the first run. */
  readonly events?: NamedGrid;
  readonly savingSnapshot?: boolean;
  readonly now?: Date;
}

export interface JobResult {
  readonly analysis: Analysis;
  /** The saved history as read for this job (a snapshot save plans against it). */
  readonly history: HistoryRead;
}

/** Runs a job: reads the saved history (its problems go to Data Issues), then the engine's analyze. */
export function runJob(job: AnalysisJob, onProgress?: Progress): JobResult {
  const history = readHistory(job.history);
  const analysis = analyze(job.inputs, {
    settings: job.settings,
    assignments: job.assignments,
    decimalComma: job.decimalComma,
    names: job.names,
    previous: {
      sheets: { reorder: job.previous.reorder, rebalance: job.previous.rebalance, liquidation: job.previous.liquidation },
      log: job.previous.log,
    },
    issues: [...job.issues, ...history.issues],
    history: history.table,
    events: job.events,
    savingSnapshot: job.savingSnapshot,
    now: job.now,
    onProgress,
  });
  return { analysis, history };
}
