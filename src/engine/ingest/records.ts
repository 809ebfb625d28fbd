/**
 * The usable rows of a report, kept column by column: one array per field of the kind instead of one
 * object per row. A sales export of 400,000 rows is then 14 arrays (numbers and dates unboxed, texts
 * dictionary-coded: TextColumn) instead of 400,000 objects of 14 properties that every garbage
 * collection walks until the join is done, about 600 bytes a row.
 *
 * Rows are read back as records (`ReportRecord`: its row number, the values by field, the pattern
 * columns): iterating a table gives each row as a small view of the table (`values.sku` reads the sku
 * column at that row), `at(i)` a plain copy. A view may be kept; the table does not change once read.
 */

/** One usable row: the 1-based row number in the source and the values of the kind's fields. */
export interface ReportRecord {
  readonly row: number;
  readonly values: Readonly<Record<string, string | number | null>>;
  /** Pattern columns (inv-age-*): header as written → value. */
  readonly extra?: Readonly<Record<string, number>>;
}

type Value = string | number | null;

/** A row read back from a table: the table and the row's index in it; its fields are getters of its prototype. */
interface View {
  readonly t: RecordTable;
  readonly i: number;
}

/** The getters every view has: the row number, the values (the view itself) and the pattern columns. */
const VIEW_BASE: object = Object.create(null, {
  row: { get(this: View) { return this.t.rows[this.i]; } },
  values: { get(this: View) { return this; } },
  extra: { get(this: View) { return this.t.extraAt(this.i); } },
});

/** View prototypes by field list (one per kind and layout): a getter per field reading its column. */
const PROTOTYPES = new Map<string, object>();

function prototypeFor(fields: readonly string[], numeric: readonly boolean[], unread: readonly string[]): object {
  const key = fields.map((f, k) => (numeric[k] ? `#${f}` : f)).join('\u0000') + (unread.length > 0 ? `\u0001${unread.join('\u0000')}` : '');
  let proto = PROTOTYPES.get(key);
  if (!proto) {
    const getters: PropertyDescriptorMap = {};
    // A field whose cells were not read (kinds.ts, `unread`) has no value to give: asking for it is a mistake to find at once.
    for (const field of unread)
      getters[field] = {
        get() {
          throw notRead(field);
        },
      };
    fields.forEach((field, k) => {
      getters[field] = {
        enumerable: true,
        get: numeric[k]
          ? function (this: View) {
              const x = (this.t.columns[k] as Float64Array)[this.i];
              return x === x ? x : null; // NaN stands for no value in a column of numbers
            }
          : function (this: View) {
              return (this.t.columns[k] as TextColumn).at(this.i);
            },
      };
    });
    proto = Object.create(VIEW_BASE, getters) as object;
    PROTOTYPES.set(key, proto);
  }
  return proto;
}

function notRead(field: string): Error {
  return new Error(`Field ${field} is not read (kinds.ts marks it unread: nothing used it); take the mark off to use it`);
}

/** Row `i` of a number column as a view reads it: null for no value (NaN) or no column. */
export function numberAt(column: Float64Array | undefined, i: number): number | null {
  if (column === undefined) return null;
  const x = column[i];
  return x === x ? x : null;
}

/** Row `i` of a text column: null for no value or no column. */
export function textAt(column: TextColumn | undefined, i: number): string | null {
  if (column === undefined) return null;
  const s = column.at(i);
  return s === '' ? null : s;
}

/** A copy of its own: appending and cutting one character gives a new string, not a view of the text it came from. */
export function ownCopy(text: string): string {
  return (text + ' ').slice(0, -1);
}

