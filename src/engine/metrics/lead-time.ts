/**
 * Supplier lead times from purchase-order history (docs/FORMULAS.md, Settings: leadTimeDays "per supplier",
 * leadTimeSdDays "from PO history"; docs/REPORTS.md, Kinds: "Supplier PO history … lead-time mean / std,
 * on-time rate").
 *
 *   Lᵢ        = receivedDateᵢ − poDateᵢ                        (days)
 *   L̄         = Σ Lᵢ / n                                       (mean lead time, L in the safety-stock formula)
 *   σL        = √( Σ (Lᵢ − L̄)² / (n − 1) )                     (lead-time standard deviation, σL)
 *   onTimeRate = #{ i : receivedDateᵢ ≤ promisedDateᵢ } / #{ i : promisedDateᵢ given }
 *
 * Symbols: i runs over the supplier's received POs (both dates present), n = their number; promisedDate
 * is the date the supplier promised delivery (due / expected date).
 *
 * Source: docs/FORMULAS.md (σL feeds SS = z × √(L·σd² + d²·σL²)); the sample mean and sample standard
 * deviation are the usual estimators (e.g. Chopra & Meindl, Supply Chain Management, safety inventory
 * chapter, estimating σL from observed replenishment lead times).
 *
 * Conventions where definitions differ:
 * - Days are calendar days between the dates as written: times of day are ignored (a PO placed at 23:00
 *   and received the next morning took 1 day). Dates are the importer's epoch milliseconds UTC
 *   (ingest/values/dates.ts `parseDate`), so no time zone shifts a day.
 * - σL is the sample standard deviation (n − 1, as R's sd()); null with fewer than 2 received POs,
 *   not 0 (one observation says nothing about spread).
 * - Each PO counts once, whatever its quantity (lead time is a property of the order, not of the units).
 *   A PO written on several rows (one per SKU) counts once per distinct receipt: rows with the same
 *   supplier, PO number, PO date, received date and promised date are one observation; a PO received in
 *   parts on different dates gives one observation per receipt date. Rows without a PO number are each
 *   their own PO.
 * - On time means received on or before the promised day (received ≤ promised). Open POs are not
 *   judged, even when their promised date has passed: the rate is over received POs only.
 * - A row without a supplier or a readable PO date, or received before it was ordered, is reported as an
 *   issue and not used at all (nor for `perMaster`). Supplier names are compared as written (trimmed).
 * - An unreadable received date reaches here as blank (the importer reports the cell and keeps the row),
 *   so such a PO counts as open.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { nonNegative } from '../check';
import { type CalcError, isCalcError, messages, valueError } from '../errors';
import type { ReportRecord } from '../ingest/read-report';
import type { Days } from '../model';
import { DAY_MS } from '../calendar';
import { problemOf, type Problem } from '../problems';

export interface SupplierLeadTime {
  readonly supplier: string;
  /** POs with both a PO date and a received date. */
  readonly received: number;
  /** POs without a received date. */
  readonly open: number;
  /** Mean of received − PO date, days; null when no PO was received. */
  readonly meanDays: Days | null;
  /** Sample standard deviation (n − 1) of the lead times; null with fewer than 2 received POs. */
  readonly sdDays: Days | null;
  /** Share of received POs with received ≤ promised date; null when no received PO has a promised date. */
  readonly onTimeRate: number | null;
  /** Received POs that have a promised date (the denominator of onTimeRate). */
  readonly onTimeKnown: number;
}

/** A PO row that could not be used: its 1-based row number, the column at fault, its value and why (a leadtime.* code). */
export interface LeadTimeIssue {
  readonly row: number;
  readonly column: string;
  readonly value: unknown;
  readonly problem: Problem;
}

export interface SupplierLeadTimes {
  /** One entry per supplier with at least one usable row, sorted by name. */
  readonly suppliers: SupplierLeadTime[];
  /** Master SKU → supplier of its most recent PO (by PO date; a later row wins a tie). */
  readonly perMaster: Map<string, string>;
  readonly issues: LeadTimeIssue[];
}


/** Column names used in issues: the PO-history kind's names (ingest/kinds.ts). */
const COLUMN = { supplier: 'Supplier', poDate: 'PO Date', receivedDate: 'Received Date', promisedDate: 'Promised Date' } as const;

/**
 * Mean and sample standard deviation of lead times in days: { mean: L̄, sd: σL } (sd null for one value).
 * Every value must be a finite number ≥ 0; no values is #N/A.
 *
 * @example leadTimeStats([10, 14, 18]) // { mean: 14, sd: 4 }
 */
