/**
 * `lumive analyze <workbook.xlsx | report files and a mapping file…> -o out.xlsx [--json]
 * [--settings file.json] [--policy cover|service] [--snapshot] [--date YYYY-MM-DD]
 * [--kind SOURCE=KIND] [--channel SOURCE=CHANNEL] [--decimal-comma]` and `lumive demo [-o file]`.
 * `--snapshot` saves the analysis in the workbook's history under its date (today, or `--date` when
 * the reports are older); `--kind` and `--channel` say what a source is when detection is unsure, as for
 * `lumive inspect`; `--decimal-comma` reads "1.234,50" as 1234.5.
 *
 * analyze never modifies its inputs: a workbook is read into memory, analyzed there and written to
 * the output path; report files are analyzed into a new workbook, or into the earlier output at the
 * same path when there is one, so its approvals and settings carry forward. The file reader's own
 * notes on each file (its encoding, broken quoting, a file that is not text) are listed first in Data
 * Issues under the file's name.
 *
 * The output is checked before anything is read (an .xlsx name, not a folder, in a folder that can be
 * written), then written atomically: a temporary file beside it (".out.xlsx.<pid>.tmp"), then a rename.
 * A temporary file of that pattern left by a killed run, whose process is gone, is removed by the next
 * run. A failed write (a full disk, a read-only file system…) leaves no output and exits 1 with one
 * line naming the file and the reason. It exits 1 with a clear message when nothing can be analyzed,
 * 2 on a usage error or an input that cannot be read.
 */
