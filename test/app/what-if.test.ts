/**
 * The What-if panel's logic (src/app/what-if.ts): reading pasted demand, spreading monthly sales over
 * the days, the defaults a position brings (checked by hand from its own fields, on positions of a real
 * analysis of the demo workbook and on one built by hand), the form's checks, and that a run is the
 * engine's simulate() and nothing else.
 */
import { analyze, type Analysis } from '../../src/engine/analyze';
import { positionMetrics, type PositionMetrics } from '../../src/engine/analysis/position-metrics';
import { demoWorkbook } from '../../src/demo/sample-workbook';
import { isCalcError } from '../../src/engine/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/model';
import { simulate } from '../../src/engine/simulate/simulate';
import {
  EMPTY_FORM,
  fieldText,
  formFromDefaults,
  parseDemand,
  readNumber,
  runWhatIf,
  spreadMonthly,
  trajectorySummary,
  validateForm,
  VELOCITY_DAYS,
  whatIfDefaults,
  type WhatIfForm,
} from '../../src/app/what-if';
import { position } from '../helpers/position';
import { monthDays } from '../../src/engine/calendar';

jest.setTimeout(60_000);

const values = (text: string) => {
  const p = parseDemand(text);
  if (!p.ok) throw new Error(`unexpected: ${p.message}`);
  return p.values;
};

describe('parseDemand', () => {
  it('reads a column copied from Excel (one number per line, CRLF or LF, trailing newline)', () => {
    expect(values('12\n9\n0\n15\n')).toEqual([12, 9, 0, 15]);
    expect(values('12\r\n9\r\n0\r\n')).toEqual([12, 9, 0]);
  });

  it('reads a row copied from Excel (tabs), a typed list with commas or spaces, and decimals', () => {
    expect(values('3\t4\t5')).toEqual([3, 4, 5]);
    expect(values('3,4,5')).toEqual([3, 4, 5]);
    expect(values('3, 4 ,5')).toEqual([3, 4, 5]);
    expect(values('3 4   5')).toEqual([3, 4, 5]);
    expect(values('1.5; 2.25')).toEqual([1.5, 2.25]);
    expect(values('7،8')).toEqual([7, 8]); // Arabic comma
  });

  it('ignores blank lines and empty items', () => {
    expect(values('\n\n4\n\n\n6\n   \n')).toEqual([4, 6]);
    expect(values('4,,6,')).toEqual([4, 6]);
  });

  it('reads Arabic-Indic digits (٠-٩ and ۰-۹) and the Arabic decimal separator', () => {
    expect(values('١٢\n٩\n٠')).toEqual([12, 9, 0]);
    expect(values('۱۵,۳')).toEqual([15, 3]);
    expect(values('٢٫٥')).toEqual([2.5]);
  });

  it('in a copied column, 1,200 is one number with a thousands separator; in a typed list, commas separate', () => {
    expect(values('1,200\n3,400\n5')).toEqual([1200, 3400, 5]);
    expect(values('١٬٢٠٠\n٧')).toEqual([1200, 7]);
    expect(values('1,200')).toEqual([1, 200]);
  });

  it('refuses text, naming the item (among the non-blank ones) and its text', () => {
    const p = parseDemand('12\n\n9\nabc\n4');
    expect(p).toEqual({ ok: false, problem: 'notNumber', item: 3, text: 'abc', message: 'Item 3 “abc” is not a number' });
    expect(parseDemand('Units\n5')).toMatchObject({ ok: false, item: 1, text: 'Units', message: 'Item 1 “Units” is not a number' });
    expect(parseDemand('5\n1e3')).toMatchObject({ ok: false, item: 2, text: '1e3' });
    expect(parseDemand('5\nSAR 3')).toMatchObject({ ok: false, item: 2, text: 'SAR' });
  });

  it('refuses a negative number, and nothing at all', () => {
    expect(parseDemand('5\n-2')).toEqual({ ok: false, problem: 'negative', item: 2, text: '-2', message: 'Item 2 “-2” is negative: demand must be 0 or more' });
    expect(parseDemand('  \n\n')).toEqual({ ok: false, problem: 'empty', item: 0, text: '', message: 'Paste at least one number of units per day' });
  });
});

