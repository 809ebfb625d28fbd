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
  // map by channel would), in order of first appearance: numbers in flat tables (Master SKU × channel),
  // where a list or a map per Master SKU would cost 10,000s of small objects.
  const masterOf = new Map<string, number>();
  const skus: string[] = [];
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const master = new Int32Array(metrics.length);
  const slot = new Int32Array(metrics.length);
  for (let i = 0; i < metrics.length; i++) {
    const p = metrics[i].position;
    let k = masterOf.get(p.masterSku);
    if (k === undefined) {
      k = skus.length;
      masterOf.set(p.masterSku, k);
      skus.push(p.masterSku);
    }
    master[i] = k;
    let c = slotOf.get(p.channel.id);
    if (c === undefined) {
      c = ids.length;
      slotOf.set(p.channel.id, c);
      ids.push(p.channel.id);
    }
    slot[i] = c;
  }
  const width = ids.length;
  // latest[k × width + c]: the position of Master SKU k on channel c; first[…]: when that channel first
  // appeared for the Master SKU (its place in the order).
  const latest = new Int32Array(skus.length * width).fill(-1);
  const first = new Int32Array(skus.length * width).fill(-1);
  for (let i = 0; i < metrics.length; i++) {
    const cell = master[i] * width + slot[i];
    if (first[cell] < 0) first[cell] = i;
    latest[cell] = i;
  }
  const channels: Channel[] = CHANNELS.filter((c) => slotOf.has(c.id));
  const shown = channels.map((c) => slotOf.get(c.id)!);
  // Each row's figures are read here, Master SKU after Master SKU, before the rows are ordered: the
  // table then reads its cells from the row, not from four positions per row all over memory.
  const built: Row[] = new Array(skus.length);
  const order: number[] = [];
  for (let k = 0; k < skus.length; k++) {
    const base = k * width;
    order.length = 0;
    for (let c = 0; c < width; c++) if (first[base + c] >= 0) order.push(c);
    if (order.length > 1) order.sort((a, b) => first[base + a] - first[base + b]);
    const positions: PositionMetrics[] = order.map((c) => metrics[latest[base + c]]);
    let title = '';
    let totalStock = 0;
    let totalSold = 0;
    for (const m of positions) {
      if (!title && m.position.title) title = m.position.title;
      totalStock += Math.max(0, m.position.available);
      totalSold += m.position.sold;
    }
    const figures: CellValue[] = new Array(channels.length * 3 + 2);
    for (let j = 0; j < shown.length; j++) {
      const at = latest[base + shown[j]];
      const m = at < 0 ? undefined : metrics[at];
      figures[3 * j] = m ? m.position.available : null;
      figures[3 * j + 1] = m ? m.position.sold : null;
      figures[3 * j + 2] = m ? finiteOr(m.doi, NO_SALES) : null;
    }
    figures[channels.length * 3] = totalStock;
    figures[channels.length * 3 + 1] = totalSold;
    built[k] = { masterSku: skus[k], title, abc: positions[0].abc, figures, imbalance: imbalance(positions, s) };
  }
  // Imbalanced Master SKUs first, each group by Master SKU (unique, so the plain text order decides).
  const sorted = skus.slice().sort();
  const rows: Row[] = [];
  for (const sku of sorted) {
    const r = built[masterOf.get(sku)!];
    if (r.imbalance) rows.push(r);
  }
  for (const sku of sorted) {
    const r = built[masterOf.get(sku)!];
    if (!r.imbalance) rows.push(r);
  }
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
