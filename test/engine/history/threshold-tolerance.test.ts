/**
 * Labels decided by a threshold do not follow floating-point noise (issue "hostile-file findings":
 * 5 → 6 units is +20% on paper, 0.20000000000000012 as computed and 0.1999999999999977 after a
 * LibreOffice save that keeps 15 significant digits; 34 of the demo's 1,259 trends flipped).
 *
 * The rule (src/engine/metrics/compare.ts): a figure within 1e-9 × max(1, |a|, |t|) of its threshold is
 * the threshold, and then falls on the side the setting's wording gives it. Where each wording comes from:
 * - trend: README.md, Trends ("Growth / Stable / Decline (velocity beyond ±20%, a setting)") and the
 *   settings sheet (src/engine/sheets/settings-sheet.ts, trendThreshold: "Month-over-month velocity change
 *   beyond ± this is growth or decline"): beyond, so exactly ±20% is Stable;
 * - urgency: settings sheet, criticalDays "DOI below this is CRITICAL", stockoutDays "DOI below this is a
 *   stockout risk (LOW)", severeExcessDays "DOI above this is HIGH"; src/engine/metrics/urgency.ts;
 * - the other classes: the file comment of each formula (movement, abc, xyz, demand-class, aging,
 *   approval-tier, transfer, returns, reorder-qty, liquidation in src/engine/metrics/).
 * Every noisy figure below is what the named expression computes in IEEE-754 doubles (Node 20); the
 * figure on paper is worked out beside it.
 */
import fc from 'fast-check';
import { HISTORY_HEADER, historyKey, readHistory } from '../../../src/engine/history/history';
import { classify } from '../../../src/engine/history/trend-rules';
import { trendsOf } from '../../../src/engine/history/trends';
import type { RawCell } from '../../../src/engine/ingest/types';
import { abcClasses } from '../../../src/engine/metrics/abc';
import { agingBucket } from '../../../src/engine/metrics/aging';
import { approvalTier } from '../../../src/engine/metrics/approval-tier';
import { above, atLeast, atMost, below, sameFigure, THRESHOLD_TOLERANCE } from '../../../src/engine/metrics/compare';
import { demandClassification } from '../../../src/engine/metrics/demand-class';
import { liquidationDiscount, liquidationPlan } from '../../../src/engine/metrics/liquidation';
import { movement } from '../../../src/engine/metrics/movement';
import { reorderQty } from '../../../src/engine/metrics/reorder-qty';
import { returnAlert } from '../../../src/engine/metrics/returns';
import { transferQty } from '../../../src/engine/metrics/transfer';
import { urgency, type UrgencyThresholds } from '../../../src/engine/metrics/urgency';
import { xyzClass } from '../../../src/engine/metrics/xyz';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';

/** What a spreadsheet that keeps 15 significant digits (LibreOffice) saves of a number. */
const r15 = (x: number): number => Number(x.toPrecision(15));

describe('the threshold rule (metrics/compare.ts)', () => {
  test('the same figure: within 1e-9 × max(1, |a|, |t|), absolute below 1', () => {
    expect(THRESHOLD_TOLERANCE).toBe(1e-9);
    // (6/30 − 5/30) / (5/30): +20% on paper.
    expect(sameFigure(0.20000000000000012, 0.2)).toBe(true);
    expect(sameFigure(0.1999999999999977, 0.2)).toBe(true);
    // Below 1 the tolerance is absolute 1e-9: 0.2 + 1e-9 is the same figure, 0.2 + 2e-9 is not.
    expect(sameFigure(0.2 + 0.5e-9, 0.2)).toBe(true);
    expect(sameFigure(0.2 + 2e-9, 0.2)).toBe(false);
    // Above 1 it is relative: 1e-9 × 365 = 3.65e-7 days.
    expect(sameFigure(365 + 3e-7, 365)).toBe(true);
    expect(sameFigure(365 + 4e-7, 365)).toBe(false);
    expect(sameFigure(5000 - 4e-6, 5000)).toBe(true);
    expect(sameFigure(5000 - 6e-6, 5000)).toBe(false);
    // Symmetric, and exact for non-finite figures (a DOI of +∞ is no threshold's).
    expect(sameFigure(0.2, 0.20000000000000012)).toBe(true);
    expect(sameFigure(Infinity, Infinity)).toBe(true);
    expect(sameFigure(Infinity, 1e308)).toBe(false);
    expect(sameFigure(NaN, NaN)).toBe(false);
  });

  test('on the threshold: neither more nor less than it, both up to and at least it', () => {
    for (const a of [0.2, 0.20000000000000012, 0.1999999999999977]) {
      expect([above(a, 0.2), below(a, 0.2), atMost(a, 0.2), atLeast(a, 0.2)]).toEqual([false, false, true, true]);
    }
  });

  test('off the threshold: the plain comparison', () => {
    expect([above(0.21, 0.2), below(0.21, 0.2), atMost(0.21, 0.2), atLeast(0.21, 0.2)]).toEqual([true, false, false, true]);
    expect([above(0.19, 0.2), below(0.19, 0.2), atMost(0.19, 0.2), atLeast(0.19, 0.2)]).toEqual([false, true, true, false]);
    expect([above(Infinity, 365), below(0, 7), atMost(Infinity, 365), atLeast(-Infinity, 0)]).toEqual([true, true, false, false]);
  });

  test('NaN is never above, below, at most or at least anything', () => {
    expect([above(NaN, 1), below(NaN, 1), atMost(NaN, 1), atLeast(NaN, 1), above(1, NaN), atMost(1, NaN)]).toEqual([false, false, false, false, false, false]);
  });
});

