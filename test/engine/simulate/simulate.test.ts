import fc from 'fast-check';
import { CalcError, isCalcError, valueError } from '../../../src/engine/errors';
import {
  orderQuantity,
  simulate,
  type ReplenishmentPolicy,
  type SimulationInput,
  type SimulationPeriod,
  type SimulationResult,
} from '../../../src/engine/simulate/simulate';

/**
 * One row of a hand-computed trajectory, in the column order of the comments below:
 * [demand, onHandStart, received, orderPlaced, onOrder, met, unmet, onHandEnd, backorders, holding, stockout, cost].
 */
type Row = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

function rows(table: readonly Row[]): SimulationPeriod[] {
  return table.map(
    ([demand, onHandStart, received, orderPlaced, onOrder, met, unmet, onHandEnd, backorders, holdingCost, stockoutCost, cost], i) => ({
      period: i + 1,
      demand,
      onHandStart,
      received,
      orderPlaced,
      onOrder,
      met,
      unmet,
      onHandEnd,
      backorders,
      holdingCost,
      stockoutCost,
      cost,
    }),
  );
}

function run(input: SimulationInput): SimulationResult {
  const result = simulate(input);
  if (isCalcError(result)) throw new Error(`unexpected ${result.toString()}`);
  return result;
}

describe('simulate, (s, S) with lost sales', () => {
  // Hand computation. s = 12, S = 30, L = 2, h = 1, p = 5, start stock S = 30.
  // P1: on hand 30, IP 30 > 12, no order; demand 8 → end 22; holding 22.
  // P2: on hand 22, IP 22, no order; demand 12 → end 10; holding 10.
  // P3: on hand 10, IP 10 ≤ 12 → order 30 − 10 = 20, due P5; demand 6 → end 4; holding 4.
  // P4: on hand 4, IP 4 + 20 = 24, no order; demand 15 → met 4, lost 11, end 0; stockout 5 × 11 = 55.
  // P5: receive 20 (cycle 2 starts), on hand 20, IP 20, no order; demand 9 → end 11; holding 11.
  // P6: on hand 11, IP 11 ≤ 12 → order 19, due P8; demand 4 → end 7; holding 7.
  // P7: on hand 7, IP 7 + 19 = 26, no order; demand 20 → met 7, lost 13, end 0; stockout 65.
  // P8: receive 19 (cycle 3 starts), on hand 19, IP 19, no order; demand 7 → end 12; holding 12.
  const input: SimulationInput = {
    demand: [8, 12, 6, 15, 9, 4, 20, 7],
    policy: { kind: 'sS', s: 12, S: 30 },
    leadTime: 2,
    holdingCost: 1,
    stockoutCost: 5,
  };

  it('follows the hand-computed trajectory period by period', () => {
    expect(run(input).periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [8, 30, 0, 0, 0, 8, 0, 22, 0, 22, 0, 22],
        [12, 22, 0, 0, 0, 12, 0, 10, 0, 10, 0, 10],
        [6, 10, 0, 20, 20, 6, 0, 4, 0, 4, 0, 4],
        [15, 4, 0, 0, 20, 4, 11, 0, 0, 0, 55, 55],
        [9, 20, 20, 0, 0, 9, 0, 11, 0, 11, 0, 11],
        [4, 11, 0, 19, 19, 4, 0, 7, 0, 7, 0, 7],
        [20, 7, 0, 0, 19, 7, 13, 0, 0, 0, 65, 65],
        [7, 19, 19, 0, 0, 7, 0, 12, 0, 12, 0, 12],
      ]),
    );
  });

  it('totals cost, orders and service', () => {
    // Demand 81, met 8+12+6+4+9+4+7+7 = 57, lost 11+13 = 24; 2 orders of 20 + 19 = 39 units.
    // Holding 22+10+4+0+11+7+0+12 = 66, stockout 55+65 = 120, total 186; average on hand 66 / 8 = 8.25.
    const result = run(input);
    expect(result.totals).toEqual({
      demand: 81,
      met: 57,
      unmet: 24,
      orders: 2,
      unitsOrdered: 39,
      holdingCost: 66,
      stockoutCost: 120,
      totalCost: 186,
      averageOnHand: 8.25,
    });
    // Fill rate 57 / 81. Cycles start at P1, P5, P8: P1–P4 (stockout in P4), P5–P7 (stockout in P7),
    // P8 (none): CSL = 1 / 3.
    expect(result.fillRate).toBeCloseTo(57 / 81, 12);
    expect(result.cycles).toBe(3);
    expect(result.cycleServiceLevel).toBeCloseTo(1 / 3, 12);
  });

  it('takes the start stock as given instead of S', () => {
    // Start 10: P1 IP 10 ≤ 12 → order 20 at once, due P3.
    const result = run({ ...input, startStock: 10 });
    expect(result.periods[0]).toMatchObject({ onHandStart: 10, orderPlaced: 20, onOrder: 20, met: 8, onHandEnd: 2 });
    expect(result.periods[2]).toMatchObject({ received: 20 });
  });

  it('does not mutate its input', () => {
    const frozen = Object.freeze({ ...input, demand: Object.freeze([...input.demand]), policy: Object.freeze({ ...input.policy }) });
    expect(() => simulate(frozen)).not.toThrow();
    expect(frozen.demand).toEqual([8, 12, 6, 15, 9, 4, 20, 7]);
  });
});

