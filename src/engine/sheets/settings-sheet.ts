/**
 * The Lumive Settings sheet (docs/FORMULAS.md, "Settings and defaults"): one row per setting with its key,
 * label, value, default and meaning. Created with the defaults on the first run, read back on every
 * run: a user's edit is honored; a value that is not valid is reported (sheet, row, column, reason)
 * and its default is used. The same validation reads `--settings file.json`.
 *
 * Keys are stable identifiers (the Key column); labels are for people. Cross-field rules: criticalDays
 * ≤ stockoutDays, abcCutA < abcCutB, xyzCutX < xyzCutY, approval tier limits ascending; a value that
 * breaks one is reported and the pair falls back to its defaults.
 */
import type { ImportIssue, RawCell, RawGrid } from '../ingest/types';
import { isValueProblem, issueAt } from '../ingest/types';
import { parseNumber } from '../ingest/values/numbers';
import { parseText } from '../ingest/values/text';
import { DEFAULT_SETTINGS, type Settings } from '../model';
import { problemOf, type Problem } from '../problems';
import type { CellValue, SheetSpec } from './spec';
import { TABLE_NAMES } from './names';
import { tableSheet } from './table';

type Rule =
  | { readonly type: 'number'; readonly min: number; readonly minOpen?: boolean; readonly max?: number; readonly maxOpen?: boolean; readonly integer?: boolean }
  | { readonly type: 'choice'; readonly options: readonly string[] };

export interface SettingField {
  readonly key: string;
  readonly label: string;
  readonly meaning: string;
  readonly rule: Rule;
  readonly format?: string;
}

/** Ten years: no period, lead time or cover a seller plans with is longer (a larger value is a typo, and 1e308 would overflow the plan). */
const MAX_DAYS = 3650;
/** No money setting (fees, order cost, approval limits) comes near a billion. */
const MAX_AMOUNT = 1e9;
const days = (key: string, label: string, meaning: string, minOpen = false): SettingField => ({ key, label, meaning, rule: { type: 'number', min: 0, minOpen, max: MAX_DAYS }, format: '0' });
const share = (key: string, label: string, meaning: string, maxOpen = false, minOpen = false): SettingField => ({ key, label, meaning, rule: { type: 'number', min: 0, minOpen, max: 1, maxOpen }, format: '0.0%' });
/** An event uplift: the extra share of sales on an event day, from 0 to +1,000% (events are planned as peaks). */
const uplift = (key: string, event: string): SettingField => ({
  key,
  label: `Uplift: ${event.split(' (')[0]}`,
  meaning: `Extra share of sales on a day of ${event} for a SKU whose history does not show it, when no SKU of its channel does either (else their average is used); 0 assumes none: no public figure was found, set what you know`,
  rule: { type: 'number', min: 0, max: 10 },
  format: '0%',
});
const amount = (key: string, label: string, meaning: string): SettingField => ({ key, label, meaning, rule: { type: 'number', min: 0, max: MAX_AMOUNT }, format: '#,##0.00' });

