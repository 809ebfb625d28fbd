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
import { CHANNELS, Channel, Country, DEFAULT_SETTINGS, type LedgerDay, type MappingSuggestion, type Position, type PositionFees } from '../model';
import { mapAgingColumns } from '../metrics/aging';
import { COUNTRY_FIELDS, countryColumns, rowCountry } from './channel';
import type { ReportKind } from './kinds';
import type { ParsedReport, ReportRecord } from './read-report';
import { numberAt, RecordTable, textAt, type TextColumn as Column } from './records';
import type { ImportIssue } from './types';
import { SimilarIndex } from './similar';
import { DAY_MS, isoDay } from '../calendar';

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
/** Kinds imported per SKU for decisions to come, attached to the positions the stock and sales reports make. */
const ATTACHED: ReadonlySet<ReportKind> = new Set<ReportKind>(['amazon-ledger-summary', 'amazon-ledger-detail', 'amazon-storage-fees', 'amazon-aged-surcharge', 'amazon-fee-preview']);

interface MasterInfo {
  masterSku: string;
  title: string | null;
  cost: number | null;
  price: number | null;
  casePack: number | null;
  moq: number | null;
  leadTimeDays: number | null;
  supplier: string | null;
  supplierCurrency: string | null;
  unitVolume: number | null;
  asin: string | null;
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' ? v : null);
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]+/g, '');

/**
 * Values by channel id, then by a text key (a Master SKU, an ASIN): two lookups of strings the reports
 * already hold, where one composite key would build and hash a new string for every row.
 */
class ByChannel<T> {
  private readonly maps = new Map<string, Map<string, T>>();

  get(channelId: string, key: string): T | undefined {
    return this.maps.get(channelId)?.get(key);
  }

  /** Sets the value unless the key has one already; true when it was set. */
  setNew(channelId: string, key: string, value: T): boolean {
    const map = this.of(channelId);
    if (map.has(key)) return false;
    map.set(key, value);
    return true;
  }

  /** Sets the value of a key that has none (the caller just looked it up): one lookup fewer than setNew. */
  set(channelId: string, key: string, value: T): void {
    this.of(channelId).set(key, value);
  }

  private of(channelId: string): Map<string, T> {
    let map = this.maps.get(channelId);
    if (!map) this.maps.set(channelId, (map = new Map()));
    return map;
  }
}

const only = (id: string) => CHANNELS.filter((c) => c.id === id);
/** Mapping columns that name a channel SKU (field, the channels it applies to, header), most specific first. */
export const MAPPING_SKU_COLUMNS: readonly (readonly [string, readonly Channel[], string])[] = [
  ['amazonKsaSku', only('amazon-ksa'), 'Amazon KSA SKU'],
  ['amazonUaeSku', only('amazon-uae'), 'Amazon UAE SKU'],
  ['noonKsaSku', only('noon-ksa'), 'noon KSA SKU'],
  ['noonUaeSku', only('noon-uae'), 'noon UAE SKU'],
  ['amazonSku', CHANNELS.filter((c) => c.marketplace === 'amazon'), 'Amazon SKU'],
  ['noonSku', CHANNELS.filter((c) => c.marketplace === 'noon'), 'noon SKU'],
  ['sku', CHANNELS, 'SKU'],
];

/** A text column of a report (records.ts), undefined when the report's kind has no such field. */
type TextColumn = Column | undefined;
/** A number or date column of a report (NaN for no value), undefined when the kind has no such field. */
type NumberColumn = Float64Array | undefined;

/**
 * The columns that identify a row's product, looked up once per report: the join's loops read rows by
 * index from them, without a view object per row and a getter per value.
 */
interface IdColumns {
  readonly sku: TextColumn;
  readonly asin: TextColumn;
  readonly fnsku: TextColumn;
  readonly psku: TextColumn;
  readonly noonSku: TextColumn;
  readonly title: TextColumn;
}

function idColumns(table: RecordTable): IdColumns {
  return {
    sku: table.textColumn('sku'),
    asin: table.textColumn('asin'),
    fnsku: table.textColumn('fnsku'),
    psku: table.textColumn('psku'),
    noonSku: table.textColumn('noonSku'),
    title: table.textColumn('title'),
  };
}

/** The mapping: channel SKU (per channel), ASIN/FNSKU and PSKU → Master SKU. */
class MappingIndex {
  readonly masters = new Map<string, MasterInfo>();
  private readonly byChannelSku = new Map<string, Map<string, string>>(CHANNELS.map((c) => [c.id, new Map()]));
  private readonly byAmazonId = new Map<string, string>();
  private readonly byPsku = new Map<string, string>();

  constructor(reports: readonly ParsedReport[], issues: ImportIssue[]) {
    for (const report of reports) this.add(report, issues);
  }

