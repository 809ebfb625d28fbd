/**
 * @jest-environment jsdom
 *
 * The task pane's panels in jsdom (React Testing Library): what the user sees and what each control
 * asks of the session. The session is the real one over the demo workbook in memory (the browser
 * preview), so the figures on screen are the engine's; the Chromium tests (test/browser) drive the
 * built bundle.
 */
import '../helpers/jsdom-fluent';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { sessionOver, type Session } from '../../src/app/session';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { App } from '../../src/taskpane/components/App';
import { SETTING_GROUPS } from '../../src/taskpane/components/SettingsPanel';
import { SETTING_FIELDS } from '../../src/engine/sheets/settings-sheet';
import { STRINGS } from '../../src/taskpane/i18n';
import { SETTING_AR } from '../../src/taskpane/settings-ar';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { FakeExcel } from '../helpers/fake-excel';
import { SMALL_SHEETS } from '../app/small-workbook';

jest.setTimeout(120_000);

const en = STRINGS.en;
const ar = STRINGS.ar;

async function demo(): Promise<{ workbook: MemoryWorkbook; session: Session }> {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheets(demoInputSpecs());
  return { workbook, session: sessionOver(() => workbook, false) };
}

function tab(name: string) {
  fireEvent.click(screen.getByRole('tab', { name }));
}

/** Renders the pane and waits until its panels have read the workbook (the Reports scan and the Settings form). */
async function mount(ui: React.ReactElement) {
  const view = render(ui);
  await screen.findByText(/sheets read|ورقة مقروءة/, undefined, { timeout: 30_000 });
  await screen.findByRole('button', { name: /^(Save settings|حفظ الإعدادات)$/, hidden: true }, { timeout: 30_000 });
  return view;
}

const panel = (name: string) => screen.getByRole('tabpanel', { name, hidden: false });