describe('trend (history/trends.ts, t = trendThreshold = 0.2: growth or decline beyond ±t)', () => {
  const T = DEFAULT_SETTINGS.trendThreshold;

  test('5 → 6 units in 30-day months is exactly +20%: Stable, before and after a 15-digit save', () => {
    const [prev, last] = [5 / 30, 6 / 30];
    // The premise: the computed change is noise on either side of 0.2.
    expect((last - prev) / prev).toBe(0.20000000000000012);
    expect((r15(last) - r15(prev)) / r15(prev)).toBe(0.19999999999999774);
    expect(classify(last, prev, T)).toBe('Stable');
    expect(classify(r15(last), r15(prev), r15(T))).toBe('Stable');
  });

  test('5 → 4 units is exactly −20%: Stable; 5 → 7 (+40%) Growth and 5 → 3 (−40%) Decline', () => {
    expect(classify(4 / 30, 5 / 30, T)).toBe('Stable');
    expect(classify(r15(4 / 30), r15(5 / 30), T)).toBe('Stable');
    expect(classify(7 / 30, 5 / 30, T)).toBe('Growth');
    expect(classify(3 / 30, 5 / 30, T)).toBe('Decline');
  });

  test('just beyond the band is still growth or decline: 100 → 121 units is +21%', () => {
    expect(classify(121 / 31, 100 / 31, T)).toBe('Growth');
    expect(classify(79 / 31, 100 / 31, T)).toBe('Decline');
  });

  test('through the history sheet: the same trend from the figures as computed and as a 15-digit save left them', () => {
    // Position A on Amazon KSA: September 5 units (v 5/30), October 6 units (v 6/30); DOI = 60 / v.
    const grid = (round: (x: number) => number): RawCell[][] => [
      [...HISTORY_HEADER],
      ['2026-10-01', '2026-09', 'Snapshot', 'A', 'Amazon KSA', 60, 0, 5, round(5 * 9.99), 'SAR', round(5 / 30), round(60 / (5 / 30)), 600, 9.99],
      ['2026-11-01', '2026-10', 'Snapshot', 'A', 'Amazon KSA', 60, 0, 6, round(6 * 9.99), 'SAR', round(6 / 30), round(60 / (6 / 30)), 600, 9.99],
    ];
    for (const round of [(x: number) => x, r15]) {
      const read = readHistory([{ name: 'Lumive History', grid: grid(round) }]);
      expect(read.issues).toEqual([]);
      const t = trendsOf(read.table, [{ masterSku: 'A', channel: 'Amazon KSA' }], T).get(historyKey('A', 'Amazon KSA'))!;
      expect(t.velocityChange).toBeCloseTo(0.2, 12);
      expect(t.trend).toBe('Stable');
    }
  });

  // Exact labels from whole units u and days d: change = (u₁d₀ − u₀d₁) / (u₀d₁), t = k / 100, so
  // change > t ⇔ 100(u₁d₀ − u₀d₁) > k·u₀d₁, in integers (no rounding at all).
  const exactTrend = (u0: number, d0: number, u1: number, d1: number, k: number) => {
    const lhs = 100 * (u1 * d0 - u0 * d1);
    const rhs = k * u0 * d1;
    return lhs > rhs ? 'Growth' : lhs < -rhs ? 'Decline' : 'Stable';
  };

  test('property: whole units over whole days give the exact label, and the same after a 15-digit save', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 100 }), (u0, d0, u1, d1, k) => {
        const want = exactTrend(u0, d0, u1, d1, k);
        expect(classify(u1 / d1, u0 / d0, k / 100)).toBe(want);
        expect(classify(r15(u1 / d1), r15(u0 / d0), r15(k / 100))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a change exactly on ±k% is Stable, computed or saved with 15 digits', () => {
    // u₀ = (100 / g)·m units over d₀ days and u₁ = ((100 ± k) / g)·m·q over d₁ = q·d₀ days (g = gcd(100, k)):
    // v₁ / v₀ = (100 ± k) / 100 on paper, while u / d is seldom exact in binary (5 → 6 over 30 days is
    // m = 1, k = 20, d₀ = 30, q = 1).
    const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
    const onBand = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 31 }), fc.boolean()).chain(([m, k, d0, up]) =>
      fc.integer({ min: 1, max: Math.floor(31 / d0) }).map((q) => {
        const g = gcd(100, k);
        return { k, d0, d1: q * d0, u0: (100 / g) * m, u1: ((up ? 100 + k : 100 - k) / g) * m * q };
      }),
    );
    let noisy = 0;
    fc.assert(
      fc.property(onBand, ({ k, d0, d1, u0, u1 }) => {
        expect(exactTrend(u0, d0, u1, d1, k)).toBe('Stable');
        if (Math.abs((u1 / d1 - u0 / d0) / (u0 / d0)) !== k / 100) noisy++;
        expect(classify(u1 / d1, u0 / d0, k / 100)).toBe('Stable');
        expect(classify(r15(u1 / d1), r15(u0 / d0), r15(k / 100))).toBe('Stable');
      }),
      { numRuns: 3000 },
    );
    // The cases do exercise the noise: many changes are not k / 100 exactly as computed.
    expect(noisy).toBeGreaterThan(100);
  });
});

