// Browser preview support for the custom functions bundle.
//
// Inside Excel (shared runtime) Office.js defines the global `CustomFunctions` before any bundle runs,
// and this module does nothing. In a plain browser (the task pane's browser preview, Chromium tests)
// there is no `CustomFunctions`, yet the build appends `CustomFunctions.associate("ID", fn)` calls to
// functions.ts and the functions throw `new CustomFunctions.Error(...)`. This module defines a minimal
// stand-in with the same shape so the bundle runs, and records the associations for inspection.
// It must be imported before ./functions (see ./entry.ts).

/** Functions registered through the preview stand-in, by id as passed to associate(). Empty inside Excel. */
export const previewAssociations = new Map<string, (...args: never[]) => unknown>();

/** Same values as Office's CustomFunctions.ErrorCode. */
export const PreviewErrorCode = Object.freeze({
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const);

export type PreviewErrorCodeValue = (typeof PreviewErrorCode)[keyof typeof PreviewErrorCode];

/** Same shape as Office's CustomFunctions.Error: `code` plus an optional `message`. */
export class PreviewCustomFunctionError extends Error {
  readonly code: PreviewErrorCodeValue;

  constructor(code: PreviewErrorCodeValue, message?: string) {
    super(message);
    this.name = 'CustomFunctions.Error';
    this.code = code;
  }
}

type AnyFunction = (...args: never[]) => unknown;

function associate(idOrMappings: string | Record<string, AnyFunction>, fn?: AnyFunction): void {
  if (typeof idOrMappings === 'string') {
    if (typeof fn !== 'function') throw new TypeError(`CustomFunctions.associate("${idOrMappings}"): not a function`);
    previewAssociations.set(idOrMappings, fn);
    return;
  }
  for (const [id, mapped] of Object.entries(idOrMappings)) associate(id, mapped);
}

/** True when this module installed the stand-in (a browser outside Excel). */
export const isBrowserPreview: boolean = typeof CustomFunctions === 'undefined';

if (isBrowserPreview) {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = Object.freeze({
    associate,
    Error: PreviewCustomFunctionError,
    ErrorCode: PreviewErrorCode,
    // The preview's own addition: the functions by id, so the page (and its tests) can call a formula
    // as Excel would. Excel's CustomFunctions has no such member.
    functions: previewAssociations,
  });
}
