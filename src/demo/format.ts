/**
 * Cell text as the marketplaces export it: "12,131", "SAR 1,234.50", "12.02%", ISO dates and
 * "YYYY-MM-DD HH:mm:ss" timestamps, Arabic-Indic digits. Locale-free (no toLocaleString), so the demo
 * is the same on every machine.
 */
import { DAY_MS, isoDay, type RawCell } from '../engine';

export { DAY_MS };

/** "12131" → "12,131"; whole numbers only. */
export function grouped(n: number): string {
  const s = String(Math.abs(Math.round(n)));
  const out = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${out}` : out;
}

/** "1,234.50". */
export function money(x: number): string {
  const cents = Math.round(Math.abs(x) * 100);
  const text = `${grouped(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
  return x < 0 ? `-${text}` : text;
}

/** "SAR 1,234.50" / "AED 99.00", as Business Reports write amounts. */
export const withCurrency = (currency: string, x: number) => `${currency} ${money(x)}`;

/** 0.1202 → "12.02%". */
export const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a moment, UTC (the engine's calendar). */
export const isoDate = isoDay;

/** "2026-10-19 23:29:16", noon's timestamps. */
export function timestamp(ms: number): string {
  const d = new Date(ms);
  return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "2026-10-19T23:29:16+00:00", Amazon's flat-file dates. */
export const isoWithOffset = (ms: number) => `${timestamp(ms).replace(' ', 'T')}+00:00`;

/** "40" → "٤٠". */
export const arabicDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** A row in the order of `header`, from values by column name (missing names give blank cells). */
export function rowOf(header: readonly string[], values: Readonly<Record<string, RawCell>>): RawCell[] {
  return header.map((name) => values[name] ?? '');
}

/** Splits `total` into whole parts proportional to `shares` (largest remainder), summing exactly to total. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (total * s) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}
