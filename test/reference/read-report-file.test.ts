/**
 * The file reader (src/io/read-report-file.ts) on the real report files of ../shared/data/reports.
 * Its tests on bytes of our own are test/io/read-report-file.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readReportFile, type FileSheet } from '../../src/io/read-report-file';
import { REPORTS } from './reports-dir';

async function readOne(fileName: string, bytes: Uint8Array): Promise<FileSheet> {
  const sheets = await readReportFile(fileName, bytes);
  expect(sheets).toHaveLength(1);
  return sheets[0];
}

function listReports(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listReports(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

describe('reference report files', () => {
  const files = listReports(REPORTS);

  it('finds the reference files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [path.relative(REPORTS, f), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const text = new TextDecoder().decode(bytes);
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    const expectedDelimiter = file.endsWith('.tsv') ? '\t' : ',';

    const sheet = await readOne(path.basename(file), bytes);
    expect(sheet.source).toBe(path.basename(file));
    expect(sheet.format).toBe(file.endsWith('.tsv') ? 'tsv' : 'csv');
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.delimiter).toBe(expectedDelimiter);
    expect(sheet.grid[0]).toEqual(lines[0].split(expectedDelimiter));
    expect(sheet.grid).toHaveLength(lines.length);
    expect(sheet.problems).toEqual([]);
  });

  it('reads the quoted, formatted values of the Business Report sample', async () => {
    const file = path.join(REPORTS, 'amazon/business-report-by-child-item.sample.csv');
    const sheet = await readOne('business-report.csv', new Uint8Array(fs.readFileSync(file)));
    const [header, row] = sheet.grid;
    const value = (name: string) => row[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(value('Title')).toBe('BasicGear Cast Net, Zinc Iron, 3ft Radius, 3/8 in Mesh, for Bait Fish');
    expect(value('Sessions - Total')).toBe('12,131');
    expect(value('Ordered Product Sales')).toBe('$12,905.25');
    expect(value('Session Percentage - Total')).toBe('12.02%');
  });

  it('reads the noon sales export with its empty trailing fields', async () => {
    const file = path.join(REPORTS, 'noon/sales-export.sample.csv');
    const sheet = await readOne('noon.csv', new Uint8Array(fs.readFileSync(file)));
    expect(sheet.grid).toHaveLength(3);
    for (const row of sheet.grid) expect(row).toHaveLength(sheet.grid[0].length);
    expect(sheet.grid[1][sheet.grid[0].indexOf('item_nr')]).toBe('NSAI50094671190-1');
    expect(sheet.grid[1][sheet.grid[0].indexOf('delivered_timestamp')]).toBe('');
  });
});

