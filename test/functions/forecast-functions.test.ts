/**
 * The series functions as a spreadsheet evaluates them (HyperFormula with the LUMIVE functions):
 * FORECAST, FORECASTINTERVAL, FORECASTMETHOD, MASE, RMSSE, FORECASTBIAS, SIMULATE, SIMULATERQ and
 * NEWSVENDOR. Forecasts must equal the engine's for the same data (the functions only read and spill);
 * accuracy and simulation are checked against hand computations written out below.
 */
import { DetailedCellError } from 'hyperformula';
import { forecast } from '../../src/engine/forecast/forecast';
import { methodById } from '../../src/engine/forecast/methods';
import type { MethodId } from '../../src/engine/forecast/types';
import { isCalcError } from '../../src/engine/errors';
import { Grid } from '../../src/functions/args';
import { callFunction } from '../../src/functions/call';
import { functionDef } from '../../src/functions/catalog';
import { lumiveSheets } from '../helpers/hyperformula-lumive';

/** 24 months of intermittent demand (ADI 2.4, CV² 0.20: intermittent). */
const INTERMITTENT = [3, 0, 0, 5, 0, 2, 0, 0, 4, 0, 0, 3, 0, 6, 0, 0, 2, 0, 3, 0, 0, 4, 0, 1];
/** 24 months of smooth demand with a yearly season and a little growth. */
const SEASONAL = [12, 15, 20, 28, 35, 40, 38, 30, 22, 16, 13, 12, 14, 17, 23, 31, 38, 44, 41, 33, 24, 18, 15, 14];

/**
 * The Data sheet, in A1 notation:
 * A1:A24 intermittent history (A25:A30 blank: a selection longer than the data),
 * B1:B24 seasonal history, C1 text "n/a", D1 blank, E1:E24 the seasonal history across row 26 instead
 * (E26:AB26), F1:F6 the simulation demand 3, 5, 4, 6, 2, 3, G1 blank above G2:G3 = 4, 6.
 */
function dataSheet(): (number | string | null)[][] {
  const rows: (number | string | null)[][] = Array.from({ length: 30 }, () => new Array<number | string | null>(28).fill(null));
  INTERMITTENT.forEach((x, i) => (rows[i][0] = x));
  SEASONAL.forEach((x, i) => (rows[i][1] = x));
  rows[0][2] = 'n/a';
  SEASONAL.forEach((x, i) => (rows[25][4 + i] = x));
  [3, 5, 4, 6, 2, 3].forEach((x, i) => (rows[i][5] = x));
  rows[1][6] = 4;
  rows[2][6] = 6;
  return rows;
}

const hf = lumiveSheets({ Data: dataSheet(), Calc: [[null]] });
const calcSheet = hf.getSheetId('Calc') as number;

type Value = number | string | boolean | null | DetailedCellError;

/** Evaluates a formula on the Calc sheet: a spilled result as a grid, a single result as a 1×1 grid. */
function cells(formula: string): Value[][] {
  const v = hf.calculateFormula(formula, calcSheet) as Value | Value[][];
  return Array.isArray(v) ? v : [[v]];
}

function one(formula: string): Value {
  const grid = cells(formula);
  expect([grid.length, grid[0].length]).toEqual([1, 1]);
  return grid[0][0];
}

/** The error of a formula as code and message. */
function error(formula: string): { code: string; message: string } {
  const v = one(formula);
  expect(v).toBeInstanceOf(DetailedCellError);
  return { code: (v as DetailedCellError).value, message: (v as DetailedCellError).message };
}

function engine(history: number[], horizon: number, method: MethodId | 'auto', seasonLength = 1, level = 0.95) {
  const r = forecast(history, { horizon, method, seasonLength, level });
  if (isCalcError(r)) throw new Error(r.toString());
  return r;
}

const column = (values: readonly number[]) => values.map((x) => [x]);

