/**
 * The searches the fits use (brent.ts for one smoothing constant, quasi-newton.ts for two or three with
 * the SSE's gradient), on textbook functions with known minima, and the gradients the methods hand
 * them (holt-damped.ts holtSse, tsb.ts tsbSse) against central differences.
 */
import { brent, minimize1d } from '../../../src/engine/forecast/brent';
import { holtLattice, holtObjective, holtSse, initialTrend } from '../../../src/engine/forecast/holt-damped';
import { minimizeWithGradient } from '../../../src/engine/forecast/quasi-newton';
import { tsbSse } from '../../../src/engine/forecast/tsb';
import { withGradient } from '../../helpers/gradient';

describe('minimize1d (a grid for the valleys, then Brent 1973)', () => {
  test('a parabola with its minimum inside: (x − 0.37)² + 2 on [0, 1] → 0.37, value 2', () => {
    const r = minimize1d((x) => (x - 0.37) ** 2 + 2, 0, 1);
    expect(r.x).toBeCloseTo(0.37, 7);
    expect(r.value).toBeCloseTo(2, 12);
  });

  test('the minimum at a bound is the bound itself, evaluated exactly: (x − 5)² on [0.01, 0.5] → 0.5', () => {
    expect(minimize1d((x) => (x - 5) ** 2, 0.01, 0.5).x).toBe(0.5);
    expect(minimize1d((x) => (x + 5) ** 2, 0.01, 0.5).x).toBe(0.01);
  });

  test('two valleys: the lower one wins wherever it is (local minimum 0.05 at 0.7, global 0 at 0.15)', () => {
    const f = (x: number) => Math.min(0.05 + 4 * (x - 0.7) ** 2, 30 * (x - 0.15) ** 2);
    const r = minimize1d(f, 0, 1);
    expect(r.x).toBeCloseTo(0.15, 6);
    expect(r.value).toBeLessThan(1e-12);
  });

  test('non-finite values count as worse than any finite one', () => {
    const r = minimize1d((x) => (x < 0.5 ? Number.NaN : (x - 0.8) ** 2), 0, 1);
    expect(r.x).toBeCloseTo(0.8, 6);
  });

  test('a zero-width interval is its point; lower above upper is API misuse', () => {
    expect(minimize1d((x) => x * x, 0.3, 0.3)).toEqual({ x: 0.3, value: 0.09, evaluations: 1 });
    expect(() => minimize1d((x) => x, 1, 0)).toThrow('minimize1d: lower must not exceed upper');
  });

  test('no worse than a fine grid on a wiggly function (|sin 7x| + x/3 on [0.0001, 0.9999])', () => {
    const f = (x: number) => Math.abs(Math.sin(7 * x + 0.3)) + x / 3;
    let gridMin = Infinity;
    for (let i = 0; i <= 100_000; i++) gridMin = Math.min(gridMin, f(0.0001 + (0.9998 * i) / 100_000));
    expect(minimize1d(f, 0.0001, 0.9999).value).toBeLessThanOrEqual(gridMin + 1e-9);
  });

  test('brent alone on a bracket: converges to the parabola vertex, from the golden point or a given one', () => {
    const f = (x: number) => 3 * (x - 1.25) ** 2 - 1;
    expect(brent(f, 0, 2, null, 0, 1e-10).x).toBeCloseTo(1.25, 8);
    expect(brent(f, 0, 2, 0.5, f(0.5), 1e-10).x).toBeCloseTo(1.25, 8);
  });

  test('deterministic', () => {
    const f = (x: number) => Math.cos(9 * x) + x;
    expect(minimize1d(f, 0, 1)).toEqual(minimize1d(f, 0, 1));
  });
});


