/**
 * The production build, run programmatically with webpack.config.js: a deployable dist whose manifest
 * points at LUMIVE_PUBLIC_URL, one page loading functions + commands + task pane (shared runtime),
 * functions.json generated from the JSDoc, and the icons.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import webpack from 'webpack';
import { checkManifest, manifestUrls, parseManifest } from './helpers/manifest-checks';

type MakeConfig = (env?: Record<string, unknown>, argv?: { mode?: string }) => webpack.Configuration;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: MakeConfig = require('../webpack.config.js');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundleSize: BundleSizeModule = require('../scripts/bundle-size.cjs');

interface BundleFileSize {
  name: string;
  bytes: number;
  gzipBytes: number;
  initial: boolean;
}
interface BundleSizeReport {
  files: BundleFileSize[];
  initial: { bytes: number; gzipBytes: number };
  onDemand: { bytes: number; gzipBytes: number };
}
interface BundleSizeModule {
  BundleSizePlugin: new (options?: { log?: (text: string) => void }) => { log: (text: string) => void };
  bundleSizes(files: Array<{ name: string; source: Buffer | string; initial: boolean }>): BundleSizeReport;
  formatBundleSizes(report: BundleSizeReport): string;
}

const PUBLIC_URL = 'https://addin.example.com/lumive/';

/** Runs fn with the given environment variables set (undefined = unset), then restores them. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return fn();
  } finally {
    apply(saved);
  }
}

function build(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) reject(error);
        else if (!stats) reject(new Error('webpack returned no stats'));
        else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
        else resolve(stats);
      });
    });
  });
}

interface FunctionsJson {
  functions: Array<{ id: string; name: string; helpUrl?: string }>;
}

let outDir: string;
let stats: webpack.Stats;
/** What the bundle size plugin printed during the build. */
const printed: string[] = [];
const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');

/** webpack's chunk-loading array, named after package.json's "name" (output.chunkLoadingGlobal). */
const CHUNK_LOADING_GLOBAL = 'webpackChunklumive_excel';

/**
 * The chunks of the build with the source modules in each. Production builds concatenate modules
 * (scope hoisting): a chunk then lists "./src/x.ts + 35 modules", and the modules inlined into it only
 * appear in its nested `modules`, so those are expanded here. A module shared by two entries without
 * dependOn is inlined into both chunks and would otherwise go unnoticed. Webpack runtime modules
 * (moduleType "runtime") are listed apart.
 */
function chunkContents(): Array<{ chunk: webpack.StatsChunk; modules: string[]; runtimeModules: string[] }> {
  const json = stats.toJson({
    all: false,
    ids: true,
    chunks: true,
    chunkRelations: true,
    chunkModules: true,
    nestedModules: true,
    dependentModules: true,
    runtimeModules: true,
    chunkModulesSpace: Infinity,
    nestedModulesSpace: Infinity,
  });
  return (json.chunks ?? []).map((chunk) => {
    const top = chunk.modules ?? [];
    const modules = top
      .filter((m) => m.moduleType !== 'runtime')
      .flatMap((m) => m.modules ?? [m])
      .map((m) => m.name ?? m.identifier ?? '?');
    const runtimeModules = top.filter((m) => m.moduleType === 'runtime').map((m) => m.name ?? '?');
    return { chunk, modules, runtimeModules };
  });
}

