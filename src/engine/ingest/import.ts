/**
 * The importer end to end: every sheet or file read and recognized, its channel decided, all of them
 * joined into positions. One summary per source says what it is and accounts for every row:
 * rows read = rows used + rows reported (blank rows aside).
 */
import type { Channel } from '../model';
import { ChannelDecision, inferChannel } from './channel';
import { joinReports, JoinResult } from './join';
import { kindSpec, type ReportKind } from './kinds';
import { setAsideRepeats } from './repeats';
import { ParsedReport, readReport } from './read-report';
import { issueAt, type ImportIssue, type SourceGrid } from './types';
import { problemOf } from '../problems';

/** What the user said about a source: its kind and/or its channel (a channel id). */
export interface SourceAssignment {
  readonly kind?: ReportKind;
  readonly channel?: string;
}

export interface SourceSummary {
  readonly source: string;
  readonly kind: ReportKind | null;
  readonly label: string | null;
  readonly confidence: number;
  readonly unsure: boolean;
  readonly reasons: readonly string[];
  readonly channel: Channel | null;
  readonly channelDecision: ChannelDecision | null;
  readonly headerRow: number | null;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsReported: number;
  readonly issues: readonly ImportIssue[];
  readonly report: ParsedReport;
}

export interface ImportResult extends JoinResult {
  readonly sources: readonly SourceSummary[];
}

export interface ImportOptions {
  readonly assignments?: Readonly<Record<string, SourceAssignment>>;
  readonly decimalComma?: boolean;
  readonly periodDays?: number;
  /** The day of the analysis (ms UTC; default now): later dates of past events are reported, not used. */
  readonly asOf?: number;
}

export function importSources(inputs: readonly SourceGrid[], options: ImportOptions = {}): ImportResult {
  return importReports(
    inputs.map((input) => readSource(input, options)),
    options,
  );
}

/** One sheet or file read into typed records, with the kind the user chose for it if any (the import's first step). */
export function readSource(input: SourceGrid, options: ImportOptions = {}): ParsedReport {
  const said = options.assignments?.[input.source] ?? {};
  return readReport(input, { kind: said.kind, decimalComma: options.decimalComma, asOf: options.asOf });
}

/** The rest of the import, from reports already read: channels decided, repeats set aside, the join. */
export function importReports(reports: readonly ParsedReport[], options: ImportOptions = {}): ImportResult {
  const sources: SourceSummary[] = reports.map((report) => {
    const said = options.assignments?.[report.source] ?? {};
    const spec = report.kind ? kindSpec(report.kind, report.variant) : undefined;
    if (spec?.use === 'set-aside') {
      // Not sales and not stock: recognized so that it is never read as either; one line accounts for its rows.
      const problem = problemOf('import.set-aside', { label: spec.label, kind: spec.kind, variant: spec.variant ?? null, note: spec.note ?? '', rows: report.rowsRead });
      return summary(report.source, report, null, [issueAt({ source: report.source, row: null, column: null, value: null }, problem, true)], 0, report.rowsRead);
    }
    const decision = report.kind ? inferChannel(report.kind, report.source, report.records, said.channel) : null;
    const needsChannel = report.kind !== null && decision !== null && decision.channel === null && decision.channelReport;
    const issues = [...report.issues];
    let { rowsUsed, rowsReported } = report;
    if (needsChannel) {
      // The rows are fine but cannot be joined until the user says which channel they belong to.
      issues.unshift(issueAt({ source: report.source, row: null, column: null, value: null }, problemOf('channel.unknown', { why: decision.problem }), true));
      rowsReported += rowsUsed;
      rowsUsed = 0;
    }
    return summary(report.source, report, decision, issues, rowsUsed, rowsReported);
  });
  // The same report given twice, or two exports of the same days, count once.
  const checked = setAsideRepeats(sources);
  const joined = joinReports(
    checked.filter((s) => s.rowsUsed > 0).map((s) => ({ report: s.report, channel: s.channel })),
    { periodDays: options.periodDays },
  );
  return { ...joined, sources: checked };
}

function summary(source: string, report: ParsedReport, decision: ChannelDecision | null, issues: ImportIssue[], rowsUsed: number, rowsReported: number): SourceSummary {
  return {
    source,
    kind: report.kind,
    label: report.label,
    confidence: report.detection?.confidence ?? 0,
    unsure: report.detection?.unsure ?? true,
    reasons: report.detection?.reasons ?? [],
    channel: decision?.channel ?? null,
    channelDecision: decision,
    headerRow: report.headerRow,
    rowsRead: report.rowsRead,
    rowsUsed,
    rowsReported,
    issues,
    report,
  };
}
