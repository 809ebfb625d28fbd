/**
 * Inventory policy simulation: replays an (s, S) or (r, Q) policy period by period over a demand series
 * and reports the trajectory, the orders, the cost and the service achieved (docs/FORMULAS.md, "Simulation
 * (what-if)").
 *
 *   inventory position   IP = on hand + on order − backorders
 *   (s, S)               if IP ≤ s, order S − IP
 *   (r, Q)               if IP ≤ r, order n·Q, n = the smallest n ≥ 1 with IP + n·Q > r
 *   cost per period      h × onHandEnd + p × unmet
 *   fill rate            Σ met / Σ demand                       (type 2, β)
 *   cycle service level  cycles without unmet demand / cycles   (type 1, α)
 *
 * Symbols: s, S = reorder level and order-up-to level; r, Q = reorder point and order quantity;
 * L = lead time in whole periods; h = holding cost per unit on hand at the end of a period;
 * p = stockout cost per unit of demand not met in its period.
 *
 * Source: docs/FORMULAS.md. Inventory position, the (s, S) and (r, Q) policies and the two service measures
 * (type 1 = probability of no stockout in a replenishment cycle, type 2 = share of demand met from stock)
 * follow the usual textbook definitions (e.g. Snyder & Shen, "Fundamentals of Supply Chain Theory",
 * 2nd ed., Wiley 2019, stochastic inventory models). The tests check hand computations.
 *
 * Event order in period t (the convention; textbooks differ on it):
 * 1. Receipts: orders due in t arrive and on hand rises. Under backorders, the waiting backorders are
 *    served first from on hand.
 * 2. Review: IP = on hand + on order − backorders; the policy may place one order. An order placed in t
 *    arrives at the start of period t + L: with L = 0 it arrives at once (and serves this period's
 *    demand, after any backorders); with L = 1 it does not cover the demand of period t.
 * 3. Demand is met from on hand; the rest is lost (default) or backordered.
 * 4. Costs: holding h × onHandEnd, stockout p × unmet.
 *
 * Conventions where definitions differ:
 * - Periodic review every period; at most one order per review (L = 0 receipts are not reviewed again).
 * - (r, Q) is the (r, nQ) variant: after ordering, IP lies in (r, r + Q], so a large drop orders
 *   several Q at once. IP exactly at s or r triggers an order; these comparisons allow a relative
 *   tolerance of 1e-9 so decimal quantities behave as written (IP 0 + 3 × 0.1 is not above r = 0.3).
 * - `onHandStart` is the stock available to the period's demand: after all receipts of the period
 *   (including an L = 0 order) and after serving backorders.
 * - Stockout cost is charged once per unit, in the period the demand is not met, for lost sales and
 *   backorders alike; a waiting backorder costs nothing more per period.
 * - Fill rate counts only demand met from stock in its own period; backorders served later are not
 *   "met" (type-2 fill rate). It is null when total demand is 0.
 * - A replenishment cycle starts at period 1 and at each period in which an order arrives; it is a
 *   stockout cycle if any of its periods has unmet > 0. Period 1 always starts a cycle, so with at least
 *   one period the cycle service level is a number; `null` is kept for the no-cycle case.
 * - Orders still outstanding at the end stay in `onOrder`; they are neither received nor costed.
 * - Default start stock: S for (s, S), max(0, r + Q) for (r, Q).
 */
import { CalcError, messages, valueError } from '../errors';
import { finite, nonNegative, positive } from '../check';

export type ReplenishmentPolicy =
  | { readonly kind: 'sS'; readonly s: number; readonly S: number }
  | { readonly kind: 'rQ'; readonly r: number; readonly Q: number };

export type UnmetDemand = 'lost' | 'backorder';

