/**
 * The what-if simulator as cell functions (docs/FORMULAS.md, "Simulation (what-if)"): SIMULATE replays an
 * (s, S) policy and SIMULATERQ an (r, Q) policy over a demand series with lost sales, and both spill the
 * same table: a header row, one row per period, then total cost, fill rate and cycle service level.
 */
import { CalcError, ReplenishmentPolicy, SimulationResult, isCalcError, messages, simulate, valueError } from '../engine';
import { Arg, NumberParam, Result } from './args';
import { RangeDef } from './call';
import { errorResult, numberArg, optionalNumberArg, seriesArg } from './series';

export const SIMULATION_HEADER = ['Period', 'Demand', 'On hand', 'On order', 'Order placed', 'Unmet', 'Cost'] as const;
const WIDTH = SIMULATION_HEADER.length;
/** Rows after the periods: total cost, fill rate, cycle service level. */
const SUMMARY_ROWS = 3;

const num = (name: string, rule: NumberParam['rule'], blank: NumberParam['blank'] = 'missing'): NumberParam => ({ name, type: 'number', blank, rule });
const demandParam = num('demand', 'nonNegative');
const leadTimeParam = num('leadTime', 'nonNegative');
const holdingParam = num('holdingCost', 'nonNegative');
const stockoutParam = num('stockoutCost', 'nonNegative');
const startParam: NumberParam = { name: 'startStock', type: 'number', blank: 'missing', optional: true, rule: 'nonNegative' };

/** A labelled summary row, blank to the table's width. */
function summaryRow(label: string, value: number | null): Result[] {
  const row: Result[] = new Array(WIDTH).fill(null);
  row[0] = label;
  row[1] = value;
  return row;
}

/** The spilled table: header, one row per period, then the three summary rows. */
export function simulationTable(result: SimulationResult): Result[][] {
  const rows: Result[][] = [[...SIMULATION_HEADER]];
  for (const p of result.periods) rows.push([p.period, p.demand, p.onHandEnd, p.onOrder, p.orderPlaced, p.unmet, p.cost]);
  rows.push(
    summaryRow('Total cost', result.totals.totalCost),
    summaryRow('Fill rate', result.fillRate),
    summaryRow('Cycle service level', result.cycleServiceLevel),
  );
  return rows;
}

/**
 * One simulation function. `level` and `size` are the policy's two numbers as the function names them;
 * `policy` builds the engine's policy from them, `check` relates them (the engine's own checks name s, S,
 * r and Q; these name the arguments the user typed).
 */
function simulation(
  id: string,
  level: NumberParam,
  size: NumberParam,
  policy: (level: number, size: number) => ReplenishmentPolicy,
  check: (level: number, size: number) => CalcError | undefined,
): RangeDef {
  return {
    id,
    kind: 'range',
    params: [demandParam, level, size, leadTimeParam, holdingParam, stockoutParam, startParam],
    resultSize: (rows, cols) => [rows * cols + 1 + SUMMARY_ROWS, WIDTH],
    run(args: readonly Arg[]) {
      const [demandArg, levelArg, sizeArg, leadArg, hArg, pArg, startArg] = args;
      const demand = seriesArg(demandArg, 'demand', 'nonNegative');
      if (isCalcError(demand)) return errorResult(demand);
      const values = [numberArg(levelArg, level), numberArg(sizeArg, size), numberArg(leadArg, leadTimeParam), numberArg(hArg, holdingParam), numberArg(pArg, stockoutParam)];
      for (const v of values) if (isCalcError(v)) return errorResult(v);
      const [l, q, leadTime, holdingCost, stockoutCost] = values as number[];
      const startStock = optionalNumberArg(startArg, startParam);
      if (isCalcError(startStock)) return errorResult(startStock);
      const bad = (Number.isInteger(leadTime) ? undefined : valueError(messages.notInteger('leadTime'))) ?? check(l, q);
      if (bad) return errorResult(bad);
      const result = simulate({ demand: demand.values, policy: policy(l, q), leadTime, holdingCost, stockoutCost, startStock, unmet: 'lost' });
      return isCalcError(result) ? errorResult(result) : simulationTable(result);
    },
  };
}

export const SIMULATION_FUNCTIONS: readonly RangeDef[] = [
  simulation(
    'SIMULATE',
    num('reorderLevel', 'any'),
    num('orderUpTo', 'positive'),
    (s, S) => ({ kind: 'sS', s, S }),
    (s, S) => (s < S ? undefined : valueError('reorderLevel must be less than orderUpTo')),
  ),
  simulation(
    'SIMULATERQ',
    num('reorderPoint', 'any'),
    num('orderQty', 'positive'),
    (r, Q) => ({ kind: 'rQ', r, Q }),
    () => undefined,
  ),
];