describe('readNumber', () => {
  it('reads plain, signed, grouped and Arabic-Indic numbers; refuses the rest', () => {
    expect(readNumber(' 12.5 ')).toBe(12.5);
    expect(readNumber('+3')).toBe(3);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber('−3')).toBe(-3); // U+2212 minus sign
    expect(readNumber('12,345.5')).toBe(12345.5);
    expect(readNumber('٣٠')).toBe(30);
    expect(readNumber('12,34')).toBeNull();
    expect(readNumber('1e3')).toBeNull();
    expect(readNumber('')).toBeNull();
    expect(readNumber('ten')).toBeNull();
  });
});

describe('spreadMonthly: monthly totals → demand per day', () => {
  it('spreads a 31-day month of 62 units as 2 a day', () => {
    expect(monthDays('2026-01')).toBe(31);
    expect(spreadMonthly([{ month: '2026-01', units: 62 }])).toEqual(new Array(31).fill(2));
  });

  it('uses each month’s own length (February 2026: 28 days; 2024: 29), oldest first, and 0 for a month missing in between', () => {
    expect(monthDays('2026-02')).toBe(28);
    expect(monthDays('2024-02')).toBe(29);
    expect(monthDays('2026-04')).toBe(30);
    const daily = spreadMonthly([
      { month: '2026-04', units: 60 },
      { month: '2026-02', units: 56 },
    ]);
    // Feb 56 / 28 = 2 for 28 days, Mar (missing) 0 for 31 days, Apr 60 / 30 = 2 for 30 days.
    expect(daily).toEqual([...new Array(28).fill(2), ...new Array(31).fill(0), ...new Array(30).fill(2)]);
    // The total is kept: Σ daily = Σ monthly.
    expect(daily.reduce((a, b) => a + b, 0)).toBeCloseTo(116, 9);
  });

  it('crosses a year end, and gives nothing without months', () => {
    expect(spreadMonthly([{ month: '2025-12', units: 31 }, { month: '2026-01', units: 0 }])).toEqual([...new Array(31).fill(1), ...new Array(31).fill(0)]);
    expect(spreadMonthly([])).toEqual([]);
  });
});

