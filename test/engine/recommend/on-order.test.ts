import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { ReportRecord } from '../../../src/engine/ingest/records';
import { destinationChannel, openOrders } from '../../../src/engine/recommend/on-order';
import { say } from '../../../src/engine/problems';
import type { SupplierLeadTime } from '../../../src/engine/metrics/lead-time';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const po = (row: number, values: Record<string, string | number | null>): ReportRecord => ({ row, values });
const acme: SupplierLeadTime = { supplier: 'Acme', received: 3, open: 2, meanDays: 19, sdDays: 5, onTimeRate: null, onTimeKnown: 0 };
const NOW = new Date('2026-11-21T06:00:00Z');

describe('destinationChannel', () => {
  it('reads a marketplace and a country as a channel, the own warehouse as such, anything else as unknown', () => {
    expect(destinationChannel('Amazon KSA')).toBe('amazon-ksa');
    expect(destinationChannel('amazon.ae FBA')).toBe('amazon-uae');
    expect(destinationChannel('FBN UAE')).toBe('noon-uae');
    expect(destinationChannel('noon السعودية')).toBe('noon-ksa');
    expect(destinationChannel('Own warehouse')).toBe('warehouse');
    expect(destinationChannel('المستودع')).toBe('warehouse');
    expect(destinationChannel('Amazon')).toBeNull(); // no country
    expect(destinationChannel('Jeddah port')).toBeNull();
  });
});

describe('openOrders', () => {
  const records = [
    // Received: not on order.
    po(2, { supplier: 'Acme', poNumber: 'PO-1', masterSku: 'BAG-01', poDate: day('2026-09-01'), receivedDate: day('2026-09-25'), quantity: 500 }),
    // Open, ordered 2026-10-01 + Acme's 19 days = expected 2026-10-20: 32 days late on 2026-11-21.
    po(3, { supplier: 'Acme', poNumber: 'PO-2', masterSku: 'BAG-01', poDate: day('2026-10-01'), receivedDate: null, quantity: 40 }),
    // Open, to Amazon KSA, ordered 2026-11-15 + 19 = 2026-12-04: not late.
    po(4, { supplier: 'Acme', poNumber: 'PO-3', masterSku: 'BAG-01', poDate: day('2026-11-15'), receivedDate: '', quantity: 25, destination: 'Amazon KSA' }),
    // Open, a supplier without received POs: the setting's 30 days, 2026-11-01 + 30 = 2026-12-01.
    po(5, { supplier: 'Bolt', poNumber: 'B-9', masterSku: 'MUG-02', poDate: day('2026-11-01'), receivedDate: null, quantity: 100, destination: 'Jeddah port' }),
    // Open without a Master SKU, and with a quantity of 0: reported, not counted.
    po(6, { supplier: 'Acme', poNumber: 'PO-4', masterSku: null, poDate: day('2026-11-02'), receivedDate: null, quantity: 10 }),
    po(7, { supplier: 'Acme', poNumber: 'PO-5', masterSku: 'BAG-01', poDate: day('2026-11-02'), receivedDate: null, quantity: 0 }),
    // No PO date: the lead-time statistics report it; not counted here either.
    po(8, { supplier: 'Acme', poNumber: 'PO-6', masterSku: 'BAG-01', poDate: null, receivedDate: null, quantity: 5 }),
  ];
  const r = openOrders(records, [acme], DEFAULT_SETTINGS, NOW);

  it('counts open PO rows per Master SKU, by destination channel and upstream', () => {
    expect(r.open.map((x) => x.row)).toEqual([3, 4, 5]);
    const bag = r.byMaster.get('BAG-01')!;
    expect(bag.total).toBe(65);
    expect(bag.upstream).toBe(40);
    expect([...bag.byChannel]).toEqual([['amazon-ksa', 25]]);
    expect(r.byMaster.get('MUG-02')).toMatchObject({ total: 100, upstream: 100, late: 0 });
  });

  it('expects a PO at its date plus the supplier\'s measured lead time, else the setting, and flags it late after that', () => {
    expect(r.open[0]).toMatchObject({ expected: '2026-10-20', leadTimeSource: 'PO history', daysLate: 32 });
    expect(r.open[1]).toMatchObject({ expected: '2026-12-04', daysLate: 0, destination: 'amazon-ksa' });
    expect(r.open[2]).toMatchObject({ expected: '2026-12-01', leadTimeSource: 'setting', daysLate: 0, destination: null });
    expect(r.byMaster.get('BAG-01')!.late).toBe(40);
  });

  it('reports what it cannot count, with the row and column', () => {
    expect(r.issues.map(({ problem, ...place }) => ({ ...place, code: problem.code, reason: say(problem) }))).toEqual([
      {
        row: 5,
        column: 'Destination',
        value: 'Jeddah port',
        code: 'onorder.unknown-destination',
        reason: 'Destination "Jeddah port" is not a channel (Amazon or noon, KSA or UAE) or the own warehouse: the PO counts for MUG-02 wherever it is needed',
      },
      { row: 6, column: 'Master SKU', value: null, code: 'onorder.no-master-sku', reason: 'An open PO without a Master SKU: not counted as on order' },
      { row: 7, column: 'Qty', value: '0', code: 'onorder.no-quantity', reason: 'An open PO of BAG-01 without a quantity above 0: not counted as on order' },
    ]);
  });
});
