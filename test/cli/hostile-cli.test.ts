/**
 * The `lumive` command against hostile files and a hostile environment (the issue's "hostile-file
 * findings", CLI side): ordinary failures are one clear line and never a stack trace (a full disk or a
 * read-only file system while writing, an output path that is a folder, under a file, or not .xlsx,
 * an unknown --kind or --channel, a formula nested 20,000 deep, standard output that cannot be
 * written); the output path is checked before anything is read; a temporary file left by a killed run
 * is removed by the next; control characters from files never reach the terminal; analyze takes
 * --kind, --channel and --decimal-comma and says what it found when there is nothing to analyze; the
 * file reader's notes reach Data Issues with the file's name.
 *
 * Disk failures are injected (jest.spyOn on fs.promises, which the CLI's writer calls), except the full
 * standard output, which is Linux's /dev/full (the tests run on Linux, as the README's Quick start and CI
 * do). Each test works in its own temporary folder.
 */
import { spawn, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../helpers/cli';

const BIN = path.join(__dirname, '..', '..', 'src', 'cli', 'bin.cjs');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-hostile-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);
const write = (name: string, text: string | Uint8Array) => {
  fs.writeFileSync(at(name), text);
  return at(name);
};
const listing = () => fs.readdirSync(dir).sort();

/** noon KSA stock (the channel from the file's name) and the mapping of its two SKUs. */
const STOCK = 'partner_sku,qty,warehouse_code\nNOON-BAG-01,40,RUH01\nNOON-MUG-02,12,RUH01\n';
const MAPPING = 'Master SKU,noon KSA SKU,Cost Price\nBAG-01,NOON-BAG-01,45\nMUG-02,NOON-MUG-02,8.5\n';
function reports(): string[] {
  return [write('noon KSA stock.csv', STOCK), write('Mapping.csv', MAPPING)];
}

/** The error Node throws for a failed file operation. */
const systemError = (code: string, message: string, file: string) =>
  Object.assign(new Error(`${code}: ${message}, open '${file}'`), { code, errno: -1, syscall: 'open', path: file });

/** One line on stderr, without a stack trace. */
function oneLine(err: string): void {
  expect(err).not.toMatch(/^\s+at /m);
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
}

interface Summary {
  sources: { source: string; kind: string | null; channel: string | null; rowsRead: number; rowsUsed: number }[];
  kpis: { stockValue: number };
  fileNotes: { source: string; note: string }[];
}