describe('urgency (metrics/urgency.ts: CRITICAL below criticalDays, LOW below stockoutDays, HIGH above severeExcessDays)', () => {
  test('DOI 7 on paper, 6.999999999999999 as computed (9 units, 9 sold in 7 days): LOW, not CRITICAL', () => {
    const v = 9 / 7;
    expect(9 / v).toBe(6.999999999999999);
    expect(urgency(v, 9 / v, 9, 0)).toBe('LOW');
    expect(urgency(r15(v), r15(9 / v), 9, 0)).toBe('LOW');
    expect(urgency(r15(v), 9 / r15(v), 9, 0)).toBe('LOW');
  });

  test('DOI 365 on paper, 365.00000000000006 as computed (2,993 units, 41 sold in 5 days): not HIGH', () => {
    const v = 41 / 5;
    expect(2993 / v).toBe(365.00000000000006);
    expect(urgency(v, 2993 / v, 2993, 0)).toBeNull();
  });

  // Exact urgency from whole units: v = s / d, DOI = a·d / s, so DOI < t ⇔ a·d < t·s.
  const exactUrgency = (s: number, d: number, a: number, stranded: number, th: UrgencyThresholds) => {
    const selling = s > 0;
    if (selling && a * d < th.criticalDays * s) return 'CRITICAL';
    if ((selling && a * d > th.severeExcessDays * s) || stranded > 0) return 'HIGH';
    if (!selling && a > 0) return 'MEDIUM';
    if (selling && a * d < th.stockoutDays * s) return 'LOW';
    return null;
  };

  test('property: whole units, days and thresholds give the exact urgency, and the same after a 15-digit save', () => {
    // Half the cases put the stock exactly on a threshold: a = t·s / d with s = j·d / gcd(d, t), so
    // v = j / gcd(d, t) is seldom a whole number and DOI = t only on paper.
    const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
    const thresholds = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 730 }))
      .map(([c, extra, severe]): UrgencyThresholds => ({ criticalDays: c, stockoutDays: c + extra, severeExcessDays: severe }));
    const onThreshold = fc.tuple(thresholds, fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, 1, 2)).map(([th, d, j, which]) => {
      const t = [th.criticalDays, th.stockoutDays, th.severeExcessDays][which];
      const s = (j * d) / gcd(d, Math.max(1, t));
      return { th, d, s, a: (t * s) / d };
    });
    const anywhere = fc.record({ th: thresholds, d: fc.integer({ min: 1, max: 365 }), s: fc.integer({ min: 0, max: 10_000 }), a: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(fc.oneof(onThreshold, anywhere), fc.constantFrom(0, 0, 0, 3), ({ th, d, s, a }, stranded) => {
        fc.pre(Number.isInteger(a));
        const want = exactUrgency(s, d, a, stranded, th);
        const v = s / d;
        const doi = v === 0 ? (a > 0 ? Infinity : 0) : a / v;
        expect(urgency(v, doi, a, stranded, th)).toBe(want);
        expect(urgency(r15(v), r15(doi), a, stranded, th)).toBe(want);
        const v15 = r15(v);
        expect(urgency(v15, v15 === 0 ? doi : a / v15, a, stranded, th)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the other classes at their thresholds', () => {
  test('movement: DOI 30 on paper, 30.000000000000004 as computed (130 units, 13 sold in 3 days) is Fast (DOI ≤ safetyDays)', () => {
    const v = 13 / 3;
    expect(130 / v).toBe(30.000000000000004);
    expect(movement(13, 130 / v, 30, 90)).toBe('Fast');
  });

  test('ABC: the item after 1.2 of 1.5 (80% before it) is B; 0.6 + 0.6 over 1.5 computes as 0.7999999999999999', () => {
    expect((0.6 + 0.6) / (0.6 + 0.6 + 0.3)).toBe(0.7999999999999999);
    // Shares before each item: 0, 0.4, 0.8 → A (< 0.8), A, B (0.8 is not below the 80% cut; < 95%).
    expect(abcClasses([0.6, 0.6, 0.3], [0.8, 0.95])).toEqual(['A', 'A', 'B']);
  });

  test('XYZ: demand 0.3, 0.6, 0.9 has CV 0.5 on paper (mean 0.6, sample sd 0.3), 0.5000000000000001 as computed: X (CV ≤ 0.5)', () => {
    expect(xyzClass([0.3, 0.6, 0.9], [0.5, 1])).toBe('X');
  });

  test('demand class: sizes 2, 13, 15 have CV² 0.49 on paper, 0.48999999999999994 as computed: erratic (CV² ≥ 0.49)', () => {
    // Mean 10, sample variance ((−8)² + 3² + 5²) / 2 = 49, CV² = 49 / 100 = 0.49. ADI = 3 / 3 = 1 < 1.32.
    const c = demandClassification([2, 13, 15]);
    expect(c).toMatchObject({ adi: 1, demandClass: 'erratic' });
    expect((c as { cv2: number }).cv2).toBe(0.48999999999999994);
  });

  test('aging: 30 days within 1e-9 is 0-30 (upper bounds inclusive); 30.2 days is 31-60', () => {
    expect(agingBucket(30.000000000000004)).toBe('0-30');
    expect(agingBucket(30.2)).toBe('31-60');
    expect(agingBucket(365.00000000000006)).toBe('181-365');
  });

  test('approval tier: an order of 5,000 that computes one unit of the 16th digit short (4,999.999999999999) needs a Manager', () => {
    expect(approvalTier(4999.999999999999)).toBe('Manager');
    expect(approvalTier(4999.99)).toBe('Auto');
  });

  test('transfer: excess 10 on paper (103 − 31/30 × 90), 9.999999999999986 as computed, meets the minimum of 10', () => {
    const excess = 103 - (31 / 30) * 90;
    expect(excess).toBe(9.999999999999986);
    expect(transferQty(excess, 25, 10, 5, 40)).toBe(excess);
    // Moving costs as much as buying (5 vs 5 within 1e-9): not recommended.
    expect(transferQty(20, 25, 10, 5, 5.000000000000001)).toBe(0);
  });

  test('returns: a rate of 15% as 0.1 + 0.05 = 0.15000000000000002 does not alert (alert above 15%)', () => {
    expect(0.1 + 0.05).toBe(0.15000000000000002);
    expect(returnAlert(0.1 + 0.05)).toBe(false);
    expect(returnAlert(0.151)).toBe(true);
  });

  test('reorder: a position of 117 has fallen to a reorder point of 117 computed as 13/3 × 27 = 116.99999999999999', () => {
    const rop = (13 / 3) * 27;
    expect(rop).toBe(116.99999999999999);
    // IP = 100 + 17 = 117 ≤ s, order up to S = 200: 200 − 117 = 83.
    expect(reorderQty(200, 100, 17, rop)).toBe(83);
  });

  test('liquidation: no discount when v equals vReq (27 / 90 = 0.3) but computes as 0.7 − 0.4 = 0.29999999999999993', () => {
    expect(liquidationDiscount(0.7 - 0.4, 27, 90)).toBe(0);
  });

  test('liquidation: a linear discount of exactly the 50% cap (v 40/30, vReq 7/3: (1.75 − 1) / 1.5) is not "capped", and never above the cap', () => {
    const plan = liquidationPlan(100, 40 / 30, 7, { targetDoi: 3, model: 'linear', maxDiscount: 0.5, elasticity: 1.5 });
    expect(plan).toMatchObject({ capped: false, discount: 0.5, uncappedDiscount: 0.5000000000000001, newPrice: 50 });
  });
});
