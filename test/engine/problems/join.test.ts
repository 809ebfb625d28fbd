/**
 * The codes of joining reports into positions (src/engine/problems/join.ts): each found by the importer
 * on real input (the mapping, unmapped and duplicate SKUs, the reports attached to positions, reports and
 * rows given twice, a report's channel, reports set aside) or by the History sheet's reader, its code,
 * and its message in English (as Data Issues showed it before the codes) and in Arabic.
 */
import { importSources, type SourceAssignment } from '../../../src/engine/ingest/import';
import type { ImportIssue, RawCell, SourceGrid } from '../../../src/engine/ingest/types';
import { KINDS } from '../../../src/engine/ingest/kinds';
import { HISTORY_HEADER, readHistory } from '../../../src/engine/history/history';
import { rowName, setAsideNoteAr, type RowName } from '../../../src/engine/problems/join';
import { problemOf, say, sayIssue } from '../../../src/engine';
import * as F from '../../fixtures/reports';
import * as M from '../../fixtures/marketplace-reports';

const NOW = Date.UTC(2026, 10, 1);
const run = (sources: SourceGrid[], assignments?: Record<string, SourceAssignment>) => importSources(sources, { asOf: NOW, assignments });
/** An issue as its code, severity and message in both languages. */
const told = (i: ImportIssue | undefined) => {
  if (!i) throw new Error('no such issue');
  return [i.code, i.severity, i.reason, sayIssue(i, 'ar')];
};

