/**
 * Office adapter benchmark (docs/ARCHITECTURE.md, "Performance budgets": the whole Analyze on a 100,000-row
 * workbook reads in 1–2 syncs, sends no request over 4 MB, and takes at most 2 + output bytes / 4 MB
 * syncs plus a small constant for formatting, charts and state).
 *
 * The synthetic seller workbook of analysis.ts is loaded into the recording fake of the Excel API
 * (test/helpers/fake-excel.ts) as a seller's workbook holds it: the grids are the fake's initial sheets,
 * written with Excel's typed-input parsing (numeric text becomes numbers, as in Excel). Then
 * analyzeWorkbook runs through OfficeWorkbook twice on the same fake and the same adapter: a first run
 * (no Lumive sheets yet) and a re-analysis replacing the outputs (the adapter remembers from the first
 * run whether the workbook is too large to read in one response). Sync counts and sizes are the fake's
 * measurements; the adapter's sync log names the phase of each sync (one log entry per context.sync).
 *
 * Each size runs in its own process (`node --expose-gc --import tsx office.ts <positions>`) and prints
 * its figures as JSON; run.ts prints them against the budgets.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import type { SourceGrid } from '../../src/engine/ingest/types';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { OfficeWorkbook, type SyncPhase } from '../../src/workbook/office/office-workbook';
import type { SheetInfo, SheetValues, WorkbookPort, WriteProgress } from '../../src/workbook/port';
import { FakeExcel } from '../helpers/fake-excel';
import { SEED, syntheticWorkbook } from './analysis';

/** The synthetic workbook's "as of" date (analysis.ts): its sales fall in the 30 days before. */
const AS_OF = new Date(Date.UTC(2026, 10, 1));
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export const READ_PHASES: readonly SyncPhase[] = ['list', 'read', 'size'];
export const WRITE_PHASES: readonly SyncPhase[] = ['prepare', 'values', 'formats', 'swap', 'cleanup'];

export type PortMethod = 'listSheets' | 'readSheets' | 'writeSheets';

/** One context.sync: its phase (the adapter's log) and sizes (the fake's measurements). */
export interface SyncFigure {
  /** Index in OfficeRunFigures.calls of the port call it belongs to. */
  call: number;
  phase: SyncPhase;
  ok: boolean;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  /** The adapter's estimate of the request. */
  estimatedBytes: number;
}

/** One call analyzeWorkbook made on the port, in order. */
export interface CallFigure {
  method: PortMethod;
  /** Sheets named (readSheets) or written (writeSheets). */
  sheets: number;
  /** Start, from the start of analyzeWorkbook, and duration. */
  atMs: number;
  ms: number;
}

export interface OfficeRunFigures {
  label: string;
  calls: CallFigure[];
  syncs: SyncFigure[];
  /** analyzeWorkbook wall time, and analyze() in it from its first progress report to the last sheet spec (each time it ran). */
  wallMs: number;
  analyzeMs: number;
  analyzeRuns: number;
  /** Formulas in the workbook after the run, besides those in the inputs before any run. */
  formulasWritten: number;
  positions: number;
  rowsWritten: number;
  sheetsBefore: number;
  sheetsAfter: number;
}

export interface OfficeFigures {
  name: string;
  generator: string;
  positions: number;
  inputSheets: number;
  inputRows: number;
  inputCells: number;
  /** JSON size of the input sheets' used ranges as the fake returns them. */
  inputBytes: number;
  loadMs: number;
  formulasInInputs: number;
  runs: OfficeRunFigures[];
  peakRssMb: number;
  heapLimitMb: number;
  execArgv: string[];
}

/** Cells as a seller's workbook holds them: dates as ISO text, missing cells blank (demoInputSpecs does the same). */
const asCells = (grid: SourceGrid['grid']) => grid.map((row) => row.map((c) => (c === undefined ? null : c instanceof Date ? c.toISOString() : c)));

function loadWorkbook(positions: number): { excel: FakeExcel; inputRows: number; inputSheets: number; loadMs: number } {
  const wb = syntheticWorkbook(positions);
  const t0 = performance.now();
  const excel = new FakeExcel(wb.sources.map((s) => ({ name: s.source, rows: asCells(s.grid) })));
  return { excel, inputRows: wb.rows, inputSheets: wb.sources.length, loadMs: performance.now() - t0 };
}

/** The adapter seen through its port: each call timed, and which of the fake's syncs it made. */
class TimedPort implements WorkbookPort {
  readonly calls: (CallFigure & { firstSync: number; endSync: number })[] = [];

  /** When analyzeWorkbook started: the port is made just before. */
  readonly started = performance.now();

  constructor(
    private readonly inner: OfficeWorkbook,
    private readonly excel: FakeExcel,
  ) {}

