/**
 * Safety stock: the buffer held against demand and lead-time uncertainty (docs/FORMULAS.md, "Policies").
 *
 *   days of cover (`cover`)   SS = v × safetyDays
 *   statistical (`service`)   SS = z × √(L·σd² + d²·σL²),  z = Φ⁻¹(serviceLevel)
 *                             (σL = 0: SS = z × σd × √L)
 *   daily from monthly sd     σd = σmonth / √daysPerMonth   (default 30)
 *
 * Symbols: v = velocity (units/day), d = mean daily demand, σd = standard deviation of daily demand,
 * L = mean lead time (days), σL = standard deviation of lead time (days), z = safety factor for the
 * target cycle service level (probability of no stockout in a replenishment cycle).
 *
 * Source: docs/FORMULAS.md. √(L·σd² + d²·σL²) is the standard deviation of lead-time demand when daily
 * demand and lead time are independent, the usual textbook result (e.g. Chopra & Meindl, Supply Chain
 * Management, safety inventory chapter); the σL = 0 case is B. W. Taylor, Introduction to Management
 * Science, ch. 16 "Inventory Management" (I-75 Carpet Discount Store example, reproduced in the tests).
 *
 * Conventions where definitions differ:
 * - Service level means cycle service level (CSL, "type 1"), not fill rate.
 * - σd from monthly history assumes independent daily demands, so variance scales with days:
 *   σmonth² = 30·σd². A month is 30 days unless daysPerMonth says otherwise.
 * - serviceLevel < 0.5 gives z < 0 and a negative safety stock, as in the textbook formula; it is
 *   returned as is (callers decide whether to floor it), not rejected.
 */
import type { CalcError } from '../errors';
import { nonNegative, positive } from '../check';
import { serviceZ } from './inverse-normal';
import type { Days, Units, Velocity } from '../model';

/** SS = velocity × safetyDays (days-of-cover policy). Both ≥ 0. */
export function coverSafetyStock(velocity: Velocity, safetyDays: Days): Units | CalcError {
  const bad = nonNegative(velocity, 'velocity') ?? nonNegative(safetyDays, 'safetyDays');
  if (bad) return bad;
  return velocity * safetyDays;
}

/**
 * SS = z × √(L·σd² + d²·σL²), z = Φ⁻¹(serviceLevel) (service policy).
 * 0 < serviceLevel < 1; dailyDemand, demandSd, leadTimeDays, leadTimeSd ≥ 0.
 */
export function serviceSafetyStock(
  serviceLevel: number,
  dailyDemand: Velocity,
  demandSd: number,
  leadTimeDays: Days,
  leadTimeSd: Days,
): Units | CalcError {
  const bad =
    nonNegative(dailyDemand, 'dailyDemand') ??
    nonNegative(demandSd, 'demandSd') ??
    nonNegative(leadTimeDays, 'leadTimeDays') ??
    nonNegative(leadTimeSd, 'leadTimeSd');
  if (bad) return bad;
  const z = serviceZ(serviceLevel);
  if (typeof z !== 'number') return z;
  return z * Math.sqrt(leadTimeDays * demandSd * demandSd + dailyDemand * dailyDemand * leadTimeSd * leadTimeSd);
}

/** σd = monthlySd / √daysPerMonth (daily demand sd from the sd of monthly totals). */
export function dailySdFromMonthly(monthlySd: number, daysPerMonth: Days = 30): number | CalcError {
  const bad = nonNegative(monthlySd, 'monthlySd') ?? positive(daysPerMonth, 'daysPerMonth');
  if (bad) return bad;
  return monthlySd / Math.sqrt(daysPerMonth);
}
