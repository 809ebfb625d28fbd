/**
 * History rows (src/engine/history/history.ts) built directly for the history tests, so each case names
 * only the fields its hand computation uses.
 *
 * Defaults: a "Snapshot" of Master SKU "A" on Amazon KSA (SAR) dated 2026-10-31 for period 2026-10, with
 * every number blank (null).
 */
import { HistoryTable, type HistoryRow } from '../../../src/engine/history/history';

export function hrow(overrides: Partial<HistoryRow> = {}): HistoryRow {
  return {
    date: '2026-10-31',
    period: '2026-10',
    source: 'Snapshot',
    masterSku: 'A',
    channel: 'Amazon KSA',
    currency: 'SAR',
    available: null,
    inbound: null,
    sold: null,
    revenue: null,
    velocity: null,
    doi: null,
    stockValue: null,
    price: null,
    ...overrides,
  };
}

/** A "Sales report" row: one calendar month of a channel's dated sales (no stock figures). */
export function salesRow(overrides: Partial<HistoryRow> = {}): HistoryRow {
  return hrow({ source: 'Sales report', ...overrides });
}

export const table = (rows: readonly HistoryRow[]): HistoryTable => HistoryTable.of(rows);

/** Every row of a table as plain values. */
export function rowsOf(t: HistoryTable): HistoryRow[] {
  return Array.from({ length: t.length }, (_, i) => t.row(i));
}
