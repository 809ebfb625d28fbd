/**
 * FakeExcel: a recording stand-in for the part of the Excel JavaScript API the Office adapter uses
 * (src/workbook/office/office-api.ts), strict where real Excel is strict, so tests catch what would fail
 * or misbehave in Excel:
 *
 * - Proxies: setters and methods only queue operations; nothing happens until `context.sync()`.
 *   Reading a property before `load` + `sync` throws PropertyNotLoaded, as office-js does. Operations
 *   left unsynced when the batch ends are an error (they would be lost).
 * - Payload: a request over 5 MB (UTF-8 JSON size of the operations' arguments plus a per-operation
 *   overhead) fails with RequestPayloadSizeLimitExceeded and changes nothing; a response over 5 MB
 *   fails with ResponsePayloadSizeLimitExceeded. A range of more than 5,000,000 cells loads as null.
 * - Values are parsed as Excel parses typed input: a string starting with `=`, `+`, `-` or `@` becomes a
 *   formula (recorded, so tests can assert none was written), numeric text becomes a number, TRUE/FALSE
 *   booleans, unless the string starts with an apostrophe (dropped, the rest kept as text) or the cell's
 *   number format is text (`@`). `null` in a values array leaves the cell unchanged.
 * - Sheets: names unique case-insensitively, the last visible sheet cannot be hidden or deleted,
 *   protected sheets refuse cell writes and a protected workbook refuses adding, deleting and renaming
 *   sheets (AccessDenied), table names are unique in the workbook (ItemAlreadyExists).
 * - Every sync is counted with its request and response sizes.
 *
 * Failures can be injected with `failWhen` (e.g. fail the Nth sync, or an operation on a given sheet).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
// Nested proxies (range.format.font, chart.series, …) are object literals whose setters reach the owning proxy.
/* eslint-disable @typescript-eslint/no-this-alias */
import type { ExcelRun, XlContext, XlVisibility } from '../../src/workbook/office/office-api';

export const FIVE_MB = 5 * 1024 * 1024;
const OPERATION_OVERHEAD = 120;
const MAX_READ_CELLS = 5_000_000;

type Value = string | number | boolean;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  range: FakeRange;
  style: string;
}

export interface FakeChart {
  type: string;
  source: FakeRange;
  title: string;
  series: { name: string; values: FakeRange | null; categories: FakeRange | null }[];
  position: { from: FakeRange; to: FakeRange } | null;
}

export interface FakeConditionalFormat {
  type: string;
  range: FakeRange;
  rule: any;
  fill: string | null;
  font: string | null;
}

