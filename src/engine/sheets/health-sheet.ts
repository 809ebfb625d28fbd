/**
 * Health sheet: DOI distribution, aging buckets and movement classes at the top, then one row per
 * position (docs/PRODUCT.md). DOI bands follow the settings' thresholds: < criticalDays, < stockoutDays,
 * ≤ safetyDays, ≤ excessDays, ≤ severeExcessDays, above; plus "Out of stock" (selling, nothing left)
 * and "No sales" (stock, no sales). The Trend column is the sparkline of units sold over the last 6
 * periods of the position's history (history/trends.ts), as on the Trends sheet.
 */
import { atMost, below } from '../metrics/compare';
import type { PositionMetrics } from '../analysis/position-metrics';
import { AGING_BUCKETS } from '../metrics/aging';
import type { Settings } from '../model';
import { SPARK_PERIODS, type TrendRow } from '../history/trends';
import type { CellValue, SheetSpec, StyledRange } from './spec';
import { channelColumn, doiColumn, moneyColumn, currencyColumn, NO_SALES, skuColumn, titleColumn, unitsColumn, velocityColumn } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, finiteOr, range, tableSheet, type Column } from './table';

export function doiBands(s: Settings): string[] {
  return [
    'Out of stock',
    `< ${s.criticalDays} days`,
    `${s.criticalDays}–${s.stockoutDays} days`,
    `${s.stockoutDays}–${s.safetyDays} days`,
    `${s.safetyDays}–${s.excessDays} days`,
    `${s.excessDays}–${s.severeExcessDays} days`,
    `> ${s.severeExcessDays} days`,
    NO_SALES,
    'No stock, no sales',
  ];
}

/** `b`: the settings' bands (doiBands), when the caller has them already (one list per sheet, not per position). */
export function doiBand(m: PositionMetrics, s: Settings, b: readonly string[] = doiBands(s)): string {
  const v = m.velocity;
  const available = m.position.available;
  if (v === 0) return available > 0 ? b[7] : b[8];
  if (available <= 0) return b[0];
  const d = m.doi;
  // Thresholds compared as urgency compares them (metrics/compare.ts): floating-point noise never moves a band.
  if (below(d, s.criticalDays)) return b[1];
  if (below(d, s.stockoutDays)) return b[2];
  if (atMost(d, s.safetyDays)) return b[3];
  if (atMost(d, s.excessDays)) return b[4];
  if (atMost(d, s.severeExcessDays)) return b[5];
  return b[6];
}