describe('whatIfDefaults on a position built by hand', () => {
  // v = 60 sold / 30 days = 2 a day. Days of cover: safety stock = 2 × 30 = 60 = reorder point.
  // EOQ = √(2 × D × S / H) = √(2 × 730 × 200 / (0.25 × 36.5)) = √32,000 = 178.885… (docs/FORMULAS.md "EOQ").
  const p = position({
    cost: 36.5,
    price: 50,
    available: 20,
    inbound: 10,
    sold: 60,
    periodDays: 30,
    leadTimeDays: 10,
    salesByMonth: { '2026-01': { units: 62, revenue: 3100 } },
  });
  const m = positionMetrics(p, 'A', DEFAULT_SETTINGS);
  const d = whatIfDefaults(m, DEFAULT_SETTINGS);

  it('takes the analysis’s figures it rests on', () => {
    expect(m.velocity).toBe(2);
    expect(m.reorderPoint).toBe(60);
    expect(m.orderUpTo).toBeNull();
    expect(m.eoq).toBeCloseTo(Math.sqrt(32_000), 9);
  });

  it('spreads January’s 62 units as 2 a day for 31 days', () => {
    expect(d.demandFrom).toBe('history');
    expect(d.demand).toEqual(new Array(31).fill(2));
    expect([d.firstMonth, d.lastMonth]).toEqual(['2026-01', '2026-01']);
  });

  it('(s, S) = (reorder point, reorder point + EOQ) and (r, Q) = (reorder point, EOQ), whole units rounded up', () => {
    // S = ⌈60 + 178.885⌉ = 239; Q = ⌈178.885⌉ = 179.
    expect(d.sS).toEqual({ s: 60, S: 239 });
    expect(d.rQ).toEqual({ r: 60, Q: 179 });
  });

  it('costs: h = 0.25 × 36.5 / 365 = 0.025 a unit a day; p = 50 − 36.5 = 13.5; start stock 20 + 10; lead time 10', () => {
    expect(d.holdingCost).toBeCloseTo(0.025, 12);
    expect(d.stockoutCost).toBe(13.5);
    expect(d.stockoutFrom).toBe('margin');
    expect(d.startStock).toBe(30);
    expect(d.leadTime).toBe(10);
    expect(d.currency).toBe('SAR');
  });

  it('fills the form with those figures as text', () => {
    expect(formFromDefaults(d, 'rQ')).toEqual({ policy: 'rQ', s: '60', S: '239', r: '60', Q: '179', leadTime: '10', holdingCost: '0.025', stockoutCost: '13.5', startStock: '30' });
  });

  it('without monthly history: velocity × 90 days; a fractional lead time is rounded up', () => {
    const q = whatIfDefaults(positionMetrics(position({ sold: 45, periodDays: 30, leadTimeDays: 10.5, cost: 20 }), 'B', DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(q.demandFrom).toBe('velocity');
    expect(q.demand).toEqual(new Array(VELOCITY_DAYS).fill(1.5));
    expect(q.leadTime).toBe(11);
    expect(q.leadTimeDays).toBe(10.5);
    // No price: the stockout cost is left for the user.
    expect(q.stockoutCost).toBeNull();
    expect(q.stockoutFrom).toBeNull();
  });

  it('without a cost: no holding cost, no EOQ (Q = v × 30, S = v × (L + review), kept above s), stockout cost = price', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, safetyDays: 10 };
    // v = 1; reorder point = 1 × 10 = 10; S = 1 × (20 + 7) = 27; Q = 30.
    const q = whatIfDefaults(positionMetrics(position({ sold: 30, leadTimeDays: 20, price: 80 }), 'C', s), s);
    expect(q.holdingCost).toBeNull();
    expect(q.stockoutCost).toBe(80);
    expect(q.stockoutFrom).toBe('price');
    expect(q.sS).toEqual({ s: 10, S: 27 });
    expect(q.rQ).toEqual({ r: 10, Q: 30 });
    // Days of cover 30 > lead 5 + review 7: v × 12 = 12 is not above s = 30, so S = 30 + v × 7 = 37.
    const r = whatIfDefaults(positionMetrics(position({ sold: 30, leadTimeDays: 5, price: 80 }), 'C', DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    expect(r.sS).toEqual({ s: 30, S: 37 });
  });

  it('a price below the cost loses nothing on a missed sale (stockout cost 0)', () => {
    expect(whatIfDefaults(positionMetrics(position({ sold: 30, cost: 60, price: 50 }), 'C', DEFAULT_SETTINGS), DEFAULT_SETTINGS).stockoutCost).toBe(0);
  });
});

describe('whatIfDefaults on the demo workbook’s analysis', () => {
  let cover: Analysis;
  let service: Analysis;
  const serviceSettings: Settings = { ...DEFAULT_SETTINGS, policy: 'service' };
  beforeAll(() => {
    cover = analyze(demoWorkbook());
    service = analyze(demoWorkbook(), { settings: serviceSettings });
  });

  const withHistory = (a: Analysis) => a.metrics.find((m) => Object.keys(m.position.salesByMonth).length > 0 && m.position.cost !== null && m.position.price !== null && m.eoq !== null) as PositionMetrics;

  it('a noon position with monthly sales: its months spread over their days, every figure from its own fields', () => {
    const m = withHistory(cover);
    expect(m).toBeDefined();
    const d = whatIfDefaults(m, cover.settings);
    const months = Object.keys(m.position.salesByMonth).sort();
    const expected = spreadMonthly(months.map((month) => ({ month, units: m.position.salesByMonth[month].units })));
    expect(d.demand).toEqual(expected);
    // The demo's noon sales fall in October 2026: 31 days of units / 31.
    expect(months).toEqual(['2026-10']);
    expect(d.demand).toEqual(new Array(31).fill(m.position.salesByMonth['2026-10'].units / 31));
    const cost = m.position.cost as number;
    const price = m.position.price as number;
    expect(d.holdingCost).toBeCloseTo((0.25 * cost) / 365, 12);
    expect(d.stockoutCost).toBeCloseTo(price - cost, 9);
    expect(d.startStock).toBe(m.position.available + m.position.inbound);
    expect(d.leadTime).toBe(m.leadTimeDays);
    // Days of cover: no order-up-to, so S = reorder point + EOQ.
    expect(m.orderUpTo).toBeNull();
    expect(d.sS).toEqual({ s: Math.ceil(m.reorderPoint), S: Math.ceil(m.reorderPoint + (m.eoq as number)) });
    expect(d.rQ).toEqual({ r: Math.ceil(m.reorderPoint), Q: Math.ceil(m.eoq as number) });
    expect(d.currency).toBe(m.position.channel.currency);
  });

  it('an Amazon position (no dated sales): velocity × 90 days', () => {
    const m = cover.metrics.find((x) => x.position.channel.marketplace === 'amazon' && x.velocity > 0 && Object.keys(x.position.salesByMonth).length === 0) as PositionMetrics;
    const d = whatIfDefaults(m, cover.settings);
    expect(d.demandFrom).toBe('velocity');
    expect(d.demand).toHaveLength(90);
    expect(new Set(d.demand)).toEqual(new Set([m.velocity]));
  });

  it('under the service policy, S is the order-up-to level', () => {
    const m = service.metrics.find((x) => x.velocity > 0 && x.orderUpTo !== null) as PositionMetrics;
    const d = whatIfDefaults(m, service.settings);
    expect(d.sS).toEqual({ s: Math.ceil(m.reorderPoint), S: Math.ceil(m.orderUpTo as number) });
    expect(d.sS.S).toBeGreaterThan(d.sS.s);
  });

  it('the demo SKU without a cost: holding cost left blank, stockout cost = its price', () => {
    const m = cover.metrics.find((x) => x.position.cost === null && x.position.price !== null) as PositionMetrics;
    const d = whatIfDefaults(m, cover.settings);
    expect(d.holdingCost).toBeNull();
    expect(d.stockoutCost).toBe(m.position.price);
    expect(formFromDefaults(d).holdingCost).toBe('');
  });

  it('a run on the defaults is the engine’s simulate() on the same inputs', () => {
    const m = withHistory(cover);
    const d = whatIfDefaults(m, cover.settings);
    const form = formFromDefaults(d);
    const out = runWhatIf({ demand: d.demand, form });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const direct = simulate({ demand: d.demand, policy: { kind: 'sS', s: d.sS.s, S: d.sS.S }, leadTime: d.leadTime, holdingCost: Number(fieldText(d.holdingCost, 6)), stockoutCost: Number(fieldText(d.stockoutCost, 2)), startStock: d.startStock });
    expect(out.result).toEqual(direct);
  });
});

describe('runWhatIf', () => {
  const form: WhatIfForm = { policy: 'sS', s: '10', S: '40', r: '', Q: '', leadTime: '3', holdingCost: '0.05', stockoutCost: '12', startStock: '25' };
  const demand = [4, 6, 0, 8, 5, 5, 9, 3, 7, 2];

  it('gives exactly what simulate() gives', () => {
    const out = runWhatIf({ demand, form });
    expect(out.ok).toBe(true);
    const direct = simulate({ demand, policy: { kind: 'sS', s: 10, S: 40 }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12, startStock: 25 });
    if (!out.ok || isCalcError(direct)) throw new Error('unexpected');
    expect(out.result).toEqual(direct);
    expect(out.input).toEqual({ demand, policy: { kind: 'sS', s: 10, S: 40 }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12, startStock: 25 });
  });

  it('(r, Q), Arabic-Indic digits in a field, and a blank start stock (the engine starts at r + Q)', () => {
    const rq: WhatIfForm = { ...form, policy: 'rQ', r: '٨', Q: '20', startStock: '' };
    const out = runWhatIf({ demand, form: rq });
    const direct = simulate({ demand, policy: { kind: 'rQ', r: 8, Q: 20 }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12 });
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.input.startStock).toBeUndefined();
    expect(out.result).toEqual(direct);
    // The (s, S) fields are not read under (r, Q), even when invalid.
    expect(runWhatIf({ demand, form: { ...rq, s: 'x', S: '' } }).ok).toBe(true);
  });

  it('names each field that is not valid, in the form’s order, and simulates nothing', () => {
    const out = runWhatIf({ demand, form: { ...form, s: '', S: 'abc', leadTime: '2.5', holdingCost: '-1', stockoutCost: 'x', startStock: '-3' } });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.engineError).toBeNull();
    expect(out.errors.map((e) => e.message)).toEqual([
      's is missing',
      'S must be a number',
      'Lead time must be a whole number of days ≥ 0',
      'Holding cost per unit per day must be a number ≥ 0',
      'Stockout cost per unit must be a number',
      'Start stock must be a number ≥ 0',
    ]);
    expect(out.errors.map((e) => [e.field, e.rule])).toEqual([
      ['s', 'missing'],
      ['S', 'notNumber'],
      ['leadTime', 'wholeDays'],
      ['holdingCost', 'nonNegative'],
      ['stockoutCost', 'notNumber'],
      ['startStock', 'nonNegative'],
    ]);
  });

  it('S must be above s; Q above 0; lead time a whole number ≥ 0', () => {
    const msgs = (f: Partial<WhatIfForm>) => {
      const c = validateForm({ ...form, ...f });
      return c.ok ? [] : c.errors.map((e) => e.message);
    };
    expect(msgs({ s: '40', S: '40' })).toEqual(['S must be greater than s']);
    expect(msgs({ S: '0' })).toEqual(['S must be a number > 0']);
    expect(msgs({ policy: 'rQ', r: '5', Q: '0' })).toEqual(['Q must be a number > 0']);
    expect(msgs({ policy: 'rQ', r: '-1', Q: '5' })).toEqual(['r must be a number ≥ 0']);
    expect(msgs({ leadTime: '-1' })).toEqual(['Lead time must be a whole number of days ≥ 0']);
    expect(msgs({ leadTime: 'soon' })).toEqual(['Lead time must be a whole number of days ≥ 0']);
    expect(msgs({ leadTime: '0' })).toEqual([]);
    expect(validateForm(EMPTY_FORM).ok).toBe(false);
  });

  it('passes the engine’s own refusal (CalcError message) on', () => {
    const out = runWhatIf({ demand: [], form });
    expect(out).toEqual({ ok: false, errors: [], engineError: 'demand requires at least 1 period' });
  });
});

