import fc from 'fast-check';
import { ValueProblem, type RawCell } from '../../../src/engine/ingest/types';
import { dateOrderEvidence, decideDateOrder, parseDate } from '../../../src/engine/ingest/values/dates';
import { parseCurrencyCode, parseInteger, parseNumber } from '../../../src/engine/ingest/values/numbers';
import { parseText } from '../../../src/engine/ingest/values/text';

/** Matches a ValueProblem whose English message is `reason` (the problem itself is a code and its values). */
const bad = (reason: string) => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: (x: unknown) => x instanceof ValueProblem && x.reason === reason,
  toAsymmetricMatcher: () => `ValueProblem(${JSON.stringify(reason)})`,
});
const notANumber = (raw: string) => bad(`"${raw}" is not a number`);
const decimalCommaHint = (raw: string) =>
  bad(`"${raw}" is not a number (it looks like a decimal comma, which is read only when the decimal comma option is on)`);
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const toDigits = (text: string, digits: string) => text.replace(/[0-9]/g, (c) => digits[Number(c)]);

describe('parseNumber (docs/REPORTS.md "Values")', () => {
  test.each<[RawCell]>([[null], [undefined], [''], ['   '], ['\u00a0\u2009'], ['\t\n']])('blank %j → null', (cell) => {
    expect(parseNumber(cell)).toBeNull();
  });

  test('JS numbers pass through', () => {
    expect(parseNumber(0)).toBe(0);
    expect(parseNumber(12.5)).toBe(12.5);
    expect(parseNumber(-3)).toBe(-3);
    expect(parseNumber(1e300)).toBe(1e300);
  });

  test('NaN, ±Infinity, booleans and Dates are problems', () => {
    expect(parseNumber(NaN)).toStrictEqual(bad('expected a number, got NaN'));
    expect(parseNumber(Infinity)).toStrictEqual(bad('expected a finite number, got Infinity'));
    expect(parseNumber(-Infinity)).toStrictEqual(bad('expected a finite number, got -Infinity'));
    expect(parseNumber(true)).toStrictEqual(bad('expected a number, got TRUE'));
    expect(parseNumber(false)).toStrictEqual(bad('expected a number, got FALSE'));
    expect(parseNumber(new Date(Date.UTC(2026, 4, 19)))).toStrictEqual(bad('expected a number, got a date'));
  });

  test('plain text numbers (the short path)', () => {
    expect(parseNumber('123')).toBe(123);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('-12.5')).toBe(-12.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('007')).toBe(7);
    expect(parseNumber('-0')).toBe(0); // not -0
    expect(parseNumber(' 12 ')).toBe(12);
  });

  test('the formatted values of the Amazon business report sample (business-report-by-child-item.sample.csv)', () => {
    expect(parseNumber('12,131')).toBe(12131); // Sessions - Total
    expect(parseNumber('17,004')).toBe(17004); // Page Views - Total
    expect(parseNumber('12.02%')).toBe(0.1202); // Session Percentage - Total: 12.02 / 100
    expect(parseNumber('99.80%')).toBe(0.998);
    expect(parseNumber('100.00%')).toBe(1);
    expect(parseNumber('$12,905.25')).toBe(12905.25); // Ordered Product Sales
    expect(parseNumber('$94.50')).toBe(94.5); // Ordered Product Sales - B2B
  });

  test('thousands separators', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('1,234,567.891')).toBe(1234567.891);
    expect(parseNumber('-1,000')).toBe(-1000);
    // no-break, narrow no-break and thin spaces separate thousands; every group uses the same one
    expect(parseNumber('1\u00a0234\u00a0567')).toBe(1234567);
    expect(parseNumber('1\u202f234,5'.replace(',', '.'))).toBe(1234.5);
    expect(parseNumber('1\u2009234')).toBe(1234);
  });

  test.each<[string, number]>([
    ['SAR 1,234.50', 1234.5],
    ['1,234.50 SAR', 1234.5],
    ['SAR1,234.50', 1234.5],
    ['sar 12', 12],
    ['AED12', 12],
    ['12 AED', 12],
    ['Dhs 12', 12],
    ['DH 12', 12],
    ['SR 15', 15],
    ['$94.50', 94.5],
    ['94.50$', 94.5],
    ['US$ 5', 5],
    ['ر.س 15', 15],
    ['15 ر.س', 15],
    ['15ر.س', 15],
    ['15 ر.س.', 15],
    ['د.إ 20', 20],
    ['20 د.إ', 20],
    ['﷼ 15', 15],
    ['15 ﷼', 15],
    ['15 ريال', 15],
    ['20 درهم', 20],
    ['€3', 3],
    ['£3', 3],
    ['USD 5', 5],
    ['EUR 5', 5],
    ['GBP 5', 5],
    ['SAR\u00a012.50', 12.5], // no-break space as padding
    ['\u200fر.س\u200f 15', 15], // right-to-left marks around Arabic text
  ])('currency: %j → %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test('percentages: "%" and the Arabic percent sign "٪" divide by 100', () => {
    expect(parseNumber('12.02%')).toBe(0.1202);
    expect(parseNumber('50 %')).toBe(0.5);
    expect(parseNumber('-5%')).toBe(-0.05);
    expect(parseNumber('(5%)')).toBe(-0.05);
    expect(parseNumber('12.5٪')).toBe(0.125);
    expect(parseNumber('١٢٫٥٪')).toBe(0.125);
    expect(parseNumber('1e2%')).toBe(1);
  });

  test('Arabic-Indic and Persian digits, Arabic decimal and thousands separators', () => {
    expect(parseNumber('١٢٬١٣١٫٥')).toBe(12131.5);
    expect(parseNumber('٩٠')).toBe(90);
    expect(parseNumber('۱۲۳')).toBe(123);
    expect(parseNumber('۱۲٬۳۴۵٫۶۷')).toBe(12345.67);
    expect(parseNumber('ر.س ١٬٢٣٤٫٥٠')).toBe(1234.5);
    expect(parseNumber('(٣)')).toBe(-3); // noon stock fixture
    // the Arabic separators keep their meaning with the decimal comma option on
    expect(parseNumber('١٢٬١٣١٫٥', { decimalComma: true })).toBe(12131.5);
  });

  test.each<[string, number]>([
    ['-5', -5],
    ['(5)', -5],
    ['( 5 )', -5],
    ['(SAR 1,234.50)', -1234.5],
    ['SAR (1,234.50)', -1234.5],
    ['-SAR 5', -5],
    ['SAR -5', -5],
    ['-$5', -5],
    ['$-5', -5],
    ['5-', -5],
    ['1,234.50- SAR', -1234.5],
    ['−5', -5], // U+2212 MINUS SIGN
    ['–5', -5], // U+2013 EN DASH, as some exports write a minus
    ['+5', 5],
    ['+ 5', 5],
    ['(0)', 0],
  ])('negative and signed: %j → %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test('scientific notation', () => {
    expect(parseNumber('1e5')).toBe(100000);
    expect(parseNumber('1E5')).toBe(100000);
    expect(parseNumber('2.5e-3')).toBe(0.0025);
    expect(parseNumber('-1.5E+2')).toBe(-150);
  });

  test('decimal comma only when the option says so', () => {
    expect(parseNumber('1.234,50', { decimalComma: true })).toBe(1234.5);
    expect(parseNumber('12,5', { decimalComma: true })).toBe(12.5);
    expect(parseNumber('1,234', { decimalComma: true })).toBe(1.234); // roles swap: the comma is the decimal
    expect(parseNumber('1.234', { decimalComma: true })).toBe(1234);
    expect(parseNumber('1.234.567', { decimalComma: true })).toBe(1234567);
    expect(parseNumber('1.234,50 AED', { decimalComma: true })).toBe(1234.5);
    expect(parseNumber('ر.س 1.234,50', { decimalComma: true })).toBe(1234.5); // the dots inside "ر.س" are not numbers
    expect(parseNumber('1\u00a0234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseNumber('123', { decimalComma: true })).toBe(123);
    // without the option: a problem that names the setting, never 1.2345
    expect(parseNumber('1.234,50')).toStrictEqual(decimalCommaHint('1.234,50'));
    expect(parseNumber('1.234,50 AED')).toStrictEqual(decimalCommaHint('1.234,50 AED'));
    expect(parseNumber('12,5')).toStrictEqual(decimalCommaHint('12,5'));
    // malformed comma thousands that read as decimal commas get the same hint
    expect(parseNumber('1,2345')).toStrictEqual(decimalCommaHint('1,2345'));
    expect(parseNumber('12345,678')).toStrictEqual(decimalCommaHint('12345,678'));
    expect(parseNumber(',123')).toStrictEqual(decimalCommaHint(',123'));
    // with the option, "12.5" is not a decimal number either: "." groups thousands
    expect(parseNumber('12.5', { decimalComma: true })).toStrictEqual(notANumber('12.5'));
  });

  test.each<[string]>([
    ['12 units'],
    ['abc'],
    ['1.2.3'],
    ['--5'],
    ['-(5)'],
    ['(-5)'],
    ['1,23,4'], // thousands groups must have 3 digits
    ['1,234,56'],
    ['1 234'], // an ASCII space does not group thousands
    ['1,234\u00a0567'], // mixed group separators
    ['.'],
    ['-'],
    ['()'],
    ['%'],
    ['SAR'],
    ['SAR 12 AED'],
    ['12% SAR'],
    ['1e'],
    ['e5'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['5+'],
    ['SARAH 5'],
    ['N/A'],
  ])('%j is not a number', (text) => {
    expect(parseNumber(text)).toStrictEqual(notANumber(text));
  });

  test('the reason quotes the value trimmed and cut to 40 characters', () => {
    expect(parseNumber('  abc  ')).toStrictEqual(notANumber('abc'));
    const long = 'x'.repeat(100);
    expect(parseNumber(long)).toStrictEqual(bad(`"${'x'.repeat(40)}…" is not a number`));
  });

  test('too large for a number', () => {
    expect(parseNumber('1e400')).toStrictEqual(bad('"1e400" is too large a number'));
  });

  test('never throws (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[-+()$%٪٫٬,. 0-9٠-٩SARED]{0,12}$/),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(cell, fc.boolean(), (c, decimalComma) => {
        const x = parseNumber(c, { decimalComma });
        expect(x === null || typeof x === 'number' || x instanceof ValueProblem).toBe(true);
        if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  const formatted = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
  // toLocaleString rounds to 6 decimals: allow that, and 1e-9 relative beyond it
  const close = (got: number, n: number) => Math.abs(got - n) <= 1e-9 * Math.abs(n) + 5e-7;
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

  test('a number written with thousands separators reads back (property)', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        const x = parseNumber(formatted(n));
        expect(typeof x).toBe('number');
        expect(close(x as number, n)).toBe(true);
      }),
    );
  });

  test('the same number in Arabic-Indic digits reads the same (property)', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        const text = formatted(n);
        const latin = parseNumber(text);
        expect(parseNumber(toDigits(text, ARABIC_INDIC))).toBe(latin);
        expect(parseNumber(toDigits(text, PERSIAN))).toBe(latin);
        // and with the Arabic separators ٬ (thousands) and ٫ (decimal)
        const arabic = toDigits(text, ARABIC_INDIC).replace(/,/g, '٬').replace('.', '٫');
        expect(parseNumber(arabic)).toBe(latin);
      }),
    );
  });

  test('a number written with a decimal comma reads back with the option (property)', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        const text = n.toLocaleString('de-DE', { maximumFractionDigits: 6 }); // 1.234,5
        const x = parseNumber(text, { decimalComma: true });
        expect(close(x as number, n)).toBe(true);
      }),
    );
  });
});

