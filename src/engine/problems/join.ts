/**
 * The problem table's rows for joining report rows into positions (problems/index.ts joins the tables):
 * stock quantities, the mapping, duplicate and unmapped SKUs, the reports attached to positions, the
 * reports and rows one report repeats from another (ingest/repeats.ts), a report's channel
 * (ingest/channel.ts: the decision's explanation, and the issue when none is found), reports set aside
 * (ingest/import.ts), and the History sheet's rows (history/history.ts).
 */
import { message, type MessageDef, type MessageLang, type NoArgs, type Problem } from './types';

/**
 * How a repeated event row is named: its order and SKU, noon's item, a SKU on a day, a return, a ledger
 * event, a PO. Texts are as the report gives them; days "YYYY-MM-DD"; `orderId` '' when a return names none.
 */
export type RowName =
  | { readonly event: 'order'; readonly orderId: string; readonly sku: string }
  | { readonly event: 'item'; readonly item: string }
  | { readonly event: 'sku-day'; readonly sku: string; readonly day: string }
  | { readonly event: 'return'; readonly sku: string; readonly orderId: string; readonly day: string }
  | { readonly event: 'ledger'; readonly eventType: string; readonly sku: string; readonly day: string }
  | { readonly event: 'po'; readonly po: string };

/** A repeated row's name in the language asked for (in English it is also the issue's value). */
export function rowName(a: RowName, lang: MessageLang = 'en'): string {
  const en = lang === 'en';
  switch (a.event) {
    case 'order':
      return en ? `order ${a.orderId}, SKU ${a.sku}` : `الطلب ${a.orderId}، SKU ${a.sku}`;
    case 'item':
      return en ? `item ${a.item}` : `البند ${a.item}`;
    case 'sku-day':
      return en ? `SKU ${a.sku} on ${a.day}` : `SKU ${a.sku} بتاريخ ${a.day}`;
    case 'return':
      return en ? `return of SKU ${a.sku}${a.orderId ? ` on order ${a.orderId}` : ''} on ${a.day}` : `إرجاع SKU ${a.sku}${a.orderId ? ` من الطلب ${a.orderId}` : ''} بتاريخ ${a.day}`;
    case 'ledger':
      return en ? `${a.eventType} of SKU ${a.sku} on ${a.day}` : `الحدث ${a.eventType} لـ SKU ${a.sku} بتاريخ ${a.day}`;
    case 'po':
      return en ? `PO ${a.po}` : `أمر الشراء ${a.po}`;
  }
}

/**
 * What a set-aside report kind is (ingest/kinds.ts, `note`), in Arabic: by kind, or by kind and variant
 * where the variant's note differs. A kind without one here is said with its English note.
 */
const SET_ASIDE_NOTES_AR: Readonly<Record<string, string>> = {
  'amazon-removal-orders': 'الوحدات التي طلبت من Amazon إرجاعها أو التخلص منها ليست مبيعات',
  'amazon-removal-shipments': 'الوحدات التي شُحنت إليك أو تم التخلص منها ليست مبيعات',
  'amazon-reimbursements': 'المبالغ أو الوحدات التي عوّضتك بها Amazon عن مخزون مفقود أو تالف ليست مبيعات ولا مخزونًا',
  received: 'الوحدات المستلمة في مستودع توريدٌ، وليست مبيعات ولا جردًا للمخزون',
  catalog: 'تصدير القوائم يصف المنتجات والأسعار، لا المبيعات ولا مخزون FBA',
  'catalog/noon': 'تصدير الكتالوج أو الأسعار يصف المنتجات والأسعار، لا المبيعات ولا مخزون FBN',
  'amazon-finance': 'المدفوعات والرسوم والمبالغ المستردة حركات مالية؛ أما المبيعات فمن تقارير المبيعات',
  'amazon-advertising': 'الوحدات المنسوبة إلى الإعلانات تحسبها تقارير المبيعات أصلًا',
};

