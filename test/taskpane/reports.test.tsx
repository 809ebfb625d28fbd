/**
 * @jest-environment jsdom
 *
 * The Reports panel in the pane's language: the import summary's notes on each file (what the file
 * reader noticed or could not read) and each report card's issues are said from their codes, in Arabic
 * when the pane is in Arabic and, in English, as the reader and Data Issues word them.
 */
import '../helpers/jsdom-fluent';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { TextDecoder } from 'util';
import { sessionOver } from '../../src/app/session';
import { demoInputSpecs } from '../../src/demo/sample-workbook';
import { issueAt, problemOf } from '../../src/engine';
import { App } from '../../src/taskpane/components/App';
import { makePane, PaneProvider } from '../../src/taskpane/components/context';
import { ReportsPanel } from '../../src/taskpane/components/ReportsPanel';
import { STRINGS, translator } from '../../src/taskpane/i18n';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { fbnRow, NOON_FBN_INVENTORY_HEADER } from '../fixtures/marketplace-reports';

jest.setTimeout(120_000);

// What jsdom lacks and the pane's file import uses: a file's bytes and the text decoder (the reader's).
const g = globalThis as unknown as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
File.prototype.arrayBuffer ??= function (this: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
};

const en = STRINGS.en;
const ar = STRINGS.ar;

/** The files a seller imports: a noon stock export, a CSV from Arabic Excel, an empty file. */
function files(): File[] {
  const stock = [NOON_FBN_INVENTORY_HEADER, fbnRow('RUH-1', 3, 'saleable', 'NSKU-1', 'N123')].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n');
  // "أحمر" as Arabic Excel saves it (Windows-1256), not UTF-8.
  const arabic = new Uint8Array([...[...'sku,title\nA1,'].map((c) => c.charCodeAt(0)), 0xc3, 0xcd, 0xe3, 0xd1, 0x0a]);
  return [new File([stock], 'noon KSA FBN stock.csv'), new File([arabic], 'arabic.csv'), new File([], 'empty.csv')];
}

async function importInto(lang: 'en' | 'ar') {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheets(demoInputSpecs());
  render(<App session={sessionOver(() => workbook, false)} host={null} initialLang={lang} debug={false} />);
  const t = translator(lang);
  await screen.findByText(t('sheetsSummary', { reports: 13, recognized: 13 }));
  fireEvent.change(screen.getByTestId('import-input'), { target: { files: files() } });
  await screen.findByText(t('imported', { files: 3, sheets: 2 }));
  return t;
}

/** The import summary's line of notes on one file. */
function notesOn(t: ReturnType<typeof translator>, file: string): string {
  const label = screen.getByText(t('importProblems', { file }), { exact: false });
  return label.textContent ?? '';
}

describe('the Reports panel says problems in the pane language', () => {
  it('in Arabic: the notes on each imported file', async () => {
    const t = await importInto('ar');
    expect(notesOn(t, 'empty.csv')).toBe(`${t('importProblems', { file: 'empty.csv' })} الملف فارغ`);
    expect(notesOn(t, 'arabic.csv')).toBe(
      `${t('importProblems', { file: 'arabic.csv' })} قُرئ بترميز Windows-1256 (العربية): الملف ليس بترميز UTF-8؛ إن بدت بعض الأحرف خاطئة فاحفظه مجددًا من Excel بصيغة "CSV UTF-8"`,
    );
    // A file read without a note has none listed.
    expect(screen.queryByText(t('importProblems', { file: 'noon KSA FBN stock.csv' }), { exact: false })).toBeNull();
    expect(ar.importProblems).toBe('ملاحظات على «{file}»:');
  });

  it('in English: the notes as the reader words them after the file name', async () => {
    const t = await importInto('en');
    expect(notesOn(t, 'empty.csv')).toBe('Notes on “empty.csv”: the file is empty');
    expect(notesOn(t, 'arabic.csv')).toBe('Notes on “arabic.csv”: decoded as Windows-1256 (Arabic): the file is not UTF-8; if some characters look wrong, save it again from Excel as "CSV UTF-8"');
    expect(en.importProblems).toBe('Notes on “{file}”:');
  });

  it.each([
    ['ar', 'الصف 4: available: كمية مخزون سالبة (-3): حُسبت 0'],
    ['en', 'row 4: available: Negative stock quantity -3 counted as 0'],
  ] as const)('a report card says its issues from their codes (%s)', async (lang, said) => {
    const workbook = new MemoryWorkbook();
    await workbook.writeSheets(demoInputSpecs());
    const session = sessionOver(() => workbook, false);
    const found = await session.scan();
    const source = found.reports[0].source;
    const negative = issueAt({ source, row: 4, column: 'available', value: '-3' }, problemOf('stock.negative', { what: 'stock', n: -3 }), false);
    const scan = { ...found, reports: found.reports.map((r, i) => (i === 0 ? { ...r, issues: [negative], issueCount: 1 } : r)) };
    render(
      <PaneProvider value={makePane(lang, session, false)}>
        <ReportsPanel scan={scan} onScan={() => undefined} />
      </PaneProvider>,
    );
    const card = screen.getByRole('group', { name: source });
    const items = within(card).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([said]);
  });
});
