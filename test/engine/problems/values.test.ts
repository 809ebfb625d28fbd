/**
 * The codes cell values and the report reader give (src/engine/problems/values.ts, reading.ts): each
 * found by the reader on a real kind of input, its code, and its message in English and in Arabic. The
 * English texts are the reader's as before the codes (test/engine/ingest/values.test.ts has them all).
 */
import { ValueProblem, type RawCell } from '../../../src/engine/ingest/types';
import { readReport } from '../../../src/engine/ingest/read-report';
import { parseDate } from '../../../src/engine/ingest/values/dates';
import { parseInteger, parseNumber } from '../../../src/engine/ingest/values/numbers';
import { say, sayIssue, type Problem } from '../../../src/engine';

function problemOfValue(x: unknown): ValueProblem {
  if (!(x instanceof ValueProblem)) throw new Error(`expected a ValueProblem, got ${String(x)}`);
  return x;
}

describe('value codes', () => {
  test.each<[string, () => unknown, string, string]>([
    ['number.invalid', () => parseNumber('12 units'), '"12 units" is not a number', '"12 units" ليس رقمًا'],
    ['number.decimal-comma', () => parseNumber('12,5'), '"12,5" is not a number (it looks like a decimal comma, which is read only when the decimal comma option is on)', '"12,5" ليس رقمًا (يبدو أنه يستخدم الفاصلة العشرية، ولا تُقرأ إلا عند تفعيل خيار الفاصلة العشرية)'],
    ['number.too-large', () => parseNumber('1e400'), '"1e400" is too large a number', '"1e400" رقم أكبر من اللازم'],
    ['number.nan', () => parseNumber(NaN), 'expected a number, got NaN', 'المتوقع رقم، والقيمة NaN'],
    ['number.infinite', () => parseNumber(-Infinity), 'expected a finite number, got -Infinity', 'المتوقع رقم محدود، والقيمة -Infinity'],
    ['number.boolean', () => parseNumber(true), 'expected a number, got TRUE', 'المتوقع رقم، والقيمة TRUE'],
    ['number.date', () => parseNumber(new Date(Date.UTC(2026, 4, 19))), 'expected a number, got a date', 'المتوقع رقم، والقيمة تاريخ'],
    ['number.not-whole', () => parseInteger('2.5'), 'expected a whole number, got 2.5', 'المتوقع عدد صحيح، والقيمة 2.5'],
    ['date.invalid', () => parseDate('soon'), '"soon" is not a date', '"soon" ليس تاريخًا'],
    ['date.no-month', () => parseDate('05/19/2026'), '"05/19/2026" is not a date: there is no month 19 (read as day/month/year)', '"05/19/2026" ليس تاريخًا: لا يوجد شهر 19 (قُرئ يوم/شهر/سنة)'],
    ['date.no-day', () => parseDate('2026-05-32'), '"2026-05-32" is not a date: there is no day 32', '"2026-05-32" ليس تاريخًا: لا يوجد يوم 32'],
    ['date.month-days', () => parseDate('31/02/2026'), '"31/02/2026" is not a date: February 2026 has 28 days (read as day/month/year)', '"31/02/2026" ليس تاريخًا: شهر فبراير 2026 فيه 28 يومًا (قُرئ يوم/شهر/سنة)'],
    ['date.no-hour', () => parseDate('2026-05-19 24:00:00'), '"2026-05-19 24:00:00" is not a date: there is no hour 24', '"2026-05-19 24:00:00" ليس تاريخًا: لا توجد الساعة 24'],
    ['date.no-minute', () => parseDate('2026-05-19 10:60:00'), '"2026-05-19 10:60:00" is not a date: there is no minute 60', '"2026-05-19 10:60:00" ليس تاريخًا: لا توجد الدقيقة 60'],
    ['date.no-second', () => parseDate('2026-05-19 10:00:61'), '"2026-05-19 10:00:61" is not a date: there is no second 61', '"2026-05-19 10:00:61" ليس تاريخًا: لا توجد الثانية 61'],
    ['date.no-hour-12', () => parseDate('May 19, 2026 13:00:00 PM'), '"May 19, 2026 13:00:00 PM" is not a date: there is no hour 13 PM', '"May 19, 2026 13:00:00 PM" ليس تاريخًا: لا توجد الساعة 13 PM'],
    ['date.bad-offset', () => parseDate('2026-05-19T10:00:00+15:00'), '"2026-05-19T10:00:00+15:00" is not a date: +15:00 is not a time-zone offset', '"2026-05-19T10:00:00+15:00" ليس تاريخًا: +15:00 ليس فرق توقيت صحيحًا'],
    ['date.unknown-zone', () => parseDate('Jan 15, 2024 10:00:00 AM XYZ'), 'unknown time zone "XYZ" in "Jan 15, 2024 10:00:00 AM XYZ" (UTC, GMT, PST, PDT or an offset like +03:00 are read)', 'منطقة زمنية غير معروفة "XYZ" في "Jan 15, 2024 10:00:00 AM XYZ" (تُقرأ UTC وGMT وPST وPDT أو فرق توقيت مثل +03:00)'],
    ['date.two-digit-year', () => parseDate('19/05/26'), 'two-digit year in "19/05/26"; write the year with four digits', 'السنة مكتوبة برقمين في "19/05/26"؛ اكتب السنة بأربعة أرقام'],
    ['date.serial-range', () => parseDate(0), '0 is not a date (Excel date numbers run from 1 to 2958465)', '0 ليس تاريخًا (أرقام التواريخ في Excel من 1 إلى 2958465)'],
    ['date.serial-60', () => parseDate(60), "60 is not a date: Excel's date 60 is 29 February 1900, a day that did not exist", '60 ليس تاريخًا: التاريخ 60 في Excel هو 29 فبراير 1900، وهو يوم لم يوجد'],
    ['date.infinite', () => parseDate(Infinity), 'expected a date, got Infinity', 'المتوقع تاريخ، والقيمة Infinity'],
    ['date.boolean', () => parseDate(false), 'expected a date, got FALSE', 'المتوقع تاريخ، والقيمة FALSE'],
    ['date.invalid-date', () => parseDate(new Date(NaN)), 'expected a date, got an invalid date', 'المتوقع تاريخ، والقيمة تاريخ غير صالح'],
  ])('%s', (code, read, en, ar) => {
    const p = problemOfValue(read());
    expect(p.problem.code).toBe(code);
    expect(p.reason).toBe(en);
    expect(say(p.problem, 'ar')).toBe(ar);
  });
});

