/**
 * The Mapping panel's engine part (docs/PRODUCT.md, "Who uses it and how", step 3; docs/REPORTS.md, "Joining"):
 * creates the Mapping sheet pre-filled with every SKU the reports have and the mapping does not, or
 * appends those SKUs to the user's existing Mapping sheet, each with the join's suggested Master SKU
 * (same ASIN, same title, similar SKU) and a note saying why.
 *
 * Pure: it reads an ImportResult and the existing sheet's cells and returns a SheetSpec. Report text
 * (SKUs, titles) goes into the spec as strings, which SheetSpec adapters always write as literal text,
 * never as formulas. An existing sheet's rows are never changed: new rows are appended under its own
 * header, in its own column order.
 */
import { CHANNELS, type Channel, type MappingSuggestion } from '../model';
import type { CellValue, SheetSpec } from '../sheets/spec';
import { range, sheetSpec } from '../sheets/table';
import { findHeaderRow, matchKind, normalizeHeader } from './detect';
import type { ImportResult } from './import';
import { MAPPING_SKU_COLUMNS } from './join';
import { KINDS, type KindSpec } from './kinds';
import type { RawCell, RawGrid } from './types';
import { parseText } from './values/text';

/** The trailing column that says why a row was added: "perhaps KIT-0003 (same title)", or a new SKU. */
export const SUGGESTION_HEADER = 'Suggested by Lumive';
/** The note of an added row without a suggestion: its Master SKU is its own SKU until the user says otherwise. */
export const NEW_SKU_NOTE = 'new SKU: check the Master SKU';

/** One column per channel that has its own mapping column ("Amazon KSA SKU" …), in channel order. */
const CHANNEL_SKU_HEADERS: readonly string[] = CHANNELS.flatMap((c) => MAPPING_SKU_COLUMNS.filter(([, channels]) => channels.length === 1 && channels[0].id === c.id).map(([, , header]) => header));

/** The header of a Mapping sheet Lumive creates: the demo's columns, then the suggestion note. */
export const MAPPING_SHEET_HEADER: readonly string[] = [
  'Master SKU',
  ...CHANNEL_SKU_HEADERS,
  'ASIN',
  'Title',
  'Cost Price',
  'Selling Price',
  'Case Pack',
  'MOQ',
  'Lead Time Days',
  'Supplier',
  SUGGESTION_HEADER,
];

export interface MappingPlan {
  /**
   * The spec to write: mode 'replace' (header + rows) when there is no mapping sheet yet; mode 'append'
   * with only the new rows when one exists. Role 'input', visibility 'visible'. Null when an existing
   * mapping needs no new rows.
   */
  readonly spec: SheetSpec | null;
  /** The sheet written or to write. */
  readonly sheet: string;
  /** True when the plan writes the whole sheet (no mapping sheet yet, or an empty one). */
  readonly created: boolean;
  /** Rows added. */
  readonly added: number;
  /** Distinct channel SKUs found in the reports that the mapping does not map (before this plan). */
  readonly unmapped: number;
  /** Of the added rows, how many carry a suggested Master SKU (rather than their own SKU). */
  readonly suggested: number;
}

/** One unmapped SKU: the provisional positions of one provisional Master SKU, across channels. */
interface Unmapped {
  /** The provisional Master SKU: the channel SKU itself, or the ASIN when the rows had no SKU. */
  readonly key: string;
  /** The channel SKU; null when only an ASIN identifies the product. */
  readonly sku: string | null;
  /** Channels it was found on, in CHANNELS order. */
  readonly channels: Channel[];
  asin: string | null;
  title: string | null;
  suggestion: MappingSuggestion | null;
}

const channelOrder = (c: Channel) => {
  const i = CHANNELS.findIndex((x) => x.id === c.id);
  return i < 0 ? CHANNELS.length : i;
};

/**
 * The unmapped SKUs of an import, sorted by SKU. A provisional position with neither a SKU nor an ASIN
 * ("(no SKU)") cannot be mapped by any sheet and is left out.
 */
