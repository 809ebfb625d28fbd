/**
 * The Mapping panel's plan (src/engine/ingest/mapping-sheet.ts): how many SKUs are unmapped, the rows
 * of a new Mapping sheet, the rows appended to an existing one (under its own header, in its column
 * order), and the round trip: after writing the rows, the same reports import with nothing unmapped.
 * Expected rows are worked out by hand from the small grids below (shown beside each expectation).
 */
import { DEMO_SCENARIOS, DEMO_SHEETS, demoWorkbook } from '../../../src/demo/sample-workbook';
import { importSources, ImportResult } from '../../../src/engine/ingest/import';
import type { Position } from '../../../src/engine/model';
import { MAPPING_SHEET_HEADER, MappingPlan, NEW_SKU_NOTE, planMapping, SUGGESTION_HEADER, unmappedCount } from '../../../src/engine/ingest/mapping-sheet';
import type { RawCell, RawGrid, SourceGrid } from '../../../src/engine/ingest/types';
import type { CellValue } from '../../../src/engine/sheets/spec';
import { position as makePosition } from '../../helpers/position';

type Grid = RawCell[][];

// --- A small seller: 3 SKUs on two channel reports, a mapping that knows 1 of them -----------------

const AMZ_HEADER = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'afn-fulfillable-quantity', 'afn-reserved-quantity', 'afn-unsellable-quantity'];
const amazonKsa = (...rows: RawCell[][]): SourceGrid => ({ source: 'Amazon KSA Inventory', grid: [AMZ_HEADER, ...rows] });
const NOON_HEADER = ['partner_sku', 'product_name', 'qty', 'warehouse_code'];
const noonKsa = (...rows: RawCell[][]): SourceGrid => ({ source: 'noon KSA Stock', grid: [NOON_HEADER, ...rows] });

const MUG = ['AMZ-MUG-02', 'X0MUG2', 'B0MUG00002', 'Ceramic Mug 350ml', 'New', '29', '40', '0', '0'];
const LAMP = ['AMZ-LAMP-7', 'X0LAMP', 'B0LAMP0007', 'Desk Lamp LED', 'New', '79', '12', '0', '0'];
const DESK = ['NN-DESK-3', 'Standing Desk Frame', '5', 'RUH01'];
const REPORTS: SourceGrid[] = [amazonKsa(MUG, LAMP), noonKsa(DESK)];

/** The seller's mapping: only MUG-02, by its Amazon KSA SKU. Seven columns, no suggestion column. */
const MAPPING: Grid = [
  ['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price'],
  ['MUG-02', 'AMZ-MUG-02', '', 'B0MUG00002', 'Ceramic Mug 350ml', 8.5, 29],
];
const withMapping = (mapping: RawGrid, reports: readonly SourceGrid[], name = 'Mapping'): SourceGrid[] => [{ source: name, grid: mapping }, ...reports];

/** The existing sheet after the plan's rows are appended below its rows (what an 'append' spec does). */
function appended(existing: RawGrid, plan: MappingPlan): Grid {
  expect(plan.spec?.mode).toBe('append');
  return [...existing.map((r) => [...r]), ...(plan.spec?.rows ?? []).map((r) => [...r])];
}
/** A sheet written by a 'replace' spec. */
const written = (plan: MappingPlan): Grid => (plan.spec?.rows ?? []).map((r) => [...r]);

const pos = (result: ImportResult, master: string, channel: string): Position => {
  const p = result.positions.find((x) => x.masterSku === master && x.channel.id === channel);
  if (!p) throw new Error(`no position ${master} on ${channel}`);
  return p;
};
const notInMapping = (result: ImportResult) => result.issues.filter((i) => /not in the mapping/.test(i.reason));

/** A row of a Mapping sheet Lumive creates, from header name → value (blanks are null). */
function createdRow(values: Readonly<Record<string, string>>): CellValue[] {
  for (const h of Object.keys(values)) expect(MAPPING_SHEET_HEADER).toContain(h);
  return MAPPING_SHEET_HEADER.map((h) => values[h] ?? null);
}

