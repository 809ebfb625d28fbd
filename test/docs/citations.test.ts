/**
 * Citations of the project's documents (docs/PRODUCT.md, FORMULAS.md, REPORTS.md, ARCHITECTURE.md,
 * STYLE.md) from the code, the tests and the README. Every citation must name the file in docs/ (not a
 * bare name, not a path outside the repository such as ../shared), the file must exist, and what it
 * points at must be there:
 * - a quoted section right after the name (`docs/FORMULAS.md, "Stock"` or `docs/FORMULAS.md "Stock"`)
 *   is a heading of that file (compared without regard to case);
 * - a quotation after a colon (`docs/FORMULAS.md: "alert above 15%"`) is text of that file;
 * - a numbered item of the style guide (`docs/STYLE.md 7`, `docs/STYLE.md §6`) is an item of its list.
 * A doc comment's line breaks (` * `, `// `) are read as spaces, so a section name may wrap.
 *
 * Also: the settings table of docs/FORMULAS.md is the one SETTING_FIELDS and DEFAULT_SETTINGS give
 * (`UPDATE_DOCS=1 npx jest test/docs` rewrites it).
 *
 * Reads only files of the repository, so it runs on a clean clone with nothing beside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../src/engine/model';
import { flatten, SETTING_FIELDS } from '../../src/engine/sheets/settings-sheet';
import { filesUnder } from '../helpers/source-files';

const root = path.join(__dirname, '..', '..');
const DOCS = ['PRODUCT', 'FORMULAS', 'REPORTS', 'ARCHITECTURE', 'STYLE'] as const;
/** Where citations are looked for: every text file under these folders, and these files. */
const SCANNED_DIRS = ['src', 'test', 'scripts'];
const SCANNED_FILES = ['README.md', 'eslint.config.mjs', 'webpack.config.js', '.ci/run'];
const TEXT = /\.(ts|tsx|js|cjs|mjs|json|html|md|txt|xml|yml|yaml)$/;

/** This file writes broken citations on purpose (the checker's own tests below). */
const SELF = path.relative(root, __filename);

interface DocText {
  readonly headings: readonly string[];
  /** The file's text with runs of white space as one space. */
  readonly flat: string;
  /** Numbers of the top-level numbered list items ("7. …"). */
  readonly items: ReadonlySet<string>;
}

interface Problem {
  readonly file: string;
  readonly line: number;
  readonly citation: string;
  readonly reason: string;
}

const flatten1 = (s: string) => s.replace(/\s+/g, ' ').trim();

function readDoc(text: string): DocText {
  const headings: string[] = [];
  const items = new Set<string>();
  let fence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) fence = !fence;
    if (fence) continue;
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) headings.push(h[1]);
    const item = /^(\d+)\.\s/.exec(line);
    if (item) items.add(item[1]);
  }
  return { headings, flat: flatten1(text), items };
}

/** The documents as they are in docs/, by name ("FORMULAS"); a missing file is absent. */
function readDocs(): Map<string, DocText> {
  const docs = new Map<string, DocText>();
  for (const name of DOCS) {
    const file = path.join(root, 'docs', `${name}.md`);
    if (fs.existsSync(file)) docs.set(name, readDoc(fs.readFileSync(file, 'utf8')));
  }
  return docs;
}

/**
 * A citation: what precedes the name on its path ("docs/", "", "../shared/design/"), the name, and
 * what follows: a section (", "X"" or " "X""), a quotation (": "X"") or an item number (" 7", " §6").
 */
const CITATION = new RegExp(
  String.raw`([\w./-]*?)\b(${DOCS.join('|')})\.md\b(?:(,?\s*)"([^"]+)"|(:\s*)"([^"]+)"|\s+§?(\d+)\b)?`,
  'g',
);

/** Checks every citation in `text` (the contents of `file`) against `docs`. */
function checkCitations(file: string, text: string, docs: ReadonlyMap<string, DocText>): Problem[] {
  // Read a doc comment's or line comment's continuation as a space, keeping each offset's line.
  const lineStarts: number[] = [];
  let flat = '';
  const offsets: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/\r$/, '');
    if (i > 0) {
      const cont = /^\s*(?:\*(?!\/)|\/\/|#)?\s*/.exec(line);
      line = line.slice(cont ? cont[0].length : 0);
      flat += ' ';
      offsets.push(i);
    }
    lineStarts.push(flat.length);
    flat += line;
    for (let k = 0; k < line.length; k++) offsets.push(i);
  }
  const problems: Problem[] = [];
  for (const m of flat.matchAll(CITATION)) {
    const [whole, prefix, name, , section, , quote, item] = m;
    const line = (offsets[m.index ?? 0] ?? 0) + 1;
    const citation = whole.length > 120 ? `${whole.slice(0, 117)}…` : whole;
    const report = (reason: string) => problems.push({ file, line, citation, reason });
    if (prefix !== 'docs/') {
      report(prefix ? `cites ${prefix}${name}.md, outside docs/: cite docs/${name}.md` : `cites ${name}.md without its folder: cite docs/${name}.md`);
      continue;
    }
    const doc = docs.get(name);
    if (!doc) {
      report(`docs/${name}.md does not exist`);
      continue;
    }
    if (section !== undefined) {
      const want = flatten1(section).toLowerCase();
      if (!doc.headings.some((h) => flatten1(h).toLowerCase() === want)) report(`docs/${name}.md has no heading "${flatten1(section)}"`);
    } else if (quote !== undefined) {
      if (!doc.flat.includes(flatten1(quote))) report(`docs/${name}.md does not say "${flatten1(quote)}"`);
    } else if (item !== undefined && name === 'STYLE') {
      if (!doc.items.has(item)) report(`docs/STYLE.md has no item ${item}`);
    }
  }
  return problems;
}