  private add(report: ParsedReport, issues: ImportIssue[]): void {
    const t = report.records;
    const masterSku = t.textColumn('masterSku');
    const title = t.textColumn('title');
    const costPrice = t.numberColumn('costPrice');
    const sellingPrice = t.numberColumn('sellingPrice');
    const casePack = t.numberColumn('casePack');
    const moq = t.numberColumn('moq');
    const leadTimeDays = t.numberColumn('leadTimeDays');
    const supplier = t.textColumn('supplier');
    const supplierCurrency = t.textColumn('supplierCurrency');
    const unitVolume = t.numberColumn('unitVolume');
    const asin = t.textColumn('asin');
    const fnsku = t.textColumn('fnsku');
    const psku = t.textColumn('psku');
    // The channel SKU columns the sheet has, in MAPPING_SKU_COLUMNS order (the order of the issues).
    const skuColumns = MAPPING_SKU_COLUMNS.flatMap(([field, channels, column]) => {
      const values = t.textColumn(field);
      return values ? [{ values, channels, column }] : [];
    });
    for (let i = 0; i < t.length; i++) {
      const master = textAt(masterSku, i) as string;
      if (!this.masters.has(master)) {
        this.masters.set(master, {
          masterSku: master,
          title: textAt(title, i),
          cost: numberAt(costPrice, i),
          price: numberAt(sellingPrice, i),
          casePack: numberAt(casePack, i),
          moq: numberAt(moq, i),
          leadTimeDays: numberAt(leadTimeDays, i),
          supplier: textAt(supplier, i),
          supplierCurrency: textAt(supplierCurrency, i),
          unitVolume: numberAt(unitVolume, i),
          asin: textAt(asin, i),
        });
      }
      for (const { values, channels, column } of skuColumns) {
        const sku = textAt(values, i);
        if (sku) this.link(report.source, t.rows[i], master, channels, sku, column, issues);
      }
      const a = textAt(asin, i);
      if (a && !this.byAmazonId.has(a)) this.byAmazonId.set(a, master);
      const f = textAt(fnsku, i);
      if (f && !this.byAmazonId.has(f)) this.byAmazonId.set(f, master);
      const p = textAt(psku, i);
      if (p && !this.byPsku.has(p)) this.byPsku.set(p, master);
    }
  }

  private link(source: string, row: number, master: string, channels: readonly Channel[], sku: string, column: string, issues: ImportIssue[]): void {
    for (const c of channels) {
      const map = this.byChannelSku.get(c.id) as Map<string, string>;
      const prev = map.get(sku);
      if (prev && prev !== master) {
        issues.push({ source, row, column, value: sku, reason: `${c.label} SKU ${sku} is already mapped to ${prev}; this row's ${master} is ignored for it`, dropped: false });
      } else map.set(sku, master);
    }
  }

  private titles: Map<string, string> | null = null;

  /** Master SKU by normalized title, built on first use (only unmapped SKUs need it). */
  private byTitle(): Map<string, string> {
    if (!this.titles) {
      this.titles = new Map();
      for (const info of this.masters.values()) {
        if (!info.title) continue;
        const key = norm(info.title);
        if (!this.titles.has(key)) this.titles.set(key, info.masterSku);
      }
    }
    return this.titles;
  }

  /**
   * A SKU not in the mapping whose row carries a mapped ASIN / FNSKU (Amazon) or PSKU (noon) belongs
   * to that Master SKU: learned from every report first, so a sales report without an ASIN column joins
   * the same product as the stock report that has one.
   */
  learnFromIds(inputs: readonly JoinInput[]): void {
    for (const { report, channel } of inputs) {
      if (!channel || report.kind === 'mapping') continue;
      const map = this.byChannelSku.get(channel.id) as Map<string, string>;
      const t = report.records;
      const ids = idColumns(t);
      // Nothing to learn from a report without SKUs or without the ids its marketplace is mapped by.
      const amazon = channel.marketplace === 'amazon';
      if (!ids.sku || (amazon ? this.byAmazonId : this.byPsku).size === 0 || (amazon ? !ids.asin && !ids.fnsku : !ids.psku && !ids.noonSku)) continue;
      for (let i = 0; i < t.length; i++) {
        const sku = textAt(ids.sku, i);
        if (!sku || map.has(sku) || this.masters.has(sku)) continue;
        const master = this.resolveById(channel, ids, i);
        if (master) map.set(sku, master);
      }
    }
  }

  /** The Master SKU of row `i` by its ASIN, then FNSKU (Amazon) or its PSKU, then noon SKU (noon). */
  resolveById(channel: Channel, ids: IdColumns, i: number): string | null {
    const amazon = channel.marketplace === 'amazon';
    const index = amazon ? this.byAmazonId : this.byPsku;
    const first = textAt(amazon ? ids.asin : ids.psku, i);
    const byFirst = first ? index.get(first) : undefined;
    if (byFirst !== undefined) return byFirst;
    const second = textAt(amazon ? ids.fnsku : ids.noonSku, i);
    return (second ? index.get(second) : undefined) ?? null;
  }

  /** A channel SKU mapped for this channel, or a Master SKU used as the channel SKU; null when neither. */
  resolveSku(channel: Channel, sku: string): string | null {
    return this.byChannelSku.get(channel.id)?.get(sku) ?? (this.masters.has(sku) ? sku : null);
  }