export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'policy', label: 'Policy', meaning: 'cover = days of cover (the simple rule); service = statistical service level', rule: { type: 'choice', options: ['cover', 'service'] } },
  days('periodDays', 'Sales period (days)', 'Length of the sales period when a report does not say', true),
  days('safetyDays', 'Safety days', 'Days of cover kept as buffer (cover policy)'),
  days('excessDays', 'Excess above (days)', 'DOI above this is excess', true),
  days('stockoutDays', 'Stockout risk below (days)', 'DOI below this is a stockout risk (LOW)'),
  days('criticalDays', 'Critical below (days)', 'DOI below this is CRITICAL'),
  days('severeExcessDays', 'Severe excess above (days)', 'DOI above this is HIGH', true),
  days('leadTimeDays', 'Lead time (days)', 'Supplier lead time when the mapping gives none'),
  days('leadTimeSdDays', 'Lead time std (days)', 'Lead-time standard deviation (service policy)'),
  days('reviewDays', 'Review period (days)', 'How often the plan is reviewed (order-up-to horizon = lead time + review)'),
  share('serviceLevelA', 'Service level, A items', 'Target cycle service level for A items (service policy)', true, true),
  share('serviceLevelB', 'Service level, B items', 'Target cycle service level for B items', true, true),
  share('serviceLevelC', 'Service level, C items', 'Target cycle service level for C items', true, true),
  { key: 'abcBasis', label: 'ABC basis', meaning: 'revenue or units', rule: { type: 'choice', options: ['revenue', 'units'] } },
  share('abcCutA', 'ABC cut A', 'Cumulative share limit of A items', false, true),
  share('abcCutB', 'ABC cut B', 'Cumulative share limit of B items', false, true),
  { key: 'xyzCutX', label: 'XYZ cut X', meaning: 'Coefficient-of-variation limit of X items', rule: { type: 'number', min: 0, minOpen: true, max: 100 }, format: '0.00' },
  { key: 'xyzCutY', label: 'XYZ cut Y', meaning: 'Coefficient-of-variation limit of Y items', rule: { type: 'number', min: 0, minOpen: true, max: 100 }, format: '0.00' },
  share('trendThreshold', 'Trend band', 'Month-over-month velocity change beyond ± this is growth or decline (Trends)', false, true),
  { key: 'minTransferQty', label: 'Minimum transfer (units)', meaning: 'Smallest transfer worth recommending', rule: { type: 'number', min: 0, max: MAX_AMOUNT, integer: true }, format: '#,##0' },
  amount('transferCostPerUnit', 'Transfer cost per unit', 'Removal + shipping + inbound cost of moving one unit between channels'),
  amount('orderCost', 'Order cost', 'Fixed cost of placing one purchase order (EOQ)'),
  share('holdingRate', 'Holding rate per year', 'Holding cost per year as a share of unit cost (EOQ)'),
  amount('approvalAutoBelow', 'Auto-approve below', 'Order value (reporting currency) below which rows are approved automatically'),
  amount('approvalManagerBelow', 'Manager approval below', 'Order value below which a manager approves'),
  amount('approvalDirectorBelow', 'Director approval below', 'Order value below which a director approves; above it, executive'),
  { key: 'elasticity', label: 'Price elasticity', meaning: 'Price elasticity of demand (positive number)', rule: { type: 'number', min: 0, minOpen: true, max: 100 }, format: '0.00' },
  days('targetDoi', 'Target DOI after liquidation', 'Days of inventory a clearance aims for', true),
  share('maxDiscount', 'Maximum discount', 'Largest discount the liquidation planner proposes', true),
  { key: 'liquidationModel', label: 'Liquidation model', meaning: 'elasticity (constant elasticity) or linear (the original dashboard)', rule: { type: 'choice', options: ['elasticity', 'linear'] } },
  share('outletDiscount', 'Outlet deal discount', 'Price cut of an outlet / clearance deal', true),
  share('outletSellThrough', 'Outlet deal sell-through', 'Share of units an outlet deal is expected to sell'),
  share('liquidationRecovery', 'Liquidation recovery', 'Share of the price a liquidation pays back per unit, after fees'),
  amount('removalFeePerUnit', 'Removal fee per unit', 'Fee to remove one unit, returned to you (channel currency); no public amazon.sa / amazon.ae figure was found: a planning default'),
  days('excessHorizonDays', 'Excess decision horizon (days)', 'Days over which keeping, discounting, an outlet deal, liquidation, removal and disposal of excess stock are compared', true),
  share('referralFeeShare', 'Referral fee', 'Referral fee as a share of the price when no FBA fee preview is imported; amazon.sa: most categories 5–15% (sell.amazon.sa/en/pricing), set your category\'s', true),
  amount('fulfillmentFeePerUnit', 'Fulfillment fee per unit', 'Fulfillment fee per unit sold when no FBA fee preview is imported (channel currency); amazon.sa FBA starts at 5 SAR a unit (sell.amazon.sa/en/pricing); no public amazon.ae or noon figure was found'),
  amount('storageFeePerUnitMonth', 'Storage fee per unit-month', 'Storage per unit a month when no Monthly storage fees report is imported (channel currency); Amazon charges per cubic foot a month and no public amazon.sa / amazon.ae rate was found: a planning default'),
  amount('agedSurchargePerUnitMonth', 'Aged surcharge per unit-month', 'Aged-inventory surcharge per unit a month from 181 days of age when no surcharge report is imported (channel currency); no public amazon.sa / amazon.ae figure was found'),
  amount('disposalFeePerUnit', 'Disposal fee per unit', 'Fee to dispose of one unit (channel currency); no public amazon.sa / amazon.ae figure was found: a planning default'),
  amount('resalePerUnit', 'Resale value of a removed unit', 'What a unit removed and returned to you is worth, resold elsewhere (channel currency)'),
  uplift('upliftRamadan', 'Ramadan'),
  uplift('upliftEidAlFitr', 'Eid al-Fitr'),
  uplift('upliftEidAlAdha', 'Eid al-Adha'),
  uplift('upliftWhiteFriday', 'White Friday'),
  uplift('upliftSinglesDay', '11.11'),
  uplift('upliftBackToSchool', 'back to school'),
  uplift('upliftNationalDays', 'the national days (Saudi Founding Day, Saudi National Day, UAE National Day)'),
  { key: 'reportingCurrency', label: 'Reporting currency', meaning: 'Currency of totals: SAR or AED', rule: { type: 'choice', options: ['SAR', 'AED'] } },
  { key: 'aedToSar', label: 'AED to SAR', meaning: 'SAR per AED', rule: { type: 'number', min: 0, minOpen: true, max: 100 }, format: '0.0000' },
];

