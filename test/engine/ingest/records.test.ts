import fc from 'fast-check';
import { numberAt, RecordTable, TextColumn, textAt } from '../../../src/engine/ingest/records';

describe('RecordTable', () => {
  const fields = ['sku', 'quantity', 'date'];
  const numeric = [false, true, true];

  it('gives back each row as pushed: texts, numbers, dates and blanks (null), row numbers and pattern columns', () => {
    const t = new RecordTable(fields, numeric, 1); // capacity 1: pushing three rows grows it twice
    t.push(2, ['A-1', 5, Date.UTC(2026, 0, 3)]);
    t.push(3, [null, null, null], { 'inv-age-0-to-90-days': 4 });
    t.push(5, ['B-2', 0.5, 0]);
    expect(t.length).toBe(3);
    expect(t.toArray()).toEqual([
      { row: 2, values: { sku: 'A-1', quantity: 5, date: Date.UTC(2026, 0, 3) } },
      { row: 3, values: { sku: null, quantity: null, date: null }, extra: { 'inv-age-0-to-90-days': 4 } },
      { row: 5, values: { sku: 'B-2', quantity: 0.5, date: 0 } },
    ]);
  });

  it('iterates views that read the columns: fields by name, a field the kind lacks is undefined, a view may be kept', () => {
    const t = new RecordTable(fields, numeric);
    t.push(7, ['A-1', 3, null]);
    t.push(8, ['C-3', -2, 1]);
    const views = [...t];
    expect(views.map((v) => [v.row, v.values.sku, v.values.quantity, v.values.date])).toEqual([
      [7, 'A-1', 3, null],
      [8, 'C-3', -2, 1],
    ]);
    expect(views[0].values.asin).toBeUndefined();
    expect(views[0].extra).toBeUndefined();
  });

  it('filters rows by index into a new table, keeping row numbers and pattern columns', () => {
    const t = new RecordTable(fields, numeric);
    t.push(2, ['A', 1, null]);
    t.push(3, ['B', 2, null], { x: 1 });
    t.push(4, ['C', 3, null]);
    const kept = t.filter((i) => i !== 0);
    expect(kept.toArray()).toEqual([
      { row: 3, values: { sku: 'B', quantity: 2, date: null }, extra: { x: 1 } },
      { row: 4, values: { sku: 'C', quantity: 3, date: null } },
    ]);
    expect(t.length).toBe(3);
  });

  it('gives a field\'s column for reading rows by index: text or numbers, undefined for a field it lacks or of the other type', () => {
    const t = new RecordTable(fields, numeric, 1);
    t.push(2, ['A-1', 5, null]);
    t.push(4, [null, null, 7]);
    const sku = t.textColumn('sku');
    const quantity = t.numberColumn('quantity');
    expect([textAt(sku, 0), textAt(sku, 1)]).toEqual(['A-1', null]);
    expect([numberAt(quantity, 0), numberAt(quantity, 1)]).toEqual([5, null]);
    expect(numberAt(t.numberColumn('date'), 1)).toBe(7);
    expect(t.textColumn('quantity')).toBeUndefined();
    expect(t.numberColumn('sku')).toBeUndefined();
    expect(t.textColumn('asin')).toBeUndefined();
    expect([textAt(undefined, 0), numberAt(undefined, 0)]).toEqual([null, null]);
    // Each row reads as its view does.
    [...t].forEach((view, i) => {
      expect(textAt(sku, i)).toBe(view.values.sku);
      expect(numberAt(quantity, i)).toBe(view.values.quantity);
      expect(t.rows[i]).toBe(view.row);
    });
  });

  it('EMPTY has no rows', () => {
    expect(RecordTable.EMPTY.length).toBe(0);
    expect([...RecordTable.EMPTY]).toEqual([]);
  });

  it('round-trips any rows (property): at(i) equals what was pushed', () => {
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }));
    const num = fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1e6 }), value, num, num), { maxLength: 60 }), (rows) => {
        const t = new RecordTable(fields, numeric, 0);
        for (const [row, a, b, c] of rows) t.push(row, [a, b, c]);
        expect(t.toArray()).toEqual(rows.map(([row, a, b, c]) => ({ row, values: { sku: a, quantity: b, date: c } })));
      }),
    );
  });
});

describe('TextColumn: texts dictionary-coded', () => {
  it('reads back each row, null for none; a repeated text is one string, a copy of its own', () => {
    const c = new TextColumn(2); // grows below
    const line = 'A-1,A-1,B-2';
    const [a, again, b] = line.split(',');
    c.set(0, a);
    c.set(1, null);
    c.grow(4);
    c.set(2, b);
    c.set(3, again);
    expect([0, 1, 2, 3].map((i) => c.at(i))).toEqual(['A-1', null, 'B-2', 'A-1']);
    // The same string object for both rows (shared), whatever cell it came from.
    expect(Object.is(c.at(0), c.at(3))).toBe(true);
  });

  it('reads back every row of a column of unique texts, past the point where it stops looking them up, and after finish', () => {
    const n = 25_000; // past the 20,000 distinct texts after which a nearly unique column is judged
    const c = new TextColumn(n + 2);
    for (let i = 0; i < n; i++) c.set(i, `ITEM-${i}`);
    c.finish();
    c.set(n, 'ITEM-0'); // after finish: added as it comes, still read back
    c.set(n + 1, 'ITEM-0');
    expect([c.at(0), c.at(12_345), c.at(n - 1), c.at(n), c.at(n + 1)]).toEqual(['ITEM-0', 'ITEM-12345', `ITEM-${n - 1}`, 'ITEM-0', 'ITEM-0']);
  });

  it('reads back what was set for any texts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(null), fc.constantFrom('SA', 'AE', 'SKU-1'), fc.string({ maxLength: 20 })), { maxLength: 200 }), (texts) => {
        const c = new TextColumn(1);
        texts.forEach((t, i) => {
          if (i >= 1) c.grow(i + 1);
          c.set(i, t);
        });
        expect(texts.map((_, i) => c.at(i))).toEqual(texts);
      }),
    );
  });
});
