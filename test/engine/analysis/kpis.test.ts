import { kpis } from '../../../src/engine/analysis/kpis';
import { positionMetrics } from '../../../src/engine/analysis/position-metrics';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import { position } from '../../helpers/position';

// docs/FORMULAS.md "Money" and "Units": totals in the reporting currency (SAR), AED × 1.0211.
// Three positions of two Master SKUs on three channels, default settings (cover policy, L = 30):
//
//   M1 Amazon KSA (SAR): 40 available, 10 inbound, 60 sold in 30 days (v = 2, DOI 20), revenue 3,000,
//                        cost 25, price 50 → stock value 1,000; no urgency; lost (30 − 25) × 2 × 50 = 500.
//   M1 Amazon UAE (AED): 10 available, 30 sold (v = 1, DOI 10), revenue AED 1,200 = SAR 1,225.32,
//                        cost AED 20, price AED 40 → stock value AED 200 = SAR 204.22; LOW (7 ≤ 10 < 14);
//                        lost (30 − 10) × 1 × 40 = AED 800 = SAR 816.88.
//   M2 noon KSA (SAR):   30 available, nothing sold (dead, MEDIUM), no cost, price 15, revenue 0.
const s = DEFAULT_SETTINGS;
const metrics = [
  positionMetrics(position({ channel: 'amazon-ksa', available: 40, inbound: 10, sold: 60, revenue: 3000, cost: 25, price: 50 }), 'A', s),
  positionMetrics(position({ channel: 'amazon-uae', available: 10, sold: 30, revenue: 1200, cost: 20, price: 40 }), 'A', s),
  positionMetrics(position({ masterSku: 'M2', channel: 'noon-ksa', available: 30, price: 15 }), 'C', s),
];
const k = kpis(metrics, 1234.5, s);

describe('kpis: three positions, SAR and AED channels', () => {
  test('counts: 2 Master SKUs, 3 positions, 1 without cost, 1 healthy, 2 at risk', () => {
    expect(k.masterSkus).toBe(2);
    expect(k.positions).toBe(3);
    expect(k.positionsMissingCost).toBe(1);
    expect(k.healthy).toBe(1);
    expect(k.atRisk).toBe(2);
  });

  test('the at-risk value is passed through', () => {
    expect(k.atRiskValue).toBe(1234.5);
  });

  test('stock value = 1,000 + 200 × 1.0211 = 1,204.22 SAR (the position without cost counts nothing)', () => {
    expect(k.stockValue).toBeCloseTo(1204.22, 10);
  });

  test('revenue = 3,000 + 1,200 × 1.0211 + 0 = 4,225.32 SAR', () => {
    expect(k.revenue).toBeCloseTo(4225.32, 10);
  });

  test('projected lost revenue = 500 + 800 × 1.0211 + 0 = 1,316.88 SAR', () => {
    expect(k.projectedLostRevenue).toBeCloseTo(1316.88, 10);
  });

  test('GMROI = Σ(price − cost)·sold / Σ cost·available over positions with cost, converted', () => {
    // margin:   (50 − 25) × 60 = 1,500 SAR; (40 − 20) × 30 = AED 600 = 612.66 SAR → 2,112.66
    // invested: 25 × 40 = 1,000 SAR;        20 × 10 = AED 200 = 204.22 SAR → 1,204.22
    // 2,112.66 / 1,204.22 = 1.754380
    expect(k.gmroi).toBeCloseTo(1.754380429, 8);
  });

  test('sell-through = Σ sold / (Σ available + Σ sold) = 90 / (80 + 90) = 0.529412', () => {
    expect(k.sellThrough).toBeCloseTo(90 / 170, 12);
  });

  test('ABC mix: A holds M1 and its revenue 4,225.32; B is empty; C holds M2 with no revenue', () => {
    expect(k.abcMix).toHaveLength(3);
    expect(k.abcMix[0].abc).toBe('A');
    expect(k.abcMix[0].masterSkus).toBe(1);
    expect(k.abcMix[0].revenue).toBeCloseTo(4225.32, 10);
    expect(k.abcMix[1]).toEqual({ abc: 'B', masterSkus: 0, revenue: 0 });
    expect(k.abcMix[2]).toEqual({ abc: 'C', masterSkus: 1, revenue: 0 });
  });

  test('one row per channel present, in the channel order Amazon KSA, Amazon UAE, noon KSA', () => {
    expect(k.channels.map((c) => c.channel)).toEqual(['Amazon KSA', 'Amazon UAE', 'noon KSA']);
  });

  test('channel rows: DOI = Σ available / Σ velocity; money in SAR; blank DOI without sales', () => {
    const [ksa, uae, noon] = k.channels;
    // Amazon KSA: 40 / 2 = 20
    expect(ksa).toEqual({ channel: 'Amazon KSA', positions: 1, available: 40, inbound: 10, sold: 60, revenue: 3000, stockValue: 1000, doi: 20, atRisk: 0 });
    // Amazon UAE: 10 / 1 = 10; revenue 1,225.32 SAR; stock value 204.22 SAR; LOW → at risk
    expect(uae).toMatchObject({ channel: 'Amazon UAE', positions: 1, available: 10, inbound: 0, sold: 30, doi: 10, atRisk: 1 });
    expect(uae.revenue).toBeCloseTo(1225.32, 10);
    expect(uae.stockValue).toBeCloseTo(204.22, 10);
    // noon KSA: Σ velocity 0 → DOI blank; no cost → stock value 0; MEDIUM → at risk
    expect(noon).toEqual({ channel: 'noon KSA', positions: 1, available: 30, inbound: 0, sold: 0, revenue: 0, stockValue: 0, doi: null, atRisk: 1 });
  });
});