describe('the mapping and the join', () => {
  const r = run([
    { source: 'Mapping', grid: F.MAPPING },
    { source: 'Amazon KSA inventory', grid: F.MYI_KSA },
  ]);
  const at = (value: string) => r.issues.find((i) => i.value === value && i.column === 'SKU');

  it('join.unmapped-sku names the suggestion and why: join.suggest-same-title, join.suggest-similar-sku', () => {
    expect(told(at('AMZ-NEW-9'))).toEqual([
      'join.unmapped-sku',
      'warning',
      'SKU AMZ-NEW-9 is not in the mapping: analyzed on its own; perhaps MUG-02 (same title)',
      'SKU AMZ-NEW-9 غير موجود في Mapping: حُلِّل وحده؛ ربما MUG-02 (العنوان نفسه)',
    ]);
    expect((at('AMZ-NEW-9')?.args?.why as { code: string }).code).toBe('join.suggest-same-title');
    expect(told(at('AMZ-BAG-1'))).toEqual([
      'join.unmapped-sku',
      'warning',
      'SKU AMZ-BAG-1 is not in the mapping: analyzed on its own; perhaps BAG-01 (similar SKU AMZ-BAG-01)',
      'SKU AMZ-BAG-1 غير موجود في Mapping: حُلِّل وحده؛ ربما BAG-01 (SKU مشابه AMZ-BAG-01)',
    ]);
    expect((at('AMZ-BAG-1')?.args?.why as { code: string }).code).toBe('join.suggest-similar-sku');
    // The position keeps the suggestion with its reason in English (the Mapping sheet's note).
    expect(r.positions.find((p) => p.masterSku === 'AMZ-BAG-1')?.suggestion).toEqual({ masterSku: 'BAG-01', reason: 'similar SKU AMZ-BAG-01' });
  });

  it('join.suggest-similar-sku without a candidate: the Master SKU itself is the similar one', () => {
    expect(say(problemOf('join.suggest-similar-sku', { candidate: null }))).toBe('similar SKU');
    expect(say(problemOf('join.suggest-similar-sku', { candidate: null }), 'ar')).toBe('SKU مشابه');
    const noSuggestion = problemOf('join.unmapped-sku', { sku: 'X-1', master: null, why: null });
    expect([say(noSuggestion), say(noSuggestion, 'ar')]).toEqual(['SKU X-1 is not in the mapping: analyzed on its own', 'SKU X-1 غير موجود في Mapping: حُلِّل وحده']);
  });

  it('join.suggest-same-asin: an Amazon report assigned to noon UAE is not joined by ASIN, only suggested', () => {
    const noon = run(
      [
        { source: 'Mapping', grid: F.MAPPING },
        { source: 'stock', grid: F.MYI_KSA },
      ],
      { stock: { channel: 'noon-uae' } },
    );
    const red = noon.issues.find((i) => i.value === 'AMZ-MUG-RED');
    expect(told(red)).toEqual([
      'join.unmapped-sku',
      'warning',
      'SKU AMZ-MUG-RED is not in the mapping: analyzed on its own; perhaps MUG-02 (same ASIN B0MUG00002)',
      'SKU AMZ-MUG-RED غير موجود في Mapping: حُلِّل وحده؛ ربما MUG-02 (ASIN مطابق B0MUG00002)',
    ]);
    expect((red?.args?.why as { code: string }).code).toBe('join.suggest-same-asin');
    const decision = noon.sources.find((s) => s.source === 'stock')!.channelDecision!;
    expect([decision.problem.code, decision.reason, say(decision.problem, 'ar')]).toEqual(['channel.by-user', 'assigned by the user', 'حدّدها المستخدم']);
  });

  it('join.duplicate-sku: a second row of one SKU in a report of one row per SKU', () => {
    const dup = r.issues.find((i) => i.code === 'join.duplicate-sku');
    expect(dup).toMatchObject({ source: 'Amazon KSA inventory', row: 11, column: 'SKU', value: 'AMZ-BAG-01', dropped: false });
    expect(told(dup)).toEqual(['join.duplicate-sku', 'warning', 'Duplicate SKU AMZ-BAG-01 (first at row 4): quantities summed', 'SKU مكرر AMZ-BAG-01 (أول ظهور له في الصف 4): جُمعت الكميات']);
  });

  it('join.sku-already-mapped: a channel SKU the mapping gives two Master SKUs keeps the first', () => {
    const mapping = [
      ['Master SKU', 'Amazon KSA SKU', 'Title', 'Cost Price'],
      ['LAMP-01', 'AMZ-LAMP', 'Desk lamp', '40'],
      ['LAMP-02', 'AMZ-LAMP', 'Desk lamp, large', '55'],
    ];
    const issue = run([{ source: 'Mapping', grid: mapping }]).issues.find((i) => i.code === 'join.sku-already-mapped');
    expect(issue).toMatchObject({ source: 'Mapping', row: 3, column: 'Amazon KSA SKU', value: 'AMZ-LAMP' });
    expect(told(issue)).toEqual([
      'join.sku-already-mapped',
      'warning',
      "Amazon KSA SKU AMZ-LAMP is already mapped to LAMP-01; this row's LAMP-02 is ignored for it",
      'SKU AMZ-LAMP في Amazon KSA مربوط من قبل بـ LAMP-01؛ ولا يُعتمد له LAMP-02 الوارد في هذا الصف',
    ]);
  });

  it('join.unknown-inventory-type: a noon inventory type noon does not document, once with its units', () => {
    const fbn = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 2, 'mystery_bucket', 'NOON-BAG-01', 'N1'), M.fbnRow('RUH01S', 3, 'mystery_bucket', 'NOON-BAG-01', 'N1')];
    const issue = run([
      { source: 'Mapping', grid: F.MAPPING },
      { source: 'fbn.csv', grid: fbn },
    ]).issues.find((i) => i.code === 'join.unknown-inventory-type');
    expect(issue).toMatchObject({ source: 'fbn.csv', row: 2, column: 'inventory_type', value: 'mystery_bucket' });
    expect(told(issue)).toEqual([
      'join.unknown-inventory-type',
      'warning',
      'Inventory type "mystery_bucket" is not one noon documents: its 5 units are counted as not available',
      'نوع المخزون "mystery_bucket" ليس من الأنواع التي يوثّقها noon: حُسبت وحداته (5) غير متاحة',
    ]);
  });

  it('join.views-covered-by-export: Product views & sales days the sales export already counts', () => {
    const mapping = [
      ['Master SKU', 'noon KSA SKU', 'Cost Price'],
      ['PEN-2', 'LMV-PEN-2', '4'],
    ];
    const views = [M.NOON_VIEWS_SALES_HEADER, M.viewsRow('2026-05-04', 'LMV-PEN-2', '10', '3', '2', '1', '56.4'), M.viewsRow('2026-05-09', 'LMV-PEN-2', '20', '5', '4', '1', '48')];
    const sales = [
      F.NOON_SALES_KSA[0],
      ['300112', 'SA', 'SA', 'SA', '', 'NSA9-1', 'LMV-PEN-2', 'ZPEN-1', 'Delivered', '28.2', '28.2', 'SAR', 'l', 'stationery', 'FBN', '2026-05-04 10:00:00', '', ''],
    ];
    const note = run([
      { source: 'Mapping', grid: mapping },
      { source: 'views.csv', grid: views },
      { source: 'sales.csv', grid: sales },
    ]).issues.find((i) => i.code === 'join.views-covered-by-export');
    expect(note).toMatchObject({ source: 'views.csv', row: null, dropped: false });
    expect(told(note)).toEqual([
      'join.views-covered-by-export',
      'info',
      'noon KSA units from 2026-05-04 to 2026-05-04 are counted from the noon sales export; the 1 rows of Product views & sales for those days are not counted again (their visitors are kept), its 1 rows of other days are',
      'وحدات noon KSA من 2026-05-04 إلى 2026-05-04 محسوبة من تصدير مبيعات noon؛ صفوف Product views & sales لتلك الأيام (1) لا تُحسب مرة أخرى (يُحتفظ بزوّارها)، أما صفوفه لأيام أخرى (1) فتُحسب',
    ]);
  });
});

