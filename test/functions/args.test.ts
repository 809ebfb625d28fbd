/** The shared argument layer: coercion of cells, blank rules, broadcasting and arity. */
import { CalcError } from '../../src/engine/errors';
import { ArgumentError, broadcastShape, checkArity, coerceCell, NumberParam, Param } from '../../src/functions/args';
import { callFunction, ElementwiseDef } from '../../src/functions/call';

const stock: NumberParam = { name: 'stock', type: 'number', blank: 'zero', rule: 'nonNegative' };
const cost: NumberParam = { name: 'unitCost', type: 'number', blank: 'missing' };
const days: NumberParam = { name: 'days', type: 'number', blank: 'default', default: 30, rule: 'positive' };

describe('coerceCell', () => {
  it('passes numbers through and applies the rule with the parameter name', () => {
    expect(coerceCell(12.5, stock)).toBe(12.5);
    expect(coerceCell(-1, stock)).toEqual(new CalcError('#VALUE!', 'stock must not be negative'));
    expect(coerceCell(0, days)).toEqual(new CalcError('#VALUE!', 'days must be greater than 0'));
  });

  it('reads plain numbers typed as text, but no other text', () => {
    expect(coerceCell(' 12 ', stock)).toBe(12);
    expect(coerceCell('1e3', stock)).toBe(1000);
    expect(coerceCell('12 units', stock)).toEqual(new CalcError('#VALUE!', 'stock must be a number, got "12 units"'));
    expect(coerceCell(true, stock)).toEqual(new CalcError('#VALUE!', 'stock must be a number, got TRUE'));
  });

  it('applies the blank rule: zero, missing or default', () => {
    for (const blank of [null, undefined, '']) {
      expect(coerceCell(blank, stock)).toBe(0);
      expect(coerceCell(blank, cost)).toBeNull();
      expect(coerceCell(blank, days)).toBe(30);
    }
  });

  it('passes an error cell through unchanged', () => {
    const e = new CalcError('#DIV/0!', 'Division by zero');
    expect(coerceCell(e, stock)).toBe(e);
  });

  it('rejects non-finite numbers', () => {
    expect(coerceCell(Number.NaN, stock)).toBeInstanceOf(CalcError);
    expect(coerceCell(Infinity, stock)).toBeInstanceOf(CalcError);
  });

  it('matches choices case-insensitively', () => {
    const model: Param = { name: 'model', type: 'choice', choices: ['elasticity', 'linear'], default: 'elasticity' };
    expect(coerceCell(' Linear ', model)).toBe('linear');
    expect(coerceCell(null, model)).toBe('elasticity');
    expect(coerceCell('log', model)).toEqual(new CalcError('#VALUE!', 'model must be one of elasticity, linear'));
  });
});

describe('broadcastShape', () => {
  const p = [stock, stock];
  it('stretches single values, rows and columns', () => {
    expect(broadcastShape([5, [[1], [2], [3]]], p)).toEqual([3, 1]);
    expect(broadcastShape([[[1, 2, 3]], [[1], [2]]], p)).toEqual([2, 3]);
  });
  it('rejects ranges of different sizes, naming both', () => {
    expect(() => broadcastShape([[[1], [2]], [[1], [2], [3]]], p)).toThrow('Ranges must be the same size (stock is 2×1, stock is 3×1)');
  });
});

describe('checkArity', () => {
  it('requires every parameter without a default and refuses extra ones', () => {
    expect(() => checkArity('F', [1], [stock, cost])).toThrow(ArgumentError);
    expect(() => checkArity('F', [1, 2, 3], [stock, cost])).toThrow('F takes at most 2 arguments');
    expect(() => checkArity('F', [1], [stock, days])).not.toThrow();
  });
});

describe('callFunction', () => {
  const ratio: ElementwiseDef = { id: 'RATIO', kind: 'elementwise', params: [stock, days], fn: (a: number, b: number) => a / b };

  it('evaluates 100,000 rows in one call', () => {
    const column = Array.from({ length: 100_000 }, (_, i) => [i]);
    const out = callFunction(ratio, [column, 4]);
    expect(out.length).toBe(100_000);
    expect(out[99_999][0]).toBe(99_999 / 4);
  });

  it('gives each cell its own error and keeps the others', () => {
    expect(callFunction(ratio, [[[8], ['x'], [-1]], 2])).toEqual([
      [4],
      [new CalcError('#VALUE!', 'stock must be a number, got "x"')],
      [new CalcError('#VALUE!', 'stock must not be negative')],
    ]);
  });
});