export type FlatSettings = Record<string, number | string>;

export function flatten(s: Settings): FlatSettings {
  const [auto, manager, director] = s.approvalTiers;
  const flat: FlatSettings = {};
  for (const f of SETTING_FIELDS) flat[f.key] = 0;
  Object.assign(flat, {
    policy: s.policy,
    periodDays: s.periodDays,
    safetyDays: s.safetyDays,
    excessDays: s.excessDays,
    stockoutDays: s.stockoutDays,
    criticalDays: s.criticalDays,
    severeExcessDays: s.severeExcessDays,
    leadTimeDays: s.leadTimeDays,
    leadTimeSdDays: s.leadTimeSdDays,
    reviewDays: s.reviewDays,
    serviceLevelA: s.serviceLevel.A,
    serviceLevelB: s.serviceLevel.B,
    serviceLevelC: s.serviceLevel.C,
    abcBasis: s.abcBasis,
    abcCutA: s.abcCuts[0],
    abcCutB: s.abcCuts[1],
    xyzCutX: s.xyzCuts[0],
    xyzCutY: s.xyzCuts[1],
    trendThreshold: s.trendThreshold,
    minTransferQty: s.minTransferQty,
    transferCostPerUnit: s.transferCostPerUnit,
    orderCost: s.orderCost,
    holdingRate: s.holdingRate,
    approvalAutoBelow: auto?.below ?? 5_000,
    approvalManagerBelow: manager?.below ?? 50_000,
    approvalDirectorBelow: director?.below ?? 100_000,
    elasticity: s.elasticity,
    targetDoi: s.targetDoi,
    maxDiscount: s.maxDiscount,
    liquidationModel: s.liquidationModel,
    outletDiscount: s.outletDiscount,
    outletSellThrough: s.outletSellThrough,
    liquidationRecovery: s.liquidationRecovery,
    removalFeePerUnit: s.removalFeePerUnit,
    excessHorizonDays: s.excessHorizonDays,
    referralFeeShare: s.referralFeeShare,
    fulfillmentFeePerUnit: s.fulfillmentFeePerUnit,
    storageFeePerUnitMonth: s.storageFeePerUnitMonth,
    agedSurchargePerUnitMonth: s.agedSurchargePerUnitMonth,
    disposalFeePerUnit: s.disposalFeePerUnit,
    resalePerUnit: s.resalePerUnit,
    upliftRamadan: s.upliftRamadan,
    upliftEidAlFitr: s.upliftEidAlFitr,
    upliftEidAlAdha: s.upliftEidAlAdha,
    upliftWhiteFriday: s.upliftWhiteFriday,
    upliftSinglesDay: s.upliftSinglesDay,
    upliftBackToSchool: s.upliftBackToSchool,
    upliftNationalDays: s.upliftNationalDays,
    reportingCurrency: s.reportingCurrency,
    aedToSar: s.aedToSar,
  });
  return flat;
}

