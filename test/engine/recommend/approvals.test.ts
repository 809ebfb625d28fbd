import type { ImportIssue, RawCell, RawGrid } from '../../../src/engine/ingest/types';
import {
  APPROVAL_STATUSES,
  CHANGE_TOLERANCE,
  keyString,
  LOG_HEADER,
  mergeApprovals,
  readApprovalLog,
  readPreviousApprovals,
  type ApprovalKey,
  type ApprovalRequest,
  type LogEntry,
  type SeenRow,
} from '../../../src/engine/recommend/approvals';

// The approval rules of src/engine/recommend/approvals.ts (docs/PRODUCT.md step 5): values users typed are
// kept by row key (sheet, Master SKU, channel, destination); an unknown Status is reported and read as
// Pending; a decided row whose recommended qty moved by more than 10% is flagged; the log is append-only.
const AT = '2026-03-01 09:00 UTC';
const HEADER = ['Master SKU', 'Channel', 'Recommended Qty', 'Status', 'Approved Qty', 'Approved By', 'Note', 'Changed Since Approval'];

/** A previous Reorder sheet: title, header, then rows; named "Reorder (Lumive)" in the workbook. */
function reorderSheet(...rows: RawCell[][]) {
  const grid: RawGrid = [['Reorder: what to buy'], HEADER, ...rows];
  return { sheet: 'Reorder', sheetName: 'Reorder (Lumive)', channelHeader: 'Channel', destinationHeader: null, grid };
}

const key = (masterSku: string, channel = 'Amazon KSA', sheet = 'Reorder', destination = ''): ApprovalKey => ({ sheet, masterSku, channel, destination });
const request = (k: ApprovalKey, recommendedQty: number, tier: string | null = 'Manager'): ApprovalRequest => ({ key: k, recommendedQty, tier });
const seenRow = (k: ApprovalKey, fields: Partial<Omit<SeenRow, 'key'>>): SeenRow => ({
  key: k,
  status: 'Pending',
  approvedQty: null,
  approvedBy: null,
  note: null,
  recommendedQty: null,
  ...fields,
});
const entry = (fields: Partial<LogEntry>): LogEntry => ({ status: 'Pending', recommendedQty: null, approvedQty: null, approvedBy: null, note: null, ...fields });
const seenMap = (...rows: SeenRow[]) => new Map(rows.map((r) => [keyString(r.key), r]));
const noLog = new Map<string, LogEntry>();

