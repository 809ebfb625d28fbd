/**
 * The problem table's rows for analysis (problems/index.ts joins the tables; codes are unique across them):
 * the notes the analysis adds to Data Issues (analyze.ts), the Supplier PO history rows the lead-time
 * statistics cannot use (metrics/lead-time.ts) and the open POs (recommend/on-order.ts).
 */
import { message, type MessageDef, type NoArgs } from './types';

/** What a PO row the lead-time statistics leave out is left out of (said after each reason, as Data Issues shows it). */
const LEAD = ': the PO is not used: not used for lead times';
const LEAD_AR = ': لا يُستخدم أمر الشراء في حساب مدة التوريد';

export const ANALYSIS_MESSAGES = {
  'analysis.no-sales-report': message<{ channel: string; n: number }>(
    'warning',
    (a) =>
      `No sales report for ${a.channel}: its ${a.n} positions have no velocity, so no reorder, excess or dead-stock advice. Add its Business Report or All Orders (Amazon), or its sales export or Product views & sales (noon).`,
    (a) =>
      `لا يوجد تقرير مبيعات لـ ${a.channel}: ليس لمنتجاته (${a.n}) معدل بيع، فلا توصية بإعادة الطلب أو بالفائض أو بالمخزون الراكد. أضف Business Report أو All Orders الخاص بها (Amazon)، أو تصدير المبيعات أو Product views & sales (noon).`,
  ),
  'analysis.cost-missing': message<{ sku: string }>(
    'warning',
    (a) => `Cost Price missing for ${a.sku}: stock value, GMROI, order value and approval tier left blank`,
    (a) => `Cost Price غير موجود لـ ${a.sku}: تُركت قيمة المخزون وGMROI وقيمة الطلب ومستوى الموافقة فارغة`,
  ),

  // Supplier PO history rows the lead-time statistics do not use (metrics/lead-time.ts).
  'leadtime.supplier-blank': message<NoArgs>('warning', () => `Supplier is blank${LEAD}`, () => `Supplier فارغ${LEAD_AR}`),
  'leadtime.po-date-blank': message<NoArgs>('warning', () => `PO date is blank${LEAD}`, () => `PO Date فارغ${LEAD_AR}`),
  'leadtime.po-date-invalid': message<NoArgs>('warning', () => `PO date is not a date${LEAD}`, () => `PO Date ليس تاريخًا${LEAD_AR}`),
  'leadtime.received-invalid': message<NoArgs>('warning', () => `Received date is not a date${LEAD}`, () => `Received Date ليس تاريخًا${LEAD_AR}`),
  'leadtime.received-before-po': message<{ received: string; poDate: string }>(
    'warning',
    (a) => `Received ${a.received}, before the PO date ${a.poDate}${LEAD}`,
    (a) => `استُلم في ${a.received}، قبل تاريخ أمر الشراء ${a.poDate}${LEAD_AR}`,
  ),
  // The PO still gives a lead time; only whether it came on time is unknown.
  'leadtime.promised-invalid': message<NoArgs>(
    'warning',
    () => 'Promised date is not a date: on-time status unknown: not used for lead times',
    () => 'Promised Date ليس تاريخًا: لا يُعرف إن كان أمر الشراء قد وصل في موعده',
  ),

  // Open POs of the Supplier PO history (recommend/on-order.ts).
  'onorder.no-master-sku': message<NoArgs>(
    'warning',
    () => 'An open PO without a Master SKU: not counted as on order',
    () => 'أمر شراء مفتوح بلا Master SKU: لا يُحسب ضمن الكميات قيد الطلب',
  ),
  'onorder.no-quantity': message<{ master: string }>(
    'warning',
    (a) => `An open PO of ${a.master} without a quantity above 0: not counted as on order`,
    (a) => `أمر شراء مفتوح لـ ${a.master} بلا كمية أكبر من 0: لا يُحسب ضمن الكميات قيد الطلب`,
  ),
  'onorder.unknown-destination': message<{ destination: string; master: string }>(
    'warning',
    (a) => `Destination "${a.destination}" is not a channel (Amazon or noon, KSA or UAE) or the own warehouse: the PO counts for ${a.master} wherever it is needed`,
    (a) => `الوجهة "${a.destination}" ليست قناة (Amazon أو noon، KSA أو UAE) ولا المستودع الخاص: يُحسب أمر الشراء لـ ${a.master} حيثما احتيج إليه`,
  ),
  'onorder.late': message<{ po: string | null; supplier: string; quantity: number; master: string; expected: string; poDate: string; lead: 'setting' | 'PO history'; days: number }>(
    'warning',
    (a) =>
      `Open PO${a.po ? ` ${a.po}` : ''} from ${a.supplier}: ${a.quantity} units of ${a.master} expected ${a.expected} (ordered ${a.poDate} + ${
        a.lead === 'setting' ? 'the lead-time setting' : `${a.supplier}'s lead time from PO history`
      }), ${a.days} days late; still counted as on order`,
    (a) =>
      `أمر الشراء المفتوح${a.po ? ` ${a.po}` : ''} من ${a.supplier}: ${a.quantity} من وحدات ${a.master} كانت متوقعة في ${a.expected} (تاريخ الطلب ${a.poDate} + ${
        a.lead === 'setting' ? 'مدة التوريد في الإعدادات' : `مدة توريد ${a.supplier} من سجل أوامر الشراء`
      })، والتأخير ${a.days} من الأيام؛ ولا تزال محسوبة ضمن الكميات قيد الطلب`,
  ),
} satisfies Record<string, MessageDef<never>>;