describe('parseInteger', () => {
  test('whole numbers, in any form parseNumber reads', () => {
    expect(parseInteger('1,200')).toBe(1200);
    expect(parseInteger(683)).toBe(683); // Units Ordered in the business report sample
    expect(parseInteger('(3)')).toBe(-3);
    expect(parseInteger('٤٠')).toBe(40);
    expect(parseInteger('2.0')).toBe(2);
    expect(parseInteger('1e3')).toBe(1000);
    expect(parseInteger('')).toBeNull();
  });

  test('a fraction is a problem', () => {
    expect(parseInteger('2.5')).toStrictEqual(bad('expected a whole number, got 2.5'));
    expect(parseInteger(2.5)).toStrictEqual(bad('expected a whole number, got 2.5'));
    expect(parseInteger('50%')).toStrictEqual(bad('expected a whole number, got 0.5'));
  });

  test('parseNumber problems pass through', () => {
    expect(parseInteger('lots')).toStrictEqual(notANumber('lots'));
    expect(parseInteger(true)).toStrictEqual(bad('expected a number, got TRUE'));
  });
});

describe('parseText: SKUs and titles stay as written', () => {
  test('strings are trimmed, nothing else', () => {
    expect(parseText('00123')).toBe('00123');
    expect(parseText('1E5')).toBe('1E5');
    expect(parseText('5K-SC4U-PO06')).toBe('5K-SC4U-PO06'); // SKU in the business report sample
    expect(parseText('  AMZ-BAG-01 \t')).toBe('AMZ-BAG-01');
    expect(parseText('\uFEFFsku')).toBe('sku'); // a leading BOM
    expect(parseText('\u00a0حقيبة ظهر للسفر\u00a0')).toBe('حقيبة ظهر للسفر');
    expect(parseText('BasicGear Cast Net, Zinc Iron, 3ft Radius')).toBe('BasicGear Cast Net, Zinc Iron, 3ft Radius');
    expect(parseText('a  b')).toBe('a  b');
  });

  test('blank → null', () => {
    expect(parseText('')).toBeNull();
    expect(parseText('   ')).toBeNull();
    expect(parseText('\uFEFF')).toBeNull();
    expect(parseText(null)).toBeNull();
    expect(parseText(undefined)).toBeNull();
  });

  test('numbers become their plain decimal text', () => {
    expect(parseText(123)).toBe('123');
    expect(parseText(100000)).toBe('100000');
    expect(parseText(12.5)).toBe('12.5');
    expect(parseText(-0)).toBe('0');
    expect(parseText(1e-7)).toBe('0.0000001'); // JS alone writes "1e-7"
    expect(parseText(-1.5e-7)).toBe('-0.00000015');
    expect(parseText(123456789012345680000)).toBe('123456789012345680000');
    expect(parseText(1e21)).toBe('1e+21'); // from 1e21 JS's own form
  });

  test('booleans and Dates', () => {
    expect(parseText(true)).toBe('TRUE');
    expect(parseText(false)).toBe('FALSE');
    expect(parseText(new Date(Date.UTC(2026, 4, 19, 23, 29, 16)))).toBe('2026-05-19');
    expect(parseText(new Date(Date.UTC(999, 0, 2)))).toBe('0999-01-02');
    expect(parseText(new Date(NaN))).toBeNull();
  });

  test('a string comes back unchanged when it has no surrounding space (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (s) => {
        fc.pre(s.trim() === s);
        expect(parseText(s)).toBe(s);
      }),
    );
  });
});

