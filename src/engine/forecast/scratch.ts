/**
 * Reused typed arrays for the fits' SSE loops. The analysis fits several models for each of 100,000
 * positions, and each fit used to copy its series into a fresh Float64Array: one of more than 8 values
 * keeps its values outside the JavaScript heap (V8 allocates and frees that store separately), which
 * cost more than the SSE passes it fed.
 *
 * One buffer per length. Safe because the engine is single-threaded and a fit's objective never starts
 * another fit: a buffer is in use by one fit at a time, from its copy to the end of the search. A fit
 * reads it only while it searches; nothing returned to a caller may alias it.
 */

const copies: Float64Array[] = [];
/** Longer series get a fresh array: their fit costs far more than the allocation, and none is kept. */
const MAX_KEPT = 4096;

/** `series` copied into the reused buffer of its length (overwritten by the next call for that length). */
export function seriesCopy(series: ArrayLike<number>): Float64Array {
  const n = series.length;
  const y = n > MAX_KEPT ? new Float64Array(n) : (copies[n] ??= new Float64Array(n));
  for (let i = 0; i < n; i++) y[i] = series[i];
  return y;
}
