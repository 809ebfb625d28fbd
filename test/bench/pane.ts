/**
 * The task pane's thread during Analyze (issue: Excel never freezes): the production build in
 * Chromium (headless, browser preview; test/browser/pane-build.ts), the synthetic seller workbook of
 * analysis.ts imported as CSV files the way a seller imports reports, then Analyze run and timed.
 *
 * For each run, from the page itself: the long tasks on the pane's thread (PerformanceObserver,
 * 'longtask': every task over 50 ms) between the click on Analyze and the progress bar going away,
 * the longest of them (goal ≤ 100 ms: in Excel this thread is also the custom functions'), and the
 * run's time. Then a run cancelled in the middle of the engine's work: the time from the click on
 * Cancel (a real mouse click, timed by this process, so a page too busy to see it still counts) to the
 * pane being idle (the "cancelled" message shown, no progress bar, and an idle callback run).
 *
 * Run as `node --import tsx pane.ts <positions> [runs]` (3 runs up to 10,000 positions, else 2): prints
 * its figures as JSON (run.ts prints them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticWorkbook } from './analysis';
import { builtPane, writeCsvFiles } from '../browser/pane-build';
import { STRINGS } from '../../src/taskpane/i18n';

const en = STRINGS.en;

export interface PaneRun {
  readonly ms: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
}

export interface PaneFigures {
  readonly positions: number;
  readonly analyzed: number;
  readonly files: number;
  readonly fileBytes: number;
  readonly importMs: number;
  /** The longest task on the pane's thread while the files were imported (read and written; the scan that follows runs in the worker). */
  readonly importLongestTaskMs: number;
  readonly runs: readonly PaneRun[];
  readonly cancel: { readonly atStep: string; readonly toIdleMs: number; readonly longestTaskMs: number } | null;
  readonly chromium: string;
}

/** Starts recording long tasks in the page (once). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { lumiveLongTasks?: { start: number; duration: number }[] };
    if (w.lumiveLongTasks) return;
    w.lumiveLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.lumiveLongTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** Long tasks that started between two page times. */
const longTasksBetween = (page: Page, from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { lumiveLongTasks: { start: number; duration: number }[] }).lumiveLongTasks.filter((t) => t.start + t.duration >= a && t.start <= b), [from, to] as const);

const pageNow = (page: Page) => page.evaluate(() => performance.now());

async function analyzeOnce(page: Page): Promise<PaneRun & { analyzed: number }> {
  const panel = page.getByRole('tabpanel', { name: en.tabAnalyze });
  const start = await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label)!;
    const t = performance.now();
    button.click();
    return t;
  }, en.analyze);
  await panel.getByRole('progressbar').waitFor({ state: 'detached', timeout: 900_000 });
  const end = await pageNow(page);
  const done = (await panel.getByText(/^Done: /).textContent()) ?? '';
  const tasks = await longTasksBetween(page, start, end);
  return {
    ms: end - start,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    analyzed: Number(/^Done: ([\d,]+) positions/.exec(done)?.[1].replace(/,/g, '') ?? NaN),
  };
}

async function cancelOnce(page: Page): Promise<PaneFigures['cancel']> {
  const panel = page.getByRole('tabpanel', { name: en.tabAnalyze });
  await page.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!.click(), en.analyze);
  const cancel = panel.getByRole('button', { name: en.cancel });
  await cancel.waitFor();
  const box = (await cancel.boundingBox())!;
  // In the middle of the engine's work: its stage on the progress bar; if the pane cannot show one
  // within 3 s (its thread is busy), Cancel is clicked then anyway.
  const stages = [en.stepImport, en.stepClasses, en.stepMetrics, en.stepRecommendations];
  const shown = await page
    .waitForFunction((names) => names.includes(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') ?? ''), stages, { timeout: 3000, polling: 10 })
    .then(() => page.evaluate(() => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') ?? ''))
    .catch(() => null);
  // Timed from here, by this process' clock: a click the page's thread is too busy to see still counts.
  const t0 = performance.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((text) => (document.body.textContent?.includes(text) ?? false) && !document.querySelector('[role=progressbar]'), en.cancelled, { timeout: 900_000, polling: 10 });
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  const toIdleMs = performance.now() - t0;
  const end = await pageNow(page);
  const tasks = await longTasksBetween(page, end - toIdleMs, end);
  return { atStep: shown ?? 'no stage shown within 3 s', toIdleMs, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
}

export async function paneScenario(positions: number, runs: number): Promise<PaneFigures> {
  const pane = await builtPane('lumive-pane-bench-');
  try {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'en-US' });
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(`${pane.server.url}taskpane.html?lang=en`);
    await page.getByText(en.previewBanner).waitFor();
    const dir = path.join(pane.dir, 'reports');
    fs.mkdirSync(dir);
    const files = writeCsvFiles(dir, syntheticWorkbook(positions).sources);
    const fileBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    await observeLongTasks(page);
    const t = performance.now();
    const importStart = await pageNow(page);
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByText(/^“Warehouse Stock\.csv” → /).waitFor({ timeout: 900_000 });
    const importMs = performance.now() - t;
    const importTasks = await longTasksBetween(page, importStart, await pageNow(page));
    await page.getByRole('tab', { name: en.tabAnalyze }).click();
    const results: (PaneRun & { analyzed: number })[] = [];
    for (let i = 0; i < runs; i++) results.push(await analyzeOnce(page));
    const cancel = await cancelOnce(page);
    return {
      positions,
      analyzed: results[0].analyzed,
      files: files.length,
      fileBytes,
      importMs,
      importLongestTaskMs: Math.max(0, ...importTasks.map((x) => x.duration)),
      runs: results.map(({ ms, longTasks, longestTaskMs }) => ({ ms, longTasks, longestTaskMs })),
      cancel,
      chromium: pane.browser.version(),
    };
  } finally {
    await pane.close();
  }
}

if (require.main === module) {
  const positions = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? (positions <= 10_000 ? 3 : 2));
  paneScenario(positions, runs).then(
    (f) => console.log(JSON.stringify(f)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
