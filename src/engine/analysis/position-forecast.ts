/**
 * The demand forecast of one position for the analysis (docs/FORMULAS.md, "Forecasting and accuracy";
 * docs/PRODUCT.md, Forecast sheet): monthly units from its dated sales, the automatic method choice, the next
 * months with their interval, held-out accuracy, returns and net demand, and the daily demand and spread
 * the `service` policy plans with.
 *
 * Conventions:
 * - History: the saved snapshot history joined with this run's sales (history/trends.ts: a month's units
 *   come from the channel's dated sales, else its snapshot), over every month the channel has figures
 *   for. Without saved history: the position's units per calendar month over its channel's months, from the first to the
 *   last month any of the channel's dated sales fall in; a month without sales of the SKU counts 0.
 *   Edge months are used as they are (a download that ends mid-month gives a partial last month).
 * - At least MIN_HISTORY (3) months are needed for a forecast; with fewer the next month is velocity ×
 *   30 (labelled so) and there is no interval or accuracy.
 * - Season length 12 (months in a year): seasonal methods join the candidates once there are two years.
 * - Daily figures for the policy: d = mean forecast over the months the protection interval (lead time
 *   + review) spans ÷ 30, σd = σ_month ÷ √30 with σ_month the spread of one month's demand (protection.ts
 *   over one month), the same monthly → daily rule as safety-stock.ts.
 * - Returns: return rate = units returned ÷ units sold in the same reports, blank when the channel has
 *   no returns report (nothing is known, which is not 0%); alert above 15%. With 3 or
 *   more months of returns the returns forecast is forecast from them, else rate × sales forecast.
 *   Net demand = sales forecast − returns forecast, floored at 0 (metrics/returns.ts).
 * - Events (forecast/event-uplift.ts), when the analysis gives the position's calendar: the uplifts are
 *   learned from the history (the prior where it does not show an event), the history is divided by
 *   each month's event factor, the method forecasts what is left, and each forecast month is multiplied
 *   by its own factor (its events' days there × their uplift). The velocity fallback is multiplied too.
 *   Without an event day in the history or the horizon, nothing changes. A position with daily sales
 *   learns from its days over the channel's span of dated sales, and from the months before it.
 */
import { isCalcError } from '../errors';
import { forecast, type ForecastResult } from '../forecast/forecast';
import { methodById } from '../forecast/methods';
import { protectionDemand } from '../forecast/protection';
import type { Position } from '../model';
import { netDemand, returnAlert, returnRate } from '../metrics/returns';
import { coefficientOfVariation, xyzClassOf, type XyzClass } from '../metrics/xyz';
import { daysByMonth, type EventWindow } from '../forecast/events';
import { dailyHistory, eventKey, learnUplifts, monthFactor, type DailyCalendar } from '../forecast/event-uplift';

export const MIN_HISTORY = 3;
export const SEASON_MONTHS = 12;
export const FORECAST_MONTHS = 3;
const DAYS_PER_MONTH = 30;

export interface PositionForecast {
  /** Months of history ("YYYY-MM", oldest first) and units sold in each. */
  readonly months: readonly string[];
  readonly history: readonly number[];
  /** XYZ class and coefficient of variation of the history (null under 3 months or without demand). */
  readonly xyz: XyzClass | null;
  readonly cv: number | null;
  /** null when the history is shorter than MIN_HISTORY. */
  readonly result: ForecastSummary | null;
  /** Method label for the sheet ("Syntetos–Boylan (SBA)", or the fallback's). */
  readonly label: string;
  /** Units forecast for each of the next FORECAST_MONTHS months. */
  readonly next: readonly number[];
  /** Units returned; 0 without a returns report. */
  readonly returned: number;
  readonly returnRate: number | null;
  readonly returnAlert: boolean;
  /** Returns forecast for next month; null when nothing is known about returns. */
  readonly returnsNext: number | null;
  readonly netNext: number;
  /** Mean daily demand and its daily standard deviation for the service policy; null without a forecast. */
  readonly daily: { readonly demand: number; readonly sd: number } | null;
  /** The forecast months ("YYYY-MM"), the events with a day in them and the uplift each was given. */
  readonly horizon: readonly string[];
  readonly events: readonly HorizonEvent[];
  /** Every event's uplift for this position (learned or prior); null without a calendar. */
  readonly uplift: ReadonlyMap<string, number> | null;
}

export interface HorizonEvent {
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly uplift: number;
  /** The uplift came from this position's own history (else the channel's average or the setting). */
  readonly learned: boolean;
}

