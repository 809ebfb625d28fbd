/**
 * @jest-environment jsdom
 *
 * Save snapshot (Analyze tab) and the History tab in jsdom (React Testing Library), over the real
 * session on the demo workbook in memory (the browser preview). The snapshot is dated by the analysis
 * (today, UTC); an earlier snapshot is saved the CLI's way (analyzeWorkbook with `snapshot`), so the
 * figures the tab compares are checked against the engine's compareSnapshots on the same workbook.
 */
import '../helpers/jsdom-fluent';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { analyzeWorkbook, readWorkbookState } from '../../src/app/analyze-workbook';
import { historyFromGrids } from '../../src/app/history';
import { failureText, sessionOver, type Session } from '../../src/app/session';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { compareSnapshots } from '../../src/engine/history/compare';
import { isoDate } from '../../src/engine/history/history';
import { toReporting } from '../../src/engine/analysis/money';
import type { Currency } from '../../src/engine/model';
import { App } from '../../src/taskpane/components/App';
import { STRINGS, translator } from '../../src/taskpane/i18n';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { OfficeWorkbook } from '../../src/workbook/office/office-workbook';
import { FakeExcel } from '../helpers/fake-excel';
import { SMALL_SHEETS } from '../app/small-workbook';

jest.setTimeout(120_000);

const en = STRINGS.en;
const ar = STRINGS.ar;
const t = translator('en');

async function demo(): Promise<{ workbook: MemoryWorkbook; session: Session }> {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheets(demoInputSpecs());
  return { workbook, session: sessionOver(() => workbook, false) };
}

