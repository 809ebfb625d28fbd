/**
 * The problem table (src/engine/problems): one closed vocabulary, each code stated once with its
 * severity and its message in English and Arabic (issue 23; docs/ARCHITECTURE.md, "Problems").
 */
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder } from '../../helpers/source-files';
import { asDropped } from '../../../src/engine/ingest/types';
import { issueAt, MESSAGES, problemOf, say, sayIssue, severityOf } from '../../../src/engine';
import { ANALYSIS_MESSAGES } from '../../../src/engine/problems/analysis';
import { FILES_MESSAGES } from '../../../src/engine/problems/files';
import { JOIN_MESSAGES } from '../../../src/engine/problems/join';
import { READING_MESSAGES } from '../../../src/engine/problems/reading';
import { SHEETS_MESSAGES } from '../../../src/engine/problems/sheets';
import { VALUES_MESSAGES } from '../../../src/engine/problems/values';

const TABLES = { VALUES_MESSAGES, READING_MESSAGES, JOIN_MESSAGES, SHEETS_MESSAGES, ANALYSIS_MESSAGES, FILES_MESSAGES };
const ROOT = path.join(__dirname, '..', '..', '..');


describe('the problem table', () => {
  it('states each code once across the tables (a code in two tables would silently hide one message)', () => {
    const all = Object.values(TABLES).flatMap((t) => Object.keys(t));
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(MESSAGES).sort()).toEqual([...all].sort());
  });

  it('names codes area.what, in lower case', () => {
    for (const code of Object.keys(MESSAGES)) expect(code).toMatch(/^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
  });

  it('gives each code a severity for kept data (error is for data left out, decided by the issue)', () => {
    for (const def of Object.values(MESSAGES)) expect(['warning', 'info']).toContain(def.severity);
  });

  it('has every code said in a test (each table row is checked somewhere in English or Arabic)', () => {
    const tests = filesUnder(path.join(ROOT, 'test'))
      .filter((f) => f !== __filename)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const unsaid = Object.keys(MESSAGES).filter((code) => !tests.includes(`'${code}'`));
    expect(unsaid).toEqual([]);
  });
});

describe('the sources keep to the table', () => {
  const sources = filesUnder(path.join(ROOT, 'src')).map((f) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));

  it('make every issue with issueAt (no issue object written out with its own reason and effect)', () => {
    // issueAt, and asDropped for a cell issue of a row left out, both in ingest/types.ts.
    const found = sources.filter((s) => s.file !== 'src/engine/ingest/types.ts' && /\bdropped: (?!boolean)/.test(s.text)).map((s) => s.file);
    expect(found).toEqual([]);
  });

  it('name codes through problemOf, checked against the table (no code written as a bare object)', () => {
    const found = sources.filter((s) => !s.file.startsWith('src/engine/problems/') && /\bcode: '[a-z]+\./.test(s.text)).map((s) => s.file);
    expect(found).toEqual([]);
  });
});

describe('say and issueAt', () => {
  const negative = problemOf('stock.negative', { what: 'stock', n: -3 });

  it('says a problem in English and in Arabic from the same values', () => {
    expect(say(negative)).toBe('Negative stock quantity -3 counted as 0');
    expect(say(negative, 'ar')).toBe('كمية مخزون سالبة (-3): حُسبت 0');
    expect(say(problemOf('stock.negative', { what: 'returned', n: -1 }), 'ar')).toBe('كمية مرتجعات سالبة (-1): حُسبت 0');
  });

  it('makes an issue with its code, values, severity and English reason', () => {
    const kept = issueAt({ source: 'FBA', row: 4, column: 'afn-fulfillable-quantity', value: '-3' }, negative, false);
    expect(kept).toEqual({
      source: 'FBA',
      row: 4,
      column: 'afn-fulfillable-quantity',
      value: '-3',
      code: 'stock.negative',
      args: { what: 'stock', n: -3 },
      severity: 'warning',
      reason: 'Negative stock quantity -3 counted as 0',
      dropped: false,
    });
    expect(issueAt({ source: 'FBA', row: 4, column: null, value: null }, negative, true).severity).toBe('error');
    expect(severityOf(negative, true)).toBe('error');
  });

  it('asDropped: a kept cell issue of a row another cell left out becomes an error; a dropped one is unchanged', () => {
    const kept = issueAt({ source: 'FBA', row: 4, column: 'afn-fulfillable-quantity', value: '-3' }, negative, false);
    expect(asDropped(kept)).toEqual({ ...kept, dropped: true, severity: 'error' });
    const dropped = issueAt({ source: 'FBA', row: 4, column: 'sku', value: null }, problemOf('cell.blank', { column: 'sku' }), true);
    expect(asDropped(dropped)).toBe(dropped);
  });

  it('refuses a code that is not in the table', () => {
    expect(() => say({ code: 'no.such-code', args: {} })).toThrow('No message for problem code no.such-code');
  });
});

describe('sayIssue', () => {
  it('says an issue in Arabic from its code and values, and in English as its reason', () => {
    const issue = issueAt({ source: 'FBA', row: 2, column: 'available', value: '-7' }, problemOf('stock.negative', { what: 'stock', n: -7 }), false);
    expect(sayIssue(issue)).toBe(issue.reason);
    expect(sayIssue(issue, 'ar')).toBe('كمية مخزون سالبة (-7): حُسبت 0');
  });
});