describe('reports attached to positions: the Inventory Ledger', () => {
  const INVENTORY = [M.MANAGE_FBA_INVENTORY_HEADER, ['AMZ-MUG-3', 'X0MUG3', 'B0MUG00003', 'Mug', 'New', '59', 'No', '0', 'Yes', '30', '25', '0', '5', '30', '0.1', '0', '0', '0', '0', '0', '0']];
  const MAPPING = [
    ['Master SKU', 'Amazon KSA SKU', 'ASIN', 'Cost Price'],
    ['MUG-3', 'AMZ-MUG-3', 'B0MUG00003', '20'],
  ];
  const SUMMARY = [
    M.LEDGER_SUMMARY_HEADER,
    M.ledgerSummaryRow('05/07/2026', 'X0MUG3', 'AMZ-MUG-3', 'SELLABLE', 7, 20, -2, 1, -1, 25),
    M.ledgerSummaryRow('05/07/2026', 'X0MUG3', 'AMZ-MUG-3', 'CUSTOMER_DAMAGED', 0, 0, 0, 1, 0, 1),
    M.ledgerSummaryRow('05/07/2026', 'X0OTHER', 'AMZ-OTHER', 'SELLABLE', 1, 0, 0, 0, 0, 1),
  ];
  const DETAIL = [M.LEDGER_DETAIL_HEADER_14, ['05/06/2026', 'X0MUG3', 'B0MUG00003', 'AMZ-MUG-3', 'Mug', 'Shipments', 'REF', '-1', 'RUH1', 'SELLABLE', '', 'SA', '0', '-1']];
  const r = run([
    { source: 'Mapping', grid: MAPPING },
    { source: 'Amazon KSA inventory.txt', grid: INVENTORY },
    { source: 'Amazon KSA ledger summary.txt', grid: SUMMARY },
    { source: 'ledger detail KSA.txt', grid: DETAIL },
  ]);

  it('join.not-sellable-rows and join.rows-without-position on the summary', () => {
    const notes = r.issues.filter((i) => i.source === 'Amazon KSA ledger summary.txt');
    expect(notes.map(told)).toEqual([
      [
        'join.not-sellable-rows',
        'info',
        '1 rows of units that are not sellable (damaged, defective …) are not part of the sellable balance',
        '1 من الصفوف لوحدات غير قابلة للبيع (تالفة، معيبة …) ليست جزءًا من الرصيد القابل للبيع',
      ],
      [
        'join.rows-without-position',
        'warning',
        '1 rows for 1 SKUs with no stock or sales row on Amazon KSA are kept out of the analysis: AMZ-OTHER',
        '1 من الصفوف تخص 1 من SKU بلا صف مخزون أو مبيعات في Amazon KSA، فبقيت خارج التحليل: AMZ-OTHER',
      ],
    ]);
  });

  it('join.ledger-detail-not-used: the detail is set aside when the summary gives the same days', () => {
    expect(told(r.issues.find((i) => i.source === 'ledger detail KSA.txt'))).toEqual([
      'join.ledger-detail-not-used',
      'info',
      'Not used: the Inventory Ledger summary of Amazon KSA gives the same days with their balances',
      'لم يُستخدم: ملخص Inventory Ledger لـ Amazon KSA يعطي الأيام نفسها مع أرصدتها',
    ]);
  });

  it('join.rows-without-position lists five SKUs, then "…"', () => {
    const p = problemOf('join.rows-without-position', { rows: 9, count: 7, channel: 'noon UAE', skus: ['A', 'B', 'C', 'D', 'E'] });
    expect(say(p)).toBe('9 rows for 7 SKUs with no stock or sales row on noon UAE are kept out of the analysis: A, B, C, D, E …');
    expect(say(p, 'ar')).toBe('9 من الصفوف تخص 7 من SKU بلا صف مخزون أو مبيعات في noon UAE، فبقيت خارج التحليل: A, B, C, D, E …');
  });
});

