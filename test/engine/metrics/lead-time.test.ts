/**
 * Supplier lead times from PO history (src/engine/metrics/lead-time.ts). Expected figures are computed
 * by hand from the rows shown beside them; the end-to-end cases start from a sheet grid and go through
 * the importer (importSources → ImportResult.poRecords), so dates arrive as the parser gives them.
 */
import { CalcError } from '../../../src/engine/errors';
import { importSources } from '../../../src/engine/ingest/import';
import type { ReportRecord } from '../../../src/engine/ingest/read-report';
import type { RawCell } from '../../../src/engine/ingest/types';
import { leadTimeStats, supplierLeadTimes, type LeadTimeIssue } from '../../../src/engine/metrics/lead-time';
import { say } from '../../../src/engine/problems';

/** An issue with its problem as its code and its English message (what Data Issues shows). */
const said = (issues: readonly LeadTimeIssue[]) => issues.map(({ problem, ...place }) => ({ ...place, code: problem.code, reason: say(problem) }));

const valueErr = (message: string) => new CalcError('#VALUE!', message);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A PO-history record as the importer makes it: dates as epoch ms UTC, blanks as null. */
function po(row: number, supplier: string | null, poDate: string | null, receivedDate: string | null, promisedDate: string | null = null, extra: Record<string, string | number | null> = {}): ReportRecord {
  return {
    row,
    values: {
      supplier,
      poNumber: `PO-${row}`,
      masterSku: null,
      poDate: poDate === null ? null : day(poDate),
      receivedDate: receivedDate === null ? null : day(receivedDate),
      promisedDate: promisedDate === null ? null : day(promisedDate),
      quantity: 100,
      ...extra,
    },
  };
}

const HEADER = ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Received Date', 'Promised Date', 'Qty'];
const importPo = (rows: RawCell[][], source = 'PO history') => {
  const result = importSources([{ source, grid: [HEADER, ...rows] }]);
  return { result, summary: result.sources[0], leadTimes: supplierLeadTimes(result.poRecords) };
};

describe('leadTimeStats: mean and sample sd of lead times', () => {
  test('hand-computed: 10, 14, 18 → mean 14; squares 16 + 0 + 16 = 32, / (3 − 1) = 16 → sd 4', () => {
    expect(leadTimeStats([10, 14, 18])).toEqual({ mean: 14, sd: 4 });
  });

  test('one lead time: mean is it, sd null (no spread from one observation)', () => {
    expect(leadTimeStats([21])).toEqual({ mean: 21, sd: null });
  });

  test('equal lead times: sd 0; zero days (received the day it was ordered) is allowed', () => {
    expect(leadTimeStats([0, 0])).toEqual({ mean: 0, sd: 0 });
    expect(leadTimeStats([7, 7, 7])).toEqual({ mean: 7, sd: 0 });
  });

  test('sample (n − 1), not population, sd: 2, 4 → 1.4142 (population would give 1)', () => {
    const r = leadTimeStats([2, 4]);
    expect(r).toEqual({ mean: 3, sd: expect.closeTo(Math.SQRT2, 12) });
  });

  test('no values is #N/A', () => {
    expect(leadTimeStats([])).toStrictEqual(new CalcError('#VALUE!', 'days requires at least 1 value'));
  });

  test('negative, NaN, infinite and non-numbers are #VALUE!', () => {
    expect(leadTimeStats([3, -1])).toStrictEqual(valueErr('days must not be negative'));
    expect(leadTimeStats([Number.NaN])).toStrictEqual(valueErr('days must be a number'));
    expect(leadTimeStats([Infinity])).toStrictEqual(valueErr('days must be a finite number'));
    expect(leadTimeStats(['5' as unknown as number])).toStrictEqual(valueErr('days must be a number'));
  });

  test('does not change its input', () => {
    const days = [18, 10, 14];
    leadTimeStats(days);
    expect(days).toEqual([18, 10, 14]);
  });
});

