/**
 * Joins parsed reports through the mapping into positions: one Master SKU on one channel
 * (docs/REPORTS.md, "Joining"; docs/FORMULAS.md, "Stock" and "Demand").
 *
 * - Amazon rows join by SKU, then ASIN / FNSKU; noon rows by partner SKU, then PSKU.
 * - Duplicate SKUs within a report are summed and reported.
 * - Unmapped SKUs become provisional positions under their own SKU and are reported with the best
 *   mapping suggestion (same ASIN, same title, similar SKU).
 * - The same units are never counted twice: per channel, stock comes from the most detailed stock
 *   report present (Manage FBA Inventory, then the planning report, then Restock; noon stock) and
 *   sales from the most direct sales report present (Business Report, then All Orders, then Restock's
 *   30-day units, then the planning report's units-shipped-t30; noon sales). Never add
 *   afn-warehouse-quantity or afn-total-quantity to their parts.
 * - noon sales count rows whose status is not Cancelled (one row = one unit); All Orders skip
 *   cancelled orders. Dated sales also give units and revenue per calendar month (history).
 * - Customer returns come from Amazon's FBA customer returns report: every row is a return of
 *   `quantity` units (1 when blank) of its SKU, counted in `returned` and, by the calendar month of its
 *   return-date, in `returnsByMonth`. Like the stranded and reserved reports, a returns row joins (or
 *   creates) its SKU's position. Returns are not taken off `sold`: the sales reports count orders, and
 *   net demand (metrics/returns.ts) is planned from both. noon's sales export has no return status in
 *   what we have seen (the sample export: Processing, Delivered; docs/REPORTS.md and the demo: Shipped,
 *   Cancelled), so noon sales are left as they are and noon positions show no returns.
 */
import { CHANNELS, Channel, DEFAULT_SETTINGS, type MappingSuggestion, type Position } from '../model';
import { countryColumns, rowCountry } from './channel';
import type { ReportKind } from './kinds';
import type { ParsedReport, ReportRecord } from './read-report';
import { numberAt, RecordTable, textAt, type TextColumn as Column } from './records';
import { issueAt, type ImportIssue } from './types';
import { DAY_MS } from '../calendar';
import { problemOf, say } from '../problems';
import { ATTACHED, attachImported } from './join-attached';
import { idColumns, MappingIndex } from './join-mapping';
import { ByChannel, newPosition } from './join-position';
import { AMAZON_ROWS } from './join-readers-amazon';
import { NOON_ROWS } from './join-readers-noon';
import { addDays, channelOf, dayOf, hasCountryColumn, monthFromName, nonNegative, type ReportScope, type RowReader } from './join-rows';

export { MAPPING_SKU_COLUMNS } from './join-mapping';
export { repriced } from './join-position';
export { monthFromName } from './join-rows';
export { noonStockUse } from './join-readers-noon';

/** A report ready to join: parsed, with its channel decided (null for mapping, PO history, warehouse). */
export interface JoinInput {
  readonly report: ParsedReport;
  readonly channel: Channel | null;
}

export interface JoinResult {
  readonly positions: Position[];
  /** Own-warehouse stock by Master SKU. */
  readonly warehouseStock: ReadonlyMap<string, number>;
  readonly poRecords: readonly ReportRecord[];
  /** Per channel id, the first and last moment (ms) of its dated sales; absent without dated sales. */
  readonly salesSpans: ReadonlyMap<string, { readonly from: number; readonly to: number }>;
  readonly issues: ImportIssue[];
}

export interface JoinOptions {
  readonly periodDays?: number;
}


/** Stock kinds per marketplace, most detailed first. */
const STOCK_PRIORITY: readonly ReportKind[] = ['amazon-inventory', 'amazon-inventory-age', 'amazon-restock', 'noon-stock'];
/** Kinds with one row per SKU: a second row for the same SKU is a duplicate (summed and reported). */
const SUMMED_KINDS: ReadonlySet<ReportKind> = new Set<ReportKind>([
  'amazon-inventory',
  'amazon-inventory-age',
  'amazon-restock',
  'noon-stock',
  'amazon-business-report',
  'amazon-stranded',
  'amazon-reserved',
]);
/** Sales kinds, most direct first. */
const SALES_PRIORITY: readonly ReportKind[] = ['amazon-business-report', 'amazon-orders', 'amazon-restock', 'amazon-inventory-age', 'noon-sales', 'noon-views-sales'];
/** Sales kinds with dated rows: the period their units cover is the span of their dates, per channel. */
const DATED_SALES: ReadonlySet<ReportKind> = new Set<ReportKind>(['amazon-orders', 'noon-sales', 'noon-views-sales']);

