import fc from 'fast-check';
import { isCalcError } from '../../../src/engine/errors';
import { compareExcessOptions, EXCESS_OPTIONS, type ExcessCase } from '../../../src/engine/metrics/excess-options';

// Expected values are computed by hand from the formulas in src/engine/metrics/excess-options.ts.
// Holding cost per unit-day k = storage / 30 + cost × holdingRate / 365; the cases below pick round figures:
// storage 0.3 a month → 0.01 a day, cost 40 at a holding rate of 36.5% a year → 0.04 a day: k = 0.05.

/** The fast mover: 2 a day, 400 on hand, 220 of them excess (400 − 2 × 90 days). */
const fast: ExcessCase = {
  units: 220,
  available: 400,
  velocity: 2,
  price: 100,
  unitCost: 40,
  horizonDays: 365,
  sellFeePerUnit: 15,
  storagePerUnitMonth: 0.3,
  agedSurchargePerUnitMonth: 0,
  agedFromDays: 181,
  ageDays: 0,
  holdingRate: 0.365,
  discount: { discount: 0.5, expectedVelocity: 5 },
  outletDiscount: 0.5,
  outletSellThrough: 0.6,
  liquidationRecovery: 0.1,
  removalFeePerUnit: 2,
  resalePerUnit: 0,
  disposalFeePerUnit: 1,
  amazonPrograms: true,
};

