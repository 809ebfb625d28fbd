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

  it('FORECAST spills a column for a column history; omitted method and season take auto and 1', () => {
    const none = null as unknown as unknown[][];
    expect(fns.forecast([[3], [5], [4]], [[2]], [['naive']], none)).toEqual([[4], [4]]);
    expect(fns.forecast([[3, 5, 4]], [[2]], [['naive']], none)).toEqual([[4, 4]]);
    expect(fns.forecast([[0], [0], [0]], [[2]], none, none)).toEqual([[0], [0]]);
  });

  it('FORECAST with an unknown method throws #VALUE! listing the methods', () => {
    const e = thrown(() => fns.forecast([[3], [5], [4]], [[2]], [['prophet']], [[1]]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^method must be one of auto, naive, .*, adida$/);
  });

  it('FORECASTMETHOD and the accuracy functions return one value', () => {
    expect(fns.forecastMethod([[0], [0], [0]])).toEqual([['Naive']]);
    expect(fns.maseError([[8], [9]], [[7], [7]], [[1], [2], [4], [7]])).toEqual([[0.75]]);
    expect(fns.forecastBias([[8], [9]], [[7], [7]])).toEqual([[-1.5]]);
  });

  it('SIMULATE spills its table with empty cells as ""', () => {
    const out = fns.simulatePolicy([[3], [3]], [[4]], [[10]], [[1]], [[1]], [[5]], null as unknown as unknown[][]);
    expect(out[0]).toEqual(['Period', 'Demand', 'On hand', 'On order', 'Order placed', 'Unmet', 'Cost']);
    expect(out[1]).toEqual([1, 3, 7, 0, 0, 0, 7]);
    expect(out[3]).toEqual(['Total cost', 11, '', '', '', '', '']);
    expect(out.length).toBe(6);
  });

  it('SIMULATE with s ≥ S throws #VALUE! naming both arguments', () => {
    const e = thrown(() => fns.simulatePolicy([[3], [3]], [[10]], [[10]], [[1]], [[1]], [[5]]));
    expect([e.code, e.message]).toEqual(['#VALUE!', 'reorderLevel must be less than orderUpTo']);
  });

  it('NEWSVENDOR broadcasts a column of means', () => {
    const out = fns.newsvendor([[50], [60]], [[8]], [[0.7]], [[0.18]]) as number[][];
    expect(out.map((r) => Math.round(r[0] * 1000) / 1000)).toEqual([56.604, 66.604]);
  });

  it('maps every engine error code to the Excel error code', () => {
    expect(toExcelError(naError('x')).code).toBe('#N/A');
  });
});
