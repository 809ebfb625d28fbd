/**
 * Bounded minimization for fitting smoothing parameters: the Nelder–Mead simplex method (Nelder, J. A.
 * & Mead, R. 1965, "A simplex method for function minimization", The Computer Journal 7(4), 308–313)
 * with the standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½).
 *
 * Bounds by a change of variable, as MINUIT does (James, F. & Roos, M. 1975, "MINUIT — a system for
 * function minimization and analysis of the parameter errors and correlations", Computer Physics
 * Communications 10(6), 343–367; the MINUIT manual, "Parameter limits"): the simplex moves freely in u
 * and the objective sees x = lower + (upper − lower)·(sin u + 1)/2, always inside the box and able to
 * reach either bound. (Clamping trial points into the box instead squeezes a simplex that meets a bound
 * flat against it, and a flat simplex stops short of the minimum.)
 *
 * Restarts and several starts: each descent is restarted with a fresh simplex around the point it
 * claims until a restart gains nothing (Press et al., "Numerical Recipes", 3rd ed., §10.5). One descent
 * runs from the given start and one from the best point of the lattice {lower, centre, upper}ⁿ (3ⁿ
 * points: a smoothing constant's best value is often at a bound), and the better end point wins, so a
 * start in the basin of a local minimum does not decide the fit.
 *
 * Deterministic: the start is the box centre unless given. Cost: at most `maxEvaluations` calls of the
 * objective (default 1,000 per parameter; the 1–3 smoothing constants fitted here take a few hundred).
 * The tests compare it with a fine grid.
 *
 * Speed (the analysis fits several models for each of 100,000 positions): the search keeps its simplex
 * in typed arrays and allocates nothing per step; `search` hands the objective one reused Float64Array
 * (the methods' SSE loops read it and keep nothing), `minimize` a fresh array per call as before. Both
 * take the same steps in the same order, so they return the same point.
 *
 * Conventions: a simplex stops when the spread of its values falls below the tolerance
 * 1e-10 × (1 + |best|) (absolute) or the evaluations run out; a descent stops when a restart gains no
 * more than that tolerance. Returns the best point seen.
 */
export interface Bounds {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** How hard `search` looks; the defaults are `minimize`'s. */
export interface SearchOptions {
  readonly maxEvaluations?: number;
  /** Relative tolerance on function values: a simplex stops when its spread is within tolerance·(1 + |best|). */
  readonly tolerance?: number;
  /** Also descend from the best point of the lattice {lower, centre, upper}ⁿ. */
  readonly lattice?: boolean;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/** An objective over a reused vector: it must not keep `x` after it returns. */
export type Objective = (x: Float64Array) => number;

/** Side of a fresh simplex in u (radians): from the centre, about a quarter of the box. */
const STEP = 0.5;
/** Fractions of each range that make the lattice of extra starts. */
const LATTICE = [0, 0.5, 1] as const;
/** Relative tolerance on function values (see the file comment). */
const TOLERANCE = 1e-10;

/** The state of one bounded Nelder–Mead search; vertices live in typed arrays, nothing is allocated per step. */
class Search {
  evaluations = 0;
  private readonly x: Float64Array;
  /** Vertices of the simplex, (n + 1) × n, and their values; `order` sorts them best first. */
  private readonly U: Float64Array;
  private readonly Y: Float64Array;
  private readonly order: Int32Array;
  private readonly centroid: Float64Array;
  private readonly trial: Float64Array;
  private readonly expanded: Float64Array;
  private readonly best: Float64Array;
  private readonly next: Float64Array;

  constructor(
    private readonly f: Objective,
    private readonly n: number,
    private readonly lower: readonly number[],
    private readonly upper: readonly number[],
    readonly limit: number,
    private readonly tolerance: number,
  ) {
    this.x = new Float64Array(n);
    this.U = new Float64Array((n + 1) * n);
    this.Y = new Float64Array(n + 1);
    this.order = new Int32Array(n + 1);
    this.centroid = new Float64Array(n);
    this.trial = new Float64Array(n);
    this.expanded = new Float64Array(n);
    this.best = new Float64Array(n);
    this.next = new Float64Array(n);
  }

  /** x = lower + (upper − lower)·(sin u + 1)/2, inside the box. */
  toX(u: Float64Array, off: number, out: Float64Array | number[]): void {
    const { lower, upper } = this;
    for (let i = 0; i < this.n; i++) out[i] = Math.min(upper[i], Math.max(lower[i], lower[i] + ((upper[i] - lower[i]) * (Math.sin(u[off + i]) + 1)) / 2));
  }

  /** The inverse change of variable (a point outside the box goes to its nearest bound). */
  toU(x: readonly number[] | Float64Array, out: Float64Array): void {
    const { lower, upper } = this;
    for (let i = 0; i < this.n; i++) {
      const span = upper[i] - lower[i];
      const v = x[i];
      const s = span > 0 && Number.isFinite(v) ? (2 * (v - lower[i])) / span - 1 : -1;
      out[i] = Math.asin(Math.min(1, Math.max(-1, s)));
    }
  }

  value(u: Float64Array, off: number): number {
    if (this.evaluations >= this.limit) return Number.MAX_VALUE; // the budget is spent: no more calls
    this.evaluations++;
    this.toX(u, off, this.x);
    const y = this.f(this.x);
    return Number.isFinite(y) ? y : Number.MAX_VALUE;
  }

