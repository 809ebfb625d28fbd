/**
 * The add-in's workbook session: how the task pane reaches the workbook. One per page: the shared
 * runtime runs the task pane and the custom functions in one JavaScript context, and one webpack
 * runtime (webpack.config.js, dependOn) gives them one instance of every module, engine included.
 *
 * Inside Excel the port is the Office adapter (the only code that calls Excel.run); outside Office, in
 * the browser preview, an in-memory workbook holding the demo reports, created on first use.
 */
import { demoInputSpecs } from '../engine/demo/sample-workbook';
import type { Stage } from '../engine/analyze';
import { MemoryWorkbook } from '../workbook/memory/memory-workbook';
import { ExcelHostError } from '../workbook/office/excel-errors';
import { OfficeWorkbook } from '../workbook/office/office-workbook';
import type { WorkbookPort } from '../workbook/port';
import { analyzeWorkbook, NothingToAnalyzeError } from './analyze-workbook';

export interface AnalyzeSummary {
  readonly positions: number;
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly issues: number;
  readonly at: Date;
}

export interface Session {
  /** True inside Excel; false in the browser preview. */
  readonly connected: boolean;
  /** Runs Analyze on the workbook; `onProgress` gets a line of text for each step. */
  analyze(onProgress?: (text: string) => void): Promise<AnalyzeSummary>;
}

const STAGE_TEXT: Record<Stage, string> = {
  import: 'Reading reports',
  metrics: 'Computing metrics',
  classes: 'Classifying products',
  recommendations: 'Building recommendations',
  sheets: 'Preparing sheets',
};

/** A session over any port (tests pass the Office adapter over a fake of Excel). */
export function sessionOver(port: () => Promise<WorkbookPort> | WorkbookPort, connected: boolean): Session {
  let opened: Promise<WorkbookPort> | undefined;
  return {
    connected,
    async analyze(onProgress) {
      opened ??= Promise.resolve(port());
      const workbook = await opened;
      onProgress?.('Reading the workbook…');
      const result = await analyzeWorkbook(workbook, {
        onProgress: (stage, done, total) => onProgress?.(`${STAGE_TEXT[stage]}… ${total > 0 ? `${done} of ${total}` : ''}`.trim()),
        onWrite: (p) => onProgress?.(`Writing “${p.sheet}” (${p.done} of ${p.total})…`),
      });
      return { positions: result.analysis.metrics.length, sheets: result.written, issues: result.analysis.issues.length, at: new Date() };
    },
  };
}

let excel: Session | undefined;
let preview: Session | undefined;

/**
 * The page's session: inside Excel when `host` is "Excel", else the browser preview on the demo data.
 * The pane may show the preview before Office answers, so each kind is kept on its own.
 */
export function session(host: string | null | undefined): Session {
  if (host === 'Excel') return (excel ??= sessionOver(() => new OfficeWorkbook(), true));
  return (preview ??= sessionOver(async () => {
    const workbook = new MemoryWorkbook();
    await workbook.writeSheets(demoInputSpecs());
    return workbook;
  }, false));
}

/** What to tell the user when Analyze fails: Excel's and Lumive's own errors are already plain words. */
export function failureText(error: unknown): string {
  if (error instanceof ExcelHostError || error instanceof NothingToAnalyzeError) return error.message;
  return `Analyze stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}. Your sheets are unchanged; please try again, and report it if it happens again.`;
}
