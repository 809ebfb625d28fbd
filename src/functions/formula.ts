/**
 * Evaluates one spreadsheet formula that uses LUMIVE functions, without a spreadsheet: numbers, text,
 * TRUE/FALSE, array constants (`{1,2;3,4}`: commas separate columns, semicolons rows), omitted
 * arguments, nested calls, + − × ÷ ^ % and parentheses, with Excel's precedence (unary minus binds
 * tighter than ^). Used by `lumive eval` and the browser preview. Cell references are not supported:
 * there is no sheet; pass ranges as array constants.
 *
 * HyperFormula evaluates the same functions in tests; it is GPL-3, so it stays out of shipped code.
 */
import { CalcError, isCalcError, valueError } from '../engine';
import { Arg, ArgumentError, broadcastShape, Cell, cellAt, Grid, isGrid, Param, Result } from './args';
import { callFunction } from './call';
import { functionDef } from './catalog';

/** A formula the evaluator cannot read: thrown with the position of the problem. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position + 1}`);
    this.name = 'FormulaSyntaxError';
  }
}

type Value = Cell | Grid;
type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) throw new FormulaSyntaxError('Unterminated text', i);
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += text[j++];
      }
      tokens.push({ kind: 'str', value: s, pos: i });
      i = j + 1;
      continue;
    }
    if ('+-*/^%(),;{}'.includes(ch)) {
      tokens.push({ kind: 'op', value: ch, pos: i });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`Unexpected "${ch}"`, i);
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }

  private expect(value: string): void {
    if (!this.isOp(value)) throw new FormulaSyntaxError(`Expected "${value}"`, this.peek().pos);
    this.i++;
  }

  parseFormula(): Value {
    const v = this.expr();
    const t = this.peek();
    if (t.kind !== 'end') throw new FormulaSyntaxError('Unexpected text after the formula', t.pos);
    return v;
  }

  private expr(): Value {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.i++] as { value: string }).value;
      left = binary(op, left, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.i++] as { value: string }).value;
      left = binary(op, left, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp('^')) {
      this.i++;
      left = binary('^', left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    if (this.isOp('-')) {
      this.i++;
      return binary('*', -1, this.unary());
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.i++;
      v = binary('/', v, 100);
    }
    return v;
  }

  private primary(): Value {
    const t = this.peek();
    if (t.kind === 'num' || t.kind === 'str') {
      this.i++;
      return t.value;
    }
    if (t.kind === 'op' && t.value === '(') {
      this.i++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.kind === 'op' && t.value === '{') return this.array();
    if (t.kind === 'name') {
      this.i++;
      const upper = t.value.toUpperCase();
      if (!this.isOp('(')) {
        if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
        throw new FormulaSyntaxError(`Unknown name ${t.value} (cell references are not supported: use {…} arrays)`, t.pos);
      }
      return this.call(t.value, t.pos);
    }
    throw new FormulaSyntaxError(t.kind === 'end' ? 'The formula ends too early' : 'Expected a value', t.pos);
  }

  private array(): Grid {
    const start = this.peek().pos;
    this.expect('{');
    const rows: Cell[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayItem());
      if (this.isOp(',')) this.i++;
      else if (this.isOp(';')) {
        this.i++;
        rows.push([]);
      } else break;
    }
    this.expect('}');
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError('Array rows must be the same length', start);
    return rows;
  }

  private arrayItem(): Cell {
    const t = this.peek();
    let sign = 1;
    if (t.kind === 'op' && (t.value === '-' || t.value === '+')) {
      sign = t.value === '-' ? -1 : 1;
      this.i++;
    }
    const v = this.peek();
    this.i++;
    if (v.kind === 'num') return sign * v.value;
    if (sign === 1 && v.kind === 'str') return v.value;
    if (sign === 1 && v.kind === 'name' && /^(TRUE|FALSE)$/i.test(v.value)) return v.value.toUpperCase() === 'TRUE';
    throw new FormulaSyntaxError('Arrays hold numbers, text or TRUE/FALSE', v.pos);
  }

  private call(name: string, pos: number): Value {
    this.expect('(');
    const args: Arg[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.isOp(',') || this.isOp(')') ? null : this.expr());
        if (!this.isOp(',')) break;
        this.i++;
      }
    }
    this.expect(')');
    return callByName(name, args, pos);
  }
}

function callByName(name: string, args: Arg[], pos: number): Value {
  const id = name.toUpperCase().replace(/^LUMIVE\./, '');
  const def = functionDef(id);
  if (!def) throw new FormulaSyntaxError(`Unknown function ${name}`, pos);
  try {
    return unwrap(callFunction(def, args));
  } catch (e) {
    if (e instanceof ArgumentError) return e.error;
    throw e;
  }
}

/** A 1×1 result reads as a single value, as a spilled range of one cell does in Excel. */
function unwrap(grid: Result[][]): Value {
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
}

const OPERAND: Param = { name: 'operand', type: 'number', blank: 'zero' };

function arithmetic(op: string, a: Cell, b: Cell): Cell {
  if (isCalcError(a)) return a;
  if (isCalcError(b)) return b;
  const x = toNumber(a);
  const y = toNumber(b);
  if (isCalcError(x)) return x;
  if (isCalcError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new CalcError('#DIV/0!', 'Division by zero') : x / y;
    default: {
      const p = x ** y;
      return Number.isFinite(p) ? p : new CalcError('#NUM!', 'The power is not a finite number');
    }
  }
}

function toNumber(c: Cell): number | CalcError {
  if (typeof c === 'number') return c;
  if (c === null || c === undefined || c === '') return 0;
  if (typeof c === 'boolean') return c ? 1 : 0;
  const n = Number(String(c).trim());
  return String(c).trim() !== '' && Number.isFinite(n) ? n : valueError(`"${String(c)}" is not a number`);
}

/** Element-wise arithmetic with the same broadcasting as function arguments. */
function binary(op: string, a: Value, b: Value): Value {
  if (!isGrid(a) && !isGrid(b)) return arithmetic(op, a, b);
  let shape: [number, number];
  try {
    shape = broadcastShape([a, b], [OPERAND, OPERAND]);
  } catch (e) {
    if (e instanceof ArgumentError) return e.error;
    throw e;
  }
  const [rows, cols] = shape;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => arithmetic(op, cellAt(a, r, c), cellAt(b, r, c))));
}

/**
 * Evaluates a formula (with or without the leading "="). Returns a single value or a grid (a spilled
 * result); error values come back as CalcError. Throws FormulaSyntaxError for text that is not a formula.
 */
export function evaluateFormula(formula: string): Value {
  const text = formula.trim().replace(/^=/, '');
  if (text === '') throw new FormulaSyntaxError('The formula is empty', 0);
  return new Parser(tokenize(text)).parseFormula();
}

/** Renders a value as a cell shows it: numbers rounded to `decimals`, errors as code and message. */
export function formatValue(value: Value, decimals = 6): string {
  if (isGrid(value)) return value.map((row) => row.map((c) => formatCell(c, decimals)).join('\t')).join('\n');
  return formatCell(value, decimals);
}

function formatCell(c: Cell, decimals: number): string {
  if (isCalcError(c)) return `${c.code} ${c.message}`;
  if (typeof c === 'number') {
    const rounded = Number(c.toFixed(decimals));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c === null || c === undefined ? '' : c;
}
