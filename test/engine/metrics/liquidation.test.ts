import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import {
  daysToClear,
  expectedVelocity,
  liquidationDiscount,
  liquidationPlan,
  requiredVelocity,
} from '../../../src/engine/metrics/liquidation';

const valueErr = (message: string) => new CalcError('#VALUE!', message);
const noSales = new CalcError('#N/A', 'No sales');

// docs/FORMULAS.md, Liquidation. Defaults: targetDoi 45, elasticity 1.5, maxDiscount 0.5.
describe('requiredVelocity = available / targetDoi', () => {
  test('hand-computed: 180 / 45 = 4; 120 / 45 = 2.6667', () => {
    expect(requiredVelocity(180, 45)).toBe(4);
    expect(requiredVelocity(120, 45)).toBeCloseTo(8 / 3, 12);
  });

  test('empty stock needs no velocity', () => {
    expect(requiredVelocity(0, 45)).toBe(0);
  });

  test('targetDoi must be > 0; available must not be negative', () => {
    expect(requiredVelocity(180, 0)).toStrictEqual(valueErr('targetDoi must be greater than 0'));
    expect(requiredVelocity(-1, 45)).toStrictEqual(valueErr('available must not be negative'));
    expect(requiredVelocity(Number.NaN, 45)).toStrictEqual(valueErr('available must be a number'));
  });
});

describe('liquidationDiscount', () => {
  // v = 1, available 180, target 45 → vReq = 4.
  // constant elasticity: d = 1 − (1/4)^(1/1.5) = 1 − 0.39685 = 0.60315 → capped at 0.5
  // linear: (4/1 − 1)/1.5 = 2.0 (200%) → capped at 0.5
  test('hand-computed, cap binds: v 1, 180 units → 0.60315 (elasticity) and 2.0 (linear), both capped to 0.5', () => {
    expect(liquidationDiscount(1, 180)).toBe(0.5);
    expect(liquidationDiscount(1, 180, 45, 1.5, 0.5, 'linear')).toBe(0.5);
    expect(liquidationDiscount(1, 180, 45, 1.5, 0.7)).toBeCloseTo(0.6031497, 6);
    expect(liquidationDiscount(1, 180, 45, 1.5, 0.99, 'linear')).toBe(0.99);
  });

  // v = 2, available 120, target 45 → vReq = 2.6667, v/vReq = 0.75
  // constant elasticity: 0.75^(1/1.5) = exp(0.6667 × ln 0.75) = exp(−0.19179) = 0.82548 → d = 0.17452
  // linear: (2.6667/2 − 1)/1.5 = 0.3333/1.5 = 0.22222
  test('hand-computed, cap does not bind: v 2, 120 units → 0.17452 (elasticity), 0.22222 (linear)', () => {
    expect(liquidationDiscount(2, 120)).toBeCloseTo(0.1745182, 6);
    expect(liquidationDiscount(2, 120, 45, 1.5, 0.5, 'linear')).toBeCloseTo(2 / 9, 12);
  });

  test('no discount when v ≥ vReq (v 5 ≥ 180/45 = 4; v 4 = vReq)', () => {
    expect(liquidationDiscount(5, 180)).toBe(0);
    expect(liquidationDiscount(4, 180)).toBe(0);
    expect(liquidationDiscount(5, 180, 45, 1.5, 0.5, 'linear')).toBe(0);
  });

  test('zero velocity with stock is #N/A "No sales"', () => {
    expect(liquidationDiscount(0, 50)).toStrictEqual(noSales);
  });

  test('empty stock needs no discount, whatever the velocity', () => {
    expect(liquidationDiscount(0, 0)).toBe(0);
    expect(liquidationDiscount(3, 0)).toBe(0);
  });

  test('maxDiscount 0 proposes no discount', () => {
    expect(liquidationDiscount(1, 180, 45, 1.5, 0)).toBe(0);
  });

  test('invalid parameters are #VALUE!', () => {
    expect(liquidationDiscount(-1, 180)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(liquidationDiscount(1, -180)).toStrictEqual(valueErr('available must not be negative'));
    expect(liquidationDiscount(1, 180, 0)).toStrictEqual(valueErr('targetDoi must be greater than 0'));
    expect(liquidationDiscount(1, 180, 45, 0)).toStrictEqual(valueErr('elasticity must be greater than 0'));
    expect(liquidationDiscount(1, 180, 45, 1.5, 1)).toStrictEqual(
      valueErr('maxDiscount must be at least 0 and less than 1'),
    );
    expect(liquidationDiscount(1, 180, 45, 1.5, -0.1)).toStrictEqual(
      valueErr('maxDiscount must be at least 0 and less than 1'),
    );
    expect(liquidationDiscount(1, 180, 45, 1.5, 0.5, 'steep' as 'linear')).toStrictEqual(
      valueErr('model must be one of elasticity, linear'),
    );
    expect(liquidationDiscount(Number.NaN, 180)).toStrictEqual(valueErr('velocity must be a number'));
    expect(liquidationDiscount(1, Infinity)).toStrictEqual(valueErr('available must be a finite number'));
  });

  test('validation comes before "No sales"', () => {
    expect(liquidationDiscount(0, 50, 45, -1)).toStrictEqual(valueErr('elasticity must be greater than 0'));
  });

  const args = fc.tuple(
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 1e5, noNaN: true }),
    fc.double({ min: 1, max: 365, noNaN: true }),
    fc.double({ min: 0.1, max: 5, noNaN: true }),
    fc.double({ min: 0, max: 0.95, noNaN: true }),
    fc.constantFrom('elasticity' as const, 'linear' as const),
  );

  test('property: the discount is within [0, maxDiscount]', () => {
    fc.assert(
      fc.property(args, ([v, available, target, e, max, model]) => {
        const d = liquidationDiscount(v, available, target, e, max, model) as number;
        return d >= 0 && d <= max;
      }),
    );
  });

  test('property: more stock never needs a smaller discount', () => {
    fc.assert(
      fc.property(args, fc.double({ min: 0, max: 1e4, noNaN: true }), ([v, available, target, e, max, model], extra) => {
        const d1 = liquidationDiscount(v, available, target, e, max, model) as number;
        const d2 = liquidationDiscount(v, available + extra, target, e, max, model) as number;
        return d2 >= d1;
      }),
    );
  });
});