describe('FORECAST', () => {
  it('=LUMIVE.FORECAST(A1:A24, 6, "ses") spills the engine\'s 6 SES values down a column', () => {
    expect(cells('=LUMIVE.FORECAST(Data!A1:A24, 6, "ses")')).toEqual(column(engine(INTERMITTENT, 6, 'ses').forecast));
  });

  it('the automatic choice and a seasonal method with its season length are the engine\'s too', () => {
    expect(cells('=LUMIVE.FORECAST(Data!A1:A24, 6)')).toEqual(column(engine(INTERMITTENT, 6, 'auto').forecast));
    expect(cells('=LUMIVE.FORECAST(Data!B1:B24, 12, "holt-winters", 12)')).toEqual(column(engine(SEASONAL, 12, 'holt-winters', 12).forecast));
    expect(cells('=LUMIVE.FORECAST(Data!B1:B24, 3, "auto", 12)')).toEqual(column(engine(SEASONAL, 3, 'auto', 12).forecast));
  });

  it('a row history spills across', () => {
    expect(cells('=LUMIVE.FORECAST(Data!E26:AB26, 4, "ses")')).toEqual([engine(SEASONAL, 4, 'ses').forecast]);
  });

  it('blank cells after the last period are dropped: A1:A30 is A1:A24', () => {
    expect(cells('=LUMIVE.FORECAST(Data!A1:A30, 6)')).toEqual(cells('=LUMIVE.FORECAST(Data!A1:A24, 6)'));
  });

  it('reads method names as typed: aliases, case and spaces', () => {
    const hw = cells('=LUMIVE.FORECAST(Data!B1:B24, 2, "holt-winters", 12)');
    expect(cells('=LUMIVE.FORECAST(Data!B1:B24, 2, "Holt Winters", 12)')).toEqual(hw);
    expect(cells('=LUMIVE.FORECAST(Data!B1:B24, 2, "ets", 12)')).toEqual(hw);
    expect(cells('=LUMIVE.FORECAST(Data!A1:A24, 2, "SBA")')).toEqual(column(engine(INTERMITTENT, 2, 'sba').forecast));
  });

  it('does not change the range it reads', () => {
    const history: Grid = column(INTERMITTENT);
    const copy = JSON.parse(JSON.stringify(history));
    callFunction(functionDef('FORECAST')!, [history, 3, 'croston']);
    expect(history).toEqual(copy);
  });
});

describe('FORECAST errors (#VALUE! naming the argument)', () => {
  it.each([
    ['text in the history', '=LUMIVE.FORECAST(Data!C1:C3, 2)', 'history[1] must be a number, got "n/a"'],
    ['a blank before the first period', '=LUMIVE.FORECAST(Data!G1:G3, 2)', 'history[1] is blank'],
    ['a history of blanks only', '=LUMIVE.FORECAST(Data!D1:D2, 2)', 'history requires at least 1 period'],
    ['a blank between periods', '=LUMIVE.FORECAST({1,"",3}, 2)', 'history[2] is blank'],
    ['horizon 0', '=LUMIVE.FORECAST(Data!A1:A24, 0)', 'horizon must be a whole number of at least 1'],
    ['a fractional horizon', '=LUMIVE.FORECAST(Data!A1:A24, 2.5)', 'horizon must be a whole number of at least 1'],
    ['a horizon longer than a sheet', '=LUMIVE.FORECAST(Data!A1:A24, 2000000)', 'horizon must be at most 1048576'],
    ['a horizon range', '=LUMIVE.FORECAST(Data!A1:A24, Data!A1:A2)', 'horizon must be a single value'],
    [
      'an unknown method',
      '=LUMIVE.FORECAST(Data!A1:A24, 2, "prophet")',
      'method must be one of auto, naive, seasonal-naive, moving-average, ses, holt-damped, holt-winters, croston, sba, tsb, adida',
    ],
    ['a season length of 0', '=LUMIVE.FORECAST(Data!B1:B24, 2, "auto", 0)', 'seasonLength must be a whole number of at least 1'],
    ['a history too short for the method', '=LUMIVE.FORECAST({5,6,7}, 2, "holt-winters", 12)', 'Holt-Winters additive history requires at least 24 periods'],
    ['a 2-D history', '=LUMIVE.FORECAST(Data!A1:B24, 2)', 'history must be a single row or column, not 24×2'],
  ])('%s', (_what, formula, message) => {
    expect(error(formula)).toEqual({ code: '#VALUE!', message });
  });

  it('a blank horizon is missing (#N/A)', () => {
    expect(error('=LUMIVE.FORECAST(Data!A1:A24, Data!D1)')).toEqual({ code: '#N/A', message: 'horizon is missing' });
  });
});

