/**
 * The race against the peer (../shared/peers/README.md): the seed's pandas stack and the engine on the
 * same report files, written by the peer's own generator (`gen_reports.py --masters N --seed 42`).
 *
 * - pandas: `pandas_reference.py DIR --json --no-write`, parse + compute (its own timers), run three
 *   times; the median.
 * - the engine: the project's path from the files to recommendations and sheet specs, in one process:
 *   file by file, the bytes read from disk (as pandas reads them), readReportFile (decode, delimiter,
 *   rows) and readSources (recognize, parse into records); then analyzeParsedReports() (channels, join,
 *   metrics, recommendations, sheet specs). A warm-up run, then the median of the timed runs. Each size
 *   runs in its own child process (`race.ts engine DIR`), so its peak memory is its own.
 * - the floor: in the same child, the least any reader of these files must do here (fieldScan), timed
 *   on its own so that the ratio can be read against it.
 *
 * Files are generated into the system's temporary directory (kept between runs, never in the repo).
 * The bench installs nothing: without Python 3 and pandas it says how to get them and races nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { analyzeParsedReports, readSources, type Stage } from '../../src/engine/analyze';
import type { ParsedReport } from '../../src/engine/ingest/read-report';
import { readReportFile } from '../../src/io/read-report-file';
import { PEAK_MARK, PEAK_PRELOAD } from './analysis';

/** Where the peer scripts are: ../shared/peers beside the repository, or LUMIVE_PEERS. */
export const PEERS = process.env.LUMIVE_PEERS ?? path.resolve(__dirname, '../../../shared/peers');
/** Debian's Python, as the peers README says (pandas comes from the python3-pandas package). */
export const PYTHON = process.env.LUMIVE_PYTHON ?? '/usr/bin/python3';
const SEED = 42;
/** The day the generator's reports end (gen_reports.py's default --end-date 2025-10-30): the analysis runs the next morning. */
const AS_OF = new Date('2025-10-31T06:00:00Z');

export interface EngineFigures {
  readonly dir: string;
  readonly files: number;
  readonly megabytes: number;
  readonly inputRows: number;
  readonly positions: number;
  readonly unmappedIssues: number;
  readonly runs: number[];
  readonly medianMs: number;
  /** Median per stage, ms: the file reader, then analyze()'s own stages. */
  readonly stages: Record<string, number>;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly heapLimitMb: number;
  /** Median ms of the floor: the files' bytes read from disk and every field boundary found (fieldScan). */
  readonly scanFloorMs: number;
  /** Tab, comma and newline bytes the floor found. */
  readonly fieldBoundaries: number;
}

