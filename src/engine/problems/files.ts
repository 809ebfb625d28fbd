/**
 * The problem table's rows for files (problems/index.ts joins the tables; codes are unique across them):
 * what the report-file reader (src/io/read-report-file.ts) noticed and repaired in a file, or could not
 * read, and why a workbook's package was refused (src/workbook/xlsx/read-worksheet.ts).
 *
 * A file's note is worded to follow the file's name ("arabic.csv: decoded as Windows-1256 (Arabic): …"):
 * so the command line and the pane's import summary say it (`sayFileNote`). Data Issues lists it on a row
 * of its own, with its first letter capitalised ("Decoded as …"): that is the table's English (`say`).
 */
import { message, type MessageDef, type MessageLang, type NoArgs, type Problem, type ProblemArgs, type Say } from './types';

/** What a file that is not text is, by its first bytes (`binary`: nothing more is known). */
export type BinaryContent = 'gzip' | 'pdf' | '7z' | 'rar' | 'png' | 'jpeg' | 'binary';

const BINARY_EN: Record<BinaryContent, string> = {
  gzip: 'a gzip-compressed file (.gz): unpack it and read the report inside',
  pdf: 'a PDF document, not a report export',
  '7z': 'a 7-Zip archive: unpack it and read the report inside',
  rar: 'a RAR archive: unpack it and read the report inside',
  png: 'a PNG image, not a report export',
  jpeg: 'a JPEG image, not a report export',
  binary: 'binary content',
};

const BINARY_AR: Record<BinaryContent, string> = {
  gzip: 'ملف مضغوط بصيغة gzip (.gz): فُكَّ ضغطه واقرأ التقرير الذي بداخله',
  pdf: 'مستند PDF وليس تقريرًا مُصدَّرًا',
  '7z': 'أرشيف 7-Zip: فُكَّ ضغطه واقرأ التقرير الذي بداخله',
  rar: 'أرشيف RAR: فُكَّ ضغطه واقرأ التقرير الذي بداخله',
  png: 'صورة PNG وليست تقريرًا مُصدَّرًا',
  jpeg: 'صورة JPEG وليست تقريرًا مُصدَّرًا',
  binary: 'محتوى ثنائي',
};

/** Why a workbook is not a readable one: the zip, a part of it, or what exceljs found. */
export type WorkbookDamage =
  | { readonly name: string; readonly why: 'cut-short' | 'empty-zip' | 'zip-not-workbook' | 'parts-missing' }
  | { readonly name: string; readonly why: 'part-unpackable' | 'part-overlong' | 'part-short'; readonly part: string }
  | { readonly name: string; readonly why: 'parts-damaged'; readonly detail: string }
  | { readonly name: string; readonly why: 'not-zip'; readonly content: 'text' | BinaryContent };

function damageEn(a: WorkbookDamage): string {
  switch (a.why) {
    case 'cut-short':
      return 'the file is damaged or cut short';
    case 'empty-zip':
      return 'the file is an empty zip package';
    case 'zip-not-workbook':
      return 'it is a zip package but not an Excel workbook';
    case 'parts-missing':
      return 'it is a zip package but not an Excel workbook (or parts of it are missing)';
    case 'part-unpackable':
      return `the file is damaged: its part ${a.part} cannot be unpacked`;
    case 'part-overlong':
      return `the file is damaged: its part ${a.part} holds more than the file says it does`;
    case 'part-short':
      return `the file is damaged: its part ${a.part} is cut short`;
    case 'parts-damaged':
      return `parts of it are damaged (${a.detail || 'unknown error'})`;
    case 'not-zip':
      return `it is not a zip package${a.content === 'text' ? '; it looks like text: if it is a CSV or TXT report, give it that extension' : `: ${BINARY_EN[a.content]}`}`;
  }
}

function damageAr(a: WorkbookDamage): string {
  switch (a.why) {
    case 'cut-short':
      return 'الملف تالف أو مبتور';
    case 'empty-zip':
      return 'الملف حزمة zip فارغة';
    case 'zip-not-workbook':
      return 'الملف حزمة zip لكنه ليس مصنف Excel';
    case 'parts-missing':
      return 'الملف حزمة zip لكنه ليس مصنف Excel (أو تنقصه بعض أجزائه)';
    case 'part-unpackable':
      return `الملف تالف: تعذّر فك ضغط جزئه ${a.part}`;
    case 'part-overlong':
      return `الملف تالف: جزؤه ${a.part} يحوي أكثر مما يذكره الملف`;
    case 'part-short':
      return `الملف تالف: جزؤه ${a.part} مبتور`;
    case 'parts-damaged':
      return `بعض أجزائه تالفة (${a.detail || 'خطأ غير معروف'})`;
    case 'not-zip':
      return `ليس حزمة zip${a.content === 'text' ? '؛ يبدو نصًا: إن كان تقرير CSV أو TXT فأعطه ذلك الامتداد' : `: إنه ${BINARY_AR[a.content]}`}`;
  }
}

