/**
 * The What-if panel's logic, without React: the demand a simulation replays (pasted numbers, or a
 * position's own history), the policy and cost defaults taken from the last analysis, the checks of the
 * form's fields, and the call to the engine's simulator (src/engine/simulate/simulate.ts, docs/FORMULAS.md
 * "Simulation (what-if)").
 *
 * Conventions:
 * - One period is one day. Lumive keeps sales as monthly totals (Position.salesByMonth), so a position's
 *   daily demand is each month's units spread evenly over the days of that month: a day of a 31-day
 *   month of 62 units sells 2. Calendar months between the first and the last with no sales count as
 *   0. The first and last months may be partial in the reports; they are spread over the whole month.
 *   Without any monthly history the demand is the velocity every day for 90 days.
 * - Policy levels are whole units, rounded up: (s, S) = (reorder point, order-up-to), S falling back to
 *   reorder point + EOQ, then to velocity × (lead time + review days) — raised to reorder point +
 *   velocity × review days when that is not above s (the days-of-cover rule's reorder point is 30 days
 *   of sales, more than a short lead time) — and kept at least s + 1 when there are sales;
 *   (r, Q) = (reorder point, EOQ), Q falling back to velocity × 30 days.
 * - Lead time is whole days (the simulation moves a day at a time): a fractional lead time from the
 *   analysis is rounded up, and said so; a fractional lead time typed in the form is refused.
 * - Money is in the position's channel currency (the analysis converts the mapping's cost to it):
 *   holding cost per unit per day h = holdingRate × unit cost / 365 (unknown without a cost); stockout
 *   cost per unit p = price − cost, the margin lost on a sale not made (0 when the price is below the
 *   cost), or the price when the cost is unknown (unknown without a price).
 * - Start stock = available + inbound (what is on its way is counted as already there).
 * - Unmet demand is lost, not backordered (the engine's default).
 *
 * Messages follow one template per rule, no trailing period (docs/STYLE.md 4); the pane shows the same
 * rules in Arabic from its own string table (i18n.ts).
 */
import { isCalcError, monthDays, simulate, type Currency, type PositionMetrics, type ReplenishmentPolicy, type Settings, type SimulationInput, type SimulationResult } from '../engine';

/** Days of demand a position without monthly history is replayed over (velocity each day). */
export const VELOCITY_DAYS = 90;
/** Days of order quantity Q when the position has no EOQ (no cost, or no sales). */
export const FALLBACK_Q_DAYS = 30;

// ---------------------------------------------------------------------------------------------------
// Numbers as the seller types or pastes them
// ---------------------------------------------------------------------------------------------------

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to Western, Arabic separators and the minus sign to ASCII. */
export function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.') // Arabic decimal separator ٫
    .replace(/\u066c/g, ',') // Arabic thousands separator ٬
    .replace(/\u2212/g, '-'); // minus sign −
}

/** A plain decimal number: optional sign, digits, optional decimals (no exponent, no currency). */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
/** A number with thousands separators, as Excel copies a formatted cell: 1,200 or 12,345.5. */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The number a typed text stands for (thousands separators allowed), null when it is not one. */
export function readNumber(text: string): number | null {
  const t = westernDigits(text).trim();
  const plain = GROUPED.test(t) ? t.replace(/,/g, '') : t;
  return NUMBER.test(plain) ? Number(plain) : null;
}

export type DemandProblem = 'empty' | 'notNumber' | 'negative';

export type ParsedDemand =
  | { readonly ok: true; readonly values: readonly number[] }
  | {
      readonly ok: false;
      readonly problem: DemandProblem;
      /** 1-based number of the item among the non-blank items (0 for `empty`). */
      readonly item: number;
      /** The item as pasted. */
      readonly text: string;
      readonly message: string;
    };

/** The English message templates ({item}, {text}, {field}): the pane's English table takes them from here. */
export const DEMAND_TEMPLATE: Readonly<Record<DemandProblem, string>> = {
  empty: 'Paste at least one number of units per day',
  notNumber: 'Item {item} “{text}” is not a number',
  negative: 'Item {item} “{text}” is negative: demand must be 0 or more',
};

/** A template with its {name}s filled in. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** The English message of a demand problem (the pane has the Arabic one). */
export function demandMessage(problem: DemandProblem, item: number, text: string): string {
  return fill(DEMAND_TEMPLATE[problem], { item, text });
}

