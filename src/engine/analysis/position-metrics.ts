/**
 * Every per-position figure of docs/FORMULAS.md under the chosen policy, computed once and shared by all
 * recommendations and sheets. A position is one Master SKU on one channel (ingest/join.ts).
 *
 * Conventions:
 * - Velocity: sold / periodDays from the channel's sales report, or sold / in-stock days when the
 *   Inventory Ledger gives the days out of stock (positionVelocity); when the only sales figures are
 *   the planning report's units-shipped-t30/t60/t90, the weighted velocity of docs/FORMULAS.md. The method
 *   used is kept beside the value.
 * - DOI = available / v (+∞ "No sales" when v = 0 and stock > 0; 0 when both are 0).
 * - `cover` policy: safety stock v × safetyDays, reorder qty max(0, SS − available − inbound); the
 *   reorder point shown is that safety stock (the level at which the rule orders).
 * - `service` policy: z by the Master SKU's ABC class. Demand d and σd from the position's forecast
 *   when it has one (≥ 3 months of history: position-forecast.ts); otherwise d = velocity and σd from
 *   ≥ 3 months of monthly sales (σmonth / √30) or the Poisson approximation σd = √d (the row's
 *   "σ source" says which).
 * - Lead time L: the mapping's per-SKU lead time, else the supplier's mean from PO history, else the
 *   setting; σL: the supplier's PO-history standard deviation, else the setting.
 * - Money per position stays in the channel's currency; the `…Reporting` fields are converted.
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { isCalcError, type CalcError } from '../errors';
import type { EventAhead } from './position-events';
import { positionKey, type AbcClass, type Position, type Settings } from '../model';
import { doi as doiOf, doiInclInbound } from '../metrics/doi';
import { eoq, annualDemand, holdingCostPerUnitYear } from '../metrics/eoq';
import { excessQty } from '../metrics/excess';
import { gmroi } from '../metrics/gmroi';
import { lostRevenue, projectedLostRevenue } from '../metrics/lost-revenue';
import { movement, type Movement } from '../metrics/movement';
import { needQty } from '../metrics/need';
import { orderUpTo } from '../metrics/order-up-to';
import { reorderQty } from '../metrics/reorder-qty';
import { reorderPoint } from '../metrics/reorder-point';
import { coverSafetyStock, dailySdFromMonthly, serviceSafetyStock } from '../metrics/safety-stock';
import { sellThrough } from '../metrics/sell-through';
import { urgency, type Urgency } from '../metrics/urgency';
import { stockoutAdjustedVelocity, velocity as velocityOf, weightedVelocity } from '../metrics/velocity';
import { stockDays, windowStart } from '../metrics/in-stock';
import { toReporting } from './money';

export type VelocityMethod =
  | 'sales / in-stock days (ledger)'
  | 'sales / period (no ledger)'
  | 'sales / period (ledger not usable)'
  | 'weighted t30/t60/t90'
  | 'no sales report';
export type SigmaSource = 'monthly history' | 'Poisson (√d)' | '—' | `forecast: ${string}`;

/** What the analysis knows beyond the position itself: its forecast and its supplier's measured lead time. */
export interface PlanningInputs {
  /** Mean daily demand and daily sd from the position's forecast (position-forecast.ts), with the method's label. */
  readonly forecast?: { readonly demand: number; readonly sd: number; readonly label: string } | null;
  /** Extra units the GCC events bring inside lead time + cover (analysis/position-events.ts); the cover policy orders them. */
  readonly eventDemand?: number;
  /** The first event with an uplift starting within the lead time (analysis/position-events.ts). */
  readonly eventAhead?: EventAhead | null;
  /** Lead time measured from PO history (metrics/lead-time.ts). */
  readonly leadTime?: { readonly meanDays: number | null; readonly sdDays: number | null; readonly supplier: string } | null;
}

export type LeadTimeSource = 'mapping' | `PO history: ${string}` | 'setting';

