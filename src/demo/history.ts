/**
 * Sample history for the demo: earlier monthly snapshots made up from the sample's own snapshot, so
 * `npm run demo` shows the Trends sheet and history-fed forecasts without months of real use. Each
 * position gets a monthly trend (growth, stable or decline) and noise; stock follows its own walk with
 * an occasional stockout. Generated data, like the rest of the sample workbook, and said so where shown.
 */
import { HistoryTable, SNAPSHOT } from '../engine';
import { Random } from './random';

/** Month "YYYY-MM" `k` months before `period`. */
function monthsBefore(period: string, k: number): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - k, 1));
  return d.toISOString().slice(0, 7);
}

/** The first day of the month after `period` ("YYYY-MM-DD"): when that month's reports are downloaded. */
function dayAfter(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/**
 * `current`: the sample analysis' snapshot rows (history/snapshot.ts); returns `months` earlier monthly
 * snapshots of the same positions, each dated the first day after its month.
 */
export function demoHistory(current: HistoryTable, months = 5, seed = 20261121): HistoryTable {
  const rng = new Random(seed);
  const out = new HistoryTable();
  for (let i = 0; i < current.length; i++) {
    if (current.source[i] !== SNAPSHOT) continue;
    const row = current.row(i);
    // Monthly growth factor going back in time: > 1 means the product sold more before (declining now).
    const drift = rng.pick([0.8, 0.9, 1, 1, 1, 1.1, 1.25]);
    const sold0 = row.sold ?? 0;
    // Unit cost from the snapshot's stock value; unknown when it had no stock (earlier values then blank).
    const unitCost = row.available && row.stockValue !== null ? row.stockValue / row.available : null;
    for (let k = months; k >= 1; k--) {
      const period = monthsBefore(row.period, k);
      const sold = row.sold === null ? null : Math.max(0, Math.round(sold0 * drift ** k * rng.uniform(0.8, 1.2)));
      const velocity = sold === null ? null : sold / 30;
      const available = rng.chance(0.06) ? 0 : Math.max(0, Math.round((row.available ?? 0) * rng.uniform(0.5, 1.5) + (velocity ?? 0) * rng.uniform(0, 30)));
      out.push({
        ...row,
        date: dayAfter(period),
        period,
        available,
        inbound: Math.round((row.inbound ?? 0) * rng.uniform(0, 1.5)),
        sold,
        revenue: sold === null || row.price === null ? row.revenue : sold * row.price,
        velocity,
        doi: velocity === null ? null : velocity > 0 ? available / velocity : available > 0 ? null : 0,
        stockValue: unitCost === null ? null : available * unitCost,
      });
    }
  }
  return out;
}
