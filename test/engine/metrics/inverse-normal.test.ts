import fc from 'fast-check';
import { valueError } from '../../../src/engine/errors';
import { inverseNormal, serviceZ } from '../../../src/engine/metrics/inverse-normal';

// Reference quantiles from scipy.stats.norm.ppf (SciPy 1.17) and R qnorm; they agree with each other
// to the digits shown. AS 241 (Wichura 1988) is accurate to about 1e-16, so 12 decimals is a fair bar.
const published: ReadonlyArray<readonly [number, number]> = [
  [0.5, 0],
  [0.9, 1.2815515655446004],
  [0.95, 1.6448536269514722],
  [0.975, 1.959963984540054],
  [0.98, 2.0537489106318225],
  [0.99, 2.3263478740408408],
  [0.995, 2.5758293035489004],
  [0.9999, 3.719016485455709],
  [0.05, -1.6448536269514729],
  [0.025, -1.9599639845400545],
  [1e-5, -4.264890793922825],
  // Region boundary |p − 0.5| = 0.425 and just past it.
  [0.075, -1.4395314709384563],
  [0.925, 1.4395314709384563],
  [0.0749, -1.4402382675279635],
];

describe('inverseNormal', () => {
  it.each(published)('Φ⁻¹(%p) = %p (scipy norm.ppf / R qnorm)', (p, z) => {
    expect(inverseNormal(p)).toBeCloseTo(z, 12);
  });

  it.each([
    // Intermediate branch (e⁻²⁵ ≤ p < 0.075, r ≤ 5).
    [1e-8, -5.612001244174789],
    [1e-9, -5.9978070150076865],
    [1e-10, -6.361340902404056],
    // Far tail (p < e⁻²⁵ ≈ 1.4e-11, r > 5).
    [1e-12, -7.034483825301131],
    [1e-20, -9.262340089798409],
    [1e-50, -14.933337534788487],
    [1e-100, -21.273453560965322],
    [1e-300, -37.0470962993612],
  ])('matches the tail: Φ⁻¹(%p) = %p (scipy norm.ppf)', (p, z) => {
    // Relative accuracy ~1e-16 means absolute ~1e-14 out here; 11 decimals leaves room.
    expect(inverseNormal(p)).toBeCloseTo(z, 11);
  });

  it('gives the z values docs/FORMULAS.md quotes', () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.6449, 4);
    expect(inverseNormal(0.98)).toBeCloseTo(2.0537, 4);
    expect(inverseNormal(0.99)).toBeCloseTo(2.3263, 4);
  });

  it('is 0 at the median exactly', () => {
    expect(inverseNormal(0.5)).toBe(0);
  });

  it('rejects p outside (0, 1), NaN and infinities', () => {
    const outside = valueError('p must be between 0 and 1, exclusive');
    expect(inverseNormal(0)).toStrictEqual(outside);
    expect(inverseNormal(1)).toStrictEqual(outside);
    expect(inverseNormal(-0.1)).toStrictEqual(outside);
    expect(inverseNormal(1.5)).toStrictEqual(outside);
    expect(inverseNormal(NaN)).toStrictEqual(valueError('p must be a number'));
    expect(inverseNormal(Infinity)).toStrictEqual(valueError('p must be a finite number'));
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-15, max: 0.5, noNaN: true }), (p) => {
        // Make an exact complementary pair: for q ≥ 0.5, 1 − q is exact in floating point.
        const upper = 1 - p;
        const lower = 1 - upper;
        fc.pre(lower > 0 && upper < 1);
        const zUpper = inverseNormal(upper) as number;
        const zLower = inverseNormal(lower) as number;
        expect(zUpper + zLower).toBeCloseTo(0, 12);
      }),
    );
  });

  it('is increasing in p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        (a, b) => {
          fc.pre(a < b);
          // Non-decreasing up to rounding: for p one ulp apart the two results may differ by an ulp.
          const za = inverseNormal(a) as number;
          const zb = inverseNormal(b) as number;
          expect(za).toBeLessThanOrEqual(zb + 1e-12 * Math.max(1, Math.abs(zb)));
        },
      ),
    );
  });
});

describe('serviceZ', () => {
  it('is Φ⁻¹(serviceLevel) for the default ABC service levels', () => {
    expect(serviceZ(0.98)).toBeCloseTo(2.0537489106318225, 12); // A
    expect(serviceZ(0.95)).toBeCloseTo(1.6448536269514722, 12); // B
    expect(serviceZ(0.9)).toBeCloseTo(1.2815515655446004, 12); // C
  });

  it('names serviceLevel in its errors', () => {
    expect(serviceZ(1)).toStrictEqual(valueError('serviceLevel must be between 0 and 1, exclusive'));
    expect(serviceZ(0)).toStrictEqual(valueError('serviceLevel must be between 0 and 1, exclusive'));
    expect(serviceZ(NaN)).toStrictEqual(valueError('serviceLevel must be a number'));
  });
});
