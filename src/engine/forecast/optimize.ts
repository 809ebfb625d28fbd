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
 * Conventions: a simplex stops when the spread of its values falls below the tolerance
 * 1e-10 × (1 + |best|) (absolute) or the evaluations run out; a descent stops when a restart gains no
 * more than that tolerance. Returns the best point seen.
 */
export interface Bounds {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

interface Vertex {
  u: number[];
  y: number;
}

/** Side of a fresh simplex in u (radians): from the centre, about a quarter of the box. */
const STEP = 0.5;
/** Fractions of each range that make the lattice of extra starts. */
const LATTICE = [0, 0.5, 1] as const;
/** Lattice points a further descent starts from, best first. */
const EXTRA_STARTS = 1;

const tolerance = (y: number) => 1e-10 * (1 + Math.abs(y));

export function minimize(f: (x: readonly number[]) => number, bounds: Bounds, start?: readonly number[], maxEvaluations?: number): Minimum {
  const n = bounds.lower.length;
  if (bounds.upper.length !== n || n === 0) throw new Error('minimize: bounds need one lower and one upper limit per parameter');
  const limit = maxEvaluations ?? 1000 * n;
  const { lower, upper } = bounds;
  const toX = (u: readonly number[]): number[] => u.map((v, i) => Math.min(upper[i], Math.max(lower[i], lower[i] + ((upper[i] - lower[i]) * (Math.sin(v) + 1)) / 2)));
  const toU = (x: readonly number[]): number[] =>
    x.map((v, i) => {
      const span = upper[i] - lower[i];
      const s = span > 0 && Number.isFinite(v) ? (2 * (v - lower[i])) / span - 1 : -1;
      return Math.asin(Math.min(1, Math.max(-1, s)));
    });
  let evaluations = 0;
  const value = (u: number[]): number => {
    if (evaluations >= limit) return Number.MAX_VALUE; // the budget is spent: no more calls
    evaluations++;
    const y = f(toX(u));
    return Number.isFinite(y) ? y : Number.MAX_VALUE;
  };

  /** One Nelder–Mead simplex from `from`, until it is flat or the evaluations run out. */
  const simplexSearch = (from: Vertex): Vertex => {
    const simplex: Vertex[] = [from];
    for (let i = 0; i < n; i++) {
      const u = [...from.u];
      u[i] += u[i] <= 0 ? STEP : -STEP; // towards the centre of the box
      simplex.push({ u, y: value(u) });
    }
    while (evaluations < limit) {
      simplex.sort((a, b) => a.y - b.y);
      const best = simplex[0];
      const worst = simplex[n];
      if (Math.abs(worst.y - best.y) <= tolerance(best.y)) break;
      const centroid = new Array<number>(n).fill(0);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] += simplex[j].u[i] / n;
      const along = (t: number) => centroid.map((c, i) => c + t * (c - worst.u[i]));

      const ur = along(1);
      const yr = value(ur);
      if (yr < best.y) {
        const ue = along(2);
        const ye = value(ue);
        simplex[n] = ye < yr ? { u: ue, y: ye } : { u: ur, y: yr };
      } else if (yr < simplex[n - 1].y) {
        simplex[n] = { u: ur, y: yr };
      } else {
        const uc = yr < worst.y ? along(0.5) : along(-0.5);
        const yc = value(uc);
        if (yc < Math.min(yr, worst.y)) simplex[n] = { u: uc, y: yc };
        else {
          for (let j = 1; j <= n; j++) {
            const us = simplex[j].u.map((v, i) => best.u[i] + 0.5 * (v - best.u[i]));
            simplex[j] = { u: us, y: value(us) };
          }
        }
      }
    }
    simplex.sort((a, b) => a.y - b.y);
    return simplex[0];
  };

  /** Simplex searches from `from`, restarted around each end point until a restart gains nothing. */
  const descend = (from: Vertex): Vertex => {
    let best = from;
    while (evaluations < limit) {
      const next = simplexSearch(best);
      const gained = best.y - next.y;
      if (next.y <= best.y) best = next;
      if (gained <= tolerance(best.y)) break;
    }
    return best;
  };

  const u0 = toU(start ?? lower.map((lo, i) => (lo + upper[i]) / 2));
  const first: Vertex = { u: u0, y: value(u0) };
  const lattice: Vertex[] = [];
  for (let k = 0; k < LATTICE.length ** n; k++) {
    const u = toU(lower.map((lo, i) => lo + (upper[i] - lo) * LATTICE[Math.floor(k / LATTICE.length ** i) % LATTICE.length]));
    lattice.push({ u, y: value(u) });
  }
  lattice.sort((a, b) => a.y - b.y);
  let best = descend(first);
  for (const seed of lattice.slice(0, EXTRA_STARTS)) {
    if (evaluations >= limit) break;
    const end = descend(seed);
    if (end.y < best.y) best = end;
  }
  return { x: toX(best.u), value: best.y, evaluations };
}
