/**
 * `npm run bench`: performance figures printed against the budgets of docs/ARCHITECTURE.md. Timings are
 * the median of several runs after a warm-up; machines here are shared and noisy, so nothing asserts on
 * time (tests never do): the figures are for people to read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { CLI_POSITIONS, type AnalysisFigures, type CliFigures, type ScenarioName } from './analysis';
import { HISTORY_PERIODS, HISTORY_POSITIONS, HISTORY_SCENARIOS, type HistoryFigures } from './history';
import type { IngestFigures } from './ingest';
import { READ_PHASES, WRITE_PHASES, type OfficeFigures, type OfficeRunFigures, type SyncFigure } from './office';
import type { PaneFigures } from './pane';
import { CHROMIUM } from '../browser/pane-build';
import * as fns from '../../src/functions/functions';
import { inputBytes, peerFiles, raceCommand, raceEngine, racePandas, racePandasProcess, raceUnavailable, type EngineFigures, type PandasFigures } from './race';

interface Row {
  name: string;
  ms: number;
  budgetMs?: number;
  note?: string;
}

/** Excel's custom-function runtime provides CustomFunctions; outside Excel a minimal stand-in. */
function installCustomFunctions(): void {
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: () => unknown): number {
  f(); // warm-up: JIT
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const column = (n: number, f: (i: number) => unknown): unknown[][] => Array.from({ length: n }, (_, i) => [f(i)]);

export function functionBenchmarks(n = 100_000): Row[] {
  installCustomFunctions();
  const stock = column(n, (i) => (i * 37) % 500);
  const velocity = column(n, (i) => (i % 11) * 0.5);
  const demand = column(n, (i) => 1 + (i % 20));
  const sd = column(n, (i) => 0.5 + (i % 7));
  const lead = column(n, (i) => 10 + (i % 30));
  const leadSd = column(n, (i) => i % 5);
  const rows: Row[] = [];

  rows.push({
    name: `DOI range call, ${n.toLocaleString('en')} rows`,
    ms: time(9, () => fns.doi(stock, velocity)),
    budgetMs: 50,
  });
  rows.push({
    name: `SAFETYSTOCKSL range call, ${n.toLocaleString('en')} rows`,
    ms: time(9, () => fns.safetyStockSl([[0.95]], demand, sd, lead, leadSd)),
    budgetMs: 50,
  });
  // Excel passes each single-cell argument as a 1×1 matrix: prepared up front, as Excel does.
  const scalars = stock.map((r, i) => [[r], [velocity[i]]]);
  const scalarMs = time(5, () => {
    for (let i = 0; i < n; i++) {
      try {
        fns.doi(scalars[i][0], scalars[i][1]);
      } catch {
        // "No sales" cells throw, as Excel needs for a single-cell error
      }
    }
  });
  rows.push({
    name: `DOI scalar calls, ${n.toLocaleString('en')} calls`,
    ms: scalarMs,
    note: `${((scalarMs * 1000) / n).toFixed(2)} µs per call`,
  });
  const revenue = column(n, (i) => ((i * 7919) % 10_000) + 1);
  rows.push({
    name: `ABC over ${n.toLocaleString('en')} items`,
    ms: time(5, () => fns.abc(revenue, null as never, null as never)),
  });
  return rows;
}

function print(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const budget = r.budgetMs === undefined ? '' : `  budget ${r.budgetMs} ms  ${r.ms <= r.budgetMs ? 'within budget' : 'OVER BUDGET'}`;
    console.log(`  ${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(8)} ms${budget}${r.note ? `  (${r.note})` : ''}`);
  }
}

