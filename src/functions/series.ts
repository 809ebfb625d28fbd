/**
 * Argument readers of the functions that take one whole series (FORECAST, MASE, SIMULATE…): a series
 * is a single row or column of periods, oldest first, and their other arguments are single values.
 * Errors are returned as values; the functions return them as the one result of the call.
 */
import { CalcError, isCalcError, messages, naError, valueError } from '../engine';
import { Arg, boundsOf, Cell, coerceCell, isGrid, NumberParam, Rule, shapeOf } from './args';

/** Periods of a series and which way the range runs (a single cell reads as a column). */
export interface Series {
  readonly values: number[];
  readonly orientation: 'column' | 'row';
}

const isBlank = (cell: Cell): boolean => cell === null || cell === undefined || cell === '';

/**
 * Reads a series: a single row or column (or one cell) of numbers. Blank cells after the last value are
 * dropped (a range selected longer than the data); a blank cell before it is a period without data:
 * #VALUE! "history[3] is blank", since a forecast cannot tell a missing month from a month of 0 sales.
 * Text is #VALUE! naming the period; an error cell is returned as it is, as Excel passes errors on.
 */
export function seriesArg(arg: Arg, name: string, rule: Rule): Series | CalcError {
  const [rows, cols] = shapeOf(arg);
  if (rows > 1 && cols > 1) return valueError(`${name} must be a single row or column, not ${rows}×${cols}`);
  const orientation = cols === 1 ? 'column' : 'row';
  const cells: Cell[] = !isGrid(arg) ? [arg] : orientation === 'column' ? arg.map((r) => r[0]) : arg[0];
  let n = cells.length;
  while (n > 0 && isBlank(cells[n - 1])) n--;
  const { loOpen, loClosed, hiClosed, hiOpen } = boundsOf({ name, type: 'number', blank: 'missing', rule });
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = cells[i];
    if (typeof x === 'number' && x > loOpen && x < hiOpen && x >= loClosed && x <= hiClosed) {
      values[i] = x;
      continue;
    }
    const period = `${name}[${i + 1}]`;
    if (isBlank(x)) return valueError(`${period} is blank`);
    const v = coerceCell(x, { name: period, type: 'number', blank: 'missing', rule });
    if (isCalcError(v)) return v;
    values[i] = v as number;
  }
  return { values, orientation };
}

/**
 * One number from an argument that must be a single cell, coerced by its parameter: a blank takes the
 * parameter's default, or is #N/A "name is missing" when it has none.
 */
export function numberArg(arg: Arg, param: NumberParam): number | CalcError {
  if (isGrid(arg) && (arg.length !== 1 || arg[0].length !== 1)) return valueError(`${param.name} must be a single value`);
  const v = coerceCell(isGrid(arg) ? arg[0][0] : arg, param);
  if (v === null) return naError(messages.missing(param.name));
  return v as number | CalcError;
}

/** Like numberArg for an optional parameter without a default: omitted or blank is `undefined`. */
export function optionalNumberArg(arg: Arg, param: NumberParam): number | undefined | CalcError {
  if (isGrid(arg) && (arg.length !== 1 || arg[0].length !== 1)) return valueError(`${param.name} must be a single value`);
  const v = coerceCell(isGrid(arg) ? arg[0][0] : arg, param);
  return v === null ? undefined : (v as number | CalcError);
}

/** One text cell (a method name); omitted or blank is ''. Errors pass through; other values are their text. */
export function textArg(arg: Arg, name: string): string | CalcError {
  if (isGrid(arg) && (arg.length !== 1 || arg[0].length !== 1)) return valueError(`${name} must be a single value`);
  const cell = isGrid(arg) ? arg[0][0] : arg;
  if (isCalcError(cell)) return cell;
  return isBlank(cell) ? '' : String(cell);
}

/** A whole-call error as the one result of a range function. */
export const errorResult = (e: CalcError): [[CalcError]] => [[e]];
