/**
 * The demo workbook: deterministic, large enough, every sheet recognized by the importer as its kind
 * and channel, every row accounted for, and the deliberate scenarios present after the import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEMO_SCENARIOS, DEMO_SHEETS, demoWorkbook } from '../../src/demo/sample-workbook';
import { importSources } from '../../src/engine/ingest/import';
import type { RawCell, SourceGrid } from '../../src/engine/ingest/types';
import { excessQty } from '../../src/engine/metrics/excess';
import { needQty } from '../../src/engine/metrics/need';
import { transferQty } from '../../src/engine/metrics/transfer';
import { DEFAULT_SETTINGS, type Position } from '../../src/engine/model';

const workbook = demoWorkbook();
const result = importSources(workbook);
const sheet = (name: string): RawCell[][] => workbook.find((s) => s.source === name)!.grid as RawCell[][];
const summary = (name: string) => result.sources.find((s) => s.source === name)!;
const position = (masterSku: string, channel: string): Position => {
  const p = result.positions.find((x) => x.masterSku === masterSku && x.channel.id === channel);
  if (!p) throw new Error(`no position ${masterSku} on ${channel}`);
  return p;
};
const velocity = (p: Position) => p.sold / p.periodDays;
const doi = (p: Position) => p.available / velocity(p);
const column = (grid: RawCell[][], name: string) => {
  const i = grid[0].indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return grid.slice(1).map((r) => r[i]);
};
const ARABIC = /[\u0600-\u06ff]/;

describe('determinism', () => {
  it('the same options give the same cells', () => {
    expect(JSON.stringify(demoWorkbook())).toBe(JSON.stringify(workbook));
    expect(demoWorkbook({ seed: 7, masterSkus: 60 })).toEqual(demoWorkbook({ seed: 7, masterSkus: 60 }));
  });

  it('another seed gives another catalog, with the same scenario products', () => {
    const other = demoWorkbook({ seed: 1 });
    expect(other).not.toEqual(workbook);
    const mapping = (wb: SourceGrid[]) => wb[0].grid;
    expect(mapping(other).slice(0, 13)).toEqual(mapping(workbook).slice(0, 13));
    expect(mapping(other).slice(13)).not.toEqual(mapping(workbook).slice(13));
  });

  it('the as-of date moves the sales window', () => {
    const later = demoWorkbook({ asOf: new Date(Date.UTC(2027, 0, 15)) });
    const stamps = column(later.find((s) => s.source === DEMO_SHEETS.noonKsaSales)!.grid as RawCell[][], 'order_timestamp') as string[];
    expect(stamps.every((t) => t >= '2026-12-16' && t < '2027-01-15')).toBe(true);
  });

  it('the generator is pure: no Math.random, no host APIs', () => {
    const dir = path.join(__dirname, '../../src/demo');
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect([file, /Math\.random\s*\(|from 'node:|from 'fs'|window\.|document\./.test(text)]).toEqual([file, false]);
    }
  });
});

describe('size', () => {
  it('has at least 320 Master SKUs by default, 300 or more of them on all four channels', () => {
    expect(sheet(DEMO_SHEETS.mapping).length - 1).toBe(320);
    const channels = new Map<string, Set<string>>();
    for (const p of result.positions) if (!p.provisional) (channels.get(p.masterSku) ?? channels.set(p.masterSku, new Set()).get(p.masterSku)!).add(p.channel.id);
    expect(channels.size).toBe(320);
    expect([...channels.values()].filter((c) => c.size === 4).length).toBeGreaterThanOrEqual(300);
    expect([...channels.values()].some((c) => c.size < 4)).toBe(true);
    expect(new Set(result.positions.map((p) => p.channel.id))).toEqual(new Set(['amazon-ksa', 'amazon-uae', 'noon-ksa', 'noon-uae']));
  });

  it('keeps the grids a reasonable size and rectangular', () => {
    const salesRows = sheet(DEMO_SHEETS.noonKsaSales).length + sheet(DEMO_SHEETS.noonUaeSales).length - 2;
    expect(salesRows).toBeGreaterThan(3000);
    expect(salesRows).toBeLessThanOrEqual(25_000);
    const cells = workbook.reduce((n, s) => n + s.grid.reduce((m, r) => m + r.length, 0), 0);
    expect(cells).toBeLessThan(500_000);
    const ragged = workbook.flatMap(({ source, grid }) => grid.flatMap((row, i) => (row.length === grid[0].length ? [] : [`${source} row ${i + 1}`])));
    expect(ragged).toEqual([]);
    expect(sheet(DEMO_SHEETS.amazonKsaStranded).length - 1).toBe(8);
    expect(sheet(DEMO_SHEETS.warehouse).length - 1).toBe(40);
  });

  it('scales with masterSkus and never drops the scenario products', () => {
    expect(demoWorkbook({ masterSkus: 50 })[0].grid.length - 1).toBe(50);
    expect(demoWorkbook({ masterSkus: 0 })[0].grid.length - 1).toBe(12);
    const big = demoWorkbook({ masterSkus: 1000 });
    expect(new Set(big[0].grid.slice(1).map((r) => r[0])).size).toBe(1000);
    expect(new Set(big[0].grid.slice(1).map((r) => r[6])).size).toBe(1000);
    expect(() => demoWorkbook({ masterSkus: -1 })).toThrow(RangeError);
    expect(() => demoWorkbook({ masterSkus: 2.5 })).toThrow(RangeError);
  });
});

describe('import', () => {
  it.each([
    [DEMO_SHEETS.mapping, 'mapping', null],
    [DEMO_SHEETS.amazonKsaInventory, 'amazon-inventory', 'amazon-ksa'],
    [DEMO_SHEETS.amazonUaeInventory, 'amazon-inventory', 'amazon-uae'],
    [DEMO_SHEETS.amazonKsaBusiness, 'amazon-business-report', 'amazon-ksa'],
    [DEMO_SHEETS.amazonUaeBusiness, 'amazon-business-report', 'amazon-uae'],
    [DEMO_SHEETS.noonKsaStock, 'noon-stock', 'noon-ksa'],
    [DEMO_SHEETS.noonUaeStock, 'noon-stock', 'noon-uae'],
    [DEMO_SHEETS.noonKsaSales, 'noon-sales', 'noon-ksa'],
    [DEMO_SHEETS.noonUaeSales, 'noon-sales', 'noon-uae'],
    [DEMO_SHEETS.amazonKsaStranded, 'amazon-stranded', 'amazon-ksa'],
    [DEMO_SHEETS.amazonKsaRestock, 'amazon-restock', 'amazon-ksa'],
    [DEMO_SHEETS.amazonKsaAge, 'amazon-inventory-age', 'amazon-ksa'],
    [DEMO_SHEETS.warehouse, 'warehouse-stock', null],
  ])('%s is detected as %s (channel %s) without doubt', (source, kind, channel) => {
    const s = summary(source);
    expect(s.kind).toBe(kind);
    expect(s.unsure).toBe(false);
    // A mapping with the four per-channel SKU columns lacks the importer's alternative "Amazon SKU" /
    // "noon SKU" columns, which its coverage score counts as missing: 8/9 → 0.89.
    expect(s.confidence).toBeGreaterThanOrEqual(kind === 'mapping' ? 0.85 : 0.9);
    expect(s.channel?.id ?? null).toBe(channel);
    expect(s.headerRow).toBe(1);
  });

  it('accounts for every row: read = used + reported, and the demo rows are all readable', () => {
    for (const s of result.sources) {
      expect([s.source, s.rowsRead]).toEqual([s.source, s.rowsUsed + s.rowsReported]);
      expect([s.source, s.rowsRead]).toEqual([s.source, sheet(s.source).length - 1]);
      expect([s.source, s.issues]).toEqual([s.source, []]);
    }
  });

  it('reports only the deliberate join issues: the duplicate and the unmapped SKUs', () => {
    expect(result.issues).toHaveLength(1 + DEMO_SCENARIOS.unmapped.length);
    const dup = result.issues.filter((i) => /^Duplicate SKU/.test(i.reason));
    expect(dup).toEqual([expect.objectContaining({ source: DEMO_SCENARIOS.duplicate.source, value: DEMO_SCENARIOS.duplicate.sku, dropped: false })]);
  });
});

describe('scenarios', () => {
  it('imminent stockouts: selling, less than 7 days of cover', () => {
    for (const { masterSku, channel } of DEMO_SCENARIOS.stockout) {
      const p = position(masterSku, channel);
      expect(p.sold).toBeGreaterThan(0);
      expect(doi(p)).toBeLessThan(7);
    }
  });

  it('low stock 7–14 days, healthy 30–60, excess 90–365, severe excess over 365 with slow sales', () => {
    const range = (list: readonly { masterSku: string; channel: string }[], lo: number, hi: number) => {
      for (const { masterSku, channel } of list) {
        const p = position(masterSku, channel);
        expect(p.sold).toBeGreaterThan(0);
        expect([masterSku, doi(p) >= lo && doi(p) < hi]).toEqual([masterSku, true]);
      }
    };
    range(DEMO_SCENARIOS.lowStock, 7, 14);
    range(DEMO_SCENARIOS.healthy, 30, 60);
    range(DEMO_SCENARIOS.excess, 90, 365);
    range(DEMO_SCENARIOS.severeExcess, 365, Infinity);
    expect(velocity(position(DEMO_SCENARIOS.severeExcess[0].masterSku, 'amazon-ksa'))).toBeLessThan(0.5);
  });

  it('dead stock: units on hand, nothing sold, on every channel', () => {
    for (const { masterSku, channel } of DEMO_SCENARIOS.dead) {
      const p = position(masterSku, channel);
      expect(p.sold).toBe(0);
      expect(p.available).toBeGreaterThan(0);
    }
  });

  it('stranded units with Amazon’s reason, and more stranded listings around them', () => {
    const p = position(DEMO_SCENARIOS.stranded[0].masterSku, 'amazon-ksa');
    expect(p.stranded).toBe(51);
    expect(p.strandedReasons).toEqual(['Listing closed']);
    expect(result.positions.filter((x) => x.stranded > 0)).toHaveLength(8);
  });

  it('a same-country transfer: Amazon KSA overstocked, noon KSA short, moving costs less than buying', () => {
    const { masterSku, from, to, cost } = DEMO_SCENARIOS.transfer;
    const source = position(masterSku, from);
    const target = position(masterSku, to);
    expect(source.cost).toBe(cost);
    const S = DEFAULT_SETTINGS;
    const excess = excessQty(source.available, velocity(source), S.excessDays) as number;
    const need = needQty(velocity(target), S.safetyDays, target.available, target.inbound) as number;
    expect(excess).toBeCloseTo(420);
    expect(need).toBeCloseTo(50);
    expect(transferQty(excess, need, S.minTransferQty, S.transferCostPerUnit, cost)).toBeCloseTo(50);
    expect(doi(target)).toBeLessThan(7);
  });

  it('the duplicated SKU is summed', () => {
    const { masterSku, channel } = DEMO_SCENARIOS.duplicate;
    expect(position(masterSku, channel).available).toBe(65);
    expect(column(sheet(DEMO_SHEETS.amazonKsaInventory), 'sku').filter((s) => s === DEMO_SCENARIOS.duplicate.sku)).toHaveLength(2);
  });

  it('unmapped channel SKUs become provisional positions, with a suggestion where one exists', () => {
    const provisional = result.positions.filter((p) => p.provisional).map((p) => [p.masterSku, p.channel.id]);
    expect(provisional.sort()).toEqual(DEMO_SCENARIOS.unmapped.map((u) => [u.sku, u.channel]).sort());
    const mapped = new Set(column(sheet(DEMO_SHEETS.mapping), 'Amazon KSA SKU'));
    for (const u of DEMO_SCENARIOS.unmapped) expect(mapped.has(u.sku)).toBe(false);
    const old = result.issues.find((i) => i.value === 'AMZ-KIT0003-OLD');
    expect(old?.reason).toMatch(/perhaps KIT-0003 \(same title\)/);
  });

  it('hostile titles stay as written in the mapping, the inventory report and the positions', () => {
    const [equals, plus] = DEMO_SCENARIOS.hostileTitles;
    expect(equals.title.startsWith('=')).toBe(true);
    expect(plus.title.startsWith('+')).toBe(true);
    for (const { masterSku, title } of DEMO_SCENARIOS.hostileTitles) {
      expect(column(sheet(DEMO_SHEETS.mapping), 'Title')).toContain(title);
      expect(column(sheet(DEMO_SHEETS.amazonKsaInventory), 'product-name')).toContain(title);
      expect(position(masterSku, 'amazon-ksa').title).toBe(title);
    }
  });
});

describe('realism', () => {
  const mapping = sheet(DEMO_SHEETS.mapping);

  it('titles in Arabic and English', () => {
    const titles = column(mapping, 'Title') as string[];
    const arabic = titles.filter((t) => ARABIC.test(t)).length / titles.length;
    expect(arabic).toBeGreaterThan(0.2);
    expect(arabic).toBeLessThan(0.5);
    for (const m of DEMO_SCENARIOS.arabicTitles) expect(ARABIC.test(position(m, 'amazon-ksa').title ?? '')).toBe(true);
    for (const m of DEMO_SCENARIOS.englishTitles) expect(ARABIC.test(position(m, 'amazon-ksa').title ?? '')).toBe(false);
  });

  it('costs 5–400 SAR, prices 1.6–3.0 × cost, case packs 1/6/12/24, MOQ for some', () => {
    const costs = column(mapping, 'Cost Price') as number[];
    const prices = column(mapping, 'Selling Price') as number[];
    costs.forEach((c, i) => {
      expect(c).toBeGreaterThanOrEqual(5);
      expect(c).toBeLessThanOrEqual(400);
      expect(prices[i] / c).toBeGreaterThanOrEqual(1.6);
      expect(prices[i] / c).toBeLessThanOrEqual(3);
    });
    expect(new Set(column(mapping, 'Case Pack'))).toEqual(new Set([1, 6, 12, 24]));
    const moqs = column(mapping, 'MOQ').filter((m) => m !== '');
    expect(moqs.length).toBeGreaterThan(30);
    expect(moqs.length).toBeLessThan(mapping.length - 1);
  });

  it('SAR on KSA channels, AED on UAE channels', () => {
    const sales = (name: string) => column(sheet(name), 'Ordered Product Sales') as string[];
    expect(sales(DEMO_SHEETS.amazonKsaBusiness).every((s) => /^SAR \d{1,3}(,\d{3})*\.\d\d$/.test(s))).toBe(true);
    expect(sales(DEMO_SHEETS.amazonUaeBusiness).every((s) => /^AED \d{1,3}(,\d{3})*\.\d\d$/.test(s))).toBe(true);
    expect(new Set(column(sheet(DEMO_SHEETS.noonKsaSales), 'currency_code'))).toEqual(new Set(['SAR']));
    expect(new Set(column(sheet(DEMO_SHEETS.noonUaeSales), 'currency_code'))).toEqual(new Set(['AED']));
  });

  it('noon sales: one row per unit over the 30 days before the as-of date, mostly delivered, some cancelled', () => {
    for (const name of [DEMO_SHEETS.noonKsaSales, DEMO_SHEETS.noonUaeSales]) {
      const grid = sheet(name);
      const stamps = column(grid, 'order_timestamp') as string[];
      expect(stamps.every((t) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(t) && t >= '2026-10-02' && t < '2026-11-01')).toBe(true);
      const items = column(grid, 'item_nr') as string[];
      expect(new Set(items).size).toBe(items.length);
      expect(items.every((i) => /^N(SA|AE)I\d{11}-[1-3]$/.test(i))).toBe(true);
      const statuses = column(grid, 'status');
      const share = (s: string) => statuses.filter((x) => x === s).length / statuses.length;
      expect(share('Delivered')).toBeGreaterThan(0.6);
      for (const s of ['Shipped', 'Processing', 'Cancelled']) expect([s, share(s) > 0]).toEqual([s, true]);
      expect(share('Cancelled')).toBeLessThan(0.1);
    }
    for (const p of result.positions) if (p.channel.marketplace === 'noon' && p.sold > 0) expect(p.periodDays).toBe(30);
  });

  it('noon stock is the FBN inventory export: Arabic-Indic digits in some quantities, rows that are not saleable, the snapshot time', () => {
    for (const name of [DEMO_SHEETS.noonKsaStock, DEMO_SHEETS.noonUaeStock]) {
      const grid = sheet(name);
      expect(column(grid, 'qty').some((q) => /[\u0660-\u0669]/.test(String(q)))).toBe(true);
      expect(new Set(column(grid, 'inventory_type'))).toEqual(new Set(['saleable', 'graded_returns_cir', 'damaged']));
      expect(new Set(column(grid, 'inventory_snapshot_at')).size).toBe(1);
      expect(String(column(grid, 'inventory_snapshot_at')[0])).toMatch(/^\d{4}-\d\d-\d\d, \d\d:\d\d:\d\d$/);
    }
    // Only saleable units are available: the rows that are not saleable are the positions' unfulfillable units.
    const noon = result.positions.filter((p) => p.channel.marketplace === 'noon');
    expect(noon.filter((p) => p.unfulfillable > 0).length).toBeGreaterThan(5);
    for (const p of noon) expect(p.stockAsOf).toBeDefined();
  });

  it('Amazon inventory has inbound and unsellable units for some SKUs; restock and age reports carry their own figures', () => {
    const ksa = result.positions.filter((p) => p.channel.id === 'amazon-ksa');
    expect(ksa.filter((p) => p.inbound > 0).length).toBeGreaterThan(10);
    expect(ksa.filter((p) => p.unfulfillable > 0).length).toBeGreaterThan(10);
    expect(ksa.filter((p) => (p.amazonRecommendedQty ?? 0) > 0).length).toBeGreaterThan(10);
    const aged = position(DEMO_SCENARIOS.severeExcess[0].masterSku, 'amazon-ksa').aging ?? {};
    expect(aged['365+']).toBeGreaterThan(0);
    expect(Object.values(aged).reduce((a, b) => a + b, 0)).toBe(420);
  });
});
