/**
 * Arabic label and meaning of every setting, for the task pane's Settings panel in Arabic. The English
 * texts, the keys and the validation rules live in `SETTING_FIELDS` (src/engine/sheets/settings-sheet.ts);
 * this table is keyed the same way. The Lumive Settings sheet itself stays in English, like every sheet
 * Lumive writes. Choice values (cover/service, revenue/units, elasticity/linear, SAR/AED) are stored in
 * English, so the meanings keep those words in Latin letters for users to know what to pick.
 */

export const SETTING_AR: Readonly<Record<string, { readonly label: string; readonly meaning: string }>> = Object.freeze({
  policy: {
    label: 'سياسة إعادة الطلب',
    meaning: 'cover = أيام التغطية (القاعدة البسيطة)؛ service = مستوى الخدمة الإحصائي',
  },
  periodDays: {
    label: 'فترة المبيعات (أيام)',
    meaning: 'طول فترة المبيعات حين لا يذكرها التقرير',
  },
  safetyDays: {
    label: 'أيام الأمان',
    meaning: 'أيام تغطية إضافية تُحفظ كمخزون احتياطي (سياسة cover)',
  },
  excessDays: {
    label: 'حد الفائض (أيام)',
    meaning: 'إذا تجاوزت أيام المخزون (DOI) هذا الحد يُعدّ المخزون فائضًا',
  },
  stockoutDays: {
    label: 'حد خطر النفاد (أيام)',
    meaning: 'إذا قلّت أيام المخزون (DOI) عن هذا الحد فهناك خطر نفاد (LOW)',
  },
  criticalDays: {
    label: 'الحد الحرج (أيام)',
    meaning: 'إذا قلّت أيام المخزون (DOI) عن هذا الحد تكون الحالة حرجة (CRITICAL)',
  },
  severeExcessDays: {
    label: 'حد الفائض الشديد (أيام)',
    meaning: 'إذا تجاوزت أيام المخزون (DOI) هذا الحد تكون الأولوية عالية (HIGH)',
  },
  leadTimeDays: {
    label: 'مهلة التوريد (أيام)',
    meaning: 'مهلة توريد المورّد حين لا تحددها ورقة الربط',
  },
  leadTimeSdDays: {
    label: 'انحراف مهلة التوريد (أيام)',
    meaning: 'الانحراف المعياري لمهلة التوريد (سياسة service)',
  },
  reviewDays: {
    label: 'فترة المراجعة (أيام)',
    meaning: 'عدد الأيام بين كل مراجعة للخطة (أفق الطلب حتى المستوى المستهدف = مهلة التوريد + فترة المراجعة)',
  },
  serviceLevelA: {
    label: 'مستوى الخدمة، منتجات A',
    meaning: 'مستوى خدمة الدورة المستهدف لمنتجات الفئة A (سياسة service)',
  },
  serviceLevelB: {
    label: 'مستوى الخدمة، منتجات B',
    meaning: 'مستوى خدمة الدورة المستهدف لمنتجات الفئة B',
  },
  serviceLevelC: {
    label: 'مستوى الخدمة، منتجات C',
    meaning: 'مستوى خدمة الدورة المستهدف لمنتجات الفئة C',
  },
  abcBasis: {
    label: 'أساس تصنيف ABC',
    meaning: 'revenue = حسب الإيرادات؛ units = حسب الوحدات المباعة',
  },
  abcCutA: {
    label: 'حد الفئة A في ABC',
    meaning: 'حد الحصة التراكمية لمنتجات الفئة A',
  },
  abcCutB: {
    label: 'حد الفئة B في ABC',
    meaning: 'حد الحصة التراكمية لمنتجات الفئة B',
  },
  xyzCutX: {
    label: 'حد الفئة X في XYZ',
    meaning: 'حد معامل الاختلاف لمنتجات الفئة X',
  },
  xyzCutY: {
    label: 'حد الفئة Y في XYZ',
    meaning: 'حد معامل الاختلاف لمنتجات الفئة Y',
  },
  trendThreshold: {
    label: 'نطاق الاتجاه',
    meaning: 'تغيّر سرعة البيع من شهر لآخر بأكثر من ± هذه النسبة يُعد نموًا أو تراجعًا (ورقة الاتجاهات)',
  },
  minTransferQty: {
    label: 'أقل كمية للنقل (وحدات)',
    meaning: 'أصغر كمية نقل تستحق التوصية بها',
  },
  transferCostPerUnit: {
    label: 'تكلفة النقل للوحدة',
    meaning: 'تكلفة السحب والشحن والاستلام لنقل وحدة واحدة بين القنوات',
  },
  orderCost: {
    label: 'تكلفة الطلب',
    meaning: 'التكلفة الثابتة لإصدار أمر شراء واحد (EOQ)',
  },
  holdingRate: {
    label: 'نسبة تكلفة التخزين السنوية',
    meaning: 'تكلفة الاحتفاظ بالمخزون سنويًا كنسبة من تكلفة الوحدة (EOQ)',
  },
  approvalAutoBelow: {
    label: 'حد الموافقة التلقائية',
    meaning: 'قيمة الطلب (بعملة التقارير) التي تُعتمد الصفوف دونها تلقائيًا (Auto)',
  },
  approvalManagerBelow: {
    label: 'حد موافقة المدير',
    meaning: 'قيمة الطلب التي يعتمد المدير ما دونها (Manager)',
  },
  approvalDirectorBelow: {
    label: 'حد موافقة مدير الإدارة',
    meaning: 'قيمة الطلب التي يعتمد مدير الإدارة ما دونها (Director)؛ وما فوقها للإدارة التنفيذية (Executive)',
  },
  elasticity: {
    label: 'مرونة السعر',
    meaning: 'مرونة الطلب السعرية (رقم موجب)',
  },
  targetDoi: {
    label: 'DOI المستهدف بعد التصفية',
    meaning: 'عدد أيام المخزون الذي تهدف التصفية للوصول إليه',
  },
  maxDiscount: {
    label: 'أقصى خصم',
    meaning: 'أكبر خصم يقترحه مخطط التصفية',
  },
  liquidationModel: {
    label: 'نموذج التصفية',
    meaning: 'elasticity = مرونة سعرية ثابتة؛ linear = نموذج خطي (كما في لوحة المتابعة الأصلية)',
  },
  outletDiscount: {
    label: 'خصم عرض Outlet',
    meaning: 'نسبة تخفيض السعر في عرض Outlet أو عرض التصفية',
  },
  outletSellThrough: {
    label: 'نسبة البيع في عرض Outlet',
    meaning: 'نسبة الوحدات المتوقع بيعها في عرض Outlet',
  },
  liquidationRecovery: {
    label: 'نسبة الاسترداد من التصفية',
    meaning: 'نسبة السعر المستردة عن كل وحدة عند التصفية، بعد الرسوم',
  },
  removalFeePerUnit: {
    label: 'رسوم الإزالة للوحدة',
    meaning: 'رسوم سحب وحدة واحدة وإعادتها إليك (بعملة القناة)؛ لم يُعثر على رقم منشور لـ amazon.sa / amazon.ae: قيمة تخطيطية افتراضية',
  },
  excessHorizonDays: {
    label: 'أفق قرار المخزون الفائض (أيام)',
    meaning: 'عدد الأيام التي تُقارن عليها خيارات الإبقاء والخصم وعرض Outlet والتصفية والإزالة والتخلص من المخزون الفائض',
  },
  referralFeeShare: {
    label: 'رسوم الإحالة',
    meaning: 'رسوم الإحالة كنسبة من السعر عند عدم استيراد معاينة رسوم FBA؛ amazon.sa: معظم الفئات بين 5 و15% (sell.amazon.sa/en/pricing)، أدخل نسبة فئتك',
  },
  fulfillmentFeePerUnit: {
    label: 'رسوم الشحن والتنفيذ للوحدة',
    meaning: 'رسوم التنفيذ لكل وحدة مبيعة عند عدم استيراد معاينة الرسوم (بعملة القناة)؛ تبدأ رسوم FBA في amazon.sa من 5 ريالات للوحدة (sell.amazon.sa/en/pricing)؛ لم يُعثر على رقم منشور لـ amazon.ae أو نون',
  },
  storageFeePerUnitMonth: {
    label: 'رسوم التخزين للوحدة شهريًا',
    meaning: 'رسوم تخزين الوحدة شهريًا عند عدم استيراد تقرير رسوم التخزين الشهرية (بعملة القناة)؛ تحتسب Amazon الرسوم لكل قدم مكعب شهريًا ولم يُعثر على سعر منشور لـ amazon.sa / amazon.ae: قيمة تخطيطية افتراضية',
  },
  agedSurchargePerUnitMonth: {
    label: 'رسوم المخزون المتقادم للوحدة شهريًا',
    meaning: 'الرسوم الإضافية للمخزون المتقادم لكل وحدة شهريًا بعد 181 يومًا عند عدم استيراد تقرير الرسوم الإضافية (بعملة القناة)؛ لم يُعثر على رقم منشور لـ amazon.sa / amazon.ae',
  },
  disposalFeePerUnit: {
    label: 'رسوم التخلص من الوحدة',
    meaning: 'رسوم التخلص من وحدة واحدة (بعملة القناة)؛ لم يُعثر على رقم منشور لـ amazon.sa / amazon.ae: قيمة تخطيطية افتراضية',
  },
  resalePerUnit: {
    label: 'قيمة إعادة بيع الوحدة المسحوبة',
    meaning: 'قيمة الوحدة المسحوبة والمعادة إليك عند بيعها في مكان آخر (بعملة القناة)',
  },
  upliftRamadan: {
    label: 'زيادة المبيعات: رمضان',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام رمضان لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftEidAlFitr: {
    label: 'زيادة المبيعات: عيد الفطر',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام عيد الفطر لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftEidAlAdha: {
    label: 'زيادة المبيعات: عيد الأضحى',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام عيد الأضحى لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftWhiteFriday: {
    label: 'زيادة المبيعات: الجمعة البيضاء',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام الجمعة البيضاء لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftSinglesDay: {
    label: 'زيادة المبيعات: 11.11',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام 11.11 لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftBackToSchool: {
    label: 'زيادة المبيعات: العودة إلى المدارس',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام العودة إلى المدارس لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  upliftNationalDays: {
    label: 'زيادة المبيعات: الأيام الوطنية',
    meaning: 'النسبة الإضافية من المبيعات في يوم من أيام الأيام الوطنية (يوم التأسيس واليوم الوطني السعودي واليوم الوطني الإماراتي) لمنتج لا يظهر ذلك في سجل مبيعاته، عندما لا يظهر في أي منتج من قناته أيضًا (وإلا يُستخدم متوسطها)؛ القيمة 0 تعني عدم افتراض أي زيادة: لم يُعثر على رقم منشور، أدخل ما تعرفه',
  },
  reportingCurrency: {
    label: 'عملة التقارير',
    meaning: 'عملة المجاميع: SAR أو AED',
  },
  aedToSar: {
    label: 'سعر صرف AED إلى SAR',
    meaning: 'عدد الريالات السعودية (SAR) مقابل درهم إماراتي واحد (AED)',
  },
});

/** The label and meaning of setting `key` in `lang`: Arabic when there is one, else the English given. */
export function settingText(key: string, lang: 'en' | 'ar', english: { label: string; meaning: string }): { label: string; meaning: string } {
  if (lang === 'ar' && Object.hasOwn(SETTING_AR, key)) {
    const ar = SETTING_AR[key];
    return { label: ar.label, meaning: ar.meaning };
  }
  return english;
}
