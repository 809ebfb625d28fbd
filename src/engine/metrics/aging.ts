/**
 * Inventory aging buckets (docs/FORMULAS.md, "Classes": aging buckets).
 *
 * Target buckets, in whole days of age: 0-30, 31-60, 61-90, 91-180, 181-365, 365+ (more than 365).
 *
 * `agingBucket(ageDays)`: upper bounds are inclusive and the buckets are contiguous on the real line
 * (0 ≤ age ≤ 30 → '0-30', 30 < age ≤ 60 → '31-60', …, age > 365 → '365+'). Convention for fractional
 * ages: this is the same as rounding up (ceil) to whole days, so a unit 30.2 days old is in its 31st day
 * and in '31-60'; 0.5 days is '0-30'. The bounds are compared by the threshold rule (metrics/compare.ts):
 * an age within 1e-9 of a bound is the bound (30.00000000001 days is '0-30').
 *
 * `mapAgingColumns(columns)`: Amazon names its age columns `inv-age-<a>-to-<b>-days` or
 * `inv-age-<a>-plus-days` and has changed the split over time (181-270 + 271-365, later 181-330 +
 * 331-365; 365-plus, later 366-455 + 456-plus; legacy 0-90). Each name is parsed into a whole-day range
 * [a, b] (or [a, ∞)) and the column's units are added to the target bucket that contains that range.
 * A range that straddles target buckets (legacy 0-90) stays its own bucket named 'a-b' ('a+' for an
 * open range); it is never spread over the buckets it straddles. Names that do not parse, and ranges with
 * a > b, are returned in `unmapped`.
 * Convention for 'a-plus': Amazon's `365-plus` follows `271-to-365`, so it means more than 365 days; a
 * plus column whose a is the inclusive upper end of a target bucket (30, 60, 90, 180, 365) therefore starts
 * at a + 1, any other (e.g. `456-plus`, after `366-to-455`) starts at a.
 * Names are matched case-insensitively after trimming. Non-finite values (blank cells) add nothing, but the
 * column still counts as mapped. Values are otherwise summed as given (the report reader validates them).
 * Buckets appear in the result only when at least one column maps to them, ordered by range start.
 */
import { nonNegative } from '../check';
import type { CalcError } from '../errors';
import type { Days } from '../model';
import { atMost } from './compare';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181-365', '365+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Inclusive whole-day ranges of AGING_BUCKETS, same order; the last is open. */
const BUCKET_RANGES: readonly (readonly [number, number])[] = [
  [0, 30],
  [31, 60],
  [61, 90],
  [91, 180],
  [181, 365],
  [366, Infinity],
];

export function agingBucket(ageDays: Days): AgingBucket | CalcError {
  const bad = nonNegative(ageDays, 'ageDays');
  if (bad) return bad;
  if (atMost(ageDays, 30)) return '0-30';
  if (atMost(ageDays, 60)) return '31-60';
  if (atMost(ageDays, 90)) return '61-90';
  if (atMost(ageDays, 180)) return '91-180';
  if (atMost(ageDays, 365)) return '181-365';
  return '365+';
}

const COLUMN_PATTERN = /^inv-age-(\d+)-(?:to-(\d+)|(plus))-days$/;

/** A column's bucket and that bucket's whole-day range (used to order the result). */
interface ParsedColumn {
  readonly bucket: string;
  readonly start: number;
  readonly end: number;
}

function parseColumn(name: string): ParsedColumn | undefined {
  const match = COLUMN_PATTERN.exec(name.trim().toLowerCase());
  if (!match) return undefined;
  const a = Number(match[1]);
  const isPlus = match[3] !== undefined;
  const start = isPlus && BUCKET_RANGES.some(([, hi]) => hi === a) ? a + 1 : a;
  const end = isPlus ? Infinity : Number(match[2]);
  if (start > end) return undefined;
  const target = BUCKET_RANGES.findIndex(([lo, hi]) => lo <= start && end <= hi);
  if (target >= 0) return { bucket: AGING_BUCKETS[target], start: BUCKET_RANGES[target][0], end: BUCKET_RANGES[target][1] };
  return { bucket: isPlus ? `${a}+` : `${a}-${end}`, start, end };
}

export function mapAgingColumns(columns: Readonly<Record<string, number>>): {
  buckets: Record<string, number>;
  unmapped: string[];
} {
  const sums = new Map<string, { start: number; end: number; total: number }>();
  const unmapped: string[] = [];
  for (const [name, value] of Object.entries(columns)) {
    const parsed = parseColumn(name);
    if (!parsed) {
      unmapped.push(name);
      continue;
    }
    const entry = sums.get(parsed.bucket) ?? { start: parsed.start, end: parsed.end, total: 0 };
    if (Number.isFinite(value)) entry.total += value;
    sums.set(parsed.bucket, entry);
  }
  const ordered = [...sums.entries()].sort(([, x], [, y]) => x.start - y.start || x.end - y.end);
  const buckets: Record<string, number> = {};
  for (const [bucket, { total }] of ordered) buckets[bucket] = total;
  return { buckets, unmapped };
}
