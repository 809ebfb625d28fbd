/**
 * Import benchmark: a Manage FBA Inventory report of 100,000 rows and a noon sales export of
 * 1,000,000 rows (one row per unit), generated as the text files sellers download, then read
 * (papaparse), recognized, parsed and joined through a mapping. Each scenario runs in its own process
 * so the peak memory printed is its own.
 */
import { performance } from 'node:perf_hooks';
import { importSources } from '../../src/engine/ingest/import';
import { readReportFile } from '../../src/io/read-report-file';

const MYI_HEADER = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity', 'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity', 'afn-researching-quantity', 'afn-reserved-future-supply', 'afn-future-supply-buyable'];
const NOON_HEADER = ['id_partner', 'src_country', 'country_code', 'dest_country', 'bayan_nr', 'item_nr', 'partner_sku', 'sku', 'status', 'offer_price', 'gmv_lcy', 'currency_code', 'brand_code', 'family', 'fulfillment_model', 'order_timestamp', 'shipment_timestamp', 'delivered_timestamp'];

function myiText(rows: number): string {
  const lines = [MYI_HEADER.join('\t')];
  for (let i = 0; i < rows; i++) {
    const a = (i * 37) % 500;
    lines.push([`SKU-${i}`, `X00${i}`, `B0${String(i).padStart(8, '0')}`, `Product ${i} حقيبة`, 'New', (10 + (i % 90)).toFixed(2), 'No', '0', 'Yes', String(a + 7), String(a), '2', '5', String(a + 20), '0.5', '3', '4', '6', '0', '0', '0'].join('\t'));
  }
  return lines.join('\n');
}

function noonText(rows: number, skus: number): string {
  const lines = [NOON_HEADER.join(',')];
  const statuses = ['Delivered', 'Delivered', 'Shipped', 'Processing', 'Cancelled'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 6);
    const ts = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15:00`;
    lines.push(['108065', 'SA', 'SA', 'SA', '', `NSA${i}-1`, `SKU-${i % skus}`, `Z${i % skus}-1`, statuses[i % 5], '65.8', '65.8', 'SAR', 'brand', 'family', 'Fulfilled by Noon (FBN)', ts, '', ''].join(','));
  }
  return lines.join('\n');
}

function mappingGrid(skus: number): (string | number)[][] {
  const grid: (string | number)[][] = [['Master SKU', 'Amazon KSA SKU', 'noon KSA SKU', 'Cost Price', 'Selling Price']];
  for (let i = 0; i < skus; i++) grid.push([`M-${i}`, `SKU-${i}`, `SKU-${i}`, 20, 49]);
  return grid;
}

export interface IngestFigures {
  name: string;
  rows: number;
  megabytes: number;
  readMs: number;
  importMs: number;
  positions: number;
  peakRssMb: number;
}

export async function ingestScenario(name: 'myi' | 'noon'): Promise<IngestFigures> {
  const rows = name === 'myi' ? 100_000 : 1_000_000;
  const skus = name === 'myi' ? rows : 50_000;
  const text = name === 'myi' ? myiText(rows) : noonText(rows, skus);
  const bytes = new TextEncoder().encode(text);
  const file = name === 'myi' ? 'Amazon KSA Manage FBA Inventory.txt' : 'noon KSA sales.csv';
  const t0 = performance.now();
  const sheets = await readReportFile(file, bytes);
  const t1 = performance.now();
  const result = importSources([{ source: 'Mapping', grid: mappingGrid(skus) }, ...sheets.map((s) => ({ source: s.source, grid: s.grid }))]);
  const t2 = performance.now();
  const report = result.sources[1];
  if (report.rowsRead !== rows || report.rowsUsed !== rows) throw new Error(`${name}: read ${report.rowsRead}, used ${report.rowsUsed} of ${rows}`);
  return {
    name: name === 'myi' ? 'Manage FBA Inventory, 100,000 rows' : 'noon sales export, 1,000,000 rows',
    rows,
    megabytes: bytes.length / 1e6,
    readMs: t1 - t0,
    importMs: t2 - t1,
    positions: result.positions.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (require.main === module) {
  const name = process.argv[2] as 'myi' | 'noon';
  ingestScenario(name).then(
    (f) => process.stdout.write(JSON.stringify(f)),
    (e) => {
      process.stderr.write(String(e?.stack ?? e));
      process.exitCode = 1;
    },
  );
}