export function unflatten(f: FlatSettings): Settings {
  const n = (k: string) => f[k] as number;
  return {
    ...DEFAULT_SETTINGS,
    policy: f.policy as Settings['policy'],
    periodDays: n('periodDays'),
    safetyDays: n('safetyDays'),
    excessDays: n('excessDays'),
    stockoutDays: n('stockoutDays'),
    criticalDays: n('criticalDays'),
    severeExcessDays: n('severeExcessDays'),
    leadTimeDays: n('leadTimeDays'),
    leadTimeSdDays: n('leadTimeSdDays'),
    reviewDays: n('reviewDays'),
    serviceLevel: { A: n('serviceLevelA'), B: n('serviceLevelB'), C: n('serviceLevelC') },
    abcBasis: f.abcBasis as Settings['abcBasis'],
    abcCuts: [n('abcCutA'), n('abcCutB')],
    xyzCuts: [n('xyzCutX'), n('xyzCutY')],
    trendThreshold: n('trendThreshold'),
    minTransferQty: n('minTransferQty'),
    transferCostPerUnit: n('transferCostPerUnit'),
    orderCost: n('orderCost'),
    holdingRate: n('holdingRate'),
    approvalTiers: [
      { tier: 'Auto', below: n('approvalAutoBelow') },
      { tier: 'Manager', below: n('approvalManagerBelow') },
      { tier: 'Director', below: n('approvalDirectorBelow') },
      { tier: 'Executive', below: null },
    ],
    elasticity: n('elasticity'),
    targetDoi: n('targetDoi'),
    maxDiscount: n('maxDiscount'),
    liquidationModel: f.liquidationModel as Settings['liquidationModel'],
    outletDiscount: n('outletDiscount'),
    outletSellThrough: n('outletSellThrough'),
    liquidationRecovery: n('liquidationRecovery'),
    removalFeePerUnit: n('removalFeePerUnit'),
    excessHorizonDays: n('excessHorizonDays'),
    referralFeeShare: n('referralFeeShare'),
    fulfillmentFeePerUnit: n('fulfillmentFeePerUnit'),
    storageFeePerUnitMonth: n('storageFeePerUnitMonth'),
    agedSurchargePerUnitMonth: n('agedSurchargePerUnitMonth'),
    disposalFeePerUnit: n('disposalFeePerUnit'),
    resalePerUnit: n('resalePerUnit'),
    upliftRamadan: n('upliftRamadan'),
    upliftEidAlFitr: n('upliftEidAlFitr'),
    upliftEidAlAdha: n('upliftEidAlAdha'),
    upliftWhiteFriday: n('upliftWhiteFriday'),
    upliftSinglesDay: n('upliftSinglesDay'),
    upliftBackToSchool: n('upliftBackToSchool'),
    upliftNationalDays: n('upliftNationalDays'),
    reportingCurrency: f.reportingCurrency as Settings['reportingCurrency'],
    aedToSar: n('aedToSar'),
  };
}

