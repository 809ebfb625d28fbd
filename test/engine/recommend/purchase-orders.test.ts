/**
 * Purchase orders and shipment lists from Reorder and Rebalance lines (src/engine/recommend/
 * purchase-orders.ts, shipments.ts): the grouping, supplier and currency rules and the edge cases,
 * with lines built directly. Expected values by hand beside each case (AED → SAR 1.0211, the default).
 */
import type { PositionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS, type Position } from '../../../src/engine/model';
import type { ApprovalState } from '../../../src/engine/recommend/approvals';
import { NO_SUPPLIER, poCode, purchaseOrders, type PurchaseOrderInputs } from '../../../src/engine/recommend/purchase-orders';
import type { TransferLine } from '../../../src/engine/recommend/rebalance-lines';
import type { ReorderLine } from '../../../src/engine/recommend/reorder-lines';
import { shipments } from '../../../src/engine/recommend/shipments';
import { position, type ChannelId } from '../../helpers/position';

const s = DEFAULT_SETTINGS;
const metrics = (p: Partial<Omit<Position, 'channel'>> & { channel?: ChannelId }, leadTimeDays = 20): PositionMetrics => {
  const pos = position(p);
  return { id: `${pos.masterSku}|${pos.channel.id}`, position: pos, leadTimeDays } as unknown as PositionMetrics;
};
const line = (m: PositionMetrics, buyQty: number, fromWarehouse = 0): ReorderLine =>
  ({ metrics: m, reorderNeed: buyQty, onOrder: 0, onOrderLate: 0, transferIn: 0, fromWarehouse, buyQty, orderValue: null, orderValueReporting: null, tier: null }) as ReorderLine;
const state = (status: ApprovalState['status'], approvedQty: number | null = null, changedSinceApproval: string | null = null): ApprovalState => ({
  status,
  approvedQty,
  approvedBy: null,
  note: null,
  changedSinceApproval,
});
const inputs = (reorder: ReorderLine[], approvals: ApprovalState[], more: Partial<PurchaseOrderInputs> = {}): PurchaseOrderInputs => ({
  reorder,
  approvals,
  lastPoSupplier: new Map(),
  ownWarehouse: false,
  orderDate: '2026-12-07',
  mappingSource: 'Mapping',
  ...more,
});

