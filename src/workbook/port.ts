/**
 * The WorkbookPort: everything the app needs from a workbook, whatever hosts it (docs/ARCHITECTURE.md).
 * Adapters: in-memory (tests, browser preview), xlsx files on disk (CLI), Office.js (the add-in).
 *
 * Reads give a sheet's values from A1 (so row numbers in messages are the ones the user sees), ""
 * or null for blanks. Writes render SheetSpecs; see spec.ts for the text-safety contract. A write
 * given an AbortSignal stops when it is aborted before its sheets are swapped in, leaving the
 * workbook as it was, and rejects with the signal's reason.
 */
import { type RawCell, type SheetSpec, type Visibility } from '../engine';

export interface SheetInfo {
  readonly name: string;
  readonly visibility: Visibility;
}

export type SheetValues = readonly (readonly RawCell[])[];

export interface WriteProgress {
  readonly sheet: string;
  readonly done: number;
  readonly total: number;
}

export interface WorkbookPort {
  /** Every sheet, in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Values of the named sheets from A1 to the end of their used range, in one batch. Missing sheets are absent. */
  readSheets(names: readonly string[]): Promise<Map<string, SheetValues>>;
  /**
   * Creates or rewrites each sheet from its spec (see SheetSpec.mode), in order. A sheet that exists is
   * replaced only because the caller decided it may be (the registry); the port does not check.
   */
  writeSheets(specs: readonly SheetSpec[], onProgress?: (p: WriteProgress) => void, signal?: AbortSignal): Promise<void>;
  /**
   * Shows a row to the user: activates the sheet and selects row `row` (1-based, as Excel numbers it),
   * columns A to `columns`. Hosts without a user (files on disk) do not have it.
   */
  select?(sheet: string, row: number, columns?: number): Promise<void>;
}
