/**
 * The Excel edge of the custom functions: engine CalcErrors become `CustomFunctions.Error` here and
 * nowhere else (docs/STYLE.md §5). Excel shows a custom message only with #VALUE! and #N/A, which is why the
 * engine uses those two for every error a seller needs explained.
 */
import { CalcError, ErrorCode, isCalcError } from '../engine';
import { Arg, ArgumentError, Result } from './args';
import { callFunction } from './call';
import { functionDef } from './catalog';

function codeFor(code: ErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case '#N/A':
      return CustomFunctions.ErrorCode.notAvailable;
    case '#NUM!':
      return CustomFunctions.ErrorCode.invalidNumber;
    case '#DIV/0!':
      return CustomFunctions.ErrorCode.divisionByZero;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

export function toExcelError(error: CalcError): CustomFunctions.Error {
  return new CustomFunctions.Error(codeFor(error.code), error.message);
}

/**
 * Converts results to what Excel takes, in the pass that computes them. Equal errors share one
 * CustomFunctions.Error (a range of "No sales" cells builds one error object, not thousands).
 */
function excelCells(): (value: Result) => unknown {
  let errors: Map<string, CustomFunctions.Error> | undefined;
  return (value) => {
    if (value === null) return '';
    if (!isCalcError(value)) return value;
    errors ??= new Map();
    const key = `${value.code}\u0000${value.message}`;
    let e = errors.get(key);
    if (!e) errors.set(key, (e = toExcelError(value)));
    return e;
  };
}

/**
 * Runs a LUMIVE function for Excel. A single result that is an error is thrown, so Excel shows its
 * message in the cell; errors inside a spilled array are returned in place.
 */
export function runForExcel(id: string, args: readonly Arg[]): unknown[][] {
  const def = functionDef(id);
  if (!def) throw new Error(`Unknown LUMIVE function ${id}`);
  let results: unknown[][];
  try {
    results = callFunction(def, args, excelCells());
  } catch (e) {
    if (e instanceof ArgumentError) throw toExcelError(e.error);
    throw e;
  }
  if (results.length === 1 && results[0].length === 1 && results[0][0] instanceof CustomFunctions.Error) throw results[0][0];
  return results;
}
