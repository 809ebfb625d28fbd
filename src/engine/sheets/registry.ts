/**
 * The sheet registry: a hidden state sheet listing the sheets Lumive created (id, name). Lumive
 * rewrites only sheets in it; a user's sheet with the name Lumive wants is never overwritten: the
 * output goes to "<name> (Lumive)" (then "(Lumive 2)" …) and the registry remembers that choice.
 *
 * The registry is not trusted alone (trustRegistry): a workbook can carry a registry that lists a
 * user's sheet (a hostile or damaged file, a registry copied from another workbook). A listed sheet is
 * Lumive's only when its content says so too: it begins with what Lumive writes at the top of that
 * sheet (SHEET_SIGNATURES: the title and the table header of an output sheet, the header row of the
 * approval log and of the history). Any other listed sheet is the user's: read as an input, never
 * written, and reported.
 */
import { HISTORY_HEADER, historyName, historyPart } from '../history/history';
import { issueAt, type ImportIssue, type RawCell, type RawGrid } from '../ingest/types';
import { problemOf } from '../problems';
import { LOG_HEADER } from '../recommend/approvals';
import type { SheetSpec } from './spec';
import { OUTPUT_SHEETS, REGISTRY_SHEET } from './names';
import { sheetSpec } from './table';

export const REGISTRY_SIGNATURE = 'Lumive sheet registry v1: do not edit';
/** Excel's limit on sheet names. */
const MAX_NAME = 31;

export type Registry = ReadonlyMap<string, string>;

/** Ids → sheet names from the registry sheet's grid; empty when the grid is not a registry. */
export function readRegistry(grid: RawGrid | undefined): Map<string, string> {
  const registry = new Map<string, string>();
  if (!grid || String(grid[0]?.[0] ?? '') !== REGISTRY_SIGNATURE) return registry;
  for (let r = 2; r < grid.length; r++) {
    const id = String(grid[r]?.[0] ?? '').trim();
    const name = String(grid[r]?.[1] ?? '').trim();
    if (id && name) registry.set(id, name);
  }
  return registry;
}

/** The registry sheet is ours when its first cell carries the signature (or it does not exist yet). */
export function isRegistryGrid(grid: RawGrid | undefined): boolean {
  return grid === undefined || String(grid[0]?.[0] ?? '') === REGISTRY_SIGNATURE;
}

function candidate(wanted: string, n: number): string {
  const suffix = n === 1 ? ' (Lumive)' : ` (Lumive ${n})`;
  return wanted.slice(0, MAX_NAME - suffix.length) + suffix;
}

/**
 * The name each id is written under: its registered name, else the wanted name when no sheet has it
 * (compared case-insensitively, as Excel does), else the first free "(Lumive n)" variant.
 */
export function planNames(
  wanted: ReadonlyMap<string, string>,
  registry: Registry,
  existing: readonly string[],
): Map<string, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const ours = new Set([...registry.values()].map((n) => n.toLowerCase()));
  const plan = new Map<string, string>();
  const claimed = new Set<string>();
  for (const [id, name] of registry) {
    if (wanted.has(id)) {
      plan.set(id, name);
      claimed.add(name.toLowerCase());
    }
  }
  for (const [id, name] of wanted) {
    if (plan.has(id)) continue;
    let pick = name;
    for (let n = 1; (taken.has(pick.toLowerCase()) && !ours.has(pick.toLowerCase())) || claimed.has(pick.toLowerCase()); n++) pick = candidate(name, n);
    plan.set(id, pick);
    claimed.add(pick.toLowerCase());
  }
  return plan;
}

export function registrySheet(plan: ReadonlyMap<string, string>, writtenAt: string, name = REGISTRY_SHEET): SheetSpec {
  const rows = [[REGISTRY_SIGNATURE], ['Sheet Id', 'Sheet Name', 'Written At'], ...[...plan].map(([id, n]) => [id, n, writtenAt])];
  return sheetSpec(name, rows, { role: 'state', visibility: 'veryHidden' });
}

