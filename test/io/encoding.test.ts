/**
 * Text files that are not UTF-8: Windows-1252 (Amazon's fee preview, reimbursements and restock
 * reports) and Windows-1256 (a CSV saved by Excel on an Arabic Windows), told apart by their bytes.
 * Every file is built here, byte by byte.
 */
import fc from 'fast-check';
import { sayFileNote } from '../../src/engine';
import { readReportFile, type FileSheet } from '../../src/io/read-report-file';

/** The reader's problems as it words them after the file's name (Data Issues capitalises them). */
const notes = (sheet: FileSheet): string[] => sheet.problems.map((p) => sayFileNote(p));

/**
 * Windows-1252 bytes of the characters these tests use, from the Windows-1252 code chart (Microsoft
 * "Windows 1252" / WHATWG index-windows-1252). 0xA0-0xFF are the Latin-1 code points themselves.
 */
const W1252: Readonly<Record<string, number>> = {
  '€': 0x80,
  Š: 0x8a,
  Œ: 0x8c,
  Ž: 0x8e,
  '’': 0x92,
  '–': 0x96,
  '™': 0x99,
  š: 0x9a,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
  '®': 0xae,
  É: 0xc9,
  Ö: 0xd6,
  ß: 0xdf,
  à: 0xe0,
  è: 0xe8,
  é: 0xe9,
  ñ: 0xf1,
  ö: 0xf6,
  û: 0xfb,
  ü: 0xfc,
};

/** Windows-1256 bytes of the Arabic letters these tests use (Windows-1256 code chart). */
const W1256: Readonly<Record<string, number>> = {
  ا: 0xc7,
  أ: 0xc3,
  ح: 0xcd,
  م: 0xe3,
  ر: 0xd1,
  ز: 0xd2,
  ق: 0xde,
  ل: 0xe1,
  ن: 0xe4,
  و: 0xe6,
  // French letters Windows-1256 keeps at their Windows-1252 (Latin-1) places.
  è: 0xe8,
  é: 0xe9,
  û: 0xfb,
};

/** Encodes ASCII and the characters of `table`; anything else is a mistake in the test. */
function encodeWith(table: ReadonlyMap<string, number> | Readonly<Record<string, number>>, text: string): Uint8Array {
  const lookup = (c: string) => (table instanceof Map ? table.get(c) : (table as Record<string, number>)[c]);
  return Uint8Array.from([...text], (c) => {
    if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
    const b = lookup(c);
    if (b === undefined) throw new Error(`no byte for "${c}" (U+${c.charCodeAt(0).toString(16)})`);
    return b;
  });
}

const windows1252 = (text: string) => encodeWith(W1252, text);
const windows1256 = (text: string) => encodeWith(W1256, text);

function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

async function readOne(fileName: string, bytes: Uint8Array): Promise<FileSheet> {
  const sheets = await readReportFile(fileName, bytes);
  expect(sheets).toHaveLength(1);
  return sheets[0];
}

/** The rows of a delimited text, split the simple way (the tests use no quotes). */
function rows(text: string, delimiter: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(delimiter));
}

const NOT_UTF8_1252 = /^decoded as Windows-1252 \(Western European\): the file is not UTF-8; .*"CSV UTF-8"$/;
const NOT_UTF8_1256 = /^decoded as Windows-1256 \(Arabic\): the file is not UTF-8; .*"CSV UTF-8"$/;

describe('the byte tables of these tests', () => {
  it('match the Windows-1256 decoder', () => {
    const decoder = new TextDecoder('windows-1256');
    for (const [char, byte] of Object.entries(W1256)) expect(decoder.decode(Uint8Array.of(byte))).toBe(char);
  });

  it('match the Windows-1252 decoder for 0xA0-0xFF (Node decodes 0x80-0x9F as Latin-1: nodejs/node#56542)', () => {
    const decoder = new TextDecoder('windows-1252');
    for (const [char, byte] of Object.entries(W1252)) if (byte >= 0xa0) expect(decoder.decode(Uint8Array.of(byte))).toBe(char);
  });
});