describe('supplierLeadTimes from records', () => {
  test('hand-computed: lead times 10, 14, 18 → mean 14, sd 4; on time 2 of 3', () => {
    const { suppliers, issues } = supplierLeadTimes([
      po(2, 'Acme', '2026-01-01', '2026-01-11', '2026-01-15'), // 10 days, 4 early
      po(3, 'Acme', '2026-02-01', '2026-02-15', '2026-02-15'), // 14 days, on the promised day: on time
      po(4, 'Acme', '2026-03-01', '2026-03-19', '2026-03-15'), // 18 days, 4 late
    ]);
    expect(issues).toEqual([]);
    expect(suppliers).toEqual([{ supplier: 'Acme', received: 3, open: 0, meanDays: 14, sdDays: 4, onTimeRate: 2 / 3, onTimeKnown: 3 }]);
  });

  test('one received PO: mean is its lead time, sd null', () => {
    const { suppliers } = supplierLeadTimes([po(2, 'Solo', '2026-04-01', '2026-04-21', '2026-04-30')]);
    expect(suppliers).toEqual([{ supplier: 'Solo', received: 1, open: 0, meanDays: 20, sdDays: null, onTimeRate: 1, onTimeKnown: 1 }]);
  });

  test('open POs (no received date) count in open, not in the statistics', () => {
    const { suppliers } = supplierLeadTimes([
      po(2, 'Acme', '2026-01-01', '2026-01-11'),
      po(3, 'Acme', '2026-05-01', null, '2026-01-02'), // open, promised date long past: still not judged
      po(4, 'Acme', '2026-05-10', null),
    ]);
    expect(suppliers).toEqual([{ supplier: 'Acme', received: 1, open: 2, meanDays: 10, sdDays: null, onTimeRate: null, onTimeKnown: 0 }]);
  });

  test('only open POs: no mean, no sd, no rate', () => {
    const { suppliers } = supplierLeadTimes([po(2, 'New Co', '2026-05-01', null)]);
    expect(suppliers).toEqual([{ supplier: 'New Co', received: 0, open: 1, meanDays: null, sdDays: null, onTimeRate: null, onTimeKnown: 0 }]);
  });

  test('no promised dates → onTimeRate null; the rate counts only received POs that have one', () => {
    expect(supplierLeadTimes([po(2, 'A', '2026-01-01', '2026-01-05'), po(3, 'A', '2026-01-01', '2026-01-09')]).suppliers[0]).toMatchObject({
      onTimeRate: null,
      onTimeKnown: 0,
      meanDays: 6,
    });
    // One of two received POs has a promised date, and it was late: 0 of 1.
    expect(supplierLeadTimes([po(2, 'A', '2026-01-01', '2026-01-05'), po(3, 'A', '2026-01-01', '2026-01-09', '2026-01-08')]).suppliers[0]).toMatchObject({
      onTimeRate: 0,
      onTimeKnown: 1,
    });
  });

  test('bad rows are issues with their row numbers and are not used', () => {
    const { suppliers, issues } = supplierLeadTimes([
      po(2, 'Acme', '2026-01-01', '2026-01-11'),
      po(3, 'Acme', '2026-02-10', '2026-02-01'), // received before it was ordered
      po(4, 'Acme', null, '2026-02-01'), // no PO date
      po(5, null, '2026-02-01', '2026-02-05'), // no supplier
      po(6, 'Acme', '2026-02-01', null, null, { poDate: 'soon' }), // a PO date that is not a date
    ]);
    expect(said(issues)).toEqual([
      { row: 3, column: 'Received Date', value: '2026-02-01', code: 'leadtime.received-before-po', reason: 'Received 2026-02-01, before the PO date 2026-02-10: the PO is not used: not used for lead times' },
      { row: 4, column: 'PO Date', value: null, code: 'leadtime.po-date-blank', reason: 'PO date is blank: the PO is not used: not used for lead times' },
      { row: 5, column: 'Supplier', value: null, code: 'leadtime.supplier-blank', reason: 'Supplier is blank: the PO is not used: not used for lead times' },
      { row: 6, column: 'PO Date', value: 'soon', code: 'leadtime.po-date-invalid', reason: 'PO date is not a date: the PO is not used: not used for lead times' },
    ]);
    expect(suppliers).toEqual([{ supplier: 'Acme', received: 1, open: 0, meanDays: 10, sdDays: null, onTimeRate: null, onTimeKnown: 0 }]);
  });

  test('every row is used or reported', () => {
    const records = [po(2, 'A', '2026-01-01', '2026-01-03'), po(3, 'A', '2026-01-05', '2026-01-01'), po(4, 'B', '2026-01-01', null), po(5, null, null, null)];
    const { suppliers, issues } = supplierLeadTimes(records);
    const used = suppliers.reduce((n, s) => n + s.received + s.open, 0);
    expect(used + issues.length).toBe(records.length);
  });

  test('received on the day of the PO is 0 days; times of day are ignored (calendar days)', () => {
    const at = (iso: string) => Date.parse(iso);
    const { suppliers } = supplierLeadTimes([
      { row: 2, values: { supplier: 'A', poDate: at('2026-01-01T23:00:00Z'), receivedDate: at('2026-01-02T08:00:00Z'), promisedDate: null } },
      { row: 3, values: { supplier: 'A', poDate: at('2026-01-01T09:00:00Z'), receivedDate: at('2026-01-01T17:00:00Z'), promisedDate: at('2026-01-01T00:00:00Z') } },
    ]);
    // 1 day and 0 days; received at 17:00 on the promised day is on time.
    expect(suppliers[0]).toMatchObject({ received: 2, meanDays: 0.5, onTimeRate: 1 });
  });

  test('suppliers sorted by name', () => {
    const { suppliers } = supplierLeadTimes([po(2, 'Zeta', '2026-01-01', '2026-01-02'), po(3, 'alpha', '2026-01-01', '2026-01-02'), po(4, 'Beta', '2026-01-01', null)]);
    expect(suppliers.map((s) => s.supplier)).toEqual(['alpha', 'Beta', 'Zeta']);
  });

  test('a PO written one row per SKU counts once; a receipt on another day counts again', () => {
    const line = (row: number, sku: string, received: string | null) =>
      po(row, 'Acme', '2026-01-01', received, null, { poNumber: 'PO-9', masterSku: sku });
    const { suppliers } = supplierLeadTimes([line(2, 'BAG-01', '2026-01-11'), line(3, 'MUG-02', '2026-01-11'), line(4, 'PEN-03', '2026-01-21')]);
    // Receipts: 10 days (two lines) and 20 days → mean 15, sd √50
    expect(suppliers[0]).toMatchObject({ received: 2, open: 0, meanDays: 15, sdDays: expect.closeTo(Math.sqrt(50), 12) });
  });

  test('perMaster: the supplier of each Master SKU\'s most recent PO, open POs included, bad rows not', () => {
    const { perMaster } = supplierLeadTimes([
      po(2, 'Acme', '2026-01-01', '2026-01-10', null, { masterSku: 'BAG-01' }),
      po(3, 'Bolt', '2026-03-01', null, null, { masterSku: 'BAG-01' }), // newer, still open
      po(4, 'Acme', '2026-02-01', '2026-02-05', null, { masterSku: 'BAG-01' }), // older than row 3
      po(5, 'Acme', '2026-02-01', '2026-02-09', null, { masterSku: 'MUG-02' }),
      po(6, 'Crux', '2026-02-01', '2026-02-03', null, { masterSku: 'MUG-02' }), // same day: the later row wins
      po(7, 'Dent', '2026-06-01', '2026-05-01', null, { masterSku: 'MUG-02' }), // received before ordered: not used
      po(8, 'Acme', '2026-01-01', null), // no Master SKU
    ]);
    expect([...perMaster]).toEqual([
      ['BAG-01', 'Bolt'],
      ['MUG-02', 'Crux'],
    ]);
  });

  test('no records: nothing', () => {
    expect(supplierLeadTimes([])).toEqual({ suppliers: [], perMaster: new Map(), issues: [] });
  });
});

