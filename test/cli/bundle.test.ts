/**
 * The compiled command (scripts/cli-bundle.cjs, src/cli/bin.cjs): `lumive` runs one bundle built from
 * the sources, rebuilt when a source is newer, and exceljs loads only for commands that read or write a
 * workbook model.
 * (Its start-up time is measured by `npm run bench -- cli`, not here.)
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = require('../../scripts/cli-bundle.cjs') as { BUNDLE: string; build: () => void; isFresh: () => boolean; newestSource: (dir?: string) => number };
const BIN = path.join(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');

test('the bundle, once built, is fresh, and bin.cjs answers from it', () => {
  bundle.build();
  expect(bundle.isFresh()).toBe(true);
  const r = spawnSync(process.execPath, [BIN, 'eval', '=LUMIVE.DOI(120, 4)'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('30\n');
});

test('exceljs loads only for a workbook: not for eval, nor for a CSV report; for an .xlsx file', async () => {
  bundle.build();
  // Whether a command loaded exceljs: its files in the child's require.cache after the command ran.
  const probe = (args: string[]) => {
    const script = `
      const b = require(${JSON.stringify(bundle.BUNDLE)});
      const sink = { write() { return true; } };
      b.main(${JSON.stringify(args)}, sink, sink).then((code) => {
        const loaded = Object.keys(require.cache).some((f) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(f));
        process.stdout.write(JSON.stringify({ code, exceljs: loaded }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { code: number; exceljs: boolean };
  };
  expect(probe(['eval', '=LUMIVE.EOQ(1200, 50, 2)'])).toEqual({ code: 0, exceljs: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-bundle-'));
  const csv = path.join(dir, 'mapping.csv');
  fs.writeFileSync(csv, 'Master SKU,Amazon KSA SKU\nA1,A1-AMZ\n');
  expect(probe(['inspect', csv])).toEqual({ code: 0, exceljs: false });
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Mapping').addRows([['Master SKU', 'Amazon KSA SKU'], ['A1', 'A1-AMZ']]);
  const xlsx = path.join(dir, 'book.xlsx');
  await book.xlsx.writeFile(xlsx);
  expect(probe(['inspect', xlsx])).toEqual({ code: 0, exceljs: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('newestSource finds the newest file or folder at any depth (a folder changes when a file in it is removed)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-src-'));
  fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  const files = [path.join(dir, 'x.ts'), path.join(dir, 'a', 'y.ts'), path.join(dir, 'a', 'b', 'z.ts')];
  const day = (d: number) => new Date(Date.UTC(2026, 0, d));
  files.forEach((f, i) => {
    fs.writeFileSync(f, '');
    fs.utimesSync(f, day([3, 1, 7][i]), day([3, 1, 7][i]));
  });
  for (const folder of [path.join(dir, 'a', 'b'), path.join(dir, 'a'), dir]) fs.utimesSync(folder, day(2), day(2));
  expect(bundle.newestSource(dir)).toBe(day(7).getTime());
  fs.utimesSync(path.join(dir, 'a'), day(9), day(9));
  expect(bundle.newestSource(dir)).toBe(day(9).getTime());
  fs.rmSync(dir, { recursive: true, force: true });
});
