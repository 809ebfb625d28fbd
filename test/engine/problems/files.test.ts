/**
 * The file reader's problems (src/engine/problems/files.ts): each code's note as the reader words it
 * after a file's name (the command line, the pane's import summary), the same note capitalised as Data
 * Issues lists it, and its Arabic for the pane.
 */
import { readerIssues } from '../../../src/cli/sources';
import { issueAt, problemOf, say, sayFileNote, sayIssue, severityOf, type Problem } from '../../../src/engine';
import { readReportFile } from '../../../src/io/read-report-file';

const MiB = 1024 * 1024;

/** [problem, the note in English as the reader words it, the note in Arabic]. */
const NOTES: readonly (readonly [Problem, string, string])[] = [
  [problemOf('file.empty', {}), 'the file is empty', 'الملف فارغ'],
  [problemOf('file.read-failed', { error: 'out of memory' }), 'the file could not be read: out of memory', 'تعذّرت قراءة الملف: out of memory'],
  [
    problemOf('file.xlsx-misnamed', { extension: 'csv' }),
    'the file is named .csv but is an Excel workbook (.xlsx); it was read as .xlsx',
    'الملف يحمل الامتداد .csv لكنه مصنف Excel (.xlsx)، فقُرئ على أنه .xlsx',
  ],
  [
    problemOf('file.xlsx-misnamed', { extension: '' }),
    'the file is named without an extension but is an Excel workbook (.xlsx); it was read as .xlsx',
    'الملف بلا امتداد لكنه مصنف Excel (.xlsx)، فقُرئ على أنه .xlsx',
  ],
  [
    problemOf('file.xls-or-encrypted', {}),
    'this is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read: open it in Excel and save it as .xlsx (without a password) or .csv',
    'هذا مصنف Excel 97-2003 (.xls) أو مصنف محمي بكلمة مرور، ولا يمكن قراءته: افتحه في Excel واحفظه بصيغة .xlsx (دون كلمة مرور) أو .csv',
  ],
  [
    problemOf('file.xls', {}),
    'Excel 97-2003 .xls files cannot be read: open it in Excel and save it as .xlsx or .csv',
    'لا يمكن قراءة ملفات Excel 97-2003 (.xls): افتح الملف في Excel واحفظه بصيغة .xlsx أو .csv',
  ],
  [problemOf('file.unknown-type', { extension: 'dat' }), 'unknown file type ".dat": read as delimited text', 'نوع الملف ".dat" غير معروف: قُرئ نصًا مفصولًا بمحدِّد'],
  [problemOf('file.unknown-type', { extension: '' }), 'unknown file type (no extension): read as delimited text', 'نوع الملف (بلا امتداد) غير معروف: قُرئ نصًا مفصولًا بمحدِّد'],
  [problemOf('file.not-text', { content: 'binary' }), 'the file is not text (binary content)', 'الملف ليس نصًا (محتوى ثنائي)'],
  [
    problemOf('file.not-text', { content: 'gzip' }),
    'the file is not text: it is a gzip-compressed file (.gz): unpack it and read the report inside',
    'الملف ليس نصًا: إنه ملف مضغوط بصيغة gzip (.gz): فُكَّ ضغطه واقرأ التقرير الذي بداخله',
  ],
  [problemOf('file.not-text', { content: 'pdf' }), 'the file is not text: it is a PDF document, not a report export', 'الملف ليس نصًا: إنه مستند PDF وليس تقريرًا مُصدَّرًا'],
  [
    problemOf('file.not-written', { failure: 'The sheet is protected.' }),
    'It could not be written into the workbook: The sheet is protected.',
    'تعذّرت كتابة الملف في المصنف: The sheet is protected.',
  ],
  [
    problemOf('file.undecodable', { n: 1, encoding: 'utf-8' }),
    '1 character could not be decoded as UTF-8 and was replaced by "\uFFFD": if the file was saved from Excel, save it again as "CSV UTF-8"',
    'تعذّر فك ترميز حرف واحد بترميز UTF-8 فاستُبدل به "\uFFFD": إن كان الملف محفوظًا من Excel فاحفظه مجددًا بصيغة "CSV UTF-8"',
  ],
  [
    problemOf('file.undecodable', { n: 2, encoding: 'utf-8' }),
    '2 characters could not be decoded as UTF-8 and were replaced by "\uFFFD": if the file was saved from Excel, save it again as "CSV UTF-8"',
    'تعذّر فك ترميز حرفين بترميز UTF-8 فاستُبدل بهما "\uFFFD": إن كان الملف محفوظًا من Excel فاحفظه مجددًا بصيغة "CSV UTF-8"',
  ],
  [
    problemOf('file.undecodable', { n: 3, encoding: 'utf-16le' }),
    '3 characters could not be decoded as UTF-16LE and were replaced by "\uFFFD"',
    'تعذّر فك ترميز 3 من الأحرف بترميز UTF-16LE فاستُبدل بها "\uFFFD"',
  ],
  [
    problemOf('file.single-byte', { encoding: 'windows-1256' }),
    'decoded as Windows-1256 (Arabic): the file is not UTF-8; if some characters look wrong, save it again from Excel as "CSV UTF-8"',
    'قُرئ بترميز Windows-1256 (العربية): الملف ليس بترميز UTF-8؛ إن بدت بعض الأحرف خاطئة فاحفظه مجددًا من Excel بصيغة "CSV UTF-8"',
  ],
  [
    problemOf('file.single-byte', { encoding: 'windows-1252' }),
    'decoded as Windows-1252 (Western European): the file is not UTF-8; if some characters look wrong, save it again from Excel as "CSV UTF-8"',
    'قُرئ بترميز Windows-1252 (لغات أوروبا الغربية): الملف ليس بترميز UTF-8؛ إن بدت بعض الأحرف خاطئة فاحفظه مجددًا من Excel بصيغة "CSV UTF-8"',
  ],
  [
    problemOf('file.tab-quotes', { n: 1, row: 7 }),
    '1 field started with a quote that was not closed (first at row 7); the file was read with quotes as ordinary characters',
    'حقل يبدأ بعلامة اقتباس لم تُغلق (في الصف 7)؛ فقُرئ الملف على أن علامات الاقتباس أحرف عادية',
  ],
  [
    problemOf('file.tab-quotes', { n: 2, row: 7 }),
    '2 fields started with a quote that was not closed (first at row 7); the file was read with quotes as ordinary characters',
    'حقلان يبدآن بعلامة اقتباس لم تُغلق (أولهما في الصف 7)؛ فقُرئ الملف على أن علامات الاقتباس أحرف عادية',
  ],
  [
    problemOf('file.tab-quotes', { n: 30, row: 7 }),
    '30 fields started with a quote that was not closed (first at row 7); the file was read with quotes as ordinary characters',
    '30 من الحقول تبدأ بعلامة اقتباس لم تُغلق (أولها في الصف 7)؛ فقُرئ الملف على أن علامات الاقتباس أحرف عادية',
  ],
  [
    problemOf('file.quote-unclosed', { row: 3, line: 4, column: 2, neverClosed: true, taken: 5 }),
    'row 3: a quoted field is malformed: its quote, opened on line 4 of the file (column 2), is never closed, so the 5 lines after it (lines 5 to 9) were read into that one cell instead of as rows; check the quotes on line 4',
    'الصف 3: حقل مقتبس غير سليم: علامة الاقتباس التي فُتحت في السطر 4 من الملف (العمود 2) لم تُغلق قط، فقُرئت الأسطر التي تليها، وعددها 5 (الأسطر 5 إلى 9)، في تلك الخلية الواحدة بدلًا من أن تُقرأ صفوفًا؛ راجع علامات الاقتباس في السطر 4',
  ],
  [
    problemOf('file.quote-unclosed', { row: 3, line: 4, column: 2, neverClosed: false, taken: 1 }),
    'row 3: a quoted field is malformed: its quote, opened on line 4 of the file (column 2), is not closed where the value ends, so the 1 line after it (line 5) was read into that one cell instead of as rows; check the quotes on line 4',
    'الصف 3: حقل مقتبس غير سليم: علامة الاقتباس التي فُتحت في السطر 4 من الملف (العمود 2) لم تُغلق حيث تنتهي القيمة، فقُرئ السطر الذي يليها (السطر 5) في تلك الخلية الواحدة بدلًا من أن يُقرأ صفًا؛ راجع علامات الاقتباس في السطر 4',
  ],
  [
    problemOf('file.quote-runs-long', { row: 2, column: 3, line: 3, lines: 12, taken: 11, rowLike: true }),
    'row 2: the quoted value in column 3 runs over 12 lines of the file (lines 3 to 14), some of them looking like rows of their own: if a quote is missing or stray there, those 11 lines were read into that one cell instead of as rows; check the quotes on line 3',
    'الصف 2: القيمة المقتبسة في العمود 3 تمتد على 12 من أسطر الملف (الأسطر 3 إلى 14)، يبدو بعضها صفوفًا مستقلة: إن كانت فيها علامة اقتباس ناقصة أو زائدة فقد قُرئ 11 منها في تلك الخلية الواحدة بدلًا من أن تُقرأ صفوفًا؛ راجع علامات الاقتباس في السطر 3',
  ],
  [
    problemOf('file.quote-runs-long', { row: 2, column: 3, line: 3, lines: 2, taken: 1, rowLike: false }),
    "row 2: the quoted value in column 3 runs over 2 lines of the file (lines 3 to 4), far more than the file's other values: if a quote is missing or stray there, those 1 line was read into that one cell instead of as rows; check the quotes on line 3",
    'الصف 2: القيمة المقتبسة في العمود 3 تمتد على سطرين (الأسطر 3 إلى 4)، وهذا أكثر بكثير من قيم الملف الأخرى: إن كانت فيها علامة اقتباس ناقصة أو زائدة فقد قُرئ سطر واحد منها في تلك الخلية الواحدة بدلًا من أن يُقرأ صفًا؛ راجع علامات الاقتباس في السطر 3',
  ],
  [
    problemOf('file.quotes-took-lines', { n: 4, lines: 1234, rows: [2, 9, 15, 40], more: false }),
    'in all, 4 quoted values took in 1,234 lines of the file that may be rows of their own, at rows 2, 9, 15, 40: check the quotes there',
    'إجمالًا، ضمّت 4 من القيم المقتبسة 1,234 من أسطر الملف قد تكون صفوفًا مستقلة، في الصفوف 2، 9، 15، 40: راجع علامات الاقتباس هناك',
  ],
  [
    problemOf('file.quotes-malformed', { n: 1, rows: [2], more: false }),
    '1 quoted field is malformed (a missing or stray quote), at row 2: check that row',
    'حقل مقتبس واحد غير سليم (علامة اقتباس ناقصة أو زائدة)، في الصف 2: راجع ذلك الصف',
  ],
  [
    problemOf('file.quotes-malformed', { n: 12, rows: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], more: true }),
    '12 quoted fields are malformed (a missing or stray quote), at rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …: check those rows',
    'حقول مقتبسة غير سليمة عددها 12 (علامة اقتباس ناقصة أو زائدة)، في الصفوف 1، 2، 3، 4، 5، 6، 7، 8، 9، 10، …: راجع تلك الصفوف',
  ],
  [problemOf('file.blank-lines', {}), 'the file has only blank lines', 'لا يحوي الملف إلا أسطرًا فارغة'],
  [problemOf('file.no-values', {}), 'the file holds no values: only spaces, delimiters and blank lines', 'لا يحوي الملف أي قيم: فيه مسافات ومحددات وأسطر فارغة فقط'],
  [
    problemOf('file.no-delimiter', {}),
    'no delimiter (tab, comma, semicolon or pipe) was found: each line was read as one column',
    'لم يُعثر على محدِّد (علامة جدولة أو فاصلة أو فاصلة منقوطة أو خط عمودي): قُرئ كل سطر عمودًا واحدًا',
  ],
  [
    problemOf('file.ragged-rows', { n: 1, usual: 3, rows: [3], more: false }),
    '1 row has a different number of fields than most rows (3): row 3',
    'يختلف عدد الحقول في صف واحد عنه في أغلب الصفوف (3): الصف 3',
  ],
  [
    problemOf('file.ragged-rows', { n: 2, usual: 3, rows: [3, 4], more: false }),
    '2 rows have a different number of fields than most rows (3): rows 3, 4',
    'يختلف عدد الحقول في صفين عنه في أغلب الصفوف (3): الصفوف 3، 4',
  ],
  [
    problemOf('file.ragged-rows', { n: 40, usual: 21, rows: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], more: true }),
    '40 rows have a different number of fields than most rows (21): rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …',
    'يختلف عدد الحقول في 40 من الصفوف عنه في أغلب الصفوف (21): الصفوف 3، 4، 5، 6، 7، 8، 9، 10، 11، 12، …',
  ],
  [
    problemOf('file.xlsx-damaged', { name: 'Stock.xlsx', why: 'cut-short' }),
    'Stock.xlsx is not a readable Excel workbook (the file is damaged or cut short)',
    'الملف Stock.xlsx ليس مصنف Excel صالحًا للقراءة (الملف تالف أو مبتور)',
  ],
  [
    problemOf('file.xlsx-invalid', { damage: problemOf('file.xlsx-damaged', { name: 'stock.xlsx', why: 'part-short', part: 'xl/worksheets/sheet1.xml' }) }),
    'not a valid .xlsx file: stock.xlsx is not a readable Excel workbook (the file is damaged: its part xl/worksheets/sheet1.xml is cut short)',
    'ملف .xlsx غير صالح: الملف stock.xlsx ليس مصنف Excel صالحًا للقراءة (الملف تالف: جزؤه xl/worksheets/sheet1.xml مبتور)',
  ],
  [
    problemOf('file.xlsx-invalid', { damage: problemOf('file.xlsx-damaged', { name: 'Stock.xlsx', why: 'not-zip', content: 'text' }) }),
    'not a valid .xlsx file: Stock.xlsx is not a readable Excel workbook (it is not a zip package; it looks like text: if it is a CSV or TXT report, give it that extension)',
    'ملف .xlsx غير صالح: الملف Stock.xlsx ليس مصنف Excel صالحًا للقراءة (ليس حزمة zip؛ يبدو نصًا: إن كان تقرير CSV أو TXT فأعطه ذلك الامتداد)',
  ],
  [
    problemOf('file.xlsx-invalid', { damage: problemOf('file.xlsx-damaged', { name: 'Stock.xlsx', why: 'not-zip', content: 'jpeg' }) }),
    'not a valid .xlsx file: Stock.xlsx is not a readable Excel workbook (it is not a zip package: a JPEG image, not a report export)',
    'ملف .xlsx غير صالح: الملف Stock.xlsx ليس مصنف Excel صالحًا للقراءة (ليس حزمة zip: إنه صورة JPEG وليست تقريرًا مُصدَّرًا)',
  ],
  [
    problemOf('file.xlsx-invalid', { damage: problemOf('file.xlsx-damaged', { name: 'Stock.xlsx', why: 'parts-damaged', detail: '' }) }),
    'not a valid .xlsx file: Stock.xlsx is not a readable Excel workbook (parts of it are damaged (unknown error))',
    'ملف .xlsx غير صالح: الملف Stock.xlsx ليس مصنف Excel صالحًا للقراءة (بعض أجزائه تالفة (خطأ غير معروف))',
  ],
  [
    problemOf('file.xlsx-part-too-big', { name: 'Big.xlsx', part: 'xl/sharedStrings.xml', size: 600 * MiB, limit: 512 * MiB }),
    'Big.xlsx was not read: one part of it (xl/sharedStrings.xml) expands to 600 MiB, more than one part of an .xlsx can be and still be read (512 MiB; a sheet of about 700,000 rows): save the report as CSV or tab-delimited text (.csv, .txt) and read that',
    'لم يُقرأ الملف Big.xlsx: أحد أجزائه (xl/sharedStrings.xml) يتمدد عند فك ضغطه إلى 600 MiB، وهذا أكبر مما يمكن قراءته لجزء واحد من ملف .xlsx (512 MiB، أي ورقة من نحو 700,000 صف): احفظ التقرير بصيغة CSV أو نص مفصول بعلامات جدولة (.csv أو .txt) واقرأه',
  ],
  [
    problemOf('file.xlsx-part-ratio', { name: 'Bomb.xlsx', part: 'xl/worksheets/sheet1.xml', size: 100 * MiB, packed: 100 * 1024 }),
    'Bomb.xlsx was not read: one part of it (xl/worksheets/sheet1.xml) expands to 100 MiB from 100 KiB, 1,024 times (real workbooks expand about 10 times); is it really a report?',
    'لم يُقرأ الملف Bomb.xlsx: أحد أجزائه (xl/worksheets/sheet1.xml) يتمدد من 100 KiB إلى 100 MiB، أي بمعامل 1,024 (المصنفات الحقيقية تتمدد بمعامل 10 تقريبًا)؛ هل هو تقرير فعلًا؟',
  ],
  [
    problemOf('file.xlsx-too-large', { name: 'Big.xlsx', size: 1.5 * MiB, limit: MiB }),
    'Big.xlsx expands to more than 1 MiB when unpacked (at least 1.5 MiB): not read; is it really a report? (A report of a million rows expands to less than 900 MiB.)',
    'الملف Big.xlsx يتمدد عند فك ضغطه إلى أكثر من 1 MiB (1.5 MiB على الأقل): لم يُقرأ؛ هل هو تقرير فعلًا؟ (تقرير من مليون صف يتمدد إلى أقل من 900 MiB.)',
  ],
  [
    problemOf('file.xlsx-merged', { name: 'Merged.xlsx', cells: 17_179_869_184, largest: 'A1:XFD1048576', limit: 1_000_000 }),
    "Merged.xlsx was not read: its merged cells cover 17,179,869,184 cells (A1:XFD1048576), more than a report has (1,000,000); unmerge them, or copy the report's table to a new workbook",
    'لم يُقرأ الملف Merged.xlsx: تغطي خلاياه المدمجة 17,179,869,184 من الخلايا (A1:XFD1048576)، وهذا أكثر مما في أي تقرير (1,000,000)؛ ألغِ دمجها، أو انسخ جدول التقرير إلى مصنف جديد',
  ],
  [
    problemOf('file.xlsx-validations', { name: 'Titled.xlsx', cells: 101, limit: 100 }),
    "Titled.xlsx was not read: its drop-down lists and other data validations cover 101 cells, more than can be read (100); remove them (Data > Data Validation > Clear All), or copy the report's table to a new workbook",
    'لم يُقرأ الملف Titled.xlsx: تغطي قوائمه المنسدلة وقواعد التحقق من صحة البيانات الأخرى 101 من الخلايا، وهذا أكثر مما يمكن قراءته (100)؛ احذفها (بيانات > التحقق من صحة البيانات > مسح الكل)، أو انسخ جدول التقرير إلى مصنف جديد',
  ],
  [problemOf('file.no-worksheets', {}), 'the workbook has no worksheets', 'لا يحوي المصنف أي ورقة عمل'],
  [problemOf('file.sheet-empty', {}), 'the sheet is empty', 'الورقة فارغة'],
  [
    problemOf('file.formula-no-result', { n: 1 }),
    '1 formula cell has no saved result and was read as empty: open the file in Excel and save it again',
    'خلية صيغة واحدة ليس لها نتيجة محفوظة فقُرئت فارغة: افتح الملف في Excel واحفظه مجددًا',
  ],
  [
    problemOf('file.formula-no-result', { n: 4 }),
    '4 formula cells have no saved result and were read as empty: open the file in Excel and save it again',
    '4 من خلايا الصيغ ليس لها نتيجة محفوظة فقُرئت فارغة: افتح الملف في Excel واحفظه مجددًا',
  ],
  [
    problemOf('file.sheet-scattered', { sheet: 'Sheet1', values: 1, range: 'A1:XFD1048576', rows: 1_048_576, columns: 16_384 }),
    'sheet "Sheet1" was not read: its one value is too far from A1 to be read (a grid of A1:XFD1048576 (1,048,576 rows × 16,384 columns)); copy the report\'s table to the top left of a new sheet and read that',
    'لم تُقرأ الورقة "Sheet1": قيمتها الوحيدة أبعد عن A1 من أن تُقرأ (شبكة A1:XFD1048576 (الصفوف: 1,048,576، الأعمدة: 16,384))؛ انسخ جدول التقرير إلى ورقة جديدة بحيث يبدأ من الخلية A1 واقرأها',
  ],
  [
    problemOf('file.sheet-scattered', { sheet: 'Sheet1', values: 1200, range: 'A1:ZZ5000', rows: 5000, columns: 702 }),
    'sheet "Sheet1" was not read: its 1,200 values are too scattered to be read as a table (a grid of A1:ZZ5000 (5,000 rows × 702 columns)); copy the report\'s table to the top left of a new sheet and read that',
    'لم تُقرأ الورقة "Sheet1": قيمها، وعددها 1,200، أشد تناثرًا من أن تُقرأ جدولًا (شبكة A1:ZZ5000 (الصفوف: 5,000، الأعمدة: 702))؛ انسخ جدول التقرير إلى ورقة جديدة بحيث يبدأ من الخلية A1 واقرأها',
  ],
  [
    problemOf('file.far-values', { sheet: 'Stock', n: 1, values: 'XFD1048576 "x"', range: 'A1:U5', rows: 5, columns: 21 }),
    'sheet "Stock": 1 value far outside the table was not read: XFD1048576 "x". The sheet was read as A1:U5 (5 rows × 21 columns); if that value belongs to the report, move it next to the table',
    'الورقة "Stock": لم تُقرأ قيمة واحدة بعيدة عن الجدول: XFD1048576 "x". قُرئت الورقة على أنها A1:U5 (الصفوف: 5، الأعمدة: 21)؛ إن كانت تلك القيمة من التقرير فانقلها بجوار الجدول',
  ],
  [
    problemOf('file.far-values', { sheet: 'Stock', n: 2, values: 'Z900 "a", XFD1048576 "x"', range: 'A1:A1', rows: 1, columns: 1 }),
    'sheet "Stock": 2 values far outside the table were not read: Z900 "a", XFD1048576 "x". The sheet was read as A1:A1 (1 row × 1 column); if those values belong to the report, move them next to the table',
    'الورقة "Stock": لم تُقرأ قيمتان بعيدتان عن الجدول: Z900 "a", XFD1048576 "x". قُرئت الورقة على أنها A1:A1 (الصفوف: 1، الأعمدة: 1)؛ إن كانت تلك القيم من التقرير فانقلها بجوار الجدول',
  ],
];

