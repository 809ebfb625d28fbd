/**
 * The Lumive Events sheet through the whole analysis (issue 22): what the seller changes on it moves
 * the forecast, the reorder and Urgent Actions on the next run, and the sheet keeps what they said.
 *
 * LAMP-01 on Amazon KSA, All Orders for 1 October – 30 November 2026, 3 units a day: 183 units over a
 * 60-day sales period, v = 3.05 a day. Too short a history to learn an uplift (under 3 months), so each
 * event's uplift is its prior: the Ramadan setting 50%, the seller's own event its Uplift cell. The
 * analysis runs on 1 December 2026, lead time 90 days, cover 30: the window is 120 days, to 30 March
 * 2027. Nothing on hand. The forecast of an ordinary month is v × 30 = 91.5
 * (events-analysis.test.ts, "without the event in the history the setting is the uplift").
 * - As computed: Ramadan 1448 = 8 February – 8 March 2027 (29 days, all inside the window): event
 *   demand 0.5 × 3.05 × 29 = 44.225, need 91.5 + 44.225 = 135.725 → 136 bought; February's forecast
 *   91.5 × (28 + 0.5 × 21) ÷ 28 = 125.8125.
 * - Ramadan 2027 switched off: no event demand, 92 bought (⌈91.5⌉), February 91.5.
 * - Moved a day later (9 February – 9 March): still 29 days inside, 136 bought; February has 20 of
 *   them: 91.5 × (28 + 10) ÷ 28 = 124.1786.
 * - A launch of the seller's, KSA, 10–19 January 2027 (10 days) at 100%: event demand 44.225 + 1 ×
 *   3.05 × 10 = 74.725, need 166.225 → 167 bought; January 91.5 × (31 + 10) ÷ 31 = 121.0161; it starts
 *   in 40 days, before Ramadan (69), inside the 90-day lead time: "Launch promo starts in 40 days".
 * - The same launch for the UAE only: not in a KSA channel's calendar, 136 bought.
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import type { RawCell, RawGrid } from '../../../src/engine/ingest/types';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { LAMP_INVENTORY, lampMapping, lampOrders } from '../../helpers/lamp-orders';

const INPUTS = [
  { source: 'Mapping', grid: lampMapping(90) },
  { source: 'Amazon KSA inventory', grid: LAMP_INVENTORY },
  { source: 'Amazon KSA orders', grid: lampOrders('2026-10-01', '2026-11-30') },
];
const SHEET = 'Lumive Events';
const run = (events?: RawGrid): Analysis =>
  analyze(INPUTS, { settings: { ...DEFAULT_SETTINGS, upliftRamadan: 0.5 }, now: new Date('2026-12-01T06:00:00Z'), ...(events ? { events: { name: SHEET, grid: events } } : {}) });

/** The events sheet an analysis wrote, as the workbook gives it back. */
const eventsGrid = (a: Analysis): RawCell[][] => a.specs.find((s) => s.name === SHEET)!.rows.map((r) => [...r] as RawCell[]);
const rowOf = (grid: RawCell[][], name: string, start: string) => grid.findIndex((r) => r[0] === name && String(r[2]).startsWith(start));
const ON = 5;
const month = (a: Analysis, m: string) => {
  const f = a.forecasts[0].f;
  const i = f.horizon.indexOf(m);
  return Math.round(f.next[i] * 1e4) / 1e4;
};

let first: Analysis;
beforeAll(() => {
  first = run();
});

test('the first run writes the hidden sheet with this history’s and the next year’s events; as computed, 136 bought', () => {
  const spec = first.specs.find((s) => s.name === SHEET)!;
  expect(spec.visibility).toBe('hidden');
  const grid = eventsGrid(first);
  expect(grid[rowOf(grid, 'Ramadan', '2027')].slice(0, 6)).toEqual(['Ramadan', 'Both', '2027-02-08', '2027-03-08', 29, 'Yes']);
  expect(first.metrics[0].eventDemand).toBeCloseTo(44.225, 9);
  expect(first.reorder[0].buyQty).toBe(136);
  expect(month(first, '2027-02')).toBe(125.8125);
});

test('Ramadan 2027 switched off: no event demand, 92 bought, February as any month; the sheet keeps it off', () => {
  const grid = eventsGrid(first);
  grid[rowOf(grid, 'Ramadan', '2027')][ON] = 'No';
  const b = run(grid);
  expect(b.metrics[0].eventDemand).toBe(0);
  expect(b.reorder[0].buyQty).toBe(92);
  expect(month(b, '2027-02')).toBe(91.5);
  expect(b.forecasts[0].f.events.some((e) => e.name === 'Ramadan')).toBe(false);
  const kept = eventsGrid(b);
  expect(kept[rowOf(kept, 'Ramadan', '2027')][ON]).toBe('No');
  expect(kept[0][0]).toMatch(/1 switched off/);
  expect(b.issues.filter((i) => i.source === SHEET)).toEqual([]);
});

test('Ramadan 2027 moved a day later: the same 29 days inside the window, 20 of them in February', () => {
  const grid = eventsGrid(first);
  const r = rowOf(grid, 'Ramadan', '2027');
  grid[r][2] = '2027-02-09';
  grid[r][3] = '2027-03-09';
  const b = run(grid);
  expect(b.reorder[0].buyQty).toBe(136);
  expect(month(b, '2027-02')).toBe(124.1786);
});

test('a launch of the seller’s: its uplift lands on January, the reorder covers it, Urgent Actions says order now', () => {
  const grid = [...eventsGrid(first), ['Launch promo', 'KSA', '2027-01-10', '2027-01-19', null, 'Yes', 1, 'Yours']];
  const b = run(grid);
  expect(b.metrics[0].eventDemand).toBeCloseTo(74.725, 9);
  expect(b.reorder[0].buyQty).toBe(167);
  expect(month(b, '2027-01')).toBe(121.0161);
  expect(b.forecasts[0].f.events.find((e) => e.name === 'Launch promo')).toMatchObject({ start: '2027-01-10', uplift: 1, learned: false });
  expect(b.urgent.find((u) => u.metrics.position.masterSku === 'LAMP-01')?.issue).toMatch(/Launch promo starts in 40 days: order now/);
  const kept = eventsGrid(b);
  expect(kept[rowOf(kept, 'Launch promo', '2027')].slice(0, 8)).toEqual(['Launch promo', 'KSA', '2027-01-10', '2027-01-19', 10, 'Yes', 1, 'Yours']);
  // For the UAE only, it moves nothing on a KSA channel.
  const uae = run([...eventsGrid(first), ['Launch promo', 'UAE', '2027-01-10', '2027-01-19', null, 'Yes', 1, 'Yours']]);
  expect(uae.reorder[0].buyQty).toBe(136);
});

test('a bad row on the sheet is a Data Issue naming the sheet, row and column; the run goes on', () => {
  const grid = [...eventsGrid(first), ['Clearance', 'KSA', '2027-05-10', '2027-05-01', null, 'Yes', null, 'Yours']];
  const b = run(grid);
  expect(b.issues.filter((i) => i.source === SHEET)).toMatchObject([
    { source: SHEET, row: grid.length, column: 'End', value: '2027-05-01', code: 'events.ends-before-start', severity: 'error', reason: '"Clearance" ends (2027-05-01) before it starts (2027-05-10): row ignored', dropped: true },
  ]);
  expect(b.reorder[0].buyQty).toBe(136);
});