describe('FORECASTINTERVAL', () => {
  it('spills horizon rows × [lower, forecast, upper], the engine\'s interval, lower ≤ forecast ≤ upper', () => {
    const grid = cells('=LUMIVE.FORECASTINTERVAL(Data!B1:B24, 6, 0.9, "holt-damped")');
    const r = engine(SEASONAL, 6, 'holt-damped', 1, 0.9);
    expect(grid).toEqual(r.forecast.map((f, i) => [r.lower[i], f, r.upper[i]]));
    for (const [lower, point, upper] of grid as number[][]) {
      expect(lower).toBeLessThanOrEqual(point);
      expect(point).toBeLessThanOrEqual(upper);
    }
  });

  it('intermittent demand gets whole-unit count bounds around the automatic choice; level defaults to 0.95', () => {
    const grid = cells('=LUMIVE.FORECASTINTERVAL(Data!A1:A24, 4)') as number[][];
    expect(grid.length).toBe(4);
    const r = engine(INTERMITTENT, 4, 'auto');
    expect(grid).toEqual(r.forecast.map((f, i) => [r.lower[i], f, r.upper[i]]));
    for (const [lower, point, upper] of grid) {
      expect(Number.isInteger(lower) && Number.isInteger(upper)).toBe(true);
      expect(lower <= point && point <= upper).toBe(true);
    }
    expect(cells('=LUMIVE.FORECASTINTERVAL(Data!A1:A24, 4, 0.95)')).toEqual(grid);
  });

  it('a row history gives three rows across: lower, forecast, upper', () => {
    const r = engine(SEASONAL, 5, 'ses', 1, 0.8);
    expect(cells('=LUMIVE.FORECASTINTERVAL(Data!E26:AB26, 5, 0.8, "ses")')).toEqual([r.lower, r.forecast, r.upper]);
  });

  it('a wider level never narrows the interval', () => {
    const narrow = cells('=LUMIVE.FORECASTINTERVAL(Data!B1:B24, 3, 0.8, "ses")') as number[][];
    const wide = cells('=LUMIVE.FORECASTINTERVAL(Data!B1:B24, 3, 0.99, "ses")') as number[][];
    narrow.forEach(([lo, , hi], i) => {
      expect(wide[i][0]).toBeLessThanOrEqual(lo);
      expect(wide[i][2]).toBeGreaterThanOrEqual(hi);
    });
  });

  it('a level outside (0, 1) is #VALUE!', () => {
    expect(error('=LUMIVE.FORECASTINTERVAL(Data!B1:B24, 3, 1)')).toEqual({ code: '#VALUE!', message: 'level must be between 0 and 1, exclusive' });
  });
});

describe('FORECASTMETHOD', () => {
  const INTERMITTENT_LABELS = (['sba', 'croston', 'tsb', 'adida', 'ses'] as const).map((id) => methodById(id).label);

  it('names one of the intermittent candidates for an intermittent column, the one the engine chooses', () => {
    const label = one('=LUMIVE.FORECASTMETHOD(Data!A1:A24)');
    expect(INTERMITTENT_LABELS).toContain(label);
    expect(label).toBe(methodById(engine(INTERMITTENT, 1, 'auto').method).label);
  });

  it('with FORECAST\'s horizon and season it names FORECAST\'s method', () => {
    expect(one('=LUMIVE.FORECASTMETHOD(Data!A1:A24, 1, 6)')).toBe(methodById(engine(INTERMITTENT, 6, 'auto').method).label);
    expect(one('=LUMIVE.FORECASTMETHOD(Data!B1:B24, 12, 3)')).toBe(methodById(engine(SEASONAL, 3, 'auto', 12).method).label);
  });

  it('a history without demand is "Naive"', () => {
    expect(one('=LUMIVE.FORECASTMETHOD({0;0;0;0;0;0})')).toBe('Naive');
  });

  it('text in the history is #VALUE!', () => {
    expect(error('=LUMIVE.FORECASTMETHOD(Data!C1)')).toEqual({ code: '#VALUE!', message: 'history[1] must be a number, got "n/a"' });
  });
});