/**
 * What Lumive writes at the top of each sheet it registers, by registry id: the title in A1 starts
 * with `title`, and a row among the first SIGNATURE_ROWS starts with `header` (the table's first
 * column headers; for the approval log its whole header row, in row 1). Taken from the sheets' specs:
 * recommendation-sheets.ts (urgent, reorder, rebalance, liquidation, stranded), document-sheets.ts
 * (purchase orders, shipments), summary-sheet.ts,
 * health-sheet.ts, cross-channel-sheet.ts, forecast-sheet.ts, trends-sheet.ts, data-issues-sheet.ts,
 * settings-sheet.ts, approval-log-sheet.ts (test/app/registry-trust.test.ts checks every sheet Analyze
 * writes against them). History sheets ("history", "history-2" …): row 1 holds the columns readHistory
 * needs (Date, Period, Source, Master SKU, Channel), in any order.
 */
export const SHEET_SIGNATURES: Readonly<Record<keyof typeof OUTPUT_SHEETS, { readonly title?: string; readonly header: readonly string[] }>> = {
  urgent: { title: 'Urgent actions: ', header: ['Priority', 'Master SKU'] },
  summary: { title: 'Lumive summary: ', header: ['Headline', 'Value'] },
  health: { title: 'Health: ', header: ['Master SKU', 'Channel'] },
  reorder: { title: 'Reorder: ', header: ['Master SKU', 'Channel'] },
  rebalance: { title: 'Rebalance: ', header: ['Master SKU', 'From'] },
  liquidation: { title: 'Liquidation: ', header: ['Master SKU', 'Channel'] },
  purchaseOrders: { title: 'Purchase orders: ', header: ['PO Number', 'Supplier'] },
  shipments: { title: 'Shipments: ', header: ['Route', 'From'] },
  crossChannel: { title: 'Cross-channel view: ', header: ['Master SKU', 'Title'] },
  stranded: { title: 'Stranded and unfulfillable stock: ', header: ['Master SKU', 'Channel'] },
  forecast: { title: 'Forecast: ', header: ['Master SKU', 'Channel'] },
  trends: { title: 'Trends: ', header: ['Master SKU', 'Channel'] },
  dataIssues: { title: 'Data issues: ', header: ['Sheet', 'Row'] },
  settings: { title: 'Lumive settings: ', header: ['Key', 'Setting'] },
  events: { title: 'Lumive events: ', header: ['Event', 'Country'] },
  approvalLog: { header: LOG_HEADER },
};

/** Rows searched for an output sheet's table header (its title and summary block come first). */
export const SIGNATURE_ROWS = 50;

/** The history columns readHistory cannot do without. */
const HISTORY_REQUIRED: readonly string[] = HISTORY_HEADER.slice(0, 5);

const text = (c: RawCell | undefined): string => (c === null || c === undefined ? '' : String(c).trim().toLowerCase());

const startsWith = (row: readonly RawCell[] | undefined, cells: readonly string[]): boolean =>
  row !== undefined && cells.every((h, j) => text(row[j]) === h.toLowerCase());

/**
 * The sheet's content is what Lumive writes on the sheet registered as `id` (see SHEET_SIGNATURES);
 * false for an id Lumive does not register, and for an empty sheet (Lumive never writes one).
 */
export function isLumiveContent(id: string, grid: RawGrid | undefined): boolean {
  if (!grid || grid.length === 0) return false;
  if (historyPart(id) !== null) {
    const header = new Set((grid[0] ?? []).map(text));
    return HISTORY_REQUIRED.every((h) => header.has(h.toLowerCase()));
  }
  const signature = (SHEET_SIGNATURES as Readonly<Record<string, { readonly title?: string; readonly header: readonly string[] }>>)[id];
  if (!signature) return false;
  if (signature.title === undefined) return startsWith(grid[0], signature.header);
  const title = grid[0]?.[0];
  if (typeof title !== 'string' || !title.trim().toLowerCase().startsWith(signature.title.trim().toLowerCase())) return false;
  for (let r = 1; r < Math.min(grid.length, SIGNATURE_ROWS); r++) if (startsWith(grid[r], signature.header)) return true;
  return false;
}

/**
 * `name` is the name Lumive gives sheet `id`: its output name (names.ts) or a conflict-free variant of
 * it ("Health (Lumive)", "Health (Lumive 2)"), compared case-insensitively.
 */
