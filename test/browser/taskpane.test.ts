/**
 * The built task pane in a real browser: Debian's Chromium driven by playwright-core (npm cannot
 * download browsers here; `.ci/run` installs the `chromium` package). The production bundle is built
 * into a temporary folder and served over http on 127.0.0.1; office.js cannot load (no network, and
 * the test refuses it), so the pane runs in browser preview on the demo workbook in memory.
 *
 * One seller's session, in order: open the preview, import two report files (a CSV and an .xlsx) at
 * once, analyze, see the KPI cards, click an urgent action, change a setting by keyboard, then switch
 * to Arabic; then, back in English, replay a pasted demand series in the What-if tab; save a snapshot
 * and open History; a month later (the page's clock moved on), import the new noon KSA stock report,
 * analyze, save again and compare the two snapshots. Screenshots (LTR and RTL) go to test-results/.
 *
 * Skipped only when /usr/bin/chromium is missing and LUMIVE_REQUIRE_BROWSER is not set; `.ci/run`
 * sets it, so CI fails rather than skips.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { builtPane, CHROMIUM, type BuiltPane } from './pane-build';
import type { StaticServer } from './static-server';
import { sheetNameFor } from '../../src/app/session';
import { demoWorkbook } from '../../src/demo/sample-workbook';
import { isCalcError } from '../../src/engine/errors';
import { simulate } from '../../src/engine/simulate/simulate';
import { STRINGS } from '../../src/taskpane/i18n';
import { AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM_HEADER, csvText, NOON_SALES_EXPORT } from '../fixtures/real-headers';

const present = fs.existsSync(CHROMIUM);
if (!present && process.env.LUMIVE_REQUIRE_BROWSER) throw new Error(`Chromium is required (LUMIVE_REQUIRE_BROWSER) but ${CHROMIUM} is missing: apt-get install -y chromium`);
const inBrowser = present ? describe : describe.skip;

const RESULTS = path.resolve(__dirname, '../../test-results');
const en = STRINGS.en;
const ar = STRINGS.ar;

jest.setTimeout(240_000);

let pane: BuiltPane;
let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/**
 * Two report files as a seller downloads them: noon's sales export (CSV) and an Amazon UAE business
 * report (.xlsx), in their real columns (test/fixtures/real-headers.ts) with rows of our own.
 */
async function reportFiles(): Promise<string[]> {
  const csv = path.join(dir, 'noon KSA sales export.csv');
  fs.writeFileSync(csv, csvText(NOON_SALES_EXPORT));
  const header = [...AMAZON_BUSINESS_REPORT_BY_CHILD_ITEM_HEADER];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('BusinessReport');
  sheet.addRow(header);
  const row = (sku: string, title: string, units: number) => header.map((h) => (/^sku$/i.test(h) ? sku : /title/i.test(h) ? title : /units ordered$/i.test(h) ? units : /ordered product sales$/i.test(h) ? units * 49 : /asin/i.test(h) ? 'B0TEST0001' : ''));
  sheet.addRow(row('UAE-NEW-001', 'دلة قهوة عربية — نحاس', 12));
  sheet.addRow(row('UAE-NEW-002', '=HYPERLINK("http://evil.example","click")', 3));
  const xlsx = path.join(dir, 'Amazon UAE Business Report December.xlsx');
  await book.xlsx.writeFile(xlsx);
  return [csv, xlsx];
}

async function shot(name: string): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  // Transitions finished (a tab's underline slides to the selected tab).
  await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
}

