/**
 * Writes SheetSpecs straight into an .xlsx package, row by row, with no workbook model in between: each
 * sheet's XML is produced in chunks while the zip stream (archiver, Node's zlib) compresses them, so
 * memory holds the specs, the shared strings and a chunk, never a second copy of the cells. It writes
 * what renderSheet and charts.ts write through exceljs (values, number formats, styles, tables,
 * conditional formats, list validations, frozen panes, column widths, print settings and page
 * breaks, visibility, charts), as SpreadsheetML (ECMA-376 Part 1, §18), for workbooks made only of
 * specs: XlsxWorkbook uses it when nothing of a loaded file has to be kept.
 *
 * Text is always a shared-string cell (t="s"), never a formula, whatever it starts with; a literal
 * `_xHHHH_` is escaped as `_x005F_xHHHH_` (renderSheet's cellValue) and characters XML 1.0 cannot
 * hold are dropped (as exceljs drops them).
 */
import archiver from 'archiver';
import { Readable, type Writable } from 'node:stream';
import type { ZlibOptions } from 'node:zlib';
import { type CellValue, type ChartSpec, type ConditionalFormat, type SheetSpec } from '../../engine';
import { cellAddress, columnLetters, isEmptyRange, rangeAddress } from '../grid';
import { FILLS, HEADER_BORDER, HEADER_FILL, NOTE_COLOUR, TABLE_STYLE, textEqualsFormula } from '../styles';
import { listFormula, pageBreakRows } from '../spec-checks';
import { CHART_CONTENT, CHART_TYPE, DRAWING_CONTENT, DRAWING_TYPE, override, relationship, relsDocument } from './charts';
import { chartXml, drawingXml, escapeXml } from './chart-xml';
import { cellValue } from './render-sheet';

/**
 * The Office theme exceljs writes into every package (fonts refer to its colours). A package without
 * one is valid, but exceljs, loading it for the next run, writes a relationship to a theme it then
 * leaves out.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const THEME: string = require('exceljs/lib/xlsx/xml/theme1.js');

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL = {
  document: `${NS_R}/officeDocument`,
  sheet: `${NS_R}/worksheet`,
  styles: `${NS_R}/styles`,
  strings: `${NS_R}/sharedStrings`,
  theme: `${NS_R}/theme`,
  table: `${NS_R}/table`,
};
const CONTENT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};
/** Bytes of a sheet (characters of the shared strings) a chunk holds before it goes to the zip stream. */
const CHUNK = 1 << 16;
/**
 * zlib level 1, not zlib's default 6: at 100,000 positions level 6 left the main thread waiting for
 * zlib (16.5 s and 42 MB against 10.7 s and 57 MB).
 */
const LEVEL = 1;