function chunkNamed(name: string) {
  const found = chunkContents().find((c) => c.chunk.names?.includes(name));
  if (!found) throw new Error(`no chunk named ${name}`);
  return found;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-build-'));
  const config = withEnv({ LUMIVE_PUBLIC_URL: PUBLIC_URL, LUMIVE_OUT_DIR: outDir }, () =>
    makeConfig({}, { mode: 'production' }),
  );
  expect(config.output?.path).toBe(outDir);
  // Capture the size table instead of printing it.
  const sizePlugin = config.plugins?.find((p) => p instanceof bundleSize.BundleSizePlugin) as
    | { log: (text: string) => void }
    | undefined;
  if (!sizePlugin) throw new Error('the production config has no BundleSizePlugin');
  sizePlugin.log = (text) => printed.push(text);
  stats = await build(config);
}, 180_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('production build with LUMIVE_PUBLIC_URL', () => {
  it('writes a manifest whose URLs all point at the public URL and that passes the manifest checks', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toMatch(/localhost/);
    const urls = manifestUrls(parseManifest(xml));
    expect(urls.length).toBeGreaterThan(5);
    for (const [, url] of urls) expect(url.startsWith(PUBLIC_URL)).toBe(true);
    expect(checkManifest(xml, { assetsDir: path.join(outDir, 'assets'), urlPrefix: PUBLIC_URL })).toEqual([]);
  });

  it('writes taskpane.html loading office.js, then the functions, commands and taskpane bundles', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'functions.js',
      'commands.js',
      'taskpane.js',
    ]);
    for (const file of ['functions.js', 'commands.js', 'taskpane.js']) expect(fs.existsSync(path.join(outDir, file))).toBe(true);
  });

  it('generates functions.json with DOI and namespace-free, unique ids, help links on the public URL', () => {
    const text = read('functions.json');
    expect(text).not.toMatch(/localhost/);
    const json = JSON.parse(text) as FunctionsJson;
    const ids = json.functions.map((f) => f.id);
    expect(ids).toContain('DOI');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(id.startsWith('LUMIVE.')).toBe(false);
    }
    for (const f of json.functions) if (f.helpUrl) expect(f.helpUrl.startsWith(PUBLIC_URL)).toBe(true);
  });

  it('writes help.html with a section for every function that a help link points at', () => {
    const html = read('help.html');
    const json = JSON.parse(read('functions.json')) as FunctionsJson;
    for (const f of json.functions) {
      expect(f.helpUrl).toBe(`${PUBLIC_URL}help.html#${f.id.toLowerCase()}`);
      // The production build minifies the page, which may drop the attribute quotes.
      expect(html).toMatch(new RegExp(`<section id="?${f.id.toLowerCase()}"?>\\s*<h2>LUMIVE\\.${f.id}</h2>`));
    }
  });

  it('functions.js associates every id in functions.json, and the bundled DOI computes (inside Excel, CustomFunctions exists)', () => {
    const ids = (JSON.parse(read('functions.json')) as FunctionsJson).functions.map((f) => f.id);
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    const context = vm.createContext({
      console,
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
        Error: class {},
        ErrorCode: {},
      },
    });
    vm.runInContext(read('functions.js'), context);
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    expect(associated.get('DOI')?.([[120], [60]], [[4], [2]])).toEqual([[30], [30]]);
  });

  it('functions.js runs without Excel: the preview shim defines CustomFunctions', () => {
    const context = vm.createContext({ console });
    vm.runInContext(read('functions.js'), context);
    const cf = vm.runInContext('CustomFunctions', context) as { associate: unknown; ErrorCode: Record<string, string> };
    expect(typeof cf.associate).toBe('function');
    expect(cf.ErrorCode.notAvailable).toBe('#N/A');
    expect(cf.ErrorCode.invalidValue).toBe('#VALUE!');
  });

  it('puts every module in exactly one chunk: the task pane and commands reuse what functions.js holds', () => {
    // The engine's worker is a realm of its own (another global, another module registry): it carries
    // its own copy of the engine, and is checked on its own below.
    const chunks = chunkContents().filter((c) => c.chunk.names?.[0] !== 'engine-worker');
    // The page loads these three at start; chunks loaded on demand (import()) come on top.
    expect(chunks.filter((c) => c.chunk.initial).map((c) => c.chunk.names?.[0]).sort()).toEqual([
      'commands',
      'functions',
      'taskpane',
    ]);
    const owners = new Map<string, string[]>();
    for (const { chunk, modules } of chunks) {
      for (const name of modules) owners.set(name, [...(owners.get(name) ?? []), String(chunk.names?.[0])]);
    }
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);

    const functions = chunkNamed('functions');
    expect(functions.modules).toContain('./src/functions/entry.ts');
    expect(functions.modules.some((m) => m.startsWith('./src/engine/'))).toBe(true);
    const inFunctions = new Set(functions.modules);
    for (const name of ['taskpane', 'commands']) {
      const { modules } = chunkNamed(name);
      expect(modules.length).toBeGreaterThan(0);
      expect(modules.filter((m) => inFunctions.has(m))).toEqual([]);
    }
  });

  it('builds the engine worker as engine-worker.js: its own runtime and engine, no DOM, no Office, no other file to load', () => {
    const { chunk, modules } = chunkNamed('engine-worker');
    expect({ entry: chunk.entry, initial: chunk.initial, runtime: chunk.runtime, files: chunk.files }).toEqual({ entry: true, initial: true, runtime: ['engine-worker'], files: ['engine-worker.js'] });
    expect(modules).toContain('./src/app/engine-worker.ts');
    expect(modules.some((m) => m.startsWith('./src/engine/'))).toBe(true);
    // Nothing of the pane, the Office adapter or the file readers rides along.
    expect(modules.filter((m) => /\/(taskpane\/components|workbook\/office|io)\/|react|fluentui|exceljs|papaparse/.test(m))).toEqual([]);
    // Started from the page by its relative URL: every Worker taskpane.js starts is engine-worker.js,
    // never a blob (the pane makes object URLs only for the files it hands to downloads).
    const pane = read('taskpane.js');
    const workers = [...pane.matchAll(/new Worker\(([^,)]*)/g)].map((m) => m[1]);
    expect(workers).toEqual(['"engine-worker.js"']);
  });

  it('keeps the one webpack runtime in functions.js; the task pane and commands chunks depend on it', () => {
    const functions = chunkNamed('functions');
    // Stats: a chunk's `entry` is true when it carries a webpack runtime, `runtime` names the runtime(s)
    // it runs in, `parents` the chunks it depends on. Without dependOn every entry has its own runtime.
    for (const name of ['taskpane', 'commands']) {
      const { chunk, runtimeModules } = chunkNamed(name);
      expect({ name, entry: chunk.entry, initial: chunk.initial, runtime: chunk.runtime }).toEqual({
        name,
        entry: false,
        initial: true,
        runtime: ['functions'],
      });
      expect(chunk.parents).toEqual([functions.chunk.id]);
      expect(runtimeModules).toEqual([]);
    }
    expect(functions.chunk.entry).toBe(true);
    expect(functions.chunk.runtime).toEqual(['functions']);
    expect(functions.runtimeModules).toContain('webpack/runtime/jsonp chunk loading');
  });

  it('functions.js, commands.js and taskpane.js run in one page in that order on one module registry', () => {
    const getElementById = jest.fn(() => null);
    // No Office global: the page behaves as outside Office (preview path); no #root, so the pane stops there.
    const context = vm.createContext({ console, document: { getElementById } });
    for (const file of ['functions.js', 'commands.js', 'taskpane.js']) {
      vm.runInContext(read(file), context, { filename: file });
    }
    const registry = vm.runInContext(`globalThis[${JSON.stringify(CHUNK_LOADING_GLOBAL)}]`, context) as Array<[unknown[]]>;
    // One array, taken over by the runtime in functions.js (its push is no longer Array.prototype.push),
    // that received the commands and task pane chunks in page order.
    expect(Array.isArray(registry)).toBe(true);
    expect(registry.push).not.toBe(vm.runInContext('Array.prototype.push', context));
    const ids = Object.fromEntries(chunkContents().map((c) => [String(c.chunk.names?.[0]), c.chunk.id]));
    expect(registry.map(([chunkIds]) => chunkIds)).toEqual([[ids.commands], [ids.taskpane]]);
    // The shared runtime executed the task pane entry (it looked for its root element).
    expect(getElementById).toHaveBeenCalledWith('root');
    expect(typeof vm.runInContext('CustomFunctions.associate', context)).toBe('function');
  });

  it('writes bundle-size.json: the three bundles loaded at start with their minified and real gzip sizes', () => {
    const report = JSON.parse(read('bundle-size.json')) as BundleSizeReport;
    const emittedJs = fs.readdirSync(outDir).filter((f) => f.endsWith('.js'));
    // Every emitted .js file is listed once, and no source map.
    expect(report.files.map((f) => f.name).sort()).toEqual([...emittedJs].sort());
    const initial = report.files.filter((f) => f.initial).map((f) => f.name);
    expect([...initial].sort()).toEqual(['commands.js', 'functions.js', 'taskpane.js']);
    for (const f of report.files) {
      const content = fs.readFileSync(path.join(outDir, f.name));
      expect({ name: f.name, bytes: f.bytes }).toEqual({ name: f.name, bytes: content.length });
      expect(f.gzipBytes).toBeGreaterThan(0);
      expect(f.gzipBytes).toBeLessThan(f.bytes);
      expect(f.gzipBytes).toBe(zlib.gzipSync(content, { level: 9 }).length);
    }
    // Anything else is the engine's worker (started at the first Analyze) or an async chunk, named
    // [name].[contenthash:8].js.
    expect(report.files.find((f) => f.name === 'engine-worker.js')?.initial).toBe(false);
    for (const f of report.files.filter((x) => !x.initial && x.name !== 'engine-worker.js')) expect(f.name).toMatch(/^[\w-]+\.[0-9a-f]{8}\.js$/);
    const sum = (files: BundleFileSize[], key: 'bytes' | 'gzipBytes') => files.reduce((n, f) => n + f[key], 0);
    const atStart = report.files.filter((f) => f.initial);
    const later = report.files.filter((f) => !f.initial);
    expect(report.initial).toEqual({ bytes: sum(atStart, 'bytes'), gzipBytes: sum(atStart, 'gzipBytes') });
    expect(report.onDemand).toEqual({ bytes: sum(later, 'bytes'), gzipBytes: sum(later, 'gzipBytes') });
  });

  it('prints the size table once, naming the task pane and functions bundles and the total at start', () => {
    expect(printed).toHaveLength(1);
    const [table] = printed;
    expect(table).toMatch(/^\[lumive\] Production bundle \(minified \/ gzip\):/);
    const report = JSON.parse(read('bundle-size.json')) as BundleSizeReport;
    expect(table).toBe(bundleSize.formatBundleSizes(report));
    for (const name of ['taskpane.js', 'functions.js', 'commands.js']) {
      const f = report.files.find((x) => x.name === name)!;
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      expect(table).toMatch(new RegExp(`^  ${name.replace('.', '\\.')}\\s+${kib(f.bytes)}\\s+${kib(f.gzipBytes)}$`, 'm'));
    }
    expect(table).toContain(`Total loaded at start: `);
  });

  it('loads chunks on demand relative to the page, which sits in the same folder as the bundles', () => {
    const config = withEnv({ LUMIVE_PUBLIC_URL: PUBLIC_URL, LUMIVE_OUT_DIR: outDir }, () =>
      makeConfig({}, { mode: 'production' }),
    );
    expect(config.output?.publicPath).toBe('');
    expect(config.output?.chunkFilename).toBe('[name].[contenthash:8].js');
  });

  it('copies the icons', () => {
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(outDir, 'assets', `icon-${size}.png`))).toBe(true);
  });
});

