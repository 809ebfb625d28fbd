/**
 * The codes of the analysis (src/engine/problems/analysis.ts): its notes on channels without a sales
 * report and Master SKUs without a cost, the Supplier PO history rows the lead-time statistics cannot use,
 * and the open POs. Each found by the whole analysis on real sheets, its code, and its message in English
 * (as Data Issues showed it before the codes) and in Arabic.
 */
import { analyze } from '../../../src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../src/engine/model';
import type { ImportIssue, RawCell } from '../../../src/engine/ingest/types';
import type { ReportRecord } from '../../../src/engine/ingest/read-report';
import { supplierLeadTimes } from '../../../src/engine/metrics/lead-time';
import { issueAt, say, sayIssue } from '../../../src/engine';
import { MANAGE_FBA_INVENTORY_HEADER } from '../../fixtures/marketplace-reports';

const told = (i: ImportIssue) => [i.row, i.column, i.code, i.severity, i.reason, sayIssue(i, 'ar')];

const MAPPING: RawCell[][] = [
  ['Master SKU', 'Amazon KSA SKU', 'Title', 'Cost Price', 'Selling Price'],
  ['LAMP-01', 'AMZ-LAMP-01', 'Desk lamp', '40', '100'],
  ['SHADE-02', 'AMZ-SHADE-02', 'Lamp shade', '', '30'],
];
const stock = (sku: string, qty: string): string[] => [sku, `X0${sku}`, `B0${sku}`, sku, 'New', '100', 'No', '0', 'Yes', qty, qty, '0', '0', qty, '0.1', '0', '0', '0', '0', '0', '0'];
const INVENTORY: RawCell[][] = [[...MANAGE_FBA_INVENTORY_HEADER], stock('AMZ-LAMP-01', '10'), stock('AMZ-SHADE-02', '4')];
const BUSINESS: RawCell[][] = [
  ['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales', 'Total Order Items'],
  ['B0P1', 'B0AMZ-LAMP-01', 'Desk lamp', 'AMZ-LAMP-01', '900', '60', 'SAR 6,000.00', '60'],
];
const PO: RawCell[][] = [
  ['Supplier', 'PO Number', 'Master SKU', 'PO Date', 'Received Date', 'Promised Date', 'Qty', 'Destination'],
  ['Acme', 'PO-1', 'LAMP-01', '2026-08-01', '2026-08-21', '2026-08-20', '100', ''], // row 2: received in 20 days
  ['Acme', 'PO-3', 'LAMP-01', '2026-09-01', '', '', '5', 'Amazon KSA'], // row 3: open, expected 2026-09-21, 10 days late
  ['', 'PO-4', 'LAMP-01', '2026-09-01', '', '', '5', ''], // row 4: no supplier (the reader leaves it out: a required column)
  ['Acme', 'PO-5', 'LAMP-01', '', '', '', '5', ''], // row 5: no PO date (likewise)
  ['Acme', 'PO-6', 'LAMP-01', '2026-09-10', '2026-09-01', '', '5', ''], // row 6: received before it was ordered
  ['Acme', 'PO-7', '', '2026-09-25', '', '', '5', ''], // row 7: open, no Master SKU
  ['Acme', 'PO-8', 'LAMP-01', '2026-09-25', '', '', '0', ''], // row 8: open, no quantity
  ['Acme', 'PO-9', 'LAMP-01', '2026-09-25', '', '', '5', 'Jeddah port'], // row 9: open, a destination that is no channel
  ['Gulf', '', 'SHADE-02', '2026-08-01', '', '', '10', ''], // row 10: open, setting's lead time (30 days): expected 2026-08-31
];

const run = (sources: { source: string; grid: RawCell[][] }[]) => analyze(sources, { settings: DEFAULT_SETTINGS, now: new Date('2026-10-01T06:00:00Z') });