describe('readPreviousApprovals', () => {
  test('reads what users typed, by key; the header may be below a title row', () => {
    const issues: ImportIssue[] = [];
    const seen = readPreviousApprovals(reorderSheet(['M1', 'Amazon KSA', 120, 'Approved', 100, 'Sara', 'cap at 100', null]), issues);
    expect(issues).toEqual([]);
    expect([...seen.values()]).toEqual([
      { key: key('M1'), status: 'Approved', approvedQty: 100, approvedBy: 'Sara', note: 'cap at 100', recommendedQty: 120 },
    ]);
    expect(seen.has(keyString(key('M1')))).toBe(true);
  });

  test('statuses are read case- and spacing-insensitively; "auto" is Auto-approved; blank is Pending', () => {
    const seen = readPreviousApprovals(
      reorderSheet(
        ['M1', 'Amazon KSA', 1, 'approved'],
        ['M2', 'Amazon KSA', 1, ' REJECTED '],
        ['M3', 'Amazon KSA', 1, 'auto approved'],
        ['M4', 'Amazon KSA', 1, 'auto'],
        ['M5', 'Amazon KSA', 1, ''],
      ),
      [],
    );
    expect([...seen.values()].map((r) => r.status)).toEqual(['Approved', 'Rejected', 'Auto-approved', 'Auto-approved', 'Pending']);
  });

  test('an unknown Status is reported as a Data Issue (row as the user sees it) and read as Pending', () => {
    const issues: ImportIssue[] = [];
    // Title is row 1, header row 2, this row 3.
    const seen = readPreviousApprovals(reorderSheet(['M1', 'Amazon KSA', 40, 'Maybe', null, 'Omar']), issues);
    expect(seen.get(keyString(key('M1')))?.status).toBe('Pending');
    expect(seen.get(keyString(key('M1')))?.approvedBy).toBe('Omar');
    expect(issues).toEqual([
      {
        source: 'Reorder (Lumive)',
        row: 3,
        column: 'Status',
        value: 'Maybe',
        code: 'approval.unknown-status',
        args: { statuses: APPROVAL_STATUSES },
        severity: 'warning',
        reason: `Unknown approval status: use one of ${APPROVAL_STATUSES.join(', ')}; read as Pending`,
        dropped: false,
      },
    ]);
  });

  test('a non-numeric Approved Qty is reported and ignored; "1,200" is read as 1200', () => {
    const issues: ImportIssue[] = [];
    const seen = readPreviousApprovals(reorderSheet(['M1', 'Amazon KSA', 40, 'Approved', 'lots'], ['M2', 'Amazon KSA', '1,300', 'Approved', '1,200']), issues);
    expect(seen.get(keyString(key('M1')))?.approvedQty).toBeNull();
    expect(seen.get(keyString(key('M2')))?.approvedQty).toBe(1200);
    expect(seen.get(keyString(key('M2')))?.recommendedQty).toBe(1300);
    expect(issues).toEqual([
      { source: 'Reorder (Lumive)', row: 3, column: 'Approved Qty', value: 'lots', code: 'approval.qty-not-a-number', args: {}, severity: 'warning', reason: 'Approved Qty is not a number: ignored', dropped: false },
    ]);
  });

  test('rows without a Master SKU are skipped', () => {
    const seen = readPreviousApprovals(reorderSheet([null, 'Amazon KSA', 5, 'Approved'], ['', 'Amazon KSA', 5, 'Approved'], ['M1', 'Amazon KSA', 5, 'Approved']), []);
    expect([...seen.keys()]).toEqual([keyString(key('M1'))]);
  });

  test('the Rebalance sheet keys by From and To', () => {
    const grid: RawGrid = [['Rebalance'], ['Master SKU', 'From', 'To', 'Recommended Qty', 'Status'], ['M1', 'Amazon KSA', 'noon KSA', 20, 'Approved']];
    const seen = readPreviousApprovals({ sheet: 'Rebalance', sheetName: 'Rebalance', channelHeader: 'From', destinationHeader: 'To', grid }, []);
    expect([...seen.values()][0].key).toEqual(key('M1', 'Amazon KSA', 'Rebalance', 'noon KSA'));
  });

  test('a sheet without a Master SKU / Status header gives nothing and no issue', () => {
    const issues: ImportIssue[] = [];
    const grid: RawGrid = [['Something else'], ['SKU', 'Qty'], ['M1', 4]];
    expect(readPreviousApprovals({ sheet: 'Reorder', sheetName: 'Reorder', channelHeader: 'Channel', destinationHeader: null, grid }, issues).size).toBe(0);
    expect(issues).toEqual([]);
  });
});

describe('readApprovalLog', () => {
  const row = (sheet: string, sku: string, status: string, rec: number | null, approved: number | null, by: string | null = null) => [AT, sheet, sku, 'Amazon KSA', '', status, rec, approved, by, null];

  test('the last logged decision per key wins; the header row is skipped', () => {
    const log = readApprovalLog([
      [...LOG_HEADER],
      row('Reorder', 'M1', 'Pending', 100, null),
      row('Reorder', 'M1', 'Approved', 100, 90, 'Sara'),
      row('Reorder', 'M2', 'Rejected', 40, null, 'Omar'),
    ]);
    expect(log.size).toBe(2);
    expect(log.get(keyString(key('M1')))).toEqual({ status: 'Approved', recommendedQty: 100, approvedQty: 90, approvedBy: 'Sara', note: null });
    expect(log.get(keyString(key('M2')))?.status).toBe('Rejected');
  });

  test('rows without a valid status, sheet or Master SKU are skipped', () => {
    const log = readApprovalLog([[...LOG_HEADER], row('Reorder', 'M1', 'Whatever', 1, 1), row('', 'M2', 'Approved', 1, 1), row('Reorder', '', 'Approved', 1, 1)]);
    expect(log.size).toBe(0);
  });

  test('an empty grid is an empty log', () => {
    expect(readApprovalLog([]).size).toBe(0);
  });
});

