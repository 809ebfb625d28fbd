/**
 * Cross-Channel sheet: one row per Master SKU, stock / sold / DOI side by side for every channel, and
 * an imbalance flag when, inside one country, one channel is short (selling, DOI < stockoutDays) while
 * another holds excess (DOI > excessDays, including stock that does not sell): stock a transfer could
 * move (Rebalance decides whether it pays).
 */
import { above, below } from '../metrics/compare';
import type { PositionMetrics } from '../analysis/position-metrics';
import { CHANNELS, type AbcClass, type Channel, type Settings } from '../model';
import type { SheetSpec } from './spec';
import { NO_SALES } from './common-columns';
import { TABLE_NAMES } from './names';
import { FORMAT, finiteOr, tableSheet, type Column } from './table';

interface Row {
  readonly masterSku: string;
  readonly title: string;
  readonly abc: AbcClass;
  readonly byChannel: ReadonlyMap<string, PositionMetrics>;
  readonly imbalance: string | null;
}

function imbalance(byChannel: ReadonlyMap<string, PositionMetrics>, s: Settings): string | null {
  const notes: string[] = [];
  const countries = new Set([...byChannel.values()].map((m) => m.position.channel.country));
  for (const country of countries) {
    const here = [...byChannel.values()].filter((m) => m.position.channel.country === country && m.velocityMethod !== 'no sales report');
    const short = here.filter((m) => m.velocity > 0 && below(m.doi, s.stockoutDays));
    const excess = here.filter((m) => m.position.available > 0 && above(m.doi, s.excessDays));
    if (short.length > 0 && excess.length > 0) {
      notes.push(`${excess.map((m) => m.position.channel.label).join(', ')} excess; ${short.map((m) => m.position.channel.label).join(', ')} short`);
    }
  }
  return notes.length > 0 ? notes.join(' | ') : null;
}

export function crossChannelSheet(name: string, metrics: readonly PositionMetrics[], s: Settings): SheetSpec {
  const byMaster = new Map<string, Map<string, PositionMetrics>>();
  for (const m of metrics) {
    const map = byMaster.get(m.position.masterSku) ?? new Map<string, PositionMetrics>();
    map.set(m.position.channel.id, m);
    byMaster.set(m.position.masterSku, map);
  }
  const channels: Channel[] = CHANNELS.filter((c) => metrics.some((m) => m.position.channel.id === c.id));
  const rows: Row[] = [...byMaster].map(([masterSku, byChannel]) => {
    const first = [...byChannel.values()][0];
    const title = [...byChannel.values()].map((m) => m.position.title).find((t) => t) ?? '';
    return { masterSku, title, abc: first.abc, byChannel, imbalance: imbalance(byChannel, s) };
  });
  rows.sort((a, b) => (a.imbalance ? 0 : 1) - (b.imbalance ? 0 : 1) || (a.masterSku < b.masterSku ? -1 : a.masterSku > b.masterSku ? 1 : 0));
  const perChannel: Column<Row>[] = channels.flatMap((c): Column<Row>[] => [
    { header: `${c.label} Stock`, value: (r) => r.byChannel.get(c.id)?.position.available ?? null, format: FORMAT.units, width: 14 },
    { header: `${c.label} Sold`, value: (r) => r.byChannel.get(c.id)?.position.sold ?? null, format: FORMAT.units, width: 13 },
    {
      header: `${c.label} DOI`,
      value: (r) => {
        const m = r.byChannel.get(c.id);
        return m ? finiteOr(m.doi, NO_SALES) : null;
      },
      format: FORMAT.days,
      width: 13,
      rules: [
        { type: 'lessThan', value: s.stockoutDays, fill: 'red' },
        { type: 'greaterThan', value: s.excessDays, fill: 'amber' },
      ],
    },
  ]);
  const sum = (r: Row, f: (m: PositionMetrics) => number) => [...r.byChannel.values()].reduce((a, m) => a + f(m), 0);
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
      { header: 'Total Stock', value: (r) => sum(r, (m) => Math.max(0, m.position.available)), format: FORMAT.units, width: 12 },
      { header: 'Total Sold', value: (r) => sum(r, (m) => m.position.sold), format: FORMAT.units, width: 11 },
      { header: 'Imbalance', value: (r) => (r.imbalance ? 'Yes' : 'No'), width: 11, rules: [{ type: 'textEquals', text: 'Yes', fill: 'orange' }] },
      { header: 'Imbalance Detail', value: (r) => r.imbalance, width: 40 },
    ],
  });
}