describe('reports and rows given twice', () => {
  it('repeat.same-content: a stock report saved again', () => {
    const r = run([
      { source: 'amazon_ksa_inventory.txt', grid: F.MYI_KSA },
      { source: 'amazon_ksa_inventory (1).txt', grid: F.MYI_KSA },
    ]);
    const issue = r.sources[1].issues[0];
    expect(issue).toMatchObject({ row: null, dropped: true });
    expect(told(issue)).toEqual(['repeat.same-content', 'error', 'Same content as amazon_ksa_inventory.txt: not counted again', 'محتواه مطابق لـ amazon_ksa_inventory.txt: لم يُحسب مرة أخرى']);
  });

  it('repeat.all-rows: a sales export given twice', () => {
    const r = run([
      { source: 'noon sales.csv', grid: F.NOON_SALES_KSA },
      { source: 'noon sales (1).csv', grid: F.NOON_SALES_KSA },
    ]);
    expect(told(r.sources[1].issues[0])).toEqual([
      'repeat.all-rows',
      'error',
      'Every row repeats noon sales.csv (the same noon sales export rows): not counted again',
      'كل صفوف التقرير مكررة من noon sales.csv (صفوف noon sales export نفسها): لم تُحسب مرة أخرى',
    ]);
  });

  it('repeat.row: each row two exports share is named and counted once', () => {
    const header = F.NOON_SALES_KSA[0];
    const row = (item: string, day: string) => ['1', 'SA', 'SA', 'SA', '', item, 'NOON-BAG-01', 'ZBAG-1', 'Delivered', '95', '95', 'SAR', 'b', 'bags', 'FBN', `2026-10-${day} 10:00:00`, '', ''];
    const r = run([
      { source: 'noon A.csv', grid: [header, row('NSA1-1', '01'), row('NSA2-1', '05')] },
      { source: 'noon B.csv', grid: [header, row('NSA2-1', '05'), row('NSA4-1', '20')] },
    ]);
    const issue = r.sources[1].issues[0];
    expect(issue).toMatchObject({ row: 2, column: null, value: 'item NSA2-1', dropped: true });
    expect(told(issue)).toEqual(['repeat.row', 'error', 'item NSA2-1 was already counted from noon A.csv (row 3): not counted again', 'سبق أن حُسب البند NSA2-1 من noon A.csv (الصف 3): لم يُحسب مرة أخرى']);
  });

  it('repeat.snapshot-clash: two stock snapshots of one channel sharing SKUs, the later one used', () => {
    const june = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 7, 'saleable', 'NOON-BAG-01', 'N1', '', '2026-06-17, 09:37:08')];
    const july = [M.NOON_FBN_INVENTORY_HEADER, M.fbnRow('RUH01S', 3, 'saleable', 'NOON-BAG-01', 'N1', '', '2026-07-17, 09:37:08')];
    const r = run([
      { source: 'fbn july.csv', grid: july },
      { source: 'fbn june.csv', grid: june },
    ]);
    expect(told(r.sources.find((s) => s.source === 'fbn june.csv')!.issues[0])).toEqual([
      'repeat.snapshot-clash',
      'error',
      'fbn july.csv and fbn june.csv are both noon FBN inventory of noon KSA and share 1 SKUs: the same stock would count twice, so only one is used; fbn july.csv is the later snapshot (2026-07-17)',
      'fbn july.csv وfbn june.csv كلاهما noon FBN inventory لـ noon KSA ويشتركان في 1 من SKU: سيُحسب المخزون نفسه مرتين، لذا يُستخدم أحدهما فقط؛ fbn july.csv هو اللقطة الأحدث (2026-07-17)',
    ]);
    const undated = problemOf('repeat.snapshot-clash', { used: 'a.csv', aside: 'b.csv', label: 'noon FBN inventory', channel: null, shared: 2, later: null });
    expect(say(undated)).toBe('a.csv and b.csv are both noon FBN inventory of one channel and share 2 SKUs: the same stock would count twice, so only one is used; a.csv was given first');
    expect(say(undated, 'ar')).toBe('a.csv وb.csv كلاهما noon FBN inventory لـ قناة واحدة ويشتركان في 2 من SKU: سيُحسب المخزون نفسه مرتين، لذا يُستخدم أحدهما فقط؛ a.csv أُضيف أولًا');
  });

  it('names each kind of repeated row in both languages', () => {
    const names: [RowName, string, string][] = [
      [{ event: 'order', orderId: '171-1', sku: 'A' }, 'order 171-1, SKU A', 'الطلب 171-1، SKU A'],
      [{ event: 'item', item: 'NSA1-1' }, 'item NSA1-1', 'البند NSA1-1'],
      [{ event: 'sku-day', sku: 'A', day: '2026-05-04' }, 'SKU A on 2026-05-04', 'SKU A بتاريخ 2026-05-04'],
      [{ event: 'return', sku: 'A', orderId: '171-1', day: '2026-05-04' }, 'return of SKU A on order 171-1 on 2026-05-04', 'إرجاع SKU A من الطلب 171-1 بتاريخ 2026-05-04'],
      [{ event: 'return', sku: 'A', orderId: '', day: '2026-05-04' }, 'return of SKU A on 2026-05-04', 'إرجاع SKU A بتاريخ 2026-05-04'],
      [{ event: 'ledger', eventType: 'Shipments', sku: 'A', day: '2026-05-04' }, 'Shipments of SKU A on 2026-05-04', 'الحدث Shipments لـ SKU A بتاريخ 2026-05-04'],
      [{ event: 'po', po: 'PO-7' }, 'PO PO-7', 'أمر الشراء PO-7'],
    ];
    for (const [name, en, ar] of names) expect([rowName(name), rowName(name, 'ar')]).toEqual([en, ar]);
  });
});

