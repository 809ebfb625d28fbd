/**
 * The problem table's rows for the sheets Lumive reads back (problems/index.ts joins the tables; codes
 * are unique across them): the Settings sheet and a settings file, the report choices, the Events sheet,
 * the sheet registry, the approvals on the recommendation sheets and the purchase orders made from them.
 *
 * Arabic: a setting's label, a sheet's name, a column header, a value typed in a cell and a SKU stay as
 * they are (Latin) inside the sentence; names and values are quoted «» as the pane quotes them.
 */
import { message, type MessageDef, type NoArgs, type Problem } from './types';

/** "a, b and c" (English), "a، b وc" (Arabic). */
const andList = (xs: readonly (string | number)[], lang: 'en' | 'ar'): string =>
  xs.length <= 1 ? xs.join('') : lang === 'en' ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : `${xs.slice(0, -1).join('، ')} و${xs[xs.length - 1]}`;

/** The first SKUs named and how many are not ("C, D and 3 more"). */
const skusNamed = (skus: readonly string[], count: number, lang: 'en' | 'ar'): string =>
  lang === 'en' ? skus.join(', ') + (count > skus.length ? ` and ${count - skus.length} more` : '') : skus.join('، ') + (count > skus.length ? ` و${count - skus.length} أخرى` : '');

/** A value of the On column as the message names it: a number as it is, text in quotes. */
const onValue = (v: string | number, lang: 'en' | 'ar'): string => (typeof v === 'number' ? String(v) : lang === 'en' ? `"${v}"` : `«${v}»`);

