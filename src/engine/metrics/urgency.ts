/**
 * Urgency of a position on the Urgent Actions sheet (docs/FORMULAS.md, "Urgency").
 *
 *   CRITICAL  v > 0 and DOI < criticalDays
 *   HIGH      v > 0 and DOI > severeExcessDays, or strandedUnits > 0
 *   MEDIUM    dead stock: v = 0 and available > 0
 *   LOW       v > 0 and criticalDays ≤ DOI < stockoutDays
 *   none      otherwise (null)
 *
 * Each position gets the highest priority that applies. So a dead position is MEDIUM (its unbounded DOI
 * does not make it HIGH), and HIGH only when it also has stranded units; a position with neither stock,
 * sales nor stranded units gets none. A position that sells but has no stock (v > 0, available = 0) has
 * DOI = 0 < criticalDays and is CRITICAL: it is stocked out while demand goes on.
 *
 * Symbols: v = velocity (units/day), DOI = available / v as computed by the caller (only read when v > 0),
 * available = saleable units, strandedUnits = stranded / unfulfillable units; criticalDays (7),
 * stockoutDays (14) and severeExcessDays (365) are the settings.
 * DOI is compared with the settings by the threshold rule (metrics/compare.ts): a DOI within 1e-9 of a
 * threshold is the threshold, so DOI 7 computed as 6.999999999999999 is not below 7 (LOW, not CRITICAL).
 */
import { nonNegative, nonNegativeOrInfinite } from '../check';
import { above, below } from './compare';
import type { CalcError } from '../errors';
import { type Days, DEFAULT_SETTINGS, type Units, type Velocity } from '../model';

export type Urgency = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface UrgencyThresholds {
  readonly criticalDays: Days;
  readonly stockoutDays: Days;
  readonly severeExcessDays: Days;
}

export function urgency(
  velocity: Velocity,
  doi: Days,
  available: Units,
  strandedUnits: Units,
  thresholds: UrgencyThresholds = DEFAULT_SETTINGS,
): Urgency | null | CalcError {
  const bad =
    nonNegative(velocity, 'velocity') ??
    nonNegativeOrInfinite(doi, 'doi') ??
    nonNegative(available, 'available') ??
    nonNegative(strandedUnits, 'strandedUnits') ??
    nonNegative(thresholds.criticalDays, 'criticalDays') ??
    nonNegative(thresholds.stockoutDays, 'stockoutDays') ??
    nonNegative(thresholds.severeExcessDays, 'severeExcessDays');
  if (bad) return bad;
  const selling = velocity > 0;
  if (selling && below(doi, thresholds.criticalDays)) return 'CRITICAL';
  if ((selling && above(doi, thresholds.severeExcessDays)) || strandedUnits > 0) return 'HIGH';
  if (!selling && available > 0) return 'MEDIUM';
  if (selling && below(doi, thresholds.stockoutDays)) return 'LOW';
  return null;
}
