/**
 * Urgent Actions (docs/FORMULAS.md, "Urgency"; docs/PRODUCT.md): one line per position that has a priority, with
 * what is wrong, the money at stake and the action to take, taken from the other recommendations so the
 * sheets agree. Sorted by priority, then money at stake (descending), then DOI.
 *
 * Money at stake, in the reporting currency:
 *   CRITICAL / LOW  revenue at risk = revenue lost before an order placed today arrives
 *                   (max(0, L − DOI incl. inbound) × v × price);
 *   HIGH excess     value of the excess units at cost; HIGH stranded: stranded units at cost;
 *   MEDIUM (dead)   stock value at cost.
 * GCC events: a position with a restock (an order, a send from the warehouse or a transfer in) whose
 * next event with an uplift starts within its lead time (PositionMetrics.eventAhead) says so:
 * "Ramadan starts in 20 days: order now", after its own issue when it has a priority, else as a LOW
 * line of its own whose money at stake is the event's extra demand inside lead time + cover at the price.
 */
import { above } from '../metrics/compare';
import type { Settings } from '../model';
import type { Urgency } from '../metrics/urgency';
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import type { ReorderLine } from './reorder-lines';
import type { TransferLine } from './rebalance-lines';
import type { LiquidationLine } from './liquidation-lines';
import type { StrandedLine } from './stranded-lines';

export interface UrgentAction {
  readonly priority: Urgency;
  readonly metrics: PositionMetrics;
  readonly issue: string;
  readonly moneyAtStake: number | null;
  readonly action: string;
}

export const PRIORITY_ORDER: readonly Urgency[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
/** Each priority's place in PRIORITY_ORDER, for the sort. */
const RANK = Object.fromEntries(PRIORITY_ORDER.map((u, i) => [u, i])) as Record<Urgency, number>;

export interface RecommendationIndex {
  readonly reorder: ReadonlyMap<string, ReorderLine>;
  readonly transfersIn: ReadonlyMap<string, TransferLine[]>;
  readonly transfersOut: ReadonlyMap<string, TransferLine[]>;
  readonly liquidation: ReadonlyMap<string, LiquidationLine>;
  readonly stranded: ReadonlyMap<string, StrandedLine>;
}

/** toLocaleString('en-US') sets up a number format on every call (tens of thousands a run): one, made once. */
const EN_US = new Intl.NumberFormat('en-US');
/** n rounded, with thousands separators (as EN_US writes them: safe integers by hand, the rest by EN_US). */
export function units(n: number): string {
  const r = Math.round(n);
  if (!Number.isSafeInteger(r) || Object.is(r, -0)) return EN_US.format(r);
  const digits = String(r < 0 ? -r : r);
  let text = digits;
  if (digits.length > 3) {
    const head = digits.length % 3 || 3;
    text = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) text += ',' + digits.slice(i, i + 3);
  }
  return r < 0 ? '-' + text : text;
}
const days = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

function restockAction(m: PositionMetrics, idx: RecommendationIndex): string {
  const parts: string[] = [];
  for (const t of idx.transfersIn.get(m.id) ?? []) parts.push(`transfer ${units(t.transfer.qty)} from ${t.from.position.channel.label}`);
  const r = idx.reorder.get(m.id);
  if (r && r.fromWarehouse > 0) parts.push(`send ${units(r.fromWarehouse)} from the warehouse`);
  if (r && r.buyQty > 0) parts.push(`order ${units(r.buyQty)}`);
  if (parts.length === 0) return m.position.inbound > 0 ? 'Expedite the inbound shipment' : 'Review the reorder plan';
  const text = parts.join(', ');
  return text[0].toUpperCase() + text.slice(1);
}

function excessAction(m: PositionMetrics, idx: RecommendationIndex): string {
  const parts: string[] = [];
  for (const t of idx.transfersOut.get(m.id) ?? []) parts.push(`transfer ${units(t.transfer.qty)} to ${t.to.position.channel.label}`);
  const l = idx.liquidation.get(m.id);
  if (l) {
    if (l.action === 'Discount' && l.plan) parts.push(`discount ${Math.round(l.plan.discount * 100)}% for ${units(l.units)} excess units`);
    else if (l.action === 'Review') parts.push('set a selling price to plan the clearance');
    else if (l.action === 'Keep') parts.push(`keep the ${units(l.units)} excess units at today's price (it brings more than clearing them)`);
    else parts.push(`${l.action.toLowerCase()} for ${units(l.units)} units`);
  }
  if (parts.length === 0) return 'Pause inbound shipments';
  const text = parts.join(', ');
  return text[0].toUpperCase() + text.slice(1);
}