export const SHEETS_MESSAGES = {
  // --- Settings: one setting's value (the Settings sheet, a settings file, the pane's form) -----------
  'setting.not-an-option': message<{ label: string; options: readonly string[] }>(
    'warning',
    (a) => `${a.label} must be one of ${a.options.join(', ')}`,
    (a) => `يجب أن تكون قيمة ${a.label} إحدى القيم: ${a.options.join('، ')}`,
  ),
  'setting.missing': message<{ label: string }>(
    'warning',
    (a) => `${a.label} is missing`,
    (a) => `قيمة ${a.label} غير موجودة`,
  ),
  'setting.not-a-number': message<{ label: string }>(
    'warning',
    (a) => `${a.label} must be a number`,
    (a) => `يجب أن تكون قيمة ${a.label} رقمًا`,
  ),
  'setting.not-finite': message<{ label: string }>(
    'warning',
    (a) => `${a.label} must be a finite number`,
    (a) => `يجب أن تكون قيمة ${a.label} رقمًا محدودًا`,
  ),
  'setting.not-whole': message<{ label: string }>(
    'warning',
    (a) => `${a.label} must be a whole number`,
    (a) => `يجب أن تكون قيمة ${a.label} عددًا صحيحًا`,
  ),
  /** `open`: the minimum itself is not allowed (greater than). */
  'setting.too-small': message<{ label: string; min: number; open: boolean }>(
    'warning',
    (a) => `${a.label} must be ${a.open ? 'greater than' : 'at least'} ${a.min}`,
    (a) => (a.open ? `يجب أن تكون قيمة ${a.label} أكبر من ${a.min}` : `يجب ألا تقل قيمة ${a.label} عن ${a.min}`),
  ),
  /** `open`: the maximum itself is not allowed (less than). */
  'setting.too-large': message<{ label: string; max: number; open: boolean }>(
    'warning',
    (a) => `${a.label} must be ${a.open ? 'less than' : 'at most'} ${a.max}`,
    (a) => (a.open ? `يجب أن تكون قيمة ${a.label} أقل من ${a.max}` : `يجب ألا تزيد قيمة ${a.label} على ${a.max}`),
  ),
  /** A value that is not valid (one of the codes above) and the default used instead. */
  'setting.default-used': message<{ problem: Problem; default: string | number }>(
    'warning',
    (a, say) => `${say(a.problem)}: default ${a.default} used`,
    (a, say) => `${say(a.problem)}: استُخدمت القيمة الافتراضية ${a.default}`,
  ),

  // --- Settings: rules across fields ------------------------------------------------------------------
  'setting.critical-above-stockout': message<NoArgs>(
    'warning',
    () => 'Critical below must not exceed Stockout risk below',
    () => 'يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below',
  ),
  'setting.abc-cuts-order': message<NoArgs>(
    'warning',
    () => 'ABC cut A must be below ABC cut B',
    () => 'يجب أن تكون قيمة ABC cut A أقل من قيمة ABC cut B',
  ),
  'setting.xyz-cuts-order': message<NoArgs>(
    'warning',
    () => 'XYZ cut X must be below XYZ cut Y',
    () => 'يجب أن تكون قيمة XYZ cut X أقل من قيمة XYZ cut Y',
  ),
  'setting.approval-limits-order': message<NoArgs>(
    'warning',
    () => 'Approval limits must be ascending',
    () => 'يجب أن تكون حدود الموافقة بترتيب تصاعدي',
  ),
  /** A rule across fields (one of the four above) broken, and the defaults of its fields used instead. */
  'setting.defaults-used': message<{ problem: Problem; defaults: readonly (string | number)[] }>(
    'warning',
    (a, say) => `${say(a.problem)}: defaults ${andList(a.defaults, 'en')} used`,
    (a, say) => `${say(a.problem)}: استُخدمت القيم الافتراضية ${andList(a.defaults, 'ar')}`,
  ),

  // --- Settings: the sheet and its keys -----------------------------------------------------------------
  'setting.unknown': message<{ key: string }>(
    'warning',
    (a) => `Unknown setting ${a.key}: ignored`,
    (a) => `الإعداد ${a.key} غير معروف: أُهمل`,
  ),
  'setting.no-header': message<NoArgs>(
    'warning',
    () => 'No header row with Key and Value: defaults used',
    () => 'لا يوجد صف عناوين فيه Key و Value: استُخدمت القيم الافتراضية',
  ),

  // --- The report choices (Lumive Sources) --------------------------------------------------------------
  'sources.unknown-kind': message<{ kind: string; sheet: string }>(
    'warning',
    (a) => `"${a.kind}" is not a report kind Lumive knows: detection decides for "${a.sheet}" again`,
    (a) => `«${a.kind}» ليس نوع تقرير يعرفه لوميف: سيحدّد لوميف نوع «${a.sheet}» من جديد`,
  ),
  'sources.unknown-channel': message<{ channel: string; channels: readonly string[]; sheet: string }>(
    'warning',
    (a) => `"${a.channel}" is not a channel (${a.channels.join(', ')}): detection decides for "${a.sheet}" again`,
    (a) => `«${a.channel}» ليست قناة (${a.channels.join('، ')}): سيحدّد لوميف قناة «${a.sheet}» من جديد`,
  ),

  // --- The Events sheet ---------------------------------------------------------------------------------
  'events.no-header': message<NoArgs>(
    'warning',
    () => 'No header row with Event and Start: the built-in events are used, none switched off',
    () => 'لا يوجد صف عناوين فيه Event و Start: استُخدمت المناسبات المدمجة دون إيقاف أيٍّ منها',
  ),
  'events.no-name': message<NoArgs>(
    'warning',
    () => 'An event needs a name: row ignored',
    () => 'يجب أن يكون للمناسبة اسم: أُهمل الصف',
  ),
  'events.no-start': message<{ name: string }>(
    'warning',
    (a) => `"${a.name}" has no start date: row ignored`,
    (a) => `ليس للمناسبة «${a.name}» تاريخ بدء: أُهمل الصف`,
  ),
  /** A value of the row that could not be read (the nested problem), so the event is left out. */
  'events.row-ignored': message<{ problem: Problem; name: string }>(
    'warning',
    (a, say) => `${say(a.problem)}: "${a.name}" ignored`,
    (a, say) => `${say(a.problem)}: أُهملت المناسبة «${a.name}»`,
  ),
  'events.ends-before-start': message<{ name: string; start: string; end: string }>(
    'warning',
    (a) => `"${a.name}" ends (${a.end}) before it starts (${a.start}): row ignored`,
    (a) => `تنتهي المناسبة «${a.name}» (${a.end}) قبل أن تبدأ (${a.start}): أُهمل الصف`,
  ),
  'events.too-long': message<{ name: string; days: number }>(
    'warning',
    (a) => `"${a.name}" runs ${a.days} days, longer than a year: row ignored`,
    (a) => `تمتد المناسبة «${a.name}» ${a.days} يومًا، أي أكثر من سنة: أُهمل الصف`,
  ),
  'events.not-yes-no': message<{ value: string | number }>(
    'warning',
    (a) => `${onValue(a.value, 'en')} is not Yes or No`,
    (a) => `القيمة ${onValue(a.value, 'ar')} ليست Yes ولا No`,
  ),
  /** The On cell could not be read (the nested problem): the event stays on. */
  'events.kept-on': message<{ problem: Problem; name: string }>(
    'warning',
    (a, say) => `${say(a.problem)}: "${a.name}" kept on`,
    (a, say) => `${say(a.problem)}: بقيت المناسبة «${a.name}» مفعّلة`,
  ),
  'events.not-a-country': message<{ value: string }>(
    'warning',
    (a) => `"${a.value}" is not KSA, UAE or Both`,
    (a) => `القيمة «${a.value}» ليست KSA ولا UAE ولا Both`,
  ),
  'events.built-in-uplift': message<{ name: string }>(
    'info',
    (a) => `A built-in event's uplift comes from its history or from Lumive Settings, not from this sheet: ignored for "${a.name}"`,
    (a) => `تُؤخذ نسبة Uplift للمناسبة المدمجة من سجل مبيعاتها أو من «Lumive Settings»، لا من هذه الورقة: أُهملت للمناسبة «${a.name}»`,
  ),
  /** `yours`: the Source value of the seller's own events. */
  'events.built-in-not-matched': message<{ name: string; days: number; start: string; yours: string }>(
    'warning',
    (a) => `${a.name} does not start within ${a.days} days of ${a.start} (Lumive computes its dates): row ignored; to add an event of your own, give it another name and set Source to ${a.yours}`,
    (a) => `لا تبدأ المناسبة ${a.name} خلال ${a.days} أيام من ${a.start} (يحسب لوميف تواريخها): أُهمل الصف؛ لإضافة مناسبة خاصة بك، سمّها باسم آخر واكتب ${a.yours} في العمود Source`,
  ),
  'events.built-in-duplicate': message<{ name: string; year: string; row: number }>(
    'warning',
    (a) => `${a.name} ${a.year} is already on row ${a.row}: row ignored`,
    (a) => `المناسبة ${a.name} ${a.year} موجودة بالفعل في الصف ${a.row}: أُهمل هذا الصف`,
  ),
  'events.not-built-in': message<{ name: string }>(
    'warning',
    (a) => `"${a.name}" is not a built-in event: read as one of yours`,
    (a) => `«${a.name}» ليست مناسبة مدمجة: قُرئت على أنها من مناسباتك`,
  ),
  /** The Uplift cell could not be read (the nested problem): the event has no uplift of its own. */
  'events.uplift-unreadable': message<{ problem: Problem; name: string }>(
    'warning',
    (a, say) => `${say(a.problem)}: no uplift assumed for "${a.name}" without history`,
    (a, say) => `${say(a.problem)}: لا تُفترض أي زيادة للمناسبة «${a.name}» حيث لا يُظهرها سجل المبيعات`,
  ),
  /** `uplift` the value read, `max` the largest allowed (shares: 10 is 1000%). */
  'events.uplift-out-of-range': message<{ name: string; uplift: number; max: number }>(
    'warning',
    (a) => `An uplift must be between 0% and ${a.max * 100}%${a.uplift > a.max ? ` (for ${a.uplift}%, type ${a.uplift}%)` : ''}: no uplift assumed for "${a.name}" without history`,
    (a) => `يجب أن تكون نسبة Uplift بين 0% و${a.max * 100}%${a.uplift > a.max ? ` (إن قصدت ${a.uplift}%، فاكتب ${a.uplift}%)` : ''}: لا تُفترض أي زيادة للمناسبة «${a.name}» حيث لا يُظهرها سجل المبيعات`,
  ),
  'events.duplicate': message<{ name: string; start: string; row: number }>(
    'warning',
    (a) => `"${a.name}" starting ${a.start} is already on row ${a.row}: row ignored`,
    (a) => `المناسبة «${a.name}» التي تبدأ في ${a.start} موجودة بالفعل في الصف ${a.row}: أُهمل هذا الصف`,
  ),
  /** `uplift` the share already given (0.4 is 40%). */
  'events.uplift-conflict': message<{ name: string; uplift: number; row: number }>(
    'warning',
    (a) => `"${a.name}" already has the uplift ${Math.round(a.uplift * 1000) / 10}% on row ${a.row}: that one is used`,
    (a) => `للمناسبة «${a.name}» نسبة زيادة ${Math.round(a.uplift * 1000) / 10}% في الصف ${a.row}: استُخدمت تلك النسبة`,
  ),

  // --- The sheet registry -------------------------------------------------------------------------------
  /** `listed`: the sheets the registry says it is, by their usual names. */
  'registry.not-lumive-content': message<{ sheet: string; listed: readonly string[] }>(
    'warning',
    (a) => `The Lumive registry lists '${a.sheet}' as a Lumive sheet (${a.listed.join(', ')}), but its content is not Lumive's: read as your sheet and left as it is`,
    (a) => `يذكر سجل أوراق لوميف الورقة «${a.sheet}» على أنها من أوراق لوميف (${a.listed.join('، ')})، لكن محتواها ليس من لوميف: قُرئت على أنها ورقتك وتُركت كما هي`,
  ),
  /** `holds`: the sheet another entry of the registry rightly lists it as. */
  'registry.held-by-other': message<{ sheet: string; listed: readonly string[]; holds: string }>(
    'info',
    (a) => `The Lumive registry lists '${a.sheet}' as Lumive's ${a.listed.join(', ')} sheet too, but it holds Lumive's ${a.holds}: that entry is ignored`,
    (a) => `يذكر سجل أوراق لوميف الورقة «${a.sheet}» أيضًا على أنها ورقة ${a.listed.join('، ')} من لوميف، لكنها تحوي ورقة ${a.holds} من لوميف: أُهمل هذا الإدخال`,
  ),

  // --- Approvals on the recommendation sheets -----------------------------------------------------------
  'approval.unknown-status': message<{ statuses: readonly string[] }>(
    'warning',
    (a) => `Unknown approval status: use one of ${a.statuses.join(', ')}; read as Pending`,
    (a) => `حالة موافقة غير معروفة: استخدم إحدى الحالات ${a.statuses.join('، ')}؛ قُرئت على أنها Pending`,
  ),
  'approval.qty-not-a-number': message<NoArgs>(
    'warning',
    () => 'Approved Qty is not a number: ignored',
    () => 'قيمة Approved Qty ليست رقمًا: أُهملت',
  ),

  // --- Purchase orders ----------------------------------------------------------------------------------
  /** `written`: the mapping's Supplier Currency; `currency`: the one the PO is in (the reporting currency). */
  'po.currency-unknown': message<{ written: string; sku: string; supplier: string; currency: string }>(
    'warning',
    (a) => `Supplier Currency "${a.written}" for ${a.sku} (${a.supplier}) is not SAR or AED, the currencies the settings convert: its PO is in ${a.currency}`,
    (a) => `قيمة Supplier Currency «${a.written}» للرمز ${a.sku} (${a.supplier}) ليست SAR ولا AED، وهما العملتان اللتان تحوّل الإعدادات بينهما: أمر الشراء الخاص به بعملة ${a.currency}`,
  ),
  'po.currency-mixed': message<{ sku: string; supplier: string; currency: string }>(
    'warning',
    (a) => `${a.sku} gives ${a.supplier} another currency than the supplier's other SKUs: its line is on the PO in ${a.currency}`,
    (a) => `يذكر الرمز ${a.sku} للمورّد ${a.supplier} عملة تختلف عن عملة رموز هذا المورّد الأخرى: أُدرج بنده في أمر الشراء بعملة ${a.currency}`,
  ),
  /** `skus`: the first Master SKUs named, of `count`; `po`: the supplier the PO of these orders is under. */
  'po.no-supplier': message<{ skus: readonly string[]; count: number; po: string }>(
    'warning',
    (a) =>
      `No supplier for ${a.count === 1 ? skusNamed(a.skus, a.count, 'en') : `${a.count} Master SKUs (${skusNamed(a.skus, a.count, 'en')})`}: neither the mapping nor the Supplier PO history names one, so ${a.count === 1 ? 'its approved order is' : 'their approved orders are'} on the "${a.po}" PO. Add a Supplier column to the mapping.`,
    (a) =>
      `لا يوجد مورّد ${a.count === 1 ? `للرمز الرئيسي ${skusNamed(a.skus, a.count, 'ar')}` : `لـ ${a.count} من الرموز الرئيسية (${skusNamed(a.skus, a.count, 'ar')})`}: لا تذكر ورقة الربط ولا سجل Supplier PO أي مورّد، لذا ${a.count === 1 ? 'أُدرج طلبه المعتمد' : 'أُدرجت طلباتها المعتمدة'} في أمر الشراء «${a.po}». أضف عمود Supplier إلى ورقة الربط.`,
  ),
} satisfies Record<string, MessageDef<never>>;
