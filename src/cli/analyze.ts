/**
 * `lumive analyze <workbook.xlsx | report files and a mapping file…> -o out.xlsx [--json]
 * [--settings file.json] [--policy cover|service] [--snapshot] [--date YYYY-MM-DD]` and
 * `lumive demo [-o file]`. `--snapshot` saves the analysis in the workbook's history under its date
 * (today, or `--date` when the reports are older).
 *
 * analyze never modifies its inputs: a workbook is read into memory, analyzed there and written to
 * the output path; report files are analyzed into a new workbook, or into the earlier output at the
 * same path when there is one, so its approvals and settings carry forward. The output is written atomically
 * (a temporary file beside it, then a rename). It exits 1 with a clear message when nothing can be
 * analyzed, 2 on a usage error.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { analyzeWorkbook, NothingToAnalyzeError, type WorkbookAnalysis } from '../app/analyze-workbook';
import type { Progress, Stage } from '../engine/analyze';
import { analyze } from '../engine/analyze';
import { demoHistory } from '../engine/demo/history';
import { DEMO_DEFAULTS, demoInputSpecs, demoWorkbook } from '../engine/demo/sample-workbook';
import { HistoryTable, historyId, historyName, historySheets, isoDate, planSave } from '../engine/history/history';
import { registrySheet } from '../engine/sheets/registry';
import type { SourceGrid } from '../engine/ingest/types';
import type { Policy } from '../engine/model';
import { readReportFile } from '../io/read-report-file';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';

interface Out {
  write(text: string): unknown;
}

export const DEMO_OUTPUT = path.join('demo', 'lumive-demo.xlsx');

interface Parsed {
  files: string[];
  output: string | null;
  json: boolean;
  settings: string | null;
  policy: Policy | null;
  snapshot: boolean;
  date: Date | null;
}

function parseArgs(command: string, args: readonly string[], err: Out): Parsed | null {
  const p: Parsed = { files: [], output: null, json: false, settings: null, policy: null, snapshot: false, date: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output' || a === '--settings') {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) {
        err.write(`lumive ${command}: ${a} needs a file name\n`);
        return null;
      }
      if (a === '--settings') p.settings = value;
      else p.output = value;
    } else if (a === '--json') p.json = true;
    else if (a === '--snapshot') p.snapshot = true;
    else if (a === '--date') {
      const v = args[++i];
      const d = v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T12:00:00Z`) : null;
      if (d === null || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        err.write(`lumive ${command}: --date must be a day such as 2026-10-31\n`);
        return null;
      }
      p.date = d;
    }
    else if (a === '--policy') {
      const v = args[++i];
      if (v !== 'cover' && v !== 'service') {
        err.write(`lumive ${command}: --policy must be cover or service\n`);
        return null;
      }
      p.policy = v;
    } else if (a.startsWith('-')) {
      err.write(`lumive ${command}: unknown option ${a}\n`);
      return null;
    } else p.files.push(a);
  }
  if (p.output === null && command === 'analyze') {
    err.write('lumive analyze: give the output workbook with -o out.xlsx\n');
    return null;
  }
  return p;
}

/** Writes bytes to `target` through a temporary file in the same folder, then renames it. */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function readSettingsFile(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} must hold a JSON object of settings, e.g. {"safetyDays": 21}`);
  return value as Record<string, unknown>;
}

const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

function summaryJson(r: WorkbookAnalysis) {
  const a = r.analysis;
  return {
    positions: a.metrics.length,
    masterSkus: a.kpis.masterSkus,
    policy: a.settings.policy,
    reportingCurrency: a.settings.reportingCurrency,
    kpis: a.kpis,
    sheets: Object.fromEntries(r.written.map((w) => [w.name, w.rows])),
    urgent: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, ...Object.fromEntries(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map((p) => [p, a.urgent.filter((u) => u.priority === p).length])) },
    sources: a.sources.map((s) => ({ source: s.source, kind: s.kind, channel: s.channel?.id ?? null, rowsRead: s.rowsRead, rowsUsed: s.rowsUsed, rowsReported: s.rowsReported })),
    issues: a.issues.length,
    approvalLogRows: a.logRows.length,
    trends: Object.fromEntries(['Growth', 'Stable', 'Decline', 'New demand', 'No sales', '—'].map((t) => [t, a.trends.filter((r) => (r.t?.trend ?? '—') === t).length])),
    history: { snapshotDates: a.history.snapshotDates, savedRows: a.history.savedRows },
    snapshot: r.snapshot ?? null,
  };
}

function summaryText(r: WorkbookAnalysis, output: string): string {
  const a = r.analysis;
  const k = a.kpis;
  const cur = a.settings.reportingCurrency;
  const count = (p: string) => a.urgent.filter((u) => u.priority === p).length;
  const lines = [
    `Analyzed ${k.positions} positions (${k.masterSkus} Master SKUs on ${k.channels.length} channels), policy: ${a.settings.policy === 'service' ? 'service level' : 'days of cover'}`,
    `  Stock value at cost   ${cur} ${money(k.stockValue)}`,
    `  At risk               ${k.atRisk} positions, ${cur} ${money(k.atRiskValue)} at stake`,
    `  Urgent actions        ${count('CRITICAL')} critical, ${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW')} low`,
    `  Lost revenue (proj.)  ${cur} ${money(k.projectedLostRevenue)}`,
    `  GMROI ${k.gmroi === null ? '—' : k.gmroi.toFixed(2)}, sell-through ${k.sellThrough === null ? '—' : `${(k.sellThrough * 100).toFixed(1)}%`}`,
    `  Reorder ${a.reorder.length} lines (${cur} ${money(a.reorder.reduce((s, l) => s + (l.orderValueReporting ?? 0), 0))}), rebalance ${a.rebalance.lines.length} transfers, liquidate ${a.liquidation.length}, stranded ${a.stranded.length}`,
    `  Data issues           ${a.issues.length}`,
    `  Trends                ${trendLine(a)}`,
    ...(r.snapshot
      ? [`  Snapshot saved        ${r.snapshot.date}: ${r.snapshot.added} rows${r.snapshot.replaced > 0 ? `, replacing the ${r.snapshot.replaced} rows saved earlier that day` : ''}${r.snapshot.skipped > 0 ? `, ${r.snapshot.skipped} sales-month rows already saved` : ''} (${snapshotCount(a.history.snapshotDates)} in the workbook)`]
      : []),
    '',
    'Sheets written:',
    ...r.written.map((w) => `  ${w.name.padEnd(22)} ${w.rows} rows`),
    '',
    `Wrote ${output}`,
    '',
  ];
  return lines.join('\n');
}

