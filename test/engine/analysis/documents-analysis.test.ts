/**
 * From approved lines to documents through the whole analysis (issue 21): the Purchase Orders and
 * Shipments sheets of a small workbook, every figure computed by hand below (default settings: cover
 * policy, 30 days of safety stock, approval tiers Auto < 5,000 SAR ≤ Manager; AED → SAR 1.0211).
 * The analysis runs on 2026-11-01.
 *
 * Mapping (Cost Price in SAR, the reporting currency):
 *   LAMP-01  Acme (SAR)          cost 40      case pack 12
 *   REJ-03   Acme (SAR)          cost 400
 *   FAN-02   Gulf Trading (AED)  cost 102.11  case pack 10, MOQ 50, lead time 30 days
 *   CUP-05   Acme                cost 10      case pack 6
 *   A1       Acme                cost 40      case pack 10, Unit Volume 0.2 cu ft
 * Supplier PO history: Acme's PO-1 for LAMP-01 took 20 days (2026-08-01 → 2026-08-21); PO-2, 20 units of
 * LAMP-01, ordered 2026-10-25, is open (no received date, no destination: upstream).
 * Own warehouse stock: 100 CUP-05, so POs deliver to the own warehouse.
 *
 * Reorder (Amazon KSA; need = v × 30 − available):
 *   LAMP-01  60 sold / 30 days → v 2; need 60 − 10 = 50; 20 on order → 30 → case pack 12 → 36;
 *            36 × 40 = 1,440 SAR: Auto-approved.
 *   FAN-02   30 sold → v 1; need 30 → MOQ 50 (5 cases of 10); 50 × 102.11 = 5,105.50 SAR: Manager, Pending.
 *   REJ-03   15 sold → v 0.5; need 15; 15 × 400 = 6,000 SAR: Manager, Pending.
 *   CUP-05   30 sold → v 1; need 30, all from the own warehouse (100): buys 0, Auto-approved.
 * Rebalance: A1 Amazon KSA (600 on hand, v 2, DOI 300) sends 25 to noon KSA (5 on hand, v 1: need 25);
 *   25 × 40 = 1,000 SAR: Auto-approved.
 *
 * Purchase Orders (order date 2026-11-01; numbers PO-20261101-XXXXX, five letters from supplier and destination):
 *   Acme, own warehouse, SAR, expected 2026-11-21 (Acme's measured 20 days):
 *     LAMP-01 36 units, 3 cartons, unit cost 40, line 1,440. PO total 1,440 SAR.
 *   Gulf Trading (once FAN-02 is approved), own warehouse, AED, expected 2026-12-01 (mapping's 30 days):
 *     FAN-02 50 units, 5 cartons, unit cost 102.11 ÷ 1.0211 = 100.00 AED, line 5,000 AED;
 *     PO total 5,000 AED = 5,105.50 SAR.
 *   REJ-03 rejected: on no PO. Approved instead: a second line on Acme's PO (15 × 400 = 6,000), same number.
 * Shipments:
 *   Amazon KSA → noon KSA: A1, SKU A1-NOON, 25 units, ⌈25 ÷ 10⌉ = 3 cartons, 25 × 0.2 = 5 cu ft (mapping's volume;
 *     the Manage FBA Inventory row gives none).
 *   Own warehouse → Amazon KSA: CUP-05, SKU AMZ-CUP, 30 units, 30 ÷ 6 = 5 cartons, 30 × 0.05 = 1.5 cu ft (the
 *     report's per-unit-volume).
 */
import { analyze, type Analysis, type PreviousState } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { RawCell } from '../../../src/engine/ingest/types';
import type { SheetSpec } from '../../../src/engine/sheets/spec';
import { poCode } from '../../../src/engine/recommend/purchase-orders';
import { MANAGE_FBA_INVENTORY_HEADER } from '../../fixtures/marketplace-reports';