describe('simulate, (r, Q)', () => {
  it('receives an order at once with lead time 0, before the demand of the period', () => {
    // Hand computation. r = 5, Q = 10, L = 0, h = 0.5, p = 2, start 8.
    // P1: on hand 8, IP 8 > 5, no order; demand 3 → end 5; holding 2.5.
    // P2: on hand 5, IP 5 ≤ 5 → 5 + 10n > 5 → n = 1, order 10, received at once: start 15 (cycle 2);
    //     demand 4 → end 11; holding 5.5.
    // P3: on hand 11, no order; demand 2 → end 9; holding 4.5.
    // P4: on hand 9, no order; demand 6 → end 3; holding 1.5.
    const result = run({
      demand: [3, 4, 2, 6],
      policy: { kind: 'rQ', r: 5, Q: 10 },
      leadTime: 0,
      holdingCost: 0.5,
      stockoutCost: 2,
      startStock: 8,
    });
    expect(result.periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [3, 8, 0, 0, 0, 3, 0, 5, 0, 2.5, 0, 2.5],
        [4, 15, 10, 10, 0, 4, 0, 11, 0, 5.5, 0, 5.5],
        [2, 11, 0, 0, 0, 2, 0, 9, 0, 4.5, 0, 4.5],
        [6, 9, 0, 0, 0, 6, 0, 3, 0, 1.5, 0, 1.5],
      ]),
    );
    expect(result.totals).toMatchObject({ orders: 1, unitsOrdered: 10, holdingCost: 14, stockoutCost: 0, totalCost: 14 });
    expect(result.fillRate).toBe(1);
    expect(result.cycles).toBe(2);
    expect(result.cycleServiceLevel).toBe(1);
  });

  it('orders as many Q as it takes to lift the position above r', () => {
    // Hand computation. r = 20, Q = 5, L = 1, h = 1, p = 4, start 25.
    // P1: on hand 25, IP 25 > 20, no order; demand 15 → end 10.
    // P2: on hand 10, IP 10 ≤ 20 → 10 + 5n > 20: n = 2 gives exactly 20 (not above r), so n = 3,
    //     order 15, due P3; demand 3 → end 7.
    // P3: receive 15 → 22, IP 22 > 20, no order; demand 10 → end 12.
    // P4: on hand 12, IP 12 ≤ 20 → 12 + 5n > 20 → n = 2, order 10, due P5 (after the horizon): still
    //     on order at the end; demand 2 → end 10.
    const result = run({
      demand: [15, 3, 10, 2],
      policy: { kind: 'rQ', r: 20, Q: 5 },
      leadTime: 1,
      holdingCost: 1,
      stockoutCost: 4,
      startStock: 25,
    });
    expect(result.periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [15, 25, 0, 0, 0, 15, 0, 10, 0, 10, 0, 10],
        [3, 10, 0, 15, 15, 3, 0, 7, 0, 7, 0, 7],
        [10, 22, 15, 0, 0, 10, 0, 12, 0, 12, 0, 12],
        [2, 12, 0, 10, 10, 2, 0, 10, 0, 10, 0, 10],
      ]),
    );
    expect(result.totals).toMatchObject({ orders: 2, unitsOrdered: 25, totalCost: 39, averageOnHand: 39 / 4 });
  });

  it('starts with r + Q on hand by default', () => {
    const result = run({ demand: [1], policy: { kind: 'rQ', r: 7, Q: 4 }, leadTime: 3, holdingCost: 1, stockoutCost: 1 });
    expect(result.periods[0].onHandStart).toBe(11);
  });

  it('computes n·Q as the smallest multiple that lifts IP above r (orderQuantity)', () => {
    const policy: ReplenishmentPolicy = { kind: 'rQ', r: 20, Q: 5 };
    expect(orderQuantity(policy, 21)).toBe(0);
    expect(orderQuantity(policy, 20)).toBe(5);
    expect(orderQuantity(policy, 16)).toBe(5);
    expect(orderQuantity(policy, 15)).toBe(10);
    expect(orderQuantity(policy, 0)).toBe(25);
    expect(orderQuantity(policy, -3)).toBe(25);
    expect(orderQuantity({ kind: 'rQ', r: 0.3, Q: 0.1 }, 0)).toBeCloseTo(0.4, 12);
    // Decimal inputs behave as written: 0.1 + 0.2 is at s = 0.3, not above it.
    expect(orderQuantity({ kind: 'sS', s: 0.3, S: 1 }, 0.1 + 0.2)).toBeCloseTo(0.7, 12);
    expect(orderQuantity({ kind: 'sS', s: 5, S: 12 }, 5)).toBe(7);
    expect(orderQuantity({ kind: 'sS', s: 5, S: 12 }, 6)).toBe(0);
    expect(orderQuantity({ kind: 'sS', s: 5, S: 12 }, -4)).toBe(16);
  });
});