function snapshotCount(saved: readonly string[]): string {
  const n = saved.length;
  return `${n} snapshot${n === 1 ? '' : 's'}`;
}

function trendLine(a: WorkbookAnalysis['analysis']): string {
  const n = (t: string) => a.trends.filter((r) => r.t?.trend === t).length;
  const saved = a.history.snapshotDates.length;
  return `${n('Growth')} growth, ${n('Stable')} stable, ${n('Decline')} decline (${saved === 0 ? 'no snapshot saved yet' : `${saved} saved snapshot${saved === 1 ? '' : 's'}`})`;
}

/** Turns report files into sources; an .xlsx given alone is analyzed as a workbook instead. */
async function fileSources(files: readonly string[]): Promise<SourceGrid[]> {
  const sources: SourceGrid[] = [];
  for (const f of files) sources.push(...(await readReportFile(path.basename(f), new Uint8Array(await readFile(f)))));
  return sources;
}

const STAGE_NAMES: Readonly<Record<Stage, string>> = {
  import: 'Reading reports',
  classes: 'Classifying',
  metrics: 'Computing metrics',
  recommendations: 'Recommending',
  sheets: 'Building sheets',
};

/** Stage progress on one terminal line (only when stderr is a terminal: logs and pipes stay clean). */
function terminalProgress(err: Out): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = '';
  return (stage, done, total) => {
    const line = `${STAGE_NAMES[stage]} ${total > 0 ? Math.round((done / total) * 100) : 100}%`;
    if (line === last) return;
    last = line;
    err.write(`\r\x1b[K${line}${stage === 'sheets' && done === total ? '\r\x1b[K' : ''}`);
  };
}