  /** The Master SKU of row `i` (its SKU is `sku`): by SKU, then by ASIN / FNSKU or PSKU. */
  resolve(channel: Channel, sku: string | null, ids: IdColumns, i: number): string | null {
    return (sku ? this.resolveSku(channel, sku) : null) ?? this.resolveById(channel, ids, i);
  }

  /** The best guess for an unmapped SKU from its row's ASIN, title and SKU: same ASIN, same title, then a similar SKU. */
  suggest(asin: string | null, title: string | null, sku: string | null): MappingSuggestion | null {
    if (asin && this.byAmazonId.has(asin)) return { masterSku: this.byAmazonId.get(asin) as string, reason: `same ASIN ${asin}` };
    const sameTitle = title ? this.byTitle().get(norm(title)) : undefined;
    if (sameTitle !== undefined) return { masterSku: sameTitle, reason: 'same title' };
    if (!sku) return null;
    // The closest Master SKU or mapped channel SKU, within a few edits.
    const target = norm(sku);
    const limit = Math.max(1, Math.min(3, Math.floor(target.length / 4)));
    const similar = this.similar();
    const found = similar.index.nearest(target, limit);
    if (!found) return null;
    const candidate = similar.candidates[found.candidate.value];
    const master = similar.masters[found.candidate.value];
    return { masterSku: master, reason: candidate === master ? 'similar SKU' : `similar SKU ${candidate}` };
  }

  private similarIndex: { index: SimilarIndex<number>; candidates: string[]; masters: string[] } | null = null;

  /**
   * Master SKUs, then every mapped channel SKU, by normalized text; built on first use (only unmapped SKUs
   * need it). A candidate's value is its place in `candidates` (the text) and `masters` (its Master SKU).
   */
  private similar(): { index: SimilarIndex<number>; candidates: string[]; masters: string[] } {
    if (!this.similarIndex) {
      const candidates: string[] = [];
      const masters: string[] = [];
      for (const master of this.masters.keys()) {
        candidates.push(master);
        masters.push(master);
      }
      for (const map of this.byChannelSku.values()) {
        for (const [channelSku, master] of map) {
          candidates.push(channelSku);
          masters.push(master);
        }
      }
      this.similarIndex = { index: new SimilarIndex(candidates.map((c, value) => ({ key: norm(c), value }))), candidates, masters };
    }
    return this.similarIndex;
  }
}

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

function monthOf(ms: number): string {
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
            suggestion = mapping.masters.size > 0 ? mapping.suggest(textAt(ids.asin, i), textAt(ids.title, i), sku) : null;
            issues.push({
              source: report.source,
              row: rows[i],
              column: 'SKU',
              value: master,
              reason: `SKU ${master} is not in the mapping: analyzed on its own${suggestion ? `; perhaps ${suggestion.masterSku} (${suggestion.reason})` : ''}`,
              dropped: false,
            });
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
          issues.push({ source: report.source, row: rows[i], column: 'SKU', value: sku, reason: `Duplicate SKU ${sku} (first at row ${first}): quantities summed`, dropped: false });
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
    issues.push({ source: t.source, row: t.row, column: 'inventory_type', value: type, reason: `Inventory type "${type}" is not one noon documents: its ${t.units} units are counted as not available`, dropped: false });
  }
  for (const [channelId, t] of viewsRows) {
    const label = CHANNELS.find((c) => c.id === channelId)?.label ?? channelId;
    const covered = exportDays.get(channelId);
    if (!covered || t.covered === 0) continue;
    issues.push({
      source: t.source,
      row: null,
      column: null,
      value: null,
      reason: `${label} units from ${dayOf(covered.from)} to ${dayOf(covered.to)} are counted from the noon sales export; the ${t.covered} rows of Product views & sales for those days are not counted again (their visitors are kept)${t.counted ? `, its ${t.counted} rows of other days are` : ''}`,
      dropped: false,
    });
  }
  attachImported(inputs, positions, byId, mapping, kindsPerChannel, issues);
  return { positions: positionList, warehouseStock, poRecords, salesSpans, issues };
}

/**
 * A new position of a Master SKU (or, provisional, of an unmapped SKU) on a channel, with the mapping's
 * data. `sku`: the channel SKU of the row that made it (a list of one, sized to it: most positions have one SKU).
 */
function newPosition(master: string, channel: Channel, provisional: boolean, info: MasterInfo | undefined, periodDays: number, sku: string | null): Position {
  const p: EveryField<Position> = {
    masterSku: master,
    channel,
    provisional,
    channelSkus: sku ? [sku] : [],
    title: info?.title ?? null,
    asin: info?.asin ?? null,
    available: 0,
    reserved: 0,
    unfulfillable: 0,
    inbound: 0,
    sold: 0,
    revenue: 0,
    periodDays,
    salesTo: undefined,
    stockFrom: null,
    salesFrom: null,
    salesByMonth: {},
    dailySales: undefined,
    returned: 0,
    returnsByMonth: {},
    unitsShipped: null,
    aging: null,
    stranded: 0,
    strandedReasons: [],
    price: info?.price ?? null,
    cost: info?.cost ?? null,
    priceFromMapping: info?.price !== null && info?.price !== undefined,
    amazonRecommendedQty: null,
    casePack: info?.casePack ?? null,
    moq: info?.moq ?? null,
    leadTimeDays: info?.leadTimeDays ?? null,
    supplier: info?.supplier ?? null,
    supplierCurrency: info?.supplierCurrency ?? null,
    unitVolume: info?.unitVolume ?? null,
    // The fields only some reports give, present from the start: every position then has one shape
    // (repriced), and code reading positions stays fast instead of meeting one shape per combination
    // of reports.
    suggestion: undefined,
    stockAsOf: undefined,
    warehouses: undefined,
    views: undefined,
    ledger: undefined,
    fees: undefined,
  };
  return p;
}