describe('expectedVelocity = v × (1 − d)^(−e) and daysToClear = available / expectedVelocity', () => {
  test('hand-computed: 2 × 0.5^(−1.5) = 2 × 2.8284 = 5.6569', () => {
    expect(expectedVelocity(2, 0.5, 1.5)).toBeCloseTo(4 * Math.SQRT2, 12);
  });

  test('no discount leaves velocity unchanged', () => {
    expect(expectedVelocity(2, 0, 1.5)).toBe(2);
  });

  test('hand-computed: 180 units at 1 × 0.5^(−1.5) = 2.8284/day → 63.64 days; undiscounted 180 days', () => {
    expect(daysToClear(180, 1, 0.5, 1.5)).toBeCloseTo(180 / (2 * Math.SQRT2), 9);
    expect(daysToClear(180, 1)).toBe(180);
  });

  test('daysToClear: empty stock → 0; stock with no sales → #N/A "No sales"', () => {
    expect(daysToClear(0, 0)).toBe(0);
    expect(daysToClear(0, 2)).toBe(0);
    expect(daysToClear(50, 0)).toStrictEqual(noSales);
  });

  test('invalid inputs are #VALUE!', () => {
    expect(expectedVelocity(-1, 0.5, 1.5)).toStrictEqual(valueErr('velocity must not be negative'));
    expect(expectedVelocity(1, 1, 1.5)).toStrictEqual(valueErr('discount must be at least 0 and less than 1'));
    expect(expectedVelocity(1, 0.5, 0)).toStrictEqual(valueErr('elasticity must be greater than 0'));
    expect(daysToClear(-1, 1)).toStrictEqual(valueErr('available must not be negative'));
    expect(daysToClear(10, Number.NaN)).toStrictEqual(valueErr('velocity must be a number'));
    expect(daysToClear(10, 1, 1.2)).toStrictEqual(valueErr('discount must be at least 0 and less than 1'));
  });
});

