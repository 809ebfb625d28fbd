/**
 * What the report-file reader (read-report-file.ts) gives for a file, or for each sheet of a workbook:
 * a grid of raw cells for the importer, with how the file was read and what was noticed on the way.
 */
import type { Problem, SourceGrid } from '../engine';

export interface FileSheet extends SourceGrid {
  readonly format: 'csv' | 'tsv' | 'txt' | 'xlsx';
  /** The field delimiter of a delimited text file (tab, comma, semicolon or pipe). */
  readonly delimiter?: string;
  /**
   * How a text file was decoded. A file that is not UTF-8 (nor UTF-16) is read as Windows-1252 (Western
   * European: Amazon's fee preview, reimbursements, restock) or Windows-1256 (a CSV saved by Arabic
   * Excel), whichever its bytes read as, and `problems` says so (file.single-byte).
   */
  readonly encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1256';
  /**
   * Anything the reader noticed and repaired, or could not read: problems of the table (problems/files.ts),
   * said after the file's name with `sayFileNote`, and capitalised in Data Issues.
   */
  readonly problems: readonly Problem[];
}

export type Format = FileSheet['format'];
