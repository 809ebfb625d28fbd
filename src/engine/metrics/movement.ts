/**
 * Movement class of a position (docs/FORMULAS.md, "Classes").
 *
 *   Dead   if sold = 0
 *   Fast   if DOI ≤ safetyDays
 *   Moving if DOI ≤ excessDays
 *   Slow   otherwise (DOI > excessDays, including DOI = +∞)
 *
 * Symbols: sold = units sold in the period, DOI = available / v (days of inventory; +∞ for stock with
 * no sales), safetyDays (default 30) and excessDays (default 90) are the settings.
 * Rules are checked in that order, so the first that applies wins; the thresholds are not required to be
 * ordered (with safetyDays > excessDays nothing is Moving). DOI is compared with the settings by the
 * threshold rule (metrics/compare.ts): a DOI within 1e-9 of a threshold is the threshold.
 */
import { nonNegative, nonNegativeOrInfinite } from '../check';
import { atMost } from './compare';
import type { CalcError } from '../errors';
import type { Days, Units } from '../model';

export type Movement = 'Dead' | 'Fast' | 'Moving' | 'Slow';

export function movement(sold: Units, doi: Days, safetyDays: Days, excessDays: Days): Movement | CalcError {
  const bad =
    nonNegative(sold, 'sold') ??
    nonNegativeOrInfinite(doi, 'doi') ??
    nonNegative(safetyDays, 'safetyDays') ??
    nonNegative(excessDays, 'excessDays');
  if (bad) return bad;
  if (sold === 0) return 'Dead';
  if (atMost(doi, safetyDays)) return 'Fast';
  if (atMost(doi, excessDays)) return 'Moving';
  return 'Slow';
}