describe('the small seller', () => {
  const before = importSources(withMapping(MAPPING, REPORTS));

  it('the reports are read as expected', () => {
    expect(before.sources.map((s) => [s.source, s.kind, s.channel?.id ?? null])).toEqual([
      ['Mapping', 'mapping', null],
      ['Amazon KSA Inventory', 'amazon-inventory', 'amazon-ksa'],
      ['noon KSA Stock', 'noon-stock', 'noon-ksa'],
    ]);
  });

  it('3 SKUs, 1 mapped → 2 unmapped', () => {
    // AMZ-MUG-02 is in the Amazon KSA SKU column; AMZ-LAMP-7 and NN-DESK-3 are nowhere in the mapping.
    expect(unmappedCount(before)).toBe(2);
    expect(before.positions.filter((p) => p.provisional).map((p) => p.masterSku).sort()).toEqual(['AMZ-LAMP-7', 'NN-DESK-3']);
    // Neither has a suggestion: different titles and ASINs, and no mapped SKU within edit distance.
    expect(notInMapping(before).map((i) => i.reason)).toEqual([
      'SKU AMZ-LAMP-7 is not in the mapping: analyzed on its own',
      'SKU NN-DESK-3 is not in the mapping: analyzed on its own',
    ]);
  });

  it('creates a Mapping sheet when there is none: header, one row per SKU found, sorted, prices blank', () => {
    // Without a mapping every SKU is provisional (and nothing can be suggested): 3 rows, each SKU in
    // its channel's column and as its own Master SKU, ASIN and title from the reports.
    const result = importSources(REPORTS);
    expect(unmappedCount(result)).toBe(3);
    const plan = planMapping(result, null);
    expect(plan).toMatchObject({ sheet: 'Mapping', created: true, added: 3, unmapped: 3, suggested: 0 });
    const spec = plan.spec!;
    expect(spec).toMatchObject({ name: 'Mapping', role: 'input', visibility: 'visible', mode: 'replace', freeze: { rows: 1, columns: 0 } });
    expect(spec.styles).toEqual([{ range: { row: 0, column: 0, rows: 1, columns: 14 }, style: 'header' }]);
    expect(spec.rows).toEqual([
      ['Master SKU', 'Amazon KSA SKU', 'Amazon UAE SKU', 'noon KSA SKU', 'noon UAE SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price', 'Case Pack', 'MOQ', 'Lead Time Days', 'Supplier', 'Suggested by Lumive'],
      ['AMZ-LAMP-7', 'AMZ-LAMP-7', null, null, null, 'B0LAMP0007', 'Desk Lamp LED', null, null, null, null, null, null, 'new SKU: check the Master SKU'],
      ['AMZ-MUG-02', 'AMZ-MUG-02', null, null, null, 'B0MUG00002', 'Ceramic Mug 350ml', null, null, null, null, null, null, 'new SKU: check the Master SKU'],
      ['NN-DESK-3', null, null, 'NN-DESK-3', null, null, 'Standing Desk Frame', null, null, null, null, null, null, 'new SKU: check the Master SKU'],
    ]);
    expect(planMapping(result, null, 'SKU Mapping').sheet).toBe('SKU Mapping');
  });

  it('appends only the unmapped SKUs to an existing mapping, under its own 7 columns', () => {
    // Master SKU | Amazon KSA SKU | noon KSA SKU | ASIN | Title | Cost Price | Selling Price:
    // AMZ-LAMP-7 (Amazon KSA, B0LAMP0007) and NN-DESK-3 (noon KSA, no ASIN in the noon report);
    // no suggestion column, so the note goes nowhere.
    const plan = planMapping(before, { name: 'Mapping', grid: MAPPING });
    expect(plan).toMatchObject({ sheet: 'Mapping', created: false, added: 2, unmapped: 2, suggested: 0 });
    expect(plan.spec).toMatchObject({ name: 'Mapping', role: 'input', visibility: 'visible', mode: 'append' });
    expect(plan.spec!.rows).toEqual([
      ['AMZ-LAMP-7', 'AMZ-LAMP-7', null, 'B0LAMP0007', 'Desk Lamp LED', null, null],
      ['NN-DESK-3', null, 'NN-DESK-3', null, 'Standing Desk Frame', null, null],
    ]);
  });

  it('round trip: after the append, the same reports import with nothing unmapped', () => {
    const plan = planMapping(before, { name: 'Mapping', grid: MAPPING });
    const after = importSources(withMapping(appended(MAPPING, plan), REPORTS));
    expect(unmappedCount(after)).toBe(0);
    expect(notInMapping(after)).toEqual([]);
    // No suggestion: each SKU is now its own Master SKU.
    expect(pos(after, 'AMZ-LAMP-7', 'amazon-ksa')).toMatchObject({ provisional: false, available: 12 });
    expect(pos(after, 'NN-DESK-3', 'noon-ksa')).toMatchObject({ provisional: false, available: 5 });
    expect(planMapping(after, { name: 'Mapping', grid: appended(MAPPING, plan) })).toMatchObject({ spec: null, added: 0, unmapped: 0 });
  });

  it('round trip of a created sheet: every SKU maps to itself', () => {
    const plan = planMapping(importSources(REPORTS), null);
    const after = importSources(withMapping(written(plan), REPORTS));
    expect(after.sources[0]).toMatchObject({ kind: 'mapping', unsure: false, rowsUsed: 3, rowsReported: 0 });
    expect(unmappedCount(after)).toBe(0);
    expect(after.positions.map((p) => [p.masterSku, p.channel.id, p.provisional]).sort()).toEqual([
      ['AMZ-LAMP-7', 'amazon-ksa', false],
      ['AMZ-MUG-02', 'amazon-ksa', false],
      ['NN-DESK-3', 'noon-ksa', false],
    ]);
  });

  it('an existing mapping that already covers every SKU needs no rows', () => {
    const full: Grid = [...MAPPING, ['LAMP-7', 'AMZ-LAMP-7', '', '', '', '', ''], ['DESK-3', '', 'NN-DESK-3', '', '', '', '']];
    const result = importSources(withMapping(full, REPORTS));
    expect(planMapping(result, { name: 'Mapping', grid: full })).toEqual({ spec: null, sheet: 'Mapping', created: false, added: 0, unmapped: 0, suggested: 0 });
  });

  it('a SKU the sheet already lists for its channel is not added again, even when the import predates it', () => {
    // `before` was imported with MAPPING; this sheet has since been given both SKUs.
    const since: Grid = [...MAPPING, ['LAMP-7', 'AMZ-LAMP-7', '', '', '', '', ''], ['NN-DESK-3', '', '', '', '', '', '']];
    const plan = planMapping(before, { name: 'Mapping', grid: since });
    // Still 2 unmapped in the import the plan was made from; AMZ-LAMP-7 is in the Amazon KSA column and
    // NN-DESK-3 is a Master SKU (which maps it on every channel).
    expect(plan).toMatchObject({ spec: null, added: 0, unmapped: 2 });
  });

  it('a SKU the sheet lists only for another channel gets a row for its own channel, with the suggestion', () => {
    // AMZ-LAMP-7 is LAMP-7's noon KSA SKU but is sold unmapped on Amazon KSA: the join suggests LAMP-7
    // (the same title "Desk Lamp LED"), so the row maps it to LAMP-7 on Amazon KSA.
    const mapping: Grid = [...MAPPING, ['LAMP-7', '', 'AMZ-LAMP-7', '', 'Desk Lamp LED', 30, 79]];
    const result = importSources(withMapping(mapping, REPORTS));
    expect(unmappedCount(result)).toBe(2);
    const plan = planMapping(result, { name: 'Mapping', grid: mapping });
    expect(plan.spec!.rows).toEqual([
      ['LAMP-7', 'AMZ-LAMP-7', null, 'B0LAMP0007', 'Desk Lamp LED', null, null],
      ['NN-DESK-3', null, 'NN-DESK-3', null, 'Standing Desk Frame', null, null],
    ]);
    expect(plan.suggested).toBe(1);
    const after = importSources(withMapping(appended(mapping, plan), REPORTS));
    expect(unmappedCount(after)).toBe(0);
    expect(pos(after, 'LAMP-7', 'amazon-ksa')).toMatchObject({ available: 12, channelSkus: ['AMZ-LAMP-7'], cost: 30 });
  });

  it('a SKU unmapped on two channels is one SKU and one row, its SKU in both channel columns', () => {
    const reports = [...REPORTS, { source: 'Amazon UAE Inventory', grid: [AMZ_HEADER, LAMP] }];
    const result = importSources(withMapping(MAPPING, reports));
    expect(result.positions.filter((p) => p.provisional).map((p) => `${p.masterSku} ${p.channel.id}`).sort()).toEqual([
      'AMZ-LAMP-7 amazon-ksa',
      'AMZ-LAMP-7 amazon-uae',
      'NN-DESK-3 noon-ksa',
    ]);
    expect(unmappedCount(result)).toBe(2);
    const mapping: Grid = [['Master SKU', 'Amazon KSA SKU', 'Amazon UAE SKU', 'noon KSA SKU'], ['MUG-02', 'AMZ-MUG-02', '', '']];
    const plan = planMapping(importSources(withMapping(mapping, reports)), { name: 'Mapping', grid: mapping });
    expect(plan.spec!.rows).toEqual([
      ['AMZ-LAMP-7', 'AMZ-LAMP-7', 'AMZ-LAMP-7', null],
      ['NN-DESK-3', null, null, 'NN-DESK-3'],
    ]);
  });
});