/**
 * Demand per day from pasted text: numbers separated by new lines, tabs, commas (also the Arabic
 * comma ،), semicolons or spaces; blank lines and empty items are skipped; Arabic-Indic digits and
 * the Arabic decimal separator are read. When the text has line breaks or tabs (a column or row
 * copied from Excel), an item like 1,200 is one number with a thousands separator; in a typed list
 * without them, commas separate items ("1,200" is 1 and 200).
 * Anything else fails, naming the item and its text; nothing is returned then.
 */
export function parseDemand(text: string): ParsedDemand {
  const copied = /[\r\n\t]/.test(text);
  const items: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (copied && GROUPED.test(westernDigits(token))) items.push(token);
    else for (const part of token.split(/[,;\u060c\u066c]/)) if (part) items.push(part);
  }
  if (items.length === 0) return { ok: false, problem: 'empty', item: 0, text: '', message: demandMessage('empty', 0, '') };
  const values: number[] = [];
  for (const [i, item] of items.entries()) {
    const value = readNumber(item);
    const problem: DemandProblem | null = value === null ? 'notNumber' : value < 0 ? 'negative' : null;
    if (problem) return { ok: false, problem, item: i + 1, text: item, message: demandMessage(problem, i + 1, item) };
    values.push(value === 0 ? 0 : (value as number)); // no −0
  }
  return { ok: true, values };
}

// ---------------------------------------------------------------------------------------------------
// Monthly history → demand per day
// ---------------------------------------------------------------------------------------------------

/** The month after "YYYY-MM". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Daily demand from monthly totals, oldest first: each month's units ÷ the days in that month, for
 * every day of every month from the first to the last (a month missing in between sold 0).
 */
