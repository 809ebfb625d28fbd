/**
 * The custom functions as Excel calls them: every argument is a matrix (a single cell arrives as
 * [[value]]), omitted optional arguments arrive as null, and errors must be CustomFunctions.Error with
 * the message. A fake of the CustomFunctions global records what Excel would get.
 */
import * as fns from '../../src/functions/functions';
import { toExcelError } from '../../src/functions/excel';
import { naError } from '../../src/engine/errors';

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
  };
});

afterAll(() => {
  delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
});

function thrown(f: () => unknown): FakeCustomFunctionsError {
  try {
    f();
  } catch (e) {
    return e as FakeCustomFunctionsError;
  }
  throw new Error('expected the call to throw');
}

describe('custom functions as Excel calls them', () => {
  it('DOI of single cells returns a 1×1 result', () => {
    expect(fns.doi([[120]], [[4]])).toEqual([[30]]);
  });

  it('DOI(10, 0) throws #N/A with the message "No sales" so Excel shows it', () => {
    const e = thrown(() => fns.doi([[10]], [[0]]));
    expect(e).toBeInstanceOf(FakeCustomFunctionsError);
    expect([e.code, e.message]).toEqual(['#N/A', 'No sales']);
  });

  it('a range spills, with errors in place', () => {
    const out = fns.doi([[120], [10], [0]], [[4], [0], [0]]);
    expect(out[0][0]).toBe(30);
    expect(out[1][0]).toBeInstanceOf(FakeCustomFunctionsError);
    expect((out[1][0] as FakeCustomFunctionsError).message).toBe('No sales');
    expect(out[2][0]).toBe(0);
  });

  it('omitted optional arguments (null) take their defaults', () => {
    expect(fns.velocity([[90]], null as unknown as unknown[][])).toEqual([[3]]);
    expect(fns.roundQty([[70]], [[100]], null as unknown as unknown[][])).toEqual([[100]]);
  });

  it('a blank result (GMROI without stock) is an empty cell', () => {
    expect(fns.gmroi([[60]], [[32.5]], [[90]], [[0]])).toEqual([['']]);
  });

  it('text where a number belongs is #VALUE! naming the argument', () => {
    const e = thrown(() => fns.eoq([[1200]], [['fifty']], [[2]]));
    expect([e.code, e.message]).toEqual(['#VALUE!', 'orderCost must be a number, got "fifty"']);
  });

  it('ranges of different sizes are one #VALUE! for the call', () => {
    const e = thrown(() => fns.stockValue([[1], [2], [3]], [[1], [2]]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/Ranges must be the same size/);
  });

  it('ABC spills one class per cell in the shape of the input', () => {
    expect(fns.abc([[5000], [3000], [1200], [500], [300]], null as unknown as unknown[][], null as unknown as unknown[][])).toEqual([
      ['A'],
      ['A'],
      ['B'],
      ['B'],
      ['C'],
    ]);
  });

  it('maps every engine error code to the Excel error code', () => {
    expect(toExcelError(naError('x')).code).toBe('#N/A');
  });
});
