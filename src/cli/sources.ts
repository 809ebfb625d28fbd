/**
 * What `lumive inspect` and `lumive analyze` share about their sources: `--kind SOURCE=KIND` and
 * `--channel SOURCE=CHANNEL` (checked against the importer's kinds and channels, and against the sources
 * actually read), and the file reader's own problems (wrong encoding, broken quoting, a file that is not
 * text…) as Data Issues rows naming the file.
 */
import * as path from 'node:path';
import { CHANNELS, issueAt, KINDS, type ImportIssue, type ReportKind, type SourceAssignment } from '../engine';
import type { FileSheet } from '../io/read-report-file';
import { visible } from './terminal';

/** Every report kind the importer knows, in its own order (some kinds have several layouts). */
export const KIND_IDS: readonly ReportKind[] = [...new Set(KINDS.map((k) => k.kind))];
export const CHANNEL_IDS: readonly string[] = CHANNELS.map((c) => c.id);

export interface AssignmentOption {
  readonly option: '--kind' | '--channel';
  readonly source: string;
  readonly value: string;
}

/**
 * Reads the value of `--kind` or `--channel` (SOURCE=VALUE; the last "=" splits, so a file name may hold
 * one) and checks VALUE. Returns the assignment, or the message to print.
 */
export function parseAssignment(option: '--kind' | '--channel', arg: string | undefined): AssignmentOption | string {
  const what = option === '--kind' ? 'KIND' : 'CHANNEL';
  const example = option === '--kind' ? '--kind "Business Report.csv=amazon-business-report"' : '--channel "Business Report.csv=amazon-ksa"';
  const at = arg?.lastIndexOf('=') ?? -1;
  const source = arg !== undefined && at > 0 ? arg.slice(0, at) : '';
  const value = arg !== undefined && at > 0 ? arg.slice(at + 1) : '';
  if (!source || !value) return `${option} takes SOURCE=${what}, e.g. ${example}`;
  if (option === '--kind' && !(KIND_IDS as readonly string[]).includes(value)) {
    return `unknown report kind "${visible(value)}" in --kind. The kinds are: ${KIND_IDS.join(', ')}`;
  }
  if (option === '--channel' && !CHANNEL_IDS.includes(value)) {
    return `unknown channel "${visible(value)}" in --channel. The channels are: ${CHANNEL_IDS.join(', ')}`;
  }
  return { option, source, value };
}

/**
 * The assignments by source name, once the sources are known. A SOURCE may be given as the source's
 * name (a file's name, "book.xlsx › Sheet" for a workbook's sheet) or as the path of a file on the
 * command line. Returns the assignments, or the message to print when a SOURCE is none of the sources.
 */
export function resolveAssignments(
  options: readonly AssignmentOption[],
  files: readonly string[],
  sources: readonly string[],
): Record<string, SourceAssignment> | string {
  const byPath = new Map(files.flatMap((f) => [[f, path.basename(f)], [path.resolve(f), path.basename(f)]] as const));
  const assignments: Record<string, SourceAssignment> = {};
  for (const o of options) {
    const source = sources.includes(o.source) ? o.source : byPath.get(o.source) ?? byPath.get(path.resolve(o.source));
    if (source === undefined || !sources.includes(source)) {
      const list = sources.length > 20 ? `${sources.slice(0, 20).join(', ')}, …` : sources.join(', ');
      return `${o.option} names "${visible(o.source)}", which is not one of the sources read (${visible(list) || 'none'})`;
    }
    const prev = assignments[source] ?? {};
    assignments[source] = o.option === '--kind' ? { ...prev, kind: o.value as ReportKind } : { ...prev, channel: o.value };
  }
  return assignments;
}

/**
 * The reader's problems with each file as issues, listed first in Data Issues under the file's (or
 * sheet's) name, each on a row of its own ("Decoded as Windows-1256 (Arabic): …"). A file that could
 * not be read at all (no rows) has its rows not used.
 */
export function readerIssues(sheets: readonly FileSheet[]): ImportIssue[] {
  return sheets.flatMap((s) => s.problems.map((p) => issueAt({ source: s.source, row: null, column: null, value: null }, p, (s.rows ?? s.grid).length === 0)));
}
