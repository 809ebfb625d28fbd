/**
 * `lumive inspect <files or workbook.xlsx…> [--json] [--kind SOURCE=KIND] [--channel SOURCE=CHANNEL]
 * [--decimal-comma]`: what the importer makes of each sheet or file — kind, confidence, channel and how
 * it was decided, rows read / used / reported, the reader's notes on the file and the first issues.
 *
 * Everything it prints from a file (names, headers, values, reasons quoting them) goes through
 * `visible` (terminal.ts): a control character shows as its escape ("\u001b"), never reaches the terminal.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SourceSummary, importSources, sayFileNote, type ImportIssue, type SourceGrid } from '../engine';
import { readReportFile } from '../io/read-report-file';
import { parseAssignment, resolveAssignments, type AssignmentOption } from './sources';
import { isSystemError, systemReason, visible, type Out } from './terminal';

/** Issues listed per source in text output; JSON lists up to MAX_JSON_ISSUES and gives the total. */
const FIRST_ISSUES = 5;
const MAX_JSON_ISSUES = 1000;

export async function inspectCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const files: string[] = [];
  const chosen: AssignmentOption[] = [];
  let json = false;
  let decimalComma = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--decimal-comma') decimalComma = true;
    else if (a === '--kind' || a === '--channel') {
      const parsed = parseAssignment(a, args[++i]);
      if (typeof parsed === 'string') {
        err.write(`lumive inspect: ${parsed}\n`);
        return 2;
      }
      chosen.push(parsed);
    } else if (a.startsWith('-') && a !== '-') {
      err.write(`lumive inspect: unknown option ${a}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    err.write('lumive inspect: give one or more report files (.csv, .tsv, .txt, .xlsx)\n');
    return 2;
  }
  const grids: SourceGrid[] = [];
  const notes = new Map<string, readonly string[]>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      if (!isSystemError(e)) throw e;
      err.write(`lumive inspect: cannot read ${visible(file)}: ${systemReason(e)}\n`);
      return 1;
    }
    for (const sheet of await readReportFile(path.basename(file), bytes)) {
      grids.push({ source: sheet.source, grid: sheet.grid });
      notes.set(sheet.source, sheet.problems.map((p) => sayFileNote(p)));
    }
  }
  const assignments = resolveAssignments(chosen, files, grids.map((g) => g.source));
  if (typeof assignments === 'string') {
    err.write(`lumive inspect: ${assignments}\n`);
    return 2;
  }
  const result = importSources(grids, { assignments, decimalComma });
  if (json) {
    out.write(`${JSON.stringify(result.sources.map((s) => toJson(s, notes.get(s.source) ?? [])), null, 2)}\n`);
  } else {
    for (const s of result.sources) out.write(toText(s, notes.get(s.source) ?? []));
    const provisional = result.positions.filter((p) => p.provisional).length;
    out.write(`${result.sources.length} sources, ${result.positions.length} positions (${provisional} not in the mapping), ${result.issues.length} join issues\n`);
  }
  return 0;
}

function issueLine(i: ImportIssue): string {
  const where = [i.row !== null ? `row ${i.row}` : null, i.column ? `column "${i.column}"` : null].filter(Boolean).join(', ');
  // Value-parsing reasons already quote the value.
  const value = i.value !== null && !i.reason.includes(`"${i.value}"`) ? ` value "${i.value.length > 40 ? `${i.value.slice(0, 37)}…` : i.value}"` : '';
  return `${where ? `${where}:` : ''}${value} ${i.reason}${i.dropped ? ' (row not used)' : ''}`.trim();
}

function toText(s: SourceSummary, fileNotes: readonly string[]): string {
  const pct = `${Math.round(s.confidence * 100)}%`;
  const kind = s.kind ? `${s.kind} (${s.label}), confidence ${pct}` : `unsure (best ${pct})`;
  const channel = s.channel
    ? `${s.channel.label}: ${s.channelDecision?.reason}`
    : s.channelDecision?.reason ?? 'none';
  const lines = [
    s.source,
    `  kind      ${kind}`,
    ...s.reasons.map((r) => `            ${r}`),
    `  channel   ${channel}`,
    `  rows      read ${s.rowsRead}, used ${s.rowsUsed}, reported ${s.rowsReported}${s.headerRow ? ` (header on row ${s.headerRow})` : ''}`,
    ...fileNotes.map((n) => `  file      ${n}`),
  ];
  if (s.issues.length) {
    lines.push(`  issues    ${s.issues.length}${s.issues.length > FIRST_ISSUES ? `, first ${FIRST_ISSUES}` : ''}:`);
    for (const i of s.issues.slice(0, FIRST_ISSUES)) lines.push(`            ${issueLine(i)}`);
  }
  // Each line is the CLI's own; anything in it from the file (a line break in a value too) shows escaped.
  return `${lines.map(visible).join('\n')}\n\n`;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function toJson(s: SourceSummary, fileNotes: readonly string[]) {
  return {
    source: s.source,
    kind: s.kind,
    label: s.label,
    confidence: round3(s.confidence),
    unsure: s.unsure,
    reasons: s.reasons,
    candidates: (s.report.detection?.candidates.slice(0, 3) ?? []).map((c) => ({ kind: c.kind, confidence: round3(c.confidence) })),
    channel: s.channel?.id ?? null,
    channelDecidedBy: s.channelDecision?.decidedBy ?? null,
    channelReason: s.channelDecision?.reason ?? null,
    headerRow: s.headerRow,
    columns: Object.fromEntries(s.report.columns.map((c) => [c.field, c.header])),
    unknownColumns: s.report.unknownColumns,
    rowsRead: s.rowsRead,
    rowsUsed: s.rowsUsed,
    rowsReported: s.rowsReported,
    fileNotes,
    issuesTotal: s.issues.length,
    issues: s.issues.slice(0, MAX_JSON_ISSUES),
  };
}
