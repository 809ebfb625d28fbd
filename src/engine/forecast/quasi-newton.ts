/**
 * Bounded minimization with the gradient: a projected quasi-Newton method (BFGS on the parameters off
 * their bounds, steps projected back into the box), for the smoothing methods with 2–3 parameters whose
 * SSE and its gradient one pass of the recursion gives (holt-damped.ts, tsb.ts: the derivatives of the
 * states are carried along the recursion, "forward mode").
 *
 * References: Bertsekas, D. P. (1982), "Projected Newton methods for optimization problems with simple
 * constraints", SIAM Journal on Control and Optimization 20(2), 221–246 (the active set: a parameter at a
 * bound whose gradient pushes it outwards stays there; the Armijo rule along the projection arc);
 * Nocedal, J. & Wright, S. J. (2006), "Numerical Optimization", 2nd ed., Springer, §6.1 (the BFGS update
 * of the inverse Hessian, eq. 6.17, and the first scaling, eq. 6.20).
 *
 * Starts as the Nelder–Mead search of optimize.ts: one descent from the given start and one from the
 * best point of the lattice {lower, centre, upper}ⁿ (a smoothing constant's best value is often at a
 * bound), the better end wins. The search runs in the box scaled to [0, 1]ⁿ.
 *
 * A descent stops when no parameter off its bounds has a gradient (first-order optimality on the box),
 * when an iteration gains no more than 1e-10·(1 + |f|) (as optimize.ts), or when the Armijo search
 * finds no lower point. Cost: a few tens of evaluations of value and gradient (each about twice a plain
 * SSE pass) where Nelder–Mead takes about 480 of 3 parameters.
 *
 * The lattice only has to yield its lowest point, so each of its points is summed only while it can
 * still be the lowest (an SSE only grows: a point whose partial sum exceeds the lowest value before it is
 * left there), and a method may evaluate all of it in one call (Values). The lowest point, and the first
 * of equal values, are the same as with every point summed in full.
 *
 * Deterministic. Returns the best point seen.
 */
import type { Bounds, Minimum } from './optimize';

/**
 * The objective at x; when `g` is given, its gradient is written there too. Neither array may be kept.
 * `bound` (value-only calls, when given): the caller only needs the value when it is at most `bound`, so
 * an objective that sums non-negative terms may stop as soon as its partial sum exceeds it and return
 * that partial sum (anything above `bound`).
 */
export type ValueAndGradient = (x: Float64Array, g: Float64Array | null, bound?: number) => number;

/**
 * The objective, without its gradient, at each of several points (one after another in `points`, n
 * values each) into `out`, in order: the lattice in one call. As `bound` above, only the lowest value is
 * wanted, and only when it is at most `bound`, so a point may be cut short once its partial sum exceeds
 * the lowest value before it (or `bound`). (One call instead of one a point: numbers passed to and
 * returned from a call the compiler does not inline are each boxed on the heap.)
 */
export type Values = (points: Float64Array, out: Float64Array, bound?: number) => void;

const LATTICE = [0, 0.5, 1] as const;
/** Lattice points a further descent starts from, lowest first (as optimize.ts: one). */
const SEEDS = 1;
const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 200;
const MAX_HALVINGS = 40;
/** Armijo's sufficient-decrease constant (Nocedal & Wright, §3.1: 1e-4). */
const ARMIJO = 1e-4;
/** Longest first step, as a share of the scaled box, before any curvature is known. */
const FIRST_STEP = 0.1;
/** Largest ε of the ε-active set (scaled units). */
const EPSILON_ACTIVE = 1e-3;

const finite = (y: number) => (Number.isFinite(y) ? y : Number.MAX_VALUE);
/** The parameter at scaled coordinate z ∈ [0, 1] (never past the upper bound by rounding). */
const pointOf = (lower: number, span: number, z: number) => (z >= 1 ? lower + span : lower + span * z);