describe('purchaseOrders', () => {
  test('without an own warehouse each channel gets its own PO from the supplier (direct to FBA / FBN)', () => {
    const ksa = metrics({ masterSku: 'M1', supplier: 'Acme', cost: 10 });
    const uae = metrics({ masterSku: 'M1', supplier: 'Acme', cost: 10 / 1.0211, channel: 'amazon-uae' });
    const { orders } = purchaseOrders(inputs([line(ksa, 10), line(uae, 20)], [state('Auto-approved', 10), state('Approved')]), s);
    expect(orders.map((po) => [po.number, po.destination, po.lines[0].quantity, po.lines[0].unitCost, po.total])).toEqual([
      [`PO-20261207-${poCode('Acme', 'Amazon KSA')}`, 'Amazon KSA', 10, 10, 100],
      // The UAE position's cost is in AED (10 SAR ÷ 1.0211); the mapping's cost back in SAR is 10, the supplier's currency SAR.
      [`PO-20261207-${poCode('Acme', 'Amazon UAE')}`, 'Amazon UAE', 20, 10, 200],
    ]);
  });

  test('into the own warehouse one line per Master SKU, the channels added: 12 + 24 = 36 units, 3 cartons of 12', () => {
    const a = metrics({ masterSku: 'M1', supplier: 'Acme', cost: 5, casePack: 12 });
    const b = metrics({ masterSku: 'M1', supplier: 'Acme', cost: 5, casePack: 12, channel: 'noon-ksa' }, 35);
    const { orders } = purchaseOrders(inputs([line(a, 12), line(b, 24)], [state('Auto-approved', 12), state('Auto-approved', 24)], { ownWarehouse: true }), s);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ destination: 'Own warehouse', expectedArrival: '2027-01-11', total: 180 });
    expect(orders[0].lines).toEqual([expect.objectContaining({ masterSku: 'M1', quantity: 36, cartons: 3, unitCost: 5, lineTotal: 180, leadTimeDays: 35 })]);
  });

  test('an approved quantity off the case pack is rounded up: 25 of a 12-unit case → 36; below MOQ 50 → 60', () => {
    const m = metrics({ supplier: 'Acme', cost: 1, casePack: 12 });
    expect(purchaseOrders(inputs([line(m, 24)], [state('Approved', 25)]), s).orders[0].lines[0].quantity).toBe(36);
    const moq = metrics({ supplier: 'Acme', cost: 1, casePack: 12, moq: 50 });
    expect(purchaseOrders(inputs([line(moq, 60)], [state('Approved', 30)]), s).orders[0].lines[0].quantity).toBe(60);
  });

  test('pending and rejected lines, approvals of 0 and warehouse-only lines make no PO', () => {
    const m = metrics({ supplier: 'Acme', cost: 1 });
    const { orders } = purchaseOrders(inputs([line(m, 5), line(m, 5), line(m, 5), line(m, 0, 5)], [state('Pending'), state('Rejected', 5), state('Approved', 0), state('Auto-approved', 0)]), s);
    expect(orders).toEqual([]);
  });

  test('the supplier: the mapping\'s, else the latest PO\'s, else "No supplier" with one Data Issue naming the SKUs', () => {
    const named = metrics({ masterSku: 'A', supplier: 'Acme', cost: 1 });
    const fromPo = metrics({ masterSku: 'B', cost: 1 });
    const none1 = metrics({ masterSku: 'C', cost: 1 });
    const none2 = metrics({ masterSku: 'D', cost: 1, channel: 'noon-ksa' });
    const { orders, issues } = purchaseOrders(
      inputs([line(named, 1), line(fromPo, 1), line(none1, 1), line(none2, 1)], [state('Approved'), state('Approved'), state('Approved'), state('Approved')], {
        lastPoSupplier: new Map([['B', 'Bolt Co']]),
        ownWarehouse: true,
      }),
      s,
    );
    // "No supplier" sorts last.
    expect(orders.map((po) => [po.supplier, po.lines.map((l) => l.masterSku)])).toEqual([
      ['Acme', ['A']],
      ['Bolt Co', ['B']],
      [NO_SUPPLIER, ['C', 'D']],
    ]);
    expect(issues).toEqual([expect.objectContaining({ source: 'Mapping', column: 'Supplier', value: 'C, D', code: 'po.no-supplier', args: { skus: ['C', 'D'], count: 2, po: NO_SUPPLIER } })]);
    expect(issues[0].reason).toMatch(/^No supplier for 2 Master SKUs \(C, D\)/);
  });

  test('an AED supplier: unit cost 102.11 SAR → 100 AED; a currency the settings cannot convert is reported and the PO is in SAR', () => {
    const aed = metrics({ masterSku: 'F', supplier: 'Gulf', supplierCurrency: ' aed ', cost: 102.11 });
    const usd = metrics({ masterSku: 'U', supplier: 'Far', supplierCurrency: 'USD', cost: 3.75 });
    const { orders, issues } = purchaseOrders(inputs([line(aed, 3), line(usd, 4)], [state('Approved'), state('Approved')]), s);
    expect(orders.map((po) => [po.supplier, po.currency, po.lines[0].unitCost, po.total, po.totalReporting])).toEqual([
      ['Far', 'SAR', 3.75, 15, 15],
      ['Gulf', 'AED', 100, 300, 306.33],
    ]);
    expect(issues).toEqual([expect.objectContaining({ column: 'Supplier Currency', value: 'USD', code: 'po.currency-unknown' })]);
    expect(issues[0].reason).toBe('Supplier Currency "USD" for U (Far) is not SAR or AED, the currencies the settings convert: its PO is in SAR');
  });

  test('a line without cost has no line total and the PO total adds the others; changed lines are marked', () => {
    const a = metrics({ masterSku: 'A', supplier: 'Acme', cost: 2 });
    const b = metrics({ masterSku: 'B', supplier: 'Acme', cost: null });
    const { orders } = purchaseOrders(inputs([line(a, 10), line(b, 5)], [state('Approved', null, 'Yes: 10 → 12'), state('Approved')]), s);
    expect(orders[0].lines.map((l) => [l.masterSku, l.lineTotal, l.changed])).toEqual([
      ['A', 20, 'Yes: 10 → 12'],
      ['B', null, null],
    ]);
    expect(orders[0].total).toBe(20);
  });

  test('PO numbers depend on the day, the supplier and the destination only', () => {
    expect(poCode('Acme', 'Own warehouse')).toMatch(/^[0-9A-Z]{5}$/);
    expect(poCode('Acme', 'Own warehouse')).toBe(poCode('Acme', 'Own warehouse'));
    expect(poCode('Acme', 'Own warehouse')).not.toBe(poCode('Acme', 'Amazon KSA'));
    expect(poCode('Acme', 'Own warehouse')).not.toBe(poCode('Acme Ltd', 'Own warehouse'));
  });
});

describe('shipments', () => {
  const transfer = (from: PositionMetrics, to: PositionMetrics, qty: number): TransferLine => ({ from, to, transfer: { qty } }) as unknown as TransferLine;

  test('routes in channel order (own warehouse first); cartons rounded up; volume from an Amazon position, else the mapping', () => {
    const amzKsa = metrics({ masterSku: 'M', channel: 'amazon-ksa', unitVolume: 0.5, casePack: 4, channelSkus: ['AMZ-M'] });
    const noonKsa = metrics({ masterSku: 'M', channel: 'noon-ksa', unitVolume: 0.25, casePack: 4, channelSkus: ['NOON-M'] });
    const other = metrics({ masterSku: 'N', channel: 'noon-ksa', unitVolume: null, channelSkus: ['NOON-N'] });
    const list = shipments({
      metrics: [noonKsa, amzKsa, other],
      transfers: [transfer(amzKsa, noonKsa, 10), transfer(noonKsa, amzKsa, 3)],
      transferApprovals: [state('Approved', 9), state('Rejected')],
      reorder: [line(other, 0, 7)],
      reorderApprovals: [state('Auto-approved', 0)],
    });
    expect(list.map((sh) => [sh.route, sh.units, sh.volume, sh.volumeComplete])).toEqual([
      ['Own warehouse → noon KSA', 7, 0, false],
      ['Amazon KSA → noon KSA', 9, 4.5, true],
    ]);
    // 9 approved of the 10 recommended, ⌈9 ÷ 4⌉ = 3 cartons, 9 × 0.5 (the Amazon position's volume) = 4.5.
    expect(list[1].lines[0]).toMatchObject({ masterSku: 'M', destinationSku: 'NOON-M', quantity: 9, cartons: 3, unitVolume: 0.5, volume: 4.5, source: 'Rebalance' });
    expect(list[0].lines[0]).toMatchObject({ destinationSku: 'NOON-N', quantity: 7, cartons: null, unitVolume: null, volume: null, source: 'Reorder' });
  });
});
