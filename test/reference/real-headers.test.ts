/**
 * The headers typed into test/fixtures/real-headers.ts (so that `npm test` needs no ../shared) are the
 * first lines of the files they name, exactly: no typo, no column left out, the same order.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REAL_HEADERS } from '../fixtures/real-headers';
import { REPORTS } from './reports-dir';

describe('headers typed from ../shared/data/reports', () => {
  it.each(REAL_HEADERS.map((h) => [h.file, h] as const))('%s', (file, { separator, header }) => {
    const first = fs.readFileSync(path.join(REPORTS, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(first.split(separator)).toEqual(header);
  });
});
