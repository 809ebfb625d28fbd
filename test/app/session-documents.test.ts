/**
 * The pane's downloads of the Purchase Orders and Shipments sheets (Session.documents): the sheet the
 * last Analyze wrote, under its name in this workbook, as one CSV per PO or route in a .zip. Counts
 * come from the analysis itself (its purchase orders and shipments), never typed in from a run.
 */
import JSZip from 'jszip';
import { sessionOver } from '../../src/app/session';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { SMALL_SHEETS } from './small-workbook';

async function demoMemory(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.writeSheets(demoInputSpecs());
  return wb;
}

async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name].async('string'));
  return out;
}

test('before any Analyze the sheet is missing: nothing to download, and the pane can say so', async () => {
  const session = sessionOver(() => new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows }))), false);
  await expect(session.documents('po')).resolves.toEqual({ sheet: 'Purchase Orders', files: [], zip: null, issues: [], missing: true });
});

test('the demo: one CSV per PO in the .zip, every PO line in exactly one file', async () => {
  const wb = await demoMemory();
  const session = sessionOver(() => wb, false);
  await session.analyze();
  const orders = session.results()!.analysis.purchaseOrders;
  expect(orders.length).toBeGreaterThan(1);
  const out = await session.documents('po');
  expect(out.missing).toBe(false);
  expect(out.issues).toEqual([]);
  expect(out.zip!.name).toMatch(/^Lumive purchase orders \d{4}-\d{2}-\d{2}\.zip$/);
  const files = await unzip(out.zip!.bytes);
  expect(files.size).toBe(orders.length);
  expect(out.files.map((f) => f.rows)).toEqual(orders.map((po) => po.lines.length));
  for (const po of orders) {
    const [name, csv] = [...files].find(([n]) => n.includes(po.number))!;
    expect(name.endsWith('.csv')).toBe(true);
    expect(csv.startsWith('\uFEFFPO Number,')).toBe(true);
    // Header and one record per line, CRLF after each.
    expect(csv.split('\r\n').filter((r) => r !== '')).toHaveLength(po.lines.length + 1);
  }
});

test('the small workbook: the shipments by route; a user sheet named "Shipments" is not read', async () => {
  const wb = new MemoryWorkbook([...SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })), { name: 'Shipments', rows: [['My own notes'], ['Route', 'From'], ['x', 'y']] }]);
  const session = sessionOver(() => wb, false);
  await session.analyze();
  const routes = session.results()!.analysis.shipments;
  expect(routes.map((r) => r.route)).toEqual(['Amazon KSA → noon KSA']);
  const out = await session.documents('shipments');
  // Analyze wrote its sheet under another name; that is the one read.
  expect(out.sheet).toBe('Shipments (Lumive)');
  expect(out.files).toEqual([{ name: expect.stringContaining('Amazon KSA to noon KSA'), rows: 1 }]);
  const csv = [...(await unzip(out.zip!.bytes)).values()][0];
  expect(csv.split('\r\n')[1]).toMatch(/^A1-NOON,25,/);
});

test('no approved line: no file, and the pane says why', async () => {
  const wb = new MemoryWorkbook(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows })));
  // Nothing approved automatically (the Auto tier below 0 of value): every line waits for a person.
  const session = sessionOver(() => wb, false);
  const saved = await session.saveSettings({ approvalAutoBelow: '0' });
  expect(saved.ok).toBe(true);
  await session.analyze();
  expect(session.results()!.analysis.purchaseOrders).toEqual([]);
  const out = await session.documents('po');
  expect(out).toMatchObject({ sheet: 'Purchase Orders', files: [], zip: null, missing: false });
});
