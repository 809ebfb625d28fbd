/**
 * `npm run bench`: performance figures printed against the budgets of ARCHITECTURE.md. Timings are
 * the median of several runs after a warm-up; machines here are shared and noisy, so nothing asserts on
 * time (tests never do): the figures are for people to read.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
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

if (require.main === module) {
  console.log(`Lumive benchmarks: Node ${process.version}, median of repeated runs after warm-up`);
  print('Custom functions (engine through the argument layer, as Excel calls them)', functionBenchmarks());
  console.log('\nReport import (file read by papaparse, then recognized, parsed and joined through a mapping)');
  ingestBenchmark('myi');
  ingestBenchmark('noon');
}
