/**
 * The event calendar's one host dependency, in Chromium: `Intl.DateTimeFormat` with the Umm al-Qura
 * calendar gives in the browser (where the add-in's engine runs) the same Hijri dates as the published
 * table test/engine/forecast/events.test.ts checks in Node: 1 Ramadan and 1 Shawwal 1445–1449 and
 * 10 Dhu al-Hijjah 1449.
 *
 * Skipped only when /usr/bin/chromium is missing and LUMIVE_REQUIRE_BROWSER is not set.
 */
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, FLAGS } from './pane-build';
import { hijri } from '../../src/engine/forecast/events';

const present = fs.existsSync(CHROMIUM);
if (!present && process.env.LUMIVE_REQUIRE_BROWSER) throw new Error(`Chromium is required (LUMIVE_REQUIRE_BROWSER) but ${CHROMIUM} is missing: apt-get install -y chromium`);
const inBrowser = present ? describe : describe.skip;

jest.setTimeout(60_000);

/** Day → [year, month, day] of the Umm al-Qura calendar, from the OpenJDK table (see events.test.ts). */
const DAYS: Record<string, [number, number, number]> = {
  '2024-03-11': [1445, 9, 1],
  '2024-04-10': [1445, 10, 1],
  '2025-03-01': [1446, 9, 1],
  '2025-03-30': [1446, 10, 1],
  '2026-02-18': [1447, 9, 1],
  '2026-03-20': [1447, 10, 1],
  '2027-02-08': [1448, 9, 1],
  '2027-03-09': [1448, 10, 1],
  '2028-01-28': [1449, 9, 1],
  '2028-02-26': [1449, 10, 1],
  '2028-05-05': [1449, 12, 10],
};

inBrowser(`Umm al-Qura dates in Chromium${present ? '' : ' (skipped: Chromium not installed)'}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('Chromium and Node agree with the published table', async () => {
    const page = await browser.newPage();
    const inChromium = await page.evaluate((days) => {
      const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
      const out: Record<string, number[]> = {};
      for (const d of days) {
        const parts = f.formatToParts(Date.parse(`${d}T00:00:00Z`));
        const get = (type: string) => parseInt(parts.find((p) => p.type === type)?.value ?? 'NaN', 10);
        out[d] = [get('year'), get('month'), get('day')];
      }
      return out;
    }, Object.keys(DAYS));
    expect(inChromium).toEqual(DAYS);
    const inNode = Object.fromEntries(Object.keys(DAYS).map((d) => [d, Object.values(hijri(Date.parse(`${d}T00:00:00Z`)))]));
    expect(inNode).toEqual(DAYS);
  });
});
