/**
 * The real report files of ../shared/data/reports (its README says where they come from), beside the
 * checkout on developer machines and in CI but not in a clone made anywhere else. Only the tests under
 * test/reference read them: `npm run test:reference`, which `.ci/run` runs after `npm test`.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPORTS = path.resolve(__dirname, '../../../shared/data/reports');

if (!fs.existsSync(REPORTS)) {
  throw new Error(`the reference tests read the real report files in ../shared/data/reports, and ${REPORTS} is missing`);
}
