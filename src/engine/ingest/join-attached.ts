/** Ledger and fee reports attached to the positions the join (join.ts) made. */
import type { LedgerDay, Position, PositionFees } from '../model';
import { countryColumns, rowCountry } from './channel';
import type { ReportKind } from './kinds';
import type { JoinInput } from './join';
import { idColumns, type MappingIndex } from './join-mapping';
import type { ByChannel } from './join-position';
import { channelOf, dayOf, hasCountryColumn } from './join-rows';
import { textAt } from './records';
import { issueAt, type ImportIssue } from './types';
import { problemOf } from '../problems';

/** Kinds imported per SKU for decisions to come, attached to the positions the stock and sales reports make. */
export const ATTACHED: ReadonlySet<ReportKind> = new Set<ReportKind>(['amazon-ledger-summary', 'amazon-ledger-detail', 'amazon-storage-fees', 'amazon-aged-surcharge', 'amazon-fee-preview']);

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' ? v : null);

/**
 * Ledger and fee reports (imported per SKU for decisions to come) join the positions the stock and
 * sales reports made: by mapped SKU, by the channel SKU, then by ASIN / FNSKU. They create no
 * position: rows of SKUs the analysis does not hold are counted in one line per report.
 */
export function attachImported(
  inputs: readonly JoinInput[],
  positions: ByChannel<Position>,
  byId: ByChannel<Position>,
  mapping: MappingIndex,
  kindsPerChannel: Map<string, Set<ReportKind>>,
  issues: ImportIssue[],
): void {
  const storage = new Map<Position, Map<string, { fee: number; qty: number }>>();
  const aged = new Map<Position, { date: number; tiers: Map<string, { amount: number; qty: number }> }>();
  const ledger = new Map<Position, Map<string, LedgerDay>>();
  const feesOf = (p: Position): PositionFees =>
    (p.fees ??= { currency: null, storagePerUnitMonth: null, storageMonth: null, agedSurchargePerUnit: null, fulfillmentPerUnit: null, referralPerUnit: null, feeTotalPerUnit: null });
  for (const { report, channel } of inputs) {
    const kind = report.kind;
    if (!kind || !channel || !ATTACHED.has(kind)) continue;
    if (kind === 'amazon-ledger-detail' && kindsPerChannel.get(channel.id)?.has('amazon-ledger-summary')) {
      issues.push(issueAt({ source: report.source, row: null, column: null, value: null }, problemOf('join.ledger-detail-not-used', { channel: channel.label }), false));
      continue;
    }
    const table = report.records;
    const countries = hasCountryColumn(report) ? countryColumns(table) : [];
    const ids = idColumns(table);
    const missing = new Set<string>();
    let missingRows = 0;
    let otherDisposition = 0;
    for (let i = 0; i < table.length; i++) {
      const ch = channelOf(channel, rowCountry(countries, i));
      const sku = textAt(ids.sku, i);
      const asin = textAt(ids.asin, i);
      const fnsku = textAt(ids.fnsku, i);
      const master = mapping.resolve(ch, sku, ids, i) ?? sku;
      let p = master ? positions.get(ch.id, master) : undefined;
      if (!p && asin) p = byId.get(ch.id, asin);
      if (!p && fnsku) p = byId.get(ch.id, fnsku);
      if (!p) {
        missing.add(sku ?? asin ?? fnsku ?? '(no SKU)');
        missingRows++;
        continue;
      }
      // The kind's other fields by name, from a view of the row: these reports are a few rows per SKU.
      const v = table.view(i).values;
      switch (kind) {
        case 'amazon-ledger-summary':
        case 'amazon-ledger-detail': {
          const disposition = str(v.disposition);
          if (disposition !== null && !/^sellable$/i.test(disposition)) {
            otherDisposition++;
            break;
          }
          const date = dayOf(num(v.date) as number);
          let days = ledger.get(p);
          if (!days) ledger.set(p, (days = new Map()));
          let day = days.get(date);
          if (!day) days.set(date, (day = { date, start: null, end: null, events: {} }));
          if (kind === 'amazon-ledger-summary') {
            day.start = (day.start ?? 0) + (num(v.startingBalance) ?? 0);
            day.end = (day.end ?? 0) + (num(v.endingBalance) ?? 0);
            for (const field of LEDGER_EVENTS) {
              const q = num(v[field]);
              if (q !== null) day.events[field] = (day.events[field] ?? 0) + q;
            }
          } else {
            const event = str(v.eventType) as string;
            day.events[event] = (day.events[event] ?? 0) + (num(v.quantity) ?? 0);
          }
          break;
        }
        case 'amazon-storage-fees': {
          const month = str(v.monthOfCharge) as string;
          let months = storage.get(p);
          if (!months) storage.set(p, (months = new Map()));
          const m = months.get(month) ?? { fee: 0, qty: 0 };
          m.fee += num(v.fee) ?? 0;
          m.qty += num(v.averageQtyOnHand) ?? 0;
          months.set(month, m);
          feesOf(p).currency ??= str(v.currency);
          break;
        }
        case 'amazon-aged-surcharge': {
          const date = num(v.snapshotDate) as number;
          const prev = aged.get(p);
          if (prev && prev.date > date) break; // an older snapshot
          const entry = prev && prev.date === date ? prev : { date, tiers: new Map<string, { amount: number; qty: number }>() };
          aged.set(p, entry);
          const tier = str(v.ageTier) as string;
          const t = entry.tiers.get(tier) ?? { amount: 0, qty: 0 };
          t.amount += num(v.amountCharged) ?? 0;
          t.qty += num(v.qtyCharged) ?? 0;
          entry.tiers.set(tier, t);
          feesOf(p).currency ??= str(v.currency);
          break;
        }
        case 'amazon-fee-preview': {
          const f = feesOf(p);
          f.currency ??= str(v.currency);
          const pickPack = num(v.pickPackFee);
          const weight = num(v.weightHandlingFee);
          const fulfillment = num(v.fulfillmentFee) ?? (pickPack === null && weight === null ? null : (pickPack ?? 0) + (weight ?? 0));
          f.fulfillmentPerUnit ??= fulfillment;
          f.referralPerUnit ??= num(v.referralFee);
          f.feeTotalPerUnit ??= num(v.feeTotal);
          break;
        }
      }
    }
    if (otherDisposition > 0) {
      issues.push(issueAt({ source: report.source, row: null, column: 'Disposition', value: null }, problemOf('join.not-sellable-rows', { n: otherDisposition }), false));
    }
    if (missingRows > 0) {
      const list = [...missing];
      const problem = problemOf('join.rows-without-position', { rows: missingRows, count: list.length, channel: channel.label, skus: list.slice(0, 5) });
      issues.push(issueAt({ source: report.source, row: null, column: 'SKU', value: null }, problem, false));
    }
  }
  for (const [p, months] of storage) {
    const latest = [...months.keys()].sort().pop() as string;
    const m = months.get(latest) as { fee: number; qty: number };
    const f = feesOf(p);
    f.storageMonth = latest;
    f.storagePerUnitMonth = m.qty > 0 ? m.fee / m.qty : null;
  }
  for (const [p, entry] of aged) {
    const perUnit: Record<string, number> = {};
    for (const [tier, t] of entry.tiers) if (t.qty > 0) perUnit[tier] = t.amount / t.qty;
    feesOf(p).agedSurchargePerUnit = perUnit;
  }
  for (const [p, days] of ledger) p.ledger = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The summary ledger's event columns (kinds.ts field names), signed as Amazon writes them. */
const LEDGER_EVENTS: readonly string[] = ['receipts', 'customerShipments', 'customerReturns', 'vendorReturns', 'warehouseTransfers', 'found', 'lost', 'damaged', 'disposed', 'otherEvents', 'unknownEvents', 'inTransit'];