const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU', 'Title', 'Cost Price', 'Selling Price', 'Case Pack', 'MOQ', 'Lead Time Days', 'Supplier', 'Supplier Currency', 'Unit Volume'],
  ['LAMP-01', 'AMZ-LAMP', '', 'Desk lamp', '40', '100', '12', '', '', 'Acme', 'SAR', ''],
  ['REJ-03', 'AMZ-REJ', '', 'Floor lamp', '400', '900', '', '', '', 'Acme', 'SAR', ''],
  ['FAN-02', 'AMZ-FAN', '', 'مروحة مكتب', '102.11', '250', '10', '50', '30', 'Gulf Trading', 'AED', ''],
  ['CUP-05', 'AMZ-CUP', '', 'Cup', '10', '30', '6', '', '', 'Acme', '', ''],
  ['A1', 'A1-AMZ', 'A1-NOON', 'حقيبة ظهر للسفر', '40', '100', '10', '', '', 'Acme', '', '0.2'],
];
/** A Manage FBA Inventory row: fulfillable units and per-unit-volume; everything else 0. */
const fba = (sku: string, title: string, available: number, volume: string): RawCell[] =>
  [sku, `X0${sku}`, `B0${sku}`, title, 'New', '100', 'No', '0', 'Yes', String(available), String(available), '0', '0', String(available), volume, '0', '0', '0', '0', '0', '0'];
const INVENTORY: RawCell[][] = [
  [...MANAGE_FBA_INVENTORY_HEADER],
  fba('AMZ-LAMP', 'Desk lamp', 10, '0.1'),
  fba('AMZ-REJ', 'Floor lamp', 0, '0.5'),
  fba('AMZ-FAN', 'مروحة مكتب', 0, '0.3'),
  fba('AMZ-CUP', 'Cup', 0, '0.05'),
  fba('A1-AMZ', 'حقيبة ظهر للسفر', 600, ''),
];
const BUSINESS: RawCell[][] = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0P1', 'B0AMZ-LAMP', 'Desk lamp', 'AMZ-LAMP', '900', '60', 'SAR 6,000.00', '60'],
  ['B0P2', 'B0AMZ-REJ', 'Floor lamp', 'AMZ-REJ', '900', '15', 'SAR 13,500.00', '15'],
  ['B0P3', 'B0AMZ-FAN', 'مروحة مكتب', 'AMZ-FAN', '900', '30', 'SAR 7,500.00', '30'],
  ['B0P4', 'B0AMZ-CUP', 'Cup', 'AMZ-CUP', '900', '30', 'SAR 900.00', '30'],
  ['B0P5', 'B0A1-AMZ', 'حقيبة ظهر للسفر', 'A1-AMZ', '900', '60', 'SAR 6,000.00', '60'],
];
const NOON_STOCK: RawCell[][] = [
  ['partner_sku', 'qty', 'warehouse_code', 'inventory type'],
  ['A1-NOON', '5', 'RUH01', 'Saleable'],
];
/** One row per unit: A1 30 units over October, first and last exactly 30 days apart. */
const NOON_SALES: RawCell[][] = [
  ['item_nr', 'partner_sku', 'status', 'offer_price', 'currency_code', 'country_code', 'order_timestamp'],
  ...Array.from({ length: 30 }, (_, i) => [`NA1-${i}`, 'A1-NOON', 'Delivered', '100', 'SAR', 'SA', `2026-10-${String(i === 29 ? 31 : i + 1).padStart(2, '0')} 00:00:00`]),
];
const POS: RawCell[][] = [
  ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Received Date', 'Qty', 'Destination'],
  ['Acme', 'PO-1', 'LAMP-01', '2026-08-01', '2026-08-21', '100', ''],
  ['Acme', 'PO-2', 'LAMP-01', '2026-10-25', '', '20', ''],
];
const WAREHOUSE: RawCell[][] = [
  ['Master SKU', 'On Hand', 'Warehouse'],
  ['CUP-05', '100', 'Jeddah'],
];

