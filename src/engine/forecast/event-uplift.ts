/**
 * Event uplifts learned from a monthly sales history (issue "GCC events in the forecast"), and the
 * monthly factors they give. Pure; the calendar is events.ts.
 *
 * Symbols, for month m of the history: y_m units sold, n_m its days, d_{e,m} the days of event e in it.
 * - Event-free months: months with no day of any event given.
 * - Baseline daily rate B_m: the mean of y/n over the event-free months within two months of m (m
 *   itself included when it is event-free); a month with none, or with B_m = 0, tells nothing and is
 *   left out of the fit.
 * - Excess X_m = y_m − B_m n_m; exposure z_{e,m} = B_m d_{e,m} (what the event's days would sell at the
 *   baseline rate).
 * - The uplift u_e is the extra share of sales on an event day (u = 1: an event day sells twice the
 *   baseline; u = −0.2: a fifth less). The u minimise
 *       Σ_m (X_m − Σ_e u_e z_{e,m})²  +  Σ_e λ_e (u_e − p_e)²,     λ_e = κ · (Σ_m z_{e,m}²) / k_e,
 *   with p_e the prior (the channel's average uplift, else the setting), k_e the occurrences of e in
 *   the history and κ (default 1) the prior's weight in occurrences: the prior counts as one more
 *   occurrence, so with k occurrences that agree, u = (k · u_own + κ · p) / (k + κ). Events that always
 *   share months (Ramadan and Eid al-Fitr in a monthly history) are told apart only as far as the
 *   months allow; the prior holds the rest.
 * - Events with no day in the history keep their prior.
 * - The factor of a month (history or forecast) is (n_m + Σ_e u_e d_{e,m}) ÷ n_m: the history divided by
 *   it is the event-free demand the usual methods forecast, and the forecast times it lands each event's
 *   uplift on the months its days fall in, weighted by its days there.
 * - Uplifts are floored at −0.9 (an event does not stop sales).
 */
import { daysByMonth, type EventWindow } from './events';

export const UPLIFT_FLOOR = -0.9;
/** Months either side of a month whose event-free months make its baseline. */
const BASELINE_REACH = 2;

/** An event's key: its id, or for the seller's own events their name. */
export const eventKey = (e: Pick<EventWindow, 'id' | 'name'>): string => (e.id === 'user' ? `user:${e.name}` : e.id);

/** Days in the month "YYYY-MM". */
export const monthDays = (month: string): number => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** Per month "YYYY-MM", the days of each event (by key) in it, over the given events. */
export function exposure(events: readonly EventWindow[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const e of events) {
    const key = eventKey(e);
    for (const [month, days] of daysByMonth(e)) {
      let m = out.get(month);
      if (!m) out.set(month, (m = new Map()));
      m.set(key, (m.get(key) ?? 0) + days);
    }
  }
  return out;
}

export interface LearnedUplifts {
  /** Uplift by event key: learned, or the prior. */
  readonly uplift: ReadonlyMap<string, number>;
  /** Occurrences of each event in the months that entered the fit (0: the prior is used as it is). */
  readonly occurrences: ReadonlyMap<string, number>;
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * Uplifts from `units` sold in `months` (oldest first, consecutive) given the events' days per month
 * (exposure()) and a prior per event key (events without a prior are not learned).
 * `occurrencesOf(key)`: how many separate windows of the event touch the history (for λ).
 */
export function learnUplifts(
  months: readonly string[],
  units: readonly number[],
  days: ReadonlyMap<string, ReadonlyMap<string, number>>,
  prior: ReadonlyMap<string, number>,
  occurrencesOf: (key: string) => number,
  kappa = 1,
): LearnedUplifts {
  const n = months.map(monthDays);
  const free = months.map((m) => (days.get(m)?.size ?? 0) === 0);
  const keys = [...prior.keys()].filter((k) => months.some((m) => (days.get(m)?.get(k) ?? 0) > 0));
  const rows: { x: number; z: number[] }[] = [];
  for (let i = 0; i < months.length; i++) {
    const here = days.get(months[i]);
    if (!here || here.size === 0) continue;
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - BASELINE_REACH); j <= Math.min(months.length - 1, i + BASELINE_REACH); j++) {
      if (!free[j]) continue;
      sum += units[j] / n[j];
      count++;
    }
    const base = count === 0 ? 0 : sum / count;
    if (!(base > 0)) continue;
    rows.push({ x: units[i] - base * n[i], z: keys.map((k) => base * (here.get(k) ?? 0)) });
  }
  const uplift = new Map(prior);
  const occurrences = new Map<string, number>();
  const used = keys.filter((_, e) => rows.some((r) => r.z[e] > 0));
  if (used.length === 0) return { uplift, occurrences };
  const idx = used.map((k) => keys.indexOf(k));
  const a = used.map(() => new Array<number>(used.length).fill(0));
  const b = new Array<number>(used.length).fill(0);
  for (const r of rows) {
    for (let p = 0; p < used.length; p++) {
      b[p] += r.z[idx[p]] * r.x;
      for (let q = 0; q < used.length; q++) a[p][q] += r.z[idx[p]] * r.z[idx[q]];
    }
  }
  used.forEach((k, p) => {
    const occ = Math.max(1, occurrencesOf(k));
    occurrences.set(k, occ);
    const lambda = (kappa * a[p][p]) / occ;
    a[p][p] += lambda;
    b[p] += lambda * (prior.get(k) as number);
  });
  solve(a, b).forEach((u, p) => uplift.set(used[p], Number.isFinite(u) ? Math.max(UPLIFT_FLOOR, u) : (prior.get(used[p]) as number)));
  return { uplift, occurrences };
}

/** (n_m + Σ_e u_e d_{e,m}) ÷ n_m for the month "YYYY-MM"; 1 without any event day. */
export function monthFactor(month: string, days: ReadonlyMap<string, ReadonlyMap<string, number>>, uplift: ReadonlyMap<string, number>): number {
  const here = days.get(month);
  if (!here || here.size === 0) return 1;
  const n = monthDays(month);
  let extra = 0;
  for (const [key, d] of here) extra += (uplift.get(key) ?? 0) * d;
  return Math.max(1 + UPLIFT_FLOOR, (n + extra) / n);
}

/** How many windows of each event (by key) have a day in the given months. */
export function occurrenceCounts(events: readonly EventWindow[], months: readonly string[]): Map<string, number> {
  const inHistory = new Set(months);
  const out = new Map<string, number>();
  for (const e of events) {
    if (![...daysByMonth(e).keys()].some((m) => inHistory.has(m))) continue;
    out.set(eventKey(e), (out.get(eventKey(e)) ?? 0) + 1);
  }
  return out;
}
