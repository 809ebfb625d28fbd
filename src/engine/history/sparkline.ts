/**
 * A text sparkline: one of ▁▂▃▄▅▆▇█ per value, scaled from 0 to the largest value (so a flat series of
 * sales reads as flat and full height, and a series of zeros as all ▁). Negative or non-finite values
 * draw as ▁. It fits in a cell and survives any host, unlike Excel's own sparklines.
 */
const BARS = '▁▂▃▄▅▆▇█';
/** The bars as strings of their own, made once (indexing the text makes a new string per bar: these are not Latin-1). */
const BAR: readonly string[] = [...BARS];

/** In plain loops: the analysis draws one per position (100,000s), so no array of bars per call. */
export function sparkline(values: readonly number[]): string {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  let out = '';
  for (const v of values) out += !Number.isFinite(v) || max === 0 ? BAR[0] : BAR[Math.min(7, Math.max(0, Math.round((Math.max(0, v) / max) * 7)))];
  return out;
}