/** Renders the pane and waits until its panels have read the workbook (the Reports scan and the Settings form). */
async function mount(ui: React.ReactElement) {
  const view = render(ui);
  await screen.findByText(/sheets read|ورقة مقروءة/, undefined, { timeout: 30_000 });
  await screen.findByRole('button', { name: /^(Save settings|حفظ الإعدادات)$/, hidden: true }, { timeout: 30_000 });
  return view;
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
/** A panel by its id (queries stay inside it: getByRole over the whole pane is slow in jsdom). */
const panel = (id: string) => document.getElementById(`panel-${id}`) as HTMLElement;

/** Runs Analyze from its tab and waits until it has landed. */
async function analyze(): Promise<void> {
  tab(en.tabAnalyze);
  const p = panel('analyze');
  fireEvent.click(within(p).getByRole('button', { name: en.analyze }));
  expect(within(p).getByRole('progressbar')).toBeTruthy();
  await waitFor(() => expect(within(p).queryByRole('progressbar')).toBeNull(), { timeout: 60_000 });
  expect(within(p).getByText(/^Done: /)).toBeTruthy();
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const signed = (x: number) => (Math.round(x) === 0 ? '0' : `${x > 0 ? '+' : '−'}${int(Math.abs(x))}`);

describe('Save snapshot', () => {
  it('appears only after an analysis; saving twice the same day replaces the snapshot and keeps one date', async () => {
    const { session, workbook } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabAnalyze);
    const p = panel('analyze');
    expect(within(p).queryByRole('button', { name: en.saveSnapshot })).toBeNull();
    await expect(session.saveSnapshot()).rejects.toThrow(/^Analyze first/);
    await analyze();

    const analysis = session.results()!.analysis;
    const today = analysis.snapshotDate;
    // No history yet: no trends, and how to get them.
    expect(analysis.trends.every((r) => (r.t?.trend ?? '—') === '—')).toBe(true);
    expect(within(p).getByText(en.trendsNone)).toBeTruthy();
    expect(within(p).getByText(en.snapshotHint)).toBeTruthy();

    fireEvent.click(within(p).getByRole('button', { name: en.saveSnapshot }));
    // Busy while it writes.
    expect(within(p).getByRole('button', { name: en.savingSnapshot }).hasAttribute('disabled')).toBe(true);
    expect(within(p).getByRole('button', { name: en.analyze }).hasAttribute('disabled')).toBe(true);
    await within(p).findByText(`Snapshot of ${today} saved: 1,259 positions (1 snapshot in the workbook).`);
    const history = workbook.sheet('Lumive History');
    expect(history?.visibility).not.toBe('visible');
    // A header and one row per position (the demo's sales months are not complete months).
    const rows = history!.values.length;
    expect(history!.values.filter((r) => r[0] === today && r[2] === 'Snapshot')).toHaveLength(1259);

    fireEvent.click(within(p).getByRole('button', { name: en.saveSnapshot }));
    await within(p).findByText(`Snapshot of ${today} saved: 1,259 positions; it replaced the earlier snapshot of that day (1 snapshot in the workbook).`);
    expect(workbook.sheet('Lumive History')!.values).toHaveLength(rows);
    expect(workbook.sheet('Lumive History')!.values.filter((r) => r[0] === today && r[2] === 'Snapshot')).toHaveLength(1259);
    expect((await session.snapshots()).dates).toEqual([today]);

    // The History tab reads the dates again: one snapshot, not enough to compare.
    tab(en.tabHistory);
    const h = panel('history');
    await within(h).findByText(en.historyCountOne);
    expect(within(within(h).getByRole('list', { name: en.historySavedList })).getByText(today)).toBeTruthy();
    expect(within(h).getByText(en.historyOneTitle)).toBeTruthy();
    expect(within(h).queryByRole('button', { name: en.compare })).toBeNull();

    // A new analysis hides the message about the previous one.
    await analyze();
    expect(within(p).queryByText(/^Snapshot of /)).toBeNull();
    expect(within(p).getByRole('button', { name: en.saveSnapshot })).toBeTruthy();
  });
});

describe('History tab', () => {
  it('without snapshots explains how to build the history', async () => {
    const { session: real } = await demo();
    let reads = 0;
    const session: Session = {
      ...real,
      snapshots: () => {
        reads++;
        return real.snapshots();
      },
    };
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    // Hidden, the tab reads nothing.
    expect(reads).toBe(0);
    tab(en.tabHistory);
    const h = panel('history');
    await within(h).findByText(en.historyNoneTitle);
    expect(within(h).getByText(en.historyEmpty)).toBeTruthy();
    expect(within(h).getByText('0 snapshots saved')).toBeTruthy();
    expect(within(h).queryByRole('combobox')).toBeNull();
    expect(reads).toBe(1);
    // Shown again: no new read until a snapshot is saved (or Refresh).
    tab(en.tabAnalyze);
    tab(en.tabHistory);
    expect(reads).toBe(1);
    fireEvent.click(within(h).getByRole('button', { name: en.refresh }));
    await waitFor(() => expect(reads).toBe(2));
  });

  it('in Arabic: the empty state and the tab in Arabic', async () => {
    const { session } = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    fireEvent.click(screen.getByRole('button', { name: en.switchLanguageLabel }));
    tab(ar.tabHistory);
    const h = panel('history');
    await within(h).findByText(ar.historyNoneTitle);
    expect(within(h).getByText(ar.historyEmpty)).toBeTruthy();
    expect(within(h).getByText(ar.historyIntro)).toBeTruthy();
  });

  it('compares two snapshots: the totals and the largest changes are the engine’s compareSnapshots on the same workbook', async () => {
    const { session, workbook } = await demo();
    // An earlier snapshot, saved the CLI's way (lumive analyze --snapshot) 30 days ago.
    const earlier = new Date(Date.now() - 30 * 86_400_000);
    await analyzeWorkbook(workbook, { now: earlier, snapshot: true });
    // Since then: stock moved on five noon KSA positions (six rows: one is in two warehouses), and a new product arrived.
    // The sheet is noon's FBN inventory export: columns found by name.
    const stock = workbook.sheet('noon KSA Stock')!.values;
    const col = (name: string) => (stock[0] as unknown[]).indexOf(name);
    for (let r = 1; r <= 6; r++) workbook.setValue('noon KSA Stock', r, col('qty'), String(200 + 37 * r));
    workbook.setValue('noon KSA Stock', stock.length, col('partner_sku'), 'NN-NEW-9001');
    workbook.setValue('noon KSA Stock', stock.length, col('title'), 'Travel Mug 500 ml - Black');
    workbook.setValue('noon KSA Stock', stock.length, col('qty'), '25');
    workbook.setValue('noon KSA Stock', stock.length, col('warehouse_code'), 'RUH01S');
    workbook.setValue('noon KSA Stock', stock.length, col('inventory_type'), 'saleable');
    workbook.setValue('noon KSA Stock', stock.length, col('country_code'), 'SA');

    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    await analyze();
    fireEvent.click(within(panel('analyze')).getByRole('button', { name: en.saveSnapshot }));
    const analysis = session.results()!.analysis;
    const today = analysis.snapshotDate;
    const from = isoDate(earlier);
    // With a snapshot saved, the analysis has trends: the Trends sheet's counts.
    const count = (trend: string) => analysis.trends.filter((r) => (r.t?.trend ?? '—') === trend).length;
    expect(count('Stable')).toBeGreaterThan(0);
    const trends = within(panel('analyze')).getByRole('list', { name: en.trendsTitle });
    for (const [label, trend] of [
      [en.trendGrowth, 'Growth'],
      [en.trendStable, 'Stable'],
      [en.trendDecline, 'Decline'],
    ] as const) {
      expect(within(within(trends).getByText(label).closest('li') as HTMLElement).getByText(count(trend).toLocaleString('en-US'))).toBeTruthy();
    }
    expect(within(panel('analyze')).getByText(/from the monthly sales in your reports and 1 saved snapshot\.$/)).toBeTruthy();
    await within(panel('analyze')).findByText(new RegExp(`^Snapshot of ${today} saved: [\\d,]+ positions \\(2 snapshots in the workbook\\)\\.`));

    tab(en.tabHistory);
    const h = panel('history');
    await within(h).findByText('2 snapshots saved');
    // Newest first, with the defaults: the previous snapshot against the latest.
    const dates = within(within(h).getByRole('list', { name: en.historySavedList })).getAllByRole('listitem');
    expect(dates.map((li) => li.textContent)).toEqual([`${today}${en.historyLatest}`, from]);
    expect((within(h).getByRole('combobox', { name: en.compareFrom }) as HTMLSelectElement).value).toBe(from);
    expect((within(h).getByRole('combobox', { name: en.compareTo }) as HTMLSelectElement).value).toBe(today);
    // The same date twice cannot be compared.
    fireEvent.change(within(h).getByRole('combobox', { name: en.compareFrom }), { target: { value: today } });
    expect(within(h).getByRole('button', { name: en.compare }).hasAttribute('disabled')).toBe(true);
    expect(within(h).getByText(en.compareSame)).toBeTruthy();
    // Picked the other way round, they are compared from the earlier to the later.
    fireEvent.change(within(h).getByRole('combobox', { name: en.compareTo }), { target: { value: from } });
    fireEvent.click(within(h).getByRole('button', { name: en.compare }));
    expect((within(h).getByRole('combobox', { name: en.compareFrom }) as HTMLSelectElement).value).toBe(from);
    expect((within(h).getByRole('combobox', { name: en.compareTo }) as HTMLSelectElement).value).toBe(today);
    const totals = await within(h).findByRole('table', { name: en.compareTotals }, { timeout: 30_000 });

    // The engine on the same workbook.
    const state = await readWorkbookState(workbook);
    const c = compareSnapshots(historyFromGrids(state.registry, state.grids).table, from, today, state.settings);
    const tt = c.totals;
    expect(tt.positions.new).toBe(1);
    expect(tt.stockValue.to).not.toBe(tt.stockValue.from);
    expect(within(h).getByRole('heading', { name: `${from} → ${today}` })).toBeTruthy();
    expect(within(h).getByText(t('compareDays', { days: tt.daysBetween }))).toBeTruthy();
    const row = (label: string) => within(totals).getByText(label).closest('tr') as HTMLElement;
    const cells = (label: string) => within(row(label)).getAllByRole('cell').map((cell) => cell.textContent);
    const pct = (a: number, b: number) => {
      if (a === 0) return '';
      const p = ((b - a) / a) * 100;
      const abs = Math.abs(p).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      return abs === '0.0' ? '0.0%' : `${p > 0 ? '+' : '−'}${abs}%`;
    };
    for (const [label, v] of [
      [en.cmpPositions, tt.positions],
      [en.cmpAvailable, tt.available],
      [en.cmpStockValue, tt.stockValue],
      [en.cmpSold, tt.sold],
      [en.cmpRevenue, tt.revenue],
    ] as const) {
      expect(cells(label)).toEqual([label, int(v.from), int(v.to), `${signed(v.to - v.from)}${pct(v.from, v.to)}`]);
    }
    expect(cells(en.cmpLostRevenue)).toEqual([en.cmpLostRevenue, `SAR ${int(tt.lostRevenue)}`]);
    const counts = within(h).getByRole('list', { name: `${en.compareNew}, ${en.compareGone}` });
    expect(within(within(counts).getByText(en.compareNew).closest('li') as HTMLElement).getByText(String(tt.positions.new))).toBeTruthy();
    expect(within(within(counts).getByText(en.compareGone).closest('li') as HTMLElement).getByText(String(tt.positions.gone))).toBeTruthy();

    // The largest stock value changes, in the reporting currency: the new position and the five that moved.
    const change = (r: (typeof c.rows)[number]) => toReporting(r.to?.stockValue ?? 0, r.currency as Currency, state.settings) - toReporting(r.from?.stockValue ?? 0, r.currency as Currency, state.settings);
    const moved = c.rows.filter((r) => r.status !== 'Both' || change(r) !== 0).sort((a, b) => Math.abs(change(b)) - Math.abs(change(a)));
    expect(moved.length).toBe(6);
    expect(c.rows.filter((r) => r.status === 'Both' && r.availableChange !== 0)).toHaveLength(5);
    const table = within(h).getByRole('table', { name: en.changesTitle });
    const body = within(table).getAllByRole('row').slice(1);
    expect(body).toHaveLength(Math.min(20, moved.length));
    const first = within(body[0]).getAllByRole('cell').map((cell) => cell.textContent);
    const top = moved[0];
    expect(first[0]).toContain(top.masterSku);
    const units = (x: number | null | undefined) => (x === null || x === undefined ? en.notAvailable : int(x));
    expect(first[1]).toBe(`${units(top.from?.available)} → ${units(top.to?.available)}`);
    expect(first[2]).toBe(`${units(top.from?.sold)} → ${units(top.to?.sold)}`);
    expect(first[3]).toBe(signed(change(top)));
    const newRow = body.find((r) => within(r).queryByText(en.statusNew));
    expect(newRow?.textContent).toContain('NN-NEW-9001');
    await waitFor(() => expect(within(h).getByText(moved.length <= 20 ? t('changesAll', { total: moved.length }) : t('changesCount', { shown: 20, total: moved.length }), { exact: false })).toBeTruthy());
  });
});

describe('session: snapshots in Excel (the Office adapter over the fake of Excel)', () => {
  it('saves into a hidden history sheet, lists the dates and explains a compare without history', async () => {
    const excel = new FakeExcel(SMALL_SHEETS.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c))) })));
    const session = sessionOver(() => new OfficeWorkbook({ run: excel.run }), true);
    expect((await session.snapshots()).dates).toEqual([]);
    const none = await session.compare('2026-10', '2026-11').catch((e: unknown) => e);
    expect(failureText(none)).toMatch(/^This workbook has no saved snapshot yet/);
    const result = await session.analyze();
    const saved = await session.saveSnapshot();
    expect(saved).toEqual({ date: result.snapshotDate, positions: result.positions, replaced: false, dates: [result.snapshotDate] });
    expect(excel.sheets.find((s) => s.name === 'Lumive History')?.visibility).toBe('Hidden');
    expect(await session.snapshots()).toEqual({ dates: [result.snapshotDate], problems: 0 });
    const missing = await session.compare('2020-01-01', result.snapshotDate).catch((e: unknown) => e);
    expect(failureText(missing)).toBe(`No snapshot on 2020-01-01 (from). Saved snapshots: ${result.snapshotDate}.`);
    // The same snapshot against itself: nothing changed.
    const same = await session.compare(result.snapshotDate, result.snapshotDate);
    expect(same.totals.positions).toEqual({ from: result.positions, to: result.positions });
    expect(same.changes).toEqual([]);
  });
});