/** The value of one field from a cell, or the problem that makes it not valid. */
export function parseSetting(field: SettingField, cell: RawCell | unknown): { value: number | string } | { problem: Problem } {
  const rule = field.rule;
  const label = field.label;
  if (rule.type === 'choice') {
    const t = typeof cell === 'string' || typeof cell === 'number' ? parseText(cell)?.trim() : null;
    const hit = t ? rule.options.find((o) => o.toLowerCase() === t.toLowerCase()) : undefined;
    return hit ? { value: hit } : { problem: problemOf('setting.not-an-option', { label, options: rule.options }) };
  }
  const raw = typeof cell === 'number' || typeof cell === 'string' ? parseNumber(cell) : null;
  if (raw === null) return { problem: problemOf('setting.missing', { label }) };
  if (isValueProblem(raw)) return { problem: problemOf('setting.not-a-number', { label }) };
  if (!Number.isFinite(raw)) return { problem: problemOf('setting.not-finite', { label }) };
  if (rule.integer && !Number.isInteger(raw)) return { problem: problemOf('setting.not-whole', { label }) };
  if (rule.minOpen ? raw <= rule.min : raw < rule.min) return { problem: problemOf('setting.too-small', { label, min: rule.min, open: rule.minOpen === true }) };
  if (rule.max !== undefined && (rule.maxOpen ? raw >= rule.max : raw > rule.max)) {
    return { problem: problemOf('setting.too-large', { label, max: rule.max, open: rule.maxOpen === true }) };
  }
  return { value: raw };
}

/** Fields that must be strictly ascending (criticalDays may equal stockoutDays); a break resets the group. */
const ORDERED: readonly (readonly [readonly string[], Problem, boolean])[] = [
  [['criticalDays', 'stockoutDays'], problemOf('setting.critical-above-stockout', {}), true],
  [['abcCutA', 'abcCutB'], problemOf('setting.abc-cuts-order', {}), false],
  [['xyzCutX', 'xyzCutY'], problemOf('setting.xyz-cuts-order', {}), false],
  [['approvalAutoBelow', 'approvalManagerBelow', 'approvalDirectorBelow'], problemOf('setting.approval-limits-order', {}), false],
];

export interface SettingsRead {
  readonly settings: Settings;
  readonly issues: ImportIssue[];
  /** Keys the source set (valid or not). */
  readonly present: ReadonlySet<string>;
}

/**
 * Applies values by key onto `base`; invalid ones are reported at `where(key)` and keep the default.
 * Unknown keys are reported and ignored.
 */
export function applySettings(
  values: ReadonlyMap<string, { cell: unknown; row: number | null }>,
  base: Settings,
  source: string,
  column: string,
): SettingsRead {
  const flat = flatten(base);
  const defaults = flatten(DEFAULT_SETTINGS);
  const issues: ImportIssue[] = [];
  const present = new Set<string>();
  const rowOf = new Map<string, number | null>();
  for (const [key, { cell, row }] of values) {
    const field = SETTING_FIELDS.find((f) => f.key.toLowerCase() === key.toLowerCase());
    if (!field) {
      issues.push(issueAt({ source, row, column: 'Key', value: key }, problemOf('setting.unknown', { key }), false));
      continue;
    }
    present.add(field.key);
    rowOf.set(field.key, row);
    const parsed = parseSetting(field, cell);
    if ('value' in parsed) flat[field.key] = parsed.value;
    else {
      flat[field.key] = defaults[field.key];
      const value = cell === null || cell === undefined ? null : String(cell);
      issues.push(issueAt({ source, row, column, value }, problemOf('setting.default-used', { problem: parsed.problem, default: defaults[field.key] }), false));
    }
  }
  for (const [keys, problem, equalAllowed] of ORDERED) {
    const values = keys.map((k) => flat[k] as number);
    if (values.every((v, i) => i === 0 || v > values[i - 1] || (equalAllowed && v === values[i - 1]))) continue;
    // Reported on the last edited field of the group (a value away from its default), else its last row.
    const edited = [...keys].reverse().find((k) => rowOf.get(k) !== undefined && flat[k] !== defaults[k]);
    const row = (edited ? rowOf.get(edited) : [...keys].reverse().map((k) => rowOf.get(k)).find((r) => r !== undefined)) ?? null;
    issues.push(issueAt({ source, row, column, value: values.join(' / ') }, problemOf('setting.defaults-used', { problem, defaults: keys.map((k) => defaults[k]) }), false));
    for (const k of keys) flat[k] = defaults[k];
  }
  return { settings: unflatten(flat), issues, present };
}