export interface PandasFigures {
  readonly runs: number[];
  readonly medianMs: number;
  readonly parseMs: number;
  readonly computeMs: number;
  readonly positions: number;
  readonly version: string;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Why the race cannot run here (peer scripts or pandas missing), with what to do; null when it can. */
export function raceUnavailable(): string | null {
  if (!existsSync(path.join(PEERS, 'gen_reports.py')) || !existsSync(path.join(PEERS, 'pandas_reference.py'))) {
    return `the peer scripts are not at ${PEERS} (gen_reports.py, pandas_reference.py): put ../shared beside the repository or set LUMIVE_PEERS`;
  }
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, numpy'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return `${PYTHON} with pandas is needed for the race and is not installed: as root, \`apt-get update && apt-get install -y python3-pandas\` (Debian's Python 3 and pandas), or set LUMIVE_PYTHON to a Python that has pandas`;
  }
  return null;
}

/** The peer's files for N masters and an unmapped share, generated once into the temporary directory. */
export function peerFiles(masters: number, unmapped: number): string {
  const dir = path.join(tmpdir(), 'lumive-race', `m${masters}-seed${SEED}-u${unmapped}`);
  if (existsSync(path.join(dir, 'mapping.csv')) && existsSync(path.join(dir, 'truth_positions.csv'))) return dir;
  const run = spawnSync(PYTHON, [path.join(PEERS, 'gen_reports.py'), '--masters', String(masters), '--seed', String(SEED), '--unmapped-frac', String(unmapped), '--out', dir], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`gen_reports.py failed: ${run.stderr || run.error?.message}`);
  return dir;
}

/** pandas_reference.py three times on the files; the median of parse + compute. */
export function racePandas(dir: string, times = 3): PandasFigures {
  const runs: { parse: number; compute: number; positions: number; version: string }[] = [];
  for (let i = 0; i < times; i++) {
    const run = spawnSync(PYTHON, [path.join(PEERS, 'pandas_reference.py'), dir, '--json', '--no-write'], { encoding: 'utf8', maxBuffer: 1 << 22 });
    if (run.status !== 0) throw new Error(`pandas_reference.py failed: ${run.stderr || run.error?.message}`);
    const j = JSON.parse(run.stdout.trim().split('\n').pop() as string) as { parse_s: number; compute_s: number; positions: number; pandas: string };
    runs.push({ parse: j.parse_s * 1000, compute: j.compute_s * 1000, positions: j.positions, version: j.pandas });
  }
  const totals = runs.map((r) => r.parse + r.compute);
  const mid = runs[totals.indexOf(median(totals))];
  return { runs: totals, medianMs: median(totals), parseMs: mid.parse, computeMs: mid.compute, positions: mid.positions, version: mid.version };
}

/** The peer's input files (not its ground truth): their paths, read in each run as pandas reads them. */
function inputFiles(dir: string): { name: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => /\.(csv|txt)$/.test(f) && f !== 'truth_positions.csv')
    .sort()
    .map((name) => ({ name, file: path.join(dir, name) }));
}

/**
 * A lower bound on any reader of these files, in this runtime: each file's bytes read from disk and
 * every field boundary found (tab, comma or newline bytes counted), nothing decoded, parsed or kept.
 * The count is printed with the time (so the loop is not dead code).
 */
function fieldScan(files: readonly { name: string; file: string }[]): number {
  let boundaries = 0;
  for (const f of files) {
    const bytes = readFileSync(f.file);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 9 || b === 44 || b === 10) boundaries++;
    }
  }
  return boundaries;
}

/** One engine run: bytes → sheets → analysis; the time of each stage. */
async function engineRun(files: readonly { name: string; file: string }[], sample: () => void): Promise<{ ms: number; stages: Record<string, number>; positions: number; rows: number; unmapped: number }> {
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  // Each file's bytes are read from disk and into records before the next file is read, so that only
  // one file's bytes and text are held at a time.
  const reports: ParsedReport[] = [];
  for (const f of files) reports.push(...readSources(await readReportFile(f.name, new Uint8Array(readFileSync(f.file))), { now: AS_OF }));
  let last = performance.now();
  stages['read files'] = last - t0;
  sample();
  // Time between two progress reports counts for the stage of the later one (the metrics stage
  // includes the history and forecast set-up before its first report).
  const analysis = analyzeParsedReports(reports, {
    now: AS_OF,
    onProgress: (stage: Stage) => {
      const t = performance.now();
      stages[stage] = (stages[stage] ?? 0) + (t - last);
      last = t;
      sample();
    },
  });
  const ms = performance.now() - t0;
  const rows = analysis.sources.reduce((n, s) => n + s.rowsRead, 0);
  const unmapped = analysis.issues.filter((i) => /is not in the mapping/.test(i.reason)).length;
  return { ms, stages, positions: analysis.metrics.length, rows, unmapped };
}

/** The engine's figures for one directory (run in a child process: `race.ts engine DIR [runs]`). */
async function engineFigures(dir: string, timed: number): Promise<EngineFigures> {
  const files = inputFiles(dir);
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  await engineRun(files, sample); // warm-up: JIT
  const results = [];
  for (let i = 0; i < timed; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    results.push(await engineRun(files, sample));
  }
  const runs = results.map((r) => r.ms);
  const scans: number[] = [];
  let boundaries = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    boundaries = fieldScan(files);
    scans.push(performance.now() - t0);
  }
  const stages: Record<string, number> = {};
  for (const k of Object.keys(results[0].stages)) stages[k] = median(results.map((r) => r.stages[k] ?? 0));
  return {
    dir,
    files: files.length,
    megabytes: files.reduce((n, f) => n + statSync(f.file).size, 0) / 1e6,
    inputRows: results[0].rows,
    positions: results[0].positions,
    unmappedIssues: results[0].unmapped,
    runs,
    medianMs: median(runs),
    stages,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1e6,
    heapLimitMb: getHeapStatistics().heap_size_limit / 1e6,
    scanFloorMs: median(scans),
    fieldBoundaries: boundaries,
  };
}

/** Runs the engine on a directory in its own process; null and the reason when it failed. */
export function raceEngine(dir: string, timed: number): { figures: EngineFigures | null; error: string } {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, 'engine', dir, String(timed)], { encoding: 'utf8', maxBuffer: 1 << 22 });
  if (run.status !== 0) return { figures: null, error: `exit ${run.status ?? run.signal}: ${run.stderr.slice(-1500)}` };
  return { figures: JSON.parse(run.stdout) as EngineFigures, error: '' };
}

export interface ProcessFigures {
  readonly runs: number[];
  readonly medianMs: number;
  /** Peak RSS of the median run's process, MB (null when it could not be read). */
  readonly peakRssMb: number | null;
  readonly outputBytes: number;
  /** One more run into the last output, which it carries approvals from (null for pandas). */
  readonly again: { readonly ms: number; readonly peakRssMb: number | null } | null;
}

/**
 * `lumive analyze <the files> -o out.xlsx` as a user runs it, whole process (Node's default heap),
 * `times` runs into new outputs after one untimed run that builds the command's bundle if it is
 * stale; the median. Then one run into the last output again, as a scheduled run does.
 */
export function raceCommand(dir: string, times = 3): ProcessFigures {
  const bin = path.join(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');
  const files = inputFiles(dir).map((f) => f.file);
  const out = mkdtempSync(path.join(tmpdir(), 'lumive-race-out-'));
  try {
    const once = (output: string) => {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--import', PEAK_PRELOAD, bin, 'analyze', ...files, '-o', output], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const ms = performance.now() - t0;
      if (run.status !== 0) throw new Error(`lumive analyze exited ${run.status ?? run.signal}: ${run.stderr.slice(-1500)}`);
      const peak = new RegExp(`${PEAK_MARK}(\\d+)`).exec(run.stderr);
      return { ms, rss: peak ? Number(peak[1]) / 1024 : null, bytes: statSync(output).size };
    };
    const runs: { ms: number; rss: number | null; bytes: number }[] = [];
    const last = path.join(out, 'last.xlsx');
    for (let i = 0; i <= times; i++) {
      rmSync(last, { force: true });
      const r = once(last);
      if (i > 0) runs.push(r);
    }
    const again = once(last);
    const ms = runs.map((r) => r.ms);
    const mid = runs[ms.indexOf(median(ms))];
    return { runs: ms, medianMs: median(ms), peakRssMb: mid.rss, outputBytes: mid.bytes, again: { ms: again.ms, peakRssMb: again.rss } };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `pandas_reference.py DIR --out OUTDIR` (parse, compute and its CSVs written), whole process; the median of `times`. */
export function racePandasProcess(dir: string, times = 3): ProcessFigures {
  const out = mkdtempSync(path.join(tmpdir(), 'lumive-race-pandas-'));
  try {
    const runs: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const run = spawnSync(PYTHON, [path.join(PEERS, 'pandas_reference.py'), dir, '--out', out], { encoding: 'utf8', maxBuffer: 1 << 22 });
      runs.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(`pandas_reference.py failed: ${run.stderr || run.error?.message}`);
    }
    const bytes = readdirSync(out).reduce((n, f) => n + statSync(path.join(out, f)).size, 0);
    return { runs, medianMs: median(runs), peakRssMb: null, outputBytes: bytes, again: null };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Bytes of a directory's input files (for the scaling table). */
export function inputBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => /\.(csv|txt)$/.test(f) && f !== 'truth_positions.csv')
    .reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

if (require.main === module && process.argv[2] === 'engine') {
  engineFigures(process.argv[3], Number(process.argv[4] ?? 3)).then(
    (f) => process.stdout.write(JSON.stringify(f)),
    (e: unknown) => {
      process.stderr.write(String(e instanceof Error ? e.stack : e));
      process.exitCode = 1;
    },
  );
}