export interface PositionMetrics {
  /** `${masterSku}|${channel id}`: unique per position. */
  readonly id: string;
  readonly position: Position;
  readonly velocity: number;
  readonly velocityMethod: VelocityMethod;
  readonly doi: number;
  readonly doiInclInbound: number;
  readonly abc: AbcClass;
  /** null when the channel has no sales report. */
  readonly movement: Movement | null;
  readonly urgency: Urgency | null;
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly leadTimeSource: LeadTimeSource;
  /** Mean daily demand the policy planned with (velocity, or the forecast's under `service`). */
  readonly plannedDailyDemand: number;
  readonly serviceLevel: number | null;
  readonly sigmaSource: SigmaSource;
  readonly safetyStock: number;
  readonly reorderPoint: number;
  readonly orderUpTo: number | null;
  /**
   * Unrounded quantity the policy asks for (before own-warehouse stock and MOQ / case pack): what the
   * Reorder sheet buys or sends (ReorderLine.reorderNeed). 0 when the channel has no sales report.
   */
  readonly reorderNeed: number;
  /** Extra units for the GCC events inside lead time + cover, in reorderNeed under the cover policy. */
  readonly eventDemand: number;
  /** The first event with an uplift starting within the lead time; null when none. */
  readonly eventAhead: EventAhead | null;
  readonly eoq: number | null;
  readonly excessQty: number;
  /**
   * Units short of the safety cover, max(0, v × safetyDays − available − inbound) (metrics/need.ts),
   * under every policy: what a transfer may bring in (the Rebalance sheet). Not reorderNeed, the
   * quantity the policy asks to reorder.
   */
  readonly needQty: number;
  readonly dead: boolean;
  /** available × cost in the channel's currency; null when cost is missing. */
  readonly stockValue: number | null;
  readonly stockValueReporting: number | null;
  readonly revenueReporting: number;
  readonly gmroi: number | null;
  readonly sellThrough: number | null;
  /** Days of the sales window the Inventory Ledger shows out of stock; null without a ledger-based velocity. */
  readonly daysOutOfStock: number | null;
  /** Revenue lost in those days: daysOutOfStock × velocity × price (channel currency); null without them or a price. */
  readonly lostRevenue: number | null;
  readonly lostRevenueReporting: number | null;
  /** Revenue lost before an order placed today arrives (channel currency); null without a price. */
  readonly projectedLost: number | null;
  readonly projectedLostReporting: number | null;
}

/** A CalcError here means the engine passed bad data: a programming error, so it throws. */
function must<T>(value: T | CalcError, what: string, id: string): T {
  if (isCalcError(value)) throw new Error(`${what} for ${id}: ${value.message}`);
  return value;
}

/** What positionVelocity found: the velocity, how it was found and the ledger's days out of stock in the sales window. */
export interface PositionVelocity {
  readonly v: number;
  readonly method: VelocityMethod;
  /** Days of the sales window the Inventory Ledger shows out of stock; null when the velocity is not the ledger's. */
  readonly daysOutOfStock: number | null;
}

/**
 * A SKU absent from its channel's sales report sold nothing (Amazon's Business Report leaves out SKUs
 * without sales); a channel with no sales report at all has no velocity to give.
 *
 * With an Inventory Ledger (Amazon), sales over the period are divided by the days of the period that
 * were in stock (metrics/in-stock.ts): the sales window is the `periodDays` days ending on the last
 * day of the channel's dated sales, or, for the undated Business Report, on the ledger's last day.
 * Days the ledger does not cover count as in stock. A ledger that covers none of the window, or shows
 * every day of it out of stock while units sold, is not used (the label says so).
 */