import { access, constants, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { analyzeWorkbook, NothingToAnalyzeError, readWorkbookState, resultSheetsNotReadBack, type WorkbookAnalysis, type WorkbookState } from '../app/analyze-workbook';
import { demoHistory } from '../demo/history';
import { DEMO_DEFAULTS, demoInputSpecs, demoWorkbook } from '../demo/sample-workbook';
import { HistoryTable, REGISTRY_SHEET, analyze, historyId, historyName, historySheets, importSources, isChannelKind, isoDate, planSave, registrySheet, sayFileNote, type Policy, type Progress, type SourceAssignment, type SourceGrid, type Stage } from '../engine';
import { readReportFile, type FileSheet } from '../io/read-report-file';
import { SkippedSheetError, XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import type { SheetValues } from '../workbook/port';
import { CHANNEL_IDS, parseAssignment, readerIssues, resolveAssignments, type AssignmentOption } from './sources';
import { isSystemError, messageOf, rawOf, systemReason, visible, type Out } from './terminal';

export const DEMO_OUTPUT = path.join('demo', 'lumive-demo.xlsx');

interface Parsed {
  files: string[];
  output: string | null;
  json: boolean;
  settings: string | null;
  policy: Policy | null;
  snapshot: boolean;
  date: Date | null;
  /** `--kind` and `--channel`, checked against the sources once they are read. */
  assignments: AssignmentOption[];
  decimalComma: boolean;
}

function parseArgs(command: string, args: readonly string[], err: Out): Parsed | null {
  const p: Parsed = { files: [], output: null, json: false, settings: null, policy: null, snapshot: false, date: null, assignments: [], decimalComma: false };
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
    } else if (command === 'analyze' && (a === '--kind' || a === '--channel')) {
      const parsed = parseAssignment(a, args[++i]);
      if (typeof parsed === 'string') {
        err.write(`lumive ${command}: ${parsed}\n`);
        return null;
      }
      p.assignments.push(parsed);
    } else if (command === 'analyze' && a === '--decimal-comma') p.decimalComma = true;
    else if (a.startsWith('-')) {
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

const statOrError = (file: string) => stat(file).catch((e: unknown) => (isSystemError(e) ? e : Promise.reject(e)));

/**
 * What is wrong with `output` as the path of the workbook to write, before anything is read or
 * analyzed (an hour's analysis must not end in "EISDIR"): a folder, not an .xlsx name, or a folder
 * that cannot be written (a file where a folder should be, no permission, a read-only file system).
 * Null when it looks writable; the write itself can still fail (a full disk), and says so.
 */
export async function outputProblem(output: string): Promise<string | null> {
  const target = path.resolve(output);
  const found = await statOrError(target);
  if (!isSystemError(found)) {
    if (found.isDirectory()) return `${output} is a folder: give the output workbook's file name, e.g. ${path.join(output, 'lumive.xlsx')}`;
    if (!found.isFile()) return `${output} is not a regular file: give the output workbook's file name, e.g. lumive.xlsx`;
  } else if (found.code !== 'ENOENT' && found.code !== 'ENOTDIR') {
    return `cannot write ${output}: ${systemReason(found)}`;
  }
  if (!/\.xlsx$/i.test(output)) {
    const stem = path.basename(output).replace(/\.[^.]*$/, '') || 'lumive';
    return `the output is an Excel workbook and its name must end in .xlsx (${output} does not): use e.g. ${path.join(path.dirname(output), `${stem}.xlsx`)}`;
  }
  // The nearest folder above that exists: missing folders below it are created on writing.
  const shown = (p: string) => (path.isAbsolute(output) ? p : path.relative(process.cwd(), p) || '.');
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const s = await statOrError(dir);
    if (!isSystemError(s)) {
      if (!s.isDirectory()) return `cannot write ${output}: ${shown(dir)} is a file, not a folder`;
      const denied = await access(dir, constants.W_OK).then(
        () => null,
        (e: unknown) => e,
      );
      return denied ? `cannot write ${output}: ${systemReason(denied)} (folder ${shown(dir)})` : null;
    }
    if (s.code !== 'ENOENT' && s.code !== 'ENOTDIR') return `cannot write ${output}: ${systemReason(s)} (folder ${shown(dir)})`;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The temporary file `writeAtomically` writes beside `target` before renaming it into place. */
const temporaryName = (target: string, pid: number) => `.${path.basename(target)}.${pid}.tmp`;

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid > 0x7fffffff) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists and belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of `target` that a killed or crashed run left (".out.xlsx.<pid>.tmp" whose
 * process is gone). Only that pattern for that name: nothing else in the folder is touched, and a run
 * still writing the same output keeps its file.
 */
export async function removeStaleTemporaries(target: string): Promise<string[]> {
  const folder = path.dirname(path.resolve(target));
  const prefix = `.${path.basename(target)}.`;
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : '';
    if (!/^\d{1,10}$/.test(pid) || name !== temporaryName(target, Number(pid))) continue;
    if (Number(pid) !== process.pid && isRunning(Number(pid))) continue;
    const removedOk = await rm(path.join(folder, name), { force: true }).then(
      () => true,
      () => false,
    );
    if (removedOk) removed.push(name);
  }
  return removed;
}

/**
 * Writes bytes to `target` through a temporary file in the same folder, then renames it. On failure
 * the temporary file is removed and the error thrown: `target` is either the old file or the new one.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await removeStaleTemporaries(target);
  const tmp = path.join(path.dirname(path.resolve(target)), temporaryName(target, process.pid));
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } catch (e) {
    // The first error is the one to report (a full disk), not a failure to clean up after it.
    await rm(tmp, { force: true }).catch(() => undefined);
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

/** The file reader's notes on the files analyzed (also the first rows of Data Issues). */
interface FileNote {
  readonly source: string;
  readonly note: string;
}

function summaryJson(r: WorkbookAnalysis, notes: readonly FileNote[]) {
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
    fileNotes: notes,
    approvalLogRows: a.logRows.length,
    trends: Object.fromEntries(['Growth', 'Stable', 'Decline', 'New demand', 'No sales', '—'].map((t) => [t, a.trends.filter((r) => (r.t?.trend ?? '—') === t).length])),
    history: { snapshotDates: a.history.snapshotDates, savedRows: a.history.savedRows },
    snapshot: r.snapshot ?? null,
  };
}

function summaryText(r: WorkbookAnalysis, output: string, notes: readonly FileNote[]): string {
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
    ...(notes.length > 0 ? ['Notes on the files read (also in Data Issues):', ...notes.map((n) => `  ${visible(n.source)}: ${visible(n.note)}`), ''] : []),
    `Wrote ${visible(output)}`,
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

/**
 * Reads each input file's bytes; a file that cannot be read is a message naming it (the caller exits 2).
 */
async function readInput(command: string, file: string, err: Out): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    if (!isSystemError(e)) throw e;
    err.write(`lumive ${command}: cannot read ${visible(file)}: ${systemReason(e)}\n`);
    return null;
  }
}

