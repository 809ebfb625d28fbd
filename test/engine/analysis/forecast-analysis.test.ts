/**
 * The analysis with forecasts: a noon KSA sales export over 12 months, stock, the mapping and a
 * supplier PO history sheet, under the `service` policy. Expected values: the lead-time mean and sd are
 * hand-computed from the PO rows below; the forecast of a position must equal the forecasting engine's
 * on the monthly history the rows were built from (hand-listed below); the safety stock is the
 * docs/FORMULAS.md formula applied to those figures.
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { forecast } from '../../../src/engine/forecast/forecast';
import { FALLBACK_LABEL } from '../../../src/engine/analysis/position-forecast';
import { inverseNormal } from '../../../src/engine/metrics/inverse-normal';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import { MAPPING, NOON_STOCK, ORDERS_UAE } from '../../fixtures/reports';

const NOON_HEADER = ['id_partner', 'src_country', 'country_code', 'dest_country', 'bayan_nr', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'brand_code', 'family', 'fulfillment_model', 'order_timestamp', 'shipment_timestamp', 'delivered_timestamp'];
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
/** BAG-01's units per month on noon KSA (one export row per unit). */
const BAG = [5, 3, 0, 4, 6, 2, 5, 0, 3, 4, 5, 6];
/** MUG-02 sells only in the last two months: 10 earlier months of 0. */
const MUG = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1];

function noonSales(): RawCell[][] {
  const rows: RawCell[][] = [NOON_HEADER];
  let n = 0;
  const add = (sku: string, units: readonly number[], price: string) =>
    units.forEach((u, i) => {
      for (let k = 0; k < u; k++) {
        n++;
        rows.push(['1', 'SA', 'SA', 'SA', '', `NSA${n}-1`, sku, `Z${sku}`, 'Delivered', price, price, 'SAR', 'b', 'x', 'FBN', `${MONTHS[i]}-${String(1 + (k % 27)).padStart(2, '0')} 10:00:00`, '', '']);
      }
    });
  add('NOON-BAG-01', BAG, '95');
  add('NOON-MUG-02', MUG, '27.5');
  return rows;
}

/** Acme's received POs took 24, 14 and 19 days: mean 19, sample sd √((25 + 25 + 0)/2) = 5. */
const PO: RawCell[][] = [
  ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Received Date', 'Promised Date', 'Qty'],
  ['Acme', 'PO-1', 'BAG-01', '2026-09-01', '2026-09-25', '2026-09-30', '500'],
  ['Acme', 'PO-2', 'BAG-01', '2026-07-01', '2026-07-15', '2026-07-10', '300'],
  ['Acme', 'PO-3', 'BAG-01', '2026-05-01', '2026-05-20', '2026-05-25', '300'],
  ['Acme', 'PO-4', 'MUG-02', '2026-10-01', '', '2026-10-30', '1000'],
  ['Acme', 'PO-5', 'MUG-02', '2026-08-10', '2026-08-01', '', '100'],
];

/** Amazon FBA customer returns (the report's real header): one unit of BAG-01 back on Amazon UAE. */
const RETURNS_UAE: RawCell[][] = [
  ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id', 'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'],
  ['2026-10-25T10:00:00+00:00', '402-1', 'AMZ-BAG-01', 'B0BAG00001', 'X001', 'حقيبة ظهر للسفر', '1', 'DXB3', 'SELLABLE', 'NOT_AS_DESCRIBED', 'Unit returned to inventory', 'LPN1', ''],
];

const settings = { ...DEFAULT_SETTINGS, policy: 'service' as const };
let a: Analysis;
beforeAll(() => {
  a = analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'noon KSA sales', grid: noonSales() },
      { source: 'noon KSA stock', grid: NOON_STOCK },
      { source: 'Amazon UAE orders', grid: ORDERS_UAE },
      { source: 'Supplier POs', grid: PO },
      { source: 'Amazon UAE returns', grid: RETURNS_UAE },
    ],
    { settings, now: new Date('2026-11-21T06:00:00Z') },
  );
});

const row = (id: string) => a.forecasts.find((r) => r.m.id === id)!;

test('a position with 12 months of history is forecast by the engine on exactly that history', () => {
  const r = row('BAG-01|noon-ksa');
  expect(r.f.months).toEqual(MONTHS);
  expect(r.f.history).toEqual(BAG);
  const direct = forecast(BAG, { horizon: 3, seasonLength: 12 });
  if ('code' in direct) throw new Error(direct.message);
  expect(r.f.result?.method).toBe(direct.method);
  expect(r.f.next).toEqual(direct.forecast);
  expect(r.f.result?.lower).toEqual(direct.lower);
  expect(r.f.result?.heldOut).toEqual(direct.heldOut);
});

test('months without sales of a SKU count 0 within its channel months', () => {
  expect(row('MUG-02|noon-ksa').f.history).toEqual(MUG);
});