describe('minimizeWithGradient (projected quasi-Newton, Bertsekas 1982; BFGS, Nocedal & Wright §6.1)', () => {
  test('a quadratic bowl inside the box: (x − 0.3)² + 2(y + 0.2)² + xy/2 → its stationary point', () => {
    // ∇ = 0: 2x + y/2 = 0.6 and x/2 + 4y = −0.8, solved by Cramer's rule.
    const det = 2 * 4 - 0.25;
    const xs = (0.6 * 4 - 0.5 * -0.8) / det;
    const ys = (2 * -0.8 - 0.5 * 0.6) / det;
    const r = minimizeWithGradient(
      withGradient(
        ([x, y]) => (x - 0.3) ** 2 + 2 * (y + 0.2) ** 2 + (x * y) / 2,
        ([x, y]) => [2 * (x - 0.3) + y / 2, 4 * (y + 0.2) + x / 2],
      ),
      { lower: [-1, -1], upper: [1, 1] },
      [0.9, 0.9],
    );
    expect(r.x[0]).toBeCloseTo(xs, 6);
    expect(r.x[1]).toBeCloseTo(ys, 6);
  });

  test('the optimum outside the box: (x − 3)² + (y + 5)² + (z − 0.5)² → the face point (1, −2, 0.5), value 13', () => {
    const r = minimizeWithGradient(
      withGradient(
        ([x, y, z]) => (x - 3) ** 2 + (y + 5) ** 2 + (z - 0.5) ** 2,
        ([x, y, z]) => [2 * (x - 3), 2 * (y + 5), 2 * (z - 0.5)],
      ),
      { lower: [-1, -2, 0], upper: [1, 2, 1] },
      [0, 0, 0],
    );
    expect(r.x[0]).toBe(1);
    expect(r.x[1]).toBe(-2);
    expect(r.x[2]).toBeCloseTo(0.5, 6);
    expect(r.value).toBeCloseTo(13, 8);
  });

  test('Rosenbrock on [−2, 2]²: (1, 1) to 1e-3 from the classic start (−1.2, 1)', () => {
    const r = minimizeWithGradient(
      withGradient(
        ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
      ),
      { lower: [-2, -2], upper: [2, 2] },
      [-1.2, 1],
    );
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-3);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-3);
  });

  test('every point evaluated lies inside the box; a zero-width bound keeps its parameter fixed', () => {
    const seen: number[][] = [];
    const r = minimizeWithGradient(
      (x, g) => {
        seen.push([...x]);
        if (g) {
          g[0] = 2 * (x[0] - 3);
          g[1] = 2 * (x[1] - 0.25);
        }
        return (x[0] - 3) ** 2 + (x[1] - 0.25) ** 2;
      },
      { lower: [2, 0], upper: [2, 1] },
      [2, 0.9],
    );
    expect(r.x[0]).toBe(2);
    expect(r.x[1]).toBeCloseTo(0.25, 6);
    for (const [a, b] of seen) {
      expect(a).toBe(2);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(1);
    }
  });

  test('a start in the basin of a local minimum does not decide the result (the lattice seeds another descent)', () => {
    // In x: a local minimum 0.05 at 0.8 and the global one 0 at the bound 0 (slope 2 there); y is a plain bowl.
    const f = ([x, y]: readonly number[]) => Math.min(0.05 + (x - 0.8) ** 2, 2 * x) + (y - 0.5) ** 2;
    const grad = ([x, y]: readonly number[]) => [0.05 + (x - 0.8) ** 2 < 2 * x ? 2 * (x - 0.8) : 2, 2 * (y - 0.5)];
    const r = minimizeWithGradient(withGradient(f, grad), { lower: [0, 0], upper: [1, 1] }, [0.75, 0.5]);
    expect(r.x[0]).toBe(0);
    expect(r.value).toBeCloseTo(0, 8);
  });

  test('deterministic, and the value returned is the objective at x', () => {
    const f = ([x, y]: readonly number[]) => Math.cos(3 * x) * Math.sin(2 * y) + x * y;
    const grad = ([x, y]: readonly number[]) => [-3 * Math.sin(3 * x) * Math.sin(2 * y) + y, 2 * Math.cos(3 * x) * Math.cos(2 * y) + x];
    const a = minimizeWithGradient(withGradient(f, grad), { lower: [0, 0], upper: [2, 2] }, [1, 1]);
    expect(minimizeWithGradient(withGradient(f, grad), { lower: [0, 0], upper: [2, 2] }, [1, 1])).toEqual(a);
    expect(a.value).toBe(f(a.x));
  });

  test('bounds and start of different lengths are API misuse and throw', () => {
    expect(() => minimizeWithGradient(() => 0, { lower: [0, 0], upper: [1] }, [0, 0])).toThrow();
    expect(() => minimizeWithGradient(() => 0, { lower: [0], upper: [1] }, [0, 0])).toThrow();
  });
});

/** Demand-like series for comparing two ways of computing the same search: trends, seasons, zeros, spikes. */
function demandSeries(count: number): number[][] {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const out: number[][] = [];
  for (let s = 0; s < count; s++) {
    const n = 3 + (s % 22);
    const base = 1 + 60 * next();
    const slope = (next() - 0.5) * 6;
    const zeros = s % 5 === 0 ? 0.6 : 0.05;
    const y: number[] = [];
    for (let t = 0; t < n; t++) {
      const season = 1 + 0.5 * Math.sin((2 * Math.PI * t) / 12 + s);
      const v = next() < zeros ? 0 : Math.max(0, Math.round((base + slope * t) * season * (0.6 + 0.8 * next())));
      y.push(s % 7 === 3 && t === n - 2 ? v * 9 : v);
    }
    out.push(y);
  }
  out.push([5, 5, 5, 5, 5, 5], [0, 0, 0, 0, 0], [1, 2, 3, 4, 5, 6, 7, 8]);
  return out;
}

