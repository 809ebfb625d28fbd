/**
 * The Analyze panel's operations: Analyze itself, with its progress and timings, and the Purchase
 * Orders and Shipments sheets as CSV files to download.
 */
import { documentFiles, type DocumentKind, type Stage } from '../engine';
import { analyzeWorkbook, readWorkbookState } from './analyze-workbook';
import { readDocumentSheet } from './documents';
import type { AnalysisSummary } from './explorer';
import { now, syncSummary, timed, type SessionCore, type SyncSummary, type Timing } from './session-core';

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

export interface AnalyzeOperations {
  analyze(options?: { onProgress?: (p: AnalyzeProgress) => void; signal?: AbortSignal }): Promise<AnalyzeResult>;
  /**
   * The Purchase Orders or Shipments sheet as the last Analyze wrote it, one CSV per PO or route
   * (engine/sheets/documents.ts), in a .zip to download; none when the sheet has no lines.
   */
  documents(kind: DocumentKind): Promise<DocumentsDownload>;
}

export function analyzeOperations(core: SessionCore): AnalyzeOperations {
  const { workbook, engine } = core;
  return {
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
      if (core.last && core.last !== result.analysis) engine.discard?.(core.last);
      core.last = result.analysis;
      return {
        ...core.last.summary,
        sheets: result.written,
        at: new Date(),
        timings,
        syncs: syncSummary(wb),
      };
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