const NOW = new Date('2026-11-01T06:00:00Z');
const run = (previous?: PreviousState, now = NOW): Analysis =>
  analyze(
    [
      { source: 'Mapping', grid: MAPPING },
      { source: 'Amazon KSA inventory', grid: INVENTORY },
      { source: 'Amazon KSA business report', grid: BUSINESS },
      { source: 'noon KSA stock', grid: NOON_STOCK },
      { source: 'noon KSA sales', grid: NOON_SALES },
      { source: 'Supplier POs', grid: POS },
      { source: 'Warehouse stock', grid: WAREHOUSE },
    ],
    { settings: DEFAULT_SETTINGS, now, previous },
  );

/** A sheet's table as objects by header (the header is the first row starting with `first`). */
function table(a: Analysis, name: string, first: string): Record<string, RawCell>[] {
  const spec = a.specs.find((s) => s.name === name) as SheetSpec;
  const h = spec.rows.findIndex((r) => r[0] === first);
  return spec.rows.slice(h + 1).map((row) => Object.fromEntries(spec.rows[h].map((name, i) => [String(name), row[i] ?? null])));
}

/** The Reorder sheet of `a` as the user left it: `status` typed in the Status column of the given Master SKUs. */
function decided(a: Analysis, status: Record<string, string>): PreviousState {
  const spec = a.specs.find((s) => s.name === 'Reorder') as SheetSpec;
  const h = spec.rows.findIndex((r) => r[0] === 'Master SKU');
  const col = spec.rows[h].indexOf('Status');
  const grid = spec.rows.map((row, r) => {
    const copy = [...row];
    if (r > h && typeof row[0] === 'string' && status[row[0]]) copy[col] = status[row[0]];
    return copy;
  });
  return { sheets: { reorder: { name: 'Reorder', grid } } };
}

const ACME = `PO-20261101-${poCode('Acme', 'Own warehouse')}`;
const GULF = `PO-20261101-${poCode('Gulf Trading', 'Own warehouse')}`;

describe('the Reorder lines behind the documents', () => {
  test('quantities, statuses and the open PO as computed by hand', () => {
    const a = run();
    const line = (sku: string) => a.reorder.findIndex((l) => l.metrics.position.masterSku === sku);
    const at = (sku: string) => ({ ...a.reorder[line(sku)], status: a.approvals.reorder[line(sku)].status });
    expect(at('LAMP-01')).toMatchObject({ reorderNeed: 50, onOrder: 20, buyQty: 36, status: 'Auto-approved' });
    expect(at('FAN-02')).toMatchObject({ reorderNeed: 30, buyQty: 50, status: 'Pending' });
    expect(at('REJ-03')).toMatchObject({ reorderNeed: 15, buyQty: 15, status: 'Pending' });
    expect(at('CUP-05')).toMatchObject({ reorderNeed: 30, fromWarehouse: 30, buyQty: 0, status: 'Auto-approved' });
    expect(a.rebalance.lines.map((l) => [l.from.position.masterSku, l.transfer.qty])).toEqual([['A1', 25]]);
  });
});

