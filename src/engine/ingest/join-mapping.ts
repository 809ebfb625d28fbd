/**
 * The mapping side of the join (join.ts): the Mapping sheet's Master SKUs and their data, and how a
 * report row's channel SKU, ASIN / FNSKU or PSKU resolves to a Master SKU (docs/REPORTS.md, "Joining").
 */
import { CHANNELS, Channel } from '../model';
import type { JoinInput } from './join';
import type { ParsedReport } from './read-report';
import { numberAt, RecordTable, textAt, type TextColumn as Column } from './records';
import { issueAt, type ImportIssue } from './types';
import { SimilarIndex } from './similar';
import { problemOf, type Problem } from '../problems';

export interface MasterInfo {
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

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]+/g, '');

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

/** A Master SKU suggested for an unmapped SKU, and why (a join.suggest-* problem). */
export interface Suggested {
  readonly masterSku: string;
  readonly why: Problem;
}

/** A text column of a report (records.ts), undefined when the report's kind has no such field. */
export type TextColumn = Column | undefined;
/** A number or date column of a report (NaN for no value), undefined when the kind has no such field. */
export type NumberColumn = Float64Array | undefined;

/**
 * The columns that identify a row's product, looked up once per report: the join's loops read rows by
 * index from them, without a view object per row and a getter per value.
 */
export interface IdColumns {
  readonly sku: TextColumn;
  readonly asin: TextColumn;
  readonly fnsku: TextColumn;
  readonly psku: TextColumn;
  readonly noonSku: TextColumn;
  readonly title: TextColumn;
}

export function idColumns(table: RecordTable): IdColumns {
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
export class MappingIndex {
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
        issues.push(issueAt({ source, row, column, value: sku }, problemOf('join.sku-already-mapped', { channel: c.label, sku, prev, master }), false));
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

  /**
   * The best guess for an unmapped SKU from its row's ASIN, title and SKU: same ASIN, same title, then a
   * similar SKU; `why` says which (join.suggest-* codes).
   */
  suggest(asin: string | null, title: string | null, sku: string | null): Suggested | null {
    if (asin && this.byAmazonId.has(asin)) return { masterSku: this.byAmazonId.get(asin) as string, why: problemOf('join.suggest-same-asin', { asin }) };
    const sameTitle = title ? this.byTitle().get(norm(title)) : undefined;
    if (sameTitle !== undefined) return { masterSku: sameTitle, why: problemOf('join.suggest-same-title', {}) };
    if (!sku) return null;
    // The closest Master SKU or mapped channel SKU, within a few edits.
    const target = norm(sku);
    const limit = Math.max(1, Math.min(3, Math.floor(target.length / 4)));
    const similar = this.similar();
    const found = similar.index.nearest(target, limit);
    if (!found) return null;
    const candidate = similar.candidates[found.candidate.value];
    const master = similar.masters[found.candidate.value];
    return { masterSku: master, why: problemOf('join.suggest-similar-sku', { candidate: candidate === master ? null : candidate }) };
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