describe('report reader codes', () => {
  const NOW = Date.UTC(2026, 5, 30);
  const HEADER = ['sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity', 'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity', 'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity', 'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity'];
  const row = (over: Record<string, RawCell>) => HEADER.map((h) => (h in over ? over[h] : h === 'sku' ? 'SKU-1' : h.endsWith('quantity') ? 1 : ''));
  const read = (grid: RawCell[][]) => readReport({ source: 'FBA', grid }, { asOf: NOW });
  const codes = (grid: RawCell[][]) => read(grid).issues.map((i) => [i.code, i.severity, i.reason, sayIssue(i, 'ar')]);

  it('sheet.empty and sheet.no-header', () => {
    expect(codes([])).toEqual([['sheet.empty', 'error', 'The sheet is empty', 'الورقة فارغة']]);
    expect(codes([['a'], ['b']])).toEqual([
      ['sheet.no-header', 'error', 'No header row found in the first 20 rows: none has two or more column names of a known report', 'لم يوجد صف عناوين في أول 20 صفًا: لا يحمل أيٌّ منها اسمين أو أكثر من أسماء أعمدة تقرير معروف'],
    ]);
  });

  it('cell.blank, cell.figure-too-large and report.duplicate-column on an FBA Inventory', () => {
    const found = read([[...HEADER, 'sku'], row({ sku: '' }), row({ 'afn-fulfillable-quantity': 1e308 })]).issues;
    expect(found.map((i) => i.code)).toEqual(['report.duplicate-column', 'cell.blank', 'cell.figure-too-large']);
    expect(found.map((i) => sayIssue(i, 'ar'))).toEqual([
      'العمود "sku" مكرر 2 مرات (وأيضًا العمود S): يُستخدم العمود A ويُتجاهل الآخر',
      'sku فارغ',
      '1e+308 أكبر من أن يكون afn-fulfillable-quantity',
    ]);
  });

  it('report.unknown-kind and report.missing-column name the reader’s reasons', () => {
    const unknown = read([['sku', 'asin', 'colour', 'size'], ['A', 'B0', 'red', 'M']]).issues[0];
    expect(unknown.code).toBe('report.unknown-kind');
    expect(sayIssue(unknown, 'ar')).toMatch(/^لم يُتعرَّف على نوع التقرير: .*\. اختر نوع هذه الورقة\.$/);
    const noSku = readReport({ source: 'FBA', grid: [['fnsku', 'asin', 'afn-fulfillable-quantity'], ['X0', 'B0', 1]] }, { asOf: NOW, kind: 'amazon-inventory' }).issues[0];
    expect(noSku.code).toBe('report.missing-column');
    expect(sayIssue(noSku, 'ar')).toMatch(/^العمود المطلوب "sku" غير موجود في .* هذا \(الأسماء التي جُرِّبت: sku/);
  });

  it('the mapping’s and the PO history’s plausibility codes', () => {
    const mapping = readReport(
      {
        source: 'Mapping',
        grid: [
          ['Master SKU', 'Cost Price', 'Title'],
          ['\u200b', 5, 'Lamp'],
          ['LAMP-01', -5, 'x'.repeat(40_000)],
        ],
      },
      { asOf: NOW, kind: 'mapping' },
    ).issues;
    expect(mapping.map((i) => [i.code, i.severity, i.reason, sayIssue(i, 'ar')])).toEqual([
      ['cell.only-invisible', 'error', 'Master SKU holds only invisible or control characters (U+200B)', 'Master SKU لا يحوي إلا محارف غير مرئية أو محارف تحكم (U+200B)'],
      ['cell.too-long', 'warning', "Title is 40,000 characters long: cut at Excel's limit of 32,767", 'طول Title 40,000 محرفًا: قُصّ عند حد Excel وهو 32,767'],
      ['cell.negative-ignored', 'warning', 'Negative Cost Price -5 is not possible: not used', 'Cost Price السالب (-5) غير ممكن: لم يُستخدم'],
    ]);
    const po = readReport({ source: 'PO', grid: [['Supplier', 'PO Date', 'Master SKU'], ['Acme', '1999-12-31', 'A'], ['Acme', '2027-01-31', 'A']] }, { asOf: NOW, kind: 'po-history' }).issues;
    expect(po.map((i) => [i.code, i.reason, sayIssue(i, 'ar')])).toEqual([
      ['cell.date-before-2000', '1999-12-31 is before 2000: not a date this report can hold', '1999-12-31 قبل عام 2000: ليس تاريخًا يمكن أن يحويه هذا التقرير'],
      ['cell.date-future', '2027-01-31 is after the analysis day 2026-06-30: not a date this report can hold yet', '2027-01-31 بعد يوم التحليل 2026-06-30: ليس تاريخًا يمكن أن يحويه هذا التقرير بعد'],
    ]);
  });

  it('cell.negative-zero: a negative units-shipped figure of the FBA Inventory Age report', () => {
    const header = ['sku', 'available', 'units-shipped-t7'];
    const issues = readReport({ source: 'Inventory age', grid: [header, ['A', 1, -3]] }, { asOf: NOW, kind: 'amazon-inventory-age' }).issues;
    expect(issues.map((i) => [i.code, i.reason, sayIssue(i, 'ar')])).toEqual([['cell.negative-zero', 'Negative units-shipped-t7 -3 counted as 0', 'units-shipped-t7 سالب (-3): حُسب 0']]);
  });
});


describe('detection codes (why a kind, or none)', () => {
  const NOW = Date.UTC(2026, 5, 30);
  const said = (why: readonly Problem[] | undefined) => (why ?? []).map((p) => [p.code, say(p), say(p, 'ar')]);

  it('detect.typical-columns and detect.tie inside report.unknown-kind: a header between two kinds is not guessed', () => {
    const r = readReport({ source: 'Sheet1', grid: [['supplier', 'po number', 'master sku', 'on hand'], ['Acme', 'PO-1', 'A', 3]] }, { asOf: NOW });
    expect(said(r.detection?.why)).toEqual([
      ['detect.typical-columns', 'columns typical of the Own warehouse stock: on hand', 'أعمدة مميزة لتقرير Own warehouse stock: on hand'],
      ['detect.tie', 'unsure: it fits the Own warehouse stock (56%) and the Supplier PO history (47%) about equally', 'غير مؤكد: يطابق Own warehouse stock (56%) وSupplier PO history (47%) بالقدر نفسه تقريبًا'],
    ]);
    expect(r.issues[0].code).toBe('report.unknown-kind');
    expect(sayIssue(r.issues[0], 'ar')).toBe(
      'لم يُتعرَّف على نوع التقرير: أعمدة مميزة لتقرير Own warehouse stock: on hand؛ غير مؤكد: يطابق Own warehouse stock (56%) وSupplier PO history (47%) بالقدر نفسه تقريبًا. اختر نوع هذه الورقة.',
    );
  });

  it('detect.low-fit, detect.name-mentions, detect.distinctive-lead, detect.by-user and detect.unknown-kind', () => {
    const low = readReport({ source: 'Sheet1', grid: [['sku', 'asin', 'colour', 'size'], ['A', 'B0', 'red', 'M']] }, { asOf: NOW });
    expect(said(low.detection?.why)).toEqual([
      ['detect.low-fit', 'unsure: the best match, Amazon Reserved Inventory, fits only 20% of its known columns', 'غير مؤكد: أقرب تطابق، Amazon Reserved Inventory، لا يطابق إلا 20% من أعمدته المعروفة'],
    ]);
    const named = readReport({ source: 'noon KSA stock', grid: [['partner_sku', 'sku', 'qty'], ['A', 'N1', 3]] }, { asOf: NOW });
    const mention = said(named.detection?.why).find((x) => x[0] === 'detect.name-mentions');
    expect(mention).toEqual(['detect.name-mentions', 'the name "noon KSA stock" mentions noon', 'الاسم "noon KSA stock" يذكر noon']);
    const lead = readReport({ source: 'Sheet1', grid: [['seller-sku', 'fulfillment-channel-sku', 'condition-type', 'warehouse-condition-code', 'quantity available', 'master sku', 'on hand', 'warehouse'], ['A', 'X0', 'New', 'SELLABLE', 3, 'A', 1, 'RUH']] }, { asOf: NOW });
    expect(lead.kind).toBe('amazon-inventory');
    expect(said(lead.detection?.why)[1]).toEqual([
      'detect.distinctive-lead',
      'it also has columns of the Own warehouse stock, but 5 columns only the Amazon Fulfilled Inventory has against 2',
      'فيه أيضًا أعمدة من Own warehouse stock، لكن فيه 5 من الأعمدة الخاصة بـ Amazon Fulfilled Inventory وحده مقابل 2',
    ]);
    const chosen = readReport({ source: 'x', grid: [['sku', 'available'], ['A', 1]] }, { asOf: NOW, kind: 'amazon-inventory-age' });
    expect(said(chosen.detection?.why)).toEqual([
      ['detect.by-user', 'chosen by the user (the header matches 38% of the Amazon FBA Inventory (age and planning))', 'اختاره المستخدم (صف العناوين يطابق 38% من Amazon FBA Inventory (age and planning))'],
    ]);
    const bogus = readReport({ source: 'x', grid: [['sku', 'available'], ['A', 1]] }, { asOf: NOW, kind: 'bogus' as never });
    expect(said(bogus.detection?.why)).toEqual([['detect.unknown-kind', '"bogus" is not a report kind Lumive knows', '"bogus" ليس نوع تقرير يعرفه لوميف']]);
  });
});
