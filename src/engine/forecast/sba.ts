/**
 * Syntetos–Boylan approximation (SBA): Croston's forecast times (1 − α/2), which removes Croston's
 * positive bias.
 *
 *   ŷ(T+h | T) = (1 − α/2) · z_T / p_T        (z, p as in croston.ts)
 *
 * Reference: Syntetos, A. A. & Boylan, J. E. (2005), "The accuracy of intermittent demand estimates",
 * International Journal of Forecasting 21(2), 303–314 (docs/FORMULAS.md: "SBA (Croston × (1 − α/2))").
 * Same recursion, initialisation and bounds as Croston (α ∈ [0.01, 0.5]); α is fitted by the smallest
 * in-sample SSE of the corrected one-step forecasts. Needs 1 period. Count-based intervals.
 */
import { crostonMethod, sbaFactor } from './croston';
import type { ForecastMethod } from './types';

export const sba: ForecastMethod = crostonMethod('sba', 'Syntetos–Boylan (SBA)', sbaFactor);