describe('fieldText and trajectorySummary', () => {
  it('writes numbers for the form without trailing zeros or exponent', () => {
    expect(fieldText(100, 0)).toBe('100');
    expect(fieldText(0.0273972602739726, 6)).toBe('0.027397');
    expect(fieldText(13.5, 2)).toBe('13.5');
    expect(fieldText(2, 2)).toBe('2');
    expect(fieldText(null)).toBe('');
  });

  it('summarizes a run for the chart’s text: ends, lowest day, highest, arrival days', () => {
    // (s, S) = (2, 6), L = 1, start 6, lost sales. Review comes before demand each day.
    // Day 1: IP 6 > 2, sells 3 → 3. Day 2: IP 3 > 2, sells 2 → 1. Day 3: IP 1 ≤ 2, orders 6 − 1 = 5 (due
    // day 4); demand 4 meets 1 → 0. Day 4: 5 arrive → 5, IP 5 > 2, sells 1 → 4. Day 5: no demand → 4.
    const out = simulate({ demand: [3, 2, 4, 1, 0], policy: { kind: 'sS', s: 2, S: 6 }, leadTime: 1, holdingCost: 0, stockoutCost: 0, startStock: 6 });
    if (isCalcError(out)) throw new Error('unexpected');
    expect(out.periods.map((p) => p.onHandEnd)).toEqual([3, 1, 0, 4, 4]);
    expect(trajectorySummary(out)).toEqual({ days: 5, start: 3, end: 4, min: 0, minDay: 3, max: 4, arrivals: [4] });
  });
});