describe('Purchase Orders', () => {
  test('pending lines wait: only the auto-approved LAMP-01 is ordered, 36 units (the open PO took exactly its 20)', () => {
    const rows = table(run(), 'Purchase Orders', 'PO Number');
    expect(rows).toEqual([
      {
        'PO Number': ACME,
        Supplier: 'Acme',
        'Order Date': '2026-11-01',
        'Expected Arrival': '2026-11-21',
        Destination: 'Own warehouse',
        'Master SKU': 'LAMP-01',
        Title: 'Desk lamp',
        Quantity: 36,
        'Case Pack': 12,
        Cartons: 3,
        'Unit Cost': 40,
        Currency: 'SAR',
        'Line Total': 1440,
        'PO Total': 1440,
        'PO Total (SAR)': 1440,
        'Changed Since Approval': null,
      },
    ]);
  });

  test('FAN-02 approved and REJ-03 rejected: two suppliers, totals in SAR and AED, the rejected line on no PO', () => {
    const a = run(decided(run(), { 'FAN-02': 'Approved', 'REJ-03': 'Rejected' }));
    const rows = table(a, 'Purchase Orders', 'PO Number');
    expect(rows.map((r) => [r['PO Number'], r.Supplier, r['Master SKU'], r.Quantity, r.Cartons, r['Unit Cost'], r.Currency, r['Line Total'], r['PO Total'], r['PO Total (SAR)'], r['Expected Arrival']])).toEqual([
      [ACME, 'Acme', 'LAMP-01', 36, 3, 40, 'SAR', 1440, 1440, 1440, '2026-11-21'],
      [GULF, 'Gulf Trading', 'FAN-02', 50, 5, 100, 'AED', 5000, 5000, 5105.5, '2026-12-01'],
    ]);
    expect(rows.some((r) => r['Master SKU'] === 'REJ-03')).toBe(false);
    expect(a.purchaseOrders.map((po) => [po.number, po.total, po.totalReporting])).toEqual([
      [ACME, 1440, 1440],
      [GULF, 5000, 5105.5],
    ]);
  });

  test('each PO prints from a page of its own, the title and header repeated', () => {
    const a = run(decided(run(), { 'FAN-02': 'Approved' }));
    const spec = a.specs.find((s) => s.name === 'Purchase Orders') as SheetSpec;
    // Row 0 title, row 1 header, rows 2 (Acme) and 3 (Gulf Trading): Gulf Trading starts a page.
    expect(spec.rows[3][0]).toBe(GULF);
    expect(spec.print).toEqual({ landscape: true, repeatRows: 2, rowBreaks: [3] });
  });

  test('re-running Analyze the same day keeps the PO numbers; a new approval adds a line to its supplier\'s PO', () => {
    const first = run();
    const again = run(decided(first, {}), new Date('2026-11-01T17:45:00Z'));
    expect(again.purchaseOrders.map((po) => po.number)).toEqual(first.purchaseOrders.map((po) => po.number));
    const approved = run(decided(first, { 'REJ-03': 'Approved' }), new Date('2026-11-01T18:00:00Z'));
    const acme = approved.purchaseOrders.find((po) => po.supplier === 'Acme')!;
    expect(acme.number).toBe(ACME);
    expect(acme.lines.map((l) => [l.masterSku, l.quantity, l.lineTotal])).toEqual([
      ['LAMP-01', 36, 1440],
      ['REJ-03', 15, 6000],
    ]);
    expect(acme.total).toBe(7440);
    // Another day, another number.
    expect(run(undefined, new Date('2026-11-02T06:00:00Z')).purchaseOrders[0].number).toBe(`PO-20261102-${poCode('Acme', 'Own warehouse')}`);
  });
});

describe('Shipments', () => {
  test('the transfer and the warehouse send by route, with cartons and volume', () => {
    const rows = table(run(), 'Shipments', 'Route');
    expect(rows.map((r) => [r.Route, r['Master SKU'], r['Destination SKU'], r.Quantity, r['Case Pack'], r.Cartons, r['Unit Volume (cu ft)'], r['Volume (cu ft)'], r.Source])).toEqual([
      ['Own warehouse → Amazon KSA', 'CUP-05', 'AMZ-CUP', 30, 6, 5, 0.05, 1.5, 'Reorder'],
      ['Amazon KSA → noon KSA', 'A1', 'A1-NOON', 25, 10, 3, 0.2, 5, 'Rebalance'],
    ]);
  });

  test('a rejected transfer is on no shipment', () => {
    const first = run();
    const spec = first.specs.find((s) => s.name === 'Rebalance') as SheetSpec;
    const h = spec.rows.findIndex((r) => r[0] === 'Master SKU');
    const col = spec.rows[h].indexOf('Status');
    const grid = spec.rows.map((row, r) => (r === h + 1 ? row.map((c, j) => (j === col ? 'Rejected' : c)) : [...row]));
    const rows = table(run({ sheets: { rebalance: { name: 'Rebalance', grid } } }), 'Shipments', 'Route');
    expect(rows.map((r) => r.Route)).toEqual(['Own warehouse → Amazon KSA']);
  });
});
