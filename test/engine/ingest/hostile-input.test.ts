/**
 * Bad input never crashes, never doubles, never disappears (the hostile-file findings, engine side):
 * the same report given twice, one bad cell, far-off dates, impossible negatives, invisible characters
 * in SKUs, a header that names a column twice. Each case failed before: it threw, doubled a figure or
 * said nothing. Expected figures are worked out by hand beside the rows.
 */
import { analyze } from '../../../src/engine/analyze';
import { DEMO_DEFAULTS, DEMO_SCENARIOS, DEMO_SHEETS, demoWorkbook } from '../../../src/demo/sample-workbook';
import { detectKind } from '../../../src/engine/ingest/detect';
import { importSources } from '../../../src/engine/ingest/import';
import type { Position } from '../../../src/engine/model';
import { readReport } from '../../../src/engine/ingest/read-report';
import type { RawCell, SourceGrid } from '../../../src/engine/ingest/types';
import { readSettingsObject } from '../../../src/engine/sheets/settings-sheet';
import * as F from '../../fixtures/reports';
import * as M from '../../fixtures/marketplace-reports';

const NOW = Date.UTC(2026, 10, 1);
const total = (positions: readonly Position[], f: (p: Position) => number) => positions.reduce((n, p) => n + f(p), 0);

describe('the same report given twice counts once', () => {
  it('an inventory download saved again as "(1)" beside the original: stock is not doubled, and the copy is named', () => {
    const once = importSources([{ source: 'amazon_ksa_inventory.txt', grid: F.MYI_KSA }], { asOf: NOW });
    const twice = importSources(
      [
        { source: 'amazon_ksa_inventory.txt', grid: F.MYI_KSA },
        { source: 'amazon_ksa_inventory (1).txt', grid: F.MYI_KSA },
      ],
      { asOf: NOW },
    );
    expect(total(twice.positions, (p) => p.available)).toBe(total(once.positions, (p) => p.available));
    const copy = twice.sources[1];
    expect([copy.rowsRead, copy.rowsUsed, copy.rowsReported]).toEqual([copy.rowsRead, 0, copy.rowsRead]);
    expect(copy.issues[0]).toMatchObject({ row: null, dropped: true, reason: 'Same content as amazon_ksa_inventory.txt: not counted again' });
  });

  it('a noon sales export given twice: units are not doubled', () => {
    const once = importSources([{ source: 'noon sales.csv', grid: F.NOON_SALES_KSA }], { asOf: NOW });
    const twice = importSources(
      [
        { source: 'noon sales.csv', grid: F.NOON_SALES_KSA },
        { source: 'noon sales (1).csv', grid: F.NOON_SALES_KSA },
      ],
      { asOf: NOW },
    );
    expect(total(twice.positions, (p) => p.sold)).toBe(total(once.positions, (p) => p.sold));
    expect(twice.sources[1].rowsUsed).toBe(0);
    expect(twice.sources[1].issues[0].reason).toMatch(/^Every row repeats noon sales\.csv/);
  });

  it('two noon sales exports whose days overlap: the repeated units count once, each repeated row is named', () => {
    const header = F.NOON_SALES_KSA[0];
    const row = (item: string, day: string) => ['1', 'SA', 'SA', 'SA', '', item, 'NOON-BAG-01', 'ZBAG-1', 'Delivered', '95', '95', 'SAR', 'b', 'bags', 'FBN', `2026-10-${day} 10:00:00`, '', ''];
    const september = [header, row('NSA1-1', '01'), row('NSA2-1', '05'), row('NSA3-1', '10')];
    // The second export starts on the 5th: NSA2-1 and NSA3-1 again, NSA4-1 new.
    const october = [header, row('NSA2-1', '05'), row('NSA3-1', '10'), row('NSA4-1', '20')];
    const r = importSources(
      [
        { source: 'noon A.csv', grid: september },
        { source: 'noon B.csv', grid: october },
      ],
      { asOf: NOW },
    );
    expect(total(r.positions, (p) => p.sold)).toBe(4);
    const b = r.sources[1];
    expect([b.rowsRead, b.rowsUsed, b.rowsReported]).toEqual([3, 1, 2]);
    expect(b.issues.map((i) => [i.row, i.reason])).toEqual([
      [2, 'item NSA2-1 was already counted from noon A.csv (row 3): not counted again'],
      [3, 'item NSA3-1 was already counted from noon A.csv (row 4): not counted again'],
    ]);
  });

  it('two stock snapshots of one channel sharing SKUs: the later snapshot is used, the other is named', () => {
    const june = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 7, 'saleable', 'NOON-BAG-01', 'N1', '', '2026-06-17, 09:37:08')];
    const july = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 3, 'saleable', 'NOON-BAG-01', 'N1', '', '2026-07-17, 09:37:08')];
    const r = importSources(
      [
        { source: 'Mapping', grid: F.MAPPING },
        { source: 'fbn july.csv', grid: july },
        { source: 'fbn june.csv', grid: june },
      ],
      { asOf: NOW },
    );
    expect(r.positions.find((p) => p.masterSku === 'BAG-01' && p.channel.id === 'noon-ksa')?.available).toBe(3);
    const juneSummary = r.sources.find((s) => s.source === 'fbn june.csv')!;
    expect(juneSummary.rowsUsed).toBe(0);
    expect(juneSummary.issues[0].reason).toBe(
      'fbn july.csv and fbn june.csv are both noon FBN inventory of noon KSA and share 1 SKUs: the same stock would count twice, so only one is used; fbn july.csv is the later snapshot (2026-07-17)',
    );
  });

  it('two stock files of one channel with different SKUs both count (a split export)', () => {
    const a = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 7, 'saleable', 'NOON-BAG-01', 'N1')];
    const b = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 4, 'saleable', 'NOON-MUG-02', 'N2')];
    const r = importSources(
      [
        { source: 'fbn a.csv', grid: a },
        { source: 'fbn b.csv', grid: b },
      ],
      { asOf: NOW },
    );
    expect(total(r.positions, (p) => p.available)).toBe(11);
    expect(r.sources.every((s) => s.rowsUsed === 1)).toBe(true);
  });
});

