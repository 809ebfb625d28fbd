/**
 * Approvals on the Reorder, Rebalance and Liquidation sheets (docs/PRODUCT.md, step 5; issue "Analysis end
 * to end"): columns Status (Pending / Approved / Rejected / Auto-approved), Approved Qty, Approved By,
 * Note, and "Changed Since Approval", kept across runs by row key (sheet, Master SKU, channel,
 * destination), with an append-only approval log.
 *
 * Merge rules, for each recommended row of this run:
 * - the row was on the sheet before: what users typed is kept (an unknown Status is reported and read
 *   as Pending);
 * - the row was not, but the log knows its key (its recommendation disappeared and came back): the last
 *   logged decision is restored;
 * - otherwise a new row: Auto-approved when its tier is the first (auto) tier, else Pending.
 * A decided row (Approved / Rejected / Auto-approved) whose recommended qty moved by more than 10% from
 * the qty at the time of the decision is marked "changed since approval".
 * Log: every status seen on the sheet that differs from the key's last logged status is appended, with
 * the recommended qty shown at that time; so are the auto-approvals Lumive makes. Rows whose
 * recommendation disappeared leave the sheet but keep their history in the log.
 */
import { issueAt, type ImportIssue, type RawCell, type RawGrid } from '../ingest/types';
import { problemOf } from '../problems';

export const APPROVAL_STATUSES = ['Pending', 'Approved', 'Rejected', 'Auto-approved'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_COLUMNS = ['Status', 'Approved Qty', 'Approved By', 'Note', 'Changed Since Approval'] as const;
export const LOG_HEADER = ['Logged At', 'Sheet', 'Master SKU', 'Channel', 'Destination', 'Status', 'Recommended Qty', 'Approved Qty', 'Approved By', 'Note'] as const;
/** Share of movement in the recommended qty above which a decision is flagged for review. */
export const CHANGE_TOLERANCE = 0.1;

export interface ApprovalKey {
  readonly sheet: string;
  readonly masterSku: string;
  readonly channel: string;
  readonly destination: string;
}

export interface ApprovalState {
  readonly status: ApprovalStatus;
  readonly approvedQty: number | null;
  readonly approvedBy: string | null;
  readonly note: string | null;
  readonly changedSinceApproval: string | null;
}

export interface SeenRow {
  readonly status: ApprovalStatus;
  readonly approvedQty: number | null;
  readonly approvedBy: string | null;
  readonly note: string | null;
  readonly recommendedQty: number | null;
  readonly key: ApprovalKey;
}

export interface LogEntry {
  readonly status: ApprovalStatus;
  readonly recommendedQty: number | null;
  readonly approvedQty: number | null;
  readonly approvedBy: string | null;
  readonly note: string | null;
}

export type LogRow = readonly (string | number | null)[];

export interface ApprovalRequest {
  readonly key: ApprovalKey;
  readonly recommendedQty: number;
  /** Approval tier of the row; the first tier of the settings is approved automatically. */
  readonly tier: string | null;
}

export interface PreviousSheet {
  /** Logical sheet name used in keys (e.g. "Reorder"), whatever the sheet is called in the workbook. */
  readonly sheet: string;
  /** Actual name in the workbook, for messages. */
  readonly sheetName: string;
  /** Header of the key columns on that sheet: channel and (optional) destination. */
  readonly channelHeader: string;
  readonly destinationHeader: string | null;
  readonly grid: RawGrid;
}

export const keyString = (k: ApprovalKey): string => `${k.sheet}\u0000${k.masterSku}\u0000${k.channel}\u0000${k.destination}`;

const text = (c: RawCell): string | null => {
  if (c === null || c === undefined) return null;
  const s = c instanceof Date ? c.toISOString() : String(c).trim();
  return s === '' ? null : s;
};
const numberOf = (c: RawCell): number | null => {
  if (typeof c === 'number' && Number.isFinite(c)) return c;
  if (typeof c === 'string' && c.trim() !== '' && Number.isFinite(Number(c.replace(/,/g, '')))) return Number(c.replace(/,/g, ''));
  return null;
};

function statusOf(c: RawCell): ApprovalStatus | null {
  const t = text(c)?.toLowerCase().replace(/[\s_]+/g, '-');
  if (!t) return null;
  return APPROVAL_STATUSES.find((s) => s.toLowerCase() === t) ?? (t === 'auto' ? 'Auto-approved' : null);
}

/** Finds the header row (the first of the first 10 rows holding "Master SKU" and "Status"). */
function headerRow(grid: RawGrid): { row: number; col: Map<string, number> } | null {
  for (let r = 0; r < Math.min(10, grid.length); r++) {
    const names = (grid[r] ?? []).map((c) => text(c) ?? '');
    if (names.includes('Master SKU') && names.includes('Status')) {
      const col = new Map<string, number>();
      names.forEach((n, i) => {
        if (n && !col.has(n)) col.set(n, i);
      });
      return { row: r, col };
    }
  }
  return null;
}

/** What users typed on a previous version of an approval sheet, by key. */
export function readPreviousApprovals(prev: PreviousSheet, issues: ImportIssue[]): Map<string, SeenRow> {
  const seen = new Map<string, SeenRow>();
  const h = headerRow(prev.grid);
  if (!h) return seen;
  const at = (row: readonly RawCell[], name: string | null): RawCell => {
    const i = name === null ? undefined : h.col.get(name);
    return i === undefined ? null : row[i];
  };
  for (let r = h.row + 1; r < prev.grid.length; r++) {
    const row = prev.grid[r] ?? [];
    const masterSku = text(at(row, 'Master SKU'));
    if (!masterSku) continue;
    const key: ApprovalKey = {
      sheet: prev.sheet,
      masterSku,
      channel: text(at(row, prev.channelHeader)) ?? '',
      destination: text(at(row, prev.destinationHeader)) ?? '',
    };
    const rawStatus = at(row, 'Status');
    let status = statusOf(rawStatus);
    if (status === null) {
      if (text(rawStatus) !== null) {
        issues.push(issueAt({ source: prev.sheetName, row: r + 1, column: 'Status', value: text(rawStatus) }, problemOf('approval.unknown-status', { statuses: APPROVAL_STATUSES }), false));
      }
      status = 'Pending';
    }
    const rawQty = at(row, 'Approved Qty');
    const approvedQty = numberOf(rawQty);
    if (approvedQty === null && text(rawQty) !== null) {
      issues.push(issueAt({ source: prev.sheetName, row: r + 1, column: 'Approved Qty', value: text(rawQty) }, problemOf('approval.qty-not-a-number', {}), false));
    }
    seen.set(keyString(key), {
      key,
      status,
      approvedQty,
      approvedBy: text(at(row, 'Approved By')),
      note: text(at(row, 'Note')),
      recommendedQty: numberOf(at(row, 'Recommended Qty')),
    });
  }
  return seen;
}

/** The last logged decision per key, from the approval log's rows (header first). */
export function readApprovalLog(grid: RawGrid): Map<string, LogEntry> {
  const last = new Map<string, LogEntry>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const status = statusOf(row[5]);
    const sheet = text(row[1]);
    const masterSku = text(row[2]);
    if (!status || !sheet || !masterSku) continue;
    const key = keyString({ sheet, masterSku, channel: text(row[3]) ?? '', destination: text(row[4]) ?? '' });
    last.set(key, {
      status,
      recommendedQty: numberOf(row[6]),
      approvedQty: numberOf(row[7]),
      approvedBy: text(row[8]),
      note: text(row[9]),
    });
  }
  return last;
}

