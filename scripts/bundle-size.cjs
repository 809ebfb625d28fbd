// Reports the size of the production bundle: every emitted .js file, minified and gzipped (level 9),
// split into what the task pane page loads at start (the entry chunks: functions, commands, taskpane)
// and what it loads on demand (async chunks from dynamic import()). Prints a table after emit and
// writes the same figures to bundle-size.json in the output directory.
'use strict';

const zlib = require('node:zlib');

const NAME = 'LumiveBundleSize';
const JSON_FILE = 'bundle-size.json';

/**
 * Sizes of bundle files.
 * files: [{ name, source: Buffer | string, initial: boolean }]
 * Returns { files: [{ name, bytes, gzipBytes, initial }], initial: { bytes, gzipBytes },
 * onDemand: { bytes, gzipBytes } }; files loaded at start first, each group largest first.
 */
function bundleSizes(files) {
  const rows = files
    .filter((f) => f.name.endsWith('.js'))
    .map((f) => {
      const buffer = Buffer.isBuffer(f.source) ? f.source : Buffer.from(String(f.source), 'utf8');
      return {
        name: f.name,
        bytes: buffer.length,
        gzipBytes: zlib.gzipSync(buffer, { level: 9 }).length,
        initial: Boolean(f.initial),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes || a.name.localeCompare(b.name));
  const total = (initial) =>
    rows
      .filter((r) => r.initial === initial)
      .reduce((sum, r) => ({ bytes: sum.bytes + r.bytes, gzipBytes: sum.gzipBytes + r.gzipBytes }), { bytes: 0, gzipBytes: 0 });
  return { files: rows, initial: total(true), onDemand: total(false) };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The report bundleSizes() returns, as the table the build prints. */
function formatBundleSizes(report) {
  const width = Math.max(0, ...report.files.map((f) => f.name.length));
  const line = (f) => `  ${f.name.padEnd(width)}  ${kib(f.bytes).padStart(10)}  ${kib(f.gzipBytes).padStart(10)}`;
  const initial = report.files.filter((f) => f.initial);
  const onDemand = report.files.filter((f) => !f.initial);
  return [
    '[lumive] Production bundle (minified / gzip):',
    ...initial.map(line),
    ...(onDemand.length ? ['  Loaded on demand:', ...onDemand.map(line)] : []),
    `  Total loaded at start: ${kib(report.initial.bytes)} / ${kib(report.initial.gzipBytes)} gzip`,
    ...(onDemand.length
      ? [`  Total loaded on demand: ${kib(report.onDemand.bytes)} / ${kib(report.onDemand.gzipBytes)} gzip`]
      : []),
  ].join('\n');
}

/**
 * Webpack plugin: measures the final .js assets of the compilation's chunks (after minification,
 * source-map comments and content hashes), emits bundle-size.json and, after emit, passes the table
 * to `log` (default: console.log). The test replaces `log` to capture the table.
 */
class BundleSizePlugin {
  constructor(options = {}) {
    this.log = options.log || ((text) => console.log(text));
    this.filename = options.filename || JSON_FILE;
    /** Entries the page starts later rather than at load (the engine's worker, at the first Analyze). */
    this.onDemandEntries = new Set(options.onDemandEntries || []);
    /** compilation -> report, from processAssets to afterEmit */
    this.reports = new WeakMap();
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // REPORT is the last stage: Terser, the source-map comments and the real content hashes are done.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = [];
        const seen = new Set();
        for (const chunk of compilation.chunks) {
          // canBeInitial: an entry chunk (or one split off from an entry) that the page loads at start;
          // otherwise the chunk is only reached through import() and loads on demand.
          // A chunk's runtime is one name (a string) or a set of names.
          const runtimes = typeof chunk.runtime === 'string' ? [chunk.runtime] : [...(chunk.runtime || [])];
          const initial = chunk.canBeInitial() && !runtimes.some((r) => this.onDemandEntries.has(r));
          for (const name of chunk.files) {
            if (!name.endsWith('.js') || seen.has(name)) continue;
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            seen.add(name);
            files.push({ name, source: asset.source.buffer(), initial });
          }
        }
        const report = bundleSizes(files);
        compilation.emitAsset(this.filename, new sources.RawSource(`${JSON.stringify(report, null, 2)}\n`));
        this.reports.set(compilation, report);
      });
    });
    compiler.hooks.afterEmit.tap(NAME, (compilation) => {
      const report = this.reports.get(compilation);
      if (report) this.log(formatBundleSizes(report));
    });
  }
}

module.exports = { BundleSizePlugin, bundleSizes, formatBundleSizes };
