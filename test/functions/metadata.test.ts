/**
 * Pins the custom functions' metadata as custom-functions-metadata generates it from the JSDoc of
 * src/functions/functions.ts (the same generator the webpack plugin runs), so renaming a function or a
 * parameter is always a deliberate change of this list. Also checks that every JSDoc wrapper matches
 * the catalog definition it runs (same parameters, same optional ones, in the same order).
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { isOptional } from '../../src/functions/args';
import { FUNCTIONS } from '../../src/functions/catalog';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { replaceReference } = require('../../scripts/function-reference.cjs') as { replaceReference: (readme: string, functions: unknown[]) => string };

interface MetaParam {
  name: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
  description?: string;
}
interface MetaFunction {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: MetaParam[];
  result: { dimensionality?: string };
}

/** id → parameters, `?` marking optional ones. Change deliberately, together with the README. */
const PINNED: Record<string, string> = {
  DOI: 'stock, velocity',
  DOIINBOUND: 'stock, inbound, velocity',
  VELOCITY: 'sold, periodDays?',
  SAFETYSTOCK: 'velocity, safetyDays?',
  SAFETYSTOCKSL: 'serviceLevel, dailyDemand, demandSd, leadTimeDays, leadTimeSd?',
  SERVICEZ: 'serviceLevel',
  REORDERPOINT: 'dailyDemand, leadTimeDays, safetyStock',
  ORDERUPTO: 'dailyDemand, leadTimeDays, safetyStock, reviewDays?',
  REORDERQTY: 'target, available, inbound?, reorderPoint?',
  ROUNDQTY: 'qty, moq?, casePack?',
  EOQ: 'annualDemand, orderCost, holdingCost',
  EXCESSQTY: 'available, velocity, excessDays?',
  NEEDQTY: 'velocity, available, inbound?, safetyDays?',
  TRANSFERQTY: 'sourceExcess, destinationNeed, minTransferQty?, transferCostPerUnit?, unitCost?',
  STOCKVALUE: 'available, unitCost',
  GMROI: 'price, unitCost, sold, available',
  SELLTHROUGH: 'sold, available',
  LOSTREVENUE: 'daysOutOfStock, velocity, price',
  LIQDISCOUNT: 'velocity, available, targetDoi?, elasticity?, maxDiscount?, model?',
  DAYSTOCLEAR: 'available, velocity, discount?, elasticity?',
  CRITICALRATIO: 'stockoutCost, holdingCost',
  NEWSVENDOR: 'meanLeadTimeDemand, sdLeadTimeDemand, stockoutCost, holdingCost',
  ABC: 'values, aCut?, bCut?',
  XYZ: 'history, xCut?, yCut?',
  DEMANDCLASS: 'history',
  MOVEMENT: 'velocity, available, safetyDays?, excessDays?',
  AGINGBUCKET: 'ageDays',
  URGENCY: 'velocity, available, strandedUnits?, criticalDays?, stockoutDays?, severeExcessDays?',
  APPROVALTIER: 'orderValue, autoBelow?, managerBelow?, directorBelow?',
  FORECAST: 'history, horizon, method?, seasonLength?',
  FORECASTINTERVAL: 'history, horizon, level?, method?, seasonLength?',
  FORECASTMETHOD: 'history, seasonLength?, horizon?',
  MASE: 'actual, forecast, insample, seasonLength?',
  RMSSE: 'actual, forecast, insample, seasonLength?',
  FORECASTBIAS: 'actual, forecast',
  SIMULATE: 'demand, reorderLevel, orderUpTo, leadTime, holdingCost, stockoutCost, startStock?',
  SIMULATERQ: 'demand, reorderPoint, orderQty, leadTime, holdingCost, stockoutCost, startStock?',
};

const signature = (params: { name: string; optional?: boolean }[]) =>
  params.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');

let functions: MetaFunction[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(__dirname, '../../src/functions/functions.ts')], true);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
}, 60_000);

describe('functions.json', () => {
  it('lists exactly the pinned functions with the pinned parameters', () => {
    const actual = Object.fromEntries(functions.map((f) => [f.id, signature(f.parameters)]));
    expect(actual).toEqual(PINNED);
  });

  it('includes every function the issue requires', () => {
    const required =
      'DOI DOIINBOUND VELOCITY SAFETYSTOCK SAFETYSTOCKSL SERVICEZ REORDERPOINT ORDERUPTO REORDERQTY ROUNDQTY EOQ EXCESSQTY NEEDQTY TRANSFERQTY STOCKVALUE GMROI SELLTHROUGH LOSTREVENUE LIQDISCOUNT DAYSTOCLEAR CRITICALRATIO ABC XYZ DEMANDCLASS MOVEMENT AGINGBUCKET URGENCY APPROVALTIER NEWSVENDOR FORECAST FORECASTINTERVAL FORECASTMETHOD MASE RMSSE FORECASTBIAS SIMULATE SIMULATERQ'.split(' ');
    expect(functions.map((f) => f.id)).toEqual(expect.arrayContaining(required));
  });

  it('takes ranges and spills: every parameter and result is a matrix', () => {
    for (const f of functions) {
      expect(f.result.dimensionality).toBe('matrix');
      for (const p of f.parameters) expect([f.id, p.name, p.dimensionality]).toEqual([f.id, p.name, 'matrix']);
    }
  });

  it('documents every function: description, parameter descriptions and a help URL to its README section', () => {
    for (const f of functions) {
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(3);
    }
  });

  it('matches the catalog the functions run: same parameters, same optional ones', () => {
    const catalog = Object.fromEntries(
      FUNCTIONS.map((f) => [
        f.id,
        signature(f.params.map((p) => ({ name: p.name, optional: isOptional(p) }))),
      ]),
    );
    expect(catalog).toEqual(Object.fromEntries(functions.map((f) => [f.id, signature(f.parameters)])));
  });

  it('is what the README function reference says (run `npm run docs` after changing the JSDoc)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toBe(replaceReference(readme, functions));
    for (const f of functions) expect(readme).toContain(`### ${f.id.toLowerCase()}\n`);
  });
});
