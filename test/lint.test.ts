/**
 * The layering rules: src/engine stays pure (no Office, DOM, Node or React); code outside it uses the
 * engine through its front door (src/engine/index.ts); the task pane never imports a workbook adapter;
 * the sample-data generator (src/demo) is pure like the engine and uses its front door.
 * Lints sample sources as if they were files of those layers, so each rule is shown to catch each kind
 * of import, not only to pass. ESLint
 * runs in a child Node process (its config is an ES module, which Jest's sandbox cannot import).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..');

const SAMPLES: { code: string; file: string; rule: string | null }[] = [
  { code: "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n", file: 'src/engine/metrics/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { join } from 'node:path';\nexport const f = join;\n", file: 'src/engine/metrics/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { useState } from 'react';\nexport const f = useState;\n", file: 'src/engine/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { Button } from '@fluentui/react-components';\nexport const f = Button;\n", file: 'src/engine/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { HyperFormula } from 'hyperformula';\nexport const f = HyperFormula;\n", file: 'src/engine/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { runForExcel } from '../../functions/excel';\nexport const f = runForExcel;\n", file: 'src/engine/metrics/sample.ts', rule: 'no-restricted-imports' },
  { code: 'export const f = () => Excel.run(async () => undefined);\n', file: 'src/engine/sample.ts', rule: 'no-restricted-globals' },
  { code: 'export const f = () => Office.context;\n', file: 'src/engine/sample.ts', rule: 'no-restricted-globals' },
  { code: 'export const f = () => document.title;\n', file: 'src/engine/sample.ts', rule: 'no-restricted-globals' },
  { code: 'export const f = () => process.env.HOME;\n', file: 'src/engine/sample.ts', rule: 'no-restricted-globals' },
  { code: "import { valueError } from '../errors';\nexport const f = () => valueError('x');\n", file: 'src/engine/metrics/sample.ts', rule: null },
  { code: "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n", file: 'src/cli/sample.ts', rule: null },
  // The layers: outside the engine only its front door; the task pane never a workbook adapter.
  { code: "import { doi } from '../engine/metrics/doi';\nexport const f = doi;\n", file: 'src/app/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { analyze } from '../../engine/analyze';\nexport const f = analyze;\n", file: 'src/taskpane/components/sample.tsx', rule: 'no-restricted-imports' },
  { code: "import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';\nexport const f = XlsxWorkbook;\n", file: 'src/taskpane/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { OfficeWorkbook } from '../../workbook/office/office-workbook';\nexport const f = OfficeWorkbook;\n", file: 'src/taskpane/components/sample.tsx', rule: 'no-restricted-imports' },
  { code: "import { doi } from '../engine';\nexport const f = doi;\n", file: 'src/functions/sample.ts', rule: null },
  { code: "import { analyze } from '../../engine';\nexport const f = analyze;\n", file: 'src/taskpane/components/sample.tsx', rule: null },
  { code: "import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';\nexport const f = XlsxWorkbook;\n", file: 'src/cli/sample.ts', rule: null },
  // The sample-data generator: pure like the engine, and outside it.
  { code: "import { plainSheet } from '../engine/sheets/table';\nexport const f = plainSheet;\n", file: 'src/demo/sample.ts', rule: 'no-restricted-imports' },
  { code: "import { readFileSync } from 'fs';\nexport const f = readFileSync;\n", file: 'src/demo/sample.ts', rule: 'no-restricted-imports' },
  { code: 'export const f = () => Math.random() + Date.now() + (document ? 1 : 0);\n', file: 'src/demo/sample.ts', rule: 'no-restricted-globals' },
  { code: "import { plainSheet } from '../engine';\nexport const f = plainSheet;\n", file: 'src/demo/sample.ts', rule: null },
];

const SCRIPT = `
const { ESLint } = require('eslint');
const path = require('path');
const samples = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const s of samples) {
    const [r] = await eslint.lintText(s.code, { filePath: path.join(process.cwd(), s.file) });
    out.push(r.messages.map((m) => m.ruleId || m.message));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

let results: string[][];

beforeAll(() => {
  const run = spawnSync(process.execPath, ['-e', SCRIPT, JSON.stringify(SAMPLES)], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  results = JSON.parse(run.stdout);
}, 60_000);

describe('layering rules', () => {
  it.each(SAMPLES.map((s, i) => [s.file, s.code.split('\n')[0], s.rule, i] as const))('%s: %s → %s', (_file, _line, rule, i) => {
    if (rule === null) expect(results[i]).toEqual([]);
    else expect(results[i]).toContain(rule);
  });
});