export function joinReports(inputs: readonly JoinInput[], options: JoinOptions = {}): JoinResult {
  const periodDays = options.periodDays ?? DEFAULT_SETTINGS.periodDays;
  const issues: ImportIssue[] = [];
  const mapping = new MappingIndex(
    inputs.filter((i) => i.report.kind === 'mapping').map((i) => i.report),
    issues,
  );
  mapping.learnFromIds(inputs);
  // Positions by channel and Master SKU, and in the order they were made (the sheets' row order).
  const positions = new ByChannel<Position>();
  const positionList: Position[] = [];
  const warehouseStock = new Map<string, number>();
  const poRecords: ReportRecord[] = [];
  const salesSpans = new Map<string, { from: number; to: number }>();

  // Which kind gives stock and which gives sales, per channel.
  const kindsPerChannel = new Map<string, Set<ReportKind>>();
  for (const { report, channel } of inputs) {
    if (!channel || !report.kind) continue;
    let set = kindsPerChannel.get(channel.id);
    if (!set) kindsPerChannel.set(channel.id, (set = new Set()));
    set.add(report.kind);
  }
  const firstPresent = (channel: Channel, order: readonly ReportKind[]) => order.find((k) => kindsPerChannel.get(channel.id)?.has(k)) ?? null;

  const position = (master: string, channel: Channel, provisional: boolean, sku: string | null): Position => {
    let p = positions.get(channel.id, master);
    if (!p) {
      p = newPosition(master, channel, provisional, mapping.masters.get(master), periodDays, sku);
      positions.set(channel.id, master, p);
      positionList.push(p);
    } else if (sku && !p.channelSkus.includes(sku)) p.channelSkus.push(sku);
    return p;
  };

  // Business Reports carry no dates: each covers one period (periodDays), so several of them for a
  // channel (one per month) cover that many periods.
  const businessReports = new Map<string, number>();
  for (const { report, channel } of inputs) {
    if (channel && report.kind === 'amazon-business-report') businessReports.set(channel.id, (businessReports.get(channel.id) ?? 0) + 1);
  }

  // The days noon's sales export covers, per channel: Product views & sales rows of those days are
  // not counted again (the export, one row per unit with its status, is the more detailed of the two).
  const exportDays = new Map<string, { from: number; to: number }>();
  for (const { report, channel } of inputs) {
    if (!channel || report.kind !== 'noon-sales') continue;
    const t = report.records;
    const countries = hasCountryColumn(report) ? countryColumns(t) : [];
    const orderTimestamp = t.numberColumn('orderTimestamp');
    // The first and last day of the rows of the report's own channel, kept here; other rows' at once.
    let from = Infinity;
    let to = -Infinity;
    for (let i = 0; i < t.length; i++) {
      const ms = numberAt(orderTimestamp, i);
      if (ms === null) continue;
      const ch = channelOf(channel, rowCountry(countries, i));
      const day = Math.floor(ms / DAY_MS) * DAY_MS;
      if (ch === channel) {
        from = Math.min(from, day);
        to = Math.max(to, day);
      } else addDays(exportDays, ch.id, day, day);
    }
    if (from <= to) addDays(exportDays, channel.id, from, to);
  }
  // Per channel id: Product views & sales rows counted and rows of days the export already covers.
  const viewsRows = new Map<string, { source: string; counted: number; covered: number }>();
  // Positions by channel and Amazon ASIN / FNSKU seen on their rows: how a fee or ledger row without a
  // mapped SKU finds its position (kept only when there is such a report).
  const byId = new ByChannel<Position>();
  const attaching = inputs.some(({ report, channel }) => channel && report.kind && ATTACHED.has(report.kind));
  const unknownTypes = new Map<string, { source: string; row: number; units: number }>();

  for (const { report, channel } of inputs) {
    const kind = report.kind;
    if (!kind || kind === 'mapping' || ATTACHED.has(kind)) continue;
    const t = report.records;
    if (kind === 'warehouse-stock') {
      const masterSku = t.textColumn('masterSku');
      const quantity = t.numberColumn('quantity');
      for (let i = 0; i < t.length; i++) {
        const master = textAt(masterSku, i) as string;
        const qty = nonNegative(report, issues, t.rows[i], 'quantity', numberAt(quantity, i));
        warehouseStock.set(master, (warehouseStock.get(master) ?? 0) + qty);
      }
      continue;
    }
    if (kind === 'po-history') {
      poRecords.push(...report.records);
      continue;
    }
    if (!channel) continue; // reported by the caller: the user must choose the channel

    const stockKind = firstPresent(channel, STOCK_PRIORITY);
    const salesKind = firstPresent(channel, SALES_PRIORITY);
    const spans = { min: Infinity, max: -Infinity };

    // A report without a country-like column skips the per-row check.
    const countries = hasCountryColumn(report) ? countryColumns(t) : [];
    const ids = idColumns(t);
    const rows = t.rows;
    const firstRows = SUMMED_KINDS.has(kind) ? new FirstRows(t) : null;
    const scope: ReportScope = {
      report,
      table: t,
      kind,
      stockKind,
      salesKind,
      issues,
      periodDays,
      businessReports,
      reportMonth: kind === 'amazon-business-report' ? monthFromName(report.source) : null,
      spans,
      exportDays,
      viewsRows,
      unknownTypes,
    };
    const read = ROWS[kind]?.(scope);
    // The position of each SKU the mapping resolved by SKU, per row channel: the same for every row of
    // that SKU, so its later rows take it in one lookup instead of resolving it again. (A SKU resolved
    // by its row's ASIN or PSKU, or not at all, is resolved row by row: another row may carry other ids.)
    // Not kept for a report of one row per SKU, where hardly a later row would take it.
    const bySku = firstRows ? null : new ByChannel<Position>();
    for (let i = 0; i < t.length; i++) {
      const ch = countries.length > 0 ? channelOf(channel, rowCountry(countries, i)) : channel;
      const sku = textAt(ids.sku, i);
      let p = sku && bySku ? bySku.get(ch.id, sku) : undefined;
      if (p === undefined) {
        const mapped = sku ? mapping.resolveSku(ch, sku) : null;
        let master = mapped ?? mapping.resolveById(ch, ids, i);
        let provisional = false;
        let suggestion: MappingSuggestion | null | undefined; // set when a provisional position is new
        if (!master) {
          master = sku ?? textAt(ids.asin, i) ?? '(no SKU)';
          provisional = true;
          if (positions.get(ch.id, master) === undefined) {
            const found = mapping.masters.size > 0 ? mapping.suggest(textAt(ids.asin, i), textAt(ids.title, i), sku) : null;
            suggestion = found ? { masterSku: found.masterSku, reason: say(found.why) } : null;
            const problem = problemOf('join.unmapped-sku', { sku: master, master: found?.masterSku ?? null, why: found?.why ?? null });
            issues.push(issueAt({ source: report.source, row: rows[i], column: 'SKU', value: master }, problem, false));
          }
        }
        p = position(master, ch, provisional, sku);
        if (suggestion !== undefined) p.suggestion = suggestion;
        if (mapped && bySku) bySku.set(ch.id, sku as string, p);
      }
      if (p.title === null) p.title = textAt(ids.title, i);
      const asin = textAt(ids.asin, i);
      if (p.asin === null) p.asin = asin;
      if (attaching) {
        const fnsku = textAt(ids.fnsku, i);
        if (asin) byId.setNew(ch.id, asin, p);
        if (fnsku) byId.setNew(ch.id, fnsku, p);
      }

      // One row per SKU (per warehouse, condition, inventory type and reason where the report has them).
      if (sku && firstRows) {
        const first = firstRows.first(sku, ch.id, i);
        if (first !== undefined) {
          issues.push(issueAt({ source: report.source, row: rows[i], column: 'SKU', value: sku }, problemOf('join.duplicate-sku', { sku, first }), false));
        }
      }

      read?.(p, i, ch);
    }
    // Dated sales cover the span of their dates, per channel over all its dated sales reports.
    if (spans.max >= spans.min) {
      const known = salesSpans.get(channel.id);
      salesSpans.set(channel.id, known ? { from: Math.min(known.from, spans.min), to: Math.max(known.to, spans.max) } : { from: spans.min, to: spans.max });
    }
  }
  // Dated sales cover their channel's span (whole days, at least one).
  for (const p of positionList) {
    const span = p.salesFrom && DATED_SALES.has(p.salesFrom) ? salesSpans.get(p.channel.id) : undefined;
    if (span) {
      p.periodDays = Math.max(1, Math.ceil((span.to - span.from) / DAY_MS));
      p.salesTo = dayOf(span.to);
    }
  }
  for (const [key, t] of unknownTypes) {
    const type = key.slice(key.indexOf('\u0000') + 1);
    issues.push(issueAt({ source: t.source, row: t.row, column: 'inventory_type', value: type }, problemOf('join.unknown-inventory-type', { type, units: t.units }), false));
  }
  for (const [channelId, t] of viewsRows) {
    const label = CHANNELS.find((c) => c.id === channelId)?.label ?? channelId;
    const covered = exportDays.get(channelId);
    if (!covered || t.covered === 0) continue;
    const problem = problemOf('join.views-covered-by-export', { channel: label, from: dayOf(covered.from), to: dayOf(covered.to), covered: t.covered, counted: t.counted });
    issues.push(issueAt({ source: t.source, row: null, column: null, value: null }, problem, false));
  }
  attachImported(inputs, positions, byId, mapping, kindsPerChannel, issues);
  return { positions: positionList, warehouseStock, poRecords, salesSpans, issues };
}

