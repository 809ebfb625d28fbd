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
 *
 * Daily sales (All Orders, the noon sales export, noon Product views & sales), where the position has
 * them, replace the months they cover. Their span is the channel's span of dated sales, whole UTC days
 * from its first to its last: a day of it without a sale sold 0, a day outside it is unknown.
 * - Months with a day in the daily span are not monthly observations (their sales would count twice);
 *   months before it still are, and every month still serves as a baseline month.
 * - An occurrence: a window of an event, joined with every window its days overlap (Ramadan 2026 holds
 *   Saudi Founding Day), observed on its days inside the span (d of them, d_e of them event e's; a day of
 *   two events counts for both, as in a month); an occurrence without a day in the span tells nothing.
 * - Baseline daily rate B: the mean units a day over the event-free days (no day of any event given)
 *   inside the span within BASELINE_DAYS (28) days before its first day and after its last. Fewer than
 *   MIN_BASELINE_DAYS (14) such days, or fewer than MIN_BASELINE_UNITS (10) units sold on them: no
 *   observation (as for months: a handful of units tell nothing).
 * - y its units on its d days; excess X = y − B d; exposure z_e = B d_e.
 * - Noise: σ² = φ_d B d, φ_d = Σ (y_t − B_t)² ÷ Σ B_t over the event-free days t of the span whose own
 *   baseline B_t (the event-free days within 28 days either side, t included) passes the same two
 *   rules, at least 1 (1 when none does).
 * - The occurrences are observations like the months: the same sum, prior, information Σ z² ÷ σ², joint
 *   solve and floor at 0.
 */
import { DAY_MS, dayMs, isoDay, monthDays } from '../calendar';
import { daysByMonth, type EventWindow } from './events';

export const UPLIFT_FLOOR = 0;
/** Months either side of a month whose event-free months make its baseline. */
const BASELINE_REACH = 2;
/** Fewer units than this at the baseline in a month, or on an occurrence's baseline days: left out of the fit. */
export const MIN_BASELINE_UNITS = 10;
/** Days either side of an event occurrence whose event-free days make its baseline (daily sales). */
export const BASELINE_DAYS = 28;
/** Fewer event-free days than this around an occurrence: it is left out of the fit (daily sales). */
export const MIN_BASELINE_DAYS = 14;

/** An event's key: its id, or for the seller's own events their name. */
export const eventKey = (e: Pick<EventWindow, 'id' | 'name'>): string => (e.id === 'user' ? `user:${e.name}` : e.id);


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
 * The daily calendar of a channel: its span of dated sales in whole UTC days and the event occurrences
 * with a day in it (made once per channel; dailyCalendar()).
 */
export interface DailyCalendar {
  /** The span's first day (ms ÷ DAY_MS) and its number of days. */
  readonly first: number;
  readonly length: number;
  /** Months "YYYY-MM" of the span's first and last days. */
  readonly fromMonth: string;
  readonly toMonth: string;
  /** Per day of the span, 1 when no event given has a day on it. */
  readonly free: Uint8Array;
  /** The occurrences with a day in the span, oldest first. */
  readonly occurrences: readonly DailyOccurrence[];
}

export interface DailyOccurrence {
  /** First and last day of the joined windows, as indices into the span (may lie outside it). */
  readonly start: number;
  readonly end: number;
  /** Its days inside the span, first and last index. */
  readonly lo: number;
  readonly hi: number;
  /** Days inside the span of each event (by key); a key twice when two windows of one event are joined is summed. */
  readonly days: ReadonlyMap<string, number>;
}

/**
 * The daily calendar of the span from `from` to `to` (ms, the moments of the first and last dated
 * sales; each day they fall in counts whole) for the given events (a country's calendar).
 */
export function dailyCalendar(windows: readonly EventWindow[], from: number, to: number): DailyCalendar {
  const first = Math.floor(from / DAY_MS);
  const length = Math.floor(to / DAY_MS) - first + 1;
  const free = new Uint8Array(Math.max(0, length)).fill(1);
  // The windows as day indices into the span, by start; overlapping ones joined.
  const spans = windows
    .map((e) => ({ key: eventKey(e), start: dayMs(e.start) / DAY_MS - first, end: dayMs(e.end) / DAY_MS - first }))
    .sort((a, b) => a.start - b.start);
  const occurrences: DailyOccurrence[] = [];
  let i = 0;
  while (i < spans.length) {
    let end = spans[i].end;
    let j = i + 1;
    while (j < spans.length && spans[j].start <= end) end = Math.max(end, spans[j++].end);
    const start = spans[i].start;
    const lo = Math.max(0, start);
    const hi = Math.min(length - 1, end);
    if (lo <= hi) {
      const days = new Map<string, number>();
      for (let k = i; k < j; k++) {
        const d = Math.min(hi, spans[k].end) - Math.max(lo, spans[k].start) + 1;
        if (d > 0) days.set(spans[k].key, (days.get(spans[k].key) ?? 0) + d);
      }
      occurrences.push({ start, end, lo, hi, days });
      free.fill(0, lo, hi + 1);
    }
    i = j;
  }
  return { first, length: Math.max(0, length), fromMonth: isoDay(first * DAY_MS).slice(0, 7), toMonth: isoDay((first + length - 1) * DAY_MS).slice(0, 7), free, occurrences };
}