describe('simulate, backorders', () => {
  it('serves backorders first from the next receipt; the fill rate counts same-period service only', () => {
    // Hand computation. s = 5, S = 15, L = 1, h = 1, p = 3, start 6, backorders.
    // P1: on hand 6, IP 6 > 5, no order; demand 4 → end 2; holding 2.
    // P2: on hand 2, IP 2 ≤ 5 → order 13, due P3; demand 9 → met 2, backordered 7, end 0; stockout 21.
    // P3: receive 13 → 13, serve 7 backorders → 6 (cycle 2); IP 6 > 5, no order; demand 3 → end 3.
    // P4: on hand 3, IP 3 ≤ 5 → order 12, due P5; demand 2 → end 1.
    // P5: receive 12 → 13 (cycle 3); IP 13, no order; demand 8 → end 5.
    const result = run({
      demand: [4, 9, 3, 2, 8],
      policy: { kind: 'sS', s: 5, S: 15 },
      leadTime: 1,
      holdingCost: 1,
      stockoutCost: 3,
      startStock: 6,
      unmet: 'backorder',
    });
    expect(result.periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [4, 6, 0, 0, 0, 4, 0, 2, 0, 2, 0, 2],
        [9, 2, 0, 13, 13, 2, 7, 0, 7, 0, 21, 21],
        [3, 6, 13, 0, 0, 3, 0, 3, 0, 3, 0, 3],
        [2, 3, 0, 12, 12, 2, 0, 1, 0, 1, 0, 1],
        [8, 13, 12, 0, 0, 8, 0, 5, 0, 5, 0, 5],
      ]),
    );
    // Demand 26, met in its own period 4+2+3+2+8 = 19: fill rate 19/26, although the 7 backordered
    // units were shipped in P3. Cycles P1–P2 (stockout), P3–P4, P5: CSL 2/3.
    expect(result.totals).toMatchObject({ demand: 26, met: 19, unmet: 7, holdingCost: 11, stockoutCost: 21, totalCost: 32 });
    expect(result.fillRate).toBeCloseTo(19 / 26, 12);
    expect(result.cycles).toBe(3);
    expect(result.cycleServiceLevel).toBeCloseTo(2 / 3, 12);
  });

  it('counts backorders in the inventory position and serves them in part when the receipt is short', () => {
    // Hand computation. s = 0, S = 10, L = 2, h = 1, p = 1, start 0, backorders.
    // P1: on hand 0, IP 0 ≤ 0 → order 10, due P3; demand 6 → backordered 6.
    // P2: IP 0 + 10 − 6 = 4 > 0, no order; demand 5 → backorders 11.
    // P3: receive 10, serve 10 of 11 → on hand 0, backorders 1; IP 0 + 0 − 1 = −1 ≤ 0 → order 11, due P5;
    //     demand 0.
    // P4: IP 0 + 11 − 1 = 10 > 0, no order; demand 3 → backorders 4.
    const result = run({
      demand: [6, 5, 0, 3],
      policy: { kind: 'sS', s: 0, S: 10 },
      leadTime: 2,
      holdingCost: 1,
      stockoutCost: 1,
      startStock: 0,
      unmet: 'backorder',
    });
    expect(result.periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [6, 0, 0, 10, 10, 0, 6, 0, 6, 0, 6, 6],
        [5, 0, 0, 0, 10, 0, 5, 0, 11, 0, 5, 5],
        [0, 0, 10, 11, 11, 0, 0, 0, 1, 0, 0, 0],
        [3, 0, 0, 0, 11, 0, 3, 0, 4, 0, 3, 3],
      ]),
    );
    expect(result.fillRate).toBe(0);
    // Cycles P1–P2 (stockout) and P3–P4 (stockout in P4).
    expect(result.cycles).toBe(2);
    expect(result.cycleServiceLevel).toBe(0);
  });

  it('serves backorders before the demand of the period when the lead time is 0', () => {
    // Hand computation. s = 2, S = 8, L = 0, start 3, backorders.
    // P1: IP 3 > 2, no order; demand 5 → met 3, backordered 2.
    // P2: IP 0 − 2 = −2 ≤ 2 → order 10, received at once: 10, serve 2 → 8 before demand; demand 4 → end 4.
    const result = run({
      demand: [5, 4],
      policy: { kind: 'sS', s: 2, S: 8 },
      leadTime: 0,
      holdingCost: 1,
      stockoutCost: 1,
      startStock: 3,
      unmet: 'backorder',
    });
    expect(result.periods[1]).toMatchObject({ received: 10, orderPlaced: 10, onOrder: 0, onHandStart: 8, met: 4, onHandEnd: 4, backorders: 0 });
  });
});