/**
 * The position's calendar: its country's events' days per month, the priors, the events' occurrences
 * in the history (none: nothing to learn) and the events with a day in the forecast months (the same
 * for every position of a channel, so found once by the caller: forecastWindows).
 */
export interface ForecastEvents {
  readonly days: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly prior: ReadonlyMap<string, number>;
  readonly occurrences: ReadonlyMap<string, number>;
  readonly horizonWindows: readonly EventWindow[];
  /** The forecast months' factors at the prior, when the caller has them (the same for a channel's positions without their own evidence). */
  readonly priorFactors?: readonly number[];
  /** false: the caller knows the history holds no evidence (its first pass learned nothing): the prior is used as it is. */
  readonly learn?: boolean;
  /** The channel's daily calendar over its span of dated sales: a position with daily sales learns from them there. */
  readonly daily?: DailyCalendar;
}

/** The events with a day in the forecast months after `months`. */
export function forecastWindows(windows: readonly EventWindow[], months: readonly string[]): EventWindow[] {
  if (months.length === 0) return [];
  const horizon = new Set(monthsAfter(months[months.length - 1], FORECAST_MONTHS));
  return windows.filter((e) => [...daysByMonth(e).keys()].some((m) => horizon.has(m)));
}

/** The `n` months after "YYYY-MM". */
export function monthsAfter(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const k = y * 12 + (m - 1) + i;
    out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The forecast months after each last month, made once (every position of a channel shares its months). */
const horizons = new Map<string, readonly string[]>();
const horizonAfter = (month: string): readonly string[] => {
  let h = horizons.get(month);
  if (!h) horizons.set(month, (h = monthsAfter(month, FORECAST_MONTHS)));
  return h;
};

/** The units of each month: from the history when given, else the position's dated sales (never below 0). */
export const historyOf = (p: Position, months: readonly string[], units?: readonly number[]): number[] =>
  units ? units.map((u) => Math.max(0, u)) : months.map((m) => Math.max(0, p.salesByMonth[m]?.units ?? 0));

/**
 * What the analysis keeps of a forecast: all but the fitted model and the candidates' held-out scores,
 * which only the choice and the daily spread read. With 24 months they are about 0.9 KB a position,
 * kept for nothing by every forecast row.
 */
export type ForecastSummary = Omit<ForecastResult, 'model' | 'candidates'>;

function summary(r: ForecastResult): ForecastSummary {
  return { method: r.method, demandClass: r.demandClass, forecast: r.forecast, lower: r.lower, upper: r.upper, level: r.level, params: r.params, sigma: r.sigma, sd: r.sd, heldOut: r.heldOut };
}

const NONE: ReadonlyMap<string, number> = new Map();

export const FALLBACK_LABEL = `Velocity × 30 (under ${MIN_HISTORY} months of history)`;

/** Every month "YYYY-MM" from `from` to `to`, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Each channel's months, first to last, over the dated sales of its positions. */
export function channelMonths(positions: readonly Position[]): Map<string, string[]> {
  const span = new Map<string, { min: string; max: string }>();
  for (const p of positions) {
    for (const month of Object.keys(p.salesByMonth)) {
      const s = span.get(p.channel.id);
      if (!s) span.set(p.channel.id, { min: month, max: month });
      else {
        if (month < s.min) s.min = month;
        if (month > s.max) s.max = month;
      }
    }
  }
  return new Map([...span].map(([id, s]) => [id, monthRange(s.min, s.max)]));
}

/** Whether any of `months` has units returned. */
function anyReturns(returnsByMonth: Readonly<Record<string, number>>, months: readonly string[]): boolean {
  // Most positions have no returns at all: an empty record answers without a look-up per month.
  if (Object.keys(returnsByMonth).length === 0) return false;
  for (const m of months) if ((returnsByMonth[m] ?? 0) > 0) return true;
  return false;
}

/**
 * `velocity`: the position's units per day (position-metrics.ts); `protectionDays`: lead time + review.
 * `returnsByMonth` / `returned` come from a returns report when there is one. `units`: the units of each
 * month when the saved snapshot history gives them (history/trends.ts); else the position's dated sales.
 */
export function positionForecast(
  p: Position,
  months: readonly string[],
  velocity: number,
  protectionDays: number,
  hasReturnsReport = false,
  units?: readonly number[],
  xyzCuts: readonly [number, number] = [0.5, 1.0],
  events?: ForecastEvents,
): PositionForecast {
  const history = historyOf(p, months, units);
  // The coefficient of variation once, for the XYZ class and the row.
  const cvOfHistory = coefficientOfVariation(history);
  const cv = history.length >= MIN_HISTORY ? cvOfHistory : null;
  const xyzRaw = xyzClassOf(history, cvOfHistory, xyzCuts);
  const xyz = xyzRaw === null || isCalcError(xyzRaw) ? null : xyzRaw;
  const returned = Math.max(0, p.returned);
  const rateRaw = returnRate(Math.max(0, p.sold), returned);
  const rate = !hasReturnsReport || rateRaw === null || isCalcError(rateRaw) ? null : rateRaw;

  let result: ForecastSummary | null = null;
  let label = FALLBACK_LABEL;
  let next: number[] | null = null;
  let daily: PositionForecast['daily'] = null;
  const horizon = months.length > 0 ? horizonAfter(months[months.length - 1]) : [];
  // Events: learned uplifts (the prior without history), the history without them, the horizon's factors.
  let uplift: ReadonlyMap<string, number> | null = null;
  let learnedKeys: ReadonlyMap<string, number> = NONE;
  let base = history;
  let ahead: number[] | null = null;
  if (events && months.length > 0) {
    uplift = events.prior;
    if (history.length >= MIN_HISTORY && events.occurrences.size > 0 && events.learn !== false) {
      const daily = events.daily && p.dailySales ? dailyHistory(p.dailySales, events.daily) : null;
      const learned = learnUplifts(months, history, events.days, events.prior, undefined, daily);
      uplift = learned.uplift;
      learnedKeys = learned.information;
      const factors = months.map((m) => monthFactor(m, events.days, learned.uplift));
      if (factors.some((f) => f !== 1)) base = history.map((y, i) => y / factors[i]);
    }
    if (events.horizonWindows.length > 0) ahead = uplift === events.prior && events.priorFactors ? [...events.priorFactors] : horizon.map((m) => monthFactor(m, events.days, uplift as ReadonlyMap<string, number>));
  }
  if (history.length >= MIN_HISTORY) {
    const r = forecast(base, { horizon: FORECAST_MONTHS, seasonLength: SEASON_MONTHS });
    if (!isCalcError(r)) {
      result = summary(r);
      label = methodById(r.method).label;
      next = ahead ? r.forecast.map((x, i) => x * (ahead as number[])[i]) : r.forecast;
      const monthsCovered = Math.max(1, Math.min(FORECAST_MONTHS, Math.ceil(protectionDays / DAYS_PER_MONTH)));
      let covered = 0;
      for (let i = 0; i < monthsCovered; i++) covered += next[i];
      const mean = covered / monthsCovered;
      const oneMonth = protectionDemand(r.model, base, next, 1);
      daily = { demand: mean / DAYS_PER_MONTH, sd: Math.sqrt(oneMonth.variance) / Math.sqrt(DAYS_PER_MONTH) };
    }
  }
  next ??= Array.from({ length: FORECAST_MONTHS }, (_, i) => velocity * DAYS_PER_MONTH * (ahead?.[i] ?? 1));
  const horizonEvents: HorizonEvent[] = [];
  if (events && uplift) {
    for (const e of events.horizonWindows) {
      const key = eventKey(e);
      horizonEvents.push({ name: e.name, start: e.start, end: e.end, uplift: uplift.get(key) ?? 0, learned: learnedKeys.has(key) });
    }
  }

  let returnsNext: number | null = null;
  // The monthly returns are read only when there are enough months to forecast them and some of them
  // have returns (a position without any, most of them, has nothing to forecast).
  if (months.length >= MIN_HISTORY && anyReturns(p.returnsByMonth, months)) {
    const returnHistory = months.map((m) => Math.max(0, p.returnsByMonth[m] ?? 0));
    const r = forecast(returnHistory, { horizon: 1, seasonLength: SEASON_MONTHS });
    if (!isCalcError(r)) returnsNext = r.forecast[0];
  }
  if (returnsNext === null && rate !== null && returned > 0) returnsNext = rate * next[0];
  const net = netDemand(next[0], returnsNext ?? 0);
  return {
    months,
    history,
    xyz,
    cv,
    result,
    label,
    next,
    returned,
    returnRate: rate,
    returnAlert: returnAlert(rate),
    returnsNext,
    netNext: isCalcError(net) ? next[0] : net,
    daily,
    horizon,
    events: horizonEvents,
    uplift,
  };
}