/** A `<t>` element, keeping leading and trailing spaces and line breaks. */
const tElement = (text: string) => (/^\s|\s$/.test(text) ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`);

// ---- Styles ----------------------------------------------------------------------------------------

/** What one cell looks like: the parts of renderSheet's exceljs style that specs can set. */
interface Look {
  numFmt: string | null;
  bold: boolean;
  italic: boolean;
  size: number | null;
  colour: string | null;
  header: boolean;
}

const PLAIN: Look = { numFmt: null, bold: false, italic: false, size: null, colour: null, header: false };

/** Cell formats (xf), fonts, number formats and differential formats, numbered as styles.xml lists them. */
class StyleTable {
  private readonly xfs = new Map<string, number>([['', 0]]);
  private readonly xfList: { numFmtId: number; fontId: number; fillId: number; borderId: number }[] = [{ numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 }];
  private readonly fonts = new Map<string, number>([['', 0]]);
  private readonly fontList: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly numFmts = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();
  private readonly dxfList: string[] = [];

  /** The xf index of a look (0 for the default). */
  xf(look: Look): number {
    const key = `${look.numFmt ?? ''}|${look.bold ? 1 : 0}${look.italic ? 1 : 0}|${look.size ?? ''}|${look.colour ?? ''}|${look.header ? 1 : 0}`;
    if (key === '|00|||0') return 0;
    let id = this.xfs.get(key);
    if (id === undefined) {
      id = this.xfList.length;
      this.xfs.set(key, id);
      this.xfList.push({ numFmtId: look.numFmt === null ? 0 : this.numFmt(look.numFmt), fontId: this.font(look), fillId: look.header ? 2 : 0, borderId: look.header ? 1 : 0 });
    }
    return id;
  }

  /** The dxf index of a traffic-light fill. */
  dxf(fill: ConditionalFormat['rule']['fill']): number {
    let id = this.dxfs.get(fill);
    if (id === undefined) {
      const c = FILLS[fill];
      id = this.dxfList.length;
      this.dxfs.set(fill, id);
      this.dxfList.push(`<dxf><font><color rgb="FF${c.font}"/></font><fill><patternFill patternType="solid"><fgColor rgb="FF${c.fill}"/><bgColor rgb="FF${c.fill}"/></patternFill></fill></dxf>`);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const xfs = this.xfList.map(
      (x, i) =>
        `<xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"${i === 0 ? '' : `${x.numFmtId ? ' applyNumberFormat="1"' : ''}${x.fontId ? ' applyFont="1"' : ''}${x.fillId ? ' applyFill="1"' : ''}${x.borderId ? ' applyBorder="1"' : ''}`}/>`,
    );
    const header = `FF${HEADER_FILL}`;
    return (
      `${HEAD}<styleSheet xmlns="${NS}">` +
      (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      `<fonts count="${this.fontList.length}">${this.fontList.join('')}</fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
      `<fill><patternFill patternType="solid"><fgColor rgb="${header}"/><bgColor rgb="${header}"/></patternFill></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
      `<border><left/><right/><top/><bottom style="thin"><color rgb="FF${HEADER_BORDER}"/></bottom><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${this.dxfList.length}">${this.dxfList.join('')}</dxfs>` +
      `<tableStyles count="0" defaultTableStyle="${TABLE_STYLE}" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }

  private numFmt(code: string): number {
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private font(look: Look): number {
    if (!look.bold && !look.italic && look.size === null && look.colour === null) return 0;
    const key = `${look.bold ? 1 : 0}${look.italic ? 1 : 0}|${look.size ?? 11}|${look.colour ?? ''}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fontList.length;
      this.fonts.set(key, id);
      const colour = look.colour ? `<color rgb="FF${look.colour}"/>` : '<color theme="1"/>';
      this.fontList.push(`<font>${look.bold ? '<b/>' : ''}${look.italic ? '<i/>' : ''}<sz val="${look.size ?? 11}"/>${colour}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`);
    }
    return id;
  }
}

/** A StyledRange's effect on a look (renderSheet's `styled`). */
function styled(look: Look, style: SheetSpec['styles'][number]['style']): Look {
  switch (style) {
    case 'title':
      return { ...look, bold: true, size: 14 };
    case 'subtitle':
      return { ...look, bold: true, size: 12 };
    case 'header':
      return { ...look, bold: true, header: true };
    case 'note':
      return { ...look, italic: true, colour: NOTE_COLOUR };
    case 'bold':
      return { ...look, bold: true };
  }
}

/**
 * The xf of every cell a spec formats, as bands of rows that share one xf per column (the ranges are
 * few and rectangular: a title, a header row, column bodies). Number formats first, then styles, in
 * the spec's order, as renderSheet applies them.
 */
interface Band {
  readonly from: number;
  readonly to: number;
  /** xf per column (0: none); a cell with an xf is written even when blank, as exceljs writes it. */
  readonly xf: Int32Array;
}

function bands(spec: SheetSpec, table: StyleTable): Band[] {
  const ranges = [
    ...spec.numberFormats.map((f) => ({ range: f.range, apply: (l: Look): Look => ({ ...l, numFmt: f.format }) })),
    ...spec.styles.map((s) => ({ range: s.range, apply: (l: Look) => styled(l, s.style) })),
  ].filter((x) => !isEmptyRange(x.range));
  const cuts = [...new Set(ranges.flatMap((x) => [x.range.row, x.range.row + x.range.rows]))].sort((a, b) => a - b);
  const width = ranges.reduce((w, x) => Math.max(w, x.range.column + x.range.columns), 0);
  const out: Band[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k];
    const to = cuts[k + 1];
    const looks: Look[] = Array.from({ length: width }, () => PLAIN);
    let any = false;
    for (const x of ranges) {
      if (x.range.row > from || x.range.row + x.range.rows < to) continue;
      any = true;
      for (let c = x.range.column; c < x.range.column + x.range.columns; c++) looks[c] = x.apply(looks[c]);
    }
    if (any) out.push({ from, to, xf: Int32Array.from(looks, (l) => table.xf(l)) });
  }
  return out;
}

// ---- Sheets ----------------------------------------------------------------------------------------

