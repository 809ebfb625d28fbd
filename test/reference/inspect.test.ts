/**
 * `lumive inspect` on the real files in ../shared/data/reports. Its other tests (a workbook of the
 * project's fixtures, --json and --channel on files of our own, usage) are test/cli/inspect.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../helpers/cli';
import { REPORTS as DATA } from './reports-dir';

const shared = ['amazon', 'noon'].flatMap((d) => fs.readdirSync(path.join(DATA, d)).map((f) => path.join(DATA, d, f)));

describe('lumive inspect', () => {
  it('names the right kind for every file in ../shared/data/reports', async () => {
    const { code, out } = await run('inspect', ...shared, '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { source: string; kind: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.source, r.kind]))).toEqual({
      'afn-inventory.header.tsv': 'amazon-inventory',
      'all-orders.header.tsv': 'amazon-orders',
      'business-report-by-child-item.header.csv': 'amazon-business-report',
      'business-report-by-child-item.sample.csv': 'amazon-business-report',
      'fba-inventory-planning.header.tsv': 'amazon-inventory-age',
      'manage-fba-inventory.header.tsv': 'amazon-inventory',
      'reserved-inventory.header.tsv': 'amazon-reserved',
      'restock-inventory.header.csv': 'amazon-restock',
      'stranded-inventory.header.tsv': 'amazon-stranded',
      'sales-export.sample.csv': 'noon-sales',
      'aged-inventory-surcharge.sample.tsv': 'amazon-aged-surcharge',
      'fee-preview.sample.tsv': 'amazon-fee-preview',
      'inventory-ledger-detail.sample.tsv': 'amazon-ledger-detail',
      'inventory-ledger-summary.sample.tsv': 'amazon-ledger-summary',
      'monthly-storage-fees.sample.csv': 'amazon-storage-fees',
      'fbn-inventory-export.sample.csv': 'noon-stock',
      'product-views-and-sales.sample.csv': 'noon-views-sales',
    });
    // Every file has a kind.
    expect(rows.every((r) => r.kind !== null)).toBe(true);
  });

  it('noon FBN sample analyzed with a mapping: 7 available and 3 inbound for its SKU (2 graded returns are not available)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-fbn-'));
    const mapping = path.join(dir, 'mapping.csv');
    fs.writeFileSync(mapping, 'Master SKU,noon KSA SKU,Cost Price,Selling Price\r\nCARDS-422,PAPERSAYSB422,10,25\r\n');
    const out = path.join(dir, 'out.xlsx');
    const { code, out: json } = await run('analyze', path.join(DATA, 'noon/fbn-inventory-export.sample.csv'), mapping, '-o', out, '--json');
    expect(code).toBe(0);
    const channels = (JSON.parse(json) as { kpis: { channels: { channel: string; positions: number; available: number; inbound: number }[] } }).kpis.channels;
    expect(channels).toEqual([expect.objectContaining({ channel: 'noon KSA', positions: 1, available: 7, inbound: 3 })]);
  });

  it('--json gives source, kind, confidence, channel, rows read / used / reported and issues for each', async () => {
    const { out } = await run('inspect', path.join(DATA, 'noon/sales-export.sample.csv'), path.join(DATA, 'amazon/business-report-by-child-item.sample.csv'), '--json');
    const [noon, br] = JSON.parse(out);
    expect(noon).toMatchObject({ source: 'sales-export.sample.csv', kind: 'noon-sales', confidence: 1, channel: 'noon-ksa', channelDecidedBy: 'column', rowsRead: 2, rowsUsed: 2, rowsReported: 0, issues: [] });
    // No country anywhere in the business report or its name: its row waits for the user's channel.
    expect(br).toMatchObject({ kind: 'amazon-business-report', channel: null, rowsRead: 1, rowsUsed: 0, rowsReported: 1 });
    expect(br.issues[0].reason).toMatch(/^Channel unknown/);
  });

  it('--channel assigns a channel; text output says how it was decided', async () => {
    const file = path.join(DATA, 'amazon/business-report-by-child-item.sample.csv');
    const { out } = await run('inspect', file, '--channel', 'business-report-by-child-item.sample.csv=amazon-uae');
    expect(out).toMatch(/kind {6}amazon-business-report \(Amazon Business Report \(by child item\)\), confidence 100%/);
    expect(out).toMatch(/channel {3}Amazon UAE: assigned by the user/);
    expect(out).toMatch(/rows {6}read 1, used 1, reported 0/);
  });
});