/** A position's daily sales over its channel's daily calendar. */
export interface DailyHistory {
  readonly calendar: DailyCalendar;
  /** Units sold on each day of the span (index 0: its first day); empty when the span holds no occurrence. */
  readonly units: Float64Array;
}

/**
 * The units of each day of the calendar's span from pairs [day, units, …] (Position.dailySales: day =
 * ms ÷ DAY_MS; a day may come more than once). When the span holds no occurrence the units are not read
 * (nothing to learn from them, but the months they cover are still not monthly observations).
 */
export function dailyHistory(pairs: readonly number[], calendar: DailyCalendar): DailyHistory {
  const units = new Float64Array(calendar.occurrences.length === 0 ? 0 : calendar.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const t = pairs[k] - calendar.first;
    if (t >= 0 && t < units.length) units[t] += pairs[k + 1];
  }
  return { calendar, units };
}

/** One observation of the fit: excess x, exposure z per event (the fit's keys, in order), weight w = 1 ÷ σ². */
interface Observation {
  readonly x: number;
  readonly z: number[];
  readonly w: number;
}

/** The monthly observations (header: months); months from `skipFrom` to `skipTo` ("YYYY-MM", inclusive) are left out. */
function monthlyObservations(
  months: readonly string[],
  units: readonly number[],
  days: ReadonlyMap<string, ReadonlyMap<string, number>>,
  keys: readonly string[],
  skipFrom: string | null,
  skipTo: string | null,
): Observation[] {
  const n = months.map(monthDays);
  const free = months.map((m) => (days.get(m)?.size ?? 0) === 0);
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
  const rows: Observation[] = [];
  for (let i = 0; i < months.length; i++) {
    const here = days.get(months[i]);
    if (!here || here.size === 0) continue;
    if (skipFrom !== null && skipTo !== null && months[i] >= skipFrom && months[i] <= skipTo) continue;
    const base = baseline(i);
    if (!(base * n[i] >= MIN_BASELINE_UNITS)) continue;
    rows.push({ x: units[i] - base * n[i], z: keys.map((k) => base * (here.get(k) ?? 0)), w: 1 / (phi * base * n[i]) });
  }
  return rows;
}

/** The daily observations (header: daily sales), one per occurrence with a baseline. */
function dailyObservations(daily: DailyHistory, keys: readonly string[]): Observation[] {
  const { free, occurrences, length } = daily.calendar;
  if (occurrences.length === 0) return [];
  const units = daily.units;
  // Prefix sums of the event-free days' units and count: any stretch's baseline in two subtractions.
  const sum = new Float64Array(length + 1);
  const count = new Int32Array(length + 1);
  for (let t = 0; t < length; t++) {
    sum[t + 1] = sum[t] + (free[t] ? units[t] : 0);
    count[t + 1] = count[t] + free[t];
  }
  const stretch = (a: number, b: number): [number, number] => {
    const lo = Math.max(0, a);
    const hi = Math.min(length - 1, b);
    return hi < lo ? [0, 0] : [sum[hi + 1] - sum[lo], count[hi + 1] - count[lo]];
  };
  // Overdispersion from the event-free days.
  let squares = 0;
  let expected = 0;
  for (let t = 0; t < length; t++) {
    if (!free[t]) continue;
    const [u, c] = stretch(t - BASELINE_DAYS, t + BASELINE_DAYS);
    if (c < MIN_BASELINE_DAYS || !(u >= MIN_BASELINE_UNITS)) continue;
    const b = u / c;
    squares += (units[t] - b) ** 2;
    expected += b;
  }
  const phi = expected > 0 ? Math.max(1, squares / expected) : 1;
  const rows: Observation[] = [];
  for (const o of occurrences) {
    const [u1, c1] = stretch(o.start - BASELINE_DAYS, o.start - 1);
    const [u2, c2] = stretch(o.end + 1, o.end + BASELINE_DAYS);
    const c = c1 + c2;
    const u = u1 + u2;
    if (c < MIN_BASELINE_DAYS || !(u >= MIN_BASELINE_UNITS)) continue;
    const base = u / c;
    const d = o.hi - o.lo + 1;
    let y = 0;
    for (let t = o.lo; t <= o.hi; t++) y += units[t];
    rows.push({ x: y - base * d, z: keys.map((k) => base * (o.days.get(k) ?? 0)), w: 1 / (phi * base * d) });
  }
  return rows;
}

/**
 * Uplifts from `units` sold in `months` (oldest first, consecutive) given the events' days per month
 * (exposure()) and a prior per event key (events without a prior are not learned); with `daily`, the
 * position's daily sales in place of the months they cover.
 */
export function learnUplifts(
  months: readonly string[],
  units: readonly number[],
  days: ReadonlyMap<string, ReadonlyMap<string, number>>,
  prior: ReadonlyMap<string, number>,
  tau = PRIOR_SD,
  daily?: DailyHistory | null,
): LearnedUplifts {
  const uplift = new Map(prior);
  const information = new Map<string, number>();
  const keys = [...prior.keys()].filter((k) => months.some((m) => (days.get(m)?.get(k) ?? 0) > 0) || (daily?.calendar.occurrences.some((o) => o.days.has(k)) ?? false));
  if (keys.length === 0) return { uplift, information };
  const rows = monthlyObservations(months, units, days, keys, daily ? daily.calendar.fromMonth : null, daily ? daily.calendar.toMonth : null);
  if (daily) rows.push(...dailyObservations(daily, keys));
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
