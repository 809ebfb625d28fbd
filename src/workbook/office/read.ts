/**
 * Reading sheets for the Office adapter (office-workbook.ts): one sync loading every sheet's used range
 * (values only). When Excel rejects the response as too large, or a range is too big to come back (over
 * 5,000,000 cells), it loads the used-range sizes and reads in row blocks of at most ~4 MB and 5,000,000
 * cells, several sheets per sync. The reader remembers each sheet's size, so the next read goes straight
 * to blocks when it would not fit in one response, and stays one sync when it would.
 */
import { type RawCell } from '../../engine';
import { trimmedGrid, trimmedGridPaced } from '../grid';
import type { SheetValues } from '../port';
import type { Batch, OfficeLimits } from './batch';
import { isPayloadError } from './excel-errors';
import { jsonBytes } from './excel-values';
import type { XlRange, XlWorksheet } from './office-api';

/** First guess of a read cell's JSON size, before any block of its sheet has come back (report cells run 8–12). */
const FIRST_BYTES_PER_CELL = 14;
/** Margin on a sheet's bytes per cell when sizing its next read block (Excel's limit is 5 MB, blocks aim at 4). */
const READ_MARGIN = 1.05;
/** Rows of a sheet of unknown size read first to measure it. */
const PROBE_ROWS = 500;

interface Extent {
  readonly name: string;
  readonly sheet: XlWorksheet;
  /** 0-based index of the first and one past the last used row; columns from A to one past the last used. */
  readonly firstRow: number;
  readonly endRow: number;
  readonly columns: number;
}

/** Reads sheets' values for one workbook, keeping what it learned of their sizes for the next read. */
export class SheetReader {
  /** Set once a whole-workbook read was too large: reads of sheets of unknown size go to sized blocks. */
  private large = false;
  /** JSON size and cells of each sheet's values at its last read (lower-case name), to plan the next read. */
  private readonly sheetSizes = new Map<string, { readonly bytes: number; readonly cells: number }>();

  constructor(private readonly limits: OfficeLimits) {}