// --- Suggestions ------------------------------------------------------------------------------------

describe('suggested Master SKUs', () => {
  // AMZ-MUG-2B: another ASIN but the title of MUG-02 → "MUG-02 (same title)".
  // MUG-02X on noon: its own title, one edit from the Master SKU MUG-02 → "MUG-02 (similar SKU)".
  // NN-DESK-3: nothing alike → no suggestion.
  const MUG_2B = ['AMZ-MUG-2B', 'X0MUGB', 'B0MUG0002B', 'Ceramic Mug 350ml', 'New', '29', '7', '0', '0'];
  const MUG_02X = ['MUG-02X', 'Mug, blue', '3', 'RUH01'];
  const reports = [amazonKsa(MUG, MUG_2B), noonKsa(MUG_02X, DESK)];
  /** The mapping with a title row above the header, shuffled columns and the suggestion column. */
  const mapping: Grid = [
    ['SKU mapping: keep up to date'],
    [],
    ['Title', 'Master SKU', 'Cost Price', 'noon KSA SKU', 'Amazon KSA SKU', 'Selling Price', 'ASIN', 'Suggested by Lumive'],
    ['Ceramic Mug 350ml', 'MUG-02', 8.5, '', 'AMZ-MUG-02', 29, 'B0MUG00002', ''],
  ];
  const before = importSources(withMapping(mapping, reports));

  it('the join records each provisional position’s suggestion, as the Data Issues text gives it', () => {
    expect(pos(before, 'AMZ-MUG-2B', 'amazon-ksa').suggestion).toEqual({ masterSku: 'MUG-02', reason: 'same title' });
    expect(pos(before, 'MUG-02X', 'noon-ksa').suggestion).toEqual({ masterSku: 'MUG-02', reason: 'similar SKU' });
    expect(pos(before, 'NN-DESK-3', 'noon-ksa').suggestion).toBeNull();
    expect(pos(before, 'MUG-02', 'amazon-ksa').suggestion).toBeUndefined();
    expect(notInMapping(before).map((i) => i.reason)).toEqual([
      'SKU AMZ-MUG-2B is not in the mapping: analyzed on its own; perhaps MUG-02 (same title)',
      'SKU MUG-02X is not in the mapping: analyzed on its own; perhaps MUG-02 (similar SKU)',
      'SKU NN-DESK-3 is not in the mapping: analyzed on its own',
    ]);
  });

  it('appended rows take the suggested Master SKU and say why, in the sheet’s own column order', () => {
    // Title | Master SKU | Cost Price | noon KSA SKU | Amazon KSA SKU | Selling Price | ASIN | Suggested by Lumive,
    // sorted by Master SKU (MUG-02 twice: AMZ-MUG-2B before MUG-02X), then NN-DESK-3.
    const plan = planMapping(before, { name: 'Mapping', grid: mapping });
    expect(plan).toMatchObject({ created: false, added: 3, unmapped: 3, suggested: 2 });
    expect(plan.spec!.rows).toEqual([
      ['Ceramic Mug 350ml', 'MUG-02', null, null, 'AMZ-MUG-2B', null, 'B0MUG0002B', 'perhaps MUG-02 (same title)'],
      ['Mug, blue', 'MUG-02', null, 'MUG-02X', null, null, null, 'perhaps MUG-02 (similar SKU)'],
      ['Standing Desk Frame', 'NN-DESK-3', null, 'NN-DESK-3', null, null, null, NEW_SKU_NOTE],
    ]);
    for (const row of plan.spec!.rows) expect(row).toHaveLength(mapping[2].length);
  });

  it('a mapping with the "Suggested by Lumive" column is still a mapping, read as before', () => {
    const s = before.sources.find((x) => x.source === 'Mapping')!;
    expect(s).toMatchObject({ kind: 'mapping', unsure: false, headerRow: 3, rowsRead: 1, rowsUsed: 1, rowsReported: 0 });
    expect(s.report.unknownColumns).toEqual([SUGGESTION_HEADER]);
    expect(s.report.records.at(0).values).toMatchObject({ masterSku: 'MUG-02', amazonKsaSku: 'AMZ-MUG-02', asin: 'B0MUG00002', title: 'Ceramic Mug 350ml', costPrice: 8.5, sellingPrice: 29 });
    // And a sheet Lumive created, with its notes filled in.
    const created = written(planMapping(importSources(reports), null));
    const r = importSources(withMapping(created, reports)).sources[0];
    expect(r).toMatchObject({ kind: 'mapping', unsure: false, headerRow: 1, rowsRead: 4, rowsUsed: 4, rowsReported: 0 });
    expect(r.report.unknownColumns).toEqual([SUGGESTION_HEADER]);
    // The extra column costs no confidence: the same sheet without it scores the same.
    const without = importSources(withMapping(created.map((row) => row.slice(0, -1)), reports)).sources[0];
    expect(r.confidence).toBe(without.confidence);
    expect(r.report.records.toArray()).toEqual(without.report.records.toArray());
  });

  it('round trip: suggested SKUs join their suggested Master SKU, the others their own', () => {
    const plan = planMapping(before, { name: 'Mapping', grid: mapping });
    const after = importSources(withMapping(appended(mapping, plan), reports));
    expect(unmappedCount(after)).toBe(0);
    expect(notInMapping(after)).toEqual([]);
    expect(after.issues.filter((i) => /already mapped/.test(i.reason))).toEqual([]);
    // MUG-02 on Amazon KSA: 40 (AMZ-MUG-02) + 7 (AMZ-MUG-2B); on noon KSA: 3 (MUG-02X).
    expect(pos(after, 'MUG-02', 'amazon-ksa')).toMatchObject({ provisional: false, available: 47, channelSkus: ['AMZ-MUG-02', 'AMZ-MUG-2B'], cost: 8.5 });
    expect(pos(after, 'MUG-02', 'noon-ksa')).toMatchObject({ provisional: false, available: 3, channelSkus: ['MUG-02X'], cost: 8.5 });
    expect(pos(after, 'NN-DESK-3', 'noon-ksa')).toMatchObject({ provisional: false, available: 5 });
    expect(after.positions).toHaveLength(3);
  });

  it('same ASIN as a mapped SKU: the importer joins it to that Master SKU itself, so it is not unmapped', () => {
    // AMZ-MUG-OLD carries MUG-02's ASIN B0MUG00002: the join resolves Amazon rows by ASIN after SKU.
    const reports2 = [amazonKsa(MUG, ['AMZ-MUG-OLD', 'X0MUGO', 'B0MUG00002', 'Old mug listing', 'New', '29', '2', '0', '0'])];
    const result = importSources(withMapping(MAPPING, reports2));
    expect(unmappedCount(result)).toBe(0);
    expect(pos(result, 'MUG-02', 'amazon-ksa').channelSkus).toEqual(['AMZ-MUG-02', 'AMZ-MUG-OLD']);
    expect(planMapping(result, { name: 'Mapping', grid: MAPPING })).toMatchObject({ spec: null, added: 0 });
  });

  it('a same-ASIN suggestion on a position (e.g. a report assigned to noon) goes in as "perhaps … (same ASIN …)"', () => {
    const result: ImportResult = {
      positions: [
        makePosition({ masterSku: 'NN-BOTTLE-OLD', channel: 'noon-uae', provisional: true, channelSkus: ['NN-BOTTLE-OLD'], asin: 'B0KIT00003', title: 'Water Bottle', suggestion: { masterSku: 'KIT-0003', reason: 'same ASIN B0KIT00003' } }),
      ],
      warehouseStock: new Map(),
      salesSpans: new Map(),
      poRecords: [],
      issues: [],
      sources: [],
    };
    const plan = planMapping(result, null);
    expect(plan.spec!.rows[1]).toEqual(createdRow({ 'Master SKU': 'KIT-0003', 'noon UAE SKU': 'NN-BOTTLE-OLD', ASIN: 'B0KIT00003', Title: 'Water Bottle', [SUGGESTION_HEADER]: 'perhaps KIT-0003 (same ASIN B0KIT00003)' }));
    expect(plan).toMatchObject({ added: 1, suggested: 1, unmapped: 1 });
  });
});