describe("the file reader's notes", () => {
  it.each(NOTES.map(([p, en, ar]) => [p.code, p, en, ar] as const))('%s: in English after the file name, capitalised in Data Issues, and in Arabic', (_code, p, en, ar) => {
    expect(sayFileNote(p)).toBe(en);
    expect(say(p)).toBe(en.charAt(0).toUpperCase() + en.slice(1));
    expect(sayFileNote(p, 'ar')).toBe(ar);
    expect(say(p, 'ar')).toBe(ar);
  });

  it('capitalises only the start of a note: a file name inside it keeps its case', () => {
    const p = problemOf('file.xlsx-invalid', { damage: problemOf('file.xlsx-damaged', { name: 'stock.xlsx', why: 'cut-short' }) });
    expect(say(p)).toBe('Not a valid .xlsx file: stock.xlsx is not a readable Excel workbook (the file is damaged or cut short)');
    // A note that starts with the file's name: Data Issues shows it as the reader words it, capitalised.
    expect(say(problemOf('file.xlsx-damaged', { name: 'stock.xlsx', why: 'empty-zip' }))).toBe('Stock.xlsx is not a readable Excel workbook (the file is an empty zip package)');
  });

  it('says each way a workbook is damaged', () => {
    const damaged = (p: Problem) => [sayFileNote(p), sayFileNote(p, 'ar')];
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'empty-zip' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (the file is an empty zip package)',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (الملف حزمة zip فارغة)',
    ]);
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'zip-not-workbook' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (it is a zip package but not an Excel workbook)',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (الملف حزمة zip لكنه ليس مصنف Excel)',
    ]);
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'parts-missing' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (it is a zip package but not an Excel workbook (or parts of it are missing))',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (الملف حزمة zip لكنه ليس مصنف Excel (أو تنقصه بعض أجزائه))',
    ]);
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'part-unpackable', part: 'xl/styles.xml' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (the file is damaged: its part xl/styles.xml cannot be unpacked)',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (الملف تالف: تعذّر فك ضغط جزئه xl/styles.xml)',
    ]);
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'part-overlong', part: 'xl/styles.xml' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (the file is damaged: its part xl/styles.xml holds more than the file says it does)',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (الملف تالف: جزؤه xl/styles.xml يحوي أكثر مما يذكره الملف)',
    ]);
    expect(damaged(problemOf('file.xlsx-damaged', { name: 'a.xlsx', why: 'parts-damaged', detail: 'invalid XML' }))).toEqual([
      'a.xlsx is not a readable Excel workbook (parts of it are damaged (invalid XML))',
      'الملف a.xlsx ليس مصنف Excel صالحًا للقراءة (بعض أجزائه تالفة (invalid XML))',
    ]);
  });

  it('has a severity for kept data; a note on a file that gave no rows is an error', () => {
    expect(severityOf(problemOf('file.xlsx-misnamed', { extension: 'csv' }), false)).toBe('info');
    expect(severityOf(problemOf('file.single-byte', { encoding: 'windows-1256' }), false)).toBe('warning');
    expect(severityOf(problemOf('file.empty', {}), true)).toBe('error');
  });

  it('refuses a code that is not a file note', () => {
    expect(() => sayFileNote(problemOf('stock.negative', { what: 'stock', n: -1 }))).toThrow('No file note for problem code stock.negative');
  });
});