/** A figure as the workbook writes it: Western digits, a comma between thousands. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A count in Arabic without the agreement of a figure and its noun: one and two said in words (in the
 * case the sentence asks for), any other number as "n من" the plural ("12 من الصفوف").
 */
function arCount(n: number, one: string, two: string, plural: string): string {
  if (n === 1) return one;
  if (n === 2) return two;
  return `${count(n)} من ${plural}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Row numbers listed, the first few of them (`more`: there are others, shown as "…"). */
interface RowList {
  readonly rows: readonly number[];
  readonly more: boolean;
}

function rowsEn(a: RowList): string {
  return `${a.rows.length === 1 ? 'row' : 'rows'} ${a.rows.join(', ')}${a.more ? ', …' : ''}`;
}

function rowsAr(a: RowList): string {
  return `${a.rows.length === 1 ? 'الصف' : 'الصفوف'} ${a.rows.join('، ')}${a.more ? '، …' : ''}`;
}

/** A size in words: 1 GiB, 761 MiB, 1.5 MiB, 11 KiB. */
function mib(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(bytes % (1024 * MiB) === 0 ? 0 : 1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(bytes < 10 * MiB && bytes % MiB !== 0 ? 1 : 0)} MiB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** A sheet's grid as read: `A1:U5` and its size. */
interface Grid {
  readonly range: string;
  readonly rows: number;
  readonly columns: number;
}

function gridEn(g: Grid): string {
  return `${g.range} (${count(g.rows)} ${g.rows === 1 ? 'row' : 'rows'} × ${count(g.columns)} ${g.columns === 1 ? 'column' : 'columns'})`;
}

function gridAr(g: Grid): string {
  return `${g.range} (الصفوف: ${count(g.rows)}، الأعمدة: ${count(g.columns)})`;
}

const SINGLE_BYTE_EN = { 'windows-1252': 'Windows-1252 (Western European)', 'windows-1256': 'Windows-1256 (Arabic)' } as const;
const SINGLE_BYTE_AR = { 'windows-1252': 'Windows-1252 (لغات أوروبا الغربية)', 'windows-1256': 'Windows-1256 (العربية)' } as const;

/** The notes as the reader words them, after a file's name (see the top of the file). */
const NOTES = {
  // The file as a whole
  'file.empty': message<NoArgs>('warning', () => 'the file is empty', () => 'الملف فارغ'),
  'file.read-failed': message<{ error: string }>(
    'warning',
    (a) => `the file could not be read: ${a.error}`,
    (a) => `تعذّرت قراءة الملف: ${a.error}`,
  ),
  'file.xlsx-misnamed': message<{ extension: string }>(
    'info',
    (a) => `the file is named ${a.extension ? `.${a.extension}` : 'without an extension'} but is an Excel workbook (.xlsx); it was read as .xlsx`,
    (a) => `${a.extension ? `الملف يحمل الامتداد .${a.extension}` : 'الملف بلا امتداد'} لكنه مصنف Excel (.xlsx)، فقُرئ على أنه .xlsx`,
  ),
  'file.xls-or-encrypted': message<NoArgs>(
    'warning',
    () => 'this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read: open it in Excel and save it as .xlsx (without a password) or .csv',
    () => 'هذا مصنف Excel 97-2003 (.xls) أو مصنف محمي بكلمة مرور، ولا يمكن قراءته: افتحه في Excel واحفظه بصيغة .xlsx (دون كلمة مرور) أو .csv',
  ),
  'file.xls': message<NoArgs>(
    'warning',
    () => 'Excel 97-2003 .xls files cannot be read: open it in Excel and save it as .xlsx or .csv',
    () => 'لا يمكن قراءة ملفات Excel 97-2003 (.xls): افتح الملف في Excel واحفظه بصيغة .xlsx أو .csv',
  ),
  'file.unknown-type': message<{ extension: string }>(
    'info',
    (a) => `unknown file type ${a.extension ? `".${a.extension}"` : '(no extension)'}: read as delimited text`,
    (a) => `نوع الملف ${a.extension ? `".${a.extension}"` : '(بلا امتداد)'} غير معروف: قُرئ نصًا مفصولًا بمحدِّد`,
  ),
  'file.not-text': message<{ content: BinaryContent }>(
    'warning',
    (a) => (a.content === 'binary' ? 'the file is not text (binary content)' : `the file is not text: it is ${BINARY_EN[a.content]}`),
    (a) => (a.content === 'binary' ? 'الملف ليس نصًا (محتوى ثنائي)' : `الملف ليس نصًا: إنه ${BINARY_AR[a.content]}`),
  ),
  'file.not-written': message<{ failure: string }>(
    'warning',
    (a) => `It could not be written into the workbook: ${a.failure}`,
    (a) => `تعذّرت كتابة الملف في المصنف: ${a.failure}`,
  ),

  // Text: its encoding
  'file.undecodable': message<{ n: number; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }>(
    'warning',
    (a) =>
      a.encoding === 'utf-8'
        ? `${plural(a.n, 'character')} could not be decoded as UTF-8 and ${a.n === 1 ? 'was' : 'were'} replaced by "\uFFFD": if the file was saved from Excel, save it again as "CSV UTF-8"`
        : `${plural(a.n, 'character')} could not be decoded as ${a.encoding.toUpperCase()} and ${a.n === 1 ? 'was' : 'were'} replaced by "\uFFFD"`,
    (a) =>
      `تعذّر فك ترميز ${arCount(a.n, 'حرف واحد', 'حرفين', 'الأحرف')} بترميز ${a.encoding.toUpperCase()} فاستُبدل ${a.n === 1 ? 'به' : a.n === 2 ? 'بهما' : 'بها'} "\uFFFD"${a.encoding === 'utf-8' ? ': إن كان الملف محفوظًا من Excel فاحفظه مجددًا بصيغة "CSV UTF-8"' : ''}`,
  ),
  'file.single-byte': message<{ encoding: 'windows-1252' | 'windows-1256' }>(
    'warning',
    (a) => `decoded as ${SINGLE_BYTE_EN[a.encoding]}: the file is not UTF-8; if some characters look wrong, save it again from Excel as "CSV UTF-8"`,
    (a) => `قُرئ بترميز ${SINGLE_BYTE_AR[a.encoding]}: الملف ليس بترميز UTF-8؛ إن بدت بعض الأحرف خاطئة فاحفظه مجددًا من Excel بصيغة "CSV UTF-8"`,
  ),

  // Text: its quotes
  'file.tab-quotes': message<{ n: number; row: number }>(
    'warning',
    (a) => `${plural(a.n, 'field')} started with a quote that was not closed (first at row ${a.row}); the file was read with quotes as ordinary characters`,
    (a) =>
      `${a.n === 1 ? `حقل يبدأ بعلامة اقتباس لم تُغلق (في الصف ${a.row})` : a.n === 2 ? `حقلان يبدآن بعلامة اقتباس لم تُغلق (أولهما في الصف ${a.row})` : `${count(a.n)} من الحقول تبدأ بعلامة اقتباس لم تُغلق (أولها في الصف ${a.row})`}؛ فقُرئ الملف على أن علامات الاقتباس أحرف عادية`,
  ),
  'file.quote-unclosed': message<{ row: number; line: number; column: number; neverClosed: boolean; taken: number }>(
    'warning',
    (a) =>
      `row ${a.row}: a quoted field is malformed: its quote, opened on line ${a.line} of the file (column ${a.column}), is ${a.neverClosed ? 'never closed' : 'not closed where the value ends'}, so the ${count(a.taken)} ${a.taken === 1 ? 'line' : 'lines'} after it (${a.taken === 1 ? `line ${a.line + 1}` : `lines ${a.line + 1} to ${a.line + a.taken}`}) ${a.taken === 1 ? 'was' : 'were'} read into that one cell instead of as rows; check the quotes on line ${a.line}`,
    (a) =>
      `الصف ${a.row}: حقل مقتبس غير سليم: علامة الاقتباس التي فُتحت في السطر ${a.line} من الملف (العمود ${a.column}) ${a.neverClosed ? 'لم تُغلق قط' : 'لم تُغلق حيث تنتهي القيمة'}، ${a.taken === 1 ? `فقُرئ السطر الذي يليها (السطر ${a.line + 1}) في تلك الخلية الواحدة بدلًا من أن يُقرأ صفًا` : `فقُرئت الأسطر التي تليها، وعددها ${count(a.taken)} (الأسطر ${a.line + 1} إلى ${a.line + a.taken})، في تلك الخلية الواحدة بدلًا من أن تُقرأ صفوفًا`}؛ راجع علامات الاقتباس في السطر ${a.line}`,
  ),
  'file.quote-runs-long': message<{ row: number; column: number; line: number; lines: number; taken: number; rowLike: boolean }>(
    'warning',
    (a) =>
      `row ${a.row}: the quoted value in column ${a.column} runs over ${count(a.lines)} lines of the file (lines ${a.line} to ${a.line + a.lines - 1}), ${a.rowLike ? 'some of them looking like rows of their own' : "far more than the file's other values"}: if a quote is missing or stray there, those ${count(a.taken)} ${a.taken === 1 ? 'line' : 'lines'} ${a.taken === 1 ? 'was' : 'were'} read into that one cell instead of as rows; check the quotes on line ${a.line}`,
    (a) =>
      `الصف ${a.row}: القيمة المقتبسة في العمود ${a.column} تمتد على ${arCount(a.lines, 'سطر واحد', 'سطرين', 'أسطر الملف')} (الأسطر ${a.line} إلى ${a.line + a.lines - 1})، ${a.rowLike ? 'يبدو بعضها صفوفًا مستقلة' : 'وهذا أكثر بكثير من قيم الملف الأخرى'}: إن كانت فيها علامة اقتباس ناقصة أو زائدة فقد قُرئ ${a.taken === 1 ? 'سطر واحد منها' : a.taken === 2 ? 'سطران منها' : `${count(a.taken)} منها`} في تلك الخلية الواحدة بدلًا من أن ${a.taken === 1 ? 'يُقرأ صفًا' : 'تُقرأ صفوفًا'}؛ راجع علامات الاقتباس في السطر ${a.line}`,
  ),
  'file.quotes-took-lines': message<{ n: number; lines: number } & RowList>(
    'warning',
    (a) => `in all, ${a.n} quoted values took in ${count(a.lines)} lines of the file that may be rows of their own, at ${rowsEn(a)}: check the quotes there`,
    (a) => `إجمالًا، ضمّت ${a.n} من القيم المقتبسة ${count(a.lines)} من أسطر الملف قد تكون صفوفًا مستقلة، في ${rowsAr(a)}: راجع علامات الاقتباس هناك`,
  ),
  'file.quotes-malformed': message<{ n: number } & RowList>(
    'warning',
    (a) => `${plural(a.n, 'quoted field')} ${a.n === 1 ? 'is' : 'are'} malformed (a missing or stray quote), at ${rowsEn(a)}: check ${a.rows.length === 1 ? 'that row' : 'those rows'}`,
    (a) => `${a.n === 1 ? 'حقل مقتبس واحد غير سليم' : `حقول مقتبسة غير سليمة عددها ${count(a.n)}`} (علامة اقتباس ناقصة أو زائدة)، في ${rowsAr(a)}: راجع ${a.rows.length === 1 ? 'ذلك الصف' : 'تلك الصفوف'}`,
  ),

  // Text: its rows
  'file.blank-lines': message<NoArgs>('warning', () => 'the file has only blank lines', () => 'لا يحوي الملف إلا أسطرًا فارغة'),
  'file.no-values': message<NoArgs>(
    'warning',
    () => 'the file holds no values: only spaces, delimiters and blank lines',
    () => 'لا يحوي الملف أي قيم: فيه مسافات ومحددات وأسطر فارغة فقط',
  ),
  'file.no-delimiter': message<NoArgs>(
    'warning',
    () => 'no delimiter (tab, comma, semicolon or pipe) was found: each line was read as one column',
    () => 'لم يُعثر على محدِّد (علامة جدولة أو فاصلة أو فاصلة منقوطة أو خط عمودي): قُرئ كل سطر عمودًا واحدًا',
  ),
  'file.ragged-rows': message<{ n: number; usual: number } & RowList>(
    'warning',
    (a) => `${a.n} ${a.n === 1 ? 'row has' : 'rows have'} a different number of fields than most rows (${a.usual}): ${rowsEn(a)}`,
    (a) => `يختلف عدد الحقول في ${arCount(a.n, 'صف واحد', 'صفين', 'الصفوف')} عنه في أغلب الصفوف (${a.usual}): ${rowsAr(a)}`,
  ),

  // Workbooks: the package
  'file.xlsx-damaged': message<WorkbookDamage>(
    'warning',
    (a) => `${a.name} is not a readable Excel workbook (${damageEn(a)})`,
    (a) => `الملف ${a.name} ليس مصنف Excel صالحًا للقراءة (${damageAr(a)})`,
  ),
  'file.xlsx-invalid': message<{ damage: Problem }>(
    'warning',
    (a, say) => `not a valid .xlsx file: ${say(a.damage)}`,
    (a, say) => `ملف .xlsx غير صالح: ${say(a.damage)}`,
  ),
  'file.xlsx-part-too-big': message<{ name: string; part: string; size: number; limit: number }>(
    'warning',
    (a) =>
      `${a.name} was not read: one part of it (${a.part}) expands to ${mib(a.size)}, more than one part of an .xlsx can be and still be read (${mib(a.limit)}; a sheet of about 700,000 rows): save the report as CSV or tab-delimited text (.csv, .txt) and read that`,
    (a) =>
      `لم يُقرأ الملف ${a.name}: أحد أجزائه (${a.part}) يتمدد عند فك ضغطه إلى ${mib(a.size)}، وهذا أكبر مما يمكن قراءته لجزء واحد من ملف .xlsx (${mib(a.limit)}، أي ورقة من نحو 700,000 صف): احفظ التقرير بصيغة CSV أو نص مفصول بعلامات جدولة (.csv أو .txt) واقرأه`,
  ),
  'file.xlsx-part-ratio': message<{ name: string; part: string; size: number; packed: number }>(
    'warning',
    (a) =>
      `${a.name} was not read: one part of it (${a.part}) expands to ${mib(a.size)} from ${mib(a.packed)}, ${count(Math.round(a.size / Math.max(a.packed, 1)))} times (real workbooks expand about 10 times); is it really a report?`,
    (a) =>
      `لم يُقرأ الملف ${a.name}: أحد أجزائه (${a.part}) يتمدد من ${mib(a.packed)} إلى ${mib(a.size)}، أي بمعامل ${count(Math.round(a.size / Math.max(a.packed, 1)))} (المصنفات الحقيقية تتمدد بمعامل 10 تقريبًا)؛ هل هو تقرير فعلًا؟`,
  ),
  'file.xlsx-too-large': message<{ name: string; size: number; limit: number }>(
    'warning',
    (a) => `${a.name} expands to more than ${mib(a.limit)} when unpacked (at least ${mib(a.size)}): not read; is it really a report? (A report of a million rows expands to less than 900 MiB.)`,
    (a) => `الملف ${a.name} يتمدد عند فك ضغطه إلى أكثر من ${mib(a.limit)} (${mib(a.size)} على الأقل): لم يُقرأ؛ هل هو تقرير فعلًا؟ (تقرير من مليون صف يتمدد إلى أقل من 900 MiB.)`,
  ),
  'file.xlsx-merged': message<{ name: string; cells: number; largest: string; limit: number }>(
    'warning',
    (a) =>
      `${a.name} was not read: its merged cells cover ${count(a.cells)} cells (${a.largest}), more than a report has (${count(a.limit)}); unmerge them, or copy the report's table to a new workbook`,
    (a) =>
      `لم يُقرأ الملف ${a.name}: تغطي خلاياه المدمجة ${count(a.cells)} من الخلايا (${a.largest})، وهذا أكثر مما في أي تقرير (${count(a.limit)})؛ ألغِ دمجها، أو انسخ جدول التقرير إلى مصنف جديد`,
  ),
  'file.xlsx-validations': message<{ name: string; cells: number; limit: number }>(
    'warning',
    (a) =>
      `${a.name} was not read: its drop-down lists and other data validations cover ${count(a.cells)} cells, more than can be read (${count(a.limit)}); remove them (Data > Data Validation > Clear All), or copy the report's table to a new workbook`,
    (a) =>
      `لم يُقرأ الملف ${a.name}: تغطي قوائمه المنسدلة وقواعد التحقق من صحة البيانات الأخرى ${count(a.cells)} من الخلايا، وهذا أكثر مما يمكن قراءته (${count(a.limit)})؛ احذفها (بيانات > التحقق من صحة البيانات > مسح الكل)، أو انسخ جدول التقرير إلى مصنف جديد`,
  ),

  // Workbooks: their sheets
  'file.no-worksheets': message<NoArgs>('warning', () => 'the workbook has no worksheets', () => 'لا يحوي المصنف أي ورقة عمل'),
  'file.sheet-empty': message<NoArgs>('warning', () => 'the sheet is empty', () => 'الورقة فارغة'),
  'file.formula-no-result': message<{ n: number }>(
    'warning',
    (a) => `${plural(a.n, 'formula cell')} ${a.n === 1 ? 'has' : 'have'} no saved result and ${a.n === 1 ? 'was' : 'were'} read as empty: open the file in Excel and save it again`,
    (a) => `${a.n === 1 ? 'خلية صيغة واحدة' : `${count(a.n)} من خلايا الصيغ`} ليس لها نتيجة محفوظة فقُرئت فارغة: افتح الملف في Excel واحفظه مجددًا`,
  ),
  'file.sheet-scattered': message<{ sheet: string; values: number } & Grid>(
    'warning',
    (a) =>
      `sheet "${a.sheet}" was not read: ${a.values === 1 ? `its one value is too far from A1 to be read (a grid of ${gridEn(a)})` : `its ${count(a.values)} values are too scattered to be read as a table (a grid of ${gridEn(a)})`}; copy the report's table to the top left of a new sheet and read that`,
    (a) =>
      `لم تُقرأ الورقة "${a.sheet}": ${a.values === 1 ? `قيمتها الوحيدة أبعد عن A1 من أن تُقرأ (شبكة ${gridAr(a)})` : `قيمها، وعددها ${count(a.values)}، أشد تناثرًا من أن تُقرأ جدولًا (شبكة ${gridAr(a)})`}؛ انسخ جدول التقرير إلى ورقة جديدة بحيث يبدأ من الخلية A1 واقرأها`,
  ),
  'file.far-values': message<{ sheet: string; n: number; values: string } & Grid>(
    'warning',
    (a) =>
      `sheet "${a.sheet}": ${a.n === 1 ? '1 value' : `${count(a.n)} values`} far outside the table ${a.n === 1 ? 'was' : 'were'} not read: ${a.values}. The sheet was read as ${gridEn(a)}; if ${a.n === 1 ? 'that value belongs' : 'those values belong'} to the report, move ${a.n === 1 ? 'it' : 'them'} next to the table`,
    (a) =>
      `الورقة "${a.sheet}": لم تُقرأ ${arCount(a.n, 'قيمة واحدة بعيدة', 'قيمتان بعيدتان', 'القيم البعيدة')} عن الجدول: ${a.values}. قُرئت الورقة على أنها ${gridAr(a)}؛ إن كانت ${a.n === 1 ? 'تلك القيمة' : 'تلك القيم'} من التقرير فانقلها بجوار الجدول`,
  ),
} satisfies Record<string, MessageDef<never>>;

