/**
 * Every LUMIVE function, declared once: its parameters (name, blank rule, default) and the engine
 * formula it applies. The Excel custom functions (functions.ts), the HyperFormula plugin used in tests
 * and the `lumive eval` command all run these same definitions through `callFunction`.
 *
 * Defaults come from the engine's DEFAULT_SETTINGS (docs/FORMULAS.md, "Settings and defaults").
 * The functions over one whole series (forecasting.ts, simulation.ts) are declared beside their readers.
 */
import { CalcError, DEFAULT_APPROVAL_TIERS, DEFAULT_SETTINGS as D, LiquidationModel, abcClasses, agingBucket, approvalTier, coverSafetyStock, criticalRatio, daysToClear, demandClass, doi, doiInclInbound, eoq, excessQty, gmroi, isCalcError, liquidationDiscount, lostRevenue, messages, movement, naError, needQty, newsvendorOrderUpTo, orderUpTo, reorderPoint, reorderQty, roundOrderQty, sellThrough, serviceSafetyStock, serviceZ, stockValue, transferQty, urgency, valueError, velocity, xyzClass } from '../engine';
import { Arg, ArgumentError, Cell, coerceCell, flatten, isGrid, NumberParam, Param, Result, Rule, shapeOf } from './args';
import { FunctionDef } from './call';
import { FORECAST_FUNCTIONS } from './forecasting';
import { SIMULATION_FUNCTIONS } from './simulation';

/** A required quantity (≥ 0 unless said): a blank cell is 0. */
const qty = (name: string, rule: Rule = 'nonNegative'): NumberParam => ({ name, type: 'number', blank: 'zero', rule });
/** A required value with no natural zero (cost, price, a probability): a blank cell is missing. */
const value = (name: string, rule: Rule = 'nonNegative'): NumberParam => ({ name, type: 'number', blank: 'missing', rule });
/** An optional setting: omitted or blank takes the default. */
const opt = (name: string, dflt: number, rule: Rule = 'nonNegative'): NumberParam => ({
  name,
  type: 'number',
  blank: 'default',
  default: dflt,
  rule,
});
/** An optional value with no default: omitted or blank reads as missing (`null`). */
const maybe = (name: string, rule: Rule = 'nonNegative'): NumberParam => ({ name, type: 'number', blank: 'missing', optional: true, rule });

/** A value the formula needs but the cell left blank: #N/A naming the argument. */
function present(x: number | null, name: string): CalcError | undefined {
  return x === null ? naError(messages.missing(name)) : undefined;
}

/** DOI of positive stock with no sales is unbounded: shown as #N/A "No sales". */
function days(x: number | CalcError): Result {
  if (isCalcError(x)) return x;
  return x === Infinity ? naError(messages.noSales()) : x;
}