describe('one bad cell does not abort the run', () => {
  const demo = (): SourceGrid[] => demoWorkbook().map((s) => ({ source: s.source, grid: (s.grid as RawCell[][]).map((r) => [...r]) }));
  const edit = (sources: SourceGrid[], sheet: string, master: string, column: string, value: RawCell) => {
    const grid = sources.find((s) => s.source === sheet)!.grid as RawCell[][];
    const col = grid[0].indexOf(column);
    const row = grid.findIndex((r) => r[0] === master || r.includes(master));
    expect([col >= 0, row > 0]).toEqual([true, true]);
    grid[row][col] = value;
    return row + 1;
  };

  it('a negative cost on the product the demo transfers: reported, not used, and the analysis finishes', () => {
    const sources = demo();
    const row = edit(sources, DEMO_SHEETS.mapping, DEMO_SCENARIOS.transfer.masterSku, 'Cost Price', '-5');
    const a = analyze(sources, { now: DEMO_DEFAULTS.asOf });
    expect(a.issues).toContainEqual(expect.objectContaining({ source: DEMO_SHEETS.mapping, row, column: 'Cost Price', reason: 'Negative Cost Price -5 is not possible: not used', dropped: false }));
    expect(a.specs.length).toBeGreaterThan(5);
  });

  it('a title over Excel\'s 32,767 characters is cut there and said so', () => {
    const sources = demo();
    const row = edit(sources, DEMO_SHEETS.mapping, DEMO_SCENARIOS.transfer.masterSku, 'Title', 'x'.repeat(40_000));
    const a = analyze(sources, { now: DEMO_DEFAULTS.asOf });
    expect(a.issues).toContainEqual(expect.objectContaining({ row, column: 'Title', reason: "Title is 40,000 characters long: cut at Excel's limit of 32,767" }));
    const p = a.metrics.find((m) => m.position.masterSku === DEMO_SCENARIOS.transfer.masterSku)!.position;
    expect(p.title).toHaveLength(32_767);
  });

  it('1e308 in a quantity, a price and a lead time: each reported, the run goes on', () => {
    const sources = demo();
    const master = DEMO_SCENARIOS.transfer.masterSku;
    edit(sources, DEMO_SHEETS.mapping, master, 'Selling Price', '1e308');
    const grid = sources.find((s) => s.source === DEMO_SHEETS.amazonKsaInventory)!.grid as RawCell[][];
    grid[1][grid[0].indexOf('afn-fulfillable-quantity')] = '1e308';
    const a = analyze(sources, { now: DEMO_DEFAULTS.asOf });
    expect(a.issues).toContainEqual(expect.objectContaining({ column: 'Selling Price', reason: '1e+308 is too large to be a Selling Price', dropped: false }));
    // The quantity is required: its row is not used, and said so.
    expect(a.issues).toContainEqual(expect.objectContaining({ source: DEMO_SHEETS.amazonKsaInventory, row: 2, column: 'afn-fulfillable-quantity', reason: '1e+308 is too large to be a afn-fulfillable-quantity', dropped: true }));
    expect(Number.isFinite(a.kpis.stockValue)).toBe(true);
  });

  it('1e308 in the settings is an issue and the default stands', () => {
    const read = readSettingsObject({ leadTimeDays: 1e308, transferCostPerUnit: 1e308 }, 'settings.json');
    expect(read.settings.leadTimeDays).toBe(30);
    expect(read.issues.map((i) => i.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/Lead time \(days\) must be at most 3650/), expect.stringMatching(/Transfer cost per unit must be at most 1000000000/)]));
  });
});