  private async timed<T>(method: PortMethod, sheets: number, work: () => Promise<T>): Promise<T> {
    const firstSync = this.excel.syncCount;
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.calls.push({ method, sheets, atMs: t0 - this.started, ms: performance.now() - t0, firstSync, endSync: this.excel.syncCount });
    }
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.timed('listSheets', 0, () => this.inner.listSheets());
  }

  readSheets(names: readonly string[]): Promise<Map<string, SheetValues>> {
    return this.timed('readSheets', names.length, () => this.inner.readSheets(names));
  }

  writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void): Promise<void> {
    return this.timed('writeSheets', specs.length, () => this.inner.writeSheets(specs, onProgress));
  }
}

/** One analyzeWorkbook through the adapter: every sync with its phase (the adapter's log zipped with the fake's measurements). */
async function measuredRun(label: string, excel: FakeExcel, adapter: OfficeWorkbook, formulasBefore: number): Promise<OfficeRunFigures> {
  excel.resetStats();
  adapter.takeSyncLog();
  const sheetsBefore = excel.sheets.length;
  const port = new TimedPort(adapter, excel);
  // analyze() runs again when the approval sheets changed between the read and the write: each run counted.
  let analyzeStart = 0;
  let analyzeMs = 0;
  let analyzeRuns = 0;
  const t0 = port.started;
  const result = await analyzeWorkbook(port, {
    now: AS_OF,
    onProgress: (stage, done, total) => {
      const t = performance.now();
      if (stage === 'import' && done === 0) analyzeStart = t;
      if (stage === 'sheets' && done === total) {
        analyzeMs += t - analyzeStart;
        analyzeRuns++;
      }
    },
  });
  const wallMs = performance.now() - t0;

  const log = adapter.takeSyncLog();
  if (log.length !== excel.syncs.length) throw new Error(`the adapter logged ${log.length} syncs but the fake counted ${excel.syncs.length}`);
  const callOf = (i: number) => port.calls.findIndex((c) => i >= c.firstSync && i < c.endSync);
  return {
    label,
    calls: port.calls.map(({ method, sheets, atMs, ms }) => ({ method, sheets, atMs, ms })),
    syncs: excel.syncs.map((s, i) => ({
      call: callOf(i),
      phase: log[i].phase,
      ok: s.ok,
      operations: s.operations,
      requestBytes: s.requestBytes,
      responseBytes: s.responseBytes,
      estimatedBytes: log[i].requestBytes,
    })),
    wallMs,
    analyzeMs,
    analyzeRuns,
    formulasWritten: excel.formulas().length - formulasBefore,
    positions: result.analysis.metrics.length,
    rowsWritten: result.written.reduce((n, w) => n + w.rows, 0),
    sheetsBefore,
    sheetsAfter: excel.sheets.length,
  };
}

/** The whole Analyze inside Excel on a `positions`-position workbook: a first run, then a re-analysis. */
export async function officeScenario(positions: number): Promise<OfficeFigures> {
  const { excel, inputRows, inputSheets, loadMs } = loadWorkbook(positions);
  gc();
  let inputBytes = 0;
  let inputCells = 0;
  for (const sheet of excel.sheets) {
    const used = sheet.usedRange();
    if (!used) continue;
    inputBytes += JSON.stringify(sheet.read(used)).length;
    inputCells += used.rows * used.columns;
  }
  const formulasInInputs = excel.formulas().length;
  const adapter = new OfficeWorkbook({ run: excel.run });
  const runs: OfficeRunFigures[] = [];
  runs.push(await measuredRun('first run (no Lumive sheets yet)', excel, adapter, formulasInInputs));
  gc();
  runs.push(await measuredRun('second run (re-analysis replacing the outputs)', excel, adapter, formulasInInputs));
  return {
    name: `Analyze in Excel, ${positions.toLocaleString('en')} positions (OfficeWorkbook over the fake Excel API)`,
    generator: `synthetic (test/bench/analysis.ts, seed ${SEED})`,
    positions,
    inputSheets,
    inputRows,
    inputCells,
    inputBytes,
    loadMs,
    formulasInInputs,
    runs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapLimitMb: getHeapStatistics().heap_size_limit / MB,
    execArgv: process.execArgv.filter((a) => a.startsWith('--max-old-space-size')),
  };
}

if (require.main === module) {
  const positions = Number(process.argv[2]);
  if (!Number.isInteger(positions) || positions < 1) {
    process.stderr.write(`usage: office.ts <positions>, e.g. office.ts 100000 (got ${process.argv[2]})\n`);
    process.exitCode = 2;
  } else {
    officeScenario(positions).then(
      (f) => process.stdout.write(JSON.stringify(f)),
      (e) => {
        process.stderr.write(String(e?.stack ?? e));
        process.exitCode = 1;
      },
    );
  }
}
