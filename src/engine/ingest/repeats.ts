/**
 * The same report given twice must not count twice (a download saved again as "report (1).txt", two
 * exports whose days overlap). Before the join, reports of one kind and channel are compared:
 *
 * - Reports with one row per event (orders, noon's units, daily views, returns, ledger days, POs) are
 *   compared row by row on the event's identity (an order id and SKU, noon's item_nr …): a row another
 *   report already gave is not counted again, and a report whose rows are all repeats is set aside.
 * - Snapshot reports (stock, fees, the mapping …) are compared whole: the same content twice is set
 *   aside; two stock snapshots of one channel that share SKUs are one too many, and only one is used
 *   (the later snapshot when the report dates itself, else the first given).
 *
 * Every row set aside is accounted for: a report set aside whole has one line that says which report
 * it repeats, a repeated row has its own line; rows read = rows used + rows reported still holds.
 */
import type { ReportKind } from './kinds';
import type { ParsedReport, ReportRecord } from './read-report';
import { issueAt, type ImportIssue } from './types';
import { isoDay } from '../calendar';
import { problemOf, type Problem } from '../problems';
import { rowName, type RowName } from '../problems/join';

/** What importSources knows of a source before the join (a subset of SourceSummary). */
export interface RepeatCandidate {
  readonly source: string;
  readonly kind: ReportKind | null;
  readonly label: string | null;
  readonly channel: { readonly id: string; readonly label: string } | null;
  readonly rowsUsed: number;
  readonly rowsReported: number;
  readonly issues: readonly ImportIssue[];
  readonly report: ParsedReport;
}

type Values = ReportRecord['values'];
const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The identity of one event row, and how to name it to the user (problems/join.ts, rowName). */
interface RowIdentity {
  readonly key: (v: Values) => string | null;
  readonly name: (v: Values) => RowName;
}

const ROW_IDENTITY: Partial<Record<ReportKind, RowIdentity>> = {
  'amazon-orders': { key: (v) => (v.orderId ? `${s(v.orderId)}|${s(v.sku)}` : null), name: (v) => ({ event: 'order', orderId: s(v.orderId), sku: s(v.sku) }) },
  'noon-sales': { key: (v) => (v.itemNr ? s(v.itemNr) : null), name: (v) => ({ event: 'item', item: s(v.itemNr) }) },
  'noon-views-sales': { key: (v) => `${s(v.sku)}|${s(v.visitDate)}`, name: (v) => ({ event: 'sku-day', sku: s(v.sku), day: day(v.visitDate) }) },
  'amazon-returns': {
    key: (v) => [v.orderId, v.sku, v.returnDate, v.licensePlateNumber, v.fulfillmentCenterId, v.detailedDisposition, v.quantity].map(s).join('|'),
    name: (v) => ({ event: 'return', sku: s(v.sku), orderId: v.orderId ? s(v.orderId) : '', day: day(v.returnDate) }),
  },
  'amazon-ledger-summary': { key: (v) => [v.date, v.fnsku, v.sku, v.disposition, v.country].map(s).join('|'), name: (v) => ({ event: 'sku-day', sku: s(v.sku), day: day(v.date) }) },
  'amazon-ledger-detail': {
    key: (v) => [v.dateTime ?? v.date, v.fnsku, v.sku, v.eventType, v.referenceId, v.fulfillmentCenter, v.disposition, v.quantity].map(s).join('|'),
    name: (v) => ({ event: 'ledger', eventType: s(v.eventType), sku: s(v.sku), day: day(v.date) }),
  },
  'po-history': { key: (v) => [v.supplier, v.poNumber, v.masterSku, v.poDate, v.quantity].map(s).join('|'), name: (v) => ({ event: 'po', po: s(v.poNumber) || s(v.supplier) }) },
};

/** Snapshot kinds where two different reports of one channel sharing SKUs are the same stock counted twice. */
const ONE_SNAPSHOT: ReadonlySet<ReportKind> = new Set<ReportKind>([
  'amazon-inventory',
  'amazon-inventory-age',
  'amazon-restock',
  'amazon-stranded',
  'amazon-reserved',
  'noon-stock',
  'amazon-storage-fees',
  'amazon-aged-surcharge',
  'amazon-fee-preview',
]);

function day(v: string | number | null | undefined): string {
  return typeof v === 'number' ? isoDay(v) : s(v);
}

/** The report's own date (noon's inventory_snapshot_at, Amazon's snapshot-date): its latest, or null. */
function snapshotOf(report: ParsedReport): number | null {
  let at: number | null = null;
  for (const r of report.records) {
    const v = r.values.snapshotAt ?? r.values.snapshotDate;
    if (typeof v === 'number' && (at === null || v > at)) at = v;
  }
  return at;
}

