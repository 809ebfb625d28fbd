/**
 * The problem table's rows for reading a report sheet (ingest/read-report.ts) and for the rows one report
 * repeats from another (ingest/repeats.ts): the header, the report's kind, required columns, and the
 * plausibility of each value read.
 */
import { message, type MessageDef, type Problem } from './types';

export const READING_MESSAGES = {
  'sheet.empty': message<Record<string, never>>('warning', () => 'The sheet is empty', () => 'الورقة فارغة'),
  'sheet.no-header': message<Record<string, never>>(
    'warning',
    () => 'No header row found in the first 20 rows: none has two or more column names of a known report',
    () => 'لم يوجد صف عناوين في أول 20 صفًا: لا يحمل أيٌّ منها اسمين أو أكثر من أسماء أعمدة تقرير معروف',
  ),
  'report.unknown-kind': message<{ why: readonly Problem[] }>(
    'warning',
    (a, say) => `Report kind not recognized: ${a.why.map(say).join('; ')}. Choose the kind of this sheet.`,
    (a, say) => `لم يُتعرَّف على نوع التقرير: ${a.why.map(say).join('؛ ')}. اختر نوع هذه الورقة.`,
  ),

  // Why detection took a kind, or none (ingest/detect.ts): named by report.unknown-kind, listed by inspect.
  'detect.unknown-kind': message<{ kind: string }>('info', (a) => `"${a.kind}" is not a report kind Lumive knows`, (a) => `"${a.kind}" ليس نوع تقرير يعرفه لوميف`),
  'detect.by-user': message<{ fit: string; report: string }>(
    'info',
    (a) => `chosen by the user (the header matches ${a.fit} of the ${a.report})`,
    (a) => `اختاره المستخدم (صف العناوين يطابق ${a.fit} من ${a.report})`,
  ),
  'detect.typical-columns': message<{ report: string; columns: readonly string[] }>(
    'info',
    (a) => `columns typical of the ${a.report}: ${a.columns.join(', ')}`,
    (a) => `أعمدة مميزة لتقرير ${a.report}: ${a.columns.join(', ')}`,
  ),
  'detect.name-mentions': message<{ name: string; marketplace: string }>(
    'info',
    (a) => `the name "${a.name}" mentions ${a.marketplace}`,
    (a) => `الاسم "${a.name}" يذكر ${a.marketplace}`,
  ),
  'detect.low-fit': message<{ report: string; fit: string }>(
    'info',
    (a) => `unsure: the best match, ${a.report}, fits only ${a.fit} of its known columns`,
    (a) => `غير مؤكد: أقرب تطابق، ${a.report}، لا يطابق إلا ${a.fit} من أعمدته المعروفة`,
  ),
  'detect.distinctive-lead': message<{ other: string; report: string; own: number; others: number }>(
    'info',
    (a) => `it also has columns of the ${a.other}, but ${a.own} columns only the ${a.report} has against ${a.others}`,
    (a) => `فيه أيضًا أعمدة من ${a.other}، لكن فيه ${a.own} من الأعمدة الخاصة بـ ${a.report} وحده مقابل ${a.others}`,
  ),
  'detect.tie': message<{ first: string; firstFit: string; second: string; secondFit: string }>(
    'info',
    (a) => `unsure: it fits the ${a.first} (${a.firstFit}) and the ${a.second} (${a.secondFit}) about equally`,
    (a) => `غير مؤكد: يطابق ${a.first} (${a.firstFit}) و${a.second} (${a.secondFit}) بالقدر نفسه تقريبًا`,
  ),
  'report.missing-column': message<{ column: string; report: string; tried: readonly string[] }>(
    'warning',
    (a) => `Required column "${a.column}" is missing from this ${a.report} (names tried: ${a.tried.join(', ')})`,
    (a) => `العمود المطلوب "${a.column}" غير موجود في ${a.report} هذا (الأسماء التي جُرِّبت: ${a.tried.join(', ')})`,
  ),
  'report.duplicate-column': message<{ column: string; times: number; also: string; used: string; others: number }>(
    'warning',
    (a) => `Column "${a.column}" appears ${a.times} times (also column ${a.also}): column ${a.used} is used, the other${a.others > 1 ? 's are' : ' is'} ignored`,
    (a) => `العمود "${a.column}" مكرر ${a.times} مرات (وأيضًا العمود ${a.also}): يُستخدم العمود ${a.used} ويُتجاهل ${a.others > 1 ? 'الباقي' : 'الآخر'}`,
  ),
  'cell.blank': message<{ column: string }>('warning', (a) => `${a.column} is blank`, (a) => `${a.column} فارغ`),
  'cell.only-invisible': message<{ column: string; codes: string }>(
    'warning',
    (a) => `${a.column} holds only invisible or control characters (${a.codes})`,
    (a) => `${a.column} لا يحوي إلا محارف غير مرئية أو محارف تحكم (${a.codes})`,
  ),
  'cell.invisible': message<{ column: string; codes: string; clean: string }>(
    'warning',
    (a) => `${a.column} held invisible or control characters (${a.codes}): read as "${a.clean}"`,
    (a) => `${a.column} كان يحوي محارف غير مرئية أو محارف تحكم (${a.codes}): قُرئ "${a.clean}"`,
  ),
  'cell.too-long': message<{ column: string; length: number }>(
    'warning',
    (a) => `${a.column} is ${a.length.toLocaleString('en-US')} characters long: cut at Excel's limit of 32,767`,
    (a) => `طول ${a.column} ${a.length.toLocaleString('en-US')} محرفًا: قُصّ عند حد Excel وهو 32,767`,
  ),
  'cell.figure-too-large': message<{ column: string; value: number }>(
    'warning',
    (a) => `${a.value} is too large to be a ${a.column}`,
    (a) => `${a.value} أكبر من أن يكون ${a.column}`,
  ),
  'cell.negative-zero': message<{ column: string; value: number }>(
    'warning',
    (a) => `Negative ${a.column} ${a.value} counted as 0`,
    (a) => `${a.column} سالب (${a.value}): حُسب 0`,
  ),
  'cell.negative-ignored': message<{ column: string; value: number }>(
    'warning',
    (a) => `Negative ${a.column} ${a.value} is not possible: not used`,
    (a) => `${a.column} السالب (${a.value}) غير ممكن: لم يُستخدم`,
  ),
  'cell.date-before-2000': message<{ day: string }>(
    'warning',
    (a) => `${a.day} is before 2000: not a date this report can hold`,
    (a) => `${a.day} قبل عام 2000: ليس تاريخًا يمكن أن يحويه هذا التقرير`,
  ),
  'cell.date-future': message<{ day: string; asOf: string }>(
    'warning',
    (a) => `${a.day} is after the analysis day ${a.asOf}: not a date this report can hold yet`,
    (a) => `${a.day} بعد يوم التحليل ${a.asOf}: ليس تاريخًا يمكن أن يحويه هذا التقرير بعد`,
  ),
  'cell.spaces-around': message<{ column: string; count: number; raw: string; row: number }>(
    'info',
    (a) =>
      `${a.count} ${a.column} value${a.count === 1 ? '' : 's'} had spaces around ${a.count === 1 ? 'it' : 'them'} (first "${a.raw}" at row ${a.row}): read without them, so "${a.raw.trim()} " and "${a.raw.trim()}" are the same SKU`,
    (a) => `${a.count} من قيم ${a.column} كانت حولها مسافات (أولها "${a.raw}" في الصف ${a.row}): قُرئت بدونها، فـ"${a.raw.trim()} " و"${a.raw.trim()}" هما SKU واحد`,
  ),
} satisfies Record<string, MessageDef<never>>;