/**
 * A copy of a position with another cost and price (the analysis' money stage). Written out field by
 * field in newPosition's order, not spread: a spread copy gets a shape of its own, and the positions of
 * one analysis would then have several shapes, which makes every read of a position field (each sheet's
 * columns, 100,000s of times) slower. `EveryField` makes the compiler ask for any field added to Position.
 */
export function repriced(p: Position, cost: number | null, price: number | null): Position {
  const copy: EveryField<Position> = {
    masterSku: p.masterSku,
    channel: p.channel,
    provisional: p.provisional,
    channelSkus: p.channelSkus,
    title: p.title,
    asin: p.asin,
    available: p.available,
    reserved: p.reserved,
    unfulfillable: p.unfulfillable,
    inbound: p.inbound,
    sold: p.sold,
    revenue: p.revenue,
    periodDays: p.periodDays,
    salesTo: p.salesTo,
    stockFrom: p.stockFrom,
    salesFrom: p.salesFrom,
    salesByMonth: p.salesByMonth,
    dailySales: p.dailySales,
    returned: p.returned,
    returnsByMonth: p.returnsByMonth,
    unitsShipped: p.unitsShipped,
    aging: p.aging,
    stranded: p.stranded,
    strandedReasons: p.strandedReasons,
    price,
    cost,
    priceFromMapping: p.priceFromMapping,
    amazonRecommendedQty: p.amazonRecommendedQty,
    casePack: p.casePack,
    moq: p.moq,
    leadTimeDays: p.leadTimeDays,
    supplier: p.supplier,
    supplierCurrency: p.supplierCurrency,
    unitVolume: p.unitVolume,
    suggestion: p.suggestion,
    stockAsOf: p.stockAsOf,
    warehouses: p.warehouses,
    views: p.views,
    ledger: p.ledger,
    fees: p.fees,
  };
  return copy;
}

/** Every field of T, optional ones included (as `T[K]`, so they may hold undefined). */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

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

