/**
 * manifest.xml, checked structurally (Microsoft's validator needs an online service). Each rule also
 * gets a mutated manifest it must reject, so no check can pass silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  checkBasics,
  checkCustomFunctions,
  checkElementOrder,
  checkHomeButton,
  checkIcons,
  checkManifest,
  checkNamespaces,
  checkResids,
  checkSharedRuntime,
  checkUrls,
  DOCUMENTED_ORDER,
  ManifestParseError,
  parseManifest,
  pngSize,
  resolve,
} from './helpers/manifest-checks';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ASSETS = path.join(ROOT, 'src/assets');

/** Replaces exactly one occurrence (so a mutation cannot silently miss). */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`mutation expects exactly one match of ${String(from)}, found ${count}`);
  return xml.replace(from, to);
}

function replaceAll(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`mutation: ${from} not found`);
  return xml.split(from).join(to);
}

/** Moves the element matched by `element` to just before `before`. */
function moveBefore(xml: string, element: RegExp, before: string): string {
  const match = element.exec(xml);
  if (!match) throw new Error(`mutation: ${element} not found`);
  const without = xml.replace(match[0], '');
  return replaceOnce(without, before, `${match[0].trim()}\n${before}`);
}

const doc = parseManifest(MANIFEST);

describe('manifest.xml as written', () => {
  it('parses without warnings', () => {
    expect(doc.documentElement?.localName).toBe('OfficeApp');
  });

  it('has a GUID id, version, Workbook host, display name, description and ReadWriteDocument', () => {
    expect(checkBasics(doc)).toEqual([]);
  });

  it('uses the manifest namespaces (bt: resources, VersionOverridesV1_0)', () => {
    expect(checkNamespaces(doc)).toEqual([]);
  });

  it('keeps Microsoft’s documented element order', () => {
    expect(checkElementOrder(doc)).toEqual([]);
  });

  it('defines every resid it references, in the right collection, with ids ≤ 32 characters', () => {
    expect(checkResids(doc)).toEqual([]);
  });

  it('requires SharedRuntime 1.1 and uses one long-lived runtime for page, function file and task pane', () => {
    expect(checkSharedRuntime(doc)).toEqual([]);
    const runtime = doc.getElementsByTagNameNS('*', 'Runtime').item(0);
    expect(runtime?.getAttribute('resid')).toBe('Taskpane.Url');
    expect(resolve(doc, 'Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
  });

  it('registers custom functions under the LUMIVE namespace from functions.json', () => {
    expect(checkCustomFunctions(doc)).toEqual([]);
    expect(resolve(doc, 'Functions.Metadata.Url')).toBe('https://localhost:3000/functions.json');
  });

  it('puts a "Lumive" button on the Home tab that shows the task pane', () => {
    expect(checkHomeButton(doc)).toEqual([]);
  });

  it('uses https URLs only', () => {
    expect(checkUrls(doc)).toEqual([]);
    expect(checkUrls(doc, 'https://localhost:3000/')).toEqual([]);
  });

  it('has icons at 16, 32, 64 and 80 px whose files exist in src/assets with those pixel sizes', () => {
    expect(checkIcons(doc, ASSETS)).toEqual([]);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('passes every check together', () => {
    expect(checkManifest(MANIFEST, { assetsDir: ASSETS })).toEqual([]);
  });

  it('writes the documented OfficeApp order as a list (the checks compare against it)', () => {
    expect(DOCUMENTED_ORDER.OfficeApp.slice(0, 3)).toEqual(['Id', 'AlternateId', 'Version']);
    expect(DOCUMENTED_ORDER.DesktopFormFactor).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(DOCUMENTED_ORDER.Resources).toEqual(['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  });
});

describe('the checks reject broken manifests', () => {
  const check = (xml: string) => parseManifest(xml);

  it('reports XML that does not parse', () => {
    const broken = replaceOnce(MANIFEST, '</DefaultSettings>', '</DefaultSetting>');
    expect(() => parseManifest(broken)).toThrow(ManifestParseError);
    expect(checkManifest(broken, { assetsDir: ASSETS }).join('\n')).toMatch(/DefaultSetting/);
  });

  it('catches a resid longer than 32 characters', () => {
    const longId = 'Functions.Namespace.Is.Far.Too.Long';
    const problems = checkResids(check(replaceAll(MANIFEST, '"Functions.Namespace"', `"${longId}"`)));
    expect(problems.join('\n')).toMatch(/Functions\.Namespace\.Is\.Far\.Too\.Long" is 35 characters \(max 32\)/);
  });

  it('catches a resid that is not defined', () => {
    const problems = checkResids(check(replaceOnce(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>')));
    expect(problems.join('\n')).toMatch(/"Group\.Missing" is not defined/);
  });

  it('catches a resid pointing into the wrong collection', () => {
    const problems = checkResids(check(replaceOnce(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>')));
    expect(problems.join('\n')).toMatch(/"Taskpane\.Url" is in Urls, expected ShortStrings/);
  });

  it('catches a duplicate resource id and an over-long string', () => {
    const dup = replaceOnce(MANIFEST, '<bt:String id="Group.Label" DefaultValue="Lumive"/>', '<bt:String id="Group.Label" DefaultValue="Lumive"/><bt:String id="Group.Label" DefaultValue="Again"/>');
    expect(checkResids(check(dup)).join('\n')).toMatch(/"Group\.Label" is defined more than once/);
    const long = replaceOnce(MANIFEST, 'DefaultValue="Open Lumive"', `DefaultValue="${'x'.repeat(126)}"`);
    expect(checkResids(check(long)).join('\n')).toMatch(/"TaskpaneButton\.Title" is 126 characters \(max 125\)/);
  });

  it('catches OfficeApp children out of order', () => {
    const swapped = moveBefore(MANIFEST, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, '  <DefaultSettings>');
    expect(checkElementOrder(check(swapped)).join('\n')).toMatch(/OfficeApp: <DefaultSettings> comes after <Permissions>/);
  });

  it('catches DesktopFormFactor children out of order', () => {
    const swapped = moveBefore(MANIFEST, /\s*<FunctionFile resid="Taskpane.Url"\/>/, '          <GetStarted>');
    expect(checkElementOrder(check(swapped)).join('\n')).toMatch(/DesktopFormFactor: <GetStarted> comes after <FunctionFile>/);
  });

  it('catches Resources children out of order', () => {
    const swapped = moveBefore(MANIFEST, /\s*<bt:Urls>[\s\S]*?<\/bt:Urls>/, '      <bt:Images>');
    expect(checkElementOrder(check(swapped)).join('\n')).toMatch(/Resources: <Images> comes after <Urls>/);
  });

  it('catches Host children out of order and an undocumented child', () => {
    const swapped = moveBefore(MANIFEST, /\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '        <DesktopFormFactor>');
    expect(checkElementOrder(check(swapped)).join('\n')).toMatch(/Host\[Workbook\]: <Runtimes> comes after <AllFormFactors>/);
    const unknown = replaceOnce(MANIFEST, '<Permissions>', '<Unknown/><Permissions>');
    expect(checkElementOrder(check(unknown)).join('\n')).toMatch(/<Unknown> is not a documented child/);
  });

  it('catches a Runtime resid that differs from the Page and FunctionFile resid', () => {
    let xml = replaceOnce(MANIFEST, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Runtime.Url" lifetime="long"/>');
    xml = replaceOnce(xml, '<bt:Urls>', '<bt:Urls>\n        <bt:Url id="Runtime.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(checkResids(check(xml))).toEqual([]);
    const problems = checkSharedRuntime(check(xml)).join('\n');
    expect(problems).toMatch(/CustomFunctions Page resid "Taskpane\.Url" differs from Runtime resid "Runtime\.Url"/);
    expect(problems).toMatch(/FunctionFile resid "Taskpane\.Url" differs/);
    expect(problems).toMatch(/ShowTaskpane SourceLocation resid "Taskpane\.Url" differs/);
  });

  it('catches a short-lived runtime, a missing SharedRuntime requirement and a missing Runtimes', () => {
    expect(checkSharedRuntime(check(replaceOnce(MANIFEST, 'lifetime="long"', 'lifetime="short"'))).join('\n')).toMatch(/lifetime is "short"/);
    const noSet = replaceOnce(MANIFEST, '<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>');
    expect(checkSharedRuntime(check(noSet)).join('\n')).toMatch(/no <Set Name="SharedRuntime">/);
    const oldSet = replaceOnce(MANIFEST, '<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.0"/>');
    expect(checkSharedRuntime(check(oldSet)).join('\n')).toMatch(/MinVersion is 1\.0/);
    const noRuntimes = replaceOnce(MANIFEST, /\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '');
    expect(checkSharedRuntime(check(noRuntimes)).join('\n')).toMatch(/exactly one <Runtimes>/);
  });

  it('catches a wrong custom functions namespace', () => {
    const xml = replaceOnce(MANIFEST, '<bt:String id="Functions.Namespace" DefaultValue="LUMIVE"/>', '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>');
    expect(checkCustomFunctions(check(xml)).join('\n')).toMatch(/namespace is "CONTOSO", expected "LUMIVE"/);
  });

  it('catches a Home-tab button with another label or action', () => {
    const relabelled = replaceOnce(MANIFEST, '<bt:String id="TaskpaneButton.Label" DefaultValue="Lumive"/>', '<bt:String id="TaskpaneButton.Label" DefaultValue="Show Task Pane"/>');
    expect(checkHomeButton(check(relabelled)).join('\n')).toMatch(/no Home-tab button labelled "Lumive"/);
    const otherTab = replaceOnce(MANIFEST, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">');
    expect(checkHomeButton(check(otherTab)).join('\n')).toMatch(/no <OfficeTab id="TabHome">/);
    const execute = replaceOnce(MANIFEST, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">');
    expect(checkHomeButton(check(execute)).join('\n')).toMatch(/expected ShowTaskpane/);
  });

  it('catches a non-https URL and a URL outside the expected prefix', () => {
    const http = replaceOnce(MANIFEST, 'https://localhost:3000/functions.json', 'http://localhost:3000/functions.json');
    expect(checkUrls(check(http)).join('\n')).toMatch(/Functions\.Metadata\.Url: "http:\/\/localhost:3000\/functions\.json" is not https/);
    expect(checkUrls(doc, 'https://addin.example.com/lumive/').length).toBeGreaterThan(0);
  });

  it('catches an icon with the wrong pixel size, a missing file and a missing size', () => {
    const wrongSize = replaceOnce(MANIFEST, 'https://localhost:3000/assets/icon-16.png', 'https://localhost:3000/assets/icon-32.png');
    expect(checkIcons(check(wrongSize), ASSETS).join('\n')).toMatch(/icon-32\.png is 32x32, expected 16x16/);
    const missing = replaceOnce(MANIFEST, 'https://localhost:3000/assets/icon-80.png', 'https://localhost:3000/assets/icon-99.png');
    expect(checkIcons(check(missing), ASSETS).join('\n')).toMatch(/icon-99\.png does not exist/);
    const noSize = replaceAll(MANIFEST, '<bt:Image size="80" resid="Icon.80x80"/>', '');
    expect(checkIcons(check(noSize), ASSETS).join('\n')).toMatch(/no 80px image/);
  });

  it('catches a wrong namespace on a resource collection', () => {
    const xml = replaceOnce(replaceOnce(MANIFEST, '<bt:Images>', '<Images>'), '</bt:Images>', '</Images>');
    expect(checkNamespaces(check(xml)).join('\n')).toMatch(/Resources\/Images must be bt:Images/);
  });

  it('reads PNG sizes from the IHDR and rejects non-PNG data', () => {
    expect(() => pngSize(Buffer.from('not a png at all, really not'))).toThrow(/not a PNG/);
  });
});