/**
 * Why there is nothing to analyze, source by source, from what the importer makes of the inputs: a
 * header without rows is said as such (not "check the Mapping"), an unknown channel names --channel.
 * The mapping advice of `fallback` (analyze-workbook.ts) is kept only when some report gave rows.
 */
function nothingToAnalyze(fallback: string, inputs: readonly SourceGrid[], assignments: Readonly<Record<string, SourceAssignment>>, decimalComma: boolean): string {
  const result = importSources(inputs, { assignments, decimalComma });
  const lines: string[] = [];
  let rowsUsed = false;
  for (const s of result.sources) {
    const name = visible(s.source);
    const label = s.label ? ` (${s.label})` : '';
    const first = s.issues[0]?.reason;
    if (s.kind === null) {
      lines.push(s.rowsRead === 0 && s.headerRow === null
        ? `${name}: nothing could be read${first ? ` (${visible(first)})` : ''}`
        : `${name}: not recognized as an Amazon or noon report (say what it is with --kind "${name}=KIND"; \`lumive inspect\` shows why)`);
    } else if (s.rowsRead === 0) lines.push(`${name}${label} has a header and no rows`);
    else if (!isChannelKind(s.kind)) lines.push(`${name}${label}: ${s.rowsRead} row${s.rowsRead === 1 ? '' : 's'}`);
    else if (s.rowsUsed === 0) {
      const channel = s.channelDecision?.channel === null && s.channelDecision.channelReport
        ? `; say which channel with --channel "${name}=CHANNEL" (${CHANNEL_IDS.join(', ')})`
        : '';
      lines.push(`${name}${label}: none of its ${s.rowsRead} rows could be used${first ? ` (${visible(first)})` : ''}${channel}`);
    } else {
      rowsUsed = true;
      lines.push(`${name}${label}: ${s.rowsUsed} of ${s.rowsRead} rows used`);
    }
  }
  const headline = rowsUsed ? fallback : 'Nothing to analyze: no report gave a row to analyze. Run `lumive inspect` on the files to see what was read.';
  return [headline, ...lines.map((l) => `  ${l}`)].join('\n');
}

const STAGE_NAMES: Readonly<Record<Stage, string>> = {
  import: 'Reading reports',
  classes: 'Classifying',
  metrics: 'Computing metrics',
  recommendations: 'Recommending',
  sheets: 'Building sheets',
};

/**
 * Stage progress on one terminal line (only when stderr is a terminal: logs and pipes stay clean). The
 * only terminal codes the command writes, so they go to the stream under main()'s guard.
 */
function terminalProgress(err: Out): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  const raw = rawOf(err);
  let last = '';
  return (stage, done, total) => {
    const line = `${STAGE_NAMES[stage]} ${total > 0 ? Math.round((done / total) * 100) : 100}%`;
    if (line === last) return;
    last = line;
    raw.write(`\r\x1b[K${line}${stage === 'sheets' && done === total ? '\r\x1b[K' : ''}`);
  };
}

interface Inputs {
  /** The report sources given as files; undefined when the workbook's own sheets are the inputs. */
  readonly files?: readonly FileSheet[];
  readonly state: WorkbookState;
}

