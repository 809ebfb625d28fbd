/**
 * Fee-aware excess decisions through the whole analysis (issue 20): a bulky item that sells a unit a
 * quarter, with its storage fee and aged-inventory surcharge from Amazon's own fee reports (the reports'
 * real headers, typed from data/reports/amazon of the shared data). Every expected figure is computed by
 * hand below with the default settings (horizon 180 days, referral 15% + fulfillment 5 SAR a unit sold,
 * holding 25% of cost a year, outlet 50% off selling 60%, liquidation 10% of the price, removal 2,
 * disposal 1) and a sales period of 90 days.
 *
 * BULK-01 on Amazon KSA: price 30 SAR, cost 10; 50 on hand; 1 unit ordered in the 90-day Business
 * Report → v = 1/90 a day; excess = 50 − v × 90 = 49 units. Monthly storage fees: 150 SAR over an
 * average of 50 units in September → 3 SAR a unit-month. Aged surcharge: 75 SAR for 50 units in the
 * 181-270 tier → 1.5 SAR a unit-month, and the units are at least 181 days old (charged from now on).
 */
import { analyze } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import { AGED_SURCHARGE_HEADER, MANAGE_FBA_INVENTORY_HEADER, STORAGE_FEES_HEADER, storageRow } from '../../fixtures/marketplace-reports';

const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['BULK-01', 'AMZ-BULK-01', 'Floor cushion, large', '10', '30'],
];
const INVENTORY: RawCell[][] = [
  [...MANAGE_FBA_INVENTORY_HEADER],
  ['AMZ-BULK-01', 'X0BULK1', 'B0X0BULK1', 'Floor cushion, large', 'New', '30', 'No', '0', 'Yes', '50', '50', '0', '0', '50', '2.4', '0', '0', '0', '0', '0', '0'],
];
const BUSINESS: RawCell[][] = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0P1', 'B0X0BULK1', 'Floor cushion, large', 'AMZ-BULK-01', '400', '1', 'SAR 30.00', '1'],
];
const STORAGE: RawCell[][] = [[...STORAGE_FEES_HEADER], storageRow('B0X0BULK1', 'X0BULK1', 'RUH1', 50, '2026-09', 150)];
const AGED: RawCell[][] = [[...AGED_SURCHARGE_HEADER], ['2026-09-15', 'AMZ-BULK-01', 'X0BULK1', 'B0X0BULK1', 'Floor cushion, large', 'New', '2.4', 'SAR', 'cubic feet', 'SA', '50', '75', '181-270', '0.625']];

const run = (settings: Settings) =>
  analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
      { source: 'Amazon KSA monthly storage fees', grid: STORAGE },
      { source: 'Amazon KSA aged inventory surcharge', grid: AGED },
    ],
    { settings, now: new Date('2026-10-01T06:00:00Z') },
  );

const settings: Settings = { ...DEFAULT_SETTINGS, periodDays: 90 };

test('the fee reports give 3 SAR a unit-month of storage and 1.5 of surcharge', () => {
  const m = run(settings).metrics.find((x) => x.id === 'BULK-01|amazon-ksa')!;
  expect(m.velocity).toBeCloseTo(1 / 90, 12);
  expect(m.excessQty).toBeCloseTo(49, 9);
  expect(m.position.fees).toMatchObject({ storagePerUnitMonth: 3, agedSurchargePerUnit: { '181-270': 1.5 } });
});

