/** A sales month of the history: the days its sales cover and its velocity (history/snapshot.ts). */
import { DAY_MS, monthDays } from '../calendar';

/** Velocity of a sales month: units ÷ the days of the month the sales cover. */
export function monthVelocity(units: number, coveredDays: number): number {
  return coveredDays > 0 ? units / coveredDays : 0;
}

/** Days of month `period` inside [from, to] (epoch ms, whole UTC days); the whole month without a span. */
export function coveredDays(period: string, span: { readonly from: number; readonly to: number } | undefined): number {
  const total = monthDays(period);
  if (!span) return total;
  const [y, m] = period.split('-').map(Number);
  const day = DAY_MS;
  const start = Date.UTC(y, m - 1, 1) / day;
  const end = start + total - 1;
  const from = Math.max(start, Math.floor(span.from / day));
  const to = Math.min(end, Math.floor(span.to / day));
  return Math.max(0, to - from + 1);
}