describe('bundle size report', () => {
  it('measures .js files only, splits loaded at start from on demand, and sums each group', () => {
    const big = 'const answer = 42;\n'.repeat(500);
    const report = bundleSize.bundleSizes([
      { name: 'functions.js', source: big, initial: true },
      { name: 'functions.js.map', source: '{"version":3}', initial: true },
      { name: 'taskpane.js', source: Buffer.from(big + big), initial: true },
      { name: 'xlsx-reader.0123abcd.js', source: big.repeat(3), initial: false },
    ]);
    expect(report.files.map((f) => [f.name, f.initial])).toEqual([
      ['taskpane.js', true],
      ['functions.js', true],
      ['xlsx-reader.0123abcd.js', false],
    ]);
    const taskpane = report.files[0];
    expect(taskpane.bytes).toBe(Buffer.byteLength(big) * 2);
    expect(taskpane.gzipBytes).toBe(zlib.gzipSync(Buffer.from(big + big), { level: 9 }).length);
    expect(report.initial.bytes).toBe(Buffer.byteLength(big) * 3);
    expect(report.initial.gzipBytes).toBe(report.files[0].gzipBytes + report.files[1].gzipBytes);
    expect(report.onDemand).toEqual({ bytes: report.files[2].bytes, gzipBytes: report.files[2].gzipBytes });

    const table = bundleSize.formatBundleSizes(report);
    const lines = table.split('\n');
    expect(lines[0]).toBe('[lumive] Production bundle (minified / gzip):');
    expect(lines.indexOf('  Loaded on demand:')).toBeGreaterThan(lines.findIndex((l) => l.includes('functions.js')));
    expect(lines.findIndex((l) => l.includes('xlsx-reader'))).toBeGreaterThan(lines.indexOf('  Loaded on demand:'));
    expect(table).toContain('Total loaded at start: 27.8 KiB / ');
  });

  it('leaves out the on-demand section when there is nothing loaded on demand', () => {
    const table = bundleSize.formatBundleSizes(bundleSize.bundleSizes([{ name: 'a.js', source: 'x', initial: true }]));
    expect(table).not.toMatch(/on demand/);
  });
});

