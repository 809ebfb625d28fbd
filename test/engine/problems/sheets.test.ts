/**
 * The problems of the sheets Lumive reads back (src/engine/problems/sheets.ts): the Settings sheet and
 * a settings file, the report choices, the Events sheet, the registry, approvals and purchase orders.
 * Each code said in English (the text Data Issues has always shown) and in Arabic (the pane's).
 */
import { problemOf, say, sayIssue, settingProblem, type Problem } from '../../../src/engine';
import { readSettingsObject, readSettingsSheet } from '../../../src/engine/sheets/settings-sheet';
import { readSources, SOURCES_SIGNATURE } from '../../../src/engine/sheets/sources-sheet';
import { registryIssues } from '../../../src/engine/sheets/registry';
import { readEventsSheet } from '../../../src/engine/sheets/events-sheet';
import { APPROVAL_STATUSES } from '../../../src/engine/recommend/approvals';
import { NO_SUPPLIER } from '../../../src/engine/recommend/purchase-orders';

/** [problem, English, Arabic]. */
const said = (p: Problem): [string, string] => [say(p), say(p, 'ar')];

describe('settings: one value', () => {
  test.each<[Problem, string, string]>([
    [problemOf('setting.not-an-option', { label: 'Policy', options: ['cover', 'service'] }), 'Policy must be one of cover, service', 'يجب أن تكون قيمة Policy إحدى القيم: cover، service'],
    [problemOf('setting.missing', { label: 'Review period (days)' }), 'Review period (days) is missing', 'قيمة Review period (days) غير موجودة'],
    [problemOf('setting.not-a-number', { label: 'Safety days' }), 'Safety days must be a number', 'يجب أن تكون قيمة Safety days رقمًا'],
    [problemOf('setting.not-finite', { label: 'Safety days' }), 'Safety days must be a finite number', 'يجب أن تكون قيمة Safety days رقمًا محدودًا'],
    [problemOf('setting.not-whole', { label: 'Minimum transfer (units)' }), 'Minimum transfer (units) must be a whole number', 'يجب أن تكون قيمة Minimum transfer (units) عددًا صحيحًا'],
    [problemOf('setting.too-small', { label: 'Safety days', min: 0, open: false }), 'Safety days must be at least 0', 'يجب ألا تقل قيمة Safety days عن 0'],
    [problemOf('setting.too-small', { label: 'Excess above (days)', min: 0, open: true }), 'Excess above (days) must be greater than 0', 'يجب أن تكون قيمة Excess above (days) أكبر من 0'],
    [problemOf('setting.too-large', { label: 'Service level, A items', max: 1, open: true }), 'Service level, A items must be less than 1', 'يجب أن تكون قيمة Service level, A items أقل من 1'],
    [problemOf('setting.too-large', { label: 'Safety days', max: 3650, open: false }), 'Safety days must be at most 3650', 'يجب ألا تزيد قيمة Safety days على 3650'],
    [
      problemOf('setting.default-used', { problem: problemOf('setting.not-a-number', { label: 'Safety days' }), default: 30 }),
      'Safety days must be a number: default 30 used',
      'يجب أن تكون قيمة Safety days رقمًا: استُخدمت القيمة الافتراضية 30',
    ],
    [problemOf('setting.unknown', { key: 'colour' }), 'Unknown setting colour: ignored', 'الإعداد colour غير معروف: أُهمل'],
    [problemOf('setting.no-header', {}), 'No header row with Key and Value: defaults used', 'لا يوجد صف عناوين فيه Key و Value: استُخدمت القيم الافتراضية'],
  ])('%j', (p, en, ar) => {
    expect(said(p)).toEqual([en, ar]);
  });
});