describe('mergeApprovals: what users typed is kept', () => {
  test('an approved row keeps its values; the decision is logged the first time it is seen', () => {
    const k = key('M1');
    const seen = seenMap(seenRow(k, { status: 'Approved', approvedQty: 100, approvedBy: 'Sara', note: 'ok', recommendedQty: 100 }));
    const { states, logRows } = mergeApprovals([request(k, 105)], seen, noLog, 'Auto', AT);
    // 105 vs 100: moved 5% ≤ 10% → not flagged.
    expect(states).toEqual([{ status: 'Approved', approvedQty: 100, approvedBy: 'Sara', note: 'ok', changedSinceApproval: null }]);
    expect(logRows).toEqual([[AT, 'Reorder', 'M1', 'Amazon KSA', '', 'Approved', 100, 100, 'Sara', 'ok']]);
  });

  test('a Pending row users left alone is kept Pending, and nothing is logged', () => {
    const k = key('M1');
    const { states, logRows } = mergeApprovals([request(k, 50, 'Auto')], seenMap(seenRow(k, { recommendedQty: 50 })), noLog, 'Auto', AT);
    // Seen before: users' Pending stays, even for the auto tier.
    expect(states[0].status).toBe('Pending');
    expect(logRows).toEqual([]);
  });

  test('log rows are appended only on change: the same status and qty as last logged adds nothing', () => {
    const k = key('M1');
    const seen = seenMap(seenRow(k, { status: 'Approved', approvedQty: 90, approvedBy: 'Sara', recommendedQty: 100 }));
    const log = new Map([[keyString(k), entry({ status: 'Approved', recommendedQty: 100, approvedQty: 90, approvedBy: 'Sara' })]]);
    expect(mergeApprovals([request(k, 100)], seen, log, 'Auto', AT).logRows).toEqual([]);
  });

  test('a changed Approved Qty under the same status is logged', () => {
    const k = key('M1');
    const seen = seenMap(seenRow(k, { status: 'Approved', approvedQty: 80, approvedBy: 'Sara', recommendedQty: 100 }));
    const log = new Map([[keyString(k), entry({ status: 'Approved', recommendedQty: 100, approvedQty: 90, approvedBy: 'Sara' })]]);
    expect(mergeApprovals([request(k, 100)], seen, log, 'Auto', AT).logRows).toEqual([[AT, 'Reorder', 'M1', 'Amazon KSA', '', 'Approved', 100, 80, 'Sara', null]]);
  });

  test('a row whose recommendation disappeared is still logged (and gets no state)', () => {
    const gone = key('M9');
    const seen = seenMap(seenRow(gone, { status: 'Rejected', approvedBy: 'Omar', note: 'discontinued', recommendedQty: 30 }));
    const { states, logRows } = mergeApprovals([], seen, noLog, 'Auto', AT);
    expect(states).toEqual([]);
    expect(logRows).toEqual([[AT, 'Reorder', 'M9', 'Amazon KSA', '', 'Rejected', 30, null, 'Omar', 'discontinued']]);
  });
});

describe('mergeApprovals: a row that comes back is restored from the log', () => {
  test('not on the sheet, known to the log → the last logged decision, nothing new logged', () => {
    const k = key('M1');
    const log = new Map([[keyString(k), entry({ status: 'Approved', recommendedQty: 80, approvedQty: 80, approvedBy: 'Sara', note: 'restock' })]]);
    const { states, logRows } = mergeApprovals([request(k, 84)], new Map(), log, 'Auto', AT);
    // 84 vs 80: 5% → not flagged.
    expect(states).toEqual([{ status: 'Approved', approvedQty: 80, approvedBy: 'Sara', note: 'restock', changedSinceApproval: null }]);
    expect(logRows).toEqual([]);
  });

  test('restored and moved by more than 10% → flagged: 80 → 100 (+25%)', () => {
    const k = key('M1');
    const log = new Map([[keyString(k), entry({ status: 'Rejected', recommendedQty: 80, approvedBy: 'Omar' })]]);
    const [state] = mergeApprovals([request(k, 100)], new Map(), log, 'Auto', AT).states;
    expect(state.status).toBe('Rejected');
    expect(state.changedSinceApproval).toBe('Qty 80 → 100 (+25%)');
  });

  test('a logged Pending restores Pending, never flagged', () => {
    const k = key('M1');
    const log = new Map([[keyString(k), entry({ status: 'Pending', recommendedQty: 10 })]]);
    const [state] = mergeApprovals([request(k, 100, 'Auto')], new Map(), log, 'Auto', AT).states;
    expect(state).toEqual({ status: 'Pending', approvedQty: null, approvedBy: null, note: null, changedSinceApproval: null });
  });
});