async function run(command: string, port: XlsxWorkbook, inputs: Inputs, p: Parsed, output: string, out: Out, err: Out): Promise<number> {
  let settingsOverride;
  if (p.settings) {
    try {
      settingsOverride = { source: path.basename(p.settings), values: await readSettingsFile(p.settings) };
    } catch (e) {
      err.write(`lumive: cannot read settings ${visible(p.settings)}: ${visible(systemReason(e))}\n`);
      return 2;
    }
  }
  // A file read a row at a time is passed as it is: its grid is made only if something asks for it.
  const sources: readonly SourceGrid[] = inputs.files ?? inputs.state.inputs;
  const assignments = resolveAssignments(p.assignments, p.files, sources.map((s) => s.source));
  if (typeof assignments === 'string') {
    err.write(`lumive ${command}: ${assignments}\n`);
    return 2;
  }
  // The command line's choices complete the workbook's own (its Lumive Sources sheet), source by source.
  const merged = Object.fromEntries(Object.entries(assignments).map(([source, a]) => [source, { ...inputs.state.assignments[source], ...a }]));
  const notes = (inputs.files ?? []).flatMap((f) => f.problems.map((p) => ({ source: f.source, note: sayFileNote(p) })));
  // The reader's notes go to Data Issues with the file's name, after the settings sheet's own.
  const state: WorkbookState = { ...inputs.state, issues: [...inputs.state.issues, ...readerIssues(inputs.files ?? [])] };
  let result: WorkbookAnalysis;
  try {
    result = await analyzeWorkbook(port, {
      state,
      inputs: inputs.files ? sources : undefined,
      assignments: merged,
      decimalComma: p.decimalComma || undefined,
      settingsOverride,
      policy: p.policy ?? undefined,
      snapshot: p.snapshot,
      now: p.date ?? undefined,
      onProgress: terminalProgress(err),
    });
  } catch (e) {
    if (e instanceof NothingToAnalyzeError) {
      err.write(`lumive: ${nothingToAnalyze(e.message, sources, { ...inputs.state.assignments, ...merged }, p.decimalComma)}\n`);
      return 1;
    }
    throw e;
  }
  try {
    await writeAtomically(output, await port.toBuffer());
  } catch (e) {
    if (!isSystemError(e)) throw e;
    err.write(`lumive ${command}: cannot write ${visible(output)}: ${systemReason(e)}; nothing was written\n`);
    return 1;
  }
  out.write(p.json ? `${JSON.stringify(summaryJson(result, notes), null, 2)}\n` : summaryText(result, output, notes));
  return 0;
}

/** Checks the output path before any input is read; false (after saying why) when it cannot be written. */
async function outputUsable(command: string, output: string, err: Out): Promise<boolean> {
  const problem = await outputProblem(output);
  if (problem) err.write(`lumive ${command}: ${visible(problem)}\n`);
  return problem === null;
}