test('the slow bulky item is liquidated: every option priced over 180 days, the comparison in its row', () => {
  const a = run(settings);
  const line = a.liquidation.find((l) => l.metrics.id === 'BULK-01|amazon-ksa')!;
  expect(line.units).toBe(49);
  // Holding a unit a day: k = 3 / 30 + 10 × 0.25 / 365 = 0.1068493; surcharge 1.5 / 30 = 0.05 a day from now (T₀ = 181 − 181 = 0).
  const k = 3 / 30 + (10 * 0.25) / 365;
  // Keep: 1 unit sells from day 1 ÷ (1/90) = 90 (after the one unit not in excess) by day 180, held (90 + 180) / 2 = 135 days
  // on average; the other 48 are held 180 days and liquidated then at 30 × 0.1 = 3. Sell fee 30 × 0.15 + 5 = 9.5.
  const keep = 1 * (30 - 9.5) - 1 * (k + 0.05) * 135 - 48 * ((k + 0.05) * 180 - 3);
  expect(line.options!.Keep).toBeCloseTo(keep, 9);
  // Outlet 49 × (0.6 × (15 − 9.5) − 0.4 × 2) = 122.5; liquidate 49 × 3 = 147; remove 49 × −2 = −98; dispose −49.
  expect(line.options!['Outlet deal']).toBeCloseTo(122.5, 9);
  expect(line.options!.Liquidate).toBeCloseTo(147, 9);
  expect(line.options!.Remove).toBe(-98);
  expect(line.options!.Dispose).toBe(-49);
  expect(line.action).toBe('Liquidate');
  // The discount plan is kept beside the recommendation: capped at 50%, it cannot reach 45 days.
  expect(line.plan).toMatchObject({ discount: 0.5, reachesTarget: false });
  expect(line.options!.Discount as number).toBeLessThan(-1_000);
  // The Liquidation sheet shows them in the row, with the reason.
  const spec = a.specs.find((s) => s.name === 'Liquidation')!;
  const h = spec.rows.findIndex((r) => r[0] === 'Master SKU');
  const row = Object.fromEntries(spec.rows[h].map((name, i) => [String(name), spec.rows[h + 1][i]]));
  expect(row).toMatchObject({ 'Master SKU': 'BULK-01', Recommendation: 'Liquidate', 'Net: Liquidate': 147, 'Net: Outlet deal': 122.5, 'Net: Remove': -98, 'Net: Dispose': -49 });
  expect(row['Net: Keep']).toBeCloseTo(keep, 2);
  expect(row.Reason).toBe('Liquidate brings the most over 180 days: 147, 25 more than outlet deal (123)');
});

test('when liquidation pays back only 5% the outlet deal wins; a removed unit worth 10 to the seller makes removal win', () => {
  const outlet = run({ ...settings, liquidationRecovery: 0.05 }).liquidation[0];
  // Liquidate 49 × 1.5 = 73.5 < outlet 122.5.
  expect(outlet.options!.Liquidate).toBeCloseTo(73.5, 9);
  expect(outlet.action).toBe('Outlet deal');
  // Resale 10: removal brings 49 × (10 − 2) = 392, more than the outlet's 49 × (0.6 × 5.5 + 0.4 × 8) = 318.5 and liquidation's 147.
  const resale = run({ ...settings, resalePerUnit: 10 }).liquidation[0];
  expect(resale.options!.Remove).toBe(392);
  expect(resale.options!['Outlet deal']).toBeCloseTo(318.5, 9);
  expect(resale.action).toBe('Remove');
});

test('fee reports in another currency than the channel\'s are not used: the settings\' storage (0.5 a unit-month) and no surcharge', () => {
  const aedStorage: RawCell[][] = [[...STORAGE_FEES_HEADER], storageRow('B0X0BULK1', 'X0BULK1', 'RUH1', 50, '2026-09', 150, 'AED', 'SA')];
  const a = analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
      { source: 'Amazon KSA monthly storage fees', grid: aedStorage },
    ],
    { settings, now: new Date('2026-10-01T06:00:00Z') },
  );
  const line = a.liquidation.find((l) => l.metrics.id === 'BULK-01|amazon-ksa')!;
  // The report is joined to the position (its country is SA) but charges in AED.
  expect(line.metrics.position.fees).toMatchObject({ currency: 'AED', storagePerUnitMonth: 3 });
  // k = 0.5 / 30 + 10 × 0.25 / 365; Keep = 1 × (30 − 9.5) − 135k − 48 × (180k − 3).
  const k = 0.5 / 30 + (10 * 0.25) / 365;
  expect(line.options!.Keep).toBeCloseTo(20.5 - 135 * k - 48 * (180 * k - 3), 9);
});
