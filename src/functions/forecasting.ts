/**
 * The forecasting functions (docs/FORMULAS.md, "Forecasting and accuracy"): FORECAST, FORECASTINTERVAL and
 * FORECASTMETHOD over one demand history, and the accuracy trio MASE, RMSSE and FORECASTBIAS. Each
 * reads its arguments (series.ts) and hands them to the engine unchanged; the engine's errors are the
 * results.
 */
import { CalcError, ForecastResult, METHOD_IDS, bias, forecast, isCalcError, mase, messages, methodById, parseMethod, rmsse, valueError, type MethodId } from '../engine';
import { Arg, Cell, ChoiceParam, NumberParam, Result } from './args';
import { RangeDef } from './call';
import { errorResult, numberArg, Series, seriesArg, textArg } from './series';

/** A history, actual or forecast cell: a blank inside the series is an error (series.ts). */
const series = (name: string): NumberParam => ({ name, type: 'number', blank: 'missing' });
const horizonParam: NumberParam = { name: 'horizon', type: 'number', blank: 'missing' };
/** FORECASTMETHOD's horizon: by default the automatic choice for one period ahead. */
const methodHorizonParam: NumberParam = { name: 'horizon', type: 'number', blank: 'default', default: 1 };
/** Whole numbers ≥ 1; the engine checks and words the message. */
const seasonParam: NumberParam = { name: 'seasonLength', type: 'number', blank: 'default', default: 1 };
const levelParam: NumberParam = { name: 'level', type: 'number', blank: 'default', default: 0.95, rule: 'openUnit' };
const AUTO = 'auto';
const methodParam: ChoiceParam = { name: 'method', type: 'choice', choices: [AUTO, ...METHOD_IDS], default: AUTO };

/** The rows of a sheet: a longer forecast cannot spill, and would only keep Excel busy. */
export const MAX_HORIZON = 1_048_576;

function methodArg(arg: Arg): MethodId | 'auto' | CalcError {
  const text = textArg(arg, methodParam.name);
  if (isCalcError(text)) return text;
  return parseMethod(text) ?? valueError(messages.oneOf(methodParam.name, methodParam.choices));
}

function horizonArg(arg: Arg, param = horizonParam): number | CalcError {
  const h = numberArg(arg, param);
  if (typeof h === 'number' && h > MAX_HORIZON) return valueError(`horizon must be at most ${MAX_HORIZON}`);
  return h;
}

interface Run {
  readonly history: Series;
  readonly result: ForecastResult;
}

/** Reads the arguments in the order given and runs the engine's forecast. */
function runForecast(
  historyArg: Arg,
  horizon: number | CalcError,
  method: MethodId | 'auto' | CalcError,
  seasonLength: number | CalcError,
  level: number | CalcError = levelParam.default as number,
): Run | CalcError {
  const history = seriesArg(historyArg, 'history', 'nonNegative');
  if (isCalcError(history)) return history;
  for (const v of [horizon, method, seasonLength, level]) if (isCalcError(v)) return v;
  const result = forecast(history.values, {
    horizon: horizon as number,
    method: method as MethodId | 'auto',
    seasonLength: seasonLength as number,
    level: level as number,
  });
  return isCalcError(result) ? result : { history, result };
}

/** Lines of values spilled the way the history runs: a column per line for a column history, else a row. */
function spill(history: Series, lines: readonly (readonly number[])[]): Result[][] {
  if (history.orientation === 'row') return lines.map((line) => [...line]);
  return lines[0].map((_, i) => lines.map((line) => line[i]));
}

/** A horizon written as a constant (in a test host that sizes spills before evaluating). */
function literalHorizon(constant: (index: number) => Cell, index: number): number {
  const h = Number(constant(index));
  return Number.isInteger(h) && h >= 1 && h <= MAX_HORIZON ? h : 1;
}

const FORECAST: RangeDef = {
  id: 'FORECAST',
  kind: 'range',
  params: [series('history'), horizonParam, methodParam, seasonParam],
  resultSize: (rows, cols, constant) => {
    const h = literalHorizon(constant, 1);
    return rows > 1 || cols === 1 ? [h, 1] : [1, h];
  },
  run([history, horizon, method, m]) {
    const r = runForecast(history, horizonArg(horizon), methodArg(method), numberArg(m, seasonParam));
    return isCalcError(r) ? errorResult(r) : spill(r.history, [r.result.forecast]);
  },
};

const FORECASTINTERVAL: RangeDef = {
  id: 'FORECASTINTERVAL',
  kind: 'range',
  params: [series('history'), horizonParam, levelParam, methodParam, seasonParam],
  resultSize: (rows, cols, constant) => {
    const h = literalHorizon(constant, 1);
    return rows > 1 || cols === 1 ? [h, 3] : [3, h];
  },
  run([history, horizon, level, method, m]) {
    const r = runForecast(history, horizonArg(horizon), methodArg(method), numberArg(m, seasonParam), numberArg(level, levelParam));
    return isCalcError(r) ? errorResult(r) : spill(r.history, [r.result.lower, r.result.forecast, r.result.upper]);
  },
};

const FORECASTMETHOD: RangeDef = {
  id: 'FORECASTMETHOD',
  kind: 'range',
  params: [series('history'), seasonParam, methodHorizonParam],
  resultSize: () => [1, 1],
  run([history, m, horizon]) {
    const r = runForecast(history, horizonArg(horizon, methodHorizonParam), AUTO, numberArg(m, seasonParam));
    return [[isCalcError(r) ? r : methodById(r.result.method).label]];
  },
};

type Measure = (actual: readonly number[], forecast: readonly number[], insample: readonly number[], m: number) => number | CalcError;

/** MASE and RMSSE: actual and forecast of the same periods, the in-sample history that scales them. */
function scaledError(id: string, measure: Measure): RangeDef {
  return {
    id,
    kind: 'range',
    params: [series('actual'), series('forecast'), series('insample'), seasonParam],
    resultSize: () => [1, 1],
    run([actualArg, forecastArg, insampleArg, mArg]) {
      const actual = seriesArg(actualArg, 'actual', 'any');
      const predicted = seriesArg(forecastArg, 'forecast', 'any');
      const insample = seriesArg(insampleArg, 'insample', 'any');
      const m = numberArg(mArg, seasonParam);
      for (const v of [actual, predicted, insample, m]) if (isCalcError(v)) return errorResult(v);
      return [[measure((actual as Series).values, (predicted as Series).values, (insample as Series).values, m as number)]];
    },
  };
}

const FORECASTBIAS: RangeDef = {
  id: 'FORECASTBIAS',
  kind: 'range',
  params: [series('actual'), series('forecast')],
  resultSize: () => [1, 1],
  run([actualArg, forecastArg]) {
    const actual = seriesArg(actualArg, 'actual', 'any');
    if (isCalcError(actual)) return errorResult(actual);
    const predicted = seriesArg(forecastArg, 'forecast', 'any');
    if (isCalcError(predicted)) return errorResult(predicted);
    return [[bias(actual.values, predicted.values)]];
  },
};

export const FORECAST_FUNCTIONS: readonly RangeDef[] = [
  FORECAST,
  FORECASTINTERVAL,
  FORECASTMETHOD,
  scaledError('MASE', mase),
  scaledError('RMSSE', rmsse),
  FORECASTBIAS,
];
