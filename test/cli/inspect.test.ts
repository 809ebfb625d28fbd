/**
 * `lumive inspect` on the real files in ../shared/data/reports and on an .xlsx workbook holding the
 * project's fixtures, in text and --json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../helpers/cli';
import * as F from '../fixtures/reports';

const DATA = path.join(__dirname, '../../../shared/data/reports');
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
    });
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

  it('reads every sheet of a workbook, with the first issues', async () => {
    const wb = new ExcelJS.Workbook();
    const sheets: [string, unknown[][]][] = [
      ['Mapping', F.MAPPING],
      ['Amazon KSA inventory', F.MYI_KSA],
      ['noon sales', F.NOON_SALES_KSA],
      ['Notes', [['Remember to upload the October reports']]],
    ];
    for (const [name, grid] of sheets) wb.addWorksheet(name).addRows(grid as unknown[][]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-')), 'seller.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, out } = await run('inspect', file);
    expect(code).toBe(0);
    expect(out).toMatch(/seller\.xlsx › Amazon KSA inventory\n {2}kind {6}amazon-inventory/);
    expect(out).toMatch(/rows {6}read 8, used 7, reported 1 \(header on row 3\)/);
    expect(out).toMatch(/row 10, column "afn-fulfillable-quantity": "lots" is not a number \(row not used\)/);
    expect(out).toMatch(/seller\.xlsx › Notes\n {2}kind {6}unsure/);
    expect(out).toMatch(/positions/);
  });

  it('explains what it needs', async () => {
    expect((await run('inspect')).code).toBe(2);
    const missing = await run('inspect', '/no/such/file.csv');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read \/no\/such\/file\.csv/);
  });
});