describe('compareExcessOptions', () => {
  it('2 a day with 400 on hand: keeping it at full price beats an outlet deal (issue 20, by hand)', () => {
    const r = compareExcessOptions(fast);
    if (isCalcError(r)) throw new Error(r.message);
    // Keep: the excess starts selling after the other 180 units, a = 180 / 2 = 90, and all 220 sell by day 90 + 110 = 200.
    // Mean holding cost = 0.05 × (90 + 200) / 2 = 7.25; net = 220 × (100 − 15) − 220 × 7.25 = 18,700 − 1,595 = 17,105.
    expect(r.net.Keep).toBeCloseTo(17_105, 9);
    expect(r.keepSold).toBe(220);
    expect(r.sellOutDays).toBe(200);
    // Discount 50% at 5 a day: the excess sells from 180 / 5 = 36 to 36 + 44 = 80, mean holding 0.05 × 58 = 2.9:
    // 220 × (50 − 15) − 220 × 2.9 = 7,062; the other 180 units give away 180 × 100 × 0.5 = 9,000 and are held
    // 0.05 × (45 − 18) = 1.35 a unit less: + 243. Net 7,062 − 9,000 + 243 = −1,695.
    expect(r.net.Discount).toBeCloseTo(-1_695, 9);
    // Outlet: 220 × (0.6 × (50 − 15) + 0.4 × (0 − 2)) = 220 × 20.2 = 4,444.
    expect(r.net['Outlet deal']).toBeCloseTo(4_444, 9);
    // Liquidate 220 × 100 × 0.1 = 2,200; remove 220 × (0 − 2) = −440; dispose 220 × −1 = −220.
    expect(r.net.Liquidate).toBeCloseTo(2_200, 9);
    expect(r.net.Remove).toBe(-440);
    expect(r.net.Dispose).toBe(-220);
    expect(r.best).toBe('Keep');
  });

  /** A bulky slow mover: a unit a quarter, 50 on hand (49 excess), storage 3 a month and the aged surcharge 1.5 a month (it is already 200 days old). */
  const slow: ExcessCase = {
    ...fast,
    units: 49,
    available: 50,
    velocity: 1 / 90,
    price: 30,
    unitCost: 10,
    sellFeePerUnit: 10,
    storagePerUnitMonth: 3,
    agedSurchargePerUnitMonth: 1.5,
    ageDays: 200,
    discount: null,
  };

  it('a bulky item selling a unit a quarter with storage and surcharge fees is liquidated, by the figures', () => {
    const r = compareExcessOptions(slow);
    if (isCalcError(r)) throw new Error(r.message);
    // k = 3 / 30 + 10 × 0.365 / 365 = 0.11 a day; surcharge 1.5 / 30 = 0.05 a day from T₀ = max(0, 181 − 200) = 0.
    // Keep: a = 1 ÷ (1/90) = 90; by day 365 it sells (365 − 90) / 90 = 275/90 units, over [90, 365]:
    // mean cost 0.11 × 227.5 + 0.05 × 227.5 = 36.4; the other 49 − 275/90 held to day 365 cost 0.16 × 365 = 58.4
    // each, then go at the best exit then, max(30 × 0.1, 0 − 2, −1) = 3.
    const sold = 275 / 90;
    expect(r.keepSold).toBeCloseTo(sold, 12);
    expect(r.net.Keep).toBeCloseTo(sold * (30 - 10) - sold * 36.4 - (49 - sold) * (58.4 - 3), 9);
    expect(r.net.Keep as number).toBeLessThan(-2_500);
    // Liquidate 49 × 3 = 147; outlet 49 × (0.6 × (15 − 10) + 0.4 × −2) = 107.8; remove −98; dispose −49.
    expect(r.net.Liquidate).toBeCloseTo(147, 9);
    expect(r.net['Outlet deal']).toBeCloseTo(107.8, 9);
    expect(r.net.Remove).toBe(-98);
    expect(r.net.Dispose).toBe(-49);
    expect(r.net.Discount).toBeNull();
    expect(r.best).toBe('Liquidate');
  });

  it('off Amazon (no outlet deals or liquidation program), removal and disposal compete on their fees and the resale value', () => {
    const none = { ...slow, amazonPrograms: false };
    const r = compareExcessOptions(none);
    if (isCalcError(r)) throw new Error(r.message);
    expect(r.net['Outlet deal']).toBeNull();
    expect(r.net.Liquidate).toBeNull();
    // The units kept to the horizon's end exit at max(0 − 2, −1) = −1 then: Keep = sold × (20 − 36.4) − (49 − sold) × 59.4.
    const sold = 275 / 90;
    expect(r.net.Keep).toBeCloseTo(sold * (20 - 36.4) - (49 - sold) * 59.4, 9);
    // Remove 49 × (0 − 2) = −98 against dispose 49 × −1 = −49: dispose.
    expect(compareExcessOptions(none)).toMatchObject({ best: 'Dispose' });
    // With a resale value of 3 a unit, removal brings 49 × (3 − 2) = 49: remove.
    const resale = compareExcessOptions({ ...none, resalePerUnit: 3 });
    if (isCalcError(resale)) throw new Error(resale.message);
    expect(resale.net.Remove).toBe(49);
    expect(resale.best).toBe('Remove');
  });

  it('the aged surcharge starts when the units reach agedFromDays: young stock is charged later', () => {
    // Dead stock (v = 0), 10 units, horizon 100 days, k = 0.05, surcharge 0.05 a day from day T₀ = 181 − 121 = 60:
    // c(100) = 0.05 × 100 + 0.05 × 40 = 7; off Amazon the exit is max(2 − 2, −1) = 0: Keep = −10 × (7 − 0) = −70.
    const dead: ExcessCase = { ...fast, units: 10, available: 10, velocity: 0, discount: null, horizonDays: 100, agedSurchargePerUnitMonth: 1.5, ageDays: 121, amazonPrograms: false, resalePerUnit: 2 };
    const r = compareExcessOptions(dead);
    if (isCalcError(r)) throw new Error(r.message);
    expect(r.net.Keep).toBeCloseTo(-70, 9);
    expect(r.keepSold).toBe(0);
    expect(r.sellOutDays).toBe(Infinity);
    // Removal with a resale value of 2 brings 10 × (2 − 2) = 0, better than disposal (−10) and keeping.
    expect(r.net.Remove).toBe(0);
    expect(r.best).toBe('Remove');
  });

  it('ties go to keeping: with every option worth 0 the seller is not told to act', () => {
    const zero: ExcessCase = { ...fast, units: 0, available: 0, velocity: 0, discount: null };
    expect(compareExcessOptions(zero)).toMatchObject({ best: 'Keep', net: { Keep: 0, Liquidate: 0, Remove: 0 } });
  });

  it('rejects negative, non-finite and out-of-range inputs with the formula conventions', () => {
    expect(isCalcError(compareExcessOptions({ ...fast, units: -1 }))).toBe(true);
    expect(isCalcError(compareExcessOptions({ ...fast, horizonDays: 0 }))).toBe(true);
    expect(isCalcError(compareExcessOptions({ ...fast, outletSellThrough: 1.2 }))).toBe(true);
    expect(isCalcError(compareExcessOptions({ ...fast, storagePerUnitMonth: NaN }))).toBe(true);
    expect(isCalcError(compareExcessOptions({ ...fast, discount: { discount: 1.5, expectedVelocity: 5 } }))).toBe(true);
  });

  it('the best option is the one with the highest net, and a higher storage fee never makes keeping worth more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (units, rest, velocity, storage) => {
          const c: ExcessCase = { ...fast, units, available: units + rest, velocity, storagePerUnitMonth: storage, discount: null };
          const r = compareExcessOptions(c);
          const more = compareExcessOptions({ ...c, storagePerUnitMonth: storage + 1 });
          if (isCalcError(r) || isCalcError(more)) throw new Error('unexpected error');
          const top = Math.max(...EXCESS_OPTIONS.map((o) => r.net[o] ?? -Infinity));
          expect(r.net[r.best]).toBeCloseTo(top, 6);
          expect(more.net.Keep as number).toBeLessThanOrEqual((r.net.Keep as number) + 1e-9);
        },
      ),
    );
  });
});
