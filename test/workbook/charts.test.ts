/**
 * Charts added to the .xlsx package after exceljs writes it: the parts, relationships, content types
 * and the sheet's `<drawing>` element, checked for well-formedness and schema element order; sheet
 * lookup by name; refusing a sheet that already has a drawing; what a round trip keeps; and, when
 * LibreOffice is installed, that it opens the file and reads the charts.
 */
import { execFileSync } from 'node:child_process';
import { range, sheetSpec as spec } from '../../src/engine/sheets/table';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, ChartSpec, SheetSpec } from '../../src/engine/sheets/spec';
import { injectCharts, withDrawing } from '../../src/workbook/xlsx/charts';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

function chart(type: ChartSpec['type'], title: string, series: { name: string; column: number }[], at = { row: 10, column: 0 }): ChartSpec {
  return {
    type,
    title,
    categories: range(4, 0, 4, 1),
    series: series.map((s) => ({ name: s.name, values: range(4, s.column, 4, 1) })),
    anchor: at,
    size: { rows: 15, columns: 6 },
  };
}

/** A summary sheet: title, blank, header on row 4, four classes on rows 5–8 (B = count, C = value). */
const SUMMARY_ROWS: CellValue[][] = [['Summary'], [], [], ['Class', 'Count', 'Value'], ['A', 10, 1000], ['B', 20, 500], ['C', 'n/a', 100], ['D', 40, null]];

