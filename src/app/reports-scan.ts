/**
 * The Reports panel's scan, without the workbook: which report each input sheet is, its channel, the
 * rows read, used and reported, and the SKUs the mapping does not map. Pure, so it runs wherever the
 * engine runs (in the task pane, in the engine's Web Worker: engine-worker.ts).
 */
import { CHANNELS, KINDS, importSources, isChannelKind, kindSpec, unmappedCount, type ImportIssue, type ReportKind, type SourceAssignment, type SourceGrid } from '../engine';

export const KIND_LABEL = new Map(KINDS.map((k) => [k.kind, k.label]));
export const CHANNEL_LABEL = new Map(CHANNELS.map((c) => [c.id, c.label]));

/** One sheet as the Reports panel shows it. */
export interface ReportInfo {
  readonly source: string;
  readonly kind: ReportKind | null;
  readonly label: string | null;
  readonly channel: string | null;
  readonly channelLabel: string | null;
  /** Why the channel is what it is (or why it is unknown). */
  readonly channelReason: string | null;
  readonly confidence: number;
  readonly unsure: boolean;
  readonly reasons: readonly string[];
  readonly candidates: readonly { readonly kind: ReportKind; readonly label: string; readonly confidence: number }[];
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsReported: number;
  /** The first issues (at most 3) and how many there are. */
  readonly issues: readonly ImportIssue[];
  readonly issueCount: number;
  /** What the user chose for this sheet, if anything. */
  readonly assigned: SourceAssignment | null;
  /** Does this kind belong to a channel (a report), or not (mapping, PO history, warehouse)? */
  readonly needsChannel: boolean;
}

/** What a scan reads: the input sheets, the user's report choices, the settings' period. */
export interface ScanInput {
  readonly inputs: readonly SourceGrid[];
  readonly assignments: Readonly<Record<string, SourceAssignment>>;
  readonly periodDays: number;
}

export interface ReportsFound {
  readonly reports: readonly ReportInfo[];
  /** Channel SKUs in the reports that the mapping does not map. */
  readonly unmapped: number;
  readonly mappingSheet: string | null;
}

/** Recognizes and joins the inputs as Analyze would, and describes each sheet for the Reports panel. */
export async function scanReports({ inputs, assignments, periodDays }: ScanInput): Promise<ReportsFound> {
  const result = importSources(inputs, { assignments, periodDays });
  const reports = result.sources.map((s): ReportInfo => ({
    source: s.source,
    kind: s.kind,
    label: s.label,
    channel: s.channel?.id ?? null,
    channelLabel: s.channel?.label ?? null,
    channelReason: s.channelDecision?.reason ?? null,
    confidence: s.confidence,
    unsure: s.unsure,
    reasons: s.reasons,
    candidates: s.report.detection?.candidates.slice(0, 4).map((c) => ({ kind: c.kind, label: KIND_LABEL.get(c.kind) ?? c.kind, confidence: c.confidence })) ?? [],
    rowsRead: s.rowsRead,
    rowsUsed: s.rowsUsed,
    rowsReported: s.rowsReported,
    issues: s.issues.slice(0, 3),
    issueCount: s.issues.length,
    assigned: assignments[s.source] ?? null,
    needsChannel: s.kind !== null && isChannelKind(s.kind) && kindSpec(s.kind, s.report.variant)?.use !== 'set-aside',
  }));
  return { reports, unmapped: unmappedCount(result), mappingSheet: result.sources.find((s) => s.kind === 'mapping')?.source ?? null };
}
