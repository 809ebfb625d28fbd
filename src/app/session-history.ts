/**
 * The History tab's operations: Save snapshot (the last analysis kept in the workbook's history), the
 * saved snapshots, and two of them compared.
 */
import { DEFAULT_SETTINGS, REGISTRY_SHEET, isRegistryGrid, readRegistry, readSettingsSheet, toReporting, type CompareRow, type CompareStatus, type Comparison, type Currency, type RawGrid, type Settings } from '../engine';
import type { WorkbookPort, WriteProgress } from '../workbook/port';
import { snapshotPositions } from './explorer';
import { compareInWorkbook, historyDates, saveSnapshot } from './history';
import type { SessionCore } from './session-core';

/** What Save snapshot did. */
export interface SnapshotSaved {
  readonly date: string;
  /** Positions in the snapshot. */
  readonly positions: number;
  /** True when it replaced a snapshot saved earlier on the same date. */
  readonly replaced: boolean;
  /** Saved snapshot dates after the save, newest first. */
  readonly dates: readonly string[];
}

/** The saved snapshots of the workbook. */
export interface SnapshotList {
  /** Newest first. */
  readonly dates: readonly string[];
  /** History rows that could not be read (left out). */
  readonly problems: number;
}

export interface FromTo {
  readonly from: number;
  readonly to: number;
}

/** One position of a comparison, as the History tab shows it. */
export interface ChangeRow {
  readonly masterSku: string;
  readonly channel: string;
  readonly status: CompareStatus;
  /** Units available and units sold on each date (null: not in that snapshot, or blank). */
  readonly available: { readonly from: number | null; readonly to: number | null };
  readonly sold: { readonly from: number | null; readonly to: number | null };
  /** Stock value change in the reporting currency (a new position: its value; a gone one: minus its value). */
  readonly stockValueChange: number;
}

/** Two snapshots compared, for the History tab: money in the reporting currency. */
export interface SnapshotComparison {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly daysBetween: number;
  readonly totals: {
    readonly positions: FromTo;
    readonly available: FromTo;
    readonly stockValue: FromTo;
    readonly sold: FromTo;
    readonly revenue: FromTo;
    readonly lostRevenue: number;
    readonly newPositions: number;
    readonly gonePositions: number;
  };
  /** The largest stock value changes (at most CHANGES_SHOWN), largest first; unchanged positions are left out. */
  readonly changes: readonly ChangeRow[];
  /** Positions whose stock value changed (or that are new or gone). */
  readonly changed: number;
}

/** Rows of the History tab's table of largest changes. */
export const CHANGES_SHOWN = 20;

/** Save snapshot before any Analyze of this session. */
export class NoAnalysisError extends Error {}

export interface HistoryOperations {
  /** Saves the last analysis of this session as a snapshot in the workbook's history; a snapshot on the same date is replaced. */
  saveSnapshot(options?: { readonly onWrite?: (p: WriteProgress) => void; readonly signal?: AbortSignal }): Promise<SnapshotSaved>;
  /** The snapshot dates saved in the workbook. */
  snapshots(): Promise<SnapshotList>;
  /** Compares two saved snapshots (dates as listed by snapshots()). */
  compare(from: string, to: string): Promise<SnapshotComparison>;
}

/** The workbook's settings, reading only the registry and the settings sheet (compare converts money with them). */
async function readSettingsOnly(wb: WorkbookPort): Promise<Settings> {
  const first = await wb.readSheets([REGISTRY_SHEET]);
  const ownName = isRegistryGrid(first.get(REGISTRY_SHEET) as RawGrid | undefined);
  const registryGrid = ownName ? first.get(REGISTRY_SHEET) : (await wb.readSheets([`${REGISTRY_SHEET} (Lumive)`])).get(`${REGISTRY_SHEET} (Lumive)`);
  const name = readRegistry(registryGrid as RawGrid | undefined).get('settings');
  if (!name) return DEFAULT_SETTINGS;
  const grid = (await wb.readSheets([name])).get(name);
  return grid ? readSettingsSheet(grid, name).settings : DEFAULT_SETTINGS;
}

/** A comparison as the History tab shows it: totals, and the largest stock value changes in the reporting currency. */
export function comparisonView(c: Comparison, settings: Settings, shown = CHANGES_SHOWN): SnapshotComparison {
  const rep = (x: number | null | undefined, currency: string) => (x === null || x === undefined ? 0 : toReporting(x, currency as Currency, settings));
  const valueChange = (r: CompareRow) => rep(r.to?.stockValue, r.currency) - rep(r.from?.stockValue, r.currency);
  const moved: { row: CompareRow; change: number }[] = [];
  for (const row of c.rows) {
    const change = valueChange(row);
    if (row.status !== 'Both' || change !== 0) moved.push({ row, change });
  }
  moved.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.row.masterSku.localeCompare(b.row.masterSku) || a.row.channel.localeCompare(b.row.channel));
  const t = c.totals;
  return {
    from: c.from,
    to: c.to,
    currency: settings.reportingCurrency,
    daysBetween: t.daysBetween,
    totals: {
      positions: { from: t.positions.from, to: t.positions.to },
      available: { ...t.available },
      stockValue: { ...t.stockValue },
      sold: { ...t.sold },
      revenue: { ...t.revenue },
      lostRevenue: t.lostRevenue,
      newPositions: t.positions.new,
      gonePositions: t.positions.gone,
    },
    changes: moved.slice(0, shown).map(({ row, change }) => ({
      masterSku: row.masterSku,
      channel: row.channel,
      status: row.status,
      available: { from: row.from?.available ?? null, to: row.to?.available ?? null },
      sold: { from: row.from?.sold ?? null, to: row.to?.sold ?? null },
      stockValueChange: change,
    })),
    changed: moved.length,
  };
}

export function historyOperations(core: SessionCore): HistoryOperations {
  const { workbook } = core;
  return {
    async saveSnapshot(options = {}) {
      if (!core.last) throw new NoAnalysisError('Analyze first: Save snapshot keeps the figures of the last analysis, and this session has none yet.');
      const analysis = await core.last.results.snapshot();
      const wb = await workbook();
      const saved = await saveSnapshot(wb, analysis, { onWrite: options.onWrite, signal: options.signal });
      return { date: saved.date, positions: snapshotPositions(analysis), replaced: saved.replaced > 0, dates: [...saved.dates].reverse() };
    },

    async snapshots() {
      const wb = await workbook();
      const read = await historyDates(wb);
      return { dates: [...read.dates].reverse(), problems: read.problems };
    },

    async compare(from, to) {
      const wb = await workbook();
      const settings = await readSettingsOnly(wb);
      return comparisonView(await compareInWorkbook(wb, from, to, settings), settings);
    },
  };
}
