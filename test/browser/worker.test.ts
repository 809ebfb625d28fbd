/**
 * The engine's Web Worker in a real browser: Debian's Chromium on the production build, in browser
 * preview (pane-build.ts). The preview's workbook gets the synthetic seller workbook of the benchmarks
 * at 10,000 positions (test/bench/analysis.ts), imported as CSV files the way a seller imports reports.
 *
 * - The analysis (and the Reports panel's scan) runs in engine-worker.js, a file of the build from the
 *   page's own origin.
 * - A LUMIVE formula, called through the page's custom-function code, returns while Analyze is still
 *   running (the pane's thread is free: in Excel it is also the custom functions' thread).
 * - Cancel mid-run: the pane says so, the workbook is unchanged (a digest of every sheet's values,
 *   read from the preview's workbook with ?debug=true) and the previous results stay usable.
 *
 * Skipped only when /usr/bin/chromium is missing and LUMIVE_REQUIRE_BROWSER is not set.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { builtPane, CHROMIUM, writeCsvFiles, type BuiltPane } from './pane-build';
import { syntheticWorkbook } from '../bench/analysis';
import { STRINGS } from '../../src/taskpane/i18n';

const present = fs.existsSync(CHROMIUM);
if (!present && process.env.LUMIVE_REQUIRE_BROWSER) throw new Error(`Chromium is required (LUMIVE_REQUIRE_BROWSER) but ${CHROMIUM} is missing: apt-get install -y chromium`);
const inBrowser = present ? describe : describe.skip;
const en = STRINGS.en;
const POSITIONS = 10_000;

jest.setTimeout(300_000);

let pane: BuiltPane;
let page: Page;
const workers: string[] = [];
/** Workers started before the first Analyze: the Reports panel's scans (on opening, after the import). */
let scans = 0;
const pageErrors: string[] = [];

/** Every sheet of the preview's workbook: its name and a SHA-256 of its name, visibility and values. */
const workbookDigest = () =>
  page.evaluate(async () => {
    const book = (window as unknown as { lumivePreview: { sheets: () => { sheets: { name: string }[] } } }).lumivePreview.sheets();
    const out: string[] = [];
    for (const sheet of book.sheets) {
      const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(sheet)));
      out.push(`${sheet.name}: ${[...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);
    }
    return out;
  });

inBrowser(`the engine's Web Worker in Chromium${present ? '' : ' (skipped: Chromium not installed)'}`, () => {
  beforeAll(async () => {
    pane = await builtPane('lumive-worker-');
    page = await pane.browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('worker', (w) => workers.push(w.url()));
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(`${pane.server.url}taskpane.html?debug=true&lang=en`);
    await page.getByText(en.previewBanner).waitFor();
    const dir = path.join(pane.dir, 'reports');
    fs.mkdirSync(dir);
    const files = writeCsvFiles(dir, syntheticWorkbook(POSITIONS).sources);
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByText(/^“Warehouse Stock\.csv” → /).waitFor({ timeout: 120_000 });
    await page.getByText(/^\d+ sheets read · /).waitFor();
    scans = workers.length;
    await page.getByRole('tab', { name: en.tabAnalyze }).click();
  });

  afterAll(async () => {
    await pane?.close();
  });

  const analyze = () => page.getByRole('tabpanel', { name: en.tabAnalyze });

  test('Analyze runs in engine-worker.js from the page’s origin and writes the results', async () => {
    await analyze().getByRole('button', { name: en.analyze }).click();
    await analyze().getByRole('progressbar').waitFor();
    await analyze().getByRole('progressbar').waitFor({ state: 'detached', timeout: 180_000 });
    const done = await analyze().getByText(/^Done: /).textContent();
    const positions = Number(/^Done: ([\d,]+) positions/.exec(done ?? '')?.[1].replace(/,/g, ''));
    // The synthetic positions, plus the demo's own that the import did not replace.
    expect(positions).toBeGreaterThanOrEqual(POSITIONS);
    // The Reports panel's scans ran in workers too (one each, stopped after it); then one for Analyze.
    expect(scans).toBeGreaterThanOrEqual(2);
    expect(workers).toEqual(Array(scans + 1).fill(`${pane.server.url}engine-worker.js`));
  });

  test('a LUMIVE formula returns while Analyze is still running', async () => {
    await analyze().getByRole('button', { name: en.analyze }).click();
    await analyze().getByRole('progressbar').waitFor();
    // Wait until the engine has the job (a stage past reading the workbook), then call DOI as Excel would.
    await page.waitForFunction(() => /Reading reports|Classifying|Computing|Building recommendations/.test(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') ?? ''), undefined, { timeout: 60_000, polling: 20 });
    const during = await page.evaluate(() => {
      const fn = (globalThis as unknown as { CustomFunctions: { functions: Map<string, (...a: unknown[]) => unknown> } }).CustomFunctions.functions.get('DOI')!;
      return { value: fn([[120]], [[4]]), running: document.querySelector('[role=progressbar]') !== null };
    });
    expect(during).toEqual({ value: [[30]], running: true });
    // The last run's "Done" stays on screen during a run: the end of this one is the progress bar going.
    await analyze().getByRole('progressbar').waitFor({ state: 'detached', timeout: 180_000 });
    await analyze().getByText(/^Done: /).waitFor();
  });

  test('Cancel mid-run: the pane says so, the workbook is unchanged and the previous results still answer', async () => {
    const before = await workbookDigest();
    await analyze().getByRole('button', { name: en.analyze }).click();
    await page.waitForFunction(() => /Classifying|Computing|Building recommendations/.test(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') ?? ''), undefined, { timeout: 60_000, polling: 20 });
    await analyze().getByRole('button', { name: en.cancel }).click();
    await analyze().getByText(en.cancelled).waitFor();
    expect(await analyze().getByRole('progressbar').count()).toBe(0);
    expect(await workbookDigest()).toEqual(before);
    // The explorer still searches the last analysis (its worker was left alone).
    await page.getByRole('tab', { name: en.tabExplorer }).click();
    await page.getByRole('searchbox', { name: en.search }).fill('LM-0000001');
    await page.getByRole('list', { name: en.matches }).getByRole('button', { name: 'LM-0000001', exact: true }).waitFor();
    // Three runs, three workers; all from engine-worker.js.
    expect(workers).toHaveLength(scans + 3);
    expect(new Set(workers)).toEqual(new Set([`${pane.server.url}engine-worker.js`]));
    expect(pageErrors).toEqual([]);
  });
});
