// The `lumive` command's bundle: the TypeScript sources of the command compiled into one CommonJS file
// by esbuild. It lives with the other build caches in node_modules/.cache (not in dist/, which is the
// add-in's web folder and is emptied by every webpack build). Packages in node_modules stay outside
// it and load when a command needs them (exceljs only for workbooks), so `lumive eval` starts at once.
//
//   node scripts/cli-bundle.cjs     build it and link the command (npm ci does, through `prepare`)
//
// src/cli/bin.cjs (the command itself) rebuilds it before running whenever a source file is newer
// (see isFresh).
//
// The command is linked into node_modules/.bin by hand, not declared as the package's `bin`: for a
// project's own bin, npx (npm 11) first installs the project into its cache and loads the whole
// dependency tree, about 0.9 s here before the command even starts; a command already in
// node_modules/.bin it runs directly.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const CLI = path.join(SRC, 'cli');
const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'lumive', 'lumive.cjs');

/**
 * Newest modification time of the files and folders under src/ (about 3 ms for the tree): a folder's
 * time changes when a file in it is added, removed or renamed.
 */
function newestSource(dir = SRC) {
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when the bundle exists and no source is newer. */
function isFresh() {
  try {
    return fs.statSync(BUNDLE).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

/**
 * Builds the bundle; it appears under its name only when complete (written beside it, then renamed),
 * so a command started meanwhile never loads half a file.
 */
function build() {
  const esbuild = require('esbuild');
  const temp = `${BUNDLE}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  esbuild.buildSync({
    stdin: { contents: "export { main } from './main';\nexport { systemReason } from './terminal';\n", resolveDir: CLI, sourcefile: 'lumive.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: temp,
    sourcemap: true,
    logLevel: 'error',
  });
  fs.renameSync(`${temp}.map`, `${BUNDLE}.map`);
  // The map is found by the bundle's own name.
  fs.writeFileSync(temp, fs.readFileSync(temp, 'utf8').replace(/sourceMappingURL=.*$/m, `sourceMappingURL=${path.basename(BUNDLE)}.map`));
  fs.renameSync(temp, BUNDLE);
}

/** node_modules/.bin/lumive, running bin.cjs (a symbolic link; a .cmd file on Windows). */
function link() {
  const bin = path.join(ROOT, 'node_modules', '.bin');
  fs.mkdirSync(bin, { recursive: true });
  const target = path.relative(bin, path.join(CLI, 'bin.cjs'));
  if (process.platform === 'win32') {
    fs.writeFileSync(path.join(bin, 'lumive.cmd'), `@node "%~dp0\\${target}" %*\r\n`);
    return;
  }
  fs.rmSync(path.join(bin, 'lumive'), { force: true });
  fs.symlinkSync(target, path.join(bin, 'lumive'));
}

module.exports = { BUNDLE, build, isFresh, newestSource };

if (require.main === module) {
  build();
  link();
  process.stdout.write(`lumive: built ${path.relative(process.cwd(), BUNDLE)}; npx lumive runs it\n`);
}
