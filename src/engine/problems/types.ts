/**
 * The shapes of the problem vocabulary (docs/ARCHITECTURE.md): a problem is a code from one closed table
 * and the values its message names; its text, in English or Arabic, is made from the table, never
 * written where the problem is found. Code never branches on a message's text, only on its code.
 */

/**
 * How bad a problem is. `error`: data was left out (a row, a sheet, a file); `warning`: the data was used
 * with a change the seller should check (a value counted as 0, a default used); `info`: a note that
 * changes nothing the seller must act on.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The languages messages are written in: English (the workbook's) and Arabic (the pane's other). */
export type MessageLang = 'en' | 'ar';

/** A value a message names: text, a figure, a list, or other problems (said in the same language). */
export type ArgValue = string | number | boolean | null | readonly (string | number)[] | Problem | readonly Problem[];

export type ProblemArgs = Readonly<Record<string, ArgValue>>;

/** A problem: its code and the values its message names. Plain data, so it crosses a worker boundary. */
export interface Problem {
  readonly code: string;
  readonly args: ProblemArgs;
}

/** Says a nested problem in the language of the message that names it. */
export type Say = (p: Problem) => string;

/**
 * One row of the table: its severity when the data is kept (an issue that leaves data out is an
 * `error` whatever the table says) and its message in each language.
 */
export interface MessageDef<A> {
  readonly severity: Exclude<Severity, 'error'>;
  readonly en: (a: A, say: Say) => string;
  readonly ar: (a: A, say: Say) => string;
}

/** For a message that names nothing. */
export type NoArgs = Readonly<Record<string, never>>;

/** Builds a table row with its arguments' type taken from the English message. */
export function message<A>(severity: MessageDef<A>['severity'], en: (a: A, say: Say) => string, ar: (a: A, say: Say) => string): MessageDef<A> {
  return { severity, en, ar };
}
