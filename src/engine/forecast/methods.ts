/** Every forecasting method by id, in the order sheets and the benchmark list them. */
import { adida } from './adida';
import { croston } from './croston';
import { holtDamped } from './holt-damped';
import { holtWinters } from './holt-winters';
import { movingAverage } from './moving-average';
import { naive } from './naive';
import { sba } from './sba';
import { seasonalNaive } from './seasonal-naive';
import { ses } from './ses';
import { tsb } from './tsb';
import type { ForecastMethod, MethodId } from './types';

export const METHODS: readonly ForecastMethod[] = [naive, seasonalNaive, movingAverage, ses, holtDamped, holtWinters, croston, sba, tsb, adida];

export const METHOD_IDS: readonly MethodId[] = METHODS.map((m) => m.id);

export function methodById(id: MethodId): ForecastMethod {
  const m = METHODS.find((x) => x.id === id);
  if (!m) throw new Error(`Unknown forecasting method ${id}`);
  return m;
}

/** Reads a method name as a user types it ("SES", "holt winters", "Holt-Winters", "sba"); null if none. */
export function parseMethod(text: string): MethodId | 'auto' | null {
  const key = text.trim().toLowerCase().replace(/[\s_–—-]+/g, '-');
  if (key === 'auto' || key === '') return 'auto';
  const aliases: Record<string, MethodId> = { 'ma': 'moving-average', 'snaive': 'seasonal-naive', 'holt': 'holt-damped', 'damped': 'holt-damped', 'hw': 'holt-winters', 'aaa': 'holt-winters', 'ets': 'holt-winters' };
  if (aliases[key]) return aliases[key];
  for (const m of METHODS) if (m.id === key || m.label.toLowerCase().replace(/[\s_–—-]+/g, '-') === key) return m.id;
  return null;
}
