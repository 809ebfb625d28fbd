/**
 * GCC events learned from daily sales through the whole analysis (issue 22: "Daily sales … are used
 * where present"), by hand.
 *
 * DATES-01 on noon KSA, noon Product views & sales (header typed in test/fixtures/marketplace-reports.ts
 * from data/reports/noon/product-views-and-sales.sample.csv of the shared data: one row per SKU per day),
 * 1 January – 30 November 2025: 4 units a day, 8 on each day of Ramadan 1446 (1–29 March 2025: a true
 * uplift of 1) and 16 on each day of Eid al-Fitr (30 March – 1 April: a true uplift of 3); every other
 * event of the KSA calendar sells the ordinary 4 (Founding Day 22 February, Eid al-Adha 6–9 June, back to
 * school 15 August – 7 September, National Day 23 September, 11.11, White Friday from 24 November).
 * Umm al-Qura dates as in events.test.ts. The analysis runs on 1 December 2025 with the default settings
 * (every event's setting 0); the SKU is alone on its channel, so its priors are the settings, 0 (1/τ² = 4).
 *
 * Daily (event-uplift.ts, "Daily sales"): every event-free day sells 4 = its baseline, so φ = 1.
 *   Ramadan: d = 29, y = 29 × 8 = 232; baseline the event-free days of 1–28 February but the 22nd (27)
 *     and of 30 March – 26 April but the Eid (25): 52 days at 4, B = 4. x = 232 − 116 = 116, z = 116,
 *     σ² = 4 × 29 = 116: I = 116, u_R = (116 × 1 + 4 × 0) ÷ (116 + 4) = 0.966667.
 *   Eid al-Fitr: d = 3, y = 48; the 28 days before it are Ramadan's, so the baseline is 2–29 April alone
 *     (28 days ≥ 14, 112 units ≥ 10): B = 4. x = 48 − 12 = 36, z = 12, σ² = 12: I = 12, u_E = 36 ÷ 16 = 2.25.
 *   Every other occurrence: x = 0 and no day shared with Ramadan or the Eid: u = 0.
 * Monthly, what the months alone would give (the rule before daily sales): March holds Ramadan's 29
 * days and 2 of the Eid's, April 1 Eid day; free months (January, May, July, October) sell 4 a day, φ = 1.
 *   March: B = 4 (January, May), y = 124 + 116 + 24 = 264, x = 140, z = (116, 8), σ² = 124;
 *   April: B = 4 (May), y = 132, x = 12, z = (0, 4), σ² = 120.
 *   [116²/124 + 4, 116 × 8/124; 116 × 8/124, 8²/124 + 4²/120 + 4] u = [116 × 140/124; 8 × 140/124 + 4 × 12/120]
 *   = [112.516129, 7.483871; 7.483871, 4.649462] u = [130.967742; 9.432258]: det = 467.131, u_R = 538.340 ÷
 *   467.131 = 1.152 (+115%: the Eid's sales put on Ramadan), u_E = 81.136 ÷ 467.131 = 0.174.
 * Forecast months December 2025 – February 2026: Ramadan 1447 starts 18 February 2026, so the Forecast
 * sheet's Events column says "Ramadan from 2026-02-18 +97% (learned)".
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import { DAY_MS, dayMs } from '../../../src/engine/calendar';
import { builtInEvents } from '../../../src/engine/forecast/events';
import { exposure, learnUplifts } from '../../../src/engine/forecast/event-uplift';
import { NOON_VIEWS_SALES_HEADER, viewsRow } from '../../fixtures/marketplace-reports';

const RAMADAN: readonly [string, string] = ['2025-03-01', '2025-03-29'];
const EID: readonly [string, string] = ['2025-03-30', '2025-04-01'];
const within = ([a, b]: readonly [string, string], iso: string) => iso >= a && iso <= b;
const unitsOn = (iso: string) => (within(RAMADAN, iso) ? 8 : within(EID, iso) ? 16 : 4);

/** One Product views & sales row a day, 1 January – 30 November 2025, at 25 SAR a unit. */
function views(): RawCell[][] {
  const rows: RawCell[][] = [[...NOON_VIEWS_SALES_HEADER]];
  for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2025, 10, 30); t += DAY_MS) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const u = unitsOn(iso);
    rows.push(viewsRow(iso, 'NOON-DATES', '40', String(u), String(u), '', String(u * 25)));
  }
  return rows;
}
const MAPPING: RawCell[][] = [
  ['Master SKU', 'noon KSA SKU', 'Title', 'Cost Price', 'Selling Price', 'Lead Time Days'],
  ['DATES-01', 'NOON-DATES', 'Dates box', '10', '25', '30'],
];
const run = (grid: RawCell[][]) => analyze([{ source: 'Mapping', grid: MAPPING }, { source: 'noon KSA views and sales', grid }], { settings: DEFAULT_SETTINGS, now: new Date('2025-12-01T06:00:00Z') });

