/**
 * The XML of the DrawingML parts charts.ts adds to an .xlsx package: a chart part (c:chartSpace with a
 * pie or bar chart whose series reference sheet ranges) and a drawing part (one twoCellAnchor per
 * chart). Series carry caches of the values they reference, so viewers draw them without recalculating.
 */
import { type CellRange, type ChartSpec, type RawCell } from '../../engine';
import type { SheetValues } from '../port';
import { cellsOf, rangeAddress } from '../grid';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An absolute reference to a range on a sheet, the sheet name always quoted: `'My Sheet'!$B$5:$B$8`. */
export function sheetReference(sheet: string, range: CellRange): string {
  return `'${sheet.replace(/'/g, "''")}'!${rangeAddress(range, true)}`;
}

/** A chart part for one chart on `sheet`; `values` is the sheet's content, for the caches. */
export function chartXml(chart: ChartSpec, sheet: string, values: SheetValues): string {
  const series = chart.series
    .map((s, i) => {
      const categories = strRef(sheetReference(sheet, chart.categories), cellValues(values, chart.categories));
      const data = numRef(sheetReference(sheet, s.values), cellValues(values, s.values));
      const invert = chart.type === 'pie' ? '' : '<c:invertIfNegative val="0"/>';
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${invert}<c:cat>${categories}</c:cat><c:val>${data}</c:val></c:ser>`;
    })
    .join('');
  const plot = chart.type === 'pie' ? pieChart(series) : barChart(series, chart.type === 'column' ? 'col' : 'bar');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function pieChart(series: string): string {
  const labels =
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
    '<c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>';
  return `<c:pieChart><c:varyColors val="1"/>${series}${labels}<c:firstSliceAng val="0"/></c:pieChart>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function barChart(series: string, direction: 'col' | 'bar'): string {
  const [catPos, valPos] = direction === 'col' ? ['b', 'l'] : ['l', 'b'];
  const common = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    `<c:barChart><c:barDir val="${direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/>${common}<c:crossAx val="${VAL_AX}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>${common}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function cellValues(values: SheetValues, range: CellRange): RawCell[] {
  return [...cellsOf(range)].map(({ row, column }) => values[row]?.[column] ?? '');
}

function strRef(reference: string, cells: readonly RawCell[]): string {
  const points = cells
    .map((v, i) => {
      const text = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
      return text === '' ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(text)}</c:v></c:pt>`;
    })
    .join('');
  return `<c:strRef><c:f>${escapeXml(reference)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(reference: string, cells: readonly RawCell[]): string {
  const points = cells
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeXml(reference)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`;
}

/** A drawing part anchoring each chart over its cells; `relIds[i]` is chart i's relationship in the drawing's rels. */
export function drawingXml(charts: readonly ChartSpec[], relIds: readonly string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const { row, column } = chart.anchor;
      const marker = (tag: string, r: number, c: number): string =>
        `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${marker('from', row, column)}${marker('to', row + chart.size.rows, column + chart.size.columns)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}
