/**
 * Demand classification of Syntetos & Boylan (docs/FORMULAS.md, "Classes": demand class; Syntetos, A. A. &
 * Boylan, J. E. 2005, "The accuracy of intermittent demand estimates", International Journal of
 * Forecasting 21(2), 303–314: cut-offs ADI = 1.32, CV² = 0.49).
 *
 *   ADI = mean inter-demand interval = t_k / k
 *   CV² = (s / z̄)² of the non-zero demand sizes z₁ … z_k
 *   smooth        ADI < 1.32 and CV² < 0.49
 *   erratic       ADI < 1.32 and CV² ≥ 0.49
 *   intermittent  ADI ≥ 1.32 and CV² < 0.49
 *   lumpy         ADI ≥ 1.32 and CV² ≥ 0.49
 *
 * Symbols: k = number of periods with non-zero demand, t_k = 1-based position of the last of them,
 * z̄ = mean and s = sample standard deviation of the non-zero sizes.
 * ADI convention: the first interval is counted from the start of the series (a demand in period 1 has
 * interval 1), so the intervals sum to t_k and their mean is t_k / k. This is tsintermittent's
 * (Kourentzes) `crost.decomp` / `idclass`: x <- c(nzd[1], diff(nzd)). Trailing zero periods do not count.
 * Other tools measure only the gaps between demands (k − 1 intervals); they differ when demand starts late.
 * CV² convention: sample standard deviation (n − 1, as R's sd()); with one non-zero period it is 0 (R
 * gives NA there). No non-zero period gives null (no class).
 * ADI and CV² are compared with the cut-offs by the threshold rule (metrics/compare.ts): within 1e-9 of a
 * cut-off is the cut-off (so a CV of 0.7, CV² 0.48999999999999994 as computed, is erratic, CV² ≥ 0.49).
 */
import { nonNegative } from '../check';
import { type CalcError, isCalcError } from '../errors';
import { below } from './compare';
import { coefficientOfVariation } from './xyz';

export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

export interface DemandClassification {
  adi: number;
  cv2: number;
  demandClass: DemandClass;
}

/** Syntetos & Boylan (2005) cut-off of the average inter-demand interval. */
export const ADI_CUTOFF = 1.32;
/** Syntetos & Boylan (2005) cut-off of the squared coefficient of variation of demand sizes. */
export const CV2_CUTOFF = 0.49;

export function demandClassification(series: readonly number[]): DemandClassification | null | CalcError {
  const sizes: number[] = [];
  let last = 0;
  for (let i = 0; i < series.length; i++) {
    const x = series[i];
    const bad = nonNegative(x, 'series');
    if (bad) return bad;
    if (x > 0) {
      sizes.push(x);
      last = i + 1;
    }
  }
  if (sizes.length === 0) return null;
  const adi = last / sizes.length;
  const cv = coefficientOfVariation(sizes);
  const cv2 = cv === null ? 0 : cv * cv;
  const smoothInterval = below(adi, ADI_CUTOFF);
  const smoothSize = below(cv2, CV2_CUTOFF);
  const demandClass: DemandClass = smoothInterval
    ? smoothSize
      ? 'smooth'
      : 'erratic'
    : smoothSize
      ? 'intermittent'
      : 'lumpy';
  return { adi, cv2, demandClass };
}

export function demandClass(series: readonly number[]): DemandClass | null | CalcError {
  const result = demandClassification(series);
  if (result === null || isCalcError(result)) return result;
  return result.demandClass;
}
