import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { roundOrderQty } from '../../../src/engine/metrics/round-qty';

describe('roundOrderQty', () => {
  // docs/FORMULAS.md "Policies": a positive qty is raised to MOQ and rounded up to a multiple of case pack.
  it.each([
    [12.3, 0, 1, 13], // ⌈12.3⌉ = 13
    [7, 10, 1, 10], // raised to MOQ 10
    [11, 10, 6, 12], // max(11, 10) = 11 → ⌈11/6⌉ × 6 = 12
    [25, 0, 12, 36], // ⌈25/12⌉ × 12 = 3 × 12 = 36
    [0, 50, 12, 0], // nothing needed: no MOQ, no case
    [7, 10, 6, 12], // MOQ 10 is not a whole case: ⌈10/6⌉ × 6 = 12
    [24, 0, 12, 24], // already whole cases
    [0.2, 0, 1, 1], // any positive need orders at least one unit
  ])('roundOrderQty(%p, %p, %p) = %p', (qty, moq, casePack, expected) => {
    expect(roundOrderQty(qty, moq, casePack)).toBe(expected);
  });

  it('defaults to no MOQ and a case pack of 1', () => {
    expect(roundOrderQty(12.3)).toBe(13);
    expect(roundOrderQty(7, 10)).toBe(10);
  });

  it('is 0 for a zero or negative need', () => {
    expect(roundOrderQty(0)).toBe(0);
    expect(roundOrderQty(-5, 10, 6)).toBe(0);
  });

  it('does not order an extra unit for floating-point noise', () => {
    // 0.1 × 3 × 40 = 12.000000000000002 in IEEE doubles; it means 12.
    expect(0.1 * 3 * 40).not.toBe(12);
    expect(roundOrderQty(0.1 * 3 * 40)).toBe(12);
    expect(roundOrderQty(0.1 * 3 * 40, 0, 12)).toBe(12);
    // A real fraction still rounds up.
    expect(roundOrderQty(12.001)).toBe(13);
  });

  it('rejects a case pack that is not a positive whole number', () => {
    expect(roundOrderQty(10, 0, 0)).toStrictEqual(valueError('casePack must be greater than 0'));
    expect(roundOrderQty(10, 0, -6)).toStrictEqual(valueError('casePack must be greater than 0'));
    expect(roundOrderQty(10, 0, 2.5)).toStrictEqual(valueError('casePack must be a whole number'));
  });

  it('rejects a negative MOQ and NaN or infinite inputs', () => {
    expect(roundOrderQty(10, -1)).toStrictEqual(valueError('moq must not be negative'));
    expect(roundOrderQty(NaN)).toStrictEqual(valueError('qty must be a number'));
    expect(roundOrderQty(Infinity)).toStrictEqual(valueError('qty must be a finite number'));
    expect(roundOrderQty(10, NaN)).toStrictEqual(valueError('moq must be a number'));
    expect(roundOrderQty(10, 0, Infinity)).toStrictEqual(valueError('casePack must be a finite number'));
  });

  it('for a positive qty gives whole cases, at least qty and at least moq, and less than one case over', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100_000, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 144 }),
        (qty, moq, casePack) => {
          const result = roundOrderQty(qty, moq, casePack) as number;
          expect(Number.isInteger(result)).toBe(true);
          expect(result % casePack).toBe(0);
          expect(result).toBeGreaterThanOrEqual(qty - 1e-9);
          expect(result).toBeGreaterThanOrEqual(moq);
          expect(result).toBeLessThan(Math.max(Math.ceil(qty), moq) + casePack);
        },
      ),
    );
  });

  it('is 0 for every non-positive qty', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 0, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (qty, moq) => {
        expect(roundOrderQty(qty, moq, 6)).toBe(0);
      }),
    );
  });
});
