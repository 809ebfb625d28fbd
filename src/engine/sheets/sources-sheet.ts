/**
 * What the user said about the report sheets (the task pane's Reports panel): a sheet's kind when
 * detection was unsure or wrong, and its channel when neither its name nor its columns say. Kept in a
 * very hidden state sheet so the choice travels with the workbook and every later Analyze (the add-in's
 * or the CLI's) honors it. Like the registry, the sheet is ours only when its first cell carries the
 * signature; a sheet a user named the same is left alone.
 */
import type { SourceAssignment } from '../ingest/import';
import { KINDS, type ReportKind } from '../ingest/kinds';
import { issueAt, type ImportIssue, type RawGrid } from '../ingest/types';
import { CHANNELS } from '../model';
import { problemOf } from '../problems';
import type { SheetSpec } from './spec';
import { sheetSpec } from './table';

export const SOURCES_SHEET = 'Lumive Sources';
export const SOURCES_SIGNATURE = 'Lumive report choices v1: do not edit';

export type Assignments = Readonly<Record<string, SourceAssignment>>;

/** The sheet is ours (or does not exist yet). */
export function isSourcesGrid(grid: RawGrid | undefined): boolean {
  return grid === undefined || String(grid[0]?.[0] ?? '') === SOURCES_SIGNATURE;
}

/**
 * Sheet name → the user's kind and channel. A kind or channel that is not known (edited by hand) is
 * reported as an issue and ignored, so detection decides for that sheet again.
 */
export function readSources(grid: RawGrid | undefined, sheetName = SOURCES_SHEET): { assignments: Record<string, SourceAssignment>; issues: ImportIssue[] } {
  const assignments: Record<string, SourceAssignment> = {};
  const issues: ImportIssue[] = [];
  if (!grid || !isSourcesGrid(grid)) return { assignments, issues };
  const kinds = new Set<string>(KINDS.map((k) => k.kind));
  const channels = new Set(CHANNELS.map((c) => c.id));
  for (let r = 2; r < grid.length; r++) {
    const source = String(grid[r]?.[0] ?? '').trim();
    if (!source) continue;
    const kind = String(grid[r]?.[1] ?? '').trim();
    const channel = String(grid[r]?.[2] ?? '').trim();
    const said: { kind?: ReportKind; channel?: string } = {};
    if (kind && kinds.has(kind)) said.kind = kind as ReportKind;
    else if (kind) issues.push(issueAt({ source: sheetName, row: r + 1, column: 'Kind', value: kind }, problemOf('sources.unknown-kind', { kind, sheet: source }), false));
    if (channel && channels.has(channel)) said.channel = channel;
    else if (channel) issues.push(issueAt({ source: sheetName, row: r + 1, column: 'Channel', value: channel }, problemOf('sources.unknown-channel', { channel, channels: [...channels], sheet: source }), false));
    if (said.kind || said.channel) assignments[source] = said;
  }
  return { assignments, issues };
}

/** The state sheet holding `assignments` (sheets without a choice are left out). */
export function sourcesSheet(assignments: Assignments, name = SOURCES_SHEET): SheetSpec {
  const rows = Object.entries(assignments)
    .filter(([, a]) => a.kind || a.channel)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, a]) => [source, a.kind ?? '', a.channel ?? '']);
  return sheetSpec(name, [[SOURCES_SIGNATURE], ['Sheet', 'Kind', 'Channel'], ...rows], { role: 'state', visibility: 'veryHidden' });
}

/** `assignments` with one sheet's choice changed; an empty choice removes the sheet. */
export function withAssignment(assignments: Assignments, source: string, said: SourceAssignment): Record<string, SourceAssignment> {
  const next: Record<string, SourceAssignment> = { ...assignments };
  const merged = { ...next[source], ...said };
  const clean: { kind?: ReportKind; channel?: string } = {};
  if (merged.kind) clean.kind = merged.kind;
  if (merged.channel) clean.channel = merged.channel;
  if (clean.kind || clean.channel) next[source] = clean;
  else delete next[source];
  return next;
}
