import { positionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS, type Position } from '../../../src/engine/model';
import { reorderLines } from '../../../src/engine/recommend/reorder-lines';
import { position } from '../../helpers/position';

// docs/FORMULAS.md "Policies" (cover: need = max(0, v × 30 − available − inbound); rounding: raised to MOQ,
// then up to a multiple of the case pack) and "Settings and defaults" (approval tiers auto < 5,000,
// manager < 50,000, director < 100,000 in the reporting currency SAR; AED → SAR × 1.0211).
const s = DEFAULT_SETTINGS;
const metricsOf = (p: Position) => positionMetrics(p, 'A', s);
const none = new Map<string, number>();

// M1 on Amazon KSA: v = 60 / 30 = 2, 10 available → DOI 5, need = 2 × 30 − 10 = 50.
const ksa = metricsOf(position({ channel: 'amazon-ksa', available: 10, sold: 60, cost: 25, moq: 12, casePack: 5 }));
// M1 on noon KSA: v = 30 / 30 = 1, 20 available → DOI 20, need = 1 × 30 − 20 = 10.
const noon = metricsOf(position({ channel: 'noon-ksa', available: 20, sold: 30, cost: 25, moq: 12, casePack: 5 }));

describe('reorderLines: own-warehouse stock first, lowest DOI first, then buy', () => {
  test('warehouse 55 units: Amazon KSA (DOI 5) takes 50, noon KSA (DOI 20) gets the last 5 and buys the rest', () => {
    // Input order puts noon first: the lines follow DOI, not input order.
    const lines = reorderLines([noon, ksa], new Map([['M1', 55]]), none, s);
    expect(lines.map((l) => l.metrics.id)).toEqual(['M1|amazon-ksa', 'M1|noon-ksa']);

    // Amazon KSA: need 50; warehouse min(55, 50) = 50 → nothing to buy.
    expect(lines[0]).toMatchObject({ reorderNeed: 50, transferIn: 0, fromWarehouse: 50, buyQty: 0, orderValue: 0, tier: 'Auto' });
    // noon KSA: need 10; warehouse left 5 → buy 10 − 5 = 5, raised to MOQ 12, up to case pack 5 → 15;
    // order value 15 × 25 = 375 SAR → Auto (< 5,000).
    expect(lines[1]).toMatchObject({ reorderNeed: 10, transferIn: 0, fromWarehouse: 5, buyQty: 15, orderValue: 375, orderValueReporting: 375, tier: 'Auto' });
  });

  test('no warehouse stock: each position buys its need, MOQ / case-pack rounded', () => {
    const lines = reorderLines([ksa, noon], none, none, s);
    // Amazon KSA: 50 ≥ MOQ 12 → up to a multiple of 5 → 50. noon KSA: 10 → MOQ 12 → 15.
    expect(lines.map((l) => [l.fromWarehouse, l.buyQty])).toEqual([
      [0, 50],
      [0, 15],
    ]);
    // 50 × 25 = 1,250.
    expect(lines[0].orderValue).toBe(1250);
  });

  test('warehouse stock of one Master SKU never serves another', () => {
    const m2 = metricsOf(position({ masterSku: 'M2', available: 10, sold: 60, cost: 25 }));
    const [line] = reorderLines([m2], new Map([['M1', 100]]), none, s);
    expect(line.fromWarehouse).toBe(0);
    expect(line.buyQty).toBe(50);
  });

  test('the warehouse sends whole units: need 10.5 with 100 in the warehouse sends 11', () => {
    // v = 31.5 / 30 = 1.05 → need = 1.05 × 30 − 21 = 10.5 → ⌈10.5⌉ = 11 from the warehouse, nothing bought.
    const m = metricsOf(position({ available: 21, sold: 31.5, cost: 10 }));
    const [line] = reorderLines([m], new Map([['M1', 100]]), none, s);
    expect(line.reorderNeed).toBeCloseTo(10.5, 10);
    expect(line.fromWarehouse).toBe(11);
    expect(line.buyQty).toBe(0);
  });

  test('a fractional warehouse quantity is floored: 7.9 → 7 sent', () => {
    const [line] = reorderLines([noon], new Map([['M1', 7.9]]), none, s);
    // need 10: 7 from the warehouse, buy 3 → MOQ 12 → 15.
    expect(line.fromWarehouse).toBe(7);
    expect(line.buyQty).toBe(15);
  });

  test('without MOQ or case pack the buy is the need rounded up to whole units', () => {
    // v = 61 / 30; need = 61/30 × 30 − 10 = 51 (up to floating-point noise) → 51.
    const m = metricsOf(position({ available: 10, sold: 61, cost: 2 }));
    const [line] = reorderLines([m], none, none, s);
    expect(line.buyQty).toBe(51);
  });

  test('an invalid case pack (2.5) is ignored: rounding by MOQ only', () => {
    const m = metricsOf(position({ available: 10, sold: 60, cost: 2, moq: 52, casePack: 2.5 }));
    const [line] = reorderLines([m], none, none, s);
    expect(line.buyQty).toBe(52);
  });
});

