// ESLint flat config. The engine rule keeps src/engine/** pure: no Office, DOM, Node or React
// (ARCHITECTURE.md; the same layering excalidraw enforces for its core packages).
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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/engine/**/*.ts'], rules: engineRestrictions },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
