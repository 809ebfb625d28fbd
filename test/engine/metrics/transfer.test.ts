import fc from 'fast-check';
import { CalcError } from '../../../src/engine/errors';
import { capitalSaved, transferQty } from '../../../src/engine/metrics/transfer';

const valueErr = (message: string) => new CalcError('#VALUE!', message);

describe('transferQty = min(excess, need) when ≥ minTransferQty and transferCost < unitCost (docs/FORMULAS.md, transfers)', () => {
  test('hand-computed: source excess 120, destination need 45 → 45 (defaults: min 10, cost 5; unitCost 30)', () => {
    expect(transferQty(120, 45, 10, 5, 30)).toBe(45);
    expect(transferQty(30, 45, 10, 5, 30)).toBe(30);
  });

  test('below minTransferQty is not recommended: min(8, 50) = 8 < 10 → 0', () => {
    expect(transferQty(8, 50)).toBe(0);
  });

  test('exactly minTransferQty is recommended (≥)', () => {
    expect(transferQty(10, 50)).toBe(10);
    expect(transferQty(50, 25, 25)).toBe(25);
    expect(transferQty(50, 24, 25)).toBe(0);
  });

  test('moving must cost less than buying: transferCost 5 vs unitCost 5 → 0, unitCost 4 → 0, 5.01 → qty', () => {
    expect(transferQty(100, 40, 10, 5, 5)).toBe(0);
    expect(transferQty(100, 40, 10, 5, 4)).toBe(0);
    expect(transferQty(100, 40, 10, 5, 5.01)).toBe(40);
  });

  test('missing unitCost (null or undefined) skips the cost rule', () => {
    expect(transferQty(100, 40, 10, 5, null)).toBe(40);
    expect(transferQty(100, 40, 10, 5)).toBe(40);
  });

  test('no excess or no need → 0', () => {
    expect(transferQty(0, 40)).toBe(0);
    expect(transferQty(40, 0)).toBe(0);
  });

  test('negative inputs are #VALUE!', () => {
    expect(transferQty(-1, 40)).toStrictEqual(valueErr('sourceExcess must not be negative'));
    expect(transferQty(40, -1)).toStrictEqual(valueErr('destinationNeed must not be negative'));
    expect(transferQty(40, 40, -1)).toStrictEqual(valueErr('minTransferQty must not be negative'));
    expect(transferQty(40, 40, 10, -5)).toStrictEqual(valueErr('transferCostPerUnit must not be negative'));
    expect(transferQty(40, 40, 10, 5, -3)).toStrictEqual(valueErr('unitCost must not be negative'));
  });

  test('NaN and Infinity are #VALUE!', () => {
    expect(transferQty(Number.NaN, 40)).toStrictEqual(valueErr('sourceExcess must be a number'));
    expect(transferQty(40, Infinity)).toStrictEqual(valueErr('destinationNeed must be a finite number'));
    expect(transferQty(40, 40, 10, 5, Number.NaN)).toStrictEqual(valueErr('unitCost must be a number'));
  });

  test('property: the result is 0 or min(excess, need), never more than either', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (excess, need, min, unitCost) => {
          const q = transferQty(excess, need, min, 5, unitCost) as number;
          return (q === 0 || q === Math.min(excess, need)) && q <= excess && q <= need;
        },
      ),
    );
  });
});

describe('capitalSaved = qty × unitCost − qty × transferCostPerUnit (docs/FORMULAS.md, transfers)', () => {
  test('hand-computed: 45 × 30 − 45 × 5 = 1350 − 225 = 1125', () => {
    expect(capitalSaved(45, 30, 5)).toBe(1125);
  });

  test('nothing moved saves nothing', () => {
    expect(capitalSaved(0, 30, 5)).toBe(0);
  });

  test('negative when moving costs more than buying: 10 × 4 − 10 × 5 = −10', () => {
    expect(capitalSaved(10, 4, 5)).toBe(-10);
  });

  test('negative and non-finite inputs are #VALUE!', () => {
    expect(capitalSaved(-1, 30, 5)).toStrictEqual(valueErr('qty must not be negative'));
    expect(capitalSaved(10, -30, 5)).toStrictEqual(valueErr('unitCost must not be negative'));
    expect(capitalSaved(10, 30, Number.NaN)).toStrictEqual(valueErr('transferCostPerUnit must be a number'));
  });
});
