/**
 * Manual page breaks as another spreadsheet program prints them: LibreOffice, headless, prints one
 * small sheet (a header row and 15 lines, fitted to one page wide, the header repeated) to PDF. With
 * breaks above rows 4, 8 and 12 it is four pages, as written by the streamed writer and through
 * exceljs; without them, one. Pages are counted as `/Type /Page` objects (not `/Pages`) in the PDF.
 *
 * Skipped when LibreOffice is not installed at /usr/bin/soffice, unless LUMIVE_REQUIRE_LIBREOFFICE is set (.ci/run). The run uses a private LibreOffice
 * profile, so parallel runs do not clash.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CellValue, SheetSpec } from '../../src/engine/sheets/spec';
import { sheetSpec } from '../../src/engine/sheets/table';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { SOFFICE, skipped, withLibreOffice } from '../helpers/libreoffice';


const ROWS: CellValue[][] = [['PO', 'SKU', 'Qty'], ...Array.from({ length: 15 }, (_, i) => [`PO-${Math.floor(i / 4) + 1}`, `SKU-${i + 1}`, i + 1])];

async function xlsx(print: SheetSpec['print'], stream: boolean): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty({ stream });
  await book.writeSheets([sheetSpec('Purchase Orders', ROWS, { print })]);
  return book.toBuffer();
}

/** Page objects in a PDF: `/Type /Page`, not the `/Type /Pages` tree nodes. */
const pages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;

describe('LibreOffice', () => {
  withLibreOffice(
    `prints a sheet with three page breaks on four pages, and without them on one${skipped}`,
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumive-breaks-'));
      const profile = path.join(os.tmpdir(), `lumive-breaks-profile-${process.pid}`);
      try {
        const files = {
          streamed: await xlsx({ landscape: false, repeatRows: 1, rowBreaks: [4, 8, 12] }, true),
          rendered: await xlsx({ landscape: false, repeatRows: 1, rowBreaks: [4, 8, 12] }, false),
          plain: await xlsx({ landscape: false, repeatRows: 1 }, true),
        };
        const paths = Object.entries(files).map(([name, bytes]) => {
          const file = path.join(dir, `${name}.xlsx`);
          fs.writeFileSync(file, bytes);
          return file;
        });
        execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...paths], {
          timeout: 120_000,
          stdio: 'pipe',
        });
        const counted = Object.keys(files).map((name) => [name, pages(fs.readFileSync(path.join(dir, `${name}.pdf`)))]);
        expect(counted).toEqual([
          ['streamed', 4],
          ['rendered', 4],
          ['plain', 1],
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
