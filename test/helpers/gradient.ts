import type { ValueAndGradient } from '../../src/engine/forecast/quasi-newton';

/** f and its gradient from a plain function of x, for the tests of the quasi-Newton search. */
export function withGradient(f: (x: readonly number[]) => number, grad: (x: readonly number[]) => number[]): ValueAndGradient {
  return (x, g) => {
    const v = [...x];
    if (g) grad(v).forEach((gi, i) => (g[i] = gi));
    return f(v);
  };
}