export interface SimulationInput {
  /** Demand per period (day or month), each ≥ 0 and finite. */
  readonly demand: readonly number[];
  readonly policy: ReplenishmentPolicy;
  /** Whole periods ≥ 0. */
  readonly leadTime: number;
  /** h per unit on hand at the end of a period, ≥ 0. */
  readonly holdingCost: number;
  /** p per unit of unmet demand, ≥ 0. */
  readonly stockoutCost: number;
  /** On hand at the start; default S for sS, max(0, r + Q) for rQ. */
  readonly startStock?: number;
  /** Default 'lost'. */
  readonly unmet?: UnmetDemand;
}

export interface SimulationPeriod {
  /** 1-based. */
  readonly period: number;
  readonly demand: number;
  /** After receipts of this period (and serving backorders), before demand. */
  readonly onHandStart: number;
  readonly received: number;
  /** Units ordered at this period's review (0 if none). */
  readonly orderPlaced: number;
  /** Outstanding after this period's review and receipts. */
  readonly onOrder: number;
  readonly met: number;
  readonly unmet: number;
  readonly onHandEnd: number;
  /** Outstanding backorders at the end (0 under lost sales). */
  readonly backorders: number;
  readonly holdingCost: number;
  readonly stockoutCost: number;
  /** Holding + stockout of this period. */
  readonly cost: number;
}

export interface SimulationTotals {
  readonly demand: number;
  readonly met: number;
  readonly unmet: number;
  readonly orders: number;
  readonly unitsOrdered: number;
  readonly holdingCost: number;
  readonly stockoutCost: number;
  readonly totalCost: number;
  /** Mean of onHandEnd. */
  readonly averageOnHand: number;
}

export interface SimulationResult {
  readonly periods: readonly SimulationPeriod[];
  readonly totals: SimulationTotals;
  /** Met / demand over all periods; null when total demand is 0. */
  readonly fillRate: number | null;
  /** Share of replenishment cycles with no unmet demand; null when there is no cycle. */
  readonly cycleServiceLevel: number | null;
  readonly cycles: number;
}

const UNMET_MODES: readonly UnmetDemand[] = ['lost', 'backorder'];

/** The policy's input checks: (s, S) needs S > 0 and a finite s < S; (r, Q) needs Q > 0 and a finite r. */
function checkPolicy(policy: ReplenishmentPolicy): CalcError | undefined {
  if (policy?.kind === 'sS') {
    const bad = finite(policy.s, 's') ?? positive(policy.S, 'S');
    if (bad) return bad;
    return policy.s < policy.S ? undefined : valueError(messages.lessThan('s', 'S'));
  }
  if (policy?.kind === 'rQ') return finite(policy.r, 'r') ?? positive(policy.Q, 'Q');
  return valueError(messages.oneOf('policy', ['sS', 'rQ']));
}

/** Relative tolerance of the comparisons with s and r, so decimal inputs behave as written (3 × 0.1 is 0.3). */
const TOLERANCE = 1e-9;

/** Units the policy orders at inventory position `ip` (0 when it does not order). */
export function orderQuantity(policy: ReplenishmentPolicy, ip: number): number {
  if (policy.kind === 'sS') {
    const { s, S } = policy;
    const atOrBelow = ip <= s + TOLERANCE * Math.max(1, Math.abs(s));
    return atOrBelow && S - ip > 0 ? S - ip : 0;
  }
  const { r, Q } = policy;
  const level = r + TOLERANCE * Math.max(1, Math.abs(r));
  if (ip > level) return 0;
  // n is the smallest n ≥ 1 with ip + n·Q > r; the loops only correct rounding in the division.
  let n = Math.max(1, Math.floor((level - ip) / Q) + 1);
  while (ip + n * Q <= level) n += 1;
  while (n > 1 && ip + (n - 1) * Q > level) n -= 1;
  return n * Q;
}