describe('LUMIVE_PUBLIC_URL validation', () => {
  it('rejects a non-https URL with a clear error', () => {
    expect(() =>
      withEnv({ LUMIVE_PUBLIC_URL: 'http://addin.example.com/lumive/', LUMIVE_OUT_DIR: undefined }, () =>
        makeConfig({}, { mode: 'production' }),
      ),
    ).toThrow(/LUMIVE_PUBLIC_URL must use https/);
  });

  it('rejects a URL without the trailing slash, and text that is not a URL', () => {
    expect(() =>
      withEnv({ LUMIVE_PUBLIC_URL: 'https://addin.example.com/lumive' }, () => makeConfig({}, { mode: 'production' })),
    ).toThrow(/must end with "\/"/);
    expect(() => withEnv({ LUMIVE_PUBLIC_URL: 'addin.example.com' }, () => makeConfig({}, { mode: 'production' }))).toThrow(
      /not a valid URL/,
    );
  });

  it('without LUMIVE_PUBLIC_URL a production config keeps localhost and says so', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const config = withEnv({ LUMIVE_PUBLIC_URL: undefined, LUMIVE_OUT_DIR: undefined }, () =>
        makeConfig({}, { mode: 'production' }),
      );
      expect(config.output?.path).toBe(path.resolve(__dirname, '..', 'dist'));
      expect(warn.mock.calls.flat().join(' ')).toMatch(/LUMIVE_PUBLIC_URL is not set/);
    } finally {
      warn.mockRestore();
    }
  });
});
