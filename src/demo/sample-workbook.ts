/**
 * A realistic sample workbook for the demo (`lumive demo`, the browser preview, tests): the reports a
 * KSA/UAE seller on Amazon and noon downloads, as the sheets they would paste them into, plus the
 * seller's Mapping and own-warehouse sheets. Deterministic: the same options give the same cells (a
 * seeded mulberry32, never Math.random). Pure: no host, file or DOM access.
 *
 * The deliberate situations (stockouts, excess, dead and stranded stock, a transfer, unmapped and
 * duplicated SKUs, hostile titles) are in scenarios.ts and named in DEMO_SCENARIOS; the rest of the
 * catalog is random around them (catalog.ts).
 */
import { plainSheet, type RawCell, type SheetSpec, type SourceGrid } from '../engine';
import { businessReport, inventoryAge, manageInventory, restockReport, strandedReport } from './amazon';
import { Product, randomProducts, STRANDINGS } from './catalog';
import { noonSales, noonStock } from './noon';
import { Random } from './random';
import { DEMO_SCENARIOS, SCENARIO_MASTER_COUNT, scenarioProducts } from './scenarios';

export { DEMO_SCENARIOS } from './scenarios';

export interface DemoOptions {
  /** Master SKUs in the mapping, at least the 12 scenario products (default 320). */
  masterSkus?: number;
  /** Seed of the random catalog (default 20261121). */
  seed?: number;
  /** The day the reports are downloaded; sales cover the 30 days before it (default 2026-11-01 UTC). */
  asOf?: Date;
}

export const DEMO_DEFAULTS = { masterSkus: 320, seed: 20261121, asOf: new Date(Date.UTC(2026, 10, 1)) } as const;

/** Sheet names: the channel of each report is in its name (or its country column). */
export const DEMO_SHEETS = {
  mapping: 'Mapping',
  amazonKsaInventory: 'Amazon KSA Inventory',
  amazonUaeInventory: 'Amazon UAE Inventory',
  amazonKsaBusiness: 'Amazon KSA Business Report',
  amazonUaeBusiness: 'Amazon UAE Business Report',
  noonKsaStock: 'noon KSA Stock',
  noonUaeStock: 'noon UAE Stock',
  noonKsaSales: 'noon KSA Sales',
  noonUaeSales: 'noon UAE Sales',
  amazonKsaStranded: 'Amazon KSA Stranded',
  amazonKsaRestock: 'Amazon KSA Restock',
  amazonKsaAge: 'Amazon KSA Inventory Age',
  warehouse: 'Warehouse Stock',
} as const;

/** Stranded listings besides the scenario's, and Master SKUs on the own-warehouse sheet. */
const EXTRA_STRANDED = 7;
const WAREHOUSE_SKUS = 40;

const MAPPING_HEADER = ['Master SKU', 'Amazon KSA SKU', 'Amazon UAE SKU', 'noon KSA SKU', 'noon UAE SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price', 'Case Pack', 'MOQ', 'Lead Time Days', 'Supplier'];