function scannedFiles(): string[] {
  const out = SCANNED_DIRS.flatMap((dir) => filesUnder(path.join(root, dir), TEXT).map((f) => path.relative(root, f)));
  for (const f of SCANNED_FILES) if (fs.existsSync(path.join(root, f))) out.push(f);
  return out.filter((f) => f.split(path.sep).join('/') !== SELF.split(path.sep).join('/')).sort();
}

const SETTINGS_START = '<!-- settings-table:start (generated from SETTING_FIELDS; do not edit by hand) -->';
const SETTINGS_END = '<!-- settings-table:end -->';

/** The settings table of docs/FORMULAS.md, "Settings and defaults", from the code. */
function settingsTable(): string {
  const defaults = flatten(DEFAULT_SETTINGS);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = SETTING_FIELDS.map((f) => `| ${f.key} | ${cell(String(defaults[f.key]))} | ${cell(f.meaning)} |`);
  return ['| key | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

describe('citations of docs/', () => {
  const docs = readDocs();

  it('has the five documents', () => {
    expect([...docs.keys()].sort()).toEqual([...DOCS].sort());
  });

  it('every citation in src/, test/ and the README points at a file and a section of docs/', () => {
    const files = scannedFiles();
    let count = 0;
    const problems: Problem[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      const found = checkCitations(f, text, docs);
      problems.push(...found);
      count += [...text.matchAll(new RegExp(String.raw`\b(${DOCS.join('|')})\.md\b`, 'g'))].length;
    }
    expect(count).toBeGreaterThan(100); // the scan finds the code's citations at all
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.citation}: ${p.reason}`)).toEqual([]);
  });

  it('docs/FORMULAS.md lists every setting with its default and meaning', () => {
    const file = path.join(root, 'docs', 'FORMULAS.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(SETTINGS_START);
    const end = text.indexOf(SETTINGS_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const table = settingsTable();
    if (process.env.UPDATE_DOCS === '1') {
      fs.writeFileSync(file, `${text.slice(0, start + SETTINGS_START.length)}\n${table}\n${text.slice(end)}`);
      return;
    }
    expect(text.slice(start + SETTINGS_START.length, end).trim()).toBe(table);
  });
});

describe('the citation check', () => {
  const doc = (text: string) => new Map([['FORMULAS', readDoc(text)], ['STYLE', readDoc('1. One\n2. Two\n')]]);
  const formulas = doc('# Formulas\n\n## Stock\n\nalert above 15%\n\n```\n## Not a heading\n```\n');
  const reasons = (text: string) => checkCitations('x.ts', text, formulas).map((p) => p.reason);
  // Built so that the scan above does not read these samples as citations of this file.
  const F = 'FORMULAS' + '.md';

  it('accepts a citation of a heading, a quotation and a style item in docs/', () => {
    expect(reasons(`// docs/${F}, "Stock"\n// docs/${F} "stock": DOI\n// (docs/${F}: "alert above 15%")`)).toEqual([]);
    expect(reasons(`/** docs/STYLE${'.md'} §2, docs/STYLE${'.md'} 1 */`)).toEqual([]);
  });

  it('rejects a bare name and a path outside docs/', () => {
    expect(reasons(`// ${F}, "Stock"`)).toEqual([`cites ${F} without its folder: cite docs/${F}`]);
    expect(reasons(`// ../shared/design/${F}, "Stock"`)).toEqual([`cites ../shared/design/${F}, outside docs/: cite docs/${F}`]);
  });

  it('rejects a missing file, a missing heading, a missing quotation and a missing style item', () => {
    expect(reasons(`// docs/REPORTS${'.md'}, "Values"`)).toEqual(['docs/REPORTS.md does not exist']);
    expect(reasons(`// docs/${F}, "Stocks"`)).toEqual([`docs/${F} has no heading "Stocks"`]);
    expect(reasons(`// docs/${F}, "Not a heading"`)).toEqual([`docs/${F} has no heading "Not a heading"`]);
    expect(reasons(`// docs/${F}: "alert above 20%"`)).toEqual([`docs/${F} does not say "alert above 20%"`]);
    expect(reasons(`// docs/STYLE${'.md'} §3`)).toEqual(['docs/STYLE.md has no item 3']);
  });

  it('reads a section name that wraps in a doc comment', () => {
    const two = doc('## Untrusted text is a formula risk\n');
    expect(checkCitations('x.ts', `/**\n * (docs/${F}, "Untrusted text is a\n * formula risk").\n */`, two)).toEqual([]);
    expect(checkCitations('x.ts', `/**\n * (docs/${F}, "Untrusted text is a\n * formula hazard").\n */`, two).map((p) => p.line)).toEqual([2]);
  });
});