describe('a report’s channel', () => {
  const decision = (sources: SourceGrid[], source: string, assignments?: Record<string, SourceAssignment>) => run(sources, assignments).sources.find((s) => s.source === source)!;

  it('channel.from-column: the country column of a sales export', () => {
    const d = decision([{ source: 'noon sales', grid: F.NOON_SALES_KSA }], 'noon sales').channelDecision!;
    expect([d.problem.code, d.reason, say(d.problem, 'ar')]).toEqual(['channel.from-column', 'the country column says KSA in 5 of 5 rows', 'العمود country يذكر KSA في 5 من الصفوف البالغ عددها 5']);
    const mixed = problemOf('channel.from-column', { field: 'marketplace', country: 'UAE', n: 8, rows: 10, other: 2 });
    expect(say(mixed)).toBe('the marketplace column says UAE in 8 of 10 rows (2 rows name the other country and keep it)');
    expect(say(mixed, 'ar')).toBe('العمود marketplace يذكر UAE في 8 من الصفوف البالغ عددها 10 (2 من الصفوف تذكر البلد الآخر وتبقى له)');
  });

  it('channel.from-name: a stock sheet without a country column', () => {
    const d = decision([{ source: 'noon KSA stock', grid: F.NOON_STOCK }], 'noon KSA stock').channelDecision!;
    expect([d.problem.code, d.reason, say(d.problem, 'ar')]).toEqual(['channel.from-name', 'the name "noon KSA stock" says KSA', 'الاسم "noon KSA stock" يذكر KSA']);
  });

  it('channel.none in channel.unknown: no column and no name to tell; the rows wait for the user', () => {
    const s = decision([{ source: 'noon stock', grid: F.NOON_STOCK }], 'noon stock');
    expect(s.channelDecision!.problem.code).toBe('channel.none');
    expect(s.issues[0]).toMatchObject({ row: null, dropped: true, args: { why: s.channelDecision!.problem } });
    expect(told(s.issues[0])).toEqual([
      'channel.unknown',
      'error',
      'Channel unknown: no country, currency or sales-channel column and no country in the name "noon stock": choose the channel',
      'القناة غير معروفة: لا يوجد عمود بلد أو عملة أو قناة بيع، ولا بلد في الاسم "noon stock": اختر القناة',
    ]);
  });

  it('channel.unknown-id: a channel id the user gave that is no channel', () => {
    const s = decision([{ source: 'noon stock', grid: F.NOON_STOCK }], 'noon stock', { 'noon stock': { channel: 'noon-egypt' } });
    expect(told(s.issues[0])).toEqual(['channel.unknown', 'error', 'Channel unknown: unknown channel "noon-egypt"', 'القناة غير معروفة: قناة غير معروفة "noon-egypt"']);
    expect(s.channelDecision!.problem.code).toBe('channel.unknown-id');
  });

  it('channel.not-channel-report: the mapping belongs to no channel', () => {
    const d = decision([{ source: 'Mapping', grid: F.MAPPING }], 'Mapping').channelDecision!;
    expect([d.problem.code, d.reason, say(d.problem, 'ar')]).toEqual(['channel.not-channel-report', 'not a channel report', 'ليس تقرير قناة']);
  });
});

