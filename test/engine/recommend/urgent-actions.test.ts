import { positionMetrics, type PositionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { LiquidationAction, LiquidationLine } from '../../../src/engine/recommend/liquidation-lines';
import type { TransferLine } from '../../../src/engine/recommend/rebalance-lines';
import type { ReorderLine } from '../../../src/engine/recommend/reorder-lines';
import type { StrandedLine } from '../../../src/engine/recommend/stranded-lines';
import { PRIORITY_ORDER, units, urgentActions, type RecommendationIndex } from '../../../src/engine/recommend/urgent-actions';
import { position } from '../../helpers/position';

// docs/FORMULAS.md "Urgency": CRITICAL v > 0 and DOI < 7; HIGH DOI > 365 or stranded units; MEDIUM dead stock;
// LOW 7 ≤ DOI < 14. Within a priority, by money at stake (revenue at risk for stockouts, stock value at
// cost for excess), then DOI. Default settings: L = 30, excessDays 90, AED → SAR × 1.0211.
const s = DEFAULT_SETTINGS;
type Fields = Parameters<typeof position>[0];
const metricsOf = (fields: Fields) => positionMetrics(position(fields), 'A', s);

const noRecommendations: RecommendationIndex = { reorder: new Map(), transfersIn: new Map(), transfersOut: new Map(), liquidation: new Map(), stranded: new Map() };

function transfer(from: PositionMetrics, to: PositionMetrics, qty: number): TransferLine {
  // capital saved = qty × cost − qty × 5
  const unitCost = from.position.cost ?? 0;
  return {
    from,
    to,
    transfer: { from: from.id, to: to.id, qty, unitCost, transferCost: qty * 5, capitalSaved: qty * (unitCost - 5) },
    capitalSavedReporting: qty * (unitCost - 5),
    tier: 'Auto',
  };
}

function reorder(m: PositionMetrics, fromWarehouse: number, buyQty: number): ReorderLine {
  return { metrics: m, reorderNeed: fromWarehouse + buyQty, onOrder: 0, onOrderLate: 0, transferIn: 0, fromWarehouse, buyQty, orderValue: null, orderValueReporting: null, tier: null };
}

function liquidation(m: PositionMetrics, action: LiquidationAction, units: number, discount: number | null = null): LiquidationLine {
  const plan =
    discount === null ? null : { discount, uncappedDiscount: discount, capped: false, newPrice: 0, expectedVelocity: 0, daysToClear: 0, reachesTarget: true };
  return { metrics: m, units, plan, action, recovery: null, options: null, reason: '', valueReporting: null, tier: null };
}

function stranded(m: PositionMetrics, action: string): StrandedLine {
  return { metrics: m, stranded: m.position.stranded, unfulfillable: 0, reason: 'Listing suppressed', action, valueReporting: null };
}

describe('urgentActions: issue and money at stake per priority', () => {
  test('CRITICAL stockout: "Stockout in 3.0 days", revenue at risk (30 − 3) × 2 × 50 = 2,700', () => {
    // v = 60 / 30 = 2, DOI = 6 / 2 = 3 < 7.
    const [a] = urgentActions([metricsOf({ available: 6, sold: 60, price: 50 })], noRecommendations, s);
    expect(a).toMatchObject({ priority: 'CRITICAL', issue: 'Stockout in 3.0 days', moneyAtStake: 2700 });
  });

  test('CRITICAL with nothing on hand: "Out of stock while selling", 30 × 1 × 100 = 3,000', () => {
    const [a] = urgentActions([metricsOf({ available: 0, sold: 30, price: 100 })], noRecommendations, s);
    expect(a).toMatchObject({ priority: 'CRITICAL', issue: 'Out of stock while selling', moneyAtStake: 3000 });
  });

  test('LOW: "Low stock in 10 days", (30 − 10) × 2 × 50 = 2,000', () => {
    const [a] = urgentActions([metricsOf({ available: 20, sold: 60, price: 50 })], noRecommendations, s);
    expect(a).toMatchObject({ priority: 'LOW', issue: 'Low stock in 10 days', moneyAtStake: 2000 });
  });

  test('HIGH severe excess: v = 0.1, DOI 400; excess 40 − 0.1 × 90 = 31 units × cost 10 = 310', () => {
    const [a] = urgentActions([metricsOf({ available: 40, sold: 3, cost: 10 })], noRecommendations, s);
    expect(a.priority).toBe('HIGH');
    expect(a.issue).toBe('Severe excess: 400 days of stock');
    expect(a.moneyAtStake).toBeCloseTo(310, 10);
  });

  test('HIGH stranded on an AED channel: 5 units × AED 10 = AED 50 = SAR 51.055', () => {
    const [a] = urgentActions([metricsOf({ channel: 'amazon-uae', available: 40, sold: 60, stranded: 5, cost: 10 })], noRecommendations, s);
    expect(a).toMatchObject({ priority: 'HIGH', issue: '5 stranded units', action: 'Fix stranded inventory in Seller Central' });
    expect(a.moneyAtStake).toBeCloseTo(51.055, 10);
  });

  test('MEDIUM dead stock: "Dead stock: 1,200 units, no sales", stock value 1,200 × 20 = 24,000', () => {
    const [a] = urgentActions([metricsOf({ available: 1200, cost: 20 })], noRecommendations, s);
    expect(a).toMatchObject({ priority: 'MEDIUM', issue: 'Dead stock: 1,200 units, no sales', moneyAtStake: 24000 });
  });

  test('money at stake is blank without a price (stockouts) or a cost (excess, stranded, dead)', () => {
    const lines = urgentActions(
      [metricsOf({ masterSku: 'C', available: 6, sold: 60 }), metricsOf({ masterSku: 'H', available: 40, sold: 3 }), metricsOf({ masterSku: 'M', available: 30 })],
      noRecommendations,
      s,
    );
    expect(lines.map((l) => [l.priority, l.moneyAtStake])).toEqual([
      ['CRITICAL', null],
      ['HIGH', null],
      ['MEDIUM', null],
    ]);
  });

  test('positions without a priority get no line', () => {
    // DOI 20 (healthy), and a position with neither stock nor sales.
    expect(urgentActions([metricsOf({ available: 40, sold: 60 }), metricsOf({})], noRecommendations, s)).toEqual([]);
  });
});

describe('urgentActions: order', () => {
  test('the priority order is CRITICAL, HIGH, MEDIUM, LOW', () => {
    expect(PRIORITY_ORDER).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
  });

  // Money at stake (SAR), from the hand computations above:
  const metrics = [
    metricsOf({ masterSku: 'LOW-BIG', available: 20, sold: 60, price: 1000 }), // LOW, (30 − 10) × 2 × 1,000 = 40,000
    metricsOf({ masterSku: 'DEAD', channel: 'noon-ksa', available: 30, cost: 20 }), // MEDIUM, 30 × 20 = 600
    metricsOf({ masterSku: 'CRIT-3', available: 6, sold: 60, price: 50 }), // CRITICAL, 2,700
    metricsOf({ masterSku: 'STRANDED', channel: 'amazon-uae', available: 40, sold: 60, stranded: 5, cost: 10 }), // HIGH, 51.055
    metricsOf({ masterSku: 'HEALTHY', available: 40, sold: 60, price: 50 }), // none
    metricsOf({ masterSku: 'CRIT-0', channel: 'noon-ksa', available: 0, sold: 30, price: 100 }), // CRITICAL, 3,000
    metricsOf({ masterSku: 'DEAD-NO-COST', available: 30 }), // MEDIUM, blank (0)
    metricsOf({ masterSku: 'EXCESS', available: 40, sold: 3, cost: 10 }), // HIGH, 310
  ];
  const expected = ['CRIT-0', 'CRIT-3', 'EXCESS', 'STRANDED', 'DEAD', 'DEAD-NO-COST', 'LOW-BIG'];

  test('by priority, then money at stake descending: a LOW worth 40,000 still comes last', () => {
    const lines = urgentActions(metrics, noRecommendations, s);
    expect(lines.map((l) => l.metrics.position.masterSku)).toEqual(expected);
    expect(lines.map((l) => l.priority)).toEqual(['CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'LOW']);
  });

  test('the order does not depend on the input order', () => {
    const reversed = urgentActions([...metrics].reverse(), noRecommendations, s);
    expect(reversed.map((l) => l.metrics.position.masterSku)).toEqual(expected);
  });

  test('equal money at stake: lower DOI first (LOW at DOI 8 before DOI 12, whatever the ids)', () => {
    // No price → money blank for both. v = 2: 16 / 2 = 8, 24 / 2 = 12.
    const lines = urgentActions([metricsOf({ masterSku: 'A', available: 24, sold: 60 }), metricsOf({ masterSku: 'Z', available: 16, sold: 60 })], noRecommendations, s);
    expect(lines.map((l) => [l.metrics.position.masterSku, l.metrics.doi])).toEqual([
      ['Z', 8],
      ['A', 12],
    ]);
  });

  test('+∞ DOIs compare without NaN: a stranded position without sales (DOI +∞) after one with DOI 20 at equal money', () => {
    // Both HIGH for 5 stranded units × SAR 10 = 50.
    const noSales = metricsOf({ masterSku: 'A-NOSALES', available: 40, stranded: 5, cost: 10 });
    const selling = metricsOf({ masterSku: 'B-SELLING', available: 40, sold: 60, stranded: 5, cost: 10 });
    expect(noSales.doi).toBe(Infinity);
    for (const input of [
      [noSales, selling],
      [selling, noSales],
    ]) {
      expect(urgentActions(input, noRecommendations, s).map((l) => l.metrics.position.masterSku)).toEqual(['B-SELLING', 'A-NOSALES']);
    }
  });

  test('two +∞ DOIs at equal money fall back to the id, in any input order', () => {
    const dead = ['M3', 'M1', 'M2'].map((masterSku) => metricsOf({ masterSku, available: 30 }));
    for (const input of [dead, [...dead].reverse(), [dead[1], dead[2], dead[0]]]) {
      expect(urgentActions(input, noRecommendations, s).map((l) => l.metrics.id)).toEqual(['M1|amazon-ksa', 'M2|amazon-ksa', 'M3|amazon-ksa']);
    }
  });
});

describe('urgentActions: action texts from the other recommendations', () => {
  const critical = metricsOf({ available: 6, sold: 60, price: 50, cost: 10 });
  const noonExcess = metricsOf({ channel: 'noon-ksa', available: 500, sold: 30, cost: 10 });
  const uaeNeed = metricsOf({ channel: 'noon-uae', available: 1, sold: 60, cost: 10 });

  test('restock: transfers in, then warehouse, then buy (units with thousands separators)', () => {
    const idx: RecommendationIndex = {
      ...noRecommendations,
      transfersIn: new Map([[critical.id, [transfer(noonExcess, critical, 20)]]]),
      reorder: new Map([[critical.id, reorder(critical, 5, 1200)]]),
    };
    expect(urgentActions([critical], idx, s)[0].action).toBe('Transfer 20 from noon KSA, send 5 from the warehouse, order 1,200');
  });

  test('restock from the warehouse only', () => {
    const idx: RecommendationIndex = { ...noRecommendations, reorder: new Map([[critical.id, reorder(critical, 54, 0)]]) };
    expect(urgentActions([critical], idx, s)[0].action).toBe('Send 54 from the warehouse');
  });

  test('several transfers in are all listed', () => {
    const other = metricsOf({ channel: 'noon-uae', available: 900, sold: 30, cost: 10 });
    const idx: RecommendationIndex = { ...noRecommendations, transfersIn: new Map([[uaeNeed.id, [transfer(other, uaeNeed, 30), transfer(other, uaeNeed, 15)]]]) };
    expect(urgentActions([uaeNeed], idx, s)[0].action).toBe('Transfer 30 from noon UAE, transfer 15 from noon UAE');
  });

  test('nothing recommended: expedite the inbound when some is coming, else review the plan', () => {
    // 6 available + 40 inbound: DOI (without inbound) still 3 → CRITICAL.
    const inbound = metricsOf({ available: 6, inbound: 40, sold: 60 });
    expect(urgentActions([inbound], noRecommendations, s)[0].action).toBe('Expedite the inbound shipment');
    expect(urgentActions([critical], noRecommendations, s)[0].action).toBe('Review the reorder plan');
  });

  const severe = metricsOf({ available: 40, sold: 3, cost: 10, price: 30 });

  test('excess: transfers out, then the discount plan', () => {
    const idx: RecommendationIndex = {
      ...noRecommendations,
      transfersOut: new Map([[severe.id, [transfer(severe, noonExcess, 20)]]]),
      liquidation: new Map([[severe.id, liquidation(severe, 'Discount', 11, 0.254)]]),
    };
    expect(urgentActions([severe], idx, s)[0].action).toBe('Transfer 20 to noon KSA, discount 25% for 11 excess units');
  });

  test.each([
    ['Outlet deal', 'Outlet deal for 31 units'],
    ['Liquidate', 'Liquidate for 31 units'],
    ['Remove', 'Remove for 31 units'],
    ['Review', 'Set a selling price to plan the clearance'],
  ] as const)('excess with the alternative %s → "%s"', (action, text) => {
    const idx: RecommendationIndex = { ...noRecommendations, liquidation: new Map([[severe.id, liquidation(severe, action, 31)]]) };
    expect(urgentActions([severe], idx, s)[0].action).toBe(text);
  });

  test('excess with nothing recommended: pause inbound shipments', () => {
    expect(urgentActions([severe], noRecommendations, s)[0].action).toBe('Pause inbound shipments');
  });

  test('dead stock uses the excess actions too: "Remove for 30 units"', () => {
    const dead = metricsOf({ available: 30, cost: 2 });
    const idx: RecommendationIndex = { ...noRecommendations, liquidation: new Map([[dead.id, liquidation(dead, 'Remove', 30)]]) };
    expect(urgentActions([dead], idx, s)[0].action).toBe('Remove for 30 units');
  });

  test('stranded: the Stranded sheet’s action', () => {
    const st = metricsOf({ available: 40, sold: 60, stranded: 5, cost: 10 });
    const idx: RecommendationIndex = { ...noRecommendations, stranded: new Map([[st.id, stranded(st, 'Fix the listing, then relist')]]) };
    expect(urgentActions([st], idx, s)[0].action).toBe('Fix the listing, then relist');
  });

  test('recommendations of other positions are not used', () => {
    const idx: RecommendationIndex = { ...noRecommendations, reorder: new Map([[noonExcess.id, reorder(noonExcess, 0, 99)]]) };
    expect(urgentActions([critical], idx, s)[0].action).toBe('Review the reorder plan');
  });
});

describe('units (the text of a unit count)', () => {
  const EN_US = new Intl.NumberFormat('en-US');
  it('writes a count rounded, with thousands separators, as en-US formatting does', () => {
    const counts = [0, -0, 0.4, -0.4, -0.5, 0.5, 7, 999, 999.5, 1000, -1000, 12345.6, -1234567.49, 1e15, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, Infinity, -Infinity, NaN];
    for (const n of counts) expect(units(n)).toBe(EN_US.format(Math.round(n)));
    expect(units(1234567)).toBe('1,234,567');
    expect(units(-1000.4)).toBe('-1,000');
  });
});
