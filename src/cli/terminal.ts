/**
 * What the `lumive` command prints, made safe for a terminal, and system errors in plain words.
 *
 * Report files are untrusted: a cell, a header, a sheet name or a file name may hold control
 * characters (ESC ] 0 ; … BEL retitles a terminal, ESC [ … m recolours it, a carriage return overwrites
 * the line). They are never printed as they are. Control characters (C0 U+0000–U+001F, DEL U+007F and
 * C1 U+0080–U+009F) are shown as JSON string escapes, so the text output and `--json` agree: "\u001b",
 * "\u0007", "\u009b", and "\n", "\r", "\t" for the three common ones.
 *  - `visible(text)` escapes every control character of one value or one line built from a file's
 *    content, line breaks and tabs included (a value must not start a line of its own).
 *  - `guarded(out)` is the safety net main() puts around standard output and standard error: every
 *    control character except the line breaks and tabs the command itself writes. In `--json` output a
 *    control character can only stand inside a string (JSON.stringify escapes C0 but not DEL or C1), so
 *    the escape keeps the JSON valid and the value unchanged.
 * Only the progress line (analyze.ts) writes terminal codes, through `rawOf(err)`.
 */

export interface Out {
  write(text: string): unknown;
}

const RAW = Symbol('lumive.raw');

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escaped(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One value or line from a file, with every control character shown as its escape. */
export function visible(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** A stream whose writes keep line breaks and tabs and show every other control character as its escape. */
export function guarded(out: Out): Out {
  return { write: (text: string) => out.write(text.replace(CONTROLS_BUT_LINES, escaped)), [RAW]: out } as Out;
}

/** The stream under `guarded` (for the terminal's progress line), or the stream itself. */
export function rawOf(out: Out): Out {
  return (out as Out & { [RAW]?: Out })[RAW] ?? out;
}

/**
 * A Node system error (a file, a disk or a permission): it has an errno code such as ENOSPC. Checked by
 * shape, not `instanceof Error`: Node's errors come from another realm under a test runner's sandbox.
 */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof (e as { message?: unknown }).message === 'string';
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(e);
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted (the file may be open in another program, such as Excel)',
  EBUSY: 'the file is in use by another program (close it in Excel and try again)',
  ETXTBSY: 'the file is in use by another program',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file is in the way of a folder of that path',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  EINVAL: 'the name is not valid here',
  ELOOP: 'the path has a loop of symbolic links',
  EFBIG: 'the file is too large for this file system',
  EPIPE: 'the program reading the output has stopped',
};

/** A system error's reason in plain words, with its code: "the disk is full (ENOSPC)". */
export function systemReason(e: unknown): string {
  if (isSystemError(e)) {
    const plain = REASONS[e.code];
    // Node's message is "CODE: description, syscall 'path'": keep the description when the code is not one we word.
    const described = plain ?? e.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '');
    return `${described} (${e.code})`;
  }
  return messageOf(e);
}