async function run(port: XlsxWorkbook, inputs: SourceGrid[] | undefined, p: Parsed, output: string, out: Out, err: Out): Promise<number> {
  let settingsOverride;
  if (p.settings) {
    try {
      settingsOverride = { source: path.basename(p.settings), values: await readSettingsFile(p.settings) };
    } catch (e) {
      err.write(`lumive: cannot read settings ${p.settings}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  let result: WorkbookAnalysis;
  try {
    result = await analyzeWorkbook(port, { inputs, settingsOverride, policy: p.policy ?? undefined, snapshot: p.snapshot, now: p.date ?? undefined, onProgress: terminalProgress(err) });
  } catch (e) {
    if (e instanceof NothingToAnalyzeError) {
      err.write(`lumive: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  await writeAtomically(output, await port.toBuffer());
  out.write(p.json ? `${JSON.stringify(summaryJson(result), null, 2)}\n` : summaryText(result, output));
  return 0;
}

export async function analyzeCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parseArgs('analyze', args, err);
  if (!p) return 2;
  if (p.files.length === 0) {
    err.write('lumive analyze: give a workbook (.xlsx) or report files and a mapping file\n');
    return 2;
  }
  const output = p.output as string;
  if (p.files.some((f) => path.resolve(f) === path.resolve(output))) {
    err.write('lumive analyze: the output must not be one of the inputs (inputs are never modified)\n');
    return 2;
  }
  try {
    if (p.files.length === 1 && /\.xlsx$/i.test(p.files[0])) {
      const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await readFile(p.files[0])));
      return await run(port, undefined, p, output, out, err);
    }
    // Report files: an earlier output at the same path carries its approvals and settings forward
    // (a scheduled run keeps what colleagues typed); otherwise a new workbook.
    const previous = await readFile(output).catch(() => null);
    const port = previous ? await XlsxWorkbook.fromBuffer(new Uint8Array(previous)).catch(() => null) : null;
    if (previous && !port) {
      err.write(`lumive analyze: ${output} exists and is not a readable .xlsx workbook; choose another output\n`);
      return 2;
    }
    return await run(port ?? XlsxWorkbook.empty(), await fileSources(p.files), p, output, out, err);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      err.write(`lumive analyze: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

export async function demoCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parseArgs('demo', args, err);
  if (!p) return 2;
  const output = p.output ?? DEMO_OUTPUT;
  const port = XlsxWorkbook.empty();
  await port.writeSheets(demoInputSpecs());
  // The sample's reports are downloaded on DEMO_DEFAULTS.asOf: analyze as of that morning (or --date).
  const now = p.date ?? new Date(DEMO_DEFAULTS.asOf.getTime() + 6 * 3_600_000);
  // Five earlier monthly snapshots, made up from the sample's own (engine/demo/history.ts), so the
  // Trends sheet and the history-fed forecasts have something to show.
  const sample = analyze(demoWorkbook(), { now });
  const history = historySheets(planSave(new HistoryTable(), demoHistory(sample.snapshot), isoDate(now)), [], historyName);
  await port.writeSheets([registrySheet(new Map([[historyId(0), historyName(0)]]), now.toISOString()), ...history]);
  if (!p.json) out.write('Lumive demo: a sample seller workbook (Amazon and noon, KSA and UAE) with 5 months of sample snapshot history, analyzed without Excel\n\n');
  return run(port, undefined, { ...p, date: now }, output, out, err);
}