describe('reports set aside', () => {
  it('import.set-aside: a goods received note is neither sales nor stock, one line for its rows', () => {
    const grn = [
      ['GRN Number', 'ASN Number', 'GRN Date', 'partner_sku', 'Title', 'Expected Qty', 'Received Qty', 'Damaged Qty'],
      ['GRN-77', 'ASN-12', '2026-05-01', 'LMV-CARDS-1', 'Cards', '50', '48', '2'],
    ];
    const s = run([{ source: 'noon KSA GRN.csv', grid: grn }]).sources[0];
    expect(s.issues).toHaveLength(1);
    expect(told(s.issues[0])).toEqual([
      'import.set-aside',
      'error',
      'Received inventory / GRN: not used by the analysis (units received into a warehouse are a delivery, not sales, and not a stock count); its 1 rows count as neither sales nor stock',
      'Received inventory / GRN: لا يستخدمه التحليل (الوحدات المستلمة في مستودع توريدٌ، وليست مبيعات ولا جردًا للمخزون)؛ لا تُحسب صفوفه (1) مبيعات ولا مخزونًا',
    ]);
  });

  it('says the note of every set-aside kind in Arabic', () => {
    const setAside = KINDS.filter((k) => k.use === 'set-aside');
    expect(setAside.length).toBeGreaterThan(0);
    for (const k of setAside) expect(setAsideNoteAr(k.kind, k.variant ?? null, k.note ?? '')).not.toBe(k.note);
    expect(setAsideNoteAr('catalog', 'noon', 'x')).toBe('تصدير الكتالوج أو الأسعار يصف المنتجات والأسعار، لا المبيعات ولا مخزون FBN');
  });
});