describe('simulate, edge cases', () => {
  it('has no fill rate with zero demand, orders nothing above s and holds the start stock', () => {
    // Hand computation. s = 5, S = 20, start 12, h = 0.5, 6 periods of 0 demand:
    // IP stays 12 > 5, no order; holding 0.5 × 12 × 6 = 36; one cycle, no stockout.
    const result = run({
      demand: [0, 0, 0, 0, 0, 0],
      policy: { kind: 'sS', s: 5, S: 20 },
      leadTime: 3,
      holdingCost: 0.5,
      stockoutCost: 10,
      startStock: 12,
    });
    expect(result.fillRate).toBeNull();
    expect(result.totals).toEqual({
      demand: 0,
      met: 0,
      unmet: 0,
      orders: 0,
      unitsOrdered: 0,
      holdingCost: 36,
      stockoutCost: 0,
      totalCost: 36,
      averageOnHand: 12,
    });
    expect(result.periods.every((p) => p.onHandEnd === 12 && p.cost === 6)).toBe(true);
    expect(result.cycles).toBe(1);
    expect(result.cycleServiceLevel).toBe(1);
  });

  it('starts from empty stock with a large first demand (lost sales)', () => {
    // Hand computation. s = 10, S = 50, L = 1, h = 1, p = 2, start 0.
    // P1: on hand 0, IP 0 ≤ 10 → order 50, due P2; demand 40 → all 40 lost; stockout 80.
    // P2: receive 50, IP 50, no order; demand 30 → end 20; holding 20.
    // P3: on hand 20, IP 20 > 10, no order; demand 5 → end 15; holding 15.
    const result = run({
      demand: [40, 30, 5],
      policy: { kind: 'sS', s: 10, S: 50 },
      leadTime: 1,
      holdingCost: 1,
      stockoutCost: 2,
      startStock: 0,
    });
    expect(result.periods).toEqual(
      rows([
        // d, start, recv, order, onOrder, met, unmet, end, bo, hold, stockout, cost
        [40, 0, 0, 50, 50, 0, 40, 0, 0, 0, 80, 80],
        [30, 50, 50, 0, 0, 30, 0, 20, 0, 20, 0, 20],
        [5, 20, 0, 0, 0, 5, 0, 15, 0, 15, 0, 15],
      ]),
    );
    expect(result.fillRate).toBeCloseTo(35 / 75, 12);
    expect(result.totals.totalCost).toBe(115);
    // Cycles P1 (stockout) and P2–P3: CSL 1/2.
    expect(result.cycleServiceLevel).toBe(0.5);
  });

  it('covers a large first demand from empty stock when the lead time is 0', () => {
    // P1: IP 0 ≤ 10 → order 50, received at once; demand 40 → met 40, end 10 (no further order this period).
    const result = run({
      demand: [40],
      policy: { kind: 'sS', s: 10, S: 50 },
      leadTime: 0,
      holdingCost: 1,
      stockoutCost: 2,
      startStock: 0,
    });
    expect(result.periods[0]).toMatchObject({ onHandStart: 50, received: 50, orderPlaced: 50, met: 40, unmet: 0, onHandEnd: 10 });
    expect(result.fillRate).toBe(1);
    expect(result.cycles).toBe(1);
  });

  it('never orders under lost sales when s is negative', () => {
    const result = run({ demand: [5, 5, 5], policy: { kind: 'sS', s: -1, S: 10 }, leadTime: 1, holdingCost: 1, stockoutCost: 1, startStock: 8 });
    expect(result.totals.orders).toBe(0);
    expect(result.totals.unmet).toBe(7);
  });
});

