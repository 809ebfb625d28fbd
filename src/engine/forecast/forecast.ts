/**
 * Forecast one demand history: a named method or the automatic choice, the point forecast of the next
 * periods with a prediction interval, and the chosen method's accuracy on held-out history
 * (docs/FORMULAS.md, "Forecasting and accuracy").
 *
 * Automatic choice:
 * 1. Candidates by Syntetos–Boylan demand class (metrics/demand-class.ts):
 *      smooth        SES, Holt damped, Holt-Winters, seasonal naive, moving average
 *      erratic       SES, moving average, Holt damped, SBA, TSB
 *      intermittent  SBA, Croston, TSB, ADIDA, SES
 *      lumpy         SBA, TSB, ADIDA, SES, Croston
 *      no demand     naive (forecasts 0)
 * 2. Hold out the last v = min(max(horizon, m), ⌊n/3⌋) periods, fit each candidate on the rest (Holt
 *    damped with its quick search, methods.ts FIT_SCORED), and keep the one with the smallest mean
 *    squared error on them (MSE, not MAE: the median of intermittent demand is 0, so absolute error
 *    rewards forecasting nothing). Ties keep the earlier candidate. Candidates needing more than n − v
 *    periods sit out; with no hold-out possible (v < 1) the class's first candidate is used.
 * 3. Refit the winner on the whole history and forecast.
 *
 * The reported held-out accuracy is the chosen method's on those v periods (the fit that scored it),
 * MASE and RMSSE scaled on the periods before them (accuracy.ts); null when the history is too short or
 * the scale is 0.
 */
import { isCalcError, messages, valueError, type CalcError } from '../errors';
import { demandClassification, type DemandClass } from '../metrics/demand-class';
import { bias, mase, rmsse } from './accuracy';
import { predictionInterval } from './intervals';
import { FIT_CHECKED, FIT_SCORED, methodById } from './methods';
import { checkSeasonLength, checkSeries, type Fitted, type MethodId } from './types';

export interface ForecastOptions {
  /** Periods to forecast, a whole number ≥ 1. */
  readonly horizon: number;
  /** A method, or 'auto' (default). */
  readonly method?: MethodId | 'auto';
  /** Periods per season; default 1 (no season). */
  readonly seasonLength?: number;
  /** Central coverage of the interval, 0 < level < 1; default 0.95. */
  readonly level?: number;
}

export interface Candidate {
  readonly method: MethodId;
  /** Mean squared error on the held-out periods; null when the candidate sat out. */
  readonly heldOutMse: number | null;
}

export interface HeldOutAccuracy {
  readonly periods: number;
  readonly mase: number | null;
  readonly rmsse: number | null;
  readonly bias: number;
}

export interface ForecastResult {
  readonly method: MethodId;
  readonly demandClass: DemandClass | null;
  readonly forecast: number[];
  readonly lower: number[];
  readonly upper: number[];
  readonly level: number;
  readonly params: Readonly<Record<string, number>>;
  /** Root mean squared one-step in-sample error of the chosen method. */
  readonly sigma: number;
  /** Standard deviation of the h-step error, h = 1 … horizon. */
  readonly sd: number[];
  readonly heldOut: HeldOutAccuracy | null;
  readonly candidates: readonly Candidate[];
  /** The chosen method fitted on the whole history (for spreads over several periods, protection.ts). */
  readonly model: Fitted;
}

const CANDIDATES: Record<DemandClass | 'none', readonly MethodId[]> = {
  smooth: ['ses', 'holt-damped', 'holt-winters', 'seasonal-naive', 'moving-average'],
  erratic: ['ses', 'moving-average', 'holt-damped', 'sba', 'tsb'],
  intermittent: ['sba', 'croston', 'tsb', 'adida', 'ses'],
  lumpy: ['sba', 'tsb', 'adida', 'ses', 'croston'],
  none: ['naive'],
};

const withoutSeason = (list: readonly MethodId[]) => list.filter((m) => m !== 'holt-winters' && m !== 'seasonal-naive');
/** The lists for a season length under 2: without the seasonal methods. */
const NON_SEASONAL: Record<DemandClass | 'none', readonly MethodId[]> = {
  smooth: withoutSeason(CANDIDATES.smooth),
  erratic: withoutSeason(CANDIDATES.erratic),
  intermittent: withoutSeason(CANDIDATES.intermittent),
  lumpy: withoutSeason(CANDIDATES.lumpy),
  none: withoutSeason(CANDIDATES.none),
};

