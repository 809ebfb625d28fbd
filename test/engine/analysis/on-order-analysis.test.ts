/**
 * Units on open POs counted as on order through the whole analysis (issue 21, "On order"). Computed by
 * hand below with the default settings (cover policy: 30 days of safety stock).
 *
 * LAMP-01 on Amazon KSA: 10 on hand, nothing inbound, 60 units sold in the Business Report's 30 days →
 * v = 2; safety stock 2 × 30 = 60; need = 60 − 10 − 0 = 50. Supplier Acme's one received PO took 20
 * days (2026-08-01 → 2026-08-21). Two POs are open on 2026-10-01: PO-2, 15 units to the own warehouse,
 * ordered 2026-09-25 (expected 2026-10-15: on time); PO-3, 5 units straight to Amazon KSA, ordered
 * 2026-09-01 (expected 2026-09-21: 10 days late).
 */
import { analyze, type Analysis } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import { MANAGE_FBA_INVENTORY_HEADER } from '../../fixtures/marketplace-reports';

const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['LAMP-01', 'AMZ-LAMP-01', 'Desk lamp', '40', '100'],
];
const INVENTORY: RawCell[][] = [[...MANAGE_FBA_INVENTORY_HEADER], ['AMZ-LAMP-01', 'X0LAMP1', 'B0X0LAMP1', 'Desk lamp', 'New', '100', 'No', '0', 'Yes', '10', '10', '0', '0', '10', '0.1', '0', '0', '0', '0', '0', '0']];
const BUSINESS: RawCell[][] = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0P1', 'B0X0LAMP1', 'Desk lamp', 'AMZ-LAMP-01', '900', '60', 'SAR 6,000.00', '60'],
];
const PO_HEADER = ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Received Date', 'Qty', 'Destination'];
const POS: RawCell[][] = [
  PO_HEADER,
  ['Acme', 'PO-1', 'LAMP-01', '2026-08-01', '2026-08-21', '100', ''],
  ['Acme', 'PO-2', 'LAMP-01', '2026-09-25', '', '15', 'Own warehouse'],
  ['Acme', 'PO-3', 'LAMP-01', '2026-09-01', '', '5', 'Amazon KSA'],
];

const run = (po: RawCell[][] | null): Analysis =>
  analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
      ...(po ? [{ source: 'Supplier POs', grid: po }] : []),
    ],
    { settings: DEFAULT_SETTINGS, now: new Date('2026-10-01T06:00:00Z') },
  );

test('without POs the need of 50 is bought', () => {
  const line = run(null).reorder.find((l) => l.metrics.id === 'LAMP-01|amazon-ksa')!;
  expect(line).toMatchObject({ reorderNeed: 50, onOrder: 0, buyQty: 50 });
});

test('the open POs are on order: the Reorder quantity drops by exactly their 20 units, 5 of them late', () => {
  const a = run(POS);
  const line = a.reorder.find((l) => l.metrics.id === 'LAMP-01|amazon-ksa')!;
  expect(line).toMatchObject({ reorderNeed: 50, onOrder: 20, onOrderLate: 5, buyQty: 30 });
  const spec = a.specs.find((s) => s.name === 'Reorder')!;
  const h = spec.rows.findIndex((r) => r[0] === 'Master SKU');
  const row = Object.fromEntries(spec.rows[h].map((name, i) => [String(name), spec.rows[h + 1][i]]));
  expect(row).toMatchObject({ 'Master SKU': 'LAMP-01', Need: 50, 'On Order': 20, 'On Order Late': 5, 'Recommended Qty': 30 });
});

test('the late PO is in Data Issues with its row: expected 2026-09-21 (ordered 2026-09-01 + Acme\'s 20 days), 10 days late', () => {
  const issue = run(POS).issues.find((i) => i.source === 'Supplier POs' && i.row === 4)!;
  expect(issue.reason).toBe("Open PO PO-3 from Acme: 5 units of LAMP-01 expected 2026-09-21 (ordered 2026-09-01 + Acme's lead time from PO history), 10 days late; still counted as on order");
  expect(run(POS).issues.some((i) => i.source === 'Supplier POs' && i.row === 3)).toBe(false);
});

test('open POs that cover the whole need leave no Reorder line', () => {
  const big: RawCell[][] = [PO_HEADER, ['Acme', 'PO-1', 'LAMP-01', '2026-08-01', '2026-08-21', '100', ''], ['Acme', 'PO-9', 'LAMP-01', '2026-09-28', '', '60', '']];
  expect(run(big).reorder.some((l) => l.metrics.id === 'LAMP-01|amazon-ksa')).toBe(false);
});