export function leadTimeStats(days: readonly number[]): { mean: Days; sd: Days | null } | CalcError {
  for (const x of days) {
    const bad = nonNegative(x, 'days');
    if (bad) return bad;
  }
  if (days.length === 0) return valueError(messages.atLeastValues('days', 1));
  const values = days as number[];
  return { mean: mean(values), sd: days.length < 2 ? null : sampleStandardDeviation(values) };
}

/** Whole calendar day (days since 1970-01-01 UTC) of an epoch-ms date. */
const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** A date as "YYYY-MM-DD" for an issue's value; anything else as it is. */
function shown(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? new Date(v).toISOString().slice(0, 10) : v;
}

const text = (v: string | number | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** A date value as the importer gives it (epoch ms); blank → null; anything else → undefined (unreadable). */
function date(v: string | number | null | undefined): number | null | undefined {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

interface Tally {
  leadTimes: number[];
  open: number;
  onTime: number;
  onTimeKnown: number;
}

/**
 * Lead-time statistics per supplier from PO-history records (`ImportResult.poRecords`: values keyed by
 * the po-history fields supplier, poNumber, masterSku, poDate, receivedDate, promisedDate, quantity;
 * dates as epoch ms). Every row is either used or reported in `issues`.
 */
export function supplierLeadTimes(records: readonly ReportRecord[]): SupplierLeadTimes {
  const issues: LeadTimeIssue[] = [];
  const tallies = new Map<string, Tally>();
  const seen = new Set<string>();
  const latest = new Map<string, { supplier: string; poDate: number }>();

  for (const rec of records) {
    const v = rec.values;
    const issue = (column: string, value: unknown, problem: Problem) => issues.push({ row: rec.row, column, value: shown(value), problem });
    const supplier = text(v.supplier);
    if (supplier === null) {
      issue(COLUMN.supplier, v.supplier ?? null, problemOf('leadtime.supplier-blank', {}));
      continue;
    }
    const poDate = date(v.poDate);
    if (poDate === null || poDate === undefined) {
      issue(COLUMN.poDate, v.poDate ?? null, poDate === null ? problemOf('leadtime.po-date-blank', {}) : problemOf('leadtime.po-date-invalid', {}));
      continue;
    }
    const received = date(v.receivedDate);
    if (received === undefined) {
      issue(COLUMN.receivedDate, v.receivedDate, problemOf('leadtime.received-invalid', {}));
      continue;
    }
    const lead = received === null ? null : dayOf(received) - dayOf(poDate);
    if (lead !== null && lead < 0) {
      issue(COLUMN.receivedDate, received, problemOf('leadtime.received-before-po', { received: String(shown(received)), poDate: String(shown(poDate)) }));
      continue;
    }
    const promised = date(v.promisedDate);
    if (promised === undefined) {
      // The PO still gives a lead time; only its on-time status is unknown.
      issue(COLUMN.promisedDate, v.promisedDate, problemOf('leadtime.promised-invalid', {}));
    }

    const master = text(v.masterSku);
    if (master !== null) {
      const prev = latest.get(master);
      if (!prev || poDate >= prev.poDate) latest.set(master, { supplier, poDate });
    }

    // One observation per distinct receipt of a PO (a PO written one row per SKU counts once).
    const poNumber = text(v.poNumber);
    if (poNumber !== null) {
      const key = [supplier, poNumber, dayOf(poDate), received === null ? '' : dayOf(received), promised == null ? '' : dayOf(promised)].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
    }

    let t = tallies.get(supplier);
    if (!t) tallies.set(supplier, (t = { leadTimes: [], open: 0, onTime: 0, onTimeKnown: 0 }));
    if (lead === null) {
      t.open++;
      continue;
    }
    t.leadTimes.push(lead);
    if (promised !== null && promised !== undefined) {
      t.onTimeKnown++;
      if (dayOf(received as number) <= dayOf(promised)) t.onTime++;
    }
  }

  const suppliers: SupplierLeadTime[] = [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([supplier, t]) => {
      // Calendar-day differences are whole and ≥ 0, so the stats cannot fail.
      const stats = t.leadTimes.length > 0 ? leadTimeStats(t.leadTimes) : null;
      const ok = stats === null || isCalcError(stats) ? null : stats;
      return {
        supplier,
        received: t.leadTimes.length,
        open: t.open,
        meanDays: ok ? ok.mean : null,
        sdDays: ok ? ok.sd : null,
        onTimeRate: t.onTimeKnown > 0 ? t.onTime / t.onTimeKnown : null,
        onTimeKnown: t.onTimeKnown,
      };
    });
  const perMaster = new Map<string, string>([...latest.entries()].map(([m, x]) => [m, x.supplier]));
  return { suppliers, perMaster, issues };
}
