/**
 * Errors from Excel, in words a seller can act on. office-js rejects `context.sync()` with an error
 * whose `code` says what happened (ItemAlreadyExists, AccessDenied, …); the adapter wraps it in an
 * ExcelHostError that says which sheet, what to do next and, for writes, what state the workbook is in.
 */
import type { XlError } from './office-api';

/**
 * `unchanged`: nothing in the workbook was changed (the previous outputs are intact).
 * `partial`: the final swap failed part-way; some output sheets may be the new ones, some the old.
 */
export type WriteOutcome = 'unchanged' | 'partial';

export class ExcelHostError extends Error {
  constructor(
    message: string,
    /** Excel's error code when Excel raised it, e.g. "AccessDenied". */
    readonly code: string | undefined,
    readonly outcome: WriteOutcome | undefined,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ExcelHostError';
  }
}

export const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function errorCode(error: unknown): string | undefined {
  const code = (error as XlError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isPayloadError = (error: unknown): boolean => PAYLOAD_CODES.has(errorCode(error) ?? '');

/** The plain-words reason for an Excel error code. */
export function reason(error: unknown, sheet?: string): string {
  const code = errorCode(error);
  const where = sheet ? ` "${sheet}"` : '';
  switch (code) {
    case 'AccessDenied':
      return `Excel refused the change to${where || ' the workbook'}: a sheet or the workbook structure is protected. Unprotect it (Review › Unprotect Sheet / Protect Workbook), then run Analyze again.`;
    case 'ItemAlreadyExists':
      return `A sheet or table with the name${where} already exists. Rename or delete yours, then run Analyze again.`;
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'Excel rejected a request as too large (Excel on the web accepts at most 5 MB per request). This is a fault in Lumive; please report it with the workbook size.';
    case 'InvalidOperationInCellEditMode':
      return 'Excel is in cell edit mode: press Enter or Esc to leave the cell you are editing, then run Analyze again.';
    case 'ItemNotFound':
      return `A sheet${where} was deleted or renamed while Lumive was working (perhaps by a colleague). Run Analyze again.`;
    case 'InsertDeleteConflict':
    case 'Conflict':
      return 'A colleague changed the workbook at the same moment. Run Analyze again.';
    default: {
      const message = (error as XlError | null)?.message ?? String(error);
      return `Excel reported an error${code ? ` (${code})` : ''}: ${message}`;
    }
  }
}

/** A cancel (AbortSignal.throwIfAborted / AbortController.abort): passed through, never reworded. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
