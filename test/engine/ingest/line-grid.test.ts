import fc from 'fast-check';
import Papa from 'papaparse';
import { LineGrid, plainQuotes } from '../../../src/engine/ingest/line-grid';
import { gridRows } from '../../../src/engine/ingest/types';

/** The grid the file reader builds from a whole papaparse parse (read-report-file.ts): the last empty line popped, a BOM cut. */
function papaGrid(text: string, delimiter: string, newline: '\n' | '\r\n' | '\r'): string[][] {
  const grid = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false }).data;
  const last = grid[grid.length - 1];
  if (grid.length > 1 && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) grid.pop();
  if (grid.length > 0 && grid[0].length > 0 && grid[0][0].charCodeAt(0) === 0xfeff) grid[0][0] = grid[0][0].slice(1);
  return grid;
}

describe('LineGrid: the rows of a text without quotes, one at a time', () => {
  it('splits lines at the delimiter; the line break that ends the text starts no row', () => {
    const g = new LineGrid('sku,qty\nA-1,3\n\nB-2,,\n', ',', '\n');
    expect(g.length).toBe(4);
    expect([0, 1, 2, 3].map((r) => g.row(r))).toEqual([['sku', 'qty'], ['A-1', '3'], [''], ['B-2', '', '']]);
    expect([0, 1, 2, 3].map((r) => g.fields(r))).toEqual([2, 2, 1, 3]);
    expect([0, 1, 2, 3].map((r) => g.isEmptyLine(r))).toEqual([false, false, true, false]);
    expect(g.toGrid()).toEqual([['sku', 'qty'], ['A-1', '3'], [''], ['B-2', '', '']]);
  });

  it('reads one cell without the row: past the row or the grid it is undefined, as for an array', () => {
    const g = new LineGrid('a\tb\tc\n1\t2', '\t', '\n');
    expect([g.cell(0, 0), g.cell(0, 2), g.cell(1, 1), g.cell(1, 2), g.cell(2, 0), g.cell(-1, 0)]).toEqual(['a', 'c', '2', undefined, undefined, undefined]);
    expect(g.row(2)).toEqual([]);
  });

  it('splits rows only at the given line break: a lone LF in a CRLF file stays in its cell; a BOM is not part of the first cell', () => {
    const g = new LineGrid('\ufeffsku;note\r\nA-1;two\nlines\r\n', ';', '\r\n');
    expect(g.toGrid()).toEqual([['sku', 'note'], ['A-1', 'two\nlines']]);
    expect(g.cell(0, 0)).toBe('sku');
  });

  it('a text of one line break is one empty row; an empty text has no row', () => {
    expect(new LineGrid('\n', ',', '\n').toGrid()).toEqual([['']]);
    expect(new LineGrid('', ',', '\n').toGrid()).toEqual([]);
    expect(new LineGrid('\ufeff', ',', '\n').toGrid()).toEqual([]);
    expect(new LineGrid('\ufeff\ufeff', ',', '\n').toGrid()).toEqual([['']]);
  });

  it('gives the same rows, cells and field counts as papaparse for any text without quotes (property)', () => {
    const newlines = ['\n', '\r\n', '\r'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'B', '1', ' ', ',', '\t', '\n', '\r', 'é', 'س', '\ufeff'), { maxLength: 60 }),
        fc.constantFrom(',', '\t'),
        fc.constantFrom(...newlines),
        (chars, delimiter, newline) => {
          const text = chars.join('');
          const g = new LineGrid(text, delimiter, newline);
          const expected = papaGrid(text, delimiter, newline);
          expect(g.toGrid()).toEqual(expected);
          const arrays = gridRows(expected);
          for (let r = 0; r <= expected.length; r++) {
            for (let c = 0; c <= 4; c++) expect(g.cell(r, c)).toBe(arrays.cell(r, c));
            if (r < expected.length) expect(g.fields(r)).toBe(expected[r].length);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads plain quotes as papaparse does: a quoted cell is its text between the quotes, a doubled quote one quote', () => {
    const text = 'sku,title,qty\nA-1,"Bag, 2-Pack",3\n"B-2","The ""Classic"" one",\n"",x,""\n""\n';
    expect(plainQuotes(text, ',')).toBe(true);
    const g = new LineGrid(text, ',', '\n', true);
    expect(g.toGrid()).toEqual([['sku', 'title', 'qty'], ['A-1', 'Bag, 2-Pack', '3'], ['B-2', 'The "Classic" one', ''], ['', 'x', ''], ['']]);
    expect(g.toGrid()).toEqual(papaGrid(text, ',', '\n'));
    expect([g.fields(1), g.cell(1, 1), g.cell(2, 1), g.cell(1, 3)]).toEqual([3, 'Bag, 2-Pack', 'The "Classic" one', undefined]);
    expect([0, 1, 2, 3, 4].map((r) => g.isEmptyLine(r))).toEqual([false, false, false, false, true]);
    const cuts = new Int32Array(8);
    expect(g.cut(1, cuts)).toBe(3);
    expect(g.cellOf(cuts[1], cuts[2] - 1)).toBe('Bag, 2-Pack');
    expect(g.cut(1, new Int32Array(2))).toBe(-4); // no room: 3 cells need 4 places
  });

  it('plain quotes only: a quote inside a field, a quote never closed, a closing quote not before a delimiter, a quoted line break', () => {
    expect(plainQuotes('a,b"c\n', ',')).toBe(false);
    expect(plainQuotes('a,"bc\n', ',')).toBe(false);
    expect(plainQuotes('a,"b"c\n', ',')).toBe(false);
    expect(plainQuotes('a,"b\nc"\n', ',')).toBe(false);
    expect(plainQuotes('a,"b\rc"\n', ',')).toBe(false);
    expect(plainQuotes('\ufeff"a",b', ',')).toBe(false);
    expect(plainQuotes('"a"\t"b"\r\n"c"', '\t')).toBe(true);
  });

  it('whenever its quotes are plain, gives the same rows, cells and field counts as papaparse (property)', () => {
    const newlines = ['\n', '\r\n', '\r'] as const;
    const check = (text: string, delimiter: string, newline: '\n' | '\r\n' | '\r') => {
      if (!plainQuotes(text, delimiter)) return false;
      const g = new LineGrid(text, delimiter, newline, true);
      const expected = papaGrid(text, delimiter, newline);
      expect(g.toGrid()).toEqual(expected);
      const arrays = gridRows(expected);
      for (let r = 0; r <= expected.length; r++) {
        for (let c = 0; c <= 4; c++) expect(g.cell(r, c)).toBe(arrays.cell(r, c));
        if (r < expected.length) {
          expect(g.fields(r)).toBe(expected[r].length);
          expect(g.isEmptyLine(r)).toBe(expected[r].length === 1 && expected[r][0] === '');
        }
      }
      return true;
    };
    // Any characters, quotes among them: most such texts do not qualify, those that do must agree.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '1', ' ', ',', '\t', '"', '"', '\n', 'é'), { maxLength: 40 }), fc.constantFrom(',', '\t'), (chars, delimiter) => {
        check(chars.join(''), delimiter, '\n');
      }),
      { numRuns: 3000 },
    );
    // Rows of fields, some quoted (holding delimiters and doubled quotes): these texts qualify.
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', 'é', 'س'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', ' ', ',', '\t', '""', 'س'), maxLength: 6 }).map((x) => `"${x}"`),
    );
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', '\t'), fc.constantFrom(...newlines), fc.boolean(), (rows, delimiter, newline, endBreak) => {
        const text = rows.map((r) => r.join(delimiter)).join(newline) + (endBreak ? newline : '');
        if (text.includes('"')) expect(check(text, delimiter, newline)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
