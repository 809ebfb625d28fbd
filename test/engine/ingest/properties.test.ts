/**
 * Property tests of the importer (fast-check): whatever grid arrives, reading never throws and every
 * row is accounted for; the order of columns never changes what is read.
 */
import fc from 'fast-check';
import { importSources } from '../../../src/engine/ingest/import';
import { readReport } from '../../../src/engine/ingest/read-report';
import type { RawCell } from '../../../src/engine/ingest/types';
import * as F from '../../fixtures/reports';

/** Cells as hosts give them, biased towards things that look like report values and headers. */
const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constantFrom('sku', 'asin', 'afn-fulfillable-quantity', 'partner_sku', 'qty', 'status', 'item_nr', 'order_timestamp', 'Master SKU', 'Cost Price', 'Units Ordered', '', ' ', '\uFEFFsku'),
  fc.constantFrom('12,131', 'SAR 1,234.50', '(5)', '١٢', '12.02%', '2026-05-19 23:29:16', '31/02/2026', 'Cancelled', '=HYPERLINK("x")', '00123', '1E5'),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

const isBlankRow = (row: readonly RawCell[]) => row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

describe('importer properties', () => {
  it('random grids never throw, and rows read = rows used + rows reported', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom('Sheet1', 'noon KSA', 'Amazon UAE orders'), (g, source) => {
        const r = importSources([{ source, grid: g }]);
        const s = r.sources[0];
        expect(s.rowsRead).toBe(s.rowsUsed + s.rowsReported);
        // Nothing disappears: every non-blank row below the header (or every row without one) is read.
        const from = s.headerRow ?? 0;
        expect(s.rowsRead).toBe(g.slice(from).filter((row) => !isBlankRow(row)).length);
        if (s.rowsReported > 0) expect(s.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('rows of a real report with random values are all accounted for', () => {
    const header = F.MYI_KSA[2];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 20 }), (rows) => {
        const r = readReport({ source: 'Amazon KSA', grid: [header, ...rows] });
        expect(r.kind).toBe('amazon-inventory');
        expect(r.rowsRead).toBe(r.rowsUsed + r.rowsReported);
        expect(r.rowsRead).toBe(rows.filter((row) => !isBlankRow(row)).length);
        const dropped = new Set(r.issues.filter((i) => i.dropped).map((i) => i.row));
        expect(dropped.size).toBe(r.rowsReported);
      }),
      { numRuns: 200 },
    );
  });

  it('permuting columns does not change what is read or joined', () => {
    const fixtures = [F.MAPPING, F.MYI_KSA, F.BUSINESS_KSA, F.NOON_SALES_KSA, F.NOON_STOCK, F.ORDERS_UAE, F.RESTOCK];
    const names = ['Mapping', 'Amazon KSA inventory', 'Business Report KSA', 'noon sales', 'noon KSA stock', 'All Orders', 'Restock'];
    const width = (g: RawCell[][]) => Math.max(...g.map((r) => r.length));
    const permute = (g: RawCell[][], order: number[]) => g.map((row) => (row.length <= 1 ? row : order.map((i) => row[i] ?? null)));
    const baseline = importSources(fixtures.map((g, i) => ({ source: names[i], grid: g })));
    const comparable = (r: typeof baseline) => ({
      positions: r.positions.map((p) => ({ ...p, channel: p.channel.id, channelSkus: [...p.channelSkus].sort() })).sort((a, b) => `${a.masterSku}${a.channel}`.localeCompare(`${b.masterSku}${b.channel}`)),
      counts: r.sources.map((s) => [s.kind, s.rowsRead, s.rowsUsed, s.rowsReported, s.issues.length]),
    });
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: fixtures.length, maxLength: fixtures.length }), (seeds) => {
        const shuffled = fixtures.map((g, i) => {
          const order = Array.from({ length: width(g) }, (_, k) => k);
          let seed = seeds[i] + 1;
          for (let k = order.length - 1; k > 0; k--) {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            const j = seed % (k + 1);
            [order[k], order[j]] = [order[j], order[k]];
          }
          return { source: names[i], grid: permute(g, order) };
        });
        expect(comparable(importSources(shuffled))).toEqual(comparable(baseline));
      }),
      { numRuns: 50 },
    );
  });
});