describe('parseCurrencyCode', () => {
  test.each<[string, 'SAR' | 'AED']>([
    ['SAR', 'SAR'],
    ['sar', 'SAR'],
    ['ر.س', 'SAR'],
    ['﷼', 'SAR'],
    ['SR', 'SAR'],
    ['ريال', 'SAR'],
    ['SAR 12', 'SAR'],
    ['12 SAR', 'SAR'],
    ['SAR 1,234.50', 'SAR'],
    ['15 ر.س', 'SAR'],
    [' SAR ', 'SAR'],
    ['AED', 'AED'],
    ['aed', 'AED'],
    ['د.إ', 'AED'],
    ['Dhs', 'AED'],
    ['DH', 'AED'],
    ['درهم', 'AED'],
    ['AED12', 'AED'],
    ['د.إ 20', 'AED'],
  ])('%j → %s', (text, code) => {
    expect(parseCurrencyCode(text)).toBe(code);
  });

  test.each<[RawCell]>([
    ['USD'],
    ['$94.50'],
    ['€3'],
    ['SARAH'], // a word, not the code
    ['DHL'],
    ['SR-12 blue'], // a SKU: the rest is not a number
    ['Saudi Arabia'],
    ['12'],
    [''],
    [null],
    [12],
    [true],
  ])('%j → null', (cell) => {
    expect(parseCurrencyCode(cell)).toBeNull();
  });
});