describe('the three-parameter paths (Holt damped) compute what the general ones do', () => {
  const BOUNDS = { lower: [0.0001, 0.0001, 0.8], upper: [0.9999, 0.9999, 0.98] };
  const START = [0.2, 0.1, 0.9];
  const SERIES = demandSeries(120);

  test('the unrolled descent (Descent.run3) takes the steps of the general descent: the same point, value and evaluations', () => {
    let differentEnds = 0;
    for (const y of SERIES) {
      const init = initialTrend(y, 10);
      const v = Float64Array.from(y);
      const fast = minimizeWithGradient(holtObjective(v, init.level, init.trend), BOUNDS, START, holtLattice(v, init.level, init.trend));
      const general = minimizeWithGradient(holtObjective(v, init.level, init.trend), BOUNDS, START, holtLattice(v, init.level, init.trend), true);
      expect(fast).toEqual(general);
      if (fast.x.some((x, i) => x !== START[i])) differentEnds++;
    }
    expect(differentEnds).toBeGreaterThan(SERIES.length / 2);
  });

  test('the unrolled descent with a fixed parameter (equal bounds) and one driven to a bound, as the general one', () => {
    const f = ([a, b, c]: readonly number[]) => (a - 0.3) ** 2 + 2 * (b + 0.4) ** 2 + (c - 0.5) ** 2 + a * b / 2;
    const grad = ([a, b, c]: readonly number[]) => [2 * (a - 0.3) + b / 2, 4 * (b + 0.4) + a / 2, 2 * (c - 0.5)];
    const bounds = { lower: [0, 0, 0.7], upper: [1, 1, 0.7] };
    const fast = minimizeWithGradient(withGradient(f, grad), bounds, [0.9, 0.9, 0.7]);
    expect(fast).toEqual(minimizeWithGradient(withGradient(f, grad), bounds, [0.9, 0.9, 0.7], undefined, true));
    expect(fast.x[1]).toBe(0);
    expect(fast.x[2]).toBe(0.7);
    expect(fast.x[0]).toBeCloseTo(0.3, 6);
  });

  test('the lattice summed three points at a time has the lowest point of every point summed in full', () => {
    const points = new Float64Array(27 * 3);
    for (let k = 0; k < 27; k++)
      for (let i = 0; i < 3; i++) points[3 * k + i] = BOUNDS.lower[i] + (BOUNDS.upper[i] - BOUNDS.lower[i]) * [0, 0.5, 1][Math.floor(k / 3 ** i) % 3];
    const lowestOf = (values: ArrayLike<number>) => {
      let k = 0;
      for (let j = 1; j < values.length; j++) if (values[j] < values[k]) k = j;
      return k;
    };
    const seen = new Set<number>();
    for (const y of SERIES) {
      const init = initialTrend(y, 10);
      const v = Float64Array.from(y);
      const out = new Float64Array(27);
      holtLattice(v, init.level, init.trend)(points, out);
      const full = Array.from({ length: 27 }, (_, k) => holtSse(v, points[3 * k], points[3 * k + 1], points[3 * k + 2], init.level, init.trend, null));
      const k = lowestOf(full);
      expect(lowestOf(out)).toBe(k);
      expect(out[k]).toBe(full[k]);
      seen.add(k);
    }
    // The series do not all share one lowest point.
    expect(seen.size).toBeGreaterThan(3);
  });
});

describe('the SSE gradients carried along the recursions (forward mode) match central differences', () => {
  const series = Float64Array.from([12, 15, 9, 20, 18, 25, 22, 30, 0, 27, 33, 31, 40, 38]);
  const central = (f: (p: number[]) => number, p: number[], i: number) => {
    const h = 1e-6;
    const up = [...p];
    const down = [...p];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  };

  test.each([
    [0.3, 0.2, 0.9],
    [0.05, 0.7, 0.82],
    [0.9, 0.01, 0.97],
  ])('holtSse at (α, β*, φ) = (%p, %p, %p)', (a, b, p) => {
    const g = new Float64Array(3);
    const value = holtSse(series, a, b, p, 10, 1.5, g);
    const f = (x: number[]) => holtSse(series, x[0], x[1], x[2], 10, 1.5, null);
    expect(value).toBeCloseTo(f([a, b, p]), 9);
    for (let i = 0; i < 3; i++) expect(g[i]).toBeCloseTo(central(f, [a, b, p], i), 3);
  });

  test.each([
    [0.1, 0.1],
    [0.45, 0.02],
    [0.02, 0.4],
  ])('tsbSse at (α, β) = (%p, %p)', (a, b) => {
    const intermittent = Float64Array.from([0, 3, 0, 0, 4, 0, 3, 0, 0, 0, 5, 0, 4, 0, 0, 3]);
    const g = new Float64Array(2);
    tsbSse(intermittent, a, b, 0.4, 3.6, g);
    const f = (x: number[]) => tsbSse(intermittent, x[0], x[1], 0.4, 3.6, null);
    for (let i = 0; i < 2; i++) expect(g[i]).toBeCloseTo(central(f, [a, b], i), 5);
  });
});