class Descent {
  evaluations = 0;
  fg: ValueAndGradient = () => 0;
  lower: readonly number[] = [];
  readonly span: Float64Array;
  /** The lattice {0, ½, 1}ⁿ in scaled coordinates, point after point, the same in the objective's units, and its values. */
  readonly lattice: Float64Array;
  readonly latticeX: Float64Array;
  readonly latticeY: Float64Array;
  /** The bounds latticeX was last computed for (every fit of a method has the same). */
  private readonly xLower: Float64Array;
  private readonly xUpper: Float64Array;
  private xValid = false;
  /** Scratch points: the start, a seed, the best end point. */
  readonly first: Float64Array;
  readonly seed: Float64Array;
  readonly best: Float64Array;
  private readonly x: Float64Array;
  private readonly gx: Float64Array;
  private readonly g: Float64Array;
  private readonly gn: Float64Array;
  private readonly zn: Float64Array;
  private readonly d: Float64Array;
  private readonly s: Float64Array;
  private readonly yv: Float64Array;
  private readonly hy: Float64Array;
  private readonly H: Float64Array;
  private readonly free: Uint8Array;

  constructor(private readonly n: number) {
    this.span = new Float64Array(n);
    const points = LATTICE.length ** n;
    this.lattice = new Float64Array(points * n);
    for (let k = 0; k < points; k++) for (let i = 0; i < n; i++) this.lattice[k * n + i] = LATTICE[Math.floor(k / LATTICE.length ** i) % LATTICE.length];
    this.latticeX = new Float64Array(points * n);
    this.latticeY = new Float64Array(points);
    this.xLower = new Float64Array(n);
    this.xUpper = new Float64Array(n);
    this.first = new Float64Array(n);
    this.seed = new Float64Array(n);
    this.best = new Float64Array(n);
    this.x = new Float64Array(n);
    this.gx = new Float64Array(n);
    this.g = new Float64Array(n);
    this.gn = new Float64Array(n);
    this.zn = new Float64Array(n);
    this.d = new Float64Array(n);
    this.s = new Float64Array(n);
    this.yv = new Float64Array(n);
    this.hy = new Float64Array(n);
    this.H = new Float64Array(n * n);
    this.free = new Uint8Array(n);
  }

  /** Whether latticeX already holds the lattice in the units of these bounds; if not, they are noted for next time. */
  latticeOf(lower: readonly number[], upper: readonly number[]): boolean {
    const { xLower, xUpper, n } = this;
    let same = this.xValid;
    for (let i = 0; i < n; i++) {
      if (xLower[i] !== lower[i] || xUpper[i] !== upper[i]) same = false;
      xLower[i] = lower[i];
      xUpper[i] = upper[i];
    }
    this.xValid = true;
    return same;
  }

  /** The objective at scaled point z; with `g`, its gradient in scaled coordinates; `bound` as ValueAndGradient's. */
  value(z: Float64Array, g: Float64Array | null, bound = Infinity): number {
    const { x, n, lower, span } = this;
    for (let i = 0; i < n; i++) x[i] = pointOf(lower[i], span[i], z[i]);
    this.evaluations++;
    const y = g === null ? this.fg(x, null, bound) : this.fg(x, this.gx);
    if (g !== null) for (let i = 0; i < n; i++) g[i] = this.gx[i] * span[i];
    return finite(y);
  }

  private resetH(scale: number): void {
    const { H, n } = this;
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  }

