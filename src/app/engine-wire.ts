/**
 * The messages between the task pane and the engine's Web Worker (engine-worker.ts, worker-engine.ts).
 *
 * A message is copied by structured clone, and the copy is made on the thread that sends it and read
 * back on the thread that receives it, in one piece. A 100,000-position job or its sheets in one
 * message would hold the pane's thread for seconds (measured: 2.6 s to read back the sheets of
 * 100,000 positions), so grids and sheet rows travel in blocks of about BLOCK_CELLS cells, each its own
 * message and so its own short task. Everything else (settings, summaries, answers) is small.
 */
import { type RawGrid, type SheetSpec, type SourceGrid, type Stage } from '../engine';
import { rowBlocks } from '../workbook/next-task';
import type { AnalysisJob, NamedGrid } from './engine-job';
import type { AnalysisSummary } from './explorer';
import type { ReportsFound } from './reports-scan';

/** Cells per message: about a millisecond to copy on either side (40,000 left tasks of 75–126 ms at 100,000 positions, with GC). */
export const BLOCK_CELLS = 10_000;

/** The questions the pane asks of the analysis the worker holds (explorer.ts, Results). */
export type Question =
  | { readonly op: 'search'; readonly query: string; readonly limit?: number }
  | { readonly op: 'detail'; readonly masterSku: string }
  | { readonly op: 'positions'; readonly masterSku: string }
  | { readonly op: 'snapshot-column'; readonly column: string };

/** A job whose grids are sent apart: each grid field holds the number of its grid. */
export interface JobShell extends Omit<AnalysisJob, 'inputs' | 'previous' | 'history'> {
  readonly inputs: readonly (Omit<SourceGrid, 'grid'> & { readonly grid: number })[];
  readonly previous: { readonly reorder?: GridRef; readonly rebalance?: GridRef; readonly liquidation?: GridRef; readonly log?: number };
  readonly history: readonly GridRef[];
}

interface GridRef {
  readonly name: string;
  readonly grid: number;
}

export type ToWorker =
  | { readonly t: 'job'; readonly shell: JobShell; readonly grids: readonly number[] }
  | { readonly t: 'rows'; readonly grid: number; readonly rows: RawGrid }
  | { readonly t: 'run' }
  /** The Reports panel's scan of the job's inputs instead of an analysis (reports-scan.ts). */
  | { readonly t: 'scan' }
  | { readonly t: 'ask'; readonly id: number; readonly question: Question };

export type FromWorker =
  | { readonly t: 'progress'; readonly stage: Stage; readonly done: number; readonly total: number }
  | { readonly t: 'spec'; readonly spec: SheetSpec }
  | { readonly t: 'rows'; readonly rows: SheetSpec['rows'] }
  | { readonly t: 'done'; readonly outcome: RunOutcome }
  | { readonly t: 'scanned'; readonly found: ReportsFound }
  | { readonly t: 'failed'; readonly name: string; readonly message: string }
  | { readonly t: 'answer'; readonly id: number; readonly value?: unknown; readonly error?: string };

/** What the worker reports when a run is done (the specs went before it, in blocks). */
export interface RunOutcome {
  readonly summary: AnalysisSummary;
  readonly sources: readonly { readonly source: string; readonly kind: string | null; readonly label: string | null }[];
  readonly settings: AnalysisJob['settings'];
  readonly snapshotDate: string;
}

/** A job as a shell and its grids, in the order they are numbered. */
export function packJob(job: AnalysisJob): { shell: JobShell; grids: RawGrid[] } {
  const grids: RawGrid[] = [];
  const add = (grid: RawGrid) => grids.push(grid) - 1;
  const ref = (g: NamedGrid | undefined) => (g ? { name: g.name, grid: add(g.grid) } : undefined);
  const shell: JobShell = {
    ...job,
    inputs: job.inputs.map((s) => ({ ...s, grid: add(s.grid) })),
    previous: {
      reorder: ref(job.previous.reorder),
      rebalance: ref(job.previous.rebalance),
      liquidation: ref(job.previous.liquidation),
      log: job.previous.log ? add(job.previous.log) : undefined,
    },
    history: job.history.map((h) => ({ name: h.name, grid: add(h.grid) })),
  };
  return { shell, grids };
}

/** The job again, from its shell and its grids (as numbered by packJob). */
export function unpackJob(shell: JobShell, grids: readonly RawGrid[]): AnalysisJob {
  const grid = (n: number) => grids[n] ?? [];
  const named = (g: GridRef | undefined) => (g ? { name: g.name, grid: grid(g.grid) } : undefined);
  return {
    ...shell,
    inputs: shell.inputs.map((s) => ({ ...s, grid: grid(s.grid) })),
    previous: {
      reorder: named(shell.previous.reorder),
      rebalance: named(shell.previous.rebalance),
      liquidation: named(shell.previous.liquidation),
      log: shell.previous.log === undefined ? undefined : grid(shell.previous.log),
    },
    history: shell.history.map((h) => ({ name: h.name, grid: grid(h.grid) })),
  };
}

/** Rows of a grid in blocks of about BLOCK_CELLS cells (at least one row each). */
export function* blocks<T extends readonly unknown[]>(rows: readonly T[], cells = BLOCK_CELLS): Generator<T[]> {
  for (const [start, end] of rowBlocks(rows, cells)) yield rows.slice(start, end);
}

/** Rows a grid is received into, block by block. */
export function appendRows<T>(into: T[], rows: readonly T[]): void {
  for (const row of rows) into.push(row);
}