describe('simulate, validation (#VALUE!)', () => {
  const base: SimulationInput = {
    demand: [1, 2, 3],
    policy: { kind: 'sS', s: 2, S: 10 },
    leadTime: 1,
    holdingCost: 1,
    stockoutCost: 1,
  };
  const cases: ReadonlyArray<readonly [string, SimulationInput, string]> = [
    ['empty demand', { ...base, demand: [] }, 'demand requires at least 1 period'],
    ['demand not an array', { ...base, demand: 'x' as unknown as number[] }, 'demand requires at least 1 period'],
    ['negative demand', { ...base, demand: [1, 2, -3] }, 'demand[3] must not be negative'],
    ['text demand', { ...base, demand: [1, 'two' as unknown as number] }, 'demand[2] must be a number'],
    ['NaN demand', { ...base, demand: [NaN] }, 'demand[1] must be a number'],
    ['infinite demand', { ...base, demand: [1, Infinity] }, 'demand[2] must be a finite number'],
    ['non-integer lead time', { ...base, leadTime: 1.5 }, 'leadTime must be a whole number'],
    ['negative lead time', { ...base, leadTime: -1 }, 'leadTime must not be negative'],
    ['text lead time', { ...base, leadTime: '2' as unknown as number }, 'leadTime must be a number'],
    ['s = S', { ...base, policy: { kind: 'sS', s: 10, S: 10 } }, 's must be less than S'],
    ['s > S', { ...base, policy: { kind: 'sS', s: 12, S: 10 } }, 's must be less than S'],
    ['S = 0', { ...base, policy: { kind: 'sS', s: -1, S: 0 } }, 'S must be greater than 0'],
    ['NaN s', { ...base, policy: { kind: 'sS', s: NaN, S: 10 } }, 's must be a number'],
    ['Q = 0', { ...base, policy: { kind: 'rQ', r: 5, Q: 0 } }, 'Q must be greater than 0'],
    ['Q < 0', { ...base, policy: { kind: 'rQ', r: 5, Q: -2 } }, 'Q must be greater than 0'],
    ['infinite r', { ...base, policy: { kind: 'rQ', r: Infinity, Q: 2 } }, 'r must be a finite number'],
    ['unknown policy', { ...base, policy: { kind: 'xy' } as unknown as ReplenishmentPolicy }, 'policy must be one of sS, rQ'],
    ['negative holding cost', { ...base, holdingCost: -1 }, 'holdingCost must not be negative'],
    ['negative stockout cost', { ...base, stockoutCost: -0.5 }, 'stockoutCost must not be negative'],
    ['negative start stock', { ...base, startStock: -1 }, 'startStock must not be negative'],
    ['unknown unmet mode', { ...base, unmet: 'queue' as unknown as 'lost' }, 'unmet must be one of lost, backorder'],
  ];

  it.each(cases)('%s', (_name, input, message) => {
    const result = simulate(input);
    expect(result).toBeInstanceOf(CalcError);
    expect(result).toStrictEqual(valueError(message));
    expect((result as CalcError).code).toBe('#VALUE!');
  });
});