describe('write failures are a message naming the file, and leave no output behind', () => {
  test('a full disk (ENOSPC) while writing the output', async () => {
    const inputs = reports();
    const real = fs.promises.writeFile;
    // The disk fills up part way through the temporary file.
    const spy = jest.spyOn(fs.promises, 'writeFile').mockImplementation((async (file: fs.PathLike, data: Uint8Array) => {
      await real(file, data.subarray(0, 100));
      throw systemError('ENOSPC', 'no space left on device', String(file));
    }) as typeof real);
    const { code, out, err } = await run('analyze', ...inputs, '-o', at('out.xlsx'));
    expect(spy).toHaveBeenCalled();
    expect(code).not.toBe(0);
    expect(out).toBe('');
    oneLine(err);
    expect(err).toBe(`lumive analyze: cannot write ${at('out.xlsx')}: the disk is full (ENOSPC); nothing was written\n`);
    expect(listing()).toEqual(['Mapping.csv', 'noon KSA stock.csv']);
  });

  test('a read-only file system (EROFS) when the output is renamed into place', async () => {
    const inputs = reports();
    const spy = jest.spyOn(fs.promises, 'rename').mockRejectedValue(systemError('EROFS', 'read-only file system', at('out.xlsx')));
    const { code, err } = await run('analyze', ...inputs, '-o', at('out.xlsx'), '--json');
    expect(spy).toHaveBeenCalled();
    expect(code).not.toBe(0);
    oneLine(err);
    expect(err).toContain(`cannot write ${at('out.xlsx')}: the file system is read-only (EROFS)`);
    // The temporary file written before the rename is removed too.
    expect(listing()).toEqual(['Mapping.csv', 'noon KSA stock.csv']);
  });

  test('the output path is checked before anything is read: a folder, a file used as a folder, not .xlsx', async () => {
    const inputs = reports();
    write('existing.txt', 'not a folder');
    fs.mkdirSync(at('reports'));
    const read = jest.spyOn(fs.promises, 'readFile');
    const cases: [string, string][] = [
      [at('reports'), `lumive analyze: ${at('reports')} is a folder: give the output workbook's file name, e.g. ${path.join(at('reports'), 'lumive.xlsx')}\n`],
      [path.join(at('existing.txt'), 'out.xlsx'), `lumive analyze: cannot write ${path.join(at('existing.txt'), 'out.xlsx')}: ${at('existing.txt')} is a file, not a folder\n`],
      [path.join(at('existing.txt'), 'sub', 'out.xlsx'), `lumive analyze: cannot write ${path.join(at('existing.txt'), 'sub', 'out.xlsx')}: ${at('existing.txt')} is a file, not a folder\n`],
      [at('out.csv'), `lumive analyze: the output is an Excel workbook and its name must end in .xlsx (${at('out.csv')} does not): use e.g. ${at('out.xlsx')}\n`],
    ];
    for (const [output, message] of cases) {
      const r = await run('analyze', ...inputs, '-o', output);
      expect(r.code).toBe(2);
      expect(r.err).toBe(message);
    }
    expect(read).not.toHaveBeenCalled();
    expect((await run('demo', '-o', at('demo.csv'))).err).toMatch(/^lumive demo: the output is an Excel workbook and its name must end in \.xlsx/);
    expect(listing()).toEqual(['Mapping.csv', 'existing.txt', 'noon KSA stock.csv', 'reports']);
    expect(fs.readdirSync(at('reports'))).toEqual([]);
  });

  test('an input that is not a readable workbook is a message', async () => {
    write('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const { code, err } = await run('analyze', at('broken.xlsx'), '-o', at('out.xlsx'));
    expect(code).toBe(2);
    oneLine(err);
    // The reader's own words (src/workbook/xlsx/read-worksheet.ts) say what is wrong with the file.
    expect(err).toContain(`cannot read ${at('broken.xlsx')}: broken.xlsx is not a readable Excel workbook (the file is damaged or cut short)`);
  });

  test('a temporary file left by a killed run is removed by the next run; nothing else is touched', async () => {
    const inputs = reports();
    // ".<output>.<pid>.tmp": a process that is gone, one still running (this test's parent) and other names.
    const dead = '.out.xlsx.2147483646.tmp';
    const running = `.out.xlsx.${process.ppid}.tmp`;
    const others = ['.other.xlsx.2147483646.tmp', '.out.xlsx.abc.tmp', 'out.xlsx.2147483646.tmp', 'notes.tmp'];
    for (const name of [dead, running, ...others]) write(name, 'half a workbook');
    const { code, err } = await run('analyze', ...inputs, '-o', at('out.xlsx'));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(listing()).toEqual([...inputs.map((f) => path.basename(f)), 'out.xlsx', running, ...others].sort());
  });
});

describe('usage errors are messages', () => {
  test('--kind with an unknown kind says so and lists the kinds (inspect and analyze)', async () => {
    const [stock] = reports();
    for (const command of ['inspect', 'analyze']) {
      const r = await run(command, stock, ...(command === 'analyze' ? ['-o', at('out.xlsx')] : []), '--kind', 'noon KSA stock.csv=bogus');
      expect(r.code).toBe(2);
      oneLine(r.err);
      expect(r.err).toMatch(new RegExp(`^lumive ${command}: unknown report kind "bogus" in --kind\\. The kinds are: amazon-inventory, `));
      for (const kind of ['amazon-business-report', 'noon-stock', 'noon-sales', 'mapping', 'warehouse-stock']) expect(r.err).toContain(kind);
    }
  });

  test('--channel with an unknown channel lists the channels; SOURCE must be one of the sources', async () => {
    const [stock] = reports();
    const mars = await run('inspect', stock, '--channel', 'noon KSA stock.csv=mars');
    expect(mars.code).toBe(2);
    expect(mars.err).toBe('lumive inspect: unknown channel "mars" in --channel. The channels are: amazon-ksa, amazon-uae, noon-ksa, noon-uae\n');
    const typo = await run('analyze', stock, '-o', at('out.xlsx'), '--channel', 'noon KSA stok.csv=noon-ksa');
    expect(typo.code).toBe(2);
    expect(typo.err).toBe('lumive analyze: --channel names "noon KSA stok.csv", which is not one of the sources read (noon KSA stock.csv)\n');
    const shape = await run('analyze', stock, '-o', at('out.xlsx'), '--kind', 'noon-stock');
    expect(shape.code).toBe(2);
    expect(shape.err).toMatch(/--kind takes SOURCE=KIND/);
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  test('eval: 20,000 nested parentheses are "too deeply nested", not a stack overflow', async () => {
    const { code, out, err } = await run('eval', `=${'('.repeat(20_000)}1${')'.repeat(20_000)}`);
    expect(code).toBe(2);
    expect(out).toBe('');
    oneLine(err);
    expect(err).toMatch(/^lumive eval: the formula is too deeply nested/);
    expect((await run('eval', `=${'-'.repeat(20_000)}1`)).err).toMatch(/too deeply nested/);
  });
});

describe('standard output that cannot be written (the real command)', () => {
  const inspectable = () => write('noon KSA stock.csv', STOCK);

  test('a full disk: one line, exit 1 (Linux /dev/full, where every write fails with ENOSPC)', () => {
    const file = inspectable();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'inspect', file, '--json'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('lumive: cannot write the output: the disk is full (ENOSPC)\n');
    } finally {
      fs.closeSync(full);
    }
  }, 60_000);

  test('a reader that stops early (| head): the command ends quietly', async () => {
    const file = inspectable();
    const child = spawn(process.execPath, [BIN, 'inspect', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the command has written anything: its first write meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('control characters from files never reach the terminal', () => {
  /** A noon stock file with terminal sequences in a SKU, a title and two quantities (ESC, BEL, C1 CSI). */
  function hostileStock(): string {
    const rows = [
      'partner_sku,title,qty,warehouse_code',
      '\x1b]0;pwned\x07,\x1b[31mRed,\x1b[31m5,RUH01',
      'NOON-C1,Title\u009b2J,\u009b7,RUH01',
      ...Array.from({ length: 60 }, (_, i) => `NOON-${i},A plain product title ${i},${i},RUH01`),
    ];
    return write('noon KSA stock.csv', `${rows.join('\n')}\n`);
  }
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  test('inspect shows them as escapes, in text', async () => {
    const { code, out, err } = await run('inspect', hostileStock());
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\x07');
    expect(out).not.toMatch(controls);
    expect(out).toContain('value "\\u001b]0;pwned\\u0007"');
    expect(out).toContain('"\\u001b[31m5" is not a number');
    expect(out).toContain('"\\u009b7" is not a number');
  });

  test('inspect --json stays valid JSON with the values as they were', async () => {
    const { code, out } = await run('inspect', hostileStock(), '--json');
    expect(code).toBe(0);
    // JSON.stringify escapes C0 but not DEL or C1: those are escaped on the way out, the JSON still valid.
    expect(out).not.toMatch(controls);
    const [source] = JSON.parse(out) as { issues: { value: string | null }[] }[];
    const values = source.issues.map((i) => i.value);
    expect(values).toEqual(expect.arrayContaining(['\x1b]0;pwned\x07', '\x1b[31m5', '\u009b7']));
  });

  test('a file name holding a terminal sequence is printed escaped (a name Linux allows)', async () => {
    const name = 'evil\x1b]0;pwned\x07.csv';
    write(name, 'partner_sku,qty,warehouse_code\n');
    const inspect = await run('inspect', at(name));
    expect(inspect.out).not.toMatch(controls);
    expect(inspect.out).toContain('evil\\u001b]0;pwned\\u0007.csv');
    const analyze = await run('analyze', at(name), '-o', at('out.xlsx'));
    expect(analyze.code).toBe(1);
    expect(analyze.err).not.toMatch(controls);
    expect(analyze.err).toContain('evil\\u001b]0;pwned\\u0007.csv');
  });
});

describe('analyze has the options its messages point to', () => {
  test('--channel SOURCE=CHANNEL: a report without a country is used on that channel', async () => {
    const stock = write('stock.csv', STOCK);
    const mapping = write('Mapping.csv', MAPPING);
    const without = await run('analyze', stock, mapping, '-o', at('out.xlsx'));
    expect(without.code).toBe(1);
    expect(without.err).toContain('stock.csv (noon FBN inventory): none of its 2 rows could be used (Channel unknown: ');
    expect(without.err).toContain('say which channel with --channel "stock.csv=CHANNEL" (amazon-ksa, amazon-uae, noon-ksa, noon-uae)');
    // SOURCE as the file's name, or as its path on the command line.
    for (const source of ['stock.csv', stock]) {
      const r = await run('analyze', stock, mapping, '-o', at('out.xlsx'), '--channel', `${source}=noon-ksa`, '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as Summary).sources.find((s) => s.source === 'stock.csv')).toMatchObject({ channel: 'noon-ksa', rowsRead: 2, rowsUsed: 2 });
    }
  });

  test('--kind SOURCE=KIND: a report detection is unsure of is read as that kind', async () => {
    const stock = write('noon KSA stock.csv', 'sku,qty\nNOON-BAG-01,40\n');
    const mapping = write('Mapping.csv', MAPPING);
    const without = await run('analyze', stock, mapping, '-o', at('out.xlsx'));
    expect(without.code).toBe(1);
    expect(without.err).toContain('noon KSA stock.csv: not recognized as an Amazon or noon report (say what it is with --kind "noon KSA stock.csv=KIND"');
    const r = await run('analyze', stock, mapping, '-o', at('out.xlsx'), '--kind', 'noon KSA stock.csv=noon-stock', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Summary).sources[0]).toMatchObject({ source: 'noon KSA stock.csv', kind: 'noon-stock', channel: 'noon-ksa', rowsUsed: 1 });
  });

  test('--decimal-comma reads "12,50" as 12.5', async () => {
    const stock = write('noon KSA stock.csv', STOCK);
    const mapping = write('Mapping.csv', 'Master SKU,noon KSA SKU,Cost Price\nBAG-01,NOON-BAG-01,"12,50"\nMUG-02,NOON-MUG-02,"2,00"\n');
    const plain = JSON.parse((await run('analyze', stock, mapping, '-o', at('a.xlsx'), '--json')).out) as Summary;
    expect(plain.kpis.stockValue).toBe(0);
    const comma = JSON.parse((await run('analyze', stock, mapping, '-o', at('b.xlsx'), '--json', '--decimal-comma')).out) as Summary;
    // 40 × 12.50 + 12 × 2.00
    expect(comma.kpis.stockValue).toBe(524);
    expect((await run('help')).out).toMatch(/--kind SOURCE=KIND\] \[--channel SOURCE=CHANNEL\] \[--decimal-comma\]/);
  });

  test('a report with a header and no rows: the message says so, not "check the Mapping"', async () => {
    const stock = write('noon KSA stock.csv', 'partner_sku,qty,warehouse_code\n');
    const mapping = write('Mapping.csv', MAPPING);
    const { code, out, err } = await run('analyze', stock, mapping, '-o', at('out.xlsx'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).not.toMatch(/^\s+at /m);
    expect(err).toMatch(/^lumive: Nothing to analyze: no report gave a row to analyze\./);
    expect(err).toContain('  noon KSA stock.csv (noon FBN inventory) has a header and no rows\n');
    expect(err).toContain('  Mapping.csv (SKU mapping): 2 rows\n');
    expect(err).not.toMatch(/Mapping sheet/);
    expect(listing()).toEqual(['Mapping.csv', 'noon KSA stock.csv']);
  });
});

describe("the file reader's notes reach Data Issues", () => {
  test('a Windows-1256 CSV and a truncated workbook are listed with their file names', async () => {
    const inputs = reports();
    // "أحمر" as Arabic Excel saves it (Windows-1256), not UTF-8.
    const arabic = write('arabic.csv', new Uint8Array([...Buffer.from('sku,title\nA1,', 'ascii'), 0xc3, 0xcd, 0xe3, 0xd1, 0x0a]));
    const truncated = write('truncated.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]));
    const { code, out, err } = await run('analyze', ...inputs, arabic, truncated, '-o', at('out.xlsx'), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('out.xlsx'));
    const rows: string[][] = [];
    wb.getWorksheet('Data Issues')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const header = rows.findIndex((r) => r[0] === 'Sheet');
    const issues = rows.slice(header + 1).map((r) => Object.fromEntries(rows[header].map((h, i) => [h, r[i] ?? ''])));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Sheet: 'arabic.csv', Issue: expect.stringMatching(/^Decoded as Windows-1256 \(Arabic\): the file is not UTF-8/), Effect: 'Note' }),
        expect.objectContaining({ Sheet: 'truncated.xlsx', Issue: expect.stringMatching(/^Not a valid \.xlsx file/), Effect: 'Sheet not used' }),
      ]),
    );
    // Listed before the importer's own issues.
    expect(issues[0]).toMatchObject({ Sheet: 'arabic.csv' });
    // The summary says so too.
    expect((JSON.parse(out) as Summary).fileNotes).toEqual([
      { source: 'arabic.csv', note: expect.stringMatching(/^decoded as Windows-1256/) },
      { source: 'truncated.xlsx', note: expect.stringMatching(/^not a valid \.xlsx file/) },
    ]);

    const text = await run('analyze', ...inputs, arabic, '-o', at('out2.xlsx'));
    expect(text.out).toContain('Notes on the files read (also in Data Issues):\n  arabic.csv: decoded as Windows-1256 (Arabic)');
  });
});