  /** Stable insertion sort of the vertex indices by value (as Array.prototype.sort, which is stable). */
  private sort(): void {
    const { order, Y } = this;
    for (let i = 1; i <= this.n; i++) {
      const k = order[i];
      const y = Y[k];
      let j = i - 1;
      while (j >= 0 && Y[order[j]] > y) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
  }

  /** c + t·(c − worst), into `out`. */
  private along(t: number, worst: number, out: Float64Array): void {
    const { centroid, U, n } = this;
    for (let i = 0; i < n; i++) out[i] = centroid[i] + t * (centroid[i] - U[worst + i]);
  }

  private take(slot: number, from: Float64Array, y: number): void {
    const off = slot * this.n;
    for (let i = 0; i < this.n; i++) this.U[off + i] = from[i];
    this.Y[slot] = y;
  }

  /** One Nelder–Mead simplex from (from, y), until it is flat or the evaluations run out; its best vertex goes to `out`. */
  private simplex(from: Float64Array, y: number, out: Float64Array): number {
    const { n, U, Y, order, centroid } = this;
    for (let i = 0; i < n; i++) U[i] = from[i];
    Y[0] = y;
    order[0] = 0;
    for (let j = 1; j <= n; j++) {
      const off = j * n;
      for (let i = 0; i < n; i++) U[off + i] = from[i];
      const k = off + j - 1;
      U[k] += U[k] <= 0 ? STEP : -STEP; // towards the centre of the box
      Y[j] = this.value(U, off);
      order[j] = j;
    }
    while (this.evaluations < this.limit) {
      this.sort();
      const b = order[0];
      const w = order[n];
      const yb = Y[b];
      const yw = Y[w];
      if (Math.abs(yw - yb) <= this.tolerance * (1 + Math.abs(yb))) break;
      centroid.fill(0);
      for (let j = 0; j < n; j++) {
        const off = order[j] * n;
        for (let i = 0; i < n; i++) centroid[i] += U[off + i] / n;
      }
      const wo = w * n;
      this.along(1, wo, this.trial);
      const yr = this.value(this.trial, 0);
      if (yr < yb) {
        this.along(2, wo, this.expanded);
        const ye = this.value(this.expanded, 0);
        if (ye < yr) this.take(w, this.expanded, ye);
        else this.take(w, this.trial, yr);
      } else if (yr < Y[order[n - 1]]) {
        this.take(w, this.trial, yr);
      } else {
        this.along(yr < yw ? 0.5 : -0.5, wo, this.expanded);
        const yc = this.value(this.expanded, 0);
        if (yc < Math.min(yr, yw)) this.take(w, this.expanded, yc);
        else {
          const bo = b * n;
          for (let j = 1; j <= n; j++) {
            const off = order[j] * n;
            for (let i = 0; i < n; i++) U[off + i] = U[bo + i] + 0.5 * (U[off + i] - U[bo + i]);
            Y[order[j]] = this.value(U, off);
          }
        }
      }
    }
    this.sort();
    const off = order[0] * n;
    for (let i = 0; i < n; i++) out[i] = U[off + i];
    return Y[order[0]];
  }

  /** Simplex searches from (from, y), restarted around each end point until a restart gains nothing; the end point goes to `out`. */
  descend(from: Float64Array, y: number, out: Float64Array): number {
    const { best, next, n } = this;
    let by = y;
    for (let i = 0; i < n; i++) best[i] = from[i];
    while (this.evaluations < this.limit) {
      const ny = this.simplex(best, by, next);
      const gained = by - ny;
      if (ny <= by) {
        by = ny;
        for (let i = 0; i < n; i++) best[i] = next[i];
      }
      if (gained <= this.tolerance * (1 + Math.abs(by))) break;
    }
    for (let i = 0; i < n; i++) out[i] = best[i];
    return by;
  }
}

/**
 * The search itself: `f` gets a reused Float64Array (see Objective). One descent from `start` (the box
 * centre by default) and one from the best point of the lattice {lower, centre, upper}ⁿ.
 */
export function search(f: Objective, bounds: Bounds, start?: readonly number[], options: SearchOptions = {}): Minimum {
  const n = bounds.lower.length;
  if (bounds.upper.length !== n || n === 0) throw new Error('minimize: bounds need one lower and one upper limit per parameter');
  const { lower, upper } = bounds;
  const s = new Search(f, n, lower, upper, options.maxEvaluations ?? 1000 * n, options.tolerance ?? TOLERANCE);
  const u0 = new Float64Array(n);
  const x = new Array<number>(n);
  if (start) s.toU(start, u0);
  else {
    for (let i = 0; i < n; i++) x[i] = (lower[i] + upper[i]) / 2;
    s.toU(x, u0);
  }
  const y0 = s.value(u0, 0);
  // The lattice, in order; the first of the smallest values seeds the second descent (a stable sort's first).
  const seed = new Float64Array(n);
  const u = new Float64Array(n);
  let seedY = Infinity;
  const points = options.lattice === false ? 0 : LATTICE.length ** n;
  for (let k = 0; k < points; k++) {
    for (let i = 0; i < n; i++) x[i] = lower[i] + (upper[i] - lower[i]) * LATTICE[Math.floor(k / LATTICE.length ** i) % LATTICE.length];
    s.toU(x, u);
    const y = s.value(u, 0);
    if (k === 0 || y < seedY) {
      seedY = y;
      seed.set(u);
    }
  }
  const best = new Float64Array(n);
  let value = s.descend(u0, y0, best);
  if (points > 0 && s.evaluations < s.limit) {
    const end = new Float64Array(n);
    const y = s.descend(seed, seedY, end);
    if (y < value) {
      value = y;
      best.set(end);
    }
  }
  const out = new Array<number>(n);
  s.toX(best, 0, out);
  return { x: out, value, evaluations: s.evaluations };
}

/** Bounded minimization of `f` (see the file comment); `f` gets a fresh array on each call. */
export function minimize(f: (x: readonly number[]) => number, bounds: Bounds, start?: readonly number[], maxEvaluations?: number): Minimum {
  return search((x) => f(Array.from(x)), bounds, start, { maxEvaluations });
}