/** candidatesFor's list itself, shared (forecast() reads one for every series and keeps nothing of it). */
function candidateList(demandClass: DemandClass | null, seasonLength: number): readonly MethodId[] {
  return (seasonLength < 2 ? NON_SEASONAL : CANDIDATES)[demandClass ?? 'none'];
}

export function candidatesFor(demandClass: DemandClass | null, seasonLength: number): MethodId[] {
  return [...candidateList(demandClass, seasonLength)];
}

/** Number of periods held out for the automatic choice. */
export function holdOutLength(n: number, horizon: number, seasonLength: number): number {
  return Math.min(Math.max(horizon, seasonLength), Math.floor(n / 3));
}

function accuracyOf(train: readonly number[], test: readonly number[], predicted: readonly number[], m: number): HeldOutAccuracy {
  const ma = mase(test, predicted, train, m);
  const rm = rmsse(test, predicted, train, m);
  return { periods: test.length, mase: isCalcError(ma) ? null : ma, rmsse: isCalcError(rm) ? null : rm, bias: bias(test, predicted) as number };
}

function mse(actual: readonly number[], predicted: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (actual[i] - predicted[i]) ** 2;
  return s / actual.length;
}

export function forecast(history: readonly number[], options: ForecastOptions): ForecastResult | CalcError {
  const { horizon } = options;
  const m = options.seasonLength ?? 1;
  const level = options.level ?? 0.95;
  const wanted = options.method ?? 'auto';
  const bad =
    (typeof horizon !== 'number' || !Number.isInteger(horizon) || horizon < 1 ? valueError(messages.wholeAtLeast('horizon', 1)) : undefined) ??
    checkSeasonLength(m) ??
    checkSeries(history, 1);
  if (bad) return bad;
  const classified = demandClassification(history);
  if (isCalcError(classified)) return classified;
  const demandClass = classified?.demandClass ?? null;
  const n = history.length;
  const v = holdOutLength(n, horizon, m);
  const train = history.slice(0, n - v);
  const test = history.slice(n - v);

  let chosen: MethodId;
  let candidates: Candidate[] = [];
  /** The best candidate so far, its held-out MSE and its held-out forecast (fitted on the periods before the hold-out). */
  let bestId: MethodId | null = null;
  let bestErr = 0;
  let bestPredicted: number[] | null = null;
  if (wanted !== 'auto') {
    const need = methodById(wanted).minLength(m);
    if (n < need) return valueError(messages.atLeastPeriods(`${methodById(wanted).label} history`, need));
    chosen = wanted;
  } else {
    const list = candidateList(demandClass, m);
    candidates = new Array<Candidate>(list.length);
    for (let i = 0; i < list.length; i++) {
      const id = list[i];
      const fit = v < 1 || train.length < methodById(id).minLength(m) ? null : FIT_SCORED[id](train, m);
      if (fit === null || isCalcError(fit)) {
        candidates[i] = { method: id, heldOutMse: null };
        continue;
      }
      const predicted = fit.forecast(v);
      const err = mse(test, predicted);
      candidates[i] = { method: id, heldOutMse: err };
      if (bestId === null || err < bestErr - 1e-12) {
        bestId = id;
        bestErr = err;
        bestPredicted = predicted;
      }
    }
    chosen = bestId ?? list.find((id) => n >= methodById(id).minLength(m)) ?? 'naive';
  }

  const method = methodById(chosen);
  let heldOut: HeldOutAccuracy | null = null;
  if (v >= 1 && train.length >= Math.max(2, method.minLength(m))) {
    // The winner's held-out forecast is known (a named method, or no candidate scored, has none).
    const known = bestPredicted;
    const trial = known ? null : FIT_CHECKED[chosen](train, m);
    const predicted = known ?? (trial && !isCalcError(trial) ? trial.forecast(v) : null);
    if (predicted) heldOut = accuracyOf(train, test, predicted, m);
  }
  // The history was checked above: its values once, its length against the method's minLength.
  const model: Fitted | CalcError = FIT_CHECKED[chosen](history, m);
  if (isCalcError(model)) return model;
  const points = model.forecast(horizon);
  const interval = predictionInterval(model, points, level);
  if (isCalcError(interval)) return interval;
  const sd = new Array<number>(points.length);
  for (let h = 1; h <= points.length; h++) sd[h - 1] = model.sd(h);
  return {
    method: chosen,
    demandClass,
    forecast: points,
    lower: interval.lower,
    upper: interval.upper,
    level,
    params: model.params,
    sigma: model.sigma,
    sd,
    heldOut,
    candidates,
    model,
  };
}
