/**
 * Movement class of a position (docs/FORMULAS.md, "Classes").
 *
 *   Dead   if v = 0
 *   Fast   if DOI ≤ safetyDays
 *   Moving if DOI ≤ excessDays
 *   Slow   otherwise (DOI > excessDays, including DOI = +∞)
 *
 * Symbols: v = velocity (units/day; 0 when nothing sold in its window), DOI = available / v (days of
 * inventory; +∞ for stock with no sales), safetyDays (default 30) and excessDays (default 90) are the
 * settings. Only v = 0 is read from the velocity: its size is already in the DOI.
 * Rules are checked in that order, so the first that applies wins; the thresholds are not required to be
 * ordered (with safetyDays > excessDays nothing is Moving). DOI is compared with the settings by the
 * threshold rule (metrics/compare.ts): a DOI within 1e-9 of a threshold is the threshold.
 */
import { nonNegative, nonNegativeOrInfinite } from '../check';
import { atMost } from './compare';
import type { CalcError } from '../errors';
import type { Days, Velocity } from '../model';

export type Movement = 'Dead' | 'Fast' | 'Moving' | 'Slow';

export function movement(velocity: Velocity, doi: Days, safetyDays: Days, excessDays: Days): Movement | CalcError {
  const bad =
    nonNegative(velocity, 'velocity') ??
    nonNegativeOrInfinite(doi, 'doi') ??
    nonNegative(safetyDays, 'safetyDays') ??
    nonNegative(excessDays, 'excessDays');
  if (bad) return bad;
  if (velocity === 0) return 'Dead';
  if (atMost(doi, safetyDays)) return 'Fast';
  if (atMost(doi, excessDays)) return 'Moving';
  return 'Slow';
}