describe('mergeApprovals: new rows', () => {
  test('the first (auto) tier is Auto-approved by Lumive for the recommended qty, and logged', () => {
    const k = key('M1');
    const { states, logRows } = mergeApprovals([request(k, 24, 'Auto')], new Map(), noLog, 'Auto', AT);
    expect(states).toEqual([{ status: 'Auto-approved', approvedQty: 24, approvedBy: 'Lumive', note: 'Below the Auto tier limit', changedSinceApproval: null }]);
    expect(logRows).toEqual([[AT, 'Reorder', 'M1', 'Amazon KSA', '', 'Auto-approved', 24, 24, 'Lumive', 'Below the Auto tier limit']]);
  });

  test('the first tier is whatever the settings call it', () => {
    const [state] = mergeApprovals([request(key('M1'), 5, 'Buyer')], new Map(), noLog, 'Buyer', AT).states;
    expect(state.status).toBe('Auto-approved');
    expect(state.note).toBe('Below the Buyer tier limit');
  });

  test('a higher tier, or no tier (cost missing), is Pending and not logged', () => {
    const { states, logRows } = mergeApprovals([request(key('M1'), 500, 'Manager'), request(key('M2'), 500, null)], new Map(), noLog, 'Auto', AT);
    expect(states.map((s) => s.status)).toEqual(['Pending', 'Pending']);
    expect(logRows).toEqual([]);
  });

  test('states come back in request order', () => {
    const seen = seenMap(seenRow(key('M2'), { status: 'Rejected', recommendedQty: 7 }));
    const { states } = mergeApprovals([request(key('M1'), 1, 'Auto'), request(key('M2'), 7), request(key('M3'), 9)], seen, noLog, 'Auto', AT);
    expect(states.map((s) => s.status)).toEqual(['Auto-approved', 'Rejected', 'Pending']);
  });

  test('keys differ by sheet, channel and destination', () => {
    const seen = seenMap(seenRow(key('M1', 'Amazon KSA', 'Rebalance', 'noon KSA'), { status: 'Approved', recommendedQty: 20 }));
    const { states } = mergeApprovals(
      [request(key('M1', 'Amazon KSA', 'Rebalance', 'noon KSA'), 20), request(key('M1', 'Amazon KSA', 'Rebalance', 'noon UAE'), 20), request(key('M1', 'Amazon KSA', 'Reorder'), 20)],
      seen,
      noLog,
      'Auto',
      AT,
    );
    expect(states.map((s) => s.status)).toEqual(['Approved', 'Pending', 'Pending']);
  });
});