export function positionVelocity(p: Position, channelHasSales: boolean): PositionVelocity {
  if (!channelHasSales) return { v: 0, method: 'no sales report', daysOutOfStock: null };
  const shipped = p.unitsShipped;
  if (p.salesFrom === 'amazon-inventory-age' && shipped && shipped.t30 !== null && shipped.t60 !== null && shipped.t90 !== null) {
    const w = weightedVelocity(shipped.t30, shipped.t60, shipped.t90);
    if (!isCalcError(w)) return { v: w, method: 'weighted t30/t60/t90', daysOutOfStock: null };
  }
  const period = p.periodDays > 0 ? p.periodDays : 30;
  const plain = velocityOf(p.sold, period);
  const v = isCalcError(plain) ? 0 : plain;
  if (!p.ledger || p.ledger.length === 0) return { v, method: 'sales / period (no ledger)', daysOutOfStock: null };
  const to = p.salesTo ?? p.ledger[p.ledger.length - 1].date;
  const from = windowStart(to, period);
  const days = from === null ? null : stockDays(p.ledger.map((d) => ({ date: d.date, start: d.start, end: d.end, receipts: d.events.receipts ?? 0 })), from, to);
  const sold = Math.max(0, p.sold);
  if (days === null || isCalcError(days) || days.inStock + days.outOfStock === 0 || (days.inStock + days.unknown === 0 && sold > 0)) {
    return { v, method: 'sales / period (ledger not usable)', daysOutOfStock: null };
  }
  const adjusted = stockoutAdjustedVelocity(sold, days.inStock + days.unknown);
  return isCalcError(adjusted)
    ? { v, method: 'sales / period (ledger not usable)', daysOutOfStock: null }
    : { v: adjusted, method: 'sales / in-stock days (ledger)', daysOutOfStock: days.outOfStock };
}

/** Daily demand spread from ≥ 3 months of monthly units, else the Poisson approximation. */
function dailyDemandSd(p: Position, d: number): { sd: number; source: SigmaSource } {
  const months = Object.keys(p.salesByMonth).sort();
  if (months.length >= 3) {
    const monthly = months.map((m) => p.salesByMonth[m].units);
    const sd = dailySdFromMonthly(sampleStandardDeviation(monthly));
    if (!isCalcError(sd)) return { sd, source: 'monthly history' };
  }
  return { sd: Math.sqrt(d), source: 'Poisson (√d)' };
}

/** Lead time and its sd: the mapping's per-SKU days, else the supplier's PO history, else the settings. */
export function resolveLeadTime(p: Position, measured: PlanningInputs['leadTime'] | null, s: Settings): { days: number; sdDays: number; source: LeadTimeSource } {
  const sdDays = measured && measured.sdDays !== null ? measured.sdDays : s.leadTimeSdDays;
  if (p.leadTimeDays !== null && p.leadTimeDays >= 0) return { days: p.leadTimeDays, sdDays, source: 'mapping' };
  if (measured && measured.meanDays !== null) return { days: measured.meanDays, sdDays, source: `PO history: ${measured.supplier}` };
  return { days: s.leadTimeDays, sdDays, source: 'setting' };
}

/**
 * `channelHasSales`: the position's channel has a sales report. Without one nothing is known about
 * demand: no urgency, excess, reorder or movement class is claimed for the position (the analysis
 * reports the missing report once per channel).
 */
