/**
 * Threshold comparisons: the one rule by which a computed figure is compared with a setting or a
 * cut-off to decide a label, class, bucket, tier or action (trend, urgency, movement, ABC, XYZ, demand
 * class, aging bucket, approval tier, liquidation cap, transfer minimum, reorder point, return alert).
 *
 * Rule: a figure a and a threshold t are the same number when
 *
 *   |a − t| ≤ 1e-9 × max(1, |a|, |t|)        (both finite; otherwise only a === t)
 *
 * and a figure equal to its threshold falls on the side the wording of the setting gives it:
 *   "more than t"  above(a, t)    a > t and not the same number
 *   "less than t"  below(a, t)    a < t and not the same number
 *   "up to t"      atMost(a, t)   a ≤ t or the same number
 *   "at least t"   atLeast(a, t)  a ≥ t or the same number
 * NaN is never above, below, at most or at least anything (as with <, >, ≤, ≥).
 *
 * Why: figures are computed in binary floating point, and a spreadsheet that saves 15 significant
 * digits (LibreOffice) rounds them again, so a figure that is exactly on a threshold on paper lands a
 * few units in the 16th digit on either side: 5 → 6 units is +20% on paper, 0.20000000000000012 as
 * computed, 0.1999999999999977 after a 15-digit save. Without a tolerance the label follows that noise.
 * 1e-9 is far above the noise (about 1e-15 per operation, 5e-15 per 15-digit save) and below the real
 * differences of figures made of whole units and days against thresholds typed with a few digits: a
 * trend's change (u₁/d₁ − u₀/d₀) / (u₀/d₀) against k% is either exactly k% or differs from it by at
 * least 1 / (100 × u₀ × d₁), more than 1e-9 for any month under 320,000 units. It is the tolerance
 * metrics/excess-options.ts also uses to break ties between the options for excess stock. Only decisions
 * use it: figures are written as computed.
 */

/** Relative tolerance of the threshold rule (absolute below 1). */
export const THRESHOLD_TOLERANCE = 1e-9;

/** a and t are the same number under the rule above. */
export function sameFigure(a: number, t: number): boolean {
  if (a === t) return true;
  if (!Number.isFinite(a) || !Number.isFinite(t)) return false;
  return Math.abs(a - t) <= THRESHOLD_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(t));
}

/** "More than t": a > t, and not the same number as t. */
export function above(a: number, t: number): boolean {
  return a > t && !sameFigure(a, t);
}

/** "Less than t": a < t, and not the same number as t. */
export function below(a: number, t: number): boolean {
  return a < t && !sameFigure(a, t);
}

/** "Up to t": a ≤ t, or the same number as t. */
export function atMost(a: number, t: number): boolean {
  return a <= t || sameFigure(a, t);
}

/** "At least t": a ≥ t, or the same number as t. */
export function atLeast(a: number, t: number): boolean {
  return a >= t || sameFigure(a, t);
}
