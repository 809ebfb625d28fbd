/**
 * Trends sheet (docs/PRODUCT.md): per position, month over month sales, velocity and stock change, growth /
 * stable / decline (± trendThreshold of velocity), a sparkline of the last 6 periods, and days out of
 * stock with the revenue lost between snapshots (history/trends.ts has every rule). Above the table,
 * how many positions each trend holds, and the history the figures come from.
 */
import type { PositionMetrics } from '../analysis/position-metrics';
import { toReporting } from '../analysis/money';
import { periodCount, SPARK_PERIODS, type Trend, type TrendRow } from '../history/trends';
import type { Currency, Settings } from '../model';
import { channelColumn, currencyColumn, moneyColumn, skuColumn, unitsColumn } from './common-columns';
import { TABLE_NAMES } from './names';
import type { CellValue, SheetSpec } from './spec';
import { FORMAT, range, round, tableSheet } from './table';

export interface TrendSheetRow {
  readonly m: PositionMetrics;
  readonly t: TrendRow | null;
}

export const TRENDS: readonly Trend[] = ['Growth', 'Stable', 'Decline', 'New demand', 'No sales', '—'];

export interface HistoryFacts {
  /** Saved snapshot dates, oldest first, and saved history rows. */
  readonly snapshotDates: readonly string[];
  readonly savedRows: number;
  /** First and last period of the history the analysis looked at. */
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
}

export function trendsSheet(name: string, rows: readonly TrendSheetRow[], facts: HistoryFacts, s: Settings): SheetSpec {
  const counts = new Map<Trend, number>(TRENDS.map((t) => [t, 0]));
  let lost = 0;
  for (const r of rows) {
    const trend = r.t?.trend ?? '—';
    counts.set(trend, (counts.get(trend) ?? 0) + 1);
    if (r.t?.lostRevenue) lost += toReporting(r.t.lostRevenue, r.t.currency as Currency, s);
  }
  const pct = Math.round(s.trendThreshold * 100);
  const dates = facts.snapshotDates;
  const pre: CellValue[][] = [
    ['Trend', 'Positions', null, 'History', null],
    ['Growth', counts.get('Growth')!, null, 'Saved snapshots', dates.length],
    ['Stable', counts.get('Stable')!, null, 'First snapshot', dates[0] ?? '—'],
    ['Decline', counts.get('Decline')!, null, 'Last snapshot', dates.at(-1) ?? '—'],
    ['New demand', counts.get('New demand')!, null, 'Periods', facts.firstPeriod && facts.lastPeriod ? `${facts.firstPeriod} to ${facts.lastPeriod}` : '—'],
    ['No sales', counts.get('No sales')!, null, `Lost revenue since last snapshot (${s.reportingCurrency})`, round(lost)],
    ['Under 2 periods', counts.get('—')!, null, 'Trend band', `±${pct}% velocity month over month`],
  ];
  const col = (r: TrendSheetRow) => r.m;
  const t = (r: TrendSheetRow) => r.t;
  const title =
    dates.length === 0
      ? `Trends: ${rows.length} positions. No snapshot saved yet: Save snapshot each month (task pane, or lumive analyze --snapshot) to build the history`
      : `Trends: ${rows.length} positions over ${dates.length} saved snapshot${dates.length === 1 ? '' : 's'} and the sales months imported`;
  return tableSheet<TrendSheetRow>({
    name,
    tableName: TABLE_NAMES.trends,
    title,
    freezeColumns: 2,
    rows,
    preamble: {
      rows: pre,
      styles: [{ range: range(1, 0, 1, 5), style: 'subtitle' }],
      numberFormats: [{ range: range(6, 4, 1, 1), format: FORMAT.money }],
    },
    columns: [
      skuColumn(col),
      channelColumn(col),
      { header: 'Periods', value: (r) => (r.t ? periodCount(r.t) : 0), format: FORMAT.units, width: 8 },
      { header: 'Previous Period', value: (r) => t(r)?.previous?.period ?? null, format: FORMAT.text, width: 10 },
      { header: 'Last Period', value: (r) => t(r)?.last?.period ?? null, format: FORMAT.text, width: 10 },
      unitsColumn('Sold (prev.)', (r) => t(r)?.previous?.sold ?? null, 10),
      unitsColumn('Sold (last)', (r) => t(r)?.last?.sold ?? null, 10),
      { header: 'Sales Change', value: (r) => t(r)?.salesChange ?? null, format: FORMAT.percent, width: 11 },
      { header: 'Velocity (prev.)', value: (r) => t(r)?.previous?.velocity ?? null, format: FORMAT.velocity, width: 12 },
      { header: 'Velocity (last)', value: (r) => t(r)?.last?.velocity ?? null, format: FORMAT.velocity, width: 12 },
      { header: 'Velocity Change', value: (r) => t(r)?.velocityChange ?? null, format: FORMAT.percent, width: 12 },
      unitsColumn('Stock (prev.)', (r) => t(r)?.previous?.available ?? null, 11),
      unitsColumn('Stock (last)', (r) => t(r)?.last?.available ?? null, 11),
      unitsColumn('Stock Change', (r) => t(r)?.stockChange ?? null, 11),
      {
        header: 'Trend',
        value: (r) => t(r)?.trend ?? '—',
        width: 11,
        rules: [
          { type: 'textEquals', text: 'Growth', fill: 'green' },
          { type: 'textEquals', text: 'New demand', fill: 'green' },
          { type: 'textEquals', text: 'Decline', fill: 'red' },
          { type: 'textEquals', text: 'No sales', fill: 'grey' },
        ],
      },
      { header: `Last ${SPARK_PERIODS} Periods`, value: (r) => t(r)?.sparkline ?? '', format: FORMAT.text, width: 12 },
      { header: 'Days Out of Stock', value: (r) => round(t(r)?.daysOutOfStock ?? null, 1), format: FORMAT.days, width: 12 },
      moneyColumn('Lost Revenue', (r) => t(r)?.lostRevenue ?? null),
      { header: 'Days Out of Stock (all)', value: (r) => round(t(r)?.daysOutOfStockTotal ?? null, 1), format: FORMAT.days, width: 14 },
      moneyColumn('Lost Revenue (all)', (r) => t(r)?.lostRevenueTotal ?? null),
      currencyColumn(col),
    ],
  });
}