describe('Windows-1252', () => {
  it('reads a tab-delimited fee preview with accented letters, dashes, quotes, € and ®', async () => {
    const text = [
      'sku\tasin\tproduct-name\tbrand\tcurrency\tyour-price\testimated-fee-total',
      'CAF-1KG\tB0C1111111\tCafé Crème Kaffeebohnen 1 kg – ganze Bohne\tRöstwerk®\tEUR\t24.90\t6.12',
      'JKT-M\tB0C2222222\tRegenjacke Größe M – Men’s, wasserdicht\tNordwind\tEUR\t89.00\t17.45',
      'MUG-2\tB0C3333333\tTasse “Öl” 0,3 l – Geschenk ab 9 €\tKüchenglück\tEUR\t9.00\t3.10',
    ]
      .join('\n')
      .replace(/[“”]/g, '"')
      .concat('\n');
    const bytes = windows1252(text);
    expect(bytes).toContain(0x80);
    expect(bytes).toContain(0x92);
    expect(bytes).toContain(0x96);

    const sheet = await readOne('fee-preview.txt', bytes);
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.delimiter).toBe('\t');
    expect(sheet.grid).toEqual(rows(text, '\t'));
    expect(sheet.grid[1][2]).toBe('Café Crème Kaffeebohnen 1 kg – ganze Bohne');
    expect(sheet.grid[2][2]).toBe('Regenjacke Größe M – Men’s, wasserdicht');
    expect(sheet.grid[3][2]).toBe('Tasse "Öl" 0,3 l – Geschenk ab 9 €');
    expect(notes(sheet)).toHaveLength(1);
    expect(notes(sheet)[0]).toMatch(NOT_UTF8_1252);
  });

  it.each([
    ['é, which Windows-1256 also has', 'Café'],
    ['ö, a harakah in Windows-1256', 'Böhm'],
    ['ß, an Arabic letter in Windows-1256', 'Straße'],
    ['ñ at the end of the file', 'Piñ'],
  ])('reads a short file with one accented letter (%s)', async (_what, name) => {
    const text = `sku,name\nA1,${name}`;
    const sheet = await readOne('short.csv', windows1252(text));
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.grid).toEqual(rows(text, ','));
    expect(notes(sheet)).toEqual([expect.stringMatching(NOT_UTF8_1252)]);
  });

  it('decodes the bytes 0x80-0x9F as Windows-1252 does (€, ’, –, ™, Œ, Š, Ÿ, ž), not as Latin-1 controls', async () => {
    const text = 'sku,name\nA1,Œuvre – Men’s Tee™ 5 € Škoda Ÿpres Žižek\n';
    const sheet = await readOne('symbols.csv', windows1252(text));
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.grid).toEqual(rows(text, ','));
  });
});

describe('Windows-1256', () => {
  const text = 'seller-sku,product-name,quantity\nBAG-RED,أحمر,3\nBAG-BLUE,أزرق,5\n';

  it('reads a mapping CSV saved by Arabic Excel: "أحمر" and "أزرق" stay two different, correct names', async () => {
    const bytes = windows1256(text);
    // أحمر and أزرق, letter by letter: أ ح م ر / أ ز ر ق.
    expect([...bytes.subarray(bytes.indexOf(0xc3), bytes.indexOf(0xc3) + 4)]).toEqual([0xc3, 0xcd, 0xe3, 0xd1]);
    expect(bytes.lastIndexOf(0xc3)).toBeGreaterThan(bytes.indexOf(0xc3));

    const sheet = await readOne('mapping.csv', bytes);
    expect(sheet.encoding).toBe('windows-1256');
    expect(sheet.delimiter).toBe(',');
    expect(sheet.grid).toEqual([
      ['seller-sku', 'product-name', 'quantity'],
      ['BAG-RED', 'أحمر', '3'],
      ['BAG-BLUE', 'أزرق', '5'],
    ]);
    expect(sheet.grid[1][1]).not.toBe(sheet.grid[2][1]);
    expect(notes(sheet)).toEqual([expect.stringMatching(NOT_UTF8_1256)]);
    expect(sheet.problems).toEqual([{ code: 'file.single-byte', args: { encoding: 'windows-1256' } }]);
  });

  it('reads one Arabic word in an otherwise ASCII file (today this gave four U+FFFD)', async () => {
    // "حمال": ح م ا ل.
    const bytes = Uint8Array.from([...utf8('sku,title\nA1,'), 0xcd, 0xe3, 0xc7, 0xe1, ...utf8('\n')]);
    const sheet = await readOne('ansi.csv', bytes);
    expect(sheet.encoding).toBe('windows-1256');
    expect(sheet.grid).toEqual([
      ['sku', 'title'],
      ['A1', 'حمال'],
    ]);
    expect(notes(sheet)).toEqual([expect.stringMatching(NOT_UTF8_1256)]);
  });

  it('reads a mixed file: Arabic names beside English SKUs and French accents Windows-1256 shares with 1252', async () => {
    const mixed = 'sku,name,colour\nCRM-1,Crème brûlée أحمر,اللون أزرق\nCRM-2,Café au lait,أحمر\n';
    const sheet = await readOne('mixed.csv', windows1256(mixed));
    expect(sheet.encoding).toBe('windows-1256');
    expect(sheet.grid).toEqual(rows(mixed, ','));
  });
});

