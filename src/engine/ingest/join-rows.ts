/**
 * What the per-kind row readers (join-readers-amazon.ts, join-readers-noon.ts) and the join (join.ts)
 * share: the scope a report's rows are read in, the rule of stock quantities, dated sales by month and
 * day, cancelled statuses, and the channel of a row of a mixed report.
 */
import { CHANNELS, Channel, Country, type Position } from '../model';
import { COUNTRY_FIELDS } from './channel';
import type { ReportKind } from './kinds';
import type { ParsedReport } from './read-report';
import { numberAt, RecordTable } from './records';
import { issueAt, type ImportIssue } from './types';
import { problemOf } from '../problems';
import type { NumberColumn, TextColumn } from './join-mapping';
import { DAY_MS, isoDay } from '../calendar';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar month a report's name gives ("Business Report 2026-10", "BusinessReport_10-2026",
 * "Business Report Oct 2026"), for reports that carry no dates of their own; null when it gives none.
 */
export function monthFromName(name: string): string | null {
  const lower = name.toLowerCase();
  let m = /(20\d\d)[-_. ]?(0[1-9]|1[0-2])(?!\d)/.exec(lower);
  if (m) return `${m[1]}-${m[2]}`;
  m = /(?<!\d)(0?[1-9]|1[0-2])[-_. ](20\d\d)/.exec(lower);
  if (m) return `${m[2]}-${m[1].padStart(2, '0')}`;
  m = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_. ]*(20\d\d)/.exec(lower);
  if (m) return `${m[2]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}`;
  return null;
}

/** The calendar month of the last moment asked for and its bounds: dated sales come in runs of the same month. */
const lastMonth = { from: 0, to: -1, key: '' };

export function monthOf(ms: number): string {
  if (ms >= lastMonth.from && ms < lastMonth.to) return lastMonth.key;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  lastMonth.from = Date.UTC(y, m, 1);
  lastMonth.to = Date.UTC(y, m + 1, 1);
  lastMonth.key = `${y}-${String(m + 1).padStart(2, '0')}`;
  return lastMonth.key;
}

const isCancelled = (s: string | number | null | undefined) => typeof s === 'string' && /cancel/i.test(s);

/** What a report's rows are read with: the report, the kinds its channel takes stock and sales from, and the join's running tallies. */
export interface ReportScope {
  readonly report: ParsedReport;
  /** The report's rows (`report.records`), read by index. */
  readonly table: RecordTable;
  readonly kind: ReportKind;
  readonly stockKind: ReportKind | null;
  readonly salesKind: ReportKind | null;
  readonly issues: ImportIssue[];
  readonly periodDays: number;
  /** Business Reports per channel id (each covers one period). */
  readonly businessReports: ReadonlyMap<string, number>;
  /** The month the report's name gives (Business Reports carry no dates). */
  readonly reportMonth: string | null;
  /** First and last moment of this report's dated sales. */
  readonly spans: { min: number; max: number };
  /** Days noon's sales export covers, per channel id. */
  readonly exportDays: ReadonlyMap<string, { from: number; to: number }>;
  readonly viewsRows: Map<string, { source: string; counted: number; covered: number }>;
  readonly unknownTypes: Map<string, { source: string; row: number; units: number }>;
}

/** Adds row `i` of the report to its position. */
export type RowReader = (p: Position, i: number, ch: Channel) => void;

/** isCancelled of a status column's rows, remembering the last answer: a status repeats row after row. */
export function cancelledIn(column: TextColumn): (i: number) => boolean {
  if (!column) return () => false;
  let last: string | null = null;
  let answer = false; // isCancelled(null)
  return (i) => {
    const status = column.at(i);
    if (status !== last) {
      last = status;
      answer = isCancelled(status);
    }
    return answer;
  };
}

export const dayOf = isoDay;

/** Widens a channel's covered days to the days from `first` to `last` (midnights, ms): to the end of `last`. */
export function addDays(days: Map<string, { from: number; to: number }>, channelId: string, first: number, last: number): void {
  const known = days.get(channelId);
  if (!known) days.set(channelId, { from: first, to: last + DAY_MS - 1 });
  else {
    known.from = Math.min(known.from, first);
    known.to = Math.max(known.to, last + DAY_MS - 1);
  }
}

/** A report with a country-like column checks each row's country; one without skips the check. */
export function hasCountryColumn(report: ParsedReport): boolean {
  return report.columns.some((c) => COUNTRY_FIELDS.includes(c.field));
}

/** A row of a mixed report that names the other country (`country`, its own) goes to that country's channel. */
export function channelOf(channel: Channel, country: Country | null): Channel {
  return country && country !== channel.country ? (CHANNELS.find((c) => c.marketplace === channel.marketplace && c.country === country) as Channel) : channel;
}

/**
 * The rule of every stock (or returned) quantity, in every report kind: a negative one is reported at
 * its sheet row and column and counted as 0; a blank is 0.
 */
export function nonNegative(report: ParsedReport, issues: ImportIssue[], row: number, field: string, n: number | null, what: 'stock' | 'returned' = 'stock'): number {
  if (n === null) return 0;
  if (n >= 0) return n;
  const header = report.columns.find((c) => c.field === field)?.header ?? field;
  issues.push(issueAt({ source: report.source, row, column: header, value: String(n) }, problemOf('stock.negative', { what, n }), false));
  return 0;
}

/** A stock (or returned) quantity, row `i` of the report's `field` column (nonNegative's rule). */
export const units = (r: ReportScope, column: NumberColumn, field: string, i: number, what: 'stock' | 'returned' = 'stock'): number => nonNegative(r.report, r.issues, r.table.rows[i], field, numberAt(column, i), what);

/**
 * Adds dated sales to their month and their day (Position.dailySales); `tail` widens the span past the
 * row's moment (a daily row covers its whole day).
 */
export function addMonth(p: Position, ms: number | null, units: number, revenue: number, spans: { min: number; max: number }, tail: number): void {
  if (ms === null) return;
  if (ms < spans.min) spans.min = ms;
  if (ms + tail > spans.max) spans.max = ms + tail;
  const key = monthOf(ms);
  const m = (p.salesByMonth[key] ??= { units: 0, revenue: 0 });
  m.units += units;
  m.revenue += revenue;
  const day = Math.floor(ms / DAY_MS);
  const days = p.dailySales;
  if (days === undefined) p.dailySales = [day, units];
  else if (days[days.length - 2] === day) days[days.length - 1] += units;
  else days.push(day, units);
}