describe('settings: rules across fields', () => {
  test.each<[Problem, string, string]>([
    [problemOf('setting.critical-above-stockout', {}), 'Critical below must not exceed Stockout risk below', 'يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below'],
    [problemOf('setting.abc-cuts-order', {}), 'ABC cut A must be below ABC cut B', 'يجب أن تكون قيمة ABC cut A أقل من قيمة ABC cut B'],
    [problemOf('setting.xyz-cuts-order', {}), 'XYZ cut X must be below XYZ cut Y', 'يجب أن تكون قيمة XYZ cut X أقل من قيمة XYZ cut Y'],
    [problemOf('setting.approval-limits-order', {}), 'Approval limits must be ascending', 'يجب أن تكون حدود الموافقة بترتيب تصاعدي'],
    [
      problemOf('setting.defaults-used', { problem: problemOf('setting.critical-above-stockout', {}), defaults: [7, 14] }),
      'Critical below must not exceed Stockout risk below: defaults 7 and 14 used',
      'يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below: استُخدمت القيم الافتراضية 7 و14',
    ],
    [
      problemOf('setting.defaults-used', { problem: problemOf('setting.approval-limits-order', {}), defaults: [5000, 50_000, 100_000] }),
      'Approval limits must be ascending: defaults 5000, 50000 and 100000 used',
      'يجب أن تكون حدود الموافقة بترتيب تصاعدي: استُخدمت القيم الافتراضية 5000، 50000 و100000',
    ],
  ])('%j', (p, en, ar) => {
    expect(said(p)).toEqual([en, ar]);
  });

  test('an issue of the sheet says its nested problem in Arabic, and settingProblem gives what is wrong without the default', () => {
    const read = readSettingsObject({ safetyDays: 'lots', criticalDays: 20, colour: 'blue' }, 'settings.json');
    expect(read.issues.map((i) => sayIssue(i, 'ar'))).toEqual([
      'يجب أن تكون قيمة Safety days رقمًا: استُخدمت القيمة الافتراضية 30',
      'الإعداد colour غير معروف: أُهمل',
      'يجب ألا تتجاوز قيمة Critical below قيمة Stockout risk below: استُخدمت القيم الافتراضية 7 و14',
    ]);
    expect(read.issues.map(settingProblem)).toEqual([
      { code: 'setting.not-a-number', args: { label: 'Safety days' } },
      { code: 'setting.unknown', args: { key: 'colour' } },
      { code: 'setting.critical-above-stockout', args: {} },
    ]);
  });

  test('a sheet without its header: one error, said in Arabic', () => {
    const [issue] = readSettingsSheet([['Notes']], 'Lumive Settings').issues;
    expect(issue).toMatchObject({ code: 'setting.no-header', severity: 'error', dropped: true });
    expect(sayIssue(issue, 'ar')).toBe('لا يوجد صف عناوين فيه Key و Value: استُخدمت القيم الافتراضية');
  });
});

describe('the report choices (Lumive Sources)', () => {
  test.each<[Problem, string, string]>([
    [problemOf('sources.unknown-kind', { kind: 'Stock', sheet: 'KSA stock' }), '"Stock" is not a report kind Lumive knows: detection decides for "KSA stock" again', '«Stock» ليس نوع تقرير يعرفه لوميف: سيحدّد لوميف نوع «KSA stock» من جديد'],
    [
      problemOf('sources.unknown-channel', { channel: 'amazon-eg', channels: ['amazon-ksa', 'amazon-uae'], sheet: 'Egypt' }),
      '"amazon-eg" is not a channel (amazon-ksa, amazon-uae): detection decides for "Egypt" again',
      '«amazon-eg» ليست قناة (amazon-ksa، amazon-uae): سيحدّد لوميف قناة «Egypt» من جديد',
    ],
  ])('%j', (p, en, ar) => {
    expect(said(p)).toEqual([en, ar]);
  });

  test('readSources reports a kind and a channel it does not know, and keeps what it knows', () => {
    const grid = [[SOURCES_SIGNATURE], ['Sheet', 'Kind', 'Channel'], ['KSA stock', 'Stock', 'amazon-ksa'], ['Egypt', '', 'amazon-eg']];
    const { assignments, issues } = readSources(grid);
    expect(assignments).toEqual({ 'KSA stock': { channel: 'amazon-ksa' } });
    expect(issues).toMatchObject([
      { source: 'Lumive Sources', row: 3, column: 'Kind', value: 'Stock', code: 'sources.unknown-kind', severity: 'warning', reason: '"Stock" is not a report kind Lumive knows: detection decides for "KSA stock" again', dropped: false },
      { source: 'Lumive Sources', row: 4, column: 'Channel', value: 'amazon-eg', code: 'sources.unknown-channel', dropped: false },
    ]);
    expect(issues[1].reason).toMatch(/^"amazon-eg" is not a channel \(amazon-ksa, .*\): detection decides for "Egypt" again$/);
    expect(sayIssue(issues[0], 'ar')).toBe('«Stock» ليس نوع تقرير يعرفه لوميف: سيحدّد لوميف نوع «KSA stock» من جديد');
  });
});

