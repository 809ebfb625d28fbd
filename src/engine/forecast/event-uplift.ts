/**
 * Event uplifts learned from a monthly sales history (issue "GCC events in the forecast"), and the
 * monthly factors they give. Pure; the calendar is events.ts.
 *
 * Symbols, for month m of the history: y_m units sold, n_m its days, d_{e,m} the days of event e in it.
 * - Event-free months: months with no day of any event given.
 * - Baseline daily rate B_m: the mean of y/n over the event-free months within two months of m (m
 *   itself included when it is event-free); a month with none, or whose baseline sells fewer than
 *   MIN_BASELINE_UNITS (10) in the month, tells nothing (a handful of units cannot tell an uplift from
 *   chance, nor be a baseline) and is left out of the fit.
 * - Excess X_m = y_m − B_m n_m; exposure z_{e,m} = B_m d_{e,m} (what the event's days would sell at the
 *   baseline rate).
 * - Noise: a month's units vary like a Poisson count times the history's overdispersion φ:
 *   σ²_m = φ B_m n_m, with φ = Σ (y_m − B_m n_m)² ÷ Σ B_m n_m over the event-free months, at least 1
 *   (1 when there is none).
 * - The uplift u_e is the extra share of sales on an event day (u = 1: an event day sells twice the
 *   baseline). The u minimise
 *       Σ_m (X_m − Σ_e u_e z_{e,m})² ÷ σ²_m  +  Σ_e (u_e − p_e)² ÷ τ²,
 *   with p_e the prior (the channel's average uplift, else the setting) and τ (default 0.5) how far a
 *   SKU's uplift is expected to stray from it. With one event, u = (I · u_own + p ÷ τ²) ÷ (I + 1 ÷ τ²),
 *   I = Σ z² ÷ σ² the history's information about it: a long event in a busy month is learned almost
 *   as the history says; a one-day event, or a thin history, stays near the prior. Events that always
 *   share months (Ramadan and Eid al-Fitr in a monthly history) are told apart only as far as the months
 *   allow; the priors hold the rest.
 * - Events with no day in the months that enter the fit keep their prior.
 * - The factor of a month (history or forecast) is (n_m + Σ_e u_e d_{e,m}) ÷ n_m: the history divided by
 *   it is the event-free demand the usual methods forecast, and the forecast times it lands each event's
 *   uplift on the months its days fall in, weighted by its days there.
 * - Uplifts below 0 are set to 0 after the fit: events are planned as peaks. A dip learned from a monthly
 *   history is far more often ordinary seasonality the event happened to fall in (car parts: Ramadan in
 *   December–January 1998–2001 "learned" −65%, and the held-out forecast got worse) than a real drop.
 */
import { daysByMonth, type EventWindow } from './events';

export const UPLIFT_FLOOR = 0;
/** Months either side of a month whose event-free months make its baseline. */
const BASELINE_REACH = 2;
/** Fewer units than this at the baseline in a month: the month is left out of the fit. */
export const MIN_BASELINE_UNITS = 10;

/** An event's key: its id, or for the seller's own events their name. */
export const eventKey = (e: Pick<EventWindow, 'id' | 'name'>): string => (e.id === 'user' ? `user:${e.name}` : e.id);

/** Days in the month "YYYY-MM". */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const monthDays = (month: string): number => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
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
  /** The history's information Σ z² ÷ σ² about each event it shows (absent: the prior is used as it is). */
  readonly information: ReadonlyMap<string, number>;
}

/** Default τ: how far a SKU's uplift is expected to stray from its prior. */
export const PRIOR_SD = 0.5;

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
 */
export function learnUplifts(
  months: readonly string[],
  units: readonly number[],
  days: ReadonlyMap<string, ReadonlyMap<string, number>>,
  prior: ReadonlyMap<string, number>,
  tau = PRIOR_SD,
): LearnedUplifts {
  const uplift = new Map(prior);
  const information = new Map<string, number>();
  const n = months.map(monthDays);
  const free = months.map((m) => (days.get(m)?.size ?? 0) === 0);
  const keys = [...prior.keys()].filter((k) => months.some((m) => (days.get(m)?.get(k) ?? 0) > 0));
  if (keys.length === 0) return { uplift, information };
  const baseline = (i: number): number => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - BASELINE_REACH); j <= Math.min(months.length - 1, i + BASELINE_REACH); j++) {
      if (!free[j]) continue;
      sum += units[j] / n[j];
      count++;
    }
    return count === 0 ? 0 : sum / count;
  };
  // Overdispersion from the event-free months.
  let squares = 0;
  let expected = 0;
  for (let i = 0; i < months.length; i++) {
    if (!free[i]) continue;
    const e = baseline(i) * n[i];
    if (!(e >= MIN_BASELINE_UNITS)) continue;
    squares += (units[i] - e) ** 2;
    expected += e;
  }
  const phi = expected > 0 ? Math.max(1, squares / expected) : 1;
  const rows: { x: number; z: number[]; w: number }[] = [];
  for (let i = 0; i < months.length; i++) {
    const here = days.get(months[i]);
    if (!here || here.size === 0) continue;
    const base = baseline(i);
    if (!(base * n[i] >= MIN_BASELINE_UNITS)) continue;
    rows.push({ x: units[i] - base * n[i], z: keys.map((k) => base * (here.get(k) ?? 0)), w: 1 / (phi * base * n[i]) });
  }
  const used = keys.filter((_, e) => rows.some((r) => r.z[e] > 0));
  if (used.length === 0) return { uplift, information };
  const idx = used.map((k) => keys.indexOf(k));
  const a = used.map(() => new Array<number>(used.length).fill(0));
  const b = new Array<number>(used.length).fill(0);
  for (const r of rows) {
    for (let p = 0; p < used.length; p++) {
      b[p] += r.w * r.z[idx[p]] * r.x;
      for (let q = 0; q < used.length; q++) a[p][q] += r.w * r.z[idx[p]] * r.z[idx[q]];
    }
  }
  const precision = 1 / (tau * tau);
  used.forEach((k, p) => {
    information.set(k, a[p][p]);
    a[p][p] += precision;
    b[p] += precision * (prior.get(k) as number);
  });
  solve(a, b).forEach((u, p) => uplift.set(used[p], Number.isFinite(u) ? Math.max(UPLIFT_FLOOR, u) : (prior.get(used[p]) as number)));
  return { uplift, information };
}

/** (n_m + Σ_e u_e d_{e,m}) ÷ n_m for the month "YYYY-MM"; 1 without any event day (never below 1 + UPLIFT_FLOOR). */
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