type NoteDefs = typeof NOTES;
const NOTE_TABLE: Readonly<Record<string, MessageDef<ProblemArgs>>> = NOTES as unknown as Record<string, MessageDef<ProblemArgs>>;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A note that names another file note says it as the reader words it; any other problem as the table does. */
function within(say: Say, lang: MessageLang): Say {
  return (q) => (Object.prototype.hasOwnProperty.call(NOTE_TABLE, q.code) ? sayFileNote(q, lang) : say(q));
}

/** The rows of the table: each note's English capitalised, as Data Issues lists it on a row of its own. */
export const FILES_MESSAGES: NoteDefs = Object.fromEntries(
  Object.entries(NOTE_TABLE).map(([code, def]) => [
    code,
    message<ProblemArgs>(def.severity, (a, say) => capitalised(def.en(a, within(say, 'en'))), (a, say) => def.ar(a, within(say, 'ar'))),
  ]),
) as unknown as NoteDefs;

/**
 * A file's note as the reader words it, to follow the file's name: in English with its first letter as
 * written ("decoded as …"), or in Arabic (the same as `say`).
 */
export function sayFileNote(p: Problem, lang: MessageLang = 'en'): string {
  const def = NOTE_TABLE[p.code];
  if (def === undefined) throw new Error(`No file note for problem code ${p.code}`);
  const nested: Say = (q) => sayFileNote(q, lang);
  return lang === 'ar' ? def.ar(p.args, nested) : def.en(p.args, nested);
}