  /**
   * run() for three parameters (Holt damped's α, β*, φ), with the vectors and the 3 × 3 matrix held in
   * local variables instead of typed arrays: the same operations in the same order on every element (so
   * the same steps and the same end point), without the loops of three and their loads and stores, which
   * cost more than the objective's pass over a short series.
   */
  run3(z: Float64Array): number {
    const { x, gx, span, lower } = this;
    const s0 = span[0];
    const s1 = span[1];
    const s2 = span[2];
    const l0 = lower[0];
    const l1 = lower[1];
    const l2 = lower[2];
    const a0 = s0 > 0;
    const a1 = s1 > 0;
    const a2 = s2 > 0;
    let z0 = z[0];
    let z1 = z[1];
    let z2 = z[2];
    // value(z, g)
    x[0] = pointOf(l0, s0, z0);
    x[1] = pointOf(l1, s1, z1);
    x[2] = pointOf(l2, s2, z2);
    this.evaluations++;
    let f = finite(this.fg(x, gx));
    let g0 = gx[0] * s0;
    let g1 = gx[1] * s1;
    let g2 = gx[2] * s2;
    if (f === Number.MAX_VALUE) return f;
    let curvature = false;
    let scale = 1;
    let h00 = 1;
    let h01 = 0;
    let h02 = 0;
    let h10 = 0;
    let h11 = 1;
    let h12 = 0;
    let h20 = 0;
    let h21 = 0;
    let h22 = 1;
    for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
      let w = 0;
      if (a0) w = Math.max(w, Math.abs(Math.min(1, Math.max(0, z0 - g0)) - z0));
      if (a1) w = Math.max(w, Math.abs(Math.min(1, Math.max(0, z1 - g1)) - z1));
      if (a2) w = Math.max(w, Math.abs(Math.min(1, Math.max(0, z2 - g2)) - z2));
      if (!(w > 0)) break;
      const eps = Math.min(EPSILON_ACTIVE, w);
      const f0 = a0 && !((z0 <= eps && g0 > 0) || (z0 >= 1 - eps && g0 < 0));
      const f1 = a1 && !((z1 <= eps && g1 > 0) || (z1 >= 1 - eps && g1 < 0));
      const f2 = a2 && !((z2 <= eps && g2 > 0) || (z2 >= 1 - eps && g2 < 0));
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      if (f0) {
        if (f0) d0 -= h00 * g0;
        if (f1) d0 -= h01 * g1;
        if (f2) d0 -= h02 * g2;
      }
      if (f1) {
        if (f0) d1 -= h10 * g0;
        if (f1) d1 -= h11 * g1;
        if (f2) d1 -= h12 * g2;
      }
      if (f2) {
        if (f0) d2 -= h20 * g0;
        if (f1) d2 -= h21 * g1;
        if (f2) d2 -= h22 * g2;
      }
      let gd = 0;
      gd += g0 * d0;
      gd += g1 * d1;
      gd += g2 * d2;
      if (!(gd < 0)) {
        curvature = false;
        h00 = scale;
        h01 = 0;
        h02 = 0;
        h10 = 0;
        h11 = scale;
        h12 = 0;
        h20 = 0;
        h21 = 0;
        h22 = scale;
        d0 = f0 ? -scale * g0 : 0;
        d1 = f1 ? -scale * g1 : 0;
        d2 = f2 ? -scale * g2 : 0;
      }
      if (!f0 && a0) d0 = -g0;
      if (!f1 && a1) d1 = -g1;
      if (!f2 && a2) d2 = -g2;
      let dmax = 0;
      if (f0) dmax = Math.max(dmax, Math.abs(d0));
      if (f1) dmax = Math.max(dmax, Math.abs(d1));
      if (f2) dmax = Math.max(dmax, Math.abs(d2));
      if (!curvature && dmax > FIRST_STEP) {
        if (f0) d0 *= FIRST_STEP / dmax;
        if (f1) d1 *= FIRST_STEP / dmax;
        if (f2) d2 *= FIRST_STEP / dmax;
      }
      let t = 1;
      let fn = Number.MAX_VALUE;
      let accepted = false;
      let n0 = z0;
      let n1 = z1;
      let n2 = z2;
      for (let k = 0; k < MAX_HALVINGS; k++) {
        n0 = a0 ? Math.min(1, Math.max(0, z0 + (f0 ? t : 1) * d0)) : z0;
        n1 = a1 ? Math.min(1, Math.max(0, z1 + (f1 ? t : 1) * d1)) : z1;
        n2 = a2 ? Math.min(1, Math.max(0, z2 + (f2 ? t : 1) * d2)) : z2;
        if (n0 === z0 && n1 === z1 && n2 === z2) break;
        let decrease = 0;
        decrease += g0 * (n0 - z0);
        decrease += g1 * (n1 - z1);
        decrease += g2 * (n2 - z2);
        // value(zn, gn)
        x[0] = pointOf(l0, s0, n0);
        x[1] = pointOf(l1, s1, n1);
        x[2] = pointOf(l2, s2, n2);
        this.evaluations++;
        fn = finite(this.fg(x, gx));
        if (fn <= f + ARMIJO * decrease) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) break;
      const gn0 = gx[0] * s0;
      const gn1 = gx[1] * s1;
      const gn2 = gx[2] * s2;
      const e0 = f0 ? n0 - z0 : 0;
      const e1 = f1 ? n1 - z1 : 0;
      const e2 = f2 ? n2 - z2 : 0;
      const y0 = f0 ? gn0 - g0 : 0;
      const y1 = f1 ? gn1 - g1 : 0;
      const y2 = f2 ? gn2 - g2 : 0;
      let sy = 0;
      let yy = 0;
      let ss = 0;
      sy += e0 * y0;
      yy += y0 * y0;
      ss += e0 * e0;
      sy += e1 * y1;
      yy += y1 * y1;
      ss += e1 * e1;
      sy += e2 * y2;
      yy += y2 * y2;
      ss += e2 * e2;
      const gained = f - fn;
      z0 = n0;
      z1 = n1;
      z2 = n2;
      g0 = gn0;
      g1 = gn1;
      g2 = gn2;
      f = fn;
      if (gained <= TOLERANCE * (1 + Math.abs(f))) break;
      if (sy > 1e-10 * Math.sqrt(ss * yy)) {
        if (!curvature) {
          scale = sy / yy;
          h00 = scale;
          h01 = 0;
          h02 = 0;
          h10 = 0;
          h11 = scale;
          h12 = 0;
          h20 = 0;
          h21 = 0;
          h22 = scale;
          curvature = true;
        }
        const rho = 1 / sy;
        let yHy = 0;
        let v = 0;
        v += h00 * y0;
        v += h01 * y1;
        v += h02 * y2;
        const hy0 = v;
        yHy += y0 * v;
        v = 0;
        v += h10 * y0;
        v += h11 * y1;
        v += h12 * y2;
        const hy1 = v;
        yHy += y1 * v;
        v = 0;
        v += h20 * y0;
        v += h21 * y1;
        v += h22 * y2;
        const hy2 = v;
        yHy += y2 * v;
        const c = 1 + rho * yHy;
        h00 += rho * (c * e0 * e0 - hy0 * e0 - e0 * hy0);
        h01 += rho * (c * e0 * e1 - hy0 * e1 - e0 * hy1);
        h02 += rho * (c * e0 * e2 - hy0 * e2 - e0 * hy2);
        h10 += rho * (c * e1 * e0 - hy1 * e0 - e1 * hy0);
        h11 += rho * (c * e1 * e1 - hy1 * e1 - e1 * hy1);
        h12 += rho * (c * e1 * e2 - hy1 * e2 - e1 * hy2);
        h20 += rho * (c * e2 * e0 - hy2 * e0 - e2 * hy0);
        h21 += rho * (c * e2 * e1 - hy2 * e1 - e2 * hy1);
        h22 += rho * (c * e2 * e2 - hy2 * e2 - e2 * hy2);
      }
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    return f;
  }