let a: Analysis;
beforeAll(() => {
  a = run(views());
});

const uR = 116 / 120;
const uE = 36 / 16;

test('the daily sales are kept per day on the position: 334 days, one pair each', () => {
  const p = a.metrics[0].position;
  expect(p.channel.id).toBe('noon-ksa');
  expect(p.salesFrom).toBe('noon-views-sales');
  const pairs = p.dailySales!;
  expect(pairs.length).toBe(2 * 334);
  expect(pairs.slice(0, 2)).toEqual([dayMs('2025-01-01') / DAY_MS, 4]);
  expect(pairs[2 * (dayMs('2025-03-01') - dayMs('2025-01-01')) / DAY_MS + 1]).toBe(8);
  // 334 × 4 + 29 × 4 + 3 × 12 = 1,488 units.
  expect(pairs.filter((_, i) => i % 2 === 1).reduce((x, y) => x + y, 0)).toBe(1488);
});

test('the uplifts are learned day by day: Ramadan 0.966667 and Eid al-Fitr 2.25, each from its own days', () => {
  const f = a.forecasts[0].f;
  expect(f.months[0]).toBe('2025-01');
  expect(f.months.at(-1)).toBe('2025-11');
  const u = f.uplift!;
  expect(u.get('ramadan')).toBeCloseTo(uR, 12);
  expect(u.get('eid-al-fitr')).toBeCloseTo(uE, 12);
  for (const k of ['saudi-founding-day', 'eid-al-adha', 'back-to-school', 'saudi-national-day', 'singles-day', 'white-friday']) expect(u.get(k)).toBe(0);
});

test("not what the months alone give: Ramadan 1.152438, Eid al-Fitr 0.173689 (the Eid's excess is in March too)", () => {
  const f = a.forecasts[0].f;
  // The same history read as months only (no daily sales), the KSA calendar, every prior 0.
  const days = exposure(builtInEvents(2025).filter((e) => e.country !== 'UAE'));
  const monthly = learnUplifts(f.months, f.history, days, new Map([...days.values()].flatMap((m) => [...m.keys()]).map((k) => [k, 0])));
  // By hand (header): det = 467.131183, u_R = 538.339785 ÷ det, u_E = 81.135484 ÷ det.
  expect(monthly.uplift.get('ramadan')).toBeCloseTo(538.339785 / 467.131183, 6);
  expect(monthly.uplift.get('eid-al-fitr')).toBeCloseTo(81.135484 / 467.131183, 6);
  expect(monthly.uplift.get('ramadan')! - f.uplift!.get('ramadan')!).toBeCloseTo(1.152438 - 0.966667, 5);
});

test("the Forecast sheet's Events column shows the daily figure: Ramadan from 2026-02-18 +97% (learned)", () => {
  const f = a.forecasts[0].f;
  expect(f.horizon).toEqual(['2025-12', '2026-01', '2026-02']);
  expect(f.events.find((e) => e.name === 'Ramadan')).toEqual({ name: 'Ramadan', start: '2026-02-18', end: '2026-03-19', uplift: f.uplift!.get('ramadan'), learned: true });
  const spec = a.specs.find((s) => s.name === 'Forecast')!;
  const h = spec.rows.findIndex((x) => x[0] === 'Master SKU');
  const text = String(spec.rows[h + 1][spec.rows[h].indexOf('Events')]);
  expect(text).toContain('Ramadan from 2026-02-18 +97% (learned)');
  expect(text).not.toContain('+115%');
});

test('rows out of date order give the same days and the same uplifts', () => {
  const rows = views();
  const shuffled = [rows[0], ...rows.slice(1).reverse()];
  const b = run(shuffled);
  expect(b.forecasts[0].f.uplift!.get('ramadan')).toBeCloseTo(uR, 12);
  expect(b.forecasts[0].f.uplift!.get('eid-al-fitr')).toBeCloseTo(uE, 12);
});