export function positionMetrics(p: Position, abc: AbcClass, s: Settings, channelHasSales = true, plan: PlanningInputs = {}): PositionMetrics {
  const id = positionKey(p.masterSku, p.channel.id);
  const { v, method, daysOutOfStock } = positionVelocity(p, channelHasSales);
  const known = channelHasSales;
  const available = Math.max(0, p.available);
  const inbound = Math.max(0, p.inbound);
  const doi = must(doiOf(available, v), 'DOI', id);
  const doiIn = must(doiInclInbound(available, inbound, v), 'DOI incl. inbound', id);
  const { days: lead, sdDays: leadSd, source: leadSource } = resolveLeadTime(p, plan.leadTime ?? null, s);
  let planned = v;
  const events = Math.max(0, plan.eventDemand ?? 0);

  let safety: number;
  let rop: number;
  let upTo: number | null = null;
  let need: number;
  let serviceLevel: number | null = null;
  let sigmaSource: SigmaSource = '—';
  if (s.policy === 'service') {
    serviceLevel = s.serviceLevel[abc];
    const fc = known ? (plan.forecast ?? null) : null;
    let sd: number;
    if (fc) {
      planned = fc.demand;
      sd = fc.sd;
      sigmaSource = planned > 0 ? `forecast: ${fc.label}` : '—';
    } else {
      const spread = dailyDemandSd(p, v);
      sd = spread.sd;
      sigmaSource = v > 0 ? spread.source : '—';
    }
    safety = planned > 0 ? must(serviceSafetyStock(serviceLevel, planned, sd, lead, leadSd), 'Safety stock', id) : 0;
    rop = must(reorderPoint(planned, lead, safety), 'Reorder point', id);
    upTo = must(orderUpTo(planned, lead, s.reviewDays, safety), 'Order-up-to', id);
    need = planned > 0 ? must(reorderQty(upTo, available, inbound, rop), 'Reorder qty', id) : 0;
  } else {
    safety = must(coverSafetyStock(v, s.safetyDays), 'Safety stock', id);
    rop = safety;
    need = must(reorderQty(safety + events, available, inbound), 'Reorder qty', id);
  }

  const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
  const price = p.price !== null && p.price >= 0 ? p.price : null;
  const currency = p.channel.currency;
  const stockValue = cost === null ? null : available * cost;
  const lost = price === null ? null : must(projectedLostRevenue(lead, doiIn, v, price), 'Projected lost revenue', id);
  const lostPast = price === null || daysOutOfStock === null ? null : must(lostRevenue(daysOutOfStock, v, price), 'Lost revenue', id);
  let eoqQty: number | null = null;
  if (cost !== null && cost > 0 && v > 0) {
    const h = must(holdingCostPerUnitYear(cost, s.holdingRate), 'Holding cost', id);
    const q = h > 0 ? eoq(must(annualDemand(v), 'Annual demand', id), s.orderCost, h) : null;
    eoqQty = q === null || isCalcError(q) ? null : q;
  }
  const gm = price === null ? null : gmroi(price, cost, p.sold, available);

  return {
    id,
    position: p,
    velocity: v,
    velocityMethod: method,
    doi,
    doiInclInbound: doiIn,
    abc,
    // movement() reads the velocity only to test v = 0: Dead means no demand in the velocity's window,
    // as urgency's MEDIUM (v = 0) does: with the weighted velocity, t30 = 0 but t60 / t90 > 0 is Slow,
    // not Dead.
    movement: known ? must(movement(v, doi, s.safetyDays, s.excessDays), 'Movement', id) : null,
    urgency: known ? must(urgency(v, doi, available, Math.max(0, p.stranded), s), 'Urgency', id) : p.stranded > 0 ? 'HIGH' : null,
    leadTimeDays: lead,
    leadTimeSdDays: leadSd,
    leadTimeSource: leadSource,
    plannedDailyDemand: planned,
    serviceLevel,
    sigmaSource,
    safetyStock: safety,
    reorderPoint: rop,
    orderUpTo: upTo,
    reorderNeed: known ? need : 0,
    eventDemand: known && s.policy === 'cover' ? events : 0,
    eventAhead: known ? (plan.eventAhead ?? null) : null,
    eoq: eoqQty,
    excessQty: known ? must(excessQty(available, v, s.excessDays), 'Excess qty', id) : 0,
    needQty: must(needQty(v, s.safetyDays, available, inbound), 'Need qty', id),
    dead: known && v === 0 && available > 0,
    stockValue,
    stockValueReporting: stockValue === null ? null : toReporting(stockValue, currency, s),
    revenueReporting: toReporting(Math.max(0, p.revenue), currency, s),
    gmroi: gm === null || isCalcError(gm) ? null : gm,
    sellThrough: ((x) => (x === null || isCalcError(x) ? null : x))(sellThrough(p.sold, available)),
    daysOutOfStock,
    lostRevenue: lostPast,
    lostRevenueReporting: lostPast === null ? null : toReporting(lostPast, currency, s),
    projectedLost: lost,
    projectedLostReporting: lost === null ? null : toReporting(lost, currency, s),
  };
}
