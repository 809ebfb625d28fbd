/**
 * @jest-environment jsdom
 *
 * The Analyze tab's downloads of the Purchase Orders and Shipments sheets in jsdom, over the real
 * session on the small workbook in memory (the browser preview): the .zip handed to the browser holds
 * one CSV per PO or route, and the message counts them (from the analysis, not typed in), in English
 * and in Arabic.
 */
import '../helpers/jsdom-fluent';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import { sessionOver, type Session } from '../../src/app/session';
import { App } from '../../src/taskpane/components/App';
import { STRINGS } from '../../src/taskpane/i18n';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { SMALL_SHEETS } from '../app/small-workbook';

jest.setTimeout(120_000);

const small = (): Session => sessionOver(() => new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows }))), false);

/** What the pane hands to the browser's downloads: the blob and the file name of each click. */
const downloads: { name: string; blob: Blob }[] = [];
beforeAll(() => {
  let n = 0;
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:lumive/${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
});
beforeEach(() => {
  downloads.length = 0;
});

async function analyzed(lang: 'en' | 'ar') {
  const s = STRINGS[lang];
  const session = small();
  render(<App session={session} host={null} initialLang={lang} debug={false} />);
  // The panels have read the workbook (the Reports scan and the Settings form).
  await screen.findByText(/sheets read|ورقة مقروءة/, undefined, { timeout: 30_000 });
  await screen.findByRole('button', { name: s.saveSettings, hidden: true }, { timeout: 30_000 });
  fireEvent.click(screen.getByRole('tab', { name: s.tabAnalyze }));
  const p = document.getElementById('panel-analyze') as HTMLElement;
  fireEvent.click(within(p).getByRole('button', { name: s.analyze }));
  await within(p).findByRole('button', { name: s.downloadPos }, { timeout: 60_000 });
  return { session, p, s };
}

const bytes = (blob: Blob): Promise<Uint8Array> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

test('Download purchase orders: the .zip of one CSV per PO, and a message that counts them', async () => {
  const { session, p, s } = await analyzed('en');
  const orders = session.results()!.analysis.purchaseOrders;
  expect(orders).toHaveLength(1); // D4's auto-approved order, on the "No supplier" PO
  fireEvent.click(within(p).getByRole('button', { name: s.downloadPos }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0].name).toMatch(/^Lumive purchase orders \d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(await bytes(downloads[0].blob));
  expect(Object.keys(zip.files)).toEqual([`${orders[0].number} No supplier.csv`]);
  const status = await within(p).findByText(/1 CSV file/);
  expect(status.textContent).toContain(`(${orders[0].lines.length} lines) from the Purchase Orders sheet`);
});

test('Arabic: the buttons and the message in Arabic; shipments give one file per route', async () => {
  const { session, p, s } = await analyzed('ar');
  fireEvent.click(within(p).getByRole('button', { name: s.downloadShipments }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  const zip = await JSZip.loadAsync(await bytes(downloads[0].blob));
  expect(Object.keys(zip.files)).toEqual(session.results()!.analysis.shipments.map((r) => `Shipment ${r.from} to ${r.to}.csv`));
  expect((await within(p).findByText(/ملف CSV واحد/)).textContent).toContain('ورقة');
});
