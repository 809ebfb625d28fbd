/**
 * The engine's side of the task pane's Web Worker: receives a job in blocks (engine-wire.ts), runs it
 * (engine-job.ts), sends progress as it goes, then the sheets in blocks and a small summary, and keeps
 * the analysis to answer the SKU explorer, the What-if tab and Save snapshot. Or, for the Reports
 * panel, scans the job's inputs (reports-scan.ts) and answers with what it found. The worker holds one
 * analysis: the pane starts a new worker for each Analyze (worker-engine.ts), so a cancelled run
 * leaves the previous analysis where it was.
 *
 * No DOM and no Office here: `scope` is the worker's global (self) or, in tests, a stand-in.
 */
import { HistoryTable, OUTPUT_SHEETS, type RawGrid, type SheetSpec } from '../engine';
import { runJob } from './engine-job';
import { appendRows, blocks, unpackJob, type FromWorker, type JobShell, type Question, type ToWorker } from './engine-wire';
import { ResultIndex, summarize } from './explorer';
import { scanReports } from './reports-scan';

export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

/** The snapshot's columns (HistoryTable's arrays), asked for one at a time. */
export const SNAPSHOT_COLUMNS: readonly string[] = Object.keys(new HistoryTable());

function sendSpecs(scope: WorkerScope, specs: readonly SheetSpec[]): void {
  for (const spec of specs) {
    scope.postMessage({ t: 'spec', spec: { ...spec, rows: [] } });
    for (const rows of blocks(spec.rows)) scope.postMessage({ t: 'rows', rows });
  }
}

export function serveEngine(scope: WorkerScope): void {
  const failed = (error: unknown) => scope.postMessage({ t: 'failed', name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) });
  let shell: JobShell | null = null;
  let grids: unknown[][] = [];
  let index: ResultIndex | null = null;

  const answer = (question: Question): unknown => {
    if (!index) throw new Error('No analysis in this worker yet');
    switch (question.op) {
      case 'search':
        return index.search(question.query, question.limit);
      case 'detail':
        return index.detail(question.masterSku);
      case 'positions':
        return index.positions(question.masterSku);
      case 'snapshot-column':
        return (index.analysis.snapshot as unknown as Record<string, unknown>)[question.column];
    }
  };

  scope.onmessage = ({ data }) => {
    switch (data.t) {
      case 'job':
        shell = data.shell;
        grids = data.grids.map(() => []);
        return;
      case 'rows':
        appendRows(grids[data.grid], data.rows);
        return;
      case 'run': {
        if (!shell) return failed(new Error('No job was sent before run'));
        try {
          const job = unpackJob(shell, grids as unknown as RawGrid[]);
          shell = null;
          grids = [];
          const { analysis } = runJob(job, (stage, done, total) => scope.postMessage({ t: 'progress', stage, done, total }));
          index = new ResultIndex(analysis, job.names.urgent ?? OUTPUT_SHEETS.urgent);
          sendSpecs(scope, analysis.specs);
          scope.postMessage({
            t: 'done',
            outcome: {
              summary: summarize(index),
              sources: analysis.sources.map((s) => ({ source: s.source, kind: s.kind, label: s.label })),
              settings: analysis.settings,
              snapshotDate: analysis.snapshotDate,
            },
          });
        } catch (error) {
          failed(error);
        }
        return;
      }
      case 'scan': {
        if (!shell) return failed(new Error('No job was sent before scan'));
        const job = unpackJob(shell, grids as unknown as RawGrid[]);
        shell = null;
        grids = [];
        scanReports({ inputs: job.inputs, assignments: job.assignments, periodDays: job.settings.periodDays }).then(
          (found) => scope.postMessage({ t: 'scanned', found }),
          failed,
        );
        return;
      }
      case 'ask':
        try {
          scope.postMessage({ t: 'answer', id: data.id, value: answer(data.question) });
        } catch (error) {
          scope.postMessage({ t: 'answer', id: data.id, error: (error as Error)?.message ?? String(error) });
        }
        return;
    }
  };
}
