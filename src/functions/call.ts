/**
 * Evaluates a LUMIVE function definition on host arguments: checks arity, coerces every cell through its
 * parameter, broadcasts ranges and collects one result per cell. Hosts differ only in how they pass
 * cells in and show results and errors (functions.ts for Excel, hyperformula-plugin.ts in tests,
 * the formula evaluator of the CLI).
 */
import { isCalcError } from '../engine';
import { Arg, boundsOf, broadcastShape, Cell, checkArity, coerceCell, Coerced, coerceSlow, Grid, isGrid, Param, Result, shapeOf } from './args';

/** A function applied cell by cell; `fn` receives coerced values in parameter order. */
export interface ElementwiseDef {
  readonly id: string;
  readonly kind: 'elementwise';
  readonly params: readonly Param[];
  // Parameter types differ per function; the argument layer guarantees what each receives.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly fn: (...values: any[]) => Result;
}

/** A function over whole ranges (ABC over a list, XYZ over history rows): it shapes its own result. */
export interface RangeDef {
  readonly id: string;
  readonly kind: 'range';
  readonly params: readonly Param[];
  readonly run: (args: readonly Arg[]) => Result[][];
  /**
   * Rows × columns of the result from the first argument's size and, where the size depends on a value
   * (FORECAST's horizon), from the arguments written as constants: `constant(i)` is argument i when the
   * formula spells it out, else undefined. Hosts that size spills before evaluating need it; Excel does not.
   */
  readonly resultSize: (rows: number, cols: number, constant: (index: number) => Cell) => [number, number];
}

export type FunctionDef = ElementwiseDef | RangeDef;

/**
 * Runs a definition. Returns a grid of results (1×1 for scalar arguments), each passed through `map`
 * (hosts convert results to their own cell values in the same pass); throws `ArgumentError` when the
 * call as a whole cannot be evaluated (wrong number of arguments, ranges of different sizes).
 */
export function callFunction<T = Result>(def: FunctionDef, args: readonly Arg[], map?: (value: Result) => T): T[][] {
  checkArity(def.id, args, def.params);
  const convert = map ?? (identity as (value: Result) => T);
  if (def.kind === 'range') return def.run(args).map((row) => row.map(convert));
  const params = def.params;
  const n = params.length;
  const values: Coerced[] = new Array(n);
  if (args.every(isSingle)) {
    // Omitted trailing arguments read as undefined: blank, so optional ones take their defaults.
    for (let i = 0; i < n; i++) {
      const v = coerceCell(single(args[i]), params[i]);
      if (isCalcError(v)) return [[convert(v)]];
      values[i] = v;
    }
    return [[convert(applyFn(def.fn, values, n))]];
  }
  const full: Arg[] = new Array(n);
  for (let i = 0; i < n; i++) full[i] = args[i];
  const [rows, cols] = broadcastShape(full, params);
  return evaluateRanges(def, full, rows, cols, values, convert);
}

function identity(value: Result): Result {
  return value;
}

function isSingle(arg: Arg): boolean {
  return !isGrid(arg) || (arg.length === 1 && arg[0].length === 1);
}

function single(arg: Arg): Cell {
  return isGrid(arg) ? arg[0][0] : arg;
}

/** How an argument is read after broadcasting: one value, down a column, across a row, or both. */
const SCALAR = 0;
const COLUMN = 1;
const ROW = 2;
const FULL = 3;

/**
 * The range loop. Per-argument access modes and per-parameter bounds are plain arrays, so the path
 * for an in-domain number is a few comparisons with no closure or allocation per cell.
 */
function evaluateRanges<T>(
  def: ElementwiseDef,
  args: readonly Arg[],
  rows: number,
  cols: number,
  values: Coerced[],
  convert: (value: Result) => T,
): T[][] {
  const params = def.params;
  const n = params.length;
  const mode = new Int8Array(n);
  const scalar: Cell[] = new Array(n);
  const loOpen = new Float64Array(n);
  const loClosed = new Float64Array(n);
  const hiClosed = new Float64Array(n);
  const hiOpen = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = args[i];
    const [r, c] = shapeOf(a);
    mode[i] = r === 1 && c === 1 ? SCALAR : c === 1 ? COLUMN : r === 1 ? ROW : FULL;
    scalar[i] = r === 1 && c === 1 ? single(a) : undefined;
    const p = params[i];
    // Choice parameters always take the slow path (NaN bounds fail every comparison).
    const b = p.type === 'number' ? boundsOf(p) : { loOpen: NaN, loClosed: NaN, hiClosed: NaN, hiOpen: NaN };
    loOpen[i] = b.loOpen;
    loClosed[i] = b.loClosed;
    hiClosed[i] = b.hiClosed;
    hiOpen[i] = b.hiOpen;
  }
  const fn = def.fn;
  const out: T[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: T[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let error: Result | undefined;
      for (let i = 0; i < n; i++) {
        const m = mode[i];
        const a = args[i] as Grid;
        const x = m === SCALAR ? scalar[i] : m === COLUMN ? a[r][0] : m === ROW ? a[0][c] : a[r][c];
        if (typeof x === 'number' && x > loOpen[i] && x < hiOpen[i] && x >= loClosed[i] && x <= hiClosed[i]) {
          values[i] = x;
          continue;
        }
        const v = coerceSlow(x, params[i]);
        if (isCalcError(v)) {
          error = v;
          break;
        }
        values[i] = v;
      }
      row[c] = convert(error === undefined ? applyFn(fn, values, n) : error);
    }
    out[r] = row;
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function applyFn(fn: (...values: any[]) => Result, v: Coerced[], n: number): Result {
  switch (n) {
    case 1:
      return fn(v[0]);
    case 2:
      return fn(v[0], v[1]);
    case 3:
      return fn(v[0], v[1], v[2]);
    case 4:
      return fn(v[0], v[1], v[2], v[3]);
    case 5:
      return fn(v[0], v[1], v[2], v[3], v[4]);
    default:
      // eslint-disable-next-line prefer-spread
      return fn.apply(null, v);
  }
}
