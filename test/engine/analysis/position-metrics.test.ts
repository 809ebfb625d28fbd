import { positionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/model';
import { position } from '../../helpers/position';

// Every expected value below is computed by hand from docs/FORMULAS.md with the defaults of its "Settings and
// defaults" table: safetyDays 30, excessDays 90, stockoutDays 14, criticalDays 7, severeExcessDays 365,
// leadTimeDays 30, leadTimeSdDays 0, reviewDays 7, orderCost 200, holdingRate 0.25, AED→SAR 1.0211.
const cover = DEFAULT_SETTINGS;
const service: Settings = { ...DEFAULT_SETTINGS, policy: 'service' };

// z = Φ⁻¹(service level), docs/FORMULAS.md "Policies": z(0.98) = 2.0537, z(0.95) = 1.6449 (to 10 digits below).
const z98 = 2.053748911;
const z95 = 1.644853627;

/** 50, 70, 60 units in three months: mean 60, sample sd √((100 + 100 + 0) / 2) = 10. */
const threeMonths = {
  '2026-01': { units: 50, revenue: 2500 },
  '2026-03': { units: 60, revenue: 3000 },
  '2026-02': { units: 70, revenue: 3500 },
};

describe('positionMetrics, cover policy (docs/FORMULAS.md "Policies": days of cover)', () => {
  // 60 units sold in 30 days → v = 2/day; 40 available, 10 inbound; cost 25, price 50 (SAR).
  const p = position({ available: 40, inbound: 10, sold: 60, revenue: 3000, cost: 25, price: 50 });
  const m = positionMetrics(p, 'A', cover);

  test('id is Master SKU | channel id, and the position is kept', () => {
    expect(m.id).toBe('M1|amazon-ksa');
    expect(m.position).toBe(p);
    expect(m.abc).toBe('A');
  });

  test('velocity = sold / periodDays = 60 / 30 = 2, by "sales / period"', () => {
    expect(m.velocity).toBe(2);
    expect(m.velocityMethod).toBe('sales / period (no ledger)');
  });

  test('DOI = 40 / 2 = 20; DOI incl. inbound = (40 + 10) / 2 = 25', () => {
    expect(m.doi).toBe(20);
    expect(m.doiInclInbound).toBe(25);
  });

  test('safety stock = v × safetyDays = 2 × 30 = 60; the reorder point shown is that safety stock', () => {
    expect(m.safetyStock).toBe(60);
    expect(m.reorderPoint).toBe(60);
    expect(m.orderUpTo).toBeNull();
  });

  test('reorder need = max(0, SS − available − inbound) = max(0, 60 − 40 − 10) = 10; need qty the same', () => {
    expect(m.reorderNeed).toBe(10);
    expect(m.needQty).toBe(10);
  });

  test('no service level or σ under the cover policy; lead time from the setting (30)', () => {
    expect(m.serviceLevel).toBeNull();
    expect(m.sigmaSource).toBe('—');
    expect(m.leadTimeDays).toBe(30);
  });

  test('excess = max(0, 40 − 2 × 90) = 0; Fast (DOI 20 ≤ safetyDays 30); no urgency (14 ≤ DOI 20 ≤ 365)', () => {
    expect(m.excessQty).toBe(0);
    expect(m.dead).toBe(false);
    expect(m.movement).toBe('Fast');
    expect(m.urgency).toBeNull();
  });

  test('stock value = 40 × 25 = 1,000 SAR, the same in the reporting currency SAR; revenue 3,000', () => {
    expect(m.stockValue).toBe(1000);
    expect(m.stockValueReporting).toBe(1000);
    expect(m.revenueReporting).toBe(3000);
  });

  test('EOQ = √(2 D S / H) = √(2 × 730 × 200 / 6.25) = √46,720 = 216.148 (D = 365 × 2, H = 0.25 × 25)', () => {
    expect(m.eoq).toBeCloseTo(216.148097, 5);
  });

  test('GMROI = (50 − 25) × 60 / (25 × 40) = 1,500 / 1,000 = 1.5; sell-through = 60 / (40 + 60) = 0.6', () => {
    expect(m.gmroi).toBeCloseTo(1.5, 12);
    expect(m.sellThrough).toBeCloseTo(0.6, 12);
  });

  test('projected lost revenue = max(0, L − DOI incl. inbound) × v × price = (30 − 25) × 2 × 50 = 500', () => {
    expect(m.projectedLost).toBe(500);
    expect(m.projectedLostReporting).toBe(500);
  });

  test('stock already covering the safety stock orders nothing: 40 + 30 inbound ≥ 60 → need 0, lost 0', () => {
    // DOI incl. inbound = 70 / 2 = 35 ≥ L = 30, so nothing is lost either.
    const enough = positionMetrics(position({ available: 40, inbound: 30, sold: 60, price: 50 }), 'A', cover);
    expect(enough.reorderNeed).toBe(0);
    expect(enough.needQty).toBe(0);
    expect(enough.projectedLost).toBe(0);
  });
});

describe('positionMetrics, service policy with ≥ 3 months of history (docs/FORMULAS.md "Policies": statistical)', () => {
  // 180 units in 90 days → d = 2/day. Monthly 50, 70, 60: sample sd 10 → σd = 10 / √30.
  // A item → service level 0.98 → z = 2.0537. L = 30, σL = 0:
  // SS = z × σd × √L = z × (10 / √30) × √30 = 10z = 20.5375.
  const ss = 10 * z98;
  const history = { sold: 180, periodDays: 90, salesByMonth: threeMonths };

  test('SS = 10z = 20.5375; ROP = d L + SS = 60 + 20.5375 = 80.5375; S = d (L + review) + SS = 74 + 20.5375 = 94.5375', () => {
    const m = positionMetrics(position({ ...history, available: 50, inbound: 20 }), 'A', service);
    expect(m.velocity).toBe(2);
    expect(m.serviceLevel).toBe(0.98);
    expect(m.sigmaSource).toBe('monthly history');
    expect(m.safetyStock).toBeCloseTo(ss, 6);
    expect(m.safetyStock).toBeCloseTo(20.5375, 3);
    expect(m.reorderPoint).toBeCloseTo(60 + ss, 6);
    expect(m.orderUpTo).toBeCloseTo(74 + ss, 6);
  });

  test('at or below the reorder point it orders up to S: 50 + 20 = 70 ≤ 80.54 → 94.5375 − 70 = 24.5375', () => {
    const m = positionMetrics(position({ ...history, available: 50, inbound: 20 }), 'A', service);
    expect(m.reorderNeed).toBeCloseTo(74 + ss - 70, 6);
    expect(m.reorderNeed).toBeCloseTo(24.5375, 3);
  });

  test('above the reorder point it orders nothing: 70 + 20 = 90 > 80.54 → 0 (though S − 90 = 4.54 > 0)', () => {
    const m = positionMetrics(position({ ...history, available: 70, inbound: 20 }), 'A', service);
    expect(m.reorderNeed).toBe(0);
  });

  test('the need for transfers stays the days-of-cover need: max(0, 2 × 30 − 50 − 5) = 5', () => {
    const m = positionMetrics(position({ ...history, available: 50, inbound: 5 }), 'A', service);
    expect(m.needQty).toBe(5);
  });

  test('the month order of the history does not matter (the keys are sorted)', () => {
    const shuffled = { '2026-03': threeMonths['2026-03'], '2026-01': threeMonths['2026-01'], '2026-02': threeMonths['2026-02'] };
    const a = positionMetrics(position({ ...history, salesByMonth: shuffled }), 'A', service);
    expect(a.safetyStock).toBeCloseTo(ss, 6);
  });

  test('lead-time spread from the setting: σL = 5 → SS = z √(L σd² + d² σL²) = z √(30 × 100/30 + 4 × 25) = z √200 = 29.0444', () => {
    const m = positionMetrics(position({ ...history, available: 50 }), 'A', { ...service, leadTimeSdDays: 5 });
    expect(m.safetyStock).toBeCloseTo(z98 * Math.sqrt(200), 6);
    expect(m.safetyStock).toBeCloseTo(29.0444, 3);
  });

  test('the per-SKU lead time from the mapping overrides the setting: L = 10', () => {
    // SS = z × (10 / √30) × √10 = 10z / √3 = 11.8573; ROP = 2 × 10 + 11.8573 = 31.8573; S = 2 × 17 + 11.8573 = 45.8573.
    const m = positionMetrics(position({ ...history, leadTimeDays: 10 }), 'A', service);
    expect(m.leadTimeDays).toBe(10);
    expect(m.safetyStock).toBeCloseTo(ss / Math.sqrt(3), 6);
    expect(m.safetyStock).toBeCloseTo(11.8573, 3);
    expect(m.reorderPoint).toBeCloseTo(20 + ss / Math.sqrt(3), 6);
    expect(m.orderUpTo).toBeCloseTo(34 + ss / Math.sqrt(3), 6);
  });

  test('the service level follows the ABC class: B → 0.95, C → 0.90', () => {
    expect(positionMetrics(position(history), 'B', service).serviceLevel).toBe(0.95);
    expect(positionMetrics(position(history), 'C', service).serviceLevel).toBe(0.9);
    // B: SS = 10 × z(0.95) = 16.4485.
    expect(positionMetrics(position(history), 'B', service).safetyStock).toBeCloseTo(10 * z95, 6);
  });

  test('a service level edited in the settings is used: A at 0.95 → SS = 10 × 1.6449', () => {
    const m = positionMetrics(position(history), 'A', { ...service, serviceLevel: { A: 0.95, B: 0.95, C: 0.9 } });
    expect(m.serviceLevel).toBe(0.95);
    expect(m.safetyStock).toBeCloseTo(10 * z95, 6);
  });
});

describe('positionMetrics, service policy with < 3 months: Poisson σd = √d', () => {
  // 60 units in 30 days → d = 2; two months of history are too few → σd = √2.
  // B item → 0.95 → z = 1.6449; SS = z × √2 × √30 = z √60 = 1.6449 × 7.7460 = 12.7410.
  const ss = z95 * Math.sqrt(60);
  const twoMonths = { '2026-01': { units: 25, revenue: 0 }, '2026-02': { units: 35, revenue: 0 } };

  test('SS = z √60 = 12.7410; ROP = 60 + 12.7410; S = 74 + 12.7410; with nothing on hand the need is S', () => {
    const m = positionMetrics(position({ sold: 60, salesByMonth: twoMonths }), 'B', service);
    expect(m.sigmaSource).toBe('Poisson (√d)');
    expect(m.safetyStock).toBeCloseTo(ss, 6);
    expect(m.safetyStock).toBeCloseTo(12.741, 3);
    expect(m.reorderPoint).toBeCloseTo(60 + ss, 6);
    expect(m.orderUpTo).toBeCloseTo(74 + ss, 6);
    expect(m.reorderNeed).toBeCloseTo(74 + ss, 6);
  });

  test('no history at all is Poisson too', () => {
    const m = positionMetrics(position({ sold: 60 }), 'B', service);
    expect(m.sigmaSource).toBe('Poisson (√d)');
    expect(m.safetyStock).toBeCloseTo(ss, 6);
  });

  test('no demand: no σ, SS 0, ROP 0, S 0, need 0', () => {
    const m = positionMetrics(position({ available: 5 }), 'A', service);
    expect(m.sigmaSource).toBe('—');
    expect(m.safetyStock).toBe(0);
    expect(m.reorderPoint).toBe(0);
    expect(m.orderUpTo).toBe(0);
    expect(m.reorderNeed).toBe(0);
  });
});

describe('positionMetrics, velocity methods (docs/FORMULAS.md "Demand")', () => {
  test('weighted t30/t60/t90 from the planning report: 0.5 × 30/30 + 0.3 × 90/60 + 0.2 × 180/90 = 0.5 + 0.45 + 0.4 = 1.35', () => {
    const p = position({ salesFrom: 'amazon-inventory-age', sold: 30, available: 27, unitsShipped: { t7: 5, t30: 30, t60: 90, t90: 180 } });
    const m = positionMetrics(p, 'A', cover);
    expect(m.velocityMethod).toBe('weighted t30/t60/t90');
    expect(m.velocity).toBeCloseTo(1.35, 12);
    // DOI = 27 / 1.35 = 20.
    expect(m.doi).toBeCloseTo(20, 10);
  });

  test('a missing window falls back to sales / period: t90 blank → 30 / 30 = 1', () => {
    const p = position({ salesFrom: 'amazon-inventory-age', sold: 30, unitsShipped: { t7: 5, t30: 30, t60: 90, t90: null } });
    const m = positionMetrics(p, 'A', cover);
    expect(m.velocityMethod).toBe('sales / period (no ledger)');
    expect(m.velocity).toBe(1);
  });

  test('t30/t60/t90 from another sales report are not used: sales / period (Business Report 60 / 30 = 2)', () => {
    const p = position({ sold: 60, unitsShipped: { t7: 5, t30: 30, t60: 90, t90: 180 } });
    const m = positionMetrics(p, 'A', cover);
    expect(m.velocityMethod).toBe('sales / period (no ledger)');
    expect(m.velocity).toBe(2);
  });

  test('a period of 0 days is read as 30: 60 / 30 = 2', () => {
    expect(positionMetrics(position({ sold: 60, periodDays: 0 }), 'A', cover).velocity).toBe(2);
  });
});

describe('positionMetrics, channel without a sales report', () => {
  // 100 units, no sales report: nothing is known about demand.
  const p = position({ salesFrom: null, available: 100, cost: 10, price: 20 });
  const m = positionMetrics(p, 'C', cover, false);

  test('velocity 0 by "no sales report"', () => {
    expect(m.velocity).toBe(0);
    expect(m.velocityMethod).toBe('no sales report');
  });

  test('no urgency, no dead stock, no excess, no reorder, no movement class', () => {
    expect(m.urgency).toBeNull();
    expect(m.dead).toBe(false);
    expect(m.excessQty).toBe(0);
    expect(m.reorderNeed).toBe(0);
    expect(m.movement).toBeNull();
  });

  test('the stock is still valued: 100 × 10 = 1,000', () => {
    expect(m.stockValue).toBe(1000);
  });

  test('stranded units still make it HIGH', () => {
    const stranded = positionMetrics(position({ salesFrom: null, available: 100, stranded: 5 }), 'C', cover, false);
    expect(stranded.urgency).toBe('HIGH');
  });
});

describe('positionMetrics, zero velocity (docs/FORMULAS.md "Stock": DOI; "Urgency")', () => {
  test('stock without sales: DOI +∞, dead, MEDIUM, all of it excess, nothing to order', () => {
    const m = positionMetrics(position({ available: 40, cost: 25, price: 50 }), 'C', cover);
    expect(m.doi).toBe(Infinity);
    expect(m.doiInclInbound).toBe(Infinity);
    expect(m.dead).toBe(true);
    expect(m.urgency).toBe('MEDIUM');
    expect(m.movement).toBe('Dead');
    expect(m.excessQty).toBe(40);
    expect(m.needQty).toBe(0);
    expect(m.safetyStock).toBe(0);
    expect(m.reorderNeed).toBe(0);
    // EOQ needs demand; GMROI = (50 − 25) × 0 / (25 × 40) = 0; sell-through = 0 / (40 + 0) = 0.
    expect(m.eoq).toBeNull();
    expect(m.gmroi).toBe(0);
    expect(m.sellThrough).toBe(0);
    // max(0, 30 − ∞) × 0 × 50 = 0.
    expect(m.projectedLost).toBe(0);
  });

  test('neither stock nor sales: DOI 0, no urgency, not dead, sell-through and GMROI blank', () => {
    const m = positionMetrics(position({ cost: 25, price: 50 }), 'C', cover);
    expect(m.doi).toBe(0);
    expect(m.doiInclInbound).toBe(0);
    expect(m.urgency).toBeNull();
    expect(m.dead).toBe(false);
    expect(m.sellThrough).toBeNull();
    expect(m.gmroi).toBeNull();
    expect(m.stockValue).toBe(0);
  });
});

describe('positionMetrics, urgency and movement by DOI (v = 2/day unless told)', () => {
  test.each([
    // available, sold, DOI, urgency, movement
    [10, 60, 5, 'CRITICAL', 'Fast'], // 10 / 2 = 5 < 7
    [14, 60, 7, 'LOW', 'Fast'], // 14 / 2 = 7: not < 7, but < 14
    [20, 60, 10, 'LOW', 'Fast'],
    [28, 60, 14, null, 'Fast'], // 28 / 2 = 14: not < 14
    [120, 60, 60, null, 'Moving'], // 30 < 60 ≤ 90
    [200, 60, 100, null, 'Slow'], // 100 > 90, but ≤ 365
    [40, 3, 400, 'HIGH', 'Slow'], // v = 3 / 30 = 0.1; 40 / 0.1 = 400 > 365
  ])('available %d, sold %d in 30 days → DOI %d → %p, %s', (available, sold, doi, urgency, movement) => {
    const m = positionMetrics(position({ available, sold }), 'A', cover);
    expect(m.doi).toBeCloseTo(doi, 9);
    expect(m.urgency).toBe(urgency);
    expect(m.movement).toBe(movement);
  });

  test('severe excess: v = 0.1, 40 available → excess = 40 − 0.1 × 90 = 31', () => {
    expect(positionMetrics(position({ available: 40, sold: 3 }), 'A', cover).excessQty).toBeCloseTo(31, 10);
  });

  test('stranded units make a healthy position HIGH', () => {
    expect(positionMetrics(position({ available: 40, sold: 60, stranded: 3 }), 'A', cover).urgency).toBe('HIGH');
  });
});

describe('positionMetrics, missing money', () => {
  test('missing cost: stock value, EOQ and GMROI blank; projected lost revenue still from the price', () => {
    const m = positionMetrics(position({ available: 40, inbound: 10, sold: 60, price: 50 }), 'A', cover);
    expect(m.stockValue).toBeNull();
    expect(m.stockValueReporting).toBeNull();
    expect(m.eoq).toBeNull();
    expect(m.gmroi).toBeNull();
    expect(m.projectedLost).toBe(500); // (30 − 25) × 2 × 50
  });

  test('missing price: projected lost revenue and GMROI blank; stock value and EOQ from the cost', () => {
    const m = positionMetrics(position({ available: 40, inbound: 10, sold: 60, cost: 25 }), 'A', cover);
    expect(m.projectedLost).toBeNull();
    expect(m.projectedLostReporting).toBeNull();
    expect(m.gmroi).toBeNull();
    expect(m.stockValue).toBe(1000);
    expect(m.eoq).toBeCloseTo(216.148097, 5);
  });

  test('a zero cost leaves EOQ blank (H = 0) and GMROI blank', () => {
    const m = positionMetrics(position({ available: 40, sold: 60, cost: 0, price: 50 }), 'A', cover);
    expect(m.eoq).toBeNull();
    expect(m.gmroi).toBeNull();
    expect(m.stockValue).toBe(0);
  });

  test('the per-SKU lead time drives projected lost revenue: L = 45 → (45 − 25) × 2 × 50 = 2,000', () => {
    const m = positionMetrics(position({ available: 40, inbound: 10, sold: 60, price: 50, leadTimeDays: 45 }), 'A', cover);
    expect(m.leadTimeDays).toBe(45);
    expect(m.projectedLost).toBe(2000);
  });
});

describe('positionMetrics, AED channel (docs/FORMULAS.md "Units": AED × 1.0211 → SAR for totals)', () => {
  // Amazon UAE: 30 sold in 30 days (v = 1), 10 available (DOI 10), cost AED 20, price AED 40, revenue AED 1,200.
  const p = position({ channel: 'amazon-uae', available: 10, sold: 30, revenue: 1200, cost: 20, price: 40 });

  test('per-row money stays in AED; the …Reporting fields are in SAR', () => {
    const m = positionMetrics(p, 'A', cover);
    expect(m.id).toBe('M1|amazon-uae');
    // stock value 10 × 20 = AED 200 → 200 × 1.0211 = SAR 204.22
    expect(m.stockValue).toBe(200);
    expect(m.stockValueReporting).toBeCloseTo(204.22, 10);
    // revenue AED 1,200 → SAR 1,225.32
    expect(m.revenueReporting).toBeCloseTo(1225.32, 10);
    // lost = (30 − 10) × 1 × 40 = AED 800 → SAR 816.88
    expect(m.projectedLost).toBe(800);
    expect(m.projectedLostReporting).toBeCloseTo(816.88, 10);
    // GMROI is a ratio: (40 − 20) × 30 / (20 × 10) = 3, whatever the currency.
    expect(m.gmroi).toBeCloseTo(3, 12);
  });

  test('with reporting currency AED the AED channel is not converted and a SAR channel is divided by 1.0211', () => {
    const aed: Settings = { ...DEFAULT_SETTINGS, reportingCurrency: 'AED' };
    expect(positionMetrics(p, 'A', aed).stockValueReporting).toBe(200);
    // SAR 1,000 of stock → 1,000 / 1.0211 = AED 979.336
    const ksa = positionMetrics(position({ available: 40, cost: 25 }), 'A', aed);
    expect(ksa.stockValueReporting).toBeCloseTo(979.33601, 5);
  });
});

describe('positionMetrics does not mutate its position', () => {
  test('the position is unchanged', () => {
    const p = position({ available: 40, inbound: 10, sold: 60, revenue: 3000, cost: 25, price: 50, salesByMonth: threeMonths });
    const before = JSON.stringify(p);
    positionMetrics(p, 'A', service);
    positionMetrics(p, 'A', cover);
    expect(JSON.stringify(p)).toBe(before);
  });
});

describe('positionMetrics, stockout-aware velocity from the Inventory Ledger (issue 20; docs/FORMULAS.md "Demand")', () => {
  type Day = { date: string; start: number | null; end: number | null; events: Record<string, number> };
  /** September 2026, day i (0-based). */
  const date = (i: number) => `2026-09-${String(i + 1).padStart(2, '0')}`;
  /** In stock the first 10 days (30 units sold down to 0), then 20 days that start at 0 with nothing received. */
  const ledger: Day[] = Array.from({ length: 30 }, (_, i): Day => (i < 10 ? { date: date(i), start: 30 - 3 * i, end: 27 - 3 * i, events: { customerShipments: -3 } } : { date: date(i), start: 0, end: 0, events: {} }));
  // Business Report (undated): 30 units in the 30-day period, ending on the ledger's last day (30 September).
  // Nothing on hand or inbound; price 50, cost 25 (SAR).
  const p = position({ available: 0, inbound: 0, sold: 30, revenue: 1500, cost: 25, price: 50, ledger });
  const m = positionMetrics(p, 'A', cover);

  test('30 units in 10 in-stock days: v = 30 / 10 = 3 a day, not 30 / 30 = 1; 20 days out of stock', () => {
    expect(m.velocity).toBe(3);
    expect(m.velocityMethod).toBe('sales / in-stock days (ledger)');
    expect(m.daysOutOfStock).toBe(20);
  });

  test('the reorder need is planned at 3 a day: SS = 3 × 30 = 90, need = 90 − 0 − 0 = 90 (at 1 a day it was 30)', () => {
    expect(m.safetyStock).toBe(90);
    expect(m.reorderNeed).toBe(90);
    const unadjusted = positionMetrics(position({ available: 0, inbound: 0, sold: 30, revenue: 1500, cost: 25, price: 50 }), 'A', cover);
    expect(unadjusted.reorderNeed).toBe(30);
    expect(unadjusted.velocityMethod).toBe('sales / period (no ledger)');
    expect(unadjusted.daysOutOfStock).toBeNull();
    expect(unadjusted.lostRevenue).toBeNull();
  });

  test('lost revenue = days out × adjusted velocity × price = 20 × 3 × 50 = 3,000 SAR', () => {
    expect(m.lostRevenue).toBe(3000);
    expect(m.lostRevenueReporting).toBe(3000);
  });

  test('dated sales set the window: it ends on the last day of the channel\'s sales, not the ledger\'s', () => {
    // Sales end 20 September over a 10-day period (11–20 September): the ledger shows the 11th to the 20th all out of stock,
    // so with 6 units sold there is no in-stock day to divide by: the ledger is not used.
    const dated = positionMetrics(position({ sold: 6, price: 50, ledger, periodDays: 10, salesTo: '2026-09-20' }), 'A', cover);
    expect(dated.velocityMethod).toBe('sales / period (ledger not usable)');
    expect(dated.velocity).toBeCloseTo(0.6, 12);
    expect(dated.daysOutOfStock).toBeNull();
    // Sales end 12 September over 5 days (8–12): in stock the 8th to the 10th, out the 11th and 12th: 6 / 3 = 2 a day.
    const early = positionMetrics(position({ sold: 6, price: 50, ledger, periodDays: 5, salesTo: '2026-09-12' }), 'A', cover);
    expect(early.velocityMethod).toBe('sales / in-stock days (ledger)');
    expect(early.velocity).toBe(2);
    expect(early.daysOutOfStock).toBe(2);
    expect(early.lostRevenue).toBe(2 * 2 * 50);
  });

  test('a ledger that covers none of the window is not used; days it does not cover count as in stock', () => {
    // The ledger is September; sales end 31 August: nothing of the window is known.
    const before = positionMetrics(position({ sold: 30, ledger, periodDays: 30, salesTo: '2026-08-31' }), 'A', cover);
    expect(before.velocityMethod).toBe('sales / period (ledger not usable)');
    expect(before.velocity).toBe(1);
    // Sales end 5 October over 30 days (6 Sep – 5 Oct): the ledger's last row (30 Sep, ends at 0) carries to 1–5 October: out.
    // In stock 6–10 September (5 days), out 11 September – 5 October (25 days): 30 / 5 = 6 a day.
    const after = positionMetrics(position({ sold: 30, ledger, periodDays: 30, salesTo: '2026-10-05' }), 'A', cover);
    expect(after.velocity).toBe(6);
    expect(after.daysOutOfStock).toBe(25);
  });

  test('the weighted t30/t60/t90 velocity is not adjusted, and no sales report means no velocity at all', () => {
    const shipped = { t7: 5, t30: 30, t60: 60, t90: 90 };
    const w = positionMetrics(position({ salesFrom: 'amazon-inventory-age', unitsShipped: shipped, ledger }), 'A', cover);
    expect(w.velocityMethod).toBe('weighted t30/t60/t90');
    expect(w.daysOutOfStock).toBeNull();
    const none = positionMetrics(position({ sold: 30, ledger }), 'A', cover, false);
    expect(none.velocityMethod).toBe('no sales report');
    expect(none.daysOutOfStock).toBeNull();
  });
});
