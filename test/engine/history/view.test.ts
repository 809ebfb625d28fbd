/**
 * historyView does not copy the saved history (history.ts): it reads the saved rows before the first one
 * it leaves out and holds copies of the rest. Whatever reads it — column by column, row by row, or
 * through the trend functions that read its two parts (trends.ts) — must see the same rows as a table
 * built row by row.
 */
import { HistoryTable, historyKey, historyView, viewParts, type HistoryRow } from '../../../src/engine/history/history';
import { channelPeriods } from '../../../src/engine/history/channel-periods';
import { groupByPosition } from '../../../src/engine/history/position-rows';
import { positionPoints, positionTrend } from '../../../src/engine/history/trends';
import { hrow, rowsOf, salesRow, table } from './history-rows';

const DATE = '2026-11-30';

/** Saved: three monthly snapshots of A and B on Amazon KSA, with a sales month; `resaved`: a snapshot already saved on DATE at the end. */
function saved(resaved: boolean): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const months = [
    ['2026-08-31', '2026-08'],
    ['2026-09-30', '2026-09'],
    ['2026-10-31', '2026-10'],
  ];
  months.forEach(([date, period], m) => {
    for (const sku of ['A', 'B']) rows.push(hrow({ date, period, masterSku: sku, available: m === 1 && sku === 'A' ? 0 : 10 + m, sold: 20 + m, revenue: 200 + m, velocity: (20 + m) / 30, price: 10 }));
  });
  rows.push(salesRow({ date: '2026-10-02', period: '2026-09', masterSku: 'B', sold: 25, revenue: 250, velocity: 25 / 30 }));
  if (resaved) for (const sku of ['A', 'B']) rows.push(hrow({ date: DATE, period: '2026-11', masterSku: sku, available: 99, sold: 1, velocity: 1 / 30 }));
  return rows;
}

const current = [hrow({ date: DATE, period: '2026-11', masterSku: 'A', available: 5, sold: 24, velocity: 0.8, price: 10 }), hrow({ date: DATE, period: '2026-11', masterSku: 'C', available: 3, sold: 3, velocity: 0.1 })];

/** What historyView must give, row by row (its file comment): kept saved rows, then the analysis' rows. */
function expected(rows: readonly HistoryRow[]): HistoryRow[] {
  return [...rows.filter((r) => !(r.source === 'Snapshot' && r.date === DATE)), ...current];
}

describe.each([
  ['nothing saved on the analysis date', false],
  ['the same date saved before (its snapshot left out)', true],
])('historyView, %s', (_name, resaved) => {
  const rows = saved(resaved);
  const view = () => historyView(table(rows), table(current), DATE);

  test('reads the saved rows in place: its first part is the saved table itself, up to the first row left out', () => {
    const parts = viewParts(view());
    expect(parts.rows).toBe(rows.length - (resaved ? 2 : 0));
    expect(parts.tail.length).toBe(current.length);
  });

  test('row by row and column by column it is the table built row by row', () => {
    const v = view();
    expect(v.length).toBe(expected(rows).length);
    expect(rowsOf(v)).toEqual(expected(rows));
    const eager = table(expected(rows));
    expect(v.sold).toEqual(eager.sold);
    expect(v.date).toEqual(eager.date);
    // Once its columns are built it is a plain table: no parts left.
    expect(viewParts(v).tail.length).toBe(0);
  });

  test('the trend functions read it as they read the table built row by row', () => {
    const v = view();
    const eager = table(expected(rows));
    const groups = groupByPosition(v);
    expect(groups).toEqual(groupByPosition(eager));
    const periods = channelPeriods(v);
    expect(periods).toEqual(channelPeriods(eager));
    for (const sku of ['A', 'B', 'C']) {
      const idx = groups.get(historyKey(sku, 'Amazon KSA')) as number[];
      const all = periods.all.get('Amazon KSA') as string[];
      const sales = periods.sales.get('Amazon KSA');
      expect(positionPoints(v, idx, all, sales)).toEqual(positionPoints(eager, idx, all, sales));
      expect(positionTrend(v, idx, all, sales, 0.2)).toEqual(positionTrend(eager, idx, all, sales, 0.2));
    }
    // Still unbuilt: the trend functions did not copy the saved rows.
    expect(viewParts(v).tail.length).toBe(current.length);
  });

  test('writing to it builds it first; the saved table is never changed', () => {
    const s = table(rows);
    const v = historyView(s, table(current), DATE);
    v.push(hrow({ masterSku: 'D' }));
    expect(rowsOf(v)).toEqual([...expected(rows), hrow({ masterSku: 'D' })]);
    expect(rowsOf(s)).toEqual(rows);
  });
});

test('a saved snapshot on the analysis date in the middle: the rows after it are copied, order kept', () => {
  const rows = [hrow({ date: '2026-10-31' }), hrow({ date: DATE, masterSku: 'B' }), salesRow({ period: '2026-09', sold: 4 }), hrow({ date: '2026-10-31', masterSku: 'C' })];
  const v = historyView(HistoryTable.of(rows), table(current), DATE);
  expect(viewParts(v).rows).toBe(1);
  expect(rowsOf(v)).toEqual([rows[0], rows[2], rows[3], ...current]);
});