/** `trends`: per position (same order as `metrics`) its trend, whose sparkline the Trend column shows. */
export function healthSheet(name: string, metrics: readonly PositionMetrics[], s: Settings, trends: readonly { readonly t: TrendRow | null }[] = []): SheetSpec {
  const bands = doiBands(s);
  const bandOf = metrics.map((m) => doiBand(m, s, bands));
  const bandCount = new Map<string, { n: number; value: number }>(bands.map((b) => [b, { n: 0, value: 0 }]));
  const aging = new Map<string, number>();
  const movement = new Map<string, number>([['Fast', 0], ['Moving', 0], ['Slow', 0], ['Dead', 0], ['Unknown', 0]]);
  metrics.forEach((m, i) => {
    const b = bandCount.get(bandOf[i])!;
    b.n++;
    b.value += m.stockValueReporting ?? 0;
    const ages = m.position.aging;
    if (ages) for (const bucket of Object.keys(ages)) aging.set(bucket, (aging.get(bucket) ?? 0) + ages[bucket]);
    const mv = m.movement ?? 'Unknown';
    movement.set(mv, (movement.get(mv) ?? 0) + 1);
  });
  const agingRows = [...AGING_BUCKETS, ...[...aging.keys()].filter((k) => !(AGING_BUCKETS as readonly string[]).includes(k))];
  const blockRows = Math.max(bands.length, agingRows.length, movement.size) + 1;
  const pre: CellValue[][] = Array.from({ length: blockRows }, () => new Array<CellValue>(9).fill(null));
  pre[0] = ['DOI band', 'Positions', `Stock Value (${s.reportingCurrency})`, null, 'Aging (days)', 'Units', null, 'Movement', 'Positions'];
  bands.forEach((b, i) => {
    const c = bandCount.get(b)!;
    pre[i + 1][0] = b;
    pre[i + 1][1] = c.n;
    pre[i + 1][2] = Math.round(c.value * 100) / 100;
  });
  agingRows.forEach((b, i) => {
    pre[i + 1][4] = b;
    pre[i + 1][5] = aging.get(b) ?? 0;
  });
  [...movement].forEach(([mv, n], i) => {
    pre[i + 1][7] = mv;
    pre[i + 1][8] = n;
  });
  const styles: StyledRange[] = [{ range: range(1, 0, 1, 9), style: 'subtitle' }];
  // A row is the position's index: its metrics, band and trend are read from the lists, with no
  // object per row.
  type Row = number;
  const col = (i: Row) => metrics[i];
  const rows: Row[] = new Array(metrics.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  const agingOf = (i: Row, bucket: string) => {
    const aging = metrics[i].position.aging;
    return aging ? (aging[bucket] ?? 0) : null;
  };
  const agingColumns: Column<Row>[] = AGING_BUCKETS.map((b) => unitsColumn<Row>(`Age ${b}`, (i) => agingOf(i, b), 10));
  return tableSheet<Row>({
    name,
    tableName: TABLE_NAMES.health,
    title: `Health: ${metrics.length} positions by days of inventory, age and movement`,
    freezeColumns: 2,
    rows,
    preamble: {
      rows: pre,
      styles,
      numberFormats: [{ range: range(2, 2, bands.length, 1), format: FORMAT.money }],
    },
    columns: [
      skuColumn(col),
      channelColumn(col),
      titleColumn(col),
      unitsColumn('Available', (i) => metrics[i].position.available, 11),
      unitsColumn('Reserved', (i) => metrics[i].position.reserved, 10),
      unitsColumn('Inbound', (i) => metrics[i].position.inbound, 10),
      unitsColumn('Unfulfillable', (i) => metrics[i].position.unfulfillable, 13),
      velocityColumn(col),
      { header: 'Velocity Method', value: (i) => metrics[i].velocityMethod, width: 20 },
      { header: 'Days Out of Stock', value: (i) => metrics[i].daysOutOfStock, format: FORMAT.units, width: 11 },
      doiColumn(col),
      { header: 'DOI incl. Inbound', value: (i) => finiteOr(metrics[i].doiInclInbound, NO_SALES), format: FORMAT.days, width: 16 },
      {
        header: 'DOI Band',
        value: (i) => bandOf[i],
        width: 16,
        rules: [
          { type: 'textEquals', text: bands[0], fill: 'red' },
          { type: 'textEquals', text: bands[1], fill: 'red' },
          { type: 'textEquals', text: bands[2], fill: 'amber' },
          { type: 'textEquals', text: bands[3], fill: 'green' },
          { type: 'textEquals', text: bands[4], fill: 'green' },
          { type: 'textEquals', text: bands[5], fill: 'amber' },
          { type: 'textEquals', text: bands[6], fill: 'orange' },
          { type: 'textEquals', text: bands[7], fill: 'grey' },
        ],
      },
      {
        header: 'Movement',
        value: (i) => metrics[i].movement ?? 'Unknown',
        width: 10,
        rules: [
          { type: 'textEquals', text: 'Fast', fill: 'green' },
          { type: 'textEquals', text: 'Slow', fill: 'amber' },
          { type: 'textEquals', text: 'Dead', fill: 'red' },
        ],
      },
      { header: 'ABC', value: (i) => metrics[i].abc, width: 6 },
      { header: 'Sell-Through', value: (i) => metrics[i].sellThrough, format: FORMAT.percent, width: 12 },
      { header: 'GMROI', value: (i) => metrics[i].gmroi, format: FORMAT.ratio, width: 8 },
      moneyColumn('Lost Revenue', (i) => metrics[i].lostRevenue),
      moneyColumn('Stock Value', (i) => metrics[i].stockValue),
      currencyColumn(col),
      ...agingColumns,
      { header: `Trend (last ${SPARK_PERIODS} periods)`, value: (i) => trends[i]?.t?.sparkline ?? '', format: FORMAT.text, width: 12 },
    ],
  });
}
