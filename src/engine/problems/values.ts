/**
 * The problem table's rows for cell values (ingest/values): a number or a date that cannot be read.
 * `text` is the raw value already quoted and cut (values/shared.ts `quote`); `order` says how a slash
 * date was read, null when it was not a slash date.
 */
import { MONTH_NAMES } from '../calendar';
import { message, type MessageDef } from './types';

type Order = 'DMY' | 'MDY' | null;
const MONTHS_AR = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

const readAs = (order: Order): string => (order === 'DMY' ? ' (read as day/month/year)' : order === 'MDY' ? ' (read as month/day/year)' : '');
const readAsAr = (order: Order): string => (order === 'DMY' ? ' (قُرئ يوم/شهر/سنة)' : order === 'MDY' ? ' (قُرئ شهر/يوم/سنة)' : '');

export const VALUES_MESSAGES = {
  'number.invalid': message<{ text: string }>('warning', (a) => `${a.text} is not a number`, (a) => `${a.text} ليس رقمًا`),
  'number.decimal-comma': message<{ text: string }>(
    'warning',
    (a) => `${a.text} is not a number (it looks like a decimal comma, which is read only when the decimal comma option is on)`,
    (a) => `${a.text} ليس رقمًا (يبدو أنه يستخدم الفاصلة العشرية، ولا تُقرأ إلا عند تفعيل خيار الفاصلة العشرية)`,
  ),
  'number.too-large': message<{ text: string }>('warning', (a) => `${a.text} is too large a number`, (a) => `${a.text} رقم أكبر من اللازم`),
  'number.nan': message<Record<string, never>>('warning', () => 'expected a number, got NaN', () => 'المتوقع رقم، والقيمة NaN'),
  'number.infinite': message<{ got: string }>('warning', (a) => `expected a finite number, got ${a.got}`, (a) => `المتوقع رقم محدود، والقيمة ${a.got}`),
  'number.boolean': message<{ got: 'TRUE' | 'FALSE' }>('warning', (a) => `expected a number, got ${a.got}`, (a) => `المتوقع رقم، والقيمة ${a.got}`),
  'number.date': message<Record<string, never>>('warning', () => 'expected a number, got a date', () => 'المتوقع رقم، والقيمة تاريخ'),
  'number.not-whole': message<{ x: number }>('warning', (a) => `expected a whole number, got ${a.x}`, (a) => `المتوقع عدد صحيح، والقيمة ${a.x}`),

  'date.invalid': message<{ text: string }>('warning', (a) => `${a.text} is not a date`, (a) => `${a.text} ليس تاريخًا`),
  'date.no-month': message<{ text: string; n: number; order: Order }>(
    'warning',
    (a) => `${a.text} is not a date: there is no month ${a.n}${readAs(a.order)}`,
    (a) => `${a.text} ليس تاريخًا: لا يوجد شهر ${a.n}${readAsAr(a.order)}`,
  ),
  'date.no-day': message<{ text: string; n: number; order: Order }>(
    'warning',
    (a) => `${a.text} is not a date: there is no day ${a.n}${readAs(a.order)}`,
    (a) => `${a.text} ليس تاريخًا: لا يوجد يوم ${a.n}${readAsAr(a.order)}`,
  ),
  'date.month-days': message<{ text: string; month: number; year: number; days: number; order: Order }>(
    'warning',
    (a) => `${a.text} is not a date: ${MONTH_NAMES[a.month - 1]} ${a.year} has ${a.days} days${readAs(a.order)}`,
    (a) => `${a.text} ليس تاريخًا: شهر ${MONTHS_AR[a.month - 1]} ${a.year} فيه ${a.days} يومًا${readAsAr(a.order)}`,
  ),
  'date.no-hour': message<{ text: string; n: number }>('warning', (a) => `${a.text} is not a date: there is no hour ${a.n}`, (a) => `${a.text} ليس تاريخًا: لا توجد الساعة ${a.n}`),
  'date.no-minute': message<{ text: string; n: number }>('warning', (a) => `${a.text} is not a date: there is no minute ${a.n}`, (a) => `${a.text} ليس تاريخًا: لا توجد الدقيقة ${a.n}`),
  'date.no-second': message<{ text: string; n: number }>('warning', (a) => `${a.text} is not a date: there is no second ${a.n}`, (a) => `${a.text} ليس تاريخًا: لا توجد الثانية ${a.n}`),
  'date.no-hour-12': message<{ text: string; n: number; half: string }>(
    'warning',
    (a) => `${a.text} is not a date: there is no hour ${a.n} ${a.half}`,
    (a) => `${a.text} ليس تاريخًا: لا توجد الساعة ${a.n} ${a.half}`,
  ),
  'date.bad-offset': message<{ text: string; zone: string }>(
    'warning',
    (a) => `${a.text} is not a date: ${a.zone} is not a time-zone offset`,
    (a) => `${a.text} ليس تاريخًا: ${a.zone} ليس فرق توقيت صحيحًا`,
  ),
  'date.unknown-zone': message<{ text: string; zone: string }>(
    'warning',
    (a) => `unknown time zone "${a.zone}" in ${a.text} (UTC, GMT, PST, PDT or an offset like +03:00 are read)`,
    (a) => `منطقة زمنية غير معروفة "${a.zone}" في ${a.text} (تُقرأ UTC وGMT وPST وPDT أو فرق توقيت مثل +03:00)`,
  ),
  'date.two-digit-year': message<{ text: string }>(
    'warning',
    (a) => `two-digit year in ${a.text}; write the year with four digits`,
    (a) => `السنة مكتوبة برقمين في ${a.text}؛ اكتب السنة بأربعة أرقام`,
  ),
  'date.serial-range': message<{ text: string; max: number }>(
    'warning',
    (a) => `${a.text} is not a date (Excel date numbers run from 1 to ${a.max})`,
    (a) => `${a.text} ليس تاريخًا (أرقام التواريخ في Excel من 1 إلى ${a.max})`,
  ),
  'date.serial-60': message<{ text: string }>(
    'warning',
    (a) => `${a.text} is not a date: Excel's date 60 is 29 February 1900, a day that did not exist`,
    (a) => `${a.text} ليس تاريخًا: التاريخ 60 في Excel هو 29 فبراير 1900، وهو يوم لم يوجد`,
  ),
  'date.infinite': message<{ got: string }>('warning', (a) => `expected a date, got ${a.got}`, (a) => `المتوقع تاريخ، والقيمة ${a.got}`),
  'date.boolean': message<{ got: 'TRUE' | 'FALSE' }>('warning', (a) => `expected a date, got ${a.got}`, (a) => `المتوقع تاريخ، والقيمة ${a.got}`),
  'date.invalid-date': message<Record<string, never>>('warning', () => 'expected a date, got an invalid date', () => 'المتوقع تاريخ، والقيمة تاريخ غير صالح'),
} satisfies Record<string, MessageDef<never>>;
