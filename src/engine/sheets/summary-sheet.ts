/**
 * Summary sheet: headline KPIs in the reporting currency, the ABC mix, a per-channel comparison, the
 * reports read (rows read / used / reported) and two native charts (revenue by ABC class, stock value by
 * channel). Plain cells, not a table: blocks one under the other, labels in column A.
 */
import type { Kpis } from '../analysis/kpis';
import type { Settings } from '../model';
import type { CellValue, ChartSpec, NumberFormat, SheetSpec, StyledRange } from './spec';
import { FORMAT, range, sheetSpec } from './table';

export interface SourceLine {
  readonly sheet: string;
  readonly kind: string;
  readonly channel: string;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsReported: number;
}

export interface SummaryExtras {
  readonly analyzedAt: string;
  readonly reorderValue: number;
  readonly reorderLines: number;
  readonly transfers: number;
  readonly capitalSaved: number;
  readonly liquidationLines: number;
  readonly strandedUnits: number;
  readonly dataIssues: number;
  readonly sources: readonly SourceLine[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function summarySheet(name: string, k: Kpis, x: SummaryExtras, s: Settings): SheetSpec {
  const cur = s.reportingCurrency;
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const formats: NumberFormat[] = [];
  const add = (cells: CellValue[], format?: string, style?: StyledRange['style']) => {
    const row = rows.length;
    rows.push(cells);
    if (format) formats.push({ range: range(row, 1), format });
    if (style) styles.push({ range: range(row, 0, 1, Math.max(1, cells.length)), style });
    return row;
  };
  add([`Lumive summary: analyzed ${x.analyzedAt}, policy ${s.policy === 'service' ? 'service level' : 'days of cover'}, amounts in ${cur}`], undefined, 'title');
  add([]);
  add(['Headline', 'Value'], undefined, 'header');
  add(['Master SKUs', k.masterSkus], FORMAT.units);
  add(['Positions (SKU × channel)', k.positions], FORMAT.units);
  add([`Stock value at cost (${cur})`, r2(k.stockValue)], FORMAT.money);
  add(['Healthy positions', k.healthy], FORMAT.units);
  add(['At-risk positions (Urgent Actions)', k.atRisk], FORMAT.units);
  add([`Value at stake (${cur})`, r2(k.atRiskValue)], FORMAT.money);
  add([`Projected lost revenue (${cur})`, r2(k.projectedLostRevenue)], FORMAT.money);
  add([`Revenue in the sales period (${cur})`, r2(k.revenue)], FORMAT.money);
  add(['GMROI', k.gmroi === null ? null : r2(k.gmroi)], FORMAT.ratio);
  add(['Sell-through', k.sellThrough], FORMAT.percent);
  add([`Reorder value (${cur}), ${x.reorderLines} lines`, r2(x.reorderValue)], FORMAT.money);
  add([`Capital saved by ${x.transfers} transfers (${cur})`, r2(x.capitalSaved)], FORMAT.money);
  add(['Positions to liquidate', x.liquidationLines], FORMAT.units);
  add(['Stranded / unfulfillable units', x.strandedUnits], FORMAT.units);
  add(['Positions without cost (left out of values)', k.positionsMissingCost], FORMAT.units);
  add(['Data issues', x.dataIssues], FORMAT.units);
  add([]);

  const abcHeader = add(['ABC class', 'Master SKUs', `Revenue (${cur})`, 'Share'], undefined, 'header');
  const abcTotal = k.abcMix.reduce((a, m) => a + m.revenue, 0);
  for (const m of k.abcMix) {
    const row = add([m.abc, m.masterSkus, r2(m.revenue), abcTotal > 0 ? m.revenue / abcTotal : null], FORMAT.units);
    formats.push({ range: range(row, 2), format: FORMAT.money }, { range: range(row, 3), format: FORMAT.percent });
  }
  add([]);

  const chHeader = add(['Channel', 'Positions', 'Available', 'Inbound', 'Sold', `Revenue (${cur})`, `Stock Value (${cur})`, 'DOI', 'At Risk'], undefined, 'header');
  for (const c of k.channels) {
    const row = add([c.channel, c.positions, c.available, c.inbound, c.sold, r2(c.revenue), r2(c.stockValue), c.doi === null ? 'No sales' : Math.round(c.doi * 10) / 10, c.atRisk]);
    formats.push(
      { range: range(row, 1, 1, 4), format: FORMAT.units },
      { range: range(row, 5, 1, 2), format: FORMAT.money },
      { range: range(row, 7), format: FORMAT.days },
      { range: range(row, 8), format: FORMAT.units },
    );
  }
  add([]);

  // Kind last: its long labels overflow into the empty cells to its right.
  add(['Report', 'Rows Read', 'Rows Used', 'Rows Reported', 'Channel', 'Kind'], undefined, 'header');
  for (const src of x.sources) {
    const row = add([src.sheet, src.rowsRead, src.rowsUsed, src.rowsReported, src.channel, src.kind]);
    formats.push({ range: range(row, 0), format: FORMAT.text }, { range: range(row, 1, 1, 3), format: FORMAT.units });
  }

  const charts: ChartSpec[] = [];
  if (abcTotal > 0) {
    charts.push({
      type: 'pie',
      title: `Revenue by ABC class (${cur})`,
      categories: range(abcHeader + 1, 0, 3, 1),
      series: [{ name: 'Revenue', values: range(abcHeader + 1, 2, 3, 1) }],
      anchor: { row: 2, column: 10 },
      size: { columns: 7, rows: 16 },
    });
  }
  if (k.channels.length > 0) {
    charts.push({
      type: 'column',
      title: `Stock value by channel (${cur})`,
      categories: range(chHeader + 1, 0, k.channels.length, 1),
      series: [{ name: 'Stock value', values: range(chHeader + 1, 6, k.channels.length, 1) }],
      anchor: { row: 19, column: 10 },
      size: { columns: 7, rows: 16 },
    });
  }
  return sheetSpec(name, rows, {
    numberFormats: formats,
    styles,
    freeze: { rows: 1, columns: 0 },
    columnWidths: [44, 14, 14, 12, 12, 16, 18, 10, 10],
    charts,
    print: { landscape: true, repeatRows: 1 },
  });
}