describe('task pane', () => {
  it('outside Excel shows the preview banner, the tabs, and the Reports panel with every demo sheet', async () => {
    const { session } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.product);
    expect(screen.getByText(en.previewBanner)).toBeTruthy();
    const tabNames = [en.tabReports, en.tabMapping, en.tabAnalyze, en.tabSettings, en.tabExplorer, en.tabHistory, en.tabWhatIf];
    expect(screen.getAllByRole('tab')).toHaveLength(tabNames.length);
    for (const name of tabNames) expect(screen.getByRole('tab', { name })).toBeTruthy();
    // 13 demo sheets (sample-workbook.ts DEMO_SHEETS), all recognized.
    await screen.findByText('13 sheets read · 13 recognized');
    const list = within(panel(en.tabReports)).getByRole('list', { name: en.tabReports });
    expect(within(list).getAllByRole('listitem', { name: undefined }).filter((li) => li.parentElement === list)).toHaveLength(13);
    // Every kind and channel list is labeled with its sheet.
    expect(screen.getByRole('combobox', { name: 'Kind of sheet “noon KSA Stock”' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Channel of sheet “noon KSA Stock”' })).toBeTruthy();
  });

  it('in Excel says it is connected and shows no preview banner; another host is told Lumive works in Excel', async () => {
    const excel = new FakeExcel(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));
    const { unmount } = await mount(<App session={sessionOver(() => new OfficeWorkbook({ run: excel.run }), true)} host="Excel" initialLang="en" debug={false} />);
    expect(screen.getByText(en.connected)).toBeTruthy();
    expect(screen.queryByText(en.previewBanner)).toBeNull();
    await screen.findByText(/sheets read/);
    unmount();
    const { session } = await demo();
    await mount(<App session={session} host="Word" initialLang="en" debug={false} />);
    expect(screen.getByText('Running in Word: Lumive works in Excel.')).toBeTruthy();
  });

  it('changing a kind stores the choice and shows it', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    const kind = await screen.findByRole('combobox', { name: 'Kind of sheet “Warehouse Stock”' });
    fireEvent.change(kind, { target: { value: 'warehouse-stock' } });
    // The choice is saved and the workbook scanned again before the card shows it (slow on a busy machine).
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Kind of sheet “Warehouse Stock”' }) as HTMLSelectElement).value).toBe('warehouse-stock'), { timeout: 30_000 });
    expect(workbook.sheet('Lumive Sources')?.values.slice(2)).toEqual([['Warehouse Stock', 'warehouse-stock', '']]);
    const card = screen.getByRole('group', { name: 'Warehouse Stock' });
    expect(within(card).getByText(en.chosenByYou)).toBeTruthy();
  });

  it('Mapping shows the unmapped count and adds the missing SKUs', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabMapping);
    // The demo has 3 SKUs that are not in its mapping (scenarios.ts).
    await screen.findByText('3 SKUs in your reports are not in the mapping.');
    const before = workbook.sheet('Mapping')?.values.length ?? 0;
    fireEvent.click(screen.getByRole('button', { name: en.updateMapping }));
    await screen.findByText(/^Added 3 SKUs to “Mapping”/);
    expect(workbook.sheet('Mapping')?.values.length).toBe(before + 3);
    await screen.findByText(en.allMapped);
  });

  it('Analyze shows progress, then the KPI cards and the top urgent actions; a link selects the row', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabAnalyze);
    expect(screen.getByText(en.neverRun)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.analyze }));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('button', { name: en.cancel })).toBeTruthy();
    const kpis = await screen.findByRole('list', { name: en.kpiCards }, { timeout: 60_000 });
    const k = session.results()?.analysis.kpis;
    // The demo: 1,259 positions (sample-workbook.ts); one sheet per spec the analysis wrote.
    expect(screen.getByText(new RegExp(`^Done: 1,259 positions, ${session.results()!.analysis.specs.length} sheets written, \\d+ data issues\\.$`))).toBeTruthy();
    expect(k).toBeDefined();
    // The cards show the engine's figures (kpis.ts), rounded to whole SAR.
    expect(within(kpis).getByText(`SAR ${Math.round(k!.stockValue).toLocaleString('en-US')}`)).toBeTruthy();
    expect(within(kpis).getByText(`SAR ${Math.round(k!.atRiskValue).toLocaleString('en-US')}`)).toBeTruthy();
    expect(within(kpis).getByText(`${(k!.sellThrough! * 100).toFixed(1)}%`)).toBeTruthy();
    const urgent = screen.getByRole('list', { name: en.topUrgent });
    const links = within(urgent).getAllByRole('button', { name: /^Show .* in row \d+ of “Urgent Actions”$/ });
    expect(links).toHaveLength(5);
    fireEvent.click(links[0]);
    await waitFor(() => expect(workbook.selection).not.toBeNull());
    const first = session.results()!.analysis.urgent[0];
    const row = workbook.sheet('Urgent Actions')!.values[workbook.selection!.row - 1];
    expect(row).toContain(first.metrics.position.masterSku);
    expect(row).toContain(first.metrics.position.channel.label);
    expect(screen.getByText(`Selected row ${workbook.selection!.row} of “Urgent Actions”.`)).toBeTruthy();
    expect(screen.getByText(/^Last run: /)).toBeTruthy();
  });

  it('Cancel stops Analyze and says the sheets are unchanged', async () => {
    const { session, workbook } = await demo();
    const before = workbook.toJSON();
    expect(before.sheets).toHaveLength(13);
    const slow: Session = {
      ...session,
      // Cancel arrives while the analysis waits between steps, as it would while Excel syncs.
      analyze: (o) =>
        session.analyze({
          ...o,
          onProgress: (p) => {
            o?.onProgress?.(p);
            if (p.step === 'sheets') fireEvent.click(screen.getByRole('button', { name: en.cancel }));
          },
        }),
    };
    await mount(<App session={slow} host={null} initialLang="en" debug={false} />);
    tab(en.tabAnalyze);
    fireEvent.click(screen.getByRole('button', { name: en.analyze }));
    await screen.findByText(en.cancelled, undefined, { timeout: 60_000 });
    expect(workbook.toJSON()).toEqual(before);
    expect(screen.queryByRole('list', { name: en.kpiCards })).toBeNull();
  });

  it('Settings: an invalid value is marked and nothing saved; a valid policy change is written', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabSettings);
    const safety = await screen.findByRole('textbox', { name: /^Safety days/ });
    fireEvent.change(safety, { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: en.saveSettings }));
    await screen.findByText(en.settingsInvalid);
    expect(screen.getByText('Safety days must be at least 0')).toBeTruthy();
    expect(workbook.sheet('Lumive Settings')).toBeUndefined();
    fireEvent.change(safety, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('radio', { name: en.policyService }));
    fireEvent.click(screen.getByRole('button', { name: en.saveSettings }));
    await screen.findByText('Saved to “Lumive Settings”. Run Analyze to apply them.');
    const values = workbook.sheet('Lumive Settings')!.values;
    expect(values.find((r) => r[0] === 'safetyDays')?.[2]).toBe(10);
    expect(values.find((r) => r[0] === 'policy')?.[2]).toBe('service');
  });

  it('Settings in Arabic: the sheet’s invalid values and a rule across fields are said in Arabic', async () => {
    const { session, workbook } = await demo();
    const form = await session.readSettings();
    await session.saveSettings(form.values);
    const values = workbook.sheet('Lumive Settings')!.values;
    const row = values.findIndex((r) => r[0] === 'safetyDays');
    workbook.setValue('Lumive Settings', row, 2, 'lots');
    await mount(<App session={session} host={null} initialLang="ar" debug={false} />);
    tab(ar.tabSettings);
    await screen.findByText(ar.sheetIssues);
    // setting.default-used naming setting.not-a-number, with the row as the pane says it.
    expect(screen.getByText(`الصف ${row + 1}: يجب أن تكون قيمة Safety days رقمًا: استُخدمت القيمة الافتراضية 30`)).toBeTruthy();
    const critical = screen.getByRole('textbox', { name: new RegExp(`^${SETTING_AR.criticalDays.label.replace(/[()]/g, '\\$&')}`) });
    fireEvent.change(critical, { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: ar.saveSettings }));
    await screen.findByText(ar.settingsInvalid);
    // The form's error: the rule broken, without the defaults (nothing was saved).
    expect(screen.getByText('يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below')).toBeTruthy();
    expect(screen.queryByText(/Critical below must not exceed/)).toBeNull();
  });

  it('Settings: every setting of the sheet has its field in one group; the event uplifts with the note on the Lumive Events sheet', async () => {
    const grouped = SETTING_GROUPS.flatMap(([, keys]) => keys);
    expect([...grouped].sort()).toEqual(SETTING_FIELDS.map((f) => f.key).filter((k) => k !== 'policy').sort());
    const { session } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabSettings);
    const ramadan = await screen.findByRole('textbox', { name: /^Uplift: Ramadan/ });
    expect(ramadan).toBeTruthy();
    expect(screen.getByText(en.eventsNote)).toBeTruthy();
  });

  it('SKU explorer: after Analyze, a search shows the channels side by side and links to the rows', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabExplorer);
    expect(screen.getByText(en.explorerNeedsRun)).toBeTruthy();
    tab(en.tabAnalyze);
    fireEvent.click(screen.getByRole('button', { name: en.analyze }));
    await screen.findByText(/^Done: /, undefined, { timeout: 60_000 });
    tab(en.tabExplorer);
    // A Master SKU sold on the most channels.
    const analysis = session.results()!.analysis;
    const count = new Map<string, number>();
    for (const m of analysis.metrics) count.set(m.position.masterSku, (count.get(m.position.masterSku) ?? 0) + 1);
    const [sku, channels] = [...count].sort((a, b) => b[1] - a[1])[0];
    fireEvent.change(screen.getByRole('searchbox', { name: en.search }), { target: { value: sku } });
    // The analysis answers a search asynchronously (in the pane, from its worker).
    fireEvent.click(await within(screen.getByRole('list', { name: en.matches })).findByRole('button', { name: sku }));
    const table = await screen.findByRole('table', { name: sku });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(1 + channels);
    // noon's FBN inventory gives the stock per warehouse and the time it was counted; the demo has no
    // Product views & sales, so no visitors row.
    const noon = analysis.metrics.filter((m) => m.position.masterSku === sku && m.position.channel.marketplace === 'noon');
    expect(noon.length).toBeGreaterThan(0);
    const byWarehouse = screen.getByRole('table', { name: en.byWarehouse });
    const warehouseRows = noon.flatMap((m) => m.position.warehouses ?? []);
    expect(within(byWarehouse).getAllByRole('row')).toHaveLength(1 + warehouseRows.length);
    expect(within(table).getByText(en.mStockAsOf)).toBeTruthy();
    expect(within(table).queryByText(en.mVisitors)).toBeNull();
    const links = screen.getAllByRole('button', { name: /^Show row \d+ in “/ });
    expect(links.length).toBeGreaterThanOrEqual(channels);
    fireEvent.click(links[0]);
    await waitFor(() => expect(workbook.selection).not.toBeNull());
    expect(workbook.sheet(workbook.selection!.sheet)!.values[workbook.selection!.row - 1]).toContain(sku);
  });

  it('switching to Arabic turns the pane right-to-left with every visible string in Arabic', async () => {
    const { session } = await demo();
    const remembered: string[] = [];
    await mount(<App session={session} host={null} initialLang="en" debug={true} onLanguage={(l) => remembered.push(l)} />);
    await screen.findByText(/sheets read/);
    fireEvent.click(screen.getByRole('button', { name: en.switchLanguageLabel }));
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('heading', { level: 1 }).closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    const tabNames = [ar.tabReports, ar.tabMapping, ar.tabAnalyze, ar.tabSettings, ar.tabExplorer, ar.tabHistory, ar.tabWhatIf, ar.tabDebug];
    expect(screen.getAllByRole('tab')).toHaveLength(tabNames.length);
    for (const name of tabNames) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByText(ar.previewBanner)).toBeTruthy();
    expect(remembered).toEqual(['ar']);
    // Settings in Arabic: Arabic labels, and a validation message in Arabic.
    tab(ar.tabSettings);
    const safety = screen.getByRole('textbox', { name: new RegExp(`^${SETTING_AR.safetyDays.label}`) });
    fireEvent.change(safety, { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: ar.saveSettings }));
    await screen.findByText(ar.settingsInvalid);
    // The field's problem (setting.too-small) said in Arabic, naming the setting by its Arabic label.
    expect(screen.getByText(`يجب ألا تقل قيمة ${SETTING_AR.safetyDays.label} عن 0`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: ar.switchLanguageLabel }));
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('?debug=true: the Debug panel shows detection decisions, stage timings and (in Excel) sync counts', async () => {
    const excel = new FakeExcel(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));
    await mount(<App session={sessionOver(() => new OfficeWorkbook({ run: excel.run }), true)} host="Excel" initialLang="en" debug={true} />);
    await screen.findByText(/sheets read/);
    tab(en.tabAnalyze);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: en.analyze })));
    await screen.findByText(/^Done: /, undefined, { timeout: 60_000 });
    tab(en.tabDebug);
    const debug = screen.getByTestId('debug');
    expect(debug.textContent).toMatch(/candidates: /);
    expect(debug.textContent).toMatch(/rows: \d+ read = \d+ used \+ \d+ reported/);
    expect(within(debug).getByRole('table', { name: `${en.timings} (${en.tabAnalyze})` }).textContent).toMatch(/read workbook.*import.*write sheets/);
    // The Office adapter's sync log: reads and writes of this Analyze.
    expect(debug.textContent).toMatch(/\d+ syncs, largest request [\d,]+ bytes: .*prepare \d+.*swap 1/);
  });
});