test('lead time from PO history: mean 19 days, sd 5, and the service policy plans with the forecast', () => {
  const m = row('BAG-01|noon-ksa').m;
  const f = row('BAG-01|noon-ksa').f;
  expect(m.leadTimeSource).toBe('PO history: Acme');
  expect(m.leadTimeDays).toBeCloseTo(19, 12);
  expect(m.leadTimeSdDays).toBeCloseTo(5, 12);
  expect(a.suppliers).toEqual([expect.objectContaining({ supplier: 'Acme', received: 3, open: 1, onTimeRate: 2 / 3 })]);
  expect(m.sigmaSource).toBe(`forecast: ${f.label}`);
  // Protection interval 19 + 7 = 26 days lies in the first forecast month: d = next month / 30.
  const d = f.next[0] / 30;
  expect(f.daily!.demand).toBeCloseTo(d, 12);
  expect(m.plannedDailyDemand).toBeCloseTo(d, 12);
  const z = inverseNormal(settings.serviceLevel[m.abc]) as number;
  const sd = f.daily!.sd;
  expect(m.safetyStock).toBeCloseTo(z * Math.sqrt(19 * sd * sd + d * d * 25), 9);
  expect(m.reorderPoint).toBeCloseTo(d * 19 + m.safetyStock, 9);
  expect(m.orderUpTo!).toBeCloseTo(d * (19 + settings.reviewDays) + m.safetyStock, 9);
});

test('a channel with under 3 months of sales falls back to velocity × 30, labelled, without interval', () => {
  const r = row('BAG-01|amazon-uae');
  expect(r.f.history.length).toBeLessThan(3);
  expect(r.f.label).toBe(FALLBACK_LABEL);
  expect(r.f.result).toBeNull();
  expect(r.f.next[0]).toBeCloseTo(r.m.velocity * 30, 12);
  expect(r.m.sigmaSource).not.toMatch(/^forecast/);
});

test('the PO row received before it was ordered is in Data Issues with its row, not used', () => {
  const issue = a.issues.find((i) => i.source === 'Supplier POs' && i.row === 6);
  expect(issue).toBeDefined();
  expect(issue!.reason).toMatch(/not used for lead times/);
});

test('the Forecast sheet lists every position of a channel with sales, with method and interval', () => {
  const spec = a.specs.find((s) => s.name === 'Forecast')!;
  expect(spec).toBeDefined();
  const header = spec.rows.find((r) => r[0] === 'Master SKU')!;
  const at = (h: string) => header.indexOf(h);
  const bag = spec.rows.find((r) => r[0] === 'BAG-01' && r[1] === 'noon KSA')!;
  const f = row('BAG-01|noon-ksa').f;
  expect(bag[at('Method')]).toBe(f.label);
  expect(bag[at('Months of History')]).toBe(12);
  expect(bag[at('Next Month')]).toBeCloseTo(f.next[0], 1);
  expect(bag[at('Next Month Low')] as number).toBeLessThanOrEqual(bag[at('Next Month')] as number);
  expect(bag[at('Next Month High')] as number).toBeGreaterThanOrEqual(bag[at('Next Month')] as number);
  expect(spec.rows.filter((r) => header !== r && typeof r[1] === 'string' && r[1] !== 'Channel' && /noon KSA|Amazon UAE/.test(r[1] as string)).length).toBe(a.forecasts.length);
  // The supplier block above the table.
  expect(spec.rows.some((r) => r[3] === 'Acme' && r[4] === 3 && r[5] === 1 && r[6] === 19 && r[7] === 5)).toBe(true);
});

test('returns: rate = returned ÷ sold, alert above 15%, returns forecast = rate × sales forecast, net demand', () => {
  // ORDERS_UAE: 2 + 1 units shipped (the cancelled one does not count); 1 returned: rate 1/3.
  const f = row('BAG-01|amazon-uae').f;
  expect(f.returned).toBe(1);
  expect(f.returnRate).toBeCloseTo(1 / 3, 12);
  expect(f.returnAlert).toBe(true);
  expect(f.returnsNext).toBeCloseTo(f.next[0] / 3, 12);
  expect(f.netNext).toBeCloseTo(f.next[0] - f.next[0] / 3, 12);
  const spec = a.specs.find((s) => s.name === 'Forecast')!;
  const header = spec.rows.find((r) => r[0] === 'Master SKU')!;
  const bag = spec.rows.find((r) => r[0] === 'BAG-01' && r[1] === 'Amazon UAE')!;
  expect(bag[header.indexOf('Return Alert')]).toBe('Above 15%');
  expect(bag[header.indexOf('Returned')]).toBe(1);
  const noon = spec.rows.find((r) => r[0] === 'BAG-01' && r[1] === 'noon KSA')!;
  expect(noon[header.indexOf('Returned')]).toBeNull();
  expect(noon[header.indexOf('Return Rate')]).toBeNull();
  // No returns report for noon KSA: the rate is unknown (blank), not 0%, and there is no alert.
  expect(row('BAG-01|noon-ksa').f.returnRate).toBeNull();
  expect(row('BAG-01|noon-ksa').f.returnAlert).toBe(false);
});
