/**
 * @jest-environment jsdom
 *
 * The task pane's Analyze button: in the browser preview it analyzes the demo workbook in memory; in
 * Excel (here the Office adapter over the recording fake of the Excel API) it writes the result sheets
 * into the workbook; errors from Excel reach the pane as the adapter's plain words.
 */
import { sessionOver } from '../../src/app/session';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { ANALYZE_LABEL, render } from '../../src/taskpane/render';
import { FakeExcel } from '../helpers/fake-excel';
import { SMALL_SHEETS } from '../app/small-workbook';

/** The hand-computed small workbook of test/app (4 Master SKUs on Amazon KSA and noon KSA) in Excel. */
const smallExcel = () => new FakeExcel(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));

function mount(): HTMLElement {
  document.body.innerHTML = '<main id="root"></main>';
  return document.getElementById('root') as HTMLElement;
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the pane');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const button = (root: HTMLElement) => [...root.querySelectorAll('button')].find((b) => b.textContent === ANALYZE_LABEL) as HTMLButtonElement;

describe('task pane Analyze', () => {
  it('without a session there is no Analyze button (the static pane)', () => {
    const root = mount();
    render(root, null);
    expect(button(root)).toBeUndefined();
  });

  it('in Excel: runs Analyze through the Office adapter, shows progress, then the sheets written', async () => {
    const excel = smallExcel();
    const root = mount();
    const seen: string[] = [];
    render(root, 'Excel', sessionOver(() => new OfficeWorkbook({ run: excel.run }), true));
    const status = root.querySelector('.progress') as HTMLElement;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    expect(root.textContent).toContain('Reads the report sheets in this workbook');
    button(root).click();
    expect(button(root).disabled).toBe(true);
    await until(() => !button(root).disabled);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    // small-workbook.ts: A1 on Amazon KSA and noon KSA, B2 and C3 on Amazon KSA, D4 on noon KSA = 5 positions.
    expect(status.textContent).toMatch(/^Done: 5 positions analyzed/);
    expect(root.querySelector('ul.written')?.textContent).toContain('Urgent Actions');
    expect(excel.sheet('Urgent Actions')).toBeDefined();
    expect(excel.sheet('Reorder')).toBeDefined();
    expect(seen.some((t) => t.startsWith('Writing “'))).toBe(true);
  });

  it('in Excel: a protected output sheet is reported in plain words and the button works again', async () => {
    const excel = smallExcel();
    const root = mount();
    const session = sessionOver(() => new OfficeWorkbook({ run: excel.run }), true);
    render(root, 'Excel', session);
    button(root).click();
    await until(() => !button(root).disabled);
    const urgent = excel.sheet('Urgent Actions');
    if (urgent) urgent.protected = true;
    button(root).click();
    await until(() => !button(root).disabled);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/"Urgent Actions" is protected.*Unprotect Sheet.*Nothing was changed/);
  });

  it('in the browser preview: analyzes the demo workbook in memory', async () => {
    const root = mount();
    const { session } = await import('../../src/app/session');
    render(root, null, session(null));
    expect(root.textContent).toContain('Preview: analyzes a sample workbook');
    button(root).click();
    await until(() => !button(root).disabled);
    expect(root.querySelector('.progress')?.textContent).toMatch(/^Done: 1,259 positions analyzed/);
    expect(root.querySelector('ul.written')?.textContent).toMatch(/Reorder: \d+ rows/);
  }, 60_000);
});
