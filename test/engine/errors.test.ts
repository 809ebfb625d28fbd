/**
 * The engine's domain errors come from one message table (src/engine/errors.ts, `messages`): every
 * CalcError an engine source builds passes a `messages.…` template, never its own text. Reads the
 * sources, so a literal message added anywhere in src/engine fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CalcError, messages, valueError } from '../../src/engine/errors';
import { filesUnder } from '../helpers/source-files';

const ENGINE = path.join(__dirname, '..', '..', 'src', 'engine');

const sources = (dir: string) => filesUnder(dir, /\.ts$/);

/** Each call building a CalcError, with what its message argument starts with. */
function calls(text: string): { at: string; message: string }[] {
  const out: { at: string; message: string }[] = [];
  const re = /\b(valueError|naError|numError)\(\s*|new CalcError\(\s*'[^']*',\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ at: `:${line}`, message: rest });
  }
  return out;
}

test('every CalcError in the engine takes its message from the table', () => {
  const offenders: string[] = [];
  let seen = 0;
  for (const file of sources(ENGINE)) {
    if (file.endsWith(`${path.sep}errors.ts`)) continue;
    for (const c of calls(fs.readFileSync(file, 'utf8'))) {
      seen++;
      if (!c.message.startsWith('messages.')) offenders.push(`${path.relative(ENGINE, file)}${c.at}: ${c.message}`);
    }
  }
  expect(offenders).toEqual([]);
  // The scan finds the calls it checks (a regular expression that matched nothing would pass vacuously).
  expect(seen).toBeGreaterThanOrEqual(45);
});

test('the scan catches a literal message', () => {
  expect(calls("return valueError('x must be odd');").map((c) => c.message.startsWith('messages.'))).toEqual([false]);
  expect(calls('return new CalcError(\'#N/A\', `no ${x}`);').map((c) => c.message.startsWith('messages.'))).toEqual([false]);
  expect(calls("return valueError(messages.negative('x'));").map((c) => c.message.startsWith('messages.'))).toEqual([true]);
});

test('templates read as before (texts a custom function shows)', () => {
  expect(messages.atLeastValues('days', 1)).toBe('days requires at least 1 value');
  expect(messages.atLeastValues('days', 2)).toBe('days requires at least 2 values');
  expect(messages.when(messages.notPositive('inStockDays'), 'sold is greater than 0')).toBe('inStockDays must be greater than 0 when sold is greater than 0');
  expect(messages.because(messages.openUnit('criticalRatio'), 'holdingCost is 0, so no stock is enough')).toBe('criticalRatio must be between 0 and 1, exclusive (holdingCost is 0, so no stock is enough)');
  expect(valueError(messages.before('to', '2026-01-01', 'from', '2026-02-01'))).toStrictEqual(new CalcError('#VALUE!', 'to (2026-01-01) is before from (2026-02-01)'));
});
