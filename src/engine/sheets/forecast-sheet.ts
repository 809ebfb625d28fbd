/**
 * Forecast sheet (docs/PRODUCT.md): per position its demand class, XYZ class (coefficient of variation of the
 * monthly history, docs/FORMULAS.md "Classes"), the method the automatic choice picked,
 * the next months' forecast with a 95% interval, accuracy on held-out history, and returns with net
 * demand; above the table, how many positions each method serves and the supplier lead times measured
 * from PO history (which the `service` policy plans with).
 */
import type { PositionMetrics } from '../analysis/position-metrics';
import type { HorizonEvent, PositionForecast } from '../analysis/position-forecast';
import type { SupplierLeadTime } from '../metrics/lead-time';
import { RETURN_ALERT_RATE } from '../metrics/returns';
import type { CellValue, StyledRange } from './spec';
import { channelColumn, skuColumn } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, range, round, tableSheet } from './table';
import type { SheetSpec } from './spec';

export interface ForecastRow {
  readonly m: PositionMetrics;
  readonly f: PositionForecast;
}

const CLASS_LABEL: Record<string, string> = { smooth: 'Smooth', erratic: 'Erratic', intermittent: 'Intermittent', lumpy: 'Lumpy' };

export function forecastSheet(name: string, rows: readonly ForecastRow[], suppliers: readonly SupplierLeadTime[]): SheetSpec {
  const methods = new Map<string, number>();
  for (const r of rows) methods.set(r.f.label, (methods.get(r.f.label) ?? 0) + 1);
  const methodRows = [...methods].sort((a, b) => b[1] - a[1]);
  const height = Math.max(methodRows.length, suppliers.length, 1) + 1;
  const pre: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(9).fill(null));
  pre[0][0] = 'Method';
  pre[0][1] = 'Positions';
  methodRows.forEach(([label, n], i) => {
    pre[i + 1][0] = label;
    pre[i + 1][1] = n;
  });
  pre[0].splice(3, 6, 'Supplier', 'POs Received', 'Open POs', 'Lead Time (days)', 'Lead Time Std (days)', 'On-Time Rate');
  if (suppliers.length === 0) pre[1][3] = 'No supplier PO history sheet: lead times come from the mapping or the settings';
  suppliers.forEach((sp, i) => {
    pre[i + 1].splice(3, 6, sp.supplier, sp.received, sp.open, round(sp.meanDays, 1), round(sp.sdDays, 1), sp.onTimeRate);
  });
  const styles: StyledRange[] = [
    { range: range(1, 0, 1, 2), style: 'subtitle' },
    { range: range(1, 3, 1, 6), style: 'subtitle' },
  ];
  const col = (r: ForecastRow) => r.m;
  const fc = (r: ForecastRow) => r.f.result;
  const withHistory = rows.filter((r) => r.f.result !== null).length;
  return tableSheet<ForecastRow>({
    name,
    tableName: TABLE_NAMES.forecast,
    title: `Forecast: ${rows.length} positions, ${withHistory} with 3 or more months of sales history; monthly units, 95% intervals`,
    freezeColumns: 2,
    rows,
    preamble: {
      rows: pre,
      styles,
      numberFormats: [
        { range: range(2, 6, Math.max(1, suppliers.length), 2), format: FORMAT.days },
        { range: range(2, 8, Math.max(1, suppliers.length), 1), format: FORMAT.percent },
      ],
    },
    columns: [
      skuColumn(col),
      channelColumn(col),
      { header: 'Months of History', value: (r) => r.f.history.length, format: FORMAT.units, width: 10 },
      { header: 'History From', value: (r) => r.f.months[0] ?? null, format: FORMAT.text, width: 10 },
      { header: 'History To', value: (r) => r.f.months[r.f.months.length - 1] ?? null, format: FORMAT.text, width: 10 },
      { header: 'Demand Class', value: (r) => (fc(r)?.demandClass ? CLASS_LABEL[fc(r)!.demandClass as string] : r.f.history.some((x) => x > 0) ? null : 'No demand'), width: 12 },
      { header: 'XYZ', value: (r) => r.f.xyz ?? '—', width: 6 },
      { header: 'Demand CV', value: (r) => round(r.f.cv, 2), format: FORMAT.ratio, width: 9 },
      { header: 'Method', value: (r) => r.f.label, width: 28 },
      { header: 'Next Month', value: (r) => round(r.f.next[0], 1), format: FORMAT.days, width: 11 },
      { header: 'Next Month Low', value: (r) => round(fc(r)?.lower[0] ?? null, 1), format: FORMAT.days, width: 11 },
      { header: 'Next Month High', value: (r) => round(fc(r)?.upper[0] ?? null, 1), format: FORMAT.days, width: 11 },
      { header: 'Month 2', value: (r) => round(r.f.next[1], 1), format: FORMAT.days, width: 9 },
      { header: 'Month 2 Low', value: (r) => round(fc(r)?.lower[1] ?? null, 1), format: FORMAT.days, width: 9 },
      { header: 'Month 2 High', value: (r) => round(fc(r)?.upper[1] ?? null, 1), format: FORMAT.days, width: 9 },
      { header: 'Month 3', value: (r) => round(r.f.next[2], 1), format: FORMAT.days, width: 9 },
      { header: 'Month 3 Low', value: (r) => round(fc(r)?.lower[2] ?? null, 1), format: FORMAT.days, width: 9 },
      { header: 'Month 3 High', value: (r) => round(fc(r)?.upper[2] ?? null, 1), format: FORMAT.days, width: 9 },
      { header: 'Events', value: (r) => eventsText(r.f.events), format: FORMAT.text, width: 36 },
      { header: 'Held-out Months', value: (r) => fc(r)?.heldOut?.periods ?? null, format: FORMAT.units, width: 9 },
      { header: 'Held-out MASE', value: (r) => round(fc(r)?.heldOut?.mase ?? null, 3), format: '0.000', width: 9 },
      { header: 'Held-out RMSSE', value: (r) => round(fc(r)?.heldOut?.rmsse ?? null, 3), format: '0.000', width: 9 },
      { header: 'Held-out Bias', value: (r) => round(fc(r)?.heldOut?.bias ?? null, 2), format: FORMAT.ratio, width: 9 },
      // Blank, not 0, where nothing is known about returns (no returns report for the channel).
      { header: 'Returned', value: (r) => (r.f.returnRate === null && r.f.returned === 0 ? null : r.f.returned), format: FORMAT.units, width: 9 },
      { header: 'Return Rate', value: (r) => r.f.returnRate, format: FORMAT.percent, width: 9 },
      {
        header: 'Return Alert',
        value: (r) => (r.f.returnAlert ? `Above ${Math.round(RETURN_ALERT_RATE * 100)}%` : null),
        width: 11,
        rules: [{ type: 'textEquals', text: `Above ${Math.round(RETURN_ALERT_RATE * 100)}%`, fill: 'red' }],
      },
      { header: 'Returns Next Month', value: (r) => round(r.f.returnsNext, 1), format: FORMAT.days, width: 11 },
      { header: 'Net Demand Next Month', value: (r) => round(r.f.netNext, 1), format: FORMAT.days, width: 12 },
      { header: 'Velocity Method', value: (r) => r.m.velocityMethod, width: 20 },
      { header: 'Policy σ Source', value: (r) => r.m.sigmaSource, width: 24 },
      { header: 'Lead Time Source', value: (r) => r.m.leadTimeSource, width: 20 },
    ],
  });
}

/**
 * The events in the forecast months with an uplift and the uplift each was given: "Ramadan from
 * 2027-02-08 +77% (learned); Eid al-Fitr from 2027-03-09 +30%". Blank without any.
 */
export function eventsText(events: readonly HorizonEvent[]): string | null {
  // An event given no uplift (under half a percent) changes nothing: not listed.
  const moving = events.filter((e) => Math.abs(e.uplift) >= 0.005);
  if (moving.length === 0) return null;
  return moving.map((e) => `${e.name} from ${e.start} ${e.uplift >= 0 ? '+' : '−'}${Math.round(Math.abs(e.uplift) * 100)}%${e.learned ? ' (learned)' : ''}`).join('; ');
}
