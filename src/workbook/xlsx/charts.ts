/**
 * Adds charts to an .xlsx package exceljs has written (exceljs 4.4 cannot write charts). For each
 * sheet with charts: a drawing part (xl/drawings/drawingN.xml) with one anchor per chart, a chart part
 * per chart (xl/charts/chartN.xml, chart-xml.ts), the relationships sheet → drawing → charts, a
 * `<drawing r:id>` element at its schema position in the sheet, and [Content_Types].xml overrides.
 *
 * Sheets are found by name through xl/workbook.xml and its rels (never by file order). A sheet that
 * already has a drawing (exceljs writes one for images) is refused with an error rather than merged.
 */
import type JSZip from 'jszip';
import { jszip } from './lazy';
import { type ChartSpec } from '../../engine';
import type { SheetValues } from '../port';
import { chartXml, drawingXml, escapeXml } from './chart-xml';

export interface SheetCharts {
  readonly sheet: string;
  readonly charts: readonly ChartSpec[];
  /** The sheet's values from A1, for the charts' caches. */
  readonly values: SheetValues;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DRAWING_TYPE = `${REL}/drawing`;
export const CHART_TYPE = `${REL}/chart`;
export const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Worksheet children that must come after `<drawing>` (CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts'];

export async function injectCharts(xlsx: Uint8Array, sheets: readonly SheetCharts[]): Promise<Uint8Array> {
  const zip = await jszip().loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  let contentTypes = await text(zip, '[Content_Types].xml');
  let nextDrawing = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let nextChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const overrides: string[] = [];

  for (const { sheet, charts, values } of sheets) {
    if (charts.length === 0) continue;
    const sheetPath = paths.get(sheet);
    if (!sheetPath) throw new Error(`Sheet "${sheet}": not found in the written workbook`);
    const relsPath = relsPathOf(sheetPath);
    const sheetRels = zip.file(relsPath) ? await text(zip, relsPath) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`;
    if (relationships(sheetRels).some((r) => r.Type === DRAWING_TYPE)) {
      throw new Error(`Sheet "${sheet}": already has a drawing (images?); charts cannot be added to it`);
    }

    const drawingName = `drawing${nextDrawing++}.xml`;
    const chartIds: string[] = [];
    const chartRels: string[] = [];
    charts.forEach((chart, i) => {
      const chartName = `chart${nextChart++}.xml`;
      zip.file(`xl/charts/${chartName}`, chartXml(chart, sheet, values));
      overrides.push(override(`/xl/charts/${chartName}`, CHART_CONTENT));
      chartIds.push(`rId${i + 1}`);
      chartRels.push(relationship(`rId${i + 1}`, CHART_TYPE, `../charts/${chartName}`));
    });
    zip.file(`xl/drawings/${drawingName}`, drawingXml(charts, chartIds));
    zip.file(`xl/drawings/_rels/${drawingName}.rels`, relsDocument(chartRels));
    overrides.push(override(`/xl/drawings/${drawingName}`, DRAWING_CONTENT));

    const drawingId = freeId(sheetRels);
    const target = relativeTarget(sheetPath, `xl/drawings/${drawingName}`);
    zip.file(relsPath, sheetRels.replace('</Relationships>', `${relationship(drawingId, DRAWING_TYPE, target)}</Relationships>`));
    zip.file(sheetPath, withDrawing(await text(zip, sheetPath), drawingId, sheet));
  }

  contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Names of the sheets whose drawing holds charts. exceljs drops such charts when it rewrites the
 * package, so a caller can warn, or write those sheets again.
 */
export async function sheetsWithCharts(xlsx: Uint8Array): Promise<string[]> {
  const zip = await jszip().loadAsync(xlsx);
  const out: string[] = [];
  for (const [sheet, path] of await sheetPaths(zip)) {
    const rels = zip.file(relsPathOf(path));
    if (!rels) continue;
    for (const drawing of relationships(await rels.async('string')).filter((r) => r.Type === DRAWING_TYPE && r.TargetMode !== 'External')) {
      const drawingRels = zip.file(relsPathOf(resolveTarget(path, drawing.Target ?? '')));
      const types = drawingRels ? relationships(await drawingRels.async('string')).map((r) => r.Type ?? '') : [];
      if (types.some((t) => /\/chart(Ex)?$/.test(t))) {
        out.push(sheet);
        break;
      }
    }
  }
  return out;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook package has no ${path}`);
  return file.async('string');
}

/** Attributes of an XML start tag, entities decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

function relationships(xml: string): Record<string, string>[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => attributes(m[0]));
}

/** Sheet name → its part path (e.g. xl/worksheets/sheet2.xml), from the workbook and its rels, in tab order. */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = relationships(await text(zip, 'xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.Id === id);
    if (a.name && rel?.Target) out.set(a.name, resolveTarget('xl/workbook.xml', rel.Target));
  }
  return out;
}

/** A relationship target resolved against the part that owns the rels. */
function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The path of `to` relative to the folder of `from` (both package paths). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

function freeId(rels: string): string {
  const ids = new Set(relationships(rels).map((r) => r.Id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

export function relsDocument(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`;
}

export function override(part: string, contentType: string): string {
  return `<Override PartName="${part}" ContentType="${contentType}"/>`;
}

/**
 * The sheet XML with `<drawing r:id>` before the first worksheet child that must follow it, or before
 * a top-level extLst, or at the end.
 */
export function withDrawing(xml: string, relId: string, sheet: string): string {
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error(`Sheet "${sheet}": the sheet part has no worksheet element`);
  const prefix = root[1] ?? '';
  if (new RegExp(`<${prefix}drawing\\b`).test(xml)) throw new Error(`Sheet "${sheet}": already has a drawing; charts cannot be added to it`);
  let rootTag = root[0];
  let rPrefix = Object.entries(attributes(rootTag)).find(([k, v]) => k.startsWith('xmlns:') && v === REL)?.[0].slice(6);
  if (!rPrefix) {
    rPrefix = 'r';
    rootTag = rootTag.replace(/(\/?>)$/, ` xmlns:r="${REL}"$1`);
  }
  const element = `<${prefix}drawing ${rPrefix}:id="${relId}"/>`;
  const body = xml.slice(0, root.index) + rootTag + xml.slice(root.index + root[0].length);
  const start = root.index + rootTag.length;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const m = new RegExp(`<${prefix}${tag}[\\s/>]`).exec(body.slice(start));
    if (m && (at < 0 || start + m.index < at)) at = start + m.index;
  }
  if (at < 0) {
    const ext = body.lastIndexOf(`<${prefix}extLst`);
    const close = body.lastIndexOf(`</${prefix}worksheet>`);
    const tail = ext >= 0 ? body.slice(body.indexOf(`</${prefix}extLst>`, ext) + `</${prefix}extLst>`.length, close) : 'x';
    at = ext >= 0 && tail.trim() === '' ? ext : close;
  }
  if (at < 0) throw new Error(`Sheet "${sheet}": the sheet part is not closed`);
  return body.slice(0, at) + element + body.slice(at);
}