  async read(b: Batch, names: readonly string[]): Promise<Map<string, SheetValues>> {
    const out = new Map<string, SheetValues>();
    const sheets = names.map((name) => ({ name, sheet: b.context.workbook.worksheets.getItem(name) }));
    let extents: Extent[] | undefined;
    // One sync for everything, unless the sizes known from earlier reads say it would not fit.
    const unknown = this.large ? Infinity : 0;
    const expected = names.reduce((n, name) => n + (this.sheetSizes.get(name.toLowerCase())?.bytes ?? unknown), 0);
    if (expected <= this.limits.maxRequestBytes) {
      const used = sheets.map((s) => s.sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex,rowCount,columnCount'));
      try {
        await b.sync('read');
        extents = [];
        sheets.forEach((s, i) => {
          const range = used[i];
          if (range.isNullObject) out.set(s.name, []);
          else if (isComplete(range)) {
            this.sheetSizes.set(s.name.toLowerCase(), { bytes: jsonBytes(range.values), cells: range.rowCount * range.columnCount });
            out.set(s.name, fromA1(range.values, range.rowIndex, range.columnIndex));
          } else extents?.push(extentOf(s.name, s.sheet, range));
        });
        if (extents.length === 0) return out;
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        extents = undefined;
      }
      this.large = true;
    }
    if (!extents) {
      const used = sheets.map((s) => s.sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
      await b.sync('size');
      extents = [];
      sheets.forEach((s, i) => {
        if (used[i].isNullObject) out.set(s.name, []);
        else extents?.push(extentOf(s.name, s.sheet, used[i]));
      });
    }
    for (const [name, values] of await this.readBlocks(b, extents)) out.set(name, values);
    return out;
  }

  /**
   * Reads sheets in row blocks, several sheets per sync, each sized from its own bytes per cell: those
   * seen so far in this read, else at its last read. Sheets never measured are probed first: up to
   * PROBE_ROWS rows of each in one request planned at 40% of the limit on a first guess per cell, so
   * cells up to about three times the guess still fit under Excel's 5 MB. A rejected request is
   * planned again with the estimates doubled.
   */
  private async readBlocks(b: Batch, extents: readonly Extent[]): Promise<Map<string, SheetValues>> {
    const rows = new Map<string, RawCell[][]>(extents.map((e) => [e.name, Array.from({ length: e.firstRow }, () => [])]));
    const next = new Map(extents.map((e) => [e.name, e.firstRow]));
    const read = new Map(extents.map((e) => [e.name, { bytes: 0, cells: 0, peak: 0 }]));
    const known = (e: Extent) => this.sheetSizes.get(e.name.toLowerCase());
    let scale = 1;
    let failures = 0;
    const perCell = (e: Extent): { bytes: number; guess: boolean } => {
      const seen = read.get(e.name);
      if (seen && seen.cells > 0) return { bytes: Math.max(seen.peak, seen.bytes / seen.cells) * READ_MARGIN * scale, guess: false };
      const last = known(e);
      if (last && last.cells > 0) return { bytes: (last.bytes / last.cells) * READ_MARGIN * scale, guess: false };
      return { bytes: FIRST_BYTES_PER_CELL * scale, guess: true };
    };
    for (;;) {
      const pieces: { extent: Extent; row: number; count: number; range: XlRange }[] = [];
      let planned = 0;
      let cells = 0;
      // Sheets whose size is only a guess are probed first, a few hundred rows each, all in one request.
      const probing = extents.some((e) => (next.get(e.name) ?? e.endRow) < e.endRow && perCell(e).guess);
      const budget = probing ? this.limits.maxRequestBytes * 0.4 : this.limits.maxRequestBytes;
      for (const extent of extents) {
        let row = next.get(extent.name) ?? extent.endRow;
        const estimate = perCell(extent);
        if (probing && !estimate.guess) continue;
        const end = probing ? Math.min(extent.endRow, row + PROBE_ROWS) : extent.endRow;
        while (row < end) {
          const byBytes = Math.floor((budget - planned) / (extent.columns * estimate.bytes));
          const byCells = Math.floor((this.limits.maxCells - cells) / extent.columns);
          let count = Math.min(end - row, byBytes, byCells);
          if (count < 1) {
            if (pieces.length > 0) break;
            count = 1;
          }
          const range = extent.sheet.getRangeByIndexes(row, 0, count, extent.columns).load('values');
          pieces.push({ extent, row, count, range });
          planned += count * extent.columns * estimate.bytes;
          cells += count * extent.columns;
          row += count;
        }
        if (row < end) break;
      }
      if (pieces.length === 0) break;
      try {
        await b.sync('read');
      } catch (error) {
        if (!isPayloadError(error) || ++failures > 8) throw error;
        scale *= 2;
        continue;
      }
      scale = 1;
      for (const piece of pieces) {
        const values = piece.range.values as RawCell[][];
        rows.get(piece.extent.name)?.push(...values);
        next.set(piece.extent.name, piece.row + piece.count);
        const size = jsonBytes(values);
        const seen = read.get(piece.extent.name);
        if (seen) {
          const pieceCells = piece.count * piece.extent.columns;
          seen.bytes += size;
          seen.cells += pieceCells;
          seen.peak = Math.max(seen.peak, size / pieceCells);
        }
      }
    }
    for (const [name, size] of read) this.sheetSizes.set(name.toLowerCase(), { bytes: size.bytes, cells: size.cells });
    const out = new Map<string, SheetValues>();
    for (const [name, grid] of rows) out.set(name, await trimmedGridPaced(grid));
    return out;
  }
}

/** A loaded used range whose values came back whole (Excel can return null for very large ranges). */
function isComplete(range: XlRange): boolean {
  const values = range.values as unknown;
  return Array.isArray(values) && values.length === range.rowCount && (values.length === 0 || (Array.isArray(values[0]) && values[0].length === range.columnCount));
}

function extentOf(name: string, sheet: XlWorksheet, used: XlRange): Extent {
  return { name, sheet, firstRow: used.rowIndex, endRow: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
}

/** A used range's values placed from A1 (blank rows and columns before it), trimmed as every adapter reads. */
function fromA1(values: readonly (readonly RawCell[])[], rowIndex: number, columnIndex: number): SheetValues {
  const pad = new Array<RawCell>(columnIndex).fill('');
  const grid: RawCell[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) grid.push(columnIndex > 0 ? [...pad, ...row] : [...row]);
  return trimmedGrid(grid);
}