describe('kpis: aggregates, not averages', () => {
  test('channel DOI is Σ available / Σ velocity = (40 + 60) / (2 + 1) = 33.33, not the mean of 20 and 60', () => {
    const k2 = kpis(
      [
        positionMetrics(position({ masterSku: 'M1', available: 40, sold: 60 }), 'A', s),
        positionMetrics(position({ masterSku: 'M2', available: 60, sold: 30 }), 'B', s),
      ],
      0,
      s,
    );
    expect(k2.channels).toHaveLength(1);
    expect(k2.channels[0].doi).toBeCloseTo(100 / 3, 12);
    expect(k2.channels[0].positions).toBe(2);
  });

  test('GMROI counts only positions with a cost and a price', () => {
    // M1: (50 − 25) × 60 / (25 × 40) = 1,500 / 1,000; M2 has no price; M3 has cost 0 → both left out.
    const k2 = kpis(
      [
        positionMetrics(position({ masterSku: 'M1', available: 40, sold: 60, cost: 25, price: 50 }), 'A', s),
        positionMetrics(position({ masterSku: 'M2', available: 100, sold: 10, cost: 30 }), 'B', s),
        positionMetrics(position({ masterSku: 'M3', available: 100, sold: 10, cost: 0, price: 9 }), 'C', s),
      ],
      0,
      s,
    );
    expect(k2.gmroi).toBeCloseTo(1.5, 12);
  });
});

describe('kpis: empty and blank cases', () => {
  test('no positions: zeros, blank GMROI and sell-through, no channel rows', () => {
    const k0 = kpis([], 0, s);
    expect(k0).toEqual({
      masterSkus: 0,
      positions: 0,
      stockValue: 0,
      positionsMissingCost: 0,
      healthy: 0,
      atRisk: 0,
      atRiskValue: 0,
      projectedLostRevenue: 0,
      revenue: 0,
      gmroi: null,
      sellThrough: null,
      abcMix: [
        { abc: 'A', masterSkus: 0, revenue: 0 },
        { abc: 'B', masterSkus: 0, revenue: 0 },
        { abc: 'C', masterSkus: 0, revenue: 0 },
      ],
      channels: [],
    });
  });

  test('neither stock nor sales: sell-through blank; no cost anywhere: GMROI blank', () => {
    const k1 = kpis([positionMetrics(position({ price: 10 }), 'C', s)], 0, s);
    expect(k1.sellThrough).toBeNull();
    expect(k1.gmroi).toBeNull();
    expect(k1.positionsMissingCost).toBe(1);
  });
});