/** Besides the channel, what tells two rows of one SKU apart in a report of one row per SKU. */
const DUPLICATE_PARTS: readonly string[] = ['warehouseCondition', 'warehouseCode', 'inventoryType', 'reasonCode'];

/**
 * The first row of each SKU in a report of one row per SKU, per channel and per warehouse condition,
 * warehouse, inventory type and reason where the report has those columns: a later row of the same is
 * a duplicate. Kept by channel, by those values, then by SKU, so that a row looks up the SKU string the
 * report holds (its hash kept with it) instead of building and hashing a key of all six parts. A column
 * the report lacks is blank on all its rows and is left out of the group; several present are joined
 * with U+0000 as that one key joined them.
 */
class FirstRows {
  private readonly parts: readonly Column[];
  private readonly groups = new Map<string, Map<string, Map<string, number>>>();

  constructor(private readonly table: RecordTable) {
    this.parts = DUPLICATE_PARTS.flatMap((field) => {
      const column = table.textColumn(field);
      return column ? [column] : [];
    });
  }

  /** The row number of the first row of row `i`'s SKU and group; undefined when row `i` is that first row. */
  first(sku: string, channelId: string, i: number): number | undefined {
    let byGroup = this.groups.get(channelId);
    if (!byGroup) this.groups.set(channelId, (byGroup = new Map()));
    const group = this.group(i);
    let bySku = byGroup.get(group);
    if (!bySku) byGroup.set(group, (bySku = new Map()));
    const first = bySku.get(sku);
    if (first === undefined) bySku.set(sku, this.table.rows[i]);
    return first;
  }

  private group(i: number): string {
    const parts = this.parts;
    if (parts.length === 0) return '';
    let key = parts[0].at(i) ?? '';
    for (let k = 1; k < parts.length; k++) key += `\u0000${parts[k].at(i) ?? ''}`;
    return key;
  }
}

/**
 * What each kind's rows add to their position: a new kind is one entry. An entry is called once per
 * report: it looks up the columns it reads and gives the reader of one row (none when the report's
 * rows add nothing, as a stock report that is not the channel's stock source). Stock comes only from the
 * channel's `stockKind` and sales only from its `salesKind` (STOCK_PRIORITY, SALES_PRIORITY), so the
 * same units are never counted twice.
 */
const ROWS: Partial<Record<ReportKind, (r: ReportScope) => RowReader | undefined>> = { ...AMAZON_ROWS, ...NOON_ROWS };