describe('UTF-8 and binary files, as before', () => {
  const text = 'sku,name\nA1,Café – Größe M\nA2,أحمر\nA3,أزرق\n';

  it.each([
    ['without a BOM', false],
    ['with a BOM', true],
  ])('UTF-8 %s stays UTF-8', async (_what, bom) => {
    const sheet = await readOne('utf8.csv', utf8(text, bom));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.grid).toEqual(rows(text, ','));
    expect(sheet.problems).toEqual([]);
  });

  it('pure ASCII is UTF-8', async () => {
    const sheet = await readOne('ascii.csv', utf8('sku,qty\nA1,3\n'));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.problems).toEqual([]);
  });

  it('UTF-8 with a stray byte stays UTF-8 and says how to fix it', async () => {
    // Many well-formed UTF-8 characters and one Windows-1252 "’" pasted in: a damaged UTF-8 file.
    const bytes = Uint8Array.from([...utf8(text), ...utf8('A4,Men'), 0x92, ...utf8('s\n')]);
    const sheet = await readOne('damaged.csv', bytes);
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.grid[1][1]).toBe('Café – Größe M');
    expect(sheet.grid[4][1]).toBe('Men\uFFFDs');
    expect(notes(sheet)).toEqual([expect.stringMatching(/^1 character could not be decoded as UTF-8.*"CSV UTF-8"$/)]);
    expect(sheet.problems).toEqual([{ code: 'file.undecodable', args: { n: 1, encoding: 'utf-8' } }]);
  });

  it('binary bytes are still not text', async () => {
    const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256);
    const sheet = await readOne('report.csv', binary);
    expect(sheet.grid).toEqual([]);
    expect(notes(sheet)).toEqual(['the file is not text (binary content)']);
    expect(sheet.problems).toEqual([{ code: 'file.not-text', args: { content: 'binary' } }]);
  });
});

describe('round trips (property)', () => {
  /** Windows-1256 bytes 0xC0-0xFF that are Arabic letters or marks, with their characters, from the decoder. */
  const decoder1256 = new TextDecoder('windows-1256');
  const arabic1256 = new Map<string, number>();
  for (let b = 0xc0; b <= 0xff; b++) {
    const c = decoder1256.decode(Uint8Array.of(b));
    if (/\p{scx=Arabic}/u.test(c) && /[\p{L}\p{M}]/u.test(c)) arabic1256.set(c, b);
  }
  const accented1252 = Object.keys(W1252).filter((c) => /\p{L}/u.test(c));

  const asciiWord = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
  const separator = fc.constantFrom(' ', ' - ', '. ', '/', ' ');
  /** A field of words and separators (no comma, quote or line break, so the CSV has no quoting). */
  const field = (word: fc.Arbitrary<string>) =>
    fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join(''));

  it('Arabic letters and ASCII in Windows-1256 decode back exactly', async () => {
    // Limits of telling the two apart, found and kept out of the generator:
    // - the Arabic letters are those at 0xC0-0xFF: the Persian ones at 0x80-0xBF (پ ک …) are UTF-8
    //   continuation bytes, and "بپ" (C8 81) is valid UTF-8;
    // - at least one Arabic word has two or more letters: a lone "و" (0xE6) is just as well a lone "æ";
    // - Arabic and Latin letters are not in one word ("Aأحمر"): that is what Latin text read wrongly
    //   as Windows-1256 looks like.
    const letter = fc.constantFrom(...arabic1256.keys());
    const arabicWord = fc.array(letter, { minLength: 1, maxLength: 7 }).map((l) => l.join(''));
    const longArabicWord = fc.array(letter, { minLength: 2, maxLength: 7 }).map((l) => l.join(''));
    const row = fc.tuple(asciiWord, field(fc.oneof(arabicWord, asciiWord)));
    await fc.assert(
      fc.asyncProperty(longArabicWord, fc.array(row, { minLength: 0, maxLength: 6 }), async (first, more) => {
        const data = [['A0', first] as [string, string], ...more];
        const text = `sku,name\n${data.map((r) => r.join(',')).join('\n')}\n`;
        const sheet = await readOne('arabic.csv', encodeWith(arabic1256, text));
        expect(sheet.encoding).toBe('windows-1256');
        expect(sheet.grid).toEqual([['sku', 'name'], ...data]);
      }),
      { numRuns: 300 },
    );
  });

  it('Latin words with at most one accented letter in Windows-1252 decode back exactly', async () => {
    // A word is ASCII letters with at most one accented letter, or one accented letter alone: three
    // accented letters in a row, or a word of accented letters only, is what Arabic read as
    // Windows-1252 looks like ("أحمر" reads "ÃÍãÑ"). An accented letter is never directly followed by
    // one of 1252's 0x80-0xBF symbols (’ ™ ®): "Ã’" (C3 92) is valid UTF-8.
    const accentedWord = fc
      .tuple(fc.stringMatching(/^[A-Za-z]{0,6}$/), fc.constantFrom(...accented1252), fc.stringMatching(/^[A-Za-z]{0,6}$/))
      .map(([a, c, b]) => a + c + b);
    const symbol = fc.constantFrom('–', '€', '’s', '™', '®');
    const word = fc.oneof(asciiWord, accentedWord, symbol);
    const row = fc.tuple(asciiWord, field(word));
    await fc.assert(
      fc.asyncProperty(accentedWord, fc.array(row, { minLength: 0, maxLength: 6 }), async (first, more) => {
        const data = [['A0', first] as [string, string], ...more];
        const text = `sku,name\n${data.map((r) => r.join(',')).join('\n')}\n`;
        const sheet = await readOne('latin.csv', windows1252(text));
        expect(sheet.encoding).toBe('windows-1252');
        expect(sheet.grid).toEqual([['sku', 'name'], ...data]);
      }),
      { numRuns: 300 },
    );
  });
});
