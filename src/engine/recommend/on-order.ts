/**
 * Units already on order: the open POs of the Supplier PO history (a row with no received date), per
 * Master SKU and, when the PO names one, per destination channel (issue 21, "On order").
 *
 *   on order(Master SKU)     = Σ quantity of its open PO rows
 *   expected arrival         = PO date + the supplier's measured mean lead time (lead-time.ts),
 *                              else the lead-time setting
 *   late                     ⇔ expected arrival is before the day of the analysis;
 *                              days late = that day − expected arrival
 *
 * Conventions:
 * - A destination is read as a channel when it names a marketplace and a country ("Amazon KSA",
 *   "amazon.ae", "noon UAE", "FBN KSA" …); a blank one, or one naming the own warehouse, counts for the
 *   Master SKU wherever it is needed (the units arrive upstream, like warehouse stock). A destination
 *   read as neither is reported and counted for the Master SKU.
 * - Rows the lead-time statistics cannot use (no supplier, no PO date, an unreadable received date) are
 *   already reported there; an open row without a Master SKU or a quantity above 0 is reported here and
 *   not counted as on order.
 */
import type { ReportRecord } from '../ingest/records';
import { countryOf } from '../ingest/channel';
import { CHANNELS, type Settings } from '../model';
import type { SupplierLeadTime } from '../metrics/lead-time';
import { DAY_MS, isoDay } from '../calendar';
import { problemOf, type Problem } from '../problems';

export interface OpenPo {
  readonly row: number;
  readonly supplier: string;
  readonly poNumber: string | null;
  readonly masterSku: string;
  readonly quantity: number;
  /** YYYY-MM-DD. */
  readonly poDate: string;
  readonly expected: string;
  /** Where the expected date's lead time comes from. */
  readonly leadTimeSource: 'PO history' | 'setting';
  readonly daysLate: number;
  /** The channel id the PO delivers to; null for the own warehouse or when it does not say. */
  readonly destination: string | null;
}

export interface OnOrderUnits {
  /** Units on open POs for the Master SKU, all destinations. */
  readonly total: number;
  /** Of those, units on POs past their expected date. */
  readonly late: number;
  /** Units by destination channel id; what no channel claims is `upstream`. */
  readonly byChannel: ReadonlyMap<string, number>;
  readonly upstream: number;
}

/** An open PO row not counted as on order, or counted for its Master SKU only: where, and why (an onorder.* code). */
export interface OnOrderIssue {
  readonly row: number;
  readonly column: string;
  readonly value: string | null;
  readonly problem: Problem;
}

export interface OnOrder {
  readonly open: readonly OpenPo[];
  readonly byMaster: ReadonlyMap<string, OnOrderUnits>;
  readonly issues: readonly OnOrderIssue[];
}

const text = (v: string | number | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};
const isDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The channel a PO's destination names: marketplace and country; 'warehouse' for the own warehouse; null when unreadable. */
export function destinationChannel(value: string): string | 'warehouse' | null {
  const v = value.toLowerCase();
  if (/warehouse|\bwh\b|own|store ?room|مستودع|المستودع/.test(v)) return 'warehouse';
  const marketplace = /amazon|fba|أمازون/.test(v) ? 'amazon' : /noon|fbn|نون/.test(v) ? 'noon' : null;
  const country = countryOf(v);
  if (!marketplace || !country) return null;
  return CHANNELS.find((c) => c.marketplace === marketplace && c.country === country)?.id ?? null;
}

/** Open POs, and units on order per Master SKU, as of `now`. */
export function openOrders(records: readonly ReportRecord[], suppliers: readonly SupplierLeadTime[], s: Settings, now: Date): OnOrder {
  const lead = new Map(suppliers.map((x) => [x.supplier, x.meanDays]));
  const today = Math.floor(now.getTime() / DAY_MS);
  const open: OpenPo[] = [];
  const issues: OnOrderIssue[] = [];
  for (const rec of records) {
    const v = rec.values;
    const supplier = text(v.supplier);
    // Rows without a supplier, a PO date or a readable received date are the lead-time statistics' to report.
    if (supplier === null || !isDate(v.poDate) || !(v.receivedDate === null || v.receivedDate === undefined || text(v.receivedDate) === null)) continue;
    const master = text(v.masterSku);
    const quantity = typeof v.quantity === 'number' ? v.quantity : null;
    if (master === null) {
      issues.push({ row: rec.row, column: 'Master SKU', value: null, problem: problemOf('onorder.no-master-sku', {}) });
      continue;
    }
    if (quantity === null || !(quantity > 0)) {
      issues.push({ row: rec.row, column: 'Qty', value: v.quantity === null || v.quantity === undefined ? null : String(v.quantity), problem: problemOf('onorder.no-quantity', { master }) });
      continue;
    }
    const measured = lead.get(supplier) ?? null;
    const days = measured ?? s.leadTimeDays;
    const ordered = Math.floor(v.poDate / DAY_MS);
    const expected = ordered + Math.round(days);
    const where = text(v.destination);
    let destination: string | null = null;
    if (where !== null) {
      const channel = destinationChannel(where);
      if (channel === null) issues.push({ row: rec.row, column: 'Destination', value: where, problem: problemOf('onorder.unknown-destination', { destination: where, master }) });
      else if (channel !== 'warehouse') destination = channel;
    }
    open.push({
      row: rec.row,
      supplier,
      poNumber: text(v.poNumber),
      masterSku: master,
      quantity,
      poDate: isoDay(ordered * DAY_MS),
      expected: isoDay(expected * DAY_MS),
      leadTimeSource: measured === null ? 'setting' : 'PO history',
      daysLate: Math.max(0, today - expected),
      destination,
    });
  }
  const byMaster = new Map<string, { total: number; late: number; byChannel: Map<string, number>; upstream: number }>();
  for (const po of open) {
    let u = byMaster.get(po.masterSku);
    if (!u) byMaster.set(po.masterSku, (u = { total: 0, late: 0, byChannel: new Map(), upstream: 0 }));
    u.total += po.quantity;
    if (po.daysLate > 0) u.late += po.quantity;
    if (po.destination === null) u.upstream += po.quantity;
    else u.byChannel.set(po.destination, (u.byChannel.get(po.destination) ?? 0) + po.quantity);
  }
  return { open, byMaster, issues };
}
