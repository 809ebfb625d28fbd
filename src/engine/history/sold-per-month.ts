/**
 * Units sold per month of a position's history (history/trends.ts): the forecast's demand history
 * (analysis/position-forecast.ts).
 */
import { type PeriodIndex } from './channel-periods';
import { lazyOf, pointPlace, pointSold, type TrendRow } from './trends';

/**
 * Units sold in each month of `span` from a position's history points (0 where it has none, and
 * without a trend row); both are short and in month order. The forecast's demand history.
 */
export function soldPerMonth(span: readonly string[], t: TrendRow | null): number[] {
  const out = new Array<number>(span.length).fill(0);
  if (!t) return out;
  const lazy = lazyOf(t);
  if (lazy) {
    // The scratch holds the points (and their units) already when positionTrend made the row just before.
    lazy.selectSold();
    const n = lazy.length;
    const at = spanPlaces(span, lazy.periods());
    if (at) {
      for (let k = 0; k < n; k++) {
        const j = at[pointPlace[k]];
        if (j >= 0) out[j] = pointSold[k];
      }
      return out;
    }
    let k = 0;
    for (let j = 0; j < span.length && k < n; j++) {
      while (k < n && lazy.period(k) < span[j]) k++;
      if (k < n && lazy.period(k) === span[j]) out[j] = pointSold[k];
    }
    return out;
  }
  const points = t.points;
  const n = points.length;
  let k = 0;
  for (let j = 0; j < span.length && k < n; j++) {
    while (k < n && points[k].period < span[j]) k++;
    if (k < n && points[k].period === span[j]) out[j] = points[k].sold ?? 0;
  }
  return out;
}

/** A span of months (soldPerMonth) as places: a copy, the periods it is for, and per place of those its month's place in the span (null: see spanPlaces). */
interface SpanPlaces {
  readonly copy: readonly string[];
  readonly periods: PeriodIndex;
  readonly at: Int32Array | null;
}

/**
 * Per place of `periods`, the place of its month in `span` (−1: none): soldPerMonth's merge of the points
 * into the span, when both are in strictly ascending order (then a point goes to the month equal to its
 * period), without comparing texts per position. Built once per span array (the analysis passes one per
 * channel) and kept with a copy; null when either is not ascending (the merge then runs as written).
 */
const spanPlacesOf = new WeakMap<readonly string[], SpanPlaces>();
function spanPlaces(span: readonly string[], periods: PeriodIndex): Int32Array | null {
  const known = spanPlacesOf.get(span);
  if (known && known.periods === periods && known.copy.length === span.length) {
    let same = true;
    for (let j = 0; j < span.length && same; j++) same = known.copy[j] === span[j];
    if (same) return known.at;
  }
  const ascending = (x: readonly string[]) => x.every((v, j) => typeof v === 'string' && (j === 0 || x[j - 1] < v));
  let at: Int32Array | null = null;
  if (ascending(span) && ascending(periods.copy)) {
    const place = new Map(span.map((m, j) => [m, j]));
    at = Int32Array.from(periods.copy, (p) => place.get(p) ?? -1);
  }
  spanPlacesOf.set(span, { copy: [...span], periods, at });
  return at;
}
