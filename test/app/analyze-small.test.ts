/**
 * The whole analysis on a small workbook (test/app/small-workbook.ts) whose every expected number is
 * computed by hand below from docs/FORMULAS.md with the default settings (safetyDays 30, excessDays 90,
 * criticalDays 7, stockoutDays 14, severeExcessDays 365, leadTimeDays 30, targetDoi 45, elasticity 1.5,
 * maxDiscount 0.5, transferCostPerUnit 5, minTransferQty 10, outlet 0.5 × 0.6, removal fee 2,
 * liquidation recovery 0.1, approval tiers Auto < 5,000 < Manager < 50,000).
 */
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import type { PositionMetrics } from '../../src/engine/analysis/position-metrics';
import { HOSTILE_TITLE, PLUS_TITLE, SMALL_SHEETS } from './small-workbook';

const NOW = new Date('2026-11-21T08:00:00Z');

function fresh() {
  return new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })));
}

/** Rows of a sheet's table as objects keyed by header (the header is the row holding "Master SKU"). */
function tableRows(wb: MemoryWorkbook, sheet: string, headerCell = 'Master SKU'): Record<string, unknown>[] {
  const values = wb.sheet(sheet)!.values;
  const h = values.findIndex((r) => r.includes(headerCell));
  const header = values[h] as string[];
  return values.slice(h + 1).filter((r) => r.some((c) => c !== '' && c !== null)).map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

describe('analysis of the small workbook, by hand', () => {
  let wb: MemoryWorkbook;
  let result: Awaited<ReturnType<typeof analyzeWorkbook>>;
  const m = (id: string): PositionMetrics => result.analysis.metrics.find((x) => x.id === id)!;

  beforeAll(async () => {
    wb = fresh();
    result = await analyzeWorkbook(wb, { now: NOW });
  });

  it('computes each position’s velocity, DOI, excess and need', () => {
    // A1 Amazon KSA: v = 60 / 30 = 2; DOI = 600 / 2 = 300; excess = 600 − 2 × 90 = 420.
    expect(m('A1|amazon-ksa')).toMatchObject({ velocity: 2, doi: 300, excessQty: 420, dead: false, urgency: null, abc: 'A' });
    // A1 noon KSA: 30 non-cancelled units over 30 days → v = 1; DOI = 5; need = 1 × 30 − 5 − 0 = 25.
    expect(m('A1|noon-ksa')).toMatchObject({ velocity: 1, doi: 5, needQty: 25, urgency: 'CRITICAL' });
    // B2: not in the Business Report → sold 0, 50 on hand → dead stock, MEDIUM.
    expect(m('B2|amazon-ksa')).toMatchObject({ velocity: 0, doi: Infinity, dead: true, urgency: 'MEDIUM', movement: 'Dead', abc: 'C' });
    // C3: v = 15 / 30 = 0.5; DOI = 800 > 365 → HIGH; excess = 400 − 45 = 355. ABC: B (9,000 of 10,150 before it = 88.7%).
    expect(m('C3|amazon-ksa')).toMatchObject({ velocity: 0.5, doi: 800, excessQty: 355, urgency: 'HIGH', abc: 'B' });
    // D4: v = 10 / 30; DOI = 2 / (1/3) = 6 → CRITICAL.
    expect(m('D4|noon-ksa').velocity).toBeCloseTo(1 / 3, 12);
    expect(m('D4|noon-ksa').doi).toBeCloseTo(6, 12);
    expect(m('D4|noon-ksa').urgency).toBe('CRITICAL');
  });

  it('moves A1’s Amazon excess to noon before buying: 25 units, capital saved 875', () => {
    // transferQty = min(420, 25) = 25 ≥ 10; 5 < unit cost 40; saved = 25 × 40 − 25 × 5 = 875.
    const rows = tableRows(wb, 'Rebalance');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Master SKU': 'A1', From: 'Amazon KSA', To: 'noon KSA', 'Recommended Qty': 25, 'Capital Saved': 875, 'Capital Saved (SAR)': 875 });
    // Value moved 25 × 40 = 1,000 < 5,000 → Auto tier → Auto-approved.
    expect(rows[0]).toMatchObject({ 'Approval Tier': 'Auto', Status: 'Auto-approved' });
  });

  it('reorders D4 only, rounded to MOQ and case pack', () => {
    // A1 noon: need 25 − 25 transferred = 0, no purchase. D4: 1/3 × 30 − 2 = 8 → MOQ 24 → 2 cases of 12 = 24;
    // order value 24 × 15 = 360 SAR → Auto.
    const rows = tableRows(wb, 'Reorder');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Master SKU': 'D4', Channel: 'noon KSA', 'Recommended Qty': 24, 'Order Value': 360, 'Approval Tier': 'Auto', Status: 'Auto-approved', 'Approved Qty': 24 });
    expect(rows[0]['Need']).toBeCloseTo(8, 9);
  });

  it('prices every option for the excess over 180 days: A1 is kept, C3 goes to an outlet deal, dead B2 is liquidated', () => {
    // Defaults: sell fees 15% referral + 5 fulfillment a unit, storage 0.5 a unit-month, holding 25% of cost a year,
    // no aged surcharge, disposal 1, resale 0. Holding a unit a day: k = 0.5 / 30 + cost × 0.25 / 365.
    // A1 (price 100, cost 40, v 2): 395 excess after the 25 sent to noon, 180 others (575 − 395).
    //   Keep: they sell from day 180 / 2 = 90; by day 180, 180 units at 100 − 20, mean holding k × (90 + 180) / 2;
    //   the other 215 are held to day 180 (k × 180) and liquidated then at 10: 14,400 − 180 × 135k + 215 × (10 − 180k) = 13,773.97.
    //   Outlet: 395 × (0.6 × (50 − 20) − 0.4 × 2) = 6,794; liquidate 395 × 10 = 3,950; the capped 50% discount 1,919.22.
    // C3 (price 50, cost 20, v 0.5, 355 excess, 45 others): keep 1,358.65, outlet 355 × (0.6 × (25 − 12.5) − 0.8) = 2,378.50,
    //   liquidate 355 × 5 = 1,775, discount 792.55.
    // B2 (dead, price 30, cost 10, 50 units): keep −50 × (180k − 3) = −61.64, outlet 50 × (0.6 × (15 − 9.5) − 0.8) = 125,
    //   liquidate 50 × 3 = 150, remove −100, dispose −50.
    const rows = tableRows(wb, 'Liquidation');
    expect(rows.map((r) => r['Master SKU'])).toEqual(['A1', 'C3', 'B2']); // by value at cost: 15,800, 7,100, 500
    expect(rows[0]).toMatchObject({ 'Recommended Qty': 395, Discount: 0.5, 'New Price': 50, 'Reaches Target': 'No', Recommendation: 'Keep', Recovery: 13773.97 });
    expect(rows[0]).toMatchObject({ 'Net: Keep': 13773.97, 'Net: Discount': 1919.22, 'Net: Outlet deal': 6794, 'Net: Liquidate': 3950, 'Net: Remove': -790, 'Net: Dispose': -395 });
    expect(rows[0].Reason).toBe('Keep brings the most over 180 days: 13,774, 6,980 more than outlet deal (6,794)');
    expect(rows[0]['Days to Clear'] as number).toBeCloseTo(600 / (2 * Math.pow(0.5, -1.5)), 9);
    expect(rows[1]).toMatchObject({ 'Recommended Qty': 355, Recommendation: 'Outlet deal', Recovery: 2378.5, 'Net: Keep': 1358.65, 'Net: Liquidate': 1775, 'Value at Cost (SAR)': 7100 });
    expect(rows[2]).toMatchObject({ 'Recommended Qty': 50, Recommendation: 'Liquidate', Recovery: 150, 'Net: Keep': -61.64, 'Net: Outlet deal': 125, 'Net: Discount': '', 'Value at Cost (SAR)': 500 });
    // Tiers: 15,800 and 7,100 → Manager (Pending); 500 → Auto.
    expect(rows.map((r) => r.Status)).toEqual(['Pending', 'Pending', 'Auto-approved']);
  });

  it('lists the urgent actions by priority, then money at stake', () => {
    // CRITICAL A1 noon: (30 − 5) × 1 × 100 = 2,500; CRITICAL D4: (30 − 6) × 1/3 × 40 = 320;
    // HIGH C3: 355 excess × 20 = 7,100; MEDIUM B2: 50 × 10 = 500.
    const rows = tableRows(wb, 'Urgent Actions');
    expect(rows.map((r) => [r.Priority, r['Master SKU'], r.Channel])).toEqual([
      ['CRITICAL', 'A1', 'noon KSA'],
      ['CRITICAL', 'D4', 'noon KSA'],
      ['HIGH', 'C3', 'Amazon KSA'],
      ['MEDIUM', 'B2', 'Amazon KSA'],
    ]);
    expect(rows.map((r) => r['Value at Stake (SAR)'])).toEqual([2500, 320, 7100, 500]);
    expect(rows[0].Action).toBe('Transfer 25 from Amazon KSA');
    expect(rows[1].Action).toBe('Order 24');
  });

  it('sums the KPIs: stock value 32,730 SAR and the ABC mix', () => {
    // 600 × 40 + 5 × 40 + 50 × 10 + 400 × 20 + 2 × 15 = 24,000 + 200 + 500 + 8,000 + 30.
    expect(result.analysis.kpis.stockValue).toBe(32730);
    expect(result.analysis.kpis.abcMix.map((x) => [x.abc, x.masterSkus])).toEqual([['A', 1], ['B', 1], ['C', 2]]);
    // Sell-through: Σsold 60 + 30 + 15 + 10 = 115; Σavailable 1,057 → 115 / 1,172.
    expect(result.analysis.kpis.sellThrough).toBeCloseTo(115 / 1172, 12);
  });

  it('writes hostile titles as the text they are', () => {
    const titles = tableRows(wb, 'Urgent Actions').map((r) => r.Title);
    expect(titles).toContain(HOSTILE_TITLE);
    expect(titles).toContain(PLUS_TITLE);
  });

  it('creates Lumive Settings, the registry and accounts for every input row', () => {
    const names = wb.toJSON().sheets.map((s) => s.name);
    for (const n of ['Urgent Actions', 'Summary', 'Health', 'Reorder', 'Rebalance', 'Liquidation', 'Cross-Channel', 'Stranded', 'Data Issues', 'Lumive Settings']) expect(names).toContain(n);
    expect(wb.sheet('Lumive Registry')!.visibility).toBe('veryHidden');
    expect(wb.sheet('Lumive Approval Log')!.visibility).toBe('hidden');
    for (const s of result.analysis.sources) expect(s.rowsRead).toBe(s.rowsUsed + s.rowsReported);
    // The cancelled noon row is read and used (it counts as no sale), so nothing is reported.
    expect(result.analysis.sources.find((s) => s.source === 'noon KSA Sales')).toMatchObject({ rowsRead: 41, rowsReported: 0 });
  });
});

describe('re-running with edited approvals, settings and inputs', () => {
  it('keeps approvals, honors a valid setting, reports an invalid one and appends to the log', async () => {
    const wb = fresh();
    await analyzeWorkbook(wb, { now: NOW });
    const logBefore = wb.sheet('Lumive Approval Log')!.values.map((r) => [...r]);
    expect(logBefore.length).toBe(4); // header + 3 auto-approvals (D4 reorder, A1 transfer, B2 liquidation)

    // A user approves the A1 and C3 liquidations.
    const liq = wb.sheet('Liquidation')!.values;
    const h = liq.findIndex((r) => r.includes('Master SKU'));
    const col = (name: string) => (liq[h] as string[]).indexOf(name);
    const rowOf = (sku: string) => liq.findIndex((r) => r[col('Master SKU')] === sku);
    wb.setValue('Liquidation', rowOf('A1'), col('Status'), 'Approved');
    wb.setValue('Liquidation', rowOf('A1'), col('Approved By'), 'Sara');
    wb.setValue('Liquidation', rowOf('A1'), col('Approved Qty'), 395);
    wb.setValue('Liquidation', rowOf('C3'), col('Status'), 'approved');
    wb.setValue('Liquidation', rowOf('C3'), col('Approved By'), 'Omar');
    // …edits two settings: excessDays 180 (valid) and maxDiscount "abc" (not a number).
    const settings = wb.sheet('Lumive Settings')!.values;
    const settingRow = (key: string) => settings.findIndex((r) => r[0] === key);
    wb.setValue('Lumive Settings', settingRow('excessDays'), 2, 180);
    wb.setValue('Lumive Settings', settingRow('maxDiscount'), 2, 'abc');
    // …and C3's stock drops to 10 in the inventory report (its liquidation disappears).
    wb.setValue('Amazon KSA Inventory', 3, 7, '10');

    const second = await analyzeWorkbook(wb, { now: new Date('2026-11-28T08:00:00Z') });
    expect(second.analysis.settings.excessDays).toBe(180);
    expect(second.analysis.settings.maxDiscount).toBe(0.5);
    const issue = second.analysis.issues.find((i) => i.source === 'Lumive Settings');
    expect(issue).toMatchObject({ row: settingRow('maxDiscount') + 1, column: 'Value', value: 'abc' });
    expect(issue!.reason).toMatch(/Maximum discount must be a number: default 0.5 used/);
    expect(tableRows(wb, 'Data Issues', 'Sheet').some((r) => r.Sheet === 'Lumive Settings' && r.Value === 'abc')).toBe(true);

    // A1: excess = 600 − 2 × 180 = 240, 25 transferred → 215 units; 395 → 215 moved more than 10%.
    const rows = tableRows(wb, 'Liquidation');
    expect(rows.map((r) => r['Master SKU'])).toEqual(['A1', 'B2']);
    expect(rows[0]).toMatchObject({ 'Recommended Qty': 215, Status: 'Approved', 'Approved By': 'Sara', 'Approved Qty': 395, 'Changed Since Approval': 'Qty 395 → 215 (-46%)' });

    // The log kept its rows and appended both approvals, with the qty shown when they were made (C3's row
    // left the sheet; its approval stays in the log), then this run's auto-approval: C3 now sells
    // 0.5 a day with 10 on hand, so the cover rule orders 0.5 × 30 − 10 = 5 units (5 × 20 = 100 SAR, Auto).
    const log = wb.sheet('Lumive Approval Log')!.values;
    expect(log.slice(0, logBefore.length).map((r) => [...r])).toEqual(logBefore);
    const appended = log.slice(logBefore.length).map((r) => [r[1], r[2], r[5], r[6], r[8]]);
    expect(appended).toEqual([
      ['Liquidation', 'A1', 'Approved', 395, 'Sara'],
      ['Liquidation', 'C3', 'Approved', 355, 'Omar'],
      ['Reorder', 'C3', 'Auto-approved', 5, 'Lumive'],
    ]);

    // A third run with nothing changed appends nothing.
    await analyzeWorkbook(wb, { now: new Date('2026-12-05T08:00:00Z') });
    expect(wb.sheet('Lumive Approval Log')!.values.length).toBe(log.length);
  });

  it('never overwrites a user’s sheet that has an output sheet’s name', async () => {
    const wb = new MemoryWorkbook([...SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })), { name: 'Reorder', rows: [['my own notes']] }]);
    const r = await analyzeWorkbook(wb, { now: NOW });
    expect(wb.sheet('Reorder')!.values).toEqual([['my own notes']]);
    expect(r.names.get('reorder')).toBe('Reorder (Lumive)');
    expect(tableRows(wb, 'Reorder (Lumive)')).toHaveLength(1);
    // The next run finds its own sheet through the registry and leaves the user's alone again.
    await analyzeWorkbook(wb, { now: NOW });
    expect(wb.sheet('Reorder')!.values).toEqual([['my own notes']]);
    expect(wb.toJSON().sheets.filter((s) => s.name.startsWith('Reorder'))).toHaveLength(2);
  });
});