  /** Descends from z (changed in place to the end point); returns the value there. */
  run(z: Float64Array): number {
    const { n, g, gn, zn, d, s, yv, hy, H, free, span } = this;
    let f = this.value(z, g);
    if (f === Number.MAX_VALUE) return f;
    let curvature = false;
    let scale = 1;
    this.resetH(1);
    for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
      // How far a projected gradient step moves: 0 at a point that is optimal on the box.
      let w = 0;
      for (let i = 0; i < n; i++) if (span[i] > 0) w = Math.max(w, Math.abs(Math.min(1, Math.max(0, z[i] - g[i])) - z[i]));
      if (!(w > 0)) break;
      // ε-active set (Bertsekas 1982): a parameter within ε of a bound its gradient pushes it to is held
      // there, so a descent does not zigzag on and off a bound.
      const eps = Math.min(EPSILON_ACTIVE, w);
      for (let i = 0; i < n; i++) free[i] = span[i] > 0 && !((z[i] <= eps && g[i] > 0) || (z[i] >= 1 - eps && g[i] < 0)) ? 1 : 0;
      let gd = 0;
      for (let i = 0; i < n; i++) {
        let di = 0;
        if (free[i]) for (let j = 0; j < n; j++) if (free[j]) di -= H[i * n + j] * g[j];
        d[i] = di;
        gd += g[i] * di;
      }
      if (!(gd < 0)) {
        // Not a descent direction: steepest descent on the free parameters, curvature forgotten.
        curvature = false;
        this.resetH(scale);
        for (let i = 0; i < n; i++) d[i] = free[i] ? -scale * g[i] : 0;
      }
      // The held parameters move to their bound (the projection does it).
      for (let i = 0; i < n; i++) if (!free[i] && span[i] > 0) d[i] = -g[i];
      let dmax = 0;
      for (let i = 0; i < n; i++) if (free[i]) dmax = Math.max(dmax, Math.abs(d[i]));
      if (!curvature && dmax > FIRST_STEP) for (let i = 0; i < n; i++) if (free[i]) d[i] *= FIRST_STEP / dmax;
      // Armijo along the projection arc z(t) = P(z + t·d).
      let t = 1;
      let fn = Number.MAX_VALUE;
      let accepted = false;
      for (let k = 0; k < MAX_HALVINGS; k++) {
        let moved = false;
        let decrease = 0;
        for (let i = 0; i < n; i++) {
          const v = span[i] > 0 ? Math.min(1, Math.max(0, z[i] + (free[i] ? t : 1) * d[i])) : z[i];
          zn[i] = v;
          if (v !== z[i]) moved = true;
          decrease += g[i] * (v - z[i]);
        }
        if (!moved) break;
        fn = this.value(zn, gn);
        if (fn <= f + ARMIJO * decrease) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) break;
      let sy = 0;
      let yy = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        // Curvature is learnt on the free parameters only.
        s[i] = free[i] ? zn[i] - z[i] : 0;
        yv[i] = free[i] ? gn[i] - g[i] : 0;
        sy += s[i] * yv[i];
        yy += yv[i] * yv[i];
        ss += s[i] * s[i];
      }
      const gained = f - fn;
      for (let i = 0; i < n; i++) {
        z[i] = zn[i];
        g[i] = gn[i];
      }
      f = fn;
      if (gained <= TOLERANCE * (1 + Math.abs(f))) break;
      // The update keeps H positive definite only when sᵀy > 0 (the curvature condition): else it is skipped.
      if (sy > 1e-10 * Math.sqrt(ss * yy)) {
        if (!curvature) {
          // Scale the identity by sᵀy / yᵀy before the first update (Nocedal & Wright eq. 6.20).
          scale = sy / yy;
          this.resetH(scale);
          curvature = true;
        }
        // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,  ρ = 1 / sᵀy   (eq. 6.17)
        const rho = 1 / sy;
        let yHy = 0;
        for (let i = 0; i < n; i++) {
          let v = 0;
          for (let j = 0; j < n; j++) v += H[i * n + j] * yv[j];
          hy[i] = v;
          yHy += yv[i] * v;
        }
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) H[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
      }
    }
    return f;
  }
}