/**
 * A column of texts, dictionary-coded: each row holds a number, the place of its text in the column's
 * list of distinct texts. A SKU is on every one of its sales rows, a status or a currency on every row:
 * coded, 300,000 rows of a sales export are a few arrays of numbers and a few thousand strings, instead
 * of a string per cell that the garbage collector copies out of the young generation and then marks on
 * every collection until the analysis ends. Each distinct text is a copy of its own, never a slice of
 * the file's decoded text, which would keep the whole text (50 MB for a large sales export) alive as
 * long as the records.
 *
 * The distinct texts are found by a hash table of the column's own (hashRange over the characters,
 * open addressing): a file's cell can be looked up where it stands in the file's text (setRange), so a
 * value the column holds already costs no string at all, and 250,000 cells of a SKU column are not
 * 250,000 strings cut out, hashed and dropped.
 *
 * A column of nearly unique texts (an order item number) stops looking its values up once it holds
 * SHARE_CHECK distinct texts that are nearly all it was given (UNIQUE_SHARE). From then on its values
 * are packed, PACK of them to a string: a string of its own per value (three objects each, as ownCopy
 * makes it) would be 250,000 small objects for the garbage collector to copy and promote, for a column
 * that is read only to find a repeated row. A packed value is cut from its pack when read.
 */
export class TextColumn {
  /** Per row, the place of its text in `texts`; -1 for no value; −2 − p for packed value p (nearly unique column). */
  private codes: Int32Array;
  private readonly texts: string[] = [];
  /** Per place in `texts`, its hashRange. */
  private hashes = new Int32Array(16);
  /** The hash table: 1 + a place in `texts`, 0 for an empty slot; null once the column is nearly unique or finished. */
  private slots: Int32Array | null = new Int32Array(32);
  /** Values looked up in the table. */
  private asked = 0;
  /** The text set last and its code: neighbouring rows often repeat a value. */
  private last: string | null = null;
  private lastCode = -1;
  /** Nearly unique: new values are packed (the class comment). */
  private unique = false;
  /** Packs of PACK values each, the values given since the last pack, and per packed value its end in its pack. */
  private readonly packs: string[] = [];
  private pending: string[] = [];
  private ends = new Int32Array(0);
  private packed = 0;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  at(i: number): string | null {
    const c = this.codes[i];
    if (c >= 0) return this.texts[c];
    if (c === -1) return null;
    const p = -2 - c;
    const pack = p >>> PACK_BITS;
    if (pack === this.packs.length) return this.pending[p & PACK_MASK]; // while reading: the value as given
    return this.packs[pack].slice((p & PACK_MASK) === 0 ? 0 : this.ends[p - 1], this.ends[p]);
  }

  set(i: number, text: string | null): void {
    this.codes[i] = text === null ? -1 : text === this.last ? this.lastCode : this.code(text, 0, text.length);
  }

  /**
   * Row i holds src[start, end) (not empty): as set(i, src.slice(start, end)), without cutting the text
   * out unless the column has not seen it yet.
   */
  setRange(i: number, src: string, start: number, end: number): void {
    const last = this.last;
    this.codes[i] = last !== null && last.length === end - start && src.startsWith(last, start) ? this.lastCode : this.code(src, start, end);
  }

