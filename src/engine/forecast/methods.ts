/** Every forecasting method by id, in the order sheets and the benchmark list them. */
import type { CalcError } from '../errors';
import { adida, fitAdida } from './adida';
import { croston, crostonFactor, fitCroston, sbaFactor } from './croston';
import { fitHoltDamped, holtDamped } from './holt-damped';
import { fitHoltWinters, holtWinters } from './holt-winters';
import { fitMovingAverage, movingAverage } from './moving-average';
import { fitNaive, naive } from './naive';
import { sba } from './sba';
import { fitSeasonalNaive, seasonalNaive } from './seasonal-naive';
import { fitSesModel, ses } from './ses';
import { fitTsb, tsb } from './tsb';
import type { Fitted, ForecastMethod, MethodId } from './types';

export const METHODS: readonly ForecastMethod[] = [naive, seasonalNaive, movingAverage, ses, holtDamped, holtWinters, croston, sba, tsb, adida];

export const METHOD_IDS: readonly MethodId[] = METHODS.map((m) => m.id);

const BY_ID = new Map<MethodId, ForecastMethod>(METHODS.map((m) => [m.id, m]));

export function methodById(id: MethodId): ForecastMethod {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`Unknown forecasting method ${id}`);
  return m;
}

/**
 * Each method's fit without the checks of `fit`, for a series already checked (finite values ≥ 0, at
 * least the method's minLength periods): forecast() checks the history once, then fits up to six models
 * on it and its training part. Same result as `fit`.
 */
export const FIT_CHECKED: Readonly<Record<MethodId, (series: readonly number[], seasonLength: number) => Fitted | CalcError>> = {
  'naive': (y) => fitNaive(y),
  'seasonal-naive': (y, m) => fitSeasonalNaive(y, m),
  'moving-average': (y) => fitMovingAverage(y),
  'ses': (y) => fitSesModel(y),
  'holt-damped': (y) => fitHoltDamped(y),
  'holt-winters': (y, m) => fitHoltWinters(y, m),
  'croston': (y) => fitCroston('croston', y, crostonFactor),
  'sba': (y) => fitCroston('sba', y, sbaFactor),
  'tsb': (y) => fitTsb(y),
  'adida': (y) => fitAdida(y),
};

/**
 * FIT_CHECKED for scoring the automatic choice's candidates on the training part (forecast.ts): the
 * same fits, but Holt damped with its quick search (quasi-newton.ts `quick`: the lattice's best point is
 * descended from only when it is not above the end of the descent from the start). The winner is refitted
 * on the whole history through FIT_CHECKED.
 */
export const FIT_SCORED: Readonly<Record<MethodId, (series: readonly number[], seasonLength: number) => Fitted | CalcError>> = {
  ...FIT_CHECKED,
  'holt-damped': (y) => fitHoltDamped(y, true),
};

/** Reads a method name as a user types it ("SES", "holt winters", "Holt-Winters", "sba"); null if none. */
export function parseMethod(text: string): MethodId | 'auto' | null {
  const key = text.trim().toLowerCase().replace(/[\s_–—-]+/g, '-');
  if (key === 'auto' || key === '') return 'auto';
  const aliases: Record<string, MethodId> = { 'ma': 'moving-average', 'snaive': 'seasonal-naive', 'holt': 'holt-damped', 'damped': 'holt-damped', 'hw': 'holt-winters', 'aaa': 'holt-winters', 'ets': 'holt-winters' };
  if (aliases[key]) return aliases[key];
  for (const m of METHODS) if (m.id === key || m.label.toLowerCase().replace(/[\s_–—-]+/g, '-') === key) return m.id;
  return null;
}
