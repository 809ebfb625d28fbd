import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import {
  liquidationAlternative,
  type FeeSchedule,
  type LiquidationAlternative,
} from '../../../src/engine/recommend/liquidation-alternative';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

// FORMULAS.md, "Liquidation": the alternative that loses least given the fee schedule.
// Default schedule (Settings): outletDiscount 0.5, outletSellThrough 0.6, liquidationRecovery 0.1, removalFeePerUnit 2.
const defaults: FeeSchedule = { outletDiscount: 0.5, outletSellThrough: 0.6, liquidationRecovery: 0.1, removalFeePerUnit: 2 };

function plan(price: number, units: number, unitCost: number | null, schedule: FeeSchedule = defaults): LiquidationAlternative {
  const result = liquidationAlternative(price, units, unitCost, schedule);
  if (result instanceof CalcError) throw new Error(result.toString());
  return result;
}

describe('liquidationAlternative: highest net recovery per unit wins', () => {
  test('hand-computed, Outlet deal wins at price 100: 29.2 vs 10 vs −2', () => {
    // Outlet: 100 × (1 − 0.5) × 0.6 − 2 × (1 − 0.6) = 30 − 0.8 = 29.2
    // Liquidate: 100 × 0.1 = 10.   Remove: −2.
    // 40 units: total 40 × 29.2 = 1168; cost 60: lossVsCost 40 × 60 − 1168 = 2400 − 1168 = 1232.
    const r = plan(100, 40, 60);
    expect(r.alternative).toBe('Outlet deal');
    expect(r.options['Outlet deal']).toBeCloseTo(29.2, 12);
    expect(r.options.Liquidate).toBe(10);
    expect(r.options.Remove).toBe(-2);
    expect(r.recoveryPerUnit).toBeCloseTo(29.2, 12);
    expect(r.totalRecovery).toBeCloseTo(1168, 9);
    expect(r.lossVsCost).toBeCloseTo(1232, 9);
  });

  test('the Settings defaults are the schedule above', () => {
    expect(liquidationAlternative(100, 40, 60, DEFAULT_SETTINGS)).toStrictEqual(liquidationAlternative(100, 40, 60, defaults));
  });

  test('hand-computed, Liquidate wins at a low price on the default schedule: price 2 → −0.2 vs 0.2 vs −2', () => {
    // Outlet: 2 × 0.5 × 0.6 − 2 × 0.4 = 0.6 − 0.8 = −0.2; Liquidate: 2 × 0.1 = 0.2; Remove: −2.
    // 10 units: total 2; cost 1.5: lossVsCost 15 − 2 = 13.
    const r = plan(2, 10, 1.5);
    expect(r.alternative).toBe('Liquidate');
    expect(r.options['Outlet deal']).toBeCloseTo(-0.2, 12);
    expect(r.recoveryPerUnit).toBeCloseTo(0.2, 12);
    expect(r.totalRecovery).toBeCloseTo(2, 12);
    expect(r.lossVsCost).toBeCloseTo(13, 12);
  });

  test('hand-computed, Liquidate wins with a deep outlet cut: discount 0.9, sell-through 0.2 at price 100 → 0.4 vs 10', () => {
    // Outlet: 100 × 0.1 × 0.2 − 2 × 0.8 = 2 − 1.6 = 0.4; Liquidate: 10.
    const r = plan(100, 5, 40, { ...defaults, outletDiscount: 0.9, outletSellThrough: 0.2 });
    expect(r.alternative).toBe('Liquidate');
    expect(r.options['Outlet deal']).toBeCloseTo(0.4, 12);
    expect(r.totalRecovery).toBe(50);
    expect(r.lossVsCost).toBe(150); // 5 × 40 − 50
  });

  test('break-even price 4 on the default schedule is a tie (0.4 = 0.4, up to rounding) and goes to Outlet deal', () => {
    // Outlet = 0.3 × price − 0.8, Liquidate = 0.1 × price: equal at price 4. Just above, outlet wins; below, liquidation.
    expect(plan(4, 1, null).alternative).toBe('Outlet deal');
    expect(plan(4.01, 1, null).alternative).toBe('Outlet deal');
    expect(plan(3.99, 1, null).alternative).toBe('Liquidate');
  });

  test('dead stock without a price: Liquidate recovers 0, better than outlet −0.8 and removal −2', () => {
    const r = plan(0, 25, 12);
    expect(r.alternative).toBe('Liquidate');
    expect(r.recoveryPerUnit).toBe(0);
    expect(r.lossVsCost).toBe(300); // 25 × 12 − 0
  });

  test('Remove never wins under this schedule: Liquidate ≥ 0 ≥ Remove and a tie goes to Liquidate', () => {
    // Free removal, nothing back from liquidation, no price: 0 = 0 = 0, the tie order picks Outlet deal.
    const free = plan(0, 3, 1, { outletDiscount: 0.5, outletSellThrough: 0.6, liquidationRecovery: 0, removalFeePerUnit: 0 });
    expect(free.options).toStrictEqual({ 'Outlet deal': 0, Liquidate: 0, Remove: 0 });
    expect(free.alternative).toBe('Outlet deal');
    // No outlet sales at all: Outlet = −fee = Remove, Liquidate 0 is still ahead.
    const r = plan(50, 3, 1, { outletDiscount: 0.5, outletSellThrough: 0, liquidationRecovery: 0, removalFeePerUnit: 2 });
    expect(r.options).toStrictEqual({ 'Outlet deal': -2, Liquidate: 0, Remove: -2 });
    expect(r.alternative).toBe('Liquidate');
  });

  test('zero units: nothing recovered, nothing lost; the alternative per unit is still named', () => {
    const r = plan(100, 0, 60);
    expect(r.alternative).toBe('Outlet deal');
    expect(r.totalRecovery).toBe(0);
    expect(r.lossVsCost).toBe(0);
  });

  test('missing unit cost: lossVsCost is null, the rest is computed', () => {
    const r = plan(100, 40, null);
    expect(r.lossVsCost).toBeNull();
    expect(r.totalRecovery).toBeCloseTo(1168, 9);
  });

  test('a gain against cost is a negative loss: cost 5, price 100 → 40 × 5 − 1168 = −968', () => {
    expect(plan(100, 40, 5).lossVsCost).toBeCloseTo(-968, 9);
  });

  test('property: the chosen recovery is the highest option, never negative, and Remove is never chosen', () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.record({ outletDiscount: rate, outletSellThrough: rate, liquidationRecovery: rate, removalFeePerUnit: fc.double({ min: 0, max: 50, noNaN: true }) }),
        (price, units, schedule) => {
          const r = plan(price, units, null, schedule);
          expect(r.alternative).not.toBe('Remove');
          expect(r.recoveryPerUnit).toBeGreaterThanOrEqual(-1e-9); // 0 up to the tie tolerance
          const best = Math.max(...Object.values(r.options));
          expect(r.recoveryPerUnit).toBeGreaterThanOrEqual(best - 1e-9 * Math.max(1, best));
          expect(r.totalRecovery).toBe(units * r.recoveryPerUnit);
        },
      ),
    );
  });
});