describe('liquidationPlan', () => {
  test('cap binds: price 100, v 1, 180 units → 50% off, 2.8284/day, 63.64 days, target not reached', () => {
    // uncapped 0.60315; newPrice 100 × 0.5 = 50; v' = 1 × 0.5^(−1.5) = 2.8284; 180 / 2.8284 = 63.64 > 45
    const plan = liquidationPlan(100, 1, 180);
    expect(plan).toEqual({
      discount: 0.5,
      uncappedDiscount: expect.closeTo(0.6031497, 6),
      capped: true,
      newPrice: 50,
      expectedVelocity: expect.closeTo(2 * Math.SQRT2, 9),
      daysToClear: expect.closeTo(63.6396103, 6),
      reachesTarget: false,
    });
  });

  test('cap does not bind: price 100, v 2, 120 units → 17.45% off, v\' = vReq = 2.6667, 45 days, target reached', () => {
    // d = 0.17452; newPrice = 82.548; v' = 2 × 0.82548^(−1.5) = 2 / 0.75 = 2.6667; 120 / 2.6667 = 45
    const plan = liquidationPlan(100, 2, 120);
    expect(plan).toEqual({
      discount: expect.closeTo(0.1745182, 6),
      uncappedDiscount: expect.closeTo(0.1745182, 6),
      capped: false,
      newPrice: expect.closeTo(82.54818, 4),
      expectedVelocity: expect.closeTo(8 / 3, 9),
      daysToClear: expect.closeTo(45, 9),
      reachesTarget: true,
    });
  });

  test('linear model: v 2, 120 units → 22.22% off, v\' = 2 × 0.7778^(−1.5) = 2.9157, 41.16 days', () => {
    const plan = liquidationPlan(100, 2, 120, { model: 'linear' });
    expect(plan).toEqual({
      discount: expect.closeTo(2 / 9, 12),
      uncappedDiscount: expect.closeTo(2 / 9, 12),
      capped: false,
      newPrice: expect.closeTo(77.7778, 4),
      expectedVelocity: expect.closeTo(2.9157259, 6),
      daysToClear: expect.closeTo(41.1561315, 6),
      reachesTarget: true,
    });
  });

  test('linear model, cap binds: uncapped 2.0 (200%) is reported', () => {
    const plan = liquidationPlan(100, 1, 180, { model: 'linear' });
    expect(plan).toMatchObject({ discount: 0.5, uncappedDiscount: expect.closeTo(2, 12), capped: true });
  });

  test('options: maxDiscount 0.7 lets v 1, 180 units reach the target at 60.3% off', () => {
    const plan = liquidationPlan(100, 1, 180, { maxDiscount: 0.7 });
    expect(plan).toMatchObject({ discount: expect.closeTo(0.6031497, 6), capped: false, reachesTarget: true });
  });

  test('no excess: no discount, days to clear at current velocity', () => {
    expect(liquidationPlan(100, 5, 180)).toEqual({
      discount: 0,
      uncappedDiscount: 0,
      capped: false,
      newPrice: 100,
      expectedVelocity: 5,
      daysToClear: 36,
      reachesTarget: true,
    });
  });

  test('empty stock: nothing to clear', () => {
    expect(liquidationPlan(100, 0, 0)).toMatchObject({ discount: 0, daysToClear: 0, reachesTarget: true });
  });

  test('zero velocity with stock is #N/A "No sales"', () => {
    expect(liquidationPlan(100, 0, 50)).toStrictEqual(noSales);
  });

  test('invalid inputs are #VALUE!', () => {
    expect(liquidationPlan(-1, 1, 180)).toStrictEqual(valueErr('price must not be negative'));
    expect(liquidationPlan(100, 1, 180, { targetDoi: -45 })).toStrictEqual(valueErr('targetDoi must be greater than 0'));
    expect(liquidationPlan(100, 1, 180, { maxDiscount: 1 })).toStrictEqual(
      valueErr('maxDiscount must be at least 0 and less than 1'),
    );
  });

  test('property (constant elasticity): the target is reached exactly when the cap does not bind', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 365, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (v, available, targetDoi, elasticity, maxDiscount) => {
          const plan = liquidationPlan(10, v, available, { targetDoi, elasticity, maxDiscount });
          if (plan instanceof CalcError) return false;
          return plan.reachesTarget === !plan.capped && plan.discount >= 0 && plan.discount <= maxDiscount;
        },
      ),
    );
  });
});
