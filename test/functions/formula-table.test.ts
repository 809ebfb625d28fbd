/**
 * The formula table (test/fixtures/formula-table.ts) evaluated as a spreadsheet does it (HyperFormula
 * with the LUMIVE functions registered), and, for formulas without cell references, by the evaluator
 * behind `lumive eval`: both hosts must give the same answers.
 */
import { DetailedCellError } from 'hyperformula';
import { isCalcError } from '../../src/engine/errors';
import { Cell, Grid } from '../../src/functions/args';
import { evaluateFormula } from '../../src/functions/formula';
import { DATA_SHEET, Expected, FORMULA_TABLE } from '../fixtures/formula-table';
import { lumiveSheets } from '../helpers/hyperformula-lumive';

const hf = lumiveSheets({ Data: DATA_SHEET, Calc: [[null]] });
const calc = hf.getSheetId('Calc') as number;

/** A host's cell normalized for comparison: errors as {error, message}. */
type Normal = number | string | boolean | null | { error: string; message: string } | Normal[][];

function fromHf(v: unknown): Normal {
  if (Array.isArray(v)) return v.map((row: unknown[]) => row.map(fromHf)) as Normal[][];
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message };
  return v as Normal;
}

function fromEvaluator(v: Cell | Grid): Normal {
  if (Array.isArray(v)) return v.map((row) => row.map((c) => fromEvaluator(c))) as Normal[][];
  if (isCalcError(v)) return { error: v.code, message: v.message };
  return v === undefined || v === '' ? null : v;
}

function check(actual: Normal, expected: Expected, tolerance: number, where: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const grid = actual as Normal[][];
    expect(grid.length).toBe(expected.length);
    expected.forEach((row, r) => {
      expect(grid[r].length).toBe(row.length);
      row.forEach((cell, c) => check(grid[r][c], cell, tolerance, `${where}[${r},${c}]`));
    });
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual).toEqual(expect.objectContaining({ error: expected.error }));
    if (expected.message !== undefined) expect((actual as { message: string }).message).toBe(expected.message);
    return;
  }
  expect(actual).toBe(expected);
}

describe('LUMIVE formula table', () => {
  it('has at least 60 rows, each with a source', () => {
    expect(FORMULA_TABLE.length).toBeGreaterThanOrEqual(60);
    for (const row of FORMULA_TABLE) expect(row.source.length).toBeGreaterThan(5);
  });

  describe.each(FORMULA_TABLE.map((row) => [row.formula, row] as const))('%s', (_formula, row) => {
    const tolerance = row.tolerance ?? 1e-9;

    it(`gives ${JSON.stringify(row.expected)} in a spreadsheet (${row.source})`, () => {
      const value = hf.calculateFormula(row.formula, calc);
      check(fromHf(value), row.expected, tolerance, row.formula);
    });

    if (!row.formula.includes('Data!')) {
      it('gives the same in lumive eval', () => {
        check(fromEvaluator(evaluateFormula(row.formula)), row.expected, tolerance, row.formula);
      });
    }
  });
});