export function isOwnName(id: string, name: string): boolean {
  const wanted = (OUTPUT_SHEETS as Readonly<Record<string, string>>)[id];
  if (wanted === undefined) return false;
  const n = name.toLowerCase();
  if (n === wanted.toLowerCase()) return true;
  const m = / \(lumive(?: (\d+))?\)$/.exec(n);
  if (!m) return false;
  const k = m[1] === undefined ? 1 : Number(m[1]);
  return k >= 1 && candidate(wanted, k).toLowerCase() === n;
}

/** A registry entry whose sheet's content is not Lumive's. */
export interface RejectedEntry {
  readonly id: string;
  readonly name: string;
}

/**
 * The registry entries Lumive can trust, and those it cannot. An entry is trusted when its sheet
 *   - does not exist (nothing of the user's can be overwritten; the name stays Lumive's), or
 *   - was read (is in `grids`) and its content is Lumive's for that id (isLumiveContent), or
 *   - was not read (a result sheet a re-run does not read back), `byName` is true and the sheet has the
 *     name Lumive gives that id (isOwnName).
 * `unread` lists the registered sheets that exist, were not read and could not be trusted by name: the
 * caller reads them and asks again (with byName false once any entry was rejected, so every listed sheet
 * is judged by its content). Until then they count as rejected. `existing` are the workbook's sheet
 * names; names compare case-insensitively, as in Excel.
 */
export function trustRegistry(
  registry: Registry,
  grids: ReadonlyMap<string, readonly (readonly RawCell[])[]>,
  existing: readonly string[],
  byName = true,
): { readonly registry: Map<string, string>; readonly rejected: RejectedEntry[]; readonly unread: string[] } {
  const sheets = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const read = new Map([...grids].map(([n, g]) => [n.toLowerCase(), g]));
  const trusted = new Map<string, string>();
  const rejected: RejectedEntry[] = [];
  const unread = new Set<string>();
  for (const [id, name] of registry) {
    const sheet = sheets.get(name.toLowerCase());
    const grid = read.get(name.toLowerCase());
    if (sheet === undefined || (grid === undefined && byName && isOwnName(id, name)) || (grid !== undefined && isLumiveContent(id, grid as RawGrid))) {
      trusted.set(id, name);
      continue;
    }
    if (grid === undefined) unread.add(sheet);
    rejected.push({ id, name: sheet });
  }
  return { registry: trusted, rejected, unread: [...unread] };
}

/** The sheet Lumive registers as `id`, by its usual name ("Health", "Lumive History 2"). */
function sheetLabel(id: string): string {
  const part = historyPart(id);
  return part !== null ? historyName(part) : ((OUTPUT_SHEETS as Readonly<Record<string, string>>)[id] ?? id);
}

/**
 * Data Issues for the rejected entries (trustRegistry), one per sheet. `trusted` is the trusted
 * registry: a sheet another entry rightly lists is Lumive's after all (only the wrong entry is
 * dropped); `ours` (lower-cased names) are Lumive's own sheets besides the registry's entries (the
 * registry and sources sheets), about which nothing is said.
 */
export function registryIssues(rejected: readonly RejectedEntry[], trusted: Registry, ours: ReadonlySet<string> = new Set()): ImportIssue[] {
  const owner = new Map([...trusted].map(([id, n]) => [n.toLowerCase(), id]));
  const bySheet = new Map<string, { name: string; ids: string[] }>();
  for (const { id, name } of rejected) {
    const key = name.toLowerCase();
    if (ours.has(key)) continue;
    const entry = bySheet.get(key) ?? { name, ids: [] };
    entry.ids.push(id);
    bySheet.set(key, entry);
  }
  return [...bySheet.entries()].map(([key, { name, ids }]) => {
    const listed = ids.map(sheetLabel);
    const other = owner.get(key);
    const problem =
      other === undefined ? problemOf('registry.not-lumive-content', { sheet: name, listed }) : problemOf('registry.held-by-other', { sheet: name, listed, holds: sheetLabel(other) });
    return issueAt({ source: name, row: null, column: null, value: null }, problem, false);
  });
}