/**
 * Minimizes `fg` over the box from `start` and from the best lattice point (see the file comment).
 * Parameters whose bounds coincide stay fixed. `values`, when given, evaluates the lattice in one call
 * (the same values as `fg` without a gradient). Three parameters take Descent.run3, the same steps as
 * the general descent; `general` makes them take the general one (the tests compare the two).
 *
 * `quick`: the lattice point is descended from only when its value is no higher than the end of the
 * descent from `start` (and the lattice is summed only that far). A descent from above that end rarely
 * ends lower: over the 113,000 Holt damped fits of the synthetic analysis of 100,000 positions, 88,000
 * seeds were above it, and 1.6% of those descents ended lower by more than 1e-9 of the value. The
 * automatic choice scores its candidates with it (forecast.ts), where only the order of held-out errors
 * counts; a model that forecasts is fitted in full.
 */
export function minimizeWithGradient(fg: ValueAndGradient, bounds: Bounds, start: readonly number[], values?: Values, general = false, quick = false): Minimum {
  const n = bounds.lower.length;
  if (bounds.upper.length !== n || n === 0 || start.length !== n) throw new Error('minimizeWithGradient: one lower and upper bound and one start value per parameter');
  const { lower, upper } = bounds;
  // One workspace per dimension, reused: a fit allocates nothing but its result (nothing here is re-entered).
  const descent = (workspaces[n] ??= new Descent(n));
  const { span, lattice, latticeX, latticeY, first, seed, best } = descent;
  descent.fg = fg;
  descent.lower = lower;
  descent.evaluations = 0;
  for (let i = 0; i < n; i++) span[i] = Math.max(0, upper[i] - lower[i]);
  for (let i = 0; i < n; i++) first[i] = span[i] > 0 ? Math.min(1, Math.max(0, (start[i] - lower[i]) / span[i])) : 0;
  const three = n === 3 && !general;
  let value = three ? descent.run3(first) : descent.run(first);
  for (let i = 0; i < n; i++) best[i] = first[i];
  const points = latticeY.length;
  // Only the lowest lattice point is needed (SEEDS = 1): a point is evaluated only as far as it can still
  // be the lowest, i.e. with the lowest value so far as its bound (sums of squares only grow). A point cut
  // short records a value above that bound, so it is never the lowest; the lowest, and any equal to it,
  // are evaluated in full, and the first of equal values is still the one chosen. `quick` starts the
  // bound at the end of the first descent: a lattice above it everywhere records values above it only.
  const bound = quick ? value : Infinity;
  if (values && SEEDS === 1) {
    if (!descent.latticeOf(lower, upper)) for (let k = 0; k < points * n; k++) latticeX[k] = pointOf(lower[k % n], span[k % n], lattice[k]);
    values(latticeX, latticeY, bound);
    for (let k = 0; k < points; k++) latticeY[k] = finite(latticeY[k]);
    descent.evaluations += points;
  } else {
    let lowest = bound;
    for (let k = 0; k < points; k++) {
      for (let i = 0; i < n; i++) seed[i] = lattice[k * n + i];
      const y = descent.value(seed, null, SEEDS === 1 ? lowest : Infinity);
      latticeY[k] = y;
      if (y < lowest) lowest = y;
    }
  }
  // Further descents from the SEEDS lowest lattice points (the first of equal values), lowest first.
  let last = -Infinity;
  let lastK = -1;
  for (let s = 0; s < SEEDS; s++) {
    let k = -1;
    for (let j = 0; j < points; j++) {
      const y = latticeY[j];
      if ((y > last || (y === last && j > lastK)) && (k < 0 || y < latticeY[k])) k = j;
    }
    if (k < 0 || (quick && latticeY[k] > value)) break;
    last = latticeY[k];
    lastK = k;
    for (let i = 0; i < n; i++) seed[i] = lattice[k * n + i];
    const y = three ? descent.run3(seed) : descent.run(seed);
    if (y < value) {
      value = y;
      for (let i = 0; i < n; i++) best[i] = seed[i];
    }
  }
  const x = new Array<number>(n);
  for (let i = 0; i < n; i++) x[i] = pointOf(lower[i], span[i], best[i]);
  return { x, value, evaluations: descent.evaluations };
}

const workspaces: Descent[] = [];