/** The Arabic note of a set-aside kind (SET_ASIDE_NOTES_AR), else its English one. */
export function setAsideNoteAr(kind: string, variant: string | null, note: string): string {
  return (variant !== null ? SET_ASIDE_NOTES_AR[`${kind}/${variant}`] : undefined) ?? SET_ASIDE_NOTES_AR[kind] ?? note;
}

const LEFT_OUT = ': history row left out';
const LEFT_OUT_AR = ': استُبعد صف السجل';

export const JOIN_MESSAGES = {
  'stock.negative': message<{ what: 'stock' | 'returned'; n: number }>(
    'warning',
    (a) => `Negative ${a.what} quantity ${a.n} counted as 0`,
    (a) => `كمية ${a.what === 'stock' ? 'مخزون' : 'مرتجعات'} سالبة (${a.n}): حُسبت 0`,
  ),

  // The mapping and the join (ingest/join-mapping.ts, join.ts, join-attached.ts).
  'join.sku-already-mapped': message<{ channel: string; sku: string; prev: string; master: string }>(
    'warning',
    (a) => `${a.channel} SKU ${a.sku} is already mapped to ${a.prev}; this row's ${a.master} is ignored for it`,
    (a) => `SKU ${a.sku} في ${a.channel} مربوط من قبل بـ ${a.prev}؛ ولا يُعتمد له ${a.master} الوارد في هذا الصف`,
  ),
  'join.unmapped-sku': message<{ sku: string; master: string | null; why: Problem | null }>(
    'warning',
    (a, say) => `SKU ${a.sku} is not in the mapping: analyzed on its own${a.master !== null && a.why !== null ? `; perhaps ${a.master} (${say(a.why)})` : ''}`,
    (a, say) => `SKU ${a.sku} غير موجود في Mapping: حُلِّل وحده${a.master !== null && a.why !== null ? `؛ ربما ${a.master} (${say(a.why)})` : ''}`,
  ),
  // Why a Master SKU is suggested for an unmapped SKU (MappingSuggestion.reason; named by join.unmapped-sku).
  'join.suggest-same-asin': message<{ asin: string }>('info', (a) => `same ASIN ${a.asin}`, (a) => `ASIN مطابق ${a.asin}`),
  'join.suggest-same-title': message<NoArgs>('info', () => 'same title', () => 'العنوان نفسه'),
  'join.suggest-similar-sku': message<{ candidate: string | null }>(
    'info',
    (a) => `similar SKU${a.candidate !== null ? ` ${a.candidate}` : ''}`,
    (a) => `SKU مشابه${a.candidate !== null ? ` ${a.candidate}` : ''}`,
  ),
  'join.duplicate-sku': message<{ sku: string; first: number }>(
    'warning',
    (a) => `Duplicate SKU ${a.sku} (first at row ${a.first}): quantities summed`,
    (a) => `SKU مكرر ${a.sku} (أول ظهور له في الصف ${a.first}): جُمعت الكميات`,
  ),
  'join.unknown-inventory-type': message<{ type: string; units: number }>(
    'warning',
    (a) => `Inventory type "${a.type}" is not one noon documents: its ${a.units} units are counted as not available`,
    (a) => `نوع المخزون "${a.type}" ليس من الأنواع التي يوثّقها noon: حُسبت وحداته (${a.units}) غير متاحة`,
  ),
  'join.views-covered-by-export': message<{ channel: string; from: string; to: string; covered: number; counted: number }>(
    'info',
    (a) =>
      `${a.channel} units from ${a.from} to ${a.to} are counted from the noon sales export; the ${a.covered} rows of Product views & sales for those days are not counted again (their visitors are kept)${a.counted ? `, its ${a.counted} rows of other days are` : ''}`,
    (a) =>
      `وحدات ${a.channel} من ${a.from} إلى ${a.to} محسوبة من تصدير مبيعات noon؛ صفوف Product views & sales لتلك الأيام (${a.covered}) لا تُحسب مرة أخرى (يُحتفظ بزوّارها)${a.counted ? `، أما صفوفه لأيام أخرى (${a.counted}) فتُحسب` : ''}`,
  ),
  'join.ledger-detail-not-used': message<{ channel: string }>(
    'info',
    (a) => `Not used: the Inventory Ledger summary of ${a.channel} gives the same days with their balances`,
    (a) => `لم يُستخدم: ملخص Inventory Ledger لـ ${a.channel} يعطي الأيام نفسها مع أرصدتها`,
  ),
  'join.not-sellable-rows': message<{ n: number }>(
    'info',
    (a) => `${a.n} rows of units that are not sellable (damaged, defective …) are not part of the sellable balance`,
    (a) => `${a.n} من الصفوف لوحدات غير قابلة للبيع (تالفة، معيبة …) ليست جزءًا من الرصيد القابل للبيع`,
  ),
  'join.rows-without-position': message<{ rows: number; count: number; channel: string; skus: readonly string[] }>(
    'warning',
    (a) => `${a.rows} rows for ${a.count} SKUs with no stock or sales row on ${a.channel} are kept out of the analysis: ${a.skus.join(', ')}${a.count > a.skus.length ? ' …' : ''}`,
    (a) => `${a.rows} من الصفوف تخص ${a.count} من SKU بلا صف مخزون أو مبيعات في ${a.channel}، فبقيت خارج التحليل: ${a.skus.join(', ')}${a.count > a.skus.length ? ' …' : ''}`,
  ),

  // Reports and rows given twice (ingest/repeats.ts).
  'repeat.all-rows': message<{ others: readonly string[]; label: string }>(
    'warning',
    (a) => `Every row repeats ${a.others.join(', ')} (the same ${a.label} rows): not counted again`,
    (a) => `كل صفوف التقرير مكررة من ${a.others.join(', ')} (صفوف ${a.label} نفسها): لم تُحسب مرة أخرى`,
  ),
  'repeat.row': message<RowName & { source: string; row: number }>(
    'warning',
    (a) => `${rowName(a)} was already counted from ${a.source} (row ${a.row}): not counted again`,
    (a) => `سبق أن حُسب ${rowName(a, 'ar')} من ${a.source} (الصف ${a.row}): لم يُحسب مرة أخرى`,
  ),
  'repeat.same-content': message<{ other: string }>(
    'warning',
    (a) => `Same content as ${a.other}: not counted again`,
    (a) => `محتواه مطابق لـ ${a.other}: لم يُحسب مرة أخرى`,
  ),
  'repeat.snapshot-clash': message<{ used: string; aside: string; label: string; channel: string | null; shared: number; later: string | null }>(
    'warning',
    (a) =>
      `${a.used} and ${a.aside} are both ${a.label} of ${a.channel ?? 'one channel'} and share ${a.shared} SKUs: the same stock would count twice, so only one is used; ${
        a.later !== null ? `${a.used} is the later snapshot (${a.later})` : `${a.used} was given first`
      }`,
    (a) =>
      `${a.used} و${a.aside} كلاهما ${a.label} لـ ${a.channel ?? 'قناة واحدة'} ويشتركان في ${a.shared} من SKU: سيُحسب المخزون نفسه مرتين، لذا يُستخدم أحدهما فقط؛ ${
        a.later !== null ? `${a.used} هو اللقطة الأحدث (${a.later})` : `${a.used} أُضيف أولًا`
      }`,
  ),

  // A report's channel (ingest/channel.ts): the decision's explanation, and the issue when there is none.
  'channel.by-user': message<NoArgs>('info', () => 'assigned by the user', () => 'حدّدها المستخدم'),
  'channel.unknown-id': message<{ id: string }>('info', (a) => `unknown channel "${a.id}"`, (a) => `قناة غير معروفة "${a.id}"`),
  'channel.not-channel-report': message<NoArgs>('info', () => 'not a channel report', () => 'ليس تقرير قناة'),
  'channel.from-column': message<{ field: string; country: string; n: number; rows: number; other: number }>(
    'info',
    (a) => `the ${a.field} column says ${a.country} in ${a.n} of ${a.rows} rows${a.other > 0 ? ` (${a.other} rows name the other country and keep it)` : ''}`,
    (a) => `العمود ${a.field} يذكر ${a.country} في ${a.n} من الصفوف البالغ عددها ${a.rows}${a.other > 0 ? ` (${a.other} من الصفوف تذكر البلد الآخر وتبقى له)` : ''}`,
  ),
  'channel.from-name': message<{ name: string; country: string }>('info', (a) => `the name "${a.name}" says ${a.country}`, (a) => `الاسم "${a.name}" يذكر ${a.country}`),
  'channel.none': message<{ name: string }>(
    'info',
    (a) => `no country, currency or sales-channel column and no country in the name "${a.name}": choose the channel`,
    (a) => `لا يوجد عمود بلد أو عملة أو قناة بيع، ولا بلد في الاسم "${a.name}": اختر القناة`,
  ),
  'channel.unknown': message<{ why: Problem }>('warning', (a, say) => `Channel unknown: ${say(a.why)}`, (a, say) => `القناة غير معروفة: ${say(a.why)}`),

  // A recognized report that is neither sales nor stock (ingest/import.ts).
  'import.set-aside': message<{ label: string; kind: string; variant: string | null; note: string; rows: number }>(
    'info',
    (a) => `${a.label}: not used by the analysis (${a.note}); its ${a.rows} rows count as neither sales nor stock`,
    (a) => `${a.label}: لا يستخدمه التحليل (${setAsideNoteAr(a.kind, a.variant, a.note)})؛ لا تُحسب صفوفه (${a.rows}) مبيعات ولا مخزونًا`,
  ),

  // The History sheet (history/history.ts): a row with a bad value is left out.
  'history.missing-columns': message<{ columns: readonly string[]; rows: number }>(
    'warning',
    (a) => `History sheet has no ${a.columns.join(', ')} column: its ${a.rows} rows were not read`,
    (a) => `ورقة السجل (History) ليس فيها العمود ${a.columns.join(', ')}: لم تُقرأ صفوفها (${a.rows})`,
  ),
  'history.date-blank': message<NoArgs>('warning', () => `Date is blank${LEFT_OUT}`, () => `Date فارغ${LEFT_OUT_AR}`),
  'history.bad-date': message<{ problem: Problem }>('warning', (a, say) => `${say(a.problem)}${LEFT_OUT}`, (a, say) => `${say(a.problem)}${LEFT_OUT_AR}`),
  'history.bad-period': message<NoArgs>('warning', () => `Period must be a month such as 2026-10${LEFT_OUT}`, () => `يجب أن تكون قيمة Period شهرًا مثل 2026-10${LEFT_OUT_AR}`),
  'history.bad-source': message<NoArgs>(
    'warning',
    () => `Source must be Snapshot or Sales report${LEFT_OUT}`,
    () => `يجب أن تكون قيمة Source إما Snapshot أو Sales report${LEFT_OUT_AR}`,
  ),
  'history.sku-blank': message<NoArgs>('warning', () => `Master SKU is blank${LEFT_OUT}`, () => `Master SKU فارغ${LEFT_OUT_AR}`),
  'history.bad-channel': message<{ channels: readonly string[] }>(
    'warning',
    (a) => `Channel must be one of ${a.channels.join(', ')}${LEFT_OUT}`,
    (a) => `يجب أن تكون قيمة Channel واحدة من ${a.channels.join(', ')}${LEFT_OUT_AR}`,
  ),
  'history.not-a-number': message<{ column: string; problem: Problem }>(
    'warning',
    (a, say) => `${a.column} is not a number (${say(a.problem)})${LEFT_OUT}`,
    (a, say) => `${a.column} ليس رقمًا (${say(a.problem)})${LEFT_OUT_AR}`,
  ),
  'history.negative': message<{ column: string }>('warning', (a) => `${a.column} is negative${LEFT_OUT}`, (a) => `${a.column} سالب${LEFT_OUT_AR}`),
  'history.other-currency': message<{ currency: string; channel: string; expected: string }>(
    'warning',
    (a) => `Currency ${a.currency} is not ${a.channel}'s (${a.expected}): read as ${a.expected}`,
    (a) => `العملة ${a.currency} ليست عملة ${a.channel} (${a.expected}): قُرئت ${a.expected}`,
  ),
} satisfies Record<string, MessageDef<never>>;