describe('mergeApprovals: "changed since approval" only above 10%', () => {
  test('the tolerance is 10%', () => {
    expect(CHANGE_TOLERANCE).toBe(0.1);
  });

  const decidedAt = (qty: number, status: 'Approved' | 'Rejected' | 'Auto-approved' = 'Approved') => seenMap(seenRow(key('M1'), { status, approvedQty: qty, recommendedQty: qty }));
  const flag = (decided: number, now: number, status?: 'Approved' | 'Rejected' | 'Auto-approved') =>
    mergeApprovals([request(key('M1'), now)], decidedAt(decided, status), noLog, 'Auto', AT).states[0].changedSinceApproval;

  test.each([
    [100, 110, null], // |110 − 100| = 10 = 10% of 100: exactly 10% is not a change
    [100, 90, null], // down exactly 10%
    [100, 100, null],
    [100, 111, 'Qty 100 → 111 (+11%)'], // 11% > 10%
    [100, 89, 'Qty 100 → 89 (-11%)'],
    [100, 0, 'Qty 100 → 0 (-100%)'],
    [0, 5, 'Qty 0 → 5'], // from 0 any change is a change (no percentage)
    [0, 0, null],
    [40, 45, 'Qty 40 → 45 (+13%)'], // 5 / 40 = 12.5% → rounded 13%
  ])('decided at %p, now %p → %p', (decided, now, expected) => {
    expect(flag(decided, now)).toBe(expected);
  });

  test('Rejected and Auto-approved rows are decisions too; Pending ones never are', () => {
    expect(flag(100, 150, 'Rejected')).toBe('Qty 100 → 150 (+50%)');
    expect(flag(100, 150, 'Auto-approved')).toBe('Qty 100 → 150 (+50%)');
    const pending = seenMap(seenRow(key('M1'), { status: 'Pending', recommendedQty: 100 }));
    expect(mergeApprovals([request(key('M1'), 150)], pending, noLog, 'Auto', AT).states[0].changedSinceApproval).toBeNull();
  });

  test('compared with the qty when the decision was logged, not the last run’s recommendation', () => {
    // Approved at 100 (logged); the last run recommended 120 and the row stayed Approved at 100 (nothing
    // new to log); now 125: 125 vs 100 = +25% → flagged, though 125 vs 120 is only 4%.
    const k = key('M1');
    const seen = seenMap(seenRow(k, { status: 'Approved', approvedQty: 100, approvedBy: 'Sara', recommendedQty: 120 }));
    const log = new Map([[keyString(k), entry({ status: 'Approved', recommendedQty: 100, approvedQty: 100, approvedBy: 'Sara' })]]);
    const { states, logRows } = mergeApprovals([request(k, 125)], seen, log, 'Auto', AT);
    expect(states[0].changedSinceApproval).toBe('Qty 100 → 125 (+25%)');
    expect(logRows).toEqual([]);
  });

  test('a decision whose qty is unknown (blank Recommended Qty) is never flagged', () => {
    const seen = seenMap(seenRow(key('M1'), { status: 'Approved', approvedQty: 10 }));
    expect(mergeApprovals([request(key('M1'), 500)], seen, noLog, 'Auto', AT).states[0].changedSinceApproval).toBeNull();
  });
});

describe('approvals round trip: a sheet read back and merged', () => {
  test('the sheet read by readPreviousApprovals and the log read by readApprovalLog merge as expected', () => {
    const issues: ImportIssue[] = [];
    const seen = readPreviousApprovals(
      reorderSheet(['M1', 'Amazon KSA', 100, 'Approved', 100, 'Sara'], ['M2', 'Amazon KSA', 30, 'Nope'], ['M3', 'Amazon KSA', 10, 'Rejected', null, 'Omar']),
      issues,
    );
    const log = readApprovalLog([[...LOG_HEADER], [AT, 'Reorder', 'M3', 'Amazon KSA', '', 'Rejected', 10, null, 'Omar', null]]);
    const { states, logRows } = mergeApprovals([request(key('M1'), 130), request(key('M2'), 30), request(key('M4'), 3, 'Auto')], seen, log, 'Auto', '2026-03-02 09:00 UTC');
    expect(issues.map((i) => [i.row, i.column, i.value])).toEqual([[4, 'Status', 'Nope']]);
    // M1: Approved at 100, now 130 → +30%. M2: unknown status read as Pending. M4: new, Auto.
    expect(states.map((s) => [s.status, s.changedSinceApproval])).toEqual([
      ['Approved', 'Qty 100 → 130 (+30%)'],
      ['Pending', null],
      ['Auto-approved', null],
    ]);
    // Logged: M1's first approval (new to the log) and M4's auto-approval; M3 (no longer recommended) is
    // Rejected as already logged, so nothing new; M2 is Pending with no history, so nothing.
    expect(logRows.map((r) => [r[2], r[5]])).toEqual([
      ['M1', 'Approved'],
      ['M4', 'Auto-approved'],
    ]);
  });
});
