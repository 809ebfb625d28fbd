/**
 * The compiled command (src/cli/bundle.cjs, bin.cjs): `lumive` runs one bundle built from the sources,
 * rebuilt when a source is newer, and `lumive eval` starts without the modules that read files.
 * (Its start-up time is measured by `npm run bench -- cli`, not here.)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require('../../src/cli/bundle.cjs') as { BUNDLE: string; build: () => void; isFresh: () => boolean; newestSource: (dir?: string) => number };
const BIN = path.join(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');

test('the bundle, once built, is fresh, and bin.cjs answers from it', () => {
  bundle.build();
  expect(bundle.isFresh()).toBe(true);
  const r = spawnSync(process.execPath, [BIN, 'eval', '=LUMIVE.DOI(120, 4)'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('30\n');
});

test('eval does not load exceljs; inspect does', () => {
  bundle.build();
  // Which packages and modules a command loaded: node_modules files in require.cache, and the bundle's
  // lazily started modules (esbuild names each module's start function after its path).
  const probe = (args: string[]) => {
    const script = `
      const b = require(${JSON.stringify(bundle.BUNDLE)});
      const sink = { write() { return true; } };
      b.main(${JSON.stringify(args)}, sink, sink).then((code) => {
        const packages = Object.keys(require.cache).filter((f) => f.includes('node_modules') && !f.includes('.cache'));
        process.stdout.write(JSON.stringify({ code, exceljs: packages.some((f) => /[\\\\/]exceljs[\\\\/]/.test(f)) }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { code: number; exceljs: boolean };
  };
  expect(probe(['eval', '=LUMIVE.EOQ(1200, 50, 2)'])).toEqual({ code: 0, exceljs: false });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-bundle-')), 'book.xlsx');
  fs.writeFileSync(file, 'not a workbook');
  // inspect reads files: the report reader and exceljs load (the file itself is reported, not read).
  expect(probe(['inspect', file]).exceljs).toBe(true);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

test('newestSource finds the newest file at any depth', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-src-'));
  fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  const files = [path.join(dir, 'x.ts'), path.join(dir, 'a', 'y.ts'), path.join(dir, 'a', 'b', 'z.ts')];
  files.forEach((f, i) => {
    fs.writeFileSync(f, '');
    const t = new Date(Date.UTC(2026, 0, 1 + [3, 1, 7][i]));
    fs.utimesSync(f, t, t);
  });
  expect(bundle.newestSource(dir)).toBe(Date.UTC(2026, 0, 8));
  fs.rmSync(dir, { recursive: true, force: true });
});
