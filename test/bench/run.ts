/**
 * `npm run bench`: performance figures printed against the budgets of ARCHITECTURE.md. Timings are
 * the median of several runs after a warm-up; machines here are shared and noisy, so nothing asserts on
 * time (tests never do): the figures are for people to read.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { CLI_POSITIONS, type AnalysisFigures, type CliFigures, type ScenarioName } from './analysis';
import type { IngestFigures } from './ingest';
import * as fns from '../../src/functions/functions';

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

/** Runs one analysis scenario in a child process; null (and a printed reason) when it failed. */
function analysisChild<T>(name: ScenarioName, nodeArgs: readonly string[] = []): { figures: T | null; stderr: string; status: number | null; signal: string | null; wallMs: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', ...nodeArgs, '--import', 'tsx', `${__dirname}/analysis.ts`, name], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const wallMs = performance.now() - t0;
  const figures = run.status === 0 ? (JSON.parse(run.stdout) as T) : null;
  return { figures, stderr: run.stderr, status: run.status, signal: run.signal, wallMs };
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
    `    end to end ${ms(f.cliMs)} wall (node + tsx start, read, analyze, write); peak RSS ${f.cliPeakRssMb === null ? '?' : mb(f.cliPeakRssMb)}, ` +
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

if (require.main === module) {
  // `npm run bench` runs everything; `npm run bench -- analysis` (or functions, ingest) one group.
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
}
