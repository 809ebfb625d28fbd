/**
 * Analysis benchmark (docs/ARCHITECTURE.md, "Performance budgets": 100,000 positions from cells to sheet
 * specs in ≤ 1 s; 1,000,000 without running out of a browser tab's memory), and `lumive analyze` end to
 * end on an .xlsx workbook (100,000 positions by default, LUMIVE_BENCH_CLI_POSITIONS to change it: see run.ts).
 *
 * Inputs come from a compact synthetic generator (below, seeded mulberry32 of the demo): the sheets a
 * seller pastes, with the exports' real headers and values as text where the exports write text —
 * Mapping; Amazon KSA/UAE Manage FBA Inventory and Business Reports; noon KSA/UAE stock and sales (one
 * row per unit sold, about 3 units per position in 30 days, plus a few cancelled rows); Amazon KSA
 * stranded; own-warehouse stock. Each Master SKU is on the four channels; its listings are drawn among
 * healthy, low, stockout, excess, dead and empty, so reorder, transfer, liquidation, stranded and urgent
 * paths all run. demoWorkbook is not used: at 25,000 Master SKUs it takes ~9 s to generate and its noon
 * sales exports hold ~760,000 rows (10–20 units per noon position), which would make the import dominate.
 *
 * Each scenario runs in its own process (`node --expose-gc --import tsx analysis.ts <scenario>`) and
 * prints its figures as JSON; run.ts prints them against the budgets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { analyzeWorkbook } from '../../src/app/analyze-workbook';
import { analyze, type Stage } from '../../src/engine/analyze';
import { DEMO_SHEETS } from '../../src/demo/sample-workbook';
import { Random } from '../../src/demo/random';
import type { SourceGrid } from '../../src/engine/ingest/types';
import { DEFAULT_SETTINGS } from '../../src/engine/model';
import type { SheetSpec } from '../../src/engine/sheets/spec';
import { plainSheet } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

// ---------------------------------------------------------------------------------------------
// Synthetic seller workbook
// ---------------------------------------------------------------------------------------------

export const SEED = 20261121;
const AS_OF = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

const MAPPING_HEADER = ['Master SKU', 'Amazon KSA SKU', 'Amazon UAE SKU', 'noon KSA SKU', 'noon UAE SKU', 'ASIN', 'Title', 'Cost Price', 'Selling Price', 'Case Pack', 'MOQ', 'Lead Time Days', 'Supplier'];
const MYI_HEADER = 'sku fnsku asin product-name condition your-price mfn-listing-exists mfn-fulfillable-quantity afn-listing-exists afn-warehouse-quantity afn-fulfillable-quantity afn-unsellable-quantity afn-reserved-quantity afn-total-quantity per-unit-volume afn-inbound-working-quantity afn-inbound-shipped-quantity afn-inbound-receiving-quantity afn-researching-quantity afn-reserved-future-supply afn-future-supply-buyable'.split(' ');
const BUSINESS_HEADER = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B'.split(',');
const NOON_STOCK_HEADER = ['partner_sku', 'psku', 'product_name', 'qty', 'warehouse_code', 'inventory type'];
const NOON_SALES_HEADER = 'id_partner,src_country,country_code,dest_country,bayan_nr,item_nr,partner_sku,sku,status,offer_price,gmv_lcy,currency_code,brand_code,family,fulfillment_model,order_timestamp,shipment_timestamp,delivered_timestamp'.split(',');
const STRANDED_HEADER = 'primary-action date-stranded Date-to-take-auto-removal status-primary status-secondary error-message stranded-reason asin sku fnsku product-name condition fulfilled-by fulfillable-qty your-price unfulfillable-qty reserved-quantity inbound-shipped-qty'.split(' ');

type Cell = string | number;
type Grid = Cell[][];

/** What a listing is doing, drawn per channel: the share of each and its days of cover. */
const PROFILES = [
  { name: 'healthy', share: 0.5 },
  { name: 'low', share: 0.12 },
  { name: 'stockout', share: 0.08 },
  { name: 'excess', share: 0.12 },
  { name: 'dead', share: 0.1 },
  { name: 'empty', share: 0.08 },
] as const;
type Profile = (typeof PROFILES)[number]['name'];