async function build(specs: SheetSpec[]): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(specs);
  return book.toBuffer();
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the package`);
  return file.async('string');
}

function parse(xml: string, name: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${name}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return doc.documentElement as Element;
}

function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** Schema sequences (ECMA-376 part 1, sml.xsd / dml-chart.xsd / dml-spreadsheetDrawing.xsd) for the elements we write. */
const ORDER: Record<string, string[]> = {
  worksheet: ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'],
  chartSpace: ['date1904', 'lang', 'roundedCorners', 'AlternateContent', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  chart: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  plotArea: ['layout', 'pieChart', 'barChart', 'catAx', 'valAx', 'dTable', 'spPr', 'extLst'],
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  pieChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'extLst'],
  ser: ['idx', 'order', 'tx', 'spPr', 'explosion', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  dLbls: ['dLbl', 'delete', 'numFmt', 'spPr', 'txPr', 'dLblPos', 'showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize', 'separator', 'showLeaderLines', 'leaderLines', 'extLst'],
  catAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  valAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  strCache: ['ptCount', 'pt', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  twoCellAnchor: ['from', 'to', 'graphicFrame', 'clientData'],
  graphicFrame: ['nvGraphicFramePr', 'xfrm', 'graphic'],
};

/** Every element whose children have a documented order lists them in that order (repeats allowed). */
function orderProblems(root: Element): string[] {
  const problems: string[] = [];
  const visit = (e: Element): void => {
    const order = ORDER[e.localName ?? ''];
    if (order) {
      let at = 0;
      for (const child of children(e)) {
        const i = order.indexOf(child.localName ?? '');
        if (i < 0) problems.push(`${e.localName}: unexpected ${child.localName}`);
        else if (i < at) problems.push(`${e.localName}: ${child.localName} after ${order[at]}`);
        else at = i;
      }
    }
    children(e).forEach(visit);
  };
  visit(root);
  return problems;
}

function texts(root: Element, localName: string): string[] {
  const out: string[] = [];
  const visit = (e: Element): void => {
    if (e.localName === localName) out.push(e.textContent ?? '');
    children(e).forEach(visit);
  };
  visit(root);
  return out;
}

describe('charts in the package', () => {
  const summary = spec('Summary', SUMMARY_ROWS, {
    tables: [{ name: 'Classes', range: range(3, 0, 5, 3) }],
    charts: [chart('pie', 'Count by class', [{ name: 'Count', column: 1 }]), chart('column', 'Count & value', [{ name: 'Count', column: 1 }, { name: 'Value', column: 2 }], { row: 10, column: 7 })],
  });

  test('chart, drawing, relationships, content types and the sheet element', async () => {
    const bytes = await build([spec('First', [['x']]), summary]);
    const zip = await JSZip.loadAsync(bytes);

    const pie = parse(await part(zip, 'xl/charts/chart1.xml'), 'chart1');
    expect(texts(pie, 'f')).toEqual(["'Summary'!$A$5:$A$8", "'Summary'!$B$5:$B$8"]);
    expect(children(pie).map((e) => e.localName)).toContain('chart');
    const column = await part(zip, 'xl/charts/chart2.xml');
    expect(column).toContain('<c:barDir val="col"/>');
    expect(texts(parse(column, 'chart2'), 'f')).toEqual(["'Summary'!$A$5:$A$8", "'Summary'!$B$5:$B$8", "'Summary'!$A$5:$A$8", "'Summary'!$C$5:$C$8"]);
    // Caches from the spec rows: categories as text, numbers only where the cell holds one.
    expect(column).toContain('<c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>A</c:v></c:pt><c:pt idx="1"><c:v>B</c:v></c:pt><c:pt idx="2"><c:v>C</c:v></c:pt><c:pt idx="3"><c:v>D</c:v></c:pt></c:strCache>');
    expect(column).toContain('<c:ptCount val="4"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>20</c:v></c:pt><c:pt idx="3"><c:v>40</c:v></c:pt></c:numCache>');
    expect(column).toContain('<a:t>Count &amp; value</a:t>');

    const types = await part(zip, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');

    // Summary is the second sheet: sheet2.xml.
    const sheetRels = await part(zip, 'xl/worksheets/_rels/sheet2.xml.rels');
    const drawingRel = /<Relationship Id="([^"]+)" Type="[^"]+\/drawing" Target="..\/drawings\/drawing1.xml"\/>/.exec(sheetRels);
    expect(drawingRel).not.toBeNull();
    const sheet = await part(zip, 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain(`<drawing r:id="${drawingRel![1]}"/>`);
    expect(sheet.indexOf('<pageSetup')).toBeLessThan(sheet.indexOf('<drawing'));
    expect(sheet.indexOf('<drawing')).toBeLessThan(sheet.indexOf('<tableParts'));
    expect(await part(zip, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing');

    const drawingRels = await part(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const drawing = parse(await part(zip, 'xl/drawings/drawing1.xml'), 'drawing1');
    expect(children(drawing).map((e) => e.localName)).toEqual(['twoCellAnchor', 'twoCellAnchor']);
    expect(texts(drawing, 'col')).toEqual(['0', '6', '7', '13']);

    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/drawing1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(orderProblems(parse(await part(zip, name), name))).toEqual([]);
    }
  });

  test('exceljs and XlsxWorkbook still open the file', async () => {
    const bytes = await build([summary]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.getWorksheet('Summary')!.getCell('B5').value).toBe(10);
    const again = await XlsxWorkbook.fromBuffer(bytes);
    expect((await again.readSheets(['Summary'])).get('Summary')![4]).toEqual(['A', 10, 1000]);
  });

  test('sheet names with spaces and apostrophes are quoted; bar charts are horizontal', async () => {
    const named = spec("Bob's Sales", SUMMARY_ROWS, { charts: [chart('bar', 'Value', [{ name: 'Value', column: 2 }])] });
    const zip = await JSZip.loadAsync(await build([named]));
    const xml = await part(zip, 'xl/charts/chart1.xml');
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(texts(parse(xml, 'chart1'), 'f')).toEqual(["'Bob''s Sales'!$A$5:$A$8", "'Bob''s Sales'!$C$5:$C$8"]);
  });

  test('charts on several sheets get their own drawings and numbers', async () => {
    const one = spec('One', SUMMARY_ROWS, { charts: [chart('pie', 'P', [{ name: 'Count', column: 1 }])] });
    const two = spec('Two', SUMMARY_ROWS, { charts: [chart('bar', 'B', [{ name: 'Value', column: 2 }])] });
    const zip = await JSZip.loadAsync(await build([one, spec('Plain', [['p']]), two]));
    expect(texts(parse(await part(zip, 'xl/charts/chart1.xml'), 'c1'), 'f')[0]).toBe("'One'!$A$5:$A$8");
    expect(texts(parse(await part(zip, 'xl/charts/chart2.xml'), 'c2'), 'f')[0]).toBe("'Two'!$A$5:$A$8");
    expect(await part(zip, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('../drawings/drawing1.xml');
    expect(await part(zip, 'xl/worksheets/_rels/sheet3.xml.rels')).toContain('../drawings/drawing2.xml');
    expect(await part(zip, 'xl/drawings/_rels/drawing2.xml.rels')).toContain('../charts/chart2.xml');
  });

  test('sheets are found by name through the workbook rels, not by file order', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Alpha').getCell('A1').value = 'a';
    book.addWorksheet('Beta').getCell('A1').value = 'b';
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    // Point Alpha at sheet2.xml and Beta at sheet1.xml.
    const rels = await part(zip, 'xl/_rels/workbook.xml.rels');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/TMP').replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml').replace('worksheets/TMP', '/xl/worksheets/sheet2.xml'));
    const swapped = await zip.generateAsync({ type: 'uint8array' });
    const values = [['a'], ['x', 1]];
    const out = await JSZip.loadAsync(await injectCharts(swapped, [{ sheet: 'Alpha', charts: [{ ...chart('pie', 'P', [{ name: 'n', column: 1 }]), categories: range(1, 0), series: [{ name: 'n', values: range(1, 1) }] }], values }]));
    expect(await part(out, 'xl/worksheets/sheet2.xml')).toContain('<drawing ');
    expect(await part(out, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing ');
  });

  test('a sheet that already has a drawing is refused', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Pictures');
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    ws.addImage(book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'A1:B2');
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(injectCharts(bytes, [{ sheet: 'Pictures', charts: [chart('pie', 'P', [{ name: 'n', column: 1 }])], values: [] }])).rejects.toThrow(/Sheet "Pictures": already has a drawing/);
    await expect(injectCharts(bytes, [{ sheet: 'Nope', charts: [chart('pie', 'P', [{ name: 'n', column: 1 }])], values: [] }])).rejects.toThrow(/Sheet "Nope": not found/);
  });

  test('a round trip keeps charts of rewritten sheets and names the sheets whose charts it drops', async () => {
    const first = await XlsxWorkbook.fromBuffer(await build([summary, spec('Log', [['When']], { mode: 'append' })]));
    expect(first.chartsDroppedOnSave()).toEqual(['Summary']);
    await first.writeSheets([spec('Log', [['d1']], { mode: 'append' })]);
    const dropped = await JSZip.loadAsync(await first.toBuffer());
    expect(dropped.file('xl/charts/chart1.xml')).toBeNull();
    // No relationship points at a part that is not there.
    for (const name of Object.keys(dropped.files).filter((n) => n.endsWith('.rels'))) {
      const base = name.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of (await part(dropped, name)).matchAll(/Target="([^"]+)"/g)) {
        const target = m[1].startsWith('/') ? m[1].slice(1) : path.posix.normalize(base + m[1]);
        expect(dropped.file(target)).not.toBeNull();
      }
    }

    const second = await XlsxWorkbook.fromBuffer(await build([summary]));
    await second.writeSheets([summary]);
    expect(second.chartsDroppedOnSave()).toEqual([]);
    const kept = await JSZip.loadAsync(await second.toBuffer());
    expect(kept.file('xl/charts/chart2.xml')).not.toBeNull();
  });
});

describe('withDrawing puts <drawing> where the schema wants it', () => {
  const open = '<worksheet xmlns="main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

  test('before legacyDrawing, tableParts or a top-level extLst; not inside a nested extLst', () => {
    expect(withDrawing(`${open}<sheetData/><pageMargins/><legacyDrawing r:id="a"/><tableParts/></worksheet>`, 'rId9', 'S')).toBe(
      `${open}<sheetData/><pageMargins/><drawing r:id="rId9"/><legacyDrawing r:id="a"/><tableParts/></worksheet>`,
    );
    const nested = '<conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting>';
    expect(withDrawing(`${open}<sheetData/>${nested}<pageMargins/><extLst><ext/></extLst></worksheet>`, 'rId1', 'S')).toBe(
      `${open}<sheetData/>${nested}<pageMargins/><drawing r:id="rId1"/><extLst><ext/></extLst></worksheet>`,
    );
    expect(withDrawing(`${open}<sheetData/>${nested}</worksheet>`, 'rId1', 'S')).toBe(`${open}<sheetData/>${nested}<drawing r:id="rId1"/></worksheet>`);
  });

  test('declares the relationships namespace when the sheet lacks it, and refuses a second drawing', () => {
    expect(withDrawing('<worksheet xmlns="main"><sheetData/></worksheet>', 'rId1', 'S')).toBe(
      '<worksheet xmlns="main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
    expect(() => withDrawing(`${open}<drawing r:id="x"/></worksheet>`, 'rId1', 'S')).toThrow(/Sheet "S": already has a drawing/);
  });
});

const SOFFICE = '/usr/bin/soffice';
const withLibreOffice = fs.existsSync(SOFFICE) ? test : test.skip;

describe('LibreOffice', () => {
  withLibreOffice(
    'opens a written workbook with charts, prints it to PDF and reads the charts',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-charts-'));
      try {
        const file = path.join(dir, 'charts.xlsx');
        const summary = spec("Bob's Summary", SUMMARY_ROWS, {
          tables: [{ name: 'Classes', range: range(3, 0, 5, 3) }],
          charts: [chart('pie', 'Count', [{ name: 'Count', column: 1 }]), chart('bar', 'Value', [{ name: 'Value', column: 2 }], { row: 10, column: 7 })],
        });
        fs.writeFileSync(file, await build([summary]));
        const run = (format: string): void => {
          execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', format, '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
        };
        run('pdf');
        const pdf = path.join(dir, 'charts.pdf');
        expect(fs.existsSync(pdf)).toBe(true);
        expect(fs.statSync(pdf).size).toBeGreaterThan(0);
        // The OpenDocument copy holds one chart object per chart LibreOffice understood.
        run('ods');
        const ods = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'charts.ods')));
        const objects = Object.keys(ods.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
        const classes = await Promise.all(objects.map(async (n) => /chart:class="chart:(\w+)"/.exec(await part(ods, n))?.[1]));
        expect(classes.sort()).toEqual(['bar', 'circle']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
