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

/**
 * One template per rule, no trailing period (simple-statistics CONTRIBUTING). Every CalcError the engine
 * returns takes its message from here (test/engine/errors.test.ts checks the sources). Codes: #VALUE! for
 * an input outside the formula's domain (too few values included), #N/A for one value not available
 * (no cost, no sales), #DIV/0! for a scale of 0, #NUM! for no result.
 */
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
  atLeastValues: (name: string, n: number) => `${name} requires at least ${n} ${n === 1 ? 'value' : 'values'}`,
  wholeAtLeast: (name: string, n: number) => `${name} must be a whole number of at least ${n}`,
  wholePeriodsAtMost: (name: string, most: string) => `${name} must be a whole number of periods, at most ${most}`,
  needsAtLeast: (who: string, name: string, n: number) => `${who} needs a ${name} of at least ${n}`,
  atLeastZeroBelowOne: (name: string) => `${name} must be at least 0 and less than 1`,
  lessThan: (name: string, other: string) => `${name} must be less than ${other}`,
  ascending: (name: string) => `${name} must be ascending`,
  mustSatisfy: (name: string, rule: string) => `${name} must satisfy ${rule}`,
  notBothZero: (a: string, b: string) => `${a} and ${b} must not both be 0`,
  notIsoDate: (name: string, value: string) => `${name} must be a date written YYYY-MM-DD, not "${value}"`,
  before: (name: string, value: string, other: string, otherValue: string) => `${name} (${value}) is before ${other} (${otherValue})`,
  sameLength: (name: string, other: string, n: number, got: number) => `${name} must have as many periods as ${other} (${n}), not ${got}`,
  constant: (name: string, what: string) => `${name} never changes, so the ${what} is 0`,
  /** A rule's message with the case it applies in ("… when sold is greater than 0"). */
  when: (message: string, condition: string) => `${message} when ${condition}`,
  /** A rule's message with why it applies ("… (stockoutCost is 0, so any stock is too much)"). */
  because: (message: string, reason: string) => `${message} (${reason})`,
  noSales: () => 'No sales',
} as const;

export const valueError = (message: string): CalcError => new CalcError('#VALUE!', message);
export const naError = (message: string): CalcError => new CalcError('#N/A', message);
export const numError = (message: string): CalcError => new CalcError('#NUM!', message);