describe('far-off dates are reported, not used', () => {
  const header = F.NOON_SALES_KSA[0];
  const row = (item: string, at: string) => ['1', 'SA', 'SA', 'SA', '', item, 'NOON-BAG-01', 'ZBAG-1', 'Delivered', '95', '95', 'SAR', 'b', 'bags', 'FBN', at, '', ''];
  const grid = [header, row('N1-1', '2026-10-01 10:00:00'), row('N2-1', '2026-10-31 10:00:00'), row('N3-1', '1900-01-01 00:00:00'), row('N4-1', '9999-12-31 00:00:00')];

  it('a sale dated 1900-01-01 or 9999-12-31 is reported, and the window stays the 30 real days', () => {
    const r = importSources([{ source: 'noon KSA sales', grid }], { asOf: NOW });
    const s = r.sources[0];
    expect([s.rowsRead, s.rowsUsed, s.rowsReported]).toEqual([4, 2, 2]);
    expect(s.issues.map((i) => [i.row, i.reason])).toEqual([
      [4, '1900-01-01 is before 2000: not a date this report can hold'],
      [5, '9999-12-31 is after the analysis day 2026-11-01: not a date this report can hold yet'],
    ]);
    const p = r.positions[0];
    expect(p.sold).toBe(2);
    // 1 October 10:00 to 31 October 10:00: 30 days.
    expect(p.periodDays).toBe(30);
    expect(Object.keys(p.salesByMonth)).toEqual(['2026-10']);
  });

  it('a promised delivery date may be in the future', () => {
    const po = [
      ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Promised Date', 'Received Date', 'Qty'],
      ['Acme', 'PO-1', 'BAG-01', '2026-10-20', '2026-12-20', '', '100'],
    ];
    const r = readReport({ source: 'PO history', grid: po }, { asOf: NOW });
    expect([r.rowsUsed, r.issues]).toEqual([1, []]);
  });
});

describe('impossible negatives are reported like negative stock', () => {
  it('negative units ordered, selling price, noon price and lead time', () => {
    const business = [F.BUSINESS_KSA[0], ['-300', 'AMZ-BAG-01', 'B0BAG00001', 'B0BAGP', 'Bag', '12,131', 'SAR 29,700.00', '290', '2.47%']];
    const mapping = [
      ['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU', 'Cost Price', 'Selling Price', 'Lead time'],
      ['BAG-01', 'AMZ-BAG-01', 'NOON-BAG-01', '45', '-99', '-20'],
    ];
    const noon = [F.NOON_SALES_KSA[0], ['1', 'SA', 'SA', 'SA', '', 'N1-1', 'NOON-BAG-01', 'ZBAG-1', 'Delivered', '-95', '95', 'SAR', 'b', 'bags', 'FBN', '2026-10-03 10:00:00', '', '']];
    const r = importSources(
      [
        { source: 'Mapping', grid: mapping },
        { source: 'Business Report KSA', grid: business },
        { source: 'noon KSA sales', grid: noon },
      ],
      { asOf: NOW },
    );
    const reasons = r.sources.flatMap((s) => s.issues.map((i) => i.reason));
    expect(reasons).toEqual(
      expect.arrayContaining(['Negative Selling Price -99 is not possible: not used', 'Negative Lead time -20 is not possible: not used', 'Negative Units Ordered -300 counted as 0', 'Negative offer_price -95 is not possible: not used']),
    );
    const amazon = r.positions.find((p) => p.channel.id === 'amazon-ksa')!;
    expect({ sold: amazon.sold, price: amazon.price, leadTimeDays: amazon.leadTimeDays }).toEqual({ sold: 0, price: null, leadTimeDays: null });
    // The noon unit still sold; its price is unknown.
    const noonKsa = r.positions.find((p) => p.channel.id === 'noon-ksa')!;
    expect([noonKsa.sold, noonKsa.revenue]).toEqual([1, 0]);
  });
});

