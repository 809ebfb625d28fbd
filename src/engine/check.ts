/**
 * Input checks shared by the engine formulas: validate first, one rule per line, messages from one
 * template table. Each returns a CalcError when the rule is broken and `undefined` when it holds, so a
 * formula reads `const bad = nonNegative(x, 'stock') ?? positive(d, 'periodDays'); if (bad) return bad;`.
 */
import { CalcError, messages, valueError } from './errors';

/** x is a finite number (NaN, ±Infinity and non-numbers fail). */
export function finite(x: number, name: string): CalcError | undefined {
  if (typeof x !== 'number' || Number.isNaN(x)) return valueError(messages.notANumber(name));
  if (!Number.isFinite(x)) return valueError(messages.notFinite(name));
  return undefined;
}

/** x is a finite number ≥ 0. */
export function nonNegative(x: number, name: string): CalcError | undefined {
  return finite(x, name) ?? (x < 0 ? valueError(messages.negative(name)) : undefined);
}

/** x ≥ 0, where +∞ is allowed (a DOI with stock and no sales). */
export function nonNegativeOrInfinite(x: number, name: string): CalcError | undefined {
  return x === Infinity ? undefined : nonNegative(x, name);
}

/** x is a finite number > 0. */
export function positive(x: number, name: string): CalcError | undefined {
  return finite(x, name) ?? (x <= 0 ? valueError(messages.notPositive(name)) : undefined);
}

/** 0 < p < 1. */
export function openUnit(p: number, name: string): CalcError | undefined {
  return finite(p, name) ?? (p <= 0 || p >= 1 ? valueError(messages.openUnit(name)) : undefined);
}

/** 0 ≤ p ≤ 1. */
export function closedUnit(p: number, name: string): CalcError | undefined {
  return finite(p, name) ?? (p < 0 || p > 1 ? valueError(messages.closedUnit(name)) : undefined);
}