inBrowser(`task pane in Chromium (browser preview)${present ? '' : ` (skipped: Chromium not installed at ${CHROMIUM}; apt-get install -y chromium)`}`, () => {
  beforeAll(async () => {
    pane = await builtPane();
    ({ dir, server, browser } = pane);
    page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  });

  afterAll(async () => {
    await pane?.close();
  });

  test('opens in browser preview with the banner and every demo sheet recognized', async () => {
    await page.goto(`${server.url}taskpane.html?debug=true&lang=en`);
    await page.getByText(en.previewBanner).waitFor();
    await page.getByText('13 sheets read · 13 recognized').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('tab').count()).toBe(8);
  });

  test('imports a CSV and an .xlsx at once: each becomes a sheet and is detected', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.getByTestId('import-input').setInputFiles(await reportFiles());
    await page.getByText('Imported 2 file(s) into 2 sheet(s).').waitFor();
    // The file readers came in their own chunks, only now.
    expect(requests.some((p) => /^\/report-reader\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
    await shot('taskpane-reports-ltr.png');
    await page.getByText('15 sheets read · 15 recognized').waitFor();
    const noon = page.getByRole('group', { name: 'noon KSA sales export' });
    await noon.getByText(/noon sales export · noon KSA/).waitFor();
    const amazon = page.getByRole('group', { name: sheetNameFor('Amazon UAE Business Report December.xlsx'), exact: true });
    await amazon.getByText(/Amazon Business Report \(by child item\) · Amazon UAE/).waitFor();
    expect(await amazon.getByText(/2 rows read · 2 used · 0 reported/).count()).toBe(1);
    await shot('taskpane-reports-ltr.png');
  });

  test('analyzes: progress, then the KPI cards and the most urgent actions', async () => {
    await page.getByRole('tab', { name: en.tabAnalyze }).click();
    await page.getByRole('button', { name: en.analyze }).click();
    const kpis = page.getByRole('list', { name: en.kpiCards });
    await kpis.waitFor({ timeout: 120_000 });
    await page.getByText(/^Done: 1,26\d positions, \d+ sheets written/).waitFor();
    for (const label of [en.kpiStockValue, en.kpiAtRisk, en.kpiLostRevenue, en.kpiGmroi, en.kpiSellThrough]) await kpis.getByText(label).waitFor();
    expect(await kpis.getByText(/^SAR [\d,]+$/).count()).toBe(3);
    expect(await page.getByRole('list', { name: en.topUrgent }).getByRole('listitem').count()).toBe(5);
    await shot('taskpane-analyze-ltr.png');
  });

  test('clicking an urgent action selects its row in the Urgent Actions sheet', async () => {
    const link = page.getByRole('list', { name: en.topUrgent }).getByRole('button').first();
    const label = (await link.getAttribute('aria-label')) ?? '';
    const row = /in row (\d+) of “Urgent Actions”/.exec(label)?.[1];
    expect(row).toBeDefined();
    await link.click();
    await page.getByText(`Selected row ${row} of “Urgent Actions”.`).waitFor();
  });

  test('downloads the purchase orders as a .zip of CSV files, and says how many', async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: en.downloadPos }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^Lumive purchase orders \d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(await file.path()));
    const names = Object.keys(zip.files);
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((n) => /^PO-\d{8}-[0-9A-Z]{5} .+\.csv$/.test(n))).toBe(true);
    await page.getByText(new RegExp(`: ${names.length} CSV files \\(\\d+ lines\\) from the Purchase Orders sheet\\.$`)).waitFor();
    await page.getByRole('heading', { name: en.documentsTitle }).scrollIntoViewIfNeeded();
    await shot('taskpane-documents-ltr.png');
  });

  test('changes a setting with the keyboard only, with a validation message first', async () => {
    // Keyboard: focus the selected tab, arrow to Settings, activate it.
    await page.getByRole('tab', { name: en.tabAnalyze }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const safety = page.getByRole('textbox', { name: /^Safety days/ });
    await safety.waitFor();
    await safety.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('-2');
    await page.keyboard.press('Enter');
    await page.getByText('Safety days must be at least 0').waitFor();
    await page.getByText(en.settingsInvalid).waitFor();
    await safety.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await page.getByText('Saved to “Lumive Settings”. Run Analyze to apply them.').waitFor();
    // Keyboard focus is shown (Fluent marks the element focused from the keyboard).
    await page.getByRole('button', { name: en.saveSettings }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-fui-focus-visible') ?? false)).toBe(true);
    await shot('taskpane-settings-ltr.png');
  });

  test('switches to Arabic: right-to-left, Arabic labels and titles', async () => {
    await page.getByRole('button', { name: en.switchLanguageLabel }).click();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.fui-FluentProvider').first().getAttribute('dir')).toBe('rtl');
    await page.getByRole('tab', { name: ar.tabAnalyze }).click();
    await page.getByRole('list', { name: ar.kpiCards }).waitFor();
    // The header lays out right to left: the title on the right, the language button on the left.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    const button = await page.getByRole('button', { name: ar.switchLanguageLabel }).boundingBox();
    expect(title && button && title.x > button.x).toBe(true);
    await shot('taskpane-analyze-rtl.png');
    // An Arabic product title in the explorer.
    await page.getByRole('tab', { name: ar.tabExplorer }).click();
    await page.getByRole('searchbox', { name: ar.search }).fill('دلة');
    await page.getByRole('list', { name: ar.matches }).getByRole('button').first().click();
    await page.getByText(/دلة قهوة عربية/).first().waitFor();
    await shot('taskpane-explorer-rtl.png');
  });

  test('in Arabic, a file’s notes and a sheet’s issues are said in Arabic', async () => {
    await page.getByRole('tab', { name: ar.tabReports }).click();
    const notes = path.join(dir, 'supplier notes.csv');
    fs.writeFileSync(notes, 'colour,size\nred,M,extra\nblue,L\n');
    await page.getByTestId('import-input').setInputFiles([notes]);
    // The reader's note on the file (one row with more fields than the header), in Arabic.
    const summary = page.getByText(/supplier notes\.csv/).first();
    await summary.waitFor();
    const card = page.getByRole('group', { name: 'supplier notes' });
    await card.waitFor();
    const issues = await card.getByRole('listitem').allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    for (const text of issues) expect(text).toMatch(/[\u0600-\u06ff]/);
    await shot('taskpane-reports-rtl.png');
  });

  test('no script error on the page', () => {
    expect(pageErrors).toEqual([]);
  });

  test('What-if: a demand series pasted from Excel, an (s, S) policy run twice, the fill rate and the previous run beside it', async () => {
    // The previous test left the pane in Arabic.
    if ((await page.locator('html').getAttribute('lang')) === 'ar') await page.getByRole('button', { name: ar.switchLanguageLabel }).click();
    await page.getByRole('tab', { name: en.tabWhatIf }).click();
    const panel = page.getByRole('tabpanel', { name: en.tabWhatIf });
    // Analyze ran earlier, so a product is the default source: choose pasting.
    await panel.getByRole('radio', { name: en.whatIfFromPaste }).check();
    // A column as Excel copies it: CRLF line ends, a trailing newline.
    const demand = [4, 6, 0, 8, 5, 5, 9, 3, 7, 2, 6, 4, 8, 5];
    await panel.getByLabel(en.whatIfDemandLabel, { exact: true }).fill(`${demand.join('\r\n')}\r\n`);
    await panel.getByText(`${demand.length} days, 72 units in all`).waitFor();
    await panel.getByRole('radio', { name: en.whatIfPolicySS }).check();
    const fields: readonly (readonly [RegExp, string])[] = [
      [/^Reorder level s/, '10'],
      [/^Order-up-to level S/, '18'],
      [/^Lead time/, '3'],
      [/^Holding cost per unit per day/, '0.05'],
      [/^Stockout cost per unit/, '12'],
      [/^Start stock/, '15'],
    ];
    for (const [label, value] of fields) await panel.getByLabel(label).fill(value);
    const run = (S: number) => {
      const r = simulate({ demand, policy: { kind: 'sS', s: 10, S }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12, startStock: 15 });
      if (isCalcError(r) || r.fillRate === null) throw new Error('unexpected');
      return `${(r.fillRate * 100).toFixed(1)}%`;
    };
    await panel.getByRole('button', { name: en.whatIfRun }).click();
    const cards = panel.getByRole('list', { name: `Result over ${demand.length} days` });
    await cards.getByText(run(18), { exact: true }).first().waitFor();
    // Raise S: the new fill rate, and the first run's beside it.
    await panel.getByLabel(/^Order-up-to level S/).fill('30');
    await panel.getByRole('button', { name: en.whatIfRun }).click();
    expect(run(30)).not.toBe(run(18));
    await cards.getByText(run(30), { exact: true }).first().waitFor();
    await cards.getByText(`before: ${run(18)}`).first().waitFor();
    const chart = panel.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^On hand at the end of each day, days 1 to 14: /);
    // At 420 px nothing spills sideways: the page does not scroll horizontally.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await shot('taskpane-whatif-ltr.png');
    expect(pageErrors).toEqual([]);
  });

  test('Save snapshot, then History; a month later a second snapshot and the comparison', async () => {
    if ((await page.locator('html').getAttribute('lang')) === 'ar') await page.getByRole('button', { name: ar.switchLanguageLabel }).click();
    await page.getByRole('tab', { name: en.tabAnalyze }).click();
    const analyze = page.getByRole('tabpanel', { name: en.tabAnalyze });
    await analyze.getByText(en.snapshotHint).waitFor();
    await analyze.getByRole('button', { name: en.saveSnapshot }).click();
    const first = analyze.getByText(/^Snapshot of \d{4}-\d{2}-\d{2} saved: 1,26\d positions \(1 snapshot in the workbook\)\.$/);
    await first.waitFor();
    const today = /of (\d{4}-\d{2}-\d{2})/.exec((await first.textContent()) ?? '')?.[1] as string;

    await page.getByRole('tab', { name: en.tabHistory }).click();
    const history = page.getByRole('tabpanel', { name: en.tabHistory });
    await history.getByText(en.historyCountOne).waitFor();
    await history.getByRole('list', { name: en.historySavedList }).getByText(today).waitFor();
    await history.getByText(en.historyOneTitle).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await shot('taskpane-history-ltr.png');

    // A month later (the page's clock moves on; this stays the last test): the new noon KSA stock report,
    // five positions moved, replaces last month's sheet.
    const later = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000);
    await page.clock.setSystemTime(later);
    const grid = demoWorkbook().find((s) => s.source === 'noon KSA Stock')!.grid.map((row) => [...row]);
    for (let r = 1; r <= 6; r++) grid[r][3] = String(150 + 40 * r);
    const csv = path.join(dir, 'noon KSA Stock.csv');
    fs.writeFileSync(csv, grid.map((row) => row.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    await page.getByRole('tab', { name: en.tabReports }).click();
    await page.getByTestId('import-input').setInputFiles([csv]);
    await page.getByText('“noon KSA Stock.csv” → replaced sheet “noon KSA Stock”', { exact: false }).waitFor();
    await page.getByRole('tab', { name: en.tabAnalyze }).click();
    await analyze.getByRole('button', { name: en.analyze }).click();
    await analyze.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
    await analyze.getByRole('list', { name: en.trendsTitle }).waitFor();
    await analyze.getByRole('button', { name: en.saveSnapshot }).click();
    const next = later.toISOString().slice(0, 10);
    await analyze.getByText(new RegExp(`^Snapshot of ${next} saved: 1,26\\d positions \\(2 snapshots in the workbook\\)\\. ${en.snapshotSeeHistory.replace(/\./g, '\\.')}$`)).waitFor();

    await page.getByRole('tab', { name: en.tabHistory }).click();
    await history.getByText('2 snapshots saved').waitFor();
    expect(await history.getByRole('combobox', { name: en.compareFrom }).inputValue()).toBe(today);
    expect(await history.getByRole('combobox', { name: en.compareTo }).inputValue()).toBe(next);
    await history.getByRole('button', { name: en.compare }).click();
    const totals = history.getByRole('table', { name: en.compareTotals });
    await totals.waitFor();
    await history.getByRole('heading', { name: `${today} → ${next}` }).waitFor();
    await history.getByText('30 days apart').waitFor();
    const changes = history.getByRole('table', { name: en.changesTitle });
    // Five positions moved (one of the six rows is a second warehouse of the same product).
    expect(await changes.getByRole('row').count()).toBe(1 + 5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await shot('taskpane-history-compare-ltr.png');
    expect(pageErrors).toEqual([]);
  });
});