describe('decideDateOrder: per column, from all its values', () => {
  test('a first part > 12 means day first', () => {
    expect(decideDateOrder(['05/06/2026', '19/05/2026', '01/02/2026'])).toBe('DMY');
    expect(decideDateOrder(['19.05.2026'])).toBe('DMY');
    expect(decideDateOrder(['19-05-2026 23:29:16'])).toBe('DMY');
    expect(decideDateOrder(['١٩/٠٥/٢٠٢٦'])).toBe('DMY');
  });

  test('a second part > 12 means month first (Amazon US help pages)', () => {
    expect(decideDateOrder(['05/06/2026', '05/19/2026'])).toBe('MDY');
  });

  test('both → null (inconsistent), none → null (ambiguous; callers read DMY)', () => {
    expect(decideDateOrder(['19/05/2026', '05/19/2026'])).toBeNull();
    expect(decideDateOrder(['05/06/2026', '01/02/2026'])).toBeNull();
    expect(decideDateOrder([])).toBeNull();
  });

  test('other cells do not count', () => {
    expect(decideDateOrder(['2026-05-19', 45000, null, '', 'n/a', new Date(0), '19/05/26', '05/19/2026'])).toBe('MDY');
    // both parts > 12 is no date in either order: it decides nothing
    expect(decideDateOrder(['13/13/2026', '19/05/2026'])).toBe('DMY');
  });

  test('dateOrderEvidence counts each side', () => {
    expect(dateOrderEvidence(['19/05/2026', '20/05/2026', '05/19/2026', '05/06/2026'])).toEqual({ dayFirst: 2, monthFirst: 1 });
  });
});