describe('from a PO-history sheet through the importer', () => {
  // Supplier, PO Number, Master SKU, PO Date, Received Date, Promised Date, Qty (dates DD/MM/YYYY)
  const rows: RawCell[][] = [
    ['Acme Trading', 'PO-101', 'BAG-01', '01/01/2026', '11/01/2026', '15/01/2026', '500'], // 10 d, on time
    ['Acme Trading', 'PO-102', 'MUG-02', '01/02/2026', '15/02/2026', '15/02/2026', '1,000'], // 14 d, on time
    ['Acme Trading', 'PO-103', 'BAG-01', '01/03/2026', '19/03/2026', '15/03/2026', '500'], // 18 d, late
    ['Acme Trading', 'PO-104', 'PEN-03', '20/04/2026', '', '20/05/2026', '300'], // open
    ['Gulf Packaging', 'PO-201', 'MUG-02', '05/03/2026', '26/03/2026', '', '2000'], // 21 d, no promise
    ['Gulf Packaging', 'PO-202', 'BAG-01', '10/03/2026', '01/03/2026', '', '100'], // received before ordered
    ['Gulf Packaging', 'PO-203', 'MUG-02', '', '20/03/2026', '', '100'], // no PO date: the importer drops it
  ];
  const { result, summary, leadTimes } = importPo(rows);

  test('recognized as PO history; the row without a PO date is reported by the importer', () => {
    expect(summary.kind).toBe('po-history');
    expect(summary.unsure).toBe(false);
    expect([summary.rowsRead, summary.rowsUsed, summary.rowsReported]).toEqual([7, 6, 1]);
    expect(summary.issues).toEqual([expect.objectContaining({ row: 8, column: 'PO Date', dropped: true })]);
    expect(result.poRecords.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test('dates arrive as epoch ms UTC and DD/MM is read day first', () => {
    expect(result.poRecords[0].values).toMatchObject({ poDate: Date.UTC(2026, 0, 1), receivedDate: Date.UTC(2026, 0, 11), promisedDate: Date.UTC(2026, 0, 15), quantity: 500 });
    expect(result.poRecords[3].values.receivedDate).toBeNull();
  });

  test('per supplier: Acme 10, 14, 18 → mean 14, sd 4, on time 2 of 3, one open; Gulf one PO of 21 days', () => {
    expect(leadTimes.suppliers).toEqual([
      { supplier: 'Acme Trading', received: 3, open: 1, meanDays: 14, sdDays: 4, onTimeRate: 2 / 3, onTimeKnown: 3 },
      { supplier: 'Gulf Packaging', received: 1, open: 0, meanDays: 21, sdDays: null, onTimeRate: null, onTimeKnown: 0 },
    ]);
  });

  test('the row received before its PO date is an issue with its sheet row number', () => {
    expect(said(leadTimes.issues)).toEqual([
      { row: 7, column: 'Received Date', value: '2026-03-01', code: 'leadtime.received-before-po', reason: 'Received 2026-03-01, before the PO date 2026-03-10: the PO is not used: not used for lead times' },
    ]);
  });

  test('every sheet row is used or reported: read 7 = 4 received + 1 open + 1 lead-time issue + 1 import issue', () => {
    const used = leadTimes.suppliers.reduce((n, s) => n + s.received + s.open, 0);
    expect(used + leadTimes.issues.length + summary.rowsReported).toBe(summary.rowsRead);
  });

  test('perMaster from the most recent PO of each Master SKU', () => {
    // BAG-01: PO-103 (01/03) is newer than PO-101; PO-202 (10/03) is not used. MUG-02: PO-201 (05/03).
    expect(Object.fromEntries(leadTimes.perMaster)).toEqual({ 'BAG-01': 'Acme Trading', 'MUG-02': 'Gulf Packaging', 'PEN-03': 'Acme Trading' });
  });

  test('Excel date serials and ISO dates read the same', () => {
    // 46023 = 2026-01-01, 46033 = 2026-01-11 (Excel 1900 date system)
    const { leadTimes: lt } = importPo([['Acme', 'PO-1', 'BAG-01', 46023, 46033, '2026-01-10', 10]]);
    expect(lt.suppliers).toEqual([{ supplier: 'Acme', received: 1, open: 0, meanDays: 10, sdDays: null, onTimeRate: 0, onTimeKnown: 1 }]);
  });

  test('an unreadable received date is reported by the importer and the PO counts as open', () => {
    const { summary: s, leadTimes: lt } = importPo([['Acme', 'PO-1', 'BAG-01', '01/01/2026', 'next week', '', 10]]);
    expect(s.issues).toEqual([expect.objectContaining({ row: 2, column: 'Received Date', value: 'next week', dropped: false })]);
    expect(lt.suppliers[0]).toMatchObject({ received: 0, open: 1 });
  });
});