describe('MASE, RMSSE and FORECASTBIAS', () => {
  // In-sample 1, 2, 4, 7: one-step differences 1, 2, 3. Actual 8, 9 against forecast 7, 7: errors 1, 2.
  // MASE = mean(1, 2) / mean(1, 2, 3) = 1.5 / 2 = 0.75
  // RMSSE = √(mean(1², 2²) / mean(1², 2², 3²)) = √(2.5 / (14/3)) = √0.535714 = 0.731925
  // bias = mean(7 − 8, 7 − 9) = −1.5 (under-forecast)
  it('hand-computed case', () => {
    expect(one('=LUMIVE.MASE({8;9}, {7;7}, {1;2;4;7})')).toBeCloseTo(0.75, 12);
    expect(one('=LUMIVE.MASE({8;9}, {7;7}, {1;2;4;7}, 1)')).toBeCloseTo(0.75, 12);
    expect(one('=LUMIVE.RMSSE({8;9}, {7;7}, {1;2;4;7})')).toBeCloseTo(Math.sqrt(2.5 / (14 / 3)), 12);
    expect(one('=LUMIVE.FORECASTBIAS({8;9}, {7;7})')).toBeCloseTo(-1.5, 12);
  });

  it('rows and columns mix, and trailing blanks are dropped', () => {
    expect(one('=LUMIVE.MASE({8,9,""}, {7;7}, {1,2,4,7})')).toBeCloseTo(0.75, 12);
  });

  it('the season length sets the lag of the scale: m = 2 gives mean(|4 − 1|, |7 − 2|) = 4, so 1.5 / 4', () => {
    expect(one('=LUMIVE.MASE({8;9}, {7;7}, {1;2;4;7}, 2)')).toBeCloseTo(0.375, 12);
  });

  it('MASE of FORECAST on held-out months, computed in the sheet', () => {
    const train = SEASONAL.slice(0, 18);
    const test = SEASONAL.slice(18);
    const predicted = engine(train, 6, 'ses').forecast;
    const mae = test.reduce((s, y, i) => s + Math.abs(y - predicted[i]), 0) / 6;
    const scale = train.slice(1).reduce((s, y, i) => s + Math.abs(y - train[i]), 0) / 17;
    expect(one('=LUMIVE.MASE(Data!B19:B24, LUMIVE.FORECAST(Data!B1:B18, 6, "ses"), Data!B1:B18)')).toBeCloseTo(mae / scale, 12);
  });

  it('errors: different lengths, text, a flat in-sample series', () => {
    expect(error('=LUMIVE.FORECASTBIAS({8;9}, {7})')).toEqual({ code: '#VALUE!', message: 'forecast must have as many periods as actual (2), not 1' });
    expect(error('=LUMIVE.RMSSE({8;"x"}, {7;7}, {1;2;4})')).toEqual({ code: '#VALUE!', message: 'actual[2] must be a number, got "x"' });
    expect(error('=LUMIVE.MASE({8;9}, {7;7}, {5;5;5})').code).toBe('#DIV/0!');
  });
});