/** Replays the policy over the demand series (event order and conventions in the file comment). */
export function simulate(input: SimulationInput): SimulationResult | CalcError {
  const { demand, policy, leadTime, holdingCost: h, stockoutCost: p } = input;
  if (!Array.isArray(demand) || demand.length === 0) return valueError(messages.atLeastPeriods('demand', 1));
  for (let i = 0; i < demand.length; i++) {
    const bad = nonNegative(demand[i], `demand[${i + 1}]`);
    if (bad) return bad;
  }
  const bad =
    checkPolicy(policy) ??
    nonNegative(leadTime, 'leadTime') ??
    (Number.isInteger(leadTime) ? undefined : valueError(messages.notInteger('leadTime'))) ??
    nonNegative(h, 'holdingCost') ??
    nonNegative(p, 'stockoutCost') ??
    (input.startStock === undefined ? undefined : nonNegative(input.startStock, 'startStock'));
  if (bad) return bad;
  const mode = input.unmet ?? 'lost';
  if (!UNMET_MODES.includes(mode)) return valueError(messages.oneOf('unmet', UNMET_MODES));

  const n = demand.length;
  const defaultStart = policy.kind === 'sS' ? policy.S : Math.max(0, policy.r + policy.Q);
  // due[t] = units arriving at the start of period t (0-based); orders due after the horizon stay on order.
  const due = new Array<number>(n).fill(0);
  let onHand = input.startStock ?? defaultStart;
  let onOrder = 0;
  let backorders = 0;

  const periods: SimulationPeriod[] = [];
  let cycles = 0;
  let stockoutCycles = 0;
  let cycleHasStockout = false;
  const totals = { demand: 0, met: 0, unmet: 0, orders: 0, unitsOrdered: 0, holdingCost: 0, stockoutCost: 0, totalCost: 0 };
  let sumOnHand = 0;

  /** Adds a receipt to on hand and serves waiting backorders from it first. */
  const receive = (units: number): void => {
    onHand += units;
    onOrder -= units;
    const served = Math.min(backorders, onHand);
    backorders -= served;
    onHand -= served;
  };

  for (let t = 0; t < n; t++) {
    // 1. Receipts.
    let received = due[t];
    if (received > 0) receive(received);

    // 2. Review.
    const orderPlaced = orderQuantity(policy, onHand + onOrder - backorders);
    if (orderPlaced > 0) {
      totals.orders += 1;
      totals.unitsOrdered += orderPlaced;
      onOrder += orderPlaced;
      if (leadTime === 0) {
        received += orderPlaced;
        receive(orderPlaced);
      } else if (t + leadTime < n) {
        due[t + leadTime] += orderPlaced;
      }
    }

    // A cycle starts at period 1 and whenever an order arrives.
    if (t === 0 || received > 0) {
      if (cycleHasStockout) stockoutCycles += 1;
      cycles += 1;
      cycleHasStockout = false;
    }

    // 3. Demand.
    const d = demand[t];
    const onHandStart = onHand;
    const met = Math.min(d, onHand);
    const unmet = d - met;
    onHand -= met;
    if (mode === 'backorder') backorders += unmet;
    if (unmet > 0) cycleHasStockout = true;

    // 4. Costs.
    const holding = h * onHand;
    const stockout = p * unmet;
    periods.push({
      period: t + 1,
      demand: d,
      onHandStart,
      received,
      orderPlaced,
      onOrder,
      met,
      unmet,
      onHandEnd: onHand,
      backorders,
      holdingCost: holding,
      stockoutCost: stockout,
      cost: holding + stockout,
    });
    totals.demand += d;
    totals.met += met;
    totals.unmet += unmet;
    totals.holdingCost += holding;
    totals.stockoutCost += stockout;
    totals.totalCost += holding + stockout;
    sumOnHand += onHand;
  }
  if (cycleHasStockout) stockoutCycles += 1;

  return {
    periods,
    totals: { ...totals, averageOnHand: sumOnHand / n },
    fillRate: totals.demand > 0 ? totals.met / totals.demand : null,
    cycleServiceLevel: cycles > 0 ? (cycles - stockoutCycles) / cycles : null,
    cycles,
  };
}