export function demoWorkbook(options: DemoOptions = {}): SourceGrid[] {
  const masterSkus = options.masterSkus ?? DEMO_DEFAULTS.masterSkus;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const asOf = (options.asOf ?? DEMO_DEFAULTS.asOf).getTime();
  if (!Number.isInteger(masterSkus) || masterSkus < 0) throw new RangeError(`masterSkus must be a whole number ≥ 0, got ${masterSkus}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, got ${seed}`);
  if (!Number.isFinite(asOf)) throw new RangeError('asOf must be a valid date');

  const rng = new Random(seed);
  const scenario = scenarioProducts();
  const taken = new Set(scenario.map((p) => p.title));
  const random = randomProducts(rng, Math.max(0, masterSkus - SCENARIO_MASTER_COUNT), SCENARIO_MASTER_COUNT + 1, taken);
  strandSome(rng, random);
  const products = [...scenario, ...random];
  // Arabic-Indic quantities in the noon stock exports, always on these rows (and on a few random ones).
  const arabicDigitSkus = new Set([DEMO_SCENARIOS.stockout[1].masterSku, DEMO_SCENARIOS.transfer.masterSku]);

  const S = DEMO_SHEETS;
  const sheets: [string, RawCell[][]][] = [
    [S.mapping, mappingSheet(products)],
    [S.amazonKsaInventory, manageInventory(products, 'amazon-ksa')],
    [S.amazonUaeInventory, manageInventory(products, 'amazon-uae')],
    [S.amazonKsaBusiness, businessReport(products, 'amazon-ksa', rng)],
    [S.amazonUaeBusiness, businessReport(products, 'amazon-uae', rng)],
    [S.noonKsaStock, noonStock(products, 'noon-ksa', asOf, rng, arabicDigitSkus)],
    [S.noonUaeStock, noonStock(products, 'noon-uae', asOf, rng, arabicDigitSkus)],
    [S.noonKsaSales, noonSales(products, 'noon-ksa', asOf, rng)],
    [S.noonUaeSales, noonSales(products, 'noon-uae', asOf, rng)],
    [S.amazonKsaStranded, strandedReport(products, asOf)],
    [S.amazonKsaRestock, restockReport(products, asOf, rng)],
    [S.amazonKsaAge, inventoryAge(products, asOf, rng)],
    [S.warehouse, warehouseSheet(rng, scenario, random)],
  ];
  return sheets.map(([source, grid]) => ({ source, grid }));
}

/**
 * Strands a few random Amazon KSA listings: the listing went inactive some days ago, so it has stock
 * and sells little or nothing.
 */
function strandSome(rng: Random, products: readonly Product[]): void {
  const candidates = rng.shuffle(products.filter((p) => p.listings['amazon-ksa']));
  candidates.slice(0, EXTRA_STRANDED).forEach((p, i) => {
    const l = p.listings['amazon-ksa'];
    if (!l) return;
    l.stranded = { ...STRANDINGS[(i + 1) % STRANDINGS.length], daysAgo: rng.int(3, 45) };
    l.sold = Math.min(l.sold, rng.int(0, 2));
    if (l.available === 0) l.available = rng.int(5, 40);
  });
}

/** The seller's own mapping sheet: numbers typed as numbers, blanks where a product is not on a channel. */
function mappingSheet(products: readonly Product[]): RawCell[][] {
  const rows: RawCell[][] = [MAPPING_HEADER];
  for (const p of products) {
    if (!p.inMapping) continue;
    const l = p.listings;
    rows.push([
      p.masterSku,
      l['amazon-ksa']?.sku ?? '',
      l['amazon-uae']?.sku ?? '',
      l['noon-ksa']?.sku ?? '',
      l['noon-uae']?.sku ?? '',
      p.asin,
      p.title,
      p.cost,
      p.price,
      p.casePack,
      p.moq ?? '',
      p.leadTimeDays,
      p.supplier,
    ]);
  }
  return rows;
}

/** Own warehouse: the stockout, low-stock and transfer products, then random ones, in case-pack multiples. */
function warehouseSheet(rng: Random, scenario: readonly Product[], random: readonly Product[]): RawCell[][] {
  const named = new Set<string>([...DEMO_SCENARIOS.stockout, ...DEMO_SCENARIOS.lowStock, DEMO_SCENARIOS.transfer].map((s) => s.masterSku));
  const picked = [...scenario.filter((p) => named.has(p.masterSku)), ...rng.shuffle(random).slice(0, WAREHOUSE_SKUS - named.size)];
  const rows: RawCell[][] = [['Master SKU', 'On Hand', 'Warehouse']];
  for (const p of picked) {
    const cases = rng.chance(0.1) ? 0 : rng.int(1, Math.max(2, Math.round(300 / p.casePack)));
    rows.push([p.masterSku, cases * p.casePack, rng.chance(0.8) ? 'Riyadh DC' : 'Jeddah DC']);
  }
  return rows;
}

/** The demo's report sheets as input SheetSpecs, ready for any WorkbookPort (dates as ISO text). */
export function demoInputSpecs(options: DemoOptions = {}): SheetSpec[] {
  return demoWorkbook(options).map((s) => plainSheet(s.source, s.grid.map((row) => row.map((c) => (c === undefined ? null : c instanceof Date ? c.toISOString() : c)))));
}
