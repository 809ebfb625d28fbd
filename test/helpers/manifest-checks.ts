/**
 * Structural checks for manifest.xml. Microsoft's validator (office-addin-manifest validate) needs an
 * online service, so the rules that matter for this add-in are checked here. Every check returns a
 * list of problems (empty = fine) so the tests can also feed mutated manifests in and assert that
 * each rule catches its mistake.
 *
 * Element order: "How to find the proper order of manifest elements",
 * https://learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering
 * (sections "Basic task pane add-in element ordering" and "Task pane add-in element ordering within
 * VersionOverrides"), which follows the XSD sequences of the manifest schemas.
 * String and id limits: OfficeAppBasicTypes XSD ([MS-OWEMXML]): ReferenceId ≤ 32, ShortString ≤ 125,
 * LongString ≤ 250 characters.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, Document, Element } from '@xmldom/xmldom';

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  versionOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Documented child order, per parent. A parent's actual children must be a subsequence of its list. */
export const DOCUMENTED_ORDER = {
  /** <OfficeApp xsi:type="TaskPaneApp"> */
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  Requirements: ['Sets', 'Methods'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  /** VersionOverrides/Hosts/Host */
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  /** ExtensionPoint xsi:type="CustomFunctions" */
  CustomFunctions: ['Script', 'Page', 'Metadata', 'Namespace'],
  /** ExtensionPoint xsi:type="PrimaryCommandSurface" */
  PrimaryCommandSurface: ['OfficeTab', 'CustomTab'],
  Group: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
  Control: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
} as const;

export const LIMITS = { resid: 32, shortString: 125, longString: 250 } as const;

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource collection a resid on an element of this name must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

export class ManifestParseError extends Error {
  constructor(readonly problems: string[]) {
    super(`manifest.xml does not parse:\n${problems.join('\n')}`);
  }
}

/** Parses manifest XML; any parser warning or error is a ManifestParseError listing all of them. */
export function parseManifest(xml: string): Document {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    problems.push(`fatal: ${(error as Error).message}`);
    throw new ManifestParseError(problems);
  }
  if (problems.length > 0) throw new ManifestParseError(problems);
  const root = doc.documentElement;
  if (!root || root.localName !== 'OfficeApp') throw new ManifestParseError(['root element is not <OfficeApp>']);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers (namespace-agnostic by local name; namespaces are checked separately).

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as Element);
  }
  return out;
}

export function child(el: Element | null | undefined, name: string): Element | undefined {
  return el ? childElements(el).find((c) => c.localName === name) : undefined;
}

/** Follows a chain of child names from `el`. */
export function childPath(el: Element | null | undefined, ...names: string[]): Element | undefined {
  let current: Element | undefined = el ?? undefined;
  for (const name of names) current = child(current, name);
  return current;
}

export function descendants(el: Element | Document, name: string): Element[] {
  const list = el.getElementsByTagNameNS('*', name);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i) as Element);
  return out;
}

function allElements(doc: Document): Element[] {
  return descendants(doc, '*');
}

export function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type') || el.getAttribute('xsi:type');
}

function root(doc: Document): Element {
  return doc.documentElement as Element;
}

function versionOverrides(doc: Document): Element | undefined {
  return child(root(doc), 'VersionOverrides');
}

function workbookHost(doc: Document): Element | undefined {
  const hosts = childPath(versionOverrides(doc), 'Hosts');
  return hosts ? childElements(hosts).find((h) => xsiType(h) === 'Workbook') : undefined;
}

function extensionPoints(doc: Document, type: string): Element[] {
  return descendants(doc, 'ExtensionPoint').filter((e) => xsiType(e) === type);
}

function describe(el: Element): string {
  const names: string[] = [];
  for (let node: Element | null = el; node && node.nodeType === 1; node = node.parentNode as Element | null) {
    const type = xsiType(node);
    names.unshift(type ? `${node.localName}[${type}]` : node.localName ?? '?');
  }
  return names.join('/');
}