/** Runs one import scenario in a child process (its own peak memory) and prints its figures. */
function ingestBenchmark(name: 'myi' | 'noon'): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${__dirname}/ingest.ts`, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.log(`  ${name}: failed\n${run.stderr}`);
    process.exitCode = 1;
    return;
  }
  const f = JSON.parse(run.stdout) as IngestFigures;
  console.log(
    `  ${f.name.padEnd(36)} ${f.megabytes.toFixed(1).padStart(6)} MB  read ${f.readMs.toFixed(0).padStart(6)} ms  ` +
      `detect + parse + join ${f.importMs.toFixed(0).padStart(6)} ms  ${f.positions.toLocaleString('en')} positions  peak memory ${f.peakRssMb.toFixed(0)} MB`,
  );
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

interface ChildRun<T> {
  figures: T | null;
  stderr: string;
  status: number | null;
  signal: string | null;
  wallMs: number;
}

/** Runs one bench script (`node --expose-gc --import tsx <script> <arg>`) in a child process; figures null when it failed. */
function benchChild<T>(script: string, arg: string, nodeArgs: readonly string[] = []): ChildRun<T> {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', ...nodeArgs, '--import', 'tsx', `${__dirname}/${script}`, arg], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const wallMs = performance.now() - t0;
  const figures = run.status === 0 ? (JSON.parse(run.stdout) as T) : null;
  return { figures, stderr: run.stderr, status: run.status, signal: run.signal, wallMs };
}

/** Runs one analysis scenario in a child process; null (and a printed reason) when it failed. */
function analysisChild<T>(name: ScenarioName, nodeArgs: readonly string[] = []): ChildRun<T> {
  return benchChild<T>('analysis.ts', name, nodeArgs);
}

function printAnalysis(f: AnalysisFigures, budgetMs: number | null): void {
  const spread = f.runs.length > 1 ? `, runs ${f.runs.map((r) => r.toFixed(0)).join(' / ')} ms (spread ${(Math.max(...f.runs) - Math.min(...f.runs)).toFixed(0)} ms)` : '';
  const warm = f.warmups.length > 0 ? `; first (cold) run ${ms(f.warmups[0])}` : '';
  const verdict = budgetMs === null ? '' : `  budget ${budgetMs} ms  ${f.medianMs <= budgetMs ? 'within budget' : `OVER BUDGET (×${(f.medianMs / budgetMs).toFixed(1)})`}`;
  console.log(`  ${f.name}`);
  console.log(`    ${f.runs.length > 1 ? 'median' : 'time'} ${ms(f.medianMs)}${spread}${warm}${verdict}`);
  console.log(`    stages: ${Object.entries(f.stages).map(([k, v]) => `${k} ${ms(v as number)}`).join(', ')}`);
  console.log(`    input: ${f.generator}, ${f.masterSkus.toLocaleString('en')} Master SKUs, ${f.inputRows.toLocaleString('en')} rows in 11 sheets, generated in ${ms(f.generateMs)} (not timed)`);
  console.log(`    positions ${f.positions.toLocaleString('en')}; output rows: ${Object.entries(f.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  console.log(
    `    memory: inputs ${mb(f.inputHeapMb)} heap; during analysis peak heap used ${mb(f.peakHeapMb)}, peak RSS ${mb(f.peakSampledRssMb)} (sampled at each progress report); ` +
      `process peak RSS ${mb(f.peakRssMb)}; heap limit ${mb(f.heapLimitMb)}${f.execArgv.length ? ` (${f.execArgv.join(' ')})` : ' (default)'}`,
  );
}

/** Scenario 1: 100,000 positions, warm-up then median of 3, against the 1 s budget. */
function analysis100k(): void {
  const r = analysisChild<AnalysisFigures>('analysis-100k');
  if (!r.figures) {
    console.log(`  analysis 100,000 positions: failed (exit ${r.status ?? r.signal})\n${r.stderr}`);
    process.exitCode = 1;
    return;
  }
  printAnalysis(r.figures, 1000);
}

/** Scenario 2: 1,000,000 positions in a browser-tab-sized heap (4 GB); on failure, how much it takes. */
function analysis1m(): void {
  const tab = 4096;
  const r = analysisChild<AnalysisFigures>('analysis-1m', [`--max-old-space-size=${tab}`]);
  if (r.figures) {
    printAnalysis(r.figures, null);
    console.log(`    budget: no out-of-memory in a ${tab} MB heap (inputs included): fitted, peak heap used ${mb(r.figures.peakHeapMb)} of ${mb(r.figures.heapLimitMb)}`);
    return;
  }
  const oom = /heap out of memory|Allocation failed/i.test(r.stderr);
  console.log(`  analysis, 1,000,000 positions: ${oom ? `OUT OF MEMORY in a ${tab} MB heap after ${ms(r.wallMs)}` : `failed (exit ${r.status ?? r.signal})\n${r.stderr.slice(-2000)}`}  OVER BUDGET`);
  process.exitCode = 1;
  if (!oom) return;
  const big = 16384;
  const again = analysisChild<AnalysisFigures>('analysis-1m', [`--max-old-space-size=${big}`]);
  if (again.figures) {
    console.log(`    rerun with --max-old-space-size=${big} to see what it takes:`);
    printAnalysis(again.figures, null);
  } else console.log(`    rerun with --max-old-space-size=${big} failed too (exit ${again.status ?? again.signal})`);
}

/**
 * Scenario 3: `lumive analyze in.xlsx -o out.xlsx --json` end to end on a 100,000-position workbook
 * (LUMIVE_BENCH_CLI_POSITIONS to change it). exceljs holds the whole workbook in memory, so this size
 * needs more than Node's default heap: 12 GB unless LUMIVE_BENCH_CLI_HEAP_MB says otherwise.
 */
function cliScenario(): void {
  const heap = process.env.LUMIVE_BENCH_CLI_HEAP_MB ?? (CLI_POSITIONS > 25_000 ? '12288' : undefined);
  const r = analysisChild<CliFigures>('cli', heap ? [`--max-old-space-size=${heap}`] : []);
  if (!r.figures) {
    console.log(`  lumive analyze, ${CLI_POSITIONS.toLocaleString('en')} positions: failed (exit ${r.status ?? r.signal}) after ${ms(r.wallMs)}\n${r.stderr.slice(-2000)}`);
    process.exitCode = 1;
    return;
  }
  const f = r.figures;
  const heapNote = f.heapArgs.length > 0 ? f.heapArgs.join(' ') : `Node's default heap`;
  console.log(`  ${f.name} (${heapNote})`);
  console.log(`    input ${(f.inputBytes / 1e6).toFixed(1)} MB .xlsx, ${f.inputRows.toLocaleString('en')} rows in 11 sheets, written by XlsxWorkbook in ${ms(f.writeInputMs)} (not timed)`);
  console.log(
    `    end to end ${ms(f.cliMs)} wall (node start, read, analyze, write); peak RSS ${f.cliPeakRssMb === null ? '?' : mb(f.cliPeakRssMb)}, ` +
      `peak heap used ${f.cliPeakHeapMb === null ? '?' : mb(f.cliPeakHeapMb)} (sampled every 100 ms); output ${f.outputBytes.toLocaleString('en')} bytes; ${f.positions.toLocaleString('en')} positions`,
  );
  console.log(`    output rows: ${Object.entries(f.sheets).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  const p = f.phases;
  if (p) {
    console.log(
      `    phases (in a separate process, one cold run): XlsxWorkbook.fromBuffer ${ms(p.readMs)}; analyzeWorkbook ${ms(p.analyzeWorkbookMs)} = cells to grids ${ms(p.gridsMs)} + analysis ${ms(p.analysisMs)} + ` +
        `check and render the sheets ${ms(p.writeSheetsMs)}; toBuffer ${ms(p.toBufferMs)}; peak RSS ${mb(p.peakRssMb)}`,
    );
  } else console.log(`    phases: failed (${f.phasesError})`);
  console.log(`    budget: none for the CLI; compare the analysis part with the engine's (1 s per 100,000 positions)`);
}

/**
 * `lumive eval` from a shell, as a user starts it: through bin.cjs (the bundle), through npx, and, for
 * comparison, the same sources compiled by tsx at start (how the command ran before it was bundled, then
 * with every command loaded at start).
 * Each a fresh process; the median of 7 after one untimed run (which builds the bundle if stale).
 */
function startupBenchmark(): void {
  const root = path.join(__dirname, '..', '..');
  const formula = '=LUMIVE.DOI(120, 4)';
  const ways: [string, string, string[]][] = [
    ['node src/cli/bin.cjs eval', process.execPath, [path.join(root, 'src', 'cli', 'bin.cjs'), 'eval', formula]],
    ['npx lumive eval', 'npx', ['lumive', 'eval', formula]],
    ['the same sources compiled by tsx at start', process.execPath, ['-e', `require('tsx/cjs'); require('./src/cli/main.ts').main(['eval', ${JSON.stringify(formula)}], process.stdout, process.stderr)`]],
  ];
  const rows: string[][] = [['lumive eval started by', 'median', 'runs (ms)']];
  for (const [name, command, args] of ways) {
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const r = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
      const t = performance.now() - t0;
      if (r.status !== 0 || r.stdout.trim() !== '30') {
        console.log(`  ${name}: failed (exit ${r.status ?? r.signal}): ${r.stderr.slice(-500)}`);
        process.exitCode = 1;
        break;
      }
      if (i > 0) times.push(t);
    }
    if (times.length > 0) rows.push([name, ms(median(times)), times.map((t) => t.toFixed(0)).join(' / ')]);
  }
  printTable(rows);
  console.log('  goal: npx lumive eval well under half a second');
}

// ---- Office adapter ------------------------------------------------------------------------------

/** "No request over 4 MB" (docs/ARCHITECTURE.md), in bytes as Excel counts them; Excel on the web refuses over 5 MB. */
const FOUR_MB = 4_000_000;
/** Largest "small constant" of syncs for formatting, charts and state the budget allows here. */
const SYNC_CONSTANT = 8;
const megabytes = (bytes: number) => (bytes < 100_000 ? `${bytes.toLocaleString('en')} bytes` : `${(bytes / 1e6).toFixed(2)} MB`);
const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** What one readSheets call's syncs did: the whole-workbook read (if tried), the size sync, the row blocks. */
function describeRead(syncs: readonly SyncFigure[]): string {
  const parts: string[] = [];
  let rest = syncs;
  const [first] = syncs;
  if (first?.phase === 'read' && (!first.ok || !syncs.some((s) => s.phase === 'size'))) {
    parts.push(first.ok ? `1 whole-workbook read (${megabytes(first.responseBytes)})` : `1 whole-workbook read (failed: response ${megabytes(first.responseBytes)} over 5 MB)`);
    rest = syncs.slice(1);
  }
  const sizes = rest.filter((s) => s.phase === 'size').length;
  const blocks = rest.filter((s) => s.phase === 'read');
  const failed = blocks.filter((s) => !s.ok).length;
  if (sizes > 0) parts.push(`${sizes} size`);
  if (blocks.length > 0) parts.push(`${plural(blocks.length, 'block')}${failed ? ` (${failed} failed)` : ''}`);
  const lists = rest.filter((s) => s.phase === 'list').length;
  if (lists > 0) parts.push(`${lists} list (a sheet went away)`);
  return parts.join(' + ');
}

function printOfficeRun(f: OfficeFigures, r: OfficeRunFigures): void {
  const syncs = r.syncs;
  const reads = syncs.filter((s) => READ_PHASES.includes(s.phase));
  const writes = syncs.filter((s) => WRITE_PHASES.includes(s.phase));
  const written = writes.reduce((n, s) => n + s.requestBytes, 0);
  const sheetsWritten = r.calls.filter((c) => c.method === 'writeSheets').reduce((n, c) => n + c.sheets, 0);
  console.log(`    ${r.label}: ${plural(syncs.length, 'sync')}; ${count(r.positions)} positions, ${count(sheetsWritten)} sheets written (${count(r.rowsWritten)} data rows), ${count(r.sheetsAfter)} sheets after`);

  // Reads: the list, then each readSheets call (every sheet; then the approval sheets again before writing).
  const readCalls = r.calls.map((c, i) => ({ c, syncs: syncs.filter((s) => s.call === i) })).filter((x) => x.c.method === 'readSheets');
  const okBytes = (xs: readonly SyncFigure[]) => xs.filter((s) => s.ok && s.phase === 'read').reduce((n, s) => n + s.responseBytes, 0);
  const firstRead = readCalls[0];
  const readBytes = firstRead ? okBytes(firstRead.syncs) : 0;
  const lists = syncs.filter((s) => s.phase === 'list' && r.calls[s.call]?.method === 'listSheets').length;
  const previous = r.sheetsBefore > f.inputSheets ? ` + Lumive's ${r.sheetsBefore - f.inputSheets} previous sheets ${megabytes(readBytes - f.inputBytes)}` : '';
  const readParts = [`${lists} list`, ...(firstRead ? [describeRead(firstRead.syncs)] : [])].join(' + ');
  const failedReads = reads.filter((s) => !s.ok).length;
  console.log(`      reads ${plural(reads.length, 'sync')}: ${readParts} (input ${megabytes(f.inputBytes)}${previous})${failedReads ? `, ${failedReads} failed` : ''}`);
  for (const again of readCalls.slice(1)) {
    console.log(`        + ${describeRead(again.syncs)} to read the ${plural(again.c.sheets, 'approval sheet')} again before writing (${megabytes(okBytes(again.syncs))})`);
  }
  // The fewest syncs these reads could take: the list, then each readSheets call in responses of at most 4 MB.
  const calls = readCalls.map((x) => Math.max(1, Math.ceil(okBytes(x.syncs) / FOUR_MB)));
  const minimum = lists + calls.reduce((n, c) => n + c, 0);
  const largeRead = readCalls.find((x) => okBytes(x.syncs) > FOUR_MB);
  const verdict =
    reads.length <= 2
      ? 'within budget'
      : largeRead
        ? `OVER BUDGET, as it must be: a read of ${megabytes(okBytes(largeRead.syncs))} is over 4 MB; at least ${lists} list + ${calls.join(' + ')} (ceil(bytes / 4 MB) per read) = ${minimum} syncs; ${reads.length - minimum} more than that`
        : 'OVER BUDGET';
  console.log(`        budget 1–2 syncs  ${verdict}`);

  // Writes, by phase.
  const byPhase = WRITE_PHASES.map((p) => [p, writes.filter((s) => s.phase === p)] as const).filter(([, xs]) => xs.length > 0);
  const failedWrites = writes.filter((s) => !s.ok).length;
  console.log(
    `      writes ${plural(writes.length, 'sync')}: ${byPhase.map(([p, xs]) => `${p} ${xs.length} (${megabytes(xs.reduce((n, s) => n + s.requestBytes, 0))})`).join(', ')}; ` +
      `${megabytes(written)} written in all${failedWrites ? `, ${failedWrites} failed` : ''}`,
  );

  // Payload sizes: the fake's measurements (JSON length), with the adapter's estimate (UTF-8 bytes plus its per-operation allowance).
  const largest = syncs.reduce((a, s) => (s.requestBytes > a.requestBytes ? s : a), syncs[0]);
  const estimated = Math.max(...syncs.map((s) => s.estimatedBytes));
  const response = Math.max(...syncs.map((s) => s.responseBytes));
  const okResponse = Math.max(0, ...syncs.filter((s) => s.ok).map((s) => s.responseBytes));
  console.log(
    `      largest request ${count(largest.requestBytes)} bytes (${largest.phase}; the adapter's largest estimate ${count(estimated)})  budget 4 MB (${count(FOUR_MB)})  ${largest.requestBytes <= FOUR_MB ? 'OK' : 'OVER'}; ` +
      `largest response ${count(response)} bytes${response > okResponse ? `, of those that came back ${count(okResponse)}` : ''}`,
  );

  // Total syncs against 2 + ceil(output bytes / 4 MB) + a small constant.
  const blocks = Math.ceil(written / FOUR_MB);
  const constant = syncs.length - 2 - blocks;
  const extraReads = Math.max(0, reads.length - 2);
  console.log(
    `      total ${syncs.length} syncs = 2 + ceil(${megabytes(written)} / 4 MB) ${blocks} + constant ${constant}` +
      `${extraReads ? ` (${extraReads} of it reads beyond 2, ${constant - extraReads} writes beyond one per 4 MB)` : ''}  budget constant ≤ ${SYNC_CONSTANT}  ${constant <= SYNC_CONSTANT ? 'OK' : 'OVER'}`,
  );
  console.log(`      formulas written ${r.formulasWritten}  ${r.formulasWritten === 0 ? 'OK' : 'FORMULAS WRITTEN'}`);

  // Time: the port calls in order, and what ran between them (the app and the engine).
  const steps: string[] = [];
  let end = 0;
  for (const c of r.calls) {
    if (c.atMs - end >= 1) steps.push(`app and engine ${ms(c.atMs - end)}`);
    steps.push(`${c.method === 'listSheets' ? 'listSheets' : `${c.method} (${plural(c.sheets, 'sheet')})`} ${ms(c.ms)}`);
    end = c.atMs + c.ms;
  }
  if (r.wallMs - end >= 1) steps.push(`app ${ms(r.wallMs - end)}`);
  console.log(`      time ${ms(r.wallMs)} (analyzeWorkbook in the fake) = ${steps.join(' + ')}; analyze() alone ${ms(r.analyzeMs)}${r.analyzeRuns === 1 ? '' : ` (${r.analyzeRuns} runs)`}`);
}

/** The whole Analyze inside Excel for one workbook size, in its own process: a first run and a re-analysis. */
function officeBenchmark(positions: number): void {
  const r = benchChild<OfficeFigures>('office.ts', String(positions));
  if (!r.figures) {
    console.log(`  Analyze in Excel, ${count(positions)} positions: failed (exit ${r.status ?? r.signal}) after ${ms(r.wallMs)}\n${r.stderr.slice(-2000)}`);
    process.exitCode = 1;
    return;
  }
  const f = r.figures;
  console.log(`  ${f.name}`);
  console.log(
    `    input: ${f.generator}, ${f.inputSheets} sheets, ${count(f.inputRows)} rows, ${count(f.inputCells)} cells, ${megabytes(f.inputBytes)} as Excel returns them; ` +
      `loaded into the fake in ${ms(f.loadMs)} (not timed)${f.formulasInInputs ? `; ${f.formulasInInputs} formulas in the inputs` : ''}`,
  );
  for (const run of f.runs) printOfficeRun(f, run);
  console.log(`    memory: process peak RSS ${mb(f.peakRssMb)}; heap limit ${mb(f.heapLimitMb)}${f.execArgv.length ? ` (${f.execArgv.join(' ')})` : ' (default)'}`);
}

// ---- The task pane's thread ------------------------------------------------------------------------

/** The longest task the pane's thread may run during an Analyze (in Excel it is also the custom functions'). */
const LONG_TASK_GOAL_MS = 100;

/** Analyze in the browser preview (pane.ts): long tasks on the pane's thread, and Cancel to idle. */
function paneBenchmark(positions: number): void {
  if (!existsSync(CHROMIUM)) {
    console.log(`  Analyze in the browser preview, ${count(positions)} positions: skipped, Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  const r = benchChild<PaneFigures>('pane.ts', String(positions));
  if (!r.figures) {
    console.log(`  Analyze in the browser preview, ${count(positions)} positions: failed (exit ${r.status ?? r.signal}) after ${ms(r.wallMs)}\n${r.stderr.slice(-2000)}`);
    process.exitCode = 1;
    return;
  }
  const f = r.figures;
  const longest = f.runs.map((x) => x.longestTaskMs);
  const worst = Math.max(...longest);
  console.log(`  Analyze in the browser preview (Chromium ${f.chromium}, headless), ${count(f.positions)} synthetic positions; ${count(f.analyzed)} analyzed with the demo's own`);
  console.log(
    `    input: ${f.files} CSV files, ${megabytes(f.fileBytes)}, imported through the pane in ${ms(f.importMs)} before the runs; longest task on the pane's thread meanwhile ${f.importLongestTaskMs} ms ` +
      `(reading the files still runs there; the Reports panel's scan runs in the worker)`,
  );
  for (const [i, run] of f.runs.entries()) console.log(`    run ${i + 1}${i === 0 ? ' (first: no Lumive sheets yet)' : ' (re-run)'}: ${ms(run.ms)}, ${run.longTasks} long tasks (> 50 ms), longest ${run.longestTaskMs} ms`);
  console.log(`    longest task on the pane's thread: ${worst} ms (median of runs ${median(longest)} ms)  goal ≤ ${LONG_TASK_GOAL_MS} ms  ${worst <= LONG_TASK_GOAL_MS ? 'met' : 'NOT MET'}`);
  if (f.cancel) console.log(`    Cancel during "${f.cancel.atStep}": pane idle ${ms(f.cancel.toIdleMs)} after the click (longest task meanwhile ${f.cancel.longestTaskMs} ms)`);
}

// ---- History -----------------------------------------------------------------------------------

/** Heap for the history scenarios: the 2.4-million-row history as grids and as a table, and a full rewrite's specs. */
const HISTORY_HEAP_MB = 8192;

/**
 * Snapshot history (history.ts): read, append, same-date replace, trends, and analyze() with history,
 * each scenario in its own process; one table. docs/ARCHITECTURE.md has no history budget: the engine's
 * (a whole analysis of 100,000 positions ≤ 1 s) is printed as the nearest, for reference.
 */
function historyBenchmark(): void {
  const rows: Row[] = [];
  const memory: string[] = [];
  const failures: string[] = [];
  for (const scenario of HISTORY_SCENARIOS) {
    const r = benchChild<HistoryFigures>('history.ts', scenario, [`--max-old-space-size=${HISTORY_HEAP_MB}`]);
    if (!r.figures) {
      failures.push(`  ${scenario}: failed (exit ${r.status ?? r.signal}) after ${ms(r.wallMs)}\n${r.stderr.slice(-2000)}`);
      process.exitCode = 1;
      continue;
    }
    const f = r.figures;
    rows.push(...f.rows);
    memory.push(
      `  ${f.scenario}: input ${f.input}, generated in ${ms(f.generateMs)} (not timed), ${mb(f.inputHeapMb)} heap; peak heap used ${mb(f.peakHeapMb)} (sampled after each timed call), ` +
        `process peak RSS ${mb(f.peakRssMb)}; heap limit ${mb(f.heapLimitMb)}${f.execArgv.length ? ` (${f.execArgv.join(' ')})` : ' (default)'}; ${ms(r.wallMs)} wall`,
    );
  }
  if (rows.length > 0) print(`History: snapshot append and trends, ${count(HISTORY_POSITIONS)} positions × ${HISTORY_PERIODS} periods`, rows);
  for (const line of failures) console.log(line);
  if (memory.length > 0) console.log(`  memory and inputs, per scenario (each in its own process):\n${memory.map((l) => `  ${l}`).join('\n')}`);
  console.log(`  budget: none for history in docs/ARCHITECTURE.md; the nearest is the engine's, a whole analysis of 100,000 positions from cells to sheet specs ≤ 1 s (printed for reference, not a verdict)`);
}

// ---- The race against pandas (../shared/peers) --------------------------------------------------

/**
 * The medians this bench measured at commit 3ed2a37 (before the mapping suggestions used an index),
 * on this machine type on 2026-12-06: engine 1,180 ms and 88,874 ms (peak RSS 246 MB and 1,555 MB),
 * pandas 253 ms and 2,026 ms. Printed as the record of where the race started, never compared with.
 */
const BEFORE: Readonly<Record<number, { engineMs: number; pandasMs: number }>> = {
  2500: { engineMs: 1180, pandasMs: 253 },
  36000: { engineMs: 88874, pandasMs: 2026 },
};

const engineRuns = new Map<string, EngineFigures | null>();
const pandasRuns = new Map<string, PandasFigures>();

function engineOn(dir: string, timed: number): EngineFigures | null {
  if (!engineRuns.has(dir)) {
    const r = raceEngine(dir, timed);
    if (!r.figures) {
      console.log(`  engine on ${dir}: failed (${r.error})`);
      process.exitCode = 1;
    }
    engineRuns.set(dir, r.figures);
  }
  return engineRuns.get(dir) ?? null;
}

function pandasOn(dir: string): PandasFigures {
  if (!pandasRuns.has(dir)) pandasRuns.set(dir, racePandas(dir));
  return pandasRuns.get(dir) as PandasFigures;
}

const RACE_SIZES = [2500, 36000] as const;
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;
const stagesText = (f: EngineFigures) => Object.entries(f.stages).map(([k, v]) => `${k} ${ms(v)}`).join(', ');

/** `npm run bench -- race`: pandas and the engine on the same files, side by side; the ratio. */
function raceBenchmark(): void {
  const why = raceUnavailable();
  console.log('\nThe race: the engine (file bytes → recommendations and sheet specs) and pandas (parse + compute) on the peer generator\'s files, same invocation');
  if (why) {
    console.log(`  not run: ${why}`);
    return;
  }
  const rows: string[][] = [['positions (masters)', 'engine, median', 'pandas parse + compute, median', 'engine ÷ pandas', 'engine peak RSS', 'before (3ed2a37): engine / pandas']];
  const details: string[] = [];
  for (const masters of RACE_SIZES) {
    const dir = peerFiles(masters, 0.005);
    const pandas = pandasOn(dir);
    const engine = engineOn(dir, masters > 10_000 ? 3 : 5);
    if (!engine) continue;
    const ratio = engine.medianMs / pandas.medianMs;
    const before = BEFORE[masters];
    const beforeText = before && Number.isFinite(before.engineMs) ? `${seconds(before.engineMs)} / ${seconds(before.pandasMs)} (${(before.engineMs / before.pandasMs).toFixed(1)}× slower)` : 'not recorded';
    rows.push([
      `${count(engine.positions)} (${count(masters)})`,
      seconds(engine.medianMs),
      seconds(pandas.medianMs),
      ratio >= 1 ? `${ratio.toFixed(2)}× slower` : `${(1 / ratio).toFixed(2)}× faster`,
      mb(engine.peakRssMb),
      beforeText,
    ]);
    details.push(
      `  ${count(masters)} masters: ${engine.files} files, ${engine.megabytes.toFixed(1)} MB, ${count(engine.inputRows)} rows; engine runs ${engine.runs.map((r) => r.toFixed(0)).join(' / ')} ms; stages ${stagesText(engine)}; peak heap ${mb(engine.peakHeapMb)}`,
      `    floor: reading the files' bytes and finding their ${count(engine.fieldBoundaries)} field boundaries (nothing decoded or parsed) takes ${ms(engine.scanFloorMs)} here, ${((engine.scanFloorMs * 100) / (pandas.medianMs / 3)).toFixed(0)}% of the 3×-faster budget (pandas ÷ 3 = ${ms(pandas.medianMs / 3)}) before any parsing, joining, metrics or sheets`,
      `    pandas ${pandas.version}: runs ${pandas.runs.map((r) => r.toFixed(0)).join(' / ')} ms (median parse ${ms(pandas.parseMs)} + compute ${ms(pandas.computeMs)}); ${count(pandas.positions)} positions (pandas keeps mapped positions with no report row; the engine makes positions from report rows)`,
    );
  }
  printTable(rows);
  for (const d of details) console.log(d);
  console.log('  goal: engine at least 3× faster than pandas (ratio ≤ 0.33) at both sizes, engine peak memory below 600 MB at 36,000 masters');

  console.log('\n  Whole processes: `lumive analyze <the files> -o out.xlsx` (Node\'s default heap) and pandas_reference.py writing its CSVs');
  const whole: string[][] = [['positions (masters)', 'lumive analyze, median', 'peak RSS', 'output', 'again into it', 'pandas with CSVs, median', 'output', 'lumive ÷ pandas', 'before (a462a4a): first / again']];
  for (const masters of RACE_SIZES) {
    const dir = peerFiles(masters, 0.005);
    const lumive = raceCommand(dir, masters > 10_000 ? 2 : 5);
    const pandas = racePandasProcess(dir, masters > 10_000 ? 3 : 5);
    const ratio = lumive.medianMs / pandas.medianMs;
    const before = COMMAND_BEFORE[masters];
    whole.push([
      `${count(engineRuns.get(dir)?.positions ?? 0)} (${count(masters)})`,
      seconds(lumive.medianMs),
      lumive.peakRssMb === null ? '?' : mb(lumive.peakRssMb),
      megabytes(lumive.outputBytes),
      lumive.again ? `${seconds(lumive.again.ms)}, ${lumive.again.peakRssMb === null ? '?' : mb(lumive.again.peakRssMb)}` : '',
      seconds(pandas.medianMs),
      megabytes(pandas.outputBytes),
      `${ratio.toFixed(2)}×`,
      before ? `${seconds(before.ms)}, ${mb(before.rssMb)} / ${seconds(before.againMs)}, ${mb(before.againRssMb)}` : 'not recorded',
    ]);
  }
  printTable(whole);
  console.log('  goal: lumive analyze within 2× pandas at 2,500 masters; within 30 s and under 2 GB at 36,000 masters, with Node\'s default heap (into a new output)');
}

/**
 * `lumive analyze` on the peer files before the streamed writer, on this machine type on 2026-12-07
 * (/usr/bin/time, one run each): into a new output at commit a462a4a (exceljs building the workbook in
 * memory), and again into that output at 5145bd2 (whose re-run still went through exceljs, as at
 * a462a4a). Printed as the record, never compared with.
 */
const COMMAND_BEFORE: Readonly<Record<number, { ms: number; rssMb: number; againMs: number; againRssMb: number }>> = {
  2500: { ms: 7930, rssMb: 819, againMs: 7430, againRssMb: 986 },
};

/** `npm run bench -- scaling`: engine time per input row across sizes and unmapped shares (it should stay flat). */
function scalingBenchmark(): void {
  const why = raceUnavailable();
  console.log('\nScaling: engine time per input row on the peer generator\'s files (linear cost: the figure stays flat)');
  if (why) {
    console.log(`  not run: ${why}`);
    return;
  }
  const cases = [
    { masters: 2500, unmapped: 0.005 },
    { masters: 10000, unmapped: 0.005 },
    { masters: 36000, unmapped: 0.005 },
    { masters: 10000, unmapped: 0.05 },
    { masters: 10000, unmapped: 0.2 },
  ];
  const rows: string[][] = [['masters', 'unmapped rows', 'input', 'rows', 'positions', 'SKUs not in the mapping', 'engine, median', 'per input row', 'stages']];
  const perRow: number[] = [];
  for (const c of cases) {
    const dir = peerFiles(c.masters, c.unmapped);
    const f = engineOn(dir, c.masters > 10_000 ? 3 : 5);
    if (!f) continue;
    const us = (f.medianMs * 1000) / f.inputRows;
    perRow.push(us);
    rows.push([count(c.masters), `${(c.unmapped * 100).toFixed(1)}%`, `${(inputBytes(dir) / 1e6).toFixed(1)} MB`, count(f.inputRows), count(f.positions), count(f.unmappedIssues), ms(f.medianMs), `${us.toFixed(2)} µs`, stagesText(f)]);
  }
  printTable(rows);
  if (perRow.length > 1) console.log(`  largest ÷ smallest time per input row: ${(Math.max(...perRow) / Math.min(...perRow)).toFixed(2)} (1.00 is perfectly linear)`);
}

function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [k, r] of rows.entries()) {
    console.log(`  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`);
    if (k === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

if (require.main === module) {
  // `npm run bench` runs everything; `npm run bench -- analysis` (or functions, ingest, cli, office, pane, history, race, scaling) one group.
  const only = process.argv[2];
  const want = (group: string) => only === undefined || only === group;
  console.log(`Lumive benchmarks: Node ${process.version}, median of repeated runs after warm-up`);
  if (want('functions')) print('Custom functions (engine through the argument layer, as Excel calls them)', functionBenchmarks());
  if (want('ingest')) {
    console.log('\nReport import (file read by papaparse, then recognized, parsed and joined through a mapping)');
    ingestBenchmark('myi');
    ingestBenchmark('noon');
  }
  if (want('analysis')) {
    console.log('\nAnalysis (analyze(): cells → positions → metrics → recommendations → sheet specs), each scenario in its own process');
    analysis100k();
    analysis1m();
    cliScenario();
  }
  if (want('office')) {
    console.log('\nOffice adapter (the whole Analyze through OfficeWorkbook over the recording fake of the Excel API, twice on the same workbook), each size in its own process');
    officeBenchmark(10_000);
    officeBenchmark(100_000);
  }
  if (want('cli')) {
    console.log('\nCommand start-up (each a fresh process, as from a shell)');
    startupBenchmark();
  }
  if (want('pane')) {
    console.log("\nThe task pane's thread during Analyze (production build in Chromium, browser preview; the engine in its Web Worker), each size in its own process");
    paneBenchmark(10_000);
    paneBenchmark(100_000);
  }
  if (want('history')) historyBenchmark();
  if (want('race')) raceBenchmark();
  if (want('scaling')) scalingBenchmark();
}
