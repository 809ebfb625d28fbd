/**
 * Registers every LUMIVE function in HyperFormula, so tests evaluate `=LUMIVE.*` formulas the way a
 * spreadsheet passes them: cell references, ranges, blank cells and error cells. The plugin is a host
 * like Excel's custom-function runtime: it only converts values in and out of `callFunction`.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { CalcError, ErrorCode, isCalcError } from '../../src/engine/errors';
import { Arg, ArgumentError, Cell, Grid, isOptional, Result } from '../../src/functions/args';
import { callFunction, FunctionDef } from '../../src/functions/call';
import { FUNCTIONS, functionDef } from '../../src/functions/catalog';

const TO_HF: Record<ErrorCode, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
};

const FROM_HF: Partial<Record<ErrorType, ErrorCode>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
};

type Internal = ReturnType<SimpleRangeValue['data']['flat']>[number] | undefined;

function fromHf(v: Internal): Cell {
  if (v === undefined || v === EmptyValue) return null;
  if (v instanceof CellError) return new CalcError(FROM_HF[v.type] ?? '#VALUE!', v.message ?? String(v.type));
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val;
  return v as Cell;
}

function toHf(v: Result): Internal {
  if (v === null) return EmptyValue;
  if (isCalcError(v)) return new CellError(TO_HF[v.code], v.message);
  return v;
}

function argFromHf(v: unknown): Arg {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(fromHf)) as Grid;
  return fromHf(v as Internal);
}

const NAMESPACE = 'LUMIVE.';

function def(procedureName: string): FunctionDef {
  const found = functionDef(procedureName.slice(NAMESPACE.length));
  if (!found) throw new Error(`Not a LUMIVE function: ${procedureName}`);
  return found;
}

class LumivePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((f) => [
      NAMESPACE + f.id,
      {
        method: 'lumive',
        sizeOfResultArrayMethod: 'lumiveSize',
        vectorizationForbidden: true,
        parameters: f.params.map((p) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: isOptional(p),
        })),
      },
    ]),
  );

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  lumive(ast: any, state: any) {
    const fdef = def(ast.procedureName);
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...raw: unknown[]): never => {
      let results: Result[][];
      try {
        results = callFunction(fdef, raw.map(argFromHf));
      } catch (e) {
        if (e instanceof ArgumentError) return toHf(e.error) as never;
        throw e;
      }
      if (results.length === 1 && results[0].length === 1) return toHf(results[0][0]) as never;
      return SimpleRangeValue.onlyValues(results.map((row) => row.map(toHf)) as never) as never;
    });
  }

  /** Result size known before evaluation, as HyperFormula needs for spilled arrays. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  lumiveSize(ast: any, state: any): ArraySize {
    const fdef = def(ast.procedureName);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sizes: ArraySize[] = ast.args.map((a: any) => this.arraySizeForAst(a, state));
    let width = 1;
    let height = 1;
    if (fdef.kind === 'elementwise') {
      for (const s of sizes) {
        width = Math.max(width, s.width);
        height = Math.max(height, s.height);
      }
    } else if (sizes.length > 0) {
      [height, width] = fdef.resultSize(sizes[0].height, sizes[0].width, (i) => literal(ast.args[i]));
    }
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

/**
 * An argument spelled out in the formula as a number or text (a FORECAST horizon of 6), else undefined.
 * HyperFormula does not export its AstNodeType enum; these are its values. Like its own SEQUENCE, a size
 * that depends on a cell's value (a horizon in another cell) is unknown before evaluation: such a spill
 * only fits in a sheet when written as a constant (calculateFormula, which the tests use, is unaffected).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function literal(ast: any): Cell {
  if (ast?.type === 'NUMBER' || ast?.type === 'STRING') return ast.value;
  return undefined;
}

const translations = Object.fromEntries(FUNCTIONS.map((f) => [NAMESPACE + f.id, NAMESPACE + f.id]));
HyperFormula.registerFunctionPlugin(LumivePlugin, { enGB: translations, enUS: translations });

/** A HyperFormula instance with the LUMIVE functions, built from sheets of raw cell contents. */
export function lumiveSheets(sheets: Record<string, (string | number | boolean | null)[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', useArrayArithmetic: false, smartRounding: false });
}
