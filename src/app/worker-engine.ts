/**
 * The task pane's side of the engine's Web Worker (engine-worker.ts): an Engine for analyzeWorkbook
 * whose analysis runs off the pane's thread. Reading the workbook and writing it stay here, with the
 * port (in Excel the Office adapter); the job goes to the worker in blocks, one short task each, and
 * the sheets come back the same way (engine-wire.ts).
 *
 * Each run gets a new worker. Cancel terminates it at once, whatever it is doing, and the worker that
 * holds the previous analysis is left alone, so the explorer keeps working on it. A finished run's
 * worker stays to answer the explorer, What-if and Save snapshot until the next analysis replaces it
 * (the session discards the old one).
 */
import { DEFAULT_SETTINGS, HistoryTable, type Progress, type SheetSpec } from '../engine';
import type { Engine } from './analyze-workbook';
import type { AnalysisJob } from './engine-job';
import { blocks, packJob, type FromWorker, type Question, type RunOutcome, type ToWorker } from './engine-wire';
import { SNAPSHOT_COLUMNS } from './engine-worker';
import type { AnalysisSummary, Results } from './explorer';
import type { ReportsFound, ScanInput } from './reports-scan';
import { nextTask } from '../workbook/next-task';

/** What the pane needs of a Worker (a real one in the browser, a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

/** An analysis held by a worker: its summary now, the rest on request. */
export interface RemoteAnalysis {
  readonly summary: AnalysisSummary;
  readonly results: Results;
  /** Stops the worker that holds it (the next analysis replaced it); questions still asked are refused. */
  dispose(): void;
}

/** The worker could not start or died (a host that refuses workers, out of memory). */
export class EngineWorkerError extends Error {}

/** The analysis a worker holds, asked question by question; `close` stops the worker and answers what is still asked. */
function remoteResults(worker: WorkerLike, outcome: RunOutcome, listen: (handler: (m: FromWorker) => void) => void): { results: Results; close: () => void } {
  let next = 0;
  let closed = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const replaced = () => new Error('This analysis was replaced by a newer one: ask again.');
  listen((m) => {
    if (m.t !== 'answer') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  const ask = <T>(question: Question): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(replaced());
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ t: 'ask', id, question });
    });
  const close = () => {
    closed = true;
    worker.terminate();
    for (const p of pending.values()) p.reject(replaced());
    pending.clear();
  };
  const results: Results = {
    settings: outcome.settings,
    search: (query, limit) => ask({ op: 'search', query, limit }),
    detail: (masterSku) => ask({ op: 'detail', masterSku }),
    positions: (masterSku) => ask({ op: 'positions', masterSku }),
    // Column by column: a snapshot of 100,000 positions in one message takes ~0.2 s to read back.
    async snapshot() {
      const table = new HistoryTable();
      for (const column of SNAPSHOT_COLUMNS) (table as unknown as Record<string, unknown>)[column] = await ask({ op: 'snapshot-column', column });
      return { snapshot: table, snapshotDate: outcome.snapshotDate };
    },
  };
  return { results, close };
}

/** Sends a job a block at a time, each block its own task on this thread, then what to do with it. */
async function sendJob(worker: WorkerLike, job: AnalysisJob, then: 'run' | 'scan', stopped: () => boolean): Promise<void> {
  const { shell, grids } = packJob(job);
  worker.postMessage({ t: 'job', shell, grids: grids.map((_, i) => i) });
  for (const [n, grid] of grids.entries()) {
    for (const rows of blocks(grid)) {
      if (stopped()) return;
      worker.postMessage({ t: 'rows', grid: n, rows });
      await nextTask();
    }
  }
  if (!stopped()) worker.postMessage({ t: then });
}

/** The engine in a worker: each analysis in a worker of its own, each Reports scan in a worker stopped after it. */
export function workerEngine(create: () => WorkerLike): Engine<RemoteAnalysis> & { scan(input: ScanInput): Promise<ReportsFound> } {
  return {
    run(job, onProgress: Progress | undefined, signal) {
      signal?.throwIfAborted();
      const worker = create();
      const listeners: ((m: FromWorker) => void)[] = [];
      const specs: { -readonly [K in keyof SheetSpec]: SheetSpec[K] }[] = [];
      return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          worker.terminate();
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        };
        const onAbort = () => fail(signal?.reason ?? new DOMException('Analyze was cancelled', 'AbortError'));
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.onerror = (event) => {
          event.preventDefault?.();
          fail(new EngineWorkerError(`The analysis could not run in the background${event.message ? ` (${event.message})` : ''}. Reload the add-in and try again.`));
        };
        worker.onmessage = ({ data: m }) => {
          if (settled) {
            for (const l of listeners) l(m);
            return;
          }
          switch (m.t) {
            case 'progress':
              onProgress?.(m.stage, m.done, m.total);
              return;
            case 'spec':
              specs.push({ ...m.spec, rows: [] });
              return;
            case 'rows': {
              const rows = specs[specs.length - 1].rows as unknown[];
              for (const row of m.rows) rows.push(row);
              return;
            }
            case 'failed': {
              const error = new Error(m.message);
              error.name = m.name;
              return fail(error);
            }
            case 'done': {
              settled = true;
              signal?.removeEventListener('abort', onAbort);
              const { results, close } = remoteResults(worker, m.outcome, (l) => listeners.push(l));
              resolve({
                result: { summary: m.outcome.summary, results, dispose: close },
                positions: m.outcome.summary.positions,
                sources: m.outcome.sources,
                specs,
              });
              return;
            }
          }
        };
        sendJob(worker, job, 'run', () => settled).catch(fail);
      });
    },
    scan(input) {
      const worker = create();
      return new Promise<ReportsFound>((resolve, reject) => {
        let settled = false;
        const end = (done: () => void) => {
          if (settled) return;
          settled = true;
          worker.terminate();
          done();
        };
        worker.onerror = (event) => {
          event.preventDefault?.();
          end(() => reject(new EngineWorkerError(`The reports could not be read in the background${event.message ? ` (${event.message})` : ''}. Reload the add-in and try again.`)));
        };
        worker.onmessage = ({ data: m }) => {
          if (m.t === 'scanned') end(() => resolve(m.found));
          else if (m.t === 'failed') end(() => reject(Object.assign(new Error(m.message), { name: m.name })));
        };
        const job: AnalysisJob = { inputs: input.inputs, assignments: input.assignments, settings: { ...DEFAULT_SETTINGS, periodDays: input.periodDays }, names: {}, previous: {}, issues: [], history: [] };
        sendJob(worker, job, 'scan', () => settled).catch((error: unknown) => end(() => reject(error)));
      });
    },
    discard(result) {
      result.dispose();
    },
  };
}