describe('the analysis notes', () => {
  const a = run([
    { source: 'Mapping', grid: MAPPING },
    { source: 'Amazon KSA inventory', grid: INVENTORY },
  ]);

  it('analysis.no-sales-report: a channel with stock and no sales report', () => {
    const note = a.issues.find((i) => i.code === 'analysis.no-sales-report')!;
    expect(note).toMatchObject({ source: 'Amazon KSA', row: null, dropped: false });
    expect(told(note)).toEqual([
      null,
      null,
      'analysis.no-sales-report',
      'warning',
      'No sales report for Amazon KSA: its 2 positions have no velocity, so no reorder, excess or dead-stock advice. Add its Business Report or All Orders (Amazon), or its sales export or Product views & sales (noon).',
      'لا يوجد تقرير مبيعات لـ Amazon KSA: ليس لمنتجاته (2) معدل بيع، فلا توصية بإعادة الطلب أو بالفائض أو بالمخزون الراكد. أضف Business Report أو All Orders الخاص بها (Amazon)، أو تصدير المبيعات أو Product views & sales (noon).',
    ]);
  });

  it('analysis.cost-missing: a Master SKU the mapping gives no Cost Price', () => {
    const note = a.issues.find((i) => i.code === 'analysis.cost-missing')!;
    expect(note).toMatchObject({ source: 'Mapping', value: 'SHADE-02' });
    expect(told(note)).toEqual([
      null,
      'Cost Price',
      'analysis.cost-missing',
      'warning',
      'Cost Price missing for SHADE-02: stock value, GMROI, order value and approval tier left blank',
      'Cost Price غير موجود لـ SHADE-02: تُركت قيمة المخزون وGMROI وقيمة الطلب ومستوى الموافقة فارغة',
    ]);
  });
});

