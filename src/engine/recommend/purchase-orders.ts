/**
 * Purchase orders from the approved Reorder lines (issue "From approved lines to documents").
 *
 * Which lines: Reorder lines whose status is Approved or Auto-approved and that buy something. Pending
 * lines are not decided yet and Rejected lines never reach a PO. The quantity is the approved qty
 * (an auto-approval approves the recommended qty), rounded up to MOQ and case pack as the Reorder
 * sheet rounds (round-qty.ts): a user who approves 25 of a 12-unit case pack orders 36.
 *
 * Grouping: one PO per supplier and destination.
 * - Supplier: the mapping's Supplier, else the supplier of the Master SKU's latest PO in the Supplier PO
 *   history, else the group "No supplier", with one Data Issue naming its Master SKUs.
 * - Destination: the own warehouse when the workbook has an own-warehouse stock report (the seller
 *   receives and then sends on), else the channel of the line (direct to FBA / FBN). A Master SKU
 *   bought for several channels into the own warehouse is one line, the quantities added.
 *
 * Per PO:
 * - number: PO-YYYYMMDD-XXXXX, the order date and five letters from the supplier and destination
 *   (FNV-1a), so re-running Analyze on the same day gives the same numbers and a new approval adds a
 *   line to its supplier's PO instead of making a new one;
 * - order date: the day of the analysis; expected arrival: order date + the longest lead time of its
 *   lines (each position's lead time: mapping, else the supplier's measured, else the setting);
 * - money in the supplier's currency: the mapping's Supplier Currency (SAR or AED), else the reporting
 *   currency. Unit cost = the mapping's Cost Price (reporting currency) converted and rounded to cents,
 *   line total = quantity × unit cost, PO total = Σ line totals, and the same total in the reporting
 *   currency. A line without a cost has no line total; the PO total adds the lines that have one.
 */
import { isCalcError } from '../errors';
import type { Currency, Settings } from '../model';
import { fromReporting, toReporting } from '../analysis/money';
import type { PositionMetrics } from '../analysis/position-metrics';
import { issueAt, type ImportIssue } from '../ingest/types';
import { problemOf } from '../problems';
import { roundOrderQty, wholeCasePack } from '../metrics/round-qty';
import { DAY_MS, dayMs, isoDay } from '../calendar';
import { APPROVED, type ApprovalState } from './approvals';
import type { ReorderLine } from './reorder-lines';

export const NO_SUPPLIER = 'No supplier';
export const OWN_WAREHOUSE = 'Own warehouse';
/** The Master SKUs without a supplier the Data Issue names; the rest are counted. */
const NAMED_SKUS = 5;

export interface PurchaseOrderLine {
  readonly masterSku: string;
  readonly title: string | null;
  readonly quantity: number;
  readonly casePack: number | null;
  /** quantity ÷ case pack when the case pack is known. */
  readonly cartons: number | null;
  /** In the PO's currency; null when the mapping has no Cost Price. */
  readonly unitCost: number | null;
  readonly lineTotal: number | null;
  /** The approvals' "changed since approval" text, with the channel when the line adds several. */
  readonly changed: string | null;
  readonly leadTimeDays: number;
}

export interface PurchaseOrder {
  readonly number: string;
  readonly supplier: string;
  readonly orderDate: string;
  readonly expectedArrival: string;
  readonly destination: string;
  readonly currency: Currency;
  readonly lines: readonly PurchaseOrderLine[];
  /** Σ line totals in the PO's currency and in the reporting currency. */
  readonly total: number;
  readonly totalReporting: number;
}

export interface PurchaseOrderInputs {
  readonly reorder: readonly ReorderLine[];
  /** The Reorder lines' approvals, index for index. */
  readonly approvals: readonly ApprovalState[];
  /** Supplier of each Master SKU's latest PO in the PO history (lead-time.ts, perMaster). */
  readonly lastPoSupplier: ReadonlyMap<string, string>;
  /** The workbook has own-warehouse stock: POs deliver there. */
  readonly ownWarehouse: boolean;
  /** The day of the analysis, YYYY-MM-DD. */
  readonly orderDate: string;
  /** Where Data Issues about the mapping point. */
  readonly mappingSource: string;
}


/** 32-bit FNV-1a of the text's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Five letters and digits (base 36, upper case) from a supplier and destination. */
export const poCode = (supplier: string, destination: string): string => fnv1a(`${supplier}\u0000${destination}`).toString(36).toUpperCase().padStart(7, '0').slice(-5);

const addDays = (iso: string, days: number): string => isoDay(dayMs(iso) + Math.ceil(days) * DAY_MS);
const cents = (x: number) => Math.round(x * 100) / 100;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Group {
  readonly supplier: string;
  readonly destination: string;
  readonly currency: Currency;
  readonly lines: Map<string, { m: PositionMetrics; quantity: number; changed: string[]; lead: number }>;
}