describe('reorderLines: transfers in reduce the need', () => {
  test('20 units coming by transfer: need 50 → 30 to cover', () => {
    const lines = reorderLines([ksa], none, new Map([['M1|amazon-ksa', 20]]), s);
    expect(lines[0]).toMatchObject({ reorderNeed: 50, transferIn: 20, fromWarehouse: 0, buyQty: 30 });
  });

  test('then the warehouse: 20 by transfer, 25 from the warehouse, 5 bought → MOQ 12 → 15', () => {
    const [line] = reorderLines([ksa], new Map([['M1', 25]]), new Map([['M1|amazon-ksa', 20]]), s);
    expect(line).toMatchObject({ transferIn: 20, fromWarehouse: 25, buyQty: 15 });
  });

  test('a transfer covering the whole need leaves no line', () => {
    expect(reorderLines([ksa], none, new Map([['M1|amazon-ksa', 50]]), s)).toEqual([]);
    expect(reorderLines([ksa], none, new Map([['M1|amazon-ksa', 80]]), s)).toEqual([]);
  });

  test('positions that need nothing get no line', () => {
    const full = metricsOf(position({ available: 100, sold: 60, cost: 25 }));
    expect(reorderLines([full], new Map([['M1', 10]]), none, s)).toEqual([]);
  });
});

describe('reorderLines: order value and approval tier', () => {
  test('cost missing: order value and tier blank, the quantity still planned', () => {
    const m = metricsOf(position({ available: 10, sold: 60 }));
    const [line] = reorderLines([m], none, none, s);
    expect(line.buyQty).toBe(50);
    expect(line.orderValue).toBeNull();
    expect(line.orderValueReporting).toBeNull();
    expect(line.tier).toBeNull();
  });

  test('tiers by value in the reporting currency: AED 4,950 = SAR 5,054.45 → Manager, SAR 4,950 → Auto', () => {
    // v = 150 / 30 = 5, 50 available → need 5 × 30 − 50 = 100; 100 × 49.5 = 4,950 in the channel's currency.
    const uae = metricsOf(position({ channel: 'amazon-uae', available: 50, sold: 150, cost: 49.5 }));
    const sar = metricsOf(position({ channel: 'amazon-ksa', available: 50, sold: 150, cost: 49.5 }));
    const [uaeLine, sarLine] = [reorderLines([uae], none, none, s)[0], reorderLines([sar], none, none, s)[0]];
    expect(uaeLine.buyQty).toBe(100);
    expect(uaeLine.orderValue).toBeCloseTo(4950, 10);
    expect(uaeLine.orderValueReporting).toBeCloseTo(5054.445, 9); // 4,950 × 1.0211
    expect(uaeLine.tier).toBe('Manager');
    expect(sarLine.orderValueReporting).toBeCloseTo(4950, 10);
    expect(sarLine.tier).toBe('Auto');
  });

  test.each([
    [49.99, 'Auto'], // 100 × 49.99 = 4,999.00 < 5,000
    [50, 'Manager'], // 100 × 50 = 5,000: not below 5,000
    [500, 'Director'], // 100 × 500 = 50,000
    [1000, 'Executive'], // 100 × 1,000 = 100,000
  ])('100 units at SAR %p → %s', (cost, tier) => {
    const m = metricsOf(position({ available: 50, sold: 150, cost }));
    expect(reorderLines([m], none, none, s)[0].tier).toBe(tier);
  });

  test('the tiers come from the settings: Buyer < 1,000, else Owner → 4,950 needs the Owner', () => {
    const custom = { ...s, approvalTiers: [{ tier: 'Buyer', below: 1000 }, { tier: 'Owner', below: null }] };
    const m = positionMetrics(position({ available: 50, sold: 150, cost: 49.5 }), 'A', custom);
    expect(reorderLines([m], none, none, custom)[0].tier).toBe('Owner');
  });
});
