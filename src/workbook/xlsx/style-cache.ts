/**
 * Shared cell styles for exceljs. exceljs serializes a cell's style to XML on save unless it has seen
 * that very style object before (a WeakMap by identity), and its setters (`cell.numFmt = …`) mutate
 * a per-cell object, so styling a column of 100,000 cells one by one costs 100,000 serializations.
 * Here every styling step maps (previous shared style, change) to one shared, never-mutated object,
 * so a column shares a handful of style objects and saving stays linear and cheap.
 *
 * Cells must be styled only through `restyle` (never through exceljs's per-property setters), or the
 * shared objects would be mutated. A cell that arrives with a style of its own (a loaded workbook)
 * gets a private copy instead.
 */
import type ExcelJS from 'exceljs';

type Style = Partial<ExcelJS.Style>;

export class StyleCache {
  private readonly base: Style = {};
  private readonly shared = new WeakSet<Style>([this.base]);
  private readonly next = new WeakMap<Style, Map<string, Style>>();

  /** Gives `cell` the style `change(previous)`, shared by every cell that took the same steps. `key` names the change. */
  restyle(cell: ExcelJS.Cell, key: string, change: (previous: Style) => Style): void {
    let previous = cell.style as Style;
    if (!this.shared.has(previous)) {
      if (Object.keys(previous).length > 0) {
        cell.style = change({ ...previous }) as ExcelJS.Style;
        return;
      }
      previous = this.base;
    }
    let changes = this.next.get(previous);
    if (!changes) {
      changes = new Map();
      this.next.set(previous, changes);
    }
    let style = changes.get(key);
    if (!style) {
      style = change(previous);
      this.shared.add(style);
      changes.set(key, style);
    }
    cell.style = style as ExcelJS.Style;
  }
}

/**
 * Before a save: points every cell whose style is empty, or only a number format, at one shared
 * object per format (exceljs gives each cell its own object, so each would be serialized on its own).
 * Returns a function that puts the original objects back, since exceljs setters write into them.
 */
export function shareStyles(book: ExcelJS.Workbook): () => void {
  const originals: [ExcelJS.Cell, ExcelJS.Style][] = [];
  const byFormat = new Map<string, ExcelJS.Style>();
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const style = cell.style as ExcelJS.Style;
        const keys = Object.keys(style);
        if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'numFmt')) return;
        const format = keys.length === 0 ? '' : String(style.numFmt);
        const shared = byFormat.get(format);
        if (shared === undefined) byFormat.set(format, style);
        else if (shared !== style) {
          originals.push([cell, style]);
          cell.style = shared;
        }
      });
    });
  }
  return () => {
    for (const [cell, style] of originals) cell.style = style;
  };
}