export function spreadMonthly(months: readonly { readonly month: string; readonly units: number }[]): number[] {
  const byMonth = new Map(months.map((m) => [m.month, m.units]));
  const sorted = [...byMonth.keys()].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (sorted.length === 0) return [];
  const out: number[] = [];
  const last = sorted[sorted.length - 1];
  for (let month = sorted[0]; month <= last; month = nextMonth(month)) {
    const days = monthDays(month);
    const perDay = Math.max(0, byMonth.get(month) ?? 0) / days;
    for (let d = 0; d < days; d++) out.push(perDay);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Defaults from the analysis
// ---------------------------------------------------------------------------------------------------

export interface WhatIfDefaults {
  /** Demand per day, oldest first. */
  readonly demand: readonly number[];
  /** Where the demand comes from: the monthly history, or the velocity over VELOCITY_DAYS. */
  readonly demandFrom: 'history' | 'velocity';
  /** First and last month of the history (null with `velocity`). */
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  readonly velocity: number;
  readonly sS: { readonly s: number; readonly S: number };
  readonly rQ: { readonly r: number; readonly Q: number };
  /** Whole days. */
  readonly leadTime: number;
  /** The analysis's lead time (may be fractional). */
  readonly leadTimeDays: number;
  /** Per unit on hand per day; null when the unit cost is unknown. */
  readonly holdingCost: number | null;
  /** Per unit of unmet demand; null when the price is unknown. */
  readonly stockoutCost: number | null;
  /** How the stockout cost was set: the margin, the price (cost unknown), or not at all. */
  readonly stockoutFrom: 'margin' | 'price' | null;
  readonly startStock: number;
  /** The channel's currency, in which both costs are. */
  readonly currency: Currency;
}

/** Whole units, rounded up (a level of 12.3 units keeps 13); float noise like 12.0000000001 stays 12. */
const units = (x: number) => Math.max(0, Math.ceil(x - 1e-9));

/** The simulation's defaults for one position, from its analyzed figures (conventions in the file comment). */
export function whatIfDefaults(metrics: PositionMetrics, settings: Settings): WhatIfDefaults {
  const p = metrics.position;
  const v = Math.max(0, metrics.velocity);
  const history = Object.entries(p.salesByMonth).map(([month, s]) => ({ month, units: s.units }));
  const spread = spreadMonthly(history);
  const months = history.map((h) => h.month).sort();
  const fromHistory = spread.length > 0;
  const demand = fromHistory ? spread : new Array<number>(VELOCITY_DAYS).fill(v);

  const lead = Math.max(0, metrics.leadTimeDays);
  const rop = metrics.reorderPoint;
  const eoq = metrics.eoq !== null && metrics.eoq > 0 ? metrics.eoq : null;
  const upTo = metrics.orderUpTo ?? (eoq !== null ? rop + eoq : Math.max(v * (lead + settings.reviewDays), rop + v * settings.reviewDays));
  const s = units(rop);

  const cost = p.cost !== null && p.cost >= 0 ? p.cost : null;
  const price = p.price !== null && p.price >= 0 ? p.price : null;
  const stockoutCost = price === null ? null : cost === null ? price : Math.max(0, price - cost);

  return {
    demand,
    demandFrom: fromHistory ? 'history' : 'velocity',
    firstMonth: fromHistory ? months[0] : null,
    lastMonth: fromHistory ? months[months.length - 1] : null,
    velocity: v,
    // With sales, S stays above s after rounding (12.2 and 12.7 would both round to 13).
    sS: { s, S: Math.max(units(upTo), v > 0 ? s + 1 : 0) },
    rQ: { r: s, Q: units(eoq ?? v * FALLBACK_Q_DAYS) },
    leadTime: units(lead),
    leadTimeDays: lead,
    holdingCost: cost === null ? null : (settings.holdingRate * cost) / 365,
    stockoutCost,
    stockoutFrom: price === null ? null : cost === null ? 'price' : 'margin',
    startStock: Math.max(0, p.available) + Math.max(0, p.inbound),
    currency: p.channel.currency,
  };
}

// ---------------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------------

export type PolicyKind = ReplenishmentPolicy['kind'];

/** The form's fields as typed. Start stock may be blank: the engine then starts at S, or r + Q. */
export interface WhatIfForm {
  readonly policy: PolicyKind;
  readonly s: string;
  readonly S: string;
  readonly r: string;
  readonly Q: string;
  readonly leadTime: string;
  readonly holdingCost: string;
  readonly stockoutCost: string;
  readonly startStock: string;
}

export type WhatIfField = Exclude<keyof WhatIfForm, 'policy'>;

export const EMPTY_FORM: WhatIfForm = { policy: 'sS', s: '', S: '', r: '', Q: '', leadTime: '', holdingCost: '', stockoutCost: '', startStock: '' };

/** A number as the form shows it: at most `digits` decimals, no trailing zeros, no thousands separators. */
export function fieldText(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '';
  const text = Number(x.toFixed(digits)).toFixed(digits);
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** The form filled with a position's defaults (holding cost to 6 decimals, stockout cost to 2), keeping the policy chosen. */
export function formFromDefaults(d: WhatIfDefaults, policy: PolicyKind = 'sS'): WhatIfForm {
  return {
    policy,
    s: fieldText(d.sS.s, 0),
    S: fieldText(d.sS.S, 0),
    r: fieldText(d.rQ.r, 0),
    Q: fieldText(d.rQ.Q, 0),
    leadTime: fieldText(d.leadTime, 0),
    holdingCost: fieldText(d.holdingCost, 6),
    stockoutCost: fieldText(d.stockoutCost, 2),
    startStock: fieldText(d.startStock, 2),
  };
}

export type FieldRule = 'missing' | 'notNumber' | 'wholeDays' | 'nonNegative' | 'positive' | 'aboveS';

export interface FieldError {
  readonly field: WhatIfField;
  readonly rule: FieldRule;
  /** In English; the pane words it in the user's language from `field` and `rule`. */
  readonly message: string;
}

/** The fields' names in messages (English). */
export const FIELD_NAME: Readonly<Record<WhatIfField, string>> = {
  s: 's',
  S: 'S',
  r: 'r',
  Q: 'Q',
  leadTime: 'Lead time',
  holdingCost: 'Holding cost per unit per day',
  stockoutCost: 'Stockout cost per unit',
  startStock: 'Start stock',
};

/** One template per rule (English; the pane's English table takes them from here). */
export const RULE_TEMPLATE: Readonly<Record<FieldRule, string>> = {
  missing: '{field} is missing',
  notNumber: '{field} must be a number',
  wholeDays: '{field} must be a whole number of days ≥ 0',
  nonNegative: '{field} must be a number ≥ 0',
  positive: '{field} must be a number > 0',
  aboveS: 'S must be greater than s',
};

export function ruleMessage(field: WhatIfField, rule: FieldRule): string {
  return fill(RULE_TEMPLATE[rule], { field: FIELD_NAME[field] });
}

export interface CheckedForm {
  readonly policy: ReplenishmentPolicy;
  readonly leadTime: number;
  readonly holdingCost: number;
  readonly stockoutCost: number;
  /** Undefined when the field was left blank. */
  readonly startStock: number | undefined;
}

export type FormCheck = { readonly ok: true; readonly values: CheckedForm } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Checks every field the chosen policy uses, one rule per field, in the form's order. */
export function validateForm(form: WhatIfForm): FormCheck {
  const errors: FieldError[] = [];
  const fail = (field: WhatIfField, rule: FieldRule) => {
    errors.push({ field, rule, message: ruleMessage(field, rule) });
    return null;
  };
  /** The field's number when it satisfies `rule`; null (and an error) otherwise; undefined when blank and optional. */
  const read = (field: WhatIfField, rule: 'nonNegative' | 'positive' | 'wholeDays', optional = false): number | null | undefined => {
    const text = form[field].trim();
    if (!text) return optional ? undefined : fail(field, 'missing');
    const x = readNumber(text);
    if (rule === 'wholeDays') return x === null || x < 0 || !Number.isInteger(x) ? fail(field, 'wholeDays') : x;
    if (x === null) return fail(field, 'notNumber');
    if (rule === 'positive' ? x <= 0 : x < 0) return fail(field, rule);
    return x;
  };

  let policy: ReplenishmentPolicy | null = null;
  if (form.policy === 'sS') {
    const s = read('s', 'nonNegative');
    const S = read('S', 'positive');
    if (typeof s === 'number' && typeof S === 'number') policy = S > s ? { kind: 'sS', s, S } : fail('S', 'aboveS');
  } else {
    const r = read('r', 'nonNegative');
    const Q = read('Q', 'positive');
    if (typeof r === 'number' && typeof Q === 'number') policy = { kind: 'rQ', r, Q };
  }
  const leadTime = read('leadTime', 'wholeDays');
  const holdingCost = read('holdingCost', 'nonNegative');
  const stockoutCost = read('stockoutCost', 'nonNegative');
  const startStock = read('startStock', 'nonNegative', true);
  if (errors.length > 0 || !policy) return { ok: false, errors };
  return { ok: true, values: { policy, leadTime: leadTime as number, holdingCost: holdingCost as number, stockoutCost: stockoutCost as number, startStock: startStock ?? undefined } };
}

export interface WhatIfInputs {
  /** Demand per day (parseDemand's values, or WhatIfDefaults.demand). */
  readonly demand: readonly number[];
  readonly form: WhatIfForm;
}

export type WhatIfRun =
  | { readonly ok: true; readonly input: SimulationInput; readonly result: SimulationResult }
  | {
      readonly ok: false;
      /** The fields that are not valid (nothing was simulated). */
      readonly errors: readonly FieldError[];
      /** The engine's CalcError message when it refused the inputs. */
      readonly engineError: string | null;
    };

/** Checks the form, then replays the policy over the demand with the engine (lost sales). */
export function runWhatIf(inputs: WhatIfInputs): WhatIfRun {
  const check = validateForm(inputs.form);
  if (!check.ok) return { ok: false, errors: check.errors, engineError: null };
  const { policy, leadTime, holdingCost, stockoutCost, startStock } = check.values;
  const input: SimulationInput = { demand: inputs.demand, policy, leadTime, holdingCost, stockoutCost, ...(startStock === undefined ? {} : { startStock }) };
  const result = simulate(input);
  if (isCalcError(result)) return { ok: false, errors: [], engineError: result.message };
  return { ok: true, input, result };
}

// ---------------------------------------------------------------------------------------------------
// What the panel shows
// ---------------------------------------------------------------------------------------------------

/** The facts the chart's text alternative states: on hand at the ends of the run, its range, and the days orders arrived. */
export interface TrajectorySummary {
  readonly days: number;
  readonly start: number;
  readonly end: number;
  readonly min: number;
  /** First day (1-based) with the lowest on hand. */
  readonly minDay: number;
  readonly max: number;
  /** Days (1-based) on which an order arrived. */
  readonly arrivals: readonly number[];
}

export function trajectorySummary(result: SimulationResult): TrajectorySummary {
  const ps = result.periods;
  let min = Infinity;
  let minDay = 0;
  let max = 0;
  for (const p of ps) {
    if (p.onHandEnd < min) {
      min = p.onHandEnd;
      minDay = p.period;
    }
    max = Math.max(max, p.onHandEnd);
  }
  return {
    days: ps.length,
    start: ps[0]?.onHandEnd ?? 0,
    end: ps[ps.length - 1]?.onHandEnd ?? 0,
    min: Number.isFinite(min) ? min : 0,
    minDay,
    max,
    arrivals: ps.filter((p) => p.received > 0).map((p) => p.period),
  };
}
