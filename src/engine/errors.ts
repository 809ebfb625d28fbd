/**
 * Domain errors are values, not exceptions (the HyperFormula convention: a closed set of codes and one
 * message template table). Engine formulas return a `CalcError` when an input is outside the formula's
 * domain; the custom-function edge turns it into `CustomFunctions.Error`, the analysis into a Data Issue.
 * API misuse (a programming error) still throws.
 */
export type ErrorCode = '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!';

export class CalcError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}

  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export function isCalcError(value: unknown): value is CalcError {
  return value instanceof CalcError;
}

/** One template per rule, no trailing period (simple-statistics CONTRIBUTING). */
export const messages = {
  notANumber: (name: string) => `${name} must be a number`,
  notFinite: (name: string) => `${name} must be a finite number`,
  negative: (name: string) => `${name} must not be negative`,
  notPositive: (name: string) => `${name} must be greater than 0`,
  notInteger: (name: string) => `${name} must be a whole number`,
  openUnit: (name: string) => `${name} must be between 0 and 1, exclusive`,
  closedUnit: (name: string) => `${name} must be between 0 and 1`,
  missing: (name: string) => `${name} is missing`,
  oneOf: (name: string, allowed: readonly string[]) => `${name} must be one of ${allowed.join(', ')}`,
  atLeastPeriods: (name: string, n: number) => `${name} requires at least ${n} ${n === 1 ? 'period' : 'periods'}`,
  noSales: () => 'No sales',
} as const;

export const valueError = (message: string): CalcError => new CalcError('#VALUE!', message);
export const naError = (message: string): CalcError => new CalcError('#N/A', message);
export const numError = (message: string): CalcError => new CalcError('#NUM!', message);