function unmappedSkus(result: ImportResult): Unmapped[] {
  const groups = new Map<string, Unmapped>();
  const provisional = result.positions.filter((p) => p.provisional && (p.channelSkus.length > 0 || p.asin !== null));
  provisional.sort((a, b) => channelOrder(a.channel) - channelOrder(b.channel));
  for (const p of provisional) {
    let g = groups.get(p.masterSku);
    if (!g) groups.set(p.masterSku, (g = { key: p.masterSku, sku: p.channelSkus[0] ?? null, channels: [], asin: null, title: null, suggestion: null }));
    if (!g.channels.some((c) => c.id === p.channel.id)) g.channels.push(p.channel);
    g.asin ??= p.asin;
    g.title ??= p.title;
    g.suggestion ??= p.suggestion ?? null;
  }
  return [...groups.values()].sort((a, b) => compare(a.key, b.key));
}

/** Code-unit order: the same on every host and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How many distinct channel SKUs the reports have that the mapping does not map (the provisional
 * positions' SKUs; a SKU unmapped on two channels counts once, since one mapping row maps it).
 */
export function unmappedCount(result: ImportResult): number {
  return unmappedSkus(result).length;
}

const MAPPING_SPEC = KINDS.find((k) => k.kind === 'mapping') as KindSpec;

/** Where a mapping sheet's fields are: field → column index, the note column, and the row width. */
interface Layout {
  readonly width: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly note: number | null;
}

function layoutOf(header: readonly RawCell[]): Layout {
  const match = matchKind(MAPPING_SPEC, header);
  const suggestion = normalizeHeader(SUGGESTION_HEADER);
  const note = header.findIndex((h) => normalizeHeader(h) === suggestion);
  return { width: header.length, columns: new Map(match.columns.map((c) => [c.field, c.index])), note: note < 0 ? null : note };
}

/** The column a channel's SKU goes in: its own column, else its marketplace's, else a plain "SKU" column. */
function skuColumn(layout: Layout, channel: Channel): number | undefined {
  for (const [field, channels] of MAPPING_SKU_COLUMNS) {
    if (layout.columns.has(field) && channels.some((c) => c.id === channel.id)) return layout.columns.get(field);
  }
  return undefined;
}

/** What an existing mapping sheet already lists: channel SKUs per channel, Master SKUs, ASINs / FNSKUs. */
interface Listed {
  readonly byChannel: ReadonlyMap<string, ReadonlySet<string>>;
  readonly masters: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

function listedIn(grid: RawGrid, headerRow: number, layout: Layout): Listed {
  const byChannel = new Map<string, Set<string>>(CHANNELS.map((c) => [c.id, new Set<string>()]));
  const masters = new Set<string>();
  const ids = new Set<string>();
  const text = (row: readonly RawCell[], field: string): string | null => {
    const i = layout.columns.get(field);
    return i === undefined ? null : parseText(row[i]);
  };
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const master = text(row, 'masterSku');
    if (master) masters.add(master);
    for (const [field, channels] of MAPPING_SKU_COLUMNS) {
      const sku = text(row, field);
      if (sku) for (const c of channels) byChannel.get(c.id)?.add(sku);
    }
    for (const field of ['asin', 'fnsku']) {
      const id = text(row, field);
      if (id) ids.add(id);
    }
  }
  return { byChannel, masters, ids };
}

interface Row {
  readonly master: string;
  readonly key: string;
  readonly cells: CellValue[];
  readonly suggested: boolean;
}

/**
 * The row that maps one unmapped SKU on the given channels, laid out under `layout`; null when the
 * sheet has no column that could map it. The Master SKU is the suggestion when there is one and the SKU
 * has a column to go in on every channel; otherwise the SKU itself (a Master SKU equal to the channel
 * SKU maps it on every channel, even without a channel column).
 */
