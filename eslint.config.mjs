// ESLint flat config. The engine rule keeps src/engine/** pure: no Office, DOM, Node or React
// (docs/ARCHITECTURE.md; the same layering excalidraw enforces for its core packages). Code outside the
// engine uses it through its front door (src/engine/index.ts); the task pane never imports a workbook
// adapter. The sample-data generator (src/demo) is held to the engine's purity too.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = builtinModules.flatMap((m) => [m, `node:${m}`]);

export const engineRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeModules.map((name) => ({ name, message: 'The engine is pure: no Node APIs in src/engine.' })),
      patterns: [
        { group: ['react', 'react-*', 'react/*', '@fluentui/*'], message: 'The engine is pure: no React in src/engine.' },
        { group: ['office-*', '@microsoft/office-js*', '**/workbook/**', '**/taskpane/**', '**/functions/**', '**/cli/**', '**/commands/**'], message: 'The engine is pure: no Office or host code in src/engine.' },
        { group: ['exceljs', 'papaparse', 'hyperformula'], message: 'The engine is pure: file formats and spreadsheet engines live outside src/engine.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['Office', 'Excel', 'CustomFunctions', 'OfficeRuntime', 'OfficeExtension'].map((name) => ({ name, message: 'The engine is pure: Office.js lives in src/workbook/office.' })),
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'DOMParser'].map((name) => ({ name, message: 'The engine is pure: no DOM in src/engine.' })),
    ...['process', 'require', 'Buffer', '__dirname', '__filename', 'global', 'module', 'setImmediate'].map((name) => ({ name, message: 'The engine is pure: no Node globals in src/engine.' })),
  ],
};

const deepEngine = { group: ['**/engine/*', '**/engine/**/*'], message: 'Import the engine through its front door (src/engine/index.ts), not its insides.' };

/** Outside the engine: only its front door. */
export const layerRestrictions = { 'no-restricted-imports': ['error', { patterns: [deepEngine] }] };

/**
 * The sample-data generator (src/demo): as pure as the engine (the browser preview and the command
 * both run it), and outside it, so it takes the engine through its front door.
 */
export const demoRestrictions = {
  'no-restricted-imports': ['error', { ...engineRestrictions['no-restricted-imports'][1], patterns: [...engineRestrictions['no-restricted-imports'][1].patterns, deepEngine] }],
  'no-restricted-globals': engineRestrictions['no-restricted-globals'],
};

/** The task pane: the engine's front door and the app layer, never a workbook adapter (src/app/session.ts picks the port). */
export const paneRestrictions = {
  'no-restricted-imports': ['error', { patterns: [deepEngine, { group: ['**/workbook/**', '**/workbook'], message: 'The task pane talks to the workbook through src/app (the session), never to a workbook adapter.' }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/engine/**/*.ts'], rules: engineRestrictions },
  { files: ['src/**/*.ts', 'src/**/*.tsx'], ignores: ['src/engine/**', 'src/taskpane/**'], rules: layerRestrictions },
  { files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'], rules: paneRestrictions },
  { files: ['src/demo/**/*.ts'], rules: demoRestrictions },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