describe('a file read, its notes in Data Issues and in the pane', () => {
  it('a CSV saved by Arabic Excel (Windows-1256): one issue naming the file, its code and values, said in English and Arabic', async () => {
    // "أحمر" in Windows-1256.
    const bytes = new Uint8Array([...Buffer.from('sku,title\nA1,', 'ascii'), 0xc3, 0xcd, 0xe3, 0xd1, 0x0a]);
    const sheets = await readReportFile('arabic.csv', bytes);
    expect(sheets[0].problems).toEqual([{ code: 'file.single-byte', args: { encoding: 'windows-1256' } }]);
    const issues = readerIssues(sheets);
    expect(issues).toEqual([
      {
        source: 'arabic.csv',
        row: null,
        column: null,
        value: null,
        code: 'file.single-byte',
        args: { encoding: 'windows-1256' },
        severity: 'warning',
        reason: 'Decoded as Windows-1256 (Arabic): the file is not UTF-8; if some characters look wrong, save it again from Excel as "CSV UTF-8"',
        dropped: false,
      },
    ]);
    expect(sayIssue(issues[0])).toBe(issues[0].reason);
    expect(sayIssue(issues[0], 'ar')).toBe('قُرئ بترميز Windows-1256 (العربية): الملف ليس بترميز UTF-8؛ إن بدت بعض الأحرف خاطئة فاحفظه مجددًا من Excel بصيغة "CSV UTF-8"');
  });

  it('a file that gave no rows: its notes are errors (the sheet is not used)', async () => {
    const sheets = await readReportFile('report.dat', new Uint8Array(0));
    expect(readerIssues(sheets)).toEqual([issueAt({ source: 'report.dat', row: null, column: null, value: null }, problemOf('file.empty', {}), true)]);
    expect(readerIssues(sheets)[0]).toMatchObject({ code: 'file.empty', severity: 'error', reason: 'The file is empty', dropped: true });
  });

  it('a workbook cut short: the nested reason is said in the same language', async () => {
    const sheets = await readReportFile('Stock.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
    const [issue] = readerIssues(sheets);
    expect(issue).toMatchObject({ code: 'file.xlsx-invalid', severity: 'error', reason: 'Not a valid .xlsx file: Stock.xlsx is not a readable Excel workbook (the file is damaged or cut short)' });
    expect(sayIssue(issue, 'ar')).toBe('ملف .xlsx غير صالح: الملف Stock.xlsx ليس مصنف Excel صالحًا للقراءة (الملف تالف أو مبتور)');
  });
});