export class FakeSheet {
  visibility: XlVisibility = 'Visible';
  protected = false;
  /** Cell values by row; '' or undefined is blank. */
  readonly cells: Value[][] = [];
  /** Formulas Excel would have created, by "row,column". */
  readonly formulas = new Map<string, string>();
  readonly numberFormats: { range: FakeRange; format: string }[] = [];
  readonly styles: { range: FakeRange; property: string; value: unknown }[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations: { range: FakeRange; rule?: any; errorAlert?: any }[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly charts: FakeChart[] = [];
  freeze: { rows: number; columns: number } | null = null;
  page: { orientation?: string; zoom?: any; titleRows?: string } = {};
  /** Manual page breaks (horizontalPageBreaks.add): the 0-based row each is above, in the order added. */
  readonly rowBreaks: number[] = [];

  constructor(public name: string) {}

  /** The number format of a cell: the last one set on a range covering it, else General. */
  formatAt(row: number, column: number): string {
    for (let i = this.numberFormats.length - 1; i >= 0; i--) {
      const { range, format } = this.numberFormats[i];
      if (inside(range, row, column)) return format;
    }
    return 'General';
  }

  /** Values from A1 to the used range, blanks as "" (what the adapters' readSheets give). */
  values(): Value[][] {
    const used = this.usedRange();
    if (!used) return [];
    const end = used.row + used.rows;
    const width = used.column + used.columns;
    const out: Value[][] = [];
    for (let r = 0; r < end; r++) {
      const row = this.cells[r] ?? [];
      const copy = new Array<Value>(width);
      for (let c = 0; c < width; c++) copy[c] = row[c] ?? '';
      out.push(copy);
    }
    return out;
  }

  usedRange(): FakeRange | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.cells.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === '' || v === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    if (top < 0) return null;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  read(range: FakeRange): Value[][] {
    const out: Value[][] = [];
    for (let r = 0; r < range.rows; r++) {
      const row = this.cells[range.row + r] ?? [];
      const copy = new Array<Value>(range.columns);
      for (let c = 0; c < range.columns; c++) copy[c] = row[range.column + c] ?? '';
      out.push(copy);
    }
    return out;
  }

  /** Writes one cell the way Excel parses a value written to Range.values. */
  write(row: number, column: number, value: unknown): void {
    if (value === null || value === undefined) return;
    const key = `${row},${column}`;
    this.formulas.delete(key);
    let stored: Value;
    if (typeof value === 'string') {
      if (value.startsWith("'")) stored = value.slice(1);
      else if (value === '') stored = '';
      else if (this.formatAt(row, column) === '@') stored = value;
      else if (/^[=+\-@]./s.test(value)) {
        this.formulas.set(key, value.startsWith('=') ? value : `=${value}`);
        stored = '#NAME?';
      } else if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) stored = Number(value);
      else if (/^(true|false)$/i.test(value)) stored = value.toLowerCase() === 'true';
      else stored = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      stored = value;
    } else {
      throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (a ${typeof value} in values).`);
    }
    const cells = (this.cells[row] ??= []);
    cells[column] = stored;
  }
}

/** Bytes on the wire: JSON is sent as UTF-8. */
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

const inside = (range: FakeRange, row: number, column: number) =>
  row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns;

export interface SyncStat {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly operations: number;
  readonly ok: boolean;
  readonly suspended: boolean;
}

export interface FakeExcelOptions {
  /** Return an error to fail the operation (or, with `operation` undefined, the whole sync before anything runs). */
  readonly failWhen?: (at: { sync: number; operation?: string; sheet?: string }) => FakeExcelError | undefined;
}

interface Operation {
  readonly name: string;
  readonly bytes: number;
  readonly sheet?: () => string | undefined;
  readonly apply: () => void;
}

interface Load {
  readonly bytes: () => number;
  readonly apply: () => unknown;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  workbookProtected = false;
  readonly syncs: SyncStat[] = [];
  /** The sheet the user sees (activate) and the range selected on it (Range.select). */
  active: string | null = null;
  selection: { sheet: string; row: number; column: number; rows: number; columns: number } | null = null;
  private tableCounter = 0;

  constructor(
    initial: readonly { name: string; rows?: readonly (readonly unknown[])[]; visibility?: XlVisibility }[] = [{ name: 'Sheet1' }],
    readonly options: FakeExcelOptions = {},
  ) {
    for (const s of initial) {
      const sheet = new FakeSheet(s.name);
      sheet.visibility = s.visibility ?? 'Visible';
      s.rows?.forEach((row, r) => row.forEach((v, c) => sheet.write(r, c, v)));
      this.sheets.push(sheet);
    }
  }

  /** Excel.run over this workbook. */
  readonly run: ExcelRun = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as XlContext);
    if (context.pending > 0) throw new Error(`${context.pending} queued operation(s) were never synced: Excel.run ended without context.sync()`);
    return result;
  };

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (sheet "${name}").`);
    return sheet;
  }

  /** Every formula written anywhere, as "Sheet!row,column: formula". */
  formulas(): string[] {
    return this.sheets.flatMap((s) => [...s.formulas].map(([at, f]) => `${s.name}!${at}: ${f}`));
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get largestResponse(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  guardStructure(): void {
    if (this.workbookProtected) throw new FakeExcelError('AccessDenied', 'The workbook is protected: sheets cannot be added, deleted or renamed.');
  }

  guardVisible(except: FakeSheet): void {
    if (!this.sheets.some((s) => s !== except && s.visibility === 'Visible')) {
      throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
  }

  nextTableName(): string {
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
    return name;
  }
}

/** PropertyNotLoaded, as office-js throws it. */
function notLoaded(property: string): never {
  throw new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A proxy's loaded properties: set at sync from what `load` asked for. */
class Loaded {
  private readonly values = new Map<string, unknown>();

  set(property: string, value: unknown): void {
    this.values.set(property, value);
  }

  get<T>(property: string): T {
    if (!this.values.has(property)) notLoaded(property);
    return this.values.get(property) as T;
  }
}

const props = (list?: string) => (list ?? '').split(',').map((p) => p.trim()).filter(Boolean);

class FakeContext {
  private operations: Operation[] = [];
  private loads: Load[] = [];
  private suspended = false;
  readonly workbook: FakeWorkbookProxy;
  readonly application = {
    suspendScreenUpdatingUntilNextSync: () => {
      this.suspended = true;
    },
    suspendApiCalculationUntilNextSync: () => undefined,
  };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pending(): number {
    return this.operations.length;
  }

  queue(name: string, args: unknown, apply: () => void, sheet?: () => string | undefined): void {
    this.operations.push({ name, bytes: OPERATION_OVERHEAD + utf8(JSON.stringify(args) ?? ''), apply, sheet });
  }

  queueLoad(load: Load): void {
    this.loads.push(load);
    this.operations.push({ name: 'load', bytes: OPERATION_OVERHEAD, apply: () => undefined });
  }

  async sync(): Promise<void> {
    const operations = this.operations;
    const loads = this.loads;
    this.operations = [];
    this.loads = [];
    const suspended = this.suspended;
    this.suspended = false;
    const requestBytes = operations.reduce((n, o) => n + o.bytes, 0);
    const index = this.excel.syncs.length + 1;
    const record = (responseBytes: number, ok: boolean) =>
      this.excel.syncs.push({ requestBytes, responseBytes, operations: operations.length, ok, suspended });
    await Promise.resolve();
    const injected = this.excel.options.failWhen?.({ sync: index });
    if (injected) {
      record(0, false);
      throw injected;
    }
    if (requestBytes > FIVE_MB) {
      record(0, false);
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    try {
      for (const op of operations) {
        const fail = this.excel.options.failWhen?.({ sync: index, operation: op.name, sheet: op.sheet?.() });
        if (fail) throw fail;
        op.apply();
      }
    } catch (error) {
      record(0, false);
      throw error;
    }
    let responseBytes = 0;
    const results: (() => void)[] = [];
    for (const load of loads) {
      responseBytes += load.bytes();
      results.push(load.apply as () => void);
    }
    if (responseBytes > FIVE_MB) {
      record(responseBytes, false);
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    for (const apply of results) apply();
    record(responseBytes, true);
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: { load: (p?: string) => unknown; readonly protected: boolean };
  readonly tables: { load: (p?: string) => unknown; readonly items: unknown[] };

  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    const excel = context.excel;
    const protection = new Loaded();
    this.protection = {
      load(p?: string) {
        context.queueLoad({ bytes: () => 20, apply: () => props(p).forEach((k) => k === 'protected' && protection.set(k, excel.workbookProtected)) });
        return this;
      },
      get protected() {
        return protection.get<boolean>('protected');
      },
    };
    const tables = new Loaded();
    this.tables = {
      load(p?: string) {
        const wanted = props(p);
        context.queueLoad({
          bytes: () => JSON.stringify(excel.tables.map((t) => [t.name, t.sheet.name])).length,
          apply: () =>
            tables.set(
              'items',
              excel.tables.map((t) => {
                const item = new Loaded();
                if (wanted.includes('items/name')) item.set('name', t.name);
                if (wanted.includes('items/worksheet/name')) item.set('worksheet/name', t.sheet.name);
                return {
                  get name() {
                    return item.get<string>('name');
                  },
                  worksheet: {
                    get name() {
                      return item.get<string>('worksheet/name');
                    },
                  },
                };
              }),
            ),
        });
        return this;
      },
      get items() {
        return tables.get<unknown[]>('items');
      },
    };
  }
}

class FakeWorksheetCollection {
  private readonly loaded = new Loaded();

  constructor(private readonly context: FakeContext) {}

  load(p?: string): this {
    const wanted = props(p);
    const excel = this.context.excel;
    this.context.queueLoad({
      bytes: () => JSON.stringify(excel.sheets.map((s) => [s.name, s.visibility])).length + 40 * excel.sheets.length,
      apply: () =>
        this.loaded.set(
          'items',
          excel.sheets.map((s) => {
            const proxy = new FakeWorksheetProxy(this.context, () => s);
            proxy.fill(wanted.map((w) => w.replace(/^items\//, '')));
            return proxy;
          }),
        ),
    });
    return this;
  }

  get items(): FakeWorksheetProxy[] {
    return this.loaded.get('items');
  }

  getItem(name: string): FakeWorksheetProxy {
    const excel = this.context.excel;
    return new FakeWorksheetProxy(this.context, () => excel.mustSheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheetProxy {
    const excel = this.context.excel;
    return new FakeWorksheetProxy(this.context, () => excel.sheet(name), true);
  }

  add(name?: string): FakeWorksheetProxy {
    const excel = this.context.excel;
    let created: FakeSheet | undefined;
    this.context.queue('worksheets.add', [name], () => {
      excel.guardStructure();
      const sheetName = name ?? `Sheet${excel.sheets.length + 1}`;
      if (excel.sheet(sheetName)) throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${sheetName}" already exists.`);
      created = new FakeSheet(sheetName);
      excel.sheets.push(created);
    });
    return new FakeWorksheetProxy(this.context, () => {
      if (!created) throw new Error('fake: sheet used before worksheets.add was synced');
      return created;
    });
  }
}

class FakeWorksheetProxy {
  private readonly loaded = new Loaded();
  private bound: FakeSheet | undefined;
  private synced = false;

  constructor(
    private readonly context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | undefined,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.queueLoad({ bytes: () => 10, apply: () => (this.synced = true) });
    }
  }

  /** The sheet, bound on first use at sync time (as Excel binds a proxy to an object). */
  target(): FakeSheet {
    if (!this.bound) {
      const sheet = this.resolveSheet();
      if (!sheet) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
      this.bound = sheet;
    }
    return this.bound;
  }

  private sheetName = () => this.bound?.name ?? this.resolveSheet()?.name;

  fill(wanted: readonly string[]): void {
    const s = this.target();
    for (const w of wanted) {
      if (w === 'name') this.loaded.set('name', s.name);
      if (w === 'visibility') this.loaded.set('visibility', s.visibility);
      if (w === 'position') this.loaded.set('position', this.context.excel.sheets.indexOf(s));
      if (w === 'protection/protected') this.loaded.set('protection/protected', s.protected);
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!this.synced) notLoaded('isNullObject');
    return this.resolveSheet() === undefined && this.bound === undefined;
  }

  load(p?: string): this {
    const wanted = props(p);
    this.context.queueLoad({
      bytes: () => 60,
      apply: () => {
        if (this.nullable && !this.resolveSheet()) return;
        this.fill(wanted);
      },
    });
    return this;
  }

  private op(name: string, args: unknown, apply: (sheet: FakeSheet) => void): void {
    this.context.queue(`worksheet.${name}`, args, () => apply(this.target()), this.sheetName);
  }

  get name(): string {
    return this.loaded.get('name');
  }

  set name(value: string) {
    this.op('name', value, (s) => {
      if (s.name === value) return;
      this.context.excel.guardStructure();
      const other = this.context.excel.sheet(value);
      if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${value}" already exists.`);
      s.name = value;
    });
  }

  get visibility(): XlVisibility {
    return this.loaded.get('visibility');
  }

  set visibility(value: XlVisibility) {
    this.op('visibility', value, (s) => {
      if (value !== 'Visible' && s.visibility === 'Visible') this.context.excel.guardVisible(s);
      s.visibility = value;
    });
  }

  get position(): number {
    return this.loaded.get('position');
  }

  set position(value: number) {
    this.op('position', value, (s) => {
      const sheets = this.context.excel.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, s);
    });
  }

  get protection() {
    const loaded = this.loaded;
    const self = this;
    return {
      load(p?: string) {
        self.context.queueLoad({ bytes: () => 20, apply: () => props(p).includes('protected') && loaded.set('protection/protected', self.target().protected) });
        return this;
      },
      get protected(): boolean {
        return loaded.get('protection/protected');
      },
    };
  }

  get tables() {
    const self = this;
    return {
      load() {
        return this;
      },
      get items(): never {
        return notLoaded('items');
      },
      add(source: FakeRangeProxy, hasHeaders: boolean) {
        const table: FakeTable = { name: '', sheet: undefined as unknown as FakeSheet, range: source.box, style: '' };
        self.op('tables.add', [source.box, hasHeaders], (s) => {
          if (!hasHeaders) throw new Error('fake: tables are added with headers');
          if (self.context.excel.tables.some((t) => t.sheet === s && overlaps(t.range, source.box))) {
            throw new FakeExcelError('InvalidOperation', 'A table cannot overlap another table.');
          }
          table.sheet = s;
          table.name = self.context.excel.nextTableName();
          self.context.excel.tables.push(table);
        });
        return {
          set name(value: string) {
            self.context.queue('table.name', value, () => {
              const other = self.context.excel.tables.find((t) => t.name.toLowerCase() === value.toLowerCase());
              if (other && other !== table) throw new FakeExcelError('ItemAlreadyExists', `A table named "${value}" already exists.`);
              table.name = value;
            });
          },
          set style(value: string) {
            self.context.queue('table.style', value, () => (table.style = value));
          },
        };
      },
    };
  }

  get charts() {
    const self = this;
    return {
      add(type: string, source: FakeRangeProxy, seriesBy?: string) {
        const chart: FakeChart = { type, source: source.box, title: '', series: [{ name: '', values: source.box, categories: null }], position: null };
        self.op('charts.add', [type, source.box, seriesBy], (s) => s.charts.push(chart));
        const series = (i: number) => ({
          set name(value: string) {
            self.context.queue('series.name', value, () => (chart.series[i].name = value));
          },
          setValues(r: FakeRangeProxy) {
            self.context.queue('series.setValues', r.box, () => (chart.series[i].values = r.box));
          },
          setXAxisValues(r: FakeRangeProxy) {
            self.context.queue('series.setXAxisValues', r.box, () => (chart.series[i].categories = r.box));
          },
        });
        return {
          title: {
            set text(value: string) {
              self.context.queue('chart.title', value, () => (chart.title = value));
            },
          },
          series: {
            getItemAt: (i: number) => series(i),
            add(name?: string) {
              const i = chart.series.length;
              self.context.queue('series.add', name, () => chart.series.push({ name: name ?? '', values: null, categories: null }));
              return series(i);
            },
          },
          setPosition(from: FakeRangeProxy, to: FakeRangeProxy) {
            self.context.queue('chart.setPosition', [from.box, to.box], () => (chart.position = { from: from.box, to: to.box }));
          },
        };
      },
    };
  }

  get freezePanes() {
    return {
      freezeRows: (n: number) => this.op('freezeRows', n, (s) => (s.freeze = { rows: n, columns: 0 })),
      freezeColumns: (n: number) => this.op('freezeColumns', n, (s) => (s.freeze = { rows: 0, columns: n })),
      freezeAt: (r: FakeRangeProxy) => this.op('freezeAt', r.box, (s) => (s.freeze = { rows: r.box.row + r.box.rows, columns: r.box.column + r.box.columns })),
      unfreeze: () => this.op('unfreeze', null, (s) => (s.freeze = null)),
    };
  }

  get pageLayout() {
    const self = this;
    return {
      set orientation(value: string) {
        self.op('pageLayout.orientation', value, (s) => (s.page.orientation = value));
      },
      set zoom(value: unknown) {
        self.op('pageLayout.zoom', value, (s) => (s.page.zoom = value));
      },
      setPrintTitleRows(rows: string) {
        self.op('pageLayout.setPrintTitleRows', rows, (s) => (s.page.titleRows = rows));
      },
    };
  }

  get horizontalPageBreaks() {
    return {
      add: (range: FakeRangeProxy | string) => {
        if (typeof range === 'string') throw new Error('fake: page breaks are added at ranges, not addresses');
        this.op('horizontalPageBreaks.add', range.box, (s) => s.rowBreaks.push(range.box.row));
      },
    };
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRangeProxy {
    if (rows < 1 || columns < 1 || row < 0 || column < 0) throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return new FakeRangeProxy(this.context, this, { row, column, rows, columns });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    if (valuesOnly !== true) throw new Error('fake: only values-only used ranges are modelled');
    return new FakeRangeProxy(this.context, this, null);
  }

  delete(): void {
    this.op('delete', null, (s) => {
      const excel = this.context.excel;
      excel.guardStructure();
      if (s.visibility === 'Visible') excel.guardVisible(s);
      if (s.visibility === 'VeryHidden') throw new FakeExcelError('InvalidOperation', 'A very hidden sheet cannot be deleted; make it hidden first.');
      excel.sheets.splice(excel.sheets.indexOf(s), 1);
      for (let i = excel.tables.length - 1; i >= 0; i--) if (excel.tables[i].sheet === s) excel.tables.splice(i, 1);
    });
  }

  activate(): void {
    this.op('activate', null, (s) => {
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.excel.active = s.name;
    });
  }
}

const overlaps = (a: FakeRange, b: FakeRange) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

class FakeRangeProxy {
  private readonly loaded = new Loaded();
  private synced = false;
  private usedBox: FakeRange | null = null;

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetProxy,
    /** Fixed coordinates; null for a used range (resolved at sync). */
    private readonly fixed: FakeRange | null,
    private readonly entireColumn = false,
  ) {
    if (!fixed) context.queueLoad({ bytes: () => 10, apply: () => (this.synced = true) });
  }

  get box(): FakeRange {
    if (this.fixed) return this.fixed;
    if (!this.usedBox) throw new Error('fake: a used range cannot be used as an argument here');
    return this.usedBox;
  }

  private current(): FakeRange | null {
    return this.fixed ?? this.sheet.target().usedRange();
  }

  get isNullObject(): boolean {
    if (this.fixed) return false;
    if (!this.synced) notLoaded('isNullObject');
    return this.usedBox === null;
  }

  load(p?: string): this {
    const wanted = props(p);
    let values: Value[][] | null = null;
    let box: FakeRange | null = null;
    this.context.queueLoad({
      bytes: () => {
        box = this.current();
        if (!box) return 10;
        const cells = box.rows * box.columns;
        values = wanted.includes('values') && cells <= MAX_READ_CELLS ? this.sheet.target().read(box) : null;
        return 80 + (values ? utf8(JSON.stringify(values)) : 0);
      },
      apply: () => {
        if (!this.fixed) this.usedBox = box;
        if (!box) return;
        for (const w of wanted) {
          if (w === 'values') this.loaded.set('values', values);
          else if (w === 'rowCount') this.loaded.set(w, box.rows);
          else if (w === 'columnCount') this.loaded.set(w, box.columns);
          else if (w === 'rowIndex') this.loaded.set(w, box.row);
          else if (w === 'columnIndex') this.loaded.set(w, box.column);
          else throw new Error(`fake: loading "${w}" on a range is not modelled`);
        }
      },
    });
    return this;
  }

  get values(): any[][] {
    return this.loaded.get('values');
  }

  set values(values: any[][]) {
    const box = this.fixed;
    if (!box || this.entireColumn) throw new Error('fake: values are written to fixed ranges only');
    if (!Array.isArray(values) || values.length !== box.rows || values.some((r) => !Array.isArray(r) || r.length !== box.columns)) {
      throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${box.rows}×${box.columns}).`);
    }
    this.context.queue(
      'range.values',
      values,
      () => {
        const s = this.sheet.target();
        if (s.protected) throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ("${s.name}").`);
        values.forEach((row, r) => row.forEach((v, c) => s.write(box.row + r, box.column + c, v)));
      },
      () => this.sheet.target().name,
    );
  }

  get numberFormat(): any[][] {
    return notLoaded('numberFormat');
  }

  set numberFormat(formats: any[][]) {
    const box = this.fixed;
    if (!box) throw new Error('fake: formats are set on fixed ranges only');
    const one = formats.length === 1 && formats[0].length === 1;
    if (!one && (formats.length !== box.rows || formats.some((r) => r.length !== box.columns))) {
      throw new FakeExcelError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    if (!one) throw new Error('fake: per-cell number formats are not modelled; the adapter sets one format per range');
    this.context.queue('range.numberFormat', formats, () => {
      const s = this.sheet.target();
      if (s.protected) throw new FakeExcelError('AccessDenied', 'The sheet is protected.');
      s.numberFormats.push({ range: box, format: String(formats[0][0]) });
    });
  }

  get rowCount(): number {
    return this.loaded.get('rowCount');
  }

  get columnCount(): number {
    return this.loaded.get('columnCount');
  }

  get rowIndex(): number {
    return this.loaded.get('rowIndex');
  }

  get columnIndex(): number {
    return this.loaded.get('columnIndex');
  }

  private style(property: string, value: unknown): void {
    const box = this.box;
    this.context.queue(`format.${property}`, value, () => {
      const s = this.sheet.target();
      if (property === 'columnWidth') {
        if (!this.entireColumn) throw new Error('fake: column widths are set on entire columns');
        for (let c = box.column; c < box.column + box.columns; c++) s.columnWidths.set(c, Number(value));
      } else s.styles.push({ range: box, property, value });
    });
  }

  get format() {
    const self = this;
    return {
      font: {
        set bold(v: boolean) {
          self.style('font.bold', v);
        },
        set italic(v: boolean) {
          self.style('font.italic', v);
        },
        set size(v: number) {
          self.style('font.size', v);
        },
        set color(v: string) {
          self.style('font.color', v);
        },
      },
      fill: {
        set color(v: string) {
          self.style('fill.color', v);
        },
      },
      set columnWidth(v: number) {
        self.style('columnWidth', v);
      },
    };
  }

  get conditionalFormats() {
    const self = this;
    return {
      add(type: string) {
        const cf: FakeConditionalFormat = { type, range: self.box, rule: null, fill: null, font: null };
        self.context.queue('conditionalFormats.add', type, () => self.sheet.target().conditionalFormats.push(cf));
        const body = {
          format: {
            fill: {
              set color(v: string) {
                self.context.queue('cf.fill', v, () => (cf.fill = v));
              },
            },
            font: {
              set color(v: string) {
                self.context.queue('cf.font', v, () => (cf.font = v));
              },
            },
          },
        };
        const cellValue = {
          ...body,
          set rule(v: unknown) {
            self.context.queue('cf.rule', v, () => (cf.rule = v));
          },
        };
        const custom = {
          ...body,
          rule: {
            set formula(v: string) {
              self.context.queue('cf.formula', v, () => (cf.rule = { formula: v }));
            },
          },
        };
        return { cellValue, custom };
      },
    };
  }

  get dataValidation() {
    const self = this;
    const entry: { range: FakeRange; rule?: any; errorAlert?: any } = { range: this.box };
    let added = false;
    const add = () => {
      if (!added) self.sheet.target().validations.push(entry);
      added = true;
    };
    return {
      set rule(v: any) {
        self.context.queue('dataValidation.rule', v, () => {
          add();
          entry.rule = v;
        });
      },
      set errorAlert(v: any) {
        self.context.queue('dataValidation.errorAlert', v, () => {
          add();
          entry.errorAlert = v;
        });
      },
    };
  }

  /** Activates the range's sheet and selects the range (Excel does both). */
  select(): void {
    const sheet = this.sheet;
    this.context.queue('range.select', null, () => {
      const box = this.box;
      const s = sheet.target();
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
      this.context.excel.active = s.name;
      this.context.excel.selection = { sheet: s.name, ...box };
    });
  }

  getEntireColumn(): FakeRangeProxy {
    const box = this.box;
    return new FakeRangeProxy(this.context, this.sheet, { row: 0, column: box.column, rows: 1_048_576, columns: box.columns }, true);
  }
}