describe('simulate, invariants (property)', () => {
  const policyArb: fc.Arbitrary<ReplenishmentPolicy> = fc.oneof(
    fc
      .tuple(fc.integer({ min: -10, max: 100 }), fc.integer({ min: 1, max: 100 }))
      .map(([s, gap]): ReplenishmentPolicy => ({ kind: 'sS', s, S: Math.max(s + gap, 1) })),
    fc.tuple(fc.integer({ min: -10, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([r, Q]): ReplenishmentPolicy => ({ kind: 'rQ', r, Q })),
  );
  const inputArb = fc.record({
    demand: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }),
    policy: policyArb,
    leadTime: fc.integer({ min: 0, max: 10 }),
    holdingCost: fc.double({ min: 0, max: 10, noNaN: true }),
    stockoutCost: fc.double({ min: 0, max: 10, noNaN: true }),
    startStock: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    unmet: fc.constantFrom<'lost' | 'backorder'>('lost', 'backorder'),
  });

  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

  it('conserves stock, splits demand into met + unmet and keeps the bounds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = run(input);
        const { periods, totals } = result;
        const start = input.startStock ?? (input.policy.kind === 'sS' ? input.policy.S : Math.max(0, input.policy.r + input.policy.Q));
        expect(periods).toHaveLength(input.demand.length);
        let previousBackorders = 0;
        let served = 0;
        for (const [i, p] of periods.entries()) {
          expect(p.period).toBe(i + 1);
          expect(p.demand).toBe(input.demand[i]);
          expect(p.met + p.unmet).toBe(p.demand);
          expect(p.onHandEnd).toBeGreaterThanOrEqual(0);
          expect(p.onHandEnd).toBe(p.onHandStart - p.met);
          expect(p.onOrder).toBeGreaterThanOrEqual(0);
          expect(p.backorders * p.onHandEnd).toBe(0);
          expect(p.cost).toBeCloseTo(p.holdingCost + p.stockoutCost, 9);
          if (input.unmet === 'lost') expect(p.backorders).toBe(0);
          served += previousBackorders + p.unmet - p.backorders;
          previousBackorders = input.unmet === 'backorder' ? p.backorders : 0;
        }
        const last = periods[periods.length - 1];
        const received = sum(periods.map((p) => p.received));
        // Lost sales: start + received − met − end = 0; backorders also ship `served` units late.
        const shippedLate = input.unmet === 'backorder' ? served : 0;
        expect(start + received - totals.met - shippedLate - last.onHandEnd).toBe(0);
        // Everything ordered is either received or still on order.
        expect(totals.unitsOrdered).toBe(received + last.onOrder);
        expect(totals.met + totals.unmet).toBe(totals.demand);
        expect(totals.totalCost).toBeCloseTo(sum(periods.map((p) => p.cost)), 6);
        expect(totals.holdingCost).toBeCloseTo(sum(periods.map((p) => p.holdingCost)), 6);
        expect(totals.orders).toBe(periods.filter((p) => p.orderPlaced > 0).length);
        if (result.fillRate !== null) {
          expect(result.fillRate).toBeGreaterThanOrEqual(0);
          expect(result.fillRate).toBeLessThanOrEqual(1);
        } else {
          expect(totals.demand).toBe(0);
        }
        expect(result.cycles).toBeGreaterThanOrEqual(1);
        expect(result.cycleServiceLevel).not.toBeNull();
        expect(result.cycleServiceLevel).toBeGreaterThanOrEqual(0);
        expect(result.cycleServiceLevel).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the inventory position above the reorder level after every review', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { periods } = run(input);
        for (const p of periods) {
          // Backorders right after the review are those at the end minus this period's new ones.
          const backordersAfterReview = input.unmet === 'backorder' ? p.backorders - p.unmet : 0;
          const ip = p.onHandStart + p.onOrder - backordersAfterReview;
          if (input.policy.kind === 'sS') {
            expect(ip).toBeGreaterThan(input.policy.s);
            if (p.orderPlaced > 0) expect(ip).toBe(input.policy.S);
          } else {
            expect(ip).toBeGreaterThan(input.policy.r);
            if (p.orderPlaced > 0) {
              expect(ip).toBeLessThanOrEqual(input.policy.r + input.policy.Q);
              expect(p.orderPlaced % input.policy.Q).toBe(0);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