describe('the Events sheet', () => {
  const notCountry = problemOf('events.not-a-country', { value: 'Qatar' });
  test.each<[Problem, string, string]>([
    [problemOf('events.no-header', {}), 'No header row with Event and Start: the built-in events are used, none switched off', 'لا يوجد صف عناوين فيه Event و Start: استُخدمت المناسبات المدمجة دون إيقاف أيٍّ منها'],
    [problemOf('events.no-name', {}), 'An event needs a name: row ignored', 'يجب أن يكون للمناسبة اسم: أُهمل الصف'],
    [problemOf('events.no-start', { name: 'No start' }), '"No start" has no start date: row ignored', 'ليس للمناسبة «No start» تاريخ بدء: أُهمل الصف'],
    [notCountry, '"Qatar" is not KSA, UAE or Both', 'القيمة «Qatar» ليست KSA ولا UAE ولا Both'],
    [problemOf('events.row-ignored', { problem: notCountry, name: 'Qatar sale' }), '"Qatar" is not KSA, UAE or Both: "Qatar sale" ignored', 'القيمة «Qatar» ليست KSA ولا UAE ولا Both: أُهملت المناسبة «Qatar sale»'],
    [
      problemOf('events.row-ignored', { problem: problemOf('date.invalid', { text: '"soon"' }), name: 'Bad date' }),
      '"soon" is not a date: "Bad date" ignored',
      '"soon" ليس تاريخًا: أُهملت المناسبة «Bad date»',
    ],
    [problemOf('events.ends-before-start', { name: 'Backwards', start: '2027-05-10', end: '2027-05-01' }), '"Backwards" ends (2027-05-01) before it starts (2027-05-10): row ignored', 'تنتهي المناسبة «Backwards» (2027-05-01) قبل أن تبدأ (2027-05-10): أُهمل الصف'],
    [problemOf('events.too-long', { name: 'Too long', days: 518 }), '"Too long" runs 518 days, longer than a year: row ignored', 'تمتد المناسبة «Too long» 518 يومًا، أي أكثر من سنة: أُهمل الصف'],
    [
      problemOf('events.kept-on', { problem: problemOf('events.not-yes-no', { value: 'maybe' }), name: 'Eid al-Adha' }),
      '"maybe" is not Yes or No: "Eid al-Adha" kept on',
      'القيمة «maybe» ليست Yes ولا No: بقيت المناسبة «Eid al-Adha» مفعّلة',
    ],
    [problemOf('events.not-yes-no', { value: 2 }), '2 is not Yes or No', 'القيمة 2 ليست Yes ولا No'],
    [
      problemOf('events.built-in-uplift', { name: 'Ramadan' }),
      'A built-in event\'s uplift comes from its history or from Lumive Settings, not from this sheet: ignored for "Ramadan"',
      'تُؤخذ نسبة Uplift للمناسبة المدمجة من سجل مبيعاتها أو من «Lumive Settings»، لا من هذه الورقة: أُهملت للمناسبة «Ramadan»',
    ],
    [
      problemOf('events.built-in-not-matched', { name: 'Ramadan', days: 10, start: '2027-06-01', yours: 'Yours' }),
      'Ramadan does not start within 10 days of 2027-06-01 (Lumive computes its dates): row ignored; to add an event of your own, give it another name and set Source to Yours',
      'لا تبدأ المناسبة Ramadan خلال 10 أيام من 2027-06-01 (يحسب لوميف تواريخها): أُهمل الصف؛ لإضافة مناسبة خاصة بك، سمّها باسم آخر واكتب Yours في العمود Source',
    ],
    [problemOf('events.built-in-duplicate', { name: 'Ramadan', year: '2027', row: 5 }), 'Ramadan 2027 is already on row 5: row ignored', 'المناسبة Ramadan 2027 موجودة بالفعل في الصف 5: أُهمل هذا الصف'],
    [problemOf('events.not-built-in', { name: 'My launch' }), '"My launch" is not a built-in event: read as one of yours', '«My launch» ليست مناسبة مدمجة: قُرئت على أنها من مناسباتك'],
    [
      problemOf('events.uplift-unreadable', { problem: problemOf('number.invalid', { text: '"lots"' }), name: 'Prime Day' }),
      '"lots" is not a number: no uplift assumed for "Prime Day" without history',
      '"lots" ليس رقمًا: لا تُفترض أي زيادة للمناسبة «Prime Day» حيث لا يُظهرها سجل المبيعات',
    ],
    [
      problemOf('events.uplift-out-of-range', { name: 'Fifty', uplift: 50, max: 10 }),
      'An uplift must be between 0% and 1000% (for 50%, type 50%): no uplift assumed for "Fifty" without history',
      'يجب أن تكون نسبة Uplift بين 0% و1000% (إن قصدت 50%، فاكتب 50%): لا تُفترض أي زيادة للمناسبة «Fifty» حيث لا يُظهرها سجل المبيعات',
    ],
    [
      problemOf('events.uplift-out-of-range', { name: 'Down', uplift: -0.2, max: 10 }),
      'An uplift must be between 0% and 1000%: no uplift assumed for "Down" without history',
      'يجب أن تكون نسبة Uplift بين 0% و1000%: لا تُفترض أي زيادة للمناسبة «Down» حيث لا يُظهرها سجل المبيعات',
    ],
    [problemOf('events.duplicate', { name: 'Prime Day', start: '2027-07-07', row: 12 }), '"Prime Day" starting 2027-07-07 is already on row 12: row ignored', 'المناسبة «Prime Day» التي تبدأ في 2027-07-07 موجودة بالفعل في الصف 12: أُهمل هذا الصف'],
    [problemOf('events.uplift-conflict', { name: 'prime day', uplift: 0.4, row: 11 }), '"prime day" already has the uplift 40% on row 11: that one is used', 'للمناسبة «prime day» نسبة زيادة 40% في الصف 11: استُخدمت تلك النسبة'],
  ])('%j', (p, en, ar) => {
    expect(said(p)).toEqual([en, ar]);
  });

  test('a value reader’s problem is named, with its own code, by the event’s issue', () => {
    const grid = [['Event', 'Country', 'Start', 'End', 'Days', 'On', 'Uplift', 'Source'], ['Bad date', 'KSA', '31/02/2027', null, null, 'Yes', null, 'Yours']];
    const [issue] = readEventsSheet(grid, 'Lumive Events').issues;
    expect(issue).toMatchObject({ code: 'events.row-ignored', args: { name: 'Bad date', problem: { code: 'date.month-days', args: { month: 2, year: 2027, days: 28, order: 'DMY' } } }, severity: 'error', dropped: true });
    expect(issue.reason).toBe('"31/02/2027" is not a date: February 2027 has 28 days (read as day/month/year): "Bad date" ignored');
    expect(sayIssue(issue, 'ar')).toBe('"31/02/2027" ليس تاريخًا: شهر فبراير 2027 فيه 28 يومًا (قُرئ يوم/شهر/سنة): أُهملت المناسبة «Bad date»');
  });
});