describe('parseDate with the order as a function (the reader decides a column\'s order only when a cell needs it)', () => {
  test('asked only by a date written with day and month', () => {
    let asked = 0;
    const order = () => {
      asked++;
      return 'MDY' as const;
    };
    expect([parseDate('2026-05-19 23:29:16', order), parseDate(45000, order), parseDate(new Date(Date.UTC(2026, 0, 2)), order), parseDate('', order)]).toEqual([
      utc(2026, 5, 19, 23, 29, 16),
      utc(2023, 3, 15),
      utc(2026, 1, 2),
      null,
    ]);
    expect(asked).toBe(0);
    // 05/06/2026 month first is May 6.
    expect(parseDate('05/06/2026', order)).toBe(utc(2026, 5, 6));
    expect(asked).toBe(1);
  });
});

describe('parseDate: epoch ms UTC of the date-time as written', () => {
  test('the noon sales export timestamps (sales-export.sample.csv)', () => {
    expect(parseDate('2026-05-19 23:29:16')).toBe(utc(2026, 5, 19, 23, 29, 16));
    expect(parseDate('2026-05-19 22:10:00')).toBe(utc(2026, 5, 19, 22, 10));
    expect(parseDate('2026-05-20 03:00:00')).toBe(utc(2026, 5, 20, 3));
  });

  test.each<[string, number]>([
    ['2026-05-19', utc(2026, 5, 19)],
    ['2026-5-9', utc(2026, 5, 9)],
    ['2026/05/19', utc(2026, 5, 19)],
    ['2026-05-19T23:29:16', utc(2026, 5, 19, 23, 29, 16)],
    ['2026-05-19T23:29:16Z', utc(2026, 5, 19, 23, 29, 16)],
    ['2026-05-19T23:29:16.250Z', utc(2026, 5, 19, 23, 29, 16, 250)],
    // +03:00 is 3 hours ahead of UTC: 23:29:16 there is 20:29:16 UTC
    ['2026-05-19T23:29:16+03:00', utc(2026, 5, 19, 20, 29, 16)],
    ['2026-05-19T23:29:16+0300', utc(2026, 5, 19, 20, 29, 16)],
    // Amazon: -07:00 is 7 hours behind UTC: 23:29:16 there is 06:29:16 UTC the next day
    ['2026-05-19T23:29:16-07:00', utc(2026, 5, 20, 6, 29, 16)],
    ['2026-05-19 23:29', utc(2026, 5, 19, 23, 29)],
    ['2026-05-19T23:29', utc(2026, 5, 19, 23, 29)],
    ['  2026-05-19 23:29:16  ', utc(2026, 5, 19, 23, 29, 16)],
    ['19/05/2026', utc(2026, 5, 19)],
    ['19/05/2026 23:29:16', utc(2026, 5, 19, 23, 29, 16)],
    ['19/05/2026 23:29', utc(2026, 5, 19, 23, 29)],
    ['19.05.2026', utc(2026, 5, 19)],
    ['19-05-2026', utc(2026, 5, 19)],
    ['1/2/2026', utc(2026, 2, 1)], // day first by default
    ['May 19, 2026', utc(2026, 5, 19)],
    ['may 19 2026', utc(2026, 5, 19)],
    ['September 1, 2026', utc(2026, 9, 1)],
    ['Sept 1, 2026', utc(2026, 9, 1)],
    ['19 May 2026', utc(2026, 5, 19)],
    ['19-May-2026', utc(2026, 5, 19)],
    ['19-MAY-2026', utc(2026, 5, 19)],
    ['1st Jan 2026', utc(2026, 1, 1)],
    ['2024-01-15 10:00:00 UTC', utc(2024, 1, 15, 10)],
    ['2024-01-15 10:00:00 GMT', utc(2024, 1, 15, 10)],
    ['2024-01-15 10:00:00 PST', utc(2024, 1, 15, 18)], // PST = UTC-8
    ['2024-07-15 10:00:00 PDT', utc(2024, 7, 15, 17)], // PDT = UTC-7
    ['2024-01-15 10:00:00 GMT+03:00', utc(2024, 1, 15, 7)],
    ['Jan 15, 2024 10:00:00 PM PST', utc(2024, 1, 16, 6)], // 22:00 PST = 06:00 UTC the next day
    ['Jan 15, 2024 12:30:00 AM PST', utc(2024, 1, 15, 8, 30)], // 00:30 PST
    ['15 Jan 2024 12:00 PM', utc(2024, 1, 15, 12)],
    ['٢٠٢٦-٠٥-١٩ ٢٣:٢٩:١٦', utc(2026, 5, 19, 23, 29, 16)],
    ['١٩/٠٥/٢٠٢٦', utc(2026, 5, 19)],
    ['2024-02-29', utc(2024, 2, 29)], // leap year
    ['2000-02-29', utc(2000, 2, 29)], // divisible by 400
  ])('%j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  test('month first when the column says so', () => {
    expect(parseDate('05/19/2026', 'MDY')).toBe(utc(2026, 5, 19));
    expect(parseDate('05/06/2026', 'MDY')).toBe(utc(2026, 5, 6));
    expect(parseDate('05/06/2026', 'DMY')).toBe(utc(2026, 6, 5));
    expect(parseDate('05/06/2026')).toBe(utc(2026, 6, 5)); // DMY by default
    expect(parseDate('05/19/2026')).toStrictEqual(bad('"05/19/2026" is not a date: there is no month 19 (read as day/month/year)'));
    expect(parseDate('19/05/2026', 'MDY')).toStrictEqual(bad('"19/05/2026" is not a date: there is no month 19 (read as month/day/year)'));
    expect(parseDate('2026-05-19', 'MDY')).toBe(utc(2026, 5, 19)); // ISO is never reordered
  });

  test('Excel serial numbers (1900 date system)', () => {
    expect(parseDate(45000)).toBe(utc(2023, 3, 15));
    expect(parseDate('45000')).toBe(utc(2023, 3, 15));
    expect(parseDate('٤٥٠٠٠')).toBe(utc(2023, 3, 15));
    expect(parseDate(45000.5)).toBe(utc(2023, 3, 15, 12)); // .5 of a day = noon
    // 23:29:16 = 84556 s of 86400; Excel stores 46161.978657407405 for 2026-05-19 23:29:16
    expect(parseDate(46161 + 84556 / 86400)).toBe(utc(2026, 5, 19, 23, 29, 16));
    expect(parseDate(1)).toBe(utc(1900, 1, 1));
    expect(parseDate(59)).toBe(utc(1900, 2, 28));
    expect(parseDate(61)).toBe(utc(1900, 3, 1)); // after the fictional 1900-02-29, one day behind the count
    expect(parseDate(2958465)).toBe(utc(9999, 12, 31));
    expect(parseDate(60)).toStrictEqual(bad("60 is not a date: Excel's date 60 is 29 February 1900, a day that did not exist"));
    expect(parseDate(0)).toStrictEqual(bad('0 is not a date (Excel date numbers run from 1 to 2958465)'));
    expect(parseDate(2958466)).toStrictEqual(bad('2958466 is not a date (Excel date numbers run from 1 to 2958465)'));
    expect(parseDate(-5)).toStrictEqual(bad('-5 is not a date (Excel date numbers run from 1 to 2958465)'));
    expect(parseDate('20260519')).toStrictEqual(bad('"20260519" is not a date (Excel date numbers run from 1 to 2958465)'));
    expect(parseDate(NaN)).toStrictEqual(bad('expected a date, got NaN'));
  });

  test('JS Dates, booleans and blanks', () => {
    expect(parseDate(new Date(Date.UTC(2026, 4, 19, 23, 29, 16)))).toBe(utc(2026, 5, 19, 23, 29, 16));
    expect(parseDate(new Date(NaN))).toStrictEqual(bad('expected a date, got an invalid date'));
    expect(parseDate(true)).toStrictEqual(bad('expected a date, got TRUE'));
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate('   ')).toBeNull();
  });

  test.each<[string, string]>([
    ['31/02/2026', '"31/02/2026" is not a date: February 2026 has 28 days (read as day/month/year)'],
    ['29/02/2026', '"29/02/2026" is not a date: February 2026 has 28 days (read as day/month/year)'],
    ['1900-02-29', '"1900-02-29" is not a date: February 1900 has 28 days'],
    ['2026-04-31', '"2026-04-31" is not a date: April 2026 has 30 days'],
    ['2026-13-01', '"2026-13-01" is not a date: there is no month 13'],
    ['2026-00-10', '"2026-00-10" is not a date: there is no month 0'],
    ['2026-05-00', '"2026-05-00" is not a date: there is no day 0'],
    ['45/05/2026', '"45/05/2026" is not a date: there is no day 45 (read as day/month/year)'],
    ['2026-05-19 24:00:00', '"2026-05-19 24:00:00" is not a date: there is no hour 24'],
    ['2026-05-19 23:60', '"2026-05-19 23:60" is not a date: there is no minute 60'],
    ['2026-05-19 23:59:60', '"2026-05-19 23:59:60" is not a date: there is no second 60'],
    ['May 32, 2026', '"May 32, 2026" is not a date: there is no day 32'],
    ['Jan 15, 2024 13:00 PM', '"Jan 15, 2024 13:00 PM" is not a date: there is no hour 13 PM'],
    ['2026-05-19T10:00+15:00', '"2026-05-19T10:00+15:00" is not a date: +15:00 is not a time-zone offset'],
    ['19/05/26', 'two-digit year in "19/05/26"; write the year with four digits'],
    ['19-May-26', 'two-digit year in "19-May-26"; write the year with four digits'],
    ['May 19, 26', 'two-digit year in "May 19, 26"; write the year with four digits'],
    ['2024-01-15 10:00:00 CET', 'unknown time zone "CET" in "2024-01-15 10:00:00 CET" (UTC, GMT, PST, PDT or an offset like +03:00 are read)'],
    ['yesterday', '"yesterday" is not a date'], // the noon fixture's bad row
    ['abc', '"abc" is not a date'],
    ['Foo 19, 2026', '"Foo 19, 2026" is not a date'],
    ['19/05/202', '"19/05/202" is not a date'],
    ['19/05-2026', '"19/05-2026" is not a date'],
    ['2026-05-19 noon', '"2026-05-19 noon" is not a date'],
    ['2026-05-19 10:00 +03:00:00', '"2026-05-19 10:00 +03:00:00" is not a date'],
    ['10:00', '"10:00" is not a date'],
    ['-5', '"-5" is not a date'],
  ])('%j is a problem', (text, reason) => {
    expect(parseDate(text)).toStrictEqual(bad(reason));
  });

  test('never throws (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[0-9٠-٩]{1,4}[-/. ][0-9A-Za-z]{1,4}[-/. ,][0-9]{0,4}( [0-9:]{0,8})?( ?[A-Z+-][A-Z0-9:]{0,5})?$/),
      fc.double(),
      fc.boolean(),
      fc.date(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom<'DMY' | 'MDY'>('DMY', 'MDY'), (c, order) => {
        const x = parseDate(c, order);
        expect(x === null || typeof x === 'number' || x instanceof ValueProblem).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  const day = fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 });
  const two = (n: number) => String(n).padStart(2, '0');

  test('any date written DD/MM/YYYY reads back with DMY, MM/DD/YYYY with MDY (property)', () => {
    fc.assert(
      fc.property(day, (days) => {
        const d = new Date(days * 86_400_000);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        expect(parseDate(`${two(dd)}/${two(m)}/${y}`, 'DMY')).toBe(d.getTime());
        expect(parseDate(`${two(m)}/${two(dd)}/${y}`, 'MDY')).toBe(d.getTime());
        expect(parseDate(d.toISOString().slice(0, 10))).toBe(d.getTime());
      }),
    );
  });

  test('an ISO date-time reads back to its instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (t) => {
        const iso = new Date(t).toISOString(); // 2026-05-19T23:29:16.123Z
        expect(parseDate(iso)).toBe(t);
        expect(parseDate(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`)).toBe(t - (t % 1000 + 1000) % 1000);
      }),
    );
  });
});

describe('the readers do not mutate their input', () => {
  test('decideDateOrder leaves the column as it was', () => {
    const column: RawCell[] = ['19/05/2026', 45000, null];
    const copy = [...column];
    decideDateOrder(column);
    expect(column).toEqual(copy);
  });
});