  /** All rows are in: the lookup of texts is let go (rows set after this add their texts as they come). */
  finish(): void {
    this.pack();
    this.unique = false;
    this.slots = null;
    this.last = null;
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity);
    codes.set(this.codes.subarray(0, Math.min(capacity, this.codes.length)));
    this.codes = codes;
  }

  /** The code of src[start, end), added to the column if new. */
  private code(src: string, start: number, end: number): number {
    if (this.unique) return this.packValue(src, start, end);
    const slots = this.slots;
    let c = -1;
    let h = 0;
    if (slots) {
      this.asked++;
      h = hashRange(src, start, end);
      const mask = slots.length - 1;
      const n = end - start;
      for (let at = h & mask; ; at = (at + 1) & mask) {
        const k = slots[at] - 1;
        if (k < 0) break;
        const t = this.texts[k];
        if (this.hashes[k] === h && t.length === n && src.startsWith(t, start)) {
          c = k;
          break;
        }
      }
    }
    if (c < 0) {
      c = this.texts.length;
      this.texts.push(ownCopy(start === 0 && end === src.length ? src : src.slice(start, end)));
      if (slots) {
        this.add(c, h);
        if (c + 1 >= SHARE_CHECK && c + 1 > UNIQUE_SHARE * this.asked) {
          this.slots = null;
          this.unique = true;
        }
      }
    }
    this.last = this.texts[c];
    this.lastCode = c;
    return c;
  }

  /** Puts text c (hash h) in the table, which grows to keep it at most half full. */
  private add(c: number, h: number): void {
    if (c === this.hashes.length) {
      const hashes = new Int32Array(2 * c);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[c] = h;
    let slots = this.slots as Int32Array;
    if (2 * (c + 1) > slots.length) {
      slots = this.slots = new Int32Array(2 * slots.length);
      for (let k = 0; k < c; k++) place(slots, this.hashes[k], k);
    }
    place(slots, h, c);
  }

  /** Packs src[start, end) (the class comment); `last` is the text as given until finish(). */
  private packValue(src: string, start: number, end: number): number {
    const p = this.packed++;
    if (p === this.ends.length) {
      const ends = new Int32Array(Math.max(PACK, 2 * this.ends.length));
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[p] = ((p & PACK_MASK) === 0 ? 0 : this.ends[p - 1]) + (end - start);
    const text = start === 0 && end === src.length ? src : src.slice(start, end);
    this.pending.push(text);
    if (this.pending.length === PACK) this.pack();
    this.last = text;
    return (this.lastCode = -2 - p);
  }

  /** The values given since the last pack, joined into a pack: a flat string of its own (no slice of the caller's text stays). */
  private pack(): void {
    if (this.pending.length === 0) return;
    this.packs.push(this.pending.join(''));
    this.pending = [];
  }
}

/** Puts place k (hash h) in the first empty slot from h on. */
function place(slots: Int32Array, h: number, k: number): void {
  const mask = slots.length - 1;
  let at = h & mask;
  while (slots[at] !== 0) at = (at + 1) & mask;
  slots[at] = k + 1;
}

/** FNV-1a over the UTF-16 code units of s[start, end), with a final mix so that the low bits (the slot) depend on every character. */
export function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x7feb352d) ^ (h >>> 15);
}
/** Values per pack of a nearly unique column (a power of two). */
const PACK_BITS = 10;
const PACK = 1 << PACK_BITS;
const PACK_MASK = PACK - 1;
/** Distinct texts a column holds before it may be judged nearly unique. */
const SHARE_CHECK = 20_000;
/** A column whose distinct texts are more than this share of the values it was given is nearly unique. */
const UNIQUE_SHARE = 0.9;

export class RecordTable implements Iterable<ReportRecord> {
  /** A table with no rows and no fields (a report whose rows are not read, or are let go after the join). */
  static readonly EMPTY = new RecordTable([], [], 0);

  /** 1-based row number in the source, per row. */
  rows: Int32Array;
  /** One column per field, in `fields` order: texts (dictionary-coded), or numbers and dates (NaN for none). */
  readonly columns: (TextColumn | Float64Array)[];
  private count = 0;
  private readonly extras = new Map<number, Readonly<Record<string, number>>>();
  private readonly proto: object;

  /**
   * `numeric[k]`: field k holds numbers or dates (epoch ms), else text. `capacity`: room for that many
   * rows (a reader knows how many rows a sheet has); it grows when more are pushed.
   */
  constructor(
    readonly fields: readonly string[],
    private readonly numeric: readonly boolean[],
    capacity = 16,
    /** Fields of the kind the report has but whose cells were not read (kinds.ts, `unread`): asking for one throws. */
    private readonly unread: readonly string[] = [],
  ) {
    this.rows = new Int32Array(capacity);
    this.columns = fields.map((_, k) => (numeric[k] ? new Float64Array(capacity) : new TextColumn(capacity)));
    this.proto = prototypeFor(fields, numeric, unread);
  }

  get length(): number {
    return this.count;
  }

  /** Adds a row: its values in `fields` order. */
  push(row: number, values: readonly Value[], extra?: Readonly<Record<string, number>>): void {
    this.begin();
    for (let k = 0; k < values.length; k++) this.put(k, values[k]);
    this.end(row, extra);
  }

  /**
   * Starts the next row, whose values are then put field by field (put, putRange) before end() adds it;
   * a row not ended is not in the table (the next row's values take its place).
   */
  begin(): void {
    if (this.count === this.rows.length) this.grow();
  }