describe('the History sheet', () => {
  const GOOD: RawCell[] = ['2026-10-31', '2026-10', 'Snapshot', 'A', 'Amazon KSA', 10, 0, 30, 300, 'SAR', 1, 10, 100, 10];
  const withCell = (column: (typeof HISTORY_HEADER)[number], value: RawCell): RawCell[] => GOOD.map((c, i) => (HISTORY_HEADER[i] === column ? value : c));
  const issuesOf = (rows: RawCell[][]) => readHistory([{ name: 'Lumive History', grid: [[...HISTORY_HEADER], ...rows] }]).issues;

  it('finds each bad value and says it in both languages; the row is left out', () => {
    const issues = issuesOf([
      withCell('Date', '2026-13-01'),
      withCell('Date', null),
      withCell('Period', 'Oct'),
      withCell('Source', 'Manual'),
      withCell('Master SKU', ''),
      withCell('Channel', 'Amazon US'),
      withCell('Sold', 'abc'),
      withCell('Available', -5),
    ]);
    expect(issues.map(told)).toEqual([
      ['history.bad-date', 'error', '"2026-13-01" is not a date: there is no month 13: history row left out', '"2026-13-01" ليس تاريخًا: لا يوجد شهر 13: استُبعد صف السجل'],
      ['history.date-blank', 'error', 'Date is blank: history row left out', 'Date فارغ: استُبعد صف السجل'],
      ['history.bad-period', 'error', 'Period must be a month such as 2026-10: history row left out', 'يجب أن تكون قيمة Period شهرًا مثل 2026-10: استُبعد صف السجل'],
      ['history.bad-source', 'error', 'Source must be Snapshot or Sales report: history row left out', 'يجب أن تكون قيمة Source إما Snapshot أو Sales report: استُبعد صف السجل'],
      ['history.sku-blank', 'error', 'Master SKU is blank: history row left out', 'Master SKU فارغ: استُبعد صف السجل'],
      [
        'history.bad-channel',
        'error',
        'Channel must be one of Amazon KSA, Amazon UAE, noon KSA, noon UAE: history row left out',
        'يجب أن تكون قيمة Channel واحدة من Amazon KSA, Amazon UAE, noon KSA, noon UAE: استُبعد صف السجل',
      ],
      ['history.not-a-number', 'error', 'Sold is not a number ("abc" is not a number): history row left out', 'Sold ليس رقمًا ("abc" ليس رقمًا): استُبعد صف السجل'],
      ['history.negative', 'error', 'Available is negative: history row left out', 'Available سالب: استُبعد صف السجل'],
    ]);
    expect(issues.every((i) => i.dropped)).toBe(true);
  });

  it('history.other-currency: another currency code is read as the channel’s, the row kept', () => {
    expect(issuesOf([withCell('Currency', 'USD')]).map(told)).toEqual([
      ['history.other-currency', 'warning', "Currency USD is not Amazon KSA's (SAR): read as SAR", 'العملة USD ليست عملة Amazon KSA (SAR): قُرئت SAR'],
    ]);
  });

  it('history.missing-columns: a sheet without the columns a row needs is not read', () => {
    const header = HISTORY_HEADER.filter((h) => h !== 'Date' && h !== 'Channel');
    const issues = readHistory([{ name: 'Old', grid: [header, GOOD.slice(1)] }]).issues;
    expect(issues.map(told)).toEqual([
      ['history.missing-columns', 'error', 'History sheet has no Date, Channel column: its 1 rows were not read', 'ورقة السجل (History) ليس فيها العمود Date, Channel: لم تُقرأ صفوفها (1)'],
    ]);
  });
});