describe('the registry', () => {
  test('registryIssues said in Arabic', () => {
    const issues = registryIssues(
      [
        { id: 'health', name: 'Mapping' },
        { id: 'urgent', name: 'Mapping' },
        { id: 'trends', name: 'Reorder' },
      ],
      new Map([['reorder', 'Reorder']]),
    );
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['registry.not-lumive-content', 'warning'],
      ['registry.held-by-other', 'info'],
    ]);
    expect(issues.map((i) => sayIssue(i, 'ar'))).toEqual([
      'يذكر سجل أوراق لوميف الورقة «Mapping» على أنها من أوراق لوميف (Health، Urgent Actions)، لكن محتواها ليس من لوميف: قُرئت على أنها ورقتك وتُركت كما هي',
      'يذكر سجل أوراق لوميف الورقة «Reorder» أيضًا على أنها ورقة Trends من لوميف، لكنها تحوي ورقة Reorder من لوميف: أُهمل هذا الإدخال',
    ]);
    expect(issues[1].reason).toBe("The Lumive registry lists 'Reorder' as Lumive's Trends sheet too, but it holds Lumive's Reorder: that entry is ignored");
  });
});

describe('approvals and purchase orders', () => {
  test.each<[Problem, string, string]>([
    [
      problemOf('approval.unknown-status', { statuses: APPROVAL_STATUSES }),
      'Unknown approval status: use one of Pending, Approved, Rejected, Auto-approved; read as Pending',
      'حالة موافقة غير معروفة: استخدم إحدى الحالات Pending، Approved، Rejected، Auto-approved؛ قُرئت على أنها Pending',
    ],
    [problemOf('approval.qty-not-a-number', {}), 'Approved Qty is not a number: ignored', 'قيمة Approved Qty ليست رقمًا: أُهملت'],
    [
      problemOf('po.currency-unknown', { written: 'USD', sku: 'U', supplier: 'Far', currency: 'SAR' }),
      'Supplier Currency "USD" for U (Far) is not SAR or AED, the currencies the settings convert: its PO is in SAR',
      'قيمة Supplier Currency «USD» للرمز U (Far) ليست SAR ولا AED، وهما العملتان اللتان تحوّل الإعدادات بينهما: أمر الشراء الخاص به بعملة SAR',
    ],
    [
      problemOf('po.currency-mixed', { sku: 'M2', supplier: 'Gulf', currency: 'AED' }),
      "M2 gives Gulf another currency than the supplier's other SKUs: its line is on the PO in AED",
      'يذكر الرمز M2 للمورّد Gulf عملة تختلف عن عملة رموز هذا المورّد الأخرى: أُدرج بنده في أمر الشراء بعملة AED',
    ],
    [
      problemOf('po.no-supplier', { skus: ['C'], count: 1, po: NO_SUPPLIER }),
      'No supplier for C: neither the mapping nor the Supplier PO history names one, so its approved order is on the "No supplier" PO. Add a Supplier column to the mapping.',
      'لا يوجد مورّد للرمز الرئيسي C: لا تذكر ورقة الربط ولا سجل Supplier PO أي مورّد، لذا أُدرج طلبه المعتمد في أمر الشراء «No supplier». أضف عمود Supplier إلى ورقة الربط.',
    ],
    [
      problemOf('po.no-supplier', { skus: ['A', 'B', 'C', 'D', 'E'], count: 8, po: NO_SUPPLIER }),
      'No supplier for 8 Master SKUs (A, B, C, D, E and 3 more): neither the mapping nor the Supplier PO history names one, so their approved orders are on the "No supplier" PO. Add a Supplier column to the mapping.',
      'لا يوجد مورّد لـ 8 من الرموز الرئيسية (A، B، C، D، E و3 أخرى): لا تذكر ورقة الربط ولا سجل Supplier PO أي مورّد، لذا أُدرجت طلباتها المعتمدة في أمر الشراء «No supplier». أضف عمود Supplier إلى ورقة الربط.',
    ],
  ])('%j', (p, en, ar) => {
    expect(said(p)).toEqual([en, ar]);
  });
});
