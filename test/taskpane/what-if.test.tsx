/**
 * @jest-environment jsdom
 *
 * The What-if tab in jsdom (React Testing Library), over the real session on the demo workbook in
 * memory (the browser preview): the figures on screen are compared with the engine's simulate() and
 * with src/app/what-if.ts on the same inputs.
 */
import '../helpers/jsdom-fluent';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { sessionOver, type Session } from '../../src/app/session';
import { formFromDefaults, runWhatIf, whatIfDefaults } from '../../src/app/what-if';
import type { PositionMetrics } from '../../src/engine/analysis/position-metrics';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { isCalcError } from '../../src/engine/errors';
import { simulate } from '../../src/engine/simulate/simulate';
import { App } from '../../src/taskpane/components/App';
import { STRINGS } from '../../src/taskpane/i18n';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

jest.setTimeout(120_000);

const en = STRINGS.en;
const ar = STRINGS.ar;

async function demo(): Promise<Session> {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheets(demoInputSpecs());
  return sessionOver(() => workbook, false);
}

/** Renders the pane and waits until its panels have read the workbook (the Reports scan and the Settings form). */
async function mount(ui: React.ReactElement) {
  const view = render(ui);
  await screen.findByText(/sheets read|ورقة مقروءة/, undefined, { timeout: 30_000 });
  await screen.findByRole('button', { name: /^(Save settings|حفظ الإعدادات)$/, hidden: true }, { timeout: 30_000 });
  return view;
}

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
/** The What-if panel (App gives each panel an id); queries stay inside it, as getByRole over the whole pane is slow in jsdom. */
const whatIf = () => document.getElementById('panel-whatif') as HTMLElement;
const box = (label: RegExp | string) => within(whatIf()).getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp | string, value: string) => fireEvent.change(box(label), { target: { value } });
const pct = (x: number | null) => `${((x as number) * 100).toFixed(1)}%`;