/** Shared strings: each distinct text once, numbered in the order first written. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(text, id);
      this.list.push(text);
    }
    return id;
  }

  *xml(): Generator<string> {
    yield `${HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">`;
    let chunk = '';
    for (const text of this.list) {
      chunk += `<si>${tElement(text)}</si>`;
      if (chunk.length > CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}</sst>`;
  }
}

/**
 * A sheet's XML written as bytes in place, handed over in chunks of about CHUNK bytes. Built as
 * strings (a template per cell, joined per row and chunk), the cells were most of the time the whole
 * package took to write and most of its garbage: 0.45 s of a 1.4 s `lumive analyze` at 2,500 masters.
 */
class XmlBytes {
  private buf = Buffer.allocUnsafe(CHUNK * 2);
  private at = 0;

  get size(): number {
    return this.at;
  }

  /** Text made only of ASCII characters by construction: tags, cell references, numbers and indexes. */
  ascii(s: string): void {
    const n = s.length;
    if (this.at + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.at;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.at = p;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    if (this.at + n > this.buf.length) this.grow(n);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** A whole number as JavaScript prints it (`${n}`), without making the string. */
  integer(n: number): void {
    if (n < 0) {
      this.ascii('-');
      n = -n;
    }
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    if (this.at + digits > this.buf.length) this.grow(digits);
    const b = this.buf;
    let p = this.at + digits;
    this.at = p;
    do {
      b[--p] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** A number as `${value}` prints it (whole numbers without a string made for them). */
  number(value: number): void {
    if (Number.isSafeInteger(value)) this.integer(value);
    else this.ascii(String(value));
  }

  /** Forgets what was written after `size` was `at`. */
  rewind(at: number): void {
    this.at = at;
  }

  /** What is written so far, and a fresh buffer for what follows. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(CHUNK * 2);
    this.at = 0;
    return out;
  }

  private grow(more: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + more));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}

/** One cell's XML, at column `letters` of row `line`; nothing for a blank without a format. */
function cell(out: XmlBytes, letters: string, line: string, value: CellValue, xf: number, strings: SharedStrings): void {
  if (value === null && xf === 0) return;
  out.ascii('<c r="');
  out.ascii(letters);
  out.ascii(line);
  out.ascii('"');
  if (xf > 0) {
    out.ascii(' s="');
    out.integer(xf);
    out.ascii('"');
  }
  if (value === null) {
    out.ascii('/>');
    return;
  }
  if (typeof value === 'number') {
    out.ascii('><v>');
    out.number(value);
  } else if (typeof value === 'boolean') {
    out.ascii(value ? ' t="b"><v>1' : ' t="b"><v>0');
  } else {
    out.ascii(' t="s"><v>');
    out.integer(strings.id(cellValue(value) as string));
  }
  out.ascii('</v></c>');
}

/** What a sheet's XML refers to, numbered workbook-wide. */
interface SheetParts {
  readonly tables: readonly { readonly id: number; readonly rel: string }[];
  readonly drawing: { readonly id: number; readonly rel: string } | null;
}

function* sheetXml(spec: SheetSpec, selected: boolean, parts: SheetParts, styles: StyleTable, strings: SharedStrings): Generator<Buffer> {
  const formatted = bands(spec, styles);
  const width = Math.max(formatted.reduce((w, b) => Math.max(w, b.xf.length), 0), 0);
  const letters: string[] = [];
  const letter = (c: number) => letters[c] ?? (letters[c] = columnLetters(c));
  const print = spec.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const out = new XmlBytes();
  out.text(`${HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}">${print}${sheetViews(spec, selected)}<sheetFormatPr defaultRowHeight="15"/>${cols(spec)}<sheetData>`);

  const lastRow = Math.max(spec.rows.length, formatted.length > 0 ? formatted[formatted.length - 1].to : 0);
  let band = 0;
  for (let r = 0; r < lastRow; r++) {
    while (band < formatted.length && formatted[band].to <= r) band++;
    const xf = band < formatted.length && formatted[band].from <= r ? formatted[band].xf : null;
    const row = spec.rows[r] ?? [];
    const n = Math.max(row.length, xf ? width : 0);
    const line = String(r + 1);
    const start = out.size;
    out.ascii('<row r="');
    out.ascii(line);
    out.ascii('">');
    const cells = out.size;
    for (let c = 0; c < n; c++) cell(out, letter(c), line, c < row.length ? row[c] : null, xf && c < xf.length ? xf[c] : 0, strings);
    // A row with no cell is left out.
    if (out.size === cells) out.rewind(start);
    else out.ascii('</row>');
    if (out.size > CHUNK) yield out.take();
  }
  out.text(`</sheetData>${conditionalFormats(spec, styles)}${validations(spec)}`);
  out.text(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      (spec.print ? `<pageSetup orientation="${spec.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` : '') +
      rowBreaks(spec) +
      (parts.drawing ? `<drawing r:id="${parts.drawing.rel}"/>` : '') +
      (parts.tables.length > 0 ? `<tableParts count="${parts.tables.length}">${parts.tables.map((t) => `<tablePart r:id="${t.rel}"/>`).join('')}</tableParts>` : '') +
      '</worksheet>',
  );
  yield out.take();
}

function sheetViews(spec: SheetSpec, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const f = spec.freeze;
  if (!f || (f.rows === 0 && f.columns === 0)) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const pane = f.rows > 0 && f.columns > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
  const topLeft = cellAddress(f.rows, f.columns);
  return `<sheetViews><sheetView workbookViewId="0"${tab}><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`;
}

function cols(spec: SheetSpec): string {
  const out: string[] = [];
  spec.columnWidths.forEach((width, c) => {
    if (width !== null) out.push(`<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`);
  });
  return out.length > 0 ? `<cols>${out.join('')}</cols>` : '';
}

function conditionalFormats(spec: SheetSpec, styles: StyleTable): string {
  let priority = 0;
  const out: string[] = [];
  for (const f of spec.conditionalFormats) {
    if (isEmptyRange(f.range)) continue;
    priority++;
    const dxf = styles.dxf(f.rule.fill);
    const topLeft = cellAddress(f.range.row, f.range.column);
    const rule = f.rule;
    const body =
      rule.type === 'textEquals'
        ? `<cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${escapeXml(textEqualsFormula(rule, topLeft))}</formula></cfRule>`
        : rule.type === 'between'
          ? `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="between"><formula>${Math.min(rule.from, rule.to)}</formula><formula>${Math.max(rule.from, rule.to)}</formula></cfRule>`
          : `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${rule.type}"><formula>${rule.value}</formula></cfRule>`;
    out.push(`<conditionalFormatting sqref="${rangeAddress(f.range)}">${body}</conditionalFormatting>`);
  }
  return out.join('');
}

function validations(spec: SheetSpec): string {
  const out = spec.validations
    .filter((v) => !isEmptyRange(v.range))
    .map(
      (v) =>
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Not in the list" error="${escapeXml(`Choose one of: ${v.list.join(', ')}`)}" sqref="${rangeAddress(v.range)}">` +
        `<formula1>${escapeXml(listFormula(v.list))}</formula1></dataValidation>`,
    );
  return out.length > 0 ? `<dataValidations count="${out.length}">${out.join('')}</dataValidations>` : '';
}

/**
 * Manual page breaks (rowBreaks), after pageSetup (and headerFooter), before drawing and
 * tableParts. A brk's id is the 1-based row the break falls below, so a break above 0-based row r
 * has id r; max 16383 (the last column, 0-based) spans the whole row, as Excel writes it.
 */
function rowBreaks(spec: SheetSpec): string {
  const rows = pageBreakRows(spec.print);
  if (rows.length === 0) return '';
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
}

function tableXml(id: number, spec: SheetSpec, t: SheetSpec['tables'][number]): string {
  const ref = rangeAddress({ ...t.range, rows: Math.max(2, t.range.rows) });
  const columns = Array.from({ length: t.range.columns }, (_, c) => `<tableColumn id="${c + 1}" name="${escapeXml(cellValue(String(spec.rows[t.range.row][t.range.column + c])) as string)}"/>`);
  return (
    `${HEAD}<table xmlns="${NS}" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join('')}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}


/** The index of the tab Excel opens on: `wanted` when it is a visible sheet, else the first visible one. */
function activeTab(specs: readonly SheetSpec[], wanted?: string): number {
  const at = wanted === undefined ? -1 : specs.findIndex((s) => s.name === wanted && s.visibility === 'visible');
  return at >= 0 ? at : Math.max(0, specs.findIndex((s) => s.visibility === 'visible'));
}

/**
 * Streams the package of `specs` (in tab order, already checked by checkSpecs) into `out`, opening on
 * the sheet named `active` when it is visible; resolves when the last byte is written.
 */
export async function writeXlsx(specs: readonly SheetSpec[], out: Writable, active?: string): Promise<void> {
  if (specs.length === 0) throw new Error('A workbook needs at least one sheet before it can be saved');
  // zlib's output in chunks of 256 KB, and up to 4 MB of XML waiting for it, so that the next chunk of
  // XML is built while zlib compresses the last (its defaults, 16 KB each, had them take turns).
  const zlib: ZlibOptions & { highWaterMark: number } = { level: LEVEL, chunkSize: 1 << 18, highWaterMark: 1 << 22 };
  const zip = archiver('zip', { zlib });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('close', resolve);
    out.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(out);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const opening = activeTab(specs, active);
  /** The first tab the tab bar shows: the first visible one. */
  const first = activeTab(specs);
  const overrides: string[] = [override('/xl/workbook.xml', CONTENT.workbook), override('/xl/styles.xml', CONTENT.styles), override('/xl/sharedStrings.xml', CONTENT.strings), override('/xl/theme/theme1.xml', CONTENT.theme)];
  let tableId = 0;
  let chartId = 0;
  let drawingId = 0;
  const definedNames: string[] = [];

  specs.forEach((spec, i) => {
    const sheetRels: string[] = [];
    const tables = spec.tables.map((t) => {
      const id = ++tableId;
      const rel = `rId${sheetRels.length + 1}`;
      sheetRels.push(relationship(rel, REL.table, `../tables/table${id}.xml`));
      zip.append(tableXml(id, spec, t), { name: `xl/tables/table${id}.xml` });
      overrides.push(override(`/xl/tables/table${id}.xml`, CONTENT.table));
      return { id, rel };
    });
    let drawing: SheetParts['drawing'] = null;
    if (spec.charts.length > 0) drawing = addCharts(spec, ++drawingId, sheetRels);
    zip.append(Readable.from(sheetXml(spec, i === opening, { tables, drawing }, styles, strings)), { name: `xl/worksheets/sheet${i + 1}.xml` });
    if (sheetRels.length > 0) zip.append(relsDocument(sheetRels), { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels` });
    overrides.push(override(`/xl/worksheets/sheet${i + 1}.xml`, CONTENT.sheet));
    if (spec.print && spec.print.repeatRows > 0) {
      definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(spec.name.replace(/'/g, "''"))}'!$1:$${spec.print.repeatRows}</definedName>`);
    }
  });

  function addCharts(spec: SheetSpec, id: number, sheetRels: string[]): SheetParts['drawing'] {
    const charts: readonly ChartSpec[] = spec.charts;
    const ids = charts.map((chart, k) => {
      const n = ++chartId;
      zip.append(chartXml(chart, spec.name, spec.rows), { name: `xl/charts/chart${n}.xml` });
      overrides.push(override(`/xl/charts/chart${n}.xml`, CHART_CONTENT));
      return { rel: `rId${k + 1}`, target: `../charts/chart${n}.xml` };
    });
    zip.append(drawingXml(charts, ids.map((x) => x.rel)), { name: `xl/drawings/drawing${id}.xml` });
    zip.append(relsDocument(ids.map((x) => relationship(x.rel, CHART_TYPE, x.target))), { name: `xl/drawings/_rels/drawing${id}.xml.rels` });
    overrides.push(override(`/xl/drawings/drawing${id}.xml`, DRAWING_CONTENT));
    const rel = `rId${sheetRels.length + 1}`;
    sheetRels.push(relationship(rel, DRAWING_TYPE, `../drawings/drawing${id}.xml`));
    return { id, rel };
  }

  // After every sheet: the strings and styles they used are known only once they are written.
  zip.append(Readable.from(strings.xml()), { name: 'xl/sharedStrings.xml' });
  zip.append(Readable.from((function* () { yield styles.xml(); })()), { name: 'xl/styles.xml' });
  const sheets = specs.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.visibility === 'visible' ? '' : ` state="${s.visibility}"`} r:id="rId${i + 1}"/>`);
  zip.append(
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="${opening}"${first > 0 ? ` firstSheet="${first}"` : ''}/></bookViews>` +
      `<sheets>${sheets.join('')}</sheets>${definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
    { name: 'xl/workbook.xml' },
  );
  zip.append(
    relsDocument([
      ...specs.map((_, i) => relationship(`rId${i + 1}`, REL.sheet, `worksheets/sheet${i + 1}.xml`)),
      relationship(`rId${specs.length + 1}`, REL.styles, 'styles.xml'),
      relationship(`rId${specs.length + 2}`, REL.strings, 'sharedStrings.xml'),
      relationship(`rId${specs.length + 3}`, REL.theme, 'theme/theme1.xml'),
    ]),
    { name: 'xl/_rels/workbook.xml.rels' },
  );
  zip.append(THEME, { name: 'xl/theme/theme1.xml' });
  zip.append(relsDocument([relationship('rId1', REL.document, 'xl/workbook.xml')]), { name: '_rels/.rels' });
  zip.append(
    `${HEAD}<Types xmlns="${NS_CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    { name: '[Content_Types].xml' },
  );
  await zip.finalize();
  await done;
}
