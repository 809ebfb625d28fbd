/**
 * `lumive inspect` on report files in the real Amazon and noon columns with rows of our own, and on an
 * .xlsx workbook holding the project's fixtures, in text and --json. The same command on the
 * real report files is test/reference/inspect.test.ts (`npm run test:reference`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../helpers/cli';
import { AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM, csvText, NOON_SALES_EXPORT } from '../fixtures/real-headers';
import * as F from '../fixtures/reports';

/** noon's sales export (two rows, country SA) and an Amazon Business Report (one row, no country) as downloaded. */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-inspect-'));
const noonFile = path.join(folder, 'sales-export.csv');
const businessFile = path.join(folder, 'business-report-by-child-item.csv');
fs.writeFileSync(noonFile, csvText(NOON_SALES_EXPORT));
fs.writeFileSync(businessFile, csvText(AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('lumive inspect', () => {
  it('--json gives source, kind, confidence, channel, rows read / used / reported and issues for each', async () => {
    const { out } = await run('inspect', noonFile, businessFile, '--json');
    const [noon, br] = JSON.parse(out);
    expect(noon).toMatchObject({ source: 'sales-export.csv', kind: 'noon-sales', confidence: 1, channel: 'noon-ksa', channelDecidedBy: 'column', rowsRead: 2, rowsUsed: 2, rowsReported: 0, issues: [] });
    // No country anywhere in the business report or its name: its row waits for the user's channel.
    expect(br).toMatchObject({ source: 'business-report-by-child-item.csv', kind: 'amazon-business-report', channel: null, rowsRead: 1, rowsUsed: 0, rowsReported: 1 });
    expect(br.issues[0].reason).toMatch(/^Channel unknown/);
  });

  it('--channel assigns a channel; text output says how it was decided', async () => {
    const { out } = await run('inspect', businessFile, '--channel', 'business-report-by-child-item.csv=amazon-uae');
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