/** The content of a report, independent of row order and row numbers. */
function fingerprint(report: ParsedReport): string {
  return report.records
    .toArray()
    .map((r) => JSON.stringify(r.values) + (r.extra ? JSON.stringify(r.extra) : ''))
    .sort()
    .join('\n');
}

function skusOf(report: ParsedReport): Set<string> {
  const out = new Set<string>();
  for (const r of report.records) {
    const id = r.values.sku ?? r.values.asin ?? r.values.fnsku ?? r.values.masterSku;
    if (id !== null && id !== undefined) out.add(String(id));
  }
  return out;
}

const whole = (source: string, problem: Problem): ImportIssue => issueAt({ source, row: null, column: null, value: null }, problem, true);

/** Sets aside repeated reports and rows; returns the candidates with their records, counts and issues updated. */
export function setAsideRepeats<T extends RepeatCandidate>(sources: readonly T[]): T[] {
  const out = [...sources];
  const groups = new Map<string, number[]>();
  out.forEach((c, i) => {
    if (!c.kind || c.rowsUsed === 0) return;
    const key = `${c.kind}|${c.report.variant ?? ''}|${c.channel?.id ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const setAsideWhole = (i: number, problem: Problem) => {
    const c = out[i];
    out[i] = { ...c, rowsUsed: 0, rowsReported: c.rowsReported + c.rowsUsed, issues: [whole(c.source, problem), ...c.issues] };
  };
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const kind = out[members[0]].kind as ReportKind;
    const identity = ROW_IDENTITY[kind];
    if (identity) {
      const seen = new Map<string, { source: string; row: number }>();
      for (const i of members) {
        const c = out[i];
        const repeated: { rec: ReportRecord; at: number; first: { source: string; row: number } }[] = [];
        const mine: [string, number][] = [];
        const records = c.report.records;
        for (let at = 0; at < records.length; at++) {
          const rec = records.view(at);
          const key = identity.key(rec.values);
          if (key === null) continue;
          const first = seen.get(key);
          if (first && first.source !== c.source) repeated.push({ rec, at, first });
          else if (!first) mine.push([key, rec.row]);
        }
        for (const [key, row] of mine) seen.set(key, { source: c.source, row });
        if (repeated.length === 0) continue;
        const others = [...new Set(repeated.map((r) => r.first.source))];
        if (repeated.length === c.report.records.length) {
          setAsideWhole(i, problemOf('repeat.all-rows', { others, label: c.label ?? kind }));
          continue;
        }
        const dropped = new Set(repeated.map((r) => r.at));
        const rowIssues: ImportIssue[] = repeated.map(({ rec, first }) => {
          const name = identity.name(rec.values);
          return issueAt({ source: c.source, row: rec.row, column: null, value: rowName(name) }, problemOf('repeat.row', { ...name, source: first.source, row: first.row }), true);
        });
        out[i] = {
          ...c,
          report: { ...c.report, records: c.report.records.filter((at) => !dropped.has(at)), rowsUsed: c.report.rowsUsed - repeated.length },
          rowsUsed: c.rowsUsed - repeated.length,
          rowsReported: c.rowsReported + repeated.length,
          issues: [...c.issues, ...rowIssues],
        };
      }
      continue;
    }
    // Snapshot reports: compared whole.
    const kept: number[] = [];
    for (const i of members) {
      const c = out[i];
      const print = fingerprint(c.report);
      const same = kept.find((k) => fingerprint(out[k].report) === print);
      if (same !== undefined) {
        setAsideWhole(i, problemOf('repeat.same-content', { other: out[same].source }));
        continue;
      }
      if (!ONE_SNAPSHOT.has(kind)) {
        kept.push(i);
        continue;
      }
      const skus = skusOf(c.report);
      const clash = kept.find((k) => [...skusOf(out[k].report)].some((x) => skus.has(x)));
      if (clash === undefined) {
        kept.push(i);
        continue;
      }
      const other = out[clash];
      const shared = [...skusOf(other.report)].filter((x) => skus.has(x)).length;
      const [atMine, atOther] = [snapshotOf(c.report), snapshotOf(other.report)];
      const mineIsLater = atMine !== null && atOther !== null && atMine > atOther;
      const [useIdx, asideIdx] = mineIsLater ? [i, clash] : [clash, i];
      const dated = atMine !== null && atOther !== null && atMine !== atOther;
      setAsideWhole(
        asideIdx,
        problemOf('repeat.snapshot-clash', {
          used: out[useIdx].source,
          aside: out[asideIdx].source,
          label: c.label ?? kind,
          channel: c.channel?.label ?? null,
          shared,
          later: dated ? day(Math.max(atMine, atOther)) : null,
        }),
      );
      if (mineIsLater) kept.splice(kept.indexOf(clash), 1, i);
    }
  }
  return out;
}