describe('SIMULATE and SIMULATERQ', () => {
  const HEADER = ['Period', 'Demand', 'On hand', 'On order', 'Order placed', 'Unmet', 'Cost'];
  const summary = (label: string, value: number | null) => [label, value, null, null, null, null, null];

  // (s, S) = (4, 10), lead time 1, h = 1, p = 5, start 10, demand 3 every period. Each period: receipts,
  // review (inventory position = on hand + on order; order S − IP when IP ≤ s, arriving next period),
  // then demand; cost = 1 × on hand at the end + 5 × unmet.
  // 1: IP 10, no order; 10 − 3 = 7                      cost 7
  // 2: IP 7, no order; 7 − 3 = 4                        cost 4
  // 3: IP 4 ≤ 4: order 6 (due in 4); 4 − 3 = 1           cost 1, on order 6
  // 4: 6 arrive: 7 (a new cycle); IP 7; 7 − 3 = 4         cost 4
  // 5: IP 4: order 6 (due in 6); 4 − 3 = 1               cost 1, on order 6
  // 6: 6 arrive: 7 (a new cycle); 7 − 3 = 4               cost 4
  // Total 21; nothing unmet: fill rate 18/18 = 1, 3 cycles without a stockout: CSL 1.
  it('(s, S) with steady demand, period by period', () => {
    expect(cells('=LUMIVE.SIMULATE({3;3;3;3;3;3}, 4, 10, 1, 1, 5, 10)')).toEqual([
      HEADER,
      [1, 3, 7, 0, 0, 0, 7],
      [2, 3, 4, 0, 0, 0, 4],
      [3, 3, 1, 6, 6, 0, 1],
      [4, 3, 4, 0, 0, 0, 4],
      [5, 3, 1, 6, 6, 0, 1],
      [6, 3, 4, 0, 0, 0, 4],
      summary('Total cost', 21),
      summary('Fill rate', 1),
      summary('Cycle service level', 1),
    ]);
  });

  // Same policy and costs, demand 3, 5, 4, 6, 2, 3 (Data!F1:F6):
  // 1: IP 10; 10 − 3 = 7                                 cost 7
  // 2: IP 7; 7 − 5 = 2                                   cost 2
  // 3: IP 2 ≤ 4: order 8 (due in 4); demand 4, 2 met, 2 lost   cost 0 + 5 × 2 = 10
  // 4: 8 arrive (cycle 2; cycle 1 had a stockout); IP 8; 8 − 6 = 2   cost 2
  // 5: IP 2: order 8 (due in 6); 2 − 2 = 0               cost 0
  // 6: 8 arrive (cycle 3); 8 − 3 = 5                     cost 5
  // Total 26; fill rate (23 − 2)/23 = 0.913043; cycles 3, one with a stockout: CSL 2/3.
  it('(s, S) with a stockout: unmet demand, fill rate and cycle service level', () => {
    const table = cells('=LUMIVE.SIMULATE(Data!F1:F6, 4, 10, 1, 1, 5, 10)');
    expect(table.slice(0, 7)).toEqual([
      HEADER,
      [1, 3, 7, 0, 0, 0, 7],
      [2, 5, 2, 0, 0, 0, 2],
      [3, 4, 0, 8, 8, 2, 10],
      [4, 6, 2, 0, 0, 0, 2],
      [5, 2, 0, 8, 8, 0, 0],
      [6, 3, 5, 0, 0, 0, 5],
    ]);
    expect(table[7]).toEqual(summary('Total cost', 26));
    expect(table[8][0]).toBe('Fill rate');
    expect(table[8][1]).toBeCloseTo(21 / 23, 12);
    expect(table[9][0]).toBe('Cycle service level');
    expect(table[9][1]).toBeCloseTo(2 / 3, 12);
    expect(table.length).toBe(10);
  });

  it('start stock defaults to S; a row of demand and a longer selection give the same table', () => {
    const table = cells('=LUMIVE.SIMULATE(Data!F1:F6, 4, 10, 1, 1, 5, 10)');
    expect(cells('=LUMIVE.SIMULATE(Data!F1:F6, 4, 10, 1, 1, 5)')).toEqual(table);
    expect(cells('=LUMIVE.SIMULATE({3,5,4,6,2,3}, 4, 10, 1, 1, 5)')).toEqual(table);
    expect(cells('=LUMIVE.SIMULATE(Data!F1:F12, 4, 10, 1, 1, 5)')).toEqual(table);
  });

  // (r, Q) = (4, 6), lead time 1, h = 1, p = 5, start 10, demand 3, 5, 4, 6, 2, 3:
  // 1: IP 10; 7                                          cost 7
  // 2: IP 7; 2                                           cost 2
  // 3: IP 2 ≤ 4: order one Q (2 + 6 > 4), due in 4; demand 4: 2 met, 2 lost   cost 10
  // 4: 6 arrive (cycle 2); IP 6; 6 − 6 = 0               cost 0
  // 5: IP 0: order 6, due in 6; demand 2 all lost        cost 10
  // 6: 6 arrive (cycle 3); 6 − 3 = 3                     cost 3
  // Total 32; fill rate 19/23; cycles 1 and 2 had stockouts: CSL 1/3.
  it('(r, Q) period by period', () => {
    const table = cells('=LUMIVE.SIMULATERQ(Data!F1:F6, 4, 6, 1, 1, 5, 10)');
    expect(table.slice(0, 8)).toEqual([
      HEADER,
      [1, 3, 7, 0, 0, 0, 7],
      [2, 5, 2, 0, 0, 0, 2],
      [3, 4, 0, 6, 6, 2, 10],
      [4, 6, 0, 0, 0, 0, 0],
      [5, 2, 0, 6, 6, 2, 10],
      [6, 3, 3, 0, 0, 0, 3],
      summary('Total cost', 32),
    ]);
    expect(table[8][1]).toBeCloseTo(19 / 23, 12);
    expect(table[9][1]).toBeCloseTo(1 / 3, 12);
  });

  it('(r, Q) starts with r + Q on hand by default', () => {
    expect(cells('=LUMIVE.SIMULATERQ(Data!F1:F6, 4, 6, 1, 1, 5)')[1]).toEqual([1, 3, 7, 0, 0, 0, 7]);
  });

  it('no demand at all: the fill rate is blank', () => {
    const table = cells('=LUMIVE.SIMULATE({0;0}, 4, 10, 0, 1, 5)');
    expect(table[1]).toEqual([1, 0, 10, 0, 0, 0, 10]);
    expect(table[3]).toEqual(summary('Total cost', 20));
    expect(table[4]).toEqual(summary('Fill rate', null));
  });

  it.each([
    ['negative demand', '=LUMIVE.SIMULATE({3;-1;2}, 4, 10, 1, 1, 5)', '#VALUE!', 'demand[2] must not be negative'],
    ['text in the demand', '=LUMIVE.SIMULATE(Data!C1, 4, 10, 1, 1, 5)', '#VALUE!', 'demand[1] must be a number, got "n/a"'],
    ['s = S', '=LUMIVE.SIMULATE({3;3}, 10, 10, 1, 1, 5)', '#VALUE!', 'reorderLevel must be less than orderUpTo'],
    ['s > S', '=LUMIVE.SIMULATE({3;3}, 12, 10, 1, 1, 5)', '#VALUE!', 'reorderLevel must be less than orderUpTo'],
    ['S of 0', '=LUMIVE.SIMULATE({3;3}, -1, 0, 1, 1, 5)', '#VALUE!', 'orderUpTo must be greater than 0'],
    ['a fractional lead time', '=LUMIVE.SIMULATE({3;3}, 4, 10, 1.5, 1, 5)', '#VALUE!', 'leadTime must be a whole number'],
    ['a negative holding cost', '=LUMIVE.SIMULATE({3;3}, 4, 10, 1, -1, 5)', '#VALUE!', 'holdingCost must not be negative'],
    ['a blank stockout cost', '=LUMIVE.SIMULATE({3;3}, 4, 10, 1, 1, Data!D1)', '#N/A', 'stockoutCost is missing'],
    ['a range where one value belongs', '=LUMIVE.SIMULATE({3;3}, Data!F1:F2, 10, 1, 1, 5)', '#VALUE!', 'reorderLevel must be a single value'],
    ['Q of 0', '=LUMIVE.SIMULATERQ({3;3}, 4, 0, 1, 1, 5)', '#VALUE!', 'orderQty must be greater than 0'],
    ['negative start stock', '=LUMIVE.SIMULATERQ({3;3}, 4, 6, 1, 1, 5, -2)', '#VALUE!', 'startStock must not be negative'],
  ])('%s', (_what, formula, code, message) => {
    expect(error(formula)).toEqual({ code, message });
  });
});

describe('NEWSVENDOR', () => {
  it('reproduces Snyder & Shen Example 4.3: h = 0.18, p = 0.70, N(50, 8²) → S* = 56.6040', () => {
    expect(one('=LUMIVE.NEWSVENDOR(50, 8, 0.7, 0.18)') as number).toBeCloseTo(56.604, 3);
  });

  it('broadcasts over ranges like the other scalar functions', () => {
    const grid = cells('=LUMIVE.NEWSVENDOR({50;60;70}, {8;8;0}, 0.7, 0.18)') as number[][];
    expect(grid.map((r) => r[0])).toEqual([expect.closeTo(56.604, 3), expect.closeTo(66.604, 3), 70]);
  });

  it('p = 0 or h = 0 has no finite optimum: #VALUE!', () => {
    expect(error('=LUMIVE.NEWSVENDOR(50, 8, 0.7, 0)').code).toBe('#VALUE!');
    expect(error('=LUMIVE.NEWSVENDOR(50, -8, 0.7, 0.18)')).toEqual({ code: '#VALUE!', message: 'sdLeadTimeDemand must not be negative' });
  });
});