  /** Field k of the row begun. */
  put(k: number, v: Value): void {
    const col = this.columns[k];
    if (col instanceof Float64Array) col[this.count] = v === null ? NaN : (v as number);
    else col.set(this.count, v as string | null);
  }

  /** Text field k of the row begun holds src[start, end) (not empty), cut out only if the column has not seen it yet. */
  putRange(k: number, src: string, start: number, end: number): void {
    (this.columns[k] as TextColumn).setRange(this.count, src, start, end);
  }

  /** Adds the row begun. */
  end(row: number, extra?: Readonly<Record<string, number>>): void {
    const i = this.count;
    this.rows[i] = row;
    if (extra) this.extras.set(i, extra);
    this.count = i + 1;
  }

  /** All rows are in: what only the reading needed is let go (the texts' lookups). */
  finish(): this {
    for (const col of this.columns) if (col instanceof TextColumn) col.finish();
    return this;
  }

  private grow(): void {
    const capacity = Math.max(16, this.rows.length * 2);
    const rows = new Int32Array(capacity);
    rows.set(this.rows);
    this.rows = rows;
    this.columns.forEach((col, k) => {
      if (col instanceof Float64Array) {
        const next = new Float64Array(capacity);
        next.set(col);
        this.columns[k] = next;
      } else col.grow(capacity);
    });
  }

  /**
   * The column of a text field, for reading rows by index without a view per row (the join's loops):
   * undefined when the kind has no such field or it holds numbers. Entries from `length` on are not rows.
   */
  textColumn(field: string): TextColumn | undefined {
    if (this.unread.includes(field)) throw notRead(field);
    const k = this.fields.indexOf(field);
    return k >= 0 && !this.numeric[k] ? (this.columns[k] as TextColumn) : undefined;
  }

  /**
   * The column of a number or date field (NaN for no value; `numberAt` reads it as the views do):
   * undefined when the kind has no such field or it holds text.
   */
  numberColumn(field: string): Float64Array | undefined {
    if (this.unread.includes(field)) throw notRead(field);
    const k = this.fields.indexOf(field);
    return k >= 0 && this.numeric[k] ? (this.columns[k] as Float64Array) : undefined;
  }

  /** The pattern columns of row `i`, if it has any. */
  extraAt(i: number): Readonly<Record<string, number>> | undefined {
    return this.extras.get(i);
  }

  /** Row `i` as a view of the table (see the file comment). */
  view(i: number): ReportRecord {
    const v = Object.create(this.proto) as { t: RecordTable; i: number };
    v.t = this;
    v.i = i;
    return v as unknown as ReportRecord;
  }

  /** Row `i` as a plain record of its own: its values an object with every field of the kind. */
  at(i: number): ReportRecord {
    const values: Record<string, Value> = {};
    const view = this.view(i).values;
    for (const f of this.fields) values[f] = view[f];
    const extra = this.extras.get(i);
    return extra ? { row: this.rows[i], values, extra } : { row: this.rows[i], values };
  }

  /** Every row as a plain record (tests, and the few rows a caller keeps). */
  toArray(): ReportRecord[] {
    const out: ReportRecord[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i));
    return out;
  }

  /** The rows for which `keep(i)` holds, as a new table. */
  filter(keep: (i: number) => boolean): RecordTable {
    const out = new RecordTable(this.fields, this.numeric, this.count, this.unread);
    const values: Value[] = new Array<Value>(this.fields.length).fill(null);
    for (let i = 0; i < this.count; i++) {
      if (!keep(i)) continue;
      const view = this.view(i).values;
      this.fields.forEach((f, k) => (values[k] = view[f]));
      out.push(this.rows[i], values, this.extras.get(i));
    }
    return out.finish();
  }

  [Symbol.iterator](): Iterator<ReportRecord> {
    let i = 0;
    return {
      next: (): IteratorResult<ReportRecord> => (i < this.count ? { value: this.view(i++), done: false } : { value: undefined, done: true }),
    };
  }
}