function rowFor(g: Unmapped, channels: readonly Channel[], layout: Layout): Row | null {
  const cells = new Array<CellValue>(layout.width).fill(null);
  let placed = true;
  if (g.sku !== null) {
    for (const c of channels) {
      const i = skuColumn(layout, c);
      if (i === undefined) placed = false;
      else cells[i] = g.sku;
    }
  } else if (!layout.columns.has('asin')) return null; // only an ASIN identifies it, and there is nowhere to put it
  const suggested = g.suggestion !== null && placed;
  const master = suggested && g.suggestion ? g.suggestion.masterSku : g.key;
  const put = (field: string, value: string | null) => {
    const i = layout.columns.get(field);
    if (i !== undefined && value !== null) cells[i] = value;
  };
  put('masterSku', master);
  put('asin', g.asin);
  put('title', g.title);
  if (layout.note !== null) cells[layout.note] = g.suggestion ? `perhaps ${g.suggestion.masterSku} (${g.suggestion.reason})` : NEW_SKU_NOTE;
  return { master, key: g.key, cells, suggested };
}

const byMaster = (a: Row, b: Row) => compare(a.master, b.master) || compare(a.key, b.key);

const isBlankGrid = (grid: RawGrid) => grid.every((row) => (row ?? []).every((c) => parseText(c) === null));

/**
 * Plans the Mapping sheet: a new one (header and one row per unmapped SKU) when `existing` is null or
 * empty, else the rows to append to `existing` for the SKUs it does not list yet on their channels.
 * Throws when `existing` has content but no Master SKU column in its first 20 rows (not a mapping sheet).
 */
export function planMapping(result: ImportResult, existing: { readonly name: string; readonly grid: RawGrid } | null, defaultName = 'Mapping'): MappingPlan {
  const unmapped = unmappedSkus(result);
  if (existing === null || isBlankGrid(existing.grid)) {
    const name = existing?.name ?? defaultName;
    const layout = layoutOf(MAPPING_SHEET_HEADER);
    const rows = unmapped.flatMap((g) => rowFor(g, g.channels, layout) ?? []).sort(byMaster);
    const spec = sheetSpec(name, [MAPPING_SHEET_HEADER, ...rows.map((r) => r.cells)], {
      role: 'input',
      visibility: 'visible',
      mode: 'replace',
      styles: [{ range: range(0, 0, 1, MAPPING_SHEET_HEADER.length), style: 'header' }],
      freeze: { rows: 1, columns: 0 },
      columnWidths: MAPPING_SHEET_HEADER.map((h) => (h === 'Title' ? 40 : h === SUGGESTION_HEADER ? 36 : Math.max(12, h.length + 2))),
    });
    return { spec, sheet: name, created: true, added: rows.length, unmapped: unmapped.length, suggested: rows.filter((r) => r.suggested).length };
  }

  const { name, grid } = existing;
  const headerRow = findHeaderRow(grid);
  const layout = headerRow === null ? null : layoutOf(grid[headerRow] ?? []);
  if (headerRow === null || layout === null || !layout.columns.has('masterSku')) {
    throw new Error(`"${name}" is not a mapping sheet: no header with a Master SKU column in its first 20 rows`);
  }
  const listed = listedIn(grid, headerRow, layout);
  const rows: Row[] = [];
  for (const g of unmapped) {
    const sku = g.sku;
    let channels: Channel[];
    if (sku !== null) {
      // A SKU that is a Master SKU maps on every channel; otherwise only where its channel's columns list it.
      channels = listed.masters.has(sku) ? [] : g.channels.filter((c) => !listed.byChannel.get(c.id)?.has(sku));
    } else channels = g.asin !== null && listed.ids.has(g.asin) ? [] : g.channels;
    if (channels.length === 0) continue;
    const row = rowFor(g, channels, layout);
    if (row) rows.push(row);
  }
  rows.sort(byMaster);
  const spec = rows.length === 0 ? null : sheetSpec(name, rows.map((r) => r.cells), { role: 'input', visibility: 'visible', mode: 'append' });
  return { spec, sheet: name, created: false, added: rows.length, unmapped: unmapped.length, suggested: rows.filter((r) => r.suggested).length };
}