describe('what the reader cleans up, it says', () => {
  it('invisible and control characters in a SKU are removed and reported', () => {
    const grid = [F.NOON_SALES_KSA[0], ['1', 'SA', 'SA', 'SA', '', 'N1-1', 'NOON\u200b-BAG-01', 'ZBAG-1', 'Delivered', '95', '95', 'SAR', 'b', 'bags', 'FBN', '2026-10-03 10:00:00', '', '']];
    const r = readReport({ source: 'noon', grid }, { asOf: NOW });
    expect(r.records.at(0).values.sku).toBe('NOON-BAG-01');
    expect(r.issues).toMatchObject([{ code: 'cell.invisible', severity: 'warning', source: 'noon', row: 2, column: 'partner_sku', value: 'NOON\u200b-BAG-01', reason: 'partner_sku held invisible or control characters (U+200B): read as "NOON-BAG-01"', dropped: false }]);
  });

  it('Master SKUs that differ only in spaces around them are one, and the mapping says so once', () => {
    const mapping = [
      ['Master SKU', 'noon KSA SKU', 'Cost Price'],
      ['BAG-01 ', 'NOON-BAG-01', '45'],
      [' BAG-01', 'NOON-BAG-02', '45'],
      ['MUG-02', 'NOON-MUG-02', '8'],
    ];
    const r = readReport({ source: 'Mapping', grid: mapping }, { asOf: NOW });
    expect(r.records.toArray().map((x) => x.values.masterSku)).toEqual(['BAG-01', 'BAG-01', 'MUG-02']);
    expect(r.issues).toMatchObject([
      {
        code: 'cell.spaces-around',
        severity: 'info',
        source: 'Mapping',
        row: 2,
        column: 'Master SKU',
        value: 'BAG-01 ',
        reason: '2 Master SKU values had spaces around them (first "BAG-01 " at row 2): read without them, so "BAG-01 " and "BAG-01" are the same SKU',
        dropped: false,
      },
    ]);
  });

  it('a column named twice: the first is used, and said so', () => {
    const grid = [
      ['partner_sku', 'qty', 'warehouse_code', 'inventory_type', 'qty'],
      ['NOON-BAG-01', '5', 'RUH01S', 'saleable', '9'],
    ];
    const r = readReport({ source: 'noon stock', grid }, { asOf: NOW });
    expect(r.records.at(0).values.quantity).toBe(5);
    expect(r.issues).toMatchObject([{ code: 'report.duplicate-column', source: 'noon stock', row: 1, column: 'qty', value: null, reason: 'Column "qty" appears 2 times (also column E): column B is used, the other is ignored', dropped: false }]);
  });

  it('a kind the importer does not know, chosen for a sheet, does not crash', () => {
    const d = detectKind(F.NOON_SALES_KSA[0] as RawCell[], 'x', 'bogus' as never);
    expect([d.kind, d.unsure, d.reasons]).toEqual([null, true, ['"bogus" is not a report kind Lumive knows']]);
  });
});

describe('a date column read as a whole', () => {
  it('the order comes from all its values, even when the evidence is below the rows that need it and the first rows are ISO', () => {
    // order_timestamp: row 2 ISO, row 3 "05/10/2026 10:00:00" (May 10 or October 5), row 4 "13/10/2026 09:00:00" (only day first):
    // the column is day first, so row 3 is 5 October.
    const at = (ts: string, item: string) => ['1', 'SA', 'SA', 'SA', '', item, 'NOON-BAG-01', 'ZBAG-1', 'Delivered', '95', '95', 'SAR', 'b', 'bags', 'FBN', ts, '', ''];
    const grid = [F.NOON_SALES_KSA[0], at('2026-10-01 08:00:00', 'N1-1'), at('05/10/2026 10:00:00', 'N2-1'), at('13/10/2026 09:00:00', 'N3-1')];
    const r = readReport({ source: 'noon', grid }, { asOf: NOW });
    expect(r.records.toArray().map((x) => x.values.orderTimestamp)).toEqual([Date.UTC(2026, 9, 1, 8), Date.UTC(2026, 9, 5, 10), Date.UTC(2026, 9, 13, 9)]);
  });
});
