/**
 * The Reports and Mapping panels' operations: the scan of the workbook's reports (reports-scan.ts),
 * each sheet's kind and channel as the seller sets them, reports imported from files, and the Mapping
 * sheet planned from the reports.
 */
import { importSources, planMapping, plainSheet, problemOf, sourcesSheet, withAssignment, type CellValue, type Problem, type RawCell, type RawGrid, type SourceAssignment } from '../engine';
import type { WorkbookPort } from '../workbook/port';
import { readWorkbookState, type WorkbookState } from './analyze-workbook';
import { scanReports, type ReportsFound } from './reports-scan';
import { failureText, now, syncSummary, timed, type SessionCore, type SyncSummary, type Timing } from './session-core';

/** The Reports panel's scan of the workbook (reports-scan.ts), when Analyze last ran, and how long it took. */
export interface ReportsScan extends ReportsFound {
  readonly lastRun: string | null;
  readonly timings: readonly Timing[];
  readonly syncs: SyncSummary | null;
}

export interface ImportedFile {
  readonly file: string;
  /** Sheets written (a workbook file may give several), and whether each replaced a sheet of that name. */
  readonly sheets: readonly { readonly name: string; readonly rows: number; readonly replaced: boolean }[];
  /**
   * What the file reader noticed or could not read, and why the file could not be written (file.not-written):
   * problems of the table, said in the pane's language (`sayFileNote`).
   */
  readonly problems: readonly Problem[];
}

export interface MappingResult {
  readonly sheet: string;
  readonly created: boolean;
  readonly added: number;
  readonly suggested: number;
  readonly scan: ReportsScan;
}

export interface ReportsOperations {
  scan(): Promise<ReportsScan>;
  /** Sets (or clears, with an empty value) a sheet's kind and channel; kept in the workbook. */
  assign(source: string, said: SourceAssignment): Promise<ReportsScan>;
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], onProgress?: (file: string, done: number, total: number) => void): Promise<{ files: ImportedFile[]; scan: ReportsScan }>;
  updateMapping(): Promise<MappingResult>;
}

/** Excel's limit on sheet names, and the characters it forbids in them. */
const MAX_SHEET_NAME = 31;

/**
 * A sheet name from a file name: no extension, Excel's forbidden characters replaced, at most `max`
 * characters. A long name keeps its start and its end (where the country or the month usually is)
 * and loses its middle; Excel's reserved name "History" and edge apostrophes are avoided.
 */
export function sheetNameFor(source: string, max = MAX_SHEET_NAME): string {
  const base = source.replace(/\.(txt|tsv|csv|xlsx|xlsm)(?= › |$)/i, '').replace(' › ', ' ');
  let clean = base.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length > max) {
    const head = Math.ceil((max - 1) / 2);
    clean = `${clean.slice(0, head).trim()}…${clean.slice(clean.length - (max - 1 - head)).trim()}`;
  }
  clean = clean.replace(/^['\s]+|['\s]+$/g, '');
  if (!clean) return 'Report';
  return clean.toLowerCase() === 'history' ? 'History report' : clean;
}

/** A file's cell as a sheet value: dates as ISO text (the importer reads them back), blanks as null. */
function cellValue(cell: RawCell): CellValue {
  if (cell === undefined || cell === null) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return cell;
}

export function reportsOperations({ workbook, engine }: SessionCore): ReportsOperations {
  const scanState = async (state: WorkbookState, timings: Timing[], wb: WorkbookPort): Promise<ReportsScan> => {
    const start = now();
    const found = await (engine.scan ?? scanReports)({ inputs: state.inputs, assignments: state.assignments, periodDays: state.settings.periodDays });
    timings.push({ step: 'detect and join', ms: Math.round(now() - start) });
    return { ...found, lastRun: state.lastRun, timings, syncs: syncSummary(wb) };
  };

  const scan = async (): Promise<ReportsScan> => {
    const wb = await workbook();
    const timings: Timing[] = [];
    const state = await timed(timings, 'read workbook', () => readWorkbookState(wb));
    return await scanState(state, timings, wb);
  };

  return {
    scan,

    async assign(source, said) {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const next = withAssignment(state.assignments, source, said);
      await wb.writeSheets([sourcesSheet(next, state.sourcesName)]);
      // Only the choices changed: no need to read the workbook again.
      return await scanState({ ...state, assignments: next }, [], wb);
    },

    async importFiles(files, onProgress) {
      const wb = await workbook();
      // The file readers (exceljs for .xlsx, papaparse) are loaded on first use: they are most of the
      // weight of the pane and only this needs them.
      const { readReportFile } = await import(/* webpackChunkName: "report-reader" */ '../io/read-report-file');
      const state = await readWorkbookState(wb);
      const taken = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s.name]));
      const imported: ImportedFile[] = [];
      // Names given in this import: two files never end up in one sheet.
      const thisImport = new Set<string>();
      for (const [i, file] of files.entries()) {
        onProgress?.(file.name, i, files.length);
        const read = await readReportFile(file.name, file.bytes);
        const written: { name: string; rows: number; replaced: boolean }[] = [];
        const specs = [];
        // A workbook with one sheet of data is named after the file alone; with several, file and sheet.
        const single = read.filter((s) => s.grid.length > 0).length === 1;
        for (const sheet of read) {
          if (sheet.grid.length === 0) continue;
          const source = single ? file.name : sheet.source;
          let name = sheetNameFor(source);
          // A sheet of the same name that is the user's (an earlier import of this report) is replaced;
          // Lumive's own sheets and sheets written by this import are not.
          const clash = (n: string) => state.ours.has(n.toLowerCase()) || thisImport.has(n.toLowerCase());
          for (let n = 2; clash(name); n++) name = `${sheetNameFor(source, MAX_SHEET_NAME - 4)} (${n})`;
          const replaced = taken.has(name.toLowerCase());
          if (replaced) name = taken.get(name.toLowerCase()) as string;
          specs.push(plainSheet(name, sheet.grid.map((row) => row.map(cellValue))));
          written.push({ name, rows: sheet.grid.length, replaced });
          thisImport.add(name.toLowerCase());
        }
        const problems = read.flatMap((s) => s.problems);
        try {
          if (specs.length > 0) await wb.writeSheets(specs);
          for (const w of written) taken.set(w.name.toLowerCase(), w.name);
          imported.push({ file: file.name, sheets: written, problems });
        } catch (error) {
          // One file Excel refused does not lose the others: it is reported with its reason.
          for (const w of written) thisImport.delete(w.name.toLowerCase());
          imported.push({ file: file.name, sheets: [], problems: [...problems, problemOf('file.not-written', { failure: failureText(error) })] });
        }
        onProgress?.(file.name, i + 1, files.length);
      }
      return { files: imported, scan: await scan() };
    },

    async updateMapping() {
      const wb = await workbook();
      const state = await readWorkbookState(wb);
      const result = importSources(state.inputs, { assignments: state.assignments, periodDays: state.settings.periodDays });
      const source = result.sources.find((s) => s.kind === 'mapping')?.source;
      const existing = source ? { name: source, grid: (state.grids.get(source) ?? []) as RawGrid } : null;
      const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
      let name = 'Mapping';
      for (let n = 2; !existing && taken.has(name.toLowerCase()); n++) name = `Mapping ${n}`;
      const plan = planMapping(result, existing, name);
      if (plan.spec) await wb.writeSheets([plan.spec]);
      return { sheet: plan.sheet, created: plan.created, added: plan.added, suggested: plan.suggested, scan: await scan() };
    },
  };
}