// --- Sheets with other layouts ------------------------------------------------------------------------

describe('existing sheets with other columns', () => {
  it('without a channel column the SKU goes under the marketplace or plain "SKU" column', () => {
    const mapping: Grid = [
      ['Master SKU', 'SKU', 'Cost Price', 'Selling Price'],
      ['MUG-02', 'AMZ-MUG-02', 8.5, 29],
    ];
    const result = importSources(withMapping(mapping, REPORTS));
    expect(unmappedCount(result)).toBe(2);
    const plan = planMapping(result, { name: 'My SKUs', grid: mapping });
    expect(plan).toMatchObject({ sheet: 'My SKUs', added: 2 });
    expect(plan.spec!.name).toBe('My SKUs');
    expect(plan.spec!.rows).toEqual([
      ['AMZ-LAMP-7', 'AMZ-LAMP-7', null, null],
      ['NN-DESK-3', 'NN-DESK-3', null, null],
    ]);
    expect(unmappedCount(importSources(withMapping(appended(mapping, plan), REPORTS)))).toBe(0);
  });

  it('with no column for the channel at all, the SKU is its own Master SKU even when a suggestion exists', () => {
    // Only Amazon columns: MUG-02X (noon) cannot be listed, so the suggestion MUG-02 would map nothing;
    // as a Master SKU of its own it is mapped on every channel.
    const mapping: Grid = [
      ['Master SKU', 'Amazon SKU', 'Cost Price', 'Selling Price', 'Suggested by Lumive'],
      ['MUG-02', 'AMZ-MUG-02', 8.5, 29, null],
    ];
    const reports = [amazonKsa(MUG), noonKsa(['MUG-02X', 'Mug, blue', '3', 'RUH01'])];
    const result = importSources(withMapping(mapping, reports));
    const plan = planMapping(result, { name: 'Mapping', grid: mapping });
    expect(plan).toMatchObject({ added: 1, suggested: 0 });
    expect(plan.spec!.rows).toEqual([['MUG-02X', null, null, null, 'perhaps MUG-02 (similar SKU)']]);
    const after = importSources(withMapping(appended(mapping, plan), reports));
    expect(unmappedCount(after)).toBe(0);
    expect(pos(after, 'MUG-02X', 'noon-ksa').provisional).toBe(false);
  });

  it('a product the reports name only by ASIN is listed by its ASIN (and left out where the sheet has no ASIN column)', () => {
    // A Business Report without a SKU column: the row joins as a provisional Master SKU named by its ASIN.
    const business = { source: 'Amazon KSA Business Report', grid: [['(Child) ASIN', 'Title', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales'], ['B0ONLY0001', 'Bamboo Tray', '50', '4', '120']] };
    const result = importSources(withMapping(MAPPING, [business]));
    expect(unmappedCount(result)).toBe(1);
    const plan = planMapping(result, { name: 'Mapping', grid: MAPPING });
    expect(plan.spec!.rows).toEqual([['B0ONLY0001', null, null, 'B0ONLY0001', 'Bamboo Tray', null, null]]);
    const after = importSources(withMapping(appended(MAPPING, plan), [business]));
    expect(unmappedCount(after)).toBe(0);
    expect(pos(after, 'B0ONLY0001', 'amazon-ksa')).toMatchObject({ provisional: false, sold: 4 });
    const noAsin: Grid = [['Master SKU', 'Amazon KSA SKU', 'Cost Price'], ['MUG-02', 'AMZ-MUG-02', 8.5]];
    expect(planMapping(result, { name: 'Mapping', grid: noAsin })).toMatchObject({ spec: null, added: 0, unmapped: 1 });
  });

  it('an empty sheet of that name is written whole; a sheet that is not a mapping is refused', () => {
    const result = importSources(REPORTS);
    const plan = planMapping(result, { name: 'Mapping', grid: [[], ['', null]] });
    expect(plan).toMatchObject({ sheet: 'Mapping', created: true, added: 3 });
    expect(plan.spec).toMatchObject({ name: 'Mapping', mode: 'replace' });
    expect(() => planMapping(result, { name: 'Notes', grid: [['Ideas'], ['sell more mugs']] })).toThrow('"Notes" is not a mapping sheet');
  });
});

// --- Untrusted text -----------------------------------------------------------------------------------

describe('hostile text', () => {
  const EQ_SKU = '=HYPERLINK("x")';
  const EQ_TITLE = '=HYPERLINK("http://example.com","Click me")';
  const PLUS_SKU = '+SUM(1)';
  const AT_TITLE = '@cmd|\' /c calc\'!A0';
  const reports = [amazonKsa([EQ_SKU, 'X0EVIL', 'B0EVIL0001', EQ_TITLE, 'New', '10', '4', '0', '0']), noonKsa([PLUS_SKU, AT_TITLE, '2', 'RUH01'])];

  it('SKUs and titles that look like formulas stay plain strings, exactly as written', () => {
    const plan = planMapping(importSources(reports), null);
    // Sorted by code unit: "+" (0x2B) before "=" (0x3D).
    expect(plan.spec!.rows.slice(1)).toEqual([
      createdRow({ 'Master SKU': PLUS_SKU, 'noon KSA SKU': PLUS_SKU, Title: AT_TITLE, [SUGGESTION_HEADER]: NEW_SKU_NOTE }),
      createdRow({ 'Master SKU': EQ_SKU, 'Amazon KSA SKU': EQ_SKU, ASIN: 'B0EVIL0001', Title: EQ_TITLE, [SUGGESTION_HEADER]: NEW_SKU_NOTE }),
    ]);
    for (const row of plan.spec!.rows) for (const cell of row) expect(cell === null || typeof cell === 'string').toBe(true);
    // Nothing the plan wrote itself starts like a formula: only the report's own text does.
    const own = plan.spec!.rows.flat().filter((c): c is string => typeof c === 'string' && /^[=+\-@]/.test(c));
    expect(new Set(own)).toEqual(new Set([EQ_SKU, EQ_TITLE, PLUS_SKU, AT_TITLE]));
  });

  it('and they map after the round trip', () => {
    const plan = planMapping(importSources(reports), null);
    const after = importSources(withMapping(written(plan), reports));
    expect(unmappedCount(after)).toBe(0);
    expect(pos(after, EQ_SKU, 'amazon-ksa').title).toBe(EQ_TITLE);
  });
});

// --- The demo workbook --------------------------------------------------------------------------------

describe('the demo workbook', () => {
  const workbook = demoWorkbook();
  const result = importSources(workbook);
  const mapping = workbook.find((s) => s.source === DEMO_SHEETS.mapping)!.grid;
  const plan = planMapping(result, { name: DEMO_SHEETS.mapping, grid: mapping });

  it('has 3 unmapped SKUs', () => {
    expect(unmappedCount(result)).toBe(DEMO_SCENARIOS.unmapped.length);
    expect(unmappedCount(result)).toBe(3);
  });

  it('appends 3 rows to its Mapping sheet, one carrying KIT-0003', () => {
    expect(plan).toMatchObject({ sheet: 'Mapping', created: false, added: 3, unmapped: 3, suggested: 1 });
    const rows = plan.spec!.rows;
    // The demo's 13 columns: Master SKU, Amazon KSA SKU, Amazon UAE SKU, noon KSA SKU, noon UAE SKU, ASIN, Title, …
    for (const row of rows) expect(row).toHaveLength(13);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['AMZ-SAMPLE-TEST', null, 'AMZ-SAMPLE-TEST', null, null],
      ['KIT-0003', 'AMZ-KIT0003-OLD', null, null, null],
      ['NN-RMDN-BNDL-01', null, null, 'NN-RMDN-BNDL-01', null],
    ]);
    expect(rows[1][6]).toBe('Stainless Steel Water Bottle 750ml');
    for (const row of rows) expect(row.slice(7)).toEqual([null, null, null, null, null, null]);
  });

  it('round trip: nothing unmapped, the old bottle listing joins KIT-0003 on Amazon KSA', () => {
    const after = importSources(workbook.map((s) => (s.source === DEMO_SHEETS.mapping ? { source: s.source, grid: appended(mapping, plan) } : s)));
    expect(unmappedCount(after)).toBe(0);
    const kit = pos(after, 'KIT-0003', 'amazon-ksa');
    expect(kit.channelSkus).toContain('AMZ-KIT0003-OLD');
    // KIT-0003's own Amazon KSA stock plus the old listing's 14 units (scenarios.ts).
    expect(pos(result, 'AMZ-KIT0003-OLD', 'amazon-ksa').available).toBe(14);
    expect(kit.available).toBe(pos(result, 'KIT-0003', 'amazon-ksa').available + 14);
    for (const { sku, channel } of DEMO_SCENARIOS.unmapped) {
      if (sku !== 'AMZ-KIT0003-OLD') expect(pos(after, sku, channel).provisional).toBe(false);
    }
  });

  it('a new Mapping sheet for the demo (no mapping in the import) lists every SKU once', () => {
    const reportsOnly = workbook.filter((s) => s.source !== DEMO_SHEETS.mapping);
    const fresh = importSources(reportsOnly);
    const created = planMapping(fresh, null);
    expect(created.added).toBe(unmappedCount(fresh));
    const skus = created.spec!.rows.slice(1).map((r) => r[0]);
    expect(new Set(skus).size).toBe(skus.length);
    expect([...skus].sort()).toEqual(skus);
    expect(unmappedCount(importSources([{ source: 'Mapping', grid: written(created) }, ...reportsOnly]))).toBe(0);
  });
});