export function purchaseOrders(input: PurchaseOrderInputs, s: Settings): { orders: PurchaseOrder[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const reported = new Set<string>();
  const report = (key: string, issue: ImportIssue) => {
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(issue);
  };
  const currencyOf = (supplier: string, m: PositionMetrics): Currency => {
    const written = m.position.supplierCurrency;
    if (written === null) return s.reportingCurrency;
    const code = written.trim().toUpperCase();
    if (code === 'SAR' || code === 'AED') return code;
    report(
      `currency\u0000${m.position.masterSku}`,
      issueAt({ source: input.mappingSource, row: null, column: 'Supplier Currency', value: written }, problemOf('po.currency-unknown', { written, sku: m.position.masterSku, supplier, currency: s.reportingCurrency }), false),
    );
    return s.reportingCurrency;
  };

  const groups = new Map<string, Group>();
  const noSupplier: string[] = [];
  const noSupplierSeen = new Set<string>();
  input.reorder.forEach((line, i) => {
    const approval = input.approvals[i];
    if (!approval || !APPROVED.has(approval.status) || line.buyQty <= 0) return;
    const wanted = approval.approvedQty ?? line.buyQty;
    if (!(wanted > 0)) return;
    const m = line.metrics;
    const p = m.position;
    const supplier = p.supplier ?? input.lastPoSupplier.get(p.masterSku) ?? NO_SUPPLIER;
    if (supplier === NO_SUPPLIER && !noSupplierSeen.has(p.masterSku)) {
      noSupplierSeen.add(p.masterSku);
      noSupplier.push(p.masterSku);
    }
    const destination = input.ownWarehouse ? OWN_WAREHOUSE : p.channel.label;
    const key = `${supplier}\u0000${destination}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { supplier, destination, currency: currencyOf(supplier, m), lines: new Map() }));
    else if (currencyOf(supplier, m) !== g.currency) {
      report(
        `mixed\u0000${supplier}\u0000${p.masterSku}`,
        issueAt({ source: input.mappingSource, row: null, column: 'Supplier Currency', value: p.supplierCurrency }, problemOf('po.currency-mixed', { sku: p.masterSku, supplier, currency: g.currency }), false),
      );
    }
    const changed = approval.changedSinceApproval ? (input.ownWarehouse ? `${p.channel.label}: ${approval.changedSinceApproval}` : approval.changedSinceApproval) : null;
    const held = g.lines.get(p.masterSku);
    if (held) {
      held.quantity += wanted;
      held.lead = Math.max(held.lead, m.leadTimeDays);
      if (changed) held.changed.push(changed);
    } else g.lines.set(p.masterSku, { m, quantity: wanted, changed: changed ? [changed] : [], lead: m.leadTimeDays });
  });

  if (noSupplier.length > 0) {
    const named = noSupplier.slice(0, NAMED_SKUS);
    // The Value column lists the SKUs the message names (and how many more there are).
    const value = named.join(', ') + (noSupplier.length > NAMED_SKUS ? ` and ${noSupplier.length - NAMED_SKUS} more` : '');
    issues.push(issueAt({ source: input.mappingSource, row: null, column: 'Supplier', value }, problemOf('po.no-supplier', { skus: named, count: noSupplier.length, po: NO_SUPPLIER }), false));
  }
  const orders: PurchaseOrder[] = [];
  const sorted = [...groups.values()].sort((a, b) => Number(a.supplier === NO_SUPPLIER) - Number(b.supplier === NO_SUPPLIER) || compare(a.supplier, b.supplier) || compare(a.destination, b.destination));
  const numbers = new Set<string>();
  const day = input.orderDate.replace(/-/g, '');
  for (const g of sorted) {
    let number = `PO-${day}-${poCode(g.supplier, g.destination)}`;
    // Two groups with the same five letters on one day (about 1 in 60 million pairs) stay apart.
    for (let k = 2; numbers.has(number); k++) number = `PO-${day}-${poCode(g.supplier, g.destination)}-${k}`;
    numbers.add(number);
    const lines: PurchaseOrderLine[] = [];
    let total = 0;
    let lead = 0;
    for (const [masterSku, l] of [...g.lines].sort((a, b) => compare(a[0], b[0]))) {
      const p = l.m.position;
      const pack = wholeCasePack(p.casePack);
      const rounded = roundOrderQty(l.quantity, p.moq ?? 0, pack ?? 1);
      const quantity = isCalcError(rounded) ? Math.ceil(l.quantity) : rounded;
      // The position's cost is in its channel's currency (the analysis' money stage): back to the
      // mapping's reporting currency, then to the supplier's.
      const unitCost = p.cost === null || p.cost < 0 ? null : cents(fromReporting(toReporting(p.cost, p.channel.currency, s), g.currency, s));
      const lineTotal = unitCost === null ? null : cents(quantity * unitCost);
      if (lineTotal !== null) total += lineTotal;
      lead = Math.max(lead, l.lead);
      lines.push({
        masterSku,
        title: p.title,
        quantity,
        casePack: pack,
        cartons: pack === null ? null : quantity / pack,
        unitCost,
        lineTotal,
        changed: l.changed.length > 0 ? l.changed.join('; ') : null,
        leadTimeDays: l.lead,
      });
    }
    total = cents(total);
    orders.push({
      number,
      supplier: g.supplier,
      orderDate: input.orderDate,
      expectedArrival: addDays(input.orderDate, lead),
      destination: g.destination,
      currency: g.currency,
      lines,
      total,
      totalReporting: cents(toReporting(total, g.currency, s)),
    });
  }
  return { orders, issues };
}