// ---------------------------------------------------------------------------------------------
// Resources

export interface ResourceEntry {
  kind: ResourceKind;
  id: string;
  value: string;
}

/** All resources defined in VersionOverrides/Resources, by id. Duplicate ids are reported by checkResids. */
export function resources(doc: Document): Map<string, ResourceEntry> {
  const map = new Map<string, ResourceEntry>();
  const res = child(versionOverrides(doc), 'Resources');
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    const collection = child(res, kind);
    if (!collection) continue;
    for (const entry of childElements(collection)) {
      const id = entry.getAttribute('id') ?? '';
      if (!map.has(id)) map.set(id, { kind, id, value: entry.getAttribute('DefaultValue') ?? '' });
    }
  }
  return map;
}

/** The value a resid resolves to, or undefined. */
export function resolve(doc: Document, resid: string | null | undefined): string | undefined {
  return resid ? resources(doc).get(resid)?.value : undefined;
}

/**
 * Every resid is defined in Resources, in the collection its element needs (an Image in Images, a
 * Label in ShortStrings …); ids are unique, ≤ 32 characters; strings fit their type's length.
 */
export function checkResids(doc: Document): string[] {
  const problems: string[] = [];
  const res = child(versionOverrides(doc), 'Resources');
  if (!res) return ['VersionOverrides has no <Resources>'];
  const seen = new Set<string>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    const collection = child(res, kind);
    if (!collection) continue;
    for (const entry of childElements(collection)) {
      const id = entry.getAttribute('id') ?? '';
      const value = entry.getAttribute('DefaultValue') ?? '';
      if (id === '') problems.push(`${kind}: a <${entry.localName}> has no id`);
      if (id.length > LIMITS.resid) problems.push(`${kind}: id "${id}" is ${id.length} characters (max ${LIMITS.resid})`);
      if (seen.has(id)) problems.push(`${kind}: id "${id}" is defined more than once`);
      seen.add(id);
      if (value === '') problems.push(`${kind}: "${id}" has no DefaultValue`);
      if (kind === 'ShortStrings' && value.length > LIMITS.shortString) {
        problems.push(`ShortStrings: "${id}" is ${value.length} characters (max ${LIMITS.shortString})`);
      }
      if (kind === 'LongStrings' && value.length > LIMITS.longString) {
        problems.push(`LongStrings: "${id}" is ${value.length} characters (max ${LIMITS.longString})`);
      }
    }
  }
  const defined = resources(doc);
  for (const el of allElements(doc)) {
    const resid = el.getAttribute('resid');
    if (resid === null) continue;
    const where = describe(el);
    if (resid.length > LIMITS.resid) problems.push(`${where}: resid "${resid}" is ${resid.length} characters (max ${LIMITS.resid})`);
    const entry = defined.get(resid);
    if (!entry) {
      problems.push(`${where}: resid "${resid}" is not defined in Resources`);
      continue;
    }
    const expected = RESID_KIND[el.localName ?? ''];
    if (expected && entry.kind !== expected) {
      problems.push(`${where}: resid "${resid}" is in ${entry.kind}, expected ${expected}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Order and namespaces

/** Problems if the child names of `parent` are not a subsequence of `order` (repeats allowed). */
export function checkChildOrder(parent: Element | undefined, order: readonly string[], label: string): string[] {
  if (!parent) return [`${label}: element missing`];
  const names = childElements(parent).map((c) => c.localName ?? '');
  let last = -1;
  for (const name of names) {
    const index = order.indexOf(name);
    if (index < 0) return [`${label}: <${name}> is not a documented child (documented: ${order.join(', ')})`];
    if (index < last) {
      return [`${label}: <${name}> comes after <${order[last]}>; documented order is ${order.join(', ')} (actual: ${names.join(', ')})`];
    }
    last = index;
  }
  return [];
}

/** OfficeApp, VersionOverrides, Host, DesktopFormFactor, Resources (and the parts inside) in documented order. */
export function checkElementOrder(doc: Document): string[] {
  const app = root(doc);
  const vo = versionOverrides(doc);
  const host = workbookHost(doc);
  const desktop = child(host, 'DesktopFormFactor');
  const problems = [
    ...checkChildOrder(app, DOCUMENTED_ORDER.OfficeApp, 'OfficeApp'),
    ...checkChildOrder(vo, DOCUMENTED_ORDER.VersionOverrides, 'VersionOverrides'),
    ...checkChildOrder(host, DOCUMENTED_ORDER.Host, 'VersionOverrides/Hosts/Host[Workbook]'),
    ...checkChildOrder(desktop, DOCUMENTED_ORDER.DesktopFormFactor, 'DesktopFormFactor'),
    ...checkChildOrder(child(vo, 'Resources'), DOCUMENTED_ORDER.Resources, 'Resources'),
  ];
  const requirements = child(app, 'Requirements');
  if (requirements) problems.push(...checkChildOrder(requirements, DOCUMENTED_ORDER.Requirements, 'Requirements'));
  const getStarted = child(desktop, 'GetStarted');
  if (getStarted) problems.push(...checkChildOrder(getStarted, DOCUMENTED_ORDER.GetStarted, 'GetStarted'));
  for (const ep of extensionPoints(doc, 'CustomFunctions')) {
    problems.push(...checkChildOrder(ep, DOCUMENTED_ORDER.CustomFunctions, 'ExtensionPoint[CustomFunctions]'));
  }
  for (const ep of extensionPoints(doc, 'PrimaryCommandSurface')) {
    problems.push(...checkChildOrder(ep, DOCUMENTED_ORDER.PrimaryCommandSurface, 'ExtensionPoint[PrimaryCommandSurface]'));
  }
  for (const group of descendants(doc, 'Group')) problems.push(...checkChildOrder(group, DOCUMENTED_ORDER.Group, describe(group)));
  for (const control of descendants(doc, 'Control')) {
    problems.push(...checkChildOrder(control, DOCUMENTED_ORDER.Control, describe(control)));
    const supertip = child(control, 'Supertip');
    if (supertip) problems.push(...checkChildOrder(supertip, DOCUMENTED_ORDER.Supertip, describe(supertip)));
    const action = child(control, 'Action');
    if (action) problems.push(...checkChildOrder(action, DOCUMENTED_ORDER.Action, describe(action)));
  }
  return problems;
}

/** The root, VersionOverrides and the bt: parts are in the namespaces the schemas define. */
export function checkNamespaces(doc: Document): string[] {
  const problems: string[] = [];
  const app = root(doc);
  if (app.namespaceURI !== NS.officeApp) problems.push(`OfficeApp namespace is ${app.namespaceURI}, expected ${NS.officeApp}`);
  if (xsiType(app) !== 'TaskPaneApp') problems.push(`OfficeApp xsi:type is ${xsiType(app)}, expected TaskPaneApp`);
  const vo = versionOverrides(doc);
  if (!vo) return [...problems, 'no <VersionOverrides>'];
  if (vo.namespaceURI !== NS.versionOverrides) problems.push(`VersionOverrides namespace is ${vo.namespaceURI}, expected ${NS.versionOverrides}`);
  if (xsiType(vo) !== 'VersionOverridesV1_0') problems.push(`VersionOverrides xsi:type is ${xsiType(vo)}, expected VersionOverridesV1_0`);
  const res = child(vo, 'Resources');
  for (const collection of res ? childElements(res) : []) {
    if (collection.namespaceURI !== NS.bt) problems.push(`Resources/${collection.localName} must be bt:${collection.localName}`);
    for (const entry of childElements(collection)) {
      if (entry.namespaceURI !== NS.bt) problems.push(`Resources/${collection.localName}/${entry.localName} must be in the bt namespace`);
    }
  }
  for (const icon of descendants(vo, 'Icon')) {
    for (const image of childElements(icon)) {
      if (image.namespaceURI !== NS.bt) problems.push(`${describe(image)} must be bt:Image`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Shared runtime, custom functions, ribbon

/** SharedRuntime 1.1 is required; one long-lived Runtime whose resid is also the Page, FunctionFile and task pane. */
export function checkSharedRuntime(doc: Document): string[] {
  const problems: string[] = [];
  const sets = descendants(doc, 'Set').filter((s) => s.getAttribute('Name') === 'SharedRuntime');
  if (sets.length === 0) problems.push('no <Set Name="SharedRuntime"> requirement');
  for (const set of sets) {
    const version = set.getAttribute('MinVersion') ?? (set.parentNode as Element | null)?.getAttribute('DefaultMinVersion');
    if (version !== '1.1') problems.push(`SharedRuntime MinVersion is ${version}, expected 1.1`);
  }

  const host = workbookHost(doc);
  if (!host) return [...problems, 'no VersionOverrides <Host xsi:type="Workbook">'];
  const runtimes = childElements(child(host, 'Runtimes') ?? host).filter((e) => e.localName === 'Runtime');
  if (!child(host, 'Runtimes') || runtimes.length !== 1) {
    return [...problems, `expected exactly one <Runtimes><Runtime/></Runtimes> in the Workbook host, found ${child(host, 'Runtimes') ? runtimes.length : 0}`];
  }
  const runtime = runtimes[0];
  const runtimeResid = runtime.getAttribute('resid');
  if (runtime.getAttribute('lifetime') !== 'long') problems.push(`Runtime lifetime is "${runtime.getAttribute('lifetime')}", expected "long"`);

  const cf = extensionPoints(doc, 'CustomFunctions')[0];
  const pageResid = childPath(cf, 'Page', 'SourceLocation')?.getAttribute('resid');
  if (!cf) problems.push('no <ExtensionPoint xsi:type="CustomFunctions">');
  else if (pageResid !== runtimeResid) problems.push(`CustomFunctions Page resid "${pageResid}" differs from Runtime resid "${runtimeResid}"`);

  const functionFile = childPath(host, 'DesktopFormFactor', 'FunctionFile');
  const functionFileResid = functionFile?.getAttribute('resid');
  if (functionFileResid !== runtimeResid) problems.push(`FunctionFile resid "${functionFileResid}" differs from Runtime resid "${runtimeResid}"`);

  for (const action of descendants(host, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane')) {
    const resid = child(action, 'SourceLocation')?.getAttribute('resid');
    if (resid !== runtimeResid) problems.push(`ShowTaskpane SourceLocation resid "${resid}" differs from Runtime resid "${runtimeResid}"`);
    if (!child(action, 'TaskpaneId')) problems.push('a ShowTaskpane action has no <TaskpaneId> (a shared runtime supports one task pane)');
  }

  const runtimeUrl = resolve(doc, runtimeResid);
  const defaultUrl = childPath(root(doc), 'DefaultSettings', 'SourceLocation')?.getAttribute('DefaultValue');
  if (runtimeUrl !== defaultUrl) problems.push(`DefaultSettings SourceLocation "${defaultUrl}" differs from the runtime page "${runtimeUrl}"`);
  return problems;
}

/** Custom functions: namespace LUMIVE, metadata functions.json, script functions.js. */
export function checkCustomFunctions(doc: Document, expectedNamespace = 'LUMIVE'): string[] {
  const problems: string[] = [];
  const cf = extensionPoints(doc, 'CustomFunctions');
  if (cf.length !== 1) return [`expected one CustomFunctions extension point, found ${cf.length}`];
  const ns = resolve(doc, child(cf[0], 'Namespace')?.getAttribute('resid'));
  if (ns !== expectedNamespace) problems.push(`custom functions namespace is "${ns}", expected "${expectedNamespace}"`);
  const metadata = resolve(doc, childPath(cf[0], 'Metadata', 'SourceLocation')?.getAttribute('resid'));
  if (!metadata?.endsWith('/functions.json')) problems.push(`Metadata URL "${metadata}" should end with /functions.json`);
  const script = resolve(doc, childPath(cf[0], 'Script', 'SourceLocation')?.getAttribute('resid'));
  if (!script?.endsWith('/functions.js')) problems.push(`Script URL "${script}" should end with /functions.js`);
  return problems;
}

/** A button labelled `label` on the Home tab that shows the task pane. */
export function checkHomeButton(doc: Document, label = 'Lumive'): string[] {
  const home = descendants(doc, 'OfficeTab').find((t) => t.getAttribute('id') === 'TabHome');
  if (!home) return ['no <OfficeTab id="TabHome">'];
  const buttons = descendants(home, 'Control').filter((c) => xsiType(c) === 'Button');
  const labelled = buttons.filter((b) => resolve(doc, child(b, 'Label')?.getAttribute('resid')) === label);
  if (labelled.length === 0) return [`no Home-tab button labelled "${label}" (found: ${buttons.map((b) => resolve(doc, child(b, 'Label')?.getAttribute('resid'))).join(', ') || 'none'})`];
  const problems: string[] = [];
  const button = labelled[0];
  const action = child(button, 'Action');
  if (!action || xsiType(action) !== 'ShowTaskpane') problems.push(`the "${label}" button's action is ${action ? xsiType(action) : 'missing'}, expected ShowTaskpane`);
  if (!child(button, 'Supertip')) problems.push(`the "${label}" button has no <Supertip> (tooltip)`);
  const getStarted = childPath(workbookHost(doc), 'DesktopFormFactor', 'GetStarted');
  if (!getStarted || !child(getStarted, 'Title') || !child(getStarted, 'Description')) problems.push('no <GetStarted> with Title and Description');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// URLs and icons

/** Every URL the manifest holds: [where, url]. */
export function manifestUrls(doc: Document): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const app = root(doc);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(app, name);
    if (el) out.push([name, el.getAttribute('DefaultValue') ?? '']);
  }
  const source = childPath(app, 'DefaultSettings', 'SourceLocation');
  if (source) out.push(['DefaultSettings/SourceLocation', source.getAttribute('DefaultValue') ?? '']);
  for (const domain of descendants(app, 'AppDomain')) out.push(['AppDomain', domain.textContent?.trim() ?? '']);
  for (const entry of resources(doc).values()) {
    if (entry.kind === 'Images' || entry.kind === 'Urls') out.push([`${entry.kind}/${entry.id}`, entry.value]);
  }
  for (const override of descendants(doc, 'Override')) {
    const value = override.getAttribute('Value') ?? '';
    if (/^[a-z]+:\/\//i.test(value)) out.push([describe(override), value]);
  }
  return out;
}

/** All URLs are https (and start with `prefix` when given). */
export function checkUrls(doc: Document, prefix?: string): string[] {
  const problems: string[] = [];
  for (const [where, url] of manifestUrls(doc)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where}: "${url}" is not https`);
    if (prefix && !url.startsWith(prefix)) problems.push(`${where}: "${url}" does not start with ${prefix}`);
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Button icons at 16, 32 and 80 px; IconUrl 32 (or 64) and HighResolutionIconUrl 64 (or 128) px; each
 * icon URL names a file under assets/ that exists in `assetsDir` with exactly that pixel size.
 */
export function checkIcons(doc: Document, assetsDir: string): string[] {
  const problems: string[] = [];
  const checkFile = (where: string, url: string | undefined, sizes: number[]): void => {
    const match = url ? /\/assets\/([^/?#]+\.png)$/.exec(url) : null;
    if (!url || !match) {
      problems.push(`${where}: "${url}" is not an assets/*.png URL`);
      return;
    }
    const file = path.join(assetsDir, match[1]);
    if (!fs.existsSync(file)) {
      problems.push(`${where}: ${file} does not exist`);
      return;
    }
    let size: { width: number; height: number };
    try {
      size = pngSize(fs.readFileSync(file));
    } catch (error) {
      problems.push(`${where}: ${file}: ${(error as Error).message}`);
      return;
    }
    if (size.width !== size.height || !sizes.includes(size.width)) {
      problems.push(`${where}: ${match[1]} is ${size.width}x${size.height}, expected ${sizes.map((s) => `${s}x${s}`).join(' or ')}`);
    }
  };
  const app = root(doc);
  checkFile('IconUrl', child(app, 'IconUrl')?.getAttribute('DefaultValue') ?? undefined, [32, 64]);
  checkFile('HighResolutionIconUrl', child(app, 'HighResolutionIconUrl')?.getAttribute('DefaultValue') ?? undefined, [64, 128]);
  const icons = descendants(doc, 'Icon');
  if (icons.length === 0) problems.push('no ribbon <Icon> elements');
  for (const icon of icons) {
    const images = childElements(icon);
    const sizes = images.map((i) => Number(i.getAttribute('size')));
    for (const needed of [16, 32, 80]) {
      if (!sizes.includes(needed)) problems.push(`${describe(icon)}: no ${needed}px image`);
    }
    for (const image of images) {
      const size = Number(image.getAttribute('size'));
      checkFile(`${describe(image)}[size=${size}]`, resolve(doc, image.getAttribute('resid')), [size]);
    }
  }
  return problems;
}

/** Display name, description and permissions. */
export function checkBasics(doc: Document): string[] {
  const problems: string[] = [];
  const app = root(doc);
  const id = child(app, 'Id')?.textContent?.trim() ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push(`Id "${id}" is not a GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(child(app, 'Version')?.textContent?.trim() ?? '')) problems.push('Version must be n.n.n.n');
  const displayName = child(app, 'DisplayName')?.getAttribute('DefaultValue') ?? '';
  if (!displayName || displayName.length > LIMITS.shortString) problems.push(`DisplayName "${displayName}" must be 1–${LIMITS.shortString} characters`);
  const description = child(app, 'Description')?.getAttribute('DefaultValue') ?? '';
  if (!description || description.length > LIMITS.longString) problems.push(`Description must be 1–${LIMITS.longString} characters (is ${description.length})`);
  const hosts = descendants(child(app, 'Hosts') ?? app, 'Host').map((h) => h.getAttribute('Name'));
  if (!hosts.includes('Workbook')) problems.push('Hosts does not include Workbook');
  const permissions = child(app, 'Permissions')?.textContent?.trim();
  if (permissions !== 'ReadWriteDocument') problems.push(`Permissions is "${permissions}", expected ReadWriteDocument`);
  return problems;
}

export interface ManifestCheckOptions {
  /** Directory holding the icon files (src/assets, or dist/assets for a build). */
  assetsDir: string;
  /** When given, every URL must start with it (a production build). */
  urlPrefix?: string;
}

/** Parses and runs every check; returns all problems. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  let doc: Document;
  try {
    doc = parseManifest(xml);
  } catch (error) {
    return error instanceof ManifestParseError ? error.problems : [String(error)];
  }
  return [
    ...checkBasics(doc),
    ...checkNamespaces(doc),
    ...checkElementOrder(doc),
    ...checkResids(doc),
    ...checkSharedRuntime(doc),
    ...checkCustomFunctions(doc),
    ...checkHomeButton(doc),
    ...checkUrls(doc, options.urlPrefix),
    ...checkIcons(doc, options.assetsDir),
  ];
}