describe('the Supplier PO history: lead times and open POs', () => {
  const a = run([
    { source: 'Mapping', grid: MAPPING },
    { source: 'Amazon KSA inventory', grid: INVENTORY },
    { source: 'Amazon KSA business report', grid: BUSINESS },
    { source: 'Supplier POs', grid: PO },
  ]);
  const po = a.issues.filter((i) => i.source === 'Supplier POs');

  it('leadtime.*: rows the lead-time statistics cannot use, at their sheet rows', () => {
    expect(po.filter((i) => i.row === 4 || i.row === 5).map((i) => i.code)).toEqual(['cell.blank', 'cell.blank']);
    expect(po.filter((i) => i.code?.startsWith('leadtime.')).map(told)).toEqual([
      [
        6,
        'Received Date',
        'leadtime.received-before-po',
        'warning',
        'Received 2026-09-01, before the PO date 2026-09-10: the PO is not used: not used for lead times',
        'استُلم في 2026-09-01، قبل تاريخ أمر الشراء 2026-09-10: لا يُستخدم أمر الشراء في حساب مدة التوريد',
      ],
    ]);
  });

  it('onorder.*: open POs not counted, or counted for the Master SKU wherever it is needed', () => {
    expect(po.filter((i) => i.code === 'onorder.no-master-sku' || i.code === 'onorder.no-quantity' || i.code === 'onorder.unknown-destination').map(told)).toEqual([
      [7, 'Master SKU', 'onorder.no-master-sku', 'warning', 'An open PO without a Master SKU: not counted as on order', 'أمر شراء مفتوح بلا Master SKU: لا يُحسب ضمن الكميات قيد الطلب'],
      [8, 'Qty', 'onorder.no-quantity', 'warning', 'An open PO of LAMP-01 without a quantity above 0: not counted as on order', 'أمر شراء مفتوح لـ LAMP-01 بلا كمية أكبر من 0: لا يُحسب ضمن الكميات قيد الطلب'],
      [
        9,
        'Destination',
        'onorder.unknown-destination',
        'warning',
        'Destination "Jeddah port" is not a channel (Amazon or noon, KSA or UAE) or the own warehouse: the PO counts for LAMP-01 wherever it is needed',
        'الوجهة "Jeddah port" ليست قناة (Amazon أو noon، KSA أو UAE) ولا المستودع الخاص: يُحسب أمر الشراء لـ LAMP-01 حيثما احتيج إليه',
      ],
    ]);
  });

  it('onorder.late: an open PO past its expected day, by the supplier’s measured lead time or the setting', () => {
    expect(po.filter((i) => i.code === 'onorder.late').map(told)).toEqual([
      [
        3,
        'Received Date',
        'onorder.late',
        'warning',
        "Open PO PO-3 from Acme: 5 units of LAMP-01 expected 2026-09-21 (ordered 2026-09-01 + Acme's lead time from PO history), 10 days late; still counted as on order",
        'أمر الشراء المفتوح PO-3 من Acme: 5 من وحدات LAMP-01 كانت متوقعة في 2026-09-21 (تاريخ الطلب 2026-09-01 + مدة توريد Acme من سجل أوامر الشراء)، والتأخير 10 من الأيام؛ ولا تزال محسوبة ضمن الكميات قيد الطلب',
      ],
      [
        10,
        'Received Date',
        'onorder.late',
        'warning',
        'Open PO from Gulf: 10 units of SHADE-02 expected 2026-08-31 (ordered 2026-08-01 + the lead-time setting), 31 days late; still counted as on order',
        'أمر الشراء المفتوح من Gulf: 10 من وحدات SHADE-02 كانت متوقعة في 2026-08-31 (تاريخ الطلب 2026-08-01 + مدة التوريد في الإعدادات)، والتأخير 31 من الأيام؛ ولا تزال محسوبة ضمن الكميات قيد الطلب',
      ],
    ]);
  });

  it('leadtime.* on records the importer would not give (a blank or unreadable PO date, received or promised date)', () => {
    const rec = (row: number, values: ReportRecord['values']): ReportRecord => ({ row, values: { supplier: 'Acme', poNumber: `PO-${row}`, masterSku: 'LAMP-01', poDate: Date.UTC(2026, 7, 1), receivedDate: null, promisedDate: null, quantity: 5, ...values } });
    const { issues } = supplierLeadTimes([rec(2, { supplier: null }), rec(3, { poDate: null }), rec(4, { poDate: 'soon' }), rec(5, { receivedDate: 'later' }), rec(6, { promisedDate: 'maybe' })]);
    expect(issues.map((x) => [x.row, x.column, x.problem.code, say(x.problem), say(x.problem, 'ar')])).toEqual([
      [2, 'Supplier', 'leadtime.supplier-blank', 'Supplier is blank: the PO is not used: not used for lead times', 'Supplier فارغ: لا يُستخدم أمر الشراء في حساب مدة التوريد'],
      [3, 'PO Date', 'leadtime.po-date-blank', 'PO date is blank: the PO is not used: not used for lead times', 'PO Date فارغ: لا يُستخدم أمر الشراء في حساب مدة التوريد'],
      [4, 'PO Date', 'leadtime.po-date-invalid', 'PO date is not a date: the PO is not used: not used for lead times', 'PO Date ليس تاريخًا: لا يُستخدم أمر الشراء في حساب مدة التوريد'],
      [5, 'Received Date', 'leadtime.received-invalid', 'Received date is not a date: the PO is not used: not used for lead times', 'Received Date ليس تاريخًا: لا يُستخدم أمر الشراء في حساب مدة التوريد'],
      // The PO still gives a lead time: the Arabic says only what is unknown.
      [6, 'Promised Date', 'leadtime.promised-invalid', 'Promised date is not a date: on-time status unknown: not used for lead times', 'Promised Date ليس تاريخًا: لا يُعرف إن كان أمر الشراء قد وصل في موعده'],
    ]);
    // What analyze makes of one: an issue at the PO sheet's row, kept (the row is not dropped).
    const issue = issueAt({ source: 'Supplier POs', row: 6, column: 'Promised Date', value: 'maybe' }, issues[4].problem, false);
    expect([issue.severity, issue.reason]).toEqual(['warning', 'Promised date is not a date: on-time status unknown: not used for lead times']);
  });
});