/** What a report's rows are read with: the report, the kinds its channel takes stock and sales from, and the join's running tallies. */
interface ReportScope {
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
type RowReader = (p: Position, i: number, ch: Channel) => void;

/**
 * What each kind's rows add to their position: a new kind is one entry. An entry is called once per
 * report: it looks up the columns it reads and gives the reader of one row (none when the report's
 * rows add nothing, as a stock report that is not the channel's stock source). Stock comes only from the
 * channel's `stockKind` and sales only from its `salesKind` (STOCK_PRIORITY, SALES_PRIORITY), so the
 * same units are never counted twice.
 */
const ROWS: Partial<Record<ReportKind, (r: ReportScope) => RowReader | undefined>> = {
  'amazon-inventory': (r) => {
    if (r.stockKind !== r.kind) return undefined;
    const t = r.table;
    const price = t.numberColumn('price');
    if (r.report.variant === 'afn') {
      const quantity = t.numberColumn('quantity');
      const condition = t.textColumn('warehouseCondition');
      return (p, i) => {
        p.stockFrom = r.kind;
        const qty = units(r, quantity, 'quantity', i);
        if (/unsellable|defective|damaged/i.test(condition?.at(i) ?? '')) p.unfulfillable += qty;
        else p.available += qty;
        if (p.price === null) p.price = numberAt(price, i);
      };
    }
    const available = t.numberColumn('available');
    const reserved = t.numberColumn('reserved');
    const unfulfillable = t.numberColumn('unfulfillable');
    const inboundWorking = t.numberColumn('inboundWorking');
    const inboundShipped = t.numberColumn('inboundShipped');
    const inboundReceiving = t.numberColumn('inboundReceiving');
    const unitVolume = t.numberColumn('unitVolume');
    return (p, i) => {
      p.stockFrom = r.kind;
      p.unitVolume = numberAt(unitVolume, i) ?? p.unitVolume;
      p.available += units(r, available, 'available', i);
      p.reserved += units(r, reserved, 'reserved', i);
      p.unfulfillable += units(r, unfulfillable, 'unfulfillable', i);
      p.inbound += units(r, inboundWorking, 'inboundWorking', i) + units(r, inboundShipped, 'inboundShipped', i) + units(r, inboundReceiving, 'inboundReceiving', i);
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-inventory-age': (r) => {
    const t = r.table;
    const stock = r.stockKind === r.kind;
    const sales = r.salesKind === r.kind;
    const available = t.numberColumn('available');
    const reserved = t.numberColumn('reserved');
    const unfulfillable = t.numberColumn('unfulfillable');
    const inboundWorking = t.numberColumn('inboundWorking');
    const inboundShipped = t.numberColumn('inboundShipped');
    const inboundReceiving = t.numberColumn('inboundReceiving');
    const t7 = t.numberColumn('unitsShippedT7');
    const t30 = t.numberColumn('unitsShippedT30');
    const t60 = t.numberColumn('unitsShippedT60');
    const t90 = t.numberColumn('unitsShippedT90');
    const price = t.numberColumn('price');
    return (p, i) => {
      if (stock) {
        p.stockFrom = r.kind;
        p.available += units(r, available, 'available', i);
        p.reserved += units(r, reserved, 'reserved', i);
        p.unfulfillable += units(r, unfulfillable, 'unfulfillable', i);
        p.inbound += units(r, inboundWorking, 'inboundWorking', i) + units(r, inboundShipped, 'inboundShipped', i) + units(r, inboundReceiving, 'inboundReceiving', i);
      }
      if (sales) {
        p.salesFrom = r.kind;
        p.sold += numberAt(t30, i) ?? 0;
        p.periodDays = 30;
      }
      p.unitsShipped = { t7: numberAt(t7, i), t30: numberAt(t30, i), t60: numberAt(t60, i), t90: numberAt(t90, i) };
      const extra = t.extraAt(i);
      if (extra) {
        const { buckets } = mapAgingColumns(extra);
        p.aging ??= {};
        for (const [bucket, units] of Object.entries(buckets)) p.aging[bucket] = (p.aging[bucket] ?? 0) + units;
      }
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-restock': (r) => {
    const t = r.table;
    const stock = r.stockKind === r.kind;
    const sales = r.salesKind === r.kind;
    const available = t.numberColumn('available');
    const inbound = t.numberColumn('inbound');
    const unfulfillable = t.numberColumn('unfulfillable');
    const unitsSold30 = t.numberColumn('unitsSold30');
    const salesLast30 = t.numberColumn('salesLast30');
    const recommendedQty = t.numberColumn('recommendedQty');
    const price = t.numberColumn('price');
    return (p, i) => {
      if (stock) {
        p.stockFrom = r.kind;
        p.available += units(r, available, 'available', i);
        p.inbound += units(r, inbound, 'inbound', i);
        p.unfulfillable += units(r, unfulfillable, 'unfulfillable', i);
      }
      if (sales) {
        p.salesFrom = r.kind;
        p.sold += numberAt(unitsSold30, i) ?? 0;
        p.revenue += numberAt(salesLast30, i) ?? 0;
        p.periodDays = 30;
      }
      const rq = numberAt(recommendedQty, i);
      if (rq !== null) p.amazonRecommendedQty = (p.amazonRecommendedQty ?? 0) + rq;
      if (p.price === null) p.price = numberAt(price, i);
    };
  },
  'amazon-business-report': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const unitsOrdered = r.table.numberColumn('unitsOrdered');
    const revenueColumn = r.table.numberColumn('revenue');
    return (p, i, ch) => {
      p.salesFrom = r.kind;
      const units = numberAt(unitsOrdered, i) ?? 0;
      const revenue = numberAt(revenueColumn, i) ?? 0;
      p.sold += units;
      p.revenue += revenue;
      p.periodDays = r.periodDays * (r.businessReports.get(ch.id) ?? 1);
      if (r.reportMonth) {
        const month = (p.salesByMonth[r.reportMonth] ??= { units: 0, revenue: 0 });
        month.units += units;
        month.revenue += revenue;
      }
    };
  },
  'amazon-orders': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const t = r.table;
    const orderCancelled = cancelledIn(t.textColumn('orderStatus'));
    const itemCancelled = cancelledIn(t.textColumn('itemStatus'));
    const quantity = t.numberColumn('quantity');
    const itemPrice = t.numberColumn('itemPrice');
    const purchaseDate = t.numberColumn('purchaseDate');
    return (p, i) => {
      if (orderCancelled(i) || itemCancelled(i)) return;
      p.salesFrom = r.kind;
      const units = numberAt(quantity, i) ?? 0;
      const revenue = numberAt(itemPrice, i) ?? 0;
      p.sold += units;
      p.revenue += revenue;
      addMonth(p, numberAt(purchaseDate, i), units, revenue, r.spans, 0);
    };
  },
  'noon-sales': (r) => {
    if (r.salesKind !== r.kind) return undefined;
    const t = r.table;
    const cancelled = cancelledIn(t.textColumn('status'));
    const offerPrice = t.numberColumn('offerPrice');
    const orderTimestamp = t.numberColumn('orderTimestamp');
    return (p, i) => {
      if (cancelled(i)) return;
      p.salesFrom = r.kind;
      const price = numberAt(offerPrice, i);
      const revenue = price ?? 0;
      p.sold += 1;
      p.revenue += revenue;
      if (p.price === null) p.price = price;
      addMonth(p, numberAt(orderTimestamp, i), 1, revenue, r.spans, 0);
    };
  },
  'noon-views-sales': (r) => {
    const t = r.table;
    const counts = r.salesKind === 'noon-sales' || r.salesKind === r.kind;
    const visitDate = t.numberColumn('visitDate');
    const visitors = t.numberColumn('visitors');
    const grossUnits = t.numberColumn('grossUnits');
    const shippedUnits = t.numberColumn('shippedUnits');
    const cancelledUnits = t.numberColumn('cancelledUnits');
    const revenueColumn = t.numberColumn('revenue');
    return (p, i, ch) => {
      const day = numberAt(visitDate, i) as number; // required: the reader dropped rows without it
      const views = (p.views ??= { visitors: 0, grossUnits: 0, days: 0 });
      views.visitors += numberAt(visitors, i) ?? 0;
      views.grossUnits += numberAt(grossUnits, i) ?? 0;
      views.days++;
      if (!counts) return;
      const tally = r.viewsRows.get(ch.id) ?? { source: r.report.source, counted: 0, covered: 0 };
      r.viewsRows.set(ch.id, tally);
      const covered = r.exportDays.get(ch.id);
      if (covered && day >= covered.from && day <= covered.to) {
        tally.covered++;
        return;
      }
      tally.counted++;
      p.salesFrom ??= r.kind;
      const shipped = numberAt(shippedUnits, i);
      const gross = numberAt(grossUnits, i);
      const sold = shipped ?? Math.max(0, (gross ?? 0) - (numberAt(cancelledUnits, i) ?? 0));
      const revenue = numberAt(revenueColumn, i) ?? 0;
      p.sold += sold;
      p.revenue += revenue;
      if (p.price === null && sold > 0 && revenue > 0) p.price = revenue / sold;
      addMonth(p, day, sold, revenue, r.spans, DAY_MS - 1);
    };
  },
  'noon-stock': (r) => {
    if (r.stockKind !== r.kind) return undefined;
    const t = r.table;
    const quantity = t.numberColumn('quantity');
    const inventoryType = t.textColumn('inventoryType');
    const warehouseCode = t.textColumn('warehouseCode');
    const snapshotAt = t.numberColumn('snapshotAt');
    // The use of the last inventory type read: a type repeats row after row.
    let lastType: string | null = null;
    let lastUse = noonStockUse(null);
    return (p, i) => {
      p.stockFrom = r.kind;
      const qty = units(r, quantity, 'quantity', i);
      const type = textAt(inventoryType, i);
      if (type !== lastType) {
        lastType = type;
        lastUse = noonStockUse(type);
      }
      const use = lastUse;
      if (use === 'unknown') {
        const key = `${r.report.source}\u0000${type}`;
        const seenType = r.unknownTypes.get(key);
        if (seenType) seenType.units += qty;
        else r.unknownTypes.set(key, { source: r.report.source, row: t.rows[i], units: qty });
      }
      const field = use === 'unknown' ? 'unfulfillable' : use;
      p[field] += qty;
      const warehouse = textAt(warehouseCode, i);
      if (warehouse) {
        let w = p.warehouses?.find((x) => x.warehouse === warehouse);
        if (!w) {
          w = { warehouse, available: 0, inbound: 0, unfulfillable: 0, byType: {} };
          // A list begun with its first warehouse has room for it alone; one grown by push from [] keeps room for 17.
          if (p.warehouses) p.warehouses.push(w);
          else p.warehouses = [w];
        }
        w[field] += qty;
        const typeKey = type ?? 'saleable';
        w.byType[typeKey] = (w.byType[typeKey] ?? 0) + qty;
      }
      const at = numberAt(snapshotAt, i);
      if (at !== null && (p.stockAsOf === undefined || p.stockAsOf === null || at > p.stockAsOf)) p.stockAsOf = at;
    };
  },
  'amazon-stranded': (r) => {
    const fulfillable = r.table.numberColumn('fulfillable');
    const unfulfillable = r.table.numberColumn('unfulfillable');
    const strandedReason = r.table.textColumn('strandedReason');
    return (p, i) => {
      p.stranded += units(r, fulfillable, 'fulfillable', i) + units(r, unfulfillable, 'unfulfillable', i);
      const reason = textAt(strandedReason, i);
      if (reason && !p.strandedReasons.includes(reason)) p.strandedReasons.push(reason);
    };
  },
  'amazon-reserved': (r) => {
    if (r.stockKind !== null) return undefined;
    const reserved = r.table.numberColumn('reserved');
    return (p, i) => {
      p.reserved += units(r, reserved, 'reserved', i);
    };
  },
  'amazon-returns': (r) => {
    const quantity = r.table.numberColumn('quantity');
    const returnDate = r.table.numberColumn('returnDate');
    return (p, i) => {
      // One unit when the quantity is blank or its column is missing (the reader drops a row whose
      // quantity is unreadable).
      const qty = numberAt(quantity, i) === null ? 1 : units(r, quantity, 'quantity', i, 'returned');
      p.returned += qty;
      const ms = numberAt(returnDate, i);
      if (ms !== null) {
        const key = monthOf(ms);
        p.returnsByMonth[key] = (p.returnsByMonth[key] ?? 0) + qty;
      }
    };
  },
};

/** isCancelled of a status column's rows, remembering the last answer: a status repeats row after row. */
function cancelledIn(column: TextColumn): (i: number) => boolean {
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

const dayOf = isoDay;

/** Widens a channel's covered days to the days from `first` to `last` (midnights, ms): to the end of `last`. */
function addDays(days: Map<string, { from: number; to: number }>, channelId: string, first: number, last: number): void {
  const known = days.get(channelId);
  if (!known) days.set(channelId, { from: first, to: last + DAY_MS - 1 });
  else {
    known.from = Math.min(known.from, first);
    known.to = Math.max(known.to, last + DAY_MS - 1);
  }
}

/** A report with a country-like column checks each row's country; one without skips the check. */
function hasCountryColumn(report: ParsedReport): boolean {
  return report.columns.some((c) => COUNTRY_FIELDS.includes(c.field));
}

/** A row of a mixed report that names the other country (`country`, its own) goes to that country's channel. */
function channelOf(channel: Channel, country: Country | null): Channel {
  return country && country !== channel.country ? (CHANNELS.find((c) => c.marketplace === channel.marketplace && c.country === country) as Channel) : channel;
}

/** What a noon FBN inventory type is: saleable is available, inbound_* inbound, the rest not available. */
export function noonStockUse(type: string | null): 'available' | 'inbound' | 'unfulfillable' | 'unknown' {
  if (type === null) return 'available'; // older noon stock sheets have no inventory type
  const t = type.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (t === 'saleable' || t === 'sellable' || t === 'available') return 'available';
  if (t.startsWith('inbound')) return 'inbound';
  if (/return|damag|expir|lost|defect|unsell|unsal|non_?sal|quarantin|missing|dispos/.test(t)) return 'unfulfillable';
  return 'unknown';
}

/**
 * Ledger and fee reports (imported per SKU for decisions to come) join the positions the stock and
 * sales reports made: by mapped SKU, by the channel SKU, then by ASIN / FNSKU. They create no
 * position: rows of SKUs the analysis does not hold are counted in one line per report.
 */
function attachImported(
  inputs: readonly JoinInput[],
  positions: ByChannel<Position>,
  byId: ByChannel<Position>,
  mapping: MappingIndex,
  kindsPerChannel: Map<string, Set<ReportKind>>,
  issues: ImportIssue[],
): void {
  const storage = new Map<Position, Map<string, { fee: number; qty: number }>>();
  const aged = new Map<Position, { date: number; tiers: Map<string, { amount: number; qty: number }> }>();
  const ledger = new Map<Position, Map<string, LedgerDay>>();
  const feesOf = (p: Position): PositionFees =>
    (p.fees ??= { currency: null, storagePerUnitMonth: null, storageMonth: null, agedSurchargePerUnit: null, fulfillmentPerUnit: null, referralPerUnit: null, feeTotalPerUnit: null });
  for (const { report, channel } of inputs) {
    const kind = report.kind;
    if (!kind || !channel || !ATTACHED.has(kind)) continue;
    if (kind === 'amazon-ledger-detail' && kindsPerChannel.get(channel.id)?.has('amazon-ledger-summary')) {
      issues.push({ source: report.source, row: null, column: null, value: null, reason: `Not used: the Inventory Ledger summary of ${channel.label} gives the same days with their balances`, dropped: false });
      continue;
    }
    const table = report.records;
    const countries = hasCountryColumn(report) ? countryColumns(table) : [];
    const ids = idColumns(table);
    const missing = new Set<string>();
    let missingRows = 0;
    let otherDisposition = 0;
    for (let i = 0; i < table.length; i++) {
      const ch = channelOf(channel, rowCountry(countries, i));
      const sku = textAt(ids.sku, i);
      const asin = textAt(ids.asin, i);
      const fnsku = textAt(ids.fnsku, i);
      const master = mapping.resolve(ch, sku, ids, i) ?? sku;
      let p = master ? positions.get(ch.id, master) : undefined;
      if (!p && asin) p = byId.get(ch.id, asin);
      if (!p && fnsku) p = byId.get(ch.id, fnsku);
      if (!p) {
        missing.add(sku ?? asin ?? fnsku ?? '(no SKU)');
        missingRows++;
        continue;
      }
      // The kind's other fields by name, from a view of the row: these reports are a few rows per SKU.
      const v = table.view(i).values;
      switch (kind) {
        case 'amazon-ledger-summary':
        case 'amazon-ledger-detail': {
          const disposition = str(v.disposition);
          if (disposition !== null && !/^sellable$/i.test(disposition)) {
            otherDisposition++;
            break;
          }
          const date = dayOf(num(v.date) as number);
          let days = ledger.get(p);
          if (!days) ledger.set(p, (days = new Map()));
          let day = days.get(date);
          if (!day) days.set(date, (day = { date, start: null, end: null, events: {} }));
          if (kind === 'amazon-ledger-summary') {
            day.start = (day.start ?? 0) + (num(v.startingBalance) ?? 0);
            day.end = (day.end ?? 0) + (num(v.endingBalance) ?? 0);
            for (const field of LEDGER_EVENTS) {
              const q = num(v[field]);
              if (q !== null) day.events[field] = (day.events[field] ?? 0) + q;
            }
          } else {
            const event = str(v.eventType) as string;
            day.events[event] = (day.events[event] ?? 0) + (num(v.quantity) ?? 0);
          }
          break;
        }
        case 'amazon-storage-fees': {
          const month = str(v.monthOfCharge) as string;
          let months = storage.get(p);
          if (!months) storage.set(p, (months = new Map()));
          const m = months.get(month) ?? { fee: 0, qty: 0 };
          m.fee += num(v.fee) ?? 0;
          m.qty += num(v.averageQtyOnHand) ?? 0;
          months.set(month, m);
          feesOf(p).currency ??= str(v.currency);
          break;
        }
        case 'amazon-aged-surcharge': {
          const date = num(v.snapshotDate) as number;
          const prev = aged.get(p);
          if (prev && prev.date > date) break; // an older snapshot
          const entry = prev && prev.date === date ? prev : { date, tiers: new Map<string, { amount: number; qty: number }>() };
          aged.set(p, entry);
          const tier = str(v.ageTier) as string;
          const t = entry.tiers.get(tier) ?? { amount: 0, qty: 0 };
          t.amount += num(v.amountCharged) ?? 0;
          t.qty += num(v.qtyCharged) ?? 0;
          entry.tiers.set(tier, t);
          feesOf(p).currency ??= str(v.currency);
          break;
        }
        case 'amazon-fee-preview': {
          const f = feesOf(p);
          f.currency ??= str(v.currency);
          const pickPack = num(v.pickPackFee);
          const weight = num(v.weightHandlingFee);
          const fulfillment = num(v.fulfillmentFee) ?? (pickPack === null && weight === null ? null : (pickPack ?? 0) + (weight ?? 0));
          f.fulfillmentPerUnit ??= fulfillment;
          f.referralPerUnit ??= num(v.referralFee);
          f.feeTotalPerUnit ??= num(v.feeTotal);
          break;
        }
      }
    }
    if (otherDisposition > 0) {
      issues.push({ source: report.source, row: null, column: 'Disposition', value: null, reason: `${otherDisposition} rows of units that are not sellable (damaged, defective …) are not part of the sellable balance`, dropped: false });
    }
    if (missingRows > 0) {
      const list = [...missing];
      issues.push({
        source: report.source,
        row: null,
        column: 'SKU',
        value: null,
        reason: `${missingRows} rows for ${list.length} SKUs with no stock or sales row on ${channel.label} are kept out of the analysis: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ' …' : ''}`,
        dropped: false,
      });
    }
  }
  for (const [p, months] of storage) {
    const latest = [...months.keys()].sort().pop() as string;
    const m = months.get(latest) as { fee: number; qty: number };
    const f = feesOf(p);
    f.storageMonth = latest;
    f.storagePerUnitMonth = m.qty > 0 ? m.fee / m.qty : null;
  }
  for (const [p, entry] of aged) {
    const perUnit: Record<string, number> = {};
    for (const [tier, t] of entry.tiers) if (t.qty > 0) perUnit[tier] = t.amount / t.qty;
    feesOf(p).agedSurchargePerUnit = perUnit;
  }
  for (const [p, days] of ledger) p.ledger = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The summary ledger's event columns (kinds.ts field names), signed as Amazon writes them. */
const LEDGER_EVENTS: readonly string[] = ['receipts', 'customerShipments', 'customerReturns', 'vendorReturns', 'warehouseTransfers', 'found', 'lost', 'damaged', 'disposed', 'otherEvents', 'unknownEvents', 'inTransit'];

/**
 * The rule of every stock (or returned) quantity, in every report kind: a negative one is reported at
 * its sheet row and column and counted as 0; a blank is 0.
 */
function nonNegative(report: ParsedReport, issues: ImportIssue[], row: number, field: string, n: number | null, what = 'stock'): number {
  if (n === null) return 0;
  if (n >= 0) return n;
  const header = report.columns.find((c) => c.field === field)?.header ?? field;
  issues.push({ source: report.source, row, column: header, value: String(n), reason: `Negative ${what} quantity ${n} counted as 0`, dropped: false });
  return 0;
}

/** A stock (or returned) quantity, row `i` of the report's `field` column (nonNegative's rule). */
const units = (r: ReportScope, column: NumberColumn, field: string, i: number, what = 'stock'): number => nonNegative(r.report, r.issues, r.table.rows[i], field, numberAt(column, i), what);

/**
 * Adds dated sales to their month and their day (Position.dailySales); `tail` widens the span past the
 * row's moment (a daily row covers its whole day).
 */
function addMonth(p: Position, ms: number | null, units: number, revenue: number, spans: { min: number; max: number }, tail: number): void {
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