/** Whether the recommendations restock the position (an order, a warehouse send or a transfer in). */
const restocked = (m: PositionMetrics, idx: RecommendationIndex): boolean => {
  const r = idx.reorder.get(m.id);
  return (r !== undefined && (r.buyQty > 0 || r.fromWarehouse > 0)) || (idx.transfersIn.get(m.id)?.length ?? 0) > 0;
};

/** "Ramadan starts in 20 days: order now" when an event with an uplift starts within the lead time and the position is restocked. */
function eventNote(m: PositionMetrics, idx: RecommendationIndex): string | null {
  const e = m.eventAhead;
  if (!e || !restocked(m, idx)) return null;
  return `${e.name} starts in ${e.inDays} ${e.inDays === 1 ? 'day' : 'days'}: order now`;
}

function line(m: PositionMetrics, idx: RecommendationIndex, s: Settings): UrgentAction | null {
  const base = urgencyLine(m, idx, s);
  const note = eventNote(m, idx);
  if (!note) return base;
  if (base) return { ...base, issue: `${base.issue}; ${note}` };
  const p = m.position;
  const price = p.price !== null && p.price >= 0 ? p.price : null;
  const atStake = price === null || m.eventDemand <= 0 ? null : toReporting(m.eventDemand * price, p.channel.currency, s);
  return { priority: 'LOW', metrics: m, issue: note, moneyAtStake: atStake, action: restockAction(m, idx) };
}

function urgencyLine(m: PositionMetrics, idx: RecommendationIndex, s: Settings): UrgentAction | null {
  const priority = m.urgency;
  if (priority === null) return null;
  const p = m.position;
  const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
  const atCost = (qty: number) => (cost === null ? null : toReporting(qty * cost, p.channel.currency, s));
  switch (priority) {
    case 'CRITICAL':
    case 'LOW': {
      const issue =
        p.available <= 0
          ? 'Out of stock while selling'
          : `${priority === 'CRITICAL' ? 'Stockout' : 'Low stock'} in ${days(m.doi)} days`;
      return { priority, metrics: m, issue, moneyAtStake: m.projectedLostReporting, action: restockAction(m, idx) };
    }
    case 'HIGH': {
      const severe = m.velocity > 0 && above(m.doi, s.severeExcessDays);
      if (severe) {
        return { priority, metrics: m, issue: `Severe excess: ${units(m.doi)} days of stock`, moneyAtStake: atCost(m.excessQty), action: excessAction(m, idx) };
      }
      const st = idx.stranded.get(m.id);
      return {
        priority,
        metrics: m,
        issue: `${units(p.stranded)} stranded units`,
        moneyAtStake: atCost(p.stranded),
        action: st ? st.action : 'Fix stranded inventory in Seller Central',
      };
    }
    case 'MEDIUM':
      return { priority, metrics: m, issue: `Dead stock: ${units(p.available)} units, no sales`, moneyAtStake: m.stockValueReporting, action: excessAction(m, idx) };
  }
}

export function urgentActions(metrics: readonly PositionMetrics[], idx: RecommendationIndex, s: Settings): UrgentAction[] {
  const lines: UrgentAction[] = [];
  for (const m of metrics) {
    const l = line(m, idx, s);
    if (l) lines.push(l);
  }
  // The sort keys read once per line into flat lists: the comparisons then read no line or metrics.
  const n = lines.length;
  const rank = new Float64Array(n);
  const money = new Float64Array(n);
  const doi = new Float64Array(n);
  const ids = new Array<string>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    rank[i] = RANK[l.priority];
    money[i] = l.moneyAtStake ?? 0;
    doi[i] = l.metrics.doi;
    ids[i] = l.metrics.id;
    order[i] = i;
  }
  order.sort((a, b) => rank[a] - rank[b] || money[b] - money[a] || (doi[a] === doi[b] ? 0 : doi[a] - doi[b]) || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return order.map((i) => lines[i]);
}
