/**
 * Customer returns: return rate, its alert, and net demand (docs/FORMULAS.md, "Forecasting and accuracy":
 * "Net demand = sales forecast − returns forecast; return rate = returns / sales, alert above 15%").
 *
 *   returnRate = R / S                      (null when S = 0)
 *   alert      ⇔ returnRate > 0.15
 *   netDemand  = max(0, S − R)
 *
 * Symbols: S = units sold (or the sales forecast) in a period, R = units returned (or the returns
 * forecast) in the same period.
 *
 * Conventions where definitions differ:
 * - The rate is units returned over units sold in the same period, not returns matched to the sales they
 *   came from; returns of earlier sales can exceed this period's sales, so a rate above 1 is returned as
 *   is, not capped.
 * - "Alert above 15%" is strict: exactly 15% does not alert (by the threshold rule of metrics/compare.ts,
 *   so neither does a rate within 1e-9 of 15%). No rate (null: nothing sold) does not alert.
 * - Net demand is floored at 0: it is a quantity to plan stock for, and more returns than sales do not
 *   create negative demand (the surplus units come back as stock, which the stock reports count).
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Units } from '../model';
import { above } from './compare';

/** Return rate above which a position is flagged (docs/FORMULAS.md: "alert above 15%"). */
export const RETURN_ALERT_RATE = 0.15;

/** returned / sold; null when sold = 0. Both finite and ≥ 0. */
export function returnRate(sold: Units, returned: Units): number | null | CalcError {
  const bad = nonNegative(sold, 'sold') ?? nonNegative(returned, 'returned');
  if (bad) return bad;
  if (sold === 0) return null;
  return returned / sold;
}

/** True when the return rate is strictly above RETURN_ALERT_RATE; false for no rate (null) or NaN. */
export function returnAlert(rate: number | null): boolean {
  return rate !== null && above(rate, RETURN_ALERT_RATE);
}

/** max(0, sales − returns): sales and returns (actual or forecast) of the same period, both finite and ≥ 0. */
export function netDemand(sales: Units, returns: Units): Units | CalcError {
  const bad = nonNegative(sales, 'sales') ?? nonNegative(returns, 'returns');
  if (bad) return bad;
  return Math.max(0, sales - returns);
}