/**
 * What is wrong in an issue of the settings reader, without the default it used instead (a form that
 * saves nothing while a value is not valid says this); the issue's own problem when it used no default.
 */
export function settingProblem(issue: ImportIssue): Problem {
  const nested = issue.code === 'setting.default-used' || issue.code === 'setting.defaults-used' ? issue.args.problem : undefined;
  return typeof nested === 'object' && nested !== null && 'code' in nested ? nested : { code: issue.code, args: issue.args };
}

const HEADER = ['Key', 'Setting', 'Value', 'Default', 'Meaning'];

/** Reads the Lumive Settings sheet: rows under the header with a Key and a Value. */
export function readSettingsSheet(grid: RawGrid, sheetName: string, base: Settings = DEFAULT_SETTINGS): SettingsRead {
  let headerRow = -1;
  let keyCol = 0;
  let valueCol = 2;
  for (let r = 0; r < Math.min(10, grid.length); r++) {
    const names = (grid[r] ?? []).map((c) => String(c ?? '').trim());
    if (names.includes('Key') && names.includes('Value')) {
      headerRow = r;
      keyCol = names.indexOf('Key');
      valueCol = names.indexOf('Value');
      break;
    }
  }
  if (headerRow < 0) {
    return {
      settings: base,
      issues: [issueAt({ source: sheetName, row: null, column: null, value: null }, problemOf('setting.no-header', {}), true)],
      present: new Set(),
    };
  }
  const values = new Map<string, { cell: unknown; row: number | null }>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const key = parseText(grid[r]?.[keyCol] ?? null)?.trim();
    if (!key) continue;
    values.set(key, { cell: grid[r]?.[valueCol] ?? null, row: r + 1 });
  }
  return applySettings(values, base, sheetName, 'Value');
}

/** Reads settings from a JSON object (keys as on the sheet); `source` names the file in messages. */
export function readSettingsObject(obj: Readonly<Record<string, unknown>>, source: string, base: Settings = DEFAULT_SETTINGS): SettingsRead {
  const values = new Map<string, { cell: unknown; row: number | null }>();
  for (const [key, cell] of Object.entries(obj)) values.set(key, { cell, row: null });
  return applySettings(values, base, source, 'value');
}

export function settingsSheet(name: string, s: Settings): SheetSpec {
  const flat = flatten(s);
  const defaults = flatten(DEFAULT_SETTINGS);
  const spec = tableSheet<SettingField>({
    name,
    tableName: TABLE_NAMES.settings,
    title: 'Lumive settings: edit the Value column; Analyze reads it on every run (an invalid value is listed in Data Issues and its default used)',
    role: 'settings',
    freezeColumns: 2,
    rows: SETTING_FIELDS,
    columns: [
      { header: HEADER[0], value: (f) => f.key, width: 22 },
      { header: HEADER[1], value: (f) => f.label, width: 30 },
      { header: HEADER[2], value: (f) => flat[f.key] as CellValue, width: 14 },
      { header: HEADER[3], value: (f) => defaults[f.key] as CellValue, width: 12 },
      { header: HEADER[4], value: (f) => f.meaning, width: 80 },
    ],
  });
  // Per-row number formats on Value and Default.
  const formats = SETTING_FIELDS.flatMap((f, i) => (f.format ? [{ range: { row: 2 + i, column: 2, rows: 1, columns: 2 }, format: f.format }] : []));
  const lists = SETTING_FIELDS.flatMap((f, i) => (f.rule.type === 'choice' ? [{ range: { row: 2 + i, column: 2, rows: 1, columns: 1 }, list: f.rule.options }] : []));
  return { ...spec, numberFormats: [...spec.numberFormats, ...formats], validations: [...spec.validations, ...lists] };
}