const elementwise = (
  id: string,
  params: Param[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fn: (...values: any[]) => Result,
): FunctionDef => ({ id, kind: 'elementwise', params, fn });

/** A parameter that must be one value, not a range (cut-offs of list functions). */
function scalarArg(id: string, arg: Arg, param: NumberParam): number {
  if (isGrid(arg) && (arg.length !== 1 || arg[0].length !== 1)) {
    throw new ArgumentError(valueError(`${param.name} must be a single value`));
  }
  const v = coerceCell(isGrid(arg) ? arg[0][0] : arg, param);
  if (isCalcError(v)) throw new ArgumentError(v);
  if (typeof v !== 'number') throw new ArgumentError(valueError(`${id}: ${messages.notANumber(param.name)}`));
  return v;
}

/**
 * History ranges hold one series per row (periods across); a single column is one series (periods
 * down). Blank cells are periods without data and are skipped; months without sales are typed as 0.
 */
function seriesOf(arg: Arg, param: NumberParam): (number[] | CalcError)[] {
  const lines: Cell[][] = !isGrid(arg) ? [[arg]] : isOneColumnSeries(...shapeOf(arg)) ? [arg.map((r) => r[0])] : arg;
  return lines.map((line) => {
    const out: number[] = [];
    for (const cell of line) {
      const v = coerceCell(cell, param);
      if (isCalcError(v)) return v;
      if (typeof v === 'number') out.push(v);
    }
    return out;
  });
}

/** A single column of several cells is one series, periods down. */
function isOneColumnSeries(rows: number, cols: number): boolean {
  return cols === 1 && rows > 1;
}

/** One result per series, in a column. */
const perSeries = (rows: number, cols: number): [number, number] => [isOneColumnSeries(rows, cols) ? 1 : rows, 1];

const historyParam = value('history');

export const FUNCTIONS: readonly FunctionDef[] = [
  elementwise('DOI', [qty('stock'), qty('velocity')], (s: number, v: number) => days(doi(s, v))),
  elementwise('DOIINBOUND', [qty('stock'), qty('inbound'), qty('velocity')], (s: number, i: number, v: number) =>
    days(doiInclInbound(s, i, v)),
  ),
  elementwise('VELOCITY', [qty('sold'), opt('periodDays', D.periodDays, 'positive')], velocity),
  elementwise('SAFETYSTOCK', [qty('velocity'), opt('safetyDays', D.safetyDays)], coverSafetyStock),
  elementwise(
    'SAFETYSTOCKSL',
    [value('serviceLevel', 'openUnit'), qty('dailyDemand'), qty('demandSd'), value('leadTimeDays'), opt('leadTimeSd', D.leadTimeSdDays)],
    (p: number | null, d: number, sd: number, l: number | null, sl: number) =>
      present(p, 'serviceLevel') ?? present(l, 'leadTimeDays') ?? serviceSafetyStock(p as number, d, sd, l as number, sl),
  ),
  elementwise('SERVICEZ', [value('serviceLevel', 'openUnit')], (p: number | null) => present(p, 'serviceLevel') ?? serviceZ(p as number)),
  elementwise('REORDERPOINT', [qty('dailyDemand'), value('leadTimeDays'), qty('safetyStock')], (d: number, l: number | null, ss: number) =>
    present(l, 'leadTimeDays') ?? reorderPoint(d, l as number, ss),
  ),
  elementwise(
    'ORDERUPTO',
    [qty('dailyDemand'), value('leadTimeDays'), qty('safetyStock'), opt('reviewDays', D.reviewDays)],
    (d: number, l: number | null, ss: number, r: number) => present(l, 'leadTimeDays') ?? orderUpTo(d, l as number, r, ss),
  ),
  elementwise(
    'REORDERQTY',
    [qty('target'), qty('available'), opt('inbound', 0), maybe('reorderPoint')],
    (t: number, a: number, i: number, rop: number | null) => reorderQty(t, a, i, rop ?? undefined),
  ),
  elementwise('ROUNDQTY', [qty('qty'), opt('moq', 0), opt('casePack', 1, 'positive')], roundOrderQty),
  elementwise('EOQ', [qty('annualDemand'), qty('orderCost'), value('holdingCost', 'positive')], (dm: number, s: number, h: number | null) =>
    present(h, 'holdingCost') ?? eoq(dm, s, h as number),
  ),
  elementwise('EXCESSQTY', [qty('available'), qty('velocity'), opt('excessDays', D.excessDays)], excessQty),
  elementwise(
    'NEEDQTY',
    [qty('velocity'), qty('available'), opt('inbound', 0), opt('safetyDays', D.safetyDays)],
    (v: number, a: number, i: number, sd: number) => needQty(v, sd, a, i),
  ),
  elementwise(
    'TRANSFERQTY',
    [
      qty('sourceExcess'),
      qty('destinationNeed'),
      opt('minTransferQty', D.minTransferQty),
      opt('transferCostPerUnit', D.transferCostPerUnit),
      maybe('unitCost'),
    ],
    (e: number, n: number, min: number, tc: number, uc: number | null) => transferQty(e, n, min, tc, uc),
  ),
  elementwise('STOCKVALUE', [qty('available'), value('unitCost')], stockValue),
  elementwise('GMROI', [value('price'), value('unitCost'), qty('sold'), qty('available')], (p: number | null, c: number | null, s: number, a: number) =>
    present(p, 'price') ?? gmroi(p as number, c, s, a),
  ),
  elementwise('SELLTHROUGH', [qty('sold'), qty('available')], sellThrough),
  elementwise('LOSTREVENUE', [qty('daysOutOfStock'), qty('velocity'), value('price')], (d: number, v: number, p: number | null) =>
    present(p, 'price') ?? lostRevenue(d, v, p as number),
  ),
  elementwise(
    'LIQDISCOUNT',
    [
      qty('velocity'),
      qty('available'),
      opt('targetDoi', D.targetDoi, 'positive'),
      opt('elasticity', D.elasticity, 'positive'),
      opt('maxDiscount', D.maxDiscount, 'closedUnit'),
      { name: 'model', type: 'choice', choices: ['elasticity', 'linear'], default: D.liquidationModel },
    ],
    (v: number, a: number, t: number, e: number, m: number, model: LiquidationModel) => liquidationDiscount(v, a, t, e, m, model),
  ),
  elementwise(
    'DAYSTOCLEAR',
    [qty('available'), qty('velocity'), opt('discount', 0, 'closedUnit'), opt('elasticity', D.elasticity, 'positive')],
    (a: number, v: number, d: number, e: number) => days(daysToClear(a, v, d, e)),
  ),
  elementwise('CRITICALRATIO', [qty('stockoutCost'), qty('holdingCost')], criticalRatio),
  elementwise(
    'NEWSVENDOR',
    [qty('meanLeadTimeDemand'), qty('sdLeadTimeDemand'), value('stockoutCost'), value('holdingCost')],
    (mu: number, sd: number, p: number | null, h: number | null) =>
      present(p, 'stockoutCost') ?? present(h, 'holdingCost') ?? newsvendorOrderUpTo(mu, sd, p as number, h as number),
  ),
  {
    id: 'ABC',
    kind: 'range',
    params: [value('values', 'any'), opt('aCut', D.abcCuts[0], 'closedUnit'), opt('bCut', D.abcCuts[1], 'closedUnit')],
    resultSize: (rows, cols) => [rows, cols],
    run(args) {
      const [valuesArg, aArg, bArg] = args;
      const a = scalarArg('ABC', aArg, opt('aCut', D.abcCuts[0], 'closedUnit'));
      const b = scalarArg('ABC', bArg, opt('bCut', D.abcCuts[1], 'closedUnit'));
      const cells = flatten(valuesArg).map((cell) => coerceCell(cell, value('values', 'any')));
      const numbers = cells.map((v) => (typeof v === 'number' ? v : null));
      const classes = abcClasses(numbers, [a, b]);
      const flat: Result[] = classes.map((cls, i) => (isCalcError(cells[i]) ? (cells[i] as CalcError) : cls));
      const [rows, cols] = shapeOf(valuesArg);
      return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
    },
  },
  {
    id: 'XYZ',
    kind: 'range',
    params: [historyParam, opt('xCut', D.xyzCuts[0]), opt('yCut', D.xyzCuts[1])],
    resultSize: perSeries,
    run(args) {
      const x = scalarArg('XYZ', args[1], opt('xCut', D.xyzCuts[0]));
      const y = scalarArg('XYZ', args[2], opt('yCut', D.xyzCuts[1]));
      return seriesOf(args[0], historyParam).map((s) => {
        const cls = isCalcError(s) ? s : xyzClass(s, [x, y]);
        return [cls === null ? '—' : cls];
      });
    },
  },
  {
    id: 'DEMANDCLASS',
    kind: 'range',
    params: [historyParam],
    resultSize: perSeries,
    run(args) {
      return seriesOf(args[0], historyParam).map((s) => {
        const cls = isCalcError(s) ? s : demandClass(s);
        return [cls === null ? naError('No demand in history') : cls];
      });
    },
  },
  elementwise(
    'MOVEMENT',
    [qty('velocity'), qty('available'), opt('safetyDays', D.safetyDays), opt('excessDays', D.excessDays)],
    (v: number, a: number, s: number, e: number) => {
      const d = doi(a, v);
      return isCalcError(d) ? d : movement(v, d, s, e);
    },
  ),
  elementwise('AGINGBUCKET', [value('ageDays')], (age: number | null) => present(age, 'ageDays') ?? agingBucket(age as number)),
  elementwise(
    'URGENCY',
    [
      qty('velocity'),
      qty('available'),
      opt('strandedUnits', 0),
      opt('criticalDays', D.criticalDays),
      opt('stockoutDays', D.stockoutDays),
      opt('severeExcessDays', D.severeExcessDays),
    ],
    (v: number, a: number, st: number, criticalDays: number, stockoutDays: number, severeExcessDays: number) => {
      const d = doi(a, v);
      return isCalcError(d) ? d : urgency(v, d, a, st, { criticalDays, stockoutDays, severeExcessDays });
    },
  ),
  elementwise(
    'APPROVALTIER',
    [
      qty('orderValue'),
      opt('autoBelow', DEFAULT_APPROVAL_TIERS[0].below as number),
      opt('managerBelow', DEFAULT_APPROVAL_TIERS[1].below as number),
      opt('directorBelow', DEFAULT_APPROVAL_TIERS[2].below as number),
    ],
    (v: number, auto: number, manager: number, director: number) =>
      approvalTier(v, [
        { tier: DEFAULT_APPROVAL_TIERS[0].tier, below: auto },
        { tier: DEFAULT_APPROVAL_TIERS[1].tier, below: manager },
        { tier: DEFAULT_APPROVAL_TIERS[2].tier, below: director },
        { tier: DEFAULT_APPROVAL_TIERS[3].tier, below: null },
      ]),
  ),
  ...FORECAST_FUNCTIONS,
  ...SIMULATION_FUNCTIONS,
];

const BY_ID = new Map(FUNCTIONS.map((f) => [f.id, f]));

/** The definition of a LUMIVE function by id (without the namespace), case-insensitive. */
export function functionDef(id: string): FunctionDef | undefined {
  return BY_ID.get(id.toUpperCase());
}
