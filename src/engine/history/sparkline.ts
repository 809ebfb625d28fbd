/**
 * A text sparkline: one of ▁▂▃▄▅▆▇█ per value, scaled from 0 to the largest value (so a flat series of
 * sales reads as flat and full height, and a series of zeros as all ▁). Negative or non-finite values
 * draw as ▁. It fits in a cell and survives any host, unlike Excel's own sparklines.
 */
const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values.filter(Number.isFinite));
  return values.map((v) => (!Number.isFinite(v) || max === 0 ? BARS[0] : BARS[Math.min(7, Math.max(0, Math.round((Math.max(0, v) / max) * 7)))])).join('');
}