describe('What-if tab', () => {
  it('pasted demand: runs the (s, S) policy and shows the engine’s figures; a second run keeps the first beside it', async () => {
    await mount(<App session={await demo()} host={null} initialLang="en" debug={false} />);
    tab(en.tabWhatIf);
    const p = whatIf();
    expect(p.hidden).toBe(false);
    // No analysis yet: pasting is the only source.
    expect((within(p).getByRole('radio', { name: en.whatIfFromAnalysis }) as HTMLInputElement).disabled).toBe(true);
    expect((within(p).getByRole('radio', { name: en.whatIfFromPaste }) as HTMLInputElement).checked).toBe(true);
    // A column copied from Excel (CRLF, a blank cell skipped).
    type(en.whatIfDemandLabel, '4\r\n6\r\n0\r\n8\r\n5\r\n\r\n5\r\n9\r\n3\r\n7\r\n2\r\n');
    expect(within(p).getByText('10 days, 49 units in all')).toBeTruthy();
    fireEvent.click(within(p).getByRole('radio', { name: en.whatIfPolicySS }));
    type(/^Reorder level s/, '10');
    type(/^Order-up-to level S/, '20');
    type(/^Lead time/, '3');
    type(/^Holding cost per unit per day/, '0.05');
    type(/^Stockout cost per unit/, '12');
    type(/^Start stock/, '15');
    fireEvent.click(within(p).getByRole('button', { name: en.whatIfRun }));

    const demand = [4, 6, 0, 8, 5, 5, 9, 3, 7, 2];
    const first = simulate({ demand, policy: { kind: 'sS', s: 10, S: 20 }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12, startStock: 15 });
    if (isCalcError(first)) throw new Error('unexpected');
    expect(first.fillRate).not.toBe(1);
    const cards = await within(p).findByRole('list', { name: 'Result over 10 days' });
    const card = (label: string) => within(cards).getByText(label).closest('li') as HTMLElement;
    expect(within(card(en.whatIfFillRate)).getByText(pct(first.fillRate))).toBeTruthy();
    expect(within(card(en.whatIfCsl)).getByText(pct(first.cycleServiceLevel))).toBeTruthy();
    expect(within(card(en.whatIfOrders)).getByText(String(first.totals.orders))).toBeTruthy();
    expect(within(card(en.whatIfShort)).getByText(first.totals.unmet.toLocaleString('en-US', { maximumFractionDigits: 2 }))).toBeTruthy();
    // Money: 2 decimals below 100, whole units above (no currency for pasted demand).
    const digits = first.totals.totalCost < 100 ? 2 : 0;
    expect(within(card(en.whatIfTotalCost)).getByText(first.totals.totalCost.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }))).toBeTruthy();
    // The chart says what it shows; the table lists every day of a short run.
    const chart = within(p).getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^On hand at the end of each day, days 1 to 10: .* Orders arrived on days [\d, ]+\.$/);
    const table = within(p).getByRole('table', { name: en.whatIfTable });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(p).getByText('All 10 days')).toBeTruthy();
    expect(within(p).queryByText(/before:/)).toBeNull();

    // Raise S and run again: the first run's figures stay beside the new ones.
    type(/^Order-up-to level S/, '40');
    fireEvent.click(within(p).getByRole('button', { name: en.whatIfRun }));
    const second = simulate({ demand, policy: { kind: 'sS', s: 10, S: 40 }, leadTime: 3, holdingCost: 0.05, stockoutCost: 12, startStock: 15 });
    if (isCalcError(second)) throw new Error('unexpected');
    await waitFor(() => expect(within(card(en.whatIfFillRate)).getByText(pct(second.fillRate))).toBeTruthy());
    expect(within(card(en.whatIfFillRate)).getByText(`before: ${pct(first.fillRate)}`)).toBeTruthy();
    expect(within(p).getByText(en.whatIfCompareNote)).toBeTruthy();
  });

  it('a field or a pasted item that is not valid is named, and nothing runs', async () => {
    await mount(<App session={await demo()} host={null} initialLang="en" debug={false} />);
    tab(en.tabWhatIf);
    const p = whatIf();
    expect(p.hidden).toBe(false);
    type(en.whatIfDemandLabel, '5\n7\nseven\n2');
    type(/^Reorder level s/, '10');
    type(/^Order-up-to level S/, '5');
    type(/^Lead time/, '2.5');
    type(/^Holding cost per unit per day/, '0.1');
    type(/^Stockout cost per unit/, '');
    fireEvent.click(within(p).getByRole('button', { name: en.whatIfRun }));
    await within(p).findByText(en.whatIfInvalid);
    expect(within(p).getByText('Item 3 “seven” is not a number')).toBeTruthy();
    expect(within(p).getByText('S must be greater than s')).toBeTruthy();
    expect(within(p).getByText('Lead time must be a whole number of days ≥ 0')).toBeTruthy();
    expect(within(p).getByText('Stockout cost per unit is missing')).toBeTruthy();
    expect(within(p).queryByRole('list', { name: /^Result over/ })).toBeNull();
    expect(within(p).queryByRole('img')).toBeNull();
    // The messages are runWhatIf's own.
    const out = runWhatIf({ demand: [5], form: { policy: 'sS', s: '10', S: '5', r: '', Q: '', leadTime: '2.5', holdingCost: '0.1', stockoutCost: '', startStock: '' } });
    expect(out.ok ? [] : out.errors.map((e) => e.message)).toEqual(['S must be greater than s', 'Lead time must be a whole number of days ≥ 0', 'Stockout cost per unit is missing']);
    // Corrected, it runs.
    type(en.whatIfDemandLabel, '5\n7\n7\n2');
    type(/^Order-up-to level S/, '30');
    type(/^Lead time/, '2');
    type(/^Stockout cost per unit/, '3');
    fireEvent.click(within(p).getByRole('button', { name: en.whatIfRun }));
    await within(p).findByRole('list', { name: 'Result over 4 days' });
    expect(within(p).queryByText(en.whatIfInvalid)).toBeNull();
  });

  it('after Analyze: search and pick a SKU and channel, the defaults fill in, Run shows the results', async () => {
    const session = await demo();
    await mount(<App session={session} host={null} initialLang="en" debug={false} />);
    tab(en.tabAnalyze);
    fireEvent.click(screen.getByRole('button', { name: en.analyze }));
    await screen.findByText(/^Done: /, undefined, { timeout: 60_000 });
    tab(en.tabWhatIf);
    const p = whatIf();
    expect(p.hidden).toBe(false);
    // With an analysis, picking a product is the default source.
    expect((within(p).getByRole('radio', { name: en.whatIfFromAnalysis }) as HTMLInputElement).checked).toBe(true);
    const analysis = session.results()!.analysis;
    // A noon position with monthly sales, a cost and a price, of a Master SKU sold on several channels.
    const channels = (sku: string) => analysis.metrics.filter((m) => m.position.masterSku === sku).length;
    const m = analysis.metrics.find((x) => x.position.channel.marketplace === 'noon' && Object.keys(x.position.salesByMonth).length > 0 && x.position.cost !== null && x.eoq !== null && channels(x.position.masterSku) > 1) as PositionMetrics;
    expect(m).toBeDefined();
    const sku = m.position.masterSku;
    fireEvent.change(within(p).getByRole('searchbox', { name: en.search }), { target: { value: sku } });
    // The analysis answers asynchronously (in the pane, from its worker).
    fireEvent.click(await within(within(p).getByRole('list', { name: en.matches })).findByRole('button', { name: sku }));
    const picker = await within(p).findByRole('list', { name: `Channels of ${sku}` });
    await within(picker).findAllByRole('button');
    expect(within(picker).getAllByRole('button')).toHaveLength(channels(sku));
    fireEvent.click(within(picker).getByRole('button', { name: m.position.channel.label }));
    // The defaults, as whatIfDefaults gives them.
    const d = whatIfDefaults(m, analysis.settings);
    const form = formFromDefaults(d);
    expect(box(/^Reorder level s/).value).toBe(form.s);
    expect(box(/^Order-up-to level S/).value).toBe(form.S);
    expect(box(/^Lead time/).value).toBe(String(m.leadTimeDays));
    expect(box(/^Holding cost per unit per day/).value).toBe(form.holdingCost);
    expect(box(/^Stockout cost per unit/).value).toBe(form.stockoutCost);
    expect(box(/^Start stock/).value).toBe(String(m.position.available + m.position.inbound));
    expect(within(p).getByText(/Lumive keeps monthly totals, so a day is the month’s units ÷ the days in that month\.$/)).toBeTruthy();
    expect(within(p).getByText(`Costs in ${m.position.channel.currency}, the channel’s currency.`)).toBeTruthy();
    fireEvent.click(within(p).getByRole('button', { name: en.whatIfRun }));
    const out = runWhatIf({ demand: d.demand, form });
    if (!out.ok) throw new Error(JSON.stringify(out));
    const cards = await within(p).findByRole('list', { name: `Result over ${d.demand.length} days` });
    const fill = within(cards).getByText(en.whatIfFillRate).closest('li') as HTMLElement;
    expect(within(fill).getByText(out.result.fillRate === null ? en.notAvailable : pct(out.result.fillRate))).toBeTruthy();
    // Costs in the channel's currency.
    const cost = within(cards).getByText(en.whatIfTotalCost).closest('li') as HTMLElement;
    expect(within(cost).getAllByText(new RegExp(`^${m.position.channel.currency} `)).length).toBeGreaterThan(0);
    expect(within(p).getByText(`First 30 of ${d.demand.length} days`)).toBeTruthy();
  });

  it('in Arabic: Arabic labels and messages, Western digits in the figures', async () => {
    await mount(<App session={await demo()} host={null} initialLang="ar" debug={false} />);
    tab(ar.tabWhatIf);
    const p = whatIf();
    expect(p.getAttribute('aria-label')).toBe(ar.tabWhatIf);
    expect(p.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(within(p).getByText(ar.whatIfIntro)).toBeTruthy();
    expect(within(p).getByRole('radio', { name: ar.whatIfPolicySS })).toBeTruthy();
    const field = (label: string) => within(p).getByLabelText(label);
    // Arabic-Indic digits pasted, one item that is not a number.
    fireEvent.change(field(ar.whatIfDemandLabel), { target: { value: '٤\n٦\nخمسة' } });
    fireEvent.change(field(ar.whatIfFieldLead), { target: { value: '1.5' } });
    fireEvent.click(within(p).getByRole('button', { name: ar.whatIfRun }));
    await within(p).findByText(ar.whatIfInvalid);
    expect(within(p).getByText('العنصر 3 «خمسة» ليس رقمًا')).toBeTruthy();
    expect(within(p).getByText('مدة التوريد: يجب أن تكون القيمة عددًا صحيحًا من الأيام ≥ 0')).toBeTruthy();
    expect(within(p).getByText('أدخل s')).toBeTruthy();
    fireEvent.change(field(ar.whatIfDemandLabel), { target: { value: '٤\n٦\n٥' } });
    fireEvent.change(field(ar.whatIfFieldS), { target: { value: '٣' } });
    fireEvent.change(field(ar.whatIfFieldBigS), { target: { value: '12' } });
    fireEvent.change(field(ar.whatIfFieldLead), { target: { value: '1' } });
    fireEvent.change(field(ar.whatIfFieldHolding), { target: { value: '0.1' } });
    fireEvent.change(field(ar.whatIfFieldStockout), { target: { value: '5' } });
    fireEvent.click(within(p).getByRole('button', { name: ar.whatIfRun }));
    const cards = await within(p).findByRole('list', { name: 'النتيجة على مدى 3 يومًا' });
    const r = simulate({ demand: [4, 6, 5], policy: { kind: 'sS', s: 3, S: 12 }, leadTime: 1, holdingCost: 0.1, stockoutCost: 5 });
    if (isCalcError(r)) throw new Error('unexpected');
    const fill = within(cards).getByText(ar.whatIfFillRate).closest('li') as HTMLElement;
    expect(within(fill).getByText(pct(r.fillRate))).toBeTruthy();
    for (const label of [ar.whatIfCsl, ar.whatIfTotalCost, ar.whatIfAvgOnHand, ar.whatIfOrders, ar.whatIfShort]) expect(within(cards).getByText(label)).toBeTruthy();
    expect(within(p).getByRole('table', { name: ar.whatIfTable })).toBeTruthy();
    expect(within(p).getByRole('img').getAttribute('aria-label')).toMatch(/^المخزون المتوفر في نهاية كل يوم/);
  });
});
