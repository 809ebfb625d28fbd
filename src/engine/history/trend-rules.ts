/**
 * The rules of history/trends.ts's file comment as functions: the change month over month, the trend of
 * a position, and days out of stock between two snapshots.
 */
import { above, below } from '../metrics/compare';
import type { Trend } from './trends';

export const change = (last: number | null, prev: number | null): number | null => (last === null || prev === null || prev === 0 ? null : (last - prev) / prev);

export function classify(last: number | null, prev: number | null, threshold: number): Trend {
  if (last === null || prev === null) return '—';
  if (prev === 0) return last > 0 ? 'New demand' : 'No sales';
  const c = (last - prev) / prev;
  return above(c, threshold) ? 'Growth' : below(c, -threshold) ? 'Decline' : 'Stable';
}

/** Days out of stock between two snapshots (see the file comment of history/trends.ts); 0 when nothing sells. */
export function daysOutOfStock(days: number, a1: number, a2: number, v: number): number {
  if (!(days > 0) || !(v > 0)) return 0;
  if (a2 <= 0) return a1 <= 0 ? days : Math.min(days, Math.max(0, days - a1 / v));
  if (a1 <= 0) return days / 2;
  return 0;
}
