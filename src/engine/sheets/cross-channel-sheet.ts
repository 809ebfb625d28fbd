/**
 * Cross-Channel sheet: one row per Master SKU, stock / sold / DOI side by side for every channel, and
 * an imbalance flag when, inside one country, one channel is short (selling, DOI < stockoutDays) while
 * another holds excess (DOI > excessDays, including stock that does not sell): stock a transfer could
 * move (Rebalance decides whether it pays).
 */
import { above, below } from '../metrics/compare';
import type { PositionMetrics } from '../analysis/position-metrics';
import { CHANNELS, type AbcClass, type Channel, type Settings } from '../model';
import type { CellValue, SheetSpec } from './spec';
import { NO_SALES } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, finiteOr, tableSheet, type Column } from './table';

interface Row {
  readonly masterSku: string;
  readonly title: string;
  readonly abc: AbcClass;
  /** Stock, sold and DOI on each channel of the sheet (column order), then total stock and total sold. */
  readonly figures: readonly CellValue[];
  readonly imbalance: string | null;
}

/** `positions`: the Master SKU's positions, one per channel, in order of first appearance. */
function imbalance(positions: readonly PositionMetrics[], s: Settings): string | null {
  // Most Master SKUs have no short or no excess position at all: one pass tells, before any grouping.
  let short = false;
  let excess = false;
  for (const m of positions) {
    if (m.velocityMethod === 'no sales report') continue;
    if (isShort(m, s)) short = true;
    if (isExcess(m, s)) excess = true;
  }
  if (!short || !excess) return null;
  const notes: string[] = [];
  const countries = new Set(positions.map((m) => m.position.channel.country));
  for (const country of countries) {
    const here = positions.filter((m) => m.position.channel.country === country && m.velocityMethod !== 'no sales report');
    const shortHere = here.filter((m) => isShort(m, s));
    const excessHere = here.filter((m) => isExcess(m, s));
    if (shortHere.length > 0 && excessHere.length > 0) {
      notes.push(`${excessHere.map((m) => m.position.channel.label).join(', ')} excess; ${shortHere.map((m) => m.position.channel.label).join(', ')} short`);
    }
  }
  return notes.length > 0 ? notes.join(' | ') : null;
}

const isShort = (m: PositionMetrics, s: Settings): boolean => m.velocity > 0 && below(m.doi, s.stockoutDays);
const isExcess = (m: PositionMetrics, s: Settings): boolean => m.position.available > 0 && above(m.doi, s.excessDays);

export function crossChannelSheet(name: string, metrics: readonly PositionMetrics[], s: Settings): SheetSpec {
  // Per Master SKU its positions, one per channel id (a later one takes an earlier one's place, as a
  // map by channel would): a short list, where a Map per Master SKU would cost 10,000s of maps.
  const byMaster = new Map<string, PositionMetrics[]>();
  const present = new Set<string>();
  for (const m of metrics) {
    const sku = m.position.masterSku;
    const id = m.position.channel.id;
    const list = byMaster.get(sku);
    if (!list) byMaster.set(sku, [m]);
    else {
      const k = list.findIndex((x) => x.position.channel.id === id);
      if (k < 0) list.push(m);
      else list[k] = m;
    }
    present.add(id);
  }
  const channels: Channel[] = CHANNELS.filter((c) => present.has(c.id));
  // Each row's figures are read here, Master SKU after Master SKU, before the sort scatters the rows:
  // the table then reads its cells from the row, not from four positions per row all over memory.
  const rows: Row[] = [];
  for (const [masterSku, positions] of byMaster) {
    let title = '';
    let totalStock = 0;
    let totalSold = 0;
    for (const m of positions) {
      if (!title && m.position.title) title = m.position.title;
      totalStock += Math.max(0, m.position.available);
      totalSold += m.position.sold;
    }
    const figures: CellValue[] = new Array(channels.length * 3 + 2);
    channels.forEach((c, k) => {
      const m = positions.find((x) => x.position.channel.id === c.id);
      figures[3 * k] = m?.position.available ?? null;
      figures[3 * k + 1] = m?.position.sold ?? null;
      figures[3 * k + 2] = m ? finiteOr(m.doi, NO_SALES) : null;
    });
    figures[channels.length * 3] = totalStock;
    figures[channels.length * 3 + 1] = totalSold;
    rows.push({ masterSku, title, abc: positions[0].abc, figures, imbalance: imbalance(positions, s) });
  }
  rows.sort((a, b) => (a.imbalance ? 0 : 1) - (b.imbalance ? 0 : 1) || (a.masterSku < b.masterSku ? -1 : a.masterSku > b.masterSku ? 1 : 0));
  const perChannel: Column<Row>[] = channels.flatMap((c, k): Column<Row>[] => [
    { header: `${c.label} Stock`, value: (r) => r.figures[3 * k], format: FORMAT.units, width: 14 },
    { header: `${c.label} Sold`, value: (r) => r.figures[3 * k + 1], format: FORMAT.units, width: 13 },
    {
      header: `${c.label} DOI`,
      value: (r) => r.figures[3 * k + 2],
      format: FORMAT.days,
      width: 13,
      rules: [
        { type: 'lessThan', value: s.stockoutDays, fill: 'red' },
        { type: 'greaterThan', value: s.excessDays, fill: 'amber' },
      ],
    },
  ]);
  const total = channels.length * 3;
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.crossChannel,
    title: `Cross-channel view: ${rows.length} Master SKUs, ${rows.filter((r) => r.imbalance).length} imbalanced within a country`,
    freezeColumns: 1,
    rows,
    columns: [
      { header: 'Master SKU', value: (r) => r.masterSku, format: FORMAT.text, width: 18 },
      { header: 'Title', value: (r) => r.title, format: FORMAT.text, width: 36 },
      { header: 'ABC', value: (r) => r.abc, width: 6 },
      ...perChannel,
      { header: 'Total Stock', value: (r) => r.figures[total], format: FORMAT.units, width: 12 },
      { header: 'Total Sold', value: (r) => r.figures[total + 1], format: FORMAT.units, width: 11 },
      { header: 'Imbalance', value: (r) => (r.imbalance ? 'Yes' : 'No'), width: 11, rules: [{ type: 'textEquals', text: 'Yes', fill: 'orange' }] },
      { header: 'Imbalance Detail', value: (r) => r.imbalance, width: 40 },
    ],
  });
}
