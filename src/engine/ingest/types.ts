/**
 * Shapes shared by the report importer (docs/REPORTS.md). Input is a 2-D array of cells, the shape Excel's
 * `Range.values` gives or a file reader produces; output is typed rows, the positions they join into,
 * and an issue for every cell or row that could not be used.
 */
import { say, severityOf, type MessageLang, type Problem, type ProblemArgs, type ProblemCode, type Severity } from '../problems';

/** One cell as a host gives it. Excel gives string | number | boolean ("" for blank); xlsx files may give Date. */
export type RawCell = string | number | boolean | Date | null | undefined;
export type RawGrid = readonly (readonly RawCell[])[];

/** A sheet or a file to import: its name (sheet name, or file name) and its cells. */
export interface SourceGrid {
  readonly source: string;
  readonly grid: RawGrid;
  /**
   * The same rows as `grid`, made one at a time when asked for (a large delimited file, line-grid.ts):
   * the importer reads these when present, so that the rows of a file never all exist at once.
   */
  readonly rows?: RowSource;
}

/** Rows of cells by index, each made when asked for; a grid of arrays is one (gridRows). */
export interface RowSource {
  readonly length: number;
  /** Row r (0-based); an empty row past the last. */
  row(r: number): readonly RawCell[];
  /** The cell at row r and column c (0-based), without making the whole row; undefined past the row's end. */
  cell(r: number, c: number): RawCell;
}

const NO_CELLS: readonly RawCell[] = [];

/** A grid of arrays as rows by index. */
export function gridRows(grid: RawGrid): RowSource {
  return {
    length: grid.length,
    row: (r) => grid[r] ?? NO_CELLS,
    cell: (r, c) => grid[r]?.[c],
  };
}

/**
 * Something the importer could not use, with where it is and why. Row numbers are 1-based as the
 * user sees them in the sheet or file; `row` is null for an issue about the whole source.
 * `dropped`: the row was not used (a required value was unreadable); otherwise only the cell was ignored.
 */
export interface ImportIssue extends IssuePlace {
  /** The problem's code in the one table (problems/index.ts); branch on this, never on `reason`. */
  readonly code: ProblemCode;
  /** The values the code's message names, to say it in another language (`say`). */
  readonly args: ProblemArgs;
  readonly severity: Severity;
  /** The message in English, made from the table: what Data Issues and the CLI show. */
  readonly reason: string;
  readonly dropped: boolean;
}

/** Where an issue is: the sheet or file, the 1-based row and the column (null for the whole), the raw value. */
export interface IssuePlace {
  readonly source: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
}

/** The issue for a problem found at a place; `dropped` when the row (or, with no row, the sheet) was not used. */
export function issueAt(place: IssuePlace, problem: Problem, dropped: boolean): ImportIssue {
  return {
    source: place.source,
    row: place.row,
    column: place.column,
    value: place.value,
    code: problem.code as ProblemCode,
    args: problem.args,
    severity: severityOf(problem, dropped),
    reason: say(problem),
    dropped,
  };
}

/** The same issue once its row is left out (a cell issue of a row another cell made unusable): an error. */
export function asDropped(issue: ImportIssue): ImportIssue {
  return issue.dropped ? issue : { ...issue, dropped: true, severity: severityOf(issue, true) };
}

/** The issue's message in the language asked for: the pane says it in Arabic from its code and values. */
export function sayIssue(issue: ImportIssue, lang: MessageLang = 'en'): string {
  return say({ code: issue.code, args: issue.args }, lang);
}

/** A value that could not be read, and why (the readers in values/ return these instead of throwing). */
export class ValueProblem {
  constructor(readonly problem: Problem) {}

  /** The problem in English. */
  get reason(): string {
    return say(this.problem);
  }
}

export function isValueProblem(x: unknown): x is ValueProblem {
  return typeof x === 'object' && x instanceof ValueProblem;
}

/** Order of day and month in a column of slash dates, decided from all its values. */
export type DateOrder = 'DMY' | 'MDY';