/**
 * `lumive analyze`: reads the workbook or report files, runs the app layer's analyzeWorkbook over them
 * and writes the result file.
 */
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
  if (!(await outputUsable('analyze', output, err))) return 2;
  if (p.files.length === 1 && /\.xlsx$/i.test(p.files[0])) {
    const bytes = await readInput('analyze', p.files[0], err);
    if (!bytes) return 2;
    const name = path.basename(p.files[0]);
    const opened = await XlsxWorkbook.fromBuffer(bytes, name).catch((e: unknown) => e);
    if (!(opened instanceof XlsxWorkbook)) {
      // The reader's own refusal (too large when unpacked, a far stray cell …) says what is wrong.
      const why = isWorkbookReadError(opened) ? messageOf(opened) : 'it is not a readable .xlsx workbook (open it in Excel and save it again as .xlsx)';
      err.write(`lumive analyze: cannot read ${visible(p.files[0])}: ${visible(why)}\n`);
      return 2;
    }
    let state;
    try {
      state = await readWorkbookState(opened);
    } catch (e) {
      if (!isWorkbookReadError(e)) throw e;
      err.write(`lumive analyze: cannot read ${visible(p.files[0])}: ${visible(messageOf(e))}\n`);
      return 2;
    }
    return run('analyze', opened, { state }, p, output, out, err);
  }
  const files: FileSheet[] = [];
  for (const f of p.files) {
    const bytes = await readInput('analyze', f, err);
    if (!bytes) return 2;
    files.push(...(await readReportFile(path.basename(f), bytes)));
  }
  // Report files: an earlier output at the same path carries its approvals and settings forward
  // (a scheduled run keeps what colleagues typed); otherwise a new workbook.
  // Only a missing file means there is none: one that cannot be read must not be replaced unread.
  let previous: Uint8Array | null = null;
  try {
    previous = new Uint8Array(await readFile(output));
  } catch (e) {
    if (!isSystemError(e)) throw e;
    if (e.code !== 'ENOENT') {
      err.write(`lumive analyze: cannot read the earlier output ${visible(output)}: ${systemReason(e)}; choose another output\n`);
      return 2;
    }
  }
  const port = previous ? await openPrevious(previous) : XlsxWorkbook.empty();
  if (!port) {
    err.write(`lumive analyze: ${visible(output)} exists and is not a readable .xlsx workbook; choose another output\n`);
    return 2;
  }
  try {
    return await run('analyze', port, { files, state: await readWorkbookState(port) }, p, output, out, err);
  } catch (e) {
    // A result sheet left out turned out to be needed (a registry that does not match its sheets):
    // the whole earlier output, as before.
    if (!(e instanceof SkippedSheetError) || !previous) throw e;
    const whole = await XlsxWorkbook.fromBuffer(previous);
    return run('analyze', whole, { files, state: await readWorkbookState(whole) }, p, output, out, err);
  }
}

/**
 * The earlier output, opened without the result sheets Analyze rewrites and never reads back (its
 * registry, read first on its own, says which): at 100,000 positions they are most of the file. Null
 * when it is not a readable workbook.
 */
async function openPrevious(bytes: Uint8Array): Promise<XlsxWorkbook | null> {
  const skip = async (names: readonly string[], peek: (sheets: readonly string[]) => Promise<Map<string, SheetValues>>) => {
    const registries = names.filter((n) => n === REGISTRY_SHEET || n === `${REGISTRY_SHEET} (Lumive)`);
    return resultSheetsNotReadBack(await peek(registries), names);
  };
  return XlsxWorkbook.fromBuffer(bytes, 'the earlier output', { skip }).catch(() => null);
}

export async function demoCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parseArgs('demo', args, err);
  if (!p) return 2;
  const output = p.output ?? DEMO_OUTPUT;
  if (!(await outputUsable('demo', output, err))) return 2;
  const port = XlsxWorkbook.empty();
  await port.writeSheets(demoInputSpecs());
  // The sample's reports are downloaded on DEMO_DEFAULTS.asOf: analyze as of that morning (or --date).
  const now = p.date ?? new Date(DEMO_DEFAULTS.asOf.getTime() + 6 * 3_600_000);
  // Five earlier monthly snapshots, made up from the sample's own (src/demo/history.ts), so the
  // Trends sheet and the history-fed forecasts have something to show.
  const sample = analyze(demoWorkbook(), { now });
  const history = historySheets(planSave(new HistoryTable(), demoHistory(sample.snapshot), isoDate(now)), [], historyName);
  await port.writeSheets([registrySheet(new Map([[historyId(0), historyName(0)]]), now.toISOString()), ...history]);
  if (!p.json) out.write('Lumive demo: a sample seller workbook (Amazon and noon, KSA and UAE) with 5 months of sample snapshot history, analyzed without Excel\n\n');
  return run('demo', port, { state: await readWorkbookState(port) }, { ...p, date: now }, output, out, err);
}

/** The xlsx reader's refusal (src/workbook/xlsx/read-worksheet.ts), recognized by name across realms. */
function isWorkbookReadError(e: unknown): e is Error {
  return typeof e === 'object' && e !== null && (e as Error).name === 'WorkbookReadError';
}
