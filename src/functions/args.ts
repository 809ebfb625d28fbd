/**
 * The one argument layer every LUMIVE function goes through (docs/STYLE.md §6: declare argument metadata
 * once; one wrapper checks, coerces and broadcasts, so bodies stay pure engine math).
 *
 * Hosts (Excel, HyperFormula in tests, the `lumive eval` command) hand each argument over as a single
 * cell value or a 2-D range. Element-wise functions broadcast like Excel's own lifting: every argument
 * is a 1×1 value or a range, ranges must agree in size, and a single row or column stretches across
 * the other dimension. One call over 100,000 rows returns 100,000 results.
 */
import { CalcError, closedUnit, finite, isCalcError, messages, nonNegative, openUnit, positive, valueError } from '../engine';

/** One cell as a host passes it. `null` (or `""`) is a blank cell. */
export type Cell = number | string | boolean | null | undefined | CalcError;
/** A range, row by row. */
export type Grid = Cell[][];
/** What a function returns per cell: a number, text, blank (`null`) or an error. */
export type Result = number | string | null | CalcError;
/** An argument as a host passes it: a scalar, a range, or `undefined`/`null` when omitted. */
export type Arg = Cell | Grid;

/** What a blank cell means for a numeric parameter. */
export type BlankRule =
  /** blank is 0 (quantities: no stock, no sales) */
  | 'zero'
  /** blank is the parameter's default (settings-like parameters) */
  | 'default'
  /** blank is passed on as `null` so the formula can say the value is missing (cost, price) */
  | 'missing';

export interface NumberParam {
  readonly name: string;
  readonly type: 'number';
  readonly blank: BlankRule;
  /** Used when the argument is omitted (and for `blank: 'default'`); makes the parameter optional. */
  readonly default?: number;
  /** Optional without a default: omitted reads as missing (`null`). */
  readonly optional?: boolean;
  /** The domain every value must lie in; checked here so messages name this parameter. */
  readonly rule?: Rule;
}

/** Domains a numeric parameter can require (the engine's checks, named by the function's parameter). */
export type Rule = 'any' | 'nonNegative' | 'positive' | 'openUnit' | 'closedUnit';

const RULES: Record<Rule, (x: number, name: string) => CalcError | undefined> = {
  any: finite,
  nonNegative,
  positive,
  openUnit,
  closedUnit,
};

export interface ChoiceParam {
  readonly name: string;
  readonly type: 'choice';
  readonly choices: readonly string[];
  readonly default: string;
}

export type Param = NumberParam | ChoiceParam;

/** A numeric argument after coercion: a number, `null` (missing) or the error to return. */
export type Coerced = number | string | null | CalcError;

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Each rule as bounds, so the per-cell test in a range call is four comparisons and no call:
 * a value passes when loOpen < x < hiOpen and loClosed ≤ x ≤ hiClosed (NaN fails every comparison).
 * A value that fails goes through the engine check, which gives its message.
 */
export interface Bounds {
  readonly loOpen: number;
  readonly loClosed: number;
  readonly hiClosed: number;
  readonly hiOpen: number;
}

const BOUNDS: Record<Rule, Bounds> = {
  any: { loOpen: -Infinity, loClosed: -Infinity, hiClosed: Infinity, hiOpen: Infinity },
  nonNegative: { loOpen: -Infinity, loClosed: 0, hiClosed: Infinity, hiOpen: Infinity },
  positive: { loOpen: 0, loClosed: -Infinity, hiClosed: Infinity, hiOpen: Infinity },
  openUnit: { loOpen: 0, loClosed: -Infinity, hiClosed: Infinity, hiOpen: 1 },
  closedUnit: { loOpen: -Infinity, loClosed: 0, hiClosed: 1, hiOpen: Infinity },
};

export function boundsOf(param: NumberParam): Bounds {
  return BOUNDS[param.rule ?? 'any'];
}

/** Coerce one cell for one parameter. Text that is a plain number ("12", " 3.5 ") is accepted. */
export function coerceCell(cell: Cell, param: Param): Coerced {
  if (param.type === 'choice') return coerceChoice(cell, param);
  const b = boundsOf(param);
  if (typeof cell === 'number' && cell > b.loOpen && cell < b.hiOpen && cell >= b.loClosed && cell <= b.hiClosed) return cell;
  return coerceSlow(cell, param);
}

