/**
 * The one table of problems (docs/ARCHITECTURE.md, "Problems"): every issue the importer, the sheets'
 * readers, the file reader and the analysis report is a code from this table with the values its message
 * names. The English text is what the workbook's Data Issues sheet and the CLI show; the pane shows the
 * Arabic one in Arabic. A code's message and severity are stated here once.
 */
import { ANALYSIS_MESSAGES } from './analysis';
import { FILES_MESSAGES } from './files';
import { JOIN_MESSAGES } from './join';
import { READING_MESSAGES } from './reading';
import { SHEETS_MESSAGES } from './sheets';
import type { MessageDef, MessageLang, Problem, ProblemArgs, Say, Severity } from './types';
import { VALUES_MESSAGES } from './values';

export type { ArgValue, MessageLang, Problem, ProblemArgs, Severity } from './types';

export const MESSAGES = { ...VALUES_MESSAGES, ...READING_MESSAGES, ...JOIN_MESSAGES, ...SHEETS_MESSAGES, ...ANALYSIS_MESSAGES, ...FILES_MESSAGES };

export type ProblemCode = keyof typeof MESSAGES;
/** The values a code's message names. */
export type ArgsOf<C extends ProblemCode> = Parameters<(typeof MESSAGES)[C]['en']>[0];

/** The tables, each row as the loose shape (for saying a problem whose code is only known at run time). */
const TABLE: Readonly<Record<string, MessageDef<ProblemArgs>>> = MESSAGES as unknown as Record<string, MessageDef<ProblemArgs>>;

/** A problem with its code's values, checked against the table's message. */
export function problemOf<C extends ProblemCode>(code: C, args: ArgsOf<C>): Problem {
  return { code, args: args as unknown as ProblemArgs };
}

/** True when the code is in the table (a problem read back from elsewhere). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(TABLE, code);
}

/** The problem's message in the language asked for (English by default). */
export function say(p: Problem, lang: MessageLang = 'en'): string {
  const def = TABLE[p.code];
  if (def === undefined) throw new Error(`No message for problem code ${p.code}`);
  const nested: Say = (q) => say(q, lang);
  return lang === 'ar' ? def.ar(p.args, nested) : def.en(p.args, nested);
}

/** The code's severity when the data is kept; a problem that leaves data out is an `error`. */
export function severityOf(p: Problem, dropped: boolean): Severity {
  if (dropped) return 'error';
  const def = TABLE[p.code];
  if (def === undefined) throw new Error(`No message for problem code ${p.code}`);
  return def.severity;
}