interface Listing {
  sku: string;
  id: string;
  sold: number;
  available: number;
  reserved: number;
  unsellable: number;
  inbound: number;
  price: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ts = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const money = (x: number) => grouped(Math.floor(x)) + (x - Math.floor(x)).toFixed(2).slice(1);

function profileOf(rng: Random): Profile {
  let r = rng.next();
  for (const p of PROFILES) if ((r -= p.share) < 0) return p.name;
  return 'healthy';
}

/** Units sold in 30 days with the given mean (geometric-like, so a long tail of best sellers). */
const soldUnits = (rng: Random, mean: number) => Math.floor(-Math.log(1 - rng.next()) * mean * (0.5 + rng.next()));

function listing(rng: Random, sku: string, id: string, meanSold: number, price: number): Listing {
  const profile = profileOf(rng);
  let sold = profile === 'dead' || profile === 'empty' ? 0 : Math.max(1, soldUnits(rng, meanSold));
  const v = sold / 30;
  let available: number;
  switch (profile) {
    case 'healthy':
      available = Math.round(v * rng.uniform(25, 80));
      break;
    case 'low':
      available = Math.round(v * rng.uniform(1, 13));
      break;
    case 'stockout':
      available = 0;
      break;
    case 'excess':
      available = Math.max(20, Math.round(v * rng.uniform(150, 600)));
      break;
    case 'dead':
      available = rng.int(10, 400);
      break;
    case 'empty':
      available = 0;
      sold = 0;
      break;
  }
  return {
    sku,
    id,
    sold,
    available,
    reserved: rng.chance(0.3) ? rng.int(1, 5) : 0,
    unsellable: rng.chance(0.05) ? rng.int(1, 6) : 0,
    inbound: rng.chance(0.1) ? rng.int(10, 200) : 0,
    price,
  };
}

export interface SyntheticWorkbook {
  readonly sources: SourceGrid[];
  readonly masterSkus: number;
  readonly rows: number;
}

/**
 * Input sheets for `positions` positions (positions / 4 Master SKUs, each on Amazon KSA, Amazon UAE,
 * noon KSA and noon UAE). Deterministic for a seed.
 */
export function syntheticWorkbook(positions: number, seed = SEED): SyntheticWorkbook {
  const masters = Math.ceil(positions / 4);
  const rng = new Random(seed);
  const mapping: Grid = [MAPPING_HEADER];
  const myi: Record<'ksa' | 'uae', Grid> = { ksa: [MYI_HEADER], uae: [MYI_HEADER] };
  const business: Record<'ksa' | 'uae', Grid> = { ksa: [BUSINESS_HEADER], uae: [BUSINESS_HEADER] };
  const noonStock: Record<'ksa' | 'uae', Grid> = { ksa: [NOON_STOCK_HEADER], uae: [NOON_STOCK_HEADER] };
  const noonSales: Record<'ksa' | 'uae', Grid> = { ksa: [NOON_SALES_HEADER], uae: [NOON_SALES_HEADER] };
  const stranded: Grid = [STRANDED_HEADER];
  const warehouse: Grid = [['Master SKU', 'On Hand', 'Warehouse']];
  const families = ['home', 'electronics', 'beauty', 'toys', 'kitchen', 'fashion'];
  let order = 0;

  for (let i = 0; i < masters; i++) {
    const master = `LM-${pad(i, 7)}`;
    const asin = `B0${pad(i, 8)}`;
    const family = families[i % families.length];
    const title = i % 3 === 0 ? `منتج رقم ${i} ${family}` : `Product ${i} ${family} edition`;
    const brand = `brand${i % 97}`;
    const cost = Math.round(rng.uniform(8, 150) * 100) / 100;
    const price = Math.round(cost * rng.uniform(1.6, 2.6) * 100) / 100;
    const casePack = rng.pick([1, 1, 6, 12, 24]);
    mapping.push([master, `${master}-AK`, `${master}-AU`, `${master}-NK`, `${master}-NU`, asin, title, cost, price, casePack, rng.chance(0.2) ? casePack * 10 : '', rng.int(14, 45), `Supplier ${i % 211}`]);
    if (rng.chance(0.1)) warehouse.push([master, casePack * rng.int(0, 40), rng.chance(0.8) ? 'Riyadh DC' : 'Jeddah DC']);

    for (const country of ['ksa', 'uae'] as const) {
      const currency = country === 'ksa' ? 'SAR' : 'AED';
      const local = country === 'ksa' ? price : Math.round((price / 1.0211) * 100) / 100;
      // Amazon: Manage FBA Inventory and the Business Report (units ordered, sales as "SAR 1,234.50").
      const a = listing(rng, `${master}-A${country === 'ksa' ? 'K' : 'U'}`, `X00${country === 'ksa' ? 'K' : 'U'}${pad(i, 7)}`, 6, local);
      const isStranded = country === 'ksa' && a.available > 0 && rng.chance(0.01);
      const warehouseQty = a.available + a.reserved + a.unsellable;
      myi[country].push([a.sku, a.id, asin, title, 'New', local.toFixed(2), 'No', '0', isStranded ? 'No' : 'Yes', String(warehouseQty), String(a.available), String(a.unsellable), String(a.reserved), String(warehouseQty + a.inbound), '0.25', '0', String(a.inbound), '0', '0', '0', '0']);
      if (isStranded) {
        const since = AS_OF - rng.int(3, 45) * DAY_MS;
        stranded.push(['Relist', new Date(since).toISOString(), new Date(since + 60 * DAY_MS).toISOString(), 'Stranded', 'Closed', 'The listing for this ASIN was closed by the seller', 'Listing closed', asin, a.sku, a.id, title, 'New', 'Amazon', String(a.available), local.toFixed(2), String(a.unsellable), String(a.reserved), '0']);
      }
      if (a.sold > 0 || rng.chance(0.5)) {
        const sessions = Math.max(a.sold, Math.round(a.sold / rng.uniform(0.05, 0.18)) + rng.int(5, 40));
        business[country].push([`P0${pad(i, 8)}`, asin, title, a.sku, grouped(sessions), '0', '0.01%', '0.00%', grouped(Math.round(sessions * 1.3)), '0', '0.01%', '0.00%', '100.00%', '100.00%', grouped(a.sold), '0', `${((100 * a.sold) / sessions).toFixed(2)}%`, '0.00%', `${currency} ${money(a.sold * local)}`, `${currency} 0.00`, grouped(a.sold), '0']);
      }

      // noon: stock (saleable, sometimes split over two warehouses; non-saleable on its own row) and
      // sales, one row per unit, newest orders anywhere in the 30 days.
      const n = listing(rng, `${master}-N${country === 'ksa' ? 'K' : 'U'}`, `Z${pad(i, 7)}${country === 'ksa' ? 'K' : 'U'}-1`, 3.6, local);
      const [wh1, wh2] = country === 'ksa' ? ['RUH01', 'JED01'] : ['DXB01', 'DXB02'];
      if (n.available >= 10 && rng.chance(0.4)) {
        const first = Math.round(n.available * 0.7);
        noonStock[country].push([n.sku, n.id, title, String(first), wh1, 'Saleable'], [n.sku, n.id, title, String(n.available - first), wh2, 'Saleable']);
      } else noonStock[country].push([n.sku, n.id, title, String(n.available), wh1, 'Saleable']);
      if (n.unsellable > 0) noonStock[country].push([n.sku, n.id, title, String(n.unsellable), wh1, 'Non-saleable']);
      const code = country === 'ksa' ? 'SA' : 'AE';
      const offer = String(local);
      const cancelled = rng.chance(0.15) ? 1 : 0;
      for (let u = 0; u < n.sold + cancelled; u++) {
        const at = AS_OF - Math.floor(rng.next() * 30 * 86_400) * 1000;
        const status = u >= n.sold ? 'Cancelled' : AS_OF - at < 3 * DAY_MS ? 'Shipped' : 'Delivered';
        const shipped = status === 'Cancelled' ? '' : ts(at + 8 * 3_600_000);
        noonSales[country].push(['108065', code, code, code, '', `N${code}${pad(order++, 9)}-1`, n.sku, n.id, status, offer, offer, currency, brand, family, 'Fulfilled by Noon (FBN)', ts(at), shipped, status === 'Delivered' ? ts(at + 40 * 3_600_000) : '']);
      }
    }
  }

  const S = DEMO_SHEETS;
  const sources: SourceGrid[] = [
    { source: S.mapping, grid: mapping },
    { source: S.amazonKsaInventory, grid: myi.ksa },
    { source: S.amazonUaeInventory, grid: myi.uae },
    { source: S.amazonKsaBusiness, grid: business.ksa },
    { source: S.amazonUaeBusiness, grid: business.uae },
    { source: S.noonKsaStock, grid: noonStock.ksa },
    { source: S.noonUaeStock, grid: noonStock.uae },
    { source: S.noonKsaSales, grid: noonSales.ksa },
    { source: S.noonUaeSales, grid: noonSales.uae },
    { source: S.amazonKsaStranded, grid: stranded },
    { source: S.warehouse, grid: warehouse },
  ];
  return { sources, masterSkus: masters, rows: sources.reduce((a, s) => a + s.grid.length - 1, 0) };
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Peak RSS and heap used, sampled at every progress report of the analysis (it is synchronous). */
class Sampler {
  rss = 0;
  heap = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }
}

/** Data rows per output sheet, counted as analyzeWorkbook reports them. */
function rowsPerSheet(specs: readonly SheetSpec[]): Record<string, number> {
  return Object.fromEntries(specs.map((spec) => [spec.name, spec.tables[0] ? spec.rows.length - spec.tables[0].range.row - 1 : spec.rows.length]));
}

interface Run {
  ms: number;
  stages: Partial<Record<Stage, number>>;
  positions: number;
  rows: Record<string, number>;
}

function timedAnalysis(sources: readonly SourceGrid[], sampler: Sampler): Run {
  const stages: Partial<Record<Stage, number>> = {};
  // Time between two progress reports counts for the stage of the first.
  const at: { stage: Stage | null; since: number } = { stage: null, since: 0 };
  const onProgress = (stage: Stage) => {
    const t = performance.now();
    if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + t - at.since;
    at.stage = stage;
    at.since = t;
    sampler.sample();
  };
  const t0 = performance.now();
  const a = analyze(sources, { settings: DEFAULT_SETTINGS, now: new Date(AS_OF), onProgress });
  const ms = performance.now() - t0;
  if (at.stage !== null) stages[at.stage] = (stages[at.stage] ?? 0) + t0 + ms - at.since;
  sampler.sample();
  return { ms, stages, positions: a.metrics.length, rows: rowsPerSheet(a.specs) };
}

export interface AnalysisFigures {
  name: string;
  generator: string;
  positions: number;
  masterSkus: number;
  inputRows: number;
  generateMs: number;
  /** Untimed first runs (the first is cold: nothing compiled yet, as on the add-in's first Analyze). */
  warmups: number[];
  runs: number[];
  medianMs: number;
  stages: Partial<Record<Stage, number>>;
  rows: Record<string, number>;
  inputHeapMb: number;
  peakHeapMb: number;
  peakSampledRssMb: number;
  peakRssMb: number;
  heapLimitMb: number;
  execArgv: string[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `warmups` untimed runs, then `runs` timed ones; figures of the median run. */
export function analysisScenario(positions: number, warmups: number, runs: number): AnalysisFigures {
  const t0 = performance.now();
  const wb = syntheticWorkbook(positions);
  const generateMs = performance.now() - t0;
  gc();
  const inputHeap = process.memoryUsage().heapUsed;
  const sampler = new Sampler();
  const warm: number[] = [];
  for (let i = 0; i < warmups; i++) {
    warm.push(timedAnalysis(wb.sources, sampler).ms);
    gc();
  }
  const timed: Run[] = [];
  for (let i = 0; i < runs; i++) {
    timed.push(timedAnalysis(wb.sources, sampler));
    gc();
  }
  const mid = timed.find((r) => r.ms === median(timed.map((x) => x.ms))) as Run;
  return {
    name: `analysis, ${positions.toLocaleString('en')} positions, cells → sheet specs`,
    generator: `synthetic (test/bench/analysis.ts, seed ${SEED})`,
    positions: mid.positions,
    masterSkus: wb.masterSkus,
    inputRows: wb.rows,
    generateMs,
    warmups: warm,
    runs: timed.map((r) => r.ms),
    medianMs: mid.ms,
    stages: mid.stages,
    rows: mid.rows,
    inputHeapMb: inputHeap / MB,
    peakHeapMb: sampler.heap / MB,
    peakSampledRssMb: sampler.rss / MB,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapLimitMb: getHeapStatistics().heap_size_limit / MB,
    execArgv: process.execArgv.filter((a) => a.startsWith('--max-old-space-size')),
  };
}

/** Size of the `lumive analyze` scenario; 100,000 is the budget's size but takes many minutes (see run.ts). */
export const CLI_POSITIONS = Number(process.env.LUMIVE_BENCH_CLI_POSITIONS ?? 100_000);

export interface CliPhases {
  /** XlsxWorkbook.fromBuffer: exceljs loads the package. */
  readMs: number;
  /** analyzeWorkbook in all, and its parts: the sheets' cells read into grids (port.readSheets), the analysis, then the specs checked and rendered into the exceljs workbook (port.writeSheets). */
  analyzeWorkbookMs: number;
  gridsMs: number;
  analysisMs: number;
  writeSheetsMs: number;
  toBufferMs: number;
  outputBytes: number;
  peakRssMb: number;
}

export interface CliFigures {
  name: string;
  positions: number;
  inputRows: number;
  inputBytes: number;
  writeInputMs: number;
  heapArgs: string[];
  cliMs: number;
  cliPeakRssMb: number | null;
  cliPeakHeapMb: number | null;
  outputBytes: number;
  sheets: Record<string, number>;
  phases: CliPhases | null;
  phasesError: string | null;
}

export const PEAK_MARK = 'LUMIVE_BENCH_PEAK=';
/** Preloaded into the CLI: samples heap used every 100 ms and reports it with the peak RSS on exit (`MARK<maxRSS KB>,<heap bytes>`). */
export const PEAK_PRELOAD =
  'data:text/javascript,let h=0;const s=()=>{const u=process.memoryUsage().heapUsed;if(u>h)h=u};setInterval(s,100).unref();' +
  `process.on("exit",()=>{s();process.stderr.write("\\n${PEAK_MARK}"+process.resourceUsage().maxRSS+","+h+"\\n")})`;

const heapArgs = () => process.execArgv.filter((a) => a.startsWith('--max-old-space-size'));

/** Writes the input workbook (XlsxWorkbook, as the CLI would read a seller's file); its grids are garbage after. */
async function writeInput(positions: number, file: string): Promise<{ rows: number; ms: number }> {
  const wb = syntheticWorkbook(positions);
  const t0 = performance.now();
  const book = XlsxWorkbook.empty();
  await book.writeSheets(wb.sources.map((s) => plainSheet(s.source, s.grid as Cell[][])));
  writeFileSync(file, await book.toBuffer());
  return { rows: wb.rows, ms: performance.now() - t0 };
}

/**
 * The input workbook, written once; `lumive analyze in.xlsx -o out.xlsx --json` on it in a child
 * process, as a user runs it; then the phases in a second child (`cli-phases`), for a clean heap.
 */
export async function cliScenario(positions: number): Promise<CliFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lumive-bench-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    const written = await writeInput(positions, input);
    gc();

    const output = path.join(dir, 'out.xlsx');
    const bin = path.join(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');
    const t1 = performance.now();
    const run = spawnSync(process.execPath, [...heapArgs(), '--import', PEAK_PRELOAD, bin, 'analyze', input, '-o', output, '--json'], { encoding: 'utf8', maxBuffer: 16 << 20 });
    const cliMs = performance.now() - t1;
    if (run.status !== 0) throw new Error(`lumive analyze exited ${run.status ?? run.signal} after ${cliMs.toFixed(0)} ms: ${run.stderr.slice(-3000)}`);
    const peak = new RegExp(`${PEAK_MARK}(\\d+),(\\d+)`).exec(run.stderr);
    const summary = JSON.parse(run.stdout) as { positions: number; sheets: Record<string, number> };
    const outputBytes = statSync(output).size;
    rmSync(output);

    const phases = spawnSync(process.execPath, ['--expose-gc', ...heapArgs(), '--import', 'tsx', __filename, 'cli-phases', input], { encoding: 'utf8', maxBuffer: 16 << 20 });
    return {
      name: `lumive analyze, ${positions.toLocaleString('en')}-position workbook`,
      positions: summary.positions,
      inputRows: written.rows,
      inputBytes: statSync(input).size,
      writeInputMs: written.ms,
      heapArgs: heapArgs(),
      cliMs,
      cliPeakRssMb: peak ? Number(peak[1]) / 1024 : null,
      cliPeakHeapMb: peak ? Number(peak[2]) / MB : null,
      outputBytes,
      sheets: summary.sheets,
      phases: phases.status === 0 ? (JSON.parse(phases.stdout) as CliPhases) : null,
      phasesError: phases.status === 0 ? null : `exit ${phases.status ?? phases.signal}: ${phases.stderr.slice(-1500)}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's phases in this process, one cold run as the CLI does them: read, analyze (+ render), package. */
export async function cliPhases(input: string): Promise<CliPhases> {
  const bytes = new Uint8Array(readFileSync(input));
  const t0 = performance.now();
  const port = await XlsxWorkbook.fromBuffer(bytes);
  const t1 = performance.now();
  let analysisStart = 0;
  let firstWrite = 0;
  let lastWrite = 0;
  await analyzeWorkbook(port, {
    onProgress: (stage, done, total) => {
      if (analysisStart === 0) analysisStart = performance.now();
      if (stage === 'sheets' && done === total) firstWrite = performance.now();
    },
    onWrite: () => {
      lastWrite = performance.now();
    },
  });
  const t2 = performance.now();
  const out = await port.toBuffer();
  const t3 = performance.now();
  return {
    readMs: t1 - t0,
    analyzeWorkbookMs: t2 - t1,
    gridsMs: analysisStart - t1,
    analysisMs: firstWrite - analysisStart,
    writeSheetsMs: lastWrite - firstWrite,
    toBufferMs: t3 - t2,
    outputBytes: out.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export const SCENARIOS = {
  'analysis-100k': () => analysisScenario(100_000, 1, 3),
  'analysis-1m': () => analysisScenario(1_000_000, 0, 1),
  cli: () => cliScenario(CLI_POSITIONS),
  'cli-phases': () => cliPhases(process.argv[3]),
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

if (require.main === module) {
  const name = process.argv[2] as ScenarioName;
  const scenario: (() => unknown) | undefined = SCENARIOS[name];
  if (!scenario) {
    process.stderr.write(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}\n`);
    process.exitCode = 2;
  } else {
    Promise.resolve()
      .then(scenario)
      .then(
        (f) => process.stdout.write(JSON.stringify(f)),
        (e) => {
          process.stderr.write(String(e?.stack ?? e));
          process.exitCode = 1;
        },
      );
  }
}
