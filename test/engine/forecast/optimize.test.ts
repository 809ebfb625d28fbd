/**
 * Bounded Nelder–Mead (optimize.ts): textbook test functions with known minima.
 */
import { minimize } from '../../../src/engine/forecast/optimize';

/** Rosenbrock's banana function, minimum 0 at (1, 1) (Rosenbrock, H. H. 1960, The Computer Journal 3(3)). */
const rosenbrock = (x: readonly number[]) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;

describe('minimize (Nelder & Mead 1965, bounded)', () => {
  test('a quadratic bowl with its minimum inside the box: (x − 0.3)² + 2(y + 0.2)² → (0.3, −0.2)', () => {
    const r = minimize((x) => (x[0] - 0.3) ** 2 + 2 * (x[1] + 0.2) ** 2, { lower: [-1, -1], upper: [1, 1] });
    expect(r.x[0]).toBeCloseTo(0.3, 4);
    expect(r.x[1]).toBeCloseTo(-0.2, 4);
    expect(r.value).toBeLessThan(1e-8);
  });

  test('the optimum outside the box: (x − 3)² + (y + 5)² on [−1, 1] × [−2, 2] returns the corner (1, −2), value 13', () => {
    const r = minimize((x) => (x[0] - 3) ** 2 + (x[1] + 5) ** 2, { lower: [-1, -2], upper: [1, 2] });
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(-2, 6);
    expect(r.value).toBeCloseTo(13, 6);
  });

  test('one parameter against its upper bound: (x − 5)² on [0, 1] → 1', () => {
    const r = minimize((x) => (x[0] - 5) ** 2, { lower: [0], upper: [1] }, [0.2]);
    expect(r.x[0]).toBeCloseTo(1, 6);
  });

  test('every point evaluated lies inside the box', () => {
    const seen: number[][] = [];
    minimize(
      (x) => {
        seen.push([...x]);
        return (x[0] - 3) ** 2 + (x[1] + 5) ** 2 + (x[2] - 0.5) ** 2;
      },
      { lower: [-1, -2, 0], upper: [1, 2, 1] },
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const x of seen) {
      expect(x[0]).toBeGreaterThanOrEqual(-1);
      expect(x[0]).toBeLessThanOrEqual(1);
      expect(x[1]).toBeGreaterThanOrEqual(-2);
      expect(x[1]).toBeLessThanOrEqual(2);
      expect(x[2]).toBeGreaterThanOrEqual(0);
      expect(x[2]).toBeLessThanOrEqual(1);
    }
  });

  test('Rosenbrock in 2-D on [−2, 2]²: (1, 1) to 1e-3 from the classic start (−1.2, 1) and from the box centre', () => {
    for (const start of [[-1.2, 1], undefined]) {
      const r = minimize(rosenbrock, { lower: [-2, -2], upper: [2, 2] }, start);
      expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-3);
      expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-3);
      expect(r.value).toBeLessThan(1e-6);
    }
  });

  test('deterministic: two runs give the same point, value and number of evaluations', () => {
    const a = minimize(rosenbrock, { lower: [-2, -2], upper: [2, 2] }, [-1.2, 1]);
    const b = minimize(rosenbrock, { lower: [-2, -2], upper: [2, 2] }, [-1.2, 1]);
    expect(b).toEqual(a);
  });

  test('a start in the basin of a local minimum does not decide the result: the global minimum at a bound is found', () => {
    // min(0.05 + (x − 0.7)², 10x) on [0, 1]: a local minimum 0.05 at x = 0.7, the global one 0 at x = 0.
    const r = minimize((x) => Math.min(0.05 + (x[0] - 0.7) ** 2, 10 * x[0]), { lower: [0], upper: [1] }, [0.6]);
    expect(r.x[0]).toBeCloseTo(0, 6);
    expect(r.value).toBeCloseTo(0, 6);
  });

  test('never more evaluations than maxEvaluations, and the value returned is the objective at x', () => {
    let calls = 0;
    const r = minimize(
      (x) => {
        calls++;
        return rosenbrock(x);
      },
      { lower: [-2, -2], upper: [2, 2] },
      [-1.2, 1],
      25,
    );
    expect(calls).toBeLessThanOrEqual(25);
    expect(r.evaluations).toBe(calls);
    expect(r.value).toBe(rosenbrock(r.x));
  });

  test('a non-finite objective value counts as worse than any finite one', () => {
    // NaN for x < 0.5; the finite part (x − 0.8)² is minimized at 0.8.
    const r = minimize((x) => (x[0] < 0.5 ? Number.NaN : (x[0] - 0.8) ** 2), { lower: [0], upper: [1] }, [0.1]);
    expect(r.x[0]).toBeCloseTo(0.8, 4);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  test('a start outside the box is moved into it', () => {
    const r = minimize((x) => (x[0] - 0.5) ** 2, { lower: [0], upper: [1] }, [7]);
    expect(r.x[0]).toBeCloseTo(0.5, 5);
  });

  // The stopping rule is on function values (spread ≤ 1e-10·(1 + |f|)), so with f ≈ 1 the point is known
  // to about √(2e-10) ≈ 1.4e-5.
  test('a box of zero width in one parameter keeps it fixed and minimizes over the other', () => {
    const r = minimize((x) => (x[0] - 3) ** 2 + (x[1] - 0.25) ** 2, { lower: [2, 0], upper: [2, 1] });
    expect(r.x[0]).toBe(2);
    expect(r.x[1]).toBeCloseTo(0.25, 4);
  });

  test('bounds of different lengths, or none, are API misuse and throw', () => {
    expect(() => minimize((x) => x[0], { lower: [0, 0], upper: [1] })).toThrow('minimize: bounds need one lower and one upper limit per parameter');
    expect(() => minimize(() => 0, { lower: [], upper: [] })).toThrow();
  });
});