/** Blanks, text, errors and numbers outside the parameter's domain. */
export function coerceSlow(cell: Cell, param: Param): Coerced {
  if (param.type === 'choice') return coerceChoice(cell, param);
  if (typeof cell === 'number') return checked(cell, param);
  if (cell === null || cell === undefined || cell === '') {
    if (param.blank === 'zero') return 0;
    if (param.blank === 'missing') return null;
    return param.default ?? null;
  }
  if (isCalcError(cell)) return cell;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (NUMERIC_TEXT.test(text)) return checked(Number(text), param);
    return valueError(`${messages.notANumber(param.name)}, got "${shorten(text)}"`);
  }
  return valueError(`${messages.notANumber(param.name)}, got ${String(cell).toUpperCase()}`);
}

function checked(x: number, param: NumberParam): number | CalcError {
  return RULES[param.rule ?? 'any'](x, param.name) ?? x;
}

function coerceChoice(cell: Cell, param: ChoiceParam): Coerced {
  if (cell === null || cell === undefined || cell === '') return param.default;
  if (isCalcError(cell)) return cell;
  const text = String(cell).trim().toLowerCase();
  const match = param.choices.find((c) => c.toLowerCase() === text);
  return match ?? valueError(messages.oneOf(param.name, param.choices));
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** True when the host passed a range (a 2-D array) rather than a single value. */
export function isGrid(arg: Arg): arg is Grid {
  return Array.isArray(arg);
}

/** Rows × columns of an argument; omitted and scalar arguments are 1×1. */
export function shapeOf(arg: Arg): [number, number] {
  if (!isGrid(arg)) return [1, 1];
  return [arg.length, arg.length === 0 ? 0 : arg[0].length];
}

/**
 * Thrown when arguments cannot be evaluated at all (ranges of different sizes, too few arguments).
 * It carries a CalcError so every host can show it as one error value for the whole call.
 */
export class ArgumentError extends Error {
  constructor(readonly error: CalcError) {
    super(error.message);
    this.name = 'ArgumentError';
  }
}

/** The size every range argument broadcasts to, or an ArgumentError naming the mismatch. */
export function broadcastShape(args: readonly Arg[], params: readonly Param[]): [number, number] {
  let rows = 1;
  let cols = 1;
  for (const arg of args) {
    const [r, c] = shapeOf(arg);
    if (r === 0 || c === 0) throw new ArgumentError(valueError('A range argument is empty'));
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  for (const arg of args) {
    const [r, c] = shapeOf(arg);
    if ((r !== 1 && r !== rows) || (c !== 1 && c !== cols)) {
      const sizes = args.map((a, j) => `${params[j].name} is ${shapeOf(a).join('×')}`).join(', ');
      throw new ArgumentError(valueError(`Ranges must be the same size (${sizes})`));
    }
  }
  return [rows, cols];
}

/** Cell (r, c) of an argument after broadcasting; omitted arguments read as `undefined`. */
export function cellAt(arg: Arg, r: number, c: number): Cell {
  if (!isGrid(arg)) return arg;
  const row = arg.length === 1 ? arg[0] : arg[r];
  return row.length === 1 ? row[0] : row[c];
}

/** A parameter that may be omitted: it has a default, or reads as missing when left out. */
export function isOptional(p: Param): boolean {
  return p.default !== undefined || (p.type === 'number' && p.optional === true);
}

/**
 * Checks the number of arguments: every required parameter has a place (its cell may be blank; the
 * blank rule decides), and there are no extra arguments. Omitted optional arguments may be left out
 * or passed as `null`, as Excel does.
 */
export function checkArity(id: string, args: readonly Arg[], params: readonly Param[]): void {
  const required = params.filter((p) => !isOptional(p)).length;
  if (args.length < required) {
    const missing = params.slice(args.length, required).map((p) => p.name);
    throw new ArgumentError(valueError(`${id} needs ${missing.join(', ')}`));
  }
  if (args.length > params.length) {
    throw new ArgumentError(valueError(`${id} takes at most ${params.length} arguments`));
  }
}

/** Reads a range as a flat list of cells, row by row. */
export function flatten(arg: Arg): Cell[] {
  return isGrid(arg) ? arg.flat() : [arg];
}
