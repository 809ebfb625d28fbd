/**
 * LibreOffice for the tests that open written files in it: its path, and `withLibreOffice`, which runs a
 * test when LibreOffice is installed and skips it (saying so in its name) when not. With
 * LUMIVE_REQUIRE_LIBREOFFICE set (.ci/run sets it) a missing LibreOffice fails instead of skipping.
 */
import * as fs from 'fs';

export const SOFFICE = '/usr/bin/soffice';
const present = fs.existsSync(SOFFICE);
if (!present && process.env.LUMIVE_REQUIRE_LIBREOFFICE) {
  throw new Error(`LibreOffice is required (LUMIVE_REQUIRE_LIBREOFFICE) but ${SOFFICE} is missing: apt-get install -y libreoffice-calc-nogui`);
}
export const withLibreOffice = present ? test : test.skip;
/** Added to a test's name when it is skipped. */
export const skipped = present ? '' : ` (skipped: LibreOffice not installed at ${SOFFICE})`;