function logRow(at: string, key: ApprovalKey, e: LogEntry): LogRow {
  return [at, key.sheet, key.masterSku, key.channel, key.destination, e.status, e.recommendedQty, e.approvedQty, e.approvedBy, e.note];
}

function changed(decidedQty: number | null, nowQty: number): string | null {
  if (decidedQty === null) return null;
  const moved = decidedQty === 0 ? nowQty !== 0 : Math.abs(nowQty - decidedQty) > CHANGE_TOLERANCE * Math.abs(decidedQty);
  if (!moved) return null;
  const pct = decidedQty === 0 ? '' : ` (${nowQty > decidedQty ? '+' : ''}${Math.round(((nowQty - decidedQty) / decidedQty) * 100)}%)`;
  return `Qty ${decidedQty} → ${nowQty}${pct}`;
}

const DECIDED: ReadonlySet<ApprovalStatus> = new Set(['Approved', 'Rejected', 'Auto-approved']);
/** The statuses that let a line become a document (a PO line, a shipment line). */
export const APPROVED: ReadonlySet<ApprovalStatus> = new Set(['Approved', 'Auto-approved']);

/**
 * Merges this run's rows with what was seen before; `autoTier` is the settings' first tier.
 * Returns the approval state per request (same order) and the rows to append to the log.
 */
export function mergeApprovals(
  requests: readonly ApprovalRequest[],
  seen: ReadonlyMap<string, SeenRow>,
  log: ReadonlyMap<string, LogEntry>,
  autoTier: string,
  at: string,
): { states: ApprovalState[]; logRows: LogRow[] } {
  const logRows: LogRow[] = [];
  const lastLogged = new Map(log);
  // 1. Log every status change users made on the sheet, including rows about to disappear.
  for (const [k, row] of seen) {
    const prior = lastLogged.get(k);
    const differs = prior ? prior.status !== row.status || prior.approvedQty !== row.approvedQty : row.status !== 'Pending';
    if (!differs) continue;
    const entry: LogEntry = {
      status: row.status,
      recommendedQty: row.recommendedQty,
      approvedQty: row.approvedQty,
      approvedBy: row.approvedBy,
      note: row.note,
    };
    lastLogged.set(k, entry);
    logRows.push(logRow(at, row.key, entry));
  }
  // 2. This run's rows (without anything seen or logged, no key text to build per row).
  const known = seen.size > 0 || lastLogged.size > 0;
  // One note for every automatic approval and one state for every new Pending row: 10,000s of rows
  // share them (states are read-only).
  const autoNote = `Below the ${autoTier} tier limit`;
  const pending: ApprovalState = { status: 'Pending', approvedQty: null, approvedBy: null, note: null, changedSinceApproval: null };
  const states = requests.map((req): ApprovalState => {
    const k = known ? keyString(req.key) : '';
    const prev = known ? seen.get(k) : undefined;
    const logged = known ? lastLogged.get(k) : undefined;
    if (prev || logged) {
      const base = prev ?? (logged as LogEntry);
      const decision = logged && logged.status === base.status ? logged.recommendedQty : (prev?.recommendedQty ?? null);
      return {
        status: base.status,
        approvedQty: base.approvedQty,
        approvedBy: base.approvedBy,
        note: base.note,
        changedSinceApproval: DECIDED.has(base.status) ? changed(decision, req.recommendedQty) : null,
      };
    }
    if (req.tier !== null && req.tier === autoTier) {
      const k = req.key;
      logRows.push([at, k.sheet, k.masterSku, k.channel, k.destination, 'Auto-approved', req.recommendedQty, req.recommendedQty, 'Lumive', autoNote]);
      return { status: 'Auto-approved', approvedQty: req.recommendedQty, approvedBy: 'Lumive', note: autoNote, changedSinceApproval: null };
    }
    return pending;
  });
  return { states, logRows };
}