describe('liquidationAlternative: invalid inputs are #VALUE!', () => {
  test('negative or non-finite price, units or cost', () => {
    expect(liquidationAlternative(-1, 10, 5, defaults)).toStrictEqual(valueErr('price must not be negative'));
    expect(liquidationAlternative(Number.NaN, 10, 5, defaults)).toStrictEqual(valueErr('price must be a number'));
    expect(liquidationAlternative(100, -1, 5, defaults)).toStrictEqual(valueErr('units must not be negative'));
    expect(liquidationAlternative(100, Infinity, 5, defaults)).toStrictEqual(valueErr('units must be a finite number'));
    expect(liquidationAlternative(100, 10, -5, defaults)).toStrictEqual(valueErr('unitCost must not be negative'));
  });

  test('rates outside [0, 1] and a negative removal fee', () => {
    expect(liquidationAlternative(100, 10, 5, { ...defaults, outletDiscount: 1.2 })).toStrictEqual(
      valueErr('outletDiscount must be between 0 and 1'),
    );
    expect(liquidationAlternative(100, 10, 5, { ...defaults, outletSellThrough: -0.1 })).toStrictEqual(
      valueErr('outletSellThrough must be between 0 and 1'),
    );
    expect(liquidationAlternative(100, 10, 5, { ...defaults, liquidationRecovery: Number.NaN })).toStrictEqual(
      valueErr('liquidationRecovery must be a number'),
    );
    expect(liquidationAlternative(100, 10, 5, { ...defaults, removalFeePerUnit: -2 })).toStrictEqual(
      valueErr('removalFeePerUnit must not be negative'),
    );
  });

  test('the bounds themselves are valid: rates 0 and 1, fee 0', () => {
    const r = liquidationAlternative(100, 10, 5, { outletDiscount: 1, outletSellThrough: 1, liquidationRecovery: 0, removalFeePerUnit: 0 });
    expect(r).not.toBeInstanceOf(CalcError);
  });
});
