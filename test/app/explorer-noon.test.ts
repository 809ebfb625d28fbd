/**
 * The SKU explorer on noon's real downloads (headers typed in test/fixtures/marketplace-reports.ts):
 * the FBN inventory export gives each channel's stock per warehouse and what is not available, and
 * Product views & sales gives visitors and conversion. Figures worked out by hand beside each row.
 */
import { sessionOver } from '../../src/app/session';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import * as M from '../fixtures/marketplace-reports';

const MAPPING = [
  ['Master SKU', 'noon KSA SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['CARDS-1', 'LMV-CARDS-1', 'Greeting cards', 10, 25],
];
const FBN = [
  M.NOON_FBN_INVENTORY_HEADER,
  M.fbnRow('RUH01S', 7, 'saleable', 'LMV-CARDS-1', 'N001'),
  M.fbnRow('RUH01S', 2, 'graded_returns_cir', 'LMV-CARDS-1', 'N001', 'customer_return'),
  M.fbnRow('RUH01S', 3, 'inbound_ps', 'LMV-CARDS-1', 'N001'),
  M.fbnRow('JED01S', 4, 'saleable', 'LMV-CARDS-1', 'N001'),
];
const VIEWS = [
  M.NOON_VIEWS_SALES_HEADER,
  // visitors 40 + 60 = 100; gross units 3 + 2 = 5 → conversion 5 %; shipped 3 + 2 = 5 units.
  M.viewsRow('2026-06-01', 'LMV-CARDS-1', '40', '3', '3', '', '75'),
  M.viewsRow('2026-06-10', 'LMV-CARDS-1', '60', '2', '2', '', '50'),
];

describe('SKU explorer with noon FBN inventory and Product views & sales', () => {
  it('shows stock per warehouse, the units not available, visitors and conversion', async () => {
    const wb = new MemoryWorkbook([
      { name: 'Mapping', rows: MAPPING },
      { name: 'noon FBN inventory', rows: FBN },
      { name: 'noon views and sales', rows: VIEWS },
    ]);
    const session = sessionOver(() => wb, false);
    await session.analyze();
    const detail = session.results()!.detail('CARDS-1')!;
    expect(detail.channels).toHaveLength(1);
    const c = detail.channels[0];
    expect({ channel: c.channel, available: c.available, inbound: c.inbound, unfulfillable: c.unfulfillable, sold: c.sold }).toEqual({
      channel: 'noon KSA',
      available: 11,
      inbound: 3,
      unfulfillable: 2,
      sold: 5,
    });
    expect(c.warehouses).toEqual([
      { warehouse: 'RUH01S', available: 7, inbound: 3, unfulfillable: 2 },
      { warehouse: 'JED01S', available: 4, inbound: 0, unfulfillable: 0 },
    ]);
    expect(c.visitors).toBe(100);
    expect(c.conversion).toBeCloseTo(0.05, 12);
    expect(c.stockAsOf).toBe(Date.UTC(2026, 5, 17, 9, 37, 8));
    expect(detail.history).toEqual([{ month: '2026-06', units: 5 }]);
  });
});
